// tinyformer neighbours / fill-blank: what trained word vectors (train --arch cbow) know.
//
//   tinyformer neighbours --model w.safetensors --word 고양이        the words whose vectors point the same way
//   tinyformer fill-blank --model w.safetensors --text "나는 ___ 먹었다"   the model's top guesses for the blank
#include <cstdio>
#include <iostream>

#include "api/cbow_session.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/error.hpp"

namespace tf::cli {
namespace {

CbowSession load_words_file(const std::string& path) {
  Checkpoint ck = load_model_file(path);
  if (!ck.cbow())
    throw Error("wrong_arch", path + " holds a " + ck.network->arch() + " model, not word vectors (train --arch cbow)");
  CbowSession s;
  s.adopt(ck.take_cbow(), std::move(ck.tokenizer));
  return s;
}

std::string fixed3(float x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(x));
  return buf;
}

struct NeighboursOptions {
  std::string model, word, table = "input";
  int k = 10;
  bool json = false;
};

int run_neighbours(const NeighboursOptions& o) {
  CbowSession s = load_words_file(o.model);
  const int id = s.word_id(o.word);
  const std::vector<Neighbour> near = s.neighbours(o.word, o.k, o.table);
  if (o.json) {
    FloatJson list = FloatJson::array();
    for (const Neighbour& n : near)
      list.push_back({{"word", word_text(s.vocab(), n.id)}, {"id", n.id}, {"cosine", n.cosine}});
    FloatJson out = {{"word", word_text(s.vocab(), id)}, {"id", id}, {"table", o.table}, {"neighbours", list}};
    std::cout << out.dump() << std::endl;
    return kExitOk;
  }
  std::cout << word_text(s.vocab(), id) << " (" << o.table << " vectors, cosine):\n";
  for (std::size_t i = 0; i < near.size(); ++i)
    std::cout << "  " << i + 1 << ". " << word_text(s.vocab(), near[i].id) << "  " << fixed3(near[i].cosine) << "\n";
  return kExitOk;
}

struct FillOptions {
  std::string model, text;
  int k = 5;
  bool json = false;
};

int run_fill(const FillOptions& o) {
  CbowSession s = load_words_file(o.model);
  const BlankResult r = s.fill_blank(o.text, o.k);
  if (o.json) {
    FloatJson guesses = FloatJson::array();
    for (const Guess& g : r.guesses)
      guesses.push_back({{"word", word_text(s.vocab(), g.id)}, {"id", g.id}, {"prob", g.prob}});
    FloatJson context = FloatJson::array();
    for (std::size_t j = 0; j < r.context.size(); ++j)
      if (r.context_positions[j] >= 0) context.push_back(r.words[static_cast<std::size_t>(r.context_positions[j])]);
    FloatJson out = {{"words", r.words}, {"blank", r.blank}, {"context", context}, {"guesses", guesses}};
    std::cout << out.dump() << std::endl;
    return kExitOk;
  }
  std::string shown;
  for (std::size_t i = 0; i < r.words.size(); ++i) shown += (i ? " " : "") + r.words[i];
  std::cout << shown << "\n";
  for (std::size_t i = 0; i < r.guesses.size(); ++i)
    std::cout << "  " << i + 1 << ". " << word_text(s.vocab(), r.guesses[i].id) << "  " << fixed3(r.guesses[i].prob)
              << "\n";
  return kExitOk;
}

}  // namespace

Command register_neighbours(CLI::App& app) {
  CLI::App& cmd = add_command(
      app, "neighbours", "the nearest words to a word, by the cosine of trained word vectors",
      "Reads word vectors (a checkpoint from `tinyformer train --arch cbow`) and lists the words whose vectors\n"
      "point most nearly the same way as the given word's (cosine similarity, 1 = the same direction).\n"
      "A word with a particle that is not in the vocabulary (고양이는) is looked up by its stem (고양이).");
  auto o = std::make_shared<NeighboursOptions>();
  add_text(cmd, "model", o->model, "FILE", "word-vector checkpoint (.safetensors)")->required();
  add_text(cmd, "word", o->word, "WORD", "the word to look up")->required();
  add_int(cmd, "k", o->k, "K", "how many neighbours", 1, 100);
  add_choice(cmd, "table", o->table, "input vectors (the usual word vectors) or output vectors", {"input", "output"});
  add_switch(cmd, "json", o->json, "print one JSON object: word, id, table, neighbours [{word, id, cosine}]");
  return {&cmd, [o] { return run_neighbours(*o); }};
}

Command register_fill_blank(CLI::App& app) {
  CLI::App& cmd = add_command(
      app, "fill-blank", "guess the missing word of a sentence with trained word vectors (CBOW)",
      "Reads word vectors (a checkpoint from `tinyformer train --arch cbow`) and a sentence with one blank\n"
      "written as underscores (\"나는 ___ 먹었다\"), averages the vectors of the words around the blank (the\n"
      "model's window) and prints the most likely words for it with their probabilities.");
  auto o = std::make_shared<FillOptions>();
  add_text(cmd, "model", o->model, "FILE", "word-vector checkpoint (.safetensors)")->required();
  add_text(cmd, "text", o->text, "TEXT", "a sentence with one blank: ___")->required();
  add_int(cmd, "k", o->k, "K", "how many guesses", 1, 100);
  add_switch(cmd, "json", o->json, "print one JSON object: words, blank, context, guesses [{word, id, prob}]");
  return {&cmd, [o] { return run_fill(*o); }};
}

}  // namespace tf::cli
