// tinyformer corpus: write one of the built-in corpora (generated from templates, see data/corpora.hpp).
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "data/corpora.hpp"

namespace tf::cli {
namespace {

std::string choices_text() {
  std::string s;
  for (const auto& n : corpus_names()) s += (s.empty() ? "" : ", ") + n;
  return s;
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw Error("file_unwritable", "cannot write " + path);
}

// One sentence per line: the training part first, then the held-out part, so a trainer that holds
// out the end of a text (tinyformer train, the page) holds out the corpus's own held-out sentences.
// With --labels, "sentence<TAB>label" per line (the 사과 set's apple / apology / both); with --links
// (ko-en), "ko<TAB>en<TAB>links", links as en_index:ko_index,... (after the label with both).
struct CorpusOptions {
  std::string name, out, part = "all";
  int seed = 1, max_sentences = 0;
  bool labels = false, links = false, categories = false;
};

int run_corpus(const CorpusOptions& o) {
  if (o.links && o.name != "ko-en") throw UsageError("--links needs --name ko-en");
  if (o.categories && (o.name == "en" || o.name == "ko-en"))
    throw UsageError("--categories needs a Korean corpus (ko, ko-words, sagwa)");
  if (o.categories && (o.labels || o.links)) throw UsageError("--categories writes JSON: drop --labels and --links");
  const Corpus c = make_corpus(o.name, static_cast<std::uint64_t>(o.seed), o.max_sentences);
  if (o.categories) {
    const nlohmann::json j = word_categories(c);
    const std::string text = j.dump(0) + "\n";
    write_file(o.out, text);
    std::cerr << "tinyformer corpus: " << c.name << ": categories of " << j.size() << " words -> " << o.out << "\n";
    return kExitOk;
  }
  std::string text;
  std::vector<const std::vector<CorpusSentence>*> parts;
  if (o.part != "heldout") parts.push_back(&c.train);
  if (o.part != "train") parts.push_back(&c.heldout);
  for (const auto* sentences : parts) {
    for (const auto& s : *sentences)
      text += s.text + (o.labels ? "\t" + s.label : "") + (o.links ? "\t" + links_text(s.links) : "") + "\n";
  }
  write_file(o.out, text);
  std::cerr << "tinyformer corpus: " << c.name << ": " << c.train.size() << " training + " << c.heldout.size()
            << " held-out sentences, " << text.size() << " bytes -> " << o.out << "\n";
  return kExitOk;
}

}  // namespace

Command register_corpus(CLI::App& app) {
  CLI::App& cmd = add_command(
      app, "corpus", "write a built-in corpus (Korean, English, Korean-English pairs, the 사과 set)",
      "Generates a corpus from the project's templates (particles and conjugations checked by tests)\n"
      "and writes it one sentence per line, the training sentences first and the held-out ones last.\n"
      "Corpora: " +
          choices_text() +
          ".\n"
          "With --links (ko-en), each line is ko<TAB>en<TAB>links: the word alignment as en_index:ko_index\n"
          "pairs (indices of space-separated words), e.g. 나는 밥을 먹었다<TAB>I ate rice<TAB>0:0,1:2,2:1.\n"
          "ko-words is the ko corpus with particles split off (고양이 는 귀엽다), what word vectors train on;\n"
          "--categories writes each of its words' lexicon category (people, animals, foods, ...) as JSON.");
  auto o = std::make_shared<CorpusOptions>();
  add_choice(cmd, "name", o->name, "which corpus", corpus_names())->required();
  add_text(cmd, "out", o->out, "FILE", "where to write it")->required();
  add_int(cmd, "seed", o->seed, "S", "generation seed", 0, 2147483647);
  add_int(cmd, "max-sentences", o->max_sentences, "N", "at most N sentences (0 = the default size)", 0,
          kMaxCorpusSentences);
  add_choice(cmd, "part", o->part, "which sentences", {"all", "train", "heldout"});
  add_switch(cmd, "labels", o->labels, "write 'sentence<TAB>label' lines (sense labels of the 사과 set)");
  add_switch(cmd, "links", o->links, "ko-en: add a column of word links, en_index:ko_index,... (see above)");
  add_switch(cmd, "categories", o->categories,
             "Korean corpora: write a JSON object {word: lexicon category} for the corpus's words instead");
  return {&cmd, [o] { return run_corpus(*o); }};
}

}  // namespace tf::cli
