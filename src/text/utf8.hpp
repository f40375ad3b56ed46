#pragma once
// Strict UTF-8 decoding and encoding (RFC 3629).
//
// decode_utf8 rejects what browsers and editors sometimes produce by accident: stray continuation
// bytes, truncated sequences, overlong forms, surrogates (U+D800..U+DFFF, e.g. from a JS string with a
// lone surrogate) and code points above U+10FFFF. The error names the byte offset so a learner can
// find the bad spot.
#include <string>
#include <string_view>
#include <vector>

namespace tf {

// Decodes `text` into code points; throws tf::Error{"invalid_utf8", detail = byte offset}.
std::vector<char32_t> decode_utf8(std::string_view text);

// Returns the byte offset of the first invalid sequence, or -1 when `text` is valid UTF-8.
long long find_invalid_utf8(std::string_view text);

// Encodes one code point (must be a valid scalar value) / a sequence of them.
void append_utf8(std::string& out, char32_t cp);
std::string encode_utf8(const std::vector<char32_t>& cps);

}  // namespace tf
