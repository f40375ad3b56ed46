#pragma once
// Rng: the project's own seeded random number generator.
//
// The standard library's distributions differ between libstdc++ (native) and libc++ (WebAssembly), so
// the same seed would give different weights in the CLI and in the browser. This generator is PCG32
// (O'Neill 2014, "PCG: A Family of Simple Fast Space-Efficient Statistically Good Algorithms"):
// 64-bit state, 32-bit output, bit-identical on every platform. The float helpers only use integer
// arithmetic and IEEE float operations whose results are exactly rounded, so uniform() and below()
// are bit-identical too; normal() uses log/cos/sin and may differ in the last bit between C libraries.
#include <cstdint>

namespace tf {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 1337, std::uint64_t stream = 0x5eed);

  std::uint32_t next_u32();
  // Uniform float in [0, 1) with 24 random bits.
  float uniform();
  // Uniform integer in [0, n), unbiased (rejection). n must be > 0.
  std::uint32_t below(std::uint32_t n);
  // Standard normal N(0, 1) by the Box-Muller transform (pairs are cached).
  float normal();
  float normal(float mean, float stddev) { return mean + stddev * normal(); }

  // The 64-bit position in the stream, to save and restore it (a resumed run continues the same numbers).
  // set_state keeps the stream and drops normal()'s cached spare value.
  std::uint64_t state() const { return state_; }
  void set_state(std::uint64_t state) {
    state_ = state;
    has_spare_ = false;
  }

 private:
  std::uint64_t state_ = 0;
  std::uint64_t inc_ = 0;
  bool has_spare_ = false;
  float spare_ = 0.0f;
};

}  // namespace tf
