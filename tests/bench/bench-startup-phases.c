/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where Rapport's start-up time goes, for bench-startup.py: the steps of
 * rapport_application_activate() on the decade database, in one process,
 * each with its wall and CPU time (all threads). GTK is initialised
 * before the clock starts: the empty window pays for that too.
 *
 *   bench-startup-phases DATABASE [--no-homogeneous-stacks | --hide-other-pages
 *                                  | --hide=TYPE]
 *
 * The options are experiments for the window: the first makes every
 * GtkStack of the window measure only its visible page (hhomogeneous and
 * vhomogeneous off) before the window is shown; the second hides every
 * page but the visible one of each stack, which comes close to building
 * those pages only when they are first shown (hidden widgets are neither
 * styled nor measured); the third hides every widget of that type
 * (RapportPersonRow, RapportThisWeekRow...), which tells what those
 * widgets cost the first frame. Compare the phases, or count
 * instructions with valgrind --tool=callgrind
 * --toggle-collect=gtk_window_present.
 */
#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "bench-util.h"
#include "rapport-window.h"

static gboolean drawn;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  drawn = TRUE;
}

static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct
{
  gint64 wall;
  double cpu;
} Mark;

static Mark
mark_now (void)
{
  return (Mark){ g_get_monotonic_time (), process_cpu_ms () };
}

static void
print_phase (const char *what,
             Mark       *last)
{
  Mark now = mark_now ();

  g_print ("phase: %-52s %7.1f ms wall %7.1f ms CPU\n", what,
           (now.wall - last->wall) / 1000.0, now.cpu - last->cpu);
  *last = now;
}

/* Returns how many stacks (or pages, with @hide) it changed. */
static guint
change_stacks (GtkWidget *widget,
               gboolean   hide)
{
  guint n = 0;

  if (GTK_IS_STACK (widget))
    {
      GtkStack  *stack = GTK_STACK (widget);
      GtkWidget *visible = gtk_stack_get_visible_child (stack);

      if (hide)
        {
          for (GtkWidget *page = gtk_widget_get_first_child (widget);
               page != NULL;
               page = gtk_widget_get_next_sibling (page))
            if (page != visible && gtk_widget_get_visible (page))
              {
                gtk_widget_set_visible (page, FALSE);
                n++;
              }
        }
      else
        {
          n += gtk_stack_get_hhomogeneous (stack) || gtk_stack_get_vhomogeneous (stack);
          gtk_stack_set_hhomogeneous (stack, FALSE);
          gtk_stack_set_vhomogeneous (stack, FALSE);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += change_stacks (child, hide);
  return n;
}

/* Hides every widget of @type (by name); returns how many. */
static guint
hide_type (GtkWidget  *widget,
           const char *type)
{
  guint n = 0;

  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), type) && gtk_widget_get_visible (widget))
    {
      gtk_widget_set_visible (widget, FALSE);
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += hide_type (child, type);
  return n;
}

/* Counts the mapped labels under @widget by the nearest ancestor whose
 * type is one of Rapport's (or the window), into @counts. */
static void
count_labels (GtkWidget  *widget,
              const char *owner,
              GHashTable *counts)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  if (!gtk_widget_get_mapped (widget))
    return;
  if (g_str_has_prefix (type, "Rapport") && !g_str_has_suffix (type, "Split"))
    owner = type;
  if (GTK_IS_LABEL (widget))
    g_hash_table_insert (counts, (gpointer) owner,
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, owner)) + 1));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_labels (child, owner, counts);
}

static void
print_labels (GtkWidget *window)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer       key, value;
  guint          total = 0;

  count_labels (window, G_OBJECT_TYPE_NAME (window), counts);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    total += GPOINTER_TO_UINT (value);
  /* Most of the measure before the first frame is Pango laying out the
   * text of each label shown: where the labels are says where it goes. */
  g_print ("# labels shown in the first frame: %u, by the widget that holds them:", total);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_print (" %s %u", (const char *) key, GPOINTER_TO_UINT (value));
  g_print ("\n");
}

int
main (int argc, char *argv[])
{
  g_autoptr(RapportStore) store = NULL;
  RapportWindow *window;
  GdkFrameClock *clock;
  Mark           first, last;

  if (argc < 2 || argc > 3 ||
      (argc == 3 && !g_str_equal (argv[2], "--no-homogeneous-stacks") &&
       !g_str_equal (argv[2], "--hide-other-pages") && !g_str_has_prefix (argv[2], "--hide=")))
    g_error ("usage: bench-startup-phases DATABASE [--no-homogeneous-stacks | --hide-other-pages | --hide=TYPE]");
  gtk_init ();
  adw_init ();

  first = last = mark_now ();
  store = bench_open (argv[1]);
  print_phase ("open the database (rapport_store_open)", &last);
  window = rapport_window_new (NULL, store);
  print_phase ("build the window (rapport_window_new: template, loads)", &last);
  if (argc == 3 && g_str_has_prefix (argv[2], "--hide="))
    g_print ("# experiment: %u widgets of type %s hidden\n",
             hide_type (GTK_WIDGET (window), argv[2] + 7), argv[2] + 7);
  else if (argc == 3 && g_str_equal (argv[2], "--hide-other-pages"))
    g_print ("# experiment: %u pages hidden that are not their stack's visible one\n",
             change_stacks (GTK_WIDGET (window), TRUE));
  else if (argc == 3)
    g_print ("# experiment: %u stacks made to measure only their visible page\n",
             change_stacks (GTK_WIDGET (window), FALSE));
  gtk_widget_realize (GTK_WIDGET (window));
  print_phase ("realize it (renderer)", &last);
  gtk_window_present (GTK_WINDOW (window));
  print_phase ("present it (measure and map: every page's widgets)", &last);
  while ((clock = gtk_widget_get_frame_clock (GTK_WIDGET (window))) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  while (!drawn)
    g_main_context_iteration (NULL, TRUE);
  print_phase ("first frame (layout, snapshot, render)", &last);
  print_phase ("total, from opening the database to the first frame", &first);
  print_labels (GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
