/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-habit-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-checklist-item.h"
#include "rapport-habit-library.h"
#include "rapport-text.h"

static gboolean
check_kind (RapportHabitKind kind,
            GError         **error)
{
  if (kind == RAPPORT_HABIT_TRUST || kind == RAPPORT_HABIT_STRUCTURE)
    return TRUE;
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
               _("A habit is either a trust habit or a structure habit"));
  return FALSE;
}

static char *
clean_hint (const char *hint,
            GError    **error)
{
  g_autofree char *clean = rapport_text_single_line (hint);

  if (g_utf8_strlen (clean, -1) > RAPPORT_HABIT_HINT_MAX_CHARS)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("The hint is too long: keep it to %d characters"),
                   RAPPORT_HABIT_HINT_MAX_CHARS);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static char *
check_label (RapportStore *store,
             const char   *label,
             gint64        except_id,
             gboolean      against_active,
             GError      **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *folded = NULL;
  sqlite3_stmt    *stmt;
  gboolean         clash = FALSE;
  int              rc = SQLITE_DONE;

  clean = rapport_text_single_line (label);
  if (clean[0] == '\0')
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("A habit needs a name"));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > RAPPORT_HABIT_LABEL_MAX_CHARS)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("The name “%s” is too long: keep it to %d characters"),
                   clean, RAPPORT_HABIT_LABEL_MAX_CHARS);
      return NULL;
    }
  if (!against_active)
    return g_steal_pointer (&clean);

  /* SQLite's NOCASE only folds ASCII; fold in C so "Écouter" and
   * "écouter" clash too. The checklist is a handful of rows. */
  folded = g_utf8_casefold (clean, -1);
  stmt = rapport_store_prepare (store, "SELECT id, label, key FROM habits WHERE active = 1", error);
  if (stmt == NULL)
    return NULL;
  while (!clash && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char      *stored = rapport_store_column_text (stmt, 1);
      g_autofree char *other = NULL;
      g_autofree char *shown = NULL;

      if (sqlite3_column_int64 (stmt, 0) == except_id)
        continue;
      /* As stored and as shown: a built-in habit's label is translated. */
      other = g_utf8_casefold (stored, -1);
      shown = g_utf8_casefold (rapport_habit_display_label (rapport_store_column_text (stmt, 2), stored), -1);
      clash = g_strcmp0 (folded, other) == 0 || g_strcmp0 (folded, shown) == 0;
    }
  sqlite3_reset (stmt);
  if (!clash && rc != SQLITE_DONE)
    {
      rapport_store_set_error (store, error, _("Could not read the habits"));
      return NULL;
    }
  if (clash)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” is already on the checklist"), clean);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

char *
rapport_habit_library_check_label (RapportStore *store,
                                   const char   *label,
                                   gint64        except_id,
                                   GError      **error)
{
  gboolean against_active = TRUE;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  if (except_id != 0)
    {
      g_autoptr(RapportHabit) habit = rapport_habit_load (store, except_id, error);

      if (habit == NULL)
        return NULL;
      against_active = rapport_habit_get_active (habit);
    }
  return check_label (store, label, except_id, against_active, error);
}

static gboolean
next_position (RapportStore *store,
               int          *position,
               GError      **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = rapport_store_prepare (store,
                                "SELECT COALESCE(MAX(position), 0) + 1 FROM habits WHERE active = 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      rapport_store_set_error (store, error, _("Could not read the habits"));
      return FALSE;
    }
  return TRUE;
}

/* So that the meeting open right now shows a habit switched on during it.
 * Meetings of earlier days keep the checklist they were held with. */
static gboolean
add_to_todays_meetings (RapportStore *store,
                        gint64        habit_id,
                        const char   *now,
                        GError      **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *today = rapport_store_today ();
  sqlite3_stmt    *stmt;

  stmt = rapport_store_prepare (store,
                                "SELECT m.id FROM meetings m"
                                " WHERE m.deleted = 0 AND m.date = ?1"
                                " AND NOT EXISTS (SELECT 1 FROM checklist c"
                                "   WHERE c.meeting_id = m.id AND c.habit_id = ?2)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, habit_id);
  ids = rapport_store_step_ids (store, stmt, _("Could not read today’s meetings"), error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (!rapport_checklist_add_habits (store, g_array_index (ids, gint64, i), &habit_id, 1,
                                       now, error))
      return FALSE;
  return TRUE;
}

RapportHabit *
rapport_habit_library_add (RapportStore    *store,
                           const char      *label,
                           const char      *hint,
                           RapportHabitKind kind,
                           GError         **error)
{
  g_autofree char *clean_label = NULL;
  g_autofree char *hint_text = NULL;
  g_autofree char *uuid = rapport_store_new_uuid ();
  g_autofree char *now = rapport_store_now ();
  sqlite3_stmt    *stmt;
  int              position;
  gint64           id;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  if (!check_kind (kind, error))
    return NULL;
  hint_text = clean_hint (hint, error);
  if (hint_text == NULL)
    return NULL;

  if (!rapport_store_begin (store, error))
    return NULL;

  clean_label = rapport_habit_library_check_label (store, label, 0, error);
  if (clean_label == NULL || !next_position (store, &position, error))
    goto fail;

  stmt = rapport_store_prepare (store,
                                "INSERT INTO habits (uuid, key, label, hint, kind, position, active,"
                                " created_at, updated_at)"
                                " VALUES (?1, NULL, ?2, ?3, ?4, ?5, 1, ?6, ?6)",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, clean_label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hint_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rapport_habit_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, position);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if (!rapport_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (rapport_store_get_handle (store));

  if (!add_to_todays_meetings (store, id, now, error))
    goto fail;
  if (!rapport_store_commit (store, error))
    goto fail;

  return rapport_habit_load (store, id, error);

fail:
  rapport_store_rollback (store);
  return NULL;
}

gboolean
rapport_habit_library_update (RapportStore    *store,
                              gint64           habit_id,
                              const char      *label,
                              const char      *hint,
                              RapportHabitKind kind,
                              GError         **error)
{
  g_autoptr(RapportHabit) habit = NULL;
  g_autofree char *clean_label = NULL;
  g_autofree char *hint_text = NULL;
  g_autofree char *now = rapport_store_now ();
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!check_kind (kind, error))
    return FALSE;
  hint_text = clean_hint (hint, error);
  if (hint_text == NULL)
    return FALSE;

  if (!rapport_store_begin (store, error))
    return FALSE;

  habit = rapport_habit_load (store, habit_id, error);
  if (habit == NULL)
    goto fail;
  /* An archived habit may share a label until it comes back. */
  clean_label = check_label (store, label, habit_id, rapport_habit_get_active (habit), error);
  if (clean_label == NULL)
    goto fail;

  if (g_strcmp0 (clean_label, rapport_habit_get_label (habit)) == 0 &&
      g_strcmp0 (hint_text, rapport_habit_get_hint (habit)) == 0 &&
      kind == rapport_habit_get_kind (habit))
    return rapport_store_commit (store, error);

  stmt = rapport_store_prepare (store,
                                "UPDATE habits SET label = ?2, hint = ?3, kind = ?4, updated_at = ?5"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, habit_id);
  sqlite3_bind_text (stmt, 2, clean_label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hint_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rapport_habit_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!rapport_store_step_done (store, stmt, error))
    goto fail;

  if (!rapport_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  rapport_store_rollback (store);
  return FALSE;
}

typedef enum
{
  CHANGE_LABEL,
  CHANGE_HINT,
  CHANGE_KIND,
} Change;

/* One field changed, the other two kept as they are stored. */
static gboolean
update_one (RapportStore    *store,
            gint64           habit_id,
            Change           change,
            const char      *text,
            RapportHabitKind kind,
            GError         **error)
{
  g_autoptr(RapportHabit) habit = rapport_habit_load (store, habit_id, error);

  if (habit == NULL)
    return FALSE;
  return rapport_habit_library_update (store, habit_id,
                                       change == CHANGE_LABEL ? text : rapport_habit_get_label (habit),
                                       change == CHANGE_HINT ? text : rapport_habit_get_hint (habit),
                                       change == CHANGE_KIND ? kind : rapport_habit_get_kind (habit),
                                       error);
}

gboolean
rapport_habit_library_rename (RapportStore *store,
                              gint64        habit_id,
                              const char   *label,
                              GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  return update_one (store, habit_id, CHANGE_LABEL, label, 0, error);
}

gboolean
rapport_habit_library_set_hint (RapportStore *store,
                                gint64        habit_id,
                                const char   *hint,
                                GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  return update_one (store, habit_id, CHANGE_HINT, hint, 0, error);
}

gboolean
rapport_habit_library_set_kind (RapportStore    *store,
                                gint64           habit_id,
                                RapportHabitKind kind,
                                GError         **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  return update_one (store, habit_id, CHANGE_KIND, NULL, kind, error);
}

static GArray *
active_ids (RapportStore *store,
            GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (store,
                                "SELECT id FROM habits WHERE active = 1 ORDER BY position, id",
                                error);
  if (stmt == NULL)
    return NULL;
  return rapport_store_step_ids (store, stmt, _("Could not read the habits"), error);
}

static gboolean
find_id (GArray *ids,
         gint64  id,
         guint  *index)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

/* Numbers the active habits 1..n in the order of @ids. */
static gboolean
write_positions (RapportStore *store,
                 GArray       *ids,
                 GError      **error)
{
  g_autofree char *now = rapport_store_now ();
  sqlite3_stmt    *stmt;

  stmt = rapport_store_prepare (store,
                                "UPDATE habits SET position = ?2, updated_at = ?3"
                                " WHERE id = ?1 AND position IS NOT ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
      if (!rapport_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rapport_habit_library_move (RapportStore *store,
                            gint64        habit_id,
                            guint         position,
                            GError      **error)
{
  g_autoptr(GArray) ids = NULL;
  guint from;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (!rapport_store_begin (store, error))
    return FALSE;

  ids = active_ids (store, error);
  if (ids == NULL)
    goto fail;
  if (!find_id (ids, habit_id, &from))
    {
      g_autoptr(RapportHabit) habit = rapport_habit_load (store, habit_id, error);

      if (habit != NULL)
        g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                     _("“%s” is not on the checklist, so it cannot be moved"),
                     rapport_habit_get_label (habit));
      goto fail;
    }

  position = MIN (position, ids->len - 1);
  g_array_remove_index (ids, from);
  g_array_insert_val (ids, position, habit_id);

  if (!write_positions (store, ids, error) || !rapport_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  rapport_store_rollback (store);
  return FALSE;
}

static gboolean
move_by (RapportStore *store,
         gint64        habit_id,
         int           delta,
         GError      **error)
{
  g_autoptr(GArray) ids = active_ids (store, error);
  guint index;

  if (ids == NULL)
    return FALSE;
  if (!find_id (ids, habit_id, &index))
    return rapport_habit_library_move (store, habit_id, 0, error); /* reports why */
  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= ids->len))
    return TRUE;
  return rapport_habit_library_move (store, habit_id, index + delta, error);
}

gboolean
rapport_habit_library_move_up (RapportStore *store,
                               gint64        habit_id,
                               GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  return move_by (store, habit_id, -1, error);
}

gboolean
rapport_habit_library_move_down (RapportStore *store,
                                 gint64        habit_id,
                                 GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  return move_by (store, habit_id, 1, error);
}

gboolean
rapport_habit_library_set_active (RapportStore *store,
                                  gint64        habit_id,
                                  gboolean      active,
                                  GError      **error)
{
  g_autoptr(RapportHabit) habit = NULL;
  g_autofree char *now = rapport_store_now ();
  sqlite3_stmt    *stmt;
  int              position;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  active = !!active;
  if (!rapport_store_begin (store, error))
    return FALSE;

  habit = rapport_habit_load (store, habit_id, error);
  if (habit == NULL)
    goto fail;
  if (rapport_habit_get_active (habit) == active)
    return rapport_store_commit (store, error);

  if (active)
    {
      g_autofree char *label =
        check_label (store, rapport_habit_get_label (habit), habit_id, TRUE, error);

      if (label == NULL)
        {
          if (error != NULL && g_error_matches (*error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID))
            {
              g_clear_error (error);
              g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("Another habit on the checklist is called “%s”: rename one of them first"),
                           rapport_habit_get_label (habit));
            }
          goto fail;
        }
      if (!next_position (store, &position, error))
        goto fail;
    }
  else
    position = rapport_habit_get_position (habit);

  stmt = rapport_store_prepare (store,
                                "UPDATE habits SET active = ?2, position = ?3, updated_at = ?4"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, habit_id);
  sqlite3_bind_int (stmt, 2, active);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!rapport_store_step_done (store, stmt, error))
    goto fail;

  if (active && !add_to_todays_meetings (store, habit_id, now, error))
    goto fail;
  if (!rapport_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  rapport_store_rollback (store);
  return FALSE;
}

static gboolean
set_own_active (RapportStore *store,
                gint64        habit_id,
                gboolean      active,
                GError      **error)
{
  g_autoptr(RapportHabit) habit = rapport_habit_load (store, habit_id, error);

  if (habit == NULL)
    return FALSE;
  if (rapport_habit_get_key (habit) != NULL)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                   _("“%s” comes with Rapport: switch it off instead, it stays in the library"),
                   rapport_habit_get_label (habit));
      return FALSE;
    }
  return rapport_habit_library_set_active (store, habit_id, active, error);
}

gboolean
rapport_habit_library_archive (RapportStore *store,
                               gint64        habit_id,
                               GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  return set_own_active (store, habit_id, FALSE, error);
}

gboolean
rapport_habit_library_restore (RapportStore *store,
                               gint64        habit_id,
                               GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  return set_own_active (store, habit_id, TRUE, error);
}

static GListStore *
load_inactive (RapportStore *store,
               gboolean      built_in,
               GError      **error)
{
  g_autoptr(GListStore) all = rapport_habit_load_all (store, error);
  g_autoptr(GListStore) list = NULL;
  guint n;

  if (all == NULL)
    return NULL;
  list = g_list_store_new (RAPPORT_TYPE_HABIT);
  n = g_list_model_get_n_items (G_LIST_MODEL (all));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportHabit) habit = g_list_model_get_item (G_LIST_MODEL (all), i);

      if (!rapport_habit_get_active (habit) &&
          (rapport_habit_get_key (habit) != NULL) == built_in)
        g_list_store_append (list, habit);
    }
  return g_steal_pointer (&list);
}

GListStore *
rapport_habit_library_load_available (RapportStore *store,
                                      GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  return load_inactive (store, TRUE, error);
}

GListStore *
rapport_habit_library_load_archived (RapportStore *store,
                                     GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  return load_inactive (store, FALSE, error);
}
