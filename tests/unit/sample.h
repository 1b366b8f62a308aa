/* SPDX-License-Identifier: MIT */
/* sample: small questionnaires shared by the tests.
 *
 * sample_questions (for support_yaml): an emergency red flag, a gateway
 * with a follow-up, and sign evidence for the two conditions alpha and beta
 * (bands 0 / 3 / 5 points).
 *
 * model_yaml: one whole format 2 file with every part of the evidence model,
 * for the score, report, flow and results tests. Its points:
 *   alpha  prior 0, anchors [sign, cause]
 *          sign_a {yes 3, no -2, sign}, cause_a {yes 2, cause}, risk_a {yes 4, risk},
 *          tired {yes 2, nonspecific}, weak {yes 2, no -1, nonspecific}
 *   beta   prior -1, anchors [sign, cause]
 *          aches {yes 3, sign}, cramps 1 (sign), cause_a {yes 3, cause: a strong one},
 *          tired 2 and weak 2 (nonspecific)
 *   kappa  prior 0, anchor [cause] only (like potassium)
 *          cramps {yes 3, sign}, tablets {yes 2, cause}, tired 1 and weak 2 (nonspecific)
 * nonspecific_cap 2; bands unlikely 0, possible 3, likely 5.
 * Red flags: stroke (emergency, mapping), chest (emergency, plain text),
 * stool (same_day, after ordinary questions).
 * Rules: kappa_loss (same_day) = tablets and (cramps or weak);
 *        collapse (emergency) = faint and tablets; checks kappa.
 * Summary: onset [tired]; medicines [tablets, statin].
 * Other cause: statin_use = statin and (aches or weak); explains beta
 * (unless cause_a, a known cause of beta, is yes). */
#ifndef MUSCLECHECK_TEST_SAMPLE_H
#define MUSCLECHECK_TEST_SAMPLE_H

static const char sample_questions[] = "  - id: flag\n"
                                       "    text: Chest pain?\n"
                                       "    red_flag: Call for help now.\n"
                                       "  - id: a1\n"
                                       "    text: A1?\n"
                                       "    evidence: {alpha: 3}\n"
                                       "  - id: a2\n"
                                       "    text: A2?\n"
                                       "    evidence: {alpha: 1, beta: 1}\n"
                                       "  - id: gate\n"
                                       "    text: Medicines?\n"
                                       "  - id: follow\n"
                                       "    text: Water tablets?\n"
                                       "    show_if: {question: gate, answer: \"yes\"}\n"
                                       "    evidence: {beta: 3}\n"
                                       "  - id: b1\n"
                                       "    text: B1?\n"
                                       "    evidence: {beta: 2}\n";

enum { Q_FLAG, Q_A1, Q_A2, Q_GATE, Q_FOLLOW, Q_B1 };

static const char model_yaml[] =
    "format: 2\n"
    "id: model\n"
    "version: \"2\"\n"
    "language: en\n"
    "title: Model\n"
    "intro: Hello.\n"
    "disclaimer: Not a diagnosis.\n"
    "no_findings: Nothing found.\n"
    "review_status: reviewed\n"
    "bands:\n"
    "  - {id: unlikely, label: Unlikely, min_points: 0}\n"
    "  - {id: possible, label: Possible, min_points: 3}\n"
    "  - {id: likely, label: Likely, min_points: 5}\n"
    "advice: [Drink water.]\n"
    "conditions:\n"
    "  - {id: alpha, name: Alpha, role: Does A, muscle_symptoms: Weak, other_symptoms: Tired,\n"
    "     foods: [apples], tips: [eat apples]}\n"
    "  - {id: beta, name: Beta, role: Does B, muscle_symptoms: Aches, other_symptoms: Pale,\n"
    "     foods: [beans], tips: [eat beans], prior: -1}\n"
    "  - {id: kappa, name: Kappa, role: Does K, muscle_symptoms: Cramps, other_symptoms: Thirst,\n"
    "     foods: [bananas], tips: [eat bananas], anchor: [cause]}\n"
    "questions:\n"
    "  - id: stroke\n"
    "    text: Face drooping?\n"
    "    red_flag: {level: ambulance, advice: Call 999 now.}\n"
    "  - id: chest\n"
    "    text: Chest pain?\n"
    "    red_flag: Call an ambulance.\n"
    "  - id: sign_a\n"
    "    text: Sign of A?\n"
    "    evidence: {alpha: {yes: 3, no: -2, kind: sign}}\n"
    "  - id: cause_a\n"
    "    text: Cause of A?\n"
    "    evidence: {alpha: {yes: 2, kind: cause}, beta: {yes: 3, kind: cause}}\n"
    "  - id: risk_a\n"
    "    text: Risk of A?\n"
    "    evidence: {alpha: {yes: 4, kind: risk}}\n"
    "  - id: tired\n"
    "    text: Tired?\n"
    "    evidence:\n"
    "      alpha: {yes: 2, kind: nonspecific}\n"
    "      beta: {yes: 2, kind: nonspecific}\n"
    "      kappa: {yes: 1, kind: nonspecific}\n"
    "  - id: weak\n"
    "    text: Weak all over?\n"
    "    evidence:\n"
    "      alpha: {yes: 2, no: -1, kind: nonspecific}\n"
    "      beta: {yes: 2, kind: nonspecific}\n"
    "      kappa: {yes: 2, kind: nonspecific}\n"
    "  - id: cramps\n"
    "    text: Cramps?\n"
    "    evidence: {kappa: {yes: 3, kind: sign}, beta: 1}\n"
    "  - id: tablets\n"
    "    text: Water tablets?\n"
    "    evidence: {kappa: {yes: 2, kind: cause}}\n"
    "  - id: aches\n"
    "    text: Aching muscles?\n"
    "    evidence: {beta: {yes: 3, kind: sign}}\n"
    "  - id: statin\n"
    "    text: A statin?\n"
    "  - id: stool\n"
    "    text: Black stools?\n"
    "    red_flag: {level: same_day, advice: See a doctor today about black stools.}\n"
    "  - id: faint\n"
    "    text: Fainted?\n"
    "triage_rules:\n"
    "  - id: kappa_loss\n"
    "    level: same_day\n"
    "    when: [[tablets], [cramps, weak]]\n"
    "    advice: Speak to a pharmacist today about your water tablets.\n"
    "  - id: collapse\n"
    "    level: ambulance\n"
    "    when: [[faint], [tablets]]\n"
    "    advice: Fainting on water tablets needs help now.\n"
    "    checks: [kappa]\n"
    "other_causes:\n"
    "  - id: statin_use\n"
    "    name: A statin\n"
    "    text: Tell your doctor that you take a statin.\n"
    "    when: [[statin], [aches, weak]]\n"
    "    explains: [beta]\n"
    "summary:\n"
    "  onset: [tired]\n"
    "  medicines: [tablets, statin]\n";

enum {
    M_STROKE,
    M_CHEST,
    M_SIGN_A,
    M_CAUSE_A,
    M_RISK_A,
    M_TIRED,
    M_WEAK,
    M_CRAMPS,
    M_TABLETS,
    M_ACHES,
    M_STATIN,
    M_STOOL,
    M_FAINT,
    M_QUESTION_COUNT
};
enum { M_ALPHA, M_BETA, M_KAPPA };
enum { M_RULE_KAPPA_LOSS, M_RULE_COLLAPSE };
enum { M_CAUSE_STATIN };

#endif
