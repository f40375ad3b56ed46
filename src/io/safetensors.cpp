// Strict safetensors reader/writer; see safetensors.hpp for the byte layout and the error codes.
#include "io/safetensors.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace tf::safetensors {
namespace {

using Json = nlohmann::json;

static_assert(std::numeric_limits<float>::is_iec559 && sizeof(float) == 4, "IEEE-754 binary32 float");
static_assert(std::numeric_limits<double>::is_iec559 && sizeof(double) == 8, "IEEE-754 binary64 double");

constexpr const char* kMetadataKey = "__metadata__";
// Our header holds names, shapes and a little metadata (tokenizer vocabularies): a few hundred KB at most. The
// reference reader caps headers at 100 MB; 16 MiB keeps a hostile length from making us read and parse a
// huge JSON text (nlohmann's DOM costs many times the text) before anything else is checked.
constexpr std::uint64_t kMaxHeaderBytes = kMaxHeaderBytesLimit;
// Element counts stay below this, so numel * (dtype size <= 8) can never overflow a u64.
constexpr std::uint64_t kMaxNumel = std::numeric_limits<std::uint64_t>::max() / 8;

[[noreturn]] void fail(const char* code, const std::string& message, long long detail = -1, long long detail2 = -1) {
  throw Error(code, message, detail, detail2);
}

long long as_detail(std::uint64_t v) {
  return v > static_cast<std::uint64_t>(LLONG_MAX) ? LLONG_MAX : static_cast<long long>(v);
}

// 'name' for messages; a hostile name is cut at 80 bytes (on a UTF-8 boundary).
std::string quote(std::string_view name) {
  if (name.size() <= 80) return "'" + std::string(name) + "'";
  std::size_t cut = 80;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(name.substr(0, cut)) + "...'";
}

// ---- explicit little-endian access (correct on any host byte order) ----------------------------
std::uint64_t load_le(const unsigned char* p, int n) {
  std::uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

void append_le(std::string& out, std::uint64_t v, int n) {
  for (int i = 0; i < n; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

float bits_to_float(std::uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

float f16_to_float(std::uint16_t h) {
  const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
  const std::uint32_t exponent = (h >> 10) & 0x1Fu;
  const std::uint32_t mantissa = h & 0x3FFu;
  if (exponent == 0x1F) return bits_to_float(sign | 0x7F800000u | (mantissa << 13));  // inf / NaN
  if (exponent != 0) return bits_to_float(sign | ((exponent + 112) << 23) | (mantissa << 13));
  const float magnitude = static_cast<float>(mantissa) * 5.9604644775390625e-8f;  // subnormal: m * 2^-24, exact
  return sign ? -magnitude : magnitude;
}

// ---- header ------------------------------------------------------------------------------------
enum class DType { F32, F16, BF16, F64 };

struct Entry {
  std::string name;
  DType dtype = DType::F32;
  std::uint64_t dtype_size = 4;
  std::vector<std::int64_t> shape;
  std::uint64_t numel = 1;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
};

void parse_dtype(const std::string& dtype, Entry& e) {
  static const std::pair<const char*, std::pair<DType, std::uint64_t>> kFloat[] = {
      {"F32", {DType::F32, 4}}, {"F16", {DType::F16, 2}}, {"BF16", {DType::BF16, 2}}, {"F64", {DType::F64, 8}}};
  for (const auto& [label, info] : kFloat) {
    if (dtype == label) {
      e.dtype = info.first;
      e.dtype_size = info.second;
      return;
    }
  }
  static const char* const kInteger[] = {"BOOL", "U8", "I8", "U16", "I16", "U32", "I32", "U64", "I64"};
  for (const char* label : kInteger) {
    if (dtype == label) {
      fail("checkpoint_dtype", "tensor " + quote(e.name) + " has integer/bool dtype " + dtype +
                                   "; model weights must be floating point (F32, F16, BF16 or F64)");
    }
  }
  fail("checkpoint_dtype",
       "tensor " + quote(e.name) + " has unsupported dtype " + quote(dtype) + "; supported: F32, F16, BF16, F64");
}

// A JSON number that is a non-negative integer (2.0, 1e3 and -1 are not).
bool as_index(const Json& v, std::uint64_t& out) {
  if (v.is_number_unsigned()) {
    out = v.get<std::uint64_t>();
    return true;
  }
  if (v.is_number_integer() && v.get<std::int64_t>() >= 0) {
    out = static_cast<std::uint64_t>(v.get<std::int64_t>());
    return true;
  }
  return false;
}

// Parses the header text, rejecting duplicate keys (nlohmann would keep the last) and deep nesting.
Json parse_json(std::string_view text) {
  if (text.empty() || text.front() != '{') {
    fail("checkpoint_corrupt", "checkpoint header is not a JSON object (it must start with '{')");
  }
  // nlohmann stops at a NUL byte as if the input ended there; JSON text never contains one.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    fail("checkpoint_corrupt", "checkpoint header contains a NUL byte at offset " + std::to_string(nul),
         as_detail(nul));
  }
  std::vector<std::set<std::string>> open;  // keys seen, one set per open object/array
  auto callback = [&open](int depth, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start:
        if (depth >= 3) fail("checkpoint_corrupt", "checkpoint header nests deeper than safetensors allows");
        open.emplace_back();
        break;
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end:
        open.pop_back();
        break;
      case Json::parse_event_t::key: {
        const auto& key = parsed.get_ref<const std::string&>();
        if (!open.back().insert(key).second) {
          fail("checkpoint_corrupt", "checkpoint header has the key " + quote(key) + " twice");
        }
        break;
      }
      case Json::parse_event_t::value:
        break;
    }
    return true;
  };
  try {
    return Json::parse(text.data(), text.data() + text.size(), callback);
  } catch (const Json::exception& ex) {
    fail("checkpoint_corrupt", std::string("checkpoint header is not valid UTF-8 JSON: ") + ex.what());
  }
}

const Json& field(const Json& object, const std::string& tensor, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) fail("checkpoint_corrupt", "tensor " + quote(tensor) + " has no \"" + key + "\"");
  return *it;
}

Entry parse_entry(const std::string& name, const Json& value) {
  Entry e;
  e.name = name;
  if (!value.is_object()) fail("checkpoint_corrupt", "header entry " + quote(name) + " is not an object");
  for (const auto& item : value.items()) {
    if (item.key() != "dtype" && item.key() != "shape" && item.key() != "data_offsets") {
      fail("checkpoint_corrupt", "tensor " + quote(name) + " has an unknown field " + quote(item.key()));
    }
  }
  const Json& dtype = field(value, name, "dtype");
  if (!dtype.is_string()) fail("checkpoint_corrupt", "tensor " + quote(name) + ": \"dtype\" is not a string");
  parse_dtype(dtype.get<std::string>(), e);

  const Json& shape = field(value, name, "shape");
  if (!shape.is_array()) fail("checkpoint_corrupt", "tensor " + quote(name) + ": \"shape\" is not an array");
  bool has_zero = false;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    std::uint64_t dim = 0;
    if (!as_index(shape[i], dim) || dim > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      fail("checkpoint_corrupt",
           "tensor " + quote(name) + ": shape[" + std::to_string(i) + "] = " + shape[i].dump() +
               " is not a non-negative integer",
           as_detail(i));
    }
    e.shape.push_back(static_cast<std::int64_t>(dim));
    has_zero = has_zero || dim == 0;
  }
  e.numel = has_zero ? 0 : 1;
  for (std::size_t i = 0; i < e.shape.size() && !has_zero; ++i) {
    const auto dim = static_cast<std::uint64_t>(e.shape[i]);
    if (dim > kMaxNumel / e.numel) {
      fail("checkpoint_corrupt", "tensor " + quote(name) + ": shape " + shape.dump() + " has too many elements");
    }
    e.numel *= dim;
  }

  const Json& offsets = field(value, name, "data_offsets");
  const bool pair = offsets.is_array() && offsets.size() == 2;
  if (!pair || !as_index(offsets[0], e.begin) || !as_index(offsets[1], e.end) || e.end < e.begin) {
    fail("checkpoint_corrupt", "tensor " + quote(name) + ": \"data_offsets\" " + offsets.dump() +
                                   " is not [begin, end] with 0 <= begin <= end");
  }
  const std::uint64_t expected = e.numel * e.dtype_size;
  if (e.end - e.begin != expected) {
    fail("checkpoint_corrupt",
         "tensor " + quote(name) + ": shape " + shape.dump() + " of " + dtype.get<std::string>() + " needs " +
             std::to_string(expected) + " bytes but data_offsets " + offsets.dump() + " span " +
             std::to_string(e.end - e.begin),
         as_detail(expected), as_detail(e.end - e.begin));
  }
  return e;
}

std::map<std::string, std::string> parse_metadata(const Json& value) {
  if (!value.is_object()) fail("checkpoint_corrupt", "\"__metadata__\" is not an object");
  std::map<std::string, std::string> metadata;
  for (const auto& item : value.items()) {
    if (!item.value().is_string()) {
      fail("checkpoint_corrupt", "metadata value for " + quote(item.key()) + " is not a string");
    }
    metadata.emplace(item.key(), item.value().get<std::string>());
  }
  return metadata;
}

// Packed, in offset order, no holes, no overlap, ending exactly at the end of the buffer.
void check_layout(std::vector<Entry>& entries, std::uint64_t buffer_size) {
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::uint64_t expected = 0;
  for (const Entry& e : entries) {
    if (e.begin < expected) {
      fail("checkpoint_corrupt",
           "tensor " + quote(e.name) + " (bytes " + std::to_string(e.begin) + ".." + std::to_string(e.end) +
               ") overlaps the tensor before it, which ends at byte " + std::to_string(expected),
           as_detail(e.begin), as_detail(expected));
    }
    if (e.begin > expected) {
      fail("checkpoint_corrupt",
           "hole in the data buffer: bytes " + std::to_string(expected) + ".." + std::to_string(e.begin) +
               " (before tensor " + quote(e.name) + ") belong to no tensor",
           as_detail(expected), as_detail(e.begin));
    }
    expected = e.end;
  }
  if (expected > buffer_size) {
    fail("checkpoint_truncated",
         "the header describes " + std::to_string(expected) + " bytes of tensor data but only " +
             std::to_string(buffer_size) + " follow it (file cut off?)",
         as_detail(expected), as_detail(buffer_size));
  }
  if (expected < buffer_size) {
    fail("checkpoint_corrupt",
         std::to_string(buffer_size - expected) + " trailing bytes after the last tensor (data ends at byte " +
             std::to_string(expected) + " of " + std::to_string(buffer_size) + ")",
         as_detail(expected), as_detail(buffer_size));
  }
}

Tensor decode(const Entry& e, const unsigned char* buffer) {
  Tensor t;
  t.shape = e.shape;
  t.data.resize(static_cast<std::size_t>(e.numel));  // numel * dtype_size bytes exist: layout checked
  const unsigned char* p = buffer + e.begin;
  for (std::size_t i = 0; i < t.data.size(); ++i, p += e.dtype_size) {
    switch (e.dtype) {
      case DType::F32:
        t.data[i] = bits_to_float(static_cast<std::uint32_t>(load_le(p, 4)));
        break;
      case DType::F16:
        t.data[i] = f16_to_float(static_cast<std::uint16_t>(load_le(p, 2)));
        break;
      case DType::BF16:
        t.data[i] = bits_to_float(static_cast<std::uint32_t>(load_le(p, 2)) << 16);
        break;
      case DType::F64: {
        const std::uint64_t bits = load_le(p, 8);
        double d;
        std::memcpy(&d, &bits, 8);
        t.data[i] = static_cast<float>(d);  // IEEE: rounds to nearest, beyond float range gives +-inf
        break;
      }
    }
  }
  return t;
}

}  // namespace

namespace {

// float → IEEE half, round to nearest even; overflow → ±inf, NaN stays NaN (quiet).
std::uint16_t float_to_half(float value) {
  std::uint32_t f;
  std::memcpy(&f, &value, 4);
  const std::uint32_t sign = (f >> 16) & 0x8000u;
  const std::uint32_t abs = f & 0x7FFFFFFFu;
  if (abs >= 0x7F800000u) return static_cast<std::uint16_t>(sign | 0x7C00u | (abs > 0x7F800000u ? 0x200u : 0u));
  if (abs >= 0x477FF000u) return static_cast<std::uint16_t>(sign | 0x7C00u);  // rounds past 65504
  if (abs < 0x38800000u) {  // a half subnormal (or zero): shift the mantissa with its hidden bit
    if (abs < 0x33000000u) return static_cast<std::uint16_t>(sign);
    const std::uint32_t mant = (abs & 0x7FFFFFu) | 0x800000u;
    const int shift = 126 - static_cast<int>(abs >> 23);  // 14..24
    const std::uint32_t half = mant >> shift;
    const std::uint32_t rest = mant & ((1u << shift) - 1), mid = 1u << (shift - 1);
    return static_cast<std::uint16_t>(sign | (half + (rest > mid || (rest == mid && (half & 1u)))));
  }
  const std::uint32_t half = ((abs - 0x38000000u) >> 13);  // rebias 127 → 15
  const std::uint32_t rest = abs & 0x1FFFu;
  return static_cast<std::uint16_t>(sign | (half + (rest > 0x1000u || (rest == 0x1000u && (half & 1u)))));
}

}  // namespace

std::string serialize(const File& file, Dtype dtype) {
  const std::uint64_t width = dtype == Dtype::F16 ? 2 : 4;
  Json header = Json::object();
  if (!file.metadata.empty()) header[kMetadataKey] = file.metadata;
  std::uint64_t offset = 0;
  for (const auto& [name, tensor] : file.tensors) {
    if (name == kMetadataKey) fail("checkpoint_invalid", "a tensor cannot be named \"__metadata__\"");
    std::uint64_t numel = 1;
    for (std::int64_t dim : tensor.shape) {
      if (dim < 0) fail("checkpoint_invalid", "tensor " + quote(name) + " has a negative dimension", dim);
      const auto d = static_cast<std::uint64_t>(dim);
      numel = (d != 0 && numel > kMaxNumel / d) ? kMaxNumel + 1 : numel * d;
    }
    if (numel != tensor.data.size()) {
      fail("checkpoint_invalid",
           "tensor " + quote(name) + " has " + std::to_string(tensor.data.size()) + " values but its shape holds " +
               std::to_string(numel),
           as_detail(tensor.data.size()), as_detail(numel));
    }
    header[name] = {{"dtype", dtype == Dtype::F16 ? "F16" : "F32"},
                    {"shape", tensor.shape},
                    {"data_offsets", Json::array({offset, offset + width * numel})}};
    offset += width * numel;
  }
  std::string text;
  try {
    text = header.dump();
  } catch (const Json::exception&) {
    fail("checkpoint_invalid", "a tensor name or metadata string is not valid UTF-8");
  }
  text.append((8 - text.size() % 8) % 8, ' ');

  std::string out;
  out.reserve(8 + text.size() + static_cast<std::size_t>(offset));
  append_le(out, text.size(), 8);
  out += text;
  for (const auto& item : file.tensors) {
    for (float v : item.second.data) {
      if (dtype == Dtype::F16) {
        append_le(out, float_to_half(v), 2);
      } else {
        std::uint32_t bits;
        std::memcpy(&bits, &v, 4);
        append_le(out, bits, 4);
      }
    }
  }
  return out;
}

File parse(std::string_view bytes, std::uint64_t max_bytes) {
  if (bytes.size() > max_bytes) {
    fail("checkpoint_too_large",
         "checkpoint is " + std::to_string(bytes.size()) + " bytes, over the limit of " + std::to_string(max_bytes),
         as_detail(bytes.size()), as_detail(max_bytes));
  }
  if (bytes.size() < 8) {
    fail("checkpoint_truncated",
         "checkpoint is only " + std::to_string(bytes.size()) + " bytes; even the 8-byte header length is missing",
         as_detail(bytes.size()), 8);
  }
  const auto* raw = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::uint64_t n = load_le(raw, 8);
  if (n > max_bytes || n > kMaxHeaderBytes) {
    fail("checkpoint_too_large",
         "checkpoint header claims " + std::to_string(n) + " bytes, over the limit of " +
             std::to_string(std::min(max_bytes, kMaxHeaderBytes)),
         as_detail(n), as_detail(std::min(max_bytes, kMaxHeaderBytes)));
  }
  if (n > bytes.size() - 8) {
    fail("checkpoint_truncated",
         "checkpoint header claims " + std::to_string(n) + " bytes but only " + std::to_string(bytes.size() - 8) +
             " follow the length",
         as_detail(n), as_detail(bytes.size() - 8));
  }
  const Json header = parse_json(bytes.substr(8, static_cast<std::size_t>(n)));
  if (!header.is_object()) fail("checkpoint_corrupt", "checkpoint header is not a JSON object");

  File file;
  std::vector<Entry> entries;
  for (const auto& item : header.items()) {
    if (item.key() == kMetadataKey) {
      file.metadata = parse_metadata(item.value());
    } else {
      entries.push_back(parse_entry(item.key(), item.value()));
    }
  }
  const std::uint64_t buffer_start = 8 + n;
  check_layout(entries, bytes.size() - buffer_start);
  for (const Entry& e : entries) file.tensors.emplace(e.name, decode(e, raw + buffer_start));
  return file;
}

void save_file(const std::string& path, const File& file, Dtype dtype) {
  const std::string bytes = serialize(file, dtype);  // throws before anything touches the disk
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) fail("file_unwritable", "cannot create " + tmp + ": " + std::strerror(errno));
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = std::fflush(f) == 0 && ok;
#if defined(__unix__) || defined(__APPLE__)
  ok = ok && ::fsync(::fileno(f)) == 0;  // on disk before the rename makes it visible
#endif
  ok = std::fclose(f) == 0 && ok;
  if (!ok) {
    std::remove(tmp.c_str());
    fail("file_unwritable", "cannot write " + tmp + " (disk full?)");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    fail("file_unwritable", "cannot rename " + tmp + " to " + path + ": " + std::strerror(err));
  }
}

File load_file(const std::string& path, std::uint64_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) fail("file_not_found", "no such file: " + path);
    fail("file_unreadable", "cannot read " + path + ": " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) fail("file_unreadable", path + " is not a regular file");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_bytes) {
    fail("checkpoint_too_large",
         path + " is " + std::to_string(size) + " bytes, over the limit of " + std::to_string(max_bytes),
         as_detail(size), as_detail(max_bytes));
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) fail("file_unreadable", "cannot open " + path + ": " + std::strerror(errno));
  std::string bytes(static_cast<std::size_t>(size), '\0');
  const bool ok = std::fread(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fgetc(f) == EOF;
  std::fclose(f);
  if (!ok) fail("file_unreadable", "cannot read " + path + " (it changed while being read?)");
  return parse(bytes, max_bytes);
}

}  // namespace tf::safetensors
