/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile import files: each is refused with a one-line message (or, for
 * harmless bulk, accepted) through the library and through the command
 * line in a process of its own, whose exit status, stderr and peak memory
 * are checked; the database stays byte for byte as it was. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rapport-cli.h"
#include "rapport-exchange.h"
#include "test-core-util.h"

#define ADA "a0000000-0000-4000-8000-000000000001"
#define GRACE "a0000000-0000-4000-8000-000000000002"
#define M1 "c0000000-0000-4000-8000-000000000001"
#define M2 "c0000000-0000-4000-8000-000000000002"

/* Peak memory of an import may grow by at most this many times the size
 * of the file, plus a fixed allowance for what any import holds whatever
 * the file (SQLite's page cache of 8 MB, one parsed element, code). */
#define MEMORY_FACTOR 4
#define MEMORY_ALLOWANCE_KIB (24 * 1024)

/* AddressSanitizer keeps freed memory in quarantine and adds shadow pages,
 * so resident memory says nothing about the importer there: the bounds are
 * checked by the same tests in the ordinary build. */
#if defined(__SANITIZE_ADDRESS__)
#define MEMORY_MEASURED FALSE
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MEMORY_MEASURED FALSE
#endif
#endif
#ifndef MEMORY_MEASURED
#define MEMORY_MEASURED TRUE
#endif

static void
assert_memory_bound (long grew_kib,
                     long bound_kib)
{
  if (!MEMORY_MEASURED)
    {
      g_test_message ("peak memory not compared under AddressSanitizer (%ld KiB, bound %ld KiB)",
                      grew_kib, bound_kib);
      return;
    }
  g_assert_cmpint (grew_kib, <=, bound_kib);
}

static const char *sample_sql =
  "INSERT INTO people (uuid, name, role, cadence_days, archived, created_at, updated_at) VALUES"
  " ('" ADA "', 'Ada Lovelace', 'Engineer', 7, 0, '2024-01-02T09:00:00.000Z', '2024-01-02T09:00:00.000Z'),"
  " ('" GRACE "', 'Grace Hopper', '', 14, 0, '2024-01-03T09:00:00.000Z', '2024-01-03T09:00:00.000Z');"
  "INSERT INTO meetings (uuid, person_id, date, notes, mood, created_at, updated_at) VALUES"
  " ('" M1 "', 1, '2024-01-08', 'First one', 4, '2024-01-08T10:00:00.000Z', '2024-01-08T10:30:00.000Z'),"
  " ('" M2 "', 2, '2024-01-09', 'Second one', NULL, '2024-01-09T10:00:00.000Z', '2024-01-09T10:30:00.000Z');"
  "INSERT INTO checklist (uuid, meeting_id, habit_id, ticked, evidence, created_at, updated_at) VALUES"
  " ('d0000000-0000-4000-8000-000000000001', 1, (SELECT id FROM habits WHERE key = 'listen'), 1,"
  "  'Asked first', '2024-01-08T10:00:00.000Z', '2024-01-08T10:10:00.000Z');"
  "INSERT INTO commitments (uuid, person_id, meeting_id, text, owner, due, closed_on, created_at, updated_at) VALUES"
  " ('e0000000-0000-4000-8000-000000000001', 1, 1, 'Send the doc', 'me', '2024-01-12', NULL,"
  "  '2024-01-08T10:15:00.000Z', '2024-01-08T10:15:00.000Z');";

typedef struct
{
  char *dir;
  char *db;   /* a database with the sample, closed */
  char *file; /* where a case writes its file */
  char *good; /* the sample's export */
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;

  f->dir = test_core_tmpdir_new ();
  f->db = g_build_filename (f->dir, "rapport.db", NULL);
  f->file = g_build_filename (f->dir, "hostile.json", NULL);
  store = rapport_store_open (f->db, &error);
  g_assert_no_error (error);
  rapport_store_exec (store, sample_sql, &error);
  g_assert_no_error (error);
  f->good = rapport_exchange_export_to_data (store, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  test_core_tmpdir_free (f->dir);
  g_free (f->db);
  g_free (f->file);
  g_free (f->good);
}

/* ---- the files ---- */

typedef struct
{
  FILE *out;
  gsize size;
} Writer;

static void
writer_open (Writer     *w,
             const char *path)
{
  w->out = fopen (path, "w");
  g_assert_nonnull (w->out);
  w->size = 0;
}

static void
put (Writer     *w,
     const char *text)
{
  gsize n = strlen (text);

  g_assert_cmpuint (fwrite (text, 1, n, w->out), ==, n);
  w->size += n;
}

/* @text @n times. */
static void
put_n (Writer     *w,
       const char *text,
       gsize       n)
{
  for (gsize i = 0; i < n; i++)
    put (w, text);
}

static void
writer_close (Writer *w)
{
  g_assert_cmpint (fclose (w->out), ==, 0);
}

/* The sample's export with its first @find replaced by @replace. */
static void
write_edited (Fixture    *f,
              const char *find,
              const char *replace)
{
  const char *at = strstr (f->good, find);
  g_autoptr(GString) text = g_string_new (NULL);

  if (at == NULL)
    g_error ("“%s” is not in the sample export:\n%s", find, f->good);
  g_string_append_len (text, f->good, at - f->good);
  g_string_append (text, replace);
  g_string_append (text, at + strlen (find));
  g_assert_true (g_file_set_contents (f->file, text->str, (gssize) text->len, NULL));
}

/* The sample's export with @text (members) added at the start of the
 * object that follows @find. */
static void
write_inserted (Fixture    *f,
                const char *find,
                const char *text)
{
  g_autofree char *replace = g_strconcat (find, text, NULL);

  write_edited (f, find, replace);
}

static void
make_deep_brackets (Fixture *f)
{
  Writer w;

  writer_open (&w, f->file);
  put_n (&w, "[", 100000);
  writer_close (&w);
}

static void
make_deep_brackets_closed (Fixture *f)
{
  Writer w;

  writer_open (&w, f->file);
  put_n (&w, "[", 100000);
  put_n (&w, "]", 100000);
  writer_close (&w);
}

static void
make_deep_objects (Fixture *f)
{
  Writer w;

  writer_open (&w, f->file);
  put_n (&w, "{\"a\":", 100000);
  put (&w, "1");
  put_n (&w, "}", 100000);
  writer_close (&w);
}

static void
make_deep_in_notes (Fixture *f)
{
  g_autoptr(GString) deep = g_string_new ("\"notes\" : ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  write_edited (f, "\"notes\" : \"First one\"", deep->str);
}

static void
make_nul_in_notes (Fixture *f)
{
  write_edited (f, "\"notes\" : \"Second one\"", "\"notes\" : \"Second\\u0000 one\"");
}

static void
make_nul_in_name (Fixture *f)
{
  write_edited (f, "\"name\" : \"Ada Lovelace\"", "\"name\" : \"Ada\\u0000Lovelace\"");
}

static void
make_nul_in_member_name (Fixture *f)
{
  write_edited (f, "\"role\" : \"Engineer\"", "\"ro\\u0000le\" : \"Engineer\"");
}

static void
make_duplicate_lists (Fixture *f)
{
  /* An empty list first: json-glib kept the last, a reader that keeps
   * the first would import nothing. Either way one of them is lost. */
  write_inserted (f, "{", "\n  \"meetings\" : [],");
}

static void
make_duplicate_notes (Fixture *f)
{
  write_edited (f, "\"notes\" : \"First one\"", "\"notes\" : \"First one\", \"notes\" : \"\"");
}

static void
make_duplicate_escaped (Fixture *f)
{
  write_inserted (f, "{", "\n  \"me\\u0065tings\" : [],");
}

static void
make_huge_mood (Fixture *f)
{
  write_edited (f, "\"mood\" : 4", "\"mood\" : 99999999999999999999");
}

static void
make_huge_negative (Fixture *f)
{
  write_edited (f, "\"cadence_days\" : 7", "\"cadence_days\" : -9223372036854775809");
}

static void
make_huge_version (Fixture *f)
{
  write_edited (f, "\"version\" : 1", "\"version\" : 18446744073709551617");
}

static void
make_int64_max (Fixture *f)
{
  write_edited (f, "\"mood\" : 4", "\"mood\" : 9223372036854775807");
}

static void
make_many_members (Fixture *f)
{
  g_autoptr(GString) members = g_string_new (NULL);

  for (guint i = 0; i < RAPPORT_EXCHANGE_MAX_MEMBERS + 1; i++)
    g_string_append_printf (members, "\"x%u\" : 0, ", i);
  write_inserted (f, "\"notes\" : \"First one\",", members->str);
}

static void
make_many_values (Fixture *f)
{
  g_autoptr(GString) values = g_string_new ("\"x\" : [");

  for (guint i = 0; i < RAPPORT_EXCHANGE_MAX_ELEMENT_VALUES; i++)
    g_string_append (values, "0,");
  g_string_append (values, "0], ");
  write_inserted (f, "\"notes\" : \"First one\",", values->str);
}

static void
make_lone_surrogate (Fixture *f)
{
  write_edited (f, "\"notes\" : \"First one\"", "\"notes\" : \"First \\ud800one\"");
}

static void
make_comment (Fixture *f)
{
  g_autofree char *text = g_strconcat ("/* Rapport */\n", f->good, NULL);

  g_assert_true (g_file_set_contents (f->file, text, -1, NULL));
}

static void
make_raw_tab (Fixture *f)
{
  write_edited (f, "\"notes\" : \"First one\"", "\"notes\" : \"First\tone\"");
}

static void
make_trailing (Fixture *f)
{
  g_autofree char *text = g_strconcat (f->good, "\n{}", NULL);

  g_assert_true (g_file_set_contents (f->file, text, -1, NULL));
}

static void
make_empty (Fixture *f)
{
  g_assert_true (g_file_set_contents (f->file, "", 0, NULL));
}

static void
make_dev_zero (Fixture *f)
{
  g_free (f->file);
  f->file = g_strdup ("/dev/zero");
}

static void
make_fifo (Fixture *f)
{
  g_assert_cmpint (mkfifo (f->file, 0600), ==, 0);
}

static void
make_folder (Fixture *f)
{
  g_assert_cmpint (g_mkdir (f->file, 0700), ==, 0);
}

static void
make_too_large (Fixture *f)
{
  int fd = g_open (f->file, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  /* Sparse: no disk space is used. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) RAPPORT_EXCHANGE_MAX_FILE_BYTES + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
}

#define ZEROS_BYTES (64 * 1024 * 1024)

/* 64 MB of "0," as the root: json-glib took some 40 times that. */
static void
make_zeros_root (Fixture *f)
{
  Writer w;

  writer_open (&w, f->file);
  put (&w, "[");
  put_n (&w, "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,", ZEROS_BYTES / 32);
  put (&w, "0]");
  writer_close (&w);
}

/* The same in a list of the export: refused at its first element. */
static void
make_zeros_meetings (Fixture *f)
{
  Writer w;

  writer_open (&w, f->file);
  put (&w, "{ \"format\" : \"rapport-export\", \"version\" : 1, \"meetings\" : [");
  put_n (&w, "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,", ZEROS_BYTES / 32);
  put (&w, "0] }");
  writer_close (&w);
}

/* And in a member the format does not know, which is ignored: the file
 * is accepted, and its bulk never becomes a tree. */
static void
make_zeros_unknown (Fixture *f)
{
  Writer w;

  writer_open (&w, f->file);
  put (&w, "{ \"format\" : \"rapport-export\", \"version\" : 1, \"later\" : [");
  put_n (&w, "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,", ZEROS_BYTES / 32);
  put (&w, "0], \"people\" : [] }");
  writer_close (&w);
}

typedef struct
{
  const char *name;
  void (*make) (Fixture *f);
  int         code;    /* a RapportExchangeError, or -1: accepted */
  const char *message; /* a part of the message */
} Case;

#define ACCEPTED (-1)

static const Case cases[] = {
  { "deep-brackets", make_deep_brackets, RAPPORT_EXCHANGE_ERROR_INVALID,
    "Nested deeper than 32 levels at line 1, column 33" },
  { "deep-brackets-closed", make_deep_brackets_closed, RAPPORT_EXCHANGE_ERROR_INVALID,
    "Nested deeper than 32 levels at line 1, column 33" },
  { "deep-objects", make_deep_objects, RAPPORT_EXCHANGE_ERROR_INVALID,
    "Nested deeper than 32 levels at line 1, column 161" },
  { "deep-in-notes", make_deep_in_notes, RAPPORT_EXCHANGE_ERROR_INVALID,
    "Nested deeper than 32 levels at line " },
  { "nul-in-notes", make_nul_in_notes, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.meetings[1].notes: contains a NUL character" },
  { "nul-in-name", make_nul_in_name, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.people[0].name: contains a NUL character" },
  { "nul-in-member-name", make_nul_in_member_name, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.people[0]: a member name contains a NUL character" },
  { "duplicate-lists", make_duplicate_lists, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.meetings: a second member of this name in the same object" },
  { "duplicate-notes", make_duplicate_notes, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.meetings[0].notes: a second member of this name in the same object" },
  { "duplicate-escaped-name", make_duplicate_escaped, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.meetings: a second member of this name in the same object" },
  { "huge-int", make_huge_mood, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.meetings[0].mood: the number 99999999999999999999 does not fit in 64 bits" },
  { "huge-negative-int", make_huge_negative, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.people[0].cadence_days: the number -9223372036854775809 does not fit in 64 bits" },
  { "huge-version", make_huge_version, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.version: the number 18446744073709551617 does not fit in 64 bits" },
  { "int64-max", make_int64_max, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.meetings[0].mood: 9223372036854775807 is out of range (1 to 5)" },
  { "many-members", make_many_members, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.meetings[0]: more than 1000 members in one object" },
  { "many-values", make_many_values, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.meetings[0]: more than 10000 values in one element" },
  { "lone-surrogate", make_lone_surrogate, RAPPORT_EXCHANGE_ERROR_SYNTAX,
    "a high surrogate (\\uD800) without its low half" },
  { "comment", make_comment, RAPPORT_EXCHANGE_ERROR_SYNTAX,
    "Not valid JSON at line 1, column 1: unexpected “/”" },
  { "raw-tab", make_raw_tab, RAPPORT_EXCHANGE_ERROR_SYNTAX,
    "a control character (U+0009) inside a text must be written as an escape" },
  { "trailing", make_trailing, RAPPORT_EXCHANGE_ERROR_SYNTAX,
    "more follows the end of the data" },
  { "empty", make_empty, RAPPORT_EXCHANGE_ERROR_SYNTAX, "The file is empty" },
  { "dev-zero", make_dev_zero, RAPPORT_EXCHANGE_ERROR_IO,
    "“/dev/zero” is a character device, not an export file" },
  { "fifo", make_fifo, RAPPORT_EXCHANGE_ERROR_IO, "is a pipe (FIFO), not an export file" },
  { "folder", make_folder, RAPPORT_EXCHANGE_ERROR_IO, "is a folder, not an export file" },
  { "too-large", make_too_large, RAPPORT_EXCHANGE_ERROR_INVALID,
    "is too large to be a Rapport export (more than 512 MiB)" },
  { "zeros-root", make_zeros_root, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$: not an object; this is not a Rapport export" },
  { "zeros-in-meetings", make_zeros_meetings, RAPPORT_EXCHANGE_ERROR_INVALID,
    "$.meetings[0]: not an object" },
  { "zeros-unknown-member", make_zeros_unknown, ACCEPTED, NULL },
};

/* ---- checking ---- */

/* The database file's bytes once its WAL is folded in and removed. */
static GBytes *
settled_bytes (const char *db)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  sqlite3         *handle = NULL;
  GStatBuf         st;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  return test_core_file_bytes (db);
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return S_ISREG (st.st_mode) ? (gsize) st.st_size : 0;
}

typedef struct
{
  int   status; /* exit status */
  char *out;
  char *err;
  long  rss_before; /* KiB: peak before the import began */
  long  rss_after;  /* KiB: peak when it was over */
} Child;

static void
child_clear (Child *c)
{
  g_free (c->out);
  g_free (c->err);
}

/* `rapport --import @file --database @db`, as main() runs it, in a
 * process of its own (this program again, see main()). */
static void
run_cli (const char *db,
         const char *file,
         Child      *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  const char      *argv[] = { self, "--child-import", db, file, NULL };
  int              wait_status = 0;

  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &c->out, &c->err, &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("the import died of signal %d; stderr: %s", WTERMSIG (wait_status), c->err);
  c->status = WEXITSTATUS (wait_status);
  /* After the summary of an import that went through (issue 10). */
  g_assert_nonnull (strstr (c->out, "peak "));
  g_assert_cmpint (sscanf (strstr (c->out, "peak "), "peak %ld %ld", &c->rss_before, &c->rss_after), ==, 2);
}

static void
test_hostile (Fixture      *f,
              gconstpointer data)
{
  const Case *hostile = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RapportStore) store = NULL;
  Child c = { 0 };
  gsize size;
  long  grew;

  hostile->make (f);
  size = file_size (f->file);
  before = settled_bytes (f->db);

  /* Through the library. */
  store = rapport_store_open (f->db, &error);
  g_assert_no_error (error);
  if (hostile->code == ACCEPTED)
    {
      g_assert_true (rapport_exchange_import_from_file (store, f->file, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_assert_false (rapport_exchange_import_from_file (store, f->file, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, RAPPORT_EXCHANGE_ERROR, hostile->code);
      g_test_message ("%s: %s", hostile->name, error->message);
      if (strstr (error->message, hostile->message) == NULL)
        g_error ("“%s” does not say “%s”", error->message, hostile->message);
      g_assert_null (strchr (error->message, '\n'));
    }
  g_clear_object (&store);
  after = settled_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));

  /* Through the command line. */
  run_cli (f->db, f->file, &c);
  grew = c.rss_after - c.rss_before;
  g_test_message ("%s: file %.1f MiB, peak memory %.1f MiB over %.1f MiB before the import (%.1f x the file)",
                  hostile->name, size / 1048576.0, grew / 1024.0, c.rss_before / 1024.0,
                  size > 0 ? grew * 1024.0 / size : 0.0);
  if (hostile->code == ACCEPTED)
    {
      g_assert_cmpint (c.status, ==, RAPPORT_CLI_OK);
      g_assert_cmpstr (c.err, ==, "");
    }
  else
    {
      g_autofree char *line = g_strdup_printf ("rapport: Import failed, nothing was changed: ");

      g_assert_cmpint (c.status, ==, RAPPORT_CLI_FAILED);
      /* One line, saying what the library said. */
      g_assert_true (g_str_has_prefix (c.err, line));
      g_assert_true (g_str_has_suffix (c.err, "\n"));
      g_assert_true (strchr (c.err, '\n') == c.err + strlen (c.err) - 1);
      if (strstr (c.err, hostile->message) == NULL)
        g_error ("“%s” does not say “%s”", c.err, hostile->message);
    }
  assert_memory_bound (grew, MEMORY_FACTOR * (long) (size / 1024) + MEMORY_ALLOWANCE_KIB);
  g_clear_pointer (&after, g_bytes_unref);
  after = settled_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
  child_clear (&c);
}

/* A refused import that would have started a new database leaves no
 * database behind. */
static void
test_new_database_left_out (Fixture      *f,
                            gconstpointer data)
{
  g_autofree char *db = g_build_filename (f->dir, "new.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  Child            c = { 0 };

  make_nul_in_notes (f);
  run_cli (db, f->file, &c);
  g_assert_cmpint (c.status, ==, RAPPORT_CLI_FAILED);
  g_assert_nonnull (strstr (c.err, "contains a NUL character"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  child_clear (&c);

  /* An accepted one makes it, as before. */
  g_assert_true (g_file_set_contents (f->file, f->good, -1, NULL));
  run_cli (db, f->file, &c);
  g_assert_cmpint (c.status, ==, RAPPORT_CLI_OK);
  g_assert_cmpint (test_core_sql_int (db, "SELECT count(*) FROM meetings"), ==, 2);
  child_clear (&c);
}

/* ---- a realistic export, large ---- */

static const char *const words[] = {
  "team",
  "release",
  "parser",
  "review",
  "customer",
  "roadmap",
  "hiring",
  "growth",
  "feedback",
  "deadline",
  "migration",
  "on-call",
  "budget",
  "design",
  "café",
  "naïve",
};

/* About @meetings meetings of 40 people, with notes of some 2,000
 * characters, a checklist of five and a commitment each, as Rapport
 * writes them. */
static void
write_large_export (const char *path,
                    guint       meetings,
                    gboolean    spoil_last)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  Writer w;

  writer_open (&w, path);
  put (&w, "{\n  \"format\" : \"rapport-export\",\n  \"version\" : 1,\n  \"people\" : [\n");
  for (guint p = 0; p < 40; p++)
    {
      g_autofree char *person = g_strdup_printf (
        "    {\n      \"uuid\" : \"a0000000-0000-4000-8000-%012x\",\n      \"name\" : \"Person %u\",\n"
        "      \"role\" : \"\",\n      \"cadence_days\" : 7,\n      \"archived\" : false,\n"
        "      \"created_at\" : \"2016-01-01T00:00:00.000Z\",\n"
        "      \"updated_at\" : \"2016-01-01T00:00:00.000Z\"\n    }%s\n",
        p + 1, p, p < 39 ? "," : "");
      put (&w, person);
    }
  put (&w, "  ],\n  \"meetings\" : [\n");
  for (guint m = 0; m < meetings; m++)
    {
      g_autoptr(GString) notes = g_string_new (NULL);
      g_autofree char *head = NULL;

      while (notes->len < 2000)
        {
          g_string_append (notes, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append (notes, g_rand_int_range (rand, 0, 12) == 0 ? "\\n" : " ");
        }
      head = g_strdup_printf (
        "    {\n      \"uuid\" : \"c0000000-0000-4000-8000-%012x\",\n"
        "      \"person\" : \"a0000000-0000-4000-8000-%012x\",\n"
        "      \"date\" : \"20%02u-%02u-%02u\",\n      \"mood\" : %u,\n      \"notes\" : \"%s\",\n"
        "      \"created_at\" : \"2016-01-01T00:00:00.000Z\",\n"
        "      \"updated_at\" : \"2016-01-01T00:00:00.000Z\",\n      \"checklist\" : [\n",
        m + 1, m % 40 + 1, 16 + m / 4000, m % 12 + 1, m % 28 + 1, m % 5 + 1, notes->str);
      put (&w, head);
      for (guint t = 0; t < 5; t++)
        {
          static const char *const habits[] = {
            "7f1f2a10-5b1e-4c1e-9a01-000000000001",
            "7f1f2a10-5b1e-4c1e-9a01-000000000002",
            "7f1f2a10-5b1e-4c1e-9a01-000000000003",
            "7f1f2a10-5b1e-4c1e-9a01-000000000009",
            "7f1f2a10-5b1e-4c1e-9a01-00000000000b",
          };
          g_autofree char *tick = g_strdup_printf (
            "        {\n          \"uuid\" : \"d%07x-0000-4000-8000-%012x\",\n"
            "          \"habit\" : \"%s\",\n          \"ticked\" : %s,\n"
            "          \"evidence\" : \"%s\",\n"
            "          \"created_at\" : \"2016-01-01T00:00:00.000Z\",\n"
            "          \"updated_at\" : \"2016-01-01T00:00:00.000Z\"\n        }%s\n",
            t, m + 1, habits[t], (m + t) % 3 ? "true" : "false",
            t == 0 && m % 5 == 0 ? "Let them talk" : "", t < 4 ? "," : "");
          put (&w, tick);
        }
      put (&w, m + 1 < meetings ? "      ]\n    },\n" : "      ]\n    }\n");
    }
  put (&w, "  ],\n  \"commitments\" : [\n");
  for (guint m = 0; m < meetings; m++)
    {
      g_autofree char *commitment = g_strdup_printf (
        "    {\n      \"uuid\" : \"e0000000-0000-4000-8000-%012x\",\n"
        "      \"person\" : \"a0000000-0000-4000-8000-%012x\",\n"
        "      \"meeting\" : \"c0000000-0000-4000-8000-%012x\",\n"
        "      \"text\" : \"Follow up on the %s\",\n      \"owner\" : \"%s\",\n"
        "      \"due\" : null,\n      \"closed_on\" : null,\n"
        "      \"created_at\" : \"2016-01-01T00:00:00.000Z\",\n"
        "      \"updated_at\" : \"2016-01-01T00:00:00.000Z\"\n    }%s\n",
        m + 1, m % 40 + 1, spoil_last && m + 1 == meetings ? 0xdead : m + 1,
        words[m % G_N_ELEMENTS (words)], m % 2 ? "me" : "them",
        m + 1 < meetings ? "," : "");
      put (&w, commitment);
    }
  put (&w, "  ]\n}\n");
  writer_close (&w);
}

/* A realistic export of some 20 MB, imported through the command line
 * into an empty database: peak memory stays under four times the file. */
static void
test_large_memory (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *db = g_build_filename (f->dir, "empty.db", NULL);
  Child            c = { 0 };
  gsize            size;
  long             grew;

  write_large_export (f->file, 6000, FALSE);
  size = file_size (f->file);
  run_cli (db, f->file, &c);
  if (c.status != RAPPORT_CLI_OK)
    g_error ("the import failed: %s", c.err);
  grew = c.rss_after - c.rss_before;
  g_test_message ("large export: file %.1f MiB, peak memory %.1f MiB over %.1f MiB before (%.2f x the file)",
                  size / 1048576.0, grew / 1024.0, c.rss_before / 1024.0, grew * 1024.0 / size);
  g_assert_cmpint (test_core_sql_int (db, "SELECT count(*) FROM meetings"), ==, 6000);
  g_assert_cmpint (test_core_sql_int (db, "SELECT count(*) FROM checklist"), ==, 30000);
  g_assert_cmpint (test_core_sql_int (db, "SELECT count(*) FROM commitments"), ==, 6000);
  assert_memory_bound (grew, MEMORY_FACTOR * (long) (size / 1024));
  child_clear (&c);
}

/* A large file refused at its very end, after thousands of rows were
 * written and the page cache spilled into the WAL: the database is byte
 * for byte as it was, and so are its search triggers. */
static void
test_late_refusal (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  Child c = { 0 };

  write_large_export (f->file, 3000, TRUE);
  before = settled_bytes (f->db);
  run_cli (f->db, f->file, &c);
  g_assert_cmpint (c.status, ==, RAPPORT_CLI_FAILED);
  if (strstr (c.err, "$.commitments[2999].meeting: no meeting with the UUID") == NULL)
    g_error ("unexpected: %s", c.err);
  after = settled_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
  child_clear (&c);
}

/* ---- the child ---- */

/* Peak resident memory of this process, in KiB. VmHWM, not getrusage()'s
 * ru_maxrss: that one keeps the peak of the process that forked this one
 * across exec. */
static long
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nVmHWM:")) == NULL)
    g_error ("no VmHWM in /proc/self/status");
  return strtol (line + strlen ("\nVmHWM:"), NULL, 10);
}

static int
child_import (const char *db,
              const char *file)
{
  long before;
  int  status;

  /* A FIFO that blocked the import would end here, not hang the test. */
  alarm (60);
  before = peak_kib ();
  status = rapport_cli_main (db, NULL, file, NULL);
  printf ("peak %ld %ld\n", before, peak_kib ());
  return status;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child-import"))
    return child_import (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/exchange-hostile/%s", cases[i].name);
      g_test_add (path, Fixture, &cases[i], fixture_set_up, test_hostile, fixture_tear_down);
    }
  g_test_add ("/exchange-hostile/new-database-left-out", Fixture, NULL,
              fixture_set_up, test_new_database_left_out, fixture_tear_down);
  g_test_add ("/exchange-hostile/late-refusal", Fixture, NULL,
              fixture_set_up, test_late_refusal, fixture_tear_down);
  g_test_add ("/exchange-hostile/large-export-memory", Fixture, NULL,
              fixture_set_up, test_large_memory, fixture_tear_down);

  return g_test_run ();
}
