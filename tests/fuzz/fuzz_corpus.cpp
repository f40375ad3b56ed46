// Corpus checks (train/setup), as the CLI and the page run them on a learner's text: byte 0 picks a
// plain-text corpus (validated, tokenized, split for training) or sentence pairs (parsed and prepared).
#include "api/session.hpp"
#include "fuzz.hpp"
#include "text/tokenizer.hpp"
#include "train/setup.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = tf::fuzz::bytes(data, size);
  const unsigned choice = tf::fuzz::take_choice(in, 2);
  tf::fuzz::expect_engine_errors([&] {
    if (choice == 0) {
      tf::validate_corpus(in, 1 << 20);
      const std::string_view text = tf::strip_bom(in);
      const tf::Tokenizer tok = tf::Tokenizer::build(tf::TokenizerKind::Char, text);
      std::vector<int> ids;
      for (const auto& t : tok.tokenize(text)) ids.push_back(t.id);
      tf::split_text(ids, 0.1, 8);
    } else {
      tf::prepare_pairs(in, "", tf::TokenizerKind::Word, tf::TokenizerKind::Char, 64, 1 << 20);
    }
  });
  return 0;
}
