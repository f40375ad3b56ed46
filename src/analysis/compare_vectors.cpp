#include "analysis/compare_vectors.hpp"

#include <algorithm>

#include "analysis/word_vectors.hpp"
#include "core/error.hpp"

namespace tf {

std::vector<float> cosine_matrix(const float* rows, int N, int C) {
  std::vector<float> out(static_cast<std::size_t>(N) * N);  // (N, N)
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j)
      out[static_cast<std::size_t>(i) * N + j] =
          cosine(rows + static_cast<std::size_t>(i) * C, rows + static_cast<std::size_t>(j) * C, C);
  return out;
}

SenseSimilarity labelled_similarity(const std::vector<float>& cosine, const std::vector<std::string>& labels) {
  const std::size_t N = labels.size();
  if (cosine.size() != N * N) throw Error("bad_shape", "cosine matrix and labels do not match");
  std::vector<std::size_t> keep;
  for (std::size_t i = 0; i < N; ++i)
    if (!labels[i].empty()) keep.push_back(i);
  const std::size_t n = keep.size();
  std::vector<float> sub(n * n);  // (n, n)
  std::vector<std::string> groups(n);
  for (std::size_t a = 0; a < n; ++a) {
    groups[a] = labels[keep[a]];
    for (std::size_t b = 0; b < n; ++b) sub[a * n + b] = cosine[keep[a] * N + keep[b]];
  }
  const GroupSimilarity g = group_similarity(sub, groups);
  SenseSimilarity out{g.within, g.across, 0, 0};
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b) ++(groups[a] == groups[b] ? out.within_pairs : out.across_pairs);
  return out;
}

SenseComparison compare_senses(Model& model, const Tokenizer& tokenizer, const std::vector<std::string>& sentences,
                               const std::string& word, const std::vector<std::vector<std::string>>& labels) {
  SenseComparison c;
  c.contextual = analyze_word(model, tokenizer, sentences, word);
  const ContextualAnalysis& a = c.contextual;
  const int N = static_cast<int>(a.occurrences.size()), C = a.width;
  const float* wte = model.weights().data() + model.param_info("transformer.wte.weight").offset;  // (V, C)

  std::vector<int> seen(sentences.size(), 0);                // occurrences met so far per sentence
  std::vector<float> rows(static_cast<std::size_t>(N) * C);  // (N, C) wte row of each occurrence's last token
  for (int i = 0; i < N; ++i) {
    const WordOccurrence& o = a.occurrences[i];
    const std::vector<Token>& tokens = a.tokens[o.sentence];
    const int id = tokens[o.token].id;
    std::copy(wte + static_cast<std::size_t>(id) * C, wte + static_cast<std::size_t>(id + 1) * C,
              rows.begin() + static_cast<std::ptrdiff_t>(i) * C);
    const int k = seen[o.sentence]++;
    const bool has = o.sentence < static_cast<int>(labels.size()) && !labels[o.sentence].empty();
    const auto& mine = has ? labels[o.sentence] : std::vector<std::string>{};
    c.labels.push_back(has ? mine[std::min<std::size_t>(k, mine.size() - 1)] : std::string());
    if (!c.labels.back().empty()) ++c.labelled;
    if (i == 0) {
      for (int t = o.first_token; t <= o.token; ++t) {
        if (tokens[t].unknown)
          throw Error("unknown_word", "'" + tokens[t].text + "' of '" + word + "' is not in the model's vocabulary");
        c.word_tokens.push_back(tokens[t].id);
        c.word_texts.push_back(tokens[t].text);
        c.token_rows.insert(c.token_rows.end(), wte + static_cast<std::size_t>(tokens[t].id) * C,
                            wte + static_cast<std::size_t>(tokens[t].id + 1) * C);
      }
    }
  }
  c.embedding_cosine = cosine_matrix(rows.data(), N, C);
  c.embedding_groups = labelled_similarity(c.embedding_cosine, c.labels);
  for (int l = 0; l < a.layers; ++l) c.layer_groups.push_back(labelled_similarity(a.cosine[l], c.labels));
  return c;
}

}  // namespace tf
