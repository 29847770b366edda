/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-meeting.h"
#include "rapport-person.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed by test_core_tmpdir_free(). */
char         *test_core_tmpdir_new       (void);
void          test_core_tmpdir_free      (char       *dir);
/* A store on a new database in @dir. */
RapportStore *test_core_store_new        (const char *dir);
/* The start of most fixtures: a fresh temporary folder in *@dir, the path
 * of the database in it in *@path, and *@store open on that database. */
void          test_core_db_set_up        (char          **dir,
                                          char          **path,
                                          RapportStore  **store);
/* The end: *@store must hold the last reference; the folder is removed. */
void          test_core_db_tear_down     (char          **dir,
                                          char          **path,
                                          RapportStore  **store);
/* The whole fixture of the tests that need only a fresh database, with
 * its set-up and tear-down for g_test_add(). */
typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
} TestCoreDb;
void          test_core_db_fixture_set_up    (TestCoreDb    *f,
                                              gconstpointer  data);
void          test_core_db_fixture_tear_down (TestCoreDb    *f,
                                              gconstpointer  data);
/* Closes *@store (the last reference) and opens the database in @dir again. */
void          test_core_store_reopen     (RapportStore  **store,
                                          const char     *dir);
/* A person made through the model; any error fails the test. */
RapportPerson *test_core_person_new      (RapportStore   *store,
                                          const char     *name,
                                          const char     *role);
/* Runs @sql on @store; any error fails the test. Returns the id of the
 * last row inserted. */
gint64         test_core_exec            (RapportStore   *store,
                                          const char     *sql);
/* Rows written straight in SQL, with 'x' as their times: a person, and a
 * meeting with @person whose @spec has one character per seeded habit, by
 * id from 1: '1' ticked, '0' on the checklist but not ticked, '-' or the
 * end of the string: not on this meeting's checklist. @mood 0 is no mood. */
gint64         test_core_insert_person   (RapportStore   *store,
                                          const char     *name,
                                          gboolean        archived);
gint64         test_core_insert_meeting  (RapportStore   *store,
                                          gint64          person,
                                          const char     *date,
                                          int             mood,
                                          const char     *spec,
                                          gboolean        deleted);
/* A person added on 2026-01-01 at noon (created_at, as the cadence
 * counts from it) who meets every @cadence_days. */
gint64         test_core_insert_person_every (RapportStore *store,
                                              const char   *name,
                                              int           cadence_days);
/* A commitment written in SQL, with the text 'x'; @due and @closed_on
 * may be NULL. */
void           test_core_insert_commitment (RapportStore *store,
                                            gint64        person,
                                            gint64        meeting,
                                            const char   *owner,
                                            const char   *due,
                                            const char   *closed_on);
/* A meeting with @person on @date made through the model; with @notes
 * (unless NULL) set and saved. Any error fails the test. */
RapportMeeting *test_core_meeting_new    (RapportStore   *store,
                                          RapportPerson  *person,
                                          const char     *date,
                                          const char     *notes);
/* The active habits, in checklist order, comma-separated. */
char          *test_core_active_habits   (RapportStore   *store);
#define test_core_assert_active_habits(store, expected) \
  G_STMT_START { \
    g_autofree char *active_ = test_core_active_habits (store); \
    g_assert_cmpstr (active_, ==, (expected)); \
  } G_STMT_END

/* Waiting in a test for an async call and its progress reports. */
typedef struct
{
  GAsyncResult *result;
  guint         reports;
  double        last;
} TestCoreAsync;

/* A GAsyncReadyCallback: pass a TestCoreAsync as its user_data. */
void          test_core_async_done       (GObject        *source,
                                          GAsyncResult   *result,
                                          gpointer        state);
/* Runs the main context until test_core_async_done() has been called. */
void          test_core_async_wait       (TestCoreAsync  *state);
/* Lets go of the result and waits for the worker thread to let go of its
 * task too (it holds the store) a moment after the callback ran. */
void          test_core_async_drop       (TestCoreAsync  *state);

/* Runs SQL through a separate connection, as another program would. */
void          test_core_sql              (const char *path,
                                          const char *sql);
gint64        test_core_sql_int          (const char *path,
                                          const char *sql);
/* The file's contents, for checking that a refused file stayed as it was. */
GBytes       *test_core_file_bytes       (const char *path);

G_END_DECLS
