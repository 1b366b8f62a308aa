/* SPDX-License-Identifier: MIT */
/* speech_text: the utterance for a screen, composed in two passes (measure,
 * then write) into memory of its exact size, so that no smaller copy of a
 * text that can reveal answers is left behind. */
#include "musclecheck/speech_text.h"

#include "musclecheck/wipe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where segments go: counted (OUT NULL), or copied into OUT. */
struct sink {
    char *out;
    size_t len;
    bool failed; /* a composed segment could not be made: out of memory */
};

static const char separator[] = "\n\n";

static void put(struct sink *k, const char *text)
{
    if (text == NULL || text[0] == '\0')
        return;
    size_t n = strlen(text);
    if (k->len > 0) {
        if (k->out != NULL)
            memcpy(k->out + k->len, separator, sizeof(separator) - 1);
        k->len += sizeof(separator) - 1;
    }
    if (k->out != NULL)
        memcpy(k->out + k->len, text, n);
    k->len += n;
}

/* Puts a text composed by wipe_printf (NULL: out of memory) and wipes it. */
static void put_owned(struct sink *k, char *text)
{
    if (text == NULL) {
        k->failed = true;
        return;
    }
    put(k, text);
    wipe_free(text);
}

static void welcome(struct sink *k, const struct speech_view *v)
{
    const struct survey *s = v->survey;
    if (v->kiosk && v->survey_count > 1) {
        put(k, survey_ui(s, UI_CHOOSE_LANGUAGE));
        for (size_t i = 0; i < v->survey_count; i++)
            put_owned(k, wipe_printf("%zu %s", i + 1, survey_ui(v->surveys[i], UI_LANGUAGE_NAME)));
    }
    put(k, survey_text(s, SURVEY_TITLE));
    put(k, survey_text(s, SURVEY_INTENDED_USE));
    put(k, survey_text(s, SURVEY_INTRO));
    if (!survey_reviewed(s))
        put(k, survey_ui(s, UI_UNREVIEWED));
    put(k, survey_ui(s, UI_HOW_TO_ANSWER));
    put(k, survey_ui(s, v->speech_on ? UI_SPEECH_ON : UI_SPEECH_HINT));
    put(k, survey_text(s, SURVEY_DISCLAIMER));
    /* Then the Start button: the focused label. */
}

static void question(struct sink *k, const struct speech_view *v)
{
    const struct survey *s = v->survey;
    size_t pos, total;
    flow_progress(v->flow, &pos, &total);
    char n[24], t[24];
    snprintf(n, sizeof(n), "%zu", pos);
    snprintf(t, sizeof(t), "%zu", total);
    const char *vars[] = {"n", n, "total", t, NULL};
    char *progress = uistr_expand(survey_ui(s, UI_PROGRESS), vars);
    put_owned(k, progress);
    put(k, survey_question(s, flow_question(v->flow))->text);
}

/* The first block of the urgent section: what to do (an ambulance, A&E). */
static const struct rdoc_block *urgent_title(const struct results_doc *d)
{
    for (size_t p = 0; d != NULL && p < d->part_count; p++)
        if (d->parts[p].section == RDOC_URGENT && d->parts[p].count > 0)
            return &d->blocks[d->parts[p].first];
    return NULL;
}

static void emergency(struct sink *k, const struct speech_view *v)
{
    const struct survey *s = v->survey;
    const struct results_doc *d = v->results;
    const struct rdoc_block *title = urgent_title(d);
    if (title != NULL)
        put(k, title->text);
    if (v->kiosk)
        put(k, survey_ui(s, UI_KIOSK_URGENT));
    for (size_t p = 0; d != NULL && p < d->part_count; p++)
        for (size_t i = d->parts[p].first;
             d->parts[p].section == RDOC_URGENT && i < d->parts[p].first + d->parts[p].count; i++)
            if (d->blocks[i].style == RDOC_WARNING && d->blocks[i].kind == RDOC_ITEM)
                put(k, d->blocks[i].text);
    put(k, survey_ui(s, UI_URGENT_OVERRIDES));
    if (v->kiosk)
        put(k, survey_ui(s, UI_KIOSK_URGENT_KEY));
}

static void block(struct sink *k, const struct rdoc_block *bl)
{
    switch (bl->kind) {
    case RDOC_PARA:
    case RDOC_ITEM: put(k, bl->text); break;
    case RDOC_FIELD:
        put_owned(k, bl->text != NULL ? wipe_printf("%s: %s", bl->label, bl->text)
                                      : wipe_printf("%s:", bl->label));
        break;
    case RDOC_RANK:
        /* The screen's words: the place and name, then the band (never a number). */
        put_owned(k, wipe_printf("%zu. %s", bl->rank.rank, bl->rank.name));
        put(k, bl->rank.band_label);
        break;
    }
}

static void results(struct sink *k, const struct speech_view *v)
{
    const struct results_doc *d = v->results;
    put(k, survey_ui(v->survey, UI_RESULTS_TITLE));
    for (size_t p = 0; d != NULL && p < d->part_count; p++) {
        const struct rdoc_part *part = &d->parts[p];
        if ((RDOC_RESULTS_SECTIONS & RDOC_MASK(part->section)) == 0)
            continue;
        for (size_t i = part->first; i < part->first + part->count; i++)
            block(k, &d->blocks[i]);
    }
}

static void table(struct sink *k, const struct speech_view *v)
{
    const struct survey *s = v->survey;
    put(k, survey_ui(s, UI_TABLE_TITLE));
    for (size_t i = 0; i < survey_condition_count(s); i++) {
        const struct condition *c = survey_condition(s, i);
        put(k, c->name);
        put(k, c->role);
        put(k, c->muscle_symptoms);
        put(k, c->other_symptoms);
    }
}

/* The help box: why the question is asked (on a question), and the keys. */
static void help(struct sink *k, const struct speech_view *v)
{
    const struct survey *s = v->survey;
    put(k, survey_ui(s, UI_HELP_TITLE));
    const char *why =
        v->screen == SPEECH_QUESTION ? survey_question(s, flow_question(v->flow))->help : NULL;
    if (why != NULL)
        put_owned(k, wipe_printf("%s: %s", survey_ui(s, UI_WHY), why));
    put(k, survey_ui(s, UI_HELP_KEYS));
    put(k, survey_ui(s, UI_PRESS_ANY_KEY));
}

static void screen(struct sink *k, const struct speech_view *v)
{
    if (v->box != 0) {
        if (v->box_text == NULL)
            help(k, v);
        else
            put(k, v->box_text);
        put(k, v->focus_label);
        return;
    }
    switch (v->screen) {
    case SPEECH_QUIET: return;
    case SPEECH_WELCOME: welcome(k, v); break;
    case SPEECH_QUESTION: question(k, v); break;
    case SPEECH_EMERGENCY: emergency(k, v); break;
    case SPEECH_RESULTS: results(k, v); break;
    case SPEECH_TABLE: table(k, v); break;
    }
    put(k, v->focus_label);
}

/* Runs FILL twice: to measure, then to write into memory of that size. */
static char *compose(void (*fill)(struct sink *, const struct speech_view *),
                     const struct speech_view *v)
{
    struct sink k = {.out = NULL};
    fill(&k, v);
    if (k.failed)
        return NULL;
    size_t size = k.len + 1;
    char *out = malloc(size);
    if (out == NULL)
        return NULL;
    k = (struct sink){.out = out};
    fill(&k, v);
    if (k.failed || k.len + 1 != size) { /* a second composition failed */
        explicit_bzero(out, size);
        free(out);
        return NULL;
    }
    out[k.len] = '\0';
    return out;
}

char *speech_text_screen(const struct speech_view *v)
{
    return compose(screen, v);
}

static void focus_only(struct sink *k, const struct speech_view *v)
{
    put(k, v->focus_label);
}

/* Whether BEFORE and NOW show the same screen, question, box and language. */
static bool same_screen(const struct speech_view *before, const struct speech_view *now)
{
    if (before->screen != now->screen || before->survey != now->survey || before->box != now->box ||
        before->speech_on != now->speech_on)
        return false;
    if (now->box != 0 && now->box_text != NULL && before->box_text != NULL &&
        strcmp(now->box_text, before->box_text) != 0)
        return false;
    switch (now->screen) {
    case SPEECH_QUESTION: return before->flow == now->flow && before->question == now->question;
    case SPEECH_EMERGENCY:
    case SPEECH_RESULTS: return before->results == now->results;
    case SPEECH_QUIET:
    case SPEECH_WELCOME:
    case SPEECH_TABLE: return true;
    }
    return false;
}

int speech_text_now(const struct speech_view *before, const struct speech_view *now, char **out)
{
    *out = NULL;
    if (before != NULL && same_screen(before, now)) {
        if (before->focus == now->focus)
            return 0;
        if (now->focus_label == NULL)
            return 0;
        *out = compose(focus_only, now);
    } else {
        *out = speech_text_screen(now);
    }
    if (*out == NULL)
        return -1;
    if ((*out)[0] == '\0') {
        free(*out);
        *out = NULL;
    }
    return 0;
}
