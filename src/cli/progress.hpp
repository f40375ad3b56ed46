#pragma once
// The training progress display on stderr.
//
// On a terminal: one line redrawn in place with '\r', at most ~10 times a second:
//   step 120/300 [########............]  40%  loss 2.3456  12.3k tok/s  5.2s
// Otherwise (a log file, CI, a pipe): the same line printed on its own every ~5% of the run, so a log
// gets about 20 lines whatever the step count.
#include <chrono>
#include <cstdio>
#include <string>

namespace tf::cli {

class Progress {
 public:
  // Steps first_step+1 .. total_steps will be reported (first_step > 0 when resuming).
  Progress(int first_step, int total_steps, bool redraw_in_place, std::FILE* out = stderr);

  // After step `step` (1-based) finished with this batch loss, having counted `tokens` in total.
  void update(int step, float loss, long long tokens);
  // Prints a whole line (e.g. a held-out loss) without mixing it into the bar.
  void message(const std::string& line);
  // Ends the bar's line (on a terminal) so later output starts on a fresh line.
  void finish();

  double elapsed_seconds() const;
  double tokens_per_second(long long tokens) const;

 private:
  std::string format_line(int step, float loss, long long tokens) const;
  void clear_line();

  int first_step_, total_steps_;
  bool in_place_;
  std::FILE* out_;
  int every_;  // plain mode: print every this many steps
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool line_open_ = false;  // a bar is drawn and not yet ended with '\n'
};

// True when stderr is an interactive terminal.
bool stderr_is_terminal();

// "12.3s", "4:05" or "1:02:03".
std::string format_duration(double seconds);

}  // namespace tf::cli
