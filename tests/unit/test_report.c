/* SPDX-License-Identifier: MIT */
/* Tests for reports: ranking (band, then points, then file order), reasons
 * for and against, the triage level from red flags, rules and findings,
 * other causes, and the English questionnaire's outcomes for typical
 * answer sets. */
#include "support.h"

#include "musclecheck/answers.h"
#include "musclecheck/loader.h"
#include "musclecheck/readfile.h"
#include "musclecheck/report.h"
#include "sample.h"

#include <stdlib.h>
#include <string.h>

enum { ALPHA, BETA };

static struct survey *sample, *english, *model;

static int setup(void **state)
{
    (void)state;
    char *yaml = support_yaml(sample_questions);
    sample = support_load_ok(yaml);
    free(yaml);
    model = support_model_load();
    struct diag_list *diags = diag_list_new("en.yaml");
    if (survey_load_file(support_path("questions/en.yaml"), &english, diags) != LOAD_OK)
        return -1;
    diag_list_free(diags);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    survey_free(sample);
    survey_free(english);
    survey_free(model);
    return 0;
}

static struct report *report_in(const struct survey *s, const char *answers, struct session **se)
{
    *se = support_session(s, answers);
    struct report *r = report_new(*se);
    assert_non_null(r);
    return r;
}

static struct report *report_for(const char *answers, struct session **se)
{
    return report_in(sample, answers, se);
}

static struct report *model_report(const char *answers, struct session **se)
{
    return report_in(model, answers, se);
}

static void done(struct report *r, struct session *se)
{
    report_free(r);
    session_free(se);
}

/* The result for condition C in R. */
static const struct report_result *result_of(const struct report *r, size_t c)
{
    for (size_t i = 0; i < r->result_count; i++)
        if (r->results[i].score.condition == c)
            return &r->results[i];
    fail_msg("no result for condition %zu", c);
    return NULL;
}

static void ranked_highest_first(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = report_for("a1=no a2=no gate=yes follow=yes b1=yes", &se);
    assert_int_equal(r->result_count, 2);
    assert_int_equal(r->results[0].score.condition, BETA);
    assert_int_equal(r->results[0].band, 2);
    assert_int_equal(r->results[1].score.condition, ALPHA);
    assert_true(r->results[0].flagged);
    assert_false(r->results[1].flagged);
    assert_int_equal(r->flagged_count, 1);
    assert_int_equal(r->level, TRIAGE_SOON); /* a finding: see a doctor about a blood test */
    assert_false(r->no_findings);
    done(r, se);
}

static void ties_keep_file_order(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = report_for("a1=no a2=no b1=no", &se);
    assert_int_equal(r->results[0].score.condition, ALPHA);
    assert_int_equal(r->results[1].score.condition, BETA);
    done(r, se);
    /* Both possible with 3 points: alpha (a1) and beta (follow); alpha is first in the file. */
    r = report_for("a1=yes gate=yes follow=yes", &se);
    assert_int_equal(r->results[0].score.points, 3);
    assert_int_equal(r->results[1].score.points, 3);
    assert_int_equal(r->results[0].band, r->results[1].band);
    assert_int_equal(r->results[0].score.condition, ALPHA);
    done(r, se);
}

static void more_points_rank_first_within_a_band(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: q1\n    text: A?\n    evidence: {alpha: 3}\n"
                              "  - id: q2\n    text: B?\n    evidence: {beta: 4}\n");
    struct survey *s = support_load_ok(yaml);
    struct session *se;
    struct report *r = report_in(s, "q1=yes q2=yes", &se);
    assert_int_equal(r->results[0].band, 1);
    assert_int_equal(r->results[1].band, 1);
    assert_int_equal(r->results[0].score.condition, BETA); /* 4 points before 3 */
    assert_int_equal(r->results[1].score.condition, ALPHA);
    done(r, se);
    survey_free(s);
    free(yaml);
}

static void band_ranks_before_points(void **state)
{
    (void)state;
    struct session *se;
    /* alpha: 6 points from a risk and non-specific signs, but no anchor;
     * beta: 5 points anchored by a sign. */
    struct report *r = model_report("risk_a=yes tired=yes weak=yes aches=yes cramps=yes", &se);
    const struct report_result *alpha = result_of(r, M_ALPHA), *beta = result_of(r, M_BETA);
    assert_int_equal(alpha->score.points, 6);
    assert_false(alpha->flagged);
    assert_int_equal(beta->band, 2); /* -1 + 3 + 1 + 2 = 5 */
    assert_int_equal(r->results[0].score.condition, M_BETA);
    /* Both unanchored: alpha (6) before kappa (cramps 3 + non-specific 2 = 5, no cause). */
    assert_int_equal(r->results[1].score.condition, M_ALPHA);
    assert_int_equal(r->results[2].score.condition, M_KAPPA);
    done(r, se);
}

static void reasons_for_yes_answers_strongest_first(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = report_for("a2=yes gate=yes follow=yes b1=yes", &se);
    const struct report_result *beta = &r->results[0];
    assert_int_equal(beta->score.condition, BETA);
    assert_int_equal(beta->for_count, 3);
    assert_int_equal(beta->reasons_for[0], Q_FOLLOW); /* 3 points */
    assert_int_equal(beta->reasons_for[1], Q_B1);     /* 2 points */
    assert_int_equal(beta->reasons_for[2], Q_A2);     /* 1 point */
    assert_int_equal(beta->against_count, 0);
    done(r, se);
}

static void reasons_against_are_the_no_answers_that_took_points(void **state)
{
    (void)state;
    struct session *se;
    struct report *r =
        model_report("sign_a=no cause_a=yes risk_a=yes tired=yes weak=no cramps=unsure", &se);
    const struct report_result *alpha = result_of(r, M_ALPHA);
    assert_int_equal(alpha->for_count, 3);
    assert_int_equal(alpha->reasons_for[0], M_RISK_A);  /* 4 */
    assert_int_equal(alpha->reasons_for[1], M_CAUSE_A); /* 2, earlier in the file */
    assert_int_equal(alpha->reasons_for[2], M_TIRED);   /* 2 */
    assert_int_equal(alpha->against_count, 2);
    assert_int_equal(alpha->reasons_against[0], M_SIGN_A); /* -2 */
    assert_int_equal(alpha->reasons_against[1], M_WEAK);   /* -1 */
    /* A "no" worth nothing and a "not sure" are no reason either way. */
    const struct report_result *kappa = result_of(r, M_KAPPA);
    assert_int_equal(kappa->for_count, 1); /* tired */
    assert_int_equal(kappa->against_count, 0);
    done(r, se);
}

static void emergency_red_flag_sets_the_level(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = report_for("flag=yes a1=no", &se);
    assert_int_equal(r->level, TRIAGE_AMBULANCE);
    assert_int_equal(r->red_flag_count, 1);
    assert_int_equal(r->red_flags[0], Q_FLAG);
    assert_false(r->no_findings); /* the questions were cut short */
    done(r, se);
    r = report_for("flag=no", &se);
    assert_int_equal(r->level, TRIAGE_SELF_CARE);
    assert_int_equal(r->red_flag_count, 0);
    assert_true(r->no_findings);
    done(r, se);
    /* The plain-text form of red_flag is an emergency, like the mapping form. */
    r = model_report("chest=yes", &se);
    assert_int_equal(r->level, TRIAGE_AMBULANCE);
    done(r, se);
    r = model_report("stroke=yes", &se);
    assert_int_equal(r->level, TRIAGE_AMBULANCE);
    assert_int_equal(r->red_flags[0], M_STROKE);
    done(r, se);
}

static void ambulance_and_ae_are_two_levels(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: leg\n"
                              "    text: Leg hot and swollen?\n"
                              "    red_flag: {level: ae, advice: Go to A&E now.}\n"
                              "  - id: breath\n"
                              "    text: Struggling to breathe?\n"
                              "    red_flag: {level: ambulance, advice: Call 999.}\n"
                              "  - id: a1\n"
                              "    text: A1?\n"
                              "    evidence: {alpha: 3}\n");
    struct survey *s = support_load_ok(yaml);
    free(yaml);
    struct session *se = support_session(s, "leg=yes breath=no");
    struct report *r = report_new(se);
    assert_int_equal(r->level, TRIAGE_AE);
    assert_true(triage_urgent(r->level));
    assert_false(r->no_findings);
    done(r, se);
    se = support_session(s, "leg=yes breath=yes");
    r = report_new(se);
    assert_int_equal(r->level, TRIAGE_AMBULANCE); /* the higher of the two */
    assert_int_equal(r->red_flag_count, 2);
    done(r, se);
    survey_free(s);
}

/* "Not sure" on a warning sign is never "no": the person should speak to a
 * clinician today, and the report names the sign. */
static void unsure_warning_sign_reaches_same_day(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = report_for("flag=unsure a1=yes a2=yes", &se);
    assert_int_equal(r->level, TRIAGE_SAME_DAY);
    assert_int_equal(r->red_flag_count, 0);
    assert_int_equal(r->unsure_count, 1);
    assert_int_equal(r->unsure_flags[0], Q_FLAG);
    done(r, se);
    /* "Not sure" about an ordinary question changes nothing. */
    r = report_for("flag=no a1=unsure", &se);
    assert_int_equal(r->level, TRIAGE_SELF_CARE);
    assert_int_equal(r->unsure_count, 0);
    done(r, se);
    /* A yes to a real emergency still wins. */
    r = model_report("stroke=unsure chest=yes", &se);
    assert_int_equal(r->level, TRIAGE_AMBULANCE);
    assert_int_equal(r->unsure_count, 1);
    done(r, se);
}

static void level_for_each_kind_of_answer(void **state)
{
    (void)state;
    static const struct {
        const char *answers;
        enum triage level;
    } cases[] = {
        {"", TRIAGE_SELF_CARE},
        {"tired=yes weak=yes risk_a=yes", TRIAGE_SELF_CARE}, /* points, but nothing anchored */
        {"sign_a=yes", TRIAGE_SOON},                         /* a flagged condition */
        {"statin=yes aches=yes", TRIAGE_SELF_CARE},          /* an other cause alone: no lift */
        {"stroke=unsure", TRIAGE_SAME_DAY},                  /* unsure of a warning sign */
        {"stool=yes", TRIAGE_SAME_DAY},                      /* a same-day red flag */
        {"tablets=yes cramps=yes", TRIAGE_SAME_DAY},         /* a same-day rule */
        {"tablets=yes faint=yes", TRIAGE_AMBULANCE},         /* an emergency rule */
        {"stool=yes stroke=yes", TRIAGE_AMBULANCE},          /* the highest wins */
        {"stool=yes sign_a=yes", TRIAGE_SAME_DAY},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct session *se;
        struct report *r = model_report(cases[i].answers, &se);
        if (r->level != cases[i].level)
            fail_msg("\"%s\": level %s, expected %s", cases[i].answers, triage_name(r->level),
                     triage_name(cases[i].level));
        done(r, se);
    }
}

static void same_day_red_flag_and_rules_are_listed(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = model_report("stool=yes", &se);
    assert_int_equal(r->red_flag_count, 1);
    assert_int_equal(r->red_flags[0], M_STOOL);
    assert_int_equal(survey_question(model, M_STOOL)->red_flag_level, TRIAGE_SAME_DAY);
    assert_int_equal(r->rule_count, 0);
    /* Nothing flagged, but "nothing stands out" would reassure under the
     * same-day advice. */
    assert_false(r->no_findings);
    done(r, se);
    r = model_report("tablets=yes weak=yes", &se);
    assert_int_equal(r->rule_count, 1);
    assert_int_equal(r->rules[0], M_RULE_KAPPA_LOSS);
    assert_int_equal(r->red_flag_count, 0);
    done(r, se);
    /* A rule needs every group: water tablets alone set off nothing. */
    r = model_report("tablets=yes cramps=no weak=no", &se);
    assert_int_equal(r->rule_count, 0);
    done(r, se);
    r = model_report("tablets=yes cramps=yes faint=yes", &se);
    assert_int_equal(r->rule_count, 2);
    assert_int_equal(r->rules[0], M_RULE_KAPPA_LOSS); /* file order */
    assert_int_equal(r->rules[1], M_RULE_COLLAPSE);
    done(r, se);
}

static void other_cause_drops_what_it_explains_one_band(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = model_report("aches=yes cramps=yes weak=yes", &se);
    const struct report_result *beta = result_of(r, M_BETA);
    assert_int_equal(beta->band, 2);
    assert_int_equal(beta->explained_by, -1);
    assert_int_equal(r->cause_count, 0);
    done(r, se);
    r = model_report("aches=yes cramps=yes weak=yes statin=yes", &se);
    beta = result_of(r, M_BETA);
    assert_int_equal(r->cause_count, 1);
    assert_int_equal(r->causes[0], M_CAUSE_STATIN);
    assert_int_equal(beta->score.band, 2); /* the score's own band is kept */
    assert_int_equal(beta->band, 1);       /* the band shown is one lower */
    assert_int_equal(beta->explained_by, M_CAUSE_STATIN);
    assert_true(beta->flagged);
    done(r, se);
    /* From the second band to the first: no longer flagged. */
    r = model_report("aches=yes cramps=yes statin=yes", &se);
    beta = result_of(r, M_BETA);
    assert_int_equal(beta->score.band, 1);
    assert_int_equal(beta->band, 0);
    assert_false(beta->flagged);
    assert_int_equal(beta->explained_by, M_CAUSE_STATIN);
    assert_int_equal(r->flagged_count, 0);
    /* The other cause's text says when to see a doctor; it does not lift
     * the level on its own. */
    assert_int_equal(r->level, TRIAGE_SELF_CARE);
    done(r, se);
    /* A known cause of beta answered yes: the statin explains its signs,
     * never the cause, so beta keeps its band (as heavy periods keep iron
     * after a cold). */
    r = model_report("aches=yes cramps=yes weak=yes statin=yes cause_a=yes", &se);
    beta = result_of(r, M_BETA);
    assert_true(beta->score.caused);
    assert_int_equal(beta->band, beta->score.band);
    assert_int_equal(beta->explained_by, -1);
    assert_true(beta->flagged);
    assert_int_equal(r->cause_count, 1); /* still mentioned to the doctor */
    done(r, se);
}

static void other_cause_leaves_other_conditions_and_the_first_band_alone(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = model_report("statin=yes aches=yes sign_a=yes", &se);
    const struct report_result *alpha = result_of(r, M_ALPHA), *beta = result_of(r, M_BETA);
    assert_int_equal(alpha->band, 1); /* not in "explains" */
    assert_int_equal(alpha->explained_by, -1);
    assert_int_equal(beta->band, 0); /* 2 points: already in the first band */
    assert_int_equal(beta->explained_by, -1);
    done(r, se);
    /* An other cause needs every group too. */
    r = model_report("statin=yes aches=no weak=no", &se);
    assert_int_equal(r->cause_count, 0);
    assert_int_equal(r->level, TRIAGE_SELF_CARE);
    done(r, se);
}

static void all_no_and_all_yes(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = report_for("flag=no a1=no a2=no gate=no b1=no", &se);
    assert_int_equal(r->flagged_count, 0);
    assert_true(r->no_findings);
    assert_int_equal(r->level, TRIAGE_SELF_CARE);
    done(r, se);
    r = report_for("flag=yes a1=yes a2=yes gate=yes follow=yes b1=yes", &se);
    assert_int_equal(r->flagged_count, 2);
    assert_int_equal(r->results[0].score.condition, BETA); /* likely (6) before possible (4) */
    assert_int_equal(r->results[0].score.points, 6);
    assert_int_equal(r->results[1].score.points, 4);
    assert_int_equal(r->level, TRIAGE_AMBULANCE);
    done(r, se);
}

/* Runs an answers file from tests/data/answers against the English file. */
static struct report *english_report(const char *name, struct session **se)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "tests/data/answers/%s.txt", name);
    char *buf;
    size_t len;
    struct diag_list *diags = diag_list_new(rel);
    assert_int_equal(readfile(support_path(rel), ANSWERS_MAX_FILE_BYTES, &buf, &len, diags),
                     READ_OK);
    *se = session_new(english);
    assert_int_equal(answers_parse(*se, buf, len, diags), 0);
    free(buf);
    diag_list_free(diags);
    struct report *r = report_new(*se);
    assert_non_null(r);
    return r;
}

static void english_distinctive_signs_rank_their_deficiency_first(void **state)
{
    (void)state;
    const char *ids[] = {"vitamin_d", "magnesium", "potassium", "vitamin_b12", "iron"};
    for (size_t i = 0; i < 5; i++) {
        struct session *se;
        struct report *r = english_report(ids[i], &se);
        const struct condition *first = survey_condition(english, r->results[0].score.condition);
        assert_string_equal(first->id, ids[i]);
        assert_true(r->results[0].flagged);
        assert_true(r->results[0].score.anchored);
        assert_true(r->results[0].band > r->results[1].band);
        assert_true(r->results[0].score.points > r->results[1].score.points);
        assert_true(r->results[0].for_count > 0);
        assert_int_equal(r->level, i == 2 ? TRIAGE_SAME_DAY : TRIAGE_SOON);
        report_free(r);
        session_free(se);
    }
}

static void english_all_no_and_tiredness_alone_flag_nothing(void **state)
{
    (void)state;
    const char *files[] = {"all-no", "tired-only"};
    for (size_t i = 0; i < 2; i++) {
        struct session *se;
        struct report *r = english_report(files[i], &se);
        assert_int_equal(r->flagged_count, 0);
        assert_int_equal(r->level, TRIAGE_SELF_CARE);
        assert_true(r->no_findings);
        report_free(r);
        session_free(se);
    }
}

static void english_all_unsure_flags_nothing(void **state)
{
    (void)state;
    struct session *se = session_new(english);
    for (size_t q = 0; q < survey_question_count(english); q++)
        session_set_answer(se, q, ANSWER_UNSURE);
    struct report *r = report_new(se);
    assert_int_equal(r->flagged_count, 0);
    report_free(r);
    session_free(se);
}

static void english_potassium_loss_is_same_day(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = english_report("potassium", &se);
    assert_int_equal(r->level, TRIAGE_SAME_DAY);
    assert_int_equal(r->rule_count, 1);
    assert_string_equal(survey_rule(english, r->rules[0])->id, "potassium_loss");
    report_free(r);
    session_free(se);
}

static void english_potassium_needs_a_cause_of_loss(void **state)
{
    (void)state;
    /* Cramps and weakness without a cause of loss never flag potassium. */
    struct session *se = session_new(english);
    const char *yes[] = {"weak_all_over", "night_cramps", "twitches",       "palpitations",
                         "constipation",  "stairs_chair", "tired_most_days"};
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
        long q = survey_find_question(english, yes[i]);
        assert_true(q >= 0);
        session_set_answer(se, (size_t)q, ANSWER_YES);
    }
    struct report *r = report_new(se);
    for (size_t i = 0; i < r->result_count; i++)
        if (strcmp(survey_condition(english, r->results[i].score.condition)->id, "potassium") == 0)
            assert_false(r->results[i].flagged);
    report_free(r);
    session_free(se);
}

static void english_red_flag_is_urgent(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = english_report("red-flag", &se);
    assert_int_equal(r->level, TRIAGE_AMBULANCE);
    assert_string_equal(survey_question(english, r->red_flags[0])->id, "chest_pain");
    report_free(r);
    session_free(se);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ranked_highest_first),
        cmocka_unit_test(ties_keep_file_order),
        cmocka_unit_test(more_points_rank_first_within_a_band),
        cmocka_unit_test(band_ranks_before_points),
        cmocka_unit_test(reasons_for_yes_answers_strongest_first),
        cmocka_unit_test(reasons_against_are_the_no_answers_that_took_points),
        cmocka_unit_test(emergency_red_flag_sets_the_level),
        cmocka_unit_test(ambulance_and_ae_are_two_levels),
        cmocka_unit_test(unsure_warning_sign_reaches_same_day),
        cmocka_unit_test(level_for_each_kind_of_answer),
        cmocka_unit_test(same_day_red_flag_and_rules_are_listed),
        cmocka_unit_test(other_cause_drops_what_it_explains_one_band),
        cmocka_unit_test(other_cause_leaves_other_conditions_and_the_first_band_alone),
        cmocka_unit_test(all_no_and_all_yes),
        cmocka_unit_test(english_distinctive_signs_rank_their_deficiency_first),
        cmocka_unit_test(english_all_no_and_tiredness_alone_flag_nothing),
        cmocka_unit_test(english_all_unsure_flags_nothing),
        cmocka_unit_test(english_potassium_loss_is_same_day),
        cmocka_unit_test(english_potassium_needs_a_cause_of_loss),
        cmocka_unit_test(english_red_flag_is_urgent),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
