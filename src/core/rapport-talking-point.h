/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-enums.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Who brought the topic up. */
typedef enum
{
  RAPPORT_RAISED_BY_ME,
  RAPPORT_RAISED_BY_THEM,
} RapportRaisedBy;

/* How a recurring point's interval is counted; NONE: it does not recur. */
typedef enum
{
  RAPPORT_RECUR_NONE,
  RAPPORT_RECUR_DAYS,
  RAPPORT_RECUR_WEEKS,
} RapportRecurUnit;

/* The longest interval of a recurring point: a year. */
#define RAPPORT_TALKING_POINT_MAX_RECUR_DAYS 366

#define RAPPORT_TYPE_TALKING_POINT (rapport_talking_point_get_type ())
G_DECLARE_FINAL_TYPE (RapportTalkingPoint, rapport_talking_point, RAPPORT, TALKING_POINT, GObject)

/* A topic waiting for a 1:1 with a person, or one that was discussed in a
 * meeting (see resources/sql/008-between-meetings.sql). A point not ticked
 * as discussed stays waiting, so it carries over to the next 1:1 by
 * itself. A recurring point is a series of rows: ticking the waiting one
 * links it to the meeting and adds the next one, due its interval after
 * that meeting; until that day it waits out of the queue ("scheduled").
 *
 * Objects are snapshots of their row; the setters write at once (each in
 * one transaction) and notify. */

gint64            rapport_talking_point_get_id           (RapportTalkingPoint *self);
const char       *rapport_talking_point_get_uuid         (RapportTalkingPoint *self);
gint64            rapport_talking_point_get_person_id    (RapportTalkingPoint *self);
const char       *rapport_talking_point_get_text         (RapportTalkingPoint *self);
RapportRaisedBy   rapport_talking_point_get_raised_by    (RapportTalkingPoint *self);
/* Order in the person's queue, smaller first. */
gint64            rapport_talking_point_get_position     (RapportTalkingPoint *self);
/* The meeting it was discussed in and that meeting's date; 0 and NULL
 * while it waits. */
gint64            rapport_talking_point_get_discussed_in (RapportTalkingPoint *self);
const char       *rapport_talking_point_get_discussed_on (RapportTalkingPoint *self);
gboolean          rapport_talking_point_get_discussed    (RapportTalkingPoint *self);
/* Every @every days or weeks; 0 and NONE when it does not recur. */
int               rapport_talking_point_get_recur_every  (RapportTalkingPoint *self);
RapportRecurUnit  rapport_talking_point_get_recur_unit   (RapportTalkingPoint *self);
gboolean          rapport_talking_point_get_recurring    (RapportTalkingPoint *self);
/* The interval in days (0: does not recur). */
int               rapport_talking_point_get_recur_days   (RapportTalkingPoint *self);
/* The UUID shared by the rows of a recurring point (NULL for others). */
const char       *rapport_talking_point_get_series       (RapportTalkingPoint *self);
/* A recurring point waits out of the queue until this day (NULL: in the
 * queue as soon as it waits). */
const char       *rapport_talking_point_get_next_due     (RapportTalkingPoint *self);
/* Waiting and due on @today: in the queue. */
gboolean          rapport_talking_point_is_due           (RapportTalkingPoint *self,
                                                          const char          *today);
const char       *rapport_talking_point_get_created_at   (RapportTalkingPoint *self);
const char       *rapport_talking_point_get_updated_at   (RapportTalkingPoint *self);

const char       *rapport_raised_by_to_string            (RapportRaisedBy      raised_by);
gboolean          rapport_raised_by_from_string          (const char          *text,
                                                          RapportRaisedBy     *raised_by);
const char       *rapport_recur_unit_to_string           (RapportRecurUnit     unit);
gboolean          rapport_recur_unit_from_string         (const char          *text,
                                                          RapportRecurUnit    *unit);
/* @date plus @every days or weeks, YYYY-MM-DD; NULL when @date is not a
 * date or the interval is not a valid recurrence. */
char             *rapport_talking_point_date_after       (const char          *date,
                                                          int                  every,
                                                          RapportRecurUnit     unit);

/* Adds a point at the end of @person_id's queue, in one transaction.
 * @every and @unit make it recur (0 and RAPPORT_RECUR_NONE for a point
 * raised once); @first_due (YYYY-MM-DD or NULL: at once) is when a
 * recurring point first enters the queue. The text is one line, 1 to
 * RAPPORT_MAX_TEXT_CHARS characters. An archived or unknown person is
 * RAPPORT_STORE_ERROR_NOT_FOUND. */
RapportTalkingPoint *rapport_talking_point_add           (RapportStore        *store,
                                                          gint64               person_id,
                                                          const char          *text,
                                                          RapportRaisedBy      raised_by,
                                                          int                  every,
                                                          RapportRecurUnit     unit,
                                                          const char          *first_due,
                                                          GError             **error);
RapportTalkingPoint *rapport_talking_point_load          (RapportStore        *store,
                                                          gint64               id,
                                                          GError             **error);

gboolean          rapport_talking_point_set_text         (RapportTalkingPoint *self,
                                                          RapportStore        *store,
                                                          const char          *text,
                                                          GError             **error);
gboolean          rapport_talking_point_set_raised_by    (RapportTalkingPoint *self,
                                                          RapportStore        *store,
                                                          RapportRaisedBy      raised_by,
                                                          GError             **error);
/* Only while it waits (a discussed row is history). Stopping the
 * recurrence (0, NONE) puts a scheduled point back in the queue. */
gboolean          rapport_talking_point_set_recurrence   (RapportTalkingPoint *self,
                                                          RapportStore        *store,
                                                          int                  every,
                                                          RapportRecurUnit     unit,
                                                          GError             **error);
/* A recurring point's next day in the queue (NULL: now). */
gboolean          rapport_talking_point_set_next_due     (RapportTalkingPoint *self,
                                                          RapportStore        *store,
                                                          const char          *date,
                                                          GError             **error);

/* Gives the points @ids, all @person_id's, the positions 0, 1, 2... in
 * that order, in one transaction. Points of the person not listed keep
 * their position. */
gboolean          rapport_talking_point_reorder          (RapportStore        *store,
                                                          gint64               person_id,
                                                          const gint64        *ids,
                                                          guint                n_ids,
                                                          GError             **error);

/* Ticks it as discussed in @meeting_id (a live meeting with the same
 * person), in one transaction; for a recurring point the next one of its
 * series is added, due its interval after the meeting's date. */
gboolean          rapport_talking_point_mark_discussed   (RapportTalkingPoint *self,
                                                          RapportStore        *store,
                                                          gint64               meeting_id,
                                                          GError             **error);
/* Undoes that: it waits again, and the next one its tick added goes (its
 * text, if it was edited since, is kept on this one). */
gboolean          rapport_talking_point_unmark_discussed (RapportTalkingPoint *self,
                                                          RapportStore        *store,
                                                          GError             **error);

/* Deletion in two steps so it can be undone: hide, then purge (hidden
 * rows left over are purged a day later when the store opens). */
gboolean          rapport_talking_point_hide             (RapportStore        *store,
                                                          gint64               id,
                                                          gboolean             hidden,
                                                          GError             **error);
gboolean          rapport_talking_point_purge            (RapportStore        *store,
                                                          gint64               id,
                                                          GError             **error);

/* @person_id's queue on @today: waiting points that are due (points that
 * do not recur, and recurring ones whose next due day has come), in
 * queue order. */
GListStore       *rapport_talking_point_load_queue       (RapportStore        *store,
                                                          gint64               person_id,
                                                          const char          *today,
                                                          GError             **error);
/* @person_id's recurring points waiting for a later day, soonest first. */
GListStore       *rapport_talking_point_load_scheduled   (RapportStore        *store,
                                                          gint64               person_id,
                                                          const char          *today,
                                                          GError             **error);
/* What a meeting shows: the points discussed in it and the queue on its
 * date (what was not ticked in an earlier 1:1 is still there), in queue
 * order. */
GListStore       *rapport_talking_point_load_for_meeting (RapportStore        *store,
                                                          gint64               meeting_id,
                                                          GError             **error);
/* The queues of every person not archived on @today, by person (as
 * rapport_person_load_all() orders them), then in queue order. */
GListStore       *rapport_talking_point_load_waiting     (RapportStore        *store,
                                                          const char          *today,
                                                          GError             **error);
/* How many points each person's queue holds on @today: a map of person
 * id (gint64 *) to count (GUINT_TO_POINTER), people with none left out. */
GHashTable       *rapport_talking_point_count_waiting    (RapportStore        *store,
                                                          const char          *today,
                                                          GError             **error);

/* For History: how many times points were discussed, per bucket.
 * @counts[i] is the number of points ticked in live meetings dated from
 * @bounds[i] (included) to @bounds[i + 1] (excluded), @bounds being
 * @n_buckets + 1 sorted dates. @person_id 0: the whole team; @series
 * NULL: every point, else the rows of that recurring point only. */
gboolean          rapport_talking_point_count_discussed  (RapportStore        *store,
                                                          gint64               person_id,
                                                          const char          *series,
                                                          const char * const  *bounds,
                                                          guint                n_buckets,
                                                          guint               *counts,
                                                          GError             **error);

/* The statements of the queue and the team's waiting points, for
 * EXPLAIN QUERY PLAN in tests. */
const char       *rapport_talking_point_get_queue_sql    (void);
const char       *rapport_talking_point_get_waiting_sql  (void);

G_END_DECLS
