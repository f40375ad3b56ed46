#pragma once
// One vector per word, one per token, one per word in context: the same word seen three ways.
//
// A word-vector table (CBOW) has one row per word, whatever the sentence. A GPT's input embedding has one row per
// token: the character model writes 사과 as 사 + 과 and looks up the same two rows (wte, (V, C)) in every sentence.
// Only after the blocks does the hidden state at the word depend on its sentence (analysis/contextual.hpp).
// compare_senses puts the last two side by side for every occurrence of `word` in `sentences`:
//   embedding_cosine (N, N)  cos(wte[last token of occurrence i], wte[last token of occurrence j])
//   contextual.cosine[l]     the hidden states' cosines after the embedding (l = 0) and each block
// and, when occurrences are labelled by sense (사과: apple / apology), the mean cosine between occurrences of the
// same sense and of different senses for each (group_similarity over the labelled occurrences only).
//
//   auto c = compare_senses(model, tokenizer, {"나는 빨간 사과를 샀다", "나는 진심으로 사과했다"}, "사과",
//                           {{"apple"}, {"apology"}});
//   c.embedding_groups;    // {within 1, across 1, 0, 1}: the same rows in both sentences
//   c.layer_groups.back(); // after the last block: the senses apart
#include <string>
#include <vector>

#include "analysis/contextual.hpp"
#include "model/model.hpp"
#include "text/tokenizer.hpp"

namespace tf {

// Mean cosine between labelled occurrences of the same sense and of different senses, and how many pairs each
// mean is over (0 pairs: the mean is 0 and means nothing).
struct SenseSimilarity {
  float within = 0, across = 0;
  int within_pairs = 0, across_pairs = 0;
};

struct SenseComparison {
  ContextualAnalysis contextual;              // occurrences, tokens, per-layer vectors and cosines
  std::vector<std::string> labels;            // (N) each occurrence's sense, "" when its sentence gives none
  std::vector<int> word_tokens;               // (n) the ids the first occurrence is written with (사, 과)
  std::vector<std::string> word_texts;        // (n) their texts
  std::vector<float> token_rows;              // (n, C) their input embedding rows
  std::vector<float> embedding_cosine;        // (N, N) between the occurrences' input embedding rows (last token)
  SenseSimilarity embedding_groups;           // over the labelled occurrences of embedding_cosine
  std::vector<SenseSimilarity> layer_groups;  // (L + 1) the same for contextual.cosine[l]
  int labelled = 0;                           // occurrences with a label
};

// labels: per sentence, the senses of its occurrences of `word` in order (the last one repeats for further
// occurrences); an empty list leaves that sentence's occurrences unlabelled. Sizes may differ from sentences
// (missing entries are empty). Errors as analyze_word's.
SenseComparison compare_senses(Model& model, const Tokenizer& tokenizer, const std::vector<std::string>& sentences,
                               const std::string& word, const std::vector<std::vector<std::string>>& labels);

// cos(row i, row j) for rows (N, C): (N, N).
std::vector<float> cosine_matrix(const float* rows, int N, int C);

// group_similarity over the occurrences whose label is not empty (their sub-matrix of cosine (N, N)).
SenseSimilarity labelled_similarity(const std::vector<float>& cosine, const std::vector<std::string>& labels);

}  // namespace tf
