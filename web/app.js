// The playground page: wires the engine (lib/tinyformer.js) to the views. Views only show what the
// engine computed; this file holds no model math — only which sentence, which model, which stage.
import { createTinyformer } from './lib/tinyformer.js';
import { applyI18n, errorMessage, locale, onLocaleChange, setLocale, t } from './i18n/index.js';
import { STAGES } from './stages.js';
import { WhatIf } from './whatif.js';
import { tokenLabels, el } from './components/labels.js';
import './components/tf-tokens.js';
import './components/tf-tensor-view.js';
import './components/stages/index.js';
import './components/tf-sagwa-lesson.js';

const $ = (id) => document.getElementById(id);
const TILES = {
  ko: ['나', '는', '밥', '을', '먹었다', '고양이', '귀엽다', '사과', '를', '의미로', '구매해서', '드렸다', ' ', '.'],
  en: ['I', 'the', 'cat', 'is', 'cute', 'ate', 'rice', 'an', 'apple', ' ', '.'],
};

const state = {
  tf: null, model: null, corpus: '', inspection: null, error: null,
  stage: 'inputs', layer: 0, status: { main: '…', worker: '…' },
  tokenizers: {},
};

function showMessage(text, kind = 'info') {
  const box = $('message');
  box.hidden = !text;
  box.textContent = text ?? '';
  box.classList.toggle('error', kind === 'error');
}

// ---- model ----------------------------------------------------------------------------------------

// The models the page offers: the shipped demo checkpoints (trained by scripts/make-demo-models.sh)
// and a fresh, untrained one, so the difference training makes can be seen.
const MODELS = {
  ko: { file: 'models/ko-char.safetensors', corpus: 'data/ko.txt', trained: true },
  en: { file: 'models/en-char.safetensors', corpus: 'data/en.txt', trained: true },
  fresh: { corpus: 'data/ko.txt', trained: false },
};

async function fetchBytes(path) {
  const response = await fetch(new URL(path, import.meta.url));
  if (!response.ok) throw Object.assign(new Error(`${path}: HTTP ${response.status}`), { code: 'fetch_failed' });
  return new Uint8Array(await response.arrayBuffer());
}

async function loadModel(key) {
  const spec = MODELS[key];
  const corpus = new TextDecoder().decode(await fetchBytes(spec.corpus));
  const model = spec.file
    ? state.tf.loadModel(await fetchBytes(spec.file))
    : state.tf.createModel({ n_layer: 2, n_head: 4, n_embd: 64, block_size: 64 }, { corpus, type: 'char', seed: 1 });
  setModel(model, { key, trained: spec.trained, name: t(`model.name.${key}`) }, corpus);
}

async function loadModelFile(file) {
  try {
    const model = state.tf.loadModel(new Uint8Array(await file.arrayBuffer()));
    let vocab;
    try {
      vocab = model.tokenizer.vocab.slice(4).join('');
    } catch (err) {
      model.dispose();
      throw err;
    }
    setModel(model, { key: 'file', trained: true, name: file.name }, vocab.length ? vocab : ' ');
  } catch (err) {
    showMessage(t('model.loadFailed', { name: file.name, message: errorMessage(err) }), 'error');
  }
}

/**
 * Switches to `model` atomically: everything the page needs for it (the tokenizers compared on its
 * corpus) is made first; if any of that fails, the new things are freed, the error is thrown and the
 * page stays on the model it had.
 */
function setModel(model, meta, corpus) {
  const tokenizers = {};
  try {
    for (const type of ['char', 'word', 'jamo']) tokenizers[type] = state.tf.createTokenizer(type, corpus);
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
  update();
  renderLesson();
}

// The 사과 lesson needs a model that knows the word's letters.
async function renderLesson() {
  const card = $('sagwa-card');
  const knows = state.model.tokenize('사과').every((tok) => !tok.unknown);
  card.hidden = !knows;
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
  select.replaceChildren(...[...Object.keys(MODELS), ...(state.modelMeta.key === 'file' ? ['file'] : [])].map((key) =>
    new Option(key === 'file' ? state.modelMeta.name : t(`model.name.${key}`), key)));
  select.value = state.modelMeta.key;
  $('model-name').textContent = state.modelMeta.key === 'file' ? state.modelMeta.name : '';
  $('model-badge').textContent = state.modelMeta.trained ? t('model.trained') : t('model.untrained');
  $('model-badge').className = `badge ${state.modelMeta.trained ? 'ok' : 'warn'}`;
  $('model-shape').textContent = t('model.shape', {
    layers: cfg.n_layer, heads: cfg.n_head, width: cfg.n_embd, vocab: cfg.vocab_size,
    params: state.model.info.num_parameters.toLocaleString(), positional: cfg.positional, norm: cfg.norm,
  });
}

// ---- sentence -------------------------------------------------------------------------------------

function renderTiles() {
  const box = $('tiles');
  const set = locale() === 'ko' ? TILES.ko : TILES.en;
  box.replaceChildren(...set.map((word) => {
    const b = el('button', 'chip tile', word === ' ' ? '␣' : word);
    b.type = 'button';
    b.addEventListener('click', () => {
      $('sentence').value += word;
      update();
    });
    return b;
  }));
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
      state.inspection = state.model.inspect(text);
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
}

// ---- pipeline -------------------------------------------------------------------------------------

function renderNav() {
  const nav = $('stage-nav');
  nav.replaceChildren(...STAGES.map((s, i) => {
    const li = el('li');
    const b = el('button', 'stage-button', `${i + 1}. ${t(`stage.${s.id}.short`)}`);
    b.type = 'button';
    b.dataset.stage = s.id;
    b.setAttribute('aria-current', String(s.id === state.stage));
    b.addEventListener('click', () => {
      state.stage = s.id;
      renderNav();
      renderStage();
    });
    li.append(b);
    return li;
  }));
}

function renderStage() {
  const stage = STAGES.find((s) => s.id === state.stage);
  $('stage-title').textContent = t(`stage.${stage.id}.title`);
  $('stage-explain').textContent = t(`stage.${stage.id}.explain`);
  const layerBox = $('layer-picker');
  layerBox.hidden = !stage.layered;
  if (stage.layered) {
    const select = $('layer');
    const L = state.model.config.n_layer;
    if (select.options.length !== L) {
      select.replaceChildren(...Array.from({ length: L }, (_, l) => new Option(t('stage.layerOption', { n: l + 1 }), String(l))));
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
    host.replaceChildren(view);
  }
  view.state = {
    tf: state.tf, model: state.model, inspection: state.inspection, text: $('sentence').value,
    layer: state.layer, tokens: state.inspection.tokens, labels: tokenLabels(state.inspection.tokens),
    whatif: state.whatif.forStage(stage.id, state.model, state.modelMeta.key, $('sentence').value),
  };
}

// ---- start ----------------------------------------------------------------------------------------

function renderStatus() {
  if (!state.tf) return;
  $('engine-status').textContent = t('engine.ready', { arch: state.tf.simdArch, ...state.status });
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
  renderTiles();
  renderNav();
  $('lang-toggle').addEventListener('click', () => setLocale(locale() === 'ko' ? 'en' : 'ko'));
  onLocaleChange(() => {
    applyI18n();
    renderTiles();
    renderNav();
    renderStatus();
    if (state.model) {
      if (state.modelMeta.key !== 'file') state.modelMeta.name = t(`model.name.${state.modelMeta.key}`);
      renderModelBar();
    }
    update();
  });
  $('sentence').addEventListener('input', update);
  $('model-select').addEventListener('change', (e) => {
    if (e.target.value !== 'file') {
      loadModel(e.target.value).catch((err) => {
        if (state.modelMeta) renderModelBar();   // the picker shows the model still in use
        showMessage(errorMessage(err), 'error');
      });
    }
  });
  $('model-file').addEventListener('change', (e) => {
    if (e.target.files[0]) loadModelFile(e.target.files[0]);
    e.target.value = '';
  });
  $('clear').addEventListener('click', () => { $('sentence').value = ''; update(); $('sentence').focus(); });
  // the "what if" switches (web/whatif.js): a stage view emits 'whatif' {setting, value}
  state.whatif = new WhatIf(fetchBytes, (bytes) => state.tf.loadModel(bytes), () => state.inspection && renderStage());
  $('stage-view').addEventListener('whatif', (e) => { state.whatif.choose(e.detail.setting, e.detail.value); renderStage(); });
  $('layer').addEventListener('change', (e) => { state.layer = Number(e.target.value); renderStage(); });
  document.querySelectorAll('.example').forEach((b) => b.addEventListener('click', () => {
    $('sentence').value = b.textContent;
    update();
  }));
  try {
    state.tf = await createTinyformer();
    await loadModel('ko');
  } catch (err) {
    $('engine-status').textContent = t('engine.failed', { message: err.message });
    showMessage(errorMessage(err), 'error');
    document.body.dataset.engine = 'failed';
    return;
  }
  state.status.main = state.tf.simdArch === 'wasm' ? '✓' : '✗';
  renderStatus();
  checkWorker();
  document.body.dataset.engine = 'ready';
}

// For tests and the curious: the engine and the state behind what is on screen.
globalThis.tinyformerApp = state;
main();
