/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The history chart in words, for tooltips, the label under the chart
 * and assistive technology. */

#include "rapport-history-row.h"

G_BEGIN_DECLS

/* "Week of 3 Mar: Listen 75 % (3 of 4)" for one row and bucket. */
char    *rapport_history_describe_point    (const RapportHistorySeries  *series,
                                            const RapportHistoryRow     *row,
                                            guint                        bucket);
/* Best and weakest habit, direction and gaps, for assistive technology. */
char    *rapport_history_describe_series   (const RapportHistorySeries  *series,
                                            RapportHistoryShow           show);

G_END_DECLS
