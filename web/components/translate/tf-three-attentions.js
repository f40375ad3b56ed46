// <tf-three-attentions>: the encoder–decoder's three attentions side by side, each labelled with where its
// Q, K and V come from and what its mask hides: encoder self-attention (Korean × Korean, nothing masked),
// decoder self-attention (English × English, causal) and cross-attention (English × Korean).
//
//   v.choice = { encoderLayers, decoderLayers, heads, layer, head };   // head: number or 'mean'
//   v.data = {
//     encoder: { values, rows, cols, rowLabels, colLabels },
//     decoder: { values, rows, cols, rowLabels, colLabels, mask },
//     cross:   { values, rows, cols, rowLabels, colLabels, mask },
//   };
// Emits `pick` {layer, head} (layer applies to both stacks; it is capped at each stack's depth by the owner).
// A pure view: the matrices are the engine's.
import './strings.js';
import { onLocaleChange, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import '../tf-heatmap.js';
import { BASE_STYLE, pickers } from './common.js';

const STYLE = `${BASE_STYLE}
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 1rem; align-items: start; }
  figure { margin: 0; min-width: 0; border: 1px solid #e3e3ea; border-radius: 10px; padding: 0.6rem; }
  figcaption { font-weight: 600; margin-bottom: 0.2rem; }
  .qkv { color: #5b5b66; font-size: 0.85rem; margin: 0 0 0.4rem; }
  figure.cross { border-color: #f4a582; background: #fffaf5; }
`;

const KINDS = [
  {
    id: 'encoder',
    title: 'translate.three.encoder',
    qkv: 'translate.three.encoderQkv',
    row: 'translate.three.rowKo',
    col: 'translate.three.colKo',
  },
  {
    id: 'decoder',
    title: 'translate.three.decoder',
    qkv: 'translate.three.decoderQkv',
    row: 'translate.three.rowWriting',
    col: 'translate.three.colEn',
    mask: 'translate.three.masked',
  },
  {
    id: 'cross',
    title: 'translate.three.cross',
    qkv: 'translate.three.crossQkv',
    row: 'translate.three.rowWriting',
    col: 'translate.three.colKo',
    mask: 'translate.cross.mask.note',
  },
];

export class TfThreeAttentions extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<style>${STYLE}</style><div class="root"></div>`;
    this._data = null;
    this._choice = null;
  }
  connectedCallback() {
    this._off = onLocaleChange(() => this._render());
  }
  disconnectedCallback() {
    this._off?.();
  }
  set choice(c) {
    this._choice = c;
    this._render();
  }
  set data(d) {
    this._data = d;
    this._render();
  }

  _render() {
    const root = this.shadowRoot.querySelector('.root');
    const d = this._data,
      c = this._choice;
    if (!d || !c) {
      root.replaceChildren();
      return;
    }
    const grid = el('div', 'grid');
    for (const kind of KINDS) {
      const m = d[kind.id];
      const fig = el('figure', kind.id);
      fig.dataset.kind = kind.id;
      fig.append(el('figcaption', '', t(kind.title)), el('p', 'qkv', t(kind.qkv)));
      const h = document.createElement('tf-heatmap');
      h.setAttribute('scale', 'sequential');
      h.setAttribute('label', t(kind.title));
      h.setAttribute('row-title', t(kind.row));
      h.setAttribute('col-title', t(kind.col));
      h.setAttribute('cell', m.cols <= 10 ? '30' : '18');
      if (m.cols <= 8) h.setAttribute('show-values', '');
      if (kind.mask) h.setAttribute('mask-note', t(kind.mask));
      h.dataset.kind = kind.id;
      fig.append(h);
      h.matrix = {
        values: m.values,
        rows: m.rows,
        cols: m.cols,
        rowLabels: m.rowLabels,
        colLabels: m.colLabels,
        mask: m.mask,
      };
      grid.append(fig);
    }
    const layers = Math.max(c.encoderLayers, c.decoderLayers);
    root.replaceChildren(pickers(this, { layers, heads: c.heads, layer: c.layer, head: c.head }), grid);
  }
}

customElements.define('tf-three-attentions', TfThreeAttentions);
