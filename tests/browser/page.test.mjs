// The playground page in headless Chromium: the engine on the main thread and in a Worker, a
// Korean and an English sentence through every stage, bad input, both languages, phone width.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, openPage, startBrowser } from './browser.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const STAGES = ['inputs', 'embedding', 'positional', 'attention', 'addnorm1', 'ffn', 'addnorm2', 'linear', 'softmax'];

async function typeSentence(page, text) {
  await page.fill('#sentence', text);
  await page.waitForFunction(() => document.body.dataset.inspection);
}

test('SIMD128 runs on the main thread and in a Web Worker, with no console errors', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await page.waitForSelector('body[data-worker]', { timeout: 30000 });
  assert.equal(await page.getAttribute('body', 'data-worker'), 'ok');
  assert.equal(await page.evaluate(() => globalThis.tinyformerApp.tinyformer.simdArch), 'wasm');
  assert.match(await page.textContent('#engine-status'), /SIMD128/);
  assert.match(await page.textContent('#model-badge'), /학습/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Korean sentence: tokens with ids from the engine, and every stage opens', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await typeSentence(page, '고양이는 귀엽다');
  const chips = await page.$eval('#tokens', (el) => el.tokens.map((t) => [t.text, t.id]));
  const engine = await page.evaluate(() =>
    globalThis.tinyformerApp.model.tokenize('고양이는 귀엽다').map((t) => [t.text, t.id]),
  );
  assert.deepEqual(chips, engine);
  assert.equal(chips.length, 8);
  assert.match(await page.textContent('#token-count'), /8/);
  // the tokenizer comparison shows char / word / jamo counts
  await page.click('details.compare summary');
  const counts = await page.$$eval('#tokenizer-compare tf-tokens', (els) => els.map((e) => e.tokens.length));
  assert.deepEqual(counts, [8, 2, 18]); // jamo: 고(2) 양(3) 이(2) 는(3) ␣ 귀(2) 엽(3) 다(2)
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
  await typeSentence(page, 'the cat is cute');
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
  const shown = await page.$eval('.sagwa-stats', (el) => ({
    within: Number(el.dataset.within),
    across: Number(el.dataset.across),
  }));
  assert.ok(shown.within > shown.across, `within ${shown.within} vs across ${shown.across}`);
  // the heatmap shows the engine's cosines for the last layer
  const same = await page.evaluate(async () => {
    const app = globalThis.tinyformerApp;
    const a = app.model.analyzeWord(
      app.lesson.sentences.map((s) => s.text),
      '사과',
    );
    const shownValues = document.querySelector('tf-sagwa-lesson tf-heatmap').matrix.values;
    return Array.from(a.cosine[a.layers - 1].data).every((v, i) => v === shownValues[i]);
  });
  assert.ok(same);
  await page.screenshot({ path: join(SCREENSHOTS, 'sagwa-ko.png'), fullPage: true });
  // a corrupt file: a clear message, and the current model stays
  await page.setInputFiles('#model-file', {
    name: 'broken.safetensors',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('not a model at all'),
  });
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

/** Clicks every word tile and example of the page one by one; returns those that gave unknown tokens. */
async function startersWithUnknowns(page) {
  const bad = [];
  for (const group of ['#tiles', '#examples']) {
    const n = await page.$$eval(`${group} button`, (b) => b.length);
    assert.ok(n > 3, `${group}: only ${n} buttons`);
    for (let i = 0; i < n; i++) {
      await page.fill('#sentence', '');
      await page.click(`${group} button >> nth=${i}`);
      await page.waitForFunction(() => document.body.dataset.inspection === 'ok');
      const unknown = await page.$eval('#tokens', (el) => el.tokens.filter((t) => t.unknown).length);
      if (unknown) bad.push(`${await page.inputValue('#sentence')} (${unknown})`);
    }
  }
  return bad;
}

test('the English page opens on the English model and sentence; tiles and examples never give an unknown token', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl, { locale: 'en-US' });
  await page.waitForFunction(() => document.body.dataset.inspection === 'ok');
  assert.equal(await page.getAttribute('body', 'data-model'), 'en');
  assert.equal(await page.inputValue('#model-select'), 'en');
  assert.equal(await page.inputValue('#sentence'), 'I ate rice');
  assert.ok(await page.isHidden('#message'));
  assert.deepEqual(await startersWithUnknowns(page), []);
  await page.screenshot({ path: join(SCREENSHOTS, 'page-en-model.png') });
  // switching the language follows with the model until the learner picks one
  await page.fill('#sentence', 'I ate rice');
  await page.click('#lang-toggle');
  await page.waitForSelector('body[data-model="ko"]');
  assert.equal(await page.inputValue('#sentence'), '나는 밥을 먹었다');
  assert.deepEqual(await startersWithUnknowns(page), []);
  // a model the learner picks stays when the language changes, and goes into the URL
  await page.selectOption('#model-select', 'en');
  await page.waitForSelector('body[data-model="en"]');
  assert.equal(await page.inputValue('#sentence'), 'I ate rice');
  await page.waitForURL(/model=en/);
  await page.click('#lang-toggle');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('body', 'data-model'), 'en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a model and a sentence named in the URL win over the language’s defaults', async () => {
  const { page, errors, context } = await openPage(
    env.browser,
    `${env.baseUrl}?model=ko&text=${encodeURIComponent('고양이는 귀엽다')}`,
    { locale: 'en-US' },
  );
  await page.waitForFunction(() => document.body.dataset.inspection === 'ok');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('body', 'data-model'), 'ko');
  assert.equal(await page.inputValue('#sentence'), '고양이는 귀엽다');
  assert.ok(await page.isHidden('#message'));
  // the tiles are the Korean model's: none gives an unknown token
  assert.deepEqual(await startersWithUnknowns(page), []);
  await page.click('#lang-toggle'); // an explicit choice is kept across the language switch
  assert.equal(await page.getAttribute('body', 'data-model'), 'ko');
  assert.deepEqual(errors, []);
  await context.close();
  // a model the page does not have is ignored: the language's own opens
  for (const model of ['__proto__', 'file', 'toString']) {
    const opened = await openPage(env.browser, `${env.baseUrl}?model=${model}`, { locale: 'en-US' });
    await opened.page.waitForFunction(() => document.body.dataset.inspection === 'ok');
    assert.equal(await opened.page.getAttribute('body', 'data-model'), 'en', model);
    assert.deepEqual(opened.errors, []);
    await opened.context.close();
  }
});

test('the model card names its settings in the learner’s language', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  const ko = await page.textContent('#model-shape');
  assert.match(ko, /위치: 학습된 위치 벡터 \(GPT\) · 정규화: 앞 \(pre-LN\) · 활성화: GELU/);
  assert.doesNotMatch(ko, /learned|\bpre\b(?!-LN)|gelu/);
  await page.click('#lang-toggle');
  await page.waitForSelector('body[data-model="en"]');
  assert.match(
    await page.textContent('#model-shape'),
    /positions: learned vectors \(GPT\) · norm: before \(pre-LN\) · activation: GELU/,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: skip links, and examples, tiles and tokens are one Tab stop each (arrow keys inside)', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await page.waitForFunction(() => document.body.dataset.inspection === 'ok');
  // the first Tab reaches the skip links; the second one jumps to the stages
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#sentence');
  assert.ok(await page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#pipeline');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.stage), 'inputs');
  // Tab stops from the sentence box to the first stage (33 before the groups)
  await page.focus('#sentence');
  let stops = 0;
  while (stops < 60) {
    await page.keyboard.press('Tab');
    stops++;
    if (await page.evaluate(() => document.activeElement.classList.contains('stage-button'))) break;
  }
  assert.ok(stops <= 7, `${stops} Tab stops from the sentence to the stages`);
  // inside the tiles: arrows move, Enter types the tile
  await page.fill('#sentence', '');
  await page.focus('#tiles button >> nth=0');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const third = await page.textContent('#tiles button >> nth=2');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), third);
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#sentence'), third);
  await page.keyboard.press('End');
  await page.keyboard.press(' ');
  const last = await page.textContent('#tiles button >> nth=-1');
  assert.equal(await page.inputValue('#sentence'), third + (last === '␣' ? ' ' : last));
  // the token chips: one stop, arrows move
  await page.fill('#sentence', '나는 밥을 먹었다');
  await page.waitForFunction(() => document.body.dataset.inspection === 'ok');
  const tabbable = await page.$eval(
    '#tokens',
    (el) => [...el.shadowRoot.querySelectorAll('li')].filter((li) => li.tabIndex === 0).length,
  );
  assert.equal(tabbable, 1);
  assert.deepEqual(errors, []);
  await context.close();
});
