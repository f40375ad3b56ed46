#include "model/record.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include "core/error.hpp"
#include "model/model.hpp"

namespace tf {

void record_attention(Inspection& rec, const std::string& prefix, const AttentionActs& a, const float* preatt, int H,
                      int Tq, int Tk, int C, bool causal, const unsigned char* key_pad) {
  const std::size_t Hz = H, Tqz = Tq, Tkz = Tk, Cz = C, D = Cz / Hz;
  rec.add(prefix + "q", a.q.data(), {Hz, Tqz, D});
  rec.add(prefix + "k", a.k.data(), {Hz, Tkz, D});
  rec.add(prefix + "v", a.v.data(), {Hz, Tkz, D});
  // the forward pass keeps the scaled scores; the raw ones are shown as scaled·√D
  const std::size_t n = Hz * Tqz * Tkz;
  std::vector<float> tmp(n);
  const float sqrt_d = std::sqrt(static_cast<float>(D));
  for (std::size_t i = 0; i < n; ++i) tmp[i] = preatt[i] * sqrt_d;
  rec.add(prefix + "scores", tmp.data(), {Hz, Tqz, Tkz});
  rec.add(prefix + "scaled", preatt, {Hz, Tqz, Tkz});
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t t = (i / Tkz) % Tqz, s = i % Tkz;
    const bool masked = (causal && s > t) || (key_pad && key_pad[s]);
    tmp[i] = masked ? -std::numeric_limits<float>::infinity() : preatt[i];
  }
  rec.add(prefix + "masked", tmp.data(), {Hz, Tqz, Tkz});
  rec.add(prefix + "probs", a.probs.data(), {Hz, Tqz, Tkz});
  rec.add(prefix + "head_out", a.head_out.data(), {Hz, Tqz, D});
  rec.add(prefix + "concat", a.concat.data(), {Tqz, Cz});
  rec.add(prefix + "proj", a.proj.data(), {Tqz, Cz});
}

void Model::record(Inspection& rec) const {
  if (!recorded_ || B_ != 1) throw Error("bad_shape", "record needs a forward pass of one sequence made to record");
  const int T = T_, C = config_.n_embd, H = config_.n_head, F = config_.hidden(), V = config_.vocab_size;
  const std::size_t Tz = T, Cz = C, Fz = F, Vz = V, htt = static_cast<std::size_t>(H) * T * T;
  const bool pre = config_.norm == NormPlacement::Pre;
  rec.clear();
  const float* wte = params_.value("transformer.wte.weight");
  std::vector<float> tok(Tz * Cz);
  for (std::size_t t = 0; t < Tz; ++t) std::copy_n(wte + static_cast<std::size_t>(ids_[t]) * C, C, tok.begin() + t * C);
  rec.add("embed.token", tok.data(), {Tz, Cz});
  rec.add("embed.position", positional_table(), {Tz, Cz});
  rec.add("embed.sum", x0_.data(), {Tz, Cz});
  for (int l = 0; l < config_.n_layer; ++l) {
    const BlockActs& a = acts_[l];
    const std::string h = "h" + std::to_string(l) + ".";
    if (pre) rec.add(h + "ln_1", a.self.ln.data(), {Tz, Cz});  // post-LN: attention reads the block input
    record_attention(rec, h + "attn.", a.self, preatt_.data() + l * htt, H, T, T, C, true, nullptr);
    rec.add(h + "residual_1", a.self.residual.data(), {Tz, Cz});
    // the MLP's input: pre-LN ln_2 = LN(residual_1); post-LN ln_1 = LN(residual_1)
    rec.add(h + (pre ? "ln_2" : "ln_1"), pre ? a.ffn.ln.data() : a.self.ln.data(), {Tz, Cz});
    rec.add(h + "mlp.pre", a.ffn.pre.data(), {Tz, Fz});
    rec.add(h + "mlp.act", a.ffn.act.data(), {Tz, Fz});
    rec.add(h + "mlp.out", a.ffn.out.data(), {Tz, Cz});
    rec.add(h + "residual_2", a.ffn.residual.data(), {Tz, Cz});
    if (!pre) rec.add(h + "ln_2", a.ffn.ln.data(), {Tz, Cz});
    rec.add(h + "out", layer_output(l), {Tz, Cz});
  }
  rec.add("ln_f", lnf_.data(), {Tz, Cz});
  rec.add("logits", logits_.data(), {Tz, Vz});
  rec.add("probs", probs_.data(), {Tz, Vz});
}

}  // namespace tf
