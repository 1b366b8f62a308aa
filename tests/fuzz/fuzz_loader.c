/* SPDX-License-Identifier: MIT */
/* Fuzz target: the question-file loader (libyaml events -> tree -> survey)
 * must turn any bytes into either a survey or located errors, within its
 * limits, without crashing or leaking. */
#include "musclecheck/loader.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag_list *diags = diag_list_new("fuzz.yaml");
    struct survey *s = survey_load_buffer("fuzz.yaml", (const char *)data, size, diags);
    if (s != NULL) {
        /* A survey that loads must be internally consistent. */
        for (size_t i = 0; i < survey_question_count(s); i++) {
            const struct question *q = survey_question(s, i);
            if (q->has_show_if && q->show_if_question >= i)
                __builtin_trap();
            if (survey_find_question(s, q->id) != (long)i)
                __builtin_trap();
        }
        if (survey_band_count(s) < 2 || survey_band(s, 0)->min_score != 0)
            __builtin_trap();
    } else if (diag_count(diags) == 0) {
        __builtin_trap(); /* a refused file always says why */
    }
    survey_free(s);
    diag_list_free(diags);
    return 0;
}
