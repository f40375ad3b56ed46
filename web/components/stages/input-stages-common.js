// Shared by the first three stage views (inputs, embedding, positional): their small stylesheet
// (added to the document once, every selector under a .tfi- class, so a course page embedding one
// view gets its look without the playground's style.css), captioned heatmap panels, and a
// segmented control. Nothing here computes model numbers.
import { el } from '../labels.js';
import { formatValue } from '../tf-heatmap.js';

const CSS = `
tf-stage-inputs, tf-stage-embedding, tf-stage-positional { display: block; contain: inline-size; min-width: 0; }
.tfi-section { margin: 1.1rem 0 0; }
.tfi-section > h3 { margin-top: 0; }
.tfi-panel { margin: 0.6rem 0; min-width: 0; }
.tfi-panel > figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.tfi-panel > figcaption .tfi-shape { font-weight: 400; color: var(--muted, #5b5b66); font-variant-numeric: tabular-nums; }
.tfi-grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 330px), 1fr)); gap: 0.4rem 1.2rem; }
.tfi-op { font-size: 1.4rem; font-weight: 700; color: var(--muted, #5b5b66); margin: -0.3rem 0 -0.2rem; line-height: 1; }
.tfi-note { border-left: 4px solid #f4a582; background: #fff7ef; padding: 0.45rem 0.7rem; border-radius: 0 8px 8px 0; margin: 0.5rem 0; }
.tfi-note.tfi-same { border-left-color: #2166ac; background: #eef4fb; }
.tfi-muted { color: var(--muted, #5b5b66); }
.tfi-scroll { overflow-x: auto; max-width: 100%; }
.tfi-scrollbox { overflow-y: auto; overflow-x: hidden; position: relative; border: 1px solid var(--line, #e3e3ea); border-radius: 8px; padding: 2px; }
.tfi-readout { min-height: 1.4em; font-size: 0.85rem; color: #333; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }

/* step-by-step pipeline (stage 1) */
.tfi-step { display: grid; grid-template-columns: 2rem 1fr; gap: 0 0.6rem; align-items: start; }
.tfi-step-num { width: 1.8rem; height: 1.8rem; border-radius: 50%; background: var(--accent, #2166ac); color: #fff; display: grid; place-items: center; font-weight: 700; }
.tfi-step-body { min-width: 0; }
.tfi-step-title { font-weight: 700; margin: 0.1rem 0 0.3rem; }
.tfi-arrow { margin: 0.35rem 0 0.35rem 0.45rem; color: var(--muted, #5b5b66); font-size: 0.92rem; display: flex; align-items: center; gap: 0.6rem; }
.tfi-arrow::before { content: "↓"; font-size: 1.4rem; color: var(--accent, #2166ac); font-weight: 700; }
.tfi-sentence { font-size: 1.25rem; padding: 0.35rem 0.7rem; border: 1px solid #c8c8d2; border-radius: 8px; background: #fff; white-space: pre-wrap; overflow-wrap: anywhere; display: inline-block; max-width: 100%; }
.tfi-cols { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.tfi-col { display: grid; grid-template-rows: auto auto auto auto; justify-items: center; min-width: 2.6rem; padding: 0.2rem 0.35rem; border: 1px solid #c8c8d2; border-radius: 8px; background: #fafafe; font-variant-numeric: tabular-nums; }
.tfi-col.tfi-legend { border-color: transparent; background: none; justify-items: end; color: var(--muted, #5b5b66); font-size: 0.8rem; }
.tfi-col.tfi-unknown { border-style: dashed; border-color: #b35806; }
button.tfi-col { font: inherit; cursor: pointer; color: inherit; }
button.tfi-col[aria-pressed="true"] { border: 2px solid var(--accent, #2166ac); background: #e8f1fa; padding: calc(0.2rem - 1px) calc(0.35rem - 1px); }
.tfi-col.tfi-legend .tfi-piece { font-size: 0.8rem; line-height: 1.9; }
.tfi-col.tfi-on, .tfi-vocab li.tfi-on { outline: 3px solid #b35806; outline-offset: 1px; background: #fff7ef; }
.tfi-col:focus-visible, .tfi-vocab li:focus-visible { outline: 3px solid #f4a582; }
.tfi-pos { font-size: 0.75rem; color: var(--muted, #5b5b66); }
.tfi-piece { font-size: 1.2rem; white-space: pre; line-height: 1.5; }
.tfi-down { color: var(--accent, #2166ac); line-height: 1; }
.tfi-id { font-weight: 700; color: #17406d; }
.tfi-ids { font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: #f3f3f8; padding: 0.45rem 0.7rem; border-radius: 6px; overflow-x: auto; white-space: pre; margin: 0; }
.tfi-vocab { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0; margin: 0.3rem 0 0; }
.tfi-vocab li { display: inline-flex; gap: 0.25rem; align-items: baseline; border: 1px solid #e3e3ea; border-radius: 6px; padding: 0 0.35rem; font-size: 0.85rem; background: #fff; }
.tfi-vocab li .tfi-vid { color: var(--muted, #5b5b66); font-size: 0.72rem; font-variant-numeric: tabular-nums; }
.tfi-vocab li.tfi-in { border-color: #2166ac; background: #e8f1fa; font-weight: 600; }
.tfi-vocab li.tfi-gap { border: none; background: none; color: var(--muted, #5b5b66); }
.tfi-near li { font-size: 1rem; padding: 0.1rem 0.5rem; }
.tfi-near .tfi-piece { font-size: 1.1rem; }
.tfi-near .tfi-cos { font-variant-numeric: tabular-nums; color: #17406d; font-weight: 600; }

/* segmented control and chips */
.tfi-seg { display: inline-flex; flex-wrap: wrap; border: 1px solid var(--accent, #2166ac); border-radius: 10px; overflow: hidden; margin: 0.2rem 0; }
.tfi-seg label { position: relative; font-weight: 500; }
.tfi-seg input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
.tfi-seg span { display: block; padding: 0.35rem 0.8rem; color: var(--accent, #2166ac); background: #fff; }
.tfi-seg label + label span { border-left: 1px solid var(--accent, #2166ac); }
.tfi-seg input:checked + span { background: var(--accent, #2166ac); color: #fff; font-weight: 700; }
.tfi-seg input:focus-visible + span { outline: 3px solid #f4a582; outline-offset: -3px; }
.tfi-seg input:disabled + span { color: #9a9aa6; background: #f3f3f6; text-decoration: line-through; cursor: not-allowed; }
.tfi-chips { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0.3rem 0; }
.tfi-chip { border: 1px solid #c8c8d2; background: #fafafe; border-radius: 999px; padding: 0.1rem 0.65rem; font-variant-numeric: tabular-nums; }
.tfi-chip[aria-pressed="true"] { background: #1d1d1f; border-color: #1d1d1f; color: #fff; font-weight: 600; }
.tfi-badge { display: inline-block; font-size: 0.8rem; padding: 0.05rem 0.5rem; border-radius: 999px; background: #e8f1fa; color: #17406d; border: 1px solid #92c5de; margin-left: 0.3rem; }
.tfi-vector { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85rem; background: #f3f3f8; padding: 0.4rem 0.6rem; border-radius: 6px; overflow-wrap: anywhere; margin: 0.3rem 0; }
.tfi-order input { width: 100%; font: inherit; font-size: 1.05rem; padding: 0.35rem 0.55rem; border: 1px solid #c8c8d2; border-radius: 8px; margin: 0.2rem 0 0.4rem; }
.tfi-order tf-tokens { margin-bottom: 0.3rem; }
`;

/** Adds the stylesheet to the document once. */
export function ensureStyle() {
  if (document.getElementById('tfi-style')) return;
  const style = document.createElement('style');
  style.id = 'tfi-style';
  style.textContent = CSS;
  document.head.append(style);
}

/**
 * A captioned heatmap: { name, title, shape?, matrix, scale?, rowTitle?, colTitle?, cellHeight?, maxHeight? }.
 * The figure carries data-panel=name and returns the heatmap as `.heatmap`. With maxHeight the
 * heatmap scrolls inside a box of that height, the value under the pointer is repeated above the box
 * (the heatmap's own readout sits at the bottom of the box), `fig.scrollToRow(r)` brings a row
 * into view, and the heatmap paints only the rows in sight (its viewport follows the box's scrolling).
 */
export function heatmapPanel({
  name,
  title,
  shape,
  matrix,
  scale = 'diverging',
  rowTitle,
  colTitle,
  cellHeight,
  maxHeight,
}) {
  const fig = el('figure', 'tfi-panel');
  fig.dataset.panel = name;
  const cap = el('figcaption', '', title);
  if (shape) cap.append(' ', el('span', 'tfi-shape', `(${shape.join(' × ')})`));
  const h = document.createElement('tf-heatmap');
  h.dataset.panel = name;
  h.setAttribute('scale', scale);
  h.setAttribute('label', title);
  if (rowTitle) h.setAttribute('row-title', rowTitle);
  if (colTitle) h.setAttribute('col-title', colTitle);
  if (cellHeight) h.setAttribute('cell-height', String(cellHeight));
  fig.append(cap);
  if (maxHeight) {
    const readout = el('div', 'tfi-readout', '\u00a0');
    readout.setAttribute('aria-live', 'polite');
    const box = el('div', 'tfi-scrollbox');
    box.style.maxHeight = `${maxHeight}px`;
    box.append(h);
    // the heatmap paints only the rows in sight (and a margin), following the box as it scrolls
    const margin = 40;
    let pending = false;
    h.viewport = { top: 0, height: maxHeight + margin };
    box.addEventListener('scroll', () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        h.viewport = { top: Math.max(0, box.scrollTop - margin), height: maxHeight + 2 * margin };
      });
    });
    fig.append(readout, box);
    h.addEventListener('cell-hover', (e) => {
      const { row, col, value } = e.detail;
      readout.textContent = `${rowTitle ?? ''} ${matrix.rowLabels?.[row] ?? row} · ${colTitle ?? ''} ${matrix.colLabels?.[col] ?? col} → ${formatValue(value)}`;
    });
    h.addEventListener('cell-leave', () => {
      readout.textContent = '\u00a0';
    });
    fig.scrollToRow = (row) => {
      const layout = h._layout; // the heatmap's drawn geometry (labelH, cellH), when drawn
      if (!layout) return;
      const top = h.offsetTop + layout.labelH + row * layout.cellH;
      if (top < box.scrollTop + layout.labelH || top + layout.cellH > box.scrollTop + box.clientHeight) {
        box.scrollTop = Math.max(0, top - box.clientHeight / 2);
      }
    };
  } else {
    fig.append(h);
    fig.scrollToRow = () => {};
  }
  h.matrix = matrix;
  fig.heatmap = h;
  return fig;
}

/**
 * A radio group drawn as a segmented control: options [{ value, text, disabled? }].
 * Arrow keys move between options (native radio behaviour). Calls onChange(value).
 */
export function segmented({ name, legend, options, value, onChange }) {
  const group = el('div', 'tfi-seg');
  group.setAttribute('role', 'radiogroup');
  group.setAttribute('aria-label', legend);
  for (const o of options) {
    const label = el('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = name;
    input.value = o.value;
    input.checked = o.value === value;
    input.disabled = Boolean(o.disabled);
    input.addEventListener('change', () => input.checked && onChange(o.value));
    label.append(input, el('span', '', o.text));
    if (o.title) label.title = o.title;
    group.append(label);
  }
  return group;
}

/** A number written out for beginners: 4 decimals (no exponent) unless it is huge. */
export function plainNumber(v) {
  return Number.isFinite(v) && Math.abs(v) < 1e4 ? v.toFixed(4) : formatValue(v);
}

/** Column labels "0".."n-1". */
export function dimLabels(n) {
  return Array.from({ length: n }, (_, i) => String(i));
}
