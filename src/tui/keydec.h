/* SPDX-License-Identifier: MIT */
/* keydec: turns the bytes a terminal sends into whole key events, without
 * curses. Escape sequences (CSI, SS3, mouse reports in the X10, SGR and
 * urxvt encodings, bracketed paste, focus reports, OSC/DCS strings) come out
 * as one event each; a sequence it does not know is dropped whole, never
 * split into Esc and letters. Esc alone is reported only when the caller
 * says the Esc delay passed with nothing following (keydec_timeout).
 * Characters come out whole and in UTF-8 whatever the terminal's encoding:
 * a UTF-8 terminal's bytes are read with utf8_decode (strict), a one-byte
 * terminal's are Latin-1 and are converted.
 *
 * The event (struct keydec_event) is what the rest of the front end passes
 * around: terminal.c reads it, keymap.c maps it to a command, the key
 * handlers (screens.h) take it. Bytes go in with keydec_feed and events come
 * out with keydec_next; the two may be interleaved freely. The decoder never
 * blocks and never allocates after keydec_new. */
#ifndef MUSCLECHECK_TUI_KEYDEC_H
#define MUSCLECHECK_TUI_KEYDEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct keydec;

enum keydec_type {
    KEYDEC_NONE,      /* no event (never returned by keydec_next) */
    KEYDEC_CHAR,      /* a printable character: code and text */
    KEYDEC_CTRL,      /* a C0 control byte or DEL: code (Enter is '\r', Tab '\t') */
    KEYDEC_KEY,       /* a named key: key and mods */
    KEYDEC_ALT,       /* Esc followed by a character or control byte: code, text */
    KEYDEC_MOUSE,     /* a mouse report: button, release, motion, row, col, mods */
    KEYDEC_PASTE,     /* a whole bracketed paste; its content is discarded */
    KEYDEC_FOCUS_IN,  /* the terminal window gained the focus */
    KEYDEC_FOCUS_OUT, /* the terminal window lost the focus */
    KEYDEC_UNKNOWN,   /* a sequence or byte that means nothing here, dropped whole */
};

enum keydec_key {
    KEYDEC_UP,
    KEYDEC_DOWN,
    KEYDEC_RIGHT,
    KEYDEC_LEFT,
    KEYDEC_HOME,
    KEYDEC_END,
    KEYDEC_PGUP,
    KEYDEC_PGDN,
    KEYDEC_INSERT,
    KEYDEC_DELETE,
    KEYDEC_BEGIN, /* the keypad's middle key (5 without Num Lock) */
    KEYDEC_BTAB,  /* Shift-Tab */
    KEYDEC_ESC,   /* Esc alone, after the Esc delay */
    KEYDEC_KP_ENTER,
    KEYDEC_KP_0, /* KEYDEC_KP_0 + n is keypad digit n */
    KEYDEC_KP_9 = KEYDEC_KP_0 + 9,
    KEYDEC_KP_PLUS,
    KEYDEC_KP_MINUS,
    KEYDEC_KP_STAR,
    KEYDEC_KP_SLASH,
    KEYDEC_KP_DOT,
    KEYDEC_KP_COMMA,
    KEYDEC_KP_EQUAL,
    KEYDEC_F1, /* KEYDEC_F1 + n - 1 is Fn */
    KEYDEC_F20 = KEYDEC_F1 + 19,
};

/* Modifiers, as xterm reports them in its parameters. */
enum {
    KEYDEC_MOD_SHIFT = 1,
    KEYDEC_MOD_ALT = 2,
    KEYDEC_MOD_CTRL = 4,
};

struct keydec_event {
    enum keydec_type type;
    enum keydec_key key; /* KEYDEC_KEY */
    uint32_t code;       /* KEYDEC_CHAR, KEYDEC_CTRL, KEYDEC_ALT: the character (Unicode) */
    char text[5];        /* KEYDEC_CHAR, KEYDEC_ALT: it in UTF-8, NUL-terminated */
    unsigned mods;       /* KEYDEC_KEY, KEYDEC_MOUSE: KEYDEC_MOD_* */
    int button;          /* KEYDEC_MOUSE: 1-3 left, middle, right; 4/5 wheel up/down;
                            6/7 wheel left/right; 8-11 extra buttons; 0 unknown (X10 release) */
    bool release;        /* KEYDEC_MOUSE: a button was released */
    bool motion;         /* KEYDEC_MOUSE: the pointer moved (with a button held or not) */
    int row, col;        /* KEYDEC_MOUSE: 0-based screen cell */
};

/* A decoder for a terminal whose characters are UTF-8 (UTF8 true) or one
 * byte each (false: bytes 0xA0-0xFF are Latin-1 characters, given in UTF-8
 * in the event's text; 0x9B and 0x8F are the 8-bit CSI and SS3). Returns
 * NULL when out of memory; the caller owns it and releases it with
 * keydec_free. */
struct keydec *keydec_new(bool utf8);

/* Releases KD; keydec_free(NULL) does nothing. */
void keydec_free(struct keydec *kd);

/* Hands LEN bytes to the decoder. Returns how many it took: fewer than LEN
 * only when its buffer is full, and then keydec_next frees room. */
size_t keydec_feed(struct keydec *kd, const unsigned char *bytes, size_t len);

/* Takes the next complete event into *EV. Returns false when none is
 * complete yet (more bytes, or keydec_timeout, must come first). */
bool keydec_next(struct keydec *kd, struct keydec_event *ev);

/* Whether an escape sequence has begun but not ended: the caller should wait
 * the Esc delay for its rest, then call keydec_timeout. */
bool keydec_pending(const struct keydec *kd);

/* Whether a bracketed paste has begun and not yet ended. */
bool keydec_in_paste(const struct keydec *kd);

/* Says that the Esc delay passed with no more bytes: a lone Esc becomes
 * KEYDEC_ESC, Esc and one character KEYDEC_ALT, and any other unfinished
 * sequence is dropped (KEYDEC_UNKNOWN). A paste is not ended by this. */
void keydec_timeout(struct keydec *kd);

/* Ends whatever is unfinished, a paste included (a long silence: the rest of
 * it was lost). The next keydec_next calls return what that produces. */
void keydec_flush(struct keydec *kd);

#endif
