// tinyformer export: a checkpoint without its optimizer state, optionally in half precision — the
// form a web page ships (about a sixth of a training checkpoint's size with --dtype f16).
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "io/checkpoint.hpp"

namespace tf::cli {
namespace {

int run_export(const Flags& f) {
  const Checkpoint ck = load_model_file(f.get_text("model"));
  const auto dtype = f.get_text("dtype") == "f16" ? safetensors::Dtype::F16 : safetensors::Dtype::F32;
  export_checkpoint(f.get_text("out"), *ck.network, ck.tokenizer, dtype, ck.seq2seq() ? &ck.source_tokenizer : nullptr);
  std::cerr << "tinyformer export: " << ck.network->num_parameters() << " parameters as " << f.get_text("dtype")
            << " -> " << f.get_text("out") << "\n";
  return kExitOk;
}

}  // namespace

Command export_command() {
  return {"export",
          "save a checkpoint's model and tokenizer only (no optimizer state), optionally as F16",
          "tinyformer export --model FILE --out FILE [--dtype f32|f16]",
          "Reads a checkpoint and writes the model and tokenizer without the optimizer state, with the\n"
          "weights as 32-bit or 16-bit floats. Loading converts F16 back to F32.",
          {text_flag("model", "FILE", "the checkpoint to read").required(),
           text_flag("out", "FILE", "where to write").required(),
           choice_flag("dtype", "number format of the weights", "f32", {"f32", "f16"})},
          run_export};
}

}  // namespace tf::cli
