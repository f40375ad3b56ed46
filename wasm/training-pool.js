// TrainingPool: one optimizer race spread over several Workers, one core each, with the interface of TrainingRun.
//
//   import { TrainingPool } from './training-pool.js';
//   const run = await TrainingPool.create(spec, corpus, { maxSteps: 300 });   // spec.racers: several
//   run.addEventListener('progress', ...); run.start(); run.pause(); run.step(5); run.inspect(2, text); ...
//
// One model can be split too (spec.train.shards > 1 and one racer): every Worker holds the same model, takes
// its block of each batch's shards (wasm/training-worker.js), and the Workers exchange their blocks every step
// over MessagePorts of their own. The engine adds the blocks in one fixed order, so the weights are bit for bit
// those of one Worker running every shard (src/train/trainer.hpp, "Split steps"); Worker 0 answers requests.
//
// Why a race gives the same numbers as one Worker: a trainer's initial weights and batches depend on the seed alone,
// not on how many racers it holds, so racer i trained alone is bit for bit racer i of the whole race. Each Worker
// here holds every W-th racer (racer i lives in Worker i mod W, as its local racer ⌊i / W⌋).
//
// Why the race stays fair: the Workers move in lockstep rounds. A round asks every Worker for the same number of
// steps (TrainingRun.step(n): synchronous inside the Worker, parallel across Workers) and the next round starts
// only when all have reported it; a round lasts about ROUND_MS, so a pause or a request waits at most that long,
// and every Worker is at the same step whenever the race is paused. Slow motion (setPace) is one step per round
// with a pause between rounds. Events, requests and racer numbers are the whole race's, as TrainingRun's are.
import { TrainingRun } from './training.js';
import { TinyformerError } from './tinyformer.js';

const ROUND_MS = 100; // target wall time of one lockstep round at full speed
const MAX_WORKERS = 4;
// A split step costs each Worker about a millisecond more than half a step (posting, receiving and adding the
// blocks, and every Worker's own optimizer update), so by default one model is split only when a step's work,
// parameters × batch positions, is at least this. Measured in Chromium on 2 cores (Intel family 6, 2 shards on
// 2 Workers against 1): 1.1 M (the tiny preset, batch 8) 0.6–0.7×, slower; 9.5 M (the page's small model,
// batch 8) 1.1–1.3×; 55 M (the bench's reference workload) 1.5–1.7×. Asking for Workers (`workers`) splits any
// model.
const SPLIT_MIN_WORK = 16e6;

const cores = () => Number(globalThis.navigator?.hardwareConcurrency) || 1;

/** How many Workers a race of `racers` gets by default: one per core, at most one per racer and MAX_WORKERS. */
export function defaultWorkers(racers) {
  return Math.max(1, Math.min(racers, cores(), MAX_WORKERS));
}

/** A step's work as SPLIT_MIN_WORK counts it, from a trainer's info. */
const stepWork = (info) => (info?.num_parameters ?? 0) * (info?.batch_size ?? 0) * (info?.seq_len ?? 0);

/** Workers for one model cut into `shards`: a power of two, at most the cores (or `asked`), shards and MAX_WORKERS. */
export function splitWorkers(shards, asked) {
  const limit = Math.min(Math.floor(asked ?? cores()), Math.floor(shards) || 1, MAX_WORKERS);
  let w = 1;
  while (w * 2 <= limit) w *= 2;
  return w;
}

export class TrainingPool extends EventTarget {
  /**
   * Starts the Workers and sets up training; resolves once all are ready. With one Worker (one racer, one core,
   * or `workers: 1`) this is a plain TrainingRun.
   * @returns {Promise<TrainingPool | TrainingRun>}
   */
  static async create(spec, corpus, { maxSteps = Infinity, workers } = {}) {
    const racers = spec?.racers?.length ?? 1;
    if (racers === 1 && Number(spec?.train?.shards) > 1) {
      const count = splitWorkers(spec.train.shards, workers);
      if (count > 1) return TrainingPool._split(spec, corpus, maxSteps, count, workers === undefined);
    }
    const count = Math.max(1, Math.min(racers, Math.floor(workers ?? defaultWorkers(racers))));
    if (count === 1) return TrainingRun.create(spec, corpus, { maxSteps });
    const parts = Array.from({ length: count }, (_, w) => ({
      ...spec,
      racers: spec.racers.filter((_, i) => i % count === w),
    }));
    const runs = [];
    try {
      // the Workers never stop on their own at a step count: the pool decides every round
      for (const part of parts) runs.push(await TrainingRun.create(part, corpus, { maxSteps: Infinity }));
    } catch (err) {
      runs.forEach((r) => r.terminate());
      throw err;
    }
    return new TrainingPool(runs, racers, maxSteps);
  }

  /**
   * One model on `count` Workers, each joined to every other by a MessageChannel of their own; when `ifItPays`,
   * a model whose steps are too small to gain stays on its first Worker, a plain TrainingRun.
   */
  static async _split(spec, corpus, maxSteps, count, ifItPays) {
    const runs = [];
    try {
      runs.push(await TrainingRun.create(spec, corpus, { maxSteps: Infinity }));
      if (ifItPays && stepWork(runs[0].info) < SPLIT_MIN_WORK) {
        runs[0].setMaxSteps(maxSteps);
        return runs[0];
      }
      for (let w = 1; w < count; w++) runs.push(await TrainingRun.create(spec, corpus, { maxSteps: Infinity }));
    } catch (err) {
      runs.forEach((r) => r.terminate());
      throw err;
    }
    const ports = runs.map(() => []);
    for (let a = 0; a < count; a++)
      for (let b = a + 1; b < count; b++) {
        const channel = new MessageChannel();
        ports[a].push(channel.port1);
        ports[b].push(channel.port2);
      }
    runs.forEach((run, w) => run._joinSplit(w, count, ports[w]));
    return new TrainingPool(runs, 1, maxSteps, true);
  }

  constructor(runs, racers, maxSteps, split = false) {
    super();
    this._split = split; // one model over every Worker: Worker 0 speaks for all
    this._runs = runs;
    this._racers = racers;
    this._maxSteps = maxSteps;
    this._pace = 0;
    this._running = false; // continuous training asked for
    this._round = null; // the round in flight: { goal, waiting: Set of workers }
    this._roundSize = 1;
    this._queue = []; // step(n) calls that came during a round
    this._pending = []; // the round's results so far, one part per Worker report
    this._steps = runs.map(() => 0);
    this._elapsed = runs.map(() => 0);
    this._rate = runs.map(() => 0);
    this._done = runs.map(() => false); // every racer of this Worker diverged
    this._dead = null;
    this._settings = []; // split: settings waiting for the round in flight to end
    this._requests = []; // split: requests waiting for the rounds asked for before them
    this.lr = new Array(racers).fill(0);
    this.info = this._mergeInfo(runs.map((r) => r.info));
    runs.forEach((run, w) => {
      run.addEventListener('progress', (e) => this._progress(w, e.detail));
      run.addEventListener('diverged', (e) => {
        if (!this._split || w === 0) this._emit('diverged', { ...e.detail, racer: this._global(w, e.detail.racer) });
      });
      run.addEventListener('stopped', (e) => {
        if (e.detail.reason === 'all_diverged') this._workerDone(w);
      });
      run.addEventListener('error', (e) => this._fail(e.detail)); // one Worker failing ends the race
    });
  }

  /** The number of Workers the race runs on. */
  get workers() {
    return this._runs.length;
  }

  /** Steps every racer has taken (the Workers are in lockstep between rounds). */
  get steps() {
    const live = this._steps.filter((_, w) => !this._done[w]);
    return Math.min(...(live.length ? live : this._steps));
  }

  _global(w, local) {
    return this._split ? local : local * this._runs.length + w;
  }

  _owner(racer) {
    const r = Math.floor(Number(racer));
    if (!(r >= 0 && r < this._racers))
      throw new TinyformerError(`racer ${racer} is out of range`, 'bad_racer', r, this._racers);
    if (this._split) return { run: this._runs[0], local: r };
    return { run: this._runs[r % this._runs.length], local: Math.floor(r / this._runs.length) };
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  _mergeInfo(infos) {
    if (this._split) return { ...infos[0], workers: infos.length, split: true };
    const racers = new Array(this._racers);
    infos.forEach((info, w) =>
      (info?.racers ?? []).forEach((r, local) => {
        racers[this._global(w, local)] = r;
      }),
    );
    return { ...infos[0], racers, workers: infos.length };
  }

  _progress(w, d) {
    const racer = new Int32Array(d.results.racer.length);
    for (let i = 0; i < racer.length; i++) racer[i] = this._global(w, d.results.racer[i]);
    this._steps[w] = d.steps;
    this._elapsed[w] = d.elapsedMs;
    this._rate[w] = d.tokensPerSecond;
    if (this._split && w > 0) return this._check(w); // the same steps as Worker 0's
    d.lr.forEach((lr, local) => {
      this.lr[this._global(w, local)] = lr;
    });
    this._pending.push({ ...d.results, racer });
    this._check(w);
    if (!this._round) this._flush(); // a round reports once, when all its Workers have
  }

  /** One progress event for what the Workers reported, rows in the order one Worker gives (step, then racer). */
  _flush() {
    if (this._pending.length === 0) return;
    const parts = this._pending;
    this._pending = [];
    const rows = [];
    parts.forEach((p, k) => {
      for (let i = 0; i < p.racer.length; i++) rows.push([k, i]);
    });
    rows.sort(
      ([ka, ia], [kb, ib]) => parts[ka].step[ia] - parts[kb].step[ib] || parts[ka].racer[ia] - parts[kb].racer[ib],
    );
    const results = {};
    for (const key of Object.keys(parts[0])) {
      const column = new parts[0][key].constructor(rows.length);
      rows.forEach(([k, i], j) => {
        column[j] = parts[k][key][i];
      });
      results[key] = column;
    }
    this._emit('progress', {
      results,
      steps: this.steps,
      running: this._running,
      tokensPerSecond: this._split ? this._rate[0] : this._rate.reduce((a, b) => a + b, 0),
      elapsedMs: Math.max(...this._elapsed),
      lr: [...this.lr],
    });
  }

  _workerDone(w) {
    this._done[w] = true;
    this._check(w);
  }

  /** A Worker reported: is the round complete? */
  _check(w) {
    const round = this._round;
    if (!round || !round.waiting.has(w)) return;
    if (!this._done[w] && this._steps[w] < round.goal) return;
    round.waiting.delete(w);
    if (round.waiting.size === 0) this._roundDone(round);
  }

  /** Every live Worker takes `n` steps; `after` runs when all have reported them. */
  _startRound(n, after) {
    const live = this._runs.map((_, w) => w).filter((w) => !this._done[w]);
    if (live.length === 0) return after();
    const goal = Math.max(...live.map((w) => this._steps[w])) + n;
    this._round = { goal, waiting: new Set(live), after, started: performance.now(), n };
    for (const w of live) this._runs[w].step(goal - this._steps[w]);
  }

  _roundDone(round) {
    this._round = null;
    this._settings.splice(0).forEach((apply) => apply());
    this._flush();
    if (this._pace === 0 && round.n === this._roundSize) {
      // the next round takes about ROUND_MS of wall time
      const ms = Math.max(1, performance.now() - round.started);
      this._roundSize = Math.max(1, Math.min(1000, Math.round(this._roundSize * Math.min(4, ROUND_MS / ms))));
    }
    round.after();
    // the next round, if any, is on its way: a request sent now is answered after it, in the Worker
    if (this._queue.length === 0) this._requests.splice(0).forEach((r) => r.send());
  }

  _allDiverged() {
    return this._done.every(Boolean);
  }

  /** Continuous training: rounds until the step budget, a pause, or every racer diverged. */
  _next() {
    if (this._round || this._dead) return;
    if (this._queue.length) {
      const n = this._queue.shift();
      this._startRound(n, () => {
        this._afterStep();
        this._next();
      });
      return;
    }
    if (!this._running) return;
    if (this._allDiverged()) return this._stop('all_diverged');
    const left = this._maxSteps - this.steps;
    if (left <= 0) return this._stop('max_steps');
    const n = this._pace > 0 ? 1 : Math.min(this._roundSize, left);
    const t0 = performance.now();
    this._startRound(n, () => {
      const wait = this._pace > 0 ? Math.max(0, 1000 / this._pace - (performance.now() - t0)) : 0;
      if (wait > 0) setTimeout(() => this._next(), wait);
      else this._next();
    });
  }

  _afterStep() {
    if (this._allDiverged()) this._stop('all_diverged');
    else if (this.steps >= this._maxSteps) this._stop('max_steps');
  }

  _stop(reason) {
    this._running = false;
    this._emit('stopped', { reason, steps: this.steps });
  }

  _fail(detail) {
    if (this._dead) return;
    this._dead = detail;
    this._running = false;
    this._round = null;
    this._requests.splice(0).forEach((r) => r.reject(new TinyformerError(detail.message, detail.code)));
    this._runs.forEach((r) => {
      try {
        r.terminate();
      } catch {
        /* already stopped */
      }
    });
    this._emit('error', detail);
  }

  _alive() {
    if (this._dead) throw new TinyformerError(this._dead.message, this._dead.code);
  }

  start() {
    this._alive();
    this._running = true;
    this._next();
  }

  resume() {
    this.start();
  }

  /** Stops after the round in flight, so every racer stands at the same step. */
  pause() {
    this._alive();
    this._running = false;
    this._queue.length = 0;
    const paused = () => this._emit('paused', { steps: this.steps });
    if (!this._round) return paused();
    const after = this._round.after;
    this._round.after = () => {
      after();
      paused();
    };
  }

  /** n steps now (pauses continuous training). */
  step(n = 1) {
    this._alive();
    this._running = false;
    this._queue.push(Math.max(1, Math.floor(Number(n) || 1)));
    this._next();
  }

  /** A split model's copies must all change together; a racer lives in one Worker. */
  _owners(racer) {
    const owner = this._owner(racer);
    return this._split ? this._runs.map((run) => ({ run, local: owner.local })) : [owner];
  }

  /** A setting of a split model lands between rounds, so every copy takes it before the same step. */
  _between(fn) {
    if (this._split && this._round) this._settings.push(fn);
    else fn();
  }

  setLearningRate(racer, lr) {
    const owners = this._owners(racer);
    this._between(() => owners.forEach(({ run, local }) => run.setLearningRate(local, lr)));
  }

  setSamplingProb(racer, p) {
    const owners = this._owners(racer);
    this._between(() => owners.forEach(({ run, local }) => run.setSamplingProb(local, p)));
  }

  /** Continuous training at most this many steps per second, each step posted (0 = full speed). */
  setPace(stepsPerSecond) {
    this._pace = Math.max(0, Math.min(1000, Number(stepsPerSecond) || 0));
  }

  /** Continuous training stops (event 'stopped', reason 'max_steps') after this many steps in all. */
  setMaxSteps(maxSteps) {
    this._maxSteps = maxSteps ?? Infinity;
  }

  _ask(racer, fn) {
    try {
      const { run, local } = this._owner(racer);
      // A split model's Workers step asynchronously, so Worker 0 could answer between two steps of a round: a
      // request waits for the rounds asked for before it, as a TrainingRun's request waits behind its steps.
      if (this._split && (this._round || this._queue.length))
        return new Promise((resolve, reject) =>
          this._requests.push({ send: () => fn(run, local).then(resolve, reject), reject }),
        );
      return fn(run, local);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  save(racer = 0) {
    return this._ask(racer, (run, r) => run.save(r));
  }
  inspect(racer, text) {
    return this._ask(racer, (run, r) => run.inspect(r, text));
  }
  sample(racer, prompt, options = {}) {
    return this._ask(racer, (run, r) => run.sample(r, prompt, options));
  }
  evaluate(racer = 0, maxBatches = 4) {
    return this._ask(racer, (run, r) => run.evaluate(r, maxBatches));
  }
  optimizerState(racer, param, which) {
    return this._ask(racer, (run, r) => run.optimizerState(r, param, which));
  }
  saveModel(racer = 0) {
    return this._ask(racer, (run, r) => run.saveModel(r));
  }
  translate(racer, sentences, options = {}) {
    return this._ask(racer, (run, r) => run.translate(r, sentences, options));
  }
  scoreTranslations(racer = 0, maxPairs = 0) {
    return this._ask(racer, (run, r) => run.scoreTranslations(r, maxPairs));
  }
  heldOutPairs() {
    return this._runs[0].heldOutPairs();
  }

  /** @returns {Promise<object>} the trainer's info, racers in the race's order */
  refreshInfo() {
    return Promise.all(this._runs.map((r) => r.refreshInfo())).then((infos) => {
      this.info = this._mergeInfo(infos);
      return this.info;
    });
  }

  /** Stops every Worker for good (event 'error', code 'terminated', as TrainingRun.terminate). */
  terminate() {
    this._fail({ code: 'terminated', message: 'the training run was stopped' });
  }
}
