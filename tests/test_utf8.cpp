#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "text/utf8.hpp"

TEST_CASE("UTF-8 decodes Hangul, ASCII and emoji to code points and back", "[utf8]") {
  const std::string text = "고양이는 cute 🐱";
  const auto cps = tf::decode_utf8(text);
  REQUIRE(cps.size() == 11);
  CHECK(cps[0] == U'고');
  CHECK(cps[4] == U' ');
  CHECK(cps[10] == U'🐱');
  CHECK(tf::encode_utf8(cps) == text);
  CHECK(tf::find_invalid_utf8(text) == -1);
}

TEST_CASE("invalid UTF-8 is an error that names the byte offset", "[utf8]") {
  struct Case {
    std::string bytes;
    long long offset;
  };
  const Case cases[] = {
      {"ab\x80", 2},            // stray continuation byte
      {"\xEA\xB0", 0},          // truncated 3-byte sequence (가 is EA B0 80)
      {"x\xC0\xAF", 1},         // overlong '/'
      {"ok\xED\xA0\x80", 2},    // UTF-16 surrogate D800
      {"\xF4\x90\x80\x80", 0},  // above U+10FFFF
      {"가\xFF", 3},            // never valid
  };
  for (const auto& c : cases) {
    CHECK(tf::find_invalid_utf8(c.bytes) == c.offset);
    try {
      tf::decode_utf8(c.bytes);
      FAIL("no error for offset " << c.offset);
    } catch (const tf::Error& e) {
      CHECK(e.code() == "invalid_utf8");
      CHECK(e.detail() == c.offset);
    }
  }
}
