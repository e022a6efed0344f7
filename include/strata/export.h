/* strata: symbol export macro. The library is built with hidden visibility; only what is
   marked STRATA_API is exported from the shared library. */
#ifndef STRATA_EXPORT_H
#define STRATA_EXPORT_H

#if defined(_WIN32) && defined(STRATA_SHARED)
#if defined(STRATA_BUILDING)
#define STRATA_API __declspec(dllexport)
#else
#define STRATA_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define STRATA_API __attribute__((visibility("default")))
#else
#define STRATA_API
#endif

#endif
