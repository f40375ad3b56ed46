#pragma once
// A seed that arrives as a double (from JavaScript through Embind, or from JSON) becomes a std::uint64_t only
// if it is a whole number in [0, 2^53): converting NaN, -1 or 1e30 would be undefined behaviour.
#include <cmath>
#include <cstdint>

#include "core/error.hpp"

namespace tf {

inline std::uint64_t checked_seed(double seed, const char* code) {
  if (!(seed >= 0 && seed < 9007199254740992.0 && std::floor(seed) == seed)) {
    throw Error(code, "seed must be a whole number in [0, 2^53)");
  }
  return static_cast<std::uint64_t>(seed);
}

}  // namespace tf
