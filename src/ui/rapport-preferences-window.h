/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PREFERENCES_WINDOW (rapport_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RapportPreferencesWindow, rapport_preferences_window, RAPPORT, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Modal and transient for @parent when it is given. Emits "habits-changed"
 * after every change it writes to the habits table. */
RapportPreferencesWindow *rapport_preferences_window_new        (GtkWindow                *parent,
                                                                 RapportStore             *store);
RapportStore             *rapport_preferences_window_get_store  (RapportPreferencesWindow *self);
/* Re-reads the habits (after an import, say). */
void                      rapport_preferences_window_reload     (RapportPreferencesWindow *self);

G_END_DECLS
