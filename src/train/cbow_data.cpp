#include "train/cbow_data.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/error.hpp"
#include "text/utf8.hpp"
#include "train/setup.hpp"

namespace tf {
namespace {

constexpr std::string_view kWordStart = "\xE2\x96\x81";  // ▁

// A token's text without the folded space; empty for whitespace and punctuation tokens.
std::string word_of_token(const Token& t) {
  std::string_view s = t.text;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  if (s.empty()) return "";
  const std::vector<char32_t> cps = decode_utf8(s);
  if (is_whitespace(cps.front()) || is_punctuation(cps.front())) return "";
  return std::string(s);
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    out.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

}  // namespace

std::string word_text(const Tokenizer& vocab, int id) {
  std::string s = vocab.token_text(id);
  if (!Tokenizer::is_special(id) && s.size() > kWordStart.size() && s.compare(0, kWordStart.size(), kWordStart) == 0)
    s.erase(0, kWordStart.size());
  return s;
}

WordCorpus build_word_corpus(std::string_view text, int min_count, int max_vocab, std::size_t max_bytes) {
  validate_corpus(text, max_bytes);
  text = strip_bom(text);
  if (min_count < 1) throw Error("bad_config", "min_count must be >= 1", min_count);
  if (max_vocab <= Tokenizer::kNumSpecials) throw Error("bad_config", "max_vocab must be > 4", max_vocab);
  // Every piece of the text, then the counts of the word pieces per line.
  const Tokenizer all = Tokenizer::build(TokenizerKind::Word, text, 1 << 30);
  std::vector<long long> seen(all.vocab_size(), 0);
  std::vector<std::vector<int>> lines;
  for (std::string_view line : lines_of(text)) {
    std::vector<int> ids;
    for (const Token& t : all.tokenize(line))
      if (!word_of_token(t).empty() && t.id >= Tokenizer::kNumSpecials) ids.push_back(t.id);
    for (int id : ids) ++seen[id];
    lines.push_back(std::move(ids));
  }
  // The vocabulary: words seen min_count times or more, most frequent first, ties by byte order of the piece.
  std::vector<int> order;
  for (int id = Tokenizer::kNumSpecials; id < all.vocab_size(); ++id)
    if (seen[id] >= min_count) order.push_back(id);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return seen[a] != seen[b] ? seen[a] > seen[b] : all.vocab()[a] < all.vocab()[b]; });
  if (static_cast<int>(order.size()) > max_vocab - Tokenizer::kNumSpecials)
    order.resize(static_cast<std::size_t>(max_vocab - Tokenizer::kNumSpecials));
  std::vector<std::string> pieces(Tokenizer::kSpecialPieces, Tokenizer::kSpecialPieces + Tokenizer::kNumSpecials);
  std::vector<int> remap(all.vocab_size(), -1);
  for (int id : order) {
    remap[id] = static_cast<int>(pieces.size());
    pieces.push_back(all.vocab()[id]);
  }
  WordCorpus c;
  c.vocab = Tokenizer::from_vocab(TokenizerKind::Word, std::move(pieces));
  c.counts.assign(c.vocab.vocab_size(), 0);
  std::size_t longest = 0;
  for (const std::vector<int>& line : lines) {
    std::vector<int> ids;
    for (int id : line)
      if (remap[id] >= 0) ids.push_back(remap[id]);
    for (int id : ids) ++c.counts[id], ++c.words;
    longest = std::max(longest, ids.size());
    if (!ids.empty()) c.sentences.push_back(std::move(ids));
  }
  if (longest < 2) {
    throw Error("corpus_too_short",
                "no line has two words that occur at least " + std::to_string(min_count) +
                    " times: word vectors learn from words next to each other",
                static_cast<long long>(longest), 2);
  }
  return c;
}

std::vector<int> encode_words(const Tokenizer& vocab, std::string_view line, std::vector<std::string>* words) {
  std::vector<int> ids;
  for (const Token& t : vocab.tokenize(line)) {
    const std::string w = word_of_token(t);
    if (w.empty()) continue;
    ids.push_back(t.unknown || Tokenizer::is_special(t.id) ? -1 : t.id);
    if (words) words->push_back(w);
  }
  return ids;
}

void context_window(const std::vector<int>& sentence, int centre, int window, int* slots, int* positions) {
  const int n = static_cast<int>(sentence.size());
  for (int k = 0; k < 2 * window; ++k) {
    // slots 0..W-1: positions centre−W .. centre−1; slots W..2W−1: centre+1 .. centre+W
    const int p = k < window ? centre - window + k : centre + 1 + (k - window);
    const bool inside = p >= 0 && p < n;
    slots[k] = inside ? sentence[p] : static_cast<int>(Tokenizer::PAD);
    positions[k] = inside ? p : -1;
  }
}

std::vector<CbowPair> window_pairs(const std::vector<int>& sentence, int centre, int window, CbowMode mode) {
  const int n = static_cast<int>(sentence.size());
  if (centre < 0 || centre >= n) throw Error("bad_shape", "the centre is outside the sentence", centre, n);
  if (window < 1) throw Error("bad_config", "window must be >= 1", window);
  std::vector<int> slots(2 * window), pos(2 * window);
  context_window(sentence, centre, window, slots.data(), pos.data());
  std::vector<CbowPair> out;
  if (mode == CbowMode::Cbow) {
    if (std::all_of(pos.begin(), pos.end(), [](int p) { return p < 0; })) return out;
    out.push_back({slots, sentence[centre], centre, pos, centre});
  } else {
    for (int k = 0; k < 2 * window; ++k)
      if (pos[k] >= 0) out.push_back({{sentence[centre]}, slots[k], centre, {centre}, pos[k]});
  }
  return out;
}

NoiseTable::NoiseTable(const std::vector<long long>& counts) : cdf_(counts.size(), 0.0) {
  double total = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    total += counts[i] > 0 ? std::pow(static_cast<double>(counts[i]), 0.75) : 0.0;
    cdf_[i] = total;
  }
  if (!(total > 0)) throw Error("corpus_too_short", "there are no words to draw noise from", 0, 1);
  for (double& c : cdf_) c /= total;
  cdf_.back() = 1.0;
}

int NoiseTable::draw(Rng& rng) const {
  const double u = rng.uniform();
  const auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
  return static_cast<int>(std::min<std::ptrdiff_t>(it - cdf_.begin(), static_cast<std::ptrdiff_t>(cdf_.size()) - 1));
}

CbowSampler::CbowSampler(const WordCorpus& corpus, const CbowConfig& config, int B, std::uint64_t seed)
    : sentences_(corpus.sentences), config_(config), B_(B), noise_(corpus.counts), rng_(seed, 0xcb05) {
  if (B < 1) throw Error("bad_train_config", "batch size must be >= 1", B);
  if (config.window < 1 || config.window > 16) throw Error("bad_config", "window must be in [1, 16]", config.window);
  for (std::size_t s = 0; s < sentences_.size(); ++s) {
    const int n = static_cast<int>(sentences_[s].size());
    for (int p = 0; p < n; ++p) {
      const int ctx = std::min(p, config.window) + std::min(n - 1 - p, config.window);
      if (ctx == 0) continue;
      centres_.emplace_back(static_cast<int>(s), p);
      context_count_.push_back(ctx);
    }
  }
  if (centres_.empty()) throw Error("corpus_too_short", "no word has another word beside it", 0, 2);
}

void CbowSampler::fill(Batch& batch, int b, std::uint32_t example, int sub) {
  const auto [s, p] = centres_[example];
  const std::vector<int>& sentence = sentences_[s];
  const int W = config_.window, T = batch.T;
  int slots[32], pos[32];
  context_window(sentence, p, W, slots, pos);
  int* in = batch.inputs.data() + static_cast<std::size_t>(b) * T;
  if (config_.mode == CbowMode::Cbow) {
    std::copy(slots, slots + 2 * W, in);
    batch.targets[b] = sentence[p];
  } else {
    // the sub-th real context word
    int k = 0;
    for (int j = 0; j < 2 * W; ++j) {
      if (pos[j] < 0) continue;
      if (k++ == sub) {
        batch.targets[b] = slots[j];
        break;
      }
    }
    in[0] = sentence[p];
  }
}

void CbowSampler::next(Batch& batch) {
  const int T = config_.context_slots(), K = config_.loss == CbowLoss::Negative ? config_.negatives : 0;
  batch.resize(B_, T, K);
  batch.targets.resize(B_);
  const auto n = static_cast<std::uint32_t>(centres_.size());
  for (int b = 0; b < B_; ++b) {
    const std::uint32_t e = rng_.below(n);
    const int sub = config_.mode == CbowMode::SkipGram
                        ? static_cast<int>(rng_.below(static_cast<std::uint32_t>(context_count_[e])))
                        : 0;
    fill(batch, b, e, sub);
    for (int k = 0; k < K; ++k) {
      int id = noise_.draw(rng_);
      for (int tries = 0; id == batch.targets[b] && tries < 8; ++tries) id = noise_.draw(rng_);
      batch.source[static_cast<std::size_t>(b) * K + k] = id;
    }
  }
}

void CbowSampler::skip(int n) {
  Batch scratch;
  for (int i = 0; i < n; ++i) next(scratch);
}

std::vector<Batch> cbow_eval_batches(const WordCorpus& corpus, const CbowConfig& config, int B, int max_batches) {
  CbowSampler sampler(corpus, config, B, 0xe7a1);
  std::vector<Batch> out(static_cast<std::size_t>(std::max(max_batches, 0)));
  for (Batch& b : out) sampler.next(b);
  return out;
}

}  // namespace tf
