/* SPDX-License-Identifier: MIT */
/* apply: actions become changes of state, files and print jobs. */
#include "apply.h"

#include "screens.h"
#include "speak.h"
#include "summary.h"

#include "musclecheck/alert.h"
#include "musclecheck/clock.h"
#include "musclecheck/utf8.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Three wrong PINs lock the prompt for this long; the locked box shows
 * the time left in steps of PIN_LOCK_STEP seconds. After a staff box goes,
 * typed keys are dropped until the keyboard has been quiet for
 * STAFF_QUIET_MS, but never for longer than STAFF_QUIET_MAX_MS after it
 * went: the tail of a fast typist's burst is gone by then, and a patient
 * who keeps pressing a key is not ignored for ever. */
enum {
    PIN_TRIES = 3,
    PIN_LOCK_MS = 60 * 1000,
    PIN_LOCK_STEP = 15,
    STAFF_QUIET_MS = 1000,
    STAFF_QUIET_MAX_MS = 2000
};

static void drop_results(struct tui *ui)
{
    doc_free(&ui->view.doc);
    memset(&ui->view, 0, sizeof(ui->view));
    results_doc_free(ui->results);
    ui->results = NULL;
    report_free(ui->report);
    ui->report = NULL;
}

void tui_go_welcome(struct tui *ui)
{
    drop_results(ui);
    flow_reset(ui->flow);
    ui->screen = SCREEN_WELCOME;
    ui->overlay = OVERLAY_NONE;
    ui->focus = 0;
    ui->scroll = 0;
}

static void go_question(struct tui *ui)
{
    ui->screen = SCREEN_QUESTION;
    ui->scroll = 0; /* a question's text starts at its top */
    ui->focus = screen_question_focus(ui->flow, flow_question(ui->flow));
}

/* Builds the report and its document from the answers; false (and
 * nothing changed) when out of memory. */
static bool build_results(struct tui *ui)
{
    const struct session *se = flow_session(ui->flow);
    struct report *r = report_new(se);
    struct results_doc *d = r != NULL ? results_doc_new(r, se, ui->kiosk) : NULL;
    if (d == NULL) {
        report_free(r);
        return false;
    }
    drop_results(ui);
    ui->report = r;
    ui->results = d;
    return true;
}

/* Shows the results (built already after an emergency stop). */
static void go_results(struct tui *ui)
{
    if (ui->results == NULL && !build_results(ui))
        return;
    ui->screen = SCREEN_RESULTS;
    ui->focus = 1; /* "Comparison table": a stray Enter must not wipe the results */
    ui->scroll = 0;
}

/* Shows what the flow says comes next. */
static void follow(struct tui *ui, enum flow_step step)
{
    switch (step) {
    case FLOW_START: tui_go_welcome(ui); break;
    case FLOW_QUESTION: go_question(ui); break;
    case FLOW_EMERGENCY:
        /* The advice on the red-flag screen comes from the results document. */
        if (!build_results(ui))
            return;
        ui->screen = SCREEN_RED_FLAG;
        ui->focus = 0;
        ui->scroll = 0; /* its advice starts on its first page */
        break;
    case FLOW_RESULTS:
        drop_results(ui); /* answers changed since any earlier results */
        go_results(ui);
        break;
    }
}

static void set_language(struct tui *ui, size_t i)
{
    if (i >= ui->survey_count || ui->surveys[i] == ui->survey)
        return;
    struct flow *f = flow_new(ui->surveys[i]);
    if (f == NULL)
        return; /* out of memory: stay in the current language */
    drop_results(ui);
    flow_free(ui->flow);
    ui->flow = f;
    ui->survey = ui->surveys[i];
}

static void close_pin(struct tui *ui)
{
    explicit_bzero(ui->pin_typed, sizeof(ui->pin_typed));
    ui->pin_len = 0;
    ui->pin_wrong = false;
    ui->pin_lock_shown = 0;
}

/* The staff box leaves the screen at NOW (Esc, the countdown, a wipe): what
 * was typed in it goes, and so do the keys still coming for it, which
 * would otherwise answer the question under it. */
static void staff_gone(struct tui *ui, long long now)
{
    close_pin(ui);
    ui->overlay = OVERLAY_NONE;
    ui->staff_quiet_until = now + STAFF_QUIET_MS;
    ui->staff_quiet_limit = now + STAFF_QUIET_MAX_MS;
}

/* A key dropped at NOW holds the quiet off, up to its limit. */
static void staff_quiet(struct tui *ui, long long now)
{
    long long until = now + STAFF_QUIET_MS;
    ui->staff_quiet_until = until < ui->staff_quiet_limit ? until : ui->staff_quiet_limit;
}

int tui_pin_lock_seconds(const struct tui *ui, long long now)
{
    long long left = ui->pin_locked_until - now;
    if (left <= 0)
        return 0;
    int seconds = (int)((left + 999) / 1000);
    return (seconds + PIN_LOCK_STEP - 1) / PIN_LOCK_STEP * PIN_LOCK_STEP;
}

/* Brings the staff box's lock message up to date at NOW; true when what
 * it shows changed (locked or not, or the time left). */
static bool staff_lock_tick(struct tui *ui, long long now)
{
    if (ui->overlay != OVERLAY_STAFF)
        return false;
    int shown = tui_pin_lock_seconds(ui, now);
    if (shown == ui->pin_lock_shown)
        return false;
    ui->pin_lock_shown = shown;
    return true;
}

void tui_kiosk_reset(struct tui *ui)
{
    set_language(ui, 0); /* the next patient starts in the default language */
    tui_go_welcome(ui);
    close_pin(ui);
    ui->staff_under_idle = false;
    ui->alert_sent = DESK_ALERT_NONE; /* a new patient; running alerts go on */
    ui->red_flag_stale = false;
    ui->kept_advice_count = 0;
    ui->kept_title = NULL;
    ui->wipe_screen = true; /* the loop blanks the terminal before the next frame */
    tui_speech_wipe(ui);    /* silent at once: nothing of the last patient is said */
}

long long tui_idle_warning_ms(const struct tui *ui)
{
    return ui->idle_ms / 3 < 20000 ? ui->idle_ms / 3 : 20000;
}

/* A red-flag screen nobody has touched for the idle time: the advice stays
 * for staff to see, but the answers and results go, so that the next person
 * to press a key cannot reach them. */
static void stale_red_flag(struct tui *ui, long long now)
{
    const struct results_doc *d = ui->results;
    ui->kept_advice_count = 0;
    ui->kept_title = NULL;
    for (size_t p = 0; d != NULL && p < d->part_count; p++)
        if (d->parts[p].section == RDOC_URGENT && d->parts[p].count > 0)
            ui->kept_title = d->blocks[d->parts[p].first].text;
    for (size_t p = 0; d != NULL && p < d->part_count; p++)
        for (size_t i = d->parts[p].first;
             d->parts[p].section == RDOC_URGENT && i < d->parts[p].first + d->parts[p].count &&
             ui->kept_advice_count < TUI_MAX_KEPT_ADVICE;
             i++)
            if (d->blocks[i].kind == RDOC_ITEM)
                ui->kept_advice[ui->kept_advice_count++] = d->blocks[i].text;
    tui_speech_wipe(ui);
    drop_results(ui);
    flow_reset(ui->flow);
    ui->red_flag_stale = true;
    if (ui->overlay == OVERLAY_STAFF) /* a half-typed PIN goes too */
        staff_gone(ui, now);
}

bool tui_idle_expired(const struct tui *ui, long long now)
{
    if (!ui->kiosk || ui->print != NULL || ui->last_input + ui->idle_ms > now)
        return false;
    if (ui->screen == SCREEN_RED_FLAG)
        return !ui->red_flag_stale;
    if (ui->screen == SCREEN_WELCOME)
        return ui->overlay != OVERLAY_NONE || ui->survey != ui->surveys[0];
    return true;
}

bool tui_countdown_step(int seconds)
{
    return seconds % 5 == 0 || seconds <= 3;
}

bool tui_idle_tick(struct tui *ui, long long now)
{
    if (tui_idle_expired(ui, now)) {
        if (ui->screen == SCREEN_RED_FLAG) {
            stale_red_flag(ui, now);
        } else {
            if (ui->overlay == OVERLAY_STAFF)
                staff_gone(ui, now);
            tui_kiosk_reset(ui);
        }
        return true;
    }
    bool lock_changed = staff_lock_tick(ui, now);
    /* The welcome and red-flag screens have no countdown: the first has
     * nothing to lose, the second stays for staff to see. */
    if (!ui->kiosk || ui->print != NULL || ui->screen == SCREEN_WELCOME ||
        ui->screen == SCREEN_RED_FLAG)
        return lock_changed;
    long long left = ui->last_input + ui->idle_ms - now;
    if (left > tui_idle_warning_ms(ui))
        return lock_changed;
    int seconds = (int)((left + 999) / 1000);
    /* Once the box is up, its number changes rarely: a screen reader reads
     * each change aloud (docs/kiosk.md, "The idle countdown"). */
    if (ui->overlay == OVERLAY_IDLE && (seconds == ui->countdown || !tui_countdown_step(seconds)))
        return lock_changed;
    /* Over whatever box was open: the countdown matters more, and a
     * half-typed PIN must not survive it. What is typed for the staff box
     * after it must not reach the question either: the first key closes
     * the countdown, and the keys after it are dropped (ACT_CLOSE). */
    if (ui->overlay == OVERLAY_STAFF) {
        close_pin(ui);
        ui->staff_under_idle = true;
    }
    ui->overlay = OVERLAY_IDLE;
    ui->countdown = seconds;
    return true;
}

/* Returns true when the PIN is right (the kiosk then ends). The third
 * wrong one locks the box, which stays up and says so: the keys a fast
 * typist has already sent (more digits, Enter) land in it, not on the
 * screen under it. */
static bool submit_pin(struct tui *ui)
{
    if (ui->now_ms < ui->pin_locked_until)
        return false; /* no tries while locked */
    if (ui->staff_pin != NULL && kiosk_pin_equal(ui->staff_pin, ui->pin_typed)) {
        close_pin(ui);
        ui->overlay = OVERLAY_NONE;
        return true;
    }
    explicit_bzero(ui->pin_typed, sizeof(ui->pin_typed));
    ui->pin_len = 0;
    ui->pin_wrong = true;
    if (++ui->pin_failures >= PIN_TRIES) {
        ui->pin_failures = 0;
        ui->pin_locked_until = ui->now_ms + PIN_LOCK_MS;
        ui->pin_wrong = false; /* the lock message says it all */
    }
    return false;
}

/* A problem with alerting, for staff only: written to standard error at
 * once when that is the journal, else (it is the terminal, under the
 * screen) kept for when the screen is gone (tui_state_free). */
static void alert_log(struct tui *ui, enum desk_alert a, const char *what)
{
    snprintf(ui->alert_why, sizeof(ui->alert_why), "musclecheck: %s (alert %s from %s)", what,
             desk_alert_name(a), ui->kiosk_name != NULL ? ui->kiosk_name : "");
    if (!isatty(STDERR_FILENO)) {
        fprintf(stderr, "%s\n", ui->alert_why);
        ui->alert_why[0] = '\0';
    }
}

void tui_alert_desk(struct tui *ui, const struct session *se)
{
    if (ui->alert_command == NULL || !ui->kiosk)
        return;
    enum desk_alert a = desk_alert_next(se, &ui->alert_sent);
    if (a == DESK_ALERT_NONE)
        return;
    size_t i = 0;
    while (i < TUI_MAX_ALERTS && ui->alert[i] != NULL)
        i++;
    if (i == TUI_MAX_ALERTS) {
        alert_log(ui, a, "not run: the earlier alert commands are all still running");
        return;
    }
    ui->alert[i] = alert_start(ui->alert_command, desk_alert_name(a),
                               ui->kiosk_name != NULL ? ui->kiosk_name : "", clock_now_ms());
    ui->alert_level[i] = a;
    if (ui->alert[i] == NULL) {
        char why[160];
        snprintf(why, sizeof(why), "cannot start the alert command: %s", strerror(errno));
        alert_log(ui, a, why);
    }
}

void tui_alerts_poll(struct tui *ui, long long now)
{
    for (size_t i = 0; i < TUI_MAX_ALERTS; i++) {
        if (ui->alert[i] == NULL)
            continue;
        enum print_status st = print_job_poll(ui->alert[i], now);
        if (st == PRINT_RUNNING)
            continue;
        if (st == PRINT_TIMED_OUT)
            alert_log(ui, ui->alert_level[i],
                      "the alert command did not finish in time and was ended");
        else if (st != PRINT_DONE_OK)
            alert_log(ui, ui->alert_level[i], "the alert command failed");
        print_job_free(ui->alert[i]);
        ui->alert[i] = NULL;
    }
}

/* Appends the whole character TEXT to the file name, if it fits. */
static void save_type(struct tui *ui, const char *text)
{
    size_t len = strlen(text);
    if (ui->save_len + len >= sizeof(ui->save_path))
        return;
    memcpy(ui->save_path + ui->save_len, text, len + 1);
    ui->save_len += len;
}

static void save_erase(struct tui *ui)
{
    /* Remove one whole character, continuation bytes and all. */
    ui->save_len = ui->save_len > 0 ? utf8_back(ui->save_path, ui->save_len - 1) : 0;
    ui->save_path[ui->save_len] = '\0';
}

static bool apply(struct tui *ui, struct action a)
{
    switch (a.kind) {
    case ACT_NONE: break;
    case ACT_BEGIN:
        flow_reset(ui->flow);
        follow(ui, flow_begin(ui->flow));
        break;
    case ACT_ANSWER:
        if (ui->screen == SCREEN_QUESTION) {
            follow(ui, flow_answer(ui->flow, (enum answer)a.arg));
            tui_alert_desk(ui, flow_session(ui->flow));
        }
        break;
    case ACT_BACK: follow(ui, flow_back(ui->flow)); break;
    case ACT_FOCUS: ui->focus = a.arg; break;
    case ACT_OVERLAY_FOCUS: ui->overlay_focus = a.arg; break;
    case ACT_SCROLL: ui->scroll += a.arg; break;
    case ACT_SCROLL_TO: ui->scroll = a.arg; break;
    case ACT_HELP: ui->overlay = OVERLAY_HELP; break;
    case ACT_ASK_QUIT:
        ui->overlay = OVERLAY_QUIT;
        ui->overlay_focus = 1; /* "No": a stray Enter is harmless */
        break;
    case ACT_CLOSE:
        if (ui->overlay == OVERLAY_STAFF || (ui->overlay == OVERLAY_IDLE && ui->staff_under_idle))
            staff_gone(ui, ui->now_ms);
        ui->staff_under_idle = false;
        ui->overlay = OVERLAY_NONE;
        break;
    case ACT_STAFF_QUIET: staff_quiet(ui, ui->now_ms); break;
    case ACT_QUIT: return true;
    case ACT_RESULTS: go_results(ui); break;
    case ACT_TOGGLE_TABLE:
        ui->screen = ui->screen == SCREEN_TABLE ? SCREEN_RESULTS : SCREEN_TABLE;
        ui->scroll = 0;
        break;
    case ACT_START_AGAIN: tui_go_welcome(ui); break;
    case ACT_WIPE: tui_kiosk_reset(ui); break;
    case ACT_LANGUAGE: set_language(ui, (size_t)a.arg); break;
    case ACT_STAFF:
        ui->overlay = OVERLAY_STAFF;
        ui->staff_quiet_until = 0; /* the box takes what follows */
        break;
    case ACT_PIN_TYPE:
        /* The box takes one-byte characters only. */
        if (ui->pin_len < KIOSK_PIN_MAX && a.text[0] != '\0' && a.text[1] == '\0') {
            ui->pin_typed[ui->pin_len++] = a.text[0];
            ui->pin_typed[ui->pin_len] = '\0';
        }
        break;
    case ACT_PIN_ERASE:
        if (ui->pin_len > 0)
            ui->pin_typed[--ui->pin_len] = '\0';
        break;
    case ACT_PIN_SUBMIT: return submit_pin(ui);
    case ACT_SAVE_OPEN: summary_save_start(ui); break;
    case ACT_SAVE_TYPE: save_type(ui, a.text); break;
    case ACT_SAVE_ERASE: save_erase(ui); break;
    case ACT_SAVE: summary_save(ui, false); break;
    case ACT_SAVE_REPLACE: summary_save(ui, true); break;
    case ACT_SAVE_RENAME: ui->save_confirm = false; break;
    case ACT_PRINT: summary_print(ui); break;
    case ACT_SPEECH_TOGGLE: tui_speech_toggle(ui); break;
    case ACT_SPEECH_REPEAT: ui->speech_repeat = true; break;
    case ACT_SPEECH_STOP: speech_stop(ui->speech); break;
    case ACT_LINE_MODE: ui->line_mode = ui->kiosk; break;
    }
    return false;
}

bool tui_apply(struct tui *ui, struct action a)
{
    bool end = apply(ui, a);
    staff_lock_tick(ui, ui->now_ms); /* a key may come as the lock ends */
    return end;
}

void tui_view_sync(struct tui *ui)
{
    if (ui->screen != SCREEN_RESULTS && ui->screen != SCREEN_TABLE)
        return;
    int x, w;
    screen_results_area(ui->screen, &x, &w);
    struct view *v = &ui->view;
    if (v->source != ui->results || v->screen != ui->screen || v->width != w) {
        doc_free(&v->doc);
        if (ui->screen == SCREEN_TABLE)
            doc_table(&v->doc, ui->survey, w);
        else
            doc_results(&v->doc, ui->results, w);
        v->source = ui->results;
        v->screen = ui->screen;
        v->width = w;
    }
    int top, rows, button_h;
    screen_results_geometry(ui, &top, &rows, &button_h);
    ui->page = rows;
    int max_scroll = (int)v->doc.count > rows ? (int)v->doc.count - rows : 0;
    if (ui->scroll > max_scroll)
        ui->scroll = max_scroll;
    if (ui->scroll < 0)
        ui->scroll = 0;
    if (ui->focus >= screen_results_button_count(ui))
        ui->focus = 0;
}

void tui_state_free(struct tui *ui)
{
    print_job_free(ui->print);
    ui->print = NULL;
    for (size_t i = 0; i < TUI_MAX_ALERTS; i++) {
        print_job_free(ui->alert[i]);
        ui->alert[i] = NULL;
    }
    if (ui->alert_why[0] != '\0') /* the screen is gone: staff can read it now */
        fprintf(stderr, "%s\n", ui->alert_why);
    ui->alert_why[0] = '\0';
    drop_results(ui);
    flow_free(ui->flow);
    ui->flow = NULL;
    explicit_bzero(ui->pin_typed, sizeof(ui->pin_typed));
    tui_speech_free(ui);
}
