/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Drawing of the history chart with cairo and Pango only, so that the
 * widget, the PNG export and the SVG export share one function. */

#include <cairo.h>

#include "rapport-history-layout.h"

G_BEGIN_DECLS

void     rapport_history_draw              (cairo_t                     *cr,
                                            const RapportHistorySeries  *series,
                                            const RapportHistoryStyle   *style,
                                            int                          width,
                                            int                          height);
/* The labels on the time axis as drawn at that size, from the left
 * (free with g_strfreev()). */
char   **rapport_history_axis_labels       (const RapportHistorySeries  *series,
                                            const RapportHistoryStyle   *style,
                                            int                          width,
                                            int                          height);

/* The name of a lane of missed 1:1s, as its legend says: "Skipped". */
const char *rapport_history_missed_label   (RapportHistoryMissedKind     kind);

G_END_DECLS
