/* SPDX-License-Identifier: MIT */
/* End-to-end tests of key decoding with real TERM values: sequences a
 * terminfo entry does not list, Alt-keys, mouse reports in the encoding the
 * program did not ask for, and pastes must never quit, answer or close a box
 * on their own. Each sends the exact bytes a terminal (or tmux) sends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vt.h"
#include "vt_assert.h"

enum { T = 5000, T_SHORT = 300 };

static const char *binary;
static const char *source_dir;

/* TERM values whose entries differ in the key sequences they list. */
static const char *const terms[] = {"xterm-256color", "tmux-256color", "screen", "linux",
                                    "vt100",          "vt220",         "ansi",   "rxvt"};
enum { TERM_COUNT = sizeof(terms) / sizeof(terms[0]) };

static int teardown(void **state)
{
    vt_free(*state);
    return 0;
}

/* Starts the questionnaire (or the kiosk) with TERM and EXTRA environment. */
static struct vt *start(void **state, const char *term, bool kiosk, const char *extra_env)
{
    static char questions[4096], term_env[64];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    snprintf(term_env, sizeof(term_env), "TERM=%s", term);
    char *argv[] = {(char *)binary, "--questions", questions, kiosk ? "--kiosk" : NULL, NULL};
    /* ncurses leaks 10 bytes once per process with TERM=linux (in the
     * dynamically loaded GPM mouse support, newterm + mousemask): not ours,
     * and not something a sanitizer build may fail on. */
    char *no_leaks = strcmp(term, "linux") == 0 ? "ASAN_OPTIONS=detect_leaks=0" : "MC_UNUSED=";
    char *env[] = {term_env, "ESCDELAY=25", no_leaks, (char *)extra_env, NULL};
    vt_free(*state);
    struct vt *vt = vt_spawn(argv, env, 24, 80);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 30, T));
    return vt;
}

static void wait_question(struct vt *vt, int n)
{
    char text[32];
    snprintf(text, sizeof(text), "Question %d of", n);
    VT_ASSERT_TEXT(vt, text, T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 30, T));
}

/* Answers No to every question until the results show. */
static void answer_no_to_all(struct vt *vt)
{
    for (int q = 1; q < 100; q++) {
        wait_question(vt, q);
        vt_send(vt, "n");
        char next[32];
        snprintf(next, sizeof(next), "Question %d of", q + 1);
        long long until = vt_now_us() + 1000LL * T;
        while (!vt_find(vt, next, NULL, NULL) && !vt_find(vt, "Your results", NULL, NULL) &&
               vt_now_us() < until)
            vt_pump(vt, 50);
        if (vt_find(vt, "Your results", NULL, NULL))
            return;
    }
    vt_dump(vt, stderr);
    fail_msg("the results never came");
}

/* Sends BYTES and checks that nothing happened on question 1: no quit box,
 * no help, no answer, no red-flag screen, and the program still runs. */
static void assert_harmless(struct vt *vt, const char *bytes, size_t len, const char *term)
{
    assert_int_equal(vt_send_len(vt, bytes, len), 0);
    VT_ASSERT(vt, vt_wait_quiet(vt, 100, T));
    bool moved = !vt_wait_text(vt, "Question 1 of", 0) || vt_wait_text(vt, "Quit now?", 0) ||
                 vt_wait_text(vt, "Press any key to go back", 0) ||
                 vt_wait_text(vt, "Call an ambulance now", 0) || vt_wait_exit(vt, 0, NULL) == 0;
    if (moved) {
        vt_dump(vt, stderr);
        fprintf(stderr, "TERM=%s, bytes:", term);
        for (size_t i = 0; i < len; i++)
            fprintf(stderr, " %02x", (unsigned char)bytes[i]);
        fail_msg("a sequence acted on its own");
    }
}

#define HARMLESS(vt, s, term) assert_harmless((vt), (s), sizeof(s) - 1, (term))

/* Home, End, PgUp, PgDn, Insert, Delete and the keypad's middle key in every
 * form the usual terminals and tmux send: none may open the quit box. */
static void navigation_keys_never_quit(void **state)
{
    static const char *const seqs[] = {
        "\033[1~", "\033[4~",   "\033[7~",   "\033[8~", "\033[H",  "\033[F",   "\033OH",
        "\033OF",  "\033[5~",   "\033[6~",   "\033[2~", "\033[3~", "\033[E",   "\033[G",
        "\033OE",  "\033[1;5H", "\033[5;2~", "\033[7$", "\033[8^", "\033[12~", "\033[[B",
    };
    for (size_t t = 0; t < TERM_COUNT; t++) {
        struct vt *vt = start(state, terms[t], false, NULL);
        vt_send(vt, "\r");
        wait_question(vt, 1);
        for (size_t i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++)
            assert_harmless(vt, seqs[i], strlen(seqs[i]), terms[t]);
    }
}

/* F1 opens the help in each of its forms (linux console: ESC [ [ A). */
static void f1_opens_help_in_every_form(void **state)
{
    static const char *const f1[] = {"\033[[A", "\033OP", "\033[11~", "\033[1;2P"};
    for (size_t t = 0; t < TERM_COUNT; t++) {
        struct vt *vt = start(state, terms[t], false, NULL);
        for (size_t i = 0; i < sizeof(f1) / sizeof(f1[0]); i++) {
            vt_send(vt, f1[i]);
            VT_ASSERT_TEXT(vt, "Press any key to go back", T);
            VT_ASSERT(vt, !vt_wait_text(vt, "Quit now?", 0));
            vt_send(vt, "x");
            VT_ASSERT_GONE(vt, "Press any key to go back", T);
        }
    }
}

/* Page and Home/End keys scroll the results on vt100, ansi and linux. */
static void page_keys_scroll_the_results(void **state)
{
    static const char *const term_names[] = {"vt100", "ansi", "linux", "tmux-256color"};
    for (size_t t = 0; t < 4; t++) {
        struct vt *vt = start(state, term_names[t], false, NULL);
        vt_send(vt, "\r");
        answer_no_to_all(vt);
        VT_ASSERT_TEXT(vt, "Your results", T);
        bool seen = false;
        for (int page = 0; page < 15 && !seen; page++) {
            vt_send(vt, "\033[6~");
            seen = vt_wait_text(vt, "This check cannot tell you what is wrong", T_SHORT);
        }
        VT_ASSERT(vt, seen);
        vt_send(vt, "\033[1~"); /* tmux's Home */
        VT_ASSERT_TEXT(vt, "Your results", T);
        VT_ASSERT(vt, !vt_wait_text(vt, "Quit now?", T_SHORT));
        vt_send(vt, "\033[4~"); /* tmux's End */
        VT_ASSERT_TEXT(vt, "This check cannot tell you what is wrong", T);
        VT_ASSERT(vt, !vt_wait_text(vt, "Quit now?", T_SHORT));
    }
}

/* Esc then y (Alt-y) neither quits nor answers; Esc alone still asks. */
static void alt_y_does_not_quit(void **state)
{
    for (size_t t = 0; t < TERM_COUNT; t++) {
        struct vt *vt = start(state, terms[t], false, NULL);
        vt_send(vt, "\r");
        wait_question(vt, 1);
        HARMLESS(vt, "\033y", terms[t]);
        HARMLESS(vt, "\033Y", terms[t]);
        HARMLESS(vt, "\033\033", terms[t]);
        vt_send(vt, "\033");
        VT_ASSERT_TEXT(vt, "Quit now?", T);
        vt_send(vt, "n");
        VT_ASSERT_GONE(vt, "Quit now?", T);
    }
    /* In the kiosk, Alt-y does not wipe the session either. */
    struct vt *vt = start(state, "xterm-256color", true, NULL);
    vt_send(vt, "\r");
    wait_question(vt, 1);
    vt_send(vt, "n");
    wait_question(vt, 2);
    vt_send(vt, "\033y");
    VT_ASSERT(vt, vt_wait_quiet(vt, 100, T));
    VT_ASSERT(vt, vt_wait_text(vt, "Question 2 of", 0));
}

/* A mouse report in X10 form on a terminal set up for SGR reports answers
 * nothing it did not hit; an X10 click on a button still presses it. */
static void x10_mouse_reports_answer_only_what_they_hit(void **state)
{
    struct vt *vt = start(state, "xterm-256color", false, NULL);
    vt_send(vt, "\r");
    wait_question(vt, 1);
    /* Press and release at column 78, row 89 (bytes 'n' and 'y'): off the screen. */
    HARMLESS(vt, "\033[M ny\033[M#ny", "xterm-256color");
    /* At the top-left corner, on the title. */
    HARMLESS(vt, "\033[M !!\033[M#!!", "xterm-256color");
    /* The same in SGR and urxvt forms, and a release alone. */
    HARMLESS(vt, "\033[<0;78;89M\033[<0;78;89m", "xterm-256color");
    HARMLESS(vt, "\033[32;1;1M\033[35;1;1M", "xterm-256color");
    HARMLESS(vt, "\033[<0;1;1m", "xterm-256color");
    /* A real X10 click on "No" answers No. */
    int row, col;
    VT_ASSERT(vt, vt_find(vt, "No", &row, &col));
    char click[] = {'\033', '[', 'M', ' ', (char)(33 + col + 1), (char)(33 + row),
                    '\033', '[', 'M', '#', (char)(33 + col + 1), (char)(33 + row)};
    assert_int_equal(vt_send_len(vt, click, sizeof(click)), 0);
    wait_question(vt, 2);
    VT_ASSERT(vt, !vt_wait_text(vt, "Call an ambulance now", 0));
}

/* Pasted text never answers, in the questionnaire or in the kiosk. */
static void bracketed_paste_never_answers(void **state)
{
    for (size_t t = 0; t < TERM_COUNT; t++) {
        struct vt *vt = start(state, terms[t], false, NULL);
        vt_send(vt, "\r");
        wait_question(vt, 1);
        HARMLESS(vt, "\033[200~I am not sure\033[201~", terms[t]);
        HARMLESS(vt, "\033[200~yes\ry\r\033[A\033\033[201~", terms[t]);
        /* A paste cut in two writes. */
        vt_send(vt, "\033[200~y y");
        HARMLESS(vt, " y\r\033[201~", terms[t]);
    }
    struct vt *vt = start(state, "tmux-256color", true, NULL);
    vt_send(vt, "\r");
    wait_question(vt, 1);
    HARMLESS(vt, "\033[200~I am not sure\033[201~", "tmux-256color");
    /* Keys typed after the paste still work. */
    vt_send(vt, "n");
    wait_question(vt, 2);
}

/* Keypad keys in application mode type digits and Enter in the staff PIN
 * box under tmux-256color; they never close it. */
static void keypad_keys_type_the_staff_pin(void **state)
{
    static const char *const term_names[] = {"tmux-256color", "xterm-256color", "linux", "vt220"};
    for (size_t t = 0; t < 4; t++) {
        struct vt *vt = start(state, term_names[t], true, "MUSCLECHECK_STAFF_PIN=2468");
        vt_send(vt, "\030");
        VT_ASSERT_TEXT(vt, "Staff only", T);
        vt_send(vt, "\033Or\033Ot\033Ov\033Ox"); /* keypad 2 4 6 8 */
        VT_ASSERT(vt, vt_wait_quiet(vt, 100, T));
        VT_ASSERT(vt, vt_wait_text(vt, "Staff only", 0));
        vt_send(vt, "\033OM"); /* keypad Enter */
        int status = 0;
        VT_ASSERT(vt, vt_wait_exit(vt, T, &status) == 0);
        VT_ASSERT(vt, WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    /* Keypad operators and unknown sequences do not close the box either. */
    struct vt *vt = start(state, "tmux-256color", true, "MUSCLECHECK_STAFF_PIN=2468");
    vt_send(vt, "\030");
    VT_ASSERT_TEXT(vt, "Staff only", T);
    vt_send(vt, "\033[1~\033[4~\033Ok\033Om\033[99~\033y\033[200~x\033[201~");
    VT_ASSERT(vt, vt_wait_quiet(vt, 100, T));
    VT_ASSERT(vt, vt_wait_text(vt, "Staff only", 0));
}

/* The kiosk on a terminal that cannot position the cursor is refused with
 * exit 69 and a message, not drawn as one broken line. (Without --kiosk,
 * TERM=dumb already chooses --plain.) */
static void kiosk_without_cursor_addressing_is_refused(void **state)
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[] = {(char *)binary, "--questions", questions, "--kiosk", NULL};
    char *env[] = {"TERM=dumb", NULL};
    struct vt *vt = vt_spawn(argv, env, 24, 80);
    assert_non_null(vt);
    *state = vt;
    int status = 0;
    VT_ASSERT(vt, vt_wait_exit(vt, T, &status) == 0);
    VT_ASSERT(vt, WIFEXITED(status) && WEXITSTATUS(status) == 69);
    VT_ASSERT(vt, vt_find(vt, "cannot move the cursor", NULL, NULL));
}

/* Makes an ISO-8859-1 locale in DIR with localedef (no system has to have
 * one). False when localedef cannot. */
static bool latin1_locale(const char *dir)
{
    char out[128], cmd[256];
    snprintf(out, sizeof(out), "%s/en_US.ISO-8859-1", dir);
    /* localedef exits 1 on mere warnings: the folder is what counts. */
    snprintf(cmd, sizeof(cmd), "localedef -i en_US -f ISO-8859-1 '%s' >/dev/null 2>&1", out);
    (void)system(cmd);
    struct stat st;
    return stat(out, &st) == 0;
}

/* A terminal whose characters are Latin-1: the byte 0xE9 typed in the Save
 * box is one whole character, "é", stored in UTF-8 like every other text, so
 * the summary is saved as "café" (the decoder once took the terminal for
 * UTF-8, because the locale had been forced to C.UTF-8 before it asked). */
static void latin1_terminal_types_whole_characters(void **state)
{
    char dir[] = "/tmp/mc-latin1-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    if (!latin1_locale(dir)) {
        fprintf(stderr, "skipped: localedef could not make an ISO-8859-1 locale\n");
        assert_int_equal(system(cmd), 0);
        return;
    }
    static char questions[4096], locpath[128];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    snprintf(locpath, sizeof(locpath), "LOCPATH=%s", dir);
    char *argv[] = {(char *)binary, "--questions", questions, NULL};
    char *env[] = {"TERM=xterm-256color", "ESCDELAY=25", "LANG=en_US.ISO-8859-1", locpath, NULL};
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(dir), 0); /* the summary goes to the current folder */
    struct vt *vt = vt_spawn(argv, env, 24, 80);
    assert_int_equal(chdir(cwd), 0);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 30, T));
    vt_send(vt, "\r");
    answer_no_to_all(vt);
    vt_send(vt, "s");
    VT_ASSERT_TEXT(vt, "musclecheck-summary-", T);
    for (int i = 0; i < 40; i++)
        vt_send(vt, "\x7f");
    vt_send(vt, "caf");
    vt_send(vt, "\xE9");
    vt_send(vt, "\r");
    VT_ASSERT_TEXT(vt, "Saved to", T);
    char file[160];
    snprintf(file, sizeof(file), "%s/caf\xC3\xA9", dir);
    struct stat st;
    VT_ASSERT(vt, stat(file, &st) == 0);
    vt_send(vt, "x");
    vt_send(vt, "q");
    vt_send(vt, "y");
    int status = -1;
    VT_ASSERT(vt, vt_wait_exit(vt, T, &status) == 0);
    assert_int_equal(status, 0);
    assert_int_equal(system(cmd), 0);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(navigation_keys_never_quit, teardown),
        cmocka_unit_test_teardown(f1_opens_help_in_every_form, teardown),
        cmocka_unit_test_teardown(page_keys_scroll_the_results, teardown),
        cmocka_unit_test_teardown(alt_y_does_not_quit, teardown),
        cmocka_unit_test_teardown(x10_mouse_reports_answer_only_what_they_hit, teardown),
        cmocka_unit_test_teardown(bracketed_paste_never_answers, teardown),
        cmocka_unit_test_teardown(keypad_keys_type_the_staff_pin, teardown),
        cmocka_unit_test_teardown(kiosk_without_cursor_addressing_is_refused, teardown),
        cmocka_unit_test_teardown(latin1_terminal_types_whole_characters, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
