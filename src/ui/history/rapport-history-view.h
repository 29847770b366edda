/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-history-chart.h"
#include "rapport-history.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_HISTORY_VIEW (rapport_history_view_get_type ())
G_DECLARE_FINAL_TYPE (RapportHistoryView, rapport_history_view, RAPPORT, HISTORY_VIEW, GtkWidget)

GtkWidget            *rapport_history_view_new          (RapportStore        *store);
/* 0 shows the whole team. */
void                  rapport_history_view_set_person   (RapportHistoryView  *self,
                                                         gint64               person_id);
gint64                rapport_history_view_get_person   (RapportHistoryView  *self);
/* Reads the numbers again; call it when meetings or habits changed. */
void                  rapport_history_view_refresh      (RapportHistoryView  *self);
/* The "title" and "subtitle" properties, for the window's header: who is
 * shown (the person's name, or "Team") and what the range covers ("47
 * meetings from 3 Sep to 1 Dec 2025"). Both notify when they change. */
const char           *rapport_history_view_get_title    (RapportHistoryView  *self);
const char           *rapport_history_view_get_subtitle (RapportHistoryView  *self);
/* What is shown now (NULL before the first refresh or after an error). */
RapportHistorySeries *rapport_history_view_get_series   (RapportHistoryView  *self);
/* Where "today" is taken from; NULL (the default) is the real today.
 * For tests and screenshots. */
void                  rapport_history_view_set_today    (RapportHistoryView  *self,
                                                         const char          *today);

/* The chart shown (habits or balance) with a title naming who, the range
 * and the grouping, as the export menu items write it. */
gboolean              rapport_history_view_export       (RapportHistoryView          *self,
                                                         const char                  *path,
                                                         RapportHistoryExportFormat   format,
                                                         GError                     **error);
/* The file chooser's suggestion: "rapport-history-ada-lovelace-2026-03-18.png". */
char                 *rapport_history_view_get_export_name (RapportHistoryView         *self,
                                                         RapportHistoryExportFormat  format);

G_END_DECLS
