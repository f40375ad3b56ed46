// @ts-check
// The attention stage's controller: what the page asks the engine for the attention view (see web/stages.js).
// The view shows every head (thumbnails, a head picked with no new engine run), so data() hands it every head's
// slices and word maps. stepsData / headData are what the eight steps of attention-steps.js draw; the
// <tinyformer-qkv> widget, its own controller, uses them too.

const PER_HEAD = ['q', 'k', 'v', 'scores', 'scaled', 'masked', 'probs', 'head_out']; // (H, T, D) or (H, T, T)
const WHOLE = ['concat', 'proj']; // (T, C)

/** The rows attention reads: the block's LayerNorm (pre-LN), else the block's input (post-LN). */
export function inputName(config, layer) {
  if (config.norm !== 'post') return `h${layer}.ln_1`;
  return layer === 0 ? 'embed.sum' : `h${layer - 1}.out`;
}

/**
 * The recorded tensors the view reads (names for model.inspect(text, {tensors})): 11, all of one layer.
 * @param {import('./stage-state.js').StageContext} ctx
 */
export function tensors({ layer, config }) {
  return [inputName(config, layer), ...[...PER_HEAD, ...WHOLE].map((s) => `h${layer}.attn.${s}`)];
}

/** What the steps draw for one layer besides a head's tensors: plain data from the engine. */
export function stepsData(model, ins, layer) {
  const cfg = model.config,
    C = cfg.n_embd,
    H = cfg.n_head;
  const input = inputName(cfg, layer);
  const param = (name) => ({ name, ...model.parameter(name) });
  return {
    config: { H, C, D: C / H, norm: cfg.norm, bias: cfg.bias },
    input: { name: input, ...ins.tensor(input) }, // (T, C)
    concat: ins.tensor(`h${layer}.attn.concat`), // (T, C)
    proj: ins.tensor(`h${layer}.attn.proj`), // (T, C)
    weights: {
      qkv: param(`transformer.h.${layer}.attn.c_attn.weight`), // (3C, C): W_Q, W_K, W_V stacked
      o: param(`transformer.h.${layer}.attn.c_proj.weight`), // (C, C)
    },
  };
}

/** One head's recorded tensors: q, k, v, head_out (T, D); scores, scaled, masked, probs (T, T). */
export function headData(ins, layer, head) {
  return Object.fromEntries(PER_HEAD.map((s) => [s, ins.head(`h${layer}.attn.${s}`, head)]));
}

/**
 * The view's data: the steps' layer data, every head's tensors and word map, the word map over all heads.
 * @param {import('./stage-state.js').StageContext} ctx
 */
export function data({ tinyformer, model, inspection: ins, layer }) {
  const words = (matrix) => tinyformer.wordAttention(matrix, ins.tokens, ins.tokens);
  return {
    ...stepsData(model, ins, layer),
    tokenizer: model.info.tokenizer, // 'char' | 'word' | 'jamo'
    heads: Array.from({ length: model.config.n_head }, (_, g) => {
      const head = headData(ins, layer, g);
      return { ...head, words: words(head.probs) }; // words: (N, N) weights, rest, words
    }),
    wordsMean: words(ins.tensor(`h${layer}.attn.probs`)), // (H, T, T) → the engine's mean over heads
  };
}
