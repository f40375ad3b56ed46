// Types for tinyformer.js, the JavaScript API over the WebAssembly engine.

export interface Tensor {
  /** Row-major values, copied out of wasm memory. */
  data: Float32Array;
  shape: number[];
}

export class TinyformerError extends Error {
  /** Stable machine-readable code, e.g. "invalid_utf8", "bad_shape". */
  code: string;
  detail: number;
  detail2: number;
}

export class Tinyformer {
  readonly version: string;
  /** "wasm" when the SIMD128 kernels are in use. */
  readonly simdArch: string;
  positionalEncoding(T: number, C: number): Tensor;
  splitChars(text: string | Uint8Array): string[];
  randomNormals(seed: number, n: number): Float32Array;
  matmulNT(A: Float32Array | number[], B: Float32Array | number[], M: number, K: number, N: number): Tensor;
}

export function createTinyformer(options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<Tinyformer>;
