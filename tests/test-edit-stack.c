/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-edit-stack.c: undo and redo of edited datasets, the unsaved-edits
 * flag, and the bound on the points the stack keeps. */
#include "config.h"

#include "slope-edit-stack.h"

/* A dataset of @n points, told apart by its first y. */
static SlopeDataset *
make (gsize  n,
      double tag)
{
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);

  for (gsize i = 0; i < n; i++)
    {
      x[i] = (double) i;
      y[i] = i == 0 ? tag : 2.0 * (double) i;
    }
  return slope_dataset_new (x, y, n, "test");
}

static double
tag_of (SlopeDataset *dataset)
{
  return slope_dataset_get_y (dataset)[0];
}

static void
test_undo_redo (void)
{
  g_autoptr(SlopeEditStack) stack = slope_edit_stack_new (0);
  g_autoptr(SlopeDataset) d0 = make (3, 0.0);
  g_autoptr(SlopeDataset) d1 = make (4, 1.0);
  g_autoptr(SlopeDataset) d2 = make (3, 2.0);
  g_autoptr(SlopeDataset) back1 = NULL;
  g_autoptr(SlopeDataset) back0 = NULL;
  g_autoptr(SlopeDataset) again1 = NULL;
  g_autoptr(SlopeDataset) again2 = NULL;

  g_assert_false (slope_edit_stack_can_undo (stack));
  g_assert_false (slope_edit_stack_can_redo (stack));
  g_assert_null (slope_edit_stack_undo (stack, d0));
  g_assert_null (slope_edit_stack_redo (stack, d0));

  /* d0 → d1 → d2 */
  slope_edit_stack_push (stack, d0);
  slope_edit_stack_push (stack, d1);
  g_assert_true (slope_edit_stack_can_undo (stack));
  g_assert_cmpuint (slope_edit_stack_get_n_undo (stack), ==, 2);
  g_assert_cmpuint (slope_edit_stack_get_n_points (stack), ==, 7);

  back1 = slope_edit_stack_undo (stack, d2);
  g_assert_true (back1 == d1);
  back0 = slope_edit_stack_undo (stack, back1);
  g_assert_true (back0 == d0);
  g_assert_false (slope_edit_stack_can_undo (stack));
  g_assert_cmpuint (slope_edit_stack_get_n_redo (stack), ==, 2);

  again1 = slope_edit_stack_redo (stack, back0);
  g_assert_true (again1 == d1);
  again2 = slope_edit_stack_redo (stack, again1);
  g_assert_true (again2 == d2);
  g_assert_cmpfloat (tag_of (again2), ==, 2.0);
  g_assert_false (slope_edit_stack_can_redo (stack));
  g_assert_cmpuint (slope_edit_stack_get_n_undo (stack), ==, 2);
}

static void
test_push_clears_redo (void)
{
  g_autoptr(SlopeEditStack) stack = slope_edit_stack_new (0);
  g_autoptr(SlopeDataset) d0 = make (3, 0.0);
  g_autoptr(SlopeDataset) d1 = make (3, 1.0);
  g_autoptr(SlopeDataset) d2 = make (3, 2.0);
  g_autoptr(SlopeDataset) back = NULL;

  slope_edit_stack_push (stack, d0);
  back = slope_edit_stack_undo (stack, d1);
  g_assert_true (back == d0);
  g_assert_true (slope_edit_stack_can_redo (stack));

  /* A new edit from d0 makes d1 unreachable. */
  slope_edit_stack_push (stack, d0);
  g_assert_false (slope_edit_stack_can_redo (stack));
  g_assert_null (slope_edit_stack_redo (stack, d2));
  g_assert_cmpuint (slope_edit_stack_get_n_points (stack), ==, 3);
}

static void
test_clear (void)
{
  g_autoptr(SlopeEditStack) stack = slope_edit_stack_new (0);
  g_autoptr(SlopeDataset) d0 = make (3, 0.0);
  g_autoptr(SlopeDataset) d1 = make (3, 1.0);
  g_autoptr(SlopeDataset) back = NULL;

  slope_edit_stack_push (stack, d0);
  slope_edit_stack_push (stack, d1);
  back = slope_edit_stack_undo (stack, d1);
  g_assert_true (slope_edit_stack_is_modified (stack));

  slope_edit_stack_clear (stack);
  g_assert_false (slope_edit_stack_can_undo (stack));
  g_assert_false (slope_edit_stack_can_redo (stack));
  g_assert_false (slope_edit_stack_is_modified (stack));
  g_assert_cmpuint (slope_edit_stack_get_n_points (stack), ==, 0);
}

static void
test_modified (void)
{
  g_autoptr(SlopeEditStack) stack = slope_edit_stack_new (0);
  g_autoptr(SlopeDataset) d0 = make (3, 0.0);
  g_autoptr(SlopeDataset) d1 = make (3, 1.0);
  g_autoptr(SlopeDataset) d2 = make (3, 2.0);
  g_autoptr(SlopeDataset) a = NULL;
  g_autoptr(SlopeDataset) b = NULL;
  g_autoptr(SlopeDataset) c = NULL;

  g_assert_false (slope_edit_stack_is_modified (stack));
  slope_edit_stack_push (stack, d0);
  g_assert_true (slope_edit_stack_is_modified (stack));

  /* Undoing back to the data as loaded is unmodified again. */
  a = slope_edit_stack_undo (stack, d1);
  g_assert_false (slope_edit_stack_is_modified (stack));
  b = slope_edit_stack_redo (stack, a);
  g_assert_true (slope_edit_stack_is_modified (stack));

  /* Saved at d1: undo and redo around it. */
  slope_edit_stack_mark_saved (stack);
  g_assert_false (slope_edit_stack_is_modified (stack));
  slope_edit_stack_push (stack, b);
  g_assert_true (slope_edit_stack_is_modified (stack));
  c = slope_edit_stack_undo (stack, d2);
  g_assert_false (slope_edit_stack_is_modified (stack));
  g_clear_object (&a);
  a = slope_edit_stack_undo (stack, c);
  g_assert_true (slope_edit_stack_is_modified (stack));

  /* A new edit from d0 drops the saved d1 from the redo list: the saved
   * state can never come back, even after undoing. */
  slope_edit_stack_push (stack, a);
  g_assert_true (slope_edit_stack_is_modified (stack));
  g_clear_object (&b);
  b = slope_edit_stack_undo (stack, d2);
  g_assert_true (b == d0);
  g_assert_true (slope_edit_stack_is_modified (stack));
}

/* Ten steps of 100 points, at most 450 kept: the four newest remain. */
static void
test_bound_drops_oldest (void)
{
  g_autoptr(SlopeEditStack) stack = slope_edit_stack_new (450);
  g_autoptr(SlopeDataset) current = make (100, 10.0);
  SlopeDataset *back;

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(SlopeDataset) d = make (100, (double) i);

      slope_edit_stack_push (stack, d);
      g_assert_cmpuint (slope_edit_stack_get_n_points (stack), <=, 450);
    }
  g_assert_cmpuint (slope_edit_stack_get_n_undo (stack), ==, 4);
  g_assert_cmpuint (slope_edit_stack_get_n_points (stack), ==, 400);

  for (guint i = 0; i < 4; i++)
    {
      back = slope_edit_stack_undo (stack, current);
      g_assert_nonnull (back);
      g_assert_cmpfloat (tag_of (back), ==, (double) (9 - i));
      g_set_object (&current, back);
      g_object_unref (back);
    }
  g_assert_false (slope_edit_stack_can_undo (stack));
  g_assert_null (slope_edit_stack_undo (stack, current));
  /* The oldest steps were forgotten, so the data is not as it started. */
  g_assert_true (slope_edit_stack_is_modified (stack));
}

/* One dataset larger than the whole bound is not kept at all. */
static void
test_bound_single_too_large (void)
{
  g_autoptr(SlopeEditStack) stack = slope_edit_stack_new (50);
  g_autoptr(SlopeDataset) big = make (100, 0.0);

  slope_edit_stack_push (stack, big);
  g_assert_false (slope_edit_stack_can_undo (stack));
  g_assert_cmpuint (slope_edit_stack_get_n_points (stack), ==, 0);
  g_assert_true (slope_edit_stack_is_modified (stack));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/edit-stack/undo-redo", test_undo_redo);
  g_test_add_func ("/edit-stack/push-clears-redo", test_push_clears_redo);
  g_test_add_func ("/edit-stack/clear", test_clear);
  g_test_add_func ("/edit-stack/modified", test_modified);
  g_test_add_func ("/edit-stack/bound-drops-oldest", test_bound_drops_oldest);
  g_test_add_func ("/edit-stack/bound-single-too-large", test_bound_single_too_large);

  return g_test_run ();
}
