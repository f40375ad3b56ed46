// Small pieces shared by the output-side stage views (Add & Norm, Feed forward, Linear, Softmax):
// one stylesheet for their light DOM, a heatmap figure, a token picker, buttons and captions.
// Nothing here computes model numbers.
import { el, visibleToken } from '../labels.js';
import { formatValue } from '../tf-heatmap.js';
import '../tf-tokens.js';
import '../tf-bar-chart.js';

export { formatValue };

const CSS = `
  /* inline-size containment: wide tables scroll inside their own box instead of widening the page */
  .tfo { display: block; min-width: 0; contain: inline-size; }
  .tfo tf-heatmap, .tfo .tfo-scroll { contain: inline-size; }
  .tfo * { min-width: 0; }
  .tfo h3 { font-size: 1rem; margin: 1.1rem 0 0.35rem; }
  .tfo h3:first-child { margin-top: 0.2rem; }
  .tfo .hint code, .tfo .tname { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.8rem; color: #5b5b66; overflow-wrap: anywhere; }
  .tfo figure { margin: 0.4rem 0; }
  .tfo figcaption { font-weight: 600; margin-bottom: 0.25rem; overflow-wrap: anywhere; }
  .tfo .tname { display: block; font-weight: 400; }
  .tfo-eq { display: flex; align-items: center; gap: 0.35rem 0.6rem; }
  .tfo-eq > figure { flex: 1 1 0; margin: 0; }
  .tfo-op { flex: 0 0 auto; font-size: 1.7rem; font-weight: 700; color: #5b5b66; line-height: 1; text-align: center; }
  .tfo-row { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; align-items: flex-start; }
  .tfo-row > * { flex: 1 1 280px; }
  .tfo-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.2rem; margin: 0.4rem 0; }
  .tfo-controls label { font-weight: 500; display: inline-flex; align-items: center; gap: 0.45rem; flex-wrap: wrap; }
  .tfo-controls input[type=range] { width: min(220px, 55vw); accent-color: #2166ac; }
  .tfo-controls input[type=number] { width: 5.5em; font: inherit; padding: 0.15rem 0.3rem; }
  .tfo-controls output { font-variant-numeric: tabular-nums; font-weight: 700; min-width: 3.2em; }
  .tfo-seg { display: inline-flex; flex-wrap: wrap; gap: 0.3rem; }
  .tfo-btn { border: 1px solid #c8c8d2; background: #fafafe; border-radius: 8px; padding: 0.3rem 0.75rem; font: inherit; color: inherit; }
  .tfo-btn:hover { border-color: #2166ac; }
  .tfo-btn[aria-pressed="true"] { background: #2166ac; border-color: #2166ac; color: #fff; font-weight: 600; }
  .tfo-btn.primary { background: #2166ac; border-color: #2166ac; color: #fff; font-weight: 600; }
  .tfo-btn:disabled { opacity: 0.5; cursor: not-allowed; }
  .tfo-badge { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0 0.45rem; border-radius: 999px; background: #fdf0e6; color: #8a4500; border: 1px solid #f4a582; margin-left: 0.3rem; vertical-align: middle; }
  .tfo-stat { display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; font-variant-numeric: tabular-nums; margin: 0.2rem 0; }
  .tfo-stat b { font-size: 1.05rem; }
  .tfo-big { font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
  .tfo-note { background: #f3f3f8; border-radius: 8px; padding: 0.45rem 0.7rem; margin: 0.5rem 0; font-size: 0.92rem; }
  .tfo-note.ok { background: #e8f1fa; color: #17406d; }
  .tfo canvas { display: block; max-width: 100%; touch-action: pan-y; }
  .tfo canvas:focus-visible { outline: 3px solid #f4a582; outline-offset: 2px; border-radius: 4px; }
  .tfo-readout { min-height: 1.4em; font-variant-numeric: tabular-nums; color: #333; font-size: 0.9rem; }
  .tfo-legend { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; font-size: 0.85rem; color: #5b5b66; }
  .tfo-legend i { display: inline-block; width: 1.4em; height: 0; border-top: 3px solid #2166ac; vertical-align: middle; margin-right: 0.3em; }
  .tfo-legend i.trained { border-top: 2px dashed #5b5b66; }
  .tfo-legend i.hist { height: 0.8em; border: 0; background: #c7dcef; }
  .tfo-legend i.thr { border-top: 2px dashed #b35806; }
  .tfo-legend i.mean { border-top: 2px dashed #111; }
  .tfo-legend i.band { height: 0.8em; border: 0; background: rgba(33, 102, 172, 0.14); }
  .tfo table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.92rem; }
  .tfo th, .tfo td { padding: 0.2rem 0.55rem; border-bottom: 1px solid #e3e3ea; text-align: right; white-space: nowrap; }
  .tfo th { white-space: normal; vertical-align: bottom; font-size: 0.85rem; }
  .tfo th:first-child, .tfo td:first-child { text-align: left; }
  .tfo-scroll { overflow-x: auto; max-width: 100%; }
  .tfo-norms { display: flex; flex-wrap: wrap; gap: 0.6rem; }
  .tfo-norm { flex: 1 1 260px; border: 1px solid #e3e3ea; border-radius: 10px; padding: 0.5rem 0.75rem; }
  .tfo-norm.current { border: 2px solid #2166ac; background: #f5f9fd; }
  .tfo-norm h4 { margin: 0; font-size: 0.98rem; }
  .tfo-norm p { margin: 0.3rem 0 0; font-size: 0.9rem; color: #5b5b66; }
  .tfo-flow { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem; margin: 0.4rem 0; }
  .tfo-node { border: 1px solid #c8c8d2; border-radius: 6px; padding: 0 0.45rem; background: #fff; white-space: nowrap; }
  .tfo-node.ln { background: #fff2e8; border-color: #b35806; font-weight: 700; }
  .tfo-node.sub { background: #e8f1fa; border-color: #92c5de; }
  .tfo-node.add { font-weight: 700; }
  .tfo-arr { color: #5b5b66; }
  .tfo-formula { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9rem; background: #f3f3f8; padding: 0.3rem 0.55rem; border-radius: 6px; overflow-wrap: anywhere; margin: 0.3rem 0; }
  .tfo-sentence { display: flex; flex-wrap: wrap; gap: 0.25rem; align-items: stretch; padding: 0.5rem; border: 1px solid #e3e3ea; border-radius: 10px; background: #fff; margin: 0.3rem 0; }
  .tfo-tok { display: inline-flex; flex-direction: column; align-items: center; justify-content: center; min-width: 1.9rem; padding: 0.1rem 0.35rem; border-radius: 6px; border: 1px solid transparent; font: inherit; color: inherit; }
  .tfo-tok .piece { font-size: 1.15rem; white-space: pre; }
  .tfo-tok .meta { font-size: 0.7rem; color: #5b5b66; font-variant-numeric: tabular-nums; }
  .tfo-tok.prompt { background: #f3f3f8; }
  .tfo-tok.gen { background: #fff2e8; border-color: #f4a582; cursor: pointer; }
  .tfo-tok.gen.newest { background: #fde0c8; border: 2px solid #b35806; font-weight: 700; }
  .tfo-tok.gen[aria-pressed="true"] { outline: 3px solid #2166ac; outline-offset: 1px; }
  .tfo-decoded { margin: 0.4rem 0 0; overflow-wrap: anywhere; white-space: pre-wrap; }
  @media (max-width: 720px) {
    .tfo-eq { flex-direction: column; align-items: stretch; }
    .tfo-eq > figure { flex: none; }
  }
`;

/** Adds the shared stylesheet to the document once. */
export function ensureStyle() {
  if (document.getElementById('tfo-style')) return;
  const style = document.createElement('style');
  style.id = 'tfo-style';
  style.textContent = CSS;
  document.head.append(style);
}

/** A <figure> with a caption (and the engine's tensor name) holding a <tf-heatmap>. */
export function heatmapFigure({
  title,
  name,
  values,
  rows,
  cols,
  rowLabels,
  colLabels,
  scale = 'diverging',
  cell,
  note,
  rowTitle,
  colTitle,
}) {
  const fig = el('figure', 'tfo-heat');
  const cap = el('figcaption', '', title);
  if (name) cap.append(el('span', 'tname', `${name}  (${rows} × ${cols})`));
  fig.append(cap);
  const h = document.createElement('tf-heatmap');
  h.setAttribute('scale', scale);
  h.setAttribute('label', title);
  if (cell) h.setAttribute('cell', String(cell));
  if (rowTitle) h.setAttribute('row-title', rowTitle);
  if (colTitle) h.setAttribute('col-title', colTitle);
  if (name) h.dataset.tensor = name;
  fig.append(h);
  h.matrix = {
    values,
    rows,
    cols,
    rowLabels,
    colLabels: colLabels ?? Array.from({ length: cols }, (_, i) => String(i)),
  };
  if (note) fig.append(el('p', 'hint', note));
  return fig;
}

/** A row of token chips (from the page's <tf-tokens>) where one is selected; onSelect(index). */
export function tokenPicker(tokens, selected, onSelect) {
  const strip = document.createElement('tf-tokens');
  strip.setAttribute('compact', '');
  strip.className = 'tfo-picker';
  strip.tokens = tokens;
  strip.selected = selected;
  strip.addEventListener('token-select', (e) => {
    strip.selected = e.detail.index;
    onSelect(e.detail.index);
  });
  return strip;
}

export function button(text, onClick, className = 'tfo-btn') {
  const b = el('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/**
 * The vocabulary as on-screen labels (special tokens kept as written, spaces as ␣): the tokenizer's `vocab`
 * (strings), padded with '·' to `size` labels.
 */
export function vocabLabelsOf(vocab, size) {
  const labels = vocab.map(visibleToken);
  while (labels.length < size) labels.push('·');
  return labels;
}

/** Sizes a canvas to its CSS width (at most maxWidth) and the device pixel ratio; returns {ctx, w, h}. */
export function fitCanvas(canvas, height, maxWidth = 640) {
  const w = Math.max(200, Math.min(maxWidth, canvas.parentElement?.clientWidth || maxWidth));
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(height * dpr);
  canvas.style.width = `${w}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = '12px system-ui, "Noto Sans CJK KR", sans-serif';
  return { ctx, w, h: height };
}

/** Calls redraw() when `element` changes width (canvases are drawn at a fixed pixel size). */
export function onWidthChange(element, redraw) {
  let last = -1;
  const ro = new ResizeObserver(() => {
    const w = element.clientWidth;
    if (w === last) return;
    const first = last < 0;
    last = w;
    if (!first) redraw();
  });
  ro.observe(element);
  return () => ro.disconnect();
}
