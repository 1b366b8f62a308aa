/* SPDX-License-Identifier: MIT */
/* keydec_impl: what the key decoder's files share (private to
 * src/tui/keydec*.c): the decoder's state, and the CSI and SS3 decoding that
 * keydec_seq.c does for the byte-stream state machine in keydec.c. */
#ifndef MUSCLECHECK_TUI_KEYDEC_IMPL_H
#define MUSCLECHECK_TUI_KEYDEC_IMPL_H

#include "keydec.h"

#include <stdbool.h>
#include <stddef.h>

enum {
    KEYDEC_BUF_SIZE = 128, /* longer than any sequence kept whole */
};

enum state {
    ST_NORMAL,
    ST_PASTE,       /* inside a bracketed paste: waiting for ESC [ 2 0 1 ~ */
    ST_SKIP_CSI,    /* an overlong CSI: skipping to its final byte */
    ST_SKIP_STRING, /* an OSC, DCS, APC, PM or SOS string: skipping to BEL or ST */
};

struct keydec {
    unsigned char buf[KEYDEC_BUF_SIZE]; /* bytes not yet decoded */
    size_t len;                         /* how many */
    bool utf8;                          /* UTF-8 characters, or one byte each */
    enum state state;                   /* what the next bytes belong to */
    size_t paste_match;                 /* ST_PASTE: bytes of the end marker seen */
    size_t skipped;                     /* ST_SKIP_*: bytes skipped so far */
    bool string_esc;                    /* ST_SKIP_STRING: the last byte was ESC (ST follows?) */
    bool timed_out;                     /* the Esc delay passed since the last byte */
    bool paste_ended;                   /* keydec_flush ended a paste: report it */
};

/* The outcome of decoding the start of the buffer. */
enum result {
    R_DONE, /* *used bytes taken; the event may be KEYDEC_NONE (nothing to report) */
    R_MORE, /* a sequence has begun and needs more bytes */
};

/* Sets *EV to named key KEY with modifiers MODS. */
void keydec_set_key(struct keydec_event *ev, enum keydec_key key, unsigned mods);

/* SS3 (ESC O, or 0x8F) starting at P[S] of P[0..N): one final byte, perhaps
 * after a modifier digit (old xterm: ESC O 5 P). */
enum result keydec_decode_ss3(const unsigned char *p, size_t n, size_t s, struct keydec_event *ev,
                              size_t *used);

/* CSI (ESC [, or 0x9B) in P[0..N) whose first byte after the introducer is
 * P[S]. It may change KD's state: a paste begins, or an overlong CSI is to be
 * skipped. */
enum result keydec_decode_csi(struct keydec *kd, const unsigned char *p, size_t n, size_t s,
                              struct keydec_event *ev, size_t *used);

#endif
