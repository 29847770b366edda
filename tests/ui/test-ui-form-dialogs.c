/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rapport-habit-dialog.h"
#include "rapport-person-dialog.h"
#include "rapport-platform.h"
#include "test-core-util.h"
#include "test-ui-util.h"

/* What came back from a dialog's task. */
typedef struct
{
  gboolean done;
  GObject *source;       /* the window the task held */
  gboolean parent_alive; /* it was still an object when the callback ran */
  gboolean ok;
  GError  *error;
  char    *text;   /* name or label */
  char    *detail; /* role or hint */
  int      number; /* cadence or kind */
} Outcome;

static void
outcome_clear (Outcome *o)
{
  g_clear_error (&o->error);
  g_clear_pointer (&o->text, g_free);
  g_clear_pointer (&o->detail, g_free);
}

static void
on_person_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Outcome *o = user_data;

  o->done = TRUE;
  o->source = source;
  o->parent_alive = GTK_IS_WINDOW (source);
  o->ok = rapport_person_dialog_run_finish (result, &o->text, &o->detail, &o->number, &o->error);
}

static void
on_habit_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Outcome         *o = user_data;
  RapportHabitKind kind = RAPPORT_HABIT_TRUST;

  o->done = TRUE;
  o->source = source;
  o->parent_alive = GTK_IS_WINDOW (source);
  o->ok = rapport_habit_dialog_run_finish (result, &o->text, &o->detail, &kind, &o->error);
  o->number = kind;
}

static void
wait_done (Outcome *o)
{
  for (guint i = 0; i < 100 && !o->done; i++)
    test_ui_spin (10);
  g_assert_true (o->done);
}

/* Waits for the task's end, which must be a cancellation, and forgets it. */
static void
assert_cancelled (Outcome *o)
{
  wait_done (o);
  g_assert_false (o->ok);
  g_assert_error (o->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (o->text);
  outcome_clear (o);
  *o = (Outcome){ 0 };
}

static gboolean
is_row_titled (GtkWidget    *widget,
               gconstpointer title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
type_into (GtkWidget  *dialog,
           const char *title,
           const char *text)
{
  GtkWidget *row = test_ui_find (dialog, is_row_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* A window like the app's, which holds its dialogs on the newer platform
 * (a plain GtkWindow does not: they get a window of their own). */
static GtkWidget *
window_new (void)
{
  GtkWidget *window = adw_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* "Add" hands back what was typed, with the parent as the source. */
static void
test_person_save (void)
{
  GtkWidget *window = window_new ();
  Outcome    o = { 0 };
  GtkWidget *dialog;

  rapport_person_dialog_run_async (GTK_WINDOW (window), NULL, NULL, on_person_done, &o);
  dialog = test_ui_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (rapport_form_get_window (dialog) == GTK_WINDOW (window));
  type_into (dialog, "Name", "Grace");
  type_into (dialog, "Role (optional)", "Tech lead");
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_ui_find (dialog, is_row_titled, "Meet")), 1);
  rapport_form_respond (dialog, TRUE);
  wait_done (&o);
  g_assert_null (test_ui_find_dialog ());

  g_assert_no_error (o.error);
  g_assert_true (o.ok);
  g_assert_true (o.source == G_OBJECT (window));
  g_assert_cmpstr (o.text, ==, "Grace");
  g_assert_cmpstr (o.detail, ==, "Tech lead");
  g_assert_cmpint (o.number, ==, 14);

  outcome_clear (&o);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cancel, or closing the dialog otherwise, is G_IO_ERROR_CANCELLED. */
static void
test_person_cancel (void)
{
  GtkWidget *window = window_new ();
  Outcome    o = { 0 };
  GtkWidget *dialog;

  rapport_person_dialog_run_async (GTK_WINDOW (window), NULL, NULL, on_person_done, &o);
  dialog = test_ui_find_dialog ();
  type_into (dialog, "Name", "Grace");
  rapport_form_respond (dialog, FALSE);
  assert_cancelled (&o);
  g_assert_null (test_ui_find_dialog ());

  /* Closed without an answer. */
  rapport_person_dialog_run_async (GTK_WINDOW (window), NULL, NULL, on_person_done, &o);
  rapport_form_close (test_ui_find_dialog ());
  assert_cancelled (&o);
  g_assert_null (test_ui_find_dialog ());

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The cancellable closes the dialog; one cancelled before shows none. */
static void
test_person_cancellable (void)
{
  GtkWidget *window = window_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  Outcome o = { 0 };

  rapport_person_dialog_run_async (GTK_WINDOW (window), NULL, cancellable, on_person_done, &o);
  g_assert_nonnull (test_ui_find_dialog ());
  g_cancellable_cancel (cancellable);
  assert_cancelled (&o);
  g_assert_null (test_ui_find_dialog ());

  g_cancellable_cancel (cancelled);
  rapport_person_dialog_run_async (GTK_WINDOW (window), NULL, cancelled, on_person_done, &o);
  g_assert_null (test_ui_find_dialog ());
  assert_cancelled (&o);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The parent goes first: the dialog goes with it, and the callback still
 * gets the parent as a live object (the task holds it).  @data: TRUE for
 * a plain GtkWindow, beside which an AdwDialog has a window of its own. */
static void
test_person_parent_destroyed (gconstpointer data)
{
  g_autoptr(RapportPerson) person = g_object_new (RAPPORT_TYPE_PERSON, "name", "Grace", NULL);
  GtkWidget *window = GPOINTER_TO_INT (data) ? gtk_window_new () : window_new ();
  Outcome    o = { 0 };
  GtkWidget *dialog;

  gtk_window_present (GTK_WINDOW (window));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  rapport_person_dialog_run_async (GTK_WINDOW (window), person, NULL, on_person_done, &o);
  dialog = test_ui_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_ui_find (dialog, is_row_titled, "Name"))),
                   ==, "Grace");
  g_assert_true (rapport_form_get_window (dialog) == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_done (&o);
  g_assert_true (o.parent_alive);
  assert_cancelled (&o);
  g_assert_null (test_ui_find_dialog ());
  test_ui_spin (50);
  g_assert_null (window);
}

/* The habit dialog has the same shape: values on "Add", checked first. */
static void
test_habit_save_and_cancel (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  RapportStore    *store = NULL;
  GtkWidget       *window;
  GtkWidget       *dialog;
  Outcome          o = { 0 };

  test_core_db_set_up (&dir, &path, &store);
  window = window_new ();

  rapport_habit_dialog_run_async (window, store, NULL, NULL, on_habit_done, &o);
  dialog = test_ui_find_dialog ();
  type_into (dialog, "Name", "Ask for feedback");
  type_into (dialog, "Hint (optional)", "What should I do differently?");
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_ui_find (dialog, is_row_titled, "Kind")), 1);
  g_assert_true (rapport_form_get_save_enabled (dialog));
  rapport_form_respond (dialog, TRUE);
  wait_done (&o);
  g_assert_no_error (o.error);
  g_assert_true (o.ok);
  g_assert_true (o.source == G_OBJECT (window));
  g_assert_cmpstr (o.text, ==, "Ask for feedback");
  g_assert_cmpstr (o.detail, ==, "What should I do differently?");
  g_assert_cmpint (o.number, ==, RAPPORT_HABIT_STRUCTURE);
  outcome_clear (&o);

  o = (Outcome){ 0 };
  rapport_habit_dialog_run_async (window, store, NULL, NULL, on_habit_done, &o);
  rapport_form_respond (test_ui_find_dialog (), FALSE);
  assert_cancelled (&o);

  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  test_core_db_tear_down (&dir, &path, &store);
}

static gboolean
is_named (GtkWidget    *widget,
          gconstpointer type_name)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name);
}

static gboolean
is_labelled (GtkWidget    *widget,
             gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The forms are today's dialog where the platform has it: an AdwDialog
 * with the answers in its header bar, over the window on a wide one and a
 * bottom sheet on a narrow one; an AdwMessageDialog on GNOME 43.  Either
 * way the name has the keyboard and the form is no alert. */
static void
test_platform (gconstpointer data)
{
  int        width = GPOINTER_TO_INT (data);
  GtkWidget *window = adw_window_new ();
  Outcome    o = { 0 };
  GtkWidget *dialog, *name, *focus;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_spin (100);
  rapport_person_dialog_run_async (GTK_WINDOW (window), NULL, NULL, on_person_done, &o);
  dialog = test_ui_find_dialog ();
  g_assert_nonnull (dialog);
  test_ui_spin (400);

  g_assert_true (rapport_form_is_form (dialog));
  g_assert_false (rapport_alert_is_alert (dialog));
  g_assert_null (test_ui_find_alert ());
  g_assert_cmpstr (rapport_form_get_heading (dialog), ==, "Add Person");
  g_assert_true (rapport_form_get_window (dialog) == GTK_WINDOW (window));
  if (g_str_equal (RAPPORT_PLATFORM, "gnome46"))
    {
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (dialog), ==, "AdwDialog");
      g_assert_true (gtk_widget_get_root (dialog) == GTK_ROOT (window));
      g_autoptr(GPtrArray) controls = test_ui_find_all_visible (dialog, is_named, "GtkWindowControls");

      /* Cancel and Add in the header bar, no title buttons. */
      g_assert_nonnull (gtk_widget_get_ancestor (test_ui_find (dialog, is_labelled, "_Cancel"),
                                                 g_type_from_name ("AdwHeaderBar")));
      g_assert_nonnull (gtk_widget_get_ancestor (test_ui_find (dialog, is_labelled, "_Add"),
                                                 g_type_from_name ("AdwHeaderBar")));
      g_assert_cmpuint (controls->len, ==, 0);
      /* The sheet is inside the dialog, around what it shows. */
      if (width < 450)
        g_assert_nonnull (test_ui_find (dialog, is_named, "AdwBottomSheet"));
      else
        g_assert_nonnull (test_ui_find (dialog, is_named, "AdwFloatingSheet"));
    }
  else if (RAPPORT_PINNED)
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (dialog), ==, "AdwMessageDialog");

  name = test_ui_find (dialog, is_row_titled, "Name");
  focus = gtk_root_get_focus (gtk_widget_get_root (dialog));
  /* The text itself, where typing goes: not just the row around it. */
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, name));

  /* Nothing to add without a name; Enter then adds, and closes the form. */
  g_assert_false (rapport_form_get_save_enabled (dialog));
  g_signal_emit_by_name (name, "entry-activated");
  test_ui_spin (20);
  g_assert_false (o.done);
  g_assert_true (test_ui_find_dialog () == dialog);
  type_into (dialog, "Name", "Ada");
  g_assert_true (rapport_form_get_save_enabled (dialog));
  g_signal_emit_by_name (name, "entry-activated");
  wait_done (&o);
  g_assert_true (o.ok);
  g_assert_cmpstr (o.text, ==, "Ada");
  g_assert_cmpint (o.number, ==, 7);
  g_assert_null (test_ui_find_dialog ());
  outcome_clear (&o);

  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/form-dialogs/person-save", test_person_save);
  g_test_add_func ("/ui/form-dialogs/person-cancel", test_person_cancel);
  g_test_add_func ("/ui/form-dialogs/person-cancellable", test_person_cancellable);
  g_test_add_data_func ("/ui/form-dialogs/person-parent-destroyed", GINT_TO_POINTER (FALSE),
                        test_person_parent_destroyed);
  g_test_add_data_func ("/ui/form-dialogs/person-parent-destroyed-plain-window", GINT_TO_POINTER (TRUE),
                        test_person_parent_destroyed);
  g_test_add_data_func ("/ui/form-dialogs/platform-wide", GINT_TO_POINTER (1280), test_platform);
  g_test_add_data_func ("/ui/form-dialogs/platform-narrow", GINT_TO_POINTER (360), test_platform);
  g_test_add_func ("/ui/form-dialogs/habit-save-and-cancel", test_habit_save_and_cancel);

  return g_test_run ();
}
