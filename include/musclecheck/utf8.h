/* SPDX-License-Identifier: MIT */
/* utf8: the one UTF-8 reader every module uses (layout, transliteration,
 * messages, the YAML checks and the key decoder). Strict: overlong forms,
 * surrogates and values past U+10FFFF are not characters, so none of them can
 * smuggle a control character past a check. Pure functions, no allocation. */
#ifndef MUSCLECHECK_UTF8_H
#define MUSCLECHECK_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    UTF8_SHORT = 0,    /* the bytes begin a character but end before it does */
    UTF8_INVALID = -1, /* the bytes do not begin a character */
};

/* Reads the character at the start of the N bytes at S (N >= 1). Returns its
 * length (1 to 4) and stores its code point in *CODE; or UTF8_SHORT when the
 * N bytes are a valid beginning that needs more bytes (a decoder fed in
 * pieces waits for them); or UTF8_INVALID (then *CODE is untouched). */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *code);

/* Whether byte B continues a character (10xxxxxx) rather than starting one. */
static inline bool utf8_continues(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

/* The offset of the start of the character that byte POS of S is part of
 * (POS itself when it starts one): steps back over continuation bytes, never
 * before 0. For cutting or erasing text at a whole character. */
size_t utf8_back(const char *s, size_t pos);

/* Writes code point CODE (a Unicode scalar value) as UTF-8 into OUT and
 * returns its length (1 to 4); returns 0 and writes nothing for a value that
 * is not one (a surrogate, or past U+10FFFF). */
size_t utf8_encode(uint32_t code, char out[4]);

#endif
