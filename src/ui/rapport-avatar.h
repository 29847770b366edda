/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_AVATAR (rapport_avatar_get_type ())
G_DECLARE_FINAL_TYPE (RapportAvatar, rapport_avatar, RAPPORT, AVATAR, GtkWidget)

/* A person's initials in a coloured circle, drawn as AdwAvatar draws one
 * (its CSS node is "avatar" with one of Adwaita's classes color1 to
 * color14, picked from the name as AdwAvatar picks it), with the initials
 * always in .caption-heading's font.
 *
 * AdwAvatar sizes the font of each person's initials to their width, so
 * every pair of initials of a new width is a font size Pango has not
 * loaded yet: a fontconfig look-up and a new fontset, about 6 M
 * instructions each before the first frame (six of them for This Week's
 * first eight rows with real names). One size, one look-up. */

GtkWidget  *rapport_avatar_new          (int            size);
void        rapport_avatar_set_text     (RapportAvatar *self,
                                         const char    *text);
const char *rapport_avatar_get_text     (RapportAvatar *self);
/* The initials shown for @text: the first letter of its first word and of
 * its last, in upper case; "" for a text without a word. */
char       *rapport_avatar_dup_initials (const char    *text);

G_END_DECLS
