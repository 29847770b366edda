/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-form-dialog.h"
#include "rapport-platform.h"

GtkWidget *
rapport_form_dialog_new_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static void
on_entry_activated (AdwEntryRow *row,
                    GtkWidget   *form)
{
  if (rapport_form_get_save_enabled (form))
    rapport_form_respond (form, TRUE);
}

void
rapport_form_dialog_save_on_enter (GtkWidget   *form,
                                   AdwEntryRow *first_row,
                                   ...)
{
  va_list rows;

  g_return_if_fail (rapport_form_is_form (form));

  va_start (rows, first_row);
  for (AdwEntryRow *row = first_row; row != NULL; row = va_arg (rows, AdwEntryRow *))
    g_signal_connect (row, "entry-activated", G_CALLBACK (on_entry_activated), form);
  va_end (rows);
}

typedef struct
{
  GTask                *task; /* owned */
  RapportFormDialogSave save;
} DialogRun;

static void
dialog_run_free (DialogRun *run)
{
  g_clear_object (&run->task);
  g_free (run);
}

static void
on_answer (GtkWidget *form,
           gboolean   save,
           gpointer   data)
{
  DialogRun *run = data;

  if (save)
    run->save (run->task);
  else
    g_task_return_new_error (run->task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Closed without saving"));
}

void
rapport_form_dialog_run_task (GtkWidget            *form,
                              GtkWidget            *parent,
                              GTask                *task,
                              RapportFormDialogSave save)
{
  DialogRun *run;

  g_return_if_fail (rapport_form_is_form (form));
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (save != NULL);

  run = g_new0 (DialogRun, 1);
  run->task = g_object_ref (task);
  run->save = save;
  rapport_form_present (form, parent, g_task_get_cancellable (task),
                        on_answer, run, (GDestroyNotify) dialog_run_free);
}
