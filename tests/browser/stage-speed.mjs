// How long a stage of the watch page takes in Chromium to open and to follow one typed character
// (performance.now() around the page's own handlers: until they return, and until the next frame is drawn).
// Not a test (timings on a shared machine are noisy): a measurement to run by hand.
//
//   NODE_PATH=/usr/share/nodejs node tests/browser/stage-speed.mjs [stage=embedding] [runs=9] [model=ko]
//   TINYFORMER_SITE=/path/to/other/site ...      to measure another build the same way
import { openPage, startBrowser } from './browser.mjs';

const [stage = 'embedding', runsArg = '9', model = 'ko'] = process.argv.slice(2);
const runs = Number(runsArg);
const env = await startBrowser();
try {
  const { page, errors, context } = await openPage(env.browser, `${env.baseUrl}?model=${model}`, {
    width: 1280,
    height: 900,
  });
  // one action, timed in the page: until the handler returns (sync) and until the next frame (frame)
  const timed = (action) =>
    page.evaluate(async (code) => {
      const t0 = performance.now();
      new Function(code)();
      const sync = performance.now() - t0;
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      return { sync, frame: performance.now() - t0 };
    }, action);
  const open = [],
    type = [];
  for (let i = 0; i < runs; i++) {
    await page.click('[data-stage=inputs]');
    open.push(await timed(`document.querySelector('[data-stage=${stage}]').click()`));
  }
  for (let i = 0; i < runs; i++) {
    // add a character, then take it away again: every run re-renders the stage for a new sentence
    const edit = i % 2 ? 'input.value = input.value.slice(0, -1)' : "input.value += '다'";
    type.push(
      await timed(
        `const input = document.getElementById('sentence'); ${edit}; input.dispatchEvent(new Event('input'));`,
      ),
    );
  }
  const summary = (xs, key) => {
    const v = xs.map((x) => x[key]).sort((a, b) => a - b);
    return `min ${v[0].toFixed(1)} · median ${v[Math.floor(v.length / 2)].toFixed(1)} · max ${v.at(-1).toFixed(1)} ms`;
  };
  console.log(`${stage} stage, model ${model}, ${runs} runs, sentence “${await page.inputValue('#sentence')}”`);
  console.log(`  open            handler ${summary(open, 'sync')}   to next frame ${summary(open, 'frame')}`);
  console.log(`  typed character handler ${summary(type, 'sync')}   to next frame ${summary(type, 'frame')}`);
  if (errors.length) console.log('console errors:', errors);
  await context.close();
} finally {
  await env.close();
}
