/* SPDX-License-Identifier: GPL-3.0-or-later */
/* RapportAvatar: initials in a coloured circle, as AdwAvatar draws them
 * but in one font size for every person (issue 12). */
#include "config.h"

#include <adwaita.h>

#include "rapport-avatar.h"
#include "test-ui-util.h"

static const char *const names[] = {
  "Ada Lovelace",
  "Mei Wong",
  "Jonas Schmidt",
  "Olu Adeyemi",
  "Wanda Miller",
  "Ida Ilves",
  "li wei",
  "Ünal",
  "Maria Wójcik",
  "Person 07",
};

static void
test_initials (void)
{
  static const struct
  {
    const char *text;
    const char *initials;
  } cases[] = {
    { "Ada Lovelace", "AL" },
    { "  ada   byron  lovelace  ", "AL" },
    { "li wei", "LW" },
    { "Ünal", "Ü" },
    { "Émile Zola", "ÉZ" },
    { "", "" },
    { "   ", "" },
    { NULL, "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *initials = rapport_avatar_dup_initials (cases[i].text);

      g_assert_cmpstr (initials, ==, cases[i].initials);
    }
}

/* AdwAvatar's colour class is on its first child, an AdwGizmo "avatar". */
static const char *
adw_color_class (GtkWidget *avatar)
{
  GtkWidget *gizmo = gtk_widget_get_first_child (avatar);
  g_auto (GStrv) classes = gtk_widget_get_css_classes (gizmo);
  static char found[16];

  found[0] = '\0';
  for (guint i = 0; classes[i] != NULL; i++)
    if (g_str_has_prefix (classes[i], "color"))
      g_strlcpy (found, classes[i], sizeof found);
  return found;
}

/* Each person keeps the colour and the initials AdwAvatar gave them. */
static void
test_same_as_adw_avatar (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget       *ours = g_object_ref_sink (rapport_avatar_new (32));
      GtkWidget       *adw = g_object_ref_sink (adw_avatar_new (32, names[i], TRUE));
      GtkWidget       *label = test_ui_find_type (adw, GTK_TYPE_LABEL);
      g_autofree char *initials = rapport_avatar_dup_initials (names[i]);
      const char      *color = adw_color_class (adw);

      rapport_avatar_set_text (RAPPORT_AVATAR (ours), names[i]);
      g_assert_cmpstr (rapport_avatar_get_text (RAPPORT_AVATAR (ours)), ==, names[i]);
      g_assert_cmpstr (gtk_widget_get_css_name (ours), ==, "avatar");
      g_assert_true (g_str_has_prefix (color, "color"));
      g_assert_true (gtk_widget_has_css_class (ours, color));
      g_assert_cmpstr (initials, ==, gtk_label_get_label (GTK_LABEL (label)));

      /* A new text takes the new colour off the old one. */
      rapport_avatar_set_text (RAPPORT_AVATAR (ours), "Someone Else");
      if (g_strcmp0 (adw_color_class (adw), color) != 0)
        g_assert_false (gtk_widget_has_css_class (ours, color));
      g_object_unref (adw);
      g_object_unref (ours);
    }
}

/* Every avatar's initials are laid out in one font, whatever their width;
 * AdwAvatar sizes each pair to fit, a font size for each width. */
static void
test_one_font_size (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *adw_wide = adw_avatar_new (32, "Mei Wong", TRUE);
  GtkWidget *adw_narrow = adw_avatar_new (32, "Ida Ilves", TRUE);
  GtkWidget *wide = rapport_avatar_new (32);
  GtkWidget *narrow = rapport_avatar_new (32);
  int        heights[4];
  GtkWidget *labels[4];

  rapport_avatar_set_text (RAPPORT_AVATAR (wide), "Mei Wong");
  rapport_avatar_set_text (RAPPORT_AVATAR (narrow), "Ida Ilves");
  gtk_box_append (GTK_BOX (box), adw_wide);
  gtk_box_append (GTK_BOX (box), adw_narrow);
  gtk_box_append (GTK_BOX (box), wide);
  gtk_box_append (GTK_BOX (box), narrow);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_spin (100);

  labels[0] = test_ui_find_type (adw_wide, GTK_TYPE_LABEL);
  labels[1] = test_ui_find_type (adw_narrow, GTK_TYPE_LABEL);
  labels[2] = test_ui_find_type (wide, GTK_TYPE_LABEL);
  labels[3] = test_ui_find_type (narrow, GTK_TYPE_LABEL);
  for (int i = 0; i < 4; i++)
    gtk_widget_measure (labels[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &heights[i], NULL, NULL);
  g_assert_cmpint (heights[0], !=, heights[1]);
  g_assert_cmpint (heights[2], ==, heights[3]);
  g_assert_true (gtk_widget_has_css_class (labels[2], "caption-heading"));

  /* The circle is the size asked for. */
  g_assert_cmpint (gtk_widget_get_width (wide), ==, 32);
  g_assert_cmpint (gtk_widget_get_height (wide), ==, 32);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/avatar/initials", test_initials);
  g_test_add_func ("/ui/avatar/same-as-adw-avatar", test_same_as_adw_avatar);
  g_test_add_func ("/ui/avatar/one-font-size", test_one_font_size);
  return g_test_run ();
}
