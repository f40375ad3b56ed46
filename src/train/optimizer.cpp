#include "train/optimizer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/error.hpp"
#include "train/update_rules.hpp"

namespace tf {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::string format_number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

[[noreturn]] void config_error(const char* field, const std::string& rule, double got) {
  throw Error("bad_optimizer_config", std::string(field) + ": must be " + rule + ", got " + format_number(got));
}

// Sum of squares of all gradients, as a double (see sum_squares).
double grad_sum_squares(const std::vector<ParamRef>& params) {
  double sum = 0.0;
  for (const ParamRef& p : params) sum += sum_squares(p.grad, p.size);
  return sum;
}

// 1 - beta^t for the bias correction, computed in double; t >= 1.
float bias_correction(float beta, int t) { return static_cast<float>(1.0 - std::pow(static_cast<double>(beta), t)); }

}  // namespace

// ---- names ------------------------------------------------------------------------------------

std::string to_string(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::SGD:
      return "sgd";
    case OptimizerKind::Momentum:
      return "momentum";
    case OptimizerKind::Nesterov:
      return "nesterov";
    case OptimizerKind::Adam:
      return "adam";
    case OptimizerKind::AdamW:
      return "adamw";
  }
  throw Error("bad_optimizer", "unknown optimizer kind", static_cast<long long>(kind));
}

OptimizerKind optimizer_kind_from_string(const std::string& name) {
  if (name == "sgd") return OptimizerKind::SGD;
  if (name == "momentum") return OptimizerKind::Momentum;
  if (name == "nesterov") return OptimizerKind::Nesterov;
  if (name == "adam") return OptimizerKind::Adam;
  if (name == "adamw") return OptimizerKind::AdamW;
  throw Error("bad_optimizer", "unknown optimizer '" + name + "' (expected sgd, momentum, nesterov, adam or adamw)");
}

std::string to_string(ScheduleKind kind) {
  switch (kind) {
    case ScheduleKind::Constant:
      return "constant";
    case ScheduleKind::WarmupCosine:
      return "warmup_cosine";
  }
  throw Error("bad_schedule", "unknown schedule kind", static_cast<long long>(kind));
}

ScheduleKind schedule_kind_from_string(const std::string& name) {
  if (name == "constant") return ScheduleKind::Constant;
  if (name == "warmup_cosine") return ScheduleKind::WarmupCosine;
  throw Error("bad_schedule", "unknown learning-rate schedule '" + name + "' (expected constant or warmup_cosine)");
}

// ---- config and schedule ----------------------------------------------------------------------

void OptimizerConfig::validate() const {
  // Written as !(ok) so that NaN fails every check.
  if (!(std::isfinite(lr) && lr > 0.0f)) config_error("lr", "a finite number > 0", lr);
  if (!(momentum >= 0.0f && momentum < 1.0f)) config_error("momentum", "in [0, 1)", momentum);
  if (!(beta1 >= 0.0f && beta1 < 1.0f)) config_error("beta1", "in [0, 1)", beta1);
  if (!(beta2 >= 0.0f && beta2 < 1.0f)) config_error("beta2", "in [0, 1)", beta2);
  if (!(std::isfinite(eps) && eps > 0.0f)) config_error("eps", "a finite number > 0", eps);
  if (!(std::isfinite(weight_decay) && weight_decay >= 0.0f)) {
    config_error("weight_decay", "a finite number >= 0", weight_decay);
  }
  if (!(std::isfinite(grad_clip) && grad_clip >= 0.0f)) {
    config_error("grad_clip", "a finite number >= 0 (0 = off)", grad_clip);
  }
  if (warmup_steps < 0) config_error("warmup_steps", ">= 0", warmup_steps);
  if (total_steps < 0) config_error("total_steps", ">= 0", total_steps);
  if (!(min_lr_ratio >= 0.0f && min_lr_ratio <= 1.0f)) {
    config_error("min_lr_ratio", "in [0, 1]", min_lr_ratio);
  }
  if (schedule == ScheduleKind::WarmupCosine && total_steps <= warmup_steps) {
    config_error("total_steps", "> warmup_steps (" + std::to_string(warmup_steps) + ") for the warmup_cosine schedule",
                 total_steps);
  }
  switch (kind) {
    case OptimizerKind::SGD:
    case OptimizerKind::Momentum:
    case OptimizerKind::Nesterov:
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW:
      break;
    default:
      config_error("kind", "one of sgd, momentum, nesterov, adam, adamw", static_cast<int>(kind));
  }
  if (schedule != ScheduleKind::Constant && schedule != ScheduleKind::WarmupCosine) {
    config_error("schedule", "constant or warmup_cosine", static_cast<int>(schedule));
  }
}

float learning_rate_at(const OptimizerConfig& config, int step) {
  if (config.schedule == ScheduleKind::Constant) return config.lr;
  const double lr = config.lr;
  const double min_lr = lr * config.min_lr_ratio;
  const int s = step < 0 ? 0 : step;
  const int warmup = config.warmup_steps, total = config.total_steps;
  // linear warm-up: lr * (s + 1) / W, so step W-1 uses the full lr
  if (s < warmup) return static_cast<float>(lr * (s + 1) / warmup);
  if (s >= total) return static_cast<float>(min_lr);
  // cosine decay: min + 0.5 * (1 + cos(pi * ratio)) * (lr - min), ratio from 0 (step W) to 1 (step N)
  const double ratio = static_cast<double>(s - warmup) / (total - warmup);
  const double coeff = 0.5 * (1.0 + std::cos(kPi * ratio));
  return static_cast<float>(min_lr + coeff * (lr - min_lr));
}

float grad_global_norm(const std::vector<ParamRef>& params) {
  return static_cast<float>(std::sqrt(grad_sum_squares(params)));
}

void zero_grads(const std::vector<ParamRef>& params) {
  for (const ParamRef& p : params) {
    for (std::size_t j = 0; j < p.size; ++j) p.grad[j] = 0.0f;
  }
}

// ---- Optimizer --------------------------------------------------------------------------------

Optimizer::Optimizer(OptimizerConfig config, std::vector<ParamRef> params)
    : config_(config), params_(std::move(params)) {
  config_.validate();
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    const ParamRef& p = params_[i];
    const auto index = static_cast<long long>(i);
    if (p.name.empty()) {
      throw Error("bad_optimizer_params", "parameter " + std::to_string(i) + " has no name", index);
    }
    if (p.size > 0 && (p.value == nullptr || p.grad == nullptr)) {
      throw Error("bad_optimizer_params", "parameter '" + p.name + "' has a null value or grad pointer", index);
    }
    const auto [it, inserted] = seen.emplace(p.name, i);
    if (!inserted) {
      throw Error("bad_optimizer_params", "parameter name '" + p.name + "' is used twice", index,
                  static_cast<long long>(it->second));
    }
  }
  slots_.resize(params_.size());
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Slot& s = slots_[i];
    const std::size_t n = params_[i].size;
    s.update.assign(n, 0.0f);
    s.effective_lr.assign(n, 0.0f);
    if (uses_moments()) {
      s.m.assign(n, 0.0f);
      s.v.assign(n, 0.0f);
    }
    if (uses_momentum()) s.momentum.assign(n, 0.0f);
  }
}

bool Optimizer::uses_moments() const {
  return config_.kind == OptimizerKind::Adam || config_.kind == OptimizerKind::AdamW;
}

bool Optimizer::uses_momentum() const {
  return config_.kind == OptimizerKind::Momentum || config_.kind == OptimizerKind::Nesterov;
}

StepStats Optimizer::step() {
  const int t = steps_taken_;  // 0-based step index

  // 1. The global gradient norm, which also tells whether every gradient is finite. Nothing has been
  //    modified yet, so throwing here leaves the run exactly as it was.
  const double sum_squares = grad_sum_squares(params_);
  if (!std::isfinite(sum_squares)) {
    for (std::size_t i = 0; i < params_.size(); ++i) {
      for (std::size_t j = 0; j < params_[i].size; ++j) {
        if (!std::isfinite(params_[i].grad[j])) {
          throw Error("nonfinite_gradient",
                      "step " + std::to_string(t) + ": gradient of '" + params_[i].name + "' element " +
                          std::to_string(j) + " is " + format_number(params_[i].grad[j]) +
                          "; weights left unchanged (try a smaller learning rate or gradient clipping)",
                      t, static_cast<long long>(i));
        }
      }
    }
    throw Error("nonfinite_gradient", "step " + std::to_string(t) + ": gradient norm overflowed", t);
  }
  const double norm = std::sqrt(sum_squares);

  // 2. Clipping (as torch.nn.utils.clip_grad_norm_): g = g * clip / (norm + 1e-6), in place.
  bool clipped = false;
  if (config_.grad_clip > 0.0f && norm > config_.grad_clip) {
    const auto scale = static_cast<float>(config_.grad_clip / (norm + 1e-6));
    for (const ParamRef& p : params_) {
      for (std::size_t j = 0; j < p.size; ++j) p.grad[j] *= scale;
    }
    clipped = true;
  }

  // 3. The update.
  const float lr = learning_rate_at(config_, t);
  const float bc1 = uses_moments() ? bias_correction(config_.beta1, t + 1) : 1.0f;
  const float bc2 = uses_moments() ? bias_correction(config_.beta2, t + 1) : 1.0f;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    const ParamRef& p = params_[i];
    Slot& s = slots_[i];
    const float wd = p.decay ? config_.weight_decay : 0.0f;
    switch (config_.kind) {
      case OptimizerKind::SGD:
        sgd_update(p.value, p.grad, s.update.data(), s.effective_lr.data(), p.size, lr, wd);
        break;
      case OptimizerKind::Momentum:
      case OptimizerKind::Nesterov:
        momentum_update(p.value, p.grad, s.momentum.data(), s.update.data(), s.effective_lr.data(), p.size, lr, wd,
                        config_.momentum, config_.kind == OptimizerKind::Nesterov);
        break;
      case OptimizerKind::Adam:
      case OptimizerKind::AdamW: {
        const bool decoupled = config_.kind == OptimizerKind::AdamW;
        const AdamStep h{
            lr, decoupled ? 0.0f : wd, decoupled ? wd : 0.0f, config_.beta1, config_.beta2, config_.eps, bc1, bc2};
        adam_update(p.value, p.grad, s.m.data(), s.v.data(), s.update.data(), s.effective_lr.data(), p.size, h);
        break;
      }
    }
  }

  ++steps_taken_;
  last_stats_ = StepStats{t, lr, static_cast<float>(norm), clipped};
  return last_stats_;
}

void Optimizer::set_lr(float lr) {
  OptimizerConfig next = config_;
  next.lr = lr;
  next.validate();
  config_ = next;
}

// ---- read-out ---------------------------------------------------------------------------------

std::vector<std::string> Optimizer::state_names() const {
  std::vector<std::string> names;
  if (uses_moments()) names = {"m", "v", "m_hat", "v_hat"};
  if (uses_momentum()) names = {"momentum"};
  names.push_back("update");
  names.push_back("effective_lr");
  return names;
}

void Optimizer::read_state(std::size_t param_index, const std::string& which, float* out) const {
  const std::size_t size = param_index < params_.size() ? params_[param_index].size : 0;
  read_state(param_index, which, 0, size, out);
}

void Optimizer::read_state(std::size_t param_index, const std::string& which, std::size_t offset, std::size_t count,
                           float* out) const {
  if (param_index >= params_.size()) {
    throw Error("bad_param_index",
                "parameter index " + std::to_string(param_index) + " is out of range (the optimizer has " +
                    std::to_string(params_.size()) + ")",
                static_cast<long long>(param_index), static_cast<long long>(params_.size()));
  }
  const std::size_t size = params_[param_index].size;
  if (offset > size || count > size - offset) {
    throw Error("bad_param_index",
                "elements [" + std::to_string(offset) + ", " + std::to_string(offset) + " + " + std::to_string(count) +
                    ") are out of range for '" + params_[param_index].name + "' of size " + std::to_string(size),
                static_cast<long long>(offset), static_cast<long long>(count));
  }
  const Slot& s = slots_[param_index];
  auto copy = [&](const std::vector<float>& src, float scale) {
    for (std::size_t j = 0; j < count; ++j) out[j] = src[offset + j] * scale;
  };
  if (which == "update") return copy(s.update, 1.0f);
  if (which == "effective_lr") return copy(s.effective_lr, 1.0f);
  if (uses_momentum() && which == "momentum") return copy(s.momentum, 1.0f);
  if (uses_moments()) {
    if (which == "m") return copy(s.m, 1.0f);
    if (which == "v") return copy(s.v, 1.0f);
    // Bias corrections of the last completed step, t = steps_taken_ in the paper's numbering; before
    // any step m and v are 0 and so are their corrected values.
    if (which == "m_hat") {
      const float bc1 = steps_taken_ > 0 ? bias_correction(config_.beta1, steps_taken_) : 0.0f;
      for (std::size_t j = 0; j < count; ++j) out[j] = bc1 > 0.0f ? s.m[offset + j] / bc1 : 0.0f;
      return;
    }
    if (which == "v_hat") {
      const float bc2 = steps_taken_ > 0 ? bias_correction(config_.beta2, steps_taken_) : 0.0f;
      for (std::size_t j = 0; j < count; ++j) out[j] = bc2 > 0.0f ? s.v[offset + j] / bc2 : 0.0f;
      return;
    }
  }
  std::string known;
  for (const std::string& name : state_names()) known += (known.empty() ? "" : ", ") + name;
  throw Error("bad_state",
              "optimizer " + to_string(config_.kind) + " has no state '" + which + "' (it has " + known + ")");
}

// ---- checkpointing ----------------------------------------------------------------------------

std::vector<std::string> Optimizer::checkpoint_names() const {
  if (uses_moments()) return {"m", "v"};
  if (uses_momentum()) return {"momentum"};
  return {};
}

const std::vector<float>& Optimizer::buffer(const Slot& slot, const std::string& state) {
  if (state == "m") return slot.m;
  if (state == "v") return slot.v;
  return slot.momentum;
}

std::vector<float>& Optimizer::buffer(Slot& slot, const std::string& state) {
  return const_cast<std::vector<float>&>(buffer(static_cast<const Slot&>(slot), state));
}

std::vector<std::pair<std::string, std::vector<float>>> Optimizer::export_state() const {
  std::vector<std::pair<std::string, std::vector<float>>> out;
  for (const std::string& state : checkpoint_names()) {
    for (std::size_t i = 0; i < params_.size(); ++i) {
      out.emplace_back("optim." + state + "." + params_[i].name, buffer(slots_[i], state));
    }
  }
  return out;
}

void Optimizer::import_state(const std::vector<std::pair<std::string, std::vector<float>>>& state, int steps_taken) {
  if (steps_taken < 0) {
    throw Error("bad_optimizer_state", "steps_taken must be >= 0, got " + std::to_string(steps_taken), -1, steps_taken);
  }
  // Expected entries: full name -> (param index, state name).
  std::map<std::string, std::pair<std::size_t, std::string>> expected;
  for (const std::string& s : checkpoint_names()) {
    for (std::size_t i = 0; i < params_.size(); ++i) expected["optim." + s + "." + params_[i].name] = {i, s};
  }
  // Validate everything before touching anything.
  std::map<std::string, std::size_t> found;  // name -> entry index
  for (std::size_t k = 0; k < state.size(); ++k) {
    const auto& [name, data] = state[k];
    const auto index = static_cast<long long>(k);
    const auto it = expected.find(name);
    if (it == expected.end()) {
      throw Error("bad_optimizer_state",
                  "unexpected optimizer state '" + name + "' for a " + to_string(config_.kind) +
                      " optimizer with these parameters",
                  index);
    }
    if (!found.emplace(name, k).second) {
      throw Error("bad_optimizer_state", "optimizer state '" + name + "' appears twice", index);
    }
    const std::size_t size = params_[it->second.first].size;
    if (data.size() != size) {
      throw Error("bad_optimizer_state",
                  "optimizer state '" + name + "' has " + std::to_string(data.size()) + " values, the parameter has " +
                      std::to_string(size),
                  index, static_cast<long long>(data.size()));
    }
    const bool non_negative = it->second.second == "v";  // a second moment is a mean of squares
    for (std::size_t j = 0; j < data.size(); ++j) {
      if (!std::isfinite(data[j]) || (non_negative && data[j] < 0.0f)) {
        throw Error("bad_optimizer_state",
                    "optimizer state '" + name + "' element " + std::to_string(j) + " is invalid (" +
                        format_number(data[j]) + ")",
                    index, static_cast<long long>(j));
      }
    }
  }
  if (found.size() != expected.size()) {
    for (const auto& entry : expected) {
      if (found.count(entry.first) == 0) {
        throw Error("bad_optimizer_state", "optimizer state '" + entry.first + "' is missing", -1);
      }
    }
  }
  // Commit.
  for (const auto& [name, data] : state) {
    const auto& [i, s] = expected.at(name);
    buffer(slots_[i], s) = data;  // same size, so no reallocation
  }
  for (Slot& s : slots_) {
    std::fill(s.update.begin(), s.update.end(), 0.0f);
    std::fill(s.effective_lr.begin(), s.effective_lr.end(), 0.0f);
  }
  steps_taken_ = steps_taken;
  last_stats_ = StepStats{0, 0.0f, 0.0f, false};
}

}  // namespace tf
