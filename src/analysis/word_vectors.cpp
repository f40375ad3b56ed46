#include "analysis/word_vectors.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "core/error.hpp"

namespace tf {

float cosine(const float* a, const float* b, int C) {
  double ab = 0, aa = 0, bb = 0;
  for (int c = 0; c < C; ++c)
    ab += static_cast<double>(a[c]) * b[c], aa += static_cast<double>(a[c]) * a[c],
        bb += static_cast<double>(b[c]) * b[c];
  if (aa == 0 || bb == 0) return 0.0f;
  return static_cast<float>(ab / (std::sqrt(aa) * std::sqrt(bb)));
}

std::vector<Neighbour> nearest_to_vector(const float* table, int V, int C, const float* vec, int k, int first_id,
                                         int exclude) {
  std::vector<Neighbour> all;
  for (int id = std::max(first_id, 0); id < V; ++id)
    if (id != exclude) all.push_back({id, cosine(table + static_cast<std::size_t>(id) * C, vec, C)});
  const auto better = [](const Neighbour& a, const Neighbour& b) {
    return a.cosine != b.cosine ? a.cosine > b.cosine : a.id < b.id;
  };
  const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(std::max(k, 0)), all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), better);
  all.resize(n);
  return all;
}

std::vector<Neighbour> nearest_neighbours(const float* table, int V, int C, int query, int k, int first_id) {
  if (query < 0 || query >= V) throw Error("bad_token_id", "word id is outside the vocabulary", query, V);
  return nearest_to_vector(table, V, C, table + static_cast<std::size_t>(query) * C, k, first_id, query);
}

ClusterScore cluster_score(const float* table, int V, int C, const std::vector<int>& category, int k) {
  if (static_cast<int>(category.size()) != V)
    throw Error("bad_shape", "give one category per vocabulary row", static_cast<long long>(category.size()), V);
  std::vector<int> rows;
  for (int id = 0; id < V; ++id)
    if (category[id] >= 0) rows.push_back(id);
  ClusterScore s;
  s.words = static_cast<int>(rows.size());
  if (rows.size() < 2) return s;
  const std::size_t N = rows.size();
  std::vector<float> cos(N * N);
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j)
      cos[i * N + j] =
          cosine(table + static_cast<std::size_t>(rows[i]) * C, table + static_cast<std::size_t>(rows[j]) * C, C);
  double same = 0, total = 0, within = 0, across = 0;
  long long n_within = 0, n_across = 0;
  std::map<int, long long> sizes;
  for (std::size_t i = 0; i < N; ++i) {
    ++sizes[category[rows[i]]];
    std::vector<std::size_t> order;
    for (std::size_t j = 0; j < N; ++j)
      if (j != i) order.push_back(j);
    const std::size_t kk = std::min<std::size_t>(static_cast<std::size_t>(std::max(k, 1)), order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(kk), order.end(),
                      [&](std::size_t a, std::size_t b) {
                        return cos[i * N + a] != cos[i * N + b] ? cos[i * N + a] > cos[i * N + b] : a < b;
                      });
    for (std::size_t r = 0; r < kk; ++r) same += category[rows[order[r]]] == category[rows[i]], ++total;
    for (std::size_t j = i + 1; j < N; ++j) {
      if (category[rows[i]] == category[rows[j]])
        within += cos[i * N + j], ++n_within;
      else
        across += cos[i * N + j], ++n_across;
    }
  }
  s.share = same / total;
  double pairs = 0;
  for (const auto& [c, n] : sizes) pairs += static_cast<double>(n) * (n - 1);
  s.chance = pairs / (static_cast<double>(N) * (N - 1));
  s.within = n_within ? within / n_within : 0;
  s.across = n_across ? across / n_across : 0;
  s.gap = s.within - s.across;
  return s;
}

std::vector<Guess> top_k(const float* probs, int V, int k, int first_id) {
  std::vector<Guess> all;
  for (int id = std::max(first_id, 0); id < V; ++id) all.push_back({id, probs[id]});
  const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(std::max(k, 0)), all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                    [](const Guess& a, const Guess& b) { return a.prob != b.prob ? a.prob > b.prob : a.id < b.id; });
  all.resize(n);
  return all;
}

void symmetric_eigen(const float* A, int n, std::vector<double>& values, std::vector<double>& vectors) {
  const std::size_t N = static_cast<std::size_t>(n);
  std::vector<double> a(A, A + N * N), v(N * N, 0.0);
  for (int i = 0; i < n; ++i) v[i * N + i] = 1.0;
  double scale = 0;
  for (double x : a) scale += x * x;
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0;
    for (int p = 0; p < n; ++p)
      for (int q = p + 1; q < n; ++q) off += a[p * N + q] * a[p * N + q];
    if (off <= 1e-30 * scale || off == 0) break;
    for (int p = 0; p < n; ++p) {
      for (int q = p + 1; q < n; ++q) {
        const double apq = a[p * N + q];
        if (apq == 0) continue;
        // Choose the rotation G (c, s in rows/columns p, q) that zeroes a_pq in Gᵀ·a·G.
        const double theta = (a[q * N + q] - a[p * N + p]) / (2 * apq);
        const double t = (theta >= 0 ? 1.0 : -1.0) / (std::fabs(theta) + std::sqrt(theta * theta + 1));
        const double c = 1 / std::sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; ++k) {  // a ← a·G
          const double akp = a[k * N + p], akq = a[k * N + q];
          a[k * N + p] = c * akp - s * akq;
          a[k * N + q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; ++k) {  // a ← Gᵀ·a
          const double apk = a[p * N + k], aqk = a[q * N + k];
          a[p * N + k] = c * apk - s * aqk;
          a[q * N + k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; ++k) {  // v ← v·G: its columns become the eigenvectors
          const double vkp = v[k * N + p], vkq = v[k * N + q];
          v[k * N + p] = c * vkp - s * vkq;
          v[k * N + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  std::vector<int> order(N);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int i, int j) { return a[i * N + i] > a[j * N + j]; });
  values.resize(N);
  vectors.resize(N * N);
  for (int r = 0; r < n; ++r) {
    values[r] = a[order[r] * N + order[r]];
    for (int k = 0; k < n; ++k) vectors[r * N + k] = v[k * N + order[r]];
  }
}

bool align_to(std::vector<float>& points, const std::vector<float>& target, float m[4]) {
  // Maximise Σ q·(M p) over rotations M = R(θ) and reflections M = R(θ)·diag(1, −1):
  // for p' = (x, ±y), q·R(θ)p' = cosθ·Σ(qx x' + qy y') + sinθ·Σ(qy x' − qx y') → θ = atan2(B, A), value √(A²+B²).
  const std::size_t N = points.size() / 2;
  double best = -1, best_c = 1, best_s = 0;
  bool reflect = false;
  for (int flip = 0; flip < 2; ++flip) {
    double A = 0, B = 0;
    for (std::size_t i = 0; i < N; ++i) {
      const double x = points[2 * i], y = flip ? -points[2 * i + 1] : points[2 * i + 1];
      const double qx = target[2 * i], qy = target[2 * i + 1];
      A += qx * x + qy * y;
      B += qy * x - qx * y;
    }
    const double value = std::sqrt(A * A + B * B);
    if (value > best * (1 + 1e-9)) {
      best = value;
      const double theta = value > 0 ? std::atan2(B, A) : 0.0;
      best_c = std::cos(theta), best_s = std::sin(theta);
      reflect = flip == 1;
    }
  }
  const double f = reflect ? -1.0 : 1.0;  // M = R·diag(1, f)
  m[0] = static_cast<float>(best_c), m[1] = static_cast<float>(-best_s * f);
  m[2] = static_cast<float>(best_s), m[3] = static_cast<float>(best_c * f);
  for (std::size_t i = 0; i < N; ++i) {
    const float x = points[2 * i], y = points[2 * i + 1];
    points[2 * i] = m[0] * x + m[1] * y;
    points[2 * i + 1] = m[2] * x + m[3] * y;
  }
  return reflect;
}

Projection pca_project(const float* rows, int N, int C, const std::vector<float>* previous) {
  if (N < 1 || C < 1) throw Error("bad_shape", "a projection needs at least one row and one column", N, C);
  const std::size_t Nz = N, Cz = C;
  Projection p;
  p.mean.assign(Cz, 0.0f);
  std::vector<double> mean(Cz, 0.0);
  for (std::size_t i = 0; i < Nz; ++i)
    for (std::size_t c = 0; c < Cz; ++c) mean[c] += rows[i * Cz + c];
  for (std::size_t c = 0; c < Cz; ++c) mean[c] /= N, p.mean[c] = static_cast<float>(mean[c]);
  // covariance (C, C) = Σ (x − mean)ᵀ(x − mean) / N
  std::vector<double> cov(Cz * Cz, 0.0);
  std::vector<double> x(Cz);
  for (std::size_t i = 0; i < Nz; ++i) {
    for (std::size_t c = 0; c < Cz; ++c) x[c] = rows[i * Cz + c] - mean[c];
    for (std::size_t a = 0; a < Cz; ++a)
      for (std::size_t b = a; b < Cz; ++b) cov[a * Cz + b] += x[a] * x[b];
  }
  std::vector<float> covf(Cz * Cz);
  for (std::size_t a = 0; a < Cz; ++a)
    for (std::size_t b = a; b < Cz; ++b) covf[a * Cz + b] = covf[b * Cz + a] = static_cast<float>(cov[a * Cz + b] / N);
  std::vector<double> values, vectors;
  symmetric_eigen(covf.data(), C, values, vectors);
  double total = 0;
  for (double v : values) total += std::max(v, 0.0);
  p.axes.assign(2 * Cz, 0.0f);
  for (int k = 0; k < 2 && k < C; ++k) {
    const double* e = vectors.data() + static_cast<std::size_t>(k) * Cz;
    std::size_t big = 0;
    for (std::size_t c = 1; c < Cz; ++c)
      if (std::fabs(e[c]) > std::fabs(e[big])) big = c;
    const double sign = e[big] < 0 ? -1.0 : 1.0;
    for (std::size_t c = 0; c < Cz; ++c) p.axes[k * Cz + c] = static_cast<float>(sign * e[c]);
    p.explained[k] = total > 0 ? static_cast<float>(std::max(values[k], 0.0) / total) : 0.0f;
  }
  p.points.assign(2 * Nz, 0.0f);
  for (std::size_t i = 0; i < Nz; ++i)
    for (int k = 0; k < 2; ++k) {
      double s = 0;
      for (std::size_t c = 0; c < Cz; ++c) s += (rows[i * Cz + c] - mean[c]) * p.axes[k * Cz + c];
      p.points[2 * i + k] = static_cast<float>(s);
    }
  if (previous && previous->size() != p.points.size()) {
    throw Error("bad_shape",
                "the previous projection has " + std::to_string(previous->size() / 2) + " points, this one " +
                    std::to_string(N),
                static_cast<long long>(previous->size() / 2), N);
  }
  if (previous) {
    float m[4];
    align_to(p.points, *previous, m);
    std::vector<float> axes(p.axes);
    for (std::size_t c = 0; c < Cz; ++c) {
      p.axes[c] = m[0] * axes[c] + m[1] * axes[Cz + c];
      p.axes[Cz + c] = m[2] * axes[c] + m[3] * axes[Cz + c];
    }
    p.aligned = true;
  }
  return p;
}

}  // namespace tf
