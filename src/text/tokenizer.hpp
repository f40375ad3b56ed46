#pragma once
// Tokenizers: text -> pieces -> ids and back, in three flavours a learner can compare.
//
// Worked example, text "나는 밥을 먹었다.\n" (pieces separated by |, ␠ = a space token):
//
//   char : 나 | 는 | ␠ | 밥 | 을 | ␠ | 먹 | 었 | 다 | . | \n                    (one per code point)
//   word : ▁나는 | ▁밥을 | ▁먹었다 | . | \n                                  (▁ = "a word starts here")
//   jamo : ᄂ | ᅡ | ᄂ | ᅳ | ᆫ | ␠ | ᄇ | ᅡ | ᆸ | ᄋ | ᅳ | ᆯ | ␠ | ᄆ | ᅥ | ᆨ | ... | . | \n
//
// With a vocabulary built from that text, encode() gives the ids and decode(encode(s)) == s.
//
// Vocabulary. Ids 0..3 are always the specials "<pad>", "<bos>", "<eos>", "<unk>". build() then adds
// the corpus's pieces, most frequent first, ties broken by the byte order of the UTF-8 piece (which
// is code point order), so the same corpus always gives the same ids. A piece missing from the
// vocabulary becomes <unk> (Token::unknown = true, Token::text keeps what was written).
//
// char: one token per Unicode code point; spaces and newlines are tokens too. "사" is one token, an
//   emoji like 🎉 (4 UTF-8 bytes) is one token.
//
// word: the text is cut at whitespace and at punctuation; everything else (letters, digits, emoji,
//   Korean particles) stays together as written: "나는" and "2024년" are one word each.
//   - Punctuation (is_punctuation) = ASCII punctuation and symbols !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~,
//     Latin-1 ¡§«¶·»¿, General Punctuation U+2010..U+2027 and U+2030..U+205E (– — ‘ ’ “ ” … ※ ...),
//     CJK punctuation U+3001..U+3003 and U+3008..U+301F (、。「」『』【】 ...), ・ U+30FB, and the
//     fullwidth forms ！（），．：；？ etc. Each punctuation code point is a token of its own.
//   - Spaces follow SentencePiece: "▁" (U+2581) starts a piece that begins a word, i.e. one that
//     follows a single space U+0020 (the space is folded into the piece) or starts the text or a
//     line (nothing to fold). So "나는 밥을 먹었다" -> ▁나는 | ▁밥을 | ▁먹었다 and "밥을 나는 먹었다"
//     -> ▁밥을 | ▁나는 | ▁먹었다: the same words keep the same ids when only the order changes.
//     A piece without ▁ is glued to what comes before: "사과(apple)" -> ▁사과 | ( | apple | ).
//   - Every other whitespace code point (is_whitespace: a space before whitespace, at the end or at
//     the start of a line, newline, tab, U+3000, NBSP, ...) is a token of its own:
//     "a  b\n" -> ▁a | ␠ | ▁b | \n, " a" -> ␠ | a.
//   - decode() writes "▁X" as " X", except at the start of the output or right after a line break
//     (\n \r \v \f U+0085 U+2028 U+2029), where it writes "X". Decode whole sequences: decode({id})
//     on its own always counts as the start of a line.
//   - A literal "▁" in the text counts as punctuation so it never hides inside a word: the piece "▁"
//     alone stands for itself, "▁" + X (X non-empty) always means a word start. That keeps the round
//     trip exact: decode(encode(s)) == s whenever every piece of s is in the vocabulary.
//   token_text() shows the ▁ so a learner can see where words start, as in real LLM tokenizers.
//
// jamo: each precomposed Hangul syllable U+AC00..U+D7A3 becomes its 2 or 3 conjoining jamo
//   (leading U+1100+L, vowel U+1161+V, optional trailing U+11A7+T; see text/hangul.hpp): 각 -> ᄀ ᅡ ᆨ,
//   사 -> ᄉ ᅡ. Every other code point is one token, as in char. decode() recomposes L V (T) back into
//   syllables, so the round trip is exact for in-vocabulary text. (Text that already contains
//   conjoining jamo, e.g. NFD file names from macOS, comes back composed, which Unicode treats as
//   the same text.) token_text() shows a jamo as the compatibility letter a learner can read
//   (ᄀ and ᆨ -> ㄱ, ᅡ -> ㅏ); Token::text and vocab() keep the conjoining jamo.
//
// decode(): <pad>, <bos>, <eos> produce nothing; <unk> produces U+FFFD "�" (the standard replacement
//   character: one visible character that cannot be mistaken for text the learner typed, which
//   "<unk>" could be). The word tokenizer treats <unk> as a word start (its space is written as for
//   "▁X"), since most unknown pieces are words: "나는 빵을 먹었다" with 빵을 unknown -> "나는 � 먹었다".
//   Ids outside [0, vocab_size()) throw tf::Error "bad_token_id" (detail = id,
//   detail2 = vocab_size()).
//
// Errors (tf::Error codes): "invalid_utf8" (detail = byte offset) for bad input text or corpus;
//   "bad_tokenizer" for an unknown kind, bad JSON, a malformed vocabulary (detail = the offending
//   vocabulary index where there is one) or max_vocab < 4; "bad_token_id".
//
// All methods are const after construction, so one Tokenizer may be shared between threads.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tf {

enum class TokenizerKind { Char, Word, Jamo };

std::string to_string(TokenizerKind kind);  // "char", "word", "jamo"
// Inverse of to_string; anything else throws tf::Error "bad_tokenizer".
TokenizerKind tokenizer_kind_from_string(const std::string& name);

// The word tokenizer's character classes (see the header comment).
bool is_whitespace(char32_t cp);
bool is_punctuation(char32_t cp);

struct Token {
  int id;            // vocabulary id (Tokenizer::UNK when the piece is not in the vocabulary)
  std::string text;  // the text this token stands for: "나", " 밥을" (▁ -> the folded space), "ᄀ";
                     // concatenated over tokenize(s) it gives s back (jamo: s with syllables decomposed)
  bool unknown;      // true when the piece was not in the vocabulary (id == UNK)
};

class Tokenizer {
 public:
  static constexpr int PAD = 0, BOS = 1, EOS = 2, UNK = 3;
  static constexpr int kNumSpecials = 4;
  static const char* const kSpecialPieces[kNumSpecials];  // "<pad>", "<bos>", "<eos>", "<unk>"

  // A char tokenizer holding only the four specials (so Tokenizer can be a plain member).
  Tokenizer();

  // Builds the vocabulary from `corpus`: the specials, then the corpus's pieces, most frequent first
  // (ties: byte order), at most `max_vocab` entries in total (max_vocab >= 4).
  static Tokenizer build(TokenizerKind kind, std::string_view corpus, int max_vocab = 4096);
  // Takes a vocabulary as is; checks specials at 0..3, no duplicates, non-empty valid UTF-8 pieces.
  static Tokenizer from_vocab(TokenizerKind kind, std::vector<std::string> vocab);
  // {"type": "char", "vocab": ["<pad>", "<bos>", "<eos>", "<unk>", "가", ...]}; unknown keys are ignored.
  static Tokenizer from_json(const std::string& json);
  std::string to_json() const;

  // Splits `text` into tokens (throws tf::Error "invalid_utf8" with the byte offset).
  std::vector<Token> tokenize(std::string_view text) const;
  // The ids of tokenize(text), without building the token strings.
  std::vector<int> encode(std::string_view text) const;
  // Concatenates the tokens' text (jamo recomposed); see the header comment for specials.
  std::string decode(const std::vector<int>& ids) const;
  // Display text of one id: the vocabulary piece ("<bos>", "▁밥을", "\n"), but jamo as ㄱ ㅏ ...
  std::string token_text(int id) const;

  int vocab_size() const { return static_cast<int>(vocab_.size()); }
  TokenizerKind kind() const { return kind_; }
  const std::vector<std::string>& vocab() const { return vocab_; }
  int id_of(const std::string& piece) const;  // -1 if absent
  static bool is_special(int id) { return id >= 0 && id < kNumSpecials; }

 private:
  Tokenizer(TokenizerKind kind, std::vector<std::string> vocab);  // vocab already validated
  void check_id(int id) const;

  TokenizerKind kind_;
  std::vector<std::string> vocab_;               // (V) piece of each id
  static constexpr unsigned char kMarked = 1;    // word piece starting with ▁
  static constexpr unsigned char kEndsLine = 2;  // word piece ending with a line break
  std::vector<std::string> texts_;               // (V) what decode() writes for each id (▁ removed)
  std::vector<unsigned char> flags_;             // (V) kMarked | kEndsLine
  std::unordered_map<std::string, int> ids_;     // piece -> id
  std::unordered_map<char32_t, int> cp_ids_;     // piece -> id for one-code-point pieces (the fast path)
};

}  // namespace tf
