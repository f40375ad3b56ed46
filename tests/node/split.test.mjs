// Split steps through the JS API (what each Worker of a split run calls): W trainers that exchange their blocks
// end bit for bit where one trainer running every shard ends, and a bad block is refused, session usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, loadApi } from './helpers.mjs';

const { createTinyformer, TinyformerError } = await loadApi();
const tinyformer = await createTinyformer();
const corpus = readFileSync(join(ROOT, 'tests', 'data', 'korean_small.txt'), 'utf8');
const spec = {
  model: { n_layer: 2, n_head: 2, n_embd: 16, block_size: 16 },
  seed: 11,
  train: { batchSize: 8, seqLen: 16, shards: 4 },
  racers: [{ optimizer: { kind: 'adam', lr: 0.01 }, samplingProb: 0.2 }],
};
const isError = (code) => (err) => err instanceof TinyformerError && err.code === code;
const bits = (f32) => Array.from(new Uint32Array(Float32Array.from(f32).buffer));

/** One step of `workers` trainers, blocks passed around as the Workers post them (structured clones). */
function splitStep(workers) {
  const count = 4 / workers.length;
  const blocks = workers.map((t, w) => ({ k: w, ...t.stepPart(w * count, count) }));
  const results = workers.map((t, w) => {
    blocks.forEach((b) => b.k !== w && t.setPart(b.k, structuredClone(b)));
    return t.finishStep();
  });
  results.forEach((r) => assert.deepEqual(bits(r.loss), bits(results[0].loss)));
  return results[0];
}

test('one, two or four trainers in split steps: the same losses and checkpoints, bit for bit', () => {
  const alone = tinyformer.createTrainer(spec, corpus);
  const two = [0, 1].map(() => tinyformer.createTrainer(spec, corpus));
  const four = [0, 1, 2, 3].map(() => tinyformer.createTrainer(spec, corpus));
  try {
    assert.equal(alone.info.shards, 4);
    for (let i = 0; i < 5; i++) {
      const one = alone.step(1);
      const r2 = splitStep(two);
      const r4 = splitStep(four);
      assert.deepEqual(bits(r2.loss), bits(one.loss));
      assert.deepEqual(bits(r4.loss), bits(one.loss));
      assert.deepEqual(bits(r2.gradNorm), bits(one.gradNorm));
      assert.deepEqual(Array.from(r4.step), [i + 1]);
    }
    const bytes = alone.save(0);
    for (const t of [...two, ...four]) assert.deepEqual(t.save(0), bytes);
  } finally {
    [alone, ...two, ...four].forEach((t) => t.dispose());
  }
});

test('a block that does not fit is refused with bad_train_config, and the step in flight still finishes', () => {
  const [a, b, ref] = [0, 1, 2].map(() => tinyformer.createTrainer(spec, corpus));
  try {
    const pa = { k: 0, ...a.stepPart(0, 2) };
    const pb = { k: 1, ...b.stepPart(2, 2) };
    assert.throws(() => a.setPart(1, { ...pb, part: pb.part.subarray(1) }), isError('bad_train_config'));
    assert.throws(() => a.setPart(1, { ...pb, loss: undefined }), isError('bad_train_config'));
    assert.throws(() => a.setPart(1, { ...pb, counted: [1, 2, 3] }), isError('bad_train_config'));
    assert.throws(() => a.setPart(2, pb), isError('bad_train_config'));
    assert.throws(() => a.setPart(1, null), isError('bad_train_config'));
    assert.throws(() => a.stepPart(1, 2), isError('bad_train_config'));
    assert.throws(() => a.stepPart(0, 3), isError('bad_train_config'));
    a.setPart(1, pb);
    b.setPart(0, pa);
    const [ra, rb, one] = [a.finishStep(), b.finishStep(), ref.step(1)];
    assert.deepEqual(bits(ra.loss), bits(one.loss));
    assert.deepEqual(bits(rb.loss), bits(one.loss));
    assert.deepEqual(a.save(0), ref.save(0));
    // a trainer without shards has no split steps
    const plain = tinyformer.createTrainer({ ...spec, train: { batchSize: 8, seqLen: 16 } }, corpus);
    assert.throws(() => plain.stepPart(0, 1), isError('bad_train_config'));
    plain.dispose();
  } finally {
    [a, b, ref].forEach((t) => t.dispose());
  }
});
