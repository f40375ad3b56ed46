#pragma once
// Private to src/data: what the sentence frames share. A frame draws words from the vocabulary with
// an Rng and renders one sentence in Korean (words with particles) and English:
//
//   vocabulary.cpp    the shared word tables
//   lexicon.cpp       the lexicon (data/lexicon.hpp): those tables and the frames' own words as entries
//   phrases.cpp       the building blocks: styles, actors, noun and verb phrases, the English sentence,
//                     word links
//   frames.cpp        the general frames (the "ko", "en" and "ko-en" corpora)
//   frames_sagwa.cpp  the 사과 frames and the fixed sentences (seed notes, 사과 examples)
//   corpora.cpp       assembly: which frame, distinct sentences, the held-out split
//
// A frame marks the words that render a lexicon entry on both sides with the same Tie (below), so a
// ko-en pair knows its word alignment: 나는 밥을 먹었다 / I ate rice -> I-나는, ate-먹었다, rice-밥을.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/rng.hpp"
#include "data/corpora.hpp"
#include "data/en_grammar.hpp"
#include "data/korean.hpp"
#include "data/vocabulary.hpp"

namespace tf::gen {

using ko::KoreanWord;
using ko::Particle;
using ko::Speech;
using ko::Tense;

// =====================================================================================================
// Word links: ties between the two sides of a sentence
// =====================================================================================================
//
// A frame gives the Korean word and the English phrase that render one lexicon entry the same Tie;
// word_links() pairs them up by tie into WordLinks. In 나는 밥을 먹었다 / I ate rice, 나는 and "I" carry
// Tie::Subject, 밥을 and "rice" Tie::Object, 먹었다 and "ate" Tie::Verb. A tie names the word's role in
// the frame; each is used at most once per side of a sentence.
enum class Tie : std::uint8_t {
  None,
  Subject,
  Subject2,   // "the cat and the puppy": the second one
  Object,     // the object or complement: 밥을, 의사이다, 형이 (있다)
  Object2,    // "an apple and a pear", "apple juice": the other noun
  Number,     // 두, 세 ... of a counted noun
  Verb,       // the main verb, or its -아서/-면서 form (걸어서 "walked", 구매해서 "bought")
  Verb2,      // a second verb: "bought apples and gave them"
  Adjective,  // the predicate of an adjective or a feeling
  Time,       // 어제, 아침에
  Place,      // 학교에, 식당에서, 냉장고에
  Companion,  // 친구와 "with my friend"
  Tool,       // 숟가락으로 "with a spoon", 버스로 "by bus"
  Recipient,  // 친구에게 "to my friend"
  Possessor,  // 민수의 "Minsu's"
};

// A Korean word of a frame, tied to a lexicon entry or not (converts from KoreanWord: untied).
struct KoWord {
  KoWord(ko::KoreanWord w) : word(std::move(w)) {}  // untied
  KoWord(ko::KoreanWord w, Tie t, const char* c) : word(std::move(w)), tie(t), category(c) {}
  ko::KoreanWord word;
  Tie tie = Tie::None;
  const char* category = nullptr;  // the entry's category when tied
};
// A noun of the lexicon (its base, as 밥 of 밥|을 or 의사 of 의사|이다): the category is looked up;
// throws tf::Error("bad_corpus") for a base the lexicon does not list as a noun.
KoWord tie_noun(ko::KoreanWord w, Tie t);
KoWord tie_verb(ko::KoreanWord w, Tie t = Tie::Verb);  // "verbs"; Tie::None leaves it untied
KoWord tie_adjective(ko::KoreanWord w);                // Tie::Adjective, "adjectives"
KoWord tie_feeling(ko::KoreanWord w);                  // Tie::Adjective, "feelings"

// One phrase of an English sentence; `ties` mark some of its words (word -1 = the last one, which is
// the head of a noun phrase: "my big brother" -> brother). Converts from a string: untied.
struct EnPart {
  EnPart(std::string t = "") : text(std::move(t)) {}  // untied
  EnPart(const char* t) : text(t) {}
  EnPart(std::string t, Tie tie, int word = -1) : text(std::move(t)), ties{{word, tie}} {}
  EnPart& also(int word, Tie tie) {  // another tied word: EnPart("apple juice", Tie::Object).also(0, Tie::Object2)
    ties.emplace_back(word, tie);
    return *this;
  }
  std::string text;
  std::vector<std::pair<int, Tie>> ties;
};
struct EnSentence {
  std::string text;
  std::vector<std::pair<Tie, int>> ties;  // tie -> index of its word in text split on spaces
};

// Lexicon lookups (lexicon.cpp): the category of a noun by its Korean base ("foods" for 밥), or
// nullptr when the lexicon has no such noun; an entry by Korean base form and category, or nullptr.
const char* noun_category(const std::string& ko);
const LexiconEntry* find_entry(const std::string& ko, const std::string& category);

// =====================================================================================================
// Sentence building blocks (phrases.cpp)
// =====================================================================================================

struct EnVerb {
  const char* base;
  const char* past;
};

// "ate", "eats", "will eat", tied on the verb itself; an adverb goes before the verb: "sincerely
// apologized", "will sincerely apologize".
EnPart en_verb(const EnVerb& v, Tense t, Agr a, const std::string& adverb = "", Tie tie = Tie::Verb);
std::string en_be(Tense t, Agr a);  // was / am / are / is / will be

// Joins the non-empty parts with spaces and capitalises the first letter.
EnSentence en_sentence(std::initializer_list<EnPart> parts);

// "{poss} homework" -> "my homework".
std::string replace_poss(std::string s, const std::string& poss);

inline KoreanWord w(const std::string& base, Particle p = Particle::None) { return ko::word(base, p); }

// A predicate of the lexicon (ko::predicate) conjugated: conj("먹다", Past, Plain) = "먹었다".
std::string conj(const char* dictionary, Tense t, Speech s);

template <class T>
const T& pick(Rng& r, const std::vector<T>& v) {
  return v[r.below(static_cast<std::uint32_t>(v.size()))];
}

// How a frame is rendered: tense, Korean speech level and word-order choices.
struct Style {
  Tense tense = Tense::Past;
  Speech speech = Speech::Plain;
  bool topic = true;       // 3rd-person subjects take 은/는 (else 이/가)
  bool scramble = false;   // object before subject, like 밥을 나는 먹었다
  bool canonical = false;  // one fixed Korean rendering per English sentence (for ko-en pairs)
};

// One generated sentence: Korean words, English, sense label of 사과. The ties are only paired up
// (word_links) for ko-en pairs: the other corpora have no use for them, and some Korean-only
// variants (사과를 했다 for 사과했다) leave a tie unmatched.
struct Rendered {
  std::vector<KoWord> ko;
  EnSentence en;
  std::string label;
};

// The links of a rendered sentence, in English word order. Throws tf::Error("bad_corpus") when a tie
// is on one side only or twice on one side (a frame's mistake).
std::vector<WordLink> word_links(const Rendered& x);

// A verb is linked only in the sense its lexicon entry gives it: Tie::Verb when the English of the
// entry `dictionary` is en.base, else Tie::None (닦다 is "wipe", so the towel's "dry" stays unlinked).
Tie verb_tie(const char* dictionary, const EnVerb& en);

// Tense for frames where the future reads oddly ("The cat will be small"): past or present.
Tense no_future(Rng& r, Tense t);

// A time word that fits the tense (어제 only in the past, 내일 only in the future).
const TimeWord& pick_time(Rng& r, Tense t);
KoWord ko_time(const TimeWord& tw);  // 어제, 아침에: Tie::Time
EnPart en_time(const TimeWord* tw);  // "yesterday", "in the morning": Tie::Time; "" without one

// ---- actors and noun phrases --------------------------------------------------------------------

struct Actor {
  std::string ko, en, poss, en_possessive;  // en_possessive: "my", "Minsu's"
  Agr agr = Agr::Third;
  bool pronoun = false;
  std::string ko_possessive;  // 내/제, 우리/저희, or "" (then X의)
};
Actor person_actor(const Person& p, Speech s);
Actor animal_actor(const Animal& an);
Actor random_person(Rng& r, const Style& st);

// 나는 / 고양이는 / 고양이가: pronouns always take the topic particle (a subject 나 would be 내가).
// Tie::Subject, as the English a.en should be.
KoWord subject_word(const Actor& a, const Style& st);

// A kin member other than the actor.
const Kin& other_kin(Rng& r, const Actor& a);
// A kin member in English as seen by the actor: "my dad", but "our dad" when 우리 speaks.
std::string kin_en(const Kin& k, const Actor& a);

// English noun phrases: "an apple", "rice", "three apples".
std::string en_indefinite(const Noun& n);
std::string en_definite(const Noun& n);
// "three apples" with "three" tied Tie::Number and "apples" `tie`; "an apple" / "rice" when num is null.
EnPart en_counted(const Noun& n, const Number* num, Tie tie);

// Korean noun phrase with a particle, optionally counted: 사과를 / 사과 세 개를; the noun tied `tie`,
// the numeral Tie::Number.
void add_noun(std::vector<KoWord>& k, const Noun& n, Particle p, Tie tie, const Number* num = nullptr);

// =====================================================================================================
// Frames (frames.cpp, frames_sagwa.cpp)
// =====================================================================================================

using Frame = Rendered (*)(Rng&, const Style&);
struct Weighted {
  Frame frame;
  std::uint32_t weight;
};

const std::vector<Weighted>& general_frames();  // frames.cpp
const std::vector<Weighted>& sagwa_frames();    // frames_sagwa.cpp

// The learner's sentences (seed notes) and the brief's 사과 examples, always in `train`.
struct Fixed {
  const char* marked;  // base|particle
  const char* en;
  const char* label;
  std::vector<WordLink> links;  // written out by hand for the pairs (the seed sentences)
};
const std::vector<Fixed>& seed_sentences();
const std::vector<Fixed>& sagwa_examples();

}  // namespace tf::gen
