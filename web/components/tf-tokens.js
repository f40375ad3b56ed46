// <tf-tokens>: a sentence as a row of token chips, each with its position and vocabulary id.
//   el.tokens = [{ id: 17, text: '나', unknown: false }, ...];   attribute `compact` hides the ids.
// Clicking (or Enter on) a chip dispatches `token-select` {index}. Unknown tokens are marked. The chips are
// one Tab stop; the arrow keys move between them.
import { el, visibleToken } from './labels.js';
import { roving } from './roving.js';

const STYLE = `
  :host { display: block; }
  ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.35rem; padding: 0; margin: 0; }
  li { display: inline-flex; flex-direction: column; align-items: center; min-width: 2.2rem; padding: 0.2rem 0.45rem;
       border: 1px solid #c8c8d2; border-radius: 8px; background: #fafafe; cursor: pointer; font: inherit; }
  li:focus-visible { outline: 3px solid #f4a582; }
  li[aria-selected="true"] { border-color: #2166ac; background: #e8f1fa; }
  li.unknown { border-style: dashed; border-color: #b35806; }
  .piece { font-size: 1.15rem; white-space: pre; }
  .meta { font-size: 0.72rem; color: #5b5b66; font-variant-numeric: tabular-nums; }
`;

export class TfTokens extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<style>${STYLE}</style><ol role="listbox"></ol>`;
    this._tokens = [];
    this._selected = -1;
  }
  set tokens(tokens) {
    this._tokens = tokens ?? [];
    this._render();
  }
  get tokens() {
    return this._tokens;
  }
  set selected(i) {
    this._selected = i;
    this.shadowRoot.querySelectorAll('li').forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
  }
  _render() {
    const compact = this.hasAttribute('compact');
    const items = this._tokens.map((t, i) => {
      const li = el('li', t.unknown ? 'unknown' : '');
      li.tabIndex = i === Math.max(0, this._selected) ? 0 : -1;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(i === this._selected));
      li.append(el('span', 'piece', visibleToken(t.text)));
      li.append(el('span', 'meta', compact ? String(i) : `${i} · #${t.id}`));
      const pick = () =>
        this.dispatchEvent(new CustomEvent('token-select', { detail: { index: i }, bubbles: true, composed: true }));
      li.addEventListener('click', pick);
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          pick();
        }
      });
      return li;
    });
    const list = this.shadowRoot.querySelector('ol');
    list.replaceChildren(...items);
    roving(list, 'li');
  }
}

customElements.define('tf-tokens', TfTokens);
