/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-progress.h"
#include "rapport-store.h"

G_BEGIN_DECLS

typedef struct _RapportJob RapportJob;

/* The work of a job, in a worker thread: returns its result (freed with
 * g_free; NULL is a result too), or sets @error. */
typedef gpointer (*RapportJobFunc) (RapportJob    *job,
                                    GCancellable  *cancellable,
                                    GError       **error);

/* What the worker thread of an async export, import, backup or restore
 * needs: the store's file (the thread opens its own connection), the file
 * or folder it works on, a count, and the relay that carries its progress
 * to the caller's main context. */
struct _RapportJob
{
  char                 *db_path;
  char                 *file;
  int                   keep;
  RapportProgressRelay *relay;
  RapportJobFunc        work;
};

/* Runs @work in a worker thread with a RapportJob for @store, @file and
 * @keep; @callback gets a result of @store tagged @source_tag. */
void        rapport_job_run       (RapportStore         *store,
                                   const char           *file,
                                   int                   keep,
                                   GCancellable         *cancellable,
                                   RapportProgressFunc   progress,
                                   gpointer              progress_data,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data,
                                   gpointer              source_tag,
                                   RapportJobFunc        work);
/* For the _finish functions, in the main context: stops the progress
 * reports and returns what the work returned, or NULL with @error set (or
 * NULL if @result is not a result of @store tagged @source_tag). */
gpointer    rapport_job_finish    (RapportStore         *store,
                                   GAsyncResult         *result,
                                   gpointer              source_tag,
                                   GError              **error);

G_END_DECLS
