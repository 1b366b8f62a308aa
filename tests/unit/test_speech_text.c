/* SPDX-License-Identifier: MIT */
/* Tests for reading aloud: what the core says for each screen of a walk
 * (speech_text), and the engine (speech) really synthesising a walk's text
 * with libespeak-ng into memory, in English and Spanish, and stopping at
 * once. */
#include "support.h"

#include "musclecheck/diag.h"
#include "musclecheck/loader.h"
#include "musclecheck/report.h"
#include "musclecheck/speech.h"
#include "musclecheck/speech_text.h"
#include "musclecheck/wipe.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static struct survey *load(const char *lang)
{
    char rel[64];
    snprintf(rel, sizeof(rel), "questions/%s.yaml", lang);
    struct survey *s = NULL;
    struct diag_list *diags = diag_list_new(rel);
    assert_int_equal(survey_load_file(support_path(rel), &s, diags), LOAD_OK);
    diag_list_free(diags);
    return s;
}

/* Appends TEXT and a blank line to *ALL (grown with wipe_printf). */
static void append(char **all, const char *text)
{
    char *more = wipe_printf("%s%s\n\n", *all != NULL ? *all : "", text);
    assert_non_null(more);
    wipe_free(*all);
    *all = more;
}

/* Walks S answering "no" until the results, as a person with speech on
 * would hear it: the welcome, each question (its answer focused), the
 * results. Returns everything said, in order (the caller wipe_frees it). */
static char *walk(const struct survey *s, int *questions)
{
    struct flow *f = flow_new(s);
    assert_non_null(f);
    struct speech_view before = {.screen = SPEECH_QUIET}, now;
    char *all = NULL, *text = NULL;
    now = (struct speech_view){
        .screen = SPEECH_WELCOME, .survey = s, .focus = 0, .focus_label = survey_ui(s, UI_START)};
    assert_int_equal(speech_text_now(NULL, &now, &text), 0);
    assert_non_null(text);
    assert_non_null(strstr(text, survey_text(s, SURVEY_TITLE)));
    assert_non_null(strstr(text, survey_ui(s, UI_SPEECH_HINT))); /* how to turn it on */
    append(&all, text);
    wipe_free(text);
    before = now;
    *questions = 0;
    for (enum flow_step st = flow_begin(f); st == FLOW_QUESTION; st = flow_answer(f, ANSWER_NO)) {
        now = (struct speech_view){.screen = SPEECH_QUESTION,
                                   .survey = s,
                                   .flow = f,
                                   .question = flow_question(f),
                                   .focus = 0,
                                   .focus_label = survey_answer_label(s, ANSWER_YES)};
        assert_int_equal(speech_text_now(&before, &now, &text), 0);
        assert_non_null(text);
        const char *q = survey_question(s, flow_question(f))->text;
        assert_non_null(strstr(text, q));
        /* The focus alone moving says the new answer only. */
        struct speech_view moved = now;
        moved.focus = 1;
        moved.focus_label = survey_answer_label(s, ANSWER_NO);
        char *focus = NULL;
        assert_int_equal(speech_text_now(&now, &moved, &focus), 0);
        assert_string_equal(focus, survey_answer_label(s, ANSWER_NO));
        wipe_free(focus);
        /* Nothing new shown: nothing said. */
        assert_int_equal(speech_text_now(&moved, &moved, &focus), 0);
        assert_null(focus);
        append(&all, text);
        wipe_free(text);
        before = moved;
        (*questions)++;
    }
    assert_int_equal(flow_step(f), FLOW_RESULTS);
    struct report *r = report_new(flow_session(f));
    struct results_doc *d = results_doc_new(r, flow_session(f), false);
    assert_non_null(d);
    now = (struct speech_view){.screen = SPEECH_RESULTS, .survey = s, .results = d, .focus = 1};
    assert_int_equal(speech_text_now(&before, &now, &text), 0);
    assert_non_null(text);
    assert_true(
        strncmp(text, survey_ui(s, UI_RESULTS_TITLE), strlen(survey_ui(s, UI_RESULTS_TITLE))) == 0);
    assert_non_null(strstr(text, survey_ui(s, UI_NOT_A_DIAGNOSIS)));
    append(&all, text);
    wipe_free(text);
    results_doc_free(d);
    report_free(r);
    flow_free(f);
    return all;
}

static void a_walk_says_each_screen(void **state)
{
    (void)state;
    struct survey *s = load("en");
    int questions = 0;
    char *all = walk(s, &questions);
    assert_true(questions > 1);
    /* Segments are split by blank lines: the progress has one of its own. */
    assert_non_null(strstr(all, "\n\nQuestion 1 of "));
    wipe_free(all);
    survey_free(s);
}

static void the_help_box_says_why_the_question_is_asked(void **state)
{
    (void)state;
    struct survey *s = load("en");
    struct flow *f = flow_new(s);
    flow_begin(f);
    struct speech_view v = {.screen = SPEECH_QUESTION,
                            .survey = s,
                            .flow = f,
                            .question = flow_question(f),
                            .focus = -1,
                            .box = 1};
    char *text = speech_text_screen(&v);
    assert_non_null(text);
    const char *help = survey_question(s, flow_question(f))->help;
    assert_non_null(help);
    assert_non_null(strstr(text, help));
    assert_non_null(strstr(text, survey_ui(s, UI_HELP_KEYS)));
    wipe_free(text);
    flow_free(f);
    survey_free(s);
}

static void voices_come_from_the_language_code(void **state)
{
    (void)state;
    char v[16];
    assert_int_equal(speech_voice_name("pt_BR", v, sizeof(v)), 0);
    assert_string_equal(v, "pt-br");
    assert_int_equal(speech_voice_name("es", v, sizeof(v)), 0);
    assert_string_equal(v, "es");
    assert_int_equal(speech_voice_name("", v, sizeof(v)), -1);
    assert_int_equal(speech_voice_name("e s", v, sizeof(v)), -1);
    assert_int_equal(speech_voice_name("../x", v, sizeof(v)), -1);
}

struct heard {
    atomic_size_t samples;
    atomic_int loudest;
};

static void on_samples(void *arg, const short *samples, size_t count)
{
    struct heard *h = arg;
    int loudest = atomic_load(&h->loudest);
    for (size_t i = 0; i < count; i++)
        if (abs(samples[i]) > loudest)
            loudest = abs(samples[i]);
    atomic_store(&h->loudest, loudest);
    atomic_fetch_add(&h->samples, count);
}

/* The whole walk's text in LANG, synthesised into memory: real sound, and
 * about as long as the text needs. */
static void synthesise_walk(const char *lang)
{
    struct survey *s = load(lang);
    int questions = 0;
    char *all = walk(s, &questions);
    struct heard h = {0};
    struct speech *sp = NULL;
    char why[256];
    const struct speech_options o = {.output = SPEECH_MEMORY, .on_samples = on_samples, .arg = &h};
    int started_ = speech_new(&o, &sp, why, sizeof(why));
    if (started_ != 0)
        fail_msg("%s", why);
    int rate = speech_sample_rate(sp);
    assert_true(rate >= 8000);
    assert_int_equal(speech_say(sp, survey_text(s, SURVEY_LANGUAGE), all), 0);
    speech_wait(sp);
    size_t samples = atomic_load(&h.samples);
    /* At least a second per 40 characters (espeak-ng's default is about
     * 175 words a minute, some 15 characters a second). */
    assert_true(samples > strlen(all) / 40 * (size_t)rate);
    assert_true(atomic_load(&h.loudest) > 1000);
    speech_free(sp);
    wipe_free(all);
    survey_free(s);
}

static void english_walk_is_synthesised(void **state)
{
    (void)state;
    synthesise_walk("en");
}

static void spanish_walk_is_synthesised(void **state)
{
    (void)state;
    synthesise_walk("es");
}

/* A stop in the middle of a long text (here from the first piece of
 * audio, on the engine's side): nothing more is delivered after it. */
static struct speech *stopping;
static atomic_size_t heard_before_stop;

static void stop_at_first(void *arg, const short *samples, size_t count)
{
    on_samples(arg, samples, count);
    if (stopping != NULL) {
        atomic_store(&heard_before_stop, atomic_load(&((struct heard *)arg)->samples));
        speech_stop(stopping);
        stopping = NULL;
    }
}

static void stop_silences_at_once(void **state)
{
    (void)state;
    struct survey *s = load("en");
    int questions = 0;
    char *all = walk(s, &questions);
    struct heard h = {0};
    struct speech *sp = NULL;
    char why[256];
    const struct speech_options o = {
        .output = SPEECH_MEMORY, .on_samples = stop_at_first, .arg = &h};
    int started_ = speech_new(&o, &sp, why, sizeof(why));
    if (started_ != 0)
        fail_msg("%s", why);
    stopping = sp;
    assert_int_equal(speech_say(sp, "en", all), 0);
    speech_wait(sp);
    size_t at_stop = atomic_load(&heard_before_stop);
    assert_true(at_stop > 0);
    assert_int_equal(atomic_load(&h.samples), at_stop);
    /* And it speaks again after a stop, in another voice. */
    assert_int_equal(speech_say(sp, "es", "Hola."), 0);
    speech_wait(sp);
    assert_true(atomic_load(&h.samples) > at_stop);
    speech_free(sp);
    wipe_free(all);
    survey_free(s);
}

static void a_language_without_a_voice_says_nothing(void **state)
{
    (void)state;
    struct heard h = {0};
    struct speech *sp = NULL;
    char why[256];
    const struct speech_options o = {.output = SPEECH_MEMORY, .on_samples = on_samples, .arg = &h};
    int started_ = speech_new(&o, &sp, why, sizeof(why));
    if (started_ != 0)
        fail_msg("%s", why);
    assert_int_equal(speech_say(sp, "xx", "never in the wrong voice"), -1);
    speech_wait(sp);
    assert_int_equal(atomic_load(&h.samples), 0);
    speech_free(sp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_walk_says_each_screen),
        cmocka_unit_test(the_help_box_says_why_the_question_is_asked),
        cmocka_unit_test(voices_come_from_the_language_code),
        cmocka_unit_test(english_walk_is_synthesised),
        cmocka_unit_test(spanish_walk_is_synthesised),
        cmocka_unit_test(stop_silences_at_once),
        cmocka_unit_test(a_language_without_a_voice_says_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
