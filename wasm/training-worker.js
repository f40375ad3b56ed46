// The training Worker: owns a Trainer (one model, or several racing in lockstep) and runs it in
// chunks of a few milliseconds, so messages (pause, learning-rate changes, snapshots) get through
// between chunks and the page never freezes. Progress is posted at a bounded rate, as typed arrays
// transferred (not copied). Driven by TrainingRun in training.js; see that file for the protocol.
import { createTinyformer, TinyformerError } from './tinyformer.js';

const CHUNK_MS = 25; // target time of one uninterrupted burst of steps
const PROGRESS_MS = 100; // at most ~10 progress messages per second

let trainer = null;
let running = false;
let maxSteps = Infinity;
let stepsPerChunk = 1;
let pending = null; // results not yet posted
let lastPost = 0;
let tokensSincePost = 0;
let startedAt = 0,
  activeMs = 0;
let diverged = []; // per racer
let pace = 0; // steps per second while running; 0 = full speed (chunks of ~CHUNK_MS)
let vocab = null; // seq2seq: { source, target } token texts by id (labels for the maps)
let arch = 'gpt';
const enginePromise = createTinyformer();

// The next chunk runs as soon as the messages that came in meanwhile are handled: a message to ourselves, not
// setTimeout(0), which browsers clamp to 4 ms once nested (a sixth of a 25 ms chunk lost to waiting).
const nextChunk = new MessageChannel();
nextChunk.port1.onmessage = () => tick();
const soon = () => nextChunk.port2.postMessage(null);

function errorFields(err) {
  return {
    code: err?.code ?? 'internal',
    message: err?.message ?? String(err),
    detail: err?.detail ?? -1,
    detail2: err?.detail2 ?? -1,
  };
}

function append(results) {
  if (!pending) {
    pending = { ...results };
    return;
  }
  for (const key of Object.keys(results)) {
    const merged = new results[key].constructor(pending[key].length + results[key].length);
    merged.set(pending[key]);
    merged.set(results[key], pending[key].length);
    pending[key] = merged;
  }
}

function flush(force = false) {
  const now = performance.now();
  if (!pending || (!force && now - lastPost < PROGRESS_MS)) return;
  const seconds = Math.max(1e-3, (now - lastPost) / 1000);
  const msg = {
    type: 'progress',
    results: pending,
    steps: trainer.steps,
    running,
    tokensPerSecond: tokensSincePost / seconds,
    elapsedMs: activeMs,
    lr: Array.from({ length: trainer.racers }, (_, r) => trainer.learningRate(r)),
  };
  self.postMessage(
    msg,
    Object.values(pending).map((a) => a.buffer),
  );
  pending = null;
  tokensSincePost = 0;
  lastPost = now;
}

function runSteps(n) {
  const t0 = performance.now();
  const results = trainer.step(n);
  return record(results, performance.now() - t0);
}

/** Books a chunk of steps' results: timing, tokens, the progress to post, divergence. Why training stops, or null. */
function record(results, ms) {
  activeMs += ms;
  for (let i = 0; i < results.tokens.length; i++) tokensSincePost += results.tokens[i];
  append(results);
  for (let i = 0; i < results.diverged.length; i++) {
    if (!results.diverged[i]) continue;
    diverged[results.racer[i]] = true;
    // why, and the engine's numbers to explain it with (the DivergenceWatch's report)
    const why = trainer.info.racers[results.racer[i]]?.divergence ?? null;
    self.postMessage({ type: 'diverged', racer: results.racer[i], step: results.step[i], divergence: why });
  }
  if (diverged.every(Boolean)) return 'all_diverged';
  if (trainer.steps >= maxSteps) return 'max_steps';
  return null;
}

// Split steps (wasm/training-pool.js): this Worker is worker `index` of `workers` that train one model together.
// Each step it computes its block of the batch's shards, posts the block to every peer over their own
// MessagePort, waits for theirs, and finishes the step, so all hold the same weights after every step.
let split = null; // { first, count, index, peers: [{ port, inbox: [], waiting: null }], chain: Promise }

function joinSplit({ index, workers, ports }) {
  const shards = trainer.info.shards ?? 1;
  if (trainer.racers !== 1 || shards % workers !== 0)
    throw new TinyformerError('a split run trains one model whose shards divide among its Workers', 'bad_train_config');
  const count = shards / workers;
  const peers = ports.map((port) => {
    const peer = { port, inbox: [], waiting: null };
    port.onmessage = (e) => {
      if (peer.waiting) {
        const resolve = peer.waiting;
        peer.waiting = null;
        resolve(e.data);
      } else peer.inbox.push(e.data);
    };
    return peer;
  });
  split = { first: index * count, count, index, peers, chain: Promise.resolve() };
}

const receive = (peer) =>
  peer.inbox.length ? Promise.resolve(peer.inbox.shift()) : new Promise((resolve) => (peer.waiting = resolve));

async function runSplitSteps(n) {
  for (let i = 0; i < n; i++) {
    if (diverged.every(Boolean)) return 'all_diverged';
    const t0 = performance.now();
    const mine = trainer.stepPart(split.first, split.count);
    if (!mine) return 'all_diverged';
    const block = { k: split.index, ...mine };
    split.peers.forEach(({ port }, j) => {
      // the last peer takes the arrays themselves; the others get copies
      if (j === split.peers.length - 1) port.postMessage(block, [mine.part.buffer]);
      else port.postMessage(block);
    });
    const blocks = await Promise.all(split.peers.map(receive));
    blocks.forEach((b) => trainer.setPart(b.k, b));
    const reason = record(trainer.finishStep(), performance.now() - t0);
    if (reason) return reason;
  }
  return null;
}

/** n split steps after those already asked for; progress and the stop, if any, are posted when they are done. */
function splitSteps(n) {
  split.chain = split.chain.then(async () => {
    try {
      const reason = await runSplitSteps(n);
      flush(true);
      if (reason) stopWith(reason);
    } catch (err) {
      self.postMessage({ type: 'error', ...errorFields(err) });
    }
  });
}

function stopWith(reason) {
  running = false;
  flush(true);
  self.postMessage({ type: 'stopped', reason, steps: trainer.steps });
}

/** Paced training (slow motion): one lockstep step, posted at once, then a pause of 1 / pace seconds. */
function pacedTick() {
  if (!running || !trainer) return;
  try {
    const reason = runSteps(1);
    flush(true);
    if (reason) return stopWith(reason);
  } catch (err) {
    running = false;
    self.postMessage({ type: 'error', ...errorFields(err) });
    return;
  }
  if (pace > 0) setTimeout(pacedTick, 1000 / pace);
  else soon();
}

function tick() {
  if (!running || !trainer) return;
  if (pace > 0) return pacedTick();
  try {
    const t0 = performance.now();
    const n = Math.max(1, Math.min(stepsPerChunk, maxSteps - trainer.steps));
    const reason = runSteps(n);
    const ms = performance.now() - t0;
    // adapt the chunk so one burst takes about CHUNK_MS
    stepsPerChunk = Math.max(1, Math.min(1000, Math.round(stepsPerChunk * (ms > 0 ? CHUNK_MS / ms : 2))));
    flush();
    if (reason) return stopWith(reason);
  } catch (err) {
    running = false;
    self.postMessage({ type: 'error', ...errorFields(err) });
    return;
  }
  soon();
}

const requests = {
  save: ({ racer }) => {
    const bytes = trainer.save(racer);
    return { result: bytes, transfer: [bytes.buffer] };
  },
  inspect: ({ racer, text }) => {
    const model = trainer.snapshot(racer);
    try {
      const run = model.inspect(text);
      return {
        result: {
          tokens: run.tokens,
          ids: run.ids,
          loss: run.loss,
          names: run.names,
          tensors: run._tensors,
          config: run.config,
        },
      };
    } finally {
      model.dispose();
    }
  },
  sample: ({ racer, prompt, options }) => {
    const model = trainer.snapshot(racer);
    try {
      return { result: { ...model.generate(prompt, options), steps: trainer.steps } };
    } finally {
      model.dispose();
    }
  },
  evaluate: ({ racer, maxBatches }) => ({ result: trainer.evaluate(racer, maxBatches) }),
  optimizerState: ({ racer, param, which }) => {
    const data = trainer.optimizerState(racer, param, which);
    return { result: data, transfer: [data.buffer] };
  },
  info: () => ({ result: trainer.info }),
  // The model alone (no optimizer state), as Model.save / Translator.save / WordVectors.save write it (float32),
  // and the step it is from.
  saveModel: ({ racer }) => {
    const model =
      arch === 'seq2seq'
        ? trainer.snapshotTranslator(racer)
        : arch === 'cbow'
          ? trainer.snapshotWordVectors(racer)
          : trainer.snapshot(racer);
    try {
      const bytes = model.save();
      return { result: { bytes, steps: trainer.steps }, transfer: [bytes.buffer] };
    } finally {
      model.dispose();
    }
  },
  // seq2seq: fixed sentences translated by a snapshot of `racer` (training goes on). Per sentence: the text,
  // the token labels, and per decoder layer each written step's cross-attention (H, T steps, S source
  // positions); with a `reference`, the same for the decoder fed the reference (teacher forcing). A sentence
  // the model cannot read gets `error` instead; the others are still translated.
  translate: ({ racer, sentences, maxTokens = 32 }) => {
    if (!vocab) throw new TinyformerError('this training run trains a GPT, not an encoder-decoder', 'wrong_arch');
    const model = trainer.snapshotTranslator(racer);
    try {
      const transfer = [];
      const labels = (ids, side) => Array.from(ids, (id) => vocab[side][id] ?? String(id));
      const cross = (run) =>
        Array.from({ length: model.config.n_decoder_layer }, (_, l) => {
          const { data, shape } = run.tensor(`dec.h${l}.xattn.probs`);
          transfer.push(data.buffer);
          return { data, shape };
        });
      const one = ({ source, reference }) => {
        try {
          const r = model.translate(source, { maxTokens });
          const out = {
            source,
            text: r.text,
            finished: r.finished,
            probs: r.probs,
            sourceLabels: labels(r.inspection.source, 'source'),
            targetLabels: labels(r.ids, 'target'),
            cross: cross(r.inspection),
          };
          transfer.push(r.probs.buffer);
          if (typeof reference === 'string') {
            const f = model.inspect(source, reference);
            // written ids == reference ids then <eos>: the test score_translations applies to each pair
            const exact = r.ids.length === f.targets.length && r.ids.every((id, k) => id === f.targets[k]);
            out.forced = { reference, exact, loss: f.loss, targetLabels: labels(f.targets, 'target'), cross: cross(f) };
          }
          return out;
        } catch (err) {
          return { source, error: errorFields(err) };
        }
      };
      return { result: { steps: trainer.steps, sentences: sentences.map(one) }, transfer };
    } finally {
      model.dispose();
    }
  },
  // seq2seq: held-out exact match and token accuracy of `racer`, computed by the engine, at this step.
  score: ({ racer, maxPairs = 0 }) => ({
    result: { steps: trainer.steps, ...trainer.scoreTranslations(racer, maxPairs) },
  }),
  // seq2seq: the pairs `score` compares with, as written ({source, target, line}).
  heldOutPairs: () => ({ result: trainer.heldOutPairs() }),
};

function answer(msg) {
  if (pending) flush(true); // the steps a reply speaks of arrive before it
  try {
    const { result, transfer = [] } = requests[msg.what](msg);
    self.postMessage({ type: 'reply', id: msg.id, result }, transfer);
  } catch (err) {
    self.postMessage({ type: 'reply', id: msg.id, error: errorFields(err) });
  }
}

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    if (msg.type === 'init') {
      const engine = await enginePromise;
      trainer?.dispose();
      trainer = engine.createTrainer(msg.spec, msg.corpus);
      maxSteps = msg.maxSteps ?? Infinity;
      diverged = new Array(trainer.racers).fill(false);
      startedAt = performance.now();
      lastPost = startedAt;
      const info = trainer.info;
      arch = info.arch ?? 'gpt';
      vocab = info.arch === 'seq2seq' ? { source: info.src_vocab, target: info.vocab } : null;
      self.postMessage({ type: 'ready', info, simdArch: engine.simdArch });
      return;
    }
    if (!trainer) throw new TinyformerError('training has not been set up', 'no_model');
    switch (msg.type) {
      case 'start':
      case 'resume':
        // a split run moves in rounds of steps set by its pool (every Worker must take the same steps)
        if (split) throw new TinyformerError('a split run takes steps in rounds, not on its own', 'internal');
        if (!running) {
          running = true;
          lastPost = performance.now();
          tokensSincePost = 0;
          soon();
        }
        break;
      case 'pause':
        running = false;
        flush(true);
        self.postMessage({ type: 'paused', steps: trainer.steps });
        break;
      case 'split':
        joinSplit(msg);
        break;
      case 'step': {
        running = false;
        if (split) {
          splitSteps(msg.n ?? 1);
          break;
        }
        const reason = runSteps(msg.n ?? 1);
        flush(true);
        if (reason) stopWith(reason);
        break;
      }
      case 'setLearningRate':
        trainer.setLearningRate(msg.racer, msg.lr);
        break;
      case 'setMaxSteps':
        maxSteps = msg.maxSteps ?? Infinity;
        break;
      case 'setSamplingProb':
        trainer.setSamplingProb(msg.racer, msg.p);
        break;
      case 'setPace':
        pace = Math.max(0, Math.min(1000, Number(msg.stepsPerSecond) || 0));
        break;
      case 'request':
        // a split run's steps are asynchronous: the request waits behind those asked for before it
        if (split) split.chain = split.chain.then(() => answer(msg));
        else answer(msg);
        break;
      default:
        throw new TinyformerError(`unknown message ${msg.type}`, 'internal');
    }
  } catch (err) {
    self.postMessage({ type: 'error', ...errorFields(err) });
  }
};
