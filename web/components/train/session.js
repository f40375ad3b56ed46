// TrainSession: one training run of the page (one racer, or several racing in lockstep) on a TrainingPool: a
// race spreads its racers over one Worker per core, one big enough model splits each batch over 2 (the same
// numbers as one Worker either way), and otherwise it is a plain TrainingRun.
// It records what the engine reports — every step's loss per
// racer, the held-out losses it is asked for every few seconds, tokens/s, elapsed time — and
// tells the views through events. It computes no model numbers itself.
//
//   const s = await TrainSession.create(settings, corpus);   // throws TinyformerError (bad text, ...)
//   s.addEventListener('update', () => draw(s.history));     // after progress (≤ 10 per second)
//   s.addEventListener('periodic', ...);                     // every few seconds while training
//   s.start(); s.pause(); s.resume(); s.step(); s.extend(200); s.setLearningRate(0, 0.01);
//   s.dispose();
//
// Events: update, evaluated, sampled {racer, step, text}, periodic, diverged {racer, step, value, reason, numbers},
// state {state: 'ready'|'running'|'paused'|'finished'|'diverged'|'error'}, error {error}.
import { TrainingPool } from '../../lib/training-pool.js';
import { TinyformerError } from '../../lib/tinyformer.js';
import { racerList, trainerSpec } from './settings.js';

// The held-out loss every second (it costs about as much as one training step of batch 16, a percent or two of the
// time), so the learner sees the curve cross a value within ~1 s of it happening; samples and the views' snapshots
// (optimizer state, look inside) every third round, every 3 s, as before the period was cut from 1.5 s.
const PERIOD_MS = 1000;
const FULL_EVERY = 3;
const MAX_SNAPSHOTS = 400; // samples kept per racer for the timeline
const EVAL_WINDOWS = 64; // held-out windows (of the model's context) per held-out loss: 4 batches of 16

export class TrainSession extends EventTarget {
  /**
   * Sets up training in a Worker. Rejects with the engine's TinyformerError for bad text or settings.
   * `tinyformer` (the main-thread engine) is used only to recover an error's second number (e.g. the size
   * cap of text_too_large, the minimum of corpus_too_short), which the Worker protocol drops.
   * @returns {Promise<TrainSession>}
   */
  static async create(settings, corpus, { tinyformer = null, periodMs = PERIOD_MS, workers } = {}) {
    let run;
    try {
      // a race spreads over one Worker per core, one model over its shards' Workers, with one Worker's numbers
      run = await TrainingPool.create(trainerSpec(settings), corpus, { maxSteps: settings.steps, workers });
    } catch (err) {
      throw TrainSession._complete(err, settings, corpus, tinyformer);
    }
    return new TrainSession(run, settings, periodMs);
  }

  static _complete(err, settings, corpus, tinyformer) {
    if (!tinyformer || !(err?.detail2 === -1 || err?.detail2 === undefined)) return err;
    if (!['corpus_too_short', 'text_too_large'].includes(err.code)) return err;
    // the same check on this thread: both errors are raised before any real work is done
    try {
      tinyformer.createTrainer(trainerSpec(settings), corpus).dispose();
    } catch (full) {
      if (full?.code === err.code) return full;
    }
    return err;
  }

  constructor(run, settings, periodMs) {
    super();
    this.run = run;
    this.settings = JSON.parse(JSON.stringify(settings)); // as created (the worker stops at settings.steps)
    this.info = run.info;
    this.racers = racerList(settings).map((r, i) => ({ ...r, index: i, lr: r.lr }));
    this.history = this.racers.map(() => ({ steps: [], loss: [], evalSteps: [], evalLoss: [], diverged: null }));
    this.samples = this.racers.map(() => []);
    this.steps = 0;
    this.target = settings.steps;
    this.tokensPerSecond = 0;
    this.elapsedMs = 0;
    this.pace = 0; // steps per second (0 = full speed)
    this._rate = []; // [{ms, tokens}] of the last progress events: tokens/s over ~2 s of training
    this._sampling = false;
    this._sampledLoss = null; // the loss when the last sample was written
    this.state = 'ready';
    this.samplePrompt = '';
    this.savedAtStep = 0;
    this.periodMs = periodMs;
    // the held-out loss is taken over the same number of text windows whatever the batch size (64: on the ko
    // corpus, its whole held-out tenth), so a smaller batch does not make the held-out figure noisier
    this.evalBatches = Math.max(1, Math.ceil(EVAL_WINDOWS / (run.info?.batch_size || 16)));
    this._timer = null;
    this._busy = false;
    this._pumping = false;
    this._pumpGen = 0;
    this._disposed = false;
    run.addEventListener('progress', (e) => this._progress(e.detail));
    run.addEventListener('diverged', (e) => this._diverged(e.detail));
    run.addEventListener('stopped', (e) => this._stopped(e.detail));
    run.addEventListener('paused', () => {
      if (!this._pumping && this.state === 'running') this._setState('paused');
    });
    run.addEventListener('error', (e) => {
      if (this._disposed) return;
      this._stopTimer();
      this.lastError = new TinyformerError(e.detail.message, e.detail.code, e.detail.detail);
      this._setState('error');
      this.dispatchEvent(new CustomEvent('error', { detail: { error: this.lastError } }));
    });
  }

  /** Has this session trained steps that were not saved to a file since? */
  get unsaved() {
    return this.steps > this.savedAtStep;
  }

  _setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: { state } }));
  }

  _progress(d) {
    const r = d.results;
    for (let i = 0; i < r.racer.length; i++) {
      const h = this.history[r.racer[i]];
      h.steps.push(r.step[i]); // the engine's 1-based step number (StepResult.step)
      h.loss.push(r.loss[i]);
    }
    this.steps = d.steps;
    this.elapsedMs = d.elapsedMs;
    this._smoothRate(r);
    d.lr.forEach((lr, i) => {
      this.racers[i].lr = lr;
    });
    this.dispatchEvent(new CustomEvent('update'));
    this._maybeSample();
    if (this.state === 'running' && !this._pumping && this.steps >= this.target) {
      // the target was lowered below the worker's own stopping point
      this.run.pause();
      this._stopTimer();
      this._setState('finished');
      this.periodic();
    }
  }

  /**
   * Tokens per second of training: the tokens the engine counted over the worker's active training time of
   * the last ~2 s (the pauses between paced steps and between requests are not training time), so the
   * readout is steady instead of jumping with each message's timing.
   */
  _smoothRate(r) {
    let tokens = 0;
    for (let i = 0; i < r.tokens.length; i++) tokens += r.tokens[i];
    this._rate.push({ ms: this.elapsedMs, tokens });
    while (this._rate.length > 2 && this.elapsedMs - this._rate[1].ms >= 2000) this._rate.shift();
    const first = this._rate[0];
    const ms = this.elapsedMs - first.ms;
    const counted = this._rate.slice(1).reduce((a, x) => a + x.tokens, 0);
    if (ms >= 50 && counted > 0) this.tokensPerSecond = (counted * 1000) / ms;
  }

  /** The live racers' newest training loss (mean of the last few steps): what the learner sees move. */
  _currentLoss() {
    let best = Infinity;
    for (const h of this.history) {
      if (h.diverged || !h.loss.length) continue;
      const last = h.loss.slice(-5);
      best = Math.min(best, last.reduce((a, b) => a + b, 0) / last.length);
    }
    return best;
  }

  /**
   * Samples at every visible change: a new sample from each racer whenever the loss has moved by 0.15 or
   * by a tenth since the last one (early on that is every few steps, later rarely), one round at a time.
   */
  _maybeSample() {
    if (this._sampling || !this.samplePrompt || this.state !== 'running') return;
    const loss = this._currentLoss();
    if (!Number.isFinite(loss)) return;
    const last = this._sampledLoss;
    if (last !== null && Math.abs(loss - last) < Math.max(0.15, 0.1 * last)) return;
    this._sampledLoss = loss;
    this.sampleNow();
  }

  /** A sample from every live racer now (a snapshot of its weights); recorded for the timeline. */
  async sampleNow() {
    if (this._sampling || this._disposed || !this.samplePrompt) return;
    this._sampling = true;
    try {
      for (const r of this.racers) {
        if (this.history[r.index].diverged) continue;
        const prompt = this.samplePrompt;
        const out = await this.run.sample(r.index, prompt, { maxTokens: 40, temperature: 0.8, seed: 1 });
        if (this._disposed) return;
        const list = this.samples[r.index];
        const at = out.steps ?? this.steps;
        if (list.at(-1)?.step === at) list.pop();
        list.push({ step: at, prompt, text: out.text });
        if (list.length > MAX_SNAPSHOTS) list.splice(1, 1); // keep the first (untrained) one
        this.dispatchEvent(new CustomEvent('sampled', { detail: { racer: r.index, step: at, text: out.text } }));
      }
    } catch (err) {
      if (!this._disposed && err?.code !== 'terminated')
        this.dispatchEvent(new CustomEvent('error', { detail: { error: err } }));
    } finally {
      this._sampling = false;
    }
  }

  /** The engine's training loss of `racer` at `step` (the nearest recorded step at or before it). */
  lossAt(racer, step) {
    const h = this.history[racer];
    let lo = 0,
      hi = h.steps.length - 1,
      found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (h.steps[mid] <= step) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 ? { step: h.steps[found], loss: h.loss[found] } : null;
  }

  /** At most `stepsPerSecond` steps a second while running, each one shown (0 = full speed). */
  setPace(stepsPerSecond) {
    this.pace = Math.max(0, Number(stepsPerSecond) || 0);
    this.run.setPace(this.pace);
    this.dispatchEvent(new CustomEvent('update'));
  }

  /** A new target number of steps (live): training stops there, or goes on to it. */
  setTarget(n) {
    this.target = Math.max(1, n);
    if (this.state === 'finished' && this.steps < this.target) this._setState('paused');
    else if (this.state === 'paused' && this.steps >= this.target) this._setState('finished');
    this.dispatchEvent(new CustomEvent('update'));
  }

  _diverged({ racer, step, divergence }) {
    const h = this.history[racer];
    // the loss the engine reported at that step, and the engine's reason with its numbers
    // (divergence: {reason, start_loss, loss, best_loss, grad_norm, start_grad_norm}, null from an older worker)
    const at = h.steps.lastIndexOf(step);
    h.diverged = {
      step,
      value: at >= 0 ? h.loss[at] : NaN,
      reason: divergence?.reason ?? 'not_finite',
      numbers: divergence ?? {},
    };
    this.dispatchEvent(new CustomEvent('diverged', { detail: { racer, ...h.diverged } }));
  }

  _stopped({ reason }) {
    if (this._pumping) return; // extend() drives chunks of steps; each one reports "stopped"
    if (reason === 'max_steps' && this.state === 'running' && this.steps < this.target && !this.allDiverged) {
      this._pumping = true;
      this._pump();
      return;
    }
    this._stopTimer();
    this._setState(this.allDiverged ? 'diverged' : this.steps >= this.target ? 'finished' : 'paused');
    this.periodic();
  }

  /** Starts (or resumes) training toward the target number of steps. */
  start() {
    if (this.state === 'running' || this.steps >= this.target || this.allDiverged) return;
    this._setState('running');
    this._startTimer();
    if (this.steps < this.settings.steps) this.run.start();
    else {
      this._pumping = true;
      this._pump();
    }
  }

  pause() {
    if (this.state !== 'running') return;
    this._pumping = false;
    this.run.pause();
    this._stopTimer();
    this._setState('paused');
    this.periodic();
  }

  /** n steps now (pauses continuous training); the held-out loss follows. */
  step(n = 1) {
    if (this.allDiverged) return;
    this._pumping = false;
    this._stopTimer();
    this.run.step(n);
    this.target = Math.max(this.target, this.steps + n);
    this._setState('paused');
    this.periodic(); // its requests queue behind the step in the worker
  }

  /** Raises the target by `n` steps and trains on. */
  extend(n) {
    if (this.allDiverged) return;
    this.target = Math.max(this.target, this.steps) + n;
    this.start();
  }

  /**
   * The worker stops for good at the step count it was created with (settings.steps), so steps past
   * it are asked for in chunks of about 50 ms of work each, until the target is reached.
   */
  _pump() {
    if (!this._pumping || this._disposed) return;
    const left = this.target - this.steps;
    if (left <= 0 || this.allDiverged) {
      this._pumping = false;
      this._stopTimer();
      this._setState(this.allDiverged ? 'diverged' : 'finished');
      this.periodic();
      return;
    }
    const tokensPerStep = this.info.batch_size * this.info.seq_len * this.racers.length;
    const chunk =
      this.pace > 0
        ? 1
        : Math.max(1, Math.min(left, Math.round(((this.tokensPerSecond || 5000) * 0.05) / tokensPerStep)));
    const wait = this.pace > 0 ? 1000 / this.pace : 0;
    const before = this.steps;
    const gen = ++this._pumpGen;
    const onUpdate = () => {
      if (this.steps < before + chunk && !this.allDiverged) return;
      this.removeEventListener('update', onUpdate);
      if (gen === this._pumpGen) setTimeout(() => this._pump(), wait);
    };
    this.addEventListener('update', onUpdate);
    this.run.step(chunk);
  }

  get allDiverged() {
    return this.history.every((h) => h.diverged);
  }

  setLearningRate(racer, lr) {
    this.run.setLearningRate(racer, lr);
    this.racers[racer].lr = lr;
  }

  setSamplingProb(racer, p) {
    this.run.setSamplingProb(racer, p);
    this.racers[racer].samplingProb = p;
  }

  _startTimer() {
    if (this._timer) return;
    this._timer = setInterval(
      () => this.periodic({ light: (this._round = (this._round ?? 0) + 1) % FULL_EVERY !== 0 }),
      this.periodMs,
    );
  }

  _stopTimer() {
    clearInterval(this._timer);
    this._timer = null;
  }

  /**
   * Asks the engine for a held-out loss of every live racer and (unless `light`) a sample from each,
   * then tells the views ('periodic') so they can refresh their own snapshots. One round at a time.
   */
  async periodic({ light = false } = {}) {
    if (this._busy || this._disposed) return;
    this._busy = true;
    try {
      const step = this.steps;
      for (const r of this.racers) {
        if (this.history[r.index].diverged) continue;
        const loss = await this.run.evaluate(r.index, this.evalBatches);
        const h = this.history[r.index];
        const at = Math.max(step, this.steps);
        if (h.evalSteps.at(-1) === at) h.evalLoss[h.evalLoss.length - 1] = loss;
        else {
          h.evalSteps.push(at);
          h.evalLoss.push(loss);
        }
      }
      this.dispatchEvent(new CustomEvent('evaluated'));
      if (light) return;
      await this.sampleNow();
      this.dispatchEvent(new CustomEvent('periodic'));
    } catch (err) {
      if (!this._disposed && err?.code !== 'terminated') {
        this.dispatchEvent(new CustomEvent('error', { detail: { error: err } }));
      }
    } finally {
      this._busy = false;
    }
  }

  /** Checkpoint bytes of one racer (.safetensors with optimizer state). */
  async save(racer = 0) {
    const bytes = await this.run.save(racer);
    this.savedAtStep = this.steps;
    return bytes;
  }

  dispose() {
    this._disposed = true;
    this._pumping = false;
    this._stopTimer();
    this.run.terminate();
  }
}
