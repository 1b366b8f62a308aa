/* SPDX-License-Identifier: MIT */
/* run_cases: the clinical validation suite. Each case in a cases file is a
 * person's symptoms and risk factors turned into answers; the runner walks
 * the questionnaire as that person would (through the flow every front end
 * uses), builds the report, and checks what the case expects: the triage
 * level at least, no deficiency flagged, the right one first, the right two
 * on top, an other cause named. Usage: run_cases QUESTIONS CASES...
 * Prints one line per failing case, a summary by kind, and a closing
 * "N passed, N failed" line; exits 1 when any case fails. */
#include "musclecheck/flow.h"
#include "musclecheck/loader.h"
#include "musclecheck/readfile.h"
#include "musclecheck/report.h"
#include "musclecheck/ytree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The value under KEY in mapping NODE, or NULL. */
static const struct ynode *get(const struct ynode *node, const char *key)
{
    if (node == NULL || node->kind != YNODE_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < node->count; i += 2)
        if (node->items[i].kind == YNODE_SCALAR && strcmp(node->items[i].value, key) == 0)
            return &node->items[i + 1];
    return NULL;
}

static const char *text(const struct ynode *node)
{
    return node != NULL && node->kind == YNODE_SCALAR ? node->value : NULL;
}

/* The answer the case gives question Q: its own, or the default. */
static enum answer answer_for(const struct ynode *answers, const char *id, enum answer dflt)
{
    enum answer a;
    const char *given = text(get(answers, id));
    return given != NULL && answer_parse(given, &a) ? a : dflt;
}

static long condition_index(const struct survey *s, const char *id)
{
    for (size_t c = 0; c < survey_condition_count(s); c++)
        if (strcmp(survey_condition(s, c)->id, id) == 0)
            return (long)c;
    return -1;
}

/* Where condition C ranks (0 first), and whether it is flagged. */
static size_t rank_of(const struct report *r, long c, bool *flagged)
{
    for (size_t i = 0; i < r->result_count; i++)
        if ((long)r->results[i].score.condition == c) {
            *flagged = r->results[i].flagged;
            return i;
        }
    *flagged = false;
    return r->result_count;
}

/* Checks case NODE; returns NULL when it passes, else why not (static). */
static const char *check_case(const struct survey *s, const struct ynode *node)
{
    static char why[512];
    const struct ynode *answers = get(node, "answers"), *expect = get(node, "expect");
    enum answer dflt = ANSWER_NO;
    const char *d = text(get(node, "default"));
    if (d != NULL && !answer_parse(d, &dflt))
        return "bad default";
    /* Every listed answer must name a question: a typo would test nothing. */
    for (size_t i = 0; answers != NULL && i + 1 < answers->count; i += 2)
        if (survey_find_question(s, answers->items[i].value) < 0) {
            snprintf(why, sizeof(why), "answers name no question \"%s\"", answers->items[i].value);
            return why;
        }
    struct flow *f = flow_new(s);
    enum flow_step step = flow_begin(f);
    while (step == FLOW_QUESTION)
        step = flow_answer(f, answer_for(answers, survey_question(s, flow_question(f))->id, dflt));
    struct report *r = report_new(flow_session(f));
    const char *fail = NULL;
    enum triage want;
    const char *level = text(get(expect, "triage"));
    if (level != NULL && triage_parse(level, &want) && r->level < want) {
        snprintf(why, sizeof(why), "triage %s, expected at least %s", triage_name(r->level), level);
        fail = why;
    }
    const char *flags = text(get(expect, "flags"));
    if (fail == NULL && flags != NULL && strcmp(flags, "none") == 0 && r->flagged_count > 0) {
        snprintf(why, sizeof(why), "flags %s (%s), expected none",
                 survey_condition(s, r->results[0].score.condition)->id,
                 survey_band(s, r->results[0].band)->id);
        fail = why;
    }
    const char *first = text(get(expect, "first"));
    bool flagged;
    if (fail == NULL && first != NULL &&
        (rank_of(r, condition_index(s, first), &flagged) != 0 || !flagged)) {
        snprintf(why, sizeof(why), "first is %s (%s), expected %s flagged first",
                 survey_condition(s, r->results[0].score.condition)->id,
                 survey_band(s, r->results[0].band)->id, first);
        fail = why;
    }
    const struct ynode *top2 = get(expect, "top2");
    for (size_t i = 0; fail == NULL && top2 != NULL && i < top2->count; i++) {
        const char *id = text(&top2->items[i]);
        if (id == NULL || rank_of(r, condition_index(s, id), &flagged) > 1 || !flagged) {
            snprintf(why, sizeof(why), "%s is not flagged in the top two", id ? id : "?");
            fail = why;
        }
    }
    const char *cause = text(get(expect, "other_cause"));
    bool found = cause == NULL;
    for (size_t i = 0; !found && i < r->cause_count; i++)
        found = strcmp(survey_other_cause(s, r->causes[i])->id, cause) == 0;
    if (fail == NULL && !found) {
        snprintf(why, sizeof(why), "other cause %s does not fit", cause);
        fail = why;
    }
    report_free(r);
    flow_free(f);
    return fail;
}

struct tally {
    char kind[32];
    int passed, failed;
};

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: run_cases QUESTIONS CASES...\n");
        return 2;
    }
    struct diag_list *diags = diag_list_new(NULL);
    struct survey *s = NULL;
    if (survey_load_file(argv[1], &s, diags) != LOAD_OK) {
        diag_print(diags, stderr);
        return 2;
    }
    struct tally kinds[16];
    size_t nkinds = 0;
    int passed = 0, failed = 0;
    for (int a = 2; a < argc; a++) {
        char *buf = NULL;
        size_t len = 0;
        static const struct ytree_limits limits = {16, 500000, 4000};
        struct ytree *tree = readfile(argv[a], 8 << 20, &buf, &len, diags) == READ_OK
                                 ? ytree_parse(buf, len, &limits, NULL, diags)
                                 : NULL;
        const struct ynode *root = tree != NULL ? ytree_root(tree) : NULL;
        if (root == NULL || root->kind != YNODE_SEQ) {
            diag_print(diags, stderr);
            fprintf(stderr, "%s: not a list of cases\n", argv[a]);
            return 2;
        }
        for (size_t i = 0; i < root->count; i++) {
            const struct ynode *c = &root->items[i];
            const char *id = text(get(c, "id")), *kind = text(get(c, "kind"));
            if (id == NULL || kind == NULL || get(c, "source") == NULL ||
                get(c, "expect") == NULL) {
                fprintf(stderr, "%s:%d: a case needs id, kind, source and expect\n", argv[a],
                        c->line);
                return 2;
            }
            const char *why = check_case(s, c);
            size_t k = 0;
            while (k < nkinds && strcmp(kinds[k].kind, kind) != 0)
                k++;
            if (k == nkinds && nkinds < 16)
                snprintf(kinds[nkinds++].kind, sizeof(kinds[0].kind), "%s", kind);
            if (why == NULL) {
                passed++;
                kinds[k].passed++;
            } else {
                failed++;
                kinds[k].failed++;
                printf("FAIL %s:%d: %s (%s): %s\n", argv[a], c->line, id, kind, why);
            }
        }
        ytree_free(tree);
        free(buf);
    }
    for (size_t k = 0; k < nkinds; k++)
        printf("%-16s %d passed, %d failed\n", kinds[k].kind, kinds[k].passed, kinds[k].failed);
    printf("%d passed, %d failed\n", passed, failed);
    survey_free(s);
    diag_list_free(diags);
    return failed == 0 ? 0 : 1;
}
