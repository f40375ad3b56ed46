#pragma once
// The training loop of `tinyformer train`, for any model: batches from a sampler, one optimizer step each,
// the progress bar, a held-out evaluation every N steps, Ctrl-C stopping cleanly so the caller can save.
#include <csignal>
#include <functional>
#include <string>

#include "cli/progress.hpp"
#include "train/trainer.hpp"

namespace tf::cli {

// Installs the Ctrl-C handler for its lifetime; the training loop polls interrupted().
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
  static bool interrupted();

 private:
  void (*previous_)(int);
};

struct RunStats {
  float first_loss = NAN, last_loss = NAN;
  long long tokens = 0;  // tokens that counted toward the loss in this invocation
  double seconds = 0;
  bool interrupted = false;
};

// "1.2345", or "n/a" for NaN.
std::string format_loss(float loss);

// Steps until trainer.steps() == total_steps or Ctrl-C; every eval_every steps (0 = never) prints
// held_out_loss() next to the batch loss.
RunStats train_loop(Trainer& trainer, Sampler& batches, const std::function<float()>& held_out_loss, int total_steps,
                    int eval_every, Progress& progress);

}  // namespace tf::cli
