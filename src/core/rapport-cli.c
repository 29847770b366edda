/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "rapport-backup.h"
#include "rapport-cli.h"
#include "rapport-exchange.h"
#include "rapport-store.h"

static char *
resolve_database (const char *database_path)
{
  const char *env;

  if (database_path != NULL && *database_path != '\0')
    return g_strdup (database_path);
  env = g_getenv ("RAPPORT_DATABASE");
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return rapport_store_default_path ();
}

/* A database this run made for an import that was then refused: nothing
 * of it is left behind, as if the command had never run. */
static void
remove_new_database (const char *path)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal", "" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static int
run (const char  *database_path,
     const char  *export_file,
     const char  *import_file,
     const char  *backup_dir,
     char       **backup_path,
     GError     **error)
{
  g_autofree char *path = resolve_database (database_path);
  g_autoptr(RapportStore) store = NULL;
  gboolean existed;

  if (export_file == NULL && import_file == NULL && backup_dir == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Nothing to do: give --export FILE, --import FILE or --backup FOLDER"));
      return RAPPORT_CLI_USAGE;
    }

  /* Importing may start a new database; the other two need one to exist,
   * rather than quietly exporting an empty one made on the spot. */
  if (import_file == NULL && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN,
                   _("There is no database at “%s”"), path);
      return RAPPORT_CLI_FAILED;
    }

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  store = rapport_store_open (path, error);
  if (store == NULL)
    return RAPPORT_CLI_FAILED;

  if (backup_dir != NULL)
    {
      char *written = rapport_backup_now (store, backup_dir, NULL, NULL, NULL, error);
      if (written == NULL)
        {
          g_prefix_error (error, _("Backup failed: "));
          return RAPPORT_CLI_FAILED;
        }
      if (backup_path != NULL)
        *backup_path = written;
      else
        g_free (written);
    }

  if (import_file != NULL &&
      !rapport_exchange_import_from_file (store, import_file, NULL, NULL, NULL, NULL, error))
    {
      g_prefix_error (error, _("Import failed, nothing was changed: "));
      if (!existed)
        {
          g_clear_object (&store);
          remove_new_database (path);
        }
      return RAPPORT_CLI_FAILED;
    }

  if (export_file != NULL &&
      !rapport_exchange_export_to_file (store, export_file, NULL, NULL, NULL, error))
    {
      g_prefix_error (error, _("Export failed: "));
      return RAPPORT_CLI_FAILED;
    }

  return RAPPORT_CLI_OK;
}

int
rapport_cli_run (const char  *database_path,
                 const char  *export_file,
                 const char  *import_file,
                 const char  *backup_dir,
                 GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, RAPPORT_CLI_FAILED);

  return run (database_path, export_file, import_file, backup_dir, NULL, error);
}

int
rapport_cli_main (const char *database_path,
                  const char *export_file,
                  const char *import_file,
                  const char *backup_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = NULL;
  int status;

  status = run (database_path, export_file, import_file, backup_dir, &backup_path, &error);
  if (status != RAPPORT_CLI_OK)
    {
      g_autofree char *line = g_strdup (error ? error->message : _("Failed"));

      g_strdelimit (line, "\r\n", ' ');
      fprintf (stderr, "rapport: %s\n", line);
      return status;
    }
  if (backup_path != NULL)
    printf ("%s\n", backup_path);
  return RAPPORT_CLI_OK;
}
