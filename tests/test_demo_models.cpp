// The demo checkpoints the page ships (web/models, made by scripts/make-demo-models.sh): they load,
// beat a unigram model on held-out sentences by a clear margin, write sentence-like text, and (the
// 사과 lesson) give the two senses of 사과 separable contextual vectors.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analysis/contextual.hpp"
#include "data/corpora.hpp"
#include "io/checkpoint.hpp"
#include "model/generate.hpp"
#include "model/translate.hpp"
#include "text/utf8.hpp"

using namespace tf;

namespace {

const std::string kWeb = TF_WEB_DIR;

// Mean next-token loss of `model` over `ids` in windows of block_size, and of a unigram model with
// add-one smoothing estimated on `train_ids`.
std::pair<double, double> heldout_losses(Model& model, const std::vector<int>& train_ids, const std::vector<int>& ids) {
  const int V = model.config().vocab_size, T = model.config().block_size;
  std::vector<double> counts(V, 1.0);
  for (int id : train_ids) counts[id] += 1;
  double total = 0;
  for (double c : counts) total += c;
  double unigram = 0, ours = 0;
  long long n = 0;
  for (std::size_t o = 0; o + T + 1 <= ids.size(); o += T) {
    std::vector<int> x(ids.begin() + o, ids.begin() + o + T), y(ids.begin() + o + 1, ids.begin() + o + T + 1);
    ours += static_cast<double>(model.forward(x.data(), y.data(), 1, T)) * T;
    for (int id : y) unigram += -std::log(counts[id] / total);
    n += T;
  }
  return {ours / n, unigram / n};
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

TEST_CASE("the demo models beat a unigram model on held-out sentences and write sentence-like text", "[demo]") {
  struct Demo {
    const char* file;
    const char* corpus;
    int max_sentences;
    const char* prompt;
  };
  // the same draws make-demo-models.sh trained on: the held-out sentences were never seen
  for (const Demo d : {Demo{"ko-char", "ko", 8000, "나는 "}, Demo{"en-char", "en", 8000, "The cat "}}) {
    INFO(d.file);
    Checkpoint ck = load_checkpoint(kWeb + "/models/" + d.file + ".safetensors");
    const Corpus c = make_corpus(d.corpus, 1, d.max_sentences);
    const auto [ours, unigram] =
        heldout_losses(*ck.gpt(), ck.tokenizer.encode(c.text(false)), ck.tokenizer.encode(c.text(true)));
    INFO("held-out loss: model " << ours << " nats/token, unigram " << unigram);
    CHECK(ours < unigram - 1.5);
    CHECK(ours < 0.5 * unigram);

    Rng rng(1);
    SamplingConfig greedy;
    greedy.temperature = 0.0f;
    const std::string prompt = d.prompt;
    const std::string text =
        prompt + ck.tokenizer.decode(generate(*ck.gpt(), ck.tokenizer.encode(prompt), 80, greedy, rng));
    const std::string line = first_line(text);
    INFO("generated: " << text);
    CHECK(line.size() > prompt.size() + 3);  // it says something before the line ends
    const auto cps = decode_utf8(line);
    if (std::string(d.corpus) == "ko") {
      for (char32_t cp : cps) CHECK((cp == U' ' || (cp >= 0xAC00 && cp <= 0xD7A3)));  // Hangul words only
      CHECK((cps.back() == U'다' || cps.back() == U'요'));                            // a finished Korean sentence
    } else {
      for (char32_t cp : cps) CHECK((cp == U' ' || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z')));
      CHECK(cps.back() != U' ');
    }
  }
}

TEST_CASE("the 사과 lesson: after training, same-sense occurrences are closer than cross-sense ones",
          "[demo][contextual]") {
  std::ifstream in(kWeb + "/data/sagwa-lesson.json");
  REQUIRE(in);
  const nlohmann::json lesson = nlohmann::json::parse(in);
  std::vector<std::string> sentences, senses;
  for (const auto& s : lesson["sentences"]) {
    sentences.push_back(s["text"]);
    for (const auto& sense : s["senses"]) senses.push_back(sense);
  }
  Checkpoint ck = load_checkpoint(kWeb + "/models/ko-char.safetensors");
  const ContextualAnalysis a = analyze_word(*ck.gpt(), ck.tokenizer, sentences, lesson["word"]);
  REQUIRE(a.occurrences.size() == senses.size());
  const GroupSimilarity last = group_similarity(a.cosine.back(), senses);
  INFO("last layer: within-sense " << last.within << ", cross-sense " << last.across);
  CHECK(last.within > last.across + 0.05f);
}

TEST_CASE("the translation demo translates held-out Korean sentences it never saw", "[demo][seq2seq]") {
  Checkpoint ck = load_checkpoint(kWeb + "/models/ko-en-word.safetensors");
  REQUIRE(ck.seq2seq());
  Seq2Seq& model = *ck.seq2seq();
  // the draw make-demo-models.sh trained on; its held-out tenth was never trained on
  std::vector<TokenPair> held_out;
  for (const ParallelPair& p : make_parallel(1, 6000)) {
    if (p.heldout) held_out.push_back({ck.source_tokenizer.encode(p.ko), ck.tokenizer.encode(p.en)});
  }
  REQUIRE(held_out.size() == 599);
  const TranslationScore score = score_translations(model, held_out);
  INFO("held-out exact match " << score.exact_match << ", token accuracy " << score.token_accuracy);
  CHECK(score.exact_match >= 0.9);
  CHECK(score.token_accuracy >= 0.97);

  // the learner's notes: the word order flips, the translation does not
  SamplingConfig greedy;
  greedy.temperature = 0.0f;
  Rng rng(1);
  auto english = [&](const std::string& ko) {
    Translation t = translate(model, ck.source_tokenizer.encode(ko), 20, greedy, rng);
    if (t.finished) t.output.pop_back();
    return ck.tokenizer.decode(t.output);
  };
  CHECK(english("나는 밥을 먹었다") == "I ate rice");
  CHECK(english("밥을 나는 먹었다") == "I ate rice");
  CHECK(english("고양이는 귀엽다") == "The cat is cute");
}
