/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-meeting-list.h"
#include "rapport-window-layout.h"
#include "rapport-window.h"

G_BEGIN_DECLS

struct _RapportWindow
{
  AdwApplicationWindow  parent_instance;

  RapportStore         *store;
  GSettings            *settings;
  GListStore           *people;
  GtkFilterListModel   *visible_people;
  GtkCustomFilter      *people_filter;
  RapportPerson        *person;
  RapportMeetingList   *meetings;
  GtkSingleSelection   *meeting_selection;
  gboolean              show_archived;
  gboolean              search_mode;
  gboolean              closing_anyway;
  guint                 running_jobs;
  gboolean              history_mode;
  GtkWidget            *history_view;
  GtkWidget            *brief_view;
  GtkWidget            *search_panel;
  gboolean              selecting;
  gboolean              reloading;
  /* PRAGMA data_version last seen: another connection's commit changes it. */
  gint64                data_version;
  guint                 poll_source;
  guint                 banner_source;

  /* template */
  AdwToastOverlay      *toast_overlay;
  RapportNavigationSplit *split;
  GtkStack             *sidebar_stack;
  GtkListBox           *people_list;
  AdwWindowTitle       *content_title;
  GtkWidget            *new_meeting_button;
  GtkWidget            *person_menu_button;
  GtkWidget            *history_button;
  GtkWidget            *search_button;
  GtkLabel             *save_label;
  GtkRevealer          *save_banner;
  GtkLabel             *save_banner_label;
  GtkStack             *content_stack;
  RapportOverlaySplit  *meetings_split;
  GtkWidget            *meetings_toggle;
  GtkActionBar         *narrow_bar;
  GtkWidget            *narrow_meetings_toggle;
  GtkWidget            *narrow_new_meeting_button;
  GtkWidget            *narrow_history_button;
  GtkLabel             *narrow_save_label;
  GtkListBox           *brief_list;
  GtkListBoxRow        *brief_row;
  GtkStack             *meetings_stack;
  GtkListView          *meetings_view;
  GtkStack             *person_stack;
  GtkBox               *brief_slot;
  RapportMeetingEditor *editor;
  GMenu                *data_section;
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

G_END_DECLS
