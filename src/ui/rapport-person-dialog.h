/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-person.h"

G_BEGIN_DECLS

/* Called with the values the user confirmed. */
typedef void (*RapportPersonDialogDone) (const char *name,
                                         const char *role,
                                         int         cadence_days,
                                         gpointer    user_data);

/* Asks for a name, a role and how often they meet; @person NULL adds a new
 * person, otherwise its values are shown for editing. */
void rapport_person_dialog_present (GtkWindow               *parent,
                                    RapportPerson           *person,
                                    RapportPersonDialogDone  done,
                                    gpointer                 user_data);

G_END_DECLS
