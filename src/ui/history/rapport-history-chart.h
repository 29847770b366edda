/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-history-export.h"
#include "rapport-history-layout.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_HISTORY_CHART (rapport_history_chart_get_type ())
G_DECLARE_FINAL_TYPE (RapportHistoryChart, rapport_history_chart, RAPPORT, HISTORY_CHART, GtkWidget)

GtkWidget            *rapport_history_chart_new          (void);
RapportHistorySeries *rapport_history_chart_get_series   (RapportHistoryChart        *self);
void                  rapport_history_chart_set_series   (RapportHistoryChart        *self,
                                                          RapportHistorySeries       *series);
gboolean              rapport_history_chart_get_show_kinds (RapportHistoryChart      *self);
void                  rapport_history_chart_set_show_kinds (RapportHistoryChart      *self,
                                                          gboolean                    show_kinds);
/* Names what is shown, for the accessible label ("Habits with Ada"). */
void                  rapport_history_chart_set_subject  (RapportHistoryChart        *self,
                                                          const char                 *subject);
/* A line above the chart in exports only ("Ada — habits over the last
 * year, by week"); NULL: none. */
void                  rapport_history_chart_set_export_title (RapportHistoryChart    *self,
                                                          const char                 *title);
/* The values at the keyboard focus, for a label under the chart. */
const char           *rapport_history_chart_get_status   (RapportHistoryChart        *self);
/* The style the widget draws with now (colours of the current theme). */
void                  rapport_history_chart_get_style    (RapportHistoryChart        *self,
                                                          RapportHistoryStyle        *style);
/* Light theme, current width (at least the minimum). */
gboolean              rapport_history_chart_export       (RapportHistoryChart        *self,
                                                          const char                 *path,
                                                          RapportHistoryExportFormat  format,
                                                          GError                    **error);

G_END_DECLS
