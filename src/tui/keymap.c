/* SPDX-License-Identifier: MIT */
/* keymap: the named keys of every command. */
#include "keymap.h"

#include <ctype.h>
#include <curses.h>
#include <stddef.h>

static const struct {
    int key;
    enum command cmd;
} named[] = {
    {'\r', CMD_CHOOSE},         {'\n', CMD_CHOOSE},         {KEY_ENTER, CMD_CHOOSE},
    {' ', CMD_CHOOSE},          {'\t', CMD_NEXT},           {KEY_BTAB, CMD_PREV},
    {KEY_LEFT, CMD_LEFT},       {KEY_RIGHT, CMD_RIGHT},     {KEY_UP, CMD_UP},
    {KEY_DOWN, CMD_DOWN},       {KEY_PPAGE, CMD_PAGE_UP},   {KEY_NPAGE, CMD_PAGE_DOWN},
    {KEY_HOME, CMD_TOP},        {KEY_END, CMD_BOTTOM},      {27, CMD_CANCEL},
    {KEY_BACKSPACE, CMD_ERASE}, {127, CMD_ERASE},           {8, CMD_ERASE},
    {KEY_F(1), CMD_HELP},       {KEY_CTRL('x'), CMD_STAFF},
};

bool keymap_is(int key, enum command cmd)
{
    const char *letter = keys_letter(cmd);
    if (letter != NULL && letter[0] != '\0' && letter[1] == '\0' && key >= 0 && key < 128 &&
        tolower(key) == tolower((unsigned char)letter[0]))
        return true;
    for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
        if (named[i].key == key && named[i].cmd == cmd)
            return true;
    return false;
}

int keymap_key(enum command cmd)
{
    const char *letter = keys_letter(cmd);
    if (letter != NULL && letter[0] != '\0')
        return (unsigned char)letter[0];
    for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
        if (named[i].cmd == cmd)
            return named[i].key;
    return -1;
}
