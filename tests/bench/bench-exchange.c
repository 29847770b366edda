/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export and import of the whole "decade" data set (decade.c), with one
 * commitment per meeting and evidence on a fifth of the ticks. Budgets
 * (DESIGN.md and issue 12): export < 3 s, import < 5 s and at most twice
 * the export's time, peak memory of the import at most 4 times the file.
 *
 *   bench-exchange [--keep PATH] [--refill]
 *                                   builds the data set (or reuses PATH),
 *                                   times export and import into an empty
 *                                   database (in a process of its own, so
 *                                   that its peak memory is its own), in
 *                                   turn five times, and a second
 *                                   (no-op) import; exits 1 over budget.
 *                                   --refill: the import leaves the
 *                                   search indexes to be filled after
 *                                   the rows, as for tables that had rows,
 *                                   instead of building them meanwhile.
 *   bench-exchange --import-only DB FILE [--refill]
 *                                   the import alone: prints its times (in
 *                                   all, and until its transaction is
 *                                   committed, before any search index
 *                                   left waiting is filled) and peak.
 *   bench-exchange --export-only DB FILE
 *                                   the export alone, for the above. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"
#include "rapport-exchange-private.h"
#include "rapport-exchange.h"
#include "rapport-search.h"
#include "rapport-store.h"

#define EXPORT_BUDGET_S 3.0
#define IMPORT_BUDGET_S 5.0
#define IMPORT_EXPORT_RATIO 2.0
#define MEMORY_RATIO 4.0
#define ROUNDS 5

/* What each round measures. */
enum
{
  EXPORT_WALL,
  EXPORT_CPU,
  IMPORT_WALL,
  IMPORT_CPU,
  ROWS_WALL,
  ROWS_CPU,
  FILLED_WALL,
  FILLED_CPU,
  PEAK,       /* KiB over the start */
  RATIO_WALL, /* import / export, in the same round */
  RATIO_CPU,
  N_FIGURES
};

static double
median (double rounds[ROUNDS][N_FIGURES],
        guint  figure)
{
  double values[ROUNDS];

  for (guint i = 0; i < ROUNDS; i++)
    values[i] = rounds[i][figure];
  bench_sort (values, ROUNDS);
  return values[ROUNDS / 2];
}

typedef struct
{
  gint64 wall; /* µs */
  gint64 cpu;  /* µs, user and system */
} Clock;

static gint64
cpu_now (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
         (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

/* Peak resident memory of this process, in KiB. VmHWM, not getrusage()'s
 * ru_maxrss: that one keeps the peak of the process that forked this one
 * across exec. */
static long
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nVmHWM:")) == NULL)
    g_error ("no VmHWM in /proc/self/status");
  return strtol (line + strlen ("\nVmHWM:"), NULL, 10);
}

static void
clock_start (Clock *c)
{
  c->wall = g_get_monotonic_time ();
  c->cpu = cpu_now ();
}

static void
clock_stop (Clock  *c,
            double *wall_s,
            double *cpu_s)
{
  *wall_s = (g_get_monotonic_time () - c->wall) / 1e6;
  *cpu_s = (cpu_now () - c->cpu) / 1e6;
}

/* The child: imports @file into the new database @db, as
 * rapport_exchange_import_from_file() does, in two steps timed apart:
 * until the import's transaction is committed (what another connection,
 * such as the window's, then sees), and the search indexes that it left
 * waiting filled. Into an empty database the import builds the indexes
 * on a second thread, and commits them with the rows; with @refill, it
 * leaves them all to be filled after, as it does for tables that had
 * rows (rapport_exchange_build_search_index). */
static int
import_only (const char *db,
             const char *file,
             gboolean    refill)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  RapportExchangeStats stats = { 0 };
  long                 before = peak_kib ();
  double               wall, cpu, rows_wall, rows_cpu, filled_wall, filled_cpu;
  Clock                c;

  /* Opening the database counts: it is part of what `rapport --import`
   * does. */
  rapport_exchange_defer_search_index = TRUE;
  rapport_exchange_build_search_index = !refill;
  clock_start (&c);
  store = bench_open (db);
  bench_check (rapport_exchange_import_from_file (store, file, &stats, NULL, NULL, NULL, &error), error);
  clock_stop (&c, &rows_wall, &rows_cpu);
  bench_check (rapport_search_index_pending (store, &error), error);
  clock_stop (&c, &filled_wall, &filled_cpu);
  g_clear_object (&store);
  clock_stop (&c, &wall, &cpu);
  g_print ("%f %f %f %f %f %f %ld %ld %u %u %u\n", wall, cpu, rows_wall, rows_cpu, filled_wall,
           filled_cpu, before, peak_kib (), stats.added, stats.updated, stats.unchanged);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *file = NULL;
  g_autofree char *self = NULL;
  g_autofree char *out = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportStore) again = NULL;
  RapportExchangeStats stats = { 0 };
  const char          *keep = NULL;
  gboolean             refill = FALSE;
  gboolean             built;
  GStatBuf             st;
  Clock                c;
  double               export_s, export_cpu, import_s, import_cpu, again_s, again_cpu;
  double               rows_s, rows_cpu, filled_s, filled_cpu, grew_kib, ratio_wall, ratio_cpu;
  double               rounds[ROUNDS][N_FIGURES];
  long                 rss_before, rss_after;
  guint                added, updated, unchanged;
  double               file_mib, grew_mib;
  int                  status = 0, wait_status = 0;
  gboolean             within;

  if (argc >= 4 && g_str_equal (argv[1], "--import-only"))
    return import_only (argv[2], argv[3], argc == 5 && g_str_equal (argv[4], "--refill"));
  if (argc == 4 && g_str_equal (argv[1], "--export-only"))
    {
      store = bench_open (argv[2]);
      bench_check (rapport_exchange_export_to_file (store, argv[3], NULL, NULL, NULL, &error), error);
      return 0;
    }
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--keep") && i + 1 < argc)
      keep = argv[++i];
    else if (g_str_equal (argv[i], "--refill"))
      refill = TRUE;

  /* On a loaded machine the wall time says more about the others; the
   * CPU time (user and system) is this program's. */
  bench_print_environment ();

  dir = g_dir_make_tmp ("rapport-bench-exchange-XXXXXX", &error);
  bench_check (dir != NULL, error);
  path = bench_database_path (keep, &db_dir);
  built = bench_decade_ensure (path, "2026-03-01");
  store = bench_open (path);
  if (built)
    bench_add_commitments_and_evidence (store);

  file = g_build_filename (dir, "decade.json", NULL);
  target = g_build_filename (dir, "target.db", NULL);
  self = g_file_read_link ("/proc/self/exe", &error);
  bench_check (self != NULL, error);

  /* Export, then import into an empty database in a process of its own,
   * ROUNDS times in turn; each figure is the median of its rounds (the
   * import against the export: the median of each round's ratio). One
   * round alone swung by a third between runs on the developers'
   * machine, the first export in a process being the fastest
   * (docs/performance.md, "Fourth pass"). Each step starts with every
   * file written out (sync()), so that neither is timed while the kernel
   * writes out the other's (the export's 98 MB, the import's 130 MB). */
  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *child[] = { self, "--import-only", target, file, refill ? "--refill" : NULL, NULL };
      double     *r = rounds[round];

      g_clear_pointer (&out, g_free);
      sync ();
      clock_start (&c);
      bench_check (rapport_exchange_export_to_file (store, file, NULL, NULL, NULL, &error), error);
      clock_stop (&c, &r[EXPORT_WALL], &r[EXPORT_CPU]);
      bench_remove_database (target);
      sync ();
      bench_check (g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                                 &out, NULL, &wait_status, &error),
                   error);
      if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0 ||
          sscanf (out, "%lf %lf %lf %lf %lf %lf %ld %ld %u %u %u", &r[IMPORT_WALL], &r[IMPORT_CPU],
                  &r[ROWS_WALL], &r[ROWS_CPU], &r[FILLED_WALL], &r[FILLED_CPU], &rss_before, &rss_after,
                  &added, &updated, &unchanged) != 11)
        g_error ("the import failed: %s", out);
      r[PEAK] = rss_after - rss_before;
      r[RATIO_WALL] = r[IMPORT_WALL] / r[EXPORT_WALL];
      r[RATIO_CPU] = r[IMPORT_CPU] / r[EXPORT_CPU];
      g_print ("# round %u: export %.2f s, import %.2f s (%.2f x), cpu %.2f x\n", round + 1,
               r[EXPORT_WALL], r[IMPORT_WALL], r[RATIO_WALL], r[RATIO_CPU]);
    }
  g_stat (file, &st);
  g_clear_object (&store);
  g_print ("# imported: %u added, %u updated, %u unchanged\n", added, updated, unchanged);
  export_s = median (rounds, EXPORT_WALL);
  export_cpu = median (rounds, EXPORT_CPU);
  import_s = median (rounds, IMPORT_WALL);
  import_cpu = median (rounds, IMPORT_CPU);
  rows_s = median (rounds, ROWS_WALL);
  rows_cpu = median (rounds, ROWS_CPU);
  filled_s = median (rounds, FILLED_WALL);
  filled_cpu = median (rounds, FILLED_CPU);
  grew_kib = median (rounds, PEAK);
  ratio_wall = median (rounds, RATIO_WALL);
  ratio_cpu = median (rounds, RATIO_CPU);

  again = bench_open (target);
  clock_start (&c);
  bench_check (rapport_exchange_import_from_file (again, file, &stats, NULL, NULL, NULL, &error), error);
  clock_stop (&c, &again_s, &again_cpu);
  if (stats.added != 0 || stats.updated != 0)
    g_error ("the second import changed %u rows", stats.added + stats.updated);

  file_mib = st.st_size / 1048576.0;
  grew_mib = grew_kib / 1024.0;
  g_print ("%-28s %8.2f s  cpu %6.2f s  (budget %.0f s)\n", "export", export_s, export_cpu, EXPORT_BUDGET_S);
  g_print ("%-28s %8.2f s  cpu %6.2f s  (budget %.0f s; %.2f x the export, cpu %.2f x; budget %.0f x)\n",
           "import into empty database", import_s, import_cpu, IMPORT_BUDGET_S,
           ratio_wall, ratio_cpu, IMPORT_EXPORT_RATIO);
  g_print ("%-28s %8.2f s  cpu %6.2f s  (%.2f x the export, cpu %.2f x)\n",
           "- of which until committed", rows_s, rows_cpu, rows_s / export_s, rows_cpu / export_cpu);
  g_print ("%-28s %8.2f s  cpu %6.2f s  (%.2f x the export, cpu %.2f x)\n",
           "- then indexes left filled", import_s - rows_s, import_cpu - rows_cpu,
           (import_s - rows_s) / export_s, (import_cpu - rows_cpu) / export_cpu);
  g_print ("%-28s %8.2f s  cpu %6.2f s\n", "  - of which closing", import_s - filled_s,
           import_cpu - filled_cpu);
  g_print ("%-28s %8.2f s  cpu %6.2f s\n", "import again (no changes)", again_s, again_cpu);
  g_print ("%-28s %8.1f MiB over %.1f MiB at start (%.2f x the file; budget %.0f x)\n",
           "peak memory of the import", grew_mib, rss_before / 1024.0, grew_mib / file_mib,
           MEMORY_RATIO);
  g_print ("# file: %.1f MiB (%.1f MB)\n", file_mib, st.st_size / 1e6);

  /* Each budget with its headroom (issue 12): the import, both steps,
   * against the export by wall and by CPU time. */
  within = bench_report ("export", export_s, EXPORT_BUDGET_S, "s");
  within &= bench_report ("import into empty database, both steps", import_s, IMPORT_BUDGET_S, "s");
  within &= bench_report ("import / export, wall", ratio_wall, IMPORT_EXPORT_RATIO, "x");
  within &= bench_report ("import / export, cpu", ratio_cpu, IMPORT_EXPORT_RATIO, "x");
  within &= bench_report ("peak memory of the import / file", grew_mib / file_mib, MEMORY_RATIO, "x");
  if (!within)
    status = 1;
  g_print ("# %s\n", status == 0 ? "within budget" : "OVER BUDGET");

  g_clear_object (&again);
  g_unlink (file);
  bench_remove_database (target);
  g_rmdir (dir);
  if (db_dir != NULL)
    {
      bench_remove_database (path);
      g_rmdir (db_dir);
    }
  return status;
}
