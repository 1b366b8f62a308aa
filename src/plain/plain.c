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

/* A walk in progress: where it reads and writes, and whether memory ran out
 * (then nothing more is asked: a question must never be shown without its
 * text, and the walk ends with EX_OSERR). */
struct plain {
    const struct survey *s;
    FILE *in, *out;
    bool no_memory;
};

static void say(struct plain *p, const char *text)
{
    if (output_wrapped(p->out, "", 0, text, WIDTH) != 0)
        p->no_memory = true;
}

/* Reads one line; the keys' letters (keys.h) work in every language, and
 * so do the English words and the file's own words for the answers ("sí",
 * "no lo sé"). */
static enum reply ask(struct plain *pl, const char *prompt)
{
    const struct survey *s = pl->s;
    FILE *in = pl->in, *out = pl->out;
    if (pl->no_memory)
        return REPLY_END;
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

static void show_question(struct plain *pl, const struct flow *f)
{
    const struct survey *s = pl->s;
    FILE *out = pl->out;
    size_t q = flow_question(f);
    size_t pos, total;
    flow_progress(f, &pos, &total);
    char n[24], t[24];
    snprintf(n, sizeof(n), "%zu", pos);
    snprintf(t, sizeof(t), "%zu", total);
    const char *vars[] = {"n", n, "total", t, NULL};
    char *progress = uistr_expand(survey_ui(s, UI_PROGRESS), vars);
    if (progress == NULL) {
        pl->no_memory = true;
        return;
    }
    fprintf(out, "\n%s\n", progress);
    free(progress);
    say(pl, survey_question(s, q)->text);
    enum answer a = session_answer(flow_session(f), q);
    if (a != ANSWER_NONE) {
        const char *vars_a[] = {"answer", survey_answer_label(s, a), NULL};
        char *earlier = uistr_expand(survey_ui(s, UI_PLAIN_EARLIER), vars_a);
        if (earlier == NULL)
            pl->no_memory = true;
        else
            fprintf(out, "(%s)\n", earlier);
        free(earlier);
    }
}

/* Shows the emergency advice of D; false when the person stops. */
static bool urgent(struct plain *pl, const struct results_doc *d)
{
    fputc('\n', pl->out);
    if (output_doc_text(pl->out, d, RDOC_MASK(RDOC_URGENT), WIDTH) != 0)
        pl->no_memory = true;
    for (;;) {
        enum reply r = ask(pl, survey_ui(pl->s, UI_PLAIN_CONTINUE));
        if (r == REPLY_EMPTY)
            return true;
        if (r == REPLY_QUIT || r == REPLY_END)
            return false;
    }
}

/* Asks the questions the flow leads to; false when the person stops. */
static enum flow_step walk(struct plain *pl, struct flow *f)
{
    const struct survey *s = pl->s;
    enum flow_step step = flow_begin(f);
    while (step == FLOW_QUESTION) {
        show_question(pl, f);
        enum reply r = ask(pl, survey_ui(s, UI_PLAIN_PROMPT));
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
                fprintf(pl->out, "%s: ", survey_ui(s, UI_WHY));
                say(pl, help);
            }
            say(pl, survey_ui(s, UI_PLAIN_HOW));
            break;
        }
        case REPLY_YES: step = flow_answer(f, ANSWER_YES); break;
        case REPLY_NO: step = flow_answer(f, ANSWER_NO); break;
        case REPLY_UNSURE: step = flow_answer(f, ANSWER_UNSURE); break;
        case REPLY_EMPTY:
        case REPLY_OTHER: say(pl, survey_ui(s, UI_PLAIN_INVALID)); break;
        }
    }
    return step;
}

int plain_run(const struct survey *s, FILE *in, FILE *out)
{
    struct plain pl = {s, in, out, false};
    struct flow *f = flow_new(s);
    if (f == NULL)
        return EX_OSERR;
    fprintf(out, "%s\n\n", survey_text(s, SURVEY_TITLE));
    if (survey_text(s, SURVEY_INTENDED_USE)[0] != '\0') {
        say(&pl, survey_text(s, SURVEY_INTENDED_USE));
        fputc('\n', out);
    }
    say(&pl, survey_text(s, SURVEY_INTRO));
    fputc('\n', out);
    if (!survey_reviewed(s)) {
        say(&pl, survey_ui(s, UI_UNREVIEWED));
        fputc('\n', out);
    }
    say(&pl, survey_ui(s, UI_PLAIN_HOW));
    fputc('\n', out);
    say(&pl, survey_text(s, SURVEY_DISCLAIMER));
    enum flow_step step = walk(&pl, f);
    const struct session *se = flow_session(f);
    struct report *r = step != FLOW_START && !pl.no_memory ? report_new(se) : NULL;
    struct results_doc *d = r != NULL ? results_doc_new(r, se, false) : NULL;
    if (pl.no_memory || (step != FLOW_START && d == NULL)) {
        pl.no_memory = true;
    } else if (step == FLOW_START || (step == FLOW_EMERGENCY && !urgent(&pl, d))) {
        /* Stopped: after an emergency the advice came first; the results follow. */
        if (!pl.no_memory) {
            fputc('\n', out);
            say(&pl, survey_ui(s, UI_PLAIN_STOPPED));
        }
    } else {
        fputc('\n', out);
        if (output_report_text(out, d, s, WIDTH) != 0)
            pl.no_memory = true;
    }
    results_doc_free(d);
    report_free(r);
    fflush(out);
    flow_free(f);
    return pl.no_memory ? EX_OSERR : 0;
}
