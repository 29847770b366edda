/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-habit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-habit-dialog.h"
#include "rapport-form-dialog.h"
#include "rapport-habit-library.h"
#include "rapport-platform.h"

/* The form's data, which the task borrows until the form is answered. */
typedef struct
{
  /* Owned */
  RapportStore *store;
  /* Borrowed: the form and its parts. */
  AdwEntryRow  *label_row;
  AdwEntryRow  *hint_row;
  AdwComboRow  *kind_row;
  GtkLabel     *problem_label;
  GtkWidget    *form;
  /* State */
  gint64        habit_id;
} DialogData;

/* What the dialog returns. */
typedef struct
{
  char            *label;
  char            *hint;
  RapportHabitKind kind;
} HabitValues;

static void
habit_values_free (HabitValues *values)
{
  g_free (values->label);
  g_free (values->hint);
  g_free (values);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HabitValues, habit_values_free)

static void
dialog_data_free (DialogData *data)
{
  g_clear_object (&data->store);
  g_free (data);
}

static RapportHabitKind
selected_kind (DialogData *data)
{
  return adw_combo_row_get_selected (data->kind_row) == 1
           ? RAPPORT_HABIT_STRUCTURE
           : RAPPORT_HABIT_TRUST;
}

/* Says what is wrong as it is typed, rather than after "Save". */
static void
update_state (DialogData *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (data->label_row));
  const char      *hint = gtk_editable_get_text (GTK_EDITABLE (data->hint_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  /* An empty name is plain from the greyed-out button; no need to scold. */
  gboolean         show = trimmed[0] != '\0';

  label = rapport_habit_library_check_label (data->store, text, data->habit_id, &error);
  if (label != NULL && g_utf8_strlen (hint, -1) > RAPPORT_HABIT_HINT_MAX_CHARS)
    g_set_error (&error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                 _("The hint is too long: keep it to %d characters"),
                 RAPPORT_HABIT_HINT_MAX_CHARS);

  show = show && error != NULL;
  rapport_form_set_save_enabled (data->form, error == NULL);
  gtk_label_set_text (data->problem_label, show ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (data->problem_label), show);
  if (show)
    gtk_widget_add_css_class (GTK_WIDGET (data->label_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (data->label_row), "error");
}

static void
save (GTask *task)
{
  DialogData  *data = g_task_get_task_data (task);
  HabitValues *values = g_new0 (HabitValues, 1);

  values->label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->label_row)));
  values->hint = g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->hint_row)));
  values->kind = selected_kind (data);
  g_task_return_pointer (task, values, (GDestroyNotify) habit_values_free);
}

static AdwEntryRow *
entry_row (GtkWidget  *list,
           const char *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  return row;
}

void
rapport_habit_dialog_run_async (GtkWidget          *parent,
                                RapportStore       *store,
                                RapportHabit       *habit,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  DialogData *data;
  GtkWidget  *box;
  GtkWidget  *list;
  GtkWidget  *kind_help;
  g_autoptr(GtkStringList) kinds = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (habit == NULL || RAPPORT_IS_HABIT (habit));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_habit_dialog_run_async);
  if (g_task_return_error_if_cancelled (task))
    return;
  data = g_new0 (DialogData, 1);
  data->store = g_object_ref (store);
  data->habit_id = habit ? rapport_habit_get_id (habit) : 0;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = rapport_form_dialog_new_list ();
  gtk_box_append (GTK_BOX (box), list);

  data->label_row = entry_row (list, _("Name"));
  data->hint_row = entry_row (list, _("Hint (optional)"));

  kinds = gtk_string_list_new ((const char *[]){ _("Trust"), _("Structure"), NULL });
  data->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->kind_row), _("Kind"));
  adw_combo_row_set_model (data->kind_row, G_LIST_MODEL (kinds));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->kind_row));

  /* What the kinds mean, under the list at its full width: as the row's
   * subtitle it shared the row with the chosen value and was squeezed into
   * a narrow column, cut off in some themes and fonts. */
  kind_help = gtk_label_new (_("Trust habits give room and reasons; structure habits bring clarity and follow-up."));
  gtk_label_set_wrap (GTK_LABEL (kind_help), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (kind_help), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (kind_help), 0);
  gtk_widget_add_css_class (kind_help, "dim-label");
  gtk_widget_add_css_class (kind_help, "caption");
  gtk_box_append (GTK_BOX (box), kind_help);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->kind_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (data->kind_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, kind_help, NULL, -1);

  data->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (data->problem_label, TRUE);
  gtk_label_set_xalign (data->problem_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (data->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (data->problem_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->problem_label));

  if (habit != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (data->label_row), rapport_habit_get_label (habit));
      gtk_editable_set_text (GTK_EDITABLE (data->hint_row), rapport_habit_get_hint (habit));
      adw_combo_row_set_selected (data->kind_row,
                                  rapport_habit_get_kind (habit) == RAPPORT_HABIT_STRUCTURE ? 1 : 0);
    }

  data->form = rapport_form_new (habit ? _("Edit Habit") : _("Add Habit"),
                                 habit ? NULL
                                       : _("A prompt on the checklist of every new meeting, "
                                            "added after the others."),
                                 box, habit ? _("_Save") : _("_Add"));
  g_object_set_data_full (G_OBJECT (data->form), "rapport-habit-dialog", data,
                          (GDestroyNotify) dialog_data_free);
  g_task_set_task_data (task, data, NULL);
  rapport_form_dialog_save_on_enter (data->form, data->label_row, data->hint_row, NULL);
  rapport_form_set_focus (data->form, GTK_WIDGET (data->label_row));

  g_signal_connect_swapped (data->label_row, "changed", G_CALLBACK (update_state), data);
  g_signal_connect_swapped (data->hint_row, "changed", G_CALLBACK (update_state), data);
  update_state (data);

  rapport_form_dialog_run_task (data->form, parent, task, save);
}

gboolean
rapport_habit_dialog_run_finish (GAsyncResult     *result,
                                 char            **label,
                                 char            **hint,
                                 RapportHabitKind *kind,
                                 GError          **error)
{
  g_autoptr(HabitValues) values = NULL;

  g_return_val_if_fail (g_async_result_is_tagged (result, rapport_habit_dialog_run_async), FALSE);

  values = g_task_propagate_pointer (G_TASK (result), error);
  if (values == NULL)
    return FALSE;
  if (label != NULL)
    *label = g_steal_pointer (&values->label);
  if (hint != NULL)
    *hint = g_steal_pointer (&values->hint);
  if (kind != NULL)
    *kind = values->kind;
  return TRUE;
}
