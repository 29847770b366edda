/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-window-layout"

#include "config.h"

#include "rapport-window-layout.h"

/* Both containers hold one internal child and size themselves after it,
 * except that on the newer widgets the breakpoint bin between them has no
 * minimum width of its own (it collapses instead): the minimum width is
 * the container's "width-request", set where it is used. */

static void
measure_child (GtkWidget     *child,
               GtkOrientation orientation,
               int            for_size,
               int           *minimum,
               int           *natural)
{
  int min = 0, nat = 0;

  gtk_widget_measure (child, orientation, for_size, &min, &nat, NULL, NULL);
  *minimum = min;
  *natural = nat;
}

/* Folding happens while a container is allocated, and what follows it (the
 * bindings and handlers of "collapsed") shows and hides buttons: a widget
 * shown during the allocation of its parent's sibling is drawn before it
 * has a size, which GTK warns about. So the public "collapsed" follows the
 * internal state at the start of the next frame, before its layout (an
 * idle would wait for the folding animation). */

#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
/* A breakpoint bin around @child that sets @property of @child to TRUE
 * while the bin is no wider than @width sp; returns the bin, @breakpoint
 * borrowed from it. */
static GtkWidget *
collapsing_bin_new (GtkWidget      *child,
                    const char     *property,
                    AdwBreakpoint **breakpoint)
{
  GtkWidget *bin = adw_breakpoint_bin_new ();

  /* The bin warns without a size request; the real minimum is ours. */
  gtk_widget_set_size_request (bin, 1, 1);
  adw_breakpoint_bin_set_child (ADW_BREAKPOINT_BIN (bin), child);
  *breakpoint = adw_breakpoint_new (adw_breakpoint_condition_new_length (ADW_BREAKPOINT_CONDITION_MAX_WIDTH,
                                                                         0, ADW_LENGTH_UNIT_SP));
  adw_breakpoint_add_setters (*breakpoint, G_OBJECT (child), property, TRUE, NULL);
  adw_breakpoint_bin_add_breakpoint (ADW_BREAKPOINT_BIN (bin), *breakpoint);
  return bin;
}

static void
set_collapse_width (AdwBreakpoint *breakpoint,
                    int            width)
{
  adw_breakpoint_set_condition (breakpoint,
                                adw_breakpoint_condition_new_length (ADW_BREAKPOINT_CONDITION_MAX_WIDTH,
                                                                     width, ADW_LENGTH_UNIT_SP));
}
#endif

/* ---- RapportNavigationSplit ---- */

struct _RapportNavigationSplit
{
  GtkWidget  parent_instance;

  /* Owned */
  char      *sidebar_title;
  char      *content_title;

  /* Borrowed: the pages' parts, held by the internal widgets */
  GtkWidget *sidebar;
  GtkWidget *sidebar_header;
  GtkWidget *content;
  GtkWidget *content_header;

  /* Internal children */
  GtkWidget *child; /* the bin or the leaflet */
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  AdwNavigationSplitView *split;
  AdwNavigationPage      *sidebar_page;
  AdwNavigationPage      *content_page;
  AdwToolbarView         *sidebar_view;
  AdwToolbarView         *content_view;
  AdwBreakpoint          *breakpoint;
#else
  AdwLeaflet *leaflet;
  GtkBox     *sidebar_box;
  GtkBox     *content_box;
#endif

  /* State */
  int      collapse_width;
  gboolean collapsed; /* as last notified */
  guint    collapsed_source;
};

G_DEFINE_FINAL_TYPE (RapportNavigationSplit, rapport_navigation_split, GTK_TYPE_WIDGET)

enum
{
  NAV_PROP_0,
  NAV_PROP_SIDEBAR,
  NAV_PROP_SIDEBAR_HEADER,
  NAV_PROP_SIDEBAR_TITLE,
  NAV_PROP_CONTENT,
  NAV_PROP_CONTENT_HEADER,
  NAV_PROP_CONTENT_TITLE,
  NAV_PROP_COLLAPSE_WIDTH,
  NAV_PROP_COLLAPSED,
  NAV_PROP_SHOW_CONTENT,
  NAV_PROP_NEEDS_BACK_BUTTON,
  NAV_N_PROPS
};

static GParamSpec *nav_properties[NAV_N_PROPS];

#if !RAPPORT_HAVE_ADW_SPLIT_VIEWS
/* Puts @widget in @box in place of *@slot, first or last. */
static void
set_box_slot (GtkBox     *box,
              GtkWidget **slot,
              GtkWidget  *widget,
              gboolean    first)
{
  if (*slot != NULL)
    gtk_box_remove (box, *slot);
  *slot = widget;
  if (widget == NULL)
    return;
  if (first)
    gtk_box_prepend (box, widget);
  else
    gtk_box_append (box, widget);
}
#endif

static void
nav_set_part (RapportNavigationSplit *self,
              guint                   prop_id,
              GtkWidget              *widget)
{
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  switch (prop_id)
    {
    case NAV_PROP_SIDEBAR:
      self->sidebar = widget;
      adw_toolbar_view_set_content (self->sidebar_view, widget);
      break;
    case NAV_PROP_CONTENT:
      self->content = widget;
      adw_toolbar_view_set_content (self->content_view, widget);
      break;
    case NAV_PROP_SIDEBAR_HEADER:
      if (self->sidebar_header != NULL)
        adw_toolbar_view_remove (self->sidebar_view, self->sidebar_header);
      self->sidebar_header = widget;
      if (widget != NULL)
        adw_toolbar_view_add_top_bar (self->sidebar_view, widget);
      break;
    case NAV_PROP_CONTENT_HEADER:
      if (self->content_header != NULL)
        adw_toolbar_view_remove (self->content_view, self->content_header);
      self->content_header = widget;
      if (widget != NULL)
        adw_toolbar_view_add_top_bar (self->content_view, widget);
      break;
    default:
      g_assert_not_reached ();
    }
#else
  switch (prop_id)
    {
    case NAV_PROP_SIDEBAR:
      set_box_slot (self->sidebar_box, &self->sidebar, widget, FALSE);
      break;
    case NAV_PROP_CONTENT:
      set_box_slot (self->content_box, &self->content, widget, FALSE);
      break;
    case NAV_PROP_SIDEBAR_HEADER:
      set_box_slot (self->sidebar_box, &self->sidebar_header, widget, TRUE);
      break;
    case NAV_PROP_CONTENT_HEADER:
      set_box_slot (self->content_box, &self->content_header, widget, TRUE);
      break;
    default:
      g_assert_not_reached ();
    }
#endif
  g_object_notify_by_pspec (G_OBJECT (self), nav_properties[prop_id]);
}

static gboolean
nav_get_folded (RapportNavigationSplit *self)
{
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  return adw_navigation_split_view_get_collapsed (self->split);
#else
  return adw_leaflet_get_folded (self->leaflet);
#endif
}

gboolean
rapport_navigation_split_get_collapsed (RapportNavigationSplit *self)
{
  g_return_val_if_fail (RAPPORT_IS_NAVIGATION_SPLIT (self), FALSE);
  return self->collapsed;
}

gboolean
rapport_navigation_split_get_show_content (RapportNavigationSplit *self)
{
  g_return_val_if_fail (RAPPORT_IS_NAVIGATION_SPLIT (self), FALSE);
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  return adw_navigation_split_view_get_show_content (self->split);
#else
  return adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->content_box);
#endif
}

void
rapport_navigation_split_set_show_content (RapportNavigationSplit *self,
                                           gboolean                show_content)
{
  g_return_if_fail (RAPPORT_IS_NAVIGATION_SPLIT (self));
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  adw_navigation_split_view_set_show_content (self->split, show_content);
#else
  adw_leaflet_set_visible_child (self->leaflet,
                                 show_content ? GTK_WIDGET (self->content_box) : GTK_WIDGET (self->sidebar_box));
#endif
}

gboolean
rapport_navigation_split_get_needs_back_button (RapportNavigationSplit *self)
{
  g_return_val_if_fail (RAPPORT_IS_NAVIGATION_SPLIT (self), FALSE);
  /* The newer header bar shows its own back button in a collapsed split. */
  return !RAPPORT_HAVE_ADW_SPLIT_VIEWS && rapport_navigation_split_get_collapsed (self);
}

static gboolean
nav_notify_collapsed (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  RapportNavigationSplit *self = data;

  self->collapsed_source = 0;
  if (self->collapsed == nav_get_folded (self))
    return G_SOURCE_REMOVE;
  self->collapsed = !self->collapsed;
  g_object_notify_by_pspec (G_OBJECT (self), nav_properties[NAV_PROP_COLLAPSED]);
  g_object_notify_by_pspec (G_OBJECT (self), nav_properties[NAV_PROP_NEEDS_BACK_BUTTON]);
  return G_SOURCE_REMOVE;
}

static void
on_nav_collapsed (RapportNavigationSplit *self)
{
  if (self->collapsed_source == 0)
    self->collapsed_source = gtk_widget_add_tick_callback (GTK_WIDGET (self), nav_notify_collapsed, self, NULL);
}

static void
on_nav_show_content (RapportNavigationSplit *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), nav_properties[NAV_PROP_SHOW_CONTENT]);
}

#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
/* A page must have a title (libadwaita warns without one): it names the
 * way back and the page for screen readers. Until the caller gives one,
 * it is the application's name. */
static const char *
page_title (const char *title)
{
  if (title != NULL && *title != '\0')
    return title;
  title = g_get_application_name ();
  return title != NULL && *title != '\0' ? title : "…";
}
#endif

static void
nav_set_title (RapportNavigationSplit *self,
               guint                   prop_id,
               const char             *title)
{
  char **field = prop_id == NAV_PROP_SIDEBAR_TITLE ? &self->sidebar_title : &self->content_title;

  if (g_strcmp0 (*field, title) == 0)
    return;
  g_free (*field);
  *field = g_strdup (title);
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  adw_navigation_page_set_title (prop_id == NAV_PROP_SIDEBAR_TITLE ? self->sidebar_page : self->content_page,
                                 page_title (title));
#endif
  g_object_notify_by_pspec (G_OBJECT (self), nav_properties[prop_id]);
}

static void
nav_set_collapse_width (RapportNavigationSplit *self,
                        int                     width)
{
  if (self->collapse_width == width)
    return;
  self->collapse_width = width;
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  set_collapse_width (self->breakpoint, width);
#endif
  g_object_notify_by_pspec (G_OBJECT (self), nav_properties[NAV_PROP_COLLAPSE_WIDTH]);
}

static void
rapport_navigation_split_measure (GtkWidget     *widget,
                                  GtkOrientation orientation,
                                  int            for_size,
                                  int           *minimum,
                                  int           *natural,
                                  int           *minimum_baseline,
                                  int           *natural_baseline)
{
  RapportNavigationSplit *self = RAPPORT_NAVIGATION_SPLIT (widget);

  measure_child (self->child, orientation, for_size, minimum, natural);
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  /* The bin has no minimum height either; the split's is ours. */
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      int min, nat;

      measure_child (GTK_WIDGET (self->split), orientation, -1, &min, &nat);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, *minimum);
    }
#endif
}

static void
rapport_navigation_split_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  gtk_widget_allocate (RAPPORT_NAVIGATION_SPLIT (widget)->child, width, height, baseline, NULL);
}

static void
rapport_navigation_split_dispose (GObject *object)
{
  RapportNavigationSplit *self = RAPPORT_NAVIGATION_SPLIT (object);

  if (self->collapsed_source != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->collapsed_source);
  self->collapsed_source = 0;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->sidebar = self->sidebar_header = self->content = self->content_header = NULL;

  G_OBJECT_CLASS (rapport_navigation_split_parent_class)->dispose (object);
}

static void
rapport_navigation_split_finalize (GObject *object)
{
  RapportNavigationSplit *self = RAPPORT_NAVIGATION_SPLIT (object);

  g_free (self->sidebar_title);
  g_free (self->content_title);

  G_OBJECT_CLASS (rapport_navigation_split_parent_class)->finalize (object);
}

static void
rapport_navigation_split_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  RapportNavigationSplit *self = RAPPORT_NAVIGATION_SPLIT (object);

  switch (prop_id)
    {
    case NAV_PROP_SIDEBAR: g_value_set_object (value, self->sidebar); break;
    case NAV_PROP_SIDEBAR_HEADER: g_value_set_object (value, self->sidebar_header); break;
    case NAV_PROP_SIDEBAR_TITLE: g_value_set_string (value, self->sidebar_title); break;
    case NAV_PROP_CONTENT: g_value_set_object (value, self->content); break;
    case NAV_PROP_CONTENT_HEADER: g_value_set_object (value, self->content_header); break;
    case NAV_PROP_CONTENT_TITLE: g_value_set_string (value, self->content_title); break;
    case NAV_PROP_COLLAPSE_WIDTH: g_value_set_int (value, self->collapse_width); break;
    case NAV_PROP_COLLAPSED: g_value_set_boolean (value, rapport_navigation_split_get_collapsed (self)); break;
    case NAV_PROP_SHOW_CONTENT: g_value_set_boolean (value, rapport_navigation_split_get_show_content (self)); break;
    case NAV_PROP_NEEDS_BACK_BUTTON: g_value_set_boolean (value, rapport_navigation_split_get_needs_back_button (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_navigation_split_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  RapportNavigationSplit *self = RAPPORT_NAVIGATION_SPLIT (object);

  switch (prop_id)
    {
    case NAV_PROP_SIDEBAR:
    case NAV_PROP_SIDEBAR_HEADER:
    case NAV_PROP_CONTENT:
    case NAV_PROP_CONTENT_HEADER:
      nav_set_part (self, prop_id, g_value_get_object (value));
      break;
    case NAV_PROP_SIDEBAR_TITLE:
    case NAV_PROP_CONTENT_TITLE:
      nav_set_title (self, prop_id, g_value_get_string (value));
      break;
    case NAV_PROP_COLLAPSE_WIDTH: nav_set_collapse_width (self, g_value_get_int (value)); break;
    case NAV_PROP_SHOW_CONTENT: rapport_navigation_split_set_show_content (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_navigation_split_class_init (RapportNavigationSplitClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass   *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags part = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rapport_navigation_split_dispose;
  object_class->finalize = rapport_navigation_split_finalize;
  object_class->get_property = rapport_navigation_split_get_property;
  object_class->set_property = rapport_navigation_split_set_property;
  widget_class->measure = rapport_navigation_split_measure;
  widget_class->size_allocate = rapport_navigation_split_size_allocate;

  nav_properties[NAV_PROP_SIDEBAR] =
    g_param_spec_object ("sidebar", NULL, NULL, GTK_TYPE_WIDGET, part);
  nav_properties[NAV_PROP_SIDEBAR_HEADER] =
    g_param_spec_object ("sidebar-header", NULL, NULL, GTK_TYPE_WIDGET, part);
  nav_properties[NAV_PROP_SIDEBAR_TITLE] =
    g_param_spec_string ("sidebar-title", NULL, NULL, NULL, part);
  nav_properties[NAV_PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET, part);
  nav_properties[NAV_PROP_CONTENT_HEADER] =
    g_param_spec_object ("content-header", NULL, NULL, GTK_TYPE_WIDGET, part);
  nav_properties[NAV_PROP_CONTENT_TITLE] =
    g_param_spec_string ("content-title", NULL, NULL, NULL, part);
  nav_properties[NAV_PROP_COLLAPSE_WIDTH] =
    g_param_spec_int ("collapse-width", NULL, NULL, 0, G_MAXINT, 0, part);
  nav_properties[NAV_PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  nav_properties[NAV_PROP_SHOW_CONTENT] =
    g_param_spec_boolean ("show-content", NULL, NULL, FALSE, part);
  nav_properties[NAV_PROP_NEEDS_BACK_BUTTON] =
    g_param_spec_boolean ("needs-back-button", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, NAV_N_PROPS, nav_properties);

  gtk_widget_class_set_css_name (widget_class, "navigationsplit");
}

static void
rapport_navigation_split_init (RapportNavigationSplit *self)
{
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  self->split = ADW_NAVIGATION_SPLIT_VIEW (adw_navigation_split_view_new ());
  self->sidebar_view = ADW_TOOLBAR_VIEW (adw_toolbar_view_new ());
  self->content_view = ADW_TOOLBAR_VIEW (adw_toolbar_view_new ());
  self->sidebar_page = adw_navigation_page_new (GTK_WIDGET (self->sidebar_view), page_title (NULL));
  self->content_page = adw_navigation_page_new (GTK_WIDGET (self->content_view), page_title (NULL));
  adw_navigation_split_view_set_sidebar (self->split, self->sidebar_page);
  adw_navigation_split_view_set_content (self->split, self->content_page);
  self->child = collapsing_bin_new (GTK_WIDGET (self->split), "collapsed", &self->breakpoint);
  g_signal_connect_object (self->split, "notify::collapsed",
                           G_CALLBACK (on_nav_collapsed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->split, "notify::show-content",
                           G_CALLBACK (on_nav_show_content), self, G_CONNECT_SWAPPED);
#else
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  self->sidebar_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  self->content_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_widget_set_hexpand (GTK_WIDGET (self->content_box), TRUE);
  gtk_widget_add_css_class (separator, "sidebar");
  adw_leaflet_append (self->leaflet, GTK_WIDGET (self->sidebar_box));
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, separator), FALSE);
  adw_leaflet_append (self->leaflet, GTK_WIDGET (self->content_box));
  self->child = GTK_WIDGET (self->leaflet);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (on_nav_collapsed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (on_nav_show_content), self, G_CONNECT_SWAPPED);
#endif
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
}

/* ---- RapportOverlaySplit ---- */

struct _RapportOverlaySplit
{
  GtkWidget  parent_instance;

  /* Borrowed: held by the internal widgets */
  GtkWidget *sidebar;
  GtkWidget *content;

  /* Internal children */
  GtkWidget *child; /* the bin or the flap */
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  AdwOverlaySplitView *split;
  AdwBreakpoint       *breakpoint;
#else
  AdwFlap *flap;
#endif

  /* State */
  int      collapse_width;
  int      min_sidebar_width;
  int      max_sidebar_width;
  gboolean collapsed; /* as last notified */
  guint    collapsed_source;
};

G_DEFINE_FINAL_TYPE (RapportOverlaySplit, rapport_overlay_split, GTK_TYPE_WIDGET)

enum
{
  OVL_PROP_0,
  OVL_PROP_SIDEBAR,
  OVL_PROP_CONTENT,
  OVL_PROP_SIDEBAR_POSITION,
  OVL_PROP_MIN_SIDEBAR_WIDTH,
  OVL_PROP_MAX_SIDEBAR_WIDTH,
  OVL_PROP_COLLAPSE_WIDTH,
  OVL_PROP_SWIPE_TO_OPEN,
  OVL_PROP_COLLAPSED,
  OVL_PROP_SHOW_SIDEBAR,
  OVL_N_PROPS
};

static GParamSpec *ovl_properties[OVL_N_PROPS];

static gboolean
ovl_get_folded (RapportOverlaySplit *self)
{
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  return adw_overlay_split_view_get_collapsed (self->split);
#else
  return adw_flap_get_folded (self->flap);
#endif
}

gboolean
rapport_overlay_split_get_collapsed (RapportOverlaySplit *self)
{
  g_return_val_if_fail (RAPPORT_IS_OVERLAY_SPLIT (self), FALSE);
  return self->collapsed;
}

gboolean
rapport_overlay_split_get_show_sidebar (RapportOverlaySplit *self)
{
  g_return_val_if_fail (RAPPORT_IS_OVERLAY_SPLIT (self), FALSE);
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  return adw_overlay_split_view_get_show_sidebar (self->split);
#else
  return adw_flap_get_reveal_flap (self->flap);
#endif
}

void
rapport_overlay_split_set_show_sidebar (RapportOverlaySplit *self,
                                        gboolean             show_sidebar)
{
  g_return_if_fail (RAPPORT_IS_OVERLAY_SPLIT (self));
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  adw_overlay_split_view_set_show_sidebar (self->split, show_sidebar);
#else
  adw_flap_set_reveal_flap (self->flap, show_sidebar);
#endif
}

static GtkPackType
ovl_get_position (RapportOverlaySplit *self)
{
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  return adw_overlay_split_view_get_sidebar_position (self->split);
#else
  return adw_flap_get_flap_position (self->flap);
#endif
}

static gboolean
ovl_get_swipe_to_open (RapportOverlaySplit *self)
{
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  return adw_overlay_split_view_get_enable_show_gesture (self->split);
#else
  return adw_flap_get_swipe_to_open (self->flap);
#endif
}

static void
ovl_set (RapportOverlaySplit *self,
         guint                prop_id,
         const GValue        *value)
{
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  switch (prop_id)
    {
    case OVL_PROP_SIDEBAR:
      self->sidebar = g_value_get_object (value);
      adw_overlay_split_view_set_sidebar (self->split, self->sidebar);
      break;
    case OVL_PROP_CONTENT:
      self->content = g_value_get_object (value);
      adw_overlay_split_view_set_content (self->split, self->content);
      break;
    case OVL_PROP_SIDEBAR_POSITION:
      adw_overlay_split_view_set_sidebar_position (self->split, g_value_get_enum (value));
      break;
    case OVL_PROP_MIN_SIDEBAR_WIDTH:
      self->min_sidebar_width = g_value_get_int (value);
      adw_overlay_split_view_set_min_sidebar_width (self->split, self->min_sidebar_width);
      break;
    case OVL_PROP_MAX_SIDEBAR_WIDTH:
      self->max_sidebar_width = g_value_get_int (value);
      adw_overlay_split_view_set_max_sidebar_width (self->split, self->max_sidebar_width);
      break;
    case OVL_PROP_COLLAPSE_WIDTH:
      self->collapse_width = g_value_get_int (value);
      set_collapse_width (self->breakpoint, self->collapse_width);
      break;
    case OVL_PROP_SWIPE_TO_OPEN:
      adw_overlay_split_view_set_enable_show_gesture (self->split, g_value_get_boolean (value));
      break;
    default:
      g_assert_not_reached ();
    }
#else
  switch (prop_id)
    {
    case OVL_PROP_SIDEBAR:
      self->sidebar = g_value_get_object (value);
      adw_flap_set_flap (self->flap, self->sidebar);
      break;
    case OVL_PROP_CONTENT:
      self->content = g_value_get_object (value);
      adw_flap_set_content (self->flap, self->content);
      break;
    case OVL_PROP_SIDEBAR_POSITION:
      adw_flap_set_flap_position (self->flap, g_value_get_enum (value));
      break;
    /* The flap takes the width its child asks for, and folds by itself. */
    case OVL_PROP_MIN_SIDEBAR_WIDTH:
      self->min_sidebar_width = g_value_get_int (value);
      break;
    case OVL_PROP_MAX_SIDEBAR_WIDTH:
      self->max_sidebar_width = g_value_get_int (value);
      break;
    case OVL_PROP_COLLAPSE_WIDTH:
      self->collapse_width = g_value_get_int (value);
      break;
    case OVL_PROP_SWIPE_TO_OPEN:
      adw_flap_set_swipe_to_open (self->flap, g_value_get_boolean (value));
      break;
    default:
      g_assert_not_reached ();
    }
#endif
  g_object_notify_by_pspec (G_OBJECT (self), ovl_properties[prop_id]);
}

static gboolean
ovl_notify_collapsed (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  RapportOverlaySplit *self = data;

  self->collapsed_source = 0;
  if (self->collapsed == ovl_get_folded (self))
    return G_SOURCE_REMOVE;
  self->collapsed = !self->collapsed;
  g_object_notify_by_pspec (G_OBJECT (self), ovl_properties[OVL_PROP_COLLAPSED]);
  return G_SOURCE_REMOVE;
}

static void
on_ovl_collapsed (RapportOverlaySplit *self)
{
  if (self->collapsed_source == 0)
    self->collapsed_source = gtk_widget_add_tick_callback (GTK_WIDGET (self), ovl_notify_collapsed, self, NULL);
}

static void
on_ovl_show_sidebar (RapportOverlaySplit *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), ovl_properties[OVL_PROP_SHOW_SIDEBAR]);
}

static void
rapport_overlay_split_measure (GtkWidget     *widget,
                               GtkOrientation orientation,
                               int            for_size,
                               int           *minimum,
                               int           *natural,
                               int           *minimum_baseline,
                               int           *natural_baseline)
{
  RapportOverlaySplit *self = RAPPORT_OVERLAY_SPLIT (widget);

  measure_child (self->child, orientation, for_size, minimum, natural);
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      int min, nat;

      measure_child (GTK_WIDGET (self->split), orientation, -1, &min, &nat);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, *minimum);
    }
#endif
}

static void
rapport_overlay_split_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  gtk_widget_allocate (RAPPORT_OVERLAY_SPLIT (widget)->child, width, height, baseline, NULL);
}

static void
rapport_overlay_split_dispose (GObject *object)
{
  RapportOverlaySplit *self = RAPPORT_OVERLAY_SPLIT (object);

  if (self->collapsed_source != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->collapsed_source);
  self->collapsed_source = 0;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->sidebar = self->content = NULL;

  G_OBJECT_CLASS (rapport_overlay_split_parent_class)->dispose (object);
}

static void
rapport_overlay_split_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportOverlaySplit *self = RAPPORT_OVERLAY_SPLIT (object);

  switch (prop_id)
    {
    case OVL_PROP_SIDEBAR: g_value_set_object (value, self->sidebar); break;
    case OVL_PROP_CONTENT: g_value_set_object (value, self->content); break;
    case OVL_PROP_SIDEBAR_POSITION: g_value_set_enum (value, ovl_get_position (self)); break;
    case OVL_PROP_MIN_SIDEBAR_WIDTH: g_value_set_int (value, self->min_sidebar_width); break;
    case OVL_PROP_MAX_SIDEBAR_WIDTH: g_value_set_int (value, self->max_sidebar_width); break;
    case OVL_PROP_COLLAPSE_WIDTH: g_value_set_int (value, self->collapse_width); break;
    case OVL_PROP_SWIPE_TO_OPEN: g_value_set_boolean (value, ovl_get_swipe_to_open (self)); break;
    case OVL_PROP_COLLAPSED: g_value_set_boolean (value, rapport_overlay_split_get_collapsed (self)); break;
    case OVL_PROP_SHOW_SIDEBAR: g_value_set_boolean (value, rapport_overlay_split_get_show_sidebar (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_overlay_split_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportOverlaySplit *self = RAPPORT_OVERLAY_SPLIT (object);

  switch (prop_id)
    {
    case OVL_PROP_SHOW_SIDEBAR:
      rapport_overlay_split_set_show_sidebar (self, g_value_get_boolean (value));
      break;
    case OVL_PROP_COLLAPSED:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
    default:
      if (prop_id > OVL_PROP_0 && prop_id < OVL_N_PROPS)
        ovl_set (self, prop_id, value);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_overlay_split_class_init (RapportOverlaySplitClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass   *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rapport_overlay_split_dispose;
  object_class->get_property = rapport_overlay_split_get_property;
  object_class->set_property = rapport_overlay_split_set_property;
  widget_class->measure = rapport_overlay_split_measure;
  widget_class->size_allocate = rapport_overlay_split_size_allocate;

  ovl_properties[OVL_PROP_SIDEBAR] =
    g_param_spec_object ("sidebar", NULL, NULL, GTK_TYPE_WIDGET, rw);
  ovl_properties[OVL_PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET, rw);
  ovl_properties[OVL_PROP_SIDEBAR_POSITION] =
    g_param_spec_enum ("sidebar-position", NULL, NULL, GTK_TYPE_PACK_TYPE, GTK_PACK_START, rw);
  ovl_properties[OVL_PROP_MIN_SIDEBAR_WIDTH] =
    g_param_spec_int ("min-sidebar-width", NULL, NULL, 0, G_MAXINT, 180, rw);
  ovl_properties[OVL_PROP_MAX_SIDEBAR_WIDTH] =
    g_param_spec_int ("max-sidebar-width", NULL, NULL, 0, G_MAXINT, 280, rw);
  ovl_properties[OVL_PROP_COLLAPSE_WIDTH] =
    g_param_spec_int ("collapse-width", NULL, NULL, 0, G_MAXINT, 0, rw);
  ovl_properties[OVL_PROP_SWIPE_TO_OPEN] =
    g_param_spec_boolean ("swipe-to-open", NULL, NULL, TRUE, rw);
  ovl_properties[OVL_PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  ovl_properties[OVL_PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE, rw);
  g_object_class_install_properties (object_class, OVL_N_PROPS, ovl_properties);

  gtk_widget_class_set_css_name (widget_class, "overlaysplit");
}

static void
rapport_overlay_split_init (RapportOverlaySplit *self)
{
  self->min_sidebar_width = 180;
  self->max_sidebar_width = 280;
#if RAPPORT_HAVE_ADW_SPLIT_VIEWS
  self->split = ADW_OVERLAY_SPLIT_VIEW (adw_overlay_split_view_new ());
  adw_overlay_split_view_set_min_sidebar_width (self->split, self->min_sidebar_width);
  adw_overlay_split_view_set_max_sidebar_width (self->split, self->max_sidebar_width);
  self->child = collapsing_bin_new (GTK_WIDGET (self->split), "collapsed", &self->breakpoint);
  g_signal_connect_object (self->split, "notify::collapsed",
                           G_CALLBACK (on_ovl_collapsed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->split, "notify::show-sidebar",
                           G_CALLBACK (on_ovl_show_sidebar), self, G_CONNECT_SWAPPED);
#else
  self->flap = ADW_FLAP (adw_flap_new ());
  adw_flap_set_separator (self->flap, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  self->child = GTK_WIDGET (self->flap);
  g_signal_connect_object (self->flap, "notify::folded",
                           G_CALLBACK (on_ovl_collapsed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (on_ovl_show_sidebar), self, G_CONNECT_SWAPPED);
#endif
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
}
