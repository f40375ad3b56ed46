// Word vectors: the CBOW / skip-gram model (model/cbow), its data (train/cbow_data), the analysis
// (analysis/word_vectors), checkpoints with arch "cbow", and the particle split (text/particles).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "analysis/word_vectors.hpp"
#include "data/corpora.hpp"
#include "grad_check.hpp"
#include "io/checkpoint.hpp"
#include "model/cbow.hpp"
#include "text/particles.hpp"
#include "train/cbow_data.hpp"
#include "train/trainer.hpp"

using namespace tf;
using tf::test::code_of;

namespace {

CbowConfig small_config(CbowMode mode = CbowMode::Cbow, CbowLoss loss = CbowLoss::Softmax) {
  CbowConfig c;
  c.vocab_size = 11;
  c.dim = 6;
  c.window = 2;
  c.mode = mode;
  c.loss = loss;
  c.negatives = 3;
  return c;
}

// Both tables random (the output table starts at 0, which would hide terms of the gradient).
void jitter(Cbow& m, std::uint64_t seed) {
  Rng rng(seed);
  for (float& w : m.weights()) w = rng.normal(0.0f, 0.5f);
}

// B = 3 rows; row 1 has PAD slots, row 2 only one real context word.
Batch small_batch(const CbowConfig& c) {
  Batch b;
  const int T = c.context_slots(), K = c.loss == CbowLoss::Negative ? c.negatives : 0;
  b.resize(3, T, K);
  b.targets.resize(3);
  Rng rng(42);
  for (int& id : b.inputs) id = 4 + static_cast<int>(rng.below(7));
  if (T == 4) {
    b.inputs[4 + 0] = Tokenizer::PAD;  // row 1: [PAD, x, x, x]
    b.inputs[8 + 0] = b.inputs[8 + 1] = b.inputs[8 + 3] = Tokenizer::PAD;
  }
  b.targets = {5, 9, 4};
  for (int& id : b.source) id = 4 + static_cast<int>(rng.below(7));
  return b;
}

// The loss of a batch in double, straight from the definition (the algorithmic reference).
double reference_loss(const Cbow& m, const Batch& b) {
  const CbowConfig& c = m.config();
  const int C = c.dim, V = c.vocab_size;
  double total = 0;
  for (int r = 0; r < b.B; ++r) {
    std::vector<double> h(C, 0.0);
    int n = 0;
    for (int t = 0; t < b.T; ++t) {
      const int id = b.inputs[r * b.T + t];
      if (id == Tokenizer::PAD) continue;
      for (int k = 0; k < C; ++k) h[k] += m.input_vectors()[id * C + k];
      ++n;
    }
    for (double& x : h) x /= std::max(n, 1);
    auto score = [&](int id) {
      double s = 0;
      for (int k = 0; k < C; ++k) s += h[k] * m.output_vectors()[id * C + k];
      return s;
    };
    if (c.loss == CbowLoss::Softmax) {
      double mx = -1e300;
      for (int v = 0; v < V; ++v) mx = std::max(mx, score(v));
      double z = 0;
      for (int v = 0; v < V; ++v) z += std::exp(score(v) - mx);
      total += -(score(b.targets[r]) - mx - std::log(z));
    } else {
      total += std::log1p(std::exp(-score(b.targets[r])));
      for (int k = 0; k < b.S; ++k) total += std::log1p(std::exp(score(b.source[r * b.S + k])));
    }
  }
  return total / b.B;
}

std::vector<float> unit(std::vector<float> v) {
  double n = 0;
  for (float x : v) n += static_cast<double>(x) * x;
  for (float& x : v) x = static_cast<float>(x / std::sqrt(n));
  return v;
}

}  // namespace

// ---- configuration ------------------------------------------------------------------------------------

TEST_CASE("cbow config: JSON round trip, ranges and unknown keys", "[cbow]") {
  CbowConfig c = small_config(CbowMode::SkipGram, CbowLoss::Negative);
  c.split_particles = false;
  const CbowConfig back = CbowConfig::from_json(c.to_json());
  CHECK(back.to_json() == c.to_json());
  CHECK(c.to_json()["arch"] == "cbow");
  CHECK(back.context_slots() == 1);
  CHECK(small_config().context_slots() == 4);
  CHECK(code_of([] { CbowConfig::from_json({{"window", 0}}); }) == "bad_config");
  CHECK(code_of([] { CbowConfig::from_json({{"windows", 2}}); }) == "bad_config");
  CHECK(code_of([] { CbowConfig::from_json({{"mode", "bag"}}); }) == "bad_config");
  CHECK(code_of([] { CbowConfig::from_json({{"arch", "gpt"}}); }) == "bad_config");
  CHECK(code_of([] { CbowConfig::from_json({{"vocab_size", 4}}); }) == "bad_config");
  CHECK(code_of([] { CbowConfig::from_json({{"split_particles", 1}}); }) == "bad_config");
}

// ---- forward against the reference, gradients by finite differences --------------------------------------

TEST_CASE("cbow forward matches the scalar reference in every mode", "[cbow]") {
  for (CbowMode mode : {CbowMode::Cbow, CbowMode::SkipGram}) {
    for (CbowLoss loss : {CbowLoss::Softmax, CbowLoss::Negative}) {
      const CbowConfig c = small_config(mode, loss);
      Cbow m(c, 3);
      jitter(m, 4);
      const Batch b = small_batch(c);
      CHECK(m.forward(b) == Approx(reference_loss(m, b)).epsilon(1e-5));
    }
  }
}

TEST_CASE("cbow forward: probabilities sum to one, PAD rows have h = 0, scores = out·h", "[cbow]") {
  const CbowConfig c = small_config();
  Cbow m(c, 3);
  jitter(m, 5);
  Batch b = small_batch(c);
  b.inputs[0] = b.inputs[1] = b.inputs[2] = b.inputs[3] = Tokenizer::PAD;
  m.forward(b);
  for (int r = 0; r < 3; ++r) {
    double s = 0;
    for (int v = 0; v < c.vocab_size; ++v) s += m.probs()[r * c.vocab_size + v];
    CHECK(s == Approx(1.0).epsilon(1e-5));
  }
  for (int k = 0; k < c.dim; ++k) CHECK(m.hidden()[k] == 0.0f);
  // row 2 has one context word: h is that word's input vector
  const int only = b.inputs[8 + 2];
  for (int k = 0; k < c.dim; ++k) CHECK(m.hidden()[2 * c.dim + k] == m.input_vectors()[only * c.dim + k]);
  double s = 0;
  for (int k = 0; k < c.dim; ++k) s += m.hidden()[2 * c.dim + k] * m.output_vectors()[7 * c.dim + k];
  CHECK(m.logits()[2 * c.vocab_size + 7] == Approx(s).margin(1e-6));
}

TEST_CASE("cbow gradients match finite differences (softmax, negative sampling, skip-gram; += not =)", "[cbow]") {
  for (CbowMode mode : {CbowMode::Cbow, CbowMode::SkipGram}) {
    for (CbowLoss loss_kind : {CbowLoss::Softmax, CbowLoss::Negative}) {
      for (bool prefilled : {false, true}) {
        const CbowConfig c = small_config(mode, loss_kind);
        CAPTURE(to_string(mode), to_string(loss_kind), prefilled);
        Cbow m(c, 7);
        jitter(m, 8);
        const Batch b = small_batch(c);
        m.forward(b);
        m.zero_grad();
        std::vector<float> before(m.grads().size(), 0.0f);
        if (prefilled) {
          Rng rng(9);
          for (float& g : m.grads()) g = rng.normal();
          before = m.grads();
        }
        m.backward();
        std::vector<float> g(m.grads().size());
        for (std::size_t i = 0; i < g.size(); ++i) g[i] = m.grads()[i] - before[i];
        for (const auto& p : m.params()) {
          CAPTURE(p.name);
          std::vector<float> w(m.weights().begin() + p.offset, m.weights().begin() + p.offset + p.size);
          std::vector<float> gp(g.begin() + p.offset, g.begin() + p.offset + p.size);
          auto loss = [&] {
            std::copy(w.begin(), w.end(), m.weights().begin() + p.offset);
            return static_cast<double>(m.forward(b));
          };
          // only rows that the batch touches have a gradient: check all coordinates (66 each)
          const double err = tf::test::central_difference_error(w, gp, loss, static_cast<int>(w.size()), 1, 1e-2f);
          std::copy(w.begin(), w.end(), m.weights().begin() + p.offset);
          CHECK(err < 5e-4);  // measured 1.5e-5 .. 7.5e-5; a wrong term gives order 1
        }
      }
    }
  }
}

TEST_CASE("context mean and negative sampling pieces: gradients by finite differences", "[cbow]") {
  const int B = 2, T = 3, C = 4, V = 6, K = 2;
  Rng rng(11);
  std::vector<float> table = tf::test::normal_vector(rng, V * C);
  const std::vector<int> inputs = {1, 0, 3, 5, 5, 2};  // PAD (0) in row 0; a repeated id in row 1
  const std::vector<float> R = tf::test::normal_vector(rng, B * C);
  std::vector<float> h(B * C), count(B), dtable(V * C, 0.0f);
  context_mean_forward(h.data(), count.data(), inputs.data(), table.data(), B, T, C);
  CHECK(count[0] == 2.0f);
  CHECK(count[1] == 3.0f);
  context_mean_backward(dtable.data(), R.data(), inputs.data(), count.data(), B, T, C);
  auto loss = [&] {
    context_mean_forward(h.data(), count.data(), inputs.data(), table.data(), B, T, C);
    return tf::test::weighted_sum(h.data(), R);
  };
  CHECK(tf::test::central_difference_error(table, dtable, loss, V * C, 1) < 1e-3);

  std::vector<float> out = tf::test::normal_vector(rng, V * C), hv = tf::test::normal_vector(rng, C);
  const int noise[K] = {4, 4};  // the same noise word twice: both terms add
  std::vector<float> s(K + 1), dh(C, 0.0f), dout(V * C, 0.0f);
  negative_sampling_forward(s.data(), hv.data(), out.data(), 1, noise, K, C);
  negative_sampling_backward(dh.data(), dout.data(), s.data(), hv.data(), out.data(), 1, noise, K, C, 1.0f);
  auto ns = [&] { return negative_sampling_forward(s.data(), hv.data(), out.data(), 1, noise, K, C); };
  CHECK(tf::test::central_difference_error(hv, dh, ns, C, 2) < 1e-3);
  CHECK(tf::test::central_difference_error(out, dout, ns, V * C, 3) < 1e-3);
}

TEST_CASE("cbow forward rejects bad batches with codes", "[cbow]") {
  const CbowConfig c = small_config(CbowMode::Cbow, CbowLoss::Negative);
  Cbow m(c, 1);
  Batch b = small_batch(c);
  Batch bad = b;
  bad.inputs[0] = 11;
  CHECK(code_of([&] { m.forward(bad); }) == "bad_token_id");
  bad = b;
  bad.targets[1] = -5;
  CHECK(code_of([&] { m.forward(bad); }) == "bad_token_id");
  bad = b;
  bad.resize(3, 5, 3);
  CHECK(code_of([&] { m.forward(bad); }) == "too_long");
  bad = b;
  bad.S = 2;
  CHECK(code_of([&] { m.forward(bad); }) == "bad_shape");
  CHECK(code_of([&] { Cbow(c, 1).backward(); }) == "no_forward");
  Batch no_targets = b;
  no_targets.targets.clear();
  m.forward(no_targets);  // scores only: fills the full (B, V) table even with negative sampling
  CHECK(code_of([&] { m.backward(); }) == "no_targets");
}

TEST_CASE("cbow inspect records the context, its mean, the scores, probabilities and loss", "[cbow]") {
  for (CbowLoss loss_kind : {CbowLoss::Softmax, CbowLoss::Negative}) {
    const CbowConfig c = small_config(CbowMode::Cbow, loss_kind);
    Cbow m(c, 2);
    jitter(m, 3);
    Inspection rec;
    const std::vector<int> noise = {4, 6, 8};
    const float loss = m.inspect({5, Tokenizer::PAD, 7}, 9, noise, rec);
    REQUIRE(rec.get("context.vectors").shape() == std::vector<std::size_t>{2, 6});
    CHECK(rec.get("context.ids")(1) == 7.0f);
    for (int k = 0; k < c.dim; ++k) {
      const float mean = (rec.get("context.vectors")(0, k) + rec.get("context.vectors")(1, k)) / 2;
      CHECK(rec.get("context.mean")(k) == Approx(mean).margin(1e-6));
    }
    CHECK(rec.get("probs").size() == 11);
    Batch b;
    b.resize(1, 4, loss_kind == CbowLoss::Negative ? 3 : 0);
    b.inputs = {5, 7, 0, 0};
    b.targets = {9};
    b.source = noise;
    CHECK(loss == Approx(m.forward(b)).epsilon(1e-5));
    CHECK(rec.get("loss")(0) == loss);
    if (loss_kind == CbowLoss::Softmax) CHECK(loss == Approx(-std::log(rec.get("probs")(9))).epsilon(1e-5));
  }
}

// ---- data -------------------------------------------------------------------------------------------------

TEST_CASE("window pairs: the header's worked example", "[cbow]") {
  const std::vector<int> s = {10, 11, 12, 13, 14};  // 나 는 밥 을 먹었다
  std::vector<int> slots(4), pos(4);
  context_window(s, 2, 2, slots.data(), pos.data());
  CHECK(slots == std::vector<int>{10, 11, 13, 14});
  context_window(s, 0, 2, slots.data(), pos.data());
  CHECK(slots == std::vector<int>{0, 0, 11, 12});
  CHECK(pos == std::vector<int>{-1, -1, 1, 2});
  const auto cb = window_pairs(s, 4, 1, CbowMode::Cbow);
  REQUIRE(cb.size() == 1);
  CHECK(cb[0].inputs == std::vector<int>{13, 0});
  CHECK(cb[0].target == 14);
  const auto sg = window_pairs(s, 1, 1, CbowMode::SkipGram);
  REQUIRE(sg.size() == 2);
  CHECK(sg[0].inputs == std::vector<int>{11});
  CHECK(sg[0].target == 10);
  CHECK(sg[1].target == 12);
  CHECK(window_pairs({10}, 0, 2, CbowMode::Cbow).empty());
  CHECK(code_of([&] { window_pairs(s, 5, 1, CbowMode::Cbow); }) == "bad_shape");
}

TEST_CASE("word corpus: min count, frequency order, punctuation dropped, errors", "[cbow]") {
  const WordCorpus c = build_word_corpus("고양이 는 귀엽다.\n강아지 는 귀엽다!\n고양이 가 잤다\n", 2, 100, 1 << 20);
  // 는 2, 귀엽다 2, 고양이 2 (byte order breaks ties); 강아지, 가, 잤다 once: left out
  REQUIRE(c.vocab.vocab_size() == 7);
  std::vector<std::string> words;
  for (int id = 4; id < 7; ++id) words.push_back(word_text(c.vocab, id));
  CHECK(words == std::vector<std::string>{"고양이", "귀엽다", "는"});
  REQUIRE(c.sentences.size() == 3);
  CHECK(c.sentences[1].size() == 2);  // 는 귀엽다
  CHECK(c.words == 6);
  CHECK(c.counts[4] == 2);
  std::vector<std::string> seen;
  const auto ids = encode_words(c.vocab, "고양이는 귀엽다, 고양이 는", &seen);
  CHECK(ids == std::vector<int>{-1, 5, 4, 6});
  CHECK(seen == std::vector<std::string>{"고양이는", "귀엽다", "고양이", "는"});
  CHECK(code_of([] { build_word_corpus("", 1, 100, 1000); }) == "empty_text");
  CHECK(code_of([] { build_word_corpus("하나\n둘\n", 1, 100, 1000); }) == "corpus_too_short");
  CHECK(code_of([] { build_word_corpus("a b\n", 2, 100, 1000); }) == "corpus_too_short");
  CHECK(code_of([] { build_word_corpus("a b c", 1, 100, 2); }) == "text_too_large");
}

TEST_CASE("cbow sampler: fixed shapes, real centres, seeded, skip = next", "[cbow]") {
  const WordCorpus corpus = build_word_corpus("a b c d e\nb c a\nd e\nf\n", 1, 100, 1 << 20);
  for (CbowMode mode : {CbowMode::Cbow, CbowMode::SkipGram}) {
    CbowConfig c = small_config(mode, CbowLoss::Negative);
    c.vocab_size = corpus.vocab.vocab_size();
    CbowSampler s1(corpus, c, 8, 5), s2(corpus, c, 8, 5), s3(corpus, c, 8, 5);
    CHECK(s1.examples() == 10);  // f has no neighbour
    Batch a, b;
    s1.next(a);
    s2.next(b);
    CHECK(a.inputs == b.inputs);
    CHECK(a.targets == b.targets);
    CHECK(a.source == b.source);
    CHECK(a.T == c.context_slots());
    CHECK(a.targets.size() == 8u);
    CHECK(a.source.size() == 8u * 3);
    s1.next(a);
    s3.skip(1);
    s3.next(b);
    CHECK(a.inputs == b.inputs);
    for (int r = 0; r < 8; ++r) {
      CHECK(a.targets[r] >= 4);
      int real = 0;
      for (int t = 0; t < a.T; ++t) real += a.inputs[r * a.T + t] != Tokenizer::PAD;
      CHECK(real >= 1);
      for (int k = 0; k < 3; ++k) CHECK(a.source[r * 3 + k] >= 4);  // noise words are words
    }
  }
  CbowConfig c = small_config();
  CHECK(code_of([&] { CbowSampler(build_word_corpus("f\na b\n", 2, 10, 100), c, 4, 1); }) == "corpus_too_short");
}

TEST_CASE("noise table draws in proportion to count^0.75", "[cbow]") {
  const NoiseTable t({0, 0, 0, 0, 16, 1});
  Rng rng(3);
  int big = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) big += t.draw(rng) == 4;
  // 16^0.75 = 8 against 1: 8/9 = 0.889
  CHECK(static_cast<double>(big) / n == Approx(8.0 / 9.0).margin(0.01));
}

TEST_CASE("cbow trains with the Trainer: the loss falls for every mode", "[cbow]") {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "고양이 는 귀엽다\n강아지 는 귀엽다\n나 는 밥 을 먹었다\n나 는 빵 을 먹었다\n";
  const WordCorpus corpus = build_word_corpus(text, 1, 100, 1 << 20);
  for (CbowMode mode : {CbowMode::Cbow, CbowMode::SkipGram}) {
    for (CbowLoss loss : {CbowLoss::Softmax, CbowLoss::Negative}) {
      CbowConfig c = small_config(mode, loss);
      c.vocab_size = corpus.vocab.vocab_size();
      c.dim = 8;
      CbowSampler sampler(corpus, c, 16, 1);
      const std::vector<Batch> eval = cbow_eval_batches(corpus, c, 16, 4);
      OptimizerConfig oc;
      oc.kind = OptimizerKind::Adam;
      oc.lr = 0.05f;
      TrainConfig tc;
      tc.batch_size = 16;
      Trainer trainer(std::make_unique<Cbow>(c, 1), oc, tc);
      const float before = trainer.evaluate(eval);
      Batch b;
      for (int i = 0; i < 150; ++i) {
        sampler.next(b);
        trainer.step(b);
      }
      const float after = trainer.evaluate(eval);
      CAPTURE(to_string(mode), to_string(loss), before, after);
      CHECK(after < 0.75f * before);
    }
  }
}

// ---- analysis --------------------------------------------------------------------------------------------

TEST_CASE("cosine, nearest neighbours and top-k", "[cbow][analysis]") {
  // rows: 4 specials (zero), then a, b (close to a), c (opposite to a), d (orthogonal)
  const int V = 8, C = 2;
  const std::vector<float> table = {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0.9f, 0.1f, -1, 0, 0, 3};
  CHECK(cosine(&table[8], &table[14], C) == 0.0f);
  CHECK(cosine(&table[0], &table[8], C) == 0.0f);  // zero vector
  const auto nn = nearest_neighbours(table.data(), V, C, 4, 10, 4);
  REQUIRE(nn.size() == 3);
  CHECK(nn[0].id == 5);
  CHECK(nn[0].cosine == Approx(0.9 / std::sqrt(0.82)));
  CHECK(nn[1].id == 7);
  CHECK(nn[2].id == 6);
  CHECK(nn[2].cosine == Approx(-1.0f));
  CHECK(code_of([&] { nearest_neighbours(table.data(), V, C, 8, 1, 4); }) == "bad_token_id");
  const std::vector<float> probs = {0.5f, 0.1f, 0, 0, 0.1f, 0.2f, 0.05f, 0.05f};
  const auto top = top_k(probs.data(), 8, 3, 4);
  REQUIRE(top.size() == 3);
  CHECK(top[0].id == 5);
  CHECK(top[1].id == 4);
  CHECK(top[2].id == 6);  // tie with 7: lower id first
}

TEST_CASE("symmetric eigen-decomposition against references", "[cbow][analysis]") {
  std::vector<double> values, vectors;
  const float a2[] = {2, 1, 1, 2};
  symmetric_eigen(a2, 2, values, vectors);
  CHECK(values[0] == Approx(3));
  CHECK(values[1] == Approx(1));
  CHECK(std::fabs(vectors[0]) == Approx(std::sqrt(0.5)));
  CHECK(vectors[0] * vectors[1] > 0);  // (1, 1)/√2
  // 3×3 with eigenvalues 6, 3, 1 (a classic: [[4,1,1],[1,4,-1]... ] built as Q·diag·Qᵀ)
  const double q[3][3] = {{1 / std::sqrt(3.0), 1 / std::sqrt(3.0), 1 / std::sqrt(3.0)},
                          {1 / std::sqrt(2.0), -1 / std::sqrt(2.0), 0},
                          {1 / std::sqrt(6.0), 1 / std::sqrt(6.0), -2 / std::sqrt(6.0)}};
  const double lam[3] = {1, 6, 3};
  float a3[9];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      double s = 0;
      for (int k = 0; k < 3; ++k) s += lam[k] * q[k][i] * q[k][j];
      a3[i * 3 + j] = static_cast<float>(s);
    }
  symmetric_eigen(a3, 3, values, vectors);
  CHECK(values[0] == Approx(6).epsilon(1e-5));
  CHECK(values[1] == Approx(3).epsilon(1e-5));
  CHECK(values[2] == Approx(1).epsilon(1e-5));
  // eigenvector of 6 is ±(1, −1, 0)/√2
  CHECK(std::fabs(vectors[0] * q[1][0] + vectors[1] * q[1][1] + vectors[2] * q[1][2]) == Approx(1).epsilon(1e-5));
  // a random symmetric 9×9: A = Σ λ v vᵀ and the vectors are orthonormal
  Rng rng(5);
  const int n = 9;
  std::vector<float> r = tf::test::normal_vector(rng, n * n), A(n * n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) A[i * n + j] = r[i * n + j] + r[j * n + i];
  symmetric_eigen(A.data(), n, values, vectors);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      double s = 0, d = 0;
      for (int k = 0; k < n; ++k) s += values[k] * vectors[k * n + i] * vectors[k * n + j];
      for (int k = 0; k < n; ++k) d += vectors[i * n + k] * vectors[j * n + k];
      CHECK(s == Approx(A[i * n + j]).margin(1e-4));
      CHECK(d == Approx(i == j ? 1.0 : 0.0).margin(1e-6));
    }
  for (int i = 1; i < n; ++i) CHECK(values[i] <= values[i - 1]);
}

TEST_CASE("PCA of a fixed matrix recovers the planted axes and variances", "[cbow][analysis]") {
  // Rows = mean + a_i·u + b_i·w with u, w orthonormal in C = 4: the projection is (a_i, b_i) up to sign.
  const std::vector<float> u = unit({1, 2, 0, -1}), w = unit({2, -1, 1, 0});
  const float mean[4] = {0.5f, -1, 2, 0};
  const std::vector<float> a = {3, -3, 2, -2, 1, -1}, b = {0.5f, 0.5f, -1, -1, 0.5f, 0.5f};
  const int N = 6, C = 4;
  std::vector<float> rows(N * C);
  for (int i = 0; i < N; ++i)
    for (int c = 0; c < C; ++c) rows[i * C + c] = mean[c] + a[i] * u[c] + b[i] * w[c];
  const Projection p = pca_project(rows.data(), N, C, nullptr);
  // variances: Σa²/N = 28/6, Σb²/N = 3/6 → shares 28/31 and 3/31
  CHECK(p.explained[0] == Approx(28.0 / 31.0).epsilon(1e-4));
  CHECK(p.explained[1] == Approx(3.0 / 31.0).epsilon(1e-4));
  // Sign convention: each axis's largest-magnitude component is positive. u's largest is 2 (>0), w's is 2 (>0).
  for (int c = 0; c < C; ++c) {
    CHECK(p.axes[c] == Approx(u[c]).margin(1e-4));
    CHECK(p.axes[C + c] == Approx(w[c]).margin(1e-4));
    CHECK(p.mean[c] == Approx(mean[c]).margin(1e-5));
  }
  for (int i = 0; i < N; ++i) {
    CHECK(p.points[2 * i] == Approx(a[i]).margin(1e-4));
    CHECK(p.points[2 * i + 1] == Approx(b[i]).margin(1e-4));
  }
  CHECK_FALSE(p.aligned);
  CHECK(code_of([&] { pca_project(rows.data(), 0, C, nullptr); }) == "bad_shape");
  const std::vector<float> wrong(4, 0.0f);
  CHECK(code_of([&] { pca_project(rows.data(), N, C, &wrong); }) == "bad_shape");
  // one row: no variance, points at 0
  const Projection one = pca_project(rows.data(), 1, C, nullptr);
  CHECK(one.points == std::vector<float>{0, 0});
}

TEST_CASE("PCA orientation stays with the previous projection (rotation or reflection)", "[cbow][analysis]") {
  Rng rng(8);
  const int N = 20, C = 5;
  std::vector<float> rows = tf::test::normal_vector(rng, N * C);
  for (int i = 0; i < N; ++i) rows[i * C] *= 3;  // a clear first axis
  const Projection p0 = pca_project(rows.data(), N, C, nullptr);
  for (int flip = 0; flip < 2; ++flip) {
    // The previous map was p0 turned by 40° (and mirrored): the new one lands on it exactly.
    const float th = 0.7f, cs = std::cos(th), sn = std::sin(th);
    std::vector<float> prev(2 * N);
    for (int i = 0; i < N; ++i) {
      const float x = p0.points[2 * i], y = flip ? -p0.points[2 * i + 1] : p0.points[2 * i + 1];
      prev[2 * i] = cs * x - sn * y;
      prev[2 * i + 1] = sn * x + cs * y;
    }
    const Projection p1 = pca_project(rows.data(), N, C, &prev);
    CHECK(p1.aligned);
    for (int i = 0; i < 2 * N; ++i) CHECK(p1.points[i] == Approx(prev[i]).margin(1e-4));
    // the axes turned with the points: points = (rows − mean)·axesᵀ still holds
    for (int i = 0; i < N; ++i)
      for (int k = 0; k < 2; ++k) {
        double s = 0;
        for (int c = 0; c < C; ++c) s += (rows[i * C + c] - p1.mean[c]) * p1.axes[k * C + c];
        CHECK(s == Approx(p1.points[2 * i + k]).margin(1e-4));
      }
  }
  // Training nudges the vectors a little: the aligned map moves a little, never flips.
  std::vector<float> nudged = rows;
  for (float& x : nudged) x += rng.normal(0.0f, 0.05f);
  for (int i = 0; i < N; ++i) nudged[i * C + 1] *= -1;  // flips the sign a plain PCA picks for some axis mixes
  const Projection p2 = pca_project(nudged.data(), N, C, &p0.points);
  double moved = 0, spread = 0;
  for (int i = 0; i < 2 * N; ++i) moved += std::fabs(p2.points[i] - p0.points[i]), spread += std::fabs(p0.points[i]);
  CHECK(moved < 0.35 * spread);
}

TEST_CASE("align_to: reflection found and reported", "[cbow][analysis]") {
  std::vector<float> pts = {1, 0, 0, 2, -1, -1};
  const std::vector<float> target = {1, 0, 0, -2, -1, 1};  // y mirrored
  float m[4];
  CHECK(align_to(pts, target, m));
  for (int i = 0; i < 6; ++i) CHECK(pts[i] == Approx(target[i]).margin(1e-6));
}

// ---- checkpoints -------------------------------------------------------------------------------------------

TEST_CASE("cbow checkpoint round trip with its vocabulary; wrong arch and shapes are refused", "[cbow][checkpoint]") {
  const WordCorpus corpus = build_word_corpus("고양이 는 귀엽다\n강아지 는 귀엽다\n", 1, 100, 1 << 20);
  CbowConfig c = small_config(CbowMode::SkipGram, CbowLoss::Negative);
  c.vocab_size = corpus.vocab.vocab_size();
  c.min_count = 1;
  Cbow m(c, 4);
  jitter(m, 5);
  const std::string bytes = save_checkpoint_bytes(m, corpus.vocab);
  Checkpoint ck = load_checkpoint_bytes(bytes);
  REQUIRE(ck.cbow() != nullptr);
  CHECK(ck.gpt() == nullptr);
  CHECK(ck.cbow()->config().to_json() == c.to_json());
  CHECK(ck.cbow()->weights() == m.weights());
  CHECK(ck.tokenizer.vocab() == corpus.vocab.vocab());
  CHECK(code_of([&] { load_checkpoint_bytes(bytes).take_gpt(); }) == "wrong_arch");
  CHECK(code_of([&] { load_checkpoint_bytes(bytes).take_seq2seq(); }) == "wrong_arch");
  auto taken = ck.take_cbow();
  CHECK(taken->arch() == "cbow");
  // a GPT file is not word vectors
  ModelConfig g;
  g.vocab_size = 16, g.n_layer = 1, g.n_embd = 8, g.n_head = 2, g.block_size = 8;
  CHECK(code_of([&] { load_checkpoint_bytes(save_checkpoint_bytes(Model(g, 1), Tokenizer())).take_cbow(); }) ==
        "wrong_arch");
  // a tensor of the wrong shape: the config says V rows
  safetensors::File f = safetensors::parse(bytes);
  auto& t = f.tensors["out_embed.weight"];
  t.shape = {t.shape[0] - 1, t.shape[1]};
  t.data.resize(static_cast<std::size_t>(t.shape[0] * t.shape[1]));
  CHECK(code_of([&] { load_checkpoint_bytes(safetensors::serialize(f)); }) == "checkpoint_mismatch");
  // a vocabulary larger than the tables
  CbowConfig smaller = c;
  smaller.vocab_size = 5;
  CHECK(code_of([&] { save_checkpoint_bytes(Cbow(smaller, 1), corpus.vocab); }) == "bad_config");
}

// ---- the particle split ---------------------------------------------------------------------------------------

TEST_CASE("particle split: longest known particle that agrees with the 받침", "[cbow][particles]") {
  auto split = [](const char* w) {
    const WordSplit s = split_word(w);
    return s.particle.empty() ? s.stem : s.stem + "+" + s.particle;
  };
  CHECK(split("고양이는") == "고양이+는");
  CHECK(split("밥을") == "밥+을");
  CHECK(split("사과를") == "사과+를");
  CHECK(split("학교에서") == "학교+에서");
  CHECK(split("연필로") == "연필+로");  // ㄹ받침 takes 로
  CHECK(split("의사이다") == "의사+이다");
  CHECK(split("의사예요") == "의사+예요");
  CHECK(split("학생예요") == "학생예요");  // 예요 follows a vowel only
  CHECK(split("학생입니다") == "학생+입니다");
  CHECK(split("친구예요") == "친구+예요");
  CHECK(split("사과") == "사과");  // 과 needs a 받침 before it: 사 has none
  CHECK(split("나무") == "나무");
  CHECK(split("먹었다") == "먹었다");  // verb endings stay
  CHECK(split("는") == "는");          // nothing left before it
  CHECK(split("ChatGPT는") == "ChatGPT는");
  CHECK(split("고양이") == "고양+이");  // the documented limit (rule 3 fixes it within a text)
}

TEST_CASE("particle split of a text: stems seen elsewhere stay whole, spacing and punctuation kept",
          "[cbow][particles]") {
  CHECK(split_particles("고양이는 귀엽다. 나는 고양이를 좋아한다") == "고양이 는 귀엽다. 나 는 고양이 를 좋아한다");
  CHECK(split_particles("고양이가 왔다\n고양이") == "고양이 가 왔다\n고양이");  // rule 3
  CHECK(split_particles("  밥을?  먹었다 ") == "  밥 을?  먹었다 ");
  CHECK(split_particles("") == "");
  CHECK(code_of([] { split_particles("\xff"); }) == "invalid_utf8");
  const auto& list = particle_list();
  for (std::size_t i = 1; i < list.size(); ++i) CHECK(list[i].size() <= list[i - 1].size());
}

// ---- the ko-words corpus ----------------------------------------------------------------------------------

TEST_CASE("ko-words: the ko sentences with every particle split off; categories of its words", "[cbow][corpus]") {
  const Corpus ko = make_corpus("ko", 1), words = make_corpus("ko-words", 1);
  REQUIRE(words.train.size() == ko.train.size());
  REQUIRE(words.heldout.size() == ko.heldout.size());
  CHECK(words.train[0].text == "나 는 밥 을 먹었다");
  CHECK(words.train[1].text == "밥 을 나 는 먹었다");
  CHECK(words.train[2].text == "고양이 는 귀엽다");
  for (std::size_t i = 0; i < ko.train.size(); ++i) {
    // Removing the split spaces gives the ko sentence back: only particles were cut off.
    std::string joined;
    for (const auto& w : words.train[i].ko_words) joined += (joined.empty() ? "" : " ") + w.text();
    CHECK(joined == ko.train[i].text);
    CHECK(words.train[i].ko_categories.size() == words.train[i].ko_words.size());
  }
  const auto split_cats = word_categories(words), raw_cats = word_categories(ko);
  CHECK(split_cats.at("고양이") == "animals");
  CHECK(split_cats.at("밥") == "foods");
  CHECK(split_cats.at("먹었다") == "verbs");
  CHECK(split_cats.at("귀여워요") == "adjectives");
  CHECK(split_cats.count("거예요") == 0);  // the future's auxiliary (먹을 거예요) is no verb of its own
  CHECK(split_cats.count("는") == 0);      // particles have no category
  CHECK(raw_cats.at("고양이는") == "animals");
  CHECK(raw_cats.at("밥을") == "foods");
  CHECK(word_categories(make_corpus("en", 1)).empty());
  // Every word of the split text the generator labelled is a word of the text.
  const WordCorpus wc = build_word_corpus(words.text() + words.text(true), 1, 1 << 16, 1 << 24);
  int found = 0;
  for (const auto& [w, cat] : split_cats) found += wc.vocab.id_of("\xE2\x96\x81" + w) >= 0;
  CHECK(found == static_cast<int>(split_cats.size()));
}

TEST_CASE("cbow sampler refuses a window wider than its slots", "[cbow]") {
  const WordCorpus corpus = build_word_corpus("a b c\n", 1, 100, 1000);
  CbowConfig c = small_config();
  c.window = 17;
  CHECK(code_of([&] { CbowSampler(corpus, c, 4, 1); }) == "bad_config");
}
