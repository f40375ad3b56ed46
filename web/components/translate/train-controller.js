// TranslationTraining: the controller of the translation lesson's "train it in the tab" panel. It owns the
// training Workers (TrainingPool from lib/training-pool.js: one, or two that split each batch), asks the engine
// for every number the panel shows (losses, held-out exact match and token accuracy, translations of fixed
// held-out sentences, their cross-attention), and hands them to the view <tf-translate-train> (train-panel.js), which only draws them.
//
//   const training = new TranslationTraining(document.querySelector('tf-translate-train'), { corpusUrl: 'data/ko-en.tsv' });
//   await training.ready;      // pairs fetched, the Worker set up, the untrained model's first snapshot taken
//   training.start();          // trains (the panel's buttons do the same: start, pause, one step, start over)
//   training.dispose();
//
// The panel element gets `translator-ready` (CustomEvent, bubbles; detail {bytes: Uint8Array, step}) when the
// learner presses "watch this model above": the model's .safetensors bytes, for Tinyformer.loadTranslator.
//
// Pace: a snapshot (translations, cross-attention, held-out loss) is taken at step 0, every 10 steps at first
// and then 20% further apart (nextSnapshotStep), so early changes are seen closely and the slider over
// training time stays short; the held-out score (every held-out pair translated) every 50 steps at first, then
// 20% further apart (nextScoreStep); both also after pausing, after one step and when training stops.
import { TrainingPool } from '../../lib/training-pool.js';
import { errorMessage, registerStrings, t } from '../../i18n/index.js';
import ko from '../../i18n/translate-train.ko.js';
import en from '../../i18n/translate-train.en.js';
import './train-panel.js';

registerStrings({ ko, en });

/**
 * The default run: small enough that a 2-core machine's tab reaches 90% held-out exact match in well under a
 * minute (README, "Train the translator in the tab"); word tokens on both sides keep the map readable.
 */
export const DEFAULT_SPEC = Object.freeze({
  arch: 'seq2seq',
  seed: 1,
  srcTokenizer: 'word',
  tgtTokenizer: 'word',
  model: { nEncoderLayer: 1, nDecoderLayer: 1, nHead: 2, nEmbd: 32, mlpHidden: 64 },
  // 2 shards: on 2 cores the model trains on 2 Workers (TrainingPool's split run), with one Worker's numbers
  train: { batchSize: 64, shards: 2 },
  // a short warm-up, then cosine down to 10% by step 600: held-out exact match crosses 90% near step 400 and
  // stays above it (a constant 5e-3 crosses near 500 and wobbles around 90% for a while)
  racers: [
    {
      name: 'Adam',
      optimizer: {
        kind: 'adam',
        lr: 0.008,
        schedule: 'warmup_cosine',
        warmupSteps: 20,
        totalSteps: 600,
        minLrRatio: 0.1,
      },
    },
  ],
});
export const MAX_STEPS = 5000;
const SCORE_PAIRS = 400; // at most this many held-out pairs (the first ones) are scored at each snapshot
const EVAL_BATCHES = 4; // held-out loss over this many batches
const SAMPLE_COUNT = 4; // fixed held-out sentences shown translated
const MAX_SNAPSHOTS = 200;
const MAX_TOKENS = 20; // a sample translation stops here if the model has not written <eos>

/** The step of the snapshot after one taken at `step`: every 10 steps at first, then 20% further on. */
export function nextSnapshotStep(step) {
  return step + Math.max(10, Math.round(step * 0.2));
}

/**
 * The step of the held-out score after one at `step`: every 50 steps at first, then 20% further on. Scoring
 * translates every held-out pair (as long as ~10 training steps), so it is taken less often than the map.
 */
export function nextScoreStep(step) {
  return step + Math.max(50, Math.round(step * 0.2));
}

const words = (s) => s.trim().split(/\s+/).length;

/** An engine error in the learner's language: this panel's words for a pairs file's problems, else the page's. */
function problem(err) {
  const key = `translate.train.code.${err?.code}`;
  const text = t(key, { detail: err?.detail, detail2: err?.detail2 });
  return text === key ? errorMessage(err) : text;
}

/** Fixed held-out sentences: the map's (3 Korean words, a short English) first, then other short ones. */
function pickSentences(pairs, count) {
  const short = pairs.filter((p) => words(p.source) <= 5 && words(p.target) <= 7);
  const map = short.find((p) => words(p.source) === 3 && words(p.target) <= 5) ?? short[0] ?? pairs[0];
  const rest = short.filter((p) => p !== map).slice(0, count - 1);
  return [map, ...rest].filter(Boolean).map((p) => ({ source: p.source, reference: p.target }));
}

export class TranslationTraining {
  /**
   * @param {HTMLElement} panelElement a <tf-translate-train> element (this module defines it)
   * @param {{corpusUrl?: string, spec?: object, maxSteps?: number, scorePairs?: number}} [options]
   */
  constructor(
    panelElement,
    { corpusUrl = 'data/ko-en.tsv', spec = DEFAULT_SPEC, maxSteps = MAX_STEPS, scorePairs = SCORE_PAIRS } = {},
  ) {
    this.panel = panelElement;
    this.corpusUrl = corpusUrl;
    this.spec = spec;
    this.maxSteps = maxSteps;
    this.scorePairs = scorePairs;
    this.run = null;
    this._corpus = null;
    this._gen = 0;
    this._disposed = false;
    this._onAction = (e) => this._act(e.detail?.action);
    panelElement.addEventListener('train-action', this._onAction);
    panelElement.refresh?.(); // it may have drawn itself before this module registered its strings
    /** Resolves once the panel is ready to train (or has shown why it cannot). */
    this.ready = this._prepare();
  }

  /** Starts (or resumes) training once the panel is ready. */
  async start() {
    await this.ready;
    this._act('start');
  }

  pause() {
    this._act('pause');
  }
  step() {
    this._act('step');
  }
  /** A fresh run from the same seed and settings (same weights, same batches). */
  reset() {
    this._act('reset');
    return this.ready;
  }

  /** Stops the Worker for good and leaves the panel empty. */
  dispose() {
    this._disposed = true;
    this._gen++;
    this.panel.removeEventListener('train-action', this._onAction);
    this.run?.terminate();
    this.run = null;
  }

  // ---- set-up ---------------------------------------------------------------------------------------

  _clear() {
    this.state = 'loading';
    this.steps = 0;
    this.history = {
      steps: [],
      loss: [],
      evalSteps: [],
      evalLoss: [],
      scoreSteps: [],
      exactMatch: [],
      tokenAccuracy: [],
      scorePairs: 0,
    };
    this.snapshots = [];
    this.samples = null;
    this.reached = null;
    this.setup = null;
    this.message = null;
    this._activeMs = 0;
    this._since = 0;
    this._nextSnap = 0;
    this._nextScore = 0;
    this._busy = false;
    this._again = false;
    this._againFull = false;
    this.panel.curves = null;
    this.panel.samples = null;
    this.panel.snapshots = [];
    this._status();
  }

  async _prepare() {
    const gen = ++this._gen;
    this._clear();
    try {
      if (this._corpus === null) {
        const res = await fetch(this.corpusUrl);
        if (!res.ok) throw new Error(`${this.corpusUrl}: HTTP ${res.status}`);
        this._corpus = await res.text();
      }
    } catch (err) {
      if (gen === this._gen)
        this._fail({ key: 'translate.train.error.fetch', params: { message: err?.message ?? String(err) } });
      return;
    }
    let run;
    try {
      run = await TrainingPool.create(this.spec, this._corpus, { maxSteps: this.maxSteps });
    } catch (err) {
      if (gen === this._gen) this._fail({ key: 'translate.train.error.setup', params: { message: problem(err) } });
      return;
    }
    if (gen !== this._gen) {
      run.terminate();
      return;
    }
    this.run = run;
    const info = run.info;
    const c = info.config;
    this.panel.decoder = { layers: c.n_decoder_layer, heads: c.n_head };
    this.setup = {
      enc: c.n_encoder_layer,
      dec: c.n_decoder_layer,
      heads: c.n_head,
      width: c.n_embd,
      params: info.num_parameters.toLocaleString(),
      srcVocab: info.src_vocab.length,
      tgtVocab: info.vocab.length,
      train: info.train_pairs,
      held: info.val_pairs,
      batch: info.batch_size,
      optimizer: info.racers[0].name,
      lr: Number(info.racers[0].optimizer.lr.toPrecision(3)),
    };
    const o = info.racers[0].optimizer;
    if (o.schedule === 'warmup_cosine') {
      this.setup.schedule = { warmup: o.warmup_steps, total: o.total_steps, ratio: Math.round(100 * o.min_lr_ratio) };
    }
    run.addEventListener('progress', (e) => {
      if (gen === this._gen) this._progress(e.detail);
    });
    run.addEventListener('diverged', (e) => {
      if (gen === this._gen) this._diverged(e.detail);
    });
    run.addEventListener('stopped', (e) => {
      if (gen === this._gen) this._stopped(e.detail);
    });
    run.addEventListener('error', (e) => {
      if (gen === this._gen) this._error(e.detail);
    });
    try {
      this.fixed = pickSentences(await run.heldOutPairs(), SAMPLE_COUNT);
      await this._snapshot(true);
    } catch (err) {
      if (gen === this._gen)
        this._fail({ key: 'translate.train.error.engine', params: { message: errorMessage(err) } });
      return;
    }
    if (gen !== this._gen || this.state === 'error') return;
    this.state = 'ready';
    this._status();
  }

  _fail(message) {
    this.state = 'error';
    this.message = message;
    this._pauseClock();
    this._status();
  }

  // ---- what the worker reports ----------------------------------------------------------------------

  _progress(d) {
    const r = d.results;
    for (let i = 0; i < r.racer.length; i++) {
      this.history.steps.push(r.step[i]); // the engine's 1-based step number (StepResult.step)
      this.history.loss.push(r.loss[i]);
    }
    this.steps = d.steps;
    this.panel.curves = this.history;
    if (this.state === 'running' && this.steps >= this._nextSnap && !this._busy) this._snapshot();
    this._status();
  }

  _diverged({ step }) {
    this.state = 'diverged';
    this._pauseClock();
    this.message = { key: 'translate.train.diverged', params: { step } };
    this._status();
  }

  _stopped({ reason }) {
    if (this.state === 'diverged' || reason === 'all_diverged') return;
    this._pauseClock();
    this.state = 'stopped';
    this._status();
    this._snapshot(true);
  }

  _error(detail) {
    if (detail.code === 'terminated') return;
    const key = detail.code === 'worker_died' ? 'translate.train.error.worker_died' : 'translate.train.error.engine';
    this._fail({ key, params: { message: detail.code === 'worker_died' ? detail.message : errorMessage(detail) } });
  }

  // ---- snapshots --------------------------------------------------------------------------------------

  /**
   * Asks the engine for the fixed sentences' translations and the held-out loss at one step, and for the
   * held-out score when it is due (always when `full`: at the start, after a pause, a step or the end).
   */
  async _snapshot(full = false) {
    if (!this.run || this.state === 'diverged' || this.state === 'error') return;
    if (this._busy) {
      this._again = true;
      this._againFull ||= full;
      return;
    }
    this._busy = true;
    const gen = this._gen,
      run = this.run;
    try {
      const sentences = this.fixed.map(({ source, reference }) => ({ source, reference }));
      const scoring = full || this.steps >= this._nextScore;
      const score = scoring ? await run.scoreTranslations(0, this.scorePairs) : null;
      const tr = await run.translate(0, sentences, { maxTokens: MAX_TOKENS });
      const evalLoss = await run.evaluate(0, EVAL_BATCHES);
      if (gen !== this._gen) return;
      const seconds = this._seconds();
      this._nextSnap = nextSnapshotStep(tr.steps);
      const h = this.history;
      if (h.evalSteps.at(-1) !== tr.steps) {
        h.evalSteps.push(tr.steps);
        h.evalLoss.push(evalLoss);
      }
      if (score && h.scoreSteps.at(-1) !== score.steps) {
        this._nextScore = nextScoreStep(score.steps);
        h.scoreSteps.push(score.steps);
        h.exactMatch.push(score.exactMatch);
        h.tokenAccuracy.push(score.tokenAccuracy);
        h.scorePairs = score.pairs;
        this.lastScore = score;
      }
      if (score && !this.reached && score.exactMatch >= 0.9) {
        this.reached = { step: score.steps, seconds, exactMatch: score.exactMatch };
      }
      this.samples = {
        step: tr.steps,
        items: tr.sentences.map((s, i) => ({
          source: s.source,
          reference: this.fixed[i].reference,
          text: s.text,
          finished: s.finished,
          exact: s.forced?.exact ?? false,
          error: s.error ? errorMessage(s.error) : null,
        })),
      };
      const first = tr.sentences[0];
      if (first && !first.error && this.snapshots.at(-1)?.step !== tr.steps) {
        this.snapshots.push({
          step: tr.steps,
          seconds,
          source: first.source,
          reference: first.forced.reference,
          text: first.text,
          finished: first.finished,
          rowLabels: first.forced.targetLabels,
          colLabels: first.sourceLabels,
          cross: first.forced.cross,
        });
        // a long run keeps the first snapshots (the alignment forming) and thins the rest
        if (this.snapshots.length > MAX_SNAPSHOTS) this.snapshots.splice(MAX_SNAPSHOTS / 2, 1);
      }
      this.panel.curves = this.history;
      this.panel.samples = this.samples;
      this.panel.snapshots = this.snapshots.slice();
      this._status();
    } catch (err) {
      if (gen === this._gen && err?.code !== 'terminated' && this.state !== 'error') {
        this._fail({ key: 'translate.train.error.engine', params: { message: errorMessage(err) } });
      }
    } finally {
      if (gen === this._gen) {
        this._busy = false;
        if (this._again) {
          const again = this._againFull;
          this._again = this._againFull = false;
          this._snapshot(again);
        }
      }
    }
  }

  // ---- actions ----------------------------------------------------------------------------------------

  _seconds() {
    return (this._activeMs + (this._since ? performance.now() - this._since : 0)) / 1000;
  }

  _pauseClock() {
    if (this._since) this._activeMs += performance.now() - this._since;
    this._since = 0;
  }

  _act(action) {
    if (this._disposed) return;
    if (action === 'reset') {
      this.run?.terminate();
      this.run = null;
      this.ready = this._prepare();
      return;
    }
    if (action === 'publish') {
      this._publish();
      return;
    }
    const run = this.run;
    if (!run || !['ready', 'paused', 'running'].includes(this.state)) return;
    if (action === 'start' && this.state !== 'running') {
      this.state = 'running';
      this._since = performance.now();
      run.start();
    } else if (action === 'pause' && this.state === 'running') {
      run.pause();
      this._pauseClock();
      this.state = 'paused';
      this._snapshot(true);
    } else if (action === 'step') {
      if (this.state === 'running') this._pauseClock();
      run.step(1);
      this.state = 'paused';
      this._snapshot(true); // its requests queue behind the step in the worker
    }
    this._status();
  }

  async _publish() {
    if (!this.run || this.steps === 0) return;
    try {
      const { bytes, steps } = await this.run.saveModel(0);
      this.panel.dispatchEvent(new CustomEvent('translator-ready', { detail: { bytes, step: steps }, bubbles: true }));
    } catch (err) {
      if (err?.code === 'terminated') return;
      this.message = { key: 'translate.train.error.publish', params: { message: errorMessage(err) } };
      this._status();
    }
  }

  _status() {
    if (this._disposed) return;
    this.panel.status = {
      state: this.state,
      steps: this.steps,
      seconds: this._seconds(),
      reached: this.reached,
      setup: this.setup,
      message: this.message,
      canPublish: Boolean(this.run) && this.steps > 0 && !['error', 'diverged', 'loading'].includes(this.state),
    };
  }
}
