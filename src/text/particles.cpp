#include "text/particles.hpp"

#include <algorithm>
#include <set>

#include "text/hangul.hpp"
#include "text/tokenizer.hpp"  // is_whitespace, is_punctuation
#include "text/utf8.hpp"

namespace tf {
namespace {

enum class After { Any, Consonant, Vowel, VowelOrRieul };

struct Known {
  const char* text;
  After after;
};

// Each particle with the stems it follows (its allomorph partner takes the other kind).
const std::vector<Known>& known() {
  static const std::vector<Known> k = {
      {"이었습니다", After::Consonant},
      {"이었어요", After::Consonant},
      {"였습니다", After::Vowel},
      {"이었다", After::Consonant},
      {"였어요", After::Vowel},
      {"입니다", After::Any},
      {"이에요", After::Consonant},
      {"에게", After::Any},
      {"에서", After::Any},
      {"으로", After::Consonant},
      {"까지", After::Any},
      {"부터", After::Any},
      {"한테", After::Any},
      {"처럼", After::Any},
      {"이다", After::Any},
      {"예요", After::Vowel},
      {"였다", After::Vowel},
      {"은", After::Consonant},
      {"는", After::Vowel},
      {"이", After::Consonant},
      {"가", After::Vowel},
      {"을", After::Consonant},
      {"를", After::Vowel},
      {"과", After::Consonant},
      {"와", After::Vowel},
      {"로", After::VowelOrRieul},
      {"의", After::Any},
      {"에", After::Any},
      {"께", After::Any},
      {"도", After::Any},
      {"만", After::Any},
  };
  return k;
}

bool fits(char32_t last, After after) {
  const int tail = static_cast<int>((last - kHangulSBase) % kHangulTCount);
  switch (after) {
    case After::Any:
      return true;
    case After::Consonant:
      return tail != 0;
    case After::Vowel:
      return tail == 0;
    case After::VowelOrRieul:
      return tail == 0 || tail == 8;
  }
  return false;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// One word of the text: leading part, trailing punctuation.
struct Piece {
  std::string word, tail;
};

Piece cut_punctuation(const std::string& w) {
  const std::vector<char32_t> cps = decode_utf8(w);
  std::size_t end = cps.size();
  while (end > 0 && is_punctuation(cps[end - 1])) --end;
  return {encode_utf8(std::vector<char32_t>(cps.begin(), cps.begin() + static_cast<std::ptrdiff_t>(end))),
          encode_utf8(std::vector<char32_t>(cps.begin() + static_cast<std::ptrdiff_t>(end), cps.end()))};
}

}  // namespace

const std::vector<std::string>& particle_list() {
  static const std::vector<std::string> list = [] {
    std::vector<std::string> v;
    for (const Known& k : known())
      if (std::find(v.begin(), v.end(), k.text) == v.end()) v.push_back(k.text);
    std::stable_sort(v.begin(), v.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return v;
  }();
  return list;
}

WordSplit split_word(std::string_view word) {
  // Longest first: known() is ordered by length in bytes (every particle is Hangul, 3 bytes a syllable).
  std::vector<const Known*> order;
  for (const Known& k : known()) order.push_back(&k);
  std::stable_sort(order.begin(), order.end(), [](const Known* a, const Known* b) {
    return std::char_traits<char>::length(a->text) > std::char_traits<char>::length(b->text);
  });
  for (const Known* k : order) {
    const std::string_view p(k->text);
    if (!ends_with(word, p) || word.size() == p.size()) continue;
    const std::vector<char32_t> stem = decode_utf8(word.substr(0, word.size() - p.size()));
    if (stem.empty() || !is_hangul_syllable(stem.back())) continue;
    if (!fits(stem.back(), k->after)) continue;
    return {std::string(word.substr(0, word.size() - p.size())), std::string(p)};
  }
  return {std::string(word), ""};
}

std::string split_particles(std::string_view text) {
  // Runs of whitespace and of everything else (words), as written.
  struct Run {
    std::string text;
    bool space;
  };
  std::vector<Run> runs;
  for (char32_t cp : decode_utf8(text)) {  // throws invalid_utf8
    const bool space = is_whitespace(cp);
    if (runs.empty() || runs.back().space != space) runs.push_back({"", space});
    append_utf8(runs.back().text, cp);
  }
  // Rules 1 and 2 per word; rule 3 needs every split's stem first.
  std::set<std::string> stems;
  std::vector<std::pair<Piece, WordSplit>> words(runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i].space) continue;
    Piece p = cut_punctuation(runs[i].text);
    WordSplit s = split_word(p.word);
    if (!s.particle.empty()) stems.insert(s.stem);
    words[i] = {std::move(p), std::move(s)};
  }
  std::string out;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i].space) {
      out += runs[i].text;
      continue;
    }
    const auto& [p, s] = words[i];
    if (s.particle.empty() || stems.count(p.word))
      out += p.word;
    else
      out += s.stem + " " + s.particle;
    out += p.tail;
  }
  return out;
}

}  // namespace tf
