#pragma once
// Contextual vectors: the same word gets a different hidden state in a different sentence.
//
// For every occurrence of `word` in `sentences`, the hidden state at the word's last token is taken
// after the embedding (layer 0) and after each block (layers 1..L), then compared:
//   cosine[l][i][j] = cos(h_l(i), h_l(j)),   projection[l] = the occurrences on the first two
//   principal components (2-D PCA by power iteration),   attention[l][i] = where occurrence i looks
//   (layer l's attention probabilities averaged over heads, over the tokens of its sentence).
// A GPT-style model is causal: the vector at 사과 only knows the words *before* it, so "빨간 사과"
// can be told from "진심 어린 사과", but "사과를 먹었다" from "사과를 했다" only at the verb.
//
//   auto a = analyze_word(model, tokenizer, {"빨간 사과를 먹었다", "진심 어린 사과를 했다"}, "사과");
//   a.cosine[2]  // (2 × 2) similarities after the second block
#include <string>
#include <vector>

#include "model/model.hpp"
#include "text/tokenizer.hpp"

namespace tf {

struct WordOccurrence {
  int sentence = 0;     // index into the sentences
  int token = 0;        // index of the word's last token in that sentence
  int first_token = 0;  // index of its first token
};

struct ContextualAnalysis {
  std::vector<WordOccurrence> occurrences;
  std::vector<std::vector<Token>> tokens;                  // per sentence
  int layers = 0;                                          // L + 1 (embedding, then after each block)
  int width = 0;                                           // C
  std::vector<std::vector<float>> vectors;                 // [layer] (N × C)
  std::vector<std::vector<float>> cosine;                  // [layer] (N × N)
  std::vector<std::vector<float>> projection;              // [layer] (N × 2)
  std::vector<std::vector<std::vector<float>>> attention;  // [block] [occurrence] (T_sentence)
};

// Throws tf::Error("word_not_found") when `word` occurs in none of the sentences, and the usual
// text errors (empty_text, invalid_utf8, too_long) naming the sentence.
ContextualAnalysis analyze_word(Model& model, const Tokenizer& tokenizer, const std::vector<std::string>& sentences,
                                const std::string& word);

// Mean cosine similarity between occurrences in the same group and in different groups, for a
// layer's (N × N) cosine matrix and one group label per occurrence (used by tests and the view).
struct GroupSimilarity {
  float within = 0, across = 0;
};
GroupSimilarity group_similarity(const std::vector<float>& cosine, const std::vector<std::string>& groups);

// Nearest centroid: each label's centroid is the mean of its rows of X (N × C) marked fit; every other row
// takes the label whose centroid is most similar by cosine (a tie goes to the label that sorts first).
//   X = [1 0 | 0.9 0.1 | 0 1 | 0.2 0.8],  labels a a b b,  fit rows 0 and 2
//   → centroids a = (1, 0), b = (0, 1); row 1 → a (right), row 3 → b (right): accuracy 1
struct CentroidCheck {
  int fit = 0, tested = 0, correct = 0;
  std::vector<std::string> predicted;  // per row of X; "" for a fit row
};
CentroidCheck nearest_centroid(const std::vector<float>& X, int C, const std::vector<std::string>& labels,
                               const std::vector<bool>& fit);

// Does the word's vector carry its sense? One label per occurrence of `word` in `sentences` (in order), then
// two folds (centroids from the even occurrences, checked on the odd ones, and the other way round), per
// layer (0 = the embedding, which sees the word and its position but no other word). The baseline always
// guesses the fit half's commoner label. Every occurrence is checked once.
struct SenseCheck {
  int occurrences = 0;
  std::vector<std::string> senses;          // the labels, sorted
  std::vector<int> counts;                  // occurrences per sense
  std::vector<float> accuracy;              // [layer] share of occurrences whose nearest centroid has their label
  float majority = 0;                       // the baseline's share
  std::vector<GroupSimilarity> similarity;  // [layer] mean cosine within and across labels
};
// Throws tf::Error("bad_shape") when the labels do not match the occurrences one to one, and analyze_word's errors.
SenseCheck sense_check(Model& model, const Tokenizer& tokenizer, const std::vector<std::string>& sentences,
                       const std::string& word, const std::vector<std::string>& labels);

}  // namespace tf
