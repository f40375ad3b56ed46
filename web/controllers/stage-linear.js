// @ts-check
// The linear stage's controller: what the page asks the engine for the view tf-stage-linear (see web/stages.js).
// The view shows the whole logits table and, for a picked position, its highest scores; a pick needs no new data.

/** The recorded tensors the view reads: only the logits. */
export function tensors() {
  return ['logits']; // (T, V)
}

/**
 * {logits, vocab, V, C, tied}: the engine's logits, the tokenizer's vocabulary and the sizes of the formula.
 * @param {import('./stage-state.js').StageContext} ctx
 */
export function data({ model, inspection }) {
  const { tied, n_embd: C, vocab_size: V } = model.config;
  return {
    logits: inspection.tensor('logits'), // {data, shape: [T, V]}
    vocab: model.tokenizer.vocab, // string[] (V at most: the view pads the labels to V)
    V,
    C,
    tied: Boolean(tied),
  };
}
