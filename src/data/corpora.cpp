// Assembly of the built-in corpora: which frame renders the next sentence, distinct sentences up to
// a size, the fixed sentences first, and the held-out split. The frames are in frames.cpp and
// frames_sagwa.cpp, the words in vocabulary.cpp.
#include "data/corpora.hpp"

#include <set>

#include "core/error.hpp"
#include "data/frames.hpp"

namespace tf {
namespace {

using gen::KoreanWord;
using gen::Rendered;
using gen::Speech;
using gen::Style;
using gen::Tense;
using gen::Weighted;

enum class Mode { Korean, English, Pair, Sagwa };

Rendered draw(Rng& r, Mode mode) {
  static const Tense tenses[] = {Tense::Past, Tense::Present, Tense::Future};
  static const Speech speeches[] = {Speech::Plain, Speech::Polite, Speech::Formal};
  const bool korean = mode == Mode::Korean || mode == Mode::Sagwa;
  Style st;
  st.tense = tenses[r.below(3)];
  st.speech = korean ? speeches[r.below(3)] : Speech::Plain;
  st.topic = !korean || r.below(3) != 0;
  st.scramble = korean && r.below(6) == 0;
  st.canonical = !korean;
  // ko-en pairs: mostly general frames, some 사과 frames (a translation model must tell the senses apart).
  const bool sagwa = mode == Mode::Sagwa || (mode == Mode::Pair && r.below(6) == 0);
  const std::vector<Weighted>& frames = sagwa ? gen::sagwa_frames() : gen::general_frames();
  std::uint32_t total = 0;
  for (const Weighted& f : frames) total += f.weight;
  std::uint32_t x = r.below(total);
  for (const Weighted& f : frames) {
    if (x < f.weight) return f.frame(r, st);
    x -= f.weight;
  }
  return frames.back().frame(r, st);
}

struct Item {
  std::string text;  // the corpus line
  std::string label;
  std::vector<KoreanWord> ko_words;
  std::vector<std::string> ko_categories;  // per ko_words
  std::string ko, en;
  std::vector<WordLink> links;  // ko-en only
};

std::uint64_t stream_of(Mode m) {
  switch (m) {
    case Mode::Korean:
      return 0x6b6f;
    case Mode::English:
      return 0x656e;
    case Mode::Pair:
      return 0x6b65656e;
    case Mode::Sagwa:
      return 0x73616777;
  }
  return 0;
}

Item make_item(Mode m, std::vector<KoreanWord> words, std::string en, std::string label, std::vector<WordLink> links) {
  Item it;
  it.ko = ko::join_words(words);
  it.en = std::move(en);
  it.ko_words = m == Mode::English ? std::vector<KoreanWord>{} : std::move(words);
  it.label = std::move(label);
  it.text = m == Mode::English ? it.en : m == Mode::Pair ? it.ko + "\t" + it.en : it.ko;
  if (m == Mode::Pair) it.links = std::move(links);
  return it;
}

// A frame's sentence as an item; its word links are paired up for ko-en pairs only (see Rendered).
Item make_item(Mode m, const Rendered& x) {
  std::vector<KoreanWord> words;
  words.reserve(x.ko.size());
  for (const gen::KoWord& k : x.ko) words.push_back(k.word);
  Item it = make_item(m, std::move(words), x.en.text, m == Mode::English ? "" : x.label,
                      m == Mode::Pair ? gen::word_links(x) : std::vector<WordLink>{});
  if (m != Mode::English)
    for (const gen::KoWord& k : x.ko) it.ko_categories.push_back(k.category ? k.category : "");
  return it;
}

// Distinct items in generation order; the first `*n_fixed` are the fixed sentences.
std::vector<Item> generate(Mode m, std::uint64_t seed, int max_items, std::size_t* n_fixed) {
  if (max_items < 0 || max_items > kMaxCorpusSentences)
    throw Error("bad_corpus_size",
                "a corpus has 0 (default size) to " + std::to_string(kMaxCorpusSentences) + " sentences", max_items,
                kMaxCorpusSentences);
  std::vector<Item> items;
  std::set<std::string> seen;
  std::size_t bytes = 0;
  const auto full = [&] {
    return max_items > 0 ? items.size() >= static_cast<std::size_t>(max_items) : bytes >= kDefaultCorpusBytes;
  };
  const auto add = [&](Item it) {
    if (!seen.insert(it.text).second) return false;
    bytes += it.text.size() + 1;
    items.push_back(std::move(it));
    return true;
  };
  for (const gen::Fixed& f : m == Mode::Sagwa ? gen::sagwa_examples() : gen::seed_sentences()) {
    if (full()) break;
    Item it = make_item(m, ko::parse_marked(f.marked), f.en, m == Mode::English ? "" : f.label, f.links);
    // The fixed sentences are written by hand: their nouns' categories come from the lexicon.
    for (const KoreanWord& k : it.ko_words) {
      const char* cat = gen::noun_category(k.base);
      it.ko_categories.push_back(cat ? cat : "");
    }
    add(std::move(it));
  }
  *n_fixed = items.size();
  Rng rng(seed, stream_of(m));
  int misses = 0;
  while (!full() && misses < 5000) {
    if (add(make_item(m, draw(rng, m))))
      misses = 0;
    else
      ++misses;
  }
  return items;
}

// Every 10th generated (not fixed) item is held out.
bool held_out(std::size_t index, std::size_t n_fixed) { return index >= n_fixed && (index - n_fixed) % 10 == 9; }

Mode mode_of(const std::string& name) {
  if (name == "ko") return Mode::Korean;
  if (name == "en") return Mode::English;
  if (name == "ko-en") return Mode::Pair;
  if (name == "sagwa") return Mode::Sagwa;
  if (name == "ko-words") return Mode::Korean;
  throw Error("bad_corpus", "unknown corpus '" + name + "' (try ko, ko-words, en, ko-en or sagwa)");
}

}  // namespace

std::string Corpus::text(bool held) const {
  std::string out;
  for (const CorpusSentence& s : held ? heldout : train) {
    out += s.text;
    out += '\n';
  }
  return out;
}

std::size_t Corpus::bytes() const { return text(false).size() + text(true).size(); }

std::vector<std::string> corpus_names() { return {"ko", "en", "ko-en", "sagwa", "ko-words"}; }

std::string split_text(const std::vector<ko::KoreanWord>& words) {
  std::string out;
  for (const KoreanWord& k : words) {
    if (!out.empty()) out += ' ';
    out += k.base;
    if (!k.particle.empty()) out += ' ' + k.particle;
  }
  return out;
}

std::map<std::string, std::string> word_categories(const Corpus& corpus) {
  if (corpus.name == "en" || corpus.name == "ko-en") return {};
  const bool split = corpus.name == "ko-words";
  std::map<std::string, std::map<std::string, int>> seen;
  for (const auto* part : {&corpus.train, &corpus.heldout})
    for (const CorpusSentence& s : *part)
      for (std::size_t i = 0; i < s.ko_words.size() && i < s.ko_categories.size(); ++i) {
        if (s.ko_categories[i].empty()) continue;
        const KoreanWord& k = s.ko_words[i];
        // A base of several words: a noun's entry is its last word (사과 주스 → 주스), a predicate's its first
        // (먹을 것이다 → 먹을, 받아 줬다 → 받아; the rest is an auxiliary every verb shares).
        const std::string& cat = s.ko_categories[i];
        const bool predicate = cat == "verbs" || cat == "adjectives" || cat == "feelings";
        const std::string text = split ? k.base : k.text();
        const std::string word = predicate ? text.substr(0, text.find(' ')) : text.substr(text.rfind(' ') + 1);
        ++seen[word][cat];
      }
  std::map<std::string, std::string> out;
  const auto& order = lexicon_categories();
  for (const auto& [word, counts] : seen) {
    std::string best;
    int n = -1;
    for (const std::string& cat : order) {
      const auto it = counts.find(cat);
      if (it != counts.end() && it->second > n) best = cat, n = it->second;
    }
    out[word] = best;
  }
  return out;
}

Corpus make_corpus(const std::string& name, std::uint64_t seed, int max_sentences) {
  const Mode m = mode_of(name);
  std::size_t n_fixed = 0;
  std::vector<Item> items = generate(m, seed, max_sentences, &n_fixed);
  Corpus c;
  c.name = name;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (name == "ko-words") items[i].text = split_text(items[i].ko_words);
    CorpusSentence s{std::move(items[i].text), std::move(items[i].label), std::move(items[i].ko_words),
                     std::move(items[i].links), std::move(items[i].ko_categories)};
    (held_out(i, n_fixed) ? c.heldout : c.train).push_back(std::move(s));
  }
  return c;
}

std::vector<ParallelPair> make_parallel(std::uint64_t seed, int max_pairs) {
  std::size_t n_fixed = 0;
  std::vector<Item> items = generate(Mode::Pair, seed, max_pairs, &n_fixed);
  std::vector<ParallelPair> out;
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    out.push_back({std::move(items[i].ko), std::move(items[i].en), std::move(items[i].label),
                   std::move(items[i].ko_words), held_out(i, n_fixed), std::move(items[i].links)});
  return out;
}

std::vector<WordLink> align_words(const ParallelPair& p) { return p.links; }

std::string links_text(const std::vector<WordLink>& links) {
  std::string out;
  for (const WordLink& l : links) {
    if (!out.empty()) out += ',';
    out += std::to_string(l.en_word) + ":" + std::to_string(l.ko_word);
  }
  return out;
}

}  // namespace tf
