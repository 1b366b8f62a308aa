/* SPDX-License-Identifier: MIT */
/* action: what a key event or a click asks for, as a value (no pointers,
 * nothing to free). Key handlers (screens.h) return one; the main loop
 * (tui.c) hands it to tui_apply (apply.h), so that every change of state,
 * every file written and every command run happens in one place. A typed
 * character travels whole, as UTF-8, in TEXT. */
#ifndef MUSCLECHECK_TUI_ACTION_H
#define MUSCLECHECK_TUI_ACTION_H

enum action_kind {
    ACT_NONE,          /* nothing to do */
    ACT_BEGIN,         /* welcome: start the questions */
    ACT_ANSWER,        /* ARG: the enum answer for the question on screen */
    ACT_BACK,          /* the previous question (or the welcome screen) */
    ACT_FOCUS,         /* ARG: the button to focus on the screen */
    ACT_OVERLAY_FOCUS, /* ARG: the button to focus in the box */
    ACT_SCROLL,        /* ARG: lines to scroll (negative: up) */
    ACT_SCROLL_TO,     /* ARG: the first line to show (clamped) */
    ACT_HELP,          /* open the help box */
    ACT_ASK_QUIT,      /* ask "quit?" (kiosk: "start over?") */
    ACT_CLOSE,         /* close the box on top */
    ACT_QUIT,          /* leave the program */
    ACT_RESULTS,       /* show the results */
    ACT_TOGGLE_TABLE,  /* results <-> comparison table */
    ACT_START_AGAIN,   /* a fresh start on the welcome screen */
    ACT_WIPE,          /* kiosk: wipe the answers and the screen for the next patient */
    ACT_LANGUAGE,      /* ARG: the language to switch to */
    ACT_STAFF,         /* kiosk: open the staff PIN prompt */
    ACT_PIN_TYPE,      /* TEXT: a character of the PIN */
    ACT_PIN_ERASE,     /* remove the last PIN character */
    ACT_PIN_SUBMIT,    /* check the PIN */
    ACT_STAFF_QUIET,   /* a key typed for a staff box that has gone: dropped */
    ACT_SAVE_OPEN,     /* ask for a file name for the summary */
    ACT_SAVE_TYPE,     /* TEXT: a whole character of the file name */
    ACT_SAVE_ERASE,    /* remove the last character of the name */
    ACT_SAVE,          /* save under the name, never replacing a file */
    ACT_SAVE_REPLACE,  /* replace the existing file */
    ACT_SAVE_RENAME,   /* back from "replace?" to the name */
    ACT_PRINT,         /* send the summary to the print command */
    ACT_SPEECH_TOGGLE, /* turn reading aloud on or off */
    ACT_SPEECH_REPEAT, /* say the whole screen again */
    ACT_SPEECH_STOP,   /* silence what is being said */
    ACT_LINE_MODE,     /* kiosk: this patient answers line by line (plain.h) */
};

struct action {
    enum action_kind kind;
    int arg;      /* see the kind */
    char text[8]; /* ACT_PIN_TYPE, ACT_SAVE_TYPE: one whole UTF-8 character */
};

#define ACTION(k) ((struct action){.kind = (k)})
#define ACTION_ARG(k, a) ((struct action){.kind = (k), .arg = (a)})

#endif
