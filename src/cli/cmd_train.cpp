// tinyformer train: build a tokenizer from a text file, train a model on it, save a checkpoint.
//
//   corpus → tokenizer (char | word | jamo) → ids → first 90% train, last 10% held out
//   loop: random (B, T) windows → Trainer::step → progress bar; every --eval-every steps the held-out loss
//   end (or Ctrl-C): save model + tokenizer + optimizer state; summary on stderr, one JSON line on stdout
//
// --steps counts all optimizer steps of the model, so `--resume ck.safetensors` with the same flags
// finishes an interrupted run: it continues at the checkpoint's step, with the same learning-rate
// schedule and (the batch stream is replayed from --seed) the same batches as an uninterrupted run.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/corpus.hpp"
#include "cli/progress.hpp"
#include "core/error.hpp"
#include "io/checkpoint.hpp"
#include "text/tokenizer.hpp"
#include "train/trainer.hpp"

namespace tf::cli {
namespace {

constexpr int kHeldOutPercent = 10;

// ---- Ctrl-C -------------------------------------------------------------------------------------

volatile std::sig_atomic_t g_interrupted = 0;

void on_interrupt(int) {
  g_interrupted = 1;
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the program at once (the save is atomic)
}

// Installs the Ctrl-C handler for its lifetime; the training loop polls interrupted().
class InterruptGuard {
 public:
  InterruptGuard() : previous_(std::signal(SIGINT, on_interrupt)) { g_interrupted = 0; }
  ~InterruptGuard() { std::signal(SIGINT, previous_); }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
  static bool interrupted() { return g_interrupted != 0; }

 private:
  void (*previous_)(int);
};

// ---- flags --------------------------------------------------------------------------------------

// The flags' values, bound by register_train; the engine's config structs supply the defaults.
struct TrainOptions {
  std::string corpus, out, resume;
  int steps = 200, eval_every = 0;
  int seed = static_cast<int>(TrainConfig{}.seed);
  ModelConfig model;  // n_layer, n_head, n_embd, block_size, mlp_hidden
  std::string tokenizer = "char", positional = to_string(model.positional), norm = to_string(model.norm),
              activation = to_string(model.activation);
  bool no_bias = false, untied = false;
  OptimizerConfig optimizer;  // lr, momentum, beta1, beta2, weight_decay, grad_clip, warmup_steps
  std::string optimizer_kind = to_string(optimizer.kind), schedule = "constant";
  TrainConfig train;  // batch_size, seq_len, sampling_prob
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

int window_length(const TrainConfig& train, const ModelConfig& model) {
  return train.seq_len > 0 ? train.seq_len : model.block_size;
}

// ---- data ---------------------------------------------------------------------------------------

struct TokenSplit {
  std::vector<int> train;     // the first 90% of the corpus tokens
  std::vector<int> held_out;  // the last 10%: never trained on, for the held-out loss
};

TokenSplit split_tokens(const std::vector<int>& ids) {
  const std::size_t n_held = ids.size() * kHeldOutPercent / 100;
  const auto cut = ids.begin() + static_cast<std::ptrdiff_t>(ids.size() - n_held);
  return {std::vector<int>(ids.begin(), cut), std::vector<int>(cut, ids.end())};
}

void check_enough_tokens(const TokenSplit& split, int T, const std::string& corpus_path) {
  if (static_cast<long long>(split.train.size()) < T + 1LL) {
    const std::size_t total = split.train.size() + split.held_out.size();
    throw Error("corpus_too_short",
                "corpus " + corpus_path + " is too short: " + std::to_string(total) + " tokens, of which " +
                    std::to_string(split.train.size()) + " are for training, but one window of " + std::to_string(T) +
                    " tokens needs " + std::to_string(T + 1) +
                    "; use a longer text or a smaller --block-size / --seq-len",
                static_cast<long long>(split.train.size()), T + 1);
  }
}

bool can_evaluate(const std::vector<int>& held_out, int T) {
  return static_cast<long long>(held_out.size()) >= T + 1LL;
}

// ---- setting up a run ---------------------------------------------------------------------------

struct Run {
  std::unique_ptr<Trainer> trainer;
  Tokenizer tokenizer;
  std::vector<std::string> notes;  // printed before training starts
};

Run new_run(const TrainOptions& o, const CLI::App& cmd, const std::string& corpus) {
  Run run;
  run.tokenizer = Tokenizer::build(tokenizer_kind_from_string(o.tokenizer), corpus);
  const ModelConfig model = model_config_from_flags(o, run.tokenizer.vocab_size());
  const TrainConfig train = train_config_from_flags(o, model);
  const OptimizerConfig optimizer = optimizer_config_from_flags(o, cmd, OptimizerConfig{}, /*only_given=*/false);
  run.trainer = std::make_unique<Trainer>(model, optimizer, train);
  return run;
}

// With --resume the model comes from the checkpoint; model flags may be repeated (so the command that
// was interrupted can be run again with --resume added) but must agree with it.
void check_model_flags_match(const TrainOptions& o, const CLI::App& cmd, const ModelConfig& c,
                             const Tokenizer& tokenizer, const std::string& path) {
  const auto check = [&](const char* name, const std::string& typed, const std::string& saved) {
    if (given(cmd, name) && typed != saved) {
      throw UsageError("--" + std::string(name) + " " + typed + " differs from " + path + ", which has " + saved +
                       " (model flags cannot change when resuming)");
    }
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

Run resumed_run(const TrainOptions& o, const CLI::App& cmd) {
  const std::string& path = o.resume;
  GptCheckpoint ck = load_gpt_file(path);
  check_model_flags_match(o, cmd, ck.model->config(), ck.tokenizer, path);
  Run run;
  run.tokenizer = ck.tokenizer;
  const TrainConfig train = train_config_from_flags(o, ck.model->config());
  const OptimizerConfig base = ck.optimizer_config.value_or(OptimizerConfig{});
  const OptimizerConfig optimizer =
      optimizer_config_from_flags(o, cmd, base, /*only_given=*/ck.optimizer_config.has_value());
  run.trainer = std::make_unique<Trainer>(std::move(ck.model), optimizer, train);
  if (!ck.optimizer_config) {
    run.notes.push_back("note: " + path + " has no optimizer state; the optimizer starts fresh at step 0");
  } else if (ck.optimizer_config->kind != optimizer.kind) {
    run.notes.push_back("note: the optimizer changed from " + to_string(ck.optimizer_config->kind) + " to " +
                        to_string(optimizer.kind) + "; its state starts fresh at step 0");
  } else {
    run.trainer->optimizer().import_state(ck.optimizer_state, ck.optimizer_steps);
  }
  const int done = run.trainer->steps();
  if (done >= o.steps) {
    throw UsageError("--steps " + std::to_string(o.steps) + " is not more than the " + std::to_string(done) +
                     " steps " + path + " has already taken");
  }
  run.notes.push_back("resuming " + path + " at step " + std::to_string(done));
  return run;
}

// Fails early, before any training time is spent, when the checkpoint could not be written.
void check_writable(const std::string& path) {
  const std::string probe = path + ".tmp";  // the name save_checkpoint writes first
  std::FILE* f = std::fopen(probe.c_str(), "wb");
  if (!f) throw Error("file_unwritable", "cannot write --out " + path + ": " + std::strerror(errno));
  std::fclose(f);
  std::remove(probe.c_str());
}

std::string describe_model(const Model& model, const Tokenizer& tokenizer) {
  const ModelConfig& c = model.config();
  std::ostringstream out;
  out << "model: " << c.n_layer << " layers, " << c.n_head << " heads, C=" << c.n_embd << ", T=" << c.block_size
      << ", V=" << c.vocab_size << " (" << to_string(tokenizer.kind()) << " tokenizer), " << model.num_parameters()
      << " parameters";
  return out.str();
}

std::string describe_data(const TokenSplit& split, Trainer& trainer, int total_steps) {
  const OptimizerConfig& o = trainer.optimizer().config();
  std::ostringstream out;
  out << "data: " << split.train.size() << " training tokens, " << split.held_out.size() << " held out | "
      << to_string(o.kind) << " lr " << o.lr
      << (o.schedule == ScheduleKind::WarmupCosine ? " (warm-up " + std::to_string(o.warmup_steps) + ", cosine)" : "")
      << " | batch " << trainer.config().batch_size << " | steps " << trainer.steps() + 1 << ".." << total_steps;
  return out.str();
}

// ---- the loop -----------------------------------------------------------------------------------

struct RunStats {
  float first_loss = NAN, last_loss = NAN;
  long long tokens = 0;  // tokens that counted toward the loss in this invocation
  double seconds = 0;
  bool interrupted = false;
};

std::string format_loss(float loss) {
  if (std::isnan(loss)) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", loss);
  return buffer;
}

RunStats train_loop(Trainer& trainer, BatchSampler& batches, const std::vector<int>& held_out, int total_steps,
                    int eval_every, Progress& progress) {
  RunStats stats;
  const std::size_t n = static_cast<std::size_t>(batches.batch_size()) * batches.seq_len();
  std::vector<int> inputs(n), targets(n);  // (B, T) each
  while (trainer.steps() < total_steps) {
    if (InterruptGuard::interrupted()) {
      stats.interrupted = true;
      break;
    }
    batches.next(inputs.data(), targets.data());
    StepResult r;
    try {
      r = trainer.step(inputs.data(), targets.data());
    } catch (const Error&) {  // e.g. loss_not_finite: end the bar's line before main prints the message
      progress.finish();
      throw;
    }
    if (std::isnan(stats.first_loss)) stats.first_loss = r.loss;
    stats.last_loss = r.loss;
    stats.tokens += r.tokens;
    progress.update(r.step, r.loss, stats.tokens);
    if (eval_every > 0 && r.step % eval_every == 0 && r.step < total_steps) {
      progress.message("step " + std::to_string(r.step) + ": train loss " + format_loss(r.loss) + ", held-out loss " +
                       format_loss(trainer.evaluate(held_out)));
    }
  }
  progress.finish();
  stats.seconds = progress.elapsed_seconds();
  return stats;
}

// Replays the batch stream up to `steps` so a resumed run sees the batches an uninterrupted one would.
void skip_batches(BatchSampler& batches, int steps) {
  const std::size_t n = static_cast<std::size_t>(batches.batch_size()) * batches.seq_len();
  std::vector<int> inputs(n), targets(n);
  for (int i = 0; i < steps; ++i) batches.next(inputs.data(), targets.data());
}

void print_summary(const Trainer& trainer, const RunStats& stats, float val_loss, const std::string& out_path) {
  const double rate = stats.seconds > 0 ? stats.tokens / stats.seconds : 0.0;
  if (stats.interrupted) {
    std::cerr << "interrupted at step " << trainer.steps() << ": saved to " << out_path << " (continue with --resume "
              << out_path << ")\n";
  } else {
    std::cerr << "trained to step " << trainer.steps() << " in " << format_duration(stats.seconds) << " ("
              << short_number(rate) << " tokens/s)\n"
              << "final loss: train " << format_loss(stats.last_loss) << " (last batch), held-out "
              << format_loss(val_loss) << "\n"
              << "saved to " << out_path << "\n";
  }
  FloatJson summary = {{"steps", trainer.steps()},
                       {"initial_loss", stats.first_loss},
                       {"final_loss", stats.last_loss},
                       {"val_loss", val_loss},
                       {"tokens_per_second", static_cast<float>(rate)},
                       {"interrupted", stats.interrupted},
                       {"out", out_path}};
  std::cout << summary.dump() << std::endl;
}

int run_train(const TrainOptions& o, const CLI::App& cmd) {
  const std::string &corpus_path = o.corpus, &out_path = o.out;
  const std::string corpus = read_corpus(corpus_path);
  Run run = given(cmd, "resume") ? resumed_run(o, cmd) : new_run(o, cmd, corpus);
  Trainer& trainer = *run.trainer;
  check_writable(out_path);

  const std::vector<int> ids = run.tokenizer.encode(corpus);
  const TokenSplit split = split_tokens(ids);
  const int T = window_length(trainer.config(), trainer.model().config());
  check_enough_tokens(split, T, corpus_path);
  const int eval_every = o.eval_every;
  const bool evaluable = can_evaluate(split.held_out, T);
  if (eval_every > 0 && !evaluable) {
    throw Error("corpus_too_short", "--eval-every: the held-out 10% of " + corpus_path + " has " +
                                        std::to_string(split.held_out.size()) + " tokens; one window needs " +
                                        std::to_string(T + 1));
  }
  const auto unknown = std::count(ids.begin(), ids.end(), Tokenizer::UNK);
  if (unknown > 0)
    run.notes.push_back("note: " + std::to_string(unknown) + " corpus tokens are not in the vocabulary (<unk>)");

  BatchSampler batches(split.train, trainer.config().batch_size, T, trainer.config().seed);
  skip_batches(batches, trainer.steps());
  const int total_steps = o.steps;
  for (const auto& note : run.notes) std::cerr << note << "\n";
  if (!evaluable) std::cerr << "note: the held-out 10% is shorter than one window; no held-out loss\n";
  std::cerr << describe_model(trainer.model(), run.tokenizer) << "\n"
            << describe_data(split, trainer, total_steps) << std::endl;

  InterruptGuard guard;  // from here on Ctrl-C saves before exiting
  Progress progress(trainer.steps(), total_steps, stderr_is_terminal());
  const RunStats stats = train_loop(trainer, batches, split.held_out, total_steps, eval_every, progress);
  const float val_loss = evaluable && !stats.interrupted ? trainer.evaluate(split.held_out) : NAN;
  save_checkpoint(out_path, trainer.model(), run.tokenizer, &trainer.optimizer());
  print_summary(trainer, stats, val_loss, out_path);
  return stats.interrupted ? kExitInterrupted : kExitOk;
}

}  // namespace

Command register_train(CLI::App& app) {
  CLI::App& cmd =
      add_command(app, "train", "train a model on a text file and save a checkpoint",
                  "Trains a tiny GPT on a UTF-8 text file. The last 10% of the corpus tokens are held out to measure\n"
                  "the loss on text the model never trained on. Progress goes to stderr; at the end one JSON line\n"
                  "(steps, final_loss, val_loss, tokens_per_second, out) goes to stdout. Ctrl-C saves the checkpoint\n"
                  "and exits with status 130; --resume it with the same flags to finish the run.");
  auto o = std::make_shared<TrainOptions>();
  const auto group = [&cmd](const char* heading) { cmd.option_defaults()->group(heading); };

  group("input and output");
  add_text(cmd, "corpus", o->corpus, "FILE", "UTF-8 text file to train on (at most 50 MB)")->required();
  add_text(cmd, "out", o->out, "FILE", "where to save the checkpoint (.safetensors)")->required();
  add_text(cmd, "resume", o->resume, "FILE", "continue from this checkpoint: its model, tokenizer and optimizer state");
  add_int(cmd, "steps", o->steps, "N", "total optimizer steps, counting those already in a --resume checkpoint", 1,
          10000000);
  add_int(cmd, "seed", o->seed, "S", "seed for the weights, the batches and scheduled sampling", 0, 2147483647);
  add_int(cmd, "eval-every", o->eval_every, "N",
          "print the held-out loss (last 10% of the corpus) every N steps; 0 = at the end", 0, 10000000);

  group("model (with --resume: taken from the checkpoint; flags given must match it)");
  ModelConfig& m = o->model;
  add_choice(cmd, "tokenizer", o->tokenizer, "how text becomes tokens", {"char", "word", "jamo"});
  add_int(cmd, "n-layer", m.n_layer, "L", "Transformer blocks", 1, 24);
  add_int(cmd, "n-head", m.n_head, "H", "attention heads per block", 1, 64);
  add_int(cmd, "n-embd", m.n_embd, "C", "width of every token vector, divisible by --n-head", 1, 2048);
  add_int(cmd, "block-size", m.block_size, "T", "longest context in tokens", 1, 4096);
  add_int(cmd, "mlp-hidden", m.mlp_hidden, "F", "hidden units of the feed-forward block; 0 = 4 x C", 0, 16384);
  add_choice(cmd, "positional", o->positional, "position information added to the token vectors",
             {"learned", "sinusoidal", "none"});
  add_choice(cmd, "norm", o->norm, "LayerNorm before (GPT-2) or after (2017 \"Add & Norm\") each sublayer",
             {"pre", "post"});
  add_choice(cmd, "activation", o->activation, "activation of the feed-forward block",
             {"gelu", "gelu_tanh", "relu", "sigmoid", "tanh", "silu"});
  add_switch(cmd, "no-bias", o->no_bias, "no biases in the Linear layers and LayerNorms");
  add_switch(cmd, "untied", o->untied, "a separate output matrix instead of reusing the token embedding");

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
