// tinyformer corpus: write one of the built-in corpora (generated from templates, see data/corpora.hpp).
#include <fstream>
#include <iostream>

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
// With --labels, "sentence<TAB>label" per line (the 사과 set's apple / apology / both).
int run_corpus(const Flags& f) {
  const Corpus c =
      make_corpus(f.get_text("name"), static_cast<std::uint64_t>(f.get_int("seed")), f.get_int("max-sentences"));
  std::string text;
  const bool labels = f.get_switch("labels");
  const std::string part = f.get_text("part");
  std::vector<const std::vector<CorpusSentence>*> parts;
  if (part != "heldout") parts.push_back(&c.train);
  if (part != "train") parts.push_back(&c.heldout);
  for (const auto* sentences : parts) {
    for (const auto& s : *sentences) text += labels ? s.text + "\t" + s.label + "\n" : s.text + "\n";
  }
  write_file(f.get_text("out"), text);
  std::cerr << "tinyformer corpus: " << c.name << ": " << c.train.size() << " training + " << c.heldout.size()
            << " held-out sentences, " << text.size() << " bytes -> " << f.get_text("out") << "\n";
  return kExitOk;
}

}  // namespace

Command corpus_command() {
  return {"corpus",
          "write a built-in corpus (Korean, English, Korean-English pairs, the 사과 set)",
          "tinyformer corpus --name NAME --out FILE [--seed S] [--max-sentences N] [--part P] [--labels]",
          "Generates a corpus from the project's templates (particles and conjugations checked by tests)\n"
          "and writes it one sentence per line, the training sentences first and the held-out ones last.\n"
          "Corpora: " +
              choices_text() + ".",
          {choice_flag("name", "which corpus", "", corpus_names()).required(),
           text_flag("out", "FILE", "where to write it").required(),
           int_flag("seed", "S", "generation seed", "1", 0, 2147483647),
           int_flag("max-sentences", "N", "at most N sentences (0 = the default size)", "0", 0, kMaxCorpusSentences),
           choice_flag("part", "which sentences", "all", {"all", "train", "heldout"}),
           switch_flag("labels", "write 'sentence<TAB>label' lines (sense labels of the 사과 set)")},
          run_corpus};
}

}  // namespace tf::cli
