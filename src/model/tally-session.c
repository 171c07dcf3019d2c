/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE           /* dl_iterate_phdr() */
#include "config.h"

#include <link.h>
#include <locale.h>
#include <string.h>

#include "tally-document-private.h"
#include "tally-event.h"
#include "tally-fact.h"
#include "tally-grouping.h"
#include "tally-session.h"

struct _TallySession
{
  GObject           parent_instance;

  TallyProject     *project;
  TallyCorrections *corrections;

  /* Facts: the claims are read once per change of the documents, then
   * grouped again (with the corrections) at each fact correction. */
  GListModel       *facts;
  GPtrArray        *claims;             /* TallyClaim*, as last read */
  GPtrArray        *texts;              /* TallyDocumentText*, leads only, as last read */
  GListModel       *stories;
  guint             group_source;
  GCancellable     *group_cancellable;
  gboolean          grouping;
  /* Facts kept in the project (issue 14): tried once, when the session
   * opens; a kept list has no claims in memory until a change groups them. */
  gboolean          tried_kept;
  gboolean          facts_kept;
  TallyStoreGeneration claims_generation;   /* the project when `claims` were read; data −1: unknown */

  /* Events: the texts are read and searched at each change. */
  GListModel       *events;
  guint             find_source;
  GCancellable     *find_cancellable;
  gboolean          finding;
};

G_DEFINE_FINAL_TYPE (TallySession, tally_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_CORRECTIONS,
  PROP_UNDO_STACK,
  PROP_FACTS,
  PROP_STORIES,
  PROP_GROUPING,
  PROP_EVENTS,
  PROP_FINDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_grouping (TallySession *self,
              gboolean      grouping)
{
  if (self->grouping == grouping)
    return;
  self->grouping = grouping;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPING]);
}

static void
set_finding (TallySession *self,
             gboolean      finding)
{
  if (self->finding == finding)
    return;
  self->finding = finding;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDING]);
}

/* ---- facts -------------------------------------------------------------- */

/* What names the program and the language that grouped kept facts: the
 * build (its GNU build id, which any change of code or of the data compiled
 * into it changes) and the locale (labels, dates and numbers are written in
 * it). NULL when the program has no build id: nothing is kept then. */
static int
find_build_id (struct dl_phdr_info *info,
               size_t               size,
               void                *data)
{
  GString *out = data;

  /* The first object is the program itself, where the core is linked. */
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *phdr = &info->dlpi_phdr[i];
      const guint8 *at, *end;

      if (phdr->p_type != PT_NOTE)
        continue;
      at = (const guint8 *) (info->dlpi_addr + phdr->p_vaddr);
      end = at + phdr->p_memsz;
      while (at + sizeof (ElfW(Nhdr)) <= end)
        {
          const ElfW(Nhdr) *note = (const ElfW(Nhdr) *) at;
          const guint8 *name = at + sizeof (ElfW(Nhdr));
          const guint8 *desc = name + ((note->n_namesz + 3) & ~3u);

          if (desc + note->n_descsz > end)
            break;
          if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && memcmp (name, "GNU", 4) == 0)
            {
              for (guint b = 0; b < note->n_descsz; b++)
                g_string_append_printf (out, "%02x", desc[b]);
              return 1;
            }
          at = desc + ((note->n_descsz + 3) & ~3u);
        }
    }
  return 1;
}

static char *
fact_stamp (void)
{
  static char *build = NULL;
  const char *language = g_getenv ("LANGUAGE");

  if (g_once_init_enter_pointer (&build))
    {
      GString *id = g_string_new (NULL);

      dl_iterate_phdr (find_build_id, id);
      g_once_init_leave_pointer (&build, g_string_free (id, FALSE));
    }
  if (build[0] == '\0')
    return NULL;
  return g_strdup_printf ("%s %s|%s|%s|%s|%s", PACKAGE_VERSION, build, setlocale (LC_MESSAGES, NULL),
                          setlocale (LC_NUMERIC, NULL), setlocale (LC_TIME, NULL), language != NULL ? language : "");
}

typedef struct
{
  TallyGrouping *grouping;
  GListModel *kept;                     /* kept facts to show, or NULL: the grouping's */
  /* Where the grouped facts are kept, or NULL: not kept. */
  char *path;
  char *stamp;
  TallyStoreGeneration at;
} GroupJob;

static void
group_job_free (GroupJob *job)
{
  tally_grouping_free (job->grouping);
  g_clear_object (&job->kept);
  g_free (job->path);
  g_free (job->stamp);
  g_free (job);
}

/* The facts are kept in the project for its next opening, in the worker
 * that grouped them (a project changed meanwhile keeps none). */
static void
keep_facts (GroupJob *job)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *facts = tally_grouping_get_facts (job->grouping);
  guint n = g_list_model_get_n_items (facts);
  gboolean written = FALSE;

  rows = g_ptr_array_new_full (n, (GDestroyNotify) tally_store_fact_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (facts, i);

      g_ptr_array_add (rows, tally_fact_to_kept (fact));
    }
  if ((store = tally_store_open (job->path, TALLY_STORE_OPEN_CHECKED, &error)) == NULL
      || !tally_store_write_facts (store, &job->at, job->stamp, rows, &written, &error))
    g_debug ("The facts of %s are not kept: %s", job->path, error->message);
}

static void
group_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GroupJob *job = task_data;

  tally_grouping_run (job->grouping);
  if (job->path != NULL && !g_cancellable_is_cancelled (cancellable))
    keep_facts (job);
  g_task_return_boolean (task, TRUE);
}

/* A document has conflicts when one of its claims is in a conflicting fact. */
static void
update_documents (TallySession  *self,
                  TallyGrouping *grouping)
{
  g_autoptr(GHashTable) conflicting = g_hash_table_new_full (tally_document_id_hash, tally_document_id_key_equal,
                                                             g_free, NULL);
  GListModel *documents = tally_project_get_documents (self->project);
  gboolean kept = tally_fact_list_is_kept (self->facts);
  /* A kept list knows its conflicting documents without reading claims. */
  guint n = self->facts != NULL && !kept ? g_list_model_get_n_items (self->facts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TallyFact) fact = g_list_model_get_item (self->facts, i);
      const TallyClaimKey *keys;
      guint n_keys;

      if (tally_fact_get_status (fact) != TALLY_FACT_STATUS_CONFLICT)
        continue;
      /* Keys only: a kept fact's claims are not read for this. */
      keys = tally_fact_get_claim_keys (fact, &n_keys);
      for (guint j = 0; j < n_keys; j++)
        if (!g_hash_table_contains (conflicting, &keys[j].document_id))
          g_hash_table_add (conflicting, tally_document_id_dup (keys[j].document_id));
    }
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(TallyDocument) document = g_list_model_get_item (documents, i);
      TallyDocumentId id = tally_document_get_id (document);
      g_autoptr(TallyStory) story = tally_grouping_lookup_story (grouping, id);

      _tally_document_set_has_conflicts (document, kept ? tally_fact_list_has_conflicts (self->facts, id)
                                                        : g_hash_table_contains (conflicting, &id));
      /* A document imported after the snapshot waits for the next grouping. */
      if (story != NULL)
        _tally_document_set_story (document, story);
    }
}

static void
drop_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  /* The task data goes with the task, here. */
}

/* The last reference to a replaced fact list: thousands of facts and their
 * claim lists are freed in a worker (about 0.2 s on the BBC corpus) rather
 * than holding up the window. */
static void
drop_later (GListModel *facts)
{
  g_autoptr(GTask) task = NULL;

  if (facts == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, drop_later);
  g_task_set_task_data (task, facts, g_object_unref);
  g_task_run_in_thread (task, drop_in_thread);
}

static void
on_grouped (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  TallySession *self = TALLY_SESSION (source);
  GroupJob *job = g_task_get_task_data (G_TASK (result));
  TallyGrouping *grouping = job->grouping;
  GListModel *facts = job->kept != NULL ? job->kept : tally_grouping_get_facts (grouping);

  /* A newer grouping was started (or the session went away): drop this one. */
  if (g_task_get_cancellable (G_TASK (result)) != self->group_cancellable)
    return;
  g_clear_object (&self->group_cancellable);
  g_set_object (&self->stories, tally_grouping_get_stories (grouping));
  self->facts_kept = job->kept != NULL;
  if (self->facts != facts)
    {
      GListModel *old = g_steal_pointer (&self->facts);

      self->facts = g_object_ref (facts);
      update_documents (self, grouping);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORIES]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACTS]);
      /* The views have let go of it by now. */
      drop_later (old);
    }
  set_grouping (self, self->group_source != 0);
}

/* Finds the stories and groups the claims as last read again, with the
 * corrections, in a worker. */
static void
start_grouping (TallySession *self,
                GPtrArray    *claims,
                GListModel   *kept)
{
  g_autoptr(GTask) task = NULL;
  GroupJob *job = g_new0 (GroupJob, 1);
  TallyStoreGeneration now;

  g_cancellable_cancel (self->group_cancellable);
  g_clear_object (&self->group_cancellable);
  self->group_cancellable = g_cancellable_new ();
  set_grouping (self, TRUE);
  task = g_task_new (self, self->group_cancellable, on_grouped, NULL);
  g_task_set_source_tag (task, start_grouping);
  job->grouping = tally_grouping_new (tally_project_get_documents (self->project), self->texts, claims,
                                      self->corrections);
  job->kept = kept != NULL ? g_object_ref (kept) : NULL;
  /* The claims as read at `claims_generation`, the corrections as they are
   * now (this connection made them). */
  if (kept == NULL && self->claims_generation.data >= 0 && !tally_project_get_read_only (self->project)
      && tally_store_get_generation (tally_project_get_store (self->project), &now, NULL)
      && (job->stamp = fact_stamp ()) != NULL)
    {
      job->path = g_strdup (tally_project_get_path (self->project));
      job->at.data = self->claims_generation.data;
      job->at.corrections = now.corrections;
    }
  g_task_set_task_data (task, job, (GDestroyNotify) group_job_free);
  g_task_run_in_thread (task, group_in_thread);
}

static void
regroup (TallySession *self)
{
  g_return_if_fail (self->claims != NULL);
  start_grouping (self, self->claims, NULL);
}

typedef struct
{
  TallySession *self;                   /* referenced until the texts arrive */
  GCancellable *cancellable;
  GPtrArray *claims;
  GListModel *kept;                     /* kept facts, in place of claims */
  TallyStoreGeneration generation;      /* the project before the claims were read */
} LoadData;

static void
load_data_free (LoadData *load)
{
  g_object_unref (load->self);
  g_object_unref (load->cancellable);
  g_clear_pointer (&load->claims, g_ptr_array_unref);
  g_clear_object (&load->kept);
  g_free (load);
}

/* A newer read or a disposed session makes this one moot. */
static gboolean
load_is_current (LoadData *load)
{
  return load->cancellable == load->self->group_cancellable && !g_cancellable_is_cancelled (load->cancellable);
}

static void
load_failed (LoadData   *load,
             const char *what,
             GError     *error)
{
  g_warning ("%s of %s: %s", what, tally_project_get_path (load->self->project), error->message);
  g_clear_object (&load->self->group_cancellable);
  set_grouping (load->self, FALSE);
  load_data_free (load);
}

/* Step 3: the texts' leads are read (they name the stories); group. */
static void
on_texts_loaded_for_facts (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  LoadData *load = user_data;
  TallySession *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = tally_project_load_texts_finish (self->project, result, &error);

  if (!load_is_current (load))
    {
      load_data_free (load);
      return;
    }
  if (texts == NULL)
    {
      load_failed (load, "Texts", error);
      return;
    }
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  self->texts = g_steal_pointer (&texts);
  if (load->kept != NULL)
    {
      /* The stories are found again (from the leads); the facts are the kept ones. */
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      start_grouping (self, none, load->kept);
    }
  else
    {
      self->claims = g_steal_pointer (&load->claims);
      self->claims_generation = load->generation;
      regroup (self);
    }
  load_data_free (load);
}

/* A kept fact's claims, read when the Facts view shows them. */
typedef struct
{
  TallyProject *project;
  TallyCorrections *corrections;
} KeptClaims;

static void
kept_claims_free (gpointer data)
{
  KeptClaims *kept = data;

  g_object_unref (kept->project);
  g_object_unref (kept->corrections);
  g_free (kept);
}

static GPtrArray *
load_kept_claims (const TallyClaimKey *keys,
                  guint                n_keys,
                  gpointer             user_data)
{
  KeptClaims *kept = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) claims = tally_project_load_claims_by_key (kept->project, keys, n_keys, &error);

  if (claims == NULL)
    {
      g_warning ("Claims of %s: %s", tally_project_get_path (kept->project), error->message);
      return NULL;
    }
  return tally_corrections_apply (kept->corrections, claims);
}

static void start_reading_claims (LoadData *load);

/* Step 1b: the facts kept in the project, if any count; else the claims. */
static void
on_kept_facts_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LoadData *load = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyKeptFacts) kept = tally_project_read_facts_finish (load->self->project, result, &error);

  if (!load_is_current (load))
    {
      load_data_free (load);
      return;
    }
  /* Unreadable kept facts are grouped again from the claims. */
  if (error != NULL)
    g_warning ("Kept facts of %s: %s", tally_project_get_path (load->self->project), error->message);
  if (kept == NULL)
    {
      start_reading_claims (load);
      return;
    }
  {
    KeptClaims *source_data = g_new0 (KeptClaims, 1);

    source_data->project = g_object_ref (load->self->project);
    source_data->corrections = g_object_ref (load->self->corrections);
    load->kept = tally_fact_list_new_kept (kept->facts, kept->conflicting, load->self->project, load_kept_claims,
                                           source_data, kept_claims_free);
  }
  tally_project_load_leads_async (load->self->project, load->cancellable, on_texts_loaded_for_facts, load);
}

/* Step 2: the claims are read; read the texts' leads. */
static void
on_claims_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LoadData *load = user_data;
  g_autoptr(GError) error = NULL;

  load->claims = tally_project_load_claims_finish (load->self->project, result, &error);
  if (!load_is_current (load))
    {
      load_data_free (load);
      return;
    }
  if (load->claims == NULL)
    {
      load_failed (load, "Claims", error);
      return;
    }
  tally_project_load_leads_async (load->self->project, load->cancellable, on_texts_loaded_for_facts, load);
}

/* Step 1: the claims and texts come from the project file in worker
 * threads (the documents' titles and dates are in memory). */
static gboolean
reload_claims (gpointer user_data)
{
  TallySession *self = user_data;
  LoadData *load = g_new0 (LoadData, 1);
  g_autofree char *stamp = NULL;

  self->group_source = 0;
  g_cancellable_cancel (self->group_cancellable);
  g_clear_object (&self->group_cancellable);
  self->group_cancellable = g_cancellable_new ();
  set_grouping (self, TRUE);
  load->self = g_object_ref (self);
  load->cancellable = g_object_ref (self->group_cancellable);
  /* Opening: the facts kept last time, when nothing changed since. */
  if (!self->tried_kept && self->facts == NULL && (stamp = fact_stamp ()) != NULL)
    {
      self->tried_kept = TRUE;
      tally_project_read_facts_async (self->project, stamp, load->cancellable, on_kept_facts_read, load);
      return G_SOURCE_REMOVE;
    }
  self->tried_kept = TRUE;
  start_reading_claims (load);
  return G_SOURCE_REMOVE;
}

static void
start_reading_claims (LoadData *load)
{
  /* Before the read: a change during it makes the facts not worth keeping. */
  if (!tally_store_get_generation (tally_project_get_store (load->self->project), &load->generation, NULL))
    load->generation.data = -1;
  tally_project_load_claims_async (load->self->project, load->cancellable, on_claims_loaded, load);
}

/* Imports add documents in batches: wait for a quiet moment. */
static void
on_documents_changed_for_facts (TallySession *self)
{
  g_clear_handle_id (&self->group_source, g_source_remove);
  self->group_source = g_timeout_add (250, reload_claims, self);
  set_grouping (self, TRUE);
}

static void
on_fact_corrections_changed (TallySession *self)
{
  /* Still reading the claims: the grouping will apply the corrections. */
  if (self->claims != NULL)
    regroup (self);
  /* Kept facts (read, or being read): the claims are read and grouped now. */
  else if (self->facts_kept || (self->tried_kept && self->grouping && self->group_source == 0))
    on_documents_changed_for_facts (self);
}

/* ---- events ------------------------------------------------------------- */

static void
on_events_found (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TallySession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = tally_events_find_finish (result, &error);

  if (events == NULL)
    {
      /* A cancelled search was replaced by a newer one, still finding. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Cannot find the events: %s", error->message);
          set_finding (self, FALSE);
        }
      return;
    }
  if (g_set_object (&self->events, events))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENTS]);
  set_finding (self, self->find_source != 0);
}

static void
on_texts_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TallySession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = tally_project_load_texts_finish (self->project, result, &error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) published = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) languages = g_ptr_array_new ();

  if (loaded == NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

      /* A read given up for a newer one (Save As moved the file it was
       * reading from) has nothing to say. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && (cancellable == NULL || !g_cancellable_is_cancelled (cancellable)))
        {
          g_warning ("Cannot read the articles for the timeline: %s", error->message);
          set_finding (self, FALSE);
        }
      return;
    }
  if (self->find_cancellable == NULL || g_cancellable_is_cancelled (self->find_cancellable))
    return;
  for (guint i = 0; i < loaded->len; i++)
    {
      const TallyDocumentText *text = g_ptr_array_index (loaded, i);
      /* Titles tell the events' stories apart (tally-stories.h). */
      TallyDocument *document = tally_project_lookup_document (self->project, text->document_id);

      g_ptr_array_add (titles, document != NULL ? g_strdup (tally_document_get_title (document)) : NULL);
      g_ptr_array_add (ids, tally_document_id_to_key (text->document_id));
      g_ptr_array_add (texts, text->text);
      g_ptr_array_add (published, text->published);
      g_ptr_array_add (languages, text->language);
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (texts, NULL);
  g_ptr_array_add (published, NULL);
  g_ptr_array_add (titles, NULL);
  g_ptr_array_add (languages, NULL);
  tally_events_find_async ((const char * const *) ids->pdata, (const char * const *) titles->pdata,
                           (const char * const *) texts->pdata,
                           (const char * const *) published->pdata, (const char * const *) languages->pdata,
                           self->corrections, self->find_cancellable,
                           on_events_found, g_object_ref (self));
}

static void on_documents_changed_for_events (TallySession *self);

static gboolean
find_events (gpointer user_data)
{
  TallySession *self = user_data;
  GListModel *documents = tally_project_get_documents (self->project);

  self->find_source = 0;
  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  self->find_cancellable = g_cancellable_new ();

  /* A renamed outlet or title names the event's sources anew. */
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(TallyDocument) document = g_list_model_get_item (documents, i);

      if (g_signal_handler_find (document, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                 on_documents_changed_for_events, self) == 0)
        {
          g_signal_connect_object (document, "notify::outlet", G_CALLBACK (on_documents_changed_for_events), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (document, "notify::title", G_CALLBACK (on_documents_changed_for_events), self,
                                   G_CONNECT_SWAPPED);
        }
    }
  /* The texts are read in a worker: thousands of articles never hold up the window. */
  tally_project_load_texts_async (self->project, self->find_cancellable, on_texts_loaded, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
on_project_moved (TallySession *self)
{
  /* A read in flight opened the old file, which Save As may have removed:
   * read the texts again from where the project now is. */
  if (!self->finding)
    return;
  g_cancellable_cancel (self->find_cancellable);
  on_documents_changed_for_events (self);
}

static void
on_documents_changed_for_events (TallySession *self)
{
  /* Imports add documents in batches: find events once they settle. */
  g_clear_handle_id (&self->find_source, g_source_remove);
  self->find_source = g_timeout_add (300, find_events, self);
  set_finding (self, TRUE);
}

/* ---- GObject ------------------------------------------------------------ */

static void
tally_session_dispose (GObject *object)
{
  TallySession *self = TALLY_SESSION (object);

  g_clear_handle_id (&self->group_source, g_source_remove);
  g_clear_handle_id (&self->find_source, g_source_remove);
  g_cancellable_cancel (self->group_cancellable);
  g_clear_object (&self->group_cancellable);
  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  if (self->project != NULL)
    {
      GListModel *documents = tally_project_get_documents (self->project);

      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(TallyDocument) document = g_list_model_get_item (documents, i);

          g_signal_handlers_disconnect_by_data (document, self);
        }
      g_signal_handlers_disconnect_by_data (documents, self);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
  if (self->corrections != NULL)
    g_signal_handlers_disconnect_by_data (self->corrections, self);
  G_OBJECT_CLASS (tally_session_parent_class)->dispose (object);
}

static void
tally_session_finalize (GObject *object)
{
  TallySession *self = TALLY_SESSION (object);

  g_clear_object (&self->facts);
  g_clear_object (&self->events);
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_object (&self->stories);
  g_clear_object (&self->corrections);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tally_session_parent_class)->finalize (object);
}

static void
tally_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TallySession *self = TALLY_SESSION (object);

  switch (prop_id)
    {
    case PROP_PROJECT: g_value_set_object (value, self->project); break;
    case PROP_CORRECTIONS: g_value_set_object (value, self->corrections); break;
    case PROP_UNDO_STACK: g_value_set_object (value, tally_session_get_undo_stack (self)); break;
    case PROP_FACTS: g_value_set_object (value, self->facts); break;
    case PROP_STORIES: g_value_set_object (value, self->stories); break;
    case PROP_GROUPING: g_value_set_boolean (value, self->grouping); break;
    case PROP_EVENTS: g_value_set_object (value, self->events); break;
    case PROP_FINDING: g_value_set_boolean (value, self->finding); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_session_class_init (TallySessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tally_session_dispose;
  object_class->finalize = tally_session_finalize;
  object_class->get_property = tally_session_get_property;

  properties[PROP_PROJECT] = g_param_spec_object ("project", NULL, NULL, TALLY_TYPE_PROJECT, flags);
  properties[PROP_CORRECTIONS] = g_param_spec_object ("corrections", NULL, NULL, TALLY_TYPE_CORRECTIONS, flags);
  properties[PROP_UNDO_STACK] = g_param_spec_object ("undo-stack", NULL, NULL, TALLY_TYPE_UNDO_STACK, flags);
  properties[PROP_FACTS] = g_param_spec_object ("facts", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_STORIES] = g_param_spec_object ("stories", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_GROUPING] = g_param_spec_boolean ("grouping", NULL, NULL, FALSE, flags);
  properties[PROP_EVENTS] = g_param_spec_object ("events", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_FINDING] = g_param_spec_boolean ("finding", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_session_init (TallySession *self)
{
  self->claims_generation.data = -1;
}

TallySession *
tally_session_new (TallyProject  *project,
                   GError       **error)
{
  g_autoptr(TallySession) self = NULL;
  GListModel *documents;

  g_return_val_if_fail (TALLY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TALLY_TYPE_SESSION, NULL);
  self->project = g_object_ref (project);
  self->corrections = tally_corrections_new (project, NULL, error);
  if (self->corrections == NULL)
    return NULL;

  documents = tally_project_get_documents (project);
  g_signal_connect_swapped (documents, "items-changed", G_CALLBACK (on_documents_changed_for_facts), self);
  g_signal_connect_swapped (self->corrections, "changed::facts", G_CALLBACK (on_fact_corrections_changed), self);
  /* A corrected publication date dates the figures anew (and the stories). */
  g_signal_connect_swapped (project, "claims-changed", G_CALLBACK (on_documents_changed_for_facts), self);
  g_signal_connect_swapped (documents, "items-changed", G_CALLBACK (on_documents_changed_for_events), self);
  /* A corrected publication date moves the relative dates ("next year"). */
  g_signal_connect_swapped (project, "claims-changed", G_CALLBACK (on_documents_changed_for_events), self);
  g_signal_connect_swapped (project, "notify::path", G_CALLBACK (on_project_moved), self);
  g_signal_connect_swapped (self->corrections, "changed::events", G_CALLBACK (on_documents_changed_for_events), self);
  on_documents_changed_for_facts (self);
  on_documents_changed_for_events (self);
  return g_steal_pointer (&self);
}

void
tally_session_group_claims (TallySession *self)
{
  g_return_if_fail (TALLY_IS_SESSION (self));
  if (self->claims == NULL)
    on_documents_changed_for_facts (self);
}

TallyProject *
tally_session_get_project (TallySession *self)
{
  g_return_val_if_fail (TALLY_IS_SESSION (self), NULL);
  return self->project;
}

TallyCorrections *
tally_session_get_corrections (TallySession *self)
{
  g_return_val_if_fail (TALLY_IS_SESSION (self), NULL);
  return self->corrections;
}

TallyUndoStack *
tally_session_get_undo_stack (TallySession *self)
{
  g_return_val_if_fail (TALLY_IS_SESSION (self), NULL);
  return self->corrections != NULL ? tally_corrections_get_undo_stack (self->corrections) : NULL;
}

GListModel *
tally_session_get_facts (TallySession *self)
{
  g_return_val_if_fail (TALLY_IS_SESSION (self), NULL);
  return self->facts;
}

gboolean
tally_session_get_grouping (TallySession *self)
{
  g_return_val_if_fail (TALLY_IS_SESSION (self), FALSE);
  return self->grouping;
}

GListModel *
tally_session_get_stories (TallySession *self)
{
  g_return_val_if_fail (TALLY_IS_SESSION (self), NULL);
  return self->stories;
}

gboolean
tally_session_move_to_story (TallySession   *self,
                             TallyDocument  *document,
                             TallyStory     *story,
                             GError        **error)
{
  TallyDocumentId id, into;

  g_return_val_if_fail (TALLY_IS_SESSION (self), FALSE);
  g_return_val_if_fail (TALLY_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (story == NULL || TALLY_IS_STORY (story), FALSE);

  id = tally_document_get_id (document);
  into = story != NULL ? tally_story_get_anchor (story) : id;
  /* Moving a story's anchor into its own story changes nothing. */
  if (story != NULL && tally_story_contains (story, id))
    return TRUE;
  return tally_corrections_move_to_story (self->corrections, id, into, error);
}

GListModel *
tally_session_get_events (TallySession *self)
{
  g_return_val_if_fail (TALLY_IS_SESSION (self), NULL);
  return self->events;
}

gboolean
tally_session_get_finding (TallySession *self)
{
  g_return_val_if_fail (TALLY_IS_SESSION (self), FALSE);
  return self->finding;
}
