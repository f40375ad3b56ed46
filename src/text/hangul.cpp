#include "text/hangul.hpp"

#include "text/utf8.hpp"

namespace tf {
namespace {

// Compatibility jamo for the 19 leading consonants ᄀ..ᄒ, in U+1100 order.
constexpr char32_t kLeadingCompat[kHangulLCount] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
                                                    0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
                                                    0x314A, 0x314B, 0x314C, 0x314D, 0x314E};

// Compatibility jamo for the 27 trailing consonants ᆨ..ᇂ (T = 1..27), in U+11A8 order.
constexpr char32_t kTrailingCompat[kHangulTCount - 1] = {
    0x3131, 0x3132, 0x3133, 0x3134, 0x3135, 0x3136, 0x3137, 0x3139, 0x313A, 0x313B, 0x313C, 0x313D, 0x313E, 0x313F,
    0x3140, 0x3141, 0x3142, 0x3144, 0x3145, 0x3146, 0x3147, 0x3148, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E};

constexpr char32_t kVowelCompatBase = 0x314F;  // ㅏ; the 21 vowels keep U+1161's order

bool is_leading(char32_t cp) { return cp >= kHangulLBase && cp < kHangulLBase + kHangulLCount; }
bool is_vowel(char32_t cp) { return cp >= kHangulVBase && cp < kHangulVBase + kHangulVCount; }
bool is_trailing(char32_t cp) { return cp > kHangulTBase && cp < kHangulTBase + kHangulTCount; }

}  // namespace

JamoRole jamo_role(char32_t cp) {
  if (is_leading(cp)) return JamoRole::Leading;
  if (is_vowel(cp)) return JamoRole::Vowel;
  if (is_trailing(cp)) return JamoRole::Trailing;
  return JamoRole::None;
}

int decompose_hangul_syllable(char32_t syllable, char32_t out[3]) {
  const char32_t s_index = syllable - kHangulSBase;
  out[0] = kHangulLBase + s_index / kHangulNCount;
  out[1] = kHangulVBase + (s_index % kHangulNCount) / kHangulTCount;
  const char32_t t_index = s_index % kHangulTCount;
  if (t_index == 0) return 2;
  out[2] = kHangulTBase + t_index;
  return 3;
}

std::string compose_hangul(std::string_view text) {
  const std::vector<char32_t> cps = decode_utf8(text);
  std::string out;
  out.reserve(text.size());
  bool have_last = false;
  char32_t last = 0;
  for (const char32_t cp : cps) {
    if (have_last && is_leading(last) && is_vowel(cp)) {
      last = kHangulSBase + ((last - kHangulLBase) * kHangulVCount + (cp - kHangulVBase)) * kHangulTCount;
      continue;
    }
    if (have_last && is_hangul_syllable(last) && (last - kHangulSBase) % kHangulTCount == 0 && is_trailing(cp)) {
      last += cp - kHangulTBase;
      continue;
    }
    if (have_last) append_utf8(out, last);
    last = cp;
    have_last = true;
  }
  if (have_last) append_utf8(out, last);
  return out;
}

std::string decompose_hangul(std::string_view text) {
  const std::vector<char32_t> cps = decode_utf8(text);
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  char32_t jamo[3];
  for (const char32_t cp : cps) {
    if (!is_hangul_syllable(cp)) {
      append_utf8(out, cp);
      continue;
    }
    const int n = decompose_hangul_syllable(cp, jamo);
    for (int k = 0; k < n; ++k) append_utf8(out, jamo[k]);
  }
  return out;
}

char32_t compatibility_jamo(char32_t cp) {
  if (is_leading(cp)) return kLeadingCompat[cp - kHangulLBase];
  if (is_vowel(cp)) return kVowelCompatBase + (cp - kHangulVBase);
  if (is_trailing(cp)) return kTrailingCompat[cp - kHangulTBase - 1];
  return cp;
}

}  // namespace tf
