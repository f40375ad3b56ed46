// Shared set-up for the browser tests: serve the built site on 127.0.0.1 and drive Debian's
// Chromium with playwright-core (never a downloaded browser).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { ROOT, SITE } from '../node/helpers.mjs';

export const SCREENSHOTS = join(ROOT, 'build', 'screenshots');
/** Debian's Chromium (never a downloaded browser) and the flags every test and benchmark starts it with. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Starts the server and the browser; returns { baseUrl, browser, close() }. */
export async function startBrowser() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serve(SITE, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/`,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** A new page that records console errors and uncaught exceptions into `errors`. */
export async function openPage(browser, url, { locale = 'ko-KR', width = 1200, height = 900 } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  await page.waitForSelector('body[data-engine="ready"]', { timeout: 30000 });
  return { page, errors, context };
}

/** Types `text` into the watch page's sentence box; resolves once the engine has inspected it. */
export async function typeSentence(page, text) {
  await page.fill('#sentence', text);
  await page.waitForFunction(
    (t) =>
      document.body.dataset.inspection === 'ok' &&
      globalThis.tinyformerApp.inspection?.tokens.length > 0 &&
      document.getElementById('sentence').value === t,
    text,
  );
}

/** Opens a stage of the watch page's pipeline (data-stage id). */
export async function openStage(page, stage) {
  await page.click(`[data-stage=${stage}]`);
  await page.waitForFunction(
    (s) => document.querySelector(`[data-stage=${s}]`)?.getAttribute('aria-current') === 'true',
    stage,
  );
}

/**
 * What sticks out of the page's column: elements in main whose right edge passes main's, outside any scroll
 * container. The pages' main clips sideways overflow (overflow-x: clip), so scrollWidth never shows it; a phone
 * reader just sees cut-off text. Returns "tag#id.class" of at most five.
 */
export function clippedInMain(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const right = main.getBoundingClientRect().right;
    const scrolls = (e) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX);
    const inScroller = (e) => {
      for (let p = e.parentElement; p && p !== main; p = p.parentElement) if (scrolls(p)) return true;
      return false;
    };
    return [...main.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > right + 1 && !inScroller(e))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${e.className}` : ''}`);
  });
}
