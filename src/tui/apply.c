/* SPDX-License-Identifier: MIT */
/* apply: actions become changes of state, files and print jobs. */
#include "apply.h"

#include "screens.h"
#include "speak.h"
#include "summary.h"

#include "musclecheck/utf8.h"

#include <string.h>

/* Three wrong PINs lock the prompt for this long. */
enum { PIN_TRIES = 3, PIN_LOCK_MS = 60 * 1000 };

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
}

void tui_kiosk_reset(struct tui *ui)
{
    set_language(ui, 0); /* the next patient starts in the default language */
    tui_go_welcome(ui);
    close_pin(ui);
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
static void stale_red_flag(struct tui *ui)
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
    if (ui->overlay == OVERLAY_STAFF) { /* a half-typed PIN goes too */
        close_pin(ui);
        ui->overlay = OVERLAY_NONE;
    }
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
        if (ui->screen == SCREEN_RED_FLAG)
            stale_red_flag(ui);
        else
            tui_kiosk_reset(ui);
        return true;
    }
    /* The welcome and red-flag screens have no countdown: the first has
     * nothing to lose, the second stays for staff to see. */
    if (!ui->kiosk || ui->print != NULL || ui->screen == SCREEN_WELCOME ||
        ui->screen == SCREEN_RED_FLAG)
        return false;
    long long left = ui->last_input + ui->idle_ms - now;
    if (left > tui_idle_warning_ms(ui))
        return false;
    int seconds = (int)((left + 999) / 1000);
    /* Once the box is up, its number changes rarely: a screen reader reads
     * each change aloud (docs/kiosk.md, "The idle countdown"). */
    if (ui->overlay == OVERLAY_IDLE && (seconds == ui->countdown || !tui_countdown_step(seconds)))
        return false;
    /* Over whatever box was open: the countdown matters more, and a
     * half-typed PIN must not survive it. */
    if (ui->overlay == OVERLAY_STAFF)
        close_pin(ui);
    ui->overlay = OVERLAY_IDLE;
    ui->countdown = seconds;
    return true;
}

/* Returns true when the PIN is right (the kiosk then ends). */
static bool submit_pin(struct tui *ui)
{
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
        close_pin(ui);
        ui->overlay = OVERLAY_NONE;
    }
    return false;
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

bool tui_apply(struct tui *ui, struct action a)
{
    switch (a.kind) {
    case ACT_NONE: break;
    case ACT_BEGIN:
        flow_reset(ui->flow);
        follow(ui, flow_begin(ui->flow));
        break;
    case ACT_ANSWER:
        if (ui->screen == SCREEN_QUESTION)
            follow(ui, flow_answer(ui->flow, (enum answer)a.arg));
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
        if (ui->overlay == OVERLAY_STAFF)
            close_pin(ui);
        ui->overlay = OVERLAY_NONE;
        break;
    case ACT_QUIT: return true;
    case ACT_RESULTS: go_results(ui); break;
    case ACT_TOGGLE_TABLE:
        ui->screen = ui->screen == SCREEN_TABLE ? SCREEN_RESULTS : SCREEN_TABLE;
        ui->scroll = 0;
        break;
    case ACT_START_AGAIN: tui_go_welcome(ui); break;
    case ACT_WIPE: tui_kiosk_reset(ui); break;
    case ACT_LANGUAGE: set_language(ui, (size_t)a.arg); break;
    case ACT_STAFF: ui->overlay = OVERLAY_STAFF; break;
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
    drop_results(ui);
    flow_free(ui->flow);
    ui->flow = NULL;
    explicit_bzero(ui->pin_typed, sizeof(ui->pin_typed));
    tui_speech_free(ui);
}
