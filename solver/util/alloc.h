/* Allocation that never returns NULL, overflow-checked array growth, string helpers, and the
 * scopes that turn exhausted memory into a status.
 *
 * Exhausted memory is not threaded through the search as NULL checks. Instead every public
 * library call runs in an allocation scope (WP_GUARD, error/guard.h): each block wp_malloc hands
 * out is linked into the scope of the call that allocated it, and when an allocation fails,
 * wp_malloc jumps back to that call, which releases every block and resource the call acquired and
 * returns WP_ERR_INTERNAL with a message saying what it was doing and how much memory it lacked.
 * The library so never exits, and a failed call leaks nothing. When no scope is active (the
 * command-line program's own code), exhaustion prints one line and exits with status 1.
 *
 * Rules that keep this sound:
 * - memory from wp_malloc and friends is released with wp_free, never wp_free();
 * - a resource that is not wp_ memory (a FILE, a PROJ or GLPK object, a libcsv parser, a
 *   temporary file, a wp_error's problems) held across allocations is registered with
 *   wp_scope_defer and the registration cancelled when the resource is released normally;
 *   cJSON allocates through wp_try_malloc, so its trees need nothing;
 * - a registration's argument lives on the heap: the frames below the scope are gone when it
 *   runs;
 * - memory that must outlive a failed call (the caller's wp_error, process-wide state) is
 *   detached with wp_alloc_keep;
 * - a public call that changes an object it was given makes its allocations first and
 *   changes the object only at the end;
 * - an OpenMP worker runs its share through wp_worker_run, and no allocation happens inside an
 *   omp critical section (a jump out of one would keep its lock). */
#ifndef WP_UTIL_ALLOC_H
#define WP_UTIL_ALLOC_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

void *wp_malloc(size_t size);
void *wp_calloc(size_t count, size_t size);
/* malloc that returns NULL on exhaustion (also under the test hook) instead of jumping. */
void *wp_try_malloc(size_t size);
void *wp_realloc(void *ptr, size_t size);
/* realloc of count * size bytes; an overflowing product counts as exhausted memory. */
void *wp_realloc_array(void *ptr, size_t count, size_t size);
void wp_free(void *ptr);
/* How many wp_try_malloc calls have returned NULL on this thread so far. */
long wp_alloc_failures(void);
/* Reports exhausted memory that a library allocating through wp_try_malloc (cJSON) signalled
 * by returning NULL: jumps like wp_malloc, with the size that last failed on this thread. */
_Noreturn void wp_alloc_fail(void);
char *wp_strdup(const char *s);
char *wp_strndup(const char *s, size_t n);
char *wp_strdupf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
char *wp_vstrdupf(const char *fmt, va_list ap);

/* Detaches block p from the scope it was allocated in: a failing call no longer frees it. */
void wp_alloc_keep(void *p);

/* Test hook: the Nth allocation from now on fails (0 disables). */
void wp_alloc_fail_after(long n);
/* Blocks from wp_malloc and friends not yet freed, in every thread (for leak tests). */
long wp_alloc_live_blocks(void);

/* Grows *items (capacity *cap) to hold at least `need` elements, doubling. */
void wp_grow_impl(void **items, size_t *cap, size_t need, size_t elem);
#define WP_GROW(items, cap, need) wp_grow_impl((void **)&(items), &(cap), (need), sizeof *(items))

/* Appends one element to a (items, count, cap) triple. */
#define WP_PUSH(items, count, cap, value)                                                          \
    do {                                                                                           \
        WP_GROW(items, cap, (count) + 1);                                                          \
        (items)[(count)++] = (value);                                                              \
    } while (0)

/* ---- scopes ------------------------------------------------------------------------------ */

typedef struct wp_scope wp_scope;
typedef struct wp_cleanup wp_cleanup;
/* Opens a scope on this thread; allocations go to it until it ends. Used through WP_GUARD. */
void wp_scope_begin(jmp_buf *on_oom);
/* Closes the innermost scope: its blocks and registrations pass to the enclosing scope (or are
 * detached when there is none). Returns `status`, so that a call can end with it. */
int wp_scope_end(int status);
/* After the jump: releases what the innermost scope acquired, closes it and returns the size
 * that could not be allocated (SIZE_MAX: more than the address space). Used through WP_GUARD
 * (error/guard.h). */
size_t wp_scope_fail(void);

/* Runs `fn(arg)` if the innermost scope fails, unless cancelled first. When no scope is
 * active nothing is registered and NULL is returned. If the registration itself cannot be
 * allocated, fn(arg) runs at once and the scope fails. */
wp_cleanup *wp_scope_defer(void (*fn)(void *), void *arg);
/* Cancels a registration (NULL is allowed): the resource was released normally. Every
 * registration is cancelled exactly once or run once; one that outlives its call (the object
 * was handed to the caller) is cancelled when the object is freed. */
void wp_scope_cancel(wp_cleanup *c);

/* ---- OpenMP workers ------------------------------------------------------------------------
 * A loop iteration of a parallel region runs in its own scope, under the scope of the thread
 * that opened the region, so that its blocks belong to the call once it succeeds. When memory
 * runs out in one, it releases what it acquired and records the failure; after the region the
 * call fails as a whole with wp_workers_check.
 *
 *     wp_workers w = wp_workers_begin();
 *     #pragma omp parallel for
 *     for (int i = 0; i < n; i++) wp_worker_run(&w, one_item, &shared, i);
 *     wp_workers_check(&w);
 */
typedef struct wp_workers {
    wp_scope *owner; /* the opening thread's scope, or NULL */
    int failed;      /* a worker ran out of memory */
    size_t failed_size;
} wp_workers;

wp_workers wp_workers_begin(void);
/* Runs fn(arg, i) in a worker scope; false when memory ran out (recorded in w). */
bool wp_worker_run(wp_workers *w, void (*fn)(void *arg, int i), void *arg, int i);
/* Fails the opening thread's scope when any worker ran out of memory. */
void wp_workers_check(const wp_workers *w);

#endif
