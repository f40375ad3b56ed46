#pragma once
// Elementwise operations on rows of floats, in SIMD and inline: a short row (one attention head's D
// floats) costs no call, which a memcpy in WebAssembly does, and a long one (a whole activation) runs
// in full vectors. dst may be one of the sources.
//
//   copy_row(dst, src, n)     dst = src
//   add_row(dst, src, n)      dst += src
//   sum_rows(dst, a, b, n)    dst = a + b
#include <cstddef>

#include "simd/arch.hpp"

namespace tf::simd {

inline void copy_row(float* dst, const float* src, std::size_t n) {
  std::size_t i = 0;
  for (; i + kWidth <= n; i += kWidth) FloatBatch::load_unaligned(src + i).store_unaligned(dst + i);
  for (; i < n; ++i) dst[i] = src[i];
}

inline void sum_rows(float* dst, const float* a, const float* b, std::size_t n) {
  std::size_t i = 0;
  for (; i + kWidth <= n; i += kWidth)
    (FloatBatch::load_unaligned(a + i) + FloatBatch::load_unaligned(b + i)).store_unaligned(dst + i);
  for (; i < n; ++i) dst[i] = a[i] + b[i];
}

inline void add_row(float* dst, const float* src, std::size_t n) { sum_rows(dst, dst, src, n); }

}  // namespace tf::simd
