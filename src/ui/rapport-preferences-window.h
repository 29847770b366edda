/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-platform.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PREFERENCES_WINDOW (rapport_preferences_window_get_type ())
/* The Preferences: an AdwPreferencesDialog on libadwaita >= 1.5, else an
 * AdwPreferencesWindow (RapportPreferencesBase), with the same pages. */
G_DECLARE_FINAL_TYPE (RapportPreferencesWindow, rapport_preferences_window, RAPPORT, PREFERENCES_WINDOW, RapportPreferencesBase)

/* Shown modal over @parent when it is given (see _present()). Emits
 * "habits-changed" after every change it writes to the habits table. */
RapportPreferencesWindow *rapport_preferences_window_new        (GtkWindow                *parent,
                                                                 RapportStore             *store);
/* Shows the Preferences over the parent given to _new(). */
void                      rapport_preferences_window_present    (RapportPreferencesWindow *self);
/* Closes them, as their close button does. */
void                      rapport_preferences_window_close      (RapportPreferencesWindow *self);
RapportStore             *rapport_preferences_window_get_store  (RapportPreferencesWindow *self);
/* Re-reads the habits (after an import, say). */
void                      rapport_preferences_window_reload     (RapportPreferencesWindow *self);

G_END_DECLS
