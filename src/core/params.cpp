#include "core/params.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace tf {

void ParamStore::add(const std::string& name, std::vector<int> shape, bool decay) {
  ParamInfo p;
  p.name = name;
  p.size = 1;
  for (int d : shape) p.size *= static_cast<std::size_t>(d);
  p.shape = std::move(shape);
  p.offset = params_.empty() ? 0 : params_.back().offset + params_.back().size;
  p.decay = decay;
  params_.push_back(std::move(p));
}

void ParamStore::allocate() {
  const std::size_t n = params_.empty() ? 0 : params_.back().offset + params_.back().size;
  weights_.assign(n, 0.0f);
  grads_.assign(n, 0.0f);
}

const ParamInfo* ParamStore::find(std::string_view name) const {
  for (const auto& p : params_)
    if (p.name == name) return &p;
  return nullptr;
}

const ParamInfo& ParamStore::info(std::string_view name) const {
  if (const ParamInfo* p = find(name)) return *p;
  throw Error("bad_param_name", "the model has no parameter named '" + std::string(name) + "'");
}

float* ParamStore::value_or_null(std::string_view name) {
  const ParamInfo* p = find(name);
  return p ? weights_.data() + p->offset : nullptr;
}

float* ParamStore::grad_or_null(std::string_view name) {
  const ParamInfo* p = find(name);
  return p ? grads_.data() + p->offset : nullptr;
}

std::vector<ParamRef> ParamStore::refs() {
  std::vector<ParamRef> r;
  r.reserve(params_.size());
  for (const auto& p : params_)
    r.push_back({p.name, weights_.data() + p.offset, grads_.data() + p.offset, p.size, p.decay});
  return r;
}

void ParamStore::zero_grad() { std::fill(grads_.begin(), grads_.end(), 0.0f); }

}  // namespace tf
