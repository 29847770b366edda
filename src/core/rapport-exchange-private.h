/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the parts of the importer: rapport-exchange-scan.c checks the
 * bytes of a file and finds its lists, rapport-exchange-read.c reads each
 * element into a record, rapport-exchange-import.c merges the records as
 * they come. */

#include "rapport-exchange.h"

G_BEGIN_DECLS

/* How deep a Rapport export nests: root, list, meeting, checklist, tick. */
#define RAPPORT_EXCHANGE_DEPTH 5

typedef enum
{
  LIST_HABITS,
  LIST_PEOPLE,
  LIST_MEETINGS,
  LIST_COMMITMENTS,
  LIST_TALKING_POINTS,
  LIST_MISSED_MEETINGS,
  N_LISTS
} ListKind;

/* Where a member of the root object lies in the file. */
typedef struct
{
  gboolean present;
  gsize    start, end;   /* the value's bytes */
  guint    count;        /* elements, when it is a list */
} Span;

/* What the scan found. */
typedef struct
{
  char  root;            /* first byte of the root value */
  Span  format, version, exported_at;
  Span  lists[N_LISTS];
} Outline;

/* Checks that @data is JSON within the limits in rapport-exchange.h
 * (depth, members, values per element, no \u0000, no duplicate names,
 * whole numbers in 64 bits) without building a tree; @data must be valid
 * UTF-8. Fills @outline. */
gboolean     rapport_exchange_scan            (const char   *data,
                                               gsize         length,
                                               Outline      *outline,
                                               GError      **error);
const char  *rapport_exchange_list_name       (ListKind      list);
/* Line and column of byte @offset, both from 1, for messages. */
void         rapport_exchange_locate          (const char   *data,
                                               gsize         offset,
                                               guint        *line,
                                               guint        *column);

/* The elements of a list the scan found, one after the other. */
typedef struct
{
  const char *data;
  gsize       pos, end;
  guint       index;
} ListCursor;

void         rapport_exchange_cursor_init     (ListCursor   *cursor,
                                               const char   *data,
                                               const Span   *list);
gboolean     rapport_exchange_cursor_next     (ListCursor   *cursor,
                                               gsize        *start,
                                               gsize        *end);

/* One value of an element, decoded from checked bytes. */
typedef struct _Value Value;
struct _Value
{
  char        kind;      /* '"' text, '0' whole number, '.' other number,
                          * 't' true, 'f' false, 'n' null, '{' object, '[' list */
  guint       n;         /* members or elements */
  const char *name;      /* as a member of an object: its name */
  const char *text;      /* '"': the text, NUL-terminated (no NUL inside) */
  gsize       length;    /* of the text, in bytes */
  gint64      number;    /* '0' */
  Value      *first;     /* '{', '[': the first member or element */
  Value      *next;      /* the next member or element of the same parent */
};

/* Decodes values from checked bytes, into storage used again for each
 * element: what it returns lives until the next reset or clear. */
typedef struct
{
  GPtrArray *blocks;     /* of Value[256] */
  guint      used;       /* values in use in the last block */
  guint      block;      /* the block in use */
  char      *text;       /* decoded texts */
  gsize      text_size, text_used;
} Decoder;

void         rapport_exchange_decoder_init    (Decoder      *decoder);
/* Lets go of every value decoded so far, and makes room for decoding
 * values that take up to @bytes in the file. */
void         rapport_exchange_decoder_reset   (Decoder      *decoder,
                                               gsize         bytes);
void         rapport_exchange_decoder_clear   (Decoder      *decoder);
/* The value in @data from @start to @end, which rapport_exchange_scan()
 * has accepted as a part of a whole. */
Value       *rapport_exchange_decode          (Decoder      *decoder,
                                               const char   *data,
                                               gsize         start,
                                               gsize         end);
/* The member @name of the object @object, or NULL. */
Value       *rapport_exchange_value_member    (const Value  *object,
                                               const char   *name);

/* Records point into the values of the element being read; they are
 * valid only during the call that hands them over. */
typedef struct
{
  const char *uuid, *name, *role, *next_date, *created, *updated;
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
  const char *uuid, *person, *text, *raised_by, *discussed_in, *recur_unit, *series, *next_due;
  const char *created, *updated;
  gint64      position;
  gint64      recur_every;   /* 0: none */
} TalkingPointRec;

typedef struct
{
  const char *uuid, *person, *date, *kind, *reason, *reason_kind, *moved_to, *created, *updated;
} MissedMeetingRec;

/* What the reader hands each checked record to, in this order: all
 * habits, all people, each meeting with its checklist, all commitments,
 * all talking points, all missed 1:1s, whatever the order of the lists in
 * the file. @index is the element's place in its list. Each returns
 * FALSE with @error set to stop. */
typedef struct
{
  /* Once the header is checked, before the first record. */
  gboolean (*begin)      (gpointer             data,
                          const Outline       *outline,
                          GError             **error);
  gboolean (*habit)      (gpointer             data,
                          const HabitRec      *r,
                          guint                index,
                          GError             **error);
  gboolean (*person)     (gpointer             data,
                          const PersonRec     *r,
                          guint                index,
                          GError             **error);
  gboolean (*meeting)    (gpointer             data,
                          const MeetingRec    *r,
                          const TickRec       *ticks,
                          guint                n_ticks,
                          guint                index,
                          GError             **error);
  gboolean (*commitment) (gpointer             data,
                          const CommitmentRec *r,
                          guint                index,
                          GError             **error);
  gboolean (*talking_point) (gpointer               data,
                             const TalkingPointRec *r,
                             guint                  index,
                             GError               **error);
  gboolean (*missed_meeting) (gpointer                data,
                              const MissedMeetingRec *r,
                              guint                   index,
                              GError                **error);
  /* After each element; @offset is where it ends in the file. */
  gboolean (*step)       (gpointer             data,
                          gsize                offset,
                          GError             **error);
} RecordSink;

/* Checks @data as a whole (rapport_exchange_scan()), then reads and
 * checks each element in turn, parsing only that element, and hands the
 * records to @sink. */
gboolean     rapport_exchange_document_read   (const char        *data,
                                               gsize              length,
                                               const RecordSink  *sink,
                                               gpointer           sink_data,
                                               GError           **error);

/* A set of UUIDs, 24 bytes each, with a 63-bit value. */
typedef struct
{
  struct UuidSlot *slots;
  gsize            mask;
  gsize            used;
} UuidTable;

void         rapport_exchange_uuid_table_init  (UuidTable    *table);
void         rapport_exchange_uuid_table_clear (UuidTable    *table);
/* Adds @uuid (valid text) with @value; if it is there already, returns
 * FALSE and its value in *@old. */
gboolean     rapport_exchange_uuid_table_add   (UuidTable    *table,
                                                const char   *uuid,
                                                guint64       value,
                                                guint64      *old);
gboolean     rapport_exchange_uuid_table_get   (UuidTable    *table,
                                                const char   *uuid,
                                                guint64      *value);

/* From this many elements in a file (and at least half as many as the
 * rows already in the database), an import fills the search indexes and
 * the history totals once at the end rather than row by row. Tests
 * change it to choose. */
extern guint rapport_exchange_bulk_min_rows;
/* TRUE: such an import leaves the search indexes waiting to be filled
 * (rapport_search_index_pending()) instead of filling them before it
 * returns, so that tests and benchmarks can see or time the two steps. */
extern gboolean rapport_exchange_defer_search_index;
/* TRUE (the default): such an import into tables with no rows builds
 * their search indexes on a second thread while it writes the rows, and
 * copies them in with the rows (rapport-search-builder.c). FALSE: they
 * are filled from the tables after the rows are committed, as for tables
 * that had rows. Tests change it to compare the two. */
extern gboolean rapport_exchange_build_search_index;

/* rapport_exchange_import_from_file(), with or without step 2. */
gboolean     rapport_exchange_import_file      (RapportStore         *store,
                                                const char           *path,
                                                gboolean              fill_indexes,
                                                RapportExchangeStats *stats,
                                                GCancellable         *cancellable,
                                                RapportProgressFunc   progress,
                                                gpointer              progress_data,
                                                GError              **error);

const char  *rapport_exchange_lower_uuid       (const char   *uuid,
                                                char          out[64]);

/* A RAPPORT_EXCHANGE_ERROR_INVALID error at JSON path @path. */
void         rapport_exchange_invalid          (GError      **error,
                                                const char   *path,
                                                const char   *format,
                                                ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
