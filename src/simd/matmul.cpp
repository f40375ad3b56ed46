#include "simd/matmul.hpp"

#include <algorithm>
#include <utility>

#include "simd/arch.hpp"

namespace tf {
namespace {

using simd::FloatBatch;
constexpr int W = simd::kWidth;

// GCC folds a load into each multiply-add that uses it, so a B vector feeding MR multiply-adds would be
// loaded MR times and the tile would wait on the load ports; an empty asm that claims to change the
// register keeps one load per vector. (WebAssembly has no registers to pin, and needs nothing here.)
inline void keep_in_register([[maybe_unused]] FloatBatch& x) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  asm("" : "+v"(x.data));
#endif
}

// Register tile: MR rows of C times NV SIMD vectors of columns, held in MR·NV accumulators while k runs.
// Each B vector loaded feeds MR multiply-adds, each A broadcast NV.
// - AVX-512 (32 registers): 4×4, 16 accumulators, 4 B vectors, 1 broadcast: 80–91% of the FMA peak on an
//   Intel family-6 machine, where 6×4 measured 1–2% slower.
// - AVX2 (16 registers): 6×2, 12 accumulators, 2 B vectors, 1 broadcast: 8 loads per 12 multiply-adds, so
//   the two FMA pipes, not the load ports, set the pace. On Zen 4 it took a training step's matmul time
//   from 9.3–9.9 ms to 6.9–7.2 ms against the 2×4 tile (3 interleaved runs of `tinyformer_bench kernels`).
// - SIMD128 (16 registers as V8 maps it to x86): 2×4, 8 accumulators and 4 B vectors; in wasm it measured
//   3–14% faster than 4×2 (again 10–17% on the weight gradients, Intel family 6), and 3×4 spills.
// Every layout, in every build, goes through this one tile: wasm's A·Bᵀ by dot products (no broadcasts)
// used to win, until the tile's addressing stopped costing a multiply per load (see `tile`).
constexpr int kMR = W >= 16 ? 4 : W == 8 ? 6 : 2;
constexpr int kNV = W == 8 ? 2 : 4;
// k is cut into blocks so the B panel one column strip needs (KC rows × kNV·W columns) stays in a
// 16 KiB slice of L1 while every row block of C sweeps over it.
constexpr int kKC = 16 * 1024 / (4 * kNV * W);

// C[MR, NV·W] (+)= A[MR, kc] · B[kc, NV·W].  A is addressed through strides so one kernel serves A
// (row-major: sai = K, sak = 1) and Aᵀ (sai = 1, sak = M); B and C are row-major with leading dims ldb, ldc.
template <int MR, int NV>
void tile(float* C, int ldc, const float* A, int sai, int sak, const float* B, int ldb, int kc, bool load_c) {
  FloatBatch acc[MR][NV];
  for (int r = 0; r < MR; ++r)
    for (int v = 0; v < NV; ++v)
      acc[r][v] = load_c ? FloatBatch::load_unaligned(C + r * ldc + v * W) : FloatBatch(0.0f);
  // The pointers step along k: indexed by k, the wasm build kept a multiply per address per step, and
  // its Aᵀ·B products ran at 65% of the SIMD128 peak instead of 90%.
  const float* Ak = A;
  const float* Bk = B;
  for (int k = 0; k < kc; ++k, Ak += sak, Bk += ldb) {
    FloatBatch b[NV];
    for (int v = 0; v < NV; ++v) {
      b[v] = FloatBatch::load_unaligned(Bk + v * W);
      keep_in_register(b[v]);
    }
    for (int r = 0; r < MR; ++r) {
      const FloatBatch a(Ak[r * sai]);
      for (int v = 0; v < NV; ++v) acc[r][v] = xsimd::fma(a, b[v], acc[r][v]);
    }
  }
  for (int r = 0; r < MR; ++r)
    for (int v = 0; v < NV; ++v) acc[r][v].store_unaligned(C + r * ldc + v * W);
}

// One column strip of NV·W columns, all M rows: full MR-row tiles, then single rows.
template <int NV>
void strip(float* C, int ldc, const float* A, int sai, int sak, const float* B, int ldb, int M, int kc, bool load_c) {
  int i = 0;
  for (; i + kMR <= M; i += kMR) tile<kMR, NV>(C + i * ldc, ldc, A + i * sai, sai, sak, B, ldb, kc, load_c);
  if constexpr (kMR > 2)
    for (; i + 2 <= M; i += 2) tile<2, NV>(C + i * ldc, ldc, A + i * sai, sai, sak, B, ldb, kc, load_c);
  for (; i < M; ++i) tile<1, NV>(C + i * ldc, ldc, A + i * sai, sai, sak, B, ldb, kc, load_c);
}

// The B panel of one column strip, copied into a contiguous [kc, width] block: the strip's rows of B
// are ldb floats apart in the matrix, and with ldb a multiple of 256 floats (1 KiB) they fall on a few L1
// sets and evict each other while every row tile of C sweeps over them. Packing also transposes: B[k, n]
// is read at B[k·sbk + n·sbn], a row-major B (sbk = ldb, sbn = 1) or the Bᵀ of a row-major [N, K]
// (sbk = 1, sbn = ldb), so A·Bᵀ needs no transposed copy of B.
constexpr int kPanelFloats = kKC * kNV * W;

// SIMD128 (4 lanes): the 4×4 block S[i][j] = src[i·lds + j] written transposed, dst[j·ldd + i] = S[i][j], by
// two rounds of zips (a0 c0 a1 c1 | a2 c2 a3 c3, then a0 b0 c0 d0 | ...): one vector store per output row
// instead of 4 scalar moves. Packing Kᵀ for attention's per-head Q·Kᵀ took it from 20 to 26 GFLOP/s in wasm.
inline void transpose4_store(float* dst, int ldd, const float* src, int lds) {
  const FloatBatch r0 = FloatBatch::load_unaligned(src), r1 = FloatBatch::load_unaligned(src + lds);
  const FloatBatch r2 = FloatBatch::load_unaligned(src + 2 * lds), r3 = FloatBatch::load_unaligned(src + 3 * lds);
  const FloatBatch t0 = xsimd::zip_lo(r0, r2), t1 = xsimd::zip_hi(r0, r2);
  const FloatBatch t2 = xsimd::zip_lo(r1, r3), t3 = xsimd::zip_hi(r1, r3);
  xsimd::zip_lo(t0, t2).store_unaligned(dst);
  xsimd::zip_hi(t0, t2).store_unaligned(dst + ldd);
  xsimd::zip_lo(t1, t3).store_unaligned(dst + 2 * ldd);
  xsimd::zip_hi(t1, t3).store_unaligned(dst + 3 * ldd);
}
// (one out-of-line copy: inlined at each strip width it made the wasm module 14 KB larger, no faster)
[[gnu::noinline]] void pack_panel(float* P, const float* B, int sbk, int sbn, int kc, int width) {
  if (sbn == 1) {  // rows of `width` floats: vector copies (std::copy became a memmove call per row in wasm)
    for (int k = 0; k < kc; ++k, B += sbk, P += width) {
      int c = 0;
      for (; c + W <= width; c += W) FloatBatch::load_unaligned(B + c).store_unaligned(P + c);
      for (; c < width; ++c) P[c] = B[c];
    }
  } else {
    int c = 0;
    if constexpr (W == 4) {  // Bᵀ of a row-major [N, K] (sbk = 1): 4×4 blocks transposed in registers
      if (sbk == 1)
        for (; c + 4 <= width; c += 4) {
          const float* Bc = B + c * sbn;
          int k = 0;
          for (; k + 4 <= kc; k += 4) transpose4_store(P + k * width + c, width, Bc + k, sbn);
          for (; k < kc; ++k)
            for (int i = 0; i < 4; ++i) P[k * width + c + i] = Bc[k + i * sbn];
        }
    }
    for (; c < width; ++c)
      for (int k = 0; k < kc; ++k) P[k * width + c] = B[k * sbk + c * sbn];
  }
}

// Products with fewer rows of C than this (attention's per-head ones) read a row-major B in place: the
// panel would be reused only M / kMR times, and measured slower at M = 32.
constexpr int kPackRows = 64;

// C[M,N] (+)= A·B[K,N] with A[i,k] at A[i·sai + k·sak], B[k,n] at B[k·sbk + n·sbn], C row-major with
// leading dim ldc: k blocks outside, column strips (each B panel packed), then row tiles.
void gemm_strided(float* C, int ldc, const float* A, int sai, int sak, const float* B, int sbk, int sbn, int M, int K,
                  int N, bool accumulate) {
  if (K == 0) {
    if (!accumulate)
      for (int i = 0; i < M; ++i)
        std::fill(C + static_cast<std::size_t>(i) * ldc, C + static_cast<std::size_t>(i) * ldc + N, 0.0f);
    return;
  }
  alignas(64) static float panel[kPanelFloats];
  const bool pack = sbn != 1 || M >= kPackRows;
  for (int k0 = 0; k0 < K; k0 += kKC) {
    const int kc = std::min(kKC, K - k0);
    const bool load_c = accumulate || k0 > 0;
    const float* Ak = A + k0 * sak;
    const float* Bk = B + k0 * sbk;
    // the strip's B panel and its leading dim: packed, or B itself
    auto panel_of = [&](int j, int width) -> std::pair<const float*, int> {
      if (!pack) return {Bk + j, sbk};
      pack_panel(panel, Bk + j * sbn, sbk, sbn, kc, width);
      return {panel, width};
    };
    int j = 0;
    for (; j + kNV * W <= N; j += kNV * W) {
      const auto [Bp, ldb] = panel_of(j, kNV * W);
      strip<kNV>(C + j, ldc, Ak, sai, sak, Bp, ldb, M, kc, load_c);
    }
    if constexpr (kNV > 2)
      for (; j + 2 * W <= N; j += 2 * W) {
        const auto [Bp, ldb] = panel_of(j, 2 * W);
        strip<2>(C + j, ldc, Ak, sai, sak, Bp, ldb, M, kc, load_c);
      }
    for (; j + W <= N; j += W) {
      const auto [Bp, ldb] = panel_of(j, W);
      strip<1>(C + j, ldc, Ak, sai, sak, Bp, ldb, M, kc, load_c);
    }
    if (j < N) {  // scalar tail columns
      const auto [Bp, ldb] = panel_of(j, N - j);
      for (int c = 0; j + c < N; ++c)
        for (int i = 0; i < M; ++i) {
          float acc = load_c ? C[i * ldc + j + c] : 0.0f;
          for (int k = 0; k < kc; ++k) acc += Ak[i * sai + k * sak] * Bp[k * ldb + c];
          C[i * ldc + j + c] = acc;
        }
    }
  }
}

}  // namespace

void matmul_nn(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate) {
  gemm_strided(C, N, A, K, 1, B, N, 1, M, K, N, accumulate);
}

void matmul_tn(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate) {
  gemm_strided(C, N, A, 1, M, B, N, 1, M, K, N, accumulate);
}

void matmul_nt(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate) {
  gemm_strided(C, N, A, K, 1, B, 1, K, M, K, N, accumulate);  // B read transposed while its panels are packed
}

void matmul_nn_ld(float* C, int ldc, const float* A, int lda, const float* B, int ldb, int M, int K, int N,
                  bool accumulate) {
  gemm_strided(C, ldc, A, lda, 1, B, ldb, 1, M, K, N, accumulate);
}

void matmul_nt_ld(float* C, int ldc, const float* A, int lda, const float* B, int ldb, int M, int K, int N,
                  bool accumulate) {
  gemm_strided(C, ldc, A, lda, 1, B, 1, ldb, M, K, N, accumulate);
}

void matmul_tn_ld(float* C, int ldc, const float* A, int lda, const float* B, int ldb, int M, int K, int N,
                  bool accumulate) {
  gemm_strided(C, ldc, A, 1, lda, B, ldb, 1, M, K, N, accumulate);
}

void matmul_nn_ref(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate) {
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      float acc = accumulate ? C[i * N + j] : 0.0f;
      for (int k = 0; k < K; ++k) acc += A[i * K + k] * B[k * N + j];
      C[i * N + j] = acc;
    }
}

void matmul_nt_ref(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate) {
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      float acc = accumulate ? C[i * N + j] : 0.0f;
      for (int k = 0; k < K; ++k) acc += A[i * K + k] * B[j * K + k];
      C[i * N + j] = acc;
    }
}

void matmul_tn_ref(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate) {
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      float acc = accumulate ? C[i * N + j] : 0.0f;
      for (int k = 0; k < K; ++k) acc += A[k * M + i] * B[k * N + j];
      C[i * N + j] = acc;
    }
}

void matmul_nn_ld_ref(float* C, int ldc, const float* A, int lda, const float* B, int ldb, int M, int K, int N,
                      bool accumulate) {
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      float acc = accumulate ? C[i * ldc + j] : 0.0f;
      for (int k = 0; k < K; ++k) acc += A[i * lda + k] * B[k * ldb + j];
      C[i * ldc + j] = acc;
    }
}

void matmul_nt_ld_ref(float* C, int ldc, const float* A, int lda, const float* B, int ldb, int M, int K, int N,
                      bool accumulate) {
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      float acc = accumulate ? C[i * ldc + j] : 0.0f;
      for (int k = 0; k < K; ++k) acc += A[i * lda + k] * B[j * ldb + k];
      C[i * ldc + j] = acc;
    }
}

void matmul_tn_ld_ref(float* C, int ldc, const float* A, int lda, const float* B, int ldb, int M, int K, int N,
                      bool accumulate) {
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      float acc = accumulate ? C[i * ldc + j] : 0.0f;
      for (int k = 0; k < K; ++k) acc += A[k * lda + i] * B[k * ldb + j];
      C[i * ldc + j] = acc;
    }
}

}  // namespace tf
