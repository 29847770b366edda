/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The people list's row follows its person: a change of the person
 * repaints it, and a row given another person forgets the first. */
#include "config.h"

#include <adwaita.h>

#include "rapport-person-row.h"
#include "test-core-util.h"
#include "test-ui-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  GtkWidget    *row;
  GtkWidget    *window;
} Fixture;

static RapportPerson *
load_person (Fixture *f,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) people = rapport_person_load_all (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (people)); i++)
    {
      g_autoptr(RapportPerson) person = g_list_model_get_item (G_LIST_MODEL (people), i);
      if (rapport_person_get_id (person) == id)
        return g_steal_pointer (&person);
    }
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  GtkWidget *list = gtk_list_box_new ();

  test_core_db_set_up (&f->dir, &f->path, &f->store);
  /* Ada meets weekly and last met long ago: overdue. Grace met today:
   * not due. */
  test_core_exec (f->store,
                  "INSERT INTO people (id, uuid, name, role, cadence_days, created_at, updated_at) VALUES"
                  " (1, 'a0000000-0000-4000-8000-000000000001', 'Ada Lovelace', 'Analyst', 7,"
                  "  '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z'),"
                  " (2, 'a0000000-0000-4000-8000-000000000002', 'Grace Hopper', '', 366,"
                  "  '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z');"
                  "INSERT INTO meetings (id, uuid, person_id, date, notes, created_at, updated_at) VALUES"
                  " (1, 'c0000000-0000-4000-8000-000000000001', 1, '2020-01-02', '',"
                  "  '2020-01-02T10:00:00.000Z', '2020-01-02T10:00:00.000Z'),"
                  " (2, 'c0000000-0000-4000-8000-000000000002', 2, date('now'), '',"
                  "  '2020-01-02T10:00:00.000Z', '2020-01-02T10:00:00.000Z');");
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), list);
  f->row = rapport_person_row_new (f->store, NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), f->row);
  g_object_ref (f->row);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_ui_spin (20);
  g_assert_finalize_object (f->row);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static gboolean
is_label (GtkWidget    *widget,
          gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The label showing @text, visible in the row, or NULL. */
static GtkWidget *
shown (Fixture    *f,
       const char *text)
{
  g_autoptr(GPtrArray) found = test_ui_find_all_visible (f->row, is_label, text);

  return found->len > 0 ? found->pdata[0] : NULL;
}

static void
test_follows_person (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(RapportPerson) ada = load_person (f, 1);
  g_autoptr(RapportPerson) grace = load_person (f, 2);

  rapport_person_row_set_person (RAPPORT_PERSON_ROW (f->row), ada);
  g_assert_true (rapport_person_row_get_person (RAPPORT_PERSON_ROW (f->row)) == ada);
  g_assert_nonnull (shown (f, "Ada Lovelace"));
  g_assert_nonnull (shown (f, "Analyst"));
  g_assert_null (shown (f, "Archived"));
  g_assert_nonnull (shown (f, "overdue"));
  g_assert_true (gtk_widget_has_css_class (shown (f, "overdue"), "overdue"));

  /* A property change on the person repaints the row, with nobody
   * calling it. */
  rapport_person_set_name (ada, "Augusta Ada King");
  g_assert_nonnull (shown (f, "Augusta Ada King"));
  g_assert_null (shown (f, "Ada Lovelace"));
  rapport_person_set_role (ada, "");
  g_assert_null (shown (f, "Analyst"));
  rapport_person_set_archived (ada, TRUE);
  g_assert_nonnull (shown (f, "Archived"));

  /* Another person: the row shows them, and the first no longer reaches it. */
  rapport_person_row_set_person (RAPPORT_PERSON_ROW (f->row), grace);
  g_assert_nonnull (shown (f, "Grace Hopper"));
  g_assert_null (shown (f, "Archived"));
  g_assert_null (shown (f, "overdue"));
  g_assert_null (shown (f, "due"));
  rapport_person_set_name (ada, "Ada again");
  g_assert_null (shown (f, "Ada again"));
  g_assert_nonnull (shown (f, "Grace Hopper"));

  /* A closer cadence makes Grace due: the badge follows the person too. */
  test_core_exec (f->store, "UPDATE meetings SET date = '2020-01-02' WHERE id = 2");
  rapport_person_set_cadence_days (grace, 7);
  g_assert_nonnull (shown (f, "overdue"));

  rapport_person_row_set_person (RAPPORT_PERSON_ROW (f->row), NULL);
  g_assert_null (rapport_person_row_get_person (RAPPORT_PERSON_ROW (f->row)));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/person-row/follows-person", Fixture, NULL, fixture_set_up, test_follows_person,
              fixture_tear_down);

  return g_test_run ();
}
