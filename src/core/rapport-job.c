/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-job"

#include "config.h"

#include "rapport-job.h"

static void
job_free (gpointer data)
{
  RapportJob *job = data;

  g_free (job->db_path);
  g_free (job->file);
  g_clear_pointer (&job->relay, rapport_progress_relay_unref);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RapportJob *job = task_data;
  GError     *error = NULL;
  gpointer    result = job->work (job, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_free);
}

void
rapport_job_run (RapportStore       *store,
                 const char         *file,
                 int                 keep,
                 GCancellable       *cancellable,
                 RapportProgressFunc progress,
                 gpointer            progress_data,
                 GAsyncReadyCallback callback,
                 gpointer            user_data,
                 gpointer            source_tag,
                 RapportJobFunc      work)
{
  g_autoptr(GTask) task = NULL;
  RapportJob *job;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (work != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  job = g_new0 (RapportJob, 1);
  job->db_path = g_strdup (rapport_store_get_path (store));
  job->file = g_strdup (file);
  job->keep = keep;
  job->relay = rapport_progress_relay_new (progress, progress_data);
  job->work = work;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
}

gpointer
rapport_job_finish (RapportStore *store,
                    GAsyncResult *result,
                    gpointer      source_tag,
                    GError      **error)
{
  RapportJob *job;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  job = g_task_get_task_data (G_TASK (result));
  rapport_progress_relay_finish (job->relay);
  return g_task_propagate_pointer (G_TASK (result), error);
}
