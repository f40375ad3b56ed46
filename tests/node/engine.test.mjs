// The WebAssembly module under Node: it loads with SIMD128, gives the numbers the native build
// gives, and turns bad input into TinyformerErrors that leave it usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { NATIVE_CLI, loadApi } from './helpers.mjs';

const { createTinyformer, TinyformerError } = await loadApi();
const tinyformer = await createTinyformer();

test('the module loads and runs SIMD128 kernels', () => {
  assert.equal(tinyformer.simdArch, 'wasm');
  assert.match(tinyformer.version, /^\d+\.\d+\.\d+$/);
});

test('positional encoding matches the formula of Vaswani et al. (1e-6)', () => {
  const T = 7,
    C = 10;
  const pe = tinyformer.positionalEncoding(T, C);
  assert.deepEqual(pe.shape, [T, C]);
  for (let pos = 0; pos < T; pos++) {
    for (let d = 0; d < C; d++) {
      const angle = pos / 10000 ** ((d - (d % 2)) / C);
      const want = d % 2 ? Math.cos(angle) : Math.sin(angle);
      assert.ok(Math.abs(pe.data[pos * C + d] - want) < 1e-6, `PE(${pos}, ${d})`);
    }
  }
});

test(
  'positional encoding is the same as the native build (bit for bit up to 1 ulp)',
  { skip: !existsSync(NATIVE_CLI) && 'native CLI not built' },
  () => {
    const T = 33,
      C = 64;
    const native = JSON.parse(execFileSync(NATIVE_CLI, ['positional', '--length', String(T), '--width', String(C)]));
    const wasm = tinyformer.positionalEncoding(T, C);
    assert.deepEqual(native.shape, [T, C]);
    let maxDiff = 0;
    for (let i = 0; i < T * C; i++) maxDiff = Math.max(maxDiff, Math.abs(native.data[i] - wasm.data[i]));
    assert.ok(maxDiff <= 1.2e-7, `max |native - wasm| = ${maxDiff}`);
  },
);

test('Hangul splits into syllables; invalid UTF-8 names the byte offset', () => {
  assert.deepEqual(tinyformer.splitChars('고양이는 귀엽다'), ['고', '양', '이', '는', ' ', '귀', '엽', '다']);
  assert.deepEqual(tinyformer.splitChars(new TextEncoder().encode('밥🍚')), ['밥', '🍚']);
  assert.throws(
    () => tinyformer.splitChars(new Uint8Array([0xea, 0xb0, 0x80, 0xea, 0xb0])),
    (err) => err instanceof TinyformerError && err.code === 'invalid_utf8' && err.detail === 3,
  );
  assert.throws(
    () => tinyformer.splitChars('a\ud800b'),
    (err) => err.code === 'invalid_utf8' && err.detail === 1,
  );
});

test('bad shapes are TinyformerErrors and the module stays usable', () => {
  assert.throws(
    () => tinyformer.positionalEncoding(0, 8),
    (err) => err instanceof TinyformerError && err.code === 'bad_shape',
  );
  assert.throws(
    () => tinyformer.positionalEncoding(5000, 8),
    (err) => err.code === 'bad_shape',
  );
  assert.equal(tinyformer.positionalEncoding(1, 2).data[1], 1);
});
