/* SPDX-License-Identifier: MIT */
/* End-to-end tests of kiosk mode: the real binary in a pseudo-terminal,
 * one "patient" after another. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk_start.h"
#include "vt.h"
#include "vt_assert.h"

enum { T = 5000, T_SHORT = 400 };

/* The bundled questionnaire (questions/en.yaml, "--list" and its show_if
 * gates): questions shown to someone who answers the same to everything,
 * and where some of them are in that walk. "No" to started_recently (15)
 * opens over_a_month; "not sure" does not. */
enum {
    ALL_NO_TOTAL = 41,
    ALL_UNSURE_TOTAL = 64,
    Q_EMERGENCIES = 10,    /* questions 1-10: emergency screens */
    Q_CALF_CLOT = 12,      /* same day; with breathless_effort an ambulance rule */
    Q_SAME_DAY_SIGNS = 13, /* same day (black poo among them), no follow-up */
    Q_BREATHLESS = 27,     /* breathless_effort, in the all-no walk */
};

static const char *binary;
static const char *source_dir;
static const char *const check_mark = "\xE2\x9C\x93";

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

static void wait_question(struct vt *vt, int n)
{
    char text[32];
    snprintf(text, sizeof(text), "Question %d of", n);
    VT_ASSERT_TEXT(vt, text, T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 30, T));
}

static void still_running(struct vt *vt)
{
    VT_ASSERT(vt, vt_wait_exit(vt, T_SHORT, NULL) != 0);
}

static void expect_clean_exit(struct vt *vt)
{
    int status = 0;
    VT_ASSERT(vt, vt_wait_exit(vt, T, &status) == 0);
    VT_ASSERT(vt, WIFEXITED(status) && WEXITSTATUS(status) == 0);
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_ALTSCREEN) == 0);
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_CURSOR_VISIBLE) == 1);
}

/* The first question of a new session shows no earlier answer. */
static void fresh_session(struct vt *vt)
{
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    VT_ASSERT(vt, !vt_wait_text(vt, check_mark, T_SHORT));
}

/* Answers KEY to questions FIRST to LAST, each once it is on the screen. */
static void answer_from(struct vt *vt, int first, int last, const char *key)
{
    for (int n = first; n <= last; n++) {
        wait_question(vt, n);
        vt_send(vt, key);
    }
}

static void answer_all(struct vt *vt, const char *key)
{
    answer_from(vt, 1, key[0] == 'u' ? ALL_UNSURE_TOTAL : ALL_NO_TOTAL, key);
    VT_ASSERT_TEXT(vt, "Your results", T);
}

static void idle_session_is_wiped_after_a_countdown(void **state)
{
    const char *const args[] = {"--idle-timeout", "6", NULL};
    struct vt *vt = start_kiosk(state, args, NULL);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    vt_send(vt, "n");
    wait_question(vt, 2);
    VT_ASSERT_TEXT(vt, "Still there?", 8000);
    VT_ASSERT_TEXT(vt, "seconds", T);
    VT_ASSERT_TEXT(vt, "Press Enter to start", 8000);
    fresh_session(vt);
    still_running(vt);
}

static void a_key_during_the_countdown_keeps_the_answers(void **state)
{
    const char *const args[] = {"--idle-timeout", "6", NULL};
    struct vt *vt = start_kiosk(state, args, NULL);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    vt_send(vt, "n");
    wait_question(vt, 2);
    VT_ASSERT_TEXT(vt, "Still there?", 8000);
    vt_send(vt, "x");
    VT_ASSERT_GONE(vt, "Still there?", T);
    VT_ASSERT_TEXT(vt, "Question 2 of", T);
    vt_send(vt, "b");
    wait_question(vt, 1);
    VT_ASSERT_TEXT(vt, check_mark, T);
}

static void finishing_the_results_starts_over(void **state)
{
    struct vt *vt = start_kiosk(state, NULL, NULL);
    vt_send(vt, VT_ENTER);
    answer_all(vt, "n");
    VT_ASSERT_TEXT(vt, "Finish", T);
    vt_send(vt, "r");
    VT_ASSERT_TEXT(vt, "Start over?", T);
    vt_send(vt, "y");
    fresh_session(vt);
    still_running(vt);
}

static void keys_that_would_leave_do_not(void **state)
{
    struct vt *vt = start_kiosk(state, NULL, NULL);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    vt_send(vt, VT_CTRL_C);
    vt_send(vt, VT_CTRL_Z);
    vt_send(vt, VT_CTRL_BACKSLASH);
    vt_send(vt, VT_CTRL_D);
    still_running(vt);
    VT_ASSERT_TEXT(vt, "Question 1 of", T);
    vt_kill(vt, SIGINT); /* a signal sent another way is ignored too */
    vt_kill(vt, SIGTSTP);
    vt_kill(vt, SIGQUIT);
    still_running(vt);
    vt_send(vt, "q");
    VT_ASSERT_TEXT(vt, "Start over?", T);
    vt_send(vt, "n");
    VT_ASSERT_GONE(vt, "Start over?", T);
    vt_key(vt, VT_KEY_ESC);
    VT_ASSERT_TEXT(vt, "Start over?", T);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    still_running(vt);
    /* Without a configured PIN the staff keys do nothing. */
    vt_send(vt, "\030");
    VT_ASSERT(vt, !vt_wait_text(vt, "Staff only", T_SHORT));
}

static void staff_exit_needs_the_pin(void **state)
{
    char *env[] = {"MUSCLECHECK_STAFF_PIN=2468", NULL};
    struct vt *vt = start_kiosk(state, NULL, env);
    vt_send(vt, "\030"); /* Ctrl-X */
    VT_ASSERT_TEXT(vt, "Staff only", T);
    vt_send(vt, "1111\r");
    VT_ASSERT_TEXT(vt, "Wrong PIN.", T);
    VT_ASSERT(vt, !vt_wait_text(vt, "1111", T_SHORT)); /* never shown */
    still_running(vt);
    vt_key(vt, VT_KEY_ESC);
    VT_ASSERT_GONE(vt, "Staff only", T);
    vt_send(vt, "\030");
    VT_ASSERT_TEXT(vt, "Staff only", T);
    vt_send(vt, "2468\r");
    expect_clean_exit(vt);
}

static void staff_pin_file_must_be_private(void **state)
{
    char path[] = "/tmp/mc-pin-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "2468\n", 5), 5);
    close(fd);
    chmod(path, 0644);
    const char *const args[] = {"--staff-pin-file", path, NULL};
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[] = {(char *)binary,  "--kiosk",       "--questions", questions,
                    (char *)args[0], (char *)args[1], NULL};
    struct vt *vt = vt_spawn(argv, NULL, 24, 80);
    *state = vt;
    VT_ASSERT_TEXT(vt, "others can read", T);
    int status = 0;
    VT_ASSERT(vt, vt_wait_exit(vt, T, &status) == 0);
    VT_ASSERT(vt, WIFEXITED(status) && WEXITSTATUS(status) == 78);
    vt_free(vt);
    chmod(path, 0600);
    vt = start_kiosk(state, args, NULL);
    unlink(path);
    vt_send(vt, "\030");
    vt_send(vt, "2468\r");
    expect_clean_exit(vt);
}

static void sigterm_and_sighup_end_it_cleanly(void **state)
{
    const int sigs[] = {SIGTERM, SIGHUP};
    for (size_t i = 0; i < 2; i++) {
        struct vt *vt = start_kiosk(state, NULL, NULL);
        vt_send(vt, VT_ENTER);
        wait_question(vt, 1);
        vt_kill(vt, sigs[i]);
        expect_clean_exit(vt);
        vt_free(vt);
        *state = NULL;
    }
}

static void red_flag_sends_to_reception_and_stays(void **state)
{
    const char *const args[] = {"--idle-timeout", "10", NULL};
    struct vt *vt = start_kiosk(state, args, NULL);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "reception desk", T);
    /* Longer than the countdown would allow elsewhere: no "still there?", the
     * warning stays until someone has seen it. (Past the idle time it keeps
     * only the advice: test_privacy.) */
    VT_ASSERT(vt, !vt_wait_gone(vt, "reception desk", 3000));
    VT_ASSERT(vt, !vt_find(vt, "Still there?", NULL, NULL));
    vt_send(vt, "x");
    VT_ASSERT_TEXT(vt, "Your results", T);
    VT_ASSERT_TEXT(vt, "Call an ambulance now", T);
    VT_ASSERT(vt, !vt_wait_text(vt, "before you leave", 0));
}

/* Answers no up to same-day question Q, and yes to it: the next question
 * follows, not the desk. */
static void answer_same_day(struct vt *vt, int q)
{
    answer_from(vt, 1, q - 1, "n");
    wait_question(vt, q);
    vt_send(vt, "y");
    wait_question(vt, q + 1);
    VT_ASSERT(vt, !vt_wait_text(vt, "reception desk", 0));
}

/* A same-day answer does not stop the questions; the results ask the
 * patient to speak to the staff before leaving. */
static void same_day_asks_to_see_the_desk_before_leaving(void **state)
{
    char out[] = "/tmp/mc-printed-XXXXXX";
    int fd = mkstemp(out);
    assert_true(fd >= 0);
    close(fd);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "cat > %s", out);
    const char *const args[] = {"--print-command", cmd, NULL};
    struct vt *vt = start_kiosk(state, args, NULL);
    vt_send(vt, VT_ENTER);
    answer_same_day(vt, Q_SAME_DAY_SIGNS);
    answer_from(vt, Q_SAME_DAY_SIGNS + 1, ALL_NO_TOTAL, "n");
    VT_ASSERT_TEXT(vt, "Your results", T);
    VT_ASSERT_TEXT(vt, "Speak to someone today", T);
    VT_ASSERT_TEXT(vt, "Please speak to the staff at the desk before you leave", T);
    int row, col, results_row;
    VT_ASSERT(vt, vt_find(vt, "before you leave", &row, &col));
    VT_ASSERT_TEXT(vt, "Results, most likely first", T);
    VT_ASSERT(vt, vt_find(vt, "Results, most likely first", &results_row, &col));
    VT_ASSERT(vt, row < results_row);
    VT_ASSERT(vt, !vt_wait_text(vt, "Call an ambulance now", 0));
    /* The printed summary carries the same-day level and the sign behind it. */
    vt_send(vt, "p");
    VT_ASSERT_TEXT(vt, "sent to the printer", T);
    FILE *fp = fopen(out, "r");
    char text[16384] = "";
    size_t n = fp != NULL ? fread(text, 1, sizeof(text) - 1, fp) : 0;
    text[n] = '\0';
    if (fp != NULL)
        fclose(fp);
    unlink(out);
    VT_ASSERT(vt, strstr(text, "Triage level: Same day") != NULL);
    VT_ASSERT(vt, strstr(text, "Warning sign (Same day)") != NULL);
    VT_ASSERT(vt, strstr(text, "black, sticky poo") != NULL);
    still_running(vt);
}

/* An emergency rule completed after a same-day sign (a swollen, painful
 * calf, then out of breath after light effort: clot_and_breathless) sends
 * the patient to the desk now, as the first questions do. */
static void emergency_rule_sends_to_reception(void **state)
{
    struct vt *vt = start_kiosk(state, NULL, NULL);
    vt_send(vt, VT_ENTER);
    answer_same_day(vt, Q_CALF_CLOT);
    answer_from(vt, Q_CALF_CLOT + 1, Q_BREATHLESS - 1, "n");
    wait_question(vt, Q_BREATHLESS);
    VT_ASSERT_TEXT(vt, "out of breath", T);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "Call an ambulance now", T);
    VT_ASSERT_TEXT(vt, "reception desk", T);
    VT_ASSERT(vt, !vt_wait_text(vt, "Question ", 0));
    vt_send(vt, "x");
    VT_ASSERT_TEXT(vt, "Your results", T);
    VT_ASSERT_TEXT(vt, "Call an ambulance now", T);
}

/* "Not sure" to an emergency screen goes on to question 2, not to the
 * desk; the results then ask to see the desk today about that sign. */
static void not_sure_to_an_emergency_asks_to_see_the_desk(void **state)
{
    struct vt *vt = start_kiosk(state, NULL, NULL);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    vt_send(vt, "u");
    wait_question(vt, 2);
    VT_ASSERT(vt, !vt_wait_text(vt, "reception desk", 0));
    answer_from(vt, 2, ALL_NO_TOTAL, "n");
    VT_ASSERT_TEXT(vt, "Your results", T);
    /* At the top of the results, in this order: the heading, the desk, the
     * signs not sure of, and the sign itself (question 1, chest pain). */
    const char *const lines[] = {
        "Speak to someone today", "Please speak to the staff at the desk before you leave",
        "You were not sure about these warning signs", "tightness in your chest"};
    int last_row = 0, row, col;
    for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
        VT_ASSERT_TEXT(vt, lines[i], T);
        VT_ASSERT(vt, vt_find(vt, lines[i], &row, &col) && row > last_row);
        last_row = row;
    }
    VT_ASSERT(vt, !vt_wait_text(vt, "Call an ambulance now", 0));
    still_running(vt);
}

/* Every emergency question sends the patient to the desk. */
static void every_emergency_sends_to_reception(void **state)
{
    struct vt *vt = start_kiosk(state, NULL, NULL);
    for (int q = 1; q <= Q_EMERGENCIES; q++) {
        fresh_session(vt);
        for (int n = 1; n < q; n++) {
            vt_send(vt, "n");
            wait_question(vt, n + 1);
        }
        vt_send(vt, "y");
        VT_ASSERT_TEXT(vt, "reception desk", T);
        vt_send(vt, "x");
        VT_ASSERT_TEXT(vt, "Your results", T);
        vt_send(vt, "r");
        VT_ASSERT_TEXT(vt, "Start over?", T);
        vt_send(vt, "y");
    }
    still_running(vt);
}

static bool dir_is_empty(const char *path)
{
    DIR *d = opendir(path);
    if (d == NULL)
        return false;
    struct dirent *e;
    int entries = 0;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            entries++;
    closedir(d);
    return entries == 0;
}

static void a_whole_session_writes_no_file(void **state)
{
    char home[] = "/tmp/mc-home-XXXXXX", work[] = "/tmp/mc-work-XXXXXX";
    assert_non_null(mkdtemp(home));
    assert_non_null(mkdtemp(work));
    char home_env[64], pin_env[] = "MUSCLECHECK_STAFF_PIN=2468";
    snprintf(home_env, sizeof(home_env), "HOME=%s", home);
    char *env[] = {home_env, pin_env, NULL};
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(work), 0); /* the child starts in the fresh folder */
    struct vt *vt = start_kiosk(state, NULL, env);
    assert_int_equal(chdir(cwd), 0);
    vt_send(vt, VT_ENTER);
    answer_all(vt, "u");
    vt_send(vt, "t");
    VT_ASSERT_TEXT(vt, "side by side", T);
    vt_send(vt, "q");
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    vt_send(vt, "\030");
    vt_send(vt, "2468\r");
    expect_clean_exit(vt);
    bool clean = dir_is_empty(home) && dir_is_empty(work);
    rmdir(home);
    rmdir(work);
    assert_true(clean);
}

/* Kiosk without --questions: every bundled language is offered. */
static struct vt *start_bundled(void **state, const char *const *extra, char *const env[])
{
    char *argv[16] = {(char *)binary, "--kiosk"};
    int argc = 2;
    for (; extra != NULL && *extra != NULL && argc < 15; extra++)
        argv[argc++] = (char *)*extra;
    argv[argc] = NULL;
    struct vt *vt = vt_spawn(argv, env, 24, 80);
    assert_non_null(vt);
    *state = vt;
    return vt;
}

static void languages_are_offered_and_forgotten_at_the_reset(void **state)
{
    char *env[] = {"LANG=C.UTF-8", NULL};
    struct vt *vt = start_bundled(state, NULL, env);
    VT_ASSERT_TEXT(vt, "1 English", T);
    VT_ASSERT_TEXT(vt, "2 Español", T);
    vt_send(vt, "2");
    /* Who it is for and the disclaimer's emergency numbers are shown whole
     * at 80x24 with the language choice above them (the introduction gives
     * way first). */
    VT_ASSERT_TEXT(vt, "Para adultos con debilidad", T);
    VT_ASSERT_TEXT(vt, "911 en los Estados Unidos).", T);
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Pregunta 1 de 40", T);
    vt_send(vt, "q");
    vt_send(vt, "y");
    /* the next patient starts in the default language */
    VT_ASSERT_TEXT(vt, "For adults with muscle weakness", T);
    VT_ASSERT_TEXT(vt, "911 in the US).", T);
    still_running(vt);
}

static void print_sends_the_summary_to_the_command(void **state)
{
    char out[] = "/tmp/mc-printed-XXXXXX";
    int fd = mkstemp(out);
    assert_true(fd >= 0);
    close(fd);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "cat > %s", out);
    const char *const args[] = {"--print-command", cmd, NULL};
    struct vt *vt = start_kiosk(state, args, NULL);
    vt_send(vt, VT_ENTER);
    answer_all(vt, "n");
    VT_ASSERT_TEXT(vt, "Print", T);
    vt_send(vt, "p");
    VT_ASSERT_TEXT(vt, "sent to the printer", T);
    FILE *fp = fopen(out, "r");
    char text[8192] = "";
    size_t n = fp != NULL ? fread(text, 1, sizeof(text) - 1, fp) : 0;
    text[n] = '\0';
    if (fp != NULL)
        fclose(fp);
    unlink(out);
    VT_ASSERT(vt, strstr(text, "Summary for your doctor") != NULL);
    VT_ASSERT(vt, strstr(text, "[No]") != NULL);
    VT_ASSERT(vt, strstr(text, "Nothing stands out") != NULL || strstr(text, "Unlikely") != NULL);
    VT_ASSERT(vt, strstr(text, "%") == NULL);
    vt_send(vt, "x");
    VT_ASSERT_GONE(vt, "sent to the printer", T);
    /* A failing printer is reported, not hidden. */
    vt_free(vt);
    const char *const failing[] = {"--print-command", "exit 1", NULL};
    vt = start_kiosk(state, failing, NULL);
    vt_send(vt, VT_ENTER);
    answer_all(vt, "n");
    vt_send(vt, "p");
    VT_ASSERT_TEXT(vt, "Printing did not work", T);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(idle_session_is_wiped_after_a_countdown, teardown),
        cmocka_unit_test_teardown(a_key_during_the_countdown_keeps_the_answers, teardown),
        cmocka_unit_test_teardown(finishing_the_results_starts_over, teardown),
        cmocka_unit_test_teardown(keys_that_would_leave_do_not, teardown),
        cmocka_unit_test_teardown(staff_exit_needs_the_pin, teardown),
        cmocka_unit_test_teardown(staff_pin_file_must_be_private, teardown),
        cmocka_unit_test_teardown(sigterm_and_sighup_end_it_cleanly, teardown),
        cmocka_unit_test_teardown(red_flag_sends_to_reception_and_stays, teardown),
        cmocka_unit_test_teardown(same_day_asks_to_see_the_desk_before_leaving, teardown),
        cmocka_unit_test_teardown(emergency_rule_sends_to_reception, teardown),
        cmocka_unit_test_teardown(not_sure_to_an_emergency_asks_to_see_the_desk, teardown),
        cmocka_unit_test_teardown(every_emergency_sends_to_reception, teardown),
        cmocka_unit_test_teardown(a_whole_session_writes_no_file, teardown),
        cmocka_unit_test_teardown(languages_are_offered_and_forgotten_at_the_reset, teardown),
        cmocka_unit_test_teardown(print_sends_the_summary_to_the_command, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
