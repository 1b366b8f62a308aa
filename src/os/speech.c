/* SPDX-License-Identifier: MIT */
/* speech: libespeak-ng in its asynchronous modes (its own thread plays or
 * delivers the audio), or a log of what would be said, for tests. */
#include "musclecheck/speech.h"

#include <espeak-ng/espeak_ng.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct speech {
    enum speech_output output;
    speech_samples_fn *on_samples;
    void *arg;
    int log_fd;     /* SPEECH_LOG */
    char voice[32]; /* the voice set in espeak-ng; "" none yet */
    int rate;       /* samples per second */
    bool queued;    /* something was handed to espeak-ng since it last finished */
};

/* espeak-ng is one engine per process: the one struct speech, for its
 * callback. */
static struct speech *current;
/* Bumped by every stop: a piece of audio made for an earlier utterance is
 * dropped (and its synthesis aborted) rather than delivered. */
static atomic_uint generation;

int speech_voice_name(const char *lang, char *out, size_t size)
{
    size_t n = lang != NULL ? strlen(lang) : 0;
    if (n == 0 || n >= size || !isalpha((unsigned char)lang[0]))
        return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)lang[i];
        if (!isalpha(c) && c != '_' && c != '-')
            return -1;
        out[i] = c == '_' ? '-' : (char)tolower(c);
    }
    out[n] = '\0';
    return 0;
}

/* espeak-ng's thread: synthesised audio for the utterance EVENTS belong to. */
static int on_synth(short *wav, int count, espeak_EVENT *events)
{
    unsigned made_for = events != NULL ? (unsigned)(uintptr_t)events->user_data : 0;
    if (made_for != atomic_load(&generation))
        return 1; /* stopped since: abort */
    struct speech *sp = current;
    if (wav != NULL && count > 0 && sp != NULL && sp->on_samples != NULL)
        sp->on_samples(sp->arg, wav, (size_t)count);
    return 0;
}

static void status_message(espeak_ng_STATUS st, const char *what, char *why, size_t size)
{
    char msg[160];
    espeak_ng_GetStatusCodeMessage(st, msg, sizeof(msg));
    snprintf(why, size, "%s: %s", what, msg);
}

/* Says a short word at volume 0 with the sound device, synchronously, with
 * anything the sound libraries print kept off the terminal (a curses screen
 * may be on it) and put at the end of WHY instead. Returns the status. */
static espeak_ng_STATUS probe_device(char *why, size_t size)
{
    int saved = dup(STDERR_FILENO);
    int pipefd[2] = {-1, -1};
    if (saved >= 0 && pipe2(pipefd, O_CLOEXEC | O_NONBLOCK) == 0)
        dup2(pipefd[1], STDERR_FILENO);
    espeak_ng_STATUS st =
        espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS | ENOUTPUT_MODE_SPEAK_AUDIO, 0, NULL);
    if (st == ENS_OK)
        st = espeak_ng_SetVoiceByName(ESPEAKNG_DEFAULT_VOICE);
    if (st == ENS_OK)
        st = espeak_ng_SetParameter(espeakVOLUME, 0, 0);
    if (st == ENS_OK)
        st = espeak_ng_Synthesize("a", 2, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
    if (saved >= 0) {
        dup2(saved, STDERR_FILENO);
        close(saved);
    }
    if (pipefd[1] >= 0)
        close(pipefd[1]);
    char said[200] = "";
    ssize_t n = pipefd[0] >= 0 ? read(pipefd[0], said, sizeof(said) - 1) : -1;
    if (pipefd[0] >= 0)
        close(pipefd[0]);
    said[n > 0 ? n : 0] = '\0';
    for (char *p = said; *p != '\0'; p++)
        if (*p == '\n' || (unsigned char)*p < ' ')
            *p = ' ';
    if (st != ENS_OK) {
        status_message(st, "no sound device", why, size);
        if (said[0] != '\0') {
            size_t used = strlen(why);
            snprintf(why + used, size - used, " (%s)", said);
        }
    }
    return st;
}

/* espeak-ng is started once per process and never terminated: in 1.51 its
 * Terminate (and a Cancel while its thread is idle) can wait for ever for a
 * stop that thread never acknowledges. */
static enum { ESPEAK_OFF, ESPEAK_PLAY, ESPEAK_MEMORY } started;

static int start_espeak(struct speech *sp, char *why, size_t size)
{
    if (started != ESPEAK_OFF) {
        if (started != (sp->output == SPEECH_PLAY ? ESPEAK_PLAY : ESPEAK_MEMORY)) {
            snprintf(why, size, "espeak-ng was started for another output");
            return -1;
        }
        sp->rate = espeak_ng_GetSampleRate();
        return 0;
    }
    espeak_ng_InitializePath(NULL);
    espeak_ng_ERROR_CONTEXT ctx = NULL;
    espeak_ng_STATUS st = espeak_ng_Initialize(&ctx);
    espeak_ng_ClearErrorContext(&ctx);
    if (st != ENS_OK) {
        status_message(st, "cannot start espeak-ng", why, size);
        return st == ENOMEM ? -ENOMEM : -1;
    }
    if (sp->output == SPEECH_PLAY) {
        st = probe_device(why, size);
        if (st == ENS_OK)
            st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SPEAK_AUDIO, 0, NULL);
        if (st == ENS_OK)
            st = espeak_ng_SetParameter(espeakVOLUME, 100, 0);
    } else {
        /* Retrieval into the callback, synchronously: speech_say returns
         * once the text is synthesised (tests only). */
        st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
    }
    if (st != ENS_OK) {
        if (why[0] == '\0')
            status_message(st, "cannot start espeak-ng", why, size);
        return st == ENOMEM ? -ENOMEM : -1;
    }
    started = sp->output == SPEECH_PLAY ? ESPEAK_PLAY : ESPEAK_MEMORY;
    espeak_SetSynthCallback(on_synth);
    sp->rate = espeak_ng_GetSampleRate();
    return 0;
}

int speech_new(const struct speech_options *o, struct speech **out, char *why, size_t size)
{
    *out = NULL;
    if (size > 0)
        why[0] = '\0';
    if (current != NULL) {
        snprintf(why, size, "speech is already started");
        return -1;
    }
    struct speech *sp = calloc(1, sizeof(*sp));
    if (sp == NULL)
        return -ENOMEM;
    *sp = (struct speech){
        .output = o->output, .on_samples = o->on_samples, .arg = o->arg, .log_fd = -1};
    int r = 0;
    if (o->output == SPEECH_LOG) {
        sp->log_fd = open(o->log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (sp->log_fd < 0) {
            r = errno == ENOMEM ? -ENOMEM : -1;
            snprintf(why, size, "cannot open the speech log %s: %s", o->log_path, strerror(errno));
        }
    } else {
        r = start_espeak(sp, why, size);
    }
    if (r != 0) {
        free(sp);
        return r;
    }
    current = sp;
    *out = sp;
    return 0;
}

/* Appends one record to the log: "say<TAB>VOICE<TAB>TEXT" with each line
 * break as US (0x1F), or "stop". One write, so records never interleave. */
static int log_record(struct speech *sp, const char *voice, const char *text)
{
    size_t len = text != NULL ? strlen("say\t\t\n") + strlen(voice) + strlen(text) : 5;
    char *rec = malloc(len + 1);
    if (rec == NULL)
        return -1;
    if (text != NULL) {
        snprintf(rec, len + 1, "say\t%s\t%s\n", voice, text);
        for (char *p = rec + strlen(voice) + 5; p < rec + len - 1; p++)
            if (*p == '\n')
                *p = '\x1f';
    } else {
        memcpy(rec, "stop\n", 6);
    }
    ssize_t n = write(sp->log_fd, rec, len);
    explicit_bzero(rec, len);
    free(rec);
    return n == (ssize_t)len ? 0 : -1;
}

void speech_stop(struct speech *sp)
{
    if (sp == NULL)
        return;
    atomic_fetch_add(&generation, 1);
    if (sp->output == SPEECH_LOG)
        log_record(sp, NULL, NULL);
    else if (sp->output == SPEECH_PLAY && espeak_IsPlaying())
        /* espeak-ng 1.51's Cancel can wait for ever when its thread is
         * idle (the stop is never acknowledged): cancel only what runs. */
        espeak_ng_Cancel();
    sp->queued = false; /* nothing left to wait for */
}

/* Sets the voice for VOICE ("pt-br"), else its language alone ("pt"). */
static int set_voice(struct speech *sp, const char *voice)
{
    if (strcmp(sp->voice, voice) == 0)
        return 0;
    char base[sizeof(sp->voice)];
    snprintf(base, sizeof(base), "%.*s", (int)strcspn(voice, "-"), voice);
    if (espeak_ng_SetVoiceByName(voice) != ENS_OK && espeak_ng_SetVoiceByName(base) != ENS_OK) {
        sp->voice[0] = '\0';
        return -1;
    }
    snprintf(sp->voice, sizeof(sp->voice), "%s", voice);
    return 0;
}

int speech_say(struct speech *sp, const char *lang, const char *text)
{
    char voice[sizeof(sp->voice)];
    if (speech_voice_name(lang, voice, sizeof(voice)) != 0)
        return -1;
    speech_stop(sp);
    if (sp->output == SPEECH_LOG)
        return log_record(sp, voice, text);
    if (set_voice(sp, voice) != 0)
        return -1;
    unsigned made_for = atomic_load(&generation);
    espeak_ng_STATUS st = espeak_ng_Synthesize(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
                                               espeakCHARS_UTF8, NULL, (void *)(uintptr_t)made_for);
    sp->queued = st == ENS_OK;
    /* Stopped on the way (SPEECH_MEMORY: a stop from the callback) is fine. */
    return st == ENS_OK || st == ENS_SPEECH_STOPPED ? 0 : -1;
}

void speech_wait(struct speech *sp)
{
    /* espeak-ng 1.51's Synchronize never returns when nothing was queued. */
    if (sp != NULL && sp->output == SPEECH_PLAY && sp->queued)
        espeak_ng_Synchronize();
    if (sp != NULL)
        sp->queued = false;
}

int speech_sample_rate(const struct speech *sp)
{
    return sp != NULL ? sp->rate : 0;
}

void speech_free(struct speech *sp)
{
    if (sp == NULL)
        return;
    speech_stop(sp);
    if (sp->output == SPEECH_LOG)
        close(sp->log_fd);
    current = NULL;
    free(sp);
}
