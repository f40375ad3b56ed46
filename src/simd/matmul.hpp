#pragma once
// Matrix multiplication, the three layouts a Transformer's forward and backward passes need.
// All matrices are row-major and contiguous. `accumulate` adds into C instead of overwriting it
// (backward passes accumulate gradients, see train/ and model/).
//
//   matmul_nn:  C[M,N] (+)= A[M,K] · B[K,N]        e.g. attention output  P·V
//   matmul_nt:  C[M,N] (+)= A[M,K] · B[N,K]ᵀ       e.g. a Linear layer    x·Wᵀ (W stored [out, in] as in PyTorch)
//   matmul_tn:  C[M,N] (+)= A[K,M]ᵀ · B[K,N]       e.g. a weight gradient dWᵀ... = doutᵀ·x
//
// Each has a scalar `_ref` twin: the algorithmic reference the SIMD version is tested against on odd sizes.
//
// Worked example: A = [[1,2],[3,4]] (2x2), B = [[5,6],[7,8]]: matmul_nn gives [[19,22],[43,50]],
// matmul_nt gives A·Bᵀ = [[17,23],[39,53]], matmul_tn gives Aᵀ·B = [[26,30],[38,44]].

namespace tf {

void matmul_nn(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate = false);
void matmul_nt(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate = false);
void matmul_tn(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate = false);

void matmul_nn_ref(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate = false);
void matmul_nt_ref(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate = false);
void matmul_tn_ref(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate = false);

}  // namespace tf
