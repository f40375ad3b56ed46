#include <catch2/catch.hpp>

#include <cmath>

#include "core/error.hpp"
#include "layers/positional.hpp"

TEST_CASE("sinusoidal encoding follows Vaswani et al. 2017", "[positional]") {
  const auto pe = tf::sinusoidal_table(5, 4);
  REQUIRE(pe.shape()[0] == 5);
  REQUIRE(pe.shape()[1] == 4);
  // pos 0: sin(0), cos(0) in every pair
  CHECK(pe(0, 0) == 0.0f);
  CHECK(pe(0, 1) == 1.0f);
  // the worked example of the header: pos 1, C 4
  CHECK(pe(1, 0) == Approx(0.8414709848));
  CHECK(pe(1, 1) == Approx(0.5403023059));
  CHECK(pe(1, 2) == Approx(0.0099998333));
  CHECK(pe(1, 3) == Approx(0.9999500004));
  for (int pos = 0; pos < 5; ++pos)
    for (int d = 0; d < 4; ++d) {
      const double angle = pos / std::pow(10000.0, (d - d % 2) / 4.0);
      CHECK(pe(pos, d) == Approx(d % 2 ? std::cos(angle) : std::sin(angle)).margin(1e-7));
    }
}

TEST_CASE("odd widths end with a sine column, and bad shapes are errors", "[positional]") {
  const auto pe = tf::sinusoidal_table(3, 5);
  CHECK(pe(2, 4) == Approx(std::sin(2.0 / std::pow(10000.0, 4.0 / 5))));
  CHECK_THROWS_AS(tf::sinusoidal_table(0, 8), tf::Error);
  CHECK_THROWS_AS(tf::sinusoidal_table(8, -1), tf::Error);
  CHECK_THROWS_AS(tf::sinusoidal_table(tf::kMaxPositions + 1, 8), tf::Error);
}
