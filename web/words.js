// The word-vector page: wires the engine's WordVectors and a CBOW trainer to the views. Wiring only — which
// text, which window, which word, when to train; the views (components/words/*) draw what the engine
// computed, and every number comes from the engine (lib/tinyformer.js). Training runs in the training Worker
// (lib/training.js); once per animation frame the page asks it for a snapshot of the vectors, so the page never stalls.
import { createTinyformer } from './lib/tinyformer.js';
import { TrainingRun } from './lib/training.js';
import { createCompare } from './words-compare.js';
import './components/words/strings.js';
import { applyI18n, errorMessage, locale, onLocaleChange, setLocale, t } from './i18n/index.js';
import { el, fixed } from './components/words/common.js';
import './components/words/tf-words-window.js';
import './components/words/tf-words-map.js';
import './components/words/tf-words-neighbours.js';
import './components/words/tf-words-guesses.js';
import './components/tf-heatmap.js';
import './components/tf-line-chart.js';

const $ = (id) => document.getElementById(id);
const DEMO = 'models/ko-words-cbow.safetensors';
const CORPORA = {
  split: { text: 'data/ko-words.txt', categories: ['data/ko-words-categories.json'], split: false },
  raw: { text: 'data/ko.txt', categories: ['data/ko-categories.json'], split: false },
  own: { text: null, categories: ['data/ko-words-categories.json', 'data/ko-categories.json'], split: true },
};
const BLANK_EXAMPLES = ['나는 ___을 먹었다', '___는 귀엽다', '민수 는 ___ 에서 개 를 봤다', '나 는 ___ 을 좋아한다'];
/** The training recipe (measured in Chromium: see tests/browser/words.test.mjs and the README). */
export const RECIPE = { dim: 16, minCount: 3, batchSize: 64, lr: 0.01, seed: 1, steps: 1000 };
const MAP_WORDS = 80;
const HEAT_ROWS = 24;
const NEIGHBOURS = 8;
const FULL_EVERY = 6; // heatmaps, window, blank and charts: every 6th snapshot while training

const state = {
  tinyformer: null,
  vectors: null,
  source: 'demo',
  step: 0,
  categories: {},
  corpus: 'split',
  table: 'output',
  word: '고양이',
  centre: 2,
  projection: null,
  history: { steps: [], loss: [], scoreSteps: [], share: [], gap: [] },
  score: null,
  run: null,
  running: false,
  total: RECIPE.steps,
  seconds: 0,
  generation: 0,
  attempt: 0,
  texts: {},
  categoryFiles: {},
};

// ---- loading ---------------------------------------------------------------------------------------------

async function fetchBytes(path) {
  const response = await fetch(new URL(path, import.meta.url));
  if (!response.ok) throw Object.assign(new Error(`${path}: HTTP ${response.status}`), { code: 'fetch_failed' });
  return new Uint8Array(await response.arrayBuffer());
}

async function fetchText(path) {
  if (!(path in state.texts)) state.texts[path] = new TextDecoder().decode(await fetchBytes(path));
  return state.texts[path];
}

async function categoriesFor(corpus) {
  const merged = {};
  for (const path of CORPORA[corpus].categories) Object.assign(merged, JSON.parse(await fetchText(path)));
  return merged;
}

function showMessage(id, text, kind = 'info') {
  const box = $(id);
  box.hidden = !text;
  box.textContent = text ?? '';
  box.classList.toggle('error', kind === 'error');
}

// ---- the vectors on screen -------------------------------------------------------------------------------

/** Swaps in word vectors; the old ones are disposed. previous = keep the map's orientation. */
function setVectors(vectors, { keepMap = false, light = false } = {}) {
  state.vectors?.dispose();
  state.vectors = vectors;
  if (!keepMap) state.projection = null;
  const words = vectors.words.slice(4);
  if (!words.includes(state.word)) state.word = words.find((w) => state.categories[w]) ?? words[0];
  state.generation++;
  render(light);
}

/** Everything from the current vectors; `light` (most training frames): the map, neighbours and score only. */
function render(light = false) {
  renderModelBar();
  renderMap();
  renderNeighbours();
  renderScore();
  if (light) return;
  renderHeatmaps();
  renderWindow();
  renderBlank();
  state.compare?.redraw();
  document.body.dataset.rendered = String(state.generation);
}

function renderModelBar() {
  const v = state.vectors;
  if (!v) return;
  const c = v.config;
  const demo = state.source === 'demo';
  $('model-name').textContent = demo ? t('words.model.demo') : t('words.model.tabName', { step: state.vectorsStep });
  $('model-badge').textContent = demo ? t('words.model.trained') : t('words.model.tab');
  $('model-shape').textContent = t('words.model.shape', {
    vocab: c.vocab_size,
    dim: c.dim,
    window: c.window,
    mode: c.mode,
  });
}

function renderMap() {
  const v = state.vectors;
  const p = v.projection({
    n: Math.min(MAP_WORDS, v.words.length - 4),
    previous: state.projection?.points ?? null,
    table: state.table,
  });
  state.projection = p;
  $('map').data = {
    points: p.points.data,
    words: p.words,
    categories: p.words.map((w) => state.categories[w] ?? null),
    explained: p.explained,
    selected: state.word,
  };
}

function renderNeighbours() {
  const v = state.vectors;
  const list = v
    .neighbours(state.word, NEIGHBOURS, state.table)
    .map((n) => ({ word: n.word, cosine: n.cosine, category: state.categories[n.word] ?? null }));
  const choices = v.words.slice(4).filter((w) => w.trim());
  $('neighbours').data = { word: state.word, category: state.categories[state.word] ?? null, choices, list };
}

function renderScore() {
  const labelled = state.vectors.words.some((w) => w in state.categories);
  state.score = labelled ? state.vectors.clusterScore(state.categories, 3, state.table) : null;
  const s = state.score;
  $('score-now').textContent =
    s && s.words > 0
      ? t('words.score.now', {
          share: pctText(s.share),
          chance: pctText(s.chance),
          within: fixed(s.within),
          across: fixed(s.across),
          gap: fixed(s.gap),
          words: s.words,
        })
      : t('words.err.noCategories');
}

const pctText = (p) => `${(100 * p).toFixed(1)}%`;

function renderHeatmaps() {
  const v = state.vectors;
  const rows = Math.min(HEAT_ROWS, v.words.length - 4);
  const labels = v.words.slice(4, 4 + rows);
  $('heat-explain').textContent = t('words.heat.explain', { n: rows });
  for (const table of ['input', 'output']) {
    const m = v.vectors(table);
    const cols = m.shape[1];
    const h = $(`heat-${table}`);
    h.setAttribute('row-title', t('words.heat.rows'));
    h.setAttribute('col-title', t('words.heat.cols'));
    h.matrix = {
      values: m.data.subarray(4 * cols, (4 + rows) * cols),
      rows,
      cols,
      rowLabels: labels,
      colLabels: Array.from({ length: cols }, (_, i) => String(i)),
    };
  }
}

function renderCharts() {
  const h = state.history;
  $('charts').hidden = !h.steps.length;
  $('charts-empty').hidden = h.steps.length > 0;
  const loss = $('loss-chart');
  loss.setAttribute('x-title', t('words.loss.x'));
  loss.setAttribute('y-title', t('words.loss.y'));
  loss.series = h.steps.length ? [{ label: t('words.loss.series'), xs: h.steps, ys: Float32Array.from(h.loss) }] : [];
  const score = $('score-chart');
  score.setAttribute('x-title', t('words.loss.x'));
  score.series = h.scoreSteps.length
    ? [
        { label: t('words.score.share'), xs: h.scoreSteps, ys: Float32Array.from(h.share) },
        { label: t('words.score.gap'), xs: h.scoreSteps, ys: Float32Array.from(h.gap) },
      ]
    : [];
}

// ---- 1. the window ---------------------------------------------------------------------------------------

function renderWindow() {
  const sentence = $('window-sentence').value;
  if (!sentence.trim()) {
    showMessage('window-message', t('words.blank.empty'));
    $('window').data = null;
    $('window-vectors').hidden = true;
    return;
  }
  try {
    const v = state.vectors;
    const probe = v.inspect(sentence, 0);
    state.centre = Math.max(0, Math.min(state.centre, probe.words.length - 1));
    const run = state.centre === 0 ? probe : v.inspect(sentence, state.centre);
    const probs = run.tensor('probs').data;
    const target = run.wordIds[run.centre];
    $('window').data = {
      words: run.words,
      centre: run.centre,
      contextPositions: run.contextPositions,
      known: Array.from(run.wordIds, (id) => id > 3),
      pairs: run.sentencePairs.flat(),
      prob: target > 3 ? probs[target] : null,
      loss: run.loss,
    };
    renderWindowVectors(run);
    showMessage('window-message', '');
  } catch (err) {
    $('window').data = null;
    $('window-vectors').hidden = true;
    showMessage('window-message', blankError(err, sentence), 'error');
  }
}

/** The context words' input vectors and their mean (the engine's recorded tensors) as one heatmap. */
function renderWindowVectors(run) {
  const vectors = run.tensor('context.vectors');
  const mean = run.tensor('context.mean');
  const [rows, cols] = vectors.shape;
  const values = new Float32Array((rows + 1) * cols);
  values.set(vectors.data);
  values.set(mean.data, rows * cols);
  const words = Array.from(run.contextPositions)
    .filter((i) => i >= 0 && run.wordIds[i] > 3)
    .map((i) => run.words[i]);
  const h = $('window-vectors');
  h.hidden = false;
  h.setAttribute('row-title', t('words.heat.rows'));
  h.setAttribute('col-title', t('words.heat.cols'));
  h.matrix = {
    values,
    rows: rows + 1,
    cols,
    colLabels: Array.from({ length: cols }, (_, i) => String(i)),
    rowLabels: [
      ...(words.length === rows ? words : Array.from({ length: rows }, (_, i) => String(i + 1))),
      t('words.window.mean'),
    ],
  };
}

// ---- 3. fill in the blank --------------------------------------------------------------------------------

function blankError(err, sentence) {
  if (err?.code === 'no_blank') return t('words.blank.noBlank');
  if (err?.code === 'unknown_word') {
    const unknown = sentence
      .split(/\s+/)
      .map((w) => w.replace(/_+/g, ''))
      .filter((w) => w)
      .find((w) => {
        try {
          state.vectors.wordId(w);
          return false;
        } catch {
          return true;
        }
      });
    return t('words.blank.unknown', { word: unknown ?? '?' });
  }
  return errorMessage(err);
}

function renderBlank() {
  const sentence = $('blank-sentence').value;
  if (!sentence.trim()) {
    showMessage('blank-message', t('words.blank.empty'));
    $('guesses').data = null;
    return;
  }
  try {
    const r = state.vectors.fillBlank(sentence, 5);
    $('guesses').data = {
      words: r.words,
      blank: r.blank,
      guesses: r.guesses.map((g) => ({ word: g.word, prob: g.prob, category: state.categories[g.word] ?? null })),
    };
    showMessage('blank-message', '');
  } catch (err) {
    $('guesses').data = null;
    showMessage('blank-message', blankError(err, sentence), 'error');
  }
}

// ---- 2. training -----------------------------------------------------------------------------------------

const mb = (bytes) => (bytes / (1024 * 1024)).toFixed(1);
const hasHangul = (text) => /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]/.test(text);

function trainError(err) {
  switch (err?.code) {
    case 'empty_text':
      return t('words.err.empty');
    case 'corpus_too_short':
      return t('words.err.oneWord');
    case 'text_too_large':
      return t('words.err.tooLarge', { size: mb(err.detail), limit: mb(err.detail2) });
    default:
      return t('words.err.failed', { message: errorMessage(err) });
  }
}

async function corpusText() {
  if (state.corpus === 'own') return $('own-text').value;
  return fetchText(CORPORA[state.corpus].text);
}

async function startTraining() {
  resetRun();
  showMessage('train-message', '');
  const text = await corpusText();
  const window = Number($('train-window').value);
  const notes = [];
  if (state.corpus === 'own') {
    if (!text.trim()) {
      showMessage('train-message', t('words.err.empty'), 'error');
      return;
    }
    if (!hasHangul(text)) notes.push(t('words.err.noKorean'));
  }
  const spec = {
    arch: 'cbow',
    seed: RECIPE.seed,
    splitParticles: CORPORA[state.corpus].split,
    model: { dim: RECIPE.dim, window, minCount: state.corpus === 'own' ? 1 : RECIPE.minCount },
    train: { batchSize: RECIPE.batchSize },
    racers: [{ optimizer: { kind: 'adam', lr: RECIPE.lr } }],
  };
  const attempt = ++state.attempt;
  $('train-button').disabled = true;
  let run;
  try {
    run = await TrainingRun.create(spec, text, { maxSteps: state.total });
  } catch (err) {
    if (attempt === state.attempt) {
      showMessage('train-message', trainError(err), 'error');
      $('train-button').disabled = false;
    }
    return;
  }
  if (attempt !== state.attempt) {
    run.terminate();
    return;
  } // a newer start or a reset came first
  const longest = Math.max(
    ...(CORPORA[state.corpus].split ? state.tinyformer.splitParticles(text) : text)
      .split('\n')
      .map((line) => line.split(/\s+/).filter((w) => w).length),
  );
  if (window >= longest) notes.push(t('words.err.wideWindow', { window }));
  if (notes.length) showMessage('train-message', notes.join(' '));
  state.categories = await categoriesFor(state.corpus);
  state.run = run;
  state.spec = spec; // read by the browser tests (the same run on the main thread gives the same numbers)
  state.trainedOn = state.corpus;
  state.step = 0;
  state.seconds = 0;
  state.history = { steps: [], loss: [], scoreSteps: [], share: [], gap: [] };
  state.source = 'tab';
  run.addEventListener('progress', ({ detail }) => {
    const r = detail.results;
    for (let i = 0; i < r.loss.length; i++) {
      state.history.steps.push(r.step[i]);
      state.history.loss.push(r.loss[i]);
    }
    state.step = detail.steps; // the engine's count of steps taken
    state.seconds = detail.elapsedMs / 1000;
  });
  run.addEventListener('stopped', ({ detail }) => {
    if (detail.reason !== 'max_steps') showMessage('train-message', t('words.train.diverged'), 'error');
    settle(run);
  });
  run.addEventListener('paused', () => settle(run));
  run.addEventListener('error', ({ detail }) => {
    if (state.run !== run || detail.code === 'terminated') return;
    showMessage('train-message', trainError(detail), 'error');
    settle(run);
  });
  await snapshot(run, false);
  resume();
}

/** Training goes on in the Worker; the page pulls a snapshot of the vectors once per animation frame. */
function resume() {
  const run = state.run;
  if (!run || state.step >= state.total) return;
  run.resume();
  state.running = true;
  renderButtons();
  const pull = async () => {
    if (state.run !== run || !state.running) return;
    await snapshot(run, true, false);
    requestAnimationFrame(pull);
  };
  requestAnimationFrame(pull);
}

/**
 * The run's current vectors on screen (the Worker's float32 copy, opened here: the same numbers). During training
 * the heavier views (heatmaps, window, blank, charts) are redrawn every FULL_EVERY snapshots and at the end.
 */
async function snapshot(run, keepMap, full = true) {
  let saved;
  try {
    saved = await run.saveModel(0);
  } catch {
    return; // the run was reset or stopped meanwhile
  }
  if (state.run !== run) return;
  state.frame = (state.frame ?? 0) + 1;
  state.vectorsStep = saved.steps;
  const heavy = full || state.frame % FULL_EVERY === 0;
  setVectors(state.tinyformer.loadWordVectors(saved.bytes), { keepMap, light: !heavy });
  if (state.score) {
    state.history.scoreSteps.push(saved.steps);
    state.history.share.push(state.score.share);
    state.history.gap.push(state.score.gap);
  }
  if (heavy) renderCharts();
  renderStatus();
}

function renderStatus() {
  const loss = state.history.loss.length ? fixed(state.history.loss[state.history.loss.length - 1]) : '–';
  const params = { step: state.step, total: state.total, loss, seconds: state.seconds.toFixed(1) };
  const key =
    state.source === 'demo'
      ? 'words.train.shown'
      : state.running
        ? 'words.train.running'
        : state.step >= state.total
          ? 'words.train.done'
          : 'words.train.stopped';
  $('train-status').textContent = t(key, params);
}

function renderButtons() {
  const run = state.run;
  $('train-button').disabled = false;
  $('stop-button').disabled = !state.running;
  $('resume-button').disabled = !run || state.running || state.step >= state.total;
  $('reset-button').disabled = state.source === 'demo';
}

/** The Worker has stopped (paused, done, or failed): the last vectors, drawn whole. */
async function settle(run) {
  if (state.run !== run) return;
  state.running = false;
  await snapshot(run, true, true);
  if (state.step >= state.total) {
    run.terminate();
    if (state.run === run) state.run = null;
  }
  renderButtons();
  renderStatus();
  document.body.dataset.trained = String(state.step);
}

function pauseTraining() {
  if (state.running) state.run.pause();
}

/** Ends any run (its Worker too). */
function resetRun() {
  state.attempt = (state.attempt ?? 0) + 1;
  state.run?.terminate();
  state.run = null;
  state.running = false;
}

/** Back to the shipped vectors. */
async function resetToDemo() {
  resetRun();
  const [categories, bytes] = [await categoriesFor('split'), await fetchBytes(DEMO)];
  showMessage('train-message', '');
  Object.assign(state, {
    source: 'demo',
    step: 0,
    seconds: 0,
    categories,
    history: { steps: [], loss: [], scoreSteps: [], share: [], gap: [] },
  });
  setVectors(state.tinyformer.loadWordVectors(bytes));
  renderCharts();
  renderButtons();
  renderStatus();
}

// ---- wiring ----------------------------------------------------------------------------------------------

async function renderCorpus() {
  const own = state.corpus === 'own';
  $('own-box').hidden = !own;
  const sample = own ? '' : (await fetchText(CORPORA[state.corpus].text)).split('\n').slice(0, 3).join(' / ');
  $('corpus-sample').textContent = sample ? t('words.corpus.sample', { sample }) : '';
}

function renderExamples() {
  $('blank-examples').replaceChildren(
    ...BLANK_EXAMPLES.map((s) => {
      const b = el('button', 'chip example', s);
      b.type = 'button';
      b.addEventListener('click', () => {
        $('blank-sentence').value = s;
        renderBlank();
      });
      return b;
    }),
  );
}

function wire() {
  $('lang-toggle').addEventListener('click', () => setLocale(locale() === 'ko' ? 'en' : 'ko'));
  onLocaleChange(() => {
    applyI18n();
    document.title = t('words.page.title');
    renderEngine();
    renderCorpus();
    state.compare?.relocalize();
    if (state.vectors) {
      render();
      renderCharts();
      renderStatus();
    }
  });
  $('window-sentence').addEventListener('input', () => {
    if (state.vectors) renderWindow();
  });
  $('window').addEventListener('pick-centre', (e) => {
    state.centre = e.detail.centre;
    renderWindow();
  });
  $('blank-sentence').addEventListener('input', () => {
    if (state.vectors) renderBlank();
  });
  const pick = (e) => {
    state.word = e.detail.word;
    renderNeighbours();
    renderMapSelection();
  };
  $('map').addEventListener('pick-word', pick);
  $('neighbours').addEventListener('pick-word', pick);
  for (const r of document.querySelectorAll('input[name="corpus"]')) {
    r.addEventListener('change', async () => {
      state.corpus = r.value;
      await renderCorpus();
    });
  }
  $('table').addEventListener('change', () => {
    state.table = $('table').value;
    if (!state.vectors) return;
    state.projection = null;
    state.history.scoreSteps = [];
    state.history.share = [];
    state.history.gap = [];
    render();
    renderCharts();
  });
  $('train-button').addEventListener('click', () => startTraining());
  $('stop-button').addEventListener('click', () => pauseTraining());
  $('resume-button').addEventListener('click', () => resume());
  $('reset-button').addEventListener('click', () => resetToDemo());
}

function renderMapSelection() {
  const map = $('map');
  if (map.data) map.data = { ...map.data, selected: state.word };
}

function renderEngine() {
  $('engine-status').textContent = state.tinyformer ? t('words.engine', { arch: state.tinyformer.simdArch }) : '';
}

async function main() {
  document.documentElement.lang = locale();
  document.title = t('words.page.title');
  applyI18n();
  renderExamples();
  wire();
  try {
    const [tinyformer, bytes] = await Promise.all([createTinyformer(), fetchBytes(DEMO)]);
    state.tinyformer = tinyformer;
    renderEngine();
    state.categories = await categoriesFor('split');
    setVectors(tinyformer.loadWordVectors(bytes));
    renderCharts();
    renderButtons();
    renderStatus();
    await renderCorpus();
    const compare = createCompare({
      tinyformer,
      $,
      fetchBytes,
      fetchText,
      showMessage,
      page: () => ({
        vectors: state.vectors,
        table: state.table,
        categories: state.categories,
        generatedCorpus: state.source === 'demo' || state.trainedOn !== 'own',
      }),
    });
    await compare.load();
    state.compare = compare;
    compare.redraw();
    document.body.dataset.ready = 'true';
  } catch (err) {
    $('engine-status').textContent = t('words.engineFailed', { message: errorMessage(err) });
    showMessage('train-message', t('words.engineFailed', { message: errorMessage(err) }), 'error');
  }
}

globalThis.tinyformerWords = state; // read by the browser tests
main();
