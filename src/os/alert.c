/* SPDX-License-Identifier: MIT */
/* alert: the kiosk's alert command, run as a print job with no text. */
#include "musclecheck/alert.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct print_job *alert_start(const char *cmd, const char *level, const char *kiosk,
                              long long now_ms)
{
    char level_env[64], kiosk_env[32 + ALERT_NAME_MAX];
    snprintf(level_env, sizeof(level_env), "MUSCLECHECK_ALERT_LEVEL=%s", level);
    snprintf(kiosk_env, sizeof(kiosk_env), "MUSCLECHECK_KIOSK_NAME=%s", kiosk);
    const char *const args[] = {level, kiosk, NULL};
    const char *const env[] = {level_env, kiosk_env, NULL};
    return print_job_run(cmd, args, env, "", 0, now_ms + ALERT_TIMEOUT_MS);
}

bool alert_name_valid(const char *name)
{
    size_t len = strlen(name);
    if (len == 0 || len > ALERT_NAME_MAX)
        return false;
    for (size_t i = 0; i < len; i++)
        if (name[i] < ' ' || name[i] > '~')
            return false;
    return true;
}

int alert_default_name(char *buf, size_t size)
{
    char host[256];
    if (gethostname(host, sizeof(host)) != 0)
        return -1;
    host[sizeof(host) - 1] = '\0';
    const char *tty = ttyname(STDIN_FILENO);
    if (tty != NULL && strncmp(tty, "/dev/", 5) == 0)
        tty += 5; /* "tty2", "pts/3" */
    if (tty != NULL)
        snprintf(buf, size, "%.*s:%s", ALERT_NAME_MAX / 2, host, tty);
    else
        snprintf(buf, size, "%.*s", ALERT_NAME_MAX, host);
    return 0;
}
