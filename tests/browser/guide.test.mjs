// The widget guide (guide.html) as a course author uses it: every widget of widgets.json live with its attributes,
// a snippet builder whose choices change the live widget and the code, and that code pasted into a lesson page
// on another origin showing the same widget. Korean and English, desktop and phone width.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOTS, clippedInMain, startBrowser } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { SITE } from '../node/helpers.mjs';

const spec = JSON.parse(readFileSync(join(SITE, 'widgets.json'), 'utf8'));
let env;
let course;
let courseDir;
before(async () => {
  env = await startBrowser();
  courseDir = mkdtempSync(join(tmpdir(), 'tinyformer-guide-'));
  course = await serve(courseDir, 0);
});
after(async () => {
  await env?.close();
  await new Promise((ok) => course?.close(ok));
  rmSync(courseDir, { recursive: true, force: true });
});

async function openGuide(locale, width) {
  const context = await env.browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${env.baseUrl}guide.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors, context };
}

for (const [locale, lang, width] of [
  ['ko-KR', 'ko', 1280],
  ['en-US', 'en', 390],
]) {
  test(`guide (${lang}, ${width} px): every widget live, its attributes documented in the page's language`, async () => {
    const { page, errors, context } = await openGuide(locale, width);
    for (const w of spec.widgets) {
      const card = page.locator(`section[data-widget="${w.name}"]`);
      await card.locator(w.tag).scrollIntoViewIfNeeded(); // a widget starts when it is seen
      await page.waitForSelector(`section[data-widget="${w.name}"] ${w.tag}[data-state="ready"]`, { timeout: 30000 });
      const rows = await card.locator('tbody tr td:first-child').allTextContents();
      assert.deepEqual(rows, ['lang', ...w.attributes.map((a) => a.name)]);
      const meanings = await card.locator('tbody tr td:last-child').allTextContents();
      for (const m of meanings) assert.ok(m && !m.startsWith('guide.'), `an attribute without a ${lang} meaning: ${m}`);
      assert.equal(await card.locator(w.tag).getAttribute('lang'), lang);
    }
    const text = await page.locator('main').innerText();
    assert.ok(
      !/\b(guide|widget)\.[a-z-]+\.?[a-z]/.test(text.replace(/widgets\.json/g, '')),
      'a string key shows instead of text',
    );
    if (lang === 'ko') assert.match(text, /스크립트 태그/);
    else assert.match(text, /Script tag/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `sideways scroll of ${overflow} px`);
    assert.deepEqual(await clippedInMain(page), [], 'wider than the page, cut off');
    await page.screenshot({ path: join(SCREENSHOTS, `guide-${lang}-${width}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the snippet builder changes the live widget and the code, and the code works on another origin', async () => {
  const { page, errors, context } = await openGuide('en-US', 1280);
  const card = page.locator('section[data-widget="attention"]');
  await card.locator('tinyformer-attention').scrollIntoViewIfNeeded();
  await page.waitForSelector('section[data-widget="attention"] tinyformer-attention[data-state="ready"]');
  await card.locator('input[name="sentence"]').fill('나는 밥을 먹었다');
  await card.locator('input[name="layer"]').fill('1');
  await card.locator('input[name="head"]').fill('2');
  await card.locator('input[name="controls"]').uncheck();
  await page.waitForFunction(() =>
    /Layer 1 · head 2/.test(
      document
        .querySelector('section[data-widget="attention"] tinyformer-attention')
        .shadowRoot.querySelector('figcaption').textContent,
    ),
  );
  const live = await card
    .locator('tinyformer-attention')
    .evaluate((w) => Array.from(w.shadowRoot.querySelector('tf-heatmap').matrix.values));
  const script = await card.locator('.snippet[data-kind="script"] code').textContent();
  const iframe = await card.locator('.snippet[data-kind="iframe"] code').textContent();
  assert.match(script, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/embed\.js"><\/script>/);
  assert.match(
    script,
    /<tinyformer-attention model="ko-char" sentence="나는 밥을 먹었다" layer="1" head="2"><\/tinyformer-attention>/,
  );
  assert.match(iframe, /embed\.html\?widget=attention&amp;model=ko-char&amp;sentence=/);
  assert.deepEqual(errors, []);
  await context.close();

  // the author pastes both snippets into a lesson on another origin
  writeFileSync(
    join(courseDir, 'lesson.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>lesson</title>
<link rel="icon" href="data:,"></head><body><h1>Lesson</h1>${script}\n${iframe.replace('loading="lazy"', '')}</body></html>`,
  );
  const lesson = await env.browser.newContext({ viewport: { width: 1000, height: 1400 } });
  const p = await lesson.newPage();
  const lessonErrors = [];
  p.on('console', (msg) => {
    if (msg.type() === 'error') lessonErrors.push(msg.text());
  });
  await p.goto(`http://localhost:${course.address().port}/lesson.html`);
  await p.waitForSelector('tinyformer-attention[data-state="ready"]', { timeout: 30000 });
  const pasted = await p
    .locator('tinyformer-attention')
    .evaluate((w) => Array.from(w.shadowRoot.querySelector('tf-heatmap').matrix.values));
  assert.deepEqual(pasted, live);
  const frame = p.frameLocator('iframe');
  await frame.locator('tinyformer-attention[data-state="ready"]').waitFor({ timeout: 30000 });
  const framed = await frame
    .locator('tinyformer-attention')
    .evaluate((w) => Array.from(w.shadowRoot.querySelector('tf-heatmap').matrix.values));
  assert.deepEqual(framed, live);
  await p.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 200);
  assert.deepEqual(lessonErrors, []);
  await lesson.close();
});
