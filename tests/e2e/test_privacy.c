/* SPDX-License-Identifier: MIT */
/* End-to-end tests of the kiosk's privacy and of printing that cannot
 * freeze it: a half-typed staff PIN and an abandoned red-flag screen do not
 * outlive the idle time, nothing of a patient stays on the terminal after
 * Finish, a staff exit or SIGTERM (also without an alternate screen), and a
 * print command that hangs, never reads or fails never blocks the screen,
 * extra prints or a stop. */
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
#include <time.h>
#include <unistd.h>

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

/* Starts "musclecheck --kiosk" with EXTRA arguments (NULL-terminated) and ENV. */
static struct vt *start_kiosk(void **state, const char *const *extra, char *const env[])
{
    return kiosk_start(state, binary, source_dir, extra, env);
}

/* Whether the terminal shows nothing at all. */
static bool blank(struct vt *vt)
{
    char *screen = vt_screen(vt);
    bool empty = true;
    for (const char *p = screen; *p != '\0'; p++)
        empty = empty && (*p == '\n' || *p == ' ');
    free(screen);
    return empty;
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* How many processes run COMMAND_LINE (pgrep -f counts them). */
static int processes(const char *command_line)
{
    char cmd[256];
    snprintf(cmd, sizeof(cmd), "pgrep -f -x '%s' | wc -l", command_line);
    FILE *p = popen(cmd, "r");
    int n = -1;
    if (p != NULL && fscanf(p, "%d", &n) != 1)
        n = -1;
    if (p != NULL)
        pclose(p);
    return n;
}

static void half_typed_pin_does_not_survive_the_countdown(void **state)
{
    char *const env[] = {"MUSCLECHECK_STAFF_PIN=1234", NULL};
    const char *const args[] = {"--idle-timeout", "6", NULL};
    struct vt *vt = start_kiosk(state, args, env);
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Question 1 of", T);
    vt_send(vt, "\030"); /* Ctrl-X */
    VT_ASSERT_TEXT(vt, "Staff only", T);
    vt_send(vt, "12");
    VT_ASSERT_TEXT(vt, "> **", T);
    VT_ASSERT_TEXT(vt, "Still there?", 8000);
    vt_send(vt, "x"); /* still here */
    VT_ASSERT_GONE(vt, "Still there?", T);
    VT_ASSERT(vt, !vt_find(vt, "Staff only", NULL, NULL));
    vt_send(vt, "\030");
    VT_ASSERT_TEXT(vt, "Staff only", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    VT_ASSERT(vt, !vt_find(vt, "> *", NULL, NULL)); /* no stars left from before */
    vt_send(vt, "34" VT_ENTER);                     /* only half the PIN now */
    VT_ASSERT_TEXT(vt, "Wrong PIN", T);
    VT_ASSERT(vt, vt_wait_exit(vt, 300, NULL) != 0); /* still running */
}

static void pin_box_on_the_welcome_screen_closes_when_idle(void **state)
{
    char *const env[] = {"MUSCLECHECK_STAFF_PIN=1234", NULL};
    const char *const args[] = {"--idle-timeout", "5", NULL};
    struct vt *vt = start_kiosk(state, args, env);
    vt_send(vt, "\030");
    VT_ASSERT_TEXT(vt, "Staff only", T);
    vt_send(vt, "12");
    VT_ASSERT_TEXT(vt, "> **", T);
    VT_ASSERT_GONE(vt, "Staff only", 8000);
    vt_send(vt, "34" VT_ENTER); /* goes nowhere: no box, no exit */
    VT_ASSERT(vt, vt_wait_exit(vt, 500, NULL) != 0);
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
}

static void abandoned_red_flag_keeps_the_advice_but_not_the_answers(void **state)
{
    const char *const args[] = {"--idle-timeout", "5", NULL};
    struct vt *vt = start_kiosk(state, args, NULL);
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Question 1 of", T);
    vt_send(vt, "y"); /* chest pain */
    VT_ASSERT_TEXT(vt, "reception desk", T);
    /* Past the idle time the advice stays for staff to see ... */
    VT_ASSERT(vt, vt_wait_quiet(vt, 6500, 9000));
    VT_ASSERT_TEXT(vt, "Call an ambulance now", T);
    VT_ASSERT_TEXT(vt, "reception desk", T);
    /* ... but the next key starts afresh instead of showing the results. */
    vt_send(vt, "x");
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    VT_ASSERT(vt, !vt_find(vt, "Your results", NULL, NULL));
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Question 1 of", T);
    VT_ASSERT(vt, !vt_find(vt, "\xE2\x9C\x93", NULL, NULL)); /* no answer marked */
}

/* A staff exit and SIGTERM leave a blank terminal, also with TERM values
 * that have no alternate screen (the Linux console, vt100). */
static void nothing_stays_on_the_terminal_after_the_kiosk(void **state)
{
    const char *terms[] = {"TERM=linux", "TERM=vt100", "TERM=xterm-256color"};
    for (size_t i = 0; i < sizeof(terms) / sizeof(terms[0]); i++) {
        /* ncurses leaks 10 bytes per process with TERM=linux (its GPM
         * support): not ours, so LeakSanitizer looks away there alone. */
        char *no_leaks =
            strcmp(terms[i], "TERM=linux") == 0 ? "ASAN_OPTIONS=detect_leaks=0" : "MC_UNUSED=";
        char *const env[] = {(char *)terms[i], "MUSCLECHECK_STAFF_PIN=1234", no_leaks, NULL};
        struct vt *vt = start_kiosk(state, NULL, env);
        kiosk_answer_until_results(vt, "n");
        vt_send(vt, "\030");
        VT_ASSERT_TEXT(vt, "Staff only", T);
        vt_send(vt, "1234" VT_ENTER);
        int status = -1;
        VT_ASSERT(vt, vt_wait_exit(vt, T, &status) == 0);
        VT_ASSERT(vt, WIFEXITED(status) && WEXITSTATUS(status) == 0);
        if (!blank(vt))
            fail_msg("%s: the staff exit left text on the terminal", terms[i]);
        vt_free(vt);
        *state = NULL;

        vt = start_kiosk(state, NULL, env);
        kiosk_answer_until_results(vt, "n");
        VT_ASSERT(vt, vt_kill(vt, SIGTERM) == 0);
        VT_ASSERT(vt, vt_wait_exit(vt, T, &status) == 0);
        if (!blank(vt))
            fail_msg("%s: SIGTERM left text on the terminal", terms[i]);
        vt_free(vt);
        *state = NULL;
    }
}

static void a_hanging_printer_never_freezes_the_kiosk(void **state)
{
    const char *const args[] = {"--print-command", "sleep 987654", NULL};
    struct vt *vt = start_kiosk(state, args, NULL);
    kiosk_answer_until_results(vt, "n");
    vt_send(vt, "p");
    VT_ASSERT_TEXT(vt, "Printing your summary", T);
    vt_send(vt, "ppp"); /* dropped: no second print */
    VT_ASSERT(vt, vt_wait_quiet(vt, 200, T));
    VT_ASSERT_TEXT(vt, "Printing your summary", T);
    /* SIGTERM ends the kiosk at once, and the command with it. */
    long long start = now_ms();
    VT_ASSERT(vt, vt_kill(vt, SIGTERM) == 0);
    int status = -1;
    VT_ASSERT(vt, vt_wait_exit(vt, T, &status) == 0);
    VT_ASSERT(vt, now_ms() - start < 2000);
    VT_ASSERT(vt, WIFEXITED(status) && WEXITSTATUS(status) == 0);
    for (int i = 0; i < 20 && processes("sleep 987654") > 0; i++)
        usleep(100 * 1000);
    VT_ASSERT(vt, processes("sleep 987654") == 0);
}

static void a_printer_that_never_reads_times_out(void **state)
{
    /* The shell and its child both hold the pipe and never read it. */
    const char *const args[] = {"--print-command", "sleep 987653 & sleep 987653", NULL};
    struct vt *vt = start_kiosk(state, args, NULL);
    kiosk_answer_until_results(vt, "n");
    long long start = now_ms();
    vt_send(vt, "p");
    VT_ASSERT_TEXT(vt, "Printing your summary", T);
    VT_ASSERT_TEXT(vt, "Printing did not work", 20000);
    VT_ASSERT(vt, now_ms() - start >= 14000); /* the 15 s limit, not sooner */
    for (int i = 0; i < 20 && processes("sleep 987653") > 0; i++)
        usleep(100 * 1000);
    VT_ASSERT(vt, processes("sleep 987653") == 0); /* the whole group was ended */
    vt_send(vt, "x");
    VT_ASSERT_GONE(vt, "Printing did not work", T);
    VT_ASSERT_TEXT(vt, "Your results", T);
}

static void a_failing_printer_is_reported_and_extra_keys_print_once(void **state)
{
    const char *const failing[] = {"--print-command", "exit 3", NULL};
    struct vt *vt = start_kiosk(state, failing, NULL);
    kiosk_answer_until_results(vt, "n");
    vt_send(vt, "p");
    VT_ASSERT_TEXT(vt, "Printing did not work", T);
    /* On a touch screen a tap anywhere closes the message, as a key would. */
    VT_ASSERT(vt, vt_click(vt, 2, 2) == 0);
    VT_ASSERT_GONE(vt, "Printing did not work", T);
    VT_ASSERT_TEXT(vt, "Your results", T);
    vt_free(vt);
    *state = NULL;

    char out[] = "/tmp/mc-prints-XXXXXX";
    int fd = mkstemp(out);
    assert_true(fd >= 0);
    close(fd);
    char cmd[160];
    snprintf(cmd, sizeof(cmd), "cat >> %s; sleep 1", out);
    const char *const slow[] = {"--print-command", cmd, NULL};
    vt = start_kiosk(state, slow, NULL);
    kiosk_answer_until_results(vt, "n");
    vt_send(vt, "p");
    VT_ASSERT_TEXT(vt, "Printing your summary", T);
    vt_send(vt, "pp" VT_ENTER "p");
    VT_ASSERT_TEXT(vt, "sent to the printer", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 1500, T));
    char text[65536] = "";
    FILE *fp = fopen(out, "r");
    size_t n = fp != NULL ? fread(text, 1, sizeof(text) - 1, fp) : 0;
    text[n] = '\0';
    if (fp != NULL)
        fclose(fp);
    unlink(out);
    const char *first = strstr(text, "Summary for your doctor");
    VT_ASSERT(vt, first != NULL);
    VT_ASSERT(vt, strstr(first + 1, "Summary for your doctor") == NULL); /* printed once */
}

static void a_print_outcome_is_shown_before_the_idle_wipe(void **state)
{
    /* The print outlasts the idle time: its outcome must still be seen. */
    const char *const args[] = {"--idle-timeout", "5", "--print-command",
                                "cat > /dev/null; sleep 6", NULL};
    struct vt *vt = start_kiosk(state, args, NULL);
    kiosk_answer_until_results(vt, "n");
    vt_send(vt, "p");
    VT_ASSERT_TEXT(vt, "Printing your summary", T);
    VT_ASSERT_TEXT(vt, "sent to the printer", 10000);
    /* Then the wipe comes, after its countdown. */
    VT_ASSERT_TEXT(vt, "Press Enter to start", 10000);
}

/* What the results hold of a patient's answers and no question file text
 * does: the answers list ("...? [Yes]") and the reasons ("- Do you ..."). */
static const char *const answer_traces[] = {"? [Yes]", "? [No]", "- Do you ", "- Are you "};

/* Fails the test when process PID still holds any of the answer traces. */
static void assert_no_answers_in_memory(struct vt *vt, int pid)
{
    for (size_t i = 0; i < sizeof(answer_traces) / sizeof(answer_traces[0]); i++) {
        int n = kiosk_memory_count(pid, answer_traces[i]);
        if (n != 0)
            fail_msg("after the wipe the kiosk's memory still holds \"%s\" %d times",
                     answer_traces[i], n);
    }
    (void)vt;
}

/* Walks to the results, saying yes to as much as can be said without an
 * emergency, so that the results list reasons and answers: no to the nine
 * emergency screens, to "under 16" (a yes would end the check) and to the
 * two same-day ones after them (questions 1-12;
 * calf_clot would make clot_and_breathless an ambulance rule with a later
 * yes), no to palpitations ("heart flutter"), without which
 * potassium_danger (losses, palpitations, weakness) cannot send to A&E,
 * and no to a plan to end one's life (the ambulance rule suicide_risk). */
static void answer_with_yeses(struct vt *vt)
{
    vt_send(vt, VT_ENTER);
    for (int n = 0; n < 120; n++) {
        VT_ASSERT(vt, vt_wait_quiet(vt, 30, T));
        if (vt_find(vt, "Your results", NULL, NULL))
            return;
        VT_ASSERT_TEXT(vt, "Question ", T);
        bool no = n < 12 || vt_find(vt, "heart flutter", NULL, NULL) ||
                  vt_find(vt, "end your life", NULL, NULL);
        vt_send(vt, no ? "n" : "y");
    }
    fail_msg("no results after 120 answers");
}

static void a_wipe_leaves_no_answers_in_memory(void **state)
{
    if (geteuid() != 0)
        skip(); /* the kiosk is not dumpable: only root may read its memory */
    const char *const args[] = {"--idle-timeout", "5", "--print-command", "cat > /dev/null", NULL};
    struct vt *vt = start_kiosk(state, args, NULL);
    int pid = (int)vt_pid(vt);
    answer_with_yeses(vt);
    VT_ASSERT(vt, kiosk_memory_count(pid, "? [Yes]") > 0); /* the test sees answers */
    vt_send(vt, "p");
    VT_ASSERT_TEXT(vt, "sent to the printer", T);
    vt_send(vt, VT_ENTER);
    vt_send(vt, "r"); /* Finish */
    VT_ASSERT_TEXT(vt, "(y/n)", T);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 200, T));
    assert_no_answers_in_memory(vt, pid);
    /* The idle wipe, this time. */
    answer_with_yeses(vt);
    VT_ASSERT_TEXT(vt, "Still there?", 8000);
    VT_ASSERT_TEXT(vt, "Press Enter to start", 8000);
    VT_ASSERT(vt, vt_wait_quiet(vt, 200, T));
    assert_no_answers_in_memory(vt, pid);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(half_typed_pin_does_not_survive_the_countdown, teardown),
        cmocka_unit_test_teardown(pin_box_on_the_welcome_screen_closes_when_idle, teardown),
        cmocka_unit_test_teardown(abandoned_red_flag_keeps_the_advice_but_not_the_answers,
                                  teardown),
        cmocka_unit_test_teardown(nothing_stays_on_the_terminal_after_the_kiosk, teardown),
        cmocka_unit_test_teardown(a_hanging_printer_never_freezes_the_kiosk, teardown),
        cmocka_unit_test_teardown(a_printer_that_never_reads_times_out, teardown),
        cmocka_unit_test_teardown(a_failing_printer_is_reported_and_extra_keys_print_once,
                                  teardown),
        cmocka_unit_test_teardown(a_wipe_leaves_no_answers_in_memory, teardown),
        cmocka_unit_test_teardown(a_print_outcome_is_shown_before_the_idle_wipe, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
