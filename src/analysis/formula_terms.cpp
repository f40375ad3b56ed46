#include "analysis/formula_terms.hpp"

#include <cmath>

#include "core/error.hpp"
#include "layers/layer_norm.hpp"

namespace tf {

SoftmaxTerms softmax_terms(const std::vector<float>& z) {
  if (z.size() > kMaxFormulaTerms) throw Error("bad_shape", "too many values for one softmax", z.size());
  SoftmaxTerms t;
  t.exp.reserve(z.size());
  for (float v : z) {
    const double e = std::exp(static_cast<double>(v));
    t.exp.push_back(static_cast<float>(e));
    t.sum += e;
  }
  return t;
}

NormTerms layer_norm_terms(const std::vector<float>& x, float eps) {
  if (x.empty() || x.size() > kMaxFormulaTerms) throw Error("bad_shape", "layer norm of 1 to 1048576 values", x.size());
  const int C = static_cast<int>(x.size());
  std::vector<float> out(x.size()), ones(x.size(), 1.0f);
  NormTerms t;
  // the engine's own kernel, for the mean and rstd it uses
  layer_norm_forward(out.data(), &t.mean, &t.rstd, x.data(), ones.data(), nullptr, 1, C, eps);
  double var = 0;
  for (float v : x) var += (static_cast<double>(v) - t.mean) * (static_cast<double>(v) - t.mean);
  t.variance = static_cast<float>(var / C);
  return t;
}

}  // namespace tf
