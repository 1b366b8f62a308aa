/* SPDX-License-Identifier: MIT */
/* Fuzz target: the batch answers-file parser, against the English
 * questionnaire, followed by scoring and both report formats. */
#include "musclecheck/answers.h"
#include "musclecheck/flow.h"
#include "musclecheck/loader.h"
#include "musclecheck/output.h"
#include "musclecheck/report.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct survey *english(void)
{
    static struct survey *s;
    if (s == NULL) {
        struct diag_list *diags = diag_list_new(NULL);
        if (survey_load_file(MC_SOURCE_DIR "/questions/en.yaml", &s, diags) != LOAD_OK)
            abort();
        diag_list_free(diags);
    }
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct session *se = session_new(english());
    struct diag_list *diags = diag_list_new("answers.txt");
    if (answers_parse(se, (const char *)data, size, diags) == 0) {
        struct flow *f = flow_new(english());
        flow_replay(f, se);
        struct report *r = report_new(flow_session(f));
        struct results_doc *d = results_doc_new(r, flow_session(f), (size & 1) != 0);
        FILE *devnull = fopen("/dev/null", "w");
        output_report_text(devnull, d, english(), 78);
        output_summary(devnull, d, english(), 0, 78);
        output_report_json(devnull, r, flow_session(f));
        fclose(devnull);
        results_doc_free(d);
        report_free(r);
        flow_free(f);
    } else if (diag_count(diags) == 0) {
        __builtin_trap();
    }
    diag_list_free(diags);
    session_free(se);
    return 0;
}
