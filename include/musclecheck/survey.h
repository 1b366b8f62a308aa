/* SPDX-License-Identifier: MIT */
/* survey: the questionnaire as loaded from one question file (one language).
 *
 * A survey is read-only once loaded. It owns every string and array reachable
 * from it; pointers handed out stay valid until survey_free. Front ends and
 * the scoring engine read it; only the loader (loader.h) builds one. */
#ifndef MUSCLECHECK_SURVEY_H
#define MUSCLECHECK_SURVEY_H

#include "musclecheck/uistr.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An answer to one question. ANSWER_NONE is "not answered (yet)". */
enum answer { ANSWER_NONE = 0, ANSWER_YES, ANSWER_NO, ANSWER_UNSURE };

/* The bit of answer A in a question's show_if_answers. */
#define SHOW_IF_MASK(a) (1u << (unsigned)(a))

/* "yes", "no", "unsure", or NULL for ANSWER_NONE. */
const char *answer_name(enum answer a);

/* Parses "yes", "no" or "unsure"; returns false for anything else. */
bool answer_parse(const char *text, enum answer *out);

/* How urgently the answers need a person to act, lowest first. The levels
 * are the ones triage services such as NHS 111 give: the two emergency
 * levels are kept apart because the person does different things. */
enum triage {
    TRIAGE_SELF_CARE, /* look after yourself; see a doctor if it goes on */
    TRIAGE_SOON,      /* book a doctor's appointment (a blood test) */
    TRIAGE_SAME_DAY,  /* speak to a doctor, nurse or pharmacist today */
    TRIAGE_AE,        /* go to A&E (the emergency department) now */
    TRIAGE_AMBULANCE, /* call an ambulance (999) now */
};

/* Whether level T is an emergency: the questions stop and help comes first. */
static inline bool triage_urgent(enum triage t)
{
    return t >= TRIAGE_AE;
}

/* "self_care", "soon", "same_day", "ae", "ambulance". */
const char *triage_name(enum triage t);

/* Parses a triage name; false for anything else. */
bool triage_parse(const char *text, enum triage *out);

/* What a question's answer says about a condition (see docs/scoring.md). */
enum evidence_kind {
    EVIDENCE_SIGN,        /* a distinctive sign: can lift the condition */
    EVIDENCE_CAUSE,       /* a known cause or strong risk: can lift the condition */
    EVIDENCE_RISK,        /* shifts the likelihood, never lifts it alone */
    EVIDENCE_NONSPECIFIC, /* shared by many conditions: capped, never lifts */
    EVIDENCE_KIND_COUNT
};

/* "sign", "cause", "risk", "nonspecific". */
const char *evidence_kind_name(enum evidence_kind k);

/* Limits of the evidence points a question file may give. */
#define EVIDENCE_YES_MAX 5
#define EVIDENCE_NO_MIN (-3)
#define PRIOR_MIN (-5)
#define PRIOR_MAX 5

/* Three bytes: a large file has one per question and condition. */
struct evidence {
    signed char yes;    /* points when answered yes, 0..EVIDENCE_YES_MAX */
    signed char no;     /* points when answered no, EVIDENCE_NO_MIN..0 */
    unsigned char kind; /* enum evidence_kind */
};

/* Whether E says anything at all (a question without evidence for a
 * condition has yes = no = 0). */
static inline bool evidence_any(const struct evidence *e)
{
    return e->yes != 0 || e->no != 0;
}

struct condition {
    const char *id;                       /* "vitamin_d", ... */
    const char *name;                     /* display name */
    const char *role;                     /* role in the body (comparison table) */
    const char *muscle_symptoms;          /* comparison table */
    const char *other_symptoms;           /* comparison table */
    const char *const *foods;             /* food sources */
    const struct shown_when *foods_shown; /* one per food: when it is shown */
    size_t food_count;
    const char *const *tips;             /* other tips */
    const struct shown_when *tips_shown; /* one per tip */
    size_t tip_count;
    int prior;        /* starting points, PRIOR_MIN..PRIOR_MAX */
    unsigned anchors; /* evidence kinds (1 << kind) that can lift it out of the first band */
    int line;         /* where the condition starts in its file, 1-based */
    int column;
};

struct band {
    const char *id;    /* "unlikely", "possible", "likely" */
    const char *label; /* display text */
    int min_points;    /* fewest points in this band; the first band takes any */
};

/* The pointers first and the small fields packed after them (64 bytes). */
struct question {
    const char *id;
    const char *text;
    const char *help;                /* "why we ask"; NULL when none */
    const struct evidence *evidence; /* one per condition, in condition order */
    const char *red_flag;            /* advice when answered yes; NULL when none */
    uint32_t show_if_question;       /* index of an earlier question */
    unsigned show_if_answers;        /* SHOW_IF_MASK of each answer that shows it */
    enum triage red_flag_level;      /* TRIAGE_AMBULANCE, TRIAGE_AE or TRIAGE_SAME_DAY */
    int line;                        /* where the question starts in its file, 1-based */
    int column;
    bool has_show_if; /* ask only when show_if_question got one of show_if_answers */
};

/* A set of questions answered yes: every group needs a yes to one of its
 * questions (all of the groups, any within a group). */
struct condition_groups {
    const size_t *const *groups; /* question indices per group */
    const size_t *group_sizes;
    size_t group_count;
};

/* When one entry of a list (a food, a tip, a piece of advice) is shown:
 * when WHEN holds and UNLESS does not. A set with no groups is left out:
 * an entry with neither is always shown. */
struct shown_when {
    struct condition_groups when;   /* group_count 0: no condition */
    struct condition_groups unless; /* group_count 0: never hidden */
};

/* A combination of answers that needs acting on, e.g. water tablets with
 * cramps: speak to someone today. */
struct triage_rule {
    const char *id;
    enum triage level; /* any level above TRIAGE_SELF_CARE */
    struct condition_groups when;
    const char *advice;
    const size_t *checks; /* conditions its advice asks to be checked (condition
                             indices; NULL when none) */
    size_t check_count;
    int line;
    int column;
};

/* A common cause of muscle symptoms other than a deficiency (a statin, a
 * thyroid problem, a hard workout) worth mentioning to a doctor. While it
 * fits the answers, the conditions it explains drop one band. */
struct other_cause {
    const char *id;
    const char *name;
    const char *text; /* what to tell the doctor, in plain words */
    struct condition_groups when;
    const size_t *explains; /* condition indices */
    size_t explain_count;
    int line;
    int column;
};

/* Whole-questionnaire texts. */
enum survey_text {
    SURVEY_ID,       /* stable questionnaire id, the same in every language */
    SURVEY_VERSION,  /* content version */
    SURVEY_LANGUAGE, /* language code, e.g. "en" */
    SURVEY_TITLE,
    SURVEY_INTENDED_USE, /* who the check is for, one line; "" when the file has none */
    SURVEY_INTRO,
    SURVEY_DISCLAIMER,
    SURVEY_NO_FINDINGS, /* shown when nothing is flagged */
    SURVEY_TEXT_COUNT
};

struct survey;

/* Frees S and everything it owns; survey_free(NULL) does nothing. */
void survey_free(struct survey *s);

/* The file the survey was loaded from (owned by S). */
const char *survey_source(const struct survey *s);

const char *survey_text(const struct survey *s, enum survey_text which);

/* An interface string: the file's translation, or the English default. */
const char *survey_ui(const struct survey *s, enum uistr which);

/* The interface text for answer A ("Yes", "Not sure", ...; "Not answered"
 * for ANSWER_NONE). */
const char *survey_answer_label(const struct survey *s, enum answer a);

size_t survey_condition_count(const struct survey *s);
const struct condition *survey_condition(const struct survey *s, size_t i);

size_t survey_question_count(const struct survey *s);
const struct question *survey_question(const struct survey *s, size_t i);

/* Index of the question with ID, or -1. */
long survey_find_question(const struct survey *s, const char *id);

/* Bands in ascending order of min_score; there are at least two. */
size_t survey_band_count(const struct survey *s);
const struct band *survey_band(const struct survey *s, size_t i);

/* Most points that non-specific evidence may add to one condition. */
int survey_nonspecific_cap(const struct survey *s);

/* Whether a clinician has reviewed this file's texts (review_status). */
bool survey_reviewed(const struct survey *s);

size_t survey_rule_count(const struct survey *s);
const struct triage_rule *survey_rule(const struct survey *s, size_t i);

size_t survey_other_cause_count(const struct survey *s);
const struct other_cause *survey_other_cause(const struct survey *s, size_t i);

/* The questions the summary for a doctor shows on their own (the file's
 * "summary" lists, in their order; question indices): how the problem
 * started and how long it has lasted, and the medicines asked about. N is
 * set to how many; none (NULL, 0) when the file names none. */
const size_t *survey_summary_onset(const struct survey *s, size_t *n);
const size_t *survey_summary_medicines(const struct survey *s, size_t *n);

size_t survey_advice_count(const struct survey *s);
const char *survey_advice(const struct survey *s, size_t i);
/* When advice I is shown (owned by S), or NULL when I is out of range. */
const struct shown_when *survey_advice_shown(const struct survey *s, size_t i);

#endif
