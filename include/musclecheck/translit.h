/* SPDX-License-Identifier: MIT */
/* translit: UTF-8 text shown on a terminal that only has ASCII (a C or
 * Latin-1 locale, a serial line). Each character becomes ASCII of the same
 * display width: accented letters lose their accents, quotes and dashes
 * become their ASCII look-alikes, line-drawing characters become | - +, a
 * tick becomes *, anything else ? (?? for a wide character). Widths are
 * wrap_width's (so it needs the UTF-8 LC_CTYPE main sets up): layout done
 * on the UTF-8 text therefore stays right. */
#ifndef MUSCLECHECK_TRANSLIT_H
#define MUSCLECHECK_TRANSLIT_H

#include <stddef.h>

/* Writes the ASCII form of LEN bytes of UTF-8 TEXT to OUT (at most SIZE
 * bytes with the NUL; SIZE > 0) and returns its length. Invalid bytes
 * become ?. */
size_t translit_ascii(const char *text, size_t len, char *out, size_t size);

#endif
