/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-checklist-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-checklist-row.h"

struct _RapportChecklistRow
{
  GtkListBoxRow         parent_instance;

  RapportStore         *store;
  RapportChecklistItem *item;

  GtkCheckButton       *check;
  GtkLabel             *hint_label;
  GtkLabel             *shortcut_label;
  GtkMenuButton        *evidence_button;
  GtkPopover           *evidence_popover;
  GtkLabel             *evidence_heading;
  GtkTextView          *evidence_view;
};

G_DEFINE_FINAL_TYPE (RapportChecklistRow, rapport_checklist_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
report (RapportChecklistRow *self,
        GError              *error)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
}

static char *
dup_evidence_text (RapportChecklistRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->evidence_view);
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The evidence button: usable once the habit is ticked; says what was
 * written, if anything, in its tooltip and to screen readers. */
static void
update_evidence_button (RapportChecklistRow *self)
{
  const char      *label = rapport_checklist_item_get_label (self->item);
  const char      *evidence = rapport_checklist_item_get_evidence (self->item);
  gboolean         ticked = rapport_checklist_item_get_ticked (self->item);
  gboolean         written = *evidence != '\0';
  g_autofree char *name = NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_button), ticked);
  if (written)
    gtk_widget_add_css_class (GTK_WIDGET (self->evidence_button), "written");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->evidence_button), "written");

  /* Translators: accessible name of the button that opens the evidence
   * of a habit; %s is the habit. */
  name = g_strdup_printf (_("Note what happened: %s"), label);
  if (written)
    /* Translators: tooltip of the evidence button, with what was written. */
    tooltip = g_strdup_printf (_("What Happened: %s"), evidence);
  else
    tooltip = g_strdup (ticked ? _("Note What Happened") : _("Tick the Habit to Note What Happened"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->evidence_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->evidence_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, evidence,
                                  -1);
}

static void
on_check_toggled (RapportChecklistRow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_check_button_get_active (self->check);

  if (active == rapport_checklist_item_get_ticked (self->item))
    return;

  if (!rapport_checklist_item_set_ticked (self->item, self->store, active, &error))
    {
      /* Show the state that is really on disk. */
      gtk_check_button_set_active (self->check, rapport_checklist_item_get_ticked (self->item));
      report (self, error);
      return;
    }
  update_evidence_button (self);
}

void
rapport_checklist_row_flush (RapportChecklistRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (RAPPORT_IS_CHECKLIST_ROW (self));

  text = dup_evidence_text (self);
  /* Unchanged text writes nothing (the item compares). */
  if (!rapport_checklist_item_set_evidence (self->item, self->store, text, &error))
    report (self, error);
  update_evidence_button (self);
}

static void
on_evidence_closed (RapportChecklistRow *self)
{
  rapport_checklist_row_flush (self);
}

/* Enter closes (and so saves); Shift+Enter too, as evidence is one line
 * of text shown wrapped. */
static gboolean
on_evidence_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 RapportChecklistRow   *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  gtk_popover_popdown (self->evidence_popover);
  return TRUE;
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                RapportChecklistRow     *self)
{
  rapport_checklist_row_flush (self);
}

static void
rapport_checklist_row_dispose (GObject *object)
{
  RapportChecklistRow *self = RAPPORT_CHECKLIST_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CHECKLIST_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_checklist_row_parent_class)->dispose (object);
}

static void
rapport_checklist_row_class_init (RapportChecklistRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_checklist_row_dispose;

  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-checklist-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportChecklistRow, check);
  gtk_widget_class_bind_template_child (widget_class, RapportChecklistRow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, RapportChecklistRow, shortcut_label);
  gtk_widget_class_bind_template_child (widget_class, RapportChecklistRow, evidence_button);
  gtk_widget_class_bind_template_child (widget_class, RapportChecklistRow, evidence_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportChecklistRow, evidence_heading);
  gtk_widget_class_bind_template_child (widget_class, RapportChecklistRow, evidence_view);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_closed);
}

static void
rapport_checklist_row_init (RapportChecklistRow *self)
{
  GtkEventController *focus;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->evidence_view), focus);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_evidence_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->evidence_view), keys);
}

GtkWidget *
rapport_checklist_row_new (RapportStore         *store,
                           RapportChecklistItem *item,
                           guint                 number)
{
  RapportChecklistRow *self;
  g_autofree char     *evidence_name = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_CHECKLIST_ITEM (item), NULL);

  self = g_object_new (RAPPORT_TYPE_CHECKLIST_ROW, NULL);
  self->store = g_object_ref (store);
  self->item = g_object_ref (item);

  gtk_check_button_set_label (self->check, rapport_checklist_item_get_label (item));
  gtk_check_button_set_active (self->check, rapport_checklist_item_get_ticked (item));
  gtk_label_set_label (self->hint_label, rapport_checklist_item_get_hint (item));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), *rapport_checklist_item_get_hint (item) != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  rapport_checklist_item_get_hint (item), -1);

  if (number > 0 && number <= 9)
    {
      g_autofree char *shortcut = g_strdup_printf ("Alt+%u", number);
      gtk_label_set_label (self->shortcut_label, shortcut);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, shortcut, -1);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->shortcut_label), FALSE);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->evidence_view),
                            rapport_checklist_item_get_evidence (item), -1);
  gtk_label_set_label (self->evidence_heading, rapport_checklist_item_get_label (item));
  /* Translators: the accessible name of the evidence text of a habit. */
  evidence_name = g_strdup_printf (_("What happened: %s"), rapport_checklist_item_get_label (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->evidence_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, evidence_name, -1);
  update_evidence_button (self);

  return GTK_WIDGET (self);
}

RapportChecklistItem *
rapport_checklist_row_get_item (RapportChecklistRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHECKLIST_ROW (self), NULL);
  return self->item;
}

void
rapport_checklist_row_toggle (RapportChecklistRow *self)
{
  g_return_if_fail (RAPPORT_IS_CHECKLIST_ROW (self));
  gtk_check_button_set_active (self->check, !gtk_check_button_get_active (self->check));
}
