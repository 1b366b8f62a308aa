/* SPDX-License-Identifier: MIT */
/* tui_state: everything the screens need to draw a frame and react to a
 * key, in one struct (each frame is drawn from it alone). The state borrows
 * the survey and owns the session and the report. */
#ifndef MUSCLECHECK_TUI_STATE_H
#define MUSCLECHECK_TUI_STATE_H

#include "musclecheck/kiosk_pin.h"
#include "musclecheck/report.h"
#include "musclecheck/session.h"
#include "musclecheck/survey.h"

#include <stdbool.h>
#include <stddef.h>

enum screen_id { SCREEN_WELCOME, SCREEN_QUESTION, SCREEN_RED_FLAG, SCREEN_RESULTS, SCREEN_TABLE };
enum overlay_id {
    OVERLAY_NONE,
    OVERLAY_HELP,
    OVERLAY_QUIT,
    OVERLAY_IDLE,
    OVERLAY_STAFF,
    OVERLAY_SAVE,    /* the file name for the summary */
    OVERLAY_MESSAGE, /* a short message; any key closes it */
};

/* What a key handler asks the loop to do. */
enum step { STEP_CONTINUE, STEP_QUIT };

/* A clickable area drawn this frame, and the key a click on it stands for. */
struct hitbox {
    int y, x, h, w;
    int key;
};

#define TUI_MAX_HITS 16

/* At most this many languages are offered, one digit key each. */
#define TUI_MAX_LANGUAGES 9

struct tui {
    const struct survey *survey;         /* borrowed: the language in use */
    const struct survey *const *surveys; /* borrowed: every language, the default first */
    size_t survey_count;
    struct session *session; /* owned */
    struct report *report;   /* owned; built when the results are shown */
    bool high_contrast;
    bool big_buttons; /* kiosk or high contrast: touch-sized buttons */
    bool kiosk;
    const char *staff_pin; /* borrowed; NULL when no keyboard exit is configured */
    enum screen_id screen;
    enum overlay_id overlay;
    size_t question;   /* the question on screen */
    size_t red_flag;   /* the question whose red flag is on screen */
    int focus;         /* focused button on the current screen */
    int overlay_focus; /* focused button on the quit overlay (0 yes, 1 no) */
    int scroll;        /* first line shown on the results and table screens */
    int page;          /* lines the results view showed last frame (PgUp/PgDn step) */
    int doc_lines;     /* lines in the results or table view last frame */
    /* Kiosk: idle countdown and the staff PIN prompt. Times are monotonic ms. */
    long long last_input;
    long long idle_ms;
    int countdown; /* seconds shown on the idle overlay */
    char pin_typed[KIOSK_PIN_MAX + 1];
    size_t pin_len;
    int pin_failures;
    bool pin_wrong;             /* show "Wrong PIN" */
    long long pin_locked_until; /* after three wrong PINs */
    /* The summary: saved to a file, or (kiosk) sent to the print command. */
    const char *print_command; /* borrowed; NULL: no printing */
    char save_path[1024];
    size_t save_len;
    bool save_confirm; /* the file exists: asking whether to replace it */
    char message[1200];
    struct hitbox hits[TUI_MAX_HITS];
    size_t hit_count;
};

#endif
