/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the parts of the importer: rapport-exchange-read.c checks a
 * file into these records, rapport-exchange-import.c merges them. */

#include <json-glib/json-glib.h>

#include "rapport-exchange.h"

G_BEGIN_DECLS

/* Records point into the parsed JSON tree, which outlives them. */
typedef struct
{
  const char *uuid, *name, *role, *created, *updated;
  gint64      cadence;
  gboolean    archived;
} PersonRec;

typedef struct
{
  const char *uuid, *key, *label, *hint, *kind, *created, *updated;
  gint64      position;
  gboolean    active;
} HabitRec;

typedef struct
{
  const char *uuid, *habit, *evidence, *created, *updated;
  gboolean    ticked;
  guint       meeting;   /* index into meetings */
  guint       index;     /* within the meeting's checklist */
} TickRec;

typedef struct
{
  const char *uuid, *person, *date, *notes, *created, *updated;
  gint64      mood;      /* 0: none */
} MeetingRec;

typedef struct
{
  const char *uuid, *person, *meeting, *text, *owner, *due, *closed, *created, *updated;
} CommitmentRec;

typedef struct
{
  GArray     *people, *habits, *meetings, *ticks, *commitments;
  GHashTable *uuids;     /* uuid -> path where it was first seen (owned) */
} Document;

void         rapport_exchange_document_clear  (Document     *doc);
/* Parses and checks everything; on success @doc holds the records. */
gboolean     rapport_exchange_document_read   (Document     *doc,
                                               JsonParser   *parser,
                                               const char   *data,
                                               gsize         length,
                                               GError      **error);

/* UUIDs compare without regard to case; the database holds lower case. */
guint        rapport_exchange_uuid_hash       (gconstpointer key);
gboolean     rapport_exchange_uuid_equal      (gconstpointer a,
                                               gconstpointer b);
const char  *rapport_exchange_lower_uuid      (const char   *uuid,
                                               char          out[64]);

/* A RAPPORT_EXCHANGE_ERROR_INVALID error at JSON path @path. */
void         rapport_exchange_invalid         (GError      **error,
                                               const char   *path,
                                               const char   *format,
                                               ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
