// tinyformer generate: continue a prompt with a trained model, one sampled token at a time.
//
//   prompt → ids (an empty prompt starts from <bos>) → tf::generate (temperature, top-k, top-p) → decode
//   stdout: the prompt followed by the continuation
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/error.hpp"
#include "core/rng.hpp"
#include "model/generate.hpp"

namespace tf::cli {
namespace {

struct GenerateOptions {
  std::string model, prompt;
  SamplingConfig sampling;  // temperature, top_k, top_p
  int max_tokens = 100, seed = 1337;
};

void check_sampling(const SamplingConfig& s) {
  try {
    s.validate();
  } catch (const Error& e) {
    throw UsageError(std::string("bad sampling flags: ") + e.what());
  }
}

std::vector<Token> tokenize_prompt(const Tokenizer& tokenizer, const std::string& prompt) {
  try {
    return tokenizer.tokenize(prompt);
  } catch (const Error& e) {
    if (e.code() != "invalid_utf8") throw;
    throw UsageError("--prompt is not valid UTF-8 (bad byte at offset " + std::to_string(e.detail()) + ")");
  }
}

// The prompt as typed, then the new text. Decoding the whole sequence keeps word spacing and jamo
// composition right at the seam; the prompt's own decoding is then replaced by what was typed (so
// characters outside the vocabulary are not shown as <unk>). If the seam changed (a jamo joined the
// prompt's last syllable), the decoded whole is shown instead.
std::string prompt_and_continuation(const Tokenizer& tokenizer, const std::string& prompt,
                                    const std::vector<int>& context, const std::vector<int>& generated) {
  std::vector<int> all = context;
  all.insert(all.end(), generated.begin(), generated.end());
  const std::string whole = tokenizer.decode(all), head = tokenizer.decode(context);
  if (whole.compare(0, head.size(), head) == 0) return prompt + whole.substr(head.size());
  return whole;
}

int run_generate(const GenerateOptions& o) {
  check_sampling(o.sampling);
  GptCheckpoint ck = load_gpt_file(o.model);
  const std::string& prompt = o.prompt;
  const std::vector<Token> tokens = tokenize_prompt(ck.tokenizer, prompt);

  std::vector<int> context;
  int unknown = 0;
  for (const Token& t : tokens) {
    context.push_back(t.id);
    unknown += t.unknown;
  }
  if (unknown > 0) {
    std::cerr << "note: " << unknown << " prompt token(s) are not in the model's vocabulary; the model sees <unk>\n";
  }
  const int block = ck.model->config().block_size;
  if (static_cast<int>(context.size()) > block) {
    std::cerr << "note: the prompt has " << context.size() << " tokens; the model sees only the last " << block << "\n";
  }
  if (context.empty()) context.push_back(Tokenizer::BOS);

  Rng rng(static_cast<std::uint64_t>(o.seed));
  SamplingConfig sampling = o.sampling;
  sampling.valid_ids = ck.tokenizer.vocab_size();  // a padded embedding's extra rows have no piece to print
  const std::vector<int> generated =
      generate(*ck.model, context, o.max_tokens, sampling, rng, /*stop_id=*/Tokenizer::EOS);
  std::cout << prompt_and_continuation(ck.tokenizer, prompt, context, generated) << std::endl;
  return kExitOk;
}

}  // namespace

Command register_generate(CLI::App& app) {
  CLI::App& cmd =
      add_command(app, "generate", "continue a prompt with a trained model",
                  "Feeds the prompt to the model, samples the next token from its prediction, appends it and repeats.\n"
                  "Prints the prompt followed by the continuation on stdout.");
  auto o = std::make_shared<GenerateOptions>();
  add_text(cmd, "model", o->model, "FILE", "checkpoint written by tinyformer train")->required();
  add_text(cmd, "prompt", o->prompt, "TEXT", "text to continue (may be empty: start from nothing)")->required();
  add_float(cmd, "temperature", o->sampling.temperature,
            "divides the logits: 0 = always the most likely token, 1 = as trained, >1 = flatter", 0, 100);
  add_int(cmd, "top-k", o->sampling.top_k, "K", "sample only among the K most likely tokens; 0 = all", 0, 1 << 20);
  add_float(cmd, "top-p", o->sampling.top_p,
            "sample only among the most likely tokens that together reach probability P", 0, 1, Lower::Exclusive);
  add_int(cmd, "max-tokens", o->max_tokens, "N", "how many tokens to add", 1, 100000);
  add_int(cmd, "seed", o->seed, "S", "seed for sampling: the same seed gives the same text", 0, 2147483647);
  return {&cmd, [o] { return run_generate(*o); }};
}

}  // namespace tf::cli
