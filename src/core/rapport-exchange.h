/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-progress.h"
#include "rapport-store.h"
#include "rapport-text.h"

G_BEGIN_DECLS

#define RAPPORT_EXCHANGE_ERROR (rapport_exchange_error_quark ())

typedef enum
{
  RAPPORT_EXCHANGE_ERROR_SYNTAX,    /* not JSON: the message names line and column */
  RAPPORT_EXCHANGE_ERROR_INVALID,   /* JSON, but a member is wrong: the message names its path */
  RAPPORT_EXCHANGE_ERROR_TOO_NEW,   /* written by a newer Rapport */
  RAPPORT_EXCHANGE_ERROR_IO,        /* the file cannot be read or written */
} RapportExchangeError;

/* The "format" member of every export and the newest "version" we read. */
#define RAPPORT_EXCHANGE_FORMAT_NAME "rapport-export"
#define RAPPORT_EXCHANGE_FORMAT_VERSION 1

/* Limits on what an import accepts; docs/export-format.md lists them. */
#define RAPPORT_EXCHANGE_MAX_FILE_BYTES  (512 * 1024 * 1024)
#define RAPPORT_EXCHANGE_MAX_NAME_CHARS  RAPPORT_MAX_NAME_CHARS
#define RAPPORT_EXCHANGE_MAX_HINT_CHARS  1000
#define RAPPORT_EXCHANGE_MAX_TEXT_CHARS  RAPPORT_MAX_TEXT_CHARS
#define RAPPORT_EXCHANGE_MAX_NOTES_BYTES RAPPORT_MAX_NOTES_BYTES
#define RAPPORT_EXCHANGE_MAX_CHECKLIST   500
/* Bounds that keep the reader's stack and memory small whatever the file:
 * containers nested in one another, members of one object, and values
 * (of any depth) in one element of a list, which is the most the importer
 * ever holds parsed at once. A meeting with a full checklist has some
 * 3,500 values. */
#define RAPPORT_EXCHANGE_MAX_DEPTH          32
#define RAPPORT_EXCHANGE_MAX_MEMBERS        1000
#define RAPPORT_EXCHANGE_MAX_ELEMENT_VALUES 10000

typedef struct
{
  guint added;      /* rows that were new to the database */
  guint updated;    /* rows the file had in a newer version */
  guint unchanged;  /* rows the database already had, same or newer */
} RapportExchangeStats;

GQuark    rapport_exchange_error_quark         (void);

char     *rapport_exchange_export_to_data      (RapportStore         *store,
                                                gsize                *length,
                                                GCancellable         *cancellable,
                                                RapportProgressFunc   progress,
                                                gpointer              progress_data,
                                                GError              **error);
gboolean  rapport_exchange_export_to_file      (RapportStore         *store,
                                                const char           *path,
                                                GCancellable         *cancellable,
                                                RapportProgressFunc   progress,
                                                gpointer              progress_data,
                                                GError              **error);

gboolean  rapport_exchange_import_from_data    (RapportStore         *store,
                                                const char           *data,
                                                gsize                 length,
                                                RapportExchangeStats *stats,
                                                GCancellable         *cancellable,
                                                RapportProgressFunc   progress,
                                                gpointer              progress_data,
                                                GError              **error);
gboolean  rapport_exchange_import_from_file    (RapportStore         *store,
                                                const char           *path,
                                                RapportExchangeStats *stats,
                                                GCancellable         *cancellable,
                                                RapportProgressFunc   progress,
                                                gpointer              progress_data,
                                                GError              **error);

/* Off the main thread, on a second connection to the store's file. */
void      rapport_exchange_export_async        (RapportStore         *store,
                                                const char           *path,
                                                GCancellable         *cancellable,
                                                RapportProgressFunc   progress,
                                                gpointer              progress_data,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean  rapport_exchange_export_finish       (RapportStore         *store,
                                                GAsyncResult         *result,
                                                GError              **error);
/* Off the main thread, returning (to rapport_exchange_import_finish())
 * once the rows are committed: the search indexes a large import left
 * waiting are then for the caller to fill with
 * rapport_search_index_pending_async(); until then search fails with
 * RAPPORT_STORE_ERROR_INDEXING, and if nobody fills them the next
 * rapport_store_open() does. */
void      rapport_exchange_import_async        (RapportStore         *store,
                                                const char           *path,
                                                GCancellable         *cancellable,
                                                RapportProgressFunc   progress,
                                                gpointer              progress_data,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean  rapport_exchange_import_finish       (RapportStore         *store,
                                                GAsyncResult         *result,
                                                RapportExchangeStats *stats,
                                                GError              **error);

/* One person's history, newest meeting first, as Markdown. */
char     *rapport_exchange_person_markdown     (RapportStore         *store,
                                                const char           *person_uuid,
                                                GError              **error);
gboolean  rapport_exchange_person_markdown_to_file (RapportStore     *store,
                                                const char           *person_uuid,
                                                const char           *path,
                                                GError              **error);

G_END_DECLS
