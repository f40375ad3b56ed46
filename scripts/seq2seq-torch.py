#!/usr/bin/env python3
"""PyTorch reference for tinyformer's encoder-decoder (seq2seq) model. Developers run it by hand; CI never does.

The model is the Seq2SeqTransformer of PyTorch's tutorial "Language Translation with nn.Transformer and
torchtext" (seq-first nn.Transformer, scaled token embeddings, sinusoidal positional encoding, a Linear
generator), optionally with norm_first=True and GELU. Special ids follow tinyformer: PAD=0, BOS=1, EOS=2, UNK=3.

Needs a python3 with torch and numpy (on Debian 12: apt install python3-torch, run with /usr/bin/python3).
No safetensors package is needed: the format is read and written by hand here.

  python3 scripts/seq2seq-torch.py golden tests/data
      Writes seq2seq_golden_post.safetensors, seq2seq_golden_pre.safetensors (seeded random weights, the
      tinyformer checkpoint metadata) and seq2seq_golden.json (fixed inputs, logits, encoder memory,
      last-layer cross-attention, loss) that tinyformer's C++ tests compare against.

  python3 scripts/seq2seq-torch.py logits MODEL.safetensors --src "1 5 6 2" --tgt "1 7 8"
      Loads any tinyformer seq2seq checkpoint (config from __metadata__, F32/F16/BF16 tensors, a missing
      positional_encoding.pos_embedding recomputed) into the same class with load_state_dict(strict=True)
      and prints {"logits": T x V} for one sequence: a file trained by tinyformer must give the same logits.
"""
import argparse, json, math, os, struct, sys

import numpy as np
import torch
from torch import nn

PAD, BOS, EOS, UNK = 0, 1, 2, 3
SPECIALS = ["<pad>", "<bos>", "<eos>", "<unk>"]
SRC_CHARS = list("가나다라마바사아자차카타파하의는")  # 16 source characters -> ids 4..19
TGT_CHARS = list(" abcdeghilnost")                 # 14 target characters -> ids 4..17
SEED = 20240607


class TokenEmbedding(nn.Module):
    def __init__(self, vocab_size, emb_size):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, emb_size)
        self.emb_size = emb_size

    def forward(self, tokens):
        return self.embedding(tokens.long()) * math.sqrt(self.emb_size)


class PositionalEncoding(nn.Module):
    def __init__(self, emb_size, dropout, maxlen=5000):
        super().__init__()
        den = torch.exp(-torch.arange(0, emb_size, 2) * math.log(10000) / emb_size)
        pos = torch.arange(0, maxlen).reshape(maxlen, 1)
        pos_embedding = torch.zeros((maxlen, emb_size))
        pos_embedding[:, 0::2] = torch.sin(pos * den)
        pos_embedding[:, 1::2] = torch.cos(pos * den)
        self.dropout = nn.Dropout(dropout)
        self.register_buffer("pos_embedding", pos_embedding.unsqueeze(-2))

    def forward(self, token_embedding):
        return self.dropout(token_embedding + self.pos_embedding[:token_embedding.size(0), :])


class Seq2SeqTransformer(nn.Module):
    """The tutorial's class, plus norm_first / activation / layer_norm_eps / maxlen passed through."""

    def __init__(self, num_encoder_layers, num_decoder_layers, emb_size, nhead, src_vocab_size, tgt_vocab_size,
                 dim_feedforward=512, dropout=0.1, norm_first=False, activation="relu", layer_norm_eps=1e-5,
                 maxlen=5000):
        super().__init__()
        self.transformer = nn.Transformer(d_model=emb_size, nhead=nhead, num_encoder_layers=num_encoder_layers,
                                          num_decoder_layers=num_decoder_layers, dim_feedforward=dim_feedforward,
                                          dropout=dropout, activation=activation, layer_norm_eps=layer_norm_eps,
                                          norm_first=norm_first)
        self.generator = nn.Linear(emb_size, tgt_vocab_size)
        self.src_tok_emb = TokenEmbedding(src_vocab_size, emb_size)
        self.tgt_tok_emb = TokenEmbedding(tgt_vocab_size, emb_size)
        self.positional_encoding = PositionalEncoding(emb_size, dropout=dropout, maxlen=maxlen)

    def forward(self, src, trg, src_mask, tgt_mask, src_padding_mask, tgt_padding_mask, memory_key_padding_mask):
        src_emb = self.positional_encoding(self.src_tok_emb(src))
        tgt_emb = self.positional_encoding(self.tgt_tok_emb(trg))
        outs = self.transformer(src_emb, tgt_emb, src_mask, tgt_mask, None,
                                src_padding_mask, tgt_padding_mask, memory_key_padding_mask)
        return self.generator(outs)


def model_from_config(cfg):
    if cfg.get("arch") != "seq2seq" or not cfg.get("bias", True):
        sys.exit("not a seq2seq config with biases: %s" % json.dumps(cfg))
    return Seq2SeqTransformer(cfg["n_encoder_layer"], cfg["n_decoder_layer"], cfg["n_embd"], cfg["n_head"],
                              cfg["src_vocab_size"], cfg["tgt_vocab_size"], cfg["mlp_hidden"], 0.0,
                              norm_first=cfg["norm"] == "pre", activation=cfg["activation"],
                              layer_norm_eps=cfg["ln_eps"], maxlen=cfg["block_size"]).eval()


def create_mask(src, tgt):
    """The tutorial's create_mask (seq-first src S x B, tgt T x B), with tinyformer's PAD id."""
    src_mask = torch.zeros((src.shape[0], src.shape[0]), dtype=torch.bool)
    tgt_mask = nn.Transformer.generate_square_subsequent_mask(tgt.shape[0])
    return src_mask, tgt_mask, (src == PAD).transpose(0, 1), (tgt == PAD).transpose(0, 1)


def run(model, src_bs, tgt_bt):
    """Batch-major ids in; logits (B,T,V), memory (B,S,C), last-layer cross-attention (B,T,S) out."""
    src, tgt = src_bs.t(), tgt_bt.t()
    src_mask, tgt_mask, src_pad, tgt_pad = create_mask(src, tgt)
    seen = {}  # hooks: the encoder's output, and cross-attention recomputed (m.forward skips hooks) with weights
    last = model.transformer.decoder.layers[-1]
    hooks = [model.transformer.encoder.register_forward_hook(lambda m, i, o: seen.__setitem__("memory", o)),
             last.multihead_attn.register_forward_hook(lambda m, i, o: seen.__setitem__(
                 "xattn", m.forward(*i[:3], key_padding_mask=src_pad, need_weights=True, average_attn_weights=True)[1]))]
    with torch.no_grad():
        logits = model(src, tgt, src_mask, tgt_mask, src_pad, tgt_pad, src_pad)
    for h in hooks:
        h.remove()
    return logits.transpose(0, 1), seen["memory"].transpose(0, 1), seen["xattn"]


# ---- safetensors, by hand ----
def write_safetensors(path, tensors, metadata):
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, t in tensors.items():
        data = t.detach().to(torch.float32).contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    head += b" " * (-len(head) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(head)) + head + b"".join(blobs))


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    metadata, data, tensors = header.pop("__metadata__", {}), raw[8 + n:], {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        buf = data[begin:end]
        if info["dtype"] == "F32":
            arr = np.frombuffer(buf, dtype="<f4")
        elif info["dtype"] == "F16":
            arr = np.frombuffer(buf, dtype="<f2").astype(np.float32)
        elif info["dtype"] == "BF16":
            arr = (np.frombuffer(buf, dtype="<u2").astype(np.uint32) << 16).view(np.float32)
        else:
            sys.exit("%s: tensor %s has unsupported dtype %s" % (path, name, info["dtype"]))
        tensors[name] = torch.from_numpy(arr.astype(np.float32).reshape(info["shape"]))
    return metadata, tensors


# ---- golden ----
def make_model(norm, n_enc, seed):
    cfg = {"arch": "seq2seq", "n_encoder_layer": n_enc, "n_decoder_layer": 2, "n_head": 2, "n_embd": 16,
           "mlp_hidden": 32, "block_size": 32, "src_vocab_size": 20, "tgt_vocab_size": 18, "norm": norm,
           "activation": "relu" if norm == "post" else "gelu", "ln_eps": 1e-05, "bias": True}
    torch.manual_seed(seed)
    model = model_from_config(cfg)
    for p in model.parameters():
        if p.dim() > 1:
            nn.init.xavier_uniform_(p)
    with torch.no_grad():  # biases and LayerNorm weights start at 0 / 1: move them so they are tested
        for p in model.parameters():
            if p.dim() == 1:
                p.add_(0.1 * torch.randn(p.shape))
    return cfg, model


def make_inputs(gen):
    def batch(width, lengths, lo, hi, eos):
        rows = []
        for n in lengths:
            body = torch.randint(lo, hi + 1, (n - 1 - eos,), generator=gen).tolist()
            rows.append([BOS] + body + [EOS] * eos + [PAD] * (width - n))
        return torch.tensor(rows)
    return batch(7, [7, 5, 4], 4, 19, 1), batch(6, [6, 4, 3], 4, 17, 0)


def shifted_targets(tgt):
    out = torch.full_like(tgt, PAD)
    for b, row in enumerate(tgt.tolist()):
        n = sum(1 for t in row if t != PAD)
        out[b, :n] = torch.tensor(row[1:n] + [EOS])
    return out


def golden(out_dir):
    src, tgt = make_inputs(torch.Generator().manual_seed(SEED))
    tgt_out = shifted_targets(tgt)
    tokenizers = {"src_tokenizer": SPECIALS + SRC_CHARS, "tgt_tokenizer": SPECIALS + TGT_CHARS}
    cases = []
    for norm, n_enc, seed in (("post", 2, SEED + 1), ("pre", 1, SEED + 2)):
        cfg, model = make_model(norm, n_enc, seed)
        name = "seq2seq_golden_%s.safetensors" % norm
        meta = {"format": "tinyformer", "config": json.dumps(cfg)}
        for key, vocab in tokenizers.items():
            meta[key] = json.dumps({"type": "char", "vocab": vocab}, ensure_ascii=False)
        write_safetensors(os.path.join(out_dir, name), model.state_dict(), meta)
        logits, memory, xattn = run(model, src, tgt)
        loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), tgt_out.reshape(-1),
                                           ignore_index=PAD)
        cases.append({"checkpoint": name, "src": src.tolist(), "tgt": tgt.tolist(), "tgt_out": tgt_out.tolist(),
                      "logits": logits.tolist(), "memory": memory.tolist(), "xattn_probs_last_layer": xattn.tolist(),
                      "loss": loss.item()})
    doc = {"made_by": "scripts/seq2seq-torch.py golden", "torch_version": torch.__version__,
           "special_ids": {"pad": PAD, "bos": BOS, "eos": EOS, "unk": UNK}, "cases": cases}
    with open(os.path.join(out_dir, "seq2seq_golden.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
        f.write("\n")


def logits_cmd(path, src_text, tgt_text):
    metadata, tensors = read_safetensors(path)
    if metadata.get("format") != "tinyformer" or "config" not in metadata:
        sys.exit("%s: not a tinyformer checkpoint (no format/config metadata)" % path)
    cfg = json.loads(metadata["config"])
    model = model_from_config(cfg)
    state = {k: v for k, v in tensors.items() if not k.startswith("optim.")}  # optimizer state is not the model's
    state.setdefault("positional_encoding.pos_embedding", model.positional_encoding.pos_embedding.clone())
    model.load_state_dict(state, strict=True)
    src = torch.tensor([[int(t) for t in src_text.split()]])
    tgt = torch.tensor([[int(t) for t in tgt_text.split()]])
    for ids, vocab in ((src, cfg["src_vocab_size"]), (tgt, cfg["tgt_vocab_size"])):
        if not 0 < ids.shape[1] <= cfg["block_size"] or ids.min() < 0 or ids.max() >= vocab:
            sys.exit("ids must be 1..%d long and in 0..%d" % (cfg["block_size"], vocab - 1))
    logits, _, _ = run(model, src, tgt)
    print(json.dumps({"logits": logits[0].tolist()}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("golden", help="write the seq2seq golden checkpoints and JSON into a directory")
    g.add_argument("out_dir")
    lg = sub.add_parser("logits", help="print one sequence's logits for a tinyformer seq2seq checkpoint")
    lg.add_argument("checkpoint")
    lg.add_argument("--src", required=True, help='source ids, e.g. "1 5 6 2"')
    lg.add_argument("--tgt", required=True, help='target input ids, e.g. "1 7 8"')
    args = ap.parse_args()
    if args.cmd == "golden":
        golden(args.out_dir)
    else:
        logits_cmd(args.checkpoint, args.src, args.tgt)


if __name__ == "__main__":
    main()
