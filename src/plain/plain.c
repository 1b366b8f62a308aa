/* SPDX-License-Identifier: MIT */
/* plain: the line-by-line front end. */
#include "musclecheck/plain.h"

#include "musclecheck/output.h"
#include "musclecheck/report.h"
#include "musclecheck/session.h"
#include "musclecheck/wrap.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

enum { WIDTH = 78, LINE_MAX_BYTES = 256 };

/* What a typed line means. */
enum reply {
    REPLY_YES,
    REPLY_NO,
    REPLY_UNSURE,
    REPLY_BACK,
    REPLY_HELP,
    REPLY_QUIT,
    REPLY_EMPTY,
    REPLY_OTHER,
    REPLY_END
};

static void say(FILE *out, const char *text)
{
    output_wrapped(out, "", 0, text, WIDTH);
}

/* Reads one line; the letters work in every language, and so do the
 * file's own words for the answers ("sí", "no lo sé"). */
static enum reply ask(const struct survey *s, FILE *in, FILE *out, const char *prompt)
{
    char line[LINE_MAX_BYTES];
    fprintf(out, "%s ", prompt);
    fflush(out);
    if (fgets(line, sizeof(line), in) == NULL) {
        fputc('\n', out);
        return REPLY_END;
    }
    if (strchr(line, '\n') == NULL) { /* a very long line: drop the rest */
        int c;
        while ((c = fgetc(in)) != EOF && c != '\n')
            ;
    }
    char *p = line, *end = line + strcspn(line, "\r\n");
    while (p < end && isspace((unsigned char)*p))
        p++;
    while (end > p && isspace((unsigned char)end[-1]))
        end--;
    *end = '\0';
    if (*p == '\0')
        return REPLY_EMPTY;
    const struct {
        const char *word;
        enum reply reply;
    } words[] = {{"y", REPLY_YES},
                 {"yes", REPLY_YES},
                 {"n", REPLY_NO},
                 {"no", REPLY_NO},
                 {"u", REPLY_UNSURE},
                 {"unsure", REPLY_UNSURE},
                 {"not sure", REPLY_UNSURE},
                 {"b", REPLY_BACK},
                 {"back", REPLY_BACK},
                 {"?", REPLY_HELP},
                 {"help", REPLY_HELP},
                 {"q", REPLY_QUIT},
                 {"quit", REPLY_QUIT},
                 {survey_ui(s, UI_YES), REPLY_YES},
                 {survey_ui(s, UI_NO), REPLY_NO},
                 {survey_ui(s, UI_UNSURE), REPLY_UNSURE}};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (strcasecmp(p, words[i].word) == 0)
            return words[i].reply;
    return REPLY_OTHER;
}

static void show_question(const struct session *se, size_t q, FILE *out)
{
    const struct survey *s = session_survey(se);
    size_t pos, total;
    session_progress(se, q, &pos, &total);
    char n[24], t[24];
    snprintf(n, sizeof(n), "%zu", pos);
    snprintf(t, sizeof(t), "%zu", total);
    const char *vars[] = {"n", n, "total", t, NULL};
    char *progress = uistr_expand(survey_ui(s, UI_PROGRESS), vars);
    fprintf(out, "\n%s\n", progress != NULL ? progress : "");
    free(progress);
    say(out, survey_question(s, q)->text);
    enum answer a = session_answer(se, q);
    if (a != ANSWER_NONE) {
        const char *vars_a[] = {"answer", survey_answer_label(s, a), NULL};
        char *earlier = uistr_expand(survey_ui(s, UI_PLAIN_EARLIER), vars_a);
        if (earlier != NULL)
            fprintf(out, "(%s)\n", earlier);
        free(earlier);
    }
}

/* Shows the urgent advice of question Q; false when the person stops. */
static bool urgent(const struct survey *s, size_t q, FILE *in, FILE *out)
{
    fprintf(out, "\n*** %s ***\n", survey_ui(s, UI_URGENT_TITLE));
    say(out, survey_question(s, q)->red_flag);
    for (;;) {
        enum reply r = ask(s, in, out, survey_ui(s, UI_PLAIN_CONTINUE));
        if (r == REPLY_EMPTY)
            return true;
        if (r == REPLY_QUIT || r == REPLY_END)
            return false;
    }
}

int plain_run(const struct survey *s, FILE *in, FILE *out)
{
    struct session *se = session_new(s);
    if (se == NULL)
        return EX_OSERR;
    fprintf(out, "%s\n\n", survey_text(s, SURVEY_TITLE));
    say(out, survey_text(s, SURVEY_INTRO));
    fputc('\n', out);
    say(out, survey_ui(s, UI_PLAIN_HOW));
    fputc('\n', out);
    say(out, survey_text(s, SURVEY_DISCLAIMER));
    long q = session_next_visible(se, 0);
    bool finished = true;
    while (q >= 0) {
        show_question(se, (size_t)q, out);
        enum reply r = ask(s, in, out, survey_ui(s, UI_PLAIN_PROMPT));
        if (r == REPLY_END || r == REPLY_QUIT) {
            finished = false;
            break;
        }
        if (r == REPLY_BACK) {
            long prev = session_prev_visible(se, (size_t)q);
            q = prev >= 0 ? prev : q;
            continue;
        }
        if (r == REPLY_HELP) {
            const char *help = survey_question(s, (size_t)q)->help;
            if (help != NULL) {
                fprintf(out, "%s: ", survey_ui(s, UI_WHY));
                say(out, help);
            }
            say(out, survey_ui(s, UI_PLAIN_HOW));
            continue;
        }
        if (r != REPLY_YES && r != REPLY_NO && r != REPLY_UNSURE) {
            say(out, survey_ui(s, UI_PLAIN_INVALID));
            continue;
        }
        enum answer a = r == REPLY_YES ? ANSWER_YES : r == REPLY_NO ? ANSWER_NO : ANSWER_UNSURE;
        session_set_answer(se, (size_t)q, a);
        if (a == ANSWER_YES && survey_question(s, (size_t)q)->red_flag != NULL &&
            !urgent(s, (size_t)q, in, out)) {
            finished = false;
            break;
        }
        if (a == ANSWER_YES && survey_question(s, (size_t)q)->red_flag != NULL)
            break; /* straight to the results, as on screen */
        q = session_next_visible(se, (size_t)q + 1);
    }
    int status = 0;
    if (!finished) {
        fputc('\n', out);
        say(out, survey_ui(s, UI_PLAIN_STOPPED));
    } else {
        struct report *r = report_new(se);
        if (r == NULL) {
            status = EX_OSERR;
        } else {
            fputc('\n', out);
            output_report_text(out, r, se, WIDTH);
            report_free(r);
        }
    }
    fflush(out);
    session_free(se);
    return status;
}
