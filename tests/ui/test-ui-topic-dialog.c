/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rapport-person.h"
#include "rapport-talking-point.h"
#include "rapport-topic-dialog.h"
#include "test-core-util.h"
#include "test-ui-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  RapportStore  *store;
  RapportPerson *ada;
  RapportPerson *bob;
  RapportPerson *cleo;
  GtkWidget     *window;
} Fixture;

/* What came back from the dialog's task. */
typedef struct
{
  gboolean             done;
  GObject             *source;
  RapportTalkingPoint *point;
  GError              *error;
} Outcome;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->ada = test_core_person_new (f->store, "Ada Lovelace", NULL);
  f->bob = test_core_person_new (f->store, "Bob Marley", NULL);
  f->cleo = test_core_person_new (f->store, "Cleo Laine", NULL);
  rapport_person_set_archived (f->cleo, TRUE);
  g_assert_true (rapport_person_save (f->cleo, f->store, &error));
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  g_object_ref_sink (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_ui_spin (50);
  g_assert_finalize_object (g_steal_pointer (&f->window));
  g_clear_object (&f->ada);
  g_clear_object (&f->bob);
  g_clear_object (&f->cleo);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static void
outcome_clear (Outcome *o)
{
  g_clear_object (&o->point);
  g_clear_error (&o->error);
  *o = (Outcome){ 0 };
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Outcome *o = user_data;

  o->done = TRUE;
  o->source = source;
  o->point = rapport_topic_dialog_run_finish (result, &o->error);
}

static void
wait_done (Outcome *o)
{
  for (guint i = 0; i < 100 && !o->done; i++)
    test_ui_spin (10);
  g_assert_true (o->done);
}

static void
assert_cancelled (Outcome *o)
{
  wait_done (o);
  g_assert_null (o->point);
  g_assert_error (o->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  outcome_clear (o);
}

static gboolean
is_open_topic_dialog (GtkWidget    *widget,
                      gconstpointer data)
{
  return RAPPORT_IS_TOPIC_DIALOG (widget) && gtk_widget_get_mapped (widget);
}

/* The dialog on show, or NULL: a window of its own, or an AdwDialog in
 * one (its parent's, or its own). */
static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found = test_ui_find (window, is_open_topic_dialog, NULL);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_cancel_button (GtkWidget    *widget,
                  gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Cancel") == 0;
}

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static GtkWidget *
find_tooltip (GtkWidget  *root,
              const char *tooltip)
{
  GtkWidget *widget = test_ui_find (root, has_tooltip, tooltip);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
selected_name (GtkWidget *dialog)
{
  GtkDropDown   *dropdown = GTK_DROP_DOWN (test_ui_find_type (dialog, GTK_TYPE_DROP_DOWN));
  RapportPerson *person = gtk_drop_down_get_selected_item (dropdown);

  return person != NULL ? rapport_person_get_name (person) : NULL;
}

static void
test_quick_add (Fixture      *f,
                gconstpointer data)
{
  Outcome     o = { 0 };
  GtkWidget  *dialog, *row, *add, *dropdown;
  GListModel *people;

  rapport_topic_dialog_run_async (GTK_WINDOW (f->window), f->store, rapport_person_get_id (f->bob),
                                  NULL, on_done, &o);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* An adaptive dialog on libadwaita 1.5, else a modal window. */
#if RAPPORT_HAVE_ADW_DIALOG
  g_assert_true (ADW_IS_DIALOG (dialog));
#else
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
#endif
  g_assert_true (rapport_dialog_get_window (dialog) == GTK_WINDOW (f->window));

  /* The person picker: those not archived, searched by name, with the
   * person asked for chosen. */
  dropdown = test_ui_find_type (dialog, GTK_TYPE_DROP_DOWN);
  people = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  g_assert_true (gtk_drop_down_get_enable_search (GTK_DROP_DOWN (dropdown)));
  g_assert_cmpstr (selected_name (dialog), ==, "Bob Marley");
  {
    g_auto (GValue) value = G_VALUE_INIT;
    g_autoptr(RapportPerson) first = g_list_model_get_item (people, 0);

    /* What the search matches against. */
    g_assert_true (gtk_expression_evaluate (gtk_drop_down_get_expression (GTK_DROP_DOWN (dropdown)), first, &value));
    g_assert_cmpstr (g_value_get_string (&value), ==, "Ada Lovelace");
  }

  /* The text has the focus; Add waits for some. */
  row = test_ui_find_type (dialog, ADW_TYPE_ENTRY_ROW);
  test_ui_spin (100);
  {
    GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (dialog));

    g_assert_true (focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)));
  }
  add = find_tooltip (dialog, "Add to Their Talking Points (Enter)");
  g_assert_false (gtk_widget_is_sensitive (add));
  gtk_editable_set_text (GTK_EDITABLE (row), "  ");
  g_assert_false (gtk_widget_is_sensitive (add));
  /* Enter on a blank line adds nothing and keeps the dialog. */
  g_signal_emit_by_name (row, "entry-activated");
  test_ui_spin (20);
  g_assert_false (o.done);

  gtk_editable_set_text (GTK_EDITABLE (row), "Promotion case");
  g_assert_true (gtk_widget_is_sensitive (add));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_tooltip (dialog, "They Raised It")), TRUE);
  /* For Ada instead. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  g_assert_cmpstr (selected_name (dialog), ==, "Ada Lovelace");

  /* Enter adds and closes. */
  g_signal_emit_by_name (row, "entry-activated");
  wait_done (&o);
  g_assert_no_error (o.error);
  g_assert_nonnull (o.point);
  g_assert_true (o.source == G_OBJECT (f->window));
  g_assert_cmpstr (rapport_talking_point_get_text (o.point), ==, "Promotion case");
  g_assert_cmpint (rapport_talking_point_get_person_id (o.point), ==, rapport_person_get_id (f->ada));
  g_assert_cmpint (rapport_talking_point_get_raised_by (o.point), ==, RAPPORT_RAISED_BY_THEM);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points"), ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT person_id FROM talking_points WHERE text = 'Promotion case'"
                                               " AND raised_by = 'them' AND discussed_in IS NULL"),
                   ==, rapport_person_get_id (f->ada));
  test_ui_spin (20);
  g_assert_null (find_dialog ());
  outcome_clear (&o);

  /* Without a person asked for, the first; the Add button adds too. */
  rapport_topic_dialog_run_async (GTK_WINDOW (f->window), f->store, 0, NULL, on_done, &o);
  dialog = find_dialog ();
  g_assert_cmpstr (selected_name (dialog), ==, "Ada Lovelace");
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find_type (dialog, ADW_TYPE_ENTRY_ROW)), "Holiday cover");
  g_signal_emit_by_name (find_tooltip (dialog, "Add to Their Talking Points (Enter)"), "clicked");
  wait_done (&o);
  g_assert_nonnull (o.point);
  g_assert_cmpint (rapport_talking_point_get_raised_by (o.point), ==, RAPPORT_RAISED_BY_ME);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points"), ==, 2);
  outcome_clear (&o);
}

static void
test_refused (Fixture      *f,
              gconstpointer data)
{
  Outcome    o = { 0 };
  GtkWidget *dialog, *row;

  rapport_topic_dialog_run_async (GTK_WINDOW (f->window), f->store, rapport_person_get_id (f->bob),
                                  NULL, on_done, &o);
  dialog = find_dialog ();
  row = test_ui_find_type (dialog, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (row), "Conference budget");

  /* Archived elsewhere meanwhile: refused, said in the dialog, the text
   * kept. */
  test_core_sql (f->path, "UPDATE people SET archived = 1 WHERE name = 'Bob Marley'");
  g_test_expect_message ("rapport-topic-dialog", G_LOG_LEVEL_WARNING, "*");
  g_signal_emit_by_name (row, "entry-activated");
  g_test_assert_expected_messages ();
  test_ui_spin (20);
  g_assert_false (o.done);
  g_assert_true (find_dialog () == dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Conference budget");
  {
    g_autoptr(GPtrArray) labels = test_ui_find_all_visible (dialog, test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_LABEL));
    gboolean said = FALSE;

    for (guint i = 0; i < labels->len; i++)
      said |= gtk_widget_has_css_class (labels->pdata[i], "error") &&
              *gtk_label_get_label (labels->pdata[i]) != '\0';
    g_assert_true (said);
  }
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points"), ==, 0);

  /* Another person: it goes through. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_ui_find_type (dialog, GTK_TYPE_DROP_DOWN)), 0);
  g_signal_emit_by_name (row, "entry-activated");
  wait_done (&o);
  g_assert_nonnull (o.point);
  g_assert_cmpint (rapport_talking_point_get_person_id (o.point), ==, rapport_person_get_id (f->ada));
  outcome_clear (&o);
}

static void
test_cancel (Fixture      *f,
             gconstpointer data)
{
  Outcome o = { 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GtkWidget *other;

  /* Cancelled, or closed otherwise (Escape): nothing added. */
  rapport_topic_dialog_run_async (GTK_WINDOW (f->window), f->store, 0, NULL, on_done, &o);
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find_type (find_dialog (), ADW_TYPE_ENTRY_ROW)), "Never mind");
  g_signal_emit_by_name (test_ui_find (find_dialog (), is_cancel_button, NULL), "clicked");
  assert_cancelled (&o);
  test_ui_spin (20);
  g_assert_null (find_dialog ());
  rapport_topic_dialog_run_async (GTK_WINDOW (f->window), f->store, 0, NULL, on_done, &o);
  rapport_dialog_close (find_dialog ());
  assert_cancelled (&o);
  test_ui_spin (20);
  g_assert_null (find_dialog ());

  /* The cancellable closes it. */
  rapport_topic_dialog_run_async (GTK_WINDOW (f->window), f->store, 0, cancellable, on_done, &o);
  g_assert_nonnull (find_dialog ());
  g_cancellable_cancel (cancellable);
  assert_cancelled (&o);
  test_ui_spin (20);
  g_assert_null (find_dialog ());

  /* Cancelled before: no dialog at all. */
  rapport_topic_dialog_run_async (GTK_WINDOW (f->window), f->store, 0, cancellable, on_done, &o);
  assert_cancelled (&o);
  g_assert_null (find_dialog ());

  /* Its parent closed: it goes too. */
  other = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (other));
  rapport_topic_dialog_run_async (GTK_WINDOW (other), f->store, 0, NULL, on_done, &o);
  g_assert_nonnull (find_dialog ());
  gtk_window_destroy (GTK_WINDOW (other));
  assert_cancelled (&o);
  test_ui_spin (20);
  g_assert_null (find_dialog ());
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM talking_points"), ==, 0);
}

static void
test_nobody (Fixture      *f,
             gconstpointer data)
{
  Outcome    o = { 0 };
  GtkWidget *dialog;

  test_core_sql (f->path, "UPDATE people SET archived = 1");
  rapport_topic_dialog_run_async (GTK_WINDOW (f->window), f->store, 0, NULL, on_done, &o);
  dialog = find_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find_type (dialog, ADW_TYPE_ENTRY_ROW)), "Anything");
  /* Nobody to add it for: Add stays off, and the dialog says why. */
  g_assert_false (gtk_widget_is_sensitive (find_tooltip (dialog, "Add to Their Talking Points (Enter)")));
  {
    g_autoptr(GPtrArray) labels = test_ui_find_all_visible (dialog, test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_LABEL));
    gboolean said = FALSE;

    for (guint i = 0; i < labels->len; i++)
      said |= g_str_has_prefix (gtk_label_get_label (labels->pdata[i]), "Add a person first");
    g_assert_true (said);
  }
  rapport_dialog_close (dialog);
  assert_cancelled (&o);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A closed AdwDialog goes at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/topic-dialog/quick-add", test_quick_add);
  ADD ("/ui/topic-dialog/refused", test_refused);
  ADD ("/ui/topic-dialog/cancel", test_cancel);
  ADD ("/ui/topic-dialog/nobody", test_nobody);
#undef ADD

  return g_test_run ();
}
