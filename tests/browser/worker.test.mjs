// Training in a Web Worker in the real browser: a few hundred steps while the main thread keeps
// painting; the loss falls; pause, single step, learning-rate change, snapshots and the NaN path.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, startBrowser } from './browser.mjs';
import { ROOT } from '../node/helpers.mjs';

const corpus = readFileSync(join(ROOT, 'tests', 'data', 'korean_small.txt'), 'utf8');
let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

test('a worker trains 300 steps while the page keeps painting, and the loss falls', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  const out = await page.evaluate(async (text) => {
    const { TrainingRun } = await import('./lib/training.js');
    const spec = {
      model: { n_layer: 2, n_head: 2, n_embd: 32, block_size: 32 },
      train: { batchSize: 8 },
      racers: [{ optimizer: { kind: 'adam', lr: 0.003 } }],
    };
    const run = await TrainingRun.create(spec, text, { maxSteps: 300 });
    let frames = 0,
      longestGap = 0,
      last = performance.now(),
      painting = true;
    const paint = (now) => {
      frames++;
      longestGap = Math.max(longestGap, now - last);
      last = now;
      if (painting) requestAnimationFrame(paint);
    };
    requestAnimationFrame(paint);
    const losses = [];
    let progressMessages = 0,
      tokensPerSecond = 0;
    run.addEventListener('progress', (e) => {
      progressMessages++;
      tokensPerSecond = e.detail.tokensPerSecond;
      losses.push(...e.detail.results.loss);
    });
    const t0 = performance.now();
    const stopped = new Promise((resolve) => run.addEventListener('stopped', (e) => resolve(e.detail)));
    run.start();
    const detail = await stopped;
    const seconds = (performance.now() - t0) / 1000;
    painting = false;
    const view = await run.inspect(0, '고양이는 귀엽다');
    const row = view
      .attention(1, 0)
      .data.slice(7 * 8, 8 * 8)
      .reduce((a, b) => a + b, 0);
    run.terminate();
    return {
      detail,
      losses,
      frames,
      longestGap,
      seconds,
      progressMessages,
      tokensPerSecond,
      row,
      names: view.names.length,
    };
  }, corpus);
  console.log(
    `# worker: 300 steps in ${out.seconds.toFixed(2)} s, ${Math.round(out.tokensPerSecond)} tokens/s, ` +
      `${out.frames} frames painted meanwhile (longest gap ${out.longestGap.toFixed(0)} ms), ${out.progressMessages} progress messages`,
  );
  assert.equal(out.detail.reason, 'max_steps');
  assert.equal(out.detail.steps, 300);
  assert.equal(out.losses.length, 300);
  const head = out.losses.slice(0, 10).reduce((a, b) => a + b) / 10;
  const tail = out.losses.slice(-10).reduce((a, b) => a + b) / 10;
  assert.ok(tail < 0.6 * head, `loss ${head} → ${tail}`);
  // the main thread kept painting: frames kept coming and none waited long
  assert.ok(out.frames >= out.seconds * 10, `${out.frames} frames in ${out.seconds} s`);
  assert.ok(out.progressMessages <= out.seconds * 12 + 3, 'progress is rate-limited');
  assert.ok(Math.abs(out.row - 1) < 1e-5);
  assert.ok(out.names > 20);
  assert.deepEqual(errors, []);
  await context.close();
});

test('pause, single step, live learning rate, save; a blow-up is reported; a dead worker is reported', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  const out = await page.evaluate(async (text) => {
    const { TrainingRun } = await import('./lib/training.js');
    const { createTinyformer } = await import('./lib/tinyformer.js');
    const spec = {
      model: { n_layer: 1, n_head: 2, n_embd: 16, block_size: 16 },
      train: { batchSize: 4 },
      racers: [
        { name: 'SGD', optimizer: { kind: 'sgd', lr: 1e7 } },
        { name: 'Adam', optimizer: { kind: 'adam', lr: 0.003 } },
      ],
    };
    const run = await TrainingRun.create(spec, text);
    const diverged = [];
    run.addEventListener('diverged', (e) => diverged.push(e.detail));
    const progress = [];
    run.addEventListener('progress', (e) => progress.push(e.detail));
    run.step(1);
    run.step(1);
    await run.refreshInfo();
    run.setLearningRate(1, 0.01);
    run.start();
    await new Promise((r) => setTimeout(r, 400));
    run.pause();
    const paused = await new Promise((r) => run.addEventListener('paused', (e) => r(e.detail), { once: true }));
    await new Promise((r) => setTimeout(r, 200));
    const info = await run.refreshInfo();
    const bytes = await run.save(1);
    const tinyformer = await createTinyformer();
    const model = tinyformer.loadModel(bytes);
    const sample = await run.sample(1, '나는', { maxTokens: 5, temperature: 0 });
    const lastLr = progress.at(-1).lr;
    // a dead worker: the page is told, and later requests fail instead of hanging
    const failed = new Promise((r) => run.addEventListener('error', (e) => r(e.detail), { once: true }));
    run.terminate();
    const death = await failed;
    let rejected = null;
    try {
      await run.evaluate(0);
    } catch (err) {
      rejected = err.code;
    }
    return {
      diverged,
      pausedSteps: paused.steps,
      steps: info.steps,
      racers: info.racers,
      bytes: bytes.length,
      vocab: model.config.vocab_size,
      sample: sample.ids.length,
      lastLr,
      death: death.code,
      rejected,
    };
  }, corpus);
  assert.ok(out.diverged.length >= 1);
  assert.equal(out.diverged[0].racer, 0);
  assert.equal(out.racers[0].diverged, true);
  assert.equal(out.racers[1].diverged, false);
  assert.equal(out.steps, out.pausedSteps, 'no steps after pause');
  assert.ok(out.steps > 2);
  assert.ok(out.bytes > 1000);
  assert.equal(out.sample, 5);
  assert.ok(Math.abs(out.lastLr[1] - 0.01) < 1e-7);
  assert.equal(out.death, 'terminated');
  assert.equal(out.rejected, 'terminated');
  assert.deepEqual(errors, []);
  await context.close();
});
