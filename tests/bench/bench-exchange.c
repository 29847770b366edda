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

#include "decade.h"
#include "rapport-exchange.h"
#include "rapport-store.h"

#define EXPORT_BUDGET_S 3.0
#define IMPORT_BUDGET_S 5.0

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static void
add_commitments_and_evidence (RapportStore *store)
{
  g_autoptr(GError) error = NULL;

  check (rapport_store_begin (store, &error), error);
  check (rapport_store_exec (store,
                             "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner,"
                             "                         due, created_at, updated_at)"
                             " SELECT printf ('%08x-0000-4000-8000-%012x', id, id), person_id, id,"
                             "        substr (notes, 1 + (id * 37) % 200, 40 + id % 60),"
                             "        CASE id % 2 WHEN 0 THEN 'me' ELSE 'them' END,"
                             "        CASE id % 3 WHEN 0 THEN date (date, '+7 days') END,"
                             "        created_at, updated_at"
                             "   FROM meetings;"
                             "UPDATE checklist SET evidence ="
                             " (SELECT substr (notes, 1 + (checklist.id * 53) % 300, 30 + checklist.id % 80)"
                             "    FROM meetings WHERE meetings.id = checklist.meeting_id)"
                             " WHERE ticked = 1 AND id % 5 = 0;",
                             &error), error);
  check (rapport_store_commit (store, &error), error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *file = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportStore) empty = NULL;
  RapportExchangeStats stats = { 0 };
  const char *keep = NULL;
  GStatBuf st;
  gint64 start;
  double export_s, import_s, again_s;
  int status = 0;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--keep") && i + 1 < argc)
      keep = argv[++i];

  dir = g_dir_make_tmp ("rapport-bench-exchange-XXXXXX", &error);
  check (dir != NULL, error);
  path = keep ? g_strdup (keep) : g_build_filename (dir, "decade.db", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      DecadeStats built = { 0 };

      start = g_get_monotonic_time ();
      check (decade_build (path, "2026-03-01", &built, &error), error);
      store = rapport_store_open (path, &error);
      check (store != NULL, error);
      add_commitments_and_evidence (store);
      g_print ("# built %u meetings (%.1f MB of notes) in %.1f s\n", built.meetings,
               built.note_bytes / 1e6, (g_get_monotonic_time () - start) / 1e6);
    }
  else
    {
      store = rapport_store_open (path, &error);
      check (store != NULL, error);
    }

  file = g_build_filename (dir, "decade.json", NULL);
  start = g_get_monotonic_time ();
  check (rapport_exchange_export_to_file (store, file, NULL, NULL, NULL, &error), error);
  export_s = (g_get_monotonic_time () - start) / 1e6;
  g_stat (file, &st);

  target = g_build_filename (dir, "target.db", NULL);
  empty = rapport_store_open (target, &error);
  check (empty != NULL, error);
  start = g_get_monotonic_time ();
  check (rapport_exchange_import_from_file (empty, file, &stats, NULL, NULL, NULL, &error), error);
  import_s = (g_get_monotonic_time () - start) / 1e6;
  g_print ("# imported: %u added, %u updated, %u unchanged\n",
           stats.added, stats.updated, stats.unchanged);

  start = g_get_monotonic_time ();
  check (rapport_exchange_import_from_file (empty, file, &stats, NULL, NULL, NULL, &error), error);
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
  {
    const char *suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *a = g_strconcat (target, suffixes[i], NULL);
        g_unlink (a);
        if (keep == NULL)
          {
            g_autofree char *b = g_strconcat (path, suffixes[i], NULL);
            g_unlink (b);
          }
      }
  }
  g_rmdir (dir);
  return status;
}
