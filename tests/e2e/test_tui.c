/* SPDX-License-Identifier: MIT */
/* End-to-end tests of the ncurses questionnaire: the real binary in a
 * pseudo-terminal, its screen read through libvterm, waiting for text. */
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
#include <unistd.h>

#include "vt.h"
#include "vt_assert.h"

enum { T = 5000, T_SHORT = 400 };

/* The bundled questionnaire: questions shown to someone who answers no to
 * everything, and where some of them are (from "--list" and the show_if
 * gates of questions/en.yaml). A "no" to started_recently (question 15)
 * opens over_a_month, so the total grows by one there. */
enum {
    ALL_NO_TOTAL = 41,     /* 40 until started_recently is answered "no" */
    Q_EMERGENCIES = 10,    /* questions 1-10: emergency screens (ambulance or A&E) */
    Q_CALF_CLOT = 12,      /* same day; with breathless_effort an ambulance rule */
    Q_SAME_DAY_SIGNS = 13, /* same day (black poo among them), no follow-up */
    Q_STARTED = 15,        /* started_recently: "no" opens over_a_month */
    Q_NIGHT_CRAMPS = 20,   /* an ordinary question without follow-ups */
    Q_BREATHLESS = 27,     /* breathless_effort, in the all-no walk */
    Q_AGE_50 = 30,         /* a gateway to three follow-ups */
};

static const char *binary;
static const char *source_dir;

static int teardown(void **state)
{
    vt_free(*state);
    return 0;
}

static struct vt *start_env(void **state, int rows, int cols, char *const env[])
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[] = {(char *)binary, "--questions", questions, NULL};
    struct vt *vt = vt_spawn(argv, env, rows, cols);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    return vt;
}

static struct vt *start(void **state)
{
    return start_env(state, 24, 80, NULL);
}

/* Waits for "Question N of" and for the rest of that frame to arrive. */
static void wait_question(struct vt *vt, int n)
{
    char text[32];
    snprintf(text, sizeof(text), "Question %d of", n);
    VT_ASSERT_TEXT(vt, text, T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 30, T));
}

/* Answers questions in order from an answers file in tests/data/answers. */
static void answer_file(struct vt *vt, const char *name)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/tests/data/answers/%s", source_dir, name);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    char line[256];
    int n = 0;
    while (fgets(line, sizeof(line), fp) != NULL) {
        char *eq = strchr(line, '=');
        if (line[0] == '#' || eq == NULL)
            continue;
        wait_question(vt, ++n);
        char key[2] = {eq[1] == 'y' ? 'y' : eq[1] == 'n' ? 'n' : 'u', '\0'};
        assert_int_equal(vt_send(vt, key), 0);
    }
    fclose(fp);
}

/* Pages down the results until TEXT shows; fails after a few pages. */
static void scroll_to(struct vt *vt, const char *text)
{
    for (int page = 0; page < 15; page++) {
        if (vt_wait_text(vt, text, page == 0 ? T_SHORT : 300))
            return;
        vt_key(vt, VT_KEY_PGDN);
    }
    vt_dump(vt, stderr);
    fail_msg("\"%s\" never appeared while scrolling", text);
}

static void expect_exit(struct vt *vt, int code)
{
    int status = 0;
    if (vt_wait_exit(vt, T, &status) != 0) {
        vt_dump(vt, stderr);
        fail_msg("the program did not exit");
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != code) {
        vt_dump(vt, stderr);
        fail_msg("exit status %d, expected exit code %d", status, code);
    }
    /* The terminal is handed back: normal screen, cursor visible. */
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_ALTSCREEN) == 0);
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_CURSOR_VISIBLE) == 1);
}

static void walk_all_no(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    answer_file(vt, "all-no.txt");
    VT_ASSERT_TEXT(vt, "Your results", T);
    VT_ASSERT_TEXT(vt, "Nothing stands out", T);
    VT_ASSERT_TEXT(vt, "This is not a diagnosis", T);
    VT_ASSERT_TEXT(vt, "Unlikely", T);
    VT_ASSERT(vt, !vt_wait_text(vt, "Speak to someone today", T_SHORT));
    VT_ASSERT(vt, !vt_wait_text(vt, "%", 0));
    /* Nothing found: the next step is to see a doctor if it lasts. */
    scroll_to(vt, "within a few weeks");
    vt_send(vt, "q");
    VT_ASSERT_TEXT(vt, "Quit now?", T);
    vt_send(vt, "y");
    expect_exit(vt, 0);
}

static void iron_answers_rank_iron_first_with_its_foods(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    answer_file(vt, "iron.txt");
    VT_ASSERT_TEXT(vt, "1. Iron", T);
    VT_ASSERT_TEXT(vt, "5. ", T);
    int row, col, other_row;
    VT_ASSERT(vt, vt_find(vt, "1. Iron", &row, &col));
    VT_ASSERT(vt, vt_find(vt, "2. ", &other_row, &col) && other_row == row + 1);
    char *line = vt_row(vt, row);
    VT_ASSERT(vt, strstr(line, "Likely") != NULL); /* a likelihood word, no percentage */
    VT_ASSERT(vt, strchr(line, '%') == NULL);
    free(line);
    line = vt_row(vt, other_row);
    VT_ASSERT(vt, strstr(line, "Unlikely") != NULL);
    free(line);
    VT_ASSERT(vt, !vt_wait_text(vt, "Speak to someone today", 0));
    scroll_to(vt, "Because you said yes to:");
    scroll_to(vt, "Lean red meat");
    scroll_to(vt, "vitamin C");
}

static void back_shows_and_changes_the_earlier_answer(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    const int q = Q_NIGHT_CRAMPS;
    for (int i = 1; i < q; i++) {
        wait_question(vt, i);
        vt_send(vt, "n");
    }
    wait_question(vt, q);
    vt_send(vt, "y");
    wait_question(vt, q + 1);
    vt_send(vt, "b");
    wait_question(vt, q);
    VT_ASSERT_TEXT(vt, "Yes \xE2\x9C\x93", T); /* "Yes ✓": the earlier answer is marked */
    vt_key(vt, VT_KEY_LEFT);                   /* Left goes back too */
    wait_question(vt, q - 1);
    VT_ASSERT_TEXT(vt, "No \xE2\x9C\x93", T);
    vt_send(vt, VT_BACKSPACE);
    wait_question(vt, q - 2);
    vt_send(vt, "n");
    wait_question(vt, q - 1);
    vt_send(vt, "n");
    wait_question(vt, q);
    vt_send(vt, "u"); /* change Yes to Not sure */
    wait_question(vt, q + 1);
    vt_send(vt, "b");
    wait_question(vt, q);
    VT_ASSERT_TEXT(vt, "Not sure \xE2\x9C\x93", T);
    VT_ASSERT_GONE(vt, "Yes \xE2\x9C\x93", T);
}

static void follow_up_questions_change_the_total(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Question 1 of 40", T);
    /* A follow-up of a "no": over_a_month comes after started_recently. */
    for (int i = 1; i < Q_STARTED; i++) {
        wait_question(vt, i);
        vt_send(vt, "n");
    }
    VT_ASSERT_TEXT(vt, "Question 15 of 40", T);
    vt_send(vt, "n");
    VT_ASSERT_TEXT(vt, "Question 16 of 41", T);
    /* Up to the "aged 50 or over" gateway. */
    for (int i = Q_STARTED + 1; i < Q_AGE_50; i++) {
        wait_question(vt, i);
        vt_send(vt, "n");
    }
    VT_ASSERT_TEXT(vt, "Question 30 of 41", T);
    VT_ASSERT_TEXT(vt, "aged 50 or over", T);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "Question 31 of 44", T);
    VT_ASSERT_TEXT(vt, "65 or over", T);
    vt_send(vt, "y"); /* a follow-up, answered: it opens one more */
    VT_ASSERT_TEXT(vt, "Question 32 of 45", T);
    vt_send(vt, "b");
    vt_send(vt, "b");
    VT_ASSERT_TEXT(vt, "Question 30 of 45", T);
    vt_send(vt, "n"); /* hides the follow-ups again and drops their answers */
    VT_ASSERT_TEXT(vt, "Question 31 of 41", T);
    VT_ASSERT_GONE(vt, "65 or over", T);
    /* The medicines gateway, the last question, opens eleven more. */
    for (int i = Q_AGE_50 + 1; i < ALL_NO_TOTAL; i++) {
        wait_question(vt, i);
        vt_send(vt, "n");
    }
    VT_ASSERT_TEXT(vt, "Question 41 of 41", T);
    VT_ASSERT_TEXT(vt, "medicines", T);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "Question 42 of 52", T);
}

static void red_flag_shows_urgent_advice_first(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "Call an ambulance now", T);
    VT_ASSERT_TEXT(vt, "call an ambulance (999", T); /* the advice under the title */
    int row, col;
    VT_ASSERT(vt, vt_find(vt, "Call an ambulance now", &row, &col));
    VT_ASSERT(vt, vt_cell_reverse(vt, row, col) || vt_cell_fg(vt, row, col) != VT_COLOR_DEFAULT);
    VT_ASSERT_TEXT(vt, "See results", T);
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Your results", T);
    VT_ASSERT_TEXT(vt, "Call an ambulance now", T); /* the banner leads the results */
    VT_ASSERT(vt, !vt_wait_text(vt, "Speak to someone today", 0));
    vt_send(vt, "q");
    vt_send(vt, "y");
    expect_exit(vt, 0);
}

/* Each emergency question, answered yes, stops the questions at once, and
 * its title says which of the two emergency levels it is (the red_flag
 * levels of questions 1-10 in questions/en.yaml). */
static void every_emergency_question_stops(void **state)
{
    static const char *const ambulance = "Call an ambulance now";
    static const char *const ae = "Go to A&E (the emergency department) now";
    static const char *const title[Q_EMERGENCIES + 1] = {
        [1] = ambulance, /* chest_pain */
        [2] = ambulance, /* stroke_signs */
        [3] = ambulance, /* sudden_weakness */
        [4] = ae,        /* saddle_numbness */
        [5] = ambulance, /* sepsis_signs */
        [6] = ae,        /* dark_urine */
        [7] = ambulance, /* pain_injury */
        [8] = ambulance, /* body_chemistry */
        [9] = ambulance, /* heat_cold_fumes */
        [10] = ae,       /* vision_jaw */
    };
    for (int q = 2; q <= Q_EMERGENCIES; q++) {
        struct vt *vt = start(state);
        vt_send(vt, VT_ENTER);
        for (int i = 1; i < q; i++) {
            wait_question(vt, i);
            vt_send(vt, "n");
        }
        wait_question(vt, q);
        vt_send(vt, "y");
        VT_ASSERT_TEXT(vt, "See results", T);
        VT_ASSERT_TEXT(vt, title[q], T);
        VT_ASSERT(vt, !vt_wait_text(vt, title[q] == ae ? ambulance : ae, 0));
        VT_ASSERT(vt, !vt_wait_text(vt, "Question ", 0));
        vt_free(vt);
        *state = NULL;
    }
}

/* The results lead with "Speak to someone today" (highlighted), then
 * DETAIL, both above the ranked results; no emergency, and no kiosk line. */
static void same_day_leads(struct vt *vt, const char *detail)
{
    VT_ASSERT_TEXT(vt, "Your results", T);
    VT_ASSERT_TEXT(vt, "Speak to someone today", T);
    VT_ASSERT_TEXT(vt, detail, T);
    int row, col, detail_row, results_row;
    VT_ASSERT(vt, vt_find(vt, "Speak to someone today", &row, &col));
    VT_ASSERT(vt, vt_cell_reverse(vt, row, col) || vt_cell_fg(vt, row, col) != VT_COLOR_DEFAULT);
    VT_ASSERT(vt, vt_find(vt, detail, &detail_row, &col) && row < detail_row);
    /* It leads: the ranking comes below it, or below the first screen. */
    VT_ASSERT(vt, !vt_find(vt, "Results, most likely first", &results_row, &col) ||
                      detail_row < results_row);
    VT_ASSERT(vt, !vt_wait_text(vt, "Call an ambulance now", 0));
    VT_ASSERT(vt, !vt_wait_text(vt, "Please speak to the staff at the desk", 0)); /* not a kiosk */
}

/* A same-day yes (black poo, among the same-day signs) does not stop the
 * questions: the next question is asked (no follow-up, so the total stays),
 * then the rest,
 * and the results lead with "Speak to someone today". */
static void same_day_goes_on_and_leads_the_results(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    for (int i = 1; i < Q_SAME_DAY_SIGNS; i++) {
        wait_question(vt, i);
        vt_send(vt, "n");
    }
    wait_question(vt, Q_SAME_DAY_SIGNS);
    VT_ASSERT_TEXT(vt, "Question 13 of 40", T);
    VT_ASSERT_TEXT(vt, "black, sticky poo", T);
    vt_send(vt, "y");
    /* No red-flag screen: the next question, and the same total. */
    VT_ASSERT_TEXT(vt, "Question 14 of 40", T);
    VT_ASSERT(vt, !vt_wait_text(vt, "Call an ambulance now", 0));
    VT_ASSERT(vt, !vt_wait_text(vt, "See results", 0));
    for (int i = Q_SAME_DAY_SIGNS + 1; i <= ALL_NO_TOTAL; i++) {
        wait_question(vt, i);
        vt_send(vt, "n");
    }
    same_day_leads(vt, "Please speak to a doctor or nurse today");
    scroll_to(vt, "Speak to a doctor, nurse or pharmacist today, as advised above.");
    vt_send(vt, "q");
    vt_send(vt, "y");
    expect_exit(vt, 0);
}

/* A same-day yes (a swollen, painful calf) goes on; a later yes that
 * completes an emergency rule with it (out of breath after light effort:
 * clot_and_breathless, ambulance) stops the questions there. */
static void emergency_rule_after_a_same_day_sign_stops(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    for (int i = 1; i < Q_CALF_CLOT; i++) {
        wait_question(vt, i);
        vt_send(vt, "n");
    }
    wait_question(vt, Q_CALF_CLOT);
    VT_ASSERT_TEXT(vt, "calves or legs, or one arm", T);
    vt_send(vt, "y");
    wait_question(vt, Q_CALF_CLOT + 1); /* same day: the questions go on */
    VT_ASSERT(vt, !vt_wait_text(vt, "See results", 0));
    for (int i = Q_CALF_CLOT + 1; i < Q_BREATHLESS; i++) {
        wait_question(vt, i);
        vt_send(vt, "n");
    }
    wait_question(vt, Q_BREATHLESS);
    VT_ASSERT_TEXT(vt, "out of breath", T);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "Call an ambulance now", T);
    VT_ASSERT_TEXT(vt, "clot has moved to the lungs", T); /* the rule's advice */
    VT_ASSERT(vt, !vt_wait_text(vt, "Question ", 0));
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Your results", T);
    VT_ASSERT_TEXT(vt, "Call an ambulance now", T);
    int urgent_row, today_row, col;
    VT_ASSERT(vt, vt_find(vt, "Call an ambulance now", &urgent_row, &col));
    /* The same-day advice may follow, but never above the emergency. */
    if (vt_find(vt, "Speak to someone today", &today_row, &col))
        VT_ASSERT(vt, urgent_row < today_row);
}

/* "Not sure" to an emergency screen does not stop the questions; the
 * results then lead with the same-day advice and name the warning sign. */
static void not_sure_to_an_emergency_goes_on(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    VT_ASSERT_TEXT(vt, "Question 1 of 40", T);
    vt_send(vt, "u");
    VT_ASSERT_TEXT(vt, "Question 2 of 40", T);
    VT_ASSERT(vt, !vt_wait_text(vt, "Call an ambulance now", 0));
    VT_ASSERT(vt, !vt_wait_text(vt, "See results", 0));
    for (int i = 2; i <= ALL_NO_TOTAL; i++) {
        wait_question(vt, i);
        vt_send(vt, "n");
    }
    same_day_leads(vt, "You were not sure about these warning signs");
    vt_send(vt, "q");
    vt_send(vt, "y");
    expect_exit(vt, 0);
}

/* Diarrhoea with weakness and cramps: the potassium rule's same-day advice. */
static void same_day_rule_leads_the_results(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    answer_file(vt, "potassium.txt");
    VT_ASSERT_TEXT(vt, "Your results", T);
    VT_ASSERT_TEXT(vt, "Speak to someone today", T);
    VT_ASSERT_TEXT(vt, "potassium", T);
    VT_ASSERT_TEXT(vt, "1. Potassium", T);
    int today_row, first_row, col;
    VT_ASSERT(vt, vt_find(vt, "Speak to someone today", &today_row, &col));
    VT_ASSERT(vt, vt_find(vt, "1. Potassium", &first_row, &col));
    VT_ASSERT(vt, today_row < first_row);
    char *line = vt_row(vt, first_row);
    VT_ASSERT(vt, strstr(line, "Possible") != NULL || strstr(line, "Likely") != NULL);
    free(line);
}

static void red_flag_stop_quits(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "Call an ambulance now", T);
    vt_key(vt, VT_KEY_RIGHT);
    vt_send(vt, VT_ENTER);
    expect_exit(vt, 0);
}

static void resize_during_a_question_keeps_answers(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    vt_send(vt, "n");
    wait_question(vt, 2);
    /* "Question 2" is on the screen before the redraw too: wait for the
     * program to finish drawing at the new size (the long question 2 takes
     * a few writes). */
    vt_resize(vt, 40, 120);
    VT_ASSERT(vt, vt_wait_redraw(vt, 150, T));
    VT_ASSERT_TEXT(vt, "Question 2 of 40", T);
    int row, col;
    VT_ASSERT(vt, vt_find(vt, "Muscle weakness self-check", &row, &col));
    VT_ASSERT(vt, vt_find(vt, "Not sure", &row, &col) && row < 39);
    vt_resize(vt, 20, 60);
    VT_ASSERT(vt, vt_wait_redraw(vt, 150, T));
    VT_ASSERT_TEXT(vt, "Question 2 of 40", T);
    VT_ASSERT(vt, vt_find(vt, "Not sure", &row, &col) && row < 19 && col < 60);
    VT_ASSERT(vt, vt_find(vt, "y/n/u answer", &row, &col) && row == 19); /* the key line */
    vt_send(vt, "b");
    wait_question(vt, 1);
    VT_ASSERT_TEXT(vt, "No \xE2\x9C\x93", T);
}

static void resize_on_the_results(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    answer_file(vt, "vitamin_b12.txt");
    VT_ASSERT_TEXT(vt, "1. Vitamin B12", T);
    vt_resize(vt, 60, 200);
    VT_ASSERT_TEXT(vt, "Healthy nerves", T); /* the taller window shows the details */
    VT_ASSERT_TEXT(vt, "1. Vitamin B12", T);
    vt_resize(vt, 24, 80);
    VT_ASSERT_GONE(vt, "General advice", T);
    VT_ASSERT_TEXT(vt, "1. Vitamin B12", T);
    vt_send(vt, "t");
    VT_ASSERT_TEXT(vt, "The five deficiencies side by side", T);
    VT_ASSERT_TEXT(vt, "Vitamin B12", T);
    vt_resize(vt, 30, 50);
    VT_ASSERT_TEXT(vt, "The five deficiencies side by side", T);
    vt_send(vt, "t");
    VT_ASSERT_TEXT(vt, "1. Vitamin B12", T);
}

/* A window too narrow for the four buttons under the results in one row
 * puts them on two: every one stays on the screen and can be clicked. */
static void narrow_results_keep_every_button(void **state)
{
    struct vt *vt = start_env(state, 24, 60, NULL);
    vt_send(vt, VT_ENTER);
    answer_file(vt, "all-no.txt");
    VT_ASSERT_TEXT(vt, "Your results", T);
    const char *labels[] = {"Start again", "Comparison table", "Save summary", "[ Quit ]"};
    int rows[4], col;
    for (int i = 0; i < 4; i++) {
        VT_ASSERT_TEXT(vt, labels[i], T);
        VT_ASSERT(vt, vt_find(vt, labels[i], &rows[i], &col));
        VT_ASSERT(vt, rows[i] < 23); /* above the key line */
    }
    VT_ASSERT(vt, rows[0] < rows[3]); /* two rows of buttons */
    /* The results above them still scroll. */
    VT_ASSERT_TEXT(vt, "More below", T);
    /* A button on the second row answers a click: "Quit" asks first. */
    VT_ASSERT(vt, vt_find(vt, "[ Quit ]", &rows[3], &col));
    VT_ASSERT(vt, vt_click(vt, rows[3], col + 3) == 0);
    VT_ASSERT_TEXT(vt, "Quit now?", T);
}

static void too_small_then_recovers(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    vt_resize(vt, 10, 30);
    VT_ASSERT_TEXT(vt, "Please make this", T);
    vt_send(vt, "y"); /* ignored while nothing can be seen */
    VT_ASSERT(vt, vt_wait_quiet(vt, 200, T));
    vt_resize(vt, 24, 80);
    VT_ASSERT_TEXT(vt, "Question 1 of 40", T);
    VT_ASSERT_GONE(vt, "Please make this", T);
    vt_resize(vt, 1, 1);
    VT_ASSERT(vt, vt_wait_quiet(vt, 100, T));
    vt_resize(vt, 24, 80);
    VT_ASSERT_TEXT(vt, "Question 1 of 40", T);
}

static void quit_asks_first(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    vt_send(vt, "q");
    VT_ASSERT_TEXT(vt, "Quit now?", T);
    vt_send(vt, "n");
    VT_ASSERT_GONE(vt, "Quit now?", T);
    VT_ASSERT_TEXT(vt, "Question 1 of 40", T);
    vt_key(vt, VT_KEY_ESC);
    VT_ASSERT_TEXT(vt, "Quit now?", T);
    vt_send(vt, VT_ENTER); /* "No" is focused: a stray Enter does not quit */
    VT_ASSERT_GONE(vt, "Quit now?", T);
    vt_send(vt, "q");
    VT_ASSERT_TEXT(vt, "Quit now?", T);
    vt_send(vt, "y");
    expect_exit(vt, 0);
}

static void signals_restore_the_terminal(void **state)
{
    const struct {
        int sig;
        const char *keys;
    } cases[] = {{SIGTERM, NULL}, {SIGHUP, NULL}, {SIGINT, VT_CTRL_C}};
    for (size_t i = 0; i < 3; i++) {
        struct vt *vt = start(state);
        vt_send(vt, VT_ENTER);
        wait_question(vt, 1);
        if (cases[i].keys != NULL)
            vt_send(vt, cases[i].keys);
        else
            vt_kill(vt, cases[i].sig);
        expect_exit(vt, 128 + cases[i].sig);
        vt_free(vt);
        *state = NULL;
    }
}

static void mouse_clicks_choose(void **state)
{
    struct vt *vt = start(state);
    int row, col;
    VT_ASSERT(vt, vt_find(vt, "Press Enter to start", &row, &col));
    VT_ASSERT(vt, vt_click(vt, row, col + 2) == 0);
    wait_question(vt, 1);
    VT_ASSERT_TEXT(vt, "Not sure", T);
    VT_ASSERT(vt, vt_find(vt, "Not sure", &row, &col));
    vt_click(vt, row, col + 1);
    wait_question(vt, 2);
    vt_send(vt, "b");
    wait_question(vt, 1);
    VT_ASSERT_TEXT(vt, "Not sure \xE2\x9C\x93", T);
}

static void help_shows_why_we_ask(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    vt_send(vt, "?");
    VT_ASSERT_TEXT(vt, "Press any key to go back", T);
    VT_ASSERT_TEXT(vt, "Backspace or b go back", T);
    vt_send(vt, "x");
    VT_ASSERT_GONE(vt, "Press any key to go back", T);
    vt_key(vt, VT_KEY_F1);
    VT_ASSERT_TEXT(vt, "Press any key to go back", T);
}

static void start_again_forgets_the_answers(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    answer_file(vt, "magnesium.txt");
    VT_ASSERT_TEXT(vt, "1. Magnesium", T);
    vt_send(vt, "r");
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    VT_ASSERT(vt, !vt_wait_text(vt, "\xE2\x9C\x93", T_SHORT)); /* no answer marked */
}

static void monochrome_with_no_color(void **state)
{
    char *env[] = {"NO_COLOR=1", NULL};
    struct vt *vt = start_env(state, 24, 80, env);
    vt_send(vt, VT_ENTER);
    wait_question(vt, 1);
    int row, col;
    VT_ASSERT_TEXT(vt, "Not sure", T);
    VT_ASSERT(vt, vt_find(vt, "Yes", &row, &col));
    /* The focused choice is shown by reverse video, not by colour. */
    VT_ASSERT(vt, vt_cell_reverse(vt, row, col));
    VT_ASSERT(vt, vt_cell_fg(vt, row, col) == VT_COLOR_DEFAULT);
    VT_ASSERT_TEXT(vt, "Not sure", T);
    VT_ASSERT(vt, vt_find(vt, "Not sure", &row, &col));
    VT_ASSERT(vt, !vt_cell_reverse(vt, row, col));
}

static void unknown_terminal_type_is_explained(void **state)
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[] = {(char *)binary, "--questions", questions, NULL};
    /* curses keeps the screen it allocated before finding out that the
     * terminal is unknown; that is the library's leak, not ours. */
    char *env[] = {"TERM=no-such-terminal", "ASAN_OPTIONS=detect_leaks=0", NULL};
    struct vt *vt = vt_spawn(argv, env, 24, 80);
    *state = vt;
    VT_ASSERT_TEXT(vt, "TERM", T);
    VT_ASSERT_TEXT(vt, "--batch", T);
    int status = 0;
    VT_ASSERT(vt, vt_wait_exit(vt, T, &status) == 0);
    VT_ASSERT(vt, WIFEXITED(status) && WEXITSTATUS(status) == 69);
}

static void wide_characters_wrap_by_display_width(void **state)
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/tests/data/questions/wide.yaml", source_dir);
    char *argv[] = {(char *)binary, "--questions", questions, NULL};
    struct vt *vt = vt_spawn(argv, NULL, 20, 50);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "質問 1 / 1", T);
    VT_ASSERT_TEXT(vt, "わからない", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 30, T));
    /* Every row of the question keeps whole characters and fits 50 columns;
     * the Latin words come through intact. */
    int row, col;
    VT_ASSERT(vt, vt_find(vt, "最近、", &row, &col));
    for (int r = row; r < row + 4; r++) {
        struct vt_cell cell;
        VT_ASSERT(vt, vt_cell(vt, r, 49, &cell));
        VT_ASSERT(vt, cell.width != 2); /* no wide character split at the edge */
    }
    VT_ASSERT_TEXT(vt, "brûlée", T);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "1. 鉄分", T);
    /* The band's own (wide) word: three points of a sign make it "high". */
    VT_ASSERT(vt, vt_find(vt, "1. 鉄分", &row, &col));
    char *line = vt_row(vt, row);
    VT_ASSERT(vt, strstr(line, "高い") != NULL);
    free(line);
}

static void save_summary_never_overwrites_without_asking(void **state)
{
    char dir[] = "/tmp/mc-save-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(dir), 0); /* the default place is the current folder */
    struct vt *vt = start(state);
    assert_int_equal(chdir(cwd), 0);
    vt_send(vt, VT_ENTER);
    answer_file(vt, "iron.txt");
    VT_ASSERT_TEXT(vt, "Save summary", T);
    vt_send(vt, "s");
    VT_ASSERT_TEXT(vt, "musclecheck-summary-", T);
    /* A name of one's own: erase the suggestion and type another. */
    for (int i = 0; i < 40; i++)
        vt_send(vt, VT_BACKSPACE);
    vt_send(vt, "for-dr.txt\r");
    VT_ASSERT_TEXT(vt, "Saved to", T);
    VT_ASSERT_TEXT(vt, "for-dr.txt", T);
    char file[128];
    snprintf(file, sizeof(file), "%s/for-dr.txt", dir);
    FILE *fp = fopen(file, "r");
    assert_non_null(fp);
    char text[8192];
    size_t n = fread(text, 1, sizeof(text) - 1, fp);
    text[n] = '\0';
    fclose(fp);
    VT_ASSERT(vt, strstr(text, "1. Iron: Likely") != NULL);
    VT_ASSERT(vt, strstr(text, "Summary for your doctor") != NULL);
    VT_ASSERT(vt, strstr(text, "%") == NULL);
    /* Saving again under the same name asks first; "n" keeps the file. */
    vt_send(vt, "x");
    vt_send(vt, "s");
    VT_ASSERT_TEXT(vt, "musclecheck-summary-", T);
    for (int i = 0; i < 40; i++)
        vt_send(vt, VT_BACKSPACE);
    vt_send(vt, "for-dr.txt\r");
    VT_ASSERT_TEXT(vt, "Replace it?", T);
    vt_send(vt, "n");
    VT_ASSERT_GONE(vt, "Replace it?", T);
    vt_key(vt, VT_KEY_ESC);
    VT_ASSERT_GONE(vt, "Save the summary as", T);
    VT_ASSERT_TEXT(vt, "1. Iron", T);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(walk_all_no, teardown),
        cmocka_unit_test_teardown(iron_answers_rank_iron_first_with_its_foods, teardown),
        cmocka_unit_test_teardown(back_shows_and_changes_the_earlier_answer, teardown),
        cmocka_unit_test_teardown(follow_up_questions_change_the_total, teardown),
        cmocka_unit_test_teardown(red_flag_shows_urgent_advice_first, teardown),
        cmocka_unit_test_teardown(every_emergency_question_stops, teardown),
        cmocka_unit_test_teardown(same_day_goes_on_and_leads_the_results, teardown),
        cmocka_unit_test_teardown(emergency_rule_after_a_same_day_sign_stops, teardown),
        cmocka_unit_test_teardown(same_day_rule_leads_the_results, teardown),
        cmocka_unit_test_teardown(not_sure_to_an_emergency_goes_on, teardown),
        cmocka_unit_test_teardown(red_flag_stop_quits, teardown),
        cmocka_unit_test_teardown(resize_during_a_question_keeps_answers, teardown),
        cmocka_unit_test_teardown(resize_on_the_results, teardown),
        cmocka_unit_test_teardown(narrow_results_keep_every_button, teardown),
        cmocka_unit_test_teardown(too_small_then_recovers, teardown),
        cmocka_unit_test_teardown(quit_asks_first, teardown),
        cmocka_unit_test_teardown(signals_restore_the_terminal, teardown),
        cmocka_unit_test_teardown(mouse_clicks_choose, teardown),
        cmocka_unit_test_teardown(help_shows_why_we_ask, teardown),
        cmocka_unit_test_teardown(start_again_forgets_the_answers, teardown),
        cmocka_unit_test_teardown(monochrome_with_no_color, teardown),
        cmocka_unit_test_teardown(unknown_terminal_type_is_explained, teardown),
        cmocka_unit_test_teardown(wide_characters_wrap_by_display_width, teardown),
        cmocka_unit_test_teardown(save_summary_never_overwrites_without_asking, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
