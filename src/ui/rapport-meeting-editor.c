/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-calendar.h"
#include "rapport-checklist-item.h"
#include "rapport-checklist-row.h"
#include "rapport-commitments-panel.h"
#include "rapport-meeting-editor.h"
#include "rapport-mood-picker.h"
#include "rapport-talking-points-panel.h"
#include "rapport-ui-enums.h"
#include "rapport-window-layout.h"

/* Even while someone types without a pause, notes reach the disk this often. */
#define MAX_UNSAVED_MS 4000
#define RETRY_MS 5000
/* Another program holds the lock (a CLI import, a backup): it is usually
 * done within a second or two, so try again sooner. */
#define RETRY_BUSY_MS 1000
/* Rounds of "someone else wrote, merge, save again" in one save. */
#define MAX_MERGES 3

struct _RapportMeetingEditor
{
  GtkWidget            parent_instance;

  /* Owned */
  RapportStore        *store;
  RapportMeeting      *meeting;
  GListStore          *checklist;
  GError              *save_error; /* why the last save failed, or NULL */
  /* Meetings left while their save was failing. Their text lives on in
   * the (dirty) objects, which the retry keeps writing until it can. */
  GPtrArray           *unsaved;

  /* Borrowed (weak): held by the widget tree */
  GtkWidget           *commitments;
  GtkWidget           *talking_points;
  gulong               focus_entry_id; /* commitments' "map", once */
  GtkWidget           *window;         /* the root while it is a window */
  gulong               close_request_id;

  /* Template children */
  GtkMenuButton       *date_button;
  GtkLabel            *date_label;
  GtkPopover          *date_popover;
  GtkCalendar         *calendar;
  RapportMoodPicker   *mood_picker;
  RapportOverlaySplit *side_split;
  GtkTextView         *notes_view;
  GtkListBox          *checklist_box;
  GtkBox              *extra_slot;

  /* State */
  RapportSaveState     save_state;
  guint                save_source;
  gint64               first_unsaved_us;
  gboolean             loading;
  /* The meeting on show was started in this window a moment ago
   * (rapport_meeting_editor_set_started()): its id, or 0. */
  gint64               started_id;
};

G_DEFINE_FINAL_TYPE (RapportMeetingEditor, rapport_meeting_editor, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_MEETING,
  PROP_SAVE_STATE,
  N_PROPS
};

enum
{
  SAVE_FAILED,
  DATE_CHANGED,
  CONFLICT,
  TALKING_POINTS_CHANGED,
  MEETING_DISCARDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static gboolean    save_now (RapportMeetingEditor *self);
static void        update_date_label (RapportMeetingEditor *self);
static void        sync_mood_buttons (RapportMeetingEditor *self);

static void
set_save_state (RapportMeetingEditor *self,
                RapportSaveState      state)
{
  if (self->save_state == state)
    return;
  self->save_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATE]);
}

static gboolean
on_save_timeout (gpointer data)
{
  RapportMeetingEditor *self = data;

  self->save_source = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (RapportMeetingEditor *self)
{
  gint64 now = g_get_monotonic_time ();
  guint  delay = RAPPORT_AUTOSAVE_DELAY_MS;

  /* Saving fails: the header keeps saying "Not saved" while the user
   * types on, and the retry already planned comes when it was due. */
  if (self->save_state == RAPPORT_SAVE_STATE_FAILED)
    {
      if (self->save_source == 0)
        self->save_source = g_timeout_add (delay, on_save_timeout, self);
      return;
    }

  if (self->save_state != RAPPORT_SAVE_STATE_PENDING || self->first_unsaved_us == 0)
    self->first_unsaved_us = now;
  set_save_state (self, RAPPORT_SAVE_STATE_PENDING);

  /* Debounce, but never past MAX_UNSAVED_MS after the first unsaved change. */
  if ((now - self->first_unsaved_us) / 1000 + delay > MAX_UNSAVED_MS)
    delay = MAX (0, MAX_UNSAVED_MS - (now - self->first_unsaved_us) / 1000);

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (delay, on_save_timeout, self);
}

static char *
get_notes_text (RapportMeetingEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows in the buffer what the meeting now holds after it took in a row
 * written elsewhere, while the user may be typing. Text added at the end
 * (a conflict copy) goes there without moving the cursor, the selection
 * or the view. Other changes (the user had not changed the notes) replace
 * only what differs, so that a cursor before or after the change stays by
 * the same text: one put at the end with Ctrl+End stays at the end. None
 * of it can be undone: an undo must not take the other copy out again. */
static void
show_meeting_notes (RapportMeetingEditor *self)
{
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char      *notes = rapport_meeting_get_notes (self->meeting);
  g_autofree char *text = get_notes_text (self);
  gsize            len = strlen (text), notes_len = strlen (notes);
  gsize            prefix = 0, suffix = 0;
  GtkTextIter      insert, bound, from, to;
  int              insert_offset, bound_offset;
  gboolean         append;

  if (strcmp (text, notes) == 0)
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));
  insert_offset = gtk_text_iter_get_offset (&insert);
  bound_offset = gtk_text_iter_get_offset (&bound);
  append = strncmp (notes, text, len) == 0;

  /* The part that differs, on character boundaries. */
  while (prefix < len && prefix < notes_len && text[prefix] == notes[prefix])
    prefix++;
  while (prefix > 0 && (text[prefix] & 0xc0) == 0x80)
    prefix--;
  while (suffix < len - prefix && suffix < notes_len - prefix &&
         text[len - 1 - suffix] == notes[notes_len - 1 - suffix])
    suffix++;
  while (suffix > 0 && (text[len - suffix] & 0xc0) == 0x80)
    suffix--;

  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &from, g_utf8_pointer_to_offset (text, text + prefix));
  gtk_text_buffer_get_iter_at_offset (buffer, &to, g_utf8_pointer_to_offset (text, text + len - suffix));
  gtk_text_buffer_delete (buffer, &from, &to);
  gtk_text_buffer_insert (buffer, &from, notes + prefix, notes_len - prefix - suffix);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->loading = FALSE;

  if (append)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &insert, insert_offset);
      gtk_text_buffer_get_iter_at_offset (buffer, &bound, bound_offset);
      gtk_text_buffer_select_range (buffer, &insert, &bound);
    }
}

static void
show_meeting_fields (RapportMeetingEditor *self)
{
  show_meeting_notes (self);
  self->loading = TRUE;
  update_date_label (self);
  self->loading = FALSE;
  sync_mood_buttons (self);
}

/* Tells the window that both texts were kept. */
static void
report_conflict (RapportMeetingEditor *self,
                 RapportMeeting       *meeting)
{
  g_autofree char *message = NULL;

  /* Translators: a toast; %s is the meeting's date as YYYY-MM-DD. */
  message = g_strdup_printf (_("The notes of %s were also changed elsewhere: both texts are kept, "
                                "the other one at the end"),
                             rapport_meeting_get_date (meeting));
  g_signal_emit (self, signals[CONFLICT], 0, message);
}

/* Saves @meeting. When another writer changed its row since it was read,
 * takes that row in (rapport_meeting_refresh(): nothing typed is lost,
 * both texts kept when both changed), shows it if it is the meeting on
 * show, and saves again over the newer row. */
static gboolean
save_meeting (RapportMeetingEditor *self,
              RapportMeeting       *meeting,
              GError              **error)
{
  for (int round = 0;; round++)
    {
      g_autoptr(GError) local_error = NULL;
      RapportMeetingRefresh result;

      if (rapport_meeting_save (meeting, self->store, &local_error))
        return TRUE;
      if (round == MAX_MERGES ||
          !g_error_matches (local_error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
      if (!rapport_meeting_refresh (meeting, self->store, &result, error))
        return FALSE;
      if (meeting == self->meeting)
        show_meeting_fields (self);
      if (result == RAPPORT_MEETING_REFRESH_KEPT_BOTH)
        report_conflict (self, meeting);
    }
}

/* Saves the meetings that were left unsaved; TRUE when none is left. */
static gboolean
save_left_behind (RapportMeetingEditor *self,
                  GError              **error)
{
  for (guint i = 0; i < self->unsaved->len;)
    {
      RapportMeeting *meeting = g_ptr_array_index (self->unsaved, i);
      g_autoptr(GError) local_error = NULL;

      if (!rapport_meeting_get_dirty (meeting) ||
          save_meeting (self, meeting, &local_error))
        {
          g_ptr_array_remove_index (self->unsaved, i);
          continue;
        }
      /* Gone from the database: there is nowhere left to write it. */
      if (g_error_matches (local_error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND))
        {
          g_warning ("%s", local_error->message);
          g_ptr_array_remove_index (self->unsaved, i);
          continue;
        }
      if (error != NULL && *error == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      i++;
    }
  return self->unsaved->len == 0;
}

static gboolean
save_now (RapportMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->store == NULL)
    return TRUE;

  if (self->meeting != NULL)
    {
      g_autofree char *text = get_notes_text (self);

      rapport_meeting_set_notes (self->meeting, text);
      ok = save_meeting (self, self->meeting, &error);
    }
  if (!save_left_behind (self, ok ? &error : NULL))
    ok = FALSE;

  if (!ok)
    {
      gboolean busy = g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY);

      /* The text stays in the buffer or in its meeting object, which stays
       * dirty: try again in a moment. */
      g_clear_error (&self->save_error);
      self->save_error = error ? g_error_copy (error)
                               : g_error_new_literal (RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_SQL, "");
      set_save_state (self, RAPPORT_SAVE_STATE_FAILED);
      self->save_source = g_timeout_add (busy ? RETRY_BUSY_MS : RETRY_MS, on_save_timeout, self);
      g_signal_emit (self, signals[SAVE_FAILED], 0, self->save_error->message);
      return FALSE;
    }

  self->first_unsaved_us = 0;
  g_clear_error (&self->save_error);
  set_save_state (self, RAPPORT_SAVE_STATE_SAVED);
  return TRUE;
}

gboolean
rapport_meeting_editor_flush (RapportMeetingEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_EDITOR (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (RAPPORT_IS_CHECKLIST_ROW (child))
      rapport_checklist_row_flush (RAPPORT_CHECKLIST_ROW (child));
  if (self->commitments != NULL)
    rapport_commitments_panel_flush (RAPPORT_COMMITMENTS_PANEL (self->commitments));
  if (self->talking_points != NULL)
    rapport_talking_points_panel_flush (RAPPORT_TALKING_POINTS_PANEL (self->talking_points));

  if (self->save_state == RAPPORT_SAVE_STATE_SAVED && self->save_source == 0 &&
      self->unsaved->len == 0 &&
      (self->meeting == NULL || !rapport_meeting_get_dirty (self->meeting)))
    return TRUE;
  return save_now (self);
}

guint
rapport_meeting_editor_get_n_unsaved (RapportMeetingEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_EDITOR (self), 0);
  return self->unsaved->len +
         (self->meeting != NULL && rapport_meeting_get_dirty (self->meeting) ? 1 : 0);
}

void
rapport_meeting_editor_forget_unsaved (RapportMeetingEditor *self)
{
  g_return_if_fail (RAPPORT_IS_MEETING_EDITOR (self));

  g_ptr_array_set_size (self->unsaved, 0);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_error (&self->save_error);
  set_save_state (self, RAPPORT_SAVE_STATE_SAVED);
}

static void
on_buffer_changed (GtkTextBuffer        *buffer,
                   RapportMeetingEditor *self)
{
  if (self->loading || self->meeting == NULL)
    return;
  schedule_save (self);
}

static void
update_date_label (RapportMeetingEditor *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *label = NULL;
  int              y, m, d;

  if (self->meeting == NULL ||
      sscanf (rapport_meeting_get_date (self->meeting), "%d-%d-%d", &y, &m, &d) != 3)
    return;
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  /* Translators: the meeting date in the editor, e.g. "Tuesday, 3 March 2026";
   * see strftime(3) for the format. */
  label = g_date_time_format (dt, _("%A, %-d %B %Y"));
  gtk_label_set_label (self->date_label, g_strstrip (label));
  gtk_calendar_select_day (self->calendar, dt);
}

static void
on_calendar_day_selected (RapportMeetingEditor *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *date = NULL;

  if (self->loading || self->meeting == NULL)
    return;

  dt = gtk_calendar_get_date (self->calendar);
  date = g_date_time_format (dt, "%Y-%m-%d");
  if (g_strcmp0 (date, rapport_meeting_get_date (self->meeting)) == 0)
    {
      /* Enter on the day already chosen: a choice all the same. */
      gtk_popover_popdown (self->date_popover);
      return;
    }
  rapport_meeting_set_date (self->meeting, date);
  self->loading = TRUE;
  update_date_label (self);
  self->loading = FALSE;
  gtk_popover_popdown (self->date_popover);
  if (save_now (self))
    {
      /* What carries over into a meeting depends on its date. */
      if (self->commitments != NULL)
        rapport_commitments_panel_reload (RAPPORT_COMMITMENTS_PANEL (self->commitments));
      if (self->talking_points != NULL)
        rapport_talking_points_panel_reload (RAPPORT_TALKING_POINTS_PANEL (self->talking_points));
      g_signal_emit (self, signals[DATE_CHANGED], 0);
    }
}

static void
sync_mood_buttons (RapportMeetingEditor *self)
{
  rapport_mood_picker_set_mood (self->mood_picker, self->meeting ? rapport_meeting_get_mood (self->meeting) : 0);
}

static void
on_mood_chosen (RapportMeetingEditor *self,
                int                   mood)
{
  if (self->meeting == NULL)
    {
      sync_mood_buttons (self);
      return;
    }
  rapport_meeting_set_mood (self->meeting, mood);
  save_now (self);
}

static void
on_row_save_failed (RapportChecklistRow  *row,
                    const char           *message,
                    RapportMeetingEditor *self)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, message);
}

static void
rebuild_checklist (RapportMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint      n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist_box))) != NULL)
    gtk_list_box_remove (self->checklist_box, child);
  g_clear_object (&self->checklist);

  if (self->meeting == NULL)
    return;

  self->checklist = rapport_checklist_load (self->store, rapport_meeting_get_id (self->meeting), &error);
  if (self->checklist == NULL)
    {
      g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->checklist));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->checklist), i);
      GtkWidget *row = rapport_checklist_row_new (self->store, item, i < 9 ? i + 1 : 0);

      g_signal_connect (row, "save-failed", G_CALLBACK (on_row_save_failed), self);
      gtk_list_box_append (self->checklist_box, row);
    }
}

/* Deletes @meeting, one started here, if nothing was recorded in it (its
 * text is flushed already): a 1:1 started by mistake leaves no trace in
 * the brief, History or the cadence. Never one with text still unsaved:
 * the core refuses a dirty meeting, and a row another writer put notes in
 * meanwhile stays too. */
static gboolean
discard_if_untouched (RapportMeetingEditor *self,
                      RapportMeeting       *meeting)
{
  g_autoptr(GError) error = NULL;
  gboolean discarded = FALSE;

  if (self->store == NULL || g_ptr_array_find (self->unsaved, meeting, NULL))
    return FALSE;
  if (!rapport_meeting_discard_if_untouched (meeting, self->store, &discarded, &error))
    {
      /* An empty meeting stays: nothing is lost, and it can be deleted. */
      g_message ("Empty meeting of %s not discarded: %s",
                 rapport_meeting_get_date (meeting), error->message);
      return FALSE;
    }
  return discarded;
}

void
rapport_meeting_editor_set_meeting (RapportMeetingEditor *self,
                                    RapportMeeting       *meeting)
{
  g_autoptr(RapportMeeting) leaving = NULL;
  GtkTextBuffer *buffer;

  g_return_if_fail (RAPPORT_IS_MEETING_EDITOR (self));
  g_return_if_fail (meeting == NULL || RAPPORT_IS_MEETING (meeting));

  if (self->meeting == meeting)
    return;

  /* Leaving a meeting started here a moment ago: once flushed, it goes
   * again below if nothing was recorded in it. */
  if (self->started_id != 0 && self->meeting != NULL &&
      rapport_meeting_get_id (self->meeting) == self->started_id &&
      (meeting == NULL || rapport_meeting_get_id (meeting) != self->started_id))
    {
      leaving = g_object_ref (self->meeting);
      self->started_id = 0;
    }

  if (!rapport_meeting_editor_flush (self) && self->meeting != NULL &&
      rapport_meeting_get_dirty (self->meeting) &&
      !g_ptr_array_find (self->unsaved, self->meeting, NULL))
    g_ptr_array_add (self->unsaved, g_object_ref (self->meeting));

  g_set_object (&self->meeting, meeting);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  self->loading = TRUE;
  /* A new meeting starts a new undo history. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, meeting ? rapport_meeting_get_notes (meeting) : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->loading = FALSE;

  update_date_label (self);
  sync_mood_buttons (self);
  rebuild_checklist (self);
  if (self->commitments != NULL)
    rapport_commitments_panel_set_meeting (RAPPORT_COMMITMENTS_PANEL (self->commitments), meeting);
  if (self->talking_points != NULL)
    rapport_talking_points_panel_set_meeting (RAPPORT_TALKING_POINTS_PANEL (self->talking_points), meeting);
  self->first_unsaved_us = 0;
  /* Back on a meeting whose save failed: its text is in the object. */
  if (meeting != NULL && rapport_meeting_get_dirty (meeting))
    g_ptr_array_remove (self->unsaved, meeting);
  set_save_state (self, self->unsaved->len > 0 ||
                            (meeting != NULL && rapport_meeting_get_dirty (meeting))
                          ? RAPPORT_SAVE_STATE_FAILED
                          : RAPPORT_SAVE_STATE_SAVED);
  if (self->save_state == RAPPORT_SAVE_STATE_FAILED && self->save_source == 0)
    self->save_source = g_timeout_add (RETRY_MS, on_save_timeout, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);

  /* Last, so that whoever hears of it sees the meeting now on show. */
  if (leaving != NULL && discard_if_untouched (self, leaving))
    g_signal_emit (self, signals[MEETING_DISCARDED], 0, leaving);
}

/* The editor goes away on a 1:1 started here and left untouched (its
 * text flushed already): nobody is left to tell. */
static void
discard_on_close (RapportMeetingEditor *self)
{
  if (self->started_id != 0 && self->meeting != NULL &&
      rapport_meeting_get_id (self->meeting) == self->started_id)
    discard_if_untouched (self, self->meeting);
  self->started_id = 0;
}

/* After the window's own handler, and only when that one lets the window
 * close (it flushed, and asked about unsaved text or running jobs): the
 * editor itself may be finalized later, or never before the app quits. */
static gboolean
on_window_close_request (RapportMeetingEditor *self)
{
  if (self->meeting != NULL && self->started_id != 0)
    {
      rapport_meeting_editor_flush (self);
      discard_on_close (self);
    }
  return FALSE;
}

static void
rapport_meeting_editor_root (GtkWidget *widget)
{
  RapportMeetingEditor *self = RAPPORT_MEETING_EDITOR (widget);
  GtkRoot              *root;

  GTK_WIDGET_CLASS (rapport_meeting_editor_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WIDGET (root);
      self->close_request_id = g_signal_connect_object (root, "close-request",
                                                        G_CALLBACK (on_window_close_request), self,
                                                        G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
}

static void
rapport_meeting_editor_unroot (GtkWidget *widget)
{
  RapportMeetingEditor *self = RAPPORT_MEETING_EDITOR (widget);

  if (self->window != NULL)
    g_clear_signal_handler (&self->close_request_id, self->window);
  self->window = NULL;

  GTK_WIDGET_CLASS (rapport_meeting_editor_parent_class)->unroot (widget);
}

void
rapport_meeting_editor_set_started (RapportMeetingEditor *self,
                                    gint64                meeting_id)
{
  g_return_if_fail (RAPPORT_IS_MEETING_EDITOR (self));

  if (self->meeting != NULL && meeting_id != 0 &&
      rapport_meeting_get_id (self->meeting) == meeting_id)
    self->started_id = meeting_id;
}

RapportMeeting *
rapport_meeting_editor_get_meeting (RapportMeetingEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_EDITOR (self), NULL);
  return self->meeting;
}

RapportSaveState
rapport_meeting_editor_get_save_state (RapportMeetingEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_EDITOR (self), RAPPORT_SAVE_STATE_SAVED);
  return self->save_state;
}

gboolean
rapport_meeting_editor_toggle_prompt (RapportMeetingEditor *self,
                                      guint                 number)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (RAPPORT_IS_MEETING_EDITOR (self), FALSE);

  if (number == 0 || self->meeting == NULL)
    return FALSE;
  row = gtk_list_box_get_row_at_index (self->checklist_box, number - 1);
  if (row == NULL)
    return FALSE;
  rapport_checklist_row_toggle (RAPPORT_CHECKLIST_ROW (row));
  return TRUE;
}

void
rapport_meeting_editor_focus_notes (RapportMeetingEditor *self)
{
  g_return_if_fail (RAPPORT_IS_MEETING_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

void
rapport_meeting_editor_reveal_text (RapportMeetingEditor *self,
                                    int                   offset,
                                    int                   length)
{
  GtkTextBuffer *buffer;
  GtkTextIter    start, end;

  g_return_if_fail (RAPPORT_IS_MEETING_EDITOR (self));

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, MAX (offset, 0));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, MAX (offset, 0) + MAX (length, 0));
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_mark (self->notes_view, gtk_text_buffer_get_insert (buffer),
                                0.1, TRUE, 0.0, 0.3);
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

static void
on_commitments_mapped (RapportMeetingEditor *self)
{
  g_clear_signal_handler (&self->focus_entry_id, self->commitments);
  rapport_commitments_panel_focus_entry (RAPPORT_COMMITMENTS_PANEL (self->commitments));
}

void
rapport_meeting_editor_focus_commitment_entry (RapportMeetingEditor *self)
{
  g_return_if_fail (RAPPORT_IS_MEETING_EDITOR (self));

  if (self->commitments == NULL || self->meeting == NULL)
    return;
  /* Folded away, the column slides in first; its entry can take the
   * focus once it is on screen. */
  if (rapport_overlay_split_get_collapsed (self->side_split))
    rapport_overlay_split_set_show_sidebar (self->side_split, TRUE);
  if (gtk_widget_get_mapped (self->commitments))
    rapport_commitments_panel_focus_entry (RAPPORT_COMMITMENTS_PANEL (self->commitments));
  else if (self->focus_entry_id == 0)
    self->focus_entry_id = g_signal_connect_object (self->commitments, "map",
                                                    G_CALLBACK (on_commitments_mapped), self,
                                                    G_CONNECT_SWAPPED);
}

GtkBox *
rapport_meeting_editor_get_extra_slot (RapportMeetingEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_EDITOR (self), NULL);
  return self->extra_slot;
}

void
rapport_meeting_editor_reload_checklist (RapportMeetingEditor *self)
{
  g_return_if_fail (RAPPORT_IS_MEETING_EDITOR (self));

  rapport_meeting_editor_flush (self);
  rebuild_checklist (self);
}

const GError *
rapport_meeting_editor_get_save_error (RapportMeetingEditor *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_EDITOR (self), NULL);
  return self->save_state == RAPPORT_SAVE_STATE_FAILED ? self->save_error : NULL;
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot   *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

void
rapport_meeting_editor_reload (RapportMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  RapportMeetingRefresh result;

  g_return_if_fail (RAPPORT_IS_MEETING_EDITOR (self));

  if (self->store == NULL)
    return;
  if (self->meeting == NULL)
    {
      /* Meetings left while their save failed may conflict too. */
      if (self->unsaved->len > 0)
        save_now (self);
      return;
    }

  /* A save is planned (typing, or a retry): it meets the newer row and
   * merges (save_meeting), on its own schedule. With nothing typed, the
   * newer row is shown now. */
  if (self->save_state == RAPPORT_SAVE_STATE_SAVED)
    {
      g_autofree char *text = get_notes_text (self);

      rapport_meeting_set_notes (self->meeting, text);
      if (rapport_meeting_get_dirty (self->meeting) || self->unsaved->len > 0)
        save_now (self);
      else if (rapport_meeting_refresh (self->meeting, self->store, &result, &error))
        {
          if (result != RAPPORT_MEETING_REFRESH_UNCHANGED)
            show_meeting_fields (self);
        }
      else if (!g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND))
        g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
    }
  /* Gone (deleted or replaced elsewhere): the window stops showing it
   * when it re-reads the list, unless there is typing to keep. Either
   * way there is no checklist or commitment of it left to read. */
  if (!rapport_meeting_read_revision (self->meeting, self->store, NULL, NULL))
    return;

  /* Ticks, evidence and commitments may have changed too. A row being
   * edited keeps its widgets (and the focus), so nothing typed is lost. */
  if (!has_focus_within (GTK_WIDGET (self->checklist_box)))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist_box));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (RAPPORT_IS_CHECKLIST_ROW (child))
          rapport_checklist_row_flush (RAPPORT_CHECKLIST_ROW (child));
      rebuild_checklist (self);
    }
  if (self->commitments != NULL && !has_focus_within (self->commitments))
    rapport_commitments_panel_reload (RAPPORT_COMMITMENTS_PANEL (self->commitments));
  /* The queue keeps an edit in progress and the focus by itself. */
  if (self->talking_points != NULL)
    rapport_talking_points_panel_reload (RAPPORT_TALKING_POINTS_PANEL (self->talking_points));
}

static void
on_commitments_save_failed (RapportMeetingEditor *self,
                            const char           *message)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, message);
}

static void
on_talking_points_changed (RapportMeetingEditor *self)
{
  g_signal_emit (self, signals[TALKING_POINTS_CHANGED], 0);
}

void
rapport_meeting_editor_set_store (RapportMeetingEditor *self,
                                  RapportStore         *store)
{
  g_return_if_fail (RAPPORT_IS_MEETING_EDITOR (self));

  if (self->store == store)
    return;
  rapport_meeting_editor_set_meeting (self, NULL);
  g_set_object (&self->store, store);

  if (self->commitments != NULL)
    {
      g_clear_signal_handler (&self->focus_entry_id, self->commitments);
      gtk_box_remove (self->extra_slot, self->commitments);
      self->commitments = NULL;
    }
  if (self->talking_points != NULL)
    {
      gtk_box_remove (self->extra_slot, self->talking_points);
      self->talking_points = NULL;
    }
  if (store != NULL)
    {
      /* What to talk about, ticked off as it is discussed, above what
       * was promised. */
      self->talking_points = rapport_talking_points_panel_new (store);
      gtk_widget_set_margin_bottom (self->talking_points, 18);
      g_signal_connect_object (self->talking_points, "save-failed",
                               G_CALLBACK (on_commitments_save_failed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->talking_points, "changed",
                               G_CALLBACK (on_talking_points_changed), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->extra_slot, self->talking_points);
      self->commitments = rapport_commitments_panel_new (store);
      g_signal_connect_object (self->commitments, "save-failed",
                               G_CALLBACK (on_commitments_save_failed), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->extra_slot, self->commitments);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
rapport_meeting_editor_dispose (GObject *object)
{
  RapportMeetingEditor *self = RAPPORT_MEETING_EDITOR (object);
  GtkWidget            *child;

  if (self->meeting != NULL)
    {
      rapport_meeting_editor_flush (self);
      discard_on_close (self);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEETING_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->checklist);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->unsaved, g_ptr_array_unref);
  g_clear_error (&self->save_error);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_meeting_editor_parent_class)->dispose (object);
}

static void
rapport_meeting_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportMeetingEditor *self = RAPPORT_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_MEETING: g_value_set_object (value, self->meeting); break;
    case PROP_SAVE_STATE: g_value_set_enum (value, self->save_state); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_meeting_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportMeetingEditor *self = RAPPORT_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE: rapport_meeting_editor_set_store (self, g_value_get_object (value)); break;
    case PROP_MEETING: rapport_meeting_editor_set_meeting (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_meeting_editor_class_init (RapportMeetingEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_meeting_editor_dispose;
  widget_class->root = rapport_meeting_editor_root;
  widget_class->unroot = rapport_meeting_editor_unroot;
  object_class->get_property = rapport_meeting_editor_get_property;
  object_class->set_property = rapport_meeting_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, RAPPORT_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_STATE] =
    g_param_spec_enum ("save-state", NULL, NULL, RAPPORT_TYPE_SAVE_STATE, RAPPORT_SAVE_STATE_SAVED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DATE_CHANGED] =
    g_signal_new ("date-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RapportMeetingEditor::conflict:
   * @message: what happened, for the user
   *
   * A meeting's notes were changed elsewhere while they were edited here:
   * both texts were kept.
   */
  signals[CONFLICT] =
    g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A talking point was ticked, unticked or written in the meeting. */
  signals[TALKING_POINTS_CHANGED] =
    g_signal_new ("talking-points-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RapportMeetingEditor::meeting-discarded:
   * @meeting: the meeting, no longer in the database
   *
   * A 1:1 started in this window (rapport_meeting_editor_set_started())
   * was left with nothing recorded in it, and deleted: the lists that
   * showed it are out of date. Emitted after the next meeting (or none)
   * is on show.
   */
  signals[MEETING_DISCARDED] =
    g_signal_new ("meeting-discarded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RAPPORT_TYPE_MEETING);

  g_type_ensure (RAPPORT_TYPE_MOOD_PICKER);
  g_type_ensure (RAPPORT_TYPE_OVERLAY_SPLIT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, date_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, date_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, mood_picker);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, side_split);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, checklist_box);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, extra_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_mood_chosen);
}

static void
rapport_meeting_editor_init (RapportMeetingEditor *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_calendar_pick_on_enter (self->calendar);
  self->unsaved = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
}
