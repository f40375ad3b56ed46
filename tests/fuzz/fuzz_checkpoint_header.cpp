// The checkpoint loader from its header JSON: the input becomes the header of a safetensors file whose
// data part is small finite floats, as long as the header's largest data_offsets end says (64 KiB when
// it says nothing usable; at most 16 MiB), so the fuzzer works on the JSON (tensor list, shapes,
// offsets, config, tokenizer and optimizer metadata) rather than on length bytes.
#include <algorithm>
#include <cstring>

#include <nlohmann/json.hpp>

#include "api/session.hpp"
#include "fuzz.hpp"
#include "io/checkpoint.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string payload = [] {
    std::string p(16u << 20, '\0');
    for (std::size_t i = 0; i + 4 <= p.size(); i += 4) {
      const float f = 0.01f * static_cast<float>(static_cast<int>(i % 97) - 48);
      std::memcpy(&p[i], &f, 4);
    }
    return p;
  }();
  std::size_t data_bytes = 64 * 1024;
  const auto header = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (header.is_object()) {
    std::size_t end = 0;
    for (const auto& [name, entry] : header.items()) {
      if (!entry.is_object() || !entry.contains("data_offsets")) continue;
      const auto& offsets = entry["data_offsets"];
      if (offsets.is_array() && offsets.size() == 2 && offsets[1].is_number_unsigned()) {
        end = std::max<std::size_t>(end, std::min<std::uint64_t>(offsets[1].get<std::uint64_t>(), payload.size()));
      }
    }
    if (end > 0) data_bytes = end;
  }
  std::string file(8, '\0');
  const std::uint64_t n = size;
  for (int i = 0; i < 8; ++i) file[i] = static_cast<char>((n >> (8 * i)) & 0xff);
  file.append(reinterpret_cast<const char*>(data), size);
  file.append(payload, 0, data_bytes);
  tf::fuzz::expect_engine_errors([&] { tf::load_checkpoint_bytes(file); });
  tf::fuzz::expect_engine_errors([&] {
    tf::ModelSession m;
    m.load(file);
    m.inspect_text("a");
  });
  return 0;
}
