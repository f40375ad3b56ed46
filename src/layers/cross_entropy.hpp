#pragma once
// Softmax cross-entropy over the vocabulary, the loss every model here trains on, with a padding mask:
//
//   probs (N, V) = softmax(logits) row by row
//   loss         = Σ_{rows with target ≠ ignore} −log probs[row, target]        (a sum; the caller divides)
//   backward:      dlogits[row] = (probs[row] − onehot(target)) · scale,  0 for ignored rows
//
// The backward pass is fused with the softmax's (llm.c's crossentropy_softmax_backward): the gradient of
// −log softmax is just p − onehot, so the Jacobian of the softmax is never formed.
// Worked example: logits [1, 2, 3], target 2 → probs [0.090, 0.245, 0.665], loss 0.408,
// dlogits (scale 1) [0.090, 0.245, −0.335].
namespace tf {

struct CrossEntropySum {
  double loss = 0;  // Σ −log p[target] over counted rows
  int counted = 0;  // rows whose target is not `ignore`
};

// targets may be null (no loss; probs only).
CrossEntropySum cross_entropy_forward(float* probs, const float* logits, const int* targets, int N, int V, int ignore);
void cross_entropy_backward(float* dlogits, const float* probs, const int* targets, int N, int V, int ignore,
                            float scale);

}  // namespace tf
