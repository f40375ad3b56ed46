// The building blocks every frame uses: English verb phrases and sentences, actors (people and
// animals as subjects), kin as seen by the actor, and noun phrases in both languages.
#include <cctype>

#include "data/frames.hpp"

namespace tf::gen {

std::string en_verb(const EnVerb& v, Tense t, Agr a, const std::string& adverb) {
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
void add_noun(std::vector<KoreanWord>& k, const Noun& n, Particle p, const Number* num) {
  if (!num) {
    k.push_back(w(n.ko, p));
    return;
  }
  k.push_back(w(n.ko));
  k.push_back(w(num->ko));
  k.push_back(w(n.counter, p));
}

}  // namespace tf::gen
