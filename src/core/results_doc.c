/* SPDX-License-Identifier: MIT */
/* results_doc: the one place that decides what the results say, and in
 * what order. */
#include "musclecheck/results_doc.h"

#include "musclecheck/triage.h"
#include "musclecheck/wipe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct builder {
    struct results_doc doc;
    struct rdoc_part *parts;
    size_t part_cap;
    struct rdoc_block *blocks;
    size_t block_cap;
    char **owned; /* composed texts */
    size_t owned_count, owned_cap;
    bool failed;              /* out of memory somewhere: the document is incomplete */
    const struct session *se; /* the answers, which some entries are shown for */
};

/* ARRAY with room for NEED elements of SIZE bytes (*CAP updated), or NULL
 * with ARRAY and *CAP unchanged. The caller must keep a new array even when
 * it then has nothing to put in it: the old one may be gone. */
static void *grow(void *array, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return array;
    size_t cap2 = *cap != 0 ? *cap * 2 : 16;
    while (cap2 < need)
        cap2 *= 2;
    void *bigger = reallocarray(array, cap2, size);
    if (bigger != NULL)
        *cap = cap2;
    return bigger;
}

static void begin(struct builder *b, enum rdoc_section section)
{
    struct rdoc_part *parts = grow(b->parts, &b->part_cap, b->doc.part_count + 1, sizeof(*parts));
    if (parts == NULL) {
        b->failed = true;
        return;
    }
    b->parts = parts;
    b->parts[b->doc.part_count++] =
        (struct rdoc_part){.section = section, .first = b->doc.block_count};
}

static struct rdoc_block *add(struct builder *b, enum rdoc_kind kind, enum rdoc_style style,
                              int depth, const char *text)
{
    struct rdoc_block *blocks =
        grow(b->blocks, &b->block_cap, b->doc.block_count + 1, sizeof(*blocks));
    if (blocks != NULL)
        b->blocks = blocks;
    if (blocks == NULL || b->doc.part_count == 0) {
        b->failed = true;
        return NULL;
    }
    struct rdoc_block *bl = &b->blocks[b->doc.block_count++];
    *bl = (struct rdoc_block){.kind = kind, .style = style, .depth = depth, .text = text};
    b->parts[b->doc.part_count - 1].count++;
    return bl;
}

/* Keeps TEXT (from wipe_printf or uistr_expand; NULL when that failed) to be
 * wiped and freed with the document. */
static const char *own(struct builder *b, char *text)
{
    char **owned = grow(b->owned, &b->owned_cap, b->owned_count + 1, sizeof(*owned));
    if (owned != NULL)
        b->owned = owned; /* even when TEXT is NULL: the old array may be gone */
    if (text == NULL || owned == NULL) {
        wipe_free(text);
        b->failed = true;
        return NULL;
    }
    b->owned[b->owned_count++] = text;
    return text;
}

static enum rdoc_tone tone(size_t band, size_t band_count)
{
    if (band == 0)
        return RDOC_TONE_LOW;
    return band + 1 >= band_count ? RDOC_TONE_HIGH : RDOC_TONE_MID;
}

/* The advice of red flags and rules at LEVEL, in file order, added to B
 * (or, with B NULL, only counted). Returns how many there are. */
static size_t advice_at(struct builder *b, const struct survey *s, const struct report *r,
                        enum triage level, enum rdoc_style style)
{
    size_t n = 0;
    for (size_t i = 0; i < r->red_flag_count; i++) {
        const struct question *q = survey_question(s, r->red_flags[i]);
        if (q->red_flag_level != level)
            continue;
        n++;
        if (b != NULL)
            add(b, RDOC_ITEM, style, 0, q->red_flag);
    }
    for (size_t i = 0; i < r->rule_count; i++) {
        const struct triage_rule *rule = survey_rule(s, r->rules[i]);
        if (rule->level != level)
            continue;
        n++;
        if (b != NULL)
            add(b, RDOC_ITEM, style, 0, rule->advice);
    }
    return n;
}

/* The title names what to do: an ambulance and A&E are different acts. */
static void urgent(struct builder *b, const struct survey *s, const struct report *r)
{
    begin(b, RDOC_URGENT);
    add(b, RDOC_PARA, RDOC_WARNING, 0,
        survey_ui(s, r->level == TRIAGE_AMBULANCE ? UI_AMBULANCE_TITLE : UI_AE_TITLE));
    advice_at(b, s, r, TRIAGE_AMBULANCE, RDOC_WARNING);
    advice_at(b, s, r, TRIAGE_AE, RDOC_WARNING);
    add(b, RDOC_PARA, RDOC_PLAIN, 0, survey_ui(s, UI_URGENT_OVERRIDES));
}

/* Same-day advice, and the warning signs the person was not sure of: a
 * clinician should ask about each of them today. */
static void same_day(struct builder *b, const struct survey *s, const struct report *r, bool kiosk)
{
    begin(b, RDOC_SAME_DAY);
    add(b, RDOC_PARA, RDOC_WARNING, 0, survey_ui(s, UI_SAME_DAY_TITLE));
    if (kiosk)
        add(b, RDOC_PARA, RDOC_EMPHASIS, 0, survey_ui(s, UI_KIOSK_SAME_DAY));
    if (r->unsure_count > 0) {
        add(b, RDOC_PARA, RDOC_PLAIN, 0, survey_ui(s, UI_UNSURE_SIGNS));
        for (size_t i = 0; i < r->unsure_count; i++)
            add(b, RDOC_ITEM, RDOC_PLAIN, 1, survey_question(s, r->unsure_flags[i])->text);
    }
    advice_at(b, s, r, TRIAGE_SAME_DAY, RDOC_PLAIN);
}

static void ranking(struct builder *b, const struct survey *s, const struct report *r)
{
    begin(b, RDOC_RANKING);
    add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, UI_RANKING));
    for (size_t i = 0; i < r->result_count; i++) {
        const struct report_result *res = &r->results[i];
        struct rdoc_block *bl = add(b, RDOC_RANK, RDOC_PLAIN, 1, NULL);
        if (bl == NULL)
            return;
        bl->tone = tone(res->band, survey_band_count(s));
        bl->rank = (struct rdoc_rank){.rank = i + 1,
                                      .name = survey_condition(s, res->score.condition)->name,
                                      .band_label = survey_band(s, res->band)->label,
                                      .band = res->band,
                                      .band_count = survey_band_count(s),
                                      .flagged = res->flagged};
    }
}

static void causes(struct builder *b, const struct survey *s, const struct report *r)
{
    begin(b, RDOC_CAUSES);
    add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, UI_OTHER_CAUSES));
    for (size_t i = 0; i < r->cause_count; i++) {
        const struct other_cause *oc = survey_other_cause(s, r->causes[i]);
        add(b, RDOC_PARA, RDOC_EMPHASIS, 0, oc->name);
        add(b, RDOC_PARA, RDOC_PLAIN, 1, oc->text);
        /* Say which conditions it held back, flagged or not: a condition it
         * took down to "unlikely" has no details to say so. */
        size_t len = 0;
        for (size_t k = 0; k < r->result_count; k++)
            if (r->results[k].explained_by == (long)r->causes[i])
                len += strlen(survey_condition(s, r->results[k].score.condition)->name) + 2;
        if (len == 0)
            continue;
        char *names = malloc(len + 1);
        if (names == NULL) {
            b->failed = true;
            return;
        }
        names[0] = '\0';
        for (size_t k = 0; k < r->result_count; k++) {
            if (r->results[k].explained_by != (long)r->causes[i])
                continue;
            if (names[0] != '\0')
                strcat(names, ", ");
            strcat(names, survey_condition(s, r->results[k].score.condition)->name);
        }
        const char *vars[] = {"conditions", names, NULL};
        char *text = uistr_expand(survey_ui(s, UI_CAUSE_EXPLAINS), vars);
        free(names);
        add(b, RDOC_PARA, RDOC_PLAIN, 1, own(b, text));
    }
}

/* The entries of LIST that the answers make relevant (SHOWN); with B
 * NULL, only counted. */
static size_t items(struct builder *b, const struct session *se, int depth, const char *const *list,
                    const struct shown_when *shown, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (!triage_shown(se, &shown[i]))
            continue;
        count++;
        if (b != NULL)
            add(b, RDOC_ITEM, RDOC_PLAIN, depth, list[i]);
    }
    return count;
}

static void field(struct builder *b, const char *label, const char *text)
{
    struct rdoc_block *bl = add(b, RDOC_FIELD, RDOC_PLAIN, 1, text);
    if (bl != NULL)
        bl->label = label;
}

static void details(struct builder *b, const struct survey *s, const struct report_result *res)
{
    const struct condition *c = survey_condition(s, res->score.condition);
    char *text = wipe_printf("%s: %s", c->name, survey_band(s, res->band)->label);
    begin(b, RDOC_DETAILS);
    struct rdoc_block *head = add(b, RDOC_PARA, RDOC_EMPHASIS, 0, own(b, text));
    if (head != NULL)
        head->tone = tone(res->band, survey_band_count(s));
    if (res->for_count > 0) {
        add(b, RDOC_PARA, RDOC_PLAIN, 1, survey_ui(s, UI_BECAUSE));
        for (size_t i = 0; i < res->for_count; i++)
            add(b, RDOC_ITEM, RDOC_PLAIN, 2, survey_question(s, res->reasons_for[i])->text);
    }
    if (res->against_count > 0) {
        add(b, RDOC_PARA, RDOC_PLAIN, 1, survey_ui(s, UI_AGAINST));
        for (size_t i = 0; i < res->against_count; i++)
            add(b, RDOC_ITEM, RDOC_PLAIN, 2, survey_question(s, res->reasons_against[i])->text);
    }
    if (res->explained_by >= 0) {
        const char *vars[] = {"cause", survey_other_cause(s, (size_t)res->explained_by)->name,
                              NULL};
        char *why = uistr_expand(survey_ui(s, UI_EXPLAINED), vars);
        add(b, RDOC_PARA, RDOC_PLAIN, 1, own(b, why));
    }
    field(b, survey_ui(s, UI_ROLE), c->role);
    field(b, survey_ui(s, UI_MUSCLE_SYMPTOMS), c->muscle_symptoms);
    field(b, survey_ui(s, UI_OTHER_SYMPTOMS), c->other_symptoms);
    /* No "foods that help" when every food is held back (more potassium
     * for someone whose kidneys or medicines keep it in). */
    if (items(NULL, b->se, 2, c->foods, c->foods_shown, c->food_count) > 0) {
        field(b, survey_ui(s, UI_FOODS), NULL);
        items(b, b->se, 2, c->foods, c->foods_shown, c->food_count);
    }
    if (items(NULL, b->se, 2, c->tips, c->tips_shown, c->tip_count) > 0) {
        field(b, survey_ui(s, UI_TIPS), NULL);
        items(b, b->se, 2, c->tips, c->tips_shown, c->tip_count);
    }
}

static void answers(struct builder *b, const struct session *se)
{
    const struct survey *s = session_survey(se);
    begin(b, RDOC_ANSWERS);
    add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, UI_YOUR_ANSWERS));
    for (size_t q = 0; q < survey_question_count(s); q++) {
        enum answer a = session_answer(se, q);
        if (!session_visible(se, q) || a == ANSWER_NONE)
            continue;
        char *text = wipe_printf("%s [%s]", survey_question(s, q)->text, survey_answer_label(s, a));
        add(b, RDOC_ITEM, RDOC_PLAIN, 0, own(b, text));
    }
}

static void advice(struct builder *b, const struct survey *s)
{
    begin(b, RDOC_ADVICE);
    add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, UI_ADVICE));
    for (size_t i = 0; i < survey_advice_count(s); i++)
        if (triage_shown(b->se, survey_advice_shown(s, i)))
            add(b, RDOC_ITEM, RDOC_PLAIN, 0, survey_advice(s, i));
}

/* The next step for the level: concrete, and never "nothing to do". */
static enum uistr next_step(enum triage level)
{
    switch (level) {
    case TRIAGE_AMBULANCE:
    case TRIAGE_AE: return UI_NEXT_EMERGENCY;
    case TRIAGE_SAME_DAY: return UI_NEXT_SAME_DAY;
    case TRIAGE_SOON: return UI_BLOOD_TEST;
    case TRIAGE_SELF_CARE: break;
    }
    return UI_NEXT_SELF_CARE;
}

struct results_doc *results_doc_new(const struct report *r, const struct session *se, bool kiosk)
{
    const struct survey *s = session_survey(se);
    struct builder *b = calloc(1, sizeof(*b));
    if (b == NULL)
        return NULL;
    b->doc.level = r->level;
    b->se = se;
    /* The most urgent advice leads: everything else can wait. */
    if (triage_urgent(r->level))
        urgent(b, s, r);
    if (r->unsure_count > 0 || advice_at(NULL, s, r, TRIAGE_SAME_DAY, RDOC_PLAIN) > 0)
        same_day(b, s, r, kiosk);
    begin(b, RDOC_NOTE);
    add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, UI_NOT_A_DIAGNOSIS));
    if (!survey_reviewed(s))
        add(b, RDOC_PARA, RDOC_QUIET, 0, survey_ui(s, UI_UNREVIEWED));
    ranking(b, s, r);
    if (r->no_findings) {
        begin(b, RDOC_NOTHING);
        add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, UI_NOTHING_FLAGGED));
        add(b, RDOC_PARA, RDOC_PLAIN, 0, survey_text(s, SURVEY_NO_FINDINGS));
    }
    if (r->cause_count > 0)
        causes(b, s, r);
    for (size_t i = 0; i < r->result_count; i++)
        if (r->results[i].flagged)
            details(b, s, &r->results[i]);
    answers(b, se);
    advice(b, s);
    begin(b, RDOC_NEXT_STEP);
    add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, next_step(r->level)));
    advice_at(b, s, r, TRIAGE_SOON, RDOC_PLAIN); /* "see a doctor soon" rules */
    begin(b, RDOC_DISCLAIMER);
    add(b, RDOC_PARA, RDOC_QUIET, 0, survey_text(s, SURVEY_DISCLAIMER));
    if (b->failed) {
        results_doc_free(&b->doc);
        return NULL;
    }
    b->doc.parts = b->parts;
    b->doc.blocks = b->blocks;
    return &b->doc;
}

enum triage results_doc_level(const struct results_doc *d)
{
    return d->level;
}

void results_doc_free(struct results_doc *d)
{
    if (d == NULL)
        return;
    struct builder *b = (struct builder *)d; /* the document is the builder's first member */
    for (size_t i = 0; i < b->owned_count; i++)
        wipe_free(b->owned[i]);
    free(b->owned);
    free(b->parts);
    free(b->blocks);
    free(b);
}
