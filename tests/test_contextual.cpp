// Contextual vectors of one word across sentences (the 사과 lesson's engine side).
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/contextual.hpp"
#include "core/error.hpp"

using namespace tf;

TEST_CASE("every occurrence of a word is found, with vectors, cosines, a 2-D projection and attention",
          "[contextual]") {
  const std::vector<std::string> sentences = {"빨간 사과를 먹었다", "진심 어린 사과를 했다",
                                              "사과의 의미로 사과를 드렸다", "고양이는 귀엽다"};
  std::string corpus;
  for (const auto& s : sentences) corpus += s + "\n";
  for (TokenizerKind kind : {TokenizerKind::Char, TokenizerKind::Jamo}) {
    const Tokenizer tok = Tokenizer::build(kind, corpus);
    ModelConfig c;
    c.vocab_size = tok.vocab_size();
    c.n_embd = 16;
    c.n_head = 2;
    c.block_size = 64;
    Model m(c, 3);
    const ContextualAnalysis a = analyze_word(m, tok, sentences, "사과");
    REQUIRE(a.occurrences.size() == 4);  // once, once, twice, never
    CHECK(a.occurrences[2].sentence == 2);
    CHECK(a.occurrences[3].sentence == 2);
    CHECK(a.occurrences[2].token < a.occurrences[3].token);
    CHECK(a.layers == 3);
    for (int l = 0; l < a.layers; ++l) {
      REQUIRE(a.vectors[l].size() == 4 * 16);
      REQUIRE(a.cosine[l].size() == 16);
      REQUIRE(a.projection[l].size() == 8);
      for (int i = 0; i < 4; ++i) CHECK(a.cosine[l][i * 4 + i] == Approx(1.0f).epsilon(1e-5));
      for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) CHECK(a.cosine[l][i * 4 + j] == Approx(a.cosine[l][j * 4 + i]));
    }
    // at the embedding layer, occurrences at the same position with the same tokens are identical
    // (sentences 0/1 differ in position, so compare the two in sentence 2 with themselves only)
    REQUIRE(a.attention.size() == 2);
    for (const auto& row : a.attention[1]) {
      float sum = 0;
      for (float p : row) sum += p;
      CHECK(sum == Approx(1.0f).epsilon(1e-5));
    }
  }
}

TEST_CASE("word errors and group similarity", "[contextual]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "사과 고양이");
  ModelConfig c;
  c.vocab_size = tok.vocab_size();
  c.n_embd = 8;
  c.n_head = 2;
  Model m(c, 1);
  CHECK_THROWS_AS(analyze_word(m, tok, {"고양이"}, "사과"), Error);
  CHECK_THROWS_AS(analyze_word(m, tok, {"사과"}, ""), Error);
  const std::vector<float> cos = {1, 0.9f, 0.1f, 0.9f, 1, 0.2f, 0.1f, 0.2f, 1};
  const GroupSimilarity g = group_similarity(cos, {"apple", "apple", "apology"});
  CHECK(g.within == Approx(0.9f));
  CHECK(g.across == Approx(0.15f));
}

TEST_CASE("nearest centroid against a hand-computed case", "[contextual]") {
  // rows: a (1, 0), a (0.9, 0.1), b (0, 1), b (0.2, 0.8), a (0.4, 0.6), b (0.7, 0.3)
  const std::vector<float> X = {1, 0, 0.9f, 0.1f, 0, 1, 0.2f, 0.8f, 0.4f, 0.6f, 0.7f, 0.3f};
  const std::vector<std::string> labels = {"a", "a", "b", "b", "a", "b"};
  // centroids from rows 0 and 2: a = (1, 0), b = (0, 1). Cosines: row 1 → a (0.994 vs 0.110),
  // row 3 → b, row 4 (0.4, 0.6) → b (0.555 vs 0.832: wrong), row 5 (0.7, 0.3) → a (wrong)
  const CentroidCheck c = nearest_centroid(X, 2, labels, {true, false, true, false, false, false});
  CHECK(c.fit == 2);
  CHECK(c.tested == 4);
  CHECK(c.correct == 2);
  CHECK(c.predicted == std::vector<std::string>{"", "a", "", "b", "b", "a"});
  // centroids from rows 0, 1 (a: (0.95, 0.05)) and 2, 3 (b: (0.1, 0.9)): row 4 → b (cos 0.888 vs 0.598), row 5 → a
  const CentroidCheck d = nearest_centroid(X, 2, labels, {true, true, true, true, false, false});
  CHECK(d.predicted[4] == "b");
  CHECK(d.predicted[5] == "a");
  // equal cosines: the label that sorts first
  const CentroidCheck tie = nearest_centroid({1, 0, 0, 1, 1, 1}, 2, {"b", "a", "a"}, {true, true, false});
  CHECK(tie.predicted[2] == "a");
  CHECK_THROWS_AS(nearest_centroid(X, 2, {"a"}, {true}), Error);
}

TEST_CASE("the sense check counts every occurrence once and compares with the commoner sense", "[contextual]") {
  const std::vector<std::string> sentences = {"빨간 사과를 먹었다", "진심 어린 사과를 했다",
                                              "빨간 사과가 달다",   "진심 어린 사과였다",
                                              "빨간 사과",          "사과의 의미로 사과를 드렸다"};
  std::string corpus;
  for (const auto& s : sentences) corpus += s + "\n";
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, corpus);
  ModelConfig c;
  c.vocab_size = tok.vocab_size();
  c.n_embd = 16;
  c.n_head = 2;
  Model m(c, 3);
  const std::vector<std::string> labels = {"apple", "apology", "apple", "apology", "apple", "apology", "apple"};
  const SenseCheck s = sense_check(m, tok, sentences, "사과", labels);
  CHECK(s.occurrences == 7);
  CHECK(s.senses == std::vector<std::string>{"apology", "apple"});
  CHECK(s.counts == std::vector<int>{3, 4});
  REQUIRE(s.accuracy.size() == 3);
  REQUIRE(s.similarity.size() == 3);
  // the baseline: even occurrences (apple ×4) → guess apple for the odd ones (apology ×3): 0 right;
  // odd (apology ×3) → guess apology for the even ones (apple ×4): 0 right
  CHECK(s.majority == 0.0f);
  for (float a : s.accuracy) {
    CHECK(a >= 0.0f);
    CHECK(a <= 1.0f);
    // a whole number of the 7 occurrences
    CHECK(std::fabs(a * 7 - std::round(a * 7)) < 1e-4f);
  }
  // agrees with nearest_centroid on the analysis's own vectors
  const ContextualAnalysis a = analyze_word(m, tok, sentences, "사과");
  std::vector<bool> even(7), odd(7);
  for (int i = 0; i < 7; ++i) even[i] = i % 2 == 0, odd[i] = i % 2 == 1;
  const int right = nearest_centroid(a.vectors[2], 16, labels, even).correct +
                    nearest_centroid(a.vectors[2], 16, labels, odd).correct;
  CHECK(s.accuracy[2] == Approx(right / 7.0f));
  CHECK(s.similarity[2].within == Approx(group_similarity(a.cosine[2], labels).within));
  CHECK_THROWS_AS(sense_check(m, tok, sentences, "사과", {"apple"}), Error);
}
