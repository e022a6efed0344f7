/* strata info: what the library sees on this machine. The CPU model comes from /proc/cpuinfo
   and the caches from sysfs (/sys/devices/system/cpu/cpu0/cache), as the library reads them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: strata info\n"
    "\n"
    "Prints the strata version, the CPU model, the instruction sets compiled into the library\n"
    "and those this CPU runs, the one AUTO uses (STRATA_ISA overrides it), the default thread\n"
    "count (STRATA_NUM_THREADS overrides it) and the CPU caches.\n";

/* The first line of `file` starting with `key`, after the colon; empty if none. */
static void cpuinfo_field(const char *key, char *out, size_t len) {
  char line[512];
  out[0] = 0;
  FILE *f = fopen("/proc/cpuinfo", "r");
  if (!f) return;
  while (fgets(line, sizeof line, f))
    if (strncmp(line, key, strlen(key)) == 0) {
      const char *v = strchr(line, ':');
      if (v) snprintf(out, len, "%s", v + 1 + (v[1] == ' '));
      out[strcspn(out, "\n")] = 0;
      break;
    }
  fclose(f);
}

static int read_line(const char *path, char *out, size_t len) {
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  const int ok = fgets(out, (int)len, f) != NULL;
  fclose(f);
  out[strcspn(out, "\n")] = 0;
  return ok ? 0 : -1;
}

static void print_caches(void) {
  printf("caches:        ");
  int any = 0;
  for (int index = 0; index < 16; index++) {
    char path[96], level[16], type[32], size[32];
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/level", index);
    if (read_line(path, level, sizeof level)) break;
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/type", index);
    if (read_line(path, type, sizeof type)) continue;
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/size", index);
    if (read_line(path, size, sizeof size)) continue;
    const char *kind = strcmp(type, "Data") == 0          ? "d"
                       : strcmp(type, "Instruction") == 0 ? "i"
                                                          : "";
    printf("%sL%s%s %s", any ? ", " : "", level, kind, size);
    any = 1;
  }
  printf("%s\n", any ? "" : "unknown (no /sys/devices/system/cpu/cpu0/cache)");
}

int cli_info(int argc, char **argv) {
  if (argc > 1) {
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
      fputs(help, stdout);
      return CLI_EXIT_OK;
    }
    fprintf(stderr, "strata info: unexpected argument '%s'\n\n%s", argv[1], help);
    return CLI_EXIT_USAGE;
  }
  char cpu[256];
  cpuinfo_field("model name", cpu, sizeof cpu);
  if (!cpu[0]) cpuinfo_field("Model", cpu, sizeof cpu); /* Arm */
  printf("strata:        %s\n", strata_version());
  printf("cpu:           %s\n", cpu[0] ? cpu : "unknown");
  printf("isa compiled:  %s\n", STRATA_CLI_COMPILED_ISAS);
  printf("isa available:");
  for (int i = STRATA_ISA_GENERIC; i <= STRATA_ISA_NEON; i++)
    if (strata_isa_available((strata_isa)i)) printf(" %s", strata_isa_name((strata_isa)i));
  printf("\n");
  const strata_isa best = strata_best_isa();
  if (best == STRATA_ISA_AUTO)
    printf("isa auto:      none: STRATA_ISA=%s is unknown or cannot run here\n",
           getenv("STRATA_ISA") ? getenv("STRATA_ISA") : "");
  else
    printf("isa auto:      %s%s\n", strata_isa_name(best),
           getenv("STRATA_ISA") ? " (from STRATA_ISA)" : "");
  printf("threads:       %d (default)\n", strata_default_threads());
  printf("task layer:    %s\n", STRATA_CLI_OPENMP ? "OpenMP" : "not built (STRATA_OPENMP=OFF)");
  print_caches();
  return CLI_EXIT_OK;
}
