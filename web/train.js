// The training page: wires the engine and the training Worker to the views. Wiring only — which
// settings, which corpus, which session each view looks at, the URL hash, the language; the views
// (components/train/*) draw what the engine reports, and the engine computes every number.
import { createTinyformer } from './lib/tinyformer.js';
import { applyI18n, errorMessage, locale, onLocaleChange, registerStrings, setLocale, t } from './i18n/index.js';
import ko from './i18n/train.ko.js';
import en from './i18n/train.en.js';
import { decodeHash, defaultPrompt, encodeHash, firstSentence, trainerSpec } from './components/train/settings.js';
import { TrainSession } from './components/train/session.js';
import './components/train/settings-form.js';
import './components/train/corpus-picker.js';
import './components/train/dashboard.js';
import './components/train/samples.js';
import './components/train/optimizer-lens.js';
import './components/train/drift-view.js';
import './components/train/look-inside.js';
import './components/train/model-file.js';

registerStrings({ ko, en });

const $ = (id) => document.getElementById(id);
const views = {
  mode: $('mode'),
  settings: $('settings'),
  corpus: $('corpus'),
  dashboard: $('dashboard'),
  samples: $('samples'),
  lens: $('lens'),
  drift: $('drift'),
  inside: $('inside'),
  file: $('file'),
};

const state = {
  tinyformer: null,
  settings: decodeHash(location.hash),
  session: null,
  entries: [],
  corpusText: '',
  loaded: null,
  generation: 0,
  prepareTimer: null,
  previewTimer: null,
  previewGeneration: 0,
};

function writeHash() {
  history.replaceState(null, '', `#${encodeHash(state.settings)}`);
}

function showSections() {
  const mode = state.settings.mode;
  document.body.dataset.mode = mode;
  // the optimizer lens matters most in a race, the drift view in teacher-forcing mode; both stay available
  $('lens-card').classList.toggle('focus', mode === 'race');
  $('drift-card').classList.toggle('focus', mode === 'tf');
  const order = mode === 'tf' ? ['drift-card', 'lens-card'] : ['lens-card', 'drift-card'];
  $(order[0]).after($(order[1]));
}

function setSession(session) {
  state.session = session;
  for (const name of ['dashboard', 'samples', 'lens', 'drift', 'inside', 'file']) views[name].session = session;
  document.body.dataset.train = session ? session.state : 'none';
  session?.addEventListener('state', (e) => {
    if (state.session === session) document.body.dataset.train = e.detail.state;
  });
}

/** (Re)creates the training session from the current settings and corpus. */
async function prepare() {
  clearTimeout(state.prepareTimer);
  const generation = ++state.generation;
  const old = state.session;
  setSession(null);
  old?.dispose();
  views.dashboard.problem = null;
  views.corpus.status = { checking: true };
  document.body.dataset.train = 'preparing';
  let input;
  try {
    input = await views.corpus.corpusInput();
  } catch (err) {
    if (generation !== state.generation) return;
    views.corpus.status = { error: err };
    views.dashboard.problem = { error: err };
    document.body.dataset.train = 'error';
    return;
  }
  let session;
  try {
    // ?workers=N (N ≥ 1) caps the Workers a race uses; by default one per core (the results are the same)
    const workers = Number(new URLSearchParams(location.search).get('workers')) || undefined;
    session = await TrainSession.create(state.settings, input, { tinyformer: state.tinyformer, workers });
  } catch (err) {
    if (generation !== state.generation) return;
    views.corpus.status = { error: err };
    views.dashboard.problem = { error: err };
    document.body.dataset.train = 'error';
    return;
  }
  if (generation !== state.generation) {
    session.dispose();
    return;
  }
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  state.corpusText = text;
  views.corpus.status = { info: session.info };
  const sentence = firstSentence(text, state.settings.model.block_size);
  const prompt = defaultPrompt(text, state.settings.model.block_size);
  views.samples.defaultPrompt = prompt;
  views.file.prompt = prompt;
  views.inside.sentence = sentence;
  views.drift.corpusText = text;
  setSession(session);
  session.periodic(); // the loss before any step, and a first sample
}

function schedulePrepare() {
  clearTimeout(state.prepareTimer);
  clearTimeout(state.previewTimer);
  state.prepareTimer = setTimeout(prepare, 250);
}

/**
 * The text changed while a trained model is kept (it waits for "start over"): the engine still judges
 * the new text at once, on this thread, so its vocabulary and split (or its problem, e.g. too short)
 * are on screen now, not only after ↺. The running model is left alone.
 */
async function previewCorpus() {
  const generation = ++state.previewGeneration;
  const runGeneration = state.generation;
  views.corpus.status = { checking: true };
  let trainer = null;
  try {
    const input = await views.corpus.corpusInput();
    if (generation !== state.previewGeneration || runGeneration !== state.generation) return;
    trainer = state.tinyformer.createTrainer(trainerSpec(state.settings), input);
    views.corpus.status = { info: trainer.info, waiting: true };
  } catch (err) {
    if (generation !== state.previewGeneration || runGeneration !== state.generation) return;
    views.corpus.status = { error: err, waiting: true };
  } finally {
    trainer?.dispose();
  }
}

function schedulePreview() {
  clearTimeout(state.previewTimer);
  state.previewTimer = setTimeout(previewCorpus, 250);
}

/** Keep the trained model (offer "start over"), but show what the new text or settings give. */
function keepRun() {
  views.dashboard.pending = true;
  if (state.tinyformer) schedulePreview();
}

/** Settings changed: live ones go to the running model; others rebuild it (or wait for "start over"). */
function onSettings(e) {
  const { settings, live, racer, lr, p, steps } = e.detail;
  const modeChanged = settings.mode !== state.settings.mode;
  const corpusChanged = settings.corpus !== state.settings.corpus;
  state.settings = settings;
  if (e.target !== views.mode) views.mode.settings = settings;
  if (e.target !== views.settings) views.settings.settings = settings;
  if (corpusChanged) views.corpus.value = { corpus: settings.corpus, text: settings.text };
  writeHash();
  showSections();
  const s = state.session;
  if (live && s && !modeChanged && !(steps !== undefined && s.steps === 0)) {
    if (steps !== undefined) s.setTarget(steps);
    if (lr !== undefined && racer < s.racers.length) s.setLearningRate(racer, lr);
    if (p !== undefined && racer < s.racers.length) s.setSamplingProb(racer, p);
    return;
  }
  if (!s || s.steps === 0 || s.state === 'error' || s.allDiverged) schedulePrepare();
  else keepRun();
}

function onCorpus(e) {
  state.settings.corpus = e.detail.corpus;
  state.settings.text = e.detail.text;
  writeHash();
  const s = state.session;
  if (!s || s.steps === 0 || s.state === 'error' || s.allDiverged) schedulePrepare();
  else keepRun();
}

function onReset() {
  const s = state.session;
  if (s && s.unsaved && !s.allDiverged && !window.confirm(t('train.page.unsavedReset'))) return;
  prepare();
}

async function onShare() {
  writeHash();
  try {
    await navigator.clipboard.writeText(location.href);
    views.dashboard.shareNote = t('train.dash.shared');
  } catch {
    views.dashboard.shareNote = t('train.dash.sharedManual');
  }
}

function onLoaded(e) {
  const previous = state.loaded;
  state.loaded = e.detail.model;
  views.inside.setLoaded(state.loaded, e.detail.name);
  views.drift.loadedModel = state.loaded;
  previous?.dispose();
}

function applySettingsFromHash() {
  state.settings = decodeHash(location.hash);
  if (
    state.settings.corpus !== 'own' &&
    state.entries.length &&
    !state.entries.some((x) => x.name === state.settings.corpus)
  ) {
    state.settings.corpus = state.entries[0].name;
  }
  views.mode.settings = state.settings;
  views.settings.settings = state.settings;
  views.corpus.value = { corpus: state.settings.corpus, text: state.settings.text };
  showSections();
}

async function main() {
  document.documentElement.lang = locale();
  applyI18n();
  document.title = t('train.page.title');
  $('lang-toggle').addEventListener('click', () => setLocale(locale() === 'ko' ? 'en' : 'ko'));
  onLocaleChange(() => {
    applyI18n();
    document.title = t('train.page.title');
    renderStatus();
  });
  views.mode.settings = state.settings;
  views.settings.settings = state.settings;
  showSections();
  document.addEventListener('settings-change', onSettings);
  views.corpus.addEventListener('corpus-change', onCorpus);
  views.dashboard.addEventListener('train-reset', onReset);
  views.dashboard.addEventListener('train-share', onShare);
  views.file.addEventListener('model-loaded', onLoaded);
  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) === encodeHash(state.settings)) return;
    applySettingsFromHash();
    prepare();
  });
  window.addEventListener('beforeunload', (e) => {
    const s = state.session;
    if (s && s.unsaved && !s.allDiverged) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
  try {
    state.tinyformer = await createTinyformer();
  } catch (err) {
    $('engine-status').textContent = t('train.page.engineFailed', { message: errorMessage(err) });
    document.body.dataset.engine = 'failed';
    return;
  }
  for (const name of ['lens', 'drift', 'inside', 'file']) views[name].tinyformer = state.tinyformer;
  try {
    state.entries = await (await fetch(new URL('./data/index.json', import.meta.url))).json();
  } catch {
    state.entries = [{ name: 'ko-small', file: 'ko-small.txt', lang: 'ko' }];
  }
  views.corpus.entries = state.entries;
  views.mode.corpora = state.entries.map((x) => x.name);
  applySettingsFromHash();
  writeHash();
  renderStatus();
  document.body.dataset.engine = 'ready';
  await prepare();
}

function renderStatus() {
  if (state.tinyformer) $('engine-status').textContent = t('train.page.engine', { arch: state.tinyformer.simdArch });
}

// For tests and the curious: the engine, the settings and the session behind what is on screen.
globalThis.tinyformerTrain = state;
main();
