#include "text/corpus_prefix.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"

namespace tf {

namespace {

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

CorpusPrefix corpus_prefix(const Tokenizer& tokenizer, std::string_view corpus, const std::vector<int>& ids) {
  if (corpus.size() > 8u * 1024u * 1024u)
    throw Error("text_too_large", "the text is larger than 8 MiB", static_cast<long long>(corpus.size()));
  // every line, tokenized as training tokenized it (empty lines skipped; line numbers count every line)
  std::vector<std::vector<int>> lines;
  std::vector<int> numbers;
  int number = 0;
  std::size_t start = 0;
  while (start <= corpus.size()) {
    std::size_t end = corpus.find('\n', start);
    if (end == std::string_view::npos) end = corpus.size();
    const std::string_view line = trim(corpus.substr(start, end - start));
    if (!line.empty()) {
      lines.push_back(tokenizer.encode(line));
      numbers.push_back(number);
    }
    ++number;
    start = end + 1;
  }
  const std::vector<int> newline = tokenizer.encode("\n");
  CorpusPrefix out;
  std::size_t at = 0;
  while (at < ids.size()) {
    std::size_t best = 0;
    int best_line = -1;
    bool whole = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& l = lines[i];
      std::size_t k = 0;
      while (k < l.size() && at + k < ids.size() && ids[at + k] == l[k]) ++k;
      if (k > best || (k == best && k == l.size() && !whole && k > 0)) {
        best = k;
        best_line = numbers[i];
        whole = k == l.size();
      }
    }
    if (best == 0) break;
    out.matched = static_cast<int>(at + best);
    out.line = best_line;
    at += best;
    // a whole line, then the line break (and spaces the tokenizer keeps): the next line may follow
    if (!whole || newline.empty() || at + newline.size() > ids.size() ||
        !std::equal(newline.begin(), newline.end(), ids.begin() + static_cast<std::ptrdiff_t>(at)))
      break;
    at += newline.size();
    out.matched = static_cast<int>(at);
  }
  return out;
}

}  // namespace tf
