/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SEARCH_PANEL (rapport_search_panel_get_type ())
G_DECLARE_FINAL_TYPE (RapportSearchPanel, rapport_search_panel, RAPPORT, SEARCH_PANEL, GtkWidget)

/* Results shown at most; enough for a keystroke's worth of browsing. */
#define RAPPORT_SEARCH_PANEL_LIMIT 50

/* A search entry over a list of results. Searches as the user types (the
 * entry's own 200 ms delay), Enter or a click on a row emits
 * "open-result" (person id, meeting id (0 for a person's name), character
 * offset and length of the first match in the notes (-1 and 0 when the
 * match is not in the notes)); Escape emits "close-requested". */
GtkWidget   *rapport_search_panel_new          (RapportStore        *store);
/* Focuses the entry with its text selected, and refreshes the results so
 * that they reflect what was written since the last search. */
void         rapport_search_panel_focus        (RapportSearchPanel  *self);
void         rapport_search_panel_set_text     (RapportSearchPanel  *self,
                                                const char          *text);
const char  *rapport_search_panel_get_text     (RapportSearchPanel  *self);
/* Runs the search for the entry's text now, without waiting for the delay. */
void         rapport_search_panel_refresh      (RapportSearchPanel  *self);
/* The RapportSearchResult objects on show. */
GListModel  *rapport_search_panel_get_results  (RapportSearchPanel  *self);

G_END_DECLS
