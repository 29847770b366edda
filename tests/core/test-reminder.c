/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The day's reminder: whose 1:1 is due or overdue, and which of my
 * promises are due today; what the notification says. */
#include "config.h"

#include "rapport-reminder.h"
#include "test-core-util.h"

#define TODAY "2025-03-20"

typedef TestCoreDb Fixture;

/* A weekly person whose last 1:1 was on @last (NULL: none yet). */
static gint64
person_met (Fixture    *f,
            const char *name,
            const char *last,
            gint64     *meeting)
{
  g_autoptr(RapportPerson) person = test_core_person_new (f->store, name, "");

  g_assert_cmpint (rapport_person_get_cadence_days (person), ==, 7);
  if (last != NULL)
    {
      g_autoptr(RapportMeeting) m = test_core_meeting_new (f->store, person, last, NULL);

      if (meeting != NULL)
        *meeting = rapport_meeting_get_id (m);
    }
  return rapport_person_get_id (person);
}

static void
test_nothing_due (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportReminder) reminder = NULL;
  gint64 meeting;
  gint64 cy = person_met (f, "Cy", "2025-03-18", &meeting);

  /* Theirs, or mine for another day, or kept already: nothing to say. */
  test_core_insert_commitment (f->store, cy, meeting, "them", TODAY, NULL);
  test_core_insert_commitment (f->store, cy, meeting, "me", "2025-03-21", NULL);
  test_core_insert_commitment (f->store, cy, meeting, "me", TODAY, "2025-03-19");

  reminder = rapport_reminder_compute (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_null (reminder);
}

static void
test_due_and_promises (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportReminder) reminder = NULL;
  gint64 meeting;
  gint64 ada = person_met (f, "Ada", "2025-03-10", NULL); /* 10 days: overdue */
  gint64 cy;

  person_met (f, "Bo", "2025-03-13", NULL);          /* 7 days: due */
  cy = person_met (f, "Cy", "2025-03-18", &meeting); /* 2 days: not due */
  test_core_exec (f->store, "INSERT INTO people (uuid, name, role, cadence_days, archived, created_at, updated_at) "
                            "VALUES ('00000000-0000-4000-8000-0000000000dd', 'Dee', '', 7, 1, 'x', 'x')");
  test_core_insert_commitment (f->store, cy, meeting, "me", TODAY, NULL);
  test_core_insert_commitment (f->store, cy, meeting, "them", TODAY, NULL);

  reminder = rapport_reminder_compute (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reminder);
  g_assert_cmpuint (rapport_reminder_get_n_people (reminder), ==, 2);
  g_assert_cmpuint (rapport_reminder_get_n_promises (reminder), ==, 1);
  g_assert_cmpstr (rapport_reminder_get_title (reminder), ==, "2 1:1s are due");
  g_assert_cmpstr (rapport_reminder_get_body (reminder), ==,
                   "Ada — overdue\nBo — due\nYou promised Cy: x");
  /* The notification opens the most overdue person's brief. */
  g_assert_cmpint (rapport_reminder_get_person_id (reminder), ==, ada);
}

static void
test_promises_only (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportReminder) reminder = NULL;
  gint64 meeting;
  gint64 cy = person_met (f, "Cy", "2025-03-18", &meeting);

  test_core_insert_commitment (f->store, cy, meeting, "me", TODAY, NULL);
  reminder = rapport_reminder_compute (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reminder);
  g_assert_cmpuint (rapport_reminder_get_n_people (reminder), ==, 0);
  g_assert_cmpstr (rapport_reminder_get_title (reminder), ==, "1 promise is due today");
  g_assert_cmpstr (rapport_reminder_get_body (reminder), ==, "You promised Cy: x");
  g_assert_cmpint (rapport_reminder_get_person_id (reminder), ==, cy);
}

static void
test_long_list (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportReminder) reminder = NULL;
  g_auto (GStrv) lines = NULL;

  for (int i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %d", i);

      person_met (f, name, "2025-03-01", NULL);
    }
  reminder = rapport_reminder_compute (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_reminder_get_title (reminder), ==, "7 1:1s are due");
  lines = g_strsplit (rapport_reminder_get_body (reminder), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, RAPPORT_REMINDER_MAX_LINES);
  g_assert_cmpstr (lines[0], ==, "Person 0 — overdue");
  g_assert_cmpstr (lines[RAPPORT_REMINDER_MAX_LINES - 1], ==, "and 3 more");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/reminder/" name, Fixture, NULL, test_core_db_fixture_set_up, func, test_core_db_fixture_tear_down)
  ADD ("nothing-due", test_nothing_due);
  ADD ("due-and-promises", test_due_and_promises);
  ADD ("promises-only", test_promises_only);
  ADD ("long-list", test_long_list);
#undef ADD

  return g_test_run ();
}
