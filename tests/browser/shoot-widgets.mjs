// Screenshots of widgets on a course page of another origin, for looking at them (not a test):
//   node tests/browser/shoot-widgets.mjs [tag ...]      every widget of widgets.json by default
// Writes build/screenshots/widget-<name>-<lang>-<width>.png for ko and en at 1280 and 390 px, and prints
// each widget's state and how far the page scrolls sideways.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOTS, startBrowser } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { SITE } from '../node/helpers.mjs';

const all = JSON.parse(readFileSync(join(SITE, 'widgets.json'), 'utf8')).widgets;
const wanted = process.argv.slice(2);
const widgets = wanted.length ? all.filter((w) => wanted.includes(w.tag) || wanted.includes(w.name)) : all;
const env = await startBrowser();
const dir = mkdtempSync(join(tmpdir(), 'tinyformer-shots-'));
const course = await serve(dir, 0);
try {
  for (const w of widgets) {
    for (const lang of ['ko', 'en']) {
      for (const width of [1280, 390]) {
        writeFileSync(
          join(dir, 'page.html'),
          `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<script type="module" src="${env.baseUrl}embed.js"></script></head>
<body style="max-width: 900px; margin: 12px auto; padding: 0 8px">${w.example}</body></html>`,
        );
        const context = await env.browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        const errors = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`http://localhost:${course.address().port}/page.html`);
        await page.waitForSelector(`${w.tag}[data-state]`, { timeout: 30000 });
        await page.waitForTimeout(
          w.tag.includes('train') || w.tag.includes('race') || w.tag.includes('sagwa') ? 3000 : 300,
        );
        const state = await page.locator(w.tag).getAttribute('data-state');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        await page.screenshot({ path: join(SCREENSHOTS, `widget-${w.name}-${lang}-${width}.png`), fullPage: true });
        console.log(w.name, lang, width, state, `overflow ${overflow}`, errors.join(' | '));
        await context.close();
      }
    }
  }
} finally {
  await env.close();
  await new Promise((ok) => course.close(ok));
  rmSync(dir, { recursive: true, force: true });
}
