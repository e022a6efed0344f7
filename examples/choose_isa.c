/* Which instruction sets strata can use on this machine, which one AUTO picks, and how to
   choose one per call. The environment variable STRATA_ISA=<name> overrides AUTO for the whole
   process (try STRATA_ISA=sse2 ./choose_isa).
   Build: cc choose_isa.c $(pkg-config --cflags --libs strata) */
#include <stdio.h>

#include <strata/strata.h>

int main(void) {
  printf("strata %s\n", strata_version());
  printf("ISAs this build and CPU can run:");
  for (strata_isa isa = STRATA_ISA_GENERIC; isa <= STRATA_ISA_NEON; isa++)
    if (strata_isa_available(isa)) printf(" %s", strata_isa_name(isa));
  printf("\nAUTO uses: %s; default threads: %d\n", strata_isa_name(strata_best_isa()),
         strata_default_threads());

  /* Run the data layer once on every available ISA, and report what actually ran. */
  uint8_t buf[4096] = {0};
  int failures = 0;
  for (strata_isa isa = STRATA_ISA_GENERIC; isa <= STRATA_ISA_NEON; isa++) {
    const strata_exec exec = {STRATA_LAYER_DATA, isa, 0};
    const strata_status s = strata_brighten_u8_ex(buf, buf, sizeof buf, 1, &exec);
    if (s == STRATA_OK) {
      const strata_exec ran = strata_last_exec();
      printf("  %-8s ran: layer %s, isa %s\n", strata_isa_name(isa), strata_layer_name(ran.layer),
             strata_isa_name(ran.isa));
      failures += ran.isa != isa;
    } else {
      /* An ISA the CPU (or this build) lacks is an error, never a silent fallback. */
      printf("  %-8s %s\n", strata_isa_name(isa), strata_status_string(s));
      failures += s != STRATA_ERR_UNSUPPORTED || strata_isa_available(isa);
    }
  }
  return failures ? 1 : 0;
}
