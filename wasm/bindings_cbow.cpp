// Embind registration only, for word vectors (CBOW): CbowSession (src/api/cbow_session.hpp), the
// TrainingSession's snapshot of a word-vector racer, and a GPT's token rows vs its contextual vectors of a word
// (analysis/compare_vectors.hpp), which words.html sets beside the word vectors. Kept beside bindings.cpp in its own
// file and its own EMSCRIPTEN_BINDINGS block; errors become JavaScript Errors with `code`, `detail`, `detail2` as
// there.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "analysis/compare_vectors.hpp"
#include "api/cbow_session.hpp"
#include "api/session.hpp"
#include "core/error.hpp"
#include "marshal.hpp"
#include "text/particles.hpp"

using emscripten::val;
using tf::CbowSession;

namespace {

using tf::wasm::float32;
using tf::wasm::guarded;
using tf::wasm::int32;
using tf::wasm::split_lines;
using tf::wasm::strings;
val tensor(const float* data, const std::vector<std::size_t>& shape) { return tf::wasm::tensor_object(data, shape); }

val record(const tf::Inspection& rec) {
  val names = val::array(), tensors = val::object();
  for (const auto& name : rec.names()) {
    names.call<void>("push", name);
    const auto& t = rec.get(name);
    tensors.set(name, tensor(t.data(), std::vector<std::size_t>(t.shape().begin(), t.shape().end())));
  }
  val out = val::object();
  out.set("names", names);
  out.set("tensors", tensors);
  return out;
}

// Columnar: {ids: Int32Array, values: Float32Array}
template <class T, class Get>
val columns(const std::vector<T>& items, const char* value_name, Get&& get) {
  std::vector<int> ids;
  std::vector<float> values;
  for (const T& x : items) ids.push_back(x.id), values.push_back(get(x));
  val out = val::object();
  out.set("ids", int32(ids));
  out.set(value_name, float32(values));
  return out;
}

val pairs_array(const std::vector<tf::CbowPair>& pairs) {
  val out = val::array();
  for (const auto& p : pairs) {
    val o = val::object();
    o.set("inputs", int32(p.inputs));
    o.set("inputPositions", int32(p.input_positions));
    o.set("target", p.target);
    o.set("targetPosition", p.target_position);
    out.call<void>("push", o);
  }
  return out;
}

void cs_load(CbowSession& s, const std::string& bytes) {
  guarded([&] { s.load(bytes); });
}
val cs_save(CbowSession& s) {
  return guarded([&] {
    const std::string b = s.save();
    return tf::wasm::bytes(b);
  });
}
std::string cs_info(CbowSession& s) {
  return guarded([&] { return s.info().dump(); });
}
int cs_word_id(CbowSession& s, const std::string& word) {
  return guarded([&] { return s.word_id(word); });
}
val cs_neighbours(CbowSession& s, const std::string& word, int k, const std::string& table) {
  return guarded(
      [&] { return columns(s.neighbours(word, k, table), "cosine", [](const tf::Neighbour& n) { return n.cosine; }); });
}
// previous: a Float32Array of (n, 2) points, or null/undefined.
val cs_projection(CbowSession& s, int n, const val& previous, const std::string& table) {
  return guarded([&] {
    std::vector<float> prev;
    const bool has_prev = !previous.isNull() && !previous.isUndefined();
    if (has_prev) prev = emscripten::convertJSArrayToNumberVector<float>(previous);
    const tf::Projection p = s.projection(n, has_prev ? &prev : nullptr, table);
    const std::size_t N = p.points.size() / 2, C = p.mean.size();
    val out = val::object();
    out.set("points", tensor(p.points.data(), {N, 2}));
    out.set("axes", tensor(p.axes.data(), {2, C}));
    out.set("explained", float32({p.explained[0], p.explained[1]}));
    out.set("aligned", p.aligned);
    return out;
  });
}
val cs_fill_blank(CbowSession& s, const std::string& text, int k) {
  return guarded([&] {
    const tf::BlankResult r = s.fill_blank(text, k);
    val out = columns(r.guesses, "probs", [](const tf::Guess& g) { return g.prob; });
    out.set("words", strings(r.words));
    out.set("wordIds", int32(r.ids));
    out.set("blank", r.blank);
    out.set("context", int32(r.context));
    out.set("contextPositions", int32(r.context_positions));
    out.set("allProbs", float32(r.probs));
    return out;
  });
}
val cs_inspect(CbowSession& s, const std::string& text, int centre) {
  return guarded([&] {
    const tf::CbowInspectResult r = s.inspect(text, centre);
    val out = record(r.record);
    out.set("words", strings(r.words));
    out.set("wordIds", int32(r.ids));
    out.set("centre", r.centre);
    out.set("context", int32(r.context));
    out.set("contextPositions", int32(r.context_positions));
    out.set("pairs", pairs_array(r.pairs));
    val all = val::array();
    for (const auto& p : r.sentence_pairs) all.call<void>("push", pairs_array(p));
    out.set("sentencePairs", all);
    out.set("loss", r.loss);
    return out;
  });
}
val cs_vectors(CbowSession& s, const std::string& table) {
  return guarded([&] {
    const std::vector<float> v = s.vectors(table);
    const auto& c = s.model().config();
    return tensor(v.data(), {static_cast<std::size_t>(c.vocab_size), static_cast<std::size_t>(c.dim)});
  });
}
// category: Int32Array (V), −1 for unlabelled ids.
std::string cs_cluster_score(CbowSession& s, const val& category, int k, const std::string& table) {
  return guarded([&] {
    const std::vector<float> v = s.vectors(table);
    const auto& c = s.model().config();
    const tf::ClusterScore r =
        tf::cluster_score(v.data(), c.vocab_size, c.dim, emscripten::convertJSArrayToNumberVector<int>(category), k);
    nlohmann::json j = {{"share", r.share},   {"chance", r.chance}, {"within", r.within},
                        {"across", r.across}, {"gap", r.gap},       {"words", r.words}};
    return j.dump();
  });
}

CbowSession* ts_snapshot_cbow(tf::TrainingSession& t, int racer) {
  return guarded([&] { return t.snapshot_cbow(racer).release(); });
}
std::string split_particles(const std::string& text) {
  return guarded([&] { return tf::split_particles(text); });
}

val sense_similarity(const tf::SenseSimilarity& g) {
  val o = val::object();
  o.set("within", g.within);
  o.set("across", g.across);
  o.set("withinPairs", g.within_pairs);
  o.set("acrossPairs", g.across_pairs);
  return o;
}
// sentences: one UTF-8 string joined by '\n'; labels: an array (per sentence) of arrays of strings.
val ms_compare_senses(tf::ModelSession& m, const std::string& joined, const std::string& word, const val& labels) {
  return guarded([&] {
    const std::vector<std::string> sentences = split_lines(joined);
    std::vector<std::vector<std::string>> senses;
    const int S = labels["length"].as<int>();
    for (int i = 0; i < S; ++i) senses.push_back(emscripten::vecFromJSArray<std::string>(labels[i]));
    const tf::SenseComparison c = tf::compare_senses(m.model(), m.tokenizer(), sentences, word, senses);
    const std::size_t N = c.labels.size(), C = static_cast<std::size_t>(c.contextual.width);
    val occ = val::array(), cosine = val::array(), groups = val::array();
    for (const auto& o : c.contextual.occurrences) {
      val x = val::object();
      x.set("sentence", o.sentence);
      x.set("token", o.token);
      x.set("firstToken", o.first_token);
      occ.call<void>("push", x);
    }
    for (int l = 0; l < c.contextual.layers; ++l) {
      cosine.call<void>("push", tensor(c.contextual.cosine[l].data(), {N, N}));
      groups.call<void>("push", sense_similarity(c.layer_groups[l]));
    }
    val out = val::object();
    out.set("occurrences", occ);
    out.set("labels", strings(c.labels));
    out.set("labelled", c.labelled);
    out.set("layers", c.contextual.layers);
    out.set("wordTokens", int32(c.word_tokens));
    out.set("wordTexts", strings(c.word_texts));
    out.set("tokenRows", tensor(c.token_rows.data(), {c.word_tokens.size(), C}));
    out.set("embeddingCosine", tensor(c.embedding_cosine.data(), {N, N}));
    out.set("embeddingGroups", sense_similarity(c.embedding_groups));
    out.set("cosine", cosine);
    out.set("layerGroups", groups);
    return out;
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(tinyformer_cbow) {
  using emscripten::allow_raw_pointers;
  emscripten::function("splitParticles", &split_particles);
  emscripten::function("snapshotCbow", &ts_snapshot_cbow, allow_raw_pointers());
  emscripten::function("compareSenses", &ms_compare_senses);
  emscripten::class_<CbowSession>("CbowSession")
      .constructor<>()
      .function("load", &cs_load)
      .function("save", &cs_save)
      .function("info", &cs_info)
      .function("wordId", &cs_word_id)
      .function("neighbours", &cs_neighbours)
      .function("projection", &cs_projection)
      .function("fillBlank", &cs_fill_blank)
      .function("inspect", &cs_inspect)
      .function("vectors", &cs_vectors)
      .function("clusterScore", &cs_cluster_score);
}
