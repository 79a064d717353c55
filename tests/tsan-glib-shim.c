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
#include <glib.h>

void __tsan_acquire (void *addr);
void __tsan_release (void *addr);

#define REAL(name, type) \
  static type real = NULL; \
  if (G_UNLIKELY (real == NULL)) \
    real = (type) dlsym (RTLD_NEXT, name)

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
