/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-labs.c: the two autograd labs, driven through their API, their
 * actions and their buttons, checked against the notebook's printouts and
 * the derivatives worked out by hand.  Runs under Xvfb (suite ui).
 */
#include "config.h"

#include <adwaita.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "slope-test-ui.h"
#include "slope-accumulation-lab.h"
#include "slope-autograd-lab.h"
#include "slope-lab-common.h"

/* The lab in a shown window, as the application holds it. */
static GtkWidget *
show_in_window (GtkWidget *lab)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_set_child (GTK_WINDOW (window), lab);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (lab))
    g_main_context_iteration (NULL, TRUE);
  return window;
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

static GtkWidget *
find_button (GtkWidget  *lab,
             const char *action_name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_buttons (lab, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action_name) == 0)
      return buttons->pdata[i];
  g_assert_not_reached ();
}

/* As a pointer click does.  gtk_widget_activate() (Enter, Space) also
 * works but clicks only after the button's 250 ms press animation. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Written out independently of the lab's own float formatting. */
static char *
notebook_printout (guint n)
{
  GString *text = g_string_new (NULL);

  for (guint epoch = 1; epoch <= n; epoch++)
    g_string_append_printf (text, "%s수식을 w로 미분한 값 : %u.0", epoch > 1 ? "\n" : "",
                            2 * epoch);
  return g_string_free (text, FALSE);
}

/* ---- Python's float formatting ---------------------------------------- */

static void
test_format_float (void)
{
  static const struct { double value; const char *python; } cases[] = {
    { 2.0, "2.0" }, { 40.0, "40.0" }, { 8.0, "8.0" }, { 3.75, "3.75" },
    { -20.0, "-20.0" }, { -6.0, "-6.0" }, { 0.1, "0.1" }, { 0.1 + 0.2, "0.30000000000000004" },
    { 1e-5, "1e-05" }, { 0.0001, "0.0001" }, { 1.5e-7, "1.5e-07" }, { 1e16, "1e+16" },
    { 123456789012345.0, "123456789012345.0" }, { 9999999999999998.0, "9999999999999998.0" },
    { -1.5e300, "-1.5e+300" }, { 0.0, "0.0" }, { -0.0, "-0.0" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { INFINITY, "inf" }, { -INFINITY, "-inf" }, { NAN, "nan" }, { 5e-324, "5e-324" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[SLOPE_LAB_FLOAT_MAX];

      slope_lab_format_float (buf, sizeof buf, cases[i].value);
      g_assert_cmpstr (buf, ==, cases[i].python);
    }
}

/* ---- The accumulation lab --------------------------------------------- */

/* Twenty presses of z.backward() print the notebook's twenty lines. */
static void
test_accumulation_notebook_list (void)
{
  GtkWidget *lab = slope_accumulation_lab_new ();
  GtkWidget *window = show_in_window (lab);
  g_autofree char *expected = notebook_printout (SLOPE_ACCUMULATION_LAB_EPOCHS);
  g_autofree char *text = NULL;

  g_assert_cmpuint (slope_accumulation_lab_get_n_lines (SLOPE_ACCUMULATION_LAB (lab)), ==, 0);
  for (guint i = 0; i < SLOPE_ACCUMULATION_LAB_EPOCHS; i++)
    slope_accumulation_lab_backward (SLOPE_ACCUMULATION_LAB (lab));

  text = slope_accumulation_lab_get_text (SLOPE_ACCUMULATION_LAB (lab));
  g_assert_cmpuint (slope_accumulation_lab_get_n_lines (SLOPE_ACCUMULATION_LAB (lab)), ==, 20);
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (g_str_has_suffix (text, "\n수식을 w로 미분한 값 : 40.0"));
  g_assert_cmpfloat (slope_accumulation_lab_get_w_grad (SLOPE_ACCUMULATION_LAB (lab)), ==, 40.0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The buttons: z.backward() adds a line, Run 20 Times is the whole cell
 * run afresh (twice gives the same list, not forty lines). */
static void
test_accumulation_buttons (void)
{
  GtkWidget *lab = slope_accumulation_lab_new ();
  GtkWidget *window = show_in_window (lab);
  g_autofree char *expected = notebook_printout (SLOPE_ACCUMULATION_LAB_EPOCHS);
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;

  click (find_button (lab, "accumulation.backward"));
  first = slope_accumulation_lab_get_text (SLOPE_ACCUMULATION_LAB (lab));
  g_assert_cmpstr (first, ==, "수식을 w로 미분한 값 : 2.0");

  click (find_button (lab, "accumulation.run"));
  click (find_button (lab, "accumulation.run"));
  text = slope_accumulation_lab_get_text (SLOPE_ACCUMULATION_LAB (lab));
  g_assert_cmpuint (slope_accumulation_lab_get_n_lines (SLOPE_ACCUMULATION_LAB (lab)), ==, 20);
  g_assert_cmpstr (text, ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* w.grad.zero_() clears the sum and the printout; counting starts over. */
static void
test_accumulation_zero_grad (void)
{
  GtkWidget *lab = slope_accumulation_lab_new ();
  GtkWidget *window = show_in_window (lab);
  SlopeAccumulationLab *acc = SLOPE_ACCUMULATION_LAB (lab);
  g_autofree char *empty = NULL;
  g_autofree char *again = NULL;

  /* Nothing to zero while w.grad is None, as in PyTorch. */
  g_assert_false (gtk_widget_get_sensitive (find_button (lab, "accumulation.zero-grad")));
  for (guint i = 0; i < 3; i++)
    slope_accumulation_lab_backward (acc);
  g_assert_true (gtk_widget_get_sensitive (find_button (lab, "accumulation.zero-grad")));
  g_assert_cmpfloat (slope_accumulation_lab_get_w_grad (acc), ==, 6.0);

  click (find_button (lab, "accumulation.zero-grad"));
  empty = slope_accumulation_lab_get_text (acc);
  g_assert_cmpuint (slope_accumulation_lab_get_n_lines (acc), ==, 0);
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpfloat (slope_accumulation_lab_get_w_grad (acc), ==, 0.0);

  slope_accumulation_lab_backward (acc);
  slope_accumulation_lab_zero_grad (acc);
  slope_accumulation_lab_backward (acc);
  again = slope_accumulation_lab_get_text (acc);
  g_assert_cmpstr (again, ==, "수식을 w로 미분한 값 : 2.0");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_signal (GtkWidget *lab,
              guint     *count)
{
  (*count)++;
}

/* "Show it on the line" hands over to the window, once per press. */
static void
test_accumulation_demonstrate (void)
{
  GtkWidget *lab = slope_accumulation_lab_new ();
  GtkWidget *window = show_in_window (lab);
  guint count = 0;

  g_signal_connect (lab, "demonstrate", G_CALLBACK (count_signal), &count);
  click (find_button (lab, "accumulation.demonstrate"));
  g_assert_cmpuint (count, ==, 1);
  gtk_widget_activate_action (lab, "accumulation.demonstrate", NULL);
  g_assert_cmpuint (count, ==, 2);
  /* From the keyboard: focus, then Enter. */
  gtk_widget_grab_focus (find_button (lab, "accumulation.demonstrate"));
  g_assert_true (gtk_widget_has_focus (find_button (lab, "accumulation.demonstrate")));
  g_assert_true (gtk_widget_activate (find_button (lab, "accumulation.demonstrate")));
  while (count < 3)
    g_main_context_iteration (NULL, TRUE);
  /* Handing over changes nothing in the lab itself. */
  g_assert_cmpuint (slope_accumulation_lab_get_n_lines (SLOPE_ACCUMULATION_LAB (lab)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The autograd lab ------------------------------------------------- */

static void
assert_grad_text (SlopeAutogradLab *lab,
                  const char       *python)
{
  g_autofree char *text = slope_autograd_lab_get_grad_text (lab);
  g_autofree char *expected = g_strdup_printf ("w.grad = %s", python);

  g_assert_cmpstr (text, ==, expected);
}

static guint
step_to_end (SlopeAutogradLab *lab)
{
  guint steps = 1;

  while (slope_autograd_lab_backward_step (lab))
    {
      steps++;
      g_assert_cmpuint (steps, <, 100);
    }
  return steps;
}

/* The notebook: y = w**2; z = 2*y + 5 at w = 2 gives 8.0, then 16.0 and
 * 24.0 as backward() accumulates, and 0.0 after zero_(). */
static void
test_autograd_notebook_backward (void)
{
  GtkWidget *widget = slope_autograd_lab_new ();
  GtkWidget *window = show_in_window (widget);
  SlopeAutogradLab *lab = SLOPE_AUTOGRAD_LAB (widget);
  g_autofree char *printed = NULL;

  g_assert_cmpint (slope_autograd_lab_get_expression (lab), ==, SLOPE_EXPR_NOTEBOOK);
  g_assert_cmpfloat (slope_autograd_lab_get_w (lab), ==, 2.0);
  assert_grad_text (lab, "None");

  slope_autograd_lab_backward (lab);
  g_assert_cmpfloat (slope_autograd_lab_get_w_grad (lab), ==, 8.0);
  assert_grad_text (lab, "8.0");
  printed = slope_autograd_lab_get_printed_line (lab);
  g_assert_cmpstr (printed, ==, "수식을 w로 미분한 값 : 8.0");

  click (find_button (widget, "autograd.backward"));
  g_assert_cmpfloat (slope_autograd_lab_get_w_grad (lab), ==, 16.0);
  assert_grad_text (lab, "16.0");
  /* The explanation says that it was added, with the numbers. */
  g_assert_nonnull (strstr (slope_autograd_lab_get_explanation (lab), "16.0"));

  slope_autograd_lab_backward (lab);
  assert_grad_text (lab, "24.0");

  click (find_button (widget, "autograd.zero-grad"));
  g_assert_cmpfloat (slope_autograd_lab_get_w_grad (lab), ==, 0.0);
  assert_grad_text (lab, "0.0");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Edge by edge: z → 2·y → y → w, three steps, then the same 8.0; the
 * next pass accumulates to 16.0. */
static void
test_autograd_notebook_steps (void)
{
  GtkWidget *widget = slope_autograd_lab_new ();
  GtkWidget *window = show_in_window (widget);
  SlopeAutogradLab *lab = SLOPE_AUTOGRAD_LAB (widget);
  SlopeTape *tape;
  SlopeEdge edge;

  click (find_button (widget, "autograd.forward"));
  tape = slope_autograd_lab_get_tape (lab);
  g_assert_true (slope_tape_has_values (tape));

  /* The first step: the gradient has left z but not reached w. */
  g_assert_true (slope_autograd_lab_backward_step (lab));
  assert_grad_text (lab, "None");
  g_assert_true (slope_tape_get_last_edge (tape, &edge));
  g_assert_cmpfloat (edge.grad_out, ==, 1.0);
  g_assert_nonnull (strstr (slope_autograd_lab_get_explanation (lab), "Step 1"));

  click (find_button (widget, "autograd.backward-step"));
  g_assert_false (slope_autograd_lab_backward_step (lab));
  g_assert_cmpfloat (slope_autograd_lab_get_w_grad (lab), ==, 8.0);
  assert_grad_text (lab, "8.0");

  g_assert_cmpuint (step_to_end (lab), ==, 3);
  assert_grad_text (lab, "16.0");

  slope_autograd_lab_zero_grad (lab);
  assert_grad_text (lab, "0.0");

  gtk_window_destroy (GTK_WINDOW (window));
}

static double
by_hand (SlopeExpression expr,
         double          w)
{
  switch (expr)
    {
    case SLOPE_EXPR_NOTEBOOK:
      return 4 * w;
    case SLOPE_EXPR_TWO_W:
      return 2;
    case SLOPE_EXPR_CUBIC:
      return 3 * w * w - 3;
    case SLOPE_EXPR_SQUARE_SHIFT:
      return 8 * (w - 1);
    default:
      g_assert_not_reached ();
    }
}

/* Every expression at w = 2 and w = −1.5, by backward() and by steps. */
static void
test_autograd_expressions (void)
{
  static const double ws[] = { 2.0, -1.5 };
  GtkWidget *widget = slope_autograd_lab_new ();
  GtkWidget *window = show_in_window (widget);
  SlopeAutogradLab *lab = SLOPE_AUTOGRAD_LAB (widget);

  for (guint e = 0; e < SLOPE_N_EXPRESSIONS; e++)
    for (guint i = 0; i < G_N_ELEMENTS (ws); i++)
      {
        double expected = by_hand (e, ws[i]);

        slope_autograd_lab_set_expression (lab, e);
        slope_autograd_lab_set_w (lab, ws[i]);
        assert_grad_text (lab, "None");
        slope_autograd_lab_backward (lab);
        g_assert_cmpfloat (slope_autograd_lab_get_w_grad (lab), ==, expected);

        slope_autograd_lab_zero_grad (lab);
        slope_autograd_lab_forward (lab);
        step_to_end (lab);
        g_assert_cmpfloat (slope_autograd_lab_get_w_grad (lab), ==, expected);
      }

  /* As Python prints them. */
  slope_autograd_lab_set_expression (lab, SLOPE_EXPR_CUBIC);
  slope_autograd_lab_set_w (lab, -1.5);
  slope_autograd_lab_backward (lab);
  assert_grad_text (lab, "3.75");
  slope_autograd_lab_set_expression (lab, SLOPE_EXPR_SQUARE_SHIFT);
  slope_autograd_lab_set_w (lab, -1.5);
  slope_autograd_lab_backward (lab);
  assert_grad_text (lab, "-20.0");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* w used twice: the step into w from the second edge says the two add. */
static void
test_autograd_shared_input_explained (void)
{
  GtkWidget *widget = slope_autograd_lab_new ();
  GtkWidget *window = show_in_window (widget);
  SlopeAutogradLab *lab = SLOPE_AUTOGRAD_LAB (widget);

  slope_autograd_lab_set_expression (lab, SLOPE_EXPR_CUBIC);
  step_to_end (lab);
  g_assert_nonnull (strstr (slope_autograd_lab_get_explanation (lab), "add up to 9.0"));
  assert_grad_text (lab, "9.0");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The picker and the spin button make a new tensor, as the API does. */
static void
test_autograd_controls_rebuild (void)
{
  GtkWidget *widget = slope_autograd_lab_new ();
  GtkWidget *window = show_in_window (widget);
  SlopeAutogradLab *lab = SLOPE_AUTOGRAD_LAB (widget);
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_descendant (widget, GTK_TYPE_DROP_DOWN));
  GtkSpinButton *spin = GTK_SPIN_BUTTON (find_descendant (widget, GTK_TYPE_SPIN_BUTTON));

  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 2.0);
  slope_autograd_lab_backward (lab);
  gtk_spin_button_set_value (spin, -1.5);
  g_assert_cmpfloat (slope_autograd_lab_get_w (lab), ==, -1.5);
  assert_grad_text (lab, "None");
  slope_autograd_lab_backward (lab);
  assert_grad_text (lab, "-6.0");

  gtk_drop_down_set_selected (dropdown, SLOPE_EXPR_TWO_W);
  g_assert_cmpint (slope_autograd_lab_get_expression (lab), ==, SLOPE_EXPR_TWO_W);
  assert_grad_text (lab, "None");
  slope_autograd_lab_backward (lab);
  assert_grad_text (lab, "2.0");

  /* And the API moves the controls. */
  slope_autograd_lab_set_expression (lab, SLOPE_EXPR_CUBIC);
  slope_autograd_lab_set_w (lab, 0.5);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, SLOPE_EXPR_CUBIC);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 0.5);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Both ----------------------------------------------------------- */

/* Every button can be reached with Tab and says what it does. */
static void
assert_buttons_accessible (GtkWidget *lab)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_buttons (lab, buttons);
  g_assert_cmpuint (buttons->len, >=, 4);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = buttons->pdata[i];

      /* The dropdown's and spin button's inner buttons are theirs. */
      if (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)) == NULL)
        continue;
      g_assert_true (gtk_widget_get_focusable (button));
      g_assert_nonnull (gtk_button_get_label (GTK_BUTTON (button)));
      g_assert_nonnull (gtk_widget_get_tooltip_text (button));
    }
}

static void
test_accessible_buttons (void)
{
  GtkWidget *acc = slope_accumulation_lab_new ();
  GtkWidget *autograd = slope_autograd_lab_new ();

  g_object_ref_sink (acc);
  g_object_ref_sink (autograd);
  assert_buttons_accessible (acc);
  assert_buttons_accessible (autograd);
  g_object_unref (acc);
  g_object_unref (autograd);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Styles are recomputed when the frame clock next ticks. */
static void
wait_for_frames (GtkWidget *widget,
                 guint      n)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);

  while (frames < n)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
}

static int
natural_height (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* A projector scale makes the text, and so the labs, taller. */
static void
test_font_scale (void)
{
  GtkWidget *acc = slope_accumulation_lab_new ();
  GtkWidget *autograd = slope_autograd_lab_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *window;
  int acc_before, autograd_before;

  gtk_box_append (GTK_BOX (box), acc);
  gtk_box_append (GTK_BOX (box), autograd);
  window = show_in_window (box);
  wait_for_frames (box, 2);
  acc_before = natural_height (acc);
  autograd_before = natural_height (autograd);

  slope_accumulation_lab_set_font_scale (SLOPE_ACCUMULATION_LAB (acc), 1.6);
  slope_autograd_lab_set_font_scale (SLOPE_AUTOGRAD_LAB (autograd), 1.6);
  wait_for_frames (box, 2);
  g_assert_cmpint (natural_height (acc), >, acc_before);
  g_assert_cmpint (natural_height (autograd), >, autograd_before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The lab's own pixels, through the same snapshot a frame would take:
 * the graph draws during a step's animation without a critical. */
static void
test_autograd_draws (void)
{
  GtkWidget *widget = slope_autograd_lab_new ();
  GtkWidget *window = show_in_window (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  graphene_rect_t bounds;
  gboolean found = FALSE;
  guchar *data;
  int width, height, stride;

  slope_autograd_lab_forward (SLOPE_AUTOGRAD_LAB (widget));
  slope_autograd_lab_backward_step (SLOPE_AUTOGRAD_LAB (widget));
  /* The paintable shows the widget as of its last frame. */
  wait_for_frames (widget, 2);
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat (bounds.size.width, >, 400);

  width = (int) bounds.size.width;
  height = (int) bounds.size.height;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  /* The gradient colour somewhere below the code: the lit edge. */
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = height / 2; y < height && !found; y++)
    for (int x = 0; x < width && !found; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + 4 * x);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        found = r > 180 && g > 60 && g < 130 && b < 40;
      }
  g_assert_true (found);
  cairo_surface_destroy (surface);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/labs/format-float", test_format_float);
  g_test_add_func ("/labs/accumulation/notebook-list", test_accumulation_notebook_list);
  g_test_add_func ("/labs/accumulation/buttons", test_accumulation_buttons);
  g_test_add_func ("/labs/accumulation/zero-grad", test_accumulation_zero_grad);
  g_test_add_func ("/labs/accumulation/demonstrate", test_accumulation_demonstrate);
  g_test_add_func ("/labs/autograd/notebook-backward", test_autograd_notebook_backward);
  g_test_add_func ("/labs/autograd/notebook-steps", test_autograd_notebook_steps);
  g_test_add_func ("/labs/autograd/expressions", test_autograd_expressions);
  g_test_add_func ("/labs/autograd/shared-input-explained", test_autograd_shared_input_explained);
  g_test_add_func ("/labs/autograd/controls-rebuild", test_autograd_controls_rebuild);
  g_test_add_func ("/labs/autograd/draws", test_autograd_draws);
  g_test_add_func ("/labs/accessible-buttons", test_accessible_buttons);
  g_test_add_func ("/labs/font-scale", test_font_scale);

  return g_test_run ();
}
