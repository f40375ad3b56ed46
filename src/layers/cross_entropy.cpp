#include "layers/cross_entropy.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "layers/softmax.hpp"

namespace tf {

CrossEntropySum cross_entropy_forward(float* probs, const float* logits, const int* targets, int N, int V, int ignore) {
  CrossEntropySum r;
  for (std::size_t i = 0; i < static_cast<std::size_t>(N); ++i) {
    const float* z = logits + i * V;
    const SoftmaxStats st = softmax(probs + i * V, z, V);
    if (targets && targets[i] != ignore) {
      // −log p[target], from the logits for accuracy when p is tiny
      r.loss += -(z[targets[i]] - st.max - std::log(st.sum));
      ++r.counted;
    }
  }
  return r;
}

void cross_entropy_backward(float* dlogits, const float* probs, const int* targets, int N, int V, int ignore,
                            float scale) {
  for (std::size_t i = 0; i < static_cast<std::size_t>(N); ++i) {
    float* dz = dlogits + i * V;
    if (targets[i] == ignore) {
      std::fill(dz, dz + V, 0.0f);
      continue;
    }
    const float* p = probs + i * V;
    for (int v = 0; v < V; ++v) dz[v] = p[v] * scale;
    dz[targets[i]] -= scale;
  }
}

}  // namespace tf
