#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "data/corpora.hpp"
#include "data/korean.hpp"

namespace {

using tf::ko::Irregular;
using tf::ko::Particle;
using tf::ko::PredicateKind;
using tf::ko::Speech;
using tf::ko::Tense;

// ---- an independent particle check: no tables of words, only the Unicode arithmetic ---------------

// The last code point of a UTF-8 string (Hangul syllables are 3 bytes: 1110xxxx 10xxxxxx 10xxxxxx).
char32_t last_code_point(const std::string& s) {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  REQUIRE(i > 0);
  const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[k])); };
  const std::size_t lead = i - 1;
  if (b(lead) < 0x80) return b(lead);
  if ((b(lead) & 0xF0) == 0xE0) return ((b(lead) & 0x0F) << 12) | ((b(lead + 1) & 0x3F) << 6) | (b(lead + 2) & 0x3F);
  if ((b(lead) & 0xE0) == 0xC0) return ((b(lead) & 0x1F) << 6) | (b(lead + 1) & 0x3F);
  return ((b(lead) & 0x07) << 18) | ((b(lead + 1) & 0x3F) << 12) | ((b(lead + 2) & 0x3F) << 6) | (b(lead + 3) & 0x3F);
}
bool is_syllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
bool batchim(char32_t c) { return (c - 0xAC00) % 28 != 0; }
bool rieul(char32_t c) { return (c - 0xAC00) % 28 == 8; }

// Alternating particles: form after a consonant, after a vowel, after ㄹ.
struct Family {
  const char* consonant;
  const char* vowel;
  const char* after_rieul;
};
const Family kFamilies[] = {
    {"은", "는", "은"},
    {"이", "가", "이"},
    {"을", "를", "을"},
    {"과", "와", "과"},
    {"으로", "로", "로"},
    {"이에요", "예요", "이에요"},
    {"이었다", "였다", "이었다"},
    {"이었어요", "였어요", "이었어요"},
    {"이었습니다", "였습니다", "이었습니다"},
};
// Particles (and copula endings) that do not alternate.
const std::set<std::string> kInvariant = {"의",   "에",     "에서",      "에게",      "께",
                                          "이다", "입니다", "일 것이다", "일 거예요", "일 것입니다"};

// "" when the particle fits the noun, else a description of the mistake.
std::string particle_error(const tf::ko::KoreanWord& w) {
  if (w.particle.empty() || kInvariant.count(w.particle)) return "";
  const char32_t last = last_code_point(w.base);
  if (!is_syllable(last)) return "particle after a non-Hangul word: " + w.text();
  for (const Family& f : kFamilies) {
    if (w.particle != f.consonant && w.particle != f.vowel && w.particle != f.after_rieul) continue;
    const std::string want = !batchim(last) ? f.vowel : rieul(last) ? f.after_rieul : f.consonant;
    return w.particle == want ? "" : w.base + "+" + w.particle + " should take " + want;
  }
  return "unknown particle '" + w.particle + "' in " + w.text();
}

// Every Korean sentence: its words join to the text, and every particle fits.
void check_korean(const std::string& korean, const std::vector<tf::ko::KoreanWord>& words,
                  std::map<std::string, int>* seen = nullptr) {
  INFO(korean);
  REQUIRE(!words.empty());
  CHECK(tf::ko::join_words(words) == korean);
  for (const auto& w : words) {
    CHECK(particle_error(w) == "");
    if (seen && !w.particle.empty()) {
      const char32_t last = last_code_point(w.base);
      ++(*seen)[w.particle + (rieul(last) ? " after ㄹ" : batchim(last) ? " after 받침" : " after vowel")];
    }
  }
  // Only Hangul syllables and single spaces: nothing broken, no stray Latin.
  std::u32string cps;
  for (std::size_t i = 0; i < korean.size();) {
    const unsigned char c = static_cast<unsigned char>(korean[i]);
    const std::size_t n = c < 0x80 ? 1 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xE0) == 0xC0 ? 2 : 4;
    const char32_t cp = last_code_point(korean.substr(0, i + n));
    CHECK((cp == U' ' || is_syllable(cp)));
    i += n;
  }
  CHECK(korean.find("  ") == std::string::npos);
}

// English a/an: "an" exactly before a word starting with a vowel letter (the vocabulary has no
// "hour" / "university" style exceptions; tf::en::indefinite_article handles those, tested below).
void check_articles(const std::string& english) {
  INFO(english);
  std::vector<std::string> toks;
  std::size_t i = 0;
  while (i <= english.size()) {
    std::size_t j = english.find(' ', i);
    if (j == std::string::npos) j = english.size();
    toks.push_back(english.substr(i, j - i));
    i = j + 1;
  }
  for (std::size_t k = 0; k + 1 < toks.size(); ++k) {
    const std::string t = toks[k] == "A" ? "a" : toks[k] == "An" ? "an" : toks[k];
    if (t != "a" && t != "an") continue;
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(toks[k + 1][0])));
    const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    CHECK(t == (vowel ? "an" : "a"));
  }
  // Agreement with I / we: "I was", "I ate", never "I is" / "I eats" / "We was".
  if (toks.size() > 1 && toks[0] == "I") CHECK((toks[1] == "was" || toks[1].back() != 's'));
  if (toks.size() > 1 && toks[0] == "We") CHECK(toks[1].back() != 's');
  CHECK(!english.empty());
  CHECK(std::isupper(static_cast<unsigned char>(english[0])));
}

std::string korean_side(const tf::Corpus& c, const tf::CorpusSentence& s) {
  return c.name == "ko-en" ? s.text.substr(0, s.text.find('\t')) : s.text;
}

std::vector<std::string> all_texts(const tf::Corpus& c) {
  std::vector<std::string> out;
  for (const auto& s : c.train) out.push_back(s.text);
  for (const auto& s : c.heldout) out.push_back(s.text);
  return out;
}

// 사과 used as "apology": 사과의 (의미로, 편지, 말씀), 사과 + a verb ending (사과했다, 사과드렸다, 사과하면서),
// or 사과를 + 하다 / 받아 주다. Apple sentences never contain these.
bool has_apology_cue(const std::string& text) {
  const std::string sagwa = "사과";
  for (std::size_t at = text.find(sagwa); at != std::string::npos; at = text.find(sagwa, at + 1)) {
    const std::string next = text.substr(at + sagwa.size(), 3);
    for (const char* v : {"했", "하", "한", "할", "합", "해", "드", "의"})
      if (next == v) return true;
    const std::string object = "사과를 ";
    if (text.compare(at, object.size(), object) == 0) {
      const std::string verb = text.substr(at + object.size(), 3);
      for (const char* v : {"했", "하", "한", "할", "합", "해", "받"})
        if (verb == v) return true;
    }
  }
  return false;
}

bool has_train_line(const tf::Corpus& c, const std::string& text) {
  for (const auto& s : c.train)
    if (s.text == text) return true;
  return false;
}

// ---- word links: an independent look-up of each link's lexicon entry --------------------------------

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  for (std::size_t j; (j = s.find(' ', i)) != std::string::npos; i = j + 1) out.push_back(s.substr(i, j - i));
  out.push_back(s.substr(i));
  return out;
}
std::string lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }
bool is_noun_category(const std::string& c) { return c != "verbs" && c != "adjectives" && c != "feelings"; }

// Every form the Korean grammar gives a predicate in ko-en pairs (plain speech), as the first word of
// the form (먹을 of 먹을 것이다, 받아 of 받아 줬다): the finite forms and the -아서 / -면서 connectives.
// The dictionary form is the entry's last word (키가 크다 -> 크다) unless the whole is a predicate
// (받아 주다). Empty for what ko::predicate does not know.
std::set<std::string> compute_plain_forms(const std::string& entry_ko) {
  const tf::ko::Predicate* p = nullptr;
  for (const std::string& dictionary : {entry_ko, split_words(entry_ko).back()}) {
    try {
      p = &tf::ko::predicate(dictionary);
      break;
    } catch (const tf::Error&) {
    }
  }
  if (!p) return {};
  std::set<std::string> out = {tf::ko::connective_seo(*p), tf::ko::connective_myeonseo(*p)};
  for (Tense t : {Tense::Past, Tense::Present, Tense::Future})
    out.insert(split_words(tf::ko::conjugate(*p, t, Speech::Plain)).front());
  return out;
}
const std::set<std::string>& plain_forms(const std::string& entry_ko) {
  static std::map<std::string, std::set<std::string>> cache;
  const auto it = cache.find(entry_ko);
  return it != cache.end() ? it->second : cache.emplace(entry_ko, compute_plain_forms(entry_ko)).first->second;
}

// The lexicon entry a link renders, found from the two words alone, or nullptr:
//   nouns       the Korean word starts with the entry's stem (밥을, 의사이다, 사과 of 사과 세 개를) and the
//               English word is the last word of the entry's English or its plural (brother, apples, feet),
//               maybe with a possessive 's (Minsu's apology)
//   adjectives  the Korean word is a form of the entry's predicate (귀엽다, 컸다 of 키가 크다) and the
//   feelings    English word is the entry's English (cute, tall, angry)
//   verbs       the Korean word is a form of the entry's verb (먹었다, 먹을, 걸어서, 받아) and, unless the
//               Korean is past or a connective (English past forms are irregular: ate, ran), the English
//               word is its base or third-person form (eat, eats; come of "come back")
// The longest matching Korean entry wins (공책 over 공).
const tf::LexiconEntry* entry_of(const tf::WordLink& link, const std::vector<std::string>& en_words,
                                 const std::vector<std::string>& ko_words) {
  std::string en = lowercase(en_words.at(static_cast<std::size_t>(link.en_word)));
  if (is_noun_category(link.category) && en.size() > 2 && en.compare(en.size() - 2, 2, "'s") == 0)
    en.resize(en.size() - 2);
  const std::string& ko = ko_words.at(static_cast<std::size_t>(link.ko_word));
  const tf::LexiconEntry* best = nullptr;
  for (const tf::LexiconEntry& e : tf::lexicon()) {
    if (e.category != link.category) continue;
    bool match = false;
    if (is_noun_category(e.category)) {
      const std::string head = lowercase(split_words(e.en).back());
      match = starts_with(ko, e.ko) && (en == head || en == lowercase(tf::en::plural(head)));
    } else if (e.category != "verbs") {
      match = plain_forms(e.ko).count(ko) && en == e.en;
    } else if (plain_forms(e.ko).count(ko)) {
      const tf::ko::Predicate& p = tf::ko::predicate(e.ko);
      const auto first_word = [&](Tense t) { return split_words(tf::ko::conjugate(p, t, Speech::Plain)).front(); };
      // (받아 of 받아 줬다 / 받아 준다 tells no tense: then any English form)
      const bool non_past =
          ko != first_word(Tense::Past) && (ko == first_word(Tense::Present) || ko == first_word(Tense::Future));
      const std::string base = split_words(e.en).front();
      match = !non_past || en == base || en == tf::en::third_person(base);
    }
    if (match && (!best || e.ko.size() > best->ko.size())) best = &e;
  }
  return best;
}

// Checks a pair's links: in range, one per word on each side, in English order, each rendering an entry.
void check_links(const tf::ParallelPair& p, std::set<const tf::LexiconEntry*>* used = nullptr) {
  INFO(p.ko << " / " << p.en << " / " << tf::links_text(p.links));
  const std::vector<std::string> en_words = split_words(p.en), ko_words = split_words(p.ko);
  const std::vector<tf::WordLink> links = tf::align_words(p);
  CHECK(!links.empty());
  std::set<int> en_seen, ko_seen;
  int last = -1;
  for (const tf::WordLink& l : links) {
    REQUIRE(l.en_word >= 0);
    REQUIRE(l.en_word < static_cast<int>(en_words.size()));
    REQUIRE(l.ko_word >= 0);
    REQUIRE(l.ko_word < static_cast<int>(ko_words.size()));
    CHECK(en_seen.insert(l.en_word).second);
    CHECK(ko_seen.insert(l.ko_word).second);
    CHECK(l.en_word > last);
    last = l.en_word;
    INFO(en_words[static_cast<std::size_t>(l.en_word)] << " - " << ko_words[static_cast<std::size_t>(l.ko_word)] << " ("
                                                       << l.category << ")");
    const tf::LexiconEntry* e = entry_of(l, en_words, ko_words);
    CHECK(e != nullptr);
    if (e && used) used->insert(e);
  }
}

// The words a link joins, as "en=ko".
std::vector<std::string> linked_words(const tf::ParallelPair& p) {
  const std::vector<std::string> en = split_words(p.en), ko = split_words(p.ko);
  std::vector<std::string> out;
  for (const tf::WordLink& l : tf::align_words(p))
    out.push_back(en.at(static_cast<std::size_t>(l.en_word)) + "=" + ko.at(static_cast<std::size_t>(l.ko_word)) + " " +
                  l.category);
  return out;
}

}  // namespace

// =====================================================================================================
// Korean helpers
// =====================================================================================================

TEST_CASE("받침 tests follow the syllable arithmetic", "[corpus]") {
  CHECK(tf::ko::has_final_consonant(U'밥'));
  CHECK_FALSE(tf::ko::has_final_consonant(U'과'));
  CHECK(tf::ko::final_is_rieul(U'필'));
  CHECK(tf::ko::final_is_rieul(U'칼'));
  CHECK_FALSE(tf::ko::final_is_rieul(U'집'));
  CHECK_FALSE(tf::ko::has_final_consonant(U'a'));
  CHECK(tf::ko::has_final_consonant(std::string("동생")));
  CHECK_FALSE(tf::ko::has_final_consonant(std::string("고양이")));
  try {
    tf::ko::has_final_consonant(std::string("TV"));
    FAIL("expected not_hangul");
  } catch (const tf::Error& e) {
    CHECK(e.code() == "not_hangul");
  }
}

TEST_CASE("particles are chosen by the last syllable", "[corpus]") {
  using namespace tf::ko;
  CHECK(object_particle("사과") == "를");
  CHECK(object_particle("밥") == "을");
  CHECK(ro_particle("연필") == "로");  // ㄹ받침 takes 로
  CHECK(ro_particle("칼") == "로");
  CHECK(ro_particle("지하철") == "로");
  CHECK(ro_particle("학교") == "로");
  CHECK(ro_particle("집") == "으로");
  CHECK(ro_particle("진심") == "으로");
  CHECK(topic_particle("고양이") == "는");
  CHECK(topic_particle("동생") == "은");
  CHECK(with_particle("친구") == "와");
  CHECK(with_particle("형") == "과");
  CHECK(subject_particle("책") == "이");
  CHECK(subject_particle("사과") == "가");
  CHECK(particle_for("학교", Particle::Eseo) == "에서");
  CHECK(particle_for("선생님", Particle::Kke) == "께");
  CHECK(attach("밥", Particle::Object) == "밥을");
  CHECK(attach("나", Particle::Subject) == "내가");
  CHECK(attach("저", Particle::Subject) == "제가");
  CHECK(attach("나", Particle::Topic) == "나는");
  CHECK(word("연필", Particle::Ro).text() == "연필로");
  CHECK(join_words(parse_marked("나|는 밥|을 먹었다")) == "나는 밥을 먹었다");
  CHECK(parse_marked("나|는 밥|을 먹었다")[1] == KoreanWord{"밥", "을"});
}

TEST_CASE("the copula 이다 alternates after vowels", "[corpus]") {
  using tf::ko::copula;
  CHECK(copula("학생", Tense::Present, Speech::Plain) == "이다");
  CHECK(copula("학생", Tense::Present, Speech::Polite) == "이에요");
  CHECK(copula("친구", Tense::Present, Speech::Polite) == "예요");
  CHECK(copula("친구", Tense::Present, Speech::Formal) == "입니다");
  CHECK(copula("학생", Tense::Past, Speech::Plain) == "이었다");
  CHECK(copula("친구", Tense::Past, Speech::Plain) == "였다");
  CHECK(copula("친구", Tense::Past, Speech::Formal) == "였습니다");
  CHECK(copula("학생", Tense::Future, Speech::Plain) == "일 것이다");
}

TEST_CASE("verbs and adjectives conjugate in three tenses and three speech levels", "[corpus]") {
  using tf::ko::predicate;
  const auto c = [](const char* dict, Tense t, Speech s) { return tf::ko::conjugate(predicate(dict), t, s); };
  // 먹다: regular, consonant stem
  CHECK(c("먹다", Tense::Past, Speech::Plain) == "먹었다");
  CHECK(c("먹다", Tense::Present, Speech::Polite) == "먹어요");
  CHECK(c("먹다", Tense::Present, Speech::Formal) == "먹습니다");
  CHECK(c("먹다", Tense::Past, Speech::Formal) == "먹었습니다");
  CHECK(c("먹다", Tense::Future, Speech::Plain) == "먹을 것이다");
  CHECK(c("먹다", Tense::Present, Speech::Plain) == "먹는다");
  // 가다: vowel stem, ㅏ + 아 contracts
  CHECK(c("가다", Tense::Past, Speech::Plain) == "갔다");
  CHECK(c("가다", Tense::Present, Speech::Polite) == "가요");
  CHECK(c("가다", Tense::Present, Speech::Formal) == "갑니다");
  CHECK(c("가다", Tense::Present, Speech::Plain) == "간다");
  CHECK(c("가다", Tense::Future, Speech::Polite) == "갈 거예요");
  // 하다 -> 해
  CHECK(c("하다", Tense::Past, Speech::Plain) == "했다");
  CHECK(c("하다", Tense::Present, Speech::Polite) == "해요");
  CHECK(c("하다", Tense::Present, Speech::Formal) == "합니다");
  CHECK(c("사과하다", Tense::Past, Speech::Plain) == "사과했다");
  // 마시다: ㅣ + 어 -> ㅕ
  CHECK(c("마시다", Tense::Past, Speech::Plain) == "마셨다");
  CHECK(c("마시다", Tense::Present, Speech::Polite) == "마셔요");
  CHECK(c("마시다", Tense::Present, Speech::Formal) == "마십니다");
  // 귀엽다: ㅂ irregular adjective
  CHECK(c("귀엽다", Tense::Present, Speech::Plain) == "귀엽다");
  CHECK(c("귀엽다", Tense::Present, Speech::Polite) == "귀여워요");
  CHECK(c("귀엽다", Tense::Present, Speech::Formal) == "귀엽습니다");
  CHECK(c("귀엽다", Tense::Past, Speech::Plain) == "귀여웠다");
  CHECK(c("귀엽다", Tense::Future, Speech::Plain) == "귀여울 것이다");
  CHECK(c("돕다", Tense::Present, Speech::Polite) == "도와요");
  // ㄷ irregular, 르 irregular, 으 drop, ㄹ drop
  CHECK(c("듣다", Tense::Present, Speech::Polite) == "들어요");
  CHECK(c("듣다", Tense::Present, Speech::Plain) == "듣는다");
  CHECK(c("걷다", Tense::Past, Speech::Plain) == "걸었다");
  CHECK(c("모르다", Tense::Present, Speech::Polite) == "몰라요");
  CHECK(c("빠르다", Tense::Past, Speech::Polite) == "빨랐어요");
  CHECK(c("자르다", Tense::Present, Speech::Plain) == "자른다");
  CHECK(c("크다", Tense::Present, Speech::Polite) == "커요");
  CHECK(c("쓰다", Tense::Past, Speech::Plain) == "썼다");
  CHECK(c("배고프다", Tense::Present, Speech::Polite) == "배고파요");
  CHECK(c("예쁘다", Tense::Present, Speech::Polite) == "예뻐요");
  CHECK(c("만들다", Tense::Present, Speech::Plain) == "만든다");
  CHECK(c("만들다", Tense::Present, Speech::Formal) == "만듭니다");
  CHECK(c("만들다", Tense::Future, Speech::Plain) == "만들 것이다");
  CHECK(c("달다", Tense::Present, Speech::Formal) == "답니다");
  CHECK(c("울다", Tense::Present, Speech::Plain) == "운다");
  // other vowel contractions
  CHECK(c("보다", Tense::Past, Speech::Plain) == "봤다");
  CHECK(c("주다", Tense::Present, Speech::Polite) == "줘요");
  CHECK(c("되다", Tense::Past, Speech::Plain) == "됐다");
  CHECK(c("쉬다", Tense::Past, Speech::Plain) == "쉬었다");
  CHECK(c("드리다", Tense::Past, Speech::Plain) == "드렸다");
  CHECK(c("받아 주다", Tense::Past, Speech::Plain) == "받아 줬다");
  CHECK(c("있다", Tense::Present, Speech::Plain) == "있다");
  // connective forms
  CHECK(tf::ko::connective_seo(predicate("구매하다")) == "구매해서");
  CHECK(tf::ko::connective_seo(predicate("늦다")) == "늦어서");
  CHECK(tf::ko::connective_seo(predicate("걷다")) == "걸어서");
  CHECK(tf::ko::connective_myeonseo(predicate("울다")) == "울면서");
  CHECK(tf::ko::connective_myeonseo(predicate("먹다")) == "먹으면서");
  CHECK(tf::ko::future_adnominal(predicate("듣다")) == "들을");

  // Every lexicon entry conjugates to Hangul in every form.
  for (const auto& p : tf::ko::lexicon())
    for (Tense t : {Tense::Past, Tense::Present, Tense::Future})
      for (Speech s : {Speech::Plain, Speech::Polite, Speech::Formal}) {
        const std::string f = tf::ko::conjugate(p, t, s);
        INFO(p.dictionary << " -> " << f);
        CHECK(is_syllable(last_code_point(f)));
      }

  try {
    predicate("빨갛다");
    FAIL("expected unknown_predicate");
  } catch (const tf::Error& e) {
    CHECK(e.code() == "unknown_predicate");
  }
  try {
    tf::ko::conjugate({"먹어", PredicateKind::Action, Irregular::None}, Tense::Past, Speech::Plain);
    FAIL("expected bad_predicate");
  } catch (const tf::Error& e) {
    CHECK(e.code() == "bad_predicate");
  }
}

TEST_CASE("English articles, plurals and third-person -s", "[corpus]") {
  using namespace tf::en;
  CHECK(with_article("apple") == "an apple");
  CHECK(with_article("red apple") == "a red apple");
  CHECK(with_article("umbrella") == "an umbrella");
  CHECK(with_article("cat") == "a cat");
  CHECK(indefinite_article("hour") == "an");
  CHECK(indefinite_article("university") == "a");
  CHECK(indefinite_article("European") == "a");
  CHECK(plural("apple") == "apples");
  CHECK(plural("peach") == "peaches");
  CHECK(plural("puppy") == "puppies");
  CHECK(plural("day") == "days");
  CHECK(plural("potato") == "potatoes");
  CHECK(plural("fish") == "fish");
  CHECK(plural("child") == "children");
  CHECK(plural("police officer") == "police officers");
  CHECK(third_person("eat") == "eats");
  CHECK(third_person("watch") == "watches");
  CHECK(third_person("go") == "goes");
  CHECK(third_person("do") == "does");
  CHECK(third_person("cry") == "cries");
  CHECK(third_person("play") == "plays");
  CHECK(third_person("have") == "has");
  CHECK(third_person("come back") == "comes back");
}

// =====================================================================================================
// Corpora
// =====================================================================================================

TEST_CASE("corpus names and bad requests", "[corpus]") {
  CHECK(tf::corpus_names() == std::vector<std::string>{"ko", "en", "ko-en", "sagwa", "ko-words"});
  try {
    tf::make_corpus("klingon");
    FAIL("expected bad_corpus");
  } catch (const tf::Error& e) {
    CHECK(e.code() == "bad_corpus");
  }
  for (int n : {-1, tf::kMaxCorpusSentences + 1}) {
    try {
      tf::make_corpus("ko", 1, n);
      FAIL("expected bad_corpus_size");
    } catch (const tf::Error& e) {
      CHECK(e.code() == "bad_corpus_size");
    }
  }
}

TEST_CASE("every corpus: size within budget, distinct sentences, disjoint split", "[corpus]") {
  for (const std::string& name : tf::corpus_names()) {
    INFO(name);
    const tf::Corpus c = tf::make_corpus(name);
    CHECK(c.name == name);
    CHECK(c.bytes() >= 30000);
    CHECK(c.bytes() <= 60000);
    CHECK(c.bytes() == c.text().size() + c.text(true).size());
    const std::vector<std::string> texts = all_texts(c);
    const std::set<std::string> distinct(texts.begin(), texts.end());
    CHECK(distinct.size() == texts.size());  // no duplicates, so train and held-out are disjoint
    std::set<std::string> train;
    for (const auto& s : c.train) train.insert(s.text);
    for (const auto& s : c.heldout) CHECK(train.count(s.text) == 0);
    // about one in ten held out
    CHECK(c.heldout.size() * 12 >= texts.size());
    CHECK(c.heldout.size() * 9 <= texts.size());
    for (const auto& s : c.train) CHECK(s.text.find('\n') == std::string::npos);
  }
}

TEST_CASE("every particle of every generated Korean sentence fits its noun", "[corpus]") {
  std::map<std::string, int> seen;
  std::size_t sentences = 0;
  for (const char* name : {"ko", "ko-en", "sagwa"}) {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
      const tf::Corpus c = tf::make_corpus(name, seed);
      for (const auto* part : {&c.train, &c.heldout})
        for (const auto& s : *part) {
          check_korean(korean_side(c, s), s.ko_words, &seen);
          ++sentences;
        }
    }
  }
  for (const auto& p : tf::make_parallel(7)) check_korean(p.ko, p.ko_words, &seen);
  CHECK(sentences > 5000);
  // Both forms of each alternating particle occur, and 로 after ㄹ (연필로, 칼로, 물로) is exercised.
  for (const char* form :
       {"은 after 받침", "는 after vowel", "이 after 받침", "가 after vowel", "을 after 받침", "를 after vowel",
        "과 after 받침", "와 after vowel", "으로 after 받침", "로 after vowel", "로 after ㄹ", "이에요 after 받침",
        "예요 after vowel", "였다 after vowel", "이었다 after 받침"}) {
    INFO(form);
    CHECK(seen[form] > 0);
  }
}

TEST_CASE("the learner's sentences are always in the corpora", "[corpus]") {
  const tf::Corpus ko = tf::make_corpus("ko", 42);
  for (const char* s :
       {"나는 밥을 먹었다", "밥을 나는 먹었다", "고양이는 귀엽다", "사과의 의미로 사과를 구매해서 드렸다"})
    CHECK(has_train_line(ko, s));
  CHECK(ko.train.front().text == "나는 밥을 먹었다");

  const tf::Corpus sagwa = tf::make_corpus("sagwa", 42);
  CHECK(sagwa.train.front().text == "사과의 의미로 사과를 구매해서 드렸다");
  CHECK(sagwa.train.front().label == "both");

  const tf::Corpus en = tf::make_corpus("en", 42);
  CHECK(has_train_line(en, "I ate rice"));
  CHECK(has_train_line(en, "The cat is cute"));

  const tf::Corpus pairs = tf::make_corpus("ko-en", 42);
  CHECK(has_train_line(pairs, "나는 밥을 먹었다\tI ate rice"));
  CHECK(has_train_line(pairs, "밥을 나는 먹었다\tI ate rice"));
  CHECK(has_train_line(pairs, "고양이는 귀엽다\tThe cat is cute"));
  CHECK(has_train_line(pairs, "사과의 의미로 사과를 구매해서 드렸다\tI bought apples and gave them as an apology"));

  // Even a tiny corpus starts with them.
  const tf::Corpus tiny = tf::make_corpus("ko", 1, 3);
  REQUIRE(tiny.train.size() + tiny.heldout.size() == 3);
  CHECK(tiny.train[2].text == "고양이는 귀엽다");
}

TEST_CASE("generation is deterministic per seed", "[corpus]") {
  for (const std::string& name : tf::corpus_names()) {
    INFO(name);
    const tf::Corpus a = tf::make_corpus(name, 5), b = tf::make_corpus(name, 5), c = tf::make_corpus(name, 6);
    CHECK(a.text() == b.text());
    CHECK(a.text(true) == b.text(true));
    CHECK(a.text() != c.text());
  }
  // Pinned lines: the same test binary runs under Node, so passing there shows the browser generates
  // the same corpus as the CLI. (Update these when the vocabulary or the templates change.)
  CHECK(tf::make_corpus("ko", 1).train[4].text == "남동생이 웃었다");
  CHECK(tf::make_corpus("en", 1).train[3].text == "Jisu ate two rice cakes");
  CHECK(tf::make_corpus("sagwa", 1).train[9].text == "저것은 사과입니다");

  const tf::Corpus small = tf::make_corpus("ko", 9, 200);
  CHECK(small.train.size() + small.heldout.size() == 200);
  CHECK(small.heldout.size() == 19);  // 196 generated after the 4 seed sentences: every 10th held out
}

TEST_CASE("the 사과 corpus labels both senses", "[corpus]") {
  const tf::Corpus c = tf::make_corpus("sagwa");
  std::map<std::string, int> count;
  for (const auto* part : {&c.train, &c.heldout})
    for (const auto& s : *part) {
      INFO(s.text << " [" << s.label << "]");
      CHECK((s.label == "apple" || s.label == "apology" || s.label == "both"));
      CHECK(s.text.find("사과") != std::string::npos);
      const bool apology_cue = has_apology_cue(s.text);
      if (s.label == "apple") CHECK_FALSE(apology_cue);
      if (s.label != "apple") CHECK(apology_cue);
      if (part == &c.train) ++count[s.label];
    }
  CHECK(count["apple"] >= 40);
  CHECK(count["apology"] >= 40);
  CHECK(count["both"] >= 5);
  CHECK(count["apple"] + count["apology"] + count["both"] == static_cast<int>(c.train.size()));
}

TEST_CASE("English sentences use a/an correctly", "[corpus]") {
  for (std::uint64_t seed : {1u, 2u}) {
    const tf::Corpus en = tf::make_corpus("en", seed);
    for (const auto* part : {&en.train, &en.heldout})
      for (const auto& s : *part) {
        CHECK(s.ko_words.empty());
        CHECK(s.label.empty());
        check_articles(s.text);
      }
  }
  for (const auto& p : tf::make_parallel(3)) check_articles(p.en);
}

TEST_CASE("ko-en pairs are the parallel pairs, split the same way", "[corpus]") {
  const tf::Corpus c = tf::make_corpus("ko-en", 11);
  const std::vector<tf::ParallelPair> pairs = tf::make_parallel(11);
  std::vector<std::string> train, heldout;
  std::size_t labelled = 0;
  for (const auto& p : pairs) {
    (p.heldout ? heldout : train).push_back(p.ko + "\t" + p.en);
    CHECK(p.ko.find('\t') == std::string::npos);
    CHECK(p.en.find('\t') == std::string::npos);
    if (!p.label.empty()) ++labelled;
  }
  REQUIRE(train.size() == c.train.size());
  REQUIRE(heldout.size() == c.heldout.size());
  for (std::size_t i = 0; i < train.size(); ++i) CHECK(train[i] == c.train[i].text);
  for (std::size_t i = 0; i < heldout.size(); ++i) CHECK(heldout[i] == c.heldout[i].text);
  // The corpus's sentences carry the same word links, in the same order.
  std::vector<std::string> train_links, heldout_links;
  for (const auto& p : pairs) (p.heldout ? heldout_links : train_links).push_back(tf::links_text(p.links));
  for (std::size_t i = 0; i < train.size(); ++i) CHECK(train_links[i] == tf::links_text(c.train[i].links));
  for (std::size_t i = 0; i < heldout.size(); ++i) CHECK(heldout_links[i] == tf::links_text(c.heldout[i].links));
  for (const char* name : {"ko", "en", "sagwa"})
    for (const auto& s : tf::make_corpus(name, 11).train) CHECK(s.links.empty());
  CHECK(labelled >= 40);  // some pairs teach the two senses of 사과
  CHECK(tf::make_parallel(11, 25).size() == 25);
}

// =====================================================================================================
// The lexicon and the word links of the ko-en pairs
// =====================================================================================================

TEST_CASE("the lexicon: one entry per Korean word and category, from the fixed set", "[corpus][lexicon]") {
  const std::vector<std::string>& categories = tf::lexicon_categories();
  CHECK(categories == std::vector<std::string>{"people", "animals", "foods", "things", "places", "times", "numbers",
                                               "verbs", "adjectives", "feelings"});
  std::set<std::pair<std::string, std::string>> seen;
  std::map<std::string, std::set<std::string>> noun_categories;  // Korean noun -> its categories
  std::map<std::string, int> count;
  for (const tf::LexiconEntry& e : tf::lexicon()) {
    INFO(e.ko << " / " << e.en << " / " << e.category);
    CHECK(!e.ko.empty());
    CHECK(!e.en.empty());
    CHECK(std::find(categories.begin(), categories.end(), e.category) != categories.end());
    CHECK(seen.insert({e.ko, e.category}).second);
    if (is_noun_category(e.category)) noun_categories[e.ko].insert(e.category);
    // Nouns without article, verbs in the base form: no "a ", "the ", "my ", "to ".
    for (const char* prefix : {"a ", "an ", "the ", "my ", "to "}) CHECK_FALSE(starts_with(e.en, prefix));
    ++count[e.category];
  }
  for (const std::string& c : categories) CHECK(count[c] > 0);
  // A Korean noun is in one category only, so a link's category follows from its Korean word.
  for (const auto& [ko, cats] : noun_categories) {
    INFO(ko);
    CHECK(cats.size() == 1);
  }
  // The examples of data/lexicon.hpp.
  for (const tf::LexiconEntry& x : std::vector<tf::LexiconEntry>{{"밥", "rice", "foods"},
                                                                 {"먹다", "eat", "verbs"},
                                                                 {"귀엽다", "cute", "adjectives"},
                                                                 {"형", "big brother", "people"},
                                                                 {"나", "I", "people"},
                                                                 {"아침", "morning", "times"},
                                                                 {"집", "home", "places"},
                                                                 {"화가 나다", "angry", "feelings"}}) {
    INFO(x.ko);
    CHECK(seen.count({x.ko, x.category}));
    for (const tf::LexiconEntry& e : tf::lexicon())
      if (e.ko == x.ko && e.category == x.category) CHECK(e.en == x.en);
  }
}

TEST_CASE("the seed sentences' word links", "[corpus][links]") {
  const std::vector<tf::ParallelPair> pairs = tf::make_parallel(1, 4);
  REQUIRE(pairs.size() == 4);
  CHECK(pairs[0].ko == "나는 밥을 먹었다");
  CHECK(linked_words(pairs[0]) == std::vector<std::string>{"I=나는 people", "ate=먹었다 verbs", "rice=밥을 foods"});
  CHECK(tf::links_text(tf::align_words(pairs[0])) == "0:0,1:2,2:1");
  // The same English words, the Korean positions swapped.
  CHECK(pairs[1].ko == "밥을 나는 먹었다");
  CHECK(linked_words(pairs[1]) == std::vector<std::string>{"I=나는 people", "ate=먹었다 verbs", "rice=밥을 foods"});
  CHECK(tf::links_text(tf::align_words(pairs[1])) == "0:1,1:2,2:0");
  CHECK(pairs[2].ko == "고양이는 귀엽다");
  CHECK(linked_words(pairs[2]) == std::vector<std::string>{"cat=고양이는 animals", "cute=귀엽다 adjectives"});
  // 사과의 의미로 사과를 구매해서 드렸다: "I" has no Korean word, 사과의 ("apology") no category.
  CHECK(linked_words(pairs[3]) ==
        std::vector<std::string>{"bought=구매해서 verbs", "apples=사과를 foods", "gave=드렸다 verbs"});
  for (const auto& p : pairs) check_links(p);

  CHECK(tf::links_text({}).empty());
  tf::ParallelPair by_hand;
  by_hand.ko = "나는 밥을 먹었다";
  by_hand.en = "I ate rice";
  CHECK(tf::align_words(by_hand).empty());  // links are recorded when a pair is generated
}

TEST_CASE("every generated pair links its words to lexicon entries", "[corpus][links]") {
  // Every pair has a link; every link is in range and renders a lexicon entry (entry_of).
  std::set<const tf::LexiconEntry*> used;
  for (const auto& p : tf::make_parallel(1, 2000)) check_links(p, &used);
  // Some links of each frame: future forms link their first part (먹을 of 먹을 것이다), phrasal verbs
  // their verb, counted nouns the noun and the numeral, 걸어서 "walked".
  std::set<std::string> all;
  for (const auto& p : tf::make_parallel(2, 6000)) {
    check_links(p, &used);
    for (const std::string& x : linked_words(p)) all.insert(x);
  }
  for (const char* x : {"eat=먹을 verbs", "came=돌아왔다 verbs", "walked=걸어서 verbs", "apples=사과 foods",
                        "three=세 numbers", "home=집에 places", "morning=아침에 times", "chopsticks=젓가락으로 things",
                        "tall=크다 adjectives", "angry=났다 feelings", "doctor=의사이다 people",
                        "fridge=냉장고에 things", "desk=책상 things", "accepted=받아 verbs"}) {
    INFO(x);
    CHECK(all.count(x));
  }
  // The links reach nearly every entry of the lexicon; these are never linked, for the reasons given.
  const std::set<std::string> never = {
      "저",     "저희",                   // polite 나, 우리: ko-en pairs are plain speech
      "빨갛다", "달콤하다",               // 빨간 사과, 달콤한 사과: adnominal forms, left unlinked
      "늦다",   "어기다",   "화를 내다",  // apology reasons: "for being late", "for breaking ..." (gerunds)
      "쉽다",   "어렵다",                 // in the adjective table, but no frame uses them
  };
  for (const tf::LexiconEntry& e : tf::lexicon()) {
    INFO(e.ko << " / " << e.en << " / " << e.category);
    CHECK(used.count(&e) != never.count(e.ko));
  }
}
