// Types for tinyformer.js (the JavaScript API over the WebAssembly engine) and training.js.

export interface Tensor {
  /** Row-major values, copied out of wasm memory. */
  data: Float32Array;
  shape: number[];
}

export interface Token {
  id: number;
  /** The text this token stands for (a jamo token shows its jamo). */
  text: string;
  /** True when the piece is not in the vocabulary (id is <unk>). */
  unknown: boolean;
}

/** nanoGPT's GPTConfig keys plus tinyformer's options. camelCase spellings are accepted too. */
export interface ModelConfig {
  n_layer?: number;
  n_head?: number;
  n_embd?: number;
  block_size?: number;
  vocab_size?: number;
  /** Hidden units of the feed-forward block; 0 means 4·n_embd. */
  mlp_hidden?: number;
  bias?: boolean;
  tied?: boolean;
  positional?: 'learned' | 'sinusoidal' | 'none';
  norm?: 'pre' | 'post';
  activation?: 'gelu' | 'gelu_tanh' | 'relu' | 'sigmoid' | 'tanh' | 'silu';
  ln_eps?: number;
}

/** nn.Transformer-style encoder–decoder settings (a trainer with `arch: 'seq2seq'`). */
export interface Seq2SeqConfig {
  n_encoder_layer?: number;
  n_decoder_layer?: number;
  n_head?: number;
  n_embd?: number;
  /** Hidden units of the feed-forward block; 0 means 4·n_embd. */
  mlp_hidden?: number;
  /** Longest source (with <bos> and <eos>) and longest target (with <bos>). */
  block_size?: number;
  /** Always true (nn.Transformer has biases). */
  bias?: true;
  norm?: 'pre' | 'post';
  activation?: 'gelu' | 'gelu_tanh' | 'relu' | 'sigmoid' | 'tanh' | 'silu';
  ln_eps?: number;
}

export interface OptimizerSettings {
  kind?: 'sgd' | 'momentum' | 'nesterov' | 'adam' | 'adamw';
  lr?: number;
  momentum?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  weight_decay?: number;
  grad_clip?: number;
  schedule?: 'constant' | 'warmup_cosine';
  warmup_steps?: number;
  total_steps?: number;
  min_lr_ratio?: number;
}

export interface SamplingOptions {
  /** 0 = greedy. */
  temperature?: number;
  topK?: number;
  topP?: number;
}

/** Word vectors (arch 'cbow'); vocab_size comes from the text. */
export interface CbowConfig {
  dim?: number;
  /** Context words on each side of the centre. */
  window?: number;
  mode?: 'cbow' | 'skipgram';
  loss?: 'softmax' | 'negative';
  /** Noise words per row with loss 'negative'. */
  negatives?: number;
  /** Words seen fewer times are left out of the vocabulary. */
  min_count?: number;
}

export interface TrainerSpec {
  /**
   * 'gpt' (default); 'seq2seq': the corpus is "source<TAB>target" lines and `model` holds encoder–decoder
   * settings; 'cbow': word vectors.
   */
  arch?: 'gpt' | 'seq2seq' | 'cbow';
  /** arch 'cbow': split Korean particles off the words first (Tinyformer.splitParticles). */
  splitParticles?: boolean;
  model?: ModelConfig | Seq2SeqConfig | CbowConfig;
  tokenizer?: 'char' | 'word' | 'jamo';
  seed?: number;
  /** Share of the corpus (its end) held out for evaluation, default 0.1. */
  valFraction?: number;
  /**
   * shards: cut each batch into 1, 2, 4 or 8 equal blocks of rows (default 1; batchSize must be a multiple).
   * A model with shards can be split over up to that many Workers (TrainingPool), with one Worker's numbers.
   */
  train?: { batchSize?: number; seqLen?: number; shards?: number };
  racers?: { name?: string; optimizer?: OptimizerSettings; samplingProb?: number }[];
  /** seq2seq: how each side is cut into tokens (default 'word'). */
  srcTokenizer?: 'char' | 'word' | 'jamo';
  tgtTokenizer?: 'char' | 'word' | 'jamo';
}

/** How well an encoder–decoder translates pairs it was not trained on (computed by the engine). */
export interface TranslationScore {
  pairs: number;
  /** Share of pairs whose greedy translation is the reference exactly (0..1). */
  exactMatch: number;
  /** Share of reference tokens (and the final <eos>) the teacher-forced decoder ranks first (0..1). */
  tokenAccuracy: number;
}

/** A sentence pair as written in the pairs file (line is 1-based). */
export interface TextPair {
  source: string;
  target: string;
  line: number;
}

/** Columnar: one entry per racer per step. */
/** One Worker's block of a split step: its gradient sum and its shards' losses. */
export interface SplitPart {
  part: Float32Array;
  loss: Float32Array;
  counted: Int32Array;
  replaced: Int32Array;
}

export interface StepResults {
  racer: Int32Array;
  step: Int32Array;
  tokens: Int32Array;
  diverged: Int32Array;
  loss: Float32Array;
  gradNorm: Float32Array;
  lr: Float32Array;
}

export class TinyformerError extends Error {
  constructor(message: string, code?: string, detail?: number, detail2?: number);
  /** Stable machine-readable code, e.g. "invalid_utf8", "bad_config", "too_long". */
  code: string;
  detail: number;
  detail2: number;
}

export function textBytes(text: string | Uint8Array): Uint8Array;

export class Inspection {
  readonly tokens: Token[];
  readonly ids: Int32Array;
  readonly loss: number;
  /** Names of the recorded tensors, in the order computed (embed.token ... h0.attn.probs ... probs). */
  readonly names: string[];
  readonly config: ModelConfig;
  tensor(name: string): Tensor;
  head(name: string, head: number): Tensor;
  /** (T, T) softmax probabilities; rows sum to 1; zero above the diagonal. */
  attention(layer: number, head: number): Tensor;
  readonly logits: Tensor;
  readonly probs: Tensor;
}

interface Disposable {
  dispose(): void;
  readonly disposed: boolean;
}

export class Model implements Disposable {
  readonly config: Required<ModelConfig>;
  readonly info: {
    config: Required<ModelConfig>;
    tokenizer: string;
    vocab_size: number;
    num_parameters: number;
    params: { name: string; shape: number[] }[];
  };
  readonly tokenizer: Readonly<{ type: 'char' | 'word' | 'jamo'; vocab: readonly string[] }>;
  tokenize(text: string | Uint8Array): Token[];
  encode(text: string | Uint8Array): Int32Array;
  decode(ids: ArrayLike<number>): string;
  /** `tensors`: copy only these records into JS (names still lists all; tensor() of another throws 'not_copied'). */
  inspect(textOrIds: string | Uint8Array | ArrayLike<number>, options?: { tensors?: string[] }): Inspection;
  embed(
    textOrIds: string | ArrayLike<number>,
    positional: 'learned' | 'sinusoidal' | 'none',
  ): { 'embed.token': Tensor; 'embed.position': Tensor; 'embed.sum': Tensor };
  positionSimilarity(positional: 'learned' | 'sinusoidal' | 'none', T: number): Tensor;
  analyzeWord(
    sentences: string[],
    word: string,
  ): {
    occurrences: { sentence: number; token: number; firstToken: number }[];
    tokens: Token[][];
    layers: number;
    vectors: Tensor[];
    cosine: Tensor[];
    projection: Tensor[];
    attention: Float32Array[][];
  };
  /** The 사과 lesson's check: nearest sense centroids in two folds per layer, against the commoner sense. */
  senseCheck(
    sentences: string[],
    word: string,
    labels: string[],
  ): {
    occurrences: number;
    senses: string[];
    counts: Int32Array;
    accuracy: Float32Array;
    majority: number;
    within: number[];
    across: number[];
  };
  nextTokenProbs(context: string | ArrayLike<number>, sampling?: SamplingOptions): Float32Array;
  generate(
    prompt: string | ArrayLike<number>,
    options?: SamplingOptions & { maxTokens?: number; seed?: number },
  ): { ids: Int32Array; text: string };
  /** Leading tokens of `ids` that read as `corpus` (a prefix of one of its lines, or whole lines then a prefix), and that line. */
  corpusPrefix(ids: ArrayLike<number>, corpus: string): { matched: number; line: number };
  parameter(name: string): Tensor;
  save(): Uint8Array;
  /** The k tokens whose embedding rows are nearest token id's by cosine (engine), most similar first; no specials. */
  nearestTokens(id: number, k?: number): { id: number; text: string; cosine: number }[];
  dispose(): void;
  readonly disposed: boolean;
}

export class Trainer implements Disposable {
  readonly info: any;
  readonly racers: number;
  readonly steps: number;
  step(n?: number): StepResults;
  /** Split steps (train.shards > 1, one racer): this Worker's block of the next batch; null once diverged. */
  stepPart(first: number, count: number): SplitPart | null;
  /** Another Worker's block k of the split step in flight. */
  setPart(k: number, block: SplitPart): void;
  /** Adds every block and takes the step. */
  finishStep(): StepResults;
  evaluate(racer?: number, maxBatches?: number): number;
  setLearningRate(racer: number, lr: number): void;
  setSamplingProb(racer: number, p: number): void;
  learningRate(racer?: number): number;
  optimizerState(
    racer: number,
    param: string,
    which: 'm' | 'v' | 'm_hat' | 'v_hat' | 'momentum' | 'update' | 'effective_lr',
  ): Float32Array;
  save(racer?: number): Uint8Array;
  snapshot(racer?: number): Model;
  /** For a trainer made with `arch: 'seq2seq'`. */
  snapshotTranslator(racer?: number): Translator;
  /** For `arch: 'seq2seq'`: greedy translations of the held-out pairs scored against their references (maxPairs 0 = all). */
  scoreTranslations(racer?: number, maxPairs?: number): TranslationScore;
  /** For `arch: 'seq2seq'`: the pairs scoreTranslations compares with, as written, in order. */
  heldOutPairs(): TextPair[];
  /** For a trainer made with `arch: 'cbow'`. */
  snapshotWordVectors(racer?: number): WordVectors;
  dispose(): void;
  readonly disposed: boolean;
}

/** The recorded pass of an encoder–decoder (tensor names enc.h{l}.attn.*, dec.h{l}.attn.*, dec.h{l}.xattn.*, ...). */
export class TranslationInspection {
  readonly sourceTokens: Token[];
  readonly targetTokens: Token[];
  /** <bos> source… <eos> */
  readonly source: Int32Array;
  /** <bos> target… (null for a translation's own pass) */
  readonly inputs: Int32Array | null;
  /** target… <eos> (null for a translation's own pass) */
  readonly targets: Int32Array | null;
  readonly loss: number;
  readonly names: string[];
  readonly config: any;
  tensor(name: string): Tensor;
  /** One head's slice of an (H, …) tensor. */
  head(name: string, head: number): Tensor;
  /** One head: encoder (S, S), decoder (T, T, causal), cross (T, S); rows sum to 1. */
  attention(kind: 'encoder' | 'decoder' | 'cross', layer: number, head: number): Tensor;
}

/** An encoder–decoder (translation) model with its source and target tokenizers. */
/** Teacher forcing vs free-running on one sentence (Translator.compareDecoding). */
export interface DecodingComparison {
  sourceTokens: Token[];
  referenceTokens: Token[];
  /** reference ids + <eos>: what each position should write */
  reference: Int32Array;
  forcedTop: Int32Array;
  forcedTopProb: Float32Array;
  forcedRefProb: Float32Array;
  forcedLoss: number;
  forcedMistakes: number;
  freeIds: Int32Array;
  freeProbs: Float32Array;
  freeFinished: boolean;
  /** first position where free-running differs from the reference; -1 when it never does */
  firstMistake: number;
}

/** Attention between words (Tinyformer.wordAttention). */
export interface WordAttention {
  weights: Tensor;
  rest: Float32Array;
  rowWords: string[];
  colWords: string[];
  rowGroup: Int32Array;
  colGroup: Int32Array;
}

export class Translator implements Disposable {
  readonly config: any;
  readonly info: any;
  readonly tokenizers: Readonly<{
    source: Readonly<{ type: string; vocab: readonly string[] }>;
    target: Readonly<{ type: string; vocab: readonly string[] }>;
  }>;
  translate(
    text: string | Uint8Array,
    options?: SamplingOptions & { maxTokens?: number; seed?: number },
  ): {
    text: string;
    ids: Int32Array;
    probs: Float32Array;
    finished: boolean;
    sourceTokens: Token[];
    inspection: TranslationInspection;
  };
  inspect(source: string | Uint8Array, target?: string | Uint8Array, options?: { pad?: number }): TranslationInspection;
  compareDecoding(source: string | Uint8Array, reference: string | Uint8Array): DecodingComparison;
  parameter(name: string): Tensor;
  save(): Uint8Array;
  dispose(): void;
  readonly disposed: boolean;
}

/** One training pair a window makes: CBOW context → centre, or skip-gram centre → one context word. */
export interface WordPair {
  /** Vocabulary ids (0 = no word in that slot). */
  inputs: Int32Array;
  /** Word indices in the sentence, −1 for empty slots. */
  inputPositions: Int32Array;
  target: number;
  targetPosition: number;
}

export interface WordProjection {
  /** (n, 2) */
  points: Tensor;
  /** (2, C) the two principal directions, turned with the points */
  axes: Tensor;
  /** share of the variance along each axis */
  explained: Float32Array;
  /** turned / mirrored to sit on the previous map */
  aligned: boolean;
  /** the n words, in point order */
  words: string[];
}

/** Trained word vectors (CBOW or skip-gram) and their vocabulary. */
export class WordVectors implements Disposable {
  readonly config: {
    arch: 'cbow';
    vocab_size: number;
    dim: number;
    window: number;
    mode: 'cbow' | 'skipgram';
    loss: 'softmax' | 'negative';
    negatives: number;
    min_count: number;
    split_particles: boolean;
  };
  readonly info: any;
  /** The word of every id; ids 0..3 are the specials. */
  readonly words: string[];
  wordId(word: string | Uint8Array): number;
  neighbours(
    word: string | Uint8Array,
    k?: number,
    table?: 'input' | 'output',
  ): { word: string; id: number; cosine: number }[];
  projection(options?: {
    n?: number;
    previous?: Float32Array | Tensor | null;
    table?: 'input' | 'output';
  }): WordProjection;
  fillBlank(
    sentence: string | Uint8Array,
    k?: number,
  ): {
    guesses: { word: string; id: number; prob: number }[];
    words: string[];
    wordIds: Int32Array;
    blank: number;
    context: Int32Array;
    contextPositions: Int32Array;
    probs: Float32Array;
  };
  /** One window: tensors 'context.ids', 'context.vectors' (n, C), 'context.mean' (C), 'scores' (V), 'probs' (V), 'loss' (1). */
  inspect(
    sentence: string | Uint8Array,
    centre: number,
  ): {
    words: string[];
    wordIds: Int32Array;
    centre: number;
    context: Int32Array;
    contextPositions: Int32Array;
    pairs: WordPair[];
    sentencePairs: WordPair[][];
    loss: number;
    names: string[];
    tensor(name: string): Tensor;
  };
  vectors(table?: 'input' | 'output'): Tensor;
  clusterScore(
    categories: Record<string, string>,
    k?: number,
    table?: 'input' | 'output',
  ): {
    share: number;
    chance: number;
    within: number;
    across: number;
    gap: number;
    words: number;
  };
  save(): Uint8Array;
  dispose(): void;
  readonly disposed: boolean;
}

/** Mean cosine between occurrences of the same sense and of different senses, over how many pairs. */
export interface SenseSimilarity {
  within: number;
  across: number;
  withinPairs: number;
  acrossPairs: number;
}

/** Tinyformer.compareSenses: one input-embedding row per token vs one hidden state per word in context. */
export interface SenseComparison {
  occurrences: { sentence: number; token: number; firstToken: number }[];
  /** (N) each occurrence's sense, '' when unlabelled. */
  labels: string[];
  labelled: number;
  /** L + 1: after the embedding, then after each block. */
  layers: number;
  /** The tokens the word is written with (사, 과) and their input embedding rows (n, C). */
  wordTokens: Int32Array;
  wordTexts: string[];
  tokenRows: Tensor;
  /** (N, N) cosines between the occurrences' input embedding rows (last token). */
  embeddingCosine: Tensor;
  embeddingGroups: SenseSimilarity;
  /** Per layer: (N, N) cosines between the occurrences' hidden states. */
  cosine: Tensor[];
  layerGroups: SenseSimilarity[];
}

export class Tokenizer implements Disposable {
  readonly json: { type: 'char' | 'word' | 'jamo'; vocab: string[] };
  tokenize(text: string | Uint8Array): Token[];
  decode(ids: ArrayLike<number>): string;
  dispose(): void;
  readonly disposed: boolean;
}

export class Tinyformer {
  readonly version: string;
  /** "wasm" when the SIMD128 kernels are in use. */
  readonly simdArch: string;
  readonly memoryBytes: number;
  memoryStats(): { wasmBytes: number; mallocBytes: number; handles: number; stackPointer: number };
  positionalEncoding(T: number, C: number): Tensor;
  headMean(tensor: Tensor): Tensor;
  wordAttention(
    matrix: Tensor,
    rowTokens: { id: number; text: string }[],
    colTokens: { id: number; text: string }[],
  ): WordAttention;
  splitChars(text: string | Uint8Array): string[];
  applyActivation(
    kind: 'gelu' | 'gelu_tanh' | 'relu' | 'sigmoid' | 'tanh' | 'silu',
    xs: ArrayLike<number>,
  ): Float32Array;
  /** Softmax's in-between numbers: e^z per value (0 for −∞) and their sum. */
  softmaxTerms(z: ArrayLike<number>): { exp: Float32Array; sum: number };
  /** LayerNorm's mean, variance and rstd = 1/√(variance + eps) of one vector. */
  layerNormTerms(x: ArrayLike<number>, eps?: number): { mean: number; variance: number; rstd: number };
  createTokenizer(type: 'char' | 'word' | 'jamo', corpus: string | Uint8Array): Tokenizer;
  createModel(
    config?: ModelConfig,
    source?: {
      corpus?: string;
      type?: 'char' | 'word' | 'jamo';
      tokenizer?: { type: string; vocab: string[] };
      seed?: number;
    },
  ): Model;
  loadModel(bytes: Uint8Array | ArrayBuffer): Model;
  loadTranslator(bytes: Uint8Array | ArrayBuffer): Translator;
  loadWordVectors(bytes: Uint8Array | ArrayBuffer): WordVectors;
  /** Korean particles split off the words (고양이는 → 고양이 는) by the engine's simple rule. */
  splitParticles(text: string | Uint8Array): string;
  /** A GPT's token rows and contextual vectors of `word` in `sentences`, with cosines grouped by sense (labels per sentence). */
  compareSenses(model: Model, sentences: string[], word: string, labels?: string[][]): SenseComparison;
  createTrainer(spec: TrainerSpec, corpus: string | Uint8Array): Trainer;
}

export function createTinyformer(options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<Tinyformer>;
