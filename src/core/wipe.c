/* SPDX-License-Identifier: MIT */
/* wipe: exact-size formatting and wiping frees. */
#include "musclecheck/wipe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *wipe_vprintf(const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int len = vsnprintf(NULL, 0, fmt, ap); /* measures; writes nothing */
    char *text = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (text != NULL)
        vsnprintf(text, (size_t)len + 1, fmt, again);
    va_end(again);
    return text;
}

char *wipe_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = wipe_vprintf(fmt, ap);
    va_end(ap);
    return text;
}

void wipe_free(char *text)
{
    if (text == NULL)
        return;
    explicit_bzero(text, strlen(text));
    free(text);
}
