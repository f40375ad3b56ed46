// The reference workload in TensorFlow.js 4.22 on its WebAssembly backend (single-threaded under Node),
// as a peer to compare tinyformer with: same model, batch and optimizer, written with tf ops.
//   node tests/bench/tfjs.mjs [--reps N] [--steps K]      prints one JSON object (the C++ bench's shape)
//
// Notes: the token embedding is oneHot(ids)·wte, because tf.gather's gradient (UnsortedSegmentSum) has
// no wasm kernel; the full @tensorflow/tfjs package is loaded because tfjs-core alone registers no
// gradients under Node. Linear weights are stored (in, out) as tf.layers.dense does. GELU is exact (erf).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REFERENCE, syntheticStream } from './workload.mjs';

const require = createRequire(import.meta.url);

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function loadTf() {
  // tfjs prints a hint about tfjs-node on import; keep stdout for the JSON
  const log = console.log;
  console.log = () => {};
  const tf = require('@tensorflow/tfjs');
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  console.log = log;
  const dist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  wasm.setWasmPaths(`${dist}/`);
  if (!(await tf.setBackend('wasm'))) throw new Error('TF.js: the wasm backend did not start');
  await tf.ready();
  return tf;
}

/** The model's parameters as tf.variables, initialised like nanoGPT (N(0, 0.02), c_proj scaled). */
function createParams(tf) {
  const { vocab: V, T, C, L, F } = REFERENCE;
  let seed = 1;
  const normal = (shape, std = 0.02) => tf.variable(tf.randomNormal(shape, 0, std, 'float32', seed++));
  const zeros = (shape) => tf.variable(tf.zeros(shape));
  const ones = (shape) => tf.variable(tf.ones(shape));
  const projStd = 0.02 / Math.sqrt(2 * L);
  const p = { wte: normal([V, C]), wpe: normal([T, C]), layers: [], lnfG: ones([C]), lnfB: zeros([C]) };
  for (let l = 0; l < L; l++) {
    p.layers.push({
      ln1G: ones([C]), ln1B: zeros([C]),
      attnW: normal([C, 3 * C]), attnB: zeros([3 * C]),
      projW: normal([C, C], projStd), projB: zeros([C]),
      ln2G: ones([C]), ln2B: zeros([C]),
      fcW: normal([C, F]), fcB: zeros([F]),
      fcProjW: normal([F, C], projStd), fcProjB: zeros([C]),
    });
  }
  return p;
}

function allVariables(p) {
  return [p.wte, p.wpe, ...p.layers.flatMap((l) => Object.values(l)), p.lnfG, p.lnfB];
}

/** Mean next-token cross-entropy of (B·T) ids against (B·T) targets. */
function lossOf(tf, p, mask, ids, targets) {
  const { vocab: V, T, C, H, B } = REFERENCE;
  const D = C / H;
  const N = B * T;
  const layerNorm = (x, g, b) => {
    const { mean, variance } = tf.moments(x, -1, true);
    return x.sub(mean).mul(tf.rsqrt(variance.add(1e-5))).mul(g).add(b);
  };
  const heads = (t) => t.reshape([B, T, H, D]).transpose([0, 2, 1, 3]);  // (B, H, T, D)
  let x = tf.matMul(tf.oneHot(ids, V).toFloat(), p.wte);  // (N, C)
  x = x.reshape([B, T, C]).add(p.wpe).reshape([N, C]);
  for (const l of p.layers) {
    const h = layerNorm(x, l.ln1G, l.ln1B);
    const [q, k, v] = tf.split(tf.matMul(h, l.attnW).add(l.attnB), 3, 1);
    const att = tf.softmax(tf.matMul(heads(q), heads(k), false, true).mul(1 / Math.sqrt(D)).add(mask));  // (B,H,T,T)
    const y = tf.matMul(att, heads(v)).transpose([0, 2, 1, 3]).reshape([N, C]);
    x = x.add(tf.matMul(y, l.projW).add(l.projB));
    const f = tf.matMul(layerNorm(x, l.ln2G, l.ln2B), l.fcW).add(l.fcB);
    const gelu = f.mul(0.5).mul(tf.erf(f.mul(Math.SQRT1_2)).add(1));
    x = x.add(tf.matMul(gelu, l.fcProjW).add(l.fcProjB));
  }
  const logits = tf.matMul(layerNorm(x, p.lnfG, p.lnfB), p.wte, false, true);  // (N, V), tied output
  return tf.losses.softmaxCrossEntropy(tf.oneHot(targets, V).toFloat(), logits);
}

async function main() {
  const reps = option('--reps', 3);
  const steps = option('--steps', 10);
  const { B, T } = REFERENCE;
  const tf = await loadTf();
  const p = createParams(tf);
  const vars = allVariables(p);
  const numParams = vars.reduce((n, v) => n + v.size, 0);
  const mask = tf.tidy(() => tf.linalg.bandPart(tf.ones([T, T]), -1, 0).sub(1).mul(1e9));  // 0 on/below diagonal
  const optimizer = tf.train.adam(REFERENCE.lr, 0.9, 0.999, 1e-8);
  const stream = syntheticStream(1 << 17);
  let rng = 12345;
  const batch = () => {  // B random windows of T+1 tokens
    const x = new Int32Array(B * T);
    const y = new Int32Array(B * T);
    for (let b = 0; b < B; b++) {
      rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0;
      const o = rng % (stream.length - T - 1);
      x.set(stream.subarray(o, o + T), b * T);
      y.set(stream.subarray(o + 1, o + T + 1), b * T);
    }
    return [x, y];
  };
  const trainStep = () => {
    const [x, y] = batch();
    const ids = tf.tensor1d(x, 'int32');
    const targets = tf.tensor1d(y, 'int32');
    const loss = optimizer.minimize(() => lossOf(tf, p, mask, ids, targets), true, vars);
    const value = loss.dataSync()[0];
    tf.dispose([loss, ids, targets]);
    return value;
  };

  const first = trainStep();
  // warm-up as in bench.cpp: at least 2 steps and 0.3 s
  for (let i = 0, w0 = performance.now(); i < 2 || performance.now() - w0 < 300; i++) trainStep();
  const trainTps = [];
  let last = first;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) last = trainStep();
    trainTps.push((steps * B * T) / ((performance.now() - t0) / 1000));
  }
  const fwdTps = [];
  const [x, y] = batch();
  const ids = tf.tensor1d(x, 'int32');
  const targets = tf.tensor1d(y, 'int32');
  const forward = () => {
    const loss = tf.tidy(() => lossOf(tf, p, mask, ids, targets));
    loss.dataSync();
    loss.dispose();
  };
  forward();
  for (let r = 0; r < reps; r++) {
    const n = 2 * steps;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) forward();
    fwdTps.push((n * B * T) / ((performance.now() - t0) / 1000));
  }
  const checks = [
    { check: 'TF.js model has 108,288 parameters', params: numParams, ok: numParams === REFERENCE.params },
    { check: 'TF.js: first loss near ln 96 = 4.564, then falls', first, last,
      ok: Math.abs(first - Math.log(96)) < 0.3 && last < first },
  ];
  const out = {
    target: 'tfjs', mode: 'tfjs', arch: `tfjs ${tf.version.tfjs} ${tf.getBackend()}`,
    simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'), threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'),
    ok: checks.every((c) => c.ok), checks, losses: { first, last },
    metrics: [
      { id: 'train_tokens_per_s', what: 'training tokens/s (B=16 T=32, Adam)', unit: 'tokens/s', samples: trainTps },
      { id: 'forward_tokens_per_s', what: 'forward tokens/s (B=16 T=32, with loss)', unit: 'tokens/s', samples: fwdTps },
      { id: 'tensors_bytes_mb', what: 'TF.js tensor memory in use after the run', unit: 'MB',
        samples: [tf.memory().numBytes / 1e6] },
    ],
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  process.stdout.write(`${JSON.stringify({ target: 'tfjs', ok: false, error: String(err?.stack ?? err), metrics: [] })}\n`);
  process.exitCode = 1;
});
