// tinyformer inspect: one recorded forward pass over a short text, as JSON or as a readable summary.
//
//   --text / --ids → ids (T) → Model::forward with an Inspection record and targets = ids shifted by one
//   JSON: tokens [{id, text}], logits (T,V), attention (L,H,T,T), loss, config, tensors {name: {shape, data}}
//   text: tokens, loss, the five most likely next tokens after the last position, previews of --tensor
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <numeric>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/error.hpp"
#include "model/inspection.hpp"

namespace tf::cli {
namespace {

constexpr int kTopPredictions = 5;
constexpr std::size_t kPreviewRows = 12, kPreviewColumns = 8;

struct InspectOptions {
  std::string model, text, ids, source, target;
  bool json = false;
  std::vector<std::string> tensors;
};

// ---- the sequence -------------------------------------------------------------------------------

struct Sequence {
  std::vector<int> ids;            // (T)
  std::vector<std::string> texts;  // (T) how each token reads
  std::vector<bool> unknown;       // (T) not in the vocabulary (only from --text)
};

std::string token_label(const Tokenizer& tokenizer, int id) {
  return id < tokenizer.vocab_size() ? tokenizer.token_text(id) : "<id " + std::to_string(id) + ">";
}

Sequence sequence_from_text(const Tokenizer& tokenizer, const std::string& text) {
  std::vector<Token> tokens;
  try {
    tokens = tokenizer.tokenize(text);
  } catch (const Error& e) {
    if (e.code() != "invalid_utf8") throw;
    throw UsageError("--text is not valid UTF-8 (bad byte at offset " + std::to_string(e.detail()) + ")");
  }
  Sequence s;
  for (const Token& t : tokens) {
    s.ids.push_back(t.id);
    s.texts.push_back(t.unknown ? t.text : tokenizer.token_text(t.id));
    s.unknown.push_back(t.unknown);
  }
  return s;
}

Sequence sequence_from_ids(const Tokenizer& tokenizer, const std::string& list, int vocab_size) {
  Sequence s;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto first = item.find_first_not_of(' '), last = item.find_last_not_of(' ');
    item = first == std::string::npos ? "" : item.substr(first, last - first + 1);
    const int id = static_cast<int>(parse_integer(item, "--ids", 0, vocab_size - 1));
    s.ids.push_back(id);
    s.texts.push_back(token_label(tokenizer, id));
    s.unknown.push_back(false);
  }
  if (!list.empty() && list.back() == ',') throw UsageError("--ids has an empty entry at the end");
  return s;
}

// Exactly one of --text / --ids, except that --tensor list needs neither.
void check_input_flags(const CLI::App& cmd, bool list_only) {
  const bool text = given(cmd, "text"), ids = given(cmd, "ids");
  if (text && ids) throw UsageError("give either --text or --ids, not both");
  if (!text && !ids && !list_only) throw UsageError("missing --text TEXT or --ids LIST");
}

Sequence requested_sequence(const InspectOptions& o, const CLI::App& cmd, const GptCheckpoint& ck) {
  const bool text = given(cmd, "text");
  Sequence s = text ? sequence_from_text(ck.tokenizer, o.text)
                    : sequence_from_ids(ck.tokenizer, o.ids, ck.model->config().vocab_size);
  if (s.ids.empty()) throw UsageError(text ? "--text is empty" : "--ids is empty");
  const int T = static_cast<int>(s.ids.size()), block = ck.model->config().block_size;
  if (T > block) {
    throw UsageError(std::string(text ? "--text" : "--ids") + " is " + std::to_string(T) +
                     " tokens long; this model reads at most block_size = " + std::to_string(block));
  }
  return s;
}

// ---- the forward pass ---------------------------------------------------------------------------

struct Pass {
  Inspection record;
  float loss = NAN;  // mean next-token cross-entropy over T-1 targets; NaN when T == 1
};

Pass recorded_forward(Model& model, const std::vector<int>& ids) {
  const int T = static_cast<int>(ids.size());
  std::vector<int> targets(ids.size(), Model::kIgnore);  // (T): the next id; nothing after the last
  std::copy(ids.begin() + 1, ids.end(), targets.begin());
  Pass pass;
  pass.loss = model.forward(ids.data(), targets.data(), 1, T, &pass.record);
  return pass;
}

// ---- JSON ---------------------------------------------------------------------------------------

FloatJson tokens_json(const Sequence& s) {
  FloatJson out = FloatJson::array();
  for (std::size_t t = 0; t < s.ids.size(); ++t) {
    FloatJson token = {{"id", s.ids[t]}, {"text", s.texts[t]}};
    if (s.unknown[t]) token["unknown"] = true;
    out.push_back(token);
  }
  return out;
}

FloatJson inspection_json(const GptCheckpoint& ck, const Sequence& s, const Pass& pass,
                          const std::vector<std::string>& tensor_names) {
  FloatJson attention = FloatJson::array();  // (L,H,T,T)
  for (int l = 0; l < ck.model->config().n_layer; ++l) {
    attention.push_back(nested(pass.record.get("h" + std::to_string(l) + ".attn.probs")));
  }
  FloatJson out = {{"tokens", tokens_json(s)},
                   {"tokenizer", to_string(ck.tokenizer.kind())},
                   {"config", to_float_json(ck.model->config().to_json())},
                   {"loss", pass.loss},
                   {"logits", nested(pass.record.get("logits"))},
                   {"attention", attention}};
  if (!tensor_names.empty()) {
    FloatJson tensors = FloatJson::object();
    for (const auto& name : tensor_names) tensors[name] = flat_tensor(pass.record.get(name));
    out["tensors"] = tensors;
  }
  return out;
}

// ---- readable output ----------------------------------------------------------------------------

std::string shape_text(const std::vector<std::size_t>& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

std::string value_text(float v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%9.4f", v);
  return std::isinf(v) ? (v < 0 ? "     -inf" : "      inf") : buffer;
}

// Rows of the last axis, each labelled with its leading indices; long tensors are cut with "...".
void print_tensor_preview(const std::string& name, const xt::xarray<float>& a) {
  const auto shape = shape_of(a);
  std::cout << "\n" << name << " " << shape_text(shape) << "\n";
  const std::size_t cols = shape.empty() ? 1 : shape.back(), rows = a.size() / std::max<std::size_t>(cols, 1);
  for (std::size_t r = 0; r < std::min(rows, kPreviewRows); ++r) {
    std::string index;
    std::size_t rest = r;
    for (std::size_t d = shape.size() - 1; d-- > 0;) {
      index = std::to_string(rest % shape[d]) + (index.empty() ? "" : ",") + index;
      rest /= shape[d];
    }
    std::cout << "  [" << index << "]";
    for (std::size_t c = 0; c < std::min(cols, kPreviewColumns); ++c)
      std::cout << " " << value_text(a.data()[r * cols + c]);
    std::cout << (cols > kPreviewColumns ? "  ..." : "") << "\n";
  }
  if (rows > kPreviewRows) std::cout << "  ... (" << rows - kPreviewRows << " more rows)\n";
}

void print_summary(const GptCheckpoint& ck, const Sequence& s, const Pass& pass,
                   const std::vector<std::string>& tensor_names) {
  const ModelConfig& c = ck.model->config();
  std::cout << "model: " << c.n_layer << " layers, " << c.n_head << " heads, C=" << c.n_embd << ", block_size "
            << c.block_size << ", V=" << c.vocab_size << " (" << to_string(ck.tokenizer.kind()) << " tokenizer)\n";
  std::cout << "tokens (" << s.ids.size() << "):";
  for (std::size_t t = 0; t < s.ids.size(); ++t) {
    std::cout << " " << visible_token(s.texts[t]) << "(" << s.ids[t] << (s.unknown[t] ? ", unknown" : "") << ")";
  }
  std::cout << "\n";
  if (std::isnan(pass.loss)) {
    std::cout << "loss: n/a (one token has no next token to predict)\n";
  } else {
    std::printf("loss: %.4f (mean cross-entropy of %zu next-token predictions)\n", pass.loss, s.ids.size() - 1);
  }

  const auto& probs = pass.record.get("probs");  // (T,V)
  const std::size_t V = static_cast<std::size_t>(c.vocab_size), T = s.ids.size();
  const float* last = probs.data() + (T - 1) * V;
  std::vector<int> order(V);
  std::iota(order.begin(), order.end(), 0);
  const int k = std::min<int>(kTopPredictions, static_cast<int>(V));
  std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int a, int b) { return last[a] > last[b]; });
  std::cout << "most likely next tokens after " << visible_token(s.texts.back()) << ":\n";
  for (int i = 0; i < k; ++i) {
    std::printf("  %d. %6.2f%%  %s\n", i + 1, 100.0 * last[order[i]],
                visible_token(token_label(ck.tokenizer, order[i])).c_str());
  }
  for (const auto& name : tensor_names) print_tensor_preview(name, pass.record.get(name));
}

// Every recorded name with its shape; `one_token` when no text was given (T = 1 in the shapes).
void print_tensor_list(const Inspection& record, bool json, bool one_token) {
  if (json) {
    FloatJson list = FloatJson::array();
    for (const auto& name : record.names()) list.push_back({{"name", name}, {"shape", shape_of(record.get(name))}});
    std::cout << FloatJson{{"tensors", list}}.dump() << std::endl;
    return;
  }
  if (one_token) std::cout << "# shapes for a one-token input; with --text TEXT, T is its length\n";
  for (const auto& name : record.names()) std::cout << name << " " << shape_text(shape_of(record.get(name))) << "\n";
}

// ---- the command --------------------------------------------------------------------------------

int run_inspect(const InspectOptions& o, const CLI::App& cmd) {
  const std::vector<std::string>& tensor_names = o.tensors;
  const bool list = std::find(tensor_names.begin(), tensor_names.end(), "list") != tensor_names.end();
  const bool any_input = given(cmd, "text") || given(cmd, "ids") || given(cmd, "source") || given(cmd, "target");
  if (!any_input && !list) throw UsageError("missing --text TEXT or --ids LIST (--source TEXT for an encoder-decoder)");
  Checkpoint file = load_model_file(o.model);
  if (file.seq2seq()) {
    if (given(cmd, "text") || given(cmd, "ids"))
      throw UsageError(o.model + " is an encoder-decoder: give --source TEXT (and optionally --target TEXT)");
    if (!given(cmd, "source")) throw UsageError("missing --source TEXT (" + o.model + " is an encoder-decoder)");
    return run_inspect_seq2seq(std::move(file), o.source, given(cmd, "target") ? &o.target : nullptr, o.json,
                               tensor_names);
  }
  if (given(cmd, "source") || given(cmd, "target"))
    throw UsageError("--source and --target are for encoder-decoder checkpoints; " + o.model + " is a GPT: use --text");
  check_input_flags(cmd, list);
  GptCheckpoint ck = gpt_of(std::move(file), o.model);
  if (list && !given(cmd, "text") && !given(cmd, "ids")) {  // the names do not depend on the text: one token will do
    print_tensor_list(recorded_forward(*ck.model, {Tokenizer::BOS}).record, o.json, true);
    return kExitOk;
  }
  const Sequence s = requested_sequence(o, cmd, ck);
  const Pass pass = recorded_forward(*ck.model, s.ids);
  if (list) {
    print_tensor_list(pass.record, o.json, false);
    return kExitOk;
  }
  for (const auto& name : tensor_names) {
    if (!pass.record.has(name))
      throw UsageError("--tensor " + name + ": no recorded tensor by that name; --tensor list shows them");
  }
  if (o.json) {
    std::cout << inspection_json(ck, s, pass, tensor_names).dump() << std::endl;
  } else {
    print_summary(ck, s, pass, tensor_names);
  }
  return kExitOk;
}

}  // namespace

Command register_inspect(CLI::App& app) {
  CLI::App& cmd =
      add_command(app, "inspect", "show one forward pass: tokens, logits, attention, any intermediate",
                  "Runs the text (--text TEXT or --ids 3,1,4) through the model once and records every intermediate\n"
                  "(see --tensor list). With --json, prints one JSON object: tokens [{id, text}], logits [T][V],\n"
                  "attention [L][H][T][T] (softmax probabilities, rows sum to 1), loss (mean next-token cross-entropy\n"
                  "over the T-1 targets, null for one token), config, and tensors {NAME: {shape, data}} for each\n"
                  "--tensor (-inf -> null). For an encoder-decoder checkpoint give --source (and --target): the JSON\n"
                  "then has source and target tokens, logits [T][V], loss, and attention {encoder [L][H][S][S],\n"
                  "decoder [L][H][T][T], cross [L][H][T][S]}.");
  auto o = std::make_shared<InspectOptions>();
  add_text(cmd, "model", o->model, "FILE", "checkpoint written by tinyformer train")->required();
  add_text(cmd, "text", o->text, "TEXT", "the text to run through the model (at most block_size tokens)");
  add_text(cmd, "ids", o->ids, "LIST", "token ids instead of text, comma-separated: 3,1,4");
  add_text(cmd, "source", o->source, "TEXT", "encoder-decoder: the sentence the encoder reads");
  add_text(cmd, "target", o->target, "TEXT", "encoder-decoder: the translation the decoder is fed (default: its own)");
  add_switch(cmd, "json", o->json, "print one JSON object instead of a summary");
  add_repeatable(cmd, "tensor", o->tensors, "NAME",
                 "also print this recorded intermediate, e.g. h0.attn.scores; 'list' shows all");
  return {&cmd, [o, &cmd] { return run_inspect(*o, cmd); }};
}

}  // namespace tf::cli
