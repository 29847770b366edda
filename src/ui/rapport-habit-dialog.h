/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-habit.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Called with the values the user confirmed (already checked). */
typedef void (*RapportHabitDialogDone) (const char       *label,
                                        const char       *hint,
                                        RapportHabitKind  kind,
                                        gpointer          user_data);

/* Asks for a habit's name, hint and kind; @habit NULL adds a new habit,
 * otherwise its values are shown for editing. The name is checked against
 * @store as it is typed, so "Save" is only offered for a name that will
 * be accepted. Returns the dialog (owned by GTK), already presented. */
GtkWidget *rapport_habit_dialog_present (GtkWindow               *parent,
                                         RapportStore            *store,
                                         RapportHabit            *habit,
                                         RapportHabitDialogDone   done,
                                         gpointer                 user_data);

G_END_DECLS
