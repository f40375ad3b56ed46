#pragma once
// The per-element optimizer arithmetic over one parameter tensor; train/optimizer.cpp applies it to
// every tensor. All arrays are (n,). Each rule also writes the read-outs the training page shows:
//   update[j]       = w_new[j] - w_old[j]
//   effective_lr[j] = |update[j]| / |dw[j]|      (0 where dw[j] == 0)
//
// adam_update and sum_squares are SIMD kernels; their `_ref` twins are the plain loops they are tested
// against. adam_update does the reference's float operations lane by lane (no fused multiply-add), so
// the two agree bit for bit.
#include <cstddef>

namespace tf {

// SGD with optional L2 (wd = 0 when the param does not decay):
//   g = dw + wd * w
//   w = w - lr * g
void sgd_update(float* w, const float* dw, float* update, float* effective_lr, std::size_t n, float lr, float wd);

// Heavy-ball momentum (PyTorch, dampening 0) and Nesterov momentum:
//   g = dw + wd * w
//   b = mu * b + g
//   Momentum: w = w - lr * b
//   Nesterov: w = w - lr * (g + mu * b)
void momentum_update(float* w, const float* dw, float* b, float* update, float* effective_lr, std::size_t n, float lr,
                     float wd, float mu, bool nesterov);

// Adam (Kingma & Ba 2015, Algorithm 1) and AdamW (Loshchilov & Hutter 2019), t counting from 1:
//   g     = dw + l2 * w                     (Adam's L2 weight decay; l2 = 0 for AdamW)
//   m     = b1 * m + (1 - b1) * g
//   v     = b2 * v + (1 - b2) * g^2
//   m_hat = m / bc1                         (bc1 = 1 - b1^t)
//   v_hat = v / bc2                         (bc2 = 1 - b2^t)
//   w     = w - lr * decoupled * w          (AdamW's decoupled decay; decoupled = 0 for Adam)
//   w     = w - lr * m_hat / (sqrt(v_hat) + eps)
struct AdamStep {
  float lr, l2, decoupled, b1, b2, eps, bc1, bc2;
};
void adam_update(float* w, const float* dw, float* m, float* v, float* update, float* effective_lr, std::size_t n,
                 const AdamStep& h);
void adam_update_ref(float* w, const float* dw, float* m, float* v, float* update, float* effective_lr, std::size_t n,
                     const AdamStep& h);

// Σ x[j]², as a double (the global gradient norm; a plain float sum would lose small gradients next to
// big ones). Not finite exactly when some x[j] is not finite.
double sum_squares(const float* x, std::size_t n);
double sum_squares_ref(const float* x, std::size_t n);

}  // namespace tf
