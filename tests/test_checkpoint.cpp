// Checkpoints: bit-exact round trips with nanoGPT names, optimizer state, and clear errors.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <optional>

#include "core/error.hpp"
#include "core/rng.hpp"
#include "grad_check.hpp"
#include "io/checkpoint.hpp"
#include "io/safetensors.hpp"

using namespace tf;
using tf::test::code_of;

// The largest single allocation while `g_watch` is set: the loader must not allocate the model a tiny file's
// config claims before it has checked the file's tensors (replaces the global operator new of this test binary).
namespace {
std::atomic<bool> g_watch{false};
std::atomic<std::size_t> g_largest{0};
}  // namespace

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"  // new and delete below are a matching malloc/free pair
#endif
void* operator new(std::size_t n) {
  if (g_watch.load(std::memory_order_relaxed) && n > g_largest.load(std::memory_order_relaxed)) g_largest = n;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
// Every other form too, so nothing allocated by the runtime's (or AddressSanitizer's) own operator new is
// freed here with free(): std::stable_sort's temporary buffer uses the nothrow form.
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return std::malloc(n ? n : 1); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return std::malloc(n ? n : 1); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

ModelConfig small_config(int vocab) {
  ModelConfig c;
  c.vocab_size = vocab;
  c.n_embd = 16;
  c.n_head = 2;
  c.n_layer = 2;
  c.block_size = 8;
  return c;
}

}  // namespace

TEST_CASE("a checkpoint round-trips bit for bit, with tokenizer and optimizer state", "[checkpoint]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "고양이는 귀엽다");
  for (bool tied : {true, false}) {
    ModelConfig c = small_config(tok.vocab_size());
    c.tied = tied;
    c.norm = NormPlacement::Post;
    c.activation = Activation::Silu;
    Model m(c, 5);
    std::vector<ParamRef> refs = m.param_refs();
    OptimizerConfig oc;
    oc.kind = OptimizerKind::AdamW;
    oc.weight_decay = 0.1f;
    Optimizer opt(oc, refs);
    for (float& g : m.grads()) g = 0.01f;
    opt.step();
    const std::string bytes = save_checkpoint_bytes(m, tok, &opt);
    const Checkpoint ck = load_checkpoint_bytes(bytes);
    CHECK(ck.gpt()->weights() == m.weights());
    CHECK(ck.gpt()->config().to_json() == c.to_json());
    CHECK(ck.tokenizer.vocab() == tok.vocab());
    REQUIRE(ck.optimizer_config.has_value());
    CHECK(ck.optimizer_config->kind == OptimizerKind::AdamW);
    CHECK(ck.optimizer_steps == 1);
    CHECK(ck.optimizer_state.size() == 2 * m.params().size());
    CHECK(save_checkpoint_bytes(*ck.gpt(), ck.tokenizer) == save_checkpoint_bytes(m, tok));  // deterministic bytes
    const auto file = safetensors::parse(bytes);
    CHECK(file.tensors.count("transformer.h.1.attn.c_attn.weight") == 1);
    CHECK(file.tensors.at("transformer.h.1.attn.c_attn.weight").shape == std::vector<std::int64_t>{48, 16});
    CHECK(file.tensors.count("lm_head.weight") == (tied ? 0u : 1u));
  }
}

TEST_CASE("a nanoGPT-style file (tied head saved twice, only nanoGPT config keys) loads", "[checkpoint]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "abc");
  Model m(small_config(tok.vocab_size()), 6);
  safetensors::File file = safetensors::parse(save_checkpoint_bytes(m, tok));
  file.tensors["lm_head.weight"] = file.tensors.at("transformer.wte.weight");
  file.metadata["config"] = R"({"n_layer": 2, "n_head": 2, "n_embd": 16, "block_size": 8, "vocab_size": 7,
                                "bias": true, "dropout": 0.0})";
  const Checkpoint ck = load_checkpoint_bytes(safetensors::serialize(file));
  CHECK(ck.gpt()->weights() == m.weights());
  CHECK(ck.gpt()->config().positional == PositionalKind::Learned);
  CHECK(ck.gpt()->config().hidden() == 64);
}

TEST_CASE("bad checkpoints name what is wrong and load nothing", "[checkpoint]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "abc");
  Model m(small_config(tok.vocab_size()), 6);
  const std::string good = save_checkpoint_bytes(m, tok);
  CHECK(code_of([&] { load_checkpoint_bytes(good.substr(0, good.size() - 3)); }) == "checkpoint_truncated");
  CHECK(code_of([&] { load_checkpoint_bytes(good.substr(0, 5)); }) == "checkpoint_truncated");
  CHECK(code_of([&] { load_checkpoint_bytes("not a checkpoint at all"); }) != "none");

  auto with = [&](auto edit) {
    safetensors::File f = safetensors::parse(good);
    edit(f);
    return safetensors::serialize(f);
  };
  const auto missing = with([](safetensors::File& f) { f.tensors.erase("transformer.h.1.ln_2.weight"); });
  try {
    load_checkpoint_bytes(missing);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == "checkpoint_mismatch");
    CHECK(std::string(e.what()).find("transformer.h.1.ln_2.weight") != std::string::npos);
  }
  const auto reshaped = with([](safetensors::File& f) { f.tensors["transformer.ln_f.weight"].shape = {4, 4}; });
  CHECK(code_of([&] { load_checkpoint_bytes(reshaped); }) == "checkpoint_mismatch");
  const auto extra = with([](safetensors::File& f) { f.tensors["something.else"] = {{1}, {1.0f}}; });
  CHECK(code_of([&] { load_checkpoint_bytes(extra); }) == "checkpoint_mismatch");
  const auto nan = with([](safetensors::File& f) { f.tensors["transformer.ln_f.bias"].data[0] = NAN; });
  CHECK(code_of([&] { load_checkpoint_bytes(nan); }) == "checkpoint_corrupt");
  const auto no_config = with([](safetensors::File& f) { f.metadata.erase("config"); });
  CHECK(code_of([&] { load_checkpoint_bytes(no_config); }) == "checkpoint_corrupt");
  const auto bad_config = with([](safetensors::File& f) { f.metadata["config"] = R"({"n_head": 3, "n_embd": 16})"; });
  CHECK(code_of([&] { load_checkpoint_bytes(bad_config); }) == "bad_config");
  const auto big_vocab = with([](safetensors::File& f) {
    f.metadata["tokenizer"] = R"({"type": "char", "vocab": ["<pad>", "<bos>", "<eos>", "<unk>", "a", "b", "c", "d"]})";
  });
  CHECK(code_of([&] { load_checkpoint_bytes(big_vocab); }) == "checkpoint_mismatch");
}

TEST_CASE("checkpoint files are written whole and read back", "[checkpoint]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Word, "나는 밥을 먹었다");
  Model m(small_config(tok.vocab_size()), 9);
  const std::string path = "tinyformer_test_checkpoint.safetensors";
  save_checkpoint(path, m, tok);
  const Checkpoint ck = load_checkpoint(path);
  CHECK(ck.gpt()->weights() == m.weights());
  CHECK(ck.tokenizer.kind() == TokenizerKind::Word);
  std::remove(path.c_str());
  CHECK(code_of([&] { load_checkpoint(path); }) == "file_not_found");
}

TEST_CASE("optimizer metadata out of range or of the wrong type is a tf::Error naming the field", "[checkpoint]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "abc");
  Model m(small_config(tok.vocab_size()), 6);
  std::vector<ParamRef> refs = m.param_refs();
  Optimizer opt(OptimizerConfig{}, refs);
  const std::string good = save_checkpoint_bytes(m, tok, &opt);
  const auto with_optimizer = [&](const std::string& key, const nlohmann::json& value) {
    safetensors::File f = safetensors::parse(good);
    nlohmann::json meta = nlohmann::json::parse(f.metadata.at("optimizer"));
    meta[key] = value;
    f.metadata["optimizer"] = meta.dump();
    return safetensors::serialize(f);
  };
  const auto error_of = [&](const std::string& bytes) -> std::pair<std::string, std::string> {
    try {
      load_checkpoint_bytes(bytes);
    } catch (const Error& e) {
      return {e.code(), e.what()};
    }
    return {"none", ""};
  };
  for (const nlohmann::json& v : {nlohmann::json(1e10), nlohmann::json(1e20), nlohmann::json(-3), nlohmann::json(2.5),
                                  nlohmann::json("x"), nlohmann::json(nullptr)}) {
    const auto [code, message] = error_of(with_optimizer("steps", v));
    CHECK(code == "checkpoint_corrupt");
    CHECK(message.find("steps") != std::string::npos);
  }
  for (const char* key : {"warmup_steps", "total_steps"}) {
    for (const nlohmann::json& v : {nlohmann::json(1e10), nlohmann::json(1e20), nlohmann::json("x")}) {
      const auto [code, message] = error_of(with_optimizer(key, v));
      CHECK(code == "bad_optimizer_config");
      CHECK(message.find(key) != std::string::npos);
      CHECK(message.find("json.exception") == std::string::npos);
    }
  }
  for (const char* key : {"lr", "beta2", "eps"}) {
    const auto [code, message] = error_of(with_optimizer(key, 1e300));
    CHECK(code == "bad_optimizer_config");
    CHECK(message.find(key) != std::string::npos);
  }
  for (const char* key : {"kind", "schedule"}) {
    const auto [code, message] = error_of(with_optimizer(key, 5));
    CHECK(code == "bad_optimizer_config");
    CHECK(message.find(key) != std::string::npos);
    CHECK(message.find("json.exception") == std::string::npos);
  }
  // config fields of the wrong type, a tokenizer that is a number
  safetensors::File f = safetensors::parse(good);
  f.metadata["config"] = R"({"n_layer": "2", "n_head": 2, "n_embd": 16, "block_size": 8, "vocab_size": 7})";
  CHECK(error_of(safetensors::serialize(f)).first == "bad_config");
  f = safetensors::parse(good);
  f.metadata["tokenizer"] = "5";
  CHECK(error_of(safetensors::serialize(f)).first == "bad_tokenizer");
  CHECK(error_of(with_optimizer("steps", 3)).first == "none");
}

TEST_CASE("a tiny file whose config claims a big model fails on the first missing tensor before allocating it",
          "[checkpoint]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "abc");
  safetensors::File f;
  f.metadata["format"] = "tinyformer";
  // About 50 million parameters (200 MB of weights, as much again for gradients): under the config limit.
  f.metadata["config"] = R"({"n_layer": 16, "n_head": 8, "n_embd": 512, "block_size": 1024, "vocab_size": 96})";
  f.metadata["tokenizer"] = tok.to_json();
  f.tensors["transformer.ln_f.weight"] = {{512}, std::vector<float>(512, 1.0f)};
  const std::string bytes = safetensors::serialize(f);
  g_largest = 0;
  g_watch = true;
  std::string code, message;
  try {
    load_checkpoint_bytes(bytes);
  } catch (const Error& e) {
    code = e.code();
    message = e.what();
  }
  g_watch = false;
  CHECK(code == "checkpoint_mismatch");
  CHECK(message == "checkpoint is missing tensor transformer.wte.weight");
  CHECK(g_largest.load() < (1u << 20));  // nothing near the claimed model's size was allocated
}

TEST_CASE("tensor lists are checked against the config: shapes, extras, then values", "[checkpoint]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "abc");
  ModelConfig c = small_config(tok.vocab_size());
  c.tied = false;
  c.bias = false;
  c.positional = PositionalKind::Sinusoidal;
  Model m(c, 6);
  const auto expected = Model::expected_params(c);
  REQUIRE(expected.size() == m.params().size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(expected[i].name == m.params()[i].name);
    CHECK(expected[i].shape == m.params()[i].shape);
    CHECK(expected[i].decay == m.params()[i].decay);
  }
  safetensors::File f = safetensors::parse(save_checkpoint_bytes(m, tok));
  f.tensors["transformer.h.0.attn.c_attn.bias"] = {{48}, std::vector<float>(48, 0.0f)};  // the config has no biases
  CHECK(code_of([&] { load_checkpoint_bytes(safetensors::serialize(f)); }) == "checkpoint_mismatch");
}

TEST_CASE("nanoGPT files from PyTorch < 2.0 carry causal-mask buffers attn.bias: exactly those are ignored",
          "[checkpoint]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "abc");
  const ModelConfig c = small_config(tok.vocab_size());
  Model m(c, 6);
  const safetensors::File good = safetensors::parse(save_checkpoint_bytes(m, tok));
  const auto mask = [](std::int64_t n) {
    safetensors::Tensor t{{1, 1, n, n}, std::vector<float>(static_cast<std::size_t>(n * n), 0.0f)};
    for (std::int64_t i = 0; i < n; ++i)
      for (std::int64_t j = 0; j <= i; ++j) t.data[static_cast<std::size_t>(i * n + j)] = 1.0f;
    return t;
  };
  safetensors::File f = good;
  for (int l = 0; l < c.n_layer; ++l) f.tensors["transformer.h." + std::to_string(l) + ".attn.bias"] = mask(8);
  const Checkpoint ck = load_checkpoint_bytes(safetensors::serialize(f));
  CHECK(ck.gpt()->weights() == m.weights());
  // Anything else stays an unexpected tensor: a layer the model lacks, another shape, another name.
  for (const auto& [name, tensor] :
       std::vector<std::pair<std::string, safetensors::Tensor>>{{"transformer.h.2.attn.bias", mask(8)},
                                                                {"transformer.h.0.attn.bias", {{8, 8}, mask(8).data}},
                                                                {"transformer.h.0.attn.masked_bias", mask(8)},
                                                                {"transformer.h.00.attn.bias", mask(8)},
                                                                {"transformer.h.x.attn.bias", mask(8)}}) {
    safetensors::File bad = good;
    bad.tensors[name] = tensor;
    INFO(name);
    CHECK(code_of([&] { load_checkpoint_bytes(safetensors::serialize(bad)); }) == "checkpoint_mismatch");
  }
}

TEST_CASE("the scheduled-sampling coin stream is saved in the optimizer metadata and restored", "[checkpoint]") {
  Rng a(7, 0xc01);
  for (int i = 0; i < 5; ++i) a.uniform();
  Rng b(7, 0xc01);
  b.set_state(a.state());
  for (int i = 0; i < 5; ++i) CHECK(a.next_u32() == b.next_u32());

  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "abc");
  Model m(small_config(tok.vocab_size()), 6);
  std::vector<ParamRef> refs = m.param_refs();
  Optimizer opt(OptimizerConfig{}, refs);
  const std::string path = "tinyformer_test_rng.safetensors";
  save_checkpoint(path, m, tok, &opt, nullptr, 18446744073709551615ull);
  CHECK(load_checkpoint(path).sampling_rng_state == std::optional<std::uint64_t>(18446744073709551615ull));
  save_checkpoint(path, m, tok, &opt);
  CHECK(!load_checkpoint(path).sampling_rng_state.has_value());
  std::remove(path.c_str());

  safetensors::File f = safetensors::parse(save_checkpoint_bytes(m, tok, &opt));
  for (const nlohmann::json& bad :
       {nlohmann::json(12), nlohmann::json("18446744073709551616"), nlohmann::json("-1"), nlohmann::json("")}) {
    nlohmann::json meta = nlohmann::json::parse(f.metadata.at("optimizer"));
    meta["sampling_rng"] = bad;
    safetensors::File g = f;
    g.metadata["optimizer"] = meta.dump();
    CHECK(code_of([&] { load_checkpoint_bytes(safetensors::serialize(g)); }) == "checkpoint_corrupt");
  }
}
