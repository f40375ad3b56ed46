// <tf-attention-lines>: attention weights as lines between two columns of the same tokens — on the
// left the token that looks (its query), on the right the tokens it looks at (their keys). A line's
// thickness and darkness are its weight. Hover, focus (Tab) or tap a token to see where it looks
// (left) or what looks at it (right); a tap pins the choice.
//
//   const v = document.createElement('tf-attention-lines');
//   v.weights = { values: Float32Array /* T×T, row = looking token */, size: T, tokens: ['나', '는', ...] };
//   v.focus = { side: 'query', index: 3 };    // highlight from a linked view (null clears)
//   v.addEventListener('token-focus', (e) => e.detail);   // {side, index} or null
//
// Attribute `top`: how many tokens the sentence under the view lists (default 3). A pure view: the
// weights are the engine's; it only sorts them to name the largest.
import { onLocaleChange, registerStrings, t } from '../i18n/index.js';
import ko from '../i18n/attention-lines.ko.js';
import en from '../i18n/attention-lines.en.js';

registerStrings({ ko, en });

/** Row height in px: roomy for short sentences, tighter for long ones. */
const rowHeight = (T) => (T <= 16 ? 30 : T <= 32 ? 24 : 20);
const SVG_NS = 'http://www.w3.org/2000/svg';
/** At most this many lines are drawn (a 64-token causal sentence has 2,080). */
const MAX_LINES = 4096;
const QUERY_COLOR = '#2166ac'; // blue / orange: distinct for colour-blind readers (colors.js)
const KEY_COLOR = '#b35806';

const STYLE = `
  :host { display: block; min-width: 0; font: 14px/1.3 system-ui, "Noto Sans CJK KR", sans-serif; color: #1d1d1f; }
  .heads { display: grid; grid-template-columns: 1fr 1fr; font-size: 12px; color: #5b5b66; margin-bottom: 4px; }
  .heads .k { text-align: right; }
  .box { display: grid; grid-template-columns: max-content minmax(60px, 1fr) max-content; align-items: stretch; }
  .col { display: flex; flex-direction: column; }
  button { height: var(--row, 30px); display: flex; align-items: center; gap: 6px; padding: 0 8px; margin: 0; border: 1px solid transparent;
    border-radius: 6px; background: none; font: inherit; cursor: pointer; color: inherit; white-space: pre; }
  button:hover { background: #f3f3f8; }
  button:focus-visible { outline: 3px solid #f4a582; outline-offset: -2px; }
  .q button { justify-content: flex-end; }
  .pos { font-size: 11px; color: #5b5b66; font-variant-numeric: tabular-nums; }
  .w { font-size: 11px; font-variant-numeric: tabular-nums; min-width: 2.4em; color: #5b5b66; }
  .q .w { text-align: right; } .k .w { text-align: left; }
  button.on { font-weight: 700; }
  .q button.on { background: #e8f1fa; border-color: ${QUERY_COLOR}; }
  .k button.on { background: #fdf0e6; border-color: ${KEY_COLOR}; }
  button.pinned { box-shadow: inset 0 0 0 2px currentColor; }
  button.dim { color: #9a9aa5; }
  svg { width: 100%; display: block; overflow: visible; }
  path { fill: none; stroke-linecap: round; }
  .note { margin: 6px 0 0; font-size: 12px; color: #5b5b66; }
  .readout { margin: 6px 0 0; min-height: 2.6em; color: #1d1d1f; overflow-wrap: anywhere; }
  .readout.hint { color: #5b5b66; }
`;

export class TfAttentionLines extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<style>${STYLE}</style>
      <div class="heads"><span class="q-title"></span><span class="k k-title"></span></div>
      <div class="box" role="group"><div class="col q"></div><svg aria-hidden="true"></svg><div class="col k"></div></div>
      <p class="note" hidden></p>
      <p class="readout" aria-live="polite"></p>`;
    this._weights = null;
    this._hover = null;
    this._external = null;
    this._pinned = null;
  }
  connectedCallback() {
    this._unsubscribe = onLocaleChange(() => this._render());
    this._render();
  }
  disconnectedCallback() {
    this._unsubscribe?.();
  }

  /** { values: Float32Array (T×T, rows = looking tokens), size: T, tokens: string[] } */
  set weights(w) {
    this._weights = w;
    const T = w?.size ?? 0;
    const ok = (f) => f && f.index < T;
    if (!ok(this._pinned)) this._pinned = null;
    if (!ok(this._external)) this._external = null;
    this._hover = null;
    this._render();
  }
  get weights() {
    return this._weights;
  }

  /** A highlight set by a linked view: {side: 'query'|'key', index} or null. */
  set focus(f) {
    this._external = f;
    this._update();
  }
  get focus() {
    return this._hover ?? this._external ?? this._pinned;
  }

  /** The pinned token (a tap or Enter on a token), or null. */
  get pinned() {
    return this._pinned;
  }
  set pinned(f) {
    this._pinned = f;
    this._update();
  }

  /** The sentence the view shows for `f` ({side, index}), in the current language. */
  describe(f) {
    const w = this._weights;
    if (!w || !f) return t('attention.lines.hint');
    const T = w.size,
      top = Number(this.getAttribute('top')) || 3;
    const name = (i) => tokenName(w.tokens, i);
    const entries = [];
    for (let j = 0; j < T; j++) {
      const value = f.side === 'query' ? w.values[f.index * T + j] : w.values[j * T + f.index];
      if (value > 0) entries.push({ j, value });
    }
    entries.sort((a, b) => b.value - a.value);
    if (f.side === 'query' && entries.length === 1 && entries[0].j === f.index) {
      return t('attention.lines.onlyItself', { token: name(f.index), w: entries[0].value.toFixed(2) });
    }
    if (!entries.length) return t('attention.lines.nobody', { token: name(f.index) });
    const list =
      entries
        .slice(0, top)
        .map((e) => `‘${name(e.j)}’ (${e.value.toFixed(2)})`)
        .join(', ') + (entries.length > top ? ', …' : '');
    return t(f.side === 'query' ? 'attention.lines.looksAt' : 'attention.lines.lookedBy', {
      token: name(f.index),
      list,
    });
  }

  _render() {
    const root = this.shadowRoot;
    root.querySelector('.q-title').textContent = t('attention.lines.queries');
    root.querySelector('.k-title').textContent = t('attention.lines.keys');
    root.querySelector('.box').setAttribute('aria-label', t('attention.lines.label'));
    const w = this._weights;
    const qCol = root.querySelector('.col.q'),
      kCol = root.querySelector('.col.k');
    const svg = root.querySelector('svg');
    if (!w || !this.isConnected) {
      qCol.replaceChildren();
      kCol.replaceChildren();
      svg.replaceChildren();
      return;
    }
    const T = w.size;
    const button = (side, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.side = side;
      b.dataset.index = String(i);
      b.setAttribute(
        'aria-label',
        t(side === 'query' ? 'attention.lines.tokenQuery' : 'attention.lines.tokenKey', { pos: i, token: w.tokens[i] }),
      );
      const pos = span('pos', String(i)),
        text = span('tok', w.tokens[i]),
        weight = span('w', '');
      if (side === 'query') b.append(weight, pos, text);
      else b.append(text, pos, weight);
      const f = { side, index: i };
      b.addEventListener('pointerenter', () => this._setHover(f));
      b.addEventListener('pointerleave', () => this._setHover(null));
      b.addEventListener('focus', () => this._setHover(f));
      b.addEventListener('blur', () => this._setHover(null));
      b.addEventListener('click', () => {
        const same = this._pinned && this._pinned.side === side && this._pinned.index === i;
        this._pinned = same ? null : f;
        this._update();
        this.dispatchEvent(new CustomEvent('token-pin', { detail: this._pinned, bubbles: true, composed: true }));
      });
      return b;
    };
    const column = (side) => {
      const f = document.createDocumentFragment();
      for (let i = 0; i < T; i++) f.append(button(side, i));
      return f;
    };
    qCol.replaceChildren(column('query'));
    kCol.replaceChildren(column('key'));
    const ROW = rowHeight(T);
    this.style.setProperty('--row', `${ROW}px`);
    const H = T * ROW;
    svg.setAttribute('viewBox', `0 0 100 ${H}`);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('height', String(H));
    // Every line up to MAX_LINES; beyond that (long sequences) each looking token keeps its strongest
    // `perRow` lines, so the drawing stays bounded (no T×T paths, no T×T-argument spread).
    const perRow = Math.max(1, Math.floor(MAX_LINES / T));
    const pruned = T * T > MAX_LINES && T > perRow;
    const paths = document.createDocumentFragment();
    for (let i = 0; i < T; i++) {
      let keys = [];
      for (let j = 0; j < T; j++) if (w.values[i * T + j] > 0) keys.push(j); // masked (future) tokens get no line
      if (pruned && keys.length > perRow)
        keys = keys.sort((a, b) => w.values[i * T + b] - w.values[i * T + a]).slice(0, perRow);
      for (const j of keys) {
        const value = w.values[i * T + j];
        const y0 = (i + 0.5) * ROW,
          y1 = (j + 0.5) * ROW;
        const p = document.createElementNS(SVG_NS, 'path');
        p.setAttribute('d', `M0,${y0} C50,${y0} 50,${y1} 100,${y1}`);
        p.setAttribute('vector-effect', 'non-scaling-stroke');
        p.dataset.q = String(i);
        p.dataset.k = String(j);
        p.dataset.w = String(value);
        paths.append(p);
      }
    }
    svg.replaceChildren(paths);
    const note = this.shadowRoot.querySelector('.note');
    note.hidden = !pruned;
    note.textContent = pruned ? t('attention.lines.pruned', { k: perRow, T }) : '';
    this._update();
  }

  _setHover(f) {
    this._hover = f;
    this._update();
    this.dispatchEvent(new CustomEvent('token-focus', { detail: this.focus, bubbles: true, composed: true }));
  }

  /** Restyles lines, tokens and the sentence for the current focus (no rebuild). */
  _update() {
    const w = this._weights;
    if (!w || !this.isConnected) return;
    const root = this.shadowRoot,
      T = w.size,
      f = this.focus;
    for (const p of root.querySelectorAll('path')) {
      const value = Number(p.dataset.w);
      const q = Number(p.dataset.q),
        k = Number(p.dataset.k);
      const mine = f && (f.side === 'query' ? q === f.index : k === f.index);
      let opacity, width, color;
      if (!f) {
        opacity = 0.12 + 0.7 * value;
        width = 0.5 + 5 * value;
        color = '#555';
      } else if (mine) {
        opacity = 0.25 + 0.75 * value;
        width = 1 + 9 * value;
        color = f.side === 'query' ? QUERY_COLOR : KEY_COLOR;
      } else {
        opacity = 0.05;
        width = 0.5;
        color = '#999';
      }
      p.setAttribute('stroke', color);
      p.setAttribute('stroke-opacity', opacity.toFixed(3));
      p.setAttribute('stroke-width', width.toFixed(2));
      if (mine) p.parentNode.append(p); // draw the focused lines on top
    }
    for (const b of root.querySelectorAll('button')) {
      const side = b.dataset.side,
        i = Number(b.dataset.index);
      const isFocus = f && f.side === side && f.index === i;
      let value = null;
      if (f && f.side !== side) value = f.side === 'query' ? w.values[f.index * T + i] : w.values[i * T + f.index];
      b.classList.toggle('on', Boolean(isFocus) || value > 0);
      b.classList.toggle('dim', Boolean(f) && !isFocus && !(value > 0));
      b.classList.toggle('pinned', Boolean(this._pinned && this._pinned.side === side && this._pinned.index === i));
      b.setAttribute(
        'aria-pressed',
        String(Boolean(this._pinned && this._pinned.side === side && this._pinned.index === i)),
      );
      b.querySelector('.w').textContent = value > 0 ? value.toFixed(2) : '';
    }
    const out = root.querySelector('.readout');
    out.textContent = this.describe(f);
    out.classList.toggle('hint', !f);
  }
}

function span(className, text) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

/** A token's name in a sentence; a token that occurs more than once gets its position. */
function tokenName(tokens, i) {
  const text = tokens[i];
  return tokens.indexOf(text) !== tokens.lastIndexOf(text) ? `${text}#${i}` : text;
}

customElements.define('tf-attention-lines', TfAttentionLines);
