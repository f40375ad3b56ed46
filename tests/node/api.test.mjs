// The JavaScript API under Node: every export, its errors, and that memory stays flat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NATIVE_CLI, ROOT, loadApi } from './helpers.mjs';

const { createTinyformer, TinyformerError, Inspection, Model, Trainer, textBytes } = await loadApi();
const tinyformer = await createTinyformer();
const corpus = readFileSync(join(ROOT, 'tests', 'data', 'korean_small.txt'), 'utf8');
const small = { n_layer: 2, n_head: 2, n_embd: 16, block_size: 16 };

const isError = (code) => (err) => err instanceof TinyformerError && err.code === code;

test('createModel builds the tokenizer from a corpus; info, tokenize, encode, decode', () => {
  const model = tinyformer.createModel(small, { corpus, type: 'char', seed: 3 });
  assert.ok(model instanceof Model);
  assert.equal(model.config.n_layer, 2);
  assert.equal(model.config.vocab_size, model.info.vocab_size);
  assert.equal(model.tokenizer.type, 'char');
  // read once and shared: the same frozen object every time (callers cannot change each other's vocabulary)
  assert.equal(model.tokenizer, model.tokenizer);
  assert.ok(Object.isFrozen(model.tokenizer) && Object.isFrozen(model.tokenizer.vocab));
  assert.equal(model.info.params[0].name, 'transformer.wte.weight');
  const tokens = model.tokenize('고양이는 귀엽다');
  assert.deepEqual(
    tokens.map((t) => t.text),
    ['고', '양', '이', '는', ' ', '귀', '엽', '다'],
  );
  assert.ok(tokens.every((t) => !t.unknown));
  assert.equal(model.decode(model.encode('고양이는 귀엽다')), '고양이는 귀엽다');
  assert.equal(model.tokenize('zebra')[0].unknown, true);
  const wte = model.parameter('transformer.wte.weight');
  assert.deepEqual(wte.shape, [model.config.vocab_size, 16]);
  model.dispose();
  model.dispose(); // twice is fine
  assert.throws(() => model.tokenize('a'), isError('disposed'));
});

test('word and jamo tokenizers, and a tokenizer given whole', () => {
  const words = tinyformer.createModel(small, { corpus, type: 'word' });
  assert.deepEqual(
    words.tokenize('나는 밥을 먹었다.').map((t) => t.text),
    ['나는', ' 밥을', ' 먹었다', '.'],
  );
  const jamo = tinyformer.createModel(small, { corpus, type: 'jamo' });
  assert.equal(jamo.tokenize('각').length, 3); // ᄀ ᅡ ᆨ, even when unseen
  assert.deepEqual(
    jamo.tokenize('밥').map((t) => t.unknown),
    [false, false, false],
  );
  assert.equal(jamo.decode(jamo.encode('나는 밥을 먹었다')), '나는 밥을 먹었다');
  const given = tinyformer.createModel(small, {
    tokenizer: { type: 'char', vocab: ['<pad>', '<bos>', '<eos>', '<unk>', 'a', 'b'] },
  });
  assert.equal(given.config.vocab_size, 6);
  for (const m of [words, jamo, given]) m.dispose();
});

test('inspect records every step; attention rows sum to 1; probabilities sum to 1', () => {
  const model = tinyformer.createModel(small, { corpus });
  const run = model.inspect('나는 밥을 먹었다');
  assert.ok(run instanceof Inspection);
  assert.equal(run.tokens.length, 9);
  for (const name of [
    'embed.token',
    'embed.position',
    'embed.sum',
    'h0.ln_1',
    'h0.attn.q',
    'h0.attn.scores',
    'h0.attn.scaled',
    'h0.attn.masked',
    'h0.attn.probs',
    'h1.attn.head_out',
    'h1.attn.concat',
    'h1.attn.proj',
    'h1.residual_1',
    'h1.ln_2',
    'h1.mlp.pre',
    'h1.mlp.act',
    'h1.mlp.out',
    'h1.residual_2',
    'ln_f',
    'logits',
    'probs',
  ]) {
    assert.ok(run.names.includes(name), name);
  }
  assert.deepEqual(run.tensor('h0.attn.q').shape, [2, 9, 8]);
  const att = run.attention(1, 1);
  assert.deepEqual(att.shape, [9, 9]);
  for (let t = 0; t < 9; t++) {
    let sum = 0;
    for (let s = 0; s < 9; s++) sum += att.data[t * 9 + s];
    assert.ok(Math.abs(sum - 1) < 1e-5);
    if (t < 8) assert.equal(att.data[t * 9 + 8], 0);
  }
  assert.equal(run.tensor('h0.attn.masked').data[8], -Infinity);
  const p = model.nextTokenProbs('나는', { temperature: 1 });
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-5);
  assert.equal(model.nextTokenProbs('나는', { temperature: 0 }).filter((x) => x === 1).length, 1);
  assert.equal(model.nextTokenProbs([5, 6], { topK: 3 }).filter((x) => x > 0).length, 3);
  assert.ok(Number.isFinite(run.loss));
  assert.deepEqual(model.inspect(run.ids).tensor('logits').data, run.logits.data);
  assert.throws(() => run.tensor('nope'), isError('bad_tensor_name'));
  assert.throws(() => run.attention(0, 7), isError('bad_head'));
  model.dispose();
});

test('inspect copies only the tensors it is asked for, and they equal the whole record', () => {
  const model = tinyformer.createModel(small, { corpus });
  const whole = model.inspect('나는 밥을 먹었다');
  const part = model.inspect('나는 밥을 먹었다', { tensors: ['h1.attn.probs', 'logits'] });
  assert.deepEqual(part.names, whole.names);
  assert.deepEqual(part.tokens, whole.tokens);
  assert.deepEqual(part.tensor('h1.attn.probs'), whole.tensor('h1.attn.probs'));
  assert.deepEqual(part.logits, whole.logits);
  assert.deepEqual(part.attention(1, 0), whole.attention(1, 0));
  assert.throws(() => part.tensor('h0.attn.probs'), isError('not_copied'));
  assert.throws(() => part.tensor('nope'), isError('bad_tensor_name'));
  const none = model.inspect(whole.ids, { tensors: [] });
  assert.deepEqual(none.ids, whole.ids);
  assert.equal(none.loss, whole.loss);
  assert.throws(() => none.logits, isError('not_copied'));
  model.dispose();
});

test('generation is seeded and step by step equals whole', () => {
  const model = tinyformer.createModel(small, { corpus });
  const a = model.generate('고양이는', { maxTokens: 8, temperature: 0.9, seed: 4 });
  const b = model.generate('고양이는', { maxTokens: 8, temperature: 0.9, seed: 4 });
  assert.deepEqual(a, b);
  assert.equal(a.ids.length, 8);
  const greedy = model.generate('고양이는', { maxTokens: 5, temperature: 0 });
  let ids = Array.from(model.encode('고양이는'));
  for (let i = 0; i < 5; i++) {
    const p = model.nextTokenProbs(ids, { temperature: 0 });
    ids.push(p.indexOf(1));
  }
  assert.deepEqual(Array.from(greedy.ids), ids.slice(-5));
  model.dispose();
});

test('save and load round-trip the logits exactly', () => {
  const model = tinyformer.createModel(
    { ...small, norm: 'post', positional: 'sinusoidal', activation: 'silu' },
    { corpus },
  );
  const bytes = model.save();
  assert.ok(bytes instanceof Uint8Array);
  const loaded = tinyformer.loadModel(bytes);
  assert.equal(loaded.config.norm, 'post');
  assert.deepEqual(loaded.inspect('고양이').logits.data, model.inspect('고양이').logits.data);
  model.dispose();
  loaded.dispose();
});

test(
  'the same checkpoint gives the same logits natively (tinyformer inspect) and in wasm',
  { skip: !existsSync(NATIVE_CLI) && 'native CLI not built' },
  () => {
    const model = tinyformer.createModel(small, { corpus, seed: 11 });
    const dir = mkdtempSync(join(tmpdir(), 'tinyformer-'));
    const path = join(dir, 'model.safetensors');
    writeFileSync(path, model.save());
    const text = '강아지는 우유를 마셨다';
    const native = JSON.parse(execFileSync(NATIVE_CLI, ['inspect', '--model', path, '--text', text, '--json']));
    const wasm = model.inspect(text);
    const [T, V] = wasm.logits.shape;
    assert.equal(native.logits.length, T);
    let maxDiff = 0;
    for (let t = 0; t < T; t++) {
      for (let v = 0; v < V; v++)
        maxDiff = Math.max(maxDiff, Math.abs(native.logits[t][v] - wasm.logits.data[t * V + v]));
    }
    // SIMD widths (16 vs 4 floats) and FMA change summation order only.
    assert.ok(maxDiff < 1e-4, `max |native - wasm| logit difference ${maxDiff}`);
    assert.ok(Math.abs(native.loss - wasm.loss) < 1e-4);
    model.dispose();
  },
);

test('bad input: config, text, ids, checkpoints — clear codes, and the object stays usable', () => {
  assert.throws(() => tinyformer.createModel({ n_head: 3, n_embd: 16 }, { corpus }), isError('bad_config'));
  assert.throws(() => tinyformer.createModel({ n_layer: 'two' }, { corpus }), isError('bad_config'));
  assert.throws(() => tinyformer.createModel(small, { corpus: '' }), isError('empty_text'));
  assert.throws(() => tinyformer.createModel(small, { corpus, type: 'bpe' }), isError('bad_tokenizer'));
  const model = tinyformer.createModel(small, { corpus });
  assert.throws(() => model.inspect(''), isError('empty_text'));
  assert.throws(() => model.inspect('가'.repeat(40)), isError('too_long'));
  assert.throws(
    () => model.inspect('bad \ud800'),
    (e) => e.code === 'invalid_utf8' && e.detail === 4,
  );
  assert.throws(
    () => model.inspect(new Uint8Array([0x61, 0xff])),
    (e) => e.code === 'invalid_utf8' && e.detail === 1,
  );
  assert.throws(() => model.inspect([1, 9999]), isError('bad_token_id'));
  assert.throws(() => model.decode([-1]), isError('bad_token_id'));
  assert.throws(() => model.nextTokenProbs('나', { topP: 0 }), isError('bad_sampling'));
  assert.throws(() => model.generate([], {}), isError('empty_context'));
  assert.throws(() => tinyformer.loadModel(new Uint8Array([1, 2, 3])), isError('checkpoint_truncated'));
  const bytes = model.save();
  const corrupt = bytes.slice();
  corrupt[12] ^= 0xff; // inside the JSON header
  assert.throws(
    () => tinyformer.loadModel(corrupt),
    (e) => e instanceof TinyformerError && e.code.startsWith('checkpoint'),
  );
  assert.throws(() => tinyformer.loadModel(bytes.slice(0, bytes.length - 10)), isError('checkpoint_truncated'));
  // an encoder-decoder checkpoint is not a GPT: a clear code the page translates
  const seq2seq = readFileSync(join(ROOT, 'tests', 'data', 'seq2seq_golden_post.safetensors'));
  assert.throws(() => tinyformer.loadModel(new Uint8Array(seq2seq)), isError('wrong_arch'));
  assert.equal(model.inspect('나는').tokens.length, 2); // still usable
  assert.throws(() => textBytes(42), isError('bad_text'));
  model.dispose();
});

test('a trainer races optimizers in lockstep; the loss falls; state is readable', () => {
  const trainer = tinyformer.createTrainer(
    {
      model: small,
      seed: 2,
      train: { batchSize: 4 },
      racers: [
        { name: 'SGD', optimizer: { kind: 'sgd', lr: 0.5 } },
        { name: 'Adam', optimizer: { kind: 'adam', lr: 0.01 } },
      ],
    },
    corpus,
  );
  assert.ok(trainer instanceof Trainer);
  assert.equal(trainer.racers, 2);
  const first = trainer.step(1);
  assert.deepEqual(Array.from(first.racer), [0, 1]);
  assert.equal(first.loss[0], first.loss[1]); // same initial weights, same batch
  const r = trainer.step(80);
  assert.equal(r.loss.length, 160);
  assert.equal(trainer.steps, 81);
  assert.ok(r.loss[159] < 0.7 * first.loss[1], `Adam: ${first.loss[1]} → ${r.loss[159]}`);
  const v = trainer.optimizerState(1, 'transformer.h.0.attn.c_attn.weight', 'v');
  assert.equal(v.length, 48 * 16);
  assert.ok(v.every((x) => x >= 0));
  assert.ok(trainer.optimizerState(1, 'transformer.h.0.attn.c_attn.weight', 'effective_lr').some((x) => x > 0));
  assert.throws(() => trainer.optimizerState(0, 'transformer.wte.weight', 'm'), isError('bad_state'));
  trainer.setLearningRate(0, 0.1);
  assert.ok(Math.abs(trainer.learningRate(0) - 0.1) < 1e-7);
  trainer.setSamplingProb(1, 0.5);
  assert.throws(() => trainer.setSamplingProb(1, 2), isError('bad_train_config'));
  assert.ok(Number.isFinite(trainer.evaluate(1)));
  const snap = trainer.snapshot(1);
  const loaded = tinyformer.loadModel(trainer.save(1));
  assert.deepEqual(loaded.inspect('나는').logits.data, snap.inspect('나는').logits.data);
  snap.dispose();
  loaded.dispose();
  trainer.dispose();
});

test('a learning rate that blows up marks the racer diverged with the step', () => {
  const trainer = tinyformer.createTrainer(
    { model: small, train: { batchSize: 4 }, racers: [{ optimizer: { kind: 'sgd', lr: 1e7 } }] },
    corpus,
  );
  let at = -1;
  for (let i = 0; i < 30 && at < 0; i++) {
    const r = trainer.step(1);
    if (r.diverged.length && r.diverged[0]) at = trainer.steps;
  }
  assert.ok(at > 0);
  assert.equal(trainer.info.racers[0].diverged, true);
  assert.equal(trainer.step(3).loss.length, 0); // nothing left to train
  assert.throws(
    () => tinyformer.createTrainer({ racers: [{ optimizer: { lr: -1 } }] }, corpus),
    isError('bad_optimizer_config'),
  );
  assert.throws(() => tinyformer.createTrainer({}, '짧다'), isError('corpus_too_short'));
  trainer.dispose();
});

test('memory stays flat: 1,000 create/dispose cycles and 10,000 training steps', () => {
  const warm = tinyformer.createModel(small, { corpus });
  warm.inspect('나는 밥을');
  warm.dispose();
  const before = tinyformer.memoryBytes;
  for (let i = 0; i < 1000; i++) {
    const m = tinyformer.createModel(small, { corpus, seed: i });
    m.inspect('나는 밥을');
    m.dispose();
  }
  const afterModels = tinyformer.memoryBytes;
  // bound: at most one 64 KiB page-growth step per 100 cycles (it should not grow at all)
  assert.ok(afterModels - before <= 10 * 65536, `grew ${afterModels - before} bytes over 1,000 cycles`);
  const trainer = tinyformer.createTrainer(
    { model: { n_layer: 1, n_head: 2, n_embd: 16, block_size: 8 }, train: { batchSize: 2 } },
    corpus,
  );
  trainer.step(10);
  const start = tinyformer.memoryBytes;
  for (let i = 0; i < 100; i++) trainer.step(100);
  assert.equal(trainer.steps, 10010);
  assert.equal(tinyformer.memoryBytes, start, 'training allocated per step');
  trainer.dispose();
});

test('activation curves, embeddings under each positional encoding, and standalone tokenizers', () => {
  const ys = tinyformer.applyActivation('relu', [-1, 0, 2]);
  assert.deepEqual(Array.from(ys), [0, 0, 2]);
  assert.ok(Math.abs(tinyformer.applyActivation('gelu', [1])[0] - 0.8413447) < 1e-6);
  assert.throws(() => tinyformer.applyActivation('swish', [1]), isError('bad_config'));

  const model = tinyformer.createModel(small, { corpus });
  const a = model.embed('나는 밥을', 'sinusoidal');
  const pe = tinyformer.positionalEncoding(5, 16);
  assert.deepEqual(a['embed.position'].data, pe.data);
  const none = model.embed('나는 밥을', 'none');
  assert.ok(none['embed.position'].data.every((x) => x === 0));
  assert.deepEqual(none['embed.sum'].data, none['embed.token'].data);
  const learned = model.embed('나는 밥을', 'learned');
  assert.deepEqual(learned['embed.sum'].data, model.inspect('나는 밥을').tensor('embed.sum').data);
  const sino = tinyformer.createModel({ ...small, positional: 'sinusoidal' }, { corpus });
  assert.throws(() => sino.embed('나는', 'learned'), isError('no_learned_positions'));
  model.dispose();
  sino.dispose();

  const texts = {};
  for (const type of ['char', 'word', 'jamo']) {
    const tok = tinyformer.createTokenizer(type, corpus);
    texts[type] = tok.tokenize('나는 밥을 먹었다').map((t) => t.text);
    assert.equal(tok.json.type, type);
    tok.dispose();
  }
  assert.equal(texts.char.length, 9);
  assert.equal(texts.word.length, 3);
  assert.equal(texts.jamo.length, 21); // 나(2) 는(3) ␣ 밥(3) 을(3) ␣ 먹(3) 었(3) 다(2)
  assert.throws(() => tinyformer.createTokenizer('char', ''), isError('empty_text'));
});

test('analyzeWord follows 사과 through the layers', () => {
  const model = tinyformer.createModel(
    { ...small, block_size: 32 },
    { corpus: `${corpus}\n빨간 사과를 먹었다\n진심 어린 사과를 했다` },
  );
  const a = model.analyzeWord(
    ['빨간 사과를 먹었다', '진심 어린 사과를 했다', '사과의 의미로 사과를 구매해서 드렸다'],
    '사과',
  );
  assert.equal(a.occurrences.length, 4);
  assert.equal(a.layers, 3);
  assert.deepEqual(a.cosine[2].shape, [4, 4]);
  assert.ok(Math.abs(a.cosine[2].data[0] - 1) < 1e-5);
  assert.deepEqual(a.projection[1].shape, [4, 2]);
  assert.equal(a.attention.length, 2);
  assert.equal(a.attention[0][0].length, a.tokens[0].length);
  assert.throws(() => model.analyzeWord(['고양이는 귀엽다'], '사과'), isError('word_not_found'));
  assert.throws(() => model.analyzeWord(['a\nb'], 'a'), isError('bad_text'));
  model.dispose();
});

test('nearestTokens: the embedding rows closest by cosine, as a plain loop over the table finds them', () => {
  const model = tinyformer.createModel(small, { corpus, type: 'char', seed: 7 });
  const {
    data,
    shape: [V, C],
  } = model.parameter('transformer.wte.weight');
  const vocab = model.tokenizer.vocab;
  const cosine = (a, b) => {
    let ab = 0,
      aa = 0,
      bb = 0;
    for (let c = 0; c < C; c++)
      ((ab += data[a * C + c] * data[b * C + c]), (aa += data[a * C + c] ** 2), (bb += data[b * C + c] ** 2));
    return ab / Math.sqrt(aa * bb);
  };
  for (const id of [4, 10, V - 1]) {
    const reference = [];
    for (let other = 4; other < V; other++) if (other !== id) reference.push({ id: other, cosine: cosine(id, other) });
    reference.sort((a, b) => b.cosine - a.cosine || a.id - b.id);
    const near = model.nearestTokens(id, 5);
    assert.deepEqual(
      near.map((n) => n.id),
      reference.slice(0, 5).map((n) => n.id),
    );
    near.forEach((n, i) => {
      assert.ok(Math.abs(n.cosine - reference[i].cosine) < 1e-5);
      assert.equal(n.text, vocab[n.id]);
    });
  }
  assert.equal(model.nearestTokens(10).length, 5);
  assert.throws(() => model.nearestTokens(V, 3), isError('bad_token_id'));
  assert.throws(() => model.nearestTokens(10, 0), isError('bad_k'));
  assert.throws(() => model.nearestTokens(1.5, 3), TinyformerError);
  assert.equal(model.nearestTokens(10, 2).length, 2); // still usable after the errors
  model.dispose();
});

test('position similarity: dot products of the position vectors', () => {
  const model = tinyformer.createModel(small, { corpus });
  const sim = model.positionSimilarity('sinusoidal', 6);
  assert.deepEqual(sim.shape, [6, 6]);
  const pe = tinyformer.positionalEncoding(6, 16);
  for (const [i, j] of [
    [0, 0],
    [1, 4],
    [5, 2],
  ]) {
    let dot = 0;
    for (let c = 0; c < 16; c++) dot += pe.data[i * 16 + c] * pe.data[j * 16 + c];
    assert.ok(Math.abs(sim.data[i * 6 + j] - dot) < 1e-5);
  }
  assert.ok(Math.abs(sim.data[0] - 8) < 1e-5); // |PE(0)|² = C/2 (sin 0 = 0, cos 0 = 1)
  assert.ok(model.positionSimilarity('none', 3).data.every((x) => x === 0));
  assert.throws(() => model.positionSimilarity('sinusoidal', 99), isError('too_long'));
  model.dispose();
});

test("the encoder-decoder: loadTranslator, translate with each step's cross-attention, inspect, train on pairs", () => {
  const bytes = readFileSync(join(ROOT, 'web', 'models', 'ko-en-word.safetensors'));
  assert.throws(() => tinyformer.loadModel(bytes), isError('wrong_arch'));
  const t = tinyformer.loadTranslator(bytes);
  assert.equal(t.config.arch, 'seq2seq');
  assert.equal(t.tokenizers.source.type, 'word');
  const r = t.translate('나는 밥을 먹었다');
  assert.equal(r.text, 'I ate rice');
  assert.equal(r.finished, true);
  assert.deepEqual(
    r.sourceTokens.map((x) => x.text),
    ['나는', ' 밥을', ' 먹었다'],
  ); // the typed text, piece by piece
  const cross = r.inspection.attention('cross', 1, 0); // (steps, source positions)
  assert.deepEqual(cross.shape, [r.ids.length, 5]);
  for (let k = 0; k < r.ids.length; k++) {
    const row = cross.data.slice(k * 5, k * 5 + 5);
    assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-5);
  }
  const i = t.inspect('고양이는 귀엽다', 'The cat is cute');
  assert.ok(i.loss < 1);
  assert.equal(i.attention('decoder', 0, 0).data[1], 0); // causal
  assert.throws(() => t.translate(''), isError('empty_text'));
  assert.throws(
    () => tinyformer.loadTranslator(readFileSync(join(ROOT, 'web', 'models', 'ko-char.safetensors'))),
    isError('wrong_arch'),
  );
  assert.equal(t.translate('고양이는 귀엽다').text, 'The cat is cute'); // still usable
  t.dispose();

  const pairs = readFileSync(join(ROOT, 'web', 'data', 'ko-en.tsv'), 'utf8');
  const trainer = tinyformer.createTrainer(
    {
      arch: 'seq2seq',
      model: { nEncoderLayer: 1, nDecoderLayer: 1, nHead: 2, nEmbd: 16, mlpHidden: 32 },
      train: { batchSize: 16 },
      racers: [{ optimizer: { kind: 'adam', lr: 0.01 } }],
    },
    pairs,
  );
  const before = trainer.evaluate(0, 1);
  trainer.step(40);
  assert.ok(trainer.evaluate(0, 1) < before);
  const snap = trainer.snapshotTranslator(0);
  assert.equal(typeof snap.translate('나는 밥을 먹었다').text, 'string');
  snap.dispose();
  trainer.dispose();
});

test('what the translation page reads: head slices, the mean over heads, word attention, padding, both decodings', () => {
  const t = tinyformer.loadTranslator(readFileSync(join(ROOT, 'web', 'models', 'ko-en-word.safetensors')));
  const r = t.translate('나는 밥을 먹었다');
  const probs = r.inspection.tensor('dec.h1.xattn.probs'); // (H, T, S)
  const [H, T, S] = probs.shape;
  assert.deepEqual(r.inspection.head('dec.h1.xattn.q', 2).shape, [T, t.config.n_embd / H]);
  assert.throws(() => r.inspection.head('dec.h1.xattn.q', H), isError('bad_head'));
  const mean = tinyformer.headMean(probs);
  assert.deepEqual(mean.shape, [T, S]);
  for (let i = 0; i < T * S; i++) {
    let s = 0;
    for (let h = 0; h < H; h++) s += probs.data[h * T * S + i];
    assert.ok(Math.abs(mean.data[i] - s / H) < 1e-6);
  }
  assert.throws(() => tinyformer.headMean({ data: new Float32Array(3), shape: [2, 2] }), isError('bad_shape'));

  // words: the written tokens (rows) against <bos> source <eos> (columns); specials belong to no word
  const voc = t.tokenizers.target.vocab;
  const rows = Array.from(r.ids, (id) => ({ id, text: voc[id] }));
  const cols = [{ id: 1, text: '<bos>' }, ...r.sourceTokens, { id: 2, text: '<eos>' }];
  const w = tinyformer.wordAttention(probs, rows, cols);
  assert.deepEqual(w.rowWords, ['I', 'ate', 'rice']);
  assert.deepEqual(w.colWords, ['나는', '밥을', '먹었다']);
  assert.deepEqual(Array.from(w.colGroup), [-1, 0, 1, 2, -1]);
  // one token per word: word (i, j) is the head mean at (token i, column j + 1)
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) assert.ok(Math.abs(w.weights.data[i * 3 + j] - mean.data[i * S + j + 1]) < 1e-6);
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(w.rest[i] - (mean.data[i * S] + mean.data[i * S + S - 1])) < 1e-5);
  assert.throws(() => tinyformer.wordAttention(probs, rows.slice(1), cols), isError('bad_shape'));

  const padded = t.inspect('나는 밥을 먹었다', '', { pad: 2 });
  assert.deepEqual(Array.from(padded.source.slice(-2)), [0, 0]);
  assert.ok(Array.from(padded.attention('cross', 1, 0).data).every((v, i) => (i % 7 >= 5 ? v === 0 : true)));
  assert.throws(() => t.inspect('나는', '', { pad: -1 }), isError('bad_config'));
  assert.throws(() => t.inspect('나는', '', { pad: 99 }), isError('too_long'));

  const cmp = t.compareDecoding('나는 밥을 먹었다', 'I ate bread');
  assert.equal(cmp.firstMistake, 2);
  assert.equal(voc[cmp.freeIds[2]], '▁rice');
  assert.equal(voc[cmp.reference[2]], '▁bread');
  assert.ok(cmp.forcedRefProb[2] < 0.5);
  assert.equal(t.compareDecoding('나는 밥을 먹었다', 'I ate rice').firstMistake, -1);
  assert.throws(() => t.compareDecoding('나는 밥을 먹었다', ''), isError('empty_text'));
  assert.deepEqual(t.parameter('transformer.decoder.layers.1.multihead_attn.out_proj.weight').shape, [32, 32]);
  assert.throws(
    () => t.parameter('nope'),
    (e) => e instanceof Error,
  );
  t.dispose();
});

test('senseCheck, softmaxTerms and layerNormTerms: the 사과 check and the formulas’ in-between numbers', () => {
  const model = tinyformer.createModel(
    { ...small, block_size: 32 },
    { corpus: `${corpus}\n빨간 사과를 먹었다\n진심 어린 사과를 했다` },
  );
  const s = model.senseCheck(
    ['빨간 사과를 먹었다', '진심 어린 사과를 했다', '사과의 의미로 사과를 구매해서 드렸다'],
    '사과',
    ['apple', 'apology', 'apology', 'apple'],
  );
  assert.equal(s.occurrences, 4);
  assert.deepEqual(s.senses, ['apology', 'apple']);
  assert.deepEqual([...s.counts], [2, 2]);
  assert.equal(s.accuracy.length, 3);
  assert.equal(s.within.length, 3);
  assert.throws(() => model.senseCheck(['빨간 사과를 먹었다'], '사과', ['apple', 'apology']), isError('bad_shape'));
  assert.throws(() => model.senseCheck(['빨간 사과를 먹었다'], '사과', ['a\nb']), isError('bad_text'));
  model.dispose();
  const terms = tinyformer.softmaxTerms([0, Math.log(3), -Infinity]);
  assert.ok(Math.abs(terms.exp[1] - 3) < 1e-5 && terms.exp[2] === 0 && Math.abs(terms.sum - 4) < 1e-5);
  const norm = tinyformer.layerNormTerms([1, 2, 3], 0);
  assert.ok(
    Math.abs(norm.mean - 2) < 1e-6 && Math.abs(norm.variance - 2 / 3) < 1e-6 && Math.abs(norm.rstd - 1.2247449) < 1e-5,
  );
  assert.throws(() => tinyformer.layerNormTerms([]), isError('bad_shape'));
  assert.throws(() => tinyformer.layerNormTerms([1, 2], Number.NaN), isError('bad_config'));
});
