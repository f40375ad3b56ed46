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
