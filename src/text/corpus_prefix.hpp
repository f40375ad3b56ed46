#pragma once
// How far a token sequence follows the training text: the free-running lesson judges a model's own
// continuation against the corpus, not position by position against one reference (a fluent sentence
// of the corpus other than the reference, or the reference shifted by a token, is not a mistake).
//
//   CorpusPrefix p = corpus_prefix(tokenizer, corpus, ids);
//   p.matched   // leading tokens of ids that read as corpus text: a prefix of some line (trimmed, non-empty),
//               // or whole lines each followed by the line break, then a prefix of another line
//   p.line      // the 0-based line (of the corpus's lines) the last matched stretch follows; -1 when none
#include <string_view>
#include <vector>

#include "text/tokenizer.hpp"

namespace tf {

struct CorpusPrefix {
  int matched = 0;
  int line = -1;
};

// tf::Error("text_too_large") for a corpus over 8 MiB; the corpus is read as UTF-8 like training text.
CorpusPrefix corpus_prefix(const Tokenizer& tokenizer, std::string_view corpus, const std::vector<int>& ids);

}  // namespace tf
