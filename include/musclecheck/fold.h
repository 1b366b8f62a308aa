/* SPDX-License-Identifier: MIT */
/* fold: matching the words people type whatever their case ("QUIT", "Yes",
 * Spanish "SÍ"), by fixed rules that never depend on the locale. The C
 * library's tolower and strcasecmp follow LC_CTYPE: under tr_TR "I" is not
 * the capital of "i" (it is that of dotless "ı"), so "QUIT" would not be
 * "quit"; and in a C or UTF-8 locale they fold no letter outside ASCII, so
 * "SÍ" would not be "sí". Every comparison of typed words goes through here. */
#ifndef MUSCLECHECK_FOLD_H
#define MUSCLECHECK_FOLD_H

#include <stdbool.h>
#include <stdint.h>

/* C with ASCII A-Z made a-z; any other value as it is. */
int fold_ascii(int c);

/* The small letter for code point C: ASCII A-Z, and the Latin-1 capitals
 * U+00C0-U+00DE (but the sign U+00D7), which cover the answer words of the
 * bundled languages (and those of most western European ones). A
 * translation whose words need other letters adds them here; test_fold
 * checks every bundled file's words. Any other value is returned as it is. */
uint32_t fold_char(uint32_t c);

/* Whether the NUL-terminated texts A and B are the same once every
 * character is folded by fold_char. Bytes that are not UTF-8 are compared
 * as they are. */
bool fold_equal(const char *a, const char *b);

#endif
