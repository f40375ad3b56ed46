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

}  // namespace tf
