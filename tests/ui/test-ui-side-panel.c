/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The side column of a meeting as a user meets it: ticking a prompt moves
 * nothing under the pointer; the column scrolls as one and Ctrl+D brings
 * the commitment entry into view; a new commitment starts as mine in
 * every meeting. */
#include "config.h"

#include <adwaita.h>

#include "rapport-checklist-item.h"
#include "rapport-checklist-row.h"
#include "rapport-commitment.h"
#include "rapport-commitments-panel.h"
#include "rapport-meeting-editor.h"
#include "rapport-person.h"
#include "rapport-window-layout.h"
#include "rapport-window.h"
#include "test-core-util.h"
#include "test-ui-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  RapportStore  *store;
  RapportPerson *ada;
  RapportPerson *bob;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  /* Six habits on the checklist, as in a long meeting. */
  test_core_sql (f->path, "UPDATE habits SET active = 1 WHERE key IN"
                          " ('recognise-work', 'show-empathy', 'clear-expectations')");
  f->ada = test_core_person_new (f->store, "Ada", "Engineer");
  f->bob = test_core_person_new (f->store, "Bob", "Designer");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->ada);
  g_clear_object (&f->bob);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static GtkWidget *
nth_checklist_row (GtkWidget *root,
                   guint      n)
{
  g_autoptr(GPtrArray) rows = test_ui_find_all_visible (root, test_ui_is_type,
                                                         TEST_UI_TYPE (RAPPORT_TYPE_CHECKLIST_ROW));

  g_assert_cmpuint (rows->len, >, n);
  return rows->pdata[n];
}

static double
y_in (GtkWidget *widget,
      GtkWidget *root)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, root, &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

static gboolean
has_class (GtkWidget    *widget,
           gconstpointer name)
{
  return gtk_widget_has_css_class (widget, name);
}

/* A meeting of @person dated today, shown in the window. */
static RapportMeetingEditor *
start_meeting (RapportWindow *window,
               RapportPerson *person)
{
  /* As a click in the people list would, take the focus from the page
   * that is about to go. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  rapport_window_select_person (window, rapport_person_get_id (person));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-meeting", NULL));
  test_ui_spin (100);
  g_assert_nonnull (rapport_meeting_editor_get_meeting (rapport_window_get_editor (window)));
  return rapport_window_get_editor (window);
}

static RapportWindow *
show_window (Fixture *f,
             int      width,
             int      height)
{
  RapportWindow *window = rapport_window_new (NULL, f->store);

  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_spin (100);
  return window;
}

static void
close_window (RapportWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (window);
}

static void
test_tick_keeps_place (Fixture      *f,
                       gconstpointer data)
{
  RapportWindow        *window = show_window (f, 1200, 900);
  GtkWidget            *editor = GTK_WIDGET (start_meeting (window, f->ada));
  GtkWidget            *first = nth_checklist_row (editor, 0);
  GtkWidget            *second = nth_checklist_row (editor, 1);
  GtkWidget            *check = test_ui_find_type (first, GTK_TYPE_CHECK_BUTTON);
  GtkWidget            *evidence = test_ui_find (first, has_class, "evidence");
  GtkWidget            *view = test_ui_find_type (first, GTK_TYPE_TEXT_VIEW);
  RapportChecklistItem *item = rapport_checklist_row_get_item (RAPPORT_CHECKLIST_ROW (first));
  double                before, first_height;

  g_assert_true (GTK_IS_MENU_BUTTON (evidence));
  before = y_in (second, GTK_WIDGET (window));
  first_height = gtk_widget_get_height (first);
  g_assert_false (gtk_widget_get_sensitive (evidence));

  /* Tick prompt 1: prompt 2 stays exactly where the pointer left it. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  test_ui_spin (300); /* past any transition */
  g_assert_true (rapport_checklist_item_get_ticked (item));
  g_assert_cmpfloat (y_in (second, GTK_WIDGET (window)), ==, before);
  g_assert_cmpint (gtk_widget_get_height (first), ==, first_height);
  g_assert_true (gtk_widget_get_sensitive (evidence));

  /* By keyboard too (Alt+2 ticks prompt 2): prompt 3 does not move. */
  {
    GtkWidget *third = nth_checklist_row (editor, 2);
    double     third_before = y_in (third, GTK_WIDGET (window));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-prompt", "i", 2));
    test_ui_spin (300);
    g_assert_true (rapport_checklist_item_get_ticked (rapport_checklist_row_get_item (RAPPORT_CHECKLIST_ROW (second))));
    g_assert_cmpfloat (y_in (third, GTK_WIDGET (window)), ==, third_before);
  }

  /* What happened, written in the popover and wrapped on several lines,
   * is saved when it closes; the row keeps its height. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (evidence));
  test_ui_spin (100);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (view)), ==, GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "She chose the plan herself and named the risks to the whole team", -1);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (evidence));
  test_ui_spin (100);
  g_assert_cmpstr (rapport_checklist_item_get_evidence (item), ==,
                   "She chose the plan herself and named the risks to the whole team");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM checklist WHERE evidence LIKE 'She chose%'"), ==, 1);
  g_assert_true (gtk_widget_has_css_class (evidence, "written"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (evidence), ==,
                   "What Happened: She chose the plan herself and named the risks to the whole team");
  g_assert_cmpfloat (y_in (second, GTK_WIDGET (window)), ==, before);

  /* Unticked: kept in place, but not offered. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  test_ui_spin (100);
  g_assert_false (gtk_widget_get_sensitive (evidence));
  g_assert_cmpfloat (y_in (second, GTK_WIDGET (window)), ==, before);

  close_window (window);
}

/* The name of the action @trigger runs in @widget's shortcuts, or NULL. */
static char *
shortcut_action (GtkWidget  *widget,
                 const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char   *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_strcmp0 (text, trigger) == 0 && GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

/* Whether the window's focus is @widget or inside it (an entry hands it
 * to its text). Not gtk_widget_has_focus(): without a window manager the
 * test's window is never the active one. */
static gboolean
focus_in (RapportWindow *window,
          GtkWidget     *widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Whether @widget lies wholly inside the visible part of @scrolled. */
static gboolean
in_view (GtkWidget *widget,
         GtkWidget *scrolled)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

static void
test_scrolls_as_one (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RapportWindow   *window = show_window (f, 1100, 560);
  GtkWidget       *editor = GTK_WIDGET (start_meeting (window, f->ada));
  RapportMeeting  *meeting = rapport_meeting_editor_get_meeting (RAPPORT_MEETING_EDITOR (editor));
  GtkWidget       *panel = test_ui_find_type (editor, RAPPORT_TYPE_COMMITMENTS_PANEL);
  GtkWidget       *entry, *scrolled, *notes;
  g_autofree char *ctrl_d = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RapportCommitment) item =
        rapport_commitment_create (f->store, rapport_meeting_get_id (meeting), "Send the budget numbers",
                                   RAPPORT_COMMITMENT_OWNER_ME, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (item);
    }
  rapport_commitments_panel_reload (RAPPORT_COMMITMENTS_PANEL (panel));
  test_ui_spin (100);

  /* Checklist and commitments scroll together in one column. */
  entry = test_ui_find_type (panel, GTK_TYPE_ENTRY);
  scrolled = gtk_widget_get_ancestor (entry, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  g_assert_true (gtk_widget_get_ancestor (nth_checklist_row (editor, 0), GTK_TYPE_SCROLLED_WINDOW) == scrolled);
  g_assert_true (gtk_widget_get_ancestor (panel, GTK_TYPE_SCROLLED_WINDOW) == scrolled);
  /* Six habits and two commitments: the entry starts below the fold. */
  g_assert_false (in_view (entry, scrolled));

  /* Ctrl+D, from the notes: the entry has the focus and is in view. */
  notes = test_ui_find (editor, has_class, "notes");
  g_assert_true (GTK_IS_TEXT_VIEW (notes));
  gtk_widget_grab_focus (notes);
  ctrl_d = shortcut_action (GTK_WIDGET (window), "<Control>d");
  g_assert_cmpstr (ctrl_d, ==, "win.add-commitment");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), ctrl_d, NULL));
  test_ui_spin (300);
  g_assert_true (focus_in (window, entry));
  g_assert_true (in_view (entry, scrolled));

  /* A line added there: the entry stays in view for the next one, with
   * its owner and due date controls. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Book the room");
  g_signal_emit_by_name (entry, "activate");
  test_ui_spin (300);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments"), ==, 3);
  g_assert_true (focus_in (window, entry));
  g_assert_true (in_view (entry, scrolled));
  g_assert_true (in_view (test_ui_find (panel, test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_TOGGLE_BUTTON)), scrolled));

  /* On the brief there is no entry to go to: nothing takes the focus. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  rapport_window_select_person (window, rapport_person_get_id (f->bob));
  test_ui_spin (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), ctrl_d, NULL));
  test_ui_spin (100);
  g_assert_false (focus_in (window, entry));
  g_assert_false (rapport_commitments_panel_focus_entry (RAPPORT_COMMITMENTS_PANEL (panel)));

  close_window (window);
}

/* On a narrow window the side column folds away; Ctrl+D brings it back
 * with the entry focused. */
static void
test_ctrl_d_folded (Fixture      *f,
                    gconstpointer data)
{
  RapportWindow       *window = show_window (f, 480, 700);
  GtkWidget           *editor = GTK_WIDGET (start_meeting (window, f->ada));
  GtkWidget           *panel = test_ui_find_type (editor, RAPPORT_TYPE_COMMITMENTS_PANEL);
  GtkWidget           *entry = test_ui_find_type (panel, GTK_TYPE_ENTRY);
  /* The window's folding container: AdwFlap or AdwOverlaySplitView. */
  RapportOverlaySplit *side = RAPPORT_OVERLAY_SPLIT (gtk_widget_get_ancestor (panel, RAPPORT_TYPE_OVERLAY_SPLIT));

  g_assert_nonnull (side);
  /* Folded once the window was laid out at its width, which on a busy
   * machine can take more than the first 100 ms. */
  for (guint waited = 0; waited < 3000 && !rapport_overlay_split_get_collapsed (side); waited += 50)
    test_ui_spin (50);
  g_assert_true (rapport_overlay_split_get_collapsed (side));
  rapport_overlay_split_set_show_sidebar (side, FALSE);
  test_ui_spin (500);
  g_assert_false (focus_in (window, entry));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-commitment", NULL));
  test_ui_spin (500);
  g_assert_true (rapport_overlay_split_get_show_sidebar (side));
  g_assert_true (focus_in (window, entry));
  g_assert_true (in_view (entry, gtk_widget_get_ancestor (entry, GTK_TYPE_SCROLLED_WINDOW)));

  close_window (window);
}

static gboolean
has_tooltip (GtkWidget    *widget,
             gconstpointer text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static void
add_line (GtkWidget  *panel,
          const char *text)
{
  GtkWidget *entry = test_ui_find_type (panel, GTK_TYPE_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static void
test_owner_starts_as_me (Fixture      *f,
                         gconstpointer data)
{
  RapportWindow *window = show_window (f, 1200, 900);
  GtkWidget     *editor = GTK_WIDGET (start_meeting (window, f->ada));
  GtkWidget     *panel = test_ui_find_type (editor, RAPPORT_TYPE_COMMITMENTS_PANEL);
  GtkWidget     *me = test_ui_find (panel, has_tooltip, "I will do it");
  GtkWidget     *them = test_ui_find (panel, has_tooltip, "They will do it");

  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (me)));

  /* With Ada, two of hers in a row: the choice holds within the meeting. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (them), TRUE);
  add_line (panel, "Draft the plan");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (them)));
  add_line (panel, "Write the summary");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE owner = 'them'"), ==, 2);

  /* With Bob, the next meeting: mine again, not hers carried over. */
  start_meeting (window, f->bob);
  g_assert_true (test_ui_find_type (editor, RAPPORT_TYPE_COMMITMENTS_PANEL) == panel);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (me)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (them)));
  add_line (panel, "Send the budget");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE owner = 'me'"
                                               " AND text = 'Send the budget'"),
                   ==, 1);

  /* Back to Ada's meeting of today (continued, not a second one): Me. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (them), TRUE);
  start_meeting (window, f->ada);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"), ==, 2);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (me)));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/side-panel/tick-keeps-place", test_tick_keeps_place);
  ADD ("/ui/side-panel/scrolls-as-one", test_scrolls_as_one);
  ADD ("/ui/side-panel/ctrl-d-folded", test_ctrl_d_folded);
  ADD ("/ui/side-panel/owner-starts-as-me", test_owner_starts_as_me);
#undef ADD

  return g_test_run ();
}
