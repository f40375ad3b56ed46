// Stage 4 (multi-head attention) in headless Chromium: every step shows the engine's own numbers,
// softmax rows sum to 1, the causal mask is drawn, hovering a token names where it looks, the head
// and layer pickers change the data, the view fits a phone, and nothing logs an error. The view is pure: its files
// never reach the engine, and the page copies only the records the stage's controller names. Every number is
// compared with a fresh run of the engine in the page (the page's own run holds only the stage's records).
// Run after copying the page into the built site:  cp -r web/* build/wasm/site/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SCREENSHOTS, openPage, startBrowser } from './browser.mjs';
import { ROOT } from '../node/helpers.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const STEP_TENSORS = {
  qkv: ['ln_1', 'attn.q', 'attn.k', 'attn.v'],
  scores: ['attn.scores'],
  scale: ['attn.scaled'],
  mask: ['attn.masked'],
  softmax: ['attn.probs'],
  weighted: ['attn.probs', 'attn.v', 'attn.head_out'],
  concat: ['attn.concat'],
  proj: ['attn.concat', 'attn.proj'],
};
const STEP_IDS = Object.keys(STEP_TENSORS);

async function openAttention(options, sentence = '고양이는 귀엽다') {
  const opened = await openPage(env.browser, `${env.baseUrl}?model=ko`, options); // Korean sentences in either UI
  await opened.page.fill('#sentence', sentence);
  await opened.page.waitForFunction(() => document.body.dataset.inspection === 'ok');
  await opened.page.click('[data-stage=attention]');
  await opened.page.waitForSelector('tf-stage-attention .att-panel tf-heatmap');
  return opened;
}

/** Every heatmap in the view, checked against a fresh engine run: tensors exactly, weight slices transposed. */
const heatmapCheck = (sel) => {
  const app = globalThis.tinyformerApp,
    cfg = app.model.config;
  const ins = app.model.inspect(document.getElementById('sentence').value);
  const C = cfg.n_embd,
    D = C / cfg.n_head;
  const view = document.querySelector('tf-stage-attention');
  return [...view.querySelectorAll(sel)].map((h) => {
    const m = h.matrix,
      head = h.dataset.head === undefined ? null : Number(h.dataset.head);
    let expected, name;
    if (h.dataset.tensor) {
      name = h.dataset.tensor;
      expected = head === null ? ins.tensor(name).data : ins.head(name, head).data;
    } else {
      name = `${h.dataset.param}:${h.dataset.part}`;
      const p = app.model.parameter(h.dataset.param).data;
      const part = h.dataset.part;
      const from = part === 'o' ? 0 : 'qkv'.indexOf(part) * C + head * D,
        n = part === 'o' ? C : D;
      expected = new Float32Array(C * n);
      for (let c = 0; c < C; c++) for (let d = 0; d < n; d++) expected[c * n + d] = p[(from + d) * C + c];
    }
    const same =
      expected.length === m.values.length &&
      m.rows * m.cols === expected.length &&
      expected.every((v, i) => Object.is(v, m.values[i]));
    return { name, head, same, rows: m.rows, cols: m.cols };
  });
};

test('every step shows the engine’s tensors for the chosen layer and head; rows sum to 1; mask drawn', async () => {
  const { page, errors, context } = await openAttention({ locale: 'ko-KR', width: 1200 });
  const T = await page.evaluate(() => globalThis.tinyformerApp.inspection.tokens.length);
  assert.equal(T, 8);
  // the overview: lines + heatmap of head 1's probabilities, thumbnails for every head
  const heads = await page.$$eval('tf-stage-attention .att-head', (bs) =>
    bs.map((b) => b.getAttribute('aria-pressed')),
  );
  assert.deepEqual(heads, ['true', 'false', 'false', 'false']);
  const overview = await page.evaluate(heatmapCheck, '.att-overview tf-heatmap');
  assert.deepEqual(
    overview.map((o) => [o.name, o.head, o.same]),
    [['h0.attn.probs', 0, true]],
  );
  const lineWeights = await page.$eval('tf-attention-lines', (v) => {
    const ins = globalThis.tinyformerApp.model.inspect(document.getElementById('sentence').value);
    return Array.from(v.weights.values).every((x, i) => x === ins.attention(0, 0).data[i]);
  });
  assert.ok(lineWeights, 'the lines view draws the engine’s probabilities');

  // step through with Next; each step shows exactly the tensors it is about, equal to the engine's
  for (let i = 0; i < STEP_IDS.length; i++) {
    const id = STEP_IDS[i];
    if (i > 0) await page.click('tf-stage-attention .att-next');
    assert.equal(await page.getAttribute('tf-stage-attention .att-panel', 'data-step'), id);
    assert.equal(await page.getAttribute(`tf-stage-attention .att-step[data-step=${id}]`, 'aria-current'), 'step');
    const shown = await page.evaluate(heatmapCheck, '.att-panel tf-heatmap');
    const tensors = shown.filter((s) => !s.name.includes(':'));
    assert.deepEqual(
      tensors.map((s) => s.name),
      STEP_TENSORS[id].map((n) => `h0.${n}`),
      `step ${id}`,
    );
    for (const s of shown) {
      assert.ok(s.same, `step ${id}: ${s.name} differs from the engine`);
      if (s.name.startsWith('h0.attn.') && !['h0.attn.concat', 'h0.attn.proj'].includes(s.name))
        assert.equal(s.head, 0, s.name);
    }
    const { n_embd: C, n_head: H } = await page.evaluate(() => globalThis.tinyformerApp.model.config);
    if (id === 'qkv')
      assert.deepEqual(
        shown.filter((s) => s.name.includes(':')).map((s) => [s.name.split(':')[1], s.rows, s.cols]),
        [
          ['q', C, C / H],
          ['k', C, C / H],
          ['v', C, C / H],
        ],
      );
    if (id === 'proj')
      assert.deepEqual(
        shown.filter((s) => s.name.includes(':')).map((s) => [s.name.split(':')[1], s.rows, s.cols]),
        [['o', C, C]],
      );
    if (id === 'mask' || id === 'softmax') {
      const mask = await page.$eval('tf-stage-attention .att-panel tf-heatmap', (h) => {
        const { rows, cols } = h.matrix,
          bad = [];
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            const future = c > r,
              v = h.valueAt(r, c);
            if (h.isMasked(r, c) !== future) bad.push(`mask ${r},${c}`);
            if (future && v !== (h.dataset.tensor.endsWith('masked') ? -Infinity : 0)) bad.push(`value ${r},${c}=${v}`);
            if (!future && !Number.isFinite(v)) bad.push(`finite ${r},${c}=${v}`);
          }
        }
        return { bad, note: h.getAttribute('mask-note') };
      });
      assert.deepEqual(mask.bad, []);
      assert.ok(mask.note.length > 0, 'masked cells say what they mean');
    }
    if (id === 'softmax') {
      const sums = await page.$eval('tf-stage-attention .att-panel tf-heatmap', (h) => {
        const { rows, cols, values, rowNotes } = h.matrix;
        return Array.from({ length: rows }, (_, r) => {
          let s = 0;
          for (let c = 0; c < cols; c++) s += values[r * cols + c];
          return [s, rowNotes[r]];
        });
      });
      for (const [s, note] of sums) {
        assert.ok(Math.abs(s - 1) < 1e-5, `row sums to ${s}`);
        assert.equal(note, '1.0000');
      }
    }
    await (
      await page.$('tf-stage-attention .att-steps')
    ).screenshot({ path: join(SCREENSHOTS, `attention-step-${i + 1}-${id}.png`) });
  }
  assert.ok(await page.isDisabled('tf-stage-attention .att-next'));

  // the step list is keyboard reachable: ← → move between steps, focus follows
  await page.focus('tf-stage-attention .att-step[data-step=proj]');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getAttribute('tf-stage-attention .att-panel', 'data-step'), 'concat');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.step), 'concat');
  await page.keyboard.press('Home');
  assert.equal(await page.getAttribute('tf-stage-attention .att-panel', 'data-step'), 'qkv');
  await page.click('tf-stage-attention .att-step[data-step=softmax]');
  assert.equal(await page.getAttribute('tf-stage-attention .att-panel', 'data-step'), 'softmax');
  assert.deepEqual(errors, []);
  await context.close();
});

test('hovering a token names where it looks, with the engine’s weights; heatmap rows link to it', async () => {
  const { page, errors, context } = await openAttention({ locale: 'en-US', width: 1200 });
  const readout = () => page.$eval('tf-attention-lines', (v) => v.shadowRoot.querySelector('.readout').textContent);
  assert.match(await readout(), /Hover/);
  // expected: the engine's largest weights in row 7 ('다') of layer 1, head 1
  const top = await page.evaluate(() => {
    const ins = globalThis.tinyformerApp.model.inspect(document.getElementById('sentence').value),
      T = ins.tokens.length,
      p = ins.attention(0, 0).data;
    return Array.from({ length: T }, (_, j) => ({ j, w: p[(T - 1) * T + j], text: ins.tokens[j].text }))
      .sort((a, b) => b.w - a.w)
      .slice(0, 3);
  });
  await page.hover('tf-attention-lines button[data-side=query][data-index="7"]');
  const looks = await readout();
  assert.ok(looks.startsWith('‘다’ looks mostly at'), looks);
  for (const { w } of top) assert.ok(looks.includes(`(${w.toFixed(2)})`), `${looks} lacks ${w.toFixed(2)}`);
  assert.ok(looks.includes(`‘${top[0].text}’ (${top[0].w.toFixed(2)})`), looks);
  assert.deepEqual(await page.$eval('.att-overview tf-heatmap', (h) => h.highlight), { row: 7 });
  await page.screenshot({ path: join(SCREENSHOTS, 'attention-hover-en.png'), fullPage: true });
  // the first token can only look at itself
  await page.hover('tf-attention-lines button[data-side=query][data-index="0"]');
  assert.match(await readout(), /‘고’ is the first token.*\(1\.00\)/);
  // the other side: what looks at a token
  await page.hover('tf-attention-lines button[data-side=key][data-index="2"]');
  assert.match(await readout(), /^‘이’ is looked at most by/);
  assert.deepEqual(await page.$eval('.att-overview tf-heatmap', (h) => h.highlight), { col: 2 });
  // a tap pins the token: it stays after the pointer leaves
  await page.click('tf-attention-lines button[data-side=query][data-index="5"]');
  await page.mouse.move(0, 0);
  assert.match(await readout(), /^‘귀’ looks mostly at/);
  await page.click('tf-attention-lines button[data-side=query][data-index="5"]');
  await page.mouse.move(0, 0);
  assert.match(await readout(), /Hover/);
  // keyboard on the heatmap: the cursor row becomes the looking token in the lines view
  await page.focus('.att-overview tf-heatmap >> canvas.cells');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.match(await readout(), /^‘이’ looks mostly at/);
  await page.keyboard.press('Tab');
  // Tab onto a token of the lines view also describes it
  await page.focus('tf-attention-lines button[data-side=query][data-index="3"]');
  assert.match(await readout(), /^‘는’ looks mostly at/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('switching head and layer changes the data to that head and layer', async () => {
  const { page, errors, context } = await openAttention({ locale: 'ko-KR', width: 1200 });
  await page.click('tf-stage-attention .att-step[data-step=weighted]');
  const before = await page.$eval('.att-overview tf-heatmap', (h) => Array.from(h.matrix.values));
  await page.click('tf-stage-attention .att-head[data-head="2"]');
  assert.equal(await page.getAttribute('tf-stage-attention .att-head[data-head="2"]', 'aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.head), '2', 'focus stays on the head picker');
  assert.equal(await page.getAttribute('tf-stage-attention .att-panel', 'data-step'), 'weighted', 'the step is kept');
  let shown = await page.evaluate(heatmapCheck, 'tf-heatmap:not([data-panel=word-attention])');
  assert.ok(
    shown.every((s) => s.same),
    JSON.stringify(shown),
  );
  assert.ok(shown.filter((s) => s.head !== null).every((s) => s.head === 2));
  const head3 = await page.$eval('.att-overview tf-heatmap', (h) => Array.from(h.matrix.values));
  assert.notDeepEqual(head3, before);
  assert.match(await page.textContent('tf-stage-attention .att-overview-section h3'), /헤드 3/);
  // layer 2 from the page's picker
  await page.selectOption('#layer', '1');
  shown = await page.evaluate(heatmapCheck, 'tf-heatmap:not([data-panel=word-attention])');
  assert.ok(shown.length >= 4 && shown.every((s) => s.same && s.name.startsWith('h1.')), JSON.stringify(shown));
  const layer2 = await page.$eval('.att-overview tf-heatmap', (h) => Array.from(h.matrix.values));
  assert.notDeepEqual(layer2, head3);
  assert.match(await page.textContent('tf-stage-attention .att-overview-section h3'), /층 2 · 헤드 3/);
  await page.click('tf-stage-attention .att-step[data-step=qkv]');
  shown = await page.evaluate(heatmapCheck, '.att-panel tf-heatmap');
  assert.deepEqual(shown.map((s) => s.name).slice(0, 4), ['h1.ln_1', 'h1.attn.q', 'h1.attn.k', 'h1.attn.v']);
  assert.ok(shown.every((s) => s.same));
  assert.ok(shown.some((s) => s.name === 'transformer.h.1.attn.c_attn.weight:q' && s.head === 2));
  // a language switch keeps head, step and layer
  await page.click('#lang-toggle');
  assert.match(await page.textContent('tf-stage-attention .att-overview-section h3'), /Layer 2 · head 3/);
  assert.equal(await page.getAttribute('tf-stage-attention .att-panel', 'data-step'), 'qkv');
  await page.click('#lang-toggle');
  assert.deepEqual(errors, []);
  await context.close();
});

/** The word map as drawn, the engine's word attention for the same layer and heads, and the sentence about it. */
const wordCheck = () => {
  const app = globalThis.tinyformerApp,
    ins = app.model.inspect(document.getElementById('sentence').value);
  const view = document.querySelector('tf-stage-attention');
  const h = view.querySelector('tf-heatmap[data-panel=word-attention]');
  const layer = app.layer,
    mean = h.dataset.heads === 'mean';
  const w = app.tinyformer.wordAttention(
    mean ? ins.tensor(`h${layer}.attn.probs`) : ins.attention(layer, view.head),
    ins.tokens,
    ins.tokens,
  );
  const N = w.rowWords.length,
    m = h.matrix,
    bad = [];
  if (m.rows !== N || m.cols !== N + 1) bad.push(`shape ${m.rows}×${m.cols}`);
  for (let i = 0; i < N; i++) {
    let sum = 0;
    for (let j = 0; j <= N; j++) {
      const v = h.valueAt(i, j),
        want = j < N ? w.weights.data[i * N + j] : w.rest[i];
      if (v !== want) bad.push(`${i},${j}: ${v} vs ${want}`);
      if (h.isMasked(i, j) !== (j < N && j > i)) bad.push(`mask ${i},${j}`);
      sum += v;
    }
    if (Math.abs(sum - 1) > 1e-5) bad.push(`row ${i} sums to ${sum}`);
  }
  const says = view.querySelector('[data-role=word-says]');
  return {
    bad,
    words: w.rowWords,
    labels: m.colLabels,
    weights: Array.from(w.weights.data),
    rest: Array.from(w.rest),
    says: says.textContent,
    sayWord: Number(says.dataset.word),
    heads: h.dataset.heads,
  };
};

test('word by word: the engine’s word map from the character pieces, the rule stated, the numbers read out', async () => {
  const { page, errors, context } = await openAttention({ locale: 'ko-KR', width: 1200 });
  let w = await page.evaluate(wordCheck);
  assert.deepEqual(w.bad, []);
  assert.deepEqual(w.words, ['고양이는', '귀엽다']);
  assert.equal(w.labels.at(-1), '나머지');
  // the sentence reads the engine's numbers for the last word: its share of ‘고양이는’, itself and the rest
  const pct = (v) => `${(v * 100).toFixed(0)}%`;
  assert.equal(w.sayWord, 1);
  assert.ok(w.says.includes(`‘귀엽다’의 조각들`), w.says);
  assert.ok(w.says.includes(`‘고양이는’ ${pct(w.weights[2])}`), w.says);
  assert.ok(w.says.includes(`자기 자신 ‘귀엽다’ ${pct(w.weights[3])}`), w.says);
  assert.ok(w.says.includes(pct(w.rest[1])), w.says);
  // the claim that cannot be checked on a character model is gone; the rule is on the page
  const text = await page.textContent('tf-stage-attention');
  assert.doesNotMatch(text, /무엇이 귀여운지/);
  assert.match(text, /규칙: .*평균/);
  // hovering the first word's row reads that word out
  await page.focus('tf-stage-attention tf-heatmap[data-panel=word-attention] >> canvas.cells');
  await page.keyboard.press('ArrowRight');
  w = await page.evaluate(wordCheck);
  assert.equal(w.sayWord, 0);
  assert.ok(w.says.includes(`자기 자신 ‘고양이는’ ${pct(w.weights[0])}`), w.says);
  // the mean over heads, and another head and layer: still the engine's numbers
  await page.click('tf-stage-attention .att-words input[value=mean]');
  w = await page.evaluate(wordCheck);
  assert.equal(w.heads, 'mean');
  assert.deepEqual(w.bad, []);
  assert.match(w.says, /모든 헤드의 평균/);
  await page.click('tf-stage-attention .att-head[data-head="2"]');
  await page.selectOption('#layer', '1');
  w = await page.evaluate(wordCheck);
  assert.deepEqual(w.bad, []);
  assert.equal(w.heads, 'mean', 'the choice of heads is kept');
  await page.click('tf-stage-attention .att-words input[value=head]');
  w = await page.evaluate(wordCheck);
  assert.deepEqual(w.bad, []);
  assert.match(w.says, /층 2, 헤드 3/);
  // a longer sentence: five words
  await page.fill('#sentence', '사과의 의미로 사과를 구매해서 드렸다');
  await page.waitForSelector('tf-stage-attention tf-heatmap[data-panel=word-attention]');
  w = await page.evaluate(wordCheck);
  assert.deepEqual(w.bad, []);
  assert.equal(w.words.length, 5);
  await (
    await page.$('tf-stage-attention .att-words')
  ).screenshot({ path: join(SCREENSHOTS, 'attention-words-ko.png') });
  await page.click('#lang-toggle');
  w = await page.evaluate(wordCheck);
  assert.match(w.says, /the pieces of ‘드렸다’ split their attention/);
  await (
    await page.$('tf-stage-attention .att-words')
  ).screenshot({ path: join(SCREENSHOTS, 'attention-words-en.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, lang] of [
  ['ko-KR', 'ko'],
  ['en-US', 'en'],
]) {
  test(`phone width (390 px, ${lang}): no sideways page scroll on any step, long sentence too`, async () => {
    const { page, errors, context } = await openAttention(
      { locale, width: 390, height: 844 },
      '사과의 의미로 사과를 구매해서 드렸다',
    );
    const pageWidth = () => page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    for (const id of STEP_IDS) {
      await page.click(`tf-stage-attention .att-step[data-step=${id}]`);
      const [scroll, inner] = await pageWidth();
      assert.ok(scroll <= inner, `step ${id}: page is ${scroll}px wide at ${inner}px`);
    }
    await page.click('tf-stage-attention .att-step[data-step=softmax]');
    await page.screenshot({ path: join(SCREENSHOTS, `attention-phone-long-${lang}.png`), fullPage: true });
    await page.fill('#sentence', '고양이는 귀엽다');
    await page.waitForSelector('tf-stage-attention');
    const [scroll, inner] = await pageWidth();
    assert.ok(scroll <= inner);
    await page.hover('tf-attention-lines button[data-side=query][data-index="6"]');
    await (await page.$('#pipeline')).screenshot({ path: join(SCREENSHOTS, `attention-phone-${lang}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('desktop screenshots in both languages', async () => {
  for (const [locale, lang] of [
    ['ko-KR', 'ko'],
    ['en-US', 'en'],
  ]) {
    const { page, errors, context } = await openAttention({ locale, width: 1200 });
    await page.hover('tf-attention-lines button[data-side=query][data-index="7"]');
    await (await page.$('#pipeline')).screenshot({ path: join(SCREENSHOTS, `attention-desktop-${lang}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a pure view: its files never reach the engine; the page copies only the records the controller names', async () => {
  // the view and its steps draw plain data; only the controller (and the widget, its own controller) call the engine
  const engine = [
    /state\.(tinyformer|model|inspection)\b/,
    /\bctx\.(model|ins|tinyformer)\b/,
    /\.inspect\(/,
    /\.parameter\(/,
    /\.wordAttention\(/,
    /\.tensor\(/,
    /\.head\(/,
    /\.attention\(/,
    /\.headMean\(/,
    /\binspection\b/,
  ];
  for (const file of ['web/components/stages/tf-stage-attention.js', 'web/components/stages/attention-steps.js']) {
    const source = readFileSync(join(ROOT, file), 'utf8');
    for (const pattern of engine) assert.doesNotMatch(source, pattern, `${file} reaches the engine (${pattern})`);
  }
  // the controller names one layer's records, short and explicit
  const controller = await import(pathToFileURL(join(ROOT, 'web/controllers/stage-attention.js')).href);
  const attn = ['q', 'k', 'v', 'scores', 'scaled', 'masked', 'probs', 'head_out', 'concat', 'proj'];
  assert.deepEqual(controller.tensors({ layer: 1, config: { norm: 'pre' } }), [
    'h1.ln_1',
    ...attn.map((s) => `h1.attn.${s}`),
  ]);
  assert.deepEqual(controller.tensors({ layer: 0, config: { norm: 'post' } }), [
    'embed.sum',
    ...attn.map((s) => `h0.attn.${s}`),
  ]);
  assert.deepEqual(controller.tensors({ layer: 1, config: { norm: 'post' } }), [
    'h0.out',
    ...attn.map((s) => `h1.attn.${s}`),
  ]);
  // in the page: the run holds exactly those records, for the layer on screen
  const { page, errors, context } = await openAttention({ locale: 'ko-KR', width: 1200 });
  const copied = () =>
    page.evaluate(() => {
      const ins = globalThis.tinyformerApp.inspection;
      return ins.names.filter((name) => {
        try {
          ins.tensor(name);
          return true;
        } catch (err) {
          if (err.code === 'not_copied') return false;
          throw err;
        }
      });
    });
  assert.deepEqual((await copied()).sort(), controller.tensors({ layer: 0, config: { norm: 'pre' } }).sort());
  await page.selectOption('#layer', '1');
  assert.match(await page.textContent('tf-stage-attention .att-overview-section h3'), /층 2/);
  assert.deepEqual((await copied()).sort(), controller.tensors({ layer: 1, config: { norm: 'pre' } }).sort());
  // picking a head needs no new run: the view already has every head's numbers
  const stageRequests = await page.evaluate(async () => {
    let n = 0;
    document.getElementById('stage-view').addEventListener('stage-request', () => {
      n++;
    });
    document.querySelector('tf-stage-attention .att-head[data-head="1"]').click();
    return n;
  });
  assert.equal(stageRequests, 0);
  assert.equal(await page.getAttribute('tf-stage-attention .att-head[data-head="1"]', 'aria-pressed'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});
