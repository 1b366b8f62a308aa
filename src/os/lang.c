/* SPDX-License-Identifier: MIT */
/* lang: locale variables to a questionnaire language. */
#include "musclecheck/lang.h"

#include "musclecheck/fold.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

/* Whether the LEN bytes at A equal code B, ignoring case (ASCII only: under
 * tr_TR tolower leaves the "I" of "en_IN") and taking '-' and '_' as the
 * same separator. */
static bool same_code(const char *a, size_t len, const char *b)
{
    if (strlen(b) != len)
        return false;
    for (size_t i = 0; i < len; i++) {
        int x = a[i] == '-' ? '_' : fold_ascii((unsigned char)a[i]);
        int y = b[i] == '-' ? '_' : fold_ascii((unsigned char)b[i]);
        if (x != y)
            return false;
    }
    return true;
}

const char *lang_match(const char *name, size_t len, const char *const *available, size_t count)
{
    size_t part = 0;
    while (part < len && isalpha((unsigned char)name[part]))
        part++;
    if (part == 0 || (part == 1 && name[0] == 'C') || (len == 5 && strncmp(name, "POSIX", 5) == 0))
        return NULL;
    /* "pt_BR.UTF-8@euro": the language and region end at '.', '@' or ':'. */
    size_t region = part;
    if (region < len && (name[region] == '_' || name[region] == '-'))
        while (region < len && strchr(".@:", name[region]) == NULL)
            region++;
    for (size_t i = 0; region > part && i < count; i++)
        if (same_code(name, region, available[i]))
            return available[i];
    for (size_t i = 0; i < count; i++)
        if (same_code(name, part, available[i]))
            return available[i];
    return NULL;
}

const char *lang_pick(const char *language, const char *lc_all, const char *lc_messages,
                      const char *lang, const char *const *available, size_t count)
{
    for (const char *p = language; p != NULL && *p != '\0';) {
        size_t len = strcspn(p, ":");
        const char *found = lang_match(p, len, available, count);
        if (found != NULL)
            return found;
        p += len + (p[len] == ':');
    }
    const char *locale = lc_all != NULL && *lc_all != '\0'             ? lc_all
                         : lc_messages != NULL && *lc_messages != '\0' ? lc_messages
                                                                       : lang;
    if (locale != NULL && *locale != '\0') {
        const char *found = lang_match(locale, strlen(locale), available, count);
        if (found != NULL)
            return found;
    }
    return LANG_DEFAULT;
}

bool lang_valid_code(const char *code)
{
    size_t len = strlen(code);
    if (len < 2 || len > LANG_CODE_MAX || !islower((unsigned char)code[0]))
        return false;
    bool region = false; /* after the first '_' or '-', capitals too ("pt_BR") */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)code[i];
        if (c == '_' || c == '-')
            region = true;
        else if (!(islower(c) || isdigit(c) || (region && isupper(c))))
            return false;
    }
    return true;
}
