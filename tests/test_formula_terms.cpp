// The in-between numbers of the formulas the page writes out (softmax, LayerNorm).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "analysis/formula_terms.hpp"
#include "core/error.hpp"

using namespace tf;

TEST_CASE("softmax terms: e^z and their sum, masked scores give 0", "[formula]") {
  const float inf = std::numeric_limits<float>::infinity();
  const SoftmaxTerms t = softmax_terms({0.0f, std::log(3.0f), -inf});
  REQUIRE(t.exp.size() == 3);
  CHECK(t.exp[0] == Approx(1.0f));
  CHECK(t.exp[1] == Approx(3.0f));
  CHECK(t.exp[2] == 0.0f);
  CHECK(t.sum == Approx(4.0));
  CHECK(t.exp[1] / t.sum == Approx(0.75));
}

TEST_CASE("layer norm terms: the worked example of layers/layer_norm.hpp", "[formula]") {
  const NormTerms t = layer_norm_terms({1, 2, 3}, 0.0f);
  CHECK(t.mean == Approx(2.0f));
  CHECK(t.variance == Approx(2.0f / 3.0f));
  CHECK(t.rstd == Approx(1.2247449f));
  const NormTerms e = layer_norm_terms({1, 2, 3}, 1e-5f);
  CHECK(e.rstd == Approx(1.0f / std::sqrt(2.0f / 3.0f + 1e-5f)));
  CHECK_THROWS_AS(layer_norm_terms({}, 1e-5f), Error);
}
