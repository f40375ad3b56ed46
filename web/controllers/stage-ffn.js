// @ts-check
// The feed-forward stage's controller: what the page asks the engine for the view tf-stage-ffn (see web/stages.js).
// The learner switches the activation (through the page's "what if" controller) and the threshold θ: the engine
// applies every activation on the switch to this sentence's pre-activations and to the curve's x samples once, so
// a flip or a θ (counting the engine's outputs above it) needs no new data.

export const ACTIVATIONS = ['relu', 'gelu', 'sigmoid', 'tanh', 'silu'];
/** x samples of the drawn curve over [−R, R]. */
export const SAMPLES = 161;
/** The curve's full x range (R). */
export const FULL_RANGE = 4;

/**
 * This layer's feed-forward records.
 * @param {import('./stage-state.js').StageContext} ctx
 */
export function tensors({ layer }) {
  return [`h${layer}.mlp.pre`, `h${layer}.mlp.act`, `h${layer}.mlp.out`]; // (T, F), (T, F), (T, C)
}

/** The activations on the switch: the five, and the model's own when it is another (e.g. gelu_tanh). */
export const activationsFor = (trained) => (ACTIVATIONS.includes(trained) ? ACTIVATIONS : [...ACTIVATIONS, trained]);

/** [−R, R] in SAMPLES steps. */
const samples = (R) => Float32Array.from({ length: SAMPLES }, (_, i) => -R + (2 * R * i) / (SAMPLES - 1));

/**
 * {trained, list, C, F, pre, out, applied, sameAsRecorded, fitRange, curves}: pre = h{l}.mlp.pre and out =
 * h{l}.mlp.out ({data, shape}); applied[kind] = tinyformer.applyActivation(kind, pre) (T·F) for every kind in
 * list; sameAsRecorded = the trained activation's output equals the recorded h{l}.mlp.act exactly; fitRange = a
 * round number just above the largest |pre|; curves.full / curves.fit = {R, xs, ys: {kind: f(xs)}} from the engine.
 * @param {import('./stage-state.js').StageContext} ctx
 */
export function data({ tinyformer, model, inspection, layer }) {
  const cfg = model.config,
    trained = cfg.activation;
  const list = activationsFor(trained);
  const pre = inspection.tensor(`h${layer}.mlp.pre`); // (T, F)
  const recorded = inspection.tensor(`h${layer}.mlp.act`).data; // (T, F)
  const applied = Object.fromEntries(list.map((kind) => [kind, tinyformer.applyActivation(kind, pre.data)]));
  const mine = applied[trained];
  const sameAsRecorded = recorded.length === mine.length && recorded.every((v, i) => v === mine[i]);
  let maxAbs = 0;
  for (const v of pre.data) maxAbs = Math.max(maxAbs, Math.abs(v));
  const fitRange = [0.25, 0.5, 1, 2, 4, 8, 16, 32].find((r) => r >= maxAbs * 1.05) ?? Math.ceil(maxAbs);
  const curve = (R) => {
    const xs = samples(R);
    return { R, xs, ys: Object.fromEntries(list.map((kind) => [kind, tinyformer.applyActivation(kind, xs)])) };
  };
  return {
    trained,
    list,
    C: cfg.n_embd,
    F: pre.shape[1],
    pre,
    out: inspection.tensor(`h${layer}.mlp.out`), // (T, C)
    applied,
    sameAsRecorded,
    fitRange,
    curves: { full: curve(FULL_RANGE), fit: curve(fitRange) },
  };
}
