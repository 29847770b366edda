/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_TEXT_COLUMN (rapport_text_column_get_type ())
G_DECLARE_FINAL_TYPE (RapportTextColumn, rapport_text_column, RAPPORT, TEXT_COLUMN, GtkWidget)

/* A column of labels, one under the other, "spacing" px apart (a vertical
 * GtkBox, drawn as one: its CSS name is "box"), for the text of a row.
 *
 * Unlike a box, its width does not depend on the height it is offered.
 * GTK 4.8's horizontal box, when it lays its children out, asks each for
 * its width at the row's height; a vertical box shares that height out
 * among its labels, and a label that wraps answers by a binary search
 * for the narrowest width at which its text fits: a dozen Pango layouts
 * of each label, for a figure the row then hardly uses (the text column
 * expands into the width left anyway).  This column answers with its
 * labels' widths at no given height, so they are laid out only at the
 * width they are given.
 *
 * Children are added in a template with <child>, or with
 * rapport_text_column_append(). */

GtkWidget *rapport_text_column_new    (int                spacing);
void       rapport_text_column_append (RapportTextColumn *self,
                                       GtkWidget         *child);

G_END_DECLS
