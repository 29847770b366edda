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

/* The budgets of DESIGN.md are to be met with this much to spare on the
 * developers' machine (issue 12), so that they hold on slower ones. */
#define BENCH_HEADROOM 1.5

/* Says whether this process runs as a user's run of the app would: without
 * MALLOC_CHECK_, MALLOC_PERTURB_ and G_DEBUG=gc-friendly, which the test
 * suite sets and which slow allocation down; and the load average, since
 * times taken on a busy machine are higher. */
void          bench_print_environment   (void);
/* Prints @value (in @unit) against @budget: the headroom (budget / value),
 * and whether it is within the budget and leaves BENCH_HEADROOM. TRUE
 * when within the budget. */
gboolean      bench_report              (const char    *what,
                                         double         value,
                                         double         budget,
                                         const char    *unit);

/* CPU time of this thread in ms: unlike the wall clock, it hardly grows
 * when other processes keep the machine busy. */
double        bench_cpu_ms              (void);

/* Sorts @n times in place, so that times[n / 2] is the median and
 * times[n - 1] the maximum. */
void          bench_sort                (double        *times,
                                         guint          n);

G_END_DECLS
