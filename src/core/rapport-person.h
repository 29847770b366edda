/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PERSON (rapport_person_get_type ())
G_DECLARE_FINAL_TYPE (RapportPerson, rapport_person, RAPPORT, PERSON, GObject)

gint64         rapport_person_get_id            (RapportPerson  *self);
const char    *rapport_person_get_uuid          (RapportPerson  *self);
const char    *rapport_person_get_name          (RapportPerson  *self);
void           rapport_person_set_name          (RapportPerson  *self,
                                                 const char     *name);
const char    *rapport_person_get_role          (RapportPerson  *self);
void           rapport_person_set_role          (RapportPerson  *self,
                                                 const char     *role);
int            rapport_person_get_cadence_days  (RapportPerson  *self);
void           rapport_person_set_cadence_days  (RapportPerson  *self,
                                                 int             days);
gboolean       rapport_person_get_archived      (RapportPerson  *self);
void           rapport_person_set_archived      (RapportPerson  *self,
                                                 gboolean        archived);

RapportPerson *rapport_person_create            (RapportStore   *store,
                                                 const char     *name,
                                                 const char     *role,
                                                 GError        **error);
/* With the cadence (days between meetings, 1-366) too, in one write. */
RapportPerson *rapport_person_create_full       (RapportStore   *store,
                                                 const char     *name,
                                                 const char     *role,
                                                 int             cadence_days,
                                                 GError        **error);
RapportPerson *rapport_person_load              (RapportStore   *store,
                                                 gint64          id,
                                                 GError        **error);
gboolean       rapport_person_save              (RapportPerson  *self,
                                                 RapportStore   *store,
                                                 GError        **error);
GListStore    *rapport_person_load_all          (RapportStore   *store,
                                                 GError        **error);

G_END_DECLS
