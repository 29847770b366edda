/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_MOOD_PICKER (rapport_mood_picker_get_type ())
G_DECLARE_FINAL_TYPE (RapportMoodPicker, rapport_mood_picker, RAPPORT, MOOD_PICKER, GtkWidget)

/* How the other person seemed, from 1 (struggling) to 5 (great), as five
 * linked toggle buttons; 0 is none. Pressing the chosen one again takes
 * it back to 0.
 *
 * Properties: "mood" (0-5). Setting it shows it without emitting
 * "mood-chosen"; the user choosing emits "mood-chosen" after "mood" has
 * changed. */
GtkWidget *rapport_mood_picker_new (void);
int        rapport_mood_picker_get_mood (RapportMoodPicker *self);
void       rapport_mood_picker_set_mood (RapportMoodPicker *self,
                                         int                mood);

G_END_DECLS
