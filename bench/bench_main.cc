// strata_bench: the benchmark binary. See bench_common.h for the naming scheme.
#include "bench_common.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <new>

#include <sys/utsname.h>
#include <sstream>

#if defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace strata_bench {

static std::vector<Registrar> &registrars() {
  static std::vector<Registrar> list;
  return list;
}

int add_registrar(Registrar r) {
  registrars().push_back(std::move(r));
  return 0;
}

void register_all() {
  for (auto &r : registrars()) r();
}

std::vector<SizeClass> size_classes() {
  size_t l1 = 32 << 10, l2 = 512 << 10, l3 = 8 << 20;
  for (const auto &c : benchmark::CPUInfo::Get().caches) {
    if (c.type == "Instruction") continue;
    if (c.level == 1) l1 = c.size;
    if (c.level == 2) l2 = c.size;
    if (c.level == 3) l3 = c.size;
  }
  return {{"L1", l1 / 2}, {"L2", l2 / 2}, {"L3", l3 / 2}, {"DRAM", l3 * 4}};
}

// The buffer pool behind alloc_bytes: sizes of live buffers, and released buffers by size.
namespace {
struct Pool {
  std::mutex lock;
  std::map<void *, size_t> live;
  std::multimap<size_t, void *> spare;
  size_t spare_bytes = 0;
  static constexpr size_t kMaxSpare = size_t(1) << 30;
};
Pool &pool() {
  static Pool *p = new Pool;  // never destroyed: buffers may be released during exit
  return *p;
}
}  // namespace

Bytes alloc_bytes(size_t n, uint8_t fill) {
  const size_t rounded = (n + 63) / 64 * 64 + 64;
  void *p = nullptr;
  {
    std::lock_guard<std::mutex> g(pool().lock);
    auto it = pool().spare.find(rounded);
    if (it != pool().spare.end()) {
      p = it->second;
      pool().spare.erase(it);
      pool().spare_bytes -= rounded;
    }
  }
  if (!p) p = std::aligned_alloc(64, rounded);
  if (!p) throw std::bad_alloc();
  {
    std::lock_guard<std::mutex> g(pool().lock);
    pool().live[p] = rounded;
  }
  std::memset(p, fill, rounded);
  return Bytes(static_cast<uint8_t *>(p));
}

void release_bytes(void *p) {
  if (!p) return;
  std::lock_guard<std::mutex> g(pool().lock);
  auto it = pool().live.find(p);
  const size_t size = it->second;
  pool().live.erase(it);
  if (pool().spare_bytes + size > Pool::kMaxSpare) {
    // Keep the newest: free the spare buffers (other sizes, earlier rows) first.
    for (auto &[sz, q] : pool().spare) std::free(q);
    pool().spare.clear();
    pool().spare_bytes = 0;
    if (size > Pool::kMaxSpare) {
      std::free(p);
      return;
    }
  }
  pool().spare.emplace(size, p);
  pool().spare_bytes += size;
}

std::vector<strata_isa> runnable_isas() {
  std::vector<strata_isa> out;
  for (int i = STRATA_ISA_GENERIC; i <= STRATA_ISA_NEON; i++)
    if (strata_isa_available(static_cast<strata_isa>(i))) out.push_back(static_cast<strata_isa>(i));
  return out;
}

benchmark::internal::Benchmark *add_row(const std::string &name,
                                        std::function<void(benchmark::State &)> fn) {
  return benchmark::RegisterBenchmark(name.c_str(), std::move(fn))->UseRealTime();
}

std::vector<int> task_thread_counts() {
  std::vector<int> out;
  if (const char *list = std::getenv("STRATA_BENCH_THREADS")) {
    std::stringstream ss(list);
    for (std::string item; std::getline(ss, item, ',');)
      if (int t = std::atoi(item.c_str()); t > 0 && t <= STRATA_MAX_THREADS) out.push_back(t);
    if (!out.empty()) return out;
  }
  for (int t = 2; t <= std::max(2, strata_default_threads()); t *= 2) out.push_back(t);
  return out;
}

std::vector<Variant> variants(unsigned layers) {
  std::vector<Variant> out;
  auto has = [&](strata_layer l) { return (layers >> l & 1u) != 0; };
  if (has(STRATA_LAYER_SCALAR)) out.push_back({"scalar", {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, 0}});
  if (has(STRATA_LAYER_BIT)) out.push_back({"bit", {STRATA_LAYER_BIT, STRATA_ISA_AUTO, 0}});
  if (has(STRATA_LAYER_INSTRUCTION))
    out.push_back({"instruction", {STRATA_LAYER_INSTRUCTION, STRATA_ISA_AUTO, 0}});
  for (strata_isa isa : runnable_isas()) {
    const std::string name = strata_isa_name(isa);
    if (has(STRATA_LAYER_DATA)) out.push_back({"data:" + name, {STRATA_LAYER_DATA, isa, 0}});
  }
  const strata_isa best = strata_best_isa();
  if (has(STRATA_LAYER_TASK) && best != STRATA_ISA_AUTO)
    for (int t : task_thread_counts())
      out.push_back({std::string("task:") + strata_isa_name(best) + ":t" + std::to_string(t),
                     {STRATA_LAYER_TASK, best, t}});
  out.push_back({"auto", {STRATA_LAYER_AUTO, STRATA_ISA_AUTO, 0}});
  return out;
}

// The bandwidth ceilings every byte-stream kernel is held against: memcpy, and a copy with
// non-temporal stores (what a streaming kernel can reach once the data is in DRAM).
static void register_copies() {
  for (const SizeClass &sc : size_classes()) {
    const size_t n = sc.bytes / 2;
    add_row("memcpy/ceiling/" + std::string(sc.name), [n](benchmark::State &state) {
      Bytes src = alloc_bytes(n, 1), dst = alloc_bytes(n);
      for (auto _ : state) {
        std::memcpy(dst.get(), src.get(), n);
        benchmark::ClobberMemory();
      }
      set_rates(state, 2 * n, n);
    });
#if defined(__x86_64__)
    add_row("copy_nt/ceiling/" + std::string(sc.name), [n](benchmark::State &state) {
      Bytes src = alloc_bytes(n, 1), dst = alloc_bytes(n);
      for (auto _ : state) {
        auto *s = reinterpret_cast<const __m128i *>(src.get());
        auto *d = reinterpret_cast<__m128i *>(dst.get());
        for (size_t i = 0; i < n / 16; i += 4) {
          __m128i a = _mm_load_si128(s + i), b = _mm_load_si128(s + i + 1);
          __m128i c = _mm_load_si128(s + i + 2), e = _mm_load_si128(s + i + 3);
          _mm_stream_si128(d + i, a);
          _mm_stream_si128(d + i + 1, b);
          _mm_stream_si128(d + i + 2, c);
          _mm_stream_si128(d + i + 3, e);
        }
        _mm_sfence();
        benchmark::ClobberMemory();
      }
      set_rates(state, 2 * n, n);
    });
#endif
  }
}
static const int copies_registered = add_registrar(register_copies);

// What the report's header and the gate need to know about this machine and build, as
// (key, value) pairs: they go into the JSON context, and --strata_context prints them.
static std::vector<std::pair<std::string, std::string>> context() {
  std::vector<std::pair<std::string, std::string>> kv;
  std::string cpu = "unknown";
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);)
    if (line.rfind("model name", 0) == 0 && line.find(':') != std::string::npos) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  std::string isas, threads, sizes;
  for (strata_isa isa : runnable_isas()) isas += (isas.empty() ? "" : ",") + std::string(strata_isa_name(isa));
  for (int t : task_thread_counts()) threads += (threads.empty() ? "" : ",") + std::to_string(t);
  for (const SizeClass &sc : size_classes())
    sizes += (sizes.empty() ? "" : ",") + std::string(sc.name) + "=" + std::to_string(sc.bytes);
  const char *forced = std::getenv("STRATA_ISA");
  const char *wait = std::getenv("OMP_WAIT_POLICY");
  kv.push_back({"strata_version", strata_version()});
  kv.push_back({"cpu_model", cpu});
  kv.push_back({"strata_isas", isas});
  kv.push_back({"strata_best_isa", strata_isa_name(strata_best_isa())});
  kv.push_back({"strata_isa_env", forced ? forced : ""});
  kv.push_back({"strata_default_threads", std::to_string(strata_default_threads())});
  kv.push_back({"strata_task_threads", threads});
  kv.push_back({"omp_wait_policy", wait ? wait : ""});
  kv.push_back({"strata_size_classes", sizes});
  kv.push_back({"compiler", STRATA_BENCH_COMPILER});
  struct utsname u;
  if (uname(&u) == 0) kv.push_back({"os", std::string(u.sysname) + " " + u.release});
  return kv;
}

}  // namespace strata_bench

int main(int argc, char **argv) {
  // --strata_context: print the context as JSON and exit (the gate reads the best ISA from it).
  if (argc == 2 && std::string(argv[1]) == "--strata_context") {
    std::cout << "{";
    const char *sep = "";
    for (const auto &[k, v] : strata_bench::context()) {
      std::string escaped;
      for (char ch : v) {
        if (ch == '"' || ch == '\\') escaped += '\\';
        if (static_cast<unsigned char>(ch) >= 0x20) escaped += ch;
      }
      std::cout << sep << "\"" << k << "\": \"" << escaped << "\"";
      sep = ", ";
    }
    std::cout << "}\n";
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  for (const auto &[k, v] : strata_bench::context()) benchmark::AddCustomContext(k, v);
  strata_bench::register_all();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
