/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-math-text.c: the math panel's text, built once as markup and plain
 * text from the same calls so the two can never disagree.
 *
 * What is shown follows the last line the trainer ran: a quantity appears
 * only once the line that computes it has run, and is "—" (dimmed) before.
 * Only the shown points are visited; the cost and the gradients come from
 * the trainer's state, so ten million points cost no more than three.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slope-axis.h"
#include "slope-data-plot.h"
#include "slope-dataset.h"
#include "slope-math-text.h"
#include "slope-scaling.h"

#define NOT_YET "—"

/* How far into the epoch the state is; each stage adds what its line
 * computed.  STEP also stands for "between epochs", showing the last
 * completed epoch in full. */
typedef enum
{
  STAGE_NOTHING,
  STAGE_PREDICT,
  STAGE_COST,
  STAGE_ZERO_GRAD,
  STAGE_BACKWARD,
  STAGE_STEP,
} Stage;

typedef enum
{
  STYLE_NORMAL,
  STYLE_DIM,
  STYLE_VALUE,
  STYLE_CODE,
  STYLE_HEADING,
  STYLE_TITLE,
} Style;

/* Every style is one span opened and closed within a cell. */
static const char *style_open[] = {
  [STYLE_NORMAL] = "",
  [STYLE_DIM] = "<span alpha=\"55%\">",
  [STYLE_VALUE] = "<span weight=\"bold\" font_features=\"tnum\">",
  [STYLE_CODE] = "<tt>",
  [STYLE_HEADING] = "<span weight=\"bold\">",
  [STYLE_TITLE] = "<span size=\"x-large\" weight=\"bold\">",
};

static const char *style_close[] = {
  [STYLE_NORMAL] = "",
  [STYLE_DIM] = "</span>",
  [STYLE_VALUE] = "</span>",
  [STYLE_CODE] = "</tt>",
  [STYLE_HEADING] = "</span>",
  [STYLE_TITLE] = "</span>",
};

typedef struct
{
  GString *markup;
  GString *plain;
} Text;

typedef struct
{
  const SlopeTrainerState *state;
  Stage                    stage;
  double                   w_before;
  double                   b_before;
  SlopeDataset            *dataset;
  gsize                    n;
  guint                    max_points;
  const SlopeScaling      *scaling;  /* NULL or none: the data as it is */
  const char              *prime;    /* "′" on the scaled x and y, else "" */
} MathInput;

static void
put (Text       *t,
     Style       style,
     const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;

  escaped = g_markup_escape_text (text, -1);
  g_string_append (t->markup, style_open[style]);
  g_string_append (t->markup, escaped);
  g_string_append (t->markup, style_close[style]);
  g_string_append (t->plain, text);
}

static void
next_cell (Text *t)
{
  g_string_append_c (t->markup, '\t');
  g_string_append_c (t->plain, '\t');
}

static void
end_row (Text *t)
{
  g_string_append_c (t->markup, '\n');
  g_string_append_c (t->plain, '\n');
}

static char *
num (double value)
{
  char buf[64];

  slope_format_number_unicode (buf, sizeof buf, value, 6);
  return g_strdup (buf);
}

/* A number after ·, + or −: negative ones in parentheses, as a student
 * would write them. */
static char *
operand (double value)
{
  g_autofree char *text = num (value);

  if (value < 0.0)
    return g_strdup_printf ("(%s)", text);
  return g_steal_pointer (&text);
}

static void
append_subscript (GString *out,
                  guint64  n)
{
  char digits[24];

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n);
  for (const char *p = digits; *p != '\0'; p++)
    g_string_append_unichar (out, 0x2080 + (gunichar) (*p - '0'));
}

static char *
indexed (const char *symbol,
         guint64     index)
{
  GString *out = g_string_new (symbol);

  append_subscript (out, index);
  return g_string_free (out, FALSE);
}

/* One row: name, = formula, = the formula with numbers, = value (or
 * "—"), note.  Rows whose value is not computed yet are dimmed. */
static void
add_row (Text       *t,
         const char *name,
         const char *formula,
         const char *numbers,
         const char *value,
         const char *note)
{
  Style style = value != NULL ? STYLE_NORMAL : STYLE_DIM;

  put (t, style, name);
  next_cell (t);
  put (t, style, formula);
  next_cell (t);
  if (numbers != NULL)
    {
      put (t, style, "= ");
      put (t, style, numbers);
    }
  next_cell (t);
  if (value != NULL)
    {
      put (t, STYLE_NORMAL, "= ");
      put (t, STYLE_VALUE, value);
    }
  else
    put (t, STYLE_DIM, "= " NOT_YET);
  if (note != NULL && *note != '\0')
    {
      next_cell (t);
      put (t, STYLE_DIM, note);
    }
  end_row (t);
}

/* A section, named as the notebook's own comment names it. */
static void
add_heading (Text       *t,
             const char *title,
             const char *detail,
             const char *comment)
{
  put (t, STYLE_HEADING, title);
  if (detail != NULL)
    {
      put (t, STYLE_NORMAL, "   ");
      put (t, STYLE_NORMAL, detail);
    }
  if (comment != NULL)
    {
      put (t, STYLE_NORMAL, "   ");
      put (t, STYLE_CODE, comment);
    }
  end_row (t);
}

static Stage
stage_of (const SlopeTrainerState *state)
{
  switch (state->line)
    {
    case SLOPE_LINE_PREDICT:
      return STAGE_PREDICT;
    case SLOPE_LINE_COST:
      return STAGE_COST;
    case SLOPE_LINE_ZERO_GRAD:
      return STAGE_ZERO_GRAD;
    case SLOPE_LINE_BACKWARD:
      return STAGE_BACKWARD;
    case SLOPE_LINE_STEP:
    case SLOPE_LINE_NONE:
    default:
      return state->epoch > 0 ? STAGE_STEP : STAGE_NOTHING;
    }
}

static void
add_title (Text            *t,
           const MathInput *in)
{
  static const char *after[] = {
    [STAGE_PREDICT] = "hypothesis = …",
    [STAGE_COST] = "cost = …",
    [STAGE_ZERO_GRAD] = "optimizer.zero_grad()",
    [STAGE_BACKWARD] = "cost.backward()",
    [STAGE_STEP] = "optimizer.step()",
  };
  const SlopeTrainerState *st = in->state;
  /* Within an epoch run_epoch counts the ones before it. */
  guint shown = in->stage == STAGE_STEP ? st->run_epoch : st->run_epoch + 1;
  g_autofree char *title = g_strdup_printf (_("Epoch %u / %u"), shown, st->run_length);
  g_autofree char *status = NULL;

  if (in->stage == STAGE_NOTHING)
    status = g_strdup (_("not started"));
  else
    /* Translators: %s is a line of the training loop, e.g. cost.backward() */
    status = g_strdup_printf (_("after %s"), after[in->stage]);

  put (t, STYLE_TITLE, title);
  put (t, STYLE_NORMAL, "   ");
  put (t, STYLE_DIM, status);
  end_row (t);
}

static void
add_points (Text            *t,
            const MathInput *in)
{
  const double *x = slope_dataset_get_x (in->dataset);
  const double *y = slope_dataset_get_y (in->dataset);
  gsize shown = in->n;

  if (in->n > in->max_points)
    shown = MAX (in->max_points / 2, 1);

  for (gsize i = 0; i < shown; i++)
    {
      g_autofree char *y_hat = g_strconcat ("ŷ", in->prime, NULL);
      g_autofree char *x_sym = g_strconcat ("x", in->prime, NULL);
      g_autofree char *y_sym = g_strconcat ("y", in->prime, NULL);
      g_autofree char *name = indexed (y_hat, i + 1);
      g_autofree char *x_name = indexed (x_sym, i + 1);
      g_autofree char *y_name = indexed (y_sym, i + 1);
      g_autofree char *formula = g_strdup_printf ("= W·%s + b", x_name);
      g_autofree char *w_text = num (in->w_before);
      g_autofree char *x_text = operand (x[i]);
      g_autofree char *b_text = operand (in->b_before);
      g_autofree char *y_text = num (y[i]);
      g_autofree char *numbers = g_strdup_printf ("%s · %s + %s", w_text, x_text, b_text);
      g_autofree char *note = g_strdup_printf ("%s = %s", y_name, y_text);
      g_autofree char *value = NULL;

      /* The trainer's own arithmetic, so the digits are its digits. */
      if (in->stage >= STAGE_PREDICT)
        value = num (x[i] * in->w_before + in->b_before);
      add_row (t, name, formula, numbers, value, note);
    }

  if (shown < in->n)
    {
      gsize more = in->n - shown;
      g_autofree char *count = g_strdup_printf ("%" G_GSIZE_FORMAT, more);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %s more point",
                                                            "and %s more points",
                                                            more),
                                               count);

      put (t, STYLE_NORMAL, "…");
      next_cell (t);
      next_cell (t);
      put (t, STYLE_DIM, text);
      end_row (t);
    }
}

static void
add_prediction (Text            *t,
                const MathInput *in)
{
  add_heading (t, _("Prediction"), NULL, "# 예측");

  if (in->n == 0)
    {
      put (t, STYLE_DIM, _("No points"));
      end_row (t);
      return;
    }
  add_points (t, in);
}

static void
add_cost (Text            *t,
          const MathInput *in)
{
  g_autofree char *value = NULL;
  g_autofree char *note = g_strdup_printf ("N = %" G_GSIZE_FORMAT, in->n);

  g_autofree char *formula = g_strdup_printf ("= (1/N) Σ (ŷ%sᵢ − y%sᵢ)²", in->prime, in->prime);

  add_heading (t, _("Cost"), NULL, "# 손실 계산");
  if (in->stage >= STAGE_COST)
    value = num (in->state->cost);
  add_row (t, "cost", formula, NULL, value, note);
}

/* W.grad or b.grad (@param is "W" or "b"): zero, kept, or this epoch's
 * gradient added to what the buffer held, which is the whole point of
 * optimizer.zero_grad(). */
static void
add_buffer (Text            *t,
            const MathInput *in,
            const char      *param,
            double           buffer,
            double           gradient)
{
  gboolean zero_grad = in->state->zero_grad;
  g_autofree char *name = g_strdup_printf ("%s.grad", param);
  g_autofree char *formula = NULL;
  g_autofree char *numbers = NULL;
  g_autofree char *value = NULL;
  const char *note;

  formula = zero_grad ? g_strdup_printf ("= 0 + ∂cost/∂%s", param)
                      : g_strdup_printf ("= %s.grad + ∂cost/∂%s", param, param);

  if (in->stage >= STAGE_BACKWARD)
    {
      /* What the buffer held before backward() added this epoch's part. */
      double held = zero_grad ? 0.0 : buffer - gradient;
      g_autofree char *held_text = num (held);
      g_autofree char *gradient_text = operand (gradient);

      numbers = g_strdup_printf ("%s + %s", held_text, gradient_text);
      value = num (buffer);
      note = zero_grad ? _("cleared by zero_grad() first")
                       : _("running sum: zero_grad() is off");
    }
  else if (in->stage == STAGE_ZERO_GRAD)
    {
      g_clear_pointer (&formula, g_free);
      value = num (buffer);
      note = zero_grad ? _("cleared by zero_grad()")
                       : _("not cleared: zero_grad() is off");
    }
  else
    {
      note = zero_grad ? _("zero_grad() is on") : _("zero_grad() is off");
    }
  add_row (t, name, formula, numbers, value, note);
}

static void
add_gradients (Text            *t,
               const MathInput *in)
{
  const SlopeTrainerState *st = in->state;
  gboolean known = in->stage >= STAGE_BACKWARD;
  g_autofree char *d_w = known ? num (st->d_w) : NULL;
  g_autofree char *d_b = known ? num (st->d_b) : NULL;

  const char *p = in->prime;
  g_autofree char *f_w = g_strdup_printf ("= (2/N) Σ (ŷ%sᵢ − y%sᵢ)·x%sᵢ", p, p, p);
  g_autofree char *f_b = g_strdup_printf ("= (2/N) Σ (ŷ%sᵢ − y%sᵢ)", p, p);

  add_heading (t, _("Gradients"), NULL, "# 역전파 연산 수행");
  add_row (t, "∂cost/∂W", f_w, NULL, d_w, NULL);
  add_row (t, "∂cost/∂b", f_b, NULL, d_b, NULL);
  add_buffer (t, in, "W", st->w_grad, st->d_w);
  add_buffer (t, in, "b", st->b_grad, st->d_b);
}

static void
add_update_row (Text            *t,
                const MathInput *in,
                const char      *name,
                const char      *formula,
                double           before,
                double           buffer,
                double           after)
{
  g_autofree char *numbers = NULL;
  g_autofree char *value = NULL;

  if (in->stage >= STAGE_BACKWARD)
    {
      g_autofree char *before_text = num (before);
      g_autofree char *lr_text = num (in->state->lr);
      g_autofree char *buffer_text = operand (buffer);

      numbers = g_strdup_printf ("%s − %s · %s", before_text, lr_text, buffer_text);
    }
  if (in->stage >= STAGE_STEP)
    value = num (after);
  add_row (t, name, formula, numbers, value, NULL);
}

static gboolean
optimizer_is_plain (const SlopeOptimizerSettings *s)
{
  return s->kind == SLOPE_OPTIMIZER_SGD && s->momentum == 0.0 && s->weight_decay == 0.0;
}

/* One row of optimizer.state or of a parameter, for W then b: the rule
 * as torch.optim writes it (g is the parameter's .grad, weight decay
 * included), and its value once the step ran. */
static void
add_state_rows (Text            *t,
                const MathInput *in,
                const char      *field,
                const char      *rule,
                const double     values[2])
{
  static const char * const params[] = { "W", "b" };

  for (guint p = 0; p < 2; p++)
    {
      g_autofree char *name = field != NULL ? g_strdup_printf ("%s %s", field, params[p])
                                            : g_strdup (params[p]);
      g_autofree char *formula = g_strdup_printf ("← %s", rule);
      g_autofree char *value = in->stage >= STAGE_STEP ? num (values[p]) : NULL;

      add_row (t, name, formula, NULL, value, p == 0 && field != NULL ? _("optimizer.state") : NULL);
    }
}

/* Momentum, moments and sums: the rules of torch.optim's step, with the
 * values they hold after it (slope-optimizer.c computes them). */
static void
add_optimizer_update (Text            *t,
                      const MathInput *in)
{
  const SlopeTrainerState *st = in->state;
  const SlopeOptimizerSettings *s = &st->optimizer_settings;
  const SlopeParamState *ps = st->opt_state.param;
  double params[2] = { st->w, st->b };
  double v[2];

  switch (s->kind)
    {
    case SLOPE_OPTIMIZER_SGD:
      v[0] = ps[0].momentum_buffer, v[1] = ps[1].momentum_buffer;
      if (s->momentum != 0.0)
        add_state_rows (t, in, "momentum_buffer", "μ·buf + (1 − dampening)·g", v);
      add_state_rows (t, in, NULL,
                      s->momentum == 0.0 ? "p − lr·g"
                      : s->nesterov ? "p − lr·(g + μ·buf)" : "p − lr·buf", params);
      break;
    case SLOPE_OPTIMIZER_ADAM:
    case SLOPE_OPTIMIZER_ADAMW:
      v[0] = ps[0].exp_avg, v[1] = ps[1].exp_avg;
      add_state_rows (t, in, "exp_avg", "β₁·m + (1 − β₁)·g", v);
      v[0] = ps[0].exp_avg_sq, v[1] = ps[1].exp_avg_sq;
      add_state_rows (t, in, "exp_avg_sq", "β₂·v + (1 − β₂)·g²", v);
      if (s->amsgrad)
        {
          v[0] = ps[0].max_exp_avg_sq, v[1] = ps[1].max_exp_avg_sq;
          add_state_rows (t, in, "max_exp_avg_sq", "max(max_exp_avg_sq, v)", v);
        }
      add_state_rows (t, in, NULL,
                      s->kind == SLOPE_OPTIMIZER_ADAMW
                        ? "p·(1 − lr·λ) − lr·m̂ / (√v̂ + eps)"
                        : "p − lr·m̂ / (√v̂ + eps),  m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)",
                      params);
      break;
    case SLOPE_OPTIMIZER_RMSPROP:
      v[0] = ps[0].square_avg, v[1] = ps[1].square_avg;
      add_state_rows (t, in, "square_avg", "α·v + (1 − α)·g²", v);
      if (s->centered)
        {
          v[0] = ps[0].grad_avg, v[1] = ps[1].grad_avg;
          add_state_rows (t, in, "grad_avg", "α·ḡ + (1 − α)·g", v);
        }
      if (s->momentum > 0.0)
        {
          v[0] = ps[0].momentum_buffer, v[1] = ps[1].momentum_buffer;
          add_state_rows (t, in, "momentum_buffer", "μ·buf + g / (√v + eps)", v);
          add_state_rows (t, in, NULL, "p − lr·buf", params);
        }
      else
        add_state_rows (t, in, NULL, "p − lr·g / (√v + eps)", params);
      break;
    case SLOPE_OPTIMIZER_ADAGRAD:
    default:
      v[0] = ps[0].sum, v[1] = ps[1].sum;
      add_state_rows (t, in, "sum", "sum + g²", v);
      add_state_rows (t, in, NULL, "p − lr/(1 + (t − 1)·lr_decay) · g / (√sum + eps)", params);
      break;
    }
}

static void
add_update (Text            *t,
            const MathInput *in)
{
  const SlopeTrainerState *st = in->state;
  g_autofree char *lr_text = num (st->lr);
  g_autofree char *lr = g_strdup_printf ("lr = %s", lr_text);

  add_heading (t, _("Update"), lr, "# 가중치 갱신");
  if (!optimizer_is_plain (&st->optimizer_settings))
    add_optimizer_update (t, in);
  else
    {
      add_update_row (t, in, "W", "← W − lr·W.grad", in->w_before, st->w_grad, st->w);
      add_update_row (t, in, "b", "← b − lr·b.grad", in->b_before, st->b_grad, st->b);
    }

  /* The new line, written as the data plot's legend writes it, so the
   * panel and the plot can be read against each other. */
  if (in->stage >= STAGE_STEP && *in->prime != '\0')
    {
      /* Trained on x′ and y′; drawn in the data's units. */
      double w_data, b_data;
      g_autofree char *w_text = num (st->w);
      g_autofree char *b_text = operand (st->b);
      g_autofree char *scaled = g_strdup_printf ("%s·x′ + %s", w_text, b_text);
      g_autofree char *equation = NULL;
      const char *rhs;

      slope_scaling_line_to_data (in->scaling, st->w, st->b, &w_data, &b_data);
      equation = slope_format_equation (w_data, b_data);
      rhs = strstr (equation, "= ");
      add_row (t, "ŷ′", "= W·x′ + b", NULL, scaled, NULL);
      add_row (t, "ŷ", _("the same line in x and y"), NULL, rhs != NULL ? rhs + 2 : equation,
               _("the line drawn now"));
    }
  else if (in->stage >= STAGE_STEP)
    {
      g_autofree char *equation = slope_format_equation (st->w, st->b);
      const char *rhs = strstr (equation, "= ");

      add_row (t, "ŷ", "= W·x + b", NULL, rhs != NULL ? rhs + 2 : equation,
               _("the line drawn now"));
    }
}

/* One scaled variable: x′ = (x − 1 812.5) / 702.3, or x′ = x − 1 812.5. */
static void
add_scaling_row (Text       *t,
                 const char *name,
                 const char *symbol,
                 double      shift,
                 double      scale,
                 gboolean    divide)
{
  g_autofree char *shift_text = operand (shift);
  g_autofree char *scale_text = num (scale);
  g_autofree char *formula = NULL;

  formula = divide ? g_strdup_printf ("= (%s − %s) / %s", symbol, shift_text, scale_text)
                   : g_strdup_printf ("= %s − %s", symbol, shift_text);
  put (t, STYLE_NORMAL, name);
  next_cell (t);
  put (t, STYLE_NORMAL, formula);
  end_row (t);
}

/* Before the lesson's loop: the tensors it trains on are the scaled ones. */
static void
add_scaling (Text            *t,
             const MathInput *in)
{
  gboolean divide = in->scaling->mode == SLOPE_SCALE_STANDARDIZE;

  add_heading (t, divide ? _("Standardised") : _("Centred"),
               _("training sees x′ and y′; the plot shows x and y"), NULL);
  add_scaling_row (t, "x′", "x", in->scaling->x_shift, in->scaling->x_scale, divide);
  add_scaling_row (t, "y′", "y", in->scaling->y_shift, in->scaling->y_scale, divide);
}

/**
 * slope_math_text_build:
 * @state: the trainer's state
 * @w_before: W the epoch's hypotheses were computed with: mid-epoch
 *   @state->w; between epochs the last record's w_before
 * @b_before: likewise for b
 * @dataset: (nullable): the points being fitted: the scaled ones when
 *   @scaling is on
 * @scaling: (nullable): how the data was scaled for training; on, the
 *   panel writes the transformation with its numbers, names the scaled
 *   variables x′ and y′, and gives the line in the data's units too
 * @max_points: write out every point up to this many, else the first
 *   @max_points / 2 and "…"
 * @markup: (out) (optional): Pango markup
 * @plain: (out) (optional): the same text without markup
 */
void
slope_math_text_build (const SlopeTrainerState  *state,
                       double                    w_before,
                       double                    b_before,
                       SlopeDataset             *dataset,
                       const SlopeScaling       *scaling,
                       guint                     max_points,
                       char                    **markup,
                       char                    **plain)
{
  gboolean scaled = scaling != NULL && scaling->mode != SLOPE_SCALE_NONE;
  Text t;
  MathInput in;

  g_return_if_fail (state != NULL);

  t = (Text) { g_string_new (NULL), g_string_new (NULL) };
  in = (MathInput) {
    .state = state,
    .stage = stage_of (state),
    .w_before = w_before,
    .b_before = b_before,
    .dataset = dataset,
    .n = dataset != NULL ? slope_dataset_get_n (dataset) : 0,
    .max_points = MAX (max_points, 1),
    .scaling = scaled ? scaling : NULL,
    .prime = scaled ? "′" : "",
  };

  add_title (&t, &in);
  if (scaled)
    add_scaling (&t, &in);
  add_prediction (&t, &in);
  add_cost (&t, &in);
  add_gradients (&t, &in);
  add_update (&t, &in);

  /* No empty last line. */
  g_string_truncate (t.markup, t.markup->len - 1);
  g_string_truncate (t.plain, t.plain->len - 1);

  if (markup != NULL)
    *markup = g_string_free (t.markup, FALSE);
  else
    g_string_free (t.markup, TRUE);
  if (plain != NULL)
    *plain = g_string_free (t.plain, FALSE);
  else
    g_string_free (t.plain, TRUE);
}

char *
slope_math_markup (const SlopeTrainerState *state,
                   double                   w_before,
                   double                   b_before,
                   SlopeDataset            *dataset,
                   guint                    max_points)
{
  char *markup = NULL;

  g_return_val_if_fail (state != NULL, NULL);

  slope_math_text_build (state, w_before, b_before, dataset, NULL, max_points, &markup, NULL);
  return markup;
}

char *
slope_math_plain (const SlopeTrainerState *state,
                  double                   w_before,
                  double                   b_before,
                  SlopeDataset            *dataset,
                  guint                    max_points)
{
  char *plain = NULL;

  g_return_val_if_fail (state != NULL, NULL);

  slope_math_text_build (state, w_before, b_before, dataset, NULL, max_points, NULL, &plain);
  return plain;
}

/**
 * slope_math_state_apply_record:
 *
 * Makes @state describe the completed epoch in @record, with the learning
 * rate and zero_grad it ran with: between epochs either may already have
 * been changed for the next one, and the panel must show the numbers the
 * step actually used.
 */
void
slope_math_state_apply_record (SlopeTrainerState      *state,
                               const SlopeEpochRecord *record)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (record != NULL);

  state->epoch = record->epoch;
  state->run_epoch = record->run_epoch;
  state->run_length = record->run_length;
  state->w = record->w;
  state->b = record->b;
  state->lr = record->lr;
  state->zero_grad = record->zero_grad;
  state->w_grad = record->w_grad;
  state->b_grad = record->b_grad;
  state->line = SLOPE_LINE_NONE;
  state->cost = record->cost;
  state->d_w = record->d_w;
  state->d_b = record->d_b;
  state->has_cost = TRUE;
}
