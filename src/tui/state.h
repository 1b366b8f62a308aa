/* SPDX-License-Identifier: MIT */
/* state: everything the screens need to draw a frame and to decide what a
 * key event or a click means, in one struct (struct tui), and the clickable
 * areas of the last frame (struct hits). Draw functions and key handlers
 * only read the state; the main loop (tui.c) alone changes it, by applying
 * actions (action.h, apply.c). The state borrows the surveys, the staff PIN
 * and the print command, and owns the flow, the report, the results
 * document, its laid-out view and the print job (freed by tui_state_free).
 * A hitbox names the command a click on it gives (keys.h), never a key. */
#ifndef MUSCLECHECK_TUI_STATE_H
#define MUSCLECHECK_TUI_STATE_H

#include "doc.h"
#include "musclecheck/keys.h"
#include "musclecheck/print_job.h"

#include "musclecheck/desk_alert.h"
#include "musclecheck/flow.h"
#include "musclecheck/kiosk_pin.h"
#include "musclecheck/report.h"
#include "musclecheck/results_doc.h"
#include "musclecheck/speech.h"
#include "musclecheck/speech_text.h"
#include "musclecheck/survey.h"
#include "musclecheck/tui.h"

#include <stdbool.h>
#include <stddef.h>

enum screen_id { SCREEN_WELCOME, SCREEN_QUESTION, SCREEN_RED_FLAG, SCREEN_RESULTS, SCREEN_TABLE };
enum overlay_id {
    OVERLAY_NONE,
    OVERLAY_HELP,
    OVERLAY_QUIT,
    OVERLAY_IDLE,
    OVERLAY_STAFF,
    OVERLAY_SAVE,     /* the file name for the summary */
    OVERLAY_MESSAGE,  /* a short message; any key closes it */
    OVERLAY_PRINTING, /* the summary is being printed; keys wait */
};

/* At most this many pieces of emergency advice are kept on the red-flag
 * screen once its patient's answers are wiped. */
#define TUI_MAX_KEPT_ADVICE 8

/* A clickable area drawn this frame, and what a click on it means: command
 * CMD, or (a kiosk's language button, CMD_NONE) language LANGUAGE - 1. */
struct hitbox {
    int y, x, h, w;
    enum command cmd;
    int language; /* 1 + the index in tui.surveys; 0 on every other button */
};

#define TUI_MAX_HITS 16

/* At most this many alert commands run at once. */
#define TUI_MAX_ALERTS 4

/* What drawing a frame leaves for the loop: its clickable areas (read when
 * a click arrives) and where the attention is, which the loop puts the
 * terminal's cursor on after the frame, for screen readers and braille
 * displays that follow it. Kept apart from the state so that drawing reads
 * only. */
struct hits {
    struct hitbox box[TUI_MAX_HITS];
    size_t count;
    /* The cell of the focused button's label, of a text field's end (where
     * typing goes), or, when nothing has the focus, of the first character
     * of the question or box text; -1 until something is drawn there. */
    int focus_y, focus_x;
};

/* The results or the table laid out for one width: rebuilt only when the
 * results document, the view or the width changes. */
struct view {
    struct doc doc;
    const struct results_doc *source; /* what DOC was laid out from */
    enum screen_id screen;            /* SCREEN_RESULTS or SCREEN_TABLE */
    int width;                        /* 0: nothing laid out yet */
};

struct tui {
    const struct survey *survey;         /* borrowed: the language in use */
    const struct survey *const *surveys; /* borrowed: every language, the default first */
    size_t survey_count;
    struct flow *flow;           /* owned: the answers and where the walk stands */
    struct report *report;       /* owned; built when the results are shown */
    struct results_doc *results; /* owned; built from the report */
    struct view view;            /* owned */
    bool high_contrast;
    bool big_buttons; /* kiosk or high contrast: touch-sized buttons */
    bool kiosk;
    const char *staff_pin; /* borrowed; NULL when no keyboard exit is configured */
    enum screen_id screen;
    enum overlay_id overlay;
    int focus;         /* focused button on the current screen */
    int overlay_focus; /* focused button on the quit overlay (0 yes, 1 no) */
    int scroll;        /* first line shown on a screen that scrolls or pages */
    int page;          /* lines the results view shows (PgUp/PgDn step) */
    /* Kiosk: idle countdown and the staff PIN prompt. Times are monotonic ms. */
    long long last_input;
    long long idle_ms;
    int countdown; /* seconds shown on the idle overlay */
    char pin_typed[KIOSK_PIN_MAX + 1];
    size_t pin_len;
    int pin_failures;
    bool pin_wrong;             /* show "Wrong PIN" */
    long long pin_locked_until; /* after three wrong PINs: the box takes no PIN until then */
    int pin_lock_shown;         /* the seconds the locked box shows; 0: not locked */
    /* Typed keys are dropped until then: the rest of what was typed for a
     * staff box that has just gone (a fast typist's last digits and Enter).
     * Each dropped key moves it on, but never past the limit, a short time
     * after the box went: a patient's key is not held off for long. */
    long long staff_quiet_until;
    long long staff_quiet_limit;
    bool staff_under_idle; /* the countdown took a staff box's place */
    long long now_ms;      /* the loop's clock when the key arrived */
    /* The summary: saved to a file, or (kiosk) sent to the print command. */
    const char *print_command; /* borrowed; NULL: no printing */
    struct print_job *print;   /* owned: the summary on its way to the printer, or NULL */
    char save_path[1024];
    size_t save_len;
    bool save_confirm; /* the file exists: asking whether to replace it */
    char message[1200];
    /* Kiosk: a red-flag screen left alone past the idle time. The answers
     * and results are wiped; only the advice (survey texts) stays for staff,
     * and a key leads to the welcome screen, not to the results. */
    bool red_flag_stale;
    const char *kept_title; /* the urgent title, borrowed from the survey; NULL when none */
    const char *kept_advice[TUI_MAX_KEPT_ADVICE]; /* borrowed from the survey */
    size_t kept_advice_count;
    /* Kiosk: the answers were wiped; the loop blanks the terminal and its
     * scrollback (term_wipe) before the next frame, then clears this. */
    bool wipe_screen;
    /* Reading aloud (speak.c): the engine, what was last said about, and
     * the keys' requests, which the loop carries out after the frame. */
    struct speech *speech;     /* owned; NULL until speech is first on, or when there is none */
    const char *speech_log;    /* borrowed: tests' log instead of sound, or NULL */
    bool speech_on;            /* reading aloud now */
    bool speech_default;       /* kiosk: what each new patient starts with */
    bool speech_failed;        /* there is no speech here; SPEECH_WHY says why */
    bool speech_reported;      /* SPEECH_WHY was written to standard error */
    bool speech_repeat;        /* the repeat key: the whole screen again */
    bool speech_spoken;        /* SPOKEN holds the view last spoken about */
    struct speech_view spoken; /* borrows what the state owns; forgotten at a wipe */
    char speech_box[512];      /* the countdown box's text, as spoken */
    char speech_why[256];
    /* Kiosk: telling the desk (desk_alert.h decides, alert.h runs it). */
    const char *alert_command;               /* borrowed; NULL: no alerts */
    const char *kiosk_name;                  /* borrowed: who the alert is from */
    enum desk_alert alert_sent;              /* the most urgent sent for this patient */
    struct print_job *alert[TUI_MAX_ALERTS]; /* owned: commands still running, or NULL */
    enum desk_alert alert_level[TUI_MAX_ALERTS];
    char alert_why[256]; /* a failure kept for standard error once the screen is gone */
    /* Kiosk: the patient asked for line mode; the loop runs it (leaving the
     * full screen meanwhile), then clears this and wipes for the next one. */
    bool line_mode;
};

#endif
