// The benchmark driver (scripts/bench.sh runs it after building): runs the reference workload (a GPT) and
// the encoder–decoder workload (SEQ2SEQ in workload.mjs) natively, as wasm under Node, as wasm in headless
// Chromium, in TensorFlow.js and in PyTorch (CPU, one thread, OpenBLAS), each several times in separate processes,
// pools the samples and prints one table (median / min / max against the issue's targets), the encoder–decoder
// in a section of its own, with the CPU family and its measured peaks.
// The results also go to build/bench/results-<date>.json so runs can be compared.
//
//   node tests/bench/bench.mjs [--quick] [--only native,node,chromium,tfjs,pytorch,learner] [--out FILE]
// ('learner': tests/bench/learner.mjs, seconds of in-tab training on the training page until samples read as sentences)
//
// Processes run one at a time, round-robin over the places, so a burst of load from elsewhere on the
// machine spreads over all of them instead of hitting one. Timings are wall-clock: on a shared machine,
// read the max (best) column as well as the median. Only correctness checks (fast matmul vs its `_ref`
// twin, sane losses, vocab and parameter counts) can fail the run; speed never does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REFERENCE, SEQ2SEQ, seq2seqBatches, seq2seqHash, summarize } from './workload.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../browser/browser.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const NATIVE_BENCH = process.env.TINYFORMER_BENCH_NATIVE ?? join(ROOT, 'build', 'native', 'tinyformer_bench');
const WASM_DIR = join(ROOT, 'build', 'wasm', 'bench');
const SITE_LIB = join(ROOT, 'build', 'wasm', 'site', 'lib');
const PLACES = ['native', 'node', 'chromium', 'tfjs', 'pytorch', 'learner'];
const PYTHON = process.env.TINYFORMER_BENCH_PYTHON ?? '/usr/bin/python3'; // Debian's, with python3-torch

// ---- a child process of the driver: the JS API under Node --------------------------------------------
if (process.argv[2] === '--child' && process.argv[3] === 'api') {
  const { runApi } = await import('./api-core.mjs');
  const lib = await import(pathToFileURL(join(SITE_LIB, 'tinyformer.js')).href);
  const out = await runApi(lib, { steps: Number(process.argv[4] ?? 20), reps: Number(process.argv[5] ?? 3) });
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

// ---- options ------------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const quick = flag('--quick');
const only = new Set(value('--only', PLACES.join(',')).split(','));
// process runs per job, and what each process does
const PLAN = quick
  ? {
      kernelRuns: 1,
      modelRuns: 2,
      apiRuns: 1,
      tfjsRuns: 1,
      learnerRuns: 1,
      kernelArgs: ['--reps', '3', '--min-ms', '10'],
      modelArgs: ['--reps', '2', '--steps', '10'],
      apiArgs: [10, 2],
      raceArgs: [20, 2],
      splitArgs: [40, 2],
      tfjsArgs: ['--reps', '2', '--steps', '5'],
      learnerArgs: ['--runs', '3'],
    }
  : {
      kernelRuns: 3,
      modelRuns: 5,
      apiRuns: 3,
      tfjsRuns: 3,
      learnerRuns: 3,
      kernelArgs: ['--reps', '4', '--min-ms', '25'],
      modelArgs: ['--reps', '3', '--steps', '20'],
      apiArgs: [20, 3],
      // a race step is four models' steps: 40 of them are 2–5 s, some 20 lockstep rounds of ~100 ms, as a race
      // on the page runs; with 10 (5 rounds) each round's start and end weighed more than a page ever sees
      raceArgs: [40, 3],
      splitArgs: [100, 3], // about 2-3 s of one model's steps per sample
      tfjsArgs: ['--reps', '3', '--steps', '10'],
      learnerArgs: ['--runs', '3'],
    };

function need(path, hint) {
  if (!existsSync(path)) {
    console.error(`tinyformer bench: ${relative(ROOT, path)} is missing: ${hint}`);
    process.exit(2);
  }
}

// ---- running one process and collecting its JSON --------------------------------------------------------
function lastJsonLine(text) {
  const lines = String(text ?? '')
    .trim()
    .split('\n')
    .reverse();
  for (const line of lines) {
    if (line.startsWith('{')) {
      try {
        return JSON.parse(line);
      } catch {
        /* not ours */
      }
    }
  }
  return null;
}

function runProcess(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 << 20 });
  const out = lastJsonLine(r.stdout);
  if (!out) {
    return {
      ok: false,
      metrics: [],
      checks: [],
      error: `${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}: ${(r.stderr || r.stdout || '').slice(-800)}`,
    };
  }
  return out;
}

let chromiumEnv = null;
async function startChromium() {
  const { chromium } = await import('playwright-core');
  const { serve } = await import(pathToFileURL(join(ROOT, 'scripts', 'serve.mjs')).href);
  const server = await serve(HERE, 0, { '/wasm/': WASM_DIR, '/lib/': SITE_LIB });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return { server, browser, base: `http://127.0.0.1:${server.address().port}/`, version: browser.version() };
}

// One run in a fresh browser context (a fresh renderer): the wasm bench in a Worker, or the JS API on
// the page's main thread.
async function runChromium(kind, args) {
  const context = await chromiumEnv.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${chromiumEnv.base}page.html`);
    // a new context starts renderer processes that keep a core busy for a moment: let them settle
    await page.waitForTimeout(1500);
    if (kind === 'api') {
      return await page.evaluate(async ([steps, reps]) => {
        const lib = await import('/lib/tinyformer.js');
        const { runApi } = await import('/api-core.mjs');
        return runApi(lib, { steps, reps });
      }, args);
    }
    if (kind === 'race') {
      return await page.evaluate(async ([workers, steps, reps]) => {
        const pool = await import('/lib/training-pool.js');
        const { runRace } = await import('/api-core.mjs');
        return runRace(pool, { workers, steps, reps });
      }, args);
    }
    if (kind === 'split') {
      return await page.evaluate(async ([shards, workers, steps, reps]) => {
        const pool = await import('/lib/training-pool.js');
        const { runSplit } = await import('/api-core.mjs');
        return runSplit(pool, { shards, workers, steps, reps });
      }, args);
    }
    if (kind === 'worker') {
      return await page.evaluate(async ([steps, reps]) => {
        const training = await import('/lib/training.js');
        const { runWorker } = await import('/api-core.mjs');
        return runWorker(training, { steps, reps });
      }, args);
    }
    const res = await page.evaluate(
      (a) =>
        new Promise((resolve) => {
          const worker = new Worker('/bench-worker.js');
          worker.onmessage = (e) => {
            worker.terminate();
            resolve(e.data);
          };
          worker.onerror = (e) => {
            worker.terminate();
            resolve({ rc: -1, out: '', error: e.message });
          };
          worker.postMessage({ args: a });
        }),
      [kind, ...args],
    );
    return lastJsonLine(res.out) ?? { ok: false, metrics: [], checks: [], error: res.error ?? res.out };
  } catch (err) {
    return { ok: false, metrics: [], checks: [], error: String(err?.message ?? err) };
  } finally {
    await context.close();
  }
}

// ---- the jobs ---------------------------------------------------------------------------------------------
const nodeWasm = (mode, args) => () =>
  runProcess(
    process.execPath,
    ['--no-experimental-fetch', join(WASM_DIR, 'tinyformer_bench.js'), mode, ...args],
    WASM_DIR,
  );
const jobs = []; // { where, name, runs, fn }
if (only.has('native')) {
  need(NATIVE_BENCH, 'run scripts/bench.sh (it builds build/native)');
  jobs.push({
    where: 'native',
    name: 'kernels',
    runs: PLAN.kernelRuns,
    fn: () => runProcess(NATIVE_BENCH, ['kernels', ...PLAN.kernelArgs]),
  });
  jobs.push({
    where: 'native',
    name: 'model',
    runs: PLAN.modelRuns,
    fn: () => runProcess(NATIVE_BENCH, ['model', ...PLAN.modelArgs]),
  });
  jobs.push({
    where: 'native',
    name: 'seq2seq',
    runs: PLAN.modelRuns,
    fn: () => runProcess(NATIVE_BENCH, ['seq2seq', ...PLAN.modelArgs]),
  });
}
if (only.has('node')) {
  need(join(WASM_DIR, 'tinyformer_bench.js'), 'run scripts/bench.sh (it builds build/wasm)');
  need(join(SITE_LIB, 'tinyformer.js'), 'run scripts/build.sh wasm');
  jobs.push({ where: 'node', name: 'kernels', runs: PLAN.kernelRuns, fn: nodeWasm('kernels', PLAN.kernelArgs) });
  jobs.push({ where: 'node', name: 'model', runs: PLAN.modelRuns, fn: nodeWasm('model', PLAN.modelArgs) });
  jobs.push({ where: 'node', name: 'seq2seq', runs: PLAN.modelRuns, fn: nodeWasm('seq2seq', PLAN.modelArgs) });
  jobs.push({
    where: 'node',
    name: 'JS API',
    runs: PLAN.apiRuns,
    fn: () =>
      runProcess(process.execPath, [fileURLToPath(import.meta.url), '--child', 'api', ...PLAN.apiArgs.map(String)]),
  });
}
if (only.has('chromium')) {
  need(join(WASM_DIR, 'tinyformer_bench_web.js'), 'run scripts/bench.sh (it builds build/wasm)');
  need(CHROMIUM, "install Debian's chromium (scripts/deps.sh test)");
  jobs.push({
    where: 'chromium',
    name: 'kernels',
    runs: Math.max(1, PLAN.kernelRuns - 1),
    fn: () => runChromium('kernels', PLAN.kernelArgs),
  });
  jobs.push({
    where: 'chromium',
    name: 'model',
    runs: Math.max(1, PLAN.modelRuns - 2),
    fn: () => runChromium('model', PLAN.modelArgs),
  });
  jobs.push({
    where: 'chromium',
    name: 'seq2seq',
    runs: Math.max(1, PLAN.modelRuns - 2),
    fn: () => runChromium('seq2seq', PLAN.modelArgs),
  });
  jobs.push({ where: 'chromium', name: 'JS API', runs: PLAN.apiRuns, fn: () => runChromium('api', PLAN.apiArgs) });
  jobs.push({
    where: 'chromium',
    name: 'page Worker',
    runs: PLAN.apiRuns,
    fn: () => runChromium('worker', PLAN.apiArgs),
  });
  jobs.push({
    where: 'chromium',
    name: 'widgets page',
    runs: 1,
    fn: () => runProcess(process.execPath, [join(HERE, 'widgets-page.mjs'), '--reps', String(PLAN.apiRuns + 1)]),
  });
  for (const workers of [1, 2, 4]) {
    jobs.push({
      where: 'chromium',
      name: `race ${workers} Worker${workers > 1 ? 's' : ''}`,
      runs: PLAN.apiRuns,
      fn: () => runChromium('race', [workers, ...PLAN.raceArgs]),
    });
  }
  // one model over every core: its batch in shards, on 1 Worker (the same numbers) and split over 2 and 4
  for (const [shards, workers] of [
    [2, 1],
    [2, 2],
    [4, 1],
    [4, 2],
    [4, 4],
  ]) {
    jobs.push({
      where: 'chromium',
      name: `split ${shards} shards, ${workers} Worker${workers > 1 ? 's' : ''}`,
      runs: PLAN.apiRuns,
      fn: () => runChromium('split', [shards, workers, ...PLAN.splitArgs]),
    });
  }
}
if (only.has('tfjs')) {
  need(join(ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm'), 'run npm ci (scripts/deps.sh test)');
  jobs.push({
    where: 'tfjs',
    name: 'TF.js 4.22 wasm',
    runs: PLAN.tfjsRuns,
    fn: () => runProcess(process.execPath, [join(HERE, 'tfjs.mjs'), ...PLAN.tfjsArgs]),
  });
  jobs.push({
    where: 'tfjs',
    name: 'TF.js seq2seq',
    runs: PLAN.tfjsRuns,
    fn: () => runProcess(process.execPath, [join(HERE, 'tfjs.mjs'), '--seq2seq', ...PLAN.tfjsArgs]),
  });
}

if (only.has('pytorch')) {
  need(PYTHON, 'install python3 and python3-torch (scripts/deps.sh bench)');
  jobs.push({
    where: 'pytorch',
    name: 'PyTorch CPU',
    runs: PLAN.tfjsRuns,
    fn: () => runProcess(PYTHON, [join(HERE, 'torch_gpt.py'), ...PLAN.tfjsArgs]),
  });
}

if (only.has('learner')) {
  need(join(SITE_LIB, '..', 'train.html'), 'run scripts/build.sh wasm');
  need(CHROMIUM, "install Debian's chromium (scripts/deps.sh test)");
  jobs.push({
    where: 'learner',
    name: 'training page',
    runs: PLAN.learnerRuns,
    fn: () => runProcess(process.execPath, [join(HERE, 'learner.mjs'), ...PLAN.learnerArgs]),
  });
}

// ---- run them, round-robin ---------------------------------------------------------------------------------
const S2S_HASH = seq2seqHash(seq2seqBatches());
const started = new Date();
const loadBefore = os.loadavg();
const rows = new Map(); // `${where}|${id}` → { where, id, what, unit, samples, extra }
const checks = [];
const runs = [];
const errors = [];
const arches = {};
const t0 = performance.now();
if (jobs.some((j) => j.where === 'chromium')) chromiumEnv = await startChromium();
const maxRuns = Math.max(0, ...jobs.map((j) => j.runs));
for (let i = 0; i < maxRuns; i++) {
  for (const job of jobs) {
    if (i >= job.runs) continue;
    const t = performance.now();
    const out = await job.fn();
    const sec = (performance.now() - t) / 1000;
    process.stderr.write(
      `  ${job.where.padEnd(8)} ${job.name.padEnd(16)} run ${i + 1}/${job.runs}  ${sec.toFixed(1)} s` +
        `${out.ok ? '' : '  FAILED'}\n`,
    );
    runs.push({ where: job.where, job: job.name, run: i + 1, seconds: sec, result: out });
    if (out.error) errors.push(`${job.where} ${job.name}: ${out.error}`);
    if (out.arch) arches[job.where] = out.arch;
    for (const c of out.checks ?? []) {
      if (!c.ok || i === 0) checks.push({ where: job.where, ...c });
    }
    if (out.seq2seq) {
      // the C++ side's batches must be workload.mjs's, id for id
      const ok = out.seq2seq.batches_hash === S2S_HASH;
      if (!ok || i === 0) {
        checks.push({
          where: job.where,
          check: 'seq2seq batches identical to workload.mjs (hash)',
          hash: out.seq2seq.batches_hash,
          expected: S2S_HASH,
          ok,
        });
      }
    }
    for (const m of out.metrics ?? []) {
      const key = `${job.where}|${m.id}`;
      if (!rows.has(key))
        rows.set(key, { where: job.where, id: m.id, what: m.what, unit: m.unit, samples: [], extra: {} });
      const row = rows.get(key);
      row.samples.push(...m.samples);
      ((row.byRound ??= [])[i] ??= []).push(...m.samples); // for ratios paired by round
      if (m.us_per_call !== undefined) (row.extra.us_per_call ??= []).push(m.us_per_call);
      if (m.calls_per_step !== undefined) row.extra.calls_per_step = m.calls_per_step;
      if (m.flops !== undefined) row.extra.flops = m.flops;
      if (m.variant !== undefined) (row.extra.variant ??= []).push(m.variant);
    }
  }
}
if (chromiumEnv) {
  await chromiumEnv.browser.close();
  await new Promise((ok) => chromiumEnv.server.close(ok));
}
const totalSeconds = (performance.now() - t0) / 1000;

// ---- the machine: the CPU generation decides the native peak (figures compare only within one run) ---------
function cpuInfo() {
  let text = '';
  try {
    text = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    /* not Linux */
  }
  const field = (name) => text.match(new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm'))?.[1]?.trim() ?? null;
  const family = field('cpu family');
  const vendor = field('vendor_id');
  // The project's machines are AMD family 25 (Zen 4, AVX-512 as two 256-bit halves) or 26 (Zen 5). A hypervisor
  // may hide AVX-512 (and the model number), so the flags are reported beside the family, not used to name it.
  const generation = vendor === 'AuthenticAMD' ? ({ 25: 'Zen 4', 26: 'Zen 5' }[family] ?? null) : null;
  const avx512 = /\bavx512f\b/.test(field('flags') ?? '');
  return {
    model: field('model name') ?? os.cpus()[0]?.model ?? 'cpu',
    family: family ?? '?',
    cpuModel: field('model'),
    vendor,
    generation,
    avx512,
  };
}
const CPU = cpuInfo();

// ---- summaries, targets, ratios -------------------------------------------------------------------------
const table = [];
for (const row of rows.values()) table.push({ ...row, ...summarize(row.samples) });
const find = (where, id) => table.find((r) => r.where === where && r.id === id);

/**
 * A row `id` of place `where` holding row a ÷ row b (each {where, id}), paired by round: the jobs run round-robin,
 * so each round's median of a is divided by the same round's median of b, and the row gives the median, min and
 * max of those ratios. A machine that slows down for a while slows both sides of a pair, where dividing the
 * medians of all samples would set a slow round of one side against a fast round of the other. Rows without
 * common rounds fall back to median ÷ median, with the range min(a)/max(b) … max(a)/min(b).
 */
function addRatioRow(where, id, what, a, b) {
  const x = find(a.where, a.id);
  const y = find(b.where, b.id);
  if (!x || !y) return;
  const paired = [];
  (x.byRound ?? []).forEach((xs, i) => {
    const ys = y.byRound?.[i];
    if (xs?.length && ys?.length) paired.push(summarize(xs).median / summarize(ys).median);
  });
  const r = paired.length
    ? { ...summarize(paired), paired: paired.length }
    : { median: x.median / y.median, min: x.min / y.max, max: x.max / y.min, n: x.n };
  table.push({
    where,
    id,
    what: paired.length ? `${what} (${paired.length} rounds, paired)` : what,
    unit: '×',
    samples: paired,
    extra: {},
    ...r,
  });
}
/** tinyformer in `where` against a peer place on the same metric. */
function addRatio(where, id, what, peer = 'tfjs') {
  addRatioRow(where, `ratio${peer === 'tfjs' ? '' : `-${peer}`}:${id}`, what, { where, id }, { where: peer, id });
}
for (const where of ['node', 'chromium', 'native']) {
  addRatio(where, 'train_tokens_per_s', 'tinyformer / TF.js wasm: training tokens/s');
  addRatio(where, 'forward_tokens_per_s', 'tinyformer / TF.js wasm: forward tokens/s');
}
// the page's paths against the engine in the same place: the issue asks for within 5% in Chromium
for (const where of ['node', 'chromium']) {
  for (const [id, what] of [
    ['api_train_tokens_per_s', "JS API Trainer.step / the engine's trainer: training tokens/s"],
    ['worker_train_tokens_per_s', "the page's Worker / the engine's trainer: training tokens/s"],
  ]) {
    addRatioRow(where, `ratio:${id}`, what, { where, id }, { where, id: 'train_tokens_per_s' });
  }
}
// every core: the race on 2 and 4 Workers against 1 (the issue's target: >= 1.7x on 2 cores)
for (const workers of [2, 4]) {
  addRatioRow(
    'chromium',
    `ratio:race_w${workers}`,
    `four-racer race: ${workers} Workers / 1 Worker`,
    { where: 'chromium', id: `race_w${workers}_tokens_per_s` },
    { where: 'chromium', id: 'race_w1_tokens_per_s' },
  );
}
// one model over every core: a split run against the same shards on one Worker, and against the plain Worker
// (no shards) that the page used before; the second is what a learner gains
for (const [shards, workers] of [
  [2, 2],
  [4, 2],
  [4, 4],
]) {
  addRatioRow(
    'chromium',
    `ratio:split_s${shards}_w${workers}`,
    `one model, ${shards} shards: ${workers} Workers / 1 Worker`,
    { where: 'chromium', id: `split_s${shards}_w${workers}_tokens_per_s` },
    { where: 'chromium', id: `split_s${shards}_w1_tokens_per_s` },
  );
  addRatioRow(
    'chromium',
    `ratio-worker:split_s${shards}_w${workers}`,
    `one model, ${shards} shards on ${workers} Workers / the page's Worker without shards`,
    { where: 'chromium', id: `split_s${shards}_w${workers}_tokens_per_s` },
    { where: 'chromium', id: 'worker_train_tokens_per_s' },
  );
}
// the native engine against PyTorch on the same CPU (the issue's target: at least 2×)
addRatio('native', 'train_tokens_per_s', 'tinyformer native / PyTorch CPU: training tokens/s', 'pytorch');
addRatio('native', 'forward_tokens_per_s', 'tinyformer native / PyTorch CPU: forward tokens/s', 'pytorch');
// training against its matmul-only ceiling: the tokens/s a step would reach if it were nothing but its matmuls
// (every kernel shape x its calls per step) run at the place's measured peak (FMA natively, mul+add in wasm).
// The issue's wasm target is 80%; what is missing is matmuls below peak plus everything that is not a matmul.
for (const where of ['native', 'node', 'chromium']) {
  const train = find(where, 'train_tokens_per_s');
  const peak = find(where, where === 'native' ? 'peak_fma' : 'peak_mul_add');
  const kernels = table.filter((r) => r.where === where && r.extra.flops && r.extra.calls_per_step);
  if (!train || !peak || kernels.length === 0) continue;
  const flops = kernels.reduce((sum, k) => sum + k.extra.flops * k.extra.calls_per_step, 0); // one step's
  const ceiling = (REFERENCE.B * REFERENCE.T * peak.max * 1e9) / flops;
  table.push({
    where,
    id: 'train_share_of_ceiling',
    what: `training tokens/s / matmul-only ceiling (${fmt(ceiling)} tokens/s at peak ${fmt(peak.max)} GFLOP/s)`,
    unit: '%',
    samples: [],
    extra: { ceiling, step_gflop: flops / 1e9 },
    median: (100 * train.median) / ceiling,
    min: (100 * train.min) / ceiling,
    max: (100 * train.max) / ceiling,
    n: train.n,
  });
}
// seq2seq ratios on B·T/s: the same positions every step on both sides, so a ratio of steps per second
for (const where of ['node', 'chromium', 'native']) {
  addRatio(where, 's2s_train_positions_per_s', 'seq2seq tinyformer / TF.js wasm: training B·T/s');
  addRatio(where, 's2s_forward_positions_per_s', 'seq2seq tinyformer / TF.js wasm: forward B·T/s');
}

const WASM = new Set(['node', 'chromium']);
function target(row) {
  const peak = find(row.where, 'peak_mul_add');
  const fma = find(row.where, 'peak_fma');
  if (row.id.startsWith('kernel:')) {
    // a peak is the best the machine showed, so kernels are compared with the peak's max (best) sample
    if (WASM.has(row.where) && peak) {
      const frac = row.median / peak.max;
      return { text: `>= 60% of peak ${fmt(peak.max)}: ${(100 * frac).toFixed(0)}%`, met: frac >= 0.6 };
    }
    const ref = fma ?? peak;
    return ref
      ? {
          text: `(${((100 * row.median) / ref.max).toFixed(0)}% of ${fma ? 'FMA ' : ''}peak ${fmt(ref.max)})`,
          met: null,
        }
      : null;
  }
  if (
    row.id === 'train_tokens_per_s' ||
    row.id === 'api_train_tokens_per_s' ||
    row.id === 'worker_train_tokens_per_s'
  ) {
    if (row.where === 'native') return { text: '>= 75,000', met: row.median >= 75000 };
    if (WASM.has(row.where)) return { text: '>= 30,000', met: row.median >= 30000 };
  }
  if (['inspect_ms', 'api_inspect_ms', 'api_inspect_layer_ms'].includes(row.id) && WASM.has(row.where)) {
    return { text: '< 5 ms', met: row.median < 5 };
  }
  if (
    (row.id === 'ratio:api_train_tokens_per_s' || row.id === 'ratio:worker_train_tokens_per_s') &&
    row.where === 'chromium'
  ) {
    return { text: '>= 0.95×', met: row.median >= 0.95 };
  }
  if (row.id === 'learner_seconds') return { text: '<= 5 s', met: row.median <= 5 };
  if (row.id === 'widgets_first_ms') return { text: '< 1,500 ms', met: row.median < 1500 };
  if (row.id === 'widgets_transfer_gzip_mb') return { text: '< 1 MB', met: row.median < 1 };
  if (row.id === 'widgets_instances') return { text: '1', met: row.max === 1 };
  if (row.id === 'ratio:race_w2')
    return { text: `>= 1.7× on 2 cores (${os.cpus().length} here)`, met: row.median >= 1.7 };
  if (row.id === 'ratio-pytorch:train_tokens_per_s') return { text: '>= 2×', met: row.median >= 2 };
  if (row.id === 'train_share_of_ceiling' && row.where === 'chromium') return { text: '>= 80%', met: row.median >= 80 };
  if (row.id === 'ratio:s2s_train_positions_per_s' && row.where === 'chromium') {
    return { text: '>= 10×', met: row.median >= 10 };
  }
  if (row.id === 's2s_allocs_per_step' || row.id === 'split_allocs_per_step') return { text: '0', met: row.max === 0 };
  return null;
}
for (const row of table) {
  const t = target(row);
  row.target = t ? t.text : '';
  row.met = t ? t.met : null;
}

const ORDER = [
  'peak_fma',
  'peak_mul_add',
  'kernel:',
  'step_matmul_ms',
  'forward_matmul_ms',
  'train_tokens_per_s',
  'api_train_tokens_per_s',
  'worker_train_tokens_per_s',
  'ratio:api_train_tokens_per_s',
  'ratio:worker_train_tokens_per_s',
  'ratio:train_tokens_per_s',
  'train_share_of_ceiling',
  'race_w1_tokens_per_s',
  'race_w2_tokens_per_s',
  'race_w4_tokens_per_s',
  'ratio:race_w2',
  'ratio:race_w4',
  'split_s2_w1_tokens_per_s',
  'split_s2_w2_tokens_per_s',
  'split_s4_w1_tokens_per_s',
  'split_s4_w2_tokens_per_s',
  'split_s4_w4_tokens_per_s',
  'ratio:split_s2_w2',
  'ratio:split_s4_w2',
  'ratio:split_s4_w4',
  'ratio-worker:split_s2_w2',
  'ratio-worker:split_s4_w2',
  'ratio-worker:split_s4_w4',
  'widgets_first_ms',
  'widgets_all_ms',
  'widgets_transfer_mb',
  'widgets_transfer_gzip_mb',
  'widgets_instances',
  'ratio-pytorch:train_tokens_per_s',
  'forward_tokens_per_s',
  'ratio:forward_tokens_per_s',
  'ratio-pytorch:forward_tokens_per_s',
  'learner_seconds',
  'learner_steps',
  'learner_tokens_per_s',
  'phase_forward_ms',
  'phase_backward_ms',
  'phase_optimizer_ms',
  'inspect_ms',
  'api_inspect_ms',
  'api_inspect_layer_ms',
  'peak_memory_mb',
  'api_memory_mb',
  'tensors_bytes_mb',
  'allocs_per_step',
  'split_allocs_per_step',
  'alloc_bytes_per_step',
  'allocs_first_step',
  'alloc_bytes_first_step',
  'allocs_per_forward',
  'allocs_per_inspect',
  's2s_train_tokens_per_s',
  's2s_train_positions_per_s',
  'ratio:s2s_train_positions_per_s',
  's2s_forward_tokens_per_s',
  's2s_forward_positions_per_s',
  'ratio:s2s_forward_positions_per_s',
  's2s_phase_forward_ms',
  's2s_phase_backward_ms',
  's2s_phase_optimizer_ms',
  's2s_peak_memory_mb',
  's2s_tensors_bytes_mb',
  's2s_allocs_per_step',
  's2s_alloc_bytes_per_step',
  's2s_allocs_first_step',
  's2s_alloc_bytes_first_step',
  's2s_allocs_per_forward',
];
const orderOf = (id) => {
  const i = ORDER.findIndex((o) => (o.endsWith(':') ? id.startsWith(o) : id === o));
  return i < 0 ? ORDER.length : i;
};
const kernelIndex = new Map();
for (const r of runs) {
  for (const m of r.result.metrics ?? [])
    if (m.id.startsWith('kernel:') && !kernelIndex.has(m.id)) kernelIndex.set(m.id, kernelIndex.size);
}
table.sort(
  (a, b) =>
    orderOf(a.id) - orderOf(b.id) ||
    (kernelIndex.get(a.id) ?? 0) - (kernelIndex.get(b.id) ?? 0) ||
    PLACES.indexOf(a.where) - PLACES.indexOf(b.where),
);

// ---- the table ---------------------------------------------------------------------------------------------
function fmt(x) {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}
const header = ['what', 'where', 'median', 'min', 'max', 'unit', 'target'];
const lines = table.map((r) => [
  r.what,
  r.where,
  fmt(r.median),
  fmt(r.min),
  fmt(r.max),
  r.unit,
  r.target ? `${r.target}${r.met === true ? '  ok' : r.met === false ? '  MISS' : ''}` : '',
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
const right = new Set([2, 3, 4]);
const cell = (s, i) => (right.has(i) ? String(s).padStart(widths[i]) : String(s).padEnd(widths[i]));
const print = (l) => console.log(l.map(cell).join('  ').trimEnd());
console.log();
print(header);
print(widths.map((w) => '-'.repeat(w)));
// blank lines around each kernel's rows (the same shape in every place), so the long middle reads easily
const section = (id) =>
  id.startsWith('kernel:')
    ? id
    : /^peak_(fma|mul_add)$/.test(id)
      ? 'peaks'
      : /^(ratio:)?s2s_/.test(id)
        ? 'seq2seq'
        : 'model';
for (let i = 0; i < lines.length; i++) {
  if (i > 0 && section(table[i].id) !== section(table[i - 1].id)) console.log();
  if (section(table[i].id) === 'seq2seq' && (i === 0 || section(table[i - 1].id) !== 'seq2seq')) {
    const w = SEQ2SEQ;
    console.log(
      `encoder–decoder: ${w.Le}+${w.Ld} layers post-LN ReLU, C ${w.C}, ${w.H} heads, F ${w.F}, vocab ` +
        `${w.srcVocab}→${w.tgtVocab}, B ${w.B} × S ${w.S} / T ${w.T}, Adam (${w.params.toLocaleString('en-US')} params); ` +
        'tokens = counted targets, B·T = every decoder position',
    );
  }
  print(lines[i]);
}
const loadAfter = os.loadavg();
console.log();
const peaks = table
  .filter((r) => /^peak_(fma|mul_add)$/.test(r.id))
  .map((r) => `${r.where} ${r.id === 'peak_fma' ? 'FMA' : 'mul+add'} ${fmt(r.max)} ${r.unit}`);
console.log(
  `CPU: ${CPU.model}, family ${CPU.family}${CPU.generation ? ` (${CPU.generation})` : ''} model ${CPU.cpuModel}, ` +
    `AVX-512 ${CPU.avx512 ? 'visible' : 'not visible'} to programs; ` +
    `measured peaks (max): ${peaks.length ? peaks.join(', ') : 'not measured in this run (--only without native/node)'}`,
);
console.log(
  `${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores; SIMD: ${Object.entries(arches)
    .map(([w, a]) => `${w} ${a}`)
    .join(', ')}; load average ${loadBefore[0].toFixed(1)} → ${loadAfter[0].toFixed(1)}` +
    `${loadBefore[0] > 1.5 || loadAfter[0] > 1.5 ? ' (busy machine: medians are pessimistic, see max)' : ''}; ` +
    `${runs.length} processes in ${totalSeconds.toFixed(0)} s`,
);

// ---- JSON ----------------------------------------------------------------------------------------------------
function git(args) {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}
const stamp = started.toISOString().replace(/\..*$/, '').replace(/:/g, '-');
const outPath = value('--out', join(ROOT, 'build', 'bench', `results-${stamp}.json`));
mkdirSync(dirname(outPath), { recursive: true });
const failed = checks.filter((c) => !c.ok);
writeFileSync(
  outPath,
  `${JSON.stringify(
    {
      date: started.toISOString(),
      quick,
      seconds: totalSeconds,
      git: { commit: git(['rev-parse', 'HEAD']), dirty: (git(['status', '--porcelain']) ?? '').length > 0 },
      machine: {
        cpu: CPU.model,
        cpu_family: CPU.family,
        cpu_model: CPU.cpuModel,
        generation: CPU.generation,
        avx512: CPU.avx512,
        cores: os.cpus().length,
        load_before: loadBefore,
        load_after: loadAfter,
        node: process.version,
        chromium: chromiumEnv?.version ?? null,
        simd: arches,
      },
      workload: { vocab: 96, T: 32, C: 64, H: 4, L: 2, F: 256, B: 16, optimizer: 'adam', lr: 1e-3, params: 108288 },
      workload_seq2seq: {
        ...SEQ2SEQ,
        optimizer: 'adam',
        norm: 'post',
        activation: 'relu',
        batches_hash: S2S_HASH,
        counted_targets_per_batch: seq2seqBatches().map((b) => b.counted),
      },
      rows: table.map(({ what, where, id, unit, median, min, max, n, target: t, met, samples, extra }) => ({
        id,
        what,
        where,
        median,
        min,
        max,
        unit,
        n,
        target: t,
        met,
        samples,
        ...extra,
      })),
      checks,
      errors,
      runs: runs.map(({ where, job, run, seconds, result }) => ({
        where,
        job,
        run,
        seconds,
        ok: result.ok,
        losses: result.losses,
        error: result.error,
        ...(where === 'learner'
          ? { threshold: result.threshold, settings: result.settings, samples: result.samples, evals: result.evals }
          : {}),
      })),
    },
    null,
    1,
  )}\n`,
);
console.log(`results: ${relative(process.cwd(), outPath)}`);

if (failed.length || errors.length) {
  console.error('\ntinyformer bench: correctness checks FAILED (the figures above cannot be trusted):');
  for (const c of failed) console.error(`  ${c.where}: ${JSON.stringify(c)}`);
  for (const e of errors) console.error(`  ${e}`);
  process.exit(1);
}
