/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Readies the GtkEditableLabel of a row in the narrow side column: its
 * text wraps instead of widening the column, and it survives GTK 4.8's
 * late stop of editing when its row goes away. */
void rapport_editable_label_prepare (GtkEditableLabel *label);

G_END_DECLS
