/* SPDX-License-Identifier: MIT */
/* support: helpers shared by the unit tests. */
#include "support.h"

#include "musclecheck/loader.h"
#include "sample.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char base[] = "format: 2\n"                                          /* 1 */
                           "id: test\n"                                           /* 2 */
                           "version: \"1\"\n"                                     /* 3 */
                           "language: en\n"                                       /* 4 */
                           "title: Test\n"                                        /* 5 */
                           "intro: Hello.\n"                                      /* 6 */
                           "disclaimer: Not a diagnosis.\n"                       /* 7 */
                           "no_findings: Nothing found.\n"                        /* 8 */
                           "review_status: reviewed\n"                            /* 9 */
                           "bands:\n"                                             /* 10 */
                           "  - {id: unlikely, label: Unlikely, min_points: 0}\n" /* 11 */
                           "  - {id: possible, label: Possible, min_points: 3}\n" /* 12 */
                           "  - {id: likely, label: Likely, min_points: 5}\n"     /* 13 */
                           "advice:\n"                                            /* 14 */
                           "  - Drink water.\n"                                   /* 15 */
                           "conditions:\n"                                        /* 16 */
                           "  - id: alpha\n"                                      /* 17 */
                           "    name: Alpha\n"                                    /* 18 */
                           "    role: Does A\n"                                   /* 19 */
                           "    muscle_symptoms: Weak\n"                          /* 20 */
                           "    other_symptoms: Tired\n"                          /* 21 */
                           "    foods: [apples]\n"                                /* 22 */
                           "    tips: [eat apples]\n"                             /* 23 */
                           "  - id: beta\n"                                       /* 24 */
                           "    name: Beta\n"                                     /* 25 */
                           "    role: Does B\n"                                   /* 26 */
                           "    muscle_symptoms: Cramps\n"                        /* 27 */
                           "    other_symptoms: Pale\n"                           /* 28 */
                           "    foods: [beans]\n    tips: [eat beans]\n"          /* 29, 30 */
                           "questions:\n";                                        /* 31 */

char *support_yaml(const char *questions)
{
    char *out = NULL;
    if (asprintf(&out, "%s%s", base, questions) < 0)
        fail_msg("out of memory");
    return out;
}

static struct survey *load(const char *yaml, struct diag_list *diags)
{
    return survey_load_buffer("test.yaml", yaml, strlen(yaml), diags);
}

struct survey *support_load_ok(const char *yaml)
{
    struct diag_list *diags = diag_list_new("test.yaml");
    struct survey *s = load(yaml, diags);
    if (s == NULL) {
        diag_print(diags, stderr);
        fail_msg("expected the file to load");
    }
    diag_list_free(diags);
    return s;
}

void support_expect_error(const char *yaml, int line, int column, const char *needle)
{
    struct diag_list *diags = diag_list_new("test.yaml");
    struct survey *s = load(yaml, diags);
    bool found = false;
    for (size_t i = 0; i < diag_kept(diags); i++) {
        const struct diag *d = diag_get(diags, i);
        if (d->line == line && (column == 0 || d->column == column) &&
            strstr(d->message, needle) != NULL)
            found = true;
    }
    if (s != NULL || !found) {
        diag_print(diags, stderr);
        survey_free(s);
        diag_list_free(diags);
        fail_msg("expected an error at %d:%d containing \"%s\"", line, column, needle);
    }
    diag_list_free(diags);
}

struct session *support_session(const struct survey *s, const char *answers)
{
    struct session *se = session_new(s);
    assert_non_null(se);
    char *copy = strdup(answers);
    char *save = NULL;
    for (char *tok = strtok_r(copy, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save)) {
        char *eq = strchr(tok, '=');
        assert_non_null(eq);
        *eq = '\0';
        long q = survey_find_question(s, tok);
        if (q < 0)
            fail_msg("no question %s", tok);
        enum answer a;
        assert_true(answer_parse(eq + 1, &a));
        session_set_answer(se, (size_t)q, a);
    }
    free(copy);
    return se;
}

struct survey *support_sample;

int support_sample_setup(void **state)
{
    (void)state;
    char *yaml = support_yaml(sample_questions);
    support_sample = support_load_ok(yaml);
    free(yaml);
    return 0;
}

int support_sample_teardown(void **state)
{
    (void)state;
    survey_free(support_sample);
    support_sample = NULL;
    return 0;
}

const char *support_path(const char *relative)
{
    static char buf[4096];
    snprintf(buf, sizeof(buf), "%s/%s", MC_SOURCE_DIR, relative);
    return buf;
}

struct survey *support_model_load(void)
{
    return support_load_ok(model_yaml);
}
