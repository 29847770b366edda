/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-person.h"

G_BEGIN_DECLS

/* Asks for a name, a role and how often they meet; @person NULL adds a new
 * person, otherwise its values are shown for editing. The dialog is modal
 * over @parent and closes with it; the task holds a reference to @parent,
 * which is the source object @callback receives. Cancelling @cancellable
 * closes the dialog. */
void     rapport_person_dialog_run_async  (GtkWindow            *parent,
                                           RapportPerson        *person,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* TRUE with the values the user confirmed (free @name and @role; any out
 * argument may be NULL). FALSE with G_IO_ERROR_CANCELLED when the dialog
 * was closed without saving. */
gboolean rapport_person_dialog_run_finish (GAsyncResult         *result,
                                           char                **name,
                                           char                **role,
                                           int                  *cadence_days,
                                           GError              **error);

G_END_DECLS
