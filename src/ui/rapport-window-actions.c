/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-brief.h"
#include "rapport-brief-view.h"
#include "rapport-data-actions.h"
#include "rapport-history-view.h"
#include "rapport-person-dialog.h"
#include "rapport-search-panel.h"
#include "rapport-topic-dialog.h"
#include "rapport-window-private.h"

static void
person_added (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RapportWindow *self = RAPPORT_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) person = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  int              cadence_days;

  /* The only failure is the dialog closed without adding. */
  if (!rapport_person_dialog_run_finish (result, &name, &role, &cadence_days, NULL))
    return;
  person = rapport_person_create_full (self->store, name, role, cadence_days, &error);
  if (person == NULL)
    {
      rapport_window_show_error (self, _("Could Not Add Person"), error->message);
      return;
    }
  rapport_window_reload_people (self);
  rapport_window_select_person (self, rapport_person_get_id (person));
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  rapport_person_dialog_run_async (GTK_WINDOW (widget), NULL, NULL, person_added, NULL);
}

/* @user_data: a reference to the person the dialog was opened for. */
static void
person_edited (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  RapportWindow *self = RAPPORT_WINDOW (source);
  g_autoptr(RapportPerson) person = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *old_role = NULL;
  int              cadence_days;
  int              old_cadence;

  /* The only failure is the dialog closed without saving. */
  if (!rapport_person_dialog_run_finish (result, &name, &role, &cadence_days, NULL))
    return;

  old_name = g_strdup (rapport_person_get_name (person));
  old_role = g_strdup (rapport_person_get_role (person));
  old_cadence = rapport_person_get_cadence_days (person);

  rapport_person_set_name (person, name);
  rapport_person_set_role (person, role);
  rapport_person_set_cadence_days (person, cadence_days);
  if (!rapport_person_save (person, self->store, &error))
    {
      rapport_person_set_name (person, old_name);
      rapport_person_set_role (person, old_role);
      rapport_person_set_cadence_days (person, old_cadence);
      rapport_window_show_error (self, _("Could Not Save"), error->message);
      return;
    }
  rapport_window_reload_people (self);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  if (self->person != NULL)
    rapport_person_dialog_run_async (GTK_WINDOW (self), self->person, NULL, person_edited,
                                     g_object_ref (self->person));
}

typedef struct
{
  RapportWindow *window; /* weak */
  gint64         person_id;
} PendingArchive;

static void
pending_archive_free (gpointer data)
{
  PendingArchive *pending = data;

  g_clear_weak_pointer (&pending->window);
  g_free (pending);
}

/* Undo on the "archived" toast: back in the list, and on show again. */
static void
on_archive_undo (AdwToast       *toast,
                 PendingArchive *pending)
{
  RapportWindow *self = pending->window;
  g_autoptr(RapportPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (self == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  person = rapport_person_load (self->store, pending->person_id, &error);
  if (person != NULL)
    {
      rapport_person_set_archived (person, FALSE);
      if (rapport_person_save (person, self->store, &error))
        {
          rapport_window_reload_people (self);
          rapport_window_select_person (self, pending->person_id);
          rapport_window_update_actions (self);
          return;
        }
    }
  {
    /* Translators: the archiving of a person could not be undone; %s says why. */
    g_autofree char *message = g_strdup_printf (_("Could not undo: %s"), error->message);

    rapport_window_add_toast (self, message);
  }
}

static void
set_archived (RapportWindow *self,
              gboolean       archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) person = NULL;

  if (self->person == NULL)
    return;

  person = g_object_ref (self->person);
  rapport_person_set_archived (person, archived);
  if (!rapport_person_save (person, self->store, &error))
    {
      rapport_person_set_archived (person, !archived);
      rapport_window_show_error (self, _("Could Not Save"), error->message);
      return;
    }

  gtk_filter_changed (GTK_FILTER (self->people_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (archived && !self->show_archived)
    {
      g_autofree char *message = NULL;
      PendingArchive  *pending;
      AdwToast        *toast;

      rapport_window_show_person (self, NULL);
      /* Translators: %s is a person's name. */
      message = g_strdup_printf (_("%s archived. Their history is kept."), rapport_person_get_name (person));
      toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      pending = g_new0 (PendingArchive, 1);
      g_set_weak_pointer (&pending->window, self);
      pending->person_id = rapport_person_get_id (person);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_archive_undo), pending,
                             (GClosureNotify) (void (*) (void)) pending_archive_free, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    rapport_window_select_person (self, rapport_person_get_id (person));
  rapport_window_update_actions (self);
}

static void
archive_person_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_archived (RAPPORT_WINDOW (widget), TRUE);
}

static void
restore_person_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_archived (RAPPORT_WINDOW (widget), FALSE);
}

/* @continue_today: open the person's meeting dated today if there is one
 * (Ctrl+N, "Start 1:1"), so that notes and ticks are never split over
 * two meetings by accident; FALSE only from "New 1:1 Anyway". */
/* A toast, not a dialog: Ctrl+N comes from hands that type on, and a
 * dialog would take their next keys. */
static void
say_not_started (RapportWindow *self,
                 const GError  *error)
{
  /* Translators: %s says why, in the database's words. */
  g_autofree char *message = g_strdup_printf (_("Could not start the 1:1: %s"), error->message);
  AdwToast        *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
start_meeting (RapportWindow *self,
               gboolean       continue_today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autofree char *today = rapport_store_today ();
  gint64           existing = 0;

  if (self->person == NULL)
    return;

  rapport_window_flush (self);
  rapport_window_set_search_mode (self, FALSE);
  rapport_window_set_history_mode (self, FALSE);

  if (continue_today &&
      !rapport_brief_find_meeting_on (self->store, rapport_person_get_id (self->person), today, &existing, &error))
    {
      say_not_started (self, error);
      return;
    }
  if (existing != 0)
    {
      rapport_window_select_meeting (self, existing);
      rapport_meeting_editor_focus_notes (self->editor);
      return;
    }

  meeting = rapport_meeting_create (self->store, rapport_person_get_id (self->person), today, &error);
  if (meeting == NULL)
    {
      say_not_started (self, error);
      return;
    }
  rapport_window_reload_meetings (self);
  rapport_window_select_meeting (self, rapport_meeting_get_id (meeting));
  /* Started by mistake (Ctrl+N meant for something else) and left with
   * nothing in it, it goes again: see "meeting-discarded". */
  rapport_meeting_editor_set_started (self->editor, rapport_meeting_get_id (meeting));
  rapport_meeting_editor_focus_notes (self->editor);
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  start_meeting (RAPPORT_WINDOW (widget), TRUE);
}

static void
new_meeting_anyway_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  start_meeting (RAPPORT_WINDOW (widget), FALSE);
}

typedef struct
{
  RapportWindow *window; /* weak */
  RapportStore  *store;
  gint64         meeting_id;
  gboolean       undone;
} PendingDelete;

static void
pending_delete_free (gpointer data)
{
  PendingDelete *pending = data;

  g_clear_weak_pointer (&pending->window);
  g_clear_object (&pending->store);
  g_free (pending);
}

static void
on_delete_undo (AdwToast      *toast,
                PendingDelete *pending)
{
  g_autoptr(GError) error = NULL;

  /* Whatever happens, never purge after the user asked for it back. */
  pending->undone = TRUE;
  if (!rapport_meeting_hide (pending->store, pending->meeting_id, FALSE, &error))
    {
      g_autofree char *message = NULL;

      /* Gone for good (a restore, or purged elsewhere): say so rather
       * than let Undo look as if it did something. */
      if (g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND))
        message = g_strdup (_("Could not undo: the meeting is no longer in the database"));
      else
        message = g_strdup_printf (_("Could not undo the deletion: %s"), error->message);
      g_printerr ("rapport: %s\n", message);
      if (pending->window != NULL)
        rapport_window_add_toast (pending->window, message);
      return;
    }
  if (pending->window != NULL)
    {
      rapport_window_reload_meetings (pending->window);
      rapport_window_select_meeting (pending->window, pending->meeting_id);
    }
}

static void
on_delete_dismissed (AdwToast      *toast,
                     PendingDelete *pending)
{
  g_autoptr(GError) error = NULL;

  if (pending->undone)
    return;
  if (!rapport_meeting_purge (pending->store, pending->meeting_id, &error))
    g_warning ("Could not delete meeting: %s", error->message);
}

static void
delete_meeting_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RapportWindow  *self = RAPPORT_WINDOW (widget);
  RapportMeeting *meeting = self->editor != NULL ? rapport_meeting_editor_get_meeting (self->editor) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  PendingDelete   *pending;
  AdwToast        *toast;
  gint64           id;

  if (meeting == NULL)
    return;

  rapport_window_flush (self);
  id = rapport_meeting_get_id (meeting);
  if (!rapport_meeting_hide (self->store, id, TRUE, &error))
    {
      rapport_window_show_error (self, _("Could Not Delete the Meeting"), error->message);
      return;
    }
  rapport_window_show_brief (self);
  rapport_window_reload_meetings (self);

  pending = g_new0 (PendingDelete, 1);
  g_set_weak_pointer (&pending->window, self);
  pending->store = g_object_ref (self->store);
  pending->meeting_id = id;

  title = g_strdup (_("Meeting deleted"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_delete_undo), pending);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_delete_dismissed), pending,
                         (GClosureNotify) (void (*) (void)) pending_delete_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
toggle_prompt_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  /* Enabled once the editor is made; the meeting must be on show. */
  if (self->editor == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->person_stack), "meeting") != 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "person") != 0)
    return;
  rapport_meeting_editor_toggle_prompt (self->editor, g_variant_get_int32 (parameter));
}

/* Ctrl+D: the commitment entry of the meeting on show. */
static void
add_commitment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  /* Enabled once the editor is made; the meeting must be on show. */
  if (self->editor == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->person_stack), "meeting") != 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "person") != 0)
    return;
  rapport_meeting_editor_focus_commitment_entry (self->editor);
}

static void
on_topic_added (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RapportWindow *self = RAPPORT_WINDOW (source);
  g_autoptr(RapportTalkingPoint) point = NULL;
  g_autoptr(RapportPerson) person = NULL;
  g_autofree char *message = NULL;
  gint64           person_id;

  /* The only failure is the dialog closed without adding. */
  point = rapport_topic_dialog_run_finish (result, NULL);
  if (point == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  person_id = rapport_talking_point_get_person_id (point);
  person = rapport_person_load (self->store, person_id, NULL);
  if (person != NULL)
    /* Translators: a toast after a talking point was added with Ctrl+T;
     * %s is a person's name. */
    message = g_strdup_printf (_("Talking point added for %s"), rapport_person_get_name (person));
  else
    message = g_strdup (_("Talking point added"));
  rapport_window_add_toast (self, message);
  if (self->person != NULL && rapport_person_get_id (self->person) == person_id)
    {
      rapport_brief_view_refresh (RAPPORT_BRIEF_VIEW (self->brief_view));
      /* The meeting on show lists the queue too. */
      if (self->editor != NULL && rapport_meeting_editor_get_meeting (self->editor) != NULL)
        rapport_meeting_editor_reload (self->editor);
    }
  /* "3 talking points waiting" may become someone's reason, and This Week lists it. */
  rapport_window_between_meetings_changed (self);
}

/* Ctrl+T, from anywhere: a talking point for the person on show, or for
 * anyone picked in the dialog. */
static void
add_topic_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  rapport_window_flush (self);
  rapport_topic_dialog_run_async (GTK_WINDOW (self), self->store,
                                  self->person != NULL ? rapport_person_get_id (self->person) : 0,
                                  NULL, on_topic_added, NULL);
}

static void
on_data_job_finished (RapportWindow  *self,
                      gboolean        success,
                      gboolean        data_changed,
                      RapportDataJob *job)
{
  /* Counted once, however often it says it is finished. */
  if (self->jobs != NULL)
    g_ptr_array_remove (self->jobs, job);
  if (!data_changed)
    return;
  if (rapport_data_job_get_kind (job) == RAPPORT_DATA_JOB_RESTORE)
    {
      /* The whole file was replaced under our connection: start afresh
       * with a new connection and a new window rather than trust any
       * page or object read before. */
      g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (self))),
                                      "reopen-database", NULL);
      return;
    }
  /* An import replaced rows under the open views. */
  if (self->editor != NULL)
    rapport_meeting_editor_set_meeting (self->editor, NULL);
  rapport_window_reload (self);
  if (self->person != NULL)
    rapport_window_show_brief (self);
}

static void
watch_job (RapportWindow  *self,
           RapportDataJob *job)
{
  if (job == NULL)
    return;
  /* The window must not close under a job that writes a file or the
   * database; every job ends with "finished", cancelled ones too. */
  g_ptr_array_add (self->jobs, job);
  g_signal_connect_object (job, "finished", G_CALLBACK (on_data_job_finished), self, G_CONNECT_SWAPPED);
}

static void
data_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportWindow  *self = RAPPORT_WINDOW (widget);
  GtkWindow      *parent = GTK_WINDOW (self);
  RapportDataJob *job = NULL;
  gboolean        replaces_data = g_str_equal (action_name, "win.import") ||
                           g_str_equal (action_name, "win.restore");

  if (!rapport_window_flush (self) && replaces_data)
    {
      rapport_window_show_error (self, _("Notes Not Saved Yet"),
                                 _("Some notes could not be saved. Import or restore once "
                                    "they are saved, so that nothing typed is lost."));
      return;
    }
  if (replaces_data && self->person != NULL)
    {
      /* Nothing stays open for editing while rows are replaced underneath. */
      rapport_window_set_history_mode (self, FALSE);
      rapport_window_show_brief (self);
    }

  if (g_str_equal (action_name, "win.export"))
    job = rapport_data_actions_export (parent, self->store, self->toast_overlay);
  else if (g_str_equal (action_name, "win.import"))
    job = rapport_data_actions_import (parent, self->store, self->toast_overlay);
  else if (g_str_equal (action_name, "win.export-person") && self->person != NULL)
    job = rapport_data_actions_export_person (parent, self->store,
                                              rapport_person_get_uuid (self->person),
                                              rapport_person_get_name (self->person),
                                              self->toast_overlay);
  else if (g_str_equal (action_name, "win.backup"))
    job = rapport_data_actions_backup_now (parent, self->store, self->toast_overlay);
  else if (g_str_equal (action_name, "win.restore"))
    job = rapport_data_actions_restore (parent, self->store, self->toast_overlay);

  watch_job (self, job);
}

static void
team_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  rapport_window_show_team_history (RAPPORT_WINDOW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  /* Ctrl+F always opens (or refocuses) search; the button toggles it. */
  RapportWindow *self = RAPPORT_WINDOW (widget);

  if (self->search_mode)
    rapport_search_panel_focus (RAPPORT_SEARCH_PANEL (self->search_panel));
  else
    rapport_window_set_search_mode (self, TRUE);
}

/* Whether the person on show has a meeting dated today: then a second
 * one is offered only as "New 1:1 Anyway". */
static gboolean
has_meeting_today (RapportWindow *self)
{
  g_autofree char *today = rapport_store_today ();
  gint64           id = 0;

  if (!rapport_brief_find_meeting_on (self->store, rapport_person_get_id (self->person), today, &id, NULL))
    return FALSE;
  return id != 0;
}

/* Whether anyone can be given a talking point (the archived cannot). */
static gboolean
any_active_person (RapportWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), i);

      if (!rapport_person_get_archived (person))
        return TRUE;
    }
  return FALSE;
}

/* @narrow: the bar at the bottom of a narrow window, where the button
 * sits centred between others and a long label would widen the window
 * past 360 px. */
static void
set_new_meeting_label (GtkButton *button,
                       gboolean   continue_today,
                       gboolean   narrow)
{
  const char *label = !continue_today ? _("_New 1:1")
                      : narrow        ? C_("narrow bar", "_Continue 1:1")
                                      : _("_Continue Today's 1:1");

  if (g_strcmp0 (gtk_button_get_label (button), label) != 0)
    {
      GtkWidget *child;

      gtk_button_set_label (button, label);
      /* The header's may give way (…) while the window folds, so that
       * the header never holds a narrowing window wider than 360 px. */
      child = gtk_button_get_child (button);
      if (!narrow && GTK_IS_LABEL (child))
        gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (GTK_WIDGET (button),
                                   continue_today ? _("Open Today's One-on-One (Ctrl+N)")
                                                  : _("Start a New One-on-One (Ctrl+N)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      continue_today ? _("Continue Today's 1:1") : _("New 1:1"), -1);
    }
  /* One clean name for screen readers: GTK 4.8 would say the accessible
   * label, then the label child it is labelled by ("New 1:1 New 1:1"). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
rapport_window_update_actions (RapportWindow *self)
{
  GtkWidget      *widget = GTK_WIDGET (self);
  gboolean        has_person = self->person != NULL;
  gboolean        archived = has_person && rapport_person_get_archived (self->person);
  /* The editor and the person's page are made when a person is first
   * shown (ensure_person_page()): none yet at start-up. */
  RapportMeeting *meeting = self->editor != NULL ? rapport_meeting_editor_get_meeting (self->editor) : NULL;
  gboolean        has_meeting = meeting != NULL;
  gboolean        person_page = has_person && !self->search_mode &&
                         !(self->history_mode && self->history_view != NULL &&
                           rapport_history_view_get_person (RAPPORT_HISTORY_VIEW (self->history_view)) == 0);

  gboolean         today = has_person && !archived && has_meeting_today (self);
  g_autofree char *today_date = rapport_store_today ();
  /* Today's 1:1 on show: "Continue Today's 1:1" would lead where one is. */
  gboolean         in_today = today && has_meeting &&
                      g_strcmp0 (rapport_meeting_get_date (meeting), today_date) == 0;

  gtk_widget_action_set_enabled (widget, "win.new-meeting", has_person && !archived);
  gtk_widget_action_set_enabled (widget, "win.new-meeting-anyway", today);
  /* Ctrl+N opens today's 1:1 when there is one: the buttons say so. */
  set_new_meeting_label (GTK_BUTTON (self->new_meeting_button), today, FALSE);
  set_new_meeting_label (GTK_BUTTON (self->narrow_new_meeting_button), today, TRUE);
  gtk_widget_action_set_enabled (widget, "win.edit-person", has_person);
  gtk_widget_action_set_enabled (widget, "win.export-person", has_person);
  gtk_widget_action_set_enabled (widget, "win.archive-person", has_person && !archived);
  gtk_widget_action_set_enabled (widget, "win.restore-person", archived);
  gtk_widget_action_set_enabled (widget, "win.delete-meeting", has_meeting);
  gtk_widget_action_set_enabled (widget, "win.add-topic", any_active_person (self));
  gtk_widget_action_set_enabled (widget, "win.toggle-prompt", self->editor != NULL);
  gtk_widget_action_set_enabled (widget, "win.add-commitment", self->editor != NULL);
  gboolean narrow = rapport_navigation_split_get_collapsed (self->split);
  gboolean meetings_folded = self->meetings_split != NULL &&
                             rapport_overlay_split_get_collapsed (self->meetings_split);
  gboolean history = has_person || self->history_mode;

  gtk_widget_set_visible (GTK_WIDGET (self->save_label), person_page && !self->history_mode && !narrow);
  gtk_widget_set_visible (GTK_WIDGET (self->narrow_save_label), person_page && !self->history_mode && narrow);
  gtk_widget_set_visible (self->person_menu_button, person_page);
  /* A narrow window keeps the header for the name: the person's other
   * actions are in the bar at the bottom. */
  gtk_widget_set_visible (self->new_meeting_button, person_page && !narrow && !in_today);
  gtk_widget_set_visible (self->history_button, history && !narrow);
  gtk_widget_set_visible (self->meetings_toggle, has_person && meetings_folded && !narrow);
  gtk_widget_set_visible (self->narrow_new_meeting_button, person_page && narrow && !in_today);
  gtk_widget_set_visible (self->narrow_history_button, history && narrow);
  gtk_widget_set_visible (self->narrow_meetings_toggle, has_person && meetings_folded && narrow);
  gtk_action_bar_set_revealed (self->narrow_bar, narrow && (person_page || history));
}

/* The keyboard shortcuts, made the first time they are asked for.  Had
 * it the path gtk/help-overlay.ui, GtkApplication would build it for
 * every window before the first frame (22 M instructions, 2 % of
 * start-up), for a window few ever open. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/rapport/Rapport/shortcuts-window.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
    }
  gtk_window_present (self->shortcuts_window);
}

void
rapport_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "win.edit-person", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "win.archive-person", NULL, archive_person_action);
  gtk_widget_class_install_action (widget_class, "win.restore-person", NULL, restore_person_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-archived", "show-archived");
  gtk_widget_class_install_property_action (widget_class, "win.people-order", "people-order");
  gtk_widget_class_install_action (widget_class, "win.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.new-meeting-anyway", NULL, new_meeting_anyway_action);
  gtk_widget_class_install_action (widget_class, "win.delete-meeting", NULL, delete_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-prompt", "i", toggle_prompt_action);
  gtk_widget_class_install_action (widget_class, "win.add-commitment", NULL, add_commitment_action);
  gtk_widget_class_install_action (widget_class, "win.add-topic", NULL, add_topic_action);
  gtk_widget_class_install_property_action (widget_class, "win.search", "search-mode");
  gtk_widget_class_install_property_action (widget_class, "win.history", "history-mode");
  gtk_widget_class_install_action (widget_class, "win.team-history", NULL, team_history_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.export-person", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, data_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-meeting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.add-commitment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.add-topic", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-person", NULL);
  for (int i = 1; i <= 9; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK,
                                           "win.toggle-prompt", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, GDK_ALT_MASK,
                                           "win.toggle-prompt", "i", i);
    }
}
