/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-search-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "rapport-search-panel.h"
#include "rapport-search.h"

/* How often a search waiting for an import's index is tried again. */
#define RETRY_INDEXING_MS 500

struct _RapportSearchPanel
{
  GtkWidget       parent_instance;

  RapportStore   *store;
  GListStore     *results;

  GtkSearchEntry *entry;
  GtkStack       *stack;
  GtkListBox     *results_list;
  AdwStatusPage  *error_page;

  guint           retry_id;
};

G_DEFINE_FINAL_TYPE (RapportSearchPanel, rapport_search_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum
{
  OPEN_RESULT,
  CLOSE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static const char *
kind_label (RapportSearchKind kind)
{
  switch (kind)
    {
    case RAPPORT_SEARCH_KIND_NOTE: return _("Notes");
    case RAPPORT_SEARCH_KIND_COMMITMENT: return _("Commitment");
    case RAPPORT_SEARCH_KIND_EVIDENCE: return _("Habit evidence");
    case RAPPORT_SEARCH_KIND_PERSON: return _("Person");
    case RAPPORT_SEARCH_KIND_TALKING_POINT: return _("Talking point");
    default: g_assert_not_reached ();
    }
}

/* "2024-03-05" as the user's locale writes a short date. */
static char *
format_date (const char *date)
{
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup ("");
  when = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (when == NULL)
    return g_strdup (date);
  /* TRANSLATORS: date of a meeting in a search result; see g_date_time_format() */
  return g_date_time_format (when, C_("search result date", "%-d %b %Y"));
}

/* The snippet without its marks, for screen readers. */
static char *
plain_snippet (const char *snippet)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = snippet; *p != '\0'; p++)
    if (*p != RAPPORT_SEARCH_MARK_START[0] && *p != RAPPORT_SEARCH_MARK_END[0])
      g_string_append_c (plain, *p);
  return g_string_free (plain, FALSE);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RapportSearchResult *result = item;
  RapportSearchKind    kind = rapport_search_result_get_kind (result);
  const char          *snippet = rapport_search_result_get_snippet (result);
  g_autofree char     *date = format_date (rapport_search_result_get_date (result));
  g_autofree char     *markup = rapport_search_snippet_to_markup (snippet);
  g_autofree char     *plain = plain_snippet (snippet);
  g_autofree char     *accessible = NULL;
  GtkWidget           *row, *box, *top, *person, *kind_widget, *date_widget, *text;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  person = gtk_label_new (rapport_search_result_get_person_name (result));
  gtk_label_set_xalign (GTK_LABEL (person), 0);
  gtk_label_set_ellipsize (GTK_LABEL (person), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (person, TRUE);
  gtk_widget_add_css_class (person, "heading");
  gtk_box_append (GTK_BOX (top), person);

  kind_widget = gtk_label_new (kind_label (kind));
  gtk_widget_add_css_class (kind_widget, "caption");
  gtk_widget_add_css_class (kind_widget, "dim-label");
  gtk_box_append (GTK_BOX (top), kind_widget);

  date_widget = gtk_label_new (date);
  gtk_widget_add_css_class (date_widget, "caption");
  gtk_widget_add_css_class (date_widget, "dim-label");
  gtk_widget_add_css_class (date_widget, "numeric");
  gtk_widget_set_visible (date_widget, date[0] != '\0');
  gtk_box_append (GTK_BOX (top), date_widget);
  gtk_box_append (GTK_BOX (box), top);

  if (kind != RAPPORT_SEARCH_KIND_PERSON)
    {
      text = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (text), markup);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (text), 3);
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), text);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  if (kind == RAPPORT_SEARCH_KIND_PERSON)
    /* TRANSLATORS: accessible name of a search result: person's name, "Person" */
    accessible = g_strdup_printf (C_("search result", "%s, %s"),
                                  rapport_search_result_get_person_name (result),
                                  kind_label (kind));
  else
    /* TRANSLATORS: accessible name of a search result: name, date, kind: text */
    accessible = g_strdup_printf (C_("search result", "%s, %s, %s: %s"),
                                  rapport_search_result_get_person_name (result),
                                  date, kind_label (kind), plain);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (row, plain[0] != '\0' ? plain : NULL);
  return row;
}

static void run_search (RapportSearchPanel *self);

static gboolean
on_retry (gpointer data)
{
  RapportSearchPanel *self = data;

  self->retry_id = 0;
  run_search (self);
  return G_SOURCE_REMOVE;
}

static void
run_search (RapportSearchPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) found = NULL;
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *query = rapport_search_build_query (text);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (query == NULL || self->store == NULL)
    {
      g_list_store_remove_all (self->results);
      gtk_stack_set_visible_child_name (self->stack, "idle");
      return;
    }

  found = rapport_search_run (self->store, text, RAPPORT_SEARCH_PANEL_LIMIT, &error);
  if (found == NULL)
    {
      gboolean indexing = g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INDEXING);

      g_list_store_remove_all (self->results);
      adw_status_page_set_title (self->error_page, indexing ? _("Still Indexing") : _("Search Failed"));
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      /* Right after a large import its search indexes are filled in the
       * background (a few seconds): not a failure, and the results come
       * by themselves once the index is there. */
      if (indexing)
        self->retry_id = g_timeout_add (RETRY_INDEXING_MS, on_retry, self);
      else
        g_warning ("Search for “%s” failed: %s", text, error->message);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (found));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (found), i));
  g_list_store_splice (self->results, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "results" : "empty");
}

static void
open_result (RapportSearchPanel *self,
             guint               index)
{
  g_autoptr(RapportSearchResult) result = NULL;

  result = g_list_model_get_item (G_LIST_MODEL (self->results), index);
  if (result == NULL)
    return;
  g_signal_emit (self, signals[OPEN_RESULT], 0,
                 rapport_search_result_get_person_id (result),
                 rapport_search_result_get_meeting_id (result),
                 rapport_search_result_get_match_offset (result),
                 rapport_search_result_get_match_length (result));
}

static void
on_search_changed (RapportSearchPanel *self)
{
  run_search (self);
}

static void
on_entry_activate (RapportSearchPanel *self)
{
  GtkListBoxRow *row;

  /* The search delay may not have run out yet. */
  run_search (self);
  row = gtk_list_box_get_selected_row (self->results_list);
  open_result (self, row != NULL ? (guint) gtk_list_box_row_get_index (row) : 0);
}

static void
on_stop_search (RapportSearchPanel *self)
{
  g_signal_emit (self, signals[CLOSE_REQUESTED], 0);
}

static void
on_row_activated (RapportSearchPanel *self,
                  GtkListBoxRow      *row)
{
  open_result (self, gtk_list_box_row_get_index (row));
}

/* Down from the entry goes into the results. */
static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      RapportSearchPanel    *self)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (first == NULL)
    return FALSE;
  gtk_list_box_select_row (self->results_list, first);
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

static void
rapport_search_panel_dispose (GObject *object)
{
  RapportSearchPanel *self = RAPPORT_SEARCH_PANEL (object);

  g_clear_handle_id (&self->retry_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_SEARCH_PANEL);
  g_clear_object (&self->results);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_search_panel_parent_class)->dispose (object);
}

static void
rapport_search_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportSearchPanel *self = RAPPORT_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_search_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportSearchPanel *self = RAPPORT_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_search_panel_class_init (RapportSearchPanelClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_search_panel_dispose;
  object_class->get_property = rapport_search_panel_get_property;
  object_class->set_property = rapport_search_panel_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportSearchPanel::open-result:
   * @person_id: the person of the result
   * @meeting_id: the meeting, 0 when a person's name matched
   * @offset: character offset of the first match in the meeting's notes,
   *   -1 when the match is in a commitment, evidence or a name
   * @length: characters matched at @offset, 0 with no offset
   */
  signals[OPEN_RESULT] =
    g_signal_new ("open-result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT, G_TYPE_INT);
  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rapport-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportSearchPanel, entry);
  gtk_widget_class_bind_template_child (widget_class, RapportSearchPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportSearchPanel, results_list);
  gtk_widget_class_bind_template_child (widget_class, RapportSearchPanel, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_css_name (widget_class, "rapport-search-panel");
}

static void
rapport_search_panel_init (RapportSearchPanel *self)
{
  GtkEventController *keys;

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->results = g_list_store_new (RAPPORT_TYPE_SEARCH_RESULT);
  gtk_list_box_bind_model (self->results_list, G_LIST_MODEL (self->results),
                           create_row, NULL, NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
}

GtkWidget *
rapport_search_panel_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_SEARCH_PANEL, "store", store, NULL);
}

void
rapport_search_panel_focus (RapportSearchPanel *self)
{
  g_return_if_fail (RAPPORT_IS_SEARCH_PANEL (self));

  run_search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
rapport_search_panel_set_text (RapportSearchPanel *self,
                               const char         *text)
{
  g_return_if_fail (RAPPORT_IS_SEARCH_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  run_search (self);
}

const char *
rapport_search_panel_get_text (RapportSearchPanel *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_PANEL (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
rapport_search_panel_refresh (RapportSearchPanel *self)
{
  g_return_if_fail (RAPPORT_IS_SEARCH_PANEL (self));
  run_search (self);
}

GListModel *
rapport_search_panel_get_results (RapportSearchPanel *self)
{
  g_return_val_if_fail (RAPPORT_IS_SEARCH_PANEL (self), NULL);
  return G_LIST_MODEL (self->results);
}
