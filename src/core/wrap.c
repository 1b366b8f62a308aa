/* SPDX-License-Identifier: MIT */
/* wrap: greedy word wrap measured in terminal columns. */
#include "musclecheck/wrap.h"

#include "musclecheck/utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Decodes one UTF-8 character at TEXT (at most LEFT bytes); returns its byte
 * length and stores the code point. A broken sequence counts as one byte of
 * U+FFFD, so layout never stalls on bad input. */
static size_t decode(const char *text, size_t left, wchar_t *out)
{
    uint32_t c;
    int n = utf8_decode((const unsigned char *)text, left, &c);
    if (n <= 0) {
        *out = 0xFFFD;
        return 1;
    }
    *out = (wchar_t)c;
    return (size_t)n;
}

static int char_width(wchar_t c)
{
    if (c < 0x80)
        return c >= 0x20 && c != 0x7F ? 1 : 0;
    int w = wcwidth(c);
    return w < 0 ? 1 : w;
}

int wrap_width(const char *text, size_t len)
{
    int width = 0;
    for (size_t i = 0; i < len;) {
        wchar_t c;
        i += decode(text + i, len - i, &c);
        width += char_width(c);
    }
    return width;
}

size_t wrap_tail(const char *text, size_t len, int width)
{
    int total = wrap_width(text, len);
    size_t start = 0;
    while (total > width && start < len) {
        wchar_t c;
        start += decode(text + start, len - start, &c);
        total -= char_width(c);
    }
    return start;
}

struct builder {
    struct wrap_line *lines;
    size_t count;
    size_t cap;
    bool failed;
};

static void emit(struct builder *b, size_t start, size_t len, int width)
{
    if (b->failed)
        return;
    if (b->count == b->cap) {
        size_t cap = b->cap != 0 ? b->cap * 2 : 8;
        struct wrap_line *lines = realloc(b->lines, cap * sizeof(*lines));
        if (lines == NULL) {
            b->failed = true;
            return;
        }
        b->lines = lines;
        b->cap = cap;
    }
    b->lines[b->count++] = (struct wrap_line){start, len, width};
}

/* Wraps one paragraph [start, end) of TEXT (no newlines inside). */
static void wrap_paragraph(struct builder *b, const char *text, size_t start, size_t end, int width)
{
    size_t line_start = start, line_end = start; /* the line so far, without trailing spaces */
    int line_width = 0;
    size_t i = start;
    bool any = false;
    while (i < end) {
        while (i < end && text[i] == ' ')
            i++;
        if (i == end)
            break;
        size_t word = i;
        while (i < end && text[i] != ' ')
            i++;
        int word_width = wrap_width(text + word, i - word);
        int gap = line_end > line_start ? wrap_width(text + line_end, word - line_end) : 0;
        if (line_end > line_start && line_width + gap + word_width <= width) {
            line_end = i;
            line_width += gap + word_width;
            continue;
        }
        if (line_end > line_start) {
            emit(b, line_start, line_end - line_start, line_width);
            any = true;
        }
        line_start = line_end = word;
        line_width = 0;
        /* A word wider than a line is cut at character boundaries. */
        size_t j = word;
        while (j < i) {
            wchar_t c;
            size_t n = decode(text + j, i - j, &c);
            int cw = char_width(c);
            if (line_width + cw > width && j > line_start) {
                emit(b, line_start, j - line_start, line_width);
                any = true;
                line_start = j;
                line_width = 0;
            }
            line_width += cw;
            j += n;
        }
        line_end = i;
    }
    if (line_end > line_start || !any)
        emit(b, line_start, line_end - line_start, line_width);
}

size_t wrap_text(const char *text, int width, struct wrap_line **lines)
{
    struct builder b = {0};
    size_t len = strlen(text);
    if (width < 1)
        width = 1;
    size_t start = 0;
    for (;;) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl != NULL ? (size_t)(nl - text) : len;
        size_t para_end = end;
        if (para_end > start && text[para_end - 1] == '\r')
            para_end--;
        wrap_paragraph(&b, text, start, para_end, width);
        if (nl == NULL)
            break;
        start = end + 1;
    }
    if (b.failed) {
        free(b.lines);
        *lines = NULL;
        return 0;
    }
    *lines = b.lines;
    return b.count;
}
