/* uistr: the table of translatable interface strings. */
#include "musclecheck/uistr.h"

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
