// Settings of a training run on the training page: what the learner chose (corpus, model size,
// optimizers, seed, ...), the presets, the URL-hash encoding that makes a run shareable, and the
// TrainerSpec the engine takes. Pure data: no DOM, no model math.
//
//   const s = decodeHash(location.hash);        // defaults for anything missing or invalid
//   location.hash = encodeHash(s);              // the same run for whoever opens the link
//   TrainingRun.create(trainerSpec(s), corpus, { maxSteps: s.steps });
//
// Same settings + same seed ⇒ the engine builds the same initial weights and draws the same
// batches, so the first losses of a shared link repeat exactly.

/** Model size presets. `tiny` trains fastest (used by the tests); `small` is the default. */
export const MODEL_PRESETS = {
  tiny: { n_layer: 1, n_head: 2, n_embd: 16, block_size: 16 },
  small: { n_layer: 2, n_head: 4, n_embd: 32, block_size: 32 },
  medium: { n_layer: 4, n_head: 4, n_embd: 64, block_size: 64 },
};

export const MODEL_DEFAULTS = { ...MODEL_PRESETS.small, positional: 'learned', norm: 'pre', activation: 'gelu' };

export const CHOICES = {
  mode: ['train', 'race', 'tf'],
  tokenizer: ['char', 'word', 'jamo'],
  positional: ['learned', 'sinusoidal', 'none'],
  norm: ['pre', 'post'],
  activation: ['gelu', 'relu', 'sigmoid', 'tanh', 'silu', 'gelu_tanh'],
  kind: ['sgd', 'momentum', 'adam', 'adamw'],
  n_layer: [1, 2, 3, 4, 6],
  n_head: [1, 2, 4, 8],
  n_embd: [8, 16, 32, 48, 64, 96, 128],
  block_size: [8, 16, 24, 32, 48, 64, 96, 128],
};

/** The usual learning rate of each optimizer on these small models (a starting point, not a law). */
export const DEFAULT_LR = { sgd: 0.1, momentum: 0.1, adam: 0.003, adamw: 0.003 };
/** AdamW differs from Adam only by its decoupled weight decay; with 0 the two are identical. */
export const ADAMW_WEIGHT_DECAY = 0.1;

/**
 * Race presets. `keepsUp` is the honest one: SGD with momentum at a well-chosen learning rate keeps
 * up with Adam on this model and corpus (measured with the engine; see the numbers in `measured`).
 */
export const RACE_PRESETS = {
  typical: {
    racers: [
      { kind: 'sgd', lr: 0.1 },
      { kind: 'adam', lr: 0.003 },
    ],
  },
  keepsUp: {
    racers: [
      { kind: 'momentum', lr: 0.15 },
      { kind: 'adam', lr: 0.003 },
    ],
    model: { ...MODEL_PRESETS.small },
    corpus: 'ko-small',
    batch: 16,
    seed: 1,
    steps: 300,
    // Measured with the engine (Node, build/wasm/site/lib/tinyformer.js, createTrainer with these two
    // racers, batch 16, ko-small, small model). The corpus is too short to hold text out, so "eval"
    // is trainer.evaluate(racer, 4) on the training text. Adam is ahead early (step 100: 0.39 vs 0.62) and level from about step 225 on; at step 300 they trade places across seeds.
    measured: {
      evalAt300: {
        seed1: { momentum: 0.114, adam: 0.133 },
        seed2: { momentum: 0.071, adam: 0.078 },
        seed3: { momentum: 0.089, adam: 0.068 },
      },
      evalAt100: {
        seed1: { momentum: 0.622, adam: 0.392 },
        seed2: { momentum: 0.512, adam: 0.408 },
        seed3: { momentum: 0.573, adam: 0.409 },
      },
      trainMeanSteps225to235: {
        seed1: { momentum: 0.1, adam: 0.09 },
        seed2: { momentum: 0.1, adam: 0.1 },
        seed3: { momentum: 0.11, adam: 0.1 },
      },
      // for contrast, the "typical" preset at step 300 (seed 1): SGD 0.1 → 0.753, Adam 0.003 → 0.133
    },
  },
  adamAhead: {
    racers: [
      { kind: 'momentum', lr: 0.3 },
      { kind: 'adam', lr: 0.003 },
    ],
    model: { ...MODEL_PRESETS.small },
    corpus: 'ko',
    batch: 16,
    seed: 1,
    steps: 600,
    // Same engine measurement on data/ko.txt (330 characters, many rare; 1794 held-out tokens): held-out
    // loss at steps 300 / 600 / 1000 — momentum 0.3: 1.860 / 1.635 / 1.333, Adam 0.003: 1.673 / 1.334 /
    // 1.203 (momentum 0.15: 1.906 at 300; 0.5 diverges). Adam's per-weight step sizes help the rare
    // characters' embeddings, whose gradients are small: the case Adam is good at.
    measured: {
      heldOut: {
        300: { momentum: 1.86, adam: 1.673 },
        600: { momentum: 1.635, adam: 1.334 },
        1000: { momentum: 1.333, adam: 1.203 },
      },
    },
  },
  all: {
    racers: [
      { kind: 'sgd', lr: 0.1 },
      { kind: 'momentum', lr: 0.1 },
      { kind: 'adam', lr: 0.003 },
      { kind: 'adamw', lr: 0.003 },
    ],
  },
};

// Batch and steps: chosen for the learner's measure (tests/bench/learner.mjs: seconds until the held-out loss
// of the ko corpus is below 1.4, where the samples read as sentences). Measured with the engine (Node, Adam
// 0.003, the small model): batch 16 gets there after 500 steps (seeds 1 and 2) = 256k tokens; batch 8 after
// 720 steps (seed 1, whole held-out; 620 and 680 for seeds 1 and 2 on half of it) = 159-184k tokens, at the
// same tokens/s within noise. Batch 8 also ends lower: 1.203 after 1,500 steps (384k tokens), where batch 16
// is at 1.203-1.214 at its best (1,000 steps, 512k tokens) and then overfits (1.21-1.25 at 2,000 steps).
// 300 steps stopped a run before its samples read as sentences (held-out 1.67 at batch 16).
export const DEFAULTS = {
  mode: 'train',
  corpus: 'ko-small',
  text: '', // the learner's own text when corpus === 'own' (only short texts travel in the URL)
  tokenizer: 'char',
  model: { ...MODEL_DEFAULTS },
  batch: 8,
  seed: 1,
  steps: 1500,
  racers: [{ kind: 'adam', lr: 0.003 }],
  samplingProb: 1, // teacher-forcing mode: the free-running racer's probability of feeding its own guess
};

export const MAX_URL_TEXT_BYTES = 1500;

function clone(s) {
  return JSON.parse(JSON.stringify(s));
}

/** Default settings for `mode` (the racers each mode starts with). */
export function defaultsFor(mode) {
  const s = clone(DEFAULTS);
  s.mode = mode;
  if (mode === 'race') s.racers = clone(RACE_PRESETS.typical.racers);
  if (mode === 'tf') s.racers = [{ kind: 'adam', lr: 0.003 }];
  return s;
}

/** Which preset the model config matches ('tiny' | 'small' | 'medium'), or 'custom'. */
export function presetOf(model) {
  for (const [name, p] of Object.entries(MODEL_PRESETS)) {
    if (Object.entries(p).every(([k, v]) => model[k] === v)) return name;
  }
  return 'custom';
}

/** The racers the engine trains: in teacher-forcing mode one optimizer twice, p = 0 and p = samplingProb. */
export function racerList(s) {
  if (s.mode === 'tf') {
    const r = s.racers[0] ?? { kind: 'adam', lr: 0.003 };
    return [
      { ...r, samplingProb: 0, role: 'teacher' },
      { ...r, samplingProb: s.samplingProb, role: 'free' },
    ];
  }
  if (s.mode === 'train') return [{ ...s.racers[0], samplingProb: 0 }];
  return s.racers.map((r) => ({ ...r, samplingProb: 0 }));
}

function optimizerSpec(r) {
  const o = { kind: r.kind, lr: r.lr };
  if (r.kind === 'adamw') o.weight_decay = ADAMW_WEIGHT_DECAY;
  return o;
}

// Every batch of an even size is cut into 2 shards (src/train/trainer.hpp, "Split steps"), whatever the machine: a
// single model whose steps are big enough then trains on 2 Workers where there are 2 cores (TrainingPool's split
// run, SPLIT_MIN_WORK) with the numbers of one Worker, so a shared link gives the same losses on every machine. On
// one Worker 2 shards cost nothing measurable; 4 were no faster on 2 cores (tests/bench: split_s*_w*).
const SHARDS = 2;

/** The engine's TrainerSpec (see tinyformer.d.ts) for these settings. */
export function trainerSpec(s) {
  return {
    model: { ...s.model },
    tokenizer: s.tokenizer,
    seed: s.seed,
    train: { batchSize: s.batch, shards: s.batch % SHARDS === 0 ? SHARDS : 1 },
    racers: racerList(s).map((r) => ({ name: r.kind, optimizer: optimizerSpec(r), samplingProb: r.samplingProb })),
  };
}

// ---- URL hash -----------------------------------------------------------------------------------

function base64url(bytes) {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unbase64url(text) {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Can the learner's own text travel in the link? (Longer texts make links too long to share.) */
export function textFitsUrl(text) {
  return new TextEncoder().encode(text).length <= MAX_URL_TEXT_BYTES;
}

/** Settings → "mode=race&corpus=ko-small&L=2&...&r=sgd:0.1,adam:0.003" (no leading #). */
export function encodeHash(s) {
  const m = s.model;
  const p = new URLSearchParams({
    mode: s.mode,
    corpus: s.corpus,
    tok: s.tokenizer,
    L: m.n_layer,
    H: m.n_head,
    C: m.n_embd,
    T: m.block_size,
    pos: m.positional,
    norm: m.norm,
    act: m.activation,
    B: s.batch,
    seed: s.seed,
    steps: s.steps,
    r: s.racers.map((r) => `${r.kind}:${r.lr}`).join(','),
  });
  if (s.mode === 'tf') p.set('p', String(s.samplingProb));
  if (s.corpus === 'own' && s.text && textFitsUrl(s.text)) p.set('text', base64url(new TextEncoder().encode(s.text)));
  // readable: ':' and ',' need no escaping in a fragment
  return [...p].map(([k, v]) => `${k}=${/^[\w.,:-]*$/.test(v) ? v : encodeURIComponent(v)}`).join('&');
}

const int = (v, lo, hi, fallback) => {
  if (v === null || v === '') return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n >= lo && n <= hi ? n : fallback;
};
const num = (v, lo, hi, fallback) => {
  const n = Number(v);
  return v !== null && v !== '' && Number.isFinite(n) && n > lo && n <= hi ? n : fallback;
};
const pick = (v, list, fallback) => (list.includes(v) ? v : fallback);

/** "#mode=…" (or "mode=…") → settings; anything missing or out of range takes its default. */
export function decodeHash(hash) {
  const p = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const mode = pick(p.get('mode'), CHOICES.mode, DEFAULTS.mode);
  const s = defaultsFor(mode);
  s.corpus = /^[\w.-]{1,40}$/.test(p.get('corpus') ?? '') ? p.get('corpus') : DEFAULTS.corpus;
  s.tokenizer = pick(p.get('tok'), CHOICES.tokenizer, DEFAULTS.tokenizer);
  const m = s.model;
  m.n_layer = int(p.get('L'), 1, 24, m.n_layer);
  m.n_head = int(p.get('H'), 1, 64, m.n_head);
  m.n_embd = int(p.get('C'), 1, 2048, m.n_embd);
  m.block_size = int(p.get('T'), 2, 4096, m.block_size);
  m.positional = pick(p.get('pos'), CHOICES.positional, m.positional);
  m.norm = pick(p.get('norm'), CHOICES.norm, m.norm);
  m.activation = pick(p.get('act'), CHOICES.activation, m.activation);
  s.batch = int(p.get('B'), 1, 512, s.batch);
  s.seed = int(p.get('seed'), 0, 2 ** 31, s.seed);
  s.steps = int(p.get('steps'), 1, 1000000, s.steps);
  s.samplingProb = p.has('p') ? Math.min(1, Math.max(0, num(p.get('p'), -1, 1, s.samplingProb))) : s.samplingProb;
  const racers = (p.get('r') ?? '')
    .split(',')
    .filter(Boolean)
    .map((part) => {
      const [kind, lr] = part.split(':');
      return CHOICES.kind.includes(kind) ? { kind, lr: num(lr, 0, 1e9, DEFAULT_LR[kind]) } : null;
    })
    .filter(Boolean);
  if (racers.length) {
    if (mode === 'race') {
      const seen = new Set();
      s.racers = racers.filter((r) => !seen.has(r.kind) && seen.add(r.kind)).slice(0, 4);
      if (s.racers.length < 2) s.racers = defaultsFor('race').racers;
    } else s.racers = racers.slice(0, 1);
  }
  if (s.corpus === 'own') {
    // the page writes at most MAX_URL_TEXT_BYTES; a longer (hand-made) text is not taken from a link
    const encoded = p.get('text') ?? '';
    try {
      const bytes = encoded.length <= Math.ceil(MAX_URL_TEXT_BYTES / 3) * 4 ? unbase64url(encoded) : null;
      s.text = bytes && bytes.length <= MAX_URL_TEXT_BYTES ? new TextDecoder().decode(bytes) : '';
    } catch {
      s.text = '';
    }
  }
  return s;
}

/** Human-readable number for a learning rate (0.003, 1e-5). */
export function formatLr(lr) {
  if (!Number.isFinite(lr)) return String(lr);
  return lr >= 1e-3 && lr < 1e4 ? String(Number(lr.toPrecision(3))) : lr.toExponential(1);
}

/** A sentence from the corpus that fits the model's context (for samples and snapshots). */
export function firstSentence(text, maxChars) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => [...l].length < maxChars) ?? [...(lines[0] ?? '')].slice(0, maxChars - 1).join('');
  return line;
}

/** The prompt samples start from until the learner types one: the first word of that sentence, at most 3 characters. */
export function defaultPrompt(text, maxChars) {
  return [...firstSentence(text, maxChars).split(' ')[0]].slice(0, 3).join('');
}
