// The guided tour (tour.html, <tinyformer-tour>): walked from the first chapter to the last by keyboard only, in
// Korean and in English. In every chapter the highlighted element exists and is visible under the ring, the
// question opens only after the one thing to try, and the revealed answer equals what the page's engine computes
// here for the model on screen (computed again in the test, from the widgets' attributes). Each chapter's URL
// opens that chapter; &minimal hides the progress bar; the last chapter is resumed; blocked storage is no error.
// Screenshots of every chapter at 1280 and 390 px in both languages: build/screenshots/tour-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, SCREENSHOTS, startBrowser } from './browser.mjs';

const CHAPTERS = [
  'tokens',
  'embedding',
  'positional',
  'attention',
  'qkv',
  'addnorm',
  'ffn',
  'output',
  'forcing',
  'cross',
  'cbow',
  'race',
  'sagwa',
];
// the inputs the tour's questions are about (the answers are computed below, never written here)
const INPUTS = {
  ko: {
    model: 'ko-char',
    count: '사과를 샀다',
    probe: '고',
    order: ['나는 밥을 먹었다', '밥을 나는 먹었다'],
    word: '밥',
  },
  en: { model: 'en-char', count: 'my dog ran', probe: 'a', order: ['the cat is cute', 'is the cat cute'], word: 'c' },
};

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

/** The element that has focus, looked up through open shadow roots, described for the test. */
function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a
      ? {
          tag: a.tagName.toLowerCase(),
          cls: a.className,
          text: a.textContent.trim().slice(0, 60),
          pressed: a.getAttribute('aria-pressed'),
          choice: a.dataset.choice ?? null,
          layer: a.dataset.layer ?? null,
          tryChip: a.hasAttribute('data-try'),
          inWidget: a.getRootNode() !== document,
        }
      : null;
  });
}

/** Presses Tab until the focused element satisfies `want` (at most `max` presses). */
async function tabTo(page, want, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && want(f)) return f;
  }
  throw new Error('Tab never reached the element');
}

/** What the engine says the chapter's answer is, computed in the page through its own engine and models. */
function expectedAnswer(page, id, lang) {
  return page.evaluate(
    async ({ id, inputs }) => {
      const { engine, model, siteJson } = await import(new URL('widgets/store.js', location.href).href);
      const tinyformer = await engine();
      const main = document.querySelector('tinyformer-tour [role=region]');
      const attr = (k) => main.getAttribute(k);
      const argmax = (xs) => xs.reduce((best, x, i) => (x > xs[best] ? i : best), 0);
      const row = (t, r) => Array.from(t.data.subarray(r * t.shape.at(-1), (r + 1) * t.shape.at(-1)));
      switch (id) {
        case 'tokens':
          return String((await model(inputs.model)).tokenize(inputs.count).length);
        case 'embedding': {
          const m = await model(inputs.model);
          return String(m.nearestTokens(m.tokenize(inputs.probe)[0].id, 1)[0].id);
        }
        case 'positional': {
          const m = await model(inputs.model);
          const rows = inputs.order.map((s) => {
            const run = m.inspect(s);
            return row(
              run.tensor('embed.sum'),
              run.tokens.findIndex((t) => t.text === inputs.word),
            );
          });
          return rows[0].every((v, i) => v === rows[1][i]) ? 'same' : 'different';
        }
        case 'attention': {
          const run = (await model(attr('model'))).inspect(attr('sentence'));
          const layer = Number(attr('layer')) - 1;
          const map =
            attr('head') === 'mean'
              ? tinyformer.headMean(run.tensor(`h${layer}.attn.probs`))
              : run.attention(layer, Number(attr('head')) - 1);
          return String(argmax(row(map, run.tokens.length - 1)));
        }
        case 'qkv': {
          // the softmax weights keep the order of the scaled scores: the likeliest key is the highest-scored one
          const run = (await model(attr('model'))).inspect(attr('sentence'));
          const q = Number(attr('token')) - 1;
          return String(
            argmax(row(run.attention(Number(attr('layer')) - 1, Number(attr('head')) - 1), q).slice(0, q + 1)),
          );
        }
        case 'addnorm': {
          const m = await model(attr('model'));
          const run = m.inspect(attr('sentence'));
          const r = Number(attr('token')) - 1;
          const norm = m.config.norm === 'pre' ? 'h0.ln_2' : 'h0.ln_1';
          const v = (name) => tinyformer.layerNormTerms(row(run.tensor(name), r), 0).variance;
          return v('h0.residual_1') > v(norm) ? 'before' : 'after';
        }
        case 'ffn':
          return ['relu', 'gelu', 'sigmoid'].filter((k) => tinyformer.applyActivation(k, [-1])[0] < 0).join(',');
        case 'output': {
          const probs = (await model(attr('model'))).nextTokenProbs(attr('sentence'), {
            temperature: Number(attr('temperature')),
          });
          return String(argmax(Array.from(probs)));
        }
        case 'forcing':
          return (await model('ko-en-word')).compareDecoding(attr('sentence'), attr('reference')).firstMistake === -1
            ? 'yes'
            : 'no';
        case 'cross': {
          const r = (await model('ko-en-word')).translate(attr('sentence'));
          return String(
            argmax(row(tinyformer.headMean(r.inspection.tensor(`dec.h${Number(attr('layer')) - 1}.xattn.probs`)), 0)),
          );
        }
        case 'cbow':
          return String((await model('ko-words-cbow')).fillBlank(attr('sentence'), 1).guesses[0].id);
        case 'race': {
          // the engine's losses the race drew, at its last step
          const last = main.shadowRoot.querySelector('tf-line-chart').series.map((s) => s.ys[s.ys.length - 1]);
          return String(last.indexOf(Math.min(...last)));
        }
        case 'sagwa': {
          const lesson = await siteJson('data/sagwa-lesson.json');
          const c = tinyformer.compareSenses(
            await model('ko-char'),
            lesson.sentences.map((s) => s.text),
            lesson.word,
            lesson.sentences.map((s) => s.senses),
          );
          const g = c.layerGroups.at(-1);
          return g.within > g.across ? 'yes' : 'no';
        }
        default:
          throw new Error(`no expectation for ${id}`);
      }
    },
    { id, inputs: INPUTS[lang] },
  );
}

/** The highlighted element: exists, has a size, sits inside the visible ring, and carries the widget's label. */
async function checkHighlight(page, id) {
  await page.waitForFunction(
    () => {
      const ring = document.querySelector('tinyformer-tour .tft-ring');
      return ring && !ring.hidden && ring.getBoundingClientRect().width > 0;
    },
    null,
    { timeout: 30000 },
  );
  const h = await page.evaluate(() => {
    const main = document.querySelector('tinyformer-tour [role=region]');
    const target =
      main.shadowRoot.querySelector('[data-tour-highlight]') ??
      main.shadowRoot.querySelector('tf-sagwa-lesson')?.querySelector('[data-tour-highlight]');
    const ring = document.querySelector('tinyformer-tour .tft-ring').getBoundingClientRect();
    const r = target?.getBoundingClientRect();
    const style = target && getComputedStyle(target);
    return {
      found: !!target,
      w: r?.width ?? 0,
      h: r?.height ?? 0,
      visible: style?.visibility !== 'hidden' && style?.display !== 'none',
      inside: r && r.top >= ring.top - 1 && r.bottom <= ring.bottom + 1 && r.left >= ring.left - 1,
      label: main.getAttribute('aria-label'),
      described: document.getElementById(main.getAttribute('aria-describedby'))?.textContent ?? '',
    };
  });
  assert.ok(h.found, `${id}: the highlighted element exists`);
  assert.ok(h.w > 0 && h.h > 0 && h.visible, `${id}: the highlighted element is visible (${h.w}×${h.h})`);
  assert.ok(h.inside, `${id}: the ring goes round the highlighted element`);
  assert.ok(
    h.label.length > 5 && h.described.length > 10,
    `${id}: the highlighted widget has a label and a description`,
  );
}

for (const lang of ['ko', 'en']) {
  test(
    `the whole tour by keyboard in ${lang}: highlights, try, answers from the engine`,
    { timeout: 600000 },
    async () => {
      const { page, errors, context } = await openPage(
        env.browser,
        `${env.baseUrl}tour.html?lang=${lang}#tour=tokens`,
        { locale: lang === 'ko' ? 'ko-KR' : 'en-US', width: 1280, height: 900 },
      );
      await page.emulateMedia({ reducedMotion: 'reduce' });
      for (let i = 0; i < CHAPTERS.length; i++) {
        const id = CHAPTERS[i];
        await page.waitForFunction((id) => document.querySelector('tinyformer-tour').dataset.chapter === id, id);
        console.log(`# ${lang} ${id}`);
        assert.equal(new URL(page.url()).hash, `#tour=${id}`);
        const heading = await focused(page);
        assert.equal(heading.tag, 'h2', `${id}: focus is on the chapter's heading`);
        assert.match(heading.text, new RegExp(`^${i + 1}\\. `));
        await page.waitForFunction(
          () => document.querySelector('tinyformer-tour [role=region]')?.dataset.state === 'ready',
          null,
          { timeout: 30000 },
        );
        await checkHighlight(page, id);
        assert.equal(
          await page.evaluate(
            () => getComputedStyle(document.querySelector('tinyformer-tour .tft-ring')).animationName,
          ),
          'none',
          `${id}: reduced motion: the ring does not pulse`,
        );
        assert.equal(
          await page.evaluate(() => document.querySelectorAll('tinyformer-tour .tft-choice').length),
          0,
          `${id}: no question before the try`,
        );

        // the one thing to try: a chip, or (race, 사과) the widget's own button reached through "go to the highlighted part"
        const chips = await page.evaluate(() => document.querySelectorAll('tinyformer-tour [data-try]').length);
        if (chips > 0) {
          await tabTo(page, (f) => f.tryChip && f.pressed === 'false');
        } else {
          await tabTo(page, (f) => f.cls.includes('tft-goto'));
          await page.keyboard.press('Enter');
          const inside = await focused(page);
          assert.ok(
            inside.inWidget && inside.tag === 'button',
            `${id}: focus moved to the highlighted control (${JSON.stringify(inside)})`,
          );
        }
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelector('tinyformer-tour').dataset.phase === 'ask', null, {
          timeout: 60000,
        });

        // predict: the first choice; the reveal says what the engine computed
        await tabTo(page, (f) => f.choice !== null);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelector('tinyformer-tour').dataset.phase === 'revealed', null, {
          timeout: 240000,
        });
        const shown = await page.evaluate(() => {
          const r = document.querySelector('tinyformer-tour .tft-reveal');
          return {
            answer: r.dataset.answer,
            text: r.textContent,
            live: r.getAttribute('aria-live'),
            takeaway: document.querySelector('tinyformer-tour .tft-takeaway').textContent,
            question: document.querySelector('tinyformer-tour .tft-question').textContent,
          };
        });
        assert.equal(shown.answer, await expectedAnswer(page, id, lang), `${id}: the revealed answer is the engine's`);
        assert.equal(shown.live, 'polite');
        assert.ok(
          shown.text.length > 10 && shown.takeaway.length > 10 && !/\{\w+\}/.test(shown.text + shown.question),
          `${id}: reveal filled`,
        );
        if (lang === 'ko') assert.match(shown.question, /[가-힣]/);
        else
          assert.doesNotMatch(
            shown.question.replace(/[「“][^」”]*[」”]|사과/g, ''),
            /[가-힣]{3,}/,
            `${id}: English question`,
          );
        await page.screenshot({
          path: join(SCREENSHOTS, `tour-${lang}-${String(i + 1).padStart(2, '0')}-${id}-1280.png`),
          fullPage: true,
        });
        if (i < CHAPTERS.length - 1) await page.keyboard.press('ArrowRight');
      }
      // ← goes back one chapter, focus on its heading
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => document.querySelector('tinyformer-tour').dataset.chapter === 'race');
      assert.equal((await focused(page)).tag, 'h2');
      assert.deepEqual(errors, []);
      await context.close();
    },
  );

  test(`every chapter's URL opens that chapter at 390 px in ${lang}`, { timeout: 300000 }, async () => {
    const context = await env.browser.newContext({
      locale: lang === 'ko' ? 'ko-KR' : 'en-US',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    for (let i = 0; i < CHAPTERS.length; i++) {
      const id = CHAPTERS[i];
      await page.goto(`${env.baseUrl}tour.html?lang=${lang}&n=${i}#tour=${id}`);
      await page.waitForFunction((id) => document.querySelector('tinyformer-tour')?.dataset.chapter === id, id);
      // on a phone the widgets sit under the card: the learner scrolls down to them (they start when seen)
      await page.locator('tinyformer-tour [role=region]').scrollIntoViewIfNeeded();
      await page.waitForFunction(
        () => document.querySelector('tinyformer-tour [role=region]')?.dataset.state === 'ready',
        null,
        { timeout: 30000 },
      );
      await checkHighlight(page, id);
      assert.equal(
        await page.evaluate(() => getComputedStyle(document.querySelector('tinyformer-tour .tft-ring')).animationName),
        'tft-pulse',
      );
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 392, `${id}: nothing wider than the phone (${wide} px)`);
      await page.screenshot({
        path: join(SCREENSHOTS, `tour-${lang}-${String(i + 1).padStart(2, '0')}-${id}-390.png`),
        fullPage: true,
      });
    }
    // resume: the page without a chapter in its URL opens where the learner left off
    await page.goto(`${env.baseUrl}tour.html?lang=${lang}`);
    await page.waitForFunction(() => document.querySelector('tinyformer-tour')?.dataset.chapter === 'sagwa');
    assert.equal(new URL(page.url()).hash, '#tour=sagwa');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('&minimal hides the progress bar and previous / next; an unknown chapter says so; blocked storage is no error', async () => {
  const { page, errors, context } = await openPage(
    env.browser,
    `${env.baseUrl}tour.html?lang=en#tour=attention&minimal`,
    { locale: 'en-US' },
  );
  await page.waitForFunction(() => document.querySelector('tinyformer-tour').dataset.chapter === 'attention');
  const hidden = await page.evaluate(() =>
    ['.tft-progress', '.tft-steps'].map(
      (s) => getComputedStyle(document.querySelector(`tinyformer-tour ${s}`)).display,
    ),
  );
  assert.deepEqual(hidden, ['none', 'none']);
  await page.evaluate(() => {
    location.hash = 'tour=nonsense';
  });
  await page.waitForFunction(() => !document.getElementById('tour-message').hidden);
  assert.match(await page.textContent('#tour-message'), /nonsense/);
  assert.equal(await page.evaluate(() => document.querySelector('tinyformer-tour').dataset.chapter), 'tokens');
  assert.notEqual(
    await page.evaluate(() => getComputedStyle(document.querySelector('tinyformer-tour .tft-progress')).display),
    'none',
  );
  // the language switch relabels the chapter and rebuilds its widgets in the other language
  await page.click('#lang-toggle');
  await page.waitForFunction(() => /^1\. 문장/.test(document.querySelector('tinyformer-tour .tft-title').textContent));
  await page.waitForFunction(
    () => document.querySelector('tinyformer-tour [role=region]')?.getAttribute('lang') === 'ko',
  );
  await context.close();
  assert.deepEqual(errors, []);

  // the element alone, as a course page or the embed view holds it: one chapter, minimal, in English
  const {
    page: alone,
    errors: aloneErrors,
    context: c3,
  } = await openPage(env.browser, `${env.baseUrl}tour.html?lang=en`, { locale: 'en-US' });
  await alone.evaluate(async () => {
    const { TinyformerTour } = await import(new URL('tour/tinyformer-tour.js', location.href).href);
    const el = document.createElement(TinyformerTour.spec.tag);
    el.setAttribute('chapter', 'cross');
    el.setAttribute('minimal', '');
    el.setAttribute('lang', 'en');
    document.body.replaceChildren(el);
  });
  await alone.waitForFunction(
    () => document.querySelector('tinyformer-tour [role=region]')?.dataset.state === 'ready',
    null,
    { timeout: 30000 },
  );
  assert.equal(await alone.evaluate(() => document.querySelector('tinyformer-tour').dataset.chapter), 'cross');
  assert.match(await alone.textContent('tinyformer-tour .tft-title'), /Cross-attention/);
  await checkHighlight(alone, 'cross (alone)');
  assert.deepEqual(aloneErrors, []);
  await c3.close();

  const blocked = await env.browser.newContext({ locale: 'ko-KR' });
  await blocked.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  const p2 = await blocked.newPage();
  const errors2 = [];
  p2.on('pageerror', (err) => errors2.push(String(err)));
  p2.on('console', (msg) => {
    if (msg.type() === 'error') errors2.push(msg.text());
  });
  await p2.goto(`${env.baseUrl}tour.html`);
  await p2.waitForFunction(() => document.querySelector('tinyformer-tour')?.dataset.chapter === 'tokens');
  await p2.keyboard.press('ArrowRight');
  await p2.waitForFunction(() => document.querySelector('tinyformer-tour').dataset.chapter === 'embedding');
  assert.deepEqual(errors2, []);
  await blocked.close();
});

test("the tour's strings: the same keys and placeholders in both languages, no Korean particle right after a value", async () => {
  const ko = (await import('../../web/i18n/tour.ko.js')).default;
  const en = (await import('../../web/i18n/tour.en.js')).default;
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  const holes = (s) => (s.match(/\{\w+\}/g) ?? []).sort();
  for (const key of Object.keys(ko)) {
    assert.deepEqual(holes(ko[key]), holes(en[key]), key);
    // a particle after {value} (or after its closing quote) would need the value's final consonant
    assert.doesNotMatch(ko[key], /\}[」”"')]?(을|를|이|가|은|는|과|와|로|예요)/, key);
  }
  // every chapter has its seven strings in both languages
  for (const id of CHAPTERS) {
    for (const part of ['title', 'look', 'highlight', 'try', 'question', 'reveal', 'takeaway']) {
      assert.ok(ko[`tour.ch.${id}.${part}`] && en[`tour.ch.${id}.${part}`], `${id}.${part}`);
    }
  }
});
