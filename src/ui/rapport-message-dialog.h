/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* For a form in an AdwMessageDialog with "cancel" and "save" responses:
 * makes "save" the suggested default and "cancel" the one Escape gives,
 * and lets Enter in each of the NULL-terminated entry rows answer "save"
 * (when it is enabled) and close the dialog. */
void rapport_message_dialog_set_up_save (AdwMessageDialog *dialog,
                                         AdwEntryRow      *first_row,
                                         ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
