/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the person and habit forms share; the form itself is the platform
 * layer's (rapport_form_new()). */

/* A list of rows for a form: boxed, without selection. */
GtkWidget *rapport_form_dialog_new_list      (void);

/* Lets Enter in each of the NULL-terminated entry rows save @form when
 * saving is enabled, which closes it as its button does. */
void       rapport_form_dialog_save_on_enter (GtkWidget    *form,
                                              AdwEntryRow  *first_row,
                                              ...) G_GNUC_NULL_TERMINATED;

/* Hands the form's values to @task (with g_task_return_pointer() or the
 * like) when the user saved; the fields are still there to read. */
typedef void (*RapportFormDialogSave) (GTask *task);

/* The one ending of a form run as @task, shown over @parent: saving calls
 * @save; any other answer, the form closed without one or with its
 * parent's window, or the task's cancellable cancelled (which closes the
 * form) returns G_IO_ERROR_CANCELLED.  The form holds @task until it is
 * answered. */
void       rapport_form_dialog_run_task      (GtkWidget             *form,
                                              GtkWidget             *parent,
                                              GTask                 *task,
                                              RapportFormDialogSave  save);

G_END_DECLS
