#pragma once
// The engine as the page uses it: plain C++ facades that the WebAssembly bindings only register.
// Settings cross as JSON strings (validated here, with tf::Error codes the page translates), text as
// UTF-8 bytes, numbers as vectors; nothing here knows about JavaScript, so it is tested natively.
//
//   ModelSession m;
//   m.create_from_corpus(R"({"n_layer": 2, "n_embd": 32})", "char", corpus, /*seed=*/1);
//   InspectResult r = m.inspect_text("고양이는 귀엽다");      // every intermediate, by name
//   TrainingSession t;
//   t.create(R"({"model": {...}, "racers": [{"optimizer": {"kind": "sgd"}}, {"optimizer": {"kind": "adam"}}]})",
//   corpus); auto results = t.step(10);                                  // 10 lockstep steps of every racer
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/contextual.hpp"
#include "analysis/word_vectors.hpp"
#include "api/cbow_session.hpp"
#include "api/translation_session.hpp"
#include "model/generate.hpp"
#include "model/inspection.hpp"
#include "model/model.hpp"
#include "model/translate.hpp"  // TranslationScore
#include "text/tokenizer.hpp"
#include "train/divergence.hpp"
#include "train/setup.hpp"  // validate_text
#include "train/trainer.hpp"

namespace tf {

inline constexpr std::size_t kMaxTextBytes = 64 * 1024;          // one sentence / prompt
inline constexpr std::size_t kMaxCorpusBytes = 8 * 1024 * 1024;  // a learner's own training text

struct InspectResult {
  std::vector<Token> tokens;
  std::vector<int> ids;
  Inspection record;
  float loss = 0;  // mean next-token cross-entropy over the sequence (NaN for one token)
};

SamplingConfig sampling_from_json(const std::string& json);  // {"temperature": 0.8, "top_k": 5, "top_p": 1}

class ModelSession {
 public:
  void create(const std::string& config_json, const std::string& tokenizer_json, double seed);
  // Builds the tokenizer from `corpus` (tokenizer_type: char | word | jamo) and sets vocab_size to fit it.
  void create_from_corpus(const std::string& config_json, const std::string& tokenizer_type, std::string_view corpus,
                          double seed);
  void load(std::string_view checkpoint_bytes);
  void adopt(std::unique_ptr<Model> model, Tokenizer tokenizer);
  std::string save() const;

  bool ready() const { return model_ != nullptr; }
  Model& model();
  const Tokenizer& tokenizer() const;
  // {"config": {...}, "tokenizer": "char", "vocab_size": 57, "num_parameters": 12345, "params": [{"name", "shape"}]}
  nlohmann::json info() const;

  std::vector<Token> tokenize(std::string_view text) const;
  std::string decode(const std::vector<int>& ids) const;
  InspectResult inspect_text(std::string_view text);
  InspectResult inspect_ids(const std::vector<int>& ids);
  // The model input for `ids` if positions were encoded as `positional` ("learned" needs a model with
  // learned positions; "sinusoidal" and "none" work for any model): token (T,C), position (T,C), sum (T,C).
  Inspection embed(const std::vector<int>& ids, const std::string& positional);
  // The position vectors (T, C) of `positional` for positions 0..T-1, and their dot products (T, T):
  // how alike two positions look to the model before it has seen any token.
  std::vector<float> position_table(const std::string& positional, int T);
  std::vector<float> position_similarity(const std::string& positional, int T);
  std::vector<float> next_token_probs(const std::vector<int>& ids, const std::string& sampling_json);
  // The contextual vectors of `word` in each sentence (see analysis/contextual.hpp). At most 64 sentences.
  ContextualAnalysis analyze_word(const std::vector<std::string>& sentences, const std::string& word);
  // Whether the word's vectors carry its sense: nearest centroids in two folds (analysis/contextual.hpp), one label
  // per occurrence. At most 1,000 sentences.
  SenseCheck sense_check(const std::vector<std::string>& sentences, const std::string& word,
                         const std::vector<std::string>& labels);
  std::vector<int> generate(const std::vector<int>& ids, int max_tokens, const std::string& sampling_json, double seed);
  // The k tokens whose rows of the embedding table wte (V, C) are most like token `id`'s row by cosine, most
  // similar first (ties: lower id); never `id` itself nor the specials (analysis/word_vectors.hpp).
  std::vector<Neighbour> nearest_tokens(int id, int k);

 private:
  std::unique_ptr<Model> model_;
  Tokenizer tokenizer_;
};

// f(x) for each x under one of the feed-forward activations, computed by the engine's kernel.
std::vector<float> apply_activation(const std::string& activation, const std::vector<float>& xs);

// Several models trained in lockstep on the same batches (one racer = plain training).
// spec JSON: {
//   "model": {ModelConfig keys}, "tokenizer": "char", "seed": 1337, "val_fraction": 0.1,
//   "train": {"batch_size": 16, "seq_len": 0},
//   "racers": [{"name": "Adam", "optimizer": {"kind": "adam", "lr": 0.003}, "sampling_prob": 0}, ...]
// }
// With "arch": "seq2seq" the corpus is sentence pairs ("source<TAB>target" lines, every 10th held out),
// "model" holds Seq2SeqConfig keys (vocabulary sizes come from the tokenizers), and "src_tokenizer" /
// "tgt_tokenizer" (default "word") replace "tokenizer"; the data setup is the CLI's (train/setup.hpp).
// With "arch": "cbow" the corpus is plain text and the model is word vectors (model/cbow.hpp): "model" holds
// CbowConfig keys (dim, window, mode, loss, negatives, min_count; vocab_size comes from the text), and
// "split_particles": true splits Korean particles off the text first (text/particles.hpp). Batches are
// (context, centre) rows (train/cbow_data.hpp); the loss is evaluated on 8 fixed batches of them.
// Every racer starts from the same weights (the spec's seed) and sees the same batches.
class TrainingSession {
 public:
  struct RacerStep {
    int racer;
    StepResult result;
    bool diverged;  // this racer diverged at this step (it stays where it was and takes no more steps)
    Divergence reason = Divergence::none;  // why: NaN/Inf, a loss well above its start, rising, exploding gradients
  };

  void create(const std::string& spec_json, std::string_view corpus);
  int racers() const { return static_cast<int>(trainers_.size()); }
  const std::string& racer_name(int racer) const;
  // n lockstep steps; racers that diverged earlier are skipped. Each racer's results go through a
  // DivergenceWatch (train/divergence.hpp; uniform loss ln V of the output vocabulary, none for word vectors),
  // so a learning rate that blows up is caught even when the loss stays finite.
  std::vector<RacerStep> step(int n);
  const DivergenceReport& divergence(int racer) const;  // reason none while the racer is healthy
  float evaluate(int racer, int max_batches = 4);       // held-out loss (or train loss when there is no held-out part)
  bool has_validation() const { return !val_ids_.empty() || !val_batches_.empty(); }
  void set_lr(int racer, float lr);
  void set_sampling_prob(int racer, float p);
  // Optimizer state of one parameter tensor: "m", "v", "m_hat", "v_hat", "momentum", "update", "effective_lr".
  std::vector<float> optimizer_state(int racer, const std::string& param, const std::string& which) const;
  std::vector<std::string> optimizer_state_names(int racer) const;
  float learning_rate(int racer) const;
  std::string save(int racer) const;                        // checkpoint bytes incl. optimizer state
  std::unique_ptr<ModelSession> snapshot(int racer) const;  // an independent copy for inspection (GPT)
  std::unique_ptr<TranslationSession> snapshot_translation(int racer) const;  // the same for seq2seq
  // seq2seq: one racer's greedy translations of the held-out pairs, compared with their references (exact
  // match, token accuracy: score_translations in model/translate.hpp), over the first max_pairs of them
  // (0 = all; at most 100000). Like evaluate(), the training pairs stand in when none are held out.
  // wrong_arch for a GPT session, bad_train_config for a negative max_pairs.
  TranslationScore score_translations(int racer, int max_pairs = 0);
  // seq2seq: the pairs score_translations compares with, as written (source, reference, line), in the same
  // order. wrong_arch for a GPT session.
  const std::vector<TextPair>& held_out_pairs() const;
  std::unique_ptr<CbowSession> snapshot_cbow(int racer) const;  // the same for word vectors
  bool seq2seq() const { return seq2seq_; }
  bool cbow() const { return cbow_; }
  const Tokenizer& tokenizer() const { return tokenizer_; }  // the GPT's, or the target side's
  nlohmann::json info() const;
  int steps() const { return steps_; }

  // Split steps: one racer's batch over W workers (train.shards S > 1; train/trainer.hpp, "Split steps"). Each
  // worker holds a session made from the same settings. step_part draws the next batch, as step(1) would, and
  // computes shards [first, first + count) (count = S / W, first = w · count): their gradient sum goes to
  // part(first / count) and their losses to shard_losses()[first ..]. The worker then copies the other
  // workers' parts and losses in, and finish_step() adds all W parts and updates: the same result as step(1)
  // in every worker, bit for bit, and as step(1) of a session run alone. Both do nothing once the racer diverged.
  void step_part(int first, int count);
  float* part(int k);                                               // (num_parameters) floats; k < W
  std::vector<ShardLoss>& shard_losses() { return shard_losses_; }  // (S)
  std::vector<RacerStep> finish_step();
  int split_parts() const { return split_parts_; }  // W of the split step in flight, 0 when none is
  std::size_t split_part_size() const;              // floats in one part: num_parameters

 private:
  Trainer& trainer(int racer) const;

  void create_pairs(const nlohmann::json& spec, std::string_view corpus, TrainConfig tc);
  void create_cbow(const nlohmann::json& spec, std::string_view corpus, TrainConfig tc);

  bool seq2seq_ = false;
  bool cbow_ = false;
  long long cbow_words_ = 0, cbow_examples_ = 0;
  Tokenizer tokenizer_, source_tokenizer_;
  std::vector<int> train_ids_, val_ids_;            // GPT
  std::vector<Batch> train_batches_, val_batches_;  // seq2seq: the pairs in order (evaluation)
  std::vector<TokenPair> scored_pairs_;             // seq2seq: held-out pairs (else training pairs), as ids
  std::vector<TextPair> scored_text_;               // ... and as written
  std::vector<std::unique_ptr<Trainer>> trainers_;
  std::vector<std::string> names_;
  std::vector<bool> diverged_;
  std::vector<DivergenceWatch> watches_;
  void reset_racers(float uniform_loss);
  std::unique_ptr<Sampler> batches_;
  int seq_len_ = 0;
  std::vector<int> x_, y_;
  int steps_ = 0;
  Batch split_batch_;                       // split steps: the batch of the step in flight
  int split_parts_ = 0;                     // ... its W
  std::vector<float> parts_;                // (W, num_parameters)
  std::vector<const float*> split_blocks_;  // the W parts as finish_step hands them to the trainer
  std::vector<ShardLoss> shard_losses_;     // (S)
};

}  // namespace tf
