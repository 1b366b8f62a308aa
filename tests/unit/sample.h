/* SPDX-License-Identifier: MIT */
/* sample: one small questionnaire shared by the session, score and report
 * tests: a red flag, a gateway with a follow-up, and two conditions. */
#ifndef MUSCLECHECK_TEST_SAMPLE_H
#define MUSCLECHECK_TEST_SAMPLE_H

static const char sample_questions[] = "  - id: flag\n"
                                       "    text: Chest pain?\n"
                                       "    red_flag: Call for help now.\n"
                                       "  - id: a1\n"
                                       "    text: A1?\n"
                                       "    weights: {alpha: 3}\n"
                                       "  - id: a2\n"
                                       "    text: A2?\n"
                                       "    weights: {alpha: 1, beta: 1}\n"
                                       "  - id: gate\n"
                                       "    text: Medicines?\n"
                                       "  - id: follow\n"
                                       "    text: Water tablets?\n"
                                       "    show_if: {question: gate, answer: \"yes\"}\n"
                                       "    weights: {beta: 3}\n"
                                       "  - id: b1\n"
                                       "    text: B1?\n"
                                       "    weights: {beta: 2}\n";

enum { Q_FLAG, Q_A1, Q_A2, Q_GATE, Q_FOLLOW, Q_B1 };

#endif
