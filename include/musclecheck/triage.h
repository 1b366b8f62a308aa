/* SPDX-License-Identifier: MIT */
/* triage: which red flags, combination rules and other causes the answers
 * in a session set off. The flow asks it whether to stop for an emergency;
 * the report asks it for the level and the advice. Pure functions of the
 * session; nothing is kept. */
#ifndef MUSCLECHECK_TRIAGE_H
#define MUSCLECHECK_TRIAGE_H

#include "musclecheck/session.h"

#include <stdbool.h>

/* Whether every group of G has a visible question answered yes. */
bool triage_groups_hold(const struct session *se, const struct condition_groups *g);

/* Whether the entry W describes is shown: W's `when` holds (or has no
 * groups) and its `unless` does not (or has no groups). */
bool triage_shown(const struct session *se, const struct shown_when *w);

/* Whether the answers so far call for emergency help now (an ambulance or
 * A&E): a yes to such a red-flag question, or such a rule that holds. */
bool triage_emergency(const struct session *se);

/* The level the answers reach from red flags and rules alone (self-care
 * when none is set off): a red flag answered "not sure" reaches same day at
 * least. The report adds "soon" for a flagged deficiency. */
enum triage triage_flags_level(const struct session *se);

#endif
