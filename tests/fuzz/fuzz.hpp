#pragma once
// Shared by the libFuzzer targets (tests/fuzz/fuzz_*.cpp): the only exception an engine entry point may
// throw on hostile input is a tf::Error with a code. Anything else (a std::out_of_range, nlohmann's
// type_error, ...) escapes the target, and libFuzzer reports it as a crash with the input that caused it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace tf::fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Runs fn; a tf::Error is the expected answer to bad input and is swallowed.
template <class Fn>
void expect_engine_errors(Fn&& fn) {
  try {
    fn();
  } catch (const tf::Error& e) {
    if (std::string(e.code()).empty()) __builtin_trap();  // every error carries a code the page translates
  }
}

// The first byte chooses among `n` variants; the rest is the input.
inline unsigned take_choice(std::string_view& in, unsigned n) {
  if (in.empty()) return 0;
  const unsigned c = static_cast<unsigned char>(in.front()) % n;
  in.remove_prefix(1);
  return c;
}

}  // namespace tf::fuzz
