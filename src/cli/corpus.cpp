#include "cli/corpus.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "train/setup.hpp"

namespace tf::cli {
namespace {

std::string megabytes(std::uint64_t bytes) {
  std::ostringstream out;
  out.precision(3);
  out << static_cast<double>(bytes) / (1 << 20) << " MB";
  return out.str();
}

std::uint64_t regular_file_size(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) throw Error("file_not_found", "corpus " + path + ": no such file");
    throw Error("file_unreadable", "corpus " + path + ": " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) throw Error("file_unreadable", "corpus " + path + ": not a regular file");
  return static_cast<std::uint64_t>(st.st_size);
}

}  // namespace

void check_corpus_text(const std::string& text, const std::string& name) {
  validate_corpus(text, text.size(), "corpus " + name);
}

std::string read_corpus(const std::string& path, std::uint64_t max_bytes) {
  const std::uint64_t size = regular_file_size(path);
  if (size > max_bytes) {
    throw Error("text_too_large",
                "corpus " + path + " is " + megabytes(size) + ", over the limit of " + megabytes(max_bytes),
                static_cast<long long>(size), static_cast<long long>(max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("file_unreadable", "corpus " + path + ": cannot open: " + std::strerror(errno));
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  check_corpus_text(text, path);  // offsets count from the start of the file, BOM included
  if (strip_bom(text).size() != text.size()) text.erase(0, 3);
  return text;
}

}  // namespace tf::cli
