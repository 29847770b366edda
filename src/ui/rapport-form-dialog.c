/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-message-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-message-dialog.h"
#include "rapport-platform.h"

/* The person and habit forms still make an AdwMessageDialog themselves;
 * on the GNOME 46 platform that is not the alert rapport_alert_new() makes,
 * so both are served until they move to it. */
static gboolean
is_message_dialog (gpointer dialog)
{
  return !rapport_alert_is_alert (dialog) && ADW_IS_MESSAGE_DIALOG (dialog);
}

static void
on_entry_activated (AdwEntryRow *row,
                    GtkWidget   *dialog)
{
  if (is_message_dialog (dialog))
    {
      if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"))
        {
          /* Emitting the response does not close the dialog by itself. */
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
          gtk_window_close (GTK_WINDOW (dialog));
        }
      return;
    }
  if (rapport_alert_get_response_enabled (dialog, "save"))
    rapport_alert_respond (dialog, "save");
}

GtkWidget *
rapport_message_dialog_new_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

void
rapport_message_dialog_add_save (gpointer     dialog,
                                 const char  *save_label,
                                 AdwEntryRow *first_row,
                                 ...)
{
  va_list rows;

  g_return_if_fail (rapport_alert_is_alert (dialog) || ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (save_label != NULL);

  if (is_message_dialog (dialog))
    {
      AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

      adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "save", save_label, NULL);
      adw_message_dialog_set_response_appearance (message, "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (message, "save");
      adw_message_dialog_set_close_response (message, "cancel");
    }
  else
    {
      rapport_alert_add_responses (dialog, "cancel", _("_Cancel"), "save", save_label, NULL);
      rapport_alert_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
      rapport_alert_set_default_response (dialog, "save");
      rapport_alert_set_close_response (dialog, "cancel");
    }

  va_start (rows, first_row);
  for (AdwEntryRow *row = first_row; row != NULL; row = va_arg (rows, AdwEntryRow *))
    g_signal_connect (row, "entry-activated", G_CALLBACK (on_entry_activated), dialog);
  va_end (rows);
}

typedef struct
{
  GTask                    *task;   /* owned */
  RapportMessageDialogSave  save;
  gboolean                  ended;
} DialogRun;

static void
dialog_run_free (gpointer  data,
                 GClosure *closure)
{
  DialogRun *run = data;

  g_clear_object (&run->task);
  g_free (run);
}

static void
end_run (DialogRun  *run,
         const char *response)
{
  if (run->ended)
    return;
  run->ended = TRUE;
  if (g_strcmp0 (response, "save") == 0)
    run->save (run->task);
  else
    g_task_return_new_error (run->task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Closed without saving"));
}

static void
on_run_response (AdwMessageDialog *dialog,
                 const char       *response,
                 DialogRun        *run)
{
  end_run (run, response);
}

static void
on_run_destroy (GtkWidget *dialog,
                DialogRun *run)
{
  end_run (run, NULL);
}

static void
on_run_cancelled (GtkWindow *dialog)
{
  gtk_window_destroy (dialog);
}

/* The task holds the parent, so destroying it (which only drops GTK's own
 * reference) does not dispose it, and "destroy-with-parent" never fires:
 * follow the list of toplevels instead. */
static void
on_toplevels_changed (GtkWindow *dialog)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *parent = gtk_window_get_transient_for (dialog);
  guint n = g_list_model_get_n_items (toplevels);

  if (parent == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window == parent)
        return;
    }
  gtk_window_destroy (dialog);
}

void
rapport_message_dialog_run_task (AdwMessageDialog         *dialog,
                                 GTask                    *task,
                                 RapportMessageDialogSave  save)
{
  DialogRun *run;
  GCancellable *cancellable;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (save != NULL);

  run = g_new0 (DialogRun, 1);
  run->task = g_object_ref (task);
  run->save = save;
  g_signal_connect (dialog, "response", G_CALLBACK (on_run_response), run);
  /* Both handlers go when the dialog is disposed, after "destroy". */
  g_signal_connect_data (dialog, "destroy", G_CALLBACK (on_run_destroy), run, dialog_run_free, 0);
  cancellable = g_task_get_cancellable (task);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (on_run_cancelled), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (on_toplevels_changed), dialog, G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (dialog));
}
