/* main: picks the mode from the command line and hands over to it. */
#include "musclecheck/cli.h"
#include "musclecheck/commands.h"
#include "musclecheck/kiosk_pin.h"
#include "musclecheck/tui.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#ifndef MC_VERSION
#define MC_VERSION "unknown"
#endif

/* Question files are UTF-8 whatever the user's locale says, and text
 * layout needs character widths: take the user's locale, but fall back to
 * C.UTF-8 when it is not a UTF-8 one. */
static void setup_locale(void)
{
    setlocale(LC_ALL, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
}

int main(int argc, char **argv)
{
    struct cli_options opts;
    setup_locale();
    if (!cli_parse(argc, argv, &opts, stderr))
        return EX_USAGE;
    switch (opts.mode) {
    case MODE_HELP: cli_usage(stdout); return 0;
    case MODE_VERSION: printf("musclecheck %s\n", MC_VERSION); return 0;
    case MODE_CHECK: return command_check(&opts);
    case MODE_LIST: return command_list(&opts);
    case MODE_BATCH: return command_batch(&opts);
    case MODE_INTERACTIVE: break;
    }
    struct survey *s;
    int status = commands_load(&opts, &s);
    if (status != 0)
        return status;
    char *pin = NULL;
    if (opts.kiosk) {
        char err[512];
        if (kiosk_pin_load(opts.staff_pin_file, &pin, err, sizeof(err)) < 0) {
            fprintf(stderr, "musclecheck: %s\n", err);
            survey_free(s);
            return EX_CONFIG;
        }
    }
    struct tui_options tui = {.high_contrast = opts.high_contrast,
                              .kiosk = opts.kiosk,
                              .idle_timeout = opts.idle_timeout,
                              .staff_pin = pin,
                              .print_command = opts.print_command};
    status = tui_run(s, &tui);
    kiosk_pin_free(pin);
    survey_free(s);
    return status;
}
