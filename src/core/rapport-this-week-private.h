/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The statements This Week runs for each person, from the files that
 * run them, for EXPLAIN QUERY PLAN in tests. */
extern const char rapport_attention_promises_sql[];
extern const char rapport_attention_moods_sql[];
extern const char rapport_attention_recent_sql[];
extern const char rapport_cadence_person_sql[];
extern const char rapport_cadence_missed_sql[];
extern const char rapport_cadence_people_sql[];
extern const char rapport_cadence_team_missed_sql[];

/* All of them, with those of the talking points, NULL-terminated. */
const char * const *rapport_this_week_get_statements (void);

G_END_DECLS
