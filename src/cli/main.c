/* strata: the command-line tool. Dispatches to a subcommand; see `strata --help`. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "image_io.h"

static const char usage[] =
    "usage: strata <command> [options] [arguments]\n"
    "\n"
    "commands:\n"
    "  info       version, CPU, instruction sets, threads and caches strata sees\n"
    "  brighten   brighten/darken PNG, PGM and PPM images (--delta, --gain/--bias, --gamma)\n"
    "  bench      run the benchmark report (scripts/report.sh of a source checkout)\n"
    "\n"
    "`strata <command> --help` describes each command. `strata --version` prints the version.\n"
    "\n"
    "exit status: 0 done; 1 a file (or the benchmark) failed, the others were still done;\n"
    "             2 bad command line, nothing done.\n"
    "environment: STRATA_ISA=<isa> forces what --isa auto means; STRATA_NUM_THREADS=<n> sets\n"
    "             the default thread count.\n";

int cli_parse_layer(const char *name, strata_layer *out) {
  for (int l = STRATA_LAYER_AUTO; l <= STRATA_LAYER_TASK; l++)
    if (strcmp(name, strata_layer_name((strata_layer)l)) == 0) {
      *out = (strata_layer)l;
      return 0;
    }
  return -1;
}

int cli_parse_isa(const char *name, strata_isa *out) {
  for (int i = STRATA_ISA_AUTO; i <= STRATA_ISA_NEON; i++)
    if (strcmp(name, strata_isa_name((strata_isa)i)) == 0) {
      *out = (strata_isa)i;
      return 0;
    }
  return -1;
}

int main(int argc, char **argv) {
  const mode_t mask = umask(022); /* read once, before any thread starts */
  umask(mask);
  cli_image_set_umask(mask);
  if (argc < 2) {
    fputs(usage, stderr);
    return CLI_EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    fputs(usage, stdout);
    return CLI_EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("strata %s\n", strata_version());
    return CLI_EXIT_OK;
  }
  if (strcmp(cmd, "info") == 0) return cli_info(argc - 1, argv + 1);
  if (strcmp(cmd, "brighten") == 0) return cli_brighten(argc - 1, argv + 1);
  if (strcmp(cmd, "bench") == 0) return cli_bench(argc - 1, argv + 1);
  fprintf(stderr, "strata: unknown command '%s'\n\n%s", cmd, usage);
  return CLI_EXIT_USAGE;
}
