#pragma once
// Attention between words, aggregated from attention between tokens, so a learner can read a map over
// the words they typed even when the model reads characters or pieces.
//
// The rule (stated on the page too):
//   * a word is a run of tokens between spaces; a token whose text starts with a space (or the tokenizers'
//     word-start mark ▁) begins a new word; tokens that are only spaces, and <pad> <bos> <eos>, belong to no
//     word (<unk> does: it stands for something the learner typed);
//   * word i looks at word j with  W[i][j] = mean over i's query tokens of ( sum over j's key tokens of P[q][k] ),
//     and with several heads, the mean over heads of that.
// Summing over keys keeps "how much of the attention went to this word" (a word split in three pieces is not
// penalised); averaging over queries keeps each row of W a share of one token's attention, so a row of W sums
// to at most 1. What is missing from 1 is the attention that went to specials and spaces (`rest`).
#include <string>
#include <vector>

namespace tf {

struct WordGroups {
  std::vector<int> group;          // per token: its word's index, or -1 (special, or only spaces)
  std::vector<std::string> words;  // per word: its text without the leading space
};

// ids decide which tokens are special (id < Tokenizer::kNumSpecials); texts are the tokens' texts.
WordGroups group_words(const std::vector<int>& ids, const std::vector<std::string>& texts);

struct WordAttention {
  int rows = 0, cols = 0;      // words on each side
  std::vector<float> weights;  // (rows, cols), row-major
  std::vector<float> rest;     // (rows): 1 − the row's sum, never below 0: what went to specials and spaces
};

// probs (H, R, X), row-major: head h, row r = query token r, column x = key token x; each row a distribution.
// The heads are averaged (H = 1: one head's map).
WordAttention aggregate_attention(const float* probs, int H, int R, int X, const WordGroups& rows,
                                  const WordGroups& cols);

// The mean of H heads' maps: probs (H, N) → (N). What "all heads" shows.
std::vector<float> mean_over_heads(const float* probs, int H, std::size_t N);

}  // namespace tf
