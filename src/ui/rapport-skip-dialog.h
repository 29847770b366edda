/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-platform.h"
#include "rapport-missed-meeting.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SKIP_DIALOG (rapport_skip_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RapportSkipDialog, rapport_skip_dialog, RAPPORT, SKIP_DIALOG, RapportDialogBase)

/* Records that a 1:1 with a person did not happen on its day, without an
 * empty meeting: skipped, or moved (to a new day, or one not known yet),
 * with a reason kind (leave, which moves the clock, or another reason,
 * which does not: see rapport-cadence.h) and an optional note. The day
 * offered is the day the 1:1 was due (@today when none is known).
 * Save writes it in one go and closes the dialog; a refused write is said
 * in the dialog, which stays open.
 *
 * Modal over @parent and closed with it; the task holds a reference to
 * @parent, which is the source object @callback receives. @today is
 * YYYY-MM-DD, NULL for the real date. Closing, Escape, losing @parent or
 * cancelling @cancellable end it with G_IO_ERROR_CANCELLED. */
void                  rapport_skip_dialog_run_async  (GtkWindow           *parent,
                                                      RapportStore        *store,
                                                      gint64               person_id,
                                                      const char          *today,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* The missed 1:1 recorded, or NULL with @error. */
RapportMissedMeeting *rapport_skip_dialog_run_finish (GAsyncResult        *result,
                                                      GError             **error);

/* A toast saying what was recorded, whose Undo takes it back (the
 * missed 1:1 is deleted again); for the caller to show. */
AdwToast             *rapport_skip_dialog_new_toast  (RapportStore        *store,
                                                      RapportMissedMeeting *missed);

G_END_DECLS
