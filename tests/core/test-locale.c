/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates, weekdays, the first day of the week and numbers as the app
 * writes them follow the locale: run once in C.UTF-8 and once in
 * de_DE.UTF-8 (tests/core/meson.build builds that locale with localedef
 * when the system has not got it). Month and day names and the decimal
 * separator come from the locale itself, the word order from the (here
 * untranslated) format strings. The last test uses the German catalogue built
 * from po/de.po: the built-in habits, stored in English, are shown in the
 * user's language until the user rewords one. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>

#include "rapport-brief.h"
#include "rapport-exchange.h"
#include "rapport-habit-library.h"
#include "rapport-history.h"
#include "rapport-text.h"
#include "test-core-util.h"

static gboolean german;

/* The locale's first day of the week, 0 = Sunday, as the history view
 * asks glibc for it. */
static int
locale_first_weekday (void)
{
  union
  {
    unsigned int word;
    char        *string;
  } info;
  int week_1stday = 1;
  int first_weekday;

  info.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = info.string[0];
  info.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  if (info.word == 19971130)
    week_1stday = 0;
  else if (info.word == 19971201)
    week_1stday = 1;
  return (week_1stday + first_weekday - 1 + 7) % 7;
}

static void
test_brief_dates (void)
{
  g_autofree char *this_year = rapport_brief_format_date ("2025-03-04", "2025-06-01");
  g_autofree char *other_year = rapport_brief_format_date ("2024-12-04", "2025-06-01");

  g_assert_cmpstr (this_year, ==, german ? "4 Mär" : "4 Mar");
  g_assert_cmpstr (other_year, ==, german ? "4 Dez 2024" : "4 Dec 2024");
}

/* Weeks start on the locale's first day: Sunday in C, Monday in German. */
static void
test_history_weeks (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportPerson) person = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(RapportHistorySeries) series = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char    *label = NULL;
  RapportHistoryQuery query;
  GDate              *start;

  g_assert_cmpint (locale_first_weekday (), ==, german ? 1 : 0);

  test_core_db_set_up (&dir, &path, &store);
  person = test_core_person_new (store, "Ada", "");
  meeting = test_core_meeting_new (store, person, "2025-03-04", "Tuesday.");
  rapport_history_query_init (&query, rapport_person_get_id (person), RAPPORT_HISTORY_RANGE_3_MONTHS,
                              RAPPORT_HISTORY_BUCKET_WEEK, locale_first_weekday (), "2025-03-05");
  series = rapport_history_compute (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->n_buckets, >, 1);

  /* The last week holds Wednesday 5 March, and its start is... */
  start = &series->starts[series->n_buckets - 1];
  g_assert_cmpint (g_date_get_day (start), ==, german ? 3 : 2);
  g_assert_cmpint (g_date_get_weekday (start), ==, german ? G_DATE_MONDAY : G_DATE_SUNDAY);
  label = rapport_history_series_bucket_label (series, series->n_buckets - 1);
  g_assert_cmpstr (label, ==, german ? "Week of 3 Mär" : "Week of 2 Mar");

  g_clear_pointer (&series, rapport_history_series_unref);
  g_clear_object (&meeting);
  g_clear_object (&person);
  test_core_db_tear_down (&dir, &path, &store);
}

/* The weekday and month names of a printed history. */
static void
test_markdown_dates (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportPerson) person = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;

  test_core_db_set_up (&dir, &path, &store);
  person = test_core_person_new (store, "Ada", "");
  meeting = test_core_meeting_new (store, person, "2025-03-04", "Tuesday.");
  markdown = rapport_exchange_person_markdown (store, rapport_person_get_uuid (person), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (markdown, german ? "Dienstag, 4 März 2025" : "Tuesday, 4 March 2025"));

  g_clear_object (&meeting);
  g_clear_object (&person);
  test_core_db_tear_down (&dir, &path, &store);
}

/* A number with a decimal: the locale's separator. */
static void
test_decimal_number (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportPerson) person = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  gsize            size = RAPPORT_MAX_NOTES_BYTES + RAPPORT_MAX_NOTES_BYTES / 16;
  g_autofree char *notes = g_malloc (size + 1);

  memset (notes, 'x', size);
  notes[size] = '\0';
  test_core_db_set_up (&dir, &path, &store);
  person = test_core_person_new (store, "Ada", "");
  meeting = test_core_meeting_new (store, person, "2025-03-04", NULL);
  rapport_meeting_set_notes (meeting, notes);
  g_assert_false (rapport_meeting_save (meeting, store, &error));
  g_assert_nonnull (error);
  /* 8.5 MB */
  g_assert_nonnull (strstr (error->message, german ? "8,5 MB" : "8.5 MB"));

  g_clear_object (&meeting);
  g_clear_object (&person);
  test_core_db_tear_down (&dir, &path, &store);
}

static RapportHabit *
find_habit (GListModel *habits,
            const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (habits); i++)
    {
      g_autoptr(RapportHabit) habit = g_list_model_get_item (habits, i);

      if (g_strcmp0 (rapport_habit_get_key (habit), key) == 0)
        return habit;
    }
  g_assert_not_reached ();
}

static void
test_builtin_habits (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GListStore) habits = NULL;
  g_autoptr(GListStore) again = NULL;
  g_autoptr(GError) error = NULL;
  RapportHabit *listen;
  RapportHabit *authority;

  /* The catalogues built from po/ in the build tree; from here on (this
   * test runs last) the app's strings are translated. */
  g_assert_nonnull (g_getenv ("RAPPORT_TEST_LOCALEDIR"));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RAPPORT_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  test_core_db_set_up (&dir, &path, &store);
  habits = rapport_habit_load_all (store, &error);
  g_assert_no_error (error);
  listen = find_habit (G_LIST_MODEL (habits), "listen");
  authority = find_habit (G_LIST_MODEL (habits), "transfer-authority");
  g_assert_cmpstr (rapport_habit_get_label (listen), ==, german ? "Zuhören" : "Listen");
  g_assert_cmpstr (rapport_habit_get_hint (listen), ==,
                   german ? "Fragen Sie nach ihrer Arbeit und lassen Sie sie den Großteil des Gesprächs führen."
                          : "Ask about their work and let them do most of the talking.");

  /* Reworded by the user: shown as written, in every language. */
  g_assert_true (rapport_habit_library_rename (store, rapport_habit_get_id (authority), "Delegate a decision", &error));
  g_assert_no_error (error);
  again = rapport_habit_load_all (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_habit_get_label (find_habit (G_LIST_MODEL (again), "transfer-authority")), ==,
                   "Delegate a decision");

  /* What is on disk stays the English of the seed. */
  g_assert_cmpint (test_core_sql_int (path, "SELECT count(*) FROM habits WHERE key = 'listen' AND label = 'Listen'"), ==, 1);

  g_clear_object (&habits);
  g_clear_object (&again);
  test_core_db_tear_down (&dir, &path, &store);
}

int
main (int argc, char *argv[])
{
  const char *wanted = g_getenv ("LC_ALL");
  const char *got;

  g_test_init (&argc, &argv, NULL);
  /* As main.c does; the locale asked for must exist (no skipping). */
  got = setlocale (LC_ALL, "");
  if (got == NULL)
    g_error ("The locale %s is not available (see tests/core/meson.build)", wanted);
  german = g_str_has_prefix (setlocale (LC_TIME, NULL), "de_DE");
  g_assert_true (german || g_str_has_prefix (got, "C"));
  g_test_message ("locale %s", got);

  g_test_add_func ("/locale/brief-dates", test_brief_dates);
  g_test_add_func ("/locale/history-weeks", test_history_weeks);
  g_test_add_func ("/locale/markdown-dates", test_markdown_dates);
  g_test_add_func ("/locale/decimal-number", test_decimal_number);
  g_test_add_func ("/locale/builtin-habits", test_builtin_habits);

  return g_test_run ();
}
