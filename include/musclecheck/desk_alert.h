/* SPDX-License-Identifier: MIT */
/* desk_alert: when a kiosk tells the desk about its patient (the alert
 * command, docs/kiosk.md "Alerting the desk"), decided here from the
 * answers, so that every front end alerts alike and only runs the command.
 * An alert names how urgent it is, never an answer. Pure functions of the
 * session; nothing is kept but what the caller holds. */
#ifndef MUSCLECHECK_DESK_ALERT_H
#define MUSCLECHECK_DESK_ALERT_H

#include "musclecheck/session.h"

/* Least urgent first. */
enum desk_alert {
    DESK_ALERT_NONE,
    DESK_ALERT_SAME_DAY,         /* the answers reach same day (triage.h) */
    DESK_ALERT_UNSURE_EMERGENCY, /* "not sure" to an ambulance or A&E question */
    DESK_ALERT_AE,               /* the answers reach A&E now */
    DESK_ALERT_AMBULANCE,        /* the answers reach an ambulance now */
};

/* "same_day", "unsure_emergency", "ae", "ambulance"; "" for none. */
const char *desk_alert_name(enum desk_alert a);

/* The most urgent alert the answers in SE call for now, or
 * DESK_ALERT_NONE. It follows the report's triage level (report.h): A&E or
 * an ambulance, else "not sure" to a question whose yes would have been
 * one of those, else same day. */
enum desk_alert desk_alert_level(const struct session *se);

/* The alert to send now for a patient for whom *SENT has been sent already
 * (DESK_ALERT_NONE when their session starts), recorded in *SENT; or
 * DESK_ALERT_NONE. Only an alert more urgent than every earlier one is
 * sent: a patient who goes back and forth over an answer alerts the desk
 * once for each level, not at each pass, and never with a lesser alert
 * after a greater one. */
enum desk_alert desk_alert_next(const struct session *se, enum desk_alert *sent);

#endif
