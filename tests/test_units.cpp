// The layer units the models are built from: token/position embedding, cross-entropy with padding, and the
// Transformer block (encoder, decoder with cross-attention; pre- and post-LN), each checked by central
// differences, and the shared training setup (corpus checks, held-out split, sentence pairs).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "grad_check.hpp"
#include "layers/block.hpp"
#include "layers/cross_entropy.hpp"
#include "layers/embedding.hpp"
#include "train/setup.hpp"

using tf::test::central_difference_error;
using tf::test::code_of;
using tf::test::normal_vector;
using tf::test::weighted_sum;

TEST_CASE("embedding: the worked example, scaled rows, gradients into token and position rows", "[units]") {
  const float wte[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2}, pos[] = {0, 1, 5, 5};  // V = 6, C = 2, T = 2
  const int ids[] = {5, 0};
  float out[4];
  tf::embedding_forward(out, ids, wte, pos, 1, 2, 2);
  CHECK(out[0] == 1.0f);
  CHECK(out[1] == 3.0f);
  CHECK(out[2] == 5.0f);
  tf::embedding_forward(out, ids, wte, nullptr, 1, 1, 2, 2.0f);
  CHECK(out[1] == 4.0f);

  const int B = 2, T = 3, C = 5, V = 4;
  const int many[] = {1, 3, 1, 0, 2, 1};  // id 1 three times: its gradient is a sum
  tf::Rng rng(2);
  auto table = normal_vector(rng, V * C), positions = normal_vector(rng, T * C), r = normal_vector(rng, B * T * C);
  for (float scale : {1.0f, 2.5f}) {
    std::vector<float> y(B * T * C), dwte(V * C, 0.0f), dpos(T * C, 0.0f);
    tf::embedding_backward(dwte.data(), dpos.data(), r.data(), many, B, T, C, scale);
    auto loss = [&] {
      tf::embedding_forward(y.data(), many, table.data(), positions.data(), B, T, C, scale);
      return weighted_sum(y.data(), r);
    };
    CHECK(central_difference_error(table, dwte, loss, 20, 3) < 1e-3);
    CHECK(central_difference_error(positions, dpos, loss, 15, 4) < 1e-3);
  }
}

TEST_CASE("cross-entropy: the worked example, padding skipped, p − onehot", "[units]") {
  const float logits[] = {1, 2, 3};
  const int target[] = {2};
  float probs[3], d[3];
  const tf::CrossEntropySum ce = tf::cross_entropy_forward(probs, logits, target, 1, 3, -1);
  CHECK(ce.counted == 1);
  CHECK(ce.loss == Approx(0.4076).epsilon(1e-3));
  tf::cross_entropy_backward(d, probs, target, 1, 3, -1, 1.0f);
  CHECK(d[0] == Approx(0.0900).epsilon(1e-3));
  CHECK(d[2] == Approx(-0.3348).epsilon(1e-3));

  const int N = 4, V = 6;
  tf::Rng rng(5);
  auto z = normal_vector(rng, N * V);
  const int targets[] = {1, -1, 5, 0};
  std::vector<float> p(N * V), dz(N * V);
  const tf::CrossEntropySum all = tf::cross_entropy_forward(p.data(), z.data(), targets, N, V, -1);
  CHECK(all.counted == 3);
  tf::cross_entropy_backward(dz.data(), p.data(), targets, N, V, -1, 1.0f);
  for (int v = 0; v < V; ++v) CHECK(dz[V + v] == 0.0f);  // the padded row
  auto loss = [&] { return tf::cross_entropy_forward(p.data(), z.data(), targets, N, V, -1).loss; };
  CHECK(central_difference_error(z, dz, loss, 24, 6) < 1e-3);
}

namespace {

struct BlockFixture {
  tf::BlockSpec spec;
  std::vector<float> weights, grads;
  tf::BlockWeights w, g;

  BlockFixture(tf::NormPlacement norm, bool cross, bool causal) {
    spec.C = 8, spec.H = 2, spec.F = 12, spec.norm = norm, spec.cross = cross, spec.causal = causal;
    spec.activation = tf::Activation::Gelu;
    const std::size_t C = spec.C, F = spec.F;
    const std::size_t attn = 3 * C * C + 3 * C + C * C + C, ffn = F * C + F + C * F + C;
    const std::size_t n = 3 * 2 * C + 2 * attn + ffn;
    tf::Rng rng(11);
    weights = normal_vector(rng, n, 0.3f);
    grads.assign(n, 0.0f);
    bind(weights.data(), w);
    bind(grads.data(), g);
  }
  void bind(float* p, tf::BlockWeights& b) const {
    const std::size_t C = spec.C, F = spec.F;
    auto take = [&](std::size_t k) {
      float* q = p;
      p += k;
      return q;
    };
    for (auto& n : b.norm) n = {take(C), take(C)};
    for (tf::AttentionWeights* a : {&b.self, &b.cross}) *a = {take(3 * C * C), take(3 * C), take(C * C), take(C)};
    b.ffn = {take(F * C), take(F), take(C * F), take(C)};
  }
};

}  // namespace

TEST_CASE("block: encoder and decoder blocks, pre- and post-LN, match central differences", "[units][gradcheck]") {
  const int B = 2, T = 4, S = 5, C = 8;
  for (auto norm : {tf::NormPlacement::Pre, tf::NormPlacement::Post}) {
    for (bool cross : {false, true}) {
      INFO((norm == tf::NormPlacement::Pre ? "pre-LN" : "post-LN") << (cross ? " decoder" : " encoder"));
      BlockFixture f(norm, cross, /*causal=*/cross);
      tf::Rng rng(3);
      auto x = normal_vector(rng, B * T * C), memory = normal_vector(rng, B * S * C), r = normal_vector(rng, B * T * C);
      const unsigned char self_pad[] = {0, 0, 0, 0, 0, 0, 1, 1}, memory_pad[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
      tf::BlockActs acts;
      tf::BlockScratch scratch;
      tf::block_reserve(acts, f.spec, B, T, S);
      tf::block_scratch_reserve(scratch, f.spec, B, T, S);
      auto inputs = [&] {
        tf::BlockInputs in;
        in.x = x.data(), in.B = B, in.T = T, in.self_pad = self_pad;
        if (cross) in.memory = memory.data(), in.S = S, in.memory_pad = memory_pad;
        return in;
      };
      auto loss = [&] {
        tf::block_forward(acts, f.w, f.spec, inputs());
        return weighted_sum(tf::block_output(acts, f.spec), r);
      };
      loss();
      std::vector<float> dx(B * T * C, 7.0f), dmemory(B * S * C, 0.0f);  // dx is written, not added to
      tf::block_backward(dx.data(), f.g, scratch, r.data(), acts, f.w, f.spec, inputs(),
                         cross ? dmemory.data() : nullptr);
      CHECK(central_difference_error(x, dx, loss, 30, 4) < 1e-2);
      if (cross) {
        CHECK(central_difference_error(memory, dmemory, loss, 30, 5) < 1e-2);
        for (int k = 8 * C; k < 10 * C; ++k) CHECK(dmemory[k] == 0.0f);  // padded memory rows get nothing
      }
      CHECK(central_difference_error(f.weights, f.grads, loss, 200, 6) < 1e-2);
    }
  }
}

TEST_CASE("setup: corpus checks, held-out split and sentence pairs, with their error codes", "[units][setup]") {
  CHECK(code_of([] { tf::validate_corpus("", 100); }) == "empty_text");
  CHECK(code_of([] { tf::validate_corpus(" \n\t", 100); }) == "empty_text");
  CHECK(code_of([] { tf::validate_corpus("\xEF\xBB\xBF\n", 100); }) == "empty_text");
  CHECK(code_of([] { tf::validate_corpus(std::string(101, 'a'), 100); }) == "text_too_large");
  CHECK(code_of([] { tf::validate_corpus(std::string("a\0b", 3), 100); }) == "binary_text");
  CHECK(code_of([] { tf::validate_corpus("ab\xE9t", 100); }) == "invalid_utf8");
  CHECK(code_of([] { tf::validate_text(" ", 100); }) == "none");  // a prompt may be one space
  try {
    tf::validate_text("ab\xE9t", 100, "corpus x.txt");
  } catch (const tf::Error& e) {
    CHECK(std::string(e.what()) ==
          "corpus x.txt is not valid UTF-8: bad byte 0xE9 at byte offset 2 (save it as UTF-8)");
    CHECK(e.detail() == 2);
  }

  std::vector<int> ids(100);
  const tf::TextSplit s = tf::split_text(ids, 0.1, 8);
  CHECK(s.train.size() == 90);
  CHECK(s.held_out.size() == 10);
  CHECK(tf::split_text(ids, 0.1, 10).held_out.empty());  // 10 held-out tokens are no window of 11
  CHECK(code_of([&] { tf::split_text(ids, 0.1, 100); }) == "corpus_too_short");

  const auto pairs =
      tf::parse_pairs("\xEF\xBB\xBF나는 밥을 먹었다\tI ate rice\r\n\n고양이는 귀엽다\tThe cat is cute\n");
  REQUIRE(pairs.size() == 2);
  CHECK(pairs[0].source == "나는 밥을 먹었다");
  CHECK(pairs[0].target == "I ate rice");  // the CR of a CRLF line is gone
  CHECK(pairs[1].line == 3);
  auto error = [](const char* tsv) {
    try {
      tf::parse_pairs(tsv);
    } catch (const tf::Error& e) {
      return e.code() + ":" + std::to_string(e.detail());
    }
    return std::string("none");
  };
  CHECK(error("a\tb\nno tab here\n") == "pairs_no_tab:2");
  CHECK(error("a\tb\tc\n") == "pairs_no_tab:1");
  CHECK(error("a\tb\n \tb\n") == "pairs_empty_side:2");
  CHECK(error("a\t\n") == "pairs_empty_side:1");

  std::string tsv;
  for (int i = 0; i < 20; ++i) tsv += "가 나 다\ta b c\n";
  const tf::PairData d = tf::prepare_pairs(tsv, "", tf::TokenizerKind::Word, tf::TokenizerKind::Word, 8, 1 << 20);
  CHECK(d.train.size() == 18);
  CHECK(d.held_out.size() == 2);  // the 10th and 20th
  CHECK(d.train[0].source.size() == 3);
  CHECK(d.shape.S == 5);
  CHECK(d.shape.T == 4);
  CHECK(code_of([&] { tf::prepare_pairs(tsv, "", tf::TokenizerKind::Char, tf::TokenizerKind::Word, 5, 1 << 20); }) ==
        "pairs_too_long");
  CHECK(code_of([&] { tf::prepare_pairs("a\tb\n", "", tf::TokenizerKind::Char, tf::TokenizerKind::Char, 8, 99); }) ==
        "pairs_too_few");
}
