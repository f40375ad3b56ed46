// A course page of ten widgets on another origin, in headless Chromium: how long until the first widget shows the
// engine's numbers and until all ten do, what the page transferred (and what that is gzipped, as a static host
// would serve it), and how many engines (wasm instances) it started. Prints one JSON object (the C++ bench's
// shape); tests/bench/bench.mjs runs it as the 'widgets page' job.
//   node tests/bench/widgets-page.mjs [--reps N]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { SITE } from '../node/helpers.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../browser/browser.mjs';

//   node tests/bench/widgets-page.mjs --files   also lists every file the page loaded with its gzipped size
const reps = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 3;
const showFiles = process.argv.includes('--files');

const WIDGETS = [
  '<tinyformer-tokens sentence="고양이는 귀엽다"></tinyformer-tokens>',
  '<tinyformer-positional></tinyformer-positional>',
  '<tinyformer-attention sentence="고양이는 귀엽다" layer="2" head="mean"></tinyformer-attention>',
  '<tinyformer-attention sentence="나는 밥을 먹었다" layer="1" head="2"></tinyformer-attention>',
  '<tinyformer-activation></tinyformer-activation>',
  '<tinyformer-next-token sentence="고양이는 귀엽"></tinyformer-next-token>',
  '<tinyformer-next-token model="en-char" sentence="the cat is cu" lang="en"></tinyformer-next-token>',
  '<tinyformer-translate></tinyformer-translate>',
  '<tinyformer-fill-blank></tinyformer-fill-blank>',
  '<tinyformer-race steps="20"></tinyformer-race>',
];

const site = await serve(SITE, 0);
const dir = mkdtempSync(join(tmpdir(), 'tinyformer-widgets-bench-'));
const course = await serve(dir, 0);
const base = `http://127.0.0.1:${site.address().port}/`;
// every widget on the first screen, as a lesson that opens on them would have it (each starts when seen)
writeFileSync(
  join(dir, 'lesson.html'),
  `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>lesson</title>
<link rel="icon" href="data:,"><script type="module" src="${base}embed.js"></script>
<style>body{display:grid;grid-template-columns:repeat(5,1fr);gap:4px;margin:0} *{font-size:8px}</style></head>
<body>${WIDGETS.join('\n')}</body></html>`,
);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});

const first = [],
  all = [],
  bytes = [],
  gzip = [],
  instances = [];
let count = 0;
const sizes = new Map(); // url → [bytes, gzip bytes] of the file as served
const gzipped = (url) => {
  if (!sizes.has(url)) {
    const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
    const body = readFileSync(join(SITE, path));
    sizes.set(url, [body.length, gzipSync(body, { level: 9 }).length]);
  }
  return sizes.get(url);
};
for (let r = 0; r < reps; r++) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 2400 } }); // a fresh cache each time
  const page = await context.newPage();
  const requested = new Set();
  page.on('request', (req) => {
    if (req.url().startsWith(base)) requested.add(req.url());
  });
  await page.goto(`http://localhost:${course.address().port}/lesson.html`);
  const out = await page.evaluate(async (n) => {
    const t0 = performance.timeOrigin;
    const seen = [];
    await new Promise((resolve) => {
      const check = () => {
        const states = [...document.querySelectorAll('body > *')].filter((e) => e.tagName.startsWith('TINYFORMER-'));
        for (const w of states)
          if (w.dataset.state && !seen.some((s) => s.w === w)) seen.push({ w, at: performance.now() });
        if (seen.length >= n) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    const errors = seen.filter((s) => s.w.dataset.state !== 'ready').map((s) => s.w.tagName);
    const { engineInstances } = await import(document.querySelector('script[type=module]').src);
    return {
      first: Math.min(...seen.map((s) => s.at)),
      all: Math.max(...seen.map((s) => s.at)),
      errors,
      instances: engineInstances(),
      origin: t0,
    };
  }, WIDGETS.length);
  if (out.errors.length) throw new Error(`widgets in error: ${out.errors}`);
  count = requested.size;
  let b = 0,
    g = 0;
  for (const url of requested) {
    const [x, y] = gzipped(url);
    b += x;
    g += y;
  }
  if (showFiles && first.length === 0) {
    // what the transfer is made of, largest first (to stderr)
    const rows = [...requested].map((url) => [gzipped(url)[1], url.slice(base.length)]).sort((x, y) => y[0] - x[0]);
    for (const [size, path] of rows) console.error(`${(size / 1024).toFixed(1).padStart(8)} KB gz  ${path}`);
  }
  first.push(out.first);
  all.push(out.all);
  bytes.push(b / 1e6);
  gzip.push(g / 1e6);
  instances.push(out.instances);
  await context.close();
}
await browser.close();
await new Promise((ok) => site.close(ok));
await new Promise((ok) => course.close(ok));
rmSync(dir, { recursive: true, force: true });

const metric = (id, what, unit, samples) => ({ id, what, unit, samples });
console.log(
  JSON.stringify({
    ok: instances.every((n) => n === 1),
    mode: 'widgets-page',
    files: count,
    metrics: [
      metric('widgets_first_ms', 'ten-widget page: the first widget shows numbers (from navigation)', 'ms', first),
      metric('widgets_all_ms', 'ten-widget page: all ten show numbers', 'ms', all),
      metric('widgets_transfer_mb', `ten-widget page: bytes of the site's ${count} files it loaded`, 'MB', bytes),
      metric('widgets_transfer_gzip_mb', 'ten-widget page: the same files gzipped (level 9)', 'MB', gzip),
      metric('widgets_instances', 'ten-widget page: engines (wasm instances) started', 'count', instances),
    ],
    checks: [{ check: 'ten widgets share one engine', instances, ok: instances.every((n) => n === 1) }],
  }),
);
