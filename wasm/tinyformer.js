// tinyformer's JavaScript API: an ES module over the Embind WebAssembly engine.
//
//   import { createTinyformer } from './tinyformer.js';
//   const tinyformer = await createTinyformer();
//   const model = tinyformer.createModel({ n_layer: 2, n_embd: 32 }, { corpus: '나는 밥을 먹었다. ...' });
//   const run = model.inspect('고양이는 귀엽다');
//   run.attention(0, 1);            // { data: Float32Array(T*T), shape: [T, T] } softmax probabilities
//   model.generate('고양이', { maxTokens: 10, temperature: 0.8 }).text;
//   model.dispose();                // or: using model = ...  (Symbol.dispose)
//
// Every number comes from the C++ engine. Arrays are copies (safe to keep). Settings use nanoGPT's
// snake_case names (n_layer, block_size, ...); camelCase (nLayer) is accepted too. Errors are
// TinyformerError objects with a stable `code` (translated by the page) and `detail` numbers.
import createTinyformerModule from './tinyformer.mjs';

/** An error from the engine: `code` is stable (e.g. "invalid_utf8"), `message` is English. */
export class TinyformerError extends Error {
  constructor(message, code = 'internal', detail = -1, detail2 = -1) {
    super(message);
    this.name = 'TinyformerError';
    this.code = code;
    this.detail = detail;
    this.detail2 = detail2;
  }
}

function rethrow(err) {
  if (err instanceof TinyformerError) throw err;
  if (err && typeof err === 'object' && typeof err.code === 'string') {
    throw new TinyformerError(err.message, err.code, err.detail ?? -1, err.detail2 ?? -1);
  }
  throw new TinyformerError(String(err?.message ?? err), 'internal');
}

function call(fn) {
  try {
    return fn();
  } catch (err) {
    return rethrow(err);
  }
}

/**
 * Text → UTF-8 bytes for the engine. Well-formed strings encode as UTF-8; a lone UTF-16 surrogate
 * (possible in JS strings, e.g. from a broken paste) is kept as its 3-byte form so the engine
 * rejects it with the byte offset, instead of it being silently replaced or merged.
 * Bytes (Uint8Array) pass through unchanged.
 */
export function textBytes(text) {
  if (text instanceof Uint8Array) return text;
  if (typeof text !== 'string') throw new TinyformerError('text must be a string or a Uint8Array', 'bad_text');
  if (text.isWellFormed?.() ?? !/[\ud800-\udfff]/.test(text)) return new TextEncoder().encode(text);
  const out = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (cp >= 0xd800 && cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

/** Settings object → the engine's JSON: camelCase keys become snake_case (nLayer → n_layer). */
function settingsJson(settings = {}) {
  const snake = (key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const convert = (v) => {
    if (Array.isArray(v)) return v.map(convert);
    if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [snake(k), convert(x)]));
    }
    return v;
  };
  return JSON.stringify(convert(settings));
}

/** Token ids → Int32Array; anything but whole numbers in [0, 2^31) is refused (no NaN → 0, no 1e10 wrapping). */
function idsArray(ids) {
  if (ids instanceof Int32Array) return ids;
  if (!Array.isArray(ids) && !ArrayBuffer.isView(ids)) {
    throw new TinyformerError('token ids must be an array of integers', 'bad_token_id');
  }
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) {
      throw new TinyformerError(
        `token ids must be whole numbers in [0, 2147483647]; position ${i} holds ${String(id)}`,
        'bad_token_id',
        typeof id === 'number' ? id : -1,
        i,
      );
    }
    out[i] = id;
  }
  return out;
}

/** A count option (maxTokens) as a 32-bit whole number, refused otherwise instead of becoming 0 or wrapping. */
function wholeNumber(value, name) {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new TinyformerError(
      `${name} must be a whole number, got ${String(value)}`,
      'bad_sampling',
      typeof value === 'number' ? value : -1,
    );
  }
  return value;
}

/**
 * A whole-number argument (a racer index, a count) checked before it reaches the engine, where NaN, 2.5 or
 * "3" would silently become 0, 2 or 3. `code` is the engine's code for the same mistake.
 */
function intArg(value, name, code) {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new TinyformerError(
      `${name} must be a whole number, got ${String(value)}`,
      code,
      typeof value === 'number' ? value : -1,
    );
  }
  return value;
}

/** A real-number argument (a learning rate, a probability): NaN and non-numbers are refused here. */
function numberArg(value, name, code) {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new TinyformerError(`${name} must be a number, got ${String(value)}`, code);
  }
  return value;
}

// Objects that own wasm memory: dispose() frees it; if one is garbage-collected undisposed, the
// registry frees it then, so forgetting dispose() wastes memory for a while but never leaks for good.
const finalizer =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry((handle) => {
        try {
          handle.delete();
        } catch {
          /* already gone */
        }
      })
    : null;

class Owned {
  constructor(handle) {
    this._handle = handle;
    finalizer?.register(this, handle, this);
  }
  get _h() {
    if (!this._handle) throw new TinyformerError(`this ${this.constructor.name} was disposed`, 'disposed');
    return this._handle;
  }
  /** Frees the wasm memory behind this object. Safe to call twice. */
  dispose() {
    if (!this._handle) return;
    finalizer?.unregister(this);
    this._handle.delete();
    this._handle = null;
  }
  get disposed() {
    return !this._handle;
  }
  [Symbol.dispose ?? Symbol.for('Symbol.dispose')]() {
    this.dispose();
  }
}

/** A tokenizer description ({type, vocab}) that callers share: frozen, vocabulary included. */
function frozenTokenizer(tok) {
  Object.freeze(tok.vocab);
  return Object.freeze(tok);
}

/** A recorded tensor by name (both inspections). */
function recordedTensor(tensors, name, names) {
  const t = tensors[name];
  if (t) return t;
  if (names?.includes(name)) {
    throw new TinyformerError(
      `tensor '${name}' was recorded but not copied: name it in inspect(text, {tensors})`,
      'not_copied',
    );
  }
  throw new TinyformerError(`no recorded tensor named '${name}'`, 'bad_tensor_name');
}

/** One head's slice (a copy) of an (H, …) tensor: shape without the head axis. */
function headOf(t, head) {
  const [H, ...rest] = t.shape;
  if (!(Number.isInteger(head) && head >= 0 && head < H))
    throw new TinyformerError(`head ${head} is outside [0, ${H})`, 'bad_head');
  const n = rest.reduce((a, b) => a * b, 1);
  return { data: t.data.slice(head * n, (head + 1) * n), shape: rest };
}

/** The named intermediates of one forward pass (plain copied data; nothing to dispose). */
export class Inspection {
  constructor(raw, config) {
    /** @type {{id: number, text: string, unknown: boolean}[]} */
    this.tokens = raw.tokens;
    /** @type {Int32Array} */
    this.ids = raw.ids;
    /** Mean next-token cross-entropy over the sequence (NaN for one token). */
    this.loss = raw.loss;
    /** @type {string[]} tensor names in the order they were computed */
    this.names = raw.names;
    this.config = config;
    this._tensors = raw.tensors;
  }
  /** @returns {{data: Float32Array, shape: number[]}} e.g. tensor('h0.attn.q') → shape [H, T, D] */
  tensor(name) {
    return recordedTensor(this._tensors, name, this.names);
  }
  /** Rows [T] of one head of a (H, T, X) tensor (a copy). */
  head(name, head) {
    return headOf(this.tensor(name), head);
  }
  /** Softmax attention probabilities of layer `layer`, head `head`: (T, T), rows sum to 1. */
  attention(layer, head) {
    return this.head(`h${layer}.attn.probs`, head);
  }
  /** (T, V) */
  get logits() {
    return this.tensor('logits');
  }
  /** (T, V) next-token probabilities at every position */
  get probs() {
    return this.tensor('probs');
  }
}

/** A model and its tokenizer. */
export class Model extends Owned {
  constructor(handle) {
    super(handle);
    this._info = JSON.parse(call(() => handle.info()));
  }
  /** nanoGPT-style config: n_layer, n_head, n_embd, block_size, vocab_size, positional, norm, activation, ... */
  get config() {
    return this._h && this._info.config;
  }
  /** { config, tokenizer, vocab_size, num_parameters, params: [{name, shape}] } */
  get info() {
    return this._h && this._info;
  }
  /** The tokenizer: { type: 'char'|'word'|'jamo', vocab: string[] }, read once (it never changes) and frozen. */
  get tokenizer() {
    const h = this._h; // throws once disposed
    return (this._tokenizer ??= frozenTokenizer(JSON.parse(call(() => h.tokenizerJson()))));
  }
  /** @returns {{id: number, text: string, unknown: boolean}[]} */
  tokenize(text) {
    return call(() => this._h.tokenize(textBytes(text)));
  }
  /** @returns {Int32Array} */
  encode(text) {
    return Int32Array.from(this.tokenize(text), (t) => t.id);
  }
  /** @returns {string} */
  decode(ids) {
    return call(() => this._h.decode(idsArray(ids)));
  }
  /**
   * Runs the model on a sentence (or ids) and records every intermediate. The forward pass is cheap; copying
   * the records into JS is not, so a view that shows one layer names what it reads: `{tensors: ['h0.attn.probs']}`
   * copies only those (inspection.names still lists every one; tensor() of another says so).
   * @param {{tensors?: string[]}} [options]
   * @returns {Inspection}
   */
  inspect(textOrIds, { tensors } = {}) {
    const only = tensors === undefined ? null : Array.from(tensors, String);
    const raw = call(() =>
      typeof textOrIds === 'string' || textOrIds instanceof Uint8Array
        ? this._h.inspect(textBytes(textOrIds), only)
        : this._h.inspectIds(idsArray(textOrIds), only),
    );
    return new Inspection(raw, this.config);
  }
  /**
   * The model input for a sentence if positions were encoded as `positional`
   * ('sinusoidal' | 'none' for any model; 'learned' for a model with a learned table).
   * @returns {{'embed.token': Tensor, 'embed.position': Tensor, 'embed.sum': Tensor}} each (T, C)
   */
  embed(textOrIds, positional) {
    const ids = typeof textOrIds === 'string' ? this.encode(textOrIds) : idsArray(textOrIds);
    return call(() => this._h.embed(ids, positional));
  }
  /**
   * Dot products between the position vectors of positions 0..T-1 under `positional`
   * ('sinusoidal' | 'learned' | 'none'): (T, T), computed by the engine.
   */
  positionSimilarity(positional, T) {
    return call(() => this._h.positionSimilarity(positional, T));
  }
  /**
   * How the same word's hidden state changes with its context: for every occurrence of `word` in
   * `sentences`, its vector after the embedding and after each block, cosine similarities, a 2-D
   * projection (PCA) and where it attends.
   * @returns {{occurrences: {sentence: number, token: number, firstToken: number}[], tokens: Token[][], layers: number,
   *   vectors: Tensor[], cosine: Tensor[], projection: Tensor[], attention: Float32Array[][]}}
   */
  analyzeWord(sentences, word) {
    if (!Array.isArray(sentences) || sentences.some((s) => typeof s !== 'string' || s.includes('\n'))) {
      throw new TinyformerError('sentences must be strings without line breaks', 'bad_text');
    }
    return call(() => this._h.analyzeWord(textBytes(sentences.join('\n')), textBytes(word)));
  }
  /**
   * Whether the word's hidden state carries its sense (the 사과 lesson): `labels` has one label per occurrence of
   * `word` in `sentences`; the engine fits each label's centroid on half the occurrences and checks the other half
   * (two folds), per layer (0 = the embedding), against always guessing the commoner label.
   * @returns {{occurrences: number, senses: string[], counts: Int32Array, accuracy: Float32Array, majority: number,
   *   within: number[], across: number[]}}
   */
  senseCheck(sentences, word, labels) {
    const lines = (xs) => Array.isArray(xs) && xs.every((s) => typeof s === 'string' && !s.includes('\n'));
    if (!lines(sentences) || !lines(labels))
      throw new TinyformerError('sentences and labels must be strings without line breaks', 'bad_text');
    return call(() =>
      this._h.senseCheck(textBytes(sentences.join('\n')), textBytes(word), textBytes(labels.join('\n'))),
    );
  }
  /**
   * Probabilities (V) for the next token after `context`, after temperature / top-k / top-p.
   * @param {string|ArrayLike<number>} context  @param {{temperature?: number, topK?: number, topP?: number}} [sampling]
   * @returns {Float32Array}
   */
  nextTokenProbs(context, sampling = {}) {
    const ids = typeof context === 'string' ? this.encode(context) : idsArray(context);
    return call(() => this._h.nextTokenProbs(ids, settingsJson(sampling)));
  }
  /**
   * Continues `prompt` token by token. temperature 0 = greedy.
   * @param {{maxTokens?: number, temperature?: number, topK?: number, topP?: number, seed?: number}} [options]
   * @returns {{ids: Int32Array, text: string}} only the new tokens
   */
  generate(prompt, { maxTokens = 20, seed = 1, ...sampling } = {}) {
    const ids = typeof prompt === 'string' ? this.encode(prompt) : idsArray(prompt);
    const out = call(() => this._h.generate(ids, wholeNumber(maxTokens, 'maxTokens'), settingsJson(sampling), seed));
    return { ids: out, text: this.decode(out) };
  }
  /**
   * How far `ids` read as `corpus` (the engine's corpus_prefix): the leading tokens that are a prefix of a line
   * of the corpus (or whole lines with their line breaks, then a prefix of another), and the 0-based line.
   * @returns {{matched: number, line: number}}
   */
  corpusPrefix(ids, corpus) {
    return call(() => this._h.corpusPrefix(String(corpus), idsArray(ids)));
  }
  /** One parameter tensor by its nanoGPT name, e.g. 'transformer.wte.weight' (V, C). */
  parameter(name) {
    return call(() => this._h.parameter(name));
  }
  /** A .safetensors checkpoint (nanoGPT tensor names). @returns {Uint8Array} */
  save() {
    return call(() => this._h.save());
  }

  /**
   * The `k` tokens whose rows of the embedding table are nearest token `id`'s row by cosine, most similar first
   * (ties: lower id); never `id` itself nor the special tokens. Computed by the engine.
   * @returns {{id: number, text: string, cosine: number}[]}
   */
  nearestTokens(id, k = 5) {
    const raw = call(() => this._h.nearestTokens(wholeNumber(id, 'id'), wholeNumber(k, 'k')));
    const vocab = this.tokenizer.vocab;
    return Array.from(raw.ids, (near, i) => ({ id: near, text: vocab[near], cosine: raw.cosines[i] }));
  }
}

/**
 * Several models trained in lockstep on the same batches (one racer = plain training).
 * Runs on the calling thread: use TrainingRun (training.js) to train in a Worker.
 */
export class Trainer extends Owned {
  constructor(handle) {
    super(handle);
    this._info = JSON.parse(call(() => handle.info()));
  }
  /** { config, tokenizer, vocab, num_parameters, train_tokens, val_tokens, batch_size, seq_len, steps, racers } */
  get info() {
    this._info = JSON.parse(call(() => this._h.info()));
    return this._info;
  }
  get racers() {
    return this._h && this._info.racers.length;
  }
  /** Lockstep steps taken so far. */
  get steps() {
    return call(() => this._h.steps());
  }
  /**
   * n lockstep steps. Columnar results, one entry per racer per step:
   * @returns {{racer: Int32Array, step: Int32Array, tokens: Int32Array, diverged: Int32Array, loss: Float32Array, gradNorm: Float32Array, lr: Float32Array}}
   */
  step(n = 1) {
    return call(() => this._h.step(intArg(n, 'n', 'bad_train_config')));
  }
  /**
   * Split steps (train.shards S > 1, one racer): this Worker's block of shards [first, first + count) of the
   * next batch, to post to the other Workers; null once the racer diverged. See wasm/training-pool.js.
   * @returns {{part: Float32Array, loss: Float32Array, counted: Int32Array, replaced: Int32Array} | null}
   */
  stepPart(first, count) {
    return call(() =>
      this._h.stepPart(intArg(first, 'first', 'bad_train_config'), intArg(count, 'count', 'bad_train_config')),
    );
  }
  /** Another Worker's block k of the split step in flight, as its stepPart returned it. */
  setPart(k, block) {
    call(() => this._h.setPart(intArg(k, 'k', 'bad_train_config'), block));
  }
  /** Adds every block and takes the step: the columnar results of step(1). */
  finishStep() {
    return call(() => this._h.finishStep());
  }
  /** Held-out loss of one racer (train loss when the corpus is too small to hold some out). */
  evaluate(racer = 0, maxBatches = 4) {
    return call(() =>
      this._h.evaluate(intArg(racer, 'racer', 'bad_racer'), intArg(maxBatches, 'maxBatches', 'bad_train_config')),
    );
  }
  setLearningRate(racer, lr) {
    call(() =>
      this._h.setLearningRate(intArg(racer, 'racer', 'bad_racer'), numberArg(lr, 'lr', 'bad_optimizer_config')),
    );
  }
  setSamplingProb(racer, p) {
    call(() => this._h.setSamplingProb(intArg(racer, 'racer', 'bad_racer'), numberArg(p, 'p', 'bad_train_config')));
  }
  learningRate(racer = 0) {
    return call(() => this._h.learningRate(intArg(racer, 'racer', 'bad_racer')));
  }
  /** Optimizer state of one tensor: 'm', 'v', 'm_hat', 'v_hat', 'momentum', 'update', 'effective_lr'. @returns {Float32Array} */
  optimizerState(racer, param, which) {
    return call(() => this._h.optimizerState(intArg(racer, 'racer', 'bad_racer'), param, which));
  }
  /** Checkpoint bytes incl. optimizer state. @returns {Uint8Array} */
  save(racer = 0) {
    return call(() => this._h.save(intArg(racer, 'racer', 'bad_racer')));
  }
  /** An independent copy of a racer's model for inspection. Dispose it when done. @returns {Model} */
  snapshot(racer = 0) {
    return new Model(call(() => this._h.snapshot(intArg(racer, 'racer', 'bad_racer'))));
  }
  /** The same for an encoder–decoder trainer (spec arch 'seq2seq'). @returns {Translator} */
  snapshotTranslator(racer = 0) {
    return new Translator(call(() => this._h.snapshotTranslation(intArg(racer, 'racer', 'bad_racer'))));
  }
  /**
   * An encoder–decoder racer's greedy translations of the held-out pairs (the training pairs when none are
   * held out), compared with their references by the engine: the share written exactly (then <eos>) and the
   * share of reference tokens the teacher-forced decoder ranks first. Over the first `maxPairs` pairs
   * (0 = all). @returns {{pairs: number, exactMatch: number, tokenAccuracy: number}}
   */
  scoreTranslations(racer = 0, maxPairs = 0) {
    return call(() =>
      this._h.scoreTranslations(intArg(racer, 'racer', 'bad_racer'), intArg(maxPairs, 'maxPairs', 'bad_train_config')),
    );
  }
  /** The pairs scoreTranslations compares with, as written, in order. @returns {{source: string, target: string, line: number}[]} */
  heldOutPairs() {
    return call(() => this._h.heldOutPairs());
  }
  /** The same for a word-vector trainer (spec arch 'cbow'). @returns {WordVectors} */
  snapshotWordVectors(racer = 0) {
    return new WordVectors(call(() => this._m.snapshotCbow(this._h, intArg(racer, 'racer', 'bad_racer'))));
  }
}

/**
 * Trained word vectors (CBOW or skip-gram) and their vocabulary: nearest neighbours, a 2-D map that holds
 * still between snapshots, fill-in-the-blank, and one window of a sentence through the model.
 * A word that is not in the vocabulary but is a known word with a particle (고양이는) is read as its stem.
 */
export class WordVectors extends Owned {
  constructor(handle) {
    super(handle);
    this._info = JSON.parse(call(() => handle.info()));
  }
  /** { arch: 'cbow', vocab_size, dim, window, mode: 'cbow'|'skipgram', loss: 'softmax'|'negative', negatives, min_count, split_particles } */
  get config() {
    return this._info.config;
  }
  /** { arch, config, words, vocab_size, num_parameters } */
  get info() {
    return this._info;
  }
  /** The word of every id (ids 0..3 are <pad> <bos> <eos> <unk>; words follow, most frequent first). @returns {string[]} */
  get words() {
    return this._info.words;
  }
  /** The id of a word (or of its stem, 나는 → 나); throws code 'unknown_word'. */
  wordId(word) {
    return call(() => this._h.wordId(textBytes(word)));
  }
  /**
   * The k words whose vectors are closest by cosine. @param {'input'|'output'} [table]
   * @returns {{word: string, id: number, cosine: number}[]}
   */
  neighbours(word, k = 10, table = 'input') {
    const raw = call(() => this._h.neighbours(textBytes(word), k, table));
    return Array.from(raw.ids, (id, i) => ({ word: this.words[id], id, cosine: raw.cosine[i] }));
  }
  /**
   * The n most frequent words (ids 4 .. 4+n−1) on a 2-D PCA map. Pass the previous map's points to keep
   * its orientation (the new map is turned / mirrored to sit on it), so points move instead of flipping.
   * @param {{n?: number, previous?: Float32Array|{data: Float32Array}, table?: 'input'|'output'}} [options]
   * @returns {{points: {data: Float32Array, shape: [number, 2]}, axes: {data: Float32Array, shape: [2, number]},
   *   explained: Float32Array, aligned: boolean, words: string[]}}
   */
  projection({ n = 200, previous = null, table = 'input' } = {}) {
    const prev = previous && !(previous instanceof Float32Array) ? previous.data : previous;
    const raw = call(() => this._h.projection(n, prev ?? null, table));
    raw.words = this.words.slice(4, 4 + raw.points.shape[0]);
    return raw;
  }
  /**
   * The top k guesses for the blank (a run of underscores) in `sentence`, e.g. '나는 ___ 먹었다'.
   * Codes: 'no_blank', 'unknown_word'.
   * @returns {{guesses: {word: string, id: number, prob: number}[], words: string[], wordIds: Int32Array, blank: number,
   *   context: Int32Array, contextPositions: Int32Array, probs: Float32Array}}
   */
  fillBlank(sentence, k = 5) {
    const raw = call(() => this._h.fillBlank(textBytes(sentence), k));
    return {
      guesses: Array.from(raw.ids, (id, i) => ({ word: this.words[id], id, prob: raw.probs[i] })),
      words: raw.words,
      wordIds: raw.wordIds,
      blank: raw.blank,
      context: raw.context,
      contextPositions: raw.contextPositions,
      probs: raw.allProbs,
    };
  }
  /**
   * One window of `sentence` with the word at index `centre` as the blank: the context slots, the training
   * pairs of every window, and the model's numbers: tensor('context.vectors') (n, C), 'context.mean' (C),
   * 'scores' (V), 'probs' (V), 'loss' (1) [, 'noise.ids', 'noise.scores' with negative sampling].
   */
  inspect(sentence, centre) {
    const raw = call(() => this._h.inspect(textBytes(sentence), centre));
    return {
      ...raw,
      tensor: (name) => {
        const t = raw.tensors[name];
        if (!t) throw new TinyformerError(`no recorded tensor named '${name}'`, 'bad_tensor_name');
        return t;
      },
    };
  }
  /** The input (word) vectors or the output vectors: (V, C). */
  vectors(table = 'input') {
    return call(() => this._h.vectors(table));
  }
  /**
   * How well the vectors cluster by a labelling: `categories` maps a word to a label (e.g. the corpus's
   * lexicon categories); share of the k nearest labelled neighbours with the same label, its chance level,
   * mean within- and across-label cosine and their gap.
   * @returns {{share: number, chance: number, within: number, across: number, gap: number, words: number}}
   */
  clusterScore(categories, k = 3, table = 'input') {
    const labels = [...new Set(Object.values(categories))];
    const ids = Int32Array.from(this.words, (w) => (w in categories ? labels.indexOf(categories[w]) : -1));
    return JSON.parse(call(() => this._h.clusterScore(ids, k, table)));
  }
  /** A .safetensors checkpoint (arch 'cbow'). @returns {Uint8Array} */
  save() {
    return call(() => this._h.save());
  }
}

/**
 * The recorded pass of an encoder–decoder: the same tensor access as Inspection, for the names of
 * Seq2Seq (enc.h{l}.attn.*, dec.h{l}.attn.*, dec.h{l}.xattn.* with probs (H, T, S), enc.out, logits, ...).
 */
export class TranslationInspection {
  constructor(raw, config) {
    /** Typed source tokens (without <bos>/<eos>). */
    this.sourceTokens = raw.sourceTokens;
    /** Target tokens: typed, or the model's own translation. */
    this.targetTokens = raw.targetTokens ?? [];
    /** @type {Int32Array} what the encoder read: <bos> … <eos> */
    this.source = raw.source;
    /** @type {Int32Array} what the decoder read: <bos> … */
    this.inputs = raw.inputs ?? null;
    /** @type {Int32Array} what it had to predict: … <eos> */
    this.targets = raw.targets ?? null;
    this.loss = raw.loss ?? NaN;
    /** @type {string[]} */
    this.names = raw.names;
    this.config = config;
    this._tensors = raw.tensors;
  }
  /** @returns {{data: Float32Array, shape: number[]}} */
  tensor(name) {
    return recordedTensor(this._tensors, name);
  }
  /** One head's slice of an (H, …) tensor (a copy), e.g. head(`dec.h1.xattn.q`, 0) → (T, D). */
  head(name, head) {
    return headOf(this.tensor(name), head);
  }
  /**
   * One head's attention of one layer: 'encoder' (S, S), 'decoder' (T, T, causal) or 'cross' (T, S): rows sum to 1.
   * @returns {{data: Float32Array, shape: [number, number]}}
   */
  attention(kind, layer, head) {
    const name = {
      encoder: `enc.h${layer}.attn.probs`,
      decoder: `dec.h${layer}.attn.probs`,
      cross: `dec.h${layer}.xattn.probs`,
    }[kind];
    if (!name)
      throw new TinyformerError(`attention kind must be encoder, decoder or cross, got '${kind}'`, 'bad_tensor_name');
    return this.head(name, head);
  }
}

/** An encoder–decoder (translation) model and its two tokenizers. */
export class Translator extends Owned {
  constructor(handle) {
    super(handle);
    this._info = JSON.parse(call(() => handle.info()));
  }
  /** { arch: 'seq2seq', n_encoder_layer, n_decoder_layer, n_head, n_embd, block_size, src_vocab_size, tgt_vocab_size, norm, activation } */
  get config() {
    return this._h && this._info.config;
  }
  /** { arch, config, src_tokenizer, tgt_tokenizer, src_vocab_size, tgt_vocab_size, num_parameters, params } */
  get info() {
    return this._h && this._info;
  }
  /** { source: {type, vocab}, target: {type, vocab} }, read once (they never change) and frozen. */
  get tokenizers() {
    const h = this._h; // throws once disposed
    if (!this._tokenizers) {
      const { source, target } = JSON.parse(call(() => h.tokenizersJson()));
      this._tokenizers = Object.freeze({ source: frozenTokenizer(source), target: frozenTokenizer(target) });
    }
    return this._tokenizers;
  }
  /**
   * Translates `text`, one token at a time until <eos> (greedy unless temperature > 0).
   * @param {{maxTokens?: number, temperature?: number, topK?: number, topP?: number, seed?: number}} [options]
   * @returns {{text: string, ids: Int32Array, probs: Float32Array, finished: boolean, sourceTokens: object[],
   *   inspection: TranslationInspection}} inspection row k of each decoder tensor is step k
   */
  translate(text, { maxTokens = 32, seed = 1, temperature = 0, ...sampling } = {}) {
    const raw = call(() =>
      this._h.translate(
        textBytes(text),
        settingsJson({ temperature, ...sampling }),
        wholeNumber(maxTokens, 'maxTokens'),
        seed,
      ),
    );
    return {
      text: raw.text,
      ids: raw.output,
      probs: raw.stepProbs,
      finished: raw.finished,
      sourceTokens: raw.sourceTokens,
      inspection: new TranslationInspection(raw, this.config),
    };
  }
  /**
   * The model fed `target` (teacher forcing; '' = its own translation), every intermediate recorded.
   * `pad` appends that many <pad> tokens to the source, as in a training batch, so the padding mask shows.
   */
  inspect(source, target = '', { pad = 0 } = {}) {
    if (!Number.isInteger(pad) || pad < 0)
      throw new TinyformerError(`pad must be a whole number >= 0, got ${pad}`, 'bad_config');
    return new TranslationInspection(
      call(() => this._h.inspect(textBytes(source), textBytes(target), pad)),
      this.config,
    );
  }
  /**
   * Teacher forcing vs free-running on `source` and its reference translation: at each position of the
   * reference (and the final <eos>), the decoder's top token when fed the reference so far, and the token it
   * writes when fed its own outputs; `firstMistake` is where free-running first leaves the reference (-1: never).
   * @returns {{sourceTokens: object[], referenceTokens: object[], reference: Int32Array, forcedTop: Int32Array,
   *   forcedTopProb: Float32Array, forcedRefProb: Float32Array, forcedLoss: number, forcedMistakes: number,
   *   freeIds: Int32Array, freeProbs: Float32Array, freeFinished: boolean, firstMistake: number}}
   */
  compareDecoding(source, reference) {
    return call(() => this._h.compareDecoding(textBytes(source), textBytes(reference)));
  }
  /** A parameter tensor by its PyTorch name. @returns {{data: Float32Array, shape: number[]}} */
  parameter(name) {
    return call(() => this._h.parameter(String(name)));
  }
  /** A .safetensors checkpoint (PyTorch tutorial names). @returns {Uint8Array} */
  save() {
    return call(() => this._h.save());
  }
}

/** A tokenizer on its own, e.g. to compare char / word / jamo on one sentence. */
export class Tokenizer extends Owned {
  /** @returns {{type: string, vocab: string[]}} */
  get json() {
    return JSON.parse(call(() => this._h.json()));
  }
  /** @returns {Token[]} */
  tokenize(text) {
    return call(() => this._h.tokenize(textBytes(text)));
  }
  decode(ids) {
    return call(() => this._h.decode(idsArray(ids)));
  }
}

/** The loaded engine. Create it with `await createTinyformer()`. */
export class Tinyformer {
  /** @param {object} module the Embind module (internal) */
  constructor(module) {
    this._m = module;
    /** @type {string} engine version, e.g. "0.1.0" */
    this.version = module.version();
    /** @type {string} SIMD instruction set the kernels were built for ("wasm" = SIMD128) */
    this.simdArch = module.simdArch();
  }

  /**
   * The sinusoidal positional encoding of "Attention Is All You Need" for T positions and width C.
   * @returns {{data: Float32Array, shape: [number, number]}} row-major (T, C)
   */
  positionalEncoding(T, C) {
    return call(() => this._m.positionalEncoding(T, C));
  }
  /**
   * Attention between words from attention between tokens (the engine's rule: a word's row is the mean over
   * its query tokens of the sum over the other word's key tokens, averaged over heads; specials and spaces belong to no word, and
   * `rest` is the share of each row that went to them).
   * @param {{data: Float32Array, shape: number[]}} matrix (R, X) or (H, R, X): rows = query tokens, columns =
   *   key tokens; with heads, the result is the mean over heads
   * @param {{id: number, text: string}[]} rowTokens @param {{id: number, text: string}[]} colTokens
   * @returns {{weights: {data: Float32Array, shape: [number, number]}, rest: Float32Array, rowWords: string[],
   *   colWords: string[], rowGroup: Int32Array, colGroup: Int32Array}}
   */
  /** The mean over heads of an (H, ...) attention tensor. @returns {{data: Float32Array, shape: number[]}} */
  headMean(tensor) {
    return call(() => this._m.headMean(tensor.data, Array.from(tensor.shape)));
  }
  wordAttention(matrix, rowTokens, colTokens) {
    const [H, R, X] = matrix.shape.length === 3 ? matrix.shape : [1, ...matrix.shape];
    return call(() =>
      this._m.wordAttention(
        matrix.data,
        H,
        R,
        X,
        rowTokens.map((t) => t.id),
        rowTokens.map((t) => String(t.text)),
        colTokens.map((t) => t.id),
        colTokens.map((t) => String(t.text)),
      ),
    );
  }

  /** Bytes of wasm memory in use (it grows on demand and never shrinks). */
  get memoryBytes() {
    return this._m.HEAP8.length;
  }

  /**
   * Where the engine's memory is: `wasmBytes` (as memoryBytes), `mallocBytes` in use by the engine's
   * allocator, `handles` (JS values the engine holds through Embind) and the `stackPointer`. For tests
   * and diagnostics: all of them stay flat while models are created and disposed, trained and fail.
   */
  memoryStats() {
    return {
      wasmBytes: this._m.HEAP8.length,
      mallocBytes: this._m.mallocInUse(),
      handles: this._m.count_emval_handles(),
      stackPointer: this._m.stackSave(),
    };
  }

  /**
   * f(x) for every x under a feed-forward activation ('gelu', 'gelu_tanh', 'relu', 'sigmoid', 'tanh', 'silu'),
   * computed by the engine's kernel. @returns {Float32Array}
   */
  applyActivation(kind, xs) {
    return call(() => this._m.applyActivation(kind, xs instanceof Float32Array ? xs : Float32Array.from(xs)));
  }

  /**
   * The in-between numbers of softmax over `z`, computed by the engine: e^z per value (0 for −∞) and their sum.
   * @returns {{exp: Float32Array, sum: number}}
   */
  softmaxTerms(z) {
    return call(() => this._m.softmaxTerms(z instanceof Float32Array ? z : Float32Array.from(z)));
  }
  /**
   * LayerNorm's mean, variance and rstd = 1/√(variance + eps) of one vector, from the engine's kernel.
   * @returns {{mean: number, variance: number, rstd: number}}
   */
  layerNormTerms(x, eps = 1e-5) {
    return call(() =>
      this._m.layerNormTerms(x instanceof Float32Array ? x : Float32Array.from(x), numberArg(eps, 'eps', 'bad_config')),
    );
  }

  /** A tokenizer built from `corpus`. @param {'char'|'word'|'jamo'} type @returns {Tokenizer} */
  createTokenizer(type, corpus) {
    const handle = new this._m.Tokenizer();
    try {
      call(() => handle.build(type, textBytes(corpus ?? '')));
      return new Tokenizer(handle);
    } catch (err) {
      handle.delete();
      throw err;
    }
  }

  /** The Unicode code points of `text` as strings (a Hangul syllable is one). */
  splitChars(text) {
    return call(() => this._m.splitChars(textBytes(text)));
  }

  /**
   * A new, untrained model. The tokenizer comes from `corpus` (type 'char' | 'word' | 'jamo'), or is
   * given whole as `{ tokenizer: { type, vocab } }`. vocab_size defaults to the tokenizer's size.
   * @param {object} config  @param {{corpus?: string, type?: string, tokenizer?: {type: string, vocab: string[]}, seed?: number}} source
   * @returns {Model}
   */
  createModel(config = {}, { corpus, type = 'char', tokenizer, seed = 1337 } = {}) {
    const handle = new this._m.ModelSession();
    try {
      if (tokenizer) call(() => handle.create(settingsJson(config), JSON.stringify(tokenizer), seed));
      else call(() => handle.createFromCorpus(settingsJson(config), type, textBytes(corpus ?? ''), seed));
      return new Model(handle);
    } catch (err) {
      handle.delete();
      throw err;
    }
  }

  /** Opens a .safetensors checkpoint (ours, or a tiny nanoGPT one). @param {Uint8Array|ArrayBuffer} bytes @returns {Model} */
  loadModel(bytes) {
    return this._open(this._m.ModelSession, Model, bytes);
  }

  /** Opens an encoder–decoder .safetensors checkpoint (arch 'seq2seq'). @returns {Translator} */
  loadTranslator(bytes) {
    return this._open(this._m.TranslationSession, Translator, bytes);
  }

  /** Opens a word-vector .safetensors checkpoint (arch 'cbow'). @returns {WordVectors} */
  loadWordVectors(bytes) {
    return this._open(this._m.CbowSession, WordVectors, bytes);
  }

  /**
   * Korean text with particles split off the words by the engine's simple rule (고양이는 → 고양이 는): the longest
   * known particle at a word's end that fits the 받침, except for words seen in the text as a stem. A guess
   * without a dictionary: see the README for its limits.
   */
  splitParticles(text) {
    return call(() => this._m.splitParticles(textBytes(text)));
  }

  /**
   * A GPT's view of one word beside the word vectors' one row per word: for every occurrence of `word` in
   * `sentences`, the input embedding row of its last token (the same row in every sentence) and its hidden state
   * after the embedding and each block (Model.analyzeWord), their cosines (N, N), and per sense the mean cosine
   * within and across. labels: per sentence, the senses of its occurrences in order ([] = unlabelled).
   * Codes: 'word_not_found', 'unknown_word' (a character the model does not know), the text errors.
   * @param {Model} model
   * @returns {{occurrences: {sentence: number, token: number, firstToken: number}[], labels: string[], labelled: number,
   *   layers: number, wordTokens: Int32Array, wordTexts: string[], tokenRows: Tensor, embeddingCosine: Tensor,
   *   embeddingGroups: SenseSimilarity, cosine: Tensor[], layerGroups: SenseSimilarity[]}}
   *   with SenseSimilarity = {within, across, withinPairs, acrossPairs}
   */
  compareSenses(model, sentences, word, labels = []) {
    if (!Array.isArray(sentences) || sentences.some((s) => typeof s !== 'string' || s.includes('\n'))) {
      throw new TinyformerError('sentences must be strings without line breaks', 'bad_text');
    }
    if (!Array.isArray(labels) || labels.some((l) => !Array.isArray(l) || l.some((x) => typeof x !== 'string'))) {
      throw new TinyformerError('labels must be an array (per sentence) of arrays of strings', 'bad_text');
    }
    return call(() => this._m.compareSenses(model._h, textBytes(sentences.join('\n')), textBytes(word), labels));
  }

  /** A new engine session loaded from checkpoint bytes, wrapped; freed again if loading fails. */
  _open(Session, Wrapper, bytes) {
    const handle = new Session();
    try {
      call(() => handle.load(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)));
      return new Wrapper(handle);
    } catch (err) {
      handle.delete();
      throw err;
    }
  }

  /**
   * Training (one racer) or an optimizer race (several) on `corpus`. With `arch: 'seq2seq'` the corpus is
   * sentence pairs ('source\ttarget' lines) and `model` holds encoder–decoder settings. With `arch: 'cbow'`
   * the corpus is text and `model` holds word-vector settings ({dim, window, mode, loss, negatives, minCount});
   * `splitParticles: true` splits Korean particles off first; snapshotWordVectors() gives a WordVectors.
   * @param {{model?: object, tokenizer?: string, seed?: number, valFraction?: number, train?: {batchSize?: number, seqLen?: number, shards?: number},
   *          racers?: {name?: string, optimizer?: object, samplingProb?: number}[]}} spec
   * @returns {Trainer}
   */
  createTrainer(spec, corpus) {
    const handle = new this._m.TrainingSession();
    try {
      call(() => handle.create(settingsJson(spec), textBytes(corpus ?? '')));
      const trainer = new Trainer(handle);
      trainer._m = this._m; // module functions that take the trainer (snapshotWordVectors)
      return trainer;
    } catch (err) {
      handle.delete();
      throw err;
    }
  }
}

async function prepareNode(options) {
  // Emscripten 3.1.6's ES module glue expects CommonJS `require` and `__dirname` under Node, and
  // would try to fetch() the .wasm from a file: URL, which Node's fetch refuses: hand it the bytes.
  const isNode = typeof process === 'object' && process.versions?.node && typeof window === 'undefined';
  if (!isNode) return options;
  if (typeof globalThis.require !== 'function') {
    const { createRequire } = await import('node:module');
    const { fileURLToPath } = await import('node:url');
    globalThis.require = createRequire(import.meta.url);
    globalThis.__dirname = fileURLToPath(new URL('.', import.meta.url));
  }
  if (options.wasmBinary) return options;
  const { readFile } = await import('node:fs/promises');
  return { ...options, wasmBinary: await readFile(new URL('./tinyformer.wasm', import.meta.url)) };
}

/**
 * Loads the WebAssembly engine.
 * @param {object} [options] passed to the Emscripten module factory (e.g. `{ wasmBinary }`)
 * @returns {Promise<Tinyformer>}
 */
export async function createTinyformer(options = {}) {
  let module;
  try {
    module = await createTinyformerModule(await prepareNode(options));
  } catch (err) {
    throw new TinyformerError(`the WebAssembly engine could not start: ${err?.message ?? err}`, 'engine_failed');
  }
  return new Tinyformer(module);
}
