// The whole model: parameter names and shapes (nanoGPT's), a forward pass checked against a direct
// computation, the gradient of every parameter tensor by central differences for each option, and
// the inspection record.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/error.hpp"
#include "grad_check.hpp"
#include "layers/layer_norm.hpp"
#include "model/model.hpp"

using tf::Model;
using tf::ModelConfig;

namespace {

ModelConfig tiny_config() {
  ModelConfig c;
  c.n_layer = 2;
  c.n_head = 2;
  c.n_embd = 8;
  c.block_size = 6;
  c.vocab_size = 11;
  c.mlp_hidden = 12;
  return c;
}

// Perturbs every weight a little so biases and LayerNorm parameters are not at their special init values.
void jitter(Model& model, std::uint64_t seed) {
  tf::Rng rng(seed);
  for (float& w : model.weights()) w += rng.normal(0.0f, 0.1f);
}

}  // namespace

TEST_CASE("parameters carry nanoGPT's names and shapes", "[model]") {
  ModelConfig c = tiny_config();
  Model m(c);
  CHECK(m.param_info("transformer.wte.weight").shape == std::vector<int>{11, 8});
  CHECK(m.param_info("transformer.wpe.weight").shape == std::vector<int>{6, 8});
  CHECK(m.param_info("transformer.h.1.attn.c_attn.weight").shape == std::vector<int>{24, 8});
  CHECK(m.param_info("transformer.h.1.attn.c_attn.bias").shape == std::vector<int>{24});
  CHECK(m.param_info("transformer.h.0.mlp.c_fc.weight").shape == std::vector<int>{12, 8});
  CHECK(m.param_info("transformer.h.0.mlp.c_proj.weight").shape == std::vector<int>{8, 12});
  CHECK(m.param_info("transformer.ln_f.bias").shape == std::vector<int>{8});
  CHECK_THROWS_AS(m.param_info("lm_head.weight"), tf::Error);  // tied by default
  // 11·8 + 6·8 + 2·(4·8·8 + 2·8·12 + 9·8 + 12) + 2·8
  CHECK(m.num_parameters() == 88 + 48 + 2 * (256 + 192 + 72 + 12) + 16);

  c.bias = false;
  c.tied = false;
  c.positional = tf::PositionalKind::Sinusoidal;
  Model m2(c);
  CHECK_THROWS_AS(m2.param_info("transformer.h.0.ln_1.bias"), tf::Error);
  CHECK_THROWS_AS(m2.param_info("transformer.wpe.weight"), tf::Error);
  CHECK(m2.param_info("lm_head.weight").shape == std::vector<int>{11, 8});
  // nanoGPT init: LayerNorm weights are 1, the same seed gives the same weights
  CHECK(m.param("transformer.h.0.ln_1.weight")[3] == 1.0f);
  Model again(tiny_config());
  CHECK(again.weights() == m.weights());
}

TEST_CASE("with zeroed projections each block is the identity, so logits = LN_f(wte + wpe)·wteᵀ", "[model]") {
  Model m(tiny_config(), 3);
  for (int l = 0; l < 2; ++l) {
    for (const char* name : {"attn.c_proj.weight", "mlp.c_proj.weight"}) {
      const auto& p = m.param_info("transformer.h." + std::to_string(l) + "." + name);
      std::fill_n(m.param(p.name), p.size, 0.0f);
    }
  }
  const int ids[] = {1, 5, 7}, T = 3, C = 8, V = 11;
  m.forward(ids, nullptr, 1, T);
  const float* wte = m.param("transformer.wte.weight");
  const float* wpe = m.param("transformer.wpe.weight");
  for (int t = 0; t < T; ++t) {
    std::vector<float> x(C), y(C);
    for (int c = 0; c < C; ++c) x[c] = wte[ids[t] * C + c] + wpe[t * C + c];
    float mean, rstd;
    tf::layer_norm_forward(y.data(), &mean, &rstd, x.data(), m.param("transformer.ln_f.weight"),
                           m.param("transformer.ln_f.bias"), 1, C, 1e-5f);
    double psum = 0;
    for (int v = 0; v < V; ++v) {
      double logit = 0;
      for (int c = 0; c < C; ++c) logit += static_cast<double>(y[c]) * wte[v * C + c];
      CHECK(m.logits()[t * V + v] == Approx(logit).margin(1e-5));
      psum += m.probs()[t * V + v];
    }
    CHECK(psum == Approx(1.0));
  }
}

TEST_CASE("the whole model's gradient matches central differences for every option", "[model][gradcheck]") {
  struct Variant {
    const char* name;
    void (*apply)(ModelConfig&);
  };
  const Variant variants[] = {
      {"default: pre-LN, learned, gelu, bias, tied", [](ModelConfig&) {}},
      {"post-LN", [](ModelConfig& c) { c.norm = tf::NormPlacement::Post; }},
      {"sinusoidal, untied, no bias",
       [](ModelConfig& c) {
         c.positional = tf::PositionalKind::Sinusoidal;
         c.tied = false;
         c.bias = false;
       }},
      // ReLU is left out here: nudging any upstream weight moves its inputs across the kink, where
      // central differences are wrong by construction. Its derivative is checked in test_layers.cpp,
      // and it runs through the same activation_backward call as the smooth activations below.
      {"no positions", [](ModelConfig& c) { c.positional = tf::PositionalKind::None; }},
      {"gelu_tanh", [](ModelConfig& c) { c.activation = tf::Activation::GeluTanh; }},
      {"sigmoid", [](ModelConfig& c) { c.activation = tf::Activation::Sigmoid; }},
      {"tanh, one head",
       [](ModelConfig& c) {
         c.activation = tf::Activation::Tanh;
         c.n_head = 1;
       }},
      {"silu, post-LN",
       [](ModelConfig& c) {
         c.activation = tf::Activation::Silu;
         c.norm = tf::NormPlacement::Post;
       }},
  };
  const int B = 2, T = 5;
  const int ids[] = {1, 4, 2, 9, 3, 10, 0, 5, 5, 7};
  const int targets[] = {4, 2, 9, 3, 6, 0, 5, 5, 7, Model::kIgnore};  // one padded position
  for (const auto& variant : variants) {
    INFO(variant.name);
    ModelConfig c = tiny_config();
    variant.apply(c);
    Model m(c, 21);
    jitter(m, 22);
    m.forward(ids, targets, B, T);
    m.zero_grad();
    m.backward();
    const std::vector<float> analytic = m.grads();
    // backward accumulates: a second backward doubles the gradient
    m.backward();
    for (std::size_t i = 0; i < analytic.size(); i += 7) REQUIRE(m.grads()[i] == Approx(2 * analytic[i]).margin(1e-6));
    auto loss = [&] { return static_cast<double>(m.forward(ids, targets, B, T)); };
    for (const auto& p : m.params()) {
      INFO(p.name);
      std::vector<float> w(m.weights().begin() + p.offset, m.weights().begin() + p.offset + p.size);
      std::vector<float> g(analytic.begin() + p.offset, analytic.begin() + p.offset + p.size);
      auto loss_of_p = [&] {
        std::copy(w.begin(), w.end(), m.weights().begin() + p.offset);
        return loss();
      };
      const double err = tf::test::central_difference_error(w, g, loss_of_p, 12, p.offset + 1, 2e-2f);
      std::copy(w.begin(), w.end(), m.weights().begin() + p.offset);
      CHECK(err < 2e-2);
    }
  }
}

TEST_CASE("padding targets do not count toward the loss", "[model]") {
  Model m(tiny_config(), 4);
  const int ids[] = {1, 2, 3, 4};
  const int all[] = {2, 3, 4, 5};
  const int padded[] = {2, 3, Model::kIgnore, Model::kIgnore};
  const int first_two[] = {2, 3};
  const float l_pad = m.forward(ids, padded, 1, 4);
  const float l_two = m.forward(ids, first_two, 1, 2);  // causal: positions 0, 1 do not see 2, 3
  CHECK(l_pad == Approx(l_two).epsilon(1e-5));
  CHECK(m.forward(ids, all, 1, 4) != Approx(l_pad));
  CHECK(std::isnan(m.forward(ids, nullptr, 1, 4)));
}

TEST_CASE("bad inputs are tf::Errors and leave the model usable", "[model]") {
  Model m(tiny_config());
  const int ids[] = {1, 2, 3, 4, 5, 6, 7};
  const int bad[] = {1, 99};
  using tf::test::code_of;
  CHECK(code_of([&] { m.forward(ids, nullptr, 1, 7); }) == "too_long");
  CHECK(code_of([&] { m.forward(bad, nullptr, 1, 2); }) == "bad_token_id");
  CHECK(code_of([&] { m.forward(ids, bad, 1, 2); }) == "bad_token_id");
  CHECK(code_of([&] { m.forward(ids, nullptr, 0, 2); }) == "bad_shape");
  ModelConfig c = tiny_config();
  c.n_head = 3;
  CHECK(code_of([&] { Model x(c); }) == "bad_config");
  CHECK(std::isfinite(m.forward(ids, ids + 1, 1, 6)));
}

TEST_CASE("inspection records every intermediate, named and shaped", "[model][inspect]") {
  for (auto norm : {tf::NormPlacement::Pre, tf::NormPlacement::Post}) {
    ModelConfig c = tiny_config();
    c.norm = norm;
    Model m(c, 8);
    const int ids[] = {3, 1, 4, 1, 5};
    const float plain = m.forward(ids, ids + 1, 1, 4);
    std::vector<float> logits(m.logits(), m.logits() + 4 * 11);
    tf::Inspection rec;
    const float recorded = m.forward(ids, ids + 1, 1, 4, &rec);
    CHECK(recorded == plain);
    CHECK(rec.names().front() == "embed.token");
    // names come in the order they were computed: post-LN normalises after each residual sum
    const auto& names = rec.names();
    auto at = [&](const char* n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
    if (norm == tf::NormPlacement::Post) {
      CHECK(at("h0.ln_1") > at("h0.residual_1"));
      CHECK(at("h0.ln_2") > at("h0.residual_2"));
    } else {
      CHECK(at("h0.ln_1") < at("h0.attn.q"));
      CHECK(at("h0.ln_2") < at("h0.mlp.pre"));
    }
    CHECK(rec.names().back() == "probs");
    for (const char* name :
         {"embed.position", "embed.sum",     "h0.ln_1",          "h1.attn.q",      "h1.attn.scores", "h1.attn.scaled",
          "h1.attn.masked", "h1.attn.probs", "h1.attn.head_out", "h1.attn.concat", "h1.attn.proj",   "h1.residual_1",
          "h1.ln_2",        "h1.mlp.pre",    "h1.mlp.act",       "h1.mlp.out",     "h1.residual_2",  "h1.out",
          "ln_f",           "logits"})
      CHECK(rec.has(name));
    const auto& probs = rec.get("h1.attn.probs");
    REQUIRE(probs.shape()[0] == 2);
    REQUIRE(probs.shape()[1] == 4);
    for (int h = 0; h < 2; ++h)
      for (int t = 0; t < 4; ++t) {
        float sum = 0;
        for (int s = 0; s < 4; ++s) sum += probs(h, t, s);
        CHECK(sum == Approx(1.0f));
        if (t < 3) CHECK(std::isinf(rec.get("h1.attn.masked")(h, t, 3)));
      }
    // scaled = scores / √D, D = 4
    CHECK(rec.get("h0.attn.scaled")(1, 2, 1) == Approx(rec.get("h0.attn.scores")(1, 2, 1) / 2.0f));
    const auto& rec_logits = rec.get("logits");
    for (int i = 0; i < 4 * 11; ++i) CHECK(rec_logits.data()[i] == logits[i]);
    CHECK(rec.get("h1.mlp.pre").shape()[1] == 12);
    CHECK_THROWS_AS(rec.get("nope"), tf::Error);
  }
}

TEST_CASE("a batch over the activation-memory limit is refused before anything grows", "[model][limits]") {
  // Accepted by the configuration limits, but 64 sequences of 4096 tokens need B·H·T·T = 4.3e9 attention
  // weights per layer: in WebAssembly (32-bit size_t) such a product wraps and the forward writes past a buffer.
  ModelConfig c = tiny_config();
  c.block_size = 4096;
  Model m(c, 3);
  const Model fresh(m);
  const int B = 64, T = 4096;
  std::vector<int> ids(static_cast<std::size_t>(B) * T, 1);
  try {
    m.forward(ids.data(), nullptr, B, T);
    FAIL("no error");
  } catch (const tf::Error& e) {
    CHECK(e.code() == "too_large");
    CHECK(std::string(e.what()).find("activation memory") != std::string::npos);
    CHECK(std::string(e.what()).find("limit of 1024 MB") != std::string::npos);
    CHECK(e.detail2() == 1024);
  }
  // Nothing was grown: the model still runs a normal batch, with the numbers of a copy that never saw the big one.
  const int small[] = {1, 2, 3, 4, 5, 6, 7};
  Model copy(fresh);
  CHECK(m.forward(small, small + 1, 1, 6) == copy.forward(small, small + 1, 1, 6));
}
