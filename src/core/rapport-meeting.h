/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-date.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEETING (rapport_meeting_get_type ())
G_DECLARE_FINAL_TYPE (RapportMeeting, rapport_meeting, RAPPORT, MEETING, GObject)

gint64          rapport_meeting_get_id          (RapportMeeting  *self);
const char     *rapport_meeting_get_uuid        (RapportMeeting  *self);
gint64          rapport_meeting_get_person_id   (RapportMeeting  *self);
const char     *rapport_meeting_get_date        (RapportMeeting  *self);
void            rapport_meeting_set_date        (RapportMeeting  *self,
                                                 const char      *date);
const char     *rapport_meeting_get_notes       (RapportMeeting  *self);
void            rapport_meeting_set_notes       (RapportMeeting  *self,
                                                 const char      *notes);
int             rapport_meeting_get_mood        (RapportMeeting  *self);
void            rapport_meeting_set_mood        (RapportMeeting  *self,
                                                 int              mood);
gboolean        rapport_meeting_get_dirty       (RapportMeeting  *self);
/* The version of the row this object was read from or last wrote. */
gint64          rapport_meeting_get_revision    (RapportMeeting  *self);

/* Creates a meeting on @date (YYYY-MM-DD) whose checklist is the habits
 * active now. */
RapportMeeting *rapport_meeting_create          (RapportStore    *store,
                                                 gint64           person_id,
                                                 const char      *date,
                                                 GError         **error);
RapportMeeting *rapport_meeting_load            (RapportStore    *store,
                                                 gint64           id,
                                                 GError         **error);
/* Writes date, notes and mood if they changed since the last save, only
 * over the row this object was read from: when another writer changed it
 * since, nothing is written and @error is RAPPORT_STORE_ERROR_CONFLICT
 * (call rapport_meeting_refresh(), then save again); NOT_FOUND when the
 * row is gone. */
gboolean        rapport_meeting_save            (RapportMeeting  *self,
                                                 RapportStore    *store,
                                                 GError         **error);

/* The revision of this meeting's row on disk now (@revision may be
 * NULL); NOT_FOUND when the row is gone or hidden, or is another meeting
 * (a restore reused its id). */
gboolean        rapport_meeting_read_revision   (RapportMeeting  *self,
                                                 RapportStore    *store,
                                                 gint64          *revision,
                                                 GError         **error);

typedef enum
{
  RAPPORT_MEETING_REFRESH_UNCHANGED,   /* the row is the one this object has */
  RAPPORT_MEETING_REFRESH_TOOK_NEWER,  /* nothing unsaved here: now the row's values */
  RAPPORT_MEETING_REFRESH_MERGED,      /* unsaved changes kept over the newer row */
  RAPPORT_MEETING_REFRESH_KEPT_BOTH,   /* both changed the notes: both texts kept */
} RapportMeetingRefresh;

/* Re-reads the row (another writer may have changed it). Nothing unsaved
 * is lost: a field changed here since the last load or save keeps its new
 * value, the others take the row's; notes changed on both sides become
 * rapport_meeting_merge_notes(). The object stays dirty while it differs
 * from the row, so that the next save (now over the newer row) writes
 * it. NOT_FOUND when the row is gone. */
gboolean        rapport_meeting_refresh         (RapportMeeting         *self,
                                                 RapportStore           *store,
                                                 RapportMeetingRefresh  *result,
                                                 GError                **error);
/* The merge rule for notes edited from @base here (@mine) and elsewhere
 * (@theirs, saved at @their_time, UTC ISO 8601 or NULL): the side that
 * changed wins; when both did (differently), @mine, then a line saying
 * what follows, then @theirs in full, and *@kept_both is TRUE. */
char           *rapport_meeting_merge_notes     (const char      *base,
                                                 const char      *mine,
                                                 const char      *theirs,
                                                 const char      *their_time,
                                                 gboolean        *kept_both);

/* Deletes the meeting, with its checklist, if nothing was recorded in
 * it: notes empty or white space only, no mood, no prompt ticked, no
 * evidence, no commitment made in it (not even one hidden for an undo),
 * none of the person's commitments closed or changed since it was
 * started, and no talking point discussed in it; its date does not
 * count. This is
 * decided on the row as it is on disk at that moment, in one conditional
 * DELETE inside a transaction, so that what another writer put in it is
 * never lost. A meeting with changes not saved yet (dirty), hidden or
 * gone is left alone. *@discarded (may be NULL) says whether it went;
 * FALSE only on a database error. */
gboolean        rapport_meeting_discard_if_untouched (RapportMeeting  *self,
                                                      RapportStore    *store,
                                                      gboolean        *discarded,
                                                      GError         **error);

/* Deletion in two steps so it can be undone: hide, then purge. */
gboolean        rapport_meeting_hide            (RapportStore    *store,
                                                 gint64           id,
                                                 gboolean         hidden,
                                                 GError         **error);
gboolean        rapport_meeting_purge           (RapportStore    *store,
                                                 gint64           id,
                                                 GError         **error);

G_END_DECLS
