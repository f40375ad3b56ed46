#pragma once
// Private to src/data: the corpus vocabulary, Korean with English, as the sentence frames use it.
// The tables' order matters: frames draw from them with tf::Rng::below(), so reordering, adding or
// removing a row changes every generated corpus (tests pin some lines).
//
// Words that only one frame uses (its verbs, tools, objects) stay in that frame's own table in
// frames.cpp / frames_sagwa.cpp, next to the rules that combine them; lexicon.cpp lists them again by
// their base forms for the lexicon (a test checks every word link against it).
#include <string>
#include <vector>

#include "data/korean.hpp"

namespace tf::gen {

enum class Agr { I, Plural, Third };  // English agreement: I eat / we eat / she eats

struct Person {  // people who can be the subject of a sentence
  const char* ko;
  const char* ko_polite;  // 나 -> 저, 우리 -> 저희 in 해요체/합쇼체
  const char* en;         // as a subject
  const char* en_noun;    // as a noun that can be counted ("big brother"); "" for names and pronouns
  const char* poss;       // my, our, his, her, their
  Agr agr;
  bool pronoun;
};
const std::vector<Person>& people();

// People met as companions (와/과) and recipients (에게, or 께 for those one honours).
struct Kin {
  const char* ko;
  const char* en;
  bool honoured;
};
const std::vector<Kin>& kin();

enum class FoodKind { Dish, Snack, Fruit, Vegetable, Drink };
struct Food {
  const char* ko;
  const char* en;
  bool countable;  // an apple / rice
  FoodKind kind;
  std::vector<const char*> tastes;  // adjectives that fit: 달다, 맵다, ...
};
const std::vector<Food>& foods();

struct Animal {
  const char* ko;
  const char* en;
  std::vector<const char*> foods;
  std::vector<const char*> adjectives;
  bool pet;
};
const std::vector<Animal>& animals();

struct Thing {
  const char* ko;
  const char* en;
  const char* counter;  // 책 두 권, 연필 세 자루
};
const std::vector<Thing>& things();

// Any countable or mass noun of the tables above, by its Korean spelling.
struct Noun {
  std::string ko, en;
  bool countable = true;
  std::string counter;
};
Noun noun(const std::string& ko);  // throws tf::Error("bad_corpus") for a word of no table
const Food& food(const std::string& ko);

// Descriptive verbs (Korean adjectives) used outside the feelings list, with their English.
struct Adjective {
  const char* ko;  // dictionary form: 귀엽다
  const char* en;  // cute
};
const std::vector<Adjective>& adjectives();
const char* adjective_en(const std::string& dictionary);  // throws tf::Error("bad_corpus") if not listed

// Jobs, for "민수는 의사이다 — Minsu is a doctor".
struct Job {
  const char* ko;
  const char* en;
};
const std::vector<Job>& jobs();

// A predicate with an optional subject-like noun in front: 키가 크다 "tall", 화가 나다 "angry".
struct State {
  const char* noun;  // 키, 화, or nullptr
  const char* dictionary;
  const char* en;
};
const std::vector<State>& feelings();       // said of oneself (나/우리): Korean avoids them for others
const std::vector<State>& person_states();  // fine for anyone

struct Place {
  const char* ko;
  const char* en;  // bare noun: "school", "the library"
  const char* at;  // "at school", "in the park"
  const char* to;  // "to school", "home"
  bool far;        // reached by train or plane
};
const std::vector<Place>& places();
const Place& place(const std::string& ko);

struct TimeWord {
  const char* ko;
  ko::Particle particle;  // 아침에: 에; 어제: none
  const char* en;
  bool past, present, future;
};
const std::vector<TimeWord>& time_words();

struct Number {
  const char* ko;  // native numerals before a counter: 두 개, 세 마리
  const char* en;
};
const std::vector<Number>& numbers();

}  // namespace tf::gen
