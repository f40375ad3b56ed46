// @ts-check
// The watch page's "what if" switches: positional encoding (stage 3), the feed-forward activation (stage 6)
// and where the norm sits (stages 5 and 7). A switch names a setting and a value. For the shipped Korean demo
// model, every other value has a variant trained with exactly the same recipe and seed, that one setting
// changed (scripts/make-demo-models.sh whatif). The variant is fetched the first time the learner flips to
// it — never on page open — and the engine runs both models on the current sentence: the next-token top 5
// and the greedy continuation, side by side. This module owns the variants and asks the engine; the stage
// views only show what it returns and emit 'whatif' events ({setting, value}).
import { errorMessage } from './i18n/index.js';
import { rankIds } from './components/rank.js';

/** The model the variants were trained beside (MODELS key in app.js) and its settings. */
const BASE = 'ko';
const VARIANTS = {
  positional: ['sinusoidal', 'none'],
  activation: ['relu', 'sigmoid', 'tanh', 'silu'],
  norm: ['post'],
};
/** Which setting each stage's switch flips (STAGES ids in stages.js). */
const STAGE_SETTING = { positional: 'positional', ffn: 'activation', addnorm1: 'norm', addnorm2: 'norm' };
const TOP = 5;
const CONTINUE = 16; // tokens of greedy continuation
const PAUSE_MS = 120; // typing pause before the comparison is recomputed

export const variantFile = (setting, value) => `models/whatif/ko-char-${setting}-${value}.safetensors`;

export class WhatIf {
  /**
   * @param {(path: string) => Promise<Uint8Array>} fetchBytes  the page's fetch
   * @param {(bytes: Uint8Array) => object} loadModel  the engine's loader (tinyformer.loadModel)
   * @param {() => void} onChange  called when a variant has arrived (or failed), to redraw the stage
   */
  constructor(fetchBytes, loadModel, onChange) {
    this.fetchBytes = fetchBytes;
    this.loadModel = loadModel;
    this.onChange = onChange;
    this.chosen = {}; // setting -> value the switch shows; absent = the model's own
    this.variants = new Map(); // file -> { model } | { promise } | { error }
    this.last = null; // the last comparison, reused while the sentence and switch stay the same
    this.timer = 0;
  }

  /** A new model on the page: every switch opens on its own settings again. */
  reset() {
    clearTimeout(this.timer);
    this.chosen = {};
    this.last = null;
  }

  /** The learner flipped a switch (the variant is fetched when the stage next asks; a failed fetch is tried again). */
  choose(setting, value) {
    this.chosen[setting] = value;
    const file = variantFile(setting, value);
    if (this.variants.get(file)?.error) this.variants.delete(file);
  }

  /** Files of the variants fetched so far (for tests: none on page open). */
  get loaded() {
    return [...this.variants.keys()];
  }

  /**
   * What the stage's switch shows and, when it differs from the model's own, the comparison:
   * { setting, own, value, status: 'own'|'loading'|'computing'|'ready'|'stale'|'unavailable'|'untrained'|'failed', message?,
   *   trained? (values with a variant),
   *   text?, base?, variant? } (stale: the answer for the previous sentence `text`, while the new one is computed)
   * where base / variant = { next: [{id, token, p}] (top 5), continuation: string, steps: its tokens }. Null for stages without a switch.
   */
  forStage(stageId, model, modelKey, text) {
    const setting = STAGE_SETTING[stageId];
    if (!setting) return null;
    const own = model.config[setting];
    const value = this.chosen[setting] ?? own;
    const out = { setting, own, value };
    if (value === own) return { ...out, status: 'own' };
    if (modelKey !== BASE) return { ...out, status: 'unavailable' };
    if (!VARIANTS[setting].includes(value)) return { ...out, status: 'untrained', trained: VARIANTS[setting] };
    const file = variantFile(setting, value);
    const entry = this.variants.get(file) ?? this._fetch(file);
    if (entry.error) return { ...out, status: 'failed', message: errorMessage(entry.error) };
    if (!entry.model) return { ...out, status: 'loading' };
    const last = this.last?.model === model && this.last.file === file ? this.last : null;
    if (last?.text === text) {
      return last.error
        ? { ...out, status: 'failed', message: errorMessage(last.error) }
        : { ...out, status: 'ready', ...last.shown };
    }
    // Two greedy continuations cost the engine ~10 ms or more each: run them once typing pauses, so a typed
    // character redraws the stage at once; meanwhile the box keeps the previous sentence's answer (marked stale).
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.last = { model, file, text };
        try {
          this.last.shown = { text, base: predict(model, text), variant: predict(entry.model, text) };
        } catch (err) {
          this.last.error = err;
        }
        this.onChange();
      },
      last ? PAUSE_MS : 0,
    );
    return last?.shown ? { ...out, status: 'stale', ...last.shown } : { ...out, status: 'computing' };
  }

  _fetch(file) {
    const entry = {};
    entry.promise = this.fetchBytes(file)
      .then((bytes) => {
        entry.model = this.loadModel(bytes);
      })
      .catch((err) => {
        entry.error = err;
      })
      .finally(() => {
        delete entry.promise;
        this.onChange();
      });
    this.variants.set(file, entry);
    return entry;
  }
}

/** The engine's next-token distribution (top 5 shown) and greedy continuation of `text`. */
function predict(model, text) {
  const ids = model.encode(text);
  const probs = model.nextTokenProbs(ids);
  const vocab = model.tokenizer.vocab;
  const next = rankIds(probs)
    .slice(0, TOP)
    .map((id) => ({ id, token: vocab[id] ?? '', p: probs[id] }));
  const more = model.generate(ids, { temperature: 0, maxTokens: CONTINUE });
  return { next, continuation: more.text, steps: more.ids.length };
}
