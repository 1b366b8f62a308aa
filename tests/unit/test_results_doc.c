/* SPDX-License-Identifier: MIT */
/* Tests for the results document: which sections, in which order, with
 * which meanings, for emergency, same-day, flagged and empty results, other
 * causes, the next step for each level and the kiosk's same-day message. */
#include "support.h"

#include "failmalloc.h"

#include "musclecheck/output.h"
#include "musclecheck/results_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sample.h"

static struct survey *s, *model;

static int setup(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: flag\n"
                              "    text: Chest pain?\n"
                              "    red_flag: Call now.\n"
                              "  - id: a1\n"
                              "    text: A1?\n"
                              "    evidence: {alpha: 3}\n"
                              "  - id: a2\n"
                              "    text: A2?\n"
                              "    evidence: {alpha: 2, beta: 1}\n");
    s = support_load_ok(yaml);
    free(yaml);
    model = support_model_load();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    survey_free(s);
    survey_free(model);
    return 0;
}

struct built {
    struct session *se;
    struct report *r;
    struct results_doc *d;
};

static struct built build_in(const struct survey *sv, const char *answers, bool kiosk)
{
    struct built b;
    b.se = support_session(sv, answers);
    b.r = report_new(b.se);
    assert_non_null(b.r);
    b.d = results_doc_new(b.r, b.se, kiosk);
    assert_non_null(b.d);
    return b;
}

static struct built build(const char *answers)
{
    return build_in(s, answers, false);
}

static struct built build_model(const char *answers)
{
    return build_in(model, answers, false);
}

static void done(struct built *b)
{
    results_doc_free(b->d);
    report_free(b->r);
    session_free(b->se);
}

/* The sections of D in order, as a string of their numbers. */
static void sections(const struct results_doc *d, char *out)
{
    for (size_t i = 0; i < d->part_count; i++)
        out[i] = (char)('0' + d->parts[i].section);
    out[d->part_count] = '\0';
}

static const struct rdoc_block *find(const struct results_doc *d, const char *text)
{
    for (size_t i = 0; i < d->block_count; i++)
        if (d->blocks[i].text != NULL && strstr(d->blocks[i].text, text) != NULL)
            return &d->blocks[i];
    return NULL;
}

/* The first part of SECTION in D, or NULL. */
static const struct rdoc_part *part(const struct results_doc *d, enum rdoc_section section)
{
    for (size_t i = 0; i < d->part_count; i++)
        if (d->parts[i].section == section)
            return &d->parts[i];
    return NULL;
}

/* The block of part P whose text is TEXT exactly, or NULL. */
static const struct rdoc_block *in_part(const struct results_doc *d, const struct rdoc_part *p,
                                        const char *text)
{
    for (size_t i = p != NULL ? p->first : 0; p != NULL && i < p->first + p->count; i++)
        if (d->blocks[i].text != NULL && strcmp(d->blocks[i].text, text) == 0)
            return &d->blocks[i];
    return NULL;
}

/* Asserts that D's sections are exactly EXPECT (N of them). */
static void expect_sections(const struct results_doc *d, const enum rdoc_section *expect, size_t n)
{
    char order[64], want[64];
    for (size_t i = 0; i < n; i++)
        want[i] = (char)('0' + expect[i]);
    want[n] = '\0';
    sections(d, order);
    assert_string_equal(order, want);
}

/* A yes to a not_for question (under 16): the later questions are not
 * asked, nothing is assessed or ranked, and the results lead with what to
 * do instead; no food, tip, advice or blood test for a child. */
static void not_for_ends_the_check_with_what_to_do_instead(void **state)
{
    (void)state;
    char *yaml =
        support_yaml("  - id: young\n    text: Under 16?\n"
                     "    not_for: This check is for adults. Tell a parent.\n"
                     "  - id: q1\n    text: A?\n    evidence: {alpha: {yes: 5, kind: sign}}\n");
    struct survey *sv = support_load_ok(yaml);
    struct built b = build_in(sv, "young=no q1=yes", false);
    assert_int_equal(b.r->not_for, -1);
    assert_true(b.r->flagged_count > 0);
    assert_null(part(b.d, RDOC_NOT_FOR));
    done(&b);
    b = build_in(sv, "young=yes q1=yes", false);
    assert_false(session_visible(b.se, 1)); /* never asked */
    assert_int_equal(b.r->not_for, 0);
    assert_int_equal(b.r->flagged_count, 0);
    for (size_t i = 0; i < b.r->result_count; i++)
        assert_int_equal(b.r->results[i].status, REPORT_NOT_ASSESSED);
    assert_false(b.r->no_findings); /* no "nothing stands out" either */
    assert_int_equal(b.d->parts[0].section, RDOC_NOT_FOR);
    assert_non_null(
        in_part(b.d, part(b.d, RDOC_NOT_FOR), "This check is for adults. Tell a parent."));
    assert_null(part(b.d, RDOC_RANKING));
    assert_null(part(b.d, RDOC_DETAILS));
    assert_null(part(b.d, RDOC_ADVICE));
    assert_null(part(b.d, RDOC_NEXT_STEP));
    assert_non_null(part(b.d, RDOC_DISCLAIMER));
    done(&b);
    survey_free(sv);
    free(yaml);
}

static void flagged_results_in_order(void **state)
{
    (void)state;
    struct built b = build("flag=no a1=yes a2=yes");
    char order[32], want[32];
    const enum rdoc_section expect[] = {RDOC_TRIAGE,  RDOC_NOTE,      RDOC_RANKING,
                                        RDOC_DETAILS, RDOC_ANSWERS,   RDOC_REASONS,
                                        RDOC_ADVICE,  RDOC_NEXT_STEP, RDOC_DISCLAIMER};
    size_t n = sizeof(expect) / sizeof(expect[0]);
    for (size_t i = 0; i < n; i++)
        want[i] = (char)('0' + expect[i]);
    want[n] = '\0';
    sections(b.d, order);
    assert_string_equal(order, want); /* alpha flagged: one details part; beta not */
    const struct rdoc_block *head = find(b.d, "Alpha: Likely");
    assert_non_null(head);
    assert_int_equal(head->style, RDOC_EMPHASIS);
    assert_int_equal(head->tone, RDOC_TONE_HIGH);
    /* Reasons strongest first, then the comparison rows, foods and tips. */
    const struct rdoc_block *a1 = find(b.d, "A1?");
    assert_non_null(a1);
    assert_true(a1 < find(b.d, "A2?"));
    /* The summary lists the yes answers under their label. */
    const struct rdoc_part *given = part(b.d, RDOC_ANSWERS);
    assert_non_null(in_part(b.d, given, "A2?"));
    assert_non_null(in_part(b.d, given, "A1?"));
    assert_non_null(find(b.d, "Does A"));
    assert_non_null(find(b.d, "apples"));
    assert_null(find(b.d, "Does B")); /* beta is not flagged: no details */
    done(&b);
}

static void ranking_rows_carry_what_a_renderer_needs(void **state)
{
    (void)state;
    struct built b = build("flag=no a1=yes a2=no");
    const struct rdoc_part *rank = part(b.d, RDOC_RANKING);
    assert_non_null(rank);
    assert_int_equal(rank->count, 3); /* heading + two conditions */
    const struct rdoc_block *first = &b.d->blocks[rank->first + 1];
    assert_int_equal(first->kind, RDOC_RANK);
    assert_int_equal(first->rank.rank, 1);
    assert_string_equal(first->rank.name, "Alpha");
    assert_string_equal(first->rank.band_label, "Possible"); /* 3 points */
    assert_int_equal(first->tone, RDOC_TONE_MID);
    assert_int_equal(first->rank.band, 1);
    assert_int_equal(first->rank.band_count, 3);
    assert_true(first->rank.flagged);
    const struct rdoc_block *second = &b.d->blocks[rank->first + 2];
    assert_string_equal(second->rank.name, "Beta");
    assert_string_equal(second->rank.band_label, "Unlikely");
    assert_int_equal(second->tone, RDOC_TONE_LOW);
    assert_false(second->rank.flagged);
    assert_int_equal(results_doc_level(b.d), TRIAGE_SOON);
    done(&b);
}

static void urgent_advice_leads_and_no_verdict(void **state)
{
    (void)state;
    struct built b = build("flag=yes");
    assert_int_equal(b.d->parts[0].section, RDOC_URGENT);
    const struct rdoc_block *title = &b.d->blocks[0];
    assert_int_equal(title->style, RDOC_WARNING);
    assert_string_equal(title->text, "Call an ambulance now");
    assert_string_equal(b.d->blocks[1].text, "Call now.");
    for (size_t i = 0; i < b.d->part_count; i++)
        assert_int_not_equal(b.d->parts[i].section, RDOC_NOTHING);
    done(&b);
}

static void nothing_stands_out_when_nothing_is_flagged(void **state)
{
    (void)state;
    struct built b = build("flag=no a1=no a2=no");
    const struct rdoc_block *nothing = find(b.d, "Nothing stands out");
    assert_non_null(nothing);
    assert_int_equal(nothing->style, RDOC_HEADING);
    assert_non_null(find(b.d, "Nothing found."));
    for (size_t i = 0; i < b.d->part_count; i++)
        assert_int_not_equal(b.d->parts[i].section, RDOC_DETAILS);
    done(&b);
}

static void same_day_advice_leads_and_the_questions_went_on(void **state)
{
    (void)state;
    struct built b = build_model("stool=yes sign_a=yes");
    const enum rdoc_section expect[] = {RDOC_SAME_DAY,  RDOC_TRIAGE,    RDOC_NOTE,    RDOC_RANKING,
                                        RDOC_DETAILS,   RDOC_ANSWERS,   RDOC_REASONS, RDOC_ADVICE,
                                        RDOC_NEXT_STEP, RDOC_DISCLAIMER};
    expect_sections(b.d, expect, sizeof(expect) / sizeof(expect[0]));
    const struct rdoc_part *today = part(b.d, RDOC_SAME_DAY);
    const struct rdoc_block *title = &b.d->blocks[today->first];
    assert_string_equal(title->text, "Speak to someone today");
    assert_int_equal(title->style, RDOC_WARNING);
    assert_non_null(in_part(b.d, today, "See a doctor today about black stools."));
    assert_null(in_part(b.d, today, survey_ui(model, UI_KIOSK_SAME_DAY)));
    assert_int_equal(results_doc_level(b.d), TRIAGE_SAME_DAY);
    /* The flagged condition is still shown: a same-day flag does not cut the questions short. */
    assert_non_null(find(b.d, "Alpha: Possible"));
    done(&b);
}

static void same_day_rule_advice_is_in_the_same_day_section(void **state)
{
    (void)state;
    struct built b = build_model("tablets=yes cramps=yes");
    const struct rdoc_part *today = part(b.d, RDOC_SAME_DAY);
    assert_non_null(today);
    assert_non_null(in_part(b.d, today, "Speak to a pharmacist today about your water tablets."));
    assert_null(part(b.d, RDOC_URGENT));
    done(&b);
}

static void kiosk_sends_same_day_patients_to_the_desk(void **state)
{
    (void)state;
    struct built b = build_in(model, "stool=yes", true);
    const struct rdoc_part *today = part(b.d, RDOC_SAME_DAY);
    const struct rdoc_block *desk = in_part(b.d, today, survey_ui(model, UI_KIOSK_SAME_DAY));
    assert_non_null(desk);
    assert_non_null(strstr(desk->text, "staff at the desk"));
    assert_int_equal(desk->style, RDOC_EMPHASIS);
    done(&b);
    /* Without same-day advice there is nothing to send them to the desk for. */
    b = build_in(model, "sign_a=yes", true);
    assert_null(part(b.d, RDOC_SAME_DAY));
    assert_null(find(b.d, "staff at the desk"));
    done(&b);
}

static void emergency_rule_and_same_day_flag_each_in_their_section(void **state)
{
    (void)state;
    struct built b = build_model("stool=yes tablets=yes faint=yes");
    assert_int_equal(b.d->parts[0].section, RDOC_URGENT);
    assert_int_equal(b.d->parts[1].section, RDOC_SAME_DAY);
    const struct rdoc_part *urgent = part(b.d, RDOC_URGENT), *today = part(b.d, RDOC_SAME_DAY);
    assert_non_null(in_part(b.d, urgent, "Fainting on water tablets needs help now."));
    assert_null(in_part(b.d, urgent, "See a doctor today about black stools."));
    assert_non_null(in_part(b.d, today, "See a doctor today about black stools."));
    assert_null(in_part(b.d, today, "Fainting on water tablets needs help now."));
    assert_int_equal(results_doc_level(b.d), TRIAGE_AMBULANCE);
    done(&b);
}

static void other_causes_section_and_the_explained_condition(void **state)
{
    (void)state;
    struct built b = build_model("statin=yes aches=yes cramps=yes weak=yes");
    const enum rdoc_section expect[] = {RDOC_TRIAGE,  RDOC_NOTE,      RDOC_RANKING,   RDOC_CAUSES,
                                        RDOC_DETAILS, RDOC_ANSWERS,   RDOC_MEDICINES, RDOC_REASONS,
                                        RDOC_ADVICE,  RDOC_NEXT_STEP, RDOC_DISCLAIMER};
    expect_sections(b.d, expect, sizeof(expect) / sizeof(expect[0]));
    const struct rdoc_part *causes = part(b.d, RDOC_CAUSES);
    assert_string_equal(b.d->blocks[causes->first].text, "Also worth mentioning to a doctor");
    const struct rdoc_block *name = in_part(b.d, causes, "A statin");
    assert_non_null(name);
    assert_int_equal(name->style, RDOC_EMPHASIS);
    const struct rdoc_block *statin =
        in_part(b.d, causes, "Tell your doctor that you take a statin.");
    assert_non_null(statin);
    assert_true(statin > name);
    /* It names what it held back, since a condition taken down to
     * "unlikely" has no details of its own to say so. */
    assert_non_null(
        in_part(b.d, causes, "It may explain answers that would otherwise point to: Beta."));
    /* Beta has 5 points (likely) but is shown one band lower, saying why. */
    assert_non_null(find(b.d, "Beta: Possible"));
    assert_null(find(b.d, "Beta: Likely"));
    const struct rdoc_block *why =
        find(b.d, "A statin may explain some of this, so it is shown one step lower.");
    assert_non_null(why);
    assert_true(why > &b.d->blocks[part(b.d, RDOC_DETAILS)->first]);
    done(&b);
    /* Without the statin there is no causes section, and beta is likely. */
    b = build_model("statin=no aches=yes cramps=yes weak=yes");
    assert_null(part(b.d, RDOC_CAUSES));
    assert_non_null(find(b.d, "Beta: Likely"));
    assert_null(find(b.d, "may explain"));
    done(&b);
}

static void an_other_cause_alone_is_mentioned_without_lifting_the_level(void **state)
{
    (void)state;
    struct built b = build_model("statin=yes aches=yes");
    assert_non_null(part(b.d, RDOC_NOTHING)); /* no deficiency stands out */
    assert_non_null(part(b.d, RDOC_CAUSES));  /* but the statin is worth mentioning */
    assert_true(part(b.d, RDOC_NOTHING) < part(b.d, RDOC_CAUSES));
    assert_int_equal(results_doc_level(b.d), TRIAGE_SELF_CARE);
    done(&b);
}

/* The warning signs the person was not sure of lead the results, each
 * named, with the same-day advice; in a kiosk, with "speak to the desk". */
static void unsure_warning_signs_are_named_for_today(void **state)
{
    (void)state;
    struct built b = build_model("stroke=unsure");
    assert_int_equal(results_doc_level(b.d), TRIAGE_SAME_DAY);
    assert_int_equal(b.d->parts[0].section, RDOC_SAME_DAY);
    const struct rdoc_block *said = find(b.d, "You were not sure about these warning signs");
    assert_non_null(said);
    assert_string_equal(said[1].text, "Face drooping?");
    assert_int_equal(said[1].kind, RDOC_ITEM);
    assert_null(part(b.d, RDOC_URGENT));
    done(&b);
}

static void reasons_against_are_shown_after_the_reasons_for(void **state)
{
    (void)state;
    struct built b = build_model("sign_a=no cause_a=yes risk_a=yes");
    const struct rdoc_block *because = find(b.d, "Because you said yes to:");
    const struct rdoc_block *against = find(b.d, "Against it, you said no to:");
    assert_non_null(because);
    assert_non_null(against);
    assert_true(because < find(b.d, "Risk of A?"));
    assert_true(find(b.d, "Risk of A?") < find(b.d, "Cause of A?")); /* 4 points before 2 */
    assert_true(against < find(b.d, "Sign of A?"));
    assert_true(because < against);
    done(&b);
}

static void next_step_follows_the_level(void **state)
{
    (void)state;
    static const struct {
        const char *answers;
        enum triage level;
        enum uistr next;
    } cases[] = {
        {"sign_a=no", TRIAGE_SELF_CARE, UI_NEXT_SELF_CARE},
        {"sign_a=yes", TRIAGE_SOON, UI_BLOOD_TEST},
        {"stool=yes", TRIAGE_SAME_DAY, UI_NEXT_SAME_DAY},
        {"stroke=yes", TRIAGE_AMBULANCE, UI_NEXT_EMERGENCY},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct built b = build_model(cases[i].answers);
        assert_int_equal(results_doc_level(b.d), cases[i].level);
        const struct rdoc_part *next = part(b.d, RDOC_NEXT_STEP);
        assert_non_null(next);
        assert_int_equal(next->count, 1);
        assert_string_equal(b.d->blocks[next->first].text, survey_ui(model, cases[i].next));
        done(&b);
    }
    /* Four different texts: none of them says "nothing to do". */
    assert_string_not_equal(survey_ui(model, UI_NEXT_SELF_CARE), survey_ui(model, UI_BLOOD_TEST));
    assert_string_not_equal(survey_ui(model, UI_NEXT_SAME_DAY), survey_ui(model, UI_BLOOD_TEST));
}

static void unreviewed_file_says_so_under_the_note(void **state)
{
    (void)state;
    struct built b = build_model("");
    assert_null(find(b.d, "not yet checked"));
    done(&b);
    char *yaml = support_yaml("  - id: a1\n    text: A1?\n    evidence: {alpha: 3}\n");
    char *at = strstr(yaml, "review_status: reviewed");
    assert_non_null(at);
    char *edited = NULL;
    assert_true(asprintf(&edited, "%.*sreview_status: unreviewed%s", (int)(at - yaml), yaml,
                         at + strlen("review_status: reviewed")) > 0);
    free(yaml);
    struct survey *u = support_load_ok(edited);
    free(edited);
    assert_false(survey_reviewed(u));
    b = build_in(u, "a1=yes", false);
    const struct rdoc_block *note = in_part(b.d, part(b.d, RDOC_NOTE), survey_ui(u, UI_UNREVIEWED));
    assert_non_null(note);
    assert_int_equal(note->style, RDOC_QUIET);
    done(&b);
    survey_free(u);
}

static void soon_rule_advice_goes_with_the_next_step(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: tired\n"
                              "    text: Tired?\n"
                              "    evidence: {alpha: {yes: 1, kind: nonspecific}}\n"
                              "  - id: aches\n"
                              "    text: Aches?\n"
                              "    evidence: {beta: {yes: 1, kind: nonspecific}}\n"
                              "triage_rules:\n"
                              "  - id: both\n"
                              "    level: soon\n"
                              "    when: [[tired], [aches]]\n"
                              "    advice: See a doctor in the next few weeks.\n");
    struct survey *sv = support_load_ok(yaml);
    free(yaml);
    struct built b = build_in(sv, "tired=yes aches=yes", false);
    assert_int_equal(b.r->flagged_count, 0);
    assert_int_equal(results_doc_level(b.d), TRIAGE_SOON); /* from the rule alone */
    const struct rdoc_part *next = part(b.d, RDOC_NEXT_STEP);
    assert_string_equal(b.d->blocks[next->first].text, survey_ui(sv, UI_BLOOD_TEST));
    assert_non_null(in_part(b.d, next, "See a doctor in the next few weeks."));
    assert_null(part(b.d, RDOC_SAME_DAY));
    assert_null(part(b.d, RDOC_URGENT));
    done(&b);
    b = build_in(sv, "tired=yes aches=no", false);
    assert_int_equal(results_doc_level(b.d), TRIAGE_SELF_CARE);
    assert_null(find(b.d, "next few weeks"));
    done(&b);
    survey_free(sv);
}

/* Whether part P of D has a field labelled LABEL. */
static bool has_label(const struct results_doc *d, const struct rdoc_part *p, const char *label)
{
    for (size_t i = p->first; i < p->first + p->count; i++)
        if (d->blocks[i].kind == RDOC_FIELD && d->blocks[i].label == label)
            return true;
    return false;
}

/* The support file with its one advice and alpha's foods and tips replaced,
 * and two questions: kidney (no evidence) and a1 (alpha 3). */
static struct survey *load_shown(void)
{
    char *yaml = support_yaml("  - id: kidney\n    text: Kidney disease?\n"
                              "  - id: a1\n    text: A1?\n    evidence: {alpha: 3}\n");
    char *edited = NULL;
    const char *advice = strstr(yaml, "  - Drink water.\n"),
               *foods = strstr(yaml, "    foods: [apples]\n");
    assert_true(advice != NULL && foods != NULL && advice < foods);
    assert_true(
        asprintf(&edited,
                 "%.*s  - Drink water.\n  - {text: Ask about your kidneys., when: [kidney]}\n"
                 "%.*s    foods: [{text: apples, unless: [kidney]}]\n"
                 "    tips: [eat apples, {text: no more apples, when: [kidney]}]\n%s",
                 (int)(advice - yaml), yaml, (int)(foods - advice - strlen("  - Drink water.\n")),
                 advice + strlen("  - Drink water.\n"),
                 foods + strlen("    foods: [apples]\n    tips: [eat apples]\n")) > 0);
    free(yaml);
    struct survey *sv = support_load_ok(edited);
    free(edited);
    return sv;
}

static void entries_are_shown_when_the_answers_make_them_relevant(void **state)
{
    (void)state;
    struct survey *sv = load_shown();
    struct built b = build_in(sv, "kidney=no a1=yes", false);
    const struct rdoc_part *details = part(b.d, RDOC_DETAILS);
    assert_non_null(details);
    assert_non_null(in_part(b.d, details, "apples"));
    assert_true(has_label(b.d, details, survey_ui(sv, UI_FOODS)));
    assert_null(find(b.d, "no more apples"));
    assert_non_null(in_part(b.d, part(b.d, RDOC_ADVICE), "Drink water."));
    assert_null(find(b.d, "Ask about your kidneys."));
    done(&b);
    /* With every food held back, no "foods" heading at all. */
    b = build_in(sv, "kidney=yes a1=yes", false);
    details = part(b.d, RDOC_DETAILS);
    assert_null(in_part(b.d, details, "apples"));
    assert_false(has_label(b.d, details, survey_ui(sv, UI_FOODS)));
    assert_non_null(in_part(b.d, details, "no more apples"));
    assert_non_null(in_part(b.d, part(b.d, RDOC_ADVICE), "Ask about your kidneys."));
    done(&b);
    /* "Not sure" is not yes: the entries for a yes stay hidden. */
    b = build_in(sv, "kidney=unsure a1=yes", false);
    assert_null(find(b.d, "Ask about your kidneys."));
    done(&b);
    survey_free(sv);
}

/* With any one allocation failing, there is no document: never one with a
 * part missing, and (under ASan, whose realloc always moves) no use of an
 * array that growing moved: the onset answers of 24 questions are more
 * texts than the first array of composed texts holds. */
static void out_of_memory_gives_no_document(void **state)
{
    (void)state;
    char questions[24 * 80] = "", answers[24 * 16] = "", onset[24 * 8] = "";
    for (int i = 0; i < 24; i++) {
        snprintf(questions + strlen(questions), sizeof(questions) - strlen(questions),
                 "  - id: q%d\n    text: Question %d?\n    evidence: {alpha: 1}\n", i, i);
        snprintf(answers + strlen(answers), sizeof(answers) - strlen(answers), "q%d=%s ", i,
                 i % 2 == 0 ? "yes" : "no");
        snprintf(onset + strlen(onset), sizeof(onset) - strlen(onset), "%sq%d", i > 0 ? ", " : "",
                 i);
    }
    snprintf(questions + strlen(questions), sizeof(questions) - strlen(questions),
             "summary:\n  onset: [%s]\n", onset);
    char *yaml = support_yaml(questions);
    struct survey *many = support_load_ok(yaml);
    free(yaml);
    struct session *se = support_session(many, answers);
    struct report *r = report_new(se);
    assert_non_null(r);
    failmalloc_start(FAILMALLOC_NEVER);
    struct results_doc *d = results_doc_new(r, se, false);
    size_t count = failmalloc_stop();
    assert_non_null(d);
    assert_true(count > 24);
    results_doc_free(d);
    for (size_t at = 0; at < count; at++) {
        failmalloc_start(at);
        d = results_doc_new(r, se, false);
        failmalloc_stop();
        if (d != NULL)
            fail_msg("allocation %zu of %zu failing: a document", at, count);
    }
    report_free(r);
    session_free(se);
    survey_free(many);
}

static void free_accepts_null(void **state)
{
    (void)state;
    results_doc_free(NULL);
}

/* ---- What a GP checks: the summary and honest results (issue 20) ---- */

/* The summary for a doctor of B as text, unwrapped (the caller frees). */
static char *summary_text(const struct built *b, const struct survey *sv)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    assert_int_equal(output_summary(f, b->d, sv, 0, 400), 0);
    fclose(f);
    /* A copy: with &text handed to open_memstream, GCC 12 at -O2 and above
     * takes a pointer into the buffer for one that may point at the local
     * itself, and reports its use after the return as dangling (a false
     * -Wdangling-pointer in a Release build). */
    char *copy = strdup(text);
    assert_non_null(copy);
    free(text);
    return copy;
}

/* Asserts that each of the N texts in NEEDLES is in TEXT, each after the one before. */
static void expect_in_order(const char *text, const char *const *needles, size_t n)
{
    const char *at = text;
    for (size_t i = 0; i < n; i++) {
        const char *next = strstr(at, needles[i]);
        if (next == NULL)
            fail_msg("\"%s\" is not after \"%s\" in:\n%s", needles[i], i > 0 ? needles[i - 1] : "",
                     text);
        at = next + strlen(needles[i]);
    }
}

static void summary_reads_in_the_order_a_gp_checks(void **state)
{
    (void)state;
    struct built b = build_model("stroke=no chest=no sign_a=yes cause_a=no risk_a=no tired=yes "
                                 "weak=no cramps=unsure tablets=yes aches=no statin=no stool=no "
                                 "faint=no");
    char *text = summary_text(&b, model);
    /* The level and why; onset; yes, then not sure, then the noes in one
     * line; the medicines taken; every condition with its reasons. */
    const char *order[] = {"Triage level: Soon",
                           "Why:",
                           "- Deficiency flagged: Alpha (Possible)",
                           "Onset and duration",
                           "- Tired? [Yes]",
                           "Answered yes:\n  - Sign of A?\n",
                           "Answered not sure:\n  - Cramps?\n",
                           "Answered no: stroke, chest, cause_a, risk_a, weak, aches, statin, "
                           "stool, faint\n",
                           "Medicines:\n  - Water tablets?\n",
                           "Deficiencies, with the reasons for and against",
                           "1. Alpha: Possible\n  - For: Sign of A?; Tired?\n"};
    expect_in_order(text, order, sizeof(order) / sizeof(order[0]));
    /* Onset and medicines are not repeated among the yes answers. */
    const char *yes = strstr(text, "Answered yes:"), *unsure = strstr(text, "Answered not sure:");
    assert_true(yes < unsure);
    assert_null(memmem(yes, (size_t)(unsure - yes), "Tired?", 6));
    assert_null(memmem(yes, (size_t)(unsure - yes), "Water tablets?", 14));
    /* Not the patient's food lists, tips or advice. */
    assert_null(strstr(text, "apples"));
    assert_null(strstr(text, "Drink water."));
    free(text);
    done(&b);
}

/* Whether D ranks a condition with the first band's word ("Unlikely"). */
static bool any_unlikely(const struct results_doc *d, const char *name)
{
    for (size_t i = 0; i < d->block_count; i++)
        if (d->blocks[i].kind == RDOC_RANK &&
            strcmp(d->blocks[i].rank.band_label, "Unlikely") == 0 &&
            (name == NULL || strcmp(d->blocks[i].rank.name, name) == 0))
            return true;
    return false;
}

static void after_an_emergency_stop_nothing_reads_unlikely(void **state)
{
    (void)state;
    struct built b = build_model("stroke=yes");
    assert_true(b.r->stopped);
    assert_false(any_unlikely(b.d, NULL));
    const struct rdoc_part *rank = part(b.d, RDOC_RANKING);
    assert_non_null(in_part(b.d, rank, survey_ui(model, UI_NOT_ASSESSED_NOTE)));
    for (size_t i = rank->first; i < rank->first + rank->count; i++)
        if (b.d->blocks[i].kind == RDOC_RANK) {
            assert_string_equal(b.d->blocks[i].rank.band_label, "Not assessed");
            assert_int_equal(b.d->blocks[i].rank.status, REPORT_NOT_ASSESSED);
        }
    for (size_t i = 0; i < b.d->part_count; i++) {
        assert_int_not_equal(b.d->parts[i].section, RDOC_NOTHING);
        assert_int_not_equal(b.d->parts[i].section, RDOC_DETAILS);
    }
    /* The summary says the questions stopped, and which were not asked. */
    char *text = summary_text(&b, model);
    const char *order[] = {"Triage level: Ambulance now",
                           "- Warning sign (Ambulance now): Face drooping?",
                           "The questions stopped at this emergency", "chest, sign_a, cause_a",
                           "1. Alpha: Not assessed"};
    expect_in_order(text, order, sizeof(order) / sizeof(order[0]));
    assert_null(strstr(text, "Unlikely"));
    free(text);
    done(&b);
    /* All answered, the same flag stops nothing: the results are assessed. */
    b = build_model("stroke=yes chest=no sign_a=no cause_a=no risk_a=no tired=no weak=no cramps=no "
                    "tablets=no aches=no statin=no stool=no faint=no");
    assert_false(b.r->stopped);
    assert_true(any_unlikely(b.d, NULL));
    done(&b);
}

static void an_emergency_rule_keeps_its_condition_to_be_checked(void **state)
{
    (void)state;
    /* collapse (ambulance) checks kappa: after the stop, kappa is to be
     * checked and leads; the others were not assessed. */
    struct built b = build_model("stroke=no chest=no tablets=yes faint=yes");
    assert_true(b.r->stopped);
    const struct rdoc_part *rank = part(b.d, RDOC_RANKING);
    const struct rdoc_block *first = &b.d->blocks[rank->first + 2]; /* heading, why not */
    assert_int_equal(first->kind, RDOC_RANK);
    assert_string_equal(first->rank.name, "Kappa");
    assert_string_equal(first->rank.band_label, "To be checked");
    assert_int_equal(b.r->results[0].checked_by, M_RULE_COLLAPSE);
    assert_false(any_unlikely(b.d, NULL));
    done(&b);
}

static void no_reassurance_under_a_same_day_banner(void **state)
{
    (void)state;
    const char *answers = "stroke=no chest=no sign_a=no cause_a=no risk_a=no tired=no weak=yes "
                          "cramps=no tablets=no aches=yes statin=yes faint=no";
    char with_stool[512];
    snprintf(with_stool, sizeof(with_stool), "%s stool=yes", answers);
    struct built b = build_model(with_stool);
    assert_int_equal(results_doc_level(b.d), TRIAGE_SAME_DAY);
    assert_int_equal(b.r->flagged_count, 0);
    for (size_t i = 0; i < b.d->part_count; i++)
        assert_int_not_equal(b.d->parts[i].section, RDOC_NOTHING);
    assert_null(find(b.d, "Nothing stands out"));
    assert_null(find(b.d, "Nothing found."));
    /* A neutral line that points back to the banner, and the other cause
     * by name only: its text may say "nothing to worry about". */
    assert_non_null(in_part(b.d, part(b.d, RDOC_RANKING), survey_ui(model, UI_NONE_STANDS_OUT)));
    assert_non_null(find(b.d, "A statin"));
    assert_null(find(b.d, "Tell your doctor that you take a statin."));
    done(&b);
    /* Without the same-day sign, the same answers may reassure. */
    char without[512];
    snprintf(without, sizeof(without), "%s stool=no", answers);
    b = build_model(without);
    assert_int_equal(results_doc_level(b.d), TRIAGE_SELF_CARE);
    assert_non_null(find(b.d, "Nothing found."));
    assert_non_null(find(b.d, "Tell your doctor that you take a statin."));
    assert_null(find(b.d, survey_ui(model, UI_NONE_STANDS_OUT)));
    done(&b);
}

static void a_rule_that_names_a_condition_is_never_contradicted(void **state)
{
    (void)state;
    /* kappa_loss (same day) also asks for beta to be checked. */
    const char *from = "    advice: Speak to a pharmacist today about your water tablets.\n";
    const char *at = strstr(model_yaml, from);
    assert_non_null(at);
    char *yaml = NULL;
    assert_true(asprintf(&yaml, "%.*s%s    checks: [beta]\n%s", (int)(at - model_yaml), model_yaml,
                         from, at + strlen(from)) > 0);
    struct survey *sv = support_load_ok(yaml);
    free(yaml);
    struct built b = build_in(sv, "tablets=yes weak=yes", false);
    assert_int_equal(b.r->rule_count, 1);
    /* Beta's band alone is the first ("Unlikely"): the ranking says "to be
     * checked" instead, after the flagged kappa and before alpha. */
    assert_false(any_unlikely(b.d, "Beta"));
    const struct rdoc_part *rank = part(b.d, RDOC_RANKING);
    const struct rdoc_block *rows = &b.d->blocks[rank->first + 1];
    assert_string_equal(rows[0].rank.name, "Kappa");
    assert_string_equal(rows[1].rank.name, "Beta");
    assert_string_equal(rows[1].rank.band_label, "To be checked");
    assert_int_equal(rows[1].rank.status, REPORT_TO_CHECK);
    assert_string_equal(rows[2].rank.band_label, "Unlikely");
    /* Every rule that holds: none of the conditions it checks reads unlikely. */
    for (size_t i = 0; i < b.r->rule_count; i++) {
        const struct triage_rule *rule = survey_rule(sv, b.r->rules[i]);
        for (size_t k = 0; k < rule->check_count; k++)
            assert_false(any_unlikely(b.d, survey_condition(sv, rule->checks[k])->name));
    }
    done(&b);
    survey_free(sv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(not_for_ends_the_check_with_what_to_do_instead),
        cmocka_unit_test(flagged_results_in_order),
        cmocka_unit_test(ranking_rows_carry_what_a_renderer_needs),
        cmocka_unit_test(urgent_advice_leads_and_no_verdict),
        cmocka_unit_test(nothing_stands_out_when_nothing_is_flagged),
        cmocka_unit_test(same_day_advice_leads_and_the_questions_went_on),
        cmocka_unit_test(same_day_rule_advice_is_in_the_same_day_section),
        cmocka_unit_test(kiosk_sends_same_day_patients_to_the_desk),
        cmocka_unit_test(emergency_rule_and_same_day_flag_each_in_their_section),
        cmocka_unit_test(other_causes_section_and_the_explained_condition),
        cmocka_unit_test(an_other_cause_alone_is_mentioned_without_lifting_the_level),
        cmocka_unit_test(unsure_warning_signs_are_named_for_today),
        cmocka_unit_test(reasons_against_are_shown_after_the_reasons_for),
        cmocka_unit_test(next_step_follows_the_level),
        cmocka_unit_test(out_of_memory_gives_no_document),
        cmocka_unit_test(unreviewed_file_says_so_under_the_note),
        cmocka_unit_test(soon_rule_advice_goes_with_the_next_step),
        cmocka_unit_test(entries_are_shown_when_the_answers_make_them_relevant),
        cmocka_unit_test(free_accepts_null),
        cmocka_unit_test(summary_reads_in_the_order_a_gp_checks),
        cmocka_unit_test(after_an_emergency_stop_nothing_reads_unlikely),
        cmocka_unit_test(an_emergency_rule_keeps_its_condition_to_be_checked),
        cmocka_unit_test(no_reassurance_under_a_same_day_banner),
        cmocka_unit_test(a_rule_that_names_a_condition_is_never_contradicted),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
