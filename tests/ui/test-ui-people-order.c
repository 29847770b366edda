/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The people list in the real window, ordered by the "people-order"
 * setting (issue 11): by name, or most in need of attention first; each
 * row says why in a word or two, and someone never met is "No 1:1 yet",
 * not overdue. */
#include "config.h"

#include <adwaita.h>

#include "rapport-person-row.h"
#include "rapport-window.h"
#include "test-core-util.h"
#include "test-ui-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  RapportStore  *store;
  GSettings     *settings;
  RapportWindow *window;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  /* All weekly. Ada met today; Bob two days ago; Cleo 30 days ago
   * (overdue); Dan 9 days ago (overdue, less late); Eve never, added
   * ten days ago (her first 1:1 due). By name: Ada, Bob, Cleo, Dan, Eve. */
  test_core_exec (f->store,
                  "INSERT INTO people (id, uuid, name, role, cadence_days, created_at, updated_at) VALUES"
                  " (1, 'a0000000-0000-4000-8000-000000000001', 'Ada Lovelace', 'Analyst', 7,"
                  "  strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                  " (2, 'a0000000-0000-4000-8000-000000000002', 'Bob Marley', '', 7,"
                  "  strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                  " (3, 'a0000000-0000-4000-8000-000000000003', 'Cleo Laine', '', 7,"
                  "  strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                  " (4, 'a0000000-0000-4000-8000-000000000004', 'Dan Brown', '', 7,"
                  "  strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                  " (5, 'a0000000-0000-4000-8000-000000000005', 'Eve Arden', '', 7,"
                  "  strftime('%Y-%m-%dT%H:%M:%fZ','now','-10 days'),"
                  "  strftime('%Y-%m-%dT%H:%M:%fZ','now','-10 days'));"
                  "INSERT INTO meetings (id, uuid, person_id, date, notes, created_at, updated_at) VALUES"
                  " (1, 'c0000000-0000-4000-8000-000000000001', 1, date('now'), '',"
                  "  '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z'),"
                  " (2, 'c0000000-0000-4000-8000-000000000002', 2, date('now', '-2 days'), '',"
                  "  '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z'),"
                  " (3, 'c0000000-0000-4000-8000-000000000003', 3, date('now', '-30 days'), '',"
                  "  '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z'),"
                  " (4, 'c0000000-0000-4000-8000-000000000004', 4, date('now', '-9 days'), '',"
                  "  '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z');");
  f->settings = g_settings_new (APP_ID);
  g_settings_set_string (f->settings, "people-order", "name");
  f->window = test_ui_window_new (f->store, 1280);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_ui_window_close (f->window);
  g_settings_reset (f->settings, "people-order");
  g_clear_object (&f->settings);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

/* The names in the people list, top to bottom, joined with ", ". */
static char *
people_order (Fixture *f)
{
  g_autoptr(GPtrArray) rows = test_ui_find_all_visible (GTK_WIDGET (f->window), test_ui_is_type,
                                                         TEST_UI_TYPE (RAPPORT_TYPE_PERSON_ROW));
  g_autoptr(GString) names = g_string_new ("");

  for (guint i = 0; i < rows->len; i++)
    {
      RapportPerson *person = rapport_person_row_get_person (rows->pdata[i]);

      g_string_append_printf (names, "%s%s", i ? ", " : "", rapport_person_get_name (person));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static RapportPersonRow *
row_of (Fixture    *f,
        const char *name)
{
  g_autoptr(GPtrArray) rows = test_ui_find_all_visible (GTK_WIDGET (f->window), test_ui_is_type,
                                                         TEST_UI_TYPE (RAPPORT_TYPE_PERSON_ROW));

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (rapport_person_get_name (rapport_person_row_get_person (rows->pdata[i])), name))
      return rows->pdata[i];
  g_assert_not_reached ();
}

static gboolean
is_label (GtkWidget    *widget,
          gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
shows (RapportPersonRow *row,
       const char       *text)
{
  g_autoptr(GPtrArray) found = test_ui_find_all_visible (GTK_WIDGET (row), is_label, text);

  return found->len > 0;
}

static void
test_order_follows_setting (Fixture      *f,
                            gconstpointer data)
{
  g_autofree char *by_name = NULL;
  g_autofree char *by_attention = NULL;
  g_autofree char *back = NULL;
  g_autofree char *order = NULL;
  g_autofree char *saved = NULL;

  by_name = people_order (f);
  g_assert_cmpstr (by_name, ==, "Ada Lovelace, Bob Marley, Cleo Laine, Dan Brown, Eve Arden");
  g_object_get (f->window, "people-order", &order, NULL);
  g_assert_cmpstr (order, ==, "name");
  g_clear_pointer (&order, g_free);

  /* Most in need first: the longest overdue, the other overdue, the one
   * never met (due, not overdue), then those met lately. */
  g_settings_set_string (f->settings, "people-order", "attention");
  test_ui_spin (100);
  by_attention = people_order (f);
  g_assert_cmpstr (by_attention, ==, "Cleo Laine, Dan Brown, Eve Arden, Ada Lovelace, Bob Marley");
  g_object_get (f->window, "people-order", &order, NULL);
  g_assert_cmpstr (order, ==, "attention");
  g_clear_pointer (&order, g_free);

  /* Chosen in the menu (the window's property action): by name again,
   * written to the setting. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.people-order", "s", "name");
  test_ui_spin (100);
  saved = g_settings_get_string (f->settings, "people-order");
  g_assert_cmpstr (saved, ==, "name");
  back = people_order (f);
  g_assert_cmpstr (back, ==, by_name);
}

static void
test_auto_order (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *five = NULL;
  g_autofree char *four = NULL;

  /* Five active people: "auto" orders by attention. */
  g_settings_set_string (f->settings, "people-order", "auto");
  test_ui_spin (100);
  five = people_order (f);
  g_assert_cmpstr (five, ==, "Cleo Laine, Dan Brown, Eve Arden, Ada Lovelace, Bob Marley");

  /* Four (Bob archived, then the list read again): by name. */
  test_core_exec (f->store, "UPDATE people SET archived = 1 WHERE id = 2");
  rapport_window_reload (f->window);
  test_ui_spin (100);
  four = people_order (f);
  g_assert_cmpstr (four, ==, "Ada Lovelace, Cleo Laine, Dan Brown, Eve Arden");
}

static void
test_rows_say_why (Fixture      *f,
                   gconstpointer data)
{
  RapportPersonRow *cleo, *eve, *ada;

  cleo = row_of (f, "Cleo Laine");
  eve = row_of (f, "Eve Arden");
  ada = row_of (f, "Ada Lovelace");

  /* Overdue: the badge, and by how much. */
  g_assert_true (shows (cleo, "overdue"));
  g_assert_true (shows (cleo, "overdue 23 days"));
  /* Never met: "No 1:1 yet" (the brief's words), not overdue. */
  g_assert_true (shows (eve, "No 1:1 yet"));
  g_assert_false (shows (eve, "overdue"));
  g_assert_false (shows (eve, "due"));
  /* Met today: no badge, no reason. */
  g_assert_false (shows (ada, "overdue"));
  g_assert_false (shows (ada, "due"));
  g_assert_false (shows (ada, "No 1:1 yet"));
}

static guint
count_rows (RapportWindow *window)
{
  g_autoptr(GPtrArray) rows = test_ui_find_all_visible (GTK_WIDGET (window), test_ui_is_type,
                                                         TEST_UI_TYPE (RAPPORT_TYPE_PERSON_ROW));

  return rows->len;
}

/* Start-up makes the rows the first frame can show (a 780 pixels tall
 * window, the default); the others come once the list was first drawn,
 * or as soon as one of them is looked for. */
static void
test_rows_below_first_frame (Fixture      *f,
                             gconstpointer data)
{
  RapportWindow *window;
  guint          n;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Zed %02u", i);

      g_object_unref (test_core_person_new (f->store, name, NULL));
    }

  /* Never shown: a person below the first frame is found all the same. */
  window = g_object_ref_sink (rapport_window_new (NULL, f->store));
  n = count_rows (window);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 65);
  rapport_window_select_person (window, 65);
  g_assert_cmpuint (count_rows (window), ==, 65);
  g_assert_cmpstr (rapport_person_get_name (rapport_window_get_person (window)), ==, "Zed 59");
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);

  /* Shown: all of them once it is drawn (waited for: on a loaded
   * machine the first frame may come after test_ui_window_new()). */
  window = test_ui_window_new (f->store, 1280);
  for (guint i = 0; i < 60 && count_rows (window) < 65; i++)
    test_ui_spin (50);
  g_assert_cmpuint (count_rows (window), ==, 65);
  test_ui_window_close (window);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/people-order/follows-setting", Fixture, NULL, fixture_set_up,
              test_order_follows_setting, fixture_tear_down);
  g_test_add ("/ui/people-order/auto", Fixture, NULL, fixture_set_up, test_auto_order,
              fixture_tear_down);
  g_test_add ("/ui/people-order/rows-say-why", Fixture, NULL, fixture_set_up, test_rows_say_why,
              fixture_tear_down);
  g_test_add ("/ui/people-order/rows-below-first-frame", Fixture, NULL, fixture_set_up,
              test_rows_below_first_frame, fixture_tear_down);

  return g_test_run ();
}
