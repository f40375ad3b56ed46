// @ts-check
// A pipeline stage view's state, for every page that shows the pipeline (the watch page; the training page's
// look inside). The page runs the model on the sentence copying only the records the stage's controller names,
// then hands the view its controller's data: views never call the engine (see web/stages.js).
import { tokenLabels } from '../components/labels.js';

/**
 * What a stage's controller is handed (stageContext). `tensors(ctx)` also gets `config`.
 * @typedef {object} StageContext
 * @property {import('../lib/tinyformer.js').Tinyformer} tinyformer
 * @property {import('../lib/tinyformer.js').Model} model
 * @property {import('../lib/tinyformer.js').Inspection} inspection  the sentence's run (only the named records)
 * @property {string} text
 * @property {number} layer
 * @property {number} [which]      which add & norm (1 or 2)
 * @property {Record<string, any>} memory   what the view remembers (its picks), by key
 * @property {boolean} [trained]
 * @property {any} [whatif]        the stage's "what if" comparison (web/whatif.js), or null
 * @property {import('../lib/tinyformer.js').ModelConfig} [config]
 */

/** Which stage and layer an inspection was made for (a stage or layer switch needs another). */
export const stageKey = (stage, layer) => `${stage.id}/${layer}`;

/**
 * What a stage's controller is handed.
 * @returns {StageContext}
 * env = { tinyformer, model, inspection, text, layer, memory, trained, whatif }; layer is clamped to the model's.
 */
export function stageContext(stage, env) {
  return {
    tinyformer: env.tinyformer,
    model: env.model,
    inspection: env.inspection,
    text: env.text,
    layer: Math.min(env.layer, env.model.config.n_layer - 1),
    which: stage.which,
    memory: env.memory,
    trained: env.trained,
    whatif: env.whatif ?? null,
  };
}

/** Runs the model on env.text for `stage`, copying only the records its view reads (the copy costs, not the pass). */
export function inspectFor(stage, env) {
  const names = stage.controller.tensors({ ...stageContext(stage, env), config: env.model.config });
  const run = env.model.inspect(env.text, { tensors: names });
  run.stageKey = stageKey(stage, env.layer);
  return run;
}

/** The view's state; env.inspection must be inspectFor(stage, env)'s. */
export function viewState(stage, env) {
  const ctx = stageContext(stage, env);
  const tokens = env.inspection.tokens;
  return {
    data: stage.controller.data(ctx),
    text: env.text,
    layer: ctx.layer,
    tokens,
    labels: tokenLabels(tokens),
    whatif: ctx.whatif,
    trained: env.trained,
    memory: env.memory,
  };
}
