// Small pieces shared by the word-vector views: the base style, the category colours and number formats.
// Views only: nothing here computes a model number.
import './strings.js';
import { t } from '../../i18n/index.js';

export const BASE_STYLE = `
  :host { display: block; font: 14px/1.5 system-ui, "Noto Sans CJK KR", sans-serif; color: #1d1d1f; min-width: 0; }
  .hint { color: #5b5b66; font-size: 0.9rem; margin: 0.3rem 0; }
  button, select { font: inherit; }
  button { cursor: pointer; border: 1px solid #c8c8d2; background: #fafafe; border-radius: 8px; padding: 0.2rem 0.6rem; }
  button:hover:not(:disabled) { border-color: #2166ac; }
  button:focus-visible, select:focus { outline: 3px solid #f4a582; outline-offset: 1px; }
  .swatch { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 50%; flex: none; }
`;

/** The lexicon's categories in a fixed order, each with a colour (Okabe–Ito first, then two more); words of no
 *  known category are grey. */
export const CATEGORIES = [
  'people',
  'animals',
  'foods',
  'places',
  'times',
  'verbs',
  'adjectives',
  'things',
  'feelings',
  'numbers',
];
const COLORS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#8C6D00',
  '#000000',
  '#B2182B',
  '#6A3D9A',
];
export const OTHER_COLOR = '#9a9aa6';

export function categoryColor(category) {
  const i = CATEGORIES.indexOf(category);
  return i < 0 ? OTHER_COLOR : COLORS[i];
}

export function categoryName(category) {
  return t(CATEGORIES.includes(category) ? `words.category.${category}` : 'words.category.other');
}

/** A value with a fixed number of decimals (the engine's float, rounded for display only). */
export const fixed = (v, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));

/** "62.5%" for a share in [0, 1]. */
export const pct = (p) => `${(100 * p).toFixed(1)}%`;

export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * A view drawn from `data` alone: set `data`, and the view redraws its shadow root (its own style, then
 * draw(root, data) when there is data). Subclasses implement draw; they keep no other state.
 */
export class DataView extends HTMLElement {
  constructor(style) {
    super();
    this.attachShadow({ mode: 'open' });
    this._style = style;
    this._data = null;
  }

  set data(d) {
    this._data = d;
    this.render();
  }
  get data() {
    return this._data;
  }
  connectedCallback() {
    this.render();
  }

  render() {
    const root = this.shadowRoot;
    root.replaceChildren(Object.assign(document.createElement('style'), { textContent: this._style }));
    if (this._data) this.draw(root, this._data);
  }
}
