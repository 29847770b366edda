/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

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
 * "rapport: <reason>", prints the path of a backup on stdout, and
 * returns the exit status. */
int  rapport_cli_main  (const char  *database_path,
                        const char  *export_file,
                        const char  *import_file,
                        const char  *backup_dir);

G_END_DECLS
