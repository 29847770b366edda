/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* Lines of the reminder's body beyond which the rest is counted, not
 * named: a notification shows a few lines. */
#define RAPPORT_REMINDER_MAX_LINES 5

typedef struct _RapportReminder RapportReminder;

/* What the day's reminder says on @today (YYYY-MM-DD): the people whose
 * 1:1 is due or overdue (rapport_brief_due_state(); overdue first, then
 * as the people list is sorted; archived people never) and my open
 * commitments due on @today. NULL when there is nothing to remind of, or
 * on error (then @error is set). */
RapportReminder *rapport_reminder_compute          (RapportStore     *store,
                                                    const char       *today,
                                                    GError          **error);
void             rapport_reminder_free             (RapportReminder  *self);

/* "2 1:1s are due", or "1 promise is due today" when only promises are. */
const char      *rapport_reminder_get_title        (RapportReminder  *self);
/* One line per person ("Sam Rivera — overdue") and per promise ("You
 * promised Sam Rivera: Send the notes"), at most RAPPORT_REMINDER_MAX_LINES. */
const char      *rapport_reminder_get_body         (RapportReminder  *self);
/* Whose brief the reminder opens: the first person named. */
gint64           rapport_reminder_get_person_id    (RapportReminder  *self);
guint            rapport_reminder_get_n_people     (RapportReminder  *self);
guint            rapport_reminder_get_n_promises   (RapportReminder  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportReminder, rapport_reminder_free)

G_END_DECLS
