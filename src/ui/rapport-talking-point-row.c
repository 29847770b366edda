/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-talking-point-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-brief.h"
#include "rapport-talking-point-row.h"
#include "rapport-editable-label.h"
#include "rapport-platform.h"

struct _RapportTalkingPointRow
{
  GtkListBoxRow        parent_instance;

  /* Owned */
  RapportTalkingPoint *point;
  GBindingGroup       *bindings; /* point -> text and tick box */
  GSignalGroup        *signals;  /* point's "notify" -> repaint */
  char                *today;
  gboolean             meeting_mode;

  /* Template children */
  GtkImage            *handle;
  GtkCheckButton      *check;
  GtkEditableLabel    *text;
  GtkDropDown         *raised_dropdown;
  GtkMenuButton       *recur_button;
  GtkLabel            *recur_label;
  GtkPopover          *recur_popover;
  GtkSpinButton       *every_spin;
  GtkDropDown         *unit_dropdown;
  GtkButton           *once_button;
  GtkMenuButton       *more_button;
};

G_DEFINE_FINAL_TYPE (RapportTalkingPointRow, rapport_talking_point_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  PROP_0,
  PROP_TALKING_POINT,
  PROP_TODAY,
  PROP_MEETING_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Positions in the drop-downs' lists. */
enum
{
  RAISED_ME,
  RAISED_THEM,
};

enum
{
  UNIT_WEEKS,
  UNIT_DAYS,
};

char *
rapport_talking_point_row_describe_rhythm (int              every,
                                           RapportRecurUnit unit)
{
  switch (unit)
    {
    case RAPPORT_RECUR_WEEKS:
      if (every == 1)
        return g_strdup (_("every week"));
      /* Translators: how often a talking point comes back. */
      return g_strdup_printf (ngettext ("every %d week", "every %d weeks", every), every);
    case RAPPORT_RECUR_DAYS:
      if (every == 1)
        return g_strdup (_("every day"));
      /* Translators: how often a talking point comes back. */
      return g_strdup_printf (ngettext ("every %d day", "every %d days", every), every);
    case RAPPORT_RECUR_NONE:
    default:
      return NULL;
    }
}

/* A recurring point that waits out of the queue until a later day. */
static gboolean
is_scheduled (RapportTalkingPointRow *self)
{
  const char *next_due = rapport_talking_point_get_next_due (self->point);

  return !rapport_talking_point_get_discussed (self->point) && next_due != NULL &&
         self->today != NULL && g_strcmp0 (next_due, self->today) > 0;
}

static void
update_move_menu (RapportTalkingPointRow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) up = NULL;
  g_autoptr(GMenuItem) down = NULL;
  gint64 id;

  if (self->point == NULL)
    {
      gtk_menu_button_set_menu_model (self->more_button, NULL);
      return;
    }
  id = rapport_talking_point_get_id (self->point);
  up = g_menu_item_new (_("Move _Up"), NULL);
  g_menu_item_set_action_and_target_value (up, RAPPORT_TALKING_POINT_ROW_ACTION_MOVE,
                                           g_variant_new ("(xi)", id, -1));
  g_menu_item_set_attribute (up, "accel", "s", "<Alt>Up");
  g_menu_append_item (menu, up);
  down = g_menu_item_new (_("Move _Down"), NULL);
  g_menu_item_set_action_and_target_value (down, RAPPORT_TALKING_POINT_ROW_ACTION_MOVE,
                                           g_variant_new ("(xi)", id, 1));
  g_menu_item_set_attribute (down, "accel", "s", "<Alt>Down");
  g_menu_append_item (menu, down);
  gtk_menu_button_set_menu_model (self->more_button, G_MENU_MODEL (menu));
}

/* Brings what the bindings do not cover in line with the point. */
static void
repaint (RapportTalkingPointRow *self)
{
  RapportTalkingPoint *item = self->point;
  g_autofree char     *check_name = NULL;
  g_autofree char     *rhythm = NULL;
  g_autofree char     *recur_name = NULL;
  gboolean             scheduled;
  gboolean             them;

  if (item == NULL)
    return;

  /* Translators: accessible name of the tick box of a talking point. */
  check_name = g_strdup_printf (_("Discussed: %s"), rapport_talking_point_get_text (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_name, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->check), self->meeting_mode);

  them = rapport_talking_point_get_raised_by (item) == RAPPORT_RAISED_BY_THEM;
  /* on_raised_selected() sees that nothing is to be asked. */
  gtk_drop_down_set_selected (self->raised_dropdown, them ? RAISED_THEM : RAISED_ME);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->raised_dropdown),
                               them ? _("They Raised It") : _("I Raised It"));

  scheduled = is_scheduled (self);
  rhythm = rapport_talking_point_row_describe_rhythm (rapport_talking_point_get_recur_every (item),
                                                      rapport_talking_point_get_recur_unit (item));
  if (rhythm != NULL && scheduled)
    {
      g_autofree char *day = rapport_brief_format_date (rapport_talking_point_get_next_due (item), self->today);
      /* Translators: a recurring talking point's rhythm and the day it is
       * back in the queue, e.g. "every 8 weeks, back 3 Mar". */
      g_autofree char *label = g_strdup_printf (_("%s, back %s"), rhythm, day);

      gtk_label_set_label (self->recur_label, label);
      /* Translators: accessible name of a recurring point's rhythm button. */
      recur_name = g_strdup_printf (_("Recurs %s"), label);
    }
  else if (rhythm != NULL)
    {
      gtk_label_set_label (self->recur_label, rhythm);
      recur_name = g_strdup_printf (_("Recurs %s"), rhythm);
    }
  else
    recur_name = g_strdup (_("Does not recur"));
  gtk_widget_set_visible (GTK_WIDGET (self->recur_label), rhythm != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->recur_button),
                               rhythm != NULL ? _("Change How Often It Comes Back") : _("Make It Recur"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->recur_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  recur_name, -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->once_button), rhythm != NULL);
  /* A discussed point is history: its rhythm is set on the next one. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->recur_button), !rapport_talking_point_get_discussed (item));

  /* Only the queue has an order to change. */
  gtk_widget_set_visible (GTK_WIDGET (self->handle), !scheduled);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), !scheduled);

  if (rapport_talking_point_get_discussed (item))
    gtk_widget_add_css_class (GTK_WIDGET (self), "discussed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "discussed");
  if (scheduled)
    gtk_widget_add_css_class (GTK_WIDGET (self), "scheduled");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "scheduled");
}

/* Asks the list for a change to this row's point. Nothing here changes
 * the row: the point notifies when it changed. */
static void
ask (RapportTalkingPointRow *self,
     const char             *action,
     const char             *text)
{
  gint64 id = rapport_talking_point_get_id (self->point);

  if (text != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "(xs)", id, text);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), action, "x", id);
}

/* Callbacks ------------------------------------------------------------- */

static void
on_check_toggled (RapportTalkingPointRow *self)
{
  g_autoptr(RapportTalkingPointRow) hold = NULL;

  /* The binding set it from the point: nothing to ask. */
  if (self->point == NULL ||
      gtk_check_button_get_active (self->check) == rapport_talking_point_get_discussed (self->point))
    return;

  hold = g_object_ref (self);
  ask (self, RAPPORT_TALKING_POINT_ROW_ACTION_TOGGLE_DISCUSSED, NULL);
  /* Refused, or nobody to ask: show it as it is. */
  if (self->point != NULL && self->check != NULL)
    gtk_check_button_set_active (self->check, rapport_talking_point_get_discussed (self->point));
}

static void
on_text_editing (RapportTalkingPointRow *self)
{
  g_autoptr(RapportTalkingPointRow) hold = NULL;
  const char *text;

  if (self->point == NULL || gtk_editable_label_get_editing (self->text))
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->text));
  if (g_strcmp0 (text, rapport_talking_point_get_text (self->point)) == 0)
    return;
  hold = g_object_ref (self);
  ask (self, RAPPORT_TALKING_POINT_ROW_ACTION_SET_TEXT, text);
  /* Show what is stored: cleaned up, or the old text when refused. */
  if (self->point != NULL && self->text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->text), rapport_talking_point_get_text (self->point));
}

static void
on_raised_selected (RapportTalkingPointRow *self)
{
  g_autoptr(RapportTalkingPointRow) hold = NULL;
  RapportRaisedBy raised_by;

  if (self->point == NULL)
    return;
  raised_by = gtk_drop_down_get_selected (self->raised_dropdown) == RAISED_THEM
                ? RAPPORT_RAISED_BY_THEM
                : RAPPORT_RAISED_BY_ME;
  /* repaint() showing the point's value: nothing to ask. */
  if (raised_by == rapport_talking_point_get_raised_by (self->point))
    return;

  hold = g_object_ref (self);
  ask (self, RAPPORT_TALKING_POINT_ROW_ACTION_SET_RAISED_BY, rapport_raised_by_to_string (raised_by));
  /* Refused, or nobody to ask: show it as it is. */
  if (self->point != NULL && self->raised_dropdown != NULL &&
      rapport_talking_point_get_raised_by (self->point) != raised_by)
    repaint (self);
}

static void
on_unit_selected (RapportTalkingPointRow *self)
{
  gboolean days = gtk_drop_down_get_selected (self->unit_dropdown) == UNIT_DAYS;

  gtk_spin_button_set_range (self->every_spin, 1,
                             days ? RAPPORT_TALKING_POINT_MAX_RECUR_DAYS : RAPPORT_TALKING_POINT_MAX_RECUR_DAYS / 7);
}

/* The popover offers the point's rhythm, or eight weeks for a new one. */
static void
on_recur_popover_show (RapportTalkingPointRow *self)
{
  RapportRecurUnit unit;
  int              every;

  if (self->point == NULL)
    return;
  unit = rapport_talking_point_get_recur_unit (self->point);
  every = rapport_talking_point_get_recur_every (self->point);
  if (unit == RAPPORT_RECUR_NONE)
    {
      unit = RAPPORT_RECUR_WEEKS;
      every = 8;
    }
  gtk_drop_down_set_selected (self->unit_dropdown, unit == RAPPORT_RECUR_DAYS ? UNIT_DAYS : UNIT_WEEKS);
  on_unit_selected (self);
  gtk_spin_button_set_value (self->every_spin, every);
}

static void
on_repeat_clicked (RapportTalkingPointRow *self)
{
  RapportRecurUnit unit;
  int              every;

  gtk_popover_popdown (self->recur_popover);
  if (self->point == NULL)
    return;
  gtk_spin_button_update (self->every_spin);
  every = gtk_spin_button_get_value_as_int (self->every_spin);
  unit = gtk_drop_down_get_selected (self->unit_dropdown) == UNIT_DAYS ? RAPPORT_RECUR_DAYS : RAPPORT_RECUR_WEEKS;
  if (unit == rapport_talking_point_get_recur_unit (self->point) &&
      every == rapport_talking_point_get_recur_every (self->point))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), RAPPORT_TALKING_POINT_ROW_ACTION_SET_RECURRENCE, "(xis)",
                              rapport_talking_point_get_id (self->point), every,
                              rapport_recur_unit_to_string (unit));
}

static void
on_once_clicked (RapportTalkingPointRow *self)
{
  gtk_popover_popdown (self->recur_popover);
  if (self->point == NULL || !rapport_talking_point_get_recurring (self->point))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), RAPPORT_TALKING_POINT_ROW_ACTION_SET_RECURRENCE, "(xis)",
                              rapport_talking_point_get_id (self->point), 0, "none");
}

static void
on_delete_clicked (RapportTalkingPointRow *self)
{
  /* The list usually drops this row while it handles the action. */
  if (self->point != NULL)
    ask (self, RAPPORT_TALKING_POINT_ROW_ACTION_DELETE, NULL);
}

static gboolean
move_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  RapportTalkingPointRow *self = RAPPORT_TALKING_POINT_ROW (widget);

  if (self->point == NULL || is_scheduled (self))
    return FALSE;
  gtk_widget_activate_action (widget, RAPPORT_TALKING_POINT_ROW_ACTION_MOVE, "(xi)",
                              rapport_talking_point_get_id (self->point), g_variant_get_int32 (args));
  return TRUE;
}

/* Dragging -------------------------------------------------------------- */

static GdkContentProvider *
on_drag_prepare (GtkDragSource          *source,
                 double                  x,
                 double                  y,
                 RapportTalkingPointRow *self)
{
  if (self->point == NULL || is_scheduled (self))
    return NULL;
  return gdk_content_provider_new_typed (RAPPORT_TYPE_TALKING_POINT, self->point);
}

static void
on_drag_begin (GtkDragSource          *source,
               GdkDrag                *drag,
               RapportTalkingPointRow *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  graphene_point_t at;

  if (!gtk_widget_compute_point (GTK_WIDGET (self->handle), GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, 0), &at))
    at = GRAPHENE_POINT_INIT (0, 0);
  gtk_drag_source_set_icon (source, paintable, (int) at.x + 8, (int) at.y + 8);
}

static gboolean
on_drop (GtkDropTarget          *target,
         const GValue           *value,
         double                  x,
         double                  y,
         RapportTalkingPointRow *self)
{
  RapportTalkingPoint *dropped = g_value_get_object (value);
  gboolean             after;

  if (self->point == NULL || dropped == NULL || dropped == self->point ||
      rapport_talking_point_get_id (dropped) == rapport_talking_point_get_id (self->point) ||
      rapport_talking_point_get_person_id (dropped) != rapport_talking_point_get_person_id (self->point))
    return FALSE;
  after = y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  gtk_widget_activate_action (GTK_WIDGET (self), RAPPORT_TALKING_POINT_ROW_ACTION_MOVE_TO, "(xxb)",
                              rapport_talking_point_get_id (dropped),
                              rapport_talking_point_get_id (self->point), after);
  return TRUE;
}

/* Public ---------------------------------------------------------------- */

GtkWidget *
rapport_talking_point_row_new (RapportTalkingPoint *point,
                               const char          *today,
                               gboolean             meeting_mode)
{
  g_return_val_if_fail (point == NULL || RAPPORT_IS_TALKING_POINT (point), NULL);

  return g_object_new (RAPPORT_TYPE_TALKING_POINT_ROW,
                       "today", today,
                       "meeting-mode", meeting_mode,
                       "talking-point", point,
                       NULL);
}

void
rapport_talking_point_row_set_talking_point (RapportTalkingPointRow *self,
                                             RapportTalkingPoint    *point)
{
  g_return_if_fail (RAPPORT_IS_TALKING_POINT_ROW (self));
  g_return_if_fail (point == NULL || RAPPORT_IS_TALKING_POINT (point));

  if (!g_set_object (&self->point, point))
    return;
  g_signal_group_set_target (self->signals, point);
  g_binding_group_set_source (self->bindings, point);
  update_move_menu (self);
  repaint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TALKING_POINT]);
}

RapportTalkingPoint *
rapport_talking_point_row_get_talking_point (RapportTalkingPointRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT_ROW (self), NULL);
  return self->point;
}

void
rapport_talking_point_row_set_today (RapportTalkingPointRow *self,
                                     const char             *today)
{
  g_return_if_fail (RAPPORT_IS_TALKING_POINT_ROW (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  repaint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

void
rapport_talking_point_row_set_meeting_mode (RapportTalkingPointRow *self,
                                            gboolean                meeting_mode)
{
  g_return_if_fail (RAPPORT_IS_TALKING_POINT_ROW (self));

  meeting_mode = !!meeting_mode;
  if (self->meeting_mode == meeting_mode)
    return;
  self->meeting_mode = meeting_mode;
  repaint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_MODE]);
}

gboolean
rapport_talking_point_row_get_meeting_mode (RapportTalkingPointRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_TALKING_POINT_ROW (self), FALSE);
  return self->meeting_mode;
}

void
rapport_talking_point_row_stop_editing (RapportTalkingPointRow *self)
{
  g_return_if_fail (RAPPORT_IS_TALKING_POINT_ROW (self));

  if (gtk_editable_label_get_editing (self->text))
    gtk_editable_label_stop_editing (self->text, TRUE);
}

/* GObject --------------------------------------------------------------- */

static void
rapport_talking_point_row_dispose (GObject *object)
{
  RapportTalkingPointRow *self = RAPPORT_TALKING_POINT_ROW (object);

  /* First, so that no callback acts for a row being taken apart. */
  rapport_talking_point_row_set_talking_point (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_TALKING_POINT_ROW);
  g_clear_object (&self->bindings);
  g_clear_object (&self->signals);

  G_OBJECT_CLASS (rapport_talking_point_row_parent_class)->dispose (object);
}

static void
rapport_talking_point_row_finalize (GObject *object)
{
  RapportTalkingPointRow *self = RAPPORT_TALKING_POINT_ROW (object);

  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rapport_talking_point_row_parent_class)->finalize (object);
}

static void
rapport_talking_point_row_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  RapportTalkingPointRow *self = RAPPORT_TALKING_POINT_ROW (object);

  switch (prop_id)
    {
    case PROP_TALKING_POINT: g_value_set_object (value, self->point); break;
    case PROP_TODAY: g_value_set_string (value, self->today); break;
    case PROP_MEETING_MODE: g_value_set_boolean (value, self->meeting_mode); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_talking_point_row_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  RapportTalkingPointRow *self = RAPPORT_TALKING_POINT_ROW (object);

  switch (prop_id)
    {
    case PROP_TALKING_POINT: rapport_talking_point_row_set_talking_point (self, g_value_get_object (value)); break;
    case PROP_TODAY: rapport_talking_point_row_set_today (self, g_value_get_string (value)); break;
    case PROP_MEETING_MODE: rapport_talking_point_row_set_meeting_mode (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_talking_point_row_class_init (RapportTalkingPointRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_talking_point_row_dispose;
  object_class->finalize = rapport_talking_point_row_finalize;
  object_class->get_property = rapport_talking_point_row_get_property;
  object_class->set_property = rapport_talking_point_row_set_property;

  properties[PROP_TALKING_POINT] =
    g_param_spec_object ("talking-point", NULL, NULL, RAPPORT_TYPE_TALKING_POINT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_MODE] =
    g_param_spec_boolean ("meeting-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-talking-point-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointRow, handle);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointRow, check);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointRow, text);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointRow, raised_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointRow, recur_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointRow, recur_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointRow, recur_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointRow, every_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointRow, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointRow, once_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTalkingPointRow, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_text_editing);
  gtk_widget_class_bind_template_callback (widget_class, on_raised_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_recur_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_repeat_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_once_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_shortcut, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, move_shortcut, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_shortcut, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, move_shortcut, "i", 1);
}

static void
rapport_talking_point_row_init (RapportTalkingPointRow *self)
{
  GtkDragSource *drag;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_keep_one_name (GTK_WIDGET (self->recur_popover));
  rapport_editable_label_prepare (self->text);
  /* Drawn as lightly as the rhythm beside it: GtkDropDown's "flat" does
   * not reach the button inside it. */
  if (GTK_IS_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (self->raised_dropdown))))
    gtk_widget_add_css_class (gtk_widget_get_first_child (GTK_WIDGET (self->raised_dropdown)), "flat");

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (GTK_WIDGET (self->handle), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->handle), "grab");

  drop = gtk_drop_target_new (RAPPORT_TYPE_TALKING_POINT, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS,
                                  "Alt+Up Alt+Down", -1);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "text", self->text, "text", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "discussed", self->check, "active", G_BINDING_SYNC_CREATE);

  self->signals = g_signal_group_new (RAPPORT_TYPE_TALKING_POINT);
  g_signal_group_connect_swapped (self->signals, "notify", G_CALLBACK (repaint), self);
}
