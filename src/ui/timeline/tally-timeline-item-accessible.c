/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "tally-timeline-item-accessible.h"

struct _TallyTimelineItemAccessible
{
  GObject        parent_instance;

  TallyTimeline *timeline;   /* weak: the timeline owns its items */
  guint          index;
  TallyEvent    *event;
  GtkATContext  *at_context; /* made on first use, label with it: most events
                                are never asked about */
  gboolean       disposed;
};

enum {
  PROP_0,
  PROP_ACCESSIBLE_ROLE,
  N_PROPS
};

/* A button: the event takes keyboard focus and Enter opens its popover.
 * (A list item would be neither focusable nor activatable.) */
#define ITEM_ROLE GTK_ACCESSIBLE_ROLE_BUTTON

static void tally_timeline_item_accessible_iface_init (GtkAccessibleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TallyTimelineItemAccessible, tally_timeline_item_accessible, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_ACCESSIBLE,
                                                      tally_timeline_item_accessible_iface_init))

static GtkATContext *
item_get_at_context (GtkAccessible *accessible)
{
  TallyTimelineItemAccessible *self = TALLY_TIMELINE_ITEM_ACCESSIBLE (accessible);
  g_autofree char *label = NULL;
  GdkDisplay *display;

  if (self->disposed)
    return NULL;
  if (self->at_context == NULL)
    {
      display = self->timeline ? gtk_widget_get_display (GTK_WIDGET (self->timeline)) : gdk_display_get_default ();
      self->at_context = gtk_at_context_create (ITEM_ROLE, accessible, display);
      /* NULL with GTK_A11Y=none. */
      if (self->at_context == NULL)
        return NULL;
      label = tally_event_dup_accessible_text (self->event);
      gtk_accessible_update_property (accessible,
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                      -1);
    }
  return g_object_ref (self->at_context);
}

static gboolean
item_get_platform_state (GtkAccessible              *accessible,
                         GtkAccessiblePlatformState  state)
{
  TallyTimelineItemAccessible *self = TALLY_TIMELINE_ITEM_ACCESSIBLE (accessible);

  switch (state)
    {
    case GTK_ACCESSIBLE_PLATFORM_STATE_FOCUSABLE:
      return self->timeline != NULL;
    case GTK_ACCESSIBLE_PLATFORM_STATE_FOCUSED:
      return self->timeline != NULL && _tally_timeline_item_is_focused (self->timeline, self->index);
    case GTK_ACCESSIBLE_PLATFORM_STATE_ACTIVE:
    default:
      return FALSE;
    }
}

static GtkAccessible *
item_get_accessible_parent (GtkAccessible *accessible)
{
  TallyTimelineItemAccessible *self = TALLY_TIMELINE_ITEM_ACCESSIBLE (accessible);

  return self->timeline ? GTK_ACCESSIBLE (g_object_ref (self->timeline)) : NULL;
}

static GtkAccessible *
item_get_first_accessible_child (GtkAccessible *accessible)
{
  return NULL;
}

static GtkAccessible *
item_get_next_accessible_sibling (GtkAccessible *accessible)
{
  TallyTimelineItemAccessible *self = TALLY_TIMELINE_ITEM_ACCESSIBLE (accessible);

  return self->timeline ? _tally_timeline_get_item_next_sibling (self->timeline, self->index) : NULL;
}

static gboolean
item_get_bounds (GtkAccessible *accessible,
                 int           *x,
                 int           *y,
                 int           *width,
                 int           *height)
{
  TallyTimelineItemAccessible *self = TALLY_TIMELINE_ITEM_ACCESSIBLE (accessible);
  graphene_rect_t bounds;

  /* AT-SPI reads the outputs even when this returns FALSE. */
  *x = *y = *width = *height = 0;
  if (self->timeline == NULL || !_tally_timeline_get_item_bounds (self->timeline, self->index, &bounds))
    return FALSE;
  *x = (int) floor (bounds.origin.x);
  *y = (int) floor (bounds.origin.y);
  *width = (int) ceil (bounds.origin.x + bounds.size.width) - *x;
  *height = (int) ceil (bounds.origin.y + bounds.size.height) - *y;
  return TRUE;
}

static void
tally_timeline_item_accessible_iface_init (GtkAccessibleInterface *iface)
{
  iface->get_at_context = item_get_at_context;
  iface->get_platform_state = item_get_platform_state;
  iface->get_accessible_parent = item_get_accessible_parent;
  iface->get_first_accessible_child = item_get_first_accessible_child;
  iface->get_next_accessible_sibling = item_get_next_accessible_sibling;
  iface->get_bounds = item_get_bounds;
}

void
tally_timeline_item_accessible_detach (TallyTimelineItemAccessible *self)
{
  g_return_if_fail (TALLY_IS_TIMELINE_ITEM_ACCESSIBLE (self));
  g_clear_weak_pointer (&self->timeline);
}

static void
tally_timeline_item_accessible_dispose (GObject *object)
{
  TallyTimelineItemAccessible *self = TALLY_TIMELINE_ITEM_ACCESSIBLE (object);

  self->disposed = TRUE;
  g_clear_weak_pointer (&self->timeline);
  g_clear_object (&self->at_context);
  G_OBJECT_CLASS (tally_timeline_item_accessible_parent_class)->dispose (object);
}

static void
tally_timeline_item_accessible_finalize (GObject *object)
{
  TallyTimelineItemAccessible *self = TALLY_TIMELINE_ITEM_ACCESSIBLE (object);

  g_clear_object (&self->event);
  G_OBJECT_CLASS (tally_timeline_item_accessible_parent_class)->finalize (object);
}

static void
tally_timeline_item_accessible_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ACCESSIBLE_ROLE:
      g_value_set_enum (value, ITEM_ROLE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_timeline_item_accessible_set_property (GObject      *object,
                                             guint         prop_id,
                                             const GValue *value,
                                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ACCESSIBLE_ROLE:
      /* The role is fixed. */
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_timeline_item_accessible_class_init (TallyTimelineItemAccessibleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tally_timeline_item_accessible_dispose;
  object_class->finalize = tally_timeline_item_accessible_finalize;
  object_class->get_property = tally_timeline_item_accessible_get_property;
  object_class->set_property = tally_timeline_item_accessible_set_property;

  g_object_class_override_property (object_class, PROP_ACCESSIBLE_ROLE, "accessible-role");
}

static void
tally_timeline_item_accessible_init (TallyTimelineItemAccessible *self)
{
}

TallyTimelineItemAccessible *
tally_timeline_item_accessible_new (TallyTimeline *timeline,
                                    guint          index,
                                    TallyEvent    *event)
{
  TallyTimelineItemAccessible *self;

  g_return_val_if_fail (TALLY_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (TALLY_IS_EVENT (event), NULL);

  self = g_object_new (TALLY_TYPE_TIMELINE_ITEM_ACCESSIBLE, NULL);
  g_set_weak_pointer (&self->timeline, timeline);
  self->index = index;
  self->event = g_object_ref (event);
  return self;
}
