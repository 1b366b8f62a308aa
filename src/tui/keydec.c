/* SPDX-License-Identifier: MIT */
/* keydec: whole key events from terminal bytes (see keydec.h). The bytes not
 * yet decoded wait in a small buffer; each keydec_next looks at its start and
 * either takes one complete sequence, or waits for more bytes, or (after
 * keydec_timeout) settles the unfinished prefix. Overlong sequences and
 * OSC/DCS strings are skipped byte by byte in a "discard" state, and a
 * bracketed paste in a "paste" state, so neither needs a big buffer. */
#include "keydec.h"

#include <stdlib.h>
#include <string.h>

enum {
    ESC = 0x1b,
    BUF_SIZE = 128,    /* longer than any sequence kept whole */
    SEQ_MAX = 64,      /* a CSI longer than this is skipped, not kept */
    STRING_MAX = 4096, /* an OSC/DCS string longer than this ends the skip */
    MAX_PARAMS = 8,
};

enum state {
    ST_NORMAL,
    ST_PASTE,       /* inside a bracketed paste: waiting for ESC [ 2 0 1 ~ */
    ST_SKIP_CSI,    /* an overlong CSI: skipping to its final byte */
    ST_SKIP_STRING, /* an OSC, DCS, APC, PM or SOS string: skipping to BEL or ST */
};

struct keydec {
    unsigned char buf[BUF_SIZE]; /* bytes not yet decoded */
    size_t len;                  /* how many */
    bool utf8;                   /* UTF-8 characters, or one byte each */
    enum state state;            /* what the next bytes belong to */
    size_t paste_match;          /* ST_PASTE: bytes of the end marker seen */
    size_t skipped;              /* ST_SKIP_*: bytes skipped so far */
    bool string_esc;             /* ST_SKIP_STRING: the last byte was ESC (ST follows?) */
    bool timed_out;              /* the Esc delay passed since the last byte */
    bool paste_ended;            /* keydec_flush ended a paste: report it */
};

static const char paste_end[] = "\033[201~";

/* The outcome of decoding the start of the buffer. */
enum result {
    R_DONE, /* *used bytes taken; the event may be KEYDEC_NONE (nothing to report) */
    R_MORE, /* a sequence has begun and needs more bytes */
};

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

static void set_key(struct keydec_event *ev, enum keydec_key key, unsigned mods)
{
    ev->type = KEYDEC_KEY;
    ev->key = key;
    ev->mods = mods;
}

/* xterm's modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4 | meta 8). */
static unsigned param_mods(unsigned p)
{
    if (p < 2)
        return 0;
    unsigned m = p - 1;
    return (m & 1 ? KEYDEC_MOD_SHIFT : 0) | (m & (2 | 8) ? KEYDEC_MOD_ALT : 0) |
           (m & 4 ? KEYDEC_MOD_CTRL : 0);
}

/* The length of the UTF-8 character starting with B, or 0 if B cannot start one. */
static size_t utf8_length(unsigned char b)
{
    if (b >= 0xC2 && b <= 0xDF)
        return 2;
    if (b >= 0xE0 && b <= 0xEF)
        return 3;
    if (b >= 0xF0 && b <= 0xF4)
        return 4;
    return 0;
}

/* Whether continuation byte B may follow the bytes before it (no overlong
 * forms, no surrogates, nothing past U+10FFFF). */
static bool utf8_continues(const unsigned char *p, size_t i)
{
    unsigned char b = p[i];
    if ((b & 0xC0) != 0x80)
        return false;
    if (i == 1) {
        if (p[0] == 0xE0)
            return b >= 0xA0;
        if (p[0] == 0xED)
            return b <= 0x9F;
        if (p[0] == 0xF0)
            return b >= 0x90;
        if (p[0] == 0xF4)
            return b <= 0x8F;
    }
    return true;
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
        ev->type = type;
        ev->code = b;
        ev->text[0] = (char)b;
        return R_DONE;
    }
    size_t len = utf8_length(b);
    if (len == 0) {
        ev->type = KEYDEC_UNKNOWN;
        return R_DONE;
    }
    uint32_t code = b & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if (i >= n)
            return R_MORE;
        if (!utf8_continues(p, i)) {
            ev->type = KEYDEC_UNKNOWN; /* drop the broken start; the byte is read again */
            *used = i;
            return R_DONE;
        }
        code = code << 6 | (p[i] & 0x3F);
    }
    *used = len;
    if (code < 0xA0) { /* C1 controls written in UTF-8 */
        ev->type = KEYDEC_UNKNOWN;
        return R_DONE;
    }
    ev->type = type;
    ev->code = code;
    memcpy(ev->text, p, len);
    return R_DONE;
}

/* A mouse report: B is the button byte's value (without X10's 32). */
static void set_mouse(struct keydec_event *ev, unsigned b, unsigned x, unsigned y, bool release)
{
    if (x < 1 || y < 1 || x > 10000 || y > 10000) {
        ev->type = KEYDEC_UNKNOWN; /* no position: nothing a click could hit */
        return;
    }
    ev->type = KEYDEC_MOUSE;
    ev->col = (int)x - 1;
    ev->row = (int)y - 1;
    ev->motion = (b & 32) != 0;
    ev->mods = (b & 4 ? KEYDEC_MOD_SHIFT : 0) | (b & 8 ? KEYDEC_MOD_ALT : 0) |
               (b & 16 ? KEYDEC_MOD_CTRL : 0);
    unsigned low = b & 3;
    if (b & 128)
        ev->button = 8 + (int)low;
    else if (b & 64)
        ev->button = 4 + (int)low;
    else if (low == 3) {
        ev->button = 0; /* X10 and urxvt: "a button was released", not which */
        release = true;
    } else
        ev->button = 1 + (int)low;
    ev->release = release && !ev->motion;
}

/* The key for ESC [ N ~ (vt220, xterm, linux, rxvt), or -1. */
static int tilde_key(unsigned n)
{
    switch (n) {
    case 1:
    case 7: return KEYDEC_HOME; /* 7: rxvt */
    case 2: return KEYDEC_INSERT;
    case 3: return KEYDEC_DELETE;
    case 4:
    case 8: return KEYDEC_END; /* 8: rxvt */
    case 5: return KEYDEC_PGUP;
    case 6: return KEYDEC_PGDN;
    case 11:
    case 12:
    case 13:
    case 14:
    case 15: return KEYDEC_F1 + (int)n - 11;
    case 17:
    case 18:
    case 19:
    case 20:
    case 21: return KEYDEC_F1 + 5 + (int)n - 17;
    case 23:
    case 24:
    case 25:
    case 26: return KEYDEC_F1 + 10 + (int)n - 23; /* F11-F14 (vt220: 25, 26 are F13, F14) */
    case 28:
    case 29: return KEYDEC_F1 + 14 + (int)n - 28; /* F15, F16 */
    case 31:
    case 32:
    case 33:
    case 34: return KEYDEC_F1 + 16 + (int)n - 31; /* F17-F20 */
    default: return -1;
    }
}

/* The key for a CSI or SS3 sequence ending in FINAL without a number that
 * picks the key (ESC [ A, ESC O P, ESC [ 1 ; 5 H), or -1. */
static int letter_key(unsigned char final)
{
    switch (final) {
    case 'A': return KEYDEC_UP;
    case 'B': return KEYDEC_DOWN;
    case 'C': return KEYDEC_RIGHT;
    case 'D': return KEYDEC_LEFT;
    case 'H': return KEYDEC_HOME;
    case 'F': return KEYDEC_END;
    case 'E': return KEYDEC_BEGIN;
    case 'P': return KEYDEC_F1;
    case 'Q': return KEYDEC_F1 + 1;
    case 'R': return KEYDEC_F1 + 2;
    case 'S': return KEYDEC_F1 + 3;
    default: return -1;
    }
}

/* The keypad key for SS3 FINAL in application keypad mode, or -1. */
static int keypad_key(unsigned char final)
{
    if (final >= 'p' && final <= 'y')
        return KEYDEC_KP_0 + (final - 'p');
    switch (final) {
    case 'M': return KEYDEC_KP_ENTER;
    case 'j': return KEYDEC_KP_STAR;
    case 'k': return KEYDEC_KP_PLUS;
    case 'l': return KEYDEC_KP_COMMA;
    case 'm': return KEYDEC_KP_MINUS;
    case 'n': return KEYDEC_KP_DOT;
    case 'o': return KEYDEC_KP_SLASH;
    case 'X': return KEYDEC_KP_EQUAL;
    default: return -1;
    }
}

/* SS3 (ESC O, or 0x8F) starting at P[S]: one final byte, perhaps after a
 * modifier digit (old xterm: ESC O 5 P). */
static enum result decode_ss3(const unsigned char *p, size_t n, size_t s, struct keydec_event *ev,
                              size_t *used)
{
    unsigned mods = 0;
    size_t i = s;
    while (i < n && p[i] >= '0' && p[i] <= '9' && i - s < 3) {
        mods = mods * 10 + (unsigned)(p[i] - '0');
        i++;
    }
    if (i >= n)
        return R_MORE;
    unsigned char final = p[i];
    if (final < 0x40 || final > 0x7E) {
        ev->type = KEYDEC_UNKNOWN; /* not a sequence after all: drop the introducer */
        *used = i;
        return R_DONE;
    }
    *used = i + 1;
    int key = letter_key(final);
    if (key < 0)
        key = keypad_key(final);
    if (final == 'I') { /* the keypad's Tab */
        ev->type = KEYDEC_CTRL;
        ev->code = '\t';
    } else if (key >= 0)
        set_key(ev, (enum keydec_key)key, param_mods(mods));
    else
        ev->type = KEYDEC_UNKNOWN;
    return R_DONE;
}

/* A complete CSI: private marker PRIV (0 if none), NP parameters, FINAL. */
static void csi_event(struct keydec *kd, unsigned char priv, const unsigned *params, size_t np,
                      unsigned char final, struct keydec_event *ev)
{
    unsigned p0 = np > 0 ? params[0] : 0;
    unsigned p1 = np > 1 ? params[1] : 0;
    ev->type = KEYDEC_UNKNOWN;
    if (priv == '<') { /* SGR mouse: ESC [ < b ; x ; y M|m */
        if ((final == 'M' || final == 'm') && np == 3)
            set_mouse(ev, p0, p1, params[2], final == 'm');
        return;
    }
    if (priv != 0)
        return; /* replies to queries (device attributes, ...): never keys */
    int key = -1;
    unsigned mods = param_mods(p1);
    switch (final) {
    case '~':
        if (p0 == 200 && np == 1) {
            kd->state = ST_PASTE;
            kd->paste_match = 0;
            ev->type = KEYDEC_NONE; /* reported once, at its end */
            return;
        }
        key = tilde_key(p0);
        break;
    case '$': /* rxvt: Shift with ESC [ N $, Ctrl with ^, both with @ */
    case '^':
    case '@':
        if (np != 1)
            return;
        key = tilde_key(p0);
        mods = final == '$'   ? KEYDEC_MOD_SHIFT
               : final == '^' ? KEYDEC_MOD_CTRL
                              : KEYDEC_MOD_SHIFT | KEYDEC_MOD_CTRL;
        break;
    case 'Z':
        if (np <= 1 || p0 <= 1)
            key = KEYDEC_BTAB;
        break;
    case 'G': /* linux console: the keypad's middle key */
        if (np == 0)
            key = KEYDEC_BEGIN;
        break;
    case 'I':
    case 'O':
        if (np == 0)
            ev->type = final == 'I' ? KEYDEC_FOCUS_IN : KEYDEC_FOCUS_OUT;
        return;
    case 'M': /* urxvt mouse: ESC [ b ; x ; y M, with b offset by 32 as in X10 */
        if (np == 3 && p0 >= 32)
            set_mouse(ev, p0 - 32, p1, params[2], false);
        return;
    default:
        /* ESC [ A, and ESC [ 1 ; 5 A with modifiers (the 1 picks nothing). */
        if (np <= 1 || p0 <= 1)
            key = letter_key(final);
        break;
    }
    if (key >= 0)
        set_key(ev, (enum keydec_key)key, mods);
}

/* CSI (ESC [, or 0x9B) whose first byte after the introducer is P[S]. */
static enum result decode_csi(struct keydec *kd, const unsigned char *p, size_t n, size_t s,
                              struct keydec_event *ev, size_t *used)
{
    if (s >= n)
        return R_MORE;
    if (p[s] == 'M') { /* X10 mouse: three raw bytes follow */
        if (n < s + 4)
            return R_MORE;
        *used = s + 4;
        if (p[s + 1] < 32) {
            ev->type = KEYDEC_UNKNOWN;
            return R_DONE;
        }
        set_mouse(ev, p[s + 1] - 32u, p[s + 2] - 32u, p[s + 3] - 32u, false);
        if (p[s + 2] < 33 || p[s + 3] < 33)
            ev->type = KEYDEC_UNKNOWN;
        return R_DONE;
    }
    if (p[s] == '[') { /* linux console: ESC [ [ A .. E are F1-F5 */
        if (n < s + 2)
            return R_MORE;
        *used = s + 2;
        if (p[s + 1] >= 'A' && p[s + 1] <= 'E')
            set_key(ev, (enum keydec_key)(KEYDEC_F1 + (p[s + 1] - 'A')), 0);
        else
            ev->type = KEYDEC_UNKNOWN;
        return R_DONE;
    }
    unsigned char priv = 0;
    unsigned params[MAX_PARAMS] = {0};
    size_t np = 0;
    bool in_param = false, sub = false, intermediate = false;
    for (size_t i = s; i < n; i++) {
        unsigned char b = p[i];
        if (i - s >= SEQ_MAX) {
            kd->state = ST_SKIP_CSI;
            kd->skipped = i;
            *used = i;
            ev->type = KEYDEC_NONE;
            return R_DONE;
        }
        if (b >= 0x30 && b <= 0x3F && !intermediate) {
            if (b >= '<' && b <= '?') {
                if (i == s)
                    priv = b;
                else
                    intermediate = true; /* out of place: the sequence is unknown */
            } else if (b == ';' || b == ':') {
                if (!in_param && np < MAX_PARAMS)
                    np++; /* an empty parameter */
                in_param = false;
                sub = b == ':';
            } else if (!sub) {
                if (!in_param) {
                    in_param = true;
                    if (np < MAX_PARAMS)
                        np++;
                }
                unsigned *v = &params[np - 1];
                *v = *v > 100000 ? *v : *v * 10 + (unsigned)(b - '0');
            }
        } else if (b >= 0x20 && b <= 0x2F) {
            if (b == '$' && !intermediate && priv == 0 && np == 1) {
                /* rxvt's Shift-<key>: '$' is its final byte, though ECMA-48
                 * would take it for an intermediate. */
                *used = i + 1;
                csi_event(kd, priv, params, np, b, ev);
                return R_DONE;
            }
            intermediate = true;
        } else if (b >= 0x40 && b <= 0x7E) {
            *used = i + 1;
            if (intermediate)
                ev->type = KEYDEC_UNKNOWN;
            else
                csi_event(kd, priv, params, np, b, ev);
            return R_DONE;
        } else {
            /* A control byte or ESC inside: the sequence was cut short. Drop
             * what came so far and read that byte afresh. */
            ev->type = KEYDEC_UNKNOWN;
            *used = i;
            return R_DONE;
        }
    }
    return R_MORE;
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
        return decode_csi(kd, p, n, 1, ev, used);
    if (!kd->utf8 && b == 0x8F)
        return decode_ss3(p, n, 1, ev, used);
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
        return decode_csi(kd, p, n, 2, ev, used);
    if (c == 'O')
        return decode_ss3(p, n, 2, ev, used);
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
        set_key(ev, KEYDEC_ESC, 0);
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
