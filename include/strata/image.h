/* strata/image.h: image brightness on 8-bit pixels. See API.md section 3. */
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

#ifdef __cplusplus
}
#endif

#endif
