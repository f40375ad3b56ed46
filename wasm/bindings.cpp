// Embind registration only: every function here forwards to the engine in src/ and turns C++
// exceptions into real JavaScript Errors (Emscripten 3.1.6 would otherwise deliver a bare number).
// A thrown Error carries `code` (stable, translated by the page), `detail` and `detail2`.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/rng.hpp"
#include "layers/positional.hpp"
#include "simd/arch.hpp"
#include "simd/matmul.hpp"
#include "text/utf8.hpp"

using emscripten::val;

namespace {

[[noreturn]] void throw_js(const std::string& code, const std::string& message, long long detail = -1,
                           long long detail2 = -1) {
  val error = val::global("Error").new_(message);
  error.set("code", code);
  error.set("detail", static_cast<double>(detail));
  error.set("detail2", static_cast<double>(detail2));
  error.throw_();
  __builtin_unreachable();
}

// Runs `fn`, translating any C++ exception into a JavaScript Error.
template <class Fn>
auto guarded(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const tf::Error& e) {
    throw_js(e.code(), e.what(), e.detail(), e.detail2());
  } catch (const std::bad_alloc&) {
    throw_js("out_of_memory", "out of memory");
  } catch (const std::exception& e) {
    throw_js("internal", e.what());
  }
}

// Copies floats out of wasm memory into a fresh Float32Array (safe across memory growth).
val to_float32_array(const float* data, std::size_t n) {
  return val::global("Float32Array").new_(emscripten::typed_memory_view(n, data));
}

val tensor_object(const float* data, const std::vector<int>& shape) {
  std::size_t n = 1;
  val js_shape = val::array();
  for (int d : shape) {
    n *= static_cast<std::size_t>(d);
    js_shape.call<void>("push", d);
  }
  val out = val::object();
  out.set("data", to_float32_array(data, n));
  out.set("shape", js_shape);
  return out;
}

std::vector<float> floats_from(const val& array) { return emscripten::convertJSArrayToNumberVector<float>(array); }

// ---- bound functions ---------------------------------------------------------------------------

std::string version() { return TINYFORMER_VERSION; }
std::string simd_arch() { return tf::simd::arch_name(); }

val positional_encoding(int T, int C) {
  return guarded([&] {
    const auto table = tf::sinusoidal_table(T, C);
    return tensor_object(table.data(), {T, C});
  });
}

// Text arrives as UTF-8 bytes (the JS wrapper passes a Uint8Array, which Embind copies into the
// std::string unchanged), so invalid input reaches the engine's validator as it is.

// The code points of UTF-8 text, as strings.
val split_chars(const std::string& utf8) {
  return guarded([&] {
    const auto cps = tf::decode_utf8(utf8);
    val out = val::array();
    for (char32_t cp : cps) out.call<void>("push", tf::encode_utf8({cp}));
    return out;
  });
}

val rng_normals(double seed, int n) {
  return guarded([&] {
    if (n < 0 || n > (1 << 20)) throw tf::Error("bad_count", "n must be in [0, 1048576]", n);
    tf::Rng rng(static_cast<std::uint64_t>(seed));
    std::vector<float> out(static_cast<std::size_t>(n));
    for (float& x : out) x = rng.normal();
    return to_float32_array(out.data(), out.size());
  });
}

// C[M,N] = A[M,K] · B[N,K]ᵀ with the SIMD kernel: the layout of every Linear layer.
val matmul_nt(const val& a, const val& b, int M, int K, int N) {
  return guarded([&] {
    const auto A = floats_from(a), B = floats_from(b);
    if (M < 1 || K < 1 || N < 1 || A.size() != static_cast<std::size_t>(M) * K ||
        B.size() != static_cast<std::size_t>(N) * K)
      throw tf::Error("bad_shape", "matmul: A must be M*K and B N*K floats");
    std::vector<float> C(static_cast<std::size_t>(M) * N);
    tf::matmul_nt(C.data(), A.data(), B.data(), M, K, N);
    return tensor_object(C.data(), {M, N});
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(tinyformer) {
  emscripten::function("version", &version);
  emscripten::function("simdArch", &simd_arch);
  emscripten::function("positionalEncoding", &positional_encoding);
  emscripten::function("splitChars", &split_chars);
  emscripten::function("rngNormals", &rng_normals);
  emscripten::function("matmulNT", &matmul_nt);
}
