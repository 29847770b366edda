/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's layout at the widths people use: side by side on a wide
 * screen, one page at a time on a narrow one (360 px, a phone), on the
 * widgets of whichever libadwaita the build took. */
#include "config.h"

#include <adwaita.h>

#include "rapport-meeting-editor.h"
#include "rapport-search-panel.h"
#include "rapport-window-layout.h"
#include "rapport-window-private.h"
#include "rapport-window.h"
#include "test-core-util.h"
#include "test-ui-util.h"

#define ADA "a0000000-0000-4000-8000-000000000001"
#define M1 "c0000000-0000-4000-8000-000000000001"

typedef struct
{
  char          *dir;
  char          *path;
  RapportStore  *store;
  RapportWindow *window;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  int width = GPOINTER_TO_INT (data);

  /* GNOME's title buttons: a close button only. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  test_core_exec (f->store,
                  "INSERT INTO people (id, uuid, name, role, created_at, updated_at) VALUES"
                  " (1, '" ADA "', 'Ada Lovelace', 'Analyst',"
                  "  '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');"
                  "INSERT INTO meetings (id, uuid, person_id, date, notes, created_at, updated_at) VALUES"
                  " (1, '" M1 "', 1, '2026-02-02', 'Talked about the engine.',"
                  "  '2026-02-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z');");

  f->window = test_ui_window_new (f->store, width);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_ui_window_close (f->window);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

/* Shown: visible up to the window, with an allocation. */
static gboolean
is_shown (GtkWidget *widget)
{
  return gtk_widget_is_drawable (widget) && gtk_widget_get_width (widget) > 0;
}

static gboolean
is_shown_label (GtkWidget    *widget,
                gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
         is_shown (widget);
}

static gboolean
is_shown_button (GtkWidget    *widget,
                 gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && is_shown (widget);
}

static gboolean
is_shown_action (GtkWidget    *widget,
                 gconstpointer action)
{
  return GTK_IS_ACTIONABLE (widget) && is_shown (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
is_back_button (GtkWidget    *widget,
                gconstpointer data)
{
  GtkWidget *image;

  if (!GTK_IS_BUTTON (widget) || !is_shown (widget))
    return FALSE;
  image = gtk_button_get_child (GTK_BUTTON (widget));
  return GTK_IS_IMAGE (image) &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), "go-previous-symbolic") == 0;
}

static GtkWidget *
find_shown (Fixture    *f,
            TestUiMatch match,
            const char *data)
{
  g_autoptr(GPtrArray) all = test_ui_find_all_visible (GTK_WIDGET (f->window), match, data);

  for (guint i = 0; i < all->len; i++)
    if (match (all->pdata[i], data))
      return all->pdata[i];
  return NULL;
}

static RapportNavigationSplit *
split (Fixture *f)
{
  return RAPPORT_NAVIGATION_SPLIT (test_ui_find_type (GTK_WIDGET (f->window), RAPPORT_TYPE_NAVIGATION_SPLIT));
}

static int
min_width (GtkWidget *widget)
{
  int min;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

static void
open_meeting (Fixture *f)
{
  rapport_window_open_meeting (f->window, 1, 1);
  test_ui_spin (300);
  g_assert_nonnull (rapport_meeting_editor_get_meeting (rapport_window_get_editor (f->window)));
}

static void
test_wide (Fixture      *f,
           gconstpointer data)
{
  GtkWidget *meetings, *side;

  open_meeting (f);
  g_assert_false (rapport_navigation_split_get_collapsed (split (f)));
  /* Everything side by side: people, meetings, notes and the checklist. */
  meetings = find_shown (f, is_shown_label, "Meetings");
  g_assert_nonnull (meetings);
  side = find_shown (f, is_shown_label, "Checklist");
  g_assert_nonnull (side);
  g_assert_nonnull (find_shown (f, is_shown_label, "Ada Lovelace"));
  /* The header has the person's actions; the narrow bar is away. */
  g_assert_nonnull (find_shown (f, is_shown_action, "win.new-meeting"));
  g_assert_nonnull (find_shown (f, is_shown_action, "win.history"));
  g_assert_null (find_shown (f, is_back_button, NULL));
}

static void
test_narrow (Fixture      *f,
             gconstpointer data)
{
  GtkWidget      *title, *back, *new_meeting;
  graphene_rect_t back_bounds;
  g_autoptr(GPtrArray) buttons = NULL;

  /* The window and everything in it fit in 360 px. */
  g_assert_cmpint (min_width (GTK_WIDGET (split (f))), <=, 360);

  open_meeting (f);
  g_assert_true (rapport_navigation_split_get_collapsed (split (f)));
  g_assert_true (rapport_navigation_split_get_show_content (split (f)));
  g_assert_cmpint (min_width (GTK_WIDGET (split (f))), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (split (f))), <=, 360);

  /* The header shows the whole name. */
  title = find_shown (f, is_shown_label, "Ada Lovelace");
  g_assert_nonnull (title);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));

  /* A new 1:1 is one tap away, at the bottom. */
  new_meeting = find_shown (f, is_shown_action, "win.new-meeting");
  g_assert_nonnull (new_meeting);
  g_assert_nonnull (find_shown (f, is_shown_action, "win.history"));

  /* Back to the people, where no button takes the place of Back: a
   * second tap there does nothing. */
  back = find_shown (f, is_back_button, NULL);
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_compute_bounds (back, GTK_WIDGET (f->window), &back_bounds));
  gtk_widget_activate (back);
  test_ui_spin (600);
  g_assert_false (rapport_navigation_split_get_show_content (split (f)));
  g_assert_nonnull (find_shown (f, is_shown_action, "win.add-person"));
  buttons = test_ui_find_all_visible (GTK_WIDGET (f->window), is_shown_button, NULL);
  for (guint i = 0; i < buttons->len; i++)
    {
      graphene_rect_t  bounds;
      graphene_point_t center;

      g_assert_true (gtk_widget_compute_bounds (buttons->pdata[i], GTK_WIDGET (f->window), &bounds));
      graphene_rect_get_center (&bounds, &center);
      g_assert_false (graphene_rect_contains_point (&back_bounds, &center));
    }

  /* And forward again with the person. */
  rapport_window_select_person (f->window, 1);
  rapport_navigation_split_set_show_content (split (f), TRUE);
  test_ui_spin (600);
  g_assert_nonnull (find_shown (f, is_shown_label, "Ada Lovelace"));
}

static gboolean
is_label_starting (GtkWidget    *widget,
                   gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), text);
}

/* A 1:1 that cannot be started says so in a toast: Ctrl+N comes from
 * hands that type on, and a dialog would take their next keys. */
/* Another person chosen while History is shown, then History closed:
 * their brief, never the last person's meeting left on show. */
static void
test_history_then_other_person (Fixture      *f,
                                gconstpointer data)
{
  RapportMeetingEditor *editor;

  open_meeting (f);
  editor = rapport_window_get_editor (f->window);
  test_core_exec (f->store,
                  "INSERT INTO people (id, uuid, name, role, created_at, updated_at) VALUES"
                  " (2, 'a0000000-0000-4000-8000-000000000002', 'Bob Marley', '',"
                  "  '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');");
  rapport_window_reload_people (f->window);
  g_object_set (f->window, "history-mode", TRUE, NULL);
  test_ui_spin (200);
  rapport_window_select_person (f->window, 2);
  test_ui_spin (200);
  g_object_set (f->window, "history-mode", FALSE, NULL);
  test_ui_spin (300);

  g_assert_null (rapport_meeting_editor_get_meeting (editor));
  g_assert_nonnull (find_shown (f, is_shown_label, "Bob Marley"));
  g_assert_nonnull (find_shown (f, is_shown_label, "Before your 1:1"));
  g_assert_null (find_shown (f, is_shown_label, "Checklist"));
}

static void
test_start_failure_is_a_toast (Fixture      *f,
                               gconstpointer data)
{
  GtkWidget *focus;

  open_meeting (f);
  rapport_meeting_editor_focus_notes (rapport_window_get_editor (f->window));
  test_ui_spin (100);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);

  /* Nothing can be written: the new meeting cannot be made. */
  test_core_exec (f->store, "PRAGMA query_only = ON");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-meeting", NULL));
  test_ui_spin (300);
  test_core_exec (f->store, "PRAGMA query_only = OFF");

  g_assert_nonnull (test_ui_find (GTK_WIDGET (f->window), is_label_starting, "Could not start the 1:1: "));
  g_assert_null (test_ui_find_alert ());
  g_assert_null (test_ui_find_dialog ());
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == focus);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 1);
}

/* Start-up shows This Week: the person's page (the meetings column, the
 * brief, the meeting editor) is not made until a person is opened, and
 * the editor's actions wait for it. */
/* The shortcuts window is not made at start-up (GtkApplication would
 * build one for every window from gtk/help-overlay.ui), but when asked
 * for, once, and shown over the window. */
static guint
count_shortcuts_windows (GtkShortcutsWindow **found)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint       n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window))
        {
          *found = GTK_SHORTCUTS_WINDOW (window);
          n++;
        }
    }
  return n;
}

static void
test_shortcuts_made_when_asked (Fixture      *f,
                                gconstpointer data)
{
  GtkShortcutsWindow *shortcuts = NULL;
  GtkShortcutsWindow *again = NULL;

  g_assert_cmpuint (count_shortcuts_windows (&shortcuts), ==, 0);
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  test_ui_spin (200);
  g_assert_cmpuint (count_shortcuts_windows (&shortcuts), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (f->window));
  g_assert_nonnull (test_ui_find_type (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT));

  /* Closed, it is shown again the next time, not made again. */
  gtk_window_close (GTK_WINDOW (shortcuts));
  test_ui_spin (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  test_ui_spin (100);
  g_assert_cmpuint (count_shortcuts_windows (&again), ==, 1);
  g_assert_true (again == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
}

static gboolean
is_menu_button_named (GtkWidget    *widget,
                      gconstpointer tooltip)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The window's menus are given to their buttons when first opened: a
 * menu button makes its popover, with every item, once it has a menu
 * (issue 12). Opened, each shows its own items. */
static void
test_menus_made_when_opened (Fixture      *f,
                             gconstpointer data)
{
  const struct
  {
    const char *button;
    const char *item;
  } menus[] = {
    { "Main Menu", "Show _Archived People" },
    { "Person Menu", NULL },
  };

  rapport_window_select_person (f->window, 1);
  test_ui_spin (200);
  for (guint i = 0; i < G_N_ELEMENTS (menus); i++)
    {
      GtkWidget       *button = test_ui_find (GTK_WIDGET (f->window), is_menu_button_named, menus[i].button);
      GMenuModel      *model;
      g_autofree char *label = NULL;

      g_assert_nonnull (button);
      g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
      g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
      g_assert_true (gtk_widget_get_sensitive (button));

      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      test_ui_spin (100);
      model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
      g_assert_nonnull (model);
      g_assert_nonnull (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
      g_assert_cmpint (g_menu_model_get_n_items (model), >, 0);
      if (menus[i].item != NULL)
        {
          GMenuModel *section = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);

          g_assert_nonnull (section);
          g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
          g_assert_cmpstr (label, ==, menus[i].item);
          g_object_unref (section);
        }
      gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      test_ui_spin (100);
      /* The same menu the next time. */
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      test_ui_spin (100);
      g_assert_true (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)) == model);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      test_ui_spin (50);
    }
}

static void
test_person_page_made_when_first_needed (Fixture      *f,
                                         gconstpointer data)
{
  GtkWidget *editor;

  g_assert_null (test_ui_find_type (GTK_WIDGET (f->window), RAPPORT_TYPE_MEETING_EDITOR));
  g_assert_null (test_ui_find_type (GTK_WIDGET (f->window), RAPPORT_TYPE_OVERLAY_SPLIT));

  /* Alt+1 and Ctrl+D have no meeting to act on: nothing is made. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-prompt", "i", 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-commitment", NULL);
  /* Nor by search, team History and back to This Week. */
  g_object_set (f->window, "search-mode", TRUE, NULL);
  test_ui_spin (100);
  g_object_set (f->window, "search-mode", FALSE, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.team-history", NULL));
  test_ui_spin (200);
  g_object_set (f->window, "history-mode", FALSE, NULL);
  test_ui_spin (100);
  g_assert_null (test_ui_find_type (GTK_WIDGET (f->window), RAPPORT_TYPE_MEETING_EDITOR));
  g_assert_null (test_ui_find_type (GTK_WIDGET (f->window), RAPPORT_TYPE_OVERLAY_SPLIT));
  g_assert_null (find_shown (f, is_shown_action, "win.new-meeting"));

  /* Opening a person makes it, shown with their brief. */
  rapport_window_select_person (f->window, 1);
  test_ui_spin (300);
  editor = test_ui_find_type (GTK_WIDGET (f->window), RAPPORT_TYPE_MEETING_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (editor == GTK_WIDGET (rapport_window_get_editor (f->window)));
  g_assert_null (rapport_meeting_editor_get_meeting (RAPPORT_MEETING_EDITOR (editor)));
  g_assert_nonnull (find_shown (f, is_shown_label, "Before your 1:1"));
  g_assert_nonnull (find_shown (f, is_shown_label, "Meetings"));
  g_assert_nonnull (find_shown (f, is_shown_action, "win.new-meeting"));

  /* Its actions work from then on. */
  rapport_window_select_meeting (f->window, 1);
  test_ui_spin (200);
  g_assert_nonnull (rapport_meeting_editor_get_meeting (RAPPORT_MEETING_EDITOR (editor)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-commitment", NULL));
  test_ui_spin (100);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), editor));

  /* Back to This Week and to the person: the same editor. */
  rapport_window_show_this_week (f->window);
  test_ui_spin (200);
  rapport_window_select_person (f->window, 1);
  test_ui_spin (200);
  g_assert_true (test_ui_find_type (GTK_WIDGET (f->window), RAPPORT_TYPE_MEETING_EDITOR) == editor);
}

/* A search result opened straight after start-up (as the shell's search
 * and the search panel open one: the panel's "open-result"), with no
 * person shown before: the editor is made, with the meeting. Neither the
 * search panel nor the editor is made at start-up (issue 12). */
static void
test_open_meeting_from_start (Fixture      *f,
                              gconstpointer data)
{
  GtkWidget            *panel;
  RapportMeetingEditor *editor;
  RapportMeeting       *meeting;

  g_assert_null (test_ui_find_type (GTK_WIDGET (f->window), RAPPORT_TYPE_SEARCH_PANEL));
  panel = rapport_window_get_search_panel (f->window);
  g_assert_true (test_ui_find_type (GTK_WIDGET (f->window), RAPPORT_TYPE_SEARCH_PANEL) == panel);
  g_assert_true (rapport_window_get_search_panel (f->window) == panel);
  g_assert_null (test_ui_find_type (GTK_WIDGET (f->window), RAPPORT_TYPE_MEETING_EDITOR));

  /* "engine" in "Talked about the engine." */
  g_signal_emit_by_name (panel, "open-result", (gint64) 1, (gint64) 1, 17, 6);
  test_ui_spin (300);

  editor = RAPPORT_MEETING_EDITOR (test_ui_find_type (GTK_WIDGET (f->window), RAPPORT_TYPE_MEETING_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (editor == rapport_window_get_editor (f->window));
  meeting = rapport_meeting_editor_get_meeting (editor);
  g_assert_nonnull (meeting);
  g_assert_cmpint (rapport_meeting_get_id (meeting), ==, 1);
  g_assert_nonnull (find_shown (f, is_shown_label, "Ada Lovelace"));
  g_assert_nonnull (find_shown (f, is_shown_label, "Checklist"));
  g_assert_cmpint (rapport_person_get_id (rapport_window_get_person (f->window)), ==, 1);
}

/* 99 more meetings of Ada's, a week apart before the first. */
static void
add_meetings (Fixture *f)
{
  test_core_exec (f->store,
                  "WITH RECURSIVE n (i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 100)"
                  " INSERT INTO meetings (id, uuid, person_id, date, notes, created_at, updated_at)"
                  " SELECT i, printf ('c0000000-0000-4000-8000-%012d', i), 1,"
                  "  date ('2026-02-02', printf ('-%d days', 7 * (i - 1))), 'Meeting ' || i,"
                  "  '2026-02-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z' FROM n;");
}

static guint
meeting_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (f->window->meetings_view)));
}

static GtkAdjustment *
meetings_adjustment (Fixture *f)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->window->meetings_view));
}

static gboolean
meetings_scroll (Fixture *f)
{
  GtkAdjustment *adjustment = meetings_adjustment (f);

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

/* A person's first 20 meetings are rows at first, more as the list is
 * scrolled to its end. */
static void
test_meetings_first_rows (Fixture      *f,
                          gconstpointer data)
{
  GtkAdjustment *adjustment;

  add_meetings (f);
  rapport_window_select_person (f->window, 1);
  test_ui_spin (500);
  /* 720 pixels tall: they fill the column, and no more are made. */
  g_assert_cmpuint (meeting_rows (f), ==, 20);
  g_assert_true (meetings_scroll (f));

  adjustment = meetings_adjustment (f);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  test_ui_spin (300);
  g_assert_cmpuint (meeting_rows (f), ==, 20 + RAPPORT_MEETING_LIST_PAGE);

  /* One further down is selected with the rows before it (and those
   * after, once scrolled to it at the end). */
  rapport_window_select_meeting (f->window, 80);
  test_ui_spin (200);
  g_assert_cmpuint (meeting_rows (f), >=, 80);
  g_assert_cmpint (rapport_meeting_get_id (rapport_meeting_editor_get_meeting (rapport_window_get_editor (f->window))),
                   ==, 80);

  /* Another person and back: the first rows again. */
  rapport_window_show_this_week (f->window);
  test_ui_spin (200);
  rapport_window_select_person (f->window, 1);
  test_ui_spin (300);
  g_assert_cmpuint (meeting_rows (f), ==, 20);
}

/* In a window taller than 20 rows, more are made after the first frames
 * until the list can be scrolled: else it could never reach its end
 * for more. */
static void
test_meetings_fill_tall_window (Fixture      *f,
                                gconstpointer data)
{
  double row;
  guint  n;

  add_meetings (f);
  rapport_window_select_person (f->window, 1);
  test_ui_spin (300);
  g_assert_cmpuint (meeting_rows (f), ==, 20);

  /* Made taller than the screen here (900 pixels), as on a tall one. */
  gtk_widget_set_size_request (GTK_WIDGET (f->window), -1, 1700);
  test_ui_spin (1000);
  n = meeting_rows (f);
  g_assert_cmpuint (n, >, 20);
  g_assert_cmpuint (n, <, 100);
  g_assert_true (meetings_scroll (f));
  /* And no more than that takes. */
  row = gtk_adjustment_get_upper (meetings_adjustment (f)) / n;
  g_assert_cmpfloat ((n - 10) * row, <=, gtk_adjustment_get_page_size (meetings_adjustment (f)));

  /* The person shown again: 20 rows, then as many as before. */
  rapport_window_show_this_week (f->window);
  test_ui_spin (200);
  rapport_window_select_person (f->window, 1);
  test_ui_spin (1000);
  g_assert_cmpuint (meeting_rows (f), ==, n);
  g_assert_true (meetings_scroll (f));

  /* Its end reached, more again. */
  gtk_adjustment_set_value (meetings_adjustment (f), gtk_adjustment_get_upper (meetings_adjustment (f)));
  test_ui_spin (300);
  g_assert_cmpuint (meeting_rows (f), ==, n + RAPPORT_MEETING_LIST_PAGE);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/window/wide", Fixture, GINT_TO_POINTER (1280), fixture_set_up, test_wide, fixture_tear_down);
  g_test_add ("/ui/window/narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/ui/window/history-then-other-person", Fixture, GINT_TO_POINTER (1280), fixture_set_up,
              test_history_then_other_person, fixture_tear_down);
  g_test_add ("/ui/window/person-page-made-when-first-needed", Fixture, GINT_TO_POINTER (1280), fixture_set_up,
              test_person_page_made_when_first_needed, fixture_tear_down);
  g_test_add ("/ui/window/open-meeting-from-start", Fixture, GINT_TO_POINTER (1280), fixture_set_up,
              test_open_meeting_from_start, fixture_tear_down);
  g_test_add ("/ui/window/menus-made-when-opened", Fixture, GINT_TO_POINTER (1280), fixture_set_up,
              test_menus_made_when_opened, fixture_tear_down);
  g_test_add ("/ui/window/shortcuts-made-when-asked", Fixture, GINT_TO_POINTER (1280), fixture_set_up,
              test_shortcuts_made_when_asked, fixture_tear_down);
  g_test_add ("/ui/window/meetings-first-rows", Fixture, GINT_TO_POINTER (1280), fixture_set_up,
              test_meetings_first_rows, fixture_tear_down);
  g_test_add ("/ui/window/meetings-fill-tall-window", Fixture, GINT_TO_POINTER (1280), fixture_set_up,
              test_meetings_fill_tall_window, fixture_tear_down);
  g_test_add ("/ui/window/start-failure-is-a-toast", Fixture, GINT_TO_POINTER (1280), fixture_set_up,
              test_start_failure_is_a_toast, fixture_tear_down);

  return g_test_run ();
}
