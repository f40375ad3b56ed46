#pragma once
// Private to src/data: what the sentence frames share. A frame draws words from the vocabulary with
// an Rng and renders one sentence in Korean (words with particles) and English:
//
//   phrases.cpp       the building blocks: styles, actors, noun and verb phrases, the English sentence
//   frames.cpp        the general frames (the "ko", "en" and "ko-en" corpora)
//   frames_sagwa.cpp  the 사과 frames and the fixed sentences (seed notes, 사과 examples)
//   corpora.cpp       assembly: which frame, distinct sentences, the held-out split
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "data/en_grammar.hpp"
#include "data/korean.hpp"
#include "data/vocabulary.hpp"

namespace tf::gen {

using ko::KoreanWord;
using ko::Particle;
using ko::Speech;
using ko::Tense;

// =====================================================================================================
// Sentence building blocks (phrases.cpp)
// =====================================================================================================

struct EnVerb {
  const char* base;
  const char* past;
};

// "ate", "eats", "will eat"; an adverb goes before the verb: "sincerely apologized", "will sincerely ...".
std::string en_verb(const EnVerb& v, Tense t, Agr a, const std::string& adverb = "");
std::string en_be(Tense t, Agr a);  // was / am / are / is / will be

// Joins the non-empty parts with spaces and capitalises the first letter.
std::string en_sentence(std::initializer_list<std::string> parts);

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

// One generated sentence: Korean words, English, sense label of 사과.
struct Rendered {
  std::vector<KoreanWord> ko;
  std::string en;
  std::string label;
};

// Tense for frames where the future reads oddly ("The cat will be small"): past or present.
Tense no_future(Rng& r, Tense t);

// A time word that fits the tense (어제 only in the past, 내일 only in the future).
const TimeWord& pick_time(Rng& r, Tense t);

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
KoreanWord subject_word(const Actor& a, const Style& st);

// A kin member other than the actor.
const Kin& other_kin(Rng& r, const Actor& a);
// A kin member in English as seen by the actor: "my dad", but "our dad" when 우리 speaks.
std::string kin_en(const Kin& k, const Actor& a);

// English noun phrases: "an apple", "rice", "three apples".
std::string en_indefinite(const Noun& n);
std::string en_definite(const Noun& n);
std::string en_count(const Noun& n, const Number& num);

// Korean noun phrase with a particle, optionally counted: 사과를 / 사과 세 개를.
void add_noun(std::vector<KoreanWord>& k, const Noun& n, Particle p, const Number* num = nullptr);

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
};
const std::vector<Fixed>& seed_sentences();
const std::vector<Fixed>& sagwa_examples();

}  // namespace tf::gen
