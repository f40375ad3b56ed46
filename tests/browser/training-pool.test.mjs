// An optimizer race over several Workers (wasm/training-pool.js): the same numbers as one Worker, bit for bit,
// racers in lockstep whenever the race stands still, and the training page racing on one Worker per core.
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

/** Browser-side helpers the pool tests share: poolTest.on(run) → { event(type), reached(steps) } as promises. */
function installHelpers() {
  globalThis.poolTest = {
    on: (run) => ({
      event: (type) => new Promise((resolve) => run.addEventListener(type, (e) => resolve(e.detail), { once: true })),
      reached: (n) =>
        new Promise((resolve) => {
          run.addEventListener('progress', function onProgress(e) {
            if (e.detail.steps >= n) {
              run.removeEventListener('progress', onProgress);
              resolve();
            }
          });
        }),
    }),
  };
}

const SPEC = {
  model: { n_layer: 1, n_head: 2, n_embd: 32, block_size: 32 },
  seed: 5,
  train: { batchSize: 8 },
  racers: [
    { optimizer: { kind: 'sgd', lr: 0.3 } },
    { optimizer: { kind: 'momentum', lr: 0.1 } },
    { optimizer: { kind: 'adam', lr: 0.003 } },
    { optimizer: { kind: 'adamw', lr: 0.003, weightDecay: 0.1 } },
  ],
};

test('a four-racer race on 2 and on 4 Workers gives every loss of one Worker, bit for bit, in lockstep', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await page.evaluate(installHelpers);
  const out = await page.evaluate(
    async ([spec, text]) => {
      const { TrainingPool } = await import('./lib/training-pool.js');
      const race = async (workers) => {
        const run = await TrainingPool.create(spec, text, { maxSteps: 60, workers });
        const losses = spec.racers.map(() => []);
        const lockstep = []; // per racer, the steps reported by the time each pause landed
        const rowsPerEvent = [];
        run.addEventListener('progress', (e) => {
          const r = e.detail.results;
          rowsPerEvent.push(r.racer.length);
          for (let i = 0; i < r.racer.length; i++) losses[r.racer[i]].push(r.loss[i]);
        });
        const { event, reached } = globalThis.poolTest.on(run);
        // a paused race, a few single steps, then continuous training to the end
        const five = reached(5);
        run.step(3);
        run.step(2);
        await five;
        lockstep.push(losses.map((l) => l.length));
        let stopped = event('stopped');
        run.start();
        await new Promise((r) => setTimeout(r, 30));
        const paused = event('paused');
        run.pause();
        await paused;
        lockstep.push(losses.map((l) => l.length));
        stopped = event('stopped');
        run.start();
        const end = await stopped;
        const workersUsed = run.workers ?? 1;
        const bits = losses.map((l) => Array.from(new Uint32Array(Float32Array.from(l).buffer)));
        const steps = run.steps ?? end.steps;
        run.terminate();
        return { bits, lockstep, end, workersUsed, steps, rowsPerEvent };
      };
      return { one: await race(1), two: await race(2), four: await race(4) };
    },
    [SPEC, corpus],
  );
  assert.equal(out.one.workersUsed, 1);
  assert.equal(out.two.workersUsed, 2);
  assert.equal(out.four.workersUsed, 4);
  for (const r of [out.one, out.two, out.four]) {
    assert.equal(r.end.reason, 'max_steps');
    assert.equal(r.end.steps, 60);
    r.bits.forEach((b) => assert.equal(b.length, 60));
    // each progress event holds whole lockstep steps (all four racers), as one Worker's do
    assert.ok(
      r.rowsPerEvent.every((n) => n % 4 === 0),
      `rows per event: ${r.rowsPerEvent}`,
    );
    // every pause finds every racer at the same step
    for (const counts of r.lockstep)
      assert.ok(
        counts.every((c) => c === counts[0]),
        `not in lockstep: ${counts}`,
      );
  }
  assert.deepEqual(out.one.lockstep[0], [5, 5, 5, 5]);
  assert.deepEqual(out.two.bits, out.one.bits, '2 Workers: the losses differ from one Worker');
  assert.deepEqual(out.four.bits, out.one.bits, '4 Workers: the losses differ from one Worker');
  assert.deepEqual(errors, []);
  await context.close();
});

test('one model split over 2 and 4 Workers gives every loss and the checkpoint of one Worker, bit for bit', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await page.evaluate(installHelpers);
  const out = await page.evaluate(
    async ([spec, text]) => {
      const { TrainingPool } = await import('./lib/training-pool.js');
      const train = async (workers) => {
        const run = await TrainingPool.create(spec, text, { maxSteps: 40, workers });
        const losses = [];
        run.addEventListener('progress', (e) => losses.push(...e.detail.results.loss));
        const { event, reached } = globalThis.poolTest.on(run);
        const five = reached(5);
        run.step(3);
        run.step(2);
        await five;
        run.setLearningRate(0, 0.004); // while paused: at step 5 whatever the Workers
        run.start();
        await new Promise((r) => setTimeout(r, 20));
        const paused = event('paused');
        run.pause();
        await paused;
        let stopped = event('stopped');
        run.start();
        const end = await stopped;
        const bytes = await run.save(0);
        const info = run.info;
        const bits = Array.from(new Uint32Array(Float32Array.from(losses).buffer));
        // a new learning rate while a split run trains lands between rounds: every copy takes it before the
        // same step, so the copies stay equal (checked on each Worker's own checkpoint)
        let copiesEqual = null;
        if (run._runs) {
          run.setMaxSteps(80);
          stopped = event('stopped');
          run.start();
          await new Promise((r) => setTimeout(r, 15));
          run.setLearningRate(0, 0.002);
          await stopped;
          const saved = await Promise.all(run._runs.map((r) => r.save(0)));
          copiesEqual = saved.every((c) => c.length === saved[0].length && c.every((x, i) => x === saved[0][i]));
        }
        run.terminate();
        return {
          copiesEqual,
          bits,
          end,
          workers: run.workers ?? 1,
          split: info.split ?? false,
          lr: run.lr?.[0],
          bytes: Array.from(bytes),
        };
      };
      return { one: await train(1), two: await train(2), four: await train(4) };
    },
    [
      {
        ...SPEC,
        racers: [{ optimizer: { kind: 'adam', lr: 0.003 }, samplingProb: 0.1 }],
        train: { batchSize: 8, shards: 4 },
      },
      corpus,
    ],
  );
  assert.equal(out.one.workers, 1);
  assert.equal(out.two.workers, 2);
  assert.equal(out.four.workers, 4);
  assert.equal(out.two.split, true);
  for (const r of [out.one, out.two, out.four]) {
    assert.equal(r.end.reason, 'max_steps');
    assert.equal(r.end.steps, 40);
    assert.equal(r.bits.length, 40, 'one loss per step: a split run reports each step once');
  }
  assert.deepEqual(out.two.bits, out.one.bits, '2 Workers: the losses differ from one Worker');
  assert.deepEqual(out.four.bits, out.one.bits, '4 Workers: the losses differ from one Worker');
  assert.ok(out.two.bytes.length > 1000);
  assert.deepEqual(out.two.bytes, out.one.bytes, '2 Workers: the checkpoint differs');
  assert.deepEqual(out.four.bytes, out.one.bytes, '4 Workers: the checkpoint differs');
  assert.equal(out.two.copiesEqual, true, '2 Workers: the copies of the model drifted apart');
  assert.equal(out.four.copiesEqual, true, '4 Workers: the copies of the model drifted apart');
  assert.deepEqual(errors, []);
  await context.close();
});

test('requests reach the racer asked for, wherever it lives, and bad racer numbers are refused', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  const out = await page.evaluate(
    async ([spec, text]) => {
      const { TrainingPool } = await import('./lib/training-pool.js');
      const { TrainingRun } = await import('./lib/training.js');
      const pool = await TrainingPool.create(spec, text, { maxSteps: 20, workers: 2 });
      const single = await TrainingRun.create(spec, text, { maxSteps: 20 });
      const stepped = (run) =>
        new Promise((resolve) => {
          run.addEventListener('progress', function onProgress(e) {
            if (e.detail.steps >= 20) {
              run.removeEventListener('progress', onProgress);
              resolve();
            }
          });
          run.step(20);
        });
      await Promise.all([stepped(pool), stepped(single)]);
      const same = [];
      for (let racer = 0; racer < 4; racer++) {
        const [a, b] = await Promise.all([pool.evaluate(racer, 2), single.evaluate(racer, 2)]);
        // the checkpoint: weights and optimizer state
        const [ma, mb] = await Promise.all([pool.save(racer), single.save(racer)]);
        same.push(a === b && ma.length === mb.length && ma.every((x, i) => Object.is(x, mb[i])));
      }
      const info = await pool.refreshInfo();
      let refused = null;
      try {
        await pool.evaluate(7);
      } catch (err) {
        refused = err.code;
      }
      pool.terminate();
      single.terminate();
      return { same, racers: info.racers.length, refused };
    },
    [SPEC, corpus],
  );
  assert.deepEqual(out.same, [true, true, true, true]);
  assert.equal(out.racers, 4);
  assert.equal(out.refused, 'bad_racer');
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Opens train.html with `query` and `hash`, trains to the end and reports what the session holds: Workers, whether
 * split, racers, each racer's losses and racer 0's checkpoint (its length and a checksum of every byte).
 */
async function trainOnPage(query, hash) {
  const { page, errors, context } = await openPage(env.browser, `${env.baseUrl}train.html${query}${hash}`);
  await page.waitForFunction(() => globalThis.tinyformerTrain?.session);
  await page.evaluate(() => globalThis.tinyformerTrain.session.start());
  await page.waitForFunction(() => ['finished', 'diverged'].includes(globalThis.tinyformerTrain.session.state), null, {
    timeout: 60000,
  });
  const out = await page.evaluate(async () => {
    const s = globalThis.tinyformerTrain.session;
    const bytes = await s.run.save(0);
    return {
      cores: navigator.hardwareConcurrency,
      workers: s.run.workers ?? 1,
      split: s.run.info.split ?? false,
      racers: s.racers.length,
      steps: s.history[0].steps.length,
      loss: s.history.map((h) => h.loss),
      save: [bytes.length, bytes.reduce((h, b) => (Math.imul(h, 31) + b) | 0, 7)],
    };
  });
  assert.deepEqual(errors, []);
  await context.close();
  return out;
}

test('the training page races on one Worker per core, and ?workers=1 gives the same losses', async () => {
  const hash = '#mode=race&steps=40&seed=3';
  const [spread, one] = [await trainOnPage('', hash), await trainOnPage('?workers=1', hash)];
  assert.ok(spread.racers > 1, 'race mode has several racers');
  assert.equal(spread.workers, Math.min(spread.racers, spread.cores, 4));
  assert.equal(one.workers, 1);
  assert.deepEqual(spread.loss, one.loss);
});

test('the training page splits a model big enough to gain over 2 Workers on 2 cores; ?workers=1 gives the same losses', async () => {
  // the small model at batch 32: 38 M parameter-positions a step, over the pool's 16 M (batch 8 stays on one Worker)
  const hash = '#steps=40&seed=3&B=32';
  const [split, one] = [await trainOnPage('', hash), await trainOnPage('?workers=1', hash)];
  for (const out of [split, one]) {
    assert.equal(out.racers, 1, 'train mode has one model');
    assert.equal(out.steps, 40);
  }
  assert.equal(split.workers, Math.min(2, split.cores));
  assert.equal(split.split, split.cores >= 2);
  assert.equal(one.workers, 1);
  assert.deepEqual(split.loss, one.loss);
  assert.deepEqual(split.save, one.save);
  // the page's defaults (batch 8): too small a step to gain, one Worker
  const { page, errors, context } = await openPage(env.browser, `${env.baseUrl}train.html#steps=40&seed=3`);
  await page.waitForFunction(() => globalThis.tinyformerTrain?.session);
  assert.equal(await page.evaluate(() => globalThis.tinyformerTrain.session.run.workers ?? 1), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a split model whose learning rate blows up reports one divergence and stops, as one Worker does', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  const out = await page.evaluate(
    async ([spec, text]) => {
      const { TrainingPool } = await import('./lib/training-pool.js');
      const blowUp = async (workers) => {
        const run = await TrainingPool.create(spec, text, { maxSteps: 50, workers });
        const diverged = [];
        run.addEventListener('diverged', (e) => diverged.push(e.detail.step));
        const stopped = await new Promise((resolve) => {
          run.addEventListener('stopped', (e) => resolve(e.detail), { once: true });
          run.start();
        });
        const info = await run.refreshInfo();
        run.terminate();
        return { diverged, reason: stopped.reason, flagged: info.racers[0].diverged, workers: run.workers ?? 1 };
      };
      return { one: await blowUp(1), two: await blowUp(2) };
    },
    [{ ...SPEC, racers: [{ optimizer: { kind: 'sgd', lr: 1e6 } }], train: { batchSize: 8, shards: 2 } }, corpus],
  );
  assert.equal(out.two.workers, 2);
  for (const r of [out.one, out.two]) {
    assert.equal(r.reason, 'all_diverged');
    assert.equal(r.diverged.length, 1, `divergence reported ${r.diverged.length} times`);
    assert.equal(r.flagged, true);
  }
  assert.deepEqual(out.two.diverged, out.one.diverged);
  assert.deepEqual(errors, []);
  await context.close();
});
