/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-commitment.h"
#include "rapport-meeting.h"
#include "rapport-next-meeting-bar.h"
#include "rapport-person.h"
#include "rapport-skip-dialog.h"
#include "rapport-talking-point.h"
#include "rapport-this-week-row.h"
#include "rapport-this-week-view.h"
#include "test-core-util.h"
#include "test-ui-util.h"

#define TODAY "2026-03-10"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  GtkWidget    *window;
  GtkWidget    *view;
  gint64        opened_person;
  gint64        opened_meeting;
  guint         n_opened;
  guint         n_changed;
} Fixture;

static void
on_open_person (RapportThisWeekView *view,
                gint64               person_id,
                Fixture             *f)
{
  f->opened_person = person_id;
  f->opened_meeting = 0;
  f->n_opened++;
}

static void
on_open_meeting (RapportThisWeekView *view,
                 gint64               person_id,
                 gint64               meeting_id,
                 Fixture             *f)
{
  f->opened_person = person_id;
  f->opened_meeting = meeting_id;
  f->n_opened++;
}

static void
on_changed (RapportThisWeekView *view,
            Fixture             *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
}

/* The view, made once the data is in place, in a window @width wide. */
static void
show_view_sized (Fixture *f,
                 int      width)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 800);
  f->view = g_object_new (RAPPORT_TYPE_THIS_WEEK_VIEW, "store", f->store, "today", TODAY, NULL);
  g_object_ref_sink (f->view);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_present (GTK_WINDOW (f->window));
  g_signal_connect (f->view, "open-person", G_CALLBACK (on_open_person), f);
  g_signal_connect (f->view, "open-meeting", G_CALLBACK (on_open_meeting), f);
  g_signal_connect (f->view, "changed", G_CALLBACK (on_changed), f);
}

static void
show_view (Fixture *f)
{
  show_view_sized (f, 600);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  test_ui_spin (50);
  if (f->view != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->view));
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static gboolean
is_label_with (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

/* The rows of the list labelled @name, in order. */
static GPtrArray *
section_rows (Fixture    *f,
              const char *heading)
{
  GtkWidget *label = test_ui_find (f->view, is_label_with, heading);
  GtkWidget *box;
  GtkWidget *list;
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (label);
  /* heading > header box > section box */
  box = gtk_widget_get_parent (gtk_widget_get_parent (label));
  if (!gtk_widget_is_visible (box))
    return rows;
  list = test_ui_find_type (box, GTK_TYPE_LIST_BOX);
  for (guint i = 0; gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i) != NULL; i++)
    g_ptr_array_add (rows, gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i));
  return rows;
}

static const char *
title_of (gpointer row)
{
  return rapport_this_week_row_get_title (RAPPORT_THIS_WEEK_ROW (row));
}

static const char *
subtitle_of (gpointer row)
{
  return rapport_this_week_row_get_subtitle (RAPPORT_THIS_WEEK_ROW (row));
}

static GtkWidget *
button_labelled (GtkWidget  *root,
                 const char *prefix)
{
  g_autoptr(GPtrArray) all = test_ui_find_all_visible (root, test_ui_is_type, TEST_UI_TYPE (GTK_TYPE_BUTTON));

  for (guint i = 0; i < all->len; i++)
    {
      const char *label = gtk_button_get_label (all->pdata[i]);

      if (label != NULL && g_str_has_prefix (label, prefix) && gtk_widget_is_visible (all->pdata[i]))
        return all->pdata[i];
    }
  return NULL;
}

static void
add_moods (Fixture    *f,
           gint64      person,
           const char *dates[],
           const int   moods[],
           guint       n)
{
  for (guint i = 0; i < n; i++)
    test_core_insert_meeting (f->store, person, dates[i], moods[i], "", FALSE);
}

static void
test_sections (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) ada = test_core_person_new (f->store, "Ada", NULL);
  g_autoptr(RapportPerson) bob = test_core_person_new (f->store, "Bob", NULL);
  g_autoptr(RapportPerson) cleo = test_core_person_new (f->store, "Cleo", NULL);
  g_autoptr(RapportPerson) dan = test_core_person_new (f->store, "Dan", NULL);
  g_autoptr(RapportPerson) eve = NULL;
  g_autoptr(RapportMeeting) ada_meeting = test_core_meeting_new (f->store, ada, "2026-02-02", NULL);
  g_autoptr(RapportMeeting) bob_meeting = test_core_meeting_new (f->store, bob, "2026-03-05", NULL);
  g_autoptr(RapportMeeting) dan_meeting = test_core_meeting_new (f->store, dan, TODAY, NULL);
  g_autoptr(RapportCommitment) late = NULL;
  g_autoptr(RapportCommitment) open = NULL;
  g_autoptr(RapportCommitment) theirs = NULL;
  g_autoptr(RapportTalkingPoint) point = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) promises = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  const char *cleo_dates[] = { "2026-01-27", "2026-02-03", "2026-02-10", "2026-02-17", "2026-02-24", "2026-03-03" };
  const int   cleo_moods[] = { 5, 5, 5, 2, 2, 2 };
  GtkWidget  *caption;

  add_moods (f, rapport_person_get_id (cleo), cleo_dates, cleo_moods, G_N_ELEMENTS (cleo_moods));
  late = rapport_commitment_create (f->store, rapport_meeting_get_id (ada_meeting), "Send the offsite agenda",
                                    RAPPORT_COMMITMENT_OWNER_ME, "2026-03-01", &error);
  g_assert_no_error (error);
  open = rapport_commitment_create (f->store, rapport_meeting_get_id (bob_meeting), "Book the room",
                                    RAPPORT_COMMITMENT_OWNER_ME, NULL, &error);
  g_assert_no_error (error);
  theirs = rapport_commitment_create (f->store, rapport_meeting_get_id (ada_meeting), "Write the RFC",
                                      RAPPORT_COMMITMENT_OWNER_THEM, "2026-03-01", &error);
  g_assert_no_error (error);
  point = rapport_talking_point_add (f->store, rapport_person_get_id (bob), "Promotion case", RAPPORT_RAISED_BY_THEM,
                                     0, RAPPORT_RECUR_NONE, NULL, &error);
  g_assert_no_error (error);
  (void) dan_meeting;
  /* Eve: added today, never met yet: listed last, as someone to meet. */
  eve = test_core_person_new (f->store, "Eve", NULL);
  test_core_exec (f->store, "UPDATE people SET created_at = '" TODAY "T09:00:00.000Z' WHERE name = 'Eve'");

  show_view (f);
  g_assert_false (rapport_this_week_view_get_empty (RAPPORT_THIS_WEEK_VIEW (f->view)));
  g_assert_nonnull (test_ui_find (f->view, is_label_with, "Tuesday 10 March"));

  /* Who is due: overdue first, then due, then coming up; Dan, met
   * today, is not there. */
  due = section_rows (f, "Due for a 1:1");
  g_assert_cmpuint (due->len, ==, 4);
  g_assert_cmpstr (title_of (due->pdata[0]), ==, "Ada");
  g_assert_true (g_str_has_prefix (subtitle_of (due->pdata[0]), "Overdue by 29 days"));
  g_assert_cmpstr (title_of (due->pdata[1]), ==, "Cleo");
  g_assert_true (g_str_has_prefix (subtitle_of (due->pdata[1]), "Due today"));
  /* ...with the main other reason: her mood. */
  g_assert_nonnull (strstr (subtitle_of (due->pdata[1]), "mood falling"));
  g_assert_cmpstr (title_of (due->pdata[2]), ==, "Bob");
  g_assert_true (g_str_has_prefix (subtitle_of (due->pdata[2]), "Next 1:1 Thu 12 Mar"));
  g_assert_cmpstr (title_of (due->pdata[3]), ==, "Eve");
  g_assert_true (g_str_has_prefix (subtitle_of (due->pdata[3]), "No 1:1 yet, first due "));

  /* My open commitments, the overdue one first; theirs are not here. */
  promises = section_rows (f, "My Open Commitments");
  g_assert_cmpuint (promises->len, ==, 2);
  g_assert_cmpstr (title_of (promises->pdata[0]), ==, "Send the offsite agenda");
  g_assert_cmpstr (subtitle_of (promises->pdata[0]), ==, "To Ada · was due 1 Mar");
  g_assert_cmpstr (title_of (promises->pdata[1]), ==, "Book the room");
  g_assert_cmpstr (subtitle_of (promises->pdata[1]), ==, "To Bob · promised 5 Mar");
  caption = test_ui_find (f->view, is_label_with, "1 overdue");
  g_assert_nonnull (caption);
  g_assert_true (gtk_widget_is_visible (caption));

  topics = section_rows (f, "Talking Points Waiting");
  g_assert_cmpuint (topics->len, ==, 1);
  g_assert_cmpstr (title_of (topics->pdata[0]), ==, "Promotion case");
  g_assert_cmpstr (subtitle_of (topics->pdata[0]), ==, "Bob · raised by them");

  alerts = section_rows (f, "Worth a Look");
  g_assert_cmpuint (alerts->len, ==, 1);
  g_assert_true (g_str_has_prefix (title_of (alerts->pdata[0]), "Mood falling"));
  g_assert_cmpstr (subtitle_of (alerts->pdata[0]), ==, "Cleo");

  /* Each line opens its person, or the meeting of a commitment. */
  g_signal_emit_by_name (due->pdata[0], "activate");
  g_assert_cmpuint (f->n_opened, ==, 1);
  g_assert_cmpint (f->opened_person, ==, rapport_person_get_id (ada));
  g_assert_cmpint (f->opened_meeting, ==, 0);
  g_signal_emit_by_name (promises->pdata[1], "activate");
  g_assert_cmpint (f->opened_person, ==, rapport_person_get_id (bob));
  g_assert_cmpint (f->opened_meeting, ==, rapport_meeting_get_id (bob_meeting));
  g_signal_emit_by_name (topics->pdata[0], "activate");
  g_assert_cmpint (f->opened_person, ==, rapport_person_get_id (bob));
  g_assert_cmpint (f->opened_meeting, ==, 0);
  g_signal_emit_by_name (alerts->pdata[0], "activate");
  g_assert_cmpint (f->opened_person, ==, rapport_person_get_id (cleo));
  g_assert_cmpuint (f->n_opened, ==, 4);

  /* A row follows its item: a commitment renamed elsewhere. */
  {
    g_autoptr(RapportCommitment) shown = NULL;

    g_object_get (promises->pdata[0], "item", &shown, NULL);
    g_assert_true (rapport_commitment_set_text (shown, f->store, "Send the offsite agenda today", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (title_of (promises->pdata[0]), ==, "Send the offsite agenda today");
  }

  /* Ticked here: closed today, kept on show until the next reload. */
  {
    GtkWidget *check = test_ui_find_type (promises->pdata[0], GTK_TYPE_CHECK_BUTTON);

    g_assert_true (gtk_widget_get_visible (check));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments"
                                                 " WHERE text = 'Send the offsite agenda today'"
                                                 " AND closed_on = '" TODAY "'"),
                     ==, 1);
    g_assert_cmpuint (f->n_changed, ==, 1);
    g_assert_true (gtk_widget_has_css_class (promises->pdata[0], "closed"));
    g_assert_false (gtk_widget_is_visible (caption));
    /* Untick: open again. */
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
    g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments"
                                                 " WHERE text = 'Send the offsite agenda today'"
                                                 " AND closed_on IS NULL"),
                     ==, 1);
    g_assert_true (gtk_widget_is_visible (caption));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    g_assert_cmpuint (f->n_changed, ==, 3);
  }
  /* No tick box on other lines. */
  g_assert_false (gtk_widget_get_visible (test_ui_find_type (due->pdata[0], GTK_TYPE_CHECK_BUTTON)));

  rapport_this_week_view_reload (RAPPORT_THIS_WEEK_VIEW (f->view));
  g_clear_pointer (&promises, g_ptr_array_unref);
  promises = section_rows (f, "My Open Commitments");
  g_assert_cmpuint (promises->len, ==, 1);
  g_assert_cmpstr (title_of (promises->pdata[0]), ==, "Book the room");
  caption = test_ui_find (f->view, is_label_with, "1 overdue");
  g_assert_true (caption == NULL || !gtk_widget_is_visible (caption));
}

/* The first label below @widget whose text is @text. */
static GtkLabel *
label_in (GtkWidget  *widget,
          const char *text)
{
  GtkWidget *label = test_ui_find (widget, is_label_with, text);

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

/* A row of This Week is a plain list row drawn as an AdwActionRow is:
 * at 360 px its long title wraps within the row, nothing cut; its width
 * does not depend on the height it is offered (what keeps GTK from
 * laying its text out at a score of widths when it is allocated); and
 * the keyboard opens it. */
static void
test_row_layout (Fixture      *f,
                 gconstpointer data)
{
  const char *text = "Write up the offsite notes with the budget, the hiring plan, the on-call rota "
                     "and the three open questions from the retro";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) ada = test_core_person_new (f->store, "Ada", NULL);
  g_autoptr(RapportMeeting) meeting = test_core_meeting_new (f->store, ada, "2026-02-02", NULL);
  g_autoptr(RapportCommitment) promise = NULL;
  g_autoptr(GPtrArray) promises = NULL;
  GtkWidget      *row, *header, *list;
  GtkLabel       *title, *subtitle;
  PangoLayout    *layout;
  graphene_rect_t bounds;
  int             min, nat, one_line;

  promise = rapport_commitment_create (f->store, rapport_meeting_get_id (meeting), text,
                                       RAPPORT_COMMITMENT_OWNER_ME, "2026-03-01", &error);
  g_assert_no_error (error);
  show_view_sized (f, 360);
  test_ui_wait_quiet ();

  promises = section_rows (f, "My Open Commitments");
  g_assert_cmpuint (promises->len, ==, 1);
  row = promises->pdata[0];
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_true (gtk_widget_get_width (GTK_WIDGET (f->window)) <= 400);

  /* Adwaita's action row look: row.activatable > box.header, at least
   * 50 px tall, a label.title and a label.subtitle. */
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_has_css_class (row, "activatable"));
  header = gtk_widget_get_first_child (row);
  g_assert_true (gtk_widget_has_css_class (header, "header"));
  g_assert_cmpint (gtk_widget_get_height (header), >=, 50);
  title = label_in (row, text);
  subtitle = label_in (row, "To Ada · was due 1 Mar");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (title), "title"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (subtitle), "subtitle"));
  g_assert_true (gtk_widget_get_visible (test_ui_find_type (row, GTK_TYPE_CHECK_BUTTON)));
  g_assert_true (gtk_widget_get_visible (test_ui_find (row, is_label_with, "Overdue")));

  /* Wrapped, on several lines, none cut, within the row. */
  layout = gtk_label_get_layout (title);
  g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);
  g_assert_false (pango_layout_is_ellipsized (layout));
  gtk_widget_measure (GTK_WIDGET (title), GTK_ORIENTATION_VERTICAL, -1, &one_line, NULL, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (title)), >, one_line);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (title), row, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (row));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (row));

  /* No taller than its text at its width: GTK 4.18's GtkGrid gave a
   * minimum height for its children's minimum widths, which made such
   * rows twice as tall as their text on Debian 13. */
  {
    int min_h = 0, nat_h = 0;

    gtk_widget_measure (header, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (header), &min_h, &nat_h, NULL, NULL);
    g_assert_cmpint (min_h, <=, nat_h);
    g_assert_cmpint (gtk_widget_get_height (header), <=, MAX (nat_h, 50));
  }

  /* Narrower than the window lets it be. */
  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <, gtk_widget_get_width (row));

  /* Enter on the focused row opens its meeting. */
  list = gtk_widget_get_parent (row);
  g_assert_true (gtk_widget_grab_focus (row));
  g_signal_emit_by_name (list, "activate-cursor-row");
  g_assert_cmpuint (f->n_opened, ==, 1);
  g_assert_cmpint (f->opened_person, ==, rapport_person_get_id (ada));
  g_assert_cmpint (f->opened_meeting, ==, rapport_meeting_get_id (meeting));
}

/* @n talking points for @person, "Topic 1" to "Topic n". */
static void
add_topics (Fixture       *f,
            RapportPerson *person,
            guint          n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("Topic %u", i + 1);
      g_autoptr(RapportTalkingPoint) point = rapport_talking_point_add (f->store, rapport_person_get_id (person), text,
                                                                         RAPPORT_RAISED_BY_ME, 0, RAPPORT_RECUR_NONE,
                                                                         NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (point);
    }
}

static void
test_long_section (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(RapportPerson) bob = test_core_person_new (f->store, "Bob", NULL);
  g_autoptr(GPtrArray) topics = NULL;
  GtkWidget *more;

  add_topics (f, bob, 11);
  show_view (f);

  /* The first lines, and a button for all of them. */
  topics = section_rows (f, "Talking Points Waiting");
  g_assert_cmpuint (topics->len, ==, 8);
  g_assert_cmpstr (title_of (topics->pdata[0]), ==, "Topic 1");
  more = button_labelled (f->view, "Show All 11");
  g_assert_nonnull (more);
  g_signal_emit_by_name (more, "clicked");
  g_clear_pointer (&topics, g_ptr_array_unref);
  topics = section_rows (f, "Talking Points Waiting");
  g_assert_cmpuint (topics->len, ==, 11);
  g_assert_cmpstr (title_of (topics->pdata[10]), ==, "Topic 11");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, "Show Fewer");
  g_signal_emit_by_name (more, "clicked");
  g_clear_pointer (&topics, g_ptr_array_unref);
  topics = section_rows (f, "Talking Points Waiting");
  g_assert_cmpuint (topics->len, ==, 8);
}

/* Start-up: the rows the first frame can show are made before it, the
 * others once the page was first drawn. */
static void
test_first_frame (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(RapportPerson) bob = test_core_person_new (f->store, "Bob", NULL);
  g_autoptr(GPtrArray) topics = NULL;

  add_topics (f, bob, 11);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 200);
  f->view = g_object_new (RAPPORT_TYPE_THIS_WEEK_VIEW, "store", f->store, "today", TODAY,
                          "first-frame-height", 200, NULL);
  g_object_ref_sink (f->view);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);

  /* 200 pixels: the top of the page, Bob due, the heading of the points
   * and one of them at most, all before the window is shown. */
  {
    GtkWidget     *heading = test_ui_find (f->view, is_label_with, "Talking Points Waiting");
    GtkWidget     *list = test_ui_find_type (gtk_widget_get_parent (gtk_widget_get_parent (heading)), GTK_TYPE_LIST_BOX);
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

    g_assert_nonnull (first);
    g_assert_cmpstr (title_of (first), ==, "Topic 1");
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  }

  /* The rest come once the page was drawn: on a busy machine that can
   * take longer than a frame or two, so wait for them up to 5 s. */
  gtk_window_present (GTK_WINDOW (f->window));
  for (guint waited = 0; waited <= 5000; waited += 50)
    {
      test_ui_spin (50);
      g_clear_pointer (&topics, g_ptr_array_unref);
      topics = section_rows (f, "Talking Points Waiting");
      if (topics->len >= 8)
        break;
    }
  g_assert_cmpuint (topics->len, ==, 8);
  g_assert_cmpstr (title_of (topics->pdata[7]), ==, "Topic 8");
  g_assert_nonnull (button_labelled (f->view, "Show All 11"));
}

static void
test_empty (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(RapportPerson) ada = test_core_person_new (f->store, "Ada", NULL);
  g_autoptr(RapportMeeting) met = test_core_meeting_new (f->store, ada, TODAY, NULL);
  GtkWidget *title;

  g_assert_nonnull (met);
  show_view (f);
  /* Met today, nothing promised or waiting: the calm page. */
  g_assert_true (rapport_this_week_view_get_empty (RAPPORT_THIS_WEEK_VIEW (f->view)));
  title = test_ui_find (f->view, is_label_with, "All Clear This Week");
  g_assert_nonnull (title);
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (test_ui_find_type (f->view, GTK_TYPE_STACK))) ==
                 gtk_widget_get_ancestor (title, ADW_TYPE_STATUS_PAGE));
  g_assert_false (gtk_widget_is_visible (test_ui_find (f->view, is_label_with, "Due for a 1:1")));
  /* Its icon is set when the page is shown (see the next test). */
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (gtk_widget_get_ancestor (title, ADW_TYPE_STATUS_PAGE))),
                   ==, "weather-clear-symbolic");

  /* A talking point added elsewhere: shown on the next reload. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RapportTalkingPoint) point = rapport_talking_point_add (f->store, rapport_person_get_id (ada),
                                                                       "Conference budget", RAPPORT_RAISED_BY_ME,
                                                                       0, RAPPORT_RECUR_NONE, NULL, &error);
    g_autoptr(GPtrArray) topics = NULL;

    g_assert_nonnull (point);

    g_assert_no_error (error);
    rapport_this_week_view_reload (RAPPORT_THIS_WEEK_VIEW (f->view));
    g_assert_false (rapport_this_week_view_get_empty (RAPPORT_THIS_WEEK_VIEW (f->view)));
    g_assert_false (gtk_stack_get_visible_child (GTK_STACK (test_ui_find_type (f->view, GTK_TYPE_STACK))) ==
                    gtk_widget_get_ancestor (title, ADW_TYPE_STATUS_PAGE));
    topics = section_rows (f, "Talking Points Waiting");
    g_assert_cmpuint (topics->len, ==, 1);
  }
}

/* A week with something in it never sets the calm page's icon: Adwaita
 * has it only as an SVG at that size, and reading it would load librsvg
 * (6 MB resident) at every start-up (issue 12). */
static void
test_empty_icon_unread (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(RapportPerson) ada = test_core_person_new (f->store, "Ada", NULL);
  GtkWidget *title;

  g_assert_nonnull (ada);
  show_view (f);
  g_assert_false (rapport_this_week_view_get_empty (RAPPORT_THIS_WEEK_VIEW (f->view)));
  title = test_ui_find (f->view, is_label_with, "All Clear This Week");
  g_assert_nonnull (title);
  g_assert_null (adw_status_page_get_icon_name (ADW_STATUS_PAGE (gtk_widget_get_ancestor (title, ADW_TYPE_STATUS_PAGE))));
}

static gboolean
is_open_skip_dialog (GtkWidget    *widget,
                     gconstpointer data)
{
  return RAPPORT_IS_SKIP_DIALOG (widget) && gtk_widget_get_mapped (widget);
}

/* The skipped or moved 1:1 form on show, or NULL: a window of its own,
 * or an AdwDialog in one. */
static GtkWidget *
find_skip_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found = test_ui_find (window, is_open_skip_dialog, NULL);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static GtkWidget *
find_tooltip (GtkWidget  *root,
              const char *tooltip)
{
  GtkWidget *widget = test_ui_find (root, has_tooltip, tooltip);

  g_assert_nonnull (widget);
  return widget;
}

static void
select_day (GtkWidget  *calendar,
            const char *date)
{
  int y, m, d;
  g_autoptr(GDateTime) day = NULL;

  g_assert_cmpint (sscanf (date, "%d-%d-%d", &y, &m, &d), ==, 3);
  day = g_date_time_new_local (y, m, d, 12, 0, 0);
  /* Emits "day-selected", as a click on the day does. */
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
}

static gboolean
is_menu_button_labelled (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), data) == 0;
}

/* The calendar in the popover of the menu button labelled @label. */
static GtkWidget *
calendar_of (GtkWidget  *root,
             const char *label)
{
  GtkWidget  *button = test_ui_find (root, is_menu_button_labelled, label);
  GtkPopover *popover;

  g_assert_nonnull (button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  return test_ui_find_type (GTK_WIDGET (popover), GTK_TYPE_CALENDAR);
}

/* The label of the button that sets the next 1:1's day. */
static const char *
next_label (GtkWidget *bar)
{
  GtkWidget *button = find_tooltip (bar, "Set the Day of the Next 1:1");

  return gtk_label_get_label (GTK_LABEL (test_ui_find_type (button, GTK_TYPE_LABEL)));
}

static AdwToast *last_toast;

static void
count_changed (gpointer emitter,
               guint   *count)
{
  (*count)++;
}

static void
on_bar_toast (RapportNextMeetingBar *bar,
              AdwToast              *toast,
              gpointer               user_data)
{
  g_set_object (&last_toast, toast);
}

static const char *
first_due_subtitle (Fixture    *f,
                    const char *name)
{
  g_autoptr(GPtrArray) due = section_rows (f, "Due for a 1:1");

  for (guint i = 0; i < due->len; i++)
    if (g_strcmp0 (title_of (due->pdata[i]), name) == 0)
      return subtitle_of (due->pdata[i]);
  return NULL;
}

static void
test_skip (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(RapportPerson) ada = test_core_person_new (f->store, "Ada", NULL);
  g_autoptr(RapportMeeting) met = test_core_meeting_new (f->store, ada, "2026-02-02", NULL);
  GtkWidget *bar = rapport_next_meeting_bar_new (f->store);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *dialog;
  guint      n_bar_changed = 0;

  g_assert_nonnull (met);
  show_view (f);
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), f->view);
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  g_signal_connect (bar, "show-toast", G_CALLBACK (on_bar_toast), NULL);
  g_signal_connect (bar, "changed", G_CALLBACK (count_changed), &n_bar_changed);
  rapport_next_meeting_bar_set_today (RAPPORT_NEXT_MEETING_BAR (bar), TODAY);
  rapport_next_meeting_bar_set_person (RAPPORT_NEXT_MEETING_BAR (bar), ada);

  g_assert_cmpstr (next_label (bar), ==, "Next 1:1 due Mon 9 Feb");
  g_assert_true (g_str_has_prefix (first_due_subtitle (f, "Ada"), "Overdue by 29 days"));

  /* A skip without leave changes nothing: still overdue. */
  g_signal_emit_by_name (find_tooltip (bar, "Record a 1:1 That Did Not Happen"), "clicked");
  dialog = find_skip_dialog ();
  g_assert_nonnull (dialog);
  /* The day offered is the day it was due. */
  g_assert_nonnull (test_ui_find (dialog, is_menu_button_labelled, "Mon 9 Feb 2026"));
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find_type (dialog, ADW_TYPE_ENTRY_ROW)), "Offsite");
  g_signal_emit_by_name (find_tooltip (dialog, "Record It"), "clicked");
  test_ui_spin (30);
  g_assert_null (find_skip_dialog ());
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM missed_meetings WHERE date = '2026-02-09'"
                                               " AND kind = 'skipped' AND reason_kind = 'other'"
                                               " AND reason = 'Offsite' AND moved_to IS NULL"),
                   ==, 1);
  g_assert_cmpuint (n_bar_changed, ==, 1);
  g_assert_nonnull (last_toast);
  g_assert_cmpstr (adw_toast_get_title (last_toast), ==, "1:1 recorded as skipped");
  rapport_this_week_view_reload (RAPPORT_THIS_WEEK_VIEW (f->view));
  g_assert_true (g_str_has_prefix (first_due_subtitle (f, "Ada"), "Overdue by 29 days"));
  g_assert_nonnull (strstr (first_due_subtitle (f, "Ada"), "1 skipped"));

  /* Undone from the toast: gone. */
  g_signal_emit_by_name (last_toast, "button-clicked");
  g_clear_object (&last_toast);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM missed_meetings"), ==, 0);
  g_assert_cmpuint (n_bar_changed, ==, 2);

  /* Skipped for leave on Friday: the clock starts again, not due now.
   * (GTK 4.8's calendar says nothing when only the month changes.) */
  g_signal_emit_by_name (find_tooltip (bar, "Record a 1:1 That Did Not Happen"), "clicked");
  dialog = find_skip_dialog ();
  select_day (calendar_of (dialog, "Mon 9 Feb 2026"), "2026-03-06");
  g_assert_nonnull (test_ui_find (dialog, is_menu_button_labelled, "Fri 6 Mar 2026"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_tooltip (dialog, "One of You Was Away")), TRUE);
  g_signal_emit_by_name (find_tooltip (dialog, "Record It"), "clicked");
  test_ui_spin (30);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM missed_meetings WHERE date = '2026-03-06'"
                                               " AND kind = 'skipped' AND reason_kind = 'leave'"),
                   ==, 1);
  g_assert_cmpstr (next_label (bar), ==, "Next 1:1 due Fri 13 Mar");
  rapport_this_week_view_reload (RAPPORT_THIS_WEEK_VIEW (f->view));
  g_assert_true (g_str_has_prefix (first_due_subtitle (f, "Ada"), "Next 1:1 Fri 13 Mar"));
  g_signal_emit_by_name (last_toast, "button-clicked");
  g_clear_object (&last_toast);

  /* Moved to Thursday: due that day. */
  g_signal_emit_by_name (find_tooltip (bar, "Record a 1:1 That Did Not Happen"), "clicked");
  dialog = find_skip_dialog ();
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_tooltip (dialog, "It Happens on Another Day")), TRUE);
  select_day (calendar_of (dialog, "Not known yet"), "2026-03-12");
  g_assert_nonnull (test_ui_find (dialog, is_menu_button_labelled, "Thu 12 Mar 2026"));
  g_signal_emit_by_name (find_tooltip (dialog, "Record It"), "clicked");
  test_ui_spin (30);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM missed_meetings WHERE kind = 'moved'"
                                               " AND moved_to = '2026-03-12'"),
                   ==, 1);
  g_assert_cmpstr (adw_toast_get_title (last_toast), ==, "1:1 recorded as moved");
  g_assert_cmpstr (next_label (bar), ==, "Next 1:1 due Thu 12 Mar");
  rapport_this_week_view_reload (RAPPORT_THIS_WEEK_VIEW (f->view));
  g_assert_true (g_str_has_prefix (first_due_subtitle (f, "Ada"), "Next 1:1 Thu 12 Mar"));
  g_clear_object (&last_toast);

  /* The next 1:1's day set by hand wins, until going back to the cadence. */
  select_day (test_ui_find_type (bar, GTK_TYPE_CALENDAR), "2026-03-14");
  g_assert_cmpstr (next_label (bar), ==, "Next 1:1 on Sat 14 Mar");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM people WHERE next_date = '2026-03-14'"), ==, 1);
  rapport_this_week_view_reload (RAPPORT_THIS_WEEK_VIEW (f->view));
  g_assert_cmpstr (first_due_subtitle (f, "Ada"), ==, "Next 1:1 Sat 14 Mar, set by hand");
  g_signal_emit_by_name (find_tooltip (bar, "Forget the Day Set by Hand"), "clicked");
  g_assert_cmpstr (next_label (bar), ==, "Next 1:1 due Thu 12 Mar");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM people WHERE next_date IS NULL"), ==, 1);

  /* Cancelled: nothing recorded. */
  g_signal_emit_by_name (find_tooltip (bar, "Record a 1:1 That Did Not Happen"), "clicked");
  dialog = find_skip_dialog ();
  rapport_dialog_close (dialog);
  test_ui_spin (30);
  g_assert_null (find_skip_dialog ());
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM missed_meetings"), ==, 1);
  g_assert_null (last_toast);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A closed AdwDialog goes at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/this-week/sections", test_sections);
  ADD ("/ui/this-week/row-layout", test_row_layout);
  ADD ("/ui/this-week/long-section", test_long_section);
  ADD ("/ui/this-week/first-frame", test_first_frame);
  ADD ("/ui/this-week/empty", test_empty);
  ADD ("/ui/this-week/empty-icon-unread", test_empty_icon_unread);
  ADD ("/ui/this-week/skip", test_skip);
#undef ADD

  return g_test_run ();
}
