// corpus_prefix: where a continuation stops reading as the training text (text/corpus_prefix.hpp).
#include <catch2/catch.hpp>

#include <string>

#include "text/corpus_prefix.hpp"
#include "text/tokenizer.hpp"

using namespace tf;

TEST_CASE("a continuation is judged against every corpus line, not one reference", "[corpus_prefix]") {
  const std::string corpus = "나는 밥을 먹었다.\n나는 빵을 먹었다.\n\n고양이는 귀엽다.\n";
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, corpus);
  // another sentence of the corpus than the reference "나는 밥을 먹었다." is fluent to its end
  CorpusPrefix p = corpus_prefix(tok, corpus, tok.encode("나는 빵을 먹었다."));
  CHECK(p.matched == static_cast<int>(tok.encode("나는 빵을 먹었다.").size()));
  CHECK(p.line == 1);
  // it stops where no line goes on: "나는 밥을 " then "귀" (no line reads 나는 밥을 귀...)
  p = corpus_prefix(tok, corpus, tok.encode("나는 밥을 귀엽다."));
  CHECK(p.matched == static_cast<int>(tok.encode("나는 밥을 ").size()));
  CHECK(p.line == 0);
  // a whole line, the line break, then the start of another line: still the corpus (line numbers count
  // empty lines)
  const std::vector<int> two = tok.encode("나는 밥을 먹었다.\n고양이는 귀");
  p = corpus_prefix(tok, corpus, two);
  CHECK(p.matched == static_cast<int>(two.size()));
  CHECK(p.line == 3);
  // nothing in common
  p = corpus_prefix(tok, corpus, tok.encode("다"));
  CHECK(p.matched == 0);
  CHECK(p.line == -1);
  CHECK(corpus_prefix(tok, corpus, {}).matched == 0);
}
