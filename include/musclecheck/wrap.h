/* SPDX-License-Identifier: MIT */
/* wrap: text layout by display width (UTF-8, wide and combining
 * characters), shared by every front end. Pure functions, no terminal. */
#ifndef MUSCLECHECK_WRAP_H
#define MUSCLECHECK_WRAP_H

#include <stddef.h>

struct wrap_line {
    size_t start; /* byte offset in the text */
    size_t len;   /* bytes */
    int width;    /* display columns */
};

/* Display columns taken by LEN bytes of UTF-8 TEXT: East Asian wide
 * characters take two, combining marks none. Needs a UTF-8 LC_CTYPE for
 * anything beyond ASCII (main sets one up). */
int wrap_width(const char *text, size_t len);

/* The offset in TEXT (LEN bytes of UTF-8) of its longest tail, starting at a
 * whole character, that fits in WIDTH columns; LEN if none does. Linear in
 * LEN, for a text field that shows the end of a long entry on every key. */
size_t wrap_tail(const char *text, size_t len, int width);

/* Breaks TEXT into lines of at most WIDTH columns (WIDTH >= 1): at spaces
 * where possible, inside a word only when the word alone is wider than a
 * line; a newline in TEXT always starts a new line. Spaces at a break are
 * dropped. Returns the number of lines and stores a new array of them in
 * *LINES (caller frees; NULL and 0 when out of memory). Empty text is one
 * empty line. */
size_t wrap_text(const char *text, int width, struct wrap_line **lines);

#endif
