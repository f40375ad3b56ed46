// The encoder-decoder: PyTorch's numbers on golden files (scripts/seq2seq-torch.py), the gradient of every
// parameter tensor by central differences over option combinations, padding, scheduled sampling for the
// decoder, training on pairs, translation and checkpoints.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "grad_check.hpp"
#include "io/checkpoint.hpp"
#include "model/seq2seq.hpp"
#include "model/translate.hpp"
#include "text/tokenizer.hpp"
#include "train/samplers.hpp"
#include "train/trainer.hpp"

using tf::Batch;
using tf::Seq2Seq;
using tf::Seq2SeqConfig;
using tf::Tokenizer;
using tf::test::read_file;

namespace {

Seq2SeqConfig tiny() {
  Seq2SeqConfig c;
  c.n_encoder_layer = 1;
  c.n_decoder_layer = 1;
  c.n_head = 2;
  c.n_embd = 8;
  c.mlp_hidden = 12;
  c.block_size = 8;
  c.src_vocab_size = 13;
  c.tgt_vocab_size = 11;
  return c;
}

void jitter(Seq2Seq& m, std::uint64_t seed) {
  tf::Rng rng(seed);
  for (float& w : m.weights()) w += rng.normal(0.0f, 0.1f);
}

// Two pairs of different lengths, padded: source (2, 6), decoder inputs and targets (2, 5).
Batch padded_batch() {
  Batch b;
  b.resize(2, 5, 6);
  tf::fill_pair(b, 0, {{4, 5, 6, 7}, {4, 5, 6, 7}});
  tf::fill_pair(b, 1, {{8, 9}, {9, 10}});
  return b;
}

}  // namespace

TEST_CASE("seq2seq parameters carry the PyTorch tutorial's state_dict names and shapes", "[seq2seq]") {
  Seq2SeqConfig c = tiny();
  c.n_decoder_layer = 2;
  Seq2Seq m(c);
  CHECK(m.param_info("transformer.encoder.layers.0.self_attn.in_proj_weight").shape == std::vector<int>{24, 8});
  CHECK(m.param_info("transformer.encoder.layers.0.self_attn.out_proj.bias").shape == std::vector<int>{8});
  CHECK(m.param_info("transformer.encoder.layers.0.linear1.weight").shape == std::vector<int>{12, 8});
  CHECK(m.param_info("transformer.encoder.layers.0.linear2.weight").shape == std::vector<int>{8, 12});
  CHECK(m.param_info("transformer.decoder.layers.1.multihead_attn.in_proj_bias").shape == std::vector<int>{24});
  CHECK(m.param_info("transformer.decoder.layers.1.norm3.weight").shape == std::vector<int>{8});
  CHECK(m.param_info("transformer.encoder.norm.bias").shape == std::vector<int>{8});
  CHECK(m.param_info("transformer.decoder.norm.weight").shape == std::vector<int>{8});
  CHECK(m.param_info("generator.weight").shape == std::vector<int>{11, 8});
  CHECK(m.param_info("generator.bias").shape == std::vector<int>{11});
  CHECK(m.param_info("src_tok_emb.embedding.weight").shape == std::vector<int>{13, 8});
  CHECK(m.param_info("tgt_tok_emb.embedding.weight").shape == std::vector<int>{11, 8});
  CHECK_THROWS_AS(m.param_info("transformer.encoder.layers.0.norm3.weight"), tf::Error);
  CHECK(m.param("transformer.decoder.layers.0.norm2.weight")[0] == 1.0f);
}

TEST_CASE("seq2seq gives PyTorch's logits, memory and cross-attention on the golden files", "[seq2seq][golden]") {
  const std::string dir = TF_TEST_DATA_DIR;
  const nlohmann::json golden = nlohmann::json::parse(read_file(dir + "/seq2seq_golden.json"));
  REQUIRE(golden["cases"].size() == 2);
  for (const auto& c : golden["cases"]) {
    const std::string file = c["checkpoint"];
    INFO(file);
    tf::Checkpoint ck = tf::load_checkpoint(dir + "/" + file);
    REQUIRE(ck.seq2seq());
    Seq2Seq& m = *ck.seq2seq();
    CHECK(ck.source_tokenizer.vocab_size() == 20);
    CHECK(ck.tokenizer.vocab_size() == 18);
    const int B = static_cast<int>(c["src"].size()), S = static_cast<int>(c["src"][0].size());
    const int T = static_cast<int>(c["tgt"][0].size()), V = m.vocab_size(), C = m.config().n_embd;
    Batch b;
    b.resize(B, T, S);
    for (int i = 0; i < B; ++i) {
      for (int s = 0; s < S; ++s) b.source[i * S + s] = c["src"][i][s];
      for (int t = 0; t < T; ++t) {
        b.inputs[i * T + t] = c["tgt"][i][t];
        const int y = c["tgt_out"][i][t];
        b.targets[i * T + t] = y == Tokenizer::PAD ? Seq2Seq::kIgnore : y;
      }
    }
    const float loss = m.forward(b);
    CHECK(loss == Approx(c["loss"].get<double>()).margin(2e-5));
    double worst = 0;
    for (int i = 0; i < B; ++i)
      for (int t = 0; t < T; ++t) {
        if (b.inputs[i * T + t] == Tokenizer::PAD) continue;  // only real positions mean anything
        for (int v = 0; v < V; ++v)
          worst = std::max(worst, std::fabs(m.logits()[(i * T + t) * V + v] - c["logits"][i][t][v].get<double>()));
      }
    CHECK(worst < 5e-5);
    // One pair alone, recorded: the memory and the last decoder layer's cross-attention (mean over heads).
    for (int i = 0; i < B; ++i) {
      std::vector<int> src, in;
      for (int s = 0; s < S && b.source[i * S + s] != Tokenizer::PAD; ++s) src.push_back(b.source[i * S + s]);
      for (int t = 0; t < T && b.inputs[i * T + t] != Tokenizer::PAD; ++t) in.push_back(b.inputs[i * T + t]);
      tf::Inspection rec;
      m.inspect(src, in, {}, rec);
      const auto& memory = rec.get("enc.out");
      for (std::size_t s = 0; s < src.size(); ++s)
        for (int k = 0; k < C; ++k) CHECK(memory(s, k) == Approx(c["memory"][i][s][k].get<double>()).margin(5e-5));
      const int last = m.config().n_decoder_layer - 1;
      const auto& probs = rec.get("dec.h" + std::to_string(last) + ".xattn.probs");  // (H, T, S)
      const int H = m.config().n_head;
      for (std::size_t t = 0; t < in.size(); ++t) {
        double row = 0;
        for (std::size_t s = 0; s < src.size(); ++s) {
          double mean = 0;
          for (int h = 0; h < H; ++h) mean += probs(h, t, s) / H;
          row += mean;
          CHECK(mean == Approx(c["xattn_probs_last_layer"][i][t][s].get<double>()).margin(1e-5));
        }
        CHECK(row == Approx(1.0).margin(1e-5));
      }
    }
    // Saved again, the file loads to the same logits (the sinusoid buffer included, as PyTorch keeps it).
    const std::string bytes = tf::save_checkpoint_bytes(m, ck.tokenizer, nullptr, &ck.source_tokenizer);
    tf::Checkpoint again = tf::load_checkpoint_bytes(bytes);
    REQUIRE(again.seq2seq());
    CHECK(again.seq2seq()->weights() == m.weights());
    CHECK(again.source_tokenizer.vocab() == ck.source_tokenizer.vocab());
    CHECK(again.seq2seq()->forward(b) == loss);
  }
}

TEST_CASE("the whole seq2seq gradient matches central differences for every option", "[seq2seq][gradcheck]") {
  struct Variant {
    const char* name;
    void (*apply)(Seq2SeqConfig&);
  };
  const Variant variants[] = {
      {"post-LN, ReLU (nn.Transformer)", [](Seq2SeqConfig&) {}},
      {"pre-LN, GELU",
       [](Seq2SeqConfig& c) {
         c.norm = tf::NormPlacement::Pre;
         c.activation = tf::Activation::Gelu;
       }},
      {"2 encoder, 3 decoder layers, post-LN",
       [](Seq2SeqConfig& c) {
         c.n_encoder_layer = 2;
         c.n_decoder_layer = 3;
         c.activation = tf::Activation::Gelu;
       }},
      {"3 encoder, 1 decoder layer, pre-LN, ReLU",
       [](Seq2SeqConfig& c) {
         c.n_encoder_layer = 3;
         c.norm = tf::NormPlacement::Pre;
       }},
  };
  const Batch b = padded_batch();  // S = 6 ≠ T = 5, the second pair padded on both sides
  for (const auto& variant : variants) {
    INFO(variant.name);
    Seq2SeqConfig c = tiny();
    variant.apply(c);
    Seq2Seq m(c, 31);
    jitter(m, 32);
    m.forward(b);
    m.zero_grad();
    m.backward();
    const std::vector<float> analytic = m.grads();
    m.backward();  // backward accumulates
    for (std::size_t i = 0; i < analytic.size(); i += 5) REQUIRE(m.grads()[i] == Approx(2 * analytic[i]).margin(1e-6));
    auto loss = [&] { return static_cast<double>(m.forward(b)); };
    for (const auto& p : m.params()) {
      INFO(p.name);
      std::vector<float> w(m.weights().begin() + p.offset, m.weights().begin() + p.offset + p.size);
      std::vector<float> g(analytic.begin() + p.offset, analytic.begin() + p.offset + p.size);
      auto loss_of_p = [&] {
        std::copy(w.begin(), w.end(), m.weights().begin() + p.offset);
        return loss();
      };
      // ReLU's kink at 0: a nudge of 2e-2 moves some units across it, so ReLU models take nudges of 1e-3,
      // where float32 rounding of the loss costs about 1e-2 of relative error. A wrong term costs order 1.
      const bool relu = c.activation == tf::Activation::Relu;
      const double err = tf::test::central_difference_error(w, g, loss_of_p, 12, p.offset + 1, relu ? 1e-3f : 2e-2f);
      std::copy(w.begin(), w.end(), m.weights().begin() + p.offset);
      CHECK(err < (relu ? 4e-2 : 2e-2));
    }
  }
}

TEST_CASE("padding never changes a real position's numbers", "[seq2seq]") {
  Seq2Seq m(tiny(), 5);
  jitter(m, 6);
  Batch padded = padded_batch();
  m.forward(padded);
  const int V = m.vocab_size();
  std::vector<float> row1(m.logits() + 5 * V, m.logits() + 10 * V);  // the second (padded) pair
  Batch alone;
  alone.resize(1, 3, 4);
  tf::fill_pair(alone, 0, {{8, 9}, {9, 10}});
  m.forward(alone);
  for (int t = 0; t < 3; ++t)
    for (int v = 0; v < V; ++v) CHECK(m.logits()[t * V + v] == Approx(row1[t * V + v]).margin(1e-5));
}

TEST_CASE("scheduled sampling feeds the decoder its own guesses, never at padding", "[seq2seq][train]") {
  tf::OptimizerConfig oc;
  oc.kind = tf::OptimizerKind::Adam;
  tf::TrainConfig tc;
  tc.batch_size = 2;
  tc.sampling_prob = 1.0f;
  tf::Trainer t(std::make_unique<Seq2Seq>(tiny(), 1), oc, tc);
  const tf::StepResult r = t.step(padded_batch());
  CHECK(r.replaced == 4 + 2);  // inputs 1..4 of the first pair, 1..2 of the second (3, 4 are padding)
  CHECK(r.tokens == 5 + 3);
}

TEST_CASE("training on pairs halves the loss and translation writes the target", "[seq2seq][train]") {
  // A toy task: the target is the source reversed, over 6 symbols.
  std::vector<tf::TokenPair> pairs;
  tf::Rng rng(3);
  for (int i = 0; i < 64; ++i) {
    tf::TokenPair p;
    const int n = 2 + static_cast<int>(rng.below(3));
    for (int k = 0; k < n; ++k) p.source.push_back(4 + static_cast<int>(rng.below(6)));
    p.target.assign(p.source.rbegin(), p.source.rend());
    pairs.push_back(p);
  }
  Seq2SeqConfig c = tiny();
  c.n_embd = 16;
  c.n_head = 2;
  c.mlp_hidden = 32;
  c.src_vocab_size = c.tgt_vocab_size = 10;
  c.norm = tf::NormPlacement::Pre;
  tf::OptimizerConfig oc;
  oc.kind = tf::OptimizerKind::Adam;
  oc.lr = 3e-3f;
  tf::TrainConfig tc;
  tc.batch_size = 16;
  tf::Trainer trainer(std::make_unique<Seq2Seq>(c, 7), oc, tc);
  tf::PairSampler sampler(pairs, tc.batch_size, tf::pair_shape(pairs), 9);
  const auto eval = tf::pair_batches(pairs, 16, tf::pair_shape(pairs));
  const float before = trainer.evaluate(eval);
  Batch batch;
  for (int i = 0; i < 400; ++i) {
    sampler.next(batch);
    trainer.step(batch);
  }
  const float after = trainer.evaluate(eval);
  CHECK(after < before / 2);

  Seq2Seq& m = dynamic_cast<Seq2Seq&>(trainer.network());
  tf::SamplingConfig greedy;
  greedy.temperature = 0;
  tf::Rng r(1);
  int exact = 0;
  for (const auto& p : pairs) {
    const tf::Translation tr = tf::translate(m, p.source, 10, greedy, r);
    std::vector<int> want = p.target;
    want.push_back(Tokenizer::EOS);
    exact += tr.output == want;
    CHECK(tr.output.size() == tr.step_probs.size());
  }
  CHECK(exact >= 32);  // most of the 64 reversals come out whole
}

TEST_CASE("translate checks its input and stops at the length limit", "[seq2seq]") {
  Seq2Seq m(tiny(), 2);
  tf::SamplingConfig greedy;
  greedy.temperature = 0;
  tf::Rng rng(1);
  using tf::test::code_of;
  CHECK(code_of([&] { tf::translate(m, {}, 5, greedy, rng); }) == "empty_text");
  CHECK(code_of([&] { tf::translate(m, std::vector<int>(7, 4), 5, greedy, rng); }) == "too_long");
  CHECK(code_of([&] { tf::translate(m, {4, 99}, 5, greedy, rng); }) == "bad_token_id");
  const tf::Translation t = tf::translate(m, {4, 5}, 3, greedy, rng);
  CHECK(t.output.size() <= 3);
  for (int id : t.output) CHECK((id == Tokenizer::EOS || id >= 4));             // never <pad>, <bos> or <unk>
  CHECK(code_of([&] { tf::translate(m, {4, 5}, 3, greedy, rng); }) == "none");  // still usable
}

TEST_CASE("seq2seq config and checkpoint errors name what is wrong", "[seq2seq][checkpoint]") {
  using tf::test::code_of;
  CHECK(code_of([] { Seq2SeqConfig::from_json({{"n_encoder_layers", 2}}); }) == "bad_config");
  CHECK(code_of([] { Seq2SeqConfig::from_json({{"arch", "gpt"}}); }) == "bad_config");
  CHECK(code_of([] { Seq2SeqConfig::from_json({{"bias", false}}); }) == "bad_config");
  CHECK(code_of([] { Seq2SeqConfig::from_json({{"n_embd", 10}, {"n_head", 4}}); }) == "bad_config");
  const Seq2SeqConfig back = Seq2SeqConfig::from_json(tiny().to_json());
  CHECK(back.to_json() == tiny().to_json());

  Seq2Seq m(tiny(), 3);
  const Tokenizer src = Tokenizer::build(tf::TokenizerKind::Char, "abcdefghi");
  const Tokenizer tgt = Tokenizer::build(tf::TokenizerKind::Char, "abcdefg");
  const std::string bytes = tf::save_checkpoint_bytes(m, tgt, nullptr, &src);
  tf::Checkpoint ck = tf::load_checkpoint_bytes(bytes);
  CHECK(code_of([&] { ck.take_gpt(); }) == "wrong_arch");
  CHECK(code_of([&] { ck.take_seq2seq(); }) == "none");
  // no source tokenizer, or one larger than the source embedding
  CHECK(code_of([&] { tf::save_checkpoint_bytes(m, tgt); }) == "bad_config");
  const Tokenizer big = Tokenizer::build(tf::TokenizerKind::Char, "abcdefghijklmnopqrstuvwxyz");
  CHECK(code_of([&] { tf::save_checkpoint_bytes(m, tgt, nullptr, &big); }) == "bad_config");
  // files whose tokenizers disagree with the embeddings, or lack one, or whose sinusoid buffer is not ours
  auto edited = [&](auto edit) {
    tf::safetensors::File f = tf::safetensors::parse(bytes);
    edit(f);
    return tf::safetensors::serialize(f);
  };
  CHECK(code_of([&] {
          tf::load_checkpoint_bytes(
              edited([&](tf::safetensors::File& f) { f.metadata["src_tokenizer"] = big.to_json(); }));
        }) == "checkpoint_mismatch");
  CHECK(code_of([&] {
          tf::load_checkpoint_bytes(
              edited([&](tf::safetensors::File& f) { f.metadata["tgt_tokenizer"] = big.to_json(); }));
        }) == "checkpoint_mismatch");
  CHECK(code_of([&] {
          tf::load_checkpoint_bytes(edited([](tf::safetensors::File& f) { f.metadata.erase("src_tokenizer"); }));
        }) == "checkpoint_corrupt");
  CHECK(code_of([&] {
          tf::load_checkpoint_bytes(
              edited([](tf::safetensors::File& f) { f.tensors["positional_encoding.pos_embedding"].data[3] += 0.5f; }));
        }) == "checkpoint_mismatch");
  CHECK(code_of([&] {
          tf::load_checkpoint_bytes(edited([](tf::safetensors::File& f) {
            f.tensors.erase("positional_encoding.pos_embedding");  // optional: recomputed
          }));
        }) == "none");
  CHECK(code_of([&] {
          tf::load_checkpoint_bytes(edited(
              [](tf::safetensors::File& f) { f.tensors["transformer.h.0.attn.bias"] = f.tensors["generator.bias"]; }));
        }) == "checkpoint_mismatch");
}

TEST_CASE("a seq2seq batch over the activation-memory limit is refused and the model stays usable",
          "[seq2seq][limits]") {
  Seq2SeqConfig c = tiny();
  c.block_size = 1024;
  Seq2Seq m(c, 4);
  Seq2Seq copy(m);
  Batch big;
  big.resize(512, 1024, 1024);  // B·H·T·S = 1.07e9 cross-attention weights per layer
  std::fill(big.source.begin(), big.source.end(), 4);
  std::fill(big.inputs.begin(), big.inputs.end(), 4);
  big.targets.clear();
  try {
    m.forward(big);
    FAIL("no error");
  } catch (const tf::Error& e) {
    CHECK(e.code() == "too_large");
    CHECK(std::string(e.what()).find("over the limit of 1024 MB") != std::string::npos);
  }
  const Batch b = padded_batch();
  CHECK(m.forward(b) == copy.forward(b));
}
