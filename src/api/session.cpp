#include "api/session.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "core/json_read.hpp"
#include "core/seed.hpp"
#include "io/checkpoint.hpp"
#include "layers/positional.hpp"
#include "simd/matmul.hpp"
#include "text/particles.hpp"
#include "text/utf8.hpp"

namespace tf {
namespace {

nlohmann::json parse_json(const std::string& text, const char* what, const char* code) {
  try {
    return text.empty() ? nlohmann::json::object() : nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception&) {
    throw Error(code, std::string(what) + " is not valid JSON");
  }
}

// Numbers are read as doubles and checked (finite, whole, in range) before any conversion: json_read.
void settings_object(const nlohmann::json& j, const char* what, const char* code) {
  if (!j.is_object()) throw Error(code, std::string(what) + " must be a JSON object");
}

int json_int(const nlohmann::json& j, const char* key, int fallback, const char* code) {
  if (!j.contains(key)) return fallback;
  return static_cast<int>(
      json_read::integer(j, key, code, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

float json_float(const nlohmann::json& j, const char* key, float fallback, const char* code) {
  return j.contains(key) ? json_read::single(j, key, code) : fallback;
}

double json_double(const nlohmann::json& j, const char* key, double fallback, const char* code) {
  return j.contains(key) ? json_read::number(j, key, code) : fallback;
}

std::string json_string(const nlohmann::json& j, const char* key, const std::string& fallback, const char* code) {
  return j.contains(key) ? json_read::string(j, key, code) : fallback;
}

}  // namespace

SamplingConfig sampling_from_json(const std::string& json) {
  const nlohmann::json j = parse_json(json, "sampling settings", "bad_sampling");
  settings_object(j, "sampling settings", "bad_sampling");
  SamplingConfig s;
  s.temperature = json_float(j, "temperature", s.temperature, "bad_sampling");
  s.top_k = json_int(j, "top_k", s.top_k, "bad_sampling");
  s.top_p = json_float(j, "top_p", s.top_p, "bad_sampling");
  s.validate();
  return s;
}

// ---- ModelSession ----------------------------------------------------------------------------------

void ModelSession::create(const std::string& config_json, const std::string& tokenizer_json, double seed) {
  Tokenizer tok = Tokenizer::from_json(tokenizer_json);
  nlohmann::json cj = parse_json(config_json, "model settings", "bad_config");
  if (!cj.is_object()) throw Error("bad_config", "model settings must be a JSON object");
  if (!cj.contains("vocab_size")) cj["vocab_size"] = tok.vocab_size();
  const ModelConfig config = ModelConfig::from_json(cj);
  if (tok.vocab_size() > config.vocab_size) {
    throw Error("bad_config", "vocab_size is smaller than the tokenizer's vocabulary", config.vocab_size,
                tok.vocab_size());
  }
  adopt(std::make_unique<Model>(config, checked_seed(seed, "bad_config")), std::move(tok));
}

void ModelSession::create_from_corpus(const std::string& config_json, const std::string& tokenizer_type,
                                      std::string_view corpus, double seed) {
  validate_text(corpus, kMaxCorpusBytes);
  Tokenizer tok = Tokenizer::build(tokenizer_kind_from_string(tokenizer_type), corpus);
  nlohmann::json cj = parse_json(config_json, "model settings", "bad_config");
  if (!cj.is_object()) throw Error("bad_config", "model settings must be a JSON object");
  cj["vocab_size"] = tok.vocab_size();
  adopt(std::make_unique<Model>(ModelConfig::from_json(cj), checked_seed(seed, "bad_config")), std::move(tok));
}

void ModelSession::load(std::string_view checkpoint_bytes) {
  Checkpoint ck = load_checkpoint_bytes(checkpoint_bytes);
  adopt(ck.take_gpt(), std::move(ck.tokenizer));
}

void ModelSession::adopt(std::unique_ptr<Model> model, Tokenizer tokenizer) {
  model_ = std::move(model);
  tokenizer_ = std::move(tokenizer);
}

std::string ModelSession::save() const {
  if (!model_) throw Error("no_model", "there is no model yet");
  return save_checkpoint_bytes(*model_, tokenizer_);
}

Model& ModelSession::model() {
  if (!model_) throw Error("no_model", "there is no model yet");
  return *model_;
}

const Tokenizer& ModelSession::tokenizer() const { return tokenizer_; }

nlohmann::json ModelSession::info() const {
  if (!model_) throw Error("no_model", "there is no model yet");
  nlohmann::json params = nlohmann::json::array();
  for (const auto& p : model_->params()) params.push_back({{"name", p.name}, {"shape", p.shape}});
  return {{"config", model_->config().to_json()},
          {"tokenizer", to_string(tokenizer_.kind())},
          {"vocab_size", tokenizer_.vocab_size()},
          {"num_parameters", model_->num_parameters()},
          {"params", params}};
}

std::vector<Token> ModelSession::tokenize(std::string_view text) const {
  if (text.size() > kMaxTextBytes) validate_text(text, kMaxTextBytes);
  return tokenizer_.tokenize(text);
}

std::string ModelSession::decode(const std::vector<int>& ids) const { return tokenizer_.decode(ids); }

InspectResult ModelSession::inspect_text(std::string_view text) {
  validate_text(text, kMaxTextBytes);
  InspectResult r = inspect_ids(tokenizer_.encode(text));
  r.tokens = tokenizer_.tokenize(text);
  return r;
}

InspectResult ModelSession::inspect_ids(const std::vector<int>& ids) {
  Model& m = model();
  if (ids.empty()) throw Error("empty_text", "there are no tokens to inspect");
  InspectResult r;
  r.ids = ids;
  for (int id : ids) {
    if (id < 0 || id >= tokenizer_.vocab_size()) {
      throw Error("bad_token_id", "token id " + std::to_string(id) + " is not in the vocabulary", id,
                  tokenizer_.vocab_size());
    }
    r.tokens.push_back({id, tokenizer_.token_text(id), id == Tokenizer::UNK});
  }
  const int T = static_cast<int>(ids.size());
  std::vector<int> targets(ids.begin() + 1, ids.end());
  targets.push_back(Model::kIgnore);
  r.loss = m.forward(ids.data(), targets.data(), 1, T, &r.record);
  return r;
}

std::vector<Neighbour> ModelSession::nearest_tokens(int id, int k) {
  Model& m = model();
  if (k < 1 || k > 100) throw Error("bad_k", "k must be in [1, 100]", k, 100);
  const auto& wte = m.param_info("transformer.wte.weight");
  return nearest_neighbours(m.weights().data() + wte.offset, static_cast<int>(wte.shape[0]),
                            static_cast<int>(wte.shape[1]), id, k, Tokenizer::kNumSpecials);
}

std::vector<float> ModelSession::position_table(const std::string& positional, int T) {
  Model& m = model();
  const int C = m.config().n_embd;
  if (T < 1 || T > m.config().block_size) {
    throw Error("too_long", "positions must be in [1, block_size]", T, m.config().block_size);
  }
  const PositionalKind kind = positional_from_string(positional);
  std::vector<float> pos(static_cast<std::size_t>(T) * C, 0.0f);
  if (kind == PositionalKind::Sinusoidal) {
    sinusoidal_encoding(pos.data(), T, C);
  } else if (kind == PositionalKind::Learned) {
    if (m.config().positional != PositionalKind::Learned) {
      throw Error("no_learned_positions",
                  "this model has no learned position table (it uses " + to_string(m.config().positional) + ")");
    }
    std::copy_n(m.positional_table(), pos.size(), pos.begin());
  }
  return pos;
}

std::vector<float> ModelSession::position_similarity(const std::string& positional, int T) {
  const std::vector<float> pos = position_table(positional, T);
  std::vector<float> sim(static_cast<std::size_t>(T) * T);
  matmul_nt(sim.data(), pos.data(), pos.data(), T, model().config().n_embd, T);  // (T, T) = P·Pᵀ
  return sim;
}

Inspection ModelSession::embed(const std::vector<int>& ids, const std::string& positional) {
  Model& m = model();
  const int T = static_cast<int>(ids.size()), C = m.config().n_embd;
  if (T < 1) throw Error("empty_text", "there are no tokens to embed");
  if (T > m.config().block_size) {
    throw Error("too_long", "sequence of " + std::to_string(T) + " tokens is longer than block_size", T,
                m.config().block_size);
  }
  const std::vector<float> pos = position_table(positional, T);
  const float* wte = m.weights().data() + m.param_info("transformer.wte.weight").offset;
  std::vector<float> tok(pos.size()), sum(pos.size());
  for (int t = 0; t < T; ++t) {
    if (ids[t] < 0 || ids[t] >= m.config().vocab_size) throw Error("bad_token_id", "token id out of range", ids[t]);
    for (int c = 0; c < C; ++c) {
      tok[t * C + c] = wte[static_cast<std::size_t>(ids[t]) * C + c];
      sum[t * C + c] = tok[t * C + c] + pos[t * C + c];
    }
  }
  Inspection out;
  const std::size_t Tz = T, Cz = C;
  out.add("embed.token", tok.data(), {Tz, Cz});
  out.add("embed.position", pos.data(), {Tz, Cz});
  out.add("embed.sum", sum.data(), {Tz, Cz});
  return out;
}

ContextualAnalysis ModelSession::analyze_word(const std::vector<std::string>& sentences, const std::string& word) {
  if (sentences.empty() || sentences.size() > 64) throw Error("bad_shape", "give 1 to 64 sentences", sentences.size());
  for (const auto& s : sentences) validate_text(s, kMaxTextBytes);
  validate_text(word, kMaxTextBytes);
  return tf::analyze_word(model(), tokenizer_, sentences, word);
}

SenseCheck ModelSession::sense_check(const std::vector<std::string>& sentences, const std::string& word,
                                     const std::vector<std::string>& labels) {
  if (sentences.empty() || sentences.size() > 1000)
    throw Error("bad_shape", "give 1 to 1000 sentences", sentences.size());
  for (const auto& s : sentences) validate_text(s, kMaxTextBytes);
  validate_text(word, kMaxTextBytes);
  return tf::sense_check(model(), tokenizer_, sentences, word, labels);
}

std::vector<float> apply_activation(const std::string& activation, const std::vector<float>& xs) {
  if (xs.size() > (1u << 20)) throw Error("bad_shape", "at most 1048576 values at once");
  std::vector<float> out(xs.size());
  activation_forward(activation_from_string(activation), out.data(), xs.data(), static_cast<int>(xs.size()));
  return out;
}

std::vector<float> ModelSession::next_token_probs(const std::vector<int>& ids, const std::string& sampling_json) {
  SamplingConfig s = sampling_from_json(sampling_json);
  s.valid_ids = tokenizer_.vocab_size();  // the embedding may have more rows than the tokenizer has pieces
  return tf::next_token_probs(model(), ids, s);
}

std::vector<int> ModelSession::generate(const std::vector<int>& ids, int max_tokens, const std::string& sampling_json,
                                        double seed) {
  if (max_tokens < 0 || max_tokens > 4096) throw Error("bad_sampling", "max_tokens must be in [0, 4096]", max_tokens);
  Rng rng(checked_seed(seed, "bad_sampling"));
  SamplingConfig s = sampling_from_json(sampling_json);
  s.valid_ids = tokenizer_.vocab_size();  // every generated id decodes
  return tf::generate(model(), ids, max_tokens, s, rng);
}

// ---- TrainingSession -------------------------------------------------------------------------------

namespace {

// The spec's racers: one trainer each, all from the same initial weights (make_model is called per racer
// with the same seed).
template <class MakeModel>
void make_racers(const nlohmann::json& spec, const TrainConfig& tc, MakeModel&& make_model,
                 std::vector<std::unique_ptr<Trainer>>& trainers, std::vector<std::string>& names) {
  const nlohmann::json racers =
      spec.contains("racers") ? spec["racers"] : nlohmann::json::array({nlohmann::json::object()});
  if (!racers.is_array() || racers.empty() || racers.size() > 6) {
    throw Error("bad_train_config", "racers must be a list of 1 to 6 entries");
  }
  for (const auto& r : racers) {
    if (!r.is_object()) throw Error("bad_train_config", "each racer must be a JSON object");
    const OptimizerConfig oc =
        optimizer_config_from_json(r.contains("optimizer") ? r["optimizer"] : nlohmann::json::object());
    TrainConfig rtc = tc;
    rtc.sampling_prob = json_float(r, "sampling_prob", 0.0f, "bad_train_config");
    trainers.push_back(std::make_unique<Trainer>(make_model(), oc, rtc));
    names.push_back(json_string(r, "name", to_string(oc.kind), "bad_train_config"));
  }
}

// The spec's "train" settings every kind of model shares (batch_size, shards) and its seed.
TrainConfig train_settings(const nlohmann::json& spec, int default_batch_size) {
  const nlohmann::json tj = spec.contains("train") ? spec["train"] : nlohmann::json::object();
  settings_object(tj, "train", "bad_train_config");
  TrainConfig tc;
  tc.batch_size = json_int(tj, "batch_size", default_batch_size, "bad_train_config");
  tc.shards = json_int(tj, "shards", 1, "bad_train_config");
  const double seed = json_double(spec, "seed", 1337.0, "bad_train_config");
  if (!(seed >= 0 && seed < 9007199254740992.0 && std::floor(seed) == seed))
    throw Error("bad_train_config", "seed must be a whole number >= 0");
  tc.seed = static_cast<std::uint64_t>(seed);
  return tc;
}

}  // namespace

void TrainingSession::create_pairs(const nlohmann::json& spec, std::string_view corpus, TrainConfig tc) {
  auto kind = [&](const char* key) {
    if (!spec.contains(key)) return TokenizerKind::Word;
    if (!spec[key].is_string()) throw Error("bad_train_config", std::string(key) + " must be a string");
    return tokenizer_kind_from_string(spec[key].get<std::string>());
  };
  nlohmann::json mj = spec.contains("model") ? spec["model"] : nlohmann::json::object();
  if (!mj.is_object()) throw Error("bad_config", "model settings must be a JSON object");
  int block = 64;
  if (mj.contains("block_size")) block = Seq2SeqConfig::from_json({{"block_size", mj["block_size"]}}).block_size;
  PairData data = prepare_pairs(corpus, "", kind("src_tokenizer"), kind("tgt_tokenizer"), block, kMaxCorpusBytes);
  mj["block_size"] = block;
  mj["src_vocab_size"] = data.source_tokenizer.vocab_size();
  mj["tgt_vocab_size"] = data.target_tokenizer.vocab_size();
  const Seq2SeqConfig config = Seq2SeqConfig::from_json(mj);
  tc.validate(config.block_size);
  auto batches = std::make_unique<PairSampler>(data.train, tc.batch_size, data.shape, tc.seed);
  std::vector<std::unique_ptr<Trainer>> trainers;
  std::vector<std::string> names;
  make_racers(
      spec, tc, [&] { return std::make_unique<Seq2Seq>(config, tc.seed); }, trainers, names);
  // Everything validated: take it.
  seq2seq_ = true;
  cbow_ = false;
  tokenizer_ = std::move(data.target_tokenizer);
  source_tokenizer_ = std::move(data.source_tokenizer);
  train_ids_.clear(), val_ids_.clear();
  train_batches_ = pair_batches(data.train, tc.batch_size, data.shape, 8);
  val_batches_ = pair_batches(data.held_out, tc.batch_size, data.shape);
  const bool held_out = !data.held_out.empty();
  scored_pairs_ = held_out ? std::move(data.held_out) : data.train;
  scored_text_ = held_out ? std::move(data.held_out_text) : std::move(data.train_text);
  trainers_ = std::move(trainers);
  names_ = std::move(names);
  reset_racers(std::log(static_cast<float>(tokenizer_.vocab_size())));
  batches_ = std::move(batches);
  seq_len_ = data.shape.T;
  steps_ = 0;
}

void TrainingSession::create_cbow(const nlohmann::json& spec, std::string_view corpus, TrainConfig tc) {
  nlohmann::json mj = spec.contains("model") ? spec["model"] : nlohmann::json::object();
  if (!mj.is_object()) throw Error("bad_config", "model settings must be a JSON object");
  bool split = false;
  if (spec.contains("split_particles")) {
    if (!spec["split_particles"].is_boolean()) throw Error("bad_train_config", "split_particles must be true or false");
    split = spec["split_particles"].get<bool>();
  }
  // The model settings first (a bad window is reported before the text is read), then the words.
  mj["vocab_size"] = Tokenizer::kNumSpecials + 1;
  mj["split_particles"] = split;
  CbowConfig config = CbowConfig::from_json(mj);
  validate_corpus(corpus, kMaxCorpusBytes);
  const std::string text = split ? split_particles(strip_bom(corpus)) : std::string(strip_bom(corpus));
  WordCorpus words = build_word_corpus(text, config.min_count, 1 << 16, 2 * kMaxCorpusBytes);
  config.vocab_size = words.vocab.vocab_size();
  config.validate();
  tc.validate(config.context_slots());
  auto batches = std::make_unique<CbowSampler>(words, config, tc.batch_size, tc.seed);
  std::vector<std::unique_ptr<Trainer>> trainers;
  std::vector<std::string> names;
  make_racers(
      spec, tc, [&] { return std::make_unique<Cbow>(config, tc.seed); }, trainers, names);
  for (const auto& t : trainers)
    if (t->config().sampling_prob != 0.0f)
      throw Error("bad_train_config", "word vectors have no scheduled sampling: sampling_prob must be 0");
  // Everything validated: take it.
  seq2seq_ = false;
  cbow_ = true;
  cbow_words_ = words.words;
  cbow_examples_ = batches->examples();
  tokenizer_ = std::move(words.vocab);
  train_ids_.clear(), val_ids_.clear();
  train_batches_ = cbow_eval_batches(words, config, tc.batch_size, 8);
  val_batches_.clear();
  trainers_ = std::move(trainers);
  names_ = std::move(names);
  reset_racers(0.0f);  // negative sampling has no uniform-guess loss; the first loss is the reference
  batches_ = std::move(batches);
  seq_len_ = config.context_slots();
  steps_ = 0;
}

void TrainingSession::create(const std::string& spec_json, std::string_view corpus) {
  const nlohmann::json spec = parse_json(spec_json, "training settings", "bad_train_config");
  if (!spec.is_object()) throw Error("bad_train_config", "training settings must be a JSON object");
  const std::string arch = json_string(spec, "arch", "gpt", "bad_train_config");
  if (arch == "seq2seq") {
    create_pairs(spec, corpus, train_settings(spec, TrainConfig{}.batch_size));
    return;
  }
  if (arch == "cbow") {
    create_cbow(spec, corpus, train_settings(spec, 64));
    return;
  }
  if (arch != "gpt") throw Error("bad_train_config", "arch must be gpt, seq2seq or cbow");
  validate_corpus(corpus, kMaxCorpusBytes);
  corpus = strip_bom(corpus);
  const std::string tok_type = json_string(spec, "tokenizer", "char", "bad_train_config");
  Tokenizer tok = Tokenizer::build(tokenizer_kind_from_string(tok_type), corpus);
  const std::vector<int> ids = tok.encode(corpus);

  nlohmann::json mj = spec.contains("model") ? spec["model"] : nlohmann::json::object();
  if (!mj.is_object()) throw Error("bad_config", "model settings must be a JSON object");
  mj["vocab_size"] = tok.vocab_size();
  const ModelConfig model_config = ModelConfig::from_json(mj);

  TrainConfig tc = train_settings(spec, TrainConfig{}.batch_size);
  tc.seq_len = json_int(spec.value("train", nlohmann::json::object()), "seq_len", tc.seq_len, "bad_train_config");
  tc.validate(model_config);
  const int T = tc.seq_len > 0 ? tc.seq_len : model_config.block_size;

  // held-out split: the last val_fraction of the tokens, when that leaves a window on both sides
  const double val_fraction = json_double(spec, "val_fraction", 0.1, "bad_train_config");
  if (!(val_fraction >= 0.0 && val_fraction < 0.5)) throw Error("bad_train_config", "val_fraction must be in [0, 0.5)");
  TextSplit split = split_text(ids, val_fraction, T);  // throws corpus_too_short
  auto batches = std::make_unique<BatchSampler>(split.train, tc.batch_size, T, tc.seed);
  seq_len_ = T;

  std::vector<std::unique_ptr<Trainer>> trainers;
  std::vector<std::string> names;
  make_racers(
      spec, tc, [&] { return std::make_unique<Model>(model_config, tc.seed); }, trainers, names);
  // Everything validated: take it.
  seq2seq_ = false;
  cbow_ = false;
  tokenizer_ = std::move(tok);
  train_batches_.clear(), val_batches_.clear();
  scored_pairs_.clear(), scored_text_.clear();
  train_ids_ = std::move(split.train);
  val_ids_ = std::move(split.held_out);
  trainers_ = std::move(trainers);
  names_ = std::move(names);
  reset_racers(std::log(static_cast<float>(tokenizer_.vocab_size())));
  batches_ = std::move(batches);
  steps_ = 0;
}

namespace {

// null while healthy; else why, when, and the numbers the page explains it with (NaN written as null).
nlohmann::json divergence_json(const DivergenceReport& d) {
  if (d.reason == Divergence::none) return nullptr;
  auto num = [](float v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
  return {{"reason", to_string(d.reason)},
          {"step", d.step},
          {"start_loss", num(d.start_loss)},
          {"loss", num(d.loss)},
          {"best_loss", num(d.best_loss)},
          {"grad_norm", num(d.grad_norm)},
          {"start_grad_norm", num(d.start_grad_norm)}};
}

}  // namespace

Trainer& TrainingSession::trainer(int racer) const {
  if (racer < 0 || racer >= racers()) throw Error("bad_racer", "there is no racer " + std::to_string(racer), racer);
  return *trainers_[racer];
}

// New racers: healthy, watched from `uniform_loss`, and no split step of the old ones in flight.
void TrainingSession::reset_racers(float uniform_loss) {
  diverged_.assign(trainers_.size(), false);
  watches_.assign(trainers_.size(), DivergenceWatch(uniform_loss));
  split_parts_ = 0;
}

const DivergenceReport& TrainingSession::divergence(int racer) const {
  trainer(racer);
  return watches_[static_cast<std::size_t>(racer)].report();
}

const std::string& TrainingSession::racer_name(int racer) const {
  trainer(racer);
  return names_[racer];
}

std::vector<TrainingSession::RacerStep> TrainingSession::step(int n) {
  if (trainers_.empty()) throw Error("no_model", "training has not been set up");
  if (n < 1 || n > 10000) throw Error("bad_train_config", "steps per call must be in [1, 10000]", n);
  std::vector<Trainer*> live;
  std::vector<int> index;
  std::vector<RacerStep> out;
  for (int s = 0; s < n; ++s) {
    live.clear();
    index.clear();
    for (int r = 0; r < racers(); ++r) {
      if (diverged_[r]) continue;
      live.push_back(trainers_[r].get());
      index.push_back(r);
    }
    if (live.empty()) break;
    const std::vector<StepResult> results = lockstep(live, *batches_);
    for (std::size_t i = 0; i < results.size(); ++i) {
      const Divergence reason = watches_[index[i]].observe(results[i]);
      const bool blew_up = reason != Divergence::none;
      if (blew_up) diverged_[index[i]] = true;
      out.push_back({index[i], results[i], blew_up, reason});
    }
    ++steps_;
  }
  return out;
}

void TrainingSession::step_part(int first, int count) {
  if (trainers_.empty()) throw Error("no_model", "training has not been set up");
  if (racers() != 1) throw Error("bad_train_config", "a split step trains one racer", racers());
  Trainer& t = *trainers_[0];
  t.check_part(first, count);  // first: a bad call leaves the stream, and a step in flight, as they were
  const int S = t.config().shards;
  split_parts_ = 0;
  if (diverged_[0]) return;
  const int W = S / count;
  const std::size_t P = t.network().num_parameters();
  if (parts_.size() < W * P) parts_.resize(W * P);
  shard_losses_.resize(S);
  batches_->next(split_batch_);
  t.step_part(split_batch_, first, count, parts_.data() + static_cast<std::size_t>(first / count) * P,
              shard_losses_.data() + first);
  split_parts_ = W;
}

float* TrainingSession::part(int k) {
  if (k < 0 || k >= split_parts_) throw Error("bad_train_config", "no such part of a split step", k);
  return parts_.data() + static_cast<std::size_t>(k) * trainers_[0]->network().num_parameters();
}

std::size_t TrainingSession::split_part_size() const {
  return trainers_.empty() ? 0 : trainers_[0]->network().num_parameters();
}

std::vector<TrainingSession::RacerStep> TrainingSession::finish_step() {
  if (trainers_.empty()) throw Error("no_model", "training has not been set up");
  if (split_parts_ == 0) return {};  // diverged before this step: nothing was split
  split_blocks_.clear();
  for (int k = 0; k < split_parts_; ++k) split_blocks_.push_back(part(k));
  split_parts_ = 0;
  StepResult r;
  try {
    r = trainers_[0]->finish_step(split_blocks_, shard_losses_);
  } catch (const Error& e) {
    if (e.code() != "loss_not_finite") throw;
    r.step = trainers_[0]->steps() + 1;  // as lockstep(): the step that failed, not taken
    r.loss = std::numeric_limits<float>::quiet_NaN();
  }
  const Divergence reason = watches_[0].observe(r);
  const bool blew_up = reason != Divergence::none;
  if (blew_up) diverged_[0] = true;
  ++steps_;
  return {{0, r, blew_up, reason}};
}

float TrainingSession::evaluate(int racer, int max_batches) {
  if (seq2seq_ || cbow_) {
    const std::vector<Batch>& all = val_batches_.empty() ? train_batches_ : val_batches_;
    const std::size_t n = std::min<std::size_t>(all.size(), static_cast<std::size_t>(std::max(max_batches, 1)));
    return trainer(racer).evaluate(std::vector<Batch>(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n)));
  }
  return trainer(racer).evaluate(val_ids_.empty() ? train_ids_ : val_ids_, max_batches);
}

void TrainingSession::set_lr(int racer, float lr) { trainer(racer).optimizer().set_lr(lr); }

void TrainingSession::set_sampling_prob(int racer, float p) { trainer(racer).set_sampling_prob(p); }

std::vector<float> TrainingSession::optimizer_state(int racer, const std::string& param,
                                                    const std::string& which) const {
  Trainer& t = trainer(racer);
  const auto& params = t.optimizer().params();
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (params[i].name != param) continue;
    std::vector<float> out(params[i].size);
    t.optimizer().read_state(i, which, out.data());
    return out;
  }
  throw Error("bad_param_name", "the model has no parameter named '" + param + "'");
}

std::vector<std::string> TrainingSession::optimizer_state_names(int racer) const {
  return trainer(racer).optimizer().state_names();
}

float TrainingSession::learning_rate(int racer) const {
  const Optimizer& o = trainer(racer).optimizer();
  return learning_rate_at(o.config(), o.steps_taken());
}

std::string TrainingSession::save(int racer) const {
  Trainer& t = trainer(racer);
  return save_checkpoint_bytes(t.network(), tokenizer_, &t.optimizer(), seq2seq_ ? &source_tokenizer_ : nullptr);
}

std::unique_ptr<TranslationSession> TrainingSession::snapshot_translation(int racer) const {
  Trainer& t = trainer(racer);
  auto* model = dynamic_cast<Seq2Seq*>(&t.network());
  if (!model) throw Error("wrong_arch", "this training session trains a GPT, not an encoder-decoder");
  auto session = std::make_unique<TranslationSession>();
  session->adopt(std::make_unique<Seq2Seq>(*model), source_tokenizer_, tokenizer_);
  return session;
}

TranslationScore TrainingSession::score_translations(int racer, int max_pairs) {
  auto* model = dynamic_cast<Seq2Seq*>(&trainer(racer).network());
  if (!model) throw Error("wrong_arch", "this training session trains a GPT, not an encoder-decoder");
  if (max_pairs < 0 || max_pairs > 100000)
    throw Error("bad_train_config", "max_pairs must be in [0, 100000]", max_pairs);
  return tf::score_translations(*model, scored_pairs_, max_pairs);
}

const std::vector<TextPair>& TrainingSession::held_out_pairs() const {
  if (!seq2seq_) throw Error("wrong_arch", "this training session trains a GPT, not an encoder-decoder");
  return scored_text_;
}

std::unique_ptr<CbowSession> TrainingSession::snapshot_cbow(int racer) const {
  Trainer& t = trainer(racer);
  auto* model = dynamic_cast<Cbow*>(&t.network());
  if (!model) throw Error("wrong_arch", "this training session does not train word vectors (cbow)");
  auto session = std::make_unique<CbowSession>();
  session->adopt(std::make_unique<Cbow>(*model), tokenizer_);
  return session;
}

std::unique_ptr<ModelSession> TrainingSession::snapshot(int racer) const {
  auto copy = std::make_unique<Model>(trainer(racer).model());
  auto session = std::make_unique<ModelSession>();
  session->adopt(std::move(copy), tokenizer_);
  return session;
}

nlohmann::json TrainingSession::info() const {
  nlohmann::json racers = nlohmann::json::array();
  for (int r = 0; r < this->racers(); ++r) {
    racers.push_back({{"name", names_[r]},
                      {"optimizer", optimizer_config_to_json(trainers_[r]->optimizer().config())},
                      {"sampling_prob", trainers_[r]->config().sampling_prob},
                      {"diverged", static_cast<bool>(diverged_[r])},
                      {"divergence", divergence_json(watches_[static_cast<std::size_t>(r)].report())}});
  }
  const Trainer& t0 = *trainers_.at(0);
  nlohmann::json out = {{"arch", t0.network().arch()},
                        {"config", t0.network().config_json()},
                        {"tokenizer", to_string(tokenizer_.kind())},
                        {"vocab", tokenizer_.vocab()},
                        {"num_parameters", t0.network().num_parameters()},
                        {"train_tokens", train_ids_.size()},
                        {"val_tokens", val_ids_.size()},
                        {"batch_size", t0.config().batch_size},
                        {"shards", t0.config().shards},
                        {"seq_len", seq_len_},
                        {"steps", steps_},
                        {"racers", racers}};
  if (cbow_) {
    std::vector<std::string> words;
    for (int id = 0; id < tokenizer_.vocab_size(); ++id) words.push_back(word_text(tokenizer_, id));
    out["words"] = words;
    out["train_words"] = cbow_words_;
    out["examples"] = cbow_examples_;
  }
  if (seq2seq_) {
    out["src_tokenizer"] = to_string(source_tokenizer_.kind());
    out["src_vocab"] = source_tokenizer_.vocab();
    std::size_t train_pairs = 0, val_pairs = 0;
    for (const Batch& b : val_batches_) val_pairs += b.B;
    train_pairs = dynamic_cast<const PairSampler&>(*batches_).pairs().size();
    out["train_pairs"] = train_pairs;
    out["val_pairs"] = val_pairs;
  }
  return out;
}

}  // namespace tf
