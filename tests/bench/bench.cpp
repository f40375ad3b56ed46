// tinyformer_bench: speed figures for the reference workload, natively and in WebAssembly.
// The same source builds for every target (native, wasm under Node, wasm in Chromium); the driver
// tests/bench/bench.mjs (run by scripts/bench.sh) starts it several times and prints one table.
//
//   tinyformer_bench kernels [--reps N] [--min-ms X]   matmul GFLOP/s per shape + measured SIMD peak
//   tinyformer_bench model [--reps N] [--steps K]      training / forward tokens/s, step phases,
//                                                      inspection latency, memory, allocations
//   tinyformer_bench train [--steps K]                 training steps only (for perf / callgrind)
//   tinyformer_bench seq2seq [--reps N] [--steps K]    the encoder–decoder workload: training / forward
//                                                      tokens/s, step phases, memory, allocations
//   tinyformer_bench seq2seq-train [--steps K]         encoder–decoder training steps only (for profilers)
//
// Output: one JSON object on stdout, {"target", "arch", "width", "ok", "checks", "metrics": [...]},
// each metric {"id", "what", "unit", "samples": [...]}. The driver pools samples across processes
// and reports median / min / max. Nothing here passes or fails on speed; the process exits 1 only
// when a correctness check fails (a fast kernel disagreeing with its `_ref` twin, a NaN loss), so a
// broken kernel cannot show great numbers.
//
// Reference workload: vocab V = 96, context T = 32, C = 64, H = 4 heads, L = 2 layers, F = 256,
// pre-LN, learned positions, tied output, B = 16 sequences, Adam, float32, one thread (108,288 params).
// Encoder–decoder workload (tf::Seq2Seq): Le = Ld = 2, H = 4, C = 64, F = 256, post-LN, ReLU, source
// vocab 512, target vocab 384, B = 16 pairs of S = 12 × T = 16, Adam (316,032 params); see kS2s* below.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/rng.hpp"
#include "model/inspection.hpp"
#include "model/model.hpp"
#include "model/seq2seq.hpp"
#include "simd/arch.hpp"
#include "simd/matmul.hpp"
#include "train/optimizer.hpp"
#include "train/samplers.hpp"
#include "train/trainer.hpp"

#if defined(__EMSCRIPTEN__)
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

// ---- allocation counter: every global operator new of this executable goes through here ----------
namespace {
long long g_allocs = 0;       // calls to any operator new
long long g_alloc_bytes = 0;  // bytes requested by them

void* counted_alloc(std::size_t size, std::size_t align, bool nothrow) {
  ++g_allocs;
  g_alloc_bytes += static_cast<long long>(size);
  if (size == 0) size = 1;
  void* p = nullptr;
  if (align <= alignof(std::max_align_t)) {
    p = std::malloc(size);
  } else if (posix_memalign(&p, align, size) != 0) {
    p = nullptr;
  }
  if (!p && !nothrow) throw std::bad_alloc();
  return p;
}
// Out of line, so GCC's -Wmismatched-new-delete does not see free() meet a pointer from operator new.
[[gnu::noinline]] void counted_free(void* p) noexcept { std::free(p); }
}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n, 0, false); }
void* operator new[](std::size_t n) { return counted_alloc(n, 0, false); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n, 0, true); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n, 0, true); }
void* operator new(std::size_t n, std::align_val_t a) { return counted_alloc(n, static_cast<std::size_t>(a), false); }
void* operator new[](std::size_t n, std::align_val_t a) { return counted_alloc(n, static_cast<std::size_t>(a), false); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return counted_alloc(n, static_cast<std::size_t>(a), true);
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return counted_alloc(n, static_cast<std::size_t>(a), true);
}
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { counted_free(p); }

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
using tf::simd::FloatBatch;
constexpr int kWidth = tf::simd::kWidth;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// The reference workload (see the header comment).
constexpr int kV = 96, kT = 32, kC = 64, kH = 4, kL = 2, kF = 256, kB = 16;
constexpr int kBT = kB * kT, kD = kC / kH;

struct Options {
  int reps = 5;        // samples per measurement in this process
  double min_ms = 25;  // kernels: least time per sample
  int steps = 20;      // model: training steps per sample
};

json metric(const std::string& id, const std::string& what, const std::string& unit, std::vector<double> samples) {
  return {{"id", id}, {"what", what}, {"unit", unit}, {"samples", std::move(samples)}};
}

// ---- SIMD peak: independent chains, so throughput (not latency) is what is measured ---------------
volatile float g_sink = 0.0f;
volatile float g_one = 1.0f;  // read at run time so the compiler cannot fold the chains away

float horizontal_sum(const FloatBatch& b) {
  alignas(64) float lanes[kWidth];
  b.store_aligned(lanes);
  float s = 0.0f;
  for (float x : lanes) s += x;
  return s;
}

// NC independent multiply chains (x·m) beside NC independent add chains (y+a): 2·NC ops of W lanes
// per iteration, one flop each, so the issue rate of separate f32 mul and add instructions, which is
// what the kernels execute where there is no fused multiply-add (SIMD128). m = 1 and a = 0 are read
// at run time, so nothing overflows or turns denormal however long it runs, and nothing folds.
// (No multiply feeds an add, so a compiler cannot contract them into FMAs either.)
template <int NC>
double peak_mul_add(long long iters) {
  const float one = g_one, zero = g_one - 1.0f;
  FloatBatch x[NC], y[NC];
  for (int i = 0; i < NC; ++i) x[i] = FloatBatch(one + 0.01f * i), y[i] = FloatBatch(0.25f * i * one);
  const FloatBatch m(one), a(zero);
  const auto t0 = Clock::now();
  for (long long it = 0; it < iters; ++it)
    for (int i = 0; i < NC; ++i) x[i] = x[i] * m, y[i] = y[i] + a;
  const double sec = seconds_since(t0);
  FloatBatch acc(0.0f);
  for (int i = 0; i < NC; ++i) acc = acc + x[i] + y[i];
  g_sink = g_sink + horizontal_sum(acc);
  return 2.0 * NC * kWidth * static_cast<double>(iters) / sec * 1e-9;
}

// The matmul micro-kernel's own pattern with nothing else: NC independent accumulators, acc += a·b
// (a multiply off the chain, an add on it), operands loaded from a 1 KiB L1-resident buffer (loads run
// on other ports than arithmetic, as in the kernel). SIMD128 has only 16 registers, too few to keep
// enough pure mul and add chains in flight, so this is where f32x4 code reaches its real peak.
// (Native code would contract it into FMAs, so only the wasm build measures it.)
template <int NC>
double peak_mac(long long iters) {
  constexpr int kRows = NC / 2;  // like the kernel: kRows broadcasts × 2 vectors of columns
  alignas(64) float buf[16 * (2 * kWidth + kRows)];
  const float zero = g_one - 1.0f;
  for (float& v : buf) v = zero;  // zeros: acc never changes, never overflows, never turns denormal
  FloatBatch acc[NC];
  for (int i = 0; i < NC; ++i) acc[i] = FloatBatch(0.25f * i * g_one);
  const auto t0 = Clock::now();
  for (long long it = 0; it < iters; ++it) {
    const float* p = buf + (it & 15) * (2 * kWidth + kRows);
    const FloatBatch b0 = FloatBatch::load_unaligned(p), b1 = FloatBatch::load_unaligned(p + kWidth);
    for (int r = 0; r < kRows; ++r) {
      const FloatBatch a(p[2 * kWidth + r]);
      acc[2 * r] = acc[2 * r] + a * b0;
      acc[2 * r + 1] = acc[2 * r + 1] + a * b1;
    }
  }
  const double sec = seconds_since(t0);
  FloatBatch sum(0.0f);
  for (int i = 0; i < NC; ++i) sum = sum + acc[i];
  g_sink = g_sink + horizontal_sum(sum);
  return 2.0 * NC * kWidth * static_cast<double>(iters) / sec * 1e-9;
}

// NC independent fused multiply-add chains (2 flops per lane each): the native kernels' instruction
// when the target has FMA (xsimd::fma); on SIMD128 xsimd::fma is a mul then an add.
template <int NC>
double peak_fma(long long iters) {
  FloatBatch x[NC];
  const float one = g_one;
  for (int i = 0; i < NC; ++i) x[i] = FloatBatch(0.01f * i * one);
  const FloatBatch m(0.999f * one), a(0.001f * one);
  const auto t0 = Clock::now();
  for (long long it = 0; it < iters; ++it)
    for (int i = 0; i < NC; ++i) x[i] = xsimd::fma(x[i], m, a);
  const double sec = seconds_since(t0);
  FloatBatch acc(0.0f);
  for (int i = 0; i < NC; ++i) acc = acc + x[i];
  g_sink = g_sink + horizontal_sum(acc);
  return 2.0 * NC * kWidth * static_cast<double>(iters) / sec * 1e-9;
}

// Runs fn(iters) with iters grown until one call takes >= min_ms; returns that iteration count.
template <class Fn>
long long calibrate(Fn&& fn, double min_ms) {
  long long iters = 1;
  for (;;) {
    const auto t0 = Clock::now();
    fn(iters);
    const double ms = seconds_since(t0) * 1e3;
    if (ms >= min_ms) return iters;
    if (iters > (1LL << 40)) throw std::runtime_error("calibrate: the timed loop takes no time (optimised away?)");
    const double grow = ms <= 0.0 ? 8.0 : std::min(8.0, std::max(1.5, 1.2 * min_ms / ms));
    iters = static_cast<long long>(std::ceil(static_cast<double>(iters) * grow));
  }
}

// Several ways to issue independent SIMD arithmetic (how many chains hide latency without spilling
// registers differs by machine and JIT); each peak sample is the best of them.
using PeakFn = double (*)(long long);
struct PeakVariant {
  const char* name;
  PeakFn fn;
  long long iters = 1;  // one call lasts about opt.min_ms
};
void calibrate_peaks(std::vector<PeakVariant>& variants, const Options& opt) {
  for (PeakVariant& v : variants) {
    // several calls first: V8 runs a wasm function in its baseline tier until a later call tiers it up
    const PeakFn fn = v.fn;
    for (int i = 0; i < 3; ++i) calibrate([fn](long long n) { fn(n); }, opt.min_ms / 4);
    v.iters = calibrate([fn](long long n) { fn(n); }, opt.min_ms);
  }
}
// One sample: the best variant's GFLOP/s; `best` gets its name.
double peak_sample(const std::vector<PeakVariant>& variants, std::string& best) {
  double rate = 0.0;
  for (const PeakVariant& v : variants) {
    const double r = v.fn(v.iters);
    if (r > rate) rate = r, best = v.name;
  }
  return rate;
}

// ---- matmul kernels at the reference model's shapes ------------------------------------------------
enum class Variant { NN, NT, TN };

struct KernelShape {
  Variant variant;
  int M, K, N;
  bool accumulate;  // backward passes accumulate into gradients
  const char* use;  // where the model calls it
  int calls;        // calls per training step (forward + backward) of the reference workload
};

const char* variant_name(Variant v) {
  return v == Variant::NN ? "matmul_nn" : v == Variant::NT ? "matmul_nt" : "matmul_tn";
}

void run_fast(Variant v, float* C, const float* A, const float* B, int M, int K, int N, bool acc) {
  if (v == Variant::NN) tf::matmul_nn(C, A, B, M, K, N, acc);
  if (v == Variant::NT) tf::matmul_nt(C, A, B, M, K, N, acc);
  if (v == Variant::TN) tf::matmul_tn(C, A, B, M, K, N, acc);
}

void run_ref(Variant v, float* C, const float* A, const float* B, int M, int K, int N, bool acc) {
  if (v == Variant::NN) tf::matmul_nn_ref(C, A, B, M, K, N, acc);
  if (v == Variant::NT) tf::matmul_nt_ref(C, A, B, M, K, N, acc);
  if (v == Variant::TN) tf::matmul_tn_ref(C, A, B, M, K, N, acc);
}

// linear_forward(N, C, OC) = matmul_nt(M=N, K=C, N=OC); linear_backward: dx = matmul_nn(N, OC, C, acc),
// dW = matmul_tn(OC, N, C, acc). Attention per (batch, head): T×D blocks.
std::vector<KernelShape> reference_shapes() {
  const int att = kB * kH * kL;  // attention calls per step, per kernel
  return {
      {Variant::NT, kBT, kC, 3 * kC, false, "c_attn fwd", kL},
      {Variant::NT, kBT, kC, kC, false, "attn.c_proj fwd", kL},
      {Variant::NT, kBT, kC, kF, false, "mlp.c_fc fwd", kL},
      {Variant::NT, kBT, kF, kC, false, "mlp.c_proj fwd", kL},
      {Variant::NT, kBT, kC, kV, false, "lm_head fwd", 1},
      {Variant::NT, kT, kD, kT, false, "attn Q.K^T fwd", att},
      {Variant::NN, kT, kT, kD, false, "attn P.V fwd", att},
      {Variant::NN, kBT, 3 * kC, kC, true, "c_attn dx", kL},
      {Variant::TN, 3 * kC, kBT, kC, true, "c_attn dW", kL},
      {Variant::NN, kBT, kC, kC, true, "attn.c_proj dx", kL},
      {Variant::TN, kC, kBT, kC, true, "attn.c_proj dW", kL},
      {Variant::NN, kBT, kF, kC, true, "mlp.c_fc dx", kL},
      {Variant::TN, kF, kBT, kC, true, "mlp.c_fc dW", kL},
      {Variant::NN, kBT, kC, kF, true, "mlp.c_proj dx", kL},
      {Variant::TN, kC, kBT, kF, true, "mlp.c_proj dW", kL},
      {Variant::NN, kBT, kV, kC, true, "lm_head dx", 1},
      {Variant::TN, kV, kBT, kC, true, "lm_head dW", 1},
      {Variant::NT, kT, kD, kT, false, "attn dP = dY.V^T", att},
      {Variant::TN, kT, kT, kD, false, "attn dV = P^T.dY", att},
      {Variant::NN, kT, kT, kD, false, "attn dQ = dS.K", att},
      {Variant::TN, kT, kT, kD, false, "attn dK = dS^T.Q", att},
  };
}

std::vector<float> random_floats(std::size_t n, tf::Rng& rng) {
  std::vector<float> v(n);
  for (float& x : v) x = 2.0f * rng.uniform() - 1.0f;
  return v;
}

int run_kernels(const Options& opt, json& out) {
  bool ok = true;
  json& metrics = out["metrics"];
  json& checks = out["checks"];

  std::vector<PeakVariant> mul_add = {{"6+6 mul|add chains", peak_mul_add<6>},
                                      {"7+7 mul|add chains", peak_mul_add<7>},
                                      {"8+8 mul|add chains", peak_mul_add<8>}};
#if defined(__wasm_simd128__)
  mul_add.push_back({"8 acc += a*b, L1 operands", peak_mac<8>});
  mul_add.push_back({"12 acc += a*b, L1 operands", peak_mac<12>});
#endif
  std::vector<std::pair<std::string, std::vector<PeakVariant>>> peaks = {{"peak_mul_add", mul_add}};
#if !defined(__wasm_simd128__)
  peaks.push_back(
      {"peak_fma", {{"8 FMA chains", peak_fma<8>}, {"12 FMA chains", peak_fma<12>}, {"16 FMA chains", peak_fma<16>}}});
#endif
  for (auto& p : peaks) calibrate_peaks(p.second, opt);

  struct Case {
    KernelShape s;
    std::vector<float> A, B, C0, C;
    long long iters = 1;
    std::vector<double> gflops, micros;
  };
  std::vector<Case> cases;
  tf::Rng rng(42, 7);
  for (const KernelShape& s : reference_shapes()) {
    Case c;
    c.s = s;
    c.A = random_floats(static_cast<std::size_t>(s.M) * s.K, rng);
    c.B = random_floats(static_cast<std::size_t>(s.K) * s.N, rng);
    c.C0 = random_floats(static_cast<std::size_t>(s.M) * s.N, rng);
    c.C = c.C0;
    cases.push_back(std::move(c));
  }
  auto run_case = [](Case& c, long long iters) {
    for (long long i = 0; i < iters; ++i)
      run_fast(c.s.variant, c.C.data(), c.A.data(), c.B.data(), c.s.M, c.s.K, c.s.N, c.s.accumulate);
  };
  for (Case& c : cases) {
    run_case(c, 3);  // warm caches (and, in wasm, the JIT tiers)
    c.iters = calibrate([&](long long n) { run_case(c, n); }, opt.min_ms);
  }

  // Samples round-robin (peaks, then every shape, repeated), so a burst of load from elsewhere on a
  // shared machine spreads over all rows instead of sinking one.
  std::vector<std::vector<double>> peak_samples(peaks.size());
  std::vector<std::string> peak_best(peaks.size());
  for (int r = 0; r < opt.reps; ++r) {
    for (std::size_t p = 0; p < peaks.size(); ++p)
      peak_samples[p].push_back(peak_sample(peaks[p].second, peak_best[p]));
    for (Case& c : cases) {
      const auto t0 = Clock::now();
      run_case(c, c.iters);
      const double sec = seconds_since(t0);
      c.gflops.push_back(2.0 * c.s.M * c.s.K * c.s.N * static_cast<double>(c.iters) / sec * 1e-9);
      c.micros.push_back(sec / static_cast<double>(c.iters) * 1e6);
    }
  }
  for (std::size_t p = 0; p < peaks.size(); ++p) {
    const bool fma = peaks[p].first == "peak_fma";
    json m = metric(peaks[p].first,
                    std::string("SIMD peak, independent ") + (fma ? "FMA chains" : "mul+add") + " (" +
                        std::to_string(kWidth) + " lanes)",
                    "GFLOP/s", peak_samples[p]);
    m["variant"] = peak_best[p];  // the best variant of the last round
    metrics.push_back(m);
  }

  double step_matmul_ms = 0.0;  // Σ calls × median time: the matmul share of one training step
  double fwd_matmul_ms = 0.0;
  for (Case& c : cases) {
    const KernelShape& s = c.s;
    std::vector<double> sorted = c.micros;
    std::sort(sorted.begin(), sorted.end());
    const double median_us = sorted[sorted.size() / 2];
    step_matmul_ms += s.calls * median_us * 1e-3;
    if (std::string(s.use).find("fwd") != std::string::npos) fwd_matmul_ms += s.calls * median_us * 1e-3;

    // correctness after timing: the fast kernel against its scalar twin on the same inputs
    std::vector<float> fast = c.C0, ref = c.C0;
    run_fast(s.variant, fast.data(), c.A.data(), c.B.data(), s.M, s.K, s.N, s.accumulate);
    run_ref(s.variant, ref.data(), c.A.data(), c.B.data(), s.M, s.K, s.N, s.accumulate);
    double max_err = 0.0, max_ref = 1.0;
    for (std::size_t i = 0; i < fast.size(); ++i) {
      max_err = std::max(max_err, static_cast<double>(std::fabs(fast[i] - ref[i])));
      max_ref = std::max(max_ref, static_cast<double>(std::fabs(ref[i])));
    }
    const double rel = max_err / max_ref;
    const bool good = std::isfinite(rel) && rel < 1e-4;
    ok = ok && good;

    const std::string shape = std::to_string(s.M) + "x" + std::to_string(s.K) + "x" + std::to_string(s.N);
    const std::string id = std::string(variant_name(s.variant)) + " " + shape + " " + s.use;
    json m = metric("kernel:" + id, id, "GFLOP/s", c.gflops);
    m["calls_per_step"] = s.calls;
    m["us_per_call"] = median_us;
    m["flops"] = 2.0 * s.M * s.K * s.N;
    metrics.push_back(m);
    checks.push_back({{"check", "matmul vs _ref: " + id}, {"max_rel_error", rel}, {"ok", good}});
  }
  metrics.push_back(metric("step_matmul_ms", "matmul time in one training step (sum of calls x kernel median)", "ms",
                           {step_matmul_ms}));
  metrics.push_back(metric("forward_matmul_ms", "matmul time in one forward pass (sum of calls x kernel median)", "ms",
                           {fwd_matmul_ms}));
  return ok ? 0 : 1;
}

// ---- the model: training, forward, step phases, inspection, memory, allocations -------------------
tf::ModelConfig reference_config() {
  tf::ModelConfig c;  // defaults: bias, tied output, learned positions, pre-LN, exact GELU
  c.n_layer = kL;
  c.n_head = kH;
  c.n_embd = kC;
  c.block_size = kT;
  c.vocab_size = kV;
  c.mlp_hidden = kF;
  return c;
}

// A learnable synthetic stream in [0, V): x' = (5x + 1 + r) mod V with r ∈ {0, 1, 2} (entropy ln 3).
// tests/bench/workload.mjs generates the same stream for the JS figures.
std::vector<int> synthetic_stream(std::size_t n, int V) {
  std::vector<int> out(n);
  std::uint32_t s = 0x9e3779b9u, x = 0;
  for (std::size_t i = 0; i < n; ++i) {
    s ^= s << 13, s ^= s >> 17, s ^= s << 5;  // xorshift32
    x = (5 * x + 1 + s % 3) % static_cast<std::uint32_t>(V);
    out[i] = static_cast<int>(x);
  }
  return out;
}

double peak_memory_bytes() {
#if defined(__EMSCRIPTEN__)
  return static_cast<double>(emscripten_get_heap_size());  // the wasm memory (it only grows)
#else
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024.0;  // Linux reports KiB
#endif
}

// The seq2seq row's peak memory. Natively, getrusage's ru_maxrss carries over the parent's peak through
// fork + exec on Linux (a child of the Node driver reports the driver's ~40 MB in the full run), so this reads
// the high-water mark of this process's own address space from /proc/self/status (VmHWM) and falls back to
// ru_maxrss elsewhere. (The GPT row keeps peak_memory_bytes() as it was.)
double own_peak_memory_bytes() {
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  if (std::FILE* f = std::fopen("/proc/self/status", "r")) {
    char line[256];
    long long kib = -1;
    while (std::fgets(line, sizeof line, f)) {
      if (std::sscanf(line, "VmHWM: %lld kB", &kib) == 1) break;
    }
    std::fclose(f);
    if (kib >= 0) return static_cast<double>(kib) * 1024.0;
  }
#endif
  return peak_memory_bytes();
}

int run_model(const Options& opt, json& out) {
  json& metrics = out["metrics"];
  json& checks = out["checks"];
  bool ok = true;
  const tf::ModelConfig cfg = reference_config();
  tf::OptimizerConfig oc;
  oc.kind = tf::OptimizerKind::Adam;
  oc.lr = 1e-3f;
  tf::TrainConfig tc;
  tc.batch_size = kB;
  tc.seq_len = kT;

  tf::BatchSampler batches(synthetic_stream(1 << 17, kV), kB, kT, 1);
  tf::Trainer trainer(cfg, oc, tc);
  std::vector<int> x(kBT), y(kBT);
  out["num_parameters"] = trainer.model().num_parameters();

  // step 1 (sizes every buffer), then allocations over the steps after it
  batches.next(x.data(), y.data());
  long long a0 = g_allocs, b0 = g_alloc_bytes;
  const float first_loss = trainer.step(x.data(), y.data()).loss;
  const double first_allocs = static_cast<double>(g_allocs - a0), first_bytes = static_cast<double>(g_alloc_bytes - b0);
  constexpr int kCounted = 10;
  a0 = g_allocs, b0 = g_alloc_bytes;
  for (int i = 0; i < kCounted; ++i) {
    batches.next(x.data(), y.data());
    trainer.step(x.data(), y.data());
  }
  // read the counters before anything else allocates (building a metric does)
  const double step_allocs = static_cast<double>(g_allocs - a0) / kCounted;
  const double step_bytes = static_cast<double>(g_alloc_bytes - b0) / kCounted;
  metrics.push_back(metric("allocs_per_step", "allocations per training step after the first (operator new)", "calls",
                           {step_allocs}));
  metrics.push_back(
      metric("alloc_bytes_per_step", "bytes allocated per training step after the first", "bytes", {step_bytes}));
  metrics.push_back(metric("allocs_first_step", "allocations in the first training step", "calls", {first_allocs}));
  metrics.push_back(
      metric("alloc_bytes_first_step", "bytes allocated in the first training step", "bytes", {first_bytes}));
  {
    // the same with the batch in 2 shards, as the pages train (Trainer::step runs every shard itself)
    tf::TrainConfig split = tc;
    split.shards = 2;
    tf::Trainer sharded(cfg, oc, split);
    batches.next(x.data(), y.data());
    sharded.step(x.data(), y.data());
    a0 = g_allocs;
    for (int i = 0; i < kCounted; ++i) {
      batches.next(x.data(), y.data());
      sharded.step(x.data(), y.data());
    }
    const double split_allocs = static_cast<double>(g_allocs - a0) / kCounted;
    metrics.push_back(metric("split_allocs_per_step",
                             "allocations per training step after the first, batch in 2 shards (operator new)", "calls",
                             {split_allocs}));
  }
  const bool loss_sane = std::isfinite(first_loss) && std::fabs(first_loss - std::log(96.0f)) < 0.3f;
  ok = ok && loss_sane;
  checks.push_back({{"check", "first training loss near ln 96 = 4.564"}, {"loss", first_loss}, {"ok", loss_sane}});

  // training throughput: trainer.step as the page's Worker calls it (batch sampling included), after
  // 0.3 s of steps: the first tens of steps run up to a third slower (CPU clocks, the JIT's tiers in wasm),
  // and a learner's run is hundreds of steps.
  float last_loss = 0.0f;
  for (const auto w0 = Clock::now(); seconds_since(w0) < 0.3;) {
    batches.next(x.data(), y.data());
    last_loss = trainer.step(x.data(), y.data()).loss;
  }
  std::vector<double> train_tps;
  for (int r = 0; r < opt.reps; ++r) {
    const auto t0 = Clock::now();
    for (int i = 0; i < opt.steps; ++i) {
      batches.next(x.data(), y.data());
      last_loss = trainer.step(x.data(), y.data()).loss;
    }
    train_tps.push_back(static_cast<double>(opt.steps) * kBT / seconds_since(t0));
  }
  metrics.push_back(metric("train_tokens_per_s", "training tokens/s (B=16 T=32, Adam)", "tokens/s", train_tps));
  out["losses"] = {{"first", first_loss}, {"last", last_loss}, {"steps", trainer.steps()}};

  // the phases of a step, timed apart on the same trainer's model and optimizer
  tf::Model& model = trainer.model();
  std::vector<double> fwd_ms, bwd_ms, opt_ms;
  for (int r = 0; r < opt.reps; ++r) {
    double f = 0, b = 0, o = 0;
    for (int i = 0; i < opt.steps; ++i) {
      batches.next(x.data(), y.data());
      auto t0 = Clock::now();
      model.forward(x.data(), y.data(), kB, kT);
      auto t1 = Clock::now();
      model.zero_grad();
      model.backward();
      auto t2 = Clock::now();
      trainer.optimizer().step();
      auto t3 = Clock::now();
      f += std::chrono::duration<double, std::milli>(t1 - t0).count();
      b += std::chrono::duration<double, std::milli>(t2 - t1).count();
      o += std::chrono::duration<double, std::milli>(t3 - t2).count();
    }
    fwd_ms.push_back(f / opt.steps), bwd_ms.push_back(b / opt.steps), opt_ms.push_back(o / opt.steps);
  }
  metrics.push_back(metric("phase_forward_ms", "step phase: forward + loss", "ms", fwd_ms));
  metrics.push_back(metric("phase_backward_ms", "step phase: zero_grad + backward", "ms", bwd_ms));
  metrics.push_back(metric("phase_optimizer_ms", "step phase: Adam update", "ms", opt_ms));

  // forward throughput (loss included, no gradients)
  std::vector<double> fwd_tps;
  a0 = g_allocs;
  model.forward(x.data(), y.data(), kB, kT);
  const double fwd_allocs = static_cast<double>(g_allocs - a0);
  for (int r = 0; r < opt.reps; ++r) {
    const int n = 2 * opt.steps;
    const auto t0 = Clock::now();
    for (int i = 0; i < n; ++i) model.forward(x.data(), y.data(), kB, kT);
    fwd_tps.push_back(static_cast<double>(n) * kBT / seconds_since(t0));
  }
  metrics.push_back(metric("forward_tokens_per_s", "forward tokens/s (B=16 T=32, with loss)", "tokens/s", fwd_tps));
  metrics.push_back(
      metric("allocs_per_forward", "allocations per forward pass (B=16) after the first", "calls", {fwd_allocs}));

  // inspection: one 32-token sentence, every intermediate recorded (what the page's inspect does in C++)
  tf::Model demo(cfg, 1337);
  std::vector<int> ids(x.begin(), x.begin() + kT), targets(ids.begin() + 1, ids.end());
  targets.push_back(tf::Model::kIgnore);
  for (int i = 0; i < 3; ++i) {
    tf::Inspection warm;
    demo.forward(ids.data(), targets.data(), 1, kT, &warm);
  }
  std::vector<double> insp_ms;
  std::size_t recorded = 0;
  constexpr int kPerSample = 5;  // browsers coarsen performance.now(): time a few calls per sample
  for (int r = 0; r < 4 * opt.reps; ++r) {
    const auto t0 = Clock::now();
    for (int i = 0; i < kPerSample; ++i) {
      tf::Inspection rec;
      demo.forward(ids.data(), targets.data(), 1, kT, &rec);
      recorded = rec.names().size();
    }
    insp_ms.push_back(seconds_since(t0) * 1e3 / kPerSample);
  }
  a0 = g_allocs;
  {
    tf::Inspection rec;
    demo.forward(ids.data(), targets.data(), 1, kT, &rec);
  }
  const double inspect_allocs = static_cast<double>(g_allocs - a0);
  metrics.push_back(metric("inspect_ms", "inspection latency, 32 tokens, every intermediate recorded", "ms", insp_ms));
  metrics.push_back(metric("allocs_per_inspect", "allocations per inspection (32 tokens)", "calls", {inspect_allocs}));
  out["inspection_tensors"] = recorded;

  metrics.push_back(metric("peak_memory_mb",
#if defined(__EMSCRIPTEN__)
                           "peak memory (wasm heap size)",
#else
                           "peak memory (maxrss)",
#endif
                           "MB", {peak_memory_bytes() / 1e6}));

  const bool finite = std::isfinite(last_loss) && last_loss < first_loss;
  ok = ok && finite;
  checks.push_back({{"check", "training loss falls"}, {"first", first_loss}, {"last", last_loss}, {"ok", finite}});
  return ok ? 0 : 1;
}

// Only training steps, for profilers (perf record, valgrind --tool=callgrind): no other phases mixed in.
int run_train_only(const Options& opt, json& out) {
  tf::OptimizerConfig oc;
  oc.kind = tf::OptimizerKind::Adam;
  oc.lr = 1e-3f;
  tf::TrainConfig tc;
  tc.batch_size = kB;
  tc.seq_len = kT;
  tf::BatchSampler batches(synthetic_stream(1 << 17, kV), kB, kT, 1);
  tf::Trainer trainer(reference_config(), oc, tc);
  std::vector<int> x(kBT), y(kBT);
  batches.next(x.data(), y.data());
  trainer.step(x.data(), y.data());
  const auto t0 = Clock::now();
  float loss = 0.0f;
  for (int i = 0; i < opt.steps; ++i) {
    batches.next(x.data(), y.data());
    loss = trainer.step(x.data(), y.data()).loss;
  }
  out["metrics"].push_back(metric("train_tokens_per_s", "training tokens/s (B=16 T=32, Adam)", "tokens/s",
                                  {static_cast<double>(opt.steps) * kBT / seconds_since(t0)}));
  out["losses"] = {{"last", loss}};
  return std::isfinite(loss) ? 0 : 1;
}

// ---- the encoder–decoder: training, forward, step phases, memory, allocations ----------------------
// The workload is defined once for the JS side in tests/bench/workload.mjs (SEQ2SEQ, seq2seqBatches(),
// seq2seqHash()); these constants and seq2seq_pairs() mirror it number for number. The driver compares
// the batch hash this mode prints with workload.mjs's, so the two cannot drift apart silently.
constexpr int kS2sLe = 2, kS2sLd = 2, kS2sH = 4, kS2sC = 64, kS2sF = 256, kS2sVs = 512, kS2sVt = 384;
constexpr int kS2sB = 16, kS2sS = 12, kS2sT = 16, kS2sBatches = 8;
constexpr int kS2sBT = kS2sB * kS2sT;       // decoder positions per batch, padded or not
constexpr std::size_t kS2sParams = 316032;  // as SEQ2SEQ.params
constexpr int kFirstRealId = 4;             // ids 0..3 are <pad> <bos> <eos> <unk>

tf::Seq2SeqConfig seq2seq_config() {
  tf::Seq2SeqConfig c;  // defaults: post-LN, ReLU, LayerNorm eps 1e-5 (nn.Transformer)
  c.n_encoder_layer = kS2sLe;
  c.n_decoder_layer = kS2sLd;
  c.n_head = kS2sH;
  c.n_embd = kS2sC;
  c.mlp_hidden = kS2sF;
  c.block_size = std::max(kS2sS, kS2sT);
  c.src_vocab_size = kS2sVs;
  c.tgt_vocab_size = kS2sVt;
  return c;
}

// kS2sBatches batches of kS2sB pairs, as seq2seqBatches() in workload.mjs draws them: per row a source
// length in [(S−2)/2, S−2], a target length in [(T−1)/2, T−1], then the source ids, then the target ids,
// all real tokens (>= 4) from xorshift32. tf::fill_pair adds <bos> / <eos> and the padding.
std::vector<std::vector<tf::TokenPair>> seq2seq_pairs() {
  std::uint32_t s = 0x2545f491u;
  auto next = [&s] {
    s ^= s << 13, s ^= s >> 17, s ^= s << 5;
    return s;
  };
  const std::uint32_t lo_s = (kS2sS - 2) / 2, hi_s = kS2sS - 2, lo_t = (kS2sT - 1) / 2, hi_t = kS2sT - 1;
  std::vector<std::vector<tf::TokenPair>> batches(kS2sBatches, std::vector<tf::TokenPair>(kS2sB));
  for (auto& rows : batches) {
    for (tf::TokenPair& p : rows) {
      const std::uint32_t ns = lo_s + next() % (hi_s - lo_s + 1);
      const std::uint32_t nt = lo_t + next() % (hi_t - lo_t + 1);
      p.source.resize(ns), p.target.resize(nt);
      for (int& id : p.source) id = kFirstRealId + static_cast<int>(next() % (kS2sVs - kFirstRealId));
      for (int& id : p.target) id = kFirstRealId + static_cast<int>(next() % (kS2sVt - kFirstRealId));
    }
  }
  return batches;
}

// Writes batch k of the cycle into `batch` (its buffers already sized: no allocation).
void fill_seq2seq_batch(tf::Batch& batch, const std::vector<std::vector<tf::TokenPair>>& pairs, long long k) {
  const auto& rows = pairs[static_cast<std::size_t>(k % kS2sBatches)];
  for (int b = 0; b < kS2sB; ++b) tf::fill_pair(batch, b, rows[b]);
}

// FNV-1a over every id of the cycle's batches (source, inputs, targets, batch after batch), as
// seq2seqHash() in workload.mjs.
std::uint32_t seq2seq_hash(const std::vector<std::vector<tf::TokenPair>>& pairs) {
  tf::Batch batch;
  batch.resize(kS2sB, kS2sT, kS2sS);
  std::uint32_t h = 0x811c9dc5u;
  auto mix = [&h](const std::vector<int>& ids) {
    for (int v : ids) h = (h ^ static_cast<std::uint32_t>(v)) * 16777619u;
  };
  for (int k = 0; k < kS2sBatches; ++k) {
    fill_seq2seq_batch(batch, pairs, k);
    mix(batch.source), mix(batch.inputs), mix(batch.targets);
  }
  return h;
}

std::unique_ptr<tf::Trainer> seq2seq_trainer() {
  tf::OptimizerConfig oc;
  oc.kind = tf::OptimizerKind::Adam;
  oc.lr = 1e-3f;
  tf::TrainConfig tc;
  tc.batch_size = kS2sB;
  return std::make_unique<tf::Trainer>(std::make_unique<tf::Seq2Seq>(seq2seq_config(), tc.seed), oc, tc);
}

// Two counts of the same steps: "tokens" are the targets the loss counts (the real target tokens and
// <eos>, no padding: what a translation run learns from), "positions" are B·T per step whatever the
// padding (what TF.js's peer computes on, and equal on both sides step for step: the ratios use these).
int run_seq2seq(const Options& opt, json& out) {
  json& metrics = out["metrics"];
  json& checks = out["checks"];
  bool ok = true;
  const auto pairs = seq2seq_pairs();
  out["seq2seq"] = {
      {"batches_hash", seq2seq_hash(pairs)}, {"batches", kS2sBatches}, {"B", kS2sB}, {"S", kS2sS}, {"T", kS2sT}};
  std::unique_ptr<tf::Trainer> owner = seq2seq_trainer();
  tf::Trainer& trainer = *owner;
  tf::Network& net = trainer.network();
  tf::Batch batch;
  batch.resize(kS2sB, kS2sT, kS2sS);
  long long k = 0;  // the next batch of the cycle
  out["num_parameters"] = net.num_parameters();
  const bool params_ok = net.num_parameters() == kS2sParams;
  ok = ok && params_ok;
  checks.push_back(
      {{"check", "seq2seq model has 316,032 parameters"}, {"params", net.num_parameters()}, {"ok", params_ok}});

  // step 1 (sizes every buffer), then allocations over the steps after it (batch filling included: it
  // writes into the same buffers)
  fill_seq2seq_batch(batch, pairs, k++);
  long long a0 = g_allocs, b0 = g_alloc_bytes;
  const float first_loss = trainer.step(batch).loss;
  const double first_allocs = static_cast<double>(g_allocs - a0), first_bytes = static_cast<double>(g_alloc_bytes - b0);
  constexpr int kCounted = 10;
  a0 = g_allocs, b0 = g_alloc_bytes;
  for (int i = 0; i < kCounted; ++i) {
    fill_seq2seq_batch(batch, pairs, k++);
    trainer.step(batch);
  }
  const double step_allocs = static_cast<double>(g_allocs - a0) / kCounted;
  const double step_bytes = static_cast<double>(g_alloc_bytes - b0) / kCounted;
  metrics.push_back(metric("s2s_allocs_per_step",
                           "seq2seq: allocations per training step after the first (operator new)", "calls",
                           {step_allocs}));
  metrics.push_back(metric("s2s_alloc_bytes_per_step", "seq2seq: bytes allocated per training step after the first",
                           "bytes", {step_bytes}));
  metrics.push_back(
      metric("s2s_allocs_first_step", "seq2seq: allocations in the first training step", "calls", {first_allocs}));
  metrics.push_back(metric("s2s_alloc_bytes_first_step", "seq2seq: bytes allocated in the first training step", "bytes",
                           {first_bytes}));
  // Xavier-initialised generator over a unit-variance LayerNorm output: logits of std ≈ 0.5 around ln 384 = 5.95
  const bool loss_sane =
      std::isfinite(first_loss) && std::fabs(first_loss - std::log(static_cast<float>(kS2sVt))) < 0.5f;
  ok = ok && loss_sane;
  checks.push_back(
      {{"check", "seq2seq: first training loss near ln 384 = 5.951"}, {"loss", first_loss}, {"ok", loss_sane}});

  // training throughput, warmed up as the GPT's (0.3 s of steps after the counted ones)
  float last_loss = 0.0f;
  for (const auto w0 = Clock::now(); seconds_since(w0) < 0.3;) {
    fill_seq2seq_batch(batch, pairs, k++);
    last_loss = trainer.step(batch).loss;
  }
  std::vector<double> train_tps, train_pps;
  for (int r = 0; r < opt.reps; ++r) {
    long long counted = 0;
    const auto t0 = Clock::now();
    for (int i = 0; i < opt.steps; ++i) {
      fill_seq2seq_batch(batch, pairs, k++);
      const tf::StepResult res = trainer.step(batch);
      last_loss = res.loss;
      counted += res.tokens;
    }
    const double sec = seconds_since(t0);
    train_tps.push_back(static_cast<double>(counted) / sec);
    train_pps.push_back(static_cast<double>(opt.steps) * kS2sBT / sec);
  }
  metrics.push_back(metric("s2s_train_tokens_per_s",
                           "seq2seq training tokens/s, counted targets (no padding; B=16 S=12 T=16, Adam)", "tokens/s",
                           train_tps));
  metrics.push_back(metric("s2s_train_positions_per_s",
                           "seq2seq training B·T/s, every decoder position (B=16 S=12 T=16, Adam)", "B·T/s",
                           train_pps));
  out["losses"] = {{"first", first_loss}, {"last", last_loss}, {"steps", trainer.steps()}};

  // the phases of a step, timed apart on the same network and optimizer
  std::vector<double> fwd_ms, bwd_ms, opt_ms;
  for (int r = 0; r < opt.reps; ++r) {
    double f = 0, b = 0, o = 0;
    for (int i = 0; i < opt.steps; ++i) {
      fill_seq2seq_batch(batch, pairs, k++);
      auto t0 = Clock::now();
      net.forward(batch);
      auto t1 = Clock::now();
      net.zero_grad();
      net.backward();
      auto t2 = Clock::now();
      trainer.optimizer().step();
      auto t3 = Clock::now();
      f += std::chrono::duration<double, std::milli>(t1 - t0).count();
      b += std::chrono::duration<double, std::milli>(t2 - t1).count();
      o += std::chrono::duration<double, std::milli>(t3 - t2).count();
    }
    fwd_ms.push_back(f / opt.steps), bwd_ms.push_back(b / opt.steps), opt_ms.push_back(o / opt.steps);
  }
  metrics.push_back(metric("s2s_phase_forward_ms", "seq2seq step phase: forward + loss", "ms", fwd_ms));
  metrics.push_back(metric("s2s_phase_backward_ms", "seq2seq step phase: zero_grad + backward", "ms", bwd_ms));
  metrics.push_back(metric("s2s_phase_optimizer_ms", "seq2seq step phase: Adam update", "ms", opt_ms));

  // forward throughput (loss included, no gradients) on one batch
  fill_seq2seq_batch(batch, pairs, 0);
  int counted_fwd = 0;
  for (int t : batch.targets) counted_fwd += t != tf::Network::kIgnore;
  a0 = g_allocs;
  net.forward(batch);
  const double fwd_allocs = static_cast<double>(g_allocs - a0);
  std::vector<double> fwd_tps, fwd_pps;
  for (int r = 0; r < opt.reps; ++r) {
    const int n = 2 * opt.steps;
    const auto t0 = Clock::now();
    for (int i = 0; i < n; ++i) net.forward(batch);
    const double sec = seconds_since(t0);
    fwd_tps.push_back(static_cast<double>(n) * counted_fwd / sec);
    fwd_pps.push_back(static_cast<double>(n) * kS2sBT / sec);
  }
  metrics.push_back(
      metric("s2s_forward_tokens_per_s", "seq2seq forward tokens/s, counted targets (with loss)", "tokens/s", fwd_tps));
  metrics.push_back(metric("s2s_forward_positions_per_s", "seq2seq forward B·T/s (with loss)", "B·T/s", fwd_pps));
  metrics.push_back(
      metric("s2s_allocs_per_forward", "seq2seq: allocations per forward pass after the first", "calls", {fwd_allocs}));
  metrics.push_back(metric("s2s_peak_memory_mb",
#if defined(__EMSCRIPTEN__)
                           "seq2seq: peak memory (wasm heap size)",
#else
                           "seq2seq: peak memory (VmHWM of this process)",
#endif
                           "MB", {own_peak_memory_bytes() / 1e6}));

  const bool falls = std::isfinite(last_loss) && last_loss < first_loss;
  ok = ok && falls;
  checks.push_back(
      {{"check", "seq2seq: training loss falls"}, {"first", first_loss}, {"last", last_loss}, {"ok", falls}});
  return ok ? 0 : 1;
}

// Only encoder–decoder training steps, for profilers.
int run_seq2seq_train_only(const Options& opt, json& out) {
  const auto pairs = seq2seq_pairs();
  std::unique_ptr<tf::Trainer> trainer = seq2seq_trainer();
  tf::Batch batch;
  batch.resize(kS2sB, kS2sT, kS2sS);
  long long k = 0;
  fill_seq2seq_batch(batch, pairs, k++);
  trainer->step(batch);
  const auto t0 = Clock::now();
  float loss = 0.0f;
  for (int i = 0; i < opt.steps; ++i) {
    fill_seq2seq_batch(batch, pairs, k++);
    loss = trainer->step(batch).loss;
  }
  out["metrics"].push_back(metric("s2s_train_positions_per_s", "seq2seq training B·T/s (B=16 S=12 T=16, Adam)", "B·T/s",
                                  {static_cast<double>(opt.steps) * kS2sBT / seconds_since(t0)}));
  out["losses"] = {{"last", loss}};
  return std::isfinite(loss) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  std::string mode = argc > 1 ? argv[1] : "";
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--reps" && has_value) {
      opt.reps = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--min-ms" && has_value) {
      opt.min_ms = std::max(1.0, std::atof(argv[++i]));
    } else if (a == "--steps" && has_value) {
      opt.steps = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "tinyformer_bench: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (mode != "kernels" && mode != "model" && mode != "train" && mode != "seq2seq" && mode != "seq2seq-train") {
    std::fprintf(
        stderr,
        "usage: tinyformer_bench kernels|model|train|seq2seq|seq2seq-train [--reps N] [--min-ms X] [--steps K]\n");
    return 2;
  }

  json out;
#if defined(__EMSCRIPTEN__)
  out["target"] = "wasm";
#else
  out["target"] = "native";
#endif
  out["mode"] = mode;
  out["arch"] = tf::simd::arch_name();
  out["width"] = kWidth;
  out["metrics"] = json::array();
  out["checks"] = json::array();
  int rc = 0;
  try {
    rc = mode == "kernels"   ? run_kernels(opt, out)
         : mode == "model"   ? run_model(opt, out)
         : mode == "train"   ? run_train_only(opt, out)
         : mode == "seq2seq" ? run_seq2seq(opt, out)
                             : run_seq2seq_train_only(opt, out);
  } catch (const std::exception& e) {
    out["error"] = e.what();
    rc = 1;
  }
  out["ok"] = rc == 0;
  std::printf("%s\n", out.dump().c_str());
  std::fflush(stdout);
  return rc;
}
