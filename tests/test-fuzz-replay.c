/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fuzz-replay.c: every input in the fuzzers' seed corpus and every
 * input that ever crashed them, through the CSV reader as the fuzzer
 * passes it (fuzz/slope-fuzz-csv.c), in the normal suite.  Numbers from
 * the number fuzzer's corpus go through the cell parser against
 * g_ascii_strtod.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "slope-csv.h"
#include "slope-fuzz-csv.h"

static GPtrArray *
list_dir (const char *sub)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", sub, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  return paths;
}

static void
test_csv_corpus (gconstpointer data)
{
  const char *sub = data;
  g_autoptr(GPtrArray) paths = list_dir (sub);
  guint loaded = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (paths->pdata[i], &contents, &len, NULL));
      g_test_message ("%s", (const char *) paths->pdata[i]);
      loaded += slope_fuzz_csv_one ((const guint8 *) contents, len);
    }
  g_test_message ("%u of %u inputs loaded", loaded, paths->len);
  /* The seed corpus is mostly files that load. */
  if (g_str_equal (sub, "csv"))
    {
      g_assert_cmpuint (paths->len, >=, 20);
      g_assert_cmpuint (loaded, >=, paths->len / 2);
    }
}

static void
test_number_corpus (void)
{
  g_autoptr(GPtrArray) paths = list_dir ("number");

  g_assert_cmpuint (paths->len, >=, 5);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;
      double ours;

      g_assert_true (g_file_get_contents (paths->pdata[i], &contents, &len, NULL));
      if (slope_csv_parse_number (contents, len, &ours))
        {
          g_autofree char *trimmed = g_strstrip (g_strndup (contents, len));
          char *end = NULL;
          double theirs = g_ascii_strtod (trimmed, &end);

          g_assert_true (*end == '\0');
          g_assert_cmpmem (&ours, sizeof ours, &theirs, sizeof theirs);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/fuzz-replay/csv-corpus", "csv", test_csv_corpus);
  g_test_add_data_func ("/fuzz-replay/past-crashes", "crashes", test_csv_corpus);
  g_test_add_func ("/fuzz-replay/number-corpus", test_number_corpus);

  return g_test_run ();
}
