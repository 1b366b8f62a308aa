/* SPDX-License-Identifier: MIT */
/* uistr: the table of translatable interface strings. */
#include "musclecheck/uistr.h"

#include <stdlib.h>
#include <string.h>

static const char *const keys[UI_COUNT] = {
#define UISTR_KEY(name, key, text) key,
    UISTR_LIST(UISTR_KEY)
#undef UISTR_KEY
};

static const char *const defaults[UI_COUNT] = {
#define UISTR_TEXT(name, key, text) text,
    UISTR_LIST(UISTR_TEXT)
#undef UISTR_TEXT
};

const char *uistr_key(enum uistr id)
{
    return (unsigned)id < UI_COUNT ? keys[id] : "";
}

const char *uistr_default(enum uistr id)
{
    return (unsigned)id < UI_COUNT ? defaults[id] : "";
}

int uistr_find(const char *key)
{
    for (int i = 0; i < UI_COUNT; i++)
        if (strcmp(keys[i], key) == 0)
            return i;
    return -1;
}

const char *const *uistr_keys(void)
{
    return keys;
}

char *uistr_expand(const char *template, const char *const *vars)
{
    size_t cap = strlen(template) + 1, len = 0;
    for (size_t i = 0; vars[i] != NULL && vars[i + 1] != NULL; i += 2)
        cap += strlen(vars[i + 1]) * 4; /* plenty: a template rarely repeats a name */
    char *out = malloc(cap);
    if (out == NULL)
        return NULL;
    for (const char *p = template; *p != '\0';) {
        const char *value = NULL;
        size_t name_len = 0;
        if (*p == '{') {
            const char *close = strchr(p, '}');
            for (size_t i = 0; close != NULL && vars[i] != NULL && vars[i + 1] != NULL; i += 2) {
                if (strlen(vars[i]) == (size_t)(close - p - 1) &&
                    strncmp(p + 1, vars[i], (size_t)(close - p - 1)) == 0) {
                    value = vars[i + 1];
                    name_len = (size_t)(close - p + 1);
                    break;
                }
            }
        }
        size_t add = value != NULL ? strlen(value) : 1;
        if (len + add + 1 > cap) {
            /* Not realloc: the smaller copy, which may name an answer, is
             * wiped before it is freed. */
            char *bigger = malloc((cap = (len + add + 1) * 2));
            if (bigger != NULL)
                memcpy(bigger, out, len);
            explicit_bzero(out, len);
            free(out);
            if (bigger == NULL)
                return NULL;
            out = bigger;
        }
        if (value != NULL) {
            memcpy(out + len, value, add);
            p += name_len;
        } else {
            out[len] = *p++;
        }
        len += add;
    }
    out[len] = '\0';
    return out;
}
