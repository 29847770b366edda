/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"
#include "rapport-window.h"

G_BEGIN_DECLS

/* For tests that open a file chooser, before gtk_test_init(): on GTK 4.8
 * its path bar's one known warning is printed, not fatal. */
void              test_ui_tolerate_path_bar_race (void);

/* Runs the default main context for @ms milliseconds. */
void              test_ui_spin              (guint          ms);
void              test_ui_wait_quiet        (void);
void              test_ui_press_key         (GtkWidget     *widget,
                                             guint          keyval);

/* Says whether @widget is the one sought; @data is the search's. */
typedef gboolean (*TestUiMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* The first widget, @root or below it in tree order, that @match
 * accepts, visible or not; NULL if there is none. */
GtkWidget        *test_ui_find              (GtkWidget     *root,
                                             TestUiMatch    match,
                                             gconstpointer  data);
/* All the visible widgets, @root or below it, that @match accepts, in
 * tree order (below hidden ones too). */
GPtrArray        *test_ui_find_all_visible  (GtkWidget     *root,
                                             TestUiMatch    match,
                                             gconstpointer  data);

/* A TestUiMatch: @type is a GType passed with TEST_UI_TYPE(). */
gboolean          test_ui_is_type           (GtkWidget     *widget,
                                             gconstpointer  type);
#define TEST_UI_TYPE(t) GSIZE_TO_POINTER (t)
/* test_ui_find() of the first widget of @type. */
GtkWidget        *test_ui_find_type         (GtkWidget     *root,
                                             GType          type);

/* The open form (rapport_form_new()) shown in any window, or NULL. */
GtkWidget        *test_ui_find_dialog       (void);
/* The alert (rapport_alert_new()) shown in any window, or NULL. */
GtkWidget        *test_ui_find_alert        (void);

/* The real window on @store, @width by 720, presented and settled. */
RapportWindow    *test_ui_window_new        (RapportStore  *store,
                                             int            width);
/* Destroys @window, of which the caller holds the last reference, and
 * checks that it is finalized. */
void              test_ui_window_close      (RapportWindow *window);

G_END_DECLS
