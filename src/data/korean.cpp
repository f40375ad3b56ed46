#include "data/korean.hpp"

#include "core/error.hpp"
#include "text/utf8.hpp"

namespace tf::ko {
namespace {

// ---- syllable arithmetic ---------------------------------------------------------------------------
constexpr char32_t kFirst = 0xAC00, kLast = 0xD7A3;

struct Syllable {
  int lead, vowel, tail;  // indexes: 19 leads, 21 vowels, 28 tails (0 = none)
};
bool is_syllable(char32_t c) { return c >= kFirst && c <= kLast; }
Syllable split(char32_t c) {
  const int i = static_cast<int>(c - kFirst);
  return {i / 588, (i % 588) / 28, i % 28};
}
char32_t join(Syllable s) { return kFirst + static_cast<char32_t>((s.lead * 21 + s.vowel) * 28 + s.tail); }

// Vowel indexes (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ).
enum Vowel {
  A = 0,
  AE = 1,
  YA = 2,
  EO = 4,
  E = 5,
  YEO = 6,
  O = 8,
  WA = 9,
  WAE = 10,
  OE = 11,
  YO = 12,
  U = 13,
  WO = 14,
  EU = 18,
  I = 20
};
// Tail indexes used by the rules.
enum Tail { kNoTail = 0, kTailN = 4, kTailD = 7, kTailL = 8, kTailB = 17, kTailSS = 20 };

// 양성모음 (bright vowels) take -아; everything else takes -어.
bool bright(int vowel) { return vowel == A || vowel == YA || vowel == O || vowel == YO || vowel == WA; }

std::u32string to32(std::string_view s) {
  const std::vector<char32_t> v = decode_utf8(s);
  return std::u32string(v.begin(), v.end());
}
std::string to8(const std::u32string& s) {
  std::string out;
  for (const char32_t c : s) append_utf8(out, c);
  return out;
}

// ---- predicate stems -------------------------------------------------------------------------------
// "받아 주다" -> prefix "받아 ", stem 주.
struct Stem {
  std::string prefix;
  std::u32string stem;
};
Stem split_predicate(const Predicate& p) {
  const std::size_t space = p.dictionary.rfind(' ');
  Stem out;
  std::string last = p.dictionary;
  if (space != std::string::npos) {
    out.prefix = p.dictionary.substr(0, space + 1);
    last = p.dictionary.substr(space + 1);
  }
  std::u32string s = to32(last);
  if (s.size() < 2 || s.back() != U'다')
    throw Error("bad_predicate", "a predicate's dictionary form ends in 다: '" + p.dictionary + "'");
  s.pop_back();
  for (const char32_t c : s)
    if (!is_syllable(c)) throw Error("bad_predicate", "not a Hangul predicate: '" + p.dictionary + "'");
  out.stem = s;
  return out;
}

bool is_ha(const std::u32string& s) { return s.back() == U'하'; }

// The -아/-어 form (infinitive) from which past, polite present and -아서 are built.
std::u32string a_eo_stem(std::u32string s, Irregular irr) {
  const std::size_t n = s.size();
  Syllable last = split(s.back());
  if (is_ha(s)) {  // 하다 -> 해
    s.back() = U'해';
    return s;
  }
  if (irr == Irregular::Bieup && last.tail == kTailB) {  // 귀엽 -> 귀여워; 돕, 곱 -> 도와, 고와
    last.tail = kNoTail;
    s.back() = join(last);
    s.push_back(n == 1 && last.vowel == O ? U'와' : U'워');
    return s;
  }
  if (irr == Irregular::Digeut && last.tail == kTailD) {  // 듣 -> 들어
    last.tail = kTailL;
    s.back() = join(last);
    s.push_back(bright(last.vowel) ? U'아' : U'어');
    return s;
  }
  if (irr == Irregular::Reu && n >= 2 && s.back() == U'르') {  // 모르 -> 몰라, 부르 -> 불러
    Syllable prev = split(s[n - 2]);
    prev.tail = kTailL;
    s[n - 2] = join(prev);
    s.back() = bright(prev.vowel) ? U'라' : U'러';
    return s;
  }
  if (last.tail != kNoTail) {  // 먹 -> 먹어, 좋 -> 좋아
    s.push_back(bright(last.vowel) ? U'아' : U'어');
    return s;
  }
  switch (last.vowel) {  // a vowel stem contracts with the ending
    case A:
    case EO:
    case YEO:
    case AE:
    case E:  // 가 -> 가, 서 -> 서, 보내 -> 보내
      return s;
    case O:
      last.vowel = WA;
      break;  // 보 -> 봐
    case U:
      last.vowel = WO;
      break;  // 주 -> 줘
    case I:
      last.vowel = YEO;
      break;  // 마시 -> 마셔
    case OE:
      last.vowel = WAE;
      break;    // 되 -> 돼
    case EU: {  // 으 drops: 크 -> 커, 바쁘 -> 바빠, 예쁘 -> 예뻐
      const bool b = n >= 2 && bright(split(s[n - 2]).vowel);
      last.vowel = b ? A : EO;
      break;
    }
    default:  // ㅟ, ㅢ, ...: no contraction (쉬 -> 쉬어)
      s.push_back(U'어');
      return s;
  }
  s.back() = join(last);
  return s;
}

void set_tail(std::u32string& s, int tail) {
  Syllable last = split(s.back());
  last.tail = tail;
  s.back() = join(last);
}

// The stem as -(으)-endings see it: 귀엽 -> 귀여우, 듣 -> 들으, 먹 -> 먹으, 만들 -> 만들, 가 -> 가.
std::u32string eu_stem(std::u32string s, Irregular irr) {
  const Syllable last = split(s.back());
  if (irr == Irregular::Bieup && last.tail == kTailB) {
    set_tail(s, kNoTail);
    s.push_back(U'우');
  } else if (irr == Irregular::Digeut && last.tail == kTailD) {
    set_tail(s, kTailL);
    s.push_back(U'으');
  } else if (last.tail != kNoTail && last.tail != kTailL) {
    s.push_back(U'으');
  }
  return s;
}

}  // namespace

// ---- 받침 ------------------------------------------------------------------------------------------
bool has_final_consonant(char32_t syllable) { return is_syllable(syllable) && split(syllable).tail != kNoTail; }
bool final_is_rieul(char32_t syllable) { return is_syllable(syllable) && split(syllable).tail == kTailL; }

char32_t last_syllable(std::string_view word) {
  const std::u32string s = to32(word);
  if (s.empty() || !is_syllable(s.back()))
    throw Error("not_hangul", "expected a word ending in a Hangul syllable: '" + std::string(word) + "'");
  return s.back();
}
bool has_final_consonant(std::string_view word) { return has_final_consonant(last_syllable(word)); }
bool final_is_rieul(std::string_view word) { return final_is_rieul(last_syllable(word)); }

// ---- particles ---------------------------------------------------------------------------------------
std::string particle_for(std::string_view noun, Particle particle) {
  if (particle == Particle::None) return "";
  const char32_t last = last_syllable(noun);
  const bool b = has_final_consonant(last);
  switch (particle) {
    case Particle::Topic:
      return b ? "은" : "는";
    case Particle::Subject:
      return b ? "이" : "가";
    case Particle::Object:
      return b ? "을" : "를";
    case Particle::With:
      return b ? "과" : "와";
    case Particle::Ro:
      return b && !final_is_rieul(last) ? "으로" : "로";
    case Particle::Ui:
      return "의";
    case Particle::E:
      return "에";
    case Particle::Eseo:
      return "에서";
    case Particle::Ege:
      return "에게";
    case Particle::Kke:
      return "께";
    case Particle::None:
      break;
  }
  return "";
}
std::string topic_particle(std::string_view noun) { return particle_for(noun, Particle::Topic); }
std::string subject_particle(std::string_view noun) { return particle_for(noun, Particle::Subject); }
std::string object_particle(std::string_view noun) { return particle_for(noun, Particle::Object); }
std::string with_particle(std::string_view noun) { return particle_for(noun, Particle::With); }
std::string ro_particle(std::string_view noun) { return particle_for(noun, Particle::Ro); }

std::string attach(std::string_view noun, Particle particle) {
  if (particle == Particle::Subject) {
    if (noun == "나") return "내가";
    if (noun == "저") return "제가";
    if (noun == "너") return "네가";
  }
  return std::string(noun) + particle_for(noun, particle);
}

std::string copula(std::string_view noun, Tense tense, Speech speech) {
  const bool b = has_final_consonant(noun);
  switch (tense) {
    case Tense::Present:
      if (speech == Speech::Plain) return "이다";
      if (speech == Speech::Polite) return b ? "이에요" : "예요";
      return "입니다";
    case Tense::Past: {
      const std::string past = b ? "이었" : "였";
      if (speech == Speech::Plain) return past + "다";
      if (speech == Speech::Polite) return past + "어요";
      return past + "습니다";
    }
    case Tense::Future:
      if (speech == Speech::Plain) return "일 것이다";
      if (speech == Speech::Polite) return "일 거예요";
      return "일 것입니다";
  }
  return "";
}

// ---- the lexicon -----------------------------------------------------------------------------------
const std::vector<Predicate>& lexicon() {
  using K = PredicateKind;
  using R = Irregular;
  static const std::vector<Predicate> words = {
      // action verbs (동사)
      {"가다", K::Action, R::None},
      {"오다", K::Action, R::None},
      {"돌아오다", K::Action, R::None},
      {"뛰어가다", K::Action, R::None},
      {"향하다", K::Action, R::None},
      {"먹다", K::Action, R::None},
      {"마시다", K::Action, R::None},
      {"공부하다", K::Action, R::None},
      {"읽다", K::Action, R::None},
      {"놀다", K::Action, R::None},
      {"쉬다", K::Action, R::None},
      {"일하다", K::Action, R::None},
      {"노래하다", K::Action, R::None},
      {"운동하다", K::Action, R::None},
      {"그리다", K::Action, R::None},
      {"하다", K::Action, R::None},
      {"보다", K::Action, R::None},
      {"듣다", K::Action, R::Digeut},
      {"타다", K::Action, R::None},
      {"요리하다", K::Action, R::None},
      {"사다", K::Action, R::None},
      {"쓰다", K::Action, R::None},
      {"깎다", K::Action, R::None},
      {"자르다", K::Action, R::Reu},
      {"닦다", K::Action, R::None},
      {"씻다", K::Action, R::None},
      {"주다", K::Action, R::None},
      {"드리다", K::Action, R::None},
      {"자다", K::Action, R::None},
      {"웃다", K::Action, R::None},
      {"울다", K::Action, R::None},
      {"달리다", K::Action, R::None},
      {"걷다", K::Action, R::Digeut},
      {"춤추다", K::Action, R::None},
      {"만들다", K::Action, R::None},
      {"건네다", K::Action, R::None},
      {"구매하다", K::Action, R::None},
      {"보내다", K::Action, R::None},
      {"사과하다", K::Action, R::None},
      {"사과드리다", K::Action, R::None},
      {"받아 주다", K::Action, R::None},
      {"늦다", K::Action, R::None},
      {"어기다", K::Action, R::None},
      {"내다", K::Action, R::None},
      {"나다", K::Action, R::None},
      {"신나다", K::Action, R::None},
      {"돕다", K::Action, R::Bieup},
      {"모르다", K::Action, R::Reu},
      {"만나다", K::Action, R::None},
      {"되다", K::Action, R::None},
      // descriptive verbs (형용사) and existential 있다
      {"있다", K::Descriptive, R::None},
      {"귀엽다", K::Descriptive, R::Bieup},
      {"작다", K::Descriptive, R::None},
      {"크다", K::Descriptive, R::None},
      {"예쁘다", K::Descriptive, R::None},
      {"빠르다", K::Descriptive, R::Reu},
      {"느리다", K::Descriptive, R::None},
      {"조용하다", K::Descriptive, R::None},
      {"시끄럽다", K::Descriptive, R::Bieup},
      {"무섭다", K::Descriptive, R::Bieup},
      {"무겁다", K::Descriptive, R::Bieup},
      {"맛있다", K::Descriptive, R::None},
      {"달다", K::Descriptive, R::None},
      {"맵다", K::Descriptive, R::Bieup},
      {"시다", K::Descriptive, R::None},
      {"짜다", K::Descriptive, R::None},
      {"뜨겁다", K::Descriptive, R::Bieup},
      {"차갑다", K::Descriptive, R::Bieup},
      {"깨끗하다", K::Descriptive, R::None},
      {"넓다", K::Descriptive, R::None},
      {"덥다", K::Descriptive, R::Bieup},
      {"춥다", K::Descriptive, R::Bieup},
      {"좋다", K::Descriptive, R::None},
      {"맑다", K::Descriptive, R::None},
      {"기쁘다", K::Descriptive, R::None},
      {"슬프다", K::Descriptive, R::None},
      {"행복하다", K::Descriptive, R::None},
      {"배고프다", K::Descriptive, R::None},
      {"피곤하다", K::Descriptive, R::None},
      {"외롭다", K::Descriptive, R::Bieup},
      {"심심하다", K::Descriptive, R::None},
      {"바쁘다", K::Descriptive, R::None},
      {"아프다", K::Descriptive, R::None},
      {"친절하다", K::Descriptive, R::None},
      {"똑똑하다", K::Descriptive, R::None},
      {"쉽다", K::Descriptive, R::Bieup},
      {"어렵다", K::Descriptive, R::Bieup},
  };
  return words;
}

const Predicate& predicate(std::string_view dictionary) {
  for (const Predicate& p : lexicon())
    if (p.dictionary == dictionary) return p;
  throw Error("unknown_predicate", "not in the corpus lexicon: '" + std::string(dictionary) + "'");
}

// ---- conjugation -------------------------------------------------------------------------------------
std::string a_eo_form(const Predicate& p) {
  const Stem s = split_predicate(p);
  return s.prefix + to8(a_eo_stem(s.stem, p.irregular));
}

std::string connective_seo(const Predicate& p) { return a_eo_form(p) + "서"; }

std::string connective_myeonseo(const Predicate& p) {
  const Stem s = split_predicate(p);
  return s.prefix + to8(eu_stem(s.stem, p.irregular)) + "면서";
}

std::string future_adnominal(const Predicate& p) {
  const Stem s = split_predicate(p);
  std::u32string f = eu_stem(s.stem, p.irregular);
  if (f.back() == U'으')
    f.back() = U'을';  // 먹으 -> 먹을, 들으 -> 들을
  else if (split(f.back()).tail == kNoTail)
    set_tail(f, kTailL);     // 가 -> 갈, 귀여우 -> 귀여울
  return s.prefix + to8(f);  // ㄹ stems stay: 만들
}

std::string conjugate(const Predicate& p, Tense tense, Speech speech) {
  const Stem s = split_predicate(p);
  const Syllable last = split(s.stem.back());
  switch (tense) {
    case Tense::Present: {
      if (speech == Speech::Polite) return a_eo_form(p) + "요";  // 먹어요, 가요, 해요
      if (speech == Speech::Formal) {
        if (last.tail == kNoTail || last.tail == kTailL) {  // 갑니다; ㄹ drops: 만듭니다
          std::u32string f = s.stem;
          set_tail(f, kTailB);
          return s.prefix + to8(f) + "니다";
        }
        return s.prefix + to8(s.stem) + "습니다";  // 먹습니다
      }
      if (p.kind == PredicateKind::Descriptive) return p.dictionary;  // 귀엽다
      if (last.tail == kNoTail || last.tail == kTailL) {              // 간다; ㄹ drops: 만든다
        std::u32string f = s.stem;
        set_tail(f, kTailN);
        return s.prefix + to8(f) + "다";
      }
      return s.prefix + to8(s.stem) + "는다";  // 먹는다
    }
    case Tense::Past: {
      std::u32string f = a_eo_stem(s.stem, p.irregular);  // 먹어 -> 먹었
      set_tail(f, kTailSS);
      const std::string past = s.prefix + to8(f);
      if (speech == Speech::Plain) return past + "다";
      if (speech == Speech::Polite) return past + "어요";
      return past + "습니다";
    }
    case Tense::Future: {
      const std::string f = future_adnominal(p);
      if (speech == Speech::Plain) return f + " 것이다";
      if (speech == Speech::Polite) return f + " 거예요";
      return f + " 것입니다";
    }
  }
  return "";
}

// ---- words ---------------------------------------------------------------------------------------------
KoreanWord word(std::string base, Particle particle) {
  std::string p = particle_for(base, particle);
  return {std::move(base), std::move(p)};
}

std::string join_words(const std::vector<KoreanWord>& words) {
  std::string out;
  for (const KoreanWord& w : words) {
    if (!out.empty()) out += ' ';
    out += w.text();
  }
  return out;
}

std::vector<KoreanWord> parse_marked(std::string_view marked) {
  std::vector<KoreanWord> out;
  std::size_t i = 0;
  while (i < marked.size()) {
    std::size_t end = marked.find(' ', i);
    if (end == std::string_view::npos) end = marked.size();
    const std::string_view tok = marked.substr(i, end - i);
    if (!tok.empty()) {
      const std::size_t bar = tok.find('|');
      if (bar == std::string_view::npos)
        out.push_back({std::string(tok), ""});
      else
        out.push_back({std::string(tok.substr(0, bar)), std::string(tok.substr(bar + 1))});
    }
    i = end + 1;
  }
  return out;
}

}  // namespace tf::ko
