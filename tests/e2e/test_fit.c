/* SPDX-License-Identifier: MIT */
/* No text is cut: at the smallest size the screens are laid out for, every
 * question of a whole walk (not counted: it goes on until the results) is
 * shown without "...", and one too long for the rows above its answers
 * scrolls with PgDn to its end and back with PgUp. The safety texts (the
 * welcome screen's disclaimer with the emergency numbers, and each
 * emergency question's advice) can be read whole, every sentence of them on
 * one page, turning the pages with the keys the screen names, at the
 * smallest size and at 80x24, in the normal screens and in the kiosk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

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

/* No row of the screen ends with "...": nothing was cut. */
static void nothing_cut(struct vt *vt)
{
    int rows, cols;
    vt_size(vt, &rows, &cols);
    for (int r = 0; r < rows; r++) {
        char *row = vt_row(vt, r);
        size_t n = strlen(row);
        bool cut = n >= 3 && strcmp(row + n - 3, "...") == 0;
        free(row);
        if (cut) {
            vt_dump(vt, stderr);
            fail_msg("row %d is cut", r);
        }
    }
}

static void walk_at(void **state, int rows, int cols, const char *key)
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[] = {(char *)binary, "--questions", questions, NULL};
    struct vt *vt = vt_spawn(argv, NULL, rows, cols);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    vt_send(vt, VT_ENTER);
    int scrolled = 0;
    for (int n = 0; n < 120; n++) {
        VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
        if (vt_find(vt, "Your results", NULL, NULL)) {
            print_message("%dx%d: %d questions scrolled\n", cols, rows, scrolled);
            return;
        }
        VT_ASSERT_TEXT(vt, "Question ", T);
        nothing_cut(vt);
        if (vt_find(vt, "More below: press PgDn", NULL, NULL)) {
            scrolled++;
            for (int i = 0; i < 20 && !vt_find(vt, "The beginning is above", NULL, NULL); i++) {
                vt_key(vt, VT_KEY_PGDN);
                VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
                nothing_cut(vt);
            }
            VT_ASSERT_TEXT(vt, "The beginning is above", T);
            /* The answers are still there, and the focus with them. */
            VT_ASSERT(vt, vt_find(vt, "Yes", NULL, NULL));
            for (int i = 0; i < 20 && !vt_find(vt, "More below: press PgDn", NULL, NULL); i++) {
                vt_key(vt, VT_KEY_PGUP);
                VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
            }
            VT_ASSERT_TEXT(vt, "More below: press PgDn", T);
        }
        vt_send(vt, key);
    }
    fail_msg("no results after 120 answers");
}

static void no_question_is_cut_at_the_smallest_size(void **state)
{
    walk_at(state, 15, 50, "n");
}

static void no_question_is_cut_at_80x24(void **state)
{
    walk_at(state, 24, 80, "u");
}

/* TEXT with every run of white space made one space, and no space at
 * either end (a new string). */
static char *squeeze(const char *text)
{
    char *out = malloc(strlen(text) + 1);
    assert_non_null(out);
    size_t n = 0;
    for (const char *p = text; *p != '\0'; p++) {
        bool space = *p == ' ' || *p == '\n' || *p == '\t';
        if (space && (n == 0 || out[n - 1] == ' '))
            continue;
        out[n++] = space ? ' ' : *p;
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return out;
}

/* What COMMAND prints (a new string); fails the test unless it exits 0. */
static char *output_of(const char *command)
{
    FILE *p = popen(command, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    size_t got;
    while ((got = fread(out + n, 1, cap - 1 - n, p)) > 0) {
        n += got;
        if (n + 1 == cap) {
            cap *= 2;
            out = realloc(out, cap);
            assert_non_null(out);
        }
    }
    out[n] = '\0';
    assert_int_equal(pclose(p), 0);
    return out;
}

/* The disclaimer as the program prints it at the end of a summary (its
 * last paragraph), white space squeezed. */
static char *disclaimer(void)
{
    char command[8192];
    snprintf(command, sizeof(command),
             "printf '' | '%s' --batch --format summary --questions '%s/questions/en.yaml'", binary,
             source_dir);
    char *summary = output_of(command);
    char *end = summary + strlen(summary);
    while (end > summary && end[-1] == '\n')
        *--end = '\0';
    char *last = strstr(summary, "\n\n");
    for (char *p = last; p != NULL; p = strstr(p + 2, "\n\n"))
        last = p;
    assert_non_null(last);
    char *text = squeeze(last + 2);
    free(summary);
    assert_non_null(strstr(text, "999"));
    return text;
}

/* The emergency questions at the start of the bundled questionnaire
 * (--list --format json): each one's advice and level. */
struct emergency {
    char advice[2048];
    char level[32];
};

static size_t emergencies(struct emergency *e, size_t max)
{
    char command[8192];
    snprintf(command, sizeof(command),
             "'%s' --list --format json --questions '%s/questions/en.yaml'", binary, source_dir);
    char *json = output_of(command);
    cJSON *list = cJSON_Parse(json);
    free(json);
    assert_non_null(list);
    size_t n = 0;
    const cJSON *q;
    cJSON_ArrayForEach(q, list)
    {
        const char *advice = cJSON_GetStringValue(cJSON_GetObjectItem(q, "red_flag"));
        const char *level = cJSON_GetStringValue(cJSON_GetObjectItem(q, "red_flag_level"));
        if (advice == NULL || level == NULL || strcmp(level, "same_day") == 0 || n == max)
            break;
        char *text = squeeze(advice);
        snprintf(e[n].advice, sizeof(e[n].advice), "%s", text);
        snprintf(e[n].level, sizeof(e[n].level), "%s", level);
        free(text);
        n++;
    }
    cJSON_Delete(list);
    return n;
}

enum { MAX_PAGES = 20 };

/* The screen's text as one line, white space squeezed (a new string). */
static char *page_text(struct vt *vt)
{
    char *screen = vt_screen(vt);
    char *text = squeeze(screen);
    free(screen);
    return text;
}

/* Reads every page of the screen shown, turning them with PgDn while the
 * screen says there is more, and back to the first with PgUp; each page
 * must still show STAYS and cut nothing. Stores each page's text in PAGES
 * (free them) and returns how many there are. */
static int read_pages(struct vt *vt, const char *stays, char *pages[MAX_PAGES])
{
    int n = 0;
    for (;;) {
        VT_ASSERT_TEXT(vt, stays, T);
        nothing_cut(vt);
        assert_true(n < MAX_PAGES);
        pages[n++] = page_text(vt);
        if (!vt_find(vt, "More below: press PgDn", NULL, NULL))
            break;
        vt_key(vt, VT_KEY_PGDN);
        VT_ASSERT(vt, vt_wait_redraw(vt, 50, T));
    }
    if (n > 1) {
        VT_ASSERT_TEXT(vt, "The beginning is above: press PgUp", T);
        for (int i = 1; i < n; i++) {
            vt_key(vt, VT_KEY_PGUP);
            VT_ASSERT(vt, vt_wait_redraw(vt, 50, T));
        }
        char *first = page_text(vt);
        assert_string_equal(first, pages[0]);
        free(first);
    }
    return n;
}

/* Every sentence of TEXT (squeezed) is whole on one of the N PAGES. */
static void sentences_whole(struct vt *vt, const char *what, const char *text, char **pages, int n)
{
    const char *start = text;
    while (*start != '\0') {
        /* A sentence ends at ". " (or "? ", "! ") before a capital, or at the end. */
        const char *end = start;
        while (end[0] != '\0' && !(strchr(".?!", end[0]) != NULL && end[1] == ' ' &&
                                   !(end[2] >= 'a' && end[2] <= 'z')))
            end++;
        if (end[0] != '\0')
            end++;
        char sentence[1024];
        snprintf(sentence, sizeof(sentence), "%.*s", (int)(end - start), start);
        bool found = false;
        for (int i = 0; i < n && !found; i++)
            found = strstr(pages[i], sentence) != NULL;
        if (!found) {
            vt_dump(vt, stderr);
            fail_msg("%s: not whole on any of %d pages: \"%s\"", what, n, sentence);
        }
        start = *end == ' ' ? end + 1 : end;
    }
}

static void free_pages(char **pages, int n)
{
    for (int i = 0; i < n; i++)
        free(pages[i]);
}

/* Starts musclecheck at ROWS x COLS: on the English questions, or with
 * --kiosk when KIOSK, as the packaged kiosk does (on the bundled ones, with
 * the choice of language above the text). */
static struct vt *start(void **state, int rows, int cols, bool kiosk)
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *normal[] = {(char *)binary, "--questions", questions, NULL};
    char *in_kiosk[] = {(char *)binary, "--kiosk", NULL};
    char **argv = kiosk ? in_kiosk : normal;
    vt_free(*state);
    struct vt *vt = vt_spawn(argv, NULL, rows, cols);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    VT_ASSERT(vt, !kiosk || vt_find(vt, "Español", NULL, NULL));
    return vt;
}

static void safety_text_is_whole(void **state, int rows, int cols, bool kiosk)
{
    char *pages[MAX_PAGES];
    char *disclaimer_text = disclaimer();
    struct vt *vt = start(state, rows, cols, kiosk);
    int n = read_pages(vt, "Press Enter to start", pages);
    sentences_whole(vt, "the disclaimer", disclaimer_text, pages, n);
    print_message("%dx%d%s: the welcome screen in %d pages\n", cols, rows, kiosk ? " kiosk" : "",
                  n);
    free_pages(pages, n);
    free(disclaimer_text);

    static struct emergency e[16];
    size_t count = emergencies(e, 16);
    bool ambulance = false, ae = false;
    for (size_t q = 0; q < count; q++) {
        ambulance |= strcmp(e[q].level, "ambulance") == 0;
        ae |= strcmp(e[q].level, "ae") == 0;
        vt = start(state, rows, cols, kiosk);
        vt_send(vt, VT_ENTER);
        for (size_t i = 0; i < q; i++) {
            char question[48];
            snprintf(question, sizeof(question), "Question %zu of", i + 1);
            VT_ASSERT_TEXT(vt, question, T);
            vt_send(vt, "n");
            snprintf(question, sizeof(question), "Question %zu of", i + 2);
            VT_ASSERT_TEXT(vt, question, T);
        }
        vt_send(vt, "y");
        const char *title =
            strcmp(e[q].level, "ambulance") == 0 ? "Call an ambulance now" : "Go to A&E";
        VT_ASSERT_TEXT(vt, title, T);
        VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
        n = read_pages(vt, title, pages);
        char what[96];
        snprintf(what, sizeof(what), "emergency question %zu (%s)", q + 1, e[q].level);
        sentences_whole(vt, what, e[q].advice, pages, n);
        if (kiosk)
            sentences_whole(vt, what, "Please go to the reception desk now and show this screen.",
                            pages, n);
        print_message("%dx%d%s: %s in %d pages\n", cols, rows, kiosk ? " kiosk" : "", what, n);
        free_pages(pages, n);
    }
    assert_true(ambulance && ae);
}

static void safety_text_at_the_smallest_size(void **state)
{
    safety_text_is_whole(state, 15, 50, false);
}

static void safety_text_at_80x24(void **state)
{
    safety_text_is_whole(state, 24, 80, false);
}

static void safety_text_in_the_kiosk_at_the_smallest_size(void **state)
{
    safety_text_is_whole(state, 15, 50, true);
}

static void safety_text_in_the_kiosk_at_80x24(void **state)
{
    safety_text_is_whole(state, 24, 80, true);
}

/* A touch screen has no PgDn key: a tap on the "More below" line turns the
 * page, and a tap on "The beginning is above" turns it back (the welcome
 * screen in the kiosk, at the smallest size, where its text pages). */
static void a_tap_on_the_hint_turns_the_page(void **state)
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[] = {(char *)binary, "--kiosk", "--questions", questions, NULL};
    struct vt *vt = vt_spawn(argv, NULL, 15, 50);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "More below: press PgDn or tap here", T);
    int row, col, taps = 0;
    while (!vt_find(vt, "The beginning is above", NULL, NULL) && taps < 10) {
        VT_ASSERT(vt, vt_find(vt, "More below", &row, &col));
        char *before = vt_row(vt, 3);
        VT_ASSERT(vt, vt_click(vt, row, col + 3) == 0);
        VT_ASSERT(vt, vt_wait_redraw(vt, 100, T));
        char *after = vt_row(vt, 3);
        VT_ASSERT(vt, strcmp(before, after) != 0); /* each tap turned a page */
        free(before);
        free(after);
        taps++;
    }
    VT_ASSERT_TEXT(vt, "The beginning is above: press PgUp or tap here", T);
    VT_ASSERT(vt, !vt_find(vt, "Question 1 of", NULL, NULL)); /* no tap answered anything */
    VT_ASSERT(vt, vt_find(vt, "The beginning is above", &row, &col));
    VT_ASSERT(vt, vt_click(vt, row, col + 3) == 0);
    VT_ASSERT_TEXT(vt, "More below: press PgDn or tap here", T);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(no_question_is_cut_at_the_smallest_size, teardown),
        cmocka_unit_test_teardown(no_question_is_cut_at_80x24, teardown),
        cmocka_unit_test_teardown(safety_text_at_the_smallest_size, teardown),
        cmocka_unit_test_teardown(safety_text_at_80x24, teardown),
        cmocka_unit_test_teardown(safety_text_in_the_kiosk_at_the_smallest_size, teardown),
        cmocka_unit_test_teardown(safety_text_in_the_kiosk_at_80x24, teardown),
        cmocka_unit_test_teardown(a_tap_on_the_hint_turns_the_page, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
