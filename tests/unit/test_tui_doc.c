/* SPDX-License-Identifier: MIT */
/* The results screen lays out the same results document as the text
 * renderers: for several answer files, the words on screen (less the score
 * bars) are the words of --format text, in the same order. */
#include "support.h"

#include "doc.h"

#include "musclecheck/answers.h"
#include "musclecheck/flow.h"
#include "musclecheck/loader.h"
#include "musclecheck/output.h"
#include "musclecheck/readfile.h"
#include "musclecheck/wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends the words of TEXT (LEN bytes) to OUT, one space between words,
 * dropping the bullet and warning marks that only the text form has. */
static void words(char **out, size_t *len, const char *text, size_t n)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && (text[i] == ' ' || text[i] == '\n'))
            i++;
        size_t start = i;
        while (i < n && text[i] != ' ' && text[i] != '\n')
            i++;
        size_t w = i - start;
        if (w == 0 || (w == 1 && text[start] == '-') || (w == 2 && !strncmp(text + start, "!!", 2)))
            continue;
        *out = realloc(*out, *len + w + 2);
        memcpy(*out + *len, text + start, w);
        *len += w;
        (*out)[(*len)++] = ' ';
        (*out)[*len] = '\0';
    }
}

static bool is_rank_line(const char *l)
{
    while (*l == ' ')
        l++;
    if (*l < '0' || *l > '9')
        return false;
    while (*l >= '0' && *l <= '9')
        l++;
    return l[0] == '.' && l[1] == ' ';
}

static void screen_says_what_the_text_says(void **state)
{
    (void)state;
    struct diag_list *diags = diag_list_new(NULL);
    struct survey *s = NULL;
    assert_int_equal(survey_load_file(support_path("questions/en.yaml"), &s, diags), LOAD_OK);
    const char *files[] = {"iron.txt", "vitamin_d.txt", "all-no.txt", "red-flag.txt",
                           "potassium.txt"};
    for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
        char rel[128];
        snprintf(rel, sizeof(rel), "tests/data/answers/%s", files[f]);
        char *buf = NULL;
        size_t n = 0;
        assert_int_equal(readfile(support_path(rel), 1 << 20, &buf, &n, diags), READ_OK);
        struct session *given = session_new(s);
        assert_int_equal(answers_parse(given, buf, n, diags), 0);
        struct flow *fl = flow_new(s);
        flow_replay(fl, given);
        struct report *r = report_new(flow_session(fl));
        struct results_doc *d = results_doc_new(r, flow_session(fl), false);

        char *text = NULL;
        size_t text_len = 0;
        FILE *out = open_memstream(&text, &text_len);
        assert_int_equal(output_doc_text(out, d, RDOC_RESULTS_SECTIONS, 400),
                         0); /* one line per rank row */
        fclose(out);
        char *want = calloc(1, 1), *got = calloc(1, 1);
        size_t want_len = 0, got_len = 0;
        for (char *save = NULL, *l = strtok_r(text, "\n", &save); l != NULL;
             l = strtok_r(NULL, "\n", &save))
            if (!is_rank_line(l))
                words(&want, &want_len, l, strlen(l));

        struct doc screen;
        doc_results(&screen, d, 60);
        for (size_t i = 0; i < screen.count; i++)
            if (screen.lines[i].kind != DOC_SCORE && screen.lines[i].text != NULL)
                words(&got, &got_len, screen.lines[i].text, strlen(screen.lines[i].text));
        if (strcmp(want, got) != 0) {
            size_t at = 0;
            while (want[at] == got[at])
                at++;
            at = at > 40 ? at - 40 : 0;
            fail_msg("%s: the screen and the text differ:\nscreen: ...%.120s\ntext:   ...%.120s",
                     files[f], got + at, want + at);
        }
        doc_free(&screen);
        free(want);
        free(got);
        free(text);
        results_doc_free(d);
        report_free(r);
        flow_free(fl);
        session_free(given);
        free(buf);
    }
    survey_free(s);
    diag_list_free(diags);
}

/* On an 80x24 terminal the question screen shows the text from row 4 to
 * the row above the buttons (3 rows high, their top at row 19), 76 columns
 * wide (screen_question.c, widget_content). When the question and its
 * "Why we ask" do not fit together there, the text scrolls and its last row
 * holds "More below", leaving 13 rows: a warning sign on a 14th row would
 * be hidden until the patient pages down, so every bundled question must
 * fit whole in 13 rows of 76 columns. */
static void every_question_fits_an_80x24_screen(void **state)
{
    (void)state;
    static const char *const files[] = {"questions/en.yaml", "questions/es.yaml"};
    for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
        struct diag_list *diags = diag_list_new(NULL);
        struct survey *s = NULL;
        assert_int_equal(survey_load_file(support_path(files[f]), &s, diags), LOAD_OK);
        for (size_t q = 0; q < survey_question_count(s); q++) {
            struct wrap_line *lines = NULL;
            size_t n = wrap_text(survey_question(s, q)->text, 76, &lines);
            free(lines);
            if (n > 13)
                fail_msg("%s: question %s takes %zu rows at 76 columns, more than the 13 an "
                         "80x24 screen has for it",
                         files[f], survey_question(s, q)->id, n);
        }
        survey_free(s);
        diag_list_free(diags);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(screen_says_what_the_text_says),
        cmocka_unit_test(every_question_fits_an_80x24_screen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
