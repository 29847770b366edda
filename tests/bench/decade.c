/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-bench"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "decade.h"
#include "rapport-store.h"

static const char *const words[] = {
  "release",
  "plan",
  "team",
  "customer",
  "review",
  "design",
  "deadline",
  "feedback",
  "project",
  "roadmap",
  "hiring",
  "onboarding",
  "bug",
  "test",
  "deploy",
  "incident",
  "on-call",
  "budget",
  "quarter",
  "goal",
  "metric",
  "latency",
  "database",
  "migration",
  "prototype",
  "spec",
  "meeting",
  "training",
  "conference",
  "promotion",
  "career",
  "mentor",
  "pairing",
  "refactor",
  "workload",
  "holiday",
  "sprint",
  "retro",
  "estimate",
  "risk",
  "dependency",
  "vendor",
  "contract",
  "security",
  "audit",
  "privacy",
  "documentation",
  "support",
  "ticket",
  "backlog",
  "priority",
  "scope",
  "stakeholder",
  "demo",
  "launch",
  "partner",
  "strategy",
  "architecture",
  "we",
  "she",
  "he",
  "they",
  "talked",
  "about",
  "the",
  "a",
  "and",
  "to",
  "of",
  "in",
  "for",
  "with",
  "on",
  "next",
  "week",
  "last",
  "wants",
  "needs",
  "agreed",
  "asked",
  "worried",
  "happy",
  "tired",
  "proud",
  "unsure",
  "will",
  "should",
  "could",
  "maybe",
  "really",
  "clear",
  "slow",
  "fast",
  "again",
  "today",
  "tomorrow",
  "later",
  "first",
  "new",
  "old",
  "more",
  "less",
  "lead",
  "own",
  "help",
  "share",
  "write",
  "check",
  "move",
  "split",
  "merge",
  "café",
  "naïve",
  "résumé",
  "Zürich",
  "São",
  "Paulo",
  "Kraków",
};

/* Habit ids in the seeded library (002-seed-habits.sql), and the weeks in
 * which each one is on the checklist, so that the number of rows per
 * meeting grows from 3 to 6 and some habits are archived again. */
static const struct
{
  int    id;
  guint  from_week;
  guint  to_week; /* exclusive */
  double base_rate;
} habit_plan[] = {
  { 1, 0, DECADE_WEEKS, 0.75 },    /* listen */
  { 2, 0, DECADE_WEEKS, 0.40 },    /* transfer authority */
  { 3, 0, DECADE_WEEKS, 0.55 },    /* explain the why */
  { 9, 100, DECADE_WEEKS, 0.60 },  /* set clear expectations */
  { 7, 150, 380, 0.35 },           /* invest in growth, later archived */
  { 6, 220, DECADE_WEEKS, 0.50 },  /* recognise the work */
  { 10, 400, DECADE_WEEKS, 0.45 }, /* review progress */
};

static void
append_notes (GString *notes,
              GRand   *rand)
{
  guint    n_words = g_rand_int_range (rand, 150, 601);
  gboolean sentence_start = TRUE;

  g_string_truncate (notes, 0);
  for (guint i = 0; i < n_words; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (sentence_start)
        {
          g_string_append_unichar (notes, g_unichar_toupper (g_utf8_get_char (word)));
          g_string_append (notes, g_utf8_next_char (word));
          sentence_start = FALSE;
        }
      else
        g_string_append (notes, word);

      if (g_rand_int_range (rand, 0, 12) == 0)
        {
          g_string_append (notes, g_rand_int_range (rand, 0, 4) == 0 ? ".\n" : ". ");
          sentence_start = TRUE;
        }
      else if (i + 1 < n_words)
        g_string_append_c (notes, ' ');
    }
  g_string_append_c (notes, '.');
}

static gboolean
step_done (RapportStore *store,
           sqlite3_stmt *stmt,
           GError      **error)
{
  return rapport_store_step_done (store, stmt, error);
}

gboolean
decade_build (const char  *path,
              const char  *last_date,
              DecadeStats *stats,
              GError     **error)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260318);
  g_autoptr(GString) notes = g_string_sized_new (4096);
  g_autofree char *today = NULL;
  DecadeStats      local = {
         0,
  };
  gint64        person_ids[DECADE_PEOPLE];
  sqlite3_stmt *stmt;
  GDate         end, day;
  int           y, m, d;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   "%s exists already; the decade data set needs a new file", path);
      return FALSE;
    }
  if (last_date == NULL)
    last_date = today = rapport_store_today ();
  if (sscanf (last_date, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "Not a date: %s", last_date);
      return FALSE;
    }
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, d, m, y);

  store = rapport_store_open (path, error);
  if (store == NULL)
    return FALSE;
  if (!rapport_store_exec (store, "PRAGMA synchronous = OFF", error) ||
      !rapport_store_begin (store, error))
    return FALSE;

  /* People, the last few archived. */
  for (guint p = 0; p < DECADE_PEOPLE; p++)
    {
      g_autofree char         *uuid = rapport_store_new_uuid ();
      /* Names of many widths, as a team's are: "Person 01" to "Person 40"
       * were all one width, which hid that AdwAvatar loaded a font size
       * for each width of initials (see rapport-avatar.h). */
      static const char *const first[] = { "Ada", "Mei", "Jonas", "Olu", "Wanda", "Ida", "Kofi", "Zoe",
                                           "Hugo", "Li", "Tomás", "Maria", "Raj", "Yuki", "Iris", "Mo",
                                           "Ben", "Carla", "Omar", "Pia" };
      static const char *const last[] = { "Lovelace", "Wong", "Schmidt", "Adeyemi", "Miller", "Ilves",
                                          "Mensah", "Quinn", "Moreau", "Wei", "Iverson", "Wójcik", "Patel",
                                          "Tanaka", "Lind", "Okafor", "Jones" };
      g_autofree char         *name = g_strdup_printf ("%s %s", first[p % G_N_ELEMENTS (first)],
                                                       last[(p * 7) % G_N_ELEMENTS (last)]);

      stmt = rapport_store_prepare (store,
                                    "INSERT INTO people (uuid, name, role, archived, created_at, updated_at)"
                                    " VALUES (?1, ?2, 'Engineer', ?3, '2016-01-01T00:00:00.000Z', '2016-01-01T00:00:00.000Z')",
                                    error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, p >= DECADE_PEOPLE - DECADE_ARCHIVED);
      if (!step_done (store, stmt, error))
        goto fail;
      person_ids[p] = sqlite3_last_insert_rowid (rapport_store_get_handle (store));
      local.people++;
    }

  /* The habits as they are at the end of the plan. */
  for (guint h = 0; h < G_N_ELEMENTS (habit_plan); h++)
    {
      stmt = rapport_store_prepare (store, "UPDATE habits SET active = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, habit_plan[h].id);
      sqlite3_bind_int (stmt, 2, habit_plan[h].to_week >= DECADE_WEEKS);
      if (!step_done (store, stmt, error))
        goto fail;
    }

  for (guint week = 0; week < DECADE_WEEKS; week++)
    {
      day = end;
      g_date_subtract_days (&day, 7 * (DECADE_WEEKS - week));

      for (guint p = 0; p < DECADE_PEOPLE; p++)
        {
          g_autofree char *uuid = NULL;
          g_autofree char *stamp = NULL;
          char             date[11];
          GDate            when = day;
          gint64           meeting;
          int              n_rows = 0;

          /* Holidays and sick days. */
          if (g_rand_int_range (rand, 0, 100) < 3)
            continue;

          g_date_add_days (&when, p % 5);
          g_snprintf (date, sizeof date, "%04d-%02d-%02d", g_date_get_year (&when),
                      g_date_get_month (&when), g_date_get_day (&when));
          stamp = g_strdup_printf ("%sT10:00:00.000Z", date);
          uuid = rapport_store_new_uuid ();
          append_notes (notes, rand);

          stmt = rapport_store_prepare (store,
                                        "INSERT INTO meetings (uuid, person_id, date, notes, mood, created_at, updated_at)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                                        error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, person_ids[p]);
          sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, notes->str, notes->len, SQLITE_STATIC);
          if (g_rand_int_range (rand, 0, 5) > 0)
            sqlite3_bind_int (stmt, 5, CLAMP ((int) floor (g_rand_double_range (rand, 1.5, 6.0)), 1, 5));
          sqlite3_bind_text (stmt, 6, stamp, -1, SQLITE_TRANSIENT);
          if (!step_done (store, stmt, error))
            goto fail;
          meeting = sqlite3_last_insert_rowid (rapport_store_get_handle (store));
          local.meetings++;
          local.note_bytes += notes->len;

          for (guint h = 0; h < G_N_ELEMENTS (habit_plan); h++)
            {
              g_autofree char *row_uuid = NULL;
              double           rate;

              if (week < habit_plan[h].from_week || week >= habit_plan[h].to_week || n_rows == 6)
                continue;
              /* Each person and habit drifts slowly over the years. */
              rate = habit_plan[h].base_rate +
                     0.25 * sin ((week + 37.0 * p + 11.0 * h) / 40.0);
              row_uuid = rapport_store_new_uuid ();
              stmt = rapport_store_prepare (store,
                                            "INSERT INTO checklist (uuid, meeting_id, habit_id, ticked, created_at, updated_at)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                                            error);
              if (stmt == NULL)
                goto fail;
              sqlite3_bind_text (stmt, 1, row_uuid, -1, SQLITE_TRANSIENT);
              sqlite3_bind_int64 (stmt, 2, meeting);
              sqlite3_bind_int (stmt, 3, habit_plan[h].id);
              sqlite3_bind_int (stmt, 4, g_rand_double (rand) < rate);
              sqlite3_bind_text (stmt, 5, stamp, -1, SQLITE_TRANSIENT);
              if (!step_done (store, stmt, error))
                goto fail;
              n_rows++;
              local.checklist_rows++;
            }
        }
    }

  if (!rapport_store_commit (store, error) ||
      !rapport_store_exec (store, "PRAGMA synchronous = FULL", error))
    goto fail;

  if (stats != NULL)
    *stats = local;
  return TRUE;

fail:
  rapport_store_rollback (store);
  return FALSE;
}
