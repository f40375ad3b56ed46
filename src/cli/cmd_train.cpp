// tinyformer train: build tokenizers from text, train a model on it, save a checkpoint.
//
//   --arch gpt (default):  corpus → tokenizer (char | word | jamo) → ids → last 10% held out (train/setup)
//                          loop: random (B, T) windows → Trainer::step
//   --arch seq2seq:        pairs "ko<TAB>en" → one tokenizer per side → every 10th pair held out (or --held-out)
//                          loop: random batches of padded pairs → Trainer::step; at the end greedy translations
//                          of the held-out pairs are scored (exact match, token accuracy)
//   --arch cbow:           text (particles split off with --split-particles) → words seen --min-count times →
//                          loop: random (context, centre) rows (skip-gram with --mode skipgram) → Trainer::step;
//                          the loss is also measured on 8 fixed batches of rows (nothing is held out)
//   all: progress bar; every --eval-every steps the held-out loss; at the end (or Ctrl-C) save model,
//   tokenizers and optimizer state; summary on stderr, one JSON line on stdout
//
// --steps counts all optimizer steps of the model, so `--resume ck.safetensors` with the same flags
// finishes an interrupted run: it continues at the checkpoint's step, with the same learning-rate
// schedule and (the batch stream is replayed from --seed) the same batches as an uninterrupted run.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/corpus.hpp"
#include "cli/progress.hpp"
#include "cli/train_loop.hpp"
#include "core/error.hpp"
#include "io/checkpoint.hpp"
#include "model/cbow.hpp"
#include "model/seq2seq.hpp"
#include "model/translate.hpp"
#include "text/particles.hpp"
#include "text/tokenizer.hpp"
#include "train/cbow_data.hpp"
#include "train/setup.hpp"
#include "train/trainer.hpp"

namespace tf::cli {
namespace {

// ---- flags --------------------------------------------------------------------------------------

// The flags' values, bound by register_train; the engine's config structs supply the defaults.
struct TrainOptions {
  std::string arch = "gpt";
  std::string corpus, pairs, held_out, out, resume;
  std::string src_tokenizer = "word", tgt_tokenizer = "word";
  Seq2SeqConfig seq2seq;  // n_encoder_layer, n_decoder_layer
  int steps = 200, eval_every = 0;
  int seed = static_cast<int>(TrainConfig{}.seed);
  ModelConfig model;  // n_layer, n_head, n_embd, block_size, mlp_hidden
  std::string tokenizer = "char", positional = to_string(model.positional), norm = to_string(model.norm),
              activation = to_string(model.activation);
  bool no_bias = false, untied = false;
  OptimizerConfig optimizer;  // lr, momentum, beta1, beta2, weight_decay, grad_clip, warmup_steps
  std::string optimizer_kind = to_string(optimizer.kind), schedule = "constant";
  TrainConfig train;  // batch_size, seq_len, sampling_prob
  CbowConfig cbow;    // dim, window, min_count, negatives
  std::string cbow_mode = "cbow", cbow_loss = "softmax";
  bool split_particles = false;
};

// Runs an engine validate() and reports its complaint as a usage error about the flags.
template <typename F>
void validate_as_usage(const std::string& what, F&& validate) {
  try {
    validate();
  } catch (const Error& e) {
    throw UsageError("bad " + what + ": " + e.what());
  }
}

ModelConfig model_config_from_flags(const TrainOptions& o, int vocab_size) {
  ModelConfig c = o.model;
  c.vocab_size = vocab_size;
  c.positional = positional_from_string(o.positional);
  c.norm = norm_from_string(o.norm);
  c.activation = activation_from_string(o.activation);
  c.bias = !o.no_bias;
  c.tied = !o.untied;
  validate_as_usage("model flags", [&] { c.validate(); });
  return c;
}

// `base` with the optimizer flags applied: all of them for a new model; with --resume only those given.
OptimizerConfig optimizer_config_from_flags(const TrainOptions& o, const CLI::App& cmd, OptimizerConfig c,
                                            bool only_given) {
  const auto use = [&](const char* name) { return !only_given || given(cmd, name); };
  if (use("optimizer")) c.kind = optimizer_kind_from_string(o.optimizer_kind);
  if (use("lr")) c.lr = o.optimizer.lr;
  if (use("momentum")) c.momentum = o.optimizer.momentum;
  if (use("beta1")) c.beta1 = o.optimizer.beta1;
  if (use("beta2")) c.beta2 = o.optimizer.beta2;
  if (use("weight-decay")) c.weight_decay = o.optimizer.weight_decay;
  if (use("grad-clip")) c.grad_clip = o.optimizer.grad_clip;
  if (use("schedule")) c.schedule = o.schedule == "cosine" ? ScheduleKind::WarmupCosine : ScheduleKind::Constant;
  if (use("warmup")) c.warmup_steps = o.optimizer.warmup_steps;
  c.total_steps = o.steps;
  if (c.schedule == ScheduleKind::Constant) {
    if (given(cmd, "warmup")) throw UsageError("--warmup needs --schedule cosine");
    c.warmup_steps = 0;
  } else if (c.warmup_steps >= c.total_steps) {
    throw UsageError("--warmup (" + std::to_string(c.warmup_steps) + ") must be less than --steps (" +
                     std::to_string(c.total_steps) + ")");
  }
  validate_as_usage("optimizer flags", [&] { c.validate(); });
  return c;
}

TrainConfig train_config_from_flags(const TrainOptions& o, const ModelConfig& model) {
  TrainConfig c = o.train;
  c.seed = static_cast<std::uint64_t>(o.seed);
  if (c.seq_len > model.block_size) {
    throw UsageError("--seq-len (" + std::to_string(c.seq_len) + ") must not exceed the block size (" +
                     std::to_string(model.block_size) + ")");
  }
  validate_as_usage("training flags", [&] { c.validate(model); });
  return c;
}

// ---- setting up a run ---------------------------------------------------------------------------

// What the loop needs, whatever the architecture: the trainer, its batches, its held-out loss, and what to
// save and say.
struct Run {
  std::unique_ptr<Trainer> trainer;
  Tokenizer tokenizer;         // the GPT's, or the target side's
  Tokenizer source_tokenizer;  // seq2seq only
  bool seq2seq = false;
  std::unique_ptr<Sampler> batches;
  std::function<float()> held_out_loss;   // null when nothing is held out
  std::vector<TokenPair> held_out_pairs;  // seq2seq: scored by translation at the end
  std::string data;                       // "data: ..." line
  std::vector<std::string> notes;         // printed before training starts
};

// A problem with the training text, with the file named in front (the engine's message starts "the text").
template <typename F>
auto about_file(const std::string& what, F&& f) {
  try {
    return f();
  } catch (const Error& e) {
    std::string m = e.what();
    for (const char* subject : {"the held-out pairs", "the pairs", "the text"}) {
      const std::string sub = subject;
      if (m.rfind(sub, 0) == 0) {
        m.replace(0, sub.size(), what);
        throw Error(e.code(), m, e.detail(), e.detail2());
      }
    }
    throw Error(e.code(), what + ": " + m, e.detail(), e.detail2());
  }
}

// With --resume the model comes from the checkpoint; model flags may be repeated (so the command that
// was interrupted can be run again with --resume added) but must agree with it.
void check_flag_matches(const CLI::App& cmd, const std::string& path, const char* name, const std::string& typed,
                        const std::string& saved) {
  if (given(cmd, name) && typed != saved) {
    throw UsageError("--" + std::string(name) + " " + typed + " differs from " + path + ", which has " + saved +
                     " (model flags cannot change when resuming)");
  }
}

void check_model_flags_match(const TrainOptions& o, const CLI::App& cmd, const ModelConfig& c,
                             const Tokenizer& tokenizer, const std::string& path) {
  const auto check = [&](const char* name, const std::string& typed, const std::string& saved) {
    check_flag_matches(cmd, path, name, typed, saved);
  };
  check("tokenizer", o.tokenizer, to_string(tokenizer.kind()));
  check("n-layer", std::to_string(o.model.n_layer), std::to_string(c.n_layer));
  check("n-head", std::to_string(o.model.n_head), std::to_string(c.n_head));
  check("n-embd", std::to_string(o.model.n_embd), std::to_string(c.n_embd));
  check("block-size", std::to_string(o.model.block_size), std::to_string(c.block_size));
  if (o.model.mlp_hidden != 0) check("mlp-hidden", std::to_string(o.model.mlp_hidden), std::to_string(c.hidden()));
  check("positional", o.positional, to_string(c.positional));
  check("norm", o.norm, to_string(c.norm));
  check("activation", o.activation, to_string(c.activation));
  if (o.no_bias && c.bias) throw UsageError("--no-bias differs from " + path + ", which has biases");
  if (o.untied && c.tied) throw UsageError("--untied differs from " + path + ", whose output matrix is tied");
}

void check_seq2seq_flags_match(const TrainOptions& o, const CLI::App& cmd, const Seq2SeqConfig& c,
                               const Tokenizer& source, const Tokenizer& target, const std::string& path) {
  const auto check = [&](const char* name, const std::string& typed, const std::string& saved) {
    check_flag_matches(cmd, path, name, typed, saved);
  };
  check("src-tokenizer", o.src_tokenizer, to_string(source.kind()));
  check("tgt-tokenizer", o.tgt_tokenizer, to_string(target.kind()));
  check("n-encoder-layer", std::to_string(o.seq2seq.n_encoder_layer), std::to_string(c.n_encoder_layer));
  check("n-decoder-layer", std::to_string(o.seq2seq.n_decoder_layer), std::to_string(c.n_decoder_layer));
  check("n-head", std::to_string(o.model.n_head), std::to_string(c.n_head));
  check("n-embd", std::to_string(o.model.n_embd), std::to_string(c.n_embd));
  check("block-size", std::to_string(o.model.block_size), std::to_string(c.block_size));
  if (o.model.mlp_hidden != 0) check("mlp-hidden", std::to_string(o.model.mlp_hidden), std::to_string(c.hidden()));
  check("norm", o.norm, to_string(c.norm));
  check("activation", o.activation, to_string(c.activation));
}

// The optimizer of a resumed run: the checkpoint's state when the update rule is unchanged.
void resume_optimizer(Run& run, const std::optional<OptimizerConfig>& saved, int saved_steps,
                      const std::vector<std::pair<std::string, std::vector<float>>>& state, const std::string& path,
                      int total_steps) {
  const OptimizerConfig& now = run.trainer->optimizer().config();
  if (!saved) {
    run.notes.push_back("note: " + path + " has no optimizer state; the optimizer starts fresh at step 0");
  } else if (saved->kind != now.kind) {
    run.notes.push_back("note: the optimizer changed from " + to_string(saved->kind) + " to " + to_string(now.kind) +
                        "; its state starts fresh at step 0");
  } else {
    run.trainer->optimizer().import_state(state, saved_steps);
  }
  const int done = run.trainer->steps();
  if (done >= total_steps) {
    throw UsageError("--steps " + std::to_string(total_steps) + " is not more than the " + std::to_string(done) +
                     " steps " + path + " has already taken");
  }
  run.notes.push_back("resuming " + path + " at step " + std::to_string(done));
}

std::string describe_optimizer(Trainer& trainer, int total_steps) {
  const OptimizerConfig& o = trainer.optimizer().config();
  std::ostringstream out;
  out << to_string(o.kind) << " lr " << o.lr
      << (o.schedule == ScheduleKind::WarmupCosine ? " (warm-up " + std::to_string(o.warmup_steps) + ", cosine)" : "")
      << " | batch " << trainer.config().batch_size << " | steps " << trainer.steps() + 1 << ".." << total_steps;
  return out.str();
}

// GPT: the corpus, its tokenizer, windows of T tokens, the last 10% held out.
Run gpt_run(const TrainOptions& o, const CLI::App& cmd) {
  if (!given(cmd, "corpus")) throw UsageError("--corpus is required (or --arch seq2seq with --pairs)");
  for (const char* flag : {"pairs", "held-out", "src-tokenizer", "tgt-tokenizer", "n-encoder-layer", "n-decoder-layer"})
    if (given(cmd, flag)) throw UsageError("--" + std::string(flag) + " is for --arch seq2seq");
  const std::string corpus = read_corpus(o.corpus);
  Run run;
  if (given(cmd, "resume")) {
    GptCheckpoint ck = load_gpt_file(o.resume);
    check_model_flags_match(o, cmd, ck.model->config(), ck.tokenizer, o.resume);
    run.tokenizer = ck.tokenizer;
    const TrainConfig train = train_config_from_flags(o, ck.model->config());
    const OptimizerConfig base = ck.optimizer_config.value_or(OptimizerConfig{});
    run.trainer = std::make_unique<Trainer>(
        std::move(ck.model), optimizer_config_from_flags(o, cmd, base, ck.optimizer_config.has_value()), train);
    resume_optimizer(run, ck.optimizer_config, ck.optimizer_steps, ck.optimizer_state, o.resume, o.steps);
    if (ck.sampling_rng_state) run.trainer->set_sampling_rng_state(*ck.sampling_rng_state);
  } else {
    run.tokenizer = Tokenizer::build(tokenizer_kind_from_string(o.tokenizer), corpus);
    const ModelConfig model = model_config_from_flags(o, run.tokenizer.vocab_size());
    run.trainer = std::make_unique<Trainer>(model, optimizer_config_from_flags(o, cmd, OptimizerConfig{}, false),
                                            train_config_from_flags(o, model));
  }
  Trainer& trainer = *run.trainer;
  const std::vector<int> ids = run.tokenizer.encode(corpus);
  const int T = trainer.window();
  const TextSplit split = about_file("corpus " + o.corpus, [&] { return split_text(ids, 0.1, T); });
  if (o.eval_every > 0 && split.held_out.empty()) {
    throw Error("corpus_too_short", "--eval-every: 10% of " + o.corpus + " is shorter than one window of " +
                                        std::to_string(T + 1) + " tokens, so nothing is held out");
  }
  if (split.held_out.empty())
    run.notes.push_back("note: 10% of the corpus is shorter than one window; no held-out loss");
  const auto unknown = std::count(ids.begin(), ids.end(), Tokenizer::UNK);
  if (unknown > 0)
    run.notes.push_back("note: " + std::to_string(unknown) + " corpus tokens are not in the vocabulary (<unk>)");
  run.batches = std::make_unique<BatchSampler>(split.train, trainer.config().batch_size, T, trainer.config().seed);
  if (!split.held_out.empty()) {
    const std::vector<Batch> held = window_batches(split.held_out, trainer.config().batch_size, T, 8);
    run.held_out_loss = [&trainer, held] { return trainer.evaluate(held); };
  }
  const ModelConfig& c = trainer.model().config();
  std::ostringstream out;
  out << "model: " << c.n_layer << " layers, " << c.n_head << " heads, C=" << c.n_embd << ", T=" << c.block_size
      << ", V=" << c.vocab_size << " (" << to_string(run.tokenizer.kind()) << " tokenizer), "
      << trainer.network().num_parameters() << " parameters\n"
      << "data: " << split.train.size() << " training tokens, " << split.held_out.size() << " held out | "
      << describe_optimizer(trainer, o.steps);
  run.data = out.str();
  return run;
}

// Seq2seq: sentence pairs, one tokenizer per side, padded pair batches, every 10th pair (or --held-out) held out.
Run seq2seq_run(const TrainOptions& o, const CLI::App& cmd) {
  if (!given(cmd, "pairs")) throw UsageError("--arch seq2seq needs --pairs FILE.tsv (lines 'source<TAB>target')");
  for (const char* flag : {"corpus", "tokenizer", "n-layer", "positional", "no-bias", "untied", "seq-len"})
    if (given(cmd, flag)) throw UsageError("--" + std::string(flag) + " is for --arch gpt");
  const std::string tsv = read_corpus(o.pairs);
  const std::string held_tsv = o.held_out.empty() ? std::string() : read_corpus(o.held_out);
  Run run;
  run.seq2seq = true;
  std::unique_ptr<Seq2Seq> model;
  Checkpoint ck;
  if (given(cmd, "resume")) {
    ck = load_model_file(o.resume);
    if (!ck.seq2seq())
      throw Error("wrong_arch", o.resume + " holds a GPT, not an encoder-decoder: drop --arch seq2seq");
    check_seq2seq_flags_match(o, cmd, ck.seq2seq()->config(), ck.source_tokenizer, ck.tokenizer, o.resume);
    run.source_tokenizer = ck.source_tokenizer;
    run.tokenizer = ck.tokenizer;
  }
  const int positions = ck.seq2seq() ? ck.seq2seq()->config().block_size : o.model.block_size;
  const PairData data = about_file("pairs " + o.pairs, [&] {
    return prepare_pairs(tsv, held_tsv, tokenizer_kind_from_string(o.src_tokenizer),
                         tokenizer_kind_from_string(o.tgt_tokenizer), positions, kMaxCorpusBytes,
                         ck.seq2seq() ? &run.source_tokenizer : nullptr, ck.seq2seq() ? &run.tokenizer : nullptr);
  });
  TrainConfig train = o.train;
  train.seed = static_cast<std::uint64_t>(o.seed);
  if (ck.seq2seq()) {
    validate_as_usage("training flags", [&] { train.validate(positions); });
    const OptimizerConfig base = ck.optimizer_config.value_or(OptimizerConfig{});
    run.trainer = std::make_unique<Trainer>(
        ck.take_seq2seq(), optimizer_config_from_flags(o, cmd, base, ck.optimizer_config.has_value()), train);
    resume_optimizer(run, ck.optimizer_config, ck.optimizer_steps, ck.optimizer_state, o.resume, o.steps);
    if (ck.sampling_rng_state) run.trainer->set_sampling_rng_state(*ck.sampling_rng_state);
  } else {
    run.source_tokenizer = data.source_tokenizer;
    run.tokenizer = data.target_tokenizer;
    Seq2SeqConfig c = o.seq2seq;
    c.n_head = o.model.n_head, c.n_embd = o.model.n_embd, c.mlp_hidden = o.model.mlp_hidden;
    c.block_size = positions;
    c.src_vocab_size = run.source_tokenizer.vocab_size();
    c.tgt_vocab_size = run.tokenizer.vocab_size();
    // nn.Transformer's defaults unless asked otherwise: post-LN, ReLU
    c.norm = given(cmd, "norm") ? norm_from_string(o.norm) : NormPlacement::Post;
    c.activation = given(cmd, "activation") ? activation_from_string(o.activation) : Activation::Relu;
    validate_as_usage("model flags", [&] { c.validate(); });
    validate_as_usage("training flags", [&] { train.validate(c.block_size); });
    run.trainer = std::make_unique<Trainer>(std::make_unique<Seq2Seq>(c, train.seed),
                                            optimizer_config_from_flags(o, cmd, OptimizerConfig{}, false), train);
  }
  Trainer& trainer = *run.trainer;
  const PairShape shape = data.shape;
  run.batches = std::make_unique<PairSampler>(data.train, trainer.config().batch_size, shape, trainer.config().seed);
  if (!data.held_out.empty()) {
    const std::vector<Batch> held = pair_batches(data.held_out, trainer.config().batch_size, shape);
    run.held_out_loss = [&trainer, held] { return trainer.evaluate(held); };
  } else {
    run.notes.push_back("note: no pairs are held out; no held-out loss");
  }
  run.held_out_pairs = data.held_out;
  const auto& c = dynamic_cast<const Seq2Seq&>(trainer.network()).config();
  std::ostringstream out;
  out << "model: encoder-decoder, " << c.n_encoder_layer << "+" << c.n_decoder_layer << " layers, " << c.n_head
      << " heads, C=" << c.n_embd << ", " << to_string(c.norm) << "-LN, " << to_string(c.activation)
      << ", Vs=" << c.src_vocab_size << " (" << to_string(run.source_tokenizer.kind()) << "), Vt=" << c.tgt_vocab_size
      << " (" << to_string(run.tokenizer.kind()) << "), " << trainer.network().num_parameters() << " parameters\n"
      << "data: " << data.train.size() << " training pairs, " << data.held_out.size() << " held out (source up to "
      << shape.S - 2 << " tokens, target up to " << shape.T - 1 << ") | " << describe_optimizer(trainer, o.steps);
  run.data = out.str();
  return run;
}

// Word vectors: words of the corpus (seen --min-count times), random (context, centre) rows; nothing held out, the
// loss also measured on 8 fixed batches of rows.
Run cbow_run(const TrainOptions& o, const CLI::App& cmd) {
  if (!given(cmd, "corpus")) throw UsageError("--arch cbow needs --corpus FILE (UTF-8 text, one sentence per line)");
  for (const char* flag : {"pairs", "held-out", "src-tokenizer", "tgt-tokenizer", "n-encoder-layer", "n-decoder-layer",
                           "tokenizer", "n-layer", "n-head", "n-embd", "block-size", "mlp-hidden", "positional", "norm",
                           "activation", "no-bias", "untied", "seq-len", "sampling-prob"})
    if (given(cmd, flag)) throw UsageError("--" + std::string(flag) + " is not for --arch cbow");
  std::string text = read_corpus(o.corpus);
  Run run;
  CbowConfig c = o.cbow;
  c.mode = cbow_mode_from_string(o.cbow_mode);
  c.loss = cbow_loss_from_string(o.cbow_loss);
  c.split_particles = o.split_particles;
  std::unique_ptr<Cbow> resumed;
  Checkpoint ck;
  if (given(cmd, "resume")) {
    ck = load_model_file(o.resume);
    if (!ck.cbow())
      throw Error("wrong_arch",
                  o.resume + " holds a " + ck.network->arch() + " model, not word vectors: drop --arch cbow");
    const CbowConfig& saved = ck.cbow()->config();
    check_flag_matches(cmd, o.resume, "dim", std::to_string(c.dim), std::to_string(saved.dim));
    check_flag_matches(cmd, o.resume, "window", std::to_string(c.window), std::to_string(saved.window));
    check_flag_matches(cmd, o.resume, "min-count", std::to_string(c.min_count), std::to_string(saved.min_count));
    check_flag_matches(cmd, o.resume, "mode", o.cbow_mode, to_string(saved.mode));
    check_flag_matches(cmd, o.resume, "loss", o.cbow_loss, to_string(saved.loss));
    check_flag_matches(cmd, o.resume, "negatives", std::to_string(c.negatives), std::to_string(saved.negatives));
    if (o.split_particles != saved.split_particles)
      throw UsageError("--split-particles differs from " + o.resume + " (model flags cannot change when resuming)");
    c = saved;
  }
  const WordCorpus words = about_file("corpus " + o.corpus, [&] {
    validate_corpus(text, kMaxCorpusBytes);
    if (c.split_particles) text = split_particles(strip_bom(text));
    return build_word_corpus(text, c.min_count, 1 << 16, 2 * kMaxCorpusBytes);
  });
  TrainConfig train = o.train;
  train.seed = static_cast<std::uint64_t>(o.seed);
  if (ck.cbow()) {
    if (words.vocab.vocab() != ck.tokenizer.vocab())
      throw Error("checkpoint_mismatch", "corpus " + o.corpus + " gives another vocabulary than " + o.resume +
                                             " was trained with (resume with the same text and --min-count)");
    validate_as_usage("training flags", [&] { train.validate(c.context_slots()); });
    const OptimizerConfig base = ck.optimizer_config.value_or(OptimizerConfig{});
    run.trainer = std::make_unique<Trainer>(
        ck.take_cbow(), optimizer_config_from_flags(o, cmd, base, ck.optimizer_config.has_value()), train);
    resume_optimizer(run, ck.optimizer_config, ck.optimizer_steps, ck.optimizer_state, o.resume, o.steps);
  } else {
    c.vocab_size = words.vocab.vocab_size();
    validate_as_usage("model flags", [&] { c.validate(); });
    validate_as_usage("training flags", [&] { train.validate(c.context_slots()); });
    run.trainer = std::make_unique<Trainer>(std::make_unique<Cbow>(c, train.seed),
                                            optimizer_config_from_flags(o, cmd, OptimizerConfig{}, false), train);
  }
  run.tokenizer = words.vocab;
  Trainer& trainer = *run.trainer;
  auto sampler = std::make_unique<CbowSampler>(words, c, trainer.config().batch_size, trainer.config().seed);
  const long long examples = sampler->examples();
  run.batches = std::move(sampler);
  const std::vector<Batch> fixed = cbow_eval_batches(words, c, trainer.config().batch_size, 8);
  run.held_out_loss = [&trainer, fixed] { return trainer.evaluate(fixed); };
  run.notes.push_back(
      "note: word vectors hold nothing out; the \"held-out\" loss is on 8 fixed batches of training rows");
  std::ostringstream out;
  out << "model: word vectors (" << to_string(c.mode) << ", " << to_string(c.loss) << " loss"
      << (c.loss == CbowLoss::Negative ? ", " + std::to_string(c.negatives) + " noise words" : std::string())
      << "), C=" << c.dim << ", window " << c.window << ", V=" << c.vocab_size << " words seen >= " << c.min_count
      << " times" << (c.split_particles ? " (particles split off)" : "") << ", " << trainer.network().num_parameters()
      << " parameters\n"
      << "data: " << words.sentences.size() << " lines, " << words.words << " words, " << examples
      << " centre words with context | " << describe_optimizer(trainer, o.steps);
  run.data = out.str();
  return run;
}

// Fails early, before any training time is spent, when the checkpoint could not be written.
void check_writable(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    throw Error("file_unwritable", "cannot write --out " + path + ": it is a directory (give a file name)");
  const std::string probe = path + ".tmp";  // the name save_checkpoint writes first
  std::FILE* f = std::fopen(probe.c_str(), "wb");
  if (!f) throw Error("file_unwritable", "cannot write --out " + path + ": " + std::strerror(errno));
  std::fclose(f);
  std::remove(probe.c_str());
}

void print_summary(const Trainer& trainer, const RunStats& stats, float val_loss, const TranslationScore* score,
                   const std::string& out_path) {
  const double rate = stats.seconds > 0 ? stats.tokens / stats.seconds : 0.0;
  if (stats.interrupted) {
    std::cerr << "interrupted at step " << trainer.steps() << ": saved to " << out_path << " (continue with --resume "
              << out_path << ")\n";
  } else {
    std::cerr << "trained to step " << trainer.steps() << " in " << format_duration(stats.seconds) << " ("
              << short_number(rate) << " tokens/s)\n"
              << "final loss: train " << format_loss(stats.last_loss) << " (last batch), held-out "
              << format_loss(val_loss) << "\n";
    if (score) {
      char line[128];
      std::snprintf(line, sizeof line, "held-out translations: %d pairs, exact match %.1f%%, token accuracy %.1f%%\n",
                    score->pairs, 100 * score->exact_match, 100 * score->token_accuracy);
      std::cerr << line;
    }
    std::cerr << "saved to " << out_path << "\n";
  }
  FloatJson summary = {{"steps", trainer.steps()},
                       {"initial_loss", stats.first_loss},
                       {"final_loss", stats.last_loss},
                       {"val_loss", val_loss},
                       {"tokens_per_second", static_cast<float>(rate)},
                       {"interrupted", stats.interrupted},
                       {"out", out_path}};
  if (score) {
    summary["exact_match"] = static_cast<float>(score->exact_match);
    summary["token_accuracy"] = static_cast<float>(score->token_accuracy);
  }
  std::cout << summary.dump() << std::endl;
}

int run_train(const TrainOptions& o, const CLI::App& cmd) {
  if (o.arch != "cbow")
    for (const char* flag : {"dim", "window", "min-count", "mode", "loss", "negatives", "split-particles"})
      if (given(cmd, flag)) throw UsageError("--" + std::string(flag) + " is for --arch cbow");
  Run run = o.arch == "seq2seq" ? seq2seq_run(o, cmd) : o.arch == "cbow" ? cbow_run(o, cmd) : gpt_run(o, cmd);
  Trainer& trainer = *run.trainer;
  check_writable(o.out);
  run.batches->skip(trainer.steps());  // a resumed run sees the batches an uninterrupted one would
  for (const auto& note : run.notes) std::cerr << note << "\n";
  std::cerr << run.data << std::endl;

  InterruptGuard guard;  // from here on Ctrl-C saves before exiting
  Progress progress(trainer.steps(), o.steps, stderr_is_terminal());
  const RunStats stats = train_loop(trainer, *run.batches, run.held_out_loss, o.steps, o.eval_every, progress);
  const bool finished = !stats.interrupted;
  const float val_loss = run.held_out_loss && finished ? run.held_out_loss() : NAN;
  TranslationScore score;
  if (run.seq2seq && finished && !run.held_out_pairs.empty())
    score = score_translations(dynamic_cast<Seq2Seq&>(trainer.network()), run.held_out_pairs);
  save_checkpoint(o.out, trainer.network(), run.tokenizer, &trainer.optimizer(),
                  run.seq2seq ? &run.source_tokenizer : nullptr, trainer.sampling_rng_state());
  print_summary(trainer, stats, val_loss, score.pairs > 0 ? &score : nullptr, o.out);
  return stats.interrupted ? kExitInterrupted : kExitOk;
}

}  // namespace

Command register_train(CLI::App& app) {
  CLI::App& cmd =
      add_command(app, "train", "train a model on a text file and save a checkpoint",
                  "Trains a tiny GPT on a UTF-8 text file (--corpus), or with --arch seq2seq an encoder-decoder on\n"
                  "sentence pairs (--pairs, one 'source<TAB>target' per line, e.g. Korean<TAB>English). The last 10%\n"
                  "of the corpus tokens (every 10th pair) are held out to measure the loss on text the model never\n"
                  "trained on; a seq2seq run also scores its greedy translations of the held-out pairs at the end.\n"
                  "Progress goes to stderr; at the end one JSON line (steps, final_loss, val_loss, tokens_per_second,\n"
                  "out; exact_match, token_accuracy for seq2seq) goes to stdout. Ctrl-C saves the checkpoint and\n"
                  "exits with status 130; --resume it with the same flags to finish the run.");
  auto o = std::make_shared<TrainOptions>();
  const auto group = [&cmd](const char* heading) { cmd.option_defaults()->group(heading); };

  group("input and output");
  add_choice(cmd, "arch", o->arch,
             "gpt: next-token model on --corpus; seq2seq: encoder-decoder on --pairs; cbow: word vectors on --corpus",
             {"gpt", "seq2seq", "cbow"});
  add_text(cmd, "corpus", o->corpus, "FILE", "gpt: UTF-8 text file to train on (at most 50 MB)");
  add_text(cmd, "pairs", o->pairs, "FILE", "seq2seq: 'source<TAB>target' lines (UTF-8), every 10th held out");
  add_text(cmd, "held-out", o->held_out, "FILE", "seq2seq: held-out pairs instead of every 10th of --pairs");
  add_text(cmd, "out", o->out, "FILE", "where to save the checkpoint (.safetensors)")->required();
  add_text(cmd, "resume", o->resume, "FILE", "continue from this checkpoint: its model, tokenizer and optimizer state");
  add_int(cmd, "steps", o->steps, "N", "total optimizer steps, counting those already in a --resume checkpoint", 1,
          10000000);
  add_int(cmd, "seed", o->seed, "S", "seed for the weights, the batches and scheduled sampling", 0, 2147483647);
  add_int(cmd, "eval-every", o->eval_every, "N",
          "print the held-out loss (last 10% of the corpus) every N steps; 0 = at the end", 0, 10000000);

  group("model (with --resume: taken from the checkpoint; flags given must match it)");
  ModelConfig& m = o->model;
  add_choice(cmd, "tokenizer", o->tokenizer, "gpt: how text becomes tokens", {"char", "word", "jamo"});
  add_choice(cmd, "src-tokenizer", o->src_tokenizer, "seq2seq: tokens of the source side", {"char", "word", "jamo"});
  add_choice(cmd, "tgt-tokenizer", o->tgt_tokenizer, "seq2seq: tokens of the target side", {"char", "word", "jamo"});
  add_int(cmd, "n-encoder-layer", o->seq2seq.n_encoder_layer, "L", "seq2seq: encoder blocks", 1, 12);
  add_int(cmd, "n-decoder-layer", o->seq2seq.n_decoder_layer, "L", "seq2seq: decoder blocks", 1, 12);
  add_int(cmd, "n-layer", m.n_layer, "L", "gpt: Transformer blocks", 1, 24);
  add_int(cmd, "n-head", m.n_head, "H", "attention heads per block", 1, 64);
  add_int(cmd, "n-embd", m.n_embd, "C", "width of every token vector, divisible by --n-head", 1, 2048);
  add_int(cmd, "block-size", m.block_size, "T", "longest context in tokens (seq2seq: of either side)", 1, 4096);
  add_int(cmd, "mlp-hidden", m.mlp_hidden, "F", "hidden units of the feed-forward block; 0 = 4 x C", 0, 16384);
  add_choice(cmd, "positional", o->positional, "position information added to the token vectors",
             {"learned", "sinusoidal", "none"});
  add_choice(cmd, "norm", o->norm, "LayerNorm before (GPT-2) or after (2017 \"Add & Norm\") each sublayer",
             {"pre", "post"});
  add_choice(cmd, "activation", o->activation, "activation of the feed-forward block",
             {"gelu", "gelu_tanh", "relu", "sigmoid", "tanh", "silu"});
  add_switch(cmd, "no-bias", o->no_bias, "no biases in the Linear layers and LayerNorms");
  add_switch(cmd, "untied", o->untied, "a separate output matrix instead of reusing the token embedding");

  group("word vectors (--arch cbow; with --resume: taken from the checkpoint)");
  add_int(cmd, "dim", o->cbow.dim, "C", "cbow: length of each word vector", 1, 1024);
  add_int(cmd, "window", o->cbow.window, "W", "cbow: context words on each side of the centre", 1, 16);
  add_int(cmd, "min-count", o->cbow.min_count, "N", "cbow: words seen fewer times are left out", 1, 1000000);
  add_choice(cmd, "mode", o->cbow_mode,
             "cbow: guess the centre from its context; skipgram: the context from the centre", {"cbow", "skipgram"});
  add_choice(cmd, "loss", o->cbow_loss, "cbow: softmax over every word, or negative sampling", {"softmax", "negative"});
  add_int(cmd, "negatives", o->cbow.negatives, "K", "cbow --loss negative: noise words per row", 1, 64);
  add_switch(cmd, "split-particles", o->split_particles,
             "cbow: split Korean particles off the words first (고양이는 -> 고양이 는; a guess, see the README)");

  group("optimizer (with --resume, flags given here override the checkpoint's settings)");
  OptimizerConfig& opt = o->optimizer;
  add_choice(cmd, "optimizer", o->optimizer_kind, "update rule", {"sgd", "momentum", "nesterov", "adam", "adamw"});
  add_float(cmd, "lr", opt.lr, "peak learning rate", 0, 10, Lower::Exclusive);
  add_float(cmd, "momentum", opt.momentum, "momentum / nesterov: decay of the velocity, below 1", 0, 1);
  add_float(cmd, "beta1", opt.beta1, "adam / adamw: decay of the gradient mean m, below 1", 0, 1);
  add_float(cmd, "beta2", opt.beta2, "adam / adamw: decay of the squared-gradient mean v, below 1", 0, 1);
  add_float(cmd, "weight-decay", opt.weight_decay, "adamw: decoupled; others: L2 term (2-D weights only)", 0, 10);
  add_float(cmd, "grad-clip", opt.grad_clip, "largest global gradient norm; 0 = no clipping", 0, 1e6);
  add_choice(cmd, "schedule", o->schedule, "learning rate: constant, or linear warm-up then cosine decay to 10%",
             {"constant", "cosine"});
  add_int(cmd, "warmup", opt.warmup_steps, "N", "--schedule cosine: warm-up steps, fewer than --steps", 0, 10000000);

  group("training");
  add_int(cmd, "batch-size", o->train.batch_size, "B", "windows per step", 1, 512);
  add_int(cmd, "seq-len", o->train.seq_len, "T", "tokens per window; 0 = the model's block size", 0, 4096);
  add_float(cmd, "sampling-prob", o->train.sampling_prob,
            "scheduled sampling: chance that an input token is replaced by the model's own guess (0 = teacher "
            "forcing)",
            0, 1);
  return {&cmd, [o, &cmd] { return run_train(*o, cmd); }};
}

}  // namespace tf::cli
