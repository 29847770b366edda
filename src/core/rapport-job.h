/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-progress.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* What the worker thread of an async export, import, backup or restore
 * needs: the store's file (the thread opens its own connection), the file
 * or folder it works on, a count, and the relay that carries its progress
 * to the caller's main context. The GTask's task data. */
typedef struct
{
  char                 *db_path;
  char                 *file;
  int                   keep;
  RapportProgressRelay *relay;
} RapportJob;

/* A task on @store tagged @source_tag, with a RapportJob for @file and
 * @keep as its task data. */
GTask      *rapport_job_task_new  (RapportStore         *store,
                                   const char           *file,
                                   int                   keep,
                                   GCancellable         *cancellable,
                                   RapportProgressFunc   progress,
                                   gpointer              progress_data,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data,
                                   gpointer              source_tag);
/* For the _finish functions, in the main context: stops the progress
 * reports and returns @result as a GTask, or NULL if it is not a task of
 * @store tagged @source_tag. */
GTask      *rapport_job_finish    (RapportStore         *store,
                                   GAsyncResult         *result,
                                   gpointer              source_tag);

G_END_DECLS
