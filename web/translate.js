// The translation page: wires the engine's Translator to the views. Wiring only — which model, which
// sentence, which layer and head, what goes in the URL; the views (components/translate/*) draw what the
// engine computed, and every number comes from the engine (lib/tinyformer.js).
import { createTinyformer } from './lib/tinyformer.js';
import './components/translate/strings.js';
import { applyI18n, errorMessage, locale, onLocaleChange, setLocale, t } from './i18n/index.js';
import { el, pieceLabel } from './components/labels.js';
import { weightSlice } from './components/stages/attention-steps.js';
import './components/translate/tf-translate-steps.js';
import './components/translate/tf-three-attentions.js';
import './components/translate/tf-alignment.js';
import './components/translate/tf-cross-steps.js';
import { forcingData } from './components/translate/tf-translate-forcing.js';

const $ = (id) => document.getElementById(id);
const DEMO = { file: 'models/ko-en-word.safetensors', pairs: 'data/ko-en.tsv' };
const EXAMPLES = ['나는 밥을 먹었다', '밥을 나는 먹었다', '고양이는 귀엽다', '민수는 공원에서 개를 봤다'];
const MAX_TOKENS = 30;
const TILE_COUNT = 36;

const state = {
  tinyformer: null,
  translator: null,
  meta: null,
  vocab: { source: [], target: [] },
  references: new Map(),
  text: '',
  layer: 1,
  head: 'mean',
  step: 0,
  crossStep: 'softmax',
  pad: 0,
  reference: '',
  referenceEdited: false,
  result: null,
  allTiles: false,
  timer: null,
  generation: 0,
};

// ---- URL state: #s=<sentence>&l=<layer>&h=<head|mean>&k=<step>&x=<cross step> ---------------------------

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const s = p.get('s');
  if (s !== null && s.length <= 500) $('source').value = s;
  const l = Number(p.get('l'));
  if (Number.isInteger(l) && l >= 1 && l <= 16) state.layer = l - 1;
  const h = p.get('h');
  if (h === 'mean') state.head = 'mean';
  else if (Number.isInteger(Number(h)) && Number(h) >= 1 && Number(h) <= 64) state.head = Number(h) - 1;
  const k = Number(p.get('k'));
  if (Number.isInteger(k) && k >= 1 && k <= 64) state.step = k - 1;
  const x = p.get('x');
  if (x) state.crossStep = x;
}

function writeHash() {
  const p = new URLSearchParams();
  p.set('s', state.text);
  p.set('l', String(state.layer + 1));
  p.set('h', state.head === 'mean' ? 'mean' : String(state.head + 1));
  p.set('k', String(state.step + 1));
  p.set('x', state.crossStep);
  history.replaceState(null, '', `${location.pathname}${location.search}#${p}`);
}

// ---- model ------------------------------------------------------------------------------------------------

async function fetchBytes(path) {
  const response = await fetch(new URL(path, import.meta.url));
  if (!response.ok) throw Object.assign(new Error(`${path}: HTTP ${response.status}`), { code: 'fetch_failed' });
  return new Uint8Array(await response.arrayBuffer());
}

/** Swaps in a translator; the old one is disposed only after the new one has opened (atomic). */
function setTranslator(translator, meta) {
  const tokenizers = translator.tokenizers;
  state.translator?.dispose();
  state.translator = translator;
  state.meta = meta;
  state.vocab = { source: tokenizers.source.vocab, target: tokenizers.target.vocab };
  const c = translator.config;
  state.layer = Math.min(state.layer, Math.max(c.n_encoder_layer, c.n_decoder_layer) - 1);
  if (state.head !== 'mean') state.head = Math.min(state.head, c.n_head - 1);
  renderModelBar();
  renderTiles();
  update();
}

function renderModelBar() {
  const { translator, meta } = state;
  $('model-name').textContent = meta.name ?? t(meta.nameKey);
  $('model-badge').textContent = t(meta.badgeKey);
  const c = translator.config,
    info = translator.info;
  $('model-shape').textContent = t('translate.model.shape', {
    enc: c.n_encoder_layer,
    dec: c.n_decoder_layer,
    heads: c.n_head,
    width: c.n_embd,
    src: info.src_vocab_size,
    tgt: info.tgt_vocab_size,
    params: groupDigits(info.num_parameters),
  });
}

/** 91997 → "91,997" (without Intl, whose first use costs tens of milliseconds at page load). */
function groupDigits(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

async function openFile(file) {
  try {
    const translator = state.tinyformer.loadTranslator(new Uint8Array(await file.arrayBuffer()));
    setTranslator(translator, { name: file.name, badgeKey: 'translate.model.trained' });
    showMessage('');
  } catch (err) {
    const message = err?.code === 'wrong_arch' ? t('translate.model.wrongArch') : errorMessage(err);
    showMessage(t('translate.model.loadFailed', { name: file.name, message }), 'error');
  }
}

// ---- input ------------------------------------------------------------------------------------------------

function showMessage(text, kind = 'info') {
  const box = $('message');
  box.hidden = !text;
  box.textContent = text ?? '';
  box.classList.toggle('error', kind === 'error');
}

const pieceText = (piece) => piece.replace(/^▁/, '');

function renderTiles() {
  const words = state.vocab.source
    .slice(4)
    .map(pieceText)
    .filter((w) => w.trim());
  const shown = state.allTiles ? words : words.slice(0, TILE_COUNT);
  $('tiles').classList.toggle('all', state.allTiles);
  $('tiles').replaceChildren(
    ...shown.map((w) => {
      const b = el('button', 'chip tile', w);
      b.type = 'button';
      b.addEventListener('click', () => {
        const input = $('source');
        input.value = input.value.trim() ? `${input.value.trimEnd()} ${w}` : w;
        input.focus();
        update();
      });
      return b;
    }),
  );
  $('tiles-more').textContent = state.allTiles
    ? t('translate.input.tilesLess')
    : t('translate.input.tilesMore', { n: words.length });
  $('tiles-more').hidden = words.length <= TILE_COUNT;
}

function renderExamples() {
  $('examples').replaceChildren(
    ...EXAMPLES.map((s) => {
      const b = el('button', 'chip example', s);
      b.type = 'button';
      b.addEventListener('click', () => {
        $('source').value = s;
        update();
      });
      return b;
    }),
  );
}

/** Latin letters and no Hangul: the learner typed English into the Korean box. */
const looksEnglish = (text) => /[A-Za-z]{2,}/.test(text) && !/[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]/.test(text);

// ---- labels (display only) --------------------------------------------------------------------------------

const SPECIAL = ['<pad>', '<bos>', '<eos>', '<unk>'];
const targetLabel = (id) => (id < 4 ? SPECIAL[id] : pieceLabel(state.vocab.target[id] ?? '?'));

// ---- the engine's numbers → the views' data ----------------------------------------------------------------

function update() {
  clearTimeout(state.timer);
  state.timer = null;
  const text = $('source').value;
  if (text !== state.text) {
    state.text = text;
    state.referenceEdited = false;
    state.step = state.result ? 0 : state.step;
  }
  writeHash();
  if (!state.translator) return;
  if (!text.trim()) {
    showMessage(t('translate.input.noSource'));
    clearViews();
    return;
  }
  if (looksEnglish(text)) {
    showMessage(t('translate.input.english'), 'error');
    clearViews();
    return;
  }
  let r;
  try {
    r = state.translator.translate(text, { maxTokens: MAX_TOKENS });
  } catch (err) {
    showMessage(errorMessage(err), 'error');
    clearViews();
    return;
  }
  const unknown = r.sourceTokens.filter((tk) => tk.unknown).map((tk) => tk.text.trim());
  showMessage(unknown.length ? t('translate.input.unknown', { words: unknown.join(', ') }) : '');
  state.result = r;
  if (!state.referenceEdited) state.reference = state.references.get(text.trim()) ?? r.text;
  render();
}

function clearViews() {
  state.result = null;
  state.generation++;
  $('steps').data = null;
  $('three').data = null;
  $('align').data = null;
  $('cross').data = null;
  $('forcing').data = null;
}

function sourceTokens(r) {
  return [{ id: 1, text: '<bos>' }, ...r.sourceTokens, { id: 2, text: '<eos>' }];
}

/** One head's (R, X) map of a recorded (H, R, X) tensor, or the engine's mean over heads. */
function headMap(ins, name, head) {
  return head === 'mean' ? state.tinyformer.headMean(ins.tensor(name)) : ins.head(name, head);
}

function render() {
  const r = state.result;
  if (!r) return;
  const c = state.translator.config;
  const ins = r.inspection;
  const src = sourceTokens(r);
  const srcLabels = src.map((tk) => pieceLabel(tk.text));
  const written = Array.from(r.ids, (id, k) => ({ id, label: targetLabel(id), prob: r.probs[k], special: id < 4 }));
  const inputs = ['<bos>', ...written.slice(0, -1).map((w) => w.label)];
  const rowLabels = written.map((w, k) => t('translate.three.rowLabel', { k: k + 1, token: w.label }));
  const S = src.length,
    T = written.length;
  const le = Math.min(state.layer, c.n_encoder_layer - 1),
    ld = Math.min(state.layer, c.n_decoder_layer - 1);
  const cross = ins.tensor(`dec.h${ld}.xattn.probs`);
  const crossView = headMap(ins, `dec.h${ld}.xattn.probs`, state.head);
  const masks = (name) => {
    const m = ins.tensor(name); // the engine's masked scores: −∞ where it hid a key
    const [, R, X] = m.shape;
    return Uint8Array.from(m.data.subarray(0, R * X), (v) => (v === -Infinity ? 1 : 0));
  };

  state.step = Math.min(state.step, T - 1);
  const steps = $('steps');
  steps.data = {
    source: srcLabels,
    sourceSpecial: src.map((tk) => tk.id < 4 && tk.id !== 3),
    written,
    attention: crossView.data,
    finished: r.finished,
    maxTokens: MAX_TOKENS,
    layer: ld,
    head: state.head,
  };
  steps.step = state.step;

  const choice = {
    encoderLayers: c.n_encoder_layer,
    decoderLayers: c.n_decoder_layer,
    heads: c.n_head,
    layer: state.layer,
    head: state.head,
  };
  const three = $('three');
  three.choice = choice;
  three.data = {
    encoder: {
      values: headMap(ins, `enc.h${le}.attn.probs`, state.head).data,
      rows: S,
      cols: S,
      rowLabels: srcLabels,
      colLabels: srcLabels,
    },
    decoder: {
      values: headMap(ins, `dec.h${ld}.attn.probs`, state.head).data,
      rows: T,
      cols: T,
      rowLabels,
      colLabels: inputs,
      mask: masks(`dec.h${ld}.attn.masked`),
    },
    cross: {
      values: crossView.data,
      rows: T,
      cols: S,
      rowLabels,
      colLabels: srcLabels,
      mask: masks(`dec.h${ld}.xattn.masked`),
    },
  };

  const align = $('align');
  align.choice = { layers: c.n_decoder_layer, heads: c.n_head, layer: ld, head: state.head };
  const rows = written.map((w) => ({ id: w.id, text: state.vocab.target[w.id] ?? '' }));
  const words = state.tinyformer.wordAttention(state.head === 'mean' ? cross : crossView, rows, src);
  align.data = { koWords: words.colWords, enWords: words.rowWords, weights: words.weights.data, rest: words.rest };

  // the step-by-step and forcing views are below the fold: drawn a frame later, so the translation and its
  // maps show first (and typing stays quick)
  const generation = ++state.generation;
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (generation !== state.generation || !state.result) return;
      renderCross(ld);
      renderForcing();
      document.body.dataset.rendered = String(generation);
    }, 0),
  );
}

function renderCross(ld) {
  const c = state.translator.config;
  const head = state.head === 'mean' ? 0 : state.head;
  const C = c.n_embd,
    H = c.n_head,
    D = C / H;
  let ins = state.result.inspection,
    srcIds = state.result.inspection.source;
  const view = $('cross');
  try {
    if (state.pad > 0) {
      ins = state.translator.inspect(state.text, '', { pad: state.pad });
      srcIds = ins.source;
    }
  } catch (err) {
    state.pad = 0;
    showMessage(errorMessage(err), 'error');
  }
  const S = srcIds.length;
  const colLabels = Array.from(srcIds, (id, s) =>
    id < 4 ? SPECIAL[id] : pieceLabel(state.result.sourceTokens[s - 1]?.text ?? ''),
  );
  const written = state.result.ids;
  const T = written.length;
  const rowLabels = Array.from(written, (id, k) => t('translate.three.rowLabel', { k: k + 1, token: targetLabel(id) }));
  const name = (part) => `dec.h${ld}.xattn.${part}`;
  const one = (part) => ins.head(name(part), head).data;
  const inProj = state.translator.parameter(`transformer.decoder.layers.${ld}.multihead_attn.in_proj_weight`);
  const outProj = state.translator.parameter(`transformer.decoder.layers.${ld}.multihead_attn.out_proj.weight`);
  // (C×D) slices of the stacked (3C, C) weight, transposed so that X·W reads left to right (display only)
  const slice = (W, rowFrom, n) => weightSlice(W, C, rowFrom, n);
  const masked = one('masked');
  const xdecName = c.norm === 'pre' ? `dec.h${ld}.norm2` : `dec.h${ld}.norm1`;
  view.choice = { layers: c.n_decoder_layer, heads: H, layer: ld, head };
  view.step = state.crossStep;
  view.data = {
    T,
    S,
    C,
    H,
    D,
    layer: ld,
    head,
    rowLabels,
    colLabels,
    xdecName,
    xdec: ins.tensor(xdecName).data,
    memory: ins.tensor('enc.out').data,
    q: one('q'),
    k: one('k'),
    v: one('v'),
    scores: one('scores'),
    scaled: one('scaled'),
    masked,
    probs: one('probs'),
    headOut: one('head_out'),
    concat: ins.tensor(name('concat')).data,
    proj: ins.tensor(name('proj')).data,
    wq: slice(inProj, head * D, D),
    wk: slice(inProj, C + head * D, D),
    wv: slice(inProj, 2 * C + head * D, D),
    wo: slice(outProj, 0, C),
    mask: Uint8Array.from(masked, (v) => (v === -Infinity ? 1 : 0)),
    pad: state.pad,
    maxPad: c.block_size - 2 - state.result.sourceTokens.length,
  };
}

function renderForcing() {
  const view = $('forcing');
  view.reference = state.reference;
  if (!state.reference.trim()) {
    view.data = null;
    view.message = t('error.empty_text');
    return;
  }
  try {
    const cmp = state.translator.compareDecoding(state.text, state.reference);
    view.message = '';
    view.data = forcingData(cmp, targetLabel);
  } catch (err) {
    view.data = null;
    view.message = errorMessage(err);
  }
}

// ---- events -----------------------------------------------------------------------------------------------

function wire() {
  $('source').addEventListener('input', () => {
    clearTimeout(state.timer);
    state.timer = setTimeout(update, 60);
  });
  $('clear').addEventListener('click', () => {
    $('source').value = '';
    update();
    $('source').focus();
  });
  $('tiles-more').addEventListener('click', () => {
    state.allTiles = !state.allTiles;
    renderTiles();
  });
  $('model-file').addEventListener('change', (e) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) openFile(file);
  });
  const pick = (e) => {
    state.layer = e.detail.layer;
    state.head = e.detail.head;
    writeHash();
    render();
  };
  for (const id of ['three', 'align', 'cross']) $(id).addEventListener('pick', pick);
  $('steps').addEventListener('step-change', (e) => {
    state.step = e.detail.step;
    writeHash();
  });
  $('cross').addEventListener('step-change', (e) => {
    state.crossStep = e.detail.step;
    writeHash();
  });
  $('cross').addEventListener('pad-change', (e) => {
    state.pad = e.detail.pad;
    render();
  });
  $('forcing').addEventListener('reference-change', (e) => {
    state.reference = e.detail.text;
    state.referenceEdited = true;
    renderForcing();
  });
  $('lang-toggle').addEventListener('click', () => setLocale(locale() === 'ko' ? 'en' : 'ko'));
  onLocaleChange(() => {
    applyI18n();
    document.title = t('translate.page.title');
    if (state.translator) {
      renderModelBar();
      renderTiles();
      render();
    }
    renderStatus();
  });
  $('train').addEventListener('translator-ready', (e) => {
    try {
      const translator = state.tinyformer.loadTranslator(e.detail.bytes);
      setTranslator(translator, { nameKey: 'translate.model.tab', badgeKey: 'translate.model.tab' });
      showMessage(t('translate.model.usingTab', { step: e.detail.step }));
      document.querySelector('main').scrollIntoView({ behavior: 'smooth' });
    } catch (err) {
      showMessage(errorMessage(err), 'error');
    }
  });
}

function renderStatus() {
  $('engine-status').textContent = state.tinyformer ? t('translate.engine', { arch: state.tinyformer.simdArch }) : '';
}

async function loadReferences() {
  try {
    const tsv = new TextDecoder().decode(await fetchBytes(DEMO.pairs));
    for (const line of tsv.split('\n')) {
      const [k, e] = line.split('\t');
      if (k && e && !state.references.has(k.trim())) state.references.set(k.trim(), e.trim());
    }
    if (!state.referenceEdited && state.result) {
      state.reference = state.references.get(state.text.trim()) ?? state.result.text;
      renderForcing();
    }
  } catch {
    /* the references only prefill the box */
  }
}

/** The training panel and its Worker load after the first translation is on screen. */
async function mountTraining() {
  try {
    const { TranslationTraining } = await import('./components/translate/train-controller.js');
    state.training = new TranslationTraining($('train'), { corpusUrl: DEMO.pairs });
  } catch (err) {
    $('train-card').hidden = true;
    console.error(err);
  }
}

async function main() {
  document.documentElement.lang = locale();
  document.title = t('translate.page.title');
  applyI18n();
  readHash();
  renderExamples();
  wire();
  try {
    const [tinyformer, bytes] = await Promise.all([createTinyformer(), fetchBytes(DEMO.file)]);
    performance.mark('tinyformer:engine-and-model');
    state.tinyformer = tinyformer;
    renderStatus();
    setTranslator(tinyformer.loadTranslator(bytes), {
      nameKey: 'translate.model.demo',
      badgeKey: 'translate.model.trained',
    });
    document.body.dataset.readyMs = String(Math.round(performance.now())); // opening → first translation on screen
    document.body.dataset.ready = 'true';
  } catch (err) {
    $('engine-status').textContent = t('translate.engineFailed', { message: errorMessage(err) });
    showMessage(t('translate.engineFailed', { message: errorMessage(err) }), 'error');
    return;
  }
  loadReferences();
  mountTraining();
}

globalThis.tinyformerTranslate = state; // read by the browser tests
main();
