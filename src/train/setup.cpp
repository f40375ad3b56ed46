#include "train/setup.hpp"

#include <algorithm>
#include <cstdio>

#include "core/error.hpp"
#include "text/utf8.hpp"

namespace tf {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos; }

}  // namespace

std::string_view strip_bom(std::string_view text) {
  return text.substr(0, 3) == kByteOrderMark ? text.substr(3) : text;
}

void validate_text(std::string_view text, std::size_t max_bytes, const std::string& name) {
  if (text.empty()) throw Error("empty_text", name + " is empty");
  if (text.size() > max_bytes) {
    throw Error("text_too_large",
                name + " is " + std::to_string(text.size()) + " bytes, over the limit of " + std::to_string(max_bytes),
                static_cast<long long>(text.size()), static_cast<long long>(max_bytes));
  }
  const std::size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    throw Error(
        "binary_text",
        name + " looks like a binary file (NUL byte at offset " + std::to_string(nul) + "); expected UTF-8 text",
        static_cast<long long>(nul));
  }
  const long long bad = find_invalid_utf8(text);
  if (bad >= 0) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
    throw Error("invalid_utf8",
                name + " is not valid UTF-8: bad byte " + hex + " at byte offset " + std::to_string(bad) +
                    " (save it as UTF-8)",
                bad);
  }
}

void validate_corpus(std::string_view text, std::size_t max_bytes, const std::string& name) {
  if (blank(strip_bom(text)) && text.size() <= max_bytes && text.find('\0') == std::string_view::npos)
    throw Error("empty_text", name + " is empty");
  validate_text(text, max_bytes, name);
}

TextSplit split_text(const std::vector<int>& ids, double fraction, int T) {
  const std::size_t need = static_cast<std::size_t>(T) + 1;
  if (ids.size() < need) {
    throw Error("corpus_too_short",
                "the text is too short: " + std::to_string(ids.size()) + " tokens; one training window needs " +
                    std::to_string(need),
                static_cast<long long>(ids.size()), static_cast<long long>(need));
  }
  TextSplit s;
  const auto n_held = static_cast<std::size_t>(static_cast<double>(ids.size()) * fraction);
  if (n_held >= need && ids.size() - n_held >= need) {
    s.train.assign(ids.begin(), ids.end() - static_cast<std::ptrdiff_t>(n_held));
    s.held_out.assign(ids.end() - static_cast<std::ptrdiff_t>(n_held), ids.end());
  } else {
    s.train = ids;
  }
  return s;
}

std::vector<TextPair> parse_pairs(std::string_view tsv) {
  tsv = strip_bom(tsv);
  std::vector<TextPair> pairs;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < tsv.size()) {
    std::size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (blank(line)) continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos) {
      throw Error("pairs_no_tab",
                  "line " + std::to_string(line_no) + " is not 'source<TAB>target' (it has " +
                      (tab == std::string_view::npos ? "no tab" : "more than one tab") + ")",
                  line_no);
    }
    const std::string_view source = line.substr(0, tab), target = line.substr(tab + 1);
    if (blank(source) || blank(target)) {
      throw Error(
          "pairs_empty_side",
          "line " + std::to_string(line_no) + " has an empty " + (blank(source) ? "source" : "target") + " side",
          line_no);
    }
    pairs.push_back({std::string(source), std::string(target), line_no});
  }
  return pairs;
}

PairData prepare_pairs(std::string_view tsv, std::string_view held_out_tsv, TokenizerKind source_kind,
                       TokenizerKind target_kind, int max_positions, std::size_t max_bytes, const Tokenizer* source,
                       const Tokenizer* target) {
  validate_corpus(tsv, max_bytes, "the pairs");
  if (!held_out_tsv.empty()) validate_corpus(held_out_tsv, max_bytes, "the held-out pairs");
  PairData d;
  std::vector<TextPair> all = parse_pairs(tsv);
  if (held_out_tsv.empty()) {
    for (std::size_t i = 0; i < all.size(); ++i) ((i + 1) % 10 == 0 ? d.held_out_text : d.train_text).push_back(all[i]);
  } else {
    d.train_text = std::move(all);
    d.held_out_text = parse_pairs(held_out_tsv);
  }
  if (d.train_text.size() < 2) {
    throw Error(
        "pairs_too_few",
        "there are " + std::to_string(d.train_text.size()) + " sentence pairs to train on; at least 2 are needed",
        static_cast<long long>(d.train_text.size()), 2);
  }
  std::string sources, targets;
  for (const TextPair& p : d.train_text) sources += p.source + "\n", targets += p.target + "\n";
  d.source_tokenizer = source ? *source : Tokenizer::build(source_kind, sources);
  d.target_tokenizer = target ? *target : Tokenizer::build(target_kind, targets);
  auto encode = [&](const std::vector<TextPair>& text, std::vector<TokenPair>& out) {
    for (const TextPair& p : text) {
      TokenPair t{d.source_tokenizer.encode(p.source), d.target_tokenizer.encode(p.target)};
      const int need = std::max(static_cast<int>(t.source.size()) + 2, static_cast<int>(t.target.size()) + 1);
      if (need > max_positions) {
        throw Error("pairs_too_long",
                    "line " + std::to_string(p.line) + " needs " + std::to_string(need) +
                        " positions (with <bos>/<eos>); the model has " + std::to_string(max_positions),
                    p.line, max_positions);
      }
      out.push_back(std::move(t));
    }
  };
  encode(d.train_text, d.train);
  encode(d.held_out_text, d.held_out);
  d.shape = pair_shape(d.train);
  const PairShape h = pair_shape(d.held_out);
  d.shape.S = std::max(d.shape.S, h.S), d.shape.T = std::max(d.shape.T, h.T);
  return d;
}

}  // namespace tf
