// The reference workload of the benchmark, shared by the JS drivers (Node and the browser page).
// The C++ side (tests/bench/bench.cpp) states the same numbers and generates the same token stream.

/** Decoder-only GPT: V 96, T 32, C 64, H 4, L 2, F 256, pre-LN, learned positions, tied output (108,288 params). */
export const REFERENCE = Object.freeze({
  vocab: 96, T: 32, C: 64, H: 4, L: 2, F: 256, B: 16, lr: 1e-3, params: 108288,
});

/** tinyformer's model settings for the reference workload (vocab_size comes from the tokenizer: 4 specials + 92 chars). */
export const MODEL_SETTINGS = Object.freeze({
  n_layer: REFERENCE.L, n_head: REFERENCE.H, n_embd: REFERENCE.C, block_size: REFERENCE.T, mlp_hidden: REFERENCE.F,
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
  for (let c = 33; c < 33 + 91; c++) alphabet.push(String.fromCharCode(c));  // '!' .. '{'
  alphabet.push('\n');
  const ids = syntheticStream(n, alphabet.length);
  let text = '';
  for (const id of ids) text += alphabet[id];
  return text;
}

/** median / min / max of a list of numbers. */
export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { median, min: s[0], max: s[n - 1], n };
}
