/* SPDX-License-Identifier: MIT */
/* End-to-end tests of where the terminal's cursor is (screen readers and
 * braille displays follow it, shown or hidden): on the focused button's
 * label, where typing goes, or on the text of a screen or box with nothing
 * focused, on every screen and box, in every mode; it moves with the focus
 * and never with a timer. And the kiosk's idle countdown staying quiet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_start.h"
#include "vt.h"
#include "vt_assert.h"

enum { T = 5000 };

static const char *binary;
static const char *source_dir;

static int teardown(void **state)
{
    vt_free(*state);
    return 0;
}

/* Starts ARGV (NULL-terminated) with ENV at 80x24 and waits for TEXT. */
static struct vt *start_argv(void **state, char *argv[], char *const env[], const char *text)
{
    struct vt *vt = vt_spawn(argv, env, 24, 80);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, text, T);
    return vt;
}

/* Starts musclecheck on the English questions and waits for its welcome. */
static struct vt *start(void **state)
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[] = {(char *)binary, "--questions", questions, NULL};
    return start_argv(state, argv, NULL, "Press Enter to start");
}

/* The text of the cells from the cursor on, at least LEN bytes of it. */
static void text_at_cursor(struct vt *vt, char *out, size_t size, size_t len)
{
    int row, col, rows, cols;
    vt_cursor(vt, &row, &col);
    vt_size(vt, &rows, &cols);
    out[0] = '\0';
    size_t used = 0;
    for (int c = col; c < cols && used < len; c++) {
        struct vt_cell cell;
        if (!vt_cell(vt, row, c, &cell))
            break;
        const char *t = cell.width == 0 ? "" : cell.text[0] != '\0' ? cell.text : " ";
        if (used + strlen(t) + 1 > size)
            break;
        strcpy(out + used, t);
        used += strlen(t);
    }
}

/* Once the frame is complete, the cursor is on the first character of TEXT. */
#define CURSOR_ON(vt, text)                                                                        \
    do {                                                                                           \
        VT_ASSERT((vt), vt_wait_quiet((vt), 60, T));                                               \
        char at_[256];                                                                             \
        text_at_cursor((vt), at_, sizeof(at_), strlen(text));                                      \
        if (strncmp(at_, (text), strlen(text)) != 0) {                                             \
            vt_dump((vt), stderr);                                                                 \
            fail_msg("the cursor is on \"%s\", not on \"%s\"", at_, (text));                       \
        }                                                                                          \
    } while (0)

/* Once the frame is complete, the cursor is at ROW, COL. */
#define CURSOR_AT(vt, r, c)                                                                        \
    do {                                                                                           \
        VT_ASSERT((vt), vt_wait_quiet((vt), 60, T));                                               \
        int row_, col_;                                                                            \
        vt_cursor((vt), &row_, &col_);                                                             \
        if (row_ != (r) || col_ != (c)) {                                                          \
            vt_dump((vt), stderr);                                                                 \
            fail_msg("the cursor is at %d,%d, not at %d,%d", row_, col_, (r), (c));                \
        }                                                                                          \
    } while (0)

static void wait_question(struct vt *vt, int n)
{
    char text[32];
    snprintf(text, sizeof(text), "Question %d of", n);
    VT_ASSERT_TEXT(vt, text, T);
}

/* The answers of a question: the cursor follows the focus both ways, and
 * lands on the answer a key has focused, never elsewhere. */
static void focus_moves_the_cursor_over_the_answers(struct vt *vt)
{
    CURSOR_ON(vt, "Yes");
    vt_key(vt, VT_KEY_TAB);
    CURSOR_ON(vt, "No");
    vt_key(vt, VT_KEY_TAB);
    CURSOR_ON(vt, "Not sure");
    vt_key(vt, VT_KEY_RIGHT);
    CURSOR_ON(vt, "Yes");
    vt_key(vt, VT_KEY_BTAB);
    CURSOR_ON(vt, "Not sure");
}

/* A box that any key closes (help, a message) has the cursor on ITS_TEXT;
 * once a key has closed it (GONE leaves the screen), it is back on FOCUS. */
static void box_then_back(struct vt *vt, const char *its_text, const char *gone, const char *focus)
{
    VT_ASSERT_TEXT(vt, its_text, T);
    CURSOR_ON(vt, its_text);
    vt_send(vt, "x");
    VT_ASSERT_GONE(vt, gone, T);
    CURSOR_ON(vt, focus);
}

static void cursor_follows_the_focus_on_every_screen_and_box(void **state)
{
    struct vt *vt = start(state);
    CURSOR_ON(vt, "Press Enter to start"); /* the Start button's label */
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    focus_moves_the_cursor_over_the_answers(vt);
    /* Help: no button, so its title. Closing it gives the focus back. */
    vt_key(vt, VT_KEY_F1);
    box_then_back(vt, "Help", "Press any key", "Not sure");
    /* The quit box: its focused button ("No" first), then the other. */
    vt_send(vt, "q");
    VT_ASSERT_TEXT(vt, "Quit now?", T);
    CURSOR_ON(vt, "No");
    vt_key(vt, VT_KEY_TAB);
    CURSOR_ON(vt, "Yes");
    vt_key(vt, VT_KEY_ESC);
    VT_ASSERT_GONE(vt, "Quit now?", T);
    CURSOR_ON(vt, "Not sure");
    /* A resize keeps it on the focus. */
    vt_resize(vt, 30, 100);
    VT_ASSERT(vt, vt_wait_redraw(vt, 200, T));
    CURSOR_ON(vt, "Not sure");
    vt_resize(vt, 24, 80);
    VT_ASSERT(vt, vt_wait_redraw(vt, 200, T));
    CURSOR_ON(vt, "Not sure");
    /* The red-flag screen: its focused button, then the other. */
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "Call an ambulance now", T);
    CURSOR_ON(vt, "See results");
    vt_key(vt, VT_KEY_TAB);
    CURSOR_ON(vt, "Stop");
    vt_key(vt, VT_KEY_TAB);
    CURSOR_ON(vt, "See results");
    /* The results. */
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Your results", T);
    CURSOR_ON(vt, "Comparison table"); /* focused first: a stray Enter wipes nothing */
    vt_key(vt, VT_KEY_TAB);
    CURSOR_ON(vt, "Save summary");
    vt_key(vt, VT_KEY_PGDN); /* scrolling moves nothing that has the focus */
    CURSOR_ON(vt, "Save summary");
    /* The file name box: where typing goes, after the name. */
    vt_send(vt, "s");
    VT_ASSERT_TEXT(vt, "Save the summary as", T);
    int row, col, end_row, end_col;
    VT_ASSERT(vt, vt_wait_quiet(vt, 60, T)); /* the whole box */
    VT_ASSERT(vt, vt_find(vt, "> musclecheck-summary-", &row, &col));
    VT_ASSERT(vt, vt_find(vt, ".txt", &end_row, &end_col));
    VT_ASSERT(vt, end_row == row);
    CURSOR_AT(vt, row, end_col + 4);
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_CURSOR_VISIBLE) == 1);
    vt_send(vt, "ab");
    VT_ASSERT_TEXT(vt, ".txtab", T);
    CURSOR_AT(vt, row, end_col + 6);
    vt_key(vt, VT_KEY_ESC);
    VT_ASSERT_GONE(vt, "Save the summary as", T);
    CURSOR_ON(vt, "Save summary");
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_CURSOR_VISIBLE) == 0);
}

/* Too small a window: the cursor is on its message, at the top left. */
static void too_small_puts_the_cursor_on_its_message(void **state)
{
    struct vt *vt = start(state);
    vt_resize(vt, 8, 30);
    /* Wait for the message itself: a loaded machine may take longer than
     * any quiet spell to answer the resize. */
    VT_ASSERT_TEXT(vt, "Please make this", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 200, T));
    CURSOR_AT(vt, 0, 0);
    vt_resize(vt, 24, 80);
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    CURSOR_ON(vt, "Press Enter to start");
}

/* Kiosk: big buttons, languages on the welcome screen, the staff PIN box,
 * the red-flag screen's one button. */
static void kiosk_screens_and_boxes(void **state)
{
    char *const env[] = {"MUSCLECHECK_STAFF_PIN=2468", NULL};
    char *argv[] = {(char *)binary, "--kiosk", NULL}; /* every bundled language */
    struct vt *vt = start_argv(state, argv, env, "2 Espa");
    /* The languages come first on the screen, but Start has the focus. */
    CURSOR_ON(vt, "Press Enter to start");
    /* The staff PIN box: where typing goes, after "> ". */
    vt_send(vt, "\030"); /* Ctrl-X */
    VT_ASSERT_TEXT(vt, "Staff only", T);
    int row, col;
    VT_ASSERT(vt, vt_wait_quiet(vt, 60, T)); /* the whole box */
    VT_ASSERT(vt, vt_find(vt, "> ", &row, &col));
    CURSOR_AT(vt, row, col + 2);
    vt_send(vt, "12");
    VT_ASSERT_TEXT(vt, "> **", T);
    CURSOR_AT(vt, row, col + 4);
    vt_key(vt, VT_KEY_ESC);
    VT_ASSERT_GONE(vt, "Staff only", T);
    CURSOR_ON(vt, "Press Enter to start");
    /* Keys in the second after a staff box closes are dropped (docs/kiosk.md). */
    VT_ASSERT(vt, vt_wait_quiet(vt, 1200, T));
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    focus_moves_the_cursor_over_the_answers(vt);
    vt_send(vt, "q"); /* "start over?" */
    VT_ASSERT_TEXT(vt, "Start over?", T);
    CURSOR_ON(vt, "No");
    vt_key(vt, VT_KEY_ESC);
    VT_ASSERT_GONE(vt, "Start over?", T);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "reception desk", T);
    CURSOR_ON(vt, "See results");
}

/* Kiosk: the printing box and its outcome put the cursor on their text. */
static void kiosk_print_outcome(void **state)
{
    const char *const args[] = {"--print-command", "sleep 1; exit 1", NULL};
    struct vt *vt = kiosk_start(state, binary, source_dir, args, NULL);
    kiosk_answer_until_results(vt, "n");
    CURSOR_ON(vt, "Comparison table");
    vt_send(vt, "p");
    VT_ASSERT_TEXT(vt, "Printing your summary", T);
    CURSOR_ON(vt, "Printing your summary");
    box_then_back(vt, "Printing did not work", "Printing did not work", "Comparison table");
}

/* A terminal without UTF-8 (LANG=C): the same places. */
static void ascii_terminal(void **state)
{
    char *const env[] = {"LANG=C", "LC_ALL=", "LC_CTYPE=", NULL};
    char *argv[] = {(char *)binary, "--lang", "es", NULL};
    struct vt *vt = start_argv(state, argv, env, "Presione Enter para empezar");
    CURSOR_ON(vt, "Presione Enter para empezar");
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Pregunta 1 de", T);
    CURSOR_ON(vt, "Si");
    vt_key(vt, VT_KEY_TAB);
    CURSOR_ON(vt, "No");
    vt_key(vt, VT_KEY_TAB);
    CURSOR_ON(vt, "No lo se");
}

/* The "still there?" countdown: the box takes the cursor when it appears,
 * and then neither moves it nor redraws every second. */
static void countdown_is_quiet_and_keeps_the_cursor(void **state)
{
    const char *const args[] = {"--idle-timeout", "30", NULL}; /* 10 s of warning */
    struct vt *vt = kiosk_start(state, binary, source_dir, args, NULL);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    CURSOR_ON(vt, "Yes");
    VT_ASSERT_TEXT(vt, "Still there?", 25000);
    CURSOR_ON(vt, "Still there?");
    int row, col;
    vt_cursor(vt, &row, &col);
    /* Count the redraws (bursts of output apart from each other) until the
     * wipe, checking the cursor after each. */
    vt_reset_bytes(vt);
    int bursts = 0;
    bool saw_five = false;
    long long end = vt_now_us() + 15000000;
    while (vt_now_us() < end && !vt_find(vt, "Press Enter to start", NULL, NULL)) {
        long long before = vt_last_output_us(vt);
        int got = vt_pump(vt, 100);
        VT_ASSERT(vt, got >= 0);
        if (got > 0 && vt_now_us() - before > 300000) {
            bursts++;
            VT_ASSERT(vt, vt_wait_quiet(vt, 60, T));
            if (vt_find(vt, "Still there?", NULL, NULL))
                CURSOR_AT(vt, row, col);
        }
        saw_five = saw_five || vt_find(vt, "in 5 seconds", NULL, NULL);
    }
    VT_ASSERT(vt, vt_find(vt, "Press Enter to start", NULL, NULL));
    print_message("countdown: %d redraws, %zu bytes in 10 seconds\n", bursts, vt_bytes(vt));
    VT_ASSERT(vt, saw_five);
    /* 5, 3, 2, 1 and the wipe; a tick every second would be 10. */
    VT_ASSERT(vt, bursts <= 6);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(cursor_follows_the_focus_on_every_screen_and_box, teardown),
        cmocka_unit_test_teardown(too_small_puts_the_cursor_on_its_message, teardown),
        cmocka_unit_test_teardown(kiosk_screens_and_boxes, teardown),
        cmocka_unit_test_teardown(kiosk_print_outcome, teardown),
        cmocka_unit_test_teardown(ascii_terminal, teardown),
        cmocka_unit_test_teardown(countdown_is_quiet_and_keeps_the_cursor, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
