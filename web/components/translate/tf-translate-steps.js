// <tf-translate-steps>: the translation written token by token. A step button and play walk through the
// decoder's steps; at step k the written token is highlighted and the Korean tokens show how much the
// decoder's cross-attention looked at each while writing it.
//
//   v.data = {
//     source: ['<bos>', '나는', ...],        // labels of what the encoder read (S)
//     written: [{label: 'I', prob: 0.99}, ...], // what the decoder wrote, step by step (T), <eos> last if finished
//     attention: Float32Array,                  // (T, S) cross-attention rows of the chosen layer and head
//     finished, maxTokens, layer, head,         // head: number or 'mean'
//   };
//   v.step = 2;                                  // or let the learner choose; emits `step-change` {step}
// A pure view: every number is given.
import './strings.js';
import { onLocaleChange, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import { BASE_STYLE, headName, pct } from './common.js';

// Control icons as SVG paths (a font may lack ⏮ ⏸ ⏭), drawn in a 12×12 box.
const ICONS = {
  first: 'M2 1h2v10H2zM11 1v10L5 6z',
  prev: 'M10 1v10L3 6z',
  play: 'M3 1v10l8-5z',
  pause: 'M2 1h3v10H2zM7 1h3v10H7z',
  next: 'M2 1v10l7-5z',
  all: 'M1 1v10l6-5zM8 1h2v10H8z',
};
function icon(name) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 12 12');
  svg.setAttribute('width', '12');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

const STYLE = `${BASE_STYLE}
  .controls button { display: inline-flex; align-items: center; gap: 0.35rem; }
  .controls { display: flex; flex-wrap: wrap; gap: 0.35rem; align-items: center; margin: 0.3rem 0 0.6rem; }
  .counter { color: #5b5b66; font-variant-numeric: tabular-nums; margin-left: 0.4rem; }
  .out { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0.2rem 0 0.5rem; min-height: 2.4rem; }
  .tok { border: 1px solid #c8c8d2; border-radius: 8px; padding: 0.2rem 0.55rem; background: #fafafe; font-size: 1.15rem; }
  .tok.future { opacity: 0.25; border-style: dashed; }
  .tok.now { border-color: #b35806; background: #fff3e6; box-shadow: 0 0 0 2px #f4a582; font-weight: 600; }
  .tok.special { font-size: 0.9rem; color: #5b5b66; }
  .writing { font-weight: 600; margin: 0.2rem 0; }
  .src { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin-top: 0.3rem; }
  .col { display: flex; flex-direction: column; align-items: center; min-width: 3rem; }
  .bar { width: 2.2rem; background: #e3e3ea; border-radius: 4px 4px 0 0; height: 60px; display: flex; align-items: flex-end; }
  .fill { width: 100%; background: #b35806; border-radius: 4px 4px 0 0; }
  .pct { font-size: 0.8rem; color: #5b5b66; font-variant-numeric: tabular-nums; }
  .label { font-size: 1.05rem; white-space: pre; }
  .label.special { font-size: 0.85rem; color: #5b5b66; }
  .note { color: #5b5b66; font-size: 0.9rem; }
`;

export class TfTranslateSteps extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<style>${STYLE}</style><div class="root"></div>`;
    this._data = null;
    this._step = 0;
    this._timer = null;
  }
  connectedCallback() {
    this._off = onLocaleChange(() => this._render());
  }
  disconnectedCallback() {
    this._off?.();
    this._stop();
  }

  set data(d) {
    this._data = d;
    const n = d?.written.length ?? 0;
    if (this._step >= n) this._step = Math.max(0, n - 1);
    this._render();
  }
  get step() {
    return this._step;
  }
  set step(k) {
    const n = this._data?.written.length ?? 0;
    this._step = Math.max(0, Math.min(n - 1, k));
    this._render();
  }

  _go(k, fromUser = true) {
    const before = this._step;
    this.step = k;
    if (fromUser && this._step !== before) {
      this.dispatchEvent(
        new CustomEvent('step-change', { detail: { step: this._step }, bubbles: true, composed: true }),
      );
    }
  }
  _stop() {
    clearInterval(this._timer);
    this._timer = null;
  }
  _play() {
    if (this._timer) return (this._stop(), this._render());
    const n = this._data?.written.length ?? 0;
    if (this._step >= n - 1) this._go(0);
    this._timer = setInterval(() => {
      if (this._step >= (this._data?.written.length ?? 0) - 1) {
        this._stop();
        this._render();
        return;
      }
      this._go(this._step + 1);
    }, 900);
    this._render();
  }

  _render() {
    const root = this.shadowRoot.querySelector('.root');
    const d = this._data;
    if (!d || !d.written.length) {
      root.replaceChildren(el('p', 'note', t('translate.input.noSource')));
      return;
    }
    const n = d.written.length,
      k = this._step,
      S = d.source.length;
    const button = (key, fn, disabled, pressed) => {
      const action = key.split('.').pop();
      const b = el('button', '');
      b.append(icon(action), document.createTextNode(t(key)));
      b.type = 'button';
      b.disabled = disabled;
      b.dataset.action = action;
      if (pressed !== undefined) b.setAttribute('aria-pressed', String(pressed));
      b.addEventListener('click', fn);
      return b;
    };
    const controls = el('div', 'controls');
    controls.append(
      button('translate.steps.first', () => this._go(0), k === 0),
      button('translate.steps.prev', () => this._go(k - 1), k === 0),
      button(
        this._timer ? 'translate.steps.pause' : 'translate.steps.play',
        () => this._play(),
        n < 2,
        Boolean(this._timer),
      ),
      button('translate.steps.next', () => this._go(k + 1), k >= n - 1),
      button('translate.steps.all', () => this._go(n - 1), k >= n - 1),
      el('span', 'counter', t('translate.steps.counter', { k: k + 1, n })),
    );
    const out = el('div', 'out');
    out.setAttribute('aria-label', t('translate.steps.result'));
    d.written.forEach((w, i) => {
      const chip = el(
        'span',
        `tok${i === k ? ' now' : ''}${i > k ? ' future' : ''}${w.special ? ' special' : ''}`,
        w.label,
      );
      chip.dataset.step = String(i);
      out.append(chip);
    });
    const cur = d.written[k];
    const writing = el('p', 'writing', t('translate.steps.writing', { k: k + 1, token: cur.label, p: pct(cur.prob) }));
    writing.setAttribute('aria-live', 'polite');
    const looked = el('p', 'hint', t('translate.steps.looked', { layer: d.layer + 1, head: headName(d.head) }));
    const src = el('div', 'src');
    for (let s = 0; s < S; s++) {
      const w = d.attention[k * S + s];
      const col = el('div', 'col');
      col.dataset.source = String(s);
      col.dataset.weight = String(w);
      const bar = el('div', 'bar');
      const fill = el('div', 'fill');
      fill.style.height = `${Math.round(60 * w)}px`;
      bar.append(fill);
      col.append(
        el('span', 'pct', pct(w)),
        bar,
        el('span', `label${d.sourceSpecial?.[s] ? ' special' : ''}`, d.source[s]),
      );
      col.title = `${d.source[s]}: ${w.toFixed(4)}`;
      src.append(col);
    }
    const notes = [];
    if (cur.special && d.finished && k === n - 1) notes.push(el('p', 'note', t('translate.steps.eos')));
    if (!d.finished && k === n - 1) notes.push(el('p', 'note', t('translate.steps.unfinished', { n: d.maxTokens })));
    root.replaceChildren(controls, out, writing, looked, src, ...notes);
  }
}

customElements.define('tf-translate-steps', TfTranslateSteps);
