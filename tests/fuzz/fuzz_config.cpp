// Settings JSON: byte 0 picks the GPT config, the encoder-decoder config, the optimizer config, the
// sampling settings, or a whole model or trainer spec through the sessions (as the page sends them).
#include <nlohmann/json.hpp>

#include "api/session.hpp"
#include "fuzz.hpp"
#include "io/checkpoint.hpp"
#include "model/config.hpp"
#include "model/seq2seq_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = tf::fuzz::bytes(data, size);
  const unsigned choice = tf::fuzz::take_choice(in, 6);
  const std::string text(in);
  if (choice < 3) {
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return 0;
    tf::fuzz::expect_engine_errors([&] {
      if (choice == 0) tf::ModelConfig::from_json(j);
      if (choice == 1) tf::Seq2SeqConfig::from_json(j);
      if (choice == 2) tf::optimizer_config_from_json(j);
    });
    return 0;
  }
  static const std::string corpus = "나는 밥을 먹었다. 고양이는 귀엽다. 밥을 나는 먹었다. the cat ate rice.\n";
  tf::fuzz::expect_engine_errors([&] {
    if (choice == 3) {
      tf::sampling_from_json(text);
    } else if (choice == 4) {
      tf::ModelSession m;
      m.create_from_corpus(text, "char", corpus, 1);
      m.inspect_text("나는");
    } else {
      tf::TrainingSession t;
      t.create(text, corpus + corpus + corpus);
      t.step(1);
    }
  });
  return 0;
}
