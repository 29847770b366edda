/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-habit-dialog.h"
#include "rapport-habit-library.h"
#include "rapport-habit.h"
#include "rapport-preferences-window.h"

struct _RapportPreferencesWindow
{
  RapportPreferencesBase parent_instance;

  GtkWindow             *parent; /* weak */
  RapportStore          *store;
  GSettings             *settings;
  GListStore            *active_model;
  GListStore            *library_model;
  GListStore            *archived_model;

  AdwPreferencesGroup   *active_group;
  AdwPreferencesGroup   *library_group;
  AdwPreferencesGroup   *archived_group;
  GtkListBox            *active_list;
  GtkButton             *add_button;
  GtkListBox            *library_list;
  GtkListBox            *archived_list;
  GtkSpinButton         *neglect_spin;
  GtkSpinButton         *backup_spin;
  GtkSwitch             *system_search_switch;
  GtkSwitch             *remind_switch;

  guint                  scroll_source;
  double                 scroll_value; /* the page's, before a rebuild */
};

G_DEFINE_FINAL_TYPE (RapportPreferencesWindow, rapport_preferences_window, RAPPORT_TYPE_PREFERENCES_BASE)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum
{
  HABITS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* Which control of a row to give the focus back to after a rebuild. */
#define ROW_UP_BUTTON "rapport-up-button"
#define ROW_DOWN_BUTTON "rapport-down-button"
#define ROW_HABIT "rapport-habit"

static void
show_error (RapportPreferencesWindow *self,
            GError                   *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  rapport_preferences_add_toast ((RapportPreferencesBase *) self, toast);
  g_warning ("%s", error->message);
}

static void
replace_all (GListStore *model,
             GListStore *with)
{
  guint                n = g_list_model_get_n_items (G_LIST_MODEL (with));
  g_autofree gpointer *items = g_new0 (gpointer, n + 1);

  for (guint i = 0; i < n; i++)
    items[i] = g_list_model_get_item (G_LIST_MODEL (with), i);
  g_list_store_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)), items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
}

static GtkAdjustment *
page_adjustment (RapportPreferencesWindow *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->active_list), GTK_TYPE_SCROLLED_WINDOW);

  return scrolled != NULL ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
}

static gboolean
restore_scroll_cb (gpointer data)
{
  RapportPreferencesWindow *self = data;
  GtkAdjustment            *adjustment = page_adjustment (self);

  self->scroll_source = 0;
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, self->scroll_value);
  return G_SOURCE_REMOVE;
}

/* Rebuilding the rows lets go of the focus and the page's height for a
 * moment, and the page would jump (to the top, or to the focus). It
 * stays where the user had it: now, and once the new rows are laid out. */
static void
keep_scroll (RapportPreferencesWindow *self,
             double                    value)
{
  GtkAdjustment *adjustment = page_adjustment (self);

  if (adjustment == NULL)
    return;
  self->scroll_value = value;
  gtk_adjustment_set_value (adjustment, value);
  if (self->scroll_source == 0)
    self->scroll_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_scroll_cb, self, NULL);
}

void
rapport_preferences_window_reload (RapportPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) active = NULL;
  g_autoptr(GListStore) library = NULL;
  g_autoptr(GListStore) archived = NULL;

  g_return_if_fail (RAPPORT_IS_PREFERENCES_WINDOW (self));

  if ((active = rapport_habit_load_active (self->store, &error)) == NULL ||
      (library = rapport_habit_library_load_available (self->store, &error)) == NULL ||
      (archived = rapport_habit_library_load_archived (self->store, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }
  replace_all (self->active_model, active);
  replace_all (self->library_model, library);
  replace_all (self->archived_model, archived);

  gtk_widget_set_visible (GTK_WIDGET (self->archived_group),
                          g_list_model_get_n_items (G_LIST_MODEL (archived)) > 0);
}

/* Reloads after a write and tells the rest of the app. */
static void
changed (RapportPreferencesWindow *self)
{
  GtkAdjustment *adjustment = page_adjustment (self);
  double         value = adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;

  rapport_preferences_window_reload (self);
  keep_scroll (self, value);
  g_signal_emit (self, signals[HABITS_CHANGED], 0);
}

static GtkListBoxRow *
find_row (GtkListBox *list,
          gint64      habit_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      RapportHabit *habit = g_object_get_data (G_OBJECT (row), ROW_HABIT);

      if (habit != NULL && rapport_habit_get_id (habit) == habit_id)
        return row;
    }
  return NULL;
}

/* Moving rebuilds the rows; keep the keyboard where the user left it. */
static void
refocus (RapportPreferencesWindow *self,
         gint64                    habit_id,
         const char               *button_key)
{
  GtkListBoxRow *row = find_row (self->active_list, habit_id);
  GtkWidget     *button;

  if (row == NULL)
    return;
  button = g_object_get_data (G_OBJECT (row), button_key);
  if (button == NULL || !gtk_widget_get_sensitive (button))
    button = g_object_get_data (G_OBJECT (row),
                                g_str_equal (button_key, ROW_UP_BUTTON) ? ROW_DOWN_BUTTON : ROW_UP_BUTTON);
  if (button == NULL || !gtk_widget_get_sensitive (button) || !gtk_widget_grab_focus (button))
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* @user_data: a reference to the habit being edited, NULL when adding one. */
static void
on_dialog_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (source);
  g_autoptr(RapportHabit) editing = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *hint = NULL;
  RapportHabitKind kind;

  /* The only failure is the dialog closed without saving. */
  if (!rapport_habit_dialog_run_finish (result, &label, &hint, &kind, NULL))
    return;
  if (editing == NULL)
    {
      g_autoptr(RapportHabit) habit = rapport_habit_library_add (self->store, label, hint, kind, &error);

      if (habit == NULL)
        {
          show_error (self, error);
          return;
        }
    }
  else if (!rapport_habit_library_update (self->store, rapport_habit_get_id (editing), label, hint, kind, &error))
    {
      show_error (self, error);
      return;
    }
  changed (self);
}

static void
habit_add (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (widget);

  rapport_habit_dialog_run_async (GTK_WIDGET (self), self->store, NULL, NULL, on_dialog_done, NULL);
}

static void
habit_edit (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportHabit) habit = rapport_habit_load (self->store, g_variant_get_int64 (parameter), &error);

  if (habit == NULL)
    {
      show_error (self, error);
      return;
    }
  rapport_habit_dialog_run_async (GTK_WIDGET (self), self->store, habit, NULL, on_dialog_done,
                                  g_object_ref (habit));
}

static void
habit_move (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64   id = g_variant_get_int64 (parameter);
  gboolean up = g_str_equal (action_name, "habit.move-up");
  gboolean ok;

  ok = up ? rapport_habit_library_move_up (self->store, id, &error)
          : rapport_habit_library_move_down (self->store, id, &error);
  if (!ok)
    {
      show_error (self, error);
      return;
    }
  /* The button that has the focus goes with its row: let go of it first,
   * or GTK 4.18 drops the focus given to the new row's button too. */
  gtk_root_set_focus (gtk_widget_get_root (widget), NULL);
  changed (self);
  refocus (self, id, up ? ROW_UP_BUTTON : ROW_DOWN_BUTTON);
  /* Giving the focus back scrolls to it: the page stays as it was. */
  keep_scroll (self, self->scroll_value);
}

static void
habit_set_active (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean active = g_str_equal (action_name, "habit.switch-on");

  if (!rapport_habit_library_set_active (self->store, g_variant_get_int64 (parameter), active, &error))
    {
      show_error (self, error);
      return;
    }
  changed (self);
}

/* Drag and drop: a checklist row carries its habit; dropping it on
 * another row puts it in that row's place. */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  RapportHabit *habit = g_object_get_data (G_OBJECT (row), ROW_HABIT);

  return gdk_content_provider_new_typed (RAPPORT_TYPE_HABIT, habit);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

typedef struct
{
  RapportPreferencesWindow *self;
  gint64                    habit_id;
  guint                     position;
} Move;

static void
move_free (Move *move)
{
  g_object_unref (move->self);
  g_free (move);
}

static gboolean
move_now (gpointer data)
{
  Move *move = data;
  g_autoptr(GError) error = NULL;

  if (!rapport_habit_library_move (move->self->store, move->habit_id, move->position, &error))
    show_error (move->self, error);
  else
    changed (move->self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  GtkWidget    *window = gtk_widget_get_ancestor (row, RAPPORT_TYPE_PREFERENCES_WINDOW);
  RapportHabit *dragged;
  Move         *move;
  int           index;

  if (window == NULL || !G_VALUE_HOLDS (value, RAPPORT_TYPE_HABIT))
    return FALSE;
  dragged = g_value_get_object (value);
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (dragged == NULL || index < 0)
    return FALSE;

  /* The rows are rebuilt after a move, this one included: do it once the
   * drop has finished with it. */
  move = g_new0 (Move, 1);
  move->self = g_object_ref (RAPPORT_PREFERENCES_WINDOW (window));
  move->habit_id = rapport_habit_get_id (dragged);
  move->position = index;
  g_idle_add_full (G_PRIORITY_DEFAULT, move_now, move, (GDestroyNotify) move_free);
  return TRUE;
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *description,
             const char *action_name,
             gint64      habit_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  /* No action for a move that cannot happen: an actionable button takes
   * its sensitivity from the action. */
  if (action_name != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", habit_id);
    }
  else
    gtk_widget_set_sensitive (button, FALSE);
  return button;
}

static GtkWidget *
kind_label (RapportHabit *habit)
{
  GtkWidget *label = gtk_label_new (rapport_habit_get_kind (habit) == RAPPORT_HABIT_STRUCTURE
                                      ? _("Structure")
                                      : _("Trust"));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static AdwActionRow *
habit_row (RapportHabit *habit)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_habit_get_label (habit));
  adw_action_row_set_subtitle (row, rapport_habit_get_hint (habit));
  g_object_set_data_full (G_OBJECT (row), ROW_HABIT, g_object_ref (habit), g_object_unref);
  return row;
}

static GtkWidget *
create_active_row (gpointer item,
                   gpointer user_data)
{
  RapportPreferencesWindow *self = user_data;
  RapportHabit             *habit = item;
  AdwActionRow             *row = habit_row (habit);
  const char               *label = rapport_habit_get_label (habit);
  gint64                    id = rapport_habit_get_id (habit);
  guint                     n = g_list_model_get_n_items (G_LIST_MODEL (self->active_model));
  guint                     index = 0;
  GtkWidget                *handle, *up, *down, *edit, *off;
  GtkDragSource            *source;
  GtkDropTarget            *target;
  g_autofree char          *up_text = g_strdup_printf (_("Move “%s” up"), label);
  g_autofree char          *down_text = g_strdup_printf (_("Move “%s” down"), label);
  g_autofree char          *edit_text = g_strdup_printf (_("Edit “%s”"), label);
  g_autofree char          *off_text = rapport_habit_get_key (habit) != NULL
                                         ? g_strdup_printf (_("Move “%s” to the library"), label)
                                         : g_strdup_printf (_("Archive “%s”"), label);

  g_list_store_find (self->active_model, habit, &index);

  /* Decoration: the row and its buttons say what can be done. */
  handle = g_object_new (GTK_TYPE_IMAGE,
                         "icon-name", "list-drag-handle-symbolic",
                         "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                         NULL);
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_tooltip_text (handle, _("Drag to reorder"));
  adw_action_row_add_prefix (row, handle);

  adw_action_row_add_suffix (row, kind_label (habit));

  up = icon_button ("go-up-symbolic", up_text, index > 0 ? "habit.move-up" : NULL, id);
  adw_action_row_add_suffix (row, up);
  g_object_set_data (G_OBJECT (row), ROW_UP_BUTTON, up);

  down = icon_button ("go-down-symbolic", down_text, index + 1 < n ? "habit.move-down" : NULL, id);
  adw_action_row_add_suffix (row, down);
  g_object_set_data (G_OBJECT (row), ROW_DOWN_BUTTON, down);

  edit = icon_button ("document-edit-symbolic", edit_text, "habit.edit", id);
  adw_action_row_add_suffix (row, edit);

  off = icon_button ("list-remove-symbolic", off_text, "habit.switch-off", id);
  adw_action_row_add_suffix (row, off);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), row);
  gtk_widget_add_controller (GTK_WIDGET (row), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (RAPPORT_TYPE_HABIT, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), row);
  gtk_widget_add_controller (GTK_WIDGET (row), GTK_EVENT_CONTROLLER (target));

  return GTK_WIDGET (row);
}

static GtkWidget *
create_library_row (gpointer item,
                    gpointer user_data)
{
  RapportHabit    *habit = item;
  AdwActionRow    *row = habit_row (habit);
  g_autofree char *add_text = g_strdup_printf (_("Add “%s” to the checklist"), rapport_habit_get_label (habit));
  GtkWidget       *add;

  adw_action_row_add_suffix (row, kind_label (habit));
  add = icon_button ("list-add-symbolic", add_text, "habit.switch-on", rapport_habit_get_id (habit));
  adw_action_row_add_suffix (row, add);
  adw_action_row_set_activatable_widget (row, add);
  return GTK_WIDGET (row);
}

static GtkWidget *
create_archived_row (gpointer item,
                     gpointer user_data)
{
  RapportHabit    *habit = item;
  AdwActionRow    *row = habit_row (habit);
  const char      *label = rapport_habit_get_label (habit);
  gint64           id = rapport_habit_get_id (habit);
  g_autofree char *edit_text = g_strdup_printf (_("Edit “%s”"), label);
  g_autofree char *restore_text = g_strdup_printf (_("Restore “%s”"), label);
  GtkWidget       *restore;

  adw_action_row_add_suffix (row, kind_label (habit));
  adw_action_row_add_suffix (row, icon_button ("document-edit-symbolic", edit_text, "habit.edit", id));

  restore = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (restore, restore_text);
  /* "Restore “Tea”", not only the word it shows. */
  rapport_accessible_set_label (restore, restore_text);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "habit.switch-on");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "x", id);
  adw_action_row_add_suffix (row, restore);
  return GTK_WIDGET (row);
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

/* GTK 4.8 reads an icon with no name as its class, "GtkImage": the page
 * switcher's icons sit in buttons named after their page, so they are
 * left out for screen readers. */
static void
hide_icons_in_buttons (GtkWidget *widget,
                       gboolean   in_button)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (in_button && GTK_IS_IMAGE (child))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      hide_icons_in_buttons (child, in_button || GTK_IS_BUTTON (child));
    }
}

static void
rapport_preferences_window_constructed (GObject *object)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));
  rapport_preferences_window_reload (self);
  hide_icons_in_buttons (GTK_WIDGET (self), FALSE);
  /* GTK 4.8 reads the button's name and then its mnemonic label's text:
   * "Add Habit… Add Habit…". One. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  /* Their own names, not the titles of their rows (newer GTK would read
   * only the row's "Show Results in the System Search"). */
  rapport_accessible_set_label (GTK_WIDGET (self->neglect_spin), NULL);
  rapport_accessible_set_label (GTK_WIDGET (self->backup_spin), NULL);
  rapport_accessible_set_label (GTK_WIDGET (self->system_search_switch), NULL);
  rapport_accessible_set_label (GTK_WIDGET (self->remind_switch), NULL);
}

static void
rapport_preferences_window_dispose (GObject *object)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->scroll_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->dispose (object);
}

static void
rapport_preferences_window_finalize (GObject *object)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->active_model);
  g_clear_object (&self->library_model);
  g_clear_object (&self->archived_model);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->finalize (object);
}

static void
rapport_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_window_class_init (RapportPreferencesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_preferences_window_constructed;
  object_class->dispose = rapport_preferences_window_dispose;
  object_class->finalize = rapport_preferences_window_finalize;
  object_class->get_property = rapport_preferences_window_get_property;
  object_class->set_property = rapport_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after the checklist or the library changed in the store, so
   * the open meeting and the brief can re-read their habits. */
  signals[HABITS_CHANGED] =
    g_signal_new ("habits-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rapport-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, active_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, library_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, archived_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, active_list);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, library_list);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, archived_list);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, neglect_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, backup_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, system_search_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, remind_switch);

  gtk_widget_class_install_action (widget_class, "habit.add", NULL, habit_add);
  gtk_widget_class_install_action (widget_class, "habit.edit", "x", habit_edit);
  gtk_widget_class_install_action (widget_class, "habit.move-up", "x", habit_move);
  gtk_widget_class_install_action (widget_class, "habit.move-down", "x", habit_move);
  gtk_widget_class_install_action (widget_class, "habit.switch-on", "x", habit_set_active);
  gtk_widget_class_install_action (widget_class, "habit.switch-off", "x", habit_set_active);
}

static void
rapport_preferences_window_init (RapportPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_dialog_set_size (GTK_WIDGET (self), 640, 720);

  self->active_model = g_list_store_new (RAPPORT_TYPE_HABIT);
  self->library_model = g_list_store_new (RAPPORT_TYPE_HABIT);
  self->archived_model = g_list_store_new (RAPPORT_TYPE_HABIT);

  gtk_list_box_bind_model (self->active_list, G_LIST_MODEL (self->active_model),
                           create_active_row, self, NULL);
  gtk_list_box_bind_model (self->library_list, G_LIST_MODEL (self->library_model),
                           create_library_row, self, NULL);
  gtk_list_box_bind_model (self->archived_list, G_LIST_MODEL (self->archived_model),
                           create_archived_row, self, NULL);
  gtk_list_box_set_placeholder (self->active_list,
                                placeholder (_("No habits on the checklist. Add one from the library below or your own.")));
  gtk_list_box_set_placeholder (self->library_list,
                                placeholder (_("Every habit from the library is on the checklist.")));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "neglect-window",
                   gtk_spin_button_get_adjustment (self->neglect_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backup-keep",
                   gtk_spin_button_get_adjustment (self->backup_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-in-system-search",
                   self->system_search_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "remind-due",
                   self->remind_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

RapportPreferencesWindow *
rapport_preferences_window_new (GtkWindow    *parent,
                                RapportStore *store)
{
  RapportPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_PREFERENCES_WINDOW, "store", store, NULL);
  g_set_weak_pointer (&self->parent, parent);
  return self;
}

void
rapport_preferences_window_present (RapportPreferencesWindow *self)
{
  g_return_if_fail (RAPPORT_IS_PREFERENCES_WINDOW (self));
  rapport_dialog_present (GTK_WIDGET (self), GTK_WIDGET (self->parent));
}

void
rapport_preferences_window_close (RapportPreferencesWindow *self)
{
  g_return_if_fail (RAPPORT_IS_PREFERENCES_WINDOW (self));
  rapport_dialog_close (GTK_WIDGET (self));
}

RapportStore *
rapport_preferences_window_get_store (RapportPreferencesWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_PREFERENCES_WINDOW (self), NULL);
  return self->store;
}
