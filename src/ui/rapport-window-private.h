/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-meeting-list.h"
#include "rapport-window-layout.h"
#include "rapport-window.h"

G_BEGIN_DECLS

struct _RapportWindow
{
  AdwApplicationWindow    parent_instance;

  /* Owned */
  RapportStore           *store;
  GSettings              *settings;
  GListStore             *people;
  GtkFilterListModel     *visible_people;
  GtkCustomFilter        *people_filter;
  GtkSortListModel       *sorted_people;       /* visible_people, in the chosen order */
  GtkSliceListModel      *people_slice;        /* sorted_people, the rows made so far */
  GtkCustomSorter        *attention_sorter;
  GHashTable             *attention;           /* person id -> RapportAttention */
  RapportPerson          *person;              /* on show, or NULL */
  GSignalGroup           *person_signals;      /* person's "notify" -> the title */
  GBindingGroup          *person_bindings;     /* person's name -> the page's name */
  RapportMeetingList     *meetings;            /* the person's, or NULL */
  GtkSliceListModel      *meetings_slice;      /* meetings, the rows made so far */
  GtkSingleSelection     *meeting_selection;   /* of meetings_slice */
  GSignalGroup           *selection_signals;   /* the user's choice of a meeting */
  GSignalGroup           *brief_list_signals;  /* the user's choice of the brief */
  GPtrArray              *jobs;                /* borrowed data jobs still running */
  GtkWindow              *shortcuts_window;    /* made when first shown */

  /* Borrowed (weak): built on demand, held by the widget tree */
  GtkWidget              *history_view;
  GtkWidget              *brief_view;
  GtkWidget              *this_week_view;
  GtkWidget              *search_panel;
  /* The person's page (rapport-window-person-page.ui): NULL until a
   * person is first shown or rapport_window_get_editor() is called. */
  RapportOverlaySplit    *meetings_split;
  GtkListBox             *brief_list;
  GtkListBoxRow          *brief_row;
  GtkStack               *meetings_stack;
  GtkListView            *meetings_view;
  GtkStack               *person_stack;
  GtkBox                 *brief_slot;
  RapportMeetingEditor   *editor;

  /* Template children */
  AdwToastOverlay        *toast_overlay;
  RapportNavigationSplit *split;
  GtkStack               *sidebar_stack;
  GtkListBox             *people_list;
  GtkListBox             *home_list;
  GtkListBoxRow          *home_row;
  AdwWindowTitle         *content_title;
  GtkWidget              *new_meeting_button;
  GtkWidget              *person_menu_button;
  GtkWidget              *primary_menu_button;
  GMenuModel             *primary_menu; /* given to its button when first opened */
  GMenuModel             *person_menu;
  GtkWidget              *history_button;
  GtkWidget              *search_button;
  GtkLabel               *save_label;
  GtkRevealer            *save_banner;
  GtkLabel               *save_banner_label;
  GtkStack               *content_stack;
  GtkWidget              *meetings_toggle;
  GtkActionBar           *narrow_bar;
  GtkWidget              *narrow_meetings_toggle;
  GtkWidget              *narrow_new_meeting_button;
  GtkWidget              *narrow_history_button;
  GtkLabel               *narrow_save_label;
  GMenu                  *data_section;

  /* State */
  gboolean                show_archived;
  gboolean                by_attention;        /* the people list's order */
  gboolean                search_mode;
  gboolean                history_mode;
  gboolean                closing_anyway;
  gboolean                reloading;           /* re-selecting after another writer */
  gboolean                attention_from_this_week; /* start-up: This Week has read it */
  int                     first_frame_height;  /* start-up: at most this tall */
  gboolean                people_rows_pending; /* rows below the first frame not made yet */
  guint                   people_rows_source;
  gboolean                meetings_fill_pending; /* more rows while the list cannot scroll */
  GdkFrameClock          *meetings_fill_clock; /* its "after-paint", while filling */
  gint64                  meetings_fill_frame; /* the frame they were last added in */
  /* PRAGMA data_version last seen: another connection's commit changes it. */
  gint64                  data_version;
  guint                   poll_source;
  guint                   banner_source;
};

/* rapport-window-actions.c */
void rapport_window_install_actions   (GtkWidgetClass *widget_class);
void rapport_window_update_actions    (RapportWindow  *self);

/* rapport-window.c */
void rapport_window_show_person       (RapportWindow  *self,
                                       RapportPerson  *person);
void rapport_window_show_error        (RapportWindow  *self,
                                       const char     *heading,
                                       const char     *message);
void rapport_window_reload_people     (RapportWindow  *self);
void rapport_window_reload_meetings   (RapportWindow  *self);
void rapport_window_select_meeting    (RapportWindow  *self,
                                       gint64          meeting_id);
void rapport_window_show_brief        (RapportWindow  *self);
void rapport_window_set_show_archived (RapportWindow  *self,
                                       gboolean        show_archived);
void rapport_window_set_search_mode   (RapportWindow  *self,
                                       gboolean        search_mode);
void rapport_window_set_history_mode  (RapportWindow  *self,
                                       gboolean        history_mode);
void rapport_window_show_team_history (RapportWindow  *self);
/* A talking point added, ticked or a 1:1 skipped elsewhere: the people
 * list's badges, reasons and order, and This Week, follow. */
void rapport_window_between_meetings_changed (RapportWindow *self);
/* Nobody selected: This Week, as its row in the sidebar does. */
void rapport_window_show_this_week    (RapportWindow  *self);

G_END_DECLS
