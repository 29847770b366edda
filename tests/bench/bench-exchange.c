/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export and import of the whole "decade" data set (decade.c), with one
 * commitment per meeting and evidence on a fifth of the ticks. Budget
 * (DESIGN.md): export < 3 s, import < 5 s.
 *
 *   bench-exchange [--keep PATH]   builds the data set (or reuses PATH),
 *                                   times export, import into an empty
 *                                   database and a second (no-op) import;
 *                                   exits 1 over budget. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "rapport-exchange.h"
#include "rapport-store.h"

#define EXPORT_BUDGET_S 3.0
#define IMPORT_BUDGET_S 5.0

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
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportStore) empty = NULL;
  RapportExchangeStats stats = { 0 };
  const char *keep = NULL;
  gboolean built;
  GStatBuf st;
  gint64 start;
  double export_s, import_s, again_s;
  int status = 0;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--keep") && i + 1 < argc)
      keep = argv[++i];

  dir = g_dir_make_tmp ("rapport-bench-exchange-XXXXXX", &error);
  bench_check (dir != NULL, error);
  path = bench_database_path (keep, &db_dir);
  built = bench_decade_ensure (path, "2026-03-01");
  store = bench_open (path);
  if (built)
    bench_add_commitments_and_evidence (store);

  file = g_build_filename (dir, "decade.json", NULL);
  start = g_get_monotonic_time ();
  bench_check (rapport_exchange_export_to_file (store, file, NULL, NULL, NULL, &error), error);
  export_s = (g_get_monotonic_time () - start) / 1e6;
  g_stat (file, &st);

  target = g_build_filename (dir, "target.db", NULL);
  empty = bench_open (target);
  start = g_get_monotonic_time ();
  bench_check (rapport_exchange_import_from_file (empty, file, &stats, NULL, NULL, NULL, &error), error);
  import_s = (g_get_monotonic_time () - start) / 1e6;
  g_print ("# imported: %u added, %u updated, %u unchanged\n",
           stats.added, stats.updated, stats.unchanged);

  start = g_get_monotonic_time ();
  bench_check (rapport_exchange_import_from_file (empty, file, &stats, NULL, NULL, NULL, &error), error);
  again_s = (g_get_monotonic_time () - start) / 1e6;
  if (stats.added != 0 || stats.updated != 0)
    g_error ("the second import changed %u rows", stats.added + stats.updated);

  g_print ("%-28s %8.2f s (budget %.0f s)\n", "export", export_s, EXPORT_BUDGET_S);
  g_print ("%-28s %8.2f s (budget %.0f s)\n", "import into empty database", import_s, IMPORT_BUDGET_S);
  g_print ("%-28s %8.2f s\n", "import again (no changes)", again_s);
  g_print ("# file: %.1f MB\n", st.st_size / 1e6);

  if (export_s > EXPORT_BUDGET_S || import_s > IMPORT_BUDGET_S)
    status = 1;
  g_print ("# %s\n", status == 0 ? "within budget" : "OVER BUDGET");

  g_clear_object (&store);
  g_clear_object (&empty);
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
