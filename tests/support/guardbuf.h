/* Guard-page buffers: memory laid out so that the byte just past a buffer, or the byte just
   before it, lies on a PROT_NONE page. A kernel that reads or writes one byte outside what it was
   given then faults at once, even when the stray access would stay inside an ordinary page (a
   sentinel byte only catches writes; a guard page catches reads too).

   A gb_arena is one mapping: [PROT_NONE page][cap bytes, rounded up to pages][PROT_NONE page].
   gb_place puts n bytes in it against the front guard (GB_START) or the back guard (GB_END).
   Bytes of the arena around the placed buffer that are not guard pages are filled with
   GB_SENTINEL, and gb_check fails the test when a kernel wrote one of them.
   While a buffer is an input it can be made read-only (gb_readonly), so a write to it faults.
   A fault prints the case last given to gb_describe and aborts the test binary. */
#ifndef STRATA_GUARDBUF_H
#define STRATA_GUARDBUF_H

#include <stddef.h>
#include <stdint.h>

#define GB_SENTINEL 0x5A
/* Bytes after a GB_START buffer (and before a misaligned one) that gb_check looks at. */
#define GB_SLACK 128

typedef enum gb_side {
  GB_END,  /* the buffer's last byte is the last byte before the back guard page */
  GB_START /* the buffer starts `misalign` bytes after the front guard page */
} gb_side;

typedef struct gb_arena {
  uint8_t *map; /* the whole mapping, guards included */
  size_t map_len;
  uint8_t *lo; /* first accessible byte (just after the front guard) */
  size_t cap;  /* accessible bytes */
  uint8_t *p;  /* the placed buffer */
  size_t n;    /* its length */
} gb_arena;

/* Maps an arena that can hold buffers of up to `cap` bytes plus GB_SLACK. */
gb_arena gb_arena_new(size_t cap);
void gb_arena_free(gb_arena *a);

/* Places an n-byte buffer against the given guard and returns it (also kept in a->p). With
   GB_START the buffer starts `misalign` bytes after the guard (0: right after it); with GB_END
   it always ends right at the guard (its alignment is then -n mod the page size). The sentinel
   bytes around it are reset; the buffer's own bytes are left as they are. */
uint8_t *gb_place(gb_arena *a, size_t n, gb_side side, size_t misalign);
/* Makes the placed buffer's pages read-only (non-zero) or read-write again (zero). */
void gb_readonly(gb_arena *a, int readonly);
/* Non-zero when every sentinel byte around the placed buffer is intact. */
int gb_check(const gb_arena *a);

/* Remembers a description of the case being run; a fault on a guard page prints it. The first
   call installs the SIGSEGV/SIGBUS handler. */
void gb_describe(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
