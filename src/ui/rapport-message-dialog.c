/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-message-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-message-dialog.h"

static void
on_entry_activated (AdwEntryRow      *row,
                    AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "save"))
    {
      /* Emitting the response does not close the dialog by itself. */
      adw_message_dialog_response (dialog, "save");
      gtk_window_close (GTK_WINDOW (dialog));
    }
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
rapport_message_dialog_add_save (AdwMessageDialog *dialog,
                                 const char       *save_label,
                                 AdwEntryRow      *first_row,
                                 ...)
{
  va_list rows;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (save_label != NULL);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", save_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  va_start (rows, first_row);
  for (AdwEntryRow *row = first_row; row != NULL; row = va_arg (rows, AdwEntryRow *))
    g_signal_connect (row, "entry-activated", G_CALLBACK (on_entry_activated), dialog);
  va_end (rows);
}
