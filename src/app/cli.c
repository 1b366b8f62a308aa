/* SPDX-License-Identifier: MIT */
/* cli: option parsing with getopt_long and the help text. */
#include "musclecheck/cli.h"

#include "musclecheck/alert.h"
#include "musclecheck/diag.h"
#include "musclecheck/lang.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_CHECK = 256,
    OPT_LIST,
    OPT_BATCH,
    OPT_ANSWERS,
    OPT_FORMAT,
    OPT_VERSION,
    OPT_HIGH_CONTRAST,
    OPT_KIOSK,
    OPT_IDLE_TIMEOUT,
    OPT_STAFF_PIN_FILE,
    OPT_PRINT_COMMAND,
    OPT_ALERT_COMMAND,
    OPT_KIOSK_NAME,
    OPT_LANG,
    OPT_PLAIN,
    OPT_SPEECH
};

static const struct option long_options[] = {
    {"questions", required_argument, NULL, 'q'},
    {"check", required_argument, NULL, OPT_CHECK},
    {"list", no_argument, NULL, OPT_LIST},
    {"batch", no_argument, NULL, OPT_BATCH},
    {"answers", required_argument, NULL, OPT_ANSWERS},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"high-contrast", no_argument, NULL, OPT_HIGH_CONTRAST},
    {"kiosk", no_argument, NULL, OPT_KIOSK},
    {"idle-timeout", required_argument, NULL, OPT_IDLE_TIMEOUT},
    {"staff-pin-file", required_argument, NULL, OPT_STAFF_PIN_FILE},
    {"print-command", required_argument, NULL, OPT_PRINT_COMMAND},
    {"alert-command", required_argument, NULL, OPT_ALERT_COMMAND},
    {"kiosk-name", required_argument, NULL, OPT_KIOSK_NAME},
    {"lang", required_argument, NULL, OPT_LANG},
    {"plain", no_argument, NULL, OPT_PLAIN},
    {"speech", no_argument, NULL, OPT_SPEECH},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0}};

void cli_usage(FILE *out)
{
    fputs("Usage: musclecheck [OPTION]...\n"
          "A self-check questionnaire for muscle weakness and soreness. It is not a\n"
          "diagnosis: only a blood test can show a deficiency.\n"
          "\n"
          "Common uses:\n"
          "  musclecheck                      answer the questions on this terminal\n"
          "  musclecheck --kiosk              run on a shared terminal, one patient\n"
          "                                   after another (see docs/kiosk.md)\n"
          "  musclecheck --check FILE         check an edited question file\n"
          "  musclecheck --batch --answers F  score a file of ID=yes|no|unsure lines\n"
          "  musclecheck --plain              one question per line (screen readers)\n"
          "\n"
          "Options:\n"
          "  -q, --questions FILE  use this question file instead of the bundled one\n"
          "      --lang CODE       the bundled questions in this language (en, es, pt_BR,\n"
          "                        ...: pt_BR.yaml, else pt.yaml);\n"
          "                        default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG\n"
          "      --check FILE      validate FILE; print a summary or its errors\n"
          "      --plain           line by line, for screen readers (also when TERM=dumb)\n"
          "      --high-contrast   bold, high-contrast colours and bigger buttons\n"
          "      --speech          read each screen aloud (espeak-ng); v turns it on\n"
          "                        or off, a repeats, x stops\n"
          "      --kiosk           never exit to a shell; wipe answers between patients\n"
          "      --idle-timeout S  kiosk: wipe after S seconds without a key (120)\n"
          "      --staff-pin-file F  kiosk: file with the staff exit PIN (Ctrl-X)\n"
          "      --print-command C   kiosk: \"Print\" pipes the summary to C\n"
          "      --alert-command C   kiosk: run C to tell the desk of an emergency or\n"
          "                          same-day result (see docs/kiosk.md)\n"
          "      --kiosk-name NAME   kiosk: the name alerts give (HOST:TTY)\n"
          "      --list            list the questions (ID<TAB>TEXT, or JSON)\n"
          "      --batch           score answers without a screen\n"
          "      --answers FILE    answers for --batch; - (the default) is stdin\n"
          "      --format FORMAT   text (default), json or fhir (for --list a FHIR\n"
          "                        Questionnaire, for --batch a QuestionnaireResponse);\n"
          "                        for --batch also summary (for a doctor)\n"
          "  -h, --help            show this help\n"
          "      --version         show the version\n"
          "\n"
          "Exit codes: 0 ok, 64 wrong usage, 65 bad question or answers file,\n"
          "66 file missing, unreadable or a folder, 69 no usable terminal, 71 system\n"
          "error, 74 output error, 78 bad staff PIN set-up; 128+N after signal N.\n",
          out);
}

static int set_mode(struct cli_options *opts, enum cli_mode mode, FILE *err)
{
    if (opts->mode != MODE_INTERACTIVE && opts->mode != mode) {
        fputs("musclecheck: --check, --list and --batch cannot be combined; pick one\n", err);
        return -1;
    }
    opts->mode = mode;
    return 0;
}

int cli_parse(int argc, char **argv, struct cli_options *opts, FILE *err)
{
    *opts = (struct cli_options){.mode = MODE_INTERACTIVE, .format = FORMAT_TEXT};
    bool format_given = false, questions_given = false;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":q:h", long_options, NULL)) != -1) {
        switch (c) {
        case 'q':
            opts->questions = optarg;
            questions_given = true;
            break;
        case OPT_CHECK:
            if (set_mode(opts, MODE_CHECK, err) != 0)
                return -1;
            opts->questions = optarg;
            break;
        case OPT_LIST:
            if (set_mode(opts, MODE_LIST, err) != 0)
                return -1;
            break;
        case OPT_BATCH:
            if (set_mode(opts, MODE_BATCH, err) != 0)
                return -1;
            break;
        case OPT_ANSWERS: opts->answers = optarg; break;
        case OPT_HIGH_CONTRAST: opts->high_contrast = true; break;
        case OPT_KIOSK: opts->kiosk = true; break;
        case OPT_STAFF_PIN_FILE: opts->staff_pin_file = optarg; break;
        case OPT_PRINT_COMMAND: opts->print_command = optarg; break;
        case OPT_ALERT_COMMAND:
            if (optarg[strspn(optarg, " \t")] == '\0') {
                fputs("musclecheck: --alert-command needs a command, such as \"logger -t desk\"\n",
                      err);
                return -1;
            }
            opts->alert_command = optarg;
            break;
        case OPT_KIOSK_NAME:
            if (!alert_name_valid(optarg)) {
                diag_print_line(err,
                                "musclecheck: --kiosk-name takes 1 to %d letters, digits, spaces "
                                "or punctuation (ASCII), not \"%s\"",
                                ALERT_NAME_MAX, optarg);
                return -1;
            }
            opts->kiosk_name = optarg;
            break;
        case OPT_PLAIN: opts->plain = true; break;
        case OPT_SPEECH: opts->speech = true; break;
        case OPT_LANG:
            if (!lang_valid_code(optarg)) {
                diag_print_line(
                    err, "musclecheck: \"%s\" is not a language code such as en, es or pt_BR",
                    optarg);
                return -1;
            }
            opts->lang = optarg;
            break;
        case OPT_IDLE_TIMEOUT: {
            char *end = NULL;
            long seconds = strtol(optarg, &end, 10);
            if (end == optarg || *end != '\0' || seconds < 5 || seconds > 86400) {
                diag_print_line(err,
                                "musclecheck: --idle-timeout takes whole seconds from 5 to 86400, "
                                "not \"%s\"",
                                optarg);
                return -1;
            }
            opts->idle_timeout = (int)seconds;
            break;
        }
        case OPT_FORMAT:
            if (strcmp(optarg, "text") == 0) {
                opts->format = FORMAT_TEXT;
            } else if (strcmp(optarg, "json") == 0) {
                opts->format = FORMAT_JSON;
            } else if (strcmp(optarg, "summary") == 0) {
                opts->format = FORMAT_SUMMARY;
            } else if (strcmp(optarg, "fhir") == 0) {
                opts->format = FORMAT_FHIR;
            } else {
                diag_print_line(err,
                                "musclecheck: unknown format \"%s\"; use text, json, fhir, or for "
                                "--batch also summary",
                                optarg);
                return -1;
            }
            format_given = true;
            break;
        case 'h': opts->mode = MODE_HELP; return 0;
        case OPT_VERSION: opts->mode = MODE_VERSION; return 0;
        case ':':
            diag_print_line(err, "musclecheck: %s needs a value; try --help", argv[optind - 1]);
            return -1;
        default:
            diag_print_line(err, "musclecheck: unknown option %s; try --help", argv[optind - 1]);
            return -1;
        }
    }
    if (optind < argc) {
        diag_print_line(err, "musclecheck: unexpected argument \"%s\"; try --help", argv[optind]);
        return -1;
    }
    if (opts->lang != NULL && (questions_given || opts->mode == MODE_CHECK)) {
        fputs("musclecheck: --lang picks a bundled file; it does not go with --questions or "
              "--check\n",
              err);
        return -1;
    }
    if (opts->mode == MODE_CHECK && questions_given) {
        fputs("musclecheck: --check takes the file itself; drop --questions\n", err);
        return -1;
    }
    if (opts->answers != NULL && opts->mode != MODE_BATCH) {
        fputs("musclecheck: --answers only goes with --batch\n", err);
        return -1;
    }
    if (opts->mode == MODE_LIST && opts->format == FORMAT_SUMMARY) {
        fputs("musclecheck: --list takes --format text, json or fhir\n", err);
        return -1;
    }
    if (format_given && opts->mode != MODE_LIST && opts->mode != MODE_BATCH) {
        fputs("musclecheck: --format only goes with --list or --batch\n", err);
        return -1;
    }
    if ((opts->idle_timeout != 0 || opts->staff_pin_file != NULL || opts->print_command != NULL ||
         opts->alert_command != NULL || opts->kiosk_name != NULL) &&
        !opts->kiosk) {
        fputs("musclecheck: --idle-timeout, --staff-pin-file, --print-command, --alert-command "
              "and --kiosk-name only go with --kiosk\n",
              err);
        return -1;
    }
    if (opts->plain && (opts->kiosk || opts->mode != MODE_INTERACTIVE)) {
        fputs("musclecheck: --plain is a way to answer the questions; it does not go with "
              "--kiosk, --check, --list or --batch\n",
              err);
        return -1;
    }
    if (opts->speech && (opts->plain || opts->mode != MODE_INTERACTIVE)) {
        fputs("musclecheck: --speech reads the screens aloud; it does not go with --plain, "
              "--check, --list or --batch\n",
              err);
        return -1;
    }
    if (opts->kiosk && opts->mode != MODE_INTERACTIVE) {
        fputs("musclecheck: --kiosk cannot be combined with --check, --list or --batch\n", err);
        return -1;
    }
    if (opts->mode == MODE_BATCH && opts->answers == NULL)
        opts->answers = "-";
    return 0;
}
