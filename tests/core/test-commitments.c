/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rapport-commitment.h"
#include "rapport-follow-through.h"
#include "rapport-meeting.h"
#include "rapport-person.h"
#include "test-core-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  gint64        ada;
  gint64        bob;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(RapportPerson) ada = NULL;
  g_autoptr(RapportPerson) bob = NULL;

  test_core_db_set_up (&f->dir, &f->path, &f->store);
  ada = test_core_person_new (f->store, "Ada", NULL);
  bob = test_core_person_new (f->store, "Bob", NULL);
  f->ada = rapport_person_get_id (ada);
  f->bob = rapport_person_get_id (bob);
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
meeting (Fixture    *f,
         gint64      person_id,
         const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) m = rapport_meeting_create (f->store, person_id, date, &error);

  g_assert_no_error (error);
  return rapport_meeting_get_id (m);
}

static RapportCommitment *
commit (Fixture               *f,
        gint64                 meeting_id,
        const char            *text,
        RapportCommitmentOwner owner,
        const char            *due)
{
  g_autoptr(GError) error = NULL;
  RapportCommitment *c = rapport_commitment_create (f->store, meeting_id, text, owner, due, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

/* The texts of what a meeting shows, "|"-joined, closed ones marked "x",
 * carried-over ones with the date they were made: "a<03-03|x b". */
static char *
shown (Fixture *f,
       gint64   meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = rapport_commitment_load_for_meeting (f->store, meeting_id, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(RapportCommitment) c = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (i > 0)
        g_string_append_c (out, '|');
      if (rapport_commitment_get_closed (c))
        g_string_append (out, "x ");
      g_string_append (out, rapport_commitment_get_text (c));
      if (rapport_commitment_get_carried_over (c))
        g_string_append_printf (out, "<%s", rapport_commitment_get_made_on (c) + 5);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_shown(f, id, expected)          \
  G_STMT_START                                 \
  {                                            \
    g_autofree char *got_ = shown ((f), (id)); \
    g_assert_cmpstr (got_, ==, (expected));    \
  }                                            \
  G_STMT_END

static void
test_crud (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 m1 = meeting (f, f->ada, "2026-03-03");
  g_autoptr(RapportCommitment) c = NULL;
  g_autoptr(RapportCommitment) again = NULL;
  gint64 id;

  c = commit (f, m1, "  Send the\nbudget draft ", RAPPORT_COMMITMENT_OWNER_ME, "2026-03-10");
  id = rapport_commitment_get_id (c);
  g_assert_cmpstr (rapport_commitment_get_text (c), ==, "Send the budget draft");
  g_assert_cmpint (rapport_commitment_get_owner (c), ==, RAPPORT_COMMITMENT_OWNER_ME);
  g_assert_cmpstr (rapport_commitment_get_due (c), ==, "2026-03-10");
  g_assert_null (rapport_commitment_get_closed_on (c));
  g_assert_cmpint (rapport_commitment_get_person_id (c), ==, f->ada);
  g_assert_cmpint (rapport_commitment_get_meeting_id (c), ==, m1);
  g_assert_cmpstr (rapport_commitment_get_made_on (c), ==, "2026-03-03");
  g_assert_true (g_uuid_string_is_valid (rapport_commitment_get_uuid (c)));

  /* Refused input leaves nothing behind. */
  g_assert_null (rapport_commitment_create (f->store, m1, " \n ", RAPPORT_COMMITMENT_OWNER_ME, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rapport_commitment_create (f->store, m1, "x", RAPPORT_COMMITMENT_OWNER_ME, "2026-02-30", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rapport_commitment_create (f->store, 9999, "x", RAPPORT_COMMITMENT_OWNER_ME, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments"), ==, 1);

  /* Edits write at once. */
  g_assert_true (rapport_commitment_set_text (c, f->store, "Send the final budget", &error));
  g_assert_true (rapport_commitment_set_owner (c, f->store, RAPPORT_COMMITMENT_OWNER_THEM, &error));
  g_assert_true (rapport_commitment_set_due (c, f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (rapport_commitment_set_text (c, f->store, "", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_commitment_set_due (c, f->store, "tomorrow", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (rapport_commitment_get_text (c), ==, "Send the final budget");
  g_assert_null (rapport_commitment_get_due (c));
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE due IS NULL AND owner = 'them'"), ==, 1);

  reopen (f);
  again = rapport_commitment_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_commitment_get_text (again), ==, "Send the final budget");
  g_assert_cmpint (rapport_commitment_get_owner (again), ==, RAPPORT_COMMITMENT_OWNER_THEM);
  g_assert_null (rapport_commitment_get_due (again));
  g_assert_cmpstr (rapport_commitment_get_uuid (again), ==, rapport_commitment_get_uuid (c));

  /* Delete with undo: hide, unhide, hide, purge. */
  g_assert_true (rapport_commitment_hide (f->store, id, TRUE, &error));
  assert_shown (f, m1, "");
  g_assert_null (rapport_commitment_load (f->store, id, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rapport_commitment_set_text (again, f->store, "too late", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rapport_commitment_hide (f->store, id, FALSE, &error));
  assert_shown (f, m1, "Send the final budget");
  /* Purge only takes hidden rows. */
  g_assert_true (rapport_commitment_purge (f->store, id, &error));
  assert_shown (f, m1, "Send the final budget");
  g_assert_true (rapport_commitment_hide (f->store, id, TRUE, &error));
  g_assert_true (rapport_commitment_purge (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments"), ==, 0);

  /* Leftovers from a quit during an undo toast go at start-up. */
  g_clear_object (&c);
  c = commit (f, m1, "left over", RAPPORT_COMMITMENT_OWNER_ME, NULL);
  g_object_unref (commit (f, m1, "kept", RAPPORT_COMMITMENT_OWNER_ME, NULL));
  g_assert_true (rapport_commitment_hide (f->store, rapport_commitment_get_id (c), TRUE, &error));
  g_assert_true (rapport_commitment_purge_hidden (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments"), ==, 1);
  assert_shown (f, m1, "kept");
}

static void
test_carry_over (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 m1 = meeting (f, f->ada, "2026-03-03");
  gint64 m2 = meeting (f, f->ada, "2026-03-10");
  gint64 m3 = meeting (f, f->ada, "2026-03-17");
  gint64 bob1 = meeting (f, f->bob, "2026-03-04");
  g_autoptr(RapportCommitment) a = commit (f, m1, "a", RAPPORT_COMMITMENT_OWNER_ME, NULL);
  g_autoptr(RapportCommitment) b = commit (f, m1, "b", RAPPORT_COMMITMENT_OWNER_THEM, "2026-03-20");
  g_autoptr(RapportCommitment) c = commit (f, m2, "c", RAPPORT_COMMITMENT_OWNER_ME, NULL);
  g_autoptr(RapportCommitment) other = commit (f, bob1, "bob's", RAPPORT_COMMITMENT_OWNER_ME, NULL);
  g_autoptr(GListStore) in_m3 = NULL;
  g_autoptr(RapportCommitment) a_in_m3 = NULL;

  /* Made here, not carried; later ones never show in earlier meetings. */
  assert_shown (f, m1, "a|b");
  /* Open ones follow the person into every later meeting. */
  assert_shown (f, m2, "a<03-03|b<03-03|c");
  assert_shown (f, m3, "a<03-03|b<03-03|c<03-10");
  assert_shown (f, bob1, "bob's");

  /* Close "a" in the second meeting, on its date: one row, closed
   * everywhere it shows; gone from meetings after that date. */
  in_m3 = rapport_commitment_load_for_meeting (f->store, m2, &error);
  a_in_m3 = g_list_model_get_item (G_LIST_MODEL (in_m3), 0);
  g_assert_cmpint (rapport_commitment_get_id (a_in_m3), ==, rapport_commitment_get_id (a));
  g_assert_true (rapport_commitment_close (a_in_m3, f->store, "2026-03-10", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_commitment_get_closed_on (a_in_m3), ==, "2026-03-10");
  assert_shown (f, m1, "x a|b");
  assert_shown (f, m2, "x a<03-03|b<03-03|c");
  assert_shown (f, m3, "b<03-03|c<03-10");

  /* Closed later than a meeting's date: that meeting still shows it, as
   * closed (it was open then); the meeting of the closing date too. */
  g_assert_true (rapport_commitment_close (b, f->store, "2026-03-17", &error));
  assert_shown (f, m2, "x a<03-03|x b<03-03|c");
  assert_shown (f, m3, "x b<03-03|c<03-10");

  /* Refused closing dates change nothing. */
  g_assert_false (rapport_commitment_close (c, f->store, "17/03/2026", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_commitment_close (c, f->store, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_commitment_get_closed (c));

  /* Reopening brings it back into later meetings. */
  g_assert_true (rapport_commitment_reopen (a, f->store, &error));
  g_assert_true (rapport_commitment_reopen (a, f->store, &error));
  g_assert_no_error (error);
  assert_shown (f, m3, "a<03-03|x b<03-03|c<03-10");

  /* A second meeting on the same day comes after the first: it picks up
   * what is open, and b, closed that day. */
  {
    gint64 m4 = meeting (f, f->ada, "2026-03-17");
    assert_shown (f, m4, "a<03-03|x b<03-03|c<03-10");
    g_assert_cmpint (m4, >, m3);
  }

  /* A hidden (deleted, undo pending) meeting takes its commitments with it. */
  g_assert_true (rapport_meeting_hide (f->store, m2, TRUE, &error));
  assert_shown (f, m3, "a<03-03|x b<03-03");
  g_assert_null (rapport_commitment_load_for_meeting (f->store, m2, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rapport_meeting_hide (f->store, m2, FALSE, &error));

  /* Purging a meeting deletes what was made in it (ON DELETE CASCADE). */
  g_assert_true (rapport_meeting_hide (f->store, m2, TRUE, &error));
  g_assert_true (rapport_meeting_purge (f->store, m2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_core_sql_int (f->path, "SELECT count(*) FROM commitments WHERE text = 'c'"), ==, 0);
  assert_shown (f, bob1, "bob's");
  g_assert_cmpint (rapport_commitment_get_person_id (other), ==, f->bob);
}

static void
test_open_and_overdue (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 m1 = meeting (f, f->ada, "2026-03-03");
  gint64 m2 = meeting (f, f->ada, "2026-03-10");
  g_autoptr(RapportCommitment) late = commit (f, m1, "late", RAPPORT_COMMITMENT_OWNER_ME, "2026-03-09");
  g_autoptr(RapportCommitment) today = commit (f, m2, "today", RAPPORT_COMMITMENT_OWNER_ME, "2026-03-10");
  g_autoptr(RapportCommitment) nodue = commit (f, m1, "no due", RAPPORT_COMMITMENT_OWNER_ME, NULL);
  g_autoptr(RapportCommitment) theirs = commit (f, m1, "theirs", RAPPORT_COMMITMENT_OWNER_THEM, "2026-03-01");
  g_autoptr(RapportCommitment) done = commit (f, m1, "done", RAPPORT_COMMITMENT_OWNER_ME, "2026-03-01");
  g_autoptr(GListStore) open = NULL;
  const char *expected[] = { "late", "today", "no due", "theirs" };

  g_assert_true (rapport_commitment_close (done, f->store, "2026-03-05", &error));
  g_assert_no_error (error);

  g_assert_true (rapport_commitment_is_overdue (late, "2026-03-10"));
  g_assert_false (rapport_commitment_is_overdue (late, "2026-03-09"));
  g_assert_false (rapport_commitment_is_overdue (today, "2026-03-10"));
  g_assert_true (rapport_commitment_is_overdue (today, "2026-03-11"));
  g_assert_false (rapport_commitment_is_overdue (nodue, "2030-01-01"));
  g_assert_true (rapport_commitment_is_overdue (theirs, "2026-03-02"));
  g_assert_false (rapport_commitment_is_overdue (done, "2026-03-10"));

  /* Mine first, by due date (none last); then theirs. */
  open = rapport_commitment_load_open (f->store, f->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (open)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RapportCommitment) c = g_list_model_get_item (G_LIST_MODEL (open), i);
      g_assert_cmpstr (rapport_commitment_get_text (c), ==, expected[i]);
      g_assert_false (rapport_commitment_get_carried_over (c));
    }
  g_clear_object (&open);
  open = rapport_commitment_load_open (f->store, f->bob, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (open)), ==, 0);
}

static void
test_follow_through (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 m1 = meeting (f, f->ada, "2026-01-05");
  gint64 m2 = meeting (f, f->ada, "2026-01-12");
  gint64 m3 = meeting (f, f->ada, "2026-01-19");
  gint64 b1 = meeting (f, f->bob, "2026-01-06");
  gint64 b2 = meeting (f, f->bob, "2026-01-06");
  struct
  {
    gint64                 meeting;
    const char            *text;
    RapportCommitmentOwner owner;
    const char            *due;
    const char            *closed;
  } rows[] = {
    /* With a due date: kept when closed by it. */
    { m1, "a on time", RAPPORT_COMMITMENT_OWNER_ME, "2026-01-10", "2026-01-09" },
    { m1, "b late", RAPPORT_COMMITMENT_OWNER_ME, "2026-01-10", "2026-01-11" },
    /* Without: by the next 1:1 (m2, 2026-01-12). */
    { m1, "c by next", RAPPORT_COMMITMENT_OWNER_ME, NULL, "2026-01-12" },
    { m1, "d after", RAPPORT_COMMITMENT_OWNER_ME, NULL, "2026-01-13" },
    { m1, "e never", RAPPORT_COMMITMENT_OWNER_ME, NULL, NULL },
    /* No next 1:1 yet: no deadline, not counted, even if closed. */
    { m3, "f pending", RAPPORT_COMMITMENT_OWNER_ME, NULL, NULL },
    { m3, "g closed", RAPPORT_COMMITMENT_OWNER_ME, NULL, "2026-01-19" },
    /* Open and due later: counted only once the date has passed. */
    { m2, "h future", RAPPORT_COMMITMENT_OWNER_ME, "2026-01-30", NULL },
    /* Theirs never counts. */
    { m1, "i theirs", RAPPORT_COMMITMENT_OWNER_THEM, "2026-01-10", NULL },
    /* Bob: next 1:1 the same day, later id. */
    { b1, "j bob", RAPPORT_COMMITMENT_OWNER_ME, NULL, "2026-01-06" },
    { b2, "k bob last", RAPPORT_COMMITMENT_OWNER_ME, NULL, NULL },
  };
  guint       kept = 99, due = 99;
  guint       skept[2], sdue[2];
  const char *bounds[] = { "2026-01-01", "2026-01-11", "2026-02-01" };
  const char *bad_bounds[] = { "2026-01-11", "2026-01-01" };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(RapportCommitment) c = commit (f, rows[i].meeting, rows[i].text, rows[i].owner, rows[i].due);
      if (rows[i].closed)
        g_assert_true (rapport_commitment_close (c, f->store, rows[i].closed, &error));
    }
  /* A deleted one (undo pending) is not counted. */
  {
    g_autoptr(RapportCommitment) c = commit (f, m1, "hidden", RAPPORT_COMMITMENT_OWNER_ME, "2026-01-10");
    g_assert_true (rapport_commitment_hide (f->store, rapport_commitment_get_id (c), TRUE, &error));
  }
  g_assert_no_error (error);

  /* Ada on 2026-01-20: a, b (deadline 01-10), c, d, e (01-12); h pending. */
  g_assert_true (rapport_follow_through_rate_at (f->store, f->ada, NULL, NULL, "2026-01-20", &kept, &due, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kept, ==, 2);
  g_assert_cmpuint (due, ==, 5);
  /* On the deadline day itself an open one is not broken yet. */
  g_assert_true (rapport_follow_through_rate_at (f->store, f->ada, NULL, NULL, "2026-01-12", &kept, &due, &error));
  g_assert_cmpuint (kept, ==, 2);
  g_assert_cmpuint (due, ==, 4);
  /* After h's due date it counts, as not kept. */
  g_assert_true (rapport_follow_through_rate_at (f->store, f->ada, NULL, NULL, "2026-01-31", &kept, &due, &error));
  g_assert_cmpuint (kept, ==, 2);
  g_assert_cmpuint (due, ==, 6);

  /* The range is over deadlines, [from, to). */
  g_assert_true (rapport_follow_through_rate_at (f->store, f->ada, "2026-01-10", "2026-01-12", "2026-01-31",
                                                 &kept, &due, &error));
  g_assert_cmpuint (kept, ==, 1);
  g_assert_cmpuint (due, ==, 2);
  g_assert_true (rapport_follow_through_rate_at (f->store, f->ada, "2026-01-12", "2026-01-13", "2026-01-31",
                                                 &kept, &due, &error));
  g_assert_cmpuint (kept, ==, 1);
  g_assert_cmpuint (due, ==, 3);

  /* Series: the same counts per bucket, from one query. */
  g_assert_true (rapport_follow_through_series (f->store, f->ada, bounds, 2, "2026-01-31", skept, sdue, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (skept[0], ==, 1);
  g_assert_cmpuint (sdue[0], ==, 2);
  g_assert_cmpuint (skept[1], ==, 1);
  g_assert_cmpuint (sdue[1], ==, 4);

  /* The team adds Bob's: j kept (closed on the day of the next 1:1). */
  g_assert_true (rapport_follow_through_series (f->store, 0, bounds, 2, "2026-01-31", skept, sdue, &error));
  g_assert_cmpuint (skept[0], ==, 2);
  g_assert_cmpuint (sdue[0], ==, 3);
  g_assert_cmpuint (skept[1], ==, 1);
  g_assert_cmpuint (sdue[1], ==, 4);
  g_assert_true (rapport_follow_through_rate_at (f->store, f->bob, NULL, NULL, "2026-01-31", &kept, &due, &error));
  g_assert_cmpuint (kept, ==, 1);
  g_assert_cmpuint (due, ==, 1);

  /* Bad input is refused with a message. */
  g_assert_false (rapport_follow_through_rate_at (f->store, 0, "2026-01-xx", NULL, "2026-01-31", &kept, &due, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_follow_through_series (f->store, 0, bad_bounds, 1, "2026-01-31", skept, sdue, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_follow_through_rate_at (f->store, 0, NULL, NULL, "", &kept, &due, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* With today's real date, everything above is in the past. */
  g_assert_true (rapport_follow_through_rate (f->store, f->ada, NULL, NULL, &kept, &due, &error));
  g_assert_cmpuint (kept, ==, 2);
  g_assert_cmpuint (due, ==, 6);
}

/* Every statement of this area that ran on the connection must find its
 * rows through an index: no full scan of a real table, except of people,
 * which is small and drives the team queries. */
static void
assert_plans_use_indexes (RapportStore *store,
                          const char   *table)
{
  sqlite3 *db = rapport_store_get_handle (store);
  g_autoptr(GPtrArray) sqls = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;

  for (sqlite3_stmt *s = sqlite3_next_stmt (db, NULL); s != NULL; s = sqlite3_next_stmt (db, s))
    if (strstr (sqlite3_sql (s), table) != NULL && strncmp (sqlite3_sql (s), "INSERT", 6) != 0)
      g_ptr_array_add (sqls, g_strdup (sqlite3_sql (s)));

  for (guint i = 0; i < sqls->len; i++)
    {
      g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", (char *) sqls->pdata[i], NULL);
      sqlite3_stmt    *plan = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &plan, NULL), ==, SQLITE_OK);
      while (sqlite3_step (plan) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (plan, 3);

          g_test_message ("%s\n  -> %s", (char *) sqls->pdata[i], detail);
          if (g_str_has_prefix (detail, "SCAN ") &&
              !g_str_has_prefix (detail, "SCAN p ") && strcmp (detail, "SCAN p") != 0 &&
              !g_str_has_prefix (detail, "SCAN last") && !g_str_has_prefix (detail, "SCAN d") &&
              !g_str_has_prefix (detail, "SCAN CONSTANT"))
            g_error ("Full scan in “%s”: %s", (char *) sqls->pdata[i], detail);
        }
      sqlite3_finalize (plan);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 5);
}

static void
test_query_plans (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 m1 = meeting (f, f->ada, "2026-01-05");
  gint64 m2 = meeting (f, f->ada, "2026-01-12");
  g_autoptr(RapportCommitment) c = commit (f, m1, "a", RAPPORT_COMMITMENT_OWNER_ME, NULL);
  g_autoptr(GListStore) l1 = NULL;
  g_autoptr(GListStore) l2 = NULL;
  guint kept, due;

  g_assert_true (rapport_commitment_set_text (c, f->store, "b", &error));
  g_assert_true (rapport_commitment_set_owner (c, f->store, RAPPORT_COMMITMENT_OWNER_THEM, &error));
  g_assert_true (rapport_commitment_set_due (c, f->store, "2026-01-09", &error));
  g_assert_true (rapport_commitment_close (c, f->store, "2026-01-12", &error));
  l1 = rapport_commitment_load_for_meeting (f->store, m2, &error);
  l2 = rapport_commitment_load_open (f->store, f->ada, &error);
  g_assert_true (rapport_follow_through_rate_at (f->store, f->ada, NULL, NULL, "2026-02-01", &kept, &due, &error));
  g_assert_true (rapport_follow_through_rate_at (f->store, 0, NULL, NULL, "2026-02-01", &kept, &due, &error));
  g_assert_true (rapport_commitment_hide (f->store, rapport_commitment_get_id (c), TRUE, &error));
  g_assert_true (rapport_commitment_purge (f->store, rapport_commitment_get_id (c), &error));
  g_assert_true (rapport_commitment_purge_hidden (f->store, &error));
  g_assert_no_error (error);

  assert_plans_use_indexes (f->store, "commitments");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/commitments/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("crud", test_crud);
  ADD ("carry-over", test_carry_over);
  ADD ("open-and-overdue", test_open_and_overdue);
  ADD ("follow-through", test_follow_through);
  ADD ("query-plans", test_query_plans);
#undef ADD

  return g_test_run ();
}
