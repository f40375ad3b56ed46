// @ts-check
// The Add & Norm stages' controller (addnorm1 after attention, addnorm2 after the feed-forward block; ctx.which):
// what the page asks the engine for the view tf-stage-addnorm (see web/stages.js). The view lets the learner pick
// any token, so the layer-norm terms come for every row (T small calls), and a pick needs no new data.
import { addNormTensors, lnParameter } from '../components/stages/addnorm-tensors.js';

const whichOf = (ctx) => (Number(ctx.which) === 2 ? 2 : 1);

/**
 * The four recorded tensors of this layer's Add & Norm (addnorm-tensors.js), each (T, C).
 * @param {import('./stage-state.js').StageContext} ctx
 */
export function tensors(ctx) {
  const n = addNormTensors(ctx.config, ctx.layer, whichOf(ctx));
  return [n.input, n.sub, n.sum, n.norm];
}

/** Per row of a (T, C) tensor: the engine's layer-norm mean and variance (tinyformer.layerNormTerms). */
function rowTerms(tinyformer, { data, shape }, eps) {
  const [T, C] = shape;
  const mean = new Float64Array(T),
    variance = new Float64Array(T);
  for (let r = 0; r < T; r++) {
    const terms = tinyformer.layerNormTerms(data.subarray(r * C, (r + 1) * C), eps);
    mean[r] = terms.mean;
    variance[r] = terms.variance;
  }
  return { mean, variance };
}

/**
 * {which, names, tensors: {input, sub, sum, norm}, sumTerms, normTerms, eps, param, gamma, beta, C, norm, nLayer}:
 * sumTerms = μ and σ² of every row of the sum with the model's ε (the formula and the "before" strip; ε changes
 * neither, only rstd), normTerms = the same of every row of LN(sum) with ε = 0 (the "after" strip),
 * gamma / beta = the LN's parameters (C; beta null for a model without biases).
 * @param {import('./stage-state.js').StageContext} ctx
 */
export function data(ctx) {
  const { tinyformer, model, inspection, layer } = ctx;
  const cfg = model.config,
    which = whichOf(ctx);
  const names = addNormTensors(cfg, layer, which);
  const tensors = Object.fromEntries(Object.entries(names).map(([k, name]) => [k, inspection.tensor(name)])); // (T, C) each
  const eps = cfg.ln_eps ?? 1e-5;
  const param = lnParameter(names.norm);
  return {
    which,
    names,
    tensors,
    eps,
    param,
    sumTerms: rowTerms(tinyformer, tensors.sum, eps), // (T)
    normTerms: rowTerms(tinyformer, tensors.norm, 0), // (T)
    gamma: model.parameter(`${param}.weight`).data, // (C)
    beta: cfg.bias ? model.parameter(`${param}.bias`).data : null, // (C) | null
    C: cfg.n_embd,
    norm: cfg.norm,
    nLayer: cfg.n_layer,
  };
}
