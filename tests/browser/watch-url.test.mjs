// The watch page keeps where the learner is in its URL (sentence, model, stage, layer, head), so a link a teacher
// shares reopens the same view.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startBrowser, typeSentence } from './browser.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);

test('stage, layer and head in the URL: a link opens them, and choosing another writes it', async () => {
  const { page, errors, context } = await openPage(
    env.browser,
    `${env.baseUrl}index.html?lang=ko&stage=attention&layer=2&head=3`,
  );
  await page.waitForFunction(
    () => document.querySelector('[data-stage=attention]')?.getAttribute('aria-current') === 'true',
  );
  assert.equal(await page.locator('#layer').inputValue(), '1');
  await page.waitForSelector('tf-stage-attention .att-head[data-head="2"][aria-pressed="true"]');
  // another head, another layer, then another stage: each is written
  await page.click('tf-stage-attention .att-head[data-head="3"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('head') === '4');
  await page.selectOption('#layer', '0');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('layer'));
  await page.click('[data-stage=ffn]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('stage') === 'ffn');
  assert.equal(params(page).head, undefined, 'the head belongs to the attention stage only');
  await page.selectOption('#layer', '1');
  await typeSentence(page, '고양이가 밥을 먹었다');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('text') === '고양이가 밥을 먹었다');
  assert.deepEqual(
    { ...params(page), lang: undefined },
    { lang: undefined, stage: 'ffn', layer: '2', text: '고양이가 밥을 먹었다' },
  );
  // the link reopens the same view
  const { page: again, context: c2 } = await openPage(env.browser, page.url());
  await again.waitForFunction(
    () => document.querySelector('[data-stage=ffn]')?.getAttribute('aria-current') === 'true',
  );
  assert.equal(await again.locator('#layer').inputValue(), '1');
  assert.equal(await again.locator('#sentence').inputValue(), '고양이가 밥을 먹었다');
  // nonsense in the URL is ignored
  const {
    page: odd,
    errors: oddErrors,
    context: c3,
  } = await openPage(env.browser, `${env.baseUrl}index.html?stage=__proto__&layer=-3&head=x`);
  await odd.waitForFunction(
    () => document.querySelector('[data-stage=inputs]')?.getAttribute('aria-current') === 'true',
  );
  assert.deepEqual([...errors, ...oddErrors], []);
  await Promise.all([context.close(), c2.close(), c3.close()]);
});
