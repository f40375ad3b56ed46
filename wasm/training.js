// TrainingRun: training in a Web Worker, driven from the page.
//
//   import { TrainingRun } from './training.js';
//   const run = await TrainingRun.create(spec, corpus);     // spec as for Tinyformer.createTrainer
//   run.addEventListener('progress', (e) => chart.add(e.detail.results));   // columnar typed arrays
//   run.addEventListener('diverged', (e) => warn(e.detail.racer, e.detail.step));
//   run.start();  run.pause();  run.step(1);  run.setLearningRate(0, 1e-3);
//   const bytes = await run.save(0);                        // .safetensors with optimizer state
//   const view = await run.inspect(0, '고양이는 귀엽다');      // an Inspection of a snapshot, training goes on
//   // encoder-decoder runs (spec.arch 'seq2seq'):
//   const { sentences } = await run.translate(0, [{ source: '나는 밥을 먹었다', reference: 'I ate rice' }]);
//   sentences[0].text; sentences[0].cross[layer];           // {data, shape: [H, steps, source positions]}
//   const { exactMatch } = await run.scoreTranslations(0);  // on the held-out pairs (run.heldOutPairs())
//   const { bytes, steps } = await run.saveModel(0);        // the model alone, for Tinyformer.loadTranslator
//   // word-vector runs (spec.arch 'cbow'): saveModel's bytes open with Tinyformer.loadWordVectors
//   run.terminate();
//
// Events (CustomEvent, data in .detail): ready {info}, progress {results, steps, tokensPerSecond,
// elapsedMs, lr, running}, diverged {racer, step, divergence: {reason, step, start_loss, loss, best_loss, grad_norm, start_grad_norm} | null}, paused {steps}, stopped {reason, steps},
// error {code, message} (code 'worker_died' when the worker itself failed). Requests made after an
// error reject with a TinyformerError; a new TrainingRun starts over.
import { Inspection, TinyformerError } from './tinyformer.js';

/**
 * A module Worker running `url`. A page may start Workers only from its own origin, so a page on another origin
 * (a course page that embeds tinyformer's widgets) starts a same-origin blob Worker that imports the script; the
 * script's own imports and the .wasm then load from tinyformer's site (CORS).
 */
function startWorker(url) {
  if (url.origin === globalThis.location?.origin) return new Worker(url, { type: 'module' });
  const shim = new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(shim), { type: 'module' });
}

export class TrainingRun extends EventTarget {
  /** Starts a Worker and sets up training; resolves once the engine is ready. */
  static create(spec, corpus, { maxSteps } = {}) {
    const run = new TrainingRun();
    // a run that cannot start frees its Worker at once
    return run._init(spec, corpus, maxSteps).then(
      () => run,
      (err) => {
        run.terminate();
        throw err;
      },
    );
  }

  constructor() {
    super();
    this._worker = startWorker(new URL('./training-worker.js', import.meta.url));
    this._pending = new Map();
    this._nextId = 1;
    this._dead = null;
    this.info = null;
    this._worker.onmessage = (e) => this._receive(e.data);
    this._worker.onerror = (e) => {
      e.preventDefault?.();
      this._fail({ code: 'worker_died', message: e.message || 'the training worker stopped unexpectedly' });
    };
  }

  _init(spec, corpus, maxSteps) {
    return new Promise((resolve, reject) => {
      const onReady = (e) => {
        cleanup();
        this.info = e.detail.info;
        resolve();
      };
      const onError = (e) => {
        cleanup();
        reject(new TinyformerError(e.detail.message, e.detail.code, e.detail.detail, e.detail.detail2));
      };
      const cleanup = () => {
        this.removeEventListener('ready', onReady);
        this.removeEventListener('error', onError);
      };
      this.addEventListener('ready', onReady);
      this.addEventListener('error', onError);
      this._worker.postMessage({ type: 'init', spec, corpus, maxSteps });
    });
  }

  _receive(msg) {
    if (msg.type === 'reply') {
      const p = this._pending.get(msg.id);
      this._pending.delete(msg.id);
      if (msg.error)
        p?.reject(new TinyformerError(msg.error.message, msg.error.code, msg.error.detail, msg.error.detail2));
      else p?.resolve(msg.result);
      return;
    }
    this.dispatchEvent(new CustomEvent(msg.type, { detail: msg }));
  }

  _fail(detail) {
    this._dead = detail;
    for (const p of this._pending.values()) p.reject(new TinyformerError(detail.message, detail.code));
    this._pending.clear();
    this.dispatchEvent(new CustomEvent('error', { detail }));
  }

  _send(msg) {
    if (this._dead) throw new TinyformerError(this._dead.message, this._dead.code);
    this._worker.postMessage(msg);
  }

  _request(what, args = {}) {
    if (this._dead) return Promise.reject(new TinyformerError(this._dead.message, this._dead.code));
    const id = this._nextId++;
    return new Promise((resolve, reject) => {
      this._pending.set(id, { resolve, reject });
      this._worker.postMessage({ type: 'request', id, what, ...args });
    });
  }

  /** Joins a split run (wasm/training-pool.js) as Worker `index` of `workers`, with a MessagePort to each other. */
  _joinSplit(index, workers, ports) {
    if (this._dead) throw new TinyformerError(this._dead.message, this._dead.code);
    this._worker.postMessage({ type: 'split', index, workers, ports }, ports);
  }

  start() {
    this._send({ type: 'start' });
  }
  resume() {
    this._send({ type: 'resume' });
  }
  pause() {
    this._send({ type: 'pause' });
  }
  /** n steps now (pauses continuous training). */
  step(n = 1) {
    this._send({ type: 'step', n });
  }
  setLearningRate(racer, lr) {
    this._send({ type: 'setLearningRate', racer, lr });
  }
  setSamplingProb(racer, p) {
    this._send({ type: 'setSamplingProb', racer, p });
  }
  /** Continuous training at most this many steps per second, each step posted (0 = full speed). */
  setPace(stepsPerSecond) {
    this._send({ type: 'setPace', stepsPerSecond });
  }
  /** Continuous training stops (event 'stopped', reason 'max_steps') after this many steps in all. */
  setMaxSteps(maxSteps) {
    this._send({ type: 'setMaxSteps', maxSteps });
  }
  /** @returns {Promise<Uint8Array>} checkpoint bytes of one racer (with optimizer state) */
  save(racer = 0) {
    return this._request('save', { racer });
  }
  /** @returns {Promise<Inspection>} every intermediate of a snapshot of `racer` on `text` */
  inspect(racer, text) {
    return this._request('inspect', { racer, text }).then((raw) => new Inspection(raw, raw.config));
  }
  /** @returns {Promise<{ids: Int32Array, text: string, steps: number}>} steps: the step the snapshot is from */
  sample(racer, prompt, options = {}) {
    return this._request('sample', { racer, prompt, options });
  }
  /** @returns {Promise<number>} held-out loss */
  evaluate(racer = 0, maxBatches = 4) {
    return this._request('evaluate', { racer, maxBatches });
  }
  /** @returns {Promise<Float32Array>} */
  optimizerState(racer, param, which) {
    return this._request('optimizerState', { racer, param, which });
  }
  /**
   * The model alone (no optimizer state, float32) and its step: for Tinyformer.loadModel, loadTranslator (seq2seq) or
   * loadWordVectors (cbow). @returns {Promise<{bytes: Uint8Array, steps: number}>}
   */
  saveModel(racer = 0) {
    return this._request('saveModel', { racer });
  }
  /**
   * Encoder–decoder runs: `sentences` ([{source, reference?}]) translated by a snapshot of `racer`, with each
   * step's cross-attention per decoder layer ({data, shape: [H, T, S]}) and the token labels; with a reference,
   * `forced` holds the same for the decoder fed the reference.
   * @returns {Promise<{steps: number, sentences: object[]}>}
   */
  translate(racer, sentences, { maxTokens } = {}) {
    return this._request('translate', { racer, sentences, maxTokens });
  }
  /** @returns {Promise<{steps: number, pairs: number, exactMatch: number, tokenAccuracy: number}>} held-out score */
  scoreTranslations(racer = 0, maxPairs = 0) {
    return this._request('score', { racer, maxPairs });
  }
  /** @returns {Promise<{source: string, target: string, line: number}[]>} the pairs scoreTranslations uses */
  heldOutPairs() {
    return this._request('heldOutPairs');
  }
  /** @returns {Promise<object>} the trainer's info (steps, racers, diverged flags, ...) */
  refreshInfo() {
    return this._request('info').then((info) => {
      this.info = info;
      return info;
    });
  }
  /** Stops the worker for good and frees everything it held. */
  terminate() {
    this._worker.terminate();
    if (!this._dead) this._fail({ code: 'terminated', message: 'the training run was stopped' });
  }
}
