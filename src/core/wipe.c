/* SPDX-License-Identifier: MIT */
/* wipe: exact-size formatting and wiping frees. */
#include "musclecheck/wipe.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *wipe_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap); /* measures; writes nothing */
    va_end(ap);
    if (len < 0)
        return NULL;
    char *text = malloc((size_t)len + 1);
    if (text == NULL)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(text, (size_t)len + 1, fmt, ap);
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
