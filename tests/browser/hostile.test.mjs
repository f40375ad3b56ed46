// Hostile input to the pages (issue 18, items 8 and 11): a model file whose vocabulary is too large to
// compare tokenizers on is refused whole (the page stays on its model), the attention lines view stays
// bounded on long sequences, an unknown ?lang= is ignored, a link cannot smuggle in more own text than
// the page writes, and a link asking for a context of 4096 and a batch of 256 gets a clear message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startBrowser } from './browser.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

test('a model file with an 8 MiB vocabulary is refused whole: the page stays on its model and says why', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  await page.waitForFunction(() => document.body.dataset.inspection === 'ok');
  const before = await page.evaluate(() => ({
    config: globalThis.tinyformerApp.model.config,
    key: document.body.dataset.model,
  }));
  // a word-level model whose 90,000 pieces join to ~9 MB (more than the engine takes as a corpus)
  await page.evaluate(() => {
    const app = globalThis.tinyformerApp;
    const vocab = app.model.tokenizer.vocab.slice(0, 4);
    for (let i = 0; i < 90000; i++) vocab.push(`w${String(i).padStart(6, '0')}${'가'.repeat(32)}`);
    const big = app.tinyformer.createModel(
      { n_layer: 1, n_head: 1, n_embd: 4, block_size: 8 },
      { tokenizer: { type: 'word', vocab } },
    );
    const bytes = big.save();
    big.dispose();
    const input = document.getElementById('model-file');
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'huge-vocab.safetensors'));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => !document.getElementById('message').hidden, null, { timeout: 60000 });
  const after = await page.evaluate(() => ({
    message: document.getElementById('message').textContent,
    config: globalThis.tinyformerApp.model.config, // throws if the page's model had been disposed
    key: document.body.dataset.model,
    select: document.getElementById('model-select').value,
    tokenizers: Object.values(globalThis.tinyformerApp.tokenizers).map((tok) => tok.disposed),
  }));
  assert.match(after.message, /huge-vocab\.safetensors/);
  assert.match(after.message, /너무 커요/); // text_too_large, in Korean
  assert.deepEqual(after.config, before.config);
  assert.equal(after.key, before.key);
  assert.equal(after.select, before.key);
  assert.deepEqual(after.tokenizers, [false, false, false]);
  // still usable
  await page.fill('#sentence', '고양이는 귀엽다');
  await page.waitForFunction(() => document.body.dataset.inspection === 'ok');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the attention lines view draws a bounded number of lines for a 1,500-token sequence', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl, { locale: 'en-US' });
  const drawn = await page.evaluate(async () => {
    await import('./components/tf-attention-lines.js');
    const T = 1500;
    const values = new Float32Array(T * T);
    for (let i = 0; i < T; i++) for (let j = 0; j <= i; j++) values[i * T + j] = 1 / (i + 1);
    const v = document.createElement('tf-attention-lines');
    document.body.append(v);
    v.weights = { values, size: T, tokens: Array.from({ length: T }, (_, i) => `t${i}`) };
    v.focus = { side: 'query', index: T - 1 };
    const root = v.shadowRoot;
    const out = {
      paths: root.querySelectorAll('path').length,
      buttons: root.querySelectorAll('button').length,
      note: root.querySelector('.note').textContent,
      noteHidden: root.querySelector('.note').hidden,
    };
    v.weights = { values: new Float32Array([1, 0, 0.4, 0.6]), size: 2, tokens: ['a', 'b'] };
    out.small = { paths: root.querySelectorAll('path').length, noteHidden: root.querySelector('.note').hidden };
    v.remove();
    return out;
  });
  assert.ok(drawn.paths > 0 && drawn.paths <= 4096, `${drawn.paths} lines`);
  assert.equal(drawn.buttons, 3000);
  assert.equal(drawn.noteHidden, false);
  assert.match(drawn.note, /1500 tokens.*only the 2 strongest/);
  assert.deepEqual(drawn.small, { paths: 3, noteHidden: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('?lang=__proto__ (or any unknown locale) is ignored', async () => {
  for (const lang of ['__proto__', 'constructor', 'toString', 'xx']) {
    const { page, errors, context } = await openPage(env.browser, `${env.baseUrl}?lang=${lang}`, { locale: 'ko-KR' });
    const shown = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.querySelector('[data-i18n]')?.textContent,
    }));
    assert.equal(shown.lang, 'ko', lang);
    assert.ok(shown.title && !shown.title.includes('.'), `translated text, got ${shown.title}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

/** Opens train.html#hash; resolves once training is set up (or refused). */
async function openTrain(hash, locale = 'ko-KR') {
  const context = await env.browser.newContext({ locale, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${env.baseUrl}train.html#${hash}`);
  await page.waitForSelector('body[data-engine="ready"]', { timeout: 30000 });
  await page.waitForSelector('body[data-train="ready"], body[data-train="error"]', { timeout: 60000 });
  return { page, errors, context };
}

test('the training page takes own text from a link only up to the 1,500 bytes it writes', async () => {
  const b64 = (text) => Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const fits = '나는 밥을 먹었다. 고양이는 귀엽다.\n'.repeat(20); // 920 bytes
  const long = '나는 밥을 먹었다. 고양이는 귀엽다.\n'.repeat(2000); // 92,000 bytes
  const tiny = 'mode=train&corpus=own&L=1&H=2&C=16&T=16&B=4';
  for (const [text, expected] of [
    [fits, fits],
    [long, ''],
  ]) {
    const { page, errors, context } = await openTrain(`${tiny}&text=${b64(text)}`);
    const settings = await page.evaluate(() => globalThis.tinyformerTrain.settings.text);
    assert.equal(settings, expected);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a link asking for context 4096 and batch 256 gets a clear message, and the page stays usable', async () => {
  const { page, errors, context } = await openTrain('mode=train&corpus=ko-small&L=1&H=2&C=16&T=4096&B=256');
  assert.equal(await page.evaluate(() => document.body.dataset.train), 'error');
  const code = await page.evaluate(() => document.querySelector('tf-train-dashboard')._problem?.error?.code);
  assert.ok(code && code !== 'internal', `refused with ${code}`);
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /internal|unexpected|예상하지 못한/i);
  // a sane link afterwards trains
  await page.evaluate(() => {
    location.hash = 'mode=train&corpus=ko-small&L=1&H=2&C=16&T=16&B=4';
  });
  await page.waitForSelector('body[data-train="ready"]', { timeout: 60000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('HTML in a sentence, in a model file’s name and in its vocabulary shows as text, never as markup', async () => {
  const { page, errors, context } = await openPage(env.browser, env.baseUrl);
  const attack = '<img src=x onerror="window.__pwned=1"><b>굵게</b>';
  await page.fill('#sentence', `고양이 ${attack}`);
  await page.waitForFunction(
    () => document.body.dataset.inspection === 'ok' || document.body.dataset.inspection === 'error',
  );
  // every stage renders the tokens of the sentence
  for (const stage of ['inputs', 'embedding', 'attention', 'softmax']) {
    await page.click(`[data-stage=${stage}]`);
    await page.waitForTimeout(200);
  }
  // a model file whose name and vocabulary carry HTML: a word model made in the page, saved, opened
  await page.evaluate((html) => {
    const app = globalThis.tinyformerApp;
    const vocab = [...app.model.tokenizer.vocab.slice(0, 4), html, '<script>window.__pwned=2</script>', '고양이'];
    const m = app.tinyformer.createModel(
      { n_layer: 1, n_head: 1, n_embd: 4, block_size: 8 },
      { tokenizer: { type: 'word', vocab } },
    );
    const bytes = m.save();
    m.dispose();
    const input = document.getElementById('model-file');
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], `${html}.safetensors`));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, attack);
  await page.waitForFunction(() => document.body.dataset.model === 'file');
  await page.fill('#sentence', attack);
  await page.waitForTimeout(500);
  const found = await page.evaluate(() => {
    const all = [];
    const walk = (root) =>
      root.querySelectorAll('*').forEach((el) => {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      });
    walk(document);
    return {
      pwned: globalThis.__pwned ?? null,
      imgs: all.filter((el) => el.tagName === 'IMG').length,
      bolds: all.filter((el) => el.tagName === 'B').length,
      name: document.getElementById('model-name').textContent,
    };
  });
  assert.equal(found.pwned, null);
  assert.equal(found.imgs, 0);
  assert.equal(found.bolds, 0);
  assert.match(found.name, /<img src=x/);
  assert.deepEqual(errors, []);
  await context.close();
});
