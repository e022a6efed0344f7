/* strata/image.h: point operations on 8-bit pixels (brightness, gain/bias, lookup tables), on
   byte streams and on strided interleaved images. See API.md section 3 and docs/brightness.md.

   Rules shared by every function here (API.md section 2):
   - Nothing needs to be aligned; any size, including 0, is valid.
   - dst may be exactly src (in place: the same pointer and, for images, the same stride); any
     other overlap of the bytes dst spans with the bytes src spans, or with a parameter array
     (delta, gain, bias, lut), is STRATA_ERR_OVERLAP.
   - A NULL dst or src with no bytes to process is fine; with bytes to process it is
     STRATA_ERR_NULL. Parameter arrays are always required (STRATA_ERR_NULL when NULL).
   - A call that returns an error has written nothing. No byte outside the ones described is
     ever read or written (for images: the bytes between width*channels and the stride, the
     padding, are never touched).
   - Results are bit-identical across every layer and ISA.
   - Images are `height` rows of `width` pixels of `channels` interleaved bytes (1 to 4: gray,
     gray+alpha, RGB, RGBA ...); a row starts `stride` bytes after the previous one and needs
     stride >= width * channels (else STRATA_ERR_SIZE, whatever the height); the byte span
     (height - 1) * stride + width * channels must fit size_t and PTRDIFF_MAX (else
     STRATA_ERR_SIZE).
   - The `_ex` form takes a strata_exec (NULL: defaults), which may fail with STRATA_ERR_ARG or
     STRATA_ERR_UNSUPPORTED (exec.h). Layers: brighten runs on SCALAR, BIT, DATA and TASK;
     gain/bias and lookup on SCALAR, DATA and TASK (BIT and INSTRUCTION: unsupported). */
#ifndef STRATA_IMAGE_H
#define STRATA_IMAGE_H

#include "strata/exec.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Saturating brightness: dst[i] = clamp(src[i] + delta, 0, 255) for i < n.
    delta must be in [-255, 255] (else STRATA_ERR_ARG). dst may equal src (in place); any other
    overlap is STRATA_ERR_OVERLAP. NULL with n > 0 is STRATA_ERR_NULL. */
STRATA_API strata_status strata_brighten_u8(uint8_t *dst, const uint8_t *src, size_t n, int delta);
/** strata_brighten_u8 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_brighten_u8_ex(uint8_t *dst, const uint8_t *src, size_t n,
                                               int delta, const strata_exec *exec);

/** Saturating brightness of an interleaved image, per channel: byte c of every pixel becomes
    clamp(src + delta[c], 0, 255). `delta` has `channels` entries (1..4, else STRATA_ERR_ARG),
    each in [-255, 255] (else STRATA_ERR_ARG); a channel whose delta is 0 comes out unchanged
    (alpha, for example). Rows are dst_stride / src_stride bytes apart (each >= width*channels,
    else STRATA_ERR_SIZE). In place: dst == src and dst_stride == src_stride. delta must not
    overlap dst (STRATA_ERR_OVERLAP). */
STRATA_API strata_status strata_brighten_image_u8(uint8_t *dst, size_t dst_stride,
                                                  const uint8_t *src, size_t src_stride,
                                                  size_t width, size_t height, unsigned channels,
                                                  const int *delta);
/** strata_brighten_image_u8 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_brighten_image_u8_ex(uint8_t *dst, size_t dst_stride,
                                                     const uint8_t *src, size_t src_stride,
                                                     size_t width, size_t height, unsigned channels,
                                                     const int *delta, const strata_exec *exec);

/** Gain/bias (contrast and brightness): y = fmaf((float)src[i], gain, bias) in float32 with a
    single rounding, then y clamped to [0, 255], then rounded to the nearest integer, ties to
    even: dst[i] = that integer, for i < n. gain and bias must be finite (else STRATA_ERR_ARG);
    any finite values are valid (huge gains saturate, negative ones invert). Exact on every ISA,
    including those without a fused multiply-add instruction. The rounding assumes the default
    floating-point environment (round to nearest). Aliasing and NULL as strata_brighten_u8. */
STRATA_API strata_status strata_gain_bias_u8(uint8_t *dst, const uint8_t *src, size_t n, float gain,
                                             float bias);
/** strata_gain_bias_u8 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_gain_bias_u8_ex(uint8_t *dst, const uint8_t *src, size_t n,
                                                float gain, float bias, const strata_exec *exec);

/** Gain/bias of an interleaved image, per channel: byte c of every pixel goes through the
    strata_gain_bias_u8 formula with gain[c] and bias[c]. `gain` and `bias` have `channels`
    entries (1..4, else STRATA_ERR_ARG), all finite (else STRATA_ERR_ARG); gain 1 and bias 0
    leave a channel unchanged. Strides, padding and in place as strata_brighten_image_u8; gain
    and bias must not overlap dst (STRATA_ERR_OVERLAP). */
STRATA_API strata_status strata_gain_bias_image_u8(uint8_t *dst, size_t dst_stride,
                                                   const uint8_t *src, size_t src_stride,
                                                   size_t width, size_t height, unsigned channels,
                                                   const float *gain, const float *bias);
/** strata_gain_bias_image_u8 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_gain_bias_image_u8_ex(uint8_t *dst, size_t dst_stride,
                                                      const uint8_t *src, size_t src_stride,
                                                      size_t width, size_t height,
                                                      unsigned channels, const float *gain,
                                                      const float *bias, const strata_exec *exec);

/** Table lookup (any point operation: gamma curves, inversions, thresholds ...):
    dst[i] = lut[src[i]] for i < n. lut has 256 entries and must not overlap dst (it may overlap
    src). Aliasing and NULL as strata_brighten_u8; a NULL lut is STRATA_ERR_NULL. For an image
    with padded rows, call it once per row. */
STRATA_API strata_status strata_lut_u8(uint8_t *dst, const uint8_t *src, size_t n,
                                       const uint8_t lut[256]);
/** strata_lut_u8 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_lut_u8_ex(uint8_t *dst, const uint8_t *src, size_t n,
                                          const uint8_t lut[256], const strata_exec *exec);

/** Addition to the contract: fills lut with a gamma curve for strata_lut_u8,
    lut[x] = floor(255 * (x / 255)^gamma + 1/2), computed in double precision (so lut[0] = 0 and
    lut[255] = 255). gamma must be finite and > 0 (else STRATA_ERR_ARG; gamma < 1 brightens the
    mid-tones, > 1 darkens them); a NULL lut is STRATA_ERR_NULL. */
STRATA_API strata_status strata_gamma_lut_u8(uint8_t lut[256], double gamma);

#ifdef __cplusplus
}
#endif

#endif
