/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rapport-platform.h"
#include "test-ui-util.h"

/* GTK 4.8's file chooser path bar can draw a folder's button in the frame
 * that adds it, before the button has a size (seen under gdb: a GtkButton
 * in GtkPathBar in GtkFileChooserWidget, about one run in forty with
 * another test's window on the same display). That warning is GTK's own,
 * so it is printed and not made fatal; every other one still is. */
static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        message = fields[i].value;
    }
  if ((level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      g_pattern_match_simple ("Trying to snapshot GtkButton * without a current allocation", message))
    return g_log_writer_standard_streams (level, fields, n_fields, data);
  return g_log_writer_default (level, fields, n_fields, data);
}

void
test_ui_tolerate_path_bar_race (void)
{
  if (gtk_get_major_version () == 4 && gtk_get_minor_version () < 10)
    g_log_set_writer_func (write_log, NULL, NULL);
}

void
test_ui_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until nothing has happened for 300 ms (at most 5 s).
 * A file chooser looks its folder up piece by piece for its path bar, and
 * on GTK 4.18 a lookup that ends after the chooser has gone touches the
 * freed path bar (a crash in gtk_box_remove()); a person answers a chooser
 * once it has shown its folder, so the tests do too. */
void
test_ui_wait_quiet (void)
{
  gint64 quiet_since = g_get_monotonic_time ();
  gint64 give_up = quiet_since + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < give_up)
    {
      if (g_main_context_iteration (NULL, FALSE))
        quiet_since = g_get_monotonic_time ();
      else if (g_get_monotonic_time () - quiet_since > 300 * 1000)
        return;
      else
        g_usleep (1000);
    }
}

/* A key press on @widget as GTK delivers it to the focused widget: each
 * of its key controllers in turn until one handles it (GTK 4.8 has no way
 * to inject a key event); one must. */
void
test_ui_press_key (GtkWidget *widget,
                   guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  g_assert_true (handled);
  test_ui_spin (20);
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
