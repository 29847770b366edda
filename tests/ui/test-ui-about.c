/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rapport-platform.h"
#include "test-ui-util.h"

static gboolean
is_about (GtkWidget    *widget,
          gconstpointer data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwAboutDialog") ||
         g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwAboutWindow");
}

/* The About shown in any window, or NULL. */
static GtkWidget *
find_about (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found = test_ui_find (GTK_WIDGET (window), is_about, NULL);

      if (found != NULL && gtk_widget_get_mapped (found))
        return found;
    }
  return NULL;
}

/* The About is today's dialog where the platform has it (AdwAboutDialog,
 * in the window; adw_show_about_window() is deprecated since libadwaita
 * 1.6, which the test environment makes fatal), else AdwAboutWindow,
 * modal over the window.  Either way it says what it was given. */
static void
test_about (void)
{
  GtkWidget       *window = adw_window_new ();
  g_autofree char *name = NULL;
  g_autofree char *version = NULL;
  GtkLicense       license;
  GtkWidget       *about;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (find_about ());

  rapport_about_show (window,
                      "application-name", "Rapport",
                      "version", "1.2.3",
                      "license-type", GTK_LICENSE_GPL_3_0,
                      NULL);
  test_ui_spin (300);
  about = find_about ();
  g_assert_nonnull (about);
  g_object_get (about, "application-name", &name, "version", &version, "license-type", &license, NULL);
  g_assert_cmpstr (name, ==, "Rapport");
  g_assert_cmpstr (version, ==, "1.2.3");
  g_assert_cmpint (license, ==, GTK_LICENSE_GPL_3_0);

  if (g_str_equal (RAPPORT_PLATFORM, "gnome46"))
    {
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (about), ==, "AdwAboutDialog");
      g_assert_true (gtk_widget_get_root (about) == GTK_ROOT (window));
    }
  else
    {
      if (RAPPORT_PINNED)
        g_assert_cmpstr (G_OBJECT_TYPE_NAME (about), ==, "AdwAboutWindow");
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
      g_assert_true (gtk_window_get_modal (GTK_WINDOW (about)));
    }

  rapport_dialog_close (about);
  test_ui_spin (500);
  g_assert_null (find_about ());
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/about/show", test_about);

  return g_test_run ();
}
