/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The brief and the meetings column's rows: what they show, and that
 * measuring them does not lay their text out at every width. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-brief-view.h"
#include "rapport-checklist-item.h"
#include "rapport-commitment.h"
#include "rapport-habit.h"
#include "rapport-meeting-row.h"
#include "rapport-meeting.h"
#include "rapport-person.h"
#include "rapport-text.h"
#include "test-core-util.h"
#include "test-ui-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  RapportStore  *store;
  RapportPerson *person;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->person = test_core_person_new (f->store, "Ada", "Engineer");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->person);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

/* A first line of notes far longer than any meetings column. */
#define LONG_LINE                                                                   \
  "Release went out smoothly and she handled the incident call calmly, then wrote " \
  "a clear summary for the whole team"

static GtkInscription *
row_excerpt (GtkWidget *row)
{
  GtkWidget *found = test_ui_find_type (row, GTK_TYPE_INSCRIPTION);

  g_assert_nonnull (found);
  return GTK_INSCRIPTION (found);
}

static void
assert_row_name (GtkWidget  *row,
                 const char *name)
{
  g_autofree char *failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  g_assert_null (failure);
}

static void
test_meeting_row_excerpt (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(RapportMeeting) long_notes = test_core_meeting_new (f->store, f->person, "2026-03-03",
                                                                 LONG_LINE "\nSecond line.");
  g_autoptr(RapportMeeting) short_notes = test_core_meeting_new (f->store, f->person, "2026-03-10", "Brief.");
  g_autoptr(RapportMeeting) no_notes = test_core_meeting_new (f->store, f->person, "2026-03-17", NULL);
  g_autofree char *cut = rapport_text_excerpt (LONG_LINE, 60);
  g_autofree char *long_name = g_strdup_printf ("Tue 3 Mar 2026: %s", cut);
  GtkWidget       *window = gtk_window_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget       *rows[3];
  int              nat[3];

  gtk_window_set_child (GTK_WINDOW (window), box);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      rows[i] = rapport_meeting_row_new ();
      gtk_box_append (GTK_BOX (box), rows[i]);
    }
  rapport_meeting_row_set_meeting (RAPPORT_MEETING_ROW (rows[0]), long_notes);
  rapport_meeting_row_set_meeting (RAPPORT_MEETING_ROW (rows[1]), short_notes);
  rapport_meeting_row_set_meeting (RAPPORT_MEETING_ROW (rows[2]), no_notes);
  gtk_window_set_default_size (GTK_WINDOW (window), 200, -1);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_wait_quiet ();

  /* The first line, cut to what a column can show, ellipsized at the
   * end; the row is named by its date and that excerpt. */
  g_assert_cmpuint (g_utf8_strlen (cut, -1), <=, 61);
  g_assert_cmpuint (g_utf8_strlen (cut, -1), >, 50);
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_assert_cmpstr (gtk_inscription_get_text (row_excerpt (rows[0])), ==, cut);
  g_assert_cmpint (gtk_inscription_get_text_overflow (row_excerpt (rows[0])), ==,
                   GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  assert_row_name (rows[0], long_name);
  g_assert_cmpstr (gtk_inscription_get_text (row_excerpt (rows[1])), ==, "Brief.");
  assert_row_name (rows[1], "Tue 10 Mar 2026: Brief.");
  g_assert_cmpstr (gtk_inscription_get_text (row_excerpt (rows[2])), ==, "No notes");
  assert_row_name (rows[2], "Tue 17 Mar 2026: No notes");

  /* The excerpt's size does not depend on the notes: it asks for no
   * width (the column's is set) and for one line of its font, so that
   * measuring the column lays out no text. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      int min, height;

      gtk_widget_measure (GTK_WIDGET (row_excerpt (rows[i])), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat[i], NULL,
                          NULL);
      g_assert_cmpint (min, ==, 0);
      gtk_widget_measure (GTK_WIDGET (row_excerpt (rows[i])), GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
      g_assert_cmpint (height, >, 0);
      g_assert_cmpint (height, ==, gtk_widget_get_height (GTK_WIDGET (row_excerpt (rows[0]))));
    }
  g_assert_cmpint (nat[0], ==, 0);
  g_assert_cmpint (nat[1], ==, 0);
  g_assert_cmpint (nat[2], ==, 0);
  /* Narrower than the text, which is ellipsized rather than cut. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (row_excerpt (rows[0]))), <=, 200);

  /* The notes edited elsewhere: the row follows. */
  rapport_meeting_set_notes (short_notes, "\n  Went better.\nMore");
  g_assert_cmpstr (gtk_inscription_get_text (row_excerpt (rows[1])), ==, "Went better.");
  assert_row_name (rows[1], "Tue 10 Mar 2026: Went better.");

  /* Given another meeting, and none. */
  rapport_meeting_row_set_meeting (RAPPORT_MEETING_ROW (rows[0]), short_notes);
  g_assert_cmpstr (gtk_inscription_get_text (row_excerpt (rows[0])), ==, "Went better.");
  rapport_meeting_row_set_meeting (RAPPORT_MEETING_ROW (rows[0]), NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_word_char_label (GtkWidget    *widget,
                    gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) && gtk_label_get_wrap_mode (GTK_LABEL (widget)) == PANGO_WRAP_WORD_CHAR;
}

/* Every label of @brief that wraps at any character is measured at a
 * few characters, not at width 0 (one character a line); returns how
 * many there are. */
static guint
assert_word_char_labels_have_min_chars (GtkWidget *brief)
{
  g_autoptr(GPtrArray) labels = test_ui_find_all_visible (brief, is_word_char_label, NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      if (gtk_label_get_width_chars (label) <= 0)
        g_error ("label %p \"%s\" is measured at width 0", (void *) label, gtk_label_get_label (label));
      g_assert_cmpint (gtk_label_get_width_chars (label), <=, 12);
    }
  return labels->len;
}

static void
test_brief_wrapping_labels (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) grace = test_core_person_new (f->store, "Grace", "Manager");
  g_autoptr(RapportMeeting) first = test_core_meeting_new (f->store, f->person, "2026-03-02", NULL);
  g_autoptr(RapportMeeting) last = NULL;
  g_autoptr(RapportMeeting) hers = test_core_meeting_new (f->store, grace, "2026-03-05", "Short notes.");
  g_autoptr(RapportCommitment) mine = NULL;
  g_autoptr(RapportCommitment) theirs = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rapport_brief_view_new (f->store);
  guint      n;
  int        min;

  g_assert_nonnull (hers);
  /* A long word too: it must break inside, at 360 px. */
  last = test_core_meeting_new (f->store, f->person, "2026-03-09",
                                LONG_LINE "\nSee https://example.org/a/very/long/path/that/has/no/spaces/at/all/"
                                          "to/break/at/whatsoever\nThird line.");
  mine = rapport_commitment_create (f->store, rapport_meeting_get_id (first), "Send the budget for the next quarter",
                                    RAPPORT_COMMITMENT_OWNER_ME, "2026-03-05", &error);
  g_assert_no_error (error);
  theirs = rapport_commitment_create (f->store, rapport_meeting_get_id (last), "Draft the plan",
                                      RAPPORT_COMMITMENT_OWNER_THEM, NULL, &error);
  g_assert_no_error (error);

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  rapport_brief_view_set_neglect_window (RAPPORT_BRIEF_VIEW (view), 2);
  rapport_brief_view_set_today (RAPPORT_BRIEF_VIEW (view), "2026-03-21");
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (view), f->person);
  test_ui_wait_quiet ();

  /* The notes, both commitments' titles and subtitles, and the habit
   * rows' titles and hints (nothing ticked: every habit). */
  n = assert_word_char_labels_have_min_chars (view);
  g_assert_cmpuint (n, >=, 1 + 2 * 2 + 2 * 3);

  /* Still narrow enough for the narrowest window, with room to spare. */
  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 300);
  g_assert_cmpint (gtk_widget_get_width (view), <=, 360);

  /* The rows made for one person keep it for the next. */
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (view), grace);
  test_ui_wait_quiet ();
  g_assert_cmpuint (assert_word_char_labels_have_min_chars (view), >=, 1);
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (view), f->person);
  test_ui_wait_quiet ();
  g_assert_cmpuint (assert_word_char_labels_have_min_chars (view), ==, n);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The visible habit rows of @brief, in order. */
static GPtrArray *
shown_habit_rows (GtkWidget *brief)
{
  g_autoptr(GPtrArray) rows = test_ui_find_all_visible (brief, test_ui_is_type, TEST_UI_TYPE (ADW_TYPE_ACTION_ROW));
  GPtrArray *habits = g_ptr_array_new ();

  /* No commitments here: every action row is a habit's. */
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_is_visible (rows->pdata[i]))
      g_ptr_array_add (habits, rows->pdata[i]);
  return habits;
}

static void
test_brief_habit_rows_kept_for_their_habit (Fixture      *f,
                                            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPerson) grace = test_core_person_new (f->store, "Grace", "Manager");
  g_autoptr(RapportMeeting) met = test_core_meeting_new (f->store, grace, "2026-03-03", NULL);
  g_autoptr(RapportMeeting) adas = test_core_meeting_new (f->store, f->person, "2026-03-02", NULL);
  g_autoptr(GListStore) checklist = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) hers = NULL;
  g_autoptr(GPtrArray) again = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *brief = rapport_brief_view_new (f->store);
  guint      n;

  g_assert_nonnull (adas);
  /* Grace ticked every habit but the second in her 1:1. */
  checklist = rapport_checklist_load (f->store, rapport_meeting_get_id (met), &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (checklist));
  g_assert_cmpuint (n, >, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (checklist), i);
      g_assert_true (rapport_checklist_item_set_ticked (item, f->store, i != 1, &error));
    }

  gtk_window_set_child (GTK_WINDOW (window), brief);
  gtk_window_present (GTK_WINDOW (window));
  rapport_brief_view_set_today (RAPPORT_BRIEF_VIEW (brief), "2026-03-10");
  rapport_brief_view_set_neglect_window (RAPPORT_BRIEF_VIEW (brief), 1);

  /* Ada ticked nothing: every habit is suggested. */
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (brief), f->person);
  first = shown_habit_rows (brief);
  g_assert_cmpuint (first->len, ==, n);

  /* Grace: the second habit only, in the row that showed it for Ada,
   * with the same text. */
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (brief), grace);
  hers = shown_habit_rows (brief);
  g_assert_cmpuint (hers->len, ==, 1);
  g_assert_true (hers->pdata[0] == first->pdata[1]);
  {
    g_autoptr(RapportHabit) habit = g_list_model_get_item (rapport_brief_get_neglected_habits (
                                                              rapport_brief_view_get_brief (RAPPORT_BRIEF_VIEW (brief))),
                                                            0);
    g_assert_cmpstr (adw_preferences_row_get_title (hers->pdata[0]), ==, rapport_habit_get_label (habit));
    g_assert_cmpstr (adw_action_row_get_subtitle (hers->pdata[0]), ==, rapport_habit_get_hint (habit));
  }

  /* Ada again: the same rows, in the same order. */
  rapport_brief_view_set_person (RAPPORT_BRIEF_VIEW (brief), f->person);
  again = shown_habit_rows (brief);
  g_assert_cmpuint (again->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (again->pdata[i] == first->pdata[i]);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  /* Accessible names are read back from GTK's test contexts. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/meeting-row/excerpt", test_meeting_row_excerpt);
  ADD ("/ui/brief/wrapping-labels-min-chars", test_brief_wrapping_labels);
  ADD ("/ui/brief/habit-rows-kept-for-their-habit", test_brief_habit_rows_kept_for_their_habit);
#undef ADD

  return g_test_run ();
}
