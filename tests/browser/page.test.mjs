// The playground page in headless Chromium: the engine on the main thread and in a Worker, a
// Korean and an English sentence through every stage, bad input, both languages, phone width.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, openPage, startBrowser } from './browser.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const STAGES = ['inputs', 'embedding', 'positional', 'attention', 'addnorm1', 'ffn', 'addnorm2', 'linear', 'softmax'];

async function typeSentence(page, text) {
  await page.fill('#sentence', text);
  await page.waitForFunction(() => document.body.dataset.inspection);
}

test('SIMD128 runs on the main thread and in a Web Worker, with no console errors', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await page.waitForSelector('body[data-worker]', { timeout: 30000 });
  assert.equal(await page.getAttribute('body', 'data-worker'), 'ok');
  assert.equal(await page.evaluate(() => globalThis.tinyformerApp.tf.simdArch), 'wasm');
  assert.match(await page.textContent('#engine-status'), /SIMD128/);
  assert.match(await page.textContent('#model-badge'), /학습/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Korean sentence: tokens with ids from the engine, and every stage opens', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, '고양이는 귀엽다');
  const chips = await page.$eval('#tokens', (el) => el.tokens.map((t) => [t.text, t.id]));
  const engine = await page.evaluate(() => globalThis.tinyformerApp.model.tokenize('고양이는 귀엽다').map((t) => [t.text, t.id]));
  assert.deepEqual(chips, engine);
  assert.equal(chips.length, 8);
  assert.match(await page.textContent('#token-count'), /8/);
  // the tokenizer comparison shows char / word / jamo counts
  await page.click('details.compare summary');
  const counts = await page.$$eval('#tokenizer-compare tf-tokens', (els) => els.map((e) => e.tokens.length));
  assert.deepEqual(counts, [8, 2, 18]);  // jamo: 고(2) 양(3) 이(2) 는(3) ␣ 귀(2) 엽(3) 다(2)
  for (const stage of STAGES) {
    await page.click(`[data-stage=${stage}]`);
    assert.equal(await page.getAttribute(`[data-stage=${stage}]`, 'aria-current'), 'true');
    assert.ok((await page.textContent('#stage-title')).length > 0);
    assert.ok(await page.$eval('#stage-view', (el) => el.firstElementChild.childElementCount > 0), `${stage} is empty`);
  }
  await page.click('[data-stage=attention]');
  await page.screenshot({ path: join(SCREENSHOTS, 'page-ko.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('English UI; empty, 500-character, invalid, emoji and mixed-script input', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl, { locale: 'en-US' });
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await typeSentence(page, '');
  assert.match(await page.textContent('#message'), /Type a sentence/);
  assert.ok(await page.isHidden('#pipeline'));
  await typeSentence(page, '가'.repeat(500));
  assert.match(await page.textContent('#message'), /too long: 500 tokens\. This model can look at \d+/);
  assert.ok(await page.isHidden('#pipeline'));
  await page.evaluate(() => {
    const input = document.getElementById('sentence');
    input.value = 'bad \ud800 text';
    input.dispatchEvent(new Event('input'));
  });
  assert.match(await page.textContent('#message'), /broken character \(at byte 4\)/);
  await typeSentence(page, '고양이 🐱 cat');
  assert.match(await page.textContent('#message'), /unknown to the model/);
  assert.ok(await page.isVisible('#pipeline'));
  const unknown = await page.$eval('#tokens', (el) => el.tokens.filter((t) => t.unknown).map((t) => t.text));
  assert.ok(unknown.includes('🐱'));
  await typeSentence(page, '나는 밥을 먹었다');
  assert.ok(await page.isHidden('#message'));
  await page.screenshot({ path: join(SCREENSHOTS, 'page-en.png'), fullPage: true });
  await page.click('#lang-toggle');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  assert.match(await page.textContent('#stage-title'), /입력/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('word tiles build a sentence; the page is usable at phone width', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl, { width: 390, height: 844 });
  await page.click('#clear');
  for (const word of ['고양이', '는', '␣', '귀엽다']) await page.click(`#tiles button:text-is("${word}")`);
  assert.equal(await page.inputValue('#sentence'), '고양이는 귀엽다');
  for (const stage of ['embedding', 'attention', 'softmax']) {
    await page.click(`[data-stage=${stage}]`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${stage}: the page scrolls sideways by ${overflow}px`);
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'page-phone-ko.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the demo model loads by default; the 사과 lesson separates the two senses; a bad model file gets a message', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  assert.equal(await page.getAttribute('body', 'data-model'), 'ko');
  assert.match(await page.textContent('#model-badge'), /학습된/);
  await page.waitForSelector('#sagwa-card:not([hidden]) tf-sagwa-lesson .sagwa-stats');
  const shown = await page.$eval('.sagwa-stats', (el) => ({ within: Number(el.dataset.within), across: Number(el.dataset.across) }));
  assert.ok(shown.within > shown.across, `within ${shown.within} vs across ${shown.across}`);
  // the heatmap shows the engine's cosines for the last layer
  const same = await page.evaluate(async () => {
    const app = globalThis.tinyformerApp;
    const a = app.model.analyzeWord(app.lesson.sentences.map((s) => s.text), '사과');
    const shownValues = document.querySelector('tf-sagwa-lesson tf-heatmap').matrix.values;
    return Array.from(a.cosine[a.layers - 1].data).every((v, i) => v === shownValues[i]);
  });
  assert.ok(same);
  await page.screenshot({ path: join(SCREENSHOTS, 'sagwa-ko.png'), fullPage: true });
  // a corrupt file: a clear message, and the current model stays
  await page.setInputFiles('#model-file', { name: 'broken.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from('not a model at all') });
  await page.waitForSelector('#message.error');
  assert.match(await page.textContent('#message'), /broken\.safetensors/);
  assert.equal(await page.getAttribute('body', 'data-model'), 'ko');
  // switching to the English demo model hides the lesson (it cannot spell 사과)
  await page.selectOption('#model-select', 'en');
  await page.waitForSelector('body[data-model="en"]');
  assert.ok(await page.isHidden('#sagwa-card'));
  assert.deepEqual(errors, []);
  await context.close();
});
