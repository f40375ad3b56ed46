#include "cli/train_loop.hpp"

#include <cmath>
#include <cstdio>

#include "core/error.hpp"

namespace tf::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void on_interrupt(int) {
  g_interrupted = 1;
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the program at once (the save is atomic)
}

}  // namespace

InterruptGuard::InterruptGuard() : previous_(std::signal(SIGINT, on_interrupt)) { g_interrupted = 0; }
InterruptGuard::~InterruptGuard() { std::signal(SIGINT, previous_); }
bool InterruptGuard::interrupted() { return g_interrupted != 0; }

std::string format_loss(float loss) {
  if (std::isnan(loss)) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", loss);
  return buffer;
}

RunStats train_loop(Trainer& trainer, Sampler& batches, const std::function<float()>& held_out_loss, int total_steps,
                    int eval_every, Progress& progress) {
  RunStats stats;
  Batch batch;
  while (trainer.steps() < total_steps) {
    if (InterruptGuard::interrupted()) {
      stats.interrupted = true;
      break;
    }
    batches.next(batch);
    StepResult r;
    try {
      r = trainer.step(batch);
    } catch (const Error&) {  // e.g. loss_not_finite: end the bar's line before main prints the message
      progress.finish();
      throw;
    }
    if (std::isnan(stats.first_loss)) stats.first_loss = r.loss;
    stats.last_loss = r.loss;
    stats.tokens += r.tokens;
    progress.update(r.step, r.loss, stats.tokens);
    if (eval_every > 0 && r.step % eval_every == 0 && r.step < total_steps) {
      progress.message("step " + std::to_string(r.step) + ": train loss " + format_loss(r.loss) + ", held-out loss " +
                       format_loss(held_out_loss()));
    }
  }
  progress.finish();
  stats.seconds = progress.elapsed_seconds();
  return stats;
}

}  // namespace tf::cli
