// The training page (train.html) in headless Chromium: a tiny model trains and its loss falls; an
// optimizer race draws the engine's numbers; save → open gives the same logits; a NaN blow-up is
// reported with a way back; a shared link repeats the first losses; the learner's own text is
// judged by the engine. Prints tokens/s and the page's frame rate while training (figures, not
// thresholds). Serves build/wasm/site: copy web/ into it first (cp -r web/* build/wasm/site/).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOTS, startBrowser } from './browser.mjs';
import { NATIVE_CLI, ROOT } from '../node/helpers.mjs';

const TINY = 'corpus=ko-small&L=1&H=2&C=16&T=16&B=16';
let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

/** Opens train.html#hash; resolves once training is set up (or refused). */
async function openTrain(hash, { locale = 'ko-KR', width = 1200 } = {}) {
  const context = await env.browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('dialog', (d) => d.accept());
  await page.goto(`${env.baseUrl}train.html#${hash}`);
  await page.waitForSelector('body[data-engine="ready"]', { timeout: 30000 });
  await page.waitForSelector('body[data-train="ready"], body[data-train="error"]', { timeout: 30000 });
  return { page, errors, context };
}

/** Records every progress event of the current session (the engine's numbers, per racer). */
function recordProgress(page) {
  return page.evaluate(() => {
    const s = globalThis.tinyformerTrain.session;
    const rec = (globalThis.recorded = { losses: s.racers.map(() => []), steps: s.racers.map(() => []), tps: [] });
    s.run.addEventListener('progress', (e) => {
      const r = e.detail.results;
      for (let i = 0; i < r.racer.length; i++) {
        rec.losses[r.racer[i]].push(r.loss[i]);
        rec.steps[r.racer[i]].push(r.step[i]);
      }
      rec.tps.push(e.detail.tokensPerSecond);
    });
  });
}

async function trainToEnd(page) {
  await page.click('tf-train-dashboard [data-action="run"]');
  await page.waitForSelector('body[data-train="finished"], body[data-train="diverged"]', { timeout: 30000 });
}

const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;

test('a tiny model trains 150 steps in the tab: the loss falls, the chart shows the engine’s losses, the page keeps painting', async () => {
  const { page, errors, context } = await openTrain(`mode=train&${TINY}&steps=150&seed=1&r=adam:0.01`);
  await recordProgress(page);
  await page.evaluate(() => {
    const f = (globalThis.frames = { count: 0, longest: 0, last: performance.now(), on: true });
    const tick = (now) => {
      f.count++;
      f.longest = Math.max(f.longest, now - f.last);
      f.last = now;
      if (f.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    f.t0 = performance.now();
  });
  await trainToEnd(page);
  await page.waitForTimeout(300); // the final held-out loss and sample
  const out = await page.evaluate(() => {
    const f = globalThis.frames;
    f.on = false;
    const seconds = (performance.now() - f.t0) / 1000;
    const s = globalThis.tinyformerTrain.session;
    const series = document.getElementById('dashboard').chartSeries;
    return {
      rec: globalThis.recorded,
      steps: s.steps,
      seconds,
      frames: f.count,
      longest: f.longest,
      series: series.map((x) => ({ label: x.label, xs: x.xs, ys: x.ys })),
      stepText: document.querySelector('[data-stat="step"]').textContent,
      samples: document.querySelectorAll('.tr-sample-text').length,
      vocab: document.querySelectorAll('.tr-vocab .tr-chip').length,
    };
  });
  const losses = out.rec.losses[0];
  const tps = out.rec.tps.filter((x) => x > 0);
  console.log(
    `# train page: 150 steps, ${Math.round(mean(tps))} tokens/s (mean of ${tps.length} progress messages), ` +
      `${(out.frames / out.seconds).toFixed(0)} frames/s while training (longest gap ${out.longest.toFixed(0)} ms)`,
  );
  assert.equal(out.steps, 150);
  assert.equal(out.stepText, '150');
  assert.equal(losses.length, 150);
  assert.ok(
    mean(losses.slice(-10)) < 0.6 * mean(losses.slice(0, 10)),
    `loss ${mean(losses.slice(0, 10))} → ${mean(losses.slice(-10))}`,
  );
  // the chart's train series is exactly what the engine reported
  assert.deepEqual(out.series[0].ys, losses);
  assert.deepEqual(out.series[0].xs, out.rec.steps[0]);
  assert.ok(out.series[1].ys.length >= 2, 'held-out losses were measured');
  assert.ok(out.samples >= 1, 'samples are shown');
  assert.ok(out.vocab > 20, 'the vocabulary the engine built is shown');
  await page.screenshot({ path: join(SCREENSHOTS, 'train-single-1200.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an optimizer race: both curves come from the engine; the lens reads real optimizer state; save → open gives the same logits; a corrupt file is refused', async () => {
  const { page, errors, context } = await openTrain(`mode=race&${TINY}&steps=60&seed=3&r=sgd:0.1,adam:0.003`);
  await recordProgress(page);
  await trainToEnd(page);
  await page.waitForFunction(() => document.getElementById('lens').shown?.step === 60, null, { timeout: 15000 });
  const out = await page.evaluate(() => {
    const s = globalThis.tinyformerTrain.session;
    const series = document.getElementById('dashboard').chartSeries;
    const charts = [...document.querySelectorAll('#lens tf-bar-chart[data-kind="effective-lr"]')].map((c) => c.rows());
    return {
      rec: globalThis.recorded,
      names: s.racers.map((r) => r.kind),
      series: series.map((x) => ({ xs: x.xs, ys: x.ys })),
      charts,
    };
  });
  assert.deepEqual(out.names, ['sgd', 'adam']);
  assert.equal(out.series.length, 4); // train + held-out per racer
  for (const r of [0, 1]) {
    assert.equal(out.rec.losses[r].length, 60);
    assert.deepEqual(out.series[2 * r].ys, out.rec.losses[r]);
  }
  assert.notDeepEqual(out.rec.losses[0].slice(1), out.rec.losses[1].slice(1));
  assert.equal(out.rec.losses[0][0], out.rec.losses[1][0], 'same initial weights, same first batch');
  // SGD's per-weight learning rate is its one lr: every weight with a gradient sits in the ▶ bin
  const sgd = out.charts[0];
  const total = sgd.reduce((a, r) => a + r.value, 0);
  const marked = sgd.find((r) => r.highlight);
  const zero = sgd.at(-1);
  assert.ok(marked, 'the lr bin is marked');
  assert.equal(marked.value + zero.value, total);
  const adam = out.charts[1];
  assert.ok(adam.filter((r) => r.value > 0).length >= 3, 'Adam’s per-weight rates spread over several bins');
  await page.locator('#lens-card').screenshot({ path: join(SCREENSHOTS, 'train-race-lens-1200.png') });
  await page.locator('.live').screenshot({ path: join(SCREENSHOTS, 'train-race-live-1200.png') });

  // save (the page's button path: run.save → Blob link), open the bytes again, compare logits
  const download = page.waitForEvent('download');
  await page.click('tf-model-file [data-action="save"]');
  const file = await download;
  assert.match(file.suggestedFilename(), /^tinyformer-sgd-step60\.safetensors$/);
  const bytes = await page.evaluate(async () => Array.from(await globalThis.tinyformerTrain.session.run.save(1)));
  await page.setInputFiles('tf-model-file input[type=file]', {
    name: 'adam.safetensors',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(bytes),
  });
  await page.waitForSelector('tf-model-file .tr-loaded');
  const same = await page.evaluate(async () => {
    const loaded = globalThis.tinyformerTrain.loaded;
    const live = await globalThis.tinyformerTrain.session.run.inspect(1, '나는 밥을');
    const mine = loaded.inspect('나는 밥을');
    const a = live.logits.data,
      b = mine.logits.data;
    let maxDiff = 0;
    for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
    return {
      n: a.length,
      maxDiff,
      inside: document.getElementById('inside').querySelector('select[name=inside-model]').value,
    };
  });
  assert.ok(same.n > 0);
  assert.equal(same.maxDiff, 0, 'the reopened model gives the same logits');
  assert.equal(same.inside, 'loaded', 'the look-inside panel shows the opened model');
  // every stage of the pipeline opens in the look-inside panel on the opened model, with the engine's numbers
  const stages = await page.$$eval('tf-look-inside .stage-nav button', (bs) => bs.map((b) => b.dataset.stage));
  assert.equal(stages.length, 9);
  for (const stage of stages) {
    await page.click(`tf-look-inside .stage-nav button[data-stage="${stage}"]`);
    const shown = await page.$eval('tf-look-inside .tr-stage-host', (host) => ({
      tag: host.firstElementChild?.localName,
      text: host.textContent.length,
      numbers: host.querySelectorAll('tf-heatmap, tf-bar-chart, tf-line-chart, tf-tensor-view, .tfi-id, table, svg')
        .length,
    }));
    assert.match(shown.tag ?? '', /^tf-stage-/, stage);
    assert.ok(shown.text > 50 && shown.numbers > 0, `${stage}: ${JSON.stringify(shown)}`);
  }
  await page.click('tf-look-inside .stage-nav button[data-stage="attention"]');
  // a corrupt file: the engine's error, in Korean
  const broken = Buffer.from(bytes.slice(0, 200));
  broken.writeUInt32LE(0xfffffff, 0);
  await page.setInputFiles('tf-model-file input[type=file]', {
    name: 'broken.safetensors',
    mimeType: 'application/octet-stream',
    buffer: broken,
  });
  const message = await page.textContent('tf-model-file .tr-load-error');
  assert.match(message, /broken\.safetensors/);
  assert.match(message, /열 수 없어요/);
  // a checkpoint written by the native command-line tool opens too, and the look-inside panel shows it
  if (existsSync(NATIVE_CLI)) {
    const out = join(mkdtempSync(join(tmpdir(), 'tf-train-')), 'cli.safetensors');
    execFileSync(
      NATIVE_CLI,
      [
        'train',
        '--corpus',
        join(ROOT, 'tests', 'data', 'korean_small.txt'),
        '--out',
        out,
        '--steps',
        '3',
        '--n-layer',
        '1',
        '--n-embd',
        '16',
        '--n-head',
        '2',
        '--block-size',
        '16',
        '--batch-size',
        '4',
      ],
      { stdio: 'ignore' },
    );
    await page.setInputFiles('tf-model-file input[type=file]', {
      name: 'cli.safetensors',
      mimeType: 'application/octet-stream',
      buffer: readFileSync(out),
    });
    await page.waitForFunction(() =>
      document.querySelector('tf-model-file .tr-loaded')?.textContent.includes('cli.safetensors'),
    );
    assert.match(await page.textContent('tf-model-file .tr-config'), /층 1 · 헤드 2 · 폭 16 · 문맥 16/);
    await page.waitForSelector('tf-look-inside tf-stage-attention');
  } else console.log(`# ${NATIVE_CLI} is not built: skipped opening a CLI checkpoint`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a learning rate that blows up: caught at step N (before the loss turns NaN), “lower the learning rate”, and a way to start over', async () => {
  const { page, errors, context } = await openTrain(`mode=train&${TINY}&steps=100&r=sgd:1000000`, { locale: 'en-US' });
  await page.click('tf-train-dashboard [data-action="run"]');
  await page.waitForSelector('.tr-diverged', { timeout: 15000 });
  const text = await page.textContent('.tr-diverged');
  const step = await page.evaluate(() => globalThis.tinyformerTrain.session.history[0].diverged.step);
  assert.match(text, /learning rate is too large/);
  assert.match(text, new RegExp(`step ${step}\\b`));
  assert.match(text, /Lower (it|the learning rate)/);
  await page.waitForSelector('body[data-train="diverged"]');
  await page.screenshot({ path: join(SCREENSHOTS, 'train-nan-en-1200.png') });
  await page.click('.tr-diverged button');
  await page.waitForSelector('body[data-train="ready"]');
  assert.equal(await page.locator('.tr-diverged').count(), 0);
  assert.equal(await page.evaluate(() => globalThis.tinyformerTrain.session.steps), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared link repeats the run: the same first losses; another seed gives others', async () => {
  const run = async (page) => {
    await trainToEnd(page);
    return page.evaluate(() => ({
      losses: globalThis.tinyformerTrain.session.history.map((h) => h.loss),
      href: location.href,
    }));
  };
  const first = await openTrain(`mode=race&${TINY}&steps=5&seed=7&r=momentum:0.15,adam:0.003`);
  const a = await run(first.page);
  await first.context.close();
  const shared = a.href.split('#')[1];
  assert.match(shared, /seed=7/);
  // whoever opens the link gets the same run
  const second = await openTrain(shared);
  const b = await run(second.page);
  assert.equal(a.losses[0].length, 5);
  assert.deepEqual(b.losses, a.losses);
  // the same tab, another seed (the hash changes, the page sets up the new run)
  await second.page.evaluate(
    (h) => {
      location.hash = h;
    },
    shared.replace('seed=7', 'seed=8'),
  );
  await second.page.waitForFunction(
    () => globalThis.tinyformerTrain.settings.seed === 8 && document.body.dataset.train === 'ready',
  );
  const c = await run(second.page);
  assert.notDeepEqual(c.losses, a.losses);
  assert.deepEqual(first.errors, []);
  assert.deepEqual(second.errors, []);
  await second.context.close();
});

test('the learner’s own text: empty, too short (with the minimum), broken UTF-8 (with the byte), too large (with the cap); phone width', async () => {
  const { page, errors, context } = await openTrain(`mode=train&${TINY}`, { width: 390 });
  const status = async () => {
    await page.waitForSelector('body[data-train="ready"], body[data-train="error"]');
    await page.waitForSelector('tf-corpus-picker .tr-corpus-error, tf-corpus-picker .tr-vocab');
    return page.evaluate(() => {
      const e = document.querySelector('tf-corpus-picker .tr-corpus-error');
      return e ? { code: e.dataset.code, text: e.textContent } : { ok: true };
    });
  };
  await page.check('tf-corpus-picker input[value="own"]');
  await page.waitForSelector('body[data-train="error"]');
  let s = await status();
  assert.equal(s.code, 'empty_text');
  await page.fill('tf-corpus-picker textarea', '가나다');
  await page.waitForFunction(
    () => document.querySelector('tf-corpus-picker .tr-corpus-error')?.dataset.code === 'corpus_too_short',
  );
  s = await status();
  assert.match(s.text, /3개/);
  assert.match(s.text, /17개/); // context 16 + 1, the engine's minimum
  await page.setInputFiles('tf-corpus-picker input[type=file]', {
    name: 'bad.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from([0x41, 0x42, 0xff, 0x43]),
  });
  await page.waitForFunction(
    () => document.querySelector('tf-corpus-picker .tr-corpus-error')?.dataset.code === 'invalid_utf8',
  );
  s = await status();
  assert.match(s.text, /2번째 바이트/);
  // an 8 MiB + 1 byte file, made in the page (sending it over the devtools protocol takes seconds)
  await page.evaluate(() => {
    const input = document.querySelector('tf-corpus-picker input[type=file]');
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(8 * 1024 * 1024 + 1).fill(0x61)], 'big.txt', { type: 'text/plain' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(
    () => document.querySelector('tf-corpus-picker .tr-corpus-error')?.dataset.code === 'text_too_large',
    null,
    { timeout: 20000 },
  );
  s = await status();
  assert.match(s.text, /8388609바이트/);
  assert.match(s.text, /8388608바이트/);
  // good text again: the engine builds the vocabulary; nothing at phone width scrolls sideways
  await page.fill(
    'tf-corpus-picker textarea',
    '나는 밥을 먹었다. 고양이는 귀엽다. 강아지는 우유를 마셨다. 나는 학교에 갔다.',
  );
  await page.waitForSelector('tf-corpus-picker .tr-vocab');
  await page.waitForSelector('body[data-train="ready"]');
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `page is ${widths[0]} px wide at ${widths[1]} px`);
  await page.screenshot({ path: join(SCREENSHOTS, 'train-own-text-390.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('teacher forcing vs free-running: two racers, and the step-by-step drift view on a corpus sentence', async () => {
  const { page, errors, context } = await openTrain(`mode=tf&${TINY}&steps=40&r=adam:0.01&p=1`, { width: 390 });
  await trainToEnd(page);
  await page.click('tf-drift-view [data-action="compare"]');
  await page.waitForSelector('tf-drift-view .tr-drift-col[data-pos="1"]');
  const out = await page.evaluate(() => {
    const s = globalThis.tinyformerTrain.session;
    return {
      p: s.racers.map((r) => r.samplingProb),
      cols: document.querySelectorAll('tf-drift-view .tr-drift-col:not(.keys)').length,
      teacher: document.querySelectorAll('tf-drift-view .tr-drift-col:not(.keys) .tr-drift-cell.teacher').length,
      summary: document.querySelector('tf-drift-view .tr-drift-summary')?.textContent ?? '',
      widths: [document.documentElement.scrollWidth, window.innerWidth],
    };
  });
  assert.deepEqual(out.p, [0, 1]);
  assert.ok(out.cols >= 4);
  assert.equal(out.teacher, out.cols - 1);
  assert.match(out.summary, /교사 강요/);
  assert.ok(out.widths[0] <= out.widths[1]);
  await page.locator('#drift-card').screenshot({ path: join(SCREENSHOTS, 'train-drift-390.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
