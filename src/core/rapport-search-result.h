/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rapport-enums.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_SEARCH_KIND_NOTE,        /* a meeting's notes */
  RAPPORT_SEARCH_KIND_COMMITMENT,  /* the text of a commitment */
  RAPPORT_SEARCH_KIND_EVIDENCE,    /* what was noted beside a ticked habit */
  RAPPORT_SEARCH_KIND_PERSON,      /* a person's name */
  RAPPORT_SEARCH_KIND_TALKING_POINT, /* a talking point, waiting or discussed */
} RapportSearchKind;

/* The snippet marks each match as MARK_START match MARK_END. Both are
 * control characters, which never come out of a keyboard, so the UI can
 * split on them before escaping the text (see
 * rapport_search_snippet_to_markup()). */
#define RAPPORT_SEARCH_MARK_START "\x02"
#define RAPPORT_SEARCH_MARK_END   "\x03"

#define RAPPORT_TYPE_SEARCH_RESULT (rapport_search_result_get_type ())
G_DECLARE_FINAL_TYPE (RapportSearchResult, rapport_search_result, RAPPORT, SEARCH_RESULT, GObject)

RapportSearchResult *rapport_search_result_new              (RapportSearchKind     kind,
                                                             gint64                source_id,
                                                             gint64                person_id,
                                                             const char           *person_name,
                                                             gint64                meeting_id,
                                                             const char           *date,
                                                             const char           *snippet,
                                                             int                   match_offset,
                                                             int                   match_length,
                                                             double                rank);

RapportSearchKind    rapport_search_result_get_kind         (RapportSearchResult  *self);
/* The row id in the table of its kind (meetings, commitments, checklist or
 * people). */
gint64               rapport_search_result_get_source_id    (RapportSearchResult  *self);
gint64               rapport_search_result_get_person_id    (RapportSearchResult  *self);
const char          *rapport_search_result_get_person_name  (RapportSearchResult  *self);
/* 0 and NULL for a person's name, and for a talking point still waiting
 * (one that was discussed gives its meeting). */
gint64               rapport_search_result_get_meeting_id   (RapportSearchResult  *self);
const char          *rapport_search_result_get_date         (RapportSearchResult  *self);
/* One line, matches between RAPPORT_SEARCH_MARK_START and _END. */
const char          *rapport_search_result_get_snippet      (RapportSearchResult  *self);
/* For notes, the character offset of the first match in the meeting's
 * notes (for gtk_text_buffer_get_iter_at_offset()); -1 otherwise. */
int                  rapport_search_result_get_match_offset (RapportSearchResult  *self);
/* Its length in characters (the whole word that matched); 0 without one. */
int                  rapport_search_result_get_match_length (RapportSearchResult  *self);
/* bm25: lower is better. */
double               rapport_search_result_get_rank         (RapportSearchResult  *self);

G_END_DECLS
