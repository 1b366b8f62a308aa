/* SPDX-License-Identifier: MIT */
/* keydec: whole key events from terminal bytes (see keydec.h). The bytes not
 * yet decoded wait in a small buffer; each keydec_next looks at its start and
 * either takes one complete sequence, or waits for more bytes, or (after
 * keydec_timeout) settles the unfinished prefix. Overlong sequences and
 * OSC/DCS strings are skipped byte by byte in a "discard" state, and a
 * bracketed paste in a "paste" state, so neither needs a big buffer. This
 * file is that state machine and the characters; keydec_seq.c decodes the
 * CSI and SS3 sequences. */
#include "keydec_impl.h"

#include "musclecheck/utf8.h"

#include <stdlib.h>
#include <string.h>

enum {
    ESC = 0x1b,
    STRING_MAX = 4096, /* an OSC/DCS string longer than this ends the skip */
};

static const char paste_end[] = "\033[201~";

struct keydec *keydec_new(bool utf8)
{
    struct keydec *kd = calloc(1, sizeof(*kd));
    if (kd != NULL)
        kd->utf8 = utf8;
    return kd;
}

void keydec_free(struct keydec *kd)
{
    free(kd);
}

size_t keydec_feed(struct keydec *kd, const unsigned char *bytes, size_t len)
{
    size_t room = sizeof(kd->buf) - kd->len;
    size_t n = len < room ? len : room;
    memcpy(kd->buf + kd->len, bytes, n);
    kd->len += n;
    if (n > 0)
        kd->timed_out = false;
    return n;
}

bool keydec_pending(const struct keydec *kd)
{
    return kd->state == ST_SKIP_CSI || kd->state == ST_SKIP_STRING ||
           (kd->state == ST_NORMAL && kd->len > 0);
}

bool keydec_in_paste(const struct keydec *kd)
{
    return kd->state == ST_PASTE;
}

void keydec_timeout(struct keydec *kd)
{
    kd->timed_out = true;
}

void keydec_flush(struct keydec *kd)
{
    if (kd->state == ST_PASTE) {
        kd->state = ST_NORMAL;
        kd->paste_ended = true;
    }
    kd->timed_out = true;
}

/* One character (or control byte) at P; TYPE is KEYDEC_CHAR or KEYDEC_ALT. */
static enum result decode_char(const struct keydec *kd, const unsigned char *p, size_t n,
                               enum keydec_type type, struct keydec_event *ev, size_t *used)
{
    unsigned char b = p[0];
    *used = 1;
    if (b < 0x20 || b == 0x7F) {
        ev->type = type == KEYDEC_ALT ? KEYDEC_ALT : KEYDEC_CTRL;
        ev->code = b;
        return R_DONE;
    }
    if (b < 0x80 || !kd->utf8) {
        if (b >= 0x80 && b < 0xA0) { /* C1 controls: nothing a key sends */
            ev->type = KEYDEC_UNKNOWN;
            return R_DONE;
        }
        /* Without UTF-8 the terminal's characters are Latin-1: the rest of
         * the program gets them in UTF-8, as everything it stores is. */
        ev->type = type;
        ev->code = b;
        utf8_encode(b, ev->text);
        return R_DONE;
    }
    uint32_t code = 0;
    int len = utf8_decode(p, n, &code);
    if (len == UTF8_SHORT)
        return R_MORE;
    if (len == UTF8_INVALID) {
        /* Drop the longest start that could still have begun a character
         * (at least one byte); the byte that broke it is read again. */
        size_t k = n;
        while (k > 1 && utf8_decode(p, --k, &code) != UTF8_SHORT)
            ;
        ev->type = KEYDEC_UNKNOWN;
        *used = k;
        return R_DONE;
    }
    *used = (size_t)len;
    if (code < 0xA0) { /* C1 controls written in UTF-8 */
        ev->type = KEYDEC_UNKNOWN;
        return R_DONE;
    }
    ev->type = type;
    ev->code = code;
    memcpy(ev->text, p, (size_t)len);
    return R_DONE;
}

/* The introducers of control strings: OSC, DCS, APC, PM, SOS. */
static bool string_introducer(unsigned char b)
{
    return b == ']' || b == 'P' || b == '_' || b == '^' || b == 'X';
}

/* One event from the start of P[0..N) in the normal state. */
static enum result decode(struct keydec *kd, const unsigned char *p, size_t n,
                          struct keydec_event *ev, size_t *used)
{
    unsigned char b = p[0];
    if (!kd->utf8 && b == 0x9B)
        return keydec_decode_csi(kd, p, n, 1, ev, used);
    if (!kd->utf8 && b == 0x8F)
        return keydec_decode_ss3(p, n, 1, ev, used);
    if (!kd->utf8 && (b == 0x90 || b == 0x9D || b == 0x9E || b == 0x9F || b == 0x98)) {
        kd->state = ST_SKIP_STRING;
        kd->skipped = 1;
        kd->string_esc = false;
        *used = 1;
        return R_DONE;
    }
    if (b != ESC)
        return decode_char(kd, p, n, KEYDEC_CHAR, ev, used);
    if (n < 2)
        return R_MORE;
    unsigned char c = p[1];
    if (c == '[')
        return keydec_decode_csi(kd, p, n, 2, ev, used);
    if (c == 'O')
        return keydec_decode_ss3(p, n, 2, ev, used);
    if (string_introducer(c)) {
        if (n < 3)
            return R_MORE; /* Alt-P, or the start of a DCS string: the next byte tells */
        kd->state = ST_SKIP_STRING;
        kd->skipped = 2;
        kd->string_esc = false;
        *used = 2;
        return R_DONE;
    }
    if (c == ESC) {
        /* Esc before a whole sequence: Alt and that key (rxvt sends Alt-Up
         * as ESC ESC [ A). A lone second Esc is settled at the timeout. */
        enum result r = decode(kd, p + 1, n - 1, ev, used);
        if (r == R_MORE)
            return R_MORE;
        *used += 1;
        if (ev->type == KEYDEC_KEY || ev->type == KEYDEC_MOUSE)
            ev->mods |= KEYDEC_MOD_ALT;
        else if (ev->type == KEYDEC_CHAR || ev->type == KEYDEC_CTRL)
            ev->type = KEYDEC_ALT;
        return R_DONE;
    }
    enum result r = decode_char(kd, p + 1, n - 1, KEYDEC_ALT, ev, used);
    if (r == R_DONE) {
        *used += 1;
        if (ev->type != KEYDEC_UNKNOWN)
            ev->type = KEYDEC_ALT;
    }
    return r;
}

/* After the Esc delay: what the unfinished prefix P[0..N) stands for. */
static void settle(const struct keydec *kd, const unsigned char *p, size_t n,
                   struct keydec_event *ev)
{
    ev->type = KEYDEC_UNKNOWN;
    if (p[0] != ESC)
        return; /* a character cut short */
    if (n == 1)
        keydec_set_key(ev, KEYDEC_ESC, 0);
    else if (n == 2 && (p[1] == ESC || (p[1] >= 0x20 && p[1] < 0x7F))) {
        ev->type = KEYDEC_ALT; /* Esc then '[', 'O', 'P', ... typed quickly */
        ev->code = p[1];
        if (p[1] != ESC)
            ev->text[0] = (char)p[1];
    } else if (n == 3 && p[1] == ESC && p[2] == ESC) {
        ev->type = KEYDEC_ALT;
        ev->code = ESC;
    }
    (void)kd;
}

/* ST_PASTE: skips bytes up to the end marker. Returns the bytes used; sets
 * *DONE when the paste ended. */
static size_t skip_paste(struct keydec *kd, bool *done)
{
    size_t i = 0;
    *done = false;
    while (i < kd->len) {
        unsigned char b = kd->buf[i++];
        if (b == (unsigned char)paste_end[kd->paste_match])
            kd->paste_match++;
        else
            kd->paste_match = b == ESC ? 1 : 0;
        if (kd->paste_match == sizeof(paste_end) - 1) {
            kd->state = ST_NORMAL;
            *done = true;
            break;
        }
    }
    return i;
}

/* ST_SKIP_CSI and ST_SKIP_STRING: skips bytes up to the end of the
 * sequence. Returns the bytes used; sets *DONE at its end. */
static size_t skip_sequence(struct keydec *kd, bool *done)
{
    size_t i = 0;
    *done = false;
    while (i < kd->len && !*done) {
        unsigned char b = kd->buf[i++];
        kd->skipped++;
        if (kd->state == ST_SKIP_CSI) {
            *done = (b >= 0x40 && b <= 0x7E) || b < 0x20 || b == 0x7F;
            if (*done && (b < 0x20 || b == 0x7F))
                i--; /* cut short by a control byte: read it afresh */
        } else {
            *done = b == 0x07 || (kd->string_esc && b == '\\') || (!kd->utf8 && b == 0x9C) ||
                    kd->skipped > STRING_MAX;
            kd->string_esc = b == ESC;
        }
    }
    if (*done)
        kd->state = ST_NORMAL;
    return i;
}

static void consume(struct keydec *kd, size_t n)
{
    memmove(kd->buf, kd->buf + n, kd->len - n);
    kd->len -= n;
}

bool keydec_next(struct keydec *kd, struct keydec_event *ev)
{
    for (;;) {
        memset(ev, 0, sizeof(*ev));
        if (kd->paste_ended) {
            kd->paste_ended = false;
            ev->type = KEYDEC_PASTE;
            return true;
        }
        bool done;
        switch (kd->state) {
        case ST_PASTE:
            consume(kd, skip_paste(kd, &done));
            if (done) {
                ev->type = KEYDEC_PASTE;
                return true;
            }
            return false;
        case ST_SKIP_CSI:
        case ST_SKIP_STRING:
            consume(kd, skip_sequence(kd, &done));
            if (!done && kd->timed_out) {
                kd->state = ST_NORMAL; /* never stuck: a real reply comes at once */
                done = true;
            }
            if (done) {
                ev->type = KEYDEC_UNKNOWN;
                return true;
            }
            return false;
        case ST_NORMAL: break;
        }
        if (kd->len == 0) {
            kd->timed_out = false;
            return false;
        }
        size_t used = 0;
        enum result r = decode(kd, kd->buf, kd->len, ev, &used);
        if (r == R_MORE) {
            if (!kd->timed_out && kd->len < sizeof(kd->buf))
                return false;
            memset(ev, 0, sizeof(*ev));
            settle(kd, kd->buf, kd->len, ev);
            used = kd->len;
        }
        consume(kd, used);
        if (ev->type != KEYDEC_NONE)
            return true;
    }
}
