/* SPDX-License-Identifier: MIT */
/* run_cases: the clinical validation suite. Each case in a cases file is a
 * person's symptoms and risk factors turned into answers; the runner walks
 * the questionnaire as that person would (through the flow every front end
 * uses), builds the report, and checks what the case expects: the triage
 * level at least ("emergency": ae or ambulance), no deficiency flagged, the
 * right one first, the right two on top, an other cause named.
 *
 * Usage: run_cases QUESTIONS CASES... [--corrections FILE] [--added FILE]
 *                  [--markdown FILE]
 *
 * A corrections file is a list of {id, expect, reason, source}: the case
 * with that id is checked against this expect instead of its own (a case
 * is never edited; a correction says why, from which source). A correction
 * that matches no case is an error.
 *
 * An added file is a list of {id, answers}: a case's answers to questions
 * written after it, taken from its story alone (never from its expect).
 * They come before the case's own; a case with added answers may still
 * name questions that have since been retired (their answers moved to the
 * new questions in the added file).
 *
 * Prints one line per failing case, the corrections applied, a summary by
 * kind, how the level reached compares with the one expected (right, over,
 * under, safe: per kind and per expected level, for each cases file, also
 * written as Markdown to FILE with --markdown), and a closing "N passed,
 * N failed" line. Exits 1 when any case fails (is below its level or
 * misses another expectation), 2 for a bad file. */
#include "musclecheck/flow.h"
#include "musclecheck/loader.h"
#include "musclecheck/readfile.h"
#include "musclecheck/report.h"
#include "musclecheck/ytree.h"

#include <errno.h>
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

/* Where condition C ranks (0 first), and whether it is pointed to:
 * flagged, or "to be checked" because a rule that holds names it (after an
 * emergency stop, the only way a deficiency is named). "No deficiency
 * flagged" counts flagged ones only: "to be checked" is a test a guideline
 * asks for whatever the deficiency's band (NICE's blood count for a month
 * of tiredness). */
static size_t rank_of(const struct report *r, long c, bool *flagged)
{
    for (size_t i = 0; i < r->result_count; i++)
        if ((long)r->results[i].score.condition == c) {
            *flagged = r->results[i].flagged || r->results[i].status == REPORT_TO_CHECK;
            return i;
        }
    *flagged = false;
    return r->result_count;
}

/* The levels an expected triage word accepts as right: "emergency" is ae
 * or ambulance, any other level itself. False for an unknown word. */
static bool level_range(const char *word, enum triage *lo, enum triage *hi)
{
    if (strcmp(word, "emergency") == 0) {
        *lo = TRIAGE_AE;
        *hi = TRIAGE_AMBULANCE;
        return true;
    }
    if (!triage_parse(word, lo))
        return false;
    *hi = *lo;
    return true;
}

/* Checks case NODE against EXPECT; returns NULL when it passes, else why
 * not (static). *LEVEL is the level reached. */
static const char *check_case(const struct survey *s, const struct ynode *node,
                              const struct ynode *expect, const struct ynode *added,
                              enum triage *level_out)
{
    static char why[512];
    const struct ynode *answers = get(node, "answers");
    enum answer dflt = ANSWER_NO;
    const char *d = text(get(node, "default"));
    if (d != NULL && !answer_parse(d, &dflt))
        return "bad default";
    /* Every listed answer must name a question: a typo would test nothing
     * (a case with added answers may name retired questions). */
    for (size_t i = 0; added == NULL && answers != NULL && i + 1 < answers->count; i += 2)
        if (survey_find_question(s, answers->items[i].value) < 0) {
            snprintf(why, sizeof(why), "answers name no question \"%s\"", answers->items[i].value);
            return why;
        }
    for (size_t i = 0; added != NULL && i + 1 < added->count; i += 2)
        if (survey_find_question(s, added->items[i].value) < 0) {
            snprintf(why, sizeof(why), "added answers name no question \"%s\"",
                     added->items[i].value);
            return why;
        }
    struct flow *f = flow_new(s);
    enum flow_step step = flow_begin(f);
    while (step == FLOW_QUESTION) {
        const char *id = survey_question(s, flow_question(f))->id;
        enum answer a = answer_for(answers, id, dflt);
        step = flow_answer(f, answer_for(added, id, a));
    }
    struct report *r = report_new(flow_session(f));
    const char *fail = NULL;
    enum triage lo, hi;
    const char *level = text(get(expect, "triage"));
    *level_out = r->level;
    if (level != NULL && !level_range(level, &lo, &hi)) {
        snprintf(why, sizeof(why), "unknown triage level \"%s\"", level);
        fail = why;
    } else if (level != NULL && r->level < lo) {
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

/* One row of a table: cases, and how their level compares with the one
 * expected. Safe (Gilbert et al., BMJ Open 2020) is right or more cautious. */
struct row {
    char name[32];
    int rank; /* the expected level's lowest, to list levels by urgency */
    int n, right, over, under;
};

/* The rows of one table, found or added by name. */
struct rows {
    struct row row[16];
    size_t count;
};

static struct row *row_named(struct rows *t, const char *name, int rank)
{
    size_t k = 0;
    while (k < t->count && strcmp(t->row[k].name, name) != 0)
        k++;
    if (k == t->count && t->count < sizeof(t->row) / sizeof(t->row[0])) {
        snprintf(t->row[k].name, sizeof(t->row[k].name), "%s", name);
        t->row[t->count++].rank = rank;
    }
    return k < t->count ? &t->row[k] : NULL;
}

static void row_add(struct row *r, enum triage got, enum triage lo, enum triage hi)
{
    if (r == NULL)
        return;
    r->n++;
    r->right += got >= lo && got <= hi;
    r->over += got > hi;
    r->under += got < lo;
}

/* The level measures of one cases file. */
struct levels {
    const char *file;
    struct rows kinds, levels;
    struct row all;
    int no_level; /* cases that name no level */
};

static int by_urgency(const void *a, const void *b)
{
    return ((const struct row *)b)->rank - ((const struct row *)a)->rank;
}

static void levels_table(FILE *out, const char *head, const struct rows *t, const struct row *all)
{
    fprintf(out,
            "| %s | cases | right level | over-triage | under-triage | safe |\n"
            "|---|---:|---:|---:|---:|---:|\n",
            head);
    for (size_t i = 0; i <= t->count; i++) {
        const struct row *r = i < t->count ? &t->row[i] : all;
        double n = r->n > 0 ? r->n : 1;
        fprintf(out, "| %s | %d | %d (%.0f%%) | %d (%.0f%%) | %d (%.0f%%) | %d (%.0f%%) |\n",
                r->name, r->n, r->right, 100 * r->right / n, r->over, 100 * r->over / n, r->under,
                100 * r->under / n, r->right + r->over, 100 * (r->right + r->over) / n);
    }
    fputc('\n', out);
}

static void levels_write(FILE *out, struct levels *l)
{
    fprintf(out, "## %s\n\ncases with a level: %d (%d name none)\n\n", l->file, l->all.n,
            l->no_level);
    if (l->all.n == 0)
        return;
    levels_table(out, "kind", &l->kinds, &l->all);
    qsort(l->levels.row, l->levels.count, sizeof(l->levels.row[0]), by_urgency);
    levels_table(out, "expected level (at least)", &l->levels, &l->all);
}

/* A replacement expect for one case (corrections.yaml). */
struct correction {
    const char *id, *reason;
    const struct ynode *expect;
    int line;
    bool used;
};

/* Answers to questions written after a case (old-cases-added.yaml). */
struct added {
    const char *id;
    const struct ynode *answers;
    int line;
    bool used;
};

/* Reads the YAML list in PATH; NULL after a message (*BUF, which the
 * caller frees, holds the text). */
static struct ytree *load_list(const char *path, char **buf)
{
    size_t len = 0;
    static const struct ytree_limits limits = {16, 500000, 4000};
    struct diag_list *diags = diag_list_new(path);
    struct ytree *tree = diags != NULL && readfile(path, 8 << 20, buf, &len, diags) == READ_OK
                             ? ytree_parse(*buf, len, &limits, NULL, diags)
                             : NULL;
    const struct ynode *root = tree != NULL ? ytree_root(tree) : NULL;
    if (root == NULL || root->kind != YNODE_SEQ || diag_count(diags) > 0) {
        diag_print(diags, stderr);
        diag_print_line(stderr, "%s: not a YAML list", path);
        ytree_free(tree);
        tree = NULL;
    }
    diag_list_free(diags);
    return tree;
}

/* Loads the corrections in ROOT into *OUT (*COUNT of them). */
static int corrections_load(const char *path, const struct ynode *root, struct correction **out,
                            size_t *count)
{
    struct correction *c = calloc(root->count + 1, sizeof(*c));
    *out = c;
    *count = 0;
    if (c == NULL)
        return -ENOMEM;
    for (size_t i = 0; i < root->count; i++) {
        const struct ynode *it = &root->items[i];
        c[i] = (struct correction){text(get(it, "id")), text(get(it, "reason")), get(it, "expect"),
                                   it->line, false};
        if (c[i].id == NULL || c[i].reason == NULL || text(get(it, "source")) == NULL ||
            c[i].expect == NULL || c[i].expect->kind != YNODE_MAP) {
            diag_print_line(stderr,
                            "%s:%d: a correction needs id, expect (a mapping), reason "
                            "and source",
                            path, it->line);
            return -1;
        }
        for (size_t k = 0; k < i; k++)
            if (strcmp(c[k].id, c[i].id) == 0) {
                diag_print_line(stderr, "%s:%d: case %s is corrected twice (line %d)", path,
                                it->line, c[i].id, c[k].line);
                return -1;
            }
        *count = i + 1;
    }
    return 0;
}

struct run {
    char *added_buf;
    struct ytree *added_tree;
    struct added *added;
    size_t added_count;
    struct survey *survey;
    struct diag_list *diags;
    char *corr_buf;
    struct ytree *corr_tree;
    struct correction *corr;
    size_t corr_count;
    struct levels *files;
    FILE *markdown;
};

static void run_free(struct run *r)
{
    survey_free(r->survey);
    diag_list_free(r->diags);
    ytree_free(r->corr_tree);
    ytree_free(r->added_tree);
    free(r->added_buf);
    free(r->added);
    free(r->corr_buf);
    free(r->corr);
    free(r->files);
    if (r->markdown != NULL)
        fclose(r->markdown);
}

static int run(struct run *r, int argc, char **argv)
{
    const char *corrections = NULL, *md = NULL, *added = NULL;
    int ncases = 0;
    for (int a = 2; a < argc; a++) {
        if ((strcmp(argv[a], "--corrections") == 0 || strcmp(argv[a], "--markdown") == 0 ||
             strcmp(argv[a], "--added") == 0) &&
            a + 1 < argc) {
            *(argv[a][2] == 'c' ? &corrections : argv[a][2] == 'a' ? &added : &md) = argv[a + 1];
            a++;
        } else if (argv[a][0] == '-') {
            return -EINVAL;
        } else {
            ncases++;
        }
    }
    if (argc < 3 || ncases == 0)
        return -EINVAL;
    r->diags = diag_list_new(NULL);
    if (r->diags == NULL)
        return -ENOMEM;
    if (survey_load_file(argv[1], &r->survey, r->diags) != LOAD_OK) {
        diag_print(r->diags, stderr);
        return -1;
    }
    r->files = calloc((size_t)ncases, sizeof(*r->files));
    if (r->files == NULL)
        return -ENOMEM;
    if (corrections != NULL) {
        r->corr_tree = load_list(corrections, &r->corr_buf);
        if (r->corr_tree == NULL)
            return -1;
        int rc = corrections_load(corrections, ytree_root(r->corr_tree), &r->corr, &r->corr_count);
        if (rc < 0)
            return rc;
    }
    if (added != NULL) {
        r->added_tree = load_list(added, &r->added_buf);
        if (r->added_tree == NULL)
            return -1;
        const struct ynode *root = ytree_root(r->added_tree);
        r->added = calloc(root->count + 1, sizeof(*r->added));
        if (r->added == NULL)
            return -ENOMEM;
        for (size_t i = 0; i < root->count; i++) {
            const struct ynode *it = &root->items[i];
            r->added[i] = (struct added){text(get(it, "id")), get(it, "answers"), it->line, false};
            if (r->added[i].id == NULL || r->added[i].answers == NULL ||
                r->added[i].answers->kind != YNODE_MAP) {
                diag_print_line(stderr, "%s:%d: an entry needs id and answers (a mapping)", added,
                                it->line);
                return -1;
            }
            r->added_count = i + 1;
        }
    }
    struct rows kinds = {0};
    int passed = 0, failed = 0, nfile = 0;
    struct {
        int passed, failed;
    } tally[16] = {{0}};
    for (int a = 2; a < argc; a++) {
        if (argv[a][0] == '-') {
            a++;
            continue;
        }
        char *buf = NULL;
        struct ytree *tree = load_list(argv[a], &buf);
        if (tree == NULL) {
            free(buf);
            return -1;
        }
        const struct ynode *root = ytree_root(tree);
        struct levels *l = &r->files[nfile++];
        l->file = argv[a];
        snprintf(l->all.name, sizeof(l->all.name), "all");
        for (size_t i = 0; i < root->count; i++) {
            const struct ynode *c = &root->items[i], *expect = get(c, "expect");
            const char *id = text(get(c, "id")), *kind = text(get(c, "kind"));
            if (id == NULL || kind == NULL || get(c, "source") == NULL || expect == NULL) {
                diag_print_line(stderr, "%s:%d: a case needs id, kind, source and expect", argv[a],
                                c->line);
                ytree_free(tree);
                free(buf);
                return -1;
            }
            for (size_t k = 0; k < r->corr_count; k++)
                if (strcmp(r->corr[k].id, id) == 0) {
                    expect = r->corr[k].expect;
                    r->corr[k].used = true;
                }
            const struct ynode *more = NULL;
            for (size_t k = 0; k < r->added_count; k++)
                if (strcmp(r->added[k].id, id) == 0) {
                    more = r->added[k].answers;
                    r->added[k].used = true;
                }
            enum triage got = TRIAGE_SELF_CARE, lo, hi;
            const char *why = check_case(r->survey, c, expect, more, &got);
            const char *level = text(get(expect, "triage"));
            struct row *kr = row_named(&kinds, kind, 0);
            size_t k = kr != NULL ? (size_t)(kr - kinds.row) : 0;
            if (level != NULL && level_range(level, &lo, &hi)) {
                row_add(row_named(&l->kinds, kind, 0), got, lo, hi);
                const char *name = lo < hi ? "emergency (ae or ambulance)" : level;
                row_add(row_named(&l->levels, name, (int)lo), got, lo, hi);
                row_add(&l->all, got, lo, hi);
            } else {
                l->no_level++;
            }
            if (why == NULL) {
                passed++;
                tally[k].passed++;
            } else {
                failed++;
                tally[k].failed++;
                diag_print_line(stdout, "FAIL %s:%d: %s (%s): %s", argv[a], c->line, id, kind, why);
            }
        }
        ytree_free(tree);
        free(buf);
    }
    for (size_t k = 0; k < r->corr_count; k++) {
        if (!r->corr[k].used) {
            diag_print_line(stderr, "%s:%d: correction %s matches no case", corrections,
                            r->corr[k].line, r->corr[k].id);
            return -1;
        }
        diag_print_line(stdout, "corrected: %s (%s)", r->corr[k].id, r->corr[k].reason);
    }
    if (corrections != NULL)
        printf("%zu corrected\n", r->corr_count);
    for (size_t k = 0; k < r->added_count; k++)
        if (!r->added[k].used) {
            diag_print_line(stderr, "%s:%d: added answers for %s match no case", added,
                            r->added[k].line, r->added[k].id);
            return -1;
        }
    for (size_t k = 0; k < kinds.count; k++)
        printf("%-16s %d passed, %d failed\n", kinds.row[k].name, tally[k].passed, tally[k].failed);
    if (md != NULL && (r->markdown = fopen(md, "w")) == NULL) {
        diag_print_line(stderr, "%s: cannot write", md);
        return -1;
    }
    putchar('\n');
    for (int i = 0; i < 2; i++) {
        FILE *out = i == 0 ? stdout : r->markdown;
        if (out == NULL)
            continue;
        if (i == 1)
            fprintf(out, "# Clinical validation: old cases (%s)\n\n", argv[1]);
        for (int f = 0; f < nfile; f++)
            levels_write(out, &r->files[f]);
    }
    if (r->markdown != NULL && fclose(r->markdown) != 0) {
        r->markdown = NULL;
        diag_print_line(stderr, "%s: cannot write", md);
        return -1;
    }
    r->markdown = NULL;
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    struct run r = {0};
    int rc = run(&r, argc, argv);
    run_free(&r);
    if (rc == -EINVAL)
        fprintf(stderr, "usage: run_cases QUESTIONS CASES... [--corrections FILE] "
                        "[--added FILE] [--markdown FILE]\n");
    if (rc == -ENOMEM)
        fprintf(stderr, "out of memory\n");
    return rc == 0 ? 0 : rc == 1 ? 1 : rc == -ENOMEM ? 71 : 2;
}
