// tinyformer export: a checkpoint without its optimizer state, optionally in half precision — the
// form a web page ships (about a sixth of a training checkpoint's size with --dtype f16).
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "io/checkpoint.hpp"

namespace tf::cli {
namespace {

struct ExportOptions {
  std::string model, out, dtype = "f32";
};

int run_export(const ExportOptions& o) {
  const Checkpoint ck = load_model_file(o.model);
  const auto dtype = o.dtype == "f16" ? safetensors::Dtype::F16 : safetensors::Dtype::F32;
  export_checkpoint(o.out, *ck.network, ck.tokenizer, dtype, ck.seq2seq() ? &ck.source_tokenizer : nullptr);
  std::cerr << "tinyformer export: " << ck.network->num_parameters() << " parameters as " << o.dtype << " -> " << o.out
            << "\n";
  return kExitOk;
}

}  // namespace

Command register_export(CLI::App& app) {
  CLI::App& cmd =
      add_command(app, "export", "save a checkpoint's model and tokenizer only (no optimizer state), optionally as F16",
                  "Reads a checkpoint and writes the model and tokenizer without the optimizer state, with the\n"
                  "weights as 32-bit or 16-bit floats. Loading converts F16 back to F32.");
  auto o = std::make_shared<ExportOptions>();
  add_text(cmd, "model", o->model, "FILE", "the checkpoint to read")->required();
  add_text(cmd, "out", o->out, "FILE", "where to write")->required();
  add_choice(cmd, "dtype", o->dtype, "number format of the weights", {"f32", "f16"});
  return {&cmd, [o] { return run_export(*o); }};
}

}  // namespace tf::cli
