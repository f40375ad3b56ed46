// <tf-line-chart>: a small canvas line chart — several series, axis ticks, a legend, and the values
// under the pointer (or under the keyboard cursor: focus the chart and use ← → Home End, Esc).
//
//   const chart = document.createElement('tf-line-chart');
//   chart.setAttribute('x-title', 'position');
//   chart.setAttribute('y-title', 'value');
//   chart.series = [{ label: 'dim 0', xs: [0, 1, 2], ys: Float32Array.of(0, 0.84, 0.91) }, ...];
//   chart.bands = [{ from: 0, to: 8, label: 'this sentence' }];   // optional shaded x ranges
//   chart.addEventListener('point-hover', (e) => e.detail);         // {x, values: [{label, x, y}]}
//
// Attributes: x-title, y-title (axis names), label (accessible name), height (px, default 240),
// x-min / x-max / y-min / y-max (fix a range instead of fitting the data), y-zero (always show 0).
// Series may also set `color` and `dash` ([on, off] px); by default they take colour-blind-safe
// Okabe–Ito colours, and every second series is dashed so lines stay apart without colour too.
// It fits its box's width (phones included) and redraws when the box is resized. A pure view: it
// draws the numbers it is given and computes none of them.
import { formatValue } from './tf-heatmap.js';

/** Okabe & Ito's palette (safe under protanopia, deuteranopia, tritanopia), darkest-first on white. */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D00'];
export const SERIES_DASHES = [[], [7, 4], [2, 3], [10, 3, 2, 3]];

const STYLE = `
  :host { display: block; position: relative; font: 12px/1.3 system-ui, "Noto Sans CJK KR", sans-serif; color: #222; min-width: 0; }
  canvas { display: block; width: 100%; outline: none; touch-action: pan-y; }
  canvas:focus-visible { box-shadow: 0 0 0 3px #f4a582; border-radius: 4px; }
  ul { list-style: none; display: flex; flex-wrap: wrap; gap: 2px 12px; padding: 0; margin: 4px 0 0; }
  li { display: inline-flex; align-items: center; gap: 5px; }
  svg { flex: none; }
  .readout { min-height: 1.4em; margin-top: 4px; color: #333; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
  .empty { color: #5b5b66; padding: 1rem 0; }
`;
const FONT = '12px system-ui, "Noto Sans CJK KR", sans-serif';
const SVG = 'http://www.w3.org/2000/svg';

/** About `count` round tick values (1, 2, 5 × 10^k steps) covering [lo, hi]. */
export function niceTicks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

function tickText(v, ticks) {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
  const digits = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return Math.abs(v) >= 1e5 ? v.toExponential(1) : v.toFixed(digits);
}

export class TfLineChart extends HTMLElement {
  static get observedAttributes() {
    return ['x-title', 'y-title', 'label', 'height', 'x-min', 'x-max', 'y-min', 'y-max', 'y-zero'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.innerHTML = `<style>${STYLE}</style><canvas tabindex="0" role="img"></canvas>
      <ul class="legend"></ul><div class="readout" aria-live="polite"></div>`;
    this._canvas = this.shadowRoot.querySelector('canvas');
    this._legend = this.shadowRoot.querySelector('.legend');
    this._readout = this.shadowRoot.querySelector('.readout');
    this._series = [];
    this._bands = [];
    this._cursor = null; // index into this._xs
    this._xs = []; // sorted union of every series' x values (the cursor's stops)
    this._layout = null;
    this._canvas.addEventListener('pointermove', (e) => this._pointer(e));
    this._canvas.addEventListener('pointerdown', (e) => this._pointer(e));
    this._canvas.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'mouse') this._select(null);
    });
    this._canvas.addEventListener('keydown', (e) => this._key(e));
    this._resize = new ResizeObserver(() => this._draw());
  }

  /** [{ label, xs, ys, color?, dash? }] — xs and ys of equal length (arrays or typed arrays). */
  set series(list) {
    this._series = (list ?? []).map((s, i) => ({
      label: String(s.label ?? i),
      xs: Array.from(s.xs ?? []),
      ys: Array.from(s.ys ?? []),
      color: s.color ?? SERIES_COLORS[i % SERIES_COLORS.length],
      dash: s.dash ?? SERIES_DASHES[i % 2 === 0 ? 0 : 1 + ((i >> 1) % (SERIES_DASHES.length - 1))],
    }));
    this._xs = [...new Set(this._series.flatMap((s) => s.xs))].filter(Number.isFinite).sort((a, b) => a - b);
    this._cursor = null;
    this._renderLegend();
    this._draw();
    this._readout.textContent = '';
  }
  get series() {
    return this._series;
  }

  /** Shaded x ranges drawn behind the lines: [{ from, to, label? }]. */
  set bands(list) {
    this._bands = list ?? [];
    this._draw();
  }
  get bands() {
    return this._bands;
  }

  connectedCallback() {
    this._resize.observe(this);
    this._draw();
  }
  disconnectedCallback() {
    this._resize.disconnect();
  }
  attributeChangedCallback() {
    this._draw();
  }

  _num(name) {
    const v = this.getAttribute(name);
    return v === null || v === '' ? null : Number(v);
  }

  _ranges() {
    let xlo = Infinity,
      xhi = -Infinity,
      ylo = Infinity,
      yhi = -Infinity;
    for (const s of this._series) {
      for (let i = 0; i < s.xs.length; i++) {
        const x = s.xs[i],
          y = s.ys[i];
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        xlo = Math.min(xlo, x);
        xhi = Math.max(xhi, x);
        ylo = Math.min(ylo, y);
        yhi = Math.max(yhi, y);
      }
    }
    if (!Number.isFinite(xlo)) {
      xlo = 0;
      xhi = 1;
      ylo = 0;
      yhi = 1;
    }
    if (this.hasAttribute('y-zero')) {
      ylo = Math.min(ylo, 0);
      yhi = Math.max(yhi, 0);
    }
    xlo = this._num('x-min') ?? xlo;
    xhi = this._num('x-max') ?? xhi;
    const fixedLo = this._num('y-min'),
      fixedHi = this._num('y-max');
    if (fixedLo === null && fixedHi === null) {
      const pad = (yhi - ylo) * 0.06 || Math.abs(yhi) * 0.1 || 1;
      ylo -= pad;
      yhi += pad;
    }
    ylo = fixedLo ?? ylo;
    yhi = fixedHi ?? yhi;
    if (xhi <= xlo) xhi = xlo + 1;
    if (yhi <= ylo) yhi = ylo + 1;
    return { xlo, xhi, ylo, yhi };
  }

  _draw() {
    if (!this.isConnected) return;
    const width = Math.max(160, this.clientWidth || 320);
    const height = Math.max(120, this._num('height') ?? 240);
    const dpr = window.devicePixelRatio || 1;
    const c = this._canvas;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    c.style.height = `${height}px`;
    const names = this._series.map((s) => s.label).join(', ');
    c.setAttribute('aria-label', `${this.getAttribute('label') ?? ''} (${names})`.trim());
    const ctx = c.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = FONT;
    const { xlo, xhi, ylo, yhi } = this._ranges();
    const yTicks = niceTicks(ylo, yhi, Math.max(3, Math.floor(height / 50)));
    const yTitle = this.getAttribute('y-title') ?? '',
      xTitle = this.getAttribute('x-title') ?? '';
    const tickW = Math.max(...yTicks.map((v) => ctx.measureText(tickText(v, yTicks)).width));
    const left = Math.ceil(tickW) + 10 + (yTitle ? 16 : 0),
      right = 10,
      top = 10,
      bottom = 24 + (xTitle ? 16 : 0);
    const plotW = Math.max(40, width - left - right),
      plotH = Math.max(40, height - top - bottom);
    const X = (x) => left + ((x - xlo) / (xhi - xlo)) * plotW;
    const Y = (y) => top + (1 - (y - ylo) / (yhi - ylo)) * plotH;
    this._layout = { left, top, plotW, plotH, X, Y, xlo, xhi };
    const xTicks = niceTicks(xlo, xhi, Math.max(2, Math.floor(plotW / 60)));

    // bands, grid, axes
    for (const b of this._bands) {
      const x0 = X(Math.max(xlo, b.from)),
        x1 = X(Math.min(xhi, b.to));
      if (x1 < x0) continue;
      ctx.fillStyle = 'rgba(244, 165, 130, 0.22)';
      ctx.fillRect(x0, top, Math.max(2, x1 - x0), plotH);
      if (b.label) {
        ctx.fillStyle = '#8a4500';
        ctx.textAlign = 'left';
        ctx.textBaseline = 'top';
        ctx.fillText(b.label, Math.min(x0 + 3, left + plotW - ctx.measureText(b.label).width), top + 2);
      }
    }
    ctx.strokeStyle = '#e6e6ee';
    ctx.lineWidth = 1;
    ctx.fillStyle = '#444';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of yTicks) {
      const y = Math.round(Y(v)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + plotW, y);
      ctx.stroke();
      ctx.fillText(tickText(v, yTicks), left - 5, y);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const v of xTicks) {
      const x = Math.round(X(v)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + plotH);
      ctx.stroke();
      ctx.fillText(tickText(v, xTicks), x, top + plotH + 5);
    }
    if (ylo < 0 && yhi > 0) {
      ctx.strokeStyle = '#9a9aa6';
      const y = Math.round(Y(0)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + plotW, y);
      ctx.stroke();
    }
    ctx.strokeStyle = '#9a9aa6';
    ctx.strokeRect(left + 0.5, top + 0.5, plotW - 1, plotH - 1);
    ctx.fillStyle = '#333';
    if (xTitle) {
      ctx.textBaseline = 'bottom';
      ctx.fillText(xTitle, left + plotW / 2, height - 1);
    }
    if (yTitle) {
      ctx.save();
      ctx.translate(2, top + plotH / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.textBaseline = 'top';
      ctx.fillText(yTitle, 0, 0);
      ctx.restore();
    }

    // lines
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, plotW, plotH);
    ctx.clip();
    for (const s of this._series) {
      ctx.strokeStyle = s.color;
      ctx.lineWidth = 2;
      ctx.setLineDash(s.dash);
      ctx.beginPath();
      let pen = false;
      for (let i = 0; i < s.xs.length; i++) {
        if (!Number.isFinite(s.ys[i]) || !Number.isFinite(s.xs[i])) {
          pen = false;
          continue;
        }
        if (pen) ctx.lineTo(X(s.xs[i]), Y(s.ys[i]));
        else ctx.moveTo(X(s.xs[i]), Y(s.ys[i]));
        pen = true;
      }
      ctx.stroke();
      if (s.xs.length <= plotW / 8) {
        // few points: show them
        ctx.setLineDash([]);
        ctx.fillStyle = s.color;
        for (let i = 0; i < s.xs.length; i++) {
          if (!Number.isFinite(s.ys[i])) continue;
          ctx.beginPath();
          ctx.arc(X(s.xs[i]), Y(s.ys[i]), 2, 0, 2 * Math.PI);
          ctx.fill();
        }
      }
    }
    ctx.setLineDash([]);
    // cursor
    if (this._cursor !== null && this._xs.length) {
      const x = this._xs[this._cursor];
      ctx.strokeStyle = '#222';
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(Math.round(X(x)) + 0.5, top);
      ctx.lineTo(Math.round(X(x)) + 0.5, top + plotH);
      ctx.stroke();
      for (const p of this._valuesAt(x)) {
        if (!Number.isFinite(p.y)) continue;
        ctx.fillStyle = '#fff';
        ctx.beginPath();
        ctx.arc(X(p.x), Y(p.y), 4.5, 0, 2 * Math.PI);
        ctx.fill();
        ctx.fillStyle = p.color;
        ctx.beginPath();
        ctx.arc(X(p.x), Y(p.y), 3.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    ctx.restore();
  }

  _renderLegend() {
    this._legend.replaceChildren(
      ...this._series.map((s) => {
        const li = document.createElement('li');
        const svg = document.createElementNS(SVG, 'svg');
        svg.setAttribute('width', '26');
        svg.setAttribute('height', '10');
        svg.setAttribute('aria-hidden', 'true');
        const line = document.createElementNS(SVG, 'line');
        for (const [k, v] of Object.entries({ x1: 1, y1: 5, x2: 25, y2: 5, stroke: s.color, 'stroke-width': 2.5 }))
          line.setAttribute(k, String(v));
        if (s.dash.length) line.setAttribute('stroke-dasharray', s.dash.join(' '));
        svg.append(line);
        const text = document.createElement('span');
        text.textContent = s.label;
        li.append(svg, text);
        return li;
      }),
    );
  }

  /** Each series' point nearest to x: [{label, color, x, y}]. */
  _valuesAt(x) {
    return this._series.map((s) => {
      let best = -1,
        dist = Infinity;
      for (let i = 0; i < s.xs.length; i++) {
        const d = Math.abs(s.xs[i] - x);
        if (d < dist) {
          dist = d;
          best = i;
        }
      }
      return { label: s.label, color: s.color, x: best < 0 ? NaN : s.xs[best], y: best < 0 ? NaN : s.ys[best] };
    });
  }

  _pointer(e) {
    if (!this._layout || !this._xs.length) return;
    const rect = this._canvas.getBoundingClientRect();
    const { left, plotW, xlo, xhi } = this._layout;
    const px = e.clientX - rect.left;
    if (px < left - 4 || px > left + plotW + 4) {
      this._select(null);
      return;
    }
    const x = xlo + ((px - left) / plotW) * (xhi - xlo);
    let best = 0;
    for (let i = 1; i < this._xs.length; i++) if (Math.abs(this._xs[i] - x) < Math.abs(this._xs[best] - x)) best = i;
    this._select(best);
  }

  _key(e) {
    if (!this._xs.length) return;
    const last = this._xs.length - 1;
    const cur = this._cursor;
    const next = {
      ArrowLeft: Math.max(0, (cur ?? 1) - 1),
      ArrowRight: Math.min(last, cur === null ? 0 : cur + 1),
      Home: 0,
      End: last,
    }[e.key];
    if (e.key === 'Escape') {
      this._select(null);
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    this._select(next);
  }

  _select(index) {
    this._cursor = index;
    this._draw();
    if (index === null) {
      this._readout.textContent = '';
      return;
    }
    const x = this._xs[index];
    const values = this._valuesAt(x);
    const xTitle = this.getAttribute('x-title') ?? '';
    this._readout.textContent =
      `${xTitle} ${formatX(x)} · ${values.map((p) => `${p.label}: ${formatValue(p.y)}`).join(' · ')}`.trim();
    this.dispatchEvent(new CustomEvent('point-hover', { detail: { x, values }, bubbles: true, composed: true }));
  }
}

function formatX(x) {
  return Number.isInteger(x) ? String(x) : formatValue(x);
}

customElements.define('tf-line-chart', TfLineChart);
