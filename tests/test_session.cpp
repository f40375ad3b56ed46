// The facades the page uses (what wasm/bindings.cpp registers), tested natively.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <sstream>
#include <utility>

#include "api/session.hpp"
#include "core/error.hpp"
#include "grad_check.hpp"
#include "io/checkpoint.hpp"

using namespace tf;
using tf::test::code_of;

namespace {

const char* kCorpus =
    "나는 밥을 먹었다.\n밥을 나는 먹었다.\n고양이는 귀엽다.\n강아지는 귀엽다.\n나는 사과를 먹었다.\n"
    "너는 빵을 먹었다.\n고양이는 물을 마셨다.\n강아지는 우유를 마셨다.\n나는 학교에 갔다.\n동생은 집에 갔다.\n";

}  // namespace

TEST_CASE("a model session builds from a corpus, inspects, predicts and round-trips", "[session]") {
  ModelSession m;
  m.create_from_corpus(R"({"n_layer": 1, "n_head": 2, "n_embd": 16, "block_size": 16})", "char", kCorpus, 3);
  const auto info = m.info();
  CHECK(info["vocab_size"] == m.tokenizer().vocab_size());
  CHECK(info["config"]["vocab_size"] == m.tokenizer().vocab_size());
  CHECK(info["params"][0]["name"] == "transformer.wte.weight");

  const InspectResult r = m.inspect_text("고양이는 귀엽다");
  REQUIRE(r.tokens.size() == 8);
  CHECK(r.tokens[0].text == "고");
  CHECK(r.record.get("h0.attn.probs").shape()[1] == 8);
  CHECK(std::isfinite(r.loss));
  const auto probs = m.next_token_probs(r.ids, R"({"temperature": 1})");
  double sum = 0;
  for (float p : probs) sum += p;
  CHECK(sum == Approx(1.0));
  CHECK(m.generate(r.ids, 5, R"({"temperature": 0.8, "top_k": 5})", 1) ==
        m.generate(r.ids, 5, R"({"temperature": 0.8, "top_k": 5})", 1));

  ModelSession loaded;
  loaded.load(m.save());
  CHECK(loaded.model().weights() == m.model().weights());
  CHECK(loaded.inspect_text("고양이는 귀엽다").loss == r.loss);

  CHECK(code_of([&] { m.inspect_text(""); }) == "empty_text");
  CHECK(code_of([&] { m.inspect_text(std::string(40, 'a')); }) == "too_long");
  CHECK(code_of([&] { m.inspect_text("ab\xC0"); }) == "invalid_utf8");
  CHECK(code_of([&] { m.inspect_text(std::string(kMaxTextBytes + 1, 'a')); }) == "text_too_large");
  CHECK(code_of([&] { m.next_token_probs(r.ids, R"({"top_p": 0})"); }) == "bad_sampling");
  CHECK(code_of([&] { m.next_token_probs(r.ids, "{oops"); }) == "bad_sampling");
  CHECK(code_of([&] { loaded.load("garbage"); }) != "none");
  CHECK(loaded.ready());  // a failed load leaves the previous model in place
  CHECK(code_of([&] { ModelSession().create("{}", R"({"type": "char", "vocab": []})", 1); }) == "bad_tokenizer");
  CHECK(code_of([&] { m.create_from_corpus(R"({"n_head": 3})", "char", kCorpus, 1); }) == "bad_config");
  CHECK(code_of([&] { m.create_from_corpus("{}", "char", std::string("a\0b", 3), 1); }) == "binary_text");
  CHECK(m.ready());
}

TEST_CASE("nearest tokens: the embedding rows closest to a token's row by cosine, as a scalar reference finds them",
          "[session][analysis]") {
  ModelSession m;
  m.create_from_corpus(R"({"n_layer": 1, "n_head": 2, "n_embd": 16, "block_size": 16})", "char", kCorpus, 5);
  const auto& wte = m.model().param_info("transformer.wte.weight");
  const float* table = m.model().weights().data() + wte.offset;
  const int V = static_cast<int>(wte.shape[0]), C = static_cast<int>(wte.shape[1]);
  // the reference: every non-special row but the query's, cosine in double, sorted by hand
  const auto reference = [&](int query) {
    std::vector<std::pair<double, int>> all;
    for (int id = Tokenizer::kNumSpecials; id < V; ++id) {
      if (id == query) continue;
      double ab = 0, aa = 0, bb = 0;
      for (int c = 0; c < C; ++c) {
        const double a = table[query * C + c], b = table[id * C + c];
        ab += a * b, aa += a * a, bb += b * b;
      }
      all.emplace_back(ab / std::sqrt(aa * bb), id);
    }
    std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    return all;
  };
  for (const int query : {Tokenizer::kNumSpecials, V / 2, V - 1}) {
    const auto near = m.nearest_tokens(query, 6);
    const auto ref = reference(query);
    REQUIRE(near.size() == 6u);
    for (std::size_t i = 0; i < near.size(); ++i) {
      CHECK(near[i].id == ref[i].second);
      CHECK(near[i].cosine == Approx(ref[i].first).margin(1e-6));
    }
  }
  CHECK(m.nearest_tokens(V / 2, 100).size() == static_cast<std::size_t>(V - Tokenizer::kNumSpecials - 1));
  CHECK(code_of([&] { m.nearest_tokens(V, 3); }) == "bad_token_id");
  CHECK(code_of([&] { m.nearest_tokens(-1, 3); }) == "bad_token_id");
  CHECK(code_of([&] { m.nearest_tokens(5, 0); }) == "bad_k");
  CHECK(code_of([&] { ModelSession().nearest_tokens(5, 3); }) == "no_model");
}

TEST_CASE("a training session races optimizers from the same weights on the same batches", "[session]") {
  TrainingSession t;
  t.create(R"({"model": {"n_layer": 1, "n_head": 2, "n_embd": 16, "block_size": 16},
               "train": {"batch_size": 4}, "seed": 5, "val_fraction": 0.2,
               "racers": [{"name": "SGD", "optimizer": {"kind": "sgd", "lr": 0.5}},
                          {"name": "Adam", "optimizer": {"kind": "adam", "lr": 0.01}}]})",
           kCorpus);
  CHECK(t.racers() == 2);
  CHECK(t.racer_name(1) == "Adam");
  CHECK(t.has_validation());
  const auto first = t.step(1);
  REQUIRE(first.size() == 2);
  CHECK(first[0].result.loss == first[1].result.loss);  // same weights, same batch
  CHECK(std::isfinite(t.evaluate(1)));                  // held-out loss
  const auto more = t.step(60);
  CHECK(more.size() == 120);
  CHECK(more.back().racer == 1);
  CHECK(more.back().result.loss < 0.7f * first[1].result.loss);  // Adam's training loss falls
  CHECK(t.optimizer_state(1, "transformer.wte.weight", "v").size() == t.info()["vocab"].size() * 16);
  CHECK(code_of([&] { t.optimizer_state(0, "transformer.wte.weight", "v"); }) == "bad_state");  // SGD has no v
  CHECK(code_of([&] { t.evaluate(2); }) == "bad_racer");
  ModelSession snap = std::move(*t.snapshot(1));
  ModelSession loaded;
  loaded.load(t.save(1));
  CHECK(loaded.model().weights() == snap.model().weights());
  t.step(1);  // training goes on; the snapshot does not move
  CHECK(loaded.model().weights() == snap.model().weights());
}

TEST_CASE("a racer whose learning rate blows up is marked diverged; the others go on", "[session]") {
  TrainingSession t;
  t.create(R"({"model": {"n_layer": 1, "n_head": 2, "n_embd": 16, "block_size": 16}, "train": {"batch_size": 4},
               "racers": [{"optimizer": {"kind": "sgd", "lr": 1e6}}, {"optimizer": {"kind": "adam", "lr": 0.003}}]})",
           kCorpus);
  bool diverged = false;
  for (int i = 0; i < 30 && !diverged; ++i)
    for (const auto& s : t.step(1)) diverged = diverged || (s.racer == 0 && s.diverged);
  CHECK(diverged);
  CHECK(t.info()["racers"][0]["diverged"] == true);
  const auto later = t.step(2);
  REQUIRE(later.size() == 2);  // only the healthy racer steps
  CHECK(later[0].racer == 1);
  CHECK(std::isfinite(later[1].result.loss));
}

TEST_CASE("training settings and corpora are validated with clear codes", "[session]") {
  TrainingSession t;
  CHECK(code_of([&] { t.create("{", kCorpus); }) == "bad_train_config");
  CHECK(code_of([&] { t.create(R"({"train": {"batch_size": 0}})", kCorpus); }) == "bad_train_config");
  CHECK(code_of([&] { t.create(R"({"racers": [{"optimizer": {"lr": -1}}]})", kCorpus); }) == "bad_optimizer_config");
  CHECK(code_of([&] { t.create(R"({"racers": [{"optimizer": {"kind": "lion"}}]})", kCorpus); }) == "bad_optimizer");
  CHECK(code_of([&] { t.create("{}", ""); }) == "empty_text");
  CHECK(code_of([&] { t.create("{}", "짧다"); }) == "corpus_too_short");
  CHECK(code_of([&] { t.create(R"({"tokenizer": "bpe"})", kCorpus); }) == "bad_tokenizer");
  CHECK(code_of([&] { t.step(1); }) == "no_model");
}

namespace {

// The tf::Error code of fn and whether its message names `field` ("none" / false when nothing is thrown;
// a foreign exception, e.g. nlohmann's type_error, fails the test).
std::pair<std::string, bool> error_naming(const std::function<void()>& fn, const std::string& field) {
  try {
    fn();
  } catch (const Error& e) {
    return {e.code(), std::string(e.what()).find(field) != std::string::npos};
  }
  return {"none", false};
}

}  // namespace

TEST_CASE("out-of-range and mistyped settings are tf::Errors naming the field, never UB", "[session]") {
  using Expect = std::pair<std::string, bool>;
  ModelSession m;
  m.create_from_corpus(R"({"n_layer": 1, "n_embd": 16, "n_head": 2, "block_size": 16})", "char", kCorpus, 1);
  const std::vector<int> ids = m.tokenizer().encode("나는");
  // 1e10 and 1e20 do not fit an int, 1e300 does not fit a float: converting them would be undefined behaviour.
  for (const char* json : {R"({"top_k": 1e10})", R"({"top_k": 1e20})", R"({"top_k": -1e20})", R"({"top_k": 2.5})"})
    CHECK(error_naming([&] { m.next_token_probs(ids, json); }, "top_k") == Expect{"bad_sampling", true});
  CHECK(error_naming([&] { m.next_token_probs(ids, R"({"temperature": 1e300})"); }, "temperature") ==
        Expect{"bad_sampling", true});
  CHECK(error_naming([&] { m.next_token_probs(ids, R"({"top_p": "x"})"); }, "top_p") == Expect{"bad_sampling", true});
  CHECK(error_naming([&] { m.next_token_probs(ids, "[1]"); }, "sampling") == Expect{"bad_sampling", true});

  TrainingSession t;
  const auto train = [&](const char* spec, const char* field) {
    return error_naming([&] { t.create(spec, kCorpus); }, field);
  };
  CHECK(train(R"({"train": {"batch_size": 1e10}})", "batch_size") == Expect{"bad_train_config", true});
  CHECK(train(R"({"train": {"seq_len": -1e20}})", "seq_len") == Expect{"bad_train_config", true});
  CHECK(train(R"({"train": 5})", "train") == Expect{"bad_train_config", true});
  CHECK(train(R"({"tokenizer": 5})", "tokenizer") == Expect{"bad_train_config", true});
  CHECK(train(R"({"racers": [{"name": 5}]})", "name") == Expect{"bad_train_config", true});
  CHECK(train(R"({"racers": [{"sampling_prob": 1e300}]})", "sampling_prob") == Expect{"bad_train_config", true});
  CHECK(train(R"({"seed": 1.5})", "seed") == Expect{"bad_train_config", true});
  CHECK(train(R"({"racers": [{"optimizer": {"lr": 1e300}}]})", "lr") == Expect{"bad_optimizer_config", true});
  CHECK(train(R"({"racers": [{"optimizer": {"warmup_steps": 1e10}}]})", "warmup_steps") ==
        Expect{"bad_optimizer_config", true});
  CHECK(train(R"({"racers": [{"optimizer": {"total_steps": "x"}}]})", "total_steps") ==
        Expect{"bad_optimizer_config", true});
  CHECK(train(R"({"racers": [{"optimizer": {"kind": 5}}]})", "kind") == Expect{"bad_optimizer_config", true});
  CHECK(train(R"({"model": {"n_layer": "two"}})", "n_layer") == Expect{"bad_config", true});
  CHECK(train(R"({"model": {"n_embd": 1e20}})", "n_embd") == Expect{"bad_config", true});
  CHECK(train(R"({"model": {"ln_eps": 1e300}})", "ln_eps") == Expect{"bad_config", true});
  CHECK(train(R"({"model": {"bias": 1}})", "bias") == Expect{"bad_config", true});
}

TEST_CASE("an embedding with more rows than the tokenizer has pieces never proposes an undecodable id", "[session]") {
  // A valid-looking checkpoint: vocab_size 64 (padded, as nanoGPT pads to 50304) but a 12-piece tokenizer.
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "abcdefgh");
  REQUIRE(tok.vocab_size() == 12);
  ModelConfig c;
  c.n_layer = 1, c.n_head = 2, c.n_embd = 16, c.block_size = 8, c.vocab_size = 64;
  auto model = std::make_unique<Model>(c, 3);
  // Make the padded rows the most likely: every head row past the tokenizer points where the final state points.
  float* wte = model->param("transformer.wte.weight");
  for (int v = 12; v < 64; ++v)
    for (int i = 0; i < 16; ++i) wte[v * 16 + i] = 5.0f;
  ModelSession m;
  m.load(save_checkpoint_bytes(*model, tok));
  const std::vector<int> ids = tok.encode("ab");
  for (const char* sampling : {R"({"temperature": 0})", R"({"temperature": 1})", R"({"temperature": 2, "top_k": 3})"}) {
    const std::vector<float> probs = m.next_token_probs(ids, sampling);
    REQUIRE(probs.size() == 64);
    double inside = 0;
    for (int v = 0; v < 64; ++v) {
      if (v >= 12) CHECK(probs[v] == 0.0f);
      inside += probs[v];
    }
    CHECK(inside == Approx(1.0));
    const std::vector<int> out = m.generate(ids, 20, sampling, 5);
    for (int id : out) CHECK(id < 12);
    CHECK_NOTHROW(m.decode(out));
  }
}

namespace {

std::string read_web(const std::string& path) {
  std::ifstream in(std::string(TF_WEB_DIR) + "/" + path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("a translation session translates with the demo model and shows each step's cross-attention",
          "[session][seq2seq]") {
  TranslationSession s;
  s.load(read_web("models/ko-en-word.safetensors"));
  CHECK(s.info()["arch"] == "seq2seq");
  CHECK(s.info()["src_tokenizer"] == "word");
  const TranslateResult r = s.translate("나는 밥을 먹었다", R"({"temperature": 0})", 32, 1);
  CHECK(r.output_text == "I ate rice");
  CHECK(r.finished);
  REQUIRE(r.source.size() == 5);                           // <bos> 나는 밥을 먹었다 <eos>
  const auto& probs = r.record.get("dec.h1.xattn.probs");  // (H, T, S), T = steps
  REQUIRE(probs.shape()[1] == r.output.size());
  REQUIRE(probs.shape()[2] == 5);
  for (std::size_t t = 0; t < r.output.size(); ++t) {
    double sum = 0;
    for (std::size_t k = 0; k < 5; ++k) sum += probs(0, t, k);
    CHECK(sum == Approx(1.0).margin(1e-5));
  }
  const Seq2SeqInspectResult i = s.inspect("나는 밥을 먹었다", "I ate rice");
  CHECK(i.targets.size() == 4);  // I ate rice <eos>
  CHECK(i.loss < 0.5f);
  CHECK(i.record.has("enc.h0.attn.probs"));
  const Seq2SeqInspectResult own = s.inspect("고양이는 귀엽다", "");
  CHECK(own.target_tokens.size() == 4);  // The cat is cute
  CHECK(code_of([&] { s.translate("", "{}", 8, 1); }) == "empty_text");
  std::string too_long;
  for (int k = 0; k < 40; ++k) too_long += "나는 ";
  CHECK(code_of([&] { s.translate(too_long, "{}", 8, 1); }) == "too_long");
  CHECK(code_of([&] { s.translate("나는\xff", "{}", 8, 1); }) == "invalid_utf8");
  TranslationSession gpt;
  CHECK(code_of([&] { gpt.load(read_web("models/ko-char.safetensors")); }) == "wrong_arch");
  CHECK(s.translate("고양이는 귀엽다", R"({"temperature": 0})", 32, 1).output_text == "The cat is cute");  // usable
}

TEST_CASE("a training session trains encoder-decoder racers on sentence pairs", "[session][seq2seq]") {
  TrainingSession t;
  t.create(R"({"arch": "seq2seq", "model": {"n_encoder_layer": 1, "n_decoder_layer": 1, "n_head": 2, "n_embd": 16,
               "mlp_hidden": 32}, "seed": 5, "train": {"batch_size": 16},
               "racers": [{"optimizer": {"kind": "sgd", "lr": 0.1}}, {"optimizer": {"kind": "adam", "lr": 0.01}}]})",
           read_web("data/ko-en.tsv"));
  CHECK(t.seq2seq());
  CHECK(t.info()["arch"] == "seq2seq");
  CHECK(t.info()["val_pairs"].get<int>() > 0);
  const float before = t.evaluate(1);
  for (int i = 0; i < 6; ++i) t.step(10);
  CHECK(t.evaluate(1) < before * 0.8f);
  TranslationSession loaded;
  loaded.load(t.save(1));
  CHECK(loaded.model().weights() == t.snapshot_translation(1)->model().weights());
  CHECK(code_of([&] { t.snapshot(0); }) == "wrong_arch");
  CHECK(code_of([&] { t.create(R"({"arch": "seq2seq"})", "one line without a tab\n"); }) == "pairs_no_tab");
  CHECK(t.seq2seq());  // a failed create leaves the session as it was
}

TEST_CASE("a seq2seq training session scores a racer's held-out translations and lists the held-out pairs",
          "[session][seq2seq]") {
  const std::string tsv = read_web("data/ko-en.tsv");
  TrainingSession t;
  t.create(R"({"arch": "seq2seq", "model": {"n_encoder_layer": 1, "n_decoder_layer": 1, "n_head": 2, "n_embd": 16,
               "mlp_hidden": 32}, "seed": 3, "train": {"batch_size": 16},
               "racers": [{"optimizer": {"kind": "adam", "lr": 0.01}}]})",
           tsv);
  // every 10th line, as written, in file order
  const std::vector<TextPair> pairs = parse_pairs(tsv);
  const auto& held = t.held_out_pairs();
  REQUIRE(held.size() == t.info()["val_pairs"].get<std::size_t>());
  REQUIRE(held.size() == pairs.size() / 10);
  for (std::size_t i = 0; i < held.size(); ++i) {
    CHECK(held[i].source == pairs[10 * i + 9].source);
    CHECK(held[i].target == pairs[10 * i + 9].target);
  }

  // The score is score_translations over exactly those pairs, encoded with the model's own tokenizers.
  auto independent = [&](int max_pairs) {
    const auto snap = t.snapshot_translation(0);
    std::vector<TokenPair> ids;
    for (const TextPair& p : held) {
      ids.push_back({snap->source_tokenizer().encode(p.source), snap->target_tokenizer().encode(p.target)});
    }
    return tf::score_translations(snap->model(), ids, max_pairs);
  };
  const TranslationScore before = t.score_translations(0);
  CHECK(before.pairs == static_cast<int>(held.size()));
  CHECK(before.exact_match == 0.0);  // random weights write no held-out sentence exactly
  CHECK(before.token_accuracy < 0.2);
  for (int i = 0; i < 15; ++i) t.step(20);
  const TranslationScore after = t.score_translations(0);
  const TranslationScore check = independent(0);
  CHECK(after.exact_match == check.exact_match);
  CHECK(after.token_accuracy == check.token_accuracy);
  CHECK(after.token_accuracy > before.token_accuracy + 0.2);
  const TranslationScore first5 = t.score_translations(0, 5);
  CHECK(first5.pairs == 5);
  CHECK(first5.token_accuracy == independent(5).token_accuracy);
  CHECK(t.score_translations(0, 100000).pairs == before.pairs);  // a bound above the count scores them all

  // Scoring between steps leaves training as it was: the same run without scoring gives the same weights.
  TrainingSession quiet;
  quiet.create(R"({"arch": "seq2seq", "model": {"n_encoder_layer": 1, "n_decoder_layer": 1, "n_head": 2, "n_embd": 16,
                   "mlp_hidden": 32}, "seed": 3, "train": {"batch_size": 16},
                   "racers": [{"optimizer": {"kind": "adam", "lr": 0.01}}]})",
               tsv);
  for (int i = 0; i < 15; ++i) quiet.step(20);
  CHECK(quiet.snapshot_translation(0)->model().weights() == t.snapshot_translation(0)->model().weights());

  CHECK(code_of([&] { t.score_translations(0, -1); }) == "bad_train_config");
  CHECK(code_of([&] { t.score_translations(1); }) == "bad_racer");
  CHECK(t.score_translations(0, 2).pairs == 2);  // still usable

  // Fewer than ten pairs hold none out: the training pairs are scored instead, as evaluate() uses them.
  TrainingSession small;
  small.create(R"({"arch": "seq2seq", "model": {"n_encoder_layer": 1, "n_decoder_layer": 1, "n_head": 2, "n_embd": 8,
                   "mlp_hidden": 16}})",
               "나는 밥을 먹었다\tI ate rice\n고양이는 귀엽다\tThe cat is cute\n");
  REQUIRE(small.held_out_pairs().size() == 2);
  CHECK(small.held_out_pairs()[1].target == "The cat is cute");
  CHECK(small.score_translations(0).pairs == 2);

  TrainingSession gpt;
  gpt.create(R"({"model": {"n_layer": 1, "n_head": 2, "n_embd": 16, "block_size": 16}})", kCorpus);
  CHECK(code_of([&] { gpt.score_translations(0); }) == "wrong_arch");
  CHECK(code_of([&] { gpt.held_out_pairs(); }) == "wrong_arch");
  // a seq2seq session turned into a GPT one forgets its pairs
  small.create(R"({"model": {"n_layer": 1, "n_head": 2, "n_embd": 16, "block_size": 16}})", kCorpus);
  CHECK(code_of([&] { small.held_out_pairs(); }) == "wrong_arch");
}

TEST_CASE("a translation session pads the source on request and the padding mask hides it", "[session][seq2seq]") {
  TranslationSession s;
  s.load(read_web("models/ko-en-word.safetensors"));
  const Seq2SeqInspectResult plain = s.inspect("나는 밥을 먹었다", "I ate rice");
  const Seq2SeqInspectResult padded = s.inspect("나는 밥을 먹었다", "I ate rice", 3);
  REQUIRE(padded.source.size() == 8);  // <bos> 나는 밥을 먹었다 <eos> <pad> <pad> <pad>
  CHECK(padded.source.back() == Tokenizer::PAD);
  const auto& p = padded.record.get("dec.h0.xattn.probs");  // (H, T, S)
  const auto& masked = padded.record.get("dec.h0.xattn.masked");
  const auto& q = plain.record.get("dec.h0.xattn.probs");
  for (std::size_t h = 0; h < p.shape()[0]; ++h)
    for (std::size_t t = 0; t < p.shape()[1]; ++t) {
      for (std::size_t k = 5; k < 8; ++k) {
        CHECK(p(h, t, k) == 0.0f);
        CHECK(std::isinf(masked(h, t, k)));
      }
      for (std::size_t k = 0; k < 5; ++k) CHECK(p(h, t, k) == Approx(q(h, t, k)).margin(1e-6));
    }
  CHECK(padded.loss == Approx(plain.loss).margin(1e-6));
  CHECK(code_of([&] { s.inspect("나는 밥을 먹었다", "I ate rice", 1000); }) == "too_long");
  CHECK(code_of([&] { s.inspect("나는 밥을 먹었다", "I ate rice", -1); }) == "too_long");
}

TEST_CASE("teacher forcing vs free-running: both decodings of a sentence against its reference", "[session][seq2seq]") {
  TranslationSession s;
  s.load(read_web("models/ko-en-word.safetensors"));
  const DecodingComparison good = s.compare_decoding("나는 밥을 먹었다", "I ate rice");
  REQUIRE(good.reference.size() == 4);  // I ate rice <eos>
  CHECK(good.reference.back() == Tokenizer::EOS);
  CHECK(good.first_mistake == -1);
  CHECK(good.forced_mistakes == 0);
  CHECK(good.free_ids == good.reference);
  CHECK(good.free_finished);
  for (std::size_t k = 0; k < 4; ++k) {
    CHECK(good.forced_top[k] == good.reference[k]);
    CHECK(good.forced_top_prob[k] == good.forced_ref_prob[k]);
    CHECK(good.forced_top_prob[k] > 0.5f);
  }
  // A reference the model would not write: free-running leaves it at the first differing word; teacher
  // forcing is put back on the reference after every position.
  const DecodingComparison off = s.compare_decoding("나는 밥을 먹었다", "I ate bread");
  CHECK(off.first_mistake == 2);
  CHECK(off.forced_mistakes >= 1);
  CHECK(off.forced_ref_prob[2] < off.forced_top_prob[2]);
  CHECK(off.forced_loss > good.forced_loss);
  CHECK(code_of([&] { s.compare_decoding("나는 밥을 먹었다", ""); }) == "empty_text");
  CHECK(code_of([&] { s.compare_decoding("", "I ate rice"); }) == "empty_text");
}
