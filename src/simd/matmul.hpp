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

// The same products on blocks of larger row-major matrices: each operand has its own leading dimension (the
// floats from one row to the next; A of nn and nt is [M, ≥K] rows lda apart, A of tn is [K, ≥M], B of nn and
// tn is [K, ≥N], B of nt is [N, ≥K], C is [M, ≥N] rows ldc apart). E.g. causal attention's lower-triangle blocks:
// the scores of query rows [r0, r1) against keys [0, r1) are matmul_nt_ld(att + r0·T, T, q + r0·D, D, k, D,
// r1 − r0, D, r1). Scalar `_ref` twins as above.
void matmul_nn_ld(float* C, int ldc, const float* A, int lda, const float* B, int ldb, int M, int K, int N,
                  bool accumulate = false);
void matmul_nt_ld(float* C, int ldc, const float* A, int lda, const float* B, int ldb, int M, int K, int N,
                  bool accumulate = false);
void matmul_tn_ld(float* C, int ldc, const float* A, int lda, const float* B, int ldb, int M, int K, int N,
                  bool accumulate = false);

void matmul_nn_ref(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate = false);
void matmul_nt_ref(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate = false);
void matmul_tn_ref(float* C, const float* A, const float* B, int M, int K, int N, bool accumulate = false);

void matmul_nn_ld_ref(float* C, int ldc, const float* A, int lda, const float* B, int ldb, int M, int K, int N,
                      bool accumulate = false);
void matmul_nt_ld_ref(float* C, int ldc, const float* A, int lda, const float* B, int ldb, int M, int K, int N,
                      bool accumulate = false);
void matmul_tn_ld_ref(float* C, int ldc, const float* A, int lda, const float* B, int ldb, int M, int K, int N,
                      bool accumulate = false);

}  // namespace tf
