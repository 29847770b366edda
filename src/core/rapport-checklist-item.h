/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-habit.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CHECKLIST_ITEM (rapport_checklist_item_get_type ())
G_DECLARE_FINAL_TYPE (RapportChecklistItem, rapport_checklist_item, RAPPORT, CHECKLIST_ITEM, GObject)

gint64            rapport_checklist_item_get_id        (RapportChecklistItem  *self);
gint64            rapport_checklist_item_get_habit_id  (RapportChecklistItem  *self);
const char       *rapport_checklist_item_get_label     (RapportChecklistItem  *self);
const char       *rapport_checklist_item_get_hint      (RapportChecklistItem  *self);
RapportHabitKind  rapport_checklist_item_get_kind      (RapportChecklistItem  *self);
gboolean          rapport_checklist_item_get_ticked    (RapportChecklistItem  *self);
const char       *rapport_checklist_item_get_evidence  (RapportChecklistItem  *self);

/* Both write at once, each in its own transaction. */
gboolean          rapport_checklist_item_set_ticked    (RapportChecklistItem  *self,
                                                        RapportStore          *store,
                                                        gboolean               ticked,
                                                        GError               **error);
gboolean          rapport_checklist_item_set_evidence  (RapportChecklistItem  *self,
                                                        RapportStore          *store,
                                                        const char            *evidence,
                                                        GError               **error);

/* Puts @n_habits habits on the checklist of @meeting_id, unticked, created
 * at @now, in checklist order (active first, by position) whatever the
 * order of @habit_ids. Writes one row each; run it inside the caller's
 * transaction. */
gboolean          rapport_checklist_add_habits         (RapportStore          *store,
                                                        gint64                 meeting_id,
                                                        const gint64          *habit_ids,
                                                        guint                  n_habits,
                                                        const char            *now,
                                                        GError               **error);

/* The checklist a meeting was held with. A meeting dated before today
 * lists it in the order it was held with (the rows' order, written in
 * checklist order by rapport_checklist_add_habits()), so that reordering
 * habits never renumbers Alt+N in past meetings; a meeting of today or
 * later follows the current habit order, archived habits last. */
GListStore       *rapport_checklist_load               (RapportStore          *store,
                                                        gint64                 meeting_id,
                                                        GError               **error);

G_END_DECLS
