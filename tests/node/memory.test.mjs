// Memory stays flat (issue 18): creating and disposing models, training, and errors (thrown by the engine
// and caught by the caller) leave no memory behind in the WebAssembly module. Each test warms up first
// (allocator pools, Embind's lazily made invokers, the first training step's buffers), then repeats the
// work many times and compares the engine's memory before and after (tinyformer.memoryStats()):
//   mallocBytes  bytes malloc has handed out and not had back; tolerance 64 KiB, far below what even a
//                small leak per repetition adds up to (1,000 × 65 B; the error leak was ~230 B each);
//   handles      JS values held by the engine through Embind: must not grow at all;
//   stackPointer the shadow stack: back where it started;
//   wasmBytes    the module's memory: must not grow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, loadApi } from './helpers.mjs';

const { createTinyformer, TinyformerError } = await loadApi();
const tinyformer = await createTinyformer();

const corpus = '나는 밥을 먹었다. 고양이는 귀엽다. 밥을 나는 먹었다. 강아지는 귀엽다. 나는 물을 마셨다.\n'.repeat(8);
const tiny = { n_layer: 1, n_head: 2, n_embd: 16, block_size: 16 };
const MALLOC_TOLERANCE = 64 * 1024;

function assertFlat(before, after, what) {
  const grew = after.mallocBytes - before.mallocBytes;
  assert.ok(
    grew < MALLOC_TOLERANCE,
    `${what}: malloc in use grew by ${grew} bytes (${before.mallocBytes} → ${after.mallocBytes})`,
  );
  assert.ok(after.handles <= before.handles, `${what}: Embind handles ${before.handles} → ${after.handles}`);
  assert.equal(after.stackPointer, before.stackPointer, `${what}: the shadow stack moved`);
  assert.equal(after.wasmBytes, before.wasmBytes, `${what}: wasm memory grew`);
}

test('memoryStats reports the engine allocator: a live model shows, disposing it gives the bytes back', () => {
  const before = tinyformer.memoryStats();
  const model = tinyformer.createModel({ ...tiny, n_embd: 64 }, { corpus });
  const during = tinyformer.memoryStats();
  model.dispose();
  const after = tinyformer.memoryStats();
  assert.ok(
    during.mallocBytes - before.mallocBytes > 100_000,
    `a 64-wide model holds ${during.mallocBytes - before.mallocBytes} B`,
  );
  assert.ok(after.mallocBytes - before.mallocBytes < 4096);
});

test('1,000 create/dispose cycles of a model leave nothing behind', () => {
  const cycle = () => {
    const model = tinyformer.createModel(tiny, { corpus, seed: 3 });
    model.inspect('나는 밥을');
    model.dispose();
  };
  for (let i = 0; i < 20; i++) cycle();
  const before = tinyformer.memoryStats();
  for (let i = 0; i < 1000; i++) cycle();
  assertFlat(before, tinyformer.memoryStats(), '1,000 models');
});

test('5,000 training steps leave nothing behind', () => {
  const trainer = tinyformer.createTrainer(
    { model: tiny, train: { batchSize: 4 }, racers: [{ optimizer: { kind: 'adam', lr: 0.003 } }] },
    corpus,
  );
  trainer.step(50);
  const before = tinyformer.memoryStats();
  let last;
  for (let i = 0; i < 100; i++) last = trainer.step(50);
  const after = tinyformer.memoryStats();
  assert.equal(trainer.steps, 5050);
  assert.ok(Number.isFinite(last.loss[49]));
  trainer.dispose();
  assertFlat(before, after, '5,000 steps');
});

test('10,000 engine errors leave nothing behind, and each is a full TinyformerError', () => {
  const model = tinyformer.createModel(tiny, { corpus });
  const words = tinyformer.loadWordVectors(readFileSync(join(ROOT, 'web', 'models', 'ko-words-cbow.safetensors')));
  const translator = tinyformer.loadTranslator(readFileSync(join(ROOT, 'web', 'models', 'ko-en-word.safetensors')));
  const badUtf8 = new Uint8Array([0x61, 0xea, 0xb0]);
  const garbage = new Uint8Array(64).fill(7);
  const failures = [
    () => words.neighbours('없는단어없는단어'), // the word-vector bindings (bindings_cbow.cpp)
    () => translator.compareDecoding('나는 밥을 먹었다', ''), // the translation bindings
    () => tinyformer.wordAttention({ data: new Float32Array(3), shape: [2, 2] }, [], []),
    () => model.tokenize(badUtf8), // a method with a string argument
    () => model.decode([1, 2, 100000]), // a method with a JS array (val) argument
    () => tinyformer.positionalEncoding(0, 8), // a free function
    () => tinyformer.loadModel(garbage), // a session created, failing to load, deleted
    () => tinyformer.createModel({ n_layer: -1 }, { corpus }), // bad settings (JSON parsed in the engine)
  ];
  const run = (n) => {
    for (let i = 0; i < n; i++) {
      assert.throws(failures[i % failures.length], (err) => err instanceof TinyformerError && err.code !== 'internal');
    }
  };
  run(100);
  const before = tinyformer.memoryStats();
  run(10_000);
  assertFlat(before, tinyformer.memoryStats(), '10,000 errors');

  // the errors carry what the page translates, exactly as before
  assert.throws(
    () => model.tokenize(badUtf8),
    (err) => err.code === 'invalid_utf8' && err.detail === 1 && err.detail2 === -1,
  );
  assert.throws(
    () => model.decode([1, 100000]),
    (err) => err.code === 'bad_token_id' && err.detail === 100000,
  );
  assert.throws(
    () => tinyformer.positionalEncoding(0, 8),
    (err) => err.code === 'bad_shape' && /positional|T|length|shape/i.test(err.message),
  );
  assert.equal(model.decode(model.encode('나는')), '나는');
  model.dispose();
});

test('a failing call returns nothing: the error is thrown, never an empty result', () => {
  // every Embind entry point is wrapped; one per kind (free function, Model, Trainer, Tokenizer, Translator)
  assert.throws(() => tinyformer.applyActivation('nope', [1]), TinyformerError);
  assert.throws(() => tinyformer.splitChars(new Uint8Array([0xff])), TinyformerError);
  assert.throws(() => tinyformer.createTokenizer('nope', 'abc'), TinyformerError);
  const tok = tinyformer.createTokenizer('char', 'abc');
  assert.throws(() => tok.decode([99]), TinyformerError);
  tok.dispose();
  const trainer = tinyformer.createTrainer({ model: tiny, train: { batchSize: 4 } }, corpus);
  assert.throws(() => trainer.snapshot(5), TinyformerError);
  assert.throws(() => trainer.optimizerState(0, 'nope', 'm'), TinyformerError);
  assert.throws(() => trainer.setLearningRate(7, 0.1), TinyformerError);
  trainer.dispose();
  assert.throws(() => tinyformer.loadTranslator(new Uint8Array(16)), TinyformerError);
});
