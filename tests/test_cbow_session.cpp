// Word vectors through the facades the page and the CLI use: TrainingSession with "arch": "cbow" and CbowSession.
#include <catch2/catch.hpp>

#include <cmath>

#include "api/cbow_session.hpp"
#include "api/session.hpp"
#include "data/corpora.hpp"
#include "grad_check.hpp"
#include "io/checkpoint.hpp"

using namespace tf;
using tf::test::code_of;

namespace {

const std::string& words_text() {
  static const std::string text = make_corpus("ko-words", 1, 500).text();
  return text;
}

const char* kSpec = R"({"arch": "cbow", "seed": 5, "model": {"dim": 16, "window": 2, "min_count": 2},
                        "train": {"batch_size": 32}, "racers": [{"optimizer": {"kind": "adam", "lr": 0.01}}]})";

std::unique_ptr<CbowSession> trained(int steps = 300) {
  TrainingSession t;
  t.create(kSpec, words_text());
  t.step(steps);
  return t.snapshot_cbow(0);
}

}  // namespace

TEST_CASE("training session: arch cbow trains word vectors; info, evaluation, snapshots", "[cbow][session]") {
  TrainingSession t;
  t.create(kSpec, words_text());
  CHECK(t.cbow());
  CHECK_FALSE(t.seq2seq());
  const nlohmann::json info = t.info();
  CHECK(info["arch"] == "cbow");
  CHECK(info["config"]["window"] == 2);
  CHECK(info["words"][4].is_string());
  CHECK(info["seq_len"] == 4);
  CHECK(info["train_words"].get<long long>() > 1000);
  const float before = t.evaluate(0, 8);
  const auto steps = t.step(200);
  CHECK(steps.size() == 200u);
  CHECK(steps.back().result.tokens == 32);
  CHECK(t.evaluate(0, 8) < 0.7f * before);
  CHECK(code_of([&] { t.snapshot(0); }) == "wrong_arch");
  CHECK(code_of([&] { t.snapshot_translation(0); }) == "wrong_arch");
  auto s = t.snapshot_cbow(0);
  CHECK(s->model().config().vocab_size == t.tokenizer().vocab_size());
  // the snapshot is a copy: more training does not move it
  const std::vector<float> frozen = s->vectors("input");
  t.step(5);
  CHECK(s->vectors("input") == frozen);
  // the saved checkpoint opens as word vectors with the optimizer state
  const Checkpoint ck = load_checkpoint_bytes(t.save(0));
  CHECK(ck.cbow() != nullptr);
  CHECK(ck.optimizer_steps == 205);
}

TEST_CASE("training session: cbow settings and text are checked with codes", "[cbow][session]") {
  TrainingSession t;
  CHECK(code_of([&] { t.create(R"({"arch": "cbow"})", ""); }) == "empty_text");
  CHECK(code_of([&] { t.create(R"({"arch": "cbow"})", "   \n"); }) == "empty_text");
  CHECK(code_of([&] { t.create(R"({"arch": "cbow"})", "하나"); }) == "corpus_too_short");
  CHECK(code_of([&] { t.create(R"({"arch": "cbow", "model": {"window": 40}})", words_text()); }) == "bad_config");
  CHECK(code_of([&] { t.create(R"({"arch": "cbow", "model": {"mode": "bag"}})", words_text()); }) == "bad_config");
  CHECK(code_of([&] { t.create(R"({"arch": "cbow", "model": {"min_count": 100000}})", words_text()); }) ==
        "corpus_too_short");
  CHECK(code_of([&] { t.create(R"({"arch": "cbow", "racers": [{"sampling_prob": 0.5}]})", words_text()); }) ==
        "bad_train_config");
  CHECK(code_of([&] { t.create(R"({"arch": "cbow", "split_particles": 1})", words_text()); }) == "bad_train_config");
  CHECK(code_of([&] { t.create(R"({"arch": "bag"})", words_text()); }) == "bad_train_config");
  CHECK(code_of([&] { t.create(R"({"arch": "cbow"})", std::string(kMaxCorpusBytes + 1, 'a')); }) == "text_too_large");
  // a window wider than every sentence is fine: the slots past the ends are empty
  t.create(R"({"arch": "cbow", "model": {"window": 16}})", "나 는 밥 을 먹었다\n");
  CHECK(t.step(3).size() == 3u);
}

TEST_CASE("training session: split_particles splits the learner's text first", "[cbow][session]") {
  TrainingSession t;
  t.create(R"({"arch": "cbow", "split_particles": true})", "고양이는 귀엽다\n고양이가 잤다\n나는 고양이를 좋아한다\n");
  const auto words = t.info()["words"];
  const auto has = [&](const std::string& w) { return std::find(words.begin(), words.end(), w) != words.end(); };
  CHECK(has("고양이"));
  CHECK(has("는"));
  CHECK(has("를"));
  CHECK_FALSE(has("고양이는"));
  CHECK(t.info()["config"]["split_particles"] == true);
}

TEST_CASE("cbow session: neighbours, fill-in-the-blank, projection, inspection on trained vectors", "[cbow][session]") {
  auto s = trained();
  const auto near = s->neighbours("고양이", 5);
  REQUIRE(near.size() == 5u);
  for (std::size_t i = 1; i < near.size(); ++i) CHECK(near[i].cosine <= near[i - 1].cosine);
  for (const auto& n : near) CHECK(n.id != s->word_id("고양이"));
  CHECK(s->word_id("고양이는") == s->word_id("고양이"));  // the stem of a word with its particle
  CHECK(s->neighbours("고양이", 3, "output").size() == 3u);

  const BlankResult b = s->fill_blank("나는 ___ 먹었다", 5);
  CHECK(b.words == std::vector<std::string>{"나", "는", "___", "먹었다"});
  CHECK(b.blank == 2);
  CHECK(b.context == std::vector<int>{s->word_id("나"), s->word_id("는"), s->word_id("먹었다"), 0});
  CHECK(b.context_positions == std::vector<int>{0, 1, 3, -1});
  REQUIRE(b.guesses.size() == 5u);
  double total = 0;
  for (float p : b.probs) total += p;
  CHECK(total == Approx(1.0).epsilon(1e-4));
  CHECK(b.guesses[0].prob == b.probs[b.guesses[0].id]);
  // a particle glued to the blank is a word of its own
  CHECK(s->fill_blank("나는 ___을 먹었다", 3).words == std::vector<std::string>{"나", "는", "___", "을", "먹었다"});
  // The top guess is a word the corpus eats (foods) or at least a word seen between 는 and 먹었다 in training.
  CHECK(b.guesses[0].id >= Tokenizer::kNumSpecials);

  const CbowInspectResult r = s->inspect("나 는 밥 을 먹었다", 2);
  CHECK(r.context == std::vector<int>{s->word_id("나"), s->word_id("는"), s->word_id("을"), s->word_id("먹었다")});
  REQUIRE(r.pairs.size() == 1u);
  CHECK(r.pairs[0].target == s->word_id("밥"));
  CHECK(r.sentence_pairs.size() == 5u);
  const auto& mean = r.record.get("context.mean");
  const auto& vecs = r.record.get("context.vectors");
  for (int c = 0; c < 16; ++c) {
    const float m = (vecs(0, c) + vecs(1, c) + vecs(2, c) + vecs(3, c)) / 4;
    CHECK(mean(c) == Approx(m).margin(1e-6));
  }
  CHECK(r.loss == Approx(-std::log(r.record.get("probs")(s->word_id("밥")))).epsilon(1e-5));

  const Projection p0 = s->projection(50, nullptr);
  CHECK(p0.points.size() == 100u);
  const Projection p1 = s->projection(50, &p0.points);
  CHECK(p1.aligned);
  for (std::size_t i = 0; i < p0.points.size(); ++i) CHECK(p1.points[i] == Approx(p0.points[i]).margin(1e-4));
  CHECK(s->projection(100000, nullptr).points.size() == 2u * (s->vocab().vocab_size() - 4));

  // save → load gives the same answers
  CbowSession loaded;
  loaded.load(s->save());
  CHECK(loaded.vectors("input") == s->vectors("input"));
  CHECK(loaded.fill_blank("나는 ___ 먹었다", 5).guesses[0].id == b.guesses[0].id);
}

TEST_CASE("cbow session: bad input gets codes", "[cbow][session]") {
  CbowSession empty;
  CHECK(code_of([&] { empty.neighbours("a", 1); }) == "no_model");
  auto s = trained(20);
  CHECK(code_of([&] { s->neighbours("없는말", 5); }) == "unknown_word");
  CHECK(code_of([&] { s->neighbours("", 5); }) == "empty_text");
  CHECK(code_of([&] { s->neighbours("고양이", 0); }) == "bad_k");
  CHECK(code_of([&] { s->neighbours("고양이", 5, "middle"); }) == "bad_table");
  CHECK(code_of([&] { s->fill_blank("나는 밥을 먹었다", 5); }) == "no_blank");
  CHECK(code_of([&] { s->fill_blank("___ 나는 ___", 5); }) == "no_blank");
  CHECK(code_of([&] { s->fill_blank("없는말 ___ 없는말", 5); }) == "unknown_word");
  CHECK(code_of([&] { s->fill_blank("", 5); }) == "empty_text");
  CHECK(code_of([&] { s->fill_blank("\xff ___", 5); }) == "invalid_utf8");
  CHECK(code_of([&] { s->inspect("나 는 밥", 3); }) == "bad_shape");
  CHECK(code_of([&] { s->inspect("   ", 0); }) == "empty_text");
  CHECK(code_of([&] { s->projection(0, nullptr); }) == "bad_shape");
  const std::vector<float> wrong(6, 0.0f);
  CHECK(code_of([&] { s->projection(50, &wrong); }) == "bad_shape");
  CHECK(code_of([&] { ModelSession().load(s->save()); }) == "wrong_arch");
  CHECK(code_of([&] { TranslationSession().load(s->save()); }) == "wrong_arch");
}

TEST_CASE("the shipped word vectors (web/models/ko-words-cbow.safetensors) cluster and fill blanks", "[cbow][demo]") {
  Checkpoint ck = load_checkpoint(std::string(TF_WEB_DIR) + "/models/ko-words-cbow.safetensors");
  CbowSession s;
  s.adopt(ck.take_cbow(), std::move(ck.tokenizer));
  const auto categories = word_categories(make_corpus("ko-words", 1));
  const auto& cats = lexicon_categories();
  std::vector<int> label(s.vocab().vocab_size(), -1);
  for (int id = Tokenizer::kNumSpecials; id < s.vocab().vocab_size(); ++id) {
    const auto it = categories.find(word_text(s.vocab(), id));
    if (it != categories.end())
      label[id] = static_cast<int>(std::find(cats.begin(), cats.end(), it->second) - cats.begin());
  }
  const std::vector<float> v = s.vectors("input");
  const ClusterScore score = cluster_score(v.data(), s.vocab().vocab_size(), s.model().config().dim, label, 3);
  CHECK(score.share >= 0.7);
  CHECK(score.share > 3 * score.chance);
  int animals = 0;
  for (const Neighbour& n : s.neighbours("고양이", 5))
    animals += categories.at(word_text(s.vocab(), n.id)) == "animals";
  CHECK(animals >= 3);
  int foods = 0;
  for (const Guess& g : s.fill_blank("나는 ___을 먹었다", 5).guesses) {
    const auto it = categories.find(word_text(s.vocab(), g.id));
    foods += it != categories.end() && it->second == "foods";
  }
  CHECK(foods >= 3);
}
