// The translation page (translate.html) in headless Chromium, in Korean and English: held-out sentences
// translate; every matrix shown is the engine's (three attentions, cross-attention steps, weight slices);
// cross-attention rows sum to 1; the padding mask hides <pad>; the alignment lines are the engine's word
// aggregation; teacher forcing vs free-running marks the first mistake; bad input gets a clear message and
// the page stays usable; it fits a phone; nothing logs an error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, startBrowser } from './browser.mjs';
import { SITE } from '../node/helpers.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

async function openTranslate({ locale = 'ko-KR', width = 1280, height = 900, hash = '' } = {}) {
  const context = await env.browser.newContext({ locale, viewport: { width, height } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    // the training panel's module may be absent in a build without it; every other error counts
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${env.baseUrl}translate.html${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30000 });
  return { page, errors, context };
}

/** Waits until every view, including the ones drawn a frame later, shows the current state. */
const settled = (page) =>
  page.waitForFunction(() => {
    const app = globalThis.tinyformerTranslate;
    return !app.result || document.body.dataset.rendered === String(app.generation);
  });

async function typeSource(page, text) {
  await page.fill('#source', text);
  await page.waitForFunction((s) => globalThis.tinyformerTranslate.text === s, text);
  await settled(page);
}

const shadowText = (page, sel) => page.$eval(sel, (e) => e.shadowRoot.textContent);

/** The held-out pairs of the shipped corpus: every 10th line, as the trainer and the demo model split them. */
function heldOut() {
  const lines = readFileSync(join(SITE, 'data', 'ko-en.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('\t'));
  return lines.filter((_, i) => i % 10 === 9).map((l) => l.split('\t').map((s) => s.trim()));
}

test('held-out sentences translate, step by step, with the engine’s cross-attention rows', async () => {
  const { page, errors, context } = await openTranslate();
  const pairs = heldOut().slice(0, 12);
  let exact = 0;
  for (const [ko, en] of pairs) {
    await typeSource(page, ko);
    const out = await page.evaluate(() => globalThis.tinyformerTranslate.result.text);
    if (out === en) exact++;
  }
  assert.ok(exact >= 10, `held-out exact ${exact} of ${pairs.length}`);

  await typeSource(page, '나는 밥을 먹었다');
  const chips = await page.$$eval('tf-translate-steps', (els) =>
    [...els[0].shadowRoot.querySelectorAll('.tok')].map((c) => c.textContent),
  );
  assert.deepEqual(chips, ['I', 'ate', 'rice', '<eos>']);
  // step 2 (writing 'ate'): the bars are row 1 of the engine's cross-attention, mean over heads, last layer
  await page.$eval('tf-translate-steps', (v) => v.shadowRoot.querySelector('[data-action=next]').click());
  const check = await page.evaluate(() => {
    const app = globalThis.tinyformerTranslate;
    const r = app.translator.translate(app.text, { maxTokens: 30 });
    const mean = app.tinyformer.headMean(r.inspection.tensor('dec.h1.xattn.probs'));
    const S = mean.shape[1];
    const bars = [...document.querySelector('tf-translate-steps').shadowRoot.querySelectorAll('.col')].map((c) =>
      Number(c.dataset.weight),
    );
    return { step: app.step, bars, row: Array.from(mean.data.subarray(S, 2 * S)) };
  });
  assert.equal(check.step, 1);
  assert.deepEqual(check.bars, check.row);
  assert.ok(check.row[3] > 0.5, 'writing ‘ate’ looks mostly at 먹었다');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the three attentions and every cross-attention step show the engine’s tensors; rows sum to 1; padding masked', async () => {
  const { page, errors, context } = await openTranslate();
  await typeSource(page, '고양이는 귀엽다');
  const three = await page.evaluate(() => {
    const app = globalThis.tinyformerTranslate;
    const r = app.translator.translate(app.text, { maxTokens: 30 });
    const view = document.querySelector('tf-three-attentions');
    const names = { encoder: 'enc.h1.attn.probs', decoder: 'dec.h1.attn.probs', cross: 'dec.h1.xattn.probs' };
    return [...view.shadowRoot.querySelectorAll('tf-heatmap')].map((h) => {
      const want = app.tinyformer.headMean(r.inspection.tensor(names[h.dataset.kind])).data;
      const m = h.matrix;
      const sums = [];
      for (let i = 0; i < m.rows; i++)
        sums.push(Array.from(m.values.subarray(i * m.cols, (i + 1) * m.cols)).reduce((a, b) => a + b, 0));
      const masked = m.mask ? Array.from(m.mask).reduce((a, b) => a + b, 0) : 0;
      return {
        kind: h.dataset.kind,
        same: want.every((v, i) => Object.is(v, m.values[i])) && want.length === m.values.length,
        sums,
        masked,
        rows: m.rows,
        cols: m.cols,
      };
    });
  });
  assert.deepEqual(
    three.map((x) => x.kind),
    ['encoder', 'decoder', 'cross'],
  );
  for (const m of three) {
    assert.ok(m.same, `${m.kind} is the engine's mean over heads`);
    for (const s of m.sums) assert.ok(Math.abs(s - 1) < 1e-5, `${m.kind} row sums to 1 (${s})`);
  }
  const dec = three[1];
  assert.equal(dec.masked, (dec.rows * (dec.rows - 1)) / 2, 'decoder self-attention hides the future');
  assert.equal(three[2].masked, 0, 'cross-attention hides nothing without padding');

  // head 2, layer 1: the pickers change what is shown
  await page.$eval('tf-three-attentions', (v) => {
    const [layer, head] = v.shadowRoot.querySelectorAll('select');
    layer.value = '0';
    head.value = '1';
    head.dispatchEvent(new Event('change'));
  });
  await settled(page);
  const picked = await page.evaluate(() => {
    const app = globalThis.tinyformerTranslate;
    const r = app.translator.translate(app.text, { maxTokens: 30 });
    const h = [...document.querySelector('tf-three-attentions').shadowRoot.querySelectorAll('tf-heatmap')][2];
    const want = r.inspection.attention('cross', 0, 1).data;
    return { layer: app.layer, head: app.head, same: want.every((v, i) => Object.is(v, h.matrix.values[i])) };
  });
  assert.deepEqual(picked, { layer: 0, head: 1, same: true });

  // every cross-attention step, with and without padding
  for (const pad of [false, true]) {
    if (pad) {
      await page.$eval('tf-cross-steps', (v) => {
        const c = v.shadowRoot.querySelector('[data-pad]');
        c.checked = true;
        c.dispatchEvent(new Event('change'));
      });
      await page.waitForFunction(() => globalThis.tinyformerTranslate.pad === 3);
      await settled(page);
    }
    for (const step of ['qkv', 'scores', 'scale', 'mask', 'softmax', 'weighted', 'concat', 'proj']) {
      await page.$eval('tf-cross-steps', (v, s) => v.shadowRoot.querySelector(`nav [data-step=${s}]`).click(), step);
      const figs = await page.evaluate(() => {
        const app = globalThis.tinyformerTranslate;
        const ins = app.pad
          ? app.translator.inspect(app.text, '', { pad: app.pad })
          : app.translator.translate(app.text, { maxTokens: 30 }).inspection;
        const C = app.translator.config.n_embd,
          D = C / app.translator.config.n_head;
        return [...document.querySelector('tf-cross-steps').shadowRoot.querySelectorAll('tf-heatmap')].map((h) => {
          const head = h.dataset.head === undefined ? null : Number(h.dataset.head);
          let want;
          if (h.dataset.tensor) {
            const name = h.dataset.tensor;
            want =
              ins.tensor(name).shape.length === 3 && head !== null ? ins.head(name, head).data : ins.tensor(name).data;
          } else {
            const p = app.translator.parameter(h.dataset.param).data,
              part = h.dataset.part;
            const from = part === 'o' ? 0 : 'qkv'.indexOf(part) * C + head * D,
              n = part === 'o' ? C : D;
            want = new Float32Array(C * n);
            for (let c = 0; c < C; c++) for (let d = 0; d < n; d++) want[c * n + d] = p[(from + d) * C + c];
          }
          const m = h.matrix;
          return {
            name: h.dataset.tensor ?? h.dataset.param,
            same: want.length === m.values.length && want.every((v, i) => Object.is(v, m.values[i])),
            cols: m.cols,
            rows: m.rows,
            values:
              h.dataset.tensor?.endsWith('probs') || h.dataset.tensor?.endsWith('masked') ? Array.from(m.values) : null,
          };
        });
      });
      assert.ok(figs.length > 0, `step ${step} shows matrices`);
      for (const f of figs) {
        assert.ok(f.same, `step ${step}: ${f.name} is the engine's`);
        if (!f.values) continue;
        const S = f.cols;
        for (let i = 0; i < f.rows; i++) {
          const row = f.values.slice(i * S, (i + 1) * S);
          if (f.name.endsWith('probs')) assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-5);
          if (pad)
            for (const v of row.slice(S - 3))
              assert.ok(f.name.endsWith('probs') ? v === 0 : v === -Infinity, `${f.name}: <pad> hidden`);
        }
      }
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the alignment lines are the engine’s word-level aggregation, and the word order flips', async () => {
  const { page, errors, context } = await openTranslate();
  await typeSource(page, '나는 밥을 먹었다');
  const a = await page.evaluate(() => {
    const app = globalThis.tinyformerTranslate;
    const r = app.translator.translate(app.text, { maxTokens: 30 });
    const voc = app.translator.tokenizers.target.vocab;
    const rows = Array.from(r.ids, (id) => ({ id, text: voc[id] }));
    const cols = [{ id: 1, text: '<bos>' }, ...r.sourceTokens, { id: 2, text: '<eos>' }];
    const w = app.tinyformer.wordAttention(r.inspection.tensor('dec.h1.xattn.probs'), rows, cols);
    const view = document.querySelector('tf-alignment').shadowRoot;
    const lines = [...view.querySelectorAll('line')].map((l) => ({
      en: Number(l.dataset.en),
      ko: Number(l.dataset.ko),
      w: Number(l.dataset.weight),
    }));
    const words = [...view.querySelectorAll('.word')].map((g) => `${g.dataset.side}:${g.textContent}`);
    const top = [...view.querySelectorAll('.summary li')].map((li) => [Number(li.dataset.en), Number(li.dataset.ko)]);
    return { lines, words, top, weights: Array.from(w.weights.data), K: w.weights.shape[1], rule: view.textContent };
  });
  assert.deepEqual(a.words, ['ko:나는', 'ko:밥을', 'ko:먹었다', 'en:I', 'en:ate', 'en:rice']);
  for (const l of a.lines) assert.equal(l.w, a.weights[l.en * a.K + l.ko]);
  assert.equal(a.lines.length, a.weights.filter((w) => w >= 0.03).length);
  assert.deepEqual(
    a.top,
    [
      [0, 0],
      [1, 2],
      [2, 1],
    ],
    'I→나는, ate→먹었다, rice→밥을: the lines cross',
  );
  assert.match(a.rule, /평균/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('teacher forcing vs free-running marks where free-running first leaves the reference', async () => {
  const { page, errors, context } = await openTranslate({ locale: 'en-US' });
  await typeSource(page, '나는 밥을 먹었다');
  await page.waitForFunction(() => globalThis.tinyformerTranslate.reference === 'I ate rice');
  assert.match(await shadowText(page, 'tf-translate-forcing'), /matches the reference to the end/);
  await page.$eval('tf-translate-forcing', (v) => {
    const input = v.shadowRoot.querySelector('input');
    input.value = 'I ate bread';
    input.dispatchEvent(new Event('input'));
  });
  const text = await shadowText(page, 'tf-translate-forcing');
  assert.match(text, /first leaves the reference at position 3: ‘rice’ instead of ‘bread’/);
  const cells = await page.$eval('tf-translate-forcing', (v) =>
    [...v.shadowRoot.querySelectorAll('td.first')].map((c) => c.textContent),
  );
  assert.equal(cells.length, 1);
  assert.match(cells[0], /^rice/);
  // an empty reference: a message, nothing breaks
  await page.$eval('tf-translate-forcing', (v) => {
    const i = v.shadowRoot.querySelector('input');
    i.value = '';
    i.dispatchEvent(new Event('input'));
  });
  assert.match(await shadowText(page, 'tf-translate-forcing'), /empty/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad input gets a clear message in the learner’s language, and translation goes on', async () => {
  for (const [locale, expect] of [
    [
      'ko-KR',
      {
        empty: /한국어 문장을 입력하면/,
        long: /문장이 너무 길어요/,
        unknown: /모르는 단어가 있어요: 외계인은/,
        english: /영어처럼 보여요/,
        file: /GPT 모델이에요/,
      },
    ],
    [
      'en-US',
      {
        empty: /Type a Korean sentence/,
        long: /too long/,
        unknown: /does not know these words: 외계인은/,
        english: /looks like English/,
        file: /GPT \(next-token\) model/,
      },
    ],
  ]) {
    const { page, errors, context } = await openTranslate({ locale });
    const message = () => page.$eval('#message', (m) => (m.hidden ? '' : m.textContent));
    await typeSource(page, '');
    assert.match(await message(), expect.empty);
    await typeSource(page, Array(40).fill('나는').join(' '));
    assert.match(await message(), expect.long);
    await typeSource(page, '외계인은 밥을 먹었다');
    assert.match(await message(), expect.unknown);
    assert.ok(await page.evaluate(() => globalThis.tinyformerTranslate.result.text.length > 0));
    await typeSource(page, 'I ate rice');
    assert.match(await message(), expect.english);
    // a GPT checkpoint opened here: refused, the demo model stays
    await page.setInputFiles('#model-file', join(SITE, 'models', 'ko-char.safetensors'));
    await page.waitForFunction(
      () => !document.getElementById('message').hidden && /GPT/.test(document.getElementById('message').textContent),
    );
    assert.match(await message(), expect.file);
    await typeSource(page, '고양이는 귀엽다');
    assert.equal(await page.evaluate(() => globalThis.tinyformerTranslate.result.text), 'The cat is cute');
    assert.equal(await message(), '');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('English UI, the URL keeps the state, and it fits a phone; screenshots', async () => {
  const { page, errors, context } = await openTranslate({
    locale: 'en-US',
    width: 390,
    height: 844,
    hash: '#s=고양이는%20귀엽다&l=1&h=2&k=2&x=scores',
  });
  const app = await page.evaluate(() => ({
    text: globalThis.tinyformerTranslate.text,
    layer: globalThis.tinyformerTranslate.layer,
    head: globalThis.tinyformerTranslate.head,
    step: globalThis.tinyformerTranslate.step,
    x: globalThis.tinyformerTranslate.crossStep,
  }));
  assert.deepEqual(app, { text: '고양이는 귀엽다', layer: 0, head: 1, step: 1, x: 'scores' });
  assert.match(await page.textContent('h1'), /Translation/);
  assert.match(await shadowText(page, 'tf-three-attentions'), /Q from the decoder/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 390 px (${overflow})`);
  await page.screenshot({ path: join(SCREENSHOTS, 'translate-en-390.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
  const ko = await openTranslate({ locale: 'ko-KR', width: 1280 });
  await ko.page.screenshot({ path: join(SCREENSHOTS, 'translate-ko-1280.png'), fullPage: true });
  assert.deepEqual(ko.errors, []);
  await ko.context.close();
});
