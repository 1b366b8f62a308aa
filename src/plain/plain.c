/* SPDX-License-Identifier: MIT */
/* plain: the line-by-line front end, alone (--plain) or for one patient of
 * a kiosk (plain_kiosk_run). */
#include "musclecheck/plain.h"

#include "musclecheck/clock.h"
#include "musclecheck/flow.h"
#include "musclecheck/fold.h"
#include "musclecheck/keys.h"
#include "musclecheck/output.h"
#include "musclecheck/report.h"
#include "musclecheck/results_doc.h"

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

enum { WIDTH = 78, LINE_MAX_BYTES = 256, POLL_MS = 500 };

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

/* Kiosk: how long a wait for a line may last. */
enum wait {
    WAIT_IDLE,  /* the idle time, with "Still there?" before it */
    WAIT_QUIET, /* the idle time, without a warning (the emergency advice) */
    WAIT_EVER,  /* until a line comes (the advice kept for staff) */
};

/* Kiosk: why a session ended before its end. */
enum end { END_NONE, END_IDLE, END_STOP };

/* A walk in progress: where it reads and writes, and whether memory ran out
 * (then nothing more is asked: a question must never be shown without its
 * text, and the walk ends with EX_OSERR). In a kiosk (K not NULL), lines
 * come from the terminal FD, with the idle time counted from LAST. */
struct plain {
    const struct survey *s;
    FILE *in, *out;
    bool no_memory;
    const struct plain_kiosk *k;
    int fd;
    long long last; /* when the last line came (monotonic ms) */
    enum wait wait; /* how the next kiosk read waits */
    enum end end;
    int width; /* columns to wrap to */
};

static void say(struct plain *p, const char *text)
{
    if (output_wrapped(p->out, "", 0, text, p->width) != 0)
        p->no_memory = true;
}

static void prompt_line(struct plain *pl, const char *prompt)
{
    fprintf(pl->out, "%s ", prompt);
    fflush(pl->out);
}

/* Kiosk: "Still there?" with the seconds left, then the prompt again. */
static void still_there(struct plain *pl, long long left_ms, const char *prompt)
{
    char n[24];
    snprintf(n, sizeof(n), "%lld", (left_ms + 999) / 1000);
    const char *vars[] = {"seconds", n, NULL};
    char *text = uistr_expand(survey_ui(pl->s, UI_PLAIN_STILL_THERE), vars);
    if (text == NULL) {
        pl->no_memory = true;
        return;
    }
    fputs("\n\n", pl->out);
    say(pl, text);
    free(text);
    prompt_line(pl, prompt);
}

/* Kiosk: reads one line from the terminal into LINE (SIZE bytes, the rest
 * of a longer line dropped), waiting as PL->wait says. An empty line that
 * answers "Still there?" only keeps the session. False when the session
 * ends first (PL->end says why). */
static bool kiosk_line(struct plain *pl, const char *prompt, char *line, size_t size)
{
    size_t len = 0;
    bool warned = false;
    for (;;) {
        if (pl->k->stopping()) {
            pl->end = END_STOP;
            return false;
        }
        if (pl->k->tick != NULL)
            pl->k->tick(pl->k->ctx);
        long long left = pl->last + pl->k->idle_ms - clock_now_ms();
        int wait = POLL_MS;
        if (pl->wait != WAIT_EVER) {
            if (left <= 0) {
                pl->end = END_IDLE;
                return false;
            }
            if (pl->wait == WAIT_IDLE && !warned && left <= pl->k->warning_ms) {
                still_there(pl, left, prompt);
                warned = true;
            }
            long long until = warned || pl->wait == WAIT_QUIET ? left : left - pl->k->warning_ms;
            wait = until < POLL_MS ? (int)until + 1 : POLL_MS;
        }
        struct pollfd p = {.fd = pl->fd, .events = POLLIN};
        int ready = poll(&p, 1, wait);
        if (ready < 0 && errno != EINTR) {
            pl->end = END_STOP;
            return false;
        }
        if (ready <= 0)
            continue;
        char buf[LINE_MAX_BYTES];
        ssize_t n = (p.revents & POLLIN) != 0 ? read(pl->fd, buf, sizeof(buf)) : 0;
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0) {
            /* Ctrl-D at the start of a line reads nothing: a key, not the
             * end; a terminal that has gone away ends the kiosk. */
            if (n < 0 || (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) {
                pl->end = END_STOP;
                return false;
            }
            continue;
        }
        pl->last = clock_now_ms();
        char *nl = memchr(buf, '\n', (size_t)n);
        size_t take = nl != NULL ? (size_t)(nl - buf) : (size_t)n;
        if (take > size - 1 - len)
            take = size - 1 - len;
        memcpy(line + len, buf, take);
        len += take;
        explicit_bzero(buf, sizeof(buf));
        if (nl == NULL)
            continue;
        line[len] = '\0';
        if (!(warned && strspn(line, " \t\r") == len))
            return true;
        len = 0;
        warned = false;
        prompt_line(pl, prompt);
    }
}

/* Reads one line into LINE; false at the end of input (or of a kiosk
 * session). */
static bool read_line(struct plain *pl, const char *prompt, char *line, size_t size)
{
    prompt_line(pl, prompt);
    if (pl->k != NULL)
        return kiosk_line(pl, prompt, line, size);
    if (fgets(line, (int)size, pl->in) == NULL) {
        fputc('\n', pl->out);
        return false;
    }
    if (strchr(line, '\n') == NULL) { /* a very long line: drop the rest */
        int c;
        while ((c = fgetc(pl->in)) != EOF && c != '\n')
            ;
    }
    return true;
}

/* Reads one line; the keys' letters (keys.h) work in every language, and
 * so do the English words and the file's own words for the answers ("sí",
 * "no lo sé"). */
static enum reply ask(struct plain *pl, const char *prompt)
{
    const struct survey *s = pl->s;
    if (pl->no_memory)
        return REPLY_END;
    char line[LINE_MAX_BYTES];
    if (!read_line(pl, prompt, line, sizeof(line)))
        return REPLY_END;
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
    if (output_doc_text(pl->out, d, RDOC_MASK(RDOC_URGENT), pl->width) != 0)
        pl->no_memory = true;
    for (;;) {
        enum reply r = ask(pl, survey_ui(pl->s, UI_PLAIN_CONTINUE));
        if (r == REPLY_EMPTY)
            return true;
        if (r == REPLY_QUIT || r == REPLY_END)
            return false;
    }
}

/* Kiosk: whether the patient confirms starting over (which wipes the
 * answers). */
static bool start_over(struct plain *pl)
{
    return ask(pl, survey_ui(pl->s, UI_START_OVER_CONFIRM)) == REPLY_YES;
}

/* Asks the questions the flow leads to; FLOW_START when the person stops
 * (a kiosk patient who starts over, or a kiosk session that ended: PL->end). */
static enum flow_step walk(struct plain *pl, struct flow *f)
{
    const struct survey *s = pl->s;
    const char *prompt = survey_ui(s, pl->k != NULL ? UI_PLAIN_PROMPT_KIOSK : UI_PLAIN_PROMPT);
    enum flow_step step = flow_begin(f);
    while (step == FLOW_QUESTION) {
        show_question(pl, f);
        enum reply r = ask(pl, prompt);
        switch (r) {
        case REPLY_END: return FLOW_START;
        case REPLY_QUIT:
            /* A kiosk has nowhere to quit to: "quit" hands the terminal to
             * the next patient, once the patient confirms. */
            if (pl->k == NULL || start_over(pl) || pl->end != END_NONE || pl->no_memory)
                return FLOW_START;
            break;
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
            say(pl, survey_ui(s, pl->k != NULL ? UI_PLAIN_HOW_KIOSK : UI_PLAIN_HOW));
            break;
        }
        case REPLY_YES:
        case REPLY_NO:
        case REPLY_UNSURE:
            step = flow_answer(f, r == REPLY_YES  ? ANSWER_YES
                                  : r == REPLY_NO ? ANSWER_NO
                                                  : ANSWER_UNSURE);
            if (pl->k != NULL && pl->k->answered != NULL)
                pl->k->answered(flow_session(f), pl->k->ctx);
            break;
        case REPLY_EMPTY:
        case REPLY_OTHER: say(pl, survey_ui(s, UI_PLAIN_INVALID)); break;
        }
    }
    return step;
}

/* The title, who the check is for, the introduction, how to answer and the
 * disclaimer. */
static void introduction(struct plain *pl)
{
    const struct survey *s = pl->s;
    fprintf(pl->out, "%s\n\n", survey_text(s, SURVEY_TITLE));
    if (survey_text(s, SURVEY_INTENDED_USE)[0] != '\0') {
        say(pl, survey_text(s, SURVEY_INTENDED_USE));
        fputc('\n', pl->out);
    }
    say(pl, survey_text(s, SURVEY_INTRO));
    fputc('\n', pl->out);
    if (!survey_reviewed(s)) {
        say(pl, survey_ui(s, UI_UNREVIEWED));
        fputc('\n', pl->out);
    }
    say(pl, survey_ui(s, pl->k != NULL ? UI_PLAIN_HOW_KIOSK : UI_PLAIN_HOW));
    fputc('\n', pl->out);
    say(pl, survey_text(s, SURVEY_DISCLAIMER));
}

int plain_run(const struct survey *s, FILE *in, FILE *out)
{
    struct plain pl = {.s = s, .in = in, .out = out, .width = WIDTH};
    struct flow *f = flow_new(s);
    if (f == NULL)
        return EX_OSERR;
    introduction(&pl);
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
        if (output_report_text(out, d, s, pl.width) != 0)
            pl.no_memory = true;
    }
    results_doc_free(d);
    report_free(r);
    fflush(out);
    flow_free(f);
    return pl.no_memory ? EX_OSERR : 0;
}

/* Kiosk: the emergency advice of D, then the line that sends the patient to
 * the desk (as on the red-flag screen). */
static void kiosk_urgent(struct plain *pl, const struct results_doc *d)
{
    fputc('\n', pl->out);
    if (output_doc_text(pl->out, d, RDOC_MASK(RDOC_URGENT), pl->width) != 0)
        pl->no_memory = true;
    fputc('\n', pl->out);
    say(pl, survey_ui(pl->s, UI_KIOSK_URGENT));
    fputc('\n', pl->out);
}

/* Kiosk: waits for one line as WAIT says; false when the session ended
 * first (PL->end) or memory ran out. */
static bool kiosk_wait(struct plain *pl, enum wait wait, enum uistr prompt)
{
    pl->wait = wait;
    char line[LINE_MAX_BYTES];
    bool got = !pl->no_memory && read_line(pl, survey_ui(pl->s, prompt), line, sizeof(line));
    explicit_bzero(line, sizeof(line));
    return got;
}

/* Kiosk: after an emergency, the advice stays until a member of staff has
 * seen it and a line is typed, even past the idle time; but then the
 * answers go, and only the advice is shown again. True when the results may
 * follow. */
static bool kiosk_emergency(struct plain *pl, struct flow *f, struct report **r,
                            struct results_doc **d)
{
    kiosk_urgent(pl, *d);
    if (kiosk_wait(pl, WAIT_QUIET, UI_PLAIN_URGENT_KEY))
        return true;
    if (pl->end != END_IDLE)
        return false;
    pl->k->wipe();
    kiosk_urgent(pl, *d);
    results_doc_free(*d);
    *d = NULL;
    report_free(*r);
    *r = NULL;
    flow_reset(f);
    pl->end = END_NONE;
    kiosk_wait(pl, WAIT_EVER, UI_PLAIN_NEXT_KEY);
    return false;
}

enum plain_kiosk_end plain_kiosk_run(const struct survey *s, int in_fd, FILE *out,
                                     const struct plain_kiosk *k)
{
    struct plain pl = {.s = s,
                       .out = out,
                       .k = k,
                       .fd = in_fd,
                       .last = clock_now_ms(),
                       .width = k->width >= 20 && k->width < WIDTH ? k->width : WIDTH};
    struct flow *f = flow_new(s);
    if (f == NULL)
        return PLAIN_KIOSK_NO_MEMORY;
    introduction(&pl);
    enum flow_step step = walk(&pl, f);
    const struct session *se = flow_session(f);
    struct report *r = NULL;
    struct results_doc *d = NULL;
    if (step != FLOW_START && !pl.no_memory) {
        r = report_new(se);
        d = r != NULL ? results_doc_new(r, se, true) : NULL;
        pl.no_memory = d == NULL;
    }
    if (d != NULL && (step != FLOW_EMERGENCY || kiosk_emergency(&pl, f, &r, &d))) {
        fputc('\n', out);
        if (output_report_text(out, d, s, pl.width) != 0)
            pl.no_memory = true;
        fputc('\n', out);
        kiosk_wait(&pl, WAIT_IDLE, UI_PLAIN_FINISH);
    }
    fflush(out);
    results_doc_free(d);
    report_free(r);
    flow_free(f);
    if (pl.end == END_STOP)
        return PLAIN_KIOSK_STOP;
    return pl.no_memory ? PLAIN_KIOSK_NO_MEMORY : PLAIN_KIOSK_NEXT;
}
