// Types for training.js: training in a Web Worker.
import { Inspection, StepResults, TrainerSpec } from './tinyformer.js';

export interface ProgressDetail {
  results: StepResults;
  steps: number;
  tokensPerSecond: number;
  elapsedMs: number;
  lr: number[];
  running: boolean;
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
  setMaxSteps(maxSteps: number): void;
  save(racer?: number): Promise<Uint8Array>;
  inspect(racer: number, text: string): Promise<Inspection>;
  sample(racer: number, prompt: string, options?: object): Promise<{ ids: Int32Array; text: string }>;
  evaluate(racer?: number, maxBatches?: number): Promise<number>;
  optimizerState(racer: number, param: string, which: string): Promise<Float32Array>;
  refreshInfo(): Promise<any>;
  terminate(): void;
}
