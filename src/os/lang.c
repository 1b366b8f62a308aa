/* lang: locale variables to a questionnaire language. */
#include "musclecheck/lang.h"

#include <ctype.h>
#include <string.h>

/* The available code matching the language part of locale name NAME (LEN
 * bytes), or NULL. */
static const char *match(const char *name, size_t len, const char *const *available, size_t count)
{
    size_t part = 0;
    while (part < len && isalpha((unsigned char)name[part]))
        part++;
    if (part == 0 || (part == 1 && name[0] == 'C') || (len == 5 && strncmp(name, "POSIX", 5) == 0))
        return NULL;
    for (size_t i = 0; i < count; i++) {
        if (strlen(available[i]) != part)
            continue;
        size_t k = 0;
        while (k < part && tolower((unsigned char)name[k]) == available[i][k])
            k++;
        if (k == part)
            return available[i];
    }
    return NULL;
}

const char *lang_pick(const char *language, const char *lc_all, const char *lc_messages,
                      const char *lang, const char *const *available, size_t count)
{
    for (const char *p = language; p != NULL && *p != '\0';) {
        size_t len = strcspn(p, ":");
        const char *found = match(p, len, available, count);
        if (found != NULL)
            return found;
        p += len + (p[len] == ':');
    }
    const char *locale = lc_all != NULL && *lc_all != '\0'             ? lc_all
                         : lc_messages != NULL && *lc_messages != '\0' ? lc_messages
                                                                       : lang;
    if (locale != NULL && *locale != '\0') {
        const char *found = match(locale, strlen(locale), available, count);
        if (found != NULL)
            return found;
    }
    return LANG_DEFAULT;
}

int lang_valid_code(const char *code)
{
    size_t len = strlen(code);
    if (len < 2 || len > 8 || !islower((unsigned char)code[0]))
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!(islower((unsigned char)code[i]) || isdigit((unsigned char)code[i]) ||
              code[i] == '_' || code[i] == '-'))
            return 0;
    return 1;
}
