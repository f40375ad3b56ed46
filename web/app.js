// The playground page: wires the engine (lib/tinyformer.js) to the views. Views only show what the
// engine computed; this file holds no model math — only which sentence, which model, which stage.
import { createTinyformer } from './lib/tinyformer.js';
import { applyI18n, errorMessage, locale, onLocaleChange, setLocale, t } from './i18n/index.js';
import { STAGES } from './stages.js';
import { inspectFor, stageKey, viewState } from './controllers/stage-state.js';
import { WhatIf } from './whatif.js';
import { el } from './components/labels.js';
import './components/tf-tokens.js';
import './components/tf-tensor-view.js';
import './components/stages/index.js';
import './components/tf-sagwa-lesson.js';
import { roving } from './components/roving.js';

const $ = (id) => document.getElementById(id);
// What the learner can start from, per language of the model's text: example sentences (the first opens the
// page) and word tiles. Only those the loaded model's tokenizer reads without an unknown token are offered.
const SENTENCES = {
  ko: {
    examples: ['나는 밥을 먹었다', '밥을 나는 먹었다', '고양이는 귀엽다', '사과의 의미로 사과를 구매해서 드렸다'],
    tiles: [
      '나',
      '는',
      '밥',
      '을',
      '먹었다',
      '고양이',
      '귀엽다',
      '사과',
      '를',
      '의미로',
      '구매해서',
      '드렸다',
      ' ',
      '.',
    ],
  },
  en: {
    examples: [
      'I ate rice',
      'The cat is cute',
      'The cat sleeps in the room',
      'I bought apples and gave them as an apology',
    ],
    tiles: ['I', 'The', 'the', 'cat', 'is', 'cute', 'ate', 'rice', 'sleeps', 'in', 'room', 'apples', ' '],
  },
};

const state = {
  tinyformer: null,
  model: null,
  corpus: '',
  inspection: null,
  error: null,
  stage: 'inputs',
  layer: 0,
  head: 0,
  status: { main: '…', worker: '…' },
  tokenizers: {},
  explicitModel: false,
  urlTimer: 0,
  viewMemory: {}, // what each kind of stage view remembers (its picked token, toggles), by tag
};

/** The stage, layer and head a link names (?stage=attention&layer=2&head=3; layer and head from 1). */
function readViewFromUrl() {
  const p = new URLSearchParams(location.search);
  const whole = (name) => {
    const n = Number(p.get(name));
    return Number.isInteger(n) && n >= 1 && n <= 64 ? n - 1 : 0;
  };
  if (STAGES.some((s) => s.id === p.get('stage'))) state.stage = p.get('stage');
  state.layer = whole('layer'); // clamped to the model's layers when the stage is drawn
  state.head = whole('head');
}

function showMessage(text, kind = 'info') {
  const box = $('message');
  box.hidden = !text;
  box.textContent = text ?? '';
  box.classList.toggle('error', kind === 'error');
}

// ---- model ----------------------------------------------------------------------------------------

// The models the page offers: the shipped demo checkpoints (trained by scripts/make-demo-models.sh)
// and a fresh, untrained one, so the difference training makes can be seen.
// `lang` is the language of the model's text: it picks the example sentences and tiles.
const MODELS = {
  ko: { file: 'models/ko-char.safetensors', corpus: 'data/ko.txt', trained: true, lang: 'ko' },
  en: { file: 'models/en-char.safetensors', corpus: 'data/en.txt', trained: true, lang: 'en' },
  fresh: { corpus: 'data/ko.txt', trained: false, lang: 'ko' },
};
/** The demo model for the page's language, unless the URL names one (?model=ko|en|fresh). */
function startingModel() {
  const asked = new URLSearchParams(location.search).get('model');
  return Object.hasOwn(MODELS, asked)
    ? { key: asked, explicit: true }
    : { key: locale() === 'en' ? 'en' : 'ko', explicit: false };
}

async function fetchBytes(path) {
  const response = await fetch(new URL(path, import.meta.url));
  if (!response.ok) throw Object.assign(new Error(`${path}: HTTP ${response.status}`), { code: 'fetch_failed' });
  return new Uint8Array(await response.arrayBuffer());
}

/** Loads demo model `key`; the sentence box then holds `sentence` (by default what sentenceFor keeps). */
async function loadModel(key, sentence = sentenceFor(key)) {
  const spec = MODELS[key];
  const corpus = new TextDecoder().decode(await fetchBytes(spec.corpus));
  const model = spec.file
    ? state.tinyformer.loadModel(await fetchBytes(spec.file))
    : state.tinyformer.createModel(
        { n_layer: 2, n_head: 4, n_embd: 64, block_size: 64 },
        { corpus, type: 'char', seed: 1 },
      );
  setModel(model, { key, trained: spec.trained, name: t(`model.name.${key}`) }, corpus, sentence);
}

/** On a switch to model `key`, the learner's own text stays; an example (or nothing) becomes the model's first example. */
function sentenceFor(key) {
  const text = $('sentence').value;
  const example = !text || Object.values(SENTENCES).some((s) => s.examples.includes(text));
  return example ? defaultSentence(key) : text;
}

async function loadModelFile(file) {
  try {
    const model = state.tinyformer.loadModel(new Uint8Array(await file.arrayBuffer()));
    let vocab;
    try {
      vocab = model.tokenizer.vocab.slice(4).join('');
    } catch (err) {
      model.dispose();
      throw err;
    }
    setModel(model, { key: 'file', trained: true, name: file.name }, vocab.length ? vocab : ' ');
    state.explicitModel = true;
  } catch (err) {
    showMessage(t('model.loadFailed', { name: file.name, message: errorMessage(err) }), 'error');
  }
}

/**
 * Switches to `model` atomically: everything the page needs for it (the tokenizers compared on its
 * corpus) is made first; if any of that fails, the new things are freed, the error is thrown and the
 * page stays on the model it had. `sentence`, if given, replaces the sentence.
 */
function setModel(model, meta, corpus, sentence) {
  const tokenizers = {};
  try {
    for (const type of ['char', 'word', 'jamo']) tokenizers[type] = state.tinyformer.createTokenizer(type, corpus);
  } catch (err) {
    for (const tok of Object.values(tokenizers)) tok.dispose();
    model.dispose();
    throw err;
  }
  state.model?.dispose();
  state.model = model;
  state.modelMeta = meta;
  state.corpus = corpus;
  state.whatif.reset();
  document.body.dataset.model = meta.key;
  for (const tok of Object.values(state.tokenizers)) tok.dispose();
  state.tokenizers = tokenizers;
  renderModelBar();
  renderStarters();
  if (sentence !== undefined) $('sentence').value = sentence;
  update();
  renderLesson();
}

// The 사과 lesson needs a model that knows the word's letters.
async function renderLesson() {
  const card = $('sagwa-card');
  const knows = state.model.tokenize('사과').every((tok) => !tok.unknown);
  card.hidden = !knows;
  // a model that cannot read 사과 (the English one): the lesson is one click away, on the Korean model
  $('sagwa-offer').hidden = knows;
  if (!knows) return;
  state.lesson ??= await (await fetch(new URL('./data/sagwa-lesson.json', import.meta.url))).json();
  const view = $('sagwa');
  view.lesson = state.lesson;
  view.trained = state.modelMeta.trained;
  view.model = state.model;
}

function renderModelBar() {
  const cfg = state.model.config;
  const select = $('model-select');
  select.replaceChildren(
    ...[...Object.keys(MODELS), ...(state.modelMeta.key === 'file' ? ['file'] : [])].map(
      (key) => new Option(key === 'file' ? state.modelMeta.name : t(`model.name.${key}`), key),
    ),
  );
  select.value = state.modelMeta.key;
  $('model-name').textContent = state.modelMeta.key === 'file' ? state.modelMeta.name : '';
  $('model-badge').textContent = state.modelMeta.trained ? t('model.trained') : t('model.untrained');
  $('model-badge').className = `badge ${state.modelMeta.trained ? 'ok' : 'warn'}`;
  $('model-shape').textContent = t('model.shape', {
    layers: cfg.n_layer,
    heads: cfg.n_head,
    width: cfg.n_embd,
    vocab: cfg.vocab_size,
    params: state.model.info.num_parameters.toLocaleString(),
    positional: setting('positional', cfg.positional),
    norm: setting('norm', cfg.norm),
    activation: setting('activation', cfg.activation),
  });
}

/** A config value in the learner's language (model.positional.learned → 학습된 위치 벡터); unknown values as written. */
function setting(name, value) {
  const key = `model.${name}.${value}`;
  const text = t(key);
  return text === key ? String(value) : text;
}

// ---- sentence -------------------------------------------------------------------------------------

/** What `text` the loaded model reads with no unknown token (the engine's tokenizer decides). */
const known = (text) => state.model.tokenize(text).every((tok) => !tok.unknown);

/**
 * The example sentences and word tiles for the loaded model: those of its language (for a file, of either
 * language) that it reads without an unknown token; a model that knows none of those words gets tiles from
 * its own vocabulary. Each group is one Tab stop (arrow keys inside).
 */
function renderStarters() {
  const langs = MODELS[state.modelMeta.key] ? [MODELS[state.modelMeta.key].lang] : ['ko', 'en'];
  const pick = (field) => langs.flatMap((lang) => SENTENCES[lang][field]).filter(known);
  let tiles = pick('tiles');
  if (!tiles.some((w) => w.trim())) tiles = state.model.tokenizer.vocab.slice(4, 20).filter(known); // after <pad> <bos> <eos> <unk>
  const button = (cls, text, label, onClick) => {
    const b = el('button', cls, text);
    b.type = 'button';
    if (label) b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  };
  $('examples').replaceChildren(
    ...pick('examples').map((text) =>
      button('chip example', text, null, () => {
        $('sentence').value = text;
        update();
      }),
    ),
  );
  $('tiles').replaceChildren(
    ...tiles.map((word) =>
      button('chip tile', word === ' ' ? '␣' : word, word === ' ' ? t('sentence.space') : null, () => {
        $('sentence').value += word;
        update();
      }),
    ),
  );
  roving($('examples'), 'button');
  roving($('tiles'), 'button');
}

/** The sentence demo model `key` opens on: the first example of its language. */
function defaultSentence(key) {
  return SENTENCES[MODELS[key].lang].examples[0];
}

/** Keeps the learner's explicit model choice and a sentence of their own in the URL, so a link reopens them. */
function writeUrl() {
  const url = new URL(location.href);
  const key = state.modelMeta?.key;
  if (state.explicitModel && MODELS[key]) url.searchParams.set('model', key);
  else url.searchParams.delete('model');
  const text = $('sentence').value;
  if (MODELS[key] && text !== defaultSentence(key)) url.searchParams.set('text', text);
  else url.searchParams.delete('text');
  // where the learner is: the stage, its layer and (attention) head; the first of each is left out
  const stage = STAGES.find((s) => s.id === state.stage);
  const put = (name, value, keep) => (keep ? url.searchParams.set(name, String(value)) : url.searchParams.delete(name));
  put('stage', state.stage, state.stage !== STAGES[0].id);
  put('layer', state.layer + 1, stage.layered && state.layer > 0);
  put('head', state.head + 1, stage.id === 'attention' && state.head > 0);
  if (url.href !== location.href) history.replaceState(null, '', url);
}

function renderTokenizerCompare(text) {
  const rows = ['char', 'word', 'jamo'].map((type) => {
    const row = el('div', 'compare-row');
    row.append(el('span', 'compare-name', t(`tokenizer.${type}`)));
    const strip = document.createElement('tf-tokens');
    strip.setAttribute('compact', '');
    const tokens = state.tokenizers[type].tokenize(text);
    strip.tokens = tokens;
    row.append(strip, el('span', 'compare-count', t('tokens.count', { n: tokens.length })));
    return row;
  });
  $('tokenizer-compare').replaceChildren(...rows);
}

const currentStage = () => STAGES.find((s) => s.id === state.stage);

/** The watch page's side of a stage's controller (web/controllers/stage-state.js). */
function stageEnv(stage, text = $('sentence').value) {
  return {
    tinyformer: state.tinyformer,
    model: state.model,
    inspection: state.inspection,
    text,
    layer: state.layer,
    memory: (state.viewMemory[stage.tag] ??= {}),
    trained: state.modelMeta.trained,
  };
}

/** Re-runs the model on the sentence; any engine error becomes a message, never a crash. */
export function update() {
  if (!state.model) return;
  const text = $('sentence').value;
  state.error = null;
  try {
    if (text.length === 0) {
      state.inspection = null;
      showMessage(t('msg.empty'));
    } else {
      state.inspection = inspectFor(currentStage(), stageEnv(currentStage(), text));
      showMessage(null);
      const unknown = state.inspection.tokens.filter((tok) => tok.unknown).length;
      if (unknown) showMessage(t('msg.unknown', { n: unknown }));
    }
  } catch (err) {
    state.inspection = null;
    state.error = err;
    const max = state.model.config.block_size;
    showMessage(err.code === 'too_long' ? t('msg.tooLong', { n: err.detail, max }) : errorMessage(err), 'error');
  }
  const ok = Boolean(state.inspection);
  $('tokens').tokens = ok ? state.inspection.tokens : [];
  $('token-count').textContent = ok ? t('tokens.count', { n: state.inspection.tokens.length }) : '';
  if (ok) renderTokenizerCompare(text);
  $('pipeline').hidden = !ok;
  document.body.dataset.inspection = ok ? 'ok' : 'none';
  if (ok) renderStage();
  clearTimeout(state.urlTimer); // the URL follows the sentence once the learner pauses typing
  state.urlTimer = setTimeout(writeUrl, 300);
}

// ---- pipeline -------------------------------------------------------------------------------------

function renderNav() {
  const nav = $('stage-nav');
  nav.replaceChildren(
    ...STAGES.map((s, i) => {
      const li = el('li');
      const b = el('button', 'stage-button', `${i + 1}. ${t(`stage.${s.id}.short`)}`);
      b.type = 'button';
      b.dataset.stage = s.id;
      b.setAttribute('aria-current', String(s.id === state.stage));
      b.addEventListener('click', () => {
        state.stage = s.id;
        renderNav();
        renderStage();
        writeUrl();
      });
      li.append(b);
      return li;
    }),
  );
}

function renderStage() {
  const stage = currentStage();
  $('stage-title').textContent = t(`stage.${stage.id}.title`);
  $('stage-explain').textContent = t(`stage.${stage.id}.explain`);
  const layerBox = $('layer-picker');
  layerBox.hidden = !stage.layered;
  if (stage.layered) {
    const select = $('layer');
    const L = state.model.config.n_layer;
    if (select.options.length !== L) {
      select.replaceChildren(
        ...Array.from({ length: L }, (_, l) => new Option(t('stage.layerOption', { n: l + 1 }), String(l))),
      );
    }
    state.layer = Math.min(state.layer, L - 1);
    select.value = String(state.layer);
  }
  const host = $('stage-view');
  let view = host.firstElementChild;
  if (!view || view.localName !== stage.tag || view.dataset.which !== String(stage.which ?? '')) {
    view = document.createElement(stage.tag);
    view.dataset.which = String(stage.which ?? '');
    if (stage.which) view.setAttribute('which', String(stage.which));
    if ('head' in view) view.head = state.head; // the attention view opens on the head the URL names
    host.replaceChildren(view);
  }
  const env = stageEnv(stage);
  env.whatif = state.whatif.forStage(stage.id, state.model, state.modelMeta.key, env.text);
  if (state.inspection.stageKey !== stageKey(stage, state.layer))
    state.inspection = env.inspection = inspectFor(stage, env);
  view.state = viewState(stage, env);
}

// ---- start ----------------------------------------------------------------------------------------

function renderStatus() {
  if (!state.tinyformer) return;
  $('engine-status').textContent = t('engine.ready', { arch: state.tinyformer.simdArch, ...state.status });
}

function checkWorker() {
  const worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
  const done = (ok) => {
    state.status.worker = ok ? '✓' : '✗';
    document.body.dataset.worker = ok ? 'ok' : 'failed';
    renderStatus();
    worker.terminate();
  };
  worker.onmessage = (e) => done(e.data.type === 'pong' && e.data.simdArch === 'wasm');
  worker.onerror = () => done(false);
  worker.postMessage({ type: 'ping', id: 1, T: 3, C: 8 });
}

async function main() {
  document.documentElement.lang = locale();
  applyI18n();
  readViewFromUrl();
  renderNav();
  $('lang-toggle').addEventListener('click', () => setLocale(locale() === 'ko' ? 'en' : 'ko'));
  onLocaleChange((lang) => {
    applyI18n();
    renderNav();
    renderStatus();
    if (!state.model) return;
    if (state.modelMeta.key !== 'file') state.modelMeta.name = t(`model.name.${state.modelMeta.key}`);
    renderModelBar();
    renderStarters();
    update();
    // Until the learner picks a model, the page follows its language: the English page shows the English model.
    if (!state.explicitModel && MODELS[state.modelMeta.key]?.lang !== lang && Object.hasOwn(MODELS, lang)) {
      loadModel(lang).catch((err) => showMessage(errorMessage(err), 'error'));
    }
  });
  $('sentence').addEventListener('input', update);
  $('model-select').addEventListener('change', (e) => {
    if (e.target.value !== 'file') {
      state.explicitModel = true;
      loadModel(e.target.value).catch((err) => {
        if (state.modelMeta) renderModelBar(); // the picker shows the model still in use
        showMessage(errorMessage(err), 'error');
      });
    }
  });
  $('sagwa-switch').addEventListener('click', async () => {
    state.explicitModel = true;
    try {
      await loadModel('ko');
      $('sagwa-card').scrollIntoView({ block: 'start' });
      $('sagwa-card').querySelector('tf-sagwa-lesson')?.focus?.();
    } catch (err) {
      showMessage(errorMessage(err), 'error');
    }
  });
  $('model-file').addEventListener('change', (e) => {
    if (e.target.files[0]) loadModelFile(e.target.files[0]);
    e.target.value = '';
  });
  $('clear').addEventListener('click', () => {
    $('sentence').value = '';
    update();
    $('sentence').focus();
  });
  // the "what if" switches (web/whatif.js): a stage view emits 'whatif' {setting, value}
  state.whatif = new WhatIf(
    fetchBytes,
    (bytes) => state.tinyformer.loadModel(bytes),
    () => state.inspection && renderStage(),
  );
  $('stage-view').addEventListener('whatif', (e) => {
    state.whatif.choose(e.detail.setting, e.detail.value);
    renderStage();
  });
  $('layer').addEventListener('change', (e) => {
    state.layer = Number(e.target.value);
    renderStage();
    writeUrl();
  });
  $('stage-view').addEventListener('stage-request', () => state.inspection && renderStage());
  $('stage-view').addEventListener('head-change', (e) => {
    state.head = e.detail.head;
    writeUrl();
  });
  try {
    state.tinyformer = await createTinyformer();
    const start = startingModel();
    state.explicitModel = start.explicit;
    await loadModel(start.key, new URLSearchParams(location.search).get('text') ?? defaultSentence(start.key));
  } catch (err) {
    $('engine-status').textContent = t('engine.failed', { message: err.message });
    showMessage(errorMessage(err), 'error');
    document.body.dataset.engine = 'failed';
    return;
  }
  state.status.main = state.tinyformer.simdArch === 'wasm' ? '✓' : '✗';
  renderStatus();
  checkWorker();
  document.body.dataset.engine = 'ready';
}

// For tests and the curious: the engine and the state behind what is on screen.
globalThis.tinyformerApp = state;
main();
