/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-attention.h"
#include "rapport-brief.h"
#include "rapport-brief-view.h"
#include "rapport-history-view.h"
#include "rapport-meeting-row.h"
#include "rapport-person-row.h"
#include "rapport-platform.h"
#include "rapport-search-panel.h"
#include "rapport-this-week-view.h"
#include "rapport-window-private.h"

/* How long a write on the window's connection waits for another
 * program's lock before it gives up (and the save is retried): the main
 * thread must never hang on a lock for long. */
#define BUSY_TIMEOUT_MS 100
/* How often the window looks for commits by other programs (a CLI
 * import, a second window) with PRAGMA data_version: a few µs each, and
 * what they wrote shows within a second even on a loaded machine. */
#define POLL_MS 500
/* A banner about something else than the notes (a tick, a commitment)
 * goes away on its own after this long. */
#define BANNER_MS 10000
/* At least how tall, in pixels, a person's row is with one line, each
 * further line (role, reason), and the window's parts above the list
 * (header bar, This Week's row): the first frame shows no more rows than
 * these allow, and start-up makes only those before it. */
#define PERSON_ROW_MIN_PX 24
#define PERSON_LINE_MIN_PX 12
#define ABOVE_PEOPLE_PX 82
#define HEADER_BAR_MIN_PX 46
/* The meetings column shows a person's first meetings in this many rows
 * (GTK 4.8's list view makes and measures a row for every item, about
 * 15 of 20 seen in the default window), and more, this many at a time
 * after each frame, until the list is taller than the column and can be
 * scrolled for the rest (RAPPORT_MEETING_LIST_PAGE more at its end). */
#define MEETING_ROWS_FIRST 20
#define MEETING_ROWS_FILL 10

G_DEFINE_FINAL_TYPE (RapportWindow, rapport_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SHOW_ARCHIVED,
  PROP_SEARCH_MODE,
  PROP_HISTORY_MODE,
  PROP_PEOPLE_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void        on_search_open_result (RapportWindow      *self,
                                          gint64              person_id,
                                          gint64              meeting_id,
                                          int                 offset,
                                          int                 length,
                                          RapportSearchPanel *panel);
static void        on_search_close_requested (RapportWindow *self);
static void        on_brief_open_meeting (RapportWindow *self,
                                          gint64         meeting_id);
static void        on_neglect_window_changed (RapportWindow *self);
static void        on_between_meetings_changed (RapportWindow *self);

static void        on_meetings_edge_reached (RapportWindow  *self,
                                             GtkPositionType position);
static void        on_editor_save_failed (RapportWindow *self,
                                          const char    *message);
static void        connect_editor (RapportWindow *self);
static void        disconnect_editor (RapportWindow *self);
static void        on_meetings_view_map (RapportWindow *self);
static void        on_meetings_adjustment_changed (RapportWindow *self,
                                                   GtkAdjustment *adjustment);
static void        setup_meeting_item (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
static void        bind_meeting_item (GtkSignalListItemFactory *factory,
                                      GtkListItem              *item,
                                      gpointer                  user_data);
static void        unbind_meeting_item (GtkSignalListItemFactory *factory,
                                        GtkListItem              *item,
                                        gpointer                  user_data);

/* The person's page (the meetings column, the brief, the meeting
 * editor) is made when first needed: when a person is first shown, or
 * rapport_window_get_editor() is called. Start-up shows This Week, and
 * neither builds nor styles these widgets before the first frame; until
 * then self->meetings_split, self->editor and the page's other widgets
 * are NULL. */
static void
ensure_person_page (RapportWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkWidget *page;

  if (self->meetings_split != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/io/github/rapport/Rapport/ui/rapport-window-person-page.ui");
  page = GTK_WIDGET (gtk_builder_get_object (builder, "meetings_split"));
  self->meetings_split = RAPPORT_OVERLAY_SPLIT (page);
  self->brief_list = GTK_LIST_BOX (gtk_builder_get_object (builder, "brief_list"));
  self->brief_row = GTK_LIST_BOX_ROW (gtk_builder_get_object (builder, "brief_row"));
  self->meetings_stack = GTK_STACK (gtk_builder_get_object (builder, "meetings_stack"));
  self->meetings_view = GTK_LIST_VIEW (gtk_builder_get_object (builder, "meetings_view"));
  self->person_stack = GTK_STACK (gtk_builder_get_object (builder, "person_stack"));
  self->brief_slot = GTK_BOX (gtk_builder_get_object (builder, "brief_slot"));
  self->editor = RAPPORT_MEETING_EDITOR (gtk_builder_get_object (builder, "editor"));

  g_signal_connect_object (self->meetings_split, "notify::collapsed",
                           G_CALLBACK (rapport_window_update_actions), self, G_CONNECT_SWAPPED);
  /* The header's toggle and the narrow bar's show the column. */
  g_object_bind_property (self->meetings_split, "show-sidebar", self->meetings_toggle, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->meetings_split, "show-sidebar", self->narrow_meetings_toggle, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (gtk_builder_get_object (builder, "meetings_scrolled"), "edge-reached",
                           G_CALLBACK (on_meetings_edge_reached), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->meetings_view, "map",
                           G_CALLBACK (on_meetings_view_map), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->meetings_view)), "changed",
                           G_CALLBACK (on_meetings_adjustment_changed), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_meeting_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_meeting_item), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_meeting_item), NULL);
  gtk_list_view_set_factory (self->meetings_view, factory);
  gtk_list_view_set_model (self->meetings_view, GTK_SELECTION_MODEL (self->meeting_selection));
  g_signal_group_set_target (self->brief_list_signals, self->brief_list);

  rapport_meeting_editor_set_store (self->editor, self->store);
  connect_editor (self);

  self->brief_view = rapport_brief_view_new (self->store);
  gtk_widget_set_vexpand (self->brief_view, TRUE);
  gtk_box_append (self->brief_slot, self->brief_view);
  g_signal_connect_object (self->brief_view, "open-meeting",
                           G_CALLBACK (on_brief_open_meeting), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->brief_view, "changed",
                           G_CALLBACK (on_between_meetings_changed), self, G_CONNECT_SWAPPED);
  on_neglect_window_changed (self);

  gtk_stack_add_named (self->content_stack, page, "person");
}

/* The meeting open in the editor, or NULL (none, or no editor yet). */
static RapportMeeting *
meeting_on_show (RapportWindow *self)
{
  return self->editor != NULL ? rapport_meeting_editor_get_meeting (self->editor) : NULL;
}

void
rapport_window_show_error (RapportWindow *self,
                           const char    *heading,
                           const char    *message)
{
  GtkWidget *alert = rapport_alert_new (heading, message);

  rapport_alert_add_responses (alert, "close", _("_Close"), NULL);
  rapport_alert_present (alert, GTK_WIDGET (self));
}

void
rapport_window_add_toast (RapportWindow *self,
                          const char    *message)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
rapport_window_set_show_archived (RapportWindow *self,
                                  gboolean       show_archived)
{
  gint64 selected = self->person ? rapport_person_get_id (self->person) : 0;

  show_archived = !!show_archived;
  if (self->show_archived == show_archived)
    return;
  self->show_archived = show_archived;
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "show-archived", show_archived);
  if (self->people_filter != NULL)
    {
      gtk_filter_changed (GTK_FILTER (self->people_filter),
                          show_archived ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
      if (selected != 0)
        rapport_window_select_person (self, selected);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ARCHIVED]);
}

static void update_title (RapportWindow *self);

static void
on_history_title_changed (RapportWindow *self)
{
  if (!self->history_mode || self->search_mode)
    return;
  update_title (self);
  rapport_window_update_actions (self);
}

/* The page the content pane shows when neither search nor history is on:
 * the person's, else This Week (the welcome page while there is nobody). */
static const char *
main_page (RapportWindow *self)
{
  if (self->person != NULL)
    return "person";
  return g_list_model_get_n_items (G_LIST_MODEL (self->people)) > 0 ? "this-week" : "welcome";
}

static void
reload_this_week (RapportWindow *self)
{
  if (self->this_week_view != NULL)
    rapport_this_week_view_reload (RAPPORT_THIS_WEEK_VIEW (self->this_week_view));
}

/* Built on first use: it reads the team's whole history, which start-up
 * must not wait for. */
static void
ensure_history_view (RapportWindow *self)
{
  if (self->history_view != NULL)
    return;
  self->history_view = rapport_history_view_new (self->store);
  gtk_stack_add_named (self->content_stack, self->history_view, "history");
  /* Who it shows (a person, or the team from its own toggle) and the
   * range it covers head the window. */
  g_signal_connect_object (self->history_view, "notify::title",
                           G_CALLBACK (on_history_title_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history_view, "notify::subtitle",
                           G_CALLBACK (on_history_title_changed), self, G_CONNECT_SWAPPED);
}

static void
show_history (RapportWindow *self,
              gint64         person_id)
{
  ensure_history_view (self);
  rapport_window_flush (self);
  rapport_history_view_set_person (RAPPORT_HISTORY_VIEW (self->history_view), person_id);
  rapport_history_view_refresh (RAPPORT_HISTORY_VIEW (self->history_view));
  gtk_stack_set_visible_child_name (self->content_stack, "history");
  rapport_navigation_split_set_show_content (self->split, TRUE);
}

void
rapport_window_set_history_mode (RapportWindow *self,
                                 gboolean       history_mode)
{
  history_mode = !!history_mode;
  if (self->history_mode == history_mode)
    return;

  self->history_mode = history_mode;
  if (history_mode)
    {
      if (self->search_mode)
        {
          self->search_mode = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
        }
      show_history (self, self->person ? rapport_person_get_id (self->person) : 0);
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, main_page (self));
  update_title (self);
  rapport_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY_MODE]);
}

void
rapport_window_show_team_history (RapportWindow *self)
{
  if (self->search_mode)
    rapport_window_set_search_mode (self, FALSE);
  show_history (self, 0);
  if (!self->history_mode)
    {
      self->history_mode = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY_MODE]);
    }
  update_title (self);
  rapport_window_update_actions (self);
}

static void
update_title_for_search (RapportWindow *self)
{
  if (self->search_mode)
    {
      adw_window_title_set_title (self->content_title, _("Search"));
      adw_window_title_set_subtitle (self->content_title, _("Notes, commitments and people"));
    }
  else
    update_title (self);
}

/* Made when search is first opened (by the window or the shell's search
 * provider): start-up shows This Week, and a decade's window may never
 * search. */
GtkWidget *
rapport_window_get_search_panel (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  if (self->search_panel != NULL)
    return self->search_panel;
  self->search_panel = rapport_search_panel_new (self->store);
  gtk_widget_set_visible (self->search_panel, FALSE);
  gtk_stack_add_named (self->content_stack, self->search_panel, "search");
  g_signal_connect_object (self->search_panel, "open-result",
                           G_CALLBACK (on_search_open_result), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_panel, "close-requested",
                           G_CALLBACK (on_search_close_requested), self, G_CONNECT_SWAPPED);
  return self->search_panel;
}

void
rapport_window_set_search_mode (RapportWindow *self,
                                gboolean       search_mode)
{
  search_mode = !!search_mode;
  if (search_mode)
    gtk_widget_set_visible (rapport_window_get_search_panel (self), TRUE);
  else if (self->search_panel == NULL)
    return; /* never opened */

  if (search_mode)
    {
      rapport_window_flush (self);
      gtk_stack_set_visible_child_name (self->content_stack, "search");
      rapport_navigation_split_set_show_content (self->split, TRUE);
      rapport_search_panel_focus (RAPPORT_SEARCH_PANEL (self->search_panel));
    }
  else if (self->search_mode)
    gtk_stack_set_visible_child_name (self->content_stack, main_page (self));

  if (self->search_mode == search_mode)
    return;
  self->search_mode = search_mode;
  if (search_mode && self->history_mode)
    {
      self->history_mode = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY_MODE]);
    }
  update_title_for_search (self);
  rapport_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
on_search_open_result (RapportWindow      *self,
                       gint64              person_id,
                       gint64              meeting_id,
                       int                 offset,
                       int                 length,
                       RapportSearchPanel *panel)
{
  rapport_window_set_search_mode (self, FALSE);
  if (meeting_id == 0)
    {
      /* A name matched: show the person's brief. */
      rapport_window_open_meeting (self, person_id, 0);
      if (self->person != NULL && rapport_person_get_id (self->person) == person_id)
        rapport_window_show_brief (self);
      return;
    }
  rapport_window_open_meeting (self, person_id, meeting_id);
  if (offset >= 0 && self->editor != NULL)
    rapport_meeting_editor_reveal_text (self->editor, offset, length);
}

static void
on_search_close_requested (RapportWindow *self)
{
  rapport_window_set_search_mode (self, FALSE);
}

static void
on_brief_open_meeting (RapportWindow *self,
                       gint64         meeting_id)
{
  rapport_window_select_meeting (self, meeting_id);
}

static void
on_neglect_window_changed (RapportWindow *self)
{
  if (self->brief_view == NULL)
    return;
  rapport_brief_view_set_neglect_window (RAPPORT_BRIEF_VIEW (self->brief_view),
                                         g_settings_get_int (self->settings, "neglect-window"));
}

void
rapport_window_habits_changed (RapportWindow *self)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (self->editor != NULL)
    rapport_meeting_editor_reload_checklist (self->editor);
  if (self->brief_view != NULL)
    rapport_brief_view_refresh (RAPPORT_BRIEF_VIEW (self->brief_view));
}

/* People list */

static gboolean
person_visible (gpointer item,
                gpointer user_data)
{
  RapportWindow *self = user_data;
  return self->show_archived || !rapport_person_get_archived (item);
}

/* People list order */

/* Who needs attention and why, for every person: read again whenever
 * the badges may change, for the order and the rows' reasons. */
static void
load_attention (RapportWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = rapport_store_today ();
  g_autoptr(GListModel) all = NULL;
  RapportThisWeek *this_week = NULL;
  gint64           start = g_get_monotonic_time ();
  guint            n;

  /* At start-up This Week has just read the same, for the same day:
   * taken from it instead of read twice. */
  if (self->attention_from_this_week && self->this_week_view != NULL)
    this_week = rapport_this_week_view_get_this_week (RAPPORT_THIS_WEEK_VIEW (self->this_week_view));
  if (this_week != NULL && g_strcmp0 (rapport_this_week_get_today (this_week), today) == 0)
    all = g_object_ref (rapport_this_week_get_attention (this_week));
  else
    all = G_LIST_MODEL (rapport_attention_load_all (self->store, today, &error));
  g_debug ("Who needs attention read in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_hash_table_remove_all (self->attention);
  if (all == NULL)
    {
      g_warning ("Could not read who needs attention: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      RapportAttention *attention = g_list_model_get_item (all, i);
      gint64           *id = g_new (gint64, 1);

      *id = rapport_attention_get_person_id (attention);
      g_hash_table_insert (self->attention, id, attention);
    }
}

static RapportAttention *
attention_of (RapportWindow *self,
              RapportPerson *person)
{
  gint64 id = rapport_person_get_id (person);

  return g_hash_table_lookup (self->attention, &id);
}

static int
compare_attention (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  RapportWindow    *self = user_data;
  RapportAttention *x = attention_of (self, RAPPORT_PERSON ((gpointer) a));
  RapportAttention *y = attention_of (self, RAPPORT_PERSON ((gpointer) b));

  if (x != NULL && y != NULL)
    return rapport_attention_compare (x, y, NULL);
  /* Someone added since the last read: after those already scored. */
  return (x == NULL) - (y == NULL);
}

/* After the rows moved: the person on show keeps their row selected
 * (it may be a new row), without leaving the page the user is on. */
static void
reselect_person (RapportWindow *self)
{
  GtkListBoxRow *row;
  gboolean       reloading = self->reloading;

  if (self->person == NULL)
    return;
  row = gtk_list_box_get_selected_row (self->people_list);
  if (row != NULL &&
      rapport_person_get_id (rapport_person_row_get_person (RAPPORT_PERSON_ROW (row))) ==
        rapport_person_get_id (self->person))
    return;
  self->reloading = TRUE;
  rapport_window_select_person (self, rapport_person_get_id (self->person));
  self->reloading = reloading;
}

/* The order chosen in the menu (the "people-order" setting): "auto" is
 * by attention once there are five active people or more. */
static void
update_people_order_of (RapportWindow *self,
                        GListModel    *people)
{
  g_autofree char *order = g_settings_get_string (self->settings, "people-order");
  gboolean         by_attention;

  if (g_str_equal (order, "auto"))
    {
      guint n = g_list_model_get_n_items (people);
      guint active = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RapportPerson) person = g_list_model_get_item (people, i);

          if (!rapport_person_get_archived (person))
            active++;
        }
      by_attention = active >= 5;
    }
  else
    by_attention = g_str_equal (order, "attention");

  if (self->by_attention == by_attention)
    return;
  self->by_attention = by_attention;
  gtk_sort_list_model_set_sorter (self->sorted_people,
                                  by_attention ? GTK_SORTER (self->attention_sorter) : NULL);
  reselect_person (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEOPLE_ORDER]);
}

static void
update_people_order (RapportWindow *self)
{
  update_people_order_of (self, G_LIST_MODEL (self->people));
}

/* A meeting was added or its date changed, a point or a skip written:
 * the badges, the reasons and the attention order may change. */
static void
refresh_due_badges (RapportWindow *self)
{
  load_attention (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->people_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (RAPPORT_IS_PERSON_ROW (row))
      {
        RapportPersonRow *person_row = RAPPORT_PERSON_ROW (row);

        rapport_person_row_set_attention (person_row,
                                          attention_of (self, rapport_person_row_get_person (person_row)));
        rapport_person_row_refresh (person_row);
      }
  if (self->by_attention)
    {
      /* Only the rows whose place changed are made again. */
      gtk_sorter_changed (GTK_SORTER (self->attention_sorter), GTK_SORTER_CHANGE_DIFFERENT);
      reselect_person (self);
    }
}

/* Start-up: how many rows of the people list the first frame can show
 * (in their order, each at least as tall as its lines make it). */
static guint
people_rows_that_fit (RapportWindow *self)
{
  GListModel *people = G_LIST_MODEL (self->sorted_people);
  guint       n = g_list_model_get_n_items (people);
  int         left = self->first_frame_height - ABOVE_PEOPLE_PX;
  guint       i;

  for (i = 0; i < n && left > 0; i++)
    {
      g_autoptr(RapportPerson) person = g_list_model_get_item (people, i);
      RapportAttention *attention = attention_of (self, person);
      const char       *role = rapport_person_get_role (person);
      int               lines = 1;

      if (role != NULL && *role != '\0')
        lines++;
      /* The reason shows on a line of its own (see RapportPersonRow). */
      if (attention != NULL && !rapport_person_get_archived (person) &&
          rapport_attention_get_reason (attention) != RAPPORT_ATTENTION_NOTHING &&
          rapport_attention_get_reason (attention) != RAPPORT_ATTENTION_DUE &&
          rapport_attention_get_reason_text (attention) != NULL &&
          *rapport_attention_get_reason_text (attention) != '\0')
        lines++;
      left -= PERSON_ROW_MIN_PX + (lines - 1) * PERSON_LINE_MIN_PX;
    }
  return i;
}

/* The rows below the first frame: made once the list was first drawn,
 * or as soon as something looks for one of them. */
static void
complete_people_rows (RapportWindow *self)
{
  g_clear_handle_id (&self->people_rows_source, g_source_remove);
  if (!self->people_rows_pending)
    return;
  self->people_rows_pending = FALSE;
  gtk_slice_list_model_set_size (self->people_slice, G_MAXUINT);
}

static gboolean
complete_people_rows_idle (gpointer data)
{
  RapportWindow *self = data;

  self->people_rows_source = 0;
  complete_people_rows (self);
  return G_SOURCE_REMOVE;
}

/* The first frame's update: the rest waits until it is drawn (an idle
 * runs after the frame's layout and paint). */
static gboolean
on_people_first_tick (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  RapportWindow *self = data;

  if (self->people_rows_pending && self->people_rows_source == 0)
    self->people_rows_source = g_idle_add (complete_people_rows_idle, self);
  return G_SOURCE_REMOVE;
}

static void
on_people_list_map (RapportWindow *self)
{
  g_signal_handlers_disconnect_by_func (self->people_list, on_people_list_map, self);
  if (self->people_rows_pending)
    gtk_widget_add_tick_callback (GTK_WIDGET (self->people_list), on_people_first_tick, self, NULL);
}

/* How tall the window's first frame can be: its height, or the tallest
 * screen's when it opens maximized. */
static int
estimate_first_frame_height (RapportWindow *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (g_settings_get_boolean (self->settings, "window-maximized") || height <= 0)
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
      guint       n = g_list_model_get_n_items (monitors);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          height = MAX (height, geometry.height);
        }
    }
  return height;
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  RapportWindow *self = user_data;
  GtkWidget     *row = rapport_person_row_new (self->store, NULL);

  /* The attention first: the row reads its badge once, with the person. */
  rapport_person_row_set_attention (RAPPORT_PERSON_ROW (row), attention_of (self, item));
  rapport_person_row_set_person (RAPPORT_PERSON_ROW (row), item);
  return row;
}

static void
update_sidebar_page (RapportWindow *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->visible_people)) > 0;

  gtk_stack_set_visible_child_name (self->sidebar_stack, any ? "people" : "empty");
  /* The welcome page only while there is nobody: hidden, it is neither
   * styled nor measured before the first frame. */
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->content_stack, "welcome"),
                          g_list_model_get_n_items (G_LIST_MODEL (self->people)) == 0);
  if (self->person == NULL && !self->search_mode && !self->history_mode)
    gtk_stack_set_visible_child_name (self->content_stack, main_page (self));
  {
    AdwStatusPage *welcome = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->content_stack, "welcome"));
    gboolean       first_run = g_list_model_get_n_items (G_LIST_MODEL (self->people)) == 0;

    gtk_widget_set_visible (adw_status_page_get_child (welcome), first_run);
    if (first_run)
      {
        adw_status_page_set_title (welcome, _("Welcome to Rapport"));
        adw_status_page_set_description (welcome,
                                         _("Add the people you hold one-on-ones with. Rapport keeps your notes, what you "
                                            "promised each other and the habits that build trust — all on this computer."));
      }
    else
      {
        adw_status_page_set_title (welcome, _("Select a Person"));
        adw_status_page_set_description (welcome,
                                         _("Pick someone in the list to see what to follow up before your next 1:1."));
      }
  }
  rapport_window_update_actions (self);
}

static void complete_people_rows (RapportWindow *self);

static GtkListBoxRow *
find_person_row (RapportWindow *self,
                 gint64         person_id)
{
  complete_people_rows (self);
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->people_list, i);
      RapportPerson *person;

      if (row == NULL)
        return NULL;
      person = rapport_person_row_get_person (RAPPORT_PERSON_ROW (row));
      if (rapport_person_get_id (person) == person_id)
        return row;
    }
}

void
rapport_window_select_person (RapportWindow *self,
                              gint64         person_id)
{
  GtkListBoxRow *row;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  row = find_person_row (self, person_id);
  if (row != NULL)
    gtk_list_box_select_row (self->people_list, row);
}

void
rapport_window_reload_people (RapportWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) people = rapport_person_load_all (self->store, &error);
  gint64 selected = self->person ? rapport_person_get_id (self->person) : 0;
  guint  n_old, n_new;

  if (people == NULL)
    {
      rapport_window_show_error (self, _("Could Not Read People"), error->message);
      return;
    }

  /* Read before the rows are made: they show the reasons. */
  load_attention (self);
  /* The selected row goes with the old list, and comes back below. */
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  n_new = g_list_model_get_n_items (G_LIST_MODEL (people));
  /* The first read (start-up): the order chosen before the rows are
   * made, or they are all made a second time when it changes. */
  if (n_old == 0)
    update_people_order_of (self, G_LIST_MODEL (people));
  /* Start-up: no row is made until it is known which ones fit. */
  if (self->people_rows_pending)
    gtk_slice_list_model_set_size (self->people_slice, 0);
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
    for (guint i = 0; i < n_new; i++)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (people), i));
    g_list_store_splice (self->people, 0, n_old, items->pdata, items->len);
  }
  if (self->people_rows_pending)
    gtk_slice_list_model_set_size (self->people_slice, people_rows_that_fit (self));

  update_people_order (self);
  update_sidebar_page (self);
  if (selected != 0 && find_person_row (self, selected) != NULL)
    rapport_window_select_person (self, selected);
  else if (selected != 0)
    rapport_window_show_person (self, NULL);
}

/* Meetings of the selected person */

static void
setup_meeting_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  gtk_list_item_set_child (item, rapport_meeting_row_new ());
}

static void
bind_meeting_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  rapport_meeting_row_set_meeting (RAPPORT_MEETING_ROW (gtk_list_item_get_child (item)),
                                   gtk_list_item_get_item (item));
}

static void
unbind_meeting_item (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  rapport_meeting_row_set_meeting (RAPPORT_MEETING_ROW (gtk_list_item_get_child (item)), NULL);
}

/* At least @n of the person's meetings in the list (or all there are). */
static void
show_meetings_up_to (RapportWindow *self,
                     guint          n)
{
  if (self->meetings == NULL)
    return;
  rapport_meeting_list_show_more (self->meetings, n);
  if (gtk_slice_list_model_get_size (self->meetings_slice) < n)
    gtk_slice_list_model_set_size (self->meetings_slice, n);
}

static void on_meetings_frame_painted (GdkFrameClock *clock,
                                       RapportWindow *self);

static void
stop_filling_meetings (RapportWindow *self)
{
  self->meetings_fill_pending = FALSE;
  if (self->meetings_fill_clock != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->meetings_fill_clock, on_meetings_frame_painted, self);
      g_clear_object (&self->meetings_fill_clock);
    }
}

/* After each frame that showed the list: more rows while it is not
 * taller than its column and more meetings are there, else done. */
static void
on_meetings_frame_painted (GdkFrameClock *clock,
                           RapportWindow *self)
{
  GtkAdjustment *adjustment;
  guint          shown;

  if (self->meetings == NULL)
    {
      stop_filling_meetings (self);
      return;
    }
  /* Hidden (History, search): "map" starts again when it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->meetings_view)))
    {
      g_signal_handlers_disconnect_by_func (self->meetings_fill_clock, on_meetings_frame_painted, self);
      g_clear_object (&self->meetings_fill_clock);
      return;
    }
  /* The frame under way when the rows changed may have been laid out
   * before: the next one shows them, so ask for it (nothing else may). */
  if (gdk_frame_clock_get_frame_counter (clock) <= self->meetings_fill_frame)
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
      return;
    }
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->meetings_view));
  shown = gtk_slice_list_model_get_size (self->meetings_slice);
  if (shown < rapport_meeting_list_get_n_meetings (self->meetings) &&
      gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment))
    {
      show_meetings_up_to (self, shown + MEETING_ROWS_FILL);
      self->meetings_fill_frame = gdk_frame_clock_get_frame_counter (clock);
    }
  else
    stop_filling_meetings (self);
}

/* Until the list can scroll, after each frame (from the next one: the
 * rows just given are measured in it). */
static void
fill_meetings (RapportWindow *self)
{
  GdkFrameClock *clock;

  self->meetings_fill_pending = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->meetings_view)))
    return;
  if (self->meetings_fill_clock == NULL)
    {
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->meetings_view));
      if (clock == NULL)
        return;
      self->meetings_fill_clock = g_object_ref (clock);
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_meetings_frame_painted), self);
    }
  self->meetings_fill_frame = gdk_frame_clock_get_frame_counter (self->meetings_fill_clock);
  /* A frame to look after, should nothing else ask for one. */
  gdk_frame_clock_request_phase (self->meetings_fill_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
on_meetings_view_map (RapportWindow *self)
{
  if (self->meetings_fill_pending)
    fill_meetings (self);
}

/* The column grew (a taller or maximized window) past the rows there
 * are: more, after the frame. */
static void
on_meetings_adjustment_changed (RapportWindow *self,
                                GtkAdjustment *adjustment)
{
  if (self->meetings == NULL || self->meetings_fill_clock != NULL ||
      gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) ||
      gtk_slice_list_model_get_size (self->meetings_slice) >= rapport_meeting_list_get_n_meetings (self->meetings))
    return;
  fill_meetings (self);
}

static void
on_meetings_edge_reached (RapportWindow  *self,
                          GtkPositionType position)
{
  if (position != GTK_POS_BOTTOM || self->meetings == NULL)
    return;
  show_meetings_up_to (self, gtk_slice_list_model_get_size (self->meetings_slice) + RAPPORT_MEETING_LIST_PAGE);
}

static void
on_meeting_selected (RapportWindow *self)
{
  RapportMeeting *meeting = gtk_single_selection_get_selected_item (self->meeting_selection);

  if (meeting == NULL)
    return;

  gtk_list_box_unselect_all (self->brief_list);

  rapport_meeting_editor_set_meeting (self->editor, meeting);
  gtk_stack_set_visible_child_name (self->person_stack, "meeting");
  if (rapport_overlay_split_get_collapsed (self->meetings_split))
    rapport_overlay_split_set_show_sidebar (self->meetings_split, FALSE);
  rapport_window_update_actions (self);
}

static void
show_brief_page (RapportWindow *self,
                 gboolean       refresh)
{
  /* Nobody was shown yet: there is no brief to show. */
  if (self->editor == NULL)
    return;
  rapport_meeting_editor_flush (self->editor);
  rapport_meeting_editor_set_meeting (self->editor, NULL);

  gtk_single_selection_set_selected (self->meeting_selection, GTK_INVALID_LIST_POSITION);
  /* Shown already: selecting the row must not show it again. */
  g_signal_group_block (self->brief_list_signals);
  gtk_list_box_select_row (self->brief_list, self->brief_row);
  g_signal_group_unblock (self->brief_list_signals);

  gtk_stack_set_visible_child_name (self->person_stack, "brief");
  if (refresh && self->brief_view != NULL)
    rapport_brief_view_refresh (RAPPORT_BRIEF_VIEW (self->brief_view));
  rapport_window_update_actions (self);
}

void
rapport_window_show_brief (RapportWindow *self)
{
  show_brief_page (self, TRUE);
}

static void
on_brief_row_selected (RapportWindow *self,
                       GtkListBoxRow *row)
{
  if (row != NULL)
    rapport_window_show_brief (self);
}

void
rapport_window_reload_meetings (RapportWindow *self)
{
  g_autoptr(GError) error = NULL;
  RapportMeeting *current = meeting_on_show (self);
  gint64          current_id = current ? rapport_meeting_get_id (current) : 0;
  guint           position;

  if (self->meetings == NULL)
    return;

  /* The same meeting, selected again: nothing for on_meeting_selected(). */
  g_signal_group_block (self->selection_signals);
  if (!rapport_meeting_list_reload (self->meetings, &error))
    rapport_window_show_error (self, _("Could Not Read Meetings"), error->message);
  position = current_id ? rapport_meeting_list_find (self->meetings, current_id) : G_MAXUINT;
  if (position != G_MAXUINT)
    show_meetings_up_to (self, position + 1);
  gtk_single_selection_set_selected (self->meeting_selection,
                                     position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
  g_signal_group_unblock (self->selection_signals);

  gtk_stack_set_visible_child_name (self->meetings_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) > 0
                                      ? "list"
                                      : "empty");
  refresh_due_badges (self);
  if (current_id != 0 && position == G_MAXUINT)
    {
      /* Deleted elsewhere while the user was typing in it: it stays on
       * show, the banner saying that it cannot be saved, so that the text
       * can be copied; leaving it would drop it. */
      if (rapport_meeting_editor_get_save_state (self->editor) != RAPPORT_SAVE_STATE_SAVED)
        rapport_window_flush (self);
      else
        rapport_window_show_brief (self);
    }
}

void
rapport_window_select_meeting (RapportWindow *self,
                               gint64         meeting_id)
{
  guint position;

  if (self->meetings == NULL)
    return;
  position = rapport_meeting_list_find (self->meetings, meeting_id);
  if (position == G_MAXUINT)
    return;
  show_meetings_up_to (self, position + 1);
  gtk_single_selection_set_selected (self->meeting_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->meetings_view), "list.scroll-to-item", "u", position);
}

void
rapport_window_open_meeting (RapportWindow *self,
                             gint64         person_id,
                             gint64         meeting_id)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (self->person == NULL || rapport_person_get_id (self->person) != person_id)
    {
      GtkListBoxRow *row = find_person_row (self, person_id);

      if (row == NULL && !self->show_archived)
        {
          /* The meeting belongs to an archived person: show them. */
          rapport_window_set_show_archived (self, TRUE);
          row = find_person_row (self, person_id);
        }
      if (row == NULL)
        return;
      gtk_list_box_select_row (self->people_list, row);
    }
  rapport_window_select_meeting (self, meeting_id);
}

static void
update_title (RapportWindow *self)
{
  if (self->search_mode)
    return;
  if (self->history_mode && self->history_view != NULL)
    {
      RapportHistoryView *history = RAPPORT_HISTORY_VIEW (self->history_view);
      const char         *title = rapport_history_view_get_title (history);
      const char         *subtitle = rapport_history_view_get_subtitle (history);

      /* The view's own words: the person's name, or "Team" when the team
       * is shown (from the menu or the view's toggle), never the name of
       * the person selected over the team's numbers. */
      if (title == NULL || *title == '\0')
        title = self->person != NULL && rapport_history_view_get_person (history) != 0
                  ? rapport_person_get_name (self->person)
                  : _("Team History");
      adw_window_title_set_title (self->content_title, title);
      adw_window_title_set_subtitle (self->content_title,
                                     subtitle != NULL && *subtitle != '\0' ? subtitle : _("History"));
      gtk_window_set_title (GTK_WINDOW (self), title);
      return;
    }
  if (self->person == NULL)
    {
      gboolean home = g_strcmp0 (main_page (self), "this-week") == 0;

      /* This Week has its own heading: the header stays quiet. */
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
      g_object_set (self->split, "content-title", home ? _("This Week") : _("Rapport"), NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Rapport"));
      return;
    }
  adw_window_title_set_title (self->content_title, rapport_person_get_name (self->person));
  adw_window_title_set_subtitle (self->content_title,
                                 self->history_mode ? _("History") : rapport_person_get_role (self->person));
  gtk_window_set_title (GTK_WINDOW (self), rapport_person_get_name (self->person));
}

/* The window follows the person on show through its groups: their title
 * and the page's name follow any change to them. */
static void
set_person (RapportWindow *self,
            RapportPerson *person)
{
  if (!g_set_object (&self->person, person))
    return;
  g_signal_group_set_target (self->person_signals, person);
  g_binding_group_set_source (self->person_bindings, person);
}

void
rapport_window_show_person (RapportWindow *self,
                            RapportPerson *person)
{
  g_autoptr(GError) error = NULL;

  if (person != NULL)
    ensure_person_page (self);
  /* The person first: leaving the meeting may discard an empty one,
   * which reads the lists again and must keep this person selected. */
  set_person (self, person);
  if (self->editor != NULL)
    {
      rapport_meeting_editor_flush (self->editor);
      rapport_meeting_editor_set_meeting (self->editor, NULL);
    }
  g_clear_object (&self->meetings);

  if (person != NULL)
    {
      self->meetings = rapport_meeting_list_new (self->store, rapport_person_get_id (person), &error);
      if (self->meetings == NULL)
        rapport_window_show_error (self, _("Could Not Read Meetings"), error->message);
      g_settings_set_string (self->settings, "last-person", rapport_person_get_uuid (person));
    }

  /* No meeting selected: on_meeting_selected() has nothing to show.
   * The first rows only; fill_meetings() adds more if they leave room. */
  gtk_slice_list_model_set_size (self->meetings_slice, MEETING_ROWS_FIRST);
  gtk_slice_list_model_set_model (self->meetings_slice, G_LIST_MODEL (self->meetings));
  gtk_single_selection_set_selected (self->meeting_selection, GTK_INVALID_LIST_POSITION);
  if (self->meetings != NULL)
    fill_meetings (self);
  else
    stop_filling_meetings (self);

  update_title (self);
  if (self->brief_view != NULL)
    rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (self->brief_view), person);
  if (person != NULL)
    {
      /* The person's page under History too, so that closing History
       * shows their brief, never the last person's meeting. */
      gtk_stack_set_visible_child_name (self->meetings_stack,
                                        self->meetings && g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) > 0
                                          ? "list"
                                          : "empty");
      /* set_person above has just loaded the brief. */
      show_brief_page (self, FALSE);
    }
  if (person != NULL && self->history_mode)
    {
      show_history (self, rapport_person_get_id (person));
      update_title (self);
    }
  else if (person != NULL)
    {
      if (self->search_mode)
        {
          self->search_mode = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
        }
      gtk_stack_set_visible_child_name (self->content_stack, "person");
    }
  else
    {
      /* Nobody selected: This Week, its row selected in the sidebar. */
      gtk_list_box_unselect_all (self->people_list);
      if (gtk_list_box_get_selected_row (self->home_list) != self->home_row)
        gtk_list_box_select_row (self->home_list, self->home_row);
      else
        {
          reload_this_week (self);
          if (!self->search_mode && !self->history_mode)
            gtk_stack_set_visible_child_name (self->content_stack, main_page (self));
        }
    }

  rapport_window_update_actions (self);
}

static void
on_person_row_selected (RapportWindow *self,
                        GtkListBoxRow *row)
{
  RapportPerson *person;

  if (row == NULL)
    return;
  gtk_list_box_unselect_all (self->home_list);
  person = rapport_person_row_get_person (RAPPORT_PERSON_ROW (row));
  if (self->person != NULL && person != self->person &&
      rapport_person_get_id (person) == rapport_person_get_id (self->person))
    {
      /* The same person, re-read (after an edit): keep what is open. */
      set_person (self, person);
      update_title (self);
      rapport_window_update_actions (self);
    }
  else if (person != self->person)
    rapport_window_show_person (self, person);
  /* Re-selected by a reload (another program wrote): stay where the user is. */
  if (!self->reloading)
    rapport_navigation_split_set_show_content (self->split, TRUE);
}

/* "This Week" in the sidebar: back home, nobody selected. */
static void
on_home_row_selected (RapportWindow *self,
                      GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  if (self->search_mode)
    rapport_window_set_search_mode (self, FALSE);
  if (self->history_mode)
    rapport_window_set_history_mode (self, FALSE);
  if (self->person != NULL)
    rapport_window_show_person (self, NULL);
  else
    {
      /* Read when made, and by rapport_window_reload() after this. */
      if (!self->reloading)
        reload_this_week (self);
      gtk_stack_set_visible_child_name (self->content_stack, main_page (self));
      update_title (self);
      rapport_window_update_actions (self);
    }
  if (!self->reloading)
    rapport_navigation_split_set_show_content (self->split, TRUE);
}

void
rapport_window_show_this_week (RapportWindow *self)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (gtk_list_box_get_selected_row (self->home_list) == self->home_row)
    on_home_row_selected (self, self->home_row);
  else
    gtk_list_box_select_row (self->home_list, self->home_row);
}

static void
on_this_week_open_person (RapportWindow *self,
                          gint64         person_id)
{
  rapport_window_select_person (self, person_id);
  rapport_navigation_split_set_show_content (self->split, TRUE);
}

static void
on_this_week_open_meeting (RapportWindow *self,
                           gint64         person_id,
                           gint64         meeting_id)
{
  rapport_window_open_meeting (self, person_id, meeting_id);
  rapport_navigation_split_set_show_content (self->split, TRUE);
}

/* A talking point, a tick or a skip: the badges and This Week follow. */
static void
on_between_meetings_changed (RapportWindow *self)
{
  refresh_due_badges (self);
  reload_this_week (self);
}

void
rapport_window_between_meetings_changed (RapportWindow *self)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  on_between_meetings_changed (self);
}

static void
on_person_row_activated (RapportWindow *self,
                         GtkListBoxRow *row)
{
  rapport_navigation_split_set_show_content (self->split, TRUE);
}

static void
on_back_clicked (RapportWindow *self)
{
  rapport_navigation_split_set_show_content (self->split, FALSE);
}

static void
on_split_collapsed (RapportWindow *self)
{
  /* Narrow: the person's actions move to the bar at the bottom. */
  rapport_window_update_actions (self);
  /* Folded: the person on show, or This Week (the home page), stays. */
  if (rapport_navigation_split_get_collapsed (self->split))
    rapport_navigation_split_set_show_content (self->split,
                                               self->person != NULL || self->search_mode ||
                                                 self->history_mode ||
                                                 g_strcmp0 (main_page (self), "this-week") == 0);
}

static gboolean
on_banner_timeout (gpointer data)
{
  RapportWindow *self = data;

  self->banner_source = 0;
  if (self->editor == NULL || rapport_meeting_editor_get_save_state (self->editor) != RAPPORT_SAVE_STATE_FAILED)
    gtk_revealer_set_reveal_child (self->save_banner, FALSE);
  return G_SOURCE_REMOVE;
}

/* Says why something was not saved, in the window: no dialog, nothing
 * takes the focus from where the user types, and every key stays there. */
static void
show_save_banner (RapportWindow *self,
                  const char    *message)
{
  const GError    *error = self->editor != NULL ? rapport_meeting_editor_get_save_error (self->editor) : NULL;
  g_autofree char *text = NULL;

  if (g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND))
    text = g_strdup (_("This meeting was deleted in another window or program, so what was "
                        "typed in it cannot be saved there. Copy the text somewhere (a new "
                        "meeting, for instance) before you leave it."));
  else if (g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY))
    text = g_strdup (_("Another program is using the journal, so the latest notes are not "
                        "saved yet. They are kept here, and Rapport saves them as soon as it can."));
  else if (error != NULL)
    /* Translators: %s is the database's own words for what went wrong. */
    text = g_strdup_printf (_("The latest notes could not be saved. They are kept here, and "
                               "Rapport keeps trying. %s"),
                            error->message);
  else
    /* Translators: a tick or a commitment could not be written; %s says why. */
    text = g_strdup_printf (_("A change could not be saved. %s"), message);

  gtk_label_set_label (self->save_banner_label, text);
  gtk_revealer_set_reveal_child (self->save_banner, TRUE);
  g_clear_handle_id (&self->banner_source, g_source_remove);
  if (error == NULL)
    self->banner_source = g_timeout_add (BANNER_MS, on_banner_timeout, self);
}

static void
on_editor_save_failed (RapportWindow *self,
                       const char    *message)
{
  g_message ("Saving failed: %s", message);
  /* A last flush while the window is torn down. */
  if (self->save_banner == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  show_save_banner (self, message);
}

static void
on_save_banner_retry (RapportWindow *self)
{
  if (rapport_window_flush (self))
    gtk_revealer_set_reveal_child (self->save_banner, FALSE);
}

static void
on_editor_conflict (RapportWindow *self,
                    const char    *message)
{
  AdwToast *toast;

  if (self->toast_overlay == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_save_state_changed (RapportWindow *self)
{
  switch (rapport_meeting_editor_get_save_state (self->editor))
    {
    case RAPPORT_SAVE_STATE_SAVED:
      gtk_label_set_label (self->save_label,
                           rapport_meeting_editor_get_meeting (self->editor) ? _("Saved") : "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->narrow_save_label), "error");
      if (self->banner_source == 0)
        gtk_revealer_set_reveal_child (self->save_banner, FALSE);
      break;
    case RAPPORT_SAVE_STATE_PENDING:
      gtk_label_set_label (self->save_label, _("Saving…"));
      break;
    case RAPPORT_SAVE_STATE_FAILED:
      gtk_label_set_label (self->save_label, _("Not saved"));
      gtk_widget_add_css_class (GTK_WIDGET (self->save_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->narrow_save_label), "error");
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
rapport_window_flush (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), FALSE);
  /* No editor yet: nothing was typed. */
  return self->editor == NULL || rapport_meeting_editor_flush (self->editor);
}

static void
on_unsaved_close_response (GtkWidget     *alert,
                           const char    *response,
                           RapportWindow *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  if (self->editor != NULL)
    rapport_meeting_editor_forget_unsaved (self->editor);
  self->closing_anyway = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
rapport_window_close_request (GtkWindow *window)
{
  RapportWindow *self = RAPPORT_WINDOW (window);
  int            width, height;

  if (self->jobs->len > 0)
    {
      rapport_window_add_toast (self, _("Wait until the import or restore has finished, or cancel it"));
      return TRUE;
    }

  if (!rapport_window_flush (self) && !self->closing_anyway)
    {
      GtkWidget *alert;

      /* Never close over notes that are not on disk without asking. */
      alert = rapport_alert_new (_("Some Notes Are Not Saved"),
                                 _("Rapport could not write the latest notes to the database "
                                    "and keeps trying. If you close now, what was typed since "
                                    "the last save is lost. You can also copy the text "
                                    "somewhere safe first."));
      rapport_alert_add_responses (alert,
                                   "keep", _("_Keep Rapport Open"),
                                   "discard", _("_Close Without Saving"),
                                   NULL);
      rapport_alert_set_response_appearance (alert, "discard", ADW_RESPONSE_DESTRUCTIVE);
      rapport_alert_set_default_response (alert, "keep");
      rapport_alert_set_close_response (alert, "keep");
      g_signal_connect_object (alert, "response", G_CALLBACK (on_unsaved_close_response), self, 0);
      rapport_alert_present (alert, GTK_WIDGET (self));
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (rapport_window_parent_class)->close_request (window);
}

static gboolean on_poll (gpointer data);

/* Back from another program (a terminal with the CLI, perhaps): look now. */
static void
on_active_changed (RapportWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    rapport_window_check_for_changes (self);
}

static void
rapport_window_constructed (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  G_OBJECT_CLASS (rapport_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  rapport_store_set_busy_timeout (self->store, BUSY_TIMEOUT_MS);
  self->data_version = rapport_store_get_data_version (self->store);
  /* The person's page is made when first needed: ensure_person_page(). */

  /* Start-up makes only the rows the first frame can show; those below
   * it follow once it is drawn. */
  self->first_frame_height = estimate_first_frame_height (self);
  self->people_rows_pending = self->first_frame_height > 0;
  g_signal_connect_object (self->people_list, "map", G_CALLBACK (on_people_list_map), self, G_CONNECT_SWAPPED);
  self->this_week_view = g_object_new (RAPPORT_TYPE_THIS_WEEK_VIEW,
                                       "store", self->store,
                                       "first-frame-height", MAX (self->first_frame_height - HEADER_BAR_MIN_PX, 0),
                                       NULL);
  gtk_stack_add_named (self->content_stack, self->this_week_view, "this-week");
  g_signal_connect_object (self->this_week_view, "open-person",
                           G_CALLBACK (on_this_week_open_person), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->this_week_view, "open-meeting",
                           G_CALLBACK (on_this_week_open_meeting), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->this_week_view, "changed",
                           G_CALLBACK (refresh_due_badges), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->this_week_view, "save-failed",
                           G_CALLBACK (on_editor_save_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::neglect-window",
                           G_CALLBACK (on_neglect_window_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::people-order",
                           G_CALLBACK (update_people_order), self, G_CONNECT_SWAPPED);

  self->attention_from_this_week = TRUE;
  rapport_window_reload_people (self);
  self->attention_from_this_week = FALSE;
  /* Start-up opens on This Week (just read), not on the last person. */
  self->reloading = TRUE;
  gtk_list_box_select_row (self->home_list, self->home_row);
  self->reloading = FALSE;
  update_title (self);
  rapport_window_update_actions (self);

  self->poll_source = g_timeout_add (POLL_MS, on_poll, self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed), NULL);
}

static void
rapport_window_dispose (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->banner_source, g_source_remove);
  g_clear_handle_id (&self->people_rows_source, g_source_remove);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  g_clear_object (&self->primary_menu);
  g_clear_object (&self->person_menu);
  stop_filling_meetings (self);
  set_person (self, NULL);
  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  if (self->brief_list_signals != NULL)
    g_signal_group_set_target (self->brief_list_signals, NULL);
  /* The editor goes with the widget tree, flushing on its way: nothing
   * of the window is to follow it then. */
  if (self->editor != NULL)
    disconnect_editor (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_WINDOW);
  self->editor = NULL;
  self->meetings_split = NULL;
  self->brief_list = NULL;
  self->brief_row = NULL;
  self->meetings_stack = NULL;
  self->meetings_view = NULL;
  self->person_stack = NULL;
  self->brief_slot = NULL;
  g_clear_object (&self->person_signals);
  g_clear_object (&self->person_bindings);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->brief_list_signals);
  g_clear_object (&self->person);
  g_clear_object (&self->meetings);
  g_clear_object (&self->meeting_selection);
  g_clear_object (&self->meetings_slice);
  g_clear_object (&self->people_slice);
  g_clear_object (&self->sorted_people);
  g_clear_object (&self->attention_sorter);
  g_clear_pointer (&self->attention, g_hash_table_unref);
  g_clear_object (&self->visible_people);
  g_clear_object (&self->people);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_window_parent_class)->dispose (object);
}

static void
rapport_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_SHOW_ARCHIVED: g_value_set_boolean (value, self->show_archived); break;
    case PROP_SEARCH_MODE: g_value_set_boolean (value, self->search_mode); break;
    case PROP_HISTORY_MODE: g_value_set_boolean (value, self->history_mode); break;
    case PROP_PEOPLE_ORDER: g_value_set_string (value, self->by_attention ? "attention" : "name"); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_SHOW_ARCHIVED: rapport_window_set_show_archived (self, g_value_get_boolean (value)); break;
    case PROP_SEARCH_MODE: rapport_window_set_search_mode (self, g_value_get_boolean (value)); break;
    case PROP_HISTORY_MODE: rapport_window_set_history_mode (self, g_value_get_boolean (value)); break;
    case PROP_PEOPLE_ORDER:
      /* Chosen in the menu: written down, and followed from the setting. */
      if (g_strcmp0 (g_value_get_string (value), "attention") == 0 ||
          g_strcmp0 (g_value_get_string (value), "name") == 0)
        g_settings_set_string (self->settings, "people-order", g_value_get_string (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_window_class_init (RapportWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rapport_window_constructed;
  object_class->dispose = rapport_window_dispose;
  object_class->get_property = rapport_window_get_property;
  object_class->set_property = rapport_window_set_property;
  window_class->close_request = rapport_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY_MODE] =
    g_param_spec_boolean ("history-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "attention" or "name": the order in effect (win.people-order). */
  properties[PROP_PEOPLE_ORDER] =
    g_param_spec_string ("people-order", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_MEETING_EDITOR);
  g_type_ensure (RAPPORT_TYPE_NAVIGATION_SPLIT);
  g_type_ensure (RAPPORT_TYPE_OVERLAY_SPLIT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, split);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, people_list);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, home_list);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, home_row);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, new_meeting_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, person_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, person_menu);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, history_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, save_label);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, save_banner);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, save_banner_label);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, meetings_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, narrow_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, narrow_meetings_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, narrow_new_meeting_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, narrow_history_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, narrow_save_label);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, data_section);
  gtk_widget_class_bind_template_callback (widget_class, on_person_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_home_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_person_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_split_collapsed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_banner_retry);

  rapport_window_install_actions (widget_class);
}

/* A 1:1 started here and left with nothing in it is gone again. */
static void
on_editor_meeting_discarded (RapportWindow *self)
{
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  rapport_window_reload_meetings (self);
  if (self->person != NULL && self->brief_view != NULL)
    rapport_brief_view_refresh (RAPPORT_BRIEF_VIEW (self->brief_view));
  reload_this_week (self);
  rapport_window_add_toast (self, _("Empty 1:1 discarded"));
}

/* The window follows the editor's saving, its meeting and what it
 * changes elsewhere (ensure_person_page()). */
static void
connect_editor (RapportWindow *self)
{
  g_signal_connect_swapped (self->editor, "save-failed",
                            G_CALLBACK (on_editor_save_failed), self);
  g_signal_connect_swapped (self->editor, "notify::save-state",
                            G_CALLBACK (on_save_state_changed), self);
  /* A new date moves the meeting in the list and may change the badges. */
  g_signal_connect_swapped (self->editor, "date-changed",
                            G_CALLBACK (rapport_window_reload_meetings), self);
  g_signal_connect_swapped (self->editor, "notify::meeting",
                            G_CALLBACK (on_save_state_changed), self);
  g_signal_connect_swapped (self->editor, "conflict",
                            G_CALLBACK (on_editor_conflict), self);
  /* Ticked in the meeting: the badges and This Week follow. */
  g_signal_connect_swapped (self->editor, "talking-points-changed",
                            G_CALLBACK (on_between_meetings_changed), self);
  g_signal_connect_swapped (self->editor, "meeting-discarded",
                            G_CALLBACK (on_editor_meeting_discarded), self);
}

static void
disconnect_editor (RapportWindow *self)
{
  const GCallback callbacks[] = {
    G_CALLBACK (on_editor_save_failed),
    G_CALLBACK (on_save_state_changed),
    G_CALLBACK (rapport_window_reload_meetings),
    G_CALLBACK (on_editor_conflict),
    G_CALLBACK (on_between_meetings_changed),
    G_CALLBACK (on_editor_meeting_discarded),
  };

  /* By each callback: GTK's own handlers may have the window as data. */
  for (guint i = 0; i < G_N_ELEMENTS (callbacks); i++)
    g_signal_handlers_disconnect_by_func (self->editor, (gpointer) callbacks[i], self);
}

/* A menu button's popover is made when it is given its menu, with a
 * widget for every item: the window's two menus (12 M instructions
 * before the first frame) wait until they are first opened. */
static void
attach_menu (GtkMenuButton *button,
             gpointer       menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

static void
rapport_window_init (RapportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ours until dispose: no button holds its menu before it first opens. */
  g_object_ref (self->primary_menu);
  g_object_ref (self->person_menu);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->primary_menu_button), attach_menu,
                                         self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->person_menu_button), attach_menu,
                                         self->person_menu, NULL);
  self->jobs = g_ptr_array_new ();
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  self->show_archived = g_settings_get_boolean (self->settings, "show-archived");

  self->people = g_list_store_new (RAPPORT_TYPE_PERSON);
  self->people_filter = gtk_custom_filter_new (person_visible, self, NULL);
  self->visible_people = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->people)),
                                                    GTK_FILTER (self->people_filter));
  self->attention = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->attention_sorter = gtk_custom_sorter_new (compare_attention, self, NULL);
  /* By name (the order they are read in) until update_people_order(). */
  self->sorted_people = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->visible_people)), NULL);
  self->people_slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted_people)), 0, G_MAXUINT);
  gtk_list_box_bind_model (self->people_list, G_LIST_MODEL (self->people_slice),
                           create_person_row, self, NULL);
  g_signal_connect_object (self->visible_people, "items-changed",
                           G_CALLBACK (update_sidebar_page), self, G_CONNECT_SWAPPED);

  self->meetings_slice = gtk_slice_list_model_new (NULL, 0, MEETING_ROWS_FIRST);
  self->meeting_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->meetings_slice)));
  gtk_single_selection_set_autoselect (self->meeting_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->meeting_selection, TRUE);
  self->selection_signals = g_signal_group_new (GTK_TYPE_SINGLE_SELECTION);
  g_signal_group_connect_swapped (self->selection_signals, "notify::selected",
                                  G_CALLBACK (on_meeting_selected), self);
  g_signal_group_set_target (self->selection_signals, self->meeting_selection);
  self->brief_list_signals = g_signal_group_new (GTK_TYPE_LIST_BOX);
  g_signal_group_connect_swapped (self->brief_list_signals, "row-selected",
                                  G_CALLBACK (on_brief_row_selected), self);

  self->person_signals = g_signal_group_new (RAPPORT_TYPE_PERSON);
  g_signal_group_connect_swapped (self->person_signals, "notify", G_CALLBACK (update_title), self);
  self->person_bindings = g_binding_group_new ();
  g_binding_group_bind (self->person_bindings, "name", self->split, "content-title", G_BINDING_SYNC_CREATE);
}

RapportWindow *
rapport_window_new (AdwApplication *application,
                    RapportStore   *store)
{
  return g_object_new (RAPPORT_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

RapportStore *
rapport_window_get_store (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  return self->store;
}

RapportMeetingEditor *
rapport_window_get_editor (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  /* Ready for use, with its store, even before a person was shown. */
  if (self->store != NULL)
    ensure_person_page (self);
  return self->editor;
}

RapportPerson *
rapport_window_get_person (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  return self->person;
}

/* Re-reads, in place, the meetings the list has loaded: a list row or
 * a later visit to a meeting must not show (or save) text that another
 * writer replaced. The meeting on show is the editor's to re-read; one
 * with unsaved changes merges when it is saved. */
static void
refresh_loaded_meetings (RapportWindow *self)
{
  RapportMeeting *current = meeting_on_show (self);
  guint           n;

  if (self->meetings == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (self->meetings), i);
      g_autoptr(GError) error = NULL;

      if (meeting == NULL || meeting == current || rapport_meeting_get_dirty (meeting))
        continue;
      if (!rapport_meeting_refresh (meeting, self->store, NULL, &error))
        g_debug ("Meeting %" G_GINT64_FORMAT " not re-read: %s",
                 rapport_meeting_get_id (meeting), error->message);
    }
}

void
rapport_window_reload (RapportWindow *self)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  /* Read first: a commit while this runs is seen by the next check. */
  self->data_version = rapport_store_get_data_version (self->store);

  /* What was typed first: saved, merged with the row on disk now. */
  if (self->editor != NULL)
    rapport_meeting_editor_reload (self->editor);
  self->reloading = TRUE;
  rapport_window_reload_people (self);
  self->reloading = FALSE;
  rapport_window_reload_meetings (self);
  refresh_loaded_meetings (self);
  if (self->person != NULL && self->brief_view != NULL)
    rapport_brief_view_refresh (RAPPORT_BRIEF_VIEW (self->brief_view));
  reload_this_week (self);
  if (self->history_mode && self->history_view != NULL)
    rapport_history_view_refresh (RAPPORT_HISTORY_VIEW (self->history_view));
  rapport_window_update_actions (self);
}

gboolean
rapport_window_check_for_changes (RapportWindow *self)
{
  gint64 version;

  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), FALSE);

  /* An import or restore of our own reloads when it is finished. */
  if (self->jobs == NULL || self->jobs->len > 0 || self->store == NULL)
    return FALSE;
  version = rapport_store_get_data_version (self->store);
  if (version < 0 || version == self->data_version)
    return FALSE;
  g_debug ("The database changed elsewhere (data_version %" G_GINT64_FORMAT
           " -> %" G_GINT64_FORMAT "): reloading",
           self->data_version, version);
  rapport_window_reload (self);
  return TRUE;
}

static gboolean
on_poll (gpointer data)
{
  rapport_window_check_for_changes (data);
  return G_SOURCE_CONTINUE;
}
