// Issue 16, items 11, 12 and 14 in headless Chromium: the formulas are MathML with the engine's live numbers
// (attention steps, softmax, layer norm on the watch page; Adam in the training page's optimizer lens); the 사과
// lesson shows the engine's held-out sense check with distinct row labels and a coloured legend; the watch page's
// and the translation training panel's texts have no particle slips and no font-glyph controls. Screenshots in
// Korean and English at 1280 and 390 px: build/screenshots/math-*.png, sagwa-*.png.
//
// Serves build/wasm/site (scripts/build.sh wasm assembles it).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SCREENSHOTS, openPage, openStage, startBrowser, typeSentence } from './browser.mjs';
import { SITE } from '../node/helpers.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const SENTENCE = '고양이는 귀엽다';

/** The <math> elements' text (MathML token contents, − written as a minus sign) under `selector`. */
const mathText = (page, selector) =>
  page.$$eval(`${selector} math`, (ms) => ms.map((m) => m.textContent.replace(/−/g, '-')));

/** The engine's number as the page writes it (tf-heatmap's formatValue), for matching inside MathML text. */
const shown = (page, v) => page.evaluate(async (x) => (await import('./components/tf-heatmap.js')).formatValue(x), v);

const close = (a, b, tol = 1e-6) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

test('softmax, layer norm and attention formulas are MathML with the engine’s numbers of the picked cell', async () => {
  for (const [locale, lang] of [
    ['ko-KR', 'ko'],
    ['en-US', 'en'],
  ]) {
    for (const width of [1280, 390]) {
      const { page, errors, context } = await openPage(env.browser, env.baseUrl, { locale, width });
      await typeSentence(page, SENTENCE);

      // softmax: p_i = e^{z_i} / Σ e^{z_j}, the picked token's z, e^z, Σ and p from the engine
      await openStage(page, 'softmax');
      await page.waitForSelector('tf-stage-softmax .tfo-softmax-formula math');
      const pickSecond = await page.$$('tf-stage-softmax .tfo-pick');
      await pickSecond[1].click();
      const sm = await page.evaluate(() => {
        const app = globalThis.tinyformerApp,
          ins = app.model.inspect(document.getElementById('sentence').value);
        const V = app.model.config.vocab_size,
          T = ins.tokens.length;
        const box = document.querySelector('tf-stage-softmax .tfo-softmax-formula');
        const id = Number(box.dataset.id);
        const logits = ins.logits.data.subarray((T - 1) * V, T * V);
        const terms = app.tinyformer.softmaxTerms(logits);
        const order = Array.from(logits.keys()).sort((a, b) => logits[b] - logits[a] || a - b);
        return {
          id,
          second: order[1],
          data: { ...box.dataset },
          z: logits[id],
          exp: terms.exp[id],
          sum: terms.sum,
          p: ins.probs.data[(T - 1) * V + id],
          maths: box.querySelectorAll('math').length,
        };
      });
      assert.equal(sm.id, sm.second, 'the clicked row is the formula’s token');
      assert.equal(sm.maths, 3);
      assert.ok(
        close(Number(sm.data.logit), sm.z) &&
          close(Number(sm.data.exp), sm.exp) &&
          close(Number(sm.data.sum), sm.sum) &&
          close(Number(sm.data.p), sm.p),
        JSON.stringify(sm),
      );
      assert.ok(close(sm.exp / sm.sum, sm.p, 1e-4), 'e^z ÷ Σ is the engine’s probability');
      const smText = (await mathText(page, 'tf-stage-softmax .tfo-softmax-formula')).join(' ');
      for (const v of [sm.z, sm.exp, sm.sum, sm.p])
        assert.ok(smText.includes((await shown(page, v)).replace(/−/g, '-')), `${v} in ${smText}`);
      await page
        .locator('tf-stage-softmax .tfo-softmax-formula')
        .screenshot({ path: join(SCREENSHOTS, `math-softmax-${lang}-${width}.png`) });

      // layer norm: LN(x)_k = (x_k − μ)/√(σ² + ε)·γ_k + β_k for the chosen token and dimension
      await openStage(page, 'addnorm1');
      await page.waitForSelector('tf-stage-addnorm .tfo-ln-formula math');
      const ln = await page.evaluate(() => {
        const app = globalThis.tinyformerApp,
          cfg = app.model.config,
          C = cfg.n_embd;
        const ins = app.model.inspect(document.getElementById('sentence').value); // the oracle: a full run of its own
        const view = document.querySelector('tf-stage-addnorm');
        const box = view.querySelector('.tfo-ln-formula');
        const d = box.dataset,
          r = Number(d.token),
          k = Number(d.dim),
          names = view.tensorNames;
        const x = ins.tensor(names.sum).data.subarray(r * C, (r + 1) * C);
        const terms = app.tinyformer.layerNormTerms(x, cfg.ln_eps ?? 1e-5);
        const gamma = app.model.parameter(`${d.param}.weight`).data[k];
        const beta = cfg.bias ? app.model.parameter(`${d.param}.bias`).data[k] : 0;
        return {
          d: { ...d },
          x: x[k],
          mean: terms.mean,
          variance: terms.variance,
          rstd: terms.rstd,
          gamma,
          beta,
          out: ins.tensor(names.norm).data[r * C + k],
          names,
        };
      });
      assert.equal(ln.d.param, 'transformer.h.0.ln_2', 'pre-LN: the norm after attention is the block’s ln_2');
      for (const key of ['x', 'mean', 'variance', 'gamma', 'beta', 'out'])
        assert.ok(close(Number(ln.d[key]), ln[key]), `${key}: ${JSON.stringify(ln)}`);
      assert.ok(
        close((ln.x - ln.mean) * ln.rstd * ln.gamma + ln.beta, ln.out, 1e-4),
        'the numbers shown give the engine’s output',
      );
      const lnText = (await mathText(page, 'tf-stage-addnorm .tfo-ln-formula')).join(' ');
      for (const v of [ln.x, ln.mean, ln.variance, ln.gamma, ln.out])
        assert.ok(lnText.includes((await shown(page, v)).replace(/−/g, '-')), `${v} in ${lnText}`);
      await page
        .locator('tf-stage-addnorm .tfo-ln-formula')
        .screenshot({ path: join(SCREENSHOTS, `math-layernorm-${lang}-${width}.png`) });

      // attention step ⑤ softmax: P_ij = e^{M_ij} / Σ_k e^{M_ik} with the cell's recorded score and probability
      await openStage(page, 'attention');
      await page.waitForSelector('tf-stage-attention .att-panel tf-heatmap');
      for (let i = 0; i < 4; i++) await page.click('tf-stage-attention .att-next');
      await page.waitForSelector('tf-stage-attention .att-softmax-formula .att-live math');
      const att = await page.evaluate(() => {
        const app = globalThis.tinyformerApp,
          ins = app.model.inspect(document.getElementById('sentence').value),
          T = ins.tokens.length;
        const box = document.querySelector('tf-stage-attention .att-softmax-formula');
        const i = Number(box.dataset.row),
          j = Number(box.dataset.col);
        return {
          i,
          j,
          T,
          masked: ins.head('h0.attn.masked', 0).data[i * T + j],
          p: ins.head('h0.attn.probs', 0).data[i * T + j],
          maths: document.querySelectorAll('tf-stage-attention .att-panel math').length,
        };
      });
      assert.equal(att.i, att.T - 1);
      assert.ok(att.maths >= 2);
      const attText = (await mathText(page, 'tf-stage-attention .att-softmax-formula .att-live')).join(' ');
      for (const v of [att.masked, att.p])
        assert.ok(attText.includes((await shown(page, v)).replace(/−/g, '-')), `${v} in ${attText}`);
      // every step's formula is MathML, none is code text
      for (let step = 0; step < 8; step++) {
        const n = await page.$eval(
          'tf-stage-attention',
          (v, i) => {
            v.step = i;
            return [v.querySelectorAll('.att-panel math').length, v.querySelectorAll('.att-panel .formula').length];
          },
          step,
        );
        assert.ok(n[0] >= 1 && n[1] === 0, `step ${step + 1}: ${n[0]} <math>, ${n[1]} code formulas`);
      }
      await page.$eval('tf-stage-attention', (v) => {
        v.step = 4;
      });
      await page
        .locator('tf-stage-attention .att-softmax-formula')
        .screenshot({ path: join(SCREENSHOTS, `math-attention-${lang}-${width}.png`) });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `no sideways scroll at ${width} px (${overflow})`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('Add & Norm and Feed forward are pure views: their controllers name a few records; every number shown is the engine’s', async () => {
  // the views draw their controller's data: no engine access in their code (comments may name the engine's calls)
  for (const file of ['tf-stage-addnorm.js', 'tf-stage-ffn.js', 'addnorm-tensors.js']) {
    const code = readFileSync(join(SITE, 'components', 'stages', file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    for (const banned of [
      'tinyformer',
      'inspection',
      'state.model',
      '.inspect(',
      '.tensor(',
      '.parameter(',
      'layerNormTerms',
      'applyActivation',
      '.config',
    ]) {
      assert.ok(!code.includes(banned), `${file} uses ${banned}`);
    }
  }
  // the controllers name exactly the records their view reads
  const addnorm = await import(pathToFileURL(join(SITE, 'controllers', 'stage-addnorm.js')).href);
  const ffn = await import(pathToFileURL(join(SITE, 'controllers', 'stage-ffn.js')).href);
  const pre = { n_layer: 2, n_embd: 64, norm: 'pre' },
    post = { ...pre, norm: 'post' };
  assert.deepEqual(addnorm.tensors({ layer: 0, which: 1, config: pre }), [
    'embed.sum',
    'h0.attn.proj',
    'h0.residual_1',
    'h0.ln_2',
  ]);
  assert.deepEqual(addnorm.tensors({ layer: 1, which: 2, config: pre }), [
    'h1.residual_1',
    'h1.mlp.out',
    'h1.residual_2',
    'ln_f',
  ]);
  assert.deepEqual(addnorm.tensors({ layer: 0, which: 2, config: pre }), [
    'h0.residual_1',
    'h0.mlp.out',
    'h0.residual_2',
    'h1.ln_1',
  ]);
  assert.deepEqual(addnorm.tensors({ layer: 1, which: 1, config: post }), [
    'h0.out',
    'h1.attn.proj',
    'h1.residual_1',
    'h1.ln_1',
  ]);
  assert.deepEqual(ffn.tensors({ layer: 1, config: pre }), ['h1.mlp.pre', 'h1.mlp.act', 'h1.mlp.out']);

  const { page, errors, context } = await openPage(env.browser, env.baseUrl, { locale: 'en-US', width: 1280 });
  await typeSentence(page, SENTENCE);
  const L = await page.evaluate(() => globalThis.tinyformerApp.model.config.n_layer);
  const setLayer = async (layer) => {
    await page.selectOption('#layer', String(layer));
    await page.waitForFunction((l) => globalThis.tinyformerApp.layer === l, layer);
  };
  /** The page copied only `names` (any other record throws not_copied). */
  const copiedOnly = (names, other) =>
    page.evaluate(
      ({ names, other }) => {
        const ins = globalThis.tinyformerApp.inspection;
        const ok = names.every((n) => ins.tensor(n).data.length > 0);
        try {
          ins.tensor(other);
        } catch (err) {
          return { ok, other: err.code };
        }
        return { ok, other: 'copied' };
      },
      { names, other },
    );

  for (const stage of ['addnorm1', 'addnorm2']) {
    await openStage(page, stage);
    for (const layer of [0, L - 1]) {
      await setLayer(layer);
      const names = await page.$eval('tf-stage-addnorm', (v) => v.tensorNames);
      assert.deepEqual(await copiedOnly(Object.values(names), 'logits'), { ok: true, other: 'not_copied' });
      for (const token of [1, 3]) {
        await page.click(`tf-stage-addnorm tf-tokens >> li:nth-child(${token + 1})`);
        const out = await page.evaluate(() => {
          const app = globalThis.tinyformerApp,
            cfg = app.model.config,
            C = cfg.n_embd,
            eps = cfg.ln_eps ?? 1e-5;
          const oracle = app.model.inspect(document.getElementById('sentence').value);
          const view = document.querySelector('tf-stage-addnorm');
          const names = view.tensorNames,
            r = view.selectedToken;
          const heatmaps = [...view.querySelectorAll('figure[data-part] tf-heatmap')].map((h) => {
            const engine = oracle.tensor(h.dataset.tensor).data;
            return [
              h.dataset.tensor,
              h.matrix.values.length === engine.length && h.matrix.values.every((v, i) => v === engine[i]),
            ];
          });
          const row = (name) => oracle.tensor(name).data.subarray(r * C, (r + 1) * C);
          const strip = (part, name, e) => {
            const s = view.querySelector(`figure[data-part=${part}] .tfo-stat`).dataset;
            const terms = app.tinyformer.layerNormTerms(row(name), e);
            return [Number(s.mean), terms.mean, Number(s.std), Math.sqrt(terms.variance)];
          };
          const d = view.querySelector('.tfo-ln-formula').dataset,
            k = Number(d.dim);
          const terms = app.tinyformer.layerNormTerms(row(names.sum), eps);
          const formula = {
            x: [Number(d.x), row(names.sum)[k]],
            out: [Number(d.out), row(names.norm)[k]],
            mean: [Number(d.mean), terms.mean],
            variance: [Number(d.variance), terms.variance],
            gamma: [Number(d.gamma), app.model.parameter(`${d.param}.weight`).data[k]],
            beta: [Number(d.beta), cfg.bias ? app.model.parameter(`${d.param}.bias`).data[k] : 0],
          };
          return {
            r,
            token: Number(d.token),
            heatmaps,
            before: strip('before', names.sum, eps),
            after: strip('after', names.norm, 0),
            formula,
          };
        });
        const what = `${stage} layer ${layer} token ${token}`;
        assert.equal(out.r, token, what);
        assert.equal(out.token, token, what);
        assert.equal(out.heatmaps.length, 4, what);
        for (const [name, same] of out.heatmaps) assert.ok(same, `${what}: ${name} differs from the engine`);
        for (const part of ['before', 'after']) {
          const [mean, engineMean, std, engineStd] = out[part];
          assert.equal(mean, engineMean, `${what}: ${part} mean`);
          assert.equal(std, engineStd, `${what}: ${part} std`);
        }
        for (const [key, [shownValue, engine]] of Object.entries(out.formula))
          assert.equal(shownValue, engine, `${what}: formula ${key}`);
      }
    }
  }

  await openStage(page, 'ffn');
  await setLayer(L - 1);
  const l = L - 1;
  assert.deepEqual(await copiedOnly([`h${l}.mlp.pre`, `h${l}.mlp.act`, `h${l}.mlp.out`], `h${l}.ln_2`), {
    ok: true,
    other: 'not_copied',
  });
  const check = () =>
    page.evaluate(() => {
      const app = globalThis.tinyformerApp,
        { tinyformer } = app,
        layer = app.layer;
      const oracle = app.model.inspect(document.getElementById('sentence').value);
      const view = document.querySelector('tf-stage-ffn');
      const pre = oracle.tensor(`h${layer}.mlp.pre`),
        [T, F] = pre.shape;
      const theta = view.threshold,
        act = view.activation;
      const count = (kind) => {
        const out = tinyformer.applyActivation(kind, pre.data);
        const perRow = Array.from(
          { length: T },
          (_, t) => out.subarray(t * F, (t + 1) * F).filter((v) => v > theta).length,
        );
        return { total: perRow.reduce((a, b) => a + b, 0), perRow, out };
      };
      const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
      const mine = count(act);
      const [hPre, hAct, hOut] = [...view.querySelectorAll('.tfo-heats tf-heatmap')].map((h) => h.matrix.values);
      const compare = [...view.querySelectorAll('.tfo-fire-compare tr[data-act]')].map((tr) => [
        tr.dataset.act,
        tr.children[2].textContent,
        `${count(tr.dataset.act).total} / ${T * F}`,
      ]);
      return {
        act,
        theta,
        pressed: view.querySelector('.tfo-seg [aria-pressed=true]')?.dataset.act,
        curve: same(view.curve.ys, tinyformer.applyActivation(act, view.curve.xs)),
        heatmaps: [same(hPre, pre.data), same(hAct, mine.out), same(hOut, oracle.tensor(`h${layer}.mlp.out`).data)],
        firing: view.firing,
        engine: { total: mine.total, perRow: mine.perRow, units: T * F },
        share: [Number(view.querySelector('.tfo-fire-overall').dataset.share), mine.total / (T * F)],
        bars: [
          view
            .querySelector('tf-bar-chart.tfo-fire-tokens')
            .rows()
            .map((r) => r.value),
          mine.perRow.map((n) => n / F),
        ],
        compare,
      };
    });
  const assertFfn = (out, what) => {
    assert.equal(out.pressed, out.act, what);
    assert.ok(out.curve, `${what}: the curve is not the engine’s`);
    assert.deepEqual(out.heatmaps, [true, true, true], `${what}: heatmaps`);
    assert.deepEqual(out.firing, out.engine, `${what}: firing`);
    assert.equal(out.share[0], out.share[1], `${what}: share`);
    assert.deepEqual(out.bars[0], out.bars[1], `${what}: per-token bars`);
    assert.ok(out.compare.length >= 5, what);
    for (const [kind, shownCount, engineCount] of out.compare)
      assert.equal(shownCount, engineCount, `${what}: ${kind} count`);
  };
  const own = await check();
  assertFfn(own, 'own activation');
  // flipping the activation, θ and the x range: still the engine's numbers
  const other = own.act === 'relu' ? 'silu' : 'relu';
  await page.click(`tf-stage-ffn [data-act=${other}]`);
  await page.waitForSelector(`tf-stage-ffn[data-act=${other}]`);
  await page.$eval('tf-stage-ffn .tfo-theta', (input) => {
    input.value = '0.5';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.click('tf-stage-ffn [data-range=fit]');
  const flipped = await check();
  assert.equal(flipped.act, other);
  assert.equal(flipped.theta, 0.5);
  assertFfn(flipped, `${other}, θ = 0.5, fit`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('MathML renders as mathematics in this Chromium (a fraction is taller than one line)', async () => {
  const { page, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, SENTENCE);
  await openStage(page, 'softmax');
  const heights = await page.evaluate(() => {
    const frac = document.querySelector('tf-stage-softmax .tfo-softmax-formula mfrac');
    const mi = document.querySelector('tf-stage-softmax .tfo-softmax-formula mi');
    return { frac: frac.getBoundingClientRect().height, mi: mi.getBoundingClientRect().height };
  });
  assert.ok(heights.frac > 1.6 * heights.mi, JSON.stringify(heights));
  await context.close();
});

test('the 사과 lesson: the engine’s held-out check and within/across, distinct row labels, coloured legend, measured verdict', async () => {
  for (const [locale, lang] of [
    ['ko-KR', 'ko'],
    ['en-US', 'en'],
  ]) {
    for (const width of [1280, 390]) {
      // the lesson is about a Korean word: the English page shows it with the Korean model (?model=ko)
      const { page, errors, context } = await openPage(env.browser, `${env.baseUrl}?model=ko`, { locale, width });
      await page.waitForSelector('#sagwa-card:not([hidden]) tf-sagwa-lesson .sagwa-verdict', { timeout: 30000 });
      const out = await page.evaluate(() => {
        const app = globalThis.tinyformerApp,
          lesson = app.lesson;
        const view = document.querySelector('tf-sagwa-lesson');
        const check = app.model.senseCheck(
          lesson.check.map((c) => c[0]),
          lesson.word,
          lesson.check.map((c) => c[1]),
        );
        const shown = app.model.senseCheck(
          lesson.sentences.map((s) => s.text),
          lesson.word,
          lesson.sentences.flatMap((s) => s.senses),
        );
        const verdict = view.querySelector('.sagwa-verdict');
        const stats = view.querySelector('.sagwa-stats');
        const h = view.querySelector('tf-heatmap');
        const legend = [...view.querySelectorAll('.sagwa-key')].map((k) => getComputedStyle(k).color);
        return {
          check: { accuracy: [...check.accuracy], majority: check.majority, n: check.occurrences },
          shown: { within: shown.within, across: shown.across },
          verdict: { ...verdict.dataset, text: verdict.textContent },
          stats: { ...stats.dataset },
          labels: h.matrix.rowLabels,
          scaleFit: h.hasAttribute('scale-fit'),
          legend,
          layer: Number(view.dataset.layer),
          layers: check.accuracy.length,
        };
      });
      const L = out.layer;
      assert.equal(L, out.layers - 1, 'opens on the last layer');
      assert.ok(out.check.n >= 300, `${out.check.n} held-out sentences`);
      assert.equal(Number(out.verdict.accuracy), out.check.accuracy[L]);
      assert.equal(Number(out.verdict.embedding), out.check.accuracy[0]);
      assert.equal(Number(out.verdict.majority), out.check.majority);
      assert.equal(Number(out.stats.within), out.shown.within[L]);
      assert.equal(Number(out.stats.across), out.shown.across[L]);
      // the verdict states the measured percentages
      for (const v of [out.check.accuracy[L], out.check.accuracy[0], out.check.majority])
        assert.ok(out.verdict.text.includes(`${(100 * v).toFixed(1)}%`), out.verdict.text);
      assert.equal(new Set(out.labels).size, out.labels.length, `row labels are distinct: ${out.labels.join(' | ')}`);
      assert.ok(out.scaleFit, 'the cosine scale starts at the smallest value shown');
      assert.deepEqual(out.legend, ['rgb(179, 88, 6)', 'rgb(33, 102, 172)'], 'legend in the points’ colours');
      await page.locator('tf-sagwa-lesson').screenshot({ path: join(SCREENSHOTS, `sagwa-${lang}-${width}.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('text slips: particles after values, no English values or glyph controls in the Korean views', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, SENTENCE);
  await openStage(page, 'attention');
  await page.waitForSelector('tf-stage-attention .att-panel');
  const qkv = await page.$eval('tf-stage-attention .att-panel', (p) => p.textContent);
  assert.ok(!/헤드 \d+는/.test(qkv), 'no “헤드 1는”');
  assert.match(qkv, /1번 헤드는/);
  await openStage(page, 'softmax');
  await page.click('tf-stage-softmax .tfo-one');
  await page.waitForFunction(() => document.querySelector('tf-stage-softmax .tfo-sentence').dataset.count === '1');
  await page.click('tf-stage-softmax .tfo-tok.gen');
  const title = await page.$eval('tf-stage-softmax h3:nth-of-type(3)', (h) => h.textContent);
  const all = await page.$eval('tf-stage-softmax', (v) => v.textContent);
  assert.ok(!/을\(를\)|\(을\)|\(를\)/.test(all), `no 을(를): ${title}`);
  await page.waitForSelector('tf-sagwa-lesson .sagwa-verdict');
  const lesson = await page.$eval('tf-sagwa-lesson', (v) => v.textContent);
  assert.ok(!/"사과"가 본 곳/.test(lesson));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the translation training panel draws its controls with SVG icons, no font glyphs', async () => {
  for (const locale of ['ko-KR', 'en-US']) {
    const context = await env.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}translate.html`);
    await page.waitForSelector('tf-translate-train[data-state="ready"]', { state: 'attached', timeout: 60000 });
    const controls = await page.$eval('tf-translate-train', (e) =>
      [...e.shadowRoot.querySelectorAll('.controls button')].map((b) => ({
        action: b.dataset.action,
        text: b.textContent,
        icon: b.querySelector('svg')?.dataset.icon ?? null,
      })),
    );
    assert.ok(
      controls.every((c) => !/[⏸⏯▶⏮⏭⏹⏵↺]/.test(c.text)),
      JSON.stringify(controls),
    );
    assert.equal(controls.find((c) => c.action === 'run').icon, 'play');
    assert.equal(controls.find((c) => c.action === 'reset').icon, 'reset');
    await context.close();
  }
});

test('the optimizer lens writes Adam’s step in MathML with the engine’s m, m̂, v, v̂ and change of one weight', async () => {
  for (const [locale, lang] of [
    ['ko-KR', 'ko'],
    ['en-US', 'en'],
  ]) {
    for (const width of [1280, 390]) {
      const context = await env.browser.newContext({ locale, viewport: { width, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (err) => errors.push(String(err)));
      await page.goto(
        `${env.baseUrl}train.html#mode=race&corpus=ko-small&L=1&H=2&C=16&T=16&B=16&steps=20&seed=3&r=sgd:0.1,adam:0.003`,
      );
      await page.waitForSelector('body[data-train="ready"]', { timeout: 30000 });
      await page.click('tf-train-dashboard [data-action="run"]');
      await page.waitForSelector('body[data-train="finished"]', { timeout: 30000 });
      await page.waitForFunction(() => document.getElementById('lens').shown?.step === 20, null, { timeout: 15000 });
      await page.waitForSelector('#lens .tr-adam-formula[data-weight]');
      const out = await page.evaluate(async () => {
        const s = globalThis.tinyformerTrain.session;
        const box = document.querySelector('#lens .tr-adam-formula');
        const param = document.getElementById('lens').shown.param;
        const read = (which) => s.run.optimizerState(1, param, which);
        const i = Number(box.dataset.weight);
        const engine = {};
        for (const [key, which] of [
          ['m', 'm'],
          ['mHat', 'm_hat'],
          ['v', 'v'],
          ['vHat', 'v_hat'],
          ['update', 'update'],
        ])
          engine[key] = (await read(which))[i];
        return { data: { ...box.dataset }, engine, maths: box.querySelectorAll('math').length, lr: s.racers[1].lr };
      });
      assert.equal(out.maths, 6, 'the step and the two bias corrections, then all three again with numbers');
      for (const key of ['m', 'mHat', 'v', 'vHat', 'update']) assert.equal(Number(out.data[key]), out.engine[key], key);
      assert.equal(out.data.step, '20');
      // the numbers shown give the engine's change: −η·m̂/(√v̂ + ε)
      assert.ok(
        close((-out.lr * out.engine.mHat) / (Math.sqrt(out.engine.vHat) + 1e-8), out.engine.update, 1e-3),
        JSON.stringify(out),
      );
      const text = (await mathText(page, '#lens .tr-adam-formula')).join(' ');
      for (const v of [out.engine.m, out.engine.mHat, out.engine.vHat, out.engine.update])
        assert.ok(text.includes((await shown(page, v)).replace(/−/g, '-')), `${v} in ${text}`);
      await page
        .locator('#lens .tr-adam-formula')
        .screenshot({ path: join(SCREENSHOTS, `math-adam-${lang}-${width}.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('the English page on the English model offers the 사과 lesson, one click away on the Korean model', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl, { locale: 'en-US', width: 390 });
  await page.waitForSelector('#sagwa-offer:not([hidden])');
  assert.equal(await page.locator('#sagwa-card').isHidden(), true);
  assert.match(await page.locator('#sagwa-offer').innerText(), /apple and an apology/);
  await page.click('#sagwa-switch');
  await page.waitForSelector('#sagwa-card:not([hidden]) tf-sagwa-lesson .sagwa-verdict', { timeout: 30000 });
  assert.equal(await page.locator('#sagwa-offer').isHidden(), true);
  assert.equal(await page.evaluate(() => globalThis.tinyformerApp.modelMeta.key), 'ko');
  await page.waitForURL(/model=ko/); // the choice stays in the URL
  assert.deepEqual(errors, []);
  await context.close();
});
