// <tf-alignment>: lines between Korean words (top) and English words (bottom), each as thick and dark as
// the cross-attention between them, so the word-order flip shows (나는 밥을 먹었다 → I ate rice: 먹었다 is
// last, 'ate' second). Hover, focus or tap a word to keep only its lines.
//
//   v.data = { koWords: ['나는', ...], enWords: ['I', ...], weights: Float32Array /* (en, ko) */,
//              rest: Float32Array /* (en): share that went to non-words */ };
//   v.choice = { layers, heads, layer, head };   // emits `pick` {layer, head}
// A pure view: the weights are the engine's word-level aggregation (Tinyformer.wordAttention).
import './strings.js';
import { onLocaleChange, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import { BASE_STYLE, pct, pickers } from './common.js';

const SVG = 'http://www.w3.org/2000/svg';
const MAX_WORDS = 40; // per side: beyond this the lines would be unreadable (and the view bounded)
const STYLE = `${BASE_STYLE}
  .wrap { overflow-x: auto; }
  svg { display: block; font: 15px system-ui, "Noto Sans CJK KR", sans-serif; }
  .word { cursor: pointer; }
  .word text { fill: #1d1d1f; }
  .word rect { fill: #fafafe; stroke: #c8c8d2; rx: 6; }
  .word.ko rect { fill: #eef4fb; }
  .word.en rect { fill: #fff3e6; }
  .word:focus { outline: none; }
  .word:focus rect, .word.on rect { stroke: #b35806; stroke-width: 2; }
  .side { fill: #5b5b66; font-size: 12px; }
  line { stroke: #b35806; stroke-linecap: round; }
  line.dim { opacity: 0.06 !important; }
  .summary { margin: 0.4rem 0 0; padding-left: 1.1rem; }
  .summary li { margin: 0.1rem 0; }
`;

export class TfAlignment extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<style>${STYLE}</style><div class="root"></div>`;
    this._data = null;
    this._choice = null;
    this._focus = null; // {side: 'ko'|'en', index}
  }
  connectedCallback() {
    this._off = onLocaleChange(() => this._render());
  }
  disconnectedCallback() {
    this._off?.();
  }
  set data(d) {
    this._data = d;
    this._focus = null;
    this._render();
  }
  set choice(c) {
    this._choice = c;
    this._render();
  }

  _render() {
    const root = this.shadowRoot.querySelector('.root');
    const d = this._data;
    const parts = [];
    if (this._choice) parts.push(pickers(this, this._choice));
    if (!d || !d.koWords.length || !d.enWords.length) {
      parts.push(el('p', 'hint', t('translate.align.none')));
      root.replaceChildren(...parts);
      return;
    }
    const ko = d.koWords.slice(0, MAX_WORDS),
      en = d.enWords.slice(0, MAX_WORDS);
    const K = d.koWords.length;
    const gap = 14,
      pad = 8,
      charW = 15;
    const widthOf = (w) => Math.max(40, [...w].length * charW * (/[가-힣]/.test(w) ? 1 : 0.62) + 2 * pad);
    const place = (words) => {
      let x = 70;
      return words.map((w) => {
        const width = widthOf(w);
        const box = { x, width };
        x += width + gap;
        return box;
      });
    };
    const kb = place(ko),
      eb = place(en);
    const W = Math.max(kb.at(-1).x + kb.at(-1).width, eb.at(-1).x + eb.at(-1).width) + 10;
    const H = 190,
      topY = 14,
      botY = H - 44,
      boxH = 30;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', String(W));
    svg.setAttribute('height', String(H));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('translate.align.label'));
    const text = (x, y, s, cls) => {
      const e = document.createElementNS(SVG, 'text');
      e.setAttribute('x', String(x));
      e.setAttribute('y', String(y));
      if (cls) e.setAttribute('class', cls);
      e.textContent = s;
      return e;
    };
    svg.append(
      text(4, topY + 20, t('translate.align.ko'), 'side'),
      text(4, botY + 20, t('translate.align.en'), 'side'),
    );
    const lines = [];
    for (let i = 0; i < en.length; i++) {
      for (let j = 0; j < ko.length; j++) {
        const w = d.weights[i * K + j];
        if (!(w >= 0.03)) continue;
        const line = document.createElementNS(SVG, 'line');
        line.setAttribute('x1', String(eb[i].x + eb[i].width / 2));
        line.setAttribute('y1', String(botY));
        line.setAttribute('x2', String(kb[j].x + kb[j].width / 2));
        line.setAttribute('y2', String(topY + boxH));
        line.setAttribute('stroke-width', (1 + 9 * w).toFixed(2));
        line.setAttribute('opacity', (0.15 + 0.85 * w).toFixed(3));
        line.dataset.en = String(i);
        line.dataset.ko = String(j);
        line.dataset.weight = String(w);
        lines.push(line);
        svg.append(line);
      }
    }
    const word = (side, i, box, y, label) => {
      const g = document.createElementNS(SVG, 'g');
      g.setAttribute('class', `word ${side}`);
      g.setAttribute('tabindex', '0');
      g.dataset.side = side;
      g.dataset.index = String(i);
      const r = document.createElementNS(SVG, 'rect');
      r.setAttribute('x', String(box.x));
      r.setAttribute('y', String(y));
      r.setAttribute('width', String(box.width));
      r.setAttribute('height', String(boxH));
      g.append(r, text(box.x + pad, y + 21, label));
      const on = () => this._highlight(side, i, lines, svg);
      g.addEventListener('pointerenter', on);
      g.addEventListener('focus', on);
      g.addEventListener('click', on);
      g.addEventListener('pointerleave', () => this._highlight(null, -1, lines, svg));
      g.addEventListener('blur', () => this._highlight(null, -1, lines, svg));
      return g;
    };
    ko.forEach((w, j) => svg.append(word('ko', j, kb[j], topY, w)));
    en.forEach((w, i) => svg.append(word('en', i, eb[i], botY, w)));
    const wrap = el('div', 'wrap');
    wrap.append(svg);
    const summary = el('ul', 'summary');
    for (let i = 0; i < en.length; i++) {
      let best = 0;
      for (let j = 1; j < K; j++) if (d.weights[i * K + j] > d.weights[i * K + best]) best = j;
      const li = el(
        'li',
        '',
        t('translate.align.top', { en: en[i], ko: d.koWords[best], p: pct(d.weights[i * K + best]) }),
      );
      li.dataset.en = String(i);
      li.dataset.ko = String(best);
      summary.append(li);
    }
    parts.push(wrap, summary, el('p', 'hint', t('translate.align.rule')));
    root.replaceChildren(...parts);
  }

  _highlight(side, index, lines, svg) {
    svg
      .querySelectorAll('.word')
      .forEach((g) => g.classList.toggle('on', g.dataset.side === side && Number(g.dataset.index) === index));
    for (const line of lines) {
      const mine = side === null || Number(line.dataset[side]) === index;
      line.classList.toggle('dim', !mine);
    }
  }
}

customElements.define('tf-alignment', TfAlignment);
