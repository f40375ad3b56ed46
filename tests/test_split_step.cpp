// Split steps: one model's batch cut into shards over several workers (train/trainer.hpp, "Split steps").
// The shards' weighted gradients add up to the whole batch's gradient, and W workers that exchange their
// parts end bit for bit where one worker running every shard ends, for any W.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "api/session.hpp"
#include "core/error.hpp"
#include "grad_check.hpp"
#include "train/trainer.hpp"

using namespace tf;
using tf::test::code_of;
using tf::test::read_file;

namespace {

ModelConfig small_gpt(int vocab) {
  ModelConfig c;
  c.vocab_size = vocab;
  c.block_size = 16;
  c.n_embd = 16;
  c.n_head = 2;
  c.n_layer = 2;
  return c;
}

// One step of W workers: each computes its block of shards, the parts and shard losses go to every other
// worker (as the Workers post them), and every worker finishes the step. All must report the same result.
TrainingSession::RacerStep split_step(std::vector<TrainingSession*>& workers, int shards) {
  const int W = static_cast<int>(workers.size()), count = shards / W;
  for (int w = 0; w < W; ++w) workers[w]->step_part(w * count, count);
  const std::size_t P = workers[0]->info()["num_parameters"].get<std::size_t>();
  for (int w = 0; w < W; ++w)
    for (int k = 0; k < W; ++k) {
      if (k == w) continue;
      std::memcpy(workers[w]->part(k), workers[k]->part(k), P * sizeof(float));
      for (int s = k * count; s < (k + 1) * count; ++s) workers[w]->shard_losses()[s] = workers[k]->shard_losses()[s];
    }
  std::vector<TrainingSession::RacerStep> results;
  for (auto* w : workers) {
    auto r = w->finish_step();
    REQUIRE(r.size() == 1);
    results.push_back(r[0]);
  }
  for (const auto& r : results) {
    CHECK(r.result.step == results[0].result.step);
    CHECK(std::memcmp(&r.result.loss, &results[0].result.loss, sizeof(float)) == 0);
    CHECK(r.result.grad_norm == results[0].result.grad_norm);
    CHECK(r.diverged == results[0].diverged);
  }
  return results[0];
}

const char* kGptSpec = R"({"model": {"n_layer": 2, "n_head": 2, "n_embd": 16, "block_size": 16}, "seed": 7,
    "train": {"batch_size": 8, "seq_len": 16, "shards": 4},
    "racers": [{"optimizer": {"kind": "adam", "lr": 0.01}, "sampling_prob": 0.3}]})";

const char* kPairSpec = R"({"arch": "seq2seq", "seed": 5, "train": {"batch_size": 8, "shards": 4},
    "model": {"n_encoder_layer": 1, "n_decoder_layer": 1, "n_head": 2, "n_embd": 16, "mlp_hidden": 32},
    "racers": [{"optimizer": {"kind": "adam", "lr": 0.01}, "sampling_prob": 0.25}]})";

}  // namespace

TEST_CASE("a step over shards has the gradient of the whole batch, padding weighted by counted targets",
          "[train][split]") {
  const ModelConfig config = small_gpt(20);
  Batch batch;
  batch.resize(8, 16);
  Rng rng(3);
  for (std::size_t i = 0; i < batch.inputs.size(); ++i) {
    batch.inputs[i] = static_cast<int>(rng.below(20));
    batch.targets[i] = static_cast<int>(rng.below(20));
  }
  // uneven padding: shard 1 (rows 2, 3) keeps 3 targets, shard 3 (rows 6, 7) none
  for (int i = 2 * 16 + 3; i < 4 * 16; ++i) batch.targets[i] = Network::kIgnore;
  for (int i = 6 * 16; i < 8 * 16; ++i) batch.targets[i] = Network::kIgnore;

  OptimizerConfig sgd;
  sgd.kind = OptimizerKind::SGD;
  sgd.lr = 0.1f;
  TrainConfig whole;
  whole.batch_size = 8;
  whole.seq_len = 16;
  TrainConfig split = whole;
  split.shards = 4;
  Trainer a(config, sgd, whole), b(config, sgd, split);
  const StepResult ra = a.step(batch), rb = b.step(batch);
  CHECK(rb.tokens == ra.tokens);
  CHECK(rb.loss == Approx(ra.loss).epsilon(1e-6));
  CHECK(rb.grad_norm == Approx(ra.grad_norm).epsilon(1e-5));
  const auto& ga = a.network().grads();
  const auto& gb = b.network().grads();
  double worst = 0, scale = 0;
  for (std::size_t i = 0; i < ga.size(); ++i) {
    worst = std::max(worst, static_cast<double>(std::fabs(ga[i] - gb[i])));
    scale = std::max(scale, static_cast<double>(std::fabs(ga[i])));
  }
  CHECK(scale > 1e-3);
  CHECK(worst <= 1e-5 * scale);
}

TEST_CASE("one worker, two or four: a GPT trained in split steps ends bit for bit the same", "[session][split]") {
  const std::string corpus = read_file(std::string(TF_TEST_DATA_DIR) + "/korean_small.txt");
  TrainingSession alone;
  alone.create(kGptSpec, corpus);
  TrainingSession two[2], four[4];
  for (auto& s : two) s.create(kGptSpec, corpus);
  for (auto& s : four) s.create(kGptSpec, corpus);
  std::vector<TrainingSession*> w2 = {&two[0], &two[1]}, w4 = {&four[0], &four[1], &four[2], &four[3]};
  for (int i = 0; i < 6; ++i) {
    const auto r1 = alone.step(1);
    REQUIRE(r1.size() == 1);
    const auto r2 = split_step(w2, 4), r4 = split_step(w4, 4);
    CHECK(std::memcmp(&r2.result.loss, &r1[0].result.loss, sizeof(float)) == 0);
    CHECK(std::memcmp(&r4.result.loss, &r1[0].result.loss, sizeof(float)) == 0);
    CHECK(r2.result.grad_norm == r1[0].result.grad_norm);
    CHECK(r2.result.tokens == r1[0].result.tokens);
    CHECK(r4.result.step == i + 1);
  }
  const std::string bytes = alone.save(0);  // weights, optimizer state and the coin stream
  CHECK(two[0].save(0) == bytes);
  CHECK(two[1].save(0) == bytes);
  for (auto& s : four) CHECK(s.save(0) == bytes);
  CHECK(four[3].evaluate(0) == alone.evaluate(0));
}

TEST_CASE("encoder-decoder pairs with padding: split steps end bit for bit as one worker's",
          "[session][split][seq2seq]") {
  const std::string pairs = read_file(std::string(TF_WEB_DIR) + "/data/ko-en.tsv");
  TrainingSession alone, two[2];
  alone.create(kPairSpec, pairs);
  for (auto& s : two) s.create(kPairSpec, pairs);
  std::vector<TrainingSession*> w2 = {&two[0], &two[1]};
  const float before = alone.evaluate(0);
  for (int i = 0; i < 8; ++i) {
    const auto r1 = alone.step(1);
    const auto r2 = split_step(w2, 4);
    CHECK(std::memcmp(&r2.result.loss, &r1[0].result.loss, sizeof(float)) == 0);
  }
  CHECK(two[0].save(0) == alone.save(0));
  CHECK(two[1].save(0) == alone.save(0));
  CHECK(alone.evaluate(0) < before);
}

TEST_CASE("a learning rate that blows up diverges in every worker at the same step", "[session][split]") {
  const std::string corpus = read_file(std::string(TF_TEST_DATA_DIR) + "/korean_small.txt");
  const char* spec = R"({"model": {"n_layer": 1, "n_head": 2, "n_embd": 16, "block_size": 16},
      "train": {"batch_size": 4, "seq_len": 16, "shards": 2},
      "racers": [{"optimizer": {"kind": "sgd", "lr": 1e30}}]})";
  TrainingSession alone, two[2];
  alone.create(spec, corpus);
  for (auto& s : two) s.create(spec, corpus);
  std::vector<TrainingSession*> w2 = {&two[0], &two[1]};
  int diverged_at = 0;
  for (int i = 1; i <= 5 && !diverged_at; ++i) {
    const auto r1 = alone.step(1);
    const auto r2 = split_step(w2, 2);
    CHECK(r2.diverged == r1[0].diverged);
    if (r2.diverged) diverged_at = i;
  }
  CHECK(diverged_at > 0);
  // diverged: no more steps, no batch drawn, and the session stays usable
  two[0].step_part(0, 1);
  CHECK(two[0].finish_step().empty());
  CHECK(two[0].save(0) == alone.save(0));
}

TEST_CASE("bad shard settings and parts are tf::Errors that leave the stream where it was", "[session][split]") {
  const std::string corpus = read_file(std::string(TF_TEST_DATA_DIR) + "/korean_small.txt");
  TrainingSession t;
  auto spec = [](const char* train) {
    return std::string(R"({"model": {"n_layer": 1, "n_head": 2, "n_embd": 16, "block_size": 16}, "train": )") + train +
           "}";
  };
  CHECK(code_of([&] { t.create(spec(R"({"batch_size": 8, "shards": 3})"), corpus); }) == "bad_train_config");
  CHECK(code_of([&] { t.create(spec(R"({"batch_size": 6, "shards": 4})"), corpus); }) == "bad_train_config");
  CHECK(code_of([&] { t.create(spec(R"({"batch_size": 8, "shards": "4"})"), corpus); }) == "bad_train_config");
  CHECK(code_of([&] { t.create(spec(R"({"batch_size": 8, "shards": 1e9})"), corpus); }) == "bad_train_config");

  t.create(spec(R"({"batch_size": 8, "seq_len": 16, "shards": 4})"), corpus);
  TrainingSession ref;
  ref.create(spec(R"({"batch_size": 8, "seq_len": 16, "shards": 4})"), corpus);
  CHECK(code_of([&] { t.step_part(1, 2); }) == "bad_train_config");  // not aligned
  CHECK(code_of([&] { t.step_part(0, 3); }) == "bad_train_config");  // not a power of two
  CHECK(code_of([&] { t.step_part(4, 1); }) == "bad_train_config");  // past the last shard
  CHECK(code_of([&] { t.step_part(0, 8); }) == "bad_train_config");  // more shards than there are
  CHECK(code_of([&] { t.part(0); }) == "bad_train_config");          // no step in flight
  CHECK(t.finish_step().empty());
  // none of that moved the batches or the weights: the next step is the reference's
  const auto a = t.step(2), b = ref.step(2);
  CHECK(a[1].result.loss == b[1].result.loss);
  CHECK(t.save(0) == ref.save(0));

  // a new model while a split step is in flight: the old step is dropped, never finished with the new weights
  t.step_part(0, 2);
  t.create(spec(R"({"batch_size": 4, "seq_len": 8, "shards": 2})"), corpus);
  CHECK(code_of([&] { t.part(0); }) == "bad_train_config");
  CHECK(t.finish_step().empty());
  CHECK(t.steps() == 0);

  TrainingSession race;
  race.create(std::string(R"({"model": {"n_layer": 1, "n_head": 2, "n_embd": 16, "block_size": 16},
      "train": {"batch_size": 8, "shards": 2}, "racers": [{}, {}]})"),
              corpus);
  CHECK(code_of([&] { race.step_part(0, 1); }) == "bad_train_config");  // a split step trains one racer
  CHECK(race.step(1).size() == 2);                                      // a race may still use shards
}
