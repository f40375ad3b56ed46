#include "train/divergence.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace tf {

std::string to_string(Divergence d) {
  switch (d) {
    case Divergence::none:
      return "none";
    case Divergence::not_finite:
      return "not_finite";
    case Divergence::loss_above_start:
      return "loss_above_start";
    case Divergence::loss_rising:
      return "loss_rising";
    case Divergence::grad_exploded:
      return "grad_exploded";
  }
  return "none";
}

DivergenceWatch::DivergenceWatch(float uniform_loss, DivergenceConfig config)
    : config_(config), uniform_loss_(std::isfinite(uniform_loss) ? std::max(uniform_loss, 0.0f) : 0.0f) {
  if (config_.window < 1 || config_.window > 10000)
    throw Error("bad_train_config", "the divergence window must be in [1, 10000]", config_.window);
  losses_.assign(static_cast<std::size_t>(config_.window), 0.0f);
  grads_.assign(static_cast<std::size_t>(config_.window), 0.0f);
}

Divergence DivergenceWatch::flag(Divergence reason, int step, float loss) {
  report_.reason = reason;
  report_.step = step;
  report_.loss = loss;
  return reason;
}

Divergence DivergenceWatch::observe(const StepResult& r) {
  if (diverged()) return report_.reason;
  if (!std::isfinite(r.loss) || !std::isfinite(r.grad_norm)) return flag(Divergence::not_finite, r.step, r.loss);
  if (seen_ == 0) report_.start_loss = std::max(r.loss, uniform_loss_);
  const std::size_t W = losses_.size();
  const std::size_t slot = static_cast<std::size_t>(seen_ % static_cast<long long>(W));
  if (seen_ >= static_cast<long long>(W)) {
    loss_sum_ -= losses_[slot];
    grad_sum_ -= grads_[slot];
  }
  losses_[slot] = r.loss;
  grads_[slot] = r.grad_norm;
  loss_sum_ += r.loss;
  grad_sum_ += r.grad_norm;
  ++seen_;

  const float start = report_.start_loss;
  if (start > 0 && r.loss > config_.spike * start) return flag(Divergence::loss_above_start, r.step, r.loss);
  if (seen_ < static_cast<long long>(W)) return Divergence::none;
  const float mean = static_cast<float>(loss_sum_ / static_cast<double>(W));
  const float grad = static_cast<float>(grad_sum_ / static_cast<double>(W));
  report_.grad_norm = grad;
  if (seen_ == static_cast<long long>(W)) report_.start_grad_norm = grad;
  if (start > 0 && mean > config_.above_start * start) return flag(Divergence::loss_above_start, r.step, mean);
  if (has_best_ && mean > best_ + std::max(config_.rise, best_)) {
    report_.best_loss = best_;
    return flag(Divergence::loss_rising, r.step, mean);
  }
  if (!has_best_ || mean < best_) best_ = mean, has_best_ = true;
  report_.best_loss = best_;
  if (report_.start_grad_norm > 0 && grad > config_.grad_factor * report_.start_grad_norm)
    return flag(Divergence::grad_exploded, r.step, mean);
  return Divergence::none;
}

}  // namespace tf
