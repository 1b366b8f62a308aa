/* SPDX-License-Identifier: MIT */
/* utf8: strict UTF-8 decoding and encoding (RFC 3629). */
#include "musclecheck/utf8.h"

#include <assert.h>

int utf8_decode(const unsigned char *s, size_t n, uint32_t *code)
{
    assert(n >= 1);
    unsigned char b = s[0];
    if (b < 0x80) {
        *code = b;
        return 1;
    }
    int len = b >= 0xC2 && b <= 0xDF   ? 2
              : b >= 0xE0 && b <= 0xEF ? 3
              : b >= 0xF0 && b <= 0xF4 ? 4
                                       : 0;
    if (len == 0)
        return UTF8_INVALID;
    uint32_t c = b & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n)
            return UTF8_SHORT;
        unsigned char next = s[i];
        if ((next & 0xC0) != 0x80)
            return UTF8_INVALID;
        /* The second byte rules out overlong forms, surrogates and values
         * past U+10FFFF before the rest arrives (as RFC 3629's table). */
        if (i == 1 && ((b == 0xE0 && next < 0xA0) || (b == 0xED && next > 0x9F) ||
                       (b == 0xF0 && next < 0x90) || (b == 0xF4 && next > 0x8F)))
            return UTF8_INVALID;
        c = c << 6 | (next & 0x3F);
    }
    *code = c;
    return len;
}

size_t utf8_encode(uint32_t code, char out[4])
{
    if (code < 0x80) {
        out[0] = (char)code;
        return 1;
    }
    if (code < 0x800) {
        out[0] = (char)(0xC0 | code >> 6);
        out[1] = (char)(0x80 | (code & 0x3F));
        return 2;
    }
    if (code >= 0xD800 && code <= 0xDFFF)
        return 0;
    if (code < 0x10000) {
        out[0] = (char)(0xE0 | code >> 12);
        out[1] = (char)(0x80 | (code >> 6 & 0x3F));
        out[2] = (char)(0x80 | (code & 0x3F));
        return 3;
    }
    if (code > 0x10FFFF)
        return 0;
    out[0] = (char)(0xF0 | code >> 18);
    out[1] = (char)(0x80 | (code >> 12 & 0x3F));
    out[2] = (char)(0x80 | (code >> 6 & 0x3F));
    out[3] = (char)(0x80 | (code & 0x3F));
    return 4;
}

size_t utf8_back(const char *s, size_t pos)
{
    while (pos > 0 && utf8_continues((unsigned char)s[pos]))
        pos--;
    return pos;
}
