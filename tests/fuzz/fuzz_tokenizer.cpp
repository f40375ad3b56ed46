// The three tokenizers built from a corpus, then used on text: byte 0 picks char / word / jamo, the rest
// is split at the first NUL into corpus and text (no NUL: the text is the corpus). Text whose pieces are
// all in the vocabulary decodes back to itself with char and word. With jamo it decodes to the canonically
// equivalent text with Hangul composed: conjoining jamo typed as such (decomposed, NFD Hangul, e.g. "나"
// followed by U+11A8) give the same tokens as the syllable they spell ("낙"), and decode writes the
// syllable, as text/tokenizer.hpp documents; so there, the decoded text must tokenize to the same ids
// (regressions/tokenizer/jamo-*: the inputs on which this target's first, byte-equal check stopped).
#include "api/session.hpp"
#include "fuzz.hpp"
#include "text/tokenizer.hpp"
#include "train/setup.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = tf::fuzz::bytes(data, size);
  const tf::TokenizerKind kinds[] = {tf::TokenizerKind::Char, tf::TokenizerKind::Word, tf::TokenizerKind::Jamo};
  const tf::TokenizerKind kind = kinds[tf::fuzz::take_choice(in, 3)];
  const std::size_t nul = in.find('\0');
  const std::string_view corpus = nul == std::string_view::npos ? in : in.substr(0, nul);
  const std::string_view text = nul == std::string_view::npos ? in : in.substr(nul + 1);
  tf::fuzz::expect_engine_errors([&] {
    tf::validate_text(corpus, tf::kMaxCorpusBytes);
    const tf::Tokenizer tok = tf::Tokenizer::build(kind, corpus);
    const tf::Tokenizer again = tf::Tokenizer::from_json(tok.to_json());
    if (again.to_json() != tok.to_json()) __builtin_trap();
    tf::validate_text(text, tf::kMaxTextBytes);
    const auto tokens = tok.tokenize(text);
    std::vector<int> ids;
    bool known = true;
    for (const auto& t : tokens) {
      ids.push_back(t.id);
      known = known && !t.unknown;
    }
    const std::string back = tok.decode(ids);
    if (known && kind != tf::TokenizerKind::Jamo && back != text) __builtin_trap();
    if (known && kind == tf::TokenizerKind::Jamo) {
      std::vector<int> again;
      for (const auto& t : tok.tokenize(back)) again.push_back(t.id);
      if (again != ids) __builtin_trap();
    }
  });
  return 0;
}
