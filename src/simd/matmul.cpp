#include "simd/matmul.hpp"

#include <vector>

#include "simd/arch.hpp"

namespace tf {
namespace {

using simd::FloatBatch;
constexpr int W = simd::kWidth;

// The register-blocked micro-kernel: MR rows of C times two SIMD vectors of columns at a time.
// A is addressed through strides so one kernel serves A (row-major, sai=K, sak=1) and Aᵀ (sai=1, sak=M).
template <int MR>
void rows_block(float* C, int N, const float* A, int sai, int sak, const float* B, int K, bool accumulate) {
  int j = 0;
  for (; j + 2 * W <= N; j += 2 * W) {
    FloatBatch acc0[MR], acc1[MR];
    for (int r = 0; r < MR; ++r) {
      acc0[r] = accumulate ? FloatBatch::load_unaligned(C + r * N + j) : FloatBatch(0.0f);
      acc1[r] = accumulate ? FloatBatch::load_unaligned(C + r * N + j + W) : FloatBatch(0.0f);
    }
    for (int k = 0; k < K; ++k) {
      const FloatBatch b0 = FloatBatch::load_unaligned(B + k * N + j);
      const FloatBatch b1 = FloatBatch::load_unaligned(B + k * N + j + W);
      for (int r = 0; r < MR; ++r) {
        const FloatBatch a(A[r * sai + k * sak]);
        acc0[r] = xsimd::fma(a, b0, acc0[r]);
        acc1[r] = xsimd::fma(a, b1, acc1[r]);
      }
    }
    for (int r = 0; r < MR; ++r) {
      acc0[r].store_unaligned(C + r * N + j);
      acc1[r].store_unaligned(C + r * N + j + W);
    }
  }
  for (; j + W <= N; j += W) {
    FloatBatch acc[MR];
    for (int r = 0; r < MR; ++r) acc[r] = accumulate ? FloatBatch::load_unaligned(C + r * N + j) : FloatBatch(0.0f);
    for (int k = 0; k < K; ++k) {
      const FloatBatch b = FloatBatch::load_unaligned(B + k * N + j);
      for (int r = 0; r < MR; ++r) acc[r] = xsimd::fma(FloatBatch(A[r * sai + k * sak]), b, acc[r]);
    }
    for (int r = 0; r < MR; ++r) acc[r].store_unaligned(C + r * N + j);
  }
  for (; j < N; ++j) {  // scalar tail
    for (int r = 0; r < MR; ++r) {
      float acc = accumulate ? C[r * N + j] : 0.0f;
      for (int k = 0; k < K; ++k) acc += A[r * sai + k * sak] * B[k * N + j];
      C[r * N + j] = acc;
    }
  }
}

void gemm_strided(float* C, const float* A, int sai, int sak, const float* B, int M, int K, int N, bool accumulate) {
  constexpr int MR = 4;
  int i = 0;
  for (; i + MR <= M; i += MR) rows_block<MR>(C + i * N, N, A + i * sai, sai, sak, B, K, accumulate);
  for (; i < M; ++i) rows_block<1>(C + i * N, N, A + i * sai, sai, sak, B, K, accumulate);
}

// Scratch for the transposed right operand of matmul_nt; grows once, then is reused.
std::vector<float>& transpose_scratch() {
  static std::vector<float> buffer;
  return buffer;
}

}  // namespace

void matmul_nn(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate) {
  gemm_strided(C, A, K, 1, B, M, K, N, accumulate);
}

void matmul_tn(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate) {
  gemm_strided(C, A, 1, M, B, M, K, N, accumulate);
}

void matmul_nt(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate) {
  // Bᵀ costs N·K moves against M·N·K multiply-adds, and turns the product into the fast nn layout.
  std::vector<float>& bt = transpose_scratch();
  if (bt.size() < static_cast<std::size_t>(K) * N) bt.resize(static_cast<std::size_t>(K) * N);
  for (int n = 0; n < N; ++n)
    for (int k = 0; k < K; ++k) bt[k * N + n] = B[n * K + k];
  gemm_strided(C, A, K, 1, bt.data(), M, K, N, accumulate);
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

}  // namespace tf
