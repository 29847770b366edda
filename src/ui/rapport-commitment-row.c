/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-commitment-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-brief.h"
#include "rapport-calendar.h"
#include "rapport-commitment-row.h"
#include "rapport-editable-label.h"
#include "rapport-platform.h"

struct _RapportCommitmentRow
{
  GtkListBoxRow      parent_instance;

  /* Owned */
  RapportCommitment *commitment;
  GBindingGroup     *bindings; /* commitment -> text and tick box */
  GSignalGroup      *signals;  /* commitment's "notify" -> repaint */
  char              *today;

  /* Template children */
  GtkCheckButton    *check;
  GtkEditableLabel  *text;
  GtkLabel          *badge;
  GtkDropDown       *owner_dropdown;
  GtkMenuButton     *due_button;
  GtkLabel          *due_label;
  GtkPopover        *due_popover;
  GtkCalendar       *due_calendar;
  GtkButton         *no_due_button;
  GtkWidget         *owner_toggle; /* the drop-down's own button, not owned */
};

G_DEFINE_FINAL_TYPE (RapportCommitmentRow, rapport_commitment_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  PROP_0,
  PROP_COMMITMENT,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Positions in the owner drop-down's list. */
enum
{
  OWNER_ME,
  OWNER_THEM,
};

/* Brings what the bindings do not cover in line with the commitment. */
static void
repaint (RapportCommitmentRow *self)
{
  RapportCommitment *item = self->commitment;
  GtkWidget         *row = GTK_WIDGET (self);
  g_autofree char   *check_name = NULL;
  gboolean           mine;

  if (item == NULL)
    return;

  mine = rapport_commitment_get_owner (item) == RAPPORT_COMMITMENT_OWNER_ME;
  /* Translators: accessible name of the tick box of a commitment. */
  check_name = g_strdup_printf (_("Done: %s"), rapport_commitment_get_text (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_name, -1);

  /* on_owner_selected() sees that nothing is to be asked. */
  gtk_drop_down_set_selected (self->owner_dropdown, mine ? OWNER_ME : OWNER_THEM);
  if (self->owner_toggle != NULL)
    {
      /* Translators: accessible name of a commitment's owner, "Who will do it: Me". */
      g_autofree char *owner_name = g_strdup_printf (_("Who will do it: %s"),
                                                     mine ? C_("owner", "Me") : C_("owner", "Them"));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->owner_toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      owner_name, -1);
    }

  if (rapport_commitment_get_due (item) != NULL)
    {
      g_autofree char *day = rapport_brief_format_date (rapport_commitment_get_due (item), self->today);
      /* Translators: a commitment's due date, e.g. "due 3 Mar". */
      g_autofree char *text = g_strdup_printf (_("due %s"), day);

      gtk_label_set_label (self->due_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_button), _("Change the Due Date"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      rapport_calendar_select_iso_date (self->due_calendar, rapport_commitment_get_due (item));
    }
  else
    {
      gtk_label_set_label (self->due_label, _("no due date"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_button), _("Set a Due Date"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("no due date"), -1);
    }

  if (rapport_commitment_get_carried_over (item))
    {
      g_autofree char *day = rapport_brief_format_date (rapport_commitment_get_made_on (item), self->today);
      /* Translators: badge of a commitment carried over from an earlier 1:1. */
      g_autofree char *label = g_strdup_printf (_("from %s"), day);
      g_autofree char *tooltip = g_strdup_printf (_("Made in the 1:1 of %s"), day);

      gtk_label_set_label (self->badge, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge), tooltip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->badge), rapport_commitment_get_carried_over (item));

  if (self->today != NULL && rapport_commitment_is_overdue (item, self->today))
    gtk_widget_add_css_class (row, "overdue");
  else
    gtk_widget_remove_css_class (row, "overdue");
  if (rapport_commitment_get_closed (item))
    gtk_widget_add_css_class (row, "closed");
  else
    gtk_widget_remove_css_class (row, "closed");
}

/* Asks the list for a change to this row's commitment. Nothing here
 * changes the row: the commitment notifies when it changed. */
static void
ask (RapportCommitmentRow *self,
     const char           *action,
     const char           *text)
{
  gint64 id = rapport_commitment_get_id (self->commitment);

  if (text != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "(xs)", id, text);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), action, "x", id);
}

/* Callbacks ------------------------------------------------------------- */

static void
on_check_toggled (RapportCommitmentRow *self)
{
  g_autoptr(RapportCommitmentRow) hold = NULL;

  /* The binding set it from the commitment: nothing to ask. */
  if (self->commitment == NULL ||
      gtk_check_button_get_active (self->check) == rapport_commitment_get_closed (self->commitment))
    return;

  hold = g_object_ref (self);
  ask (self, RAPPORT_COMMITMENT_ROW_ACTION_TOGGLE_CLOSED, NULL);
  /* Refused, or nobody to ask: show it as it is. */
  if (self->commitment != NULL && self->check != NULL)
    gtk_check_button_set_active (self->check, rapport_commitment_get_closed (self->commitment));
}

static void
on_text_editing (RapportCommitmentRow *self)
{
  g_autoptr(RapportCommitmentRow) hold = NULL;
  const char *text;

  if (self->commitment == NULL || gtk_editable_label_get_editing (self->text))
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->text));
  if (g_strcmp0 (text, rapport_commitment_get_text (self->commitment)) == 0)
    return;
  hold = g_object_ref (self);
  ask (self, RAPPORT_COMMITMENT_ROW_ACTION_SET_TEXT, text);
  /* Show what is stored: cleaned up, or the old text when refused. */
  if (self->commitment != NULL && self->text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->text), rapport_commitment_get_text (self->commitment));
}

static void
on_owner_selected (RapportCommitmentRow *self)
{
  g_autoptr(RapportCommitmentRow) hold = NULL;
  RapportCommitmentOwner owner;

  if (self->commitment == NULL)
    return;
  owner = gtk_drop_down_get_selected (self->owner_dropdown) == OWNER_THEM
            ? RAPPORT_COMMITMENT_OWNER_THEM
            : RAPPORT_COMMITMENT_OWNER_ME;
  /* repaint() showing the commitment's owner: nothing to ask. */
  if (owner == rapport_commitment_get_owner (self->commitment))
    return;

  hold = g_object_ref (self);
  ask (self, RAPPORT_COMMITMENT_ROW_ACTION_SET_OWNER, rapport_commitment_owner_to_string (owner));
  /* Refused, or nobody to ask: show it as it is. */
  if (self->commitment != NULL && self->owner_dropdown != NULL &&
      rapport_commitment_get_owner (self->commitment) != owner)
    repaint (self);
}

static void
on_due_day_selected (RapportCommitmentRow *self)
{
  g_autofree char *date = rapport_calendar_get_iso_date (self->due_calendar);

  gtk_popover_popdown (self->due_popover);
  /* Also reached when repaint() shows the due date in the calendar. */
  if (self->commitment == NULL || g_strcmp0 (date, rapport_commitment_get_due (self->commitment)) == 0)
    return;
  ask (self, RAPPORT_COMMITMENT_ROW_ACTION_SET_DUE, date);
}

static void
on_due_cleared (RapportCommitmentRow *self)
{
  gtk_popover_popdown (self->due_popover);
  if (self->commitment != NULL)
    ask (self, RAPPORT_COMMITMENT_ROW_ACTION_SET_DUE, "");
}

static void
on_delete_clicked (RapportCommitmentRow *self)
{
  /* The list usually drops this row while it handles the action. */
  if (self->commitment != NULL)
    ask (self, RAPPORT_COMMITMENT_ROW_ACTION_DELETE, NULL);
}

/* Public ---------------------------------------------------------------- */

GtkWidget *
rapport_commitment_row_new (RapportCommitment *commitment,
                            const char        *today)
{
  g_return_val_if_fail (commitment == NULL || RAPPORT_IS_COMMITMENT (commitment), NULL);

  return g_object_new (RAPPORT_TYPE_COMMITMENT_ROW,
                       "today", today,
                       "commitment", commitment,
                       NULL);
}

void
rapport_commitment_row_set_commitment (RapportCommitmentRow *self,
                                       RapportCommitment    *commitment)
{
  g_return_if_fail (RAPPORT_IS_COMMITMENT_ROW (self));
  g_return_if_fail (commitment == NULL || RAPPORT_IS_COMMITMENT (commitment));

  if (!g_set_object (&self->commitment, commitment))
    return;
  g_signal_group_set_target (self->signals, commitment);
  g_binding_group_set_source (self->bindings, commitment);
  repaint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMITMENT]);
}

RapportCommitment *
rapport_commitment_row_get_commitment (RapportCommitmentRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT_ROW (self), NULL);
  return self->commitment;
}

void
rapport_commitment_row_set_today (RapportCommitmentRow *self,
                                  const char           *today)
{
  g_return_if_fail (RAPPORT_IS_COMMITMENT_ROW (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  repaint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

const char *
rapport_commitment_row_get_today (RapportCommitmentRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_COMMITMENT_ROW (self), NULL);
  return self->today;
}

void
rapport_commitment_row_stop_editing (RapportCommitmentRow *self)
{
  g_return_if_fail (RAPPORT_IS_COMMITMENT_ROW (self));

  if (gtk_editable_label_get_editing (self->text))
    gtk_editable_label_stop_editing (self->text, TRUE);
}

/* GObject --------------------------------------------------------------- */

static void
rapport_commitment_row_dispose (GObject *object)
{
  RapportCommitmentRow *self = RAPPORT_COMMITMENT_ROW (object);

  /* First, so that no callback acts for a row being taken apart. */
  rapport_commitment_row_set_commitment (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_COMMITMENT_ROW);
  self->owner_toggle = NULL;
  g_clear_object (&self->bindings);
  g_clear_object (&self->signals);

  G_OBJECT_CLASS (rapport_commitment_row_parent_class)->dispose (object);
}

static void
rapport_commitment_row_finalize (GObject *object)
{
  RapportCommitmentRow *self = RAPPORT_COMMITMENT_ROW (object);

  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rapport_commitment_row_parent_class)->finalize (object);
}

static void
rapport_commitment_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportCommitmentRow *self = RAPPORT_COMMITMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_COMMITMENT: g_value_set_object (value, self->commitment); break;
    case PROP_TODAY: g_value_set_string (value, self->today); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_commitment_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportCommitmentRow *self = RAPPORT_COMMITMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_COMMITMENT: rapport_commitment_row_set_commitment (self, g_value_get_object (value)); break;
    case PROP_TODAY: rapport_commitment_row_set_today (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_commitment_row_class_init (RapportCommitmentRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_commitment_row_dispose;
  object_class->finalize = rapport_commitment_row_finalize;
  object_class->get_property = rapport_commitment_row_get_property;
  object_class->set_property = rapport_commitment_row_set_property;

  properties[PROP_COMMITMENT] =
    g_param_spec_object ("commitment", NULL, NULL, RAPPORT_TYPE_COMMITMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-commitment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentRow, check);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentRow, text);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentRow, badge);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentRow, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentRow, due_button);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentRow, due_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentRow, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportCommitmentRow, no_due_button);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_text_editing);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_due_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_due_cleared);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
}

static void
rapport_commitment_row_init (RapportCommitmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_editable_label_prepare (self->text);
  rapport_calendar_pick_on_enter (self->due_calendar);
  /* GTK 4.8 would read the label property and then the label child:
   * "No due date _No Due Date". One name. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->no_due_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  /* "Who will do it", not the owner it shows ("Me"). */
  rapport_accessible_set_label (GTK_WIDGET (self->owner_dropdown), NULL);
  /* GtkDropDown's button takes the focus, and a screen reader would
   * hear it as "GtkToggleButton": name it (repaint() says the owner). */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->owner_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      self->owner_toggle = child;

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "text", self->text, "text", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "closed", self->check, "active", G_BINDING_SYNC_CREATE);

  self->signals = g_signal_group_new (RAPPORT_TYPE_COMMITMENT);
  g_signal_group_connect_swapped (self->signals, "notify", G_CALLBACK (repaint), self);
}
