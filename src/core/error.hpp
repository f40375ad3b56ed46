#pragma once
// tf::Error: the one exception type the engine throws for bad input.
//
// It carries a stable machine-readable `code` (e.g. "invalid_utf8") and up to two integer details
// (a byte offset, a limit, ...) besides an English message. The CLI prints the message; the web page
// looks the code up in its locale files, so a learner reads the error in Korean or English.
#include <stdexcept>
#include <string>

namespace tf {

class Error : public std::invalid_argument {
 public:
  Error(std::string code, const std::string& message, long long detail = -1, long long detail2 = -1)
      : std::invalid_argument(message), code_(std::move(code)), detail_(detail), detail2_(detail2) {}

  const std::string& code() const { return code_; }
  long long detail() const { return detail_; }
  long long detail2() const { return detail2_; }

 private:
  std::string code_;
  long long detail_;
  long long detail2_;
};

}  // namespace tf
