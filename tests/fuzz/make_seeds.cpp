// Writes the seed corpora of the fuzz targets (tests/fuzz/fuzz_*.cpp) into OUT/<target>/, generated from
// the shipped demo models and data (web/) and from tiny checkpoints made here with the engine, so nothing
// large is committed:   make_seeds OUT WEB_DIR
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "api/session.hpp"
#include "api/translation_session.hpp"
#include "io/safetensors.hpp"
#include "text/tokenizer.hpp"

namespace fs = std::filesystem;

namespace {

fs::path out_root;
int written = 0;

void seed(const std::string& target, const std::string& name, const std::string& bytes) {
  const fs::path dir = out_root / target;
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
  ++written;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string header_of(const std::string& file) {
  std::uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(file[i]);
  return file.substr(8, n);
}

std::string choice(int c, const std::string& rest) { return std::string(1, static_cast<char>(c)) + rest; }

// Every seed a checkpoint gives: the file, its header, its settings and tokenizer(s).
void from_checkpoint(const std::string& name, const std::string& bytes, bool whole_file = true) {
  if (whole_file) seed("checkpoint", name, bytes);
  if (whole_file && bytes.size() < (64 << 10)) seed("safetensors", name, bytes);
  seed("checkpoint_header", name + ".json", header_of(bytes));
  const auto meta = tf::safetensors::parse(bytes).metadata;
  auto get = [&](const char* key) { return meta.count(key) ? meta.at(key) : std::string(); };
  if (!get("config").empty()) {
    const bool s2s = get("config").find("seq2seq") != std::string::npos;
    seed("config", name + ".config", choice(s2s ? 1 : 0, get("config")));
  }
  if (!get("optimizer").empty()) seed("config", name + ".optimizer", choice(2, get("optimizer")));
  for (const char* key : {"tokenizer", "src_tokenizer", "tgt_tokenizer"}) {
    if (!get(key).empty()) seed("tokenizer_json", name + "." + key, get(key));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_seeds OUT WEB_DIR\n";
    return 2;
  }
  out_root = argv[1];
  const fs::path web = argv[2];
  const std::string ko = read(web / "data" / "ko-small.txt");
  std::string pairs = read(web / "data" / "ko-en.tsv").substr(0, 2000);
  pairs.resize(pairs.rfind('\n') + 1);  // whole lines only
  const std::string corpus = ko + ko + ko;

  // shipped models: whole (checkpoint) and their headers, settings and tokenizers
  for (const auto& entry : fs::directory_iterator(web / "models")) {
    if (entry.path().extension() == ".safetensors")
      from_checkpoint(entry.path().filename().string(), read(entry.path()));
  }

  // tiny checkpoints made here: a GPT of each tokenizer, one with Adam's state, an encoder-decoder
  const char* tiny = R"({"n_layer": 1, "n_head": 2, "n_embd": 8, "block_size": 8})";
  for (const char* kind : {"char", "word", "jamo"}) {
    tf::ModelSession m;
    m.create_from_corpus(tiny, kind, ko, 1);
    from_checkpoint(std::string("tiny-") + kind + ".safetensors", m.save());
    seed("tokenizer", std::string("ko-") + kind, choice(kind[0] == 'c' ? 0 : kind[0] == 'w' ? 1 : 2, ko));
  }
  {
    tf::TrainingSession t;
    t.create(R"({"model": {"n_layer": 1, "n_head": 2, "n_embd": 8, "block_size": 8}, "train": {"batch_size": 2},
                "racers": [{"optimizer": {"kind": "adamw", "lr": 0.01, "schedule": "warmup_cosine", "warmup_steps": 2, "total_steps": 10}}]})",
             corpus);
    t.step(2);
    from_checkpoint("tiny-adamw.safetensors", t.save(0));
  }
  {
    tf::TrainingSession t;
    t.create(R"({"arch": "seq2seq", "model": {"n_encoder_layer": 1, "n_decoder_layer": 1, "n_head": 2, "n_embd": 8,
                "mlp_hidden": 16, "block_size": 16}, "tokenizer": "word", "train": {"batch_size": 2},
                "racers": [{"optimizer": {"kind": "adam", "lr": 0.01}, "sampling_prob": 0.5}]})",
             pairs);
    t.step(1);
    from_checkpoint("tiny-seq2seq.safetensors", t.save(0));
  }
  {
    tf::safetensors::File f;
    f.metadata["format"] = "pt";
    f.tensors["w"] = {{2, 3}, {1, 2, 3, 4, 5, 6}};
    f.tensors["b"] = {{}, {0.5f}};
    seed("safetensors", "small-f32", tf::safetensors::serialize(f));
    seed("safetensors", "small-f16", tf::safetensors::serialize(f, tf::safetensors::Dtype::F16));
  }

  // text
  seed("utf8", "korean", "고양이는 귀엽다. 사과를 드렸다 🍎");
  seed("utf8", "mixed", std::string("a\xc3\xa9\xea\xb0\x80\xf0\x9f\x8d\x9a") + "\xed\xa0\x80" + "\xc0\xaf");
  seed("tokenizer", "ko-char-text", choice(0, ko + std::string(1, '\0') + "나는 밥을 먹었다"));
  seed("tokenizer", "en-word-text",
       choice(1, "the cat ate rice. the dog ran.\n" + std::string(1, '\0') + "the cat ran"));
  seed("corpus", "ko", choice(0, ko));
  seed("corpus", "bom-crlf",
       choice(0,
              "\xef\xbb\xbf"
              "나는 밥을 먹었다.\r\n고양이는 귀엽다.\r\n"));
  seed("corpus", "pairs", choice(1, pairs));

  // settings
  seed("config", "sampling", choice(3, R"({"temperature": 0.8, "top_k": 5, "top_p": 0.9})"));
  seed("config", "model",
       choice(4, R"({"n_layer": 1, "n_head": 2, "n_embd": 8, "block_size": 8, "positional": "sinusoidal",
                                        "norm": "post", "activation": "relu", "ln_eps": 1e-5})"));
  seed("config", "trainer", choice(5, R"({"model": {"n_layer": 1, "n_head": 1, "n_embd": 4, "block_size": 4}, "seed": 3,
        "tokenizer": "jamo", "val_fraction": 0.1, "train": {"batch_size": 2, "seq_len": 4},
        "racers": [{"name": "a", "optimizer": {"kind": "sgd", "lr": 0.1}}, {"optimizer": {"kind": "momentum"}}]})"));
  seed("config", "trainer-s2s", choice(5, R"({"arch": "seq2seq", "model": {"n_encoder_layer": 1, "n_decoder_layer": 1,
        "n_head": 1, "n_embd": 4, "mlp_hidden": 8, "block_size": 8}, "train": {"batch_size": 2}})"));
  // command lines (NUL-separated arguments after `tinyformer`)
  auto args_of = [](std::initializer_list<const char*> args) {
    std::string s;
    for (const char* a : args) s += std::string(a) + '\0';
    s.pop_back();
    return s;
  };
  seed("cli_flags", "train",
       args_of({"train", "--corpus", "c.txt", "--out", "m.safetensors", "--steps", "300", "--n-layer", "2", "--lr",
                "3e-3", "--schedule", "warmup_cosine", "--warmup", "10"}));
  seed("cli_flags", "train-s2s",
       args_of({"train", "--arch", "seq2seq", "--pairs", "p.tsv", "--out=m", "--batch-size", "-1", "--src-tokenizer",
                "jamo"}));
  seed("cli_flags", "generate",
       args_of({"generate", "--model", "m", "--prompt", "고양이는", "--max-tokens", "40", "--temperature", "0.8",
                "--seed", "3", "--top-k", "5"}));
  seed("cli_flags", "inspect",
       args_of(
           {"inspect", "--model", "m", "--text", "나는", "--json", "--tensor", "h0.attn.probs", "--tensor", "logits"}));
  seed("cli_flags", "translate", args_of({"translate", "--model", "m", "--text", "x", "--json", "--lr", "--json"}));
  seed("cli_flags", "misc", args_of({"corpus", "--name", "ko-en", "--links", "--max-sentences", "1e99"}));
  seed("cli_flags", "help", args_of({"export", "--help"}));
  seed("cli_flags", "positional", args_of({"positional", "--length", "33", "--width", "64", "extra"}));

  std::cout << "make_seeds: " << written << " seeds in " << out_root.string() << "\n";
  return 0;
}
