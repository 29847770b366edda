/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-enums.h"
#include "rapport-store.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_COMMITMENT_OWNER_ME,
  RAPPORT_COMMITMENT_OWNER_THEM,
} RapportCommitmentOwner;

#define RAPPORT_TYPE_COMMITMENT (rapport_commitment_get_type ())
G_DECLARE_FINAL_TYPE (RapportCommitment, rapport_commitment, RAPPORT, COMMITMENT, GObject)

gint64                  rapport_commitment_get_id            (RapportCommitment  *self);
const char             *rapport_commitment_get_uuid          (RapportCommitment  *self);
gint64                  rapport_commitment_get_person_id     (RapportCommitment  *self);
/* The meeting where it was made, and that meeting's date. */
gint64                  rapport_commitment_get_meeting_id    (RapportCommitment  *self);
const char             *rapport_commitment_get_made_on       (RapportCommitment  *self);
const char             *rapport_commitment_get_text          (RapportCommitment  *self);
RapportCommitmentOwner  rapport_commitment_get_owner         (RapportCommitment  *self);
/* YYYY-MM-DD or NULL. */
const char             *rapport_commitment_get_due           (RapportCommitment  *self);
const char             *rapport_commitment_get_closed_on     (RapportCommitment  *self);
gboolean                rapport_commitment_get_closed        (RapportCommitment  *self);
/* TRUE when it was loaded for a meeting other than the one it was made in. */
gboolean                rapport_commitment_get_carried_over  (RapportCommitment  *self);
/* Open with a due date before @today. */
gboolean                rapport_commitment_is_overdue        (RapportCommitment  *self,
                                                              const char         *today);

const char             *rapport_commitment_owner_to_string   (RapportCommitmentOwner  owner);
gboolean                rapport_commitment_owner_from_string (const char             *text,
                                                              RapportCommitmentOwner *owner);

/* Makes a commitment in meeting @meeting_id. @due may be NULL. */
RapportCommitment      *rapport_commitment_create            (RapportStore            *store,
                                                              gint64                   meeting_id,
                                                              const char              *text,
                                                              RapportCommitmentOwner   owner,
                                                              const char              *due,
                                                              GError                 **error);
RapportCommitment      *rapport_commitment_load              (RapportStore            *store,
                                                              gint64                   id,
                                                              GError                 **error);

/* Each writes at once. */
gboolean                rapport_commitment_set_text          (RapportCommitment       *self,
                                                              RapportStore            *store,
                                                              const char              *text,
                                                              GError                 **error);
gboolean                rapport_commitment_set_owner         (RapportCommitment       *self,
                                                              RapportStore            *store,
                                                              RapportCommitmentOwner   owner,
                                                              GError                 **error);
gboolean                rapport_commitment_set_due           (RapportCommitment       *self,
                                                              RapportStore            *store,
                                                              const char              *due,
                                                              GError                 **error);
/* Closing sets closed_on to @date (the meeting's date, or today from the
 * brief); the row is shared by every meeting that shows it. */
gboolean                rapport_commitment_close             (RapportCommitment       *self,
                                                              RapportStore            *store,
                                                              const char              *date,
                                                              GError                 **error);
gboolean                rapport_commitment_reopen            (RapportCommitment       *self,
                                                              RapportStore            *store,
                                                              GError                 **error);

/* Deletion in two steps so it can be undone: hide, then purge. */
gboolean                rapport_commitment_hide              (RapportStore            *store,
                                                              gint64                   id,
                                                              gboolean                 hidden,
                                                              GError                 **error);
gboolean                rapport_commitment_purge             (RapportStore            *store,
                                                              gint64                   id,
                                                              GError                 **error);
/* Purges every hidden commitment (left over when the app quit while an
 * undo toast was shown); call once at start-up. */
gboolean                rapport_commitment_purge_hidden      (RapportStore            *store,
                                                              GError                 **error);

/* What a meeting shows: the commitments made in it and those made in
 * earlier meetings with the same person that were still open on its date
 * (open now, or closed on or after its date). Oldest first, so carried-over
 * ones come before the new ones. */
GListStore             *rapport_commitment_load_for_meeting  (RapportStore            *store,
                                                              gint64                   meeting_id,
                                                              GError                 **error);
/* A person's open commitments: mine first, then theirs; by due date (none
 * last), then by the date they were made. */
GListStore             *rapport_commitment_load_open         (RapportStore            *store,
                                                              gint64                   person_id,
                                                              GError                 **error);

G_END_DECLS
