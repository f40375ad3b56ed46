#include "text/tokenizer.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/error.hpp"
#include "text/hangul.hpp"
#include "text/utf8.hpp"

namespace tf {

const char* const Tokenizer::kSpecialPieces[Tokenizer::kNumSpecials] = {"<pad>", "<bos>", "<eos>", "<unk>"};

namespace {

constexpr std::string_view kSpaceMark = "\xE2\x96\x81";    // ▁ U+2581, "a word starts here"
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // � U+FFFD, what <unk> decodes to

void check_utf8(std::string_view text) {
  const long long bad = find_invalid_utf8(text);
  if (bad >= 0) {
    throw Error("invalid_utf8", "text is not valid UTF-8 (bad byte at offset " + std::to_string(bad) + ")", bad);
  }
}

// Decodes the code point at text[i] of text already checked to be valid UTF-8; returns its length.
std::size_t next_code_point(std::string_view text, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  std::size_t len = 1;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  } else if (b0 < 0xE0) {
    len = 2, cp = b0 & 0x1F;
  } else if (b0 < 0xF0) {
    len = 3, cp = b0 & 0x0F;
  } else {
    len = 4, cp = b0 & 0x07;
  }
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return len;
}

// True for the code points after which a new line starts (where a word's ▁ means no space).
bool is_line_break(char32_t cp) { return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029; }

bool has_space_mark(const std::string& piece) {
  return piece.size() > kSpaceMark.size() && piece.compare(0, kSpaceMark.size(), kSpaceMark) == 0;
}

// One piece of text as the segmenter sees it.
constexpr char32_t kSeveral = 0xFFFFFFFF;
struct Piece {
  std::string_view text;  // the vocabulary string (valid until emit returns)
  char32_t cp;            // its code point when it is exactly one code point, else kSeveral
  bool marked;            // it starts with the word tokenizer's ▁
  bool space;             // that ▁ stands for a space in the text (rather than for the start of a line)
};

// The id of `piece`, or -1. Single code points take the fast integer map; `key` is scratch space.
int find_id(const std::unordered_map<char32_t, int>& cp_ids, const std::unordered_map<std::string, int>& ids,
            const Piece& piece, std::string& key) {
  if (piece.cp != kSeveral) {
    const auto it = cp_ids.find(piece.cp);
    return it == cp_ids.end() ? -1 : it->second;
  }
  key.assign(piece.text.data(), piece.text.size());
  const auto it = ids.find(key);
  return it == ids.end() ? -1 : it->second;
}

// The text a piece stands for: (space ? " " : "") + (marked ? piece without ▁ : piece).
std::string surface_of(const Piece& piece) {
  if (!piece.marked) return std::string(piece.text);
  std::string out;
  out.reserve(piece.text.size() - kSpaceMark.size() + 1);
  if (piece.space) out += ' ';
  out.append(piece.text.substr(kSpaceMark.size()));
  return out;
}

// Calls emit(const Piece&) for each piece of `text` (valid UTF-8), in order.
template <class Emit>
void for_each_piece(TokenizerKind kind, std::string_view text, Emit&& emit) {
  std::string buffer;  // reused for pieces that are not a slice of `text`, so they cost no allocation
  buffer.reserve(64);
  char32_t cp = 0;
  const std::size_t size = text.size();
  switch (kind) {
    case TokenizerKind::Char:
      for (std::size_t i = 0; i < size;) {
        const std::size_t n = next_code_point(text, i, cp);
        emit(Piece{text.substr(i, n), cp, false, false});
        i += n;
      }
      return;
    case TokenizerKind::Jamo:
      for (std::size_t i = 0; i < size;) {
        const std::size_t n = next_code_point(text, i, cp);
        if (is_hangul_syllable(cp)) {
          char32_t jamo[3];
          const int count = decompose_hangul_syllable(cp, jamo);
          for (int k = 0; k < count; ++k) {
            buffer.clear();
            append_utf8(buffer, jamo[k]);
            emit(Piece{buffer, jamo[k], false, false});
          }
        } else {
          emit(Piece{text.substr(i, n), cp, false, false});
        }
        i += n;
      }
      return;
    case TokenizerKind::Word: {
      bool line_start = true;     // at the start of the text or right after a line break
      bool space_before = false;  // a single space was consumed and belongs to the next piece
      for (std::size_t i = 0; i < size;) {
        const std::size_t n = next_code_point(text, i, cp);
        if (is_whitespace(cp)) {
          if (cp == U' ' && !line_start && i + n < size) {
            char32_t next = 0;
            next_code_point(text, i + n, next);
            if (!is_whitespace(next)) {
              space_before = true;
              i += n;
              continue;
            }
          }
          emit(Piece{text.substr(i, n), cp, false, false});
          line_start = is_line_break(cp);
          i += n;
          continue;
        }
        std::size_t end = i + n;
        if (!is_punctuation(cp)) {
          while (end < size) {
            char32_t c = 0;
            const std::size_t m = next_code_point(text, end, c);
            if (is_whitespace(c) || is_punctuation(c)) break;
            end += m;
          }
        }
        if (space_before || line_start) {
          buffer.assign(kSpaceMark);
          buffer.append(text.substr(i, end - i));
          emit(Piece{buffer, kSeveral, true, space_before});
        } else {
          emit(Piece{text.substr(i, end - i), end - i == n ? cp : kSeveral, false, false});
        }
        space_before = line_start = false;
        i = end;
      }
      return;
    }
  }
}

}  // namespace

std::string to_string(TokenizerKind kind) {
  switch (kind) {
    case TokenizerKind::Char:
      return "char";
    case TokenizerKind::Word:
      return "word";
    case TokenizerKind::Jamo:
      return "jamo";
  }
  return "char";
}

TokenizerKind tokenizer_kind_from_string(const std::string& name) {
  if (name == "char") return TokenizerKind::Char;
  if (name == "word") return TokenizerKind::Word;
  if (name == "jamo") return TokenizerKind::Jamo;
  throw Error("bad_tokenizer", "unknown tokenizer type \"" + name + "\" (expected char, word or jamo)");
}

bool is_whitespace(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_punctuation(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60) ||
           (cp >= 0x7B && cp <= 0x7E);
  }
  if (cp < 0x2000) {
    return cp == 0xA1 || cp == 0xA7 || cp == 0xAB || cp == 0xB6 || cp == 0xB7 || cp == 0xBB || cp == 0xBF;
  }
  return (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) || cp == 0x2581 ||  // ▁, see the header
         (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x301F) ||  // 、。〃 〈〉《》「」『』【】...
         cp == 0x30FB ||                                                      // ・
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||  // ！＂…／ ：；＜＝＞？＠
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);    // ［＼］＾＿｀ ｛｜｝～...･
}

Tokenizer::Tokenizer()
    : Tokenizer(TokenizerKind::Char, std::vector<std::string>(kSpecialPieces, kSpecialPieces + kNumSpecials)) {}

Tokenizer::Tokenizer(TokenizerKind kind, std::vector<std::string> vocab) : kind_(kind), vocab_(std::move(vocab)) {
  ids_.reserve(vocab_.size());
  texts_.reserve(vocab_.size());
  flags_.reserve(vocab_.size());
  for (std::size_t id = 0; id < vocab_.size(); ++id) {
    const std::string& piece = vocab_[id];
    ids_.emplace(piece, static_cast<int>(id));
    char32_t first = 0;
    if (!is_special(static_cast<int>(id)) && next_code_point(piece, 0, first) == piece.size()) {
      cp_ids_.emplace(first, static_cast<int>(id));
    }
    unsigned char flags = 0;
    if (id == static_cast<std::size_t>(UNK)) {
      texts_.emplace_back(kReplacement);
      if (kind_ == TokenizerKind::Word) flags |= kMarked;  // most unknown pieces are words: "나는 � 먹었다"
    } else if (is_special(static_cast<int>(id))) {
      texts_.emplace_back();
    } else if (kind_ == TokenizerKind::Word && has_space_mark(piece)) {
      texts_.push_back(piece.substr(kSpaceMark.size()));
      flags |= kMarked;
    } else {
      texts_.push_back(piece);
    }
    if (kind_ == TokenizerKind::Word && !is_special(static_cast<int>(id))) {
      // The piece's last code point decides whether the next token starts a line.
      std::size_t last = piece.size() - 1;
      while (last > 0 && (static_cast<unsigned char>(piece[last]) & 0xC0) == 0x80) --last;
      char32_t cp = 0;
      next_code_point(piece, last, cp);
      if (is_line_break(cp)) flags |= kEndsLine;
    }
    flags_.push_back(flags);
  }
}

Tokenizer Tokenizer::build(TokenizerKind kind, std::string_view corpus, int max_vocab) {
  if (max_vocab < kNumSpecials) {
    throw Error("bad_tokenizer", "max_vocab must be at least 4 (the special tokens), got " + std::to_string(max_vocab),
                max_vocab);
  }
  check_utf8(corpus);
  std::unordered_map<std::string, long long> counts;
  for_each_piece(kind, corpus, [&counts](const Piece& piece) { ++counts[std::string(piece.text)]; });
  for (const char* special : kSpecialPieces) counts.erase(special);  // cannot occur; kept for safety

  std::vector<std::pair<std::string, long long>> ranked(counts.begin(), counts.end());
  // Most frequent first; ties by byte order (std::string compares bytes as unsigned char).
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  const std::size_t keep = std::min(ranked.size(), static_cast<std::size_t>(max_vocab - kNumSpecials));

  std::vector<std::string> vocab(kSpecialPieces, kSpecialPieces + kNumSpecials);
  vocab.reserve(kNumSpecials + keep);
  for (std::size_t k = 0; k < keep; ++k) vocab.push_back(std::move(ranked[k].first));
  return Tokenizer(kind, std::move(vocab));
}

Tokenizer Tokenizer::from_vocab(TokenizerKind kind, std::vector<std::string> vocab) {
  if (vocab.size() < static_cast<std::size_t>(kNumSpecials)) {
    throw Error("bad_tokenizer",
                "vocabulary needs at least the 4 special tokens, got " + std::to_string(vocab.size()) + " entries",
                static_cast<long long>(vocab.size()));
  }
  for (int id = 0; id < kNumSpecials; ++id) {
    if (vocab[id] != kSpecialPieces[id]) {
      throw Error(
          "bad_tokenizer",
          "vocabulary entry " + std::to_string(id) + " must be " + kSpecialPieces[id] + ", got \"" + vocab[id] + "\"",
          id);
    }
  }
  std::unordered_map<std::string_view, std::size_t> seen;
  seen.reserve(vocab.size());
  for (std::size_t id = 0; id < vocab.size(); ++id) {
    const std::string& piece = vocab[id];
    const auto index = static_cast<long long>(id);
    if (piece.empty()) throw Error("bad_tokenizer", "vocabulary entry " + std::to_string(id) + " is empty", index);
    const long long bad = find_invalid_utf8(piece);
    if (bad >= 0) {
      throw Error("bad_tokenizer",
                  "vocabulary entry " + std::to_string(id) + " is not valid UTF-8 (bad byte at offset " +
                      std::to_string(bad) + ")",
                  index, bad);
    }
    const auto [it, inserted] = seen.emplace(piece, id);
    if (!inserted) {
      throw Error(
          "bad_tokenizer",
          "vocabulary entry " + std::to_string(id) + " \"" + piece + "\" repeats entry " + std::to_string(it->second),
          index, static_cast<long long>(it->second));
    }
  }
  return Tokenizer(kind, std::move(vocab));
}

Tokenizer Tokenizer::from_json(const std::string& json) {
  const nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) throw Error("bad_tokenizer", "tokenizer JSON could not be parsed");
  if (!doc.is_object()) throw Error("bad_tokenizer", "tokenizer JSON must be an object with \"type\" and \"vocab\"");
  const auto type = doc.find("type");
  if (type == doc.end() || !type->is_string()) {
    throw Error("bad_tokenizer", "tokenizer JSON needs a string \"type\" (char, word or jamo)");
  }
  const TokenizerKind kind = tokenizer_kind_from_string(type->get<std::string>());
  const auto list = doc.find("vocab");
  if (list == doc.end() || !list->is_array()) {
    throw Error("bad_tokenizer", "tokenizer JSON needs an array \"vocab\"");
  }
  std::vector<std::string> vocab;
  vocab.reserve(list->size());
  for (const auto& entry : *list) {
    if (!entry.is_string()) {
      throw Error("bad_tokenizer", "vocabulary entry " + std::to_string(vocab.size()) + " is not a string",
                  static_cast<long long>(vocab.size()));
    }
    vocab.push_back(entry.get<std::string>());
  }
  return from_vocab(kind, std::move(vocab));
}

std::string Tokenizer::to_json() const {
  nlohmann::json doc;
  doc["type"] = to_string(kind_);
  doc["vocab"] = vocab_;
  return doc.dump();
}

std::vector<Token> Tokenizer::tokenize(std::string_view text) const {
  check_utf8(text);
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 2 + 1);
  std::string key;
  for_each_piece(kind_, text, [&](const Piece& piece) {
    const int id = find_id(cp_ids_, ids_, piece, key);
    tokens.push_back(Token{id < 0 ? UNK : id, surface_of(piece), id < 0});
  });
  return tokens;
}

std::vector<int> Tokenizer::encode(std::string_view text) const {
  check_utf8(text);
  std::vector<int> ids;
  ids.reserve(text.size() / 2 + 1);
  std::string key;
  for_each_piece(kind_, text, [&](const Piece& piece) {
    const int id = find_id(cp_ids_, ids_, piece, key);
    ids.push_back(id < 0 ? UNK : id);
  });
  return ids;
}

std::string Tokenizer::decode(const std::vector<int>& ids) const {
  std::string out;
  out.reserve(ids.size() * 4);
  bool line_start = true;  // word: a ▁ piece writes its space only after something on the same line
  for (const int id : ids) {
    check_id(id);
    if (id == PAD || id == BOS || id == EOS) continue;
    if ((flags_[id] & kMarked) && !line_start) out += ' ';
    out += texts_[id];
    line_start = (flags_[id] & kEndsLine) != 0;
  }
  return kind_ == TokenizerKind::Jamo ? compose_hangul(out) : out;
}

std::string Tokenizer::token_text(int id) const {
  check_id(id);
  const std::string& piece = vocab_[id];
  if (kind_ == TokenizerKind::Jamo && !is_special(id)) {
    char32_t cp = 0;
    if (next_code_point(piece, 0, cp) == piece.size() && jamo_role(cp) != JamoRole::None) {
      std::string shown;
      append_utf8(shown, compatibility_jamo(cp));
      return shown;
    }
  }
  return piece;
}

int Tokenizer::id_of(const std::string& piece) const {
  const auto it = ids_.find(piece);
  return it == ids_.end() ? -1 : it->second;
}

void Tokenizer::check_id(int id) const {
  if (id < 0 || id >= vocab_size()) {
    throw Error(
        "bad_token_id",
        "token id " + std::to_string(id) + " is outside the vocabulary (0.." + std::to_string(vocab_size() - 1) + ")",
        id, vocab_size());
  }
}

}  // namespace tf
