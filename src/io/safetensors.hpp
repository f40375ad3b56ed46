#pragma once
// Strict reader/writer for the huggingface "safetensors" checkpoint format.
//
// Layout of a file holding one 2x3 F32 tensor "w" (24 data bytes):
//
//   offset 0   8 bytes  header length N, little-endian u64:   40 00 00 00 00 00 00 00   (N = 64)
//   offset 8   N bytes  JSON header (UTF-8), padded with spaces so 8 + N is a multiple of 8:
//                       {"w":{"data_offsets":[0,24],"dtype":"F32","shape":[2,3]}}       (57 bytes + 7 spaces)
//   offset 72  buffer   w[0][0] w[0][1] w[0][2] w[1][0] w[1][1] w[1][2], each 4 little-endian bytes
//
// data_offsets are [begin, end) relative to the start of the buffer (byte 8 + N). Tensors are packed
// with no holes and no overlap, and the buffer ends exactly where the last tensor ends. An optional
// "__metadata__" entry maps strings to strings (e.g. {"format": "pt", "step": "1200"}).
//
// parse() trusts nothing: every size is checked (with overflow guards) before anything is allocated
// or read, and every problem is a tf::Error whose code the web page translates:
//   checkpoint_truncated  shorter than 8 bytes, than 8 + N, or than the data the header describes
//   checkpoint_too_large  the file is larger than the limit (max_bytes), or N than kMaxHeaderBytesLimit (16 MiB)
//                         or max_bytes; checked from the 8 length bytes alone, before the header is read
//   checkpoint_corrupt    bad JSON / UTF-8, wrong fields or types, duplicate names, size mismatches,
//                         overlapping offsets, holes, trailing bytes, non-string metadata
//   checkpoint_dtype      dtype is not F32/F16/BF16/F64 (F16, BF16 and F64 are converted to float)
// serialize() throws checkpoint_invalid for a File that cannot be written (see below); save_file and
// load_file add file_not_found, file_unreadable and file_unwritable.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tf::safetensors {

struct Tensor {
  std::vector<std::int64_t> shape;  // {} for a scalar
  std::vector<float> data;          // row-major, data.size() == product(shape) (1 for a scalar)
};

struct File {
  std::map<std::string, std::string> metadata;  // "__metadata__": string -> string only
  std::map<std::string, Tensor> tensors;
};

// Default limit on a checkpoint's size in bytes (256 MiB).
inline constexpr std::uint64_t kDefaultMaxBytes = 256ull << 20;
// Limit on the JSON header's length N (16 MiB; the reference reader allows 100 MB).
inline constexpr std::uint64_t kMaxHeaderBytesLimit = 16ull << 20;

// Returns the file's bytes: tensors as F32 in name order, header padded with spaces to 8-byte alignment,
// so the same File always gives the same bytes and parse(serialize(f)) is bit-exact (NaN payloads too).
// Throws tf::Error("checkpoint_invalid") for a negative dimension, data.size() != product(shape), the
// reserved name "__metadata__", or names/metadata that are not valid UTF-8.
// F32 by default; F16 halves the size (values rounded to nearest even; fine for shipped demo models).
enum class Dtype { F32, F16 };
std::string serialize(const File& file, Dtype dtype = Dtype::F32);

// Validates everything (see above) and decodes the tensors to float.
File parse(std::string_view bytes, std::uint64_t max_bytes = kDefaultMaxBytes);

// Writes path + ".tmp", then renames it over `path`, so a crash never leaves a half-written checkpoint.
void save_file(const std::string& path, const File& file, Dtype dtype = Dtype::F32);

// Reads and parses `path`; refuses a file over max_bytes before reading it.
File load_file(const std::string& path, std::uint64_t max_bytes = kDefaultMaxBytes);

}  // namespace tf::safetensors
