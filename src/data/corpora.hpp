#pragma once
// Built-in corpora: small Korean, English and Korean–English text generated from templates, so a
// learner can train a model in the browser tab without finding (or downloading) a data set.
//
//   "ko"     Korean sentences: subject-object-verb, adjectives, places with 에/에서/으로, companions with
//            와/과, tools with 으로/로, time words, giving, buying, having, 이다 ...; three tenses and three
//            speech levels (해라체 먹었다, 해요체 먹었어요, 합쇼체 먹었습니다).
//   "en"     English sentences from the same templates (a/an, third-person -s, plurals, will + verb).
//   "ko-en"  aligned pairs, one per line as "ko<TAB>en", plain 해라체 on the Korean side (the form a
//            later lesson trains translation on); some pairs use 사과 in either sense.
//   "sagwa"  Korean sentences using 사과 as apple or as apology, labelled "apple", "apology" or "both".
//   "ko-words" the sentences of "ko" (same seed, same order) with every particle and the copula split off by a
//            space: 고양이 는 귀엽다, 나 는 밥 을 먹었다, 민수 는 의사 이다. Word vectors (CBOW) learn from it: a
//            space-separated Korean word carries its particle, so 고양이는 / 고양이가 / 고양이를 would be three
//            rare words. Verb and adjective endings stay (먹었다, 먹어요).
//
// Worked example: one eating frame {actor 나/I, food 밥/rice, past} renders as
//   ko  "나는 밥을 먹었다"   words {나|는} {밥|을} {먹었다}   (particles chosen by 받침: 밥 -> 을)
//   en  "I ate rice"
// and, in the "ko" corpus with other draws, as "저는 어제 사과 두 개를 먹었어요" or "밥을 나는 먹었다".
//
// Generation is deterministic: it uses only tf::Rng::below(), so a seed gives the same corpus natively
// and in WebAssembly. Sentences are distinct; the learner-notes' sentences (나는 밥을 먹었다, 밥을 나는
// 먹었다, 고양이는 귀엽다, 사과의 의미로 사과를 구매해서 드렸다) always come first in `train`. Of the
// other sentences, in generation order, every 10th is held out. By default a corpus stops at about
// 45 KB of text (kDefaultCorpusBytes); max_sentences > 0 asks for that many sentences instead.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "data/en_grammar.hpp"  // tf::en: the English helpers the templates use (exposed for tests)
#include "data/korean.hpp"
#include "data/lexicon.hpp"  // tf::lexicon(): the words of the templates with their categories

namespace tf {

// One word link of a Korean–English pair: the English word and the Korean word that render the same
// lexicon entry. en_word indexes the English text split on spaces (punctuation stays on its word),
// ko_word the Korean text split on spaces. That is ko_words' index except after a Korean word that
// has a space in it: a future 먹을 것이다 or 받아 줬다 counts as two, and the link points at its
// first part (먹을, 받아), which carries the entry.
//
//   나는 밥을 먹었다 / I ate rice       links 0:0 (I-나는, people), 1:2 (ate-먹었다, verbs), 2:1 (rice-밥을, foods)
//   고양이는 귀엽다 / The cat is cute  links 1:0 (cat-고양이는, animals), 3:1 (cute-귀엽다, adjectives)
//
// Linked are the English content words: nouns (a multi-word noun such as "big brother" or "my friend"
// by its last word, a possessive with its 's: "Minsu's" - 민수의), pronouns and names of people, numbers,
// time words, verbs (past, third person or the base form after "will"; a phrasal verb by its verb:
// "came" of "came back") and adjectives.
// Not linked: function words (a, the, is, will, to, my, there ...), adverbs, the 사과 "apology" noun,
// and a verb used in another sense than its lexicon entry's (축구를 했다 "played soccer": 하다 is "do").
struct WordLink {
  int en_word = 0;
  int ko_word = 0;
  std::string category;  // the lexicon entry's category
};

struct CorpusSentence {
  std::string text;   // one sentence; for "ko-en" "ko<TAB>en"
  std::string label;  // "" or, for sentences using 사과, "apple" / "apology" / "both"
  // The Korean side as words with their particles (empty for "en"): join_words(ko_words) is the
  // Korean text, so every particle can be re-checked.
  std::vector<ko::KoreanWord> ko_words;
  std::vector<WordLink> links;  // "ko-en" only: as align_words() for the pair, in English word order
  // Per ko_words: the lexicon category of the word's entry ("foods" for 밥|을, "verbs" for 먹었다), or "" for a
  // word of no entry (adverbs, function words). Used to colour word maps and to measure clustering, never to train.
  std::vector<std::string> ko_categories;
};

struct Corpus {
  std::string name;
  std::vector<CorpusSentence> train, heldout;
  // One sentence per line, each followed by '\n'.
  std::string text(bool heldout = false) const;
  // Bytes of text(false) + text(true).
  std::size_t bytes() const;
};

struct ParallelPair {
  std::string ko, en;
  std::string label;  // as CorpusSentence::label
  std::vector<ko::KoreanWord> ko_words;
  bool heldout = false;         // the pair is in the "ko-en" corpus's held-out part
  std::vector<WordLink> links;  // recorded while the pair was rendered; see align_words()
};

constexpr std::size_t kDefaultCorpusBytes = 45000;
constexpr int kMaxCorpusSentences = 20000;

// "ko", "en", "ko-en", "sagwa", "ko-words".
std::vector<std::string> corpus_names();

// Throws tf::Error("bad_corpus") for an unknown name and tf::Error("bad_corpus_size") when
// max_sentences is negative or above kMaxCorpusSentences.
Corpus make_corpus(const std::string& name, std::uint64_t seed = 1, int max_sentences = 0);

// The pairs of the "ko-en" corpus with the same seed and size, in generation order (train and
// held-out interleaved; `heldout` says which).
std::vector<ParallelPair> make_parallel(std::uint64_t seed = 1, int max_pairs = 0);

// The word links of a generated pair, in English word order, recorded while its frame rendered it
// (the frame knows which entry produced which word on each side); empty for a pair made by hand.
std::vector<WordLink> align_words(const ParallelPair& p);

// The Korean sentence with each particle split off by a space: 고양이 는 귀엽다 (the "ko-words" text).
std::string split_text(const std::vector<ko::KoreanWord>& words);

// Each word of a Korean corpus's text with its lexicon category: for "ko-words" the split words (고양이, 먹었다),
// for "ko" and "sagwa" the space-separated words as written (고양이는, 먹었다). A word seen with several
// categories takes the one it has most often (ties: the first in lexicon_categories()); words of no entry and
// particles are left out. Of a base with a space, a noun's last word (사과 주스 → 주스) and a predicate's first
// (먹을 것이다 → 먹을) carry the category. Empty for "en" and "ko-en".
std::map<std::string, std::string> word_categories(const Corpus& corpus);

// Links as text: "en_word:ko_word" joined by commas, e.g. "0:0,1:2,2:1" (the CLI's --links column).
std::string links_text(const std::vector<WordLink>& links);

}  // namespace tf
