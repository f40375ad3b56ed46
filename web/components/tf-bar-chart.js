// <tf-bar-chart>: a horizontal bar chart of labelled values (next-token probabilities, logits,
// losses, shares…), built from DOM so it reflows at phone width and reads well with a screen reader.
//
//   const c = document.createElement('tf-bar-chart');
//   c.setAttribute('label', 'Next-token probabilities');      // accessible name
//   c.data = {
//     labels: ['다', '는', '을'],              // one per bar (shown as text, never as HTML)
//     values: Float32Array.of(0.5, 0.3, 0.2),  // the numbers the engine returned
//     highlight: 0,                            // optional: index of the bar to emphasise
//     muted: [2],                              // optional: bars drawn in grey (e.g. "all the others")
//     details: ['#7', '#8', '#9'],             // optional: extra text for the readout
//     format: (v) => v.toFixed(4),             // optional: value label (default: 4 decimals)
//     domain: [0, 1],                          // optional: axis range (default: from 0 to the data)
//   };
//   c.addEventListener('bar-hover', (e) => e.detail);   // {index, label, value} or null
//   c.addEventListener('bar-select', (e) => e.detail);  // click, Enter or Space on a bar
//
// Keyboard: focus the chart (Tab), then ↑/↓ (Home/End) move the cursor; the readout under the chart
// names the bar. Colours follow the heatmaps: orange = positive, blue = negative (colour-blind safe),
// and the highlighted bar is also marked with ▶ and bold text, so it never relies on colour alone.
// A pure view: it draws the numbers it is given and computes none.

const STYLE = `
  :host { display: block; font: 13px/1.35 system-ui, "Noto Sans CJK KR", "Noto Sans KR", sans-serif; color: #1d1d1f; min-width: 0; }
  .chart { display: grid; grid-template-columns: minmax(1.5em, max-content) minmax(48px, 1fr) max-content;
           column-gap: 6px; row-gap: 2px; align-items: center; padding: 2px; border-radius: 6px; outline: none; }
  .chart:focus-visible { box-shadow: 0 0 0 3px #f4a582; }
  .cell { min-width: 0; padding: 1px 0; }
  .label { max-width: 10em; overflow: hidden; text-overflow: ellipsis; white-space: pre; text-align: right; }
  .track { position: relative; height: 16px; background: #f3f3f8; border-radius: 3px; }
  .zero { position: absolute; top: -2px; bottom: -2px; width: 1px; background: #5b5b66; }
  .bar { position: absolute; top: 2px; bottom: 2px; border-radius: 2px; background: #e08214; }
  .bar.neg { background: #4393c3; }
  .value { font-variant-numeric: tabular-nums; text-align: right; color: #333; }
  .hl.label, .hl.value { font-weight: 700; color: #111; }
  .hl .bar { background: #b35806; box-shadow: 0 0 0 2px #111; }
  .hl .bar.neg { background: #2166ac; }
  .muted .bar { background: repeating-linear-gradient(135deg, #b8b8c4 0 4px, #d6d6de 4px 8px); }
  .muted.label, .muted.value { color: #5b5b66; font-style: italic; }
  .cur { background: #fff2e8; }
  .cur.track { background: #fde3d0; }
  .mark { display: inline-block; width: 1em; color: #b35806; }
  .readout { min-height: 1.4em; margin-top: 4px; color: #333; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
  .empty { color: #5b5b66; font-style: italic; grid-column: 1 / -1; }
  :host([compact]) { font-size: 11px; line-height: 1.2; }
  :host([compact]) .chart { row-gap: 0; }
  :host([compact]) .cell { padding: 0; }
  :host([compact]) .track { height: 10px; }
`;

function defaultFormat(v) {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1000 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(4);
}

export class TfBarChart extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<style>${STYLE}</style>
      <div class="chart" role="listbox" tabindex="0"></div><div class="readout" aria-live="polite"></div>`;
    this._chart = this.shadowRoot.querySelector('.chart');
    this._readout = this.shadowRoot.querySelector('.readout');
    this._data = null;
    this._cursor = -1;
    this._uid = `bc${Math.random().toString(36).slice(2, 8)}`;
    this._chart.addEventListener('keydown', (e) => this._key(e));
    this._chart.addEventListener('pointerleave', () => this._move(-1));
    this._chart.addEventListener('pointerover', (e) => {
      const i = Number(e.target.closest?.('[data-index]')?.dataset.index ?? -1);
      if (i >= 0) this._move(i);
    });
    this._chart.addEventListener('click', (e) => {
      const i = Number(e.target.closest?.('[data-index]')?.dataset.index ?? -1);
      if (i >= 0) this._pick(i);
    });
  }

  static get observedAttributes() {
    return ['label'];
  }
  attributeChangedCallback() {
    this._chart.setAttribute('aria-label', this.getAttribute('label') ?? '');
  }

  /** See the header comment. Setting it redraws; the cursor is kept when the bar count is unchanged. */
  set data(d) {
    const sameLength = this._data && d && this._data.values.length === d.values.length;
    this._data = d;
    if (!sameLength) this._cursor = -1;
    this._render();
  }
  get data() {
    return this._data;
  }

  /** What is on screen, for tests and linked views: [{label, value, text, highlight, muted}]. */
  rows() {
    const d = this._data;
    if (!d) return [];
    const fmt = d.format ?? defaultFormat;
    const muted = new Set(d.muted ?? []);
    return Array.from(d.values, (value, i) => ({
      label: d.labels[i],
      value,
      text: fmt(value),
      highlight: i === d.highlight,
      muted: muted.has(i),
    }));
  }

  _domain() {
    const d = this._data;
    if (d.domain) return d.domain;
    let lo = 0,
      hi = 0;
    for (const v of d.values) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (hi - lo < 1e-12) hi = lo + 1;
    return [lo, hi];
  }

  _render() {
    const d = this._data;
    this._chart.setAttribute('aria-label', this.getAttribute('label') ?? '');
    if (!d || d.values.length === 0) {
      const empty = document.createElement('div');
      empty.className = 'empty';
      empty.textContent = d?.emptyText ?? '—';
      this._chart.replaceChildren(empty);
      this._readout.textContent = '';
      return;
    }
    const [lo, hi] = this._domain();
    const span = hi - lo;
    const pct = (v) => `${(100 * (Math.min(hi, Math.max(lo, v)) - lo)) / span}%`;
    const zero = pct(0);
    const fmt = d.format ?? defaultFormat;
    const muted = new Set(d.muted ?? []);
    const cells = [];
    Array.from(d.values).forEach((v, i) => {
      const cls = [i === d.highlight ? 'hl' : '', muted.has(i) ? 'muted' : '', i === this._cursor ? 'cur' : ''].join(
        ' ',
      );
      const label = document.createElement('div');
      label.className = `cell label ${cls}`;
      label.dataset.index = i;
      label.id = `${this._uid}-${i}`;
      label.setAttribute('role', 'option');
      label.setAttribute('aria-selected', String(i === d.highlight));
      label.setAttribute('aria-label', `${d.labels[i]}: ${fmt(v)}`);
      const mark = document.createElement('span');
      mark.className = 'mark';
      mark.textContent = i === d.highlight ? '▶' : '';
      mark.setAttribute('aria-hidden', 'true');
      label.append(mark, document.createTextNode(d.labels[i]));
      label.title = d.labels[i];
      const track = document.createElement('div');
      track.className = `cell track ${cls}`;
      track.dataset.index = i;
      track.setAttribute('aria-hidden', 'true');
      if (lo < 0) {
        const z = document.createElement('span');
        z.className = 'zero';
        z.style.left = zero;
        track.append(z);
      }
      const bar = document.createElement('span');
      bar.className = `bar${v < 0 ? ' neg' : ''}`;
      if (Number.isFinite(v)) {
        bar.style.left = v < 0 ? pct(v) : zero;
        bar.style.width = `${(100 * Math.abs(Math.min(hi, Math.max(lo, v)) - Math.min(hi, Math.max(lo, 0)))) / span}%`;
      }
      track.append(bar);
      const value = document.createElement('div');
      value.className = `cell value ${cls}`;
      value.dataset.index = i;
      value.setAttribute('aria-hidden', 'true');
      value.textContent = fmt(v);
      cells.push(label, track, value);
    });
    this._chart.replaceChildren(...cells);
    if (this._cursor >= 0) this._chart.setAttribute('aria-activedescendant', `${this._uid}-${this._cursor}`);
    else this._chart.removeAttribute('aria-activedescendant');
    this._showReadout();
  }

  _showReadout() {
    const d = this._data;
    if (!d || this._cursor < 0 || this._cursor >= d.values.length) {
      this._readout.textContent = d?.readoutHint ?? '';
      return;
    }
    const i = this._cursor;
    const fmt = d.format ?? defaultFormat;
    const extra = d.details?.[i] ? `  (${d.details[i]})` : '';
    this._readout.textContent = `${d.labels[i]} → ${fmt(d.values[i])}${extra}`;
  }

  _move(i) {
    if (i === this._cursor) return;
    const old = this._cursor;
    this._cursor = i;
    for (const c of this._chart.querySelectorAll(`[data-index="${old}"]`)) c.classList.remove('cur');
    for (const c of this._chart.querySelectorAll(`[data-index="${i}"]`)) c.classList.add('cur');
    if (i >= 0) {
      this._chart.setAttribute('aria-activedescendant', `${this._uid}-${i}`);
    } else this._chart.removeAttribute('aria-activedescendant');
    this._showReadout();
    const d = this._data;
    const detail = i >= 0 && d ? { index: i, label: d.labels[i], value: d.values[i] } : null;
    this.dispatchEvent(new CustomEvent('bar-hover', { detail, bubbles: true, composed: true }));
  }

  _pick(i) {
    const d = this._data;
    this.dispatchEvent(
      new CustomEvent('bar-select', {
        detail: { index: i, label: d.labels[i], value: d.values[i] },
        bubbles: true,
        composed: true,
      }),
    );
  }

  _key(e) {
    const n = this._data?.values.length ?? 0;
    if (!n) return;
    const cur = this._cursor;
    const next = { ArrowDown: cur + 1, ArrowUp: cur < 0 ? 0 : cur - 1, Home: 0, End: n - 1 }[e.key];
    if (next !== undefined) {
      e.preventDefault();
      this._move(Math.min(n - 1, Math.max(0, next)));
      this._chart.querySelector(`[data-index="${this._cursor}"]`)?.scrollIntoView?.({ block: 'nearest' });
    } else if ((e.key === 'Enter' || e.key === ' ') && cur >= 0) {
      e.preventDefault();
      this._pick(cur);
    }
  }
}

customElements.define('tf-bar-chart', TfBarChart);
