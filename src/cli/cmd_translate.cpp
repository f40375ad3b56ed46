// tinyformer translate: an encoder-decoder checkpoint writes the translation of a sentence, token by token.
//
//   --text → source ids (the source tokenizer) → tf::translate (greedy by default) → decode → stdout
//   --json: the source tokens, each written token with its probability and the cross-attention it used
//           ([layer][head][source position]: where the decoder looked in the source when it wrote it)
// Also the encoder-decoder half of `tinyformer inspect` (--source, --target): one recorded pass, every tensor.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/error.hpp"
#include "core/rng.hpp"
#include "model/translate.hpp"

namespace tf::cli {
namespace {

struct TranslateOptions {
  std::string model, text;
  bool json = false;
  SamplingConfig sampling = [] {
    SamplingConfig s;
    s.temperature = 0.0f;  // greedy: a translation, not a creative continuation
    return s;
  }();
  int max_tokens = 64, seed = 1337;
};

// The text as source tokens; a note on stderr for pieces outside the vocabulary.
std::vector<Token> source_tokens(const Tokenizer& tokenizer, const std::string& text, const char* flag) {
  std::vector<Token> tokens;
  try {
    tokens = tokenizer.tokenize(text);
  } catch (const Error& e) {
    if (e.code() != "invalid_utf8") throw;
    throw UsageError(std::string(flag) + " is not valid UTF-8 (bad byte at offset " + std::to_string(e.detail()) + ")");
  }
  if (tokens.empty()) throw UsageError(std::string(flag) + " is empty");
  const auto unknown = std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.unknown; });
  if (unknown > 0) {
    std::cerr << "note: " << unknown << " " << flag
              << " token(s) are not in the model's vocabulary; the model sees <unk>\n";
  }
  return tokens;
}

std::vector<int> ids_of(const std::vector<Token>& tokens) {
  std::vector<int> ids;
  for (const Token& t : tokens) ids.push_back(t.id);
  return ids;
}

void check_fits(const std::vector<int>& ids, int extra, int block, const char* flag) {
  const int n = static_cast<int>(ids.size()) + extra;
  if (n > block) {
    throw UsageError(std::string(flag) + " is " + std::to_string(ids.size()) +
                     " tokens long; this model reads at most " + std::to_string(block - extra) + " (block_size " +
                     std::to_string(block) + " with <bos>" + (extra == 2 ? " and <eos>)" : ")"));
  }
}

// [{id, text}] for ids; typed tokens (when given, aligned from offset 1) keep what was written for <unk>.
FloatJson tokens_json(const Tokenizer& tokenizer, const std::vector<int>& ids, const std::vector<Token>* typed) {
  FloatJson out = FloatJson::array();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const Token* t = typed && i >= 1 && i - 1 < typed->size() ? &(*typed)[i - 1] : nullptr;
    FloatJson token = {{"id", ids[i]}, {"text", t && t->unknown ? t->text : tokenizer.token_text(ids[i])}};
    if (t && t->unknown) token["unknown"] = true;
    out.push_back(token);
  }
  return out;
}

// attention {"encoder": [Le][H][S][S], "decoder": [Ld][H][T][T], "cross": [Ld][H][T][S]}
FloatJson attention_json(const Inspection& rec, const Seq2SeqConfig& c) {
  FloatJson enc = FloatJson::array(), dec = FloatJson::array(), cross = FloatJson::array();
  for (int l = 0; l < c.n_encoder_layer; ++l)
    enc.push_back(nested(rec.get("enc.h" + std::to_string(l) + ".attn.probs")));
  for (int l = 0; l < c.n_decoder_layer; ++l) {
    dec.push_back(nested(rec.get("dec.h" + std::to_string(l) + ".attn.probs")));
    cross.push_back(nested(rec.get("dec.h" + std::to_string(l) + ".xattn.probs")));
  }
  return {{"encoder", enc}, {"decoder", dec}, {"cross", cross}};
}

Checkpoint load_seq2seq_file(const std::string& path) {
  Checkpoint ck = load_model_file(path);
  if (ck.cbow()) throw Error("wrong_arch", path + " holds word vectors (cbow), not an encoder-decoder (seq2seq)");
  if (!ck.seq2seq()) {
    throw Error("wrong_arch", path + " holds a GPT, not an encoder-decoder (seq2seq): use `tinyformer generate`");
  }
  return ck;
}

int run_translate(const TranslateOptions& o) {
  try {
    o.sampling.validate();
  } catch (const Error& e) {
    throw UsageError(std::string("bad sampling flags: ") + e.what());
  }
  Checkpoint ck = load_seq2seq_file(o.model);
  Seq2Seq& model = *ck.seq2seq();
  const std::vector<Token> typed = source_tokens(ck.source_tokenizer, o.text, "--text");
  const std::vector<int> source = ids_of(typed);
  check_fits(source, 2, model.config().block_size, "--text");
  Rng rng(static_cast<std::uint64_t>(o.seed));
  SamplingConfig sampling = o.sampling;
  sampling.valid_ids = ck.tokenizer.vocab_size();  // only ids the target tokenizer can print
  const Translation t = translate(model, source, o.max_tokens, sampling, rng);
  std::vector<int> words = t.output;
  if (t.finished) words.pop_back();  // the <eos>
  const std::string text = ck.tokenizer.decode(words);
  if (!o.json) {
    std::cout << text << std::endl;
    if (!t.finished) std::cerr << "note: stopped at the limit of " << t.output.size() << " tokens without <eos>\n";
    return kExitOk;
  }
  // One recorded pass over <bos> + the output: position k's cross-attention is what step k used (causal).
  std::vector<int> inputs = {Tokenizer::BOS};
  inputs.insert(inputs.end(), t.output.begin(), t.output.end() - 1);
  Inspection rec;
  model.inspect(t.source, inputs, {}, rec);
  const Seq2SeqConfig& c = model.config();
  FloatJson steps = FloatJson::array();
  for (std::size_t k = 0; k < t.output.size(); ++k) {
    FloatJson layers = FloatJson::array();
    for (int l = 0; l < c.n_decoder_layer; ++l) {
      const auto& probs = rec.get("dec.h" + std::to_string(l) + ".xattn.probs");  // (H, T, S)
      FloatJson heads = FloatJson::array();
      for (int h = 0; h < c.n_head; ++h) {
        FloatJson row = FloatJson::array();
        for (std::size_t s = 0; s < t.source.size(); ++s) row.push_back(probs(h, k, s));
        heads.push_back(row);
      }
      layers.push_back(heads);
    }
    steps.push_back({{"id", t.output[k]},
                     {"text", ck.tokenizer.token_text(t.output[k])},
                     {"prob", t.step_probs[k]},
                     {"cross_attention", layers}});
  }
  FloatJson out = {{"source", tokens_json(ck.source_tokenizer, t.source, &typed)},
                   {"translation", text},
                   {"finished", t.finished},
                   {"steps", steps}};
  std::cout << out.dump() << std::endl;
  return kExitOk;
}

}  // namespace

int run_inspect_seq2seq(Checkpoint ck, const std::string& source_text, const std::string* target_text, bool json,
                        const std::vector<std::string>& tensors) {
  Seq2Seq& model = *ck.seq2seq();
  const int block = model.config().block_size;
  const std::vector<Token> typed = source_tokens(ck.source_tokenizer, source_text, "--source");
  std::vector<int> source = ids_of(typed);
  check_fits(source, 2, block, "--source");
  std::vector<int> target;
  std::vector<Token> typed_target;
  if (target_text) {
    typed_target = source_tokens(ck.tokenizer, *target_text, "--target");
    target = ids_of(typed_target);
    check_fits(target, 1, block, "--target");
  } else {  // the model's own greedy translation
    SamplingConfig greedy;
    greedy.temperature = 0;
    greedy.valid_ids = ck.tokenizer.vocab_size();
    Rng rng(1);
    target = translate(model, source, block - 1, greedy, rng).output;
    if (!target.empty() && target.back() == Tokenizer::EOS) target.pop_back();
  }
  std::vector<int> src = {Tokenizer::BOS}, inputs = {Tokenizer::BOS}, targets = target;
  src.insert(src.end(), source.begin(), source.end());
  src.push_back(Tokenizer::EOS);
  inputs.insert(inputs.end(), target.begin(), target.end());
  targets.push_back(Tokenizer::EOS);
  Inspection rec;
  const float loss = model.inspect(src, inputs, targets, rec);
  for (const auto& name : tensors) {
    if (name != "list" && !rec.has(name))
      throw UsageError("--tensor " + name + ": no recorded tensor by that name; --tensor list shows them");
  }
  if (std::find(tensors.begin(), tensors.end(), "list") != tensors.end()) {
    for (const auto& name : rec.names()) {
      std::cout << name << " [";
      const auto shape = shape_of(rec.get(name));
      for (std::size_t i = 0; i < shape.size(); ++i) std::cout << (i ? ", " : "") << shape[i];
      std::cout << "]\n";
    }
    return kExitOk;
  }
  if (json) {
    FloatJson out = {{"source", tokens_json(ck.source_tokenizer, src, &typed)},
                     {"target", tokens_json(ck.tokenizer, inputs, target_text ? &typed_target : nullptr)},
                     {"config", to_float_json(model.config_json())},
                     {"loss", loss},
                     {"logits", nested(rec.get("logits"))},
                     {"attention", attention_json(rec, model.config())}};
    if (!tensors.empty()) {
      FloatJson t = FloatJson::object();
      for (const auto& name : tensors) t[name] = flat_tensor(rec.get(name));
      out["tensors"] = t;
    }
    std::cout << out.dump() << std::endl;
    return kExitOk;
  }
  const Seq2SeqConfig& c = model.config();
  std::cout << "model: encoder-decoder, " << c.n_encoder_layer << "+" << c.n_decoder_layer << " layers, " << c.n_head
            << " heads, C=" << c.n_embd << "\nsource:";
  for (int id : src) std::cout << " " << visible_token(ck.source_tokenizer.token_text(id));
  std::cout << "\ntarget:";
  for (int id : inputs) std::cout << " " << visible_token(ck.tokenizer.token_text(id));
  std::printf("\nloss: %.4f (mean cross-entropy of %zu target tokens and <eos>)\n", loss, targets.size());
  // where each target token looked in the source: the last decoder layer's cross-attention, mean over heads
  const auto& probs = rec.get("dec.h" + std::to_string(c.n_decoder_layer - 1) + ".xattn.probs");
  std::cout << "cross-attention of the last decoder layer (mean over heads): for each target token, the source token\n"
               "the decoder read most while writing it\n";
  for (std::size_t t = 0; t < targets.size(); ++t) {
    std::size_t best = 0;
    double best_w = -1;
    for (std::size_t s = 0; s < src.size(); ++s) {
      double w = 0;
      for (int h = 0; h < c.n_head; ++h) w += probs(h, t, s) / c.n_head;
      if (w > best_w) best_w = w, best = s;
    }
    std::printf("  %s <- %s (%.1f%%)\n", visible_token(ck.tokenizer.token_text(targets[t])).c_str(),
                visible_token(ck.source_tokenizer.token_text(src[best])).c_str(), 100 * best_w);
  }
  return kExitOk;
}

Command register_translate(CLI::App& app) {
  CLI::App& cmd = add_command(
      app, "translate", "translate a sentence with an encoder-decoder checkpoint",
      "Encodes --text with the model's source tokenizer, then writes the translation one token at a time\n"
      "until <eos> (greedy unless --temperature > 0). Prints the translation; with --json one object:\n"
      "source [{id, text}] (with <bos> and <eos>), translation, finished, and steps [{id, text, prob,\n"
      "cross_attention [layer][head][source position]}]: where the decoder looked when it wrote each token.");
  auto o = std::make_shared<TranslateOptions>();
  add_text(cmd, "model", o->model, "FILE", "an encoder-decoder checkpoint (tinyformer train --arch seq2seq)")
      ->required();
  add_text(cmd, "text", o->text, "TEXT", "the sentence to translate")->required();
  add_switch(cmd, "json", o->json, "print one JSON object with every step's cross-attention");
  add_float(cmd, "temperature", o->sampling.temperature, "0 = always the most likely token; > 0 samples", 0, 100);
  add_int(cmd, "top-k", o->sampling.top_k, "K", "sample only among the K most likely tokens; 0 = all", 0, 1 << 20);
  add_int(cmd, "max-tokens", o->max_tokens, "N", "longest translation in tokens (and the block size)", 1, 4096);
  add_int(cmd, "seed", o->seed, "S", "seed for sampling", 0, 2147483647);
  return {&cmd, [o] { return run_translate(*o); }};
}

}  // namespace tf::cli
