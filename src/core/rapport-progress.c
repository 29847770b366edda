/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-progress"

#include "config.h"

#include "rapport-progress.h"

struct _RapportProgressRelay
{
  GMainContext       *context;
  RapportProgressFunc func;
  gpointer            data;
  int                 permille; /* atomic: the latest report */
  int                 pending;  /* atomic: an idle is queued */
  int                 finished; /* atomic */
};

static void
relay_clear (gpointer data)
{
  RapportProgressRelay *self = data;

  g_main_context_unref (self->context);
}

RapportProgressRelay *
rapport_progress_relay_new (RapportProgressFunc progress,
                            gpointer            progress_data)
{
  RapportProgressRelay *self = g_atomic_rc_box_new0 (RapportProgressRelay);

  self->context = g_main_context_ref_thread_default ();
  self->func = progress;
  self->data = progress_data;
  self->permille = -1;
  return self;
}

RapportProgressRelay *
rapport_progress_relay_ref (RapportProgressRelay *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
rapport_progress_relay_unref (RapportProgressRelay *self)
{
  g_atomic_rc_box_release_full (self, relay_clear);
}

static gboolean
deliver (gpointer data)
{
  RapportProgressRelay *self = data;
  int                   permille;

  /* Cleared first, so a report made while we run queues a new idle. */
  g_atomic_int_set (&self->pending, 0);
  permille = g_atomic_int_get (&self->permille);
  if (!g_atomic_int_get (&self->finished) && self->func != NULL && permille >= 0)
    self->func (permille / 1000.0, self->data);
  return G_SOURCE_REMOVE;
}

void
rapport_progress_relay_report (double   fraction,
                               gpointer relay)
{
  RapportProgressRelay *self = relay;
  int                   permille = (int) (CLAMP (fraction, 0.0, 1.0) * 1000.0 + 0.5);
  g_autoptr(GSource) source = NULL;

  if (self == NULL || self->func == NULL)
    return;
  if (g_atomic_int_get (&self->permille) == permille)
    return;
  g_atomic_int_set (&self->permille, permille);
  if (!g_atomic_int_compare_and_exchange (&self->pending, 0, 1))
    return;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver, rapport_progress_relay_ref (self),
                         (GDestroyNotify) rapport_progress_relay_unref);
  g_source_set_static_name (source, "[rapport] progress");
  g_source_attach (source, self->context);
}

void
rapport_progress_relay_finish (RapportProgressRelay *self)
{
  g_atomic_int_set (&self->finished, 1);
}
