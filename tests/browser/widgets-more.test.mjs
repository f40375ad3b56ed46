// The widgets of the later concepts on a course page of another origin: attention step by step (tinyformer-qkv),
// add & norm, teacher forcing vs free-running, training in the tab and the 사과 lesson. Each shows the engine's
// numbers (compared here with the JS API under Node), follows its own lang attribute rather than the page's,
// works by keyboard where it has controls, and shows a bad attribute as a message inside the widget.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBrowser } from './browser.mjs';
import { startCourse } from './course.mjs';
import { loadApi, SITE } from '../node/helpers.mjs';

let env, course, tinyformer, ko;
before(async () => {
  env = await startBrowser();
  course = await startCourse(env);
  tinyformer = await (await loadApi()).createTinyformer();
  ko = tinyformer.loadModel(readFileSync(join(SITE, 'models', 'ko-char.safetensors')));
});
after(async () => {
  await course?.close();
  await env?.close();
});

const openCourse = (name, body, options) => course.open(name, body, options);
const ready = (page, id) => page.waitForSelector(`#${id}[data-state="ready"]`, { timeout: 30000 });
const inShadow = (page, id, selector, fn) =>
  page.locator(`#${id}`).evaluate(
    (w, [s, f]) => {
      const node = w.shadowRoot.querySelector(s);
      return node ? new Function('node', `return (${f})(node)`)(node) : null;
    },
    [selector, fn.toString()],
  );

test("attention step by step: each step draws the engine's tensor, the step buttons work by keyboard, a bad step is a message", async () => {
  const sentence = '고양이는 귀엽다';
  const { page, errors, context } = await openCourse(
    'qkv.html',
    `<tinyformer-qkv id="q" model="ko-char" sentence="${sentence}" layer="2" head="3" step="scores" controls lang="en"></tinyformer-qkv>`,
  );
  await ready(page, 'q');
  const ins = ko.inspect(sentence);
  const values = (tensor) =>
    inShadow(page, 'q', `tf-heatmap[data-tensor="${tensor}"]`, (h) => Array.from(h.matrix.values));
  assert.deepEqual(await values('h1.attn.scores'), Array.from(ins.head('h1.attn.scores', 2).data));
  // the page is Korean, the widget English: its step view follows the widget
  assert.match(await inShadow(page, 'q', '[data-step] h4', (h) => h.textContent), /^② [A-Za-z]/);
  // keyboard: focus the current step button, → twice goes to the softmax step
  await page.locator('#q').evaluate((w) => w.shadowRoot.querySelector('.qkv-steps [aria-current]').focus());
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('#q').getAttribute('step') === 'scale');
  await page.waitForFunction(() => document.querySelector('#q').shadowRoot.activeElement?.dataset.step === 'scale');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('#q').shadowRoot.querySelector('[data-step="softmax"] h4'));
  assert.deepEqual(await values('h1.attn.probs'), Array.from(ins.head('h1.attn.probs', 2).data));
  // the formula is written with the picked token's numbers: token 3 → row 2 of the probabilities
  await page.evaluate(() => document.querySelector('#q').setAttribute('token', '3'));
  await page.waitForFunction(
    () => document.querySelector('#q').shadowRoot.querySelector('.att-softmax-formula')?.dataset.row === '2',
  );
  await page.evaluate(() => document.querySelector('#q').setAttribute('step', 'attend'));
  await page.waitForSelector('#q[data-state="error"]');
  assert.match(
    await inShadow(page, 'q', '.error span', (n) => n.textContent),
    /step.*attend.*qkv, scores, scale, mask, softmax, weighted, concat, proj/,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test("add & norm: the four rows are the engine's vectors, their means and spreads the engine's, LN's formula its numbers", async () => {
  const sentence = '나는 밥을 먹었다';
  const { page, errors, context } = await openCourse(
    'addnorm.html',
    `<tinyformer-add-norm id="a" sentence="${sentence}" layer="2" after="feed-forward" token="4" dim="7"></tinyformer-add-norm>`,
    { width: 390 },
  );
  await ready(page, 'a');
  const ins = ko.inspect(sentence);
  const C = ko.config.n_embd,
    r = 3;
  const row = (name) => Array.from(ins.tensor(name).data.subarray(r * C, (r + 1) * C));
  // pre-LN, block 2, after the feed-forward layer: x = h1.residual_1, FFN = h1.mlp.out, sum = h1.residual_2, LN = ln_f
  const expected = [...row('h1.residual_1'), ...row('h1.mlp.out'), ...row('h1.residual_2'), ...row('ln_f')];
  assert.deepEqual(await inShadow(page, 'a', 'tf-heatmap', (h) => Array.from(h.matrix.values)), expected);
  const shown = await inShadow(page, 'a', 'table.addnorm-stats', (t) =>
    [...t.querySelectorAll('tr[data-row]')].map((tr) => Number(tr.dataset.mean)),
  );
  assert.deepEqual(
    shown,
    ['h1.residual_1', 'h1.mlp.out', 'h1.residual_2', 'ln_f'].map((n) => tinyformer.layerNormTerms(row(n), 0).mean),
  );
  const formula = await inShadow(page, 'a', '.addnorm-formula', (b) => ({ ...b.dataset }));
  assert.equal(formula.dim, '7');
  assert.equal(Number(formula.out), row('ln_f')[7]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 390 px`);
  await page.evaluate(() => document.querySelector('#a').setAttribute('dim', '64'));
  await page.waitForSelector('#a[data-state="error"]');
  assert.match(
    await inShadow(page, 'a', '.error span', (n) => n.textContent),
    /dim 속성에는 “64” 값을 쓸 수 없어요\. 쓸 수 있는 값: 0부터 63까지의 정수/,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test("teacher forcing vs free-running: the engine's comparison, and the reference edited in the widget", async () => {
  const translator = tinyformer.loadTranslator(readFileSync(join(SITE, 'models', 'ko-en-word.safetensors')));
  const { page, errors, context } = await openCourse(
    'forcing.html',
    '<tinyformer-teacher-forcing id="f" sentence="나는 밥을 먹었다" reference="I ate rice"></tinyformer-teacher-forcing>',
  );
  await ready(page, 'f');
  const verdict = () =>
    page
      .locator('#f')
      .evaluate(
        (w) =>
          w.shadowRoot.querySelector('tf-translate-forcing').shadowRoot.querySelector('.verdict + .hint').textContent,
      );
  const loss = (ref) => translator.compareDecoding('나는 밥을 먹었다', ref).forcedLoss.toFixed(3);
  assert.match(
    await verdict(),
    new RegExp(`손실 ${loss('I ate rice').replace('.', '\\.')}|loss ${loss('I ate rice').replace('.', '\\.')}`),
  );
  // the learner types another reference into the widget's own box
  const box = page.locator('#f').locator('tf-translate-forcing').locator('#ref');
  await box.fill('I ate bread');
  await page.waitForFunction(() => document.querySelector('#f').getAttribute('reference') === 'I ate bread');
  await page.waitForFunction(
    (l) =>
      document
        .querySelector('#f')
        .shadowRoot.querySelector('tf-translate-forcing')
        .shadowRoot.querySelector('.verdict + .hint')
        ?.textContent.includes(l),
    loss('I ate bread'),
  );
  // emptied in the box: the message goes under the box, which stays
  await box.fill('');
  await page.waitForFunction(() =>
    /비어 있어요/.test(
      document.querySelector('#f').shadowRoot.querySelector('tf-translate-forcing').shadowRoot.querySelector('.result')
        .textContent,
    ),
  );
  assert.equal(await box.isVisible(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("training in the tab: the engine's losses step by step, held-out losses and samples; mode tf trains both ways", async () => {
  const { page, errors, context } = await openCourse(
    'train.html',
    `
    <tinyformer-train id="t" corpus="ko-small" steps="30" seed="2" autoplay></tinyformer-train>
    <tinyformer-train id="tf" mode="tf" free="0.5" corpus="ko-small" steps="20" seed="2" autoplay lang="en"></tinyformer-train>`,
  );
  const status = (id) =>
    page.locator(`#${id}`).evaluate((w) => w.shadowRoot.querySelector('[role=status]').textContent);
  await page.waitForFunction(
    () => /30 \/ 30/.test(document.querySelector('#t').shadowRoot.querySelector('[role=status]')?.textContent ?? ''),
    null,
    { timeout: 90000 },
  );
  await page.waitForFunction(
    () => /20 \/ 20/.test(document.querySelector('#tf').shadowRoot.querySelector('[role=status]')?.textContent ?? ''),
    null,
    { timeout: 90000 },
  );
  const series = (id) =>
    page
      .locator(`#${id}`)
      .evaluate((w) =>
        w.shadowRoot
          .querySelector('tf-line-chart')
          .series.map((s) => ({ label: s.label, xs: s.xs, ys: Array.from(s.ys) })),
      );
  const { decodeHash, trainerSpec } = await import('../../web/components/train/settings.js');
  const corpus = readFileSync(join(SITE, 'data', 'ko-small.txt'), 'utf8');
  for (const [id, hash, n] of [
    ['t', '#mode=train&corpus=ko-small&steps=30&seed=2&r=adam:0.003', 30],
    ['tf', '#mode=tf&corpus=ko-small&steps=20&seed=2&r=adam:0.003&p=0.5', 20],
  ]) {
    const trainer = tinyformer.createTrainer(trainerSpec(decodeHash(hash)), corpus);
    const r = trainer.step(n);
    trainer.dispose();
    const shown = await series(id);
    const racers = id === 't' ? 1 : 2;
    for (let k = 0; k < racers; k++) {
      const ys = [];
      for (let i = 0; i < r.racer.length; i++) if (r.racer[i] === k) ys.push(r.loss[i]);
      assert.deepEqual(shown[2 * k].ys, ys, `${id} racer ${k}: the widget's losses are not the engine's`);
    }
    assert.equal(shown.length, 2 * racers);
  }
  assert.match((await series('tf'))[0].label, /teacher forcing/);
  // a held-out loss and a sample arrive after training ends
  await page.waitForFunction(
    () => document.querySelector('#t').shadowRoot.querySelector('tf-line-chart').series[1].xs.length > 0,
    null,
    { timeout: 30000 },
  );
  await page.waitForFunction(
    () => document.querySelector('#t').shadowRoot.querySelectorAll('.train-samples li').length > 0,
    null,
    { timeout: 30000 },
  );
  assert.match(await status('t'), /30 \/ 30/);
  await page.evaluate(() => document.querySelector('#t').setAttribute('lr', '-1'));
  await page.waitForSelector('#t[data-state="error"]');
  assert.deepEqual(errors, []);
  await context.close();
});

test("the 사과 lesson widget: the engine's within- and across-sense means, in the widget's language", async () => {
  const lesson = JSON.parse(readFileSync(join(SITE, 'data', 'sagwa-lesson.json'), 'utf8'));
  const { page, errors, context } = await openCourse(
    'sagwa.html',
    '<tinyformer-sagwa id="s" lang="en"></tinyformer-sagwa>',
    { width: 390 },
  );
  await ready(page, 's');
  const stats = await page.locator('#s').evaluate((w) => ({ ...w.shadowRoot.querySelector('.sagwa-stats').dataset }));
  const check = ko.senseCheck(
    lesson.sentences.map((s) => s.text),
    lesson.word,
    lesson.sentences.flatMap((s) => s.senses),
  );
  const last = check.within.length - 1;
  assert.equal(Number(stats.within), check.within[last]);
  assert.equal(Number(stats.across), check.across[last]);
  assert.match(
    await page.locator('#s').evaluate((w) => w.shadowRoot.querySelector('.sagwa h2').textContent),
    /[A-Za-z]/,
  );
  assert.deepEqual(errors, []);
  await context.close();
});
