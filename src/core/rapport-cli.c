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
#include "rapport-talking-point.h"
#include "rapport-text.h"

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

/* One line on stderr: "rapport: <reason>". */
static void
print_error (const GError *error)
{
  g_autofree char *line = g_strdup (error ? error->message : _("Failed"));

  g_strdelimit (line, "\r\n", ' ');
  fprintf (stderr, "rapport: %s\n", line);
}

static int
run (const char           *database_path,
     const char           *export_file,
     const char           *import_file,
     const char           *backup_dir,
     char                **backup_path,
     RapportExchangeStats *stats,
     GError              **error)
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
      !rapport_exchange_import_from_file (store, import_file, stats, NULL, NULL, NULL, error))
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
rapport_cli_run (const char *database_path,
                 const char *export_file,
                 const char *import_file,
                 const char *backup_dir,
                 GError    **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, RAPPORT_CLI_FAILED);

  return run (database_path, export_file, import_file, backup_dir, NULL, NULL, error);
}

int
rapport_cli_main (const char *database_path,
                  const char *export_file,
                  const char *import_file,
                  const char *backup_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char     *backup_path = NULL;
  RapportExchangeStats stats = { 0 };
  int                  status;

  status = run (database_path, export_file, import_file, backup_dir, &backup_path, &stats, &error);
  if (status != RAPPORT_CLI_OK)
    {
      print_error (error);
      return status;
    }
  if (backup_path != NULL)
    printf ("%s\n", backup_path);
  if (import_file != NULL)
    {
      g_autofree char *name = g_filename_display_basename (import_file);

      /* Translators: what `rapport --import FILE` did, on one line. */
      printf (_("Imported “%s”: %u added, %u updated, %u unchanged"),
              name, stats.added, stats.updated, stats.unchanged);
      printf ("\n");
    }
  return RAPPORT_CLI_OK;
}

/* ------------------------------------------------------------------ *
 * --add-topic
 * ------------------------------------------------------------------ */

/* A name as compared: composed and case-folded. */
static char *
name_key (const char *name)
{
  g_autofree char *clean = rapport_text_single_line (name);
  g_autofree char *normal = g_utf8_normalize (clean, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normal != NULL ? normal : clean, -1);
}

gint64
rapport_cli_match_person (RapportStore *store,
                          const char   *query,
                          GStrv        *candidates,
                          GError      **error)
{
  g_autoptr(GPtrArray) team = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) exact = g_ptr_array_new ();
  g_autoptr(GPtrArray) prefix = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *key = NULL;
  g_autofree char *shown = NULL;
  GPtrArray       *matches;
  sqlite3_stmt    *stmt;
  int              rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), 0);
  g_return_val_if_fail (query != NULL, 0);

  if (candidates != NULL)
    *candidates = NULL;
  key = name_key (query);
  shown = rapport_text_single_line (query);
  if (*key == '\0')
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("Give the name of a person"));
      return 0;
    }

  stmt = rapport_store_prepare (store,
                                "SELECT id, name, role FROM people WHERE archived = 0"
                                " ORDER BY name COLLATE NOCASE, id",
                                error);
  if (stmt == NULL)
    return 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64           id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *person_key = name_key (rapport_store_column_text (stmt, 1));
      const char      *role = rapport_store_column_text (stmt, 2);
      /* With the role, which tells two people of one name apart. */
      char            *name = *role != '\0'
                                ? g_strdup_printf ("%s (%s)", rapport_store_column_text (stmt, 1), role)
                                : g_strdup (rapport_store_column_text (stmt, 1));

      g_array_append_val (ids, id);
      g_ptr_array_add (team, name);
      if (g_str_equal (person_key, key))
        g_ptr_array_add (exact, GUINT_TO_POINTER (team->len));
      else if (g_str_has_prefix (person_key, key))
        g_ptr_array_add (prefix, GUINT_TO_POINTER (team->len));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the people"));
      return 0;
    }

  /* A whole name wins over longer names it starts ("Sam" over "Samir"). */
  matches = exact->len > 0 ? exact : prefix;
  if (matches->len == 1)
    return g_array_index (ids, gint64, GPOINTER_TO_UINT (g_ptr_array_index (matches, 0)) - 1);

  if (matches->len == 0)
    g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                 team->len > 0 ? _("Nobody on the team is called “%s”; the team:")
                               : _("Nobody on the team is called “%s”, and the team is empty"),
                 shown);
  else
    g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "“%s” could be %u person; give more of the name:",
                              "“%s” could be any of %u people; give more of the name:", matches->len),
                 shown, matches->len);
  if (candidates != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (matches->len == 0)
        for (guint i = 0; i < team->len; i++)
          g_strv_builder_add (builder, g_ptr_array_index (team, i));
      else
        for (guint i = 0; i < matches->len; i++)
          g_strv_builder_add (builder, g_ptr_array_index (team, GPOINTER_TO_UINT (g_ptr_array_index (matches, i)) - 1));
      *candidates = g_strv_builder_end (builder);
    }
  return 0;
}

static int
add_topic (const char *database_path,
           const char *person,
           const char *text,
           GStrv      *candidates,
           char      **added_for,
           GError    **error)
{
  g_autofree char *path = resolve_database (database_path);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportTalkingPoint) point = NULL;
  g_autofree char *clean = rapport_text_single_line (text);
  sqlite3_stmt    *stmt;
  gint64           person_id;

  if (person == NULL || text == NULL || *clean == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Give a person and the text of the talking point: --add-topic PERSON TEXT"));
      return RAPPORT_CLI_USAGE;
    }
  /* A talking point needs someone to talk to: no database is made up. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN,
                   _("There is no database at “%s”"), path);
      return RAPPORT_CLI_FAILED;
    }
  store = rapport_store_open (path, error);
  if (store == NULL)
    return RAPPORT_CLI_FAILED;

  /* Finding the person and adding the point: one transaction, so the
   * person cannot be archived or renamed in between. */
  if (!rapport_store_begin (store, error))
    return RAPPORT_CLI_FAILED;
  person_id = rapport_cli_match_person (store, person, candidates, error);
  if (person_id == 0)
    goto fail;
  point = rapport_talking_point_add (store, person_id, clean, RAPPORT_RAISED_BY_ME,
                                     0, RAPPORT_RECUR_NONE, NULL, error);
  if (point == NULL)
    goto fail;
  stmt = rapport_store_prepare (store, "SELECT name FROM people WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (!rapport_store_step_row (store, stmt, _("Could not read a person"), error,
                               _("No person with id %lld"), (long long) person_id))
    goto fail;
  if (added_for != NULL)
    *added_for = g_strdup (rapport_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (!rapport_store_commit (store, error))
    return RAPPORT_CLI_FAILED;
  return RAPPORT_CLI_OK;

fail:
  rapport_store_rollback (store);
  return RAPPORT_CLI_FAILED;
}

int
rapport_cli_add_topic (const char *database_path,
                       const char *person,
                       const char *text,
                       GStrv      *candidates,
                       GError    **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, RAPPORT_CLI_FAILED);

  return add_topic (database_path, person, text, candidates, NULL, error);
}

int
rapport_cli_add_topic_main (const char *database_path,
                            const char *person,
                            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_auto (GStrv) candidates = NULL;
  g_autofree char *name = NULL;
  int              status;

  status = add_topic (database_path, person, text, &candidates, &name, &error);
  if (status != RAPPORT_CLI_OK)
    {
      print_error (error);
      for (guint i = 0; candidates != NULL && candidates[i] != NULL; i++)
        {
          g_autofree char *line = g_strdup (candidates[i]);

          g_strdelimit (line, "\r\n", ' ');
          fprintf (stderr, "  %s\n", line);
        }
      return status;
    }
  /* Translators: what `rapport --add-topic PERSON TEXT` did; %s is the
   * person's name. */
  printf (_("Added to %s’s talking points"), name);
  printf ("\n");
  return RAPPORT_CLI_OK;
}
