/* SPDX-License-Identifier: MIT */
/* print_job: a print command driven by the caller's loop (see print_job.h).
 * The command is started with posix_spawn in a new session, so its process
 * group id is its pid; the group is signalled as a whole. The leader's end
 * is noticed with waitid(WNOWAIT) before it is reaped, so that the group can
 * still be killed while its id cannot have been reused. */
#include "musclecheck/print_job.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

enum ending {
    ENDING_NONE,    /* running normally */
    ENDING_TIMEOUT, /* past the deadline: being killed */
    ENDING_CANCEL,  /* cancelled: being killed */
};

struct print_job {
    pid_t pid;                /* the shell, leader of its own process group */
    int fd;                   /* write end of its input pipe, -1 once closed */
    char *text;               /* copy of the text, wiped once written */
    size_t len;               /* its length */
    size_t off;               /* bytes written so far */
    bool write_failed;        /* the command stopped reading early */
    long long deadline;       /* when the job is timed out */
    enum ending ending;       /* why it is being killed, if it is */
    long long kill_at;        /* when SIGKILL follows SIGTERM */
    bool killed;              /* SIGKILL was sent */
    bool reaped;              /* the shell has been waited for */
    enum print_status status; /* the outcome, once known */
};

/* Sends SIG to the job's whole process group, or to the shell alone if it
 * has not yet made its group (just after the spawn). */
static void signal_group(const struct print_job *job, int sig)
{
    if (kill(-job->pid, sig) != 0 && errno == ESRCH)
        kill(job->pid, sig);
}

/* Closes the pipe and wipes the text: nothing more will be written. */
static void stop_writing(struct print_job *job)
{
    if (job->fd >= 0) {
        close(job->fd);
        job->fd = -1;
    }
    if (job->text != NULL)
        explicit_bzero(job->text, job->len);
}

/* The environment for the command: ENV ("NAME=value", NULL-terminated)
 * first, then the program's own without the names ENV sets. NULL when out
 * of memory; the array is the caller's to free, its strings are not. */
static char **environment(const char *const *env)
{
    size_t n = 0, extra = 0;
    while (environ[n] != NULL)
        n++;
    while (env != NULL && env[extra] != NULL)
        extra++;
    char **out = calloc(n + extra + 1, sizeof(*out));
    if (out == NULL)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < extra; i++)
        out[k++] = (char *)env[i];
    for (size_t i = 0; i < n; i++) {
        bool set = false;
        for (size_t j = 0; j < extra && !set; j++) {
            size_t name = strcspn(env[j], "=");
            set = strncmp(environ[i], env[j], name + 1) == 0;
        }
        if (!set)
            out[k++] = environ[i];
    }
    return out;
}

static int spawn(struct print_job *job, const char *cmd, const char *const *args,
                 const char *const *env, int in)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    if (posix_spawn_file_actions_init(&fa) != 0)
        return -1;
    if (posix_spawnattr_init(&attr) != 0) {
        posix_spawn_file_actions_destroy(&fa);
        return -1;
    }
    /* The kiosk ignores or catches these; the command gets the defaults. */
    sigset_t defaults, none;
    sigemptyset(&defaults);
    int sigs[] = {SIGINT, SIGQUIT, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGTERM, SIGHUP, SIGCHLD};
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        sigaddset(&defaults, sigs[i]);
    sigemptyset(&none);
    int err = posix_spawn_file_actions_adddup2(&fa, in, STDIN_FILENO);
    if (err == 0)
        err = posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    if (err == 0)
        err = posix_spawn_file_actions_adddup2(&fa, STDOUT_FILENO, STDERR_FILENO);
    /* A session of its own: off the kiosk's terminal (it can neither read
     * keys nor draw), and a process group to end as a whole. */
    if (err == 0)
        err = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF |
                                                  POSIX_SPAWN_SETSIGMASK);
    if (err == 0)
        err = posix_spawnattr_setsigdefault(&attr, &defaults);
    if (err == 0)
        err = posix_spawnattr_setsigmask(&attr, &none);
    /* "sh -c CMD sh ARGS...": the command sees ARGS as $1, $2, ... */
    enum { MAX_ARGS = 8 };
    char *argv[4 + MAX_ARGS + 1] = {"sh", "-c", (char *)cmd, "sh"};
    size_t argc = 4;
    for (size_t i = 0; args != NULL && args[i] != NULL && i < MAX_ARGS; i++)
        argv[argc++] = (char *)args[i];
    argv[argc] = NULL;
    char **envp = env != NULL ? environment(env) : environ;
    if (err == 0 && envp == NULL)
        err = ENOMEM;
    if (err == 0)
        err = posix_spawn(&job->pid, "/bin/sh", &fa, &attr, argv, envp);
    if (envp != environ)
        free(envp);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    if (err != 0) {
        errno = err;
        return -1;
    }
    return 0;
}

struct print_job *print_job_start(const char *cmd, const char *text, size_t len,
                                  long long deadline_ms)
{
    return print_job_run(cmd, NULL, NULL, text, len, deadline_ms);
}

struct print_job *print_job_run(const char *cmd, const char *const *args, const char *const *env,
                                const char *text, size_t len, long long deadline_ms)
{
    struct print_job *job = calloc(1, sizeof(*job));
    if (job == NULL)
        return NULL;
    job->fd = -1;
    job->len = len;
    job->deadline = deadline_ms;
    job->status = PRINT_RUNNING;
    job->text = malloc(len > 0 ? len : 1);
    int fds[2] = {-1, -1};
    if (job->text == NULL || pipe2(fds, O_CLOEXEC) != 0)
        goto err;
    memcpy(job->text, text, len);
    if (fcntl(fds[1], F_SETFL, O_NONBLOCK) != 0 || spawn(job, cmd, args, env, fds[0]) != 0)
        goto err;
    close(fds[0]);
    job->fd = fds[1];
    return job;
err:;
    int saved = errno;
    if (fds[0] >= 0)
        close(fds[0]);
    if (fds[1] >= 0)
        close(fds[1]);
    if (job->text != NULL)
        explicit_bzero(job->text, len);
    free(job->text);
    free(job);
    errno = saved;
    return NULL;
}

/* Writes what the pipe takes now. */
static void write_some(struct print_job *job)
{
    if (job->fd < 0)
        return;
    /* A command that stops reading must fail the job, not end the program. */
    struct sigaction ignore = {.sa_handler = SIG_IGN}, old;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &old);
    while (job->off < job->len) {
        ssize_t n = write(job->fd, job->text + job->off, job->len - job->off);
        if (n > 0)
            job->off += (size_t)n;
        else if (n < 0 && errno == EINTR)
            continue;
        else {
            if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
                job->write_failed = true;
            break;
        }
    }
    sigaction(SIGPIPE, &old, NULL);
    if (job->off == job->len || job->write_failed)
        stop_writing(job); /* the end of input tells the command the text is complete */
}

/* Starts ending the job for reason WHY. */
static void start_ending(struct print_job *job, enum ending why, long long now_ms)
{
    job->ending = why;
    job->kill_at = now_ms + PRINT_JOB_GRACE_MS;
    stop_writing(job);
    signal_group(job, SIGTERM);
}

/* Whether the shell has exited; it is not reaped yet, so its process group
 * id stays reserved. */
static bool leader_exited(const struct print_job *job)
{
    siginfo_t info;
    memset(&info, 0, sizeof(info));
    return waitid(P_PID, (id_t)job->pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
           info.si_pid == job->pid;
}

/* Reaps the shell; returns its wait status. */
static int reap(struct print_job *job)
{
    int status = 0;
    while (waitpid(job->pid, &status, 0) < 0 && errno == EINTR)
        ;
    job->reaped = true;
    return status;
}

enum print_status print_job_poll(struct print_job *job, long long now_ms)
{
    if (job->status != PRINT_RUNNING)
        return job->status;
    if (job->ending == ENDING_NONE)
        write_some(job);
    if (job->ending == ENDING_NONE && now_ms >= job->deadline)
        start_ending(job, ENDING_TIMEOUT, now_ms);
    if (job->ending != ENDING_NONE && !job->killed && now_ms >= job->kill_at) {
        signal_group(job, SIGKILL);
        job->killed = true;
    }
    if (!leader_exited(job))
        return PRINT_RUNNING;
    if (job->ending != ENDING_NONE) {
        /* What the shell left behind (a pipeline, a background job) goes too. */
        signal_group(job, SIGKILL);
        reap(job);
        stop_writing(job);
        job->status = job->ending == ENDING_TIMEOUT ? PRINT_TIMED_OUT : PRINT_CANCELLED;
        return job->status;
    }
    /* The shell is done: nothing it started may outlive the print either
     * (the group id stays reserved until the leader is reaped). */
    signal_group(job, SIGKILL);
    int status = reap(job);
    bool complete = job->off == job->len && !job->write_failed;
    stop_writing(job);
    job->status =
        complete && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? PRINT_DONE_OK : PRINT_FAILED;
    return job->status;
}

void print_job_cancel(struct print_job *job, long long now_ms)
{
    if (job->status == PRINT_RUNNING && job->ending == ENDING_NONE)
        start_ending(job, ENDING_CANCEL, now_ms);
}

int print_job_fd(const struct print_job *job)
{
    return job->status == PRINT_RUNNING ? job->fd : -1;
}

int print_job_wait_ms(const struct print_job *job, long long now_ms, int max_ms)
{
    if (job->status != PRINT_RUNNING)
        return max_ms;
    long long next = job->ending == ENDING_NONE ? job->deadline : job->kill_at;
    if (job->killed)
        next = now_ms + 10; /* only the reaping is left */
    long long left = next - now_ms;
    if (left < 0)
        left = 0;
    return left < max_ms ? (int)left : max_ms;
}

void print_job_free(struct print_job *job)
{
    if (job == NULL)
        return;
    if (!job->reaped) {
        signal_group(job, SIGKILL);
        reap(job);
    }
    stop_writing(job);
    free(job->text);
    explicit_bzero(job, sizeof(*job));
    free(job);
}
