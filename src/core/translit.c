/* SPDX-License-Identifier: MIT */
/* translit: UTF-8 to same-width ASCII for terminals without UTF-8. */
#include "musclecheck/translit.h"

#include "musclecheck/utf8.h"
#include "musclecheck/wrap.h"

#include <stdint.h>
#include <string.h>

/* Latin-1 Supplement letters U+00C0..U+00FF without their accents. */
static const char latin1[] = "AAAAAAACEEEEIIII"  /* C0-CF */
                             "DNOOOOOxOUUUUYTs"  /* D0-DF */
                             "aaaaaaaceeeeiiii"  /* E0-EF */
                             "dnooooo/ouuuuyty"; /* F0-FF */

/* Decodes one UTF-8 character at P (N bytes left); returns its length, or
 * 0 for an invalid or cut-off sequence. */
static size_t decode(const unsigned char *p, size_t n, uint32_t *cp)
{
    int len = utf8_decode(p, n, cp);
    return len > 0 ? (size_t)len : 0;
}

/* The ASCII stand-in for code point C, a one-column character. */
static const char *stand_in(uint32_t c)
{
    static char one[2];
    if (c < 0x80) {
        one[0] = (char)c;
        return one;
    }
    if (c >= 0xC0 && c <= 0xFF) {
        one[0] = latin1[c - 0xC0];
        return one;
    }
    switch (c) {
    case 0xA0: return " ";
    case 0xA1: return "!";
    case 0xAB:
    case 0xBB:
    case 0x201C:
    case 0x201D: return "\"";
    case 0xBF: return "?";
    case 0x2018:
    case 0x2019: return "'";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2500: return "-";
    case 0x2026: return "."; /* one column: an ellipsis is one character wide */
    case 0x2502: return "|";
    case 0x250C:
    case 0x2510:
    case 0x2514:
    case 0x2518:
    case 0x253C: return "+";
    case 0x2713:
    case 0x2714: return "*";
    case 0x2022: return "*";
    default: break;
    }
    return "?";
}

size_t translit_ascii(const char *text, size_t len, char *out, size_t size)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t o = 0, i = 0;
    while (i < len && o + 1 < size) {
        uint32_t c;
        size_t n = decode(p + i, len - i, &c);
        /* As wide as wrap_width measures it, so that layout stays right: a
         * combining mark has no stand-in, a wide character two ?. */
        int cols = n == 0 ? 1 : wrap_width(text + i, n);
        const char *s = n == 0 ? "?" : cols <= 0 ? "" : cols >= 2 ? "??" : stand_in(c);
        size_t w = strlen(s);
        if (o + w >= size)
            break; /* a stand-in is written whole or not at all */
        i += n == 0 ? 1 : n;
        memcpy(out + o, s, w);
        o += w;
    }
    out[o] = '\0';
    return o;
}
