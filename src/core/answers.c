/* SPDX-License-Identifier: MIT */
/* answers: parser for batch answers files. */
#include "musclecheck/answers.h"

#include "musclecheck/readfile.h"

#include <stdlib.h>
#include <string.h>

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Trims blanks around [*start, *end). */
static void trim(const char **start, const char **end)
{
    while (*start < *end && blank(**start))
        (*start)++;
    while (*end > *start && blank((*end)[-1]))
        (*end)--;
}

int answers_parse(struct session *se, const char *buf, size_t len, struct diag_list *diags)
{
    /* A NUL would end the id or the answer early in the C strings below:
     * "chest_pain<NUL> not an answer=yes" would count as chest_pain=yes. */
    if (readfile_utf16(buf, len)) {
        diag_add(diags, 0, 0, "the file is UTF-16 text; save it as UTF-8");
        return -1;
    }
    if (readfile_check_nul(buf, len, diags) != 0)
        return -1;
    const struct survey *s = session_survey(se);
    size_t nq = survey_question_count(s);
    size_t errors_before = diag_count(diags);
    enum answer *given = calloc(nq + 1, sizeof(*given));
    int *given_line = calloc(nq + 1, sizeof(*given_line));
    if (given == NULL || given_line == NULL) {
        diag_no_memory(diags);
        free(given);
        free(given_line);
        return -1;
    }
    const char *p = buf, *end = buf + len;
    int line = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end) {
        line++;
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *stop = eol != NULL ? eol : end;
        const char *start = p;
        p = eol != NULL ? eol + 1 : end;
        trim(&start, &stop);
        if (start == stop || *start == '#')
            continue;
        const char *eq = memchr(start, '=', (size_t)(stop - start));
        if (eq == NULL) {
            diag_add(diags, line, 0, "expected ID=yes, ID=no or ID=unsure");
            continue;
        }
        const char *id_end = eq, *value = eq + 1, *value_end = stop;
        trim(&start, &id_end);
        trim(&value, &value_end);
        char id[64], word[16];
        size_t id_len = (size_t)(id_end - start), word_len = (size_t)(value_end - value);
        long q = -1;
        if (id_len > 0 && id_len < sizeof(id)) {
            memcpy(id, start, id_len);
            id[id_len] = '\0';
            q = survey_find_question(s, id);
        }
        if (q < 0) {
            diag_add(diags, line, 0, "unknown question id \"%.*s\"; musclecheck --list shows them",
                     (int)(id_len < 64 ? id_len : 64), start);
            continue;
        }
        enum answer a = ANSWER_NONE;
        bool ok = word_len > 0 && word_len < sizeof(word);
        if (ok) {
            memcpy(word, value, word_len);
            word[word_len] = '\0';
            ok = answer_parse(word, &a);
        }
        if (!ok) {
            diag_add(diags, line, 0, "the answer to \"%s\" must be yes, no or unsure, not \"%.*s\"",
                     id, (int)(word_len < 32 ? word_len : 32), value);
        } else if (given[q] != ANSWER_NONE) {
            diag_add(diags, line, 0, "\"%s\" is answered twice (first on line %d)", id,
                     given_line[q]);
        } else {
            given[q] = a;
            given_line[q] = line;
        }
    }
    bool ok = diag_count(diags) == errors_before;
    if (ok)
        for (size_t q = 0; q < nq; q++)
            if (given[q] != ANSWER_NONE)
                session_set_answer(se, q, given[q]);
    free(given);
    free(given_line);
    return ok ? 0 : -1;
}
