#include "model/inspection.hpp"

#include <algorithm>

#include <xtensor/xadapt.hpp>

#include "core/error.hpp"

namespace tf {

void Inspection::add(const std::string& name, const float* data, std::vector<std::size_t> shape) {
  std::size_t n = 1;
  for (std::size_t d : shape) n *= d;
  xt::xarray<float> tensor = xt::adapt(data, n, xt::no_ownership(), shape);
  if (!has(name)) names_.push_back(name);
  tensors_[name] = std::move(tensor);
}

const xt::xarray<float>& Inspection::get(const std::string& name) const {
  const auto it = tensors_.find(name);
  if (it == tensors_.end()) throw Error("bad_tensor_name", "no recorded tensor named '" + name + "'");
  return it->second;
}

void Inspection::clear() {
  names_.clear();
  tensors_.clear();
}

}  // namespace tf
