// Tests for the strict safetensors reader/writer (src/io/safetensors.*).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "io/safetensors.hpp"

namespace st = tf::safetensors;

namespace {

std::uint32_t bits_of(float f) {
  std::uint32_t b;
  std::memcpy(&b, &f, 4);
  return b;
}

float from_bits(std::uint32_t b) {
  float f;
  std::memcpy(&f, &b, 4);
  return f;
}

void put_le(std::string& out, std::uint64_t v, int n) {
  for (int i = 0; i < n; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// 8-byte length + header (as given, no padding) + data.
std::string raw_file(const std::string& header, const std::string& data = "") {
  std::string out;
  put_le(out, header.size(), 8);
  return out + header + data;
}

std::string f32_bytes(std::initializer_list<float> values) {
  std::string out;
  for (float v : values) put_le(out, bits_of(v), 4);
  return out;
}

// parse must throw tf::Error with `code`, and its message must mention `needle`.
void expect_error(const std::string& bytes, const std::string& code, const std::string& needle = "",
                  std::uint64_t max_bytes = st::kDefaultMaxBytes) {
  try {
    st::parse(bytes, max_bytes);
    FAIL("parse accepted the input; expected " << code);
  } catch (const tf::Error& e) {
    INFO("message: " << e.what());
    CHECK(e.code() == code);
    CHECK(std::string(e.what()).find(needle) != std::string::npos);
  }
}

void expect_bits_equal(const std::vector<float>& a, const std::vector<float>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO("index " << i);
    CHECK(bits_of(a[i]) == bits_of(b[i]));
  }
}

st::File sample_file() {
  st::File f;
  f.metadata = {{"format", "pt"}, {"설명", "작은 트랜스포머 — 한국어 메타데이터"}, {"empty", ""}};
  f.tensors["wte"] = {{2, 3},
                      {from_bits(0x7FC12345u), from_bits(0xFFC00001u), from_bits(0x7F800001u),  // NaN payloads
                       -0.0f, from_bits(0x00000001u), from_bits(0x807FFFFFu)}};                 // denormals
  f.tensors["b.special"] = {{4},
                            {std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(),
                             std::numeric_limits<float>::max(), 1.0f / 3.0f}};
  f.tensors["empty"] = {{3, 0, 2}, {}};
  f.tensors["scalar"] = {{}, {42.5f}};
  return f;
}

struct Lcg {  // fixed-seed 64-bit LCG (Knuth MMIX constants)
  std::uint64_t state;
  std::uint32_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state >> 33);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : next() % n; }
};

}  // namespace

TEST_CASE("safetensors: round trip is bit-exact", "[safetensors]") {
  const st::File f = sample_file();
  const std::string bytes = st::serialize(f);
  const st::File g = st::parse(bytes);
  CHECK(g.metadata == f.metadata);
  REQUIRE(g.tensors.size() == f.tensors.size());
  for (const auto& [name, t] : f.tensors) {
    INFO("tensor " << name);
    REQUIRE(g.tensors.count(name) == 1);
    CHECK(g.tensors.at(name).shape == t.shape);
    expect_bits_equal(g.tensors.at(name).data, t.data);
  }
  CHECK(st::serialize(g) == bytes);
}

TEST_CASE("safetensors: serialize is deterministic and aligned", "[safetensors]") {
  const std::string a = st::serialize(sample_file());
  const std::string b = st::serialize(sample_file());
  CHECK(a == b);
  std::uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(a[i]);
  CHECK((8 + n) % 8 == 0);
  CHECK(a[8] == '{');
  CHECK(a.size() == 8 + n + 4 * (6 + 4 + 0 + 1));

  // The worked example in safetensors.hpp, byte for byte.
  st::File w;
  w.tensors["w"] = {{2, 3}, {1, 2, 3, 4, 5, 6}};
  const std::string header = R"({"w":{"data_offsets":[0,24],"dtype":"F32","shape":[2,3]}})";
  REQUIRE(header.size() == 57);
  CHECK(st::serialize(w) == raw_file(header + std::string(7, ' '), f32_bytes({1, 2, 3, 4, 5, 6})));

  // An empty file is a valid checkpoint too.
  CHECK(st::serialize(st::File{}) == raw_file("{}      "));
  CHECK(st::parse(raw_file("{}")).tensors.empty());
}

TEST_CASE("safetensors: Korean metadata round trip", "[safetensors]") {
  st::File f;
  f.metadata["모델"] = "한국어 소설로 학습한 작은 GPT 🙂";
  f.metadata["step"] = "1200";
  const st::File g = st::parse(st::serialize(f));
  CHECK(g.metadata == f.metadata);
  CHECK(g.tensors.empty());
}

TEST_CASE("safetensors: accepts files written by other tools", "[safetensors]") {
  // Key order differs from ours, padding is absent, empty tensors share an offset, huge dims next to a 0.
  const std::string header =
      R"({"z":{"shape":[2],"dtype":"F32","data_offsets":[0,8]},"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},)"
      R"("e":{"dtype":"F32","shape":[0,4611686018427387904],"data_offsets":[8,8]},"__metadata__":{"format":"pt"}})";
  const st::File f = st::parse(raw_file(header, f32_bytes({1.5f, -2.0f})));
  CHECK(f.tensors.at("z").data == std::vector<float>{1.5f, -2.0f});
  CHECK(f.tensors.at("a").data.empty());
  CHECK(f.tensors.at("e").shape == std::vector<std::int64_t>{0, 4611686018427387904});
  CHECK(f.metadata.at("format") == "pt");
  // Header padded with spaces (and other JSON whitespace) after the object.
  CHECK(st::parse(raw_file("{}   \n\t ")).tensors.empty());
}

TEST_CASE("safetensors: F16, BF16 and F64 are converted to float", "[safetensors]") {
  SECTION("F16") {
    std::string data;
    for (std::uint16_t h : {0x3C00, 0xC100, 0x7BFF, 0x0001, 0x8000, 0x7C00, 0xFC00, 0x7E00, 0x3555}) put_le(data, h, 2);
    const auto t =
        st::parse(raw_file(R"({"h":{"dtype":"F16","shape":[9],"data_offsets":[0,18]}})", data)).tensors.at("h");
    CHECK(t.data[0] == 1.0f);
    CHECK(t.data[1] == -2.5f);
    CHECK(t.data[2] == 65504.0f);
    CHECK(t.data[3] == std::ldexp(1.0f, -24));  // smallest subnormal
    CHECK(bits_of(t.data[4]) == 0x80000000u);   // -0.0
    CHECK(t.data[5] == std::numeric_limits<float>::infinity());
    CHECK(t.data[6] == -std::numeric_limits<float>::infinity());
    CHECK(std::isnan(t.data[7]));
    CHECK(t.data[8] == 0.333251953125f);
  }
  SECTION("BF16") {
    std::string data;
    for (std::uint16_t h : {0x3F80, 0xC020, 0x4780, 0x477F, 0x7F80}) put_le(data, h, 2);
    const auto t =
        st::parse(raw_file(R"({"b":{"dtype":"BF16","shape":[5],"data_offsets":[0,10]}})", data)).tensors.at("b");
    CHECK(t.data == std::vector<float>{1.0f, -2.5f, 65536.0f, 65280.0f, std::numeric_limits<float>::infinity()});
  }
  SECTION("F64") {
    std::string data;
    for (double d : {1.0, -2.5, 65504.0, 0.1, 1e300}) {
      std::uint64_t b;
      std::memcpy(&b, &d, 8);
      put_le(data, b, 8);
    }
    const auto t =
        st::parse(raw_file(R"({"d":{"dtype":"F64","shape":[5,1],"data_offsets":[0,40]}})", data)).tensors.at("d");
    CHECK(t.shape == std::vector<std::int64_t>{5, 1});
    CHECK(t.data == std::vector<float>{1.0f, -2.5f, 65504.0f, 0.1f, std::numeric_limits<float>::infinity()});
  }
}

TEST_CASE("safetensors: truncated files", "[safetensors]") {
  const std::string good = st::serialize(sample_file());
  expect_error("", "checkpoint_truncated", "8-byte");
  expect_error(good.substr(0, 5), "checkpoint_truncated", "8-byte");
  expect_error(good.substr(0, 8), "checkpoint_truncated", "header");
  expect_error(good.substr(0, 40), "checkpoint_truncated", "header");
  expect_error(good.substr(0, good.size() - 44), "checkpoint_truncated", "tensor data");
  expect_error(good.substr(0, good.size() - 1), "checkpoint_truncated", "tensor data");
}

TEST_CASE("safetensors: too large", "[safetensors]") {
  std::string huge;
  put_le(huge, 0x8000000000000000ull, 8);
  expect_error(huge + "{}", "checkpoint_too_large", "9223372036854775808");
  expect_error(raw_file("{}    "), "checkpoint_too_large", "limit", 12);  // whole file over max_bytes
  std::string over;
  put_le(over, 1000, 8);
  expect_error(over + "{}", "checkpoint_too_large", "1000", 500);  // header length over max_bytes
}

TEST_CASE("safetensors: a header over 16 MiB is refused from its length alone", "[safetensors]") {
  CHECK(st::kMaxHeaderBytesLimit == (16u << 20));
  // A claimed header of 16 MiB + 8 bytes, under the file-size limit, with only 2 bytes present: the length is
  // refused before anything is read (not reported as truncated).
  std::string over;
  put_le(over, st::kMaxHeaderBytesLimit + 8, 8);
  expect_error(over + "{}", "checkpoint_too_large", "16777216");
  // A header of exactly 16 MiB is allowed (here: a valid empty header padded with spaces).
  std::string at_limit;
  put_le(at_limit, st::kMaxHeaderBytesLimit, 8);
  at_limit += "{}";
  at_limit.append(st::kMaxHeaderBytesLimit - 2, ' ');
  CHECK(st::parse(at_limit).tensors.empty());
}

TEST_CASE("safetensors: bad JSON and bad entries", "[safetensors]") {
  const std::string d4 = f32_bytes({1.0f});
  expect_error(raw_file(""), "checkpoint_corrupt", "'{'");
  expect_error(raw_file(R"({"a": )"), "checkpoint_corrupt", "JSON");
  expect_error(raw_file("[1, 2]"), "checkpoint_corrupt", "'{'");
  expect_error(raw_file(" {}"), "checkpoint_corrupt", "'{'");
  expect_error(raw_file("{} x"), "checkpoint_corrupt", "JSON");
  expect_error(raw_file(std::string("{}\0\0", 4)), "checkpoint_corrupt", "NUL byte at offset 2");
  expect_error(raw_file(std::string("{}\0{\"a\":1}", 10)), "checkpoint_corrupt", "NUL");
  expect_error(raw_file("{\"\xFF\":1}"), "checkpoint_corrupt", "UTF-8");
  expect_error(raw_file("{\"\xC0\xAF\":1}"), "checkpoint_corrupt", "UTF-8");  // overlong '/'
  expect_error(raw_file(R"({"a":{"x":{"y":[]}}})"), "checkpoint_corrupt", "deeper");
  expect_error(raw_file(R"({"a": 5})"), "checkpoint_corrupt", "'a' is not an object");
  expect_error(raw_file(R"({"a":{"shape":[1],"data_offsets":[0,4]}})", d4), "checkpoint_corrupt",
               "'a' has no \"dtype\"");
  expect_error(raw_file(R"({"a":{"dtype":"F32","data_offsets":[0,4]}})", d4), "checkpoint_corrupt", "no \"shape\"");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[1]}})", d4), "checkpoint_corrupt", "no \"data_offsets\"");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"x":1}})", d4), "checkpoint_corrupt",
               "unknown field 'x'");
  expect_error(raw_file(R"({"a":{"dtype":5,"shape":[1],"data_offsets":[0,4]}})", d4), "checkpoint_corrupt",
               "not a string");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":"1","data_offsets":[0,4]}})", d4), "checkpoint_corrupt",
               "not an array");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", d4), "checkpoint_corrupt",
               "shape[0] = -1");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[1.0],"data_offsets":[0,4]}})", d4), "checkpoint_corrupt",
               "shape[0]");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[1,0.5],"data_offsets":[0,4]}})", d4), "checkpoint_corrupt",
               "shape[1]");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[9223372036854775808],"data_offsets":[0,4]}})", d4),
               "checkpoint_corrupt", "shape[0]");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,4]}})", d4),
               "checkpoint_corrupt", "too many elements");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0]}})", d4), "checkpoint_corrupt",
               "[begin, end]");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}})", d4), "checkpoint_corrupt",
               "[begin, end]");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,-4]}})", d4), "checkpoint_corrupt",
               "[begin, end]");
  expect_error(raw_file(R"({"__metadata__":{"k":1}})"), "checkpoint_corrupt", "metadata value for 'k'");
  expect_error(raw_file(R"({"__metadata__":["k"]})"), "checkpoint_corrupt", "__metadata__");
}

TEST_CASE("safetensors: duplicate names", "[safetensors]") {
  const std::string d8 = f32_bytes({1.0f, 2.0f});
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                        R"("a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                        d8),
               "checkpoint_corrupt", "'a' twice");
  expect_error(raw_file(R"({"a":{"dtype":"F32","dtype":"F16","shape":[1],"data_offsets":[0,4]}})", f32_bytes({1.0f})),
               "checkpoint_corrupt", "'dtype' twice");
  expect_error(raw_file(R"({"__metadata__":{"k":"1","k":"2"}})"), "checkpoint_corrupt", "'k' twice");
}

TEST_CASE("safetensors: layout errors", "[safetensors]") {
  const std::string d12 = f32_bytes({1, 2, 3});
  // numel * 4 != end - begin
  expect_error(raw_file(R"({"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,12]}})", d12), "checkpoint_corrupt",
               "tensor 'w': shape [2,3] of F32 needs 24 bytes but data_offsets [0,12] span 12");
  // overlap
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                        R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                        d12),
               "checkpoint_corrupt", "'b' (bytes 4..12) overlaps");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,12]},)"
                        R"("b":{"dtype":"F32","shape":[3],"data_offsets":[0,12]}})",
                        d12),
               "checkpoint_corrupt", "overlaps");
  // hole
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                        R"("b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})",
                        d12),
               "checkpoint_corrupt", "hole in the data buffer: bytes 4..8 (before tensor 'b')");
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", d12.substr(0, 8)),
               "checkpoint_corrupt", "bytes 0..4");
  // trailing bytes
  expect_error(raw_file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", d12), "checkpoint_corrupt",
               "4 trailing bytes");
  expect_error(raw_file("{}", "x"), "checkpoint_corrupt", "1 trailing bytes");
  // offsets far beyond the buffer
  expect_error(
      raw_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[18446744073709551608,18446744073709551612]}})", d12),
      "checkpoint_corrupt", "hole");
  expect_error(
      raw_file(R"({"a":{"dtype":"F64","shape":[1152921504606846975],"data_offsets":[0,9223372036854775800]}})", d12),
      "checkpoint_truncated", "9223372036854775800 bytes of tensor data but only 12");
}

TEST_CASE("safetensors: dtypes", "[safetensors]") {
  const std::string d4 = f32_bytes({1.0f});
  expect_error(raw_file(R"({"ids":{"dtype":"I32","shape":[1],"data_offsets":[0,4]}})", d4), "checkpoint_dtype",
               "tensor 'ids' has integer/bool dtype I32");
  expect_error(raw_file(R"({"m":{"dtype":"BOOL","shape":[4],"data_offsets":[0,4]}})", d4), "checkpoint_dtype",
               "integer/bool");
  expect_error(raw_file(R"({"q":{"dtype":"F8_E4M3","shape":[4],"data_offsets":[0,4]}})", d4), "checkpoint_dtype",
               "unsupported dtype 'F8_E4M3'");
  expect_error(raw_file(R"({"q":{"dtype":"f32","shape":[1],"data_offsets":[0,4]}})", d4), "checkpoint_dtype", "'f32'");
}

TEST_CASE("safetensors: serialize rejects invalid files", "[safetensors]") {
  auto expect_invalid = [](const st::File& f, const std::string& needle) {
    try {
      st::serialize(f);
      FAIL("serialize accepted an invalid file");
    } catch (const tf::Error& e) {
      CHECK(e.code() == "checkpoint_invalid");
      CHECK(std::string(e.what()).find(needle) != std::string::npos);
    }
  };
  st::File f;
  f.tensors["a"] = {{2, 2}, {1, 2, 3}};
  expect_invalid(f, "has 3 values but its shape holds 4");
  f.tensors["a"] = {{-1}, {}};
  expect_invalid(f, "negative");
  f.tensors.clear();
  f.tensors["__metadata__"] = {{}, {1}};
  expect_invalid(f, "__metadata__");
  f.tensors.clear();
  f.tensors["\xFF"] = {{}, {1}};
  expect_invalid(f, "UTF-8");
}

TEST_CASE("safetensors: fuzzed input never crashes", "[safetensors]") {
  st::File f = sample_file();
  f.tensors["wte"].data[0] = 0.5f;
  const std::string good = st::serialize(f);
  std::string f16_header = R"({"h":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},"__metadata__":{"k":"v"}})";
  const std::string good16 = raw_file(f16_header, std::string("\x00\x3C\x00\xC1", 4));
  REQUIRE_NOTHROW(st::parse(good16));

  Lcg rng{20240601};
  int ok = 0, errors = 0;
  for (int iter = 0; iter < 10000; ++iter) {
    std::string bytes = (iter % 4 == 0) ? good16 : good;
    const std::size_t header_end =
        8 + static_cast<unsigned char>(bytes[0]) + 256u * static_cast<unsigned char>(bytes[1]);
    switch (rng.below(4)) {
      case 0:  // truncate
        bytes.resize(rng.below(bytes.size()));
        break;
      case 1:  // flip bits anywhere
        for (std::size_t k = 1 + rng.below(4); k > 0; --k)
          bytes[rng.below(bytes.size())] ^= static_cast<char>(1u << rng.below(8));
        break;
      case 2:  // random bytes inside the header
        for (std::size_t k = 1 + rng.below(3); k > 0; --k)
          bytes[8 + rng.below(header_end - 8)] = static_cast<char>(rng.next());
        break;
      default:  // JSON-significant characters inside the header, sometimes a small length change
        for (std::size_t k = 1 + rng.below(2); k > 0; --k)
          bytes[8 + rng.below(header_end - 8)] = "{}[],:\"0-9e. \\"[rng.below(14)];
        if (rng.below(4) == 0) bytes[0] = static_cast<char>(bytes[0] + static_cast<int>(rng.below(5)) - 2);
        break;
    }
    try {
      const st::File g = st::parse(bytes);
      for (const auto& item : g.tensors) {
        std::uint64_t numel = 1;
        for (auto d : item.second.shape) numel *= static_cast<std::uint64_t>(d);
        CHECK(item.second.data.size() == numel);
      }
      ++ok;
    } catch (const tf::Error& e) {
      CHECK((e.code() == "checkpoint_truncated" || e.code() == "checkpoint_corrupt" || e.code() == "checkpoint_dtype" ||
             e.code() == "checkpoint_too_large"));
      ++errors;
    }
  }
  CHECK(ok > 100);
  CHECK(errors > 100);
}

TEST_CASE("safetensors: save_file and load_file", "[safetensors]") {
  const std::string dir = std::filesystem::temp_directory_path().string();
  const std::string path = dir + "/tinyformer_test_safetensors.safetensors";
  std::remove(path.c_str());

  const st::File f = sample_file();
  st::save_file(path, f);
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
  const st::File g = st::load_file(path);
  CHECK(g.metadata == f.metadata);
  expect_bits_equal(g.tensors.at("wte").data, f.tensors.at("wte").data);
  CHECK(st::serialize(g) == st::serialize(f));

  // Overwriting an existing checkpoint replaces it.
  st::File small;
  small.tensors["x"] = {{1}, {7.0f}};
  st::save_file(path, small);
  CHECK(st::load_file(path).tensors.at("x").data == std::vector<float>{7.0f});

  auto expect_code = [](auto&& fn, const std::string& code) {
    try {
      fn();
      FAIL("expected " << code);
    } catch (const tf::Error& e) {
      INFO(e.what());
      CHECK(e.code() == code);
    }
  };
  expect_code([&] { st::load_file(path, 16); }, "checkpoint_too_large");
  expect_code([&] { st::load_file(dir + "/tinyformer_no_such_file.safetensors"); }, "file_not_found");
  expect_code([&] { st::load_file(dir); }, "file_unreadable");
  expect_code([&] { st::save_file(dir + "/tinyformer_no_such_dir/x.safetensors", small); }, "file_unwritable");

  // A corrupt file on disk reports the parse error.
  std::FILE* out = std::fopen(path.c_str(), "wb");
  REQUIRE(out);
  std::fputs("garbage", out);
  std::fclose(out);
  expect_code([&] { st::load_file(path); }, "checkpoint_truncated");
  std::remove(path.c_str());
}

TEST_CASE("F16 writing rounds to nearest even and reads back", "[safetensors]") {
  using namespace tf::safetensors;
  File f;
  const std::vector<float> values = {1.0f,           -2.5f,
                                     65504.0f,       70000.0f,
                                     0.0f,           -0.0f,
                                     5.9604645e-08f,  // smallest subnormal
                                     1.0009765625f,   // 1 + 2^-10: exact in half
                                     1.00048828125f,  // halfway between 1 and 1+2^-10: ties to even (1)
                                     0.1f,           std::numeric_limits<float>::infinity(),
                                     std::nanf("")};
  f.tensors["x"] = {{static_cast<std::int64_t>(values.size())}, values};
  const std::string bytes = serialize(f, Dtype::F16);
  const File back = parse(bytes);
  const auto& got = back.tensors.at("x").data;
  CHECK(got[0] == 1.0f);
  CHECK(got[1] == -2.5f);
  CHECK(got[2] == 65504.0f);
  CHECK(std::isinf(got[3]));
  CHECK(got[4] == 0.0f);
  CHECK(std::signbit(got[5]));
  CHECK(got[6] == 5.9604645e-08f);
  CHECK(got[7] == 1.0009765625f);
  CHECK(got[8] == 1.0f);
  CHECK(got[9] == Approx(0.1f).epsilon(1e-3));
  CHECK(std::isinf(got[10]));
  CHECK(std::isnan(got[11]));
  CHECK(bytes.size() < serialize(f).size());
}
