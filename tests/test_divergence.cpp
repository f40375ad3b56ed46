// Divergence detection (train/divergence.hpp): a learning rate that blows up is caught even when the loss
// stays finite, and healthy runs with the page's settings are never flagged.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "api/session.hpp"
#include "train/divergence.hpp"

using namespace tf;

namespace {

StepResult at(int step, float loss, float grad = 1.0f) {
  StepResult r;
  r.step = step;
  r.loss = loss;
  r.grad_norm = grad;
  return r;
}

std::string web_file(const std::string& name) {
  std::ifstream in(std::string(TF_WEB_DIR) + "/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string spec(const std::string& racers) {
  return R"({"model": {"n_layer": 2, "n_head": 4, "n_embd": 32, "block_size": 32}, "train": {"batch_size": 16},
             "seed": 1, "racers": [)" +
         racers + "]}";
}

}  // namespace

TEST_CASE("a falling loss is never flagged; NaN is", "[divergence]") {
  DivergenceWatch watch(std::log(60.0f));
  for (int s = 1; s <= 500; ++s) CHECK(watch.observe(at(s, 4.1f * std::exp(-s / 80.0f) + 0.05f)) == Divergence::none);
  CHECK(watch.observe(at(501, std::numeric_limits<float>::quiet_NaN())) == Divergence::not_finite);
  CHECK(watch.report().step == 501);
  CHECK(watch.observe(at(502, 0.1f)) == Divergence::not_finite);  // sticky
}

TEST_CASE("a finite loss climbing well above its start is flagged with the numbers", "[divergence]") {
  DivergenceWatch watch(std::log(60.0f));  // ln 60 = 4.09
  Divergence d = Divergence::none;
  int s = 0;
  while (d == Divergence::none && s < 100) {
    ++s;
    d = watch.observe(at(s, 4.13f + 0.6f * static_cast<float>(s - 1)));  // 4.13 → 29.5 over ~40 steps, never NaN
  }
  CHECK(d == Divergence::loss_above_start);
  CHECK(s < 20);
  CHECK(watch.report().start_loss == Approx(4.13f));
  CHECK(watch.report().loss > 1.5f * 4.13f);
  CHECK(to_string(d) == "loss_above_start");

  DivergenceWatch spike(std::log(60.0f));
  CHECK(spike.observe(at(1, 4.13f)) == Divergence::none);
  CHECK(spike.observe(at(2, 9042.0f)) == Divergence::loss_above_start);  // no need to wait for a window
  CHECK(spike.report().loss == Approx(9042.0f));
}

TEST_CASE("a loss that climbs back up after falling, and an exploding gradient, are flagged", "[divergence]") {
  DivergenceWatch rising(std::log(60.0f));
  Divergence d = Divergence::none;
  for (int s = 1; s <= 100; ++s) d = rising.observe(at(s, s <= 50 ? 4.0f - 0.07f * s : 0.5f + 0.1f * (s - 50)));
  CHECK(d == Divergence::loss_rising);
  CHECK(rising.report().best_loss < 1.0f);
  CHECK(rising.report().loss > rising.report().best_loss + 1.0f);

  DivergenceWatch grads(std::log(60.0f));
  d = Divergence::none;
  for (int s = 1; s <= 100 && d == Divergence::none; ++s)
    d = grads.observe(at(s, 3.0f, s <= 10 ? 2.0f : std::pow(2.0f, static_cast<float>(s - 10))));
  CHECK(d == Divergence::grad_exploded);
  CHECK(grads.report().start_grad_norm == Approx(2.0f));
}

TEST_CASE("Adam at lr 10 and lr 0.3 diverge without a NaN; the page's presets stay healthy", "[divergence][session]") {
  const std::string corpus = web_file("data/ko-small.txt");
  SECTION("too large") {
    for (const char* lr : {"10", "0.3"}) {
      TrainingSession t;
      t.create(spec(std::string(R"({"optimizer": {"kind": "adam", "lr": )") + lr + "}}"), corpus);
      int flagged_at = 0;
      for (int s = 0; s < 300 && !flagged_at; ++s)
        for (const auto& r : t.step(1))
          if (r.diverged) flagged_at = r.result.step;
      INFO("lr " << lr);
      REQUIRE(flagged_at > 0);
      const DivergenceReport& d = t.divergence(0);
      CHECK(d.reason != Divergence::none);
      CHECK(std::isfinite(d.loss));  // caught before (or without) a NaN
      CHECK(t.info()["racers"][0]["diverged"] == true);
      CHECK(t.info()["racers"][0]["divergence"]["reason"] == to_string(d.reason));
      CHECK(t.step(5).empty());  // it takes no more steps
    }
  }
  SECTION("the presets") {
    TrainingSession t;
    t.create(spec(R"({"optimizer": {"kind": "sgd", "lr": 0.1}}, {"optimizer": {"kind": "momentum", "lr": 0.15}},
                    {"optimizer": {"kind": "momentum", "lr": 0.3}}, {"optimizer": {"kind": "adam", "lr": 0.003}},
                    {"optimizer": {"kind": "adamw", "lr": 0.003, "weight_decay": 0.1}})"),
             corpus);
    for (int s = 0; s < 30; ++s)
      for (const auto& r : t.step(10)) REQUIRE_FALSE(r.diverged);
    for (int r = 0; r < t.racers(); ++r) CHECK(t.info()["racers"][r]["divergence"].is_null());
  }
}

TEST_CASE("a step that fails with NaN is reported with its own 1-based number, like every other step",
          "[divergence][session]") {
  TrainingSession t;
  t.create(spec(R"({"optimizer": {"kind": "sgd", "lr": 1e6}}, {"optimizer": {"kind": "adam", "lr": 0.003}})"),
           web_file("data/ko-small.txt"));
  int calls = 0;
  bool done = false;
  while (!done && calls < 50) {
    ++calls;
    for (const auto& r : t.step(1)) {
      CHECK(r.result.step == calls);
      if (r.racer == 0 && r.diverged) {
        done = true;
        CHECK(r.reason != Divergence::none);
        CHECK(t.divergence(0).step == calls);
      }
    }
  }
  CHECK(done);
}
