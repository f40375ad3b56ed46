// One vector per token vs one per word in context (words.html's comparison): compare_senses against a scalar
// reference on a small random model.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/compare_vectors.hpp"
#include "core/error.hpp"

using namespace tf;

namespace {

// The algorithmic reference: cos(a, b) in double.
double ref_cosine(const float* a, const float* b, int C) {
  double d = 0, na = 0, nb = 0;
  for (int c = 0; c < C; ++c) d += double(a[c]) * b[c], na += double(a[c]) * a[c], nb += double(b[c]) * b[c];
  return d / std::sqrt(na * nb);
}

struct Small {
  std::vector<std::string> sentences = {"나는 빨간 사과를 샀다", "나는 진심으로 사과했다",
                                        "사과의 의미로 사과를 드렸다", "말은 사과를 먹었다", "고양이는 귀엽다"};
  Tokenizer tok;
  ModelConfig config;
  Small() : tok(Tokenizer::build(TokenizerKind::Char, corpus())) {
    config.vocab_size = tok.vocab_size();
    config.n_embd = 16;
    config.n_head = 2;
    config.block_size = 32;
  }
  std::string corpus() const {
    std::string s;
    for (const auto& x : sentences) s += x + "\n";
    return s;
  }
};

}  // namespace

TEST_CASE("cosine_matrix and labelled_similarity against a scalar reference", "[compare]") {
  const std::vector<float> rows = {1, 0, 2, 0.5f, -1, 3, 2, 0, 4, -2, 1, 0.25f};  // (4, 3)
  const std::vector<float> cos = cosine_matrix(rows.data(), 4, 3);
  REQUIRE(cos.size() == 16);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j)
      CHECK(cos[i * 4 + j] == Approx(ref_cosine(&rows[i * 3], &rows[j * 3], 3)).epsilon(1e-6));
  // rows 0 and 2 are parallel
  CHECK(cos[0 * 4 + 2] == Approx(1.0));
  // labels a, a, b, "" (unlabelled: left out of both means)
  const SenseSimilarity s = labelled_similarity(cos, {"a", "a", "b", ""});
  CHECK(s.within_pairs == 1);
  CHECK(s.across_pairs == 2);
  CHECK(s.within == Approx(cos[0 * 4 + 1]));
  CHECK(s.across == Approx((cos[0 * 4 + 2] + cos[1 * 4 + 2]) / 2));
  const SenseSimilarity none = labelled_similarity(cos, {"", "", "", ""});
  CHECK(none.within_pairs + none.across_pairs == 0);
  CHECK_THROWS_AS(labelled_similarity(cos, {"a"}), Error);
}

TEST_CASE("compare_senses: one input-embedding row per token, one hidden state per word in context", "[compare]") {
  Small s;
  Model m(s.config, 7);
  const SenseComparison c =
      compare_senses(m, s.tok, s.sentences, "사과", {{"apple"}, {"apology"}, {"apology", "apple"}, {"apple"}});
  const int N = 5, C = 16;
  REQUIRE(c.contextual.occurrences.size() == std::size_t(N));
  CHECK(c.labels == std::vector<std::string>{"apple", "apology", "apology", "apple", "apple"});
  CHECK(c.labelled == 5);
  // the word's tokens: 사 and 과, their rows of wte
  REQUIRE(c.word_texts == std::vector<std::string>{"사", "과"});
  const float* wte = m.weights().data() + m.param_info("transformer.wte.weight").offset;
  REQUIRE(c.token_rows.size() == std::size_t(2 * C));
  for (int k = 0; k < 2; ++k)
    for (int i = 0; i < C; ++i) CHECK(c.token_rows[k * C + i] == wte[c.word_tokens[k] * C + i]);
  CHECK(c.word_tokens[0] == s.tok.encode("사")[0]);
  // the same row (과) in every sentence: every cosine 1, within = across = 1
  REQUIRE(c.embedding_cosine.size() == std::size_t(N * N));
  for (float x : c.embedding_cosine) CHECK(x == Approx(1.0f).epsilon(1e-5));
  CHECK(c.embedding_groups.within == Approx(1.0f).epsilon(1e-5));
  CHECK(c.embedding_groups.across == Approx(1.0f).epsilon(1e-5));
  CHECK(c.embedding_groups.within_pairs == 4);  // apple: 3 → 3 pairs, apology: 2 → 1 pair
  CHECK(c.embedding_groups.across_pairs == 6);
  // in context, the hidden states differ: the per-layer means are those of the reference cosines
  REQUIRE(c.layer_groups.size() == 3);
  for (int l = 1; l < 3; ++l) {
    const std::vector<float>& V = c.contextual.vectors[l];  // (N, C)
    double within = 0, across = 0;
    for (int i = 0; i < N; ++i)
      for (int j = i + 1; j < N; ++j)
        (c.labels[i] == c.labels[j] ? within : across) += ref_cosine(&V[i * C], &V[j * C], C);
    CHECK(c.layer_groups[l].within == Approx(within / 4).epsilon(1e-4));
    CHECK(c.layer_groups[l].across == Approx(across / 6).epsilon(1e-4));
    bool differ = false;
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < N; ++j) differ = differ || c.contextual.cosine[l][i * N + j] < 0.9999f;
    CHECK(differ);
  }
}

TEST_CASE("compare_senses: unlabelled sentences, unknown words", "[compare]") {
  Small s;
  Model m(s.config, 7);
  const SenseComparison c = compare_senses(m, s.tok, s.sentences, "사과", {{"apple"}});
  CHECK(c.labels == std::vector<std::string>{"apple", "", "", "", ""});
  CHECK(c.labelled == 1);
  CHECK(c.embedding_groups.within_pairs + c.embedding_groups.across_pairs == 0);
  CHECK_THROWS_AS(compare_senses(m, s.tok, s.sentences, "사자", {}), Error);  // 자 is not in the vocabulary
  try {
    compare_senses(m, s.tok, {"사자가 왔다"}, "사자", {});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.code()) == "unknown_word");
  }
  CHECK_THROWS_AS(compare_senses(m, s.tok, s.sentences, "강아지", {}), Error);
}
