#pragma once
// Training data, prepared one way for every front end (the CLI and the page): the same checks with the same
// error codes, the same held-out split. Knows nothing of files or JavaScript; they hand it text.
//
//   next-token text (GPT):  validate_text → tokenizer built from the text → ids → split_text (last 10% held out)
//   sentence pairs (seq2seq): "source<TAB>target" lines → parse_pairs → prepare_pairs (tokenizers built from the
//                             training pairs; every 10th pair held out unless a held-out file is given)
//
// Error codes (tf::Error; detail / detail2 in brackets):
//   empty_text [-]  text_too_large [bytes, limit]  binary_text [offset of the NUL]  invalid_utf8 [offset]
//   corpus_too_short [tokens, needed]             too few tokens for one training window
//   pairs_no_tab [line]                           a line without a tab between source and target
//   pairs_empty_side [line]                       a line whose source or target is blank
//   pairs_too_long [line, limit]                  a pair longer than the model's positions
//   pairs_too_few [pairs, needed]                 not enough pairs to train on
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.hpp"
#include "train/samplers.hpp"

namespace tf {

// Checks text from a learner or a file: not empty, not over `max_bytes`, no NUL byte, valid UTF-8. Messages
// start with `name` ("the text", "corpus notes.txt"); the page shows the code in the learner's language.
void validate_text(std::string_view text, std::size_t max_bytes, const std::string& name = "the text");
// The same for training text, which must hold more than whitespace. A leading UTF-8 byte-order mark is allowed
// (strip_bom removes it; Windows Notepad writes one).
void validate_corpus(std::string_view text, std::size_t max_bytes, const std::string& name = "the text");
std::string_view strip_bom(std::string_view text);

struct TextSplit {
  std::vector<int> train, held_out;
};
// held_out: the last `fraction` of the ids, when both parts keep at least one window of T+1 tokens (else
// empty, and training and evaluation use all of it). corpus_too_short when the text has fewer than T+1.
TextSplit split_text(const std::vector<int>& ids, double fraction, int T);

struct TextPair {
  std::string source, target;
  int line = 0;  // 1-based line in the text it came from
};
// One pair per line "source<TAB>target"; LF or CRLF line ends (mixed is fine); blank lines skipped; a
// leading byte-order mark dropped; text after a second tab is an error (pairs_no_tab names the line).
std::vector<TextPair> parse_pairs(std::string_view tsv);

struct PairData {
  Tokenizer source_tokenizer, target_tokenizer;
  std::vector<TokenPair> train, held_out;  // token ids, without specials
  std::vector<TextPair> train_text, held_out_text;
  PairShape shape;  // fits every training and held-out pair
};
// held_out_tsv empty: every 10th pair of `tsv` is held out. Tokenizers are built from the training pairs only,
// so a held-out word never seen in training reads as <unk>, as it would for a learner's new sentence.
// Given tokenizers (resuming a model) are used as they are instead of being built.
PairData prepare_pairs(std::string_view tsv, std::string_view held_out_tsv, TokenizerKind source_kind,
                       TokenizerKind target_kind, int max_positions, std::size_t max_bytes,
                       const Tokenizer* source = nullptr, const Tokenizer* target = nullptr);

}  // namespace tf
