// <tf-heatmap>: a matrix drawn on canvas, with token labels on the axes and the value under the
// pointer (or under the keyboard cursor: focus it and use the arrow keys).
//
//   const h = document.createElement('tf-heatmap');
//   h.matrix = { values: Float32Array, rows: 3, cols: 4, rowLabels: ['나', '는', '밥'], colLabels: ['0', '1', '2', '3'] };
//   h.setAttribute('scale', 'diverging');   // or 'sequential' (probabilities)
//   h.addEventListener('cell-hover', (e) => console.log(e.detail));   // {row, col, value}
//
// Attributes: scale (diverging | sequential), cell (preferred cell size in px, default 18),
// row-title / col-title (axis names), label (accessible name). A pure view: it never computes the
// numbers it shows.
import { divergingColor, sequentialColor } from './colors.js';

const STYLE = `
  :host { display: block; position: relative; font: 12px/1.3 system-ui, "Noto Sans CJK KR", sans-serif; }
  .wrap { overflow: auto; max-width: 100%; }
  canvas { display: block; outline: none; }
  canvas:focus-visible { box-shadow: 0 0 0 3px #f4a582; border-radius: 4px; }
  .readout { min-height: 1.4em; margin-top: 4px; color: #333; font-variant-numeric: tabular-nums; }
  .legend { display: flex; align-items: center; gap: 6px; margin-top: 2px; color: #555; }
  .legend canvas { width: 140px; height: 10px; border: 1px solid #ccc; }
`;

export class TfHeatmap extends HTMLElement {
  static get observedAttributes() { return ['scale', 'cell']; }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.innerHTML = `<style>${STYLE}</style><div class="wrap"><canvas tabindex="0" role="img"></canvas></div>
      <div class="legend"><span class="lo"></span><canvas class="bar" width="140" height="10"></canvas><span class="hi"></span></div>
      <div class="readout" aria-live="polite"></div>`;
    this._canvas = this.shadowRoot.querySelector('canvas');
    this._readout = this.shadowRoot.querySelector('.readout');
    this._matrix = null;
    this._cursor = null;
    this._layout = null;
    this._canvas.addEventListener('pointermove', (e) => this._pointer(e));
    this._canvas.addEventListener('pointerleave', () => this._select(null));
    this._canvas.addEventListener('keydown', (e) => this._key(e));
  }

  /** { values: Float32Array|number[], rows, cols, rowLabels?: string[], colLabels?: string[], mask?: Uint8Array } */
  set matrix(m) {
    this._matrix = m;
    this._cursor = null;
    this._draw();
  }
  get matrix() { return this._matrix; }

  /** The value shown at (row, col), for tests and for linked views. */
  valueAt(row, col) { return this._matrix.values[row * this._matrix.cols + col]; }

  attributeChangedCallback() { this._draw(); }
  connectedCallback() { this._draw(); }

  _range() {
    const v = this._matrix.values;
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i])) continue;
      lo = Math.min(lo, v[i]);
      hi = Math.max(hi, v[i]);
    }
    if (this.getAttribute('scale') === 'sequential') return { lo: Math.min(0, lo), hi: Math.max(hi, 1e-9) };
    const limit = Math.max(Math.abs(lo), Math.abs(hi), 1e-9);
    return { lo: -limit, hi: limit };
  }

  _color(value, range) {
    if (!Number.isFinite(value)) return '#d9d9d9';
    return this.getAttribute('scale') === 'sequential'
      ? sequentialColor(value, range.lo, range.hi) : divergingColor(value, range.hi);
  }

  _draw() {
    const m = this._matrix;
    if (!m || !this.isConnected) return;
    const ctx = this._canvas.getContext('2d');
    const dpr = window.devicePixelRatio || 1;
    const font = '12px system-ui, "Noto Sans CJK KR", sans-serif';
    ctx.font = font;
    const rowLabels = m.rowLabels ?? [];
    const colLabels = m.colLabels ?? [];
    const labelW = Math.ceil(Math.max(0, ...rowLabels.map((s) => ctx.measureText(s).width))) + (rowLabels.length ? 8 : 0);
    const labelH = colLabels.length ? Math.ceil(Math.max(...colLabels.map((s) => ctx.measureText(s).width))) + 8 : 0;
    const preferred = Number(this.getAttribute('cell')) || 18;
    const avail = Math.max(120, (this.clientWidth || 600) - labelW - 4);
    const cell = Math.max(4, Math.min(preferred, Math.floor(avail / m.cols)));
    const cellH = Math.max(cell, 16);
    const width = labelW + m.cols * cell, height = labelH + m.rows * cellH;
    this._canvas.width = Math.round(width * dpr);
    this._canvas.height = Math.round(height * dpr);
    this._canvas.style.width = `${width}px`;
    this._canvas.style.height = `${height}px`;
    this._canvas.setAttribute('aria-label', `${this.getAttribute('label') ?? ''} ${m.rows}×${m.cols}`);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = font;
    const range = this._range();
    this._layout = { labelW, labelH, cell, cellH, range };
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.cols; c++) {
        const masked = m.mask && m.mask[r * m.cols + c];
        ctx.fillStyle = masked ? '#eeeeee' : this._color(m.values[r * m.cols + c], range);
        ctx.fillRect(labelW + c * cell, labelH + r * cellH, cell, cellH);
      }
    }
    ctx.fillStyle = '#222';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    rowLabels.forEach((s, r) => ctx.fillText(s, labelW - 6, labelH + r * cellH + cellH / 2));
    ctx.save();
    ctx.textAlign = 'left';
    colLabels.forEach((s, c) => {
      ctx.save();
      ctx.translate(labelW + c * cell + cell / 2, labelH - 4);
      ctx.rotate(-Math.PI / 2);
      ctx.fillText(s, 0, 0);
      ctx.restore();
    });
    ctx.restore();
    if (this._cursor) {
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 2;
      ctx.strokeRect(labelW + this._cursor.col * cell + 1, labelH + this._cursor.row * cellH + 1, cell - 2, cellH - 2);
    }
    this._drawLegend(range);
  }

  _drawLegend(range) {
    const bar = this.shadowRoot.querySelector('.bar');
    const ctx = bar.getContext('2d');
    for (let x = 0; x < bar.width; x++) {
      ctx.fillStyle = this._color(range.lo + (range.hi - range.lo) * (x / (bar.width - 1)), range);
      ctx.fillRect(x, 0, 1, bar.height);
    }
    this.shadowRoot.querySelector('.lo').textContent = formatValue(range.lo);
    this.shadowRoot.querySelector('.hi').textContent = formatValue(range.hi);
  }

  _pointer(e) {
    if (!this._layout) return;
    const rect = this._canvas.getBoundingClientRect();
    const { labelW, labelH, cell, cellH } = this._layout;
    const col = Math.floor((e.clientX - rect.left - labelW) / cell);
    const row = Math.floor((e.clientY - rect.top - labelH) / cellH);
    const inside = row >= 0 && col >= 0 && row < this._matrix.rows && col < this._matrix.cols;
    this._select(inside ? { row, col } : null);
  }

  _key(e) {
    if (!this._matrix) return;
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (!moves[e.key]) return;
    e.preventDefault();
    const cur = this._cursor ?? { row: 0, col: 0 };
    const row = Math.min(this._matrix.rows - 1, Math.max(0, cur.row + moves[e.key][0]));
    const col = Math.min(this._matrix.cols - 1, Math.max(0, cur.col + moves[e.key][1]));
    this._select({ row, col });
  }

  _select(cell) {
    this._cursor = cell;
    this._draw();
    if (!cell) {
      this._readout.textContent = '';
      return;
    }
    const m = this._matrix;
    const value = this.valueAt(cell.row, cell.col);
    const rowName = m.rowLabels?.[cell.row] ?? cell.row;
    const colName = m.colLabels?.[cell.col] ?? cell.col;
    const rt = this.getAttribute('row-title') ?? '', ct = this.getAttribute('col-title') ?? '';
    this._readout.textContent = `${rt} ${rowName} · ${ct} ${colName} → ${formatValue(value)}`;
    this.dispatchEvent(new CustomEvent('cell-hover', { detail: { ...cell, value }, bubbles: true, composed: true }));
  }
}

export function formatValue(v) {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1000 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(4);
}

customElements.define('tf-heatmap', TfHeatmap);
