// UTF-8: decode_utf8 and find_invalid_utf8 agree on what is valid, and valid text round-trips exactly.
#include "fuzz.hpp"
#include "text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = tf::fuzz::bytes(data, size);
  const long long bad = tf::find_invalid_utf8(in);
  if (bad >= static_cast<long long>(size)) __builtin_trap();
  bool decoded = false;
  tf::fuzz::expect_engine_errors([&] {
    const auto cps = tf::decode_utf8(in);
    decoded = true;
    if (tf::encode_utf8(cps) != in) __builtin_trap();  // valid UTF-8 round-trips byte for byte
  });
  if (decoded != (bad < 0)) __builtin_trap();  // the two agree
  return 0;
}
