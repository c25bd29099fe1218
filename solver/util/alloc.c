/* Allocation wrappers and allocation scopes (see alloc.h for the rules).
 *
 * Every block starts with a header that links it into a circular list: the blocks of one
 * scope, or no list at all (a detached block, or one allocated outside any scope). Unlinking
 * needs only the block's own links, so a block is freed the same way whichever list it is in;
 * a scope that fails walks its list and frees what is left. One mutex guards all links,
 * because OpenMP workers allocate into and free from their caller's lists. */
#include "util/alloc.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct header {
    _Alignas(max_align_t) struct header *prev;
    struct header *next;
} header;

struct wp_cleanup {
    header link; /* in the scope's cleanup list */
    void (*fn)(void *);
    void *arg;
};

struct wp_scope {
    jmp_buf *on_oom;
    header blocks, cleanups; /* list sentinels */
    wp_scope *outer;         /* the scope below on this thread's stack */
    wp_scope *owner;         /* where blocks go when this scope succeeds */
    size_t failed_size;      /* bytes that could not be allocated */
};

#define MAX_DEPTH 32

static _Thread_local wp_scope stack[MAX_DEPTH];
static _Thread_local int depth;
static _Thread_local wp_scope *current;

static pthread_mutex_t links = PTHREAD_MUTEX_INITIALIZER;
static atomic_long live_blocks;
static _Thread_local long try_failures;
static _Thread_local size_t try_failed_size;
static long fail_countdown; /* test hook; 0 = never fail. Single-threaded tests only. */

void wp_alloc_fail_after(long n)
{
    fail_countdown = n;
}

long wp_alloc_live_blocks(void)
{
    return atomic_load(&live_blocks);
}

static int injected_failure(void)
{
    if (fail_countdown <= 0) return 0;
    return --fail_countdown == 0;
}

static _Noreturn void out_of_memory(size_t size);

void wp_alloc_fail(void)
{
    out_of_memory(try_failed_size);
}

static _Noreturn void out_of_memory(size_t size)
{
    if (!current) {
        fprintf(stderr, "wijkplan: out of memory (could not allocate %zu bytes)\n", size);
        exit(1);
    }
    current->failed_size = size;
    longjmp(*current->on_oom, 1);
}

/* ---- lists (callers hold `links`) --------------------------------------------------------- */

static void list_init(header *sentinel)
{
    sentinel->prev = sentinel->next = sentinel;
}

static void link_after(header *at, header *h)
{
    h->prev = at;
    h->next = at->next;
    at->next->prev = h;
    at->next = h;
}

static void unlink_header(header *h)
{
    if (!h->prev) return;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    h->prev = h->next = NULL;
}

/* Moves every element of list `from` to the front of list `to` (or detaches them all). */
static void splice(header *from, header *to)
{
    if (from->next == from) return;
    if (!to) {
        for (header *h = from->next, *next; h != from; h = next) {
            next = h->next;
            h->prev = h->next = NULL;
        }
    } else {
        header *first = from->next, *last = from->prev;
        last->next = to->next;
        to->next->prev = last;
        to->next = first;
        first->prev = to;
    }
    list_init(from);
}

/* ---- blocks ------------------------------------------------------------------------------- */

static void *track(header *h)
{
    atomic_fetch_add(&live_blocks, 1);
    h->prev = h->next = NULL;
    if (current) {
        pthread_mutex_lock(&links);
        link_after(&current->blocks, h);
        pthread_mutex_unlock(&links);
    }
    return h + 1;
}

static header *header_of(void *p)
{
    return (header *)p - 1;
}

void *wp_try_malloc(size_t size)
{
    header *h = size > SIZE_MAX - sizeof(header) || injected_failure()
                    ? NULL
                    : malloc(sizeof(header) + size);
    if (!h) {
        try_failures++;
        try_failed_size = size;
        return NULL;
    }
    return track(h);
}

long wp_alloc_failures(void)
{
    return try_failures;
}

/* cJSON trees are wp_ memory like the rest, so that a failing call releases them too. Set
 * before main, since a tree allocated by malloc must not reach wp_free. */
__attribute__((constructor)) static void route_cjson(void)
{
    cJSON_Hooks hooks = {wp_try_malloc, wp_free};
    cJSON_InitHooks(&hooks);
}

void *wp_malloc(size_t size)
{
    void *p = wp_try_malloc(size);
    if (!p) out_of_memory(size);
    return p;
}

void *wp_calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) out_of_memory(SIZE_MAX);
    void *p = wp_malloc(count * size);
    memset(p, 0, count * size);
    return p;
}

void *wp_realloc(void *ptr, size_t size)
{
    if (!ptr) return wp_malloc(size);
    if (size > SIZE_MAX - sizeof(header) || injected_failure()) out_of_memory(size);
    header *old = header_of(ptr);
    pthread_mutex_lock(&links);
    header *at = old->prev; /* the block's place in its list, if it is in one */
    unlink_header(old);
    header *h = realloc(old, sizeof(header) + size);
    header *keep = h ? h : old; /* a failed realloc leaves the old block as it was */
    keep->prev = keep->next = NULL;
    if (at) link_after(at, keep);
    pthread_mutex_unlock(&links);
    if (!h) out_of_memory(size);
    return h + 1;
}

void *wp_realloc_array(void *ptr, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) out_of_memory(SIZE_MAX);
    return wp_realloc(ptr, count * size);
}

void wp_free(void *ptr)
{
    if (!ptr) return;
    header *h = header_of(ptr);
    pthread_mutex_lock(&links);
    unlink_header(h);
    pthread_mutex_unlock(&links);
    atomic_fetch_sub(&live_blocks, 1);
    free(h);
}

void wp_alloc_keep(void *p)
{
    if (!p) return;
    pthread_mutex_lock(&links);
    unlink_header(header_of(p));
    pthread_mutex_unlock(&links);
}

char *wp_strdup(const char *s)
{
    return wp_strndup(s, strlen(s));
}

char *wp_strndup(const char *s, size_t n)
{
    char *d = wp_malloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *wp_vstrdupf(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) n = 0;
    char *s = wp_malloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *wp_strdupf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = wp_vstrdupf(fmt, ap);
    va_end(ap);
    return s;
}

void wp_grow_impl(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2) out_of_memory(SIZE_MAX);
        n *= 2;
    }
    *items = wp_realloc_array(*items, n, elem);
    *cap = n;
}

/* ---- scopes ------------------------------------------------------------------------------- */

static void push_scope(jmp_buf *on_oom, wp_scope *owner)
{
    if (depth == MAX_DEPTH) {
        fprintf(stderr, "wijkplan: internal error: allocation scopes nested too deep\n");
        abort();
    }
    wp_scope *s = &stack[depth++];
    s->on_oom = on_oom;
    s->outer = current;
    s->owner = owner;
    s->failed_size = 0;
    list_init(&s->blocks);
    list_init(&s->cleanups);
    current = s;
}

static void pop_scope(void)
{
    current = current->outer;
    depth--;
}

void wp_scope_begin(jmp_buf *on_oom)
{
    push_scope(on_oom, current);
}

/* Hands the scope's blocks and registrations to its owner, or detaches them when there is
 * none. A detached registration stays allocated until it is cancelled: the object that holds
 * it (a projector, a GLPK problem) may outlive the call and cancel it when it is freed. */
static void pass_on(wp_scope *s)
{
    pthread_mutex_lock(&links);
    splice(&s->blocks, s->owner ? &s->owner->blocks : NULL);
    splice(&s->cleanups, s->owner ? &s->owner->cleanups : NULL);
    pthread_mutex_unlock(&links);
}

int wp_scope_end(int status)
{
    pass_on(current);
    pop_scope();
    return status;
}

/* Runs the registrations newest first (they may free blocks), then frees what is left. */
static void release(wp_scope *s)
{
    for (;;) {
        pthread_mutex_lock(&links);
        header *h = s->cleanups.next;
        if (h == &s->cleanups) {
            pthread_mutex_unlock(&links);
            break;
        }
        unlink_header(h);
        pthread_mutex_unlock(&links);
        wp_cleanup *c = (wp_cleanup *)h;
        c->fn(c->arg);
        free(c);
    }
    pthread_mutex_lock(&links);
    for (header *h = s->blocks.next, *next; h != &s->blocks; h = next) {
        next = h->next;
        atomic_fetch_sub(&live_blocks, 1);
        free(h);
    }
    list_init(&s->blocks);
    pthread_mutex_unlock(&links);
}

size_t wp_scope_fail(void)
{
    size_t size = current->failed_size;
    release(current);
    pop_scope();
    return size;
}

wp_cleanup *wp_scope_defer(void (*fn)(void *), void *arg)
{
    if (!current) return NULL;
    wp_cleanup *c = injected_failure() ? NULL : malloc(sizeof *c);
    if (!c) {
        fn(arg);
        out_of_memory(sizeof *c);
    }
    c->fn = fn;
    c->arg = arg;
    pthread_mutex_lock(&links);
    link_after(&current->cleanups, &c->link);
    pthread_mutex_unlock(&links);
    return c;
}

void wp_scope_cancel(wp_cleanup *c)
{
    if (!c) return;
    pthread_mutex_lock(&links);
    unlink_header(&c->link);
    pthread_mutex_unlock(&links);
    free(c);
}

/* ---- OpenMP workers ----------------------------------------------------------------------- */

wp_workers wp_workers_begin(void)
{
    return (wp_workers){current, 0, 0};
}

bool wp_worker_run(wp_workers *w, void (*fn)(void *arg, int i), void *arg, int i)
{
    jmp_buf on_oom;
    if (setjmp(on_oom)) {
        size_t size = wp_scope_fail();
        pthread_mutex_lock(&links);
        w->failed = 1;
        w->failed_size = size;
        pthread_mutex_unlock(&links);
        return false;
    }
    push_scope(&on_oom, w->owner);
    fn(arg, i);
    wp_scope_end(0);
    return true;
}

void wp_workers_check(const wp_workers *w)
{
    if (w->failed) out_of_memory(w->failed_size);
}
