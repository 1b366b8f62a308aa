/* SPDX-License-Identifier: MIT */
/* run_facts: the v3 clinical cases (tests/clinical/v3/README.md). A case
 * names no question: it says who the person is (age, sex), how the trouble
 * began and how long it has lasted, and which facts are true of them (and
 * which they cannot answer). A map file says, for each question, when a
 * person answers yes. The runner walks the questionnaire as that person
 * would, through the flow every front end uses, answering each question
 * from the map, builds the report and measures it against the case.
 *
 * Usage: run_facts QUESTIONS MAP FACTS CASES... [--sealed SEALED...]
 *                  [--markdown FILE] [--trace CASE_ID]
 *                  [--markdown FILE]
 *
 * A map entry (a YAML list of these):
 *   question: id            the question it answers (must exist)
 *   yes: [fact, ...]        any of these facts in the case's facts, or
 *   yes: [[fact, ...], ...] one fact from each list (a screen that asks
 *                           for one sign "together with" another)
 *   age_at_least: N         person.age >= N
 *   age_below: N            person.age < N
 *   sex: female | male
 *   onset: [word, ...]      the case's onset is one of these
 *   duration: [word, ...]   the case's duration is one of these
 *   never: reason           no fact of the vocabulary makes it yes (always no)
 * Every key given must hold: then the entry holds. A question may have
 * several entries (the signs of one screen): the answer is yes when any
 * holds, "not sure" when one would hold if the case's `unsure` facts were
 * true, else no.
 *
 * Prints one MISS line per development case that misses (none for sealed
 * cases, which the team runs but does not read), then the summary as
 * Markdown tables (also written to FILE with --markdown), and the targets,
 * over the seen cases and over seen and sealed together. Exits 0 when
 * every target is met on the seen cases, 1 when one is missed, 2 for a bad file
 * or a question the flow asks that the map does not answer, 71 when out of
 * memory. */
#include "musclecheck/flow.h"
#include "musclecheck/idindex.h"
#include "musclecheck/loader.h"
#include "musclecheck/readfile.h"
#include "musclecheck/report.h"
#include "musclecheck/ytree.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_MISSED = 1, EXIT_BAD = 2, EXIT_NO_MEMORY = 71 };

static const char *const onset_words[] = {"sudden", "hours", "days", "weeks", "months", NULL};
static const char *const duration_words[] = {"hours", "days", "weeks", "months", "years", NULL};
static const char *const sex_words[] = {"female", "male", NULL};
static const char *const kind_words[] = {"emergency", "same_day",   "soon",
                                         "self_care", "deficiency", NULL};
static const char *const map_keys[] = {"question", "yes",      "age_at_least", "age_below", "sex",
                                       "onset",    "duration", "never",        NULL};
static const char *const case_keys[] = {"id",    "kind",   "story",  "person", "onset", "duration",
                                        "facts", "unsure", "expect", "source", NULL};

/* ---- YAML ---- */

/* A YAML file whose root is a list. */
struct doc {
    const char *path;
    char *buf;
    struct ytree *tree;
    const struct ynode *root;
};

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

static bool word_in(const char *const *words, const char *w)
{
    for (size_t i = 0; w != NULL && words[i] != NULL; i++)
        if (strcmp(words[i], w) == 0)
            return true;
    return false;
}

/* Whether the list LIST (NULL: none) holds the scalar W. */
static bool listed(const struct ynode *list, const char *w)
{
    for (size_t i = 0; list != NULL && list->kind == YNODE_SEQ && i < list->count; i++)
        if (strcmp(list->items[i].value, w) == 0)
            return true;
    return false;
}

/* Whether any scalar of list A is in list B. */
static bool any_listed(const struct ynode *a, const struct ynode *b)
{
    for (size_t i = 0; a != NULL && i < a->count; i++)
        if (listed(b, a->items[i].value))
            return true;
    return false;
}

/* Prints "PATH:LINE:COLUMN: message" (escaped) and returns -1. */
static int bad(const struct doc *d, const struct ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int bad(const struct doc *d, const struct ynode *at, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag_print_line(stderr, "%s:%d:%d: %s", d->path, at->line, at->column, msg);
    return -1;
}

/* Reads PATH into D; 0, or -1 after a message (-ENOMEM when out of memory). */
static int doc_load(struct doc *d, const char *path)
{
    static const struct ytree_limits limits = {16, 500000, 4000};
    struct diag_list *diags = diag_list_new(path);
    size_t len = 0;
    int rc = 0;
    d->path = path;
    if (diags == NULL)
        return -ENOMEM;
    if (readfile(path, 8 << 20, &d->buf, &len, diags) == READ_OK)
        d->tree = ytree_parse(d->buf, len, &limits, NULL, diags);
    d->root = d->tree != NULL ? ytree_root(d->tree) : NULL;
    if (diag_out_of_memory(diags))
        rc = -ENOMEM;
    else if (d->tree == NULL || diag_count(diags) > 0) {
        diag_print(diags, stderr);
        rc = -1;
    } else if (d->root == NULL || d->root->kind != YNODE_SEQ) {
        diag_print_line(stderr, "%s: not a YAML list", path);
        rc = -1;
    }
    diag_list_free(diags);
    return rc;
}

static void doc_free(struct doc *d)
{
    ytree_free(d->tree);
    free(d->buf);
}

/* Checks that every key of mapping NODE is one of KEYS. */
static int known_keys(const struct doc *d, const struct ynode *node, const char *const *keys)
{
    for (size_t i = 0; i + 1 < node->count; i += 2)
        if (!word_in(keys, text(&node->items[i])))
            return bad(d, &node->items[i], "unknown key \"%s\"",
                       text(&node->items[i]) ? text(&node->items[i]) : "?");
    return 0;
}

/* Checks that NODE (under KEY) is a list of scalars, each a fact of FACTS
 * (when FACTS is given) or one of WORDS. */
static int check_list(const struct doc *d, const struct ynode *owner, const char *key,
                      const struct ynode *node, const struct idindex *facts,
                      const char *const *words)
{
    if (node == NULL || node->kind != YNODE_SEQ)
        return bad(d, node != NULL ? node : owner, "%s must be a list", key);
    for (size_t i = 0; i < node->count; i++) {
        const struct ynode *it = &node->items[i];
        if (it->kind != YNODE_SCALAR)
            return bad(d, it, "%s: each item must be a word", key);
        if (facts != NULL && idindex_get(facts, it->value) < 0)
            return bad(d, it, "unknown fact \"%s\" (not in the facts file)", it->value);
        if (facts == NULL && !word_in(words, it->value))
            return bad(d, it, "%s: unknown value \"%s\"", key, it->value);
    }
    return 0;
}

/* A whole number from 0 to 150 under KEY in NODE into *OUT (left alone when
 * KEY is absent). */
static int check_age(const struct doc *d, const struct ynode *node, const char *key, long *out)
{
    const struct ynode *v = get(node, key);
    if (v == NULL)
        return 0;
    char *end = NULL;
    long n = text(v) != NULL ? strtol(v->value, &end, 10) : -1;
    if (text(v) == NULL || end == v->value || *end != '\0' || n < 0 || n > 150)
        return bad(d, v, "%s must be a whole number of years from 0 to 150", key);
    *out = n;
    return 0;
}

static int check_word(const struct doc *d, const struct ynode *owner, const char *key,
                      const char *const *words, const char **out)
{
    const struct ynode *v = get(owner, key);
    if (v == NULL)
        return 0;
    if (!word_in(words, text(v)))
        return bad(d, v, "%s: unknown value \"%s\"", key, text(v) ? text(v) : "?");
    *out = v->value;
    return 0;
}

/* ---- facts and map ---- */

static int facts_load(const struct doc *d, struct idindex **out)
{
    struct idindex *ix = idindex_new(d->root->count);
    *out = ix;
    if (ix == NULL)
        return -ENOMEM;
    for (size_t i = 0; i < d->root->count; i++) {
        const struct ynode *it = &d->root->items[i], *id = get(it, "id");
        if (text(id) == NULL)
            return bad(d, it, "a fact needs an id");
        if (idindex_put(ix, id->value, (long)i) == -EEXIST)
            return bad(d, id, "fact \"%s\" is defined twice", id->value);
    }
    return 0;
}

/* When a person answers one question yes (see the top of this file). */
struct rule {
    size_t question;
    const struct ynode *yes, *onset, *duration; /* lists (yes: or lists of lists), or NULL */
    const char *sex;                            /* or NULL */
    bool never;                                 /* always no */
    long age_at_least, age_below;               /* or -1 */
};

struct map {
    struct rule *rules; /* one per map entry, in file order */
    size_t rule_count;
    bool *mapped;   /* whether the map has an entry for the question */
    bool *reported; /* an unmapped question already named */
};

/* Checks a `yes` list: facts, or lists of facts. */
static int check_yes(const struct doc *d, const struct ynode *owner, const struct ynode *yes,
                     const struct idindex *facts)
{
    if (yes->kind != YNODE_SEQ || yes->count == 0 || yes->items[0].kind != YNODE_SEQ)
        return check_list(d, owner, "yes", yes, facts, NULL);
    for (size_t i = 0; i < yes->count; i++)
        if (check_list(d, owner, "yes", &yes->items[i], facts, NULL) < 0)
            return -1;
    return 0;
}

static int map_entry(const struct doc *d, const struct ynode *it, const struct survey *s,
                     const struct idindex *facts, struct map *m)
{
    if (it->kind != YNODE_MAP)
        return bad(d, it, "each map entry must be a mapping");
    if (known_keys(d, it, map_keys) < 0)
        return -1;
    const char *qid = text(get(it, "question"));
    long q = qid != NULL ? survey_find_question(s, qid) : -1;
    if (qid == NULL)
        return bad(d, it, "a map entry needs a question");
    if (q < 0)
        return bad(d, get(it, "question"), "question \"%s\" is not in the question file", qid);
    struct rule *r = &m->rules[m->rule_count++];
    *r = (struct rule){.age_at_least = -1, .age_below = -1};
    r->yes = get(it, "yes");
    r->onset = get(it, "onset");
    r->duration = get(it, "duration");
    r->question = (size_t)q;
    r->never = get(it, "never") != NULL;
    if ((r->yes != NULL && check_yes(d, it, r->yes, facts) < 0) ||
        (r->onset != NULL && check_list(d, it, "onset", r->onset, NULL, onset_words) < 0) ||
        (r->duration != NULL &&
         check_list(d, it, "duration", r->duration, NULL, duration_words) < 0) ||
        check_age(d, it, "age_at_least", &r->age_at_least) < 0 ||
        check_age(d, it, "age_below", &r->age_below) < 0 ||
        check_word(d, it, "sex", sex_words, &r->sex) < 0)
        return -1;
    if (it->count == 2)
        return bad(d, it, "question \"%s\": say when the answer is yes (yes, age_at_least, ...)",
                   qid);
    m->mapped[q] = true;
    return 0;
}

/* ---- cases ---- */

struct person_case {
    const char *id, *kind, *sex, *onset, *duration, *deficiency;
    long age;
    const struct ynode *facts, *unsure; /* unsure may be NULL */
    enum triage want;
    long condition; /* expect.deficiency's condition, or -1 for none */
};

static int case_load(const struct doc *d, const struct ynode *it, const struct survey *s,
                     const struct idindex *facts, struct person_case *c)
{
    if (it->kind != YNODE_MAP)
        return bad(d, it, "each case must be a mapping");
    *c = (struct person_case){.age = -1, .condition = -1};
    const struct ynode *person = get(it, "person"), *expect = get(it, "expect");
    c->id = text(get(it, "id"));
    c->facts = get(it, "facts");
    c->unsure = get(it, "unsure");
    if (known_keys(d, it, case_keys) < 0)
        return -1;
    if (c->id == NULL || person == NULL || person->kind != YNODE_MAP || expect == NULL ||
        expect->kind != YNODE_MAP)
        return bad(d, it, "a case needs id, kind, person, onset, duration, facts and expect");
    if (check_word(d, it, "kind", kind_words, &c->kind) < 0 ||
        check_word(d, it, "onset", onset_words, &c->onset) < 0 ||
        check_word(d, it, "duration", duration_words, &c->duration) < 0 ||
        check_word(d, person, "sex", sex_words, &c->sex) < 0 ||
        check_age(d, person, "age", &c->age) < 0 ||
        check_list(d, it, "facts", c->facts, facts, NULL) < 0 ||
        (c->unsure != NULL && check_list(d, it, "unsure", c->unsure, facts, NULL) < 0))
        return -1;
    if (c->kind == NULL || c->onset == NULL || c->duration == NULL || c->sex == NULL || c->age < 0)
        return bad(d, it, "case %s needs kind, onset, duration and person {age, sex}", c->id);
    const char *level = text(get(expect, "level"));
    c->deficiency = text(get(expect, "deficiency"));
    if (level == NULL || !triage_parse(level, &c->want))
        return bad(d, expect,
                   "case %s: expect.level must be one of self_care, soon, "
                   "same_day, ae, ambulance",
                   c->id);
    if (c->deficiency == NULL)
        return bad(d, expect, "case %s: expect.deficiency must be none or a condition", c->id);
    for (size_t k = 0; k < survey_condition_count(s); k++)
        if (strcmp(survey_condition(s, k)->id, c->deficiency) == 0)
            c->condition = (long)k;
    if (c->condition < 0 && strcmp(c->deficiency, "none") != 0)
        return bad(d, get(expect, "deficiency"),
                   "case %s: deficiency \"%s\" is no condition of the question file", c->id,
                   c->deficiency);
    return 0;
}

/* Whether the facts of YES (a list, or lists that must each match) are in
 * FACTS, or with UNSURE (NULL: not counted) as well. */
static bool yes_holds(const struct ynode *yes, const struct ynode *facts,
                      const struct ynode *unsure)
{
    if (yes->count == 0 || yes->items[0].kind != YNODE_SEQ)
        return any_listed(yes, facts) || any_listed(yes, unsure);
    for (size_t i = 0; i < yes->count; i++)
        if (!yes_holds(&yes->items[i], facts, unsure))
            return false;
    return true;
}

static enum answer rule_answer(const struct rule *r, const struct person_case *c)
{
    if (r->never)
        return ANSWER_NO;
    bool others = (r->age_at_least < 0 || c->age >= r->age_at_least) &&
                  (r->age_below < 0 || c->age < r->age_below) &&
                  (r->sex == NULL || strcmp(r->sex, c->sex) == 0) &&
                  (r->onset == NULL || listed(r->onset, c->onset)) &&
                  (r->duration == NULL || listed(r->duration, c->duration));
    if (!others)
        return ANSWER_NO;
    if (r->yes == NULL || yes_holds(r->yes, c->facts, NULL))
        return ANSWER_YES;
    return yes_holds(r->yes, c->facts, c->unsure) ? ANSWER_UNSURE : ANSWER_NO;
}

/* The answer to question Q: yes when an entry holds, else not sure when
 * one would with the unsure facts, else no. */
static enum answer question_answer(const struct map *m, size_t q, const struct person_case *c)
{
    enum answer best = ANSWER_NO;
    for (size_t i = 0; i < m->rule_count && best != ANSWER_YES; i++)
        if (m->rules[i].question == q) {
            enum answer a = rule_answer(&m->rules[i], c);
            if (a == ANSWER_YES || a == ANSWER_UNSURE)
                best = a;
        }
    return best;
}

/* What the questionnaire made of one case. */
struct outcome {
    enum triage level;
    bool deficiency_first; /* expect.deficiency flagged and ranked first */
    long first;            /* the condition ranked first when flagged, else -1 */
    size_t answered;       /* visible questions answered at the end */
};

/* Walks case C through the flow. Returns 0, -1 when the flow asked a
 * question the map does not answer (named on stderr), or -ENOMEM. */
/* --trace: the id of a seen case whose answers are printed to standard
 * error as an answers file (QUESTION=ANSWER lines), for
 * "musclecheck --batch --answers - --format summary" to explain. */
static const char *trace_id;

static void trace(const struct session *se, const struct survey *s, const struct person_case *c)
{
    fprintf(stderr, "# %s\n", c->id);
    for (size_t q = 0; q < survey_question_count(s); q++)
        if (session_visible(se, q) && session_answer(se, q) != ANSWER_NONE)
            fprintf(stderr, "%s=%s\n", survey_question(s, q)->id,
                    answer_name(session_answer(se, q)));
}

static int walk(const struct survey *s, struct map *m, const struct doc *mapdoc,
                const struct doc *d, const struct ynode *node, bool sealed,
                const struct person_case *c, struct outcome *out)
{
    int rc = 0;
    struct flow *f = flow_new(s);
    if (f == NULL)
        return -ENOMEM;
    enum flow_step step = flow_begin(f);
    while (step == FLOW_QUESTION) {
        size_t q = flow_question(f);
        if (!m->mapped[q] && !m->reported[q]) {
            /* Named once, with the first case that reaches it; the walk goes
             * on (answering no) to find every other unmapped question. */
            if (sealed) /* which sealed case, and where, stays unsaid */
                diag_print_line(stderr,
                                "%s: a sealed case reaches question \"%s\", which %s does not map",
                                d->path, survey_question(s, q)->id, mapdoc->path);
            else
                diag_print_line(
                    stderr, "%s:%d: case %s reaches question \"%s\", which %s does not map",
                    d->path, node->line, c->id, survey_question(s, q)->id, mapdoc->path);
            m->reported[q] = true;
        }
        if (!m->mapped[q])
            rc = -1;
        step = flow_answer(f, m->mapped[q] ? question_answer(m, q, c) : ANSWER_NO);
    }
    const struct session *se = flow_session(f);
    if (!sealed && trace_id != NULL && strcmp(trace_id, c->id) == 0)
        trace(se, s, c);
    struct report *r = report_new(se);
    if (r == NULL) {
        flow_free(f);
        return -ENOMEM;
    }
    out->level = r->level;
    out->first =
        r->result_count > 0 && r->results[0].flagged ? (long)r->results[0].score.condition : -1;
    out->deficiency_first = c->condition >= 0 && out->first == c->condition;
    out->answered = 0;
    for (size_t q = 0; q < survey_question_count(s); q++)
        if (session_visible(se, q) && session_answer(se, q) != ANSWER_NONE)
            out->answered++;
    report_free(r);
    flow_free(f);
    return rc;
}

/* ---- the measures ---- */

/* One row of a table: cases, and how their level compares with the one
 * expected. Safe (Gilbert et al., BMJ Open 2020) is right or more cautious. */
struct row {
    const char *name;
    int n, right, over, under;
};

struct set {
    const char *title;
    struct row kinds[8], levels[TRIAGE_AMBULANCE + 1], all;
    int emergency_n, emergency_urgent; /* emergency cases, and those at ae or above */
    int deficiency_n, deficiency_right, none_n, none_flagged;
    size_t *answered;
    size_t count;
};

static void row_add(struct row *r, enum triage got, enum triage want)
{
    r->n++;
    r->right += got == want;
    r->over += got > want;
    r->under += got < want;
}

static void set_add(struct set *st, const struct person_case *c, const struct outcome *o)
{
    size_t k = 0;
    while (kind_words[k] != NULL && strcmp(kind_words[k], c->kind) != 0)
        k++;
    st->kinds[k].name = kind_words[k];
    row_add(&st->kinds[k], o->level, c->want);
    st->levels[c->want].name = triage_name(c->want);
    row_add(&st->levels[c->want], o->level, c->want);
    st->all.name = "all";
    row_add(&st->all, o->level, c->want);
    if (strcmp(c->kind, "emergency") == 0) {
        st->emergency_n++;
        st->emergency_urgent += triage_urgent(o->level);
    }
    if (strcmp(c->kind, "deficiency") == 0) {
        st->deficiency_n++;
        st->deficiency_right += o->deficiency_first;
    }
    if (c->condition < 0) {
        st->none_n++;
        st->none_flagged += o->first >= 0;
    }
    st->answered[st->count++] = o->answered;
}

static void cell(FILE *out, int n, int of)
{
    fprintf(out, " %d (%.0f%%) |", n, of > 0 ? 100.0 * n / of : 0.0);
}

static void table(FILE *out, const char *head, const struct row *rows, size_t count,
                  const struct row *all)
{
    fprintf(out,
            "| %s | cases | right level | over-triage | under-triage | safe |\n"
            "|---|---:|---:|---:|---:|---:|\n",
            head);
    for (size_t i = 0; i <= count; i++) {
        const struct row *r = i < count ? &rows[i] : all;
        if (r->n == 0 || r->name == NULL)
            continue;
        fprintf(out, "| %s | %d |", r->name, r->n);
        cell(out, r->right, r->n);
        cell(out, r->over, r->n);
        cell(out, r->under, r->n);
        cell(out, r->right + r->over, r->n);
        fputc('\n', out);
    }
    fputc('\n', out);
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

static void set_write(FILE *out, struct set *st)
{
    fprintf(out, "## %s\n\ncases: %zu\n\n", st->title, st->count);
    if (st->count == 0)
        return;
    table(out, "kind", st->kinds, sizeof(st->kinds) / sizeof(st->kinds[0]), &st->all);
    /* Most urgent first, as the levels are read. */
    struct row levels[TRIAGE_AMBULANCE + 1];
    for (int t = 0; t <= TRIAGE_AMBULANCE; t++)
        levels[t] = st->levels[TRIAGE_AMBULANCE - t];
    table(out, "expected level", levels, TRIAGE_AMBULANCE + 1, &st->all);
    qsort(st->answered, st->count, sizeof(st->answered[0]), cmp_size);
    size_t lo = st->answered[(st->count - 1) / 2], hi = st->answered[st->count / 2];
    fprintf(out, "- right deficiency first: %d/%d\n", st->deficiency_right, st->deficiency_n);
    fprintf(out, "- non-nutritional picture with a deficiency flagged: %d/%d\n", st->none_flagged,
            st->none_n);
    fprintf(out, "- questions answered: median %g, maximum %zu\n\n", (lo + hi) / 2.0,
            st->answered[st->count - 1]);
}

/* The targets, over seen and sealed cases together. */
struct target {
    const char *what;
    int n, of;
    bool met;
};

/* The targets over the first NSETS of SETS, into T. */
static size_t targets(const struct set *sets, int nsets, struct target *t)
{
    int em = 0, em_n = 0, sd = 0, sd_n = 0, sc = 0, sc_n = 0, nf = 0, nf_n = 0, df = 0, df_n = 0;
    for (int i = 0; i < nsets; i++) {
        const struct row *s = &sets[i].levels[TRIAGE_SAME_DAY],
                         *c = &sets[i].levels[TRIAGE_SELF_CARE];
        em_n += sets[i].emergency_n;
        em += sets[i].emergency_urgent;
        sd_n += s->n;
        sd += s->n - s->under;
        sc_n += c->n;
        sc += c->over;
        nf_n += sets[i].none_n;
        nf += sets[i].none_flagged;
        df_n += sets[i].deficiency_n;
        df += sets[i].deficiency_right;
    }
    t[0] = (struct target){"every emergency case at ae or ambulance", em, em_n, em == em_n};
    t[1] = (struct target){"every case expecting same_day at same_day or higher", sd, sd_n,
                           sd == sd_n};
    t[2] =
        (struct target){"self_care cases sent higher: at most 1 in 10", sc, sc_n, sc * 10 <= sc_n};
    t[3] = (struct target){"deficiency none, yet one flagged: none allowed", nf, nf_n, nf == 0};
    t[4] = (struct target){"right deficiency flagged first in at least 9 of 10", df, df_n,
                           df * 10 >= df_n * 9};
    return 5;
}

static void targets_write(FILE *out, const char *title, const struct target *t, size_t count)
{
    fprintf(out, "## targets (%s)\n\n| target | cases | |\n|---|---:|---|\n", title);
    for (size_t i = 0; i < count; i++)
        fprintf(out, "| %s | %d/%d | %s |\n", t[i].what, t[i].n, t[i].of,
                t[i].met ? "met" : "missed");
}

/* Prints why case C missed, if it did. */
static void miss_line(const struct doc *d, const struct ynode *node, const struct survey *s,
                      const struct person_case *c, const struct outcome *o)
{
    char why[512] = "";
    size_t len = 0;
    const char *first = o->first >= 0 ? survey_condition(s, (size_t)o->first)->id : "none";
    if (o->level != c->want)
        len += (size_t)snprintf(why + len, sizeof(why) - len, "; level %s, expected %s",
                                triage_name(o->level), triage_name(c->want));
    if (len < sizeof(why) && strcmp(c->kind, "deficiency") == 0 && !o->deficiency_first)
        len += (size_t)snprintf(why + len, sizeof(why) - len,
                                "; deficiency %s not flagged first (flagged first: %s)",
                                c->deficiency, first);
    if (len < sizeof(why) && c->condition < 0 && o->first >= 0)
        len += (size_t)snprintf(why + len, sizeof(why) - len,
                                "; flagged %s for a non-nutritional picture", first);
    if (len > 0)
        diag_print_line(stdout, "MISS %s:%d %s (%s): %s", d->path, node->line, c->id, c->kind,
                        why + 2);
}

/* ---- main ---- */

struct run {
    struct survey *survey;
    struct doc map, facts, cases;
    struct idindex *fact_ix;
    struct map m;
    struct set sets[2];
    FILE *markdown;
};

static void run_free(struct run *r)
{
    survey_free(r->survey);
    doc_free(&r->map);
    doc_free(&r->facts);
    doc_free(&r->cases);
    idindex_free(r->fact_ix);
    free(r->m.rules);
    free(r->m.mapped);
    free(r->m.reported);
    free(r->sets[0].answered);
    free(r->sets[1].answered);
    if (r->markdown != NULL)
        fclose(r->markdown);
}

/* Runs the cases of PATH into set SEALED (0 seen, 1 sealed). */
static int run_file(struct run *r, const char *path, bool sealed)
{
    struct doc *d = &r->cases;
    doc_free(d);
    *d = (struct doc){0};
    int rc = doc_load(d, path), bad_walk = 0;
    if (rc < 0)
        return rc;
    struct set *st = &r->sets[sealed];
    size_t *grown = realloc(st->answered, (st->count + d->root->count) * sizeof(size_t));
    if (grown == NULL)
        return -ENOMEM;
    st->answered = grown;
    for (size_t i = 0; i < d->root->count; i++) {
        struct person_case c;
        struct outcome o;
        if (case_load(d, &d->root->items[i], r->survey, r->fact_ix, &c) < 0)
            return -1;
        rc = walk(r->survey, &r->m, &r->map, d, &d->root->items[i], sealed, &c, &o);
        if (rc == -ENOMEM)
            return rc;
        if (rc < 0)
            bad_walk = -1;
        set_add(st, &c, &o);
        if (!sealed && bad_walk == 0)
            miss_line(d, &d->root->items[i], r->survey, &c, &o);
    }
    return bad_walk;
}

static int run(struct run *r, int argc, char **argv)
{
    const char *md = NULL, *pos[3];
    int npos = 0, rc;
    /* First the options and the three fixed files. */
    for (int a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--markdown") == 0 && a + 1 < argc)
            md = argv[++a];
        else if (strcmp(argv[a], "--trace") == 0 && a + 1 < argc)
            trace_id = argv[++a];
        else if (strcmp(argv[a], "--sealed") != 0 && npos < 3 && argv[a][0] != '-')
            pos[npos++] = argv[a];
    }
    if (npos < 3 || argc < 5)
        return -EINVAL;
    struct diag_list *diags = diag_list_new(pos[0]);
    if (diags == NULL)
        return -ENOMEM;
    rc = survey_load_file(pos[0], &r->survey, diags) == LOAD_OK ? 0 : -1;
    if (rc < 0)
        diag_print(diags, stderr);
    rc = rc < 0 && diag_out_of_memory(diags) ? -ENOMEM : rc;
    diag_list_free(diags);
    if (rc < 0 || (rc = doc_load(&r->facts, pos[2])) < 0 ||
        (rc = facts_load(&r->facts, &r->fact_ix)) < 0 || (rc = doc_load(&r->map, pos[1])) < 0)
        return rc;
    size_t nq = survey_question_count(r->survey);
    r->m.rules = calloc(r->map.root->count + 1, sizeof(*r->m.rules));
    r->m.mapped = calloc(nq + 1, sizeof(bool));
    r->m.reported = calloc(nq + 1, sizeof(bool));
    if (r->m.rules == NULL || r->m.mapped == NULL || r->m.reported == NULL)
        return -ENOMEM;
    for (size_t i = 0; i < r->map.root->count; i++)
        if (map_entry(&r->map, &r->map.root->items[i], r->survey, r->fact_ix, &r->m) < 0)
            return -1;
    r->sets[0].title = "new cases (seen)";
    r->sets[1].title = "new cases (sealed)";
    /* Then the cases, in order: after --sealed, sealed ones. */
    bool sealed = false;
    int skip = 3, unmapped = 0;
    for (int a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--markdown") == 0 || strcmp(argv[a], "--trace") == 0) {
            a++;
        } else if (strcmp(argv[a], "--sealed") == 0) {
            sealed = true;
        } else if (skip > 0) {
            skip--;
        } else if ((rc = run_file(r, argv[a], sealed)) == -1) {
            unmapped = -1; /* go on, to name every unmapped question */
        } else if (rc < 0) {
            return rc;
        }
    }
    if (unmapped < 0)
        return -1;
    if (r->sets[0].count + r->sets[1].count == 0)
        return -EINVAL;
    /* The development cases gate the run; the sealed ones are measured
     * and reported with them, never tuned on (docs/validation.md). */
    struct target t[5], all[5];
    size_t nt = targets(r->sets, 1, t);
    targets(r->sets, 2, all);
    if (md != NULL && (r->markdown = fopen(md, "w")) == NULL) {
        diag_print_line(stderr, "%s: cannot write", md);
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        FILE *out = i == 0 ? stdout : r->markdown;
        if (out == NULL)
            continue;
        if (i == 1)
            fprintf(out, "# Clinical validation: v3 cases (%s)\n\n", pos[0]);
        set_write(out, &r->sets[0]);
        set_write(out, &r->sets[1]);
        targets_write(out, "seen cases: these gate the run", t, nt);
        if (r->sets[1].count > 0)
            targets_write(out, "seen and sealed together", all, nt);
    }
    if (r->markdown != NULL && fclose(r->markdown) != 0) {
        r->markdown = NULL;
        diag_print_line(stderr, "%s: cannot write", md);
        return -1;
    }
    r->markdown = NULL;
    for (size_t i = 0; i < nt; i++)
        if (!t[i].met)
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    struct run r = {0};
    int rc = run(&r, argc, argv);
    run_free(&r);
    if (rc == -EINVAL)
        fprintf(stderr, "usage: run_facts QUESTIONS MAP FACTS CASES... [--sealed SEALED...] "
                        "[--markdown FILE] [--trace CASE_ID]\n");
    if (rc == -ENOMEM)
        fprintf(stderr, "out of memory\n");
    return rc == 0 ? 0 : rc == 1 ? EXIT_MISSED : rc == -ENOMEM ? EXIT_NO_MEMORY : EXIT_BAD;
}
