// Attention between words aggregated from attention between tokens (model/word_attention.hpp).
#include <catch2/catch.hpp>

#include <vector>

#include "grad_check.hpp"
#include "model/word_attention.hpp"
#include "text/tokenizer.hpp"

using namespace tf;
using tf::test::code_of;

TEST_CASE("words are runs of tokens between spaces; specials and spaces belong to no word", "[word_attention]") {
  // char tokens of "<bos> 고양 이는 ␣ 귀엽다 <eos>" as a char model would give them
  const std::vector<int> ids = {Tokenizer::BOS, 10, 11, 12, 13, 14, 15, 16, 17, Tokenizer::EOS};
  const std::vector<std::string> texts = {"<bos>", "고", "양", "이", "는", " ", "귀", "엽", "다", "<eos>"};
  const WordGroups g = group_words(ids, texts);
  CHECK(g.words == std::vector<std::string>{"고양이는", "귀엽다"});
  CHECK(g.group == std::vector<int>{-1, 0, 0, 0, 0, -1, 1, 1, 1, -1});

  // word pieces with a leading space (or the ▁ mark) start words; <unk> is a word the learner typed
  const WordGroups w = group_words({20, 21, Tokenizer::UNK, 22}, {"나는", " 밥을",
                                                                  "\xE2\x96\x81"
                                                                  "먹었다",
                                                                  "!"});
  CHECK(w.words == std::vector<std::string>{"나는", "밥을", "먹었다!"});
  CHECK(w.group == std::vector<int>{0, 1, 2, 2});
  CHECK(code_of([] { group_words({1, 2}, {"a"}); }) == "bad_shape");
}

TEST_CASE("word attention: mean over a word's query tokens of the sum over the other word's key tokens",
          "[word_attention]") {
  // queries: <bos> a b | c     keys: <bos> x y ␣ z <eos>
  const WordGroups rows = group_words({1, 10, 11, 12}, {"<bos>", "a", "b", " c"});
  const WordGroups cols = group_words({1, 20, 21, 22, 23, 2}, {"<bos>", "x", "y", " ", "z", "<eos>"});
  REQUIRE(rows.words.size() == 2);  // ab, c
  REQUIRE(cols.words.size() == 2);  // xy, z
  const std::vector<float> P = {
      1.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f,  // <bos>: ignored
      0.1f, 0.2f, 0.3f, 0.1f, 0.2f, 0.1f,  // a
      0.0f, 0.5f, 0.1f, 0.0f, 0.4f, 0.0f,  // b
      0.2f, 0.0f, 0.0f, 0.0f, 0.7f, 0.1f,  // c
  };
  const WordAttention w = aggregate_attention(P.data(), 1, 4, 6, rows, cols);
  REQUIRE(w.rows == 2);
  REQUIRE(w.cols == 2);
  // ab → xy: mean(0.2+0.3, 0.5+0.1) = 0.55;  ab → z: mean(0.2, 0.4) = 0.3
  CHECK(w.weights[0] == Approx(0.55f));
  CHECK(w.weights[1] == Approx(0.30f));
  CHECK(w.weights[2] == Approx(0.0f));
  CHECK(w.weights[3] == Approx(0.7f));
  // the rest went to specials and the space: ab 1 − 0.85, c 1 − 0.7
  CHECK(w.rest[0] == Approx(0.15f));
  CHECK(w.rest[1] == Approx(0.3f));
  CHECK(code_of([&] { aggregate_attention(P.data(), 1, 3, 6, rows, cols); }) == "bad_shape");
}

TEST_CASE("a row that goes wholly to words has no rest, even when its floats add up past 1", "[word_attention]") {
  // three pieces of one word, each given a float third: 3 × 0.33333334f = 1.00000003 in double
  const WordGroups g = group_words({10, 11, 12}, {"a", "b", "c"});
  const float third = 1.0f / 3.0f;
  const std::vector<float> P = {1.0f, 0.0f, 0.0f, 0.5f, 0.5f, 0.0f, third, third, third};
  const WordAttention w = aggregate_attention(P.data(), 1, 3, 3, g, g);
  REQUIRE(w.rest.size() == 1u);
  CHECK(w.weights[0] == Approx(1.0f));
  CHECK(w.rest[0] == 0.0f);
}

TEST_CASE("with one token per word, word attention is the token attention without the specials", "[word_attention]") {
  const WordGroups rows = group_words({10, 11, 2}, {"I", " ate", "<eos>"});
  const WordGroups cols = group_words({1, 20, 21, 2}, {"<bos>", "나는", " 먹었다", "<eos>"});
  const std::vector<float> P = {0.1f, 0.6f, 0.2f, 0.1f, 0.0f, 0.1f, 0.9f, 0.0f, 0.25f, 0.25f, 0.25f, 0.25f};
  const WordAttention w = aggregate_attention(P.data(), 1, 3, 4, rows, cols);
  REQUIRE(w.rows == 2);
  CHECK(w.weights == std::vector<float>{0.6f, 0.2f, 0.1f, 0.9f});
}

TEST_CASE("with several heads, word attention is the mean over heads", "[word_attention]") {
  const WordGroups rows = group_words({10, 11}, {"a", " b"});
  const WordGroups cols = group_words({20, 21}, {"x", " y"});
  const std::vector<float> P = {1.0f, 0.0f, 0.5f,  0.5f,    // head 0
                                0.0f, 1.0f, 0.25f, 0.75f};  // head 1
  const WordAttention w = aggregate_attention(P.data(), 2, 2, 2, rows, cols);
  CHECK(w.weights == std::vector<float>{0.5f, 0.5f, 0.375f, 0.625f});
  CHECK(code_of([&] { aggregate_attention(P.data(), 0, 2, 2, rows, cols); }) == "bad_shape");
}

TEST_CASE("the mean over heads of attention maps", "[word_attention]") {
  const std::vector<float> P = {1.0f, 0.0f, 0.5f, 0.5f, 0.0f, 1.0f, 0.25f, 0.75f};
  CHECK(mean_over_heads(P.data(), 2, 4) == std::vector<float>{0.5f, 0.5f, 0.375f, 0.625f});
  CHECK(mean_over_heads(P.data(), 1, 4) == std::vector<float>(P.begin(), P.begin() + 4));
  CHECK(code_of([&] { mean_over_heads(P.data(), 0, 4); }) == "bad_shape");
}
