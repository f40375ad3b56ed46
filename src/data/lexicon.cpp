// The lexicon (data/lexicon.hpp), built from the vocabulary tables (vocabulary.cpp) and the words the
// frames keep in their own tables (listed below by category), plus the lookups the word links use.
#include "data/lexicon.hpp"

#include <map>
#include <utility>

#include "core/error.hpp"
#include "data/frames.hpp"

namespace tf {
namespace {

// "my friend" -> "friend", "the library" -> "library", "in the morning" -> "morning".
std::string strip_prefix(std::string s, std::initializer_list<const char*> prefixes) {
  for (const char* p : prefixes) {
    const std::string prefix(p);
    if (s.compare(0, prefix.size(), prefix) == 0) return s.substr(prefix.size());
  }
  return s;
}

// Words of the frames' own tables (frames.cpp, frames_sagwa.cpp): utensils, transport, tools and
// what they are used on, activities' objects, places things are kept in, the copula's categories,
// and every verb with its base form.
struct Word {
  const char* ko;
  const char* en;
};
const std::vector<std::pair<const char*, std::vector<Word>>>& frame_words() {
  static const std::vector<std::pair<const char*, std::vector<Word>>> v = {
      {"animals", {{"동물", "animal"}}},
      {"foods", {{"과일", "fruit"}, {"채소", "vegetable"}, {"음료", "drink"}, {"파이", "pie"}, {"잼", "jam"}}},
      {"things",
       {{"숟가락", "spoon"},  {"젓가락", "chopsticks"}, {"포크", "fork"},       {"빨대", "straw"}, {"손", "hand"},
        {"버스", "bus"},      {"지하철", "subway"},     {"기차", "train"},      {"택시", "taxi"},  {"비행기", "plane"},
        {"그림", "picture"},  {"축구", "soccer"},       {"영화", "movie"},      {"음악", "music"}, {"숙제", "homework"},
        {"펜", "pen"},        {"붓", "brush"},          {"크레파스", "crayon"}, {"칼", "knife"},   {"가위", "scissors"},
        {"수건", "towel"},    {"휴지", "tissue"},       {"걸레", "rag"},        {"비누", "soap"},  {"시", "poem"},
        {"종이", "paper"},    {"끈", "string"},         {"얼굴", "face"},       {"발", "foot"},    {"책상", "desk"},
        {"안경", "glasses"},  {"바닥", "floor"},        {"창문", "window"},     {"상자", "box"},   {"냉장고", "fridge"},
        {"바구니", "basket"}, {"날씨", "weather"}}},
      {"verbs",
       {{"먹다", "eat"},
        {"마시다", "drink"},
        {"가다", "go"},
        {"오다", "come"},
        {"돌아오다", "come back"},
        {"뛰어가다", "run"},
        {"향하다", "head"},
        {"걷다", "walk"},
        {"공부하다", "study"},
        {"읽다", "read"},
        {"놀다", "play"},
        {"쉬다", "rest"},
        {"일하다", "work"},
        {"노래하다", "sing"},
        {"운동하다", "exercise"},
        {"그리다", "draw"},
        {"하다", "do"},
        {"보다", "watch"},
        {"듣다", "listen"},
        {"타다", "ride"},
        {"요리하다", "cook"},
        {"달리다", "run"},
        {"자다", "sleep"},
        {"웃다", "laugh"},
        {"울다", "cry"},
        {"춤추다", "dance"},
        {"쓰다", "write"},
        {"깎다", "peel"},
        {"자르다", "cut"},
        {"닦다", "wipe"},
        {"씻다", "wash"},
        {"주다", "give"},
        {"드리다", "give"},
        {"사다", "buy"},
        {"구매하다", "buy"},
        {"있다", "have"},
        {"만들다", "make"},
        {"건네다", "hand"},
        {"보내다", "send"},
        {"사과하다", "apologize"},
        {"사과드리다", "apologize"},
        {"받아 주다", "accept"},
        {"늦다", "be late"},
        {"어기다", "break"},
        {"화를 내다", "get angry"}}},
      {"adjectives", {{"빨갛다", "red"}, {"달콤하다", "sweet"}}},  // 빨간 사과, 달콤한 사과
  };
  return v;
}

std::vector<LexiconEntry> build() {
  using namespace gen;
  std::vector<LexiconEntry> out;
  std::map<std::pair<std::string, std::string>, std::string> seen;  // (ko, category) -> en
  const auto add = [&](const std::string& ko, const std::string& en, const std::string& category) {
    const auto [it, added] = seen.emplace(std::make_pair(ko, category), en);
    if (!added && it->second != en)
      throw Error("bad_corpus", "the lexicon has two English words for " + ko + " (" + category + ")");
    if (added) out.push_back({ko, en, category});
  };
  const auto add_frame_words = [&](const std::string& category) {
    for (const auto& [c, words] : frame_words())
      if (category == c)
        for (const Word& x : words) add(x.ko, x.en, category);
  };

  for (const Person& p : people()) add(p.ko, *p.en_noun ? p.en_noun : p.en, "people");
  add("저", "I", "people");  // 나 and 우리 in 해요체 and 합쇼체
  add("저희", "we", "people");
  for (const Kin& k : kin()) add(k.ko, strip_prefix(k.en, {"my "}), "people");
  for (const Job& j : jobs()) add(j.ko, j.en, "people");
  for (const Animal& a : animals()) add(a.ko, a.en, "animals");
  add_frame_words("animals");
  for (const Food& f : foods()) add(f.ko, f.en, "foods");
  add_frame_words("foods");
  for (const Thing& t : things()) add(t.ko, t.en, "things");
  add_frame_words("things");
  // A place by the noun its frames say: "to school", "home" (집 is "home": at home, go home).
  for (const Place& p : places()) add(p.ko, strip_prefix(strip_prefix(p.to, {"to "}), {"the "}), "places");
  for (const TimeWord& t : time_words()) add(t.ko, strip_prefix(t.en, {"in the ", "on the ", "at "}), "times");
  for (const Number& n : numbers()) add(n.ko, n.en, "numbers");
  add_frame_words("verbs");
  for (const Adjective& a : adjectives()) add(a.ko, a.en, "adjectives");
  for (const State& s : person_states())
    add(s.noun ? ko::attach(s.noun, ko::Particle::Subject) + " " + s.dictionary : s.dictionary, s.en,
        "adjectives");  // 키가 크다
  add_frame_words("adjectives");
  for (const State& s : feelings())
    add(s.noun ? ko::attach(s.noun, ko::Particle::Subject) + " " + s.dictionary : s.dictionary, s.en,
        "feelings");  // 화가 나다
  return out;
}

}  // namespace

const std::vector<LexiconEntry>& lexicon() {
  static const std::vector<LexiconEntry> v = build();
  return v;
}

const std::vector<std::string>& lexicon_categories() {
  static const std::vector<std::string> v = {"people", "animals", "foods", "things",     "places",
                                             "times",  "numbers", "verbs", "adjectives", "feelings"};
  return v;
}

namespace gen {

const char* noun_category(const std::string& ko) {
  static const std::map<std::string, const char*> nouns = [] {
    std::map<std::string, const char*> m;
    for (const LexiconEntry& e : lexicon())
      if (e.category != "verbs" && e.category != "adjectives" && e.category != "feelings")
        m.emplace(e.ko, e.category.c_str());
    return m;
  }();
  const auto it = nouns.find(ko);
  return it == nouns.end() ? nullptr : it->second;
}

const LexiconEntry* find_entry(const std::string& ko, const std::string& category) {
  static const std::map<std::pair<std::string, std::string>, const LexiconEntry*> entries = [] {
    std::map<std::pair<std::string, std::string>, const LexiconEntry*> m;
    for (const LexiconEntry& e : lexicon()) m.emplace(std::make_pair(e.ko, e.category), &e);
    return m;
  }();
  const auto it = entries.find({ko, category});
  return it == entries.end() ? nullptr : it->second;
}

}  // namespace gen
}  // namespace tf
