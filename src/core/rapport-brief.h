/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-enums.h"
#include "rapport-person.h"
#include "rapport-store.h"
#include "rapport-trend.h"

G_BEGIN_DECLS

/* Is the next 1:1 due? With d = days since the last 1:1 (on or before
 * today) and c = the person's cadence in days:
 *   NONE     d < c
 *   DUE      c <= d <= c + grace
 *   OVERDUE  d > c + grace
 * where grace = max (1, c / 4) days (weekly: 1, fortnightly: 3, 30 days:
 * 7). With no 1:1 yet, d counts from the day the person was added and a
 * first 1:1 is at most DUE, never OVERDUE: someone added a minute ago is
 * not due at once, and nobody is late for a first meeting. Archived people
 * are always NONE. See docs/numbers.md. */
typedef enum
{
  RAPPORT_DUE_NONE,
  RAPPORT_DUE_DUE,
  RAPPORT_DUE_OVERDUE,
} RapportDueState;

/* Default number of recent meetings a habit must be missing from before
 * the brief suggests it. */
#define RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW 3
/* How many recorded moods the brief shows: enough for the trend rule
 * (rapport-trend.h). */
#define RAPPORT_BRIEF_MOOD_MEETINGS RAPPORT_TREND_READINGS

typedef struct
{
  char date[11];   /* YYYY-MM-DD */
  int  mood;       /* 1..5 */
} RapportBriefMood;

int              rapport_brief_grace_days         (int             cadence_days);
/* @days_since: since the last 1:1, >= 0. */
RapportDueState  rapport_brief_due_state_for      (int             cadence_days,
                                                   int             days_since);
/* No 1:1 yet; @days_known: since the person was added (< 0, or a day
 * not known: NONE). NONE or DUE, never OVERDUE. */
RapportDueState  rapport_brief_first_due_state_for (int            cadence_days,
                                                    int            days_known);
/* Days from @from to @to (both YYYY-MM-DD); G_MININT when either is not a
 * date. */
int              rapport_brief_days_between       (const char     *from,
                                                   const char     *to);
/* A short, localised day for badges: "3 Mar", with the year when it is
 * not @today's year. */
char            *rapport_brief_format_date        (const char     *date,
                                                   const char     *today);
/* For the people list badge: two indexed queries at most. */
RapportDueState  rapport_brief_due_state          (RapportStore   *store,
                                                   RapportPerson  *person,
                                                   const char     *today);
/* The words of the people list badge, translated: "overdue", "due",
 * "No 1:1 yet" (whatever the state, for someone never met), or NULL for
 * no badge; the state in @state (may be NULL) for its style. */
const char      *rapport_brief_due_badge          (RapportStore    *store,
                                                   RapportPerson   *person,
                                                   const char      *today,
                                                   RapportDueState *state);
/* The id of @person_id's meeting dated @date (the newest one if there are
 * several), 0 in *@meeting_id if there is none. Deleted ones do not
 * count. FALSE with @error when the store could not be read. */
gboolean         rapport_brief_find_meeting_on    (RapportStore   *store,
                                                   gint64          person_id,
                                                   const char     *date,
                                                   gint64         *meeting_id,
                                                   GError        **error);

#define RAPPORT_TYPE_BRIEF (rapport_brief_get_type ())
G_DECLARE_FINAL_TYPE (RapportBrief, rapport_brief, RAPPORT, BRIEF, GObject)

/* Everything the "Before your 1:1" page shows for @person on @today.
 * @neglect_window: how many of the last meetings a habit must be unticked
 * in (0 for the default). */
RapportBrief           *rapport_brief_load                   (RapportStore   *store,
                                                              RapportPerson  *person,
                                                              const char     *today,
                                                              guint           neglect_window,
                                                              GError        **error);

gint64                  rapport_brief_get_person_id          (RapportBrief   *self);
const char             *rapport_brief_get_today              (RapportBrief   *self);
int                     rapport_brief_get_cadence_days       (RapportBrief   *self);
/* 0 / NULL / -1 when there has been no 1:1 yet. */
gint64                  rapport_brief_get_last_meeting_id    (RapportBrief   *self);
const char             *rapport_brief_get_last_meeting_date  (RapportBrief   *self);
int                     rapport_brief_get_days_since         (RapportBrief   *self);
RapportDueState         rapport_brief_get_due_state          (RapportBrief   *self);
/* The first few non-empty lines of the last meeting's notes ("" if none). */
const char             *rapport_brief_get_notes_excerpt      (RapportBrief   *self);
/* RapportCommitment items, open, both owners (mine first). */
GListModel             *rapport_brief_get_open_commitments   (RapportBrief   *self);
guint                   rapport_brief_get_n_overdue          (RapportBrief   *self);
/* RapportHabit items: active habits that were on the checklist of each of
 * the last neglect-window meetings and ticked in none of them (empty while
 * there have been fewer meetings than that). */
GListModel             *rapport_brief_get_neglected_habits   (RapportBrief   *self);
guint                   rapport_brief_get_neglect_window     (RapportBrief   *self);
/* The last RAPPORT_BRIEF_MOOD_MEETINGS moods recorded (meetings without
 * a mood are skipped), oldest first. */
const RapportBriefMood *rapport_brief_get_moods              (RapportBrief   *self,
                                                              guint          *n_moods);
/* The trend of those moods (rapport_trend_of_moods()). */
RapportTrendDirection   rapport_brief_get_mood_trend         (RapportBrief   *self,
                                                              RapportTrend   *trend);
/* Today's meeting with this person (the newest if several), 0 if none:
 * "Start 1:1" then continues it. */
gint64                  rapport_brief_get_today_meeting_id   (RapportBrief   *self);
/* Follow-through on my commitments with this person, all time to today. */
guint                   rapport_brief_get_follow_through_kept (RapportBrief  *self);
guint                   rapport_brief_get_follow_through_due  (RapportBrief  *self);

G_END_DECLS
