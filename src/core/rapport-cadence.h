/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-brief.h"
#include "rapport-enums.h"
#include "rapport-missed-meeting.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* When is a person's next 1:1 due? The rule, written down in
 * docs/numbers.md ("Due, overdue and skipped 1:1s"):
 *
 *   The clock starts at the last 1:1 held (on or before today), or, with
 *   none yet, at the day the person was added; the next 1:1 is due
 *   cadence days later. Then, in date order, each 1:1 recorded as missed
 *   after the last one held:
 *     - skipped for leave: the clock starts again at the skipped day;
 *     - skipped for any other reason: nothing changes (still due, and
 *       overdue in time: a skip is not a 1:1);
 *     - moved to a new day: due on that day;
 *     - moved with no new day yet: nothing changes.
 *   A next date set by hand wins over all of these, until a 1:1 is held
 *   on or after it.
 *   With d = today - the due day: NONE when d < 0, DUE while
 *   0 <= d <= grace (rapport_brief_grace_days()), OVERDUE after; before
 *   the first 1:1 ever, at most DUE. Archived people are NONE.
 *
 * Without missed 1:1s and a hand-set date this is the rule of
 * rapport-brief.h. */

/* What set the due day. */
typedef enum
{
  RAPPORT_DUE_BASIS_NONE,          /* archived, or no day known */
  RAPPORT_DUE_BASIS_LAST_MEETING,  /* cadence after the last 1:1 */
  RAPPORT_DUE_BASIS_ADDED,         /* no 1:1 yet: cadence after the day they were added */
  RAPPORT_DUE_BASIS_LEAVE,         /* cadence after a 1:1 skipped for leave */
  RAPPORT_DUE_BASIS_MOVED,         /* the day a 1:1 was moved to */
  RAPPORT_DUE_BASIS_NEXT_DATE,     /* the next 1:1's date, set by hand */
} RapportDueBasis;

/* A missed 1:1 as the rule reads it. */
typedef struct
{
  char                date[11];
  RapportMissedKind   kind;
  RapportMissedReason reason;
  char                moved_to[11];   /* "" when none */
} RapportCadenceEvent;

typedef struct
{
  int                        cadence_days;
  gboolean                   archived;
  const char                *last_date;    /* last 1:1 held on or before today; NULL: none */
  const char                *added_date;   /* local day the person was added; NULL: unknown */
  const char                *next_date;    /* set by hand; NULL: none */
  const RapportCadenceEvent *events;       /* missed 1:1s, in date order */
  guint                      n_events;
} RapportCadenceInput;

typedef struct
{
  RapportDueState state;
  RapportDueBasis basis;
  gboolean        met;           /* a 1:1 was held on or before today */
  char            last_date[11]; /* "" when none */
  char            due_date[11];  /* the day the next 1:1 is due; "" with BASIS_NONE */
  char            next_date[11]; /* the hand-set date when it still counts, else "" */
  int             days_late;     /* today - due_date when positive, else 0 */
  guint           n_skipped;     /* 1:1s skipped since the last one held */
  guint           n_leave;       /* of which for leave */
} RapportCadenceStatus;

/* The rule above on given facts, for tests and callers that read them
 * already. */
void             rapport_cadence_compute          (const RapportCadenceInput *input,
                                                   const char                *today,
                                                   RapportCadenceStatus      *status);
/* The same, read from the store: three indexed queries at most. */
gboolean         rapport_cadence_status_load      (RapportStore              *store,
                                                   gint64                     person_id,
                                                   const char                *today,
                                                   RapportCadenceStatus      *status,
                                                   GError                   **error);
/* The same for every person (archived ones too) in two statements:
 * person id (gint64 *) -> RapportCadenceStatus *. */
GHashTable      *rapport_cadence_status_load_all  (RapportStore              *store,
                                                   const char                *today,
                                                   GError                   **error);
/* Only the state (NONE when it cannot be read), for the brief and the
 * people list's badge. */
RapportDueState  rapport_cadence_due_state        (RapportStore              *store,
                                                   gint64                     person_id,
                                                   const char                *today);

/* Sets the next 1:1's date by hand (NULL or "": back to the cadence).
 * One write; people.updated_at changes, so an import carries it over. */
gboolean         rapport_cadence_set_next_date    (RapportStore              *store,
                                                   gint64                     person_id,
                                                   const char                *date,
                                                   GError                   **error);

/* Adherence, for History: 1:1s held against those the cadence expected.
 *   expected: the days first + k x cadence (k = 0, 1, ...) in the range,
 *             where first is the person's first 1:1 ever, counted only up
 *             to today, less the 1:1s skipped for leave in the range (not
 *             below 0), and never fewer than held. Before someone's first
 *             1:1 nothing is expected. A skip for leave excuses nothing
 *             when a 1:1 was held in its cadence period anyway (the
 *             cadence days from the day first + k x cadence on or before
 *             it).
 *   held:     live 1:1s dated in the range, up to today.
 * So a weekly person met every week of a 13-week range is 13 of 13; a
 * week on leave, recorded as skipped for leave, is 12 of 12 (13 of 13 if
 * they met that week anyway); a week skipped without leave is 12 of 13.
 * A 1:1 held always counts as expected where it was held: an extra 1:1,
 * or one moved in from before the range, raises both, so held never
 * passes expected.
 * The team's figures are the sums over its people, each counted as
 * above per bucket (archived ones only when @include_archived). */
typedef struct
{
  guint held;
  guint expected;
  guint skipped;   /* skipped, not for leave */
  guint excused;   /* skipped for leave (taken off expected unless held anyway) */
  guint moved;
} RapportAdherence;

/* Over [@from, @to) for @person_id (0: the team). */
gboolean         rapport_cadence_adherence        (RapportStore              *store,
                                                   gint64                     person_id,
                                                   const char                *from,
                                                   const char                *to,
                                                   const char                *today,
                                                   gboolean                   include_archived,
                                                   RapportAdherence          *adherence,
                                                   GError                   **error);
/* The same per bucket: @out[i] covers [@bounds[i], @bounds[i + 1]),
 * @bounds being @n_buckets + 1 sorted dates. */
gboolean         rapport_cadence_adherence_series (RapportStore              *store,
                                                   gint64                     person_id,
                                                   const char * const        *bounds,
                                                   guint                      n_buckets,
                                                   const char                *today,
                                                   gboolean                   include_archived,
                                                   RapportAdherence          *out,
                                                   GError                   **error);

G_END_DECLS
