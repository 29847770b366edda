/* SPDX-License-Identifier: GPL-3.0-or-later */
/* RapportTextColumn: a row's labels one under the other, whose width does
 * not depend on the height offered (issue 12). */
#include "config.h"

#include <adwaita.h>

#include "rapport-text-column.h"
#include "test-ui-util.h"

#define LONG_TEXT "Recognise the work: ticked in 0 of the last 3 1:1s, 2 of the 3 before"

static GtkWidget *
wrapping_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

/* Asked for its width at the height of one line, a vertical GtkBox's
 * wrapping label answers with the text's whole width (the narrowest at
 * which it fits one line); the column answers as with no height. */
static void
test_width_ignores_height (void)
{
  GtkWidget *column = g_object_ref_sink (rapport_text_column_new (3));
  GtkWidget *box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 3));
  GtkWidget *label = wrapping_label (LONG_TEXT);
  int        line_height, min_free, nat_free, min_line, nat_line, box_min_line;

  rapport_text_column_append (RAPPORT_TEXT_COLUMN (column), label);
  gtk_box_append (GTK_BOX (box), wrapping_label (LONG_TEXT));

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 10000, &line_height, NULL, NULL, NULL);
  gtk_widget_measure (column, GTK_ORIENTATION_HORIZONTAL, -1, &min_free, &nat_free, NULL, NULL);
  gtk_widget_measure (column, GTK_ORIENTATION_HORIZONTAL, line_height, &min_line, &nat_line, NULL, NULL);
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, line_height, &box_min_line, NULL, NULL, NULL);

  g_assert_cmpint (min_line, ==, min_free);
  g_assert_cmpint (nat_line, ==, nat_free);
  /* What the box does instead, so that the test would see the difference. */
  g_assert_cmpint (box_min_line, >, min_free);
  g_assert_cmpint (gtk_widget_get_request_mode (column), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  g_object_unref (box);
  g_object_unref (column);
}

/* Its height at a width is its labels' heights there and the spacing, as
 * a vertical box's; each label is placed below the one before. */
static void
test_stacks_like_a_box (void)
{
  GtkWidget      *window = gtk_window_new ();
  GtkWidget      *column = rapport_text_column_new (3);
  GtkWidget      *title = wrapping_label (LONG_TEXT);
  GtkWidget      *subtitle = wrapping_label ("Sam Rivera");
  GtkWidget      *hidden = wrapping_label ("not shown");
  GtkWidget      *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  int             col_min, col_nat, box_min, box_nat;
  graphene_rect_t bounds;

  rapport_text_column_append (RAPPORT_TEXT_COLUMN (column), title);
  rapport_text_column_append (RAPPORT_TEXT_COLUMN (column), hidden);
  rapport_text_column_append (RAPPORT_TEXT_COLUMN (column), subtitle);
  gtk_widget_set_visible (hidden, FALSE);
  gtk_box_append (GTK_BOX (box), wrapping_label (LONG_TEXT));
  gtk_box_append (GTK_BOX (box), wrapping_label ("Sam Rivera"));
  g_assert_cmpstr (gtk_widget_get_css_name (column), ==, "box");

  for (int width = 100; width <= 700; width += 150)
    {
      gtk_widget_measure (column, GTK_ORIENTATION_VERTICAL, width, &col_min, &col_nat, NULL, NULL);
      gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, width, &box_min, &box_nat, NULL, NULL);
      g_assert_cmpint (col_min, ==, box_min);
      g_assert_cmpint (col_nat, ==, box_nat);
    }
  g_object_ref_sink (box);
  g_object_unref (box);

  /* At 150 px the title wraps; the subtitle sits under it, 3 px apart. */
  gtk_widget_set_size_request (column, 150, -1);
  gtk_widget_set_valign (column, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), column);
  gtk_window_set_default_size (GTK_WINDOW (window), 150, 300);
  gtk_window_present (GTK_WINDOW (window));
  for (guint waited = 0; waited < 5000 && gtk_widget_get_height (subtitle) == 0; waited += 20)
    test_ui_spin (20);
  g_assert_true (gtk_widget_compute_bounds (subtitle, column, &bounds));
  g_assert_cmpint (gtk_widget_get_height (title), >, gtk_widget_get_height (subtitle));
  g_assert_cmpfloat (bounds.origin.y, ==, gtk_widget_get_height (title) + 3);
  g_assert_cmpint (gtk_widget_get_height (column), >=, gtk_widget_get_height (title) + 3 + gtk_widget_get_height (subtitle));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/text-column/width-ignores-height", test_width_ignores_height);
  g_test_add_func ("/ui/text-column/stacks-like-a-box", test_stacks_like_a_box);
  return g_test_run ();
}
