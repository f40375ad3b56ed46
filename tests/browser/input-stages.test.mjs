// Stages 1–3 of the playground (inputs, input embedding, positional encoding) in headless Chromium:
// every number they draw is the engine's, the sinusoid table follows the paper's formula, the
// word-order demo tells the two orders apart exactly when positions are encoded, and the views work
// with the keyboard, in both languages, at desktop and phone width. The views are pure: they draw their
// controller's data (web/controllers/stage-{inputs,embedding,positional}.js) and never reach the engine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, openPage, startBrowser } from './browser.mjs';
import { ROOT } from '../node/helpers.mjs';
import * as inputsController from '../../web/controllers/stage-inputs.js';
import * as embeddingController from '../../web/controllers/stage-embedding.js';
import * as positionalController from '../../web/controllers/stage-positional.js';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

async function typeSentence(page, text) {
  await page.fill('#sentence', text);
  await page.waitForFunction(() => document.body.dataset.inspection === 'ok');
}

async function openStage(page, stage) {
  await page.click(`[data-stage=${stage}]`);
  await page.waitForSelector(`#stage-view tf-stage-${stage}`);
}

/** Largest |a - b| between a heatmap's matrix (as drawn) and an engine tensor computed in the page. */
function maxDiffScript(panel, engineExpr) {
  return `(() => {
    const h = document.querySelector('#stage-view tf-heatmap[data-panel="${panel}"]');
    const app = globalThis.tinyformerApp;
    const engine = (${engineExpr})(app);
    if (!h || !h.matrix) return { error: 'no heatmap ${panel}' };
    if (h.matrix.values.length !== engine.length) return { error: 'length ' + h.matrix.values.length + ' vs ' + engine.length };
    let max = 0;
    for (let i = 0; i < engine.length; i++) max = Math.max(max, Math.abs(h.matrix.values[i] - engine[i]));
    return { max, n: engine.length };
  })()`;
}

async function noSidewaysScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test('stage 1: sentence → tokens → ids, the same as the engine’s tokenizer', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, '나는 밥을 먹었다');
  await openStage(page, 'inputs');
  const shown = await page.$$eval('#stage-view [data-role=token-columns] .tfi-col[data-id]', (cols) =>
    cols.map((c) => Number(c.dataset.id)),
  );
  const engine = await page.evaluate(() => Array.from(globalThis.tinyformerApp.model.encode('나는 밥을 먹었다')));
  assert.deepEqual(shown, engine);
  assert.equal(await page.textContent('#stage-view [data-role=ids]'), `[${engine.join(', ')}]`);
  assert.equal(await page.textContent('#stage-view [data-role=sentence]'), '나는 밥을 먹었다');
  // the vocabulary: every entry, the sentence's ones marked; hovering a token finds its entry
  const vocab = await page.evaluate(() => globalThis.tinyformerApp.model.tokenizer.vocab.length);
  // a large vocabulary is shown in part, always with every token of the sentence
  const shownIds = await page.$$eval('#stage-view [data-role=vocab] li[data-id]', (li) =>
    li.map((x) => Number(x.dataset.id)),
  );
  assert.ok(shownIds.length <= vocab && shownIds.every((id) => id >= 0 && id < vocab));
  assert.ok(engine.every((id) => shownIds.includes(id)));
  const marked = await page.$$eval('#stage-view [data-role=vocab] li.tfi-in', (li) =>
    li.map((x) => Number(x.dataset.id)),
  );
  assert.deepEqual(
    marked,
    [...new Set(engine)].sort((a, b) => a - b),
  );
  await page.hover('#stage-view .tfi-col[data-pos="3"]');
  assert.deepEqual(
    await page.$$eval('#stage-view [data-role=vocab] li.tfi-on', (li) => li.map((x) => Number(x.dataset.id))),
    [engine[3]],
  );
  // keyboard: the token columns are reachable with Tab and light their entry too
  await page.focus('#stage-view .tfi-col[data-pos="0"]');
  assert.deepEqual(
    await page.$$eval('#stage-view [data-role=vocab] li.tfi-on', (li) => li.map((x) => Number(x.dataset.id))),
    [engine[0]],
  );
  // … as one Tab stop: the arrow keys move along the columns (and along the sentence's vocabulary entries)
  assert.equal(await page.$$eval('#stage-view .tfi-col[data-pos]', (c) => c.filter((x) => x.tabIndex === 0).length), 1);
  assert.equal(
    await page.$$eval('#stage-view [data-role=vocab] li.tfi-in', (c) => c.filter((x) => x.tabIndex === 0).length),
    1,
  );
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.pos), '1');
  assert.deepEqual(
    await page.$$eval('#stage-view [data-role=vocab] li.tfi-on', (li) => li.map((x) => Number(x.dataset.id))),
    [engine[1]],
  );
  // an unknown character is marked and explained
  await typeSentence(page, '고양이 🐱');
  assert.equal(await page.$$eval('#stage-view .tfi-col.tfi-unknown', (c) => c.length), 1);
  assert.match(await page.textContent('#stage-view tf-stage-inputs'), /<unk>/);
  await typeSentence(page, '나는 밥을 먹었다');
  await page.screenshot({ path: join(SCREENSHOTS, 'input-stages-inputs-ko.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('stage 2: the sentence’s vectors and the whole table are the engine’s, and linked', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, '사과의 의미로 사과를 구매해서 드렸다');
  await openStage(page, 'embedding');
  // the page copied only the record this view names
  const copied = await page.evaluate(() => {
    const ins = globalThis.tinyformerApp.inspection;
    const other = ins.names.find((name) => name !== 'embed.token');
    try {
      ins.tensor(other);
      return 'copied';
    } catch (err) {
      return err.code;
    }
  });
  assert.equal(copied, 'not_copied');
  const rows = await page.evaluate(
    maxDiffScript(
      'embedding-sentence',
      '(app) => app.model.inspect(document.getElementById("sentence").value).tensor("embed.token").data',
    ),
  );
  assert.equal(rows.error, undefined, rows.error);
  assert.equal(rows.max, 0);
  const table = await page.evaluate(
    maxDiffScript('embedding-table', '(app) => app.model.parameter("transformer.wte.weight").data'),
  );
  assert.equal(table.error, undefined, table.error);
  assert.equal(table.max, 0);
  assert.equal(
    table.n,
    await page.evaluate(
      () => globalThis.tinyformerApp.model.config.vocab_size * globalThis.tinyformerApp.model.config.n_embd,
    ),
  );
  // the engine's lookup: row i of the sentence is row ids[i] of the table
  const lookup = await page.evaluate(() => {
    const s = document.querySelector('tf-heatmap[data-panel="embedding-sentence"]');
    const tb = document.querySelector('tf-heatmap[data-panel="embedding-table"]');
    const ids = globalThis.tinyformerApp.inspection.ids;
    const C = s.matrix.cols;
    return Array.from(ids).every((id, i) =>
      Array.from({ length: C }, (_, c) => s.valueAt(i, c) === tb.valueAt(id, c)).every(Boolean),
    );
  });
  assert.ok(lookup);
  // 사 appears twice: a note says both take the same row
  assert.match(await page.textContent('#stage-view tf-stage-embedding'), /토큰 “사”: 이 문장에 2번/);
  // picking a token: its numbers are listed, its rows outlined in both heatmaps; hovering links too
  await page.click('#stage-view [data-role=token-chips] [data-pos="4"]');
  const picked = await page.evaluate(() => {
    const id = globalThis.tinyformerApp.inspection.ids[4];
    return {
      id,
      pressed: document.querySelector('[data-role=token-chips] [data-pos="4"]').getAttribute('aria-pressed'),
      sentence: document.querySelector('tf-heatmap[data-panel="embedding-sentence"]').highlight,
      table: document.querySelector('tf-heatmap[data-panel="embedding-table"]').highlight,
      vector: document.querySelector('[data-role=vector] .tfi-vector').textContent,
      first: document.querySelector('tf-heatmap[data-panel="embedding-sentence"]').valueAt(4, 0),
    };
  });
  assert.equal(picked.pressed, 'true');
  assert.deepEqual(picked.sentence, { row: 4 });
  assert.deepEqual(picked.table, { row: picked.id });
  assert.ok(picked.vector.startsWith(`[${picked.first.toFixed(4)}, `), picked.vector);
  await page.hover('#stage-view [data-role=token-chips] [data-pos="1"]');
  const hovered = await page.evaluate(
    () => document.querySelector('tf-heatmap[data-panel="embedding-table"]').highlight.row,
  );
  assert.equal(hovered, await page.evaluate(() => globalThis.tinyformerApp.inspection.ids[1]));
  await page.screenshot({ path: join(SCREENSHOTS, 'input-stages-embedding-ko.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

/** The nearest rows the view lists, and a plain cosine loop over the engine's table (the test's own reference). */
const nearestCheck = () => {
  const app = globalThis.tinyformerApp;
  const view = document.querySelector('tf-stage-embedding');
  const pressed = Number(view.querySelector('[data-role=token-chips] [aria-pressed=true]').dataset.pos);
  const id = app.inspection.ids[pressed];
  const {
    data,
    shape: [V, C],
  } = app.model.parameter('transformer.wte.weight');
  const cos = (a, b) => {
    let ab = 0,
      aa = 0,
      bb = 0;
    for (let c = 0; c < C; c++)
      ((ab += data[a * C + c] * data[b * C + c]), (aa += data[a * C + c] ** 2), (bb += data[b * C + c] ** 2));
    return ab / Math.sqrt(aa * bb);
  };
  const reference = [];
  for (let other = 4; other < V; other++) if (other !== id) reference.push({ id: other, cos: cos(id, other) });
  reference.sort((a, b) => b.cos - a.cos || a.id - b.id);
  const shown = [...view.querySelectorAll('[data-role=nearest] li')].map((li) => ({
    id: Number(li.dataset.id),
    cos: Number(li.dataset.cosine),
    text: li.textContent,
  }));
  return {
    id,
    shown,
    reference: reference.slice(0, shown.length),
    title: view.querySelector('[data-role=nearest] h3').textContent,
  };
};

test('stage 2: the nearest rows of the picked token, ranked by the engine’s cosine; chips are one Tab stop', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, '고양이는 귀엽다');
  await openStage(page, 'embedding');
  for (const pos of [0, 3, 6]) {
    await page.click(`#stage-view [data-role=token-chips] [data-pos="${pos}"]`);
    const near = await page.evaluate(nearestCheck);
    assert.equal(near.shown.length, 5);
    assert.deepEqual(
      near.shown.map((n) => n.id),
      near.reference.map((n) => n.id),
      `position ${pos}`,
    );
    near.shown.forEach((n, i) => assert.ok(Math.abs(n.cos - near.reference[i].cos) < 1e-5));
    assert.ok(near.shown.every((n) => n.text.includes(n.cos.toFixed(3))));
  }
  assert.match((await page.evaluate(nearestCheck)).title, /“엽”의 줄과 가장 비슷한 줄 5개/);
  // hovering a neighbour outlines its row in the table
  const second = await page.getAttribute('#stage-view [data-role=nearest] li >> nth=1', 'data-id');
  await page.hover('#stage-view [data-role=nearest] li >> nth=1');
  assert.deepEqual(await page.$eval('tf-heatmap[data-panel="embedding-table"]', (h) => h.highlight), {
    row: Number(second),
  });
  // the token chips: one Tab stop, arrows move, Enter picks
  const stops = await page.$$eval(
    '#stage-view [data-role=token-chips] button',
    (b) => b.filter((x) => x.tabIndex === 0).length,
  );
  assert.equal(stops, 1);
  await page.focus('#stage-view [data-role=token-chips] [data-pos="6"]');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#stage-view [data-role=token-chips] [data-pos="5"]', 'aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.pos), '5', 'the picked chip keeps the focus');
  assert.deepEqual(
    (await page.evaluate(nearestCheck)).shown.map((n) => n.id),
    (await page.evaluate(nearestCheck)).reference.map((n) => n.id),
  );
  // the picked token stays while the learner types; an untrained model says its list means nothing
  await typeSentence(page, '고양이는 귀엽다요');
  assert.equal(await page.getAttribute('#stage-view [data-role=token-chips] [data-pos="5"]', 'aria-pressed'), 'true');
  await page.selectOption('#model-select', 'fresh');
  await page.waitForSelector('body[data-model="fresh"]');
  await page.waitForSelector('#stage-view [data-role=nearest] li');
  assert.match(await page.textContent('#stage-view [data-role=nearest]'), /학습 전이라/);
  await page.click('#lang-toggle');
  assert.match(await page.textContent('#stage-view [data-role=nearest]'), /nearest the row of “귀”/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('stage 3: the sinusoid table follows the formula; waves, sums and the word-order demo come from the engine', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, '나는 밥을 먹었다');
  await openStage(page, 'positional');
  // opens on the model's own setting (the demo model learned its table); then the sinusoids
  assert.ok(await page.isChecked('#stage-view input[name=tfi-positional-mode][value=learned]'));
  await page.check('#stage-view input[name=tfi-positional-mode][value=sinusoidal]');

  // the table is drawn dims × positions: cell (d, p) = PE(p, d)
  const pe = await page.evaluate(() => {
    const h = document.querySelector('tf-heatmap[data-panel="positional-table"]');
    const { rows: C, cols: P } = h.matrix;
    const engine = globalThis.tinyformerApp.tinyformer.positionalEncoding(P, C).data;
    let formula = 0,
      table = 0;
    for (let p = 0; p < P; p++) {
      for (let d = 0; d < C; d++) {
        const i = Math.floor(d / 2);
        const angle = p / 10000 ** ((2 * i) / C);
        const want = d % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
        formula = Math.max(formula, Math.abs(h.valueAt(d, p) - want));
        table = Math.max(table, Math.abs(h.valueAt(d, p) - engine[p * C + d]));
      }
    }
    return { formula, table, C, P, block: globalThis.tinyformerApp.model.config.block_size };
  });
  assert.ok(pe.formula < 1e-6, `PE differs from the formula by ${pe.formula}`);
  assert.equal(pe.table, 0);
  assert.equal(pe.C, await page.evaluate(() => globalThis.tinyformerApp.model.config.n_embd));
  assert.equal(pe.P, pe.block);

  // the wave chart: the chosen dimensions, each series a column of the engine's table
  const waves = async () =>
    page.evaluate(() => {
      const chart = document.querySelector('tf-line-chart[data-panel="waves"]');
      const h = document.querySelector('tf-heatmap[data-panel="positional-table"]');
      return chart.series.map((s) => {
        const d = Number(s.label.match(/\d+/)[0]);
        return { label: s.label, d, n: s.xs.length, match: s.ys.every((y, p) => y === h.valueAt(d, p)) };
      });
    });
  let series = await waves();
  assert.deepEqual(
    series.map((s) => s.d),
    [0, 1, 8],
  );
  assert.ok(series.every((s) => s.match && s.n === pe.P));
  assert.match(series[0].label, /sin/);
  assert.match(series[1].label, /cos/);
  await page.click('#stage-view [data-role=dims] [data-dim="16"]');
  await page.click('#stage-view [data-role=dims] [data-dim="1"]');
  series = await waves();
  assert.deepEqual(
    series.map((s) => s.d),
    [0, 8, 16],
  );
  assert.equal(await page.getAttribute('#stage-view [data-dim="16"]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('#stage-view [data-dim="1"]', 'aria-pressed'), 'false');
  await page.fill('#stage-view [data-role=dim-input]', '13');
  await page.press('#stage-view [data-role=dim-input]', 'Enter');
  series = await waves();
  assert.deepEqual(
    series.map((s) => s.d),
    [0, 8, 16, 13],
  );
  assert.ok(series.every((s) => s.match));

  // token + position = input: model.embed under each mode; the demo: different rows, or the same rows reordered
  const checkMode = async (mode) =>
    page.evaluate((m) => {
      const app = globalThis.tinyformerApp;
      const e = app.model.embed(app.inspection.ids, m);
      const diff = (panel, name) => {
        const h = document.querySelector(`tf-heatmap[data-panel="${panel}"]`);
        return Math.max(...Array.from(e[name].data, (v, i) => Math.abs(v - h.matrix.values[i])));
      };
      const rows = (panel) => {
        const h = document.querySelector(`tf-heatmap[data-panel="${panel}"]`);
        const { rows: T, cols: C, values } = h.matrix;
        return Array.from({ length: T }, (_, r) => Array.from(values.subarray(r * C, (r + 1) * C)).join(','));
      };
      const a = rows('order-a'),
        b = rows('order-b');
      const sa = [...a].sort(),
        sb = [...b].sort();
      const ea = app.model.embed('나는 밥을 먹었다', m)['embed.sum'].data;
      const eb = app.model.embed('밥을 나는 먹었다', m)['embed.sum'].data;
      const same = (x, y) => x.length === y.length && x.every((v, i) => v === y[i]);
      return {
        token: diff('pe-token', 'embed.token'),
        position: diff('pe-position', 'embed.position'),
        sum: diff('pe-sum', 'embed.sum'),
        demoA: same(
          Array.from(document.querySelector('tf-heatmap[data-panel="order-a"]').matrix.values),
          Array.from(ea),
        ),
        demoB: same(
          Array.from(document.querySelector('tf-heatmap[data-panel="order-b"]').matrix.values),
          Array.from(eb),
        ),
        sameMultiset: sa.every((r, i) => r === sb[i]),
        sameOrder: a.every((r, i) => r === b[i]),
        verdict: document.querySelector('[data-role=order-verdict]').dataset.result,
        compare: document.querySelector('[data-role=order-compare] .tfi-note')?.dataset.result,
        tokensA: document.querySelector('[data-side=A] tf-tokens').tokens.map((t) => t.id),
        tokensB: document.querySelector('[data-side=B] tf-tokens').tokens.map((t) => t.id),
        table: Boolean(document.querySelector('tf-heatmap[data-panel="positional-table"]')),
      };
    }, mode);
  const sin = await checkMode('sinusoidal');
  assert.deepEqual([sin.token, sin.position, sin.sum], [0, 0, 0]);
  assert.ok(sin.demoA && sin.demoB);
  assert.deepEqual([...sin.tokensA].sort(), [...sin.tokensB].sort());
  assert.equal(sin.sameMultiset, false);
  assert.equal(sin.verdict, 'different-rows');
  assert.equal(sin.compare, 'different');
  await page.screenshot({ path: join(SCREENSHOTS, 'input-stages-positional-ko.png'), fullPage: true });

  // learned (this model has a learned table): the table is wpe, the inputs still differ
  await page.check('#stage-view input[name=tfi-positional-mode][value=learned]');
  const learned = await checkMode('learned');
  assert.deepEqual([learned.token, learned.position, learned.sum], [0, 0, 0]);
  assert.ok(learned.demoA && learned.demoB);
  assert.equal(learned.sameMultiset, false);
  assert.equal(learned.verdict, 'different-rows');
  const wpe = await page.evaluate(
    maxDiffScript(
      'positional-table',
      `(app) => {
    const w = app.model.parameter('transformer.wpe.weight'); const [P, C] = w.shape; const out = new Float32Array(P * C);
    for (let p = 0; p < P; p++) for (let d = 0; d < C; d++) out[d * P + p] = w.data[p * C + d];
    return out; }`,
    ),
  );
  assert.equal(wpe.max, 0);

  // none: the same rows, only reordered — and the page says so
  await page.check('#stage-view input[name=tfi-positional-mode][value=none]');
  const none = await checkMode('none');
  assert.deepEqual([none.token, none.position, none.sum], [0, 0, 0]);
  assert.ok(none.demoA && none.demoB);
  assert.equal(none.sameMultiset, true);
  assert.equal(none.sameOrder, false);
  assert.equal(none.verdict, 'same-rows');
  assert.equal(none.compare, 'same');
  assert.equal(none.table, false);
  assert.match(await page.textContent('[data-role=order-verdict]'), /같은 줄\(행\)들의 묶음/);
  await page.screenshot({ path: join(SCREENSHOTS, 'input-stages-positional-none-ko.png'), fullPage: true });

  // keyboard: arrow keys move between the modes (a radio group)
  await page.focus('#stage-view input[name=tfi-positional-mode][value=none]');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('#stage-view input[value=learned]')?.checked);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('#stage-view input[value=sinusoidal]')?.checked);

  // editing the demo: other tokens are reported, not compared; the box keeps the focus and the caret as one types
  await page.fill('#stage-view [data-role=order-input-b]', '고양이는 귀엽다');
  assert.equal(await page.getAttribute('[data-role=order-verdict]', 'data-result'), 'other-tokens');
  await page.keyboard.type('요');
  assert.deepEqual(await page.evaluate(() => [document.activeElement.dataset.role, document.activeElement.value]), [
    'order-input-b',
    '고양이는 귀엽다요',
  ]);
  const typed = await page.evaluate(() => {
    const app = globalThis.tinyformerApp;
    const want = app.model.embed('고양이는 귀엽다요', 'sinusoidal')['embed.sum'].data;
    const shown = document.querySelector('tf-heatmap[data-panel="order-b"]').matrix.values;
    return shown.length === want.length && want.every((v, i) => v === shown[i]);
  });
  assert.ok(typed, 'the edited sentence’s input is the engine’s');

  // another model: the switch opens on its own setting again, and the numbers are for that setting
  await page.selectOption('#model-select', 'fresh');
  await page.waitForSelector('body[data-model="fresh"]');
  const fresh = await page.evaluate(() => {
    const app = globalThis.tinyformerApp;
    const own = app.model.config.positional;
    const want = app.model.embed(app.inspection.ids, own)['embed.sum'].data;
    const shown = document.querySelector('tf-heatmap[data-panel="pe-sum"]').matrix.values;
    return {
      own,
      checked: document.querySelector('#stage-view input[name=tfi-positional-mode]:checked').value,
      same: shown.length === want.length && want.every((v, i) => v === shown[i]),
    };
  });
  assert.notEqual(fresh.own, 'sinusoidal', 'the switch stood on another setting than the new model’s own');
  assert.equal(fresh.checked, fresh.own);
  assert.ok(fresh.same, 'the sum is the engine’s under the new model’s own setting');
  assert.deepEqual(errors, []);
  await context.close();
});

test('stage 3 on a model without a learned table: “learned” is disabled and explained', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, '나는 밥을 먹었다');
  await openStage(page, 'positional');
  // the view gets what its controller computes for that model (as the page would hand it)
  await page.evaluate(async () => {
    const app = globalThis.tinyformerApp;
    const controller = await import('./controllers/stage-positional.js');
    const model = app.tinyformer.createModel(
      { n_layer: 1, n_head: 2, n_embd: 16, block_size: 32, positional: 'sinusoidal' },
      { corpus: app.corpus, type: 'char', seed: 1 },
    );
    const view = document.querySelector('tf-stage-positional');
    const text = '나는 밥을 먹었다';
    const inspection = model.inspect(text, {
      tensors: controller.tensors({ layer: 0, config: model.config, memory: view.state.memory, text }),
    });
    const data = controller.data({
      tinyformer: app.tinyformer,
      model,
      inspection,
      text,
      layer: 0,
      memory: view.state.memory,
      trained: false,
    });
    view.state = { ...view.state, data, tokens: inspection.tokens };
  });
  assert.ok(await page.isDisabled('#stage-view input[name=tfi-positional-mode][value=learned]'));
  assert.match(await page.textContent('#stage-view [data-role=no-learned]'), /학습된 위치 표\(wpe\)가 없어요/);
  const shape = await page.evaluate(() => {
    const h = document.querySelector('tf-heatmap[data-panel="positional-table"]');
    return [h.matrix.rows, h.matrix.cols];
  });
  assert.deepEqual(shape, [16, 32]);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, lang] of [
  ['ko-KR', 'ko'],
  ['en-US', 'en'],
]) {
  test(`stages 1–3 at phone width (390 px, ${lang}): no sideways page scroll, screenshots`, async () => {
    const { page, errors, context } = await openPage(env.browser, env.baseUrl, { locale, width: 390, height: 844 });
    await typeSentence(page, lang === 'en' ? 'I ate rice' : '나는 밥을 먹었다');
    for (const stage of ['inputs', 'embedding', 'positional']) {
      await openStage(page, stage);
      await page.waitForTimeout(100);
      assert.ok(await noSidewaysScroll(page), `${stage} scrolls sideways at 390 px`);
      const width = await page.$eval('#stage-view', (el) => el.getBoundingClientRect().width);
      const charts = await page.$$eval('#stage-view tf-heatmap, #stage-view tf-line-chart', (els) =>
        els.map((e) => e.getBoundingClientRect().right),
      );
      assert.ok(
        charts.every((right) => right <= 390 + 0.5),
        `${stage}: a chart sticks out`,
      );
      assert.ok(width <= 390);
      await page.locator('#pipeline').screenshot({ path: join(SCREENSHOTS, `input-stages-${stage}-390-${lang}.png`) });
    }
    if (lang === 'en') {
      assert.match(await page.textContent('#stage-view'), /Change the order/);
      await page.setViewportSize({ width: 1200, height: 900 });
      for (const stage of ['inputs', 'embedding', 'positional']) {
        await openStage(page, stage);
        await page.waitForTimeout(100);
        await page.locator('#pipeline').screenshot({ path: join(SCREENSHOTS, `input-stages-${stage}-en.png`) });
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('stage 2 stays light: the table is painted once per model and only the rows in sight', async () => {
  // what made the stage slow (150–375 ms to open, 230–310 ms a character): a 376 × 16 px-row table painted
  // again for every character on a page-tall canvas
  const { page, errors, context } = await openPage(env.browser, `${env.baseUrl}?model=ko`);
  await typeSentence(page, '나는 밥을 먹었다');
  await openStage(page, 'embedding');
  const canvas = () =>
    page.evaluate(() => {
      const h = document.querySelector('tf-heatmap[data-panel="embedding-table"]');
      const c = h.shadowRoot.querySelector('canvas.cells');
      globalThis.seen ??= new Set();
      const fresh = !globalThis.seen.has(c);
      globalThis.seen.add(c);
      return { height: c.height, rows: h.matrix.rows, fresh, notes: h.matrix.rowNotes.filter(Boolean).length };
    });
  const first = await canvas();
  assert.ok(first.rows > 300, `${first.rows} rows`);
  assert.ok(
    first.height <= 600 * (await page.evaluate(() => devicePixelRatio)),
    `the table canvas is ${first.height} px tall`,
  );
  await typeSentence(page, '나는 밥을 먹었다요');
  const typed = await canvas();
  assert.equal(typed.fresh, false, 'typing a character keeps the painted table');
  assert.equal(typed.notes, first.notes + 1, 'the new character’s row is marked');
  // scrolling the box paints the rows that come into sight
  await page.evaluate(() => {
    document.querySelector('figure[data-panel="embedding-table"] .tfi-scrollbox').scrollTop = 4000;
  });
  await page.waitForFunction(
    () => document.querySelector('tf-heatmap[data-panel="embedding-table"]')._layout.top > 3000,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

/** Code without its comments (the views' comments may name the engine calls their controllers make). */
function code(file) {
  return readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1');
}

test('stages 1–3 are pure views: no engine access in the views; each controller names the records it reads', () => {
  const views = ['tf-stage-inputs.js', 'tf-stage-embedding.js', 'tf-stage-positional.js', 'input-stages-common.js'].map(
    (name) => `web/components/stages/${name}`,
  );
  const engine = [
    'state.tinyformer',
    'state.model',
    'state.inspection',
    'tinyformer',
    'inspection',
    'model.',
    '.model',
    '.inspect(',
    '.tensor(',
    '.embed(',
    '.parameter(',
    '.positionSimilarity(',
    '.positionalEncoding(',
    '.nearestTokens(',
    '.splitChars(',
    '.tokenize(',
    '.tokenizer',
    '.encode(',
    '.applyActivation(',
  ];
  for (const file of views) {
    const source = code(file);
    for (const word of engine) assert.ok(!source.includes(word), `${file} uses ${word}`);
  }
  // the controllers: an explicit, short list of recorded tensors (undefined would copy all of them)
  const ctx = { layer: 0, which: undefined, config: { n_layer: 2, n_embd: 64 }, memory: {}, text: '나는 밥을' };
  assert.deepEqual(inputsController.tensors(ctx), []);
  assert.deepEqual(embeddingController.tensors(ctx), ['embed.token']);
  assert.deepEqual(positionalController.tensors(ctx), []);
});
