// Embind registration only: every function forwards to the engine (src/api/session.hpp and friends)
// and turns C++ exceptions into real JavaScript Errors (Emscripten 3.1.6 would otherwise deliver a bare
// number). A thrown Error carries `code` (stable, translated by the page), `detail` and `detail2`.
// Text arrives as UTF-8 bytes (the JS wrapper passes a Uint8Array, which Embind copies into a
// std::string unchanged), so invalid input reaches the engine's validator as it is.
// Arrays leave as fresh typed-array copies: nothing returned points into wasm memory.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>

#include <malloc.h>
#include <algorithm>
#include <set>

#include <string>
#include <type_traits>
#include <vector>

#include "analysis/formula_terms.hpp"
#include "api/session.hpp"
#include "core/error.hpp"
#include "layers/positional.hpp"
#include "marshal.hpp"
#include "model/word_attention.hpp"
#include "simd/arch.hpp"
#include "text/corpus_prefix.hpp"
#include "text/utf8.hpp"

using emscripten::val;
using tf::ModelSession;
using tf::TrainingSession;
using tf::TranslationSession;

// The import behind tf::wasm::record_error (marshal.hpp): bindings.post.js keeps the error and throws it.
EM_JS(void, tf_record_error, (const char* code, const char* message, double detail, double detail2),
      { tfRecordError(UTF8ToString(code), UTF8ToString(message), detail, detail2); });

namespace {

using tf::wasm::bytes;
using tf::wasm::float32;
using tf::wasm::guarded;
using tf::wasm::ids_from;
using tf::wasm::int32;
using tf::wasm::split_lines;
using tf::wasm::strings;
using tf::wasm::tensor_object;
using tf::wasm::typed_array;

val tokens_array(const std::vector<tf::Token>& tokens) {
  val out = val::array();
  for (const auto& t : tokens) {
    val o = val::object();
    o.set("id", t.id);
    o.set("text", t.text);
    o.set("unknown", t.unknown);
    out.call<void>("push", o);
  }
  return out;
}

// {name: {data, shape}} for every recorded tensor, or only for the names in `only` (a JS array; null or
// undefined: all). Copying is the cost of an inspection: a view that shows one layer asks for that layer.
val inspection_object(const tf::Inspection& rec, const val& only = val::null()) {
  std::set<std::string> wanted;
  const bool all = only.isNull() || only.isUndefined();
  if (!all) {
    const auto n = only["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) wanted.insert(only[i].as<std::string>());
  }
  val out = val::object();
  for (const auto& name : rec.names()) {
    if (!all && !wanted.count(name)) continue;
    const auto& t = rec.get(name);
    out.set(name, tensor_object(t.data(), std::vector<std::size_t>(t.shape().begin(), t.shape().end())));
  }
  return out;
}

// out.names (in computation order) and out.tensors for a recorded pass.
void set_record(val& out, const tf::Inspection& rec, const val& only = val::null()) {
  val names = val::array();
  for (const auto& name : rec.names()) names.call<void>("push", name);
  out.set("names", names);
  out.set("tensors", inspection_object(rec, only));
}

val inspect_object(const tf::InspectResult& r, const val& only) {
  val out = val::object();
  out.set("tokens", tokens_array(r.tokens));
  out.set("ids", int32(r.ids));
  out.set("loss", r.loss);
  set_record(out, r.record, only);
  return out;
}

// ---- free functions ----------------------------------------------------------------------------------

std::string version() { return TINYFORMER_VERSION; }
std::string simd_arch() { return tf::simd::arch_name(); }
// Bytes malloc has handed out and not had back (the memory tests watch it stay flat).
double malloc_in_use() { return static_cast<double>(mallinfo().uordblks); }

val positional_encoding(int T, int C) {
  return guarded([&] {
    const auto table = tf::sinusoidal_table(T, C);
    return tensor_object(table.data(), {static_cast<std::size_t>(T), static_cast<std::size_t>(C)});
  });
}

val split_chars(const std::string& utf8) {
  return guarded([&] {
    val out = val::array();
    for (char32_t cp : tf::decode_utf8(utf8)) out.call<void>("push", tf::encode_utf8({cp}));
    return out;
  });
}

val apply_activation(const std::string& kind, const val& xs) {
  return guarded(
      [&] { return float32(tf::apply_activation(kind, emscripten::convertJSArrayToNumberVector<float>(xs))); });
}

// A tokenizer alone (for comparing char / word / jamo on the same sentence).
void tk_build(tf::Tokenizer& t, const std::string& type, const std::string& corpus) {
  guarded([&] {
    tf::validate_text(corpus, tf::kMaxCorpusBytes);
    t = tf::Tokenizer::build(tf::tokenizer_kind_from_string(type), corpus);
  });
}
val tk_tokenize(tf::Tokenizer& t, const std::string& text) {
  return guarded([&] {
    if (text.size() > tf::kMaxTextBytes) tf::validate_text(text, tf::kMaxTextBytes);
    return tokens_array(t.tokenize(text));
  });
}
std::string tk_decode(tf::Tokenizer& t, const val& ids) {
  return guarded([&] { return t.decode(ids_from(ids)); });
}
std::string tk_json(tf::Tokenizer& t) { return t.to_json(); }

// ---- ModelSession ------------------------------------------------------------------------------------

void ms_create(ModelSession& m, const std::string& config, const std::string& tokenizer, double seed) {
  guarded([&] { m.create(config, tokenizer, seed); });
}
void ms_create_from_corpus(ModelSession& m, const std::string& config, const std::string& type,
                           const std::string& corpus, double seed) {
  guarded([&] { m.create_from_corpus(config, type, corpus, seed); });
}
void ms_load(ModelSession& m, const std::string& checkpoint) {
  guarded([&] { m.load(checkpoint); });
}
val ms_save(ModelSession& m) {
  return guarded([&] { return bytes(m.save()); });
}
std::string ms_info(ModelSession& m) {
  return guarded([&] { return m.info().dump(); });
}
std::string ms_tokenizer_json(ModelSession& m) {
  return guarded([&] { return m.tokenizer().to_json(); });
}
val ms_tokenize(ModelSession& m, const std::string& text) {
  return guarded([&] { return tokens_array(m.tokenize(text)); });
}
std::string ms_decode(ModelSession& m, const val& ids) {
  return guarded([&] { return m.decode(ids_from(ids)); });
}
val ms_inspect(ModelSession& m, const std::string& text, const val& only) {
  return guarded([&] { return inspect_object(m.inspect_text(text), only); });
}
val ms_inspect_ids(ModelSession& m, const val& ids, const val& only) {
  return guarded([&] { return inspect_object(m.inspect_ids(ids_from(ids)), only); });
}
val ms_embed(ModelSession& m, const val& ids, const std::string& positional) {
  return guarded([&] { return inspection_object(m.embed(ids_from(ids), positional)); });
}
val ms_position_similarity(ModelSession& m, const std::string& positional, int T) {
  return guarded([&] {
    const auto sim = m.position_similarity(positional, T);
    return tensor_object(sim.data(), {static_cast<std::size_t>(T), static_cast<std::size_t>(T)});
  });
}
// ---- the 사과 lesson's sense check and the formulas' in-between numbers ----
// Sentences and labels arrive as UTF-8 byte strings joined by '\n' (split_lines, marshal.hpp).
val ms_sense_check(ModelSession& m, const std::string& sentences, const std::string& word, const std::string& labels) {
  return guarded([&] {
    const tf::SenseCheck s = m.sense_check(split_lines(sentences), word, split_lines(labels));
    val within = val::array(), across = val::array();
    for (const auto& g : s.similarity) {
      within.call<void>("push", g.within);
      across.call<void>("push", g.across);
    }
    val out = val::object();
    out.set("occurrences", s.occurrences);
    out.set("senses", strings(s.senses));
    out.set("counts", int32(s.counts));
    out.set("accuracy", float32(s.accuracy));
    out.set("majority", s.majority);
    out.set("within", within);
    out.set("across", across);
    return out;
  });
}
val softmax_terms(const val& z) {
  return guarded([&] {
    const tf::SoftmaxTerms t = tf::softmax_terms(emscripten::convertJSArrayToNumberVector<float>(z));
    val out = val::object();
    out.set("exp", float32(t.exp));
    out.set("sum", t.sum);
    return out;
  });
}
val layer_norm_terms(const val& x, float eps) {
  return guarded([&] {
    const tf::NormTerms t = tf::layer_norm_terms(emscripten::convertJSArrayToNumberVector<float>(x), eps);
    val out = val::object();
    out.set("mean", t.mean);
    out.set("variance", t.variance);
    out.set("rstd", t.rstd);
    return out;
  });
}

// The 사과 lesson's contextual vectors.
val ms_analyze_word(ModelSession& m, const std::string& joined, const std::string& word) {
  return guarded([&] {
    const tf::ContextualAnalysis a = m.analyze_word(split_lines(joined), word);
    const int N = static_cast<int>(a.occurrences.size());
    val occ = val::array();
    for (const auto& o : a.occurrences) {
      val x = val::object();
      x.set("sentence", o.sentence);
      x.set("token", o.token);
      x.set("firstToken", o.first_token);
      occ.call<void>("push", x);
    }
    val tokens = val::array(), vectors = val::array(), cosine = val::array(), projection = val::array(),
        attention = val::array();
    for (const auto& t : a.tokens) tokens.call<void>("push", tokens_array(t));
    for (int l = 0; l < a.layers; ++l) {
      vectors.call<void>(
          "push", tensor_object(a.vectors[l].data(), {static_cast<std::size_t>(N), static_cast<std::size_t>(a.width)}));
      cosine.call<void>("push",
                        tensor_object(a.cosine[l].data(), {static_cast<std::size_t>(N), static_cast<std::size_t>(N)}));
      projection.call<void>("push", tensor_object(a.projection[l].data(), {static_cast<std::size_t>(N), 2}));
    }
    for (const auto& layer : a.attention) {
      val rows = val::array();
      for (const auto& row : layer) rows.call<void>("push", float32(row));
      attention.call<void>("push", rows);
    }
    val out = val::object();
    out.set("occurrences", occ);
    out.set("tokens", tokens);
    out.set("layers", a.layers);
    out.set("vectors", vectors);
    out.set("cosine", cosine);
    out.set("projection", projection);
    out.set("attention", attention);
    return out;
  });
}
val ms_next_token_probs(ModelSession& m, const val& ids, const std::string& sampling) {
  return guarded([&] { return float32(m.next_token_probs(ids_from(ids), sampling)); });
}
// How many leading tokens of `ids` read as the corpus (text/corpus_prefix.hpp): {matched, line}.
val ms_corpus_prefix(ModelSession& m, const std::string& corpus, const val& ids) {
  return guarded([&] {
    const tf::CorpusPrefix p = tf::corpus_prefix(m.tokenizer(), corpus, ids_from(ids));
    val out = val::object();
    out.set("matched", p.matched);
    out.set("line", p.line);
    return out;
  });
}
val ms_generate(ModelSession& m, const val& ids, int max_tokens, const std::string& sampling, double seed) {
  return guarded([&] { return int32(m.generate(ids_from(ids), max_tokens, sampling, seed)); });
}
val ms_parameter(ModelSession& m, const std::string& name) {
  return guarded([&] {
    const auto& p = m.model().param_info(name);
    return tensor_object(m.model().weights().data() + p.offset,
                         std::vector<std::size_t>(p.shape.begin(), p.shape.end()));
  });
}

// The tokens whose embedding rows are nearest token `id`'s (cosine): {ids: Int32Array, cosines: Float32Array}.
val ms_nearest_tokens(ModelSession& m, int id, int k) {
  return guarded([&] {
    std::vector<int> ids;
    std::vector<float> cosines;
    for (const tf::Neighbour& n : m.nearest_tokens(id, k)) ids.push_back(n.id), cosines.push_back(n.cosine);
    val out = val::object();
    out.set("ids", int32(ids));
    out.set("cosines", float32(cosines));
    return out;
  });
}

// ---- TrainingSession ---------------------------------------------------------------------------------

void ts_create(TrainingSession& t, const std::string& spec, const std::string& corpus) {
  guarded([&] { t.create(spec, corpus); });
}
// Columnar results (typed arrays), ready to transfer from a Worker: one entry per racer per step.
val step_results(const std::vector<TrainingSession::RacerStep>& steps) {
  std::vector<int> racer, step, tokens, diverged;
  std::vector<float> loss, grad_norm, lr;
  for (const auto& s : steps) {
    racer.push_back(s.racer);
    step.push_back(s.result.step);
    tokens.push_back(s.result.tokens);
    diverged.push_back(s.diverged ? 1 : 0);
    loss.push_back(s.result.loss);
    grad_norm.push_back(s.result.grad_norm);
    lr.push_back(s.result.lr);
  }
  val out = val::object();
  out.set("racer", int32(racer));
  out.set("step", int32(step));
  out.set("tokens", int32(tokens));
  out.set("diverged", int32(diverged));
  out.set("loss", float32(loss));
  out.set("gradNorm", float32(grad_norm));
  out.set("lr", float32(lr));
  return out;
}
val ts_step(TrainingSession& t, int n) {
  return guarded([&] { return step_results(t.step(n)); });
}
// Split steps (session.hpp): this Worker's block of shards [first, first + count) of the next batch.
// {part: Float32Array (num_parameters), loss: Float32Array, counted, replaced: Int32Array (count each)},
// copies the Worker posts to the others; null once the racer diverged (no batch was drawn).
val ts_step_part(TrainingSession& t, int first, int count) {
  return guarded([&] {
    t.step_part(first, count);
    if (t.split_parts() == 0) return val::null();
    std::vector<float> loss;
    std::vector<int> counted, replaced;
    for (int s = first; s < first + count; ++s) {
      const tf::ShardLoss& l = t.shard_losses()[s];
      loss.push_back(l.loss), counted.push_back(l.counted), replaced.push_back(l.replaced);
    }
    val out = val::object();
    out.set("part", typed_array("Float32Array", t.part(first / count), t.split_part_size()));
    out.set("loss", float32(loss));
    out.set("counted", int32(counted));
    out.set("replaced", int32(replaced));
    return out;
  });
}
// Another Worker's block k, as its stepPart returned it.
void ts_set_part(TrainingSession& t, int k, const val& block) {
  guarded([&] {
    const std::size_t P = t.split_part_size();
    const int W = t.split_parts(), S = static_cast<int>(t.shard_losses().size());
    if (W == 0) throw tf::Error("bad_train_config", "no split step is in flight");
    const int count = S / W;
    if (block.isNull() || block.typeOf().as<std::string>() != "object")
      throw tf::Error("bad_train_config", "a split step's part must be an object", k);
    const val part = block["part"], loss = block["loss"], counted = block["counted"], replaced = block["replaced"];
    const auto length = [](const val& a) { return a.isUndefined() || a.isNull() ? -1.0 : a["length"].as<double>(); };
    if (length(part) != static_cast<double>(P) || length(loss) != count || length(counted) != count ||
        length(replaced) != count)
      throw tf::Error("bad_train_config", "a split step's part does not fit this model", k);
    float* dest = t.part(k);  // checks k
    val(emscripten::typed_memory_view(P, dest)).call<void>("set", part);
    for (int i = 0; i < count; ++i) {
      tf::ShardLoss& l = t.shard_losses()[k * count + i];
      l.loss = loss[i].as<float>();
      l.counted = counted[i].as<int>();
      l.replaced = replaced[i].as<int>();
    }
  });
}
val ts_finish_step(TrainingSession& t) {
  return guarded([&] { return step_results(t.finish_step()); });
}
float ts_evaluate(TrainingSession& t, int racer, int max_batches) {
  return guarded([&] { return t.evaluate(racer, max_batches); });
}
void ts_set_lr(TrainingSession& t, int racer, float lr) {
  guarded([&] { t.set_lr(racer, lr); });
}
void ts_set_sampling_prob(TrainingSession& t, int racer, float p) {
  guarded([&] { t.set_sampling_prob(racer, p); });
}
val ts_optimizer_state(TrainingSession& t, int racer, const std::string& param, const std::string& which) {
  return guarded([&] { return float32(t.optimizer_state(racer, param, which)); });
}
float ts_learning_rate(TrainingSession& t, int racer) {
  return guarded([&] { return t.learning_rate(racer); });
}
val ts_save(TrainingSession& t, int racer) {
  return guarded([&] { return bytes(t.save(racer)); });
}
ModelSession* ts_snapshot(TrainingSession& t, int racer) {
  return guarded([&] { return t.snapshot(racer).release(); });
}
int ts_steps(TrainingSession& t) { return t.steps(); }
std::string ts_info(TrainingSession& t) {
  return guarded([&] { return t.info().dump(); });
}

TranslationSession* ts_snapshot_translation(TrainingSession& t, int racer) {
  return guarded([&] { return t.snapshot_translation(racer).release(); });
}
// {pairs, exactMatch, tokenAccuracy} of one racer's greedy translations of the held-out pairs.
val ts_score_translations(TrainingSession& t, int racer, int max_pairs) {
  return guarded([&] {
    const tf::TranslationScore s = t.score_translations(racer, max_pairs);
    val out = val::object();
    out.set("pairs", s.pairs);
    out.set("exactMatch", s.exact_match);
    out.set("tokenAccuracy", s.token_accuracy);
    return out;
  });
}
// [{source, target, line}] as written, in the order scoreTranslations goes through them.
val ts_held_out_pairs(TrainingSession& t) {
  return guarded([&] {
    val out = val::array();
    for (const tf::TextPair& p : t.held_out_pairs()) {
      val o = val::object();
      o.set("source", p.source);
      o.set("target", p.target);
      o.set("line", p.line);
      out.call<void>("push", o);
    }
    return out;
  });
}

// ---- TranslationSession (the encoder-decoder) ---------------------------------------------------------

void tr_load(TranslationSession& s, const std::string& bytes) {
  guarded([&] { s.load(bytes); });
}
val tr_save(TranslationSession& s) {
  return guarded([&] { return bytes(s.save()); });
}
std::string tr_info(TranslationSession& s) {
  return guarded([&] { return s.info().dump(); });
}
std::string tr_tokenizers_json(TranslationSession& s) {
  return guarded([&] {
    return "{\"source\": " + s.source_tokenizer().to_json() + ", \"target\": " + s.target_tokenizer().to_json() + "}";
  });
}
val tr_translate(TranslationSession& s, const std::string& text, const std::string& sampling, int max_tokens,
                 double seed) {
  return guarded([&] {
    const tf::TranslateResult r = s.translate(text, sampling, max_tokens, seed);
    val out = val::object();
    out.set("sourceTokens", tokens_array(r.source_tokens));
    out.set("source", int32(r.source));
    out.set("output", int32(r.output));
    out.set("stepProbs", float32(r.step_probs));
    out.set("finished", r.finished);
    out.set("text", r.output_text);
    set_record(out, r.record);
    return out;
  });
}
val tr_inspect(TranslationSession& s, const std::string& source, const std::string& target, int pad) {
  return guarded([&] {
    const tf::Seq2SeqInspectResult r = s.inspect(source, target, pad);
    val out = val::object();
    out.set("sourceTokens", tokens_array(r.source_tokens));
    out.set("targetTokens", tokens_array(r.target_tokens));
    out.set("source", int32(r.source));
    out.set("inputs", int32(r.inputs));
    out.set("targets", int32(r.targets));
    out.set("loss", r.loss);
    set_record(out, r.record);
    return out;
  });
}

val tr_compare_decoding(TranslationSession& s, const std::string& source, const std::string& reference) {
  return guarded([&] {
    const tf::DecodingComparison c = s.compare_decoding(source, reference);
    val out = val::object();
    out.set("sourceTokens", tokens_array(c.source_tokens));
    out.set("referenceTokens", tokens_array(c.reference_tokens));
    out.set("reference", int32(c.reference));
    out.set("forcedTop", int32(c.forced_top));
    out.set("forcedTopProb", float32(c.forced_top_prob));
    out.set("forcedRefProb", float32(c.forced_ref_prob));
    out.set("forcedLoss", c.forced_loss);
    out.set("forcedMistakes", c.forced_mistakes);
    out.set("freeIds", int32(c.free_ids));
    out.set("freeProbs", float32(c.free_probs));
    out.set("freeFinished", c.free_finished);
    out.set("firstMistake", c.first_mistake);
    return out;
  });
}
val tr_parameter(TranslationSession& s, const std::string& name) {
  return guarded([&] {
    const auto& p = s.model().param_info(name);
    return tensor_object(s.model().weights().data() + p.offset,
                         std::vector<std::size_t>(p.shape.begin(), p.shape.end()));
  });
}

// Attention between words (model/word_attention.hpp): probs (H, R, X) with the ids and texts of the row and
// column tokens.
val word_attention(const val& probs, int H, int R, int X, const val& row_ids, const val& row_texts, const val& col_ids,
                   const val& col_texts) {
  return guarded([&] {
    const std::vector<float> p = emscripten::convertJSArrayToNumberVector<float>(probs);
    if (H < 1 || R < 0 || X < 0 || p.size() != static_cast<std::size_t>(H) * R * X) {
      throw tf::Error("bad_shape", "the attention tensor has " + std::to_string(p.size()) + " values, not " +
                                       std::to_string(H) + "×" + std::to_string(R) + "×" + std::to_string(X));
    }
    const tf::WordGroups rows = tf::group_words(ids_from(row_ids), emscripten::vecFromJSArray<std::string>(row_texts));
    const tf::WordGroups cols = tf::group_words(ids_from(col_ids), emscripten::vecFromJSArray<std::string>(col_texts));
    const tf::WordAttention w = tf::aggregate_attention(p.data(), H, R, X, rows, cols);
    val out = val::object();
    out.set("weights",
            tensor_object(w.weights.data(), {static_cast<std::size_t>(w.rows), static_cast<std::size_t>(w.cols)}));
    out.set("rest", float32(w.rest));
    out.set("rowWords", strings(rows.words));
    out.set("colWords", strings(cols.words));
    out.set("rowGroup", int32(rows.group));
    out.set("colGroup", int32(cols.group));
    return out;
  });
}

// The mean over heads of an (H, ...) attention tensor: {data, shape} without the head axis.
val head_mean(const val& probs, const val& shape) {
  return guarded([&] {
    const std::vector<float> p = emscripten::convertJSArrayToNumberVector<float>(probs);
    const std::vector<int> dims = ids_from(shape);
    std::size_t rest = 1;
    for (std::size_t i = 1; i < dims.size(); ++i) rest *= static_cast<std::size_t>(std::max(0, dims[i]));
    if (dims.size() < 2 || dims[0] < 1 || p.size() != static_cast<std::size_t>(dims[0]) * rest) {
      throw tf::Error("bad_shape", "head_mean needs an (H, ...) tensor whose values match its shape");
    }
    const std::vector<float> m = tf::mean_over_heads(p.data(), dims[0], rest);
    return tensor_object(m.data(), std::vector<std::size_t>(dims.begin() + 1, dims.end()));
  });
}

}  // namespace

void tf::wasm::record_error(const PendingError& error) {
  tf_record_error(error.code.c_str(), error.message.c_str(), static_cast<double>(error.detail),
                  static_cast<double>(error.detail2));
}

EMSCRIPTEN_BINDINGS(tinyformer) {
  using emscripten::allow_raw_pointers;
  emscripten::function("version", &version);
  emscripten::function("simdArch", &simd_arch);
  emscripten::function("mallocInUse", &malloc_in_use);
  emscripten::function("positionalEncoding", &positional_encoding);
  emscripten::function("splitChars", &split_chars);
  emscripten::function("applyActivation", &apply_activation);
  emscripten::function("wordAttention", &word_attention);
  emscripten::function("headMean", &head_mean);
  emscripten::function("softmaxTerms", &softmax_terms);
  emscripten::function("layerNormTerms", &layer_norm_terms);

  emscripten::class_<tf::Tokenizer>("Tokenizer")
      .constructor<>()
      .function("build", &tk_build)
      .function("tokenize", &tk_tokenize)
      .function("decode", &tk_decode)
      .function("json", &tk_json);

  emscripten::class_<ModelSession>("ModelSession")
      .constructor<>()
      .function("create", &ms_create)
      .function("createFromCorpus", &ms_create_from_corpus)
      .function("load", &ms_load)
      .function("save", &ms_save)
      .function("info", &ms_info)
      .function("tokenizerJson", &ms_tokenizer_json)
      .function("tokenize", &ms_tokenize)
      .function("decode", &ms_decode)
      .function("inspect", &ms_inspect)
      .function("inspectIds", &ms_inspect_ids)
      .function("embed", &ms_embed)
      .function("analyzeWord", &ms_analyze_word)
      .function("senseCheck", &ms_sense_check)
      .function("positionSimilarity", &ms_position_similarity)
      .function("nextTokenProbs", &ms_next_token_probs)
      .function("generate", &ms_generate)
      .function("corpusPrefix", &ms_corpus_prefix)
      .function("parameter", &ms_parameter)
      .function("nearestTokens", &ms_nearest_tokens);

  emscripten::class_<TrainingSession>("TrainingSession")
      .constructor<>()
      .function("create", &ts_create)
      .function("step", &ts_step)
      .function("stepPart", &ts_step_part)
      .function("setPart", &ts_set_part)
      .function("finishStep", &ts_finish_step)
      .function("evaluate", &ts_evaluate)
      .function("setLearningRate", &ts_set_lr)
      .function("setSamplingProb", &ts_set_sampling_prob)
      .function("optimizerState", &ts_optimizer_state)
      .function("learningRate", &ts_learning_rate)
      .function("save", &ts_save)
      .function("snapshot", &ts_snapshot, allow_raw_pointers())
      .function("snapshotTranslation", &ts_snapshot_translation, allow_raw_pointers())
      .function("scoreTranslations", &ts_score_translations)
      .function("heldOutPairs", &ts_held_out_pairs)
      .function("steps", &ts_steps)
      .function("info", &ts_info);

  emscripten::class_<TranslationSession>("TranslationSession")
      .constructor<>()
      .function("load", &tr_load)
      .function("save", &tr_save)
      .function("info", &tr_info)
      .function("tokenizersJson", &tr_tokenizers_json)
      .function("translate", &tr_translate)
      .function("inspect", &tr_inspect)
      .function("compareDecoding", &tr_compare_decoding)
      .function("parameter", &tr_parameter);
}
