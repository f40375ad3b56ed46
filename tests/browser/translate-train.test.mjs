// The translation lesson's training panel (<tf-translate-train> on translate.html, driven by
// components/translate/train-controller.js) in headless Chromium: an encoder–decoder trains from scratch in the
// tab until the engine scores 90% held-out exact match (prints the seconds it took: a figure, not a threshold);
// the loss falls; the exact-match readout is the engine's score; the slider brings back earlier snapshots whose
// matrices are the engine's cross-attention; "watch this model above" hands the page the trained model; the
// strings are Korean or English; a lost worker and a blown-up run get clear messages and a way back.
// Screenshots at 1280 px and 390 px in both languages go to build/screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, startBrowser } from './browser.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

/** Opens translate.html; resolves once the training panel is ready (its first snapshot taken). */
async function openPanel({ locale = 'ko-KR', width = 1280 } = {}) {
  const context = await env.browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${env.baseUrl}translate.html`);
  await page.waitForSelector('tf-translate-train[data-state="ready"]', { state: 'attached', timeout: 60000 });
  return { page, errors, context };
}

const panelText = (page) => page.$eval('tf-translate-train', (e) => e.shadowRoot.textContent);
const stat = (page, key) =>
  page.$eval('tf-translate-train', (e, k) => e.shadowRoot.querySelector(`[data-stat="${k}"]`).textContent, key);

test('trains in the tab to 90% held-out exact match: falling loss, the engine’s score on screen, a slider over snapshots, the model handed to the page', async () => {
  const { page, errors, context } = await openPanel();
  const t0 = await page.evaluate(() => {
    const c = globalThis.tinyformerTranslate.training;
    return { steps: c.steps, snapshots: c.snapshots.length, exact: c.history.exactMatch[0], info: c.run.info };
  });
  assert.equal(t0.steps, 0);
  assert.equal(t0.snapshots, 1); // the untrained model's map
  assert.equal(t0.exact, 0);
  assert.match(await panelText(page), /학습 시작/);

  await page.click('tf-translate-train >> [data-action="run"]');
  await page.waitForFunction(() => globalThis.tinyformerTranslate.training.reached, null, {
    timeout: 600000,
    polling: 200,
  });
  await page.click('tf-translate-train >> [data-action="run"]'); // pause
  await page.waitForFunction(
    () => {
      const c = globalThis.tinyformerTranslate.training;
      return c.state === 'paused' && !c._busy && c.history.scoreSteps.at(-1) === c.steps;
    },
    null,
    { timeout: 60000 },
  );
  const out = await page.evaluate(async () => {
    const c = globalThis.tinyformerTranslate.training;
    // the engine's score of the paused model, asked for again
    const again = await c.run.scoreTranslations(0, c.scorePairs);
    const all = await c.run.scoreTranslations(0, 0); // every held-out pair, for the record
    return {
      reached: c.reached,
      steps: c.steps,
      loss: c.history.loss,
      again,
      all,
      last: c.history.exactMatch.at(-1),
      lastTokens: c.history.tokenAccuracy.at(-1),
      snapshots: c.snapshots.map((s) => s.step),
      info: c.run.info,
    };
  });
  console.log(
    `# in-tab training reached ${(100 * out.reached.exactMatch).toFixed(1)}% held-out exact match at step ${out.reached.step} ` +
      `after ${out.reached.seconds.toFixed(1)} s of training (${out.info.train_pairs} training pairs, ${out.info.val_pairs} held out, ` +
      `${out.info.num_parameters} parameters, batch ${out.info.batch_size}); paused at step ${out.steps}: ` +
      `${(100 * out.again.exactMatch).toFixed(1)}% on the first ${out.again.pairs} held-out pairs, ` +
      `${(100 * out.all.exactMatch).toFixed(1)}% on all ${out.all.pairs}`,
  );
  // the loss falls
  const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
  assert.ok(out.loss.length >= out.reached.step);
  assert.ok(
    mean(out.loss.slice(-10)) < 0.3 * mean(out.loss.slice(0, 10)),
    `${mean(out.loss.slice(0, 10))} → ${mean(out.loss.slice(-10))}`,
  );
  // the readouts are the engine's score of this model
  assert.equal(out.again.steps, out.steps);
  assert.equal(out.last, out.again.exactMatch);
  assert.equal(await stat(page, 'exact'), `${(100 * out.again.exactMatch).toFixed(1)}%`);
  assert.equal(await stat(page, 'tokens'), `${(100 * out.again.tokenAccuracy).toFixed(1)}%`);
  assert.equal(await stat(page, 'step'), String(out.steps));
  assert.ok(out.again.exactMatch >= 0.9 || out.steps > out.reached.step);
  // snapshots every 10 steps at first, then further apart
  assert.equal(out.snapshots[0], 0);
  assert.ok(out.snapshots[1] >= 10 && out.snapshots[1] < 60, `second snapshot at ${out.snapshots[1]}`);
  const gaps = out.snapshots.slice(1, -1).map((s, i) => s - out.snapshots[i]); // the last one: at the pause
  assert.ok(gaps.at(-1) > 2 * gaps[0], `gaps ${gaps}`);

  // the slider: the newest snapshot first; dragged to the start, the untrained model's map, which is the
  // engine's cross-attention (rows sum to 1) and differs from the trained one
  const map = (p) =>
    p.$eval('tf-translate-train', (e) => {
      const m = e.map;
      const shown = m.matrix;
      const snap = m.snapshots[m.index];
      const [H, T, S] = snap.cross[m.layer].shape;
      const engine = Array.from(snap.cross[m.layer].data.slice(m.head * T * S, (m.head + 1) * T * S));
      return {
        index: m.index,
        count: m.snapshots.length,
        step: snap.step,
        values: Array.from(shown.values),
        engine,
        rows: shown.rows,
        cols: shown.cols,
        T,
        S,
        H,
        output: m.shadowRoot.querySelector('output').textContent,
        rowLabels: shown.rowLabels,
        colLabels: shown.colLabels,
      };
    });
  const newest = await map(page);
  await page
    .locator('tf-translate-train')
    .first()
    .screenshot({ path: join(SCREENSHOTS, 'translate-train-ko-1280-trained.png') });
  assert.equal(newest.index, newest.count - 1);
  assert.deepEqual(newest.values, newest.engine);
  assert.equal(newest.rows, newest.T);
  assert.equal(newest.cols, newest.S);
  await page.$eval('tf-translate-train', (e) => {
    const range = e.map.shadowRoot.querySelector('input[type=range]');
    range.value = '0';
    range.dispatchEvent(new Event('input'));
  });
  const first = await map(page);
  assert.equal(first.index, 0);
  assert.equal(first.step, 0);
  assert.match(first.output, /^0단계/);
  assert.deepEqual(first.values, first.engine);
  assert.notDeepEqual(first.values, newest.values);
  for (let r = 0; r < first.rows; r++) {
    const sum = first.values.slice(r * first.cols, (r + 1) * first.cols).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-5, `row ${r} sums to ${sum}`);
  }
  assert.equal(first.colLabels[0], '<bos>');
  assert.equal(first.rowLabels.at(-1), '<eos>');
  // another head of the same snapshot
  if (first.H > 1) {
    await page.$eval('tf-translate-train', (e) => {
      const sel = e.map.shadowRoot.querySelector('select[data-pick="head"]');
      sel.value = '1';
      sel.dispatchEvent(new Event('change'));
    });
    const head1 = await map(page);
    assert.deepEqual(head1.values, head1.engine);
    assert.notDeepEqual(head1.values, first.values);
  }
  await page
    .locator('tf-translate-train')
    .first()
    .screenshot({ path: join(SCREENSHOTS, 'translate-train-ko-1280.png') });

  // the sample translations are the engine's, at the latest snapshot
  const samples = await page.evaluate(async () => {
    const c = globalThis.tinyformerTranslate.training;
    const { sentences } = await c.run.translate(0, c.fixed);
    return { shown: c.samples.items.map((i) => i.text), engine: sentences.map((s) => s.text) };
  });
  assert.deepEqual(samples.shown, samples.engine);
  assert.ok(samples.shown.length >= 3);

  // "watch this model above": the bytes reach the page, which loads them
  const handed = page.evaluate(
    () =>
      new Promise((resolve) => {
        document.querySelector('tf-translate-train').addEventListener(
          'translator-ready',
          (e) =>
            resolve({
              bytes: e.detail.bytes.length,
              isBytes: e.detail.bytes instanceof Uint8Array,
              step: e.detail.step,
            }),
          { once: true },
        );
      }),
  );
  await page.click('tf-translate-train >> [data-action="publish"]');
  const detail = await handed;
  assert.ok(detail.isBytes && detail.bytes > 1000);
  assert.equal(detail.step, out.steps);
  // the page now translates with the trained model (same sizes as the panel's)
  await page.waitForFunction(() => globalThis.tinyformerTranslate.meta?.nameKey === 'translate.model.tab');
  const loaded = await page.evaluate(() => globalThis.tinyformerTranslate.translator.info.num_parameters);
  assert.equal(loaded, out.info.num_parameters);
  assert.deepEqual(errors, []);
  await context.close();
});

test('English UI; a lost worker and a blown-up run get clear messages, and “start over” begins again', async () => {
  const { page, errors, context } = await openPanel({ locale: 'en-US' });
  const text = await panelText(page);
  assert.match(text, /Start training/);
  assert.match(text, /Cross-attention finding its place/);
  // no Korean in the panel's own strings: the only Hangul is in the Korean sentences it shows
  const ui = await page.$eval('tf-translate-train', (e) => {
    const root = e.shadowRoot;
    return [...root.querySelectorAll('button, .state, .stat span, h3, .explain')].map((n) => n.textContent).join(' ');
  });
  assert.doesNotMatch(ui, /[\uac00-\ud7a3]/);
  await page.click('tf-translate-train >> [data-action="step"]');
  await page.waitForFunction(() => globalThis.tinyformerTranslate.training.snapshots.at(-1)?.step === 1);
  assert.equal(await stat(page, 'step'), '1');
  await page
    .locator('tf-translate-train')
    .first()
    .screenshot({ path: join(SCREENSHOTS, 'translate-train-en-1280.png') });

  // the Worker protocol: a sentence the model cannot read gets its own error, the others are translated;
  // the model alone round-trips through the page's engine
  const proto = await page.evaluate(async () => {
    const c = globalThis.tinyformerTranslate.training;
    const { steps, sentences } = await c.run.translate(0, [
      { source: '' },
      { source: '나는 밥을 먹었다', reference: 'I ate rice' },
      { source: '나는 '.repeat(80) },
    ]);
    const { bytes, steps: saved } = await c.run.saveModel(0);
    const translator = globalThis.tinyformerTranslate.tinyformer.loadTranslator(bytes);
    const again = translator.translate('나는 밥을 먹었다');
    const cross = again.inspection.tensor('dec.h0.xattn.probs');
    translator.dispose();
    const s = sentences[1];
    return {
      steps,
      saved,
      errors: [sentences[0].error?.code, sentences[2].error?.code],
      text: s.text,
      again: again.text,
      shape: s.cross[0].shape,
      againShape: cross.shape,
      same: Array.from(s.cross[0].data).every((v, i) => v === cross.data[i]),
      labels: [s.sourceLabels.length, s.targetLabels.length, s.forced.targetLabels.at(-1)],
      exact: s.forced.exact,
    };
  });
  assert.deepEqual(proto.errors, ['empty_text', 'too_long']);
  assert.equal(proto.saved, proto.steps);
  assert.equal(proto.again, proto.text); // the saved model is the snapshot's model
  assert.deepEqual(proto.shape, proto.againShape); // [H, steps, source positions]
  assert.ok(proto.same);
  assert.deepEqual(proto.labels.slice(0, 2), [proto.shape[2], proto.shape[1]]);
  assert.equal(proto.labels[2], '<eos>');
  assert.equal(proto.exact, proto.text === 'I ate rice');
  // a GPT run has no translations
  const gpt = await page.evaluate(async () => {
    const { TrainingRun } = await import('./lib/training.js');
    const run = await TrainingRun.create(
      { model: { n_layer: 1, n_head: 2, n_embd: 16, block_size: 16 } },
      '나는 밥을 먹었다. '.repeat(20),
    );
    const out = {};
    try {
      await run.translate(0, [{ source: '나는' }]);
    } catch (err) {
      out.translate = err.code;
    }
    try {
      await run.scoreTranslations(0);
    } catch (err) {
      out.score = err.code;
    }
    const { bytes } = await run.saveModel(0);
    out.loads = globalThis.tinyformerTranslate.tinyformer.loadModel(bytes).info.num_parameters > 0;
    run.terminate();
    return out;
  });
  assert.deepEqual(gpt, { translate: 'wrong_arch', score: 'wrong_arch', loads: true });

  // the worker dies: the message says so in English and the panel offers "start over"
  await page.evaluate(() =>
    globalThis.tinyformerTranslate.training.run._fail({ code: 'worker_died', message: 'out of memory' }),
  );
  const alert = await page.$eval('tf-translate-train', (e) => e.shadowRoot.querySelector('[role=alert]').textContent);
  assert.match(alert, /training worker stopped \(out of memory\)/);
  assert.equal(await page.$eval('tf-translate-train', (e) => e.dataset.state), 'error');
  await page.click('#lang-toggle'); // the message follows the language
  assert.match(
    await page.$eval('tf-translate-train', (e) => e.shadowRoot.querySelector('[role=alert]').textContent),
    /학습 워커가 멈췄어요/,
  );
  await page.click('#lang-toggle');
  await page.click('tf-translate-train >> [data-action="reset"]');
  await page.waitForSelector('tf-translate-train[data-state="ready"]', { state: 'attached', timeout: 60000 });
  assert.equal(await page.$eval('tf-translate-train', (e) => e.shadowRoot.querySelector('[role=alert]')), null);

  // a second panel whose learning rate is far too large: "the loss became NaN at step N"
  const diverged = await page.evaluate(async () => {
    const { TranslationTraining, DEFAULT_SPEC } = await import('./components/translate/train-controller.js');
    const panel = document.createElement('tf-translate-train');
    document.querySelector('main').append(panel);
    const spec = { ...DEFAULT_SPEC, racers: [{ name: 'SGD', optimizer: { kind: 'sgd', lr: 1e9 } }] };
    const c = new TranslationTraining(panel, { spec });
    await c.ready;
    c.start();
    await new Promise((resolve) => {
      const check = () => (c.state === 'diverged' ? resolve() : setTimeout(check, 50));
      check();
    });
    const out = {
      alert: panel.shadowRoot.querySelector('[role=alert]').textContent,
      state: panel.dataset.state,
      run: panel.shadowRoot.querySelector('[data-action=run]').disabled,
    };
    c.dispose();
    panel.remove();
    return out;
  });
  assert.match(diverged.alert, /^At step \d+ the loss became NaN/);
  assert.equal(diverged.state, 'diverged');
  assert.equal(diverged.run, true);

  // a pairs file that cannot be fetched, and one the engine refuses: a clear message each
  const refused = await page.evaluate(async () => {
    const { TranslationTraining } = await import('./components/translate/train-controller.js');
    const out = [];
    for (const corpusUrl of [
      'data/no-such-file.tsv',
      'data:text/plain;charset=utf-8,%EB%82%98%EB%8A%94%20no%20tab%0A',
    ]) {
      const panel = document.createElement('tf-translate-train');
      document.querySelector('main').append(panel);
      const c = new TranslationTraining(panel, { corpusUrl });
      await c.ready;
      out.push({
        alert: panel.shadowRoot.querySelector('[role=alert]').textContent,
        state: panel.dataset.state,
        reset: panel.shadowRoot.querySelector('[data-action=reset]').disabled,
      });
      c.dispose();
      panel.remove();
    }
    return out;
  });
  assert.match(refused[0].alert, /^Could not load the sentence pairs: .*no-such-file\.tsv: HTTP 404/);
  assert.equal(refused[1].alert, 'Training could not be set up: Line 1 has no tab between the Korean and the English.');
  assert.deepEqual(
    refused.map((r) => [r.state, r.reset]),
    [
      ['error', false],
      ['error', false],
    ],
  );

  // the language toggle redraws the panel in Korean, keeping its numbers
  await page.click('#lang-toggle');
  const ko = await panelText(page);
  assert.match(ko, /학습 시작|이어서 학습/);
  assert.match(ko, /크로스 어텐션이 자리를 잡아 가는 모습/);
  assert.doesNotMatch(ko, /Start training|Cross-attention finding/);
  // the browser logs the missing file itself; nothing else went wrong
  assert.deepEqual(
    errors.filter((e) => !/status of 404/.test(e)),
    [],
  );
  await context.close();
});

test('phone width, both languages: the panel fits 390 px', async () => {
  for (const locale of ['ko-KR', 'en-US']) {
    const { page, errors, context } = await openPanel({ locale, width: 390 });
    await page.click('tf-translate-train >> [data-action="step"]');
    await page.waitForFunction(() => globalThis.tinyformerTranslate.training.snapshots.at(-1)?.step === 1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await page.$eval('tf-translate-train', (e) => e.scrollIntoView());
    await page
      .locator('tf-translate-train')
      .first()
      .screenshot({ path: join(SCREENSHOTS, `translate-train-${locale.slice(0, 2)}-390.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
