/* SPDX-License-Identifier: MIT */
/* output: the plain-text and JSON forms of the question list and of a
 * report, for batch mode and the tools that review content. Front ends
 * that draw on a screen do not use this.
 *
 * Every writer that can fail returns 0, or -1 when out of memory (the
 * output may then be cut short: the caller must say so and exit non-zero).
 * Write errors are left to the stream's error flag (ferror). */
#ifndef MUSCLECHECK_OUTPUT_H
#define MUSCLECHECK_OUTPUT_H

#include "musclecheck/report.h"
#include "musclecheck/results_doc.h"
#include "musclecheck/survey.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

/* One line per question, "ID<TAB>TEXT", in file order; newlines and tabs
 * inside the text become spaces so that each question stays on one line. */
void output_list_text(FILE *out, const struct survey *s);

/* The questions as a JSON array (see docs/cli.md). */
int output_list_json(FILE *out, const struct survey *s);

/* Writes TEXT wrapped to WIDTH columns: the first line after FIRST (whose
 * width INDENT already counts), the others indented by INDENT spaces. The
 * shared paragraph writer of every plain-text output. */
int output_wrapped(FILE *out, const char *first, int indent, const char *text, int width);

/* The SECTIONS (a set of RDOC_MASK bits) of results document D, in its
 * order, as plain text wrapped to WIDTH columns, a blank line between parts. */
int output_doc_text(FILE *out, const struct results_doc *d, unsigned sections, int width);

/* The results (a title line, then RDOC_RESULTS_SECTIONS of D) wrapped to WIDTH. */
int output_report_text(FILE *out, const struct results_doc *d, const struct survey *s, int width);

/* The report as JSON: {"triage", "urgent", "red_flags", "rules",
 * "other_causes", "results"} (docs/cli.md). */
int output_report_json(FILE *out, const struct report *r, const struct session *se);

/* The summary a person can take to their doctor: the date (NOW), the
 * questionnaire, then RDOC_SUMMARY_SECTIONS of D (urgent advice, the
 * ranking, every answer given, the next step). No personal data. */
int output_summary(FILE *out, const struct results_doc *d, const struct survey *s, time_t now,
                   int width);

/* Writes into BUF (SIZE bytes) the canonical url of S as a FHIR
 * Questionnaire: one per questionnaire id and language, so that every
 * translation has its own. */
void output_fhir_url(const struct survey *s, char *buf, size_t size);

/* S as an HL7 FHIR R4 Questionnaire (JSON): url, version, language, one
 * choice item per question with the coded answers, its help as a help item
 * and enableWhen for show_if. */
int output_fhir_questionnaire(FILE *out, const struct survey *s);

/* The extension of a QuestionnaireResponse that carries the triage level
 * (valueCode: self_care, soon, same_day or emergency). */
#define OUTPUT_FHIR_TRIAGE_URL "https://musclecheck.org/fhir/StructureDefinition/triage-level"

/* The answers as an HL7 FHIR R4 QuestionnaireResponse (JSON), authored at
 * NOW, referring to output_fhir_questionnaire's url|version, with the
 * triage level the answers reach as an extension. */
int output_fhir(FILE *out, const struct session *se, time_t now);

#endif
