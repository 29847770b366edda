/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define RAPPORT_STORE_ERROR (rapport_store_error_quark ())

typedef enum
{
  RAPPORT_STORE_ERROR_OPEN,          /* folder or file cannot be created or opened */
  RAPPORT_STORE_ERROR_NOT_DATABASE,  /* not SQLite, corrupt, or another program's */
  RAPPORT_STORE_ERROR_TOO_NEW,       /* written by a newer Rapport */
  RAPPORT_STORE_ERROR_SQL,           /* a statement failed */
  RAPPORT_STORE_ERROR_INVALID,       /* a value was refused */
  RAPPORT_STORE_ERROR_NOT_FOUND,
  RAPPORT_STORE_ERROR_CONFLICT,      /* the row changed since it was read */
  RAPPORT_STORE_ERROR_READ_ONLY,     /* the file or its folder may not be written */
  RAPPORT_STORE_ERROR_DISK_FULL,     /* no space left (or over quota) */
  RAPPORT_STORE_ERROR_BUSY,          /* another connection holds a lock */
  RAPPORT_STORE_ERROR_INDEXING,      /* search indexes are being filled after an import */
} RapportStoreError;

/* The schema version this build migrates to (PRAGMA user_version). */
#define RAPPORT_STORE_SCHEMA_VERSION 9
/* PRAGMA application_id: "RAPP". Tells our files from other SQLite files. */
#define RAPPORT_STORE_APPLICATION_ID 0x52415050

#define RAPPORT_TYPE_STORE (rapport_store_get_type ())
G_DECLARE_FINAL_TYPE (RapportStore, rapport_store, RAPPORT, STORE, GObject)

GQuark         rapport_store_error_quark          (void);
char          *rapport_store_default_path         (void);
RapportStore  *rapport_store_open                 (const char    *path,
                                                   GError       **error);
RapportStore  *rapport_store_open_secondary       (const char    *path,
                                                   GError       **error);
/* Read-only (SQLITE_OPEN_READONLY, query_only): never creates, migrates or
 * writes; refuses a database not at RAPPORT_STORE_SCHEMA_VERSION. */
RapportStore  *rapport_store_open_read_only       (const char    *path,
                                                   GError       **error);
const char    *rapport_store_get_path             (RapportStore  *self);
sqlite3       *rapport_store_get_handle           (RapportStore  *self);
int            rapport_store_get_schema_version   (RapportStore  *self);
/* How long a statement waits for another connection's lock before it
 * fails with RAPPORT_STORE_ERROR_BUSY (5000 ms unless set). */
void           rapport_store_set_busy_timeout     (RapportStore  *self,
                                                   int            ms);
/* PRAGMA data_version: changes when another connection commits, so a
 * caller can tell that what it shows may be stale. -1 on error. */
gint64         rapport_store_get_data_version     (RapportStore  *self);

gboolean       rapport_store_begin                (RapportStore  *self,
                                                   GError       **error);
gboolean       rapport_store_commit               (RapportStore  *self,
                                                   GError       **error);
void           rapport_store_rollback             (RapportStore  *self);
guint          rapport_store_get_transaction_depth (RapportStore *self);

sqlite3_stmt  *rapport_store_prepare              (RapportStore  *self,
                                                   const char    *sql,
                                                   GError       **error);
gboolean       rapport_store_exec                 (RapportStore  *self,
                                                   const char    *sql,
                                                   GError       **error);
gboolean       rapport_store_step_done            (RapportStore  *self,
                                                   sqlite3_stmt  *stmt,
                                                   GError       **error);
void           rapport_store_set_error            (RapportStore  *self,
                                                   GError       **error,
                                                   const char    *what);
gboolean       rapport_store_step_row             (RapportStore  *self,
                                                   sqlite3_stmt  *stmt,
                                                   const char    *what,
                                                   GError       **error,
                                                   const char    *missing_format,
                                                   ...) G_GNUC_PRINTF (5, 6);
GArray        *rapport_store_step_ids             (RapportStore  *self,
                                                   sqlite3_stmt  *stmt,
                                                   const char    *what,
                                                   GError       **error);

gboolean       rapport_store_set_deleted          (RapportStore  *self,
                                                   const char    *table,
                                                   gint64         id,
                                                   gboolean       hidden,
                                                   GError       **error);
gboolean       rapport_store_purge                (RapportStore  *self,
                                                   const char    *table,
                                                   gint64         id,
                                                   GError       **error);

char          *rapport_store_now                  (void);
char          *rapport_store_today                (void);
char          *rapport_store_new_uuid             (void);
const char    *rapport_store_column_text          (sqlite3_stmt  *stmt,
                                                   int            column);

G_END_DECLS
