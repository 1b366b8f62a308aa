/* SPDX-License-Identifier: MIT */
/* load: question-file load time against libyaml's bare event scan of the
 * same bytes (the floor for any YAML loader), for the shipped file and for
 * generated files of 1,000 and 10,000 questions, and whether it meets its
 * targets (TARGET_SHIPPED, TARGET_LARGE). With --memory N: the peak memory
 * of loading a generated file of N questions, one size per process so that
 * sizes can be compared (memory should grow in line with the file; bench/run
 * checks it against its target at 10,000).
 *
 * Every load is timed twice over. First as a program meets it: the memory
 * the loader writes is fresh, and the time includes bringing it in
 * (malloc_trim gives freed memory back to the system between runs, so each
 * run pays again); "pages" is how many pages a load brings in.
 * Then with that memory kept in the process (malloc told not to give it
 * back), which leaves the loader's own work. Each load is compared with
 * the scan run just before it, so that a shared machine slowing down or
 * speeding up during the run weighs on both sides of a ratio alike.
 * Usage: load SHIPPED_FILE [RUNS] | load --memory N */
#include "musclecheck/loader.h"
#include "musclecheck/readfile.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <yaml.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* libyaml's parser over the whole input, doing nothing with the events. */
static size_t scan(const char *buf, size_t len)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    size_t events = 0;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    for (;;) {
        if (!yaml_parser_parse(&parser, &ev))
            break;
        int done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        events++;
        if (done)
            break;
    }
    yaml_parser_delete(&parser);
    return events;
}

/* A valid format 2 questionnaire with QUESTIONS questions (at least 4), like
 * the shipped ones: an emergency red flag first, evidence of every kind in
 * both forms, a same-day red flag, triage rules and other causes. */
static char *generate(size_t questions, size_t *len)
{
    size_t cap = 8192 + questions * 480, n = 0;
    char *buf = malloc(cap);
    n += (size_t)snprintf(buf + n, cap - n,
                          "format: 2\nid: big\nversion: \"1\"\nlanguage: en\ntitle: Big\n"
                          "intro: A generated questionnaire.\ndisclaimer: Not a diagnosis.\n"
                          "no_findings: Nothing stands out.\nreview_status: reviewed\n"
                          "nonspecific_cap: 2\nbands:\n"
                          "  - {id: unlikely, label: Unlikely, min_points: 0}\n"
                          "  - {id: possible, label: Possible, min_points: 5}\n"
                          "  - {id: likely, label: Likely, min_points: 8}\n"
                          "advice: [Drink water.]\nconditions:\n");
    const char *conds[] = {"vitamin_d", "magnesium", "potassium", "vitamin_b12", "iron"};
    const char *kinds[] = {"sign", "cause", "risk", "nonspecific"};
    for (int c = 0; c < 5; c++)
        n += (size_t)snprintf(buf + n, cap - n,
                              "  - id: %s\n    name: C%d\n    role: Role\n    muscle_symptoms: "
                              "Weak\n    other_symptoms: Tired\n    foods: [Food]\n    tips: "
                              "[Tip]\n    prior: %d\n%s",
                              conds[c], c, c % 3 - 1, c == 2 ? "    anchor: [cause]\n" : "");
    n += (size_t)snprintf(buf + n, cap - n,
                          "questions:\n  - id: q0\n    text: Do you have chest pain now?\n"
                          "    help: Chest pain can be a heart attack.\n"
                          "    red_flag: {level: ambulance, advice: Call an ambulance now.}\n");
    for (size_t q = 1; q < questions; q++) {
        n += (size_t)snprintf(buf + n, cap - n,
                              "  - id: q%zu\n    text: Do you often get painful cramps in your "
                              "legs or feet at night, question %zu?\n    help: Night cramps are "
                              "a common sign of low magnesium.\n",
                              q, q);
        if (q == 3)
            n += (size_t)snprintf(buf + n, cap - n,
                                  "    red_flag: {level: same_day, advice: Speak to a doctor "
                                  "today.}\n");
        n += (size_t)snprintf(buf + n, cap - n,
                              "    evidence: {%s: {yes: %zu, no: -%zu, kind: %s}, %s: 1}\n",
                              conds[q % 5], q % 5, q % 4, kinds[q % 4], conds[(q + 2) % 5]);
    }
    n +=
        (size_t)snprintf(buf + n, cap - n,
                         "triage_rules:\n"
                         "  - {id: loss, level: same_day, when: [[q1, q2], [q3]], advice: Today.}\n"
                         "  - {id: collapse, level: ambulance, when: [[q2], [q1]], advice: Now.}\n"
                         "  - {id: aches, level: soon, when: [q1], advice: Soon.}\n"
                         "other_causes:\n"
                         "  - {id: statin, name: A statin, text: Say so., when: [[q1], [q2, q3]],\n"
                         "     explains: [vitamin_d, magnesium]}\n");
    *len = n;
    return buf;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

struct stats {
    double min, median, max;
};

static struct stats summarize(double *v, int n)
{
    qsort(v, (size_t)n, sizeof(*v), cmp);
    return (struct stats){v[0], v[n / 2], v[n - 1]};
}

/* Pages of this process in memory now: a load's growth is what it brought in. */
static long resident_pages(void)
{
    long size = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f == NULL)
        return 0;
    if (fscanf(f, "%ld %ld", &size, &resident) != 2)
        resident = 0;
    fclose(f);
    return resident;
}

/* The targets, with fresh memory: the shipped file as a program meets it,
 * and a file far larger than any clinic's, to show that time grows in line
 * with the file. */
#define TARGET_SHIPPED 1.6
#define TARGET_LARGE 2.5

static bool fresh; /* give freed memory back to the system after each load */

/* Loads BUF RUNS times, each after a scan; prints the figures and returns
 * the median ratio of load to scan. */
static double bench(const char *name, const char *buf, size_t len, int runs)
{
    double *load_t = calloc((size_t)runs, sizeof(double)),
           *scan_t = calloc((size_t)runs, sizeof(double)),
           *ratio = calloc((size_t)runs, sizeof(double));
    size_t questions = 0;
    long pages = 0;
    for (int r = 0; r < runs; r++) {
        struct diag_list *diags = diag_list_new(name);
        long before = resident_pages();
        double t0 = now_ms();
        scan(buf, len);
        double t1 = now_ms();
        struct survey *s = survey_load_buffer(name, buf, len, diags);
        double t2 = now_ms();
        pages += resident_pages() - before;
        if (s == NULL) {
            diag_print(diags, stderr);
            exit(1);
        }
        questions = survey_question_count(s);
        survey_free(s);
        diag_list_free(diags);
        if (fresh)
            malloc_trim(0);
        scan_t[r] = t1 - t0;
        load_t[r] = t2 - t1;
        ratio[r] = load_t[r] / scan_t[r];
    }
    struct stats l = summarize(load_t, runs), sc = summarize(scan_t, runs),
                 q = summarize(ratio, runs);
    printf("%-16s %5zu questions %7zu bytes  load %7.3f / %7.3f / %7.3f ms  "
           "libyaml scan %7.3f / %7.3f / %7.3f ms  ratio %.2f (%.2f-%.2f)  pages %ld\n",
           name, questions, len, l.min, l.median, l.max, sc.min, sc.median, sc.max, q.median, q.min,
           q.max, pages / runs);
    free(load_t);
    free(scan_t);
    free(ratio);
    return q.median;
}

static void report(const char *name, double ratio, double limit)
{
    printf("%-16s within %.1fx of the scan: %s (%.2fx)\n", name, limit,
           ratio <= limit ? "met" : "MISSED", ratio);
}

/* Peak resident memory (kB) of this process after loading a generated file
 * of QUESTIONS questions; run in a fresh process for each size. */
static long peak_kb(size_t questions)
{
    size_t len;
    char *buf = generate(questions, &len);
    struct diag_list *diags = diag_list_new("mem");
    struct survey *s = survey_load_buffer("mem", buf, len, diags);
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    if (s == NULL)
        exit(1);
    survey_free(s);
    diag_list_free(diags);
    free(buf);
    return usage.ru_maxrss;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s SHIPPED_FILE [RUNS] | %s --memory QUESTIONS\n", argv[0],
                argv[0]);
        return 2;
    }
    if (strcmp(argv[1], "--memory") == 0 && argc == 3) {
        printf("%ld\n", peak_kb((size_t)atol(argv[2])));
        return 0;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 20;
    char *buf;
    size_t len;
    struct diag_list *diags = diag_list_new(argv[1]);
    if (readfile(argv[1], LOADER_MAX_FILE_BYTES, &buf, &len, diags) != READ_OK) {
        diag_print(diags, stderr);
        return 1;
    }
    diag_list_free(diags);
    size_t lens[3] = {len, 0, 0};
    char *bufs[3] = {buf, generate(1000, &lens[1]), generate(10000, &lens[2])};
    const char *names[3] = {"shipped file", "generated 1000", "generated 10000"};
    printf("min / median / max over %d runs; ratio: the median (min-max) of each load's time\n"
           "over that of the scan just before it; pages: pages a load brings into memory\n",
           runs);
    /* Fresh memory: every free page goes back to the system after each load
     * (fixed thresholds, so that glibc does not start keeping freed memory
     * after a large free). */
    mallopt(M_TRIM_THRESHOLD, 128 << 10);
    mallopt(M_MMAP_THRESHOLD, 128 << 10);
    fresh = true;
    printf("-- fresh memory (as a program loads its file)\n");
    double ratios[3];
    for (int i = 0; i < 3; i++)
        ratios[i] = bench(names[i], bufs[i], lens[i], runs);
    /* Keep freed memory in the process; one load of each warms it up. */
    fresh = false;
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    printf("-- memory kept from earlier loads (the loader's own work)\n");
    for (int i = 0; i < 3; i++)
        bench(names[i], bufs[i], lens[i], runs + 1);
    printf("-- targets, with fresh memory\n");
    report(names[0], ratios[0], TARGET_SHIPPED);
    report(names[2], ratios[2], TARGET_LARGE);
    for (int i = 0; i < 3; i++)
        free(bufs[i]);
    return 0;
}
