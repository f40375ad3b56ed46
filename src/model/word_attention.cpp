#include "model/word_attention.hpp"

#include <algorithm>
#include <cstddef>

#include "core/error.hpp"
#include "text/tokenizer.hpp"

namespace tf {

namespace {
// Bytes of leading (or trailing) white space at s[i]: a space, tab, newline or the mark ▁ (U+2581).
std::size_t space_at(const std::string& s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (s.compare(i, 3, "\xE2\x96\x81") == 0) return 3;
  return 0;
}
std::size_t space_before(const std::string& s, std::size_t end) {
  if (end >= 1 && space_at(s, end - 1) == 1) return 1;
  if (end >= 3 && s.compare(end - 3, 3, "\xE2\x96\x81") == 0) return 3;
  return 0;
}
}  // namespace

WordGroups group_words(const std::vector<int>& ids, const std::vector<std::string>& texts) {
  if (ids.size() != texts.size()) {
    throw Error("bad_shape",
                "group_words: " + std::to_string(ids.size()) + " ids but " + std::to_string(texts.size()) + " texts");
  }
  WordGroups g;
  g.group.assign(ids.size(), -1);
  bool open = false;  // the previous token belongs to a word that may continue
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string& s = texts[i];
    if (ids[i] >= 0 && ids[i] < Tokenizer::kNumSpecials && ids[i] != Tokenizer::UNK) {
      open = false;
      continue;
    }
    std::size_t lead = 0;
    while (lead < s.size() && space_at(s, lead) > 0) lead += space_at(s, lead);
    if (lead == s.size() && !s.empty()) {  // only spaces: a separator
      open = false;
      continue;
    }
    if (!open || lead > 0) g.words.emplace_back();
    std::size_t end = s.size();
    while (end > lead && space_before(s, end) > 0) end -= space_before(s, end);
    g.words.back() += s.substr(lead, end - lead);
    g.group[i] = static_cast<int>(g.words.size()) - 1;
    open = end == s.size();  // a token ending in a space closes its word
  }
  return g;
}

WordAttention aggregate_attention(const float* probs, int H, int R, int X, const WordGroups& rows,
                                  const WordGroups& cols) {
  if (H < 1) throw Error("bad_shape", "aggregate_attention: at least one head, got " + std::to_string(H));
  if (static_cast<int>(rows.group.size()) != R || static_cast<int>(cols.group.size()) != X) {
    throw Error("bad_shape", "aggregate_attention: the matrix is " + std::to_string(R) + "×" + std::to_string(X) +
                                 " but the word groups cover " + std::to_string(rows.group.size()) + " and " +
                                 std::to_string(cols.group.size()) + " tokens");
  }
  WordAttention w;
  w.rows = static_cast<int>(rows.words.size());
  w.cols = static_cast<int>(cols.words.size());
  w.weights.assign(static_cast<std::size_t>(w.rows) * w.cols, 0.0f);
  std::vector<int> pieces(w.rows, 0);
  std::vector<double> acc(static_cast<std::size_t>(w.rows) * w.cols, 0.0);
  for (int r = 0; r < R; ++r)
    if (rows.group[r] >= 0) ++pieces[rows.group[r]];
  for (int h = 0; h < H; ++h) {
    const float* P = probs + static_cast<std::size_t>(h) * R * X;
    for (int r = 0; r < R; ++r) {
      const int i = rows.group[r];
      if (i < 0) continue;
      for (int x = 0; x < X; ++x) {
        const int j = cols.group[x];
        if (j >= 0) acc[static_cast<std::size_t>(i) * w.cols + j] += P[static_cast<std::size_t>(r) * X + x];
      }
    }
  }
  w.rest.assign(w.rows, 1.0f);
  for (int i = 0; i < w.rows; ++i) {
    double sum = 0;
    for (int j = 0; j < w.cols; ++j) {
      const double v = acc[static_cast<std::size_t>(i) * w.cols + j] / (static_cast<double>(pieces[i]) * H);
      w.weights[static_cast<std::size_t>(i) * w.cols + j] = static_cast<float>(v);
      sum += v;
    }
    w.rest[i] = static_cast<float>(std::max(0.0, 1.0 - sum));  // float rounding can take a full row past 1
  }
  return w;
}

std::vector<float> mean_over_heads(const float* probs, int H, std::size_t N) {
  if (H < 1) throw Error("bad_shape", "mean_over_heads: at least one head, got " + std::to_string(H));
  std::vector<double> acc(N, 0.0);
  for (int h = 0; h < H; ++h)
    for (std::size_t i = 0; i < N; ++i) acc[i] += probs[static_cast<std::size_t>(h) * N + i];
  std::vector<float> out(N);
  for (std::size_t i = 0; i < N; ++i) out[i] = static_cast<float>(acc[i] / H);
  return out;
}

}  // namespace tf
