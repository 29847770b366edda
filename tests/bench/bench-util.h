/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "decade.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Stops the benchmark with @error's message unless @ok. */
void          bench_check               (gboolean       ok,
                                         GError        *error);

/* Where the decade database is: @keep when given (a --keep option), else
 * $RAPPORT_BENCH_DB when set, else decade.db in a new temporary folder,
 * returned in *@tmpdir (NULL otherwise) for the caller to remove. */
char         *bench_database_path       (const char    *keep,
                                         char         **tmpdir);
/* Builds the decade data set at @path (last meetings in the week before
 * @last_date, NULL for today) unless a file is there already, and says
 * how long it took. TRUE when it built one. */
gboolean      bench_decade_ensure       (const char    *path,
                                         const char    *last_date);
/* Opens @path; stops the benchmark if it cannot. */
RapportStore *bench_open                (const char    *path);
/* Removes the database at @path with its -wal and -shm files. */
void          bench_remove_database     (const char    *path);

/* The decade set has notes and ticks; search and export also read
 * commitments and evidence, so this gives every meeting a commitment and
 * a fifth of the ticks some evidence, cut from the notes. */
void          bench_add_commitments_and_evidence (RapportStore *store);

/* Sorts @n times in place, so that times[n / 2] is the median and
 * times[n - 1] the maximum. */
void          bench_sort                (double        *times,
                                         guint          n);

G_END_DECLS
