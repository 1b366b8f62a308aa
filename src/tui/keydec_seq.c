/* SPDX-License-Identifier: MIT */
/* keydec_seq: what the key decoder knows of escape sequences: CSI and SS3
 * parsed into a private marker, parameters and a final byte, and the tables
 * that turn those into keys, modifiers, mouse reports, focus reports and the
 * start of a bracketed paste (for the state machine in keydec.c). */
#include "keydec_impl.h"

enum {
    SEQ_MAX = 64, /* a CSI longer than this is skipped, not kept */
    MAX_PARAMS = 8,
};

void keydec_set_key(struct keydec_event *ev, enum keydec_key key, unsigned mods)
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

enum result keydec_decode_ss3(const unsigned char *p, size_t n, size_t s, struct keydec_event *ev,
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
        keydec_set_key(ev, (enum keydec_key)key, param_mods(mods));
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
        keydec_set_key(ev, (enum keydec_key)key, mods);
}

enum result keydec_decode_csi(struct keydec *kd, const unsigned char *p, size_t n, size_t s,
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
            keydec_set_key(ev, (enum keydec_key)(KEYDEC_F1 + (p[s + 1] - 'A')), 0);
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
