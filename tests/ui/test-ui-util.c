/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rapport-platform.h"
#include "test-ui-util.h"

void
test_ui_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

GtkWidget *
test_ui_find (GtkWidget    *root,
              TestUiMatch   match,
              gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_ui_find (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_visible (GtkWidget    *widget,
                 TestUiMatch   match,
                 gconstpointer data,
                 GPtrArray    *out)
{
  if (gtk_widget_get_visible (widget) && match (widget, data))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_visible (child, match, data, out);
}

GPtrArray *
test_ui_find_all_visible (GtkWidget    *root,
                          TestUiMatch   match,
                          gconstpointer data)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_visible (root, match, data, out);
  return out;
}

gboolean
test_ui_is_type (GtkWidget    *widget,
                 gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
test_ui_find_type (GtkWidget *root,
                   GType      type)
{
  return test_ui_find (root, test_ui_is_type, TEST_UI_TYPE (type));
}

static gboolean
is_open_form (GtkWidget    *widget,
              gconstpointer data)
{
  return rapport_form_is_form (widget) && rapport_form_is_open (widget) && gtk_widget_get_visible (widget);
}

GtkWidget *
test_ui_find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found = test_ui_find (GTK_WIDGET (window), is_open_form, NULL);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_shown_alert (GtkWidget    *widget,
                gconstpointer data)
{
  return rapport_alert_is_alert (widget) && gtk_widget_get_mapped (widget);
}

GtkWidget *
test_ui_find_alert (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found = test_ui_find (GTK_WIDGET (window), is_shown_alert, NULL);

      if (found != NULL)
        return found;
    }
  return NULL;
}

RapportWindow *
test_ui_window_new (RapportStore *store,
                    int           width)
{
  RapportWindow *window = g_object_ref_sink (rapport_window_new (NULL, store));

  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_spin (200);
  return window;
}

void
test_ui_window_close (RapportWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  test_ui_spin (50);
  g_assert_finalize_object (window);
}
