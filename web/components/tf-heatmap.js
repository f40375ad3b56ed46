// <tf-heatmap>: a matrix drawn on canvas, with token labels on the axes and the value under the
// pointer (or under the keyboard cursor: focus it and use the arrow keys).
//
//   const h = document.createElement('tf-heatmap');
//   h.matrix = { values: Float32Array, rows: 3, cols: 4, rowLabels: ['나', '는', '밥'], colLabels: ['0', '1', '2', '3'] };
//   h.setAttribute('scale', 'diverging');   // or 'sequential' (probabilities)
//   h.addEventListener('cell-hover', (e) => console.log(e.detail));   // {row, col, value}
//   h.addEventListener('cell-leave', () => ...);                       // pointer / cursor left the cells
//
// Optional matrix fields:
//   mask: Uint8Array (1 = masked)          masked cells (and −∞ values) are drawn hatched grey
//   rowNotes: string[], rowNotesTitle      a text column to the right of the cells, one entry per row
//   colGroups: [{from, to, label, active}] column groups (e.g. heads): dividers, a label above, the
//                                          active group outlined
//
// Attributes: scale (diverging | sequential), cell (preferred cell size in px, default 18),
// min-cell (smallest cell before the box scrolls sideways, default 4), cell-height, show-values
// (write each value in its cell when it fits), mask-note (what a masked cell means, shown in the
// legend and the readout), row-title / col-title (axis names), label (accessible name), scale-max
// (sequential: the top of the colour scale at least this, e.g. 1 for probabilities, so near-uniform rows
// look flat instead of being stretched over the whole palette), scale-fit (sequential: the colour scale starts at
// the smallest value instead of at 0, for values that differ only a little, e.g. cosines between 0.6 and 1).
// Property `highlight` = {row?, col?} outlines a row / column (linked views). A pure view: it never
// computes the numbers it shows.
//
// Speed: the matrix is painted once per matrix, size or attribute change (cells without written values go
// through one ImageData, one pixel per cell, scaled up); the highlight and the keyboard / pointer cursor are
// outlines laid over the canvas, so moving them repaints nothing (the embedding table has thousands of cells).
// A tall heatmap inside a scrolling box can be given `viewport` = {top, height} (px from its top): the canvas
// then covers only those rows (a page-tall canvas costs tens of megabytes to allocate) and the box keeps the
// full height to scroll through.
import { divergingColor, sequentialColor, textColorOn } from './colors.js';

const STYLE = `
  :host { display: block; position: relative; max-width: 100%; min-width: 0; font: 12px/1.3 system-ui, "Noto Sans CJK KR", sans-serif; }
  .wrap { overflow: auto; max-width: 100%; }
  .plane { position: relative; width: max-content; }
  canvas { display: block; outline: none; }
  .mark { position: absolute; box-sizing: border-box; pointer-events: none; }
  .mark[hidden] { display: none; }
  .mark.line { border: 2px solid #111; }
  .mark.cursor { border: 2px solid #000; box-shadow: inset 0 0 0 1px #fff; }
  canvas:focus-visible { box-shadow: 0 0 0 3px #f4a582; border-radius: 4px; }
  .readout { min-height: 1.4em; margin-top: 4px; color: #333; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
  .legend { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 2px; color: #555; }
  .legend canvas { width: 120px; height: 10px; border: 1px solid #ccc; }
  .mask-key { display: inline-flex; align-items: center; gap: 4px; margin-left: 8px; }
  .mask-key[hidden] { display: none; }
  .swatch { width: 14px; height: 12px; border: 1px solid #bbb;
    background: repeating-linear-gradient(135deg, #e6e6e6 0 3px, #9a9a9a 3px 4px); }
`;
const FONT = '12px system-ui, "Noto Sans CJK KR", sans-serif';
const BOLD = `bold ${FONT}`;
const CELL_FONT = '11px system-ui, "Noto Sans CJK KR", sans-serif';
const SMALL_FONT = '9.5px system-ui, "Noto Sans CJK KR", sans-serif';

export class TfHeatmap extends HTMLElement {
  static get observedAttributes() {
    return ['scale', 'cell', 'min-cell', 'cell-height', 'show-values', 'mask-note', 'scale-max', 'scale-fit'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.innerHTML = `<style>${STYLE}</style><div class="wrap"><div class="plane"><canvas class="cells" tabindex="0" role="img"></canvas>
      <div class="mark line row" hidden></div><div class="mark line col" hidden></div><div class="mark cursor" hidden></div></div></div>
      <div class="legend"><span class="lo"></span><canvas class="bar" width="120" height="10"></canvas><span class="hi"></span>
      <span class="mask-key" hidden><span class="swatch"></span><span class="mask-text"></span></span></div>
      <div class="readout" aria-live="polite"></div>`;
    this._canvas = this.shadowRoot.querySelector('canvas.cells');
    this._readout = this.shadowRoot.querySelector('.readout');
    const mark = (cls) => this.shadowRoot.querySelector(`.mark.${cls}`);
    this._marks = { row: mark('row'), col: mark('col'), cursor: mark('cursor') };
    this._matrix = null;
    this._cursor = null;
    this._highlight = null;
    this._layout = null;
    this._drawnWidth = -1;
    this._canvas.addEventListener('pointermove', (e) => this._pointer(e));
    this._canvas.addEventListener('pointerleave', () => this._select(null));
    this._canvas.addEventListener('blur', () => this._select(null));
    this._canvas.addEventListener('keydown', (e) => this._key(e));
  }

  /** { values: Float32Array|number[], rows, cols, rowLabels?, colLabels?, mask?, rowNotes?, rowNotesTitle?, colGroups? } */
  set matrix(m) {
    this._matrix = m;
    this._cursor = null;
    this._draw();
  }
  get matrix() {
    return this._matrix;
  }

  /** Paint only the band {top, height} (px from the heatmap's top) of a tall matrix; null paints it all. */
  set viewport(v) {
    this._viewport = v;
    this._draw();
  }

  /**
   * New rowNotes for the same matrix (e.g. which rows a new sentence uses): only the notes column is
   * repainted when the notes still fit it.
   */
  set rowNotes(notes) {
    const m = this._matrix,
      layout = this._layout;
    if (!m) return;
    this._matrix = { ...m, rowNotes: notes };
    if (!layout || this._painted !== m || !m.rowNotes || !this.isConnected) {
      this._draw();
      return;
    }
    this._painted = this._matrix;
    const ctx = this._canvas.getContext('2d');
    ctx.font = FONT;
    if (this._widest(notes) + 14 > layout.notesW) {
      this._draw();
      return;
    }
    const x = layout.notesX,
      top = layout.labelH;
    ctx.clearRect(x - 1, top, layout.notesW, m.rows * layout.cellH);
    this._paintNotes(ctx);
  }

  /** Outline a row and/or a column: {row, col} (either may be missing); null clears. */
  set highlight(h) {
    this._highlight = h;
    this._placeMarks();
  }
  get highlight() {
    return this._highlight;
  }

  /** The value shown at (row, col), for tests and for linked views. */
  valueAt(row, col) {
    return this._matrix.values[row * this._matrix.cols + col];
  }

  /** True when (row, col) is drawn as masked (mask bit set, or the value is −∞). */
  isMasked(row, col) {
    const m = this._matrix,
      i = row * m.cols + col;
    return Boolean(m.mask?.[i]) || m.values[i] === -Infinity;
  }

  attributeChangedCallback() {
    this._draw();
  }
  connectedCallback() {
    // moved back into the page unchanged (a view re-rendering around it): the canvas still holds the picture,
    // and a new width, if any, reaches the resize observer below
    if (this._painted !== this._matrix) this._draw();
    if (!this._resize && typeof ResizeObserver !== 'undefined') {
      // Redraw when the box gets a new width (e.g. a <details> opens, the phone turns). A box that
      // only hugs its own canvas (a shrink-to-fit parent) is left alone, so sizes cannot feed back.
      this._resize = new ResizeObserver(() => {
        const w = this.clientWidth;
        if (w === this._drawnWidth || Math.abs(w - this._canvas.offsetWidth) < 1) return;
        requestAnimationFrame(() => this._draw());
      });
    }
    this._resize?.observe(this);
  }
  disconnectedCallback() {
    this._resize?.disconnect();
  }

  _range() {
    const v = this._matrix.values;
    let lo = Infinity,
      hi = -Infinity;
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i])) continue;
      lo = Math.min(lo, v[i]);
      hi = Math.max(hi, v[i]);
    }
    if (lo > hi) lo = hi = 0; // nothing finite to scale
    if (this.getAttribute('scale') === 'sequential') {
      const from = this.hasAttribute('scale-fit') ? lo : Math.min(0, lo);
      return { lo: from, hi: Math.max(hi, Number(this.getAttribute('scale-max')) || 0, from + 1e-9) };
    }
    const limit = Math.max(Math.abs(lo), Math.abs(hi), 1e-9);
    return { lo: -limit, hi: limit };
  }

  _color(value, range) {
    if (!Number.isFinite(value)) return '#d9d9d9';
    return this.getAttribute('scale') === 'sequential'
      ? sequentialColor(value, range.lo, range.hi)
      : divergingColor(value, range.hi);
  }

  _hatch(ctx) {
    if (!this._pattern) {
      const tile = document.createElement('canvas');
      tile.width = tile.height = 6;
      const t = tile.getContext('2d');
      t.fillStyle = '#e6e6e6';
      t.fillRect(0, 0, 6, 6);
      t.strokeStyle = '#9a9a9a';
      t.lineWidth = 1;
      t.beginPath();
      t.moveTo(0, 6);
      t.lineTo(6, 0);
      t.moveTo(-1, 1);
      t.lineTo(1, -1);
      t.moveTo(5, 7);
      t.lineTo(7, 5);
      t.stroke();
      this._pattern = ctx.createPattern(tile, 'repeat');
    }
    return this._pattern;
  }

  _draw() {
    const m = this._matrix;
    if (!m || !this.isConnected) return;
    const ctx = this._canvas.getContext('2d');
    const dpr = window.devicePixelRatio || 1;
    ctx.font = FONT;
    const rowLabels = m.rowLabels ?? [];
    const colLabels = m.colLabels ?? [];
    const notes = m.rowNotes ?? null;
    const groups = m.colGroups ?? null;
    const labelW = this._widest(rowLabels) + (rowLabels.length ? 8 : 0);
    const notesW = notes
      ? Math.ceil(Math.max(ctx.measureText(m.rowNotesTitle ?? '').width, this._widest(notes))) + 14
      : 0;
    const preferred = Number(this.getAttribute('cell')) || 18;
    const minCell = Number(this.getAttribute('min-cell')) || 4;
    this._drawnWidth = this.clientWidth;
    const avail = Math.max(120, (this.clientWidth || 600) - labelW - notesW - 4);
    const cell = Math.max(minCell, Math.min(preferred, Math.floor(avail / m.cols)));
    const cellH = Number(this.getAttribute('cell-height')) || Math.max(cell, 16);
    const colW = this._widest(colLabels);
    const flat = colLabels.length > 0 && colW <= cell - 4; // column labels fit upright
    const groupH = groups ? 18 : 0;
    const notesTitleH = notes && m.rowNotesTitle ? 16 : 0;
    const labelH = Math.max(notesTitleH, colLabels.length ? (flat ? 16 : Math.ceil(colW) + 8) : 0) + groupH;
    const width = labelW + m.cols * cell + notesW,
      height = labelH + m.rows * cellH + 2;
    // the band of the picture the canvas holds: all of it, or the viewport's rows (the plane keeps the full size)
    const vp = this._viewport;
    const top = vp ? Math.max(0, Math.min(Math.floor(vp.top), height - 1)) : 0;
    const bandH = vp ? Math.max(1, Math.min(Math.ceil(vp.height), height - top)) : height;
    this._canvas.width = Math.round(width * dpr);
    this._canvas.height = Math.round(bandH * dpr);
    Object.assign(this._canvas.style, {
      width: `${width}px`,
      height: `${bandH}px`,
      position: vp ? 'absolute' : '',
      top: vp ? `${top}px` : '',
    });
    Object.assign(this._canvas.parentElement.style, { width: vp ? `${width}px` : '', height: vp ? `${height}px` : '' });
    this._canvas.setAttribute('aria-label', `${this.getAttribute('label') ?? ''} ${m.rows}×${m.cols}`);
    ctx.setTransform(dpr, 0, 0, dpr, 0, -top * dpr);
    ctx.clearRect(0, top, width, bandH);
    const range = this._range();
    this._layout = {
      labelW,
      labelH,
      cell,
      cellH,
      range,
      notesX: labelW + m.cols * cell + 8,
      notesW,
      top,
      bottom: top + bandH,
    };
    this._painted = m;
    const level = this.hasAttribute('show-values') ? this._textLevel(ctx, cell) : null;
    const anyMasked = level ? this._paintCellsWithValues(ctx, level, range) : this._paintCells(ctx, range);
    ctx.font = FONT;
    if (groups) {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      for (const g of groups) {
        const x0 = labelW + g.from * cell,
          x1 = labelW + g.to * cell;
        ctx.font = g.active ? BOLD : FONT;
        ctx.fillStyle = g.active ? '#b35806' : '#444';
        ctx.fillText(g.label ?? '', (x0 + x1) / 2, groupH / 2, x1 - x0 - 2);
        if (g.from > 0) {
          ctx.fillStyle = '#fff';
          ctx.fillRect(x0 - 1, labelH, 2, m.rows * cellH);
          ctx.fillStyle = '#222';
          ctx.fillRect(x0 - 0.5, 0, 1, labelH);
        }
      }
      ctx.font = FONT;
    }
    ctx.fillStyle = '#222';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    rowLabels.forEach((s, r) => this._rowShown(r) && ctx.fillText(s, labelW - 6, labelH + r * cellH + cellH / 2));
    if (flat) {
      ctx.textAlign = 'center';
      colLabels.forEach((s, c) => ctx.fillText(s, labelW + c * cell + cell / 2, labelH - 9));
    } else {
      ctx.textAlign = 'left';
      const every = Math.ceil(13 / cell); // thin the labels out when they would overlap
      colLabels.forEach((s, c) => {
        if (c % every) return;
        ctx.save();
        ctx.translate(labelW + c * cell + cell / 2, labelH - 4);
        ctx.rotate(-Math.PI / 2);
        ctx.fillText(s, 0, 0);
        ctx.restore();
      });
    }
    if (notes) {
      ctx.textAlign = 'left';
      ctx.fillStyle = '#444';
      if (m.rowNotesTitle) ctx.fillText(m.rowNotesTitle, this._layout.notesX, labelH - 9);
      this._paintNotes(ctx);
    }
    if (groups) {
      for (const g of groups.filter((x) => x.active)) {
        ctx.strokeStyle = '#b35806';
        ctx.lineWidth = 3;
        ctx.strokeRect(labelW + g.from * cell + 1.5, labelH + 1.5, (g.to - g.from) * cell - 3, m.rows * cellH - 3);
      }
    }
    this._drawLegend(range, anyMasked);
    this._placeMarks();
  }

  _paintNotes(ctx) {
    const { notesX, labelH, cellH } = this._layout;
    ctx.font = FONT;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#222';
    this._matrix.rowNotes.forEach(
      (text, r) => text && this._rowShown(r) && ctx.fillText(text, notesX, labelH + r * cellH + cellH / 2),
    );
  }

  /** The widest of `texts` in the label font, in whole px (remembered for the last few arrays: labels repeat). */
  _widest(texts) {
    this._widths ??= new Map();
    let w = this._widths.get(texts);
    if (w === undefined) {
      const ctx = this._canvas.getContext('2d');
      ctx.font = FONT;
      w = 0;
      for (const text of texts) w = Math.max(w, ctx.measureText(text).width);
      w = Math.ceil(w);
      if (this._widths.size > 8) this._widths.clear();
      this._widths.set(texts, w);
    }
    return w;
  }

  /** Whether row r lies (partly) in the band the canvas holds. */
  _rowShown(r) {
    const { labelH, cellH, top, bottom } = this._layout,
      y = labelH + r * cellH;
    return y + cellH >= top && y <= bottom;
  }

  /** Cells as one image, a pixel per cell scaled up (no values written); masked cells hatched. Returns anyMasked. */
  _paintCells(ctx, range) {
    const m = this._matrix,
      { labelW, labelH, cell, cellH } = this._layout;
    const small = (this._cellCanvas ??= document.createElement('canvas'));
    small.width = m.cols;
    small.height = m.rows;
    const sctx = small.getContext('2d');
    const image = sctx.createImageData(m.cols, m.rows);
    const px = image.data;
    const lut = this._palette(range);
    const span = range.hi - range.lo || 1;
    const masked = [];
    for (let i = 0; i < m.rows * m.cols; i++) {
      const v = m.values[i];
      if (m.mask?.[i] || v === -Infinity) {
        masked.push(i);
        continue;
      }
      let rgb = 256 * 3; // the grey of a value that is not finite
      if (Number.isFinite(v)) rgb = 3 * Math.round(Math.min(1, Math.max(0, (v - range.lo) / span)) * 255);
      px[4 * i] = lut[rgb];
      px[4 * i + 1] = lut[rgb + 1];
      px[4 * i + 2] = lut[rgb + 2];
      px[4 * i + 3] = 255;
    }
    if (m.rows && m.cols) {
      sctx.putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(small, labelW, labelH, m.cols * cell, m.rows * cellH);
    }
    ctx.fillStyle = this._hatch(ctx);
    for (const i of masked)
      ctx.fillRect(labelW + (i % m.cols) * cell, labelH + Math.floor(i / m.cols) * cellH, cell, cellH);
    return masked.length > 0;
  }

  /** 256 colours along the scale (and the grey of a non-finite value) as r, g, b bytes. */
  _palette(range) {
    const lut = new Uint8Array(257 * 3);
    for (let k = 0; k <= 256; k++) {
      const color =
        k < 256 ? this._color(range.lo + (range.hi - range.lo) * (k / 255), range) : this._color(NaN, range);
      const [r, g, b] = color.startsWith('#')
        ? [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16))
        : color.match(/\d+/g).map(Number);
      lut.set([r, g, b], 3 * k);
    }
    return lut;
  }

  /** Cells one by one with their values written in them (small matrices). Returns anyMasked. */
  _paintCellsWithValues(ctx, level, range) {
    const m = this._matrix,
      { labelW, labelH, cell, cellH } = this._layout;
    let anyMasked = false;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = level.font;
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.cols; c++) {
        const value = m.values[r * m.cols + c];
        const masked = this.isMasked(r, c);
        anyMasked ||= masked;
        const x = labelW + c * cell,
          y = labelH + r * cellH;
        const color = masked ? null : this._color(value, range);
        ctx.fillStyle = masked ? this._hatch(ctx) : color;
        ctx.fillRect(x, y, cell, cellH);
        // a masked cell says "−∞" when that is its value; a hidden 0 (after softmax) stays blank
        if (!masked || value === -Infinity) {
          ctx.fillStyle = masked ? '#333' : textColorOn(color);
          ctx.fillText(cellText(value, level.digits), x + cell / 2, y + cellH / 2 + 0.5);
        }
      }
    }
    return anyMasked;
  }

  /** Lays the highlight (row / column, label included) and the cursor outlines over the painted matrix. */
  _placeMarks() {
    const m = this._matrix,
      layout = this._layout;
    const hl = this._highlight ?? {};
    const place = (mark, box) => {
      mark.hidden = !box;
      if (box)
        Object.assign(mark.style, {
          left: `${box[0]}px`,
          top: `${box[1]}px`,
          width: `${box[2]}px`,
          height: `${box[3]}px`,
        });
    };
    if (!m || !layout) return;
    const { labelW, labelH, cell, cellH } = layout;
    const inRows = (r) => r != null && r >= 0 && r < m.rows,
      inCols = (c) => c != null && c >= 0 && c < m.cols;
    place(this._marks.row, inRows(hl.row) && [0, labelH + hl.row * cellH, labelW + m.cols * cell, cellH]);
    place(this._marks.col, inCols(hl.col) && [labelW + hl.col * cell, 0, cell, labelH + m.rows * cellH]);
    const cur = this._cursor;
    place(this._marks.cursor, cur && [labelW + cur.col * cell, labelH + cur.row * cellH, cell, cellH]);
  }

  _drawLegend(range, anyMasked) {
    const bar = this.shadowRoot.querySelector('.bar');
    const ctx = bar.getContext('2d');
    for (let x = 0; x < bar.width; x++) {
      ctx.fillStyle = this._color(range.lo + (range.hi - range.lo) * (x / (bar.width - 1)), range);
      ctx.fillRect(x, 0, 1, bar.height);
    }
    this.shadowRoot.querySelector('.lo').textContent = formatValue(range.lo);
    this.shadowRoot.querySelector('.hi').textContent = formatValue(range.hi);
    const key = this.shadowRoot.querySelector('.mask-key');
    key.hidden = !anyMasked;
    key.querySelector('.mask-text').textContent = this.getAttribute('mask-note') ?? '';
  }

  /** The font and decimals with which every cell's value fits its cell (one choice for all), or null. */
  _textLevel(ctx, cell) {
    const v = this._matrix.values;
    for (const level of [
      { font: CELL_FONT, digits: 3 },
      { font: CELL_FONT, digits: 2 },
      { font: SMALL_FONT, digits: 2 },
    ]) {
      ctx.font = level.font;
      let widest = 0;
      for (let i = 0; i < v.length; i++) widest = Math.max(widest, ctx.measureText(cellText(v[i], level.digits)).width);
      if (widest <= cell - 4) return level;
    }
    return null;
  }

  _pointer(e) {
    if (!this._layout) return;
    const rect = this._canvas.getBoundingClientRect();
    const { labelW, labelH, cell, cellH } = this._layout;
    const col = Math.floor((e.clientX - rect.left - labelW) / cell);
    const row = Math.floor((e.clientY - rect.top + this._layout.top - labelH) / cellH);
    const inside = row >= 0 && col >= 0 && row < this._matrix.rows && col < this._matrix.cols;
    if (inside && this._cursor && this._cursor.row === row && this._cursor.col === col) return;
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
    const had = this._cursor;
    this._cursor = cell;
    this._placeMarks();
    if (!cell) {
      this._readout.textContent = '';
      if (had) this.dispatchEvent(new CustomEvent('cell-leave', { bubbles: true, composed: true }));
      return;
    }
    const m = this._matrix;
    const value = this.valueAt(cell.row, cell.col);
    const masked = this.isMasked(cell.row, cell.col);
    const rowName = m.rowLabels?.[cell.row] ?? cell.row;
    const colName = m.colLabels?.[cell.col] ?? cell.col;
    const rt = this.getAttribute('row-title') ?? '',
      ct = this.getAttribute('col-title') ?? '';
    const note = masked && this.getAttribute('mask-note') ? `  (${this.getAttribute('mask-note')})` : '';
    this._readout.textContent = `${rt} ${rowName} · ${ct} ${colName} → ${formatValue(value)}${note}`;
    this.dispatchEvent(
      new CustomEvent('cell-hover', { detail: { ...cell, value, masked }, bubbles: true, composed: true }),
    );
  }
}

/** A value as the readouts write it: 4 decimals, exponent for very large / small, −∞ for a mask. */
export function formatValue(v) {
  if (v === -Infinity) return '−∞';
  if (v === Infinity) return '∞';
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1000 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(4);
}

/** A value short enough to write inside a cell: plain decimals (no exponents), −∞ for a mask. */
export function cellText(v, digits = 3) {
  if (v === -Infinity) return '−∞';
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(Math.min(2, digits));
  return v.toFixed(digits);
}

customElements.define('tf-heatmap', TfHeatmap);
