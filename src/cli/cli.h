/* The strata command-line tool: one function per subcommand, each taking the arguments after
   the subcommand's name (argv[0] is the subcommand) and returning the exit status. */
#ifndef STRATA_CLI_H
#define STRATA_CLI_H

#include <strata/strata.h>

/* Exit statuses of every subcommand (documented in docs/cli.md and `strata --help`). */
enum {
  CLI_EXIT_OK = 0,     /* everything done */
  CLI_EXIT_FAILED = 1, /* at least one file (or the benchmark) failed; the others were done */
  CLI_EXIT_USAGE = 2   /* bad command line: nothing was done */
};

int cli_info(int argc, char **argv);
int cli_brighten(int argc, char **argv);
int cli_bench(int argc, char **argv);

/* Parse a layer or ISA name as strata_layer_name / strata_isa_name print it; 0 on success. */
int cli_parse_layer(const char *name, strata_layer *out);
int cli_parse_isa(const char *name, strata_isa *out);

#endif
