/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The "decade" data set of DESIGN.md's performance budget: 40 people with
 * weekly 1:1s for ten years (about 20,000 meetings), 3 to 6 checklist rows
 * per meeting as habits are switched on and off over the years, a mood in
 * most meetings, 150 to 600 words of notes each, and 4 people archived.
 * The content is pseudo-random from a fixed seed, so every build of it is
 * the same. */

#define DECADE_PEOPLE    40
#define DECADE_ARCHIVED  4
#define DECADE_WEEKS     520

typedef struct
{
  guint  people;
  guint  meetings;
  guint  checklist_rows;
  gsize  note_bytes;
} DecadeStats;

/* Creates a Rapport database at @path (which must not exist yet) whose
 * last meetings are in the week before @last_date (YYYY-MM-DD; NULL for
 * today). @stats may be NULL. */
gboolean decade_build (const char   *path,
                       const char   *last_date,
                       DecadeStats  *stats,
                       GError      **error);

G_END_DECLS
