#pragma once
// The one place that picks the SIMD architecture.
//
// Natively xsimd picks the best instruction set the compiler targets (SSE/AVX/AVX-512 with
// -march=native). In WebAssembly, xsimd 8.1 has no architecture of its own: simd/xsimd_wasm.hpp adds
// one over SIMD128, and we must name it explicitly because xsimd's default_arch stays `unavailable`.
#include "simd/xsimd_wasm.hpp"

namespace tf::simd {

#if defined(__wasm_simd128__)
using Arch = xsimd::wasm;
#else
using Arch = xsimd::default_arch;
#endif
using FloatBatch = xsimd::batch<float, Arch>;
inline constexpr int kWidth = static_cast<int>(FloatBatch::size);

// The name of the instruction set the kernels were compiled for ("wasm", "avx2", "sse2", ...).
inline const char* arch_name() { return Arch::name(); }

}  // namespace tf::simd
