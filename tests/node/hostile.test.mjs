// Hostile input to the JS API (issue 18, item 11): nothing is coerced into something else. Ids that are
// not whole numbers in [0, 2^31) are refused (they used to become <pad> or wrap), counts and seeds must
// be whole numbers (NaN used to give 0 tokens), and a disposed object answers nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadApi } from './helpers.mjs';

const { createTinyformer, TinyformerError } = await loadApi();
const tinyformer = await createTinyformer();

const corpus = '나는 밥을 먹었다. 고양이는 귀엽다. 밥을 나는 먹었다.\n'.repeat(4);
const tiny = { n_layer: 1, n_head: 2, n_embd: 16, block_size: 16 };
const isError = (code) => (err) => err instanceof TinyformerError && err.code === code;

test('ids that are not whole numbers in [0, 2^31) are refused, never coerced', () => {
  const model = tinyformer.createModel(tiny, { corpus });
  for (const bad of [[NaN], ['a'], [1e10], [1.5], [-1], [2 ** 31], [Infinity], [null], [undefined], [{}], [10n]]) {
    assert.throws(() => model.decode(bad), isError('bad_token_id'), `decode(${String(bad[0])})`);
    assert.throws(() => model.inspect(bad), isError('bad_token_id'), `inspect(${String(bad[0])})`);
    assert.throws(() => model.generate(bad, { maxTokens: 1 }), isError('bad_token_id'));
    assert.throws(() => model.nextTokenProbs(bad), isError('bad_token_id'));
    assert.throws(() => model.embed(bad, 'sinusoidal'), isError('bad_token_id'));
  }
  // which position and what it held
  assert.throws(
    () => model.decode([1, 2, NaN]),
    (err) => err.code === 'bad_token_id' && err.detail2 === 2 && /NaN/.test(err.message),
  );
  assert.throws(
    () => model.decode([1e10]),
    (err) => err.detail === 1e10,
  );
  assert.throws(() => model.decode('abc'), isError('bad_token_id'));
  // typed arrays of whole numbers still pass; a float array of whole numbers too
  const ids = model.encode('나는 밥을');
  assert.equal(model.decode(Array.from(ids)), '나는 밥을');
  assert.equal(model.decode(Float64Array.from(ids)), '나는 밥을');
  assert.throws(() => model.decode(Float32Array.from([0.5])), isError('bad_token_id'));
  model.dispose();
});

test('maxTokens and seeds must be whole numbers (NaN no longer gives 0 tokens)', () => {
  const model = tinyformer.createModel(tiny, { corpus });
  for (const maxTokens of [NaN, 2.5, '3', Infinity, 2 ** 32 + 3, null]) {
    assert.throws(
      () => model.generate('나는', { maxTokens }),
      isError('bad_sampling'),
      `maxTokens ${String(maxTokens)}`,
    );
  }
  for (const seed of [NaN, -1, 0.5, 1e30, Infinity]) {
    assert.throws(() => model.generate('나는', { maxTokens: 2, seed }), isError('bad_sampling'), `seed ${seed}`);
    assert.throws(() => tinyformer.createModel(tiny, { corpus, seed }), isError('bad_config'), `model seed ${seed}`);
  }
  assert.equal(model.generate('나는', { maxTokens: 3, seed: 2 }).ids.length, 3);
  assert.equal(model.generate('나는', { maxTokens: 0 }).ids.length, 0);
  model.dispose();
});

test('a disposed model, trainer or tokenizer answers nothing: config and info included', () => {
  const model = tinyformer.createModel(tiny, { corpus });
  assert.equal(model.config.n_embd, 16);
  model.dispose();
  assert.throws(() => model.config, isError('disposed'));
  assert.throws(() => model.info, isError('disposed'));
  assert.throws(() => model.tokenize('나는'), isError('disposed'));
  model.dispose(); // twice is fine

  const trainer = tinyformer.createTrainer({ model: tiny, train: { batchSize: 2 } }, corpus);
  assert.equal(trainer.racers, 1);
  trainer.dispose();
  assert.throws(() => trainer.racers, isError('disposed'));
  assert.throws(() => trainer.info, isError('disposed'));
  assert.throws(() => trainer.step(1), isError('disposed'));
});

test('trainer arguments are checked, never coerced: NaN steps, racers and rates are refused', () => {
  const trainer = tinyformer.createTrainer(
    {
      model: { n_layer: 1, n_head: 2, n_embd: 16, block_size: 16 },
      train: { batch_size: 2 },
      racers: [{ optimizer: { kind: 'adam', lr: 0.01 } }],
    },
    '나는 밥을 먹었다. 고양이는 귀엽다. 강아지는 귀엽다. '.repeat(20),
  );
  const steps = trainer.steps;
  for (const bad of [NaN, 2.5, '3', Infinity, null]) {
    assert.throws(
      () => trainer.step(bad),
      (err) => err.code === 'bad_train_config',
      `step(${String(bad)})`,
    );
    assert.throws(
      () => trainer.evaluate(bad),
      (err) => err.code === 'bad_racer',
      `evaluate(${String(bad)})`,
    );
    assert.throws(
      () => trainer.save(bad),
      (err) => err.code === 'bad_racer',
    );
    assert.throws(
      () => trainer.snapshot(bad),
      (err) => err.code === 'bad_racer',
    );
    assert.throws(
      () => trainer.evaluate(0, bad),
      (err) => err.code === 'bad_train_config',
    );
  }
  assert.equal(trainer.steps, steps, 'nothing was trained by a refused call');
  for (const bad of [NaN, 'x', undefined]) {
    assert.throws(
      () => trainer.setLearningRate(0, bad),
      (err) => err.code === 'bad_optimizer_config',
    );
    assert.throws(
      () => trainer.setSamplingProb(0, bad),
      (err) => err.code === 'bad_train_config',
    );
  }
  assert.equal(trainer.learningRate(0), Math.fround(0.01));
  trainer.step(1); // still usable
  assert.equal(trainer.steps, steps + 1);
  trainer.dispose();
});
