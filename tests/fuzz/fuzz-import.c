/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the importer: any bytes must be either imported or
 * refused with a GError, never crash, leak or corrupt the database.
 * Built with -Dfuzzing=true and clang; build-aux/fuzz.sh runs it. */
#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

#include "rapport-exchange.h"
#include "rapport-store.h"

static RapportStore *store;

int                  LLVMFuzzerInitialize (int *argc, char ***argv);
int                  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
fail (GError *error)
{
  g_printerr ("fuzz-import: %s\n", error ? error->message : "setup failed");
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-fuzz-XXXXXX", &error);
  g_autofree char *path = NULL;

  if (dir == NULL)
    fail (error);
  path = g_build_filename (dir, "rapport.db", NULL);
  store = rapport_store_open (path, &error);
  if (store == NULL)
    fail (error);
  /* A person and a meeting already there, so references to the database
   * are exercised too. */
  if (!rapport_store_exec (store,
                           "INSERT INTO people (uuid, name, created_at, updated_at) VALUES"
                           " ('a0000000-0000-4000-8000-000000000001', 'Ada',"
                           "  '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');"
                           "INSERT INTO meetings (uuid, person_id, date, created_at, updated_at) VALUES"
                           " ('c0000000-0000-4000-8000-000000000001', 1, '2026-02-02',"
                           "  '2026-02-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z');",
                           &error))
    fail (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  RapportExchangeStats stats = { 0 };
  gboolean             ok;

  /* An outer transaction, rolled back after each input, keeps every run
   * on the same database: the import's own transaction nests inside. */
  if (!rapport_store_begin (store, &error))
    fail (error);
  ok = rapport_exchange_import_from_data (store, (const char *) data, size, &stats,
                                          NULL, NULL, NULL, &error);
  if (ok == (error != NULL))
    abort (); /* success must come without an error, failure with one */
  if (!ok && (error->message == NULL || error->message[0] == '\0'))
    abort ();
  rapport_store_rollback (store);
  return 0;
}
