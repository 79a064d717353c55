/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tsan-glib-shim.c: lets ThreadSanitizer see GLib's mutexes (TSan builds
 * only; see docs/HACKING.md).
 *
 * GLib 2.74 on Linux implements GMutex with raw futex calls, not pthread
 * mutexes, so TSan never sees a lock taken or released and reports every
 * access guarded by a GMutex as a race.  This file, linked into the test
 * programs of a -Db_sanitize=thread build, wraps g_mutex_lock/unlock/
 * trylock and g_cond_wait/wait_until (which release and retake the mutex)
 * and tells TSan about each acquire and release.  Slope's own code is not
 * silenced: a real race on data no lock guards is still reported.
 */
#include "config.h"

#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <gio/gio.h>

void __tsan_acquire (void *addr);
void __tsan_release (void *addr);

/* GLib's own function, looked up once.  The first calls may come from
 * two threads at once: the pointer is stored and read atomically, so
 * the lookup itself is no race (any thread finds the same address). */
#define REAL(name, type) \
  static type real_fn = NULL; \
  type real = __atomic_load_n (&real_fn, __ATOMIC_ACQUIRE); \
  if (G_UNLIKELY (real == NULL)) \
    { \
      real = (type) dlsym (RTLD_NEXT, name); \
      __atomic_store_n (&real_fn, real, __ATOMIC_RELEASE); \
    }

typedef void     (*MutexFunc)    (GMutex *);
typedef gboolean (*TrylockFunc)  (GMutex *);
typedef void     (*WaitFunc)     (GCond *, GMutex *);
typedef gboolean (*WaitUntilFunc) (GCond *, GMutex *, gint64);

void
g_mutex_lock (GMutex *mutex)
{
  REAL ("g_mutex_lock", MutexFunc);
  real (mutex);
  __tsan_acquire (mutex);
}

void
g_mutex_unlock (GMutex *mutex)
{
  REAL ("g_mutex_unlock", MutexFunc);
  __tsan_release (mutex);
  real (mutex);
}

gboolean
g_mutex_trylock (GMutex *mutex)
{
  REAL ("g_mutex_trylock", TrylockFunc);
  if (!real (mutex))
    return FALSE;
  __tsan_acquire (mutex);
  return TRUE;
}

void
g_cond_wait (GCond  *cond,
             GMutex *mutex)
{
  REAL ("g_cond_wait", WaitFunc);
  __tsan_release (mutex);
  real (cond, mutex);
  __tsan_acquire (mutex);
}

gboolean
g_cond_wait_until (GCond  *cond,
                   GMutex *mutex,
                   gint64  end_time)
{
  gboolean signalled;

  REAL ("g_cond_wait_until", WaitUntilFunc);
  __tsan_release (mutex);
  signalled = real (cond, mutex, end_time);
  __tsan_acquire (mutex);
  return signalled;
}

/* GTask hands a task to a worker of GLib's thread pool, and its result
 * back to the caller's main context, through GLib's own (invisible)
 * locks.  So the task's data written before g_task_run_in_thread() and
 * read in the worker, and the result written by the worker and read by
 * the callback, look like races.  The task's address carries each
 * hand-off: released where GTask takes it, acquired where it arrives. */

typedef void     (*RunFunc)           (GTask *, GTaskThreadFunc);
typedef void     (*ReturnPointerFunc) (GTask *, gpointer, GDestroyNotify);
typedef void     (*ReturnErrorFunc)   (GTask *, GError *);
typedef void     (*ReturnBooleanFunc) (GTask *, gboolean);
typedef void     (*ReturnIntFunc)     (GTask *, gssize);
typedef gpointer (*PropagatePointerFunc) (GTask *, GError **);
typedef gboolean (*PropagateBooleanFunc) (GTask *, GError **);
typedef gssize   (*PropagateIntFunc)  (GTask *, GError **);

static GQuark
thread_func_quark (void)
{
  static GQuark quark;
  GQuark q = __atomic_load_n (&quark, __ATOMIC_ACQUIRE);

  if (q == 0)
    {
      q = g_quark_from_static_string ("slope-tsan-thread-func");
      __atomic_store_n (&quark, q, __ATOMIC_RELEASE);
    }
  return q;
}

static void
run_acquired (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GTaskThreadFunc func;

  __tsan_acquire (task);
  func = (GTaskThreadFunc) g_object_get_qdata (G_OBJECT (task), thread_func_quark ());
  func (task, source, task_data, cancellable);
}

void
g_task_run_in_thread (GTask           *task,
                      GTaskThreadFunc  task_func)
{
  REAL ("g_task_run_in_thread", RunFunc);
  g_object_set_qdata (G_OBJECT (task), thread_func_quark (), (gpointer) task_func);
  __tsan_release (task);
  real (task, run_acquired);
}

void
g_task_return_pointer (GTask          *task,
                       gpointer        result,
                       GDestroyNotify  result_destroy)
{
  REAL ("g_task_return_pointer", ReturnPointerFunc);
  __tsan_release (task);
  real (task, result, result_destroy);
}

void
g_task_return_error (GTask  *task,
                     GError *error)
{
  REAL ("g_task_return_error", ReturnErrorFunc);
  __tsan_release (task);
  real (task, error);
}

void
g_task_return_boolean (GTask    *task,
                       gboolean  result)
{
  REAL ("g_task_return_boolean", ReturnBooleanFunc);
  __tsan_release (task);
  real (task, result);
}

void
g_task_return_int (GTask  *task,
                   gssize  result)
{
  REAL ("g_task_return_int", ReturnIntFunc);
  __tsan_release (task);
  real (task, result);
}

gpointer
g_task_propagate_pointer (GTask   *task,
                          GError **error)
{
  REAL ("g_task_propagate_pointer", PropagatePointerFunc);
  __tsan_acquire (task);
  return real (task, error);
}

gboolean
g_task_propagate_boolean (GTask   *task,
                          GError **error)
{
  REAL ("g_task_propagate_boolean", PropagateBooleanFunc);
  __tsan_acquire (task);
  return real (task, error);
}

gssize
g_task_propagate_int (GTask   *task,
                      GError **error)
{
  REAL ("g_task_propagate_int", PropagateIntFunc);
  __tsan_acquire (task);
  return real (task, error);
}
