// Tests for src/text/tokenizer.hpp and src/text/hangul.hpp.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "text/hangul.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

using tf::Token;
using tf::Tokenizer;
using tf::TokenizerKind;

namespace {

// The vocabulary pieces of tokenize(text) (unknown pieces show as "<unk>").
std::vector<std::string> pieces(const Tokenizer& tok, const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : tok.tokenize(text)) out.push_back(tok.vocab()[t.id]);
  return out;
}

std::vector<std::string> texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.text);
  return out;
}

std::string joined(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) out += t.text;
  return out;
}

// Runs `fn` and checks it throws tf::Error with `code` and `detail`.
template <class Fn>
void require_error(Fn&& fn, const std::string& code, long long detail) {
  try {
    fn();
    FAIL("expected tf::Error " << code);
  } catch (const tf::Error& e) {
    CHECK(e.code() == code);
    CHECK(e.detail() == detail);
  }
}

template <class Fn>
void require_code(Fn&& fn, const std::string& code) {
  try {
    fn();
    FAIL("expected tf::Error " << code);
  } catch (const tf::Error& e) {
    INFO(e.what());
    CHECK(e.code() == code);
  }
}

const std::string kSeedSentences =
    "나는 밥을 먹었다\n"
    "밥을 나는 먹었다\n"
    "고양이는 귀엽다\n"
    "사과의 의미로 사과를 구매해서 드렸다\n";

// A paragraph with everything the tokenizers must carry through unchanged.
const std::string kParagraph =
    "### 2주차 WIL\n"
    "=> 본격적으로 LLM 기본 원리와 트랜스포머(Transformer)까지 살펴봤습니다.  두 칸 띄움!\n"
    "\n"
    "\"사과의 의미로 사과를 구매해서 드렸다\"라는 문장에서 사과를 구분할 수 없다.\r\n"
    " 앞에 공백, 끝에도 공백 \n"
    "\t탭\t뒤\u3000전각 공백\u00A0NBSP, 「인용」과 『책』。你好，世界！\n"
    "Hello, world! It's 3.14 — isn't it? 🎉👍🏽 이모지도 좋아요😊 ▁literal ▁ mark▁x\n"
    "#항해플러스 #항해99   ";

const TokenizerKind kAllKinds[] = {TokenizerKind::Char, TokenizerKind::Word, TokenizerKind::Jamo};

}  // namespace

TEST_CASE("tokenizer kinds convert to and from strings", "[tokenizer]") {
  for (TokenizerKind kind : kAllKinds) CHECK(tf::tokenizer_kind_from_string(tf::to_string(kind)) == kind);
  CHECK(tf::to_string(TokenizerKind::Char) == "char");
  CHECK(tf::to_string(TokenizerKind::Word) == "word");
  CHECK(tf::to_string(TokenizerKind::Jamo) == "jamo");
  require_code([] { tf::tokenizer_kind_from_string("bpe"); }, "bad_tokenizer");
  require_code([] { tf::tokenizer_kind_from_string("Char"); }, "bad_tokenizer");
}

TEST_CASE("special tokens have fixed ids", "[tokenizer]") {
  for (TokenizerKind kind : kAllKinds) {
    const Tokenizer tok = Tokenizer::build(kind, kSeedSentences);
    REQUIRE(tok.vocab_size() > 4);
    CHECK(tok.vocab()[Tokenizer::PAD] == "<pad>");
    CHECK(tok.vocab()[Tokenizer::BOS] == "<bos>");
    CHECK(tok.vocab()[Tokenizer::EOS] == "<eos>");
    CHECK(tok.vocab()[Tokenizer::UNK] == "<unk>");
    CHECK(tok.id_of("<pad>") == 0);
    CHECK(tok.id_of("<unk>") == 3);
    CHECK(tok.id_of("no such piece") == -1);
    CHECK(tok.token_text(Tokenizer::BOS) == "<bos>");
    CHECK(tok.kind() == kind);
    // Typing the special strings gives ordinary pieces, never the special ids.
    for (int id : tok.encode("<bos><unk>")) CHECK(id != Tokenizer::BOS);
  }
  const Tokenizer empty;
  CHECK(empty.vocab_size() == 4);
  CHECK(empty.kind() == TokenizerKind::Char);
  CHECK(empty.encode("a") == std::vector<int>{Tokenizer::UNK});
}

TEST_CASE("char tokenizer: one token per code point", "[tokenizer]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, kSeedSentences);

  SECTION("Hangul syllables, spaces and newlines") {
    const std::vector<Token> tokens = tok.tokenize("나는 밥을\n");
    CHECK(texts(tokens) == std::vector<std::string>{"나", "는", " ", "밥", "을", "\n"});
    for (const Token& t : tokens) CHECK_FALSE(t.unknown);
    CHECK(tokens[2].id == tok.id_of(" "));
    CHECK(tok.decode(tok.encode("나는 밥을\n")) == "나는 밥을\n");
  }
  SECTION("사 is one token; the same syllable gets the same id") {
    const std::vector<int> ids = tok.encode("사과의 사과");
    REQUIRE(ids.size() == 6);
    CHECK(ids[0] == ids[4]);
    CHECK(ids[1] == ids[5]);
    CHECK(tok.token_text(ids[0]) == "사");
  }
  SECTION("emoji, English and mixed scripts") {
    const Tokenizer mixed = Tokenizer::build(TokenizerKind::Char, "AI는 🎉 fun");
    const std::vector<Token> tokens = mixed.tokenize("🎉AI");
    CHECK(texts(tokens) == std::vector<std::string>{"🎉", "A", "I"});
    CHECK(tokens[0].text.size() == 4);  // one 4-byte code point, one token
    CHECK_FALSE(tokens[0].unknown);
  }
  SECTION("multiple spaces are separate tokens") {
    CHECK(texts(tok.tokenize("나  는")) == std::vector<std::string>{"나", " ", " ", "는"});
  }
}

TEST_CASE("word tokenizer: the seed sentences", "[tokenizer]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Word, kSeedSentences);

  CHECK(pieces(tok, "나는 밥을 먹었다") == std::vector<std::string>{"▁나는", "▁밥을", "▁먹었다"});
  CHECK(pieces(tok, "밥을 나는 먹었다") == std::vector<std::string>{"▁밥을", "▁나는", "▁먹었다"});
  CHECK(pieces(tok, "고양이는 귀엽다") == std::vector<std::string>{"▁고양이는", "▁귀엽다"});
  CHECK(pieces(tok, "사과의 의미로 사과를 구매해서 드렸다") ==
        std::vector<std::string>{"▁사과의", "▁의미로", "▁사과를", "▁구매해서", "▁드렸다"});

  // Reordering the words keeps the ids, only the positions change (the positional-encoding lesson).
  std::vector<int> a = tok.encode("나는 밥을 먹었다");
  std::vector<int> b = tok.encode("밥을 나는 먹었다");
  CHECK(a[0] == b[1]);
  CHECK(a[1] == b[0]);
  CHECK(a[2] == b[2]);

  // Token text keeps the space that ▁ stands for, so the texts add up to the input.
  const std::vector<Token> tokens = tok.tokenize("나는 밥을 먹었다\n고양이는 귀엽다");
  CHECK(texts(tokens) == std::vector<std::string>{"나는", " 밥을", " 먹었다", "\n", "고양이는", " 귀엽다"});
  for (const Token& t : tokens) CHECK_FALSE(t.unknown);
  CHECK(tok.decode(tok.encode(kSeedSentences)) == kSeedSentences);
  CHECK(tok.token_text(tok.id_of("▁나는")) == "▁나는");
  // Seed corpus: 4 newlines, 2 each of ▁나는 ▁밥을 ▁먹었다; everything else once.
  CHECK(tok.vocab()[4] == "\n");
  CHECK(tok.vocab_size() == 4 + 1 + 3 + 7);
}

TEST_CASE("word tokenizer: whitespace, punctuation and mixed scripts", "[tokenizer]") {
  // Splits `text` with a vocabulary built from `text` itself; the round trip must be exact.
  auto split = [](const std::string& text) {
    const Tokenizer tok = Tokenizer::build(TokenizerKind::Word, text);
    const std::vector<Token> tokens = tok.tokenize(text);
    CHECK(joined(tokens) == text);
    CHECK(tok.decode(tok.encode(text)) == text);
    std::vector<std::string> out;
    for (const Token& t : tokens) {
      CHECK_FALSE(t.unknown);
      out.push_back(tok.vocab()[t.id]);
    }
    return out;
  };
  using V = std::vector<std::string>;

  CHECK(split("Hello, world!") == V{"▁Hello", ",", "▁world", "!"});
  CHECK(split("It's 3.14") == V{"▁It", "'", "s", "▁3", ".", "14"});
  CHECK(split("2024년 3월") == V{"▁2024년", "▁3월"});  // digits stay inside words
  CHECK(split("사과(apple)를") == V{"▁사과", "(", "apple", ")", "를"});
  CHECK(split("AI는 재밌다") == V{"▁AI는", "▁재밌다"});
  CHECK(split("좋아요😊 🎉") == V{"▁좋아요😊", "▁🎉"});  // emoji are not punctuation
  CHECK(split("「인용」。你好，世界！") == V{"▁「", "인용", "」", "。", "你好", "，", "世界", "！"});
  CHECK(split("“따옴표”…") == V{"▁“", "따옴표", "”", "…"});

  SECTION("multiple spaces, leading and trailing spaces") {
    CHECK(split("a  b") == V{"▁a", " ", "▁b"});
    CHECK(split("a   b") == V{"▁a", " ", " ", "▁b"});
    CHECK(split(" a") == V{" ", "a"});
    CHECK(split("  a") == V{" ", "▁a"});
    CHECK(split("a ") == V{"▁a", " "});
    CHECK(split("   ") == V{" ", " ", " "});
  }
  SECTION("newlines and other whitespace are their own tokens") {
    CHECK(split("a\nb") == V{"▁a", "\n", "▁b"});
    CHECK(split("a\n\nb") == V{"▁a", "\n", "\n", "▁b"});
    CHECK(split("a \nb") == V{"▁a", " ", "\n", "▁b"});
    CHECK(split("a\n b") == V{"▁a", "\n", " ", "b"});
    CHECK(split("a\r\nb") == V{"▁a", "\r", "\n", "▁b"});
    CHECK(split("a\tb\t c") == V{"▁a", "\t", "b", "\t", "▁c"});
    CHECK(split("a\u3000b\u00A0c") == V{"▁a", "\u3000", "b", "\u00A0", "c"});
  }
  SECTION("a literal ▁ in the text survives") {
    CHECK(split("▁") == V{"▁▁"});
    CHECK(split("a▁b") == V{"▁a", "▁", "b"});
    CHECK(split("a ▁b") == V{"▁a", "▁▁", "b"});
    CHECK(split("▁▁ ▁") == V{"▁▁", "▁", "▁▁"});
  }
  SECTION("markdown from the seed") {
    CHECK(split("### 2주차 WIL") == V{"▁#", "#", "#", "▁2주차", "▁WIL"});
    CHECK(split("#항해플러스 #항해99") == V{"▁#", "항해플러스", "▁#", "항해99"});
    CHECK(split("=> 본격적으로") == V{"▁=", ">", "▁본격적으로"});
  }
  SECTION("character classes") {
    for (char32_t cp : {U'.',  U',',  U'!',  U'?',  U'(',  U'"', U'\'', U'#', U'~', U'。', U'、',
                        U'「', U'』', U'！', U'？', U'，', U'…', U'“',  U'—', U'·', U'▁'}) {
      CHECK(tf::is_punctuation(cp));
    }
    for (char32_t cp : {U'a', U'Z', U'0', U'9', U'가', U'힣', U'ㄱ', U'你', U'😊', U' ', U'\n', U'é'}) {
      CHECK_FALSE(tf::is_punctuation(cp));
    }
    for (char32_t cp : {U' ', U'\n', U'\t', U'\r', U'\u3000', U'\u00A0', U'\u2028'}) CHECK(tf::is_whitespace(cp));
    for (char32_t cp : {U'a', U'가', U'_', U'\u200B'}) CHECK_FALSE(tf::is_whitespace(cp));
  }
}

TEST_CASE("word decode: ▁ is a space except at the start of a line", "[tokenizer]") {
  const Tokenizer tok = Tokenizer::from_vocab(
      TokenizerKind::Word, {"<pad>", "<bos>", "<eos>", "<unk>", "▁나는", "▁밥을", "밥을", "\n", ".", " "});
  const int na = tok.id_of("▁나는"), bap = tok.id_of("▁밥을"), bap_glued = tok.id_of("밥을");
  const int nl = tok.id_of("\n"), dot = tok.id_of("."), space = tok.id_of(" ");
  CHECK(tok.decode({na, bap, dot}) == "나는 밥을.");
  CHECK(tok.decode({bap}) == "밥을");
  CHECK(tok.decode({na, bap_glued}) == "나는밥을");
  CHECK(tok.decode({na, nl, bap}) == "나는\n밥을");
  CHECK(tok.decode({space, bap}) == "  밥을");
  CHECK(tok.decode({space, bap_glued}) == " 밥을");
  // Specials write nothing and leave the spacing alone; <unk> is U+FFFD.
  CHECK(tok.decode({Tokenizer::BOS, na, Tokenizer::PAD, bap, Tokenizer::EOS}) == "나는 밥을");
  CHECK(tok.decode({na, Tokenizer::UNK, bap}) == "나는 \xEF\xBF\xBD 밥을");  // <unk> counts as a word
  CHECK(tok.decode({Tokenizer::UNK, nl, Tokenizer::UNK}) == "\xEF\xBF\xBD\n\xEF\xBF\xBD");
  CHECK(tok.decode({}).empty());
}

TEST_CASE("hangul: syllables decompose into conjoining jamo and back", "[tokenizer]") {
  char32_t jamo[3] = {};
  REQUIRE(tf::decompose_hangul_syllable(U'각', jamo) == 3);
  CHECK(jamo[0] == 0x1100);  // ᄀ
  CHECK(jamo[1] == 0x1161);  // ᅡ
  CHECK(jamo[2] == 0x11A8);  // ᆨ
  REQUIRE(tf::decompose_hangul_syllable(U'사', jamo) == 2);
  CHECK(jamo[0] == 0x1109);                                  // ᄉ
  CHECK(jamo[1] == 0x1161);                                  // ᅡ
  REQUIRE(tf::decompose_hangul_syllable(U'힣', jamo) == 3);  // the last syllable
  CHECK(jamo[0] == 0x1112);
  CHECK(jamo[1] == 0x1175);
  CHECK(jamo[2] == 0x11C2);
  CHECK(tf::is_hangul_syllable(U'가'));
  CHECK(tf::is_hangul_syllable(U'힣'));
  CHECK_FALSE(tf::is_hangul_syllable(0xD7A4));
  CHECK_FALSE(tf::is_hangul_syllable(U'ㄱ'));

  CHECK(tf::decompose_hangul("각") == "\u1100\u1161\u11A8");
  CHECK(tf::decompose_hangul("사과 A") == "\u1109\u1161\u1100\u116A A");
  CHECK(tf::compose_hangul("\u1100\u1161\u11A8") == "각");
  CHECK(tf::compose_hangul("\u1109\u1161") == "사");
  CHECK(tf::compose_hangul("가\u11A8") == "각");                  // LV + T
  CHECK(tf::compose_hangul("\u1100") == "\u1100");                // a lone L stays
  CHECK(tf::compose_hangul("\u1100\u1100\u1161") == "\u1100가");  // only the L next to V joins
  CHECK(tf::compose_hangul("\u11A8\u1161") == "\u11A8\u1161");    // T then V: nothing to join
  CHECK(tf::compose_hangul("각\u11A8") == "각\u11A8");            // LVT + T: no room
  CHECK(tf::compose_hangul("ㄱㅏ") == "ㄱㅏ");                    // compatibility jamo never join

  // Every syllable survives the round trip.
  std::string all;
  for (char32_t s = 0xAC00; s <= 0xD7A3; ++s) tf::append_utf8(all, s);
  CHECK(tf::compose_hangul(tf::decompose_hangul(all)) == all);

  CHECK(tf::jamo_role(0x1100) == tf::JamoRole::Leading);
  CHECK(tf::jamo_role(0x1175) == tf::JamoRole::Vowel);
  CHECK(tf::jamo_role(0x11A8) == tf::JamoRole::Trailing);
  CHECK(tf::jamo_role(0x11A7) == tf::JamoRole::None);
  CHECK(tf::jamo_role(U'ㄱ') == tf::JamoRole::None);
  CHECK(tf::compatibility_jamo(0x1100) == U'ㄱ');
  CHECK(tf::compatibility_jamo(0x1112) == U'ㅎ');
  CHECK(tf::compatibility_jamo(0x1161) == U'ㅏ');
  CHECK(tf::compatibility_jamo(0x1175) == U'ㅣ');
  CHECK(tf::compatibility_jamo(0x11A8) == U'ㄱ');
  CHECK(tf::compatibility_jamo(0x11AA) == U'ㄳ');
  CHECK(tf::compatibility_jamo(0x11AF) == U'ㄹ');
  CHECK(tf::compatibility_jamo(0x11C2) == U'ㅎ');
  CHECK(tf::compatibility_jamo(U'A') == U'A');
}

TEST_CASE("jamo tokenizer: syllables become jamo tokens", "[tokenizer]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Jamo, kSeedSentences + "각 Hi 🎉");

  const std::vector<Token> tokens = tok.tokenize("각 사");
  CHECK(texts(tokens) == std::vector<std::string>{"\u1100", "\u1161", "\u11A8", " ", "\u1109", "\u1161"});
  for (const Token& t : tokens) CHECK_FALSE(t.unknown);
  CHECK(tokens[1].id == tokens[5].id);  // the same vowel ᅡ
  CHECK(tok.decode(tok.encode("각 사")) == "각 사");

  // token_text shows the compatibility letter; the vocabulary keeps conjoining jamo.
  CHECK(tok.token_text(tokens[0].id) == "ㄱ");
  CHECK(tok.token_text(tokens[1].id) == "ㅏ");
  CHECK(tok.token_text(tokens[2].id) == "ㄱ");
  CHECK(tok.vocab()[tokens[2].id] == "\u11A8");
  CHECK(tok.token_text(tok.id_of("H")) == "H");

  // Non-Hangul code points stay whole.
  CHECK(texts(tok.tokenize("Hi🎉")) == std::vector<std::string>{"H", "i", "🎉"});
  CHECK(tok.decode(tok.encode(kSeedSentences)) == kSeedSentences);
  // Unknown jamo (ᄐ and ᇂ never occur in the corpus) become <unk>; the known vowel stays.
  const std::vector<int> ids = tok.encode("탛");
  CHECK(ids == std::vector<int>{Tokenizer::UNK, tok.id_of("\u1161"), Tokenizer::UNK});
  CHECK(tok.decode(ids) == "\xEF\xBF\xBD\u1161\xEF\xBF\xBD");
}

TEST_CASE("all tokenizers round-trip a paragraph exactly", "[tokenizer]") {
  for (TokenizerKind kind : kAllKinds) {
    INFO(tf::to_string(kind));
    const Tokenizer tok = Tokenizer::build(kind, kParagraph);
    const std::vector<Token> tokens = tok.tokenize(kParagraph);
    for (const Token& t : tokens) CHECK_FALSE(t.unknown);
    CHECK(tok.decode(tok.encode(kParagraph)) == kParagraph);
    // Token texts add up to the input (jamo: the input with syllables decomposed).
    CHECK(joined(tokens) == (kind == TokenizerKind::Jamo ? tf::decompose_hangul(kParagraph) : kParagraph));
    std::vector<int> ids;
    for (const Token& t : tokens) ids.push_back(t.id);
    CHECK(ids == tok.encode(kParagraph));
    // Each line on its own also round-trips.
    for (const std::string line : {"=> 본격적으로 LLM 기본 원리와", " 앞에 공백, 끝에도 공백 ", "mark▁x"}) {
      CHECK(tok.decode(tok.encode(line)) == line);
    }
  }
}

TEST_CASE("vocabulary is deterministic and ordered by frequency", "[tokenizer]") {
  for (TokenizerKind kind : kAllKinds) {
    const Tokenizer a = Tokenizer::build(kind, kParagraph);
    const Tokenizer b = Tokenizer::build(kind, kParagraph);
    CHECK(a.vocab() == b.vocab());
    CHECK(a.to_json() == b.to_json());
  }
  // Most frequent first; ties in byte order (" " 0x20 < "는" < "다").
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "나다 나는");
  CHECK(tok.vocab() == std::vector<std::string>{"<pad>", "<bos>", "<eos>", "<unk>", "나", " ", "는", "다"});
  const Tokenizer ab = Tokenizer::build(TokenizerKind::Char, "abba");
  CHECK(ab.vocab() == std::vector<std::string>{"<pad>", "<bos>", "<eos>", "<unk>", "a", "b"});
  const Tokenizer empty = Tokenizer::build(TokenizerKind::Word, "");
  CHECK(empty.vocab_size() == 4);
}

TEST_CASE("max_vocab caps the vocabulary, keeping the most frequent pieces", "[tokenizer]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "aaaa bbb cc d", 7);
  CHECK(tok.vocab() == std::vector<std::string>{"<pad>", "<bos>", "<eos>", "<unk>", "a", " ", "b"});
  const std::vector<Token> tokens = tok.tokenize("abcd");
  CHECK_FALSE(tokens[0].unknown);
  CHECK_FALSE(tokens[1].unknown);
  CHECK(tokens[2].unknown);
  CHECK(tokens[2].id == Tokenizer::UNK);
  CHECK(tokens[2].text == "c");

  CHECK(Tokenizer::build(TokenizerKind::Word, kParagraph, 4).vocab_size() == 4);
  CHECK(Tokenizer::build(TokenizerKind::Jamo, kParagraph, 20).vocab_size() == 20);
  CHECK(Tokenizer::build(TokenizerKind::Char, "ab", 100).vocab_size() == 6);
  require_error([] { Tokenizer::build(TokenizerKind::Char, "abc", 3); }, "bad_tokenizer", 3);
  require_error([] { Tokenizer::build(TokenizerKind::Char, "abc", -1); }, "bad_tokenizer", -1);
}

TEST_CASE("unknown pieces map to <unk> and decode to U+FFFD", "[tokenizer]") {
  const Tokenizer chars = Tokenizer::build(TokenizerKind::Char, "나는 밥을 먹었다");
  const std::vector<Token> tokens = chars.tokenize("나도");
  REQUIRE(tokens.size() == 2);
  CHECK_FALSE(tokens[0].unknown);
  CHECK(tokens[1].unknown);
  CHECK(tokens[1].id == Tokenizer::UNK);
  CHECK(tokens[1].text == "도");
  CHECK(chars.decode(chars.encode("나도")) == "나\xEF\xBF\xBD");

  const Tokenizer words = Tokenizer::build(TokenizerKind::Word, "나는 밥을 먹었다");
  const std::vector<Token> w = words.tokenize("나는 빵을 먹었다");
  REQUIRE(w.size() == 3);
  CHECK(w[1].unknown);
  CHECK(w[1].text == " 빵을");
  CHECK(words.decode(words.encode("나는 빵을 먹었다")) == "나는 \xEF\xBF\xBD 먹었다");
  // Known word, unknown position variant: 밥을 glued after ( was never seen.
  CHECK(words.tokenize("(밥을")[1].unknown);
}

TEST_CASE("invalid UTF-8 is a tf::Error naming the byte offset", "[tokenizer]") {
  struct Case {
    std::string text;
    long long offset;
  };
  const Case cases[] = {
      {"ab\x80"
       "cd",
       2},                      // stray continuation byte
      {"\x80", 0},              //
      {"가\xEA\xB0", 3},        // truncated 3-byte sequence at the end
      {"가\xEA\xB0 나", 3},     // truncated, followed by more text
      {"x\xC0\xAFy", 1},        // overlong '/'
      {"가나\xED\xA0\x80", 6},  // UTF-16 surrogate U+D800
      {"\xF4\x90\x80\x80", 0},  // above U+10FFFF
      {"ok 🎉\xFF", 7},          // 0xFF never appears in UTF-8
  };
  for (TokenizerKind kind : kAllKinds) {
    const Tokenizer tok = Tokenizer::build(kind, kSeedSentences);
    for (const Case& c : cases) {
      INFO(tf::to_string(kind) << " offset " << c.offset);
      require_error([&] { tok.tokenize(c.text); }, "invalid_utf8", c.offset);
      require_error([&] { tok.encode(c.text); }, "invalid_utf8", c.offset);
      require_error([&] { Tokenizer::build(kind, c.text); }, "invalid_utf8", c.offset);
    }
  }
}

TEST_CASE("decode rejects ids outside the vocabulary", "[tokenizer]") {
  const Tokenizer tok = Tokenizer::build(TokenizerKind::Char, "가나다");
  const int size = tok.vocab_size();
  require_error([&] { tok.decode({4, size}); }, "bad_token_id", size);
  require_error([&] { tok.decode({-1}); }, "bad_token_id", -1);
  require_error([&] { tok.token_text(size + 5); }, "bad_token_id", size + 5);
  try {
    tok.decode({size});
  } catch (const tf::Error& e) {
    CHECK(e.detail2() == size);
  }
  CHECK(tok.decode({4, 5, 6}) == tok.vocab()[4] + tok.vocab()[5] + tok.vocab()[6]);
}

TEST_CASE("from_vocab validates the vocabulary", "[tokenizer]") {
  using V = std::vector<std::string>;
  const V good{"<pad>", "<bos>", "<eos>", "<unk>", "가", "나"};
  const Tokenizer tok = Tokenizer::from_vocab(TokenizerKind::Char, good);
  CHECK(tok.vocab() == good);
  CHECK(tok.encode("나가") == std::vector<int>{5, 4});

  require_error([] { Tokenizer::from_vocab(TokenizerKind::Char, V{"<pad>", "<bos>", "<eos>"}); }, "bad_tokenizer", 3);
  require_error(
      [] {
        Tokenizer::from_vocab(TokenizerKind::Char, V{"<pad>", "<eos>", "<bos>", "<unk>"});
      },
      "bad_tokenizer", 1);
  require_error(
      [] {
        Tokenizer::from_vocab(TokenizerKind::Char, V{"<pad>", "<bos>", "<eos>", "<unk>", "가", "가"});
      },
      "bad_tokenizer", 5);
  require_error(
      [] {
        Tokenizer::from_vocab(TokenizerKind::Char, V{"<pad>", "<bos>", "<eos>", "<unk>", "<pad>"});
      },
      "bad_tokenizer", 4);
  require_error(
      [] {
        Tokenizer::from_vocab(TokenizerKind::Char, V{"<pad>", "<bos>", "<eos>", "<unk>", ""});
      },
      "bad_tokenizer", 4);
  require_error(
      [] {
        Tokenizer::from_vocab(TokenizerKind::Char, V{"<pad>", "<bos>", "<eos>", "<unk>", "a", "\xEA\xB0"});
      },
      "bad_tokenizer", 5);
}

TEST_CASE("JSON round-trips and bad JSON is a clear error", "[tokenizer]") {
  for (TokenizerKind kind : kAllKinds) {
    const Tokenizer tok = Tokenizer::build(kind, kParagraph);
    const std::string json = tok.to_json();
    const Tokenizer back = Tokenizer::from_json(json);
    CHECK(back.kind() == kind);
    CHECK(back.vocab() == tok.vocab());
    CHECK(back.to_json() == json);
    CHECK(back.encode(kParagraph) == tok.encode(kParagraph));
  }
  const Tokenizer tok = Tokenizer::from_json(R"({"type": "char", "vocab": ["<pad>", "<bos>", "<eos>", "<unk>", "가"],
                                                 "note": "unknown keys are ignored"})");
  CHECK(tok.encode("가") == std::vector<int>{4});
  CHECK(Tokenizer::from_vocab(TokenizerKind::Char, tok.vocab()).to_json() ==
        R"({"type":"char","vocab":["<pad>","<bos>","<eos>","<unk>","가"]})");

  const char* bad[] = {
      "",
      "not json",
      "{\"type\": \"char\", \"vocab\": [",
      "[1, 2]",
      "{}",
      R"({"vocab": ["<pad>", "<bos>", "<eos>", "<unk>"]})",
      R"({"type": 3, "vocab": ["<pad>", "<bos>", "<eos>", "<unk>"]})",
      R"({"type": "bpe", "vocab": ["<pad>", "<bos>", "<eos>", "<unk>"]})",
      R"({"type": "char"})",
      R"({"type": "char", "vocab": "abc"})",
      R"({"type": "char", "vocab": ["<pad>", "<bos>", "<eos>", "<unk>", 7]})",
      R"({"type": "char", "vocab": ["<pad>", "<bos>", "<eos>"]})",
      R"({"type": "word", "vocab": ["<pad>", "<bos>", "<eos>", "<unk>", "a", "a"]})",
      "{\"type\": \"char\", \"vocab\": [\"<pad>\", \"<bos>\", \"<eos>\", \"<unk>\", \"\xEA\xB0\"]}",
  };
  for (const char* json : bad) {
    INFO(json);
    require_code([&] { Tokenizer::from_json(json); }, "bad_tokenizer");
  }
}
