// A tokenizer from its JSON (as a checkpoint or the JS API hands it over), then used: tokenize and decode
// a Korean and English sentence, decode every id of the vocabulary, serialize again.
#include "fuzz.hpp"
#include "text/tokenizer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tf::fuzz::expect_engine_errors([&] {
    const tf::Tokenizer tok = tf::Tokenizer::from_json(std::string(tf::fuzz::bytes(data, size)));
    std::vector<int> ids;
    for (const auto& t : tok.tokenize("고양이는 귀엽다. The cat ate rice.\n사과")) ids.push_back(t.id);
    tok.decode(ids);
    std::vector<int> all;
    for (int i = 0; i < tok.vocab_size() && i < 4096; ++i) all.push_back(i);
    tok.decode(all);
    const tf::Tokenizer again = tf::Tokenizer::from_json(tok.to_json());
    if (again.vocab_size() != tok.vocab_size()) __builtin_trap();
  });
  return 0;
}
