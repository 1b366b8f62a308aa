/* SPDX-License-Identifier: MIT */
/* fold: locale-independent case folding of typed words. */
#include "musclecheck/fold.h"

#include "musclecheck/utf8.h"

#include <string.h>

int fold_ascii(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

uint32_t fold_char(uint32_t c)
{
    if (c < 0x80)
        return (uint32_t)fold_ascii((int)c);
    /* Latin-1: each capital is its small letter less 0x20. */
    return c >= 0xC0 && c <= 0xDE && c != 0xD7 ? c + 0x20 : c;
}

/* The folded character at *P (N bytes left), moving *P past it. A byte
 * that does not start a character stands for itself, above every code
 * point, so that it equals only the same byte. */
static uint32_t next_folded(const char **p, size_t n)
{
    uint32_t code = 0;
    int len = utf8_decode((const unsigned char *)*p, n, &code);
    if (len <= 0) {
        code = 0x110000u + (unsigned char)**p;
        len = 1;
    }
    *p += len;
    return fold_char(code);
}

bool fold_equal(const char *a, const char *b)
{
    const char *a_end = a + strlen(a), *b_end = b + strlen(b);
    while (a < a_end && b < b_end)
        if (next_folded(&a, (size_t)(a_end - a)) != next_folded(&b, (size_t)(b_end - b)))
            return false;
    return a == a_end && b == b_end;
}
