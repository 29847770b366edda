/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-attention.h"
#include "rapport-person.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PERSON_ROW (rapport_person_row_get_type ())
G_DECLARE_FINAL_TYPE (RapportPersonRow, rapport_person_row, RAPPORT, PERSON_ROW, GtkListBoxRow)

/* One person in the people list: the name, the role, "Archived", a
 * badge when their 1:1 is due or overdue or when there was none yet
 * (rapport_brief_due_badge()), and, when the list gave it one, the main
 * reason they need attention in a word or two ("overdue 5 days").
 *
 * Properties: "person" (followed: a change of any of its properties
 * repaints the row), "store" (construct-only: where the due state is read
 * from). The row writes nothing; its list learns of a choice through the
 * list box's own signals. */
GtkWidget     *rapport_person_row_new (RapportStore  *store,
                                       RapportPerson *person);
RapportPerson *rapport_person_row_get_person (RapportPersonRow *self);
void           rapport_person_row_set_person (RapportPersonRow *self,
                                              RapportPerson    *person);
/* Reads the due state again (a meeting was added, the day changed). */
void           rapport_person_row_refresh (RapportPersonRow *self);
/* The person's attention (NULL: no reason shown); the row keeps a
 * reference and shows its reason. */
void           rapport_person_row_set_attention (RapportPersonRow *self,
                                                 RapportAttention *attention);
RapportAttention *rapport_person_row_get_attention (RapportPersonRow *self);

G_END_DECLS
