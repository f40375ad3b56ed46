#pragma once
// The encoder-decoder as the page uses it, beside ModelSession (the GPT): a plain C++ facade the WebAssembly
// bindings only register. Text arrives as UTF-8, results leave as vectors and a named Inspection.
//
//   TranslationSession s;
//   s.load(bytes);                                        // a checkpoint with "arch": "seq2seq"
//   TranslateResult r = s.translate("나는 밥을 먹었다", R"({"temperature": 0})", 32, 1);
//   r.output_text == "I ate rice";  r.record.get("dec.h1.xattn.probs")   // (H, T, S): where each step looked
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/inspection.hpp"
#include "model/seq2seq.hpp"
#include "text/tokenizer.hpp"

namespace tf {

struct TranslateResult {
  std::vector<Token> source_tokens;  // the typed text as source tokens (without <bos>/<eos>)
  std::vector<int> source;           // what the encoder read: <bos> ids… <eos>
  std::vector<int> output;           // the written target ids (ending with <eos> when finished)
  std::vector<float> step_probs;     // the probability of each written token
  bool finished = false;
  std::string output_text;  // output decoded, without <eos>
  // One recorded pass over <bos> + output (every intermediate of Seq2Seq::inspect): row k of a decoder
  // tensor is step k, because the decoder is causal.
  Inspection record;
};

struct Seq2SeqInspectResult {
  std::vector<Token> source_tokens, target_tokens;  // typed text as tokens (without specials)
  std::vector<int> source, inputs, targets;         // <bos> src <eos>;  <bos> tgt;  tgt <eos>
  Inspection record;
  float loss = 0;  // mean cross-entropy of the target tokens and <eos>
};

// Teacher forcing vs free-running on one sentence and its reference translation. Position k of the
// reference (k == its length: <eos>) is predicted twice: by the decoder fed the reference before k (teacher
// forcing, as in training) and by the decoder fed its own earlier outputs (free-running, as in use).
struct DecodingComparison {
  std::vector<Token> source_tokens;     // typed source, without specials
  std::vector<Token> reference_tokens;  // typed reference, without specials
  std::vector<int> reference;           // reference ids + <eos>: what each position should write
  std::vector<int> forced_top;          // teacher forcing: the most likely token at each position
  std::vector<float> forced_top_prob;   //   its probability
  std::vector<float> forced_ref_prob;   //   the probability of the reference token
  float forced_loss = 0;                //   mean cross-entropy (the training loss of this pair)
  std::vector<int> free_ids;            // free-running (greedy): what it wrote, with <eos> when it stopped
  std::vector<float> free_probs;        //   the probability of each written token
  bool free_finished = false;
  int first_mistake = -1;  // first position where the free-running output differs from reference; -1 = none
  int forced_mistakes = 0;  // positions where teacher forcing's top token is not the reference token
};

class TranslationSession {
 public:
  void load(std::string_view checkpoint_bytes);
  void adopt(std::unique_ptr<Seq2Seq> model, Tokenizer source, Tokenizer target);
  std::string save() const;
  bool ready() const { return model_ != nullptr; }
  Seq2Seq& model();
  const Tokenizer& source_tokenizer() const { return source_; }
  const Tokenizer& target_tokenizer() const { return target_; }
  // {"arch": "seq2seq", "config": {...}, "src_tokenizer": "word", "tgt_tokenizer": "word", "src_vocab_size",
  //  "tgt_vocab_size", "num_parameters", "params": [{name, shape}]}
  nlohmann::json info() const;

  // too_long when the text has more tokens than the encoder reads; empty_text, invalid_utf8 as usual.
  TranslateResult translate(std::string_view text, const std::string& sampling_json, int max_tokens, double seed);
  // The model fed `target` (teacher forcing); an empty target inspects the model's own greedy translation.
  // pad > 0 appends that many <pad> tokens after the source's <eos>, as in a training batch of longer
  // sentences, so the padding mask has something to hide (too_long when the encoder cannot hold them).
  Seq2SeqInspectResult inspect(std::string_view source, std::string_view target, int pad = 0);
  // Both decodings of `source` against the reference translation `reference` (not empty).
  DecodingComparison compare_decoding(std::string_view source, std::string_view reference);

 private:
  std::vector<Token> source_tokens(std::string_view text) const;

  std::unique_ptr<Seq2Seq> model_;
  Tokenizer source_, target_;
};

}  // namespace tf
