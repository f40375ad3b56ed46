// Tests for src/train/optimizer: update rules against hand-computed numbers, weight decay, clipping,
// schedules, validation, state read-out, checkpoint round trip, NaN safety and convergence.
#include "train/optimizer.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/rng.hpp"
#include "simd/arch.hpp"
#include "train/update_rules.hpp"

namespace {

using tf::OptimizerConfig;
using tf::OptimizerKind;
using tf::ParamRef;

const OptimizerKind kAllKinds[] = {OptimizerKind::SGD, OptimizerKind::Momentum, OptimizerKind::Nesterov,
                                   OptimizerKind::Adam, OptimizerKind::AdamW};

// A parameter owned by the test (the "model").
struct Tensor {
  std::string name;
  std::vector<float> value, grad;
  bool decay = true;
};

std::vector<ParamRef> refs(std::vector<Tensor>& ts) {
  std::vector<ParamRef> out;
  for (Tensor& t : ts) out.push_back({t.name, t.value.data(), t.grad.data(), t.value.size(), t.decay});
  return out;
}

OptimizerConfig make_config(OptimizerKind kind, float lr) {
  OptimizerConfig c;
  c.kind = kind;
  c.lr = lr;
  return c;
}

// The code of the tf::Error thrown by f, or "" if it returned normally.
std::string error_code(const std::function<void()>& f) {
  try {
    f();
  } catch (const tf::Error& e) {
    return e.code();
  }
  return "";
}

std::string error_message(const std::function<void()>& f) {
  try {
    f();
  } catch (const tf::Error& e) {
    return e.what();
  }
  return "";
}

std::vector<float> read(const tf::Optimizer& opt, std::size_t i, const std::string& which) {
  std::vector<float> out(opt.params()[i].size, -123.0f);
  opt.read_state(i, which, out.data());
  return out;
}

}  // namespace

TEST_CASE("optimizer kinds convert to and from strings", "[optimizer]") {
  for (OptimizerKind k : kAllKinds) CHECK(tf::optimizer_kind_from_string(tf::to_string(k)) == k);
  CHECK(tf::to_string(OptimizerKind::AdamW) == "adamw");
  CHECK(error_code([] { tf::optimizer_kind_from_string("Adam"); }) == "bad_optimizer");
  CHECK(error_code([] { tf::optimizer_kind_from_string(""); }) == "bad_optimizer");
  CHECK(tf::schedule_kind_from_string("warmup_cosine") == tf::ScheduleKind::WarmupCosine);
  CHECK(tf::to_string(tf::ScheduleKind::Constant) == "constant");
  CHECK(error_code([] { tf::schedule_kind_from_string("cosine"); }) == "bad_schedule");
}

TEST_CASE("Adam matches the paper's algorithm computed by hand for 3 steps", "[optimizer]") {
  // lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8, w0 = (1, -2), gradients fixed in advance per step:
  //   g1 = (0.5, -1), g2 = (0.25, 2), g3 = (1, 0)
  //
  // t = 1: bc1 = 1 - 0.9 = 0.1, bc2 = 1 - 0.999 = 0.001
  //   m = 0.1*g1 = (0.05, -0.1)                 v = 0.001*g1^2 = (0.00025, 0.001)
  //   m_hat = (0.5, -1)                         v_hat = (0.25, 1), sqrt = (0.5, 1)
  //   w = (1 - 0.1*0.5/0.5, -2 + 0.1*1/1) = (0.9, -1.9)     (eps changes only the 8th digit)
  // t = 2: bc1 = 1 - 0.81 = 0.19, bc2 = 1 - 0.998001 = 0.001999
  //   m = 0.9*(0.05, -0.1) + 0.1*(0.25, 2) = (0.045 + 0.025, -0.09 + 0.2) = (0.07, 0.11)
  //   v = 0.999*(0.00025, 0.001) + 0.001*(0.0625, 4) = (0.00024975 + 0.0000625, 0.000999 + 0.004)
  //     = (0.00031225, 0.004999)
  //   m_hat = (0.07/0.19, 0.11/0.19) = (0.368421053, 0.578947368)
  //   v_hat = (0.00031225/0.001999, 0.004999/0.001999) = (0.156203102, 2.500750375)
  //   sqrt(v_hat) = (0.395225381, 1.581376102)
  //   w = (0.9 - 0.1*0.368421053/0.395225381, -1.9 - 0.1*0.578947368/1.581376102)
  //     = (0.9 - 0.0932179615, -1.9 - 0.0366103525) = (0.806782039, -1.936610353)
  // t = 3: bc1 = 1 - 0.729 = 0.271, bc2 = 1 - 0.997002999 = 0.002997001
  //   m = 0.9*(0.07, 0.11) + 0.1*(1, 0) = (0.063 + 0.1, 0.099) = (0.163, 0.099)
  //   v = 0.999*(0.00031225, 0.004999) + 0.001*(1, 0) = (0.00031193775 + 0.001, 0.004994001)
  //     = (0.00131193775, 0.004994001)
  //   m_hat = (0.163/0.271, 0.099/0.271) = (0.601476015, 0.365313653)
  //   v_hat = (0.00131193775/0.002997001, 0.004994001/0.002997001) = (0.437750188, 1.666332777)
  //   sqrt(v_hat) = (0.661626925, 1.290865127)
  //   w = (0.806782039 - 0.1*0.601476015/0.661626925, -1.936610353 - 0.1*0.365313653/1.290865127)
  //     = (0.806782039 - 0.0909086349, -1.936610353 - 0.0282999085) = (0.715873404, -1.964910262)
  // Note w[1] still moves at t = 3 although g3[1] = 0: m remembers the earlier gradients.
  std::vector<Tensor> ts = {{"w", {1.0f, -2.0f}, {0.0f, 0.0f}}};
  tf::Optimizer opt(make_config(OptimizerKind::Adam, 0.1f), refs(ts));
  const float grads[3][2] = {{0.5f, -1.0f}, {0.25f, 2.0f}, {1.0f, 0.0f}};
  const float expected_w[3][2] = {{0.9f, -1.9f}, {0.806782039f, -1.936610353f}, {0.715873404f, -1.964910262f}};
  const float expected_m[3][2] = {{0.05f, -0.1f}, {0.07f, 0.11f}, {0.163f, 0.099f}};
  const float expected_v[3][2] = {{0.00025f, 0.001f}, {0.00031225f, 0.004999f}, {0.00131193775f, 0.004994001f}};
  const float expected_m_hat[3][2] = {{0.5f, -1.0f}, {0.368421053f, 0.578947368f}, {0.601476015f, 0.365313653f}};
  const float expected_v_hat[3][2] = {{0.25f, 1.0f}, {0.156203102f, 2.500750375f}, {0.437750188f, 1.666332777f}};
  // The float betas are not exactly 0.9 and 0.999: 1 - 0.999f = 0.000999987, 1.3e-5 relative off, so
  // v is compared to 5e-5 relative (v_hat is not affected: the bias correction uses the same float).
  for (int t = 0; t < 3; ++t) {
    CAPTURE(t);
    ts[0].grad = {grads[t][0], grads[t][1]};
    const tf::StepStats stats = opt.step();
    CHECK(stats.step == t);
    CHECK(stats.lr == 0.1f);
    CHECK(opt.steps_taken() == t + 1);
    const auto m = read(opt, 0, "m"), v = read(opt, 0, "v");
    const auto m_hat = read(opt, 0, "m_hat"), v_hat = read(opt, 0, "v_hat");
    for (int j = 0; j < 2; ++j) {
      CAPTURE(j);
      CHECK(ts[0].value[j] == Approx(expected_w[t][j]).margin(2e-6));
      CHECK(m[j] == Approx(expected_m[t][j]).epsilon(1e-5));
      CHECK(v[j] == Approx(expected_v[t][j]).epsilon(5e-5));
      CHECK(m_hat[j] == Approx(expected_m_hat[t][j]).epsilon(1e-5));
      CHECK(v_hat[j] == Approx(expected_v_hat[t][j]).epsilon(1e-5));
    }
  }
}

TEST_CASE("SGD, Momentum and Nesterov match hand-computed values", "[optimizer]") {
  // lr = 0.1, w0 = (1, -2), constant gradient g = (0.5, -1), mu = 0.9.
  const float g[2] = {0.5f, -1.0f};
  auto run = [&](OptimizerConfig cfg, int steps) {
    std::vector<Tensor> ts = {{"w", {1.0f, -2.0f}, {g[0], g[1]}}};
    tf::Optimizer opt(cfg, refs(ts));
    for (int s = 0; s < steps; ++s) opt.step();
    std::vector<float> b;
    if (cfg.kind == OptimizerKind::Momentum || cfg.kind == OptimizerKind::Nesterov) {
      b = read(opt, 0, "momentum");
    }
    return std::make_pair(ts[0].value, b);
  };

  SECTION("SGD: w -= lr*g") {
    // step 1: 1 - 0.1*0.5 = 0.95, -2 + 0.1*1 = -1.9;  step 2: 0.9, -1.8
    auto [w, b] = run(make_config(OptimizerKind::SGD, 0.1f), 2);
    CHECK(w[0] == Approx(0.9f).margin(1e-6));
    CHECK(w[1] == Approx(-1.8f).margin(1e-6));
  }
  SECTION("SGD with L2 weight decay: g' = g + wd*w") {
    // wd = 0.1: g' = 0.5 + 0.1*1 = 0.6 -> w = 1 - 0.06 = 0.94;  g' = -1 - 0.2 = -1.2 -> w = -2 + 0.12 = -1.88
    OptimizerConfig cfg = make_config(OptimizerKind::SGD, 0.1f);
    cfg.weight_decay = 0.1f;
    auto [w, b] = run(cfg, 1);
    CHECK(w[0] == Approx(0.94f).margin(1e-6));
    CHECK(w[1] == Approx(-1.88f).margin(1e-6));
  }
  SECTION("Momentum: b = mu*b + g; w -= lr*b") {
    // b1 = 0.5            w1 = 1 - 0.05 = 0.95
    // b2 = 0.45 + 0.5 = 0.95    w2 = 0.95 - 0.095 = 0.855
    // b3 = 0.855 + 0.5 = 1.355  w3 = 0.855 - 0.1355 = 0.7195
    // second element: b = -1, -1.9, -2.71; w = -1.9, -1.71, -1.439
    auto [w, b] = run(make_config(OptimizerKind::Momentum, 0.1f), 3);
    CHECK(w[0] == Approx(0.7195f).margin(1e-6));
    CHECK(w[1] == Approx(-1.439f).margin(1e-6));
    CHECK(b[0] == Approx(1.355f).margin(1e-6));
    CHECK(b[1] == Approx(-2.71f).margin(1e-6));
  }
  SECTION("Nesterov: b = mu*b + g; w -= lr*(g + mu*b)") {
    // b1 = 0.5    w1 = 1 - 0.1*(0.5 + 0.45) = 0.905
    // b2 = 0.95   w2 = 0.905 - 0.1*(0.5 + 0.855) = 0.7695
    // b3 = 1.355  w3 = 0.7695 - 0.1*(0.5 + 1.2195) = 0.59755
    // second element: b = -1, -1.9, -2.71; w = -2 + 0.19 = -1.81, -1.81 + 0.271 = -1.539,
    //                 -1.539 + 0.1*(1 + 2.439) = -1.1951
    auto [w, b] = run(make_config(OptimizerKind::Nesterov, 0.1f), 3);
    CHECK(w[0] == Approx(0.59755f).margin(1e-6));
    CHECK(w[1] == Approx(-1.1951f).margin(1e-6));
    CHECK(b[0] == Approx(1.355f).margin(1e-6));
    CHECK(b[1] == Approx(-2.71f).margin(1e-6));
  }
}

TEST_CASE("AdamW's decoupled decay differs from Adam's L2 decay as expected", "[optimizer]") {
  // w = (1, 1), g = (0, 10), lr = 0.1, wd = 0.1, one step.
  auto run = [](OptimizerKind kind, float wd) {
    std::vector<Tensor> ts = {{"w", {1.0f, 1.0f}, {0.0f, 10.0f}}};
    OptimizerConfig cfg = make_config(kind, 0.1f);
    cfg.weight_decay = wd;
    tf::Optimizer opt(cfg, refs(ts));
    opt.step();
    return ts[0].value;
  };
  const auto plain = run(OptimizerKind::Adam, 0.0f);  // (1, 0.9): g = 0 does not move, g = 10 moves lr
  const auto adam_l2 = run(OptimizerKind::Adam, 0.1f);
  const auto adamw = run(OptimizerKind::AdamW, 0.1f);
  CHECK(plain[0] == 1.0f);
  CHECK(plain[1] == Approx(0.9f).margin(1e-6));
  // Adam + L2: g' = g + 0.1*w = (0.1, 10.1) goes through the normalisation m_hat/sqrt(v_hat) = 1, so the
  // decay alone moves element 0 by a full lr (1 -> 0.9), and on element 1 it is swallowed (0.9 as plain).
  CHECK(adam_l2[0] == Approx(0.9f).margin(1e-6));
  CHECK(adam_l2[1] == Approx(plain[1]).margin(1e-6));
  // AdamW: w -= lr*wd*w = 0.01 on both, independent of the gradient scale: (0.99, 0.89).
  CHECK(adamw[0] == Approx(0.99f).margin(1e-6));
  CHECK(adamw[1] == Approx(0.89f).margin(1e-6));
}

TEST_CASE("weight decay applies only to params with decay == true", "[optimizer]") {
  // Zero gradients, w = 1, lr = 0.1, wd = 0.5: only decay moves anything.
  //   SGD, Momentum, AdamW: 1 - 0.1*0.5 = 0.95    Nesterov: 1 - 0.1*(0.5 + 0.9*0.5) = 0.905
  //   Adam (L2 normalised): 1 - 0.1 = 0.9
  for (OptimizerKind kind : kAllKinds) {
    CAPTURE(tf::to_string(kind));
    std::vector<Tensor> ts = {{"weight", {1.0f}, {0.0f}, true}, {"bias", {1.0f}, {0.0f}, false}};
    OptimizerConfig cfg = make_config(kind, 0.1f);
    cfg.weight_decay = 0.5f;
    tf::Optimizer opt(cfg, refs(ts));
    opt.step();
    const float expected = kind == OptimizerKind::Nesterov ? 0.905f : kind == OptimizerKind::Adam ? 0.9f : 0.95f;
    CHECK(ts[0].value[0] == Approx(expected).margin(1e-6));
    CHECK(ts[1].value[0] == 1.0f);
  }
}

TEST_CASE("gradient clipping scales all grads by clip / (norm + 1e-6)", "[optimizer]") {
  // Two params with grads 3 and 4: global norm 5 across params.
  std::vector<Tensor> ts = {{"a", {0.0f}, {3.0f}}, {"b", {0.0f}, {4.0f}}};
  CHECK(tf::grad_global_norm(refs(ts)) == 5.0f);

  SECTION("norm above the limit") {
    OptimizerConfig cfg = make_config(OptimizerKind::SGD, 1.0f);
    cfg.grad_clip = 1.0f;
    tf::Optimizer opt(cfg, refs(ts));
    const tf::StepStats stats = opt.step();
    CHECK(stats.grad_norm == 5.0f);  // reported before clipping
    CHECK(stats.clipped);
    // grads are modified in place: 3/(5 + 1e-6) = 0.59999988, 4/(5 + 1e-6) = 0.79999984
    CHECK(ts[0].grad[0] == Approx(0.6f).margin(1e-6));
    CHECK(ts[1].grad[0] == Approx(0.8f).margin(1e-6));
    CHECK(ts[0].grad[0] < 0.6f);
    CHECK(tf::grad_global_norm(refs(ts)) == Approx(1.0f).margin(1e-6));
    // and the update used the clipped grads: w = 0 - 1*0.6
    CHECK(ts[0].value[0] == Approx(-0.6f).margin(1e-6));
    CHECK(ts[1].value[0] == Approx(-0.8f).margin(1e-6));
  }
  SECTION("norm below the limit or clipping off: grads untouched") {
    for (float clip : {10.0f, 0.0f}) {
      std::vector<Tensor> fresh = ts;
      OptimizerConfig cfg = make_config(OptimizerKind::SGD, 1.0f);
      cfg.grad_clip = clip;
      tf::Optimizer opt(cfg, refs(fresh));
      const tf::StepStats stats = opt.step();
      CHECK(stats.grad_norm == 5.0f);
      CHECK_FALSE(stats.clipped);
      CHECK(fresh[0].grad[0] == 3.0f);
      CHECK(fresh[1].grad[0] == 4.0f);
    }
  }
}

TEST_CASE("learning-rate schedules", "[optimizer]") {
  OptimizerConfig cfg = make_config(OptimizerKind::AdamW, 1.0f);
  CHECK(tf::learning_rate_at(cfg, 0) == 1.0f);  // Constant
  CHECK(tf::learning_rate_at(cfg, 1000000) == 1.0f);

  // Warm-up 10 steps, cosine to 0.1 at step 110.
  cfg.schedule = tf::ScheduleKind::WarmupCosine;
  cfg.warmup_steps = 10;
  cfg.total_steps = 110;
  cfg.min_lr_ratio = 0.1f;
  CHECK(tf::learning_rate_at(cfg, 0) == Approx(0.1f));  // lr * 1/10: warm-up start
  CHECK(tf::learning_rate_at(cfg, 4) == Approx(0.5f));  // lr * 5/10
  CHECK(tf::learning_rate_at(cfg, 9) == 1.0f);          // lr * 10/10: warm-up end
  CHECK(tf::learning_rate_at(cfg, 10) == 1.0f);         // cosine start: ratio 0, coeff 1
  // step 35: ratio 25/100, coeff 0.5*(1 + cos(pi/4)) = 0.853553, lr = 0.1 + 0.853553*0.9 = 0.868198
  CHECK(tf::learning_rate_at(cfg, 35) == Approx(0.868198f));
  CHECK(tf::learning_rate_at(cfg, 60) == Approx(0.55f));  // midpoint: coeff 0.5, (1 + 0.1)/2
  CHECK(tf::learning_rate_at(cfg, 110) == Approx(0.1f));  // end: coeff 0
  CHECK(tf::learning_rate_at(cfg, 111) == Approx(0.1f));  // flat after
  CHECK(tf::learning_rate_at(cfg, 100000) == Approx(0.1f));
  for (int s = 10; s < 110; ++s) CHECK(tf::learning_rate_at(cfg, s + 1) <= tf::learning_rate_at(cfg, s));

  // No warm-up: the cosine starts at step 0 with the full lr.
  cfg.warmup_steps = 0;
  CHECK(tf::learning_rate_at(cfg, 0) == 1.0f);

  // step() uses learning_rate_at(config, t) with t counting from 0.
  cfg.warmup_steps = 4;
  cfg.total_steps = 8;
  std::vector<Tensor> ts = {{"w", {0.0f}, {1.0f}}};
  cfg.kind = OptimizerKind::SGD;
  tf::Optimizer opt(cfg, refs(ts));
  for (int t = 0; t < 10; ++t) {
    const tf::StepStats stats = opt.step();
    CHECK(stats.step == t);
    CHECK(stats.lr == tf::learning_rate_at(cfg, t));
  }
}

TEST_CASE("validate() rejects bad configs naming the field", "[optimizer]") {
  CHECK_NOTHROW(OptimizerConfig{}.validate());
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  struct Case {
    const char* field;
    std::function<void(OptimizerConfig&)> mutate;
  };
  const std::vector<Case> cases = {
      {"lr", [](OptimizerConfig& c) { c.lr = 0.0f; }},
      {"lr", [](OptimizerConfig& c) { c.lr = -1e-3f; }},
      {"lr", [&](OptimizerConfig& c) { c.lr = nan; }},
      {"lr", [&](OptimizerConfig& c) { c.lr = inf; }},
      {"momentum", [](OptimizerConfig& c) { c.momentum = 1.0f; }},
      {"momentum", [](OptimizerConfig& c) { c.momentum = -0.1f; }},
      {"beta1", [](OptimizerConfig& c) { c.beta1 = 1.0f; }},
      {"beta1", [&](OptimizerConfig& c) { c.beta1 = nan; }},
      {"beta2", [](OptimizerConfig& c) { c.beta2 = -0.5f; }},
      {"beta2", [](OptimizerConfig& c) { c.beta2 = 1.5f; }},
      {"eps", [](OptimizerConfig& c) { c.eps = 0.0f; }},
      {"eps", [&](OptimizerConfig& c) { c.eps = inf; }},
      {"weight_decay", [](OptimizerConfig& c) { c.weight_decay = -0.01f; }},
      {"weight_decay", [&](OptimizerConfig& c) { c.weight_decay = nan; }},
      {"grad_clip", [](OptimizerConfig& c) { c.grad_clip = -1.0f; }},
      {"grad_clip", [&](OptimizerConfig& c) { c.grad_clip = inf; }},
      {"warmup_steps", [](OptimizerConfig& c) { c.warmup_steps = -1; }},
      {"total_steps", [](OptimizerConfig& c) { c.total_steps = -1; }},
      {"min_lr_ratio", [](OptimizerConfig& c) { c.min_lr_ratio = 1.5f; }},
      {"total_steps",
       [](OptimizerConfig& c) {
         c.schedule = tf::ScheduleKind::WarmupCosine;
         c.warmup_steps = 100;
         c.total_steps = 100;
       }},
  };
  for (const Case& cs : cases) {
    OptimizerConfig c;
    cs.mutate(c);
    CAPTURE(cs.field);
    CHECK(error_code([&] { c.validate(); }) == "bad_optimizer_config");
    CHECK(error_message([&] { c.validate(); }).rfind(std::string(cs.field) + ":", 0) == 0);
    // the constructor validates too
    std::vector<Tensor> ts = {{"w", {0.0f}, {0.0f}}};
    CHECK(error_code([&] { tf::Optimizer opt(c, refs(ts)); }) == "bad_optimizer_config");
  }
  // Constant schedule ignores warm-up/total (as long as they are not negative).
  OptimizerConfig c;
  c.warmup_steps = 50;
  CHECK_NOTHROW(c.validate());
}

TEST_CASE("the constructor checks parameter names and pointers", "[optimizer]") {
  std::vector<Tensor> ts = {{"a", {0.0f}, {0.0f}}, {"a", {0.0f}, {0.0f}}};
  CHECK(error_code([&] { tf::Optimizer opt(OptimizerConfig{}, refs(ts)); }) == "bad_optimizer_params");
  ts[1].name = "";
  CHECK(error_code([&] { tf::Optimizer opt(OptimizerConfig{}, refs(ts)); }) == "bad_optimizer_params");
  float w = 0.0f;
  CHECK(error_code([&] {
          tf::Optimizer opt(OptimizerConfig{}, {{"w", &w, nullptr, 1, true}});
        }) == "bad_optimizer_params");
  CHECK_NOTHROW(tf::Optimizer(OptimizerConfig{}, {{"empty", nullptr, nullptr, 0, true}}));
}

TEST_CASE("set_lr changes the base lr live and validates it", "[optimizer]") {
  std::vector<Tensor> ts = {{"w", {0.0f}, {1.0f}}};
  tf::Optimizer opt(make_config(OptimizerKind::SGD, 0.1f), refs(ts));
  opt.step();
  CHECK(ts[0].value[0] == Approx(-0.1f));
  opt.set_lr(0.5f);
  CHECK(opt.config().lr == 0.5f);
  CHECK(opt.step().lr == 0.5f);
  CHECK(ts[0].value[0] == Approx(-0.6f));
  const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
  for (float bad : {0.0f, -1.0f, nan, inf}) {
    CHECK(error_code([&] { opt.set_lr(bad); }) == "bad_optimizer_config");
  }
  CHECK(opt.config().lr == 0.5f);

  // With a schedule, the schedule scales from the new base.
  OptimizerConfig cfg = make_config(OptimizerKind::SGD, 1.0f);
  cfg.schedule = tf::ScheduleKind::WarmupCosine;
  cfg.warmup_steps = 2;
  cfg.total_steps = 10;
  tf::Optimizer sched(cfg, refs(ts));
  CHECK(sched.step().lr == 0.5f);  // 1.0 * 1/2
  sched.set_lr(2.0f);
  CHECK(sched.step().lr == 2.0f);  // 2.0 * 2/2
}

TEST_CASE("read_state gives each kind's state and rejects others", "[optimizer]") {
  SECTION("SGD: update and effective_lr") {
    std::vector<Tensor> ts = {{"w", {1.0f, -2.0f, 3.0f}, {0.5f, 0.0f, -4.0f}}};
    tf::Optimizer opt(make_config(OptimizerKind::SGD, 0.25f), refs(ts));
    CHECK(opt.state_names() == std::vector<std::string>{"update", "effective_lr"});
    CHECK(read(opt, 0, "update") == std::vector<float>{0.0f, 0.0f, 0.0f});  // before any step
    opt.step();
    const auto update = read(opt, 0, "update");
    CHECK(update[0] == Approx(-0.125f));
    CHECK(update[1] == 0.0f);
    CHECK(update[2] == Approx(1.0f));
    const auto eff = read(opt, 0, "effective_lr");  // plain SGD: lr wherever the grad is non-zero
    CHECK(eff[0] == Approx(0.25f));
    CHECK(eff[1] == 0.0f);
    CHECK(eff[2] == Approx(0.25f));
    float one = 0.0f;
    opt.read_state(0, "update", 2, 1, &one);  // element range
    CHECK(one == update[2]);
    for (const char* bad : {"m", "v", "m_hat", "v_hat", "momentum", "", "Update"}) {
      CAPTURE(bad);
      CHECK(error_code([&] { read(opt, 0, bad); }) == "bad_state");
    }
    CHECK(error_code([&] { opt.read_state(1, "update", &one); }) == "bad_param_index");
    CHECK(error_code([&] { opt.read_state(0, "update", 2, 2, &one); }) == "bad_param_index");
    CHECK(error_code([&] { opt.read_state(0, "update", 4, 0, &one); }) == "bad_param_index");
  }
  SECTION("Momentum and Nesterov: momentum buffer") {
    for (OptimizerKind kind : {OptimizerKind::Momentum, OptimizerKind::Nesterov}) {
      std::vector<Tensor> ts = {{"w", {0.0f, 0.0f}, {1.0f, -2.0f}}};
      tf::Optimizer opt(make_config(kind, 0.1f), refs(ts));
      CHECK(opt.state_names() == std::vector<std::string>{"momentum", "update", "effective_lr"});
      opt.step();
      opt.step();  // b = 0.9*g + g = 1.9*g
      const auto b = read(opt, 0, "momentum");
      CHECK(b[0] == Approx(1.9f));
      CHECK(b[1] == Approx(-3.8f));
      // second update: Momentum lr*b = 0.19 per unit grad; Nesterov lr*(g + 0.9*b) = 0.271
      const auto eff = read(opt, 0, "effective_lr");
      CHECK(eff[0] == Approx(kind == OptimizerKind::Momentum ? 0.19f : 0.271f));
      CHECK(eff[1] == Approx(eff[0]));
      CHECK(error_code([&] { read(opt, 0, "m"); }) == "bad_state");
      CHECK(error_code([&] { read(opt, 0, "v_hat"); }) == "bad_state");
    }
  }
  SECTION("Adam and AdamW: moments, bias-corrected moments, per-element effective lr") {
    for (OptimizerKind kind : {OptimizerKind::Adam, OptimizerKind::AdamW}) {
      std::vector<Tensor> ts = {{"w", {0.0f, 0.0f}, {0.5f, -100.0f}}};
      tf::Optimizer opt(make_config(kind, 0.1f), refs(ts));
      CHECK(opt.state_names() == std::vector<std::string>{"m", "v", "m_hat", "v_hat", "update", "effective_lr"});
      CHECK(read(opt, 0, "m_hat") == std::vector<float>{0.0f, 0.0f});  // before any step
      opt.step();
      // m = 0.1*g, v = 0.001*g^2; corrected: m_hat = g, v_hat = g^2
      CHECK(read(opt, 0, "m")[1] == Approx(-10.0f));
      CHECK(read(opt, 0, "v")[1] == Approx(10.0f).epsilon(5e-5));  // 1 - 0.999f = 0.000999987
      CHECK(read(opt, 0, "m_hat")[1] == Approx(-100.0f));
      CHECK(read(opt, 0, "v_hat")[1] == Approx(10000.0f));
      // both elements moved by lr, so the effective lr is lr/|g|: 0.2 and 0.001
      const auto update = read(opt, 0, "update");
      CHECK(update[0] == Approx(-0.1f));
      CHECK(update[1] == Approx(0.1f));
      const auto eff = read(opt, 0, "effective_lr");
      CHECK(eff[0] == Approx(0.2f));
      CHECK(eff[1] == Approx(0.001f));
      CHECK(error_code([&] { read(opt, 0, "momentum"); }) == "bad_state");
    }
  }
}

namespace {

// A small "training run" with two params (one decayed, one not), gradients from a quadratic plus a
// step-dependent wiggle, a warm-up/cosine schedule, clipping and weight decay: everything that
// depends on the step count is exercised.
struct Run {
  std::vector<Tensor> ts = {{"h.0.weight", {0.5f, -1.0f, 2.0f, 0.25f}, std::vector<float>(4), true},
                            {"h.0.bias", {0.1f, -0.3f}, std::vector<float>(2), false}};
  int t = 0;

  static OptimizerConfig config(OptimizerKind kind) {
    OptimizerConfig c = make_config(kind, 0.05f);
    c.weight_decay = 0.01f;
    c.grad_clip = 2.0f;
    c.schedule = tf::ScheduleKind::WarmupCosine;
    c.warmup_steps = 2;
    c.total_steps = 8;
    return c;
  }
  void fill_grads() {
    for (Tensor& x : ts) {
      for (std::size_t j = 0; j < x.value.size(); ++j) {
        x.grad[j] = 3.0f * (x.value[j] - 0.2f * static_cast<float>(j)) +
                    std::sin(0.7f * static_cast<float>(t) + static_cast<float>(j));
      }
    }
    ++t;
  }
};

}  // namespace

TEST_CASE("export/import resumes bit-identically", "[optimizer]") {
  for (OptimizerKind kind : kAllKinds) {
    CAPTURE(tf::to_string(kind));
    // Reference: 6 uninterrupted steps.
    Run ref;
    tf::Optimizer ref_opt(Run::config(kind), refs(ref.ts));
    for (int s = 0; s < 6; ++s) {
      ref.fill_grads();
      ref_opt.step();
    }
    // Interrupted: 3 steps, export (weights + optimizer state), a fresh optimizer imports, 3 more.
    Run run;
    std::vector<std::pair<std::string, std::vector<float>>> saved;
    int saved_steps = 0;
    {
      tf::Optimizer first(Run::config(kind), refs(run.ts));
      for (int s = 0; s < 3; ++s) {
        run.fill_grads();
        first.step();
      }
      saved = first.export_state();
      saved_steps = first.steps_taken();
    }
    CHECK(saved_steps == 3);
    if (kind == OptimizerKind::SGD) CHECK(saved.empty());
    if (kind == OptimizerKind::Adam || kind == OptimizerKind::AdamW) {
      REQUIRE(saved.size() == 4);
      CHECK(saved[0].first == "optim.m.h.0.weight");
      CHECK(saved[3].first == "optim.v.h.0.bias");
    }
    if (kind == OptimizerKind::Momentum) CHECK(saved[1].first == "optim.momentum.h.0.bias");
    tf::Optimizer resumed(Run::config(kind), refs(run.ts));
    resumed.import_state(saved, saved_steps);
    CHECK(resumed.steps_taken() == 3);
    for (int s = 0; s < 3; ++s) {
      run.fill_grads();
      resumed.step();
    }
    for (std::size_t i = 0; i < run.ts.size(); ++i) CHECK(run.ts[i].value == ref.ts[i].value);  // exact
    CHECK(resumed.export_state() == ref_opt.export_state());
  }
}

TEST_CASE("import_state rejects bad state and leaves the optimizer unchanged", "[optimizer]") {
  Run run;
  tf::Optimizer opt(Run::config(OptimizerKind::AdamW), refs(run.ts));
  run.fill_grads();
  opt.step();
  const auto before = opt.export_state();
  const auto good = before;

  auto expect_rejected = [&](std::vector<std::pair<std::string, std::vector<float>>> state, int steps) {
    CHECK(error_code([&] { opt.import_state(state, steps); }) == "bad_optimizer_state");
    CHECK(opt.export_state() == before);
    CHECK(opt.steps_taken() == 1);
  };
  {
    auto s = good;
    s[0].first = "optim.m.h.1.weight";  // unknown name
    expect_rejected(s, 5);
  }
  {
    auto s = good;
    s[1].second.push_back(0.0f);  // wrong size
    expect_rejected(s, 5);
  }
  {
    auto s = good;
    s.pop_back();  // missing entry
    expect_rejected(s, 5);
  }
  {
    auto s = good;
    s.push_back(s[0]);  // duplicate
    expect_rejected(s, 5);
  }
  {
    auto s = good;
    s[0].second[0] = 7.0f;                                     // a valid change to m ...
    s[2].second[1] = std::numeric_limits<float>::quiet_NaN();  // ... then a NaN later: nothing is applied
    expect_rejected(s, 5);
  }
  {
    auto s = good;
    s[2].second[0] = -1.0f;  // negative second moment
    expect_rejected(s, 5);
  }
  expect_rejected(good, -1);
  // A Momentum checkpoint does not fit an AdamW optimizer.
  Run other;
  tf::Optimizer momentum(Run::config(OptimizerKind::Momentum), refs(other.ts));
  expect_rejected(momentum.export_state(), 1);
  // Entries may come in any order.
  auto shuffled = good;
  std::swap(shuffled[0], shuffled[3]);
  CHECK_NOTHROW(opt.import_state(shuffled, 1));
  CHECK(opt.export_state() == before);
}

TEST_CASE("a NaN or Inf gradient throws and leaves weights and state untouched", "[optimizer]") {
  for (OptimizerKind kind : kAllKinds) {
    for (float bad : {std::numeric_limits<float>::quiet_NaN(), -std::numeric_limits<float>::infinity()}) {
      CAPTURE(tf::to_string(kind), bad);
      Run run;
      tf::Optimizer opt(Run::config(kind), refs(run.ts));  // clipping on: grads must not be scaled either
      for (int s = 0; s < 2; ++s) {
        run.fill_grads();
        opt.step();
      }
      run.fill_grads();
      run.ts[1].grad[1] = bad;
      const auto values = std::make_pair(run.ts[0].value, run.ts[1].value);
      const auto grads0 = run.ts[0].grad;
      const auto state = opt.export_state();
      const auto update = read(opt, 0, "update");
      try {
        opt.step();
        FAIL("step() accepted a non-finite gradient");
      } catch (const tf::Error& e) {
        CHECK(e.code() == "nonfinite_gradient");
        CHECK(e.detail() == 2);   // the step index
        CHECK(e.detail2() == 1);  // the parameter index
        CHECK(std::string(e.what()).find("h.0.bias") != std::string::npos);
      }
      CHECK(run.ts[0].value == values.first);
      CHECK(run.ts[1].value == values.second);
      CHECK(run.ts[0].grad == grads0);
      CHECK(opt.export_state() == state);
      CHECK(read(opt, 0, "update") == update);
      CHECK(opt.steps_taken() == 2);
      // The run can go on once the gradient is fixed.
      run.ts[1].grad[1] = 0.0f;
      CHECK(opt.step().step == 2);
    }
  }
}

TEST_CASE("every optimizer minimizes a badly scaled quadratic", "[optimizer]") {
  // f(w) = sum_i a_i (w_i - c_i)^2 with a = (100, 1): one steep and one flat direction.
  // grad_i = 2 a_i (w_i - c_i). Plain gradient descent is stable only for lr < 1/a_max = 0.01, so the
  // flat direction crawls (factor 1 - 2*lr*a_1 per step); Adam moves both about lr per step.
  const float a[2] = {100.0f, 1.0f}, c[2] = {0.5f, -1.0f};
  auto fill_grads = [&](Tensor& x) {
    for (int i = 0; i < 2; ++i) x.grad[i] = 2.0f * a[i] * (x.value[i] - c[i]);
  };
  struct Setting {
    OptimizerKind kind;
    float lr;
    int steps;
  };
  const Setting settings[] = {{OptimizerKind::SGD, 0.009f, 1000},
                              {OptimizerKind::Momentum, 0.001f, 600},
                              {OptimizerKind::Nesterov, 0.001f, 600},
                              {OptimizerKind::Adam, 0.1f, 400},
                              {OptimizerKind::AdamW, 0.1f, 400}};
  for (const Setting& st : settings) {
    CAPTURE(tf::to_string(st.kind));
    std::vector<Tensor> ts = {{"w", {-1.0f, 2.0f}, {0.0f, 0.0f}}};
    tf::Optimizer opt(make_config(st.kind, st.lr), refs(ts));
    for (int s = 0; s < st.steps; ++s) {
      fill_grads(ts[0]);
      opt.step();
    }
    CHECK(ts[0].value[0] == Approx(c[0]).margin(1e-3));
    CHECK(ts[0].value[1] == Approx(c[1]).margin(1e-3));
  }

  SECTION("first step: SGD scales every gradient by lr, Adam moves every weight by about lr") {
    // grads at w = (-1, 2): (200*(-1.5), 2*3) = (-300, 6)
    for (OptimizerKind kind : {OptimizerKind::SGD, OptimizerKind::Adam}) {
      std::vector<Tensor> ts = {{"w", {-1.0f, 2.0f}, {0.0f, 0.0f}}};
      tf::Optimizer opt(make_config(kind, 0.001f), refs(ts));
      fill_grads(ts[0]);
      opt.step();
      // update = new - old with |w| ~ 1 carries ~3e-8 of float rounding: 3e-5 relative of 0.001.
      const auto update = read(opt, 0, "update"), eff = read(opt, 0, "effective_lr");
      const double rel = 1e-4;
      if (kind == OptimizerKind::SGD) {
        CHECK(update[0] == Approx(0.3f).epsilon(rel));     // 0.001 * 300: the steep direction jumps
        CHECK(update[1] == Approx(-0.006f).epsilon(rel));  // 0.001 * 6:   the flat one barely moves
        CHECK(eff[0] == Approx(0.001f).epsilon(rel));
        CHECK(eff[1] == Approx(0.001f).epsilon(rel));
      } else {
        CHECK(update[0] == Approx(0.001f).epsilon(rel));  // both move lr ...
        CHECK(update[1] == Approx(-0.001f).epsilon(rel));
        CHECK(eff[0] == Approx(0.001f / 300.0f).epsilon(rel));  // ... so the per-weight step size differs 50x
        CHECK(eff[1] == Approx(0.001f / 6.0f).epsilon(rel));
      }
    }
  }
  SECTION("Adam's lr of 0.1 makes SGD blow up, which step() reports instead of writing Inf") {
    std::vector<Tensor> ts = {{"w", {-1.0f, 2.0f}, {0.0f, 0.0f}}};
    tf::Optimizer opt(make_config(OptimizerKind::SGD, 0.1f), refs(ts));  // steep factor 1 - 20 = -19
    std::string code;
    for (int s = 0; s < 100 && code.empty(); ++s) {
      fill_grads(ts[0]);
      code = error_code([&] { opt.step(); });
    }
    CHECK(code == "nonfinite_gradient");
    CHECK(std::isfinite(ts[0].value[0]));
    CHECK(std::isfinite(ts[0].value[1]));
  }
}

TEST_CASE("zero_grads and grad_global_norm", "[optimizer]") {
  std::vector<Tensor> ts = {{"a", {0.0f, 0.0f}, {1.0f, 2.0f}}, {"b", {0.0f}, {2.0f}}};
  CHECK(tf::grad_global_norm(refs(ts)) == 3.0f);  // sqrt(1 + 4 + 4)
  ts[1].grad[0] = std::numeric_limits<float>::quiet_NaN();
  CHECK(std::isnan(tf::grad_global_norm(refs(ts))));
  tf::zero_grads(refs(ts));
  CHECK(ts[0].grad == std::vector<float>{0.0f, 0.0f});
  CHECK(ts[1].grad == std::vector<float>{0.0f});
  CHECK(tf::grad_global_norm(refs(ts)) == 0.0f);
}

TEST_CASE("SIMD Adam and sum of squares agree with their scalar references", "[optimizer]") {
  INFO("SIMD arch: " << tf::simd::arch_name() << ", width " << tf::simd::kWidth);
  tf::Rng rng(11);
  for (int n : {1, 3, 4, 17, 64, 100, 1023, 1024, 2500}) {
    std::vector<float> w(n), dw(n), m(n), v(n);
    for (int j = 0; j < n; ++j) {
      w[j] = rng.normal();
      dw[j] = j % 5 == 0 ? 0.0f : 0.01f * rng.normal();  // zero gradients take effective_lr's other branch
      m[j] = 0.01f * rng.normal();
      v[j] = 1e-4f * std::fabs(rng.normal());
    }
    for (float l2 : {0.0f, 0.1f}) {
      const tf::AdamStep h{3e-3f, l2, 0.01f, 0.9f, 0.999f, 1e-8f, 0.271f, 0.00299f};
      std::vector<float> w1 = w, m1 = m, v1 = v, u1(n), e1(n);
      std::vector<float> w2 = w, m2 = m, v2 = v, u2(n), e2(n);
      tf::adam_update(w1.data(), dw.data(), m1.data(), v1.data(), u1.data(), e1.data(), n, h);
      tf::adam_update_ref(w2.data(), dw.data(), m2.data(), v2.data(), u2.data(), e2.data(), n, h);
      for (int j = 0; j < n; ++j) {  // the same float operations in the same order: equal to the bit
        INFO("n " << n << ", element " << j);
        REQUIRE(w1[j] == w2[j]);
        REQUIRE(m1[j] == m2[j]);
        REQUIRE(v1[j] == v2[j]);
        REQUIRE(u1[j] == u2[j]);
        REQUIRE(e1[j] == e2[j]);
      }
    }
    CHECK(tf::sum_squares(dw.data(), n) == Approx(tf::sum_squares_ref(dw.data(), n)).epsilon(1e-6));
  }
  // A float block sum that would overflow is redone in double; only a non-finite element makes it non-finite.
  std::vector<float> big(3000, 3e19f);
  CHECK(tf::sum_squares(big.data(), big.size()) == Approx(3000.0 * 9e38));
  big[2000] = std::numeric_limits<float>::infinity();
  CHECK_FALSE(std::isfinite(tf::sum_squares(big.data(), big.size())));
  big[2000] = std::nanf("");
  CHECK_FALSE(std::isfinite(tf::sum_squares(big.data(), big.size())));
}
