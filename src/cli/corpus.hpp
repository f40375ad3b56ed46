#pragma once
// Reading a training corpus: a UTF-8 text file, checked before anything trains on it.
//
// Every problem is one tf::Error whose message names the file (the CLI prints it as one line):
//   file_not_found / file_unreadable   the path does not open as a regular file
//   text_too_large                     over max_bytes (detail = size, detail2 = limit)
//   empty_text                         no bytes, or only whitespace
//   binary_text                        a NUL byte (detail = its offset): not a text file
//   invalid_utf8                       detail = offset of the first bad byte
// (the checks and codes of train/setup.hpp, which the page uses too)
// A leading UTF-8 byte-order mark (Windows Notepad writes one) is dropped.
#include <cstdint>
#include <string>

namespace tf::cli {

constexpr std::uint64_t kMaxCorpusBytes = 50ull << 20;  // 50 MB

std::string read_corpus(const std::string& path, std::uint64_t max_bytes = kMaxCorpusBytes);

// Checks text already in memory (the same checks minus the size); `name` goes into messages.
void check_corpus_text(const std::string& text, const std::string& name);

}  // namespace tf::cli
