/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-meeting.h"
#include "rapport-store.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_SAVE_STATE_SAVED,
  RAPPORT_SAVE_STATE_PENDING,
  RAPPORT_SAVE_STATE_FAILED,
} RapportSaveState;

#define RAPPORT_TYPE_MEETING_EDITOR (rapport_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (RapportMeetingEditor, rapport_meeting_editor, RAPPORT, MEETING_EDITOR, GtkWidget)

/* Delay between the last keystroke and the save. */
#define RAPPORT_AUTOSAVE_DELAY_MS 700

void              rapport_meeting_editor_set_store      (RapportMeetingEditor *self,
                                                         RapportStore         *store);
RapportMeeting   *rapport_meeting_editor_get_meeting    (RapportMeetingEditor *self);
/* Saves what is pending for the current meeting, then shows @meeting. */
void              rapport_meeting_editor_set_meeting    (RapportMeetingEditor *self,
                                                         RapportMeeting       *meeting);
/* Says that the meeting on show, @meeting_id, was started in this window
 * just now (Ctrl+N, "Start 1:1"); nothing happens if another one is on
 * show. When the editor leaves it (another meeting, none, or the editor
 * goes away) with nothing recorded in it, it is deleted again (see
 * rapport_meeting_discard_if_untouched()) and "meeting-discarded" is
 * emitted. A meeting opened from the list is never discarded. */
void              rapport_meeting_editor_set_started    (RapportMeetingEditor *self,
                                                         gint64                meeting_id);
/* Saves now whatever is pending. FALSE if it could not be saved; the text
 * is then kept (in the editor, or in the meeting objects left while their
 * save failed) and saving is retried every few seconds. */
gboolean          rapport_meeting_editor_flush          (RapportMeetingEditor *self);
/* Meetings whose latest text is not on disk yet. */
guint             rapport_meeting_editor_get_n_unsaved  (RapportMeetingEditor *self);
/* Gives up on unsaved text (the user chose to quit without it). */
void              rapport_meeting_editor_forget_unsaved (RapportMeetingEditor *self);
RapportSaveState  rapport_meeting_editor_get_save_state (RapportMeetingEditor *self);
/* Ticks or unticks prompt @number (1-based), as Alt+number does. */
gboolean          rapport_meeting_editor_toggle_prompt  (RapportMeetingEditor *self,
                                                         guint                 number);
void              rapport_meeting_editor_focus_notes    (RapportMeetingEditor *self);
/* Selects @length characters at @offset in the notes and scrolls to them. */
void              rapport_meeting_editor_reveal_text    (RapportMeetingEditor *self,
                                                         int                   offset,
                                                         int                   length);
GtkBox           *rapport_meeting_editor_get_extra_slot (RapportMeetingEditor *self);
/* Ctrl+D: the entry of a new commitment, with the side column shown
 * first where it is folded away. */
void              rapport_meeting_editor_focus_commitment_entry (RapportMeetingEditor *self);
/* Re-reads the checklist of the meeting on show (the habits changed). */
void              rapport_meeting_editor_reload_checklist (RapportMeetingEditor *self);
/* The database may have been changed by another writer. With nothing
 * typed, shows the newer row; what was typed is left to the save already
 * planned, which merges it with the newer row (see "conflict"). Re-reads
 * the checklist and commitments unless one of them is being edited. */
void              rapport_meeting_editor_reload         (RapportMeetingEditor *self);
/* Why saving fails, while the save state is FAILED; NULL otherwise. */
const GError     *rapport_meeting_editor_get_save_error (RapportMeetingEditor *self);

G_END_DECLS
