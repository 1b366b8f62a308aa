/* SPDX-License-Identifier: MIT */
/* Tests for the key decoder: every key form the usual terminals send, mouse
 * reports, pastes, the Esc delay, and sequences it must drop whole. */
#include <setjmp.h> /* cmocka needs these first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "keydec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_EVENTS = 64 };

struct run {
    struct keydec_event ev[MAX_EVENTS];
    size_t n;
};

static void drain(struct keydec *kd, struct run *r)
{
    struct keydec_event ev;
    while (keydec_next(kd, &ev)) {
        assert_true(r->n < MAX_EVENTS);
        r->ev[r->n++] = ev;
    }
}

/* Decodes BYTES (LEN of them) fed in pieces of CHUNK bytes, then lets the
 * Esc delay pass. */
static struct run decode_chunked(const char *bytes, size_t len, size_t chunk, bool utf8)
{
    struct run r = {.n = 0};
    struct keydec *kd = keydec_new(utf8);
    assert_non_null(kd);
    size_t off = 0;
    while (off < len) {
        size_t n = len - off < chunk ? len - off : chunk;
        size_t took = keydec_feed(kd, (const unsigned char *)bytes + off, n);
        off += took;
        drain(kd, &r);
    }
    keydec_timeout(kd);
    drain(kd, &r);
    assert_false(keydec_pending(kd));
    keydec_free(kd);
    return r;
}

/* Decodes a NUL-terminated string, whole and byte by byte, and checks that
 * both give the same events. */
static struct run decode(const char *bytes)
{
    struct run whole = decode_chunked(bytes, strlen(bytes), strlen(bytes) + 1, true);
    struct run single = decode_chunked(bytes, strlen(bytes), 1, true);
    assert_int_equal(whole.n, single.n);
    for (size_t i = 0; i < whole.n; i++) {
        assert_int_equal(whole.ev[i].type, single.ev[i].type);
        assert_int_equal(whole.ev[i].key, single.ev[i].key);
        assert_int_equal(whole.ev[i].code, single.ev[i].code);
    }
    return whole;
}

static void assert_key(const char *bytes, enum keydec_key key, unsigned mods)
{
    struct run r = decode(bytes);
    if (r.n != 1 || r.ev[0].type != KEYDEC_KEY || r.ev[0].key != key || r.ev[0].mods != mods) {
        fprintf(stderr, "sequence:");
        for (const char *p = bytes; *p; p++)
            fprintf(stderr, " %02x", (unsigned char)*p);
        fprintf(stderr, "\n%zu events, first type %d key %d mods %u\n", r.n,
                r.n ? (int)r.ev[0].type : -1, r.n ? (int)r.ev[0].key : -1, r.n ? r.ev[0].mods : 0u);
        fail_msg("expected key %d mods %u", (int)key, mods);
    }
}

/* The sequence is dropped: at most one UNKNOWN event, and no key at all. */
static void assert_dropped(const char *bytes)
{
    struct run r = decode(bytes);
    if (r.n > 1 || (r.n == 1 && r.ev[0].type != KEYDEC_UNKNOWN))
        fail_msg("\"%s\": %zu events, first of type %d", bytes + 1, r.n, (int)r.ev[0].type);
}

static void printable_ascii_and_utf8(void **state)
{
    (void)state;
    struct run r = decode("aZ~ é日😀");
    assert_int_equal(r.n, 7);
    const uint32_t codes[] = {'a', 'Z', '~', ' ', 0xE9, 0x65E5, 0x1F600};
    for (size_t i = 0; i < 7; i++) {
        assert_int_equal(r.ev[i].type, KEYDEC_CHAR);
        assert_int_equal(r.ev[i].code, codes[i]);
    }
    assert_string_equal(r.ev[5].text, "日");
    assert_string_equal(r.ev[6].text, "😀");
}

static void invalid_utf8_is_dropped(void **state)
{
    (void)state;
    /* A stray continuation byte, an overlong form, a surrogate, a lead cut
     * short by an ASCII letter, a byte no UTF-8 has, and a C1 control. */
    struct run r = decode("\x80"
                          "\xC0\xAF"
                          "\xED\xA0\x80"
                          "\xE2\x82z"
                          "\xFF"
                          "\xC2\x9B");
    size_t chars = 0;
    for (size_t i = 0; i < r.n; i++)
        if (r.ev[i].type == KEYDEC_CHAR) {
            assert_int_equal(r.ev[i].code, 'z');
            chars++;
        } else {
            assert_int_equal(r.ev[i].type, KEYDEC_UNKNOWN);
        }
    assert_int_equal(chars, 1);
    /* A character cut short when the delay passes is dropped too. */
    assert_dropped("\xE6\x97");
}

static void one_byte_characters_without_utf8(void **state)
{
    (void)state;
    struct run r = decode_chunked("\xE9\x85\x9B"
                                  "A",
                                  4, 1, false);
    assert_int_equal(r.n, 3);
    assert_int_equal(r.ev[0].type, KEYDEC_CHAR);
    assert_int_equal(r.ev[0].code, 0xE9);
    assert_int_equal(r.ev[1].type, KEYDEC_UNKNOWN); /* C1 0x85 */
    assert_int_equal(r.ev[2].type, KEYDEC_KEY);     /* 8-bit CSI A */
    assert_int_equal(r.ev[2].key, KEYDEC_UP);
    r = decode_chunked("\x8FP", 2, 1, false);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.ev[0].key, KEYDEC_F1);
}

/* A terminal without UTF-8 sends Latin-1; the event carries UTF-8. */
static void latin1_comes_out_as_utf8(void **state)
{
    (void)state;
    struct run r = decode_chunked("caf\xE9\xFF", 5, 1, false);
    assert_int_equal(r.n, 5);
    assert_int_equal(r.ev[3].type, KEYDEC_CHAR);
    assert_int_equal(r.ev[3].code, 0xE9);
    assert_string_equal(r.ev[3].text, "\xC3\xA9"); /* é */
    assert_int_equal(r.ev[4].code, 0xFF);
    assert_string_equal(r.ev[4].text, "\xC3\xBF"); /* ÿ */
    assert_string_equal(r.ev[0].text, "c");
    r = decode_chunked("\033\xE9", 2, 1, false); /* Alt-é */
    assert_int_equal(r.n, 1);
    assert_int_equal(r.ev[0].type, KEYDEC_ALT);
    assert_string_equal(r.ev[0].text, "\xC3\xA9");
}

static void control_keys(void **state)
{
    (void)state;
    struct run r = decode("\r\t\x7f\x08\x03\x18\x01");
    const uint32_t codes[] = {'\r', '\t', 0x7F, 0x08, 0x03, 0x18, 0x01};
    assert_int_equal(r.n, 7);
    for (size_t i = 0; i < 7; i++) {
        assert_int_equal(r.ev[i].type, KEYDEC_CTRL);
        assert_int_equal(r.ev[i].code, codes[i]);
    }
}

static void esc_alone_only_after_the_delay(void **state)
{
    (void)state;
    struct keydec *kd = keydec_new(true);
    struct keydec_event ev;
    keydec_feed(kd, (const unsigned char *)"\033", 1);
    assert_false(keydec_next(kd, &ev));
    assert_true(keydec_pending(kd));
    keydec_timeout(kd);
    assert_true(keydec_next(kd, &ev));
    assert_int_equal(ev.type, KEYDEC_KEY);
    assert_int_equal(ev.key, KEYDEC_ESC);
    assert_false(keydec_next(kd, &ev));
    assert_false(keydec_pending(kd));
    /* The delay passing with nothing waiting changes nothing later on. */
    keydec_timeout(kd);
    keydec_feed(kd, (const unsigned char *)"\033", 1);
    assert_false(keydec_next(kd, &ev));
    keydec_feed(kd, (const unsigned char *)"[A", 2);
    assert_true(keydec_next(kd, &ev));
    assert_int_equal(ev.key, KEYDEC_UP);
    keydec_free(kd);
    keydec_free(NULL);
}

static void alt_keys_are_never_esc(void **state)
{
    (void)state;
    const char *alts[] = {"\033y", "\033Y", "\033q", "\033\r", "\033\x7f", "\033é", "\033["};
    for (size_t i = 0; i < sizeof(alts) / sizeof(alts[0]); i++) {
        struct run r = decode(alts[i]);
        assert_int_equal(r.n, 1);
        assert_int_equal(r.ev[0].type, KEYDEC_ALT);
    }
    struct run r = decode("\033y");
    assert_int_equal(r.ev[0].code, 'y');
    assert_string_equal(r.ev[0].text, "y");
    r = decode("\033é");
    assert_int_equal(r.ev[0].code, 0xE9);
    r = decode("\033\033");
    assert_int_equal(r.n, 1);
    assert_int_equal(r.ev[0].type, KEYDEC_ALT);
    assert_int_equal(r.ev[0].code, 0x1B);
    /* rxvt's Alt-Up: Esc before a whole sequence. */
    assert_key("\033\033[A", KEYDEC_UP, KEYDEC_MOD_ALT);
    assert_key("\033\033OP", KEYDEC_F1, KEYDEC_MOD_ALT);
}

static void cursor_keys_both_modes(void **state)
{
    (void)state;
    assert_key("\033[A", KEYDEC_UP, 0);
    assert_key("\033[B", KEYDEC_DOWN, 0);
    assert_key("\033[C", KEYDEC_RIGHT, 0);
    assert_key("\033[D", KEYDEC_LEFT, 0);
    assert_key("\033OA", KEYDEC_UP, 0);
    assert_key("\033OB", KEYDEC_DOWN, 0);
    assert_key("\033OC", KEYDEC_RIGHT, 0);
    assert_key("\033OD", KEYDEC_LEFT, 0);
    assert_key("\033[1;2A", KEYDEC_UP, KEYDEC_MOD_SHIFT);
    assert_key("\033[1;5D", KEYDEC_LEFT, KEYDEC_MOD_CTRL);
    assert_key("\033[1;3C", KEYDEC_RIGHT, KEYDEC_MOD_ALT);
    assert_key("\033[1;8B", KEYDEC_DOWN, KEYDEC_MOD_SHIFT | KEYDEC_MOD_ALT | KEYDEC_MOD_CTRL);
}

static void home_end_every_form(void **state)
{
    (void)state;
    /* xterm, tmux/screen (1~/4~), vt220 and linux, rxvt (7~/8~), ansi (H/F). */
    const char *homes[] = {"\033[1~", "\033[7~", "\033[H", "\033OH", "\033[1;2H"};
    const char *ends[] = {"\033[4~", "\033[8~", "\033[F", "\033OF", "\033[1;5F"};
    for (size_t i = 0; i < 5; i++) {
        struct run h = decode(homes[i]);
        assert_int_equal(h.n, 1);
        assert_int_equal(h.ev[0].key, KEYDEC_HOME);
        struct run e = decode(ends[i]);
        assert_int_equal(e.n, 1);
        assert_int_equal(e.ev[0].key, KEYDEC_END);
    }
    assert_key("\033[7$", KEYDEC_HOME, KEYDEC_MOD_SHIFT);
    assert_key("\033[8^", KEYDEC_END, KEYDEC_MOD_CTRL);
}

static void editing_and_page_keys(void **state)
{
    (void)state;
    assert_key("\033[2~", KEYDEC_INSERT, 0);
    assert_key("\033[3~", KEYDEC_DELETE, 0);
    assert_key("\033[5~", KEYDEC_PGUP, 0);
    assert_key("\033[6~", KEYDEC_PGDN, 0);
    assert_key("\033[5;5~", KEYDEC_PGUP, KEYDEC_MOD_CTRL);
    assert_key("\033[3$", KEYDEC_DELETE, KEYDEC_MOD_SHIFT);
    assert_key("\033[Z", KEYDEC_BTAB, 0);
    assert_key("\033[E", KEYDEC_BEGIN, 0);
    assert_key("\033OE", KEYDEC_BEGIN, 0);
    assert_key("\033[G", KEYDEC_BEGIN, 0);
}

static void function_keys_every_form(void **state)
{
    (void)state;
    /* F1-F4: vt100/xterm SS3, vt220/rxvt/putty tilde, linux console, xterm with modifiers. */
    const char *forms[4][4] = {
        {"\033OP", "\033[11~", "\033[[A", "\033[P"},
        {"\033OQ", "\033[12~", "\033[[B", "\033[Q"},
        {"\033OR", "\033[13~", "\033[[C", "\033[R"},
        {"\033OS", "\033[14~", "\033[[D", "\033[S"},
    };
    for (int f = 0; f < 4; f++)
        for (int i = 0; i < 4; i++)
            assert_key(forms[f][i], (enum keydec_key)(KEYDEC_F1 + f), 0);
    assert_key("\033[[E", KEYDEC_F1 + 4, 0);
    assert_key("\033[15~", KEYDEC_F1 + 4, 0);
    assert_key("\033[17~", KEYDEC_F1 + 5, 0);
    assert_key("\033[21~", KEYDEC_F1 + 9, 0);
    assert_key("\033[23~", KEYDEC_F1 + 10, 0);
    assert_key("\033[24~", KEYDEC_F1 + 11, 0);
    assert_key("\033[34~", KEYDEC_F20, 0);
    assert_key("\033[1;2P", KEYDEC_F1, KEYDEC_MOD_SHIFT);
    assert_key("\033[15;5~", KEYDEC_F1 + 4, KEYDEC_MOD_CTRL);
    assert_key("\033O5P", KEYDEC_F1, KEYDEC_MOD_CTRL);
    assert_key("\033[11^", KEYDEC_F1, KEYDEC_MOD_CTRL);
}

static void keypad_application_mode(void **state)
{
    (void)state;
    const char digits[] = "pqrstuvwxy";
    for (int i = 0; i < 10; i++) {
        char seq[4] = {'\033', 'O', digits[i], '\0'};
        assert_key(seq, (enum keydec_key)(KEYDEC_KP_0 + i), 0);
    }
    assert_key("\033OM", KEYDEC_KP_ENTER, 0);
    assert_key("\033Oj", KEYDEC_KP_STAR, 0);
    assert_key("\033Ok", KEYDEC_KP_PLUS, 0);
    assert_key("\033Ol", KEYDEC_KP_COMMA, 0);
    assert_key("\033Om", KEYDEC_KP_MINUS, 0);
    assert_key("\033On", KEYDEC_KP_DOT, 0);
    assert_key("\033Oo", KEYDEC_KP_SLASH, 0);
    assert_key("\033OX", KEYDEC_KP_EQUAL, 0);
    struct run r = decode("\033OI");
    assert_int_equal(r.n, 1);
    assert_int_equal(r.ev[0].type, KEYDEC_CTRL);
    assert_int_equal(r.ev[0].code, '\t');
}

static void unknown_sequences_dropped_whole(void **state)
{
    (void)state;
    const char *unknown[] = {
        "\033[99~",
        "\033[201~",
        "\033[1;2;3;4;5;6;7;8;9;10X",
        "\033[?1;2c",
        "\033[>0;95;0c",
        "\033[27;5;120~",
        "\033[ q",
        "\033[1 q",
        "\033[[Z",
        "\033Oz",
        "\033]11;rgb:0/0/0\a",
        "\033]0;title\033\\",
        "\033P1$r0m\033\\",
        "\033_apc\033\\",
        "\033[=1u",
        "\033[9;9;9;9M",
    };
    for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
        assert_dropped(unknown[i]);
    /* What follows a dropped sequence is read normally. */
    struct run r = decode("\033[99~y\033]0;x\ay");
    size_t ys = 0;
    for (size_t i = 0; i < r.n; i++) {
        assert_true(r.ev[i].type == KEYDEC_UNKNOWN || r.ev[i].type == KEYDEC_CHAR);
        if (r.ev[i].type == KEYDEC_CHAR) {
            assert_int_equal(r.ev[i].code, 'y');
            ys++;
        }
    }
    assert_int_equal(ys, 2);
}

static void never_esc_plus_letters(void **state)
{
    (void)state;
    /* Sequences the old terminfo lookup split into Esc and keys. None may
     * give Esc, a letter or a digit. */
    const char *seqs[] = {"\033[1~",      "\033[4~", "\033[[A", "\033[M #!", "\033[200~no\033[201~",
                          "\033[<0;5;5M", "\033[I",  "\033[O",  "\033[1;5P", "\033Op"};
    for (size_t i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++) {
        struct run r = decode(seqs[i]);
        assert_int_equal(r.n, 1);
        assert_true(r.ev[0].type != KEYDEC_CHAR && r.ev[0].type != KEYDEC_CTRL &&
                    r.ev[0].type != KEYDEC_ALT);
        assert_false(r.ev[0].type == KEYDEC_KEY && r.ev[0].key == KEYDEC_ESC);
    }
}

static void broken_sequences(void **state)
{
    (void)state;
    /* Cut short by the Esc delay: dropped, not Esc + '[' + '1'. */
    assert_dropped("\033[1");
    assert_dropped("\033[<0;3");
    assert_dropped("\033[M#");
    assert_dropped("\033O5");
    /* Cut short by a control byte: the sequence is dropped, the byte kept. */
    struct run r = decode("\033[12\r");
    assert_int_equal(r.n, 2);
    assert_int_equal(r.ev[0].type, KEYDEC_UNKNOWN);
    assert_int_equal(r.ev[1].type, KEYDEC_CTRL);
    assert_int_equal(r.ev[1].code, '\r');
    /* A new Esc inside: the first is dropped, the second decoded. */
    r = decode("\033[1\033[A");
    assert_int_equal(r.n, 2);
    assert_int_equal(r.ev[1].key, KEYDEC_UP);
}

static void overlong_sequences_skipped(void **state)
{
    (void)state;
    char seq[600];
    size_t n = 0;
    seq[n++] = '\033';
    seq[n++] = '[';
    for (int i = 0; i < 500; i++)
        seq[n++] = i % 2 ? ';' : '7';
    seq[n++] = '~';
    seq[n++] = 'y';
    struct run r = decode_chunked(seq, n, 7, true);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.ev[0].type, KEYDEC_UNKNOWN);
    assert_int_equal(r.ev[1].code, 'y');
    /* An OSC string that never ends stops being skipped at the delay. */
    r = decode("\033]52;c;AAAA");
    assert_int_equal(r.n, 1);
    assert_int_equal(r.ev[0].type, KEYDEC_UNKNOWN);
}

static void sgr_mouse(void **state)
{
    (void)state;
    struct run r = decode("\033[<0;12;3M\033[<0;12;3m\033[<64;1;1M\033[<65;2;2M\033[<34;4;5M"
                          "\033[<16;300;200M");
    assert_int_equal(r.n, 6);
    for (size_t i = 0; i < r.n; i++)
        assert_int_equal(r.ev[i].type, KEYDEC_MOUSE);
    assert_int_equal(r.ev[0].button, 1);
    assert_false(r.ev[0].release);
    assert_int_equal(r.ev[0].col, 11);
    assert_int_equal(r.ev[0].row, 2);
    assert_true(r.ev[1].release);
    assert_int_equal(r.ev[2].button, 4);
    assert_int_equal(r.ev[3].button, 5);
    assert_true(r.ev[4].motion);
    assert_int_equal(r.ev[4].button, 3);
    assert_int_equal(r.ev[5].mods, KEYDEC_MOD_CTRL);
    assert_int_equal(r.ev[5].col, 299);
    assert_int_equal(r.ev[5].row, 199);
    assert_dropped("\033[<0;0;0M");
    assert_dropped("\033[<0;1M");
}

static void x10_mouse(void **state)
{
    (void)state;
    /* Press of button 1 at column 10, row 5 (1-based: 33 + 9, 33 + 4). */
    struct run r = decode("\033[M *%\033[M#*%");
    assert_int_equal(r.n, 2);
    assert_int_equal(r.ev[0].type, KEYDEC_MOUSE);
    assert_int_equal(r.ev[0].button, 1);
    assert_int_equal(r.ev[0].col, 9);
    assert_int_equal(r.ev[0].row, 4);
    assert_false(r.ev[0].release);
    assert_int_equal(r.ev[1].button, 0);
    assert_true(r.ev[1].release);
    /* Coordinates past 95 columns are bytes above 0x7F, not UTF-8. */
    r = decode("\033[M \xC8\xA0");
    assert_int_equal(r.n, 1);
    assert_int_equal(r.ev[0].col, 0xC8 - 33);
    assert_int_equal(r.ev[0].row, 0xA0 - 33);
    /* The bytes that pressed "No" and answered Yes: all inside the report. */
    r = decode("\033[M#ny");
    assert_int_equal(r.n, 1);
    assert_int_equal(r.ev[0].type, KEYDEC_MOUSE);
    /* urxvt's decimal form. */
    r = decode("\033[32;10;5M");
    assert_int_equal(r.n, 1);
    assert_int_equal(r.ev[0].type, KEYDEC_MOUSE);
    assert_int_equal(r.ev[0].col, 9);
    assert_int_equal(r.ev[0].row, 4);
    assert_dropped("\033[M\x10!!");
}

static void bracketed_paste(void **state)
{
    (void)state;
    struct run r = decode("\033[200~I am not sure\r\033[A\033\033[201~y");
    assert_int_equal(r.n, 2);
    assert_int_equal(r.ev[0].type, KEYDEC_PASTE);
    assert_int_equal(r.ev[1].code, 'y');
    /* A paste longer than the buffer, fed in pieces. */
    size_t len = 10000;
    char *big = malloc(len + 20);
    memcpy(big, "\033[200~", 6);
    memset(big + 6, 'y', len);
    memcpy(big + 6 + len, "\033[201~n", 7);
    r = decode_chunked(big, len + 13, 100, true);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.ev[0].type, KEYDEC_PASTE);
    assert_int_equal(r.ev[1].code, 'n');
    free(big);
}

static void paste_survives_the_esc_delay_until_flushed(void **state)
{
    (void)state;
    struct keydec *kd = keydec_new(true);
    struct keydec_event ev;
    const char *start = "\033[200~yes";
    keydec_feed(kd, (const unsigned char *)start, strlen(start));
    assert_false(keydec_next(kd, &ev));
    assert_true(keydec_in_paste(kd));
    assert_false(keydec_pending(kd));
    keydec_timeout(kd);
    keydec_feed(kd, (const unsigned char *)"yes", 3);
    assert_false(keydec_next(kd, &ev));
    keydec_flush(kd);
    assert_true(keydec_next(kd, &ev));
    assert_int_equal(ev.type, KEYDEC_PASTE);
    assert_false(keydec_in_paste(kd));
    keydec_feed(kd, (const unsigned char *)"n", 1);
    assert_true(keydec_next(kd, &ev));
    assert_int_equal(ev.code, 'n');
    keydec_free(kd);
}

static void focus_reports(void **state)
{
    (void)state;
    struct run r = decode("\033[I\033[O");
    assert_int_equal(r.n, 2);
    assert_int_equal(r.ev[0].type, KEYDEC_FOCUS_IN);
    assert_int_equal(r.ev[1].type, KEYDEC_FOCUS_OUT);
}

static void full_buffer_takes_no_more(void **state)
{
    (void)state;
    struct keydec *kd = keydec_new(true);
    unsigned char bytes[1000];
    memset(bytes, 'a', sizeof(bytes));
    size_t took = keydec_feed(kd, bytes, sizeof(bytes));
    assert_true(took > 0 && took < sizeof(bytes));
    assert_int_equal(keydec_feed(kd, bytes, 1), 0);
    struct keydec_event ev;
    size_t n = 0;
    while (keydec_next(kd, &ev))
        n++;
    assert_int_equal(n, took);
    keydec_free(kd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(printable_ascii_and_utf8),
        cmocka_unit_test(invalid_utf8_is_dropped),
        cmocka_unit_test(one_byte_characters_without_utf8),
        cmocka_unit_test(latin1_comes_out_as_utf8),
        cmocka_unit_test(control_keys),
        cmocka_unit_test(esc_alone_only_after_the_delay),
        cmocka_unit_test(alt_keys_are_never_esc),
        cmocka_unit_test(cursor_keys_both_modes),
        cmocka_unit_test(home_end_every_form),
        cmocka_unit_test(editing_and_page_keys),
        cmocka_unit_test(function_keys_every_form),
        cmocka_unit_test(keypad_application_mode),
        cmocka_unit_test(unknown_sequences_dropped_whole),
        cmocka_unit_test(never_esc_plus_letters),
        cmocka_unit_test(broken_sequences),
        cmocka_unit_test(overlong_sequences_skipped),
        cmocka_unit_test(sgr_mouse),
        cmocka_unit_test(x10_mouse),
        cmocka_unit_test(bracketed_paste),
        cmocka_unit_test(paste_survives_the_esc_delay_until_flushed),
        cmocka_unit_test(focus_reports),
        cmocka_unit_test(full_buffer_takes_no_more),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
