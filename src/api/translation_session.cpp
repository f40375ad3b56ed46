#include "api/translation_session.hpp"

#include <algorithm>

#include "api/session.hpp"  // kMaxTextBytes, sampling_from_json
#include "core/error.hpp"
#include "core/seed.hpp"
#include "io/checkpoint.hpp"
#include "model/translate.hpp"
#include "train/setup.hpp"

namespace tf {

void TranslationSession::load(std::string_view checkpoint_bytes) {
  Checkpoint ck = load_checkpoint_bytes(checkpoint_bytes);
  adopt(ck.take_seq2seq(), std::move(ck.source_tokenizer), std::move(ck.tokenizer));
}

void TranslationSession::adopt(std::unique_ptr<Seq2Seq> model, Tokenizer source, Tokenizer target) {
  model_ = std::move(model);
  source_ = std::move(source);
  target_ = std::move(target);
}

Seq2Seq& TranslationSession::model() {
  if (!model_) throw Error("no_model", "there is no model yet");
  return *model_;
}

std::string TranslationSession::save() const {
  if (!model_) throw Error("no_model", "there is no model yet");
  return save_checkpoint_bytes(*model_, target_, nullptr, &source_);
}

nlohmann::json TranslationSession::info() const {
  if (!model_) throw Error("no_model", "there is no model yet");
  nlohmann::json params = nlohmann::json::array();
  for (const auto& p : model_->params()) params.push_back({{"name", p.name}, {"shape", p.shape}});
  return {{"arch", "seq2seq"},
          {"config", model_->config_json()},
          {"src_tokenizer", to_string(source_.kind())},
          {"tgt_tokenizer", to_string(target_.kind())},
          {"src_vocab_size", source_.vocab_size()},
          {"tgt_vocab_size", target_.vocab_size()},
          {"num_parameters", model_->num_parameters()},
          {"params", params}};
}

std::vector<Token> TranslationSession::source_tokens(std::string_view text) const {
  validate_text(text, kMaxTextBytes);
  return source_.tokenize(text);
}

TranslateResult TranslationSession::translate(std::string_view text, const std::string& sampling_json, int max_tokens,
                                              double seed) {
  Seq2Seq& m = model();
  TranslateResult r;
  r.source_tokens = source_tokens(text);
  std::vector<int> ids;
  for (const Token& t : r.source_tokens) ids.push_back(t.id);
  if (max_tokens < 1 || max_tokens > 4096) throw Error("bad_sampling", "max_tokens must be in [1, 4096]", max_tokens);
  Rng rng(checked_seed(seed, "bad_sampling"));
  Translation t = tf::translate(m, ids, max_tokens, sampling_from_json(sampling_json), rng);
  r.source = std::move(t.source);
  r.output = std::move(t.output);
  r.step_probs = std::move(t.step_probs);
  r.finished = t.finished;
  std::vector<int> words = r.output;
  if (r.finished) words.pop_back();
  r.output_text = target_.decode(words);
  std::vector<int> inputs = {Tokenizer::BOS};
  inputs.insert(inputs.end(), r.output.begin(), r.output.end() - 1);
  m.inspect(r.source, inputs, {}, r.record);
  return r;
}

Seq2SeqInspectResult TranslationSession::inspect(std::string_view source, std::string_view target, int pad) {
  Seq2Seq& m = model();
  Seq2SeqInspectResult r;
  r.source_tokens = source_tokens(source);
  std::vector<int> src;
  for (const Token& t : r.source_tokens) src.push_back(t.id);
  std::vector<int> tgt;
  if (target.empty()) {
    SamplingConfig greedy;
    greedy.temperature = 0;
    Rng rng(1);
    tgt = tf::translate(m, src, m.config().block_size - 1, greedy, rng).output;
    if (!tgt.empty() && tgt.back() == Tokenizer::EOS) tgt.pop_back();
    for (int id : tgt) r.target_tokens.push_back({id, target_.token_text(id), false});
  } else {
    validate_text(target, kMaxTextBytes);
    r.target_tokens = target_.tokenize(target);
    for (const Token& t : r.target_tokens) tgt.push_back(t.id);
  }
  const int block = m.config().block_size;
  if (static_cast<int>(tgt.size()) + 1 > block) {
    throw Error("too_long",
                "the target has " + std::to_string(tgt.size()) + " tokens; this model reads at most " +
                    std::to_string(block - 1),
                static_cast<long long>(tgt.size()), block - 1);
  }
  if (static_cast<int>(src.size()) + 2 > block) {
    throw Error("too_long",
                "the source has " + std::to_string(src.size()) + " tokens; this model reads at most " +
                    std::to_string(block - 2),
                static_cast<long long>(src.size()), block - 2);
  }
  if (pad < 0 || static_cast<long long>(src.size()) + 2 + pad > block) {
    throw Error("too_long",
                "the source with " + std::to_string(pad) + " padding tokens does not fit the " + std::to_string(block) +
                    " positions of the encoder",
                pad, block - 2 - static_cast<long long>(src.size()));
  }
  r.source = {Tokenizer::BOS};
  r.source.insert(r.source.end(), src.begin(), src.end());
  r.source.push_back(Tokenizer::EOS);
  r.source.insert(r.source.end(), static_cast<std::size_t>(pad), Tokenizer::PAD);
  r.inputs = {Tokenizer::BOS};
  r.inputs.insert(r.inputs.end(), tgt.begin(), tgt.end());
  r.targets = tgt;
  r.targets.push_back(Tokenizer::EOS);
  r.loss = m.inspect(r.source, r.inputs, r.targets, r.record);
  return r;
}

DecodingComparison TranslationSession::compare_decoding(std::string_view source, std::string_view reference) {
  validate_text(reference, kMaxTextBytes);
  Seq2SeqInspectResult forced = inspect(source, reference);  // validates both and their lengths
  Seq2Seq& m = model();
  DecodingComparison c;
  c.source_tokens = std::move(forced.source_tokens);
  c.reference_tokens = std::move(forced.target_tokens);
  c.reference = forced.targets;
  c.forced_loss = forced.loss;
  const xt::xarray<float>& probs = forced.record.get("probs");  // (T, V)
  const std::size_t V = probs.shape()[1];
  for (std::size_t k = 0; k < c.reference.size(); ++k) {
    const float* row = probs.data() + k * V;
    std::size_t top = 0;
    for (std::size_t v = 1; v < V; ++v)
      if (row[v] > row[top]) top = v;
    c.forced_top.push_back(static_cast<int>(top));
    c.forced_top_prob.push_back(row[top]);
    c.forced_ref_prob.push_back(row[c.reference[k]]);
    if (static_cast<int>(top) != c.reference[k]) ++c.forced_mistakes;
  }
  SamplingConfig greedy;
  greedy.temperature = 0;
  Rng rng(1);
  std::vector<int> src(forced.source.begin() + 1, forced.source.end() - 1);
  Translation t = tf::translate(m, src, m.config().block_size - 1, greedy, rng);
  c.free_ids = std::move(t.output);
  c.free_probs = std::move(t.step_probs);
  c.free_finished = t.finished;
  const std::size_t n = std::max(c.free_ids.size(), c.reference.size());
  for (std::size_t k = 0; k < n; ++k) {
    if (k >= c.free_ids.size() || k >= c.reference.size() || c.free_ids[k] != c.reference[k]) {
      c.first_mistake = static_cast<int>(k);
      break;
    }
  }
  return c;
}

}  // namespace tf
