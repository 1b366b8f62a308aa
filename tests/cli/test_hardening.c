/* SPDX-License-Identifier: MIT */
/* End-to-end tests of the real binary against hostile surroundings: output
 * that cannot be written, a staff PIN "file" that is a named pipe, and
 * input whose bytes must not reach the terminal raw in an error message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <ctype.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static const char *binary;
static const char *source_dir;

/* Runs the binary with ARGS (NULL-terminated) and stdin from STDIN_PATH,
 * stdout to STDOUT_PATH, stderr into a file whose text goes to *ERR
 * (malloc'ed, may be NULL). Kills it after 10 s. Returns the exit code, or
 * -1 when it had to be killed. */
static int run(const char *const *args, const char *stdin_path, const char *stdout_path, char **err)
{
    char err_path[] = "/tmp/mc-hardening-XXXXXX";
    int err_fd = mkstemp(err_path);
    assert_true(err_fd >= 0);
    char *argv[16] = {(char *)binary};
    int argc = 1;
    for (; *args != NULL && argc < 15; args++)
        argv[argc++] = (char *)*args;
    argv[argc] = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, stdin_path, O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, stdout_path, O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
    pid_t pid;
    assert_int_equal(posix_spawn(&pid, binary, &fa, NULL, argv, environ), 0);
    posix_spawn_file_actions_destroy(&fa);
    int status = 0;
    struct timespec tick = {0, 10 * 1000 * 1000};
    int waited = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (waited++ > 1000) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            break;
        }
        nanosleep(&tick, NULL);
    }
    if (err != NULL) {
        off_t size = lseek(err_fd, 0, SEEK_END);
        *err = calloc(1, (size_t)size + 1);
        assert_int_equal(pread(err_fd, *err, (size_t)size, 0), size);
    }
    close(err_fd);
    unlink(err_path);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void every_output_reports_a_write_error(void **state)
{
    (void)state;
    char questions[4096], answers[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    snprintf(answers, sizeof(answers), "%s/tests/data/answers/iron.txt", source_dir);
    const char *const cases[][8] = {
        {"--help", NULL},
        {"--version", NULL},
        {"--list", "--questions", questions, NULL},
        {"--list", "--format", "json", "--questions", questions, NULL},
        {"--check", questions, NULL},
        {"--batch", "--answers", answers, "--questions", questions, NULL},
        {"--batch", "--format", "json", "--answers", answers, "--questions", questions, NULL},
        {"--batch", "--format", "summary", "--answers", answers, "--questions", questions, NULL},
        {"--batch", "--format", "fhir", "--answers", answers, "--questions", questions, NULL},
        {"--list", "--format", "fhir", "--questions", questions, NULL},
        {"--plain", "--questions", questions, NULL}, /* stdin /dev/null: it stops at once */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *err = NULL;
        int code = run(cases[i], "/dev/null", "/dev/full", &err);
        if (code != 74 || strstr(err, "cannot write the output") == NULL)
            fail_msg("%s: exit %d, stderr \"%s\"", cases[i][0], code, err);
        free(err);
        /* And with somewhere to write, they succeed. */
        assert_int_equal(run(cases[i], "/dev/null", "/dev/null", NULL), 0);
    }
}

static void staff_pin_named_pipe_does_not_hang(void **state)
{
    (void)state;
    char dir[] = "/tmp/mc-fifo-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char fifo[64], questions[4096];
    snprintf(fifo, sizeof(fifo), "%s/pin", dir);
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *const args[] = {"--kiosk",          "--questions", questions,
                                "--staff-pin-file", fifo,          NULL};
    char *err = NULL;
    assert_int_equal(run(args, "/dev/null", "/dev/null", &err), 78);
    assert_non_null(strstr(err, "must be a regular file"));
    free(err);
    unlink(fifo);
    rmdir(dir);
}

static void bad_answers_are_shown_safely(void **state)
{
    (void)state;
    char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char path[] = "/tmp/mc-answers-XXXXXX";
    int fd = mkstemp(path);
    const char bytes[] = "chest_pain=\033]0;pwned\a\n\033[2J\r=yes\n\xff\xfe=no\n";
    assert_int_equal(write(fd, bytes, sizeof(bytes) - 1), (ssize_t)sizeof(bytes) - 1);
    close(fd);
    const char *const args[] = {"--batch", "--questions", questions, "--answers", path, NULL};
    char *err = NULL;
    assert_int_equal(run(args, "/dev/null", "/dev/null", &err), 65);
    for (const char *p = err; *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\n')
            fail_msg("a control byte reached stderr: %s", err);
    assert_non_null(strstr(err, "\\x1B]0;pwned\\x07"));
    assert_non_null(strstr(err, "\\xFF\\xFE"));
    free(err);
    unlink(path);
}

/* A new temporary file holding the LEN bytes of BYTES; its name in PATH. */
static void temp_file(char *path, size_t size, const char *suffix, const char *bytes, size_t len)
{
    snprintf(path, size, "/tmp/mc-hardening-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    assert_true(fd >= 0);
    assert_int_equal(write(fd, bytes, len), (ssize_t)len);
    close(fd);
}

/* The text of the file at PATH (malloc'ed). */
static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char *text = calloc(1, 1 << 16);
    assert_int_equal(fread(text, 1, (1 << 16) - 1, fp) < (1 << 16) - 1, 1);
    fclose(fp);
    return text;
}

static void expect_in(const char *text, const char *needle)
{
    if (strstr(text, needle) == NULL)
        fail_msg("expected \"%s\" in:\n%s", needle, text);
}

/* A NUL cut the line short: the first would score as an emergency, the
 * second as a "no". Both must be refused at the NUL, nothing scored. */
static void nul_in_answers_is_refused(void **state)
{
    (void)state;
    char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    static const char in_id[] = "chest_pain\0 not an answer=yes\n";
    static const char in_answer[] = "pica=yes\nnight_cramps=no\0t sure\n";
    const struct {
        const char *bytes;
        size_t len;
        const char *where;
    } cases[] = {{in_id, sizeof(in_id) - 1, ":1:11: "},
                 {in_answer, sizeof(in_answer) - 1, ":2:16: "}};
    for (size_t i = 0; i < 2; i++) {
        char answers[64], out[64], expected[256];
        temp_file(answers, sizeof(answers), ".txt", cases[i].bytes, cases[i].len);
        temp_file(out, sizeof(out), ".out", "", 0);
        /* From a named file, and from standard input. */
        for (int from_stdin = 0; from_stdin <= 1; from_stdin++) {
            const char *const named[] = {"--batch",   "--questions", questions,
                                         "--answers", answers,       NULL};
            const char *const piped[] = {"--batch", "--questions", questions, NULL};
            char *err = NULL;
            int code = run(from_stdin ? piped : named, answers, out, &err);
            snprintf(expected, sizeof(expected),
                     "%s%sthe file has a NUL byte (a zero byte) here; remove it, or check that "
                     "this is the right file: it may not be a text file\n",
                     from_stdin ? "<stdin>" : answers, cases[i].where);
            if (code != 65 || strcmp(err, expected) != 0)
                fail_msg("exit %d, stderr:\n%s\nexpected exit 65 and:\n%s", code, err, expected);
            char *text = slurp(out);
            assert_string_equal(text, ""); /* nothing scored */
            free(text);
            free(err);
        }
        unlink(answers);
        unlink(out);
    }
}

/* A question file with a NUL after an accented letter: the column counts
 * characters, as the loader's other messages do. */
static void nul_in_questions_is_refused(void **state)
{
    (void)state;
    char base_path[4096];
    snprintf(base_path, sizeof(base_path), "%s/tests/data/good/base.yaml", source_dir);
    char *base = slurp(base_path);
    char *title = strstr(base, "title: Catalogue test");
    assert_non_null(title);
    size_t head = (size_t)(title - base) + strlen("title: Cat");
    char bytes[8192];
    memcpy(bytes, base, head);
    memcpy(bytes + head, "\xC3\xA9\0", 3); /* "é" and a NUL */
    size_t len = head + 3 + strlen(base + head);
    memcpy(bytes + head + 3, base + head, strlen(base + head));
    free(base);
    char questions[64], out[64], expected[256];
    temp_file(questions, sizeof(questions), ".yaml", bytes, len);
    temp_file(out, sizeof(out), ".out", "", 0);
    const char *const cases[][5] = {
        {"--check", questions, NULL},
        {"--list", "--questions", questions, NULL},
        {"--plain", "--questions", questions, NULL},
    };
    snprintf(expected, sizeof(expected), "%s:5:12: the file has a NUL byte (a zero byte) here;",
             questions);
    for (size_t i = 0; i < 3; i++) {
        char *err = NULL;
        int code = run(cases[i], "/dev/null", out, &err);
        if (code != 65)
            fail_msg("%s: exit %d, stderr:\n%s", cases[i][0], code, err);
        expect_in(err, expected);
        expect_in(err,
                  "remove it, or check that this is the right file: it may not be a text file");
        free(err);
    }
    char *text = slurp(out);
    assert_string_equal(text, "");
    free(text);
    unlink(questions);
    unlink(out);
}

/* No byte of TEXT may act on a terminal: no C0 control but the newline, no
 * DEL, and no C1 control (U+0080-U+009F, in UTF-8 0xC2 0x80-0x9F). */
static void expect_inert(const char *what, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++)
        if ((*p < 0x20 && *p != '\n') || *p == 0x7F ||
            (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
            fail_msg("%s: a control byte 0x%02X reached the terminal:\n%s", what, *p, text);
}

/* Arguments, environment values and file names with escape sequences in
 * them (a title change, a screen clear, a C1 CSI) are quoted as \xNN. */
static void arguments_are_shown_safely(void **state)
{
    (void)state;
    char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    const struct {
        const char *args[8];
        int code;
        const char *shown;
    } cases[] = {
        {{"--lang", "\033]0;pwned\a", NULL}, 64, "\"\\x1B]0;pwned\\x07\" is not a language code"},
        {{"--lang",
          "\xC2\x9B"
          "2J",
          NULL},
         64,
         "\"\\xC2\\x9B2J\" is not a language code"},
        {{"--batch", "--questions", questions, "--answers", "/tmp/mc-none-\033[2J\a", NULL},
         66,
         "/tmp/mc-none-\\x1B[2J\\x07: no such file"},
        {{"--\033[2J", NULL}, 64, "unknown option --\\x1B[2J; try --help"},
        {{"--list", "--format", "\033[5m", NULL}, 64, "unknown format \"\\x1B[5m\""},
        {{"--kiosk", "--idle-timeout", "9\033[5m", NULL}, 64, "not \"9\\x1B[5m\""},
        {{"--list", "\033]0;x\a", NULL}, 64, "unexpected argument \"\\x1B]0;x\\x07\""},
        {{"--check", "/tmp/mc-none-\033[2J.yaml", NULL},
         66,
         "/tmp/mc-none-\\x1B[2J.yaml: no such file"},
        {{"--kiosk", "--questions", questions, "--staff-pin-file", "/tmp/mc-none-\033[2J", NULL},
         78,
         "musclecheck: /tmp/mc-none-\\x1B[2J: cannot open the staff PIN file"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *err = NULL;
        int code = run(cases[i].args, "/dev/null", "/dev/null", &err);
        if (code != cases[i].code)
            fail_msg("case %zu: exit %d, not %d:\n%s", i, code, cases[i].code, err);
        expect_inert("stderr", err);
        expect_in(err, cases[i].shown);
        free(err);
    }
    /* The staff PIN from the environment is never quoted, even when bad. */
    setenv("MUSCLECHECK_STAFF_PIN", "\033]0;pwned\a", 1);
    const char *const kiosk[] = {"--kiosk", "--questions", questions, NULL};
    char *err = NULL;
    int code = run(kiosk, "/dev/null", "/dev/null", &err);
    unsetenv("MUSCLECHECK_STAFF_PIN");
    assert_int_equal(code, 78);
    expect_inert("stderr", err);
    assert_null(strstr(err, "pwned"));
    free(err);
}

/* A question file whose name holds an escape sequence: the "OK" line on
 * standard output quotes the name safely too. */
static void checked_file_name_is_shown_safely(void **state)
{
    (void)state;
    char dir[] = "/tmp/mc-name-XXXXXX", questions[128], out[64], base_path[4096];
    assert_non_null(mkdtemp(dir));
    snprintf(questions, sizeof(questions), "%s/\033]0;pwned\a.yaml", dir);
    snprintf(base_path, sizeof(base_path), "%s/tests/data/good/base.yaml", source_dir);
    char *base = slurp(base_path);
    FILE *fp = fopen(questions, "w");
    assert_non_null(fp);
    fputs(base, fp);
    fclose(fp);
    free(base);
    temp_file(out, sizeof(out), ".out", "", 0);
    const char *const args[] = {"--check", questions, NULL};
    char *err = NULL;
    assert_int_equal(run(args, "/dev/null", out, &err), 0);
    char *text = slurp(out);
    expect_inert("stdout", text);
    expect_in(text, "/\\x1B]0;pwned\\x07.yaml: OK: ");
    free(text);
    free(err);
    unlink(questions);
    unlink(out);
    rmdir(dir);
}

/* Runs FILE with ARGS (NULL-terminated) and waits; returns its exit code. */
static int run_tool(const char *file, char *const *args)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int status = 0;
    int r = posix_spawnp(&pid, file, &fa, NULL, args, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (r != 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

enum { TR_TURKISH, TR_NOT_TURKISH, TR_MISSING };

/* Whether tr_TR.UTF-8 loads (with the LOCPATH set now) and folds "I" the
 * Turkish way, found out in a child: glibc keeps memory of a locale loaded
 * from LOCPATH, which LeakSanitizer would blame on this test. */
static int turkish_rules(void)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        locale_t tr = newlocale(LC_CTYPE_MASK, "tr_TR.UTF-8", (locale_t)0);
        if (tr == (locale_t)0)
            _exit(TR_MISSING);
        _exit(tolower_l('I', tr) == 'i' || strcasecmp_l("QUIT", "quit", tr) == 0 ? TR_NOT_TURKISH
                                                                                 : TR_TURKISH);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : TR_MISSING;
}

/* Sets LOCPATH (when it must) so that tr_TR.UTF-8 can be used: the
 * system's, or one localedef makes in DIR. False when neither works. */
static bool turkish_locale(const char *dir)
{
    int rules = turkish_rules();
    if (rules == TR_MISSING) {
        char out[128];
        snprintf(out, sizeof(out), "%s/tr_TR.UTF-8", dir);
        char *const args[] = {"localedef", "-i", "tr_TR", "-f", "UTF-8", out, NULL};
        run_tool("localedef", args);
        setenv("LOCPATH", dir, 1);
        rules = turkish_rules();
    }
    /* The rule the program must not follow, or the test proves nothing. */
    if (rules == TR_NOT_TURKISH)
        fail_msg("tr_TR.UTF-8 folds \"I\" to \"i\" here: this test would prove nothing");
    return rules == TR_TURKISH;
}

/* Line mode under tr_TR.UTF-8, whose case rules would take "QUIT" for
 * "quıt": typed capitals must still be understood, in English and in
 * Spanish ("SÍ", "NO LO SÉ"). */
static void typed_words_ignore_the_turkish_case_rules(void **state)
{
    (void)state;
    char dir[] = "/tmp/mc-locale-XXXXXX";
    assert_non_null(mkdtemp(dir));
    if (!turkish_locale(dir)) {
        rmdir(dir);
        fprintf(stderr, "skipped: no tr_TR.UTF-8 locale, and localedef could not make one\n");
        skip();
    }
    setenv("LC_ALL", "tr_TR.UTF-8", 1);
    const struct {
        const char *lang, *typed, *shown, *not_shown;
    } cases[] = {
        /* Stops at the first question instead of asking again. */
        {"en", "QUIT\nn\n", "Stopped. Your answers were not kept.", "Question 2 of"},
        {"en", "Quit\nn\n", "Stopped. Your answers were not kept.", "Question 2 of"},
        /* A yes to the first question (an emergency) brings the advice. */
        {"en", "YES\nQUIT\n", "Call an ambulance now", "Question 2 of"},
        {"es", "S\xC3\x8D\nQ\n", "Llame a una ambulancia ahora", "Pregunta 2 de"},
        {"es", "NO LO S\xC3\x89\nQ\n", "Pregunta 2 de 40", "Llame a una ambulancia"},
    };
    char failure[8192] = "";
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]) && failure[0] == '\0'; i++) {
        char input[64], out[64];
        temp_file(input, sizeof(input), ".txt", cases[i].typed, strlen(cases[i].typed));
        temp_file(out, sizeof(out), ".out", "", 0);
        const char *const args[] = {"--plain", "--lang", cases[i].lang, NULL};
        char *err = NULL;
        int code = run(args, input, out, &err);
        char *text = slurp(out);
        /* Neither language's "please type y, n or u" may show. */
        if (code != 0 || strstr(text, cases[i].shown) == NULL ||
            strstr(text, cases[i].not_shown) != NULL || strstr(text, "type y, n or u") != NULL ||
            strstr(text, "Escriba y, n o u") != NULL)
            snprintf(failure, sizeof(failure),
                     "typed \"%s\" (%s): exit %d; expected \"%s\" and not \"%s\" in:\n%s%s",
                     cases[i].typed, cases[i].lang, code, cases[i].shown, cases[i].not_shown, text,
                     err);
        free(text);
        free(err);
        unlink(input);
        unlink(out);
    }
    unsetenv("LC_ALL");
    unsetenv("LOCPATH");
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    if (failure[0] != '\0')
        fail_msg("%s", failure);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_output_reports_a_write_error),
        cmocka_unit_test(staff_pin_named_pipe_does_not_hang),
        cmocka_unit_test(bad_answers_are_shown_safely),
        cmocka_unit_test(nul_in_answers_is_refused),
        cmocka_unit_test(nul_in_questions_is_refused),
        cmocka_unit_test(arguments_are_shown_safely),
        cmocka_unit_test(checked_file_name_is_shown_safely),
        cmocka_unit_test(typed_words_ignore_the_turkish_case_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
