/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-form-dialog.h"
#include "rapport-person-dialog.h"
#include "rapport-platform.h"

static const int cadences[] = { 7, 14, 28 };

/* The form's data, which the task borrows until the form is answered.
 * Borrowed: the form and its rows. */
typedef struct
{
  AdwEntryRow   *name_row;
  AdwEntryRow   *role_row;
  AdwComboRow   *cadence_row;
  AdwActionRow  *days_row;
  GtkSpinButton *days_spin;
  GtkWidget     *form;
} DialogData;

/* What the dialog returns. */
typedef struct
{
  char *name;
  char *role;
  int   cadence_days;
} PersonValues;

static void
person_values_free (PersonValues *values)
{
  g_free (values->name);
  g_free (values->role);
  g_free (values);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PersonValues, person_values_free)

static int
selected_cadence (DialogData *data)
{
  guint selected = adw_combo_row_get_selected (data->cadence_row);

  if (selected < G_N_ELEMENTS (cadences))
    return cadences[selected];
  return gtk_spin_button_get_value_as_int (data->days_spin);
}

static void
update_sensitivity (DialogData *data)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->name_row))));

  rapport_form_set_save_enabled (data->form, *name != '\0');
  gtk_widget_set_visible (GTK_WIDGET (data->days_row),
                          adw_combo_row_get_selected (data->cadence_row) >= G_N_ELEMENTS (cadences));
}

static void
save (GTask *task)
{
  DialogData   *data = g_task_get_task_data (task);
  PersonValues *values = g_new0 (PersonValues, 1);

  values->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->name_row)));
  values->role = g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->role_row)));
  values->cadence_days = selected_cadence (data);
  g_task_return_pointer (task, values, (GDestroyNotify) person_values_free);
}

void
rapport_person_dialog_run_async (GtkWindow          *parent,
                                 RapportPerson      *person,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  DialogData *data;
  GtkWidget  *list;
  g_autoptr(GtkStringList) choices = NULL;
  int   cadence = person ? rapport_person_get_cadence_days (person) : 7;
  guint selected = G_N_ELEMENTS (cadences);

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (person == NULL || RAPPORT_IS_PERSON (person));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_person_dialog_run_async);
  if (g_task_return_error_if_cancelled (task))
    return;
  data = g_new0 (DialogData, 1);

  list = rapport_form_dialog_new_list ();

  data->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->name_row), _("Name"));
  adw_entry_row_set_activates_default (data->name_row, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->name_row));

  data->role_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->role_row), _("Role (optional)"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->role_row));

  choices = gtk_string_list_new ((const char *[]){
    _("Every week"), _("Every two weeks"), _("Every four weeks"), _("Custom"), NULL });
  data->cadence_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->cadence_row), _("Meet"));
  adw_combo_row_set_model (data->cadence_row, G_LIST_MODEL (choices));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->cadence_row));

  data->days_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 366, 1));
  gtk_widget_set_valign (GTK_WIDGET (data->days_spin), GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (data->days_spin, cadence);
  data->days_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->days_row), _("Days between meetings"));
  adw_action_row_add_suffix (data->days_row, GTK_WIDGET (data->days_spin));
  adw_action_row_set_activatable_widget (data->days_row, GTK_WIDGET (data->days_spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->days_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Days between meetings"), -1);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->days_row));

  for (guint i = 0; i < G_N_ELEMENTS (cadences); i++)
    if (cadences[i] == cadence)
      selected = i;
  adw_combo_row_set_selected (data->cadence_row, selected);

  if (person != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (data->name_row), rapport_person_get_name (person));
      gtk_editable_set_text (GTK_EDITABLE (data->role_row), rapport_person_get_role (person));
    }

  data->form = rapport_form_new (person ? _("Edit Person") : _("Add Person"),
                                 person ? NULL : _("Who do you hold one-on-ones with?"),
                                 list, person ? _("_Save") : _("_Add"));
  g_object_set_data_full (G_OBJECT (data->form), "rapport-person-dialog", data, g_free);
  g_task_set_task_data (task, data, NULL);
  rapport_form_dialog_save_on_enter (data->form, data->name_row, data->role_row, NULL);
  rapport_form_set_focus (data->form, GTK_WIDGET (data->name_row));

  g_signal_connect_swapped (data->name_row, "changed", G_CALLBACK (update_sensitivity), data);
  g_signal_connect_swapped (data->cadence_row, "notify::selected", G_CALLBACK (update_sensitivity), data);
  update_sensitivity (data);

  rapport_form_dialog_run_task (data->form, GTK_WIDGET (parent), task, save);
}

gboolean
rapport_person_dialog_run_finish (GAsyncResult *result,
                                  char        **name,
                                  char        **role,
                                  int          *cadence_days,
                                  GError      **error)
{
  g_autoptr(PersonValues) values = NULL;

  g_return_val_if_fail (g_async_result_is_tagged (result, rapport_person_dialog_run_async), FALSE);

  values = g_task_propagate_pointer (G_TASK (result), error);
  if (values == NULL)
    return FALSE;
  if (name != NULL)
    *name = g_steal_pointer (&values->name);
  if (role != NULL)
    *role = g_steal_pointer (&values->role);
  if (cadence_days != NULL)
    *cadence_days = values->cadence_days;
  return TRUE;
}
