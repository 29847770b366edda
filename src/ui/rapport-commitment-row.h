/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-commitment.h"

G_BEGIN_DECLS

/* What the row asks of its list. The row writes nothing itself: it
 * activates these actions, which an ancestor installs (the commitments
 * panel does), with the commitment's id as the parameter. The write
 * notifies the commitment, and the row repaints from it; when a write is
 * refused the row shows the commitment's values again. */
#define RAPPORT_COMMITMENT_ROW_ACTION_TOGGLE_CLOSED "commitment.toggle-closed" /* "x" */
#define RAPPORT_COMMITMENT_ROW_ACTION_SET_OWNER     "commitment.set-owner"     /* "(xs)", "me" or "them" */
#define RAPPORT_COMMITMENT_ROW_ACTION_SET_TEXT      "commitment.set-text"      /* "(xs)" */
#define RAPPORT_COMMITMENT_ROW_ACTION_SET_DUE       "commitment.set-due"       /* "(xs)", "" for none */
#define RAPPORT_COMMITMENT_ROW_ACTION_DELETE        "commitment.delete"        /* "x" */

#define RAPPORT_TYPE_COMMITMENT_ROW (rapport_commitment_row_get_type ())
G_DECLARE_FINAL_TYPE (RapportCommitmentRow, rapport_commitment_row, RAPPORT, COMMITMENT_ROW, GtkListBoxRow)

/* One commitment in a meeting's list: a tick box, the text (edited in
 * place), who owns it, its due date, where it came from and a delete
 * button.
 *
 * Properties: "commitment" (followed: a change of any of its properties
 * repaints the row), "today" (YYYY-MM-DD; dates are written relative to
 * it and a commitment due before it is overdue). */
GtkWidget         *rapport_commitment_row_new            (RapportCommitment    *commitment,
                                                          const char           *today);
void               rapport_commitment_row_set_commitment (RapportCommitmentRow *self,
                                                          RapportCommitment    *commitment);
RapportCommitment *rapport_commitment_row_get_commitment (RapportCommitmentRow *self);
void               rapport_commitment_row_set_today      (RapportCommitmentRow *self,
                                                          const char           *today);
const char        *rapport_commitment_row_get_today      (RapportCommitmentRow *self);
/* Ends an edit of the text in progress, which writes it. */
void               rapport_commitment_row_stop_editing   (RapportCommitmentRow *self);

G_END_DECLS
