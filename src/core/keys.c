/* SPDX-License-Identifier: MIT */
/* keys: the letter table and the placeholders that name keys in texts. */
#include "musclecheck/keys.h"

#include "musclecheck/uistr.h"

#include <stddef.h>

static const char *const names[CMD_COUNT] = {
#define KEYS_NAME(name, placeholder, letter) placeholder,
    KEYS_LIST(KEYS_NAME)
#undef KEYS_NAME
};

static const char *const letters[CMD_COUNT] = {
#define KEYS_LETTER(name, placeholder, letter) letter,
    KEYS_LIST(KEYS_LETTER)
#undef KEYS_LETTER
};

const char *keys_letter(enum command cmd)
{
    return (unsigned)cmd < CMD_COUNT ? letters[cmd] : NULL;
}

const char *keys_name(enum command cmd)
{
    return (unsigned)cmd < CMD_COUNT ? names[cmd] : "";
}

char *keys_expand(const char *template)
{
    const char *vars[2 * CMD_COUNT + 1];
    size_t n = 0;
    for (int c = 0; c < CMD_COUNT; c++) {
        if (letters[c] == NULL)
            continue;
        vars[n++] = names[c];
        vars[n++] = letters[c];
    }
    vars[n] = NULL;
    return uistr_expand(template, vars);
}
