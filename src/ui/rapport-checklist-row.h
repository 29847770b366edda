/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-checklist-item.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CHECKLIST_ROW (rapport_checklist_row_get_type ())
G_DECLARE_FINAL_TYPE (RapportChecklistRow, rapport_checklist_row, RAPPORT, CHECKLIST_ROW, GtkListBoxRow)

/* @number is the Alt+number shortcut shown on the row, 0 for none. */
GtkWidget            *rapport_checklist_row_new       (RapportStore         *store,
                                                       RapportChecklistItem *item,
                                                       guint                 number);
RapportChecklistItem *rapport_checklist_row_get_item  (RapportChecklistRow  *self);
void                  rapport_checklist_row_toggle    (RapportChecklistRow  *self);
/* Writes the evidence line if it was edited. */
void                  rapport_checklist_row_flush     (RapportChecklistRow  *self);

G_END_DECLS
