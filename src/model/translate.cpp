#include "model/translate.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "text/tokenizer.hpp"

namespace tf {

Translation translate(Seq2Seq& model, const std::vector<int>& source_ids, int max_tokens,
                      const SamplingConfig& sampling, Rng& rng) {
  sampling.validate();
  const int block = model.config().block_size;
  if (source_ids.empty()) throw Error("empty_text", "there is nothing to translate");
  if (static_cast<int>(source_ids.size()) + 2 > block) {
    throw Error("too_long",
                "the source has " + std::to_string(source_ids.size()) + " tokens; this model reads at most " +
                    std::to_string(block - 2),
                static_cast<long long>(source_ids.size()), block - 2);
  }
  if (max_tokens < 1) throw Error("bad_sampling", "max_tokens must be >= 1", max_tokens);
  Translation t;
  t.source.push_back(Tokenizer::BOS);
  t.source.insert(t.source.end(), source_ids.begin(), source_ids.end());
  t.source.push_back(Tokenizer::EOS);
  const int V = model.vocab_size(), limit = std::min(max_tokens, block - 1);
  Batch batch;
  batch.B = 1, batch.S = static_cast<int>(t.source.size());
  batch.source = t.source;
  batch.inputs = {Tokenizer::BOS};
  for (int i = 0; i < limit; ++i) {
    batch.T = static_cast<int>(batch.inputs.size());
    model.forward(batch);
    const std::vector<float> probs =
        sampling_distribution(model.logits() + static_cast<std::size_t>(batch.T - 1) * V, V, sampling, true);
    const int next = sample_token(probs, rng);
    t.output.push_back(next);
    t.step_probs.push_back(probs[next]);
    if (next == Tokenizer::EOS) {
      t.finished = true;
      break;
    }
    batch.inputs.push_back(next);
  }
  return t;
}

TranslationScore score_translations(Seq2Seq& model, const std::vector<TokenPair>& pairs, int max_pairs) {
  TranslationScore score;
  const std::size_t n = max_pairs > 0 ? std::min<std::size_t>(pairs.size(), max_pairs) : pairs.size();
  SamplingConfig greedy;
  greedy.temperature = 0;
  Rng rng(1);
  long long right = 0, total = 0;
  const int V = model.vocab_size();
  for (std::size_t i = 0; i < n; ++i) {
    const TokenPair& p = pairs[i];
    std::vector<int> want = p.target;
    want.push_back(Tokenizer::EOS);
    const Translation t = translate(model, p.source, static_cast<int>(want.size()) + 4, greedy, rng);
    score.exact_match += t.output == want;
    Batch b;
    b.resize(1, static_cast<int>(want.size()), static_cast<int>(p.source.size()) + 2);
    fill_pair(b, 0, p);
    model.forward(b);
    for (int k = 0; k < b.T; ++k) {
      const float* z = model.logits() + static_cast<std::size_t>(k) * V;
      right += std::max_element(z, z + V) - z == b.targets[k];
      ++total;
    }
  }
  score.pairs = static_cast<int>(n);
  if (n > 0) score.exact_match /= static_cast<double>(n);
  if (total > 0) score.token_accuracy = static_cast<double>(right) / static_cast<double>(total);
  return score;
}

}  // namespace tf
