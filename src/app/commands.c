/* commands: --check, --list and --batch, which print and exit. */
#include "musclecheck/commands.h"

#include "musclecheck/answers.h"
#include "musclecheck/loader.h"
#include "musclecheck/output.h"
#include "musclecheck/paths.h"
#include "musclecheck/readfile.h"
#include "musclecheck/report.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sysexits.h>
#include <unistd.h>

int commands_load(const struct cli_options *opts, struct survey **out)
{
    char bundled[PATH_MAX];
    const char *path = opts->questions;
    *out = NULL;
    if (path == NULL) {
        if (paths_questions("en", bundled, sizeof(bundled)) != 0) {
            fprintf(stderr,
                    "musclecheck: cannot find the bundled question file (last looked at %s); "
                    "give one with --questions FILE\n",
                    bundled);
            return EX_NOINPUT;
        }
        path = bundled;
    }
    struct diag_list *diags = diag_list_new(path);
    if (diags == NULL) {
        fputs("musclecheck: out of memory\n", stderr);
        return EX_OSERR;
    }
    enum load_result r = survey_load_file(path, out, diags);
    diag_print(diags, stderr);
    diag_list_free(diags);
    return r == LOAD_OK ? 0 : r == LOAD_NO_INPUT ? EX_NOINPUT : EX_DATAERR;
}

/* Flushes stdout and turns a failed write (a full disk, a closed pipe) into
 * EX_IOERR, so that a script never mistakes cut output for a result. */
static int finish_output(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("musclecheck: cannot write the output\n", stderr);
        return EX_IOERR;
    }
    return status;
}

int command_check(const struct cli_options *opts)
{
    struct survey *s;
    int status = commands_load(opts, &s);
    if (status != 0)
        return status;
    size_t red_flags = 0, follow_ups = 0;
    for (size_t i = 0; i < survey_question_count(s); i++) {
        red_flags += survey_question(s, i)->red_flag != NULL;
        follow_ups += survey_question(s, i)->has_show_if;
    }
    size_t nq = survey_question_count(s), nc = survey_condition_count(s);
    printf("%s: OK: \"%s\" (%s, version %s): %zu question%s (%zu red flag%s, %zu follow-up%s), "
           "%zu condition%s, %zu bands\n",
           opts->questions, survey_text(s, SURVEY_TITLE), survey_text(s, SURVEY_LANGUAGE),
           survey_text(s, SURVEY_VERSION), nq, nq == 1 ? "" : "s", red_flags,
           red_flags == 1 ? "" : "s", follow_ups, follow_ups == 1 ? "" : "s", nc,
           nc == 1 ? "" : "s", survey_band_count(s));
    survey_free(s);
    return finish_output(0);
}

int command_list(const struct cli_options *opts)
{
    struct survey *s;
    int status = commands_load(opts, &s);
    if (status != 0)
        return status;
    if (opts->format == FORMAT_JSON) {
        if (!output_list_json(stdout, s))
            status = EX_OSERR;
    } else {
        output_list_text(stdout, s);
    }
    survey_free(s);
    return finish_output(status);
}

time_t commands_now(void)
{
    /* SOURCE_DATE_EPOCH pins the date, for reproducible output in tests. */
    const char *fixed = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    if (fixed != NULL && *fixed != '\0') {
        long long t = strtoll(fixed, &end, 10);
        if (*end == '\0' && t >= 0)
            return (time_t)t;
    }
    return time(NULL);
}

/* Text width for the report: the terminal's, within reason, or 78. */
static int report_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col < 40 ? 40 : ws.ws_col > 100 ? 100 : ws.ws_col - 2;
    return 78;
}

int command_batch(const struct cli_options *opts)
{
    struct survey *s;
    int status = commands_load(opts, &s);
    if (status != 0)
        return status;
    const char *name = strcmp(opts->answers, "-") == 0 ? "<stdin>" : opts->answers;
    struct diag_list *diags = diag_list_new(name);
    struct session *se = session_new(s);
    struct report *r = NULL;
    char *buf = NULL;
    size_t len = 0;
    if (diags == NULL || se == NULL) {
        status = EX_OSERR;
        goto out;
    }
    switch (readfile(opts->answers, ANSWERS_MAX_FILE_BYTES, &buf, &len, diags)) {
    case READ_OK: break;
    case READ_BAD_DATA: status = EX_DATAERR; goto out;
    case READ_NO_INPUT: status = EX_NOINPUT; goto out;
    }
    if (!answers_parse(se, buf, len, diags)) {
        status = EX_DATAERR;
        goto out;
    }
    if ((r = report_new(se)) == NULL) {
        status = EX_OSERR;
        goto out;
    }
    switch (opts->format) {
    case FORMAT_JSON:
        if (!output_report_json(stdout, r, se))
            status = EX_OSERR;
        break;
    case FORMAT_FHIR:
        if (!output_fhir(stdout, se, commands_now()))
            status = EX_OSERR;
        break;
    case FORMAT_SUMMARY: output_summary(stdout, r, se, commands_now(), report_width()); break;
    case FORMAT_TEXT: output_report_text(stdout, r, se, report_width()); break;
    }
    status = finish_output(status);
out:
    if (status == EX_OSERR)
        fputs("musclecheck: out of memory\n", stderr);
    diag_print(diags, stderr);
    diag_list_free(diags);
    free(buf);
    report_free(r);
    session_free(se);
    survey_free(s);
    return status;
}
