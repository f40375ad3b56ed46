#pragma once
// Seq2Seq: an encoder–decoder Transformer for translation (Vaswani et al. 2017), the math and the state_dict
// names of the Seq2SeqTransformer in PyTorch's tutorial "Language Translation with nn.Transformer and
// torchtext", so a checkpoint opens in either.
//
//   source (B,S) → src_tok_emb·√C + PE → Le × encoder block → encoder.norm → memory (B,S,C)
//   inputs (B,T) → tgt_tok_emb·√C + PE → Ld × decoder block(memory) → decoder.norm → generator → logits (B,T,Vt)
//   encoder block: self-attention (sees every real source token; <pad> keys masked), FFN
//   decoder block: causal self-attention, cross-attention (Q from the decoder, K and V from memory), FFN
//   post-LN (nn.Transformer's default): x = norm_i(x + f(x));  pre-LN (norm_first): x = x + f(norm_i(x))
//
// The decoder *asks* the encoder: in cross-attention each English position's query is matched against
// every Korean position's key, and the answer is a weighted sum of their values.
// Source rows read <bos> ko… <eos> <pad>…, decoder inputs <bos> en… <pad>…, targets en… <eos> (samplers.hpp).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "layers/block.hpp"
#include "model/inspection.hpp"
#include "model/network.hpp"
#include "model/seq2seq_config.hpp"

namespace tf {

class Seq2Seq : public Network {
 public:
  explicit Seq2Seq(const Seq2SeqConfig& config, std::uint64_t seed = 1337);
  Seq2Seq(const Seq2Seq& other);  // same configuration and weights, fresh activations
  Seq2Seq& operator=(const Seq2Seq&) = delete;

  const Seq2SeqConfig& config() const { return config_; }
  // Every parameter's state_dict name and shape for `config`, in order, without allocating anything: the list the
  // constructor allocates and a checkpoint loader checks a file against.
  static std::vector<ParamSpec> expected_params(const Seq2SeqConfig& config);
  std::string arch() const override { return "seq2seq"; }
  nlohmann::json config_json() const override { return config_.to_json(); }
  std::unique_ptr<Network> clone() const override { return std::make_unique<Seq2Seq>(*this); }
  // batch.source (B,S) and batch.inputs (B,T), S, T <= block_size; ids range-checked per side.
  float forward(const Batch& batch) override;
  void backward() override;
  const float* logits() const override { return logits_.data(); }
  int vocab_size() const override { return config_.tgt_vocab_size; }
  int max_positions() const override { return config_.block_size; }

  const float* probs() const { return probs_.data(); }  // (B,T,Vt)
  // The sinusoid table (block_size, C) added to both sides' embeddings.
  const float* positional_table() const { return sinusoid_.data(); }

  // One pair (B = 1), every intermediate recorded by name:
  //   enc.embed.{token,position,sum} (S,C)   enc.h{l}.attn.{q,k,v,scores,scaled,masked,probs,head_out,concat,proj}
  //   enc.h{l}.{residual_1,norm1,mlp.pre,mlp.act,mlp.out,residual_2,norm2,out}   enc.out (S,C) = memory
  //   dec.embed.*  dec.h{l}.attn.* (T×T, causal)  dec.h{l}.xattn.* (probs (H,T,S))  dec.h{l}.{residual_1..3,
  //   norm1..3, mlp.*, out}  dec.out (T,C)  logits (T,Vt)  probs (T,Vt)
  // With pre-LN, norm_i is the sublayer's input normalisation and is recorded before it.
  float inspect(const std::vector<int>& source, const std::vector<int>& inputs, const std::vector<int>& targets,
                Inspection& rec);

 private:
  void add_params();
  void bind_layers();
  void init_weights(std::uint64_t seed);
  // Grows the activations for a (B, S, T) forward after checking the memory it needs (tf::Error "too_large",
  // nothing allocated); `scores`: the pre-softmax scores are kept too (inspection).
  void ensure_buffers(int B, int S, int T, bool scores);
  double activation_floats(double B, double S, double T, bool scores) const;
  void release_buffers();
  BlockInputs encoder_inputs(int l) const;
  BlockInputs decoder_inputs(int l) const;
  const float* encoder_output(int l) const;  // l = −1: the source embedding
  const float* decoder_output(int l) const;  // l = −1: the target embedding
  float run(const Batch& batch, bool keep_scores);
  void record(Inspection& rec) const;

  Seq2SeqConfig config_;
  BlockSpec enc_spec_, dec_spec_;
  std::vector<BlockWeights> enc_w_, enc_g_, dec_w_, dec_g_;  // (Le), (Ld) pointers into weights() / grads()
  std::vector<float> sinusoid_;                              // (block_size, C)

  int B_ = 0, S_ = 0, T_ = 0, cap_B_ = 0, cap_S_ = 0, cap_T_ = 0;
  bool recorded_ = false;
  std::vector<int> source_, inputs_, targets_;             // (B,S), (B,T), (B,T)
  std::vector<unsigned char> src_pad_, tgt_pad_;           // (B,S), (B,T): 1 = <pad>
  std::vector<float> xe_, xd_;                             // (B,S,C), (B,T,C) embedding sums
  std::vector<BlockActs> enc_acts_, dec_acts_;             // (Le), (Ld)
  std::vector<float> memory_, mem_mean_, mem_rstd_;        // (B,S,C), (B,S), (B,S): encoder.norm
  std::vector<float> dec_out_, dec_mean_, dec_rstd_;       // (B,T,C), (B,T), (B,T): decoder.norm
  std::vector<float> logits_, probs_;                      // (B,T,Vt)
  std::vector<float> enc_preatt_, dec_preatt_, x_preatt_;  // (Le,H,S,S), (Ld,H,T,T), (Ld,H,T,S) when recording
  int counted_ = 0;
  // backward scratch
  std::vector<float> denc_, ddec_;  // (Le+1) × (B,S,C), (Ld+1) × (B,T,C)
  std::vector<float> dmemory_, dlogits_, ddec_out_;
  BlockScratch scratch_;
};

}  // namespace tf
