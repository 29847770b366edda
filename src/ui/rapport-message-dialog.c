/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-message-dialog"

#include "config.h"

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

void
rapport_message_dialog_set_up_save (AdwMessageDialog *dialog,
                                    AdwEntryRow      *first_row,
                                    ...)
{
  va_list rows;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  va_start (rows, first_row);
  for (AdwEntryRow *row = first_row; row != NULL; row = va_arg (rows, AdwEntryRow *))
    g_signal_connect (row, "entry-activated", G_CALLBACK (on_entry_activated), dialog);
  va_end (rows);
}
