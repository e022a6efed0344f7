/* Differential fuzzer over one family of the kernel table (FUZZ_FAMILY, set by the build:
   "image", "arith", "mpn"). The input picks the kernel, the sizes, the image geometry, the
   buffer offsets, in place or not, the raw parameter bits, and the input data; the target runs
   the kernel on every layer it implements and every ISA this CPU runs (TASK with 1, 2 and 3
   threads, AUTO), and aborts when any result differs from the scalar layer's (the row's `same`
   decides for float reductions), when a valid call fails, or when a buffer was touched outside
   its span (each buffer ends exactly where its heap block ends, so AddressSanitizer reports a
   one-byte over-read or over-write).

   Input layout (little endian; shorter inputs are padded with zeros):
     [0]      kernel index (mod the family's kernel count)
     [1..2]   n; [3] bit 7: n *= 16 (up to ~1 MiB, where AUTO goes parallel); bit 0: in place
     [4] [5]  output and input offsets from a 64-byte boundary (mod 64); the result (carry,
              reduction out) sits (out ^ in) mod 8 bytes past an 8-byte boundary
     [6..9]   image geometry: rows (mod 17), output pad, input pad, channels
     [10..41] kt_args.bits[0..3] (the row's `valid` maps them into range)
     [42..]   input data, repeated to fill every input */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel_table.h"

#ifndef FUZZ_FAMILY
#error "the build defines FUZZ_FAMILY"
#endif

#define HEADER 42

static uint8_t at(const uint8_t *d, size_t size, size_t i) {
  return i < size ? d[i] : 0;
}

/* A heap block of exactly off + bytes, so that the buffer's end is the block's end. */
static uint8_t *block(size_t off, size_t bytes, uint8_t **base) {
  *base = malloc(off + bytes + (off + bytes == 0));
  if (!*base) abort();
  return *base + off;
}

static void fill(uint8_t *p, size_t n, const uint8_t *data, size_t size, uint8_t salt) {
  const uint8_t *src = size > HEADER ? data + HEADER : NULL;
  const size_t len = size > HEADER ? size - HEADER : 0;
  for (size_t i = 0; i < n; i++)
    p[i] = len ? (uint8_t)(src[i % len] + (i / len) * 151 + salt) : (uint8_t)(i * 31 + salt);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const kt_kernel *const *ks;
  static size_t nk, nisa;
  static strata_isa isas[8];
  if (!ks) {
    nk = kt_kernels(FUZZ_FAMILY, &ks);
    nisa = kt_isas(isas);
    if (nk == 0) abort();
  }
  const kt_kernel *k = ks[at(data, size, 0) % nk];
  kt_args a = {0};
  a.n = (size_t)at(data, size, 1) | (size_t)at(data, size, 2) << 8;
  if (at(data, size, 3) & 0x80) a.n *= 16;
  const int want_in_place = at(data, size, 3) & 1;
  const size_t out_off = at(data, size, 4) % 64, in_off = at(data, size, 5) % 64;
  a.rows = at(data, size, 6) % 17;
  a.pad[0] = at(data, size, 7);
  a.pad[1] = at(data, size, 8);
  a.channels = at(data, size, 9);
  for (int b = 0; b < 4; b++)
    for (int j = 0; j < 8; j++) a.bits[b] |= (uint64_t)at(data, size, 10 + 8 * b + j) << 8 * j;
  if (a.n < k->min_n) a.n = k->min_n;
  k->valid(&a);

  kt_spans sp = {0};
  k->spans(&a, &sp);
  const size_t out_bytes = sp.out, rb = sp.result, *in_bytes = sp.in;
  const int in_place = want_in_place && (k->alias_ok & 1) && in_bytes[0] == out_bytes;
  uint8_t *in_base[KT_MAX_IN] = {0}, *in[KT_MAX_IN] = {0};
  for (unsigned i = 0; i < k->inputs; i++) {
    in[i] = block(in_off, in_bytes[i], &in_base[i]);
    fill(in[i], in_bytes[i], data, size, (uint8_t)(17 * i));
    if (k->shape) k->shape(in[i], in_bytes[i], i);
  }
  uint8_t *init = malloc(out_bytes + rb + 1), *want_base, *want_res_base = NULL, *out_base;
  uint8_t *res_base = NULL;
  if (!init) abort();
  if (in_place)
    memcpy(init, in[0], out_bytes);
  else
    fill(init, out_bytes, data, size, 99);
  if (!in_place && k->shape) k->shape(init, out_bytes, KT_MAX_IN);
  fill(init + out_bytes, rb, data, size, 7);

  /* The reference; in place it runs in place too. */
  kt_bufs want = {block(0, out_bytes, &want_base),
                  rb ? block(0, rb, &want_res_base) : NULL,
                  {in[0], in[1], in[2]}};
  memcpy(want.out, init, out_bytes);
  if (rb) memcpy(want.result, init + out_bytes, rb);
  if (in_place) want.in[0] = want.out;
  if (k->call(&want, &a, &kt_scalar) != STRATA_OK) {
    fprintf(stderr, "%s scalar n=%zu: a valid call failed\n", k->name, a.n);
    abort();
  }
  kt_bufs got = {block(out_off, out_bytes, &out_base),
                 rb ? block((out_off ^ in_off) & 7, rb, &res_base) : NULL, /* misaligned too */
                 {in[0], in[1], in[2]}};
  if (in_place) got.in[0] = got.out;
  strata_exec execs[KT_MAX_EXECS];
  const size_t nexec = kt_execs(k->layers, isas, nisa, execs);
  for (size_t x = 0; x < nexec; x++) {
    memcpy(got.out, init, out_bytes);
    if (rb) memcpy(got.result, init + out_bytes, rb);
    const strata_status s = k->call(&got, &a, &execs[x]);
    if (s != STRATA_OK || !kt_same(k, &got, &want, &a, &sp)) {
      fprintf(stderr, "%s %s n=%zu rows=%zu in_place=%d offsets=%zu/%zu: %s\n", k->name,
              kt_exec_name(&execs[x]), a.n, a.rows, in_place, out_off, in_off,
              s == STRATA_OK ? "differs from the scalar layer" : strata_status_string(s));
      abort();
    }
  }
  for (unsigned i = 0; i < k->inputs; i++) free(in_base[i]);
  free(init);
  free(want_base);
  free(out_base);
  free(want_res_base);
  free(res_base);
  return 0;
}
