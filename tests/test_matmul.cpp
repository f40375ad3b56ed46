#include <catch2/catch.hpp>

#include <vector>

#include "core/rng.hpp"
#include "simd/arch.hpp"
#include "simd/matmul.hpp"

namespace {

std::vector<float> random_vector(tf::Rng& rng, int n) {
  std::vector<float> v(n);
  for (float& x : v) x = rng.normal();
  return v;
}

using MatmulFn = void (*)(float*, const float*, const float*, int, int, int, bool);

void check_against_ref(MatmulFn fast, MatmulFn ref, int M, int K, int N) {
  tf::Rng rng(M * 1000 + K * 10 + N);
  const auto A = random_vector(rng, M * K);
  const auto B = random_vector(rng, K * N);
  const auto C0 = random_vector(rng, M * N);
  for (bool accumulate : {false, true}) {
    std::vector<float> got = C0, want = C0;
    fast(got.data(), A.data(), B.data(), M, K, N, accumulate);
    ref(want.data(), A.data(), B.data(), M, K, N, accumulate);
    for (int i = 0; i < M * N; ++i) {
      // SIMD width and FMA contraction change the summation order: relative 1e-5 of sqrt(K) scale.
      REQUIRE(got[i] == Approx(want[i]).margin(1e-5f * K));
    }
  }
}

using MatmulLdFn = void (*)(float*, int, const float*, int, const float*, int, int, int, int, bool);

// The strided forms on blocks inside larger matrices (leading dims past the block's width): the fast one
// agrees with its `_ref` twin, and neither writes outside the block.
void check_ld_against_ref(MatmulLdFn fast, MatmulLdFn ref, char layout, int M, int K, int N) {
  tf::Rng rng(M * 1000 + K * 10 + N + 7);
  const int pad = 3;
  const int a_rows = layout == 't' ? K : M, a_cols = layout == 't' ? M : K;
  const int b_rows = layout == 'n' ? N : K, b_cols = layout == 'n' ? K : N;  // 'n': nt, B is [N, K]
  const int lda = a_cols + pad, ldb = b_cols + pad + 1, ldc = N + pad + 2;
  const auto A = random_vector(rng, a_rows * lda + 1);
  const auto B = random_vector(rng, b_rows * ldb + 1);
  const auto C0 = random_vector(rng, M * ldc + 1);
  for (bool accumulate : {false, true}) {
    std::vector<float> got = C0, want = C0;
    fast(got.data(), ldc, A.data(), lda, B.data(), ldb, M, K, N, accumulate);
    ref(want.data(), ldc, A.data(), lda, B.data(), ldb, M, K, N, accumulate);
    for (int i = 0; i < M; ++i)
      for (int j = 0; j < ldc; ++j) {
        const int at = i * ldc + j;
        if (j < N) {
          REQUIRE(got[at] == Approx(want[at]).margin(1e-5f * K));
        } else {
          REQUIRE(got[at] == C0[at]);  // outside the block: untouched
        }
      }
  }
}

}  // namespace

TEST_CASE("the worked example of matmul.hpp", "[matmul]") {
  const float A[] = {1, 2, 3, 4}, B[] = {5, 6, 7, 8};
  float C[4];
  tf::matmul_nn(C, A, B, 2, 2, 2);
  CHECK(std::vector<float>(C, C + 4) == std::vector<float>{19, 22, 43, 50});
  tf::matmul_nt(C, A, B, 2, 2, 2);
  CHECK(std::vector<float>(C, C + 4) == std::vector<float>{17, 23, 39, 53});
  tf::matmul_tn(C, A, B, 2, 2, 2);
  CHECK(std::vector<float>(C, C + 4) == std::vector<float>{26, 30, 38, 44});
}

TEST_CASE("SIMD matmul agrees with the scalar reference on odd sizes", "[matmul]") {
  INFO("SIMD arch: " << tf::simd::arch_name() << ", width " << tf::simd::kWidth);
  const int sizes[][3] = {{1, 1, 1},
                          {3, 5, 7},
                          {4, 8, 8},
                          {5, 3, 17},
                          {9, 33, 13},
                          {16, 64, 64},
                          {33, 17, 70},
                          {7, 64, 192},
                          // past one k block (kKC is 64 to 512 floats) and with every column-strip width
                          {6, 600, 100},
                          {13, 130, 67},
                          {0, 5, 3},
                          {3, 0, 5},
                          // enough rows for the dot-product path of A·B in wasm, K a multiple of 4
                          {70, 64, 37},
                          {65, 12, 4},
                          // and of Aᵀ·B (M and K at least 64)
                          {64, 68, 9},
                          {97, 520, 20}};
  for (const auto& s : sizes) {
    check_against_ref(tf::matmul_nn, tf::matmul_nn_ref, s[0], s[1], s[2]);
    check_against_ref(tf::matmul_nt, tf::matmul_nt_ref, s[0], s[1], s[2]);
    check_against_ref(tf::matmul_tn, tf::matmul_tn_ref, s[0], s[1], s[2]);
  }
}

TEST_CASE("strided SIMD matmul (blocks of larger matrices) agrees with its scalar reference", "[matmul]") {
  INFO("SIMD arch: " << tf::simd::arch_name() << ", width " << tf::simd::kWidth);
  // attention's causal blocks (8 query rows against 8..32 keys, D 8 or 16) and odd sizes
  const int sizes[][3] = {{8, 16, 8}, {8, 16, 32}, {8, 32, 16}, {4, 8, 24},  {1, 1, 1},   {3, 5, 7},
                          {5, 3, 17}, {9, 33, 13}, {7, 64, 70}, {2, 600, 9}, {66, 64, 24}};
  for (const auto& s : sizes) {
    check_ld_against_ref(tf::matmul_nn_ld, tf::matmul_nn_ld_ref, 'x', s[0], s[1], s[2]);
    check_ld_against_ref(tf::matmul_nt_ld, tf::matmul_nt_ld_ref, 'n', s[0], s[1], s[2]);
    check_ld_against_ref(tf::matmul_tn_ld, tf::matmul_tn_ld_ref, 't', s[0], s[1], s[2]);
  }
}
