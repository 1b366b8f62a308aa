/* SPDX-License-Identifier: MIT */
/* lang: which bundled questionnaire language to use, from the locale. */
#ifndef MUSCLECHECK_LANG_H
#define MUSCLECHECK_LANG_H

#include <stdbool.h>
#include <stddef.h>

/* The language of the bundled reference questionnaire, and the fallback. */
#define LANG_DEFAULT "en"

/* Longest language code: "pt_BR", "zh_Hant_TW". */
#define LANG_CODE_MAX 10

/* The code among the COUNT codes in AVAILABLE that best fits the LEN bytes
 * of NAME, a language code or a locale name: the language with its region
 * ("pt_BR" for "pt_BR.UTF-8", ignoring case and '-' versus '_'), else the
 * language alone ("pt"); NULL when neither is available, and for "C" and
 * "POSIX". The result points into AVAILABLE. */
const char *lang_match(const char *name, size_t len, const char *const *available, size_t count);

/* Picks a language code among the COUNT codes in AVAILABLE: the first of
 * LANGUAGE's colon-separated list, then the first set of LC_ALL,
 * LC_MESSAGES and LANG (any may be NULL), that lang_match finds
 * ("pt_BR.UTF-8" picks pt_BR, else pt); LANG_DEFAULT when none is. The
 * result points into AVAILABLE or is LANG_DEFAULT. */
const char *lang_pick(const char *language, const char *lc_all, const char *lc_messages,
                      const char *lang, const char *const *available, size_t count);

/* Whether CODE looks like a language code we name files by: 2 to
 * LANG_CODE_MAX lowercase letters, digits, '_' or '-', starting with a
 * letter, with capitals allowed in the region after the first '_' or '-'
 * ("pt_BR"). */
bool lang_valid_code(const char *code);

#endif
