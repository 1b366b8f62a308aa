/* SPDX-License-Identifier: MIT */
/* commands: --check, --list and --batch, which print and exit. */
#include "musclecheck/commands.h"

#include "musclecheck/answers.h"
#include "musclecheck/compare.h"
#include "musclecheck/diag.h"
#include "musclecheck/flow.h"
#include "musclecheck/lang.h"
#include "musclecheck/loader.h"
#include "musclecheck/output.h"
#include "musclecheck/paths.h"
#include "musclecheck/readfile.h"
#include "musclecheck/report.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sysexits.h>
#include <unistd.h>

int commands_no_memory(void)
{
    fputs("musclecheck: out of memory\n", stderr);
    return EX_OSERR;
}

/* Loads the question file at PATH, printing problems; returns an exit status. */
static int load_path(const char *path, struct survey **out)
{
    struct diag_list *diags = diag_list_new(path);
    if (diags == NULL)
        return commands_no_memory();
    enum load_result r = survey_load_file(path, out, diags);
    diag_print(diags, stderr);
    diag_list_free(diags);
    switch (r) {
    case LOAD_OK: return 0;
    case LOAD_NO_INPUT: return EX_NOINPUT;
    case LOAD_NO_MEMORY: return EX_OSERR;
    case LOAD_BAD_DATA: break;
    }
    return EX_DATAERR;
}

int commands_bundled(char *dir, size_t size, char (*codes)[16], size_t max, size_t *count)
{
    int err = paths_data_dir(dir, size);
    if (err == -ENOMEM)
        return commands_no_memory();
    if (err != 0) {
        diag_print_line(stderr,
                        "musclecheck: cannot find the bundled question files (last looked in %s); "
                        "give one with --questions FILE",
                        dir);
        return EX_NOINPUT;
    }
    err = paths_languages(dir, codes, max, count);
    if (err == -ENOMEM)
        return commands_no_memory();
    if (err != 0) {
        diag_print_line(stderr, "musclecheck: cannot list the question files in %s: %s", dir,
                        strerror(-err));
        return EX_NOINPUT;
    }
    return 0;
}

int commands_load(const struct cli_options *opts, struct survey **out)
{
    *out = NULL;
    if (opts->questions != NULL)
        return load_path(opts->questions, out);
    char dir[PATH_MAX], codes[COMMANDS_MAX_LANGUAGES][16], path[PATH_MAX + 32];
    size_t count = 0;
    int status = commands_bundled(dir, sizeof(dir), codes, COMMANDS_MAX_LANGUAGES, &count);
    if (status != 0)
        return status;
    const char *available[COMMANDS_MAX_LANGUAGES];
    for (size_t i = 0; i < count; i++)
        available[i] = codes[i];
    const char *lang = opts->lang;
    if (lang == NULL) {
        lang = lang_pick(getenv("LANGUAGE"), getenv("LC_ALL"), getenv("LC_MESSAGES"),
                         getenv("LANG"), available, count);
    } else {
        /* "pt_BR" picks pt_BR.yaml, else pt.yaml, as the locale does. */
        const char *found = lang_match(lang, strlen(lang), available, count);
        if (found == NULL) {
            /* " code" each, a code being shorter than its 16 bytes. */
            char installed[COMMANDS_MAX_LANGUAGES * 16 + 1] = "";
            size_t used = 0;
            for (size_t i = 0; i < count; i++) {
                installed[used++] = ' ';
                size_t n = strnlen(codes[i], sizeof(codes[i]) - 1);
                memcpy(installed + used, codes[i], n);
                used += n;
            }
            installed[used] = '\0';
            diag_print_line(stderr,
                            "musclecheck: there is no questionnaire in \"%s\"; installed:%s", lang,
                            installed);
            return EX_NOINPUT;
        }
        lang = found;
    }
    snprintf(path, sizeof(path), "%s/%s.yaml", dir, lang);
    status = load_path(path, out);
    /* A translation no clinician has checked is used only when someone asks
     * for it (--lang, or the kiosk's language screen), never picked for a
     * patient from the locale alone. */
    if (status == 0 && opts->lang == NULL && !survey_reviewed(*out) &&
        strcmp(lang, LANG_DEFAULT) != 0) {
        diag_print_line(stderr,
                        "musclecheck: the \"%s\" questions have not been reviewed by a clinician, "
                        "so they are not chosen from the locale; using \"%s\" (--lang %s chooses "
                        "them)",
                        lang, LANG_DEFAULT, lang);
        survey_free(*out);
        *out = NULL;
        snprintf(path, sizeof(path), "%s/%s.yaml", dir, LANG_DEFAULT);
        status = load_path(path, out);
    }
    return status;
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

/* A translation must keep the English file's scoring: compares S with the
 * bundled reference file when S is another language of the same
 * questionnaire. Returns an exit status. */
static int check_translation(const struct survey *s)
{
    char dir[PATH_MAX], path[PATH_MAX + 32], real_s[PATH_MAX], real_ref[PATH_MAX];
    if (strcmp(survey_text(s, SURVEY_LANGUAGE), LANG_DEFAULT) == 0)
        return 0;
    int err = paths_data_dir(dir, sizeof(dir));
    if (err != 0)
        return err == -ENOMEM ? commands_no_memory() : 0;
    snprintf(path, sizeof(path), "%s/%s.yaml", dir, LANG_DEFAULT);
    errno = 0;
    bool same = realpath(path, real_ref) != NULL && realpath(survey_source(s), real_s) != NULL &&
                strcmp(real_ref, real_s) == 0;
    if (errno == ENOMEM)
        return commands_no_memory();
    if (same)
        return 0;
    struct survey *ref = NULL;
    int status = load_path(path, &ref);
    if (status != 0)
        return status;
    if (strcmp(survey_text(ref, SURVEY_ID), survey_text(s, SURVEY_ID)) != 0) {
        survey_free(ref);
        return 0; /* another questionnaire altogether: nothing to compare */
    }
    struct diag_list *diags = diag_list_new(survey_source(s));
    if (diags == NULL) {
        survey_free(ref);
        return commands_no_memory();
    }
    size_t differences = survey_compare(ref, s, diags);
    diag_print(diags, stderr);
    status = diag_out_of_memory(diags) ? EX_OSERR : differences > 0 ? EX_DATAERR : 0;
    diag_list_free(diags);
    survey_free(ref);
    return status;
}

int command_check(const struct cli_options *opts)
{
    struct survey *s;
    int status = commands_load(opts, &s);
    if (status != 0)
        return status;
    status = check_translation(s);
    if (status != 0) {
        survey_free(s);
        return status;
    }
    size_t red_flags = 0, follow_ups = 0;
    for (size_t i = 0; i < survey_question_count(s); i++) {
        red_flags += survey_question(s, i)->red_flag != NULL;
        follow_ups += survey_question(s, i)->has_show_if;
    }
    size_t nq = survey_question_count(s), nc = survey_condition_count(s);
    int written =
        diag_print_line(stdout,
                        "%s: OK: \"%s\" (%s, version %s): %zu question%s (%zu red flag%s, %zu "
                        "follow-up%s), %zu condition%s, %zu bands",
                        opts->questions, survey_text(s, SURVEY_TITLE),
                        survey_text(s, SURVEY_LANGUAGE), survey_text(s, SURVEY_VERSION), nq,
                        nq == 1 ? "" : "s", red_flags, red_flags == 1 ? "" : "s", follow_ups,
                        follow_ups == 1 ? "" : "s", nc, nc == 1 ? "" : "s", survey_band_count(s));
    survey_free(s);
    return written == 0 ? finish_output(0) : commands_no_memory();
}

int command_list(const struct cli_options *opts)
{
    struct survey *s;
    int status = commands_load(opts, &s);
    if (status != 0)
        return status;
    if (opts->format == FORMAT_JSON)
        status = output_list_json(stdout, s) == 0 ? 0 : EX_OSERR;
    else if (opts->format == FORMAT_FHIR)
        status = output_fhir_questionnaire(stdout, s) == 0 ? 0 : EX_OSERR;
    else
        output_list_text(stdout, s);
    survey_free(s);
    if (status == EX_OSERR)
        fputs("musclecheck: out of memory\n", stderr);
    return finish_output(status);
}

time_t commands_now(void)
{
    /* SOURCE_DATE_EPOCH pins the date, for reproducible output in tests. */
    const char *fixed = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    if (fixed != NULL && *fixed != '\0') {
        long long t = strtoll(fixed, &end, 10);
        if (*end == '\0' && t >= 0 && t <= 253402300799LL) /* up to the end of year 9999 */
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
    struct session *given = session_new(s);
    struct flow *flow = flow_new(s);
    struct report *r = NULL;
    struct results_doc *doc = NULL;
    char *buf = NULL;
    size_t len = 0;
    if (diags == NULL || given == NULL || flow == NULL) {
        status = EX_OSERR;
        goto out;
    }
    switch (readfile(opts->answers, ANSWERS_MAX_FILE_BYTES, &buf, &len, diags)) {
    case READ_OK: break;
    case READ_BAD_DATA: status = EX_DATAERR; goto out;
    case READ_NO_INPUT: status = EX_NOINPUT; goto out;
    case READ_NO_MEMORY: status = EX_OSERR; goto out;
    }
    if (answers_parse(given, buf, len, diags) != 0) {
        status = diag_out_of_memory(diags) ? EX_OSERR : EX_DATAERR;
        goto out;
    }
    /* Scored as if answered on screen: nothing after an emergency stop. */
    flow_replay(flow, given);
    const struct session *se = flow_session(flow);
    if ((r = report_new(se)) == NULL || (doc = results_doc_new(r, se, false)) == NULL) {
        status = EX_OSERR;
        goto out;
    }
    int written = -1;
    switch (opts->format) {
    case FORMAT_JSON: written = output_report_json(stdout, r, se); break;
    case FORMAT_FHIR: written = output_fhir(stdout, se, commands_now()); break;
    case FORMAT_SUMMARY:
        written = output_summary(stdout, doc, s, commands_now(), report_width());
        break;
    case FORMAT_TEXT: written = output_report_text(stdout, doc, s, report_width()); break;
    }
    status = finish_output(written == 0 ? 0 : EX_OSERR);
out:
    if (status == EX_OSERR && !diag_out_of_memory(diags))
        fputs("musclecheck: out of memory\n", stderr);
    diag_print(diags, stderr);
    diag_list_free(diags);
    free(buf);
    results_doc_free(doc);
    report_free(r);
    flow_free(flow);
    session_free(given);
    survey_free(s);
    return status;
}
