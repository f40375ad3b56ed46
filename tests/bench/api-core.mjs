// The reference workload through tinyformer's JS API (what the page calls), in Node or in a browser:
// training tokens/s via Trainer.step(n) and inspection latency via Model.inspect(ids).
// Returns the same shape as the C++ bench's JSON ({metrics: [{id, what, unit, samples}], checks, ...}).
import { MODEL_SETTINGS, REFERENCE, syntheticCorpus } from './workload.mjs';

/**
 * @param {{createTinyformer: Function}} lib  the module wasm/tinyformer.js
 * @param {{steps?: number, reps?: number}} [options]
 */
export async function runApi(lib, { steps = 20, reps = 3 } = {}) {
  const { B, T } = REFERENCE;
  const engine = await lib.createTinyformer();
  const corpus = syntheticCorpus(1 << 17);
  const spec = {
    model: MODEL_SETTINGS,
    seed: 1337,
    valFraction: 0,
    train: { batchSize: B, seqLen: T },
    racers: [{ name: 'adam', optimizer: { kind: 'adam', lr: REFERENCE.lr } }],
  };
  const metrics = [];
  const checks = [];
  const trainer = engine.createTrainer(spec, corpus);
  const info = trainer.info;
  const vocab = info.config?.vocab_size ?? info.vocab?.length;
  checks.push({
    check: 'JS API model: vocab 96, 108,288 parameters',
    vocab,
    params: info.num_parameters,
    ok: vocab === REFERENCE.vocab && info.num_parameters === REFERENCE.params,
  });

  const first = trainer.step(1).loss[0];
  // warm-up as in bench.cpp: at least 3 steps and 0.3 s (JIT tiers, clocks)
  for (let i = 0, w0 = performance.now(); i < 3 || performance.now() - w0 < 300; i++) trainer.step(1);
  const tps = [];
  let last = first;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const res = trainer.step(steps);
    const sec = (performance.now() - t0) / 1000;
    tps.push((steps * B * T) / sec);
    last = res.loss[res.loss.length - 1];
  }
  metrics.push({
    id: 'api_train_tokens_per_s',
    what: 'training tokens/s via JS API Trainer.step (B=16 T=32, Adam)',
    unit: 'tokens/s',
    samples: tps,
  });
  checks.push({
    check: 'JS API: first loss near ln 96, then falls',
    first,
    last,
    ok: Math.abs(first - Math.log(96)) < 0.3 && last < first,
  });

  // inspection through the JS API: the engine's forward with every intermediate + copies into JS arrays
  const model = trainer.snapshot(0);
  const ids = model.encode(corpus.slice(0, T));
  // the page inspects at every keystroke: measure it warm (V8 tiers wasm and JS up over the first calls)
  for (let i = 0; i < 30; i++) model.inspect(ids);
  const ms = [];
  let names = 0;
  const perSample = 5;
  for (let r = 0; r < 4 * reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < perSample; i++) names = model.inspect(ids).names.length;
    ms.push((performance.now() - t0) / perSample);
  }
  metrics.push({
    id: 'api_inspect_ms',
    what: 'inspection latency via JS API Model.inspect (32 tokens, all tensors to JS)',
    unit: 'ms',
    samples: ms,
  });
  // what the watch page copies now: only the records of the stage on screen (the attention stage, one layer)
  const layer = model.inspect(ids).names.filter((n) => n.startsWith('h0.attn.'));
  for (let i = 0; i < 30; i++) model.inspect(ids, { tensors: layer });
  const msLayer = [];
  for (let r = 0; r < 4 * reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < perSample; i++) model.inspect(ids, { tensors: layer });
    msLayer.push((performance.now() - t0) / perSample);
  }
  metrics.push({
    id: 'api_inspect_layer_ms',
    what: `inspection latency via JS API Model.inspect (32 tokens, the ${layer.length} records of one layer's attention)`,
    unit: 'ms',
    samples: msLayer,
  });
  metrics.push({
    id: 'api_memory_mb',
    what: 'wasm memory after training + inspection (memoryBytes)',
    unit: 'MB',
    samples: [engine.memoryBytes / 1e6],
  });
  model.dispose();
  trainer.dispose();
  return {
    target: 'wasm',
    mode: 'api',
    arch: engine.simdArch,
    ok: checks.every((c) => c.ok),
    metrics,
    checks,
    inspection_tensors: names,
    ids: ids.length,
  };
}

/** Starts `run` (a TrainingRun or TrainingPool) toward `maxSteps` steps in all; resolves with its 'stopped' detail. */
function trainUntil(run, maxSteps) {
  return new Promise((resolve, reject) => {
    const onStop = (e) => {
      cleanup();
      resolve(e.detail);
    };
    const onError = (e) => {
      cleanup();
      reject(new Error(e.detail.message));
    };
    const cleanup = () => {
      run.removeEventListener('stopped', onStop);
      run.removeEventListener('error', onError);
    };
    run.addEventListener('stopped', onStop);
    run.addEventListener('error', onError);
    run.setMaxSteps(maxSteps);
    run.start();
  });
}

/**
 * Trains `run` to `warm` steps, then `reps` times `steps` more: tokens/s of each stretch, as the page sees it
 * (`tokensPerStep` counts every racer's batch).
 */
async function timedStretches(run, { warm, steps, reps, tokensPerStep }) {
  let done = (await trainUntil(run, warm)).steps;
  const tps = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const stopped = await trainUntil(run, done + steps);
    tps.push(((stopped.steps - done) * tokensPerStep) / ((performance.now() - t0) / 1000));
    done = stopped.steps;
  }
  return tps;
}

/**
 * The same workload through the training page's path: a TrainingRun (wasm/training.js) whose Worker trains in
 * chunks and posts progress. Browser only. Each sample is the wall time, seen from the page, of `steps` steps
 * after a warm-up, from start() to the 'stopped' event (messages and chunking included).
 * @param {{TrainingRun: Function}} training  the module wasm/training.js
 */
export async function runWorker(training, { steps = 20, reps = 3 } = {}) {
  const { B, T } = REFERENCE;
  const spec = {
    model: MODEL_SETTINGS,
    seed: 1337,
    valFraction: 0,
    train: { batchSize: B, seqLen: T },
    racers: [{ name: 'adam', optimizer: { kind: 'adam', lr: REFERENCE.lr } }],
  };
  const warm = 20;
  const run = await training.TrainingRun.create(spec, syntheticCorpus(1 << 17), { maxSteps: warm });
  const losses = [];
  run.addEventListener('progress', (e) => losses.push(...e.detail.results.loss));
  const tps = await timedStretches(run, { warm, steps, reps, tokensPerStep: B * T });
  run.terminate();
  const first = losses[0];
  const last = losses[losses.length - 1];
  const ok = Math.abs(first - Math.log(96)) < 0.3 && last < first;
  return {
    target: 'wasm',
    mode: 'worker',
    ok,
    metrics: [
      {
        id: 'worker_train_tokens_per_s',
        what: "training tokens/s via the page's Worker (TrainingRun, B=16 T=32, Adam)",
        unit: 'tokens/s',
        samples: tps,
      },
    ],
    checks: [{ check: 'Worker: first loss near ln 96, then falls', first, last, ok }],
  };
}

/**
 * A four-racer race (SGD, momentum, Adam, AdamW) of the reference workload on `workers` Workers (TrainingPool,
 * wasm/training-pool.js), seen from the page: the wall time of `steps` lockstep steps after a warm-up.
 * Tokens count every racer's batch. Browser only.
 * @param {{TrainingPool: Function}} pool  the module wasm/training-pool.js
 */
export async function runRace(pool, { workers = 1, steps = 20, reps = 3 } = {}) {
  const { B, T } = REFERENCE;
  const kinds = ['sgd', 'momentum', 'adam', 'adamw'];
  const spec = {
    model: MODEL_SETTINGS,
    seed: 1337,
    valFraction: 0,
    train: { batchSize: B, seqLen: T },
    racers: kinds.map((kind) => ({
      name: kind,
      optimizer: { kind, lr: kind === 'sgd' || kind === 'momentum' ? 0.1 : REFERENCE.lr },
    })),
  };
  const run = await pool.TrainingPool.create(spec, syntheticCorpus(1 << 17), { maxSteps: 10, workers });
  const tps = await timedStretches(run, { warm: 10, steps, reps, tokensPerStep: kinds.length * B * T });
  const used = run.workers ?? 1;
  run.terminate();
  return {
    target: 'wasm',
    mode: 'race',
    ok: used === Math.min(workers, kinds.length),
    metrics: [
      {
        id: `race_w${workers}_tokens_per_s`,
        what: `four-racer race on ${workers} Worker${workers > 1 ? 's' : ''} (TrainingPool), tokens/s of all racers`,
        unit: 'tokens/s',
        samples: tps,
      },
    ],
    checks: [
      {
        check: `race asked for ${workers} Workers got them`,
        workers: used,
        ok: used === Math.min(workers, kinds.length),
      },
    ],
  };
}

/**
 * One model (Adam, the reference workload) with its batch cut into `shards` and split over `workers` Workers
 * (TrainingPool's split run; one Worker runs every shard itself), seen from the page: the wall time of `steps`
 * steps after a warm-up. Browser only.
 * @param {{TrainingPool: Function}} pool  the module wasm/training-pool.js
 */
export async function runSplit(pool, { shards = 2, workers = 1, steps = 40, reps = 3 } = {}) {
  const { B, T } = REFERENCE;
  const spec = {
    model: MODEL_SETTINGS,
    seed: 1337,
    valFraction: 0,
    train: { batchSize: B, seqLen: T, shards },
    racers: [{ name: 'adam', optimizer: { kind: 'adam', lr: REFERENCE.lr } }],
  };
  const run = await pool.TrainingPool.create(spec, syntheticCorpus(1 << 17), { maxSteps: 10, workers });
  const losses = [];
  run.addEventListener('progress', (e) => losses.push(...e.detail.results.loss));
  const tps = await timedStretches(run, { warm: 10, steps, reps, tokensPerStep: B * T });
  const used = run.workers ?? 1;
  run.terminate();
  const first = losses[0];
  const last = losses[losses.length - 1];
  const ok = used === workers && Math.abs(first - Math.log(96)) < 0.3 && last < first;
  return {
    target: 'wasm',
    mode: 'split',
    ok,
    metrics: [
      {
        id: `split_s${shards}_w${workers}_tokens_per_s`,
        what: `one model, batch in ${shards} shards on ${workers} Worker${workers > 1 ? 's' : ''} (split run), tokens/s`,
        unit: 'tokens/s',
        samples: tps,
      },
    ],
    checks: [{ check: `split run asked for ${workers} Workers got them; loss falls`, workers: used, first, last, ok }],
  };
}
