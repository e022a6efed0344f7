/* Guard-page buffers; see guardbuf.h. */
#define _DEFAULT_SOURCE
#include "guardbuf.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static size_t page_size(void) {
  return (size_t)sysconf(_SC_PAGESIZE);
}

static void die(const char *what) {
  perror(what);
  abort();
}

gb_arena gb_arena_new(size_t cap) {
  const size_t page = page_size();
  gb_arena a = {0};
  a.cap = (cap + GB_SLACK + page - 1) / page * page;
  a.map_len = a.cap + 2 * page;
  void *m = mmap(NULL, a.map_len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) die("gb_arena_new: mmap");
  a.map = m;
  a.lo = a.map + page;
  if (mprotect(a.lo, a.cap, PROT_READ | PROT_WRITE) != 0) die("gb_arena_new: mprotect");
  memset(a.lo, GB_SENTINEL, a.cap);
  return a;
}

void gb_arena_free(gb_arena *a) {
  if (a->map) munmap(a->map, a->map_len);
  *a = (gb_arena){0};
}

/* The sentinel ranges around the placed buffer: [*b0, p) and [p + n, *e1). */
static void sentinel_bounds(const gb_arena *a, uint8_t **b0, uint8_t **e1) {
  const uint8_t *hi = a->lo + a->cap;
  *b0 = (size_t)(a->p - a->lo) > GB_SLACK ? a->p - GB_SLACK : a->lo;
  *e1 = (size_t)(hi - (a->p + a->n)) > GB_SLACK ? a->p + a->n + GB_SLACK : (uint8_t *)hi;
}

uint8_t *gb_place(gb_arena *a, size_t n, gb_side side, size_t misalign) {
  if (n + misalign + GB_SLACK > a->cap) {
    fprintf(stderr, "gb_place: %zu bytes do not fit an arena of %zu\n", n + misalign, a->cap);
    abort();
  }
  gb_readonly(a, 0);
  if (a->p) { /* restore the old sentinels, then lay out the new ones */
    uint8_t *b0, *e1;
    sentinel_bounds(a, &b0, &e1);
    memset(b0, GB_SENTINEL, (size_t)(a->p - b0));
    memset(a->p + a->n, GB_SENTINEL, (size_t)(e1 - (a->p + a->n)));
  }
  a->p = side == GB_END ? a->lo + a->cap - n : a->lo + misalign;
  a->n = n;
  uint8_t *b0, *e1;
  sentinel_bounds(a, &b0, &e1);
  memset(b0, GB_SENTINEL, (size_t)(a->p - b0));
  memset(a->p + a->n, GB_SENTINEL, (size_t)(e1 - (a->p + a->n)));
  return a->p;
}

void gb_readonly(gb_arena *a, int readonly) {
  if (!a->p || a->n == 0) return;
  const size_t page = page_size();
  const uintptr_t first = (uintptr_t)a->p / page * page;
  const uintptr_t end = ((uintptr_t)a->p + a->n + page - 1) / page * page;
  if (mprotect((void *)first, end - first, readonly ? PROT_READ : PROT_READ | PROT_WRITE) != 0)
    die("gb_readonly: mprotect");
}

int gb_check(const gb_arena *a) {
  if (!a->p) return 1; /* nothing placed yet */
  uint8_t *b0, *e1;
  sentinel_bounds(a, &b0, &e1);
  for (const uint8_t *q = b0; q < a->p; q++)
    if (*q != GB_SENTINEL) return 0;
  for (const uint8_t *q = a->p + a->n; q < e1; q++)
    if (*q != GB_SENTINEL) return 0;
  return 1;
}

static char g_case[512];

static void on_fault(int sig) {
  static const char head[] = "\nguard page hit (a read or write outside the buffer) in case: ";
  ssize_t r = write(2, head, sizeof head - 1);
  r = write(2, g_case, strlen(g_case));
  r = write(2, "\n", 1);
  (void)r;
  (void)sig;
  /* SA_RESETHAND restored the default action: returning re-runs the access, which kills us. */
}

void gb_describe(const char *fmt, ...) {
  static int installed;
  if (!installed) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fault;
    sa.sa_flags = (int)SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    installed = 1;
  }
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(g_case, sizeof g_case, fmt, ap);
  va_end(ap);
}
