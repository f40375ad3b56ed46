// The reference workload of the benchmark, shared by the JS drivers (Node and the browser page).
// The C++ side (tests/bench/bench.cpp) states the same numbers and generates the same token stream.

/** Decoder-only GPT: V 96, T 32, C 64, H 4, L 2, F 256, pre-LN, learned positions, tied output (108,288 params). */
export const REFERENCE = Object.freeze({
  vocab: 96,
  T: 32,
  C: 64,
  H: 4,
  L: 2,
  F: 256,
  B: 16,
  lr: 1e-3,
  params: 108288,
});

/** tinyformer's model settings for the reference workload (vocab_size comes from the tokenizer: 4 specials + 92 chars). */
export const MODEL_SETTINGS = Object.freeze({
  n_layer: REFERENCE.L,
  n_head: REFERENCE.H,
  n_embd: REFERENCE.C,
  block_size: REFERENCE.T,
  mlp_hidden: REFERENCE.F,
});

/**
 * A learnable synthetic stream in [0, V): x' = (5x + 1 + r) mod V, r ∈ {0, 1, 2} from xorshift32 (entropy ln 3).
 * The same numbers as synthetic_stream() in bench.cpp.
 */
export function syntheticStream(n, V = REFERENCE.vocab) {
  const out = new Int32Array(n);
  let s = 0x9e3779b9 >>> 0;
  let x = 0;
  for (let i = 0; i < n; i++) {
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    x = (5 * x + 1 + (s % 3)) % V;
    out[i] = x;
  }
  return out;
}

/**
 * A text corpus for the JS API's char tokenizer: the same kind of stream over 92 distinct characters
 * (91 printable ASCII + newline). The tokenizer adds 4 specials (<pad> <bos> <eos> <unk>), so the
 * model's vocabulary comes out at exactly 96, as in the reference workload.
 */
export function syntheticCorpus(n) {
  const alphabet = [];
  for (let c = 33; c < 33 + 91; c++) alphabet.push(String.fromCharCode(c)); // '!' .. '{'
  alphabet.push('\n');
  const ids = syntheticStream(n, alphabet.length);
  let text = '';
  for (const id of ids) text += alphabet[id];
  return text;
}

/**
 * The encoder–decoder workload (tf::Seq2Seq, PyTorch nn.Transformer math: post-LN, ReLU, sinusoidal
 * positions, generator with bias): Le 2, Ld 2, H 4, C 64, F 256, source vocabulary 512, target vocabulary
 * 384, B 16 pairs of fixed shape S 12 (source with <bos> <eos>) × T 16 (decoder inputs / targets), Adam
 * lr 1e-3 (316,032 params). bench.cpp mirrors every number here (kS2s*, seq2seq_pairs()); the driver checks
 * that both sides hash the batches to the same value.
 */
export const SEQ2SEQ = Object.freeze({
  srcVocab: 512,
  tgtVocab: 384,
  S: 12,
  T: 16,
  C: 64,
  H: 4,
  Le: 2,
  Ld: 2,
  F: 256,
  B: 16,
  lr: 1e-3,
  params: 316032,
  batches: 8, // a fixed cycle of 8 batches (128 pairs): the same batches every run, in the same order
});

/** Token ids of the specials (tf::Tokenizer) and the target id the loss skips (tf::Network::kIgnore). */
export const SPECIALS = Object.freeze({ PAD: 0, BOS: 1, EOS: 2, FIRST_REAL: 4, IGNORE: -1 });

/**
 * The seq2seq batches, as tf::fill_pair lays them out: per row a source of n_s real ids with n_s drawn in
 * [(S−2)/2, S−2] → source <bos> … <eos> <pad>…, and a target of n_t ids with n_t in [(T−1)/2, T−1] →
 * decoder inputs <bos> … <pad>…, targets … <eos> IGNORE…. Ids are real tokens (>= 4) from xorshift32,
 * drawn in the order n_s, n_t, source ids, target ids, row after row: seq2seq_pairs() in bench.cpp.
 * Returns [{ source: Int32Array(B·S), inputs: Int32Array(B·T), targets: Int32Array(B·T), counted }].
 */
export function seq2seqBatches(w = SEQ2SEQ) {
  const { B, S, T, srcVocab, tgtVocab } = w;
  const { PAD, BOS, EOS, FIRST_REAL, IGNORE } = SPECIALS;
  let s = 0x2545f491 >>> 0;
  const next = () => {
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    return s;
  };
  const loS = Math.floor((S - 2) / 2),
    hiS = S - 2;
  const loT = Math.floor((T - 1) / 2),
    hiT = T - 1;
  const out = [];
  for (let k = 0; k < w.batches; k++) {
    const source = new Int32Array(B * S).fill(PAD);
    const inputs = new Int32Array(B * T).fill(PAD);
    const targets = new Int32Array(B * T).fill(IGNORE);
    let counted = 0;
    for (let b = 0; b < B; b++) {
      const ns = loS + (next() % (hiS - loS + 1));
      const nt = loT + (next() % (hiT - loT + 1));
      source[b * S] = BOS;
      for (let i = 0; i < ns; i++) source[b * S + 1 + i] = FIRST_REAL + (next() % (srcVocab - FIRST_REAL));
      source[b * S + ns + 1] = EOS;
      inputs[b * T] = BOS;
      for (let i = 0; i < nt; i++) {
        const id = FIRST_REAL + (next() % (tgtVocab - FIRST_REAL));
        inputs[b * T + 1 + i] = id;
        targets[b * T + i] = id;
      }
      targets[b * T + nt] = EOS;
      counted += nt + 1;
    }
    out.push({ source, inputs, targets, counted });
  }
  return out;
}

/** FNV-1a over every id of the batches (source, inputs, targets, batch after batch): seq2seq_hash() in bench.cpp. */
export function seq2seqHash(batches) {
  let h = 0x811c9dc5;
  for (const { source, inputs, targets } of batches) {
    for (const a of [source, inputs, targets]) for (const v of a) h = Math.imul(h ^ (v >>> 0), 16777619) >>> 0;
  }
  return h;
}

/** median / min / max of a list of numbers. */
export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { median, min: s[0], max: s[n - 1], n };
}
