/* SPDX-License-Identifier: MIT */
/* desk_alert: which alert the answers call for, and whether it is new. */
#include "musclecheck/desk_alert.h"

#include "musclecheck/triage.h"

#include <stdbool.h>
#include <stddef.h>

static const char *const names[] = {"", "same_day", "unsure_emergency", "ae", "ambulance"};

const char *desk_alert_name(enum desk_alert a)
{
    return (unsigned)a <= DESK_ALERT_AMBULANCE ? names[a] : "";
}

/* Whether a shown ambulance or A&E question was answered "not sure". */
static bool unsure_emergency(const struct session *se)
{
    const struct survey *s = session_survey(se);
    for (size_t q = 0; q < survey_question_count(s); q++) {
        const struct question *qu = survey_question(s, q);
        if (qu->red_flag != NULL && triage_urgent(qu->red_flag_level) && session_visible(se, q) &&
            session_answer(se, q) == ANSWER_UNSURE)
            return true;
    }
    return false;
}

enum desk_alert desk_alert_level(const struct session *se)
{
    switch (triage_flags_level(se)) {
    case TRIAGE_AMBULANCE: return DESK_ALERT_AMBULANCE;
    case TRIAGE_AE: return DESK_ALERT_AE;
    case TRIAGE_SAME_DAY:
        return unsure_emergency(se) ? DESK_ALERT_UNSURE_EMERGENCY : DESK_ALERT_SAME_DAY;
    case TRIAGE_SOON:
    case TRIAGE_SELF_CARE: break;
    }
    return DESK_ALERT_NONE;
}

enum desk_alert desk_alert_next(const struct session *se, enum desk_alert *sent)
{
    enum desk_alert now = desk_alert_level(se);
    if (now <= *sent)
        return DESK_ALERT_NONE;
    *sent = now;
    return now;
}
