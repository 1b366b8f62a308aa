/* SPDX-License-Identifier: MIT */
/* triage: red flags, combination rules and other causes. */
#include "musclecheck/triage.h"

#include <stddef.h>

static const char *const triage_names[] = {"self_care", "soon", "same_day", "ae", "ambulance"};

const char *triage_name(enum triage t)
{
    return (unsigned)t <= TRIAGE_AMBULANCE ? triage_names[t] : "";
}

bool triage_parse(const char *text, enum triage *out)
{
    for (int t = TRIAGE_SELF_CARE; t <= TRIAGE_AMBULANCE; t++) {
        const char *n = triage_names[t];
        size_t i = 0;
        while (n[i] != '\0' && n[i] == text[i])
            i++;
        if (n[i] == '\0' && text[i] == '\0') {
            *out = (enum triage)t;
            return true;
        }
    }
    return false;
}

static bool said_yes(const struct session *se, size_t q)
{
    return session_visible(se, q) && session_answer(se, q) == ANSWER_YES;
}

bool triage_groups_hold(const struct session *se, const struct condition_groups *g)
{
    if (g->group_count == 0)
        return false;
    for (size_t i = 0; i < g->group_count; i++) {
        bool any = false;
        for (size_t k = 0; k < g->group_sizes[i] && !any; k++)
            any = said_yes(se, g->groups[i][k]);
        if (!any)
            return false;
    }
    return true;
}

bool triage_shown(const struct session *se, const struct shown_when *w)
{
    return (w->when.group_count == 0 || triage_groups_hold(se, &w->when)) &&
           (w->unless.group_count == 0 || !triage_groups_hold(se, &w->unless));
}

enum triage triage_flags_level(const struct session *se)
{
    const struct survey *s = session_survey(se);
    enum triage level = TRIAGE_SELF_CARE;
    for (size_t q = 0; q < survey_question_count(s); q++) {
        const struct question *qu = survey_question(s, q);
        if (qu->red_flag == NULL || !session_visible(se, q))
            continue;
        enum answer a = session_answer(se, q);
        if (a == ANSWER_YES && qu->red_flag_level > level)
            level = qu->red_flag_level;
        /* "Not sure" about a warning sign is never "no": a clinician
         * should hear about it today. */
        if (a == ANSWER_UNSURE && level < TRIAGE_SAME_DAY)
            level = TRIAGE_SAME_DAY;
    }
    for (size_t i = 0; i < survey_rule_count(s); i++) {
        const struct triage_rule *r = survey_rule(s, i);
        if (r->level > level && triage_groups_hold(se, &r->when))
            level = r->level;
    }
    return level;
}

bool triage_emergency(const struct session *se)
{
    return triage_urgent(triage_flags_level(se));
}
