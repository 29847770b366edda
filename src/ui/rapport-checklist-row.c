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
  GtkRevealer          *evidence_revealer;
  GtkEntry             *evidence_entry;
};

G_DEFINE_FINAL_TYPE (RapportChecklistRow, rapport_checklist_row, GTK_TYPE_LIST_BOX_ROW)

enum {
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
  gtk_revealer_set_reveal_child (self->evidence_revealer, active);
}

void
rapport_checklist_row_flush (RapportChecklistRow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RAPPORT_IS_CHECKLIST_ROW (self));

  if (!rapport_checklist_item_set_evidence (self->item, self->store,
                                            gtk_editable_get_text (GTK_EDITABLE (self->evidence_entry)),
                                            &error))
    report (self, error);
}

static void
on_evidence_commit (RapportChecklistRow *self)
{
  rapport_checklist_row_flush (self);
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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_checklist_row_dispose;

  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-checklist-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportChecklistRow, check);
  gtk_widget_class_bind_template_child (widget_class, RapportChecklistRow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, RapportChecklistRow, shortcut_label);
  gtk_widget_class_bind_template_child (widget_class, RapportChecklistRow, evidence_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportChecklistRow, evidence_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_commit);
}

static void
rapport_checklist_row_init (RapportChecklistRow *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->evidence_entry), focus);
}

GtkWidget *
rapport_checklist_row_new (RapportStore         *store,
                           RapportChecklistItem *item,
                           guint                 number)
{
  RapportChecklistRow *self;
  g_autofree char *evidence_name = NULL;

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

  gtk_editable_set_text (GTK_EDITABLE (self->evidence_entry),
                         rapport_checklist_item_get_evidence (item));
  /* Translators: the accessible name of the evidence entry under a habit. */
  evidence_name = g_strdup_printf (_("What happened: %s"), rapport_checklist_item_get_label (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->evidence_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, evidence_name, -1);
  gtk_revealer_set_reveal_child (self->evidence_revealer, rapport_checklist_item_get_ticked (item));

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
