// <tf-translate-train-map>: the cross-attention of one fixed held-out sentence, redrawn from the snapshots a
// training run took, with a slider over training time and a layer / head choice. A pure view: it draws the
// engine's numbers it is given and computes none of them.
//
//   map.decoder = { layers: 1, heads: 2 };
//   map.snapshots = [{ step, seconds, source, reference, text, finished, rowLabels, colLabels,
//                      cross: [{ data: Float32Array, shape: [H, T, S] }, ...one per decoder layer] }, ...];
//   map.addEventListener('snapshot-change', (e) => e.detail);   // {index, step} when the learner moves the slider
//
// While the slider sits on the newest snapshot it follows new ones; once moved back it stays where it is.
import { onLocaleChange, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import '../tf-heatmap.js';

const STYLE = `
  :host { display: block; min-width: 0; }
  .pickers { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: center; margin: 0.3rem 0 0.5rem; }
  label { display: inline-flex; gap: 0.4rem; align-items: center; font-weight: 500; }
  select, input { font: inherit; }
  select { padding: 0.15rem 0.3rem; }
  select:focus, input:focus-visible { outline: 3px solid #f4a582; outline-offset: 1px; }
  .slider { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.8rem; margin: 0.4rem 0; }
  .slider input[type=range] { flex: 1 1 14rem; min-width: 0; accent-color: #2166ac; }
  .slider output { font-variant-numeric: tabular-nums; font-weight: 600; }
  .sentence { margin: 0.3rem 0; overflow-wrap: anywhere; }
  .sentence b { margin-right: 0.3rem; }
  .own { margin: 0.4rem 0 0; overflow-wrap: anywhere; }
  .own .text { font-weight: 600; }
  .hint { color: #5b5b66; font-size: 0.9rem; margin: 0.3rem 0; }
  .axes { color: #5b5b66; font-size: 0.85rem; margin: 0.2rem 0; }
`;

/** A word token as the learner reads it: without the word-start mark ▁ (the engine's label keeps it). */
const shown = (label) => label.replace(/^\u2581/, '') || label;

export class TfTranslateTrainMap extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._snapshots = [];
    this._index = -1;
    this._follow = true;
    this._layer = 0;
    this._head = 0;
    this._decoder = { layers: 1, heads: 1 };
  }

  set decoder(d) {
    this._decoder = { layers: Math.max(1, d?.layers ?? 1), heads: Math.max(1, d?.heads ?? 1) };
    this._layer = Math.min(this._layer, this._decoder.layers - 1);
    this._head = Math.min(this._head, this._decoder.heads - 1);
    this._build();
  }
  get decoder() {
    return this._decoder;
  }

  set snapshots(list) {
    this._snapshots = list ?? [];
    if (this._follow || this._index >= this._snapshots.length) this._index = this._snapshots.length - 1;
    this._render();
  }
  get snapshots() {
    return this._snapshots;
  }

  /** The snapshot on show (index into snapshots), and the layer / head picked. */
  get index() {
    return this._index;
  }
  set index(i) {
    this._select(i);
  }
  get layer() {
    return this._layer;
  }
  get head() {
    return this._head;
  }

  connectedCallback() {
    this._off = onLocaleChange(() => this._build());
    this._build();
  }
  disconnectedCallback() {
    this._off?.();
  }
  /** Draws everything again (e.g. once the strings are registered). */
  refresh() {
    this._build();
  }

  _build() {
    if (!this.isConnected) return;
    const style = el('style');
    style.textContent = STYLE;
    const pickers = el('div', 'pickers');
    const picker = (key, count, option, value, set) => {
      const label = el('label');
      const select = el('select');
      select.dataset.pick = key;
      for (let i = 0; i < count; i++) {
        const o = el('option', '', t(option, { n: i + 1 }));
        o.value = String(i);
        select.append(o);
      }
      select.value = String(value);
      select.addEventListener('change', () => {
        set(Number(select.value));
        this._render();
      });
      label.append(el('span', '', t(key === 'layer' ? 'translate.train.layer' : 'translate.train.head')), select);
      pickers.append(label);
    };
    picker('layer', this._decoder.layers, 'translate.train.layerOption', this._layer, (v) => {
      this._layer = v;
    });
    picker('head', this._decoder.heads, 'translate.train.headOption', this._head, (v) => {
      this._head = v;
    });
    this._sentence = el('p', 'sentence');
    const slider = el('div', 'slider');
    const label = el('label');
    this._range = el('input');
    this._range.type = 'range';
    this._range.min = '0';
    this._range.step = '1';
    this._range.setAttribute('aria-label', t('translate.train.slider'));
    this._range.addEventListener('input', () => this._select(Number(this._range.value), true));
    label.append(el('span', '', t('translate.train.slider')));
    this._out = el('output');
    slider.append(label, this._range, this._out);
    this._axes = el('p', 'axes', `↓ ${t('translate.train.mapRows')} · → ${t('translate.train.mapCols')}`);
    this._heatmap = document.createElement('tf-heatmap');
    this._heatmap.setAttribute('scale', 'sequential');
    this._heatmap.setAttribute('scale-max', '1'); // probabilities: an even spread looks even
    this._heatmap.setAttribute('cell', '34');
    this._heatmap.setAttribute('show-values', '');
    this._heatmap.setAttribute('label', t('translate.train.mapTitle'));
    this._own = el('p', 'own');
    this.shadowRoot.replaceChildren(
      style,
      this._sentence,
      pickers,
      slider,
      el('p', 'hint', t('translate.train.sliderHint')),
      this._axes,
      this._heatmap,
      this._own,
    );
    this._render();
  }

  _select(i, byLearner = false) {
    const n = this._snapshots.length;
    if (!n) return;
    this._index = Math.max(0, Math.min(n - 1, Math.round(i)));
    this._follow = this._index === n - 1;
    this._render();
    if (byLearner) {
      this.dispatchEvent(
        new CustomEvent('snapshot-change', { detail: { index: this._index, step: this._snapshots[this._index].step } }),
      );
    }
  }

  /** The matrix on show (for tests): { values, rows, cols, rowLabels, colLabels } or null. */
  get matrix() {
    return this._heatmap?.matrix ?? null;
  }

  _render() {
    if (!this._heatmap) return;
    const n = this._snapshots.length;
    const snap = this._snapshots[this._index];
    this._range.max = String(Math.max(0, n - 1));
    this._range.value = String(Math.max(0, this._index));
    this._range.disabled = n < 2;
    if (!snap) {
      this._out.textContent = t('translate.train.noSnapshot');
      this._sentence.replaceChildren();
      this._own.replaceChildren();
      this._heatmap.hidden = true;
      return;
    }
    this._heatmap.hidden = false;
    this._out.textContent = t('translate.train.sliderValue', {
      step: snap.step,
      s: snap.seconds.toFixed(1),
      i: this._index + 1,
      n,
    });
    this._sentence.replaceChildren(
      el('b', '', `${t('translate.train.mapSentence')}:`),
      document.createTextNode(`${snap.source} → ${snap.reference}`),
    );
    const layer = snap.cross[Math.min(this._layer, snap.cross.length - 1)];
    const [H, T, S] = layer.shape;
    const h = Math.min(this._head, H - 1);
    this._heatmap.matrix = {
      values: layer.data.subarray(h * T * S, (h + 1) * T * S),
      rows: T,
      cols: S,
      rowLabels: snap.rowLabels.map(shown),
      colLabels: snap.colLabels.map(shown),
    };
    const text = snap.text === '' ? t('translate.train.empty') : snap.text;
    this._own.replaceChildren(
      el('span', '', `${t('translate.train.mapOwn')}: `),
      el('span', 'text', text),
      document.createTextNode(snap.finished ? '' : ` ${t('translate.train.unfinished')}`),
    );
  }
}

customElements.define('tf-translate-train-map', TfTranslateTrainMap);
