// Image family: strata_brighten_image_u8, strata_gain_bias_u8 / _image_u8 and strata_lut_u8 in
// every layer, beside OpenCV (cv::add with Scalar::all, Mat::convertTo, cv::LUT; one thread) on
// the same images, and the compiler's own loop (autovec).
//
//   <kernel>/<variant>/<size class>   gain_bias_u8, lut_u8 at L1 L2 L3 DRAM (bench_common.h)
//   <kernel>/<variant>/<W>x<H>c<C>    brighten_image_u8, gain_bias_image_u8, lut_u8 and
//                                      memcpy/ceiling on contiguous 8-bit images, C = 1 or 3
// Each OpenCV row first checks, once, that OpenCV and strata give identical bytes (the row is
// skipped with an error if not).
#include "bench_common.h"

#include <string>

#if STRATA_BENCH_OPENCV
#include <opencv2/core.hpp>
#endif

extern "C" {
void strata_autovec_brighten_u8(uint8_t *dst, const uint8_t *src, size_t n, int delta);
void strata_autovec_gain_bias_u8(uint8_t *dst, const uint8_t *src, size_t n, float gain,
                                 float bias);
void strata_autovec_lut_u8(uint8_t *dst, const uint8_t *src, size_t n, const uint8_t *lut);
}

namespace strata_bench {

namespace {

constexpr int kDelta = 40;
constexpr float kGain = 1.25f, kBias = 10.0f; // exact in float: OpenCV agrees bit for bit

struct Image {
  size_t w, h, c;
  std::string name() const {
    return std::to_string(w) + "x" + std::to_string(h) + "c" + std::to_string(c);
  }
  size_t bytes() const { return w * h * c; }
};

const Image kImages[] = {{640, 480, 1},   {640, 480, 3},   {1920, 1080, 1}, {1920, 1080, 3},
                         {3840, 2160, 1}, {3840, 2160, 3}, {7680, 4320, 1}, {7680, 4320, 3}};

const unsigned kLayers =
    1u << STRATA_LAYER_SCALAR | 1u << STRATA_LAYER_DATA | 1u << STRATA_LAYER_TASK;

// Pixels with every value, in an order that is not a ramp.
Bytes pixels(size_t n) {
  Bytes b = alloc_bytes(n);
  for (size_t i = 0; i < n; i++) b.get()[i] = uint8_t(i * 131 + (i >> 9));
  return b;
}

void gamma_table(uint8_t lut[256]) {
  strata_gamma_lut_u8(lut, 1.0 / 2.2);
}

void set_bytes(benchmark::State &state, size_t n) {
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(2 * n));
}

// A strata call on (dst, src, n) bytes of an image of c channels.
using Call =
    std::function<strata_status(uint8_t *, const uint8_t *, const Image &, const strata_exec *)>;

void add_row(const std::string &name, const Image &img, const strata_exec &exec, Call call) {
  benchmark::RegisterBenchmark(name.c_str(), [img, exec, call](benchmark::State &state) {
    const size_t n = img.bytes();
    Bytes src = pixels(n), dst = alloc_bytes(n);
    for (auto _ : state) {
      if (!ok_or_skip(state, call(dst.get(), src.get(), img, &exec))) break;
      benchmark::ClobberMemory();
    }
    set_bytes(state, n);
  });
}

strata_status brighten_image(uint8_t *d, const uint8_t *s, const Image &img, const strata_exec *e) {
  const int delta[3] = {kDelta, kDelta, kDelta};
  return strata_brighten_image_u8_ex(d, img.w * img.c, s, img.w * img.c, img.w, img.h,
                                     unsigned(img.c), delta, e);
}

strata_status gain_bias_image(uint8_t *d, const uint8_t *s, const Image &img,
                              const strata_exec *e) {
  const float g[3] = {kGain, kGain, kGain}, b[3] = {kBias, kBias, kBias};
  return strata_gain_bias_image_u8_ex(d, img.w * img.c, s, img.w * img.c, img.w, img.h,
                                      unsigned(img.c), g, b, e);
}

strata_status lut_bytes(uint8_t *d, const uint8_t *s, const Image &img, const strata_exec *e) {
  static uint8_t lut[256];
  static const bool ready = (gamma_table(lut), true);
  (void)ready;
  return strata_lut_u8_ex(d, s, img.bytes(), lut, e);
}

#if STRATA_BENCH_OPENCV
// op(src, dst) with OpenCV, held against the strata call's output once before timing.
using CvOp = std::function<void(const cv::Mat &, cv::Mat &)>;

void add_opencv_row(const std::string &kernel, const Image &img, CvOp op, Call call) {
  benchmark::RegisterBenchmark(
      (kernel + "/opencv/" + img.name()).c_str(), [img, op, call](benchmark::State &state) {
        cv::setNumThreads(1);
        const int type = img.c == 1 ? CV_8UC1 : CV_8UC3;
        const size_t n = img.bytes();
        Bytes src_bytes = pixels(n), want = alloc_bytes(n);
        cv::Mat src(int(img.h), int(img.w), type, src_bytes.get()), dst;
        op(src, dst);
        if (!ok_or_skip(state, call(want.get(), src_bytes.get(), img, nullptr))) return;
        if (!dst.isContinuous() || std::memcmp(dst.data, want.get(), n) != 0) {
          state.SkipWithError("OpenCV and strata outputs differ");
          return;
        }
        for (auto _ : state) {
          op(src, dst);
          benchmark::ClobberMemory();
        }
        set_bytes(state, n);
      });
}
#endif

void register_images() {
  for (const Image &img : kImages) {
    const std::string size = img.name();
    const size_t n = img.bytes();
    benchmark::RegisterBenchmark(("memcpy/ceiling/" + size).c_str(), [n](benchmark::State &state) {
      Bytes src = pixels(n), dst = alloc_bytes(n);
      for (auto _ : state) {
        std::memcpy(dst.get(), src.get(), n);
        benchmark::ClobberMemory();
      }
      set_bytes(state, n);
    });
    for (const Variant &v : variants(kLayers | 1u << STRATA_LAYER_BIT))
      add_row("brighten_image_u8/" + v.name + "/" + size, img, v.exec, brighten_image);
    for (const Variant &v : variants(kLayers))
      add_row("gain_bias_image_u8/" + v.name + "/" + size, img, v.exec, gain_bias_image);
    for (const Variant &v : variants(kLayers))
      add_row("lut_u8/" + v.name + "/" + size, img, v.exec, lut_bytes);
#if STRATA_BENCH_OPENCV
    add_opencv_row(
        "brighten_image_u8", img,
        [](const cv::Mat &s, cv::Mat &d) { cv::add(s, cv::Scalar::all(kDelta), d); },
        brighten_image);
    add_opencv_row(
        "gain_bias_image_u8", img,
        [](const cv::Mat &s, cv::Mat &d) { s.convertTo(d, CV_8U, kGain, kBias); }, gain_bias_image);
    static uint8_t lut[256];
    gamma_table(lut);
    add_opencv_row(
        "lut_u8", img,
        [](const cv::Mat &s, cv::Mat &d) {
          static const cv::Mat table(1, 256, CV_8U, lut);
          cv::LUT(s, table, d);
        },
        lut_bytes);
#endif
  }
}

// gain_bias_u8 and lut_u8 at the cache size classes, with the compiler's loop beside them.
void register_size_classes() {
  for (const SizeClass &sc : size_classes()) {
    const size_t n = sc.bytes / 2;
    const Image flat = {n, 1, 1};
    for (const Variant &v : variants(kLayers))
      add_row("gain_bias_u8/" + v.name + "/" + sc.name, flat, v.exec,
              [](uint8_t *d, const uint8_t *s, const Image &img, const strata_exec *e) {
                return strata_gain_bias_u8_ex(d, s, img.w, kGain, kBias, e);
              });
    for (const Variant &v : variants(kLayers))
      add_row("lut_u8/" + v.name + "/" + sc.name, flat, v.exec, lut_bytes);
    const strata_exec none = {};
    add_row(std::string("brighten_u8/autovec/") + sc.name, flat, none,
            [](uint8_t *d, const uint8_t *s, const Image &img, const strata_exec *) {
              strata_autovec_brighten_u8(d, s, img.w, kDelta);
              return STRATA_OK;
            });
    add_row(std::string("gain_bias_u8/autovec/") + sc.name, flat, none,
            [](uint8_t *d, const uint8_t *s, const Image &img, const strata_exec *) {
              strata_autovec_gain_bias_u8(d, s, img.w, kGain, kBias);
              return STRATA_OK;
            });
    add_row(std::string("lut_u8/autovec/") + sc.name, flat, none,
            [](uint8_t *d, const uint8_t *s, const Image &img, const strata_exec *) {
              static uint8_t lut[256];
              static const bool ready = (gamma_table(lut), true);
              (void)ready;
              strata_autovec_lut_u8(d, s, img.w, lut);
              return STRATA_OK;
            });
  }
}

} // namespace

static const int images_registered = add_registrar([] {
  register_size_classes();
  register_images();
});

} // namespace strata_bench
