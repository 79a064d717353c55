/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-save.c: a save that fails half-way leaves the old file byte for byte.
 *
 * Each writer Slope has (the data as CSV, the training log, a plot as PNG,
 * SVG or PDF) saves through a symlink, over a hard-linked file and in a
 * read-only folder, in a child process whose file-size limit stops the
 * write after 4 KiB.  GIO's g_file_replace() writes those three in place,
 * so before slope-save.c the old file was left truncated.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slope-csv.h"
#include "slope-data-plot.h"
#include "slope-dataset.h"
#include "slope-export.h"
#include "slope-history.h"
#include "slope-log-csv.h"

#define SIZE_LIMIT  4096
#define OLD_BYTES   "old contents, which must survive\n"
#define NOBODY      65534

typedef enum { PLACE_SYMLINK, PLACE_HARD_LINK, PLACE_READ_ONLY_FOLDER } Place;
typedef enum { WRITER_CSV, WRITER_LOG, WRITER_PNG, WRITER_SVG, WRITER_PDF } Writer;

typedef struct
{
  Place       place;
  Writer      writer;
  const char *name;
} Case;

static const Case cases[] = {
  { PLACE_SYMLINK, WRITER_CSV, "symlink/csv" },
  { PLACE_SYMLINK, WRITER_LOG, "symlink/log-csv" },
  { PLACE_SYMLINK, WRITER_PNG, "symlink/png" },
  { PLACE_SYMLINK, WRITER_SVG, "symlink/svg" },
  { PLACE_SYMLINK, WRITER_PDF, "symlink/pdf" },
  { PLACE_HARD_LINK, WRITER_CSV, "hard-link/csv" },
  { PLACE_HARD_LINK, WRITER_LOG, "hard-link/log-csv" },
  { PLACE_HARD_LINK, WRITER_PNG, "hard-link/png" },
  { PLACE_HARD_LINK, WRITER_SVG, "hard-link/svg" },
  { PLACE_HARD_LINK, WRITER_PDF, "hard-link/pdf" },
  { PLACE_READ_ONLY_FOLDER, WRITER_CSV, "read-only-folder/csv" },
  { PLACE_READ_ONLY_FOLDER, WRITER_LOG, "read-only-folder/log-csv" },
  { PLACE_READ_ONLY_FOLDER, WRITER_PNG, "read-only-folder/png" },
  { PLACE_READ_ONLY_FOLDER, WRITER_SVG, "read-only-folder/svg" },
  { PLACE_READ_ONLY_FOLDER, WRITER_PDF, "read-only-folder/pdf" },
};

/* The parent makes the files in a folder named after its pid; the child
 * (another process, same test) finds it from its parent's. */
static char *
case_dir (pid_t pid)
{
  g_autofree char *name = g_strdup_printf ("slope-test-save-%d", (int) pid);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static const char *
extension (Writer writer)
{
  switch (writer)
    {
    case WRITER_PNG:
      return "png";
    case WRITER_SVG:
      return "svg";
    case WRITER_PDF:
      return "pdf";
    case WRITER_CSV:
    case WRITER_LOG:
    default:
      return "csv";
    }
}

/* The file a person asked to save to. */
static char *
save_path (const char  *dir,
           const Case  *c)
{
  g_autofree char *name = NULL;

  switch (c->place)
    {
    case PLACE_SYMLINK:
      name = g_strdup_printf ("link.%s", extension (c->writer));
      return g_build_filename (dir, name, NULL);
    case PLACE_HARD_LINK:
      name = g_strdup_printf ("real.%s", extension (c->writer));
      return g_build_filename (dir, name, NULL);
    case PLACE_READ_ONLY_FOLDER:
    default:
      name = g_strdup_printf ("real.%s", extension (c->writer));
      return g_build_filename (dir, "ro", name, NULL);
    }
}

/* The file holding the old bytes. */
static char *
real_path (const char  *dir,
           const Case  *c)
{
  g_autofree char *name = g_strdup_printf ("real.%s", extension (c->writer));

  if (c->place == PLACE_SYMLINK)
    return g_build_filename (dir, "sub", name, NULL);
  if (c->place == PLACE_READ_ONLY_FOLDER)
    return g_build_filename (dir, "ro", name, NULL);
  return g_build_filename (dir, name, NULL);
}

static void
write_old (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, OLD_BYTES, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
}

static void
make_case (const char *dir,
           const Case *c)
{
  g_autofree char *real = real_path (dir, c);
  g_autofree char *wanted = save_path (dir, c);
  g_autofree char *sub = g_path_get_dirname (real);

  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  write_old (real);
  if (c->place == PLACE_SYMLINK)
    g_assert_cmpint (symlink (real, wanted), ==, 0);
  else if (c->place == PLACE_HARD_LINK)
    {
      g_autofree char *other = g_build_filename (dir, "other-name.csv", NULL);

      g_assert_cmpint (link (real, other), ==, 0);
    }
  else
    g_assert_cmpint (g_chmod (sub, 0555), ==, 0);
}

static SlopeDataset *
big_dataset (void)
{
  const gsize n = 2000;
  double *x = g_new (double, n);
  double *y = g_new (double, n);

  for (gsize i = 0; i < n; i++)
    {
      x[i] = 0.123456789 * (double) i;
      y[i] = 2.0 * x[i] + 0.987654321;
    }
  return slope_dataset_new_take (x, y, n, "big");
}

static gboolean
run_writer (Writer   writer,
            GFile   *file,
            GError **error)
{
  g_autoptr(SlopeDataset) dataset = big_dataset ();

  if (writer == WRITER_CSV)
    {
      gboolean ok = slope_csv_save (dataset, file, "x", "y", NULL, error);

      /* The data being saved is not touched by a failed save. */
      g_assert_cmpuint (slope_dataset_get_n (dataset), ==, 2000);
      g_assert_cmpfloat (slope_dataset_get_x (dataset)[1999], ==, 0.123456789 * 1999.0);
      return ok;
    }
  if (writer == WRITER_LOG)
    {
      g_autoptr(SlopeHistory) history = slope_history_new_default ();

      for (guint64 e = 1; e <= 1000; e++)
        {
          SlopeEpochRecord rec = { 0 };

          rec.epoch = e;
          rec.w = 1.0 / (double) e;
          rec.cost = 3.0 / (double) e;
          slope_history_append (history, &rec, 1);
        }
      return slope_log_csv_write (history, file, error);
    }
  else
    {
      SlopeDataPlot plot;

      slope_data_plot_init (&plot);
      plot.dataset = dataset;
      slope_viewport_fit (&plot.view, dataset);
      return slope_export_data_plot (file, &plot, 800, 600, error);
    }
}

/* In the child: the size limit, then the save, which must fail. */
static void
child_save (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *dir = case_dir (getppid ());
  g_autofree char *path = save_path (dir, c);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { SIZE_LIMIT, SIZE_LIMIT };

  if (!g_test_subprocess ())
    return;

  /* Root writes anywhere; the read-only folder needs another user. */
  if (c->place == PLACE_READ_ONLY_FOLDER && geteuid () == 0)
    {
      g_assert_cmpint (setgid (NOBODY), ==, 0);
      g_assert_cmpint (setuid (NOBODY), ==, 0);
    }
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (run_writer (c->writer, file, &error));
  g_assert_nonnull (error);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, extension (c->writer)));
  g_print ("%s\n", error->message);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
remove_tree (const char *dir)
{
  g_autofree char *ro = g_build_filename (dir, "ro", NULL);
  g_autofree char *command = NULL;

  g_chmod (ro, 0755);
  command = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (command), ==, 0);
}

static void
test_failed_save_keeps_old (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *dir = case_dir (getpid ());
  g_autofree char *real = real_path (dir, c);
  g_autofree char *wanted = save_path (dir, c);
  g_autofree char *real_dir = g_path_get_dirname (real);
  g_autofree char *child = g_strdup_printf ("/save/child/%s", c->name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint entries;
  struct stat st;

  remove_tree (dir);
  make_case (dir, c);
  entries = count_entries (real_dir);

  g_test_trap_subprocess (child, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  g_file_get_contents (real, &contents, NULL, &error);
  g_assert_no_error (error);
  /* Not cmpstr: a truncated plot or log would fill the log. */
  g_assert_true (g_str_equal (contents, OLD_BYTES));
  /* No temporary file left behind, and the link is still a link. */
  g_assert_cmpuint (count_entries (real_dir), ==, entries);
  g_assert_cmpint (lstat (wanted, &st), ==, 0);
  if (c->place == PLACE_SYMLINK)
    g_assert_true (S_ISLNK (st.st_mode));

  remove_tree (dir);
}

/* A hard-linked file or a read-only folder is refused outright, with a
 * reason, rather than written in place. */
static void
test_refused_with_reason (void)
{
  g_autofree char *dir = case_dir (getpid ());
  const Case *hard = &cases[5];
  g_autofree char *path = save_path (dir, hard);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  remove_tree (dir);
  make_case (dir, hard);
  g_assert_false (run_writer (WRITER_CSV, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "hard link"));
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, OLD_BYTES);
  remove_tree (dir);
}

/* Through a symlink the file it leads to gets the new contents, keeping
 * its permissions, and the link stays a link. */
static void
test_symlink_saved_through (void)
{
  g_autofree char *dir = case_dir (getpid ());
  const Case *sym = &cases[0];
  g_autofree char *wanted = save_path (dir, sym);
  g_autofree char *real = real_path (dir, sym);
  g_autoptr(GFile) file = g_file_new_for_path (wanted);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  struct stat st;

  remove_tree (dir);
  make_case (dir, sym);
  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  g_assert_true (run_writer (WRITER_CSV, file, &error));
  g_assert_no_error (error);

  g_assert_cmpint (lstat (wanted, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_file_get_contents (real, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "x,y\n0,0.987654321\n"));
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/save/failed/%s", cases[i].name);
      g_autofree char *child = g_strdup_printf ("/save/child/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_failed_save_keeps_old);
      g_test_add_data_func (child, &cases[i], child_save);
    }
  g_test_add_func ("/save/refused-with-reason", test_refused_with_reason);
  g_test_add_func ("/save/symlink-saved-through", test_symlink_saved_through);

  return g_test_run ();
}
