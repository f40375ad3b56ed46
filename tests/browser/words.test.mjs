// The word-vector page (words.html) in headless Chromium, in Korean and English: it opens on the shipped
// (trained) vectors; the map's coordinates, the neighbours, the window's pairs and the blank's guesses are the
// engine's; a short training run lowers the loss and moves the map; the switch between the particle-split and
// raw corpora trains; bad input (empty text, one word, a wide window, no Korean, 10 MB, no blank, an unknown
// word) gets a message in the page's language and the page stays usable; it fits a phone; nothing logs an error.
// The last test trains the page's full recipe and prints the clustering figures and the seconds it took.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, clippedInMain, startBrowser } from './browser.mjs';
import ko from '../../web/i18n/words.ko.js';
import en from '../../web/i18n/words.en.js';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

async function openWords({ locale = 'ko-KR', width = 1280, height = 900 } = {}) {
  const context = await env.browser.newContext({ locale, viewport: { width, height } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${env.baseUrl}words.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30000 });
  return { page, errors, context };
}

const fill = (s, params = {}) => s.replace(/\{(\w+)\}/g, (_, k) => String(params[k]));

/** What the views show, read from their shadow DOM. */
const shown = (page) =>
  page.evaluate(() => {
    const rows = (sel, cells) =>
      [...document.querySelector(sel).shadowRoot.querySelectorAll('tr')]
        .map((tr) => [...tr.querySelectorAll('td')].slice(0, cells).map((td) => td.textContent.trim()))
        .filter((r) => r.length);
    const win = document.querySelector('#window').shadowRoot;
    return {
      neighbours: rows('#neighbours', 2),
      guesses: rows('#guesses', 2),
      word: document.querySelector('#neighbours').shadowRoot.querySelector('select').value,
      blankWord: win.querySelector('.word.blank .text')?.textContent,
      contextWords: [...win.querySelectorAll('.word.context .text')].map((e) => e.textContent),
      pairs: [...win.querySelectorAll('li')].map((li) => li.textContent),
      mapWords: document.querySelector('#map').data.words,
      mapPoints: Array.from(document.querySelector('#map').data.points),
      score: document.querySelector('#score-now').textContent,
      windowVectors: (({ values, rowLabels }) => ({ values: Array.from(values), rowLabels }))(
        document.querySelector('#window-vectors').matrix,
      ),
    };
  });

/** The same numbers computed afresh by the engine from the shipped file (not from the page's state). */
const fromEngine = (page, { word, blank, sentence, centre, table }) =>
  page.evaluate(
    async (a) => {
      const { tinyformer } = globalThis.tinyformerWords;
      const bytes = new Uint8Array(await (await fetch('models/ko-words-cbow.safetensors')).arrayBuffer());
      const v = tinyformer.loadWordVectors(bytes);
      const cats = await (await fetch('data/ko-words-categories.json')).json();
      const p = v.projection({ n: 80, table: a.table });
      const out = {
        neighbours: v.neighbours(a.word, 8, a.table).map((n) => [n.word, n.cosine.toFixed(3)]),
        guesses: v.fillBlank(a.blank, 5).guesses.map((g) => [g.word, `${(100 * g.prob).toFixed(1)}%`]),
        mapWords: p.words,
        mapPoints: Array.from(p.points.data),
        score: v.clusterScore(cats, 3, a.table),
        run: (() => {
          const r = v.inspect(a.sentence, a.centre);
          return {
            words: r.words,
            centre: r.centre,
            context: Array.from(r.contextPositions),
            pairs: r.sentencePairs.flat().length,
            vectors: Array.from(r.tensor('context.vectors').data),
            mean: Array.from(r.tensor('context.mean').data),
          };
        })(),
      };
      v.dispose();
      return out;
    },
    { word, blank, sentence, centre, table },
  );

test('opens on the trained vectors: map, neighbours, window and blank are the engine’s (Korean); screenshot', async () => {
  const { page, errors, context } = await openWords();
  assert.equal(await page.title(), ko['words.page.title']);
  const s = await shown(page);
  const e = await fromEngine(page, {
    word: s.word,
    blank: '나는 ___을 먹었다',
    sentence: '민수 는 공원 에서 개 를 봤다',
    centre: 2,
    table: 'output',
  });
  assert.deepEqual(s.neighbours, e.neighbours);
  assert.deepEqual(s.guesses, e.guesses);
  assert.deepEqual(s.mapWords, e.mapWords);
  assert.deepEqual(s.mapPoints, e.mapPoints);
  assert.equal(s.blankWord, e.run.words[e.run.centre]);
  assert.deepEqual(
    s.contextWords,
    e.run.context.map((i) => e.run.words[i]),
  );
  assert.equal(s.pairs.length, e.run.pairs);
  // the context vectors and their mean: the engine's recorded tensors
  assert.deepEqual(s.windowVectors.values, [...e.run.vectors, ...e.run.mean]);
  assert.deepEqual(s.windowVectors.rowLabels, [...e.run.context.map((i) => e.run.words[i]), ko['words.window.mean']]);
  assert.ok(s.score.includes(`${(100 * e.score.share).toFixed(1)}%`), s.score);
  assert.ok(s.score.includes(e.score.gap.toFixed(3)), s.score);
  // the trained vectors cluster: most neighbours of a labelled word are of its own kind
  assert.ok(e.score.share > 3 * e.score.chance, JSON.stringify(e.score));
  // pick another word on the map: the neighbours follow
  await page
    .locator('#neighbours')
    .evaluate((el) => el.dispatchEvent(new CustomEvent('pick-word', { detail: { word: '사과' } })));
  const s2 = await shown(page);
  const e2 = await fromEngine(page, {
    word: '사과',
    blank: '나는 ___을 먹었다',
    sentence: '나 는 밥',
    centre: 0,
    table: 'output',
  });
  assert.equal(s2.word, '사과');
  assert.deepEqual(s2.neighbours, e2.neighbours);
  // slide the window: the next word becomes the blank
  await page.locator('#window').evaluate((el) => el.shadowRoot.querySelector('button.next').click());
  assert.equal((await shown(page)).blankWord, '에서');
  await page.screenshot({ path: join(SCREENSHOTS, 'words-ko-1280.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('English at 390 px: the strings are English, it fits the phone; screenshot', async () => {
  const { page, errors, context } = await openWords({ locale: 'en-US', width: 390, height: 844 });
  assert.equal(await page.title(), en['words.page.title']);
  assert.equal(await page.textContent('#train-title'), en['words.train.title']);
  assert.equal(await page.textContent('#train-status'), en['words.train.shown']);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `wider than the phone by ${overflow} px`);
  assert.deepEqual(await clippedInMain(page), [], 'wider than the page, cut off');
  await page.screenshot({ path: join(SCREENSHOTS, 'words-en-390.png'), fullPage: true });
  // the language switch goes to Korean and back
  await page.click('#lang-toggle');
  assert.equal(await page.textContent('#train-title'), ko['words.train.title']);
  await page.screenshot({ path: join(SCREENSHOTS, 'words-ko-390.png'), fullPage: true });
  await page.click('#lang-toggle');
  assert.equal(await page.textContent('#train-title'), en['words.train.title']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a short training run lowers the loss and moves the map; shown numbers stay the engine’s', async () => {
  const { page, errors, context } = await openWords({ locale: 'en-US' });
  const before = await shown(page);
  await page.evaluate(() => {
    globalThis.tinyformerWords.total = 300;
  });
  await page.click('#train-button');
  await page.waitForSelector('body[data-trained="300"]', { state: 'attached', timeout: 60000 });
  const r = await page.evaluate(() => {
    const s = globalThis.tinyformerWords;
    const v = s.vectors;
    return {
      loss: s.history.loss,
      scores: s.history.share.length,
      word: s.word,
      neighbours: v.neighbours(s.word, 8, s.table).map((n) => [n.word, n.cosine.toFixed(3)]),
      guesses: v
        .fillBlank(document.querySelector('#blank-sentence').value, 5)
        .guesses.map((g) => [g.word, `${(100 * g.prob).toFixed(1)}%`]),
      status: document.querySelector('#train-status').textContent,
      badge: document.querySelector('#model-badge').textContent,
    };
  });
  const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
  assert.equal(r.loss.length, 300);
  assert.ok(
    mean(r.loss.slice(-30)) < mean(r.loss.slice(0, 30)) - 0.5,
    `loss ${mean(r.loss.slice(0, 30))} → ${mean(r.loss.slice(-30))}`,
  );
  assert.ok(r.scores >= 2, 'the cluster score was recorded along the way');
  assert.equal(r.badge, en['words.model.tab']);
  assert.ok(r.status.startsWith(en['words.train.done'].split('·')[0].trim()), r.status);
  const after = await shown(page);
  assert.deepEqual(after.neighbours, r.neighbours);
  assert.deepEqual(after.guesses, r.guesses);
  const moved = after.mapPoints.some((x, i) => Math.abs(x - before.mapPoints[i]) > 1e-3);
  assert.ok(moved, 'the map moved');
  await page.screenshot({ path: join(SCREENSHOTS, 'words-en-1280.png'), fullPage: true });
  // raw space-separated words train too, and the window's words are then raw words
  await page.check('input[name="corpus"][value="raw"]');
  await page.evaluate(() => {
    globalThis.tinyformerWords.total = 100;
  });
  await page.click('#train-button');
  await page.waitForSelector('body[data-trained="100"]', { state: 'attached', timeout: 60000 });
  assert.ok(await page.evaluate(() => globalThis.tinyformerWords.vectors.words.includes('고양이는')));
  // pause in the middle: the page keeps the vectors of the step it reached; resume goes on to the end, and the
  // run in the Worker, paused or not, gives the numbers the same seeded trainer gives on the main thread
  await page.evaluate(() => {
    globalThis.tinyformerWords.total = 1e6;
    delete document.body.dataset.trained;
  });
  await page.click('#train-button');
  await page.waitForFunction(() => globalThis.tinyformerWords.step >= 16 && globalThis.tinyformerWords.running);
  await page.click('#stop-button');
  await page.waitForSelector('body[data-trained]', { state: 'attached' });
  const paused = await page.evaluate(() => ({
    step: globalThis.tinyformerWords.step,
    running: globalThis.tinyformerWords.running,
    status: document.querySelector('#train-status').textContent,
    train: document.querySelector('#train-button').disabled,
    resume: document.querySelector('#resume-button').disabled,
    snapshot: globalThis.tinyformerWords.vectorsStep,
  }));
  assert.equal(paused.running, false);
  assert.ok(paused.step < 1e6, `paused at ${paused.step}`);
  assert.equal(paused.snapshot, paused.step, 'the vectors shown are those of the step reached');
  assert.equal(
    paused.status,
    fill(en['words.train.stopped'], {
      step: paused.step,
      loss: await page.evaluate(() => globalThis.tinyformerWords.history.loss.at(-1).toFixed(3)),
    }),
  );
  assert.equal(paused.train, false);
  assert.equal(paused.resume, false);
  await page.evaluate(() => {
    delete document.body.dataset.trained;
  });
  await page.click('#resume-button');
  await page.waitForFunction((n) => globalThis.tinyformerWords.step >= n + 20, paused.step);
  await page.click('#stop-button');
  await page.waitForSelector('body[data-trained]', { state: 'attached' });
  const same = await page.evaluate(async () => {
    const s = globalThis.tinyformerWords;
    const text = await (await fetch('data/ko.txt')).text();
    const trainer = s.tinyformer.createTrainer(s.spec, text);
    const r = trainer.step(s.step);
    const v = trainer.snapshotWordVectors(0);
    const out = {
      loss: Array.from(r.loss),
      page: s.history.loss,
      vectors: Array.from(v.vectors('output').data),
      shown: Array.from(s.vectors.vectors('output').data),
    };
    v.dispose();
    trainer.dispose();
    return out;
  });
  assert.ok(same.loss.length > paused.step);
  assert.deepEqual(same.page, same.loss, "the Worker's losses are the main-thread trainer's");
  assert.deepEqual(same.shown, same.vectors, "the vectors shown are the main-thread trainer's");
  // back to the shipped vectors
  await page.click('#reset-button');
  await page.waitForFunction(() => globalThis.tinyformerWords.source === 'demo');
  assert.equal(await page.textContent('#train-status'), en['words.train.shown']);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, L] of [
  ['ko-KR', ko],
  ['en-US', en],
]) {
  test(`bad input gets a clear message and the page stays usable (${locale})`, async () => {
    const { page, errors, context } = await openWords({ locale });
    page.setDefaultTimeout(120000); // laying out 10 MB in the text box takes a while on a loaded machine
    await page.check('input[name="corpus"][value="own"]');
    const trainWith = async (text, window = '2') => {
      await page.evaluate((t) => {
        document.querySelector('#own-text').value = t;
      }, text);
      await page.selectOption('#train-window', window);
      await page.evaluate(() => {
        globalThis.tinyformerWords.total = 30;
        delete document.body.dataset.trained;
        document.querySelector('#train-message').textContent = '';
      });
      await page.click('#train-button');
      // the Worker answers asynchronously: wait for the message
      await page.waitForFunction(() => document.querySelector('#train-message').textContent !== '');
    };
    const message = () => page.textContent('#train-message');
    await trainWith('');
    assert.equal(await message(), L['words.err.empty']);
    await trainWith('   \n  ');
    assert.equal(await message(), L['words.err.empty']);
    await trainWith('하나');
    assert.equal(await message(), L['words.err.oneWord']);
    await trainWith('가'.repeat(10 * 1024 * 1024));
    assert.equal(await message(), fill(L['words.err.tooLarge'], { size: '30.0', limit: '8.0' }));
    await trainWith('고양이는 귀엽다\n강아지는 귀엽다\n나는 밥을 먹었다\n나는 빵을 먹었다', '16');
    await page.waitForSelector('body[data-trained="30"]', { state: 'attached' });
    assert.equal(await message(), fill(L['words.err.wideWindow'], { window: 16 }));
    assert.ok(
      await page.evaluate(() => globalThis.tinyformerWords.vectors.words.includes('고양이')),
      'particles split',
    );
    // the comparison's note on the generated corpus's 사과 does not speak of the learner's text
    assert.equal(await page.isHidden('#compare-cbow-senses'), true);
    await trainWith('the cat is cute\nthe dog is cute\nthe cat eats fish\nthe dog eats meat');
    await page.waitForSelector('body[data-trained="30"]', { state: 'attached' });
    assert.equal(await message(), L['words.err.noKorean']);
    assert.equal(await page.textContent('#score-now'), L['words.err.noCategories']);
    // the blank: none, and an unknown word
    await page.fill('#blank-sentence', 'the cat is cute');
    assert.equal(await page.textContent('#blank-message'), L['words.blank.noBlank']);
    await page.fill('#blank-sentence', 'zebra ___');
    assert.equal(await page.textContent('#blank-message'), fill(L['words.blank.unknown'], { word: 'zebra' }));
    // still usable: a good sentence gives guesses whose probabilities are the engine's
    await page.fill('#blank-sentence', 'the ___ is cute');
    assert.equal(await page.isHidden('#blank-message'), true);
    const guesses = await page.evaluate(() => document.querySelector('#guesses').data.guesses.map((g) => g.word));
    const engine = await page.evaluate(() =>
      globalThis.tinyformerWords.vectors.fillBlank('the ___ is cute', 5).guesses.map((g) => g.word),
    );
    assert.deepEqual(guesses, engine);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

/** The comparison as shown: the heatmaps' matrices, the texts, the CBOW neighbours. */
const shownCompare = (page) =>
  page.evaluate(() => {
    const m = (id) => {
      const h = document.getElementById(id);
      return h.hidden ? null : Array.from(h.matrix.values);
    };
    return {
      compared: document.body.dataset.compared,
      tokenRows: m('compare-token-rows'),
      rowLabels: document.getElementById('compare-token-rows').matrix?.rowLabels,
      embed: m('compare-embed-cos'),
      context: m('compare-context-cos'),
      cbow: m('compare-cbow-vector'),
      embedGroups: document.getElementById('compare-embed-groups').textContent,
      contextGroups: document.getElementById('compare-context-groups').textContent,
      neighbours: [...document.querySelector('#compare-neighbours').shadowRoot.querySelectorAll('tr')].map((tr) =>
        [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent.trim()),
      ),
      occurrences: [...document.querySelectorAll('#compare-occurrences li')].map((li) => li.textContent),
      message: document.getElementById('compare-message').hidden
        ? ''
        : document.getElementById('compare-message').textContent,
    };
  });

/** The same afresh from the engine: the shipped GPT and word vectors, the lesson's sentences. */
const compareFromEngine = (page, { word, lines, layer }) =>
  page.evaluate(
    async (a) => {
      const { tinyformer } = globalThis.tinyformerWords;
      const gpt = tinyformer.loadModel(new Uint8Array(await (await fetch('models/ko-char.safetensors')).arrayBuffer()));
      const v = tinyformer.loadWordVectors(
        new Uint8Array(await (await fetch('models/ko-words-cbow.safetensors')).arrayBuffer()),
      );
      const c = tinyformer.compareSenses(
        gpt,
        a.lines.map((l) => l[0]),
        a.word,
        a.lines.map((l) => l[1]),
      );
      const L = a.layer < 0 ? c.layers - 1 : a.layer;
      const id = v.wordId(a.word),
        C = v.config.dim;
      const out = {
        layers: c.layers,
        labels: c.labels,
        wordTexts: c.wordTexts,
        tokenRows: Array.from(c.tokenRows.data),
        embed: Array.from(c.embeddingCosine.data),
        context: Array.from(c.cosine[L].data),
        embedGroups: c.embeddingGroups,
        contextGroups: c.layerGroups[L],
        cbow: Array.from(v.vectors('output').data.slice(id * C, (id + 1) * C)),
        neighbours: v.neighbours(a.word, 5, 'output').map((n) => [n.word, n.cosine.toFixed(3)]),
      };
      gpt.dispose();
      v.dispose();
      return out;
    },
    { word, lines, layer },
  );

for (const [locale, L] of [
  ['ko-KR', ko],
  ['en-US', en],
]) {
  test(`compare: one vector per word, one per token, one per word in context — the engine’s numbers (${locale})`, async () => {
    const { page, errors, context } = await openWords({ locale });
    const lesson = await page.evaluate(async () => (await fetch('data/sagwa-lesson.json')).json());
    const lines = lesson.sentences.map((x) => [x.text, x.senses.map((k) => L[`words.compare.sense.${k}`])]);
    const s = await shownCompare(page);
    const e = await compareFromEngine(page, { word: '사과', lines, layer: -1 });
    assert.equal(s.compared, `사과:${e.labels.length}:${e.layers - 1}`);
    // (a) one row of the word vectors and its neighbours, and what the corpus says of 사과's senses
    assert.equal(await page.textContent('#compare-cbow-senses'), L['words.compare.cbowSenses']);
    assert.equal(await page.isVisible('#compare-cbow-senses'), true);
    assert.deepEqual(s.cbow, e.cbow);
    assert.deepEqual(s.neighbours, e.neighbours);
    // (b) the GPT's rows of 사 and 과, and one cosine 1 between any two sentences
    assert.deepEqual(e.wordTexts, ['사', '과']);
    assert.deepEqual(s.rowLabels, e.wordTexts);
    assert.deepEqual(s.tokenRows, e.tokenRows);
    assert.deepEqual(s.embed, e.embed);
    assert.ok(
      e.embed.every((x) => Math.abs(x - 1) < 1e-5),
      'the same row in every sentence',
    );
    const groups = (g) =>
      fill(L['words.compare.groups'], {
        within: g.within.toFixed(3),
        across: g.across.toFixed(3),
        wp: g.withinPairs,
        ap: g.acrossPairs,
      });
    assert.equal(s.embedGroups, groups(e.embedGroups));
    // (c) the hidden states after the last block: different per sentence, closer within a sense
    assert.deepEqual(s.context, e.context);
    assert.equal(s.contextGroups, groups(e.contextGroups));
    assert.ok(
      e.context.some((x) => x < 0.99),
      'different per sentence',
    );
    assert.ok(e.contextGroups.within > e.contextGroups.across, JSON.stringify(e.contextGroups));
    assert.equal(s.occurrences.length, e.labels.length);
    assert.ok(s.occurrences[0].includes(lines[0][0]) && s.occurrences[0].includes(e.labels[0]), s.occurrences[0]);
    // another layer: right after the embedding (positions added, so not all 1 any more)
    await page.selectOption('#compare-layer', '0');
    const s0 = await shownCompare(page);
    const e0 = await compareFromEngine(page, { word: '사과', lines, layer: 0 });
    assert.deepEqual(s0.context, e0.context);
    assert.equal(s0.contextGroups, groups(e0.contextGroups));
    // another word present in both: picked in the word vectors' list, the GPT follows on the learner's sentences
    await page.fill(
      '#compare-sentences',
      '누나가 사과 파이를 만들어요 | a\n누나는 할머니께 사과드렸다 | b\n형이 누나에게 사과했어요',
    );
    await page
      .locator('#compare-neighbours')
      .evaluate((el) => el.dispatchEvent(new CustomEvent('pick-word', { detail: { word: '누나' } })));
    const s2 = await shownCompare(page);
    const e2 = await compareFromEngine(page, {
      word: '누나',
      layer: 0,
      lines: [
        ['누나가 사과 파이를 만들어요', ['a']],
        ['누나는 할머니께 사과드렸다', ['b']],
        ['형이 누나에게 사과했어요', []],
      ],
    });
    assert.equal(await page.inputValue('#compare-word'), '누나');
    assert.deepEqual(s2.neighbours, e2.neighbours);
    assert.deepEqual(s2.context, e2.context);
    assert.deepEqual(e2.labels, ['a', 'b', '']);
    assert.equal(s2.contextGroups, L['words.compare.noGroups']); // one pair, across only
    // bad input: a message each, the page stays usable
    await page.fill('#compare-word', '고양이');
    assert.equal((await shownCompare(page)).message, fill(L['words.compare.notFound'], { word: '고양이' }));
    await page.fill('#compare-sentences', '뷁은 없다 | a');
    await page.fill('#compare-word', '뷁');
    const bad = await shownCompare(page);
    assert.ok(bad.message.startsWith(fill(L['words.compare.unknownGpt'], { word: '뷁' })), bad.message);
    assert.equal(bad.context, null);
    await page.fill('#compare-sentences', '');
    assert.equal((await shownCompare(page)).message, L['words.compare.empty']);
    await page.fill('#compare-sentences', '나는 진심으로 사과했다 | b');
    await page.fill('#compare-word', '진심');
    const half = await shownCompare(page);
    assert.equal(half.message, fill(L['words.compare.unknownCbow'], { word: '진심' }));
    assert.ok(half.context.length === 1 && half.cbow === null, 'the GPT side still shown');
    await page.fill('#compare-sentences', '가'.repeat(200) + '사과');
    await page.fill('#compare-word', '사과');
    const long = (await shownCompare(page)).message;
    assert.ok(long.startsWith(L['words.compare.tooLong'].split('{detail}')[0]) && long.includes('64'), long);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the page’s recipe on the particle-split corpus: clustering figures and seconds in Chromium', async () => {
  const { page, errors, context } = await openWords();
  await page.click('#train-button');
  const total = await page.evaluate(() => globalThis.tinyformerWords.total);
  const t0 = Date.now();
  await page.waitForSelector(`body[data-trained="${total}"]`, { state: 'attached', timeout: 120000 });
  const wall = (Date.now() - t0) / 1000;
  const r = await page.evaluate(async () => {
    const s = globalThis.tinyformerWords;
    const cats = await (await fetch('data/ko-words-categories.json')).json();
    return {
      seconds: s.seconds,
      output: s.vectors.clusterScore(cats, 3, 'output'),
      input: s.vectors.clusterScore(cats, 3, 'input'),
    };
  });
  const f = (x) => x.toFixed(3);
  console.log(
    `# words page recipe: ${total} steps, ${r.seconds.toFixed(2)} s of training (${wall.toFixed(1)} s on the clock with drawing); ` +
      `output vectors share ${f(r.output.share)} gap ${f(r.output.gap)} (chance ${f(r.output.chance)}); input vectors share ${f(r.input.share)} gap ${f(r.input.gap)}`,
  );
  assert.ok(r.output.share > 3 * r.output.chance);
  assert.ok(r.output.gap > 0);
  await page.screenshot({ path: join(SCREENSHOTS, 'words-ko-1280-trained.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
