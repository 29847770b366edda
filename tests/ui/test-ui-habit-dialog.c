/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-habit-dialog.h"
#include "rapport-platform.h"
#include "test-core-util.h"
#include "test-ui-util.h"

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
}

static gboolean
match_kind_help (GtkWidget    *widget,
                 gconstpointer data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), "structure habits") != NULL;
}

static gboolean
match_kind_row (GtkWidget    *widget,
                gconstpointer data)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Kind") == 0;
}

/* What "Kind" means is read in full: a wrapping label as wide as the list
 * of fields, not a subtitle squeezed beside the chosen value. */
static void
test_kind_help (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  RapportStore    *store = NULL;
  GtkWidget       *window, *dialog, *help, *row, *list;
  int              width, min_height, nat_height;

  test_core_db_set_up (&dir, &path, &store);
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 500);
  gtk_window_present (GTK_WINDOW (window));
  rapport_habit_dialog_run_async (window, store, NULL, NULL, on_done, NULL);
  dialog = test_ui_find_dialog ();
  g_assert_nonnull (dialog);
  test_ui_spin (300);

  row = test_ui_find (dialog, match_kind_row, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "");
  help = test_ui_find (dialog, match_kind_help, NULL);
  g_assert_nonnull (help);
  g_assert_null (gtk_widget_get_ancestor (help, ADW_TYPE_ACTION_ROW));
  g_assert_true (gtk_widget_get_mapped (help));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (help)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (help)), ==, PANGO_ELLIPSIZE_NONE);

  list = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX);
  width = gtk_widget_get_width (help);
  g_test_message ("help %d px wide, list %d px", width, gtk_widget_get_width (list));
  g_assert_cmpint (width, >=, gtk_widget_get_width (list) - 1);
  /* Tall enough for all its lines at that width: nothing cut off. */
  gtk_widget_measure (help, GTK_ORIENTATION_VERTICAL, width, &min_height, &nat_height, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (help), >=, min_height);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (help))));

  rapport_form_close (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  test_core_db_tear_down (&dir, &path, &store);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/habit-dialog/kind-help", test_kind_help);

  return g_test_run ();
}
