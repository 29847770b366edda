/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-exchange-private.h"
#include "rapport-exchange.h"
#include "rapport-meeting.h"
#include "rapport-person.h"
#include "rapport-search-panel.h"
#include "rapport-search.h"
#include "test-core-util.h"
#include "test-ui-util.h"

typedef struct
{
  char           *dir;
  RapportStore   *store;
  RapportPerson  *ada;
  RapportPerson  *grace;
  RapportMeeting *meeting;
  GtkWidget      *window;
  GtkWidget      *panel;
} Fixture;

typedef struct
{
  guint  calls;
  gint64 person_id;
  gint64 meeting_id;
  int    offset;
  int    length;
} Opened;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(RapportMeeting) other = NULL;

  f->dir = test_core_tmpdir_new ();
  f->store = test_core_store_new (f->dir);
  f->ada = test_core_person_new (f->store, "Ada Lovelace", "");
  f->grace = test_core_person_new (f->store, "Grace Hopper", "");
  other = test_core_meeting_new (f->store, f->ada, "2025-01-07", "Talked about the release train.");
  f->meeting = test_core_meeting_new (f->store, f->grace, "2025-02-04",
                                      "Hiring plan.\nShe wants to own the café <budget> review.");

  f->panel = rapport_search_panel_new (f->store);
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), f->panel);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->meeting);
  g_clear_object (&f->ada);
  g_clear_object (&f->grace);
  g_assert_finalize_object (f->store);
  test_core_tmpdir_free (f->dir);
}

/* The markup of the snippet label in @row: its last GtkLabel. */
static const char *
row_snippet_markup (GtkWidget *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *last = gtk_widget_get_last_child (box);

  g_assert_true (GTK_IS_LABEL (last));
  return gtk_label_get_label (GTK_LABEL (last));
}

static void
on_open_result (RapportSearchPanel *panel,
                gint64              person_id,
                gint64              meeting_id,
                int                 offset,
                int                 length,
                Opened             *opened)
{
  opened->calls++;
  opened->person_id = person_id;
  opened->meeting_id = meeting_id;
  opened->offset = offset;
  opened->length = length;
}

static void
test_type_and_open (Fixture      *f,
                    gconstpointer data)
{
  GtkWidget     *entry = test_ui_find_type (f->panel, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget     *list = test_ui_find_type (f->panel, GTK_TYPE_LIST_BOX);
  GtkWidget     *stack = test_ui_find_type (f->panel, GTK_TYPE_STACK);
  GListModel    *results = rapport_search_panel_get_results (RAPPORT_SEARCH_PANEL (f->panel));
  GtkListBoxRow *row;
  Opened         opened = {
            0,
  };
  const char *notes;

  g_signal_connect (f->panel, "open-result", G_CALLBACK (on_open_result), &opened);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "idle");

  rapport_search_panel_focus (RAPPORT_SEARCH_PANEL (f->panel));
  test_ui_spin (50);
  g_assert_true (gtk_widget_has_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));

  /* Typed as a user would; the results come after the entry's delay. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "cafe");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  test_ui_spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "results");

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  /* The match in bold, the user's own text escaped. */
  g_assert_nonnull (strstr (row_snippet_markup (GTK_WIDGET (row)), "<b>café</b> &lt;budget&gt;"));

  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpuint (opened.calls, ==, 1);
  g_assert_cmpint (opened.person_id, ==, rapport_person_get_id (f->grace));
  g_assert_cmpint (opened.meeting_id, ==, rapport_meeting_get_id (f->meeting));
  notes = rapport_meeting_get_notes (f->meeting);
  g_assert_cmpint (opened.offset, ==, g_utf8_pointer_to_offset (notes, strstr (notes, "café")));
  g_assert_cmpint (opened.length, ==, 4);

  /* Enter in the entry opens the first result too. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Lovel");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (opened.calls, ==, 2);
  g_assert_cmpint (opened.person_id, ==, rapport_person_get_id (f->ada));
  g_assert_cmpint (opened.meeting_id, ==, 0);
  g_assert_cmpint (opened.offset, ==, -1);
}

static void
test_empty_state_and_hostile_text (Fixture      *f,
                                   gconstpointer data)
{
  static const char *const hostile[] = { "\"", "AND", "NEAR(", "*", "(", "🙂 \\" };
  GtkWidget               *stack = test_ui_find_type (f->panel, GTK_TYPE_STACK);
  GListModel              *results = rapport_search_panel_get_results (RAPPORT_SEARCH_PANEL (f->panel));

  rapport_search_panel_set_text (RAPPORT_SEARCH_PANEL (f->panel), "nothing-like-this");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      rapport_search_panel_set_text (RAPPORT_SEARCH_PANEL (f->panel), hostile[i]);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), !=, "error");
    }

  rapport_search_panel_set_text (RAPPORT_SEARCH_PANEL (f->panel), "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "idle");
}

/* Results follow the data when the panel is focused again. */
static void
test_refresh_on_focus (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GListModel *results = rapport_search_panel_get_results (RAPPORT_SEARCH_PANEL (f->panel));

  rapport_search_panel_set_text (RAPPORT_SEARCH_PANEL (f->panel), "hiring");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  rapport_meeting_hide (f->store, rapport_meeting_get_id (f->meeting), TRUE, &error);
  g_assert_no_error (error);
  rapport_search_panel_focus (RAPPORT_SEARCH_PANEL (f->panel));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
}

/* Right after a large import, whose search indexes are filled in a second
 * step: the panel says it is still indexing, then shows the results by
 * itself once the index is there, without a keystroke. */
static void
test_indexing_then_results (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char     *dir = test_core_tmpdir_new ();
  RapportStore        *store = test_core_store_new (dir);
  g_autofree char     *json = rapport_exchange_export_to_data (f->store, NULL, NULL, NULL, NULL, &error);
  guint                saved = rapport_exchange_bulk_min_rows;
  GtkWidget           *panel;
  GtkWidget           *window;
  GtkWidget           *stack;
  GListModel          *results;
  RapportExchangeStats stats = { 0 };

  g_assert_no_error (error);
  rapport_exchange_bulk_min_rows = 1;
  rapport_exchange_defer_search_index = TRUE;
  rapport_exchange_build_search_index = FALSE;
  rapport_exchange_import_from_data (store, json, strlen (json), &stats, NULL, NULL, NULL, &error);
  rapport_exchange_defer_search_index = FALSE;
  rapport_exchange_build_search_index = TRUE;
  rapport_exchange_bulk_min_rows = saved;
  g_assert_no_error (error);
  g_assert_true (rapport_search_is_indexing (store));

  panel = rapport_search_panel_new (store);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  stack = test_ui_find_type (panel, GTK_TYPE_STACK);
  results = rapport_search_panel_get_results (RAPPORT_SEARCH_PANEL (panel));
  rapport_search_panel_set_text (RAPPORT_SEARCH_PANEL (panel), "hiring");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "error");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (stack)))),
                   ==, "Still Indexing");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  /* Past the entry's own delayed search, which would run it again. */
  test_ui_spin (500);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "error");

  g_assert_true (rapport_search_index_pending (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 50 && g_list_model_get_n_items (results) == 0; i++)
    test_ui_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "results");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (store);
  test_core_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_finalize (void)
{
  g_autofree char *dir = test_core_tmpdir_new ();
  RapportStore    *store = test_core_store_new (dir);
  GtkWidget       *panel = rapport_search_panel_new (store);

  g_object_ref_sink (panel);
  rapport_search_panel_set_text (RAPPORT_SEARCH_PANEL (panel), "anything");
  g_assert_finalize_object (panel);
  g_assert_finalize_object (store);
  test_core_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/search/type-and-open", test_type_and_open);
  ADD ("/ui/search/empty-and-hostile", test_empty_state_and_hostile_text);
  ADD ("/ui/search/refresh-on-focus", test_refresh_on_focus);
  ADD ("/ui/search/indexing-then-results", test_indexing_then_results);
  g_test_add_func ("/ui/search/finalize", test_finalize);

  return g_test_run ();
}
