/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed by test_core_tmpdir_free(). */
char         *test_core_tmpdir_new       (void);
void          test_core_tmpdir_free      (char       *dir);
/* A store on a new database in @dir. */
RapportStore *test_core_store_new        (const char *dir);
/* Runs SQL through a separate connection, as another program would. */
void          test_core_sql              (const char *path,
                                          const char *sql);
gint64        test_core_sql_int          (const char *path,
                                          const char *sql);
/* The file's contents, for checking that a refused file stayed as it was. */
GBytes       *test_core_file_bytes       (const char *path);

G_END_DECLS
