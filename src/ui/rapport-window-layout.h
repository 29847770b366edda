/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The window's folding containers, the one place that chooses between the
 * adaptive widgets of libadwaita 1.4 and later and those of Debian 12
 * (libadwaita 1.2), from the API the build may use (the version pins, as
 * in rapport-platform.h):
 *
 *   RapportNavigationSplit  AdwNavigationSplitView with AdwToolbarView
 *                           pages, collapsed by an AdwBreakpoint
 *                           or AdwLeaflet with two vertical boxes
 *   RapportOverlaySplit     AdwOverlaySplitView, collapsed by an AdwBreakpoint
 *                           or AdwFlap
 *
 * Templates use them as any widget: the pages are set with properties
 * ("sidebar", "content" and, for the navigation split, a header bar for
 * each), and the window follows "collapsed" and "show-content" or
 * "show-sidebar", which mean the same on both.  On the older widgets a
 * split folds when its children no longer fit side by side; on the newer
 * ones when it is no wider than "collapse-width" (in sp, so that it follows
 * the text size), which must leave the expanded children room. */

#if ADW_CHECK_VERSION(1, 4, 0) && ADW_VERSION_MAX_ALLOWED >= ADW_VERSION_1_4
#define RAPPORT_HAVE_ADW_SPLIT_VIEWS 1
#else
#define RAPPORT_HAVE_ADW_SPLIT_VIEWS 0
#endif

#define RAPPORT_TYPE_NAVIGATION_SPLIT (rapport_navigation_split_get_type ())
G_DECLARE_FINAL_TYPE (RapportNavigationSplit, rapport_navigation_split, RAPPORT, NAVIGATION_SPLIT, GtkWidget)

/* A sidebar (a list to choose from) and the content it leads to, each
 * under its own header bar; side by side when there is room, else one at
 * a time with the content's header showing a way back.
 *
 * Properties: "sidebar", "sidebar-header", "sidebar-title", "content",
 * "content-header", "content-title" (set once, from the template),
 * "collapse-width" (sp), "collapsed" (read-only), "show-content" (which
 * one shows while collapsed) and "needs-back-button" (read-only: TRUE when
 * the content's header must show a back button of the caller's, which the
 * newer widgets put there themselves). */
gboolean rapport_navigation_split_get_collapsed (RapportNavigationSplit *self);
gboolean rapport_navigation_split_get_show_content (RapportNavigationSplit *self);
void     rapport_navigation_split_set_show_content (RapportNavigationSplit *self,
                                                    gboolean                show_content);
gboolean rapport_navigation_split_get_needs_back_button (RapportNavigationSplit *self);

#define RAPPORT_TYPE_OVERLAY_SPLIT (rapport_overlay_split_get_type ())
G_DECLARE_FINAL_TYPE (RapportOverlaySplit, rapport_overlay_split, RAPPORT, OVERLAY_SPLIT, GtkWidget)

/* A side panel beside its content when there is room, else over it on
 * demand ("show-sidebar"), at the start or the end.
 *
 * Properties: "sidebar", "content", "sidebar-position" (GtkPackType),
 * "sidebar-width" (px: the panel's width when beside the content),
 * "collapse-width" (sp), "swipe-to-open", "collapsed" (read-only) and
 * "show-sidebar". */
gboolean rapport_overlay_split_get_collapsed (RapportOverlaySplit *self);
gboolean rapport_overlay_split_get_show_sidebar (RapportOverlaySplit *self);
void     rapport_overlay_split_set_show_sidebar (RapportOverlaySplit *self,
                                                 gboolean             show_sidebar);

G_END_DECLS
