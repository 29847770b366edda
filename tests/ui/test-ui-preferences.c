/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rapport-habit-library.h"
#include "rapport-habit.h"
#include "rapport-preferences-window.h"
#include "test-core-util.h"

typedef struct
{
  char                     *dir;
  char                     *path;
  RapportStore             *store;
  RapportPreferencesWindow *window;
  guint                     changes;
} Fixture;

static void
on_habits_changed (RapportPreferencesWindow *window,
                   Fixture                  *f)
{
  f->changes++;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_core_tmpdir_new ();
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = test_core_store_new (f->dir);
  f->window = g_object_ref (rapport_preferences_window_new (NULL, f->store));
  g_signal_connect (f->window, "habits-changed", G_CALLBACK (on_habits_changed), f);
  gtk_window_present (GTK_WINDOW (f->window));
  spin (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (20);
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->store);
  test_core_tmpdir_free (f->dir);
  g_free (f->path);
}

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *widget,
             Match          match,
             gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
match_tooltip (GtkWidget     *widget,
               gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
match_row_title (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The control a user would reach by its accessible name (tooltip). */
static GtkWidget *
button (Fixture    *f,
        const char *tooltip)
{
  GtkWidget *found = find_widget (GTK_WIDGET (f->window), match_tooltip, tooltip);

  if (found == NULL)
    g_error ("No button “%s”", tooltip);
  return found;
}

static void
click (Fixture    *f,
       const char *tooltip)
{
  GtkWidget *widget = button (f, tooltip);

  g_assert_true (gtk_widget_is_sensitive (widget));
  gtk_widget_activate (widget);
  spin (20);
}

static GPtrArray *
row_titles (GtkListBox *list)
{
  GPtrArray *titles = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (ADW_IS_PREFERENCES_ROW (row))
      g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_ptr_array_add (titles, NULL);
  return titles;
}

static char *
list_string (GtkListBox *list)
{
  g_autoptr(GPtrArray) titles = row_titles (list);
  return g_strjoinv (", ", (char **) titles->pdata);
}

static gboolean
match_group_title (GtkWidget     *widget,
                   gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget)
         && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
match_list_box (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget);
}

static GtkListBox *
list_of_group (Fixture    *f,
               const char *group_title)
{
  GtkWidget *group = find_widget (GTK_WIDGET (f->window), match_group_title, group_title);

  g_assert_nonnull (group);
  return GTK_LIST_BOX (find_widget (group, match_list_box, NULL));
}

#define assert_list(f, group, expected) \
  G_STMT_START { \
    g_autofree char *got_ = list_string (list_of_group ((f), (group))); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static char *
active_string (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) habits = rapport_habit_load_active (f->store, &error);
  g_autoptr(GString) out = g_string_new ("");

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (habits)); i++)
    {
      g_autoptr(RapportHabit) habit = g_list_model_get_item (G_LIST_MODEL (habits), i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, rapport_habit_get_label (habit));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
