/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally-event.h"
#include "tally-events.h"
#include "tally-facts.h"
#include "tally-partial-date.h"

struct _TallyEvent
{
  GObject           parent_instance;
  TallyEventRecord *record;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_KIND_NAME,
  PROP_DATE,
  PROP_DATE_END,
  PROP_PLACE,
  PROP_PLANNED,
  PROP_DISPUTED,
  PROP_FIRST_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TallyEvent, tally_event, G_TYPE_OBJECT)

static void
tally_event_finalize (GObject *object)
{
  TallyEvent *self = TALLY_EVENT (object);

  g_clear_pointer (&self->record, tally_event_record_free);
  G_OBJECT_CLASS (tally_event_parent_class)->finalize (object);
}

static void
tally_event_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TallyEvent *self = TALLY_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, tally_event_get_id (self)); break;
    case PROP_LABEL: g_value_set_string (value, tally_event_get_label (self)); break;
    case PROP_KIND_NAME: g_value_set_string (value, tally_event_get_kind_name (self)); break;
    case PROP_DATE: g_value_set_string (value, tally_event_get_date (self)); break;
    case PROP_DATE_END: g_value_set_string (value, tally_event_get_date_end (self)); break;
    case PROP_PLACE: g_value_set_string (value, tally_event_get_place (self)); break;
    case PROP_PLANNED: g_value_set_boolean (value, tally_event_get_planned (self)); break;
    case PROP_DISPUTED: g_value_set_boolean (value, tally_event_get_disputed (self)); break;
    case PROP_FIRST_DAY: g_value_set_uint (value, tally_event_get_first_day (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_event_class_init (TallyEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_event_finalize;
  object_class->get_property = tally_event_get_property;

#define STRING_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  STRING_PROP (PROP_ID, "id");
  STRING_PROP (PROP_LABEL, "label");
  STRING_PROP (PROP_KIND_NAME, "kind-name");
  STRING_PROP (PROP_DATE, "date");
  STRING_PROP (PROP_DATE_END, "date-end");
  STRING_PROP (PROP_PLACE, "place");
#undef STRING_PROP
  properties[PROP_PLANNED] = g_param_spec_boolean ("planned", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPUTED] = g_param_spec_boolean ("disputed", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* For a GtkNumericSorter: events in time order. */
  properties[PROP_FIRST_DAY] = g_param_spec_uint ("first-day", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_event_init (TallyEvent *self)
{
}

TallyEvent *
tally_event_new (TallyEventRecord *record)
{
  TallyEvent *self;

  g_return_val_if_fail (record != NULL, NULL);
  self = g_object_new (TALLY_TYPE_EVENT, NULL);
  self->record = record;
  return self;
}

const TallyEventRecord *
tally_event_get_record (TallyEvent *self)
{
  g_return_val_if_fail (TALLY_IS_EVENT (self), NULL);
  return self->record;
}

const char *
tally_event_get_id (TallyEvent *self)
{
  g_return_val_if_fail (TALLY_IS_EVENT (self), NULL);
  return self->record->id;
}

const char *
tally_event_get_label (TallyEvent *self)
{
  g_return_val_if_fail (TALLY_IS_EVENT (self), NULL);
  return self->record->label;
}

const char *
tally_event_get_kind_name (TallyEvent *self)
{
  g_return_val_if_fail (TALLY_IS_EVENT (self), NULL);
  return tally_event_kind_to_string (self->record->kind);
}

const char *
tally_event_get_date (TallyEvent *self)
{
  g_return_val_if_fail (TALLY_IS_EVENT (self), NULL);
  return self->record->date;
}

const char *
tally_event_get_date_end (TallyEvent *self)
{
  g_return_val_if_fail (TALLY_IS_EVENT (self), NULL);
  return self->record->date_end;
}

const char *
tally_event_get_place (TallyEvent *self)
{
  g_return_val_if_fail (TALLY_IS_EVENT (self), NULL);
  return self->record->place;
}

gboolean
tally_event_get_planned (TallyEvent *self)
{
  g_return_val_if_fail (TALLY_IS_EVENT (self), FALSE);
  return self->record->planned;
}

gboolean
tally_event_get_disputed (TallyEvent *self)
{
  g_return_val_if_fail (TALLY_IS_EVENT (self), FALSE);
  return self->record->disputed;
}

guint
tally_event_get_first_day (TallyEvent *self)
{
  g_return_val_if_fail (TALLY_IS_EVENT (self), 0);
  return self->record->first_day;
}

char *
tally_event_format_date (const char *date,
                         const char *date_end)
{
  char *text = tally_format_date_readable (date, date_end);

  return text != NULL ? text : g_strdup (date ? date : "");
}

char *
tally_event_dup_accessible_text (TallyEvent *self)
{
  const TallyEventRecord *r;
  g_autofree char *when = NULL;
  GString *text;

  g_return_val_if_fail (TALLY_IS_EVENT (self), NULL);
  r = self->record;
  when = tally_event_format_date (r->date, r->date_end);
  text = g_string_new (r->label);
  g_string_append_printf (text, ", %s", when);
  if (r->place)
    g_string_append_printf (text, ", in %s", r->place);
  if (r->planned)
    g_string_append (text, ", planned");
  if (r->disputed)
    {
      g_string_append (text, ", disputed: ");
      for (guint i = 0; i < r->alternatives->len; i++)
        {
          const TallyEventAlternative *alt = g_ptr_array_index (r->alternatives, i);
          g_autofree char *alt_when = tally_event_format_date (alt->date, alt->date_end);

          if (i > 0)
            g_string_append (text, i + 1 == r->alternatives->len ? " or " : ", ");
          g_string_append (text, alt_when);
        }
    }
  return g_string_free (text, FALSE);
}

GListModel *
tally_event_list_new (GPtrArray *records)
{
  GListStore *store = g_list_store_new (TALLY_TYPE_EVENT);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      g_autoptr(TallyEvent) event = tally_event_new (tally_event_record_copy (g_ptr_array_index (records, i)));

      g_list_store_append (store, event);
    }
  return G_LIST_MODEL (store);
}

typedef struct
{
  GStrv ids;
  char **titles;  /* entries may be NULL */
  GStrv texts;
  GStrv published;
  GStrv languages;
  guint n;
  TallyCorrections *corrections;  /* a copy, or NULL */
} FindData;

static void
find_data_free (FindData *data)
{
  g_strfreev (data->ids);
  g_strfreev (data->texts);
  for (guint i = 0; i < data->n; i++)
    {
      g_free (data->published[i]);
      g_free (data->titles[i]);
      g_free (data->languages[i]);
    }
  g_free (data->titles);
  g_free (data->published);
  g_free (data->languages);
  g_clear_object (&data->corrections);
  g_free (data);
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FindData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) excluded = NULL;
  g_autoptr(GArray) sources = g_array_sized_new (FALSE, TRUE, sizeof (TallyEventSource), data->n);
  g_autoptr(GPtrArray) records = NULL;

  for (guint i = 0; i < data->n; i++)
    {
      TallyEventSource source = {
        .id = data->ids[i],
        .title = data->titles[i],
        .text = data->texts[i],
        .len = strlen (data->texts[i]),
        .published = data->published[i],
        .language = data->languages[i],
      };

      g_array_append_val (sources, source);
    }
  if (data->corrections != NULL)
    excluded = tally_corrections_dup_left_out_mentions (data->corrections);
  /* The pipeline `tally-cli analyze` runs: the app shows what it finds. */
  records = tally_events_find ((const TallyEventSource *) sources->data, sources->len, excluded, cancellable, &error);
  if (records == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (data->corrections != NULL)
    tally_corrections_apply_event_labels (data->corrections, records);
  g_task_return_pointer (task, tally_event_list_new (records), g_object_unref);
}

void
tally_events_find_async (const char * const *ids,
                         const char * const *titles,
                         const char * const *texts,
                         const char * const *published,
                         const char * const *languages,
                         TallyCorrections   *corrections,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  FindData *data = g_new0 (FindData, 1);

  data->n = g_strv_length ((char **) ids);
  data->ids = g_strdupv ((char **) ids);
  data->corrections = corrections != NULL ? tally_corrections_copy (corrections) : NULL;
  data->texts = g_new0 (char *, data->n + 1);
  data->published = g_new0 (char *, data->n + 1);
  data->titles = g_new0 (char *, data->n + 1);
  data->languages = g_new0 (char *, data->n + 1);
  for (guint i = 0; i < data->n; i++)
    {
      data->titles[i] = titles != NULL ? g_strdup (titles[i]) : NULL;
      data->texts[i] = g_strdup (texts[i] ? texts[i] : "");
      data->published[i] = g_strdup (published[i]);
      data->languages[i] = languages != NULL ? g_strdup (languages[i]) : NULL;
    }
  g_task_set_source_tag (task, tally_events_find_async);
  g_task_set_task_data (task, data, (GDestroyNotify) find_data_free);
  g_task_run_in_thread (task, find_thread);
}

GListModel *
tally_events_find_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
