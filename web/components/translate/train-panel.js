// <tf-translate-train>: the translation lesson's "train it in the tab" panel. A pure view: it shows what the
// controller (train-controller.js, which owns the training Worker) hands it, and asks for actions with events.
// It calls no engine and computes no model number: losses, scores, translations and attention are the engine's.
//
//   panel.status = { state: 'loading'|'ready'|'running'|'paused'|'stopped'|'diverged'|'error', steps, seconds,
//                    reached: {step, seconds} | null, setup: {...} | null, canPublish, message: {key, params} | null };
//   panel.curves = { steps, loss, evalSteps, evalLoss, scoreSteps, exactMatch, tokenAccuracy, scorePairs };
//   panel.samples = { step, items: [{ source, reference, text, finished, exact, error }] };
//   panel.decoder = { layers, heads };  panel.snapshots = [...]   (see train-map.js)
//   panel.addEventListener('train-action', (e) => e.detail.action);  // start | pause | step | reset | publish
import { onLocaleChange, t } from '../../i18n/index.js';
import { iconLabel } from '../icons.js';
import { el } from '../labels.js';
import '../tf-line-chart.js';
import './train-map.js';

const STYLE = `
  :host { display: block; font: 14px/1.5 system-ui, "Noto Sans CJK KR", sans-serif; color: #1d1d1f; min-width: 0; }
  h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
  .explain, .hint { color: #5b5b66; margin: 0.3rem 0; }
  .hint { font-size: 0.9rem; }
  .controls { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.5rem 0; }
  .controls svg { display: inline-block; vertical-align: -0.12em; }
  button { font: inherit; cursor: pointer; border: 1px solid #c8c8d2; background: #fafafe; border-radius: 8px; padding: 0.3rem 0.8rem; color: inherit; }
  button:hover:not(:disabled) { border-color: #2166ac; }
  button.primary { background: #2166ac; border-color: #2166ac; color: #fff; font-weight: 600; }
  button.publish { border-color: #1b7837; color: #1b7837; font-weight: 600; }
  button:disabled { opacity: 0.45; cursor: not-allowed; }
  button:focus-visible { outline: 3px solid #f4a582; outline-offset: 1px; }
  .state { margin: 0.2rem 0; font-weight: 600; }
  .setup { color: #5b5b66; font-size: 0.85rem; margin: 0.2rem 0; overflow-wrap: anywhere; }
  .message { padding: 0.5rem 0.7rem; border-radius: 8px; margin: 0.4rem 0; background: #f3f3f8; }
  .message.error { background: #fdecea; color: #8a1c12; border: 1px solid #f1b0a8; }
  .message.ok { background: #e7f4ea; color: #14532d; border: 1px solid #a6d8b4; }
  .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: 0.5rem; margin: 0.5rem 0; }
  .stat { border: 1px solid #e0e0e8; border-radius: 8px; padding: 0.35rem 0.6rem; display: flex; flex-direction: column; }
  .stat b { font-size: 1.25rem; font-variant-numeric: tabular-nums; }
  .stat span { color: #5b5b66; font-size: 0.85rem; }
  .charts { display: grid; grid-template-columns: 1fr; gap: 0.5rem 1.2rem; }
  @media (min-width: 900px) { .charts { grid-template-columns: 1fr 1fr; } }
  .charts > div { min-width: 0; }
  ol.samples { list-style: none; padding: 0; margin: 0.3rem 0; display: grid; gap: 0.4rem; }
  ol.samples li { border: 1px solid #e0e0e8; border-radius: 8px; padding: 0.4rem 0.6rem; overflow-wrap: anywhere; }
  ol.samples .src { font-weight: 600; }
  ol.samples .row { display: flex; gap: 0.5rem; align-items: baseline; }
  ol.samples .tag { color: #5b5b66; font-size: 0.85rem; min-width: 3.2rem; flex: none; }
  ol.samples .mark { font-size: 0.85rem; flex: none; }
  ol.samples li[data-exact="true"] { border-color: #a6d8b4; background: #f3faf5; }
  ol.samples li[data-exact="true"] .mark { color: #1b7837; }
  ol.samples li[data-exact="false"] .mark { color: #b35806; }
`;

const pct = (p) => (p === undefined || !Number.isFinite(p) ? '—' : `${(100 * p).toFixed(1)}%`);
const loss = (v) => (v === undefined ? '—' : Number.isNaN(v) ? 'NaN' : v.toFixed(3));

export class TfTranslateTrain extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._status = {
      state: 'loading',
      steps: 0,
      seconds: 0,
      reached: null,
      setup: null,
      canPublish: false,
      message: null,
    };
    this._curves = null;
    this._samples = null;
    this._decoder = { layers: 1, heads: 1 };
    this._snapshots = [];
    this._frame = 0;
  }

  set status(s) {
    this._status = { ...this._status, ...s };
    this._renderStatus();
  }
  get status() {
    return this._status;
  }
  set curves(c) {
    this._curves = c;
    this._schedule();
  }
  get curves() {
    return this._curves;
  }
  set samples(s) {
    this._samples = s;
    this._renderSamples();
  }
  get samples() {
    return this._samples;
  }
  set decoder(d) {
    this._decoder = d;
    if (this._map) this._map.decoder = d;
  }
  get decoder() {
    return this._decoder;
  }
  set snapshots(list) {
    this._snapshots = list ?? [];
    if (this._map) this._map.snapshots = this._snapshots;
  }
  get snapshots() {
    return this._snapshots;
  }
  /** The attention map element (slider, layer / head, matrix on show). */
  get map() {
    return this._map;
  }

  connectedCallback() {
    this._off = onLocaleChange(() => this._build());
    this._build();
  }
  /** Draws everything again (e.g. once the strings are registered, or the language changed). */
  refresh() {
    if (this.isConnected) this._build();
  }
  disconnectedCallback() {
    this._off?.();
    cancelAnimationFrame(this._frame);
    this._frame = 0;
  }

  _build() {
    const style = el('style');
    style.textContent = STYLE;
    const controls = el('div', 'controls');
    const button = (action, cls = '') => {
      const b = el('button', cls);
      b.type = 'button';
      b.dataset.action = action;
      b.addEventListener('click', () => {
        const act = action === 'run' ? (this._status.state === 'running' ? 'pause' : 'start') : action;
        this.dispatchEvent(new CustomEvent('train-action', { detail: { action: act }, bubbles: true, composed: true }));
      });
      controls.append(b);
      return b;
    };
    this._run = button('run', 'primary');
    this._stepBtn = button('step');
    this._reset = button('reset');
    this._publish = button('publish', 'publish');
    this._publish.title = t('translate.train.publishHint');
    this._stateLine = el('p', 'state');
    this._stateLine.setAttribute('role', 'status');
    this._setup = el('p', 'setup');
    this._messages = el('div');
    this._said = null;
    this._messages.setAttribute('aria-live', 'polite');
    const stats = el('div', 'stats');
    const stat = (key) => {
      const box = el('div', 'stat');
      const value = el('b', '', '—');
      value.dataset.stat = key;
      box.append(value, el('span', '', t(`translate.train.stat.${key}`)));
      stats.append(box);
      return value;
    };
    this._statStep = stat('step');
    this._statTime = stat('time');
    this._statExact = stat('exact');
    this._statTokens = stat('tokens');
    this._reached = el('p', 'message ok');
    this._reached.hidden = true;

    const chart = (label, y, extra = {}) => {
      const c = document.createElement('tf-line-chart');
      c.setAttribute('label', t(label));
      c.setAttribute('x-title', t('translate.train.lossX'));
      c.setAttribute('y-title', t(y));
      c.setAttribute('height', '220');
      c.setAttribute('x-min', '0');
      for (const [k, v] of Object.entries(extra)) c.setAttribute(k, v);
      return c;
    };
    this._lossChart = chart('translate.train.lossLabel', 'translate.train.lossY', { 'y-zero': '' });
    this._scoreChart = chart('translate.train.scoreLabel', 'translate.train.scoreY', { 'y-min': '0', 'y-max': '100' });
    this._scoreHint = el('p', 'hint');
    const lossBox = el('div');
    lossBox.append(
      el('h3', '', t('translate.train.lossTitle')),
      this._lossChart,
      el('p', 'hint', t('translate.train.lossHint')),
    );
    const scoreBox = el('div');
    scoreBox.append(el('h3', '', t('translate.train.scoreTitle')), this._scoreChart, this._scoreHint);
    const charts = el('div', 'charts');
    charts.append(lossBox, scoreBox);

    this._samplesTitle = el('h3', '', t('translate.train.samplesTitle'));
    this._samplesList = el('ol', 'samples');
    this._map = this._map ?? document.createElement('tf-translate-train-map');
    this._map.decoder = this._decoder;
    this._map.snapshots = this._snapshots;
    this.shadowRoot.replaceChildren(
      style,
      el('p', 'explain', t('translate.train.explain')),
      controls,
      this._stateLine,
      this._setup,
      this._messages,
      stats,
      this._reached,
      charts,
      this._samplesTitle,
      this._samplesList,
      el('h3', '', t('translate.train.mapTitle')),
      el('p', 'explain', t('translate.train.mapExplain')),
      this._map,
    );
    this._map.refresh();
    this._renderStatus();
    this._renderCurves();
    this._renderSamples();
  }

  _renderStatus() {
    if (!this._run) return;
    const s = this._status;
    const running = s.state === 'running';
    const usable = !['loading', 'error', 'diverged'].includes(s.state);
    // the icons are SVG, never a font glyph (⏸ shows as an empty box without an emoji font)
    iconLabel(
      this._run,
      running ? 'pause' : 'play',
      t(running ? 'translate.train.pause' : s.steps > 0 ? 'translate.train.resume' : 'translate.train.start'),
    );
    this._run.disabled = !usable || s.state === 'stopped';
    this._stepBtn.textContent = t('translate.train.step');
    this._stepBtn.disabled = !usable || s.state === 'stopped';
    iconLabel(this._reset, 'reset', t('translate.train.reset'));
    this._reset.disabled = s.state === 'loading' && !s.message;
    this._publish.textContent = t('translate.train.publish');
    this._publish.disabled = !s.canPublish;
    this._stateLine.textContent = t(`translate.train.state.${s.state}`);
    this.dataset.state = s.state;
    this._setup.textContent = !s.setup
      ? ''
      : t('translate.train.setup', s.setup) +
        (s.setup.schedule ? ` ${t('translate.train.schedule', s.setup.schedule)}` : '');
    this._statStep.textContent = String(s.steps);
    this._statTime.textContent = t('translate.train.seconds', { s: s.seconds.toFixed(1) });
    this._reached.hidden = !s.reached;
    if (s.reached)
      this._reached.textContent = t('translate.train.reached', {
        step: s.reached.step,
        s: s.reached.seconds.toFixed(1),
      });
    // the alert is replaced only when it changes, so a screen reader announces it once
    const said = JSON.stringify(s.message ?? null) + this._stateLine.textContent;
    if (said === this._said) return;
    this._said = said;
    const messages = [];
    if (s.message) {
      const box = el('p', `message ${s.message.kind ?? 'error'}`, t(s.message.key, s.message.params ?? {}));
      box.setAttribute('role', 'alert');
      box.dataset.key = s.message.key;
      messages.push(box);
    }
    this._messages.replaceChildren(...messages);
  }

  _schedule() {
    if (this._frame || !this.isConnected) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      this._renderCurves();
    });
  }

  _renderCurves() {
    if (!this._lossChart) return;
    const c = this._curves;
    if (!c) {
      this._lossChart.series = [];
      this._scoreChart.series = [];
      this._statExact.textContent = '—';
      this._statTokens.textContent = '—';
      this._scoreHint.textContent = '';
      return;
    }
    this._lossChart.series = [
      { label: t('translate.train.lossTrain'), xs: c.steps, ys: c.loss },
      { label: t('translate.train.lossHeld'), xs: c.evalSteps, ys: c.evalLoss },
    ];
    const percent = (list) => list.map((p) => 100 * p);
    this._scoreChart.series = [
      { label: t('translate.train.scoreExact'), xs: c.scoreSteps, ys: percent(c.exactMatch) },
      { label: t('translate.train.scoreTokens'), xs: c.scoreSteps, ys: percent(c.tokenAccuracy) },
    ];
    this._statExact.textContent = pct(c.exactMatch.at(-1));
    this._statTokens.textContent = pct(c.tokenAccuracy.at(-1));
    this._scoreHint.textContent = c.scorePairs ? t('translate.train.scoreHint', { pairs: c.scorePairs }) : '';
    this._lossChart.dataset.lastLoss = loss(c.loss.at(-1));
  }

  _renderSamples() {
    if (!this._samplesList) return;
    const s = this._samples;
    this._samplesTitle.textContent = s
      ? `${t('translate.train.samplesTitle')} (${t('translate.train.samplesAt', { step: s.step })})`
      : t('translate.train.samplesTitle');
    const items = (s?.items ?? []).map((item) => {
      const li = el('li');
      li.append(el('div', 'src', item.source));
      const row = (tag, text, cls = '') => {
        const r = el('div', `row ${cls}`);
        r.append(el('span', 'tag', tag), el('span', 'text', text));
        return r;
      };
      li.append(row(t('translate.train.reference'), item.reference, 'ref'));
      if (item.error) {
        li.append(el('div', 'row error', t('translate.train.sentenceError', { message: item.error })));
      } else {
        const text =
          item.text === ''
            ? t('translate.train.empty')
            : item.text + (item.finished ? '' : ` ${t('translate.train.unfinished')}`);
        const r = row(t('translate.train.model'), text, 'out');
        r.append(
          el('span', 'mark', item.exact ? `✓ ${t('translate.train.right')}` : `✗ ${t('translate.train.wrong')}`),
        );
        li.append(r);
        li.dataset.exact = String(Boolean(item.exact));
      }
      return li;
    });
    this._samplesList.replaceChildren(...items);
  }
}

customElements.define('tf-translate-train', TfTranslateTrain);
