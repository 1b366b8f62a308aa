/* SPDX-License-Identifier: MIT */
/* prefault: brings in memory that is about to be written with one call to
 * the kernel instead of one page fault per page. A fault costs several times
 * more than its share of one call (on a virtual machine most of all), and a
 * large question file fills hundreds of pages as it loads. */
#ifndef MUSCLECHECK_PREFAULT_H
#define MUSCLECHECK_PREFAULT_H

#include <stddef.h>

/* Brings in, writable, the whole pages within LEN bytes at P (which the
 * caller owns and will write). Nothing happens where the system has no such
 * call (Linux before 5.14, other systems); it is only ever a speed-up. */
void prefault(void *p, size_t len);

#endif
