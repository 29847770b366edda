/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* One export, import, backup or restore started from the window: it asks
 * for a file, shows progress with Cancel, reports an error in a dialog and
 * success in a toast. The job keeps itself alive until it has emitted
 * "finished" (gboolean success, gboolean data_changed); after a
 * data_changed the window must re-read what it shows. */
#define RAPPORT_TYPE_DATA_JOB (rapport_data_job_get_type ())
G_DECLARE_FINAL_TYPE (RapportDataJob, rapport_data_job, RAPPORT, DATA_JOB, GObject)

typedef enum
{
  RAPPORT_DATA_JOB_EXPORT,
  RAPPORT_DATA_JOB_IMPORT,
  RAPPORT_DATA_JOB_EXPORT_PERSON,
  RAPPORT_DATA_JOB_BACKUP,
  RAPPORT_DATA_JOB_RESTORE,
} RapportDataJobKind;

RapportDataJobKind rapport_data_job_get_kind      (RapportDataJob  *self);
gboolean           rapport_data_job_get_running   (RapportDataJob  *self);
void               rapport_data_job_cancel        (RapportDataJob  *self);

/* With a file chooser. Each returns the job (transfer none): connect to
 * "finished" right away if you need it. */
RapportDataJob *rapport_data_actions_export         (GtkWindow       *parent,
                                                     RapportStore    *store,
                                                     AdwToastOverlay *toasts);
RapportDataJob *rapport_data_actions_import         (GtkWindow       *parent,
                                                     RapportStore    *store,
                                                     AdwToastOverlay *toasts);
RapportDataJob *rapport_data_actions_export_person  (GtkWindow       *parent,
                                                     RapportStore    *store,
                                                     const char      *person_uuid,
                                                     const char      *person_name,
                                                     AdwToastOverlay *toasts);
/* Into the backups folder beside the database; no chooser. */
RapportDataJob *rapport_data_actions_backup_now     (GtkWindow       *parent,
                                                     RapportStore    *store,
                                                     AdwToastOverlay *toasts);
/* Chooser opens in the backups folder, then asks to confirm. */
RapportDataJob *rapport_data_actions_restore        (GtkWindow       *parent,
                                                     RapportStore    *store,
                                                     AdwToastOverlay *toasts);

/* The same once a file is known (tests, drag and drop). */
RapportDataJob *rapport_data_actions_export_to_file (GtkWindow       *parent,
                                                     RapportStore    *store,
                                                     AdwToastOverlay *toasts,
                                                     GFile           *file);
RapportDataJob *rapport_data_actions_import_file    (GtkWindow       *parent,
                                                     RapportStore    *store,
                                                     AdwToastOverlay *toasts,
                                                     GFile           *file);
RapportDataJob *rapport_data_actions_export_person_to_file (GtkWindow       *parent,
                                                     RapportStore    *store,
                                                     const char      *person_uuid,
                                                     AdwToastOverlay *toasts,
                                                     GFile           *file);
RapportDataJob *rapport_data_actions_restore_file   (GtkWindow       *parent,
                                                     RapportStore    *store,
                                                     AdwToastOverlay *toasts,
                                                     GFile           *file,
                                                     gboolean         confirm);

G_END_DECLS
