/* SPDX-License-Identifier: MIT */
/* speech: reads utterances (speech_text.h) aloud through libespeak-ng,
 * beside the main loop, as printing runs beside it: speech_say hands the
 * text to espeak-ng's own thread and returns at once; speech_stop silences
 * it at once (espeak_ng_Cancel), and nothing said before it is heard or
 * delivered after it returns.
 *
 * espeak-ng is one engine per process: at most one struct speech exists at
 * a time, and espeak-ng, once started, stays started for one output (its
 * 1.51 Terminate can hang). The engine copies the text it is given; the caller keeps (and
 * wipes) its own. */
#ifndef MUSCLECHECK_SPEECH_H
#define MUSCLECHECK_SPEECH_H

#include <stdbool.h>
#include <stddef.h>

struct speech;

/* Receives synthesised samples (16-bit mono at speech_sample_rate), on
 * espeak-ng's thread (SPEECH_MEMORY). */
typedef void speech_samples_fn(void *arg, const short *samples, size_t count);

enum speech_output {
    SPEECH_PLAY,   /* the sound device; a probe at start finds whether there is one */
    SPEECH_MEMORY, /* into ON_SAMPLES, synchronously: speech_say returns when done (tests) */
    SPEECH_LOG,    /* nothing synthesised: each "say" and "stop" appended to LOG_PATH (tests) */
};

struct speech_options {
    enum speech_output output;
    speech_samples_fn *on_samples; /* SPEECH_MEMORY */
    void *arg;                     /* handed to ON_SAMPLES */
    const char *log_path;          /* SPEECH_LOG: borrowed for the call */
};

/* Starts the engine in *OUT. Returns 0; -ENOMEM when out of memory; -1 when
 * there is no speech here (no sound device, no voice data), with WHY (SIZE
 * bytes) saying so in one line. Free with speech_free. */
int speech_new(const struct speech_options *o, struct speech **out, char *why, size_t size);

/* Stops what is being said and starts saying TEXT (UTF-8) in the voice of
 * the question file language LANG ("en", "es", "pt_BR"); never waits for the
 * speech. Returns 0, or -1 when there is no voice for LANG (nothing is said:
 * never the wrong language) or the engine refused the text. */
int speech_say(struct speech *sp, const char *lang, const char *text);

/* Silences SP at once: nothing said before is heard (or delivered) after. */
void speech_stop(struct speech *sp);

/* Waits until everything said so far has been synthesised (SPEECH_MEMORY:
 * for tests; a front end never waits). */
void speech_wait(struct speech *sp);

/* The sample rate of what SPEECH_MEMORY delivers (Hz), once started. */
int speech_sample_rate(const struct speech *sp);

/* Stops SP and frees it; speech_free(NULL) does nothing. */
void speech_free(struct speech *sp);

/* The espeak-ng voice name for the question file language LANG ("pt_BR"
 * -> "pt-br"), written to OUT (SIZE bytes). Returns 0, or -1 when LANG is no
 * language code or does not fit. */
int speech_voice_name(const char *lang, char *out, size_t size);

#endif
