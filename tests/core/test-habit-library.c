/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rapport-checklist-item.h"
#include "rapport-habit-library.h"
#include "rapport-habit.h"
#include "rapport-meeting.h"
#include "rapport-person.h"
#include "test-core-util.h"

#define OLD_DATE "2025-01-06"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  gint64        person_id;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(RapportPerson) person = NULL;

  test_core_db_set_up (&f->dir, &f->path, &f->store);
  person = test_core_person_new (f->store, "Sam", "Engineer");
  f->person_id = rapport_person_get_id (person);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static void
reopen (Fixture *f)
{
  test_core_store_reopen (&f->store, f->dir);
}

static gint64
habit_id_by_key (Fixture    *f,
                 const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM habits WHERE key = '%s'", key);
  return test_core_sql_int (f->path, sql);
}

static gint64
meeting_new (Fixture    *f,
             const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) meeting = rapport_meeting_create (f->store, f->person_id, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return rapport_meeting_get_id (meeting);
}

/* The checklist of a meeting as "Label" or "Label*" (ticked), comma-separated. */
static char *
checklist_string (Fixture *f,
                  gint64   meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) items = rapport_checklist_load (f->store, meeting_id, &error);
  g_autoptr(GString) out = g_string_new ("");

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    {
      g_autoptr(RapportChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, rapport_checklist_item_get_label (item));
      if (rapport_checklist_item_get_ticked (item))
        g_string_append_c (out, '*');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
tick (Fixture *f,
      gint64   meeting_id,
      gint64   habit_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) items = rapport_checklist_load (f->store, meeting_id, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    {
      g_autoptr(RapportChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      if (rapport_checklist_item_get_habit_id (item) != habit_id)
        continue;
      g_assert_true (rapport_checklist_item_set_ticked (item, f->store, TRUE, &error));
      g_assert_no_error (error);
      found = TRUE;
    }
  g_assert_true (found);
}

static gint64
ticks_of (Fixture *f,
          gint64   habit_id)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT COUNT(*) FROM checklist WHERE ticked = 1 AND habit_id = %" G_GINT64_FORMAT,
                     habit_id);
  return test_core_sql_int (f->path, sql);
}

#define assert_checklist(f, meeting, expected)                 \
  G_STMT_START                                                 \
  {                                                            \
    g_autofree char *got_ = checklist_string ((f), (meeting)); \
    g_assert_cmpstr (got_, ==, (expected));                    \
  }                                                            \
  G_STMT_END

#define assert_active(f, expected) test_core_assert_active_habits ((f)->store, (expected))

static void
test_add (Fixture      *f,
          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportHabit) habit = NULL;
  g_autoptr(RapportHabit) again = NULL;
  g_autofree char *today = rapport_store_today ();
  gint64           old_meeting = meeting_new (f, OLD_DATE);
  gint64           today_meeting = meeting_new (f, today);
  gint64           later;

  assert_active (f, "Listen, Transfer authority, Explain the why");

  habit = rapport_habit_library_add (f->store, "  Ask for\nfeedback ",
                                     "Ask what I could do better.", RAPPORT_HABIT_STRUCTURE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (habit);
  g_assert_cmpstr (rapport_habit_get_label (habit), ==, "Ask for feedback");
  g_assert_cmpstr (rapport_habit_get_hint (habit), ==, "Ask what I could do better.");
  g_assert_cmpint (rapport_habit_get_kind (habit), ==, RAPPORT_HABIT_STRUCTURE);
  g_assert_null (rapport_habit_get_key (habit));
  g_assert_true (rapport_habit_get_active (habit));
  g_assert_true (g_uuid_string_is_valid (rapport_habit_get_uuid (habit)));
  g_assert_cmpint (rapport_habit_get_position (habit), ==, 4);

  assert_active (f, "Listen, Transfer authority, Explain the why, Ask for feedback");
  /* The meeting being held today shows it at once; an old one does not. */
  assert_checklist (f, today_meeting, "Listen, Transfer authority, Explain the why, Ask for feedback");
  assert_checklist (f, old_meeting, "Listen, Transfer authority, Explain the why");

  later = meeting_new (f, "2099-01-01");
  assert_checklist (f, later, "Listen, Transfer authority, Explain the why, Ask for feedback");

  reopen (f);
  again = rapport_habit_load (f->store, rapport_habit_get_id (habit), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_habit_get_label (again), ==, "Ask for feedback");
  g_assert_cmpstr (rapport_habit_get_uuid (again), ==, rapport_habit_get_uuid (habit));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT COUNT(*) FROM habits"), ==, 12);
}

static void
test_rename (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportHabit) own = NULL;
  g_autoptr(RapportHabit) listen = NULL;
  gint64 listen_id = habit_id_by_key (f, "listen");
  gint64 old_meeting;

  own = rapport_habit_library_add (f->store, "Coffee chat", "", RAPPORT_HABIT_TRUST, &error);
  g_assert_no_error (error);
  old_meeting = meeting_new (f, OLD_DATE);
  tick (f, old_meeting, listen_id);
  tick (f, old_meeting, rapport_habit_get_id (own));

  g_assert_true (rapport_habit_library_rename (f->store, listen_id, "Listen first", &error));
  g_assert_no_error (error);
  g_assert_true (rapport_habit_library_rename (f->store, rapport_habit_get_id (own), "Walk and talk", &error));
  g_assert_no_error (error);
  g_assert_true (rapport_habit_library_set_hint (f->store, listen_id, "Say less.", &error));
  g_assert_no_error (error);
  g_assert_true (rapport_habit_library_set_kind (f->store, listen_id, RAPPORT_HABIT_STRUCTURE, &error));
  g_assert_no_error (error);

  reopen (f);
  /* History follows the habit, not its old label. */
  assert_checklist (f, old_meeting, "Listen first*, Transfer authority, Explain the why, Walk and talk*");
  g_assert_cmpint (ticks_of (f, listen_id), ==, 1);
  g_assert_cmpint (ticks_of (f, rapport_habit_get_id (own)), ==, 1);

  listen = rapport_habit_load (f->store, listen_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_habit_get_key (listen), ==, "listen");
  g_assert_cmpstr (rapport_habit_get_hint (listen), ==, "Say less.");
  g_assert_cmpint (rapport_habit_get_kind (listen), ==, RAPPORT_HABIT_STRUCTURE);
  g_assert_true (rapport_habit_get_active (listen));

  /* All three at once, and a change of case only of its own label. */
  g_assert_true (rapport_habit_library_update (f->store, listen_id, "LISTEN FIRST", "", RAPPORT_HABIT_TRUST, &error));
  g_assert_no_error (error);
  g_clear_object (&listen);
  listen = rapport_habit_load (f->store, listen_id, &error);
  g_assert_cmpstr (rapport_habit_get_label (listen), ==, "LISTEN FIRST");
  g_assert_cmpstr (rapport_habit_get_hint (listen), ==, "");
  g_assert_cmpint (rapport_habit_get_kind (listen), ==, RAPPORT_HABIT_TRUST);
  g_assert_cmpint (ticks_of (f, listen_id), ==, 1);
}

static void
test_reorder (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportHabit) own = NULL;
  gint64 listen_id = habit_id_by_key (f, "listen");
  gint64 why_id = habit_id_by_key (f, "explain-why");
  gint64 old_meeting = meeting_new (f, OLD_DATE);

  tick (f, old_meeting, why_id);
  own = rapport_habit_library_add (f->store, "Coffee chat", "", RAPPORT_HABIT_TRUST, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_habit_library_move (f->store, rapport_habit_get_id (own), 0, &error));
  g_assert_no_error (error);
  assert_active (f, "Coffee chat, Listen, Transfer authority, Explain the why");

  g_assert_true (rapport_habit_library_move (f->store, listen_id, 99, &error));
  g_assert_no_error (error);
  assert_active (f, "Coffee chat, Transfer authority, Explain the why, Listen");

  g_assert_true (rapport_habit_library_move_up (f->store, why_id, &error));
  g_assert_no_error (error);
  assert_active (f, "Coffee chat, Explain the why, Transfer authority, Listen");

  g_assert_true (rapport_habit_library_move_down (f->store, rapport_habit_get_id (own), &error));
  g_assert_no_error (error);
  assert_active (f, "Explain the why, Coffee chat, Transfer authority, Listen");

  /* At the ends, nothing moves and nothing fails. */
  g_assert_true (rapport_habit_library_move_up (f->store, why_id, &error));
  g_assert_true (rapport_habit_library_move_down (f->store, listen_id, &error));
  g_assert_no_error (error);
  assert_active (f, "Explain the why, Coffee chat, Transfer authority, Listen");

  reopen (f);
  assert_active (f, "Explain the why, Coffee chat, Transfer authority, Listen");
  /* Old meetings show their own habits in the order they were held with,
   * ticks kept: Alt+3 there is still "Explain the why". */
  assert_checklist (f, old_meeting, "Listen, Transfer authority, Explain the why*");
  g_assert_cmpint (ticks_of (f, why_id), ==, 1);
}

/* A meeting's checklist is written in checklist order (not in the order
 * habits were made), and keeps it once the day is past; today's meeting
 * follows the checklist as it changes. */
static void
test_reorder_keeps_past_meetings (Fixture      *f,
                                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportHabit) own = NULL;
  g_autofree char *today = rapport_store_today ();
  gint64           listen_id = habit_id_by_key (f, "listen");
  gint64           why_id = habit_id_by_key (f, "explain-why");
  gint64           last_week, today_meeting;

  own = rapport_habit_library_add (f->store, "Coffee chat", "", RAPPORT_HABIT_TRUST, &error);
  g_assert_no_error (error);
  /* The newest habit first, the oldest last. */
  g_assert_true (rapport_habit_library_move (f->store, rapport_habit_get_id (own), 0, &error));
  g_assert_true (rapport_habit_library_move (f->store, listen_id, 99, &error));
  g_assert_no_error (error);
  assert_active (f, "Coffee chat, Transfer authority, Explain the why, Listen");

  last_week = meeting_new (f, OLD_DATE);
  today_meeting = meeting_new (f, today);
  tick (f, last_week, why_id);
  assert_checklist (f, last_week, "Coffee chat, Transfer authority, Explain the why*, Listen");
  assert_checklist (f, today_meeting, "Coffee chat, Transfer authority, Explain the why, Listen");

  g_assert_true (rapport_habit_library_move (f->store, why_id, 0, &error));
  g_assert_true (rapport_habit_library_move_down (f->store, rapport_habit_get_id (own), &error));
  g_assert_no_error (error);
  assert_active (f, "Explain the why, Transfer authority, Coffee chat, Listen");

  reopen (f);
  assert_checklist (f, last_week, "Coffee chat, Transfer authority, Explain the why*, Listen");
  assert_checklist (f, today_meeting, "Explain the why, Transfer authority, Coffee chat, Listen");

  /* Archived: still in the past meeting, in its place. */
  g_assert_true (rapport_habit_library_archive (f->store, rapport_habit_get_id (own), &error));
  g_assert_no_error (error);
  assert_checklist (f, last_week, "Coffee chat, Transfer authority, Explain the why*, Listen");
}

static void
test_archive_restore (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportHabit) own = NULL;
  g_autoptr(GListStore) archived = NULL;
  g_autoptr(RapportHabit) first = NULL;
  g_autofree char *today = rapport_store_today ();
  gint64           old_meeting, today_meeting, own_id;

  own = rapport_habit_library_add (f->store, "Coffee chat", "Meet away from the desk.",
                                   RAPPORT_HABIT_TRUST, &error);
  g_assert_no_error (error);
  own_id = rapport_habit_get_id (own);
  old_meeting = meeting_new (f, OLD_DATE);
  tick (f, old_meeting, own_id);

  g_assert_true (rapport_habit_library_archive (f->store, own_id, &error));
  g_assert_no_error (error);
  assert_active (f, "Listen, Transfer authority, Explain the why");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT COUNT(*) FROM habits"), ==, 12);

  archived = rapport_habit_library_load_archived (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (archived)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (archived), 0);
  g_assert_cmpint (rapport_habit_get_id (first), ==, own_id);

  /* Archiving never rewrites history. */
  assert_checklist (f, old_meeting, "Listen, Transfer authority, Explain the why, Coffee chat*");
  g_assert_cmpint (ticks_of (f, own_id), ==, 1);

  today_meeting = meeting_new (f, today);
  assert_checklist (f, today_meeting, "Listen, Transfer authority, Explain the why");

  /* Built-in habits are switched off, not archived. */
  g_assert_false (rapport_habit_library_archive (f->store, habit_id_by_key (f, "listen"), &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rapport_habit_library_restore (f->store, own_id, &error));
  g_assert_no_error (error);
  assert_active (f, "Listen, Transfer authority, Explain the why, Coffee chat");
  assert_checklist (f, today_meeting, "Listen, Transfer authority, Explain the why, Coffee chat");
  assert_checklist (f, old_meeting, "Listen, Transfer authority, Explain the why, Coffee chat*");
  g_clear_object (&archived);
  archived = rapport_habit_library_load_archived (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (archived)), ==, 0);

  /* Restoring twice is harmless: no duplicate checklist row. */
  g_assert_true (rapport_habit_library_restore (f->store, own_id, &error));
  g_assert_no_error (error);
  assert_checklist (f, today_meeting, "Listen, Transfer authority, Explain the why, Coffee chat");
}

static void
test_library_switch (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) available = NULL;
  g_autoptr(RapportHabit) first = NULL;
  g_autofree char *today = rapport_store_today ();
  gint64           recognise_id = habit_id_by_key (f, "recognise-work");
  gint64           transfer_id = habit_id_by_key (f, "transfer-authority");
  gint64           today_meeting = meeting_new (f, today);

  available = rapport_habit_library_load_available (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (available)), ==, 8);
  first = g_list_model_get_item (G_LIST_MODEL (available), 0);
  g_assert_cmpstr (rapport_habit_get_key (first), ==, "encourage-creativity");
  g_assert_cmpstr (rapport_habit_get_hint (first), !=, "");

  g_assert_true (rapport_habit_library_set_active (f->store, recognise_id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_habit_library_set_active (f->store, transfer_id, FALSE, &error));
  g_assert_no_error (error);
  assert_active (f, "Listen, Explain the why, Recognise the work");
  /* Switched on: added to today's meeting. Switched off: left there. */
  assert_checklist (f, today_meeting, "Listen, Explain the why, Recognise the work, Transfer authority");

  g_clear_object (&available);
  available = rapport_habit_library_load_available (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (available)), ==, 8);

  /* Switched back on, it goes to the end. */
  g_assert_true (rapport_habit_library_set_active (f->store, transfer_id, TRUE, &error));
  g_assert_no_error (error);
  assert_active (f, "Listen, Explain the why, Recognise the work, Transfer authority");
}

static void
test_old_meeting_set (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportHabit) own = NULL;
  gint64 listen_id = habit_id_by_key (f, "listen");
  gint64 transfer_id = habit_id_by_key (f, "transfer-authority");
  gint64 old_meeting = meeting_new (f, OLD_DATE);
  gint64 new_meeting;

  tick (f, old_meeting, listen_id);
  tick (f, old_meeting, transfer_id);

  /* Shape the checklist in every way at once. */
  g_assert_true (rapport_habit_library_set_active (f->store, habit_id_by_key (f, "show-empathy"), TRUE, &error));
  g_assert_no_error (error);
  own = rapport_habit_library_add (f->store, "Coffee chat", "", RAPPORT_HABIT_TRUST, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_habit_library_set_active (f->store, transfer_id, FALSE, &error));
  g_assert_true (rapport_habit_library_move (f->store, rapport_habit_get_id (own), 0, &error));
  g_assert_true (rapport_habit_library_rename (f->store, listen_id, "Listen well", &error));
  g_assert_no_error (error);

  /* The old meeting still shows exactly what it was held with, in that
   * order, and its ticks; the habit no longer on the checklist keeps its
   * place, so Alt+N there means what it meant. */
  assert_checklist (f, old_meeting, "Listen well*, Transfer authority*, Explain the why");

  new_meeting = meeting_new (f, "2099-01-01");
  assert_checklist (f, new_meeting, "Coffee chat, Listen well, Explain the why, Show empathy");
}

static void
test_validation (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportHabit) own = NULL;
  g_autoptr(RapportHabit) unchanged = NULL;
  g_autofree char *long80 = g_strnfill (80, 'x');
  g_autofree char *long81 = g_strnfill (81, 'y');
  g_autofree char *long_hint = g_strnfill (RAPPORT_HABIT_HINT_MAX_CHARS + 1, 'h');
  gint64           empathy_id = habit_id_by_key (f, "show-empathy");
  gint64           own_id;
  RapportHabit    *refused;

  refused = rapport_habit_library_add (f->store, " \n\t ", "", RAPPORT_HABIT_TRUST, &error);
  g_assert_null (refused);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "name"));
  g_clear_error (&error);

  refused = rapport_habit_library_add (f->store, NULL, "", RAPPORT_HABIT_TRUST, &error);
  g_assert_null (refused);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  refused = rapport_habit_library_add (f->store, long81, "", RAPPORT_HABIT_TRUST, &error);
  g_assert_null (refused);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "80"));
  g_clear_error (&error);

  /* Case is ignored, beyond ASCII too. */
  refused = rapport_habit_library_add (f->store, "  LISTEN ", "", RAPPORT_HABIT_TRUST, &error);
  g_assert_null (refused);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "LISTEN"));
  g_clear_error (&error);

  own = rapport_habit_library_add (f->store, "Écouter", "", RAPPORT_HABIT_TRUST, &error);
  g_assert_no_error (error);
  own_id = rapport_habit_get_id (own);
  refused = rapport_habit_library_add (f->store, "éCOUTER", "", RAPPORT_HABIT_TRUST, &error);
  g_assert_null (refused);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  refused = rapport_habit_library_add (f->store, "Fine", long_hint, RAPPORT_HABIT_TRUST, &error);
  g_assert_null (refused);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  refused = rapport_habit_library_add (f->store, "Fine", "", (RapportHabitKind) 7, &error);
  g_assert_null (refused);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing was written by the refusals. */
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT COUNT(*) FROM habits"), ==, 12);

  /* 80 characters is the limit, and allowed. */
  g_assert_true (rapport_habit_library_rename (f->store, own_id, long80, &error));
  g_assert_no_error (error);

  /* Renaming onto another active habit's label is refused and changes nothing. */
  g_assert_false (rapport_habit_library_rename (f->store, own_id, "explain THE why", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_habit_library_update (f->store, own_id, "", "new hint", RAPPORT_HABIT_STRUCTURE, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  unchanged = rapport_habit_load (f->store, own_id, &error);
  g_assert_cmpstr (rapport_habit_get_label (unchanged), ==, long80);
  g_assert_cmpstr (rapport_habit_get_hint (unchanged), ==, "");
  g_assert_cmpint (rapport_habit_get_kind (unchanged), ==, RAPPORT_HABIT_TRUST);

  /* An inactive habit may share a label, but cannot come back until renamed. */
  g_assert_true (rapport_habit_library_rename (f->store, empathy_id, "Listen", &error));
  g_assert_no_error (error);
  g_assert_false (rapport_habit_library_set_active (f->store, empathy_id, TRUE, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Listen"));
  g_clear_error (&error);
  {
    g_autofree char *expected = g_strconcat ("Listen, Transfer authority, Explain the why, ", long80, NULL);
    assert_active (f, expected);
  }

  /* The live check a form runs agrees. */
  {
    g_autofree char *ok = rapport_habit_library_check_label (f->store, " listen\n", empathy_id, &error);
    g_autofree char *clash = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (ok, ==, "listen");
    clash = rapport_habit_library_check_label (f->store, "listen", own_id, &error);
    g_assert_null (clash);
    g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Only habits on the checklist move. */
  g_assert_false (rapport_habit_library_move (f->store, empathy_id, 0, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Unknown habits. */
  g_assert_false (rapport_habit_library_rename (f->store, 9999, "Ghost", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rapport_habit_library_set_active (f->store, 9999, TRUE, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rapport_habit_library_move_up (f->store, 9999, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (test_core_sql_int (f->path, "SELECT position FROM habits WHERE key = 'listen'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/habit-library/add", test_add);
  ADD ("/habit-library/rename", test_rename);
  ADD ("/habit-library/reorder", test_reorder);
  ADD ("/habit-library/reorder-keeps-past-meetings", test_reorder_keeps_past_meetings);
  ADD ("/habit-library/archive-restore", test_archive_restore);
  ADD ("/habit-library/library-switch", test_library_switch);
  ADD ("/habit-library/old-meeting-set", test_old_meeting_set);
  ADD ("/habit-library/validation", test_validation);

  return g_test_run ();
}
