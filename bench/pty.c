/* SPDX-License-Identifier: MIT */
/* pty: what a person at a terminal feels, measured the same way for
 * musclecheck, dialog, whiptail and a minimal curses program: each runs in
 * a pseudo-terminal of 80x24 (TERM=xterm-256color, UTF-8) read through
 * libvterm, and the end of a redraw is the last byte before a quiet spell.
 * Usage: pty RUNS MUSCLECHECK FLOOR QUESTIONS_FILE */
#include "vt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A redraw is over after QUIET_MS without output. A resize waits longer:
 * dialog redraws about half a second after the size changes. */
enum { QUIET_MS = 120, RESIZE_QUIET_MS = 1200, T = 10000 };

enum metric {
    M_FIRST_US,
    M_FIRST_BYTES,
    M_FOCUS_US,
    M_FOCUS_BYTES,
    M_ANSWER_US,
    M_ANSWER_BYTES,
    M_BACK_US,
    M_BACK_BYTES,
    M_RESIZE_US,
    M_RESIZE_BYTES,
    M_ESC_US,
    M_EXIT_US,
    M_PEAK_KB,
    M_COUNT
};

static const char *const metric_names[M_COUNT] = {
    "first screen (ms)", "first screen (bytes)", "focus move (ms)",   "focus move (bytes)",
    "answer (ms)",       "answer (bytes)",       "back (ms)",         "back (bytes)",
    "resize (ms)",       "resize (bytes)",       "Esc response (ms)", "last key to exit (ms)",
    "peak memory (kB)"};

struct program {
    const char *name;
    char *argv[12];
    const char *first_text; /* on screen once the first frame is drawn */
    const char *focus_key;
    bool questionnaire;   /* musclecheck: Enter first, then answer and back */
    const char *esc_text; /* shown after Esc; NULL: Esc ends the program */
    const char *exit_key; /* after esc_text, ends the program */
};

static long peak_kb(pid_t pid)
{
    char path[64], line[256];
    long kb = -1;
    snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
    FILE *fp = fopen(path, "r");
    while (fp != NULL && fgets(line, sizeof(line), fp) != NULL)
        if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
            break;
    if (fp != NULL)
        fclose(fp);
    return kb;
}

/* Sends KEYS (or resizes when KEYS is NULL) and returns the time to the last
 * byte of the response, in microseconds; its bytes go to *BYTES. */
static double respond(struct vt *vt, const char *keys, const char *expect, double *bytes)
{
    int quiet = keys != NULL ? QUIET_MS : RESIZE_QUIET_MS;
    vt_wait_quiet(vt, QUIET_MS, T);
    vt_reset_bytes(vt);
    long long t0 = vt_now_us();
    if (keys != NULL)
        vt_send(vt, keys);
    else
        vt_resize(vt, 40, 120);
    if (expect != NULL && !vt_wait_text(vt, expect, T)) {
        vt_dump(vt, stderr);
        fprintf(stderr, "bench: \"%s\" never appeared\n", expect);
        exit(1);
    }
    vt_wait_quiet(vt, quiet, T);
    *bytes = (double)vt_bytes(vt);
    long long end = vt_last_output_us(vt);
    return end > t0 ? (double)(end - t0) : 0;
}

static void run_once(const struct program *p, double *m)
{
    char *env[] = {"TERM=xterm-256color", "LANG=C.UTF-8", NULL};
    for (int i = 0; i < M_COUNT; i++)
        m[i] = -1;
    long long t0 = vt_now_us();
    struct vt *vt = vt_spawn(p->argv, env, 24, 80);
    if (vt == NULL || !vt_wait_text(vt, p->first_text, T)) {
        vt_dump(vt, stderr);
        fprintf(stderr, "bench: %s did not start\n", p->name);
        exit(1);
    }
    vt_wait_quiet(vt, QUIET_MS, T);
    m[M_FIRST_US] = (double)(vt_last_output_us(vt) - t0);
    m[M_FIRST_BYTES] = (double)vt_bytes(vt);
    if (p->questionnaire) {
        vt_send(vt, "\r");
        vt_wait_text(vt, "Question 1 of", T);
    }
    m[M_FOCUS_US] = respond(vt, p->focus_key, NULL, &m[M_FOCUS_BYTES]);
    if (p->questionnaire) {
        m[M_ANSWER_US] = respond(vt, "n", "Question 2 of", &m[M_ANSWER_BYTES]);
        m[M_BACK_US] = respond(vt, "b", "Question 1 of", &m[M_BACK_BYTES]);
    }
    m[M_RESIZE_US] = respond(vt, NULL, NULL, &m[M_RESIZE_BYTES]);
    m[M_PEAK_KB] = (double)peak_kb(vt_pid(vt));
    vt_wait_quiet(vt, QUIET_MS, T);
    long long esc = vt_now_us();
    vt_send(vt, "\033");
    if (p->esc_text != NULL) {
        if (!vt_wait_text(vt, p->esc_text, T)) {
            vt_dump(vt, stderr);
            exit(1);
        }
        m[M_ESC_US] = (double)(vt_now_us() - esc);
        vt_wait_quiet(vt, QUIET_MS, T);
        long long key = vt_now_us();
        vt_send(vt, p->exit_key);
        vt_wait_exit(vt, T, NULL);
        m[M_EXIT_US] = (double)(vt_now_us() - key);
    } else {
        vt_wait_exit(vt, T, NULL);
        m[M_ESC_US] = m[M_EXIT_US] = (double)(vt_now_us() - esc);
    }
    vt_free(vt);
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: %s RUNS MUSCLECHECK FLOOR QUESTIONS_FILE\n", argv[0]);
        return 2;
    }
    int runs = atoi(argv[1]);
    const char *question = "Do you often get painful cramps in your legs or feet at night?";
    struct program programs[] = {
        {"musclecheck",
         {argv[2], "--questions", argv[4], NULL},
         "Press Enter to start",
         "\t",
         true,
         "Quit now?",
         "y"},
        {"floor (curses)", {argv[3], NULL}, "[ No ]", "\t", false, "Quit?", "q"},
        {"dialog",
         {"dialog", "--yesno", (char *)question, "10", "70", NULL},
         "< Yes >",
         "\t",
         false,
         NULL,
         NULL},
        {"whiptail",
         {"whiptail", "--yesno", (char *)question, "10", "70", NULL},
         "<No>",
         "\t",
         false,
         NULL,
         NULL},
    };
    enum { PROGRAMS = sizeof(programs) / sizeof(programs[0]) };
    static double results[PROGRAMS][M_COUNT][3]; /* min, median, max */
    double *samples = calloc((size_t)runs, sizeof(double));
    double *all = calloc((size_t)runs * M_COUNT, sizeof(double));
    for (int p = 0; p < PROGRAMS; p++) {
        if (access("/usr/bin/dialog", X_OK) != 0 && strcmp(programs[p].name, "dialog") == 0)
            continue;
        for (int r = 0; r < runs; r++)
            run_once(&programs[p], &all[r * M_COUNT]);
        for (int i = 0; i < M_COUNT; i++) {
            for (int r = 0; r < runs; r++)
                samples[r] = all[r * M_COUNT + i];
            qsort(samples, (size_t)runs, sizeof(double), cmp);
            double scale = i % 2 == 0 && i < M_PEAK_KB && i != M_FIRST_BYTES ? 1000.0 : 1.0;
            if (i == M_ESC_US || i == M_EXIT_US)
                scale = 1000.0;
            results[p][i][0] = samples[0] / scale;
            results[p][i][1] = samples[runs / 2] / scale;
            results[p][i][2] = samples[runs - 1] / scale;
        }
    }
    printf("min / median / max over %d runs, 80x24, TERM=xterm-256color\n\n", runs);
    printf("%-24s", "");
    for (int p = 0; p < PROGRAMS; p++)
        printf(" %26s", programs[p].name);
    printf("\n");
    for (int i = 0; i < M_COUNT; i++) {
        printf("%-24s", metric_names[i]);
        for (int p = 0; p < PROGRAMS; p++) {
            if (results[p][i][1] < 0)
                printf(" %26s", "-");
            else
                printf(" %8.1f %8.1f %8.1f", results[p][i][0], results[p][i][1], results[p][i][2]);
        }
        printf("\n");
    }
    /* Ratios of medians, and the targets of the performance issue. */
    double mc_first = results[0][M_FIRST_US][1], floor_first = results[1][M_FIRST_US][1];
    double dialog_first = results[2][M_FIRST_US][1];
    printf("\nratios of medians: first screen %.2fx the curses floor, %.2fx dialog, %.2fx "
           "whiptail; focus bytes %.2fx whiptail, %.2fx dialog; Esc %.3fx dialog\n",
           mc_first / floor_first, mc_first / dialog_first, mc_first / results[3][M_FIRST_US][1],
           results[0][M_FOCUS_BYTES][1] / results[3][M_FOCUS_BYTES][1],
           results[0][M_FOCUS_BYTES][1] / results[2][M_FOCUS_BYTES][1],
           results[0][M_ESC_US][1] / results[2][M_ESC_US][1]);
    struct {
        const char *what;
        bool ok;
    } targets[] = {
        {"first screen <= 1.15x the curses floor", mc_first <= 1.15 * floor_first},
        {"first screen faster than dialog", mc_first < dialog_first},
        {"focus move <= 50 bytes", results[0][M_FOCUS_BYTES][1] <= 50},
        {"answer well under a full repaint (< half the first screen's bytes)",
         results[0][M_ANSWER_BYTES][1] < results[0][M_FIRST_BYTES][1] / 2},
        {"Esc response < 50 ms", results[0][M_ESC_US][1] < 50},
        {"resize redrawn within 20 ms", results[0][M_RESIZE_US][1] <= 20},
    };
    int failed = 0;
    for (size_t t = 0; t < sizeof(targets) / sizeof(targets[0]); t++) {
        printf("%s  %s\n", targets[t].ok ? "met   " : "MISSED", targets[t].what);
        failed += !targets[t].ok;
    }
    free(samples);
    free(all);
    return failed != 0;
}
