/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The history chart as a PNG or SVG file: its title line, its file name
 * and the writing, for the owner's eyes only (mode 0600). */

#include "rapport-history-layout.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_HISTORY_EXPORT_PNG,
  RAPPORT_HISTORY_EXPORT_SVG,
} RapportHistoryExportFormat;

/* "Ada — habits over the last year, by week": @who (a person's name or
 * NULL for the team), what @show shows, the range and the grouping. */
char    *rapport_history_export_title      (const char                  *who,
                                            const RapportHistorySeries  *series,
                                            RapportHistoryShow           show);
/* "rapport-history-sam-rivera-2026-11-25.png": @who (a person's name or
 * NULL for the team) as a slug, the date and @extension. */
char    *rapport_history_export_file_name  (const char                  *who,
                                            const char                  *date,
                                            const char                  *extension);
/* Lower case ASCII words joined by "-": "José Núñez" gives "jose-nunez". */
char    *rapport_history_slug              (const char                  *text);

/* Writes the chart at @width x natural height in the light style: PNG at
 * scale 2, or SVG. The SVG names @style's title in a <title> element and
 * its subtitle in a <desc>, followed by the skipped and moved 1:1s marked
 * on the time axis (rapport_history_describe_missed_range()).
 * The file is replaced whole and readable by its owner only. */
gboolean rapport_history_export_png        (const RapportHistorySeries  *series,
                                            const RapportHistoryStyle   *style,
                                            int                          width,
                                            const char                  *path,
                                            GError                     **error);
gboolean rapport_history_export_svg        (const RapportHistorySeries  *series,
                                            const RapportHistoryStyle   *style,
                                            int                          width,
                                            const char                  *path,
                                            GError                     **error);

G_END_DECLS
