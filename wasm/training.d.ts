// Types for training.js: training in a Web Worker.
import { Inspection, StepResults, Tensor, TextPair, TrainerSpec, TranslationScore } from './tinyformer.js';

export interface ProgressDetail {
  results: StepResults;
  steps: number;
  tokensPerSecond: number;
  elapsedMs: number;
  lr: number[];
  running: boolean;
}

/** One fixed sentence translated by a snapshot of an encoder–decoder racer (TrainingRun.translate). */
export interface TranslationSample {
  source: string;
  /** Set instead of the fields below when the model cannot read the sentence (code as in TinyformerError). */
  error?: { code: string; message: string; detail: number; detail2: number };
  text?: string;
  finished?: boolean;
  /** Probability of each written token. */
  probs?: Float32Array;
  /** <bos> source tokens… <eos>: the columns of the cross-attention. */
  sourceLabels?: string[];
  /** The written tokens (ending with <eos> when finished): the rows. */
  targetLabels?: string[];
  /** One per decoder layer: shape [H, T, S], each row sums to 1. */
  cross?: Tensor[];
  /** The decoder fed `reference` (teacher forcing): rows are the reference tokens then <eos>. */
  forced?: { reference: string; exact: boolean; loss: number; targetLabels: string[]; cross: Tensor[] };
}

export class TrainingRun extends EventTarget {
  static create(spec: TrainerSpec, corpus: string, options?: { maxSteps?: number }): Promise<TrainingRun>;
  info: any;
  start(): void;
  resume(): void;
  pause(): void;
  step(n?: number): void;
  setLearningRate(racer: number, lr: number): void;
  setSamplingProb(racer: number, p: number): void;
  /** Continuous training at most this many steps per second, each step posted (0 = full speed). */
  setPace(stepsPerSecond: number): void;
  setMaxSteps(maxSteps: number): void;
  save(racer?: number): Promise<Uint8Array>;
  inspect(racer: number, text: string): Promise<Inspection>;
  sample(racer: number, prompt: string, options?: object): Promise<{ ids: Int32Array; text: string; steps: number }>;
  evaluate(racer?: number, maxBatches?: number): Promise<number>;
  optimizerState(racer: number, param: string, which: string): Promise<Float32Array>;
  /** The model alone (float32, no optimizer state): open with loadModel, loadTranslator (seq2seq) or loadWordVectors (cbow). */
  saveModel(racer?: number): Promise<{ bytes: Uint8Array; steps: number }>;
  translate(
    racer: number,
    sentences: { source: string; reference?: string }[],
    options?: { maxTokens?: number },
  ): Promise<{ steps: number; sentences: TranslationSample[] }>;
  scoreTranslations(racer?: number, maxPairs?: number): Promise<TranslationScore & { steps: number }>;
  heldOutPairs(): Promise<TextPair[]>;
  refreshInfo(): Promise<any>;
  terminate(): void;
}
