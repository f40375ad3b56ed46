#include "cli/progress.hpp"

#include <unistd.h>

#include <algorithm>

#include "cli/common.hpp"

namespace tf::cli {

namespace {
constexpr int kBarWidth = 20;
constexpr int kPlainLines = 20;  // plain mode prints about this many lines per run (every 5%)
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
}  // namespace

bool stderr_is_terminal() { return ::isatty(::fileno(stderr)) == 1; }

std::string format_duration(double seconds) {
  const long long s = static_cast<long long>(seconds);
  char buffer[32];
  if (seconds < 60) {
    std::snprintf(buffer, sizeof buffer, "%.1fs", seconds);
  } else if (s >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", s / 60, s % 60);
  }
  return buffer;
}

Progress::Progress(int first_step, int total_steps, bool redraw_in_place, std::FILE* out)
    : first_step_(first_step),
      total_steps_(total_steps),
      in_place_(redraw_in_place),
      out_(out),
      every_(std::max(1, (total_steps - first_step + kPlainLines - 1) / kPlainLines)),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_ - kRedrawInterval) {}

double Progress::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

double Progress::tokens_per_second(long long tokens) const {
  const double seconds = elapsed_seconds();
  return seconds > 0 ? static_cast<double>(tokens) / seconds : 0.0;
}

std::string Progress::format_line(int step, float loss, long long tokens) const {
  const double fraction = total_steps_ > 0 ? static_cast<double>(step) / total_steps_ : 1.0;
  const int filled = static_cast<int>(fraction * kBarWidth);
  const std::string bar = std::string(filled, '#') + std::string(kBarWidth - filled, '.');
  const int digits = static_cast<int>(std::to_string(total_steps_).size());
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "step %*d/%d [%s] %3d%%  loss %.4f  %s tok/s  %s", digits, step, total_steps_,
                bar.c_str(), static_cast<int>(fraction * 100), loss, short_number(tokens_per_second(tokens)).c_str(),
                format_duration(elapsed_seconds()).c_str());
  return buffer;
}

void Progress::clear_line() {
  if (line_open_) {
    std::fputs("\r\033[K", out_);  // carriage return, erase to the end of the line
    line_open_ = false;
  }
}

void Progress::update(int step, float loss, long long tokens) {
  const bool last = step >= total_steps_;
  if (in_place_) {
    const auto now = std::chrono::steady_clock::now();
    if (!last && now - last_draw_ < kRedrawInterval) return;
    last_draw_ = now;
    std::fprintf(out_, "\r%s\033[K", format_line(step, loss, tokens).c_str());
    line_open_ = true;
  } else if (last || (step - first_step_) % every_ == 0) {
    std::fprintf(out_, "%s\n", format_line(step, loss, tokens).c_str());
  }
  std::fflush(out_);
}

void Progress::message(const std::string& line) {
  clear_line();
  std::fprintf(out_, "%s\n", line.c_str());
  std::fflush(out_);
}

void Progress::finish() {
  if (line_open_) {
    std::fputs("\n", out_);
    line_open_ = false;
  }
  std::fflush(out_);
}

}  // namespace tf::cli
