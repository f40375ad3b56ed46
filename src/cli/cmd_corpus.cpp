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
// With --labels, "sentence<TAB>label" per line (the 사과 set's apple / apology / both); with --links
// (ko-en), "ko<TAB>en<TAB>links", links as en_index:ko_index,... (after the label with both).
int run_corpus(const Flags& f) {
  const bool links = f.get_switch("links");
  if (links && f.get_text("name") != "ko-en") throw UsageError("--links needs --name ko-en");
  const Corpus c =
      make_corpus(f.get_text("name"), static_cast<std::uint64_t>(f.get_int("seed")), f.get_int("max-sentences"));
  std::string text;
  const bool labels = f.get_switch("labels");
  const std::string part = f.get_text("part");
  std::vector<const std::vector<CorpusSentence>*> parts;
  if (part != "heldout") parts.push_back(&c.train);
  if (part != "train") parts.push_back(&c.heldout);
  for (const auto* sentences : parts) {
    for (const auto& s : *sentences)
      text += s.text + (labels ? "\t" + s.label : "") + (links ? "\t" + links_text(s.links) : "") + "\n";
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
          "tinyformer corpus --name NAME --out FILE [--seed S] [--max-sentences N] [--part P] [--labels] [--links]",
          "Generates a corpus from the project's templates (particles and conjugations checked by tests)\n"
          "and writes it one sentence per line, the training sentences first and the held-out ones last.\n"
          "With --links (ko-en), each line is ko<TAB>en<TAB>links: the word alignment as en_index:ko_index\n"
          "pairs joined by commas, words counted from 0 on each side split on spaces (나는 밥을 먹었다<TAB>\n"
          "I ate rice<TAB>0:0,1:2,2:1). Content words are linked; function words (a, the, is, to) are not.\n"
          "Corpora: " +
              choices_text() + ".",
          {choice_flag("name", "which corpus", "", corpus_names()).required(),
           text_flag("out", "FILE", "where to write it").required(),
           int_flag("seed", "S", "generation seed", "1", 0, 2147483647),
           int_flag("max-sentences", "N", "at most N sentences (0 = the default size)", "0", 0, kMaxCorpusSentences),
           choice_flag("part", "which sentences", "all", {"all", "train", "heldout"}),
           switch_flag("labels", "write 'sentence<TAB>label' lines (sense labels of the 사과 set)"),
           switch_flag("links", "ko-en: add a column of word links, en_index:ko_index,... (see above)")},
          run_corpus};
}

}  // namespace tf::cli
