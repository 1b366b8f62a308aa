/* SPDX-License-Identifier: MIT */
/* End-to-end tests of a kiosk patient's line mode (l on the welcome
 * screen): the real binary in a pseudo-terminal, read through libvterm as a
 * screen reader would read the lines. No test counts the questions: each
 * walks until the results. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "kiosk_start.h"
#include "vt.h"
#include "vt_assert.h"

enum { T = 5000, T_SHORT = 400 };

static const char *binary;
static const char *source_dir;

static const char *const prompt = "start over):";
static const char *const finish = "When you have finished reading, press Enter.";

static int teardown(void **state)
{
    vt_free(*state);
    return 0;
}

static void still_running(struct vt *vt)
{
    VT_ASSERT(vt, vt_wait_exit(vt, T_SHORT, NULL) != 0);
}

/* The welcome screen offers line mode; l enters it. */
static struct vt *start_line_mode(void **state, const char *const *extra)
{
    struct vt *vt = kiosk_start(state, binary, source_dir, extra, NULL);
    VT_ASSERT_TEXT(vt, "l line by line", T);
    vt_send(vt, "l");
    VT_ASSERT_TEXT(vt, "Question 1 of", T);
    VT_ASSERT_TEXT(vt, prompt, T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    return vt;
}

/* Back on the full screen, for a new patient. */
static void back_on_the_welcome_screen(struct vt *vt)
{
    VT_ASSERT_TEXT(vt, "Press Enter to start", 8000);
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_ALTSCREEN) == 1);
    VT_ASSERT(vt, !vt_find(vt, "Question", NULL, NULL));
    VT_ASSERT(vt, !vt_find(vt, "Your answer (", NULL, NULL));
}

/* Types KEY and Enter at every question until the results. */
static void answer_until_results(struct vt *vt, const char *key)
{
    char line[8];
    snprintf(line, sizeof(line), "%s\r", key);
    for (int n = 0; n < 120; n++) {
        VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
        if (vt_find(vt, finish, NULL, NULL))
            return;
        VT_ASSERT_TEXT(vt, prompt, T);
        vt_send(vt, line);
    }
    fail_msg("no results after 120 answers");
}

static void a_whole_walk_then_the_next_patient_on_the_screen(void **state)
{
    struct vt *vt = start_line_mode(state, NULL);
    /* Lines a screen reader reads: the cursor shows, on the prompt's line. */
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_CURSOR_VISIBLE) == 1);
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_ALTSCREEN) == 0);
    int row, col, prow;
    vt_cursor(vt, &row, &col);
    VT_ASSERT(vt, vt_find(vt, prompt, &prow, NULL) && prow == row);
    answer_until_results(vt, "n");
    VT_ASSERT_TEXT(vt, "If your muscles do not feel better", T);
    vt_send(vt, VT_ENTER);
    back_on_the_welcome_screen(vt);
    /* The full screen works again: keys and the questions. */
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Question 1 of", T);
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_ALTSCREEN) == 1);
    still_running(vt);
}

static void keys_that_would_leave_do_not(void **state)
{
    struct vt *vt = start_line_mode(state, NULL);
    vt_send(vt, VT_CTRL_C VT_CTRL_Z VT_CTRL_BACKSLASH);
    vt_send(vt, VT_CTRL_D);
    vt_send(vt, "\r");
    still_running(vt);
    VT_ASSERT_TEXT(vt, "Please type y, n or u", T);
    /* q asks first; anything but yes carries on. */
    vt_send(vt, "q\r");
    VT_ASSERT_TEXT(vt, "Start over? Everything you answered will be wiped.", T);
    vt_send(vt, "n\r");
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    vt_send(vt, "n\r");
    VT_ASSERT_TEXT(vt, "Question 2 of", T);
    vt_send(vt, "quit\r");
    VT_ASSERT_TEXT(vt, "Start over?", T);
    vt_send(vt, "y\r");
    back_on_the_welcome_screen(vt);
    still_running(vt);
}

static void idle_line_mode_is_wiped(void **state)
{
    const char *const args[] = {"--idle-timeout", "6", NULL};
    struct vt *vt = start_line_mode(state, args);
    vt_send(vt, "n\r");
    VT_ASSERT_TEXT(vt, "Question 2 of", T);
    VT_ASSERT_TEXT(vt, "Still there? Press Enter to carry on.", 8000);
    /* Enter keeps the session and answers nothing. */
    vt_send(vt, "\r");
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    still_running(vt);
    VT_ASSERT(vt, !vt_find(vt, "Please type", NULL, NULL));
    VT_ASSERT_TEXT(vt, "Still there?", 8000);
    back_on_the_welcome_screen(vt);
    VT_ASSERT(vt, !vt_find(vt, "Still there", NULL, NULL));
    /* A new session starts from the first question. */
    vt_send(vt, "l");
    VT_ASSERT_TEXT(vt, "Question 1 of", T);
    VT_ASSERT(vt, !vt_find(vt, "Question 2 of", NULL, NULL));
    VT_ASSERT(vt, !vt_find(vt, "You answered", NULL, NULL));
}

static void emergency_sends_to_the_desk_and_outlasts_the_idle_time(void **state)
{
    const char *const args[] = {"--idle-timeout", "5", NULL};
    struct vt *vt = start_line_mode(state, args);
    vt_send(vt, "y\r");
    VT_ASSERT_TEXT(vt, "Call an ambulance now", T);
    VT_ASSERT_TEXT(vt, "Please go to the reception desk now and show this screen.", T);
    VT_ASSERT_TEXT(vt, "When a member of staff has seen this, press Enter to see", T);
    /* Past the idle time: the answers go, the advice stays for staff. */
    VT_ASSERT_TEXT(vt, "When a member of staff has seen this, press Enter.", 9000);
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    VT_ASSERT(vt, vt_find(vt, "Call an ambulance now", NULL, NULL));
    VT_ASSERT(vt, vt_find(vt, "reception desk", NULL, NULL));
    VT_ASSERT(vt, !vt_find(vt, "Question 1 of", NULL, NULL));
    VT_ASSERT(vt, !vt_find(vt, "Your answer (", NULL, NULL));
    /* It stays, however long nobody comes. */
    VT_ASSERT(vt, !vt_wait_text(vt, "Press Enter to start", 6500));
    vt_send(vt, "\r");
    back_on_the_welcome_screen(vt);
}

static void emergency_then_results(void **state)
{
    struct vt *vt = start_line_mode(state, NULL);
    vt_send(vt, "y\r");
    VT_ASSERT_TEXT(vt, "When a member of staff has seen this, press Enter to see", T);
    vt_send(vt, "\r");
    VT_ASSERT_TEXT(vt, finish, T);
    VT_ASSERT_TEXT(vt, "First get help now, as advised at the top.", T);
    vt_send(vt, "\r");
    back_on_the_welcome_screen(vt);
}

static void the_next_patient_gets_the_default_language(void **state)
{
    /* Every bundled language: started without --questions. */
    char *argv[] = {(char *)binary, "--kiosk", NULL};
    struct vt *vt = vt_spawn(argv, NULL, 24, 80);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "2 Espa", T);
    vt_send(vt, "2");
    VT_ASSERT_TEXT(vt, "l línea a línea", T);
    vt_send(vt, "l");
    VT_ASSERT_TEXT(vt, "Pregunta 1 de", T);
    vt_send(vt, "q\r");
    VT_ASSERT_TEXT(vt, "(y = s", T);
    vt_send(vt, "y\r");
    VT_ASSERT_TEXT(vt, "Press Enter to start", 8000);
    VT_ASSERT_TEXT(vt, "l line by line", T);
}

static void sigterm_in_line_mode_ends_cleanly_and_blank(void **state)
{
    struct vt *vt = start_line_mode(state, NULL);
    vt_send(vt, "n\r");
    VT_ASSERT_TEXT(vt, "Question 2 of", T);
    vt_kill(vt, SIGTERM);
    int status = 0;
    VT_ASSERT(vt, vt_wait_exit(vt, T, &status) == 0);
    VT_ASSERT(vt, WIFEXITED(status) && WEXITSTATUS(status) == 0);
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_ALTSCREEN) == 0);
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_CURSOR_VISIBLE) == 1);
    VT_ASSERT(vt, !vt_find(vt, "Question", NULL, NULL));
    VT_ASSERT(vt, !vt_find(vt, "You answered", NULL, NULL));
}

/* After a line-mode patient, the normal screen (where line mode wrote)
 * holds nothing of them when the kiosk stops. */
static void nothing_of_line_mode_stays(void **state)
{
    struct vt *vt = start_line_mode(state, NULL);
    vt_send(vt, "n\r");
    VT_ASSERT_TEXT(vt, "Question 2 of", T);
    vt_send(vt, "q\r");
    vt_send(vt, "y\r");
    back_on_the_welcome_screen(vt);
    vt_kill(vt, SIGTERM);
    VT_ASSERT(vt, vt_wait_exit(vt, T, NULL) == 0);
    char *screen = vt_screen(vt);
    VT_ASSERT(vt, strspn(screen, " \n") == strlen(screen));
    free(screen);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(a_whole_walk_then_the_next_patient_on_the_screen, teardown),
        cmocka_unit_test_teardown(keys_that_would_leave_do_not, teardown),
        cmocka_unit_test_teardown(idle_line_mode_is_wiped, teardown),
        cmocka_unit_test_teardown(emergency_sends_to_the_desk_and_outlasts_the_idle_time, teardown),
        cmocka_unit_test_teardown(emergency_then_results, teardown),
        cmocka_unit_test_teardown(the_next_patient_gets_the_default_language, teardown),
        cmocka_unit_test_teardown(sigterm_in_line_mode_ends_cleanly_and_blank, teardown),
        cmocka_unit_test_teardown(nothing_of_line_mode_stays, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
