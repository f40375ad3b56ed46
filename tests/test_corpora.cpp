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
  CHECK(tf::corpus_names() == std::vector<std::string>{"ko", "en", "ko-en", "sagwa"});
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
  CHECK(labelled >= 40);  // some pairs teach the two senses of 사과
  CHECK(tf::make_parallel(11, 25).size() == 25);
}
