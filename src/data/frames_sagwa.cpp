// The 사과 frames (사과 "apple" and 사과 "apology", and both in one sentence) and the fixed sentences:
// the learner's seed notes and the 사과 examples that always open a corpus.
#include "data/frames.hpp"

namespace tf::gen {
namespace {

// The speaker's apology to someone: recipient word (에게 / 께) and English, both tied Tie::Recipient.
struct Recipient {
  KoWord word;
  EnPart en;     // "my friend"
  EnPart to_en;  // "to my friend"
  bool honoured;
};
Recipient pick_recipient(Rng& r, const Actor& a) {
  const Kin& k = other_kin(r, a);
  return {tie_noun(w(k.ko, k.honoured ? Particle::Kke : Particle::Ege), Tie::Recipient),
          {kin_en(k, a), Tie::Recipient},
          {"to " + kin_en(k, a), Tie::Recipient},
          k.honoured};
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
  if (tw) out.ko.push_back(ko_time(*tw));
  EnPart en_obj;
  const unsigned shape = r.below(3);
  if (shape == 0) {
    const auto& look = pick(r, looks);
    out.ko.push_back(w(look.first));
    out.ko.push_back(tie_noun(w("사과", Particle::Object), Tie::Object));
    en_obj = {en::with_article(std::string(look.second) + " apple"), Tie::Object};
  } else if (shape == 1) {
    const Number& num = pick(r, numbers());
    add_noun(out.ko, noun("사과"), Particle::Object, Tie::Object, &num);
    en_obj = en_counted(noun("사과"), &num, Tie::Object);  // "two apples"
  } else {
    out.ko.push_back(tie_noun(w("사과", Particle::Object), Tie::Object));
    en_obj = {"an apple", Tie::Object};
  }
  out.ko.push_back(tie_verb(w(conj("먹다", st.tense, st.speech))));
  out.en = en_sentence({{a.en, Tie::Subject}, en_verb({"eat", "ate"}, st.tense, a.agr), en_obj, en_time(tw)});
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
  out.ko.push_back(tie_noun(w("사과", this_one || st.topic ? Particle::Topic : Particle::Subject), Tie::Subject));
  out.ko.push_back(tie_adjective(w(conj(adj, t, st.speech))));
  out.en = en_sentence({{this_one ? "this apple" : "the apple", Tie::Subject},
                        en_be(t, Agr::Third),
                        {adjective_en(adj), Tie::Adjective}});
  return labelled(out, "apple");
}

// 나는 칼로 사과를 깎았다 / 물로 사과를 씻었다 / 칼로 사과를 반으로 잘랐다
Rendered apple_prepare(Rng& r, const Style& st) {
  const Actor a = random_person(r, st);
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  EnPart en_tool("with a knife", Tie::Tool);
  const char* in_half = "";
  EnVerb ev{"peel", "peeled"};
  const char* verb = "깎다";
  switch (r.below(3)) {
    case 0:
      out.ko.push_back(tie_noun(w("칼", Particle::Ro), Tie::Tool));
      out.ko.push_back(tie_noun(w("사과", Particle::Object), Tie::Object));
      break;
    case 1:
      out.ko.push_back(tie_noun(w("물", Particle::Ro), Tie::Tool));
      out.ko.push_back(tie_noun(w("사과", Particle::Object), Tie::Object));
      verb = "씻다";
      ev = {"wash", "washed"};
      en_tool = {"with water", Tie::Tool};
      break;
    default:
      out.ko.push_back(tie_noun(w("칼", Particle::Ro), Tie::Tool));
      out.ko.push_back(tie_noun(w("사과", Particle::Object), Tie::Object));
      out.ko.push_back(w("반", Particle::Ro));
      verb = "자르다";
      ev = {"cut", "cut"};
      in_half = "in half";
  }
  out.ko.push_back(tie_verb(w(conj(verb, st.tense, st.speech))));
  out.en =
      en_sentence({{a.en, Tie::Subject}, en_verb(ev, st.tense, a.agr), {"an apple", Tie::Object}, in_half, en_tool});
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
      out.ko.push_back(tie_noun(w(shop, Particle::Eseo), Tie::Place));
      const Number& num = pick(r, numbers());
      add_noun(out.ko, noun("사과"), Particle::Object, Tie::Object, &num);
      out.ko.push_back(tie_verb(w(conj("사다", st.tense, st.speech))));
      out.en = en_sentence({{a.en, Tie::Subject},
                            en_verb({"buy", "bought"}, st.tense, a.agr),
                            en_counted(noun("사과"), &num, Tie::Object),  // "three apples"
                            {place(shop).at, Tie::Place}});
      break;
    }
    case 1: {
      const TimeWord& tw = pick_time(r, st.tense);
      out.ko.push_back(ko_time(tw));
      out.ko.push_back(tie_noun(w("사과"), Tie::Object2));
      out.ko.push_back(tie_noun(w("주스", Particle::Object), Tie::Object));
      out.ko.push_back(tie_verb(w(conj("마시다", st.tense, st.speech))));
      out.en = en_sentence({{a.en, Tie::Subject},
                            en_verb({"drink", "drank"}, st.tense, a.agr),
                            EnPart("apple juice", Tie::Object).also(0, Tie::Object2),
                            en_time(&tw)});
      break;
    }
    case 2: {
      const bool pie = r.below(2);
      out.ko.push_back(tie_noun(w("사과"), Tie::Object2));
      out.ko.push_back(tie_noun(w(pie ? "파이" : "잼", Particle::Object), Tie::Object));
      out.ko.push_back(tie_verb(w(conj("만들다", st.tense, st.speech))));
      out.en = en_sentence({{a.en, Tie::Subject},
                            en_verb({"make", "made"}, st.tense, a.agr),
                            pie ? EnPart("an apple pie", Tie::Object).also(1, Tie::Object2)
                                : EnPart("apple jam", Tie::Object).also(0, Tie::Object2)});
      break;
    }
    default: {
      static const std::vector<std::pair<const char*, const char*>> fans = {
          {"말", "the horse"}, {"토끼", "the rabbit"}, {"원숭이", "the monkey"}, {"코끼리", "the elephant"}};
      const auto& an = pick(r, fans);
      out.ko.push_back(tie_noun(w(an.first, Particle::Ege), Tie::Recipient));
      out.ko.push_back(tie_noun(w("사과", Particle::Object), Tie::Object));
      out.ko.push_back(tie_verb(w(conj("주다", st.tense, st.speech))));
      out.en = en_sentence({{a.en, Tie::Subject},
                            en_verb({"give", "gave"}, st.tense, a.agr),
                            {an.second, Tie::Recipient},
                            {"an apple", Tie::Object}});
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
      out.ko = {tie_noun(w("사과", st.topic ? Particle::Topic : Particle::Subject), Tie::Subject),
                tie_noun(w(spot.first, Particle::E), Tie::Place), w(conj("있다", t, st.speech))};
      out.en = en_sentence({{"the apple", Tie::Subject}, en_be(t, Agr::Third), {spot.second, Tie::Place}});
      break;
    }
    case 1: {
      const auto& spot = pick(r, spots);
      const Number& num = pick(r, numbers());
      out.ko.push_back(tie_noun(w(spot.first, Particle::E), Tie::Place));
      add_noun(out.ko, noun("사과"), Particle::Subject, Tie::Object, &num);
      out.ko.push_back(w(conj("있다", t, st.speech)));
      out.en = en_sentence(
          {"there", en_be(t, Agr::Plural), en_counted(noun("사과"), &num, Tie::Object), {spot.second, Tie::Place}});
      break;
    }
    case 2:
      out.ko = {tie_noun(w("사과", Particle::Topic), Tie::Subject),
                tie_noun({"과일", ko::copula("과일", Tense::Present, st.speech)}, Tie::Object)};
      out.en = en_sentence({{"an apple", Tie::Subject}, "is", {"a fruit", Tie::Object}});  // An apple is a fruit
      break;
    default: {
      const bool near = r.below(2);
      out.ko = {w(near ? "이것" : "저것", Particle::Topic),
                tie_noun({"사과", ko::copula("사과", Tense::Present, st.speech)}, Tie::Object)};
      out.en = en_sentence({near ? "this" : "that", "is", {"an apple", Tie::Object}});  // This is an apple
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
  if (tw) out.ko.push_back(ko_time(*tw));
  out.ko.push_back(rec.word);
  out.ko.insert(out.ko.end(), manner.first.begin(), manner.first.end());
  if (!rec.honoured && !st.canonical && r.below(3) == 0) {  // 사과를 했다 (Korean corpora only: no link)
    out.ko.push_back(w("사과", Particle::Object));
    out.ko.push_back(w(conj("하다", st.tense, st.speech)));
  } else {
    out.ko.push_back(tie_verb(w(conj(rec.honoured ? "사과드리다" : "사과하다", st.tense, st.speech))));
  }
  out.en = en_sentence({{a.en, Tie::Subject},
                        en_verb({"apologize", "apologized"}, st.tense, a.agr, manner.second),
                        rec.to_en,
                        en_time(tw)});
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
  out.ko.push_back(tie_verb(w(conj(rec.honoured ? "사과드리다" : "사과하다", st.tense, st.speech))));
  out.en = en_sentence({{a.en, Tie::Subject},
                        en_verb({"apologize", "apologized"}, st.tense, a.agr),
                        rec.to_en,
                        replace_poss(why.en, a.poss)});
  return labelled(out, "apology");
}

// 친구는 내 사과를 받아 줬다 — My friend accepted my apology; 나는 민수의 사과를 받아 줬다
Rendered apology_accept(Rng& r, const Style& st) {
  const Actor a = random_person(r, st);
  Actor sorry = random_person(r, st);
  while (sorry.ko == a.ko || (sorry.pronoun && a.pronoun)) sorry = random_person(r, st);
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  // 민수의 - "Minsu's" is linked; 내, 우리 - "my", "our" are function words.
  const bool possessor = sorry.ko_possessive.empty();
  if (!possessor)
    out.ko.push_back(w(sorry.ko_possessive));  // 내, 제, 우리, 저희
  else
    out.ko.push_back(tie_noun(w(sorry.ko, Particle::Ui), Tie::Possessor));  // 민수의
  out.ko.push_back(w("사과", Particle::Object));
  out.ko.push_back(tie_verb(w(conj("받아 주다", st.tense, st.speech))));  // linked by its first part, 받아
  out.en = en_sentence({{a.en, Tie::Subject},
                        en_verb({"accept", "accepted"}, st.tense, a.agr),
                        {sorry.en_possessive, possessor ? Tie::Possessor : Tie::None},
                        "apology"});
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
      out.ko.push_back(tie_noun(w(gift.ko, Particle::Object), Tie::Object));
      out.ko.push_back(tie_verb(w(conj(rec.honoured ? "드리다" : "주다", st.tense, st.speech))));
      out.en = en_sentence({{a.en, Tie::Subject},
                            en_verb({"give", "gave"}, st.tense, a.agr),
                            rec.en,
                            {en_indefinite(gift), Tie::Object},
                            "as an apology"});
      break;
    }
    case 1:
      out.ko.push_back(rec.word);
      out.ko.push_back(w("사과", Particle::Ui));
      out.ko.push_back(tie_noun(w("편지", Particle::Object), Tie::Object));
      out.ko.push_back(tie_verb(w(conj("쓰다", st.tense, st.speech))));
      out.en = en_sentence({{a.en, Tie::Subject},
                            en_verb({"write", "wrote"}, st.tense, a.agr),
                            rec.en,
                            {"a letter of apology", Tie::Object, 1}});
      break;
    default:
      out.ko.push_back(w(ko::connective_myeonseo(ko::predicate("울다"))));  // 울면서 "in tears"
      out.ko.push_back(rec.word);
      out.ko.push_back(tie_verb(w(conj(rec.honoured ? "사과드리다" : "사과하다", st.tense, st.speech))));
      out.en = en_sentence(
          {{a.en, Tie::Subject}, en_verb({"apologize", "apologized"}, st.tense, a.agr), rec.to_en, "in tears"});
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
      out.ko.push_back(tie_noun(w("사과", Particle::Object), Tie::Object));
      out.ko.push_back(tie_verb(w(conj(give, st.tense, st.speech))));
      out.en = en_sentence({{a.en, Tie::Subject},
                            en_verb({"give", "gave"}, st.tense, a.agr),
                            rec.en,
                            {"an apple", Tie::Object},
                            "as an apology"});
      break;
    case 1: {
      as_apology("의미");
      out.ko.push_back(tie_noun(w("사과", Particle::Object), Tie::Object));
      const char* buy = r.below(2) ? "구매하다" : "사다";
      out.ko.push_back(tie_verb(w(ko::connective_seo(ko::predicate(buy)))));  // 구매해서, 사서 "bought"
      out.ko.push_back(rec.word);
      out.ko.push_back(tie_verb(w(conj(give, st.tense, st.speech)), Tie::Verb2));
      const std::string give_en = st.tense == Tense::Future ? "give"
                                  : st.tense == Tense::Past ? "gave"
                                                            : en_verb({"give", "gave"}, st.tense, a.agr).text;
      out.en = en_sentence({{a.en, Tie::Subject},
                            en_verb({"buy", "bought"}, st.tense, a.agr),
                            {"apples", Tie::Object},
                            "and",
                            {give_en, Tie::Verb2},
                            {"them to " + rec.en.text, Tie::Recipient},
                            "as an apology"});
      break;
    }
    case 2: {
      out.ko.push_back(tie_verb(w(ko::connective_myeonseo(ko::predicate("사과하다")))));  // 사과하면서 "apologized"
      out.ko.push_back(rec.word);
      out.ko.push_back(tie_noun(w("사과", Particle::Object), Tie::Object));
      out.ko.push_back(tie_verb(w(conj("건네다", st.tense, st.speech)), Tie::Verb2));
      const std::string hand_en = st.tense == Tense::Future ? "hand"
                                  : st.tense == Tense::Past ? "handed"
                                                            : en_verb({"hand", "handed"}, st.tense, a.agr).text;
      out.en = en_sentence({{a.en, Tie::Subject},
                            en_verb({"apologize", "apologized"}, st.tense, a.agr),
                            "and",
                            {hand_en, Tie::Verb2},
                            rec.en,
                            {"an apple", Tie::Object}});
      break;
    }
    default:
      as_apology("뜻");
      out.ko.push_back(rec.word);
      out.ko.push_back(tie_noun(w("사과"), Tie::Object2));
      out.ko.push_back(w("한"));
      out.ko.push_back(tie_noun(w("상자", Particle::Object), Tie::Object));
      out.ko.push_back(tie_verb(w(conj("보내다", st.tense, st.speech))));
      out.en = en_sentence({{a.en, Tie::Subject},
                            en_verb({"send", "sent"}, st.tense, a.agr),
                            rec.en,
                            EnPart("a box of apples", Tie::Object2).also(1, Tie::Object),
                            "as an apology"});
  }
  return labelled(out, "both");
}

}  // namespace

const std::vector<Weighted>& sagwa_frames() {
  static const std::vector<Weighted> v = {
      {apple_eat, 14},     {apple_taste, 8},     {apple_prepare, 8},   {apple_use, 10},       {apple_is, 6},
      {apology_basic, 16}, {apology_reason, 10}, {apology_accept, 10}, {apology_gesture, 10}, {sagwa_both, 8},
  };
  return v;
}

// Links as {en_word, ko_word, category}: in 사과의 의미로 사과를 구매해서 드렸다 "I" has no Korean word
// and 사과의 ("apology") no category, so bought-구매해서, apples-사과를 and gave-드렸다 are linked.
const std::vector<Fixed>& seed_sentences() {
  static const std::vector<Fixed> v = {
      {"나|는 밥|을 먹었다", "I ate rice", "", {{0, 0, "people"}, {1, 2, "verbs"}, {2, 1, "foods"}}},
      {"밥|을 나|는 먹었다", "I ate rice", "", {{0, 1, "people"}, {1, 2, "verbs"}, {2, 0, "foods"}}},
      {"고양이|는 귀엽다", "The cat is cute", "", {{1, 0, "animals"}, {3, 1, "adjectives"}}},
      {"사과|의 의미|로 사과|를 구매해서 드렸다",
       "I bought apples and gave them as an apology",
       "both",
       {{1, 3, "verbs"}, {2, 2, "foods"}, {4, 4, "verbs"}}},
  };
  return v;
}
// Only in the "sagwa" corpus (Korean), so without links.
const std::vector<Fixed>& sagwa_examples() {
  static const std::vector<Fixed> v = {
      {"사과|의 의미|로 사과|를 구매해서 드렸다", "I bought apples and gave them as an apology", "both", {}},
      {"나|는 사과|를 먹었다", "I ate an apple", "apple", {}},
      {"사과|가 달다", "The apple is sweet", "apple", {}},
      {"나|는 칼|로 사과|를 깎았다", "I peeled an apple with a knife", "apple", {}},
      {"나|는 빨간 사과|를 샀다", "I bought a red apple", "apple", {}},
      {"나|는 사과 주스|를 마셨다", "I drank apple juice", "apple", {}},
      {"나|는 친구|에게 사과|를 했다", "I apologized to my friend", "apology", {}},
      {"나|는 진심|으로 사과했다", "I sincerely apologized", "apology", {}},
      {"친구|가 내 사과|를 받아 주었다", "My friend accepted my apology", "apology", {}},
  };
  return v;
}

}  // namespace tf::gen
