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

/* The word a ranked line shows: the band's, unless the status says the
 * band cannot be read as a result. */
static const char *rank_label(const struct survey *s, const struct report_result *res)
{
    switch (res->status) {
    case REPORT_TO_CHECK: return survey_ui(s, UI_TO_CHECK);
    case REPORT_NOT_ASSESSED: return survey_ui(s, UI_NOT_ASSESSED);
    case REPORT_RANKED: break;
    }
    return survey_band(s, res->band)->label;
}

static enum rdoc_tone rank_tone(const struct survey *s, const struct report_result *res)
{
    if (res->status == REPORT_TO_CHECK)
        return RDOC_TONE_MID;
    return res->status == REPORT_NOT_ASSESSED ? RDOC_TONE_LOW
                                              : tone(res->band, survey_band_count(s));
}

/* The ranked line of result RES at 1-based place PLACE, at DEPTH. */
static void rank_line(struct builder *b, const struct survey *s, const struct report_result *res,
                      size_t place, int depth)
{
    struct rdoc_block *bl = add(b, RDOC_RANK, RDOC_PLAIN, depth, NULL);
    if (bl == NULL)
        return;
    bl->tone = rank_tone(s, res);
    bl->rank = (struct rdoc_rank){.rank = place,
                                  .name = survey_condition(s, res->score.condition)->name,
                                  .status = res->status,
                                  .band_label = rank_label(s, res),
                                  .band = res->band,
                                  .band_count = survey_band_count(s),
                                  .flagged = res->flagged};
}

static void ranking(struct builder *b, const struct survey *s, const struct report *r)
{
    begin(b, RDOC_RANKING);
    add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, UI_RANKING));
    /* After an emergency stop, "unlikely" would be a verdict on questions
     * never asked; under a same-day banner, "nothing stands out" would
     * reassure: a neutral line instead. */
    if (r->stopped)
        add(b, RDOC_PARA, RDOC_PLAIN, 0, survey_ui(s, UI_NOT_ASSESSED_NOTE));
    else if (r->level >= TRIAGE_SAME_DAY && r->flagged_count == 0 && r->to_check_count == 0)
        add(b, RDOC_PARA, RDOC_PLAIN, 0, survey_ui(s, UI_NONE_STANDS_OUT));
    for (size_t i = 0; i < r->result_count; i++)
        rank_line(b, s, &r->results[i], i + 1, 1);
}

static void causes(struct builder *b, const struct survey *s, const struct report *r)
{
    begin(b, RDOC_CAUSES);
    add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, UI_OTHER_CAUSES));
    for (size_t i = 0; i < r->cause_count; i++) {
        const struct other_cause *oc = survey_other_cause(s, r->causes[i]);
        add(b, RDOC_PARA, RDOC_EMPHASIS, 0, oc->name);
        /* Its text may reassure ("usually nothing to worry about"), which
         * must not stand under a same-day or emergency banner. */
        if (r->level < TRIAGE_SAME_DAY)
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

/* A "LABEL: TEXT" field at DEPTH (TEXT NULL: a label over the items after it). */
static void field_at(struct builder *b, int depth, enum rdoc_style style, const char *label,
                     const char *text)
{
    struct rdoc_block *bl = add(b, RDOC_FIELD, style, depth, text);
    if (bl != NULL)
        bl->label = label;
}

/* A plain field of a condition's details. */
static void field(struct builder *b, const char *label, const char *text)
{
    field_at(b, 1, RDOC_PLAIN, label, text);
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

/* The ids (IDS) or texts of the questions in LIST (N of them), joined into
 * one text the document owns; NULL when N is 0 or out of memory. */
static const char *join_questions(struct builder *b, const struct survey *s, const size_t *list,
                                  size_t n, bool ids)
{
    const char *sep = ids ? ", " : "; ";
    size_t len = 1, at = 0;
    for (size_t i = 0; i < n; i++) {
        const struct question *q = survey_question(s, list[i]);
        len += strlen(ids ? q->id : q->text) + strlen(sep);
    }
    if (n == 0)
        return NULL;
    char *text = malloc(len);
    if (text == NULL) {
        b->failed = true;
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const struct question *q = survey_question(s, list[i]);
        const char *one = ids ? q->id : q->text;
        if (i > 0) {
            memcpy(text + at, sep, strlen(sep));
            at += strlen(sep);
        }
        memcpy(text + at, one, strlen(one));
        at += strlen(one);
    }
    text[at] = '\0';
    return own(b, text);
}

static const char *level_word(const struct survey *s, enum triage t)
{
    switch (t) {
    case TRIAGE_AMBULANCE: return survey_ui(s, UI_LEVEL_AMBULANCE);
    case TRIAGE_AE: return survey_ui(s, UI_LEVEL_AE);
    case TRIAGE_SAME_DAY: return survey_ui(s, UI_LEVEL_SAME_DAY);
    case TRIAGE_SOON: return survey_ui(s, UI_LEVEL_SOON);
    case TRIAGE_SELF_CARE: break;
    }
    return survey_ui(s, UI_LEVEL_SELF_CARE);
}

/* "LABEL: TEXT" as one item at DEPTH, composed (LABEL may be NULL after
 * a failure, which the builder has noted). */
static void labelled(struct builder *b, int depth, const char *label, const char *text)
{
    if (label != NULL && text != NULL)
        add(b, RDOC_ITEM, RDOC_PLAIN, depth, own(b, wipe_printf("%s: %s", label, text)));
}

/* One reason for the triage level: LABEL (its "{level}" LEVEL's word), then TEXT. */
static void why(struct builder *b, const struct survey *s, enum uistr label, enum triage level,
                const char *text)
{
    const char *vars[] = {"level", level_word(s, level), NULL};
    char *l = uistr_expand(survey_ui(s, label), vars);
    if (l == NULL)
        b->failed = true;
    labelled(b, 0, l, text);
    free(l); /* a label: no answer in it */
}

/* The summary's first lines: the level, and every red flag, rule, flagged
 * deficiency and other cause behind it, most urgent first. */
static void triage_why(struct builder *b, const struct survey *s, const struct report *r)
{
    begin(b, RDOC_TRIAGE);
    field_at(b, 0, r->level >= TRIAGE_SAME_DAY ? RDOC_WARNING : RDOC_PLAIN, survey_ui(s, UI_TRIAGE),
             level_word(s, r->level));
    add(b, RDOC_PARA, RDOC_PLAIN, 0, survey_ui(s, UI_TRIAGE_WHY));
    size_t n = 0;
    for (int level = TRIAGE_AMBULANCE; level >= TRIAGE_SAME_DAY; level--)
        for (size_t i = 0; i < r->red_flag_count; i++) {
            const struct question *q = survey_question(s, r->red_flags[i]);
            if ((int)q->red_flag_level != level)
                continue;
            why(b, s, UI_WHY_RED_FLAG, q->red_flag_level, q->text);
            n++;
        }
    for (size_t i = 0; i < r->unsure_count; i++, n++)
        why(b, s, UI_WHY_UNSURE, TRIAGE_SAME_DAY, survey_question(s, r->unsure_flags[i])->text);
    for (int level = TRIAGE_AMBULANCE; level >= TRIAGE_SOON; level--)
        for (size_t i = 0; i < r->rule_count; i++) {
            const struct triage_rule *rule = survey_rule(s, r->rules[i]);
            if ((int)rule->level != level)
                continue;
            why(b, s, UI_WHY_RULE, rule->level, rule->advice);
            n++;
        }
    for (size_t i = 0; i < r->result_count; i++) {
        const struct report_result *res = &r->results[i];
        if (!res->flagged)
            continue;
        char *text = wipe_printf("%s (%s)", survey_condition(s, res->score.condition)->name,
                                 survey_band(s, res->band)->label);
        why(b, s, UI_WHY_FLAGGED, TRIAGE_SOON, own(b, text));
        n++;
    }
    for (size_t i = 0; i < r->cause_count; i++, n++)
        why(b, s, UI_WHY_CAUSE, TRIAGE_SELF_CARE, survey_other_cause(s, r->causes[i])->name);
    if (n == 0)
        add(b, RDOC_ITEM, RDOC_PLAIN, 0, survey_ui(s, UI_WHY_NONE));
}

/* After an emergency stop: that the deficiencies were not assessed, and
 * the questions never asked (by id: the record's names for them). */
static void stopped(struct builder *b, const struct survey *s, const struct report *r)
{
    begin(b, RDOC_STOPPED);
    char count[32];
    snprintf(count, sizeof(count), "%zu", r->not_asked_count);
    const char *vars[] = {"n", count, NULL};
    add(b, RDOC_PARA, RDOC_WARNING, 0, own(b, uistr_expand(survey_ui(s, UI_STOPPED_EARLY), vars)));
    add(b, RDOC_PARA, RDOC_QUIET, 1, join_questions(b, s, r->not_asked, r->not_asked_count, true));
}

/* Whether question Q was shown and answered. */
static bool answered(const struct session *se, size_t q)
{
    return session_visible(se, q) && session_answer(se, q) != ANSWER_NONE;
}

/* "TEXT [Answer]" for question Q, owned by the document. */
static const char *with_answer(struct builder *b, const struct session *se, size_t q)
{
    const struct survey *s = session_survey(se);
    return own(b, wipe_printf("%s [%s]", survey_question(s, q)->text,
                              survey_answer_label(s, session_answer(se, q))));
}

static void onset(struct builder *b, const struct session *se)
{
    const struct survey *s = session_survey(se);
    size_t n, shown = 0;
    const size_t *list = survey_summary_onset(s, &n);
    for (size_t i = 0; i < n; i++)
        shown += answered(se, list[i]);
    if (shown == 0)
        return;
    begin(b, RDOC_ONSET);
    add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, UI_ONSET));
    for (size_t i = 0; i < n; i++)
        if (answered(se, list[i]))
            add(b, RDOC_ITEM, RDOC_PLAIN, 0, with_answer(b, se, list[i]));
}

/* Whether the summary shows question Q, answered A, elsewhere: under the
 * onset, among the medicines taken (yes or not sure), or, a warning sign
 * answered yes or not sure, among the triage level's reasons. */
static bool shown_apart(const struct survey *s, size_t q, enum answer a)
{
    if (survey_question(s, q)->red_flag != NULL && (a == ANSWER_YES || a == ANSWER_UNSURE))
        return true;
    size_t n, m;
    const size_t *onset_list = survey_summary_onset(s, &n);
    const size_t *medicines = survey_summary_medicines(s, &m);
    for (size_t i = 0; i < n; i++)
        if (onset_list[i] == q)
            return true;
    for (size_t i = 0; i < m; i++)
        if (medicines[i] == q) /* a medicine not taken stays among the noes */
            return a != ANSWER_NO;
    return false;
}

/* The other answers: each yes, then each "not sure" (their texts: they
 * matter), then the noes in one line of ids. */
static void answers(struct builder *b, const struct session *se, size_t *scratch)
{
    const struct survey *s = session_survey(se);
    static const struct {
        enum answer answer;
        enum uistr label;
    } groups[] = {{ANSWER_YES, UI_ANSWERED_YES}, {ANSWER_UNSURE, UI_ANSWERED_UNSURE}};
    begin(b, RDOC_ANSWERS);
    for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
        bool any = false;
        for (size_t q = 0; q < survey_question_count(s); q++) {
            if (!answered(se, q) || session_answer(se, q) != groups[g].answer ||
                shown_apart(s, q, groups[g].answer))
                continue;
            if (!any)
                field_at(b, 0, RDOC_PLAIN, survey_ui(s, groups[g].label), NULL);
            any = true;
            add(b, RDOC_ITEM, RDOC_PLAIN, 1, survey_question(s, q)->text);
        }
    }
    size_t n = 0;
    for (size_t q = 0; q < survey_question_count(s); q++)
        if (answered(se, q) && session_answer(se, q) == ANSWER_NO && !shown_apart(s, q, ANSWER_NO))
            scratch[n++] = q;
    if (n > 0)
        field_at(b, 0, RDOC_PLAIN, survey_ui(s, UI_ANSWERED_NO),
                 join_questions(b, s, scratch, n, true));
}

/* The medicines the person said they take (and those they were not sure
 * of), when they were asked about any. */
static void medicines(struct builder *b, const struct session *se)
{
    const struct survey *s = session_survey(se);
    size_t n, asked = 0, taken = 0;
    const size_t *list = survey_summary_medicines(s, &n);
    for (size_t i = 0; i < n; i++) {
        asked += answered(se, list[i]);
        taken += answered(se, list[i]) && session_answer(se, list[i]) != ANSWER_NO;
    }
    if (asked == 0)
        return;
    begin(b, RDOC_MEDICINES);
    field_at(b, 0, RDOC_PLAIN, survey_ui(s, UI_MEDICINES),
             taken == 0 ? survey_ui(s, UI_NO_MEDICINES) : NULL);
    for (size_t i = 0; i < n; i++) {
        if (!answered(se, list[i]) || session_answer(se, list[i]) == ANSWER_NO)
            continue;
        add(b, RDOC_ITEM, RDOC_PLAIN, 1,
            session_answer(se, list[i]) == ANSWER_YES ? survey_question(s, list[i])->text
                                                      : with_answer(b, se, list[i]));
    }
}

/* Every condition as ranked, each with the answers for it and against it
 * (and the other cause that held it back). */
static void reasons_block(struct builder *b, const struct survey *s, const struct report *r)
{
    begin(b, RDOC_REASONS);
    add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, UI_REASONS));
    for (size_t i = 0; i < r->result_count; i++) {
        const struct report_result *res = &r->results[i];
        rank_line(b, s, res, i + 1, 0);
        if (res->for_count > 0)
            labelled(b, 1, survey_ui(s, UI_FOR),
                     join_questions(b, s, res->reasons_for, res->for_count, false));
        if (res->against_count > 0)
            labelled(b, 1, survey_ui(s, UI_AGAINST_SHORT),
                     join_questions(b, s, res->reasons_against, res->against_count, false));
        if (res->explained_by >= 0) {
            const char *vars[] = {"cause", survey_other_cause(s, (size_t)res->explained_by)->name,
                                  NULL};
            labelled(b, 1, survey_ui(s, UI_AGAINST_SHORT),
                     own(b, uistr_expand(survey_ui(s, UI_EXPLAINED), vars)));
        }
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
    if (r->not_for >= 0) {
        /* Not who the check is for: its text, then the record for a
         * clinician, and nothing that reads as a result. */
        begin(b, RDOC_NOT_FOR);
        add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, UI_NOT_FOR_TITLE));
        add(b, RDOC_PARA, RDOC_WARNING, 0, survey_question(s, (size_t)r->not_for)->not_for);
    }
    triage_why(b, s, r);
    if (r->stopped)
        stopped(b, s, r);
    begin(b, RDOC_NOTE);
    add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, UI_NOT_A_DIAGNOSIS));
    if (!survey_reviewed(s))
        add(b, RDOC_PARA, RDOC_QUIET, 0, survey_ui(s, UI_UNREVIEWED));
    if (r->not_for < 0)
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
    onset(b, se);
    size_t *scratch = calloc(survey_question_count(s) + 1, sizeof(*scratch));
    if (scratch == NULL)
        b->failed = true;
    else
        answers(b, se, scratch);
    if (scratch != NULL) /* it says which questions were answered no */
        explicit_bzero(scratch, (survey_question_count(s) + 1) * sizeof(*scratch));
    free(scratch);
    medicines(b, se);
    reasons_block(b, s, r);
    if (r->not_for < 0) {
        advice(b, s);
        begin(b, RDOC_NEXT_STEP);
        add(b, RDOC_PARA, RDOC_HEADING, 0, survey_ui(s, next_step(r->level)));
        advice_at(b, s, r, TRIAGE_SOON, RDOC_PLAIN); /* "see a doctor soon" rules */
    }
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
