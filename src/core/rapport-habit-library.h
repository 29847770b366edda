/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-habit.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Shaping the checklist. Every function writes in one transaction and
 * never deletes a habit: archiving or switching off only clears "active",
 * so past ticks stay tied to the habit's identity (its row), whatever its
 * label becomes. Errors are RAPPORT_STORE_ERROR_INVALID for refused input
 * and RAPPORT_STORE_ERROR_NOT_FOUND for an unknown habit id. */

#define RAPPORT_HABIT_LABEL_MAX_CHARS 80
#define RAPPORT_HABIT_HINT_MAX_CHARS  200

/* Cleans @label to one trimmed line and checks it: not empty, at most
 * RAPPORT_HABIT_LABEL_MAX_CHARS characters, not the label of another
 * active habit (ignoring case). @except_id is the habit being edited (0
 * for a new one); when it is not on the checklist the clash is not
 * checked, as an inactive habit may share a label until it is switched on
 * again. Returns the cleaned label, or NULL. For live checks in forms. */
char          *rapport_habit_library_check_label  (RapportStore      *store,
                                                   const char        *label,
                                                   gint64             except_id,
                                                   GError           **error);

/* A new own habit (key NULL), active, at the end of the checklist; it is
 * also added to the checklists of meetings dated today. */
RapportHabit  *rapport_habit_library_add          (RapportStore      *store,
                                                   const char        *label,
                                                   const char        *hint,
                                                   RapportHabitKind   kind,
                                                   GError           **error);
gboolean       rapport_habit_library_rename       (RapportStore      *store,
                                                   gint64             habit_id,
                                                   const char        *label,
                                                   GError           **error);
gboolean       rapport_habit_library_set_hint     (RapportStore      *store,
                                                   gint64             habit_id,
                                                   const char        *hint,
                                                   GError           **error);
gboolean       rapport_habit_library_set_kind     (RapportStore      *store,
                                                   gint64             habit_id,
                                                   RapportHabitKind   kind,
                                                   GError           **error);
/* Label, hint and kind at once (an edit dialog's "Save"); all or nothing. */
gboolean       rapport_habit_library_update       (RapportStore      *store,
                                                   gint64             habit_id,
                                                   const char        *label,
                                                   const char        *hint,
                                                   RapportHabitKind   kind,
                                                   GError           **error);

/* Moves an active habit to @position (0-based, among active habits;
 * clamped to the last place). */
gboolean       rapport_habit_library_move         (RapportStore      *store,
                                                   gint64             habit_id,
                                                   guint              position,
                                                   GError           **error);
/* One place up or down; at the top or bottom they do nothing and succeed. */
gboolean       rapport_habit_library_move_up      (RapportStore      *store,
                                                   gint64             habit_id,
                                                   GError           **error);
gboolean       rapport_habit_library_move_down    (RapportStore      *store,
                                                   gint64             habit_id,
                                                   GError           **error);

/* Switching on (a library habit) or restoring (an archived own habit)
 * puts it at the end of the checklist and adds it to the checklists of
 * meetings dated today that exist already; the label must not clash with
 * an active habit. Switching off or archiving leaves every existing
 * checklist as it is. */
gboolean       rapport_habit_library_set_active   (RapportStore      *store,
                                                   gint64             habit_id,
                                                   gboolean           active,
                                                   GError           **error);
/* set_active() for own habits only: built-in ones are switched off, not
 * archived, and stay in the library. */
gboolean       rapport_habit_library_archive      (RapportStore      *store,
                                                   gint64             habit_id,
                                                   GError           **error);
gboolean       rapport_habit_library_restore      (RapportStore      *store,
                                                   gint64             habit_id,
                                                   GError           **error);

/* Built-in habits that are not on the checklist, in library order. */
GListStore    *rapport_habit_library_load_available (RapportStore    *store,
                                                     GError         **error);
/* Own habits that were archived, in their last checklist order. */
GListStore    *rapport_habit_library_load_archived  (RapportStore    *store,
                                                     GError         **error);

G_END_DECLS
