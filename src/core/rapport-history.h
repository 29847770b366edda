/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rapport-enums.h"
#include "rapport-habit.h"
#include "rapport-store.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_HISTORY_RANGE_3_MONTHS,
  RAPPORT_HISTORY_RANGE_YEAR,
  RAPPORT_HISTORY_RANGE_ALL,
} RapportHistoryRange;

typedef enum
{
  RAPPORT_HISTORY_BUCKET_WEEK,
  RAPPORT_HISTORY_BUCKET_MONTH,
} RapportHistoryBucket;

/* Weekly series longer than this are grouped per month instead. */
#define RAPPORT_HISTORY_MAX_WEEKS 104

typedef struct
{
  gint64               person_id;         /* 0: the whole team */
  gboolean             include_archived;  /* team only: archived people too */
  RapportHistoryRange  range;
  RapportHistoryBucket bucket;
  int                  first_weekday;     /* 0 = Sunday ... 6 = Saturday */
  GDate                today;             /* the range ends on this day */
  /* Start no earlier than the bucket of the subject's first meeting, so
   * that a newcomer's year is not mostly empty weeks before they joined. */
  gboolean             from_first_meeting;
} RapportHistoryQuery;

/* @ticked of @total. @total is 0 where nothing was counted: a gap, which
 * is not the same as 0 %. */
typedef struct
{
  guint ticked;
  guint total;
} RapportHistoryCount;

/* What a rate's counts count: a habit's meetings (ticked in so many of
 * the meetings that had it on the checklist), commitments kept out of
 * those due, or checklist items ticked across several habits (a kind of
 * habit: one meeting has several items). */
typedef enum
{
  RAPPORT_HISTORY_UNIT_MEETINGS,
  RAPPORT_HISTORY_UNIT_COMMITMENTS,
  RAPPORT_HISTORY_UNIT_ITEMS,
} RapportHistoryUnit;

/* One rate over time: a habit, a kind of habit, or an extra series (such
 * as commitment follow-through) that another module fills in. */
typedef struct
{
  char                *name;
  RapportHistoryCount *buckets;   /* n_buckets entries */
  RapportHistoryCount  range;     /* the whole range */
  RapportHistoryCount  previous;  /* the range of the same length before it */
  RapportHistoryUnit   unit;
  guint                meetings;  /* ITEMS: the meetings in the range they were in */
} RapportHistoryRate;

typedef struct
{
  RapportHistoryRate  rate;       /* rate.name is the habit's label */
  gint64              habit_id;
  RapportHabitKind    kind;
  gboolean            active;     /* FALSE: archived or back in the library */
  int                 position;
} RapportHistoryHabit;

/* What became of a 1:1 that did not happen, as the chart marks it:
 * skipped without leave, skipped for leave, or moved (see
 * rapport-missed-meeting.h). */
typedef enum
{
  RAPPORT_HISTORY_MISSED_SKIPPED,
  RAPPORT_HISTORY_MISSED_LEAVE,
  RAPPORT_HISTORY_MISSED_MOVED,
  RAPPORT_HISTORY_N_MISSED
} RapportHistoryMissedKind;

/* One skipped or moved 1:1 in the range: the day it was to be. */
typedef struct
{
  GDate                    date;
  guint                    bucket;
  RapportHistoryMissedKind kind;
} RapportHistoryMissed;

/* The range is a span of days, the same whatever the grouping: from
 * @first to @today, both included. Buckets are weeks or months cut to
 * it, so the first bucket may start after its week or month does (see
 * docs/numbers.md). */
typedef struct
{
  RapportHistoryRange   range;
  RapportHistoryBucket  bucket;          /* may be MONTH when WEEK was asked */
  int                   first_weekday;
  GDate                 first;           /* the range's first day, and the first bucket's */
  GDate                 today;           /* the range's last day */
  GDate                 asked_first;     /* where the range asked for starts (All time: @first) */
  GDate                 data_first;      /* the subject's first 1:1 up to today; invalid: none */
  gboolean              starts_at_data;  /* @first is the first 1:1: All time, or a range
                                          * longer than the data (from_first_meeting) */
  GDate                 previous_first;  /* the range before is previous_first .. first - 1;
                                          * invalid for All time, which has none */

  guint                 n_buckets;
  GDate                *starts;          /* n_buckets + 1; the last is the day after today */
  guint                *meetings;        /* meetings held per bucket */
  double               *mood;            /* mean mood, NAN without any */
  guint                *mood_count;      /* meetings with a mood */

  guint                 range_meetings;
  guint                 previous_meetings;

  GPtrArray            *habits;          /* RapportHistoryHabit*, by position */
  RapportHistoryRate    kinds[2];        /* indexed by RapportHabitKind */
  GPtrArray            *extras;          /* RapportHistoryRate*, may be empty */

  /* Skipped and moved 1:1s in the range, by date; empty until
   * rapport_history_series_add_missed() reads them. */
  GArray               *missed;          /* RapportHistoryMissed */
  guint                 n_missed[RAPPORT_HISTORY_N_MISSED];
} RapportHistorySeries;

#define RAPPORT_TYPE_HISTORY_SERIES (rapport_history_series_get_type ())

GType                 rapport_history_series_get_type     (void) G_GNUC_CONST;

RapportHistorySeries *rapport_history_compute             (RapportStore               *store,
                                                           const RapportHistoryQuery  *query,
                                                           GError                    **error);
void                  rapport_history_query_init          (RapportHistoryQuery        *query,
                                                           gint64                      person_id,
                                                           RapportHistoryRange         range,
                                                           RapportHistoryBucket        bucket,
                                                           int                         first_weekday,
                                                           const char                 *today);

RapportHistorySeries *rapport_history_series_ref          (RapportHistorySeries       *self);
void                  rapport_history_series_unref        (RapportHistorySeries       *self);

/* Adds an empty series of n_buckets zero counts for the caller to fill
 * (e.g. follow-through on commitments); owned by @self. */
RapportHistoryRate   *rapport_history_series_add_extra    (RapportHistorySeries       *self,
                                                           const char                 *name);

/* Adds "Follow-through": per bucket, my commitments kept out of those
 * whose deadline falls in it (see rapport-follow-through.h), for the
 * series' person or the whole team; the same for the range before. Adds
 * nothing when no commitment was due in the range nor the one before.
 * Returns FALSE only on error. */
gboolean              rapport_history_series_add_follow_through (RapportHistorySeries *self,
                                                                 RapportStore         *store,
                                                                 gint64                person_id,
                                                                 GError              **error);

/* Reads the skipped and moved 1:1s of @person_id (0: the team, with the
 * archived people when @include_archived, as for the adherence) dated in
 * the range up to today, in one query, into @self->missed. Returns FALSE
 * only on error. */
gboolean              rapport_history_series_add_missed   (RapportHistorySeries       *self,
                                                           RapportStore               *store,
                                                           gint64                      person_id,
                                                           gboolean                    include_archived,
                                                           GError                    **error);
/* The bucket's skipped and moved 1:1s: the index of the first in
 * @self->missed, and how many (0: none). */
guint                 rapport_history_series_missed_in    (const RapportHistorySeries *self,
                                                           guint                       bucket,
                                                           guint                      *first);

/* The range to open on for the query's subject (person or team): three
 * months when its first meeting is at most three months before the
 * query's day (or there is none yet), a year otherwise. */
gboolean              rapport_history_suggest_range       (RapportStore               *store,
                                                           const RapportHistoryQuery  *query,
                                                           RapportHistoryRange        *range,
                                                           GError                    **error);
/* The grouping to open on: by week for the team, by month for one
 * person (a week holds one 1:1, so a weekly share is only 0 or 100 %)
 * once their 1:1s in the query's range fall in two months or more (see
 * docs/numbers.md). */
gboolean              rapport_history_suggest_bucket      (RapportStore               *store,
                                                           const RapportHistoryQuery  *query,
                                                           RapportHistoryBucket       *bucket,
                                                           GError                    **error);

/* Buckets with at least one meeting but fewer than this are "thin": their
 * rates rest on fewer meetings than usual for the series (see the .c);
 * the chart draws their meeting bars hollow. */
guint                 rapport_history_series_thin_limit   (const RapportHistorySeries *self);

/* Buckets with at least one meeting. */
guint                 rapport_history_series_count_periods (const RapportHistorySeries *self);
/* "Week of 3 Mar" or "March 2026"; a first bucket cut short by the
 * range says which days it holds: "4–8 Mar", "4–31 Mar 2026". */
char                 *rapport_history_series_bucket_label (const RapportHistorySeries *self,
                                                           guint                       bucket);
/* A short date for axis ticks: "3 Mar" ("3 Mar 2026" @with_year),
 * "Mar 2026". */
char                 *rapport_history_series_tick_label   (const RapportHistorySeries *self,
                                                           guint                       bucket,
                                                           gboolean                    with_year);
/* "3 Mar", or "3 Mar 2026" with the year. */
char                 *rapport_history_format_day          (const GDate                *date,
                                                           gboolean                    with_year);
/* The range's first day as the chart's time axis starts: "4 Mar 2026",
 * or "Data starts 4 Mar 2026" when that is the first 1:1 and the range
 * asked for starts earlier (unless @brief, for a narrow chart). */
char                 *rapport_history_series_start_label  (const RapportHistorySeries *self,
                                                           gboolean                    brief);
/* What the range covers: "47 meetings from 3 Sep to 1 Dec 2025". */
char                 *rapport_history_series_span_text    (const RapportHistorySeries *self);
/* The span, and where the data starts when the range asked for is
 * longer than the data: "12 meetings from 5 Jan to 18 Mar 2026. The
 * first 1:1 was on 5 Jan 2026: the last year holds nothing earlier." */
char                 *rapport_history_series_range_text   (const RapportHistorySeries *self);

/* 0..1, or NAN when @count.total is 0. */
double                rapport_history_count_ratio         (RapportHistoryCount         count);
/* Rounded percentage; -1 when there is nothing to count. */
int                   rapport_history_count_percent       (RapportHistoryCount         count);
/* In the rate's unit: "41 % of 58 meetings, down from 63 %", "75 % of 8
 * commitments kept", "63 % of 48 checklist items ticked, in 12
 * meetings". */
char                 *rapport_history_rate_summary        (const RapportHistoryRate   *rate);

/* The statements that read the history, for EXPLAIN QUERY PLAN in tests:
 * from 0, one person's meetings and first meeting, then the team's sums
 * per day, of ticks and first day, then one person's meeting days. NULL
 * past the last. */
const char           *rapport_history_get_sql             (guint                       index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportHistorySeries, rapport_history_series_unref)

G_END_DECLS
