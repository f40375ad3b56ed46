// Each layer: hand-computed forward values (the worked examples in the headers) and the backward
// pass checked by central differences, once into zeroed and once into pre-filled gradients.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "grad_check.hpp"
#include "layers/activation.hpp"
#include "layers/layer_norm.hpp"
#include "layers/linear.hpp"
#include "layers/softmax.hpp"
#include "simd/arch.hpp"

using tf::test::central_difference_error;
using tf::test::normal_vector;
using tf::test::weighted_sum;

namespace {

// analytic(prefilled) − prefill must equal analytic(zeroed): catches '=' written for '+='.
void check_accumulates(const std::vector<float>& zeroed, const std::vector<float>& prefilled,
                       const std::vector<float>& prefill) {
  REQUIRE(zeroed.size() == prefilled.size());
  for (std::size_t i = 0; i < zeroed.size(); ++i) REQUIRE(prefilled[i] - prefill[i] == Approx(zeroed[i]).margin(1e-4));
}

}  // namespace

TEST_CASE("linear: y = x·Wᵀ + b and its gradients", "[layers]") {
  const float x[] = {1, 2}, w[] = {1, 0, 0, 1, 1, 1}, b[] = {0.5f, 0, -1};
  float y[3];
  tf::linear_forward(y, x, w, b, 1, 2, 3);
  CHECK(y[0] == 1.5f);
  CHECK(y[1] == 2.0f);
  CHECK(y[2] == 2.0f);

  const int N = 5, C = 7, OC = 6;
  tf::Rng rng(1);
  auto inp = normal_vector(rng, N * C), weight = normal_vector(rng, OC * C), bias = normal_vector(rng, OC);
  const auto r = normal_vector(rng, N * OC);
  std::vector<float> out(N * OC);
  auto loss = [&] {
    tf::linear_forward(out.data(), inp.data(), weight.data(), bias.data(), N, C, OC);
    return weighted_sum(out.data(), r);
  };
  for (bool prefill : {false, true}) {
    const auto p_in = prefill ? normal_vector(rng, N * C) : std::vector<float>(N * C, 0.0f);
    const auto p_w = prefill ? normal_vector(rng, OC * C) : std::vector<float>(OC * C, 0.0f);
    const auto p_b = prefill ? normal_vector(rng, OC) : std::vector<float>(OC, 0.0f);
    auto dinp = p_in, dweight = p_w, dbias = p_b;
    tf::linear_backward(dinp.data(), dweight.data(), dbias.data(), r.data(), inp.data(), weight.data(), N, C, OC);
    std::vector<float> zin(N * C, 0.0f), zw(OC * C, 0.0f), zb(OC, 0.0f);
    tf::linear_backward(zin.data(), zw.data(), zb.data(), r.data(), inp.data(), weight.data(), N, C, OC);
    check_accumulates(zin, dinp, p_in);
    check_accumulates(zw, dweight, p_w);
    check_accumulates(zb, dbias, p_b);
    // overwrite_dinp: dinp is written whatever it held; the weight gradients still accumulate
    auto oin = p_in, ow = p_w, ob = p_b;
    tf::linear_backward(oin.data(), ow.data(), ob.data(), r.data(), inp.data(), weight.data(), N, C, OC, true);
    for (int i = 0; i < N * C; ++i) CHECK(oin[i] == Approx(zin[i]).margin(1e-5));
    check_accumulates(zw, ow, p_w);
  }
  std::vector<float> dinp(N * C, 0.0f), dweight(OC * C, 0.0f), dbias(OC, 0.0f);
  tf::linear_backward(dinp.data(), dweight.data(), dbias.data(), r.data(), inp.data(), weight.data(), N, C, OC);
  CHECK(central_difference_error(inp, dinp, loss, 35, 2) < 2e-3);
  CHECK(central_difference_error(weight, dweight, loss, 42, 3) < 2e-3);
  CHECK(central_difference_error(bias, dbias, loss, 6, 4) < 2e-3);
}

TEST_CASE("layer norm: the worked example and its gradients", "[layers]") {
  const float x[] = {1, 2, 3}, w[] = {1, 1, 1}, b[] = {0, 0, 0};
  float y[3], mean, rstd;
  tf::layer_norm_forward(y, &mean, &rstd, x, w, b, 1, 3, 0.0f);
  CHECK(mean == Approx(2.0f));
  CHECK(y[0] == Approx(-1.2247449f));
  CHECK(y[1] == Approx(0.0f).margin(1e-7));
  CHECK(y[2] == Approx(1.2247449f));

  const int N = 4, C = 9;
  tf::Rng rng(5);
  auto inp = normal_vector(rng, N * C, 2.0f), weight = normal_vector(rng, C), bias = normal_vector(rng, C);
  const auto r = normal_vector(rng, N * C);
  std::vector<float> out(N * C), m(N), s(N);
  auto loss = [&] {
    tf::layer_norm_forward(out.data(), m.data(), s.data(), inp.data(), weight.data(), bias.data(), N, C, 1e-5f);
    return weighted_sum(out.data(), r);
  };
  loss();
  std::vector<float> dinp(N * C, 0.0f), dweight(C, 0.0f), dbias(C, 0.0f);
  tf::layer_norm_backward(dinp.data(), dweight.data(), dbias.data(), r.data(), inp.data(), weight.data(), m.data(),
                          s.data(), N, C);
  const auto p = normal_vector(rng, N * C);
  auto dinp2 = p;
  std::vector<float> dw2(C, 0.0f), db2(C, 0.0f);
  tf::layer_norm_backward(dinp2.data(), dw2.data(), db2.data(), r.data(), inp.data(), weight.data(), m.data(), s.data(),
                          N, C);
  check_accumulates(dinp, dinp2, p);
  CHECK(central_difference_error(inp, dinp, loss, 36, 6, 1e-2f) < 5e-3);
  CHECK(central_difference_error(weight, dweight, loss, 9, 7) < 2e-3);
  CHECK(central_difference_error(bias, dbias, loss, 9, 8) < 2e-3);
}

TEST_CASE("layer norm: SIMD equals the scalar reference on odd widths", "[layers]") {
  tf::Rng rng(17);
  for (int C : {1, 3, 4, 5, 17, 64, 70}) {
    const int N = 3;
    INFO("C " << C);
    const auto x = normal_vector(rng, N * C, 3.0f), w = normal_vector(rng, C), b = normal_vector(rng, C);
    const auto dy = normal_vector(rng, N * C), dx0 = normal_vector(rng, N * C), dw0 = normal_vector(rng, C);
    for (bool with_bias : {true, false}) {
      const float* bp = with_bias ? b.data() : nullptr;
      std::vector<float> y1(N * C), y2(N * C), m1(N), m2(N), s1(N), s2(N);
      tf::layer_norm_forward(y1.data(), m1.data(), s1.data(), x.data(), w.data(), bp, N, C, 1e-5f);
      tf::layer_norm_forward_ref(y2.data(), m2.data(), s2.data(), x.data(), w.data(), bp, N, C, 1e-5f);
      for (int n = 0; n < N; ++n) {
        REQUIRE(m1[n] == Approx(m2[n]).margin(1e-5));
        REQUIRE(s1[n] == Approx(s2[n]).epsilon(1e-5));
      }
      for (int i = 0; i < N * C; ++i) REQUIRE(y1[i] == Approx(y2[i]).margin(1e-5));
      auto dxa = dx0, dxb = dx0, dwa = dw0, dwb = dw0, dba = b, dbb = b;  // pre-filled: both add
      tf::layer_norm_backward(dxa.data(), dwa.data(), with_bias ? dba.data() : nullptr, dy.data(), x.data(), w.data(),
                              m2.data(), s2.data(), N, C);
      tf::layer_norm_backward_ref(dxb.data(), dwb.data(), with_bias ? dbb.data() : nullptr, dy.data(), x.data(),
                                  w.data(), m2.data(), s2.data(), N, C);
      for (int i = 0; i < N * C; ++i) REQUIRE(dxa[i] == Approx(dxb[i]).margin(1e-5));
      for (int i = 0; i < C; ++i) {
        REQUIRE(dwa[i] == Approx(dwb[i]).margin(1e-5));
        REQUIRE(dba[i] == Approx(dbb[i]).margin(1e-5));
      }
    }
  }
}

TEST_CASE("activations: values, SIMD equals scalar, derivatives by finite differences", "[layers]") {
  using tf::Activation;
  const float xs[] = {1.0f, -1.0f, 0.0f};
  float y[3];
  tf::activation_forward_ref(Activation::Gelu, y, xs, 3);
  CHECK(y[0] == Approx(0.8413447f));
  CHECK(y[1] == Approx(-0.1586553f));
  tf::activation_forward_ref(Activation::Silu, y, xs, 3);
  CHECK(y[0] == Approx(0.7310586f));
  tf::activation_forward_ref(Activation::Sigmoid, y, xs, 3);
  CHECK(y[2] == 0.5f);
  CHECK(tf::activation_from_string("gelu_tanh") == Activation::GeluTanh);
  CHECK_THROWS(tf::activation_from_string("swish"));

  tf::Rng rng(11);
  const int n = 37;  // odd: exercises the scalar tail
  for (Activation a : {Activation::Gelu, Activation::GeluTanh, Activation::Relu, Activation::Sigmoid, Activation::Tanh,
                       Activation::Silu}) {
    INFO(tf::to_string(a));
    auto x = normal_vector(rng, n, 3.0f);
    for (float& v : x)
      if (std::fabs(v) < 0.05f) v += 0.1f;  // keep away from ReLU's kink
    const auto r = normal_vector(rng, n);
    std::vector<float> fast(n), ref(n);
    tf::activation_forward(a, fast.data(), x.data(), n);
    tf::activation_forward_ref(a, ref.data(), x.data(), n);
    for (int i = 0; i < n; ++i) CHECK(fast[i] == Approx(ref[i]).margin(2e-6));
    // the slope the forward keeps: f'(x), the same as the scalar reference's
    std::vector<float> again(n), slope(n), ones(n, 1.0f), want(n, 0.0f);
    tf::activation_forward(a, again.data(), x.data(), n, slope.data());
    CHECK(again == fast);  // keeping the slope does not change the values
    tf::activation_backward_ref(a, want.data(), x.data(), ones.data(), n);
    for (int i = 0; i < n; ++i) CHECK(slope[i] == Approx(want[i]).margin(2e-6));
    // the backward from it: accumulates, or overwrites
    std::vector<float> dfast(n, 0.5f), dref(n, 0.5f);
    tf::activation_backward(dfast.data(), slope.data(), r.data(), n);
    tf::activation_backward_ref(a, dref.data(), x.data(), r.data(), n);
    for (int i = 0; i < n; ++i) CHECK(dfast[i] == Approx(dref[i]).margin(2e-5));
    std::vector<float> out(n), dx(n, 0.0f);
    tf::activation_backward(dx.data(), slope.data(), r.data(), n);
    std::vector<float> dover(n, 7.0f);  // overwrite: the 7s are not added
    tf::activation_backward(dover.data(), slope.data(), r.data(), n, /*overwrite=*/true);
    CHECK(dover == dx);
    auto loss = [&] {
      tf::activation_forward(a, out.data(), x.data(), n);
      return weighted_sum(out.data(), r);
    };
    CHECK(central_difference_error(x, dx, loss, n, 12, 1e-3f) < 3e-3);
  }
}

// GELU's SIMD normal CDF against double precision, every 0.01 over [−13, 13]: the value to a relative 1e-5 also in
// the negative tail (where 1 + erf(x/√2) in float would be 0 from x ≈ −5.4), the slope to an absolute 1e-6.
TEST_CASE("activations: GELU's value keeps its relative accuracy far into the negative tail", "[layers]") {
  std::vector<float> x;
  for (int k = -1300; k <= 1300; ++k) x.push_back(0.01f * static_cast<float>(k));
  const int n = static_cast<int>(x.size());
  std::vector<float> y(n), slope(n);
  tf::activation_forward(tf::Activation::Gelu, y.data(), x.data(), n, slope.data());
  for (int i = 0; i < n; ++i) {
    const double xd = x[i], cdf = 0.5 * std::erfc(-xd / std::sqrt(2.0));
    const double pdf = std::exp(-0.5 * xd * xd) / std::sqrt(2.0 * 3.14159265358979323846);
    INFO("x = " << x[i]);
    CHECK(y[i] == Approx(xd * cdf).epsilon(1e-5).margin(1e-37));
    CHECK(slope[i] == Approx(cdf + xd * pdf).margin(1e-6));
  }
}

// A lane's GELU value and slope depend on its own input only, not on whether a neighbour in the same vector is
// beyond |x| = 1.5 (which sends the whole vector through the tail's formulas).
TEST_CASE("activations: GELU's lanes do not depend on their neighbours", "[layers]") {
  constexpr int W = tf::simd::kWidth;
  std::vector<float> inside(W), mixed(W);
  for (int i = 0; i < W; ++i) inside[i] = mixed[i] = -1.4f + 2.8f * static_cast<float>(i) / W;
  mixed[W - 1] = 3.0f;
  std::vector<float> y1(W), s1(W), y2(W), s2(W);
  tf::activation_forward(tf::Activation::Gelu, y1.data(), inside.data(), W, s1.data());
  tf::activation_forward(tf::Activation::Gelu, y2.data(), mixed.data(), W, s2.data());
  for (int i = 0; i + 1 < W; ++i) {
    INFO("x = " << inside[i]);
    CHECK(y1[i] == y2[i]);
    CHECK(s1[i] == s2[i]);
  }
}

// The SIMD slope is read partly from y = f(x) (σ = y/x for SiLU, 1 + tanh = 2y/x for gelu_tanh): at x = 0 that
// quotient is 0/0, at tiny |x| it is rounding, and far out y underflows. Every lane here runs the SIMD path.
TEST_CASE("activations: the slope holds at 0, tiny, huge and far-negative inputs", "[layers]") {
  using tf::Activation;
  std::vector<float> x = {0.0f,  -0.0f,  1e-30f, -1e-30f, 1e-38f, -3e-39f, 1e-7f, -1e-7f,
                          20.0f, -20.0f, 90.0f,  -90.0f,  -6.0f,  6.0f,    0.3f,  -0.3f};
  while (x.size() % 16 != 0) x.push_back(0.5f);  // a whole number of vectors for every width
  const int n = static_cast<int>(x.size());
  const std::vector<float> ones(n, 1.0f);
  for (Activation a : {Activation::Gelu, Activation::GeluTanh, Activation::Relu, Activation::Sigmoid, Activation::Tanh,
                       Activation::Silu}) {
    INFO(tf::to_string(a));
    std::vector<float> y(n), got(n), want(n, 0.0f);
    tf::activation_forward(a, y.data(), x.data(), n, got.data());
    tf::activation_backward_ref(a, want.data(), x.data(), ones.data(), n);
    for (int i = 0; i < n; ++i) {
      INFO("x = " << x[i]);
      REQUIRE(std::isfinite(got[i]));
      CHECK(got[i] == Approx(want[i]).margin(2e-6));
    }
  }
}

TEST_CASE("softmax: the worked example, SIMD equals scalar, in place, no overflow", "[layers]") {
  const float z[] = {1, 2, 3};
  float p[3];
  const tf::SoftmaxStats st = tf::softmax(p, z, 3);
  CHECK(st.max == 3.0f);
  CHECK(st.sum == Approx(1.5032f).margin(1e-4));
  CHECK(p[0] == Approx(0.0900f).margin(1e-4));
  CHECK(p[1] == Approx(0.2447f).margin(1e-4));
  CHECK(p[2] == Approx(0.6652f).margin(1e-4));

  tf::Rng rng(5);
  for (int n : {1, 2, 3, 4, 5, 15, 16, 17, 31, 32, 33, 96, 101}) {
    for (float scale : {1.0f, 30.0f}) {  // 30: logits far apart, most probabilities underflow
      std::vector<float> zs = normal_vector(rng, n, scale), got(n + 16, -7.0f), want(n);
      const tf::SoftmaxStats a = tf::softmax(got.data(), zs.data(), n);
      for (int i = n; i < n + 16; ++i) REQUIRE(got[i] == -7.0f);  // nothing written past the row
      got.resize(n);
      const tf::SoftmaxStats b = tf::softmax_ref(want.data(), zs.data(), n);
      INFO("n " << n << ", scale " << scale);
      CHECK(a.max == b.max);
      CHECK(a.sum == Approx(b.sum).epsilon(1e-5));
      float total = 0.0f;
      for (int i = 0; i < n; ++i) {
        REQUIRE(got[i] == Approx(want[i]).epsilon(1e-5).margin(1e-7));
        total += got[i];
      }
      CHECK(total == Approx(1.0f).epsilon(1e-5));
      tf::softmax(zs.data(), zs.data(), n);  // in place gives the same
      for (int i = 0; i < n; ++i) REQUIRE(zs[i] == got[i]);
    }
  }
  const float huge[] = {1e30f, 1e30f, -1e30f};
  tf::softmax(p, huge, 3);
  CHECK(p[0] == Approx(0.5f));
  CHECK(p[1] == Approx(0.5f));
  CHECK(p[2] == 0.0f);
}
