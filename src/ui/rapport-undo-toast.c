/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-undo-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-undo-toast.h"

/* What a deletion's toast needs once the panel may be gone. */
typedef struct
{
  RapportStore       *store;
  GWeakRef            owner;
  gint64              id;
  RapportRowHideFunc  hide;
  RapportRowPurgeFunc purge;
  RapportUndoneFunc   undone;
  gboolean            was_undone;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_object (&pending->store);
  g_weak_ref_clear (&pending->owner);
  g_free (pending);
}

static void
on_undo (AdwToast *toast,
         Pending  *pending)
{
  g_autoptr(GtkWidget) owner = g_weak_ref_get (&pending->owner);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  pending->was_undone = TRUE;
  ok = pending->hide (pending->store, pending->id, FALSE, &error);
  if (owner != NULL)
    pending->undone (owner, ok ? NULL : error);
  else if (!ok)
    g_warning ("%s", error->message);
}

static void
on_dismissed (AdwToast *toast,
              Pending  *pending)
{
  g_autoptr(GError) error = NULL;

  if (!pending->was_undone && !pending->purge (pending->store, pending->id, &error))
    g_warning ("%s", error->message);
}

AdwToast *
rapport_undo_toast_new (const char         *title,
                        RapportStore       *store,
                        gint64              id,
                        RapportRowHideFunc  hide,
                        RapportRowPurgeFunc purge,
                        GtkWidget          *owner,
                        RapportUndoneFunc   undone)
{
  AdwToast *toast;
  Pending  *pending;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (hide != NULL && purge != NULL && undone != NULL, NULL);

  pending = g_new0 (Pending, 1);
  pending->store = g_object_ref (store);
  g_weak_ref_init (&pending->owner, owner);
  pending->id = id;
  pending->hide = hide;
  pending->purge = purge;
  pending->undone = undone;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo), pending);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_dismissed), pending,
                         (GClosureNotify) (void (*) (void)) pending_free, 0);
  return toast;
}

void
rapport_toast_offer (GtkWidget       *widget,
                     AdwToastOverlay *overlay,
                     guint            show_toast_signal,
                     AdwToast        *toast)
{
  GtkWidget *target = GTK_WIDGET (overlay);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (target == NULL && g_signal_has_handler_pending (widget, show_toast_signal, 0, FALSE))
    {
      g_signal_emit (widget, show_toast_signal, 0, toast);
      return;
    }
  if (target == NULL)
    target = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (target != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (target), g_object_ref (toast));
  else
    /* Nowhere to offer an undo: what it would undo is final now. */
    g_signal_emit_by_name (toast, "dismissed");
}
