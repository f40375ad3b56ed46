// The reference workload in TensorFlow.js 4.22 on its WebAssembly backend (single-threaded under Node),
// as a peer to compare tinyformer with: same model, batch and optimizer, written with tf ops.
//   node tests/bench/tfjs.mjs [--reps N] [--steps K]      prints one JSON object (the C++ bench's shape)
//   node tests/bench/tfjs.mjs --seq2seq [--reps N] [--steps K]     the encoder–decoder workload instead
//
// Notes: the token embedding is oneHot(ids)·wte, because tf.gather's gradient (UnsortedSegmentSum) has
// no wasm kernel; the full @tensorflow/tfjs package is loaded because tfjs-core alone registers no
// gradients under Node. Linear weights are stored (in, out) as tf.layers.dense does. GELU is exact (erf).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REFERENCE, SEQ2SEQ, SPECIALS, seq2seqBatches, syntheticStream } from './workload.mjs';

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
      ln1G: ones([C]),
      ln1B: zeros([C]),
      attnW: normal([C, 3 * C]),
      attnB: zeros([3 * C]),
      projW: normal([C, C], projStd),
      projB: zeros([C]),
      ln2G: ones([C]),
      ln2B: zeros([C]),
      fcW: normal([C, F]),
      fcB: zeros([F]),
      fcProjW: normal([F, C], projStd),
      fcProjB: zeros([C]),
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
    return x
      .sub(mean)
      .mul(tf.rsqrt(variance.add(1e-5)))
      .mul(g)
      .add(b);
  };
  const heads = (t) => t.reshape([B, T, H, D]).transpose([0, 2, 1, 3]); // (B, H, T, D)
  let x = tf.matMul(tf.oneHot(ids, V).toFloat(), p.wte); // (N, C)
  x = x.reshape([B, T, C]).add(p.wpe).reshape([N, C]);
  for (const l of p.layers) {
    const h = layerNorm(x, l.ln1G, l.ln1B);
    const [q, k, v] = tf.split(tf.matMul(h, l.attnW).add(l.attnB), 3, 1);
    const att = tf.softmax(
      tf
        .matMul(heads(q), heads(k), false, true)
        .mul(1 / Math.sqrt(D))
        .add(mask),
    ); // (B,H,T,T)
    const y = tf.matMul(att, heads(v)).transpose([0, 2, 1, 3]).reshape([N, C]);
    x = x.add(tf.matMul(y, l.projW).add(l.projB));
    const f = tf.matMul(layerNorm(x, l.ln2G, l.ln2B), l.fcW).add(l.fcB);
    const gelu = f.mul(0.5).mul(tf.erf(f.mul(Math.SQRT1_2)).add(1));
    x = x.add(tf.matMul(gelu, l.fcProjW).add(l.fcProjB));
  }
  const logits = tf.matMul(layerNorm(x, p.lnfG, p.lnfB), p.wte, false, true); // (N, V), tied output
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
  const mask = tf.tidy(() =>
    tf.linalg
      .bandPart(tf.ones([T, T]), -1, 0)
      .sub(1)
      .mul(1e9),
  ); // 0 on/below diagonal
  const optimizer = tf.train.adam(REFERENCE.lr, 0.9, 0.999, 1e-8);
  const stream = syntheticStream(1 << 17);
  let rng = 12345;
  const batch = () => {
    // B random windows of T+1 tokens
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
    {
      check: 'TF.js: first loss near ln 96 = 4.564, then falls',
      first,
      last,
      ok: Math.abs(first - Math.log(96)) < 0.3 && last < first,
    },
  ];
  const out = {
    target: 'tfjs',
    mode: 'tfjs',
    arch: `tfjs ${tf.version.tfjs} ${tf.getBackend()}`,
    simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
    threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'),
    ok: checks.every((c) => c.ok),
    checks,
    losses: { first, last },
    metrics: [
      { id: 'train_tokens_per_s', what: 'training tokens/s (B=16 T=32, Adam)', unit: 'tokens/s', samples: trainTps },
      {
        id: 'forward_tokens_per_s',
        what: 'forward tokens/s (B=16 T=32, with loss)',
        unit: 'tokens/s',
        samples: fwdTps,
      },
      {
        id: 'tensors_bytes_mb',
        what: 'TF.js tensor memory in use after the run',
        unit: 'MB',
        samples: [tf.memory().numBytes / 1e6],
      },
    ],
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

// ---- the encoder–decoder workload (SEQ2SEQ in workload.mjs; tinyformer_bench seq2seq is the other side) ----
// The same model as tf::Seq2Seq (PyTorch's nn.Transformer tutorial math), layer for layer and size for size,
// so both sides do the same arithmetic per step; it is not meant to match numerically (its own init):
//   source (B,S) → gather(src_emb)·√C + sinusoid → 2 × [x = LN1(x + SelfAttn(x, source key padding));
//   x = LN2(x + FFN(x))] → LN → memory (B·S, C)
//   inputs (B,T) → gather(tgt_emb)·√C + sinusoid → 2 × [x = LN1(x + SelfAttn(x, causal + target key padding));
//   x = LN2(x + CrossAttn(x, memory, source key padding)); x = LN3(x + FFN(x))] → LN → generator (C→Vt, bias)
//   loss = cross-entropy over the counted targets (padding weighted 0), mean.
// Attention: in_proj (C→3C, bias) split into Q, K, V, 4 heads of 16, softmax(QKᵀ/√D + mask)·V, out_proj (C→C,
// bias); cross-attention's in_proj is kept as Q (C→C) and KV (C→2C): the same weights and FLOPs. FFN: C→F ReLU
// F→C with biases. Masks are additive (−1e9), built on the host from the batch as the engine builds its pad flags.
// The embeddings are tf.gather with a custom gradient (tf.scatterND sums the rows of repeated ids), because
// tf.gather's own gradient (UnsortedSegmentSum) has no wasm kernel; a one-hot matmul, as the GPT peer above
// uses at vocabulary 96, would add ~2·16·(12·512 + 16·384)·64 multiply-adds per step that the engine does not do.

/** The sinusoid table (rows, C) of nn.Transformer's tutorial: sin on even columns, cos on odd. */
function sinusoid(rows, C) {
  const pe = new Float32Array(rows * C);
  for (let pos = 0; pos < rows; pos++) {
    for (let i = 0; i < C; i += 2) {
      const angle = pos * Math.exp((-i * Math.log(10000)) / C);
      pe[pos * C + i] = Math.sin(angle);
      pe[pos * C + i + 1] = Math.cos(angle);
    }
  }
  return pe;
}

/** Parameters as tf.variables: Xavier-uniform matrices (stored (in, out)), zero biases, LayerNorm 1 / 0. */
function createSeq2seqParams(tf) {
  const { srcVocab, tgtVocab, C, F, Le, Ld } = SEQ2SEQ;
  let seed = 1;
  const xavier = (shape, fanIn = shape[0], fanOut = shape[1]) => {
    const bound = Math.sqrt(6 / (fanIn + fanOut));
    return tf.variable(tf.randomUniform(shape, -bound, bound, 'float32', seed++));
  };
  const zeros = (shape) => tf.variable(tf.zeros(shape));
  const ones = (shape) => tf.variable(tf.ones(shape));
  const norm = () => ({ g: ones([C]), b: zeros([C]) });
  const ffn = () => ({ w1: xavier([C, F]), b1: zeros([F]), w2: xavier([F, C]), b2: zeros([C]) });
  // PyTorch's in_proj_weight is one (3C, C) matrix: Xavier over it as a whole, as the engine does
  const selfAttn = () => ({ inW: xavier([C, 3 * C]), inB: zeros([3 * C]), outW: xavier([C, C]), outB: zeros([C]) });
  const crossAttn = () => ({
    qW: xavier([C, C], C, 3 * C),
    qB: zeros([C]),
    kvW: xavier([C, 2 * C], C, 3 * C),
    kvB: zeros([2 * C]),
    outW: xavier([C, C]),
    outB: zeros([C]),
  });
  const p = { srcEmb: xavier([srcVocab, C]), tgtEmb: xavier([tgtVocab, C]), enc: [], dec: [] };
  for (let l = 0; l < Le; l++) p.enc.push({ attn: selfAttn(), ln1: norm(), ffn: ffn(), ln2: norm() });
  p.encNorm = norm();
  for (let l = 0; l < Ld; l++) {
    p.dec.push({ attn: selfAttn(), ln1: norm(), cross: crossAttn(), ln2: norm(), ffn: ffn(), ln3: norm() });
  }
  p.decNorm = norm();
  p.genW = xavier([C, tgtVocab]);
  p.genB = zeros([tgtVocab]);
  return p;
}

function seq2seqVariables(p) {
  const flat = (o) => Object.values(o).flatMap((v) => (v instanceof Object && !v.dtype ? flat(v) : [v]));
  return flat(p);
}

/** One batch as tensors: ids, additive masks built on the host, targets with padding weighted 0. */
function seq2seqTensors(tf, batch) {
  const { B, S, T, tgtVocab } = SEQ2SEQ;
  const { PAD, IGNORE } = SPECIALS;
  const srcMask = new Float32Array(B * S); // (B,1,1,S): −1e9 on <pad> keys
  for (let i = 0; i < B * S; i++) srcMask[i] = batch.source[i] === PAD ? -1e9 : 0;
  const tgtMask = new Float32Array(B * T * T); // (B,1,T,T): causal + target key padding
  for (let b = 0; b < B; b++) {
    for (let q = 0; q < T; q++) {
      for (let k = 0; k < T; k++) tgtMask[(b * T + q) * T + k] = k > q || batch.inputs[b * T + k] === PAD ? -1e9 : 0;
    }
  }
  const labels = new Int32Array(B * T);
  const weights = new Float32Array(B * T);
  for (let i = 0; i < B * T; i++) {
    const y = batch.targets[i];
    labels[i] = y === IGNORE ? 0 : y;
    weights[i] = y === IGNORE ? 0 : 1;
  }
  const t = {
    source: tf.tensor1d(batch.source, 'int32'),
    inputs: tf.tensor1d(batch.inputs, 'int32'),
    srcMask: tf.tensor4d(srcMask, [B, 1, 1, S]),
    tgtMask: tf.tensor4d(tgtMask, [B, 1, T, T]),
    weights: tf.tensor1d(weights),
  };
  t.onehot = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), tgtVocab).toFloat());
  return t;
}

/** Mean cross-entropy over the counted targets of one batch. */
function seq2seqLoss(tf, p, pe, t) {
  const { B, S, T, C, H } = SEQ2SEQ;
  const D = C / H;
  const linear = (x, w, b) => tf.matMul(x, w).add(b);
  const layerNorm = (x, n) => {
    const { mean, variance } = tf.moments(x, -1, true);
    return x
      .sub(mean)
      .mul(tf.rsqrt(variance.add(1e-5)))
      .mul(n.g)
      .add(n.b);
  };
  const heads = (x, L) => x.reshape([B, L, H, D]).transpose([0, 2, 1, 3]); // (B, H, L, D)
  const attend = (q, k, v, Lq, Lk, mask) => {
    const att = tf.softmax(
      tf
        .matMul(heads(q, Lq), heads(k, Lk), false, true)
        .mul(1 / Math.sqrt(D))
        .add(mask),
    );
    return tf
      .matMul(att, heads(v, Lk))
      .transpose([0, 2, 1, 3])
      .reshape([B * Lq, C]);
  };
  const selfAttention = (x, a, L, mask) => {
    const [q, k, v] = tf.split(linear(x, a.inW, a.inB), 3, 1);
    return linear(attend(q, k, v, L, L, mask), a.outW, a.outB);
  };
  const crossAttention = (x, memory, a) => {
    const [k, v] = tf.split(linear(memory, a.kvW, a.kvB), 2, 1);
    return linear(attend(linear(x, a.qW, a.qB), k, v, T, S, t.srcMask), a.outW, a.outB);
  };
  const ffn = (x, f) => linear(tf.relu(linear(x, f.w1, f.b1)), f.w2, f.b2);
  const embed = (table, ids, L) => {
    const lookup = tf.customGrad((w, save) => {
      save([]);
      return { value: tf.gather(w, ids), gradFunc: (dy) => [tf.scatterND(ids.reshape([-1, 1]), dy, w.shape)] };
    });
    return lookup(table)
      .mul(Math.sqrt(C))
      .reshape([B, L, C])
      .add(pe.slice([0, 0], [L, C]))
      .reshape([B * L, C]);
  };

  let x = embed(p.srcEmb, t.source, S);
  for (const l of p.enc) {
    x = layerNorm(x.add(selfAttention(x, l.attn, S, t.srcMask)), l.ln1);
    x = layerNorm(x.add(ffn(x, l.ffn)), l.ln2);
  }
  const memory = layerNorm(x, p.encNorm);
  let y = embed(p.tgtEmb, t.inputs, T);
  for (const l of p.dec) {
    y = layerNorm(y.add(selfAttention(y, l.attn, T, t.tgtMask)), l.ln1);
    y = layerNorm(y.add(crossAttention(y, memory, l.cross)), l.ln2);
    y = layerNorm(y.add(ffn(y, l.ffn)), l.ln3);
  }
  const logits = linear(layerNorm(y, p.decNorm), p.genW, p.genB); // (B·T, Vt)
  // SUM_BY_NONZERO_WEIGHTS (the default reduction): Σ weighted losses / number of counted targets
  return tf.losses.softmaxCrossEntropy(t.onehot, logits, t.weights);
}

async function mainSeq2seq() {
  const reps = option('--reps', 3);
  const steps = option('--steps', 10);
  const { B, T, S, C } = SEQ2SEQ;
  const tf = await loadTf();
  const p = createSeq2seqParams(tf);
  const vars = seq2seqVariables(p);
  const numParams = vars.reduce((n, v) => n + v.size, 0);
  const pe = tf.tensor2d(sinusoid(Math.max(S, T), C), [Math.max(S, T), C]);
  const optimizer = tf.train.adam(SEQ2SEQ.lr, 0.9, 0.999, 1e-8);
  const batches = seq2seqBatches();
  let k = 0; // the next batch of the cycle, as in bench.cpp
  let counted = 0;
  const trainStep = () => {
    const batch = batches[k++ % batches.length];
    const t = seq2seqTensors(tf, batch);
    const loss = optimizer.minimize(() => seq2seqLoss(tf, p, pe, t), true, vars);
    const value = loss.dataSync()[0];
    tf.dispose([loss, ...Object.values(t)]);
    counted += batch.counted;
    return value;
  };

  const first = trainStep();
  // warm-up as the GPT peer above: at least 2 steps and 0.3 s
  for (let i = 0, w0 = performance.now(); i < 2 || performance.now() - w0 < 300; i++) trainStep();
  const trainTps = [];
  const trainPps = [];
  let last = first;
  for (let r = 0; r < reps; r++) {
    counted = 0;
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) last = trainStep();
    const sec = (performance.now() - t0) / 1000;
    trainTps.push(counted / sec);
    trainPps.push((steps * B * T) / sec);
  }
  const fwdTps = [];
  const fwdPps = [];
  const batch = batches[0]; // as bench.cpp: the first batch of the cycle
  const t = seq2seqTensors(tf, batch);
  const forward = () => {
    const loss = tf.tidy(() => seq2seqLoss(tf, p, pe, t));
    loss.dataSync();
    loss.dispose();
  };
  forward();
  for (let r = 0; r < reps; r++) {
    const n = 2 * steps;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) forward();
    const sec = (performance.now() - t0) / 1000;
    fwdTps.push((n * batch.counted) / sec);
    fwdPps.push((n * B * T) / sec);
  }
  tf.dispose(Object.values(t));
  const lnV = Math.log(SEQ2SEQ.tgtVocab);
  const checks = [
    { check: 'TF.js seq2seq model has 316,032 parameters', params: numParams, ok: numParams === SEQ2SEQ.params },
    {
      check: 'TF.js seq2seq: first loss near ln 384 = 5.951, then falls',
      first,
      last,
      ok: Math.abs(first - lnV) < 0.5 && last < first,
    },
  ];
  const out = {
    target: 'tfjs',
    mode: 'tfjs-seq2seq',
    arch: `tfjs ${tf.version.tfjs} ${tf.getBackend()}`,
    simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
    threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'),
    ok: checks.every((c) => c.ok),
    checks,
    losses: { first, last },
    metrics: [
      {
        id: 's2s_train_tokens_per_s',
        what: 'seq2seq training tokens/s, counted targets (no padding; B=16 S=12 T=16, Adam)',
        unit: 'tokens/s',
        samples: trainTps,
      },
      {
        id: 's2s_train_positions_per_s',
        what: 'seq2seq training B·T/s, every decoder position (B=16 S=12 T=16, Adam)',
        unit: 'B·T/s',
        samples: trainPps,
      },
      {
        id: 's2s_forward_tokens_per_s',
        what: 'seq2seq forward tokens/s, counted targets (with loss)',
        unit: 'tokens/s',
        samples: fwdTps,
      },
      { id: 's2s_forward_positions_per_s', what: 'seq2seq forward B·T/s (with loss)', unit: 'B·T/s', samples: fwdPps },
      {
        id: 's2s_tensors_bytes_mb',
        what: 'seq2seq: TF.js tensor memory in use after the run',
        unit: 'MB',
        samples: [tf.memory().numBytes / 1e6],
      },
    ],
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

(process.argv.includes('--seq2seq') ? mainSeq2seq() : main()).catch((err) => {
  process.stdout.write(
    `${JSON.stringify({ target: 'tfjs', ok: false, error: String(err?.stack ?? err), metrics: [] })}\n`,
  );
  process.exitCode = 1;
});
