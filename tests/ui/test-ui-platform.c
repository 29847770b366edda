/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rapport-platform.h"
#include "test-ui-util.h"

typedef struct
{
  GtkWindow    *window;
  GCancellable *cancellable;
  GAsyncResult *result;
  guint         n_responses;
  char         *last_response;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->window = GTK_WINDOW (g_object_ref_sink (adw_window_new ()));
  adw_window_set_content (ADW_WINDOW (f->window), gtk_label_new ("parent"));
  gtk_window_present (f->window);
  f->cancellable = g_cancellable_new ();
  test_ui_spin (50);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_assert_null (test_ui_find_alert ());
  gtk_window_destroy (f->window);
  test_ui_spin (20);
  g_assert_finalize_object (f->window);
  g_clear_object (&f->cancellable);
  g_clear_object (&f->result);
  g_free (f->last_response);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Fixture *f = data;

  g_assert_null (f->result);
  f->result = g_object_ref (result);
}

static void
wait_for_result (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (f->result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
on_response (GtkWidget  *alert,
             const char *response,
             Fixture    *f)
{
  f->n_responses++;
  g_free (f->last_response);
  f->last_response = g_strdup (response);
}

static GtkWidget *
question (Fixture *f)
{
  GtkWidget *alert = rapport_alert_new ("Delete It?", NULL);

  rapport_alert_format_body (alert, "“%s” goes for good.", "notes.txt");
  rapport_alert_add_responses (alert, "keep", "_Keep", "delete", "_Delete", NULL);
  rapport_alert_set_response_appearance (alert, "delete", ADW_RESPONSE_DESTRUCTIVE);
  rapport_alert_set_default_response (alert, "keep");
  rapport_alert_set_close_response (alert, "keep");
  g_signal_connect (alert, "response", G_CALLBACK (on_response), f);
  return alert;
}

/* The build took the widgets of the platform it chose. */
static void
test_platform (void)
{
  GtkWidget *alert = g_object_ref_sink (rapport_alert_new ("Heading", NULL));

  if (g_str_equal (RAPPORT_PLATFORM, "gnome46"))
    {
      g_assert_true (RAPPORT_HAVE_ADW_DIALOG);
      g_assert_true (RAPPORT_HAVE_GTK_FILE_DIALOG);
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (alert), ==, "AdwAlertDialog");
    }
  else
    {
      g_assert_cmpstr (RAPPORT_PLATFORM, ==, "gnome43");
      if (RAPPORT_PINNED)
        {
          g_assert_false (RAPPORT_HAVE_ADW_DIALOG);
          g_assert_false (RAPPORT_HAVE_GTK_FILE_DIALOG);
          g_assert_cmpstr (G_OBJECT_TYPE_NAME (alert), ==, "AdwMessageDialog");
        }
    }
  g_assert_true (rapport_alert_is_alert (alert));
  g_assert_false (rapport_alert_is_alert (gtk_label_new ("not one")));
  if (GTK_IS_WINDOW (alert))
    gtk_window_destroy (GTK_WINDOW (alert));
  g_assert_finalize_object (alert);
}

static void
test_alert_choose (Fixture      *f,
                   gconstpointer data)
{
  GtkWidget *alert = question (f);

  g_assert_cmpstr (rapport_alert_get_heading (alert), ==, "Delete It?");
  g_assert_cmpstr (rapport_alert_get_body (alert), ==, "“notes.txt” goes for good.");
  g_assert_true (rapport_alert_has_response (alert, "delete"));
  g_assert_false (rapport_alert_has_response (alert, "close"));
  g_assert_cmpstr (rapport_alert_get_response_label (alert, "delete"), ==, "_Delete");
  g_assert_cmpint (rapport_alert_get_response_appearance (alert, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpint (rapport_alert_get_response_appearance (alert, "keep"), ==, ADW_RESPONSE_DEFAULT);

  rapport_alert_choose (alert, GTK_WIDGET (f->window), f->cancellable, on_done, f);
  test_ui_spin (50);
  g_assert_true (test_ui_find_alert () == alert);
  g_assert_null (f->result);

  /* A disabled response cannot be chosen; enabled again, it can. */
  rapport_alert_set_response_enabled (alert, "delete", FALSE);
  g_assert_false (rapport_alert_get_response_enabled (alert, "delete"));
  rapport_alert_respond (alert, "delete");
  test_ui_spin (50);
  g_assert_null (f->result);
  g_assert_cmpuint (f->n_responses, ==, 0);
  rapport_alert_set_response_enabled (alert, "delete", TRUE);
  rapport_alert_respond (alert, "delete");
  wait_for_result (f);
  g_assert_cmpstr (rapport_alert_choose_finish (alert, f->result), ==, "delete");
  test_ui_spin (50);
  g_assert_cmpuint (f->n_responses, ==, 1);
  g_assert_cmpstr (f->last_response, ==, "delete");
  g_assert_null (test_ui_find_alert ());
}

/* Cancelling closes the alert with its close response, as Escape does. */
static void
test_alert_cancelled (Fixture      *f,
                      gconstpointer data)
{
  GtkWidget *alert = question (f);

  g_object_ref (alert);
  rapport_alert_choose (alert, GTK_WIDGET (f->window), f->cancellable, on_done, f);
  test_ui_spin (50);
  g_assert_nonnull (test_ui_find_alert ());
  g_cancellable_cancel (f->cancellable);
  wait_for_result (f);
  g_assert_cmpstr (rapport_alert_choose_finish (alert, f->result), ==, "keep");
  test_ui_spin (50);
  g_assert_cmpuint (f->n_responses, ==, 1);
  g_assert_cmpstr (f->last_response, ==, "keep");
  g_assert_null (test_ui_find_alert ());
  g_object_unref (alert);
}

static void
test_alert_present_close (Fixture      *f,
                          gconstpointer data)
{
  GtkWidget *alert = question (f);
  GtkWidget *extra = gtk_label_new ("extra");

  rapport_alert_set_extra_child (alert, extra);
  rapport_alert_present (alert, GTK_WIDGET (f->window));
  test_ui_spin (50);
  g_assert_true (test_ui_find_alert () == alert);
  g_assert_true (gtk_widget_is_ancestor (extra, alert));
  rapport_alert_close (alert);
  test_ui_spin (50);
  g_assert_cmpuint (f->n_responses, ==, 1);
  g_assert_cmpstr (f->last_response, ==, "keep");
  g_assert_null (test_ui_find_alert ());
}

static GtkFileChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }
  return NULL;
}

static GListModel *
json_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, "JSON");
  gtk_file_filter_add_pattern (json, "*.json");
  g_list_store_append (filters, json);
  gtk_file_filter_set_name (all, "All Files");
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, all);
  return G_LIST_MODEL (filters);
}

/* The chooser that GtkFileDialog shows without a portal is the
 * GtkFileChooserDialog of old, and is answered here with its own
 * (deprecated since GTK 4.10) API, as a user would answer it. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/* Without a portal both choosers show a GtkFileChooserDialog we can
 * answer as a user would. */
static void
test_file_save (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-platform-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chosen.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GListModel) filters = json_filters ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;

  rapport_file_choose (f->window, RAPPORT_FILE_SAVE, "Save It", "_Save", "suggested.json", folder,
                       filters, f->cancellable, on_done, f);
  test_ui_spin (200);
  chooser = find_chooser ();
  if (chooser == NULL)
    {
      g_cancellable_cancel (f->cancellable);
      wait_for_result (f);
      g_rmdir (dir);
      g_test_skip ("the file chooser is a portal here");
      return;
    }
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "suggested.json");
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (chooser)), ==, "JSON");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Save It");
  {
    g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);
    g_assert_true (g_file_equal (current, folder));
  }
  gtk_file_chooser_set_current_name (chooser, "chosen.json");
  test_ui_wait_quiet ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_for_result (f);
  file = rapport_file_choose_finish (f->result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  {
    g_autofree char *got = g_file_get_path (file);
    g_assert_cmpstr (got, ==, path);
  }
  test_ui_spin (50);
  g_assert_null (find_chooser ());
  g_rmdir (dir);
}

/* Dismissing the chooser and cancelling it both end with CANCELLED. */
static void
test_file_dismissed (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;

  rapport_file_choose (f->window, RAPPORT_FILE_OPEN, "Open It", "_Open", NULL, NULL, NULL,
                       f->cancellable, on_done, f);
  test_ui_spin (200);
  chooser = find_chooser ();
  if (chooser == NULL)
    {
      g_cancellable_cancel (f->cancellable);
      wait_for_result (f);
      g_test_skip ("the file chooser is a portal here");
      return;
    }
  test_ui_wait_quiet ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_for_result (f);
  g_assert_null (rapport_file_choose_finish (f->result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  test_ui_spin (50);
  g_assert_null (find_chooser ());
}

G_GNUC_END_IGNORE_DEPRECATIONS

static void
test_file_cancelled (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  rapport_file_choose (f->window, RAPPORT_FILE_OPEN, "Open It", "_Open", NULL, NULL, NULL,
                       f->cancellable, on_done, f);
  test_ui_spin (200);
  g_cancellable_cancel (f->cancellable);
  wait_for_result (f);
  g_assert_null (rapport_file_choose_finish (f->result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  test_ui_spin (100);
  g_assert_null (find_chooser ());
}

/* A URI nothing can open is an error for the caller, not a crash or a
 * warning. */
static void
test_uri_unknown (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  rapport_uri_launch (f->window, "x-rapport-test-nothing-opens-this:42", f->cancellable, on_done, f);
  wait_for_result (f);
  g_assert_false (rapport_uri_launch_finish (f->result, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  test_ui_tolerate_path_bar_race ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Dialogs open and close at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/platform/chosen", test_platform);
#define ADD(name, func) \
  g_test_add ("/platform/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("alert-choose", test_alert_choose);
  ADD ("alert-cancelled", test_alert_cancelled);
  ADD ("alert-present-close", test_alert_present_close);
  ADD ("file-save", test_file_save);
  ADD ("file-dismissed", test_file_dismissed);
  ADD ("file-cancelled", test_file_cancelled);
  ADD ("uri-unknown", test_uri_unknown);
#undef ADD

  return g_test_run ();
}
