#pragma once
// Optimizers (SGD, Momentum, Nesterov, Adam, AdamW), learning-rate schedules and gradient clipping.
//
// The optimizer sees only a list of named parameter references (value + grad pointers owned by the
// model); it never allocates after construction, never zeroes gradients (the caller does, see
// zero_grads) and keeps its state readable so the page can draw the SGD-vs-Adam race:
//
//   std::vector<float> w = {1.0f, -2.0f}, dw = {0.5f, -1.0f};   // (2,) value and its gradient
//   tf::OptimizerConfig cfg;
//   cfg.kind = tf::OptimizerKind::SGD;
//   cfg.lr = 0.1f;
//   tf::Optimizer opt(cfg, {{"w", w.data(), dw.data(), w.size(), /*decay=*/true}});
//   tf::StepStats s = opt.step();       // w == {0.95, -1.9}; s.step == 0, s.grad_norm == sqrt(1.25)
//   float upd[2];
//   opt.read_state(0, "update", upd);   // {-0.05, 0.1}: the change just applied, new - old
//   opt.read_state(0, "effective_lr", upd);   // {0.1, 0.1}: |update| / |grad|, plain SGD = lr everywhere
//
// What the state means (for the learner's "SGD vs Adam" lesson). SGD moves every weight by lr times its
// gradient, so a steep direction takes big steps and a flat one crawls; the "effective_lr" read-out is
// the same number everywhere. Adam does not remember which examples it got wrong: it keeps, per weight,
// a running mean of the gradient ("m", the direction) and of the squared gradient ("v", its typical
// size), and steps by lr * m_hat / (sqrt(v_hat) + eps). Dividing by the typical size makes every weight
// move about lr per step whatever its gradient scale, so "effective_lr" differs from weight to weight.
// That is faster on badly scaled problems, not a guarantee of a better result.
//
// Step numbering: learning_rate_at(config, t) and StepStats::step count from 0; Adam's bias correction
// uses t + 1 (the paper's t starts at 1). steps_taken() is the number of completed steps.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/params.hpp"  // ParamRef

namespace tf {

enum class OptimizerKind { SGD, Momentum, Nesterov, Adam, AdamW };
// "sgd", "momentum", "nesterov", "adam", "adamw"; anything else throws tf::Error("bad_optimizer").
std::string to_string(OptimizerKind kind);
OptimizerKind optimizer_kind_from_string(const std::string& name);

enum class ScheduleKind { Constant, WarmupCosine };
// "constant", "warmup_cosine"; anything else throws tf::Error("bad_schedule").
std::string to_string(ScheduleKind kind);
ScheduleKind schedule_kind_from_string(const std::string& name);

struct OptimizerConfig {
  OptimizerKind kind = OptimizerKind::AdamW;
  float lr = 1e-3f;           // base (peak) learning rate, > 0
  float momentum = 0.9f;      // Momentum / Nesterov, in [0, 1)
  float beta1 = 0.9f;         // Adam(W) first-moment decay, in [0, 1) (Kingma & Ba 2015)
  float beta2 = 0.999f;       // Adam(W) second-moment decay, in [0, 1)
  float eps = 1e-8f;          // Adam(W) denominator guard, > 0
  float weight_decay = 0.0f;  // >= 0. SGD/Momentum/Nesterov/Adam: L2 term wd*w added to the gradient
                              // (PyTorch semantics); AdamW: decoupled w -= lr*wd*w (Loshchilov & Hutter
                              // 2019). Only on params with decay == true.
  float grad_clip = 0.0f;     // max global L2 norm of all gradients; 0 = off
  ScheduleKind schedule = ScheduleKind::Constant;
  int warmup_steps = 0;       // WarmupCosine: steps 0..warmup-1 ramp linearly up to lr
  int total_steps = 0;        // WarmupCosine: cosine from lr (at warmup) to lr*min_lr_ratio (at total);
                              // must be > warmup_steps. Constant ignores both (they must be >= 0).
  float min_lr_ratio = 0.1f;  // in [0, 1]

  // Throws tf::Error("bad_optimizer_config") whose message starts with the field name and a colon
  // ("lr: must be a finite number > 0, got -1"), so the page can point at the offending control.
  void validate() const;
};

// The learning rate used by step `step` (counting from 0). Constant: lr. WarmupCosine (as in llm.c):
//   step <  W:        lr * (step + 1) / W                              (step W-1 reaches lr)
//   W <= step <= N:   min + 0.5 * (1 + cos(pi * (step - W) / (N - W))) * (lr - min),  min = lr*min_lr_ratio
//   step >  N:        min
// with W = warmup_steps, N = total_steps. Negative steps are treated as 0.
float learning_rate_at(const OptimizerConfig& config, int step);

// Global L2 norm of all gradients, sqrt(sum of g^2) accumulated in double. NaN/Inf if any grad is.
float grad_global_norm(const std::vector<ParamRef>& params);

// Sets every gradient to 0 (the caller's separate call after step()).
void zero_grads(const std::vector<ParamRef>& params);

struct StepStats {
  int step;         // index of the step just taken (0 for the first)
  float lr;         // learning_rate_at(config, step)
  float grad_norm;  // global gradient norm before clipping
  bool clipped;     // grads were scaled by grad_clip / (grad_norm + 1e-6)
};

class Optimizer {
 public:
  // Validates the config (bad_optimizer_config) and the params (bad_optimizer_params: empty or
  // duplicate name, null pointer with size > 0), then allocates all state.
  Optimizer(OptimizerConfig config, std::vector<ParamRef> params);

  // One update from the current grads; does not zero them. Allocates nothing. If any gradient is NaN
  // or Inf it throws tf::Error("nonfinite_gradient", detail = step index, detail2 = param index) and
  // leaves values, grads and state untouched.
  StepStats step();

  // Changes the base (peak) lr live; the schedule scales from it. Invalid -> bad_optimizer_config,
  // nothing changed.
  void set_lr(float lr);

  const OptimizerConfig& config() const { return config_; }
  int steps_taken() const { return steps_taken_; }
  const std::vector<ParamRef>& params() const { return params_; }
  const StepStats& last_stats() const { return last_stats_; }  // all zero before the first step

  // Read-out for visualization. States by kind (state_names() lists them):
  //   all kinds:          "update" (last applied new - old), "effective_lr" (|update| / |grad| with the
  //                       grad as used, i.e. after clipping; 0 where grad == 0)
  //   Momentum, Nesterov: "momentum" (the buffer b)
  //   Adam, AdamW:        "m", "v" (raw moments), "m_hat", "v_hat" (bias-corrected; 0 before a step)
  // out receives params()[i].size floats, or `count` floats starting at element `offset`.
  // Unknown name -> tf::Error("bad_state"); bad index or range -> tf::Error("bad_param_index").
  void read_state(std::size_t param_index, const std::string& which, float* out) const;
  void read_state(std::size_t param_index, const std::string& which, std::size_t offset, std::size_t count,
                  float* out) const;
  std::vector<std::string> state_names() const;

  // Checkpointing: the state needed to resume bit-identically, as named flat tensors
  // "optim.<state>.<param name>" ("optim.m.*", "optim.v.*" for Adam(W), "optim.momentum.*" for
  // Momentum/Nesterov, nothing for SGD). The step count travels separately (steps_taken()).
  std::vector<std::pair<std::string, std::vector<float>>> export_state() const;
  // Expects exactly the names and sizes export_state() would give, finite values (v >= 0) and
  // steps_taken >= 0; otherwise throws tf::Error("bad_optimizer_state", detail = entry index) and
  // leaves the optimizer unchanged. The "update"/"effective_lr" read-outs are reset to 0.
  void import_state(const std::vector<std::pair<std::string, std::vector<float>>>& state, int steps_taken);

 private:
  struct Slot {                   // the optimizer's buffers for one parameter, each (size,)
    std::vector<float> m;         // Adam(W) first moment (empty for other kinds)
    std::vector<float> v;         // Adam(W) second moment (empty for other kinds)
    std::vector<float> momentum;  // Momentum/Nesterov buffer b (empty for other kinds)
    std::vector<float> update;    // last applied change
    std::vector<float> effective_lr;
  };
  bool uses_moments() const;   // Adam, AdamW
  bool uses_momentum() const;  // Momentum, Nesterov
  // The checkpointed buffers of this kind, by state name ("m", "v" or "momentum").
  std::vector<std::string> checkpoint_names() const;
  static std::vector<float>& buffer(Slot& slot, const std::string& state);
  static const std::vector<float>& buffer(const Slot& slot, const std::string& state);

  OptimizerConfig config_;
  std::vector<ParamRef> params_;
  std::vector<Slot> slots_;  // one per param
  int steps_taken_ = 0;
  StepStats last_stats_{0, 0.0f, 0.0f, false};
};

}  // namespace tf
