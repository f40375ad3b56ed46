#pragma once
// What a learner does with trained word vectors: nearest neighbours by cosine, a 2-D map (PCA) that holds
// still from one snapshot to the next, and the top guesses for a blank.
//
//   auto near = nearest_neighbours(table, V, C, id_of_고양이, 5, Tokenizer::kNumSpecials);  // [{강아지, 0.83}, ...]
//   Projection p0 = pca_project(rows, N, C, nullptr);       // (N, 2) + the two axes (2, C)
//   Projection p1 = pca_project(rows2, N, C, &p0.points);   // rotated / reflected to sit on p0
//   auto guesses = top_k(probs, V, 5, Tokenizer::kNumSpecials);
//
// PCA (pca_project): the rows are centred (the mean row subtracted); the covariance (C, C) = XᵀX / N is
// diagonalised by cyclic Jacobi rotations (exact for a symmetric matrix, no random start), and the rows are
// projected on the eigenvectors of the two largest eigenvalues. Each axis's sign is fixed so that its
// largest-magnitude component is positive. With a previous projection of the same N points, the new points are
// then turned by the 2-D rotation or reflection that best lays them on the previous ones (orthogonal
// Procrustes, closed form in 2-D): the map then moves smoothly as training goes on instead of flipping.
#include <vector>

namespace tf {

struct Neighbour {
  int id;
  float cosine;
};

// cos(a, b) = a·b / (|a| |b|), 0 when either is the zero vector.
float cosine(const float* a, const float* b, int C);

// The k rows of table (V, C) most similar to row `query` by cosine, most similar first (ties: lower id),
// never the query itself nor ids below `first_id` (the specials). k is capped at what there is.
std::vector<Neighbour> nearest_neighbours(const float* table, int V, int C, int query, int k, int first_id);
// The same for an arbitrary vector (C), e.g. a context mean or king − man + woman.
std::vector<Neighbour> nearest_to_vector(const float* table, int V, int C, const float* vec, int k, int first_id,
                                         int exclude = -1);

// How well a table clusters by a labelling of its rows (category (V): an index, or -1 for unlabelled rows):
//   share    of the labelled rows' k nearest labelled neighbours (cosine), the fraction with the row's own label
//   chance   the share a random neighbour would reach: Σ_c n_c (n_c − 1) / (N (N − 1)) over the N labelled rows
//   within / across  mean cosine of labelled pairs with the same / a different label; gap = within − across
struct ClusterScore {
  double share = 0, chance = 0, within = 0, across = 0, gap = 0;
  int words = 0;  // N labelled rows
};
ClusterScore cluster_score(const float* table, int V, int C, const std::vector<int>& category, int k);

struct Guess {
  int id;
  float prob;
};
// The k largest of probs (V) at ids >= first_id, largest first (ties: lower id).
std::vector<Guess> top_k(const float* probs, int V, int k, int first_id);

// Eigen-decomposition of a symmetric matrix A (n, n) by cyclic Jacobi rotations: values (n) in descending order,
// vectors (n, n) with eigenvector i in ROW i. A is not modified.
void symmetric_eigen(const float* A, int n, std::vector<double>& values, std::vector<double>& vectors);

struct Projection {
  std::vector<float> points;    // (N, 2)
  std::vector<float> axes;      // (2, C) the principal directions, in the orientation the points use
  std::vector<float> mean;      // (C)
  float explained[2] = {0, 0};  // share of the total variance along each axis
  bool aligned = false;         // turned to match a previous projection
};
// rows (N, C); previous: (N, 2) points of an earlier projection of the same N rows, or null.
// tf::Error("bad_shape") when N < 1 or C < 1 or previous has another size; with N = 1 or zero variance the points are
// 0.
Projection pca_project(const float* rows, int N, int C, const std::vector<float>* previous);

// The 2-D orthogonal map (a rotation, or a rotation after flipping y) that best lays points (N, 2) on
// target (N, 2) in least squares; applied in place. Returns true when a reflection was used.
bool align_to(std::vector<float>& points, const std::vector<float>& target, float m[4]);

}  // namespace tf
