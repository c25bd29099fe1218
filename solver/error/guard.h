/* WP_GUARD: runs the body of a public library call in an allocation scope (util/alloc.h), so
 * that exhausted memory becomes WP_ERR_INTERNAL with a message instead of an exit. */
#ifndef WP_ERROR_GUARD_H
#define WP_ERROR_GUARD_H

#include <setjmp.h>
#include <stddef.h>

#include <wijkplan/error.h>

#include "util/alloc.h"

/* Adds "out of memory while DOING (could not allocate SIZE)" and returns WP_ERR_INTERNAL. */
wp_status wp_error_out_of_memory(wp_error *err, const char *doing, size_t size);

/* A problem list of the call's own, on the heap and cleared if the call fails (its problems
 * are malloc'd outside the call's scope, see error.c). Free it with wp_error_local_free. */
wp_error *wp_error_local(void);
void wp_error_local_free(wp_error *e);

/* `expr` is the call's wp_status expression; the enclosing function returns its value, or
 * WP_ERR_INTERNAL when memory ran out, having released what the call had acquired. `doing`
 * completes "out of memory while ...", e.g. "solving". */
#define WP_GUARD(err, doing, expr) WP_GUARD_RESET(err, doing, (void)0, expr)

/* WP_GUARD for a call that fills a caller's object: `reset` (a statement on the parameters)
 * empties it again when memory ran out, since its parts were released with the call. */
#define WP_GUARD_RESET(err, doing, reset, expr)                                                    \
    do {                                                                                           \
        jmp_buf wp_on_oom_;                                                                        \
        if (setjmp(wp_on_oom_)) {                                                                  \
            wp_status wp_failed_ = wp_error_out_of_memory((err), (doing), wp_scope_fail());        \
            reset;                                                                                 \
            return wp_failed_;                                                                     \
        }                                                                                          \
        wp_scope_begin(&wp_on_oom_);                                                               \
        return (wp_status)wp_scope_end(expr);                                                      \
    } while (0)

#endif
