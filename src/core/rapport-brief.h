/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-enums.h"
#include "rapport-person.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Is the next 1:1 due? With d = days since the last 1:1 (on or before
 * today) and c = the person's cadence in days:
 *   NONE     d < c
 *   DUE      c <= d <= c + grace, and when there has been no 1:1 yet
 *   OVERDUE  d > c + grace
 * where grace = max (1, c / 4) days (weekly: 1, fortnightly: 3, 30 days:
 * 7). Archived people are always NONE. */
typedef enum
{
  RAPPORT_DUE_NONE,
  RAPPORT_DUE_DUE,
  RAPPORT_DUE_OVERDUE,
} RapportDueState;

/* Default number of recent meetings a habit must be missing from before
 * the brief suggests it. */
#define RAPPORT_BRIEF_DEFAULT_NEGLECT_WINDOW 3
/* How many recent meetings the mood trend covers. */
#define RAPPORT_BRIEF_MOOD_MEETINGS 6

typedef struct
{
  char date[11];   /* YYYY-MM-DD */
  int  mood;       /* 1..5 */
} RapportBriefMood;

int              rapport_brief_grace_days         (int             cadence_days);
/* @days_since < 0: no 1:1 yet. */
RapportDueState  rapport_brief_due_state_for      (int             cadence_days,
                                                   int             days_since);
/* Days from @from to @to (both YYYY-MM-DD); G_MININT when either is not a
 * date. */
int              rapport_brief_days_between       (const char     *from,
                                                   const char     *to);
/* A short, localised day for badges: "3 Mar", with the year when it is
 * not @today's year. */
char            *rapport_brief_format_date        (const char     *date,
                                                   const char     *today);
/* For the people list badge: one indexed query. */
RapportDueState  rapport_brief_due_state          (RapportStore   *store,
                                                   RapportPerson  *person,
                                                   const char     *today);

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
/* Recorded moods of the last RAPPORT_BRIEF_MOOD_MEETINGS meetings, oldest
 * first. */
const RapportBriefMood *rapport_brief_get_moods              (RapportBrief   *self,
                                                              guint          *n_moods);
/* Follow-through on my commitments with this person, all time to today. */
guint                   rapport_brief_get_follow_through_kept (RapportBrief  *self);
guint                   rapport_brief_get_follow_through_due  (RapportBrief  *self);

G_END_DECLS
