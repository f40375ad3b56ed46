#pragma once
// Hangul syllables <-> conjoining jamo (the Unicode "Hangul Syllable Decomposition" algorithm).
//
// Each of the 11,172 precomposed syllables U+AC00..U+D7A3 is one leading consonant L (19 choices),
// one vowel V (21) and an optional trailing consonant T (27, or none):
//
//   S = 0xAC00 + (L * 21 + V) * 28 + T        L = U+1100 + L,  V = U+1161 + V,  T = U+11A7 + T (T > 0)
//
// Worked example: 각 = U+AC01 -> index 1 = (0 * 21 + 0) * 28 + 1 -> L 0, V 0, T 1 -> ᄀ U+1100, ᅡ U+1161,
// ᆨ U+11A8.  사 = U+C0AC -> ᄉ U+1109, ᅡ U+1161 (no trailing consonant).
//
// Conjoining jamo render as a syllable only when a font composes them; for showing a single jamo to a
// learner, compatibility_jamo() maps it to the stand-alone letter (ᄀ and ᆨ both -> ㄱ U+3131).
#include <string>
#include <string_view>

namespace tf {

constexpr char32_t kHangulSBase = 0xAC00, kHangulLBase = 0x1100, kHangulVBase = 0x1161, kHangulTBase = 0x11A7;
constexpr int kHangulLCount = 19, kHangulVCount = 21, kHangulTCount = 28;
constexpr int kHangulNCount = kHangulVCount * kHangulTCount;  // 588 syllables per leading consonant
constexpr int kHangulSCount = kHangulLCount * kHangulNCount;  // 11172

// True for the precomposed syllables U+AC00..U+D7A3.
constexpr bool is_hangul_syllable(char32_t cp) {
  return cp >= kHangulSBase && cp < kHangulSBase + static_cast<char32_t>(kHangulSCount);
}

// Which part of a syllable a modern conjoining jamo is. Archaic jamo (e.g. U+1113..U+115F) are None.
enum class JamoRole { None, Leading, Vowel, Trailing };
JamoRole jamo_role(char32_t cp);

// Writes the L, V and (if any) T jamo of `syllable` to out[0..n) and returns n (2 or 3).
// `syllable` must satisfy is_hangul_syllable().
int decompose_hangul_syllable(char32_t syllable, char32_t out[3]);

// Recomposes L V and LV T sequences into syllables; everything else is copied. `text` must be valid
// UTF-8 (throws tf::Error "invalid_utf8" otherwise). A precomposed syllable followed by a trailing
// jamo also composes (가 + ᆨ -> 각), as the Unicode algorithm specifies.
std::string compose_hangul(std::string_view text);

// Replaces every precomposed syllable of `text` (valid UTF-8, else tf::Error "invalid_utf8") by its
// conjoining jamo; everything else is copied. compose_hangul(decompose_hangul(s)) == s whenever s
// contains no conjoining jamo of its own.
std::string decompose_hangul(std::string_view text);

// The Hangul Compatibility Jamo letter (U+3131..U+3163) a learner can read for a modern conjoining
// jamo: ᄀ U+1100 -> ㄱ, ᅡ U+1161 -> ㅏ, ᆨ U+11A8 -> ㄱ, ᆪ U+11AA -> ㄳ. Any other code point is
// returned unchanged.
char32_t compatibility_jamo(char32_t cp);

}  // namespace tf
