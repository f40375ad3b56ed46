// A course author's lesson page on another origin: three widgets by script tag and two by iframe. Each shows the
// engine's numbers (compared here with the JS API under Node), keeps its height, works by keyboard and logs no
// console error; the page holds one engine. Bad attributes show a message inside the widget, never in the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, startBrowser } from './browser.mjs';
import { startCourse } from './course.mjs';
import { loadApi, SITE } from '../node/helpers.mjs';

let env;
let course;
let tinyformer;
const models = {};
before(async () => {
  env = await startBrowser();
  course = await startCourse(env);
  tinyformer = await (await loadApi()).createTinyformer();
  for (const name of ['ko-char', 'en-char'])
    models[name] = tinyformer.loadModel(readFileSync(join(SITE, 'models', `${name}.safetensors`)));
});
after(async () => {
  await course?.close();
  await env?.close();
});

const openCourse = (...args) => course.open(...args);

const widgetsJson = JSON.parse(readFileSync(join(SITE, 'widgets.json'), 'utf8'));

test("three widgets by script tag and two by iframe on another origin show the engine's numbers", async () => {
  const sentence = '고양이는 귀엽다';
  const { page, errors, context } = await openCourse(
    'lesson.html',
    `
    <p>Tokens:</p><tinyformer-tokens id="tok" sentence="${sentence}"></tinyformer-tokens>
    <p>Attention:</p><tinyformer-attention id="att" sentence="${sentence}" layer="2" head="3" controls></tinyformer-attention>
    <p>Next:</p><tinyformer-next-token id="nxt" sentence="고양이는 귀엽" top="5"></tinyformer-next-token>
    <iframe id="f1" title="attention" style="width:100%;border:0;height:50px"
      src="SITE/embed.html?widget=attention&sentence=${encodeURIComponent('나는 밥을 먹었다')}&head=mean&lang=en&model=ko-char"></iframe>
    <iframe id="f2" title="tokens" style="width:100%;border:0;height:50px"
      src="SITE/embed.html?widget=tokens&sentence=the%20cat%20is%20cute&lang=en"></iframe>`,
  );
  for (const id of ['tok', 'att', 'nxt']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForSelector(`#${id}[data-state="ready"]`, { timeout: 30000 });
  }
  const shown = await page.evaluate(async () => {
    const heat = document.querySelector('#att').shadowRoot.querySelector('tf-heatmap');
    const m = heat.matrix;
    const bars = document.querySelector('#nxt').shadowRoot.querySelector('tf-bar-chart').data;
    const chips = document.querySelector('#tok').shadowRoot.querySelector('tf-tokens').tokens;
    const { engineInstances } = await import(document.querySelector('script[type=module]').src);
    return {
      values: Array.from(m.values),
      rows: m.rows,
      mask: Array.from(m.mask),
      rowLabels: m.rowLabels,
      bars: { labels: bars.labels, values: Array.from(bars.values) },
      chips: chips.map((c) => [c.id, c.text]),
      caption: document.querySelector('#att').shadowRoot.querySelector('figcaption').textContent,
      instances: engineInstances(),
      wasmFetches: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length,
    };
  });
  // the same numbers from the engine under Node
  const ko = models['ko-char'];
  const run = ko.inspect(sentence);
  assert.deepEqual(
    shown.chips,
    ko.tokenize(sentence).map((t) => [t.id, t.text]),
  );
  assert.deepEqual(shown.values, Array.from(run.attention(1, 2).data));
  assert.equal(shown.rows, 8);
  assert.deepEqual(
    shown.mask,
    Array.from(run.head('h1.attn.masked', 0).data, (v) => (v === -Infinity ? 1 : 0)),
  );
  assert.equal(shown.mask.filter(Boolean).length, (8 * 7) / 2, 'the causal mask hides the upper triangle');
  assert.equal(shown.rowLabels[4], '4 ␣', 'a space token is visible');
  const probs = ko.nextTokenProbs('고양이는 귀엽');
  const vocab = ko.tokenizer.vocab;
  const top = Array.from(probs.keys())
    .sort((a, b) => probs[b] - probs[a] || a - b)
    .slice(0, 5);
  assert.deepEqual(
    shown.bars.labels,
    top.map((id) => vocab[id]),
  );
  assert.deepEqual(
    shown.bars.values,
    top.map((id) => probs[id]),
  );
  assert.match(shown.caption, /층 2 · 헤드 3/);
  assert.equal(shown.instances, 1, 'one engine for the page');
  assert.equal(shown.wasmFetches, 1, 'one .wasm download for the page');

  // the iframes: a widget each, its height posted to this page and applied by embed-resize.js
  for (const id of ['f1', 'f2']) {
    // a widget starts when seen, in a frame as on a page
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.frameLocator(`#${id}`).locator('[data-state="ready"]').waitFor({ timeout: 30000 });
  }
  // (Chromium runs an off-screen cross-origin frame's rendering steps, and so its ResizeObserver, only once seen)
  for (const id of ['f1', 'f2']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((i) => {
      const f = document.getElementById(i);
      return parseFloat(f.style.height) > 100;
    }, id);
  }
  const frames = await page.evaluate(() =>
    ['f1', 'f2'].map((id) => {
      const f = document.getElementById(id);
      return {
        height: f.getBoundingClientRect().height,
        inner: Math.ceil(f.contentDocument?.documentElement.getBoundingClientRect().height ?? -1),
      };
    }),
  );
  for (const f of frames) assert.ok(f.height >= 100, `iframe height ${f.height}`);
  const f1 = page.frames().find((f) => f.url().includes('widget=attention'));
  const inFrame = await f1.evaluate(() => {
    const w = document.querySelector('tinyformer-attention');
    return {
      caption: w.shadowRoot.querySelector('figcaption').textContent,
      rows: w.shadowRoot.querySelector('tf-heatmap').matrix.rows,
      values: Array.from(w.shadowRoot.querySelector('tf-heatmap').matrix.values),
      height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    };
  });
  assert.match(inFrame.caption, /Layer 1 · mean of the heads/);
  const mean = tinyformer.headMean(ko.inspect('나는 밥을 먹었다').tensor('h0.attn.probs'));
  assert.deepEqual(inFrame.values, Array.from(mean.data));
  assert.ok(
    Math.abs(frames[0].height - inFrame.height) <= 2,
    `iframe ${frames[0].height} px for ${inFrame.height} px of widget`,
  );

  // keyboard: Tab reaches the attention widget's pickers and its heatmap; a picker changes the layer
  await page.locator('#att').evaluate((w) => w.shadowRoot.querySelector('select').focus());
  await page.keyboard.press('ArrowDown'); // the layer picker: 2 → (no layer 3) stays, so go up instead
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.querySelector('#att').getAttribute('layer') === '1');
  await page.waitForFunction(() =>
    /층 1/.test(document.querySelector('#att').shadowRoot.querySelector('figcaption').textContent),
  );
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.querySelector('#att').shadowRoot.activeElement?.tagName);
  assert.ok(['SELECT', 'TF-HEATMAP', 'CANVAS'].includes(focused), `focus went to ${focused}`);

  await page.screenshot({ path: join(SCREENSHOTS, 'embed-course-ko-1100.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad attributes show a message inside the widget in its language; the host page goes on', async () => {
  const { page, errors, context } = await openCourse(
    'bad.html',
    `
    <tinyformer-attention id="a" model="gpt-9"></tinyformer-attention>
    <tinyformer-attention id="b" layer="7"></tinyformer-attention>
    <tinyformer-tokens id="c" sentence="   " lang="en"></tinyformer-tokens>
    <tinyformer-tokens id="d"></tinyformer-tokens>
    <tinyformer-next-token id="e" top="many" lang="en"></tinyformer-next-token>
    <iframe id="f" title="x" style="width:100%;border:0" src="SITE/embed.html?widget=nope&lang=en"></iframe>
    <p id="after">the lesson goes on</p>`,
  );
  await page.evaluate(() => {
    // invalid UTF-16: a lone surrogate
    document.getElementById('d').setAttribute('sentence', `고양이${String.fromCharCode(0xd800)}는`);
  });
  const states = {};
  for (const id of ['a', 'b', 'c', 'd', 'e']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForSelector(`#${id}[data-state="error"]`, { timeout: 30000 });
    states[id] = await page.locator(`#${id}`).evaluate((w) => w.shadowRoot.querySelector('.error span').textContent);
  }
  assert.match(states.a, /모르는 모델 이름이에요: “gpt-9”\. 쓸 수 있는 모델: ko-char, en-char/);
  assert.match(states.b, /layer 속성에는 “7” 값을 쓸 수 없어요\. 쓸 수 있는 값: 1부터 2까지의 정수/);
  assert.match(states.c, /The sentence is empty/);
  assert.match(states.d, /깨진 UTF-16.*4번째 글자/);
  assert.match(states.e, /The top attribute cannot be “many”/);
  await page.frameLocator('#f').locator('[data-state="error"]').waitFor({ timeout: 30000 });
  const unknown = await page
    .frameLocator('#f')
    .locator('tinyformer-unknown')
    .evaluate((w) => w.shadowRoot.querySelector('.error span').textContent);
  assert.match(
    unknown,
    /Unknown widget “nope”\. Widgets: tokens, embedding, positional, attention, qkv, add-norm, activation, next-token, teacher-forcing, train, translate, fill-blank, race, sagwa, tour/,
  );
  // fixing an attribute brings the numbers back
  await page.evaluate(() => document.getElementById('b').setAttribute('layer', '2'));
  await page.waitForSelector('#b[data-state="ready"]');
  assert.equal(await page.locator('#after').textContent(), 'the lesson goes on');
  assert.deepEqual(errors, []);
  await context.close();
});

test('widgets.json documents exactly the attributes each widget element takes', async () => {
  const { page, errors, context } = await openCourse('spec.html', '');
  const specs = await page.evaluate(async (base) => {
    const { allWidgets } = await import(`${base}embed.js`);
    return (await allWidgets()).map((w) => ({ tag: w.spec.tag, attributes: w.spec.attributes.map((a) => a.name) }));
  }, env.baseUrl);
  assert.deepEqual(
    widgetsJson.widgets.map((w) => ({ tag: w.tag, attributes: w.attributes.map((a) => a.name) })),
    specs,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('every widget of widgets.json renders alone from its example, in Korean and in English, at phone width', async () => {
  for (const lang of ['ko', 'en']) {
    const body = widgetsJson.widgets.map((w) => w.example).join('\n');
    const { page, errors, context } = await openCourse(`examples-${lang}.html`, body, {
      lang,
      width: 390,
      locale: lang === 'ko' ? 'ko-KR' : 'en-US',
    });
    for (const w of widgetsJson.widgets) {
      // the first of each tag (the tour holds widgets of its own)
      await page.locator(w.tag).first().scrollIntoViewIfNeeded();
      await page.waitForSelector(`${w.tag}[data-state="ready"]`, { timeout: 30000 });
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 390 px`);
    await page.screenshot({ path: join(SCREENSHOTS, `embed-examples-${lang}-390.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

/** The race of a training-page hash run by the engine under Node: each racer's losses over `steps` steps. */
async function engineRace(hash, steps) {
  const { decodeHash, trainerSpec } = await import('../../web/components/train/settings.js');
  const trainer = tinyformer.createTrainer(
    trainerSpec(decodeHash(hash)),
    readFileSync(join(SITE, 'data', 'ko-small.txt'), 'utf8'),
  );
  const r = trainer.step(steps);
  trainer.dispose();
  const losses = [];
  for (let i = 0; i < r.racer.length; i++) (losses[r.racer[i]] ??= []).push(r.loss[i]);
  return losses;
}

test('a race widget without autoplay loads no training code until played, then trains the same race', async () => {
  const { page, errors, context } = await openCourse(
    'race-later.html',
    `<tinyformer-race id="race" optimizers="sgd:0.1,adam:0.003" corpus="ko-small" steps="20" seed="3"></tinyformer-race>`,
  );
  const requested = [];
  page.on('request', (req) => requested.push(req.url()));
  await page.waitForSelector('#race[data-state="ready"]', { timeout: 30000 });
  await page.waitForTimeout(300);
  const training = () => requested.filter((u) => /training(-pool|-worker)?\.js$/.test(u));
  assert.deepEqual(training(), [], 'training code loaded before the race was played');
  await page.locator('#race').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('#race').shadowRoot.querySelector('.training-bar button').click());
  await page.waitForFunction(
    () => /20 \/ 20/.test(document.querySelector('#race').shadowRoot.querySelector('[role=status]').textContent),
    null,
    { timeout: 60000 },
  );
  assert.ok(training().length >= 2, 'the race trained without its Workers');
  const ys = await page.evaluate(() =>
    Array.from(document.querySelector('#race').shadowRoot.querySelector('tf-line-chart').series[1].ys),
  );
  const engine = await engineRace('#mode=race&corpus=ko-small&steps=20&seed=3&r=sgd:0.1,adam:0.003', 20);
  assert.deepEqual(ys, engine[1], "the widget's Adam losses are not the engine's");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the race widget trains in Workers from another origin, gives the engine's losses and rests out of view", async () => {
  const { page, errors, context } = await openCourse(
    'race.html',
    `
    <tinyformer-race id="race" optimizers="sgd:0.1,adam:0.003" corpus="ko-small" steps="40" seed="3" autoplay></tinyformer-race>
    <div style="height: 3000px"></div><p id="far">far below</p>`,
  );
  await page.waitForSelector('#race[data-state="ready"]', { timeout: 30000 });
  await page.waitForFunction(
    () => /40 \/ 40/.test(document.querySelector('#race').shadowRoot.querySelector('[role=status]').textContent),
    null,
    { timeout: 60000 },
  );
  const shown = await page.evaluate(() =>
    document
      .querySelector('#race')
      .shadowRoot.querySelector('tf-line-chart')
      .series.map((s) => ({ label: s.label, xs: s.xs, ys: Array.from(s.ys) })),
  );
  // the same run through the engine under Node, from the training page's settings
  const engine = await engineRace('#mode=race&corpus=ko-small&steps=40&seed=3&r=sgd:0.1,adam:0.003', 40);
  for (let k = 0; k < 2; k++) {
    assert.deepEqual(shown[k].ys, engine[k], `racer ${k}: the widget's losses are not the engine's`);
    assert.deepEqual(
      shown[k].xs,
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  }
  assert.deepEqual(
    shown.map((s) => s.label),
    ['SGD (lr 0.1)', 'Adam (lr 0.003)'],
  );

  // a longer run pauses when scrolled away and goes on when seen again
  await page.evaluate(() => document.querySelector('#race').setAttribute('steps', '2000'));
  await page.waitForFunction(() => document.querySelector('#race').dataset.running === 'true', null, {
    timeout: 30000,
  });
  await page.locator('#far').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#race').dataset.running === 'false');
  const stepText = () =>
    page.evaluate(() => document.querySelector('#race').shadowRoot.querySelector('[role=status]').textContent);
  const before = await stepText();
  await page.waitForTimeout(700);
  assert.equal(await stepText(), before, 'it trained while out of view');
  await page.locator('#race').scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (b) => document.querySelector('#race').shadowRoot.querySelector('[role=status]').textContent !== b,
    before,
  );
  // a bad racer list is a message in the widget
  await page.evaluate(() => document.querySelector('#race').setAttribute('optimizers', 'adam:-1'));
  await page.waitForSelector('#race[data-state="error"]');
  await page.waitForFunction(() => document.querySelector('#race').dataset.running === 'false');
  assert.match(
    await page.locator('#race').evaluate((w) => w.shadowRoot.querySelector('.error span').textContent),
    /optimizers 속성에는 “adam:-1” 값을 쓸 수 없어요/,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test("positional, activation, translate and fill-blank widgets show the engine's numbers; their bad input is a message", async () => {
  const { page, errors, context } = await openCourse(
    'more.html',
    `
    <tinyformer-positional id="pe" positions="16" width="32" dims="0,5"></tinyformer-positional>
    <tinyformer-activation id="act" functions="relu,gelu" from="-2" to="2"></tinyformer-activation>
    <tinyformer-translate id="tr" sentence="나는 밥을 먹었다" head="2"></tinyformer-translate>
    <tinyformer-fill-blank id="fb" sentence="나는 ___을 먹었다" top="3"></tinyformer-fill-blank>
    <tinyformer-embedding id="em" sentence="고양이는 고양이"></tinyformer-embedding>`,
    { width: 1280 },
  );
  for (const id of ['pe', 'act', 'tr', 'fb', 'em']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForSelector(`#${id}[data-state="ready"]`, { timeout: 30000 });
  }
  const shown = await page.evaluate(() => {
    const root = (id) => document.getElementById(id).shadowRoot;
    const pe = root('pe').querySelector('tf-heatmap').matrix;
    const waves = root('pe').querySelector('tf-line-chart').series;
    const act = root('act').querySelector('tf-line-chart').series;
    const tr = root('tr').querySelector('tf-heatmap').matrix;
    const fb = root('fb').querySelector('tf-bar-chart').data;
    const em = root('em').querySelector('tf-heatmap').matrix;
    return {
      em: { values: Array.from(em.values), cols: em.cols },
      pe: Array.from(pe.values),
      wave5: Array.from(waves[1].ys),
      act: act.map((s) => ({ xs: s.xs, ys: Array.from(s.ys) })),
      tr: { values: Array.from(tr.values), rows: tr.rowLabels, cols: tr.colLabels },
      trCaption: root('tr').querySelector('figcaption').textContent,
      fb: { labels: fb.labels, values: Array.from(fb.values) },
    };
  });
  // the embedding rows: the engine's, and the same row for the same token (고 at 0 and at 5)
  const emb = models['ko-char'].inspect('고양이는 고양이').tensor('embed.token');
  assert.deepEqual(shown.em.values, Array.from(emb.data));
  const C = shown.em.cols;
  assert.deepEqual(shown.em.values.slice(0, C), shown.em.values.slice(5 * C, 6 * C));
  const pe = tinyformer.positionalEncoding(16, 32);
  assert.deepEqual(shown.pe, Array.from(pe.data));
  assert.deepEqual(
    shown.wave5,
    Array.from({ length: 16 }, (_, t) => pe.data[t * 32 + 5]),
  );
  const xs = Float32Array.from(shown.act[0].xs);
  assert.deepEqual(shown.act[0].ys, Array.from(tinyformer.applyActivation('relu', xs)));
  assert.deepEqual(shown.act[1].ys, Array.from(tinyformer.applyActivation('gelu', xs)));
  const translator = tinyformer.loadTranslator(readFileSync(join(SITE, 'models', 'ko-en-word.safetensors')));
  const r = translator.translate('나는 밥을 먹었다');
  assert.deepEqual(
    shown.tr.values,
    Array.from(r.inspection.head(`dec.h${translator.config.n_decoder_layer - 1}.xattn.probs`, 1).data),
  );
  assert.equal(shown.tr.cols[0], '<bos>');
  assert.ok(shown.trCaption.includes(`“${r.text}”`), shown.trCaption);
  translator.dispose();
  const words = tinyformer.loadWordVectors(readFileSync(join(SITE, 'models', 'ko-words-cbow.safetensors')));
  const fill = words.fillBlank('나는 ___을 먹었다', 3);
  assert.deepEqual(
    shown.fb.labels,
    fill.guesses.map((g) => g.word),
  );
  assert.deepEqual(
    shown.fb.values,
    fill.guesses.map((g) => g.prob),
  );
  words.dispose();

  const bad = [
    ['pe', 'dims', '0,99', /dims 속성에는 “0,99” 값을 쓸 수 없어요/],
    ['act', 'functions', 'relu,softmax', /functions 속성에는/],
    ['act', 'to', '-3', /to 속성에는 “-3”/],
    ['tr', 'layer', '9', /layer 속성에는 “9”/],
    ['fb', 'sentence', '나는 밥을 먹었다', /빈칸이 없어요/],
    ['fb', 'sentence', '쀍 ___ 쀍', /모르는 단어가 있어요: 쀍\./],
  ];
  for (const [id, name, value, message] of bad) {
    await page.evaluate(([i, n, v]) => document.getElementById(i).setAttribute(n, v), [id, name, value]);
    await page.waitForSelector(`#${id}[data-state="error"]`);
    assert.match(
      await page.locator(`#${id}`).evaluate((w) => w.shadowRoot.querySelector('.error span').textContent),
      message,
    );
    await page.evaluate(([i, n]) => document.getElementById(i).removeAttribute(n), [id, name]);
    await page.waitForSelector(`#${id}[data-state="ready"]`);
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'embed-more-ko-1280.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
