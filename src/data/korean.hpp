#pragma once
// Korean grammar for the built-in corpora: 받침 (final consonant) tests, particle choice and the
// conjugation of the verbs and adjectives the templates use.
//
// Everything works on precomposed Hangul syllables (U+AC00..U+D7A3), where
//
//   syllable = 0xAC00 + (lead * 21 + vowel) * 28 + tail        tail 0 = no 받침, tail 8 = ㄹ
//
// Worked example. 밥 = U+BC25: index 0xBC25 - 0xAC00 = 4133, 4133 % 28 = 17 (ㅂ) -> it has a 받침, so
// the object particle is 을: 밥을. 사과 ends in 과 = U+ACFC: (0xACFC - 0xAC00) % 28 = 0 -> no 받침 -> 를:
// 사과를. 연필 ends in 필 whose tail is 8 (ㄹ) -> 으로/로 takes 로 (연필로), although 필 has a 받침.
// 먹다 (stem 먹, 받침 ㄱ, vowel ㅓ): past 먹 + 어 + ㅆ = 먹었다, polite 먹어요, formal 먹습니다,
// future 먹을 것이다. 귀엽다 is ㅂ-irregular: ㅂ becomes 우 before a vowel, 우 + 어 = 워 -> 귀여워요.
//
// The rules cover regular stems plus the ㅂ, ㄷ and 르 irregular classes, 하다 (해), 으 drop (크다 ->
// 커요) and ㄹ drop (만들다 -> 만든다, 만듭니다). Not supported (and not used): ㅎ, ㅅ, 러, 우 irregulars
// (빨갛다, 짓다, 이르다, 푸다) and subject honorifics (-시-). predicate() lists every word the corpora use.
#include <string>
#include <string_view>
#include <vector>

namespace tf::ko {

// ---- 받침 ------------------------------------------------------------------------------------------
// True when a precomposed syllable has a final consonant (false for anything that is not a syllable).
bool has_final_consonant(char32_t syllable);
// True when the final consonant is ㄹ (tail index 8), e.g. 필, 물, 칼.
bool final_is_rieul(char32_t syllable);

// The last code point of `word`; throws tf::Error("not_hangul") unless it is a Hangul syllable.
char32_t last_syllable(std::string_view word);
bool has_final_consonant(std::string_view word);
bool final_is_rieul(std::string_view word);

// ---- particles (조사) -----------------------------------------------------------------------------
enum class Particle {
  None,
  Topic,    // 은/는   topic: 동생은, 고양이는
  Subject,  // 이/가   subject: 책이, 사과가
  Object,   // 을/를   object: 밥을, 사과를
  With,     // 과/와   "and", "with": 형과, 친구와
  Ro,       // 으로/로 direction, means, "as": 집으로, 학교로, 연필로 (ㄹ받침 takes 로)
  Ui,       // 의      possessive: 사과의
  E,        // 에      place/time "at", "to": 학교에, 아침에
  Eseo,     // 에서    where an action happens: 학교에서
  Ege,      // 에게    to a person or animal: 친구에게
  Kke,      // 께      to a person one honours: 선생님께
};

// The particle's form after `noun` ("을", "는", "로", ...); "" for Particle::None.
std::string particle_for(std::string_view noun, Particle particle);
std::string topic_particle(std::string_view noun);    // 은/는
std::string subject_particle(std::string_view noun);  // 이/가
std::string object_particle(std::string_view noun);   // 을/를
std::string with_particle(std::string_view noun);     // 과/와
std::string ro_particle(std::string_view noun);       // 으로/로

// noun + particle. The pronouns 나, 저, 너 contract with the subject particle: 내가, 제가, 네가.
std::string attach(std::string_view noun, Particle particle);

// ---- predicates (용언) ----------------------------------------------------------------------------
enum class Tense { Past, Present, Future };
enum class Speech {
  Plain,   // 해라체: 먹는다, 먹었다          (written, diaries, the seed's sentences)
  Polite,  // 해요체: 먹어요, 먹었어요        (everyday polite speech)
  Formal,  // 합쇼체: 먹습니다, 먹었습니다    (formal, announcements)
};

// The copula 이다 after a noun, as the ending to append: 학생 -> 이다/이에요/입니다, 이었다/이었어요/
// 이었습니다, 일 것이다/일 거예요/일 것입니다; after a vowel 예요 and 였다/였어요/였습니다 (친구예요, 친구였다).
std::string copula(std::string_view noun, Tense tense, Speech speech);

enum class PredicateKind {
  Action,       // 동사: plain present -ㄴ다/-는다 (간다, 먹는다)
  Descriptive,  // 형용사 (and existential 있다): plain present = dictionary form (귀엽다, 있다)
};
enum class Irregular {
  None,
  Bieup,   // ㅂ: 귀엽다 -> 귀여워요, 귀여울 (돕다 -> 도와요)
  Digeut,  // ㄷ: 듣다 -> 들어요, 들을
  Reu,     // 르: 모르다 -> 몰라요, 빠르다 -> 빨라요
};
struct Predicate {
  std::string dictionary;  // "먹다"; a compound like "받아 주다" conjugates its last word
  PredicateKind kind = PredicateKind::Action;
  Irregular irregular = Irregular::None;
};

// The lexicon the corpora use; throws tf::Error("unknown_predicate") for any other word.
const Predicate& predicate(std::string_view dictionary);
const std::vector<Predicate>& lexicon();

// Final forms: conjugate(먹다, Past, Formal) = "먹었습니다"; Future gives -(으)ㄹ 것이다/거예요/것입니다.
// Throws tf::Error("bad_predicate") unless the dictionary form is Hangul ending in 다.
std::string conjugate(const Predicate& p, Tense tense, Speech speech);
std::string a_eo_form(const Predicate& p);            // -아/-어 (infinitive): 먹어, 가, 해, 마셔, 귀여워
std::string connective_seo(const Predicate& p);       // -아서/-어서 "so / and then": 늦어서, 구매해서
std::string connective_myeonseo(const Predicate& p);  // -(으)면서 "while": 울면서, 먹으면서
std::string future_adnominal(const Predicate& p);     // -(으)ㄹ: 먹을, 갈, 만들, 귀여울, 들을

// ---- words that remember their particle ----------------------------------------------------------
// A sentence of the corpora is a list of these; its text is the words' text() joined by spaces.
// Keeping (base, particle) apart lets a test re-check every particle from the base's last syllable.
struct KoreanWord {
  std::string base;      // "밥", "먹었다", "사과 주스"
  std::string particle;  // "을", or "" for words without one (verbs, adverbs)
  std::string text() const { return base + particle; }
  bool operator==(const KoreanWord& o) const { return base == o.base && particle == o.particle; }
};
KoreanWord word(std::string base, Particle particle = Particle::None);
std::string join_words(const std::vector<KoreanWord>& words);
// Parses "나|는 밥|을 먹었다" (base|particle, space-separated) into words; used for fixed sentences.
std::vector<KoreanWord> parse_marked(std::string_view marked);

}  // namespace tf::ko
