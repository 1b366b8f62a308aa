/* SPDX-License-Identifier: MIT */
/* keymap: the named keys of every command, and the letters of the core's
 * key table. */
#include "keymap.h"

#include "musclecheck/fold.h"

#include <stddef.h>
#include <string.h>

/* A named key (KEYDEC_KEY, without modifiers) and its command. */
static const struct {
    enum keydec_key key;
    enum command cmd;
} named[] = {
    {KEYDEC_KP_ENTER, CMD_CHOOSE}, {KEYDEC_BTAB, CMD_PREV},      {KEYDEC_LEFT, CMD_LEFT},
    {KEYDEC_RIGHT, CMD_RIGHT},     {KEYDEC_UP, CMD_UP},          {KEYDEC_DOWN, CMD_DOWN},
    {KEYDEC_PGUP, CMD_PAGE_UP},    {KEYDEC_PGDN, CMD_PAGE_DOWN}, {KEYDEC_HOME, CMD_TOP},
    {KEYDEC_END, CMD_BOTTOM},      {KEYDEC_ESC, CMD_CANCEL},     {KEYDEC_F1, CMD_HELP},
};

/* A control byte (KEYDEC_CTRL) and its command. */
static const struct {
    uint32_t code;
    enum command cmd;
} controls[] = {
    {'\r', CMD_CHOOSE}, {'\n', CMD_CHOOSE}, {'\t', CMD_NEXT},
    {127, CMD_ERASE},   {8, CMD_ERASE},     {'x' & 0x1f, CMD_STAFF},
};

/* The command whose one-letter key is C (either case), or CMD_NONE. */
static enum command letter_command(uint32_t c)
{
    if (c >= 128)
        return CMD_NONE;
    for (int cmd = 0; cmd < CMD_COUNT; cmd++) {
        const char *letter = keys_letter((enum command)cmd);
        if (letter != NULL && letter[0] != '\0' && letter[1] == '\0' &&
            fold_ascii((int)c) == fold_ascii((unsigned char)letter[0]))
            return (enum command)cmd;
    }
    return CMD_NONE;
}

enum command keymap_command(const struct keydec_event *ev)
{
    switch (ev->type) {
    case KEYDEC_CHAR:
        if (ev->code == ' ')
            return CMD_CHOOSE;
        return letter_command(ev->code);
    case KEYDEC_CTRL:
        for (size_t i = 0; i < sizeof(controls) / sizeof(controls[0]); i++)
            if (controls[i].code == ev->code)
                return controls[i].cmd;
        return CMD_NONE;
    case KEYDEC_KEY:
        /* Ctrl-F1 and Alt-F1 are not F1. Shift alone is not told apart:
         * terminals send it on their own (Shift-Tab is a key of its own). */
        if ((ev->mods & (KEYDEC_MOD_CTRL | KEYDEC_MOD_ALT)) != 0)
            return CMD_NONE;
        for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
            if (named[i].key == ev->key)
                return named[i].cmd;
        return CMD_NONE;
    case KEYDEC_MOUSE:
        if (ev->release || ev->motion)
            return CMD_NONE;
        return ev->button == 4 ? CMD_UP : ev->button == 5 ? CMD_DOWN : CMD_NONE;
    case KEYDEC_NONE:
    case KEYDEC_ALT: /* Alt-y is not y */
    case KEYDEC_PASTE:
    case KEYDEC_FOCUS_IN:
    case KEYDEC_FOCUS_OUT:
    case KEYDEC_UNKNOWN: break;
    }
    return CMD_NONE;
}

enum command keymap_prefer(enum command got, enum command want)
{
    const char *a = keys_letter(got), *b = keys_letter(want);
    return a != NULL && b != NULL && strcmp(a, b) == 0 ? want : got;
}

const char *keymap_text(const struct keydec_event *ev)
{
    static const char *const keypad[] = {
        [KEYDEC_KP_0] = "0",     [KEYDEC_KP_0 + 1] = "1", [KEYDEC_KP_0 + 2] = "2",
        [KEYDEC_KP_0 + 3] = "3", [KEYDEC_KP_0 + 4] = "4", [KEYDEC_KP_0 + 5] = "5",
        [KEYDEC_KP_0 + 6] = "6", [KEYDEC_KP_0 + 7] = "7", [KEYDEC_KP_0 + 8] = "8",
        [KEYDEC_KP_9] = "9",     [KEYDEC_KP_PLUS] = "+",  [KEYDEC_KP_MINUS] = "-",
        [KEYDEC_KP_STAR] = "*",  [KEYDEC_KP_SLASH] = "/", [KEYDEC_KP_DOT] = ".",
        [KEYDEC_KP_COMMA] = ",", [KEYDEC_KP_EQUAL] = "=",
    };
    if (ev->type == KEYDEC_CHAR)
        return ev->text;
    if (ev->type == KEYDEC_KEY && ev->mods == 0 &&
        (size_t)ev->key < sizeof(keypad) / sizeof(keypad[0]))
        return keypad[ev->key]; /* NULL for the keys that type nothing */
    return NULL;
}
