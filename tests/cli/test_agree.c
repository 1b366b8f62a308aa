/* SPDX-License-Identifier: MIT */
/* The same answers give the same results, in the same order, in every
 * front end that renders the results document: --format text, plain mode
 * (--plain), and the summary for a doctor (its own sections, which must
 * agree with the results: the same level, the same ranking with the same
 * words). The results screen renders the same document; test_tui_doc
 * checks its layout against the text renderer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *binary;
static const char *source_dir;
static char tmp[64];

/* Runs the shell command built from FMT, returning its stdout (caller frees). */
static char *capture(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof(cmd), fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    size_t n;
    while ((n = fread(out + len, 1, cap - len - 1, p)) > 0) {
        len += n;
        if (cap - len < 4096)
            out = realloc(out, cap *= 2);
    }
    out[len] = '\0';
    int status = pclose(p);
    if (status != 0)
        fail_msg("'%s' exited with %d", cmd, status);
    return out;
}

/* The answers of answers file PATH typed as plain mode reads them: one
 * letter a line, and Enter after the urgent advice of an emergency (which
 * ends the questions; a same-day red flag does not): after a yes to an
 * emergency question, or after the answer to STOP_AFTER (NULL: none), the
 * question that completes an emergency rule. */
static void type_answers(const char *path, const cJSON *list, const char *typed_path,
                         const char *stop_after)
{
    char line[512];
    FILE *in = fopen(path, "r"), *out = fopen(typed_path, "w");
    assert_non_null(in);
    assert_non_null(out);
    while (fgets(line, sizeof(line), in) != NULL) {
        char *eq = strchr(line, '=');
        if (line[0] == '#' || eq == NULL)
            continue;
        *eq = '\0';
        bool yes = eq[1] == 'y';
        fputs(yes ? "y\n" : eq[1] == 'n' ? "n\n" : "u\n", out);
        if (stop_after != NULL && strcmp(line, stop_after) == 0) {
            fputs("\n", out);
            break;
        }
        const cJSON *q;
        cJSON_ArrayForEach(q, list)
        {
            const cJSON *level = cJSON_GetObjectItem(q, "red_flag_level");
            if (yes && strcmp(cJSON_GetObjectItem(q, "id")->valuestring, line) == 0 &&
                cJSON_IsString(level) &&
                (strcmp(level->valuestring, "ambulance") == 0 ||
                 strcmp(level->valuestring, "ae") == 0)) {
                fputs("\n", out); /* "Press Enter to see your results" */
                fclose(out);
                fclose(in);
                return;
            }
        }
    }
    fclose(out);
    fclose(in);
}

/* Whether ID is one of the comma-separated IDS. */
static bool id_listed(const char *ids, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = strstr(ids, id); p != NULL; p = strstr(p + 1, id))
        if ((p == ids || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
            return true;
    return false;
}

/* Writes answers in question order: yes to the questions in YES_IDS (comma
 * separated), no to every other one shown (a follow-up is shown when its
 * gateway got the answer it waits for). */
static void write_answers(const char *path, const cJSON *list, const char *yes_ids)
{
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    const cJSON *q;
    cJSON_ArrayForEach(q, list)
    {
        const char *id = cJSON_GetObjectItem(q, "id")->valuestring;
        const cJSON *show_if = cJSON_GetObjectItem(q, "show_if");
        if (cJSON_IsObject(show_if)) {
            const char *gate = cJSON_GetObjectItem(show_if, "question")->valuestring;
            const char *want = cJSON_GetObjectItem(show_if, "answer")->valuestring;
            if (id_listed(yes_ids, gate) != (strcmp(want, "yes") == 0))
                continue; /* hidden */
        }
        fprintf(out, "%s=%s\n", id, id_listed(yes_ids, id) ? "yes" : "no");
    }
    fclose(out);
}

/* Whether every ranked line of SUMMARY ("1. Iron: Likely") is a ranked
 * line of the results TEXT ("  1. Iron: Likely"), in the same order; and
 * there are as many. */
static void same_ranking(const char *summary, const char *text, const char *file)
{
    char *copy = strdup(summary), *save = NULL;
    const char *at = text;
    int n = 0;
    for (char *l = strtok_r(copy, "\n", &save); l != NULL; l = strtok_r(NULL, "\n", &save)) {
        int place;
        if (sscanf(l, "%d. ", &place) != 1 || l[0] == ' ')
            continue;
        char line[512];
        snprintf(line, sizeof(line), "\n  %s\n", l);
        const char *found = strstr(at, line);
        if (found == NULL)
            fail_msg("%s: summary's \"%s\" is not in the results, or out of order", file, l);
        at = found + strlen(line) - 1;
        n++;
    }
    if (n != 5)
        fail_msg("%s: the summary ranks %d conditions, not 5", file, n);
    free(copy);
}

static void every_front_end_agrees(void **state)
{
    (void)state;
    char *json =
        capture("'%s' --list --format json --questions '%s/questions/en.yaml'", binary, source_dir);
    cJSON *list = cJSON_Parse(json);
    assert_non_null(list);
    /* The answer files, and two of our own: a same-day red flag that does
     * not stop the questions, and an emergency rule completed after it
     * (losing potassium with weakness and a fluttering heartbeat). */
    char same_day[128], bleeding[128];
    snprintf(same_day, sizeof(same_day), "%s/same-day.txt", tmp);
    snprintf(bleeding, sizeof(bleeding), "%s/bleeding.txt", tmp);
    write_answers(same_day, list, "same_day_signs");
    write_answers(bleeding, list, "same_day_signs,weak_all_over,palpitations,vomiting_diarrhoea");
    const char *files[] = {"iron.txt",      "magnesium.txt", "potassium.txt",  "vitamin_b12.txt",
                           "vitamin_d.txt", "all-no.txt",    "tired-only.txt", "red-flag.txt",
                           same_day,        bleeding};
    bool seen_same_day = false;
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        char answers[1024], typed[128];
        if (files[i][0] == '/')
            snprintf(answers, sizeof(answers), "%s", files[i]);
        else
            snprintf(answers, sizeof(answers), "%s/tests/data/answers/%s", source_dir, files[i]);
        snprintf(typed, sizeof(typed), "%s/typed", tmp);
        type_answers(answers, list, typed, files[i] == bleeding ? "vomiting_diarrhoea" : NULL);
        const char *common = "SOURCE_DATE_EPOCH=0 TZ=UTC";
        char *text = capture("%s '%s' --batch --format text --questions '%s/questions/en.yaml' "
                             "--answers '%s'",
                             common, binary, source_dir, answers);
        char *plain = capture("%s '%s' --plain --questions '%s/questions/en.yaml' < '%s'", common,
                              binary, source_dir, typed);
        char *summary = capture("%s '%s' --batch --format summary --questions "
                                "'%s/questions/en.yaml' --answers '%s'",
                                common, binary, source_dir, answers);
        seen_same_day |= strstr(text, "Speak to someone today") != NULL;
        /* Plain mode ends with exactly what --format text prints. */
        const char *results = strstr(plain, "Muscle weakness self-check: Your results");
        if (results == NULL || strcmp(results, text) != 0)
            fail_msg("%s: plain mode's results differ from --format text", files[i]);
        /* The summary ranks the conditions as the results do, with the
         * same words, and gives the level the results' banner gives. */
        same_ranking(summary, text, files[i]);
        const char *levels[][2] = {{"Call an ambulance now", "Triage level: Ambulance now\n"},
                                   {"Go to A&E", "Triage level: A&E now\n"},
                                   {"Speak to someone today", "Triage level: Same day\n"}};
        bool banner = false;
        for (size_t u = 0; u < sizeof(levels) / sizeof(levels[0]); u++) {
            bool in_text = strstr(text, levels[u][0]) == text + strcspn(text, "!") + 3 &&
                           !banner; /* the first banner is the level */
            banner |= in_text;
            if (in_text != (strstr(summary, levels[u][1]) != NULL))
                fail_msg("%s: \"%s\" leads the results but the summary says otherwise", files[i],
                         levels[u][0]);
        }
        /* The not-a-diagnosis note and the disclaimer are in both. */
        assert_non_null(strstr(summary, "This is not a diagnosis."));
        assert_non_null(strstr(summary, "This check cannot tell you what is wrong"));
        free(text);
        free(plain);
        free(summary);
    }
    assert_true(seen_same_day);
    cJSON_Delete(list);
    free(json);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    snprintf(tmp, sizeof(tmp), "/tmp/mc-agree-XXXXXX");
    if (mkdtemp(tmp) == NULL)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_front_end_agrees),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
    if (system(cmd) != 0)
        return 1;
    return failed;
}
