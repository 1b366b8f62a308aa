/* SPDX-License-Identifier: MIT */
/* plain: the line-by-line front end. */
#include "musclecheck/plain.h"

#include "musclecheck/flow.h"
#include "musclecheck/fold.h"
#include "musclecheck/keys.h"
#include "musclecheck/output.h"
#include "musclecheck/report.h"
#include "musclecheck/results_doc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
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

/* Reads one line; the keys' letters (keys.h) work in every language, and
 * so do the English words and the file's own words for the answers ("sí",
 * "no lo sé"). */
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
    } words[] = {{keys_letter(CMD_YES), REPLY_YES},
                 {"yes", REPLY_YES},
                 {keys_letter(CMD_NO), REPLY_NO},
                 {"no", REPLY_NO},
                 {keys_letter(CMD_UNSURE), REPLY_UNSURE},
                 {"unsure", REPLY_UNSURE},
                 {"not sure", REPLY_UNSURE},
                 {keys_letter(CMD_BACK), REPLY_BACK},
                 {"back", REPLY_BACK},
                 {keys_letter(CMD_HELP), REPLY_HELP},
                 {"help", REPLY_HELP},
                 {keys_letter(CMD_QUIT), REPLY_QUIT},
                 {"quit", REPLY_QUIT},
                 {survey_ui(s, UI_YES), REPLY_YES},
                 {survey_ui(s, UI_NO), REPLY_NO},
                 {survey_ui(s, UI_UNSURE), REPLY_UNSURE}};
    /* Not strcasecmp: under tr_TR it would not take "QUIT" for "quit". */
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (fold_equal(p, words[i].word))
            return words[i].reply;
    return REPLY_OTHER;
}

static void show_question(const struct flow *f, FILE *out)
{
    const struct survey *s = flow_survey(f);
    size_t q = flow_question(f);
    size_t pos, total;
    flow_progress(f, &pos, &total);
    char n[24], t[24];
    snprintf(n, sizeof(n), "%zu", pos);
    snprintf(t, sizeof(t), "%zu", total);
    const char *vars[] = {"n", n, "total", t, NULL};
    char *progress = uistr_expand(survey_ui(s, UI_PROGRESS), vars);
    fprintf(out, "\n%s\n", progress != NULL ? progress : "");
    free(progress);
    say(out, survey_question(s, q)->text);
    enum answer a = session_answer(flow_session(f), q);
    if (a != ANSWER_NONE) {
        const char *vars_a[] = {"answer", survey_answer_label(s, a), NULL};
        char *earlier = uistr_expand(survey_ui(s, UI_PLAIN_EARLIER), vars_a);
        if (earlier != NULL)
            fprintf(out, "(%s)\n", earlier);
        free(earlier);
    }
}

/* Shows the emergency advice of D; false when the person stops. */
static bool urgent(const struct survey *s, const struct results_doc *d, FILE *in, FILE *out)
{
    fputc('\n', out);
    output_doc_text(out, d, s, RDOC_MASK(RDOC_URGENT), WIDTH);
    for (;;) {
        enum reply r = ask(s, in, out, survey_ui(s, UI_PLAIN_CONTINUE));
        if (r == REPLY_EMPTY)
            return true;
        if (r == REPLY_QUIT || r == REPLY_END)
            return false;
    }
}

/* Asks the questions the flow leads to; false when the person stops. */
static enum flow_step walk(struct flow *f, FILE *in, FILE *out)
{
    const struct survey *s = flow_survey(f);
    enum flow_step step = flow_begin(f);
    while (step == FLOW_QUESTION) {
        show_question(f, out);
        enum reply r = ask(s, in, out, survey_ui(s, UI_PLAIN_PROMPT));
        switch (r) {
        case REPLY_END:
        case REPLY_QUIT: return FLOW_START;
        case REPLY_BACK:
            /* From the first question there is nowhere to go back to. */
            if (flow_back(f) == FLOW_START)
                step = flow_begin(f);
            break;
        case REPLY_HELP: {
            const char *help = survey_question(s, flow_question(f))->help;
            if (help != NULL) {
                fprintf(out, "%s: ", survey_ui(s, UI_WHY));
                say(out, help);
            }
            say(out, survey_ui(s, UI_PLAIN_HOW));
            break;
        }
        case REPLY_YES: step = flow_answer(f, ANSWER_YES); break;
        case REPLY_NO: step = flow_answer(f, ANSWER_NO); break;
        case REPLY_UNSURE: step = flow_answer(f, ANSWER_UNSURE); break;
        case REPLY_EMPTY:
        case REPLY_OTHER: say(out, survey_ui(s, UI_PLAIN_INVALID)); break;
        }
    }
    return step;
}

int plain_run(const struct survey *s, FILE *in, FILE *out)
{
    struct flow *f = flow_new(s);
    if (f == NULL)
        return EX_OSERR;
    fprintf(out, "%s\n\n", survey_text(s, SURVEY_TITLE));
    say(out, survey_text(s, SURVEY_INTRO));
    fputc('\n', out);
    if (!survey_reviewed(s)) {
        say(out, survey_ui(s, UI_UNREVIEWED));
        fputc('\n', out);
    }
    say(out, survey_ui(s, UI_PLAIN_HOW));
    fputc('\n', out);
    say(out, survey_text(s, SURVEY_DISCLAIMER));
    int status = 0;
    enum flow_step step = walk(f, in, out);
    const struct session *se = flow_session(f);
    struct report *r = step != FLOW_START ? report_new(se) : NULL;
    struct results_doc *d = r != NULL ? results_doc_new(r, se, false) : NULL;
    if (step != FLOW_START && d == NULL) {
        status = EX_OSERR;
    } else if (step == FLOW_START || (step == FLOW_EMERGENCY && !urgent(s, d, in, out))) {
        /* Stopped: after an emergency the advice came first; the results follow. */
        fputc('\n', out);
        say(out, survey_ui(s, UI_PLAIN_STOPPED));
    } else {
        fputc('\n', out);
        output_report_text(out, d, s, WIDTH);
    }
    results_doc_free(d);
    report_free(r);
    fflush(out);
    flow_free(f);
    return status;
}
