#include "api/cbow_session.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "io/checkpoint.hpp"
#include "text/particles.hpp"
#include "text/utf8.hpp"
#include "train/setup.hpp"

namespace tf {
namespace {

constexpr std::size_t kMaxSentenceBytes = 64 * 1024;

bool is_blank(const std::string& w) { return !w.empty() && w.find_first_not_of('_') == std::string::npos; }

}  // namespace

void CbowSession::load(std::string_view checkpoint_bytes) {
  Checkpoint ck = load_checkpoint_bytes(checkpoint_bytes);
  adopt(ck.take_cbow(), std::move(ck.tokenizer));
}

void CbowSession::adopt(std::unique_ptr<Cbow> model, Tokenizer vocab) {
  model_ = std::move(model);
  vocab_ = std::move(vocab);
}

std::string CbowSession::save() const {
  if (!model_) throw Error("no_model", "there is no model yet");
  return save_checkpoint_bytes(*model_, vocab_);
}

Cbow& CbowSession::model() {
  if (!model_) throw Error("no_model", "there is no model yet");
  return *model_;
}

std::vector<std::string> CbowSession::words() const {
  std::vector<std::string> out;
  for (int id = 0; id < vocab_.vocab_size(); ++id) out.push_back(word_text(vocab_, id));
  return out;
}

nlohmann::json CbowSession::info() const {
  if (!model_) throw Error("no_model", "there is no model yet");
  return {{"arch", "cbow"},
          {"config", model_->config_json()},
          {"words", words()},
          {"vocab_size", vocab_.vocab_size()},
          {"num_parameters", model_->num_parameters()}};
}

int CbowSession::word_id(std::string_view word) const {
  if (!model_) throw Error("no_model", "there is no model yet");
  validate_text(word, kMaxSentenceBytes, "the word");
  std::vector<std::string> words;
  const std::vector<int> ids = sentence_ids(word, words);
  if (words.empty()) throw Error("empty_text", "the word is empty");
  // One word, or a word with its particle split off: the stem names the word.
  if (ids[0] < 0) throw Error("unknown_word", "'" + std::string(word) + "' is not in the vocabulary");
  return ids[0];
}

std::vector<int> CbowSession::sentence_ids(std::string_view text, std::vector<std::string>& words) const {
  // Whitespace-separated chunks first, so a blank (a run of underscores, which the word tokenizer would read as
  // punctuation) stays one word, also when a particle is glued to it (___을); the rest becomes words
  // (punctuation dropped).
  std::vector<std::string> raw;
  std::vector<int> ids;
  std::string chunk;
  // A chunk is cut into runs of underscores (blanks) and the text between them: "___을" → ___, 을.
  auto flush = [&] {
    std::size_t pos = 0;
    while (pos < chunk.size()) {
      const bool blank = chunk[pos] == '_';
      std::size_t end = blank ? chunk.find_first_not_of('_', pos) : chunk.find('_', pos);
      if (end == std::string::npos) end = chunk.size();
      const std::string piece = chunk.substr(pos, end - pos);
      if (blank) {
        raw.push_back(piece);
        ids.push_back(-1);
      } else {
        const std::vector<int> part = encode_words(vocab_, piece, &raw);
        ids.insert(ids.end(), part.begin(), part.end());
      }
      pos = end;
    }
    chunk.clear();
  };
  for (char32_t cp : decode_utf8(text)) {  // throws invalid_utf8
    if (is_whitespace(cp))
      flush();
    else
      append_utf8(chunk, cp);
  }
  flush();
  std::vector<int> out;
  words.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (ids[i] < 0 && !is_blank(raw[i])) {
      const WordSplit s = split_word(raw[i]);
      const std::vector<int> stem = s.particle.empty() ? std::vector<int>{} : encode_words(vocab_, s.stem);
      if (stem.size() == 1 && stem[0] >= 0) {
        const std::vector<int> particle = encode_words(vocab_, s.particle);
        words.push_back(s.stem), out.push_back(stem[0]);
        words.push_back(s.particle), out.push_back(particle.size() == 1 ? particle[0] : -1);
        continue;
      }
    }
    words.push_back(raw[i]);
    out.push_back(ids[i]);
  }
  return out;
}

const float* CbowSession::table(const std::string& which) const {
  if (!model_) throw Error("no_model", "there is no model yet");
  if (which == "input") return model_->input_vectors();
  if (which == "output") return model_->output_vectors();
  throw Error("bad_table", "the table must be input or output, got '" + which + "'");
}

std::vector<float> CbowSession::vectors(const std::string& which) const {
  const float* t = table(which);
  return std::vector<float>(t, t + static_cast<std::size_t>(model_->config().vocab_size) * model_->config().dim);
}

std::vector<Neighbour> CbowSession::neighbours(std::string_view word, int k, const std::string& which) const {
  const float* t = table(which);
  if (k < 1 || k > 100) throw Error("bad_k", "k must be in [1, 100]", k, 100);
  const int id = word_id(word);
  return nearest_neighbours(t, model_->config().vocab_size, model_->config().dim, id, k, Tokenizer::kNumSpecials);
}

Projection CbowSession::projection(int n, const std::vector<float>* previous, const std::string& which) const {
  const float* t = table(which);
  const int words = model_->config().vocab_size - Tokenizer::kNumSpecials;
  if (n < 1) throw Error("bad_shape", "a map needs at least one word", n, words);
  n = std::min(n, words);
  return pca_project(t + static_cast<std::size_t>(Tokenizer::kNumSpecials) * model_->config().dim, n,
                     model_->config().dim, previous);
}

BlankResult CbowSession::fill_blank(std::string_view text, int k) {
  Cbow& m = model();
  validate_text(text, kMaxSentenceBytes);
  if (k < 1 || k > 100) throw Error("bad_k", "k must be in [1, 100]", k, 100);
  BlankResult r;
  r.ids = sentence_ids(text, r.words);
  int blanks = 0;
  for (std::size_t i = 0; i < r.words.size(); ++i)
    if (is_blank(r.words[i])) r.blank = static_cast<int>(i), ++blanks;
  if (blanks != 1) {
    throw Error("no_blank",
                blanks == 0 ? "write the blank as ___ (underscores) where a word is missing"
                            : "write only one blank (___); this sentence has " + std::to_string(blanks),
                blanks);
  }
  const int W = m.config().window;
  std::vector<int> known(r.ids);
  for (int& id : known) id = id < 0 ? Tokenizer::PAD : id;
  r.context.resize(2 * W), r.context_positions.resize(2 * W);
  context_window(known, r.blank, W, r.context.data(), r.context_positions.data());
  for (int j = 0; j < 2 * W; ++j)
    if (r.context[j] == Tokenizer::PAD) r.context_positions[j] = -1;
  std::vector<int> ctx;
  for (int id : r.context)
    if (id != Tokenizer::PAD) ctx.push_back(id);
  if (ctx.empty()) {
    throw Error("unknown_word",
                "none of the words next to the blank (within " + std::to_string(W) + ") is in the vocabulary");
  }
  // CBOW reads the whole context at once; a skip-gram model reads one word at a time, so its guess for the
  // blank is the average of what each context word predicts.
  Inspection rec;
  const int V = m.config().vocab_size;
  r.probs.assign(V, 0.0f);
  if (m.config().mode == CbowMode::Cbow) {
    m.inspect(ctx, Network::kIgnore, {}, rec);
    std::copy_n(m.probs(), V, r.probs.begin());
  } else {
    for (int id : ctx) {
      m.inspect({id}, Network::kIgnore, {}, rec);
      for (int v = 0; v < V; ++v) r.probs[v] += m.probs()[v] / static_cast<float>(ctx.size());
    }
  }
  r.guesses = top_k(r.probs.data(), V, k, Tokenizer::kNumSpecials);
  return r;
}

CbowInspectResult CbowSession::inspect(std::string_view text, int centre) {
  Cbow& m = model();
  validate_text(text, kMaxSentenceBytes);
  CbowInspectResult r;
  r.ids = sentence_ids(text, r.words);
  const int n = static_cast<int>(r.words.size());
  if (n == 0) throw Error("empty_text", "the sentence has no words");
  if (centre < 0 || centre >= n)
    throw Error("bad_shape", "the centre must be a word of the sentence: 0 to " + std::to_string(n - 1), centre, n);
  const int W = m.config().window;
  std::vector<int> known(r.ids);
  for (int& id : known) id = id < 0 ? Tokenizer::PAD : id;
  r.centre = centre;
  r.context.resize(2 * W), r.context_positions.resize(2 * W);
  context_window(known, centre, W, r.context.data(), r.context_positions.data());
  for (int j = 0; j < 2 * W; ++j)
    if (r.context[j] == Tokenizer::PAD) r.context_positions[j] = -1;
  for (int c = 0; c < n; ++c) {
    std::vector<CbowPair> pairs = window_pairs(known, c, W, m.config().mode);
    // pairs with an unknown word (PAD) as the target or as the only input are not training pairs
    pairs.erase(std::remove_if(pairs.begin(), pairs.end(),
                               [](const CbowPair& p) {
                                 return p.target == Tokenizer::PAD ||
                                        std::all_of(p.inputs.begin(), p.inputs.end(),
                                                    [](int id) { return id == Tokenizer::PAD; });
                               }),
                pairs.end());
    r.sentence_pairs.push_back(std::move(pairs));
  }
  r.pairs = r.sentence_pairs[centre];
  std::vector<int> ctx;
  for (int id : r.context)
    if (id != Tokenizer::PAD) ctx.push_back(id);
  const int target = r.ids[centre] < 0 ? Network::kIgnore : r.ids[centre];
  if (ctx.empty()) throw Error("unknown_word", "no word of the vocabulary is next to this word", W);
  // The record is the CBOW view of the window (the mean of the context, the guess for the centre) in either mode:
  // for skip-gram it shows what the context words predict together.
  std::vector<int> noise;
  if (m.config().loss == CbowLoss::Negative) {
    // A fixed, seeded draw of noise words from the vocabulary (uniform over words), so the numbers are repeatable.
    Rng rng(static_cast<std::uint64_t>(centre) + 1, 0x1e5);
    for (int k = 0; k < m.config().negatives; ++k)
      noise.push_back(Tokenizer::kNumSpecials + static_cast<int>(rng.below(static_cast<std::uint32_t>(
                                                    m.config().vocab_size - Tokenizer::kNumSpecials))));
  }
  if (m.config().mode == CbowMode::SkipGram) {
    // skip-gram's table has one slot: inspect the first context word → centre, the pair the page starts on
    r.loss = m.inspect({ctx[0]}, target, noise, r.record);
  } else {
    r.loss = m.inspect(ctx, target, noise, r.record);
  }
  return r;
}

}  // namespace tf
