// A checkpoint from arbitrary bytes, as the page (ModelSession / TranslationSession::load) and the CLI
// (load_checkpoint_bytes) open it. What loads must then run: tokenize, inspect and generate a few tokens.
#include "api/session.hpp"
#include "api/translation_session.hpp"
#include "fuzz.hpp"
#include "io/checkpoint.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = tf::fuzz::bytes(data, size);
  tf::fuzz::expect_engine_errors([&] { tf::load_checkpoint_bytes(in); });
  tf::fuzz::expect_engine_errors([&] {
    tf::ModelSession m;
    m.load(in);
    const auto r = m.inspect_text("ab");
    m.generate(r.ids, 3, R"({"temperature": 0.8, "top_k": 3})", 1);
    m.save();
  });
  tf::fuzz::expect_engine_errors([&] {
    tf::TranslationSession s;
    s.load(in);
    s.translate("ab", "{}", 3, 1);
  });
  return 0;
}
