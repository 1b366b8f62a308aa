/* SPDX-License-Identifier: MIT */
/* failmalloc: makes one allocation of the code under test fail, for the
 * unit tests of what happens then. A test linked with failmalloc.c and
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=reallocarray (see
 * tests/CMakeLists.txt) has every such call of the core, linked in
 * statically, come here first; the C library's and the shared libraries'
 * own allocations (libyaml's, strdup's) are left to tests/alloc/. */
#ifndef MUSCLECHECK_TEST_FAILMALLOC_H
#define MUSCLECHECK_TEST_FAILMALLOC_H

#include <stddef.h>

/* From now on, counts the allocations; the one numbered AT (0 is the next)
 * fails with ENOMEM, or none when AT is FAILMALLOC_NEVER. */
#define FAILMALLOC_NEVER ((size_t)-1)
void failmalloc_start(size_t at);

/* Stops failing; returns how many allocations were made since
 * failmalloc_start. */
size_t failmalloc_stop(void);

#endif
