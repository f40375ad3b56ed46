#include "data/corpora.hpp"

#include <cctype>
#include <set>

#include "core/error.hpp"
#include "core/rng.hpp"

namespace tf {

// =====================================================================================================
// English helpers
// =====================================================================================================
namespace en {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }
bool ends_with(const std::string& s, std::string_view p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}
bool is_vowel_letter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool consonant_y(const std::string& w) { return w.size() >= 2 && w.back() == 'y' && !is_vowel_letter(w[w.size() - 2]); }
bool sibilant(const std::string& w) {
  return ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") || ends_with(w, "sh");
}

}  // namespace

std::string indefinite_article(std::string_view word) {
  const std::string w = lower(word.substr(0, word.find(' ')));
  // The article follows the sound: "an hour", "a university".
  for (const char* p : {"hour", "honest", "honor", "heir"})
    if (starts_with(w, p)) return "an";
  for (const char* p : {"uni", "use", "usu", "eu", "one", "once"})
    if (starts_with(w, p)) return "a";
  return !w.empty() && is_vowel_letter(w[0]) ? "an" : "a";
}

std::string with_article(std::string_view noun_phrase) {
  return indefinite_article(noun_phrase) + " " + std::string(noun_phrase);
}

std::string plural(std::string_view noun) {
  // Only the last word changes: "police officer" -> "police officers".
  const std::size_t space = noun.rfind(' ');
  const std::string head = space == std::string_view::npos ? "" : std::string(noun.substr(0, space + 1));
  const std::string w(space == std::string_view::npos ? noun : noun.substr(space + 1));
  static const char* const irregular[][2] = {{"child", "children"}, {"person", "people"}, {"man", "men"},
                                             {"woman", "women"},    {"mouse", "mice"},    {"tooth", "teeth"},
                                             {"foot", "feet"},      {"fish", "fish"},     {"sheep", "sheep"},
                                             {"deer", "deer"},      {"knife", "knives"},  {"leaf", "leaves"}};
  for (const auto& p : irregular)
    if (w == p[0]) return head + p[1];
  if (sibilant(w)) return head + w + "es";                              // peach -> peaches
  if (consonant_y(w)) return head + w.substr(0, w.size() - 1) + "ies";  // puppy -> puppies
  for (const char* o : {"potato", "tomato", "hero", "echo"})
    if (w == o) return head + w + "es";  // potato -> potatoes
  return head + w + "s";
}

std::string third_person(std::string_view verb) {
  // Only the first word changes: "come back" -> "comes back".
  const std::size_t space = verb.find(' ');
  const std::string w(verb.substr(0, space));
  const std::string tail = space == std::string_view::npos ? "" : std::string(verb.substr(space));
  if (w == "have") return "has" + tail;
  if (w == "be") return "is" + tail;
  if (sibilant(w) || ends_with(w, "o")) return w + "es" + tail;         // watch -> watches, go -> goes
  if (consonant_y(w)) return w.substr(0, w.size() - 1) + "ies" + tail;  // cry -> cries
  return w + "s" + tail;
}

}  // namespace en

namespace {

using ko::KoreanWord;
using ko::Particle;
using ko::Speech;
using ko::Tense;

// =====================================================================================================
// Sentence building blocks
// =====================================================================================================

enum class Agr { I, Plural, Third };  // English agreement: I eat / we eat / she eats

struct EnVerb {
  const char* base;
  const char* past;
};

// "ate", "eats", "will eat"; an adverb goes before the verb: "sincerely apologized", "will sincerely ...".
std::string en_verb(const EnVerb& v, Tense t, Agr a, const std::string& adverb = "") {
  const std::string adv = adverb.empty() ? "" : adverb + " ";
  switch (t) {
    case Tense::Past:
      return adv + v.past;
    case Tense::Present:
      return adv + (a == Agr::Third ? en::third_person(v.base) : std::string(v.base));
    case Tense::Future:
      return "will " + adv + v.base;
  }
  return "";
}

std::string en_be(Tense t, Agr a) {
  switch (t) {
    case Tense::Past:
      return a == Agr::Plural ? "were" : "was";
    case Tense::Present:
      return a == Agr::I ? "am" : a == Agr::Plural ? "are" : "is";
    case Tense::Future:
      return "will be";
  }
  return "";
}

// Joins the non-empty parts with spaces and capitalises the first letter.
std::string en_sentence(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += ' ';
    out += p;
  }
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string replace_poss(std::string s, const std::string& poss) {
  const std::size_t at = s.find("{poss}");
  if (at != std::string::npos) s.replace(at, 6, poss);
  return s;
}

KoreanWord w(const std::string& base, Particle p = Particle::None) { return ko::word(base, p); }

std::string conj(const char* dictionary, Tense t, Speech s) { return ko::conjugate(ko::predicate(dictionary), t, s); }

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
Tense no_future(Rng& r, Tense t) { return t != Tense::Future ? t : (r.below(2) ? Tense::Past : Tense::Present); }

// =====================================================================================================
// Vocabulary (Korean - English)
// =====================================================================================================

struct Person {  // people who can be the subject of a sentence
  const char* ko;
  const char* ko_polite;  // 나 -> 저, 우리 -> 저희 in 해요체/합쇼체
  const char* en;         // as a subject
  const char* en_noun;    // as a noun that can be counted ("big brother"); "" for names and pronouns
  const char* poss;       // my, our, his, her, their
  Agr agr;
  bool pronoun;
};
const std::vector<Person>& people() {
  static const std::vector<Person> v = {
      {"나", "저", "I", "", "my", Agr::I, true},
      {"우리", "저희", "we", "", "our", Agr::Plural, true},
      {"민수", "민수", "Minsu", "", "his", Agr::Third, false},
      {"지수", "지수", "Jisu", "", "her", Agr::Third, false},
      {"유나", "유나", "Yuna", "", "her", Agr::Third, false},
      {"친구", "친구", "my friend", "friend", "their", Agr::Third, false},
      {"남동생", "남동생", "my little brother", "little brother", "his", Agr::Third, false},
      {"여동생", "여동생", "my little sister", "little sister", "her", Agr::Third, false},
      {"형", "형", "my big brother", "big brother", "his", Agr::Third, false},
      {"누나", "누나", "my big sister", "big sister", "her", Agr::Third, false},
  };
  return v;
}

// People met as companions (와/과) and recipients (에게, or 께 for those one honours).
struct Kin {
  const char* ko;
  const char* en;
  bool honoured;
};
const std::vector<Kin>& kin() {
  static const std::vector<Kin> v = {
      {"친구", "my friend", false},    {"남동생", "my little brother", false}, {"여동생", "my little sister", false},
      {"형", "my big brother", false}, {"누나", "my big sister", false},       {"엄마", "my mom", false},
      {"아빠", "my dad", false},       {"할머니", "my grandma", true},         {"할아버지", "my grandpa", true},
      {"선생님", "my teacher", true},
  };
  return v;
}

enum class FoodKind { Dish, Snack, Fruit, Vegetable, Drink };
struct Food {
  const char* ko;
  const char* en;
  bool countable;  // an apple / rice
  FoodKind kind;
  std::vector<const char*> tastes;  // adjectives that fit: 달다, 맵다, ...
};
const std::vector<Food>& foods() {
  using F = FoodKind;
  static const std::vector<Food> v = {
      {"밥", "rice", false, F::Dish, {"맛있다"}},
      {"김치", "kimchi", false, F::Dish, {"맛있다", "맵다", "짜다"}},
      {"라면", "ramen", false, F::Dish, {"맛있다", "맵다", "뜨겁다"}},
      {"국", "soup", false, F::Dish, {"맛있다", "짜다", "뜨겁다"}},
      {"고기", "meat", false, F::Dish, {"맛있다"}},
      {"생선", "fish", false, F::Dish, {"맛있다", "짜다"}},
      {"달걀", "egg", true, F::Dish, {"맛있다"}},
      {"빵", "bread", false, F::Snack, {"맛있다", "달다"}},
      {"떡", "rice cake", true, F::Snack, {"맛있다", "달다"}},
      {"케이크", "cake", true, F::Snack, {"맛있다", "달다"}},
      {"아이스크림", "ice cream", false, F::Snack, {"맛있다", "달다", "차갑다"}},
      {"초콜릿", "chocolate", false, F::Snack, {"맛있다", "달다"}},
      {"꿀", "honey", false, F::Snack, {"달다"}},
      {"사과", "apple", true, F::Fruit, {"맛있다", "달다", "시다"}},
      {"바나나", "banana", true, F::Fruit, {"맛있다", "달다"}},
      {"딸기", "strawberry", true, F::Fruit, {"맛있다", "달다", "시다"}},
      {"복숭아", "peach", true, F::Fruit, {"맛있다", "달다"}},
      {"오렌지", "orange", true, F::Fruit, {"맛있다", "달다", "시다"}},
      {"귤", "tangerine", true, F::Fruit, {"맛있다", "달다", "시다"}},
      {"배", "pear", true, F::Fruit, {"맛있다", "달다"}},
      {"수박", "watermelon", true, F::Fruit, {"맛있다", "달다", "차갑다"}},
      {"감자", "potato", true, F::Vegetable, {"맛있다", "뜨겁다"}},
      {"당근", "carrot", true, F::Vegetable, {"맛있다", "달다"}},
      {"오이", "cucumber", true, F::Vegetable, {"맛있다", "차갑다"}},
      {"물", "water", false, F::Drink, {"차갑다", "뜨겁다"}},
      {"우유", "milk", false, F::Drink, {"맛있다", "차갑다"}},
      {"주스", "juice", false, F::Drink, {"맛있다", "달다", "차갑다"}},
      {"차", "tea", false, F::Drink, {"뜨겁다", "차갑다"}},
      {"커피", "coffee", false, F::Drink, {"뜨겁다", "차갑다"}},
  };
  return v;
}

struct Animal {
  const char* ko;
  const char* en;
  std::vector<const char*> foods;
  std::vector<const char*> adjectives;
  bool pet;
};
const std::vector<Animal>& animals() {
  static const std::vector<Animal> v = {
      {"고양이", "cat", {"생선", "고기", "우유"}, {"귀엽다", "작다", "예쁘다", "조용하다", "빠르다"}, true},
      {"강아지", "puppy", {"고기", "생선", "우유"}, {"귀엽다", "작다", "빠르다", "시끄럽다"}, true},
      {"토끼", "rabbit", {"당근", "사과", "배"}, {"귀엽다", "작다", "빠르다", "조용하다"}, true},
      {"햄스터", "hamster", {"당근", "사과", "오이"}, {"귀엽다", "작다"}, true},
      {"거북이", "turtle", {"딸기", "오이"}, {"느리다", "작다", "조용하다"}, true},
      {"앵무새", "parrot", {"사과", "바나나"}, {"예쁘다", "시끄럽다", "똑똑하다"}, true},
      {"곰", "bear", {"생선", "꿀"}, {"크다", "무섭다", "무겁다"}, false},
      {"원숭이", "monkey", {"바나나", "사과", "귤"}, {"귀엽다", "빠르다", "시끄럽다", "똑똑하다"}, false},
      {"코끼리", "elephant", {"바나나", "수박", "사과"}, {"크다", "무겁다", "똑똑하다"}, false},
      {"말", "horse", {"당근", "사과"}, {"크다", "빠르다"}, false},
      {"호랑이", "tiger", {"고기"}, {"크다", "무섭다", "빠르다"}, false},
      {"오리", "duck", {"빵"}, {"귀엽다", "작다", "시끄럽다"}, false},
  };
  return v;
}

struct Thing {
  const char* ko;
  const char* en;
  const char* counter;  // 책 두 권, 연필 세 자루
};
const std::vector<Thing>& things() {
  static const std::vector<Thing> v = {
      {"책", "book", "권"},       {"공책", "notebook", "권"},
      {"연필", "pencil", "자루"}, {"색연필", "colored pencil", "자루"},
      {"지우개", "eraser", "개"}, {"가방", "bag", "개"},
      {"우산", "umbrella", "개"}, {"필통", "pencil case", "개"},
      {"공", "ball", "개"},       {"시계", "watch", "개"},
      {"인형", "doll", "개"},     {"모자", "hat", "개"},
      {"휴대폰", "phone", "대"},  {"자전거", "bike", "대"},
      {"꽃", "flower", "송이"},   {"편지", "letter", "통"},
      {"카드", "card", "장"},     {"선물", "present", "개"},
  };
  return v;
}

// Any countable or mass noun of the tables above, by its Korean spelling.
struct Noun {
  std::string ko, en;
  bool countable = true;
  std::string counter;
};
Noun noun(const std::string& ko) {
  for (const Food& f : foods())
    if (ko == f.ko) return {f.ko, f.en, f.countable, "개"};
  for (const Thing& t : things())
    if (ko == t.ko) return {t.ko, t.en, true, t.counter};
  for (const Animal& a : animals())
    if (ko == a.ko) return {a.ko, a.en, true, "마리"};
  throw Error("bad_corpus", "corpus vocabulary has no noun '" + ko + "'");
}
const Food& food(const std::string& ko) {
  for (const Food& f : foods())
    if (ko == f.ko) return f;
  throw Error("bad_corpus", "corpus vocabulary has no food '" + ko + "'");
}

// English for the descriptive verbs (Korean adjectives) used outside the feelings list.
const char* adjective_en(const std::string& dictionary) {
  static const char* const table[][2] = {
      {"귀엽다", "cute"},      {"작다", "small"},   {"크다", "big"},       {"예쁘다", "pretty"},
      {"빠르다", "fast"},      {"느리다", "slow"},  {"조용하다", "quiet"}, {"시끄럽다", "noisy"},
      {"무섭다", "scary"},     {"무겁다", "heavy"}, {"똑똑하다", "smart"}, {"맛있다", "delicious"},
      {"달다", "sweet"},       {"맵다", "spicy"},   {"시다", "sour"},      {"짜다", "salty"},
      {"뜨겁다", "hot"},       {"차갑다", "cold"},  {"깨끗하다", "clean"}, {"넓다", "spacious"},
      {"덥다", "hot"},         {"춥다", "cold"},    {"좋다", "nice"},      {"맑다", "clear"},
      {"바쁘다", "busy"},      {"아프다", "sick"},  {"친절하다", "kind"},  {"쉽다", "easy"},
      {"어렵다", "difficult"},
  };
  for (const auto& p : table)
    if (dictionary == p[0]) return p[1];
  throw Error("bad_corpus", "no English for '" + dictionary + "'");
}

// A predicate with an optional subject-like noun in front: 키가 크다 "tall", 화가 나다 "angry".
struct State {
  const char* noun;  // 키, 화, or nullptr
  const char* dictionary;
  const char* en;
};
const std::vector<State>& feelings() {  // said of oneself (나/우리): Korean avoids them for others
  static const std::vector<State> v = {
      {nullptr, "기쁘다", "glad"},     {nullptr, "슬프다", "sad"},     {nullptr, "행복하다", "happy"},
      {nullptr, "배고프다", "hungry"}, {nullptr, "피곤하다", "tired"}, {nullptr, "외롭다", "lonely"},
      {nullptr, "심심하다", "bored"},  {nullptr, "무섭다", "scared"},  {nullptr, "신나다", "excited"},
      {"화", "나다", "angry"},         {nullptr, "바쁘다", "busy"},    {nullptr, "아프다", "sick"},
  };
  return v;
}
const std::vector<State>& person_states() {  // fine for anyone
  static const std::vector<State> v = {
      {nullptr, "바쁘다", "busy"},    {nullptr, "아프다", "sick"}, {nullptr, "친절하다", "kind"},
      {nullptr, "똑똑하다", "smart"}, {"키", "크다", "tall"},      {"키", "작다", "short"},
  };
  return v;
}

struct Place {
  const char* ko;
  const char* en;  // bare noun: "school", "the library"
  const char* at;  // "at school", "in the park"
  const char* to;  // "to school", "home"
  bool far;        // reached by train or plane
};
const std::vector<Place>& places() {
  static const std::vector<Place> v = {
      {"학교", "the school", "at school", "to school", false},
      {"집", "the house", "at home", "home", false},
      {"도서관", "the library", "at the library", "to the library", false},
      {"공원", "the park", "in the park", "to the park", false},
      {"교실", "the classroom", "in the classroom", "to the classroom", false},
      {"식당", "the restaurant", "at the restaurant", "to the restaurant", false},
      {"시장", "the market", "at the market", "to the market", false},
      {"카페", "the cafe", "at the cafe", "to the cafe", false},
      {"병원", "the hospital", "at the hospital", "to the hospital", false},
      {"영화관", "the movie theater", "at the movie theater", "to the movie theater", false},
      {"방", "the room", "in the room", "to the room", false},
      {"가게", "the store", "at the store", "to the store", false},
      {"문구점", "the stationery store", "at the stationery store", "to the stationery store", false},
      {"서점", "the bookstore", "at the bookstore", "to the bookstore", false},
      {"꽃집", "the flower shop", "at the flower shop", "to the flower shop", false},
      {"바다", "the sea", "at the sea", "to the sea", true},
      {"산", "the mountain", "on the mountain", "to the mountain", true},
      {"서울", "Seoul", "in Seoul", "to Seoul", true},
      {"부산", "Busan", "in Busan", "to Busan", true},
  };
  return v;
}
const Place& place(const std::string& ko) {
  for (const Place& p : places())
    if (ko == p.ko) return p;
  throw Error("bad_corpus", "corpus vocabulary has no place '" + ko + "'");
}

struct TimeWord {
  const char* ko;
  Particle particle;  // 아침에: 에; 어제: none
  const char* en;
  bool past, present, future;
};
const std::vector<TimeWord>& time_words() {
  static const std::vector<TimeWord> v = {
      {"어제", Particle::None, "yesterday", true, false, false},
      {"오늘", Particle::None, "today", true, false, true},
      {"내일", Particle::None, "tomorrow", false, false, true},
      {"매일", Particle::None, "every day", true, true, true},
      {"아침", Particle::E, "in the morning", true, true, true},
      {"저녁", Particle::E, "in the evening", true, true, true},
      {"주말", Particle::E, "on the weekend", true, true, true},
      {"밤", Particle::E, "at night", true, true, true},
  };
  return v;
}
const TimeWord& pick_time(Rng& r, Tense t) {
  const std::vector<TimeWord>& all = time_words();
  std::vector<std::size_t> ok;
  for (std::size_t i = 0; i < all.size(); ++i)
    if ((t == Tense::Past && all[i].past) || (t == Tense::Present && all[i].present) ||
        (t == Tense::Future && all[i].future))
      ok.push_back(i);
  return all[ok[r.below(static_cast<std::uint32_t>(ok.size()))]];
}

struct Number {
  const char* ko;  // native numerals before a counter: 두 개, 세 마리
  const char* en;
};
const std::vector<Number>& numbers() {
  static const std::vector<Number> v = {{"두", "two"}, {"세", "three"}, {"네", "four"}, {"다섯", "five"}};
  return v;
}

// =====================================================================================================
// Actors and noun phrases
// =====================================================================================================

struct Actor {
  std::string ko, en, poss, en_possessive;  // en_possessive: "my", "Minsu's"
  Agr agr = Agr::Third;
  bool pronoun = false;
  std::string ko_possessive;  // 내/제, 우리/저희, or "" (then X의)
};
Actor person_actor(const Person& p, Speech s) {
  Actor a;
  a.ko = s == Speech::Plain ? p.ko : p.ko_polite;
  a.en = p.en;
  a.poss = p.poss;
  a.agr = p.agr;
  a.pronoun = p.pronoun;
  a.en_possessive = p.pronoun ? std::string(p.poss) : std::string(p.en) + "'s";
  if (std::string(p.ko) == "나") a.ko_possessive = s == Speech::Plain ? "내" : "제";
  if (std::string(p.ko) == "우리") a.ko_possessive = s == Speech::Plain ? "우리" : "저희";
  return a;
}
Actor animal_actor(const Animal& an) {
  Actor a;
  a.ko = an.ko;
  a.en = std::string("the ") + an.en;
  a.poss = "its";
  a.en_possessive = a.en + "'s";
  return a;
}
Actor random_person(Rng& r, const Style& st) { return person_actor(pick(r, people()), st.speech); }

// 나는 / 고양이는 / 고양이가: pronouns always take the topic particle (a subject 나 would be 내가).
KoreanWord subject_word(const Actor& a, const Style& st) {
  return w(a.ko, a.pronoun || st.topic ? Particle::Topic : Particle::Subject);
}

// A kin member other than the actor.
const Kin& other_kin(Rng& r, const Actor& a) {
  for (;;) {
    const Kin& k = pick(r, kin());
    if (a.ko != k.ko) return k;
  }
}

// A kin member in English as seen by the actor: "my dad", but "our dad" when 우리 speaks.
std::string kin_en(const Kin& k, const Actor& a) {
  const std::string en = k.en;
  if (a.pronoun && a.agr == Agr::Plural && en.compare(0, 3, "my ") == 0) return "our " + en.substr(3);
  return en;
}

// English noun phrases: "an apple", "rice", "three apples".
std::string en_indefinite(const Noun& n) { return n.countable ? en::with_article(n.en) : n.en; }
std::string en_definite(const Noun& n) { return "the " + n.en; }
std::string en_count(const Noun& n, const Number& num) { return std::string(num.en) + " " + en::plural(n.en); }

// Korean noun phrase with a particle, optionally counted: 사과를 / 사과 세 개를.
void add_noun(std::vector<KoreanWord>& k, const Noun& n, Particle p, const Number* num = nullptr) {
  if (!num) {
    k.push_back(w(n.ko, p));
    return;
  }
  k.push_back(w(n.ko));
  k.push_back(w(num->ko));
  k.push_back(w(n.counter, p));
}

// =====================================================================================================
// General frames (the "ko", "en" and "ko-en" corpora)
// =====================================================================================================

struct Utensil {
  const char* ko;
  const char* en;  // "with a spoon"
  std::vector<const char*> foods;
};
const std::vector<Utensil>& utensils() {
  static const std::vector<Utensil> v = {
      {"숟가락", "with a spoon", {"밥", "국", "아이스크림"}},
      {"젓가락", "with chopsticks", {"밥", "라면", "김치", "고기", "생선", "떡"}},
      {"포크", "with a fork", {"케이크", "사과", "수박", "떡", "복숭아"}},
      {"빨대", "with a straw", {"우유", "주스", "물", "커피"}},
      {"손", "with {poss} hands", {"빵", "바나나", "귤"}},
  };
  return v;
}

// 나는 (어제) (식당에서 | 친구와 | 젓가락으로) 밥을 먹었다 — I ate rice (at the restaurant | ...) (yesterday)
Rendered frame_eat(Rng& r, const Style& st) {
  const bool is_animal = r.below(4) == 0;
  Actor a;
  const Food* f = nullptr;
  if (is_animal) {
    const Animal& an = pick(r, animals());
    a = animal_actor(an);
    f = &food(pick(r, an.foods));
  } else {
    a = random_person(r, st);
    f = &pick(r, foods());
  }
  enum Extra { kNone, kTime, kPlace, kWith, kUtensil, kCount };
  const Extra extra = is_animal ? (r.below(2) ? kTime : kNone) : static_cast<Extra>(r.below(6));
  std::vector<KoreanWord> mid;
  std::string en_pp;
  const TimeWord* tw = nullptr;
  const Number* num = nullptr;
  if (extra == kTime) {
    tw = &pick_time(r, st.tense);
  } else if (extra == kPlace) {
    static const std::vector<const char*> cafe_menu = {"커피", "차", "주스", "케이크", "빵", "우유"};
    const char* where = pick(r, std::vector<const char*>{"식당", "집", "학교", "카페"});
    if (std::string(where) == "카페") f = &food(pick(r, cafe_menu));
    mid.push_back(w(where, Particle::Eseo));
    en_pp = place(where).at;
  } else if (extra == kWith) {
    const Kin& k = other_kin(r, a);
    mid.push_back(w(k.ko, Particle::With));
    en_pp = "with " + kin_en(k, a);
  } else if (extra == kUtensil) {
    const Utensil& u = pick(r, utensils());
    f = &food(pick(r, u.foods));
    mid.push_back(w(u.ko, Particle::Ro));
    en_pp = replace_poss(u.en, a.poss);
  } else if (extra == kCount) {
    while (!f->countable) f = &pick(r, foods());
    num = &pick(r, numbers());
  }
  const Noun n = noun(f->ko);
  const bool drink = f->kind == FoodKind::Drink;
  const std::string verb = conj(drink ? "마시다" : "먹다", st.tense, st.speech);

  Rendered out;
  std::vector<KoreanWord> object;
  add_noun(object, n, Particle::Object, num);
  if (st.scramble && extra == kNone) {  // 밥을 나는 먹었다
    out.ko = object;
    out.ko.push_back(subject_word(a, st));
  } else {
    out.ko.push_back(subject_word(a, st));
    if (tw) out.ko.push_back(w(tw->ko, tw->particle));
    out.ko.insert(out.ko.end(), mid.begin(), mid.end());
    out.ko.insert(out.ko.end(), object.begin(), object.end());
  }
  out.ko.push_back(w(verb));
  const EnVerb ev = drink ? EnVerb{"drink", "drank"} : EnVerb{"eat", "ate"};
  out.en = en_sentence(
      {a.en, en_verb(ev, st.tense, a.agr), num ? en_count(n, *num) : en_indefinite(n), en_pp, tw ? tw->en : ""});
  return out;
}

// 고양이는 귀엽다 — The cat is cute; 나는 배고프다 — I am hungry; 김치가 맵다 — The kimchi is spicy ...
Rendered frame_describe(Rng& r, const Style& st) {
  Rendered out;
  switch (r.below(7)) {
    case 0: {  // an animal
      const Tense t = no_future(r, st.tense);
      const Animal& an = pick(r, animals());
      const Actor a = animal_actor(an);
      const char* adj = pick(r, an.adjectives);
      out.ko = {subject_word(a, st), w(conj(adj, t, st.speech))};
      out.en = en_sentence({a.en, en_be(t, Agr::Third), adjective_en(adj)});
      return out;
    }
    case 1: {  // a person: busy, kind, tall ...
      const Tense t = no_future(r, st.tense);
      const Actor a = random_person(r, st);
      const State& s = pick(r, person_states());
      out.ko.push_back(subject_word(a, st));
      if (s.noun) out.ko.push_back(w(s.noun, Particle::Subject));  // 민수는 키가 크다
      out.ko.push_back(w(conj(s.dictionary, t, st.speech)));
      out.en = en_sentence({a.en, en_be(t, a.agr), s.en});
      return out;
    }
    case 2: {  // my feelings (나, 우리), with a time word half of the time
      const Person& p = people()[r.below(2)];
      const Actor a = person_actor(p, st.speech);
      const State& s = pick(r, feelings());
      const TimeWord* tw = r.below(2) ? &pick_time(r, st.tense) : nullptr;
      out.ko.push_back(subject_word(a, st));
      if (tw) out.ko.push_back(w(tw->ko, tw->particle));
      if (s.noun) out.ko.push_back(w(s.noun, Particle::Subject));  // 나는 화가 났다
      out.ko.push_back(w(conj(s.dictionary, st.tense, st.speech)));
      out.en = en_sentence({a.en, en_be(st.tense, a.agr), s.en, tw ? tw->en : ""});
      return out;
    }
    case 3: {  // food: (이) 사과가 달다
      const Tense t = no_future(r, st.tense);
      const Food& f = pick(r, foods());
      const char* adj = pick(r, f.tastes);
      const bool this_one = r.below(3) == 0;
      if (this_one) out.ko.push_back(w("이"));
      out.ko.push_back(w(f.ko, this_one || st.topic ? Particle::Topic : Particle::Subject));
      out.ko.push_back(w(conj(adj, t, st.speech)));
      out.en = en_sentence({std::string(this_one ? "this " : "the ") + f.en, en_be(t, Agr::Third), adjective_en(adj)});
      return out;
    }
    case 4: {  // a room or place: 교실이 조용하다
      const Tense t = no_future(r, st.tense);
      static const std::vector<const char*> rooms = {"교실", "도서관", "방", "식당", "카페", "공원"};
      static const std::vector<const char*> adjs = {"조용하다", "시끄럽다", "깨끗하다", "넓다", "덥다", "춥다"};
      const Place& p = place(pick(r, rooms));
      const char* adj = pick(r, adjs);
      out.ko = {w(p.ko, st.topic ? Particle::Topic : Particle::Subject), w(conj(adj, t, st.speech))};
      out.en = en_sentence({p.en, en_be(t, Agr::Third), adjective_en(adj)});
      return out;
    }
    case 5: {  // the weather, with a time word: 내일 날씨가 추울 것이다
      static const std::vector<const char*> adjs = {"덥다", "춥다", "좋다", "맑다"};
      const char* adj = pick(r, adjs);
      const TimeWord* tw = r.below(3) ? &pick_time(r, st.tense) : nullptr;
      if (tw) out.ko.push_back(w(tw->ko, tw->particle));
      out.ko.push_back(w("날씨", Particle::Subject));
      out.ko.push_back(w(conj(adj, st.tense, st.speech)));
      out.en = en_sentence({"the weather", en_be(st.tense, Agr::Third), adjective_en(adj), tw ? tw->en : ""});
      return out;
    }
    default: {  // two animals: 고양이와 강아지는 귀엽다 — The cat and the puppy are cute
      const Tense t = no_future(r, st.tense);
      const Animal& x = pick(r, animals());
      std::vector<const char*> shared;  // adjectives that fit both animals
      const Animal* y = nullptr;
      while (shared.empty()) {
        y = &pick(r, animals());
        if (y == &x) continue;
        for (const char* adj : x.adjectives)
          for (const char* b : y->adjectives)
            if (std::string(adj) == b) shared.push_back(adj);
      }
      const char* adj = pick(r, shared);
      out.ko = {w(x.ko, Particle::With), w(y->ko, st.topic ? Particle::Topic : Particle::Subject),
                w(conj(adj, t, st.speech))};
      out.en =
          en_sentence({std::string("the ") + x.en + " and the " + y->en, en_be(t, Agr::Plural), adjective_en(adj)});
      return out;
    }
  }
}

// 나는 (친구와 | 버스로 | 걸어서) 학교에 갔다 — I went to school (with my friend | by bus | ...)
Rendered frame_go(Rng& r, const Style& st) {
  struct GoVerb {
    const char* ko;
    EnVerb en;
  };
  static const std::vector<GoVerb> verbs = {{"가다", {"go", "went"}},
                                            {"오다", {"come", "came"}},
                                            {"돌아오다", {"come back", "came back"}},
                                            {"뛰어가다", {"run", "ran"}}};
  static const std::vector<const char*> destinations = {"학교", "집",     "도서관", "공원", "식당", "시장", "카페",
                                                        "병원", "영화관", "바다",   "산",   "서울", "부산"};
  struct Transport {
    const char* ko;
    const char* en;
    bool near, far;
  };
  static const std::vector<Transport> transports = {
      {"버스", "by bus", true, true},     {"지하철", "by subway", true, false}, {"기차", "by train", false, true},
      {"자전거", "by bike", true, false}, {"택시", "by taxi", true, false},     {"비행기", "by plane", false, true}};

  const Actor a = random_person(r, st);
  const Place& dest = place(pick(r, destinations));
  GoVerb v = pick(r, verbs);
  const unsigned extra = r.below(5);  // 0 none, 1 time, 2 companion, 3 transport, 4 on foot
  // 으로/로 marks the direction with 향하다 "head to"; outside ko-en pairs also with 가다/오다 ...
  const bool toward = r.below(4) == 0;
  if (toward) v = {"향하다", {"head", "headed"}};
  const bool ro = toward || (!st.canonical && r.below(3) == 0);

  Rendered out;
  std::string en_extra;
  const TimeWord* tw = nullptr;
  out.ko.push_back(subject_word(a, st));
  if (extra == 1) {
    tw = &pick_time(r, st.tense);
    out.ko.push_back(w(tw->ko, tw->particle));
  } else if (extra == 2) {
    const Kin& k = other_kin(r, a);
    out.ko.push_back(w(k.ko, Particle::With));
    en_extra = "with " + kin_en(k, a);
  } else if (extra == 3 && std::string(v.ko) == "가다") {
    Transport t = pick(r, transports);
    while (!(dest.far ? t.far : t.near)) t = pick(r, transports);
    out.ko.push_back(w(t.ko, Particle::Ro));
    en_extra = t.en;
  } else if (extra == 4 && std::string(v.ko) == "가다" && !dest.far) {
    out.ko.push_back(w(ko::connective_seo(ko::predicate("걷다"))));  // 걸어서 "on foot"
    v.en = {"walk", "walked"};
  }
  out.ko.push_back(w(dest.ko, ro ? Particle::Ro : Particle::E));
  out.ko.push_back(w(conj(v.ko, st.tense, st.speech)));
  out.en = en_sentence({a.en, en_verb(v.en, st.tense, a.agr), dest.to, en_extra, tw ? tw->en : ""});
  return out;
}

// 나는 도서관에서 책을 읽었다 — I read a book at the library
Rendered frame_activity(Rng& r, const Style& st) {
  struct Activity {
    const char* object;  // 책, or nullptr
    const char* verb;
    EnVerb en;
    const char* en_object;  // "a book", "{poss} homework"
    std::vector<const char*> places;
    bool animals_too;
  };
  static const std::vector<Activity> acts = {
      {nullptr, "공부하다", {"study", "studied"}, "", {"학교", "도서관", "집", "교실", "카페"}, false},
      {"책", "읽다", {"read", "read"}, "a book", {"도서관", "집", "교실", "카페", "공원"}, false},
      {nullptr, "놀다", {"play", "played"}, "", {"공원", "집", "학교"}, true},
      {nullptr, "쉬다", {"rest", "rested"}, "", {"집", "공원"}, true},
      {nullptr, "일하다", {"work", "worked"}, "", {"병원", "식당", "카페", "시장"}, false},
      {nullptr, "노래하다", {"sing", "sang"}, "", {"교실", "집", "공원"}, false},
      {nullptr, "운동하다", {"exercise", "exercised"}, "", {"공원", "학교"}, false},
      {"그림", "그리다", {"draw", "drew"}, "a picture", {"교실", "공원", "집"}, false},
      {"축구", "하다", {"play", "played"}, "soccer", {"공원", "학교"}, false},
      {"영화", "보다", {"watch", "watched"}, "a movie", {"집", "영화관"}, false},
      {"음악", "듣다", {"listen", "listened"}, "to music", {"집", "카페", "공원"}, false},
      {"숙제", "하다", {"do", "did"}, "{poss} homework", {"집", "도서관", "교실", "카페"}, false},
      {"자전거", "타다", {"ride", "rode"}, "a bike", {"공원"}, false},
      {nullptr, "요리하다", {"cook", "cooked"}, "", {"집", "식당"}, false},
      {nullptr, "달리다", {"run", "ran"}, "", {"공원", "학교"}, true},
      {nullptr, "자다", {"sleep", "slept"}, "", {"집", "방"}, true},
  };
  const Activity& act = pick(r, acts);
  const Animal* pet = &pick(r, animals());
  while (!pet->pet) pet = &pick(r, animals());
  const Actor a = act.animals_too && r.below(3) == 0 ? animal_actor(*pet) : random_person(r, st);
  const Place& p = place(pick(r, act.places));
  const TimeWord* tw = r.below(2) ? &pick_time(r, st.tense) : nullptr;
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  if (tw) out.ko.push_back(w(tw->ko, tw->particle));
  out.ko.push_back(w(p.ko, Particle::Eseo));
  if (act.object) out.ko.push_back(w(act.object, Particle::Object));
  out.ko.push_back(w(conj(act.verb, st.tense, st.speech)));
  out.en = en_sentence(
      {a.en, en_verb(act.en, st.tense, a.agr), replace_poss(act.en_object, a.poss), p.at, tw ? tw->en : ""});
  return out;
}

// 민수는 열심히 공부했다 — Minsu studied hard; 강아지가 잤다 — The puppy slept
Rendered frame_intransitive(Rng& r, const Style& st) {
  struct Intransitive {
    const char* verb;
    EnVerb en;
    bool animals_too;
    std::vector<std::pair<const char*, const char*>> adverbs;  // 열심히 "hard"
  };
  static const std::vector<Intransitive> verbs = {
      {"자다", {"sleep", "slept"}, true, {{"많이", "a lot"}}},
      {"웃다", {"laugh", "laughed"}, false, {{"많이", "a lot"}, {"크게", "loudly"}}},
      {"울다", {"cry", "cried"}, false, {{"많이", "a lot"}, {"크게", "loudly"}}},
      {"달리다", {"run", "ran"}, true, {{"빨리", "fast"}}},
      {"걷다", {"walk", "walked"}, true, {{"천천히", "slowly"}}},
      {"노래하다", {"sing", "sang"}, false, {{"크게", "loudly"}}},
      {"춤추다", {"dance", "danced"}, false, {}},
      {"놀다", {"play", "played"}, true, {}},
      {"쉬다", {"rest", "rested"}, true, {}},
      {"일하다", {"work", "worked"}, false, {{"열심히", "hard"}}},
      {"공부하다", {"study", "studied"}, false, {{"열심히", "hard"}}},
      {"운동하다", {"exercise", "exercised"}, false, {{"열심히", "hard"}}},
  };
  const Intransitive& v = pick(r, verbs);
  const Actor a = v.animals_too && r.below(3) == 0 ? animal_actor(pick(r, animals())) : random_person(r, st);
  const TimeWord* tw = r.below(2) ? &pick_time(r, st.tense) : nullptr;
  const std::pair<const char*, const char*>* adv = !v.adverbs.empty() && r.below(2) ? &pick(r, v.adverbs) : nullptr;
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  if (tw) out.ko.push_back(w(tw->ko, tw->particle));
  if (adv) out.ko.push_back(w(adv->first));
  out.ko.push_back(w(conj(v.verb, st.tense, st.speech)));
  out.en = en_sentence({a.en, en_verb(v.en, st.tense, a.agr), adv ? adv->second : "", tw ? tw->en : ""});
  return out;
}

// 나는 연필로 편지를 썼다 — I wrote a letter with a pencil (tools take 으로/로)
Rendered frame_tool(Rng& r, const Style& st) {
  struct ToolUse {
    const char* tool;
    const char* en_tool;
    const char* verb;
    EnVerb en;
    std::vector<std::pair<const char*, const char*>> objects;  // 편지 "a letter"
  };
  static const std::vector<std::pair<const char*, const char*>> writings = {
      {"편지", "a letter"}, {"시", "a poem"}, {"카드", "a card"}};
  static const std::vector<std::pair<const char*, const char*>> body = {
      {"손", "{poss} hands"}, {"얼굴", "{poss} face"}, {"발", "{poss} feet"}};
  static const std::vector<ToolUse> uses = {
      {"연필", "with a pencil", "쓰다", {"write", "wrote"}, writings},
      {"펜", "with a pen", "쓰다", {"write", "wrote"}, writings},
      {"연필", "with a pencil", "그리다", {"draw", "drew"}, {{"그림", "a picture"}}},
      {"색연필", "with colored pencils", "그리다", {"draw", "drew"}, {{"그림", "a picture"}}},
      {"붓", "with a brush", "그리다", {"draw", "drew"}, {{"그림", "a picture"}}},
      {"크레파스", "with crayons", "그리다", {"draw", "drew"}, {{"그림", "a picture"}}},
      {"칼",
       "with a knife",
       "깎다",
       {"peel", "peeled"},
       {{"배", "a pear"}, {"감자", "a potato"}, {"사과", "an apple"}}},
      {"칼",
       "with a knife",
       "자르다",
       {"cut", "cut"},
       {{"빵", "the bread"}, {"케이크", "the cake"}, {"수박", "the watermelon"}}},
      {"가위", "with scissors", "자르다", {"cut", "cut"}, {{"종이", "the paper"}, {"끈", "the string"}}},
      {"수건", "with a towel", "닦다", {"dry", "dried"}, body},
      {"휴지", "with a tissue", "닦다", {"wipe", "wiped"}, {{"책상", "the desk"}, {"안경", "{poss} glasses"}}},
      {"걸레", "with a rag", "닦다", {"wipe", "wiped"}, {{"바닥", "the floor"}, {"창문", "the window"}}},
      {"물", "with water", "씻다", {"wash", "washed"}, body},
      {"비누", "with soap", "씻다", {"wash", "washed"}, body},
  };
  const ToolUse& u = pick(r, uses);
  const auto& obj = pick(r, u.objects);
  const Actor a = random_person(r, st);
  const TimeWord* tw = r.below(3) == 0 ? &pick_time(r, st.tense) : nullptr;
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  if (tw) out.ko.push_back(w(tw->ko, tw->particle));
  out.ko.push_back(w(u.tool, Particle::Ro));
  out.ko.push_back(w(obj.first, Particle::Object));
  out.ko.push_back(w(conj(u.verb, st.tense, st.speech)));
  out.en = en_sentence(
      {a.en, en_verb(u.en, st.tense, a.agr), replace_poss(obj.second, a.poss), u.en_tool, tw ? tw->en : ""});
  return out;
}

// 나는 친구에게 책을 줬다 — I gave my friend a book; 선생님께 편지를 드렸다 (께 + 드리다 for elders)
Rendered frame_give(Rng& r, const Style& st) {
  static const std::vector<const char*> gifts = {"선물", "꽃",     "편지",   "책",   "우산", "지우개",
                                                 "연필", "초콜릿", "케이크", "인형", "카드"};
  const Actor a = random_person(r, st);
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  std::string en_rec;
  bool honoured = false;
  Noun gift;
  if (r.below(4) == 0) {  // feed a pet: 고양이에게 생선을 줬다
    const Animal& an = pick(r, animals());
    out.ko.push_back(w(an.ko, Particle::Ege));
    en_rec = std::string("the ") + an.en;
    gift = noun(pick(r, an.foods));
  } else {
    const Kin& k = other_kin(r, a);
    honoured = k.honoured;
    out.ko.push_back(w(k.ko, honoured ? Particle::Kke : Particle::Ege));
    en_rec = kin_en(k, a);
    gift = noun(pick(r, gifts));
  }
  const Number* num = gift.countable && r.below(4) == 0 ? &pick(r, numbers()) : nullptr;
  add_noun(out.ko, gift, Particle::Object, num);
  out.ko.push_back(w(conj(honoured ? "드리다" : "주다", st.tense, st.speech)));
  out.en = en_sentence(
      {a.en, en_verb({"give", "gave"}, st.tense, a.agr), en_rec, num ? en_count(gift, *num) : en_indefinite(gift)});
  return out;
}

// 나는 시장에서 사과 세 개를 샀다 — I bought three apples at the market; 사과와 배를 샀다
Rendered frame_buy(Rng& r, const Style& st) {
  struct Shop {
    const char* ko;
    std::vector<const char*> goods;
  };
  static const std::vector<Shop> shops = {
      {"시장", {"사과", "배", "귤", "딸기", "수박", "감자", "당근", "오이", "고기", "생선", "달걀", "떡"}},
      {"가게", {"우산", "공", "모자", "인형", "우유", "빵", "주스", "아이스크림", "달걀", "초콜릿"}},
      {"문구점", {"연필", "공책", "지우개", "필통", "색연필"}},
      {"서점", {"책", "공책"}},
      {"꽃집", {"꽃"}},
  };
  const Actor a = random_person(r, st);
  const Shop& shop = pick(r, shops);
  const Noun first = noun(pick(r, shop.goods));
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  out.ko.push_back(w(shop.ko, Particle::Eseo));
  std::string en_obj;
  const unsigned shape = r.below(3);  // 0 one, 1 counted, 2 "X and Y"
  if (shape == 1 && first.countable) {
    const Number& num = pick(r, numbers());
    add_noun(out.ko, first, Particle::Object, &num);
    en_obj = en_count(first, num);
  } else if (shape == 2 && shop.goods.size() > 1) {
    Noun second = noun(pick(r, shop.goods));
    while (second.ko == first.ko) second = noun(pick(r, shop.goods));
    out.ko.push_back(w(first.ko, Particle::With));
    out.ko.push_back(w(second.ko, Particle::Object));
    en_obj = en_indefinite(first) + " and " + en_indefinite(second);
  } else {
    out.ko.push_back(w(first.ko, Particle::Object));
    en_obj = en_indefinite(first);
  }
  out.ko.push_back(w(conj("사다", st.tense, st.speech)));
  out.en = en_sentence({a.en, en_verb({"buy", "bought"}, st.tense, a.agr), en_obj, place(shop.ko).at});
  return out;
}

// 나는 고양이 두 마리가 있다 — I have two cats; 나는 형이 있다 — I have a big brother
Rendered frame_have(Rng& r, const Style& st) {
  static const std::vector<const char*> belongings = {"책", "연필", "우산", "가방", "자전거", "공", "인형", "시계"};
  const Tense t = no_future(r, st.tense);
  const unsigned what = r.below(3);  // 0 pet, 1 belonging, 2 a sibling (said by 나)
  Actor a = random_person(r, st);
  Rendered out;
  std::string en_obj;
  if (what == 2) {
    a = person_actor(people()[0], st.speech);
    const Person& sib = people()[6 + r.below(4)];  // 남동생, 여동생, 형, 누나
    out.ko = {w(a.ko, Particle::Topic), w(sib.ko, Particle::Subject)};
    en_obj = en::with_article(sib.en_noun);
  } else {
    const Animal* pet = &pick(r, animals());
    while (!pet->pet) pet = &pick(r, animals());
    const Noun n = what == 0 ? noun(pet->ko) : noun(pick(r, belongings));
    const Number* num = r.below(3) == 0 ? &pick(r, numbers()) : nullptr;
    out.ko.push_back(w(a.ko, Particle::Topic));  // 나는 고양이가 있다: the owner is the topic
    add_noun(out.ko, n, Particle::Subject, num);
    en_obj = num ? en_count(n, *num) : en_indefinite(n);
  }
  out.ko.push_back(w(conj("있다", t, st.speech)));
  out.en = en_sentence({a.en, en_verb({"have", "had"}, t, a.agr), en_obj});
  return out;
}

// 책이 책상 위에 있다 — The book is on the desk; 냉장고에 우유가 있다 — There is milk in the fridge
Rendered frame_where(Rng& r, const Style& st) {
  struct Location {
    std::vector<const char*> ko;  // {"책상", "위"}: the last word takes 에
    const char* en;
    std::vector<const char*> things;
    bool people;
  };
  static const std::vector<Location> locations = {
      {{"방"}, "in the room", {"책", "가방", "공", "인형", "시계", "자전거", "고양이", "강아지", "우산"}, true},
      {{"가방"},
       "in the bag",
       {"책", "공책", "연필", "지우개", "필통", "휴대폰", "우산", "편지", "사과", "바나나"},
       false},
      {{"상자"}, "in the box", {"공", "인형", "시계", "편지", "카드", "고양이", "햄스터", "사과", "귤"}, false},
      {{"책상", "위"},
       "on the desk",
       {"책", "공책", "연필", "지우개", "필통", "휴대폰", "시계", "편지", "사과", "고양이"},
       false},
      {{"냉장고"}, "in the fridge", {"우유", "주스", "물", "달걀", "사과", "수박", "케이크", "김치", "고기"}, false},
      {{"바구니"}, "in the basket", {"사과", "배", "귤", "딸기", "빵", "달걀", "고양이"}, false},
      {{"교실"}, "in the classroom", {"책", "가방", "공"}, true},
      {{"집"}, "at home", {"고양이", "강아지"}, true},
      {{"공원"}, "in the park", {"강아지", "오리"}, true},
      {{"도서관"}, "at the library", {}, true},
      {{"학교"}, "at school", {}, true},
  };
  const Location& loc = pick(r, locations);
  const bool person = loc.things.empty() || (loc.people && r.below(3) == 0);
  Rendered out;
  auto add_location = [&](std::vector<KoreanWord>& k) {
    for (std::size_t i = 0; i + 1 < loc.ko.size(); ++i) k.push_back(w(loc.ko[i]));
    k.push_back(w(loc.ko.back(), Particle::E));
  };
  if (person) {  // 민수는 집에 있다 — Minsu is at home
    const Actor a = random_person(r, st);
    out.ko.push_back(subject_word(a, st));
    add_location(out.ko);
    out.ko.push_back(w(conj("있다", st.tense, st.speech)));
    out.en = en_sentence({a.en, en_be(st.tense, a.agr), loc.en});
    return out;
  }
  const Tense t = no_future(r, st.tense);
  const Noun n = noun(pick(r, loc.things));
  if (r.below(2)) {  // 책이 책상 위에 있다 — The book is on the desk
    out.ko.push_back(w(n.ko, st.topic ? Particle::Topic : Particle::Subject));
    add_location(out.ko);
    out.ko.push_back(w(conj("있다", t, st.speech)));
    out.en = en_sentence({en_definite(n), en_be(t, Agr::Third), loc.en});
    return out;
  }
  // 책상 위에 책 두 권이 있다 — There are two books on the desk
  const Number* num = n.countable && r.below(2) ? &pick(r, numbers()) : nullptr;
  add_location(out.ko);
  add_noun(out.ko, n, Particle::Subject, num);
  out.ko.push_back(w(conj("있다", t, st.speech)));
  out.en = en_sentence(
      {"there", en_be(t, num ? Agr::Plural : Agr::Third), num ? en_count(n, *num) : en_indefinite(n), loc.en});
  return out;
}

// 민수는 의사이다 — Minsu is a doctor; 사과는 과일이다 — An apple is a fruit; 이것은 우산이다 — This is an umbrella
Rendered frame_copula(Rng& r, const Style& st) {
  static const std::vector<std::pair<const char*, const char*>> jobs = {
      {"학생", "student"}, {"교사", "teacher"},       {"의사", "doctor"},           {"가수", "singer"},
      {"요리사", "cook"},  {"간호사", "nurse"},       {"경찰관", "police officer"}, {"배우", "actor"},
      {"화가", "painter"}, {"작가", "writer"},        {"예술가", "artist"},         {"운동선수", "athlete"},
      {"농부", "farmer"},  {"소방관", "firefighter"}, {"엔지니어", "engineer"},
  };
  Rendered out;
  const unsigned kind = r.below(3);
  if (kind == 0) {  // a person's job
    const Tense t = no_future(r, st.tense);
    const Actor a = random_person(r, st);
    const auto& job = pick(r, jobs);
    out.ko = {w(a.ko, Particle::Topic), {job.first, ko::copula(job.first, t, st.speech)}};
    const std::string en_job = a.agr == Agr::Plural ? en::plural(job.second) : en::with_article(job.second);
    out.en = en_sentence({a.en, en_be(t, a.agr), en_job});
    return out;
  }
  if (kind == 1) {  // a kind of thing: fruit, vegetable, drink, animal
    std::string subject_ko, subject_en, category_ko, category_en;
    if (r.below(4) == 0) {
      const Animal& an = pick(r, animals());
      subject_ko = an.ko;
      subject_en = en::with_article(an.en);
      category_ko = "동물";
      category_en = "an animal";
    } else {
      const Food* f = &pick(r, foods());
      while (f->kind != FoodKind::Fruit && f->kind != FoodKind::Vegetable && f->kind != FoodKind::Drink)
        f = &pick(r, foods());
      subject_ko = f->ko;
      subject_en = f->countable ? en::with_article(f->en) : f->en;
      category_ko = f->kind == FoodKind::Fruit ? "과일" : f->kind == FoodKind::Vegetable ? "채소" : "음료";
      category_en = f->kind == FoodKind::Fruit ? "a fruit" : f->kind == FoodKind::Vegetable ? "a vegetable" : "a drink";
    }
    out.ko = {w(subject_ko, Particle::Topic), {category_ko, ko::copula(category_ko, Tense::Present, st.speech)}};
    out.en = en_sentence({subject_en, "is", category_en});
    return out;
  }
  // this / that
  const bool near = r.below(2);
  Noun n;
  switch (r.below(3)) {
    case 0:
      n = noun(pick(r, things()).ko);
      break;
    case 1:
      n = noun(pick(r, animals()).ko);
      break;
    default: {
      const Food* f = &pick(r, foods());
      while (!f->countable) f = &pick(r, foods());
      n = noun(f->ko);
    }
  }
  const char* pronoun = near ? "이것" : "저것";
  out.ko = {w(pronoun, Particle::Topic), {n.ko, ko::copula(n.ko, Tense::Present, st.speech)}};
  out.en = en_sentence({near ? "this" : "that", "is", en::with_article(n.en)});
  return out;
}

// =====================================================================================================
// 사과 frames: apple, apology, both
// =====================================================================================================

// The speaker's apology to someone: recipient word (에게 / 께) and English.
struct Recipient {
  KoreanWord word;
  std::string en;
  bool honoured;
};
Recipient pick_recipient(Rng& r, const Actor& a) {
  const Kin& k = other_kin(r, a);
  return {w(k.ko, k.honoured ? Particle::Kke : Particle::Ege), kin_en(k, a), k.honoured};
}

Rendered labelled(Rendered x, const char* label) {
  x.label = label;
  return x;
}

// ---- apple ----

// 나는 (어제) (빨간) 사과 (두 개)를 먹었다 — I ate a red apple / two apples
Rendered apple_eat(Rng& r, const Style& st) {
  static const std::vector<std::pair<const char*, const char*>> looks = {
      {"빨간", "red"}, {"작은", "small"}, {"큰", "big"}, {"맛있는", "delicious"}, {"달콤한", "sweet"}};
  static const std::vector<const char*> apple_eaters = {"원숭이", "말", "토끼", "코끼리"};
  Actor a;
  if (r.below(4) == 0) {
    const std::string who = pick(r, apple_eaters);
    for (const Animal& an : animals())
      if (who == an.ko) a = animal_actor(an);
  } else {
    a = random_person(r, st);
  }
  const TimeWord* tw = r.below(2) ? &pick_time(r, st.tense) : nullptr;
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  if (tw) out.ko.push_back(w(tw->ko, tw->particle));
  std::string en_obj;
  const unsigned shape = r.below(3);
  if (shape == 0) {
    const auto& look = pick(r, looks);
    out.ko.push_back(w(look.first));
    out.ko.push_back(w("사과", Particle::Object));
    en_obj = en::with_article(std::string(look.second) + " apple");
  } else if (shape == 1) {
    const Number& num = pick(r, numbers());
    add_noun(out.ko, noun("사과"), Particle::Object, &num);
    en_obj = std::string(num.en) + " apples";
  } else {
    out.ko.push_back(w("사과", Particle::Object));
    en_obj = "an apple";
  }
  out.ko.push_back(w(conj("먹다", st.tense, st.speech)));
  out.en = en_sentence({a.en, en_verb({"eat", "ate"}, st.tense, a.agr), en_obj, tw ? tw->en : ""});
  return labelled(out, "apple");
}

// (이) 사과가 달다 — The apple is sweet / This apple was delicious
Rendered apple_taste(Rng& r, const Style& st) {
  static const std::vector<const char*> adjs = {"달다", "맛있다", "시다", "크다", "작다"};
  const Tense t = no_future(r, st.tense);
  const char* adj = pick(r, adjs);
  const bool this_one = r.below(2);
  Rendered out;
  if (this_one) out.ko.push_back(w("이"));
  out.ko.push_back(w("사과", this_one || st.topic ? Particle::Topic : Particle::Subject));
  out.ko.push_back(w(conj(adj, t, st.speech)));
  out.en = en_sentence({this_one ? "this apple" : "the apple", en_be(t, Agr::Third), adjective_en(adj)});
  return labelled(out, "apple");
}

// 나는 칼로 사과를 깎았다 / 물로 사과를 씻었다 / 칼로 사과를 반으로 잘랐다
Rendered apple_prepare(Rng& r, const Style& st) {
  const Actor a = random_person(r, st);
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  std::string en_rest;
  EnVerb ev{"peel", "peeled"};
  const char* verb = "깎다";
  switch (r.below(3)) {
    case 0:
      out.ko.push_back(w("칼", Particle::Ro));
      out.ko.push_back(w("사과", Particle::Object));
      en_rest = "an apple with a knife";
      break;
    case 1:
      out.ko.push_back(w("물", Particle::Ro));
      out.ko.push_back(w("사과", Particle::Object));
      verb = "씻다";
      ev = {"wash", "washed"};
      en_rest = "an apple with water";
      break;
    default:
      out.ko.push_back(w("칼", Particle::Ro));
      out.ko.push_back(w("사과", Particle::Object));
      out.ko.push_back(w("반", Particle::Ro));
      verb = "자르다";
      ev = {"cut", "cut"};
      en_rest = "an apple in half with a knife";
  }
  out.ko.push_back(w(conj(verb, st.tense, st.speech)));
  out.en = en_sentence({a.en, en_verb(ev, st.tense, a.agr), en_rest});
  return labelled(out, "apple");
}

// 나는 시장에서 사과 세 개를 샀다; 사과 주스를 마셨다; 사과 파이를 만들었다; 말에게 사과를 줬다
Rendered apple_use(Rng& r, const Style& st) {
  const Actor a = random_person(r, st);
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  switch (r.below(4)) {
    case 0: {
      const char* shop = r.below(2) ? "시장" : "가게";
      out.ko.push_back(w(shop, Particle::Eseo));
      const Number& num = pick(r, numbers());
      add_noun(out.ko, noun("사과"), Particle::Object, &num);
      out.ko.push_back(w(conj("사다", st.tense, st.speech)));
      out.en = en_sentence(
          {a.en, en_verb({"buy", "bought"}, st.tense, a.agr), std::string(num.en) + " apples", place(shop).at});
      break;
    }
    case 1: {
      const TimeWord& tw = pick_time(r, st.tense);
      out.ko.push_back(w(tw.ko, tw.particle));
      out.ko.push_back(w("사과"));
      out.ko.push_back(w("주스", Particle::Object));
      out.ko.push_back(w(conj("마시다", st.tense, st.speech)));
      out.en = en_sentence({a.en, en_verb({"drink", "drank"}, st.tense, a.agr), "apple juice", tw.en});
      break;
    }
    case 2: {
      const bool pie = r.below(2);
      out.ko.push_back(w("사과"));
      out.ko.push_back(w(pie ? "파이" : "잼", Particle::Object));
      out.ko.push_back(w(conj("만들다", st.tense, st.speech)));
      out.en = en_sentence({a.en, en_verb({"make", "made"}, st.tense, a.agr), pie ? "an apple pie" : "apple jam"});
      break;
    }
    default: {
      static const std::vector<std::pair<const char*, const char*>> fans = {
          {"말", "the horse"}, {"토끼", "the rabbit"}, {"원숭이", "the monkey"}, {"코끼리", "the elephant"}};
      const auto& an = pick(r, fans);
      out.ko.push_back(w(an.first, Particle::Ege));
      out.ko.push_back(w("사과", Particle::Object));
      out.ko.push_back(w(conj("주다", st.tense, st.speech)));
      out.en = en_sentence({a.en, en_verb({"give", "gave"}, st.tense, a.agr), an.second, "an apple"});
    }
  }
  return labelled(out, "apple");
}

// 사과가 냉장고에 있다; 바구니에 사과 세 개가 있다; 사과는 과일이다; 이것은 사과이다
Rendered apple_is(Rng& r, const Style& st) {
  static const std::vector<std::pair<const char*, const char*>> spots = {
      {"냉장고", "in the fridge"}, {"상자", "in the box"}, {"바구니", "in the basket"}, {"가방", "in the bag"}};
  Rendered out;
  const Tense t = no_future(r, st.tense);
  switch (r.below(4)) {
    case 0: {
      const auto& spot = pick(r, spots);
      out.ko = {w("사과", st.topic ? Particle::Topic : Particle::Subject), w(spot.first, Particle::E),
                w(conj("있다", t, st.speech))};
      out.en = en_sentence({"the apple", en_be(t, Agr::Third), spot.second});
      break;
    }
    case 1: {
      const auto& spot = pick(r, spots);
      const Number& num = pick(r, numbers());
      out.ko.push_back(w(spot.first, Particle::E));
      add_noun(out.ko, noun("사과"), Particle::Subject, &num);
      out.ko.push_back(w(conj("있다", t, st.speech)));
      out.en = en_sentence({"there", en_be(t, Agr::Plural), std::string(num.en) + " apples", spot.second});
      break;
    }
    case 2:
      out.ko = {w("사과", Particle::Topic), {"과일", ko::copula("과일", Tense::Present, st.speech)}};
      out.en = "An apple is a fruit";
      break;
    default: {
      const bool near = r.below(2);
      out.ko = {w(near ? "이것" : "저것", Particle::Topic), {"사과", ko::copula("사과", Tense::Present, st.speech)}};
      out.en = near ? "This is an apple" : "That is an apple";
    }
  }
  return labelled(out, "apple");
}

// ---- apology ----

// 나는 친구에게 (진심으로) 사과했다 — I (sincerely) apologized to my friend; 선생님께 사과드렸다
Rendered apology_basic(Rng& r, const Style& st) {
  static const std::vector<std::pair<std::vector<KoreanWord>, const char*>> manners = {
      {{}, ""},
      {{w("진심", Particle::Ro)}, "sincerely"},  // 진심으로
      {{w("정중하게")}, "politely"},
  };
  const Actor a = random_person(r, st);
  const Recipient rec = pick_recipient(r, a);
  const auto& manner = pick(r, manners);
  const TimeWord* tw = r.below(3) == 0 ? &pick_time(r, st.tense) : nullptr;
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  if (tw) out.ko.push_back(w(tw->ko, tw->particle));
  out.ko.push_back(rec.word);
  out.ko.insert(out.ko.end(), manner.first.begin(), manner.first.end());
  if (!rec.honoured && !st.canonical && r.below(3) == 0) {  // 사과를 했다
    out.ko.push_back(w("사과", Particle::Object));
    out.ko.push_back(w(conj("하다", st.tense, st.speech)));
  } else {
    out.ko.push_back(w(conj(rec.honoured ? "사과드리다" : "사과하다", st.tense, st.speech)));
  }
  out.en = en_sentence(
      {a.en, en_verb({"apologize", "apologized"}, st.tense, a.agr, manner.second), "to " + rec.en, tw ? tw->en : ""});
  return labelled(out, "apology");
}

// 나는 늦어서 친구에게 사과했다 — I apologized to my friend for being late
Rendered apology_reason(Rng& r, const Style& st) {
  struct Reason {
    const char* object;  // 거짓말 (을), or nullptr
    const char* verb;    // in the -아서/-어서 form
    const char* en;
  };
  static const std::vector<Reason> reasons = {
      {nullptr, "늦다", "for being late"},
      {"거짓말", "하다", "for lying"},
      {"약속", "어기다", "for breaking {poss} promise"},
      {"화", "내다", "for getting angry"},
      {"실수", "하다", "for making a mistake"},
  };
  const Actor a = random_person(r, st);
  const Recipient rec = pick_recipient(r, a);
  const Reason& why = pick(r, reasons);
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  if (why.object) out.ko.push_back(w(why.object, Particle::Object));
  out.ko.push_back(w(ko::connective_seo(ko::predicate(why.verb))));  // 늦어서, 해서, 어겨서, 내서
  out.ko.push_back(rec.word);
  out.ko.push_back(w(conj(rec.honoured ? "사과드리다" : "사과하다", st.tense, st.speech)));
  out.en = en_sentence(
      {a.en, en_verb({"apologize", "apologized"}, st.tense, a.agr), "to " + rec.en, replace_poss(why.en, a.poss)});
  return labelled(out, "apology");
}

// 친구는 내 사과를 받아 줬다 — My friend accepted my apology; 나는 민수의 사과를 받아 줬다
Rendered apology_accept(Rng& r, const Style& st) {
  const Actor a = random_person(r, st);
  Actor sorry = random_person(r, st);
  while (sorry.ko == a.ko || (sorry.pronoun && a.pronoun)) sorry = random_person(r, st);
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  if (!sorry.ko_possessive.empty())
    out.ko.push_back(w(sorry.ko_possessive));  // 내, 제, 우리, 저희
  else
    out.ko.push_back(w(sorry.ko, Particle::Ui));  // 민수의
  out.ko.push_back(w("사과", Particle::Object));
  out.ko.push_back(w(conj("받아 주다", st.tense, st.speech)));
  out.en = en_sentence({a.en, en_verb({"accept", "accepted"}, st.tense, a.agr), sorry.en_possessive + " apology"});
  return labelled(out, "apology");
}

// 나는 사과의 의미로 친구에게 꽃을 줬다 — I gave my friend a flower as an apology; 사과의 편지를 썼다; 울면서 사과했다
Rendered apology_gesture(Rng& r, const Style& st) {
  static const std::vector<const char*> gifts = {"꽃", "편지", "선물", "초콜릿", "케이크", "인형"};
  const Actor a = random_person(r, st);
  const Recipient rec = pick_recipient(r, a);
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  switch (r.below(3)) {
    case 0: {
      const Noun gift = noun(pick(r, gifts));
      out.ko.push_back(w("사과", Particle::Ui));
      out.ko.push_back(w("의미", Particle::Ro));
      out.ko.push_back(rec.word);
      out.ko.push_back(w(gift.ko, Particle::Object));
      out.ko.push_back(w(conj(rec.honoured ? "드리다" : "주다", st.tense, st.speech)));
      out.en =
          en_sentence({a.en, en_verb({"give", "gave"}, st.tense, a.agr), rec.en, en_indefinite(gift), "as an apology"});
      break;
    }
    case 1:
      out.ko.push_back(rec.word);
      out.ko.push_back(w("사과", Particle::Ui));
      out.ko.push_back(w("편지", Particle::Object));
      out.ko.push_back(w(conj("쓰다", st.tense, st.speech)));
      out.en = en_sentence({a.en, en_verb({"write", "wrote"}, st.tense, a.agr), rec.en, "a letter of apology"});
      break;
    default:
      out.ko.push_back(w(ko::connective_myeonseo(ko::predicate("울다"))));  // 울면서
      out.ko.push_back(rec.word);
      out.ko.push_back(w(conj(rec.honoured ? "사과드리다" : "사과하다", st.tense, st.speech)));
      out.en = en_sentence({a.en, en_verb({"apologize", "apologized"}, st.tense, a.agr), "to " + rec.en, "in tears"});
  }
  return labelled(out, "apology");
}

// ---- both senses in one sentence ----

// 나는 사과의 의미로 친구에게 사과를 줬다; 사과의 의미로 사과를 구매해서 할머니께 드렸다;
// 사과하면서 사과를 건넸다; 사과의 뜻으로 사과 한 상자를 보냈다
Rendered sagwa_both(Rng& r, const Style& st) {
  const Actor a = random_person(r, st);
  const Recipient rec = pick_recipient(r, a);
  const char* give = rec.honoured ? "드리다" : "주다";
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  const auto as_apology = [&](const char* meaning) {
    out.ko.push_back(w("사과", Particle::Ui));
    out.ko.push_back(w(meaning, Particle::Ro));  // 의미로, 뜻으로
  };
  switch (r.below(4)) {
    case 0:
      as_apology("의미");
      out.ko.push_back(rec.word);
      out.ko.push_back(w("사과", Particle::Object));
      out.ko.push_back(w(conj(give, st.tense, st.speech)));
      out.en = en_sentence({a.en, en_verb({"give", "gave"}, st.tense, a.agr), rec.en, "an apple", "as an apology"});
      break;
    case 1: {
      as_apology("의미");
      out.ko.push_back(w("사과", Particle::Object));
      out.ko.push_back(w(ko::connective_seo(ko::predicate(r.below(2) ? "구매하다" : "사다"))));  // 구매해서, 사서
      out.ko.push_back(rec.word);
      out.ko.push_back(w(conj(give, st.tense, st.speech)));
      const std::string give_en = st.tense == Tense::Future ? "give"
                                  : st.tense == Tense::Past ? "gave"
                                                            : en_verb({"give", "gave"}, st.tense, a.agr);
      out.en = en_sentence({a.en, en_verb({"buy", "bought"}, st.tense, a.agr), "apples and", give_en,
                            "them to " + rec.en, "as an apology"});
      break;
    }
    case 2: {
      out.ko.push_back(w(ko::connective_myeonseo(ko::predicate("사과하다"))));  // 사과하면서
      out.ko.push_back(rec.word);
      out.ko.push_back(w("사과", Particle::Object));
      out.ko.push_back(w(conj("건네다", st.tense, st.speech)));
      const std::string hand_en = st.tense == Tense::Future ? "hand"
                                  : st.tense == Tense::Past ? "handed"
                                                            : en_verb({"hand", "handed"}, st.tense, a.agr);
      out.en = en_sentence(
          {a.en, en_verb({"apologize", "apologized"}, st.tense, a.agr), "and", hand_en, rec.en, "an apple"});
      break;
    }
    default:
      as_apology("뜻");
      out.ko.push_back(rec.word);
      out.ko.push_back(w("사과"));
      out.ko.push_back(w("한"));
      out.ko.push_back(w("상자", Particle::Object));
      out.ko.push_back(w(conj("보내다", st.tense, st.speech)));
      out.en =
          en_sentence({a.en, en_verb({"send", "sent"}, st.tense, a.agr), rec.en, "a box of apples", "as an apology"});
  }
  return labelled(out, "both");
}

// =====================================================================================================
// Generation
// =====================================================================================================

using Frame = Rendered (*)(Rng&, const Style&);
struct Weighted {
  Frame frame;
  std::uint32_t weight;
};

const std::vector<Weighted>& general_frames() {
  static const std::vector<Weighted> v = {
      {frame_eat, 16},         {frame_describe, 14}, {frame_go, 10},    {frame_activity, 12},
      {frame_intransitive, 8}, {frame_tool, 8},      {frame_give, 7},   {frame_buy, 7},
      {frame_have, 6},         {frame_where, 6},     {frame_copula, 6},
  };
  return v;
}
const std::vector<Weighted>& sagwa_frames() {
  static const std::vector<Weighted> v = {
      {apple_eat, 14},     {apple_taste, 8},     {apple_prepare, 8},   {apple_use, 10},       {apple_is, 6},
      {apology_basic, 16}, {apology_reason, 10}, {apology_accept, 10}, {apology_gesture, 10}, {sagwa_both, 8},
  };
  return v;
}

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
  const std::vector<Weighted>& frames = sagwa ? sagwa_frames() : general_frames();
  std::uint32_t total = 0;
  for (const Weighted& f : frames) total += f.weight;
  std::uint32_t x = r.below(total);
  for (const Weighted& f : frames) {
    if (x < f.weight) return f.frame(r, st);
    x -= f.weight;
  }
  return frames.back().frame(r, st);
}

// The learner's sentences (seed notes) and the brief's 사과 examples, always in `train`.
struct Fixed {
  const char* marked;  // base|particle
  const char* en;
  const char* label;
};
const std::vector<Fixed>& seed_sentences() {
  static const std::vector<Fixed> v = {
      {"나|는 밥|을 먹었다", "I ate rice", ""},
      {"밥|을 나|는 먹었다", "I ate rice", ""},
      {"고양이|는 귀엽다", "The cat is cute", ""},
      {"사과|의 의미|로 사과|를 구매해서 드렸다", "I bought apples and gave them as an apology", "both"},
  };
  return v;
}
const std::vector<Fixed>& sagwa_examples() {
  static const std::vector<Fixed> v = {
      {"사과|의 의미|로 사과|를 구매해서 드렸다", "I bought apples and gave them as an apology", "both"},
      {"나|는 사과|를 먹었다", "I ate an apple", "apple"},
      {"사과|가 달다", "The apple is sweet", "apple"},
      {"나|는 칼|로 사과|를 깎았다", "I peeled an apple with a knife", "apple"},
      {"나|는 빨간 사과|를 샀다", "I bought a red apple", "apple"},
      {"나|는 사과 주스|를 마셨다", "I drank apple juice", "apple"},
      {"나|는 친구|에게 사과|를 했다", "I apologized to my friend", "apology"},
      {"나|는 진심|으로 사과했다", "I sincerely apologized", "apology"},
      {"친구|가 내 사과|를 받아 주었다", "My friend accepted my apology", "apology"},
  };
  return v;
}

struct Item {
  std::string text;  // the corpus line
  std::string label;
  std::vector<KoreanWord> ko_words;
  std::string ko, en;
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

Item make_item(Mode m, std::vector<KoreanWord> words, std::string en, std::string label) {
  Item it;
  it.ko = ko::join_words(words);
  it.en = std::move(en);
  it.ko_words = m == Mode::English ? std::vector<KoreanWord>{} : std::move(words);
  it.label = std::move(label);
  it.text = m == Mode::English ? it.en : m == Mode::Pair ? it.ko + "\t" + it.en : it.ko;
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
  for (const Fixed& f : m == Mode::Sagwa ? sagwa_examples() : seed_sentences()) {
    if (full()) break;
    add(make_item(m, ko::parse_marked(f.marked), f.en, m == Mode::English ? "" : f.label));
  }
  *n_fixed = items.size();
  Rng rng(seed, stream_of(m));
  int misses = 0;
  while (!full() && misses < 5000) {
    Rendered x = draw(rng, m);
    if (add(make_item(m, std::move(x.ko), std::move(x.en), m == Mode::English ? "" : x.label)))
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
  throw Error("bad_corpus", "unknown corpus '" + name + "' (try ko, en, ko-en or sagwa)");
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

std::vector<std::string> corpus_names() { return {"ko", "en", "ko-en", "sagwa"}; }

Corpus make_corpus(const std::string& name, std::uint64_t seed, int max_sentences) {
  const Mode m = mode_of(name);
  std::size_t n_fixed = 0;
  std::vector<Item> items = generate(m, seed, max_sentences, &n_fixed);
  Corpus c;
  c.name = name;
  for (std::size_t i = 0; i < items.size(); ++i) {
    CorpusSentence s{std::move(items[i].text), std::move(items[i].label), std::move(items[i].ko_words)};
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
                   std::move(items[i].ko_words), held_out(i, n_fixed)});
  return out;
}

}  // namespace tf
