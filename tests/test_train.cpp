// Training end to end: batches, one step, the loss falling on a small Korean corpus, scheduled
// sampling, the optimizer race in lockstep, NaN handling, and generation.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "model/generate.hpp"
#include "text/tokenizer.hpp"
#include "train/trainer.hpp"

using namespace tf;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Setup {
  Tokenizer tok;
  std::vector<int> ids;
  ModelConfig model;
};

Setup korean_setup() {
  Setup s;
  const std::string corpus = read_text(std::string(TF_TEST_DATA_DIR) + "/korean_small.txt");
  REQUIRE(!corpus.empty());
  s.tok = Tokenizer::build(TokenizerKind::Char, corpus);
  s.ids = s.tok.encode(corpus);
  s.model.vocab_size = s.tok.vocab_size();
  s.model.block_size = 32;
  s.model.n_embd = 32;
  s.model.n_head = 4;
  s.model.n_layer = 2;
  return s;
}

}  // namespace

TEST_CASE("batches are next-token windows of the corpus", "[train]") {
  std::vector<int> stream(100);
  for (int i = 0; i < 100; ++i) stream[i] = i;
  BatchSampler batches(stream, 3, 8, 1);
  std::vector<int> x(24), y(24);
  batches.next(x.data(), y.data());
  for (int b = 0; b < 3; ++b)
    for (int t = 0; t < 8; ++t) {
      CHECK(y[b * 8 + t] == x[b * 8 + t] + 1);
      if (t) CHECK(x[b * 8 + t] == x[b * 8 + t - 1] + 1);
    }
  CHECK_THROWS_AS(BatchSampler(std::vector<int>(5, 1), 2, 8, 1), Error);
}

TEST_CASE("Adam brings the loss on a small Korean corpus well below its start", "[train]") {
  Setup s = korean_setup();
  OptimizerConfig opt;
  opt.kind = OptimizerKind::Adam;
  opt.lr = 3e-3f;
  TrainConfig tc;
  tc.batch_size = 8;
  tc.seed = 7;
  Trainer trainer(s.model, opt, tc);
  BatchSampler batches(s.ids, tc.batch_size, s.model.block_size, 7);
  std::vector<int> x(8 * 32), y(8 * 32);
  const float start = trainer.evaluate(s.ids);
  CHECK(start == Approx(std::log(static_cast<float>(s.tok.vocab_size()))).epsilon(0.1));  // ~uniform at init
  float last = 0;
  for (int i = 0; i < 150; ++i) {
    batches.next(x.data(), y.data());
    const StepResult r = trainer.step(x.data(), y.data());
    CHECK(r.step == i + 1);
    CHECK(std::isfinite(r.grad_norm));
    last = r.loss;
  }
  const float end = trainer.evaluate(s.ids);
  INFO("loss " << start << " -> " << end << " (last batch " << last << ")");
  CHECK(end < 0.5f * start);

  // the trained model continues "고양이는" sensibly: greedy decoding gives Hangul, not noise
  Rng rng(1);
  SamplingConfig greedy;
  greedy.temperature = 0.0f;
  const auto prompt = s.tok.encode("고양이는 ");
  const auto out = generate(trainer.model(), prompt, 4, greedy, rng);
  CHECK(out.size() == 4);
  const std::string text = s.tok.decode(out);
  INFO("generated: " << text);
  CHECK(text.find("\xEF\xBF\xBD") == std::string::npos);  // no <unk>
}

TEST_CASE("the same seed and batches give the same run; lockstep feeds every racer the same batch", "[train]") {
  Setup s = korean_setup();
  TrainConfig tc;
  tc.batch_size = 4;
  tc.seq_len = 16;
  OptimizerConfig sgd, adam;
  sgd.kind = OptimizerKind::Momentum;
  sgd.lr = 0.1f;
  adam.kind = OptimizerKind::Adam;
  adam.lr = 3e-3f;
  Trainer a(s.model, sgd, tc), b(s.model, adam, tc), a2(s.model, sgd, tc);
  CHECK(a.model().weights() == b.model().weights());  // same initial weights
  BatchSampler race_batches(s.ids, 4, 16, 3), solo_batches(s.ids, 4, 16, 3);
  std::vector<Trainer*> racers{&a, &b};
  std::vector<Trainer*> solo{&a2};
  for (int i = 0; i < 5; ++i) {
    const auto r = lockstep(racers, race_batches);
    const auto r2 = lockstep(solo, solo_batches);
    REQUIRE(r.size() == 2);
    CHECK(r[0].loss == r2[0].loss);             // same batch, same optimizer → same numbers
    if (i == 0) CHECK(r[0].loss == r[1].loss);  // before any update, both see the same batch and weights
  }
  CHECK(a.model().weights() == a2.model().weights());
  CHECK(a.model().weights() != b.model().weights());
}

TEST_CASE("a learning rate that blows up is reported; NaN never reaches the weights", "[train]") {
  Setup s = korean_setup();
  TrainConfig tc;
  tc.batch_size = 4;
  tc.seq_len = 16;
  OptimizerConfig sgd;
  sgd.kind = OptimizerKind::SGD;
  sgd.lr = 1e6f;
  Trainer t(s.model, sgd, tc);
  BatchSampler batches(s.ids, 4, 16, 5);
  std::vector<int> x(64), y(64);
  bool blew_up = false;
  for (int i = 0; i < 20 && !blew_up; ++i) {
    batches.next(x.data(), y.data());
    try {
      t.step(x.data(), y.data());
    } catch (const Error& e) {
      CHECK(e.code() == "loss_not_finite");
      CHECK(std::string(e.what()).find("lower the learning rate") != std::string::npos);
      blew_up = true;
    }
  }
  CHECK(blew_up);
  for (float w : t.model().weights()) REQUIRE(std::isfinite(w));
  // the next step reports the same clear error instead of crashing; a fresh trainer starts over
  batches.next(x.data(), y.data());
  CHECK_THROWS_AS(t.step(x.data(), y.data()), Error);
  Trainer fresh(s.model, OptimizerConfig{}, tc);
  CHECK(std::isfinite(fresh.step(x.data(), y.data()).loss));
}

TEST_CASE("scheduled sampling replaces about p of the inputs", "[train]") {
  Setup s = korean_setup();
  TrainConfig tc;
  tc.batch_size = 8;
  tc.seq_len = 16;
  OptimizerConfig opt;
  for (float p : {0.0f, 0.5f, 1.0f}) {
    tc.sampling_prob = p;
    Trainer t(s.model, opt, tc);
    BatchSampler batches(s.ids, 8, 16, 9);
    std::vector<int> x(128), y(128);
    batches.next(x.data(), y.data());
    const StepResult r = t.step(x.data(), y.data());
    CHECK(r.replaced == Approx(p * 8 * 15).margin(20));
    CHECK(std::isfinite(r.loss));
  }
  TrainConfig bad = tc;
  bad.sampling_prob = 1.5f;
  CHECK_THROWS_AS(Trainer(s.model, opt, bad), Error);
}

TEST_CASE("sampling: temperature, top-k, top-p", "[generate]") {
  ModelConfig c;
  c.vocab_size = 10;
  c.n_embd = 16;
  c.block_size = 8;
  Model m(c, 2);
  for (float& w : m.weights()) w *= 4.0f;  // a more peaked distribution than at init
  const std::vector<int> ctx{1, 2, 3};
  SamplingConfig s;
  const auto p = next_token_probs(m, ctx, s);
  double sum = 0;
  for (float v : p) sum += v;
  CHECK(sum == Approx(1.0));
  s.temperature = 0.0f;
  const auto greedy = next_token_probs(m, ctx, s);
  const int argmax = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
  CHECK(greedy[argmax] == 1.0f);
  s.temperature = 1.0f;
  s.top_k = 3;
  const auto k3 = next_token_probs(m, ctx, s);
  CHECK(std::count_if(k3.begin(), k3.end(), [](float v) { return v > 0; }) == 3);
  s.top_k = 0;
  s.top_p = 0.5f;
  const auto nucleus = next_token_probs(m, ctx, s);
  double kept = 0;
  for (float v : nucleus) kept += v;
  CHECK(kept == Approx(1.0));
  s.temperature = 5.0f;
  s.top_p = 1.0f;
  const auto flat = next_token_probs(m, ctx, s);
  CHECK(*std::max_element(flat.begin(), flat.end()) < *std::max_element(p.begin(), p.end()));
  Rng r1(4), r2(4);
  CHECK(generate(m, ctx, 6, s, r1) == generate(m, ctx, 6, s, r2));  // seeded
  s.top_p = 0.0f;
  CHECK_THROWS_AS(next_token_probs(m, ctx, s), Error);
  CHECK_THROWS_AS(next_token_probs(m, {}, SamplingConfig{}), Error);
  // a context longer than block_size is cropped to its last block_size tokens
  std::vector<int> long_ctx(20, 4);
  CHECK(next_token_probs(m, long_ctx, SamplingConfig{}).size() == 10);
}

TEST_CASE("generation never proposes the special tokens", "[generate]") {
  ModelConfig c;
  c.vocab_size = 12;
  c.n_embd = 16;
  c.block_size = 8;
  Model m(c, 5);
  // make <unk> (id 3) the model's favourite: its embedding row aligned with everything
  float* wte = m.param("transformer.wte.weight");
  for (int i = 0; i < 16; ++i) wte[3 * 16 + i] = 5.0f;
  for (float t : {0.0f, 1.0f}) {
    SamplingConfig s;
    s.temperature = t;
    const auto p = next_token_probs(m, {5, 6}, s);
    for (int special = 0; special < 4; ++special) CHECK(p[special] == 0.0f);
    double sum = 0;
    for (float v : p) sum += v;
    CHECK(sum == Approx(1.0));
  }
}
