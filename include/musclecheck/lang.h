/* lang: which bundled questionnaire language to use, from the locale. */
#ifndef MUSCLECHECK_LANG_H
#define MUSCLECHECK_LANG_H

#include <stddef.h>

/* The language of the bundled reference questionnaire, and the fallback. */
#define LANG_DEFAULT "en"

/* Picks a language code among the COUNT codes in AVAILABLE: the first of
 * LANGUAGE's colon-separated list, then the first set of LC_ALL,
 * LC_MESSAGES and LANG (any may be NULL), whose language part ("es" of
 * "es_ES.UTF-8") is available; LANG_DEFAULT when none is. "C" and "POSIX"
 * name no language. The result points into AVAILABLE or is LANG_DEFAULT. */
const char *lang_pick(const char *language, const char *lc_all, const char *lc_messages,
                      const char *lang, const char *const *available, size_t count);

/* Whether CODE looks like a language code we name files by (2 to 8
 * lowercase letters, digits, '_' or '-', starting with a letter). */
int lang_valid_code(const char *code);

#endif
