// @ts-check
// The embedding stage's controller (see web/stages.js): the sentence's rows of the embedding table (embed.token),
// the whole table wte, and the rows nearest the picked token's row (cosine, ranked by the engine).

const NEAREST = 5; // how many nearest rows to list
const tables = new WeakMap(); // model -> its wte parameter, copied once per model (the view paints it once)

/** The recorded tensors the view reads. */
export function tensors() {
  return ['embed.token'];
} // (T, C)

/**
 * The view's data: plain values computed by the engine. `memory.selected`: the picked position (default 0).
 * @param {import('./stage-state.js').StageContext} ctx
 */
export function data({ model, inspection, memory }) {
  const ids = Int32Array.from(inspection.ids); // (T)
  const selected = Math.max(0, Math.min(memory.selected ?? 0, ids.length - 1));
  if (!tables.has(model)) tables.set(model, model.parameter('transformer.wte.weight'));
  return {
    C: model.config.n_embd,
    tied: Boolean(model.config.tied),
    vocab: model.tokenizer.vocab, // (V) token texts, by id
    ids,
    rows: inspection.tensor('embed.token'), // (T, C): row i = table row ids[i]
    table: tables.get(model), // (V, C), the same object while the model stays
    selected,
    nearest: ids.length ? model.nearestTokens(ids[selected], NEAREST) : [], // [{ id, text, cosine }], most similar first
  };
}
