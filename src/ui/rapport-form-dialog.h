/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A list of rows for a form in a dialog: boxed, without selection. */
GtkWidget *rapport_message_dialog_new_list    (void);

/* For a form in an alert (rapport_alert_new(); until its callers move to
 * it, also an AdwMessageDialog): adds the responses "cancel" and "save"
 * (labelled @save_label), makes "save" the suggested default and "cancel"
 * the one Escape gives, and lets Enter in each of the NULL-terminated entry
 * rows answer "save" (when it is enabled), which closes the dialog as its
 * button does. */
void       rapport_message_dialog_add_save    (gpointer     dialog,
                                               const char  *save_label,
                                               AdwEntryRow *first_row,
                                               ...) G_GNUC_NULL_TERMINATED;

/* Hands the form's values to @task (with g_task_return_pointer() or the
 * like) when the user answered "save". */
typedef void (*RapportMessageDialogSave) (GTask *task);

/* The one ending of a form dialog run as @task: "save" calls @save; any
 * other answer, the dialog destroyed without one (with its parent), or
 * the task's cancellable cancelled (which closes the dialog) returns
 * G_IO_ERROR_CANCELLED. @dialog holds @task until it is destroyed, and is
 * presented. */
void       rapport_message_dialog_run_task    (AdwMessageDialog         *dialog,
                                               GTask                    *task,
                                               RapportMessageDialogSave  save);

G_END_DECLS
