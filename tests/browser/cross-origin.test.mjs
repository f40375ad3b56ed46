// A course author's page on another origin uses the site's files: the JS API module, its .wasm, a demo model.
// The site is served on 127.0.0.1 and the course page on localhost (another origin for the browser), so every
// request is cross-origin and needs the CORS headers scripts/serve.mjs sends.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowser } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';

let env;
let course;
let courseDir;
before(async () => {
  env = await startBrowser();
  courseDir = mkdtempSync(join(tmpdir(), 'tinyformer-course-'));
  writeFileSync(
    join(courseDir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>a course page</title><link rel="icon" href="data:,"><p>lesson</p>',
  );
  course = await serve(courseDir, 0);
});
after(async () => {
  await env?.close();
  await new Promise((ok) => course?.close(ok));
  rmSync(courseDir, { recursive: true, force: true });
});

test('a page on another origin imports the JS API, starts the engine and inspects the shipped model', async () => {
  const site = env.baseUrl; // http://127.0.0.1:PORT/
  const courseUrl = `http://localhost:${course.address().port}/`;
  assert.notEqual(new URL(site).origin, new URL(courseUrl).origin);
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(courseUrl);
  const out = await page.evaluate(async (base) => {
    const { createTinyformer } = await import(`${base}lib/tinyformer.js`);
    const tinyformer = await createTinyformer();
    const bytes = new Uint8Array(await (await fetch(`${base}models/ko-char.safetensors`)).arrayBuffer());
    const model = tinyformer.loadModel(bytes);
    const view = model.inspect('고양이는 귀엽다');
    const row = view.attention(0, 0).data.slice(0, view.tokens.length);
    return { origin: location.origin, tokens: view.tokens.length, rowSum: row.reduce((a, b) => a + b, 0) };
  }, site);
  assert.equal(out.origin, new URL(courseUrl).origin);
  assert.equal(out.tokens, 8);
  assert.ok(Math.abs(out.rowSum - 1) < 1e-5, `attention row sums to ${out.rowSum}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the server answers a cross-origin preflight and marks every file as readable from any origin', async () => {
  const opts = await fetch(`${env.baseUrl}lib/tinyformer.wasm`, {
    method: 'OPTIONS',
    headers: { Origin: 'http://example.test', 'Access-Control-Request-Method': 'GET' },
  });
  assert.equal(opts.status, 204);
  assert.equal(opts.headers.get('access-control-allow-origin'), '*');
  const missing = await fetch(`${env.baseUrl}no-such-file.js`, { headers: { Origin: 'http://example.test' } });
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('access-control-allow-origin'), '*');
  const wasm = await fetch(`${env.baseUrl}lib/tinyformer.wasm`, { method: 'HEAD' });
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('cross-origin-resource-policy'), 'cross-origin');
});
