/* SPDX-License-Identifier: MIT */
/* prefault: madvise(MADV_POPULATE_WRITE) over the whole pages of a range. */
#include "musclecheck/prefault.h"

#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

void prefault(void *p, size_t len)
{
#ifdef MADV_POPULATE_WRITE
    static uintptr_t page;
    if (page == 0)
        page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = ((uintptr_t)p + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)p + len) & ~(page - 1);
    if (end > start)
        (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#else
    (void)p, (void)len;
#endif
}
