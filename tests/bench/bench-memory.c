/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The memory budget of issue 12 on the decade data set: Rapport's own
 * share, resident memory after opening History less that of an empty
 * libadwaita window measured in the same run, under 40 MB. Prints VmRSS,
 * PSS and malloc's heap at start, after selecting a person and after
 * History (the person's, then the team's). Needs a display.
 *
 *   bench-memory EMPTY-WINDOW   (meson passes tests/bench/empty-window)
 */
#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-memory.h"
#include "bench-util.h"
#include "rapport-person.h"
#include "rapport-store.h"
#include "rapport-window.h"

#define BUDGET_MB 40.0

static gboolean drawn;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  drawn = TRUE;
}

static void
wait_for_paint (GtkWidget *window)
{
  drawn = FALSE;
  gtk_widget_queue_draw (window);
  while (!drawn)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets loads that finish in idles or threads land, and the window's
 * transitions end (History gives back their memory once they have, see
 * rapport-history-view.c; a loaded machine draws their frames late),
 * then paints twice. */
static void
settle (GtkWidget *window)
{
  gboolean done = FALSE;

  g_timeout_add (1000, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  wait_for_paint (window);
  wait_for_paint (window);
}

/* What SQLite holds, in MB: all of it in this process, and the page
 * cache of @store's connection. */
typedef struct
{
  double used;
  double cache;
} SqliteMemory;

/* The window's connection: its page cache, schema and statements. The
 * store turns SQLite's global memory statistics off (rapport-store.c), so
 * sqlite3_memory_used() reads 0; these are counted per connection. */
static SqliteMemory
sqlite_memory (RapportStore *store)
{
  static const int kinds[] = { SQLITE_DBSTATUS_CACHE_USED, SQLITE_DBSTATUS_SCHEMA_USED, SQLITE_DBSTATUS_STMT_USED };
  SqliteMemory     m = { 0, 0 };

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      int current = 0, highwater = 0;

      sqlite3_db_status (rapport_store_get_handle (store), kinds[i], &current, &highwater, 0);
      m.used += current / 1048576.0;
      if (kinds[i] == SQLITE_DBSTATUS_CACHE_USED)
        m.cache = current / 1048576.0;
    }
  return m;
}

static void
print_memory (const char         *what,
              const BenchMemory  *m,
              const BenchMemory  *empty,
              const SqliteMemory *sqlite)
{
  g_print ("%-32s VmRSS %6.1f MB (%+6.1f)  PSS %6.1f (%+6.1f)  heap %6.1f (%+6.1f)"
           "  held %6.1f (%+6.1f)  sqlite %4.1f (cache %4.1f)\n",
           what, m->rss_kib / 1024.0, (m->rss_kib - empty->rss_kib) / 1024.0,
           m->pss_kib / 1024.0, (m->pss_kib - empty->pss_kib) / 1024.0,
           m->heap_kib / 1024.0, (m->heap_kib - empty->heap_kib) / 1024.0,
           m->arena_kib / 1024.0, (m->arena_kib - empty->arena_kib) / 1024.0,
           sqlite->used, sqlite->cache);
}

/* @renderer: 64 bytes for the name of the empty window's renderer. */
static BenchMemory
empty_window_memory (const char *program,
                     char       *renderer)
{
  g_autoptr(GError) error = NULL;
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "RAPPORT_BENCH_MEMORY", "1", TRUE);
  g_autofree char *out = NULL;
  const char      *argv[] = { program, NULL };
  const char      *line;
  BenchMemory      m = { -1, -1, -1, -1 };
  int              status;

  bench_check (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                             &out, NULL, &status, &error),
               error);
  bench_check (g_spawn_check_wait_status (status, &error), error);
  line = strstr (out, "memory: ");
  if (line == NULL ||
      sscanf (line, "memory: %ld %ld %ld %ld %63s", &m.rss_kib, &m.pss_kib, &m.heap_kib, &m.arena_kib, renderer) != 5)
    g_error ("%s printed no memory line: %s", program, out);
  return m;
}

int
main (int argc, char *argv[])
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(RapportPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  BenchMemory    empty, start, selected, history, team, trimmed;
  SqliteMemory   start_sql, selected_sql, history_sql, team_sql;
  gint64         trim_us;
  char           empty_renderer[64] = "";
  RapportWindow *window;
  GdkFrameClock *clock;
  gboolean       ok;

  if (argc != 2)
    g_error ("usage: bench-memory EMPTY-WINDOW");

  gtk_init ();
  adw_init ();

  bench_print_environment ();
  path = bench_database_path (NULL, &tmpdir);
  bench_decade_ensure (path, NULL);

  /* The empty window first, in its own process, started as Rapport is. */
  empty = empty_window_memory (argv[1], empty_renderer);

  store = bench_open (path);
  /* To try another page cache than the store's (KiB, as PRAGMA cache_size
   * takes it when negative). */
  if (g_getenv ("RAPPORT_BENCH_CACHE_KIB") != NULL)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = -%d", atoi (g_getenv ("RAPPORT_BENCH_CACHE_KIB")));

      bench_check (rapport_store_exec (store, pragma, &error), error);
      g_print ("# page cache of the window's connection: %s KiB (RAPPORT_BENCH_CACHE_KIB)\n",
               g_getenv ("RAPPORT_BENCH_CACHE_KIB"));
    }
  window = rapport_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  while ((clock = gtk_widget_get_frame_clock (GTK_WIDGET (window))) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  settle (GTK_WIDGET (window));
  start = bench_memory_read ();
  start_sql = sqlite_memory (store);

  people = rapport_person_load_all (store, &error);
  bench_check (people != NULL, error);
  person = g_list_model_get_item (G_LIST_MODEL (people), 0);
  g_assert_nonnull (person);
  rapport_window_select_person (window, rapport_person_get_id (person));
  settle (GTK_WIDGET (window));
  selected = bench_memory_read ();
  selected_sql = sqlite_memory (store);

  bench_check (gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL), NULL);
  settle (GTK_WIDGET (window));
  history = bench_memory_read ();
  history_sql = sqlite_memory (store);

  bench_check (gtk_widget_activate_action (GTK_WIDGET (window), "win.team-history", NULL), NULL);
  settle (GTK_WIDGET (window));
  team = bench_memory_read ();
  team_sql = sqlite_memory (store);
  /* Not part of the figure: how much of what malloc holds it could give
   * back, to tell fragmentation from memory in use. */
  trim_us = g_get_monotonic_time ();
  malloc_trim (0);
  trim_us = g_get_monotonic_time () - trim_us;
  trimmed = bench_memory_read ();

  /* The renderer decides much of it: a software GL renderer (llvmpipe)
   * holds its compiled shaders and textures in the process's heap, more
   * for a window that draws more kinds of things. */
  g_print ("# renderer: %s here, %s in the empty window (GSK_RENDERER=%s); MB, and the difference "
           "from the empty window\n",
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))), empty_renderer,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "unset");
  g_print ("%-32s VmRSS %6.1f MB           PSS %6.1f           heap %6.1f           held %6.1f\n",
           "empty libadwaita window", empty.rss_kib / 1024.0, empty.pss_kib / 1024.0,
           empty.heap_kib / 1024.0, empty.arena_kib / 1024.0);
  print_memory ("rapport, decade, at start", &start, &empty, &start_sql);
  print_memory ("  after selecting a person", &selected, &empty, &selected_sql);
  print_memory ("  after History (the person's)", &history, &empty, &history_sql);
  print_memory ("  after History (the team's)", &team, &empty, &team_sql);
  g_print ("# then malloc_trim (0), not counted: VmRSS %.1f MB (%+.1f), held %.1f (%+.1f), in %.2f ms\n",
           trimmed.rss_kib / 1024.0, (trimmed.rss_kib - empty.rss_kib) / 1024.0,
           trimmed.arena_kib / 1024.0, (trimmed.arena_kib - empty.arena_kib) / 1024.0, trim_us / 1000.0);
  ok = bench_report ("Rapport's share after History (VmRSS)",
                     (MAX (history.rss_kib, team.rss_kib) - empty.rss_kib) / 1024.0,
                     BUDGET_MB, "MB");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  if (tmpdir != NULL)
    {
      bench_remove_database (path);
      g_rmdir (tmpdir);
    }
  return ok ? 0 : 1;
}
