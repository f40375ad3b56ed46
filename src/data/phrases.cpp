// The building blocks every frame uses: English verb phrases and sentences, actors (people and
// animals as subjects), kin as seen by the actor, and noun phrases in both languages.
#include <algorithm>
#include <cctype>
#include <map>

#include "core/error.hpp"
#include "data/frames.hpp"

namespace tf::gen {
namespace {

int count_words(const std::string& s) {
  return s.empty() ? 0 : 1 + static_cast<int>(std::count(s.begin(), s.end(), ' '));
}

}  // namespace

// ---- word links ----------------------------------------------------------------------------------

KoWord tie_noun(KoreanWord word, Tie t) {
  const char* category = noun_category(word.base);
  if (!category) throw Error("bad_corpus", "the lexicon has no noun '" + word.base + "' for a word link");
  return {std::move(word), t, category};
}
KoWord tie_verb(KoreanWord word, Tie t) { return {std::move(word), t, "verbs"}; }
KoWord tie_adjective(KoreanWord word) { return {std::move(word), Tie::Adjective, "adjectives"}; }
KoWord tie_feeling(KoreanWord word) { return {std::move(word), Tie::Adjective, "feelings"}; }

Tie verb_tie(const char* dictionary, const EnVerb& en) {
  const LexiconEntry* e = find_entry(dictionary, "verbs");
  if (!e) throw Error("bad_corpus", std::string("the lexicon has no verb '") + dictionary + "'");
  return e->en == en.base ? Tie::Verb : Tie::None;
}

std::vector<WordLink> word_links(const Rendered& x) {
  // Korean: the first space-separated part of each tied word (먹을 of 먹을 것이다).
  std::map<Tie, WordLink> open;
  int token = 0;
  for (const KoWord& k : x.ko) {
    if (k.tie != Tie::None && !open.emplace(k.tie, WordLink{-1, token, k.category}).second)
      throw Error("bad_corpus", "a word link is tied twice in '" + x.en.text + "'");
    token += count_words(k.word.text());
  }
  std::vector<WordLink> links;
  for (const auto& [tie, en_word] : x.en.ties) {
    const auto it = open.find(tie);
    if (it == open.end()) throw Error("bad_corpus", "an English word has no Korean tie in '" + x.en.text + "'");
    links.push_back({en_word, it->second.ko_word, it->second.category});
    open.erase(it);
  }
  if (!open.empty()) throw Error("bad_corpus", "a Korean word has no English tie in '" + x.en.text + "'");
  std::sort(links.begin(), links.end(), [](const WordLink& a, const WordLink& b) { return a.en_word < b.en_word; });
  return links;
}

// ---- building blocks -----------------------------------------------------------------------------

EnPart en_verb(const EnVerb& v, Tense t, Agr a, const std::string& adverb, Tie tie) {
  const std::string adv = adverb.empty() ? "" : adverb + " ";
  const int before = count_words(adverb);  // the words in front of the verb itself
  switch (t) {
    case Tense::Past:
      return {adv + v.past, tie, before};
    case Tense::Present:
      return {adv + (a == Agr::Third ? en::third_person(v.base) : std::string(v.base)), tie, before};
    case Tense::Future:
      return {"will " + adv + v.base, tie, before + 1};
  }
  return {};
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

EnSentence en_sentence(std::initializer_list<EnPart> parts) {
  EnSentence out;
  int words = 0;
  for (const EnPart& p : parts) {
    if (p.text.empty()) continue;
    if (!out.text.empty()) out.text += ' ';
    out.text += p.text;
    const int n = count_words(p.text);
    for (const auto& [word, tie] : p.ties)
      if (tie != Tie::None) out.ties.emplace_back(tie, words + (word < 0 ? n - 1 : word));
    words += n;
  }
  if (!out.text.empty()) out.text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out.text[0])));
  return out;
}

std::string replace_poss(std::string s, const std::string& poss) {
  const std::size_t at = s.find("{poss}");
  if (at != std::string::npos) s.replace(at, 6, poss);
  return s;
}

std::string conj(const char* dictionary, Tense t, Speech s) { return ko::conjugate(ko::predicate(dictionary), t, s); }

Tense no_future(Rng& r, Tense t) { return t != Tense::Future ? t : (r.below(2) ? Tense::Past : Tense::Present); }

const TimeWord& pick_time(Rng& r, Tense t) {
  const std::vector<TimeWord>& all = time_words();
  std::vector<std::size_t> ok;
  for (std::size_t i = 0; i < all.size(); ++i)
    if ((t == Tense::Past && all[i].past) || (t == Tense::Present && all[i].present) ||
        (t == Tense::Future && all[i].future))
      ok.push_back(i);
  return all[ok[r.below(static_cast<std::uint32_t>(ok.size()))]];
}
KoWord ko_time(const TimeWord& tw) { return tie_noun(w(tw.ko, tw.particle), Tie::Time); }
EnPart en_time(const TimeWord* tw) { return tw ? EnPart(tw->en, Tie::Time) : EnPart(); }

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
KoWord subject_word(const Actor& a, const Style& st) {
  return tie_noun(w(a.ko, a.pronoun || st.topic ? Particle::Topic : Particle::Subject), Tie::Subject);
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
EnPart en_counted(const Noun& n, const Number* num, Tie tie) {
  if (!num) return {en_indefinite(n), tie};
  return EnPart(std::string(num->en) + " " + en::plural(n.en), tie).also(0, Tie::Number);
}

// Korean noun phrase with a particle, optionally counted: 사과를 / 사과 세 개를.
void add_noun(std::vector<KoWord>& k, const Noun& n, Particle p, Tie tie, const Number* num) {
  if (!num) {
    k.push_back(tie_noun(w(n.ko, p), tie));
    return;
  }
  k.push_back(tie_noun(w(n.ko), tie));
  k.push_back(tie_noun(w(num->ko), Tie::Number));
  k.push_back(w(n.counter, p));
}

}  // namespace tf::gen
