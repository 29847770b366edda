/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-brief.h"
#include "rapport-cadence.h"
#include "rapport-enums.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Who needs attention, and why: the score that orders the people list
 * ("needs attention") and This Week, written down in docs/numbers.md. A
 * sum of points, each part bounded so that no one part drowns the rest:
 *
 *   overdue 1:1    40, plus up to 60 more as the lateness grows to one
 *                  cadence (40 + 60 x min (1, days late / cadence));
 *   due 1:1        20 (due or in its grace days, or the first 1:1 due);
 *   my promises    25 for each of my open commitments to them past its
 *                  due date, at most 3 counted;
 *   mood falling   30 (the decline alert of rapport-alert.h);
 *   habit slipping 15 for each habit decline alert, at most 2 counted;
 *   neglected      5 for each active habit on the checklist of each of
 *                  their last 3 1:1s and ticked in none (the brief's
 *                  habits to practise), at most 4 counted;
 *   topics         3 for each talking point waiting in their queue, at
 *                  most 5 counted.
 *
 * The main reason is the part with the most points (the first in this
 * order on a tie), said in a word or two: "overdue 5 days", "2 promises
 * late", "mood falling", "Listen slipping", "due today", "No 1:1 yet",
 * "3 habits neglected", "4 talking points waiting". Archived people score 0. */
typedef enum
{
  RAPPORT_ATTENTION_NOTHING,
  RAPPORT_ATTENTION_OVERDUE,
  RAPPORT_ATTENTION_PROMISES_LATE,
  RAPPORT_ATTENTION_MOOD_FALLING,
  RAPPORT_ATTENTION_HABIT_SLIPPING,
  RAPPORT_ATTENTION_DUE,
  RAPPORT_ATTENTION_HABITS_NEGLECTED,
  RAPPORT_ATTENTION_TOPICS_WAITING,
} RapportAttentionReason;

#define RAPPORT_ATTENTION_POINTS_OVERDUE        40
#define RAPPORT_ATTENTION_POINTS_OVERDUE_GROWTH 60
#define RAPPORT_ATTENTION_POINTS_DUE            20
#define RAPPORT_ATTENTION_POINTS_PROMISE        25
#define RAPPORT_ATTENTION_MAX_PROMISES          3
#define RAPPORT_ATTENTION_POINTS_MOOD           30
#define RAPPORT_ATTENTION_POINTS_HABIT_ALERT    15
#define RAPPORT_ATTENTION_MAX_HABIT_ALERTS      2
#define RAPPORT_ATTENTION_POINTS_NEGLECTED      5
#define RAPPORT_ATTENTION_MAX_NEGLECTED         4
#define RAPPORT_ATTENTION_POINTS_TOPIC          3
#define RAPPORT_ATTENTION_MAX_TOPICS            5
/* How many of a person's last 1:1s are read for the habit alerts (the
 * last 6 that had a habit on their checklist must be among them). */
#define RAPPORT_ATTENTION_HABIT_MEETINGS        24

/* What the score is made of, for one person. */
typedef struct
{
  RapportDueState due_state;
  int             days_late;          /* past the due day */
  int             cadence_days;
  gboolean        met;                /* a 1:1 held already */
  guint           n_promises_late;    /* my open commitments past due */
  gboolean        mood_falling;
  guint           n_habit_alerts;
  const char     *slipping_habit;     /* the first habit alert's label, or NULL */
  guint           n_neglected;
  const char     *neglected_habit;    /* the first neglected habit's label, or NULL */
  guint           n_topics;           /* talking points waiting */
} RapportAttentionFacts;

/* The score of @facts, its main reason in @reason (may be NULL). */
int          rapport_attention_score_for        (const RapportAttentionFacts *facts,
                                                 RapportAttentionReason      *reason);
/* That reason in a word or two, translated; "" for NOTHING. */
char        *rapport_attention_reason_text      (const RapportAttentionFacts *facts,
                                                 RapportAttentionReason       reason);

#define RAPPORT_TYPE_ATTENTION (rapport_attention_get_type ())
G_DECLARE_FINAL_TYPE (RapportAttention, rapport_attention, RAPPORT, ATTENTION, GObject)

/* Every person (archived ones too, scoring 0), most in need first: by
 * score, then the later, then by name as the people list has it. Reads
 * the team's due states in two statements, then one indexed query a
 * person (two when their last 1:1s had too few moods), stepped only
 * until older 1:1s could change nothing. */
GListStore             *rapport_attention_load_all        (RapportStore      *store,
                                                           const char        *today,
                                                           GError           **error);
/* One person's, with their alerts (for the brief). */
RapportAttention       *rapport_attention_load            (RapportStore      *store,
                                                           gint64             person_id,
                                                           const char        *today,
                                                           GError           **error);
/* The order of rapport_attention_load_all(), for a GtkCustomSorter: a
 * GCompareDataFunc on two RapportAttention. */
int                     rapport_attention_compare         (gconstpointer      a,
                                                           gconstpointer      b,
                                                           gpointer           unused);

gint64                  rapport_attention_get_person_id   (RapportAttention  *self);
const char             *rapport_attention_get_name        (RapportAttention  *self);
gboolean                rapport_attention_get_archived    (RapportAttention  *self);
int                     rapport_attention_get_score       (RapportAttention  *self);
RapportAttentionReason  rapport_attention_get_reason      (RapportAttention  *self);
/* "" when nothing calls for attention. */
const char             *rapport_attention_get_reason_text (RapportAttention  *self);
const RapportAttentionFacts *rapport_attention_get_facts  (RapportAttention  *self);
/* The due state, the day the next 1:1 is due, the date set by hand... */
const RapportCadenceStatus  *rapport_attention_get_cadence (RapportAttention *self);
RapportDueState         rapport_attention_get_due_state   (RapportAttention  *self);
/* RapportAlert items: the person's decline alerts, mood first. */
GListModel             *rapport_attention_get_alerts      (RapportAttention  *self);

G_END_DECLS
