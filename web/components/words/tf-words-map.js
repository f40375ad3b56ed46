// <tf-words-map>: words as points on a 2-D map, coloured by category, with a legend. A pure view: it draws
// the coordinates it is given (the engine's PCA projection) and computes none of them.
//
//   map.data = { points: Float32Array (n·2: x0, y0, x1, y1, …), words: string[], categories: (string|null)[],
//                explained: Float32Array(2), selected: string | null }
//   map.addEventListener('pick-word', (e) => e.detail.word);
import { BASE_STYLE, CATEGORIES, categoryColor, categoryName, el, pct } from './common.js';
import { t } from '../../i18n/index.js';

const STYLE = `${BASE_STYLE}
  canvas { display: block; width: 100%; border: 1px solid #e2e2ea; border-radius: 8px; background: #fff; cursor: pointer; }
  ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; padding: 0; margin: 0.4rem 0 0; font-size: 0.85rem; }
  li { display: inline-flex; align-items: center; gap: 0.3rem; }
`;
const FONT = '12px system-ui, "Noto Sans CJK KR", sans-serif';

class TfWordsMap extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.innerHTML = `<style>${STYLE}</style><canvas role="img"></canvas><p class="hint axes"></p><ul class="legend"></ul>`;
    this._canvas = this.shadowRoot.querySelector('canvas');
    this._data = null;
    this._layout = [];
    this._resize = new ResizeObserver(() => this._draw());
    this._canvas.addEventListener('click', (e) => this._click(e));
  }

  set data(d) {
    this._data = d;
    this._draw();
    this._legend();
  }
  get data() {
    return this._data;
  }

  connectedCallback() {
    this._resize.observe(this);
    this._legend();
  }
  disconnectedCallback() {
    this._resize.disconnect();
  }

  _legend() {
    const d = this._data;
    const ul = this.shadowRoot.querySelector('ul');
    const axes = this.shadowRoot.querySelector('.axes');
    this._canvas.setAttribute('aria-label', t('words.map.label'));
    if (!d) {
      ul.replaceChildren();
      axes.textContent = '';
      return;
    }
    axes.textContent = t('words.map.axes', { x: pct(d.explained[0]), y: pct(d.explained[1]) });
    const present = new Set(d.categories.map((c) => (CATEGORIES.includes(c) ? c : null)));
    const keys = [...CATEGORIES.filter((c) => present.has(c)), ...(present.has(null) ? [null] : [])];
    ul.replaceChildren(
      ...keys.map((c) => {
        const li = el('li');
        const sw = el('span', 'swatch');
        sw.style.background = categoryColor(c);
        li.append(sw, el('span', '', categoryName(c)));
        return li;
      }),
    );
  }

  _draw() {
    const d = this._data;
    const canvas = this._canvas;
    const width = Math.max(200, Math.floor(this.clientWidth || 300));
    const height = Math.round(Math.min(560, Math.max(300, width * (width < 500 ? 1.05 : 0.75))));
    const dpr = globalThis.devicePixelRatio || 1;
    canvas.width = width * dpr;
    canvas.height = height * dpr;
    canvas.style.height = `${height}px`;
    const g = canvas.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, height);
    this._layout = [];
    if (!d) return;
    const n = d.words.length;
    let xmin = Infinity,
      xmax = -Infinity,
      ymin = Infinity,
      ymax = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = d.points[2 * i],
        y = d.points[2 * i + 1];
      xmin = Math.min(xmin, x);
      xmax = Math.max(xmax, x);
      ymin = Math.min(ymin, y);
      ymax = Math.max(ymax, y);
    }
    const pad = 24;
    const sx = (width - 2 * pad) / (xmax - xmin || 1);
    const sy = (height - 2 * pad) / (ymax - ymin || 1);
    g.font = FONT;
    g.textBaseline = 'middle';
    for (let i = 0; i < n; i++) {
      const px = pad + (d.points[2 * i] - xmin) * sx;
      const py = height - pad - (d.points[2 * i + 1] - ymin) * sy; // y grows upwards on the map
      this._layout.push({ x: px, y: py, word: d.words[i], category: d.categories[i] });
    }
    for (const p of this._layout) {
      g.fillStyle = categoryColor(p.category);
      g.beginPath();
      g.arc(p.x, p.y, 3.5, 0, 2 * Math.PI);
      g.fill();
    }
    // Labels: the selected word first, then in order (most frequent first), each only where it overlaps no
    // label already written, so the map stays readable when words crowd together.
    const taken = [];
    const order = [...this._layout].sort((a, b) => (b.word === d.selected) - (a.word === d.selected));
    for (const p of order) {
      const selected = p.word === d.selected;
      g.font = selected ? `bold ${FONT}` : FONT;
      const w = g.measureText(p.word).width;
      const box = { x: p.x + 5, y: p.y - 7, w, h: 14 };
      const clash = taken.some(
        (b) => box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h,
      );
      if (clash && !selected) continue;
      taken.push(box);
      if (selected) {
        g.beginPath();
        g.arc(p.x, p.y, 6, 0, 2 * Math.PI);
        g.fillStyle = categoryColor(p.category);
        g.fill();
        g.strokeStyle = '#1d1d1f';
        g.lineWidth = 2;
        g.stroke();
      }
      g.fillStyle = selected ? '#1d1d1f' : categoryColor(p.category);
      g.fillText(p.word, box.x, p.y);
    }
  }

  _click(e) {
    const r = this._canvas.getBoundingClientRect();
    const x = e.clientX - r.left,
      y = e.clientY - r.top;
    let best = null,
      bestD = 14 * 14;
    for (const p of this._layout) {
      const dd = (p.x - x) ** 2 + (p.y - y) ** 2;
      if (dd < bestD) {
        bestD = dd;
        best = p;
      }
    }
    if (best)
      this.dispatchEvent(new CustomEvent('pick-word', { detail: { word: best.word }, bubbles: true, composed: true }));
  }
}

customElements.define('tf-words-map', TfWordsMap);
