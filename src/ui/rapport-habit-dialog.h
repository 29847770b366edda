/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-habit.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Asks for a habit's name, hint and kind; @habit NULL adds a new habit,
 * otherwise its values are shown for editing. The name is checked against
 * @store as it is typed, so "Save" is only offered for a name that will
 * be accepted. The dialog is modal over @parent (a window, or a widget in
 * one such as the Preferences) and closes with its window; the task holds
 * a reference to @parent, which is the source object @callback receives.
 * Cancelling @cancellable closes the dialog. */
void     rapport_habit_dialog_run_async  (GtkWidget            *parent,
                                          RapportStore         *store,
                                          RapportHabit         *habit,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* TRUE with the values the user confirmed, already checked (free @label
 * and @hint; any out argument may be NULL). FALSE with
 * G_IO_ERROR_CANCELLED when the dialog was closed without saving. */
gboolean rapport_habit_dialog_run_finish (GAsyncResult         *result,
                                          char                **label,
                                          char                **hint,
                                          RapportHabitKind     *kind,
                                          GError              **error);

G_END_DECLS
