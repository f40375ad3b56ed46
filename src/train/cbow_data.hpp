#pragma once
// Training data for word vectors (model/cbow.hpp), prepared one way for the CLI and the page.
//
//   text ──(split_particles, optional)──▶ lines ──▶ words (the word tokenizer's pieces, punctuation dropped)
//        ──▶ vocabulary: the four specials, then every word seen at least min_count times, most frequent first
//        ──▶ sentences of ids (one per line; words left out of the vocabulary are dropped before windowing)
//        ──▶ CbowSampler: (context, centre) rows for CBOW, (centre, one context word) rows for skip-gram
//
// Worked example, window 1, the line "나 는 밥 을 먹었다":
//   CBOW pairs       [_, 는] → 나   [나, 밥] → 는   [는, 을] → 밥   [밥, 먹었다] → 을   [을, _] → 먹었다
//   skip-gram pairs  나 → 는   는 → 나   는 → 밥   밥 → 는   밥 → 을   ...   (centre → each context word)
//
// Error codes (tf::Error): empty_text, text_too_large, invalid_utf8, binary_text (validate_corpus);
//   corpus_too_short [words kept, 2]  fewer than two vocabulary words in one line (no pair to train on).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/rng.hpp"
#include "model/cbow.hpp"
#include "text/tokenizer.hpp"
#include "train/samplers.hpp"

namespace tf {

struct WordCorpus {
  Tokenizer vocab;                          // a word tokenizer: specials, then ▁word pieces
  std::vector<std::vector<int>> sentences;  // ids per line, only vocabulary words
  std::vector<long long> counts;            // (V) occurrences of each id in `sentences` (0 for specials)
  long long words = 0;                      // Σ counts
};

// The word of a vocabulary id as a learner reads it: "▁고양이" → "고양이".
std::string word_text(const Tokenizer& vocab, int id);

// Builds the vocabulary and the sentences (the text is used as given: split particles first if wanted).
// max_vocab counts the specials too.
WordCorpus build_word_corpus(std::string_view text, int min_count, int max_vocab, std::size_t max_bytes);
// The ids of `line`'s words under an existing vocabulary; words it does not know are -1 (not dropped).
std::vector<int> encode_words(const Tokenizer& vocab, std::string_view line, std::vector<std::string>* words = nullptr);

// The window around position `centre` of `sentence`: the context slots (2W: W before, W after, PAD where the
// sentence ends) and the positions they came from (-1 for PAD).
void context_window(const std::vector<int>& sentence, int centre, int window, int* slots, int* positions);

// One training row: CBOW context slots → centre, or skip-gram centre → one context word.
struct CbowPair {
  std::vector<int> inputs;  // (T) ids, PAD-padded
  int target = 0;
  int centre = 0;                    // position of the centre word in the sentence
  std::vector<int> input_positions;  // (T) positions of the inputs, -1 for PAD
  int target_position = 0;
};
// Every pair the window makes at `centre` (CBOW: one, or none without context; skip-gram: one per context word).
std::vector<CbowPair> window_pairs(const std::vector<int>& sentence, int centre, int window, CbowMode mode);

// Noise words for negative sampling: P(w) ∝ count(w)^0.75 (word2vec), drawn by inverse CDF on uniform floats so
// the same seed gives the same draws natively and in WebAssembly.
class NoiseTable {
 public:
  explicit NoiseTable(const std::vector<long long>& counts);
  int draw(Rng& rng) const;

 private:
  std::vector<double> cdf_;  // (V) cumulative, last = 1
};

// Random rows of a word corpus, B per batch, fixed shapes: inputs (B, T), targets (B), and with negative
// sampling source (B, K) noise ids (a noise id equal to the row's target is drawn again, up to 8 times).
class CbowSampler : public Sampler {
 public:
  // tf::Error("corpus_too_short") when no sentence gives a pair.
  CbowSampler(const WordCorpus& corpus, const CbowConfig& config, int B, std::uint64_t seed);
  void next(Batch& batch) override;
  void skip(int n) override;
  int batch_size() const override { return B_; }
  long long examples() const { return static_cast<long long>(centres_.size()); }

 private:
  void fill(Batch& batch, int b, std::uint32_t example, int sub);

  std::vector<std::vector<int>> sentences_;
  std::vector<std::pair<int, int>> centres_;  // (sentence, position) with at least one context word
  std::vector<int> context_count_;            // per centre: context words (skip-gram picks one)
  CbowConfig config_;
  int B_;
  NoiseTable noise_;
  Rng rng_;
};

// The first max_batches batches of a sampler with its own fixed seed: a held-still set to evaluate the loss on.
std::vector<Batch> cbow_eval_batches(const WordCorpus& corpus, const CbowConfig& config, int B, int max_batches);

}  // namespace tf
