// The playground page: wires the engine (lib/tinyformer.js) to the views. Views only show what the
// engine computed; this file holds no model math.
import { createTinyformer } from './lib/tinyformer.js';
import { applyI18n, errorMessage, locale, onLocaleChange, setLocale, t } from './i18n/index.js';
import './components/tf-heatmap.js';

export const MAX_CHARS = 128;

const $ = (id) => document.getElementById(id);
const state = { tf: null, status: { main: '…', worker: '…' }, lastError: null };

function showMessage(text, kind = 'info') {
  const el = $('message');
  el.hidden = !text;
  el.textContent = text ?? '';
  el.classList.toggle('error', kind === 'error');
}

function renderTokens(chars) {
  const list = $('tokens');
  list.replaceChildren(...chars.map((ch, pos) => {
    const li = document.createElement('li');
    const piece = document.createElement('span');
    piece.className = 'piece';
    piece.textContent = ch === ' ' ? '␣' : ch;   // textContent: user text is never parsed as HTML
    const index = document.createElement('span');
    index.className = 'pos';
    index.textContent = String(pos);
    li.append(piece, index);
    return li;
  }));
  $('token-count').textContent = t('tokens.count', { n: chars.length });
}

function renderPositional(chars) {
  const C = Number($('pe-width').value);
  const pe = state.tf.positionalEncoding(chars.length, C);
  const heatmap = $('pe-heatmap');
  heatmap.setAttribute('row-title', t('pe.rows'));
  heatmap.setAttribute('col-title', t('pe.cols'));
  heatmap.matrix = {
    values: pe.data, rows: pe.shape[0], cols: pe.shape[1],
    rowLabels: chars.map((ch, pos) => `${pos} ${ch === ' ' ? '␣' : ch}`),
    colLabels: Array.from({ length: C }, (_, d) => String(d)),
  };
}

/** Re-renders everything from the sentence box; any engine error becomes a message, never a crash. */
export function update() {
  if (!state.tf) return;
  const text = $('sentence').value;
  const cards = [$('tokens-card'), $('pe-card')];
  state.lastError = null;
  try {
    if (text.length === 0) {
      cards.forEach((c) => { c.hidden = true; });
      showMessage(t('msg.empty'));
      return;
    }
    const chars = state.tf.splitChars(text);
    if (chars.length > MAX_CHARS) {
      cards.forEach((c) => { c.hidden = true; });
      showMessage(t('msg.tooLong', { n: chars.length, max: MAX_CHARS }), 'error');
      return;
    }
    cards.forEach((c) => { c.hidden = false; });
    showMessage(null);
    renderTokens(chars);
    renderPositional(chars);
  } catch (err) {
    state.lastError = err;
    cards.forEach((c) => { c.hidden = true; });
    showMessage(errorMessage(err), 'error');
  }
}

function renderStatus() {
  if (!state.tf) return;
  $('engine-status').textContent = t('engine.ready', { arch: state.tf.simdArch, ...state.status });
}

function checkWorker() {
  const worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (e) => {
    state.status.worker = e.data.type === 'pong' && e.data.simdArch === 'wasm' ? '✓' : '✗';
    document.body.dataset.worker = state.status.worker === '✓' ? 'ok' : 'failed';
    renderStatus();
    worker.terminate();
  };
  worker.onerror = () => {
    state.status.worker = '✗';
    document.body.dataset.worker = 'failed';
    renderStatus();
  };
  worker.postMessage({ type: 'ping', id: 1, T: 3, C: 8 });
}

async function main() {
  document.documentElement.lang = locale();
  applyI18n();
  $('lang-toggle').addEventListener('click', () => setLocale(locale() === 'ko' ? 'en' : 'ko'));
  onLocaleChange(() => { applyI18n(); renderStatus(); update(); });
  $('sentence').addEventListener('input', update);
  $('pe-width').addEventListener('change', update);
  document.querySelectorAll('.example').forEach((b) => b.addEventListener('click', () => {
    $('sentence').value = b.textContent;
    update();
  }));
  try {
    state.tf = await createTinyformer();
  } catch (err) {
    $('engine-status').textContent = t('engine.failed', { message: err.message });
    showMessage(errorMessage(err), 'error');
    document.body.dataset.engine = 'failed';
    return;
  }
  state.status.main = state.tf.simdArch === 'wasm' ? '✓' : '✗';
  renderStatus();
  update();
  checkWorker();
  document.body.dataset.engine = 'ready';
}

// For tests and the curious: the engine and the state behind what is on screen.
globalThis.tinyformerApp = state;
main();
