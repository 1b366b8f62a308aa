/* SPDX-License-Identifier: MIT */
/* keys: the commands a person can give and the letter typed for each, in
 * one table for every front end. Interface texts name keys with
 * placeholders ("{yes}", "{back}", ...) that keys_expand fills in, so a
 * translation never restates a letter and changing a key is one edit here. */
#ifndef MUSCLECHECK_KEYS_H
#define MUSCLECHECK_KEYS_H

/* X(ENUM, placeholder name, letter or NULL when only named keys give it) */
#define KEYS_LIST(X)                                                                               \
    X(CMD_YES, "yes", "y")                                                                         \
    X(CMD_NO, "no", "n")                                                                           \
    X(CMD_UNSURE, "unsure", "u")                                                                   \
    X(CMD_BACK, "back", "b")                                                                       \
    X(CMD_HELP, "help", "?")                                                                       \
    X(CMD_QUIT, "quit", "q")                                                                       \
    X(CMD_TABLE, "table", "t")                                                                     \
    X(CMD_AGAIN, "again", "r")                                                                     \
    X(CMD_RESULTS, "results", "r")                                                                 \
    X(CMD_STOP, "stop", "s")                                                                       \
    X(CMD_SAVE, "save", "s")                                                                       \
    X(CMD_PRINT, "print", "p")                                                                     \
    X(CMD_SPEECH, "speech", "v")                                                                   \
    X(CMD_REPEAT, "repeat", "a")                                                                   \
    X(CMD_SILENCE, "silence", "x")                                                                 \
    X(CMD_LINE_MODE, "line", "l")                                                                  \
    X(CMD_CHOOSE, "enter", NULL)                                                                   \
    X(CMD_NEXT, "next", NULL)                                                                      \
    X(CMD_PREV, "prev", NULL)                                                                      \
    X(CMD_LEFT, "left", NULL)                                                                      \
    X(CMD_RIGHT, "right", NULL)                                                                    \
    X(CMD_UP, "up", NULL)                                                                          \
    X(CMD_DOWN, "down", NULL)                                                                      \
    X(CMD_PAGE_UP, "page_up", NULL)                                                                \
    X(CMD_PAGE_DOWN, "page_down", NULL)                                                            \
    X(CMD_TOP, "top", NULL)                                                                        \
    X(CMD_BOTTOM, "bottom", NULL)                                                                  \
    X(CMD_CANCEL, "cancel", NULL)                                                                  \
    X(CMD_ERASE, "erase", NULL)                                                                    \
    X(CMD_STAFF, "staff", NULL)

enum command {
#define KEYS_ENUM(name, placeholder, letter) name,
    KEYS_LIST(KEYS_ENUM)
#undef KEYS_ENUM
        CMD_COUNT,
    CMD_NONE = -1
};

/* The letter typed for CMD ("y"), or NULL when it has none. */
const char *keys_letter(enum command cmd);

/* The placeholder name of CMD ("yes" for "{yes}"). */
const char *keys_name(enum command cmd);

/* A copy of TEMPLATE with each "{name}" of a command that has a letter
 * replaced by that letter. The caller frees it; NULL when out of memory. */
char *keys_expand(const char *template);

#endif
