// @ts-check
// The softmax stage's controller: what the page asks the engine for the view tf-stage-softmax (see web/stages.js).
// The learner's choices live in the view's memory: temperature, topK and the generation steps taken, each
// {seed, temperature, topK}. Here the engine draws each step's token (model.generate, one token, that seed) and
// gives the distribution it was drawn from; the context grown by them is run again for the exp ÷ sum table.

const TENSORS = ['logits', 'probs']; // (T, V) each; the view reads the last row

/** The recorded tensors the view reads: the logits and the temperature-1 probabilities. */
export function tensors() {
  return TENSORS;
}

/**
 * {vocab, V, steps, contextIds, next, logits, probs1, terms, decoded}: steps = [{seed, temperature, topK, id, p,
 * probs (V)}] the generation so far; next (V) = the next-token distribution under the memory's settings; logits,
 * probs1 (V) = the last row of the run of the grown context; terms = the engine's e^z and Σ e^z of those logits.
 * @param {import('./stage-state.js').StageContext} ctx
 */
export function data({ tinyformer, model, inspection, text, memory }) {
  const { vocab_size: V, block_size: B } = model.config;
  const grown = replay(model, inspection.ids, stepsOf(memory, text, model));
  const settings = { temperature: memory.temperature ?? 1, topK: Math.min(memory.topK ?? 0, V) };
  const run = grown.steps.length ? model.inspect(grown.ids.slice(-B), { tensors: TENSORS }) : inspection;
  const T = run.ids.length;
  const lastRow = (name) => run.tensor(name).data.slice((T - 1) * V, T * V);
  const logits = lastRow('logits');
  return {
    vocab: model.tokenizer.vocab, // string[] (V at most: the view pads the labels to V)
    V,
    steps: grown.steps,
    contextIds: grown.ids, // the sentence's ids, then the generated ones
    next: model.nextTokenProbs(grown.ids, settings), // (V)
    logits, // (V)
    probs1: lastRow('probs'), // (V)
    terms: tinyformer.softmaxTerms(logits), // {exp (V), sum}
    decoded: model.decode(grown.ids),
  };
}

/** For each view's memory: the sentence and model its steps were taken on (another one starts the steps over). */
const takenOn = new WeakMap();

function stepsOf(memory, text, model) {
  const on = takenOn.get(memory);
  if (on && (on.text !== text || on.model !== model)) {
    memory.steps = [];
    memory.viewing = -1;
  }
  takenOn.set(memory, { text, model });
  return memory.steps ?? [];
}

/** The last replay per model, so one more step (or a slider move) does not draw every earlier step again. */
const replays = new WeakMap();

/** The steps drawn one by one from the sentence's ids: {steps, ids} (ids = the grown context, a plain array). */
function replay(model, promptIds, choices) {
  const prompt = Array.from(promptIds).join(',');
  let cache = replays.get(model);
  if (cache?.prompt !== prompt) replays.set(model, (cache = { prompt, steps: [] }));
  const ids = Array.from(promptIds);
  const steps = [];
  choices.forEach(({ seed, temperature, topK }, i) => {
    let step = cache.steps[i];
    if (!step || step.seed !== seed || step.temperature !== temperature || step.topK !== topK) {
      const settings = { temperature, topK };
      const probs = model.nextTokenProbs(ids, settings); // (V)
      const id = model.generate(ids, { maxTokens: 1, ...settings, seed }).ids[0];
      step = { seed, temperature, topK, id, p: probs[id], probs };
      cache.steps.length = i;
      cache.steps.push(step);
    }
    steps.push(step);
    ids.push(step.id);
  });
  return { steps, ids };
}
