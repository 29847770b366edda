/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-enums.h"
#include "rapport-store.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_HABIT_TRUST,
  RAPPORT_HABIT_STRUCTURE,
} RapportHabitKind;

#define RAPPORT_TYPE_HABIT (rapport_habit_get_type ())
G_DECLARE_FINAL_TYPE (RapportHabit, rapport_habit, RAPPORT, HABIT, GObject)

gint64            rapport_habit_get_id        (RapportHabit  *self);
const char       *rapport_habit_get_uuid      (RapportHabit  *self);
const char       *rapport_habit_get_key       (RapportHabit  *self);
const char       *rapport_habit_get_label     (RapportHabit  *self);
const char       *rapport_habit_get_hint      (RapportHabit  *self);
RapportHabitKind  rapport_habit_get_kind      (RapportHabit  *self);
int               rapport_habit_get_position  (RapportHabit  *self);
gboolean          rapport_habit_get_active    (RapportHabit  *self);

const char       *rapport_habit_kind_to_string   (RapportHabitKind  kind);
gboolean          rapport_habit_kind_from_string (const char       *text,
                                                  RapportHabitKind *kind);
/* What to show for a stored label or hint: a built-in habit's own English
 * text comes back translated, anything else as it is. */
const char       *rapport_habit_display_label (const char *key,
                                               const char *label);
const char       *rapport_habit_display_hint  (const char *key,
                                               const char *hint);

/* Active habits in checklist order (the checklist of a new meeting). */
GListStore       *rapport_habit_load_active   (RapportStore  *store,
                                               GError       **error);
/* Every habit: active ones first in order, then the rest. */
GListStore       *rapport_habit_load_all      (RapportStore  *store,
                                               GError       **error);
RapportHabit     *rapport_habit_load          (RapportStore  *store,
                                               gint64         id,
                                               GError       **error);

G_END_DECLS
