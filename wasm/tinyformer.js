// tinyformer's JavaScript API: an ES module over the Embind WebAssembly module.
//
//   import { createTinyformer } from './tinyformer.js';
//   const tf = await createTinyformer();
//   const pe = tf.positionalEncoding(5, 16);      // { data: Float32Array(80), shape: [5, 16] }
//   tf.splitChars('고양이는 귀엽다');               // ['고', '양', '이', '는', ' ', '귀', '엽', '다']
//
// Every number comes from the C++ engine; arrays are copies (safe to keep). Errors are
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

function call(fn) {
  try {
    return fn();
  } catch (err) {
    rethrow(err);
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
   * @param {number} T positions (1..4096)  @param {number} C width d_model (1..4096)
   * @returns {{data: Float32Array, shape: [number, number]}} row-major (T, C)
   */
  positionalEncoding(T, C) { return call(() => this._m.positionalEncoding(T, C)); }

  /**
   * The Unicode code points of `text` as strings (a Hangul syllable is one).
   * @param {string|Uint8Array} text a string, or UTF-8 bytes (invalid bytes give a TinyformerError "invalid_utf8")
   * @returns {string[]}
   */
  splitChars(text) { return call(() => this._m.splitChars(textBytes(text))); }

  /**
   * `n` standard normal numbers from the engine's seeded generator (the same in every build).
   * @returns {Float32Array}
   */
  randomNormals(seed, n) { return call(() => this._m.rngNormals(seed, n)); }

  /**
   * C = A · Bᵀ with the SIMD kernel (A is M×K, B is N×K, row-major).
   * @returns {{data: Float32Array, shape: [number, number]}}
   */
  matmulNT(A, B, M, K, N) { return call(() => this._m.matmulNT(A, B, M, K, N)); }
}

/**
 * Loads the WebAssembly engine.
 * @param {object} [options] passed to the Emscripten module factory (e.g. `{ wasmBinary }`)
 * @returns {Promise<Tinyformer>}
 */
export async function createTinyformer(options = {}) {
  try {
    return new Tinyformer(await createTinyformerModule(await prepareNode(options)));
  } catch (err) {
    throw new TinyformerError(`the WebAssembly engine could not start: ${err?.message ?? err}`, 'engine_failed');
  }
}
