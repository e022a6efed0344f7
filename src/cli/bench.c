/* strata bench: the benchmark report lives in the source tree (google-benchmark harness plus
   report generator), so this forwards its arguments to scripts/report.sh of the checkout strata
   was built from, or of $STRATA_SOURCE_DIR. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char help[] =
    "usage: strata bench [--quick] [--filter REGEX] [--out DIR]\n"
    "\n"
    "Runs the benchmark report: every kernel, layer and ISA this machine runs, against memcpy\n"
    "and the peer libraries, written to DIR (default ./report: report.md, bench.json, plots).\n"
    "The arguments go to scripts/report.sh in strata's source checkout: the one strata was built\n"
    "from, or $STRATA_SOURCE_DIR. --quick takes about a minute.\n";

int cli_bench(int argc, char **argv) {
  if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
    fputs(help, stdout);
    return CLI_EXIT_OK;
  }
  const char *dir = getenv("STRATA_SOURCE_DIR");
  if (!dir || !*dir) dir = STRATA_CLI_SOURCE_DIR;
  char script[4096];
  snprintf(script, sizeof script, "%s/scripts/report.sh", dir);
  if (access(script, R_OK) != 0) {
    fprintf(stderr,
            "strata bench: %s: %s\n"
            "The benchmarks run from strata's source checkout: set STRATA_SOURCE_DIR to it, or\n"
            "run `bash scripts/report.sh` there.\n",
            script, strerror(errno));
    return CLI_EXIT_FAILED;
  }
  char **args = calloc((size_t)argc + 2, sizeof *args);
  if (!args) return CLI_EXIT_FAILED;
  args[0] = "bash";
  args[1] = script;
  for (int i = 1; i < argc; i++) args[i + 1] = argv[i];
  execvp("bash", args);
  fprintf(stderr, "strata bench: cannot run bash: %s\n", strerror(errno));
  free(args);
  return CLI_EXIT_FAILED;
}
