// safetensors::parse on arbitrary bytes: every problem is a tf::Error; what parses re-serializes and
// parses again to the same tensors (bit for bit, as serialize promises).
#include <cstring>

#include "fuzz.hpp"
#include "io/safetensors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tf::fuzz::expect_engine_errors([&] {
    const auto file = tf::safetensors::parse(tf::fuzz::bytes(data, size), 1u << 24);
    std::string again;
    try {
      again = tf::safetensors::serialize(file);
    } catch (const tf::Error&) {
      return;  // e.g. names that are not valid UTF-8 are refused by the writer too
    }
    const auto back = tf::safetensors::parse(again, 1u << 26);
    if (back.tensors.size() != file.tensors.size() || back.metadata != file.metadata) __builtin_trap();
    for (const auto& [name, t] : file.tensors) {
      const auto& u = back.tensors.at(name);
      if (u.shape != t.shape || u.data.size() != t.data.size() ||
          std::memcmp(u.data.data(), t.data.data(), t.data.size() * sizeof(float)) != 0) {
        __builtin_trap();
      }
    }
  });
  return 0;
}
