/* SPDX-License-Identifier: MIT */
/* survey: read-only accessors for a loaded questionnaire. */
#include "survey_impl.h"

#include "musclecheck/keys.h"

#include <stdlib.h>
#include <string.h>

static const char *const answer_names[] = {NULL, "yes", "no", "unsure"};

const char *answer_name(enum answer a)
{
    return (unsigned)a < sizeof(answer_names) / sizeof(answer_names[0]) ? answer_names[a] : NULL;
}

bool answer_parse(const char *text, enum answer *out)
{
    for (int a = ANSWER_YES; a <= ANSWER_UNSURE; a++) {
        if (strcmp(text, answer_names[a]) == 0) {
            *out = (enum answer)a;
            return true;
        }
    }
    return false;
}

void survey_free(struct survey *s)
{
    if (s == NULL)
        return;
    arena_free(s->arena);
    idindex_free(s->question_ids);
    free(s);
}

const char *survey_source(const struct survey *s)
{
    return s->source;
}

const char *survey_text(const struct survey *s, enum survey_text which)
{
    return (unsigned)which < SURVEY_TEXT_COUNT && s->texts[which] != NULL ? s->texts[which] : "";
}

const char *survey_ui(const struct survey *s, enum uistr which)
{
    if ((unsigned)which >= UI_COUNT)
        return "";
    return s->ui[which] != NULL ? s->ui[which] : uistr_default(which);
}

int survey_fill_ui(struct survey *s)
{
    for (int i = 0; i < UI_COUNT; i++) {
        char *text = keys_expand(survey_ui(s, (enum uistr)i));
        if (text == NULL)
            return -1;
        s->ui[i] = arena_strndup(s->arena, text, strlen(text));
        free(text);
        if (s->ui[i] == NULL)
            return -1;
    }
    return 0;
}

const char *survey_answer_label(const struct survey *s, enum answer a)
{
    switch (a) {
    case ANSWER_YES: return survey_ui(s, UI_YES);
    case ANSWER_NO: return survey_ui(s, UI_NO);
    case ANSWER_UNSURE: return survey_ui(s, UI_UNSURE);
    case ANSWER_NONE: break;
    }
    return survey_ui(s, UI_NOT_ANSWERED);
}

size_t survey_condition_count(const struct survey *s)
{
    return s->condition_count;
}

const struct condition *survey_condition(const struct survey *s, size_t i)
{
    return i < s->condition_count ? &s->conditions[i] : NULL;
}

size_t survey_question_count(const struct survey *s)
{
    return s->question_count;
}

const struct question *survey_question(const struct survey *s, size_t i)
{
    return i < s->question_count ? &s->questions[i] : NULL;
}

long survey_find_question(const struct survey *s, const char *id)
{
    return s->question_ids != NULL ? idindex_get(s->question_ids, id) : -1;
}

size_t survey_band_count(const struct survey *s)
{
    return s->band_count;
}

const struct band *survey_band(const struct survey *s, size_t i)
{
    return i < s->band_count ? &s->bands[i] : NULL;
}

int survey_nonspecific_cap(const struct survey *s)
{
    return s->nonspecific_cap;
}

bool survey_reviewed(const struct survey *s)
{
    return s->reviewed;
}

size_t survey_rule_count(const struct survey *s)
{
    return s->rule_count;
}

const struct triage_rule *survey_rule(const struct survey *s, size_t i)
{
    return &s->rules[i];
}

const size_t *survey_summary_onset(const struct survey *s, size_t *n)
{
    *n = s->summary_onset_count;
    return s->summary_onset;
}

const size_t *survey_summary_medicines(const struct survey *s, size_t *n)
{
    *n = s->summary_medicine_count;
    return s->summary_medicines;
}

size_t survey_other_cause_count(const struct survey *s)
{
    return s->cause_count;
}

const struct other_cause *survey_other_cause(const struct survey *s, size_t i)
{
    return &s->causes[i];
}

static const char *const kind_names[EVIDENCE_KIND_COUNT] = {"sign", "cause", "risk", "nonspecific"};

const char *evidence_kind_name(enum evidence_kind k)
{
    return (unsigned)k < EVIDENCE_KIND_COUNT ? kind_names[k] : "";
}

size_t survey_advice_count(const struct survey *s)
{
    return s->advice_count;
}

const char *survey_advice(const struct survey *s, size_t i)
{
    return i < s->advice_count ? s->advice[i] : NULL;
}

const struct shown_when *survey_advice_shown(const struct survey *s, size_t i)
{
    return i < s->advice_count ? &s->advice_shown[i] : NULL;
}
