/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-enums.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* What became of a 1:1 that did not happen on its day. */
typedef enum
{
  RAPPORT_MISSED_SKIPPED,
  RAPPORT_MISSED_MOVED,
} RapportMissedKind;

/* Why, as far as the cadence is concerned: leave (either of us away:
 * holiday, sickness, parental leave) moves the clock, anything else does
 * not (see rapport-cadence.h and docs/numbers.md). */
typedef enum
{
  RAPPORT_MISSED_REASON_OTHER,
  RAPPORT_MISSED_REASON_LEAVE,
} RapportMissedReason;

#define RAPPORT_TYPE_MISSED_MEETING (rapport_missed_meeting_get_type ())
G_DECLARE_FINAL_TYPE (RapportMissedMeeting, rapport_missed_meeting, RAPPORT, MISSED_MEETING, GObject)

/* A skipped or moved 1:1, recorded without an empty meeting (table
 * missed_meetings, resources/sql/008-between-meetings.sql). */
gint64               rapport_missed_meeting_get_id          (RapportMissedMeeting *self);
const char          *rapport_missed_meeting_get_uuid        (RapportMissedMeeting *self);
gint64               rapport_missed_meeting_get_person_id   (RapportMissedMeeting *self);
/* The day the 1:1 was to be, YYYY-MM-DD. */
const char          *rapport_missed_meeting_get_date        (RapportMissedMeeting *self);
RapportMissedKind    rapport_missed_meeting_get_kind        (RapportMissedMeeting *self);
RapportMissedReason  rapport_missed_meeting_get_reason_kind (RapportMissedMeeting *self);
/* Free text, "" when none was given. */
const char          *rapport_missed_meeting_get_reason      (RapportMissedMeeting *self);
/* The new day of a moved 1:1, or NULL (not known yet, or skipped). */
const char          *rapport_missed_meeting_get_moved_to    (RapportMissedMeeting *self);

const char          *rapport_missed_kind_to_string          (RapportMissedKind     kind);
gboolean             rapport_missed_kind_from_string        (const char           *text,
                                                             RapportMissedKind    *kind);
const char          *rapport_missed_reason_to_string        (RapportMissedReason   reason);
gboolean             rapport_missed_reason_from_string      (const char           *text,
                                                             RapportMissedReason  *reason);

/* Records that @person_id's 1:1 of @date was skipped or moved (to
 * @moved_to, NULL when the new day is not known; only for MOVED), with
 * an optional @reason of one line. One write. An archived or unknown
 * person is RAPPORT_STORE_ERROR_NOT_FOUND. */
RapportMissedMeeting *rapport_missed_meeting_record         (RapportStore         *store,
                                                             gint64                person_id,
                                                             const char           *date,
                                                             RapportMissedKind     kind,
                                                             RapportMissedReason   reason_kind,
                                                             const char           *reason,
                                                             const char           *moved_to,
                                                             GError              **error);
RapportMissedMeeting *rapport_missed_meeting_load           (RapportStore         *store,
                                                             gint64                id,
                                                             GError              **error);
/* Undo in two steps, as for meetings: hide, then purge. */
gboolean             rapport_missed_meeting_hide            (RapportStore         *store,
                                                             gint64                id,
                                                             gboolean              hidden,
                                                             GError              **error);
gboolean             rapport_missed_meeting_purge           (RapportStore         *store,
                                                             gint64                id,
                                                             GError              **error);
/* Those of @person_id (0: everyone) dated from @from (included, NULL for
 * no bound) to @to (excluded, NULL for no bound), oldest first. */
GListStore          *rapport_missed_meeting_load_range      (RapportStore         *store,
                                                             gint64                person_id,
                                                             const char           *from,
                                                             const char           *to,
                                                             GError              **error);

G_END_DECLS
