/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called with a fraction from 0 to 1 while long work goes on. From the
 * async variants of export, import, backup and restore it runs in the
 * caller's main context, and never after their GAsyncReadyCallback. */
typedef void (*RapportProgressFunc) (double   fraction,
                                     gpointer user_data);

/* Carries progress from a worker thread to the main context that created
 * the relay, with at most one report queued at a time. */
typedef struct _RapportProgressRelay RapportProgressRelay;

RapportProgressRelay *rapport_progress_relay_new    (RapportProgressFunc   progress,
                                                     gpointer              progress_data);
/* A RapportProgressFunc: pass the relay as its user_data. Any thread. */
void                  rapport_progress_relay_report (double                fraction,
                                                     gpointer              relay);
/* Main context: no report is delivered after this. */
void                  rapport_progress_relay_finish (RapportProgressRelay *relay);
RapportProgressRelay *rapport_progress_relay_ref    (RapportProgressRelay *relay);
void                  rapport_progress_relay_unref  (RapportProgressRelay *relay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportProgressRelay, rapport_progress_relay_unref)

G_END_DECLS
