/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* Exit statuses of the command line. */
#define RAPPORT_CLI_OK      0
#define RAPPORT_CLI_FAILED  1
#define RAPPORT_CLI_USAGE   2

/* `rapport --backup DIR --import FILE --export FILE [--database PATH]`
 * without a window: runs what is given, in that order (so a backup is
 * taken before an import changes anything), and stops at the first
 * failure. @database_path NULL means $RAPPORT_DATABASE, else the default.
 * Returns an exit status and sets @error when it is not RAPPORT_CLI_OK. */
int  rapport_cli_run   (const char  *database_path,
                        const char  *export_file,
                        const char  *import_file,
                        const char  *backup_dir,
                        GError     **error);

/* The same, for main(): reports a failure as one line on stderr,
 * "rapport: <reason>", prints the path of a backup and, after an import,
 * a one-line summary ("Imported “team.json”: 12 added, 2 updated, 9
 * unchanged") on stdout, and returns the exit status. */
int  rapport_cli_main  (const char  *database_path,
                        const char  *export_file,
                        const char  *import_file,
                        const char  *backup_dir);

/* The person of the team (archived people aside) that @query names: the
 * one whose whole name it is, or else the only one whose name starts with
 * it, case and accents' composition aside. Returns the id, or 0 with
 * @error (RAPPORT_STORE_ERROR_NOT_FOUND: nobody; RAPPORT_STORE_ERROR_INVALID:
 * several) and, in @candidates (may be NULL), the names to choose from
 * (with the role, when there is one, in brackets): those that match, or
 * the whole team when none does. */
gint64  rapport_cli_match_person     (RapportStore  *store,
                                      const char    *query,
                                      GStrv         *candidates,
                                      GError       **error);

/* `rapport --add-topic PERSON TEXT [--database PATH]`: adds TEXT at the
 * end of PERSON's talking points (rapport_cli_match_person()), finding
 * the person and adding the point in one transaction. The database must
 * exist. RAPPORT_CLI_USAGE for an empty person or text,
 * RAPPORT_CLI_FAILED for a person not found or not one, with the
 * candidates in @candidates (may be NULL), or any other failure. */
int     rapport_cli_add_topic        (const char    *database_path,
                                      const char    *person,
                                      const char    *text,
                                      GStrv         *candidates,
                                      GError       **error);
/* The same, for main(): "Added to Ada Lovelace's talking points" on
 * stdout, or "rapport: <reason>" on stderr followed by the candidates,
 * one per line, indented. Returns the exit status. */
int     rapport_cli_add_topic_main   (const char    *database_path,
                                      const char    *person,
                                      const char    *text);

G_END_DECLS
