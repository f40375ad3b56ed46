#include "cli/corpus.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "text/utf8.hpp"

namespace tf::cli {
namespace {

constexpr const char* kByteOrderMark = "\xEF\xBB\xBF";

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

bool only_whitespace(const std::string& text, std::size_t from) {
  return text.find_first_not_of(" \t\r\n\v\f", from) == std::string::npos;
}

std::string hex_byte(char c) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(c));
  return hex;
}

}  // namespace

void check_corpus_text(const std::string& text, const std::string& name) {
  const std::size_t start = text.rfind(kByteOrderMark, 0) == 0 ? 3 : 0;
  if (only_whitespace(text, start)) throw Error("corpus_empty", "corpus " + name + " is empty");
  const std::size_t nul = text.find('\0');
  if (nul != std::string::npos) {
    throw Error("corpus_binary",
                "corpus " + name + " looks like a binary file (NUL byte at offset " + std::to_string(nul) +
                    "); expected UTF-8 text",
                static_cast<long long>(nul));
  }
  const long long bad = find_invalid_utf8(text);
  if (bad >= 0) {
    throw Error("invalid_utf8",
                "corpus " + name + " is not valid UTF-8: bad byte " + hex_byte(text[bad]) + " at byte offset " +
                    std::to_string(bad) + " (save the file as UTF-8)",
                bad);
  }
}

std::string read_corpus(const std::string& path, std::uint64_t max_bytes) {
  const std::uint64_t size = regular_file_size(path);
  if (size > max_bytes) {
    throw Error("corpus_too_large",
                "corpus " + path + " is " + megabytes(size) + ", over the limit of " + megabytes(max_bytes),
                static_cast<long long>(size), static_cast<long long>(max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("file_unreadable", "corpus " + path + ": cannot open: " + std::strerror(errno));
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  check_corpus_text(text, path);  // offsets count from the start of the file, BOM included
  if (text.rfind(kByteOrderMark, 0) == 0) text.erase(0, 3);
  return text;
}

}  // namespace tf::cli
