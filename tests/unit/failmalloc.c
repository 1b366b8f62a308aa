/* SPDX-License-Identifier: MIT */
/* failmalloc: the --wrap side of failmalloc.h. */
#include "failmalloc.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__real_reallocarray(void *p, size_t n, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
void *__wrap_reallocarray(void *p, size_t n, size_t size);

static bool counting;
static size_t calls, fail_at = FAILMALLOC_NEVER;

void failmalloc_start(size_t at)
{
    counting = true;
    calls = 0;
    fail_at = at;
}

size_t failmalloc_stop(void)
{
    counting = false;
    fail_at = FAILMALLOC_NEVER;
    return calls;
}

/* Whether this call is the one that fails. */
static bool fails(void)
{
    if (!counting || calls++ != fail_at)
        return false;
    errno = ENOMEM;
    return true;
}

void *__wrap_malloc(size_t size)
{
    return fails() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return fails() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    return fails() ? NULL : __real_realloc(p, size);
}

void *__wrap_reallocarray(void *p, size_t n, size_t size)
{
    return fails() ? NULL : __real_reallocarray(p, n, size);
}
