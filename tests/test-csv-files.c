/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv-files.c: the reader against files that are not plain, small and
 * still: FIFOs, devices, sources that never end, a file cut short while it
 * loads, a header of hundreds of thousands of columns, a very wide sample.
 * Each once hung, crashed or filled memory.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slope-csv-private.h"
#include "slope-csv.h"

typedef struct
{
  char       *path;
  const char *contents;     /* written once; NULL: "1,2\n" until the reader leaves */
} Writer;

static gpointer
write_fifo (gpointer data)
{
  Writer *w = data;
  int fd = g_open (w->path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  if (w->contents != NULL)
    {
      gsize half = strlen (w->contents) / 2;

      /* In two writes, as a slow producer would. */
      g_assert_cmpint (write (fd, w->contents, half), ==, (gssize) half);
      g_assert_cmpint (write (fd, w->contents + half, strlen (w->contents) - half),
                       ==, (gssize) (strlen (w->contents) - half));
    }
  else
    {
      char block[4096];

      for (gsize i = 0; i + 4 <= sizeof block; i += 4)
        memcpy (block + i, "1,2\n", 4);
      /* Until the reader closes its end: EPIPE (SIGPIPE is ignored). */
      while (write (fd, block, sizeof block) > 0)
        ;
    }
  close (fd);
  return NULL;
}

static char *
make_fifo (const char *dir)
{
  char *path = g_build_filename (dir, "pipe.csv", NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  return path;
}

/* A FIFO is opened once and read to its end: nothing the writer wrote is
 * lost, and the load does not block once the writer is done. */
static void
test_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("slope-csv-XXXXXX", NULL);
  g_autofree char *path = make_fifo (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  Writer w = { path, "x,y\n1,2\n2,4\n3,6\n4,8\n" };
  GThread *thread = g_thread_new ("writer", write_fifo, &w);

  dataset = slope_csv_load (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_thread_join (thread);
  g_assert_no_error (error);
  g_assert_cmpuint (slope_dataset_get_n (dataset), ==, 4);
  g_assert_cmpfloat (slope_dataset_get_x (dataset)[0], ==, 1.0);
  g_assert_cmpfloat (slope_dataset_get_y (dataset)[3], ==, 8.0);
  g_unlink (path);
  g_rmdir (dir);
}

/* A FIFO nobody writes to: the load waits, and Cancel ends the wait. */
static void
test_fifo_cancelled (void)
{
  g_autofree char *dir = g_dir_make_tmp ("slope-csv-XXXXXX", NULL);
  g_autofree char *path = make_fifo (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  dataset = slope_csv_load (file, NULL, NULL, cancellable, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  GFile        *file;
  GCancellable *cancellable;
  GError       *error;
  SlopeDataset *dataset;
} LoadJob;

static gpointer
load_job (gpointer data)
{
  LoadJob *job = data;

  job->dataset = slope_csv_load (job->file, NULL, NULL, job->cancellable, NULL, NULL,
                                 &job->error);
  return NULL;
}

/* Cancel from another thread while the load is (or will be) waiting for
 * a writer that never comes. */
static void
test_fifo_cancelled_while_waiting (void)
{
  g_autofree char *dir = g_dir_make_tmp ("slope-csv-XXXXXX", NULL);
  g_autofree char *path = make_fifo (dir);
  LoadJob job = { g_file_new_for_path (path), g_cancellable_new (), NULL, NULL };
  GThread *thread = g_thread_new ("load", load_job, &job);

  g_cancellable_cancel (job.cancellable);
  g_thread_join (thread);
  g_assert_null (job.dataset);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&job.error);
  g_object_unref (job.file);
  g_object_unref (job.cancellable);
  g_unlink (path);
  g_rmdir (dir);
}

/* /dev/zero never ends and is all NUL bytes: the first chunk says so. */
static void
test_dev_zero (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }
  dataset = slope_csv_load (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_NOT_TEXT);
  g_assert_true (g_str_has_prefix (error->message, "zero: "));
}

/* Text that never ends stops at the limit, with a message naming it. */
static void
test_endless_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("slope-csv-XXXXXX", NULL);
  g_autofree char *path = make_fifo (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  Writer w = { path, NULL };
  GThread *thread;

  signal (SIGPIPE, SIG_IGN);
  thread = g_thread_new ("writer", write_fifo, &w);
  bytes = slope_csv_read_file (file, "pipe.csv", 1024 * 1024, 0, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "pipe.csv: "));
  /* The reader closed its end: the writer gets EPIPE and stops. */
  g_thread_join (thread);
  g_unlink (path);
  g_rmdir (dir);
}

/* In a child: a file cut to nothing while it loads.  A mapped file would
 * raise SIGBUS on the next page; read with read(), the load sees the file
 * end before its size. */
static void
on_progress_truncate (double   fraction,
                      gpointer user_data)
{
  g_assert_cmpint (truncate (user_data, 0), ==, 0);
}

static char *
write_rows_file (const char *dir,
                 guint       n_rows)
{
  g_autoptr(GString) s = g_string_new ("x,y\n");
  char *path = g_build_filename (dir, "rows.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (s, "%u,%u\n", i, 2 * i + 1);
  g_file_set_contents (path, s->str, (gssize) s->len, &error);
  g_assert_no_error (error);
  return path;
}

static char *
truncation_dir (pid_t pid)
{
  g_autofree char *name = g_strdup_printf ("slope-test-truncate-%d", (int) pid);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
child_truncated (void)
{
  g_autofree char *dir = truncation_dir (getppid ());
  g_autofree char *path = g_build_filename (dir, "rows.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    return;
  dataset = slope_csv_load (file, NULL, NULL, NULL, on_progress_truncate, path, &error);
  /* Read in blocks, the load sees the file end early and says so, rather
   * than give the rows it had as if they were all; never a signal. */
  g_assert_null (dataset);
  g_assert_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==, "rows.csv: the file became shorter while it was read");
}

static void
test_truncated_while_loading (void)
{
  g_autofree char *dir = truncation_dir (getpid ());
  g_autofree char *path = NULL;

  g_mkdir_with_parents (dir, 0700);
  path = write_rows_file (dir, 500000);
  g_test_trap_subprocess ("/csv-files/child/truncated", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_unlink (path);
  g_rmdir (dir);
}

/* Naming, sniffing and previewing are linear in the columns: 400 000 of
 * them (a quadratic step took minutes) load, with every name right. */
static void
test_wide_header (void)
{
  const guint n = 400000;
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SlopeCsvPreview) preview = NULL;
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  for (guint row = 0; row < 3; row++)
    {
      for (guint c = 0; c < n; c++)
        {
          if (row == 0)
            g_string_append_printf (s, c ? ",c%u" : "c%u", c);
          else
            g_string_append_printf (s, c ? ",%u" : "%u", c == 1 ? 2 * row : row);
        }
      g_string_append_c (s, '\n');
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&s));

  preview = slope_csv_preview_bytes (bytes, "wide.csv", NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_columns, ==, n);
  g_assert_cmpstr (preview->column_names[n - 1], ==, "c399999");
  g_assert_cmpuint (preview->rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (preview->rows, 1))[n - 1], ==, "2");

  dataset = slope_csv_load_bytes (bytes, "wide.csv", NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slope_dataset_get_n (dataset), ==, 2);
  g_assert_cmpfloat (slope_dataset_get_y (dataset)[1], ==, 4.0);
}

/* Short rows in the sample are padded with empty cells. */
static void
test_preview_pads_short_rows (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a,b,c\n1,2,3\n4,5\n\"x\"\"y\",7,8\n", 27);
  g_autoptr(SlopeCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  char **row;

  preview = slope_csv_preview_bytes (bytes, "short.csv", NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows->len, ==, 3);
  row = g_ptr_array_index (preview->rows, 1);
  g_assert_cmpstr (row[0], ==, "4");
  g_assert_cmpstr (row[1], ==, "5");
  g_assert_cmpstr (row[2], ==, "");
  g_assert_null (row[3]);
  row = g_ptr_array_index (preview->rows, 2);
  g_assert_cmpstr (row[0], ==, "x\"y");
}

/* Found by fuzz-csv: x and y the same column loaded a line y = x. */
static void
test_same_column_refused (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a,b\n1,2\n3,4\n", 12);
  SlopeCsvOptions options = { SLOPE_CSV_DELIMITER_AUTO, "1", "a" };
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = slope_csv_load_bytes (bytes, "same.csv", &options, NULL, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_NO_SUCH_COLUMN);
  g_assert_cmpstr (error->message, ==,
                   "same.csv: x and y are both column 1 (“a”); choose two different columns");
}

static gsize
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return (gsize) g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

/* In a child, for a fresh peak: 101 rows × 25 000 numeric columns (about
 * 10 MB) once took 490 MB; what is kept is the file and one copy of the
 * sampled cells. */
static void
child_wide_memory (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SlopeCsvPreview) preview = NULL;
  g_autoptr(SlopeDataset) dataset = NULL;
  gsize before, after;

  if (!g_test_subprocess ())
    return;
  for (guint c = 0; c < 25000; c++)
    g_string_append_printf (s, c ? ",c%u" : "c%u", c);
  g_string_append_c (s, '\n');
  for (guint r = 0; r < 100; r++)
    {
      for (guint c = 0; c < 25000; c++)
        g_string_append_printf (s, c ? ",%u" : "%u", (r * 7919 + c * 104729) % 1000);
      g_string_append_c (s, '\n');
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&s));

  before = peak_kib ();
  preview = slope_csv_preview_bytes (bytes, "wide.csv", NULL, 100, NULL);
  dataset = slope_csv_load_bytes (bytes, "wide.csv", NULL, NULL, NULL, NULL, NULL, NULL);
  after = peak_kib ();
  g_assert_nonnull (preview);
  g_assert_nonnull (dataset);
  g_test_message ("peak grew by %" G_GSIZE_FORMAT " KiB", after - before);
  /* The cells' text is under 10 MB; 2.5 million pointers are 20 MB. */
  g_assert_cmpuint (after - before, <, 120 * 1024);
}

static void
test_wide_memory (void)
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  g_test_skip ("a sanitizer's shadow memory and quarantine distort the peak");
  return;
#endif
  if (!g_file_test ("/proc/self/status", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc/self/status");
      return;
    }
  g_test_trap_subprocess ("/csv-files/child/wide-memory", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static char *
block_memory_path (pid_t pid)
{
  g_autofree char *name = g_strdup_printf ("slope-test-block-memory-%d.csv", (int) pid);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

/* In a child, for a fresh peak: a file of 1 000 000 rows of 22 bytes,
 * all alike so that the sample sizes the arrays well, loads in blocks;
 * the memory it takes is the 16 MB of points and a few
 * blocks, not the file on top (the whole file read at once took 38 MB). */
static void
child_block_memory (void)
{
  g_autofree char *path = block_memory_path (getppid ());
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gsize before, after;

  if (!g_test_subprocess ())
    return;
  before = peak_kib ();
  dataset = slope_csv_load (file, NULL, NULL, NULL, NULL, NULL, &error);
  after = peak_kib ();
  g_assert_no_error (error);
  g_assert_cmpuint (slope_dataset_get_n (dataset), ==, 1000000);
  g_assert_cmpfloat (slope_dataset_get_y (dataset)[999999], ==, 1999998.25);
  g_test_message ("peak grew by %" G_GSIZE_FORMAT " KiB", after - before);
  /* A quarter more for the arrays as estimated (meson test fills new
   * memory: MALLOC_PERTURB_), 6 MB for blocks and huge pages. */
  g_assert_cmpuint (after - before, <, 16 * 1000000 / 1024 * 5 / 4 + 6 * 1024);
}

static void
test_block_memory (void)
{
  g_autofree char *path = block_memory_path (getpid ());
  g_autoptr(GString) s = g_string_new ("x,y\n");
  g_autoptr(GError) error = NULL;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  g_test_skip ("a sanitizer's shadow memory and quarantine distort the peak");
  return;
#endif
  if (!g_file_test ("/proc/self/status", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc/self/status");
      return;
    }
  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (s, "%07u.5,%08u.25\n", i, 2 * i);
  g_file_set_contents (path, s->str, (gssize) s->len, &error);
  g_assert_no_error (error);
  g_test_trap_subprocess ("/csv-files/child/block-memory", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unlink (path);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-files/fifo", test_fifo);
  g_test_add_func ("/csv-files/fifo-cancelled", test_fifo_cancelled);
  g_test_add_func ("/csv-files/fifo-cancelled-while-waiting", test_fifo_cancelled_while_waiting);
  g_test_add_func ("/csv-files/dev-zero", test_dev_zero);
  g_test_add_func ("/csv-files/endless-text", test_endless_text);
  g_test_add_func ("/csv-files/truncated-while-loading", test_truncated_while_loading);
  g_test_add_func ("/csv-files/wide-header", test_wide_header);
  g_test_add_func ("/csv-files/preview-pads-short-rows", test_preview_pads_short_rows);
  g_test_add_func ("/csv-files/wide-memory", test_wide_memory);
  g_test_add_func ("/csv-files/same-column-refused", test_same_column_refused);
  g_test_add_func ("/csv-files/child/truncated", child_truncated);
  g_test_add_func ("/csv-files/child/wide-memory", child_wide_memory);
  g_test_add_func ("/csv-files/block-memory", test_block_memory);
  g_test_add_func ("/csv-files/child/block-memory", child_block_memory);

  return g_test_run ();
}
