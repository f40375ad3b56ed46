// Training an encoder–decoder through the JS API under Node: the held-out score and the held-out pairs
// that the translation lesson's training panel shows (Trainer.scoreTranslations, Trainer.heldOutPairs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, loadApi } from './helpers.mjs';

const { createTinyformer, TinyformerError } = await loadApi();
const tinyformer = await createTinyformer();
const pairs = readFileSync(join(ROOT, 'web', 'data', 'ko-en.tsv'), 'utf8');
const lines = pairs
  .split('\n')
  .filter((l) => l.includes('\t'))
  .map((l) => l.split('\t'));
const spec = {
  arch: 'seq2seq',
  seed: 2,
  model: { nEncoderLayer: 1, nDecoderLayer: 1, nHead: 2, nEmbd: 16, mlpHidden: 32 },
  train: { batchSize: 16 },
  racers: [{ optimizer: { kind: 'adam', lr: 0.01 } }],
};
const isError = (code) => (err) => err instanceof TinyformerError && err.code === code;

test('heldOutPairs lists every 10th pair as written; scoreTranslations scores them like a snapshot would', () => {
  const trainer = tinyformer.createTrainer(spec, pairs);
  const held = trainer.heldOutPairs();
  assert.equal(held.length, trainer.info.val_pairs);
  assert.equal(held.length, Math.floor(lines.length / 10));
  held.forEach((p, i) => {
    assert.equal(p.source, lines[10 * i + 9][0]);
    assert.equal(p.target, lines[10 * i + 9][1]);
    assert.equal(p.line, 10 * i + 10);
  });
  const before = trainer.scoreTranslations(0);
  assert.deepEqual(Object.keys(before).sort(), ['exactMatch', 'pairs', 'tokenAccuracy']);
  assert.equal(before.pairs, held.length);
  assert.equal(before.exactMatch, 0);
  trainer.step(200);
  const after = trainer.scoreTranslations(0);
  assert.ok(after.tokenAccuracy > before.tokenAccuracy + 0.2, `${before.tokenAccuracy} → ${after.tokenAccuracy}`);
  // exact match is the share of held-out sentences the snapshot writes exactly as the reference (word tokens)
  const snap = trainer.snapshotTranslator(0);
  const exact = held.filter((p) => snap.translate(p.source).text === p.target).length;
  snap.dispose();
  assert.ok(exact > 0, 'some held-out sentences are already right after 200 steps');
  assert.equal(after.exactMatch * held.length, exact);
  assert.equal(trainer.scoreTranslations(0, 7).pairs, 7);
  assert.throws(() => trainer.scoreTranslations(0, -1), isError('bad_train_config'));
  assert.throws(() => trainer.scoreTranslations(3), isError('bad_racer'));
  assert.equal(trainer.scoreTranslations(0, 3).pairs, 3); // still usable
  trainer.dispose();
});

test('a GPT trainer has no translations to score', () => {
  const corpus = readFileSync(join(ROOT, 'tests', 'data', 'korean_small.txt'), 'utf8');
  const gpt = tinyformer.createTrainer({ model: { n_layer: 1, n_head: 2, n_embd: 16, block_size: 16 } }, corpus);
  assert.throws(() => gpt.scoreTranslations(0), isError('wrong_arch'));
  assert.throws(() => gpt.heldOutPairs(), isError('wrong_arch'));
  gpt.dispose();
});
