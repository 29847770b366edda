/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* Hides (TRUE) or brings back (FALSE) the row @id; deletes it for good. */
typedef gboolean (*RapportRowHideFunc)  (RapportStore  *store,
                                         gint64         id,
                                         gboolean       hidden,
                                         GError       **error);
typedef gboolean (*RapportRowPurgeFunc) (RapportStore  *store,
                                         gint64         id,
                                         GError       **error);
/* Called on @owner, if it still exists, after Undo: @error is NULL when
 * the row is back, else why it is not. */
typedef void     (*RapportUndoneFunc)   (GtkWidget     *owner,
                                         const GError  *error);

/* A toast for the row @id, just hidden with @hide: its Undo brings the
 * row back, and once it goes without Undo the row is purged. */
AdwToast *rapport_undo_toast_new (const char          *title,
                                  RapportStore        *store,
                                  gint64               id,
                                  RapportRowHideFunc   hide,
                                  RapportRowPurgeFunc  purge,
                                  GtkWidget           *owner,
                                  RapportUndoneFunc    undone);

/* Shows @toast from @widget: on @overlay when set, else through the
 * widget's @show_toast_signal when something listens, else on the
 * nearest toast overlay above it. With none, the toast is dismissed at
 * once (an undo toast then purges at once). */
void      rapport_toast_offer    (GtkWidget           *widget,
                                  AdwToastOverlay     *overlay,
                                  guint                show_toast_signal,
                                  AdwToast            *toast);

G_END_DECLS
