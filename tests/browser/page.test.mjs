// The real page in headless Chromium: the engine runs on the main thread and in a Worker, the
// positional-encoding heatmap shows the engine's numbers, bad input gets a clear message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, openPage, startBrowser } from './browser.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

async function peMatrix(page) {
  return page.$eval('#pe-heatmap', (el) => ({ rows: el.matrix.rows, cols: el.matrix.cols, values: Array.from(el.matrix.values), rowLabels: el.matrix.rowLabels }));
}

test('SIMD128 runs on the main thread and in a Web Worker, with no console errors', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await page.waitForSelector('body[data-worker]', { timeout: 30000 });
  assert.equal(await page.getAttribute('body', 'data-worker'), 'ok');
  assert.equal(await page.evaluate(() => globalThis.tinyformerApp.tf.simdArch), 'wasm');
  assert.match(await page.textContent('#engine-status'), /SIMD128/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Korean sentence shows its tokens and the PE table of its length, matching the formula', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await page.fill('#sentence', '고양이는 귀엽다');
  assert.equal(await page.locator('#tokens li').count(), 8);
  assert.equal(await page.textContent('#tokens li:first-child .piece'), '고');
  const m = await peMatrix(page);
  assert.equal(m.rows, 8);
  assert.equal(m.cols, 16);
  assert.equal(m.rowLabels[0], '0 고');
  for (let pos = 0; pos < m.rows; pos++) {
    for (let d = 0; d < m.cols; d++) {
      const angle = pos / 10000 ** ((d - (d % 2)) / m.cols);
      assert.ok(Math.abs(m.values[pos * m.cols + d] - (d % 2 ? Math.cos(angle) : Math.sin(angle))) < 1e-6);
    }
  }
  // Hovering a cell shows its value.
  const box = await page.locator('#pe-heatmap canvas').first().boundingBox();
  await page.mouse.move(box.x + box.width - 5, box.y + box.height - 5);
  const readout = await page.locator('#pe-heatmap').evaluate((el) => el.shadowRoot.querySelector('.readout').textContent);
  assert.match(readout, /7 다.*15.*→ [-\d.]+/);
  await page.selectOption('#pe-width', '32');
  assert.equal((await peMatrix(page)).cols, 32);
  await page.screenshot({ path: join(SCREENSHOTS, 'foundation-ko.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('English UI, and empty, very long and invalid input each get a clear message', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl, { locale: 'en-US' });
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.fill('#sentence', '');
  assert.match(await page.textContent('#message'), /Type a sentence/);
  await page.fill('#sentence', 'x'.repeat(500));
  assert.match(await page.textContent('#message'), /too long: 500 characters/);
  assert.ok(await page.isHidden('#pe-card'));
  await page.evaluate(() => {
    const input = document.getElementById('sentence');
    input.value = 'bad \ud800 text';
    input.dispatchEvent(new Event('input'));
  });
  assert.match(await page.textContent('#message'), /broken character \(at byte 4\)/);
  await page.fill('#sentence', 'The cat is cute');
  assert.ok(await page.isHidden('#message'));
  assert.equal((await peMatrix(page)).rows, 15);
  await page.screenshot({ path: join(SCREENSHOTS, 'foundation-en.png'), fullPage: true });
  await page.click('#lang-toggle');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  assert.match(await page.textContent('#tokens-card h2'), /토큰/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page is usable at phone width', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl, { width: 390, height: 844 });
  await page.fill('#sentence', '사과의 의미로 사과를 구매해서 드렸다');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: join(SCREENSHOTS, 'foundation-phone-ko.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
