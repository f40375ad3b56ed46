// <tf-look-inside>: the first page's pipeline views, opened on the model while it trains. Every few
// seconds (or on demand) it takes a snapshot — run.save(racer) → tinyformer.loadModel(bytes) → the stage's
// controller (web/controllers/stage-state.js) — without stopping training, and hands the stage view the same
// state the first page gives it. Watching attention sharpen as the
// model learns is the point. A model loaded from a file can be opened here too.
//
//   inside.tinyformer = engine; inside.session = trainSession; inside.loadedModel = model; inside.sentence = '…';
import { errorMessage, registerStrings, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import { STAGES } from '../../stages.js';
import { inspectFor, stageKey, viewState } from '../../controllers/stage-state.js';
import '../stages/index.js';
import { racerName } from './settings-form.js';
import { LivePanel } from './live-panel.js';
import ko from '../../i18n/train/look-inside.ko.js';
import en from '../../i18n/train/look-inside.en.js';

registerStrings({ ko, en });

export class TfLookInside extends LivePanel {
  constructor() {
    super();
    this._loaded = null;
    this._loadedName = '';
    this._source = 0;
    this._sentence = '';
    this._stage = 'attention';
    this._layer = 0;
    this._busy = false;
    this._model = null; // the snapshot on screen (owned unless it is the loaded model)
    this._owned = false;
    this._inspection = null;
    this._memory = {}; // what each kind of stage view remembers, by tag
    this._snapStep = null;
    this._snapTime = null;
    this._error = null;
  }

  onPeriodic() {
    if (this._source !== 'loaded') this.snapshot();
  }
  onState(e) {
    if (['paused', 'finished'].includes(e.detail.state) && this._source !== 'loaded') this.snapshot();
  }

  set session(s) {
    this.follow(s);
    if (this._source !== 'loaded') {
      this._source = 0;
      this._drop();
      this._build();
      if (s) this.snapshot();
    } else this._build();
  }

  /** A model loaded from a file (not owned: the page disposes it). */
  setLoaded(model, name) {
    if (this._source === 'loaded') this._drop();
    this._loaded = model;
    this._loadedName = name;
    if (model) {
      this._source = 'loaded';
      this._build();
      this.snapshot();
    } else if (this._source === 'loaded') {
      this._source = 0;
      this._build();
      this.snapshot();
    }
  }

  /** The sentence used until the learner types their own. */
  set sentence(text) {
    if (this._edited) return;
    this._sentence = text;
    if (this._input) this._input.value = text;
  }

  _drop() {
    if (this._owned) this._model?.dispose();
    this._model = null;
    this._owned = false;
    this._inspection = null;
  }

  /** Takes a snapshot of the chosen racer (or uses the loaded model) and renders the stage. */
  async snapshot() {
    if (this._busy || !this._tf || !this._sentence) return;
    this._busy = true;
    try {
      let model,
        owned,
        step = null;
      if (this._source === 'loaded') {
        model = this._loaded;
        owned = false;
      } else {
        const s = this._session;
        if (!s) return;
        step = s.steps;
        model = this._tf.loadModel(await s.run.save(this._source));
        owned = true;
        if (s !== this._session) {
          model.dispose();
          return;
        }
      }
      let inspection = null;
      this._error = null;
      try {
        inspection = inspectFor(this._currentStage(), this._env(model));
      } catch (err) {
        this._error =
          err.code === 'too_long'
            ? t('train.inside.tooLong', { n: err.detail, max: model.config.block_size })
            : errorMessage(err);
      }
      const old = this._owned ? this._model : null;
      this._model = model;
      this._owned = owned;
      this._inspection = inspection;
      this._snapStep = step;
      this._snapTime = new Date();
      this._renderStage();
      if (old && old !== model) old.dispose();
    } catch (err) {
      if (err?.code !== 'terminated') {
        this._error = errorMessage(err);
        this._renderStage();
      }
    } finally {
      this._busy = false;
    }
  }

  _build() {
    if (!this.isConnected) return;
    const parts = [el('p', 'explain', t('train.inside.explain'))];
    const sources = [];
    this._session?.racers.forEach((r) => sources.push([String(r.index), racerName(r)]));
    if (this._loaded) sources.push(['loaded', t('train.inside.loaded', { name: this._loadedName })]);
    if (!sources.length) {
      parts.push(el('p', 'hint', t('train.inside.none')));
      this.replaceChildren(...parts);
      this._view = null;
      return;
    }
    const controls = el('div', 'tr-row');
    const source = document.createElement('select');
    source.name = 'inside-model';
    for (const [v, text] of sources) source.append(new Option(text, v));
    source.value = String(this._source);
    source.addEventListener('change', () => {
      this._source = source.value === 'loaded' ? 'loaded' : Number(source.value);
      this.snapshot();
    });
    const srcLabel = el('label', 'tr-field');
    srcLabel.append(el('span', '', t('train.inside.model')), source);
    const sentLabel = el('label', 'tr-field tr-grow');
    this._input = document.createElement('input');
    this._input.type = 'text';
    this._input.name = 'inside-sentence';
    this._input.value = this._sentence;
    this._input.addEventListener('change', () => {
      this._edited = true;
      this._sentence = this._input.value;
      this.snapshot();
    });
    sentLabel.append(el('span', '', t('train.inside.sentence')), this._input);
    const snap = el('button', 'tr-btn', t('train.inside.snap'));
    snap.type = 'button';
    snap.dataset.action = 'snapshot';
    snap.addEventListener('click', () => {
      this._sentence = this._input.value;
      this.snapshot();
    });
    const auto = el('label', 'tr-check');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = this._auto;
    box.addEventListener('change', () => {
      this._auto = box.checked;
    });
    auto.append(box, document.createTextNode(t('train.inside.auto')));
    controls.append(srcLabel, sentLabel, snap, auto);
    this._caption = el('p', 'hint tr-inside-caption');
    this._caption.setAttribute('aria-live', 'polite');
    const nav = el('ol', 'stage-nav');
    nav.setAttribute('aria-label', 'pipeline');
    STAGES.forEach((stage, i) => {
      const li = el('li');
      const b = el('button', 'stage-button', `${i + 1}. ${t(`stage.${stage.id}.short`)}`);
      b.type = 'button';
      b.dataset.stage = stage.id;
      b.setAttribute('aria-current', String(stage.id === this._stage));
      b.addEventListener('click', () => {
        this._stage = stage.id;
        nav
          .querySelectorAll('button')
          .forEach((x) => x.setAttribute('aria-current', String(x.dataset.stage === stage.id)));
        this._renderStage();
      });
      li.append(b);
      nav.append(li);
    });
    const head = el('div', 'stage-head');
    this._title = el('h3', 'tr-stage-title');
    this._layerLabel = el('label', 'inline');
    this._layerSelect = document.createElement('select');
    this._layerSelect.name = 'inside-layer';
    this._layerSelect.addEventListener('change', () => {
      this._layer = Number(this._layerSelect.value);
      this._renderStage();
    });
    this._layerLabel.append(el('span', '', t('stage.layer')), this._layerSelect);
    head.append(this._title, this._layerLabel);
    this._explain = el('p', 'explain');
    this._message = el('p', 'message error');
    this._message.hidden = true;
    this._host = el('div', 'tr-stage-host');
    this._host.addEventListener('stage-request', () => this._renderStage()); // the view needs new numbers
    parts.push(controls, this._caption, nav, head, this._explain, this._message, this._host);
    this.replaceChildren(...parts);
    this._view = null;
    this._renderStage();
  }

  _renderStage() {
    if (!this._host) return;
    const stage = this._currentStage();
    this._title.textContent = t(`stage.${stage.id}.title`);
    this._explain.textContent = t(`stage.${stage.id}.explain`);
    const model = this._model;
    this._caption.textContent = !model
      ? ''
      : this._source === 'loaded'
        ? t('train.inside.atLoaded')
        : t('train.inside.at', { step: this._snapStep, time: this._snapTime.toLocaleTimeString() });
    this.dataset.step = this._snapStep === null ? '' : String(this._snapStep);
    this._message.hidden = !this._error;
    this._message.textContent = this._error ?? '';
    this._layerLabel.hidden = !stage.layered || !model;
    if (model) {
      const L = model.config.n_layer;
      if (this._layerSelect.options.length !== L) {
        this._layerSelect.replaceChildren(
          ...Array.from({ length: L }, (_, l) => new Option(t('stage.layerOption', { n: l + 1 }), String(l))),
        );
      }
      this._layer = Math.min(this._layer, L - 1);
      this._layerSelect.value = String(this._layer);
    }
    if (!model || !this._inspection) {
      this._host.replaceChildren();
      this._view = null;
      return;
    }
    let view = this._view;
    if (!view || view.localName !== stage.tag || view.dataset.which !== String(stage.which ?? '')) {
      view = document.createElement(stage.tag);
      view.dataset.which = String(stage.which ?? '');
      if (stage.which) view.setAttribute('which', String(stage.which));
      this._host.replaceChildren(view);
      this._view = view;
    }
    const env = this._env(model);
    if (this._inspection.stageKey !== stageKey(stage, this._layer)) {
      try {
        this._inspection = inspectFor(stage, env);
      } catch (err) {
        this._error = errorMessage(err);
        this._message.hidden = false;
        this._message.textContent = this._error;
        this._host.replaceChildren();
        this._view = null;
        return;
      }
    }
    env.inspection = this._inspection;
    view.state = viewState(stage, env);
  }

  _currentStage() {
    return STAGES.find((s) => s.id === this._stage);
  }

  /** What the stage's controller is handed (web/controllers/stage-state.js); each kind of view keeps its memory. */
  _env(model) {
    const stage = this._currentStage();
    return {
      tinyformer: this._tf,
      model,
      inspection: this._inspection,
      text: this._sentence,
      layer: this._layer,
      memory: (this._memory[stage.tag] ??= {}),
      trained: undefined,
      whatif: null, // a model mid-training
    };
  }
}

customElements.define('tf-look-inside', TfLookInside);
