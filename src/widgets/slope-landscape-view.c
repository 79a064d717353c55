/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-view.c: a thin widget over the landscape renderer.
 *
 * The map (colours, contours, axes) depends only on the data, the view and
 * the size, so it is drawn once into a render node and reused every frame;
 * the path, the optimum, the point and its gradient are drawn per frame.
 *
 * The view is framed on refit (at reset) to hold the start, the optimum
 * and the path plain gradient descent would take.  While training it only
 * ever grows, by a generous factor, when the point nears an edge, so the
 * map stays still under the students' eyes.  Once the user zooms or pans
 * the view is theirs until the next refit.
 *
 * Pointer: a primary click picks the start (W, b) ("start-picked"); a
 * drag with the primary or middle button pans; the wheel zooms about the
 * pointer.  Keys: Home fits the view, plus and minus zoom.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "slope-landscape-view.h"
#include "slope-cached-layer.h"
#include "slope-run-slots.h"
#include "slope-widget-style.h"

/* Enough points for a smooth curve across a 4K screen. */
#define PATH_CAPACITY   2000
#define FOLLOW_GROWTH   1.35
/* As slope_landscape_view_fit() does, the view follows a diverging run
 * only this far beyond its fitted size: the bowl must stay in sight. */
#define FOLLOW_LIMIT    50.0
#define ZOOM_STEP       1.15

/* A compared run's path, read from its history as the main run's is. */
typedef struct
{
  guint64             serial;
  gboolean            read;
  gboolean            has_start;
  double             *path_w;         /* allocated once, when first used */
  double             *path_b;
  const double       *shown_w;        /* into path_w, past the start if unknown */
  const double       *shown_b;
  gsize               n_shown;
} RunPath;

struct _SlopeLandscapeWidget
{
  GtkWidget           parent_instance;

  SlopeLandscapePlot  plot;
  double              font_scale;   /* ours; the plot's adds the desktop's */
  SlopeHistory       *history;
  guint64             history_serial;
  gboolean            history_read;
  gboolean            has_start;
  double             *path_w;         /* the start, then the history's path */
  double             *path_b;

  SlopeLandscapeView  fitted;         /* the last fit, to bound following */
  gboolean            refit_pending;
  gboolean            user_view;      /* zoomed or panned by hand */

  SlopeRunSlots       runs;           /* compared runs, the plot's runs */
  RunPath             run_paths[SLOPE_RUN_TRACE_MAX];

  SlopeCachedLayer    map_layer;      /* the heat map, redrawn on change */
  SlopeCachedLayer    trail_layer;    /* the paths, keyed on them as drawn */
  SlopeCachedLayer    optimum_layer;  /* the star and its label, keyed */
  guint64             path_key;       /* what the last frame's path showed */

  double              pointer_x;
  double              pointer_y;
  gboolean            pointer_inside;
  SlopeLandscapeView  drag_view;
  gboolean            panning;
};

G_DEFINE_FINAL_TYPE (SlopeLandscapeWidget, slope_landscape_widget, GTK_TYPE_WIDGET)

enum {
  START_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
invalidate_map (SlopeLandscapeWidget *self)
{
  slope_cached_layer_clear (&self->map_layer);
  slope_cached_layer_clear (&self->optimum_layer);
  slope_cached_layer_clear (&self->trail_layer);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
current_area (SlopeLandscapeWidget *self,
              SlopeArea            *area)
{
  GtkWidget *widget = GTK_WIDGET (self);

  slope_landscape_plot_area (&self->plot, gtk_widget_get_width (widget),
                             gtk_widget_get_height (widget), area);
}

/* The start is the W, b before epoch 1, which the history keeps exactly
 * while epoch 1 is recent; it is remembered until the history is cleared. */
static void
read_start (SlopeHistory *history,
            gboolean     *has_start,
            double       *path_w,
            double       *path_b)
{
  SlopeEpochRecord first;

  if (slope_history_get_last_epoch (history) == 0)
    *has_start = FALSE;
  else if (!*has_start && slope_history_lookup (history, 1, &first)
           && first.epoch == 1)
    {
      path_w[0] = first.w_before;
      path_b[0] = first.b_before;
      *has_start = TRUE;
    }
}

/* The start, then the history's path, into buffers of PATH_CAPACITY + 1;
 * the path shown begins past the start while it is unknown. */
static gsize
read_path (SlopeHistory  *history,
           gboolean      *has_start,
           double        *path_w,
           double        *path_b,
           const double **shown_w,
           const double **shown_b)
{
  gsize n;

  read_start (history, has_start, path_w, path_b);
  n = slope_history_path (history, PATH_CAPACITY, path_w + 1, path_b + 1);
  *shown_w = *has_start ? path_w : path_w + 1;
  *shown_b = *has_start ? path_b : path_b + 1;
  return n + (*has_start && n > 0 ? 1 : 0);
}

/* Returns TRUE if the path was read anew. */
static gboolean
read_history (SlopeLandscapeWidget *self,
              gboolean              force)
{
  guint64 serial;

  if (self->history == NULL)
    {
      self->plot.n_path = 0;
      return FALSE;
    }

  serial = slope_history_get_serial (self->history);
  if (!force && self->history_read && serial == self->history_serial)
    return FALSE;

  self->plot.n_path = read_path (self->history, &self->has_start, self->path_w, self->path_b,
                                &self->plot.path_w, &self->plot.path_b);
  self->history_serial = serial;
  self->history_read = TRUE;
  return TRUE;
}

/* Each compared run's path from its history, when it changed; a run
 * without a history keeps the path it was given. */
static void
read_run_paths (SlopeLandscapeWidget *self)
{
  for (gsize i = 0; i < self->runs.n_runs; i++)
    {
      SlopeRunTrace *run = &self->runs.runs[i];
      RunPath *p = &self->run_paths[i];
      guint64 serial;

      if (run->history == NULL)
        continue;
      serial = slope_history_get_serial (run->history);
      if (!p->read || serial != p->serial)
        {
          if (p->path_w == NULL)
            {
              p->path_w = g_new0 (double, PATH_CAPACITY + 1);
              p->path_b = g_new0 (double, PATH_CAPACITY + 1);
            }
          p->n_shown = read_path (run->history, &p->has_start, p->path_w, p->path_b,
                                  &p->shown_w, &p->shown_b);
          p->serial = serial;
          p->read = TRUE;
        }
      run->path_w = p->shown_w;
      run->path_b = p->shown_b;
      run->n_path = p->n_shown;
    }
}

static gboolean
follow_point (SlopeLandscapeWidget *self,
              double                w,
              double                b)
{
  SlopeLandscapeView v = self->plot.view;
  const SlopeLandscapeView *f = &self->fitted;

  if (!slope_landscape_view_include (&v, w, b, FOLLOW_GROWTH)
      || v.w_max - v.w_min > FOLLOW_LIMIT * (f->w_max - f->w_min)
      || v.b_max - v.b_min > FOLLOW_LIMIT * (f->b_max - f->b_min))
    return FALSE;
  self->plot.view = v;
  return TRUE;
}

/* Called once per frame: reads the path if it changed, then refits or
 * grows the view as needed. */
static void
update_view (SlopeLandscapeWidget *self)
{
  gboolean path_changed = read_history (self, self->refit_pending);
  gboolean view_changed = FALSE;

  read_run_paths (self);

  if (self->refit_pending)
    {
      slope_landscape_view_fit (&self->plot.view, &self->plot.moments,
                                self->plot.path_w, self->plot.path_b, self->plot.n_path,
                                self->plot.w, self->plot.b);
      self->fitted = self->plot.view;
      self->refit_pending = FALSE;
      self->user_view = FALSE;
      slope_cached_layer_clear (&self->map_layer);
      return;
    }
  if (self->user_view)
    return;

  for (gsize i = 0; path_changed && i < self->plot.n_path; i++)
    view_changed |= follow_point (self, self->plot.path_w[i], self->plot.path_b[i]);
  view_changed |= follow_point (self, self->plot.w, self->plot.b);
  if (view_changed)
    slope_cached_layer_clear (&self->map_layer);
}

static void
draw_map_layer (cairo_t       *cr,
                int            width,
                int            height,
                gconstpointer  plot)
{
  slope_landscape_plot_draw_map (cr, width, height, plot);
}

static void
draw_trail_layer (cairo_t       *cr,
                  int            width,
                  int            height,
                  gconstpointer  plot)
{
  slope_landscape_plot_draw_trail (cr, width, height, plot);
}

static void
draw_marker_layer (cairo_t       *cr,
                   int            width,
                   int            height,
                   gconstpointer  plot)
{
  slope_landscape_plot_draw_marker (cr, width, height, plot);
}

static void
draw_optimum_layer (cairo_t       *cr,
                    int            width,
                    int            height,
                    gconstpointer  plot)
{
  slope_landscape_plot_draw_optimum (cr, width, height, plot);
}

/* Ours times the desktop's text scaling; the map's layer depends on it
 * through the axes' margins. */
static void
update_font_scale (SlopeLandscapeWidget *self)
{
  double scale = self->font_scale * slope_widget_get_text_scale (GTK_WIDGET (self));

  if (scale == self->plot.font_scale)
    return;
  self->plot.font_scale = scale;
  slope_cached_layer_clear (&self->map_layer);
}

static void
slope_landscape_widget_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  SlopeLandscapeWidget *self = SLOPE_LANDSCAPE_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  SlopePaletteStyle style = slope_widget_get_palette_style (widget);
  SlopeArea area;

  if (width <= 0 || height <= 0)
    return;

  update_font_scale (self);
  self->plot.palette = slope_palette_get_style (style);
  update_view (self);

  slope_cached_layer_append (&self->map_layer, snapshot, width, height,
                             gtk_widget_get_scale_factor (widget), style,
                             draw_map_layer, &self->plot);

  /* The path, the optimum and the marker draw inside the map only.  The
   * path and the optimum's star and haloed label (text outlines stroked)
   * are cached images, drawn again only when what they show moves; the
   * marker, the arrow and the step joining the marker to the path are a
   * node as small as they are, so a frame of training repaints little
   * more than the marker. */
  self->path_key = slope_landscape_plot_path_key (&self->plot, width, height);
  current_area (self, &area);

  slope_cached_layer_set_key (&self->trail_layer,
                              slope_landscape_plot_trail_key (&self->plot, width, height));
  slope_cached_layer_append (&self->trail_layer, snapshot, width, height,
                             gtk_widget_get_scale_factor (widget), style,
                             draw_trail_layer, &self->plot);

  slope_cached_layer_set_key (&self->optimum_layer,
                              slope_landscape_plot_optimum_key (&self->plot, width, height));
  slope_cached_layer_append (&self->optimum_layer, snapshot, width, height,
                             gtk_widget_get_scale_factor (widget), style,
                             draw_optimum_layer, &self->plot);

  slope_snapshot_append_drawn (snapshot, &GRAPHENE_RECT_INIT (area.left, area.top,
                                                              area.width, area.height),
                               width, height, draw_marker_layer, &self->plot);
}

/* ------------------------------------------------------------------ */
/* Zoom, pan and pick                                                  */

static void
zoom_at (SlopeLandscapeWidget *self,
         double                px,
         double                py,
         double                factor)
{
  SlopeArea area;
  double w, b;

  current_area (self, &area);
  /* About the pointer when it is over the map, else about the middle. */
  if (!(px >= area.left && px <= area.left + area.width
        && py >= area.top && py <= area.top + area.height))
    {
      px = area.left + area.width / 2.0;
      py = area.top + area.height / 2.0;
    }
  slope_landscape_plot_from_pixel (&self->plot, &area, px, py, &w, &b);
  if (slope_landscape_view_zoom (&self->plot.view, w, b, factor))
    {
      self->user_view = TRUE;
      invalidate_map (self);
    }
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SlopeLandscapeWidget     *self)
{
  /* Touchpads scroll in pixels, wheels in notches. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    dy /= 30.0;
  zoom_at (self, self->pointer_inside ? self->pointer_x : -1.0,
           self->pointer_inside ? self->pointer_y : -1.0, pow (ZOOM_STEP, dy));
  return GDK_EVENT_STOP;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SlopeLandscapeWidget     *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
}

static void
on_leave (GtkEventControllerMotion *controller,
          SlopeLandscapeWidget     *self)
{
  self->pointer_inside = FALSE;
}

static void
on_drag_begin (GtkGestureDrag       *gesture,
               double                x,
               double                y,
               SlopeLandscapeWidget *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button != GDK_BUTTON_PRIMARY && button != GDK_BUTTON_MIDDLE)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_view = self->plot.view;
  self->panning = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag       *gesture,
                double                dx,
                double                dy,
                SlopeLandscapeWidget *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  int threshold = 8;
  SlopeArea area;

  g_object_get (settings, "gtk-dnd-drag-threshold", &threshold, NULL);
  if (!self->panning && hypot (dx, dy) < threshold)
    return;
  self->panning = TRUE;

  current_area (self, &area);
  self->plot.view = self->drag_view;
  slope_landscape_view_pan (&self->plot.view, &area, dx, dy);
  self->user_view = TRUE;
  invalidate_map (self);
}

/* A click that did not move far enough to pan sets the start there. */
static void
on_drag_end (GtkGestureDrag       *gesture,
             double                dx,
             double                dy,
             SlopeLandscapeWidget *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  double x0, y0, w, b;
  SlopeArea area;

  if (self->panning || button != GDK_BUTTON_PRIMARY
      || !gtk_gesture_drag_get_start_point (gesture, &x0, &y0))
    return;

  current_area (self, &area);
  if (x0 < area.left || x0 > area.left + area.width
      || y0 < area.top || y0 > area.top + area.height)
    return;
  slope_landscape_plot_from_pixel (&self->plot, &area, x0, y0, &w, &b);
  g_signal_emit (self, signals[START_PICKED], 0, w, b);
}

static gboolean
fit_binding (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  slope_landscape_widget_refit (SLOPE_LANDSCAPE_WIDGET (widget));
  return TRUE;
}

static gboolean
zoom_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  zoom_at (SLOPE_LANDSCAPE_WIDGET (widget), -1.0, -1.0,
           g_variant_get_boolean (args) ? 1.0 / (ZOOM_STEP * ZOOM_STEP) : ZOOM_STEP * ZOOM_STEP);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
slope_landscape_widget_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (slope_landscape_widget_parent_class)->css_changed (widget, change);
  invalidate_map (SLOPE_LANDSCAPE_WIDGET (widget));
}

static void
slope_landscape_widget_dispose (GObject *object)
{
  SlopeLandscapeWidget *self = SLOPE_LANDSCAPE_WIDGET (object);

  slope_cached_layer_clear (&self->map_layer);
  slope_cached_layer_clear (&self->optimum_layer);
  slope_cached_layer_clear (&self->trail_layer);
  g_clear_object (&self->history);
  slope_run_slots_clear (&self->runs);
  self->plot.n_runs = 0;

  G_OBJECT_CLASS (slope_landscape_widget_parent_class)->dispose (object);
}

static void
slope_landscape_widget_finalize (GObject *object)
{
  SlopeLandscapeWidget *self = SLOPE_LANDSCAPE_WIDGET (object);

  g_clear_pointer (&self->path_w, g_free);
  g_clear_pointer (&self->path_b, g_free);
  for (gsize i = 0; i < SLOPE_RUN_TRACE_MAX; i++)
    {
      g_clear_pointer (&self->run_paths[i].path_w, g_free);
      g_clear_pointer (&self->run_paths[i].path_b, g_free);
    }

  G_OBJECT_CLASS (slope_landscape_widget_parent_class)->finalize (object);
}

static void
slope_landscape_widget_class_init (SlopeLandscapeWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slope_landscape_widget_dispose;
  object_class->finalize = slope_landscape_widget_finalize;
  widget_class->snapshot = slope_landscape_widget_snapshot;
  widget_class->css_changed = slope_landscape_widget_css_changed;

  /**
   * SlopeLandscapeWidget::start-picked:
   * @w: the W under the pointer
   * @b: the b under the pointer
   *
   * The user clicked on the map to start training from there.
   */
  signals[START_PICKED] =
    g_signal_new ("start-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, fit_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, 0, zoom_binding, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_equal, 0, zoom_binding, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, 0, zoom_binding, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, 0, zoom_binding, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, 0, zoom_binding, "b", FALSE);

  gtk_widget_class_set_css_name (widget_class, "slope-landscape");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
slope_landscape_widget_init (SlopeLandscapeWidget *self)
{
  self->font_scale = 1.0;
  GtkEventController *scroll, *motion;
  GtkGesture *drag;

  slope_landscape_plot_init (&self->plot);
  self->path_w = g_new0 (double, PATH_CAPACITY + 1);
  self->path_b = g_new0 (double, PATH_CAPACITY + 1);
  self->plot.path_w = self->path_w;
  self->plot.path_b = self->path_b;
  self->refit_pending = TRUE;

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 180, 160);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cost landscape"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The cost for every W and b, and the path of training. "
                                    "Click to start from there."),
                                  -1);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
slope_landscape_widget_new (void)
{
  return g_object_new (SLOPE_TYPE_LANDSCAPE_WIDGET, NULL);
}

/* Copies what the plot needs: the landscape depends only on the moments. */
void
slope_landscape_widget_set_dataset (SlopeLandscapeWidget *self,
                                    SlopeDataset         *dataset)
{
  g_return_if_fail (SLOPE_IS_LANDSCAPE_WIDGET (self));
  g_return_if_fail (dataset == NULL || SLOPE_IS_DATASET (dataset));

  memset (&self->plot.moments, 0, sizeof self->plot.moments);
  self->plot.has_optimum = FALSE;
  if (dataset != NULL)
    {
      self->plot.moments = *slope_dataset_get_moments (dataset);
      self->plot.has_optimum = slope_dataset_least_squares (dataset, &self->plot.optimum_w,
                                                            &self->plot.optimum_b, NULL);
    }
  slope_landscape_widget_refit (self);
}

void
slope_landscape_widget_set_state (SlopeLandscapeWidget *self,
                                  double                w,
                                  double                b)
{
  g_return_if_fail (SLOPE_IS_LANDSCAPE_WIDGET (self));

  self->plot.w = w;
  self->plot.b = b;
  /* Called every frame while training: a frame is drawn only when the
   * path, the marker or the arrow would move where one could see it. */
  if (!self->refit_pending && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      update_view (self);
      if (self->map_layer.node != NULL
          && slope_landscape_plot_path_key (&self->plot, gtk_widget_get_width (GTK_WIDGET (self)),
                                            gtk_widget_get_height (GTK_WIDGET (self)))
             == self->path_key)
        return;
    }
  
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * slope_landscape_widget_set_batch_path:
 * @w: (array length=n) (nullable): W after each mini-batch step, borrowed
 *   until the next call
 * @b: (array length=n) (nullable): likewise b
 *
 * The steps within the epochs, drawn thin over the epochs' path.
 */
void
slope_landscape_widget_set_batch_path (SlopeLandscapeWidget *self,
                                       const double         *w,
                                       const double         *b,
                                       gsize                 n)
{
  g_return_if_fail (SLOPE_IS_LANDSCAPE_WIDGET (self));

  self->plot.batch_w = w;
  self->plot.batch_b = b;
  self->plot.n_batch_path = w != NULL && b != NULL ? n : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The path is read from @history at most once per frame, when it changed. */
void
slope_landscape_widget_set_history (SlopeLandscapeWidget *self,
                                    SlopeHistory         *history)
{
  g_return_if_fail (SLOPE_IS_LANDSCAPE_WIDGET (self));
  g_return_if_fail (history == NULL || SLOPE_IS_HISTORY (history));

  if (g_set_object (&self->history, history))
    {
      self->history_read = FALSE;
      self->has_start = FALSE;
      self->plot.n_path = 0;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * slope_landscape_widget_refit:
 *
 * Frames the start, the optimum and the path afresh, and gives the view
 * back to training if the user had zoomed or panned.  Done at the next
 * frame, with the state and history as they are then, so the window may
 * call this on reset before or after it passes on the new state.
 */
void
slope_landscape_widget_refit (SlopeLandscapeWidget *self)
{
  g_return_if_fail (SLOPE_IS_LANDSCAPE_WIDGET (self));

  self->refit_pending = TRUE;
  invalidate_map (self);
}

void
slope_landscape_widget_set_font_scale (SlopeLandscapeWidget *self,
                                       double                scale)
{
  g_return_if_fail (SLOPE_IS_LANDSCAPE_WIDGET (self));

  self->font_scale = scale;
  update_font_scale (self);
  invalidate_map (self);
}

/* Trained on scaled data: the axes name W and b as the line's on x′, y′. */
void
slope_landscape_widget_set_scaled (SlopeLandscapeWidget *self,
                                   gboolean              scaled)
{
  g_return_if_fail (SLOPE_IS_LANDSCAPE_WIDGET (self));

  if (self->plot.scaled == !!scaled)
    return;
  self->plot.scaled = !!scaled;
  invalidate_map (self);
}

/* The view is brought up to date first: a pending refit happens now. */
const SlopeLandscapePlot *
slope_landscape_widget_get_plot (SlopeLandscapeWidget *self)
{
  g_return_val_if_fail (SLOPE_IS_LANDSCAPE_WIDGET (self), NULL);

  update_view (self);
  return &self->plot;
}

/**
 * slope_landscape_widget_set_runs:
 * @runs: (array length=n_runs) (nullable): the compared runs, at most
 *   %SLOPE_RUN_TRACE_MAX
 *
 * Draws each visible run's path and current point in its colour over the
 * map; the view stays the main run's.  The array and the labels are
 * copied and each history is reffed until the next call or dispose.  A
 * run with a history gets its path from it, read at most once per frame
 * into the widget's own buffers (the given path_w, path_b are ignored);
 * a run without one keeps the given path, borrowed until the next call.
 * A frame is drawn only if the picture would change.
 */
void
slope_landscape_widget_set_runs (SlopeLandscapeWidget *self,
                                 const SlopeRunTrace  *runs,
                                 gsize                 n_runs)
{
  GtkWidget *widget = GTK_WIDGET (self);
  SlopeHistory *before[SLOPE_RUN_TRACE_MAX] = { NULL };

  g_return_if_fail (SLOPE_IS_LANDSCAPE_WIDGET (self));
  g_return_if_fail (runs != NULL || n_runs == 0);

  for (gsize i = 0; i < self->runs.n_runs; i++)
    before[i] = self->runs.runs[i].history;
  slope_run_slots_set (&self->runs, runs, n_runs);
  /* A slot given another history reads its path afresh (the pointers are
   * compared only, the old history may be gone). */
  for (gsize i = 0; i < SLOPE_RUN_TRACE_MAX; i++)
    if (i >= self->runs.n_runs || self->runs.runs[i].history != before[i])
      {
        self->run_paths[i].read = FALSE;
        self->run_paths[i].has_start = FALSE;
        self->run_paths[i].n_shown = 0;
      }
  self->plot.runs = self->runs.runs;
  self->plot.n_runs = self->runs.n_runs;
  read_run_paths (self);

  if (!self->refit_pending && gtk_widget_get_width (widget) > 0 && self->map_layer.node != NULL
      && slope_landscape_plot_path_key (&self->plot, gtk_widget_get_width (widget),
                                        gtk_widget_get_height (widget)) == self->path_key)
    return;
  gtk_widget_queue_draw (widget);
}
