// Stages 5–9 of the playground (Add & Norm ①, Feed forward, Add & Norm ②, Linear, Softmax) in
// headless Chromium: every number on screen is the engine's (compared with tinyformerApp.inspection,
// a fresh model.inspect of the sentence and model calls), probabilities sum to 1, the activation switch
// and the temperature / top-k sliders change what is drawn, one-step generation grows the sentence
// reproducibly, phone width has no sideways scroll, and no console errors. The Linear and Softmax views
// are pure: their sources hold no engine access and their controllers name the records they read.
// Screenshots: build/screenshots/output-stages-*.png.
//
// The tests serve build/wasm/site: copy the page in first (cp -r web/* build/wasm/site/).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, openPage, startBrowser } from './browser.mjs';
import { ROOT } from '../node/helpers.mjs';
import * as linearController from '../../web/controllers/stage-linear.js';
import * as softmaxController from '../../web/controllers/stage-softmax.js';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const SENTENCE = '고양이는 귀엽다';
const STAGES = ['addnorm1', 'ffn', 'addnorm2', 'linear', 'softmax'];

async function typeSentence(page, text) {
  await page.fill('#sentence', text);
  await page.waitForFunction(
    (t) =>
      document.body.dataset.inspection === 'ok' &&
      globalThis.tinyformerApp.inspection?.tokens.length > 0 &&
      document.getElementById('sentence').value === t,
    text,
  );
}

async function openStage(page, stage) {
  await page.click(`[data-stage=${stage}]`);
  await page.waitForFunction(
    (s) => document.querySelector(`[data-stage=${s}]`)?.getAttribute('aria-current') === 'true',
    stage,
  );
}

async function setRange(page, selector, value) {
  await page.$eval(
    selector,
    (input, v) => {
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

const close = (a, b, tol = 1e-6) => Math.abs(a - b) <= tol;

test('Add & Norm ① and ②: input + sublayer = sum and LayerNorm show the engine’s tensors; pre-LN is marked', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, SENTENCE);
  const config = await page.evaluate(() => globalThis.tinyformerApp.model.config);
  assert.equal(config.norm, 'pre');

  // which recorded tensors each part shows, per stage and layer (pre-LN model)
  const expected = {
    addnorm1: (l) => ({
      input: l === 0 ? 'embed.sum' : `h${l - 1}.out`,
      sub: `h${l}.attn.proj`,
      sum: `h${l}.residual_1`,
      norm: `h${l}.ln_2`,
    }),
    addnorm2: (l) => ({
      input: `h${l}.residual_1`,
      sub: `h${l}.mlp.out`,
      sum: `h${l}.residual_2`,
      norm: l + 1 < config.n_layer ? `h${l + 1}.ln_1` : 'ln_f',
    }),
  };
  for (const stage of ['addnorm1', 'addnorm2']) {
    await openStage(page, stage);
    for (const layer of [0, config.n_layer - 1]) {
      await page.selectOption('#layer', String(layer));
      await page.waitForFunction((l) => globalThis.tinyformerApp.layer === l, layer);
      const shown = await page.evaluate(() => {
        const view = document.querySelector('tf-stage-addnorm');
        const run = globalThis.tinyformerApp.inspection;
        const parts = {};
        for (const fig of view.querySelectorAll('figure[data-part]')) {
          const h = fig.querySelector('tf-heatmap');
          if (!h) continue;
          const name = h.dataset.tensor;
          const engine = run.tensor(name).data;
          parts[fig.dataset.part] = {
            name,
            same: h.matrix.values.length === engine.length && h.matrix.values.every((v, i) => v === engine[i]),
          };
        }
        // the sum really is input + sublayer (a check of which tensors were picked, done here in the test)
        const names = view.tensorNames;
        const [x, s, y] = [names.input, names.sub, names.sum].map((n) => run.tensor(n).data);
        const maxErr = y.reduce((m, v, i) => Math.max(m, Math.abs(v - (x[i] + s[i]))), 0);
        return {
          parts,
          names,
          maxErr,
          current: view.querySelector('.tfo-norm.current')?.dataset.norm,
          ops: [...view.querySelectorAll('.tfo-op')].map((e) => e.textContent),
        };
      });
      assert.deepEqual(shown.names, expected[stage](layer), `${stage} layer ${layer}`);
      for (const part of ['input', 'sub', 'sum', 'norm']) {
        assert.equal(shown.parts[part].name, shown.names[part]);
        assert.ok(shown.parts[part].same, `${stage} layer ${layer}: ${part} heatmap differs from the engine`);
      }
      assert.ok(shown.maxErr < 1e-5, `${stage}: sum ≠ input + sublayer (${shown.maxErr})`);
      assert.deepEqual(shown.ops, ['+', '=']);
      assert.equal(shown.current, 'pre');
    }

    // choose token 2: the before/after strips are that row of the sum and of LN(sum), with their mean and spread
    await page.click(`tf-stage-addnorm tf-tokens >> li:nth-child(3)`);
    const strip = await page.evaluate(() => {
      const view = document.querySelector('tf-stage-addnorm');
      const run = globalThis.tinyformerApp.inspection;
      const C = globalThis.tinyformerApp.model.config.n_embd;
      const r = view.selectedToken;
      const stats = (name) => {
        const row = Array.from(run.tensor(name).data.slice(r * C, (r + 1) * C));
        const mean = row.reduce((a, b) => a + b, 0) / C;
        return { mean, std: Math.sqrt(row.reduce((a, b) => a + (b - mean) ** 2, 0) / C) };
      };
      const read = (part) => {
        const s = view.querySelector(`figure[data-part=${part}] .tfo-stat`);
        return { mean: Number(s.dataset.mean), std: Number(s.dataset.std), text: s.textContent };
      };
      return {
        r,
        before: read('before'),
        after: read('after'),
        engineBefore: stats(view.tensorNames.sum),
        engineAfter: stats(view.tensorNames.norm),
        note: view.querySelector('.tfo-note')?.className,
      };
    });
    assert.equal(strip.r, 2);
    assert.ok(close(strip.before.mean, strip.engineBefore.mean) && close(strip.before.std, strip.engineBefore.std));
    assert.ok(close(strip.after.mean, strip.engineAfter.mean) && close(strip.after.std, strip.engineAfter.std));
    // mean ≈ 0 and spread ≈ 1 after LayerNorm (exactly so while γ = 1, β = 0, as in an untrained model): the note says which
    const evened = Math.abs(strip.after.mean) < 0.05 && Math.abs(strip.after.std - 1) < 0.05;
    assert.equal(/\bok\b/.test(strip.note), evened, JSON.stringify(strip.after));
    if (evened) assert.match(strip.after.text, /0\.000/);
    await page.screenshot({ path: join(SCREENSHOTS, `output-stages-${stage}-ko.png`), fullPage: true });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a post-LN model with ReLU: Add & Norm shows the post-LN tensors and marks post-LN; the feed-forward view starts on ReLU', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  // swap in a post-LN / ReLU model (same corpus) and let the page re-run the sentence with it
  await page.evaluate(() => {
    const app = globalThis.tinyformerApp;
    app.model = app.tinyformer.createModel(
      { n_layer: 2, n_head: 4, n_embd: 32, block_size: 64, norm: 'post', activation: 'relu' },
      { corpus: app.corpus, type: 'char', seed: 3 },
    );
  });
  await typeSentence(page, SENTENCE);
  assert.equal(await page.evaluate(() => globalThis.tinyformerApp.model.config.norm), 'post');
  const expected = {
    addnorm1: (l) => ({
      input: l === 0 ? 'embed.sum' : `h${l - 1}.out`,
      sub: `h${l}.attn.proj`,
      sum: `h${l}.residual_1`,
      norm: `h${l}.ln_1`,
    }),
    addnorm2: (l) => ({ input: `h${l}.ln_1`, sub: `h${l}.mlp.out`, sum: `h${l}.residual_2`, norm: `h${l}.ln_2` }),
  };
  for (const stage of ['addnorm1', 'addnorm2']) {
    await openStage(page, stage);
    for (const layer of [0, 1]) {
      await page.selectOption('#layer', String(layer));
      await page.waitForFunction((l) => globalThis.tinyformerApp.layer === l, layer);
      const shown = await page.evaluate(() => {
        const view = document.querySelector('tf-stage-addnorm');
        const run = globalThis.tinyformerApp.inspection;
        const names = view.tensorNames;
        const [x, s, y] = [names.input, names.sub, names.sum].map((n) => run.tensor(n).data);
        const norm = view.querySelector('figure[data-part=norm] tf-heatmap').matrix.values;
        return {
          names,
          current: view.querySelector('.tfo-norm.current')?.dataset.norm,
          maxErr: y.reduce((m, v, i) => Math.max(m, Math.abs(v - (x[i] + s[i]))), 0),
          normSame: norm.every((v, i) => v === run.tensor(names.norm).data[i]),
        };
      });
      assert.deepEqual(shown.names, expected[stage](layer));
      assert.equal(shown.current, 'post');
      assert.ok(shown.maxErr < 1e-5, `${stage} layer ${layer}: sum ≠ input + sublayer (${shown.maxErr})`);
      assert.ok(shown.normSame);
    }
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'output-stages-addnorm2-post-ko.png'), fullPage: true });
  await openStage(page, 'ffn');
  const ffn = await page.evaluate(() => {
    const view = document.querySelector('tf-stage-ffn');
    return { act: view.activation, note: view.querySelector('.tfo-note').textContent };
  });
  assert.equal(ffn.act, 'relu');
  assert.match(ffn.note, /ReLU.*✓/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Feed forward: the curve and the firing counts come from tinyformer.applyActivation; switching the activation changes both', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, SENTENCE);
  await openStage(page, 'ffn');
  await page.selectOption('#layer', '0');

  const check = () =>
    page.evaluate(() => {
      const { tinyformer, inspection } = globalThis.tinyformerApp;
      const view = document.querySelector('tf-stage-ffn');
      const act = view.activation,
        theta = view.threshold;
      const pre = inspection.tensor('h0.mlp.pre');
      const [T, F] = pre.shape;
      const engineCurve = tinyformer.applyActivation(act, view.curve.xs);
      const out = tinyformer.applyActivation(act, pre.data);
      let total = 0;
      const perRow = [];
      for (let t = 0; t < T; t++) {
        let n = 0;
        for (let j = 0; j < F; j++) if (out[t * F + j] > theta) n++;
        perRow.push(n);
        total += n;
      }
      const chart = view.querySelector('tf-bar-chart.tfo-fire-tokens').rows();
      return {
        act,
        theta,
        total,
        perRow,
        T,
        F,
        curveSame: view.curve.ys.every((y, i) => y === engineCurve[i]),
        curve: Array.from(view.curve.ys),
        firing: view.firing,
        shownShare: Number(view.querySelector('.tfo-fire-overall').dataset.share),
        chartValues: chart.map((r) => r.value),
        pressed: view.querySelector('.tfo-seg [aria-pressed=true]')?.dataset.act,
        note: view.querySelector('.tfo-note').textContent,
        compare: Object.fromEntries(
          [...view.querySelectorAll('.tfo-fire-compare tr[data-act]')].map((tr) => [
            tr.dataset.act,
            tr.children[2].textContent,
          ]),
        ),
      };
    });

  // starts on the activation the model was trained with (GELU for the default model)
  const trained = await page.evaluate(() => globalThis.tinyformerApp.model.config.activation);
  const gelu = await check();
  assert.equal(gelu.act, trained);
  assert.equal(gelu.pressed, trained);
  assert.ok(gelu.curveSame, 'the GELU curve is not the engine’s');
  assert.equal(gelu.firing.total, gelu.total);
  assert.deepEqual(gelu.firing.perRow, gelu.perRow);
  assert.ok(close(gelu.shownShare, gelu.total / (gelu.T * gelu.F)));
  assert.deepEqual(
    gelu.chartValues,
    gelu.perRow.map((n) => n / gelu.F),
  );
  assert.match(gelu.note, /✓/, 'the trained activation should match h0.mlp.act exactly');
  assert.equal(gelu.compare[trained], `${gelu.total} / ${gelu.T * gelu.F}`);

  const other = trained === 'relu' ? 'silu' : 'relu';
  await page.click(`tf-stage-ffn [data-act=${other}]`);
  const relu = await check();
  assert.equal(relu.act, other);
  assert.ok(relu.curveSame, 'the ReLU curve is not the engine’s');
  assert.notDeepEqual(relu.curve, gelu.curve);
  assert.notEqual(relu.total, gelu.total, `${other} and ${trained} fire the same number of units`);
  assert.equal(relu.firing.total, relu.total);
  assert.doesNotMatch(relu.note, /✓/);
  assert.match(relu.note, trained === 'gelu' ? /GELU/ : /\S/);

  await page.click('tf-stage-ffn [data-act=sigmoid]');
  const sigmoid = await check();
  assert.ok(sigmoid.curveSame);
  assert.equal(sigmoid.firing.total, sigmoid.total);
  // relu(x) > 0.1 means x > 0.1, where sigmoid(x) > 0.5: sigmoid fires at least wherever ReLU does
  if (other === 'relu') assert.ok(sigmoid.total >= relu.total);

  // the threshold slider changes the count: sigmoid never exceeds 1, so θ = 1 leaves no unit firing
  assert.ok(sigmoid.total > 0);
  await setRange(page, 'tf-stage-ffn .tfo-theta', 1);
  const high = await check();
  assert.equal(high.theta, 1);
  assert.equal(high.firing.total, 0);
  assert.equal(high.total, 0);
  assert.equal(high.shownShare, 0);
  await setRange(page, 'tf-stage-ffn .tfo-theta', 0.1);

  // zoom to the sentence's range: still the engine's curve
  await page.click('tf-stage-ffn [data-range=fit]');
  const fit = await check();
  assert.ok(fit.curveSame);
  await page.click(`tf-stage-ffn [data-act=${trained}]`);
  await page.click('tf-stage-ffn [data-range=full]');
  await page.screenshot({ path: join(SCREENSHOTS, 'output-stages-ffn-ko.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('Linear: the top logits of the chosen position are the engine’s, with the token text', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, SENTENCE);
  await openStage(page, 'linear');
  const read = () =>
    page.evaluate(() => {
      const { model } = globalThis.tinyformerApp;
      const oracle = model.inspect(document.getElementById('sentence').value); // a full run of its own
      const chart = document.querySelector('tf-stage-linear tf-bar-chart');
      const V = model.config.vocab_size;
      const pos = Number(chart.dataset.position);
      const row = oracle.logits.data.slice(pos * V, (pos + 1) * V);
      const order = Array.from(row.keys()).sort((a, b) => row[b] - row[a] || a - b);
      const vocab = model.tokenizer.vocab.map(
        (s) => s.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥') || '∅',
      );
      const rows = chart.rows();
      const heat = document.querySelector('tf-stage-linear tf-heatmap').matrix;
      return {
        pos,
        T: oracle.tokens.length,
        rows,
        expected: order.slice(0, rows.length).map((id) => ({ label: vocab[id], value: row[id] })),
        heat:
          heat.values.length === oracle.logits.data.length && heat.values.every((v, i) => v === oracle.logits.data[i]),
        heatShape: [heat.rows, heat.cols],
        shape: oracle.logits.shape,
        colLabels: heat.colLabels.slice(0, vocab.length).every((l, i) => l === vocab[i]),
        copied: globalThis.tinyformerApp.inspection.names.filter((n) => {
          try {
            globalThis.tinyformerApp.inspection.tensor(n);
            return true;
          } catch {
            return false;
          }
        }),
      };
    });
  const last = await read();
  assert.equal(last.pos, last.T - 1);
  assert.equal(last.rows.length, 10);
  assert.deepEqual(
    last.rows.map((r) => ({ label: r.label, value: r.value })),
    last.expected,
  );
  assert.ok(last.rows[0].highlight);
  assert.ok(
    last.rows.every(
      (r) => r.text === (Math.abs(r.value) < 1e-3 && r.value !== 0 ? r.value.toExponential(2) : r.value.toFixed(4)),
    ),
  );
  assert.ok(last.heat, 'the logits heatmap is not the engine’s');
  assert.deepEqual(last.heatShape, last.shape);
  assert.ok(last.colLabels, 'the heatmap’s columns are not the vocabulary');
  assert.deepEqual(last.copied, ['logits'], 'the page copied more than the Linear view reads');

  await page.click('tf-stage-linear [data-k="5"]');
  await page.click('tf-stage-linear tf-tokens >> li:nth-child(2)');
  const second = await read();
  assert.equal(second.pos, 1);
  assert.equal(second.rows.length, 5);
  assert.deepEqual(
    second.rows.map((r) => ({ label: r.label, value: r.value })),
    second.expected,
  );
  await page.click('tf-stage-linear [data-k="10"]');
  await page.screenshot({ path: join(SCREENSHOTS, 'output-stages-linear-ko.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('Softmax: engine probabilities that sum to 1; temperature and top-k reshape them; one step at a time, reproducibly', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, SENTENCE);
  await openStage(page, 'softmax');
  const read = () =>
    page.evaluate(() => {
      const { model } = globalThis.tinyformerApp;
      const view = document.querySelector('tf-stage-softmax');
      const probs = model.nextTokenProbs(view.contextIds, view.settings);
      const order = Array.from(probs.keys()).sort((a, b) => probs[b] - probs[a] || a - b);
      const rows = view.querySelector('tf-bar-chart.tfo-probs').rows();
      const top = rows.filter((r) => !r.muted);
      let engineSum = 0;
      for (const p of probs) engineSum += p;
      let restEngine = 0;
      for (const id of order.slice(top.length)) restEngine += probs[id];
      return {
        settings: view.settings,
        rows,
        engineSum,
        restEngine,
        expectedTop: order.slice(0, top.length).map((id) => probs[id]),
        shownSum: rows.reduce((a, r) => a + r.value, 0),
        caption: Number(view.querySelector('.tfo-sum').dataset.sum),
        nonzero: Array.from(probs).filter((p) => p > 0).length,
        expTable: [...view.querySelectorAll('.tfo-exp tr[data-id]')].map((tr) => ({
          id: Number(tr.dataset.id),
          now: tr.children[3].textContent,
        })),
        probsArr: Array.from(probs),
      };
    });
  // the exp ÷ sum table and formula: the last row of a fresh run of the grown context, and the engine's e^z and Σ e^z
  const fmt = (v) => (Math.abs(v) >= 1000 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(4));
  const readExp = () =>
    page.evaluate(() => {
      const { model, tinyformer } = globalThis.tinyformerApp;
      const view = document.querySelector('tf-stage-softmax');
      const { block_size: B, vocab_size: V } = model.config;
      const run = model.inspect(view.contextIds.slice(-B));
      const T = run.ids.length;
      const logits = run.logits.data.slice((T - 1) * V, T * V);
      const probs1 = run.probs.data.slice((T - 1) * V, T * V);
      const order = Array.from(logits.keys()).sort((a, b) => logits[b] - logits[a] || a - b);
      const box = view.querySelector('.tfo-softmax-formula');
      const id = Number(box.dataset.id);
      const terms = tinyformer.softmaxTerms(logits);
      return {
        rows: [...view.querySelectorAll('.tfo-exp tr[data-id]')].map((tr) => ({
          id: Number(tr.dataset.id),
          logit: tr.children[1].textContent,
          p1: tr.children[2].textContent,
        })),
        expected: order.slice(0, 5).map((i) => ({ id: i, logit: logits[i], p1: probs1[i] })),
        formula: {
          id,
          logit: Number(box.dataset.logit),
          exp: Number(box.dataset.exp),
          sum: Number(box.dataset.sum),
          p: Number(box.dataset.p),
        },
        engine: { logit: logits[id], exp: terms.exp[id], sum: terms.sum, p: probs1[id] },
      };
    });
  const checkExp = async (what) => {
    const exp = await readExp();
    assert.deepEqual(
      exp.rows,
      exp.expected.map((r) => ({ id: r.id, logit: fmt(r.logit), p1: fmt(r.p1) })),
      `${what}: exp table`,
    );
    assert.deepEqual(exp.formula, { id: exp.formula.id, ...exp.engine }, `${what}: formula`);
    return exp;
  };

  const t1 = await read();
  assert.deepEqual(t1.settings, { temperature: 1, topK: 0 });
  assert.deepEqual(
    t1.rows.filter((r) => !r.muted).map((r) => r.value),
    t1.expectedTop,
  );
  assert.ok(close(t1.rows.at(-1).value, t1.restEngine, 1e-9));
  assert.ok(Math.abs(t1.shownSum - 1) < 1e-5, `shown probabilities sum to ${t1.shownSum}`);
  assert.ok(Math.abs(t1.engineSum - 1) < 1e-5);
  assert.ok(close(t1.caption, t1.shownSum, 1e-12));
  for (const row of t1.expTable)
    assert.equal(
      row.now,
      t1.probsArr[row.id] < 1e-3 ? t1.probsArr[row.id].toExponential(2) : t1.probsArr[row.id].toFixed(4),
    );
  const exp1 = await checkExp('the sentence');
  assert.equal(exp1.formula.id, exp1.expected[0].id, 'the formula starts on the highest score');
  // another token of the table: the formula shows its numbers (no new data needed)
  await page.click('tf-stage-softmax .tfo-exp tr[data-id] >> nth=2 >> button');
  assert.equal((await checkExp('picked token')).formula.id, exp1.expected[2].id);
  // the page copied only the two records the view reads
  assert.deepEqual(
    await page.evaluate(() => {
      const run = globalThis.tinyformerApp.inspection;
      return run.names.filter((n) => {
        try {
          run.tensor(n);
          return true;
        } catch {
          return false;
        }
      });
    }),
    ['logits', 'probs'],
  );

  // temperature 0.3 sharpens the distribution: the bars change, still the engine's, still summing to 1; the slider
  // is the same element afterwards (new numbers redraw the rest, not the control being dragged)
  await page.evaluate(() => {
    globalThis.tempSlider = document.querySelector('tf-stage-softmax .tfo-temp');
  });
  await setRange(page, 'tf-stage-softmax .tfo-temp', 0.3);
  assert.ok(
    await page.evaluate(
      () =>
        document.querySelector('tf-stage-softmax .tfo-temp') === globalThis.tempSlider &&
        globalThis.tempSlider.isConnected,
    ),
  );
  const cold = await read();
  assert.deepEqual(cold.settings, { temperature: 0.3, topK: 0 });
  assert.notDeepEqual(
    cold.rows.map((r) => r.value),
    t1.rows.map((r) => r.value),
  );
  assert.ok(cold.rows[0].value > t1.rows[0].value, 'a lower temperature should raise the top probability');
  assert.deepEqual(
    cold.rows.filter((r) => !r.muted).map((r) => r.value),
    cold.expectedTop,
  );
  assert.ok(Math.abs(cold.shownSum - 1) < 1e-5);

  // top-k 5 (at temperature 1, where no kept probability underflows): five candidates left, the rest get 0
  await setRange(page, 'tf-stage-softmax .tfo-temp', 1);
  await setRange(page, 'tf-stage-softmax .tfo-topk', 5);
  const k5 = await read();
  assert.deepEqual(k5.settings, { temperature: 1, topK: 5 });
  assert.equal(k5.nonzero, 5);
  assert.equal(k5.rows.filter((r) => !r.muted && r.value > 0).length, 5);
  assert.ok(Math.abs(k5.shownSum - 1) < 1e-5);
  await setRange(page, 'tf-stage-softmax .tfo-topk', 0);
  await setRange(page, 'tf-stage-softmax .tfo-temp', 1);

  // one step: the sentence grows by one token, the engine's generate() with seed 1 picked it
  const before = await page.evaluate(() => document.querySelector('tf-stage-softmax').contextIds);
  await page.click('tf-stage-softmax .tfo-one');
  await page.waitForFunction(() => document.querySelector('tf-stage-softmax .tfo-sentence').dataset.count === '1');
  const step = await page.evaluate((ctx) => {
    const { model } = globalThis.tinyformerApp;
    const view = document.querySelector('tf-stage-softmax');
    const expectedId = model.generate(ctx, { maxTokens: 1, temperature: 1, topK: 0, seed: 1 }).ids[0];
    const p = model.nextTokenProbs(ctx, { temperature: 1, topK: 0 })[expectedId];
    return {
      steps: view.steps,
      expectedId,
      p,
      ctx: view.contextIds,
      chips: view.querySelectorAll('.tfo-sentence .tfo-tok').length,
      gen: [...view.querySelectorAll('.tfo-sentence .tfo-tok.gen')].map((c) => Number(c.dataset.id)),
      decoded: view.querySelector('.tfo-decoded strong').textContent,
      expectedText: model.decode(view.contextIds),
      nextSeed: view.querySelector('.tfo-next-seed').textContent,
    };
  }, before);
  assert.equal(step.steps.length, 1);
  assert.equal(step.steps[0].seed, 1);
  assert.equal(step.steps[0].id, step.expectedId);
  assert.equal(step.steps[0].p, step.p);
  assert.deepEqual(step.ctx, [...before, step.expectedId]);
  assert.equal(step.chips, before.length + 1);
  assert.deepEqual(step.gen, [step.expectedId]);
  assert.equal(step.decoded, step.expectedText);
  assert.match(step.nextSeed, /2/);
  // the chart now shows the distribution after the longer context, from the engine, and so do the table and formula
  const grown = await read();
  assert.deepEqual(
    grown.rows.filter((r) => !r.muted).map((r) => r.value),
    grown.expectedTop,
  );
  await checkExp('one step');

  // same seed, same token: start over and step again
  await page.click('tf-stage-softmax .tfo-reset');
  await page.waitForFunction(() => document.querySelector('tf-stage-softmax .tfo-sentence').dataset.count === '0');
  await page.click('tf-stage-softmax .tfo-one');
  await page.waitForFunction(() => document.querySelector('tf-stage-softmax .tfo-sentence').dataset.count === '1');
  assert.deepEqual(await page.evaluate(() => document.querySelector('tf-stage-softmax').steps), step.steps);

  // five more: seeds 2..6, each the engine's choice for its context
  await page.click('tf-stage-softmax .tfo-five');
  await page.waitForFunction(
    () =>
      document.querySelector('tf-stage-softmax .tfo-sentence').dataset.count === '6' &&
      !document.querySelector('tf-stage-softmax').dataset.busy,
    null,
    { timeout: 10000 },
  );
  const six = await page.evaluate((ctx0) => {
    const { model } = globalThis.tinyformerApp;
    const view = document.querySelector('tf-stage-softmax');
    const ctx = [...ctx0];
    const ids = [];
    for (let s = 1; s <= 6; s++) {
      const id = model.generate(ctx, { maxTokens: 1, temperature: 1, topK: 0, seed: s }).ids[0];
      ids.push(id);
      ctx.push(id);
    }
    return { shown: view.steps.map((s) => s.id), seeds: view.steps.map((s) => s.seed), ids };
  }, before);
  assert.deepEqual(six.seeds, [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(six.shown, six.ids);
  await checkExp('six steps');

  // a past step's distribution, with its pick highlighted
  await page.click('tf-stage-softmax .tfo-sentence .tfo-tok.gen >> nth=0');
  const past = await page.evaluate(() => {
    const view = document.querySelector('tf-stage-softmax');
    const rows = view.querySelector('tf-bar-chart.tfo-probs').rows();
    return {
      viewing: view.querySelector('tf-bar-chart.tfo-probs').dataset.viewing,
      highlighted: rows.filter((r) => r.highlight).map((r) => r.value),
      p: view.steps[0].p,
    };
  });
  assert.equal(past.viewing, '0');
  if (past.highlighted.length) assert.equal(past.highlighted[0], past.p);

  // the page's own sentence is untouched
  assert.equal(await page.inputValue('#sentence'), SENTENCE);
  await page.screenshot({ path: join(SCREENSHOTS, 'output-stages-softmax-ko.png'), fullPage: true });

  // the steps belong to the sentence: another sentence starts over (the chart back on the next token)
  await typeSentence(page, '나는 밥을 먹었다');
  await page.waitForFunction(() => document.querySelector('tf-stage-softmax .tfo-sentence').dataset.count === '0');
  const fresh = await read();
  assert.equal(await page.evaluate(() => document.querySelector('tf-bar-chart.tfo-probs').dataset.viewing), '-1');
  assert.deepEqual(
    fresh.rows.filter((r) => !r.muted).map((r) => r.value),
    fresh.expectedTop,
  );
  await checkExp('another sentence');
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone width, English: stages 5–9 fit 390 px without sideways scroll', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl, {
    locale: 'en-US',
    width: 390,
    height: 844,
  });
  await typeSentence(page, 'I ate rice.');
  for (const stage of STAGES) {
    await openStage(page, stage);
    if (stage === 'softmax') {
      await page.click('tf-stage-softmax .tfo-five');
      await page.waitForFunction(
        () =>
          document.querySelector('tf-stage-softmax .tfo-sentence').dataset.count === '5' &&
          !document.querySelector('tf-stage-softmax').dataset.busy,
        null,
        { timeout: 10000 },
      );
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${stage}: the page scrolls sideways by ${overflow}px`);
    const text = await page.textContent('#stage-view');
    assert.doesNotMatch(text, /\b(addnorm|ffn|linear|softmax)\.[a-z]/, `${stage}: an untranslated string key`);
    await page.screenshot({ path: join(SCREENSHOTS, `output-stages-${stage}-en-phone.png`), fullPage: true });
  }
  // Korean at phone width too, and every key present in Korean
  await page.click('#lang-toggle');
  for (const stage of STAGES) {
    await openStage(page, stage);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${stage} (ko): the page scrolls sideways by ${overflow}px`);
    assert.doesNotMatch(await page.textContent('#stage-view'), /\b(addnorm|ffn|linear|softmax)\.[a-z]/);
    await page.screenshot({ path: join(SCREENSHOTS, `output-stages-${stage}-ko-phone.png`), fullPage: true });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('Linear and Softmax are pure views: no engine access in their sources; their controllers name the records they read', () => {
  const source = (path) => readFileSync(join(ROOT, path), 'utf8');
  // state.model, or { model } = this.state; engine calls; the model's vocabulary or config read in the view
  const engine =
    /\b(tinyformer|model|inspection)\b|\.inspect\(|nextTokenProbs|\.generate\(|softmaxTerms|\.tokenizer\b|\.decode\(|\.config\b|\bvocabLabels\(/;
  for (const file of ['tf-stage-linear.js', 'tf-stage-softmax.js']) {
    // the code, without its comments (which may say what the controller asked the engine for)
    const text = source(`web/components/stages/${file}`)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    assert.doesNotMatch(text, engine, `${file} reaches the engine`);
    assert.match(text, /this\.data\b/, `${file} does not draw from its data`);
  }
  const config = { n_layer: 2, n_head: 4, n_embd: 64, block_size: 64, vocab_size: 41 };
  for (const layer of [0, 1]) {
    const ctx = { layer, which: undefined, config, memory: {}, text: 'I ate rice' };
    assert.deepEqual(linearController.tensors(ctx), ['logits']);
    assert.deepEqual(softmaxController.tensors(ctx), ['logits', 'probs']);
  }
});
