#include "analysis/contextual.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/error.hpp"
#include "model/inspection.hpp"
#include "text/hangul.hpp"
#include "text/utf8.hpp"

namespace tf {
namespace {

// Token ranges [first, last] whose concatenated text equals `word` (a word token's leading space
// — " 사과를" in the word tokenizer — is not part of the word).
std::vector<std::pair<int, int>> find_word(const std::vector<Token>& tokens, const std::string& word) {
  std::vector<std::pair<int, int>> found;
  for (int i = 0; i < static_cast<int>(tokens.size()); ++i) {
    std::string text = tokens[i].text;
    if (text.size() > 1 && text[0] == ' ') text.erase(0, 1);
    for (int j = i;; ++j) {
      if (text.rfind(word, 0) == 0) {  // the word starts these tokens
        found.emplace_back(i, j);
        break;
      }
      if (text.size() >= word.size() || j + 1 >= static_cast<int>(tokens.size())) break;
      text += tokens[j + 1].text;
    }
  }
  return found;
}

// First two principal components of the rows of X (N × C), by power iteration with deflation.
std::vector<float> pca2(const std::vector<float>& X, int N, int C) {
  std::vector<double> mean(C, 0.0);
  for (int i = 0; i < N; ++i)
    for (int c = 0; c < C; ++c) mean[c] += X[i * C + c] / N;
  std::vector<double> Z(static_cast<std::size_t>(N) * C);
  for (int i = 0; i < N; ++i)
    for (int c = 0; c < C; ++c) Z[i * C + c] = X[i * C + c] - mean[c];
  std::vector<float> out(static_cast<std::size_t>(N) * 2, 0.0f);
  std::vector<double> prev;
  for (int k = 0; k < 2; ++k) {
    std::vector<double> v(C);
    for (int c = 0; c < C; ++c) v[c] = 1.0 + 0.01 * c * (k + 1);  // deterministic start
    for (int iter = 0; iter < 200; ++iter) {
      // w = Zᵀ Z v
      std::vector<double> zv(N, 0.0), w(C, 0.0);
      for (int i = 0; i < N; ++i)
        for (int c = 0; c < C; ++c) zv[i] += Z[i * C + c] * v[c];
      for (int i = 0; i < N; ++i)
        for (int c = 0; c < C; ++c) w[c] += Z[i * C + c] * zv[i];
      if (k == 1) {  // deflate: stay orthogonal to the first component
        double d = 0;
        for (int c = 0; c < C; ++c) d += w[c] * prev[c];
        for (int c = 0; c < C; ++c) w[c] -= d * prev[c];
      }
      double norm = 0;
      for (double x : w) norm += x * x;
      norm = std::sqrt(norm);
      if (norm < 1e-20) break;
      for (int c = 0; c < C; ++c) v[c] = w[c] / norm;
    }
    // a fixed sign, so the picture does not flip between runs
    double s = 0;
    for (int c = 0; c < C; ++c) s += v[c];
    if (s < 0)
      for (double& x : v) x = -x;
    for (int i = 0; i < N; ++i) {
      double p = 0;
      for (int c = 0; c < C; ++c) p += Z[i * C + c] * v[c];
      out[i * 2 + k] = static_cast<float>(p);
    }
    prev = v;
  }
  return out;
}

// The (N × N) cosine similarities between the rows of V (N × C).
std::vector<float> cosines(const std::vector<float>& V, int N, int C) {
  std::vector<double> norms(N, 0.0);
  for (int i = 0; i < N; ++i)
    for (int c = 0; c < C; ++c) norms[i] += static_cast<double>(V[i * C + c]) * V[i * C + c];
  std::vector<float> cos(static_cast<std::size_t>(N) * N);
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      double d = 0;
      for (int c = 0; c < C; ++c) d += static_cast<double>(V[i * C + c]) * V[j * C + c];
      cos[i * N + j] = static_cast<float>(d / (std::sqrt(norms[i] * norms[j]) + 1e-12));
    }
  return cos;
}

// The occurrences, tokens and vectors of analyze_word (and, with `attention`, where each occurrence looks);
// no cosines or projections.
ContextualAnalysis collect(Model& model, const Tokenizer& tokenizer, const std::vector<std::string>& sentences,
                           const std::string& word, bool attention) {
  if (word.empty()) throw Error("empty_text", "the word to follow is empty");
  decode_utf8(word);
  const int L = model.config().n_layer, C = model.config().n_embd, H = model.config().n_head;
  // jamo tokens spell 사 as ᄉ ᅡ: look for the word in the same spelling
  const std::string target = tokenizer.kind() == TokenizerKind::Jamo ? decompose_hangul(word) : word;
  ContextualAnalysis a;
  a.layers = L + 1;
  a.width = C;
  a.vectors.resize(a.layers);
  a.attention.resize(L);
  for (int s = 0; s < static_cast<int>(sentences.size()); ++s) {
    std::vector<Token> tokens = tokenizer.tokenize(sentences[s]);
    const auto found = find_word(tokens, target);
    a.tokens.push_back(tokens);
    if (found.empty()) continue;
    std::vector<int> ids;
    for (const auto& t : tokens) ids.push_back(t.id);
    Inspection rec;
    model.forward(ids.data(), nullptr, 1, static_cast<int>(ids.size()), &rec);
    const int T = static_cast<int>(ids.size());
    for (const auto& [first, last] : found) {
      a.occurrences.push_back({s, last, first});
      for (int l = 0; l < a.layers; ++l) {
        const auto& h = rec.get(l == 0 ? "embed.sum" : "h" + std::to_string(l - 1) + ".out");
        a.vectors[l].insert(a.vectors[l].end(), h.data() + static_cast<std::size_t>(last) * C,
                            h.data() + static_cast<std::size_t>(last + 1) * C);
      }
      for (int l = 0; attention && l < L; ++l) {
        const auto& probs = rec.get("h" + std::to_string(l) + ".attn.probs");  // (H, T, T)
        std::vector<float> row(T, 0.0f);
        for (int h = 0; h < H; ++h)
          for (int j = 0; j < T; ++j) row[j] += probs.data()[(static_cast<std::size_t>(h) * T + last) * T + j] / H;
        a.attention[l].push_back(std::move(row));
      }
    }
  }
  if (a.occurrences.empty()) throw Error("word_not_found", "'" + word + "' does not occur in the sentences");
  return a;
}

}  // namespace

ContextualAnalysis analyze_word(Model& model, const Tokenizer& tokenizer, const std::vector<std::string>& sentences,
                                const std::string& word) {
  ContextualAnalysis a = collect(model, tokenizer, sentences, word, true);
  const int N = static_cast<int>(a.occurrences.size());
  for (int l = 0; l < a.layers; ++l) {
    a.cosine.push_back(cosines(a.vectors[l], N, a.width));
    a.projection.push_back(pca2(a.vectors[l], N, a.width));
  }
  return a;
}

GroupSimilarity group_similarity(const std::vector<float>& cosine, const std::vector<std::string>& groups) {
  const std::size_t N = groups.size();
  if (cosine.size() != N * N) throw Error("bad_shape", "cosine matrix and groups do not match");
  double within = 0, across = 0;
  int nw = 0, na = 0;
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = i + 1; j < N; ++j) {
      if (groups[i] == groups[j]) {
        within += cosine[i * N + j];
        ++nw;
      } else {
        across += cosine[i * N + j];
        ++na;
      }
    }
  return {nw ? static_cast<float>(within / nw) : 0.0f, na ? static_cast<float>(across / na) : 0.0f};
}

CentroidCheck nearest_centroid(const std::vector<float>& X, int C, const std::vector<std::string>& labels,
                               const std::vector<bool>& fit) {
  const std::size_t N = labels.size();
  if (C <= 0 || X.size() != N * C || fit.size() != N) throw Error("bad_shape", "vectors, labels and fit marks differ");
  std::map<std::string, std::vector<double>> centroids;  // sorted labels: ties go to the first
  std::map<std::string, int> counts;
  for (std::size_t i = 0; i < N; ++i) {
    if (!fit[i]) continue;
    auto& c = centroids[labels[i]];
    c.resize(C, 0.0);
    for (int k = 0; k < C; ++k) c[k] += X[i * C + k];
    ++counts[labels[i]];
  }
  for (auto& [label, c] : centroids)
    for (double& v : c) v /= counts[label];
  CentroidCheck out;
  out.predicted.assign(N, "");
  for (std::size_t i = 0; i < N; ++i) {
    if (fit[i]) {
      ++out.fit;
      continue;
    }
    double best = -2;
    for (const auto& [label, c] : centroids) {
      double dot = 0, nx = 0, nc = 0;
      for (int k = 0; k < C; ++k) {
        dot += X[i * C + k] * c[k];
        nx += static_cast<double>(X[i * C + k]) * X[i * C + k];
        nc += c[k] * c[k];
      }
      const double cos = dot / (std::sqrt(nx * nc) + 1e-12);
      if (cos > best) {
        best = cos;
        out.predicted[i] = label;
      }
    }
    ++out.tested;
    if (out.predicted[i] == labels[i]) ++out.correct;
  }
  return out;
}

SenseCheck sense_check(Model& model, const Tokenizer& tokenizer, const std::vector<std::string>& sentences,
                       const std::string& word, const std::vector<std::string>& labels) {
  const ContextualAnalysis a = collect(model, tokenizer, sentences, word, false);  // no projections needed
  const int N = static_cast<int>(a.occurrences.size());
  if (static_cast<int>(labels.size()) != N)
    throw Error("bad_shape", "one label per occurrence of '" + word + "'", static_cast<long long>(labels.size()), N);
  SenseCheck s;
  s.occurrences = N;
  std::map<std::string, int> counts;
  for (const auto& l : labels) ++counts[l];
  for (const auto& [label, n] : counts) {
    s.senses.push_back(label);
    s.counts.push_back(n);
  }
  std::vector<bool> even(N), odd(N);
  for (int i = 0; i < N; ++i) even[i] = i % 2 == 0, odd[i] = i % 2 == 1;
  for (int l = 0; l < a.layers; ++l) {
    int correct = 0;
    for (const auto* fit : {&even, &odd}) correct += nearest_centroid(a.vectors[l], a.width, labels, *fit).correct;
    s.accuracy.push_back(N ? static_cast<float>(correct) / N : 0.0f);
    s.similarity.push_back(group_similarity(cosines(a.vectors[l], N, a.width), labels));
  }
  // the baseline: the commoner label of one half (ties: the first sorted), guessed for every occurrence of the other
  int right = 0;
  for (int half = 0; half < 2; ++half) {
    std::map<std::string, int> seen;
    for (int i = half; i < N; i += 2) ++seen[labels[i]];
    std::string guess;
    int most = -1;
    for (const auto& [label, n] : seen)
      if (n > most) most = n, guess = label;
    for (int i = 1 - half; i < N; i += 2) right += labels[i] == guess;
  }
  s.majority = N ? static_cast<float>(right) / N : 0.0f;
  return s;
}

}  // namespace tf
