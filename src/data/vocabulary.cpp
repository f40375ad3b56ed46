#include "data/vocabulary.hpp"

#include "core/error.hpp"

namespace tf::gen {

using ko::Particle;

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

const std::vector<Kin>& kin() {
  static const std::vector<Kin> v = {
      {"친구", "my friend", false},    {"남동생", "my little brother", false}, {"여동생", "my little sister", false},
      {"형", "my big brother", false}, {"누나", "my big sister", false},       {"엄마", "my mom", false},
      {"아빠", "my dad", false},       {"할머니", "my grandma", true},         {"할아버지", "my grandpa", true},
      {"선생님", "my teacher", true},
  };
  return v;
}

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

const std::vector<Adjective>& adjectives() {
  static const std::vector<Adjective> v = {
      {"귀엽다", "cute"},      {"작다", "small"},   {"크다", "big"},       {"예쁘다", "pretty"},
      {"빠르다", "fast"},      {"느리다", "slow"},  {"조용하다", "quiet"}, {"시끄럽다", "noisy"},
      {"무섭다", "scary"},     {"무겁다", "heavy"}, {"똑똑하다", "smart"}, {"맛있다", "delicious"},
      {"달다", "sweet"},       {"맵다", "spicy"},   {"시다", "sour"},      {"짜다", "salty"},
      {"뜨겁다", "hot"},       {"차갑다", "cold"},  {"깨끗하다", "clean"}, {"넓다", "spacious"},
      {"덥다", "hot"},         {"춥다", "cold"},    {"좋다", "nice"},      {"맑다", "clear"},
      {"바쁘다", "busy"},      {"아프다", "sick"},  {"친절하다", "kind"},  {"쉽다", "easy"},
      {"어렵다", "difficult"},
  };
  return v;
}
const char* adjective_en(const std::string& dictionary) {
  for (const Adjective& a : adjectives())
    if (dictionary == a.ko) return a.en;
  throw Error("bad_corpus", "no English for '" + dictionary + "'");
}

const std::vector<Job>& jobs() {
  static const std::vector<Job> v = {
      {"학생", "student"}, {"교사", "teacher"},       {"의사", "doctor"},           {"가수", "singer"},
      {"요리사", "cook"},  {"간호사", "nurse"},       {"경찰관", "police officer"}, {"배우", "actor"},
      {"화가", "painter"}, {"작가", "writer"},        {"예술가", "artist"},         {"운동선수", "athlete"},
      {"농부", "farmer"},  {"소방관", "firefighter"}, {"엔지니어", "engineer"},
  };
  return v;
}

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

const std::vector<Number>& numbers() {
  static const std::vector<Number> v = {{"두", "two"}, {"세", "three"}, {"네", "four"}, {"다섯", "five"}};
  return v;
}

}  // namespace tf::gen
