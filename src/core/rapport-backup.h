/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-progress.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_BACKUP_ERROR (rapport_backup_error_quark ())

typedef enum
{
  RAPPORT_BACKUP_ERROR_IO,        /* a file or folder cannot be written or read */
  RAPPORT_BACKUP_ERROR_FAILED,    /* SQLite could not copy the database */
  RAPPORT_BACKUP_ERROR_DAMAGED,   /* the backup file fails its integrity check */
} RapportBackupError;

#define RAPPORT_BACKUP_DEFAULT_KEEP 7

GQuark    rapport_backup_error_quark       (void);

/* The name of the database Rapport opens unless told otherwise. */
#define RAPPORT_BACKUP_USUAL_DATABASE "rapport.db"

/* The folder of @store_path's own backups, beside it: "backups" for
 * rapport.db, "backups-NAME" for NAME.db or any other file NAME. No two
 * databases in one folder share it. */
char     *rapport_backup_default_folder    (const char           *store_path);

/* Backs up into the default folder unless today's daily backup is there
 * already, then keeps only the newest @keep daily backups. Sets
 * *@out_path to the new file, or NULL when there was nothing to do. */
gboolean  rapport_backup_maybe_daily       (RapportStore         *store,
                                            int                   keep,
                                            char                **out_path,
                                            GError              **error);
/* A backup into @folder (NULL: the default folder); returns its path. */
char     *rapport_backup_now               (RapportStore         *store,
                                            const char           *folder,
                                            GCancellable         *cancellable,
                                            RapportProgressFunc   progress,
                                            gpointer              progress_data,
                                            GError              **error);
/* Checks that @backup_file is a sound Rapport database, backs up the
 * database at @store_path (so nothing is lost either way), then copies
 * the backup over it. Returns the path of that safety backup. Other
 * connections to @store_path stay valid and see the restored data. */
char     *rapport_backup_restore           (const char           *store_path,
                                            const char           *backup_file,
                                            GCancellable         *cancellable,
                                            RapportProgressFunc   progress,
                                            gpointer              progress_data,
                                            GError              **error);
/* Removes all but the newest @keep daily backups (rapport-YYYY-MM-DD.db)
 * in @folder; other files are left alone. */
gboolean  rapport_backup_prune             (const char           *folder,
                                            int                   keep,
                                            GError              **error);

/* Off the main thread, on a second connection to the store's file. */
void      rapport_backup_maybe_daily_async (RapportStore         *store,
                                            int                   keep,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
/* Returns the new file, or NULL with no error when there was nothing to do. */
char     *rapport_backup_maybe_daily_finish (RapportStore        *store,
                                            GAsyncResult         *result,
                                            GError              **error);
void      rapport_backup_now_async         (RapportStore         *store,
                                            const char           *folder,
                                            GCancellable         *cancellable,
                                            RapportProgressFunc   progress,
                                            gpointer              progress_data,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
char     *rapport_backup_now_finish        (RapportStore         *store,
                                            GAsyncResult         *result,
                                            GError              **error);
void      rapport_backup_restore_async     (RapportStore         *store,
                                            const char           *backup_file,
                                            GCancellable         *cancellable,
                                            RapportProgressFunc   progress,
                                            gpointer              progress_data,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
char     *rapport_backup_restore_finish    (RapportStore         *store,
                                            GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
