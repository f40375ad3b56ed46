// The general sentence frames: eating, describing, going, activities, tools, giving, buying, having,
// where things are and what they are. Each renders one sentence in Korean and English and ties the
// words of each side that render the same lexicon entry (tie_noun, tie_verb, ... and EnPart's Tie).
#include <utility>

#include "data/frames.hpp"

namespace tf::gen {
namespace {

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
  std::vector<KoWord> mid;
  EnPart en_pp;
  const TimeWord* tw = nullptr;
  const Number* num = nullptr;
  if (extra == kTime) {
    tw = &pick_time(r, st.tense);
  } else if (extra == kPlace) {
    static const std::vector<const char*> cafe_menu = {"커피", "차", "주스", "케이크", "빵", "우유"};
    const char* where = pick(r, std::vector<const char*>{"식당", "집", "학교", "카페"});
    if (std::string(where) == "카페") f = &food(pick(r, cafe_menu));
    mid.push_back(tie_noun(w(where, Particle::Eseo), Tie::Place));
    en_pp = {place(where).at, Tie::Place};
  } else if (extra == kWith) {
    const Kin& k = other_kin(r, a);
    mid.push_back(tie_noun(w(k.ko, Particle::With), Tie::Companion));
    en_pp = {"with " + kin_en(k, a), Tie::Companion};
  } else if (extra == kUtensil) {
    const Utensil& u = pick(r, utensils());
    f = &food(pick(r, u.foods));
    mid.push_back(tie_noun(w(u.ko, Particle::Ro), Tie::Tool));
    en_pp = {replace_poss(u.en, a.poss), Tie::Tool};
  } else if (extra == kCount) {
    while (!f->countable) f = &pick(r, foods());
    num = &pick(r, numbers());
  }
  const Noun n = noun(f->ko);
  const bool drink = f->kind == FoodKind::Drink;
  const std::string verb = conj(drink ? "마시다" : "먹다", st.tense, st.speech);

  Rendered out;
  std::vector<KoWord> object;
  add_noun(object, n, Particle::Object, Tie::Object, num);
  if (st.scramble && extra == kNone) {  // 밥을 나는 먹었다
    out.ko = object;
    out.ko.push_back(subject_word(a, st));
  } else {
    out.ko.push_back(subject_word(a, st));
    if (tw) out.ko.push_back(ko_time(*tw));
    out.ko.insert(out.ko.end(), mid.begin(), mid.end());
    out.ko.insert(out.ko.end(), object.begin(), object.end());
  }
  out.ko.push_back(tie_verb(w(verb)));
  const EnVerb ev = drink ? EnVerb{"drink", "drank"} : EnVerb{"eat", "ate"};
  out.en = en_sentence(
      {{a.en, Tie::Subject}, en_verb(ev, st.tense, a.agr), en_counted(n, num, Tie::Object), en_pp, en_time(tw)});
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
      out.ko = {subject_word(a, st), tie_adjective(w(conj(adj, t, st.speech)))};
      out.en = en_sentence({{a.en, Tie::Subject}, en_be(t, Agr::Third), {adjective_en(adj), Tie::Adjective}});
      return out;
    }
    case 1: {  // a person: busy, kind, tall ...
      const Tense t = no_future(r, st.tense);
      const Actor a = random_person(r, st);
      const State& s = pick(r, person_states());
      out.ko.push_back(subject_word(a, st));
      if (s.noun) out.ko.push_back(w(s.noun, Particle::Subject));  // 민수는 키가 크다: "tall" is 크다
      out.ko.push_back(tie_adjective(w(conj(s.dictionary, t, st.speech))));
      out.en = en_sentence({{a.en, Tie::Subject}, en_be(t, a.agr), {s.en, Tie::Adjective}});
      return out;
    }
    case 2: {  // my feelings (나, 우리), with a time word half of the time
      const Person& p = people()[r.below(2)];
      const Actor a = person_actor(p, st.speech);
      const State& s = pick(r, feelings());
      const TimeWord* tw = r.below(2) ? &pick_time(r, st.tense) : nullptr;
      out.ko.push_back(subject_word(a, st));
      if (tw) out.ko.push_back(ko_time(*tw));
      if (s.noun) out.ko.push_back(w(s.noun, Particle::Subject));  // 나는 화가 났다: "angry" is 났다
      out.ko.push_back(tie_feeling(w(conj(s.dictionary, st.tense, st.speech))));
      out.en = en_sentence({{a.en, Tie::Subject}, en_be(st.tense, a.agr), {s.en, Tie::Adjective}, en_time(tw)});
      return out;
    }
    case 3: {  // food: (이) 사과가 달다
      const Tense t = no_future(r, st.tense);
      const Food& f = pick(r, foods());
      const char* adj = pick(r, f.tastes);
      const bool this_one = r.below(3) == 0;
      if (this_one) out.ko.push_back(w("이"));
      out.ko.push_back(tie_noun(w(f.ko, this_one || st.topic ? Particle::Topic : Particle::Subject), Tie::Subject));
      out.ko.push_back(tie_adjective(w(conj(adj, t, st.speech))));
      out.en = en_sentence({{std::string(this_one ? "this " : "the ") + f.en, Tie::Subject},
                            en_be(t, Agr::Third),
                            {adjective_en(adj), Tie::Adjective}});
      return out;
    }
    case 4: {  // a room or place: 교실이 조용하다
      const Tense t = no_future(r, st.tense);
      static const std::vector<const char*> rooms = {"교실", "도서관", "방", "식당", "카페", "공원"};
      static const std::vector<const char*> adjs = {"조용하다", "시끄럽다", "깨끗하다", "넓다", "덥다", "춥다"};
      const Place& p = place(pick(r, rooms));
      const char* adj = pick(r, adjs);
      out.ko = {tie_noun(w(p.ko, st.topic ? Particle::Topic : Particle::Subject), Tie::Subject),
                tie_adjective(w(conj(adj, t, st.speech)))};
      out.en = en_sentence({{p.en, Tie::Subject}, en_be(t, Agr::Third), {adjective_en(adj), Tie::Adjective}});
      return out;
    }
    case 5: {  // the weather, with a time word: 내일 날씨가 추울 것이다
      static const std::vector<const char*> adjs = {"덥다", "춥다", "좋다", "맑다"};
      const char* adj = pick(r, adjs);
      const TimeWord* tw = r.below(3) ? &pick_time(r, st.tense) : nullptr;
      if (tw) out.ko.push_back(ko_time(*tw));
      out.ko.push_back(tie_noun(w("날씨", Particle::Subject), Tie::Subject));
      out.ko.push_back(tie_adjective(w(conj(adj, st.tense, st.speech))));
      out.en = en_sentence({{"the weather", Tie::Subject},
                            en_be(st.tense, Agr::Third),
                            {adjective_en(adj), Tie::Adjective},
                            en_time(tw)});
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
      out.ko = {tie_noun(w(x.ko, Particle::With), Tie::Subject),
                tie_noun(w(y->ko, st.topic ? Particle::Topic : Particle::Subject), Tie::Subject2),
                tie_adjective(w(conj(adj, t, st.speech)))};
      out.en = en_sentence({{std::string("the ") + x.en, Tie::Subject},
                            "and",
                            {std::string("the ") + y->en, Tie::Subject2},
                            en_be(t, Agr::Plural),
                            {adjective_en(adj), Tie::Adjective}});
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
  EnPart en_extra;
  const TimeWord* tw = nullptr;
  out.ko.push_back(subject_word(a, st));
  if (extra == 1) {
    tw = &pick_time(r, st.tense);
    out.ko.push_back(ko_time(*tw));
  } else if (extra == 2) {
    const Kin& k = other_kin(r, a);
    out.ko.push_back(tie_noun(w(k.ko, Particle::With), Tie::Companion));
    en_extra = {"with " + kin_en(k, a), Tie::Companion};
  } else if (extra == 3 && std::string(v.ko) == "가다") {
    Transport t = pick(r, transports);
    while (!(dest.far ? t.far : t.near)) t = pick(r, transports);
    out.ko.push_back(tie_noun(w(t.ko, Particle::Ro), Tie::Tool));
    en_extra = {t.en, Tie::Tool};
  } else if (extra == 4 && std::string(v.ko) == "가다" && !dest.far) {
    // 걸어서 "on foot" + 갔다 is "walked": 걸어서 (걷다 "walk") takes the link, 갔다 none.
    out.ko.push_back(tie_verb(w(ko::connective_seo(ko::predicate("걷다")))));
    v.en = {"walk", "walked"};
  }
  out.ko.push_back(tie_noun(w(dest.ko, ro ? Particle::Ro : Particle::E), Tie::Place));
  out.ko.push_back(tie_verb(w(conj(v.ko, st.tense, st.speech)), verb_tie(v.ko, v.en)));
  out.en =
      en_sentence({{a.en, Tie::Subject}, en_verb(v.en, st.tense, a.agr), {dest.to, Tie::Place}, en_extra, en_time(tw)});
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
  const Tie verb = verb_tie(act.verb, act.en);  // none for 축구를 하다 "play soccer" (하다 is "do")
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  if (tw) out.ko.push_back(ko_time(*tw));
  out.ko.push_back(tie_noun(w(p.ko, Particle::Eseo), Tie::Place));
  if (act.object) out.ko.push_back(tie_noun(w(act.object, Particle::Object), Tie::Object));
  out.ko.push_back(tie_verb(w(conj(act.verb, st.tense, st.speech)), verb));
  out.en = en_sentence({{a.en, Tie::Subject},
                        en_verb(act.en, st.tense, a.agr, "", verb),
                        {replace_poss(act.en_object, a.poss), act.object ? Tie::Object : Tie::None},
                        {p.at, Tie::Place},
                        en_time(tw)});
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
  const Tie verb = verb_tie(v.verb, v.en);
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  if (tw) out.ko.push_back(ko_time(*tw));
  if (adv) out.ko.push_back(w(adv->first));
  out.ko.push_back(tie_verb(w(conj(v.verb, st.tense, st.speech)), verb));
  out.en = en_sentence(
      {{a.en, Tie::Subject}, en_verb(v.en, st.tense, a.agr, "", verb), adv ? adv->second : "", en_time(tw)});
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
  const Tie verb = verb_tie(u.verb, u.en);  // none for the towel's "dry" (닦다 is "wipe")
  Rendered out;
  out.ko.push_back(subject_word(a, st));
  if (tw) out.ko.push_back(ko_time(*tw));
  out.ko.push_back(tie_noun(w(u.tool, Particle::Ro), Tie::Tool));
  out.ko.push_back(tie_noun(w(obj.first, Particle::Object), Tie::Object));
  out.ko.push_back(tie_verb(w(conj(u.verb, st.tense, st.speech)), verb));
  out.en = en_sentence({{a.en, Tie::Subject},
                        en_verb(u.en, st.tense, a.agr, "", verb),
                        {replace_poss(obj.second, a.poss), Tie::Object},
                        {u.en_tool, Tie::Tool},
                        en_time(tw)});
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
    out.ko.push_back(tie_noun(w(an.ko, Particle::Ege), Tie::Recipient));
    en_rec = std::string("the ") + an.en;
    gift = noun(pick(r, an.foods));
  } else {
    const Kin& k = other_kin(r, a);
    honoured = k.honoured;
    out.ko.push_back(tie_noun(w(k.ko, honoured ? Particle::Kke : Particle::Ege), Tie::Recipient));
    en_rec = kin_en(k, a);
    gift = noun(pick(r, gifts));
  }
  const Number* num = gift.countable && r.below(4) == 0 ? &pick(r, numbers()) : nullptr;
  add_noun(out.ko, gift, Particle::Object, Tie::Object, num);
  out.ko.push_back(tie_verb(w(conj(honoured ? "드리다" : "주다", st.tense, st.speech))));
  out.en = en_sentence({{a.en, Tie::Subject},
                        en_verb({"give", "gave"}, st.tense, a.agr),
                        {en_rec, Tie::Recipient},
                        en_counted(gift, num, Tie::Object)});
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
  out.ko.push_back(tie_noun(w(shop.ko, Particle::Eseo), Tie::Place));
  EnPart en_obj, en_and_obj;
  const unsigned shape = r.below(3);  // 0 one, 1 counted, 2 "X and Y"
  if (shape == 1 && first.countable) {
    const Number& num = pick(r, numbers());
    add_noun(out.ko, first, Particle::Object, Tie::Object, &num);
    en_obj = en_counted(first, &num, Tie::Object);
  } else if (shape == 2 && shop.goods.size() > 1) {
    Noun second = noun(pick(r, shop.goods));
    while (second.ko == first.ko) second = noun(pick(r, shop.goods));
    out.ko.push_back(tie_noun(w(first.ko, Particle::With), Tie::Object));
    out.ko.push_back(tie_noun(w(second.ko, Particle::Object), Tie::Object2));
    en_obj = {en_indefinite(first), Tie::Object};
    en_and_obj = {"and " + en_indefinite(second), Tie::Object2};
  } else {
    out.ko.push_back(tie_noun(w(first.ko, Particle::Object), Tie::Object));
    en_obj = {en_indefinite(first), Tie::Object};
  }
  out.ko.push_back(tie_verb(w(conj("사다", st.tense, st.speech))));
  out.en = en_sentence({{a.en, Tie::Subject},
                        en_verb({"buy", "bought"}, st.tense, a.agr),
                        en_obj,
                        en_and_obj,
                        {place(shop.ko).at, Tie::Place}});
  return out;
}

// 나는 고양이 두 마리가 있다 — I have two cats; 나는 형이 있다 — I have a big brother
Rendered frame_have(Rng& r, const Style& st) {
  static const std::vector<const char*> belongings = {"책", "연필", "우산", "가방", "자전거", "공", "인형", "시계"};
  const Tense t = no_future(r, st.tense);
  const unsigned what = r.below(3);  // 0 pet, 1 belonging, 2 a sibling (said by 나)
  Actor a = random_person(r, st);
  Rendered out;
  EnPart en_obj;
  if (what == 2) {
    a = person_actor(people()[0], st.speech);
    const Person& sib = people()[6 + r.below(4)];  // 남동생, 여동생, 형, 누나
    out.ko = {tie_noun(w(a.ko, Particle::Topic), Tie::Subject), tie_noun(w(sib.ko, Particle::Subject), Tie::Object)};
    en_obj = {en::with_article(sib.en_noun), Tie::Object};
  } else {
    const Animal* pet = &pick(r, animals());
    while (!pet->pet) pet = &pick(r, animals());
    const Noun n = what == 0 ? noun(pet->ko) : noun(pick(r, belongings));
    const Number* num = r.below(3) == 0 ? &pick(r, numbers()) : nullptr;
    out.ko.push_back(tie_noun(w(a.ko, Particle::Topic), Tie::Subject));  // 나는 고양이가 있다: the owner is the topic
    add_noun(out.ko, n, Particle::Subject, Tie::Object, num);
    en_obj = en_counted(n, num, Tie::Object);
  }
  out.ko.push_back(tie_verb(w(conj("있다", t, st.speech))));  // 있다 "have"
  out.en = en_sentence({{a.en, Tie::Subject}, en_verb({"have", "had"}, t, a.agr), en_obj});
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
  // 책상 위에: the first word is the noun ("desk"), tied Tie::Place; 있다 here is English "is", unlinked.
  auto add_location = [&](std::vector<KoWord>& k) {
    for (std::size_t i = 0; i < loc.ko.size(); ++i) {
      const KoreanWord word = w(loc.ko[i], i + 1 == loc.ko.size() ? Particle::E : Particle::None);
      k.push_back(i == 0 ? tie_noun(word, Tie::Place) : KoWord(word));
    }
  };
  const EnPart en_location(loc.en, Tie::Place);
  if (person) {  // 민수는 집에 있다 — Minsu is at home
    const Actor a = random_person(r, st);
    out.ko.push_back(subject_word(a, st));
    add_location(out.ko);
    out.ko.push_back(w(conj("있다", st.tense, st.speech)));
    out.en = en_sentence({{a.en, Tie::Subject}, en_be(st.tense, a.agr), en_location});
    return out;
  }
  const Tense t = no_future(r, st.tense);
  const Noun n = noun(pick(r, loc.things));
  if (r.below(2)) {  // 책이 책상 위에 있다 — The book is on the desk
    out.ko.push_back(tie_noun(w(n.ko, st.topic ? Particle::Topic : Particle::Subject), Tie::Subject));
    add_location(out.ko);
    out.ko.push_back(w(conj("있다", t, st.speech)));
    out.en = en_sentence({{en_definite(n), Tie::Subject}, en_be(t, Agr::Third), en_location});
    return out;
  }
  // 책상 위에 책 두 권이 있다 — There are two books on the desk
  const Number* num = n.countable && r.below(2) ? &pick(r, numbers()) : nullptr;
  add_location(out.ko);
  add_noun(out.ko, n, Particle::Subject, Tie::Object, num);
  out.ko.push_back(w(conj("있다", t, st.speech)));
  out.en =
      en_sentence({"there", en_be(t, num ? Agr::Plural : Agr::Third), en_counted(n, num, Tie::Object), en_location});
  return out;
}

// 민수는 의사이다 — Minsu is a doctor; 사과는 과일이다 — An apple is a fruit; 이것은 우산이다 — This is an umbrella
Rendered frame_copula(Rng& r, const Style& st) {
  Rendered out;
  const unsigned kind = r.below(3);
  if (kind == 0) {  // a person's job
    const Tense t = no_future(r, st.tense);
    const Actor a = random_person(r, st);
    const Job& job = pick(r, jobs());
    out.ko = {tie_noun(w(a.ko, Particle::Topic), Tie::Subject),
              tie_noun({job.ko, ko::copula(job.ko, t, st.speech)}, Tie::Object)};
    const std::string en_job = a.agr == Agr::Plural ? en::plural(job.en) : en::with_article(job.en);
    out.en = en_sentence({{a.en, Tie::Subject}, en_be(t, a.agr), {en_job, Tie::Object}});
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
    out.ko = {tie_noun(w(subject_ko, Particle::Topic), Tie::Subject),
              tie_noun({category_ko, ko::copula(category_ko, Tense::Present, st.speech)}, Tie::Object)};
    out.en = en_sentence({{subject_en, Tie::Subject}, "is", {category_en, Tie::Object}});
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
  out.ko = {w(pronoun, Particle::Topic), tie_noun({n.ko, ko::copula(n.ko, Tense::Present, st.speech)}, Tie::Object)};
  out.en = en_sentence({near ? "this" : "that", "is", {en::with_article(n.en), Tie::Object}});
  return out;
}

}  // namespace

const std::vector<Weighted>& general_frames() {
  static const std::vector<Weighted> v = {
      {frame_eat, 16},         {frame_describe, 14}, {frame_go, 10},    {frame_activity, 12},
      {frame_intransitive, 8}, {frame_tool, 8},      {frame_give, 7},   {frame_buy, 7},
      {frame_have, 6},         {frame_where, 6},     {frame_copula, 6},
  };
  return v;
}

}  // namespace tf::gen
