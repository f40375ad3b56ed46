#include "layers/positional.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"

namespace tf {

void sinusoidal_encoding(float* out, int T, int C) {
  for (int pos = 0; pos < T; ++pos) {
    for (int d = 0; d < C; ++d) {
      const int two_i = d - (d % 2);
      const double angle = pos / std::pow(10000.0, static_cast<double>(two_i) / C);
      out[pos * C + d] = static_cast<float>(d % 2 == 0 ? std::sin(angle) : std::cos(angle));
    }
  }
}

xt::xtensor<float, 2> sinusoidal_table(int T, int C) {
  if (T < 1 || T > kMaxPositions || C < 1 || C > kMaxWidth) {
    throw Error("bad_shape",
                "positional encoding needs 1 <= T <= " + std::to_string(kMaxPositions) + " and 1 <= C <= " +
                    std::to_string(kMaxWidth) + ", got T=" + std::to_string(T) + ", C=" + std::to_string(C),
                T, C);
  }
  xt::xtensor<float, 2> table = xt::zeros<float>({static_cast<std::size_t>(T), static_cast<std::size_t>(C)});
  sinusoidal_encoding(table.data(), T, C);
  return table;
}

}  // namespace tf
