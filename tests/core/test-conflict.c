/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two writers on one meeting: saves are conditional on the row version the
 * object was read from, and a conflict never loses either text. */
#include "config.h"

#include <string.h>

#include "rapport-meeting.h"
#include "rapport-person.h"
#include "test-core-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  RapportStore  *store;
  RapportStore  *other; /* a second connection, as a second window */
  RapportPerson *person;
  gint64         meeting_id;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;

  test_core_db_set_up (&f->dir, &f->path, &f->store);
  f->person = test_core_person_new (f->store, "Ada", NULL);
  meeting = test_core_meeting_new (f->store, f->person, "2026-03-02", "What we agreed.");
  f->meeting_id = rapport_meeting_get_id (meeting);
  f->other = rapport_store_open_secondary (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->other);
  g_clear_object (&f->person);
  test_core_db_tear_down (&f->dir, &f->path, &f->store);
}

static RapportMeeting *
load (RapportStore *store,
      gint64        id)
{
  g_autoptr(GError) error = NULL;
  RapportMeeting *meeting = rapport_meeting_load (store, id, &error);

  g_assert_no_error (error);
  return meeting;
}

/* The notes on disk, read by another connection as sqlite3 would. */
static char *
notes_on_disk (Fixture *f)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *notes;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT notes FROM meetings WHERE id = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, f->meeting_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  notes = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return notes;
}

static void
test_merge_rule (void)
{
  static const struct
  {
    const char *base, *mine, *theirs;
    gboolean    both;
    const char *expected; /* when not both */
  } cases[] = {
    /* Only one side changed: that side wins, no copy. */
    { "a", "a plus mine", "a", FALSE, "a plus mine" },
    { "a", "a", "a plus theirs", FALSE, "a plus theirs" },
    /* Both to the same text: once. */
    { "a", "same", "same", FALSE, "same" },
    { "", "", "", FALSE, "" },
    /* Both changed: both kept. */
    { "a", "a mine", "a theirs", TRUE, NULL },
    { "", "mine\n", "theirs", TRUE, NULL },
    { "a", "", "a theirs", TRUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean         both = !cases[i].both;
      g_autofree char *merged = rapport_meeting_merge_notes (cases[i].base, cases[i].mine,
                                                             cases[i].theirs,
                                                             "2026-12-01T18:40:00.000Z", &both);

      g_test_message ("case %u", i);
      g_assert_cmpint (both, ==, cases[i].both);
      if (!cases[i].both)
        {
          g_assert_cmpstr (merged, ==, cases[i].expected);
          continue;
        }
      /* Mine first, as it was, then the line, then theirs in full. */
      g_assert_true (g_str_has_prefix (merged, cases[i].mine));
      g_assert_true (g_str_has_suffix (merged, cases[i].theirs));
      g_assert_nonnull (strstr (merged + strlen (cases[i].mine),
                                "— Another copy of these notes, saved elsewhere on "));
      g_assert_nonnull (strstr (merged, " 2026 at "));
      if (*cases[i].mine != '\0')
        g_assert_nonnull (strstr (merged, "\n\n— Another copy"));
    }

  /* A time that cannot be read still gets the line, without a time. */
  {
    g_autofree char *merged = rapport_meeting_merge_notes ("", "mine", "theirs", "x", NULL);
    g_assert_cmpstr (merged, ==, "mine\n\n— Another copy of these notes, saved elsewhere —\n\ntheirs");
  }
}

static void
test_save_is_conditional (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) here = load (f->store, f->meeting_id);
  g_autoptr(RapportMeeting) there = load (f->other, f->meeting_id);
  g_autofree char *on_disk = NULL;
  gint64           revision = rapport_meeting_get_revision (here);

  g_assert_cmpint (rapport_meeting_get_revision (there), ==, revision);

  rapport_meeting_set_notes (there, "Written in the other window.");
  g_assert_true (rapport_meeting_save (there, f->other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_meeting_get_revision (there), ==, revision + 1);

  /* This copy was read before: its save must not write over that. */
  rapport_meeting_set_notes (here, "Typed here from the old text.");
  rapport_meeting_set_mood (here, 2);
  g_assert_false (rapport_meeting_save (here, f->store, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT);
  g_assert_true (rapport_meeting_get_dirty (here));
  on_disk = notes_on_disk (f);
  g_assert_cmpstr (on_disk, ==, "Written in the other window.");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT mood IS NULL FROM meetings"), ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT revision FROM meetings"), ==, revision + 1);
}

/* Whoever writes the row, the app or not, moves its revision on. */
static void
test_other_writers_bump_revision (Fixture      *f,
                                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) here = load (f->store, f->meeting_id);
  gint64 before = test_core_sql_int (f->path, "SELECT revision FROM meetings");

  test_core_sql (f->path, "UPDATE meetings SET notes = 'By hand in sqlite3.'");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT revision FROM meetings"), ==, before + 1);
  test_core_sql (f->path, "UPDATE meetings SET mood = 3");
  test_core_sql (f->path, "UPDATE meetings SET date = '2026-03-03', person_id = person_id");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT revision FROM meetings"), ==, before + 3);
  /* Hiding is not an edit of the text (undo must not conflict). */
  test_core_sql (f->path, "UPDATE meetings SET deleted = 1; UPDATE meetings SET deleted = 0");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT revision FROM meetings"), ==, before + 3);

  rapport_meeting_set_notes (here, "Stale.");
  g_assert_false (rapport_meeting_save (here, f->store, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings"
                                               " WHERE notes = 'By hand in sqlite3.'"),
                   ==, 1);
  /* The search index still has the text on disk, not the refused one. */
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings_fts"
                                               " WHERE meetings_fts MATCH 'sqlite3'"),
                   ==, 1);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings_fts"
                                               " WHERE meetings_fts MATCH 'stale'"),
                   ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_refresh_takes_newer_when_clean (Fixture      *f,
                                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) here = load (f->store, f->meeting_id);
  RapportMeetingRefresh result = -1;
  guint                 notified = 0;

  /* Nothing changed yet. */
  g_assert_true (rapport_meeting_refresh (here, f->store, &result, &error));
  g_assert_cmpint (result, ==, RAPPORT_MEETING_REFRESH_UNCHANGED);

  test_core_sql (f->path, "UPDATE meetings SET notes = 'Imported text.', mood = 4, date = '2026-03-04'");
  g_signal_connect (here, "notify", G_CALLBACK (count_notify), &notified);
  g_assert_true (rapport_meeting_refresh (here, f->store, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, RAPPORT_MEETING_REFRESH_TOOK_NEWER);
  g_assert_cmpstr (rapport_meeting_get_notes (here), ==, "Imported text.");
  g_assert_cmpint (rapport_meeting_get_mood (here), ==, 4);
  g_assert_cmpstr (rapport_meeting_get_date (here), ==, "2026-03-04");
  g_assert_false (rapport_meeting_get_dirty (here));
  g_assert_cmpuint (notified, >=, 3);

  /* And it saves over the newer row from now on. */
  rapport_meeting_set_notes (here, "Imported text. And more.");
  g_assert_true (rapport_meeting_save (here, f->store, &error));
  g_assert_no_error (error);
}

static void
test_refresh_keeps_both_texts (Fixture      *f,
                               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) here = load (f->store, f->meeting_id);
  g_autoptr(RapportMeeting) there = load (f->other, f->meeting_id);
  g_autofree char      *on_disk = NULL;
  RapportMeetingRefresh result = -1;
  const char           *mine = "What we agreed. She leads the release.";
  const char           *theirs = "What we agreed. Budget talk on Friday.";

  rapport_meeting_set_notes (there, theirs);
  g_assert_true (rapport_meeting_save (there, f->other, &error));

  rapport_meeting_set_notes (here, mine);
  rapport_meeting_set_mood (here, 5);
  g_assert_false (rapport_meeting_save (here, f->store, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (rapport_meeting_refresh (here, f->store, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, RAPPORT_MEETING_REFRESH_KEPT_BOTH);
  g_assert_true (rapport_meeting_get_dirty (here));
  g_assert_true (g_str_has_prefix (rapport_meeting_get_notes (here), mine));
  g_assert_true (g_str_has_suffix (rapport_meeting_get_notes (here), theirs));
  g_assert_cmpint (rapport_meeting_get_mood (here), ==, 5);

  /* Now the save goes through, and the disk has both in full. */
  g_assert_true (rapport_meeting_save (here, f->store, &error));
  g_assert_no_error (error);
  on_disk = notes_on_disk (f);
  g_assert_nonnull (strstr (on_disk, mine));
  g_assert_nonnull (strstr (on_disk, theirs));
  g_assert_nonnull (strstr (on_disk, "— Another copy of these notes, saved elsewhere on "));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT mood FROM meetings"), ==, 5);

  /* The other window, in turn, conflicts and takes it all (it typed
   * nothing since). */
  g_assert_true (rapport_meeting_refresh (there, f->other, &result, &error));
  g_assert_cmpint (result, ==, RAPPORT_MEETING_REFRESH_TOOK_NEWER);
  g_assert_cmpstr (rapport_meeting_get_notes (there), ==, on_disk);
}

static void
test_refresh_identical_text_no_copy (Fixture      *f,
                                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) here = load (f->store, f->meeting_id);
  g_autoptr(RapportMeeting) there = load (f->other, f->meeting_id);
  g_autofree char      *on_disk = NULL;
  RapportMeetingRefresh result = -1;

  rapport_meeting_set_notes (there, "The same words.");
  g_assert_true (rapport_meeting_save (there, f->other, &error));
  rapport_meeting_set_notes (here, "The same words.");
  g_assert_false (rapport_meeting_save (here, f->store, &error));
  g_clear_error (&error);

  g_assert_true (rapport_meeting_refresh (here, f->store, &result, &error));
  g_assert_cmpint (result, ==, RAPPORT_MEETING_REFRESH_TOOK_NEWER);
  g_assert_false (rapport_meeting_get_dirty (here));
  g_assert_true (rapport_meeting_save (here, f->store, &error));
  on_disk = notes_on_disk (f);
  g_assert_cmpstr (on_disk, ==, "The same words.");
}

/* Fields merge one by one: a mood set there and notes typed here both stay. */
static void
test_refresh_merges_fields (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) here = load (f->store, f->meeting_id);
  g_autoptr(RapportMeeting) there = load (f->other, f->meeting_id);
  g_autofree char      *on_disk = NULL;
  RapportMeetingRefresh result = -1;

  rapport_meeting_set_mood (there, 3);
  rapport_meeting_set_date (there, "2026-03-05");
  g_assert_true (rapport_meeting_save (there, f->other, &error));

  rapport_meeting_set_notes (here, "What we agreed. Typed here.");
  g_assert_false (rapport_meeting_save (here, f->store, &error));
  g_clear_error (&error);
  g_assert_true (rapport_meeting_refresh (here, f->store, &result, &error));
  g_assert_cmpint (result, ==, RAPPORT_MEETING_REFRESH_MERGED);
  g_assert_cmpint (rapport_meeting_get_mood (here), ==, 3);
  g_assert_cmpstr (rapport_meeting_get_date (here), ==, "2026-03-05");
  g_assert_true (rapport_meeting_save (here, f->store, &error));
  g_assert_no_error (error);

  on_disk = notes_on_disk (f);
  g_assert_cmpstr (on_disk, ==, "What we agreed. Typed here.");
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT mood FROM meetings"), ==, 3);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM meetings WHERE date = '2026-03-05'"), ==, 1);
}

static void
test_deleted_row_is_not_found (Fixture      *f,
                               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) here = load (f->store, f->meeting_id);

  test_core_sql (f->path, "DELETE FROM meetings");
  rapport_meeting_set_notes (here, "Nowhere to go.");
  g_assert_false (rapport_meeting_save (here, f->store, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rapport_meeting_refresh (here, f->store, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  /* The text is still in the object. */
  g_assert_cmpstr (rapport_meeting_get_notes (here), ==, "Nowhere to go.");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/conflict/merge-rule", test_merge_rule);
  ADD ("/conflict/save-is-conditional", test_save_is_conditional);
  ADD ("/conflict/other-writers-bump-revision", test_other_writers_bump_revision);
  ADD ("/conflict/refresh-takes-newer-when-clean", test_refresh_takes_newer_when_clean);
  ADD ("/conflict/refresh-keeps-both-texts", test_refresh_keeps_both_texts);
  ADD ("/conflict/refresh-identical-text-no-copy", test_refresh_identical_text_no_copy);
  ADD ("/conflict/refresh-merges-fields", test_refresh_merges_fields);
  ADD ("/conflict/deleted-row-is-not-found", test_deleted_row_is_not_found);

  return g_test_run ();
}
