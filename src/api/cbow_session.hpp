#pragma once
// Word vectors as the page and the CLI use them, beside ModelSession (GPT) and TranslationSession: a plain C++
// facade over a trained Cbow model and its word vocabulary. Text arrives as UTF-8; nothing here knows JavaScript.
//
//   CbowSession s;
//   s.load(bytes);                                         // a checkpoint with "arch": "cbow"
//   s.neighbours("고양이", 5, "input");                     // [{강아지, 0.81}, {토끼, 0.77}, ...]
//   BlankResult b = s.fill_blank("나는 ___ 먹었다", 5);      // 밥 0.41, 빵 0.22, ...
//   Projection p = s.projection(200, nullptr);             // the 200 most frequent words on a 2-D map
//
// Looking a word up: a word of the vocabulary is itself; a word that is not (나는) is split by the particle
// rule of text/particles.hpp and its stem used when the stem is a vocabulary word (나는 → 나). Otherwise
// tf::Error("unknown_word") naming it.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/word_vectors.hpp"
#include "model/cbow.hpp"
#include "model/inspection.hpp"
#include "text/tokenizer.hpp"
#include "train/cbow_data.hpp"

namespace tf {

struct BlankResult {
  std::vector<std::string> words;      // the sentence's words (particles split where needed); "___" at the blank
  std::vector<int> ids;                // (words) vocabulary id of each word, -1 for unknown words and the blank
  int blank = 0;                       // index of the blank in words
  std::vector<int> context;            // (2W) the context slots the model read (PAD for none / unknown)
  std::vector<int> context_positions;  // (2W) index into words, -1 for PAD
  std::vector<Guess> guesses;          // top-k words for the blank
  std::vector<float> probs;            // (V) every word's probability
};

struct CbowInspectResult {
  std::vector<std::string> words;  // the sentence's words
  std::vector<int> ids;            // -1 for words the vocabulary does not know
  int centre = 0;
  std::vector<int> context;            // (2W) context slots (PAD where the window runs out or a word is unknown)
  std::vector<int> context_positions;  // (2W) -1 for PAD
  std::vector<CbowPair> pairs;         // the training pairs this window makes (CBOW: 1, skip-gram: one per word)
  std::vector<std::vector<CbowPair>> sentence_pairs;  // the pairs of every window of the sentence, by centre
  // context.ids, context.vectors, context.mean, scores, probs, loss (model/cbow.hpp): the CBOW view of the window
  // (a skip-gram model: its first context word alone). With negative sampling the loss is over K noise words drawn
  // uniformly from the vocabulary with a seed fixed by the centre (noise.ids, noise.scores), so it repeats.
  Inspection record;
  float loss = 0;  // the model's loss for this window (NaN when the centre is unknown)
};

class CbowSession {
 public:
  void load(std::string_view checkpoint_bytes);
  void adopt(std::unique_ptr<Cbow> model, Tokenizer vocab);
  std::string save() const;
  bool ready() const { return model_ != nullptr; }
  Cbow& model();
  const Tokenizer& vocab() const { return vocab_; }
  // {"arch": "cbow", "config": {...}, "words": ["고양이", ...] (vocabulary ids 4.., in id order), "vocab_size",
  //  "num_parameters"}
  nlohmann::json info() const;
  std::vector<std::string> words() const;  // word of every id (specials as <pad> ...)

  // The vocabulary id of a word (see the header comment); tf::Error("unknown_word") or ("empty_text").
  int word_id(std::string_view word) const;
  // The sentence's words and their ids (-1 unknown), each unknown word split at its particle when that helps.
  std::vector<int> sentence_ids(std::string_view text, std::vector<std::string>& words) const;

  // table: "input" (the word vectors) or "output"; k in [1, 100].
  std::vector<Neighbour> neighbours(std::string_view word, int k, const std::string& table = "input") const;
  // The first n words of the vocabulary (the most frequent; ids 4 .. 4+n−1) on a 2-D PCA map of `table`,
  // aligned to `previous` (n points) when given. n in [1, V − 4]; larger is capped.
  Projection projection(int n, const std::vector<float>* previous, const std::string& table = "input") const;
  // The sentence with one blank written as a run of underscores ("나는 ___ 먹었다", "나는 ___을 먹었다": a particle
  // glued to the blank is a word of its own): the top k words for it.
  // tf::Error codes: no_blank (none or more than one), unknown_word (no known word around the blank).
  BlankResult fill_blank(std::string_view text, int k);
  // One window of a sentence: the word at index `centre` and its context, through the model.
  CbowInspectResult inspect(std::string_view text, int centre);
  // (V, C) the input or output vectors.
  std::vector<float> vectors(const std::string& table) const;

 private:
  const float* table(const std::string& which) const;

  std::unique_ptr<Cbow> model_;
  Tokenizer vocab_;
};

}  // namespace tf
