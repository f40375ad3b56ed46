// Word vectors (CBOW) through the JavaScript API under Node: train on the shipped ko-words corpus, check that the
// words cluster by their lexicon category better than raw space-separated words, and use the vectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, loadApi } from './helpers.mjs';

const { createTinyformer, TinyformerError, WordVectors } = await loadApi();
const tinyformer = await createTinyformer();
const data = (name) => readFileSync(join(ROOT, 'web', 'data', name), 'utf8');
const isError = (code) => (err) => err instanceof TinyformerError && err.code === code;

// The settings the clustering figures below were measured with (as tests/test_cbow_clusters.cpp natively).
const SPEC = {
  arch: 'cbow',
  seed: 1,
  model: { dim: 16, window: 2, minCount: 3 },
  train: { batchSize: 64 },
  racers: [{ optimizer: { kind: 'adam', lr: 0.01 } }],
};

function trainWords(corpus, steps) {
  const trainer = tinyformer.createTrainer(SPEC, corpus);
  const before = trainer.evaluate(0, 8);
  const t0 = performance.now();
  for (let done = 0; done < steps; done += 100) trainer.step(100);
  const seconds = (performance.now() - t0) / 1000;
  const after = trainer.evaluate(0, 8);
  const words = trainer.snapshotWordVectors(0);
  trainer.dispose();
  return { words, before, after, seconds };
}

test('trained on the split corpus, words cluster by category, better than raw space-separated words', () => {
  const split = trainWords(data('ko-words.txt'), 1500);
  const raw = trainWords(data('ko.txt'), 1500);
  const s = split.words.clusterScore(JSON.parse(data('ko-words-categories.json')), 3);
  const r = raw.words.clusterScore(JSON.parse(data('ko-categories.json')), 3);
  console.log(
    `# cbow clusters (wasm): split share ${s.share.toFixed(3)} (chance ${s.chance.toFixed(3)}, gap ` +
      `${s.gap.toFixed(3)}, ${s.words} words), raw share ${r.share.toFixed(3)} (chance ${r.chance.toFixed(3)}, gap ` +
      `${r.gap.toFixed(3)}, ${r.words} words); 1500 steps of 64 rows in ${split.seconds.toFixed(2)} s ` +
      `(${Math.round((1500 * 64) / split.seconds)} rows/s)`,
  );
  assert.ok(split.after < split.before, 'the loss falls');
  assert.ok(s.words >= 100);
  assert.ok(s.share > 3 * s.chance, `share ${s.share} vs chance ${s.chance}`);
  assert.ok(s.share >= 0.7);
  assert.ok(r.share > 2 * r.chance);
  assert.ok(s.share > r.share + 0.1, `split ${s.share} vs raw ${r.share}`);
  raw.words.dispose();

  const w = split.words;
  assert.ok(w instanceof WordVectors);
  assert.equal(w.config.arch, 'cbow');
  assert.equal(w.words.length, w.config.vocab_size);
  // neighbours of an animal are mostly animals
  const cats = JSON.parse(data('ko-words-categories.json'));
  const near = w.neighbours('고양이', 5);
  assert.equal(near.length, 5);
  for (let i = 1; i < 5; i++) assert.ok(near[i].cosine <= near[i - 1].cosine);
  assert.ok(near.filter((n) => cats[n.word] === 'animals').length >= 3, JSON.stringify(near));
  assert.deepEqual(w.neighbours('고양이는', 5), near); // read as its stem
  // fill in the blank: the guesses are foods
  const blank = w.fillBlank('나는 ___을 먹었다', 5);
  assert.deepEqual(blank.words, ['나', '는', '___', '을', '먹었다']);
  assert.equal(blank.guesses.length, 5);
  assert.ok(blank.guesses.filter((g) => cats[g.word] === 'foods').length >= 3, JSON.stringify(blank.guesses));
  const total = blank.probs.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - 1) < 1e-4);
  w.dispose();
});

test('the map keeps its orientation from one snapshot to the next; inspection, vectors, save and load', () => {
  const trainer = tinyformer.createTrainer(SPEC, data('ko-words.txt'));
  trainer.step(300);
  const a = trainer.snapshotWordVectors(0);
  const first = a.projection({ n: 100 });
  assert.deepEqual(first.points.shape, [100, 2]);
  assert.equal(first.words.length, 100);
  assert.equal(first.aligned, false);
  trainer.step(20);
  const b = trainer.snapshotWordVectors(0);
  const free = b.projection({ n: 100 });
  const held = b.projection({ n: 100, previous: first.points });
  assert.equal(held.aligned, true);
  // aligned, the points move less from the previous map than (or as little as) the unaligned ones do
  const dist = (p) => p.data.reduce((s, x, i) => s + (x - first.points.data[i]) ** 2, 0);
  assert.ok(dist(held.points) <= dist(free.points) + 1e-6);
  const spread = first.points.data.reduce((s, x) => s + x * x, 0);
  assert.ok(dist(held.points) < 0.5 * spread, `moved ${dist(held.points)} of ${spread}`);

  const run = b.inspect('나 는 밥 을 먹었다', 2);
  assert.deepEqual(run.words, ['나', '는', '밥', '을', '먹었다']);
  assert.deepEqual(Array.from(run.contextPositions), [0, 1, 3, 4]);
  assert.equal(run.pairs.length, 1);
  assert.equal(run.pairs[0].target, b.wordId('밥'));
  assert.equal(run.sentencePairs.length, 5);
  const vecs = run.tensor('context.vectors');
  assert.deepEqual(vecs.shape, [4, 16]);
  const mean = run.tensor('context.mean').data;
  for (let c = 0; c < 16; c++) {
    const m = (vecs.data[c] + vecs.data[16 + c] + vecs.data[32 + c] + vecs.data[48 + c]) / 4;
    assert.ok(Math.abs(mean[c] - m) < 1e-6);
  }
  assert.ok(Math.abs(run.loss + Math.log(run.tensor('probs').data[b.wordId('밥')])) < 1e-4);
  assert.deepEqual(b.vectors('output').shape, [b.config.vocab_size, 16]);

  const bytes = b.save();
  const c = tinyformer.loadWordVectors(bytes);
  assert.deepEqual(c.vectors('input').data, b.vectors('input').data);
  assert.throws(() => tinyformer.loadModel(bytes), isError('wrong_arch'));
  a.dispose();
  b.dispose();
  c.dispose();
  assert.throws(() => c.neighbours('밥'), isError('disposed'));
  trainer.dispose();
});

test("skip-gram with negative sampling, and the particle split of a learner's text", () => {
  const trainer = tinyformer.createTrainer(
    { ...SPEC, model: { dim: 16, window: 2, mode: 'skipgram', loss: 'negative', negatives: 5 } },
    data('ko-words.txt'),
  );
  const before = trainer.evaluate(0, 8);
  trainer.step(300);
  assert.ok(trainer.evaluate(0, 8) < before);
  const w = trainer.snapshotWordVectors(0);
  assert.equal(w.config.mode, 'skipgram');
  assert.equal(w.fillBlank('나는 ___ 먹었다', 3).guesses.length, 3);
  w.dispose();
  trainer.dispose();
  assert.equal(
    tinyformer.splitParticles('고양이는 귀엽다. 나는 고양이를 좋아한다'),
    '고양이 는 귀엽다. 나 는 고양이 를 좋아한다',
  );
  const own = tinyformer.createTrainer(
    { arch: 'cbow', splitParticles: true },
    '고양이는 귀엽다\n강아지는 귀엽다\n나는 밥을 먹었다\n',
  );
  assert.ok(own.info.words.includes('고양이'));
  assert.ok(!own.info.words.includes('고양이는'));
  own.dispose();
});

test('bad input gets a clear code', () => {
  assert.throws(() => tinyformer.createTrainer({ arch: 'cbow' }, ''), isError('empty_text'));
  assert.throws(() => tinyformer.createTrainer({ arch: 'cbow' }, '하나'), isError('corpus_too_short'));
  assert.throws(
    () => tinyformer.createTrainer({ arch: 'cbow', model: { window: 99 } }, '나 는 밥'),
    isError('bad_config'),
  );
  assert.throws(
    () => tinyformer.createTrainer({ arch: 'cbow' }, 'a '.repeat(4.5 * 1024 * 1024)),
    isError('text_too_large'),
  );
  // a window wider than the sentence and text without Korean both train
  const wide = tinyformer.createTrainer({ arch: 'cbow', model: { window: 16 } }, 'the cat is cute\nthe dog is cute\n');
  wide.step(3);
  const w = wide.snapshotWordVectors(0);
  assert.throws(() => w.neighbours('zebra'), isError('unknown_word'));
  assert.throws(() => w.fillBlank('the cat is cute'), isError('no_blank'));
  assert.throws(() => w.fillBlank('___ zebra ___'), isError('no_blank'));
  assert.throws(() => w.fillBlank('zebra ___'), isError('unknown_word'));
  assert.throws(() => w.inspect('the cat', 5), isError('bad_shape'));
  assert.throws(() => w.projection({ n: 4, previous: new Float32Array(3) }), isError('bad_shape'));
  w.dispose();
  assert.throws(() => wide.snapshot(0), isError('wrong_arch'));
  wide.dispose();
});

test('compareSenses on the shipped GPT: one input-embedding row per token, one hidden state per word in context', () => {
  const gpt = tinyformer.loadModel(readFileSync(join(ROOT, 'web', 'models', 'ko-char.safetensors')));
  const sentences = [
    '나는 빨간 사과를 샀다',
    '말은 사과를 먹었어요',
    '나는 진심으로 사과했다',
    '형이 누나에게 사과했어요',
  ];
  const c = tinyformer.compareSenses(gpt, sentences, '사과', [['apple'], ['apple'], ['apology'], ['apology']]);
  assert.deepEqual(c.wordTexts, ['사', '과']);
  assert.deepEqual(c.tokenRows.shape, [2, gpt.config.n_embd]);
  assert.deepEqual(c.embeddingCosine.shape, [4, 4]);
  assert.ok(c.embeddingCosine.data.every((x) => Math.abs(x - 1) < 1e-5));
  assert.equal(c.layers, gpt.config.n_layer + 1);
  const last = c.layerGroups[c.layers - 1];
  assert.deepEqual([last.withinPairs, last.acrossPairs], [2, 4]);
  assert.ok(last.within > last.across, JSON.stringify(last));
  // the contextual cosines are those of Model.analyzeWord (the same engine function underneath)
  const a = gpt.analyzeWord(sentences, '사과');
  assert.deepEqual(Array.from(c.cosine[1].data), Array.from(a.cosine[1].data));
  assert.throws(() => tinyformer.compareSenses(gpt, sentences, '고양이'), isError('word_not_found'));
  assert.throws(() => tinyformer.compareSenses(gpt, ['뷁은 없다'], '뷁'), isError('unknown_word'));
  assert.throws(() => tinyformer.compareSenses(gpt, ['a\nb'], 'a'), isError('bad_text'));
  assert.throws(() => tinyformer.compareSenses(gpt, sentences, '사과', ['apple']), isError('bad_text'));
  gpt.dispose();
});
