/* SPDX-License-Identifier: MIT */
/* End-to-end tests of the real musclecheck binary: the command-line
 * contract (exit codes, --check, --list, --batch) on real files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char *binary;
static const char *source_dir;

struct run {
    int status; /* exit code, or -1 when killed */
    char *out;
    char *err;
};

static void run_free(struct run *r)
{
    free(r->out);
    free(r->err);
}

/* Reads both pipes to the end without letting either fill up. */
static void drain(int out_fd, int err_fd, char **out, char **err)
{
    size_t len[2] = {0, 0}, cap[2] = {4096, 4096};
    char *buf[2] = {malloc(cap[0]), malloc(cap[1])};
    struct pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    int open_fds = 2;
    while (open_fds > 0) {
        if (poll(fds, 2, 10000) <= 0)
            fail_msg("the program produced no output for 10 s");
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            if (cap[i] - len[i] < 4096)
                buf[i] = realloc(buf[i], cap[i] *= 2);
            ssize_t n = read(fds[i].fd, buf[i] + len[i], cap[i] - len[i] - 1);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            } else {
                len[i] += (size_t)n;
            }
        }
    }
    buf[0][len[0]] = '\0';
    buf[1][len[1]] = '\0';
    *out = buf[0];
    *err = buf[1];
}

/* Runs the binary with ARGS (NULL-terminated), feeding INPUT (or nothing)
 * on stdin, from the folder CWD (or the current one). */
static struct run run_in(const char *cwd, const char *input, const char *const *args)
{
    int in[2], out[2], err[2];
    assert_int_equal(pipe(in), 0);
    assert_int_equal(pipe(out), 0);
    assert_int_equal(pipe(err), 0);
    char *argv[32];
    int argc = 0;
    argv[argc++] = (char *)binary;
    for (; args[argc - 1] != NULL && argc < 31; argc++)
        argv[argc] = (char *)args[argc - 1];
    argv[argc] = NULL;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        for (int fd = 3; fd < 64; fd++)
            close(fd);
        if (cwd != NULL && chdir(cwd) != 0)
            _exit(127);
        execv(binary, argv);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    if (input != NULL) {
        ssize_t n = write(in[1], input, strlen(input));
        assert_int_equal(n, (ssize_t)strlen(input));
    }
    close(in[1]);
    struct run r;
    drain(out[0], err[0], &r.out, &r.err);
    int status;
    waitpid(pid, &status, 0);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

#define RUN(input, ...) run_in(NULL, input, (const char *const[]){__VA_ARGS__, NULL})

static const char *path(const char *relative)
{
    static char buf[8][4096];
    static int next;
    char *p = buf[next++ % 8];
    snprintf(p, 4096, "%s/%s", source_dir, relative);
    return p;
}

static void expect_contains(const char *text, const char *needle)
{
    if (text == NULL || strstr(text, needle) == NULL)
        fail_msg("expected \"%s\" in:\n%s", needle, text != NULL ? text : "(nothing)");
}

static void expect_absent(const char *text, const char *needle)
{
    if (text != NULL && strstr(text, needle) != NULL)
        fail_msg("did not expect \"%s\" in:\n%s", needle, text);
}

/* The old results' words that the likelihood words replaced. */
static void expect_no_percentages(const char *text)
{
    expect_absent(text, "%");
    expect_absent(text, "score");
    expect_absent(text, "too few answers");
}

/* A fresh folder under /tmp (static storage, four at a time). */
static const char *temp_dir(void)
{
    static char dirs[4][64];
    static int next;
    char *d = dirs[next++ % 4];
    snprintf(d, 64, "/tmp/mc-cli-XXXXXX");
    assert_non_null(mkdtemp(d));
    return d;
}

static void remove_dir(const char *dir)
{
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* Writes TEXT to DIR/NAME and returns the path (static storage). */
static const char *write_file(const char *dir, const char *name, const char *text)
{
    static char buf[4][4096];
    static int next;
    char *p = buf[next++ % 4];
    snprintf(p, 4096, "%s/%s", dir, name);
    FILE *fp = fopen(p, "w");
    assert_non_null(fp);
    assert_int_equal(fputs(text, fp) >= 0, 1);
    assert_int_equal(fclose(fp), 0);
    return p;
}

/* The whole of FILE (caller frees). */
static char *read_all(const char *file)
{
    FILE *fp = fopen(file, "r");
    assert_non_null(fp);
    size_t cap = 1 << 16, len = 0, n;
    char *text = malloc(cap);
    while ((n = fread(text + len, 1, cap - len - 1, fp)) > 0) {
        len += n;
        if (cap - len < 4096)
            text = realloc(text, cap *= 2);
    }
    text[len] = '\0';
    fclose(fp);
    return text;
}

/* The 1-based line of TEXT where AT points. */
static int line_of(const char *text, const char *at)
{
    int line = 1;
    for (const char *c = text; c < at; c++)
        line += *c == '\n';
    return line;
}

static void help_and_version(void **state)
{
    (void)state;
    struct run r = RUN(NULL, "--help");
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "Usage: musclecheck");
    expect_contains(r.out, "not a\ndiagnosis");
    for (char *line = strtok(r.out, "\n"); line != NULL; line = strtok(NULL, "\n"))
        assert_true(strlen(line) <= 80);
    run_free(&r);
    r = RUN(NULL, "--version");
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "musclecheck ");
    run_free(&r);
}

static void usage_errors_exit_64(void **state)
{
    (void)state;
    const char *const cases[][3] = {
        {"--bogus", NULL, "unknown option --bogus"},
        {"--answers", "x.txt", "--answers only goes with --batch"},
        {"--list", "--batch", "cannot be combined"},
        {"--format", "json", "--format only goes with"},
        {"extra", NULL, "unexpected argument"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct run r =
            cases[i][1] != NULL ? RUN(NULL, cases[i][0], cases[i][1]) : RUN(NULL, cases[i][0]);
        assert_int_equal(r.status, 64);
        expect_contains(r.err, cases[i][2]);
        run_free(&r);
    }
    struct run r = RUN(NULL, "--list", "--format", "xml");
    assert_int_equal(r.status, 64);
    expect_contains(r.err, "use text, json");
    run_free(&r);
    r = RUN(NULL, "--list", "--format", "summary");
    assert_int_equal(r.status, 64);
    expect_contains(r.err, "--list takes --format text, json or fhir");
    run_free(&r);
    r = RUN(NULL, "--print-command", "lp");
    assert_int_equal(r.status, 64);
    expect_contains(r.err, "only go with --kiosk");
    run_free(&r);
    r = RUN(NULL, "--check");
    assert_int_equal(r.status, 64);
    expect_contains(r.err, "needs a value");
    run_free(&r);
}

static void check_good_file(void **state)
{
    (void)state;
    struct run r = RUN(NULL, "--check", path("questions/en.yaml"));
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "en.yaml: OK");
    expect_contains(r.out, "5 conditions");
    assert_int_equal(strchr(r.out, '\n') - r.out + 1, (long)strlen(r.out)); /* one line */
    assert_string_equal(r.err, "");
    run_free(&r);
}

/* A small format 2 question file; its bands, conditions and questions
 * follow BODY_AT (line 22) so that tests can add to it. */
static const char format2_head[] = "format: 2\n"
                                   "id: catalogue\n"
                                   "version: \"1\"\n"
                                   "language: en\n"
                                   "title: Catalogue test\n"
                                   "intro: Hello.\n"
                                   "disclaimer: Not a diagnosis.\n"
                                   "no_findings: Nothing found.\n"
                                   "bands:\n"
                                   "  - {id: unlikely, label: Unlikely, min_points: 0}\n"
                                   "  - {id: likely, label: Likely, min_points: 3}\n"
                                   "advice:\n"
                                   "  - Drink water.\n"
                                   "conditions:\n"
                                   "  - id: iron\n"
                                   "    name: Iron\n"
                                   "    role: Carries oxygen\n"
                                   "    muscle_symptoms: Weak\n"
                                   "    other_symptoms: Pale\n"
                                   "    foods: [Beans]\n"
                                   "    tips: [Eat beans]\n"
                                   "questions:\n";

static void check_bad_file_gives_located_errors(void **state)
{
    (void)state;
    const char *dir = temp_dir();
    char text[2048];
    snprintf(text, sizeof(text),
             "%s"
             "  - id: q1\n"
             "    text: Are you tired?\n"
             "    hlep: Why.\n"
             "    evidence: {irn: 2}\n"
             "  - id: q2\n"
             "    text: Do you crave ice?\n"
             "    evidence:\n"
             "      iron: {yes: 3, kind: sing}\n",
             format2_head);
    const char *file = write_file(dir, "typos.yaml", text);
    struct run r = RUN(NULL, "--check", file);
    assert_int_equal(r.status, 65);
    char want[4200];
    snprintf(want, sizeof(want),
             "%s:25:5: unknown key \"hlep\" in question \"q1\"; did you mean "
             "\"help\"?\n",
             file);
    expect_contains(r.err, want);
    snprintf(want, sizeof(want), "%s:26:16: unknown condition \"irn\" in evidence", file);
    expect_contains(r.err, want);
    snprintf(want, sizeof(want),
             "%s:30:28: kind must be sign, cause, risk, nonspecific or uncertain", file);
    expect_contains(r.err, want);
    assert_string_equal(r.out, "");
    run_free(&r);
    /* The same file with the typos put right is accepted. */
    snprintf(text, sizeof(text),
             "%s"
             "  - id: q1\n"
             "    text: Are you tired?\n"
             "    help: Why.\n"
             "    evidence: {iron: 2}\n"
             "  - id: q2\n"
             "    text: Do you crave ice?\n"
             "    evidence:\n"
             "      iron: {yes: 3, kind: sign}\n",
             format2_head);
    file = write_file(dir, "fixed.yaml", text);
    r = RUN(NULL, "--check", file);
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "2 questions");
    run_free(&r);
    remove_dir(dir);
}

/* A translation must keep the English file's scoring: a copy of es.yaml
 * with one change is refused by --check, at the question that changed. */
static void check_translation_that_changes_triage_or_evidence(void **state)
{
    (void)state;
    const char *dir = temp_dir();
    char *es = read_all(path("questions/es.yaml"));
    /* The copy as it is passes. */
    struct run r = RUN(NULL, "--check", write_file(dir, "es.yaml", es));
    if (r.status != 0)
        fail_msg("questions/es.yaml: exit %d:\n%s", r.status, r.err);
    run_free(&r);

    /* vision_jaw: ae -> ambulance (an emergency screen stays among the first). */
    char *question = strstr(es, "  - id: vision_jaw\n");
    assert_non_null(question);
    char *level = strstr(question, "level: ae");
    char *next = strstr(question + 1, "  - id: ");
    if (level == NULL || (next != NULL && level > next))
        fail_msg("es.yaml: vision_jaw has no \"level: ae\"");
    size_t prefix = (size_t)(level - es);
    char *changed = malloc(strlen(es) + 16);
    snprintf(changed, strlen(es) + 16, "%.*slevel: ambulance%s", (int)prefix, es,
             level + strlen("level: ae"));
    const char *file = write_file(dir, "es.yaml", changed);
    r = RUN(NULL, "--check", file);
    assert_int_equal(r.status, 65);
    char want[4200];
    snprintf(want, sizeof(want), "%s:%d:5: question \"vision_jaw\" has red-flag level ambulance",
             file, line_of(es, question));
    expect_contains(r.err, want);
    expect_contains(r.err, "but ae in ");
    assert_string_equal(r.out, "");
    run_free(&r);
    free(changed);

    /* pica: 3 points for iron -> 2. */
    question = strstr(es, "  - id: pica\n");
    assert_non_null(question);
    char *points = strstr(question, "iron: {yes: 3");
    next = strstr(question + 1, "  - id: ");
    if (points == NULL || (next != NULL && points > next))
        fail_msg("es.yaml: pica has no \"iron: {yes: 3\"");
    changed = strdup(es);
    changed[points - es + strlen("iron: {yes: ")] = '2';
    file = write_file(dir, "es.yaml", changed);
    r = RUN(NULL, "--check", file);
    assert_int_equal(r.status, 65);
    snprintf(want, sizeof(want), "%s:%d:5: question \"pica\" gives iron {yes: 2", file,
             line_of(es, question));
    expect_contains(r.err, want);
    expect_contains(r.err, "must not change the evidence");
    assert_string_equal(r.out, "");
    run_free(&r);
    free(changed);
    free(es);
    remove_dir(dir);
}

static void check_missing_file_exits_66(void **state)
{
    (void)state;
    struct run r = RUN(NULL, "--check", "/nonexistent/q.yaml");
    assert_int_equal(r.status, 66);
    expect_contains(r.err, "/nonexistent/q.yaml: no such file");
    run_free(&r);
    r = RUN(NULL, "--check", path("questions"));
    assert_int_equal(r.status, 66);
    expect_contains(r.err, "folder");
    run_free(&r);
}

static void list_text_and_json(void **state)
{
    (void)state;
    struct run r = RUN(NULL, "--list");
    assert_int_equal(r.status, 0);
    int lines = 0;
    for (char *line = strtok(r.out, "\n"); line != NULL; line = strtok(NULL, "\n"), lines++)
        assert_non_null(strchr(line, '\t'));
    assert_string_equal(r.err, "");
    run_free(&r);

    r = RUN(NULL, "--list", "--format", "json", "--questions", path("questions/en.yaml"));
    assert_int_equal(r.status, 0);
    cJSON *root = cJSON_Parse(r.out);
    assert_non_null(root);
    assert_int_equal(cJSON_GetArraySize(root), lines);
    cJSON *q;
    int with_show_if = 0, emergencies = 0, same_day = 0, with_evidence = 0;
    bool ordinary_seen = false;
    cJSON_ArrayForEach(q, root)
    {
        const char *id = cJSON_GetObjectItem(q, "id")->valuestring;
        assert_non_null(id);
        assert_true(cJSON_IsString(cJSON_GetObjectItem(q, "text")));
        assert_true(cJSON_HasObjectItem(q, "help"));
        cJSON *evidence = cJSON_GetObjectItem(q, "evidence"), *e;
        assert_true(cJSON_IsObject(evidence));
        with_evidence += cJSON_GetArraySize(evidence) > 0;
        cJSON_ArrayForEach(e, evidence)
        {
            assert_true(cJSON_IsNumber(cJSON_GetObjectItem(e, "yes")));
            assert_true(cJSON_IsNumber(cJSON_GetObjectItem(e, "no")));
            assert_true(cJSON_IsString(cJSON_GetObjectItem(e, "kind")));
        }
        cJSON *show_if = cJSON_GetObjectItem(q, "show_if");
        if (cJSON_IsObject(show_if)) {
            with_show_if++;
            assert_true(cJSON_IsString(cJSON_GetObjectItem(show_if, "question")));
        } else {
            assert_true(cJSON_IsNull(show_if));
        }
        cJSON *flag = cJSON_GetObjectItem(q, "red_flag");
        cJSON *level = cJSON_GetObjectItem(q, "red_flag_level");
        if (cJSON_IsString(flag)) {
            assert_true(cJSON_IsString(level));
            if (strcmp(level->valuestring, "ambulance") == 0 ||
                strcmp(level->valuestring, "ae") == 0) {
                emergencies++;
                /* The emergency questions come first. */
                if (ordinary_seen)
                    fail_msg("emergency question %s after an ordinary question", id);
            } else {
                assert_string_equal(level->valuestring, "same_day");
                same_day++;
            }
        } else {
            assert_true(cJSON_IsNull(flag) && cJSON_IsNull(level));
            ordinary_seen = true;
        }
    }
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(root, 0), "id")->valuestring,
                        "chest_pain");
    assert_true(with_show_if > 0);
    assert_true(with_evidence > 10);
    assert_true(emergencies >= 7);
    assert_true(same_day >= 2);
    cJSON_Delete(root);
    run_free(&r);
}

static cJSON *batch_json(const char *answers_file)
{
    struct run r = RUN(NULL, "--batch", "--format", "json", "--answers", answers_file);
    assert_int_equal(r.status, 0);
    cJSON *root = cJSON_Parse(r.out);
    assert_non_null(root);
    run_free(&r);
    return root;
}

/* The band ids from lowest to highest, as in the bundled files. */
static int band_rank(const char *band)
{
    const char *bands[] = {"unlikely", "possible", "likely"};
    for (int i = 0; i < 3; i++)
        if (strcmp(band, bands[i]) == 0)
            return i;
    fail_msg("unknown band \"%s\"", band);
    return -1;
}

static bool string_in(const cJSON *array, const char *text)
{
    const cJSON *item;
    cJSON_ArrayForEach(item, array)
    {
        if (cJSON_IsString(item) && strcmp(item->valuestring, text) == 0)
            return true;
    }
    return false;
}

/* Every result carries its status, points, band, reasons and explanation,
 * and the results are ranked: flagged ones by band, then points; then those
 * a rule asks to check; then the rest by band and points. After an
 * emergency stop the results not assessed have no band and keep the file's
 * order. Returns the results. */
static cJSON *check_results(cJSON *root)
{
    cJSON *results = cJSON_GetObjectItem(root, "results");
    assert_int_equal(cJSON_GetArraySize(results), 5);
    long prev = 1L << 30;
    cJSON *res;
    cJSON_ArrayForEach(res, results)
    {
        assert_true(cJSON_IsString(cJSON_GetObjectItem(res, "id")));
        assert_true(cJSON_IsString(cJSON_GetObjectItem(res, "name")));
        cJSON *points = cJSON_GetObjectItem(res, "points");
        assert_true(cJSON_IsNumber(points));
        const char *status = cJSON_GetObjectItem(res, "status")->valuestring;
        bool flagged = cJSON_IsTrue(cJSON_GetObjectItem(res, "flagged"));
        assert_true(cJSON_IsBool(cJSON_GetObjectItem(res, "flagged")));
        if (strcmp(status, "not_assessed") == 0) {
            assert_true(cJSON_IsNull(cJSON_GetObjectItem(res, "band")));
            assert_false(flagged);
            assert_true(prev >= 0);
            prev = 0;
            continue;
        }
        int band = band_rank(cJSON_GetObjectItem(res, "band")->valuestring);
        bool to_check = strcmp(status, "to_check") == 0;
        assert_true(to_check || strcmp(status, "ranked") == 0);
        assert_int_equal(to_check,
                         cJSON_IsString(cJSON_GetObjectItem(res, "checked_by")) && !flagged);
        /* After an emergency stop a rule's condition is to be checked,
         * whatever its band, and nothing is flagged. */
        assert_int_equal(flagged, band > 0 && !to_check);
        long key = (flagged ? 2L << 24 : 1L << 24) + (to_check ? 1L << 20 : 0) + (long)band * 4096 +
                   points->valueint + 2048;
        assert_true(key <= prev);
        prev = key;
        assert_true(cJSON_IsArray(cJSON_GetObjectItem(res, "reasons_for")));
        assert_true(cJSON_IsArray(cJSON_GetObjectItem(res, "reasons_against")));
        cJSON *explained = cJSON_GetObjectItem(res, "explained_by");
        assert_true(cJSON_IsNull(explained) || cJSON_IsString(explained));
        assert_null(cJSON_GetObjectItem(res, "score"));
        assert_null(cJSON_GetObjectItem(res, "reasons"));
    }
    return results;
}

static void batch_json_ranks_the_deficiency_first(void **state)
{
    (void)state;
    const char *ids[] = {"vitamin_d", "magnesium", "potassium", "vitamin_b12", "iron"};
    for (size_t i = 0; i < 5; i++) {
        char rel[128];
        snprintf(rel, sizeof(rel), "tests/data/answers/%s.txt", ids[i]);
        cJSON *root = batch_json(path(rel));
        assert_true(cJSON_IsFalse(cJSON_GetObjectItem(root, "urgent")));
        /* Potassium lost through diarrhoea, with weakness: speak to someone today. */
        bool potassium = strcmp(ids[i], "potassium") == 0;
        assert_string_equal(cJSON_GetObjectItem(root, "triage")->valuestring,
                            potassium ? "same_day" : "soon");
        /* Other rules may add a "soon" check (thigh weakness, bone pain
         * after 50); only potassium adds a same-day one. */
        assert_int_equal(string_in(cJSON_GetObjectItem(root, "rules"), "potassium_loss"),
                         potassium);
        cJSON *first = cJSON_GetArrayItem(check_results(root), 0);
        assert_string_equal(cJSON_GetObjectItem(first, "id")->valuestring, ids[i]);
        assert_string_not_equal(cJSON_GetObjectItem(first, "band")->valuestring, "unlikely");
        assert_true(cJSON_IsTrue(cJSON_GetObjectItem(first, "flagged")));
        assert_true(cJSON_IsTrue(cJSON_GetObjectItem(first, "anchored")));
        assert_true(cJSON_GetArraySize(cJSON_GetObjectItem(first, "reasons_for")) >= 2);
        assert_true(cJSON_GetObjectItem(first, "points")->valueint > 0);
        cJSON_Delete(root);
    }
    /* The potassium rule is named. */
    cJSON *root = batch_json(path("tests/data/answers/potassium.txt"));
    assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "rules"), 0)->valuestring,
                        "potassium_loss");
    cJSON_Delete(root);
    /* A "no" that takes points away is a reason against: vitamin D after no
     * to bone pain, in the iron answers. */
    root = batch_json(path("tests/data/answers/iron.txt"));
    cJSON *res;
    cJSON_ArrayForEach(res, cJSON_GetObjectItem(root, "results"))
    {
        const char *id = cJSON_GetObjectItem(res, "id")->valuestring;
        if (strcmp(id, "vitamin_d") == 0) {
            assert_true(string_in(cJSON_GetObjectItem(res, "reasons_against"), "bone_pain"));
            assert_false(string_in(cJSON_GetObjectItem(res, "reasons_for"), "bone_pain"));
        }
        if (strcmp(id, "iron") == 0) {
            assert_true(string_in(cJSON_GetObjectItem(res, "reasons_for"), "pica"));
            assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(res, "reasons_against")), 0);
        }
    }
    cJSON_Delete(root);
}

static void batch_json_all_no_and_red_flag(void **state)
{
    (void)state;
    const char *calm[] = {"all-no.txt", "tired-only.txt"};
    cJSON *root, *res;
    for (size_t i = 0; i < 2; i++) {
        char rel[128];
        snprintf(rel, sizeof(rel), "tests/data/answers/%s", calm[i]);
        root = batch_json(path(rel));
        assert_string_equal(cJSON_GetObjectItem(root, "triage")->valuestring, "self_care");
        assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "red_flags")), 0);
        cJSON_ArrayForEach(res, check_results(root))
            assert_string_equal(cJSON_GetObjectItem(res, "band")->valuestring, "unlikely");
        cJSON_Delete(root);
    }
    root = batch_json(path("tests/data/answers/red-flag.txt"));
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(root, "urgent")));
    assert_string_equal(cJSON_GetObjectItem(root, "triage")->valuestring, "ambulance");
    cJSON *flag = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "red_flags"), 0);
    assert_string_equal(cJSON_GetObjectItem(flag, "id")->valuestring, "chest_pain");
    assert_string_equal(cJSON_GetObjectItem(flag, "level")->valuestring, "ambulance");
    assert_true(cJSON_IsString(cJSON_GetObjectItem(flag, "advice")));
    /* The questions stopped there: nothing after it counts. */
    cJSON_ArrayForEach(res, check_results(root))
    {
        assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(res, "reasons_for")), 0);
        assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(res, "reasons_against")), 0);
    }
    cJSON_Delete(root);
}

/* A same-day red flag leads the results but does not stop the questions:
 * the answers after it still count. */
static void batch_json_same_day_goes_on(void **state)
{
    (void)state;
    struct run r = RUN("same_day_signs=yes\nbreathless_effort=yes\npica=yes\n"
                       "periods_or_pregnancy=yes\nheavy_periods=yes\n",
                       "--batch", "--format", "json");
    assert_int_equal(r.status, 0);
    cJSON *root = cJSON_Parse(r.out);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "triage")->valuestring, "same_day");
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(root, "urgent")));
    cJSON *flags = cJSON_GetObjectItem(root, "red_flags");
    assert_int_equal(cJSON_GetArraySize(flags), 1);
    cJSON *flag = cJSON_GetArrayItem(flags, 0);
    assert_string_equal(cJSON_GetObjectItem(flag, "id")->valuestring, "same_day_signs");
    assert_string_equal(cJSON_GetObjectItem(flag, "level")->valuestring, "same_day");
    cJSON *first = cJSON_GetArrayItem(check_results(root), 0);
    assert_string_equal(cJSON_GetObjectItem(first, "id")->valuestring, "iron");
    assert_true(string_in(cJSON_GetObjectItem(first, "reasons_for"), "pica"));
    assert_true(string_in(cJSON_GetObjectItem(first, "reasons_for"), "heavy_periods"));
    cJSON_Delete(root);
    run_free(&r);
    /* The same answers as text lead with the same-day block. */
    r = RUN("same_day_signs=yes\nbreathless_effort=yes\npica=yes\n", "--batch");
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "!! Speak to someone today !!\n");
    expect_contains(r.out, "1. Iron: ");
    assert_true(strstr(r.out, "Speak to someone today") < strstr(r.out, "1. Iron: "));
    expect_contains(r.out, "Speak to a doctor, nurse or pharmacist today, as advised above.");
    expect_absent(r.out, "Call an ambulance now");
    expect_no_percentages(r.out);
    run_free(&r);
    /* An emergency rule completed later (potassium lost through vomiting,
     * with weakness and a fluttering heartbeat) ends them: the medicines
     * asked after it do not count. */
    r = RUN("same_day_signs=yes\nweak_all_over=yes\npalpitations=yes\nvomiting_diarrhoea=yes\n"
            "daily_meds=yes\nacid_tablets=yes\n",
            "--batch", "--format", "json");
    assert_int_equal(r.status, 0);
    root = cJSON_Parse(r.out);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "triage")->valuestring, "ae");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(root, "urgent")));
    assert_true(string_in(cJSON_GetObjectItem(root, "rules"), "potassium_danger"));
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(root, "assessed")));
    cJSON *res;
    cJSON_ArrayForEach(res, check_results(root))
        assert_false(string_in(cJSON_GetObjectItem(res, "reasons_for"), "acid_tablets"));
    /* The rule asks for potassium to be checked: it leads, as "to_check". */
    res = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "results"), 0);
    assert_string_equal(cJSON_GetObjectItem(res, "id")->valuestring, "potassium");
    assert_string_equal(cJSON_GetObjectItem(res, "status")->valuestring, "to_check");
    assert_string_equal(cJSON_GetObjectItem(res, "checked_by")->valuestring, "potassium_danger");
    cJSON_Delete(root);
    run_free(&r);
}

/* Another cause that fires is named, and a deficiency it may explain is
 * shown one band lower, saying why. */
static void batch_other_causes_and_explained_by(void **state)
{
    (void)state;
    /* Magnesium from its known causes (alcohol, acid tablets): a statin,
     * which fits too, is mentioned but explains no cause away. */
    const char *caused = "night_cramps=yes\ntwitches=yes\nalcohol_most_days=yes\n"
                         "daily_meds=yes\nacid_tablets=yes\nstatin=yes\n";
    struct run r = RUN(caused, "--batch", "--format", "json");
    assert_int_equal(r.status, 0);
    cJSON *root = cJSON_Parse(r.out);
    assert_non_null(root);
    assert_true(string_in(cJSON_GetObjectItem(root, "other_causes"), "statin"));
    cJSON *first = cJSON_GetArrayItem(check_results(root), 0);
    assert_string_equal(cJSON_GetObjectItem(first, "id")->valuestring, "magnesium");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(first, "explained_by")));
    assert_string_equal(cJSON_GetObjectItem(first, "band")->valuestring, "likely");
    cJSON_Delete(root);
    run_free(&r);
    /* Vitamin D from its signs alone (weak thighs, sore bones): the statin
     * may explain them, one band lower. */
    const char *answers = "stairs_chair=yes\nbone_pain=yes\ndarker_skin=yes\nage_50=yes\n"
                          "age_65=yes\ndaily_meds=yes\nstatin=yes\n";
    r = RUN(answers, "--batch", "--format", "json");
    assert_int_equal(r.status, 0);
    root = cJSON_Parse(r.out);
    assert_non_null(root);
    first = cJSON_GetArrayItem(check_results(root), 0);
    assert_string_equal(cJSON_GetObjectItem(first, "id")->valuestring, "vitamin_d");
    assert_string_equal(cJSON_GetObjectItem(first, "explained_by")->valuestring, "statin");
    assert_string_equal(cJSON_GetObjectItem(first, "band")->valuestring, "possible");
    cJSON_Delete(root);
    run_free(&r);
    r = RUN(answers, "--batch");
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "1. Vitamin D: Possible");
    expect_contains(r.out, "Also worth mentioning to a doctor\n");
    expect_contains(r.out, "Cholesterol medicine (a statin)\n");
    expect_contains(r.out, "would otherwise point to: ");
    expect_contains(r.out, "may explain some of this");
    expect_contains(r.out, "!! Speak to someone today !!"); /* statin with weak thighs */
    expect_contains(r.out, "blood test");
    expect_no_percentages(r.out);
    run_free(&r);
}

static void batch_text_from_stdin(void **state)
{
    (void)state;
    struct run r = RUN("# iron\nbreathless_effort=yes\npica=yes\nno_meat_fish=yes\n", "--batch");
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "1. Iron: ");
    expect_contains(r.out, "Because you said yes to:");
    expect_contains(r.out, "Lean red meat");
    expect_contains(r.out, "not a diagnosis");
    expect_contains(r.out, "blood test");
    expect_absent(r.out, "Speak to someone today");
    expect_absent(r.out, "Call an ambulance now");
    expect_no_percentages(r.out);
    run_free(&r);
    /* The next step follows the level: with nothing found, see a doctor if
     * it does not get better. */
    r = RUN(NULL, "--batch", "--answers", path("tests/data/answers/all-no.txt"));
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "Nothing stands out");
    expect_contains(r.out, "within a few weeks");
    expect_absent(r.out, "Ask a doctor or nurse about a blood test before");
    expect_no_percentages(r.out);
    run_free(&r);
}

/* The number of answers in answers file NAME. */
static int count_answers(const char *name)
{
    char rel[256], line[512];
    snprintf(rel, sizeof(rel), "tests/data/answers/%s", name);
    FILE *fp = fopen(path(rel), "r");
    assert_non_null(fp);
    int n = 0;
    while (fgets(line, sizeof(line), fp) != NULL)
        n += line[0] != '#' && strchr(line, '=') != NULL;
    fclose(fp);
    return n;
}

static void batch_summary_and_fhir(void **state)
{
    (void)state;
    setenv("SOURCE_DATE_EPOCH", "1764150000", 1);
    setenv("TZ", "UTC", 1);
    struct run r = RUN(NULL, "--batch", "--format", "summary", "--answers",
                       path("tests/data/answers/iron.txt"));
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "Summary for your doctor");
    expect_contains(r.out, "Date: 2025-11-26 09:40");
    expect_contains(r.out, "Triage level: Soon\n");
    expect_contains(r.out, "- Deficiency flagged: Iron (Likely)\n");
    expect_contains(r.out, "\n1. Iron: Likely\n");
    expect_contains(r.out, "Answered yes:\n");
    expect_contains(r.out, "ice, clay, chalk or paper?\n");
    expect_contains(r.out, "Answered no: chest_pain, ");
    expect_contains(r.out, "blood count");
    expect_absent(r.out, "Speak to someone today");
    expect_no_percentages(r.out);
    char version[64] = "";
    const char *q = strstr(r.out, "Questionnaire: musclecheck ");
    assert_non_null(q);
    sscanf(q, "Questionnaire: musclecheck %63s", version);
    run_free(&r);
    /* The same-day level leads the summary, with the rule that set it. */
    r = RUN(NULL, "--batch", "--format", "summary", "--answers",
            path("tests/data/answers/potassium.txt"));
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "Triage level: Same day\n");
    expect_contains(r.out, "- Rule (Same day): You lose potassium");
    expect_contains(r.out, "\n1. Potassium: ");
    assert_true(strstr(r.out, "Triage level") < strstr(r.out, "1. Potassium: "));
    expect_no_percentages(r.out);
    run_free(&r);
    r = RUN(NULL, "--batch", "--format", "fhir", "--answers", path("tests/data/answers/iron.txt"));
    assert_int_equal(r.status, 0);
    cJSON *root = cJSON_Parse(r.out);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "resourceType")->valuestring,
                        "QuestionnaireResponse");
    char canonical[160];
    snprintf(canonical, sizeof(canonical),
             "https://musclecheck.org/fhir/Questionnaire/musclecheck-en|%s", version);
    assert_string_equal(cJSON_GetObjectItem(root, "questionnaire")->valuestring, canonical);
    assert_string_equal(cJSON_GetObjectItem(root, "authored")->valuestring, "2025-11-26T09:40:00Z");
    /* One item per answered question, in order, with a coded answer. */
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "item")),
                     count_answers("iron.txt"));
    cJSON *pica = NULL, *item;
    cJSON_ArrayForEach(item, cJSON_GetObjectItem(root, "item"))
    {
        if (strcmp(cJSON_GetObjectItem(item, "linkId")->valuestring, "pica") == 0)
            pica = item;
    }
    assert_non_null(pica);
    cJSON *coding = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(pica, "answer"), 0),
                                        "valueCoding");
    assert_string_equal(cJSON_GetObjectItem(coding, "code")->valuestring, "Y");
    assert_string_equal(cJSON_GetObjectItem(coding, "system")->valuestring,
                        "http://terminology.hl7.org/CodeSystem/v2-0136");
    cJSON_Delete(root);
    run_free(&r);
    unsetenv("SOURCE_DATE_EPOCH");
}

static void batch_bad_answers_exit_65_with_line(void **state)
{
    (void)state;
    struct run r = RUN("pica=yes\nnot_a_question=yes\n", "--batch", "--answers", "-");
    assert_int_equal(r.status, 65);
    expect_contains(r.err, "<stdin>:2: unknown question id \"not_a_question\"");
    assert_string_equal(r.out, "");
    run_free(&r);
    r = RUN(NULL, "--batch", "--answers", "/nonexistent/answers.txt");
    assert_int_equal(r.status, 66);
    run_free(&r);
}

static void finds_installed_question_file(void **state)
{
    (void)state;
    /* A copy laid out as "cmake --install" does: PREFIX/bin and PREFIX/share/musclecheck. */
    char prefix[] = "/tmp/mc-prefix-XXXXXX";
    assert_non_null(mkdtemp(prefix));
    char cmd[8192];
    snprintf(cmd, sizeof(cmd),
             "mkdir -p %s/bin %s/share/musclecheck && cp '%s' %s/bin/ && cp '%s' "
             "%s/share/musclecheck/",
             prefix, prefix, binary, prefix, path("questions/en.yaml"), prefix);
    assert_int_equal(system(cmd), 0);
    const char *saved = binary;
    char installed[4200];
    snprintf(installed, sizeof(installed), "%s/bin/%s", prefix, strrchr(saved, '/') + 1);
    binary = installed;
    struct run r = run_in("/", NULL, (const char *const[]){"--list", NULL});
    binary = saved;
    snprintf(cmd, sizeof(cmd), "rm -rf %s", prefix);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "chest_pain\t");
    run_free(&r);
}

/* Runs the binary at BIN from "/" with --lang LANG (or none) and checks
 * that its FHIR output refers to the questionnaire in language WANT. */
static void expect_language(const char *bin, const char *lang, const char *want)
{
    const char *saved = binary;
    binary = bin;
    struct run r =
        lang != NULL
            ? run_in("/", "",
                     (const char *const[]){"--batch", "--format", "fhir", "--lang", lang, NULL})
            : run_in("/", "", (const char *const[]){"--batch", "--format", "fhir", NULL});
    binary = saved;
    if (r.status != 0)
        fail_msg("--lang %s: exit %d: %s", lang != NULL ? lang : "(none)", r.status, r.err);
    char needle[160];
    snprintf(needle, sizeof(needle),
             "\"questionnaire\":\t\"https://musclecheck.org/fhir/Questionnaire/musclecheck-%s|",
             want);
    expect_contains(r.out, needle);
    run_free(&r);
}

/* Region codes: pt_BR.yaml for --lang pt_BR and LANG=pt_BR.UTF-8, pt.yaml
 * for other regions of Portuguese. */
static void region_languages(void **state)
{
    (void)state;
    char prefix[] = "/tmp/mc-prefix-XXXXXX";
    assert_non_null(mkdtemp(prefix));
    char cmd[8192];
    snprintf(cmd, sizeof(cmd),
             "mkdir -p %s/bin %s/share/musclecheck && cp '%s' %s/bin/ && cp '%s' '%s' "
             "%s/share/musclecheck/ && cd %s/share/musclecheck && "
             /* Marked reviewed: an unreviewed file is never picked from the locale. */
             "sed 's/^language: es$/language: pt_BR/; s/^review_status: unreviewed$/"
             "review_status: reviewed/' es.yaml > pt_BR.yaml && "
             "sed 's/^language: es$/language: pt/; s/^review_status: unreviewed$/"
             "review_status: reviewed/' es.yaml > pt.yaml",
             prefix, prefix, binary, prefix, path("questions/en.yaml"), path("questions/es.yaml"),
             prefix, prefix);
    assert_int_equal(system(cmd), 0);
    char installed[4200];
    snprintf(installed, sizeof(installed), "%s/bin/%s", prefix, strrchr(binary, '/') + 1);
    unsetenv("LANGUAGE");
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    expect_language(installed, "pt_BR", "pt-BR");
    expect_language(installed, "pt-br", "pt-BR");
    expect_language(installed, "pt_PT", "pt");
    expect_language(installed, "es_MX", "es");
    setenv("LANG", "pt_BR.UTF-8", 1);
    expect_language(installed, NULL, "pt-BR");
    setenv("LANG", "pt_PT.UTF-8", 1);
    expect_language(installed, NULL, "pt");
    unsetenv("LANG");
    const char *saved = binary;
    binary = installed;
    struct run r = run_in("/", "", (const char *const[]){"--list", "--lang", "de_DE", NULL});
    binary = saved;
    snprintf(cmd, sizeof(cmd), "rm -rf %s", prefix);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(r.status, 66);
    expect_contains(r.err, "no questionnaire in \"de_DE\"; installed: en es pt pt_BR");
    run_free(&r);
}

/* Runs --check on FILE and asserts the exit code and a located message. */
static void check_file_error(const char *file, int code, const char *where, const char *text)
{
    struct run r = RUN(NULL, "--check", file);
    if (r.status != code)
        fail_msg("%s: exit %d, expected %d; stderr:\n%s", file, r.status, code, r.err);
    char prefix[4200];
    if (strcmp(where, "-") == 0)
        snprintf(prefix, sizeof(prefix), "%s: ", file);
    else
        snprintf(prefix, sizeof(prefix), "%s:%s: ", file, where);
    bool found = false;
    for (char *line = strtok(r.err, "\n"); line != NULL; line = strtok(NULL, "\n"))
        if (strncmp(line, prefix, strlen(prefix)) == 0 && strstr(line, text) != NULL)
            found = true;
    run_free(&r);
    if (!found)
        fail_msg("%s: no line starting \"%s\" with \"%s\"", file, prefix, text);
}

/* tests/data/bad/EXPECTED.tsv: every broken file, its exit code and message. */
static void catalogue_of_broken_files(void **state)
{
    (void)state;
    FILE *fp = fopen(path("tests/data/bad/EXPECTED.tsv"), "r");
    assert_non_null(fp);
    char line[1024], listed[8192] = "\n";
    int entries = 0;
    while (fgets(line, sizeof(line), fp) != NULL) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *name = strtok(line, "\t"), *code = strtok(NULL, "\t");
        char *where = strtok(NULL, "\t"), *text = strtok(NULL, "\t");
        assert_non_null(text);
        char rel[512];
        snprintf(rel, sizeof(rel), "tests/data/bad/%s", name);
        check_file_error(path(rel), atoi(code), where, text);
        strcat(listed, name);
        strcat(listed, "\n");
        entries++;
    }
    fclose(fp);
    assert_true(entries >= 30);
    DIR *d = opendir(path("tests/data/bad"));
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char needle[300];
        snprintf(needle, sizeof(needle), "\n%s\n", e->d_name);
        if (e->d_name[0] != '.' && strcmp(e->d_name, "EXPECTED.tsv") != 0 &&
            strstr(listed, needle) == NULL)
            fail_msg("tests/data/bad/%s has no line in EXPECTED.tsv", e->d_name);
    }
    closedir(d);
}

static void good_variants_are_accepted(void **state)
{
    (void)state;
    const char *files[] = {"base.yaml", "bom-crlf.yaml", "utf16.yaml"};
    for (size_t i = 0; i < 3; i++) {
        char rel[256];
        snprintf(rel, sizeof(rel), "tests/data/good/%s", files[i]);
        struct run r = RUN(NULL, "--check", path(rel));
        if (r.status != 0)
            fail_msg("%s: exit %d:\n%s", rel, r.status, r.err);
        expect_contains(r.out, ": OK: ");
        run_free(&r);
    }
}

static void huge_and_unreadable_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/mc-check-XXXXXX";
    assert_non_null(mkdtemp(dir));
    assert_int_equal(chmod(dir, 0755), 0);
    char huge[64], locked[64];
    snprintf(huge, sizeof(huge), "%s/huge.yaml", dir);
    snprintf(locked, sizeof(locked), "%s/locked.yaml", dir);
    FILE *fp = fopen(huge, "w");
    for (int i = 0; i < 5 * 1024; i++)
        fprintf(fp, "# %01020d\n", i); /* 5 MiB of comments */
    fclose(fp);
    check_file_error(huge, 65, "-", "too large");
    fp = fopen(locked, "w");
    fputs("format: 1\n", fp);
    fclose(fp);
    assert_int_equal(chmod(locked, 0), 0);
    if (geteuid() != 0) {
        check_file_error(locked, 66, "-", "permission denied");
    } else if (system("command -v setpriv >/dev/null") == 0) {
        /* root reads anything: check as an ordinary user. */
        char cmd[8400];
        snprintf(cmd, sizeof(cmd),
                 "setpriv --reuid=65534 --regid=65534 --clear-groups '%s' --check '%s' 2>&1 | "
                 "grep -q '%s: permission denied'; test $? -eq 0",
                 binary, locked, locked);
        assert_int_equal(system(cmd), 0);
        snprintf(cmd, sizeof(cmd),
                 "setpriv --reuid=65534 --regid=65534 --clear-groups '%s' --check '%s' "
                 ">/dev/null 2>&1; test $? -eq 66",
                 binary, locked);
        assert_int_equal(system(cmd), 0);
    }
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* Reads an answers file and returns its answers as typed lines. */
static char *typed_answers(const char *name)
{
    char rel[256], line[256];
    snprintf(rel, sizeof(rel), "tests/data/answers/%s", name);
    FILE *fp = fopen(path(rel), "r");
    assert_non_null(fp);
    static char typed[4096];
    typed[0] = '\0';
    while (fgets(line, sizeof(line), fp) != NULL) {
        char *eq = strchr(line, '=');
        if (line[0] != '#' && eq != NULL)
            strcat(typed, eq[1] == 'y' ? "y\n" : eq[1] == 'n' ? "n\n" : "u\n");
    }
    fclose(fp);
    return typed;
}

static void plain_mode_through_a_pipe(void **state)
{
    (void)state;
    struct run r = RUN(typed_answers("vitamin_b12.txt"), "--plain");
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "Question 1 of 40\n");
    expect_contains(r.out, "1. Vitamin B12: Likely\n");
    expect_contains(r.out, "Because you said yes to:");
    expect_contains(r.out, "Ask a doctor or nurse about a blood test");
    expect_absent(r.out, "Speak to someone today");
    expect_no_percentages(strstr(r.out, "Your results"));
    assert_null(strchr(r.out, '\033')); /* no escape sequences at all */
    run_free(&r);
}

static void plain_mode_back_help_and_mistakes(void **state)
{
    (void)state;
    struct run r = RUN("perhaps\nn\nb\n?\nu\nq\n", "--plain");
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "Please type y, n or u");
    expect_contains(r.out, "You answered: No");
    expect_contains(r.out, "Why we ask: ");
    expect_contains(r.out, "Question 2 of 40");
    expect_contains(r.out, "Stopped. Your answers were not kept.");
    assert_null(strstr(r.out, "Your results"));
    run_free(&r);
    /* Spanish words work too, and the end of the input stops cleanly. */
    r = RUN("sí\n", "--plain", "--lang", "es");
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "Pregunta 1 de 40");
    expect_contains(r.out, "!! Llame a una ambulancia");
    run_free(&r);
}

/* The bundled file: a child who says so after the emergency screens is
 * told what to do instead, in line mode and in batch; nothing is assessed,
 * and line mode opens with who the check is for. */
static void under_16_ends_the_check_kindly(void **state)
{
    (void)state;
    char typed[128] = "";
    for (int i = 1; i <= 10; i++)
        strcat(typed, "n\n"); /* the emergency screens */
    strcat(typed, "y\n");     /* under 16 */
    struct run r = RUN(typed, "--plain", "--questions", path("questions/en.yaml"));
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "For adults with muscle weakness, aches or cramps. Not for children.");
    expect_contains(r.out, "Question 11 of 40\nAre you under 16 years old?");
    expect_absent(r.out, "Question 12 of");
    const char *results = strstr(r.out, "Your results");
    assert_non_null(results);
    expect_contains(results, "What to do instead");
    expect_contains(results, "This check is made for adults");
    expect_absent(results, "Results, most likely first");
    expect_absent(results, "blood test for");
    run_free(&r);
    r = RUN("under_16=yes\n", "--batch", "--format", "json");
    assert_int_equal(r.status, 0);
    cJSON *root = cJSON_Parse(r.out);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "not_for")->valuestring, "under_16");
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(root, "assessed")));
    const cJSON *res;
    cJSON_ArrayForEach(res, check_results(root))
        assert_string_equal(cJSON_GetObjectItem(res, "status")->valuestring, "not_assessed");
    cJSON_Delete(root);
    run_free(&r);
}

static void plain_mode_red_flag_and_dumb_terminal(void **state)
{
    (void)state;
    setenv("TERM", "dumb", 1); /* chosen by itself on a dumb terminal */
    struct run r = RUN("y\n\n", "--questions", path("questions/en.yaml"));
    unsetenv("TERM");
    assert_int_equal(r.status, 0);
    /* The urgent advice straight after the answer, before anything else. */
    const char *flag = strstr(r.out, "!! Call an ambulance now !!");
    const char *enter = strstr(r.out, "Press Enter to see your results");
    assert_non_null(flag);
    assert_non_null(enter);
    assert_true(flag < enter);
    assert_null(strstr(r.out, "Question 2 of"));
    /* The results lead with it too. */
    const char *results = strstr(enter, "Your results");
    assert_non_null(results);
    flag = strstr(results, "!! Call an ambulance now !!");
    assert_non_null(flag);
    assert_true(flag < strstr(results, "Results, most likely first"));
    expect_absent(results, "Speak to someone today");
    run_free(&r);
}

/* A same-day yes (black poo, on the screen of same-day signs) goes on to
 * the end; the results lead with "Speak to someone today". */
static void plain_mode_same_day_goes_on(void **state)
{
    (void)state;
    char typed[256] = "";
    for (int i = 1; i <= 12; i++)
        strcat(typed, "n\n"); /* the emergency screens, under 16, a swollen calf */
    strcat(typed, "y\n");     /* black poo, among the same-day signs */
    for (int i = 14; i <= 41; i++)
        strcat(typed, "n\n");
    struct run r = RUN(typed, "--plain", "--questions", path("questions/en.yaml"));
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "Question 13 of 40\nDo you have any of these?");
    expect_contains(r.out, "Question 14 of 40\n");
    /* "no" to "did it start in the last week" adds "for a month or more?" */
    expect_contains(r.out, "Question 41 of 41\n");
    expect_absent(r.out, "Press Enter to see your results");
    expect_absent(r.out, "Call an ambulance now");
    const char *results = strstr(r.out, "Your results");
    assert_non_null(results);
    const char *today = strstr(results, "!! Speak to someone today !!\n");
    assert_non_null(today);
    assert_true(today < strstr(results, "Results, most likely first"));
    expect_contains(results, "vomit blood");
    expect_contains(results, "Speak to a doctor, nurse or pharmacist today, as advised above.");
    expect_no_percentages(results);
    run_free(&r);
}

/* "Not sure" on an emergency screen is never "no": the questions go on,
 * and the results ask for a check today, naming the screen. */
static void plain_mode_unsure_warning_sign(void **state)
{
    (void)state;
    char typed[256] = "u\n"; /* not sure about the chest and breathing screen */
    for (int i = 2; i <= 41; i++)
        strcat(typed, "n\n");
    struct run r = RUN(typed, "--plain", "--questions", path("questions/en.yaml"));
    assert_int_equal(r.status, 0);
    expect_contains(r.out, "Question 2 of 40\n");
    expect_absent(r.out, "Press Enter to see your results");
    const char *results = strstr(r.out, "Your results");
    assert_non_null(results);
    const char *today = strstr(results, "!! Speak to someone today !!\n");
    const char *unsure = strstr(results, "You were not sure about these warning signs");
    assert_non_null(today);
    assert_non_null(unsure);
    assert_true(today < unsure);
    assert_true(unsure < strstr(results, "pain, pressure, heaviness or tightness in your chest"));
    assert_true(unsure < strstr(results, "Results, most likely first"));
    run_free(&r);
}

static void interactive_needs_a_terminal(void **state)
{
    (void)state;
    struct run r = RUN(NULL, "--questions", path("questions/en.yaml"));
    assert_int_equal(r.status, 69);
    expect_contains(r.err, "--batch");
    run_free(&r);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(help_and_version),
        cmocka_unit_test(usage_errors_exit_64),
        cmocka_unit_test(check_good_file),
        cmocka_unit_test(check_bad_file_gives_located_errors),
        cmocka_unit_test(check_translation_that_changes_triage_or_evidence),
        cmocka_unit_test(check_missing_file_exits_66),
        cmocka_unit_test(list_text_and_json),
        cmocka_unit_test(batch_json_ranks_the_deficiency_first),
        cmocka_unit_test(batch_json_all_no_and_red_flag),
        cmocka_unit_test(batch_json_same_day_goes_on),
        cmocka_unit_test(batch_other_causes_and_explained_by),
        cmocka_unit_test(batch_text_from_stdin),
        cmocka_unit_test(batch_bad_answers_exit_65_with_line),
        cmocka_unit_test(batch_summary_and_fhir),
        cmocka_unit_test(finds_installed_question_file),
        cmocka_unit_test(region_languages),
        cmocka_unit_test(interactive_needs_a_terminal),
        cmocka_unit_test(catalogue_of_broken_files),
        cmocka_unit_test(good_variants_are_accepted),
        cmocka_unit_test(huge_and_unreadable_files),
        cmocka_unit_test(plain_mode_through_a_pipe),
        cmocka_unit_test(plain_mode_back_help_and_mistakes),
        cmocka_unit_test(under_16_ends_the_check_kindly),
        cmocka_unit_test(plain_mode_red_flag_and_dumb_terminal),
        cmocka_unit_test(plain_mode_same_day_goes_on),
        cmocka_unit_test(plain_mode_unsure_warning_sign),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
