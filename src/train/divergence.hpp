#pragma once
// Divergence: a learning rate that blows up does not always give NaN. Adam at lr 10 takes a loss of 4.13
// to 9,042 and lr 0.3 to 29.5, both finite. A DivergenceWatch follows one trainer's step results and says
// when training has gone wrong, and why, so that whoever shows the run can stop that trainer and explain:
//
//   not_finite        the loss or the gradient norm is NaN or infinite
//   loss_above_start  the mean loss of the last `window` steps is above `above_start` × the start (the larger
//                     of the first step's loss and the loss of a uniform guess, ln V), or a single step's loss
//                     is above `spike` × the start: a model that knows nothing scores ln V, so a loss well
//                     above it means the updates are making the model worse than knowing nothing
//   loss_rising       the windowed mean rose by more than max(`rise`, best) above the best windowed mean
//                     seen so far (the loss climbed back up after falling)
//   grad_exploded     the windowed mean gradient norm is above `grad_factor` × its mean over the first window
//
//   DivergenceWatch watch(std::log(vocab_size));
//   for (...) { StepResult r = trainer.step(batch); if (watch.observe(r) != Divergence::none) stop(); }
//   watch.report();   // reason, step, start loss, loss (window mean), best loss, gradient norms
#include <string>
#include <vector>

#include "train/trainer.hpp"

namespace tf {

enum class Divergence { none, not_finite, loss_above_start, loss_rising, grad_exploded };
std::string to_string(Divergence d);  // "none", "not_finite", "loss_above_start", "loss_rising", "grad_exploded"

struct DivergenceConfig {
  int window = 10;              // steps averaged before judging a trend
  float above_start = 1.5f;     // window mean loss > above_start × start loss
  float spike = 10.0f;          // one step's loss > spike × start loss
  float rise = 1.0f;            // window mean loss > best window mean + max(rise, best window mean)
  float grad_factor = 1000.0f;  // window mean gradient norm > grad_factor × the first window's
};

struct DivergenceReport {
  Divergence reason = Divergence::none;
  int step = 0;               // the step (1-based) at which it was detected
  float start_loss = 0;       // the reference: max(first step's loss, uniform-guess loss)
  float loss = 0;             // the loss that triggered: the window mean (or the single step's loss)
  float best_loss = 0;        // the best window mean seen (loss_rising)
  float grad_norm = 0;        // the window mean gradient norm
  float start_grad_norm = 0;  // the first window's mean gradient norm
};

class DivergenceWatch {
 public:
  // uniform_loss: the loss of a uniform guess over the outputs (ln V), or 0 when there is none to name.
  explicit DivergenceWatch(float uniform_loss = 0.0f, DivergenceConfig config = {});
  // Takes the next step's result; returns the reason once training has diverged (and from then on).
  Divergence observe(const StepResult& r);
  bool diverged() const { return report_.reason != Divergence::none; }
  const DivergenceReport& report() const { return report_; }
  const DivergenceConfig& config() const { return config_; }

 private:
  Divergence flag(Divergence reason, int step, float loss);

  DivergenceConfig config_;
  float uniform_loss_;
  DivergenceReport report_;
  std::vector<float> losses_, grads_;  // ring buffers of the last `window` steps
  long long seen_ = 0;
  double loss_sum_ = 0, grad_sum_ = 0;
  float best_ = 0;
  bool has_best_ = false;
};

}  // namespace tf
