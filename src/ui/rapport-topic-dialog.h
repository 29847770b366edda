/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-platform.h"
#include "rapport-store.h"
#include "rapport-talking-point.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TOPIC_DIALOG (rapport_topic_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RapportTopicDialog, rapport_topic_dialog, RAPPORT, TOPIC_DIALOG, RapportDialogBase)

/* The quick-add of a talking point (Ctrl+T): whom it is for (a drop-down
 * of the people not archived, searched by name as one types), the text
 * and who raised it. Enter in the text, or Add, adds it to the end of the
 * person's queue in one transaction and closes the dialog; a refused
 * write is said in the dialog, which stays open with the text.
 *
 * Modal over @parent and closed with it; the task holds a reference to
 * @parent, which is the source object @callback receives. @person_id
 * (0: the first person) is the one chosen at first. Closing the dialog,
 * Escape, losing @parent or cancelling @cancellable end it with
 * G_IO_ERROR_CANCELLED. */
void                 rapport_topic_dialog_run_async  (GtkWindow           *parent,
                                                      RapportStore        *store,
                                                      gint64               person_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* The talking point added, or NULL with @error. */
RapportTalkingPoint *rapport_topic_dialog_run_finish (GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
