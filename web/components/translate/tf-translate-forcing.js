// <tf-translate-forcing>: teacher forcing vs free-running on one sentence. For every position of the
// reference (and the final <eos>): the reference token, teacher forcing's top token (the decoder fed the
// reference so far) with the reference's probability, and the token free-running wrote (fed its own words).
// The first position where free-running leaves the reference is marked.
//
//   v.reference = 'I ate rice';            // the text in the box
//   v.data = { positions: [{should, forced, forcedProb, refProb, free, freeProb}], firstMistake,
//              forcedMistakes, forcedLoss };
// Emits `reference-change` {text} as the learner edits the reference. A pure view.
import './strings.js';
import { onLocaleChange, viewTranslator } from '../../i18n/index.js';
import { el } from '../labels.js';
import { BASE_STYLE, pct } from './common.js';

const STYLE = `${BASE_STYLE}
  label { font-weight: 600; display: block; margin-bottom: 0.2rem; }
  input[type=text] { box-sizing: border-box; width: 100%; padding: 0.45rem 0.6rem; font-size: 1.05rem; border: 1px solid #c8c8d2; border-radius: 8px; }
  .wrap { overflow-x: auto; margin-top: 0.6rem; }
  table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
  th, td { border: 1px solid #e3e3ea; padding: 0.25rem 0.55rem; text-align: center; white-space: nowrap; }
  th[scope=row] { text-align: left; color: #5b5b66; font-weight: 500; }
  td.ok { background: #eef7ee; }
  td.bad { background: #fdecec; color: #a4161a; font-weight: 600; }
  td.first { box-shadow: inset 0 0 0 2px #a4161a; }
  td.after { background: #fff6f0; }
  .p { display: block; font-size: 0.75rem; color: #5b5b66; }
  .verdict { font-weight: 600; margin: 0.5rem 0 0.2rem; }
`;

/**
 * The view's data from the engine's comparison (translator.compareDecoding): one column per reference position,
 * `label(id)` naming a target token. Arranges the engine's numbers; computes none.
 */
export function forcingData(cmp, label) {
  const n = Math.max(cmp.reference.length, cmp.freeIds.length);
  const positions = Array.from({ length: n }, (_, k) => ({
    should: k < cmp.reference.length ? label(cmp.reference[k]) : '—',
    forced: k < cmp.reference.length ? label(cmp.forcedTop[k]) : '—',
    forcedProb: cmp.forcedTopProb[k],
    refProb: cmp.forcedRefProb[k] ?? 0,
    free: k < cmp.freeIds.length ? label(cmp.freeIds[k]) : undefined,
    freeProb: cmp.freeProbs[k],
  }));
  return { positions, firstMistake: cmp.firstMistake, forcedMistakes: cmp.forcedMistakes, forcedLoss: cmp.forcedLoss };
}

export class TfTranslateForcing extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<style>${STYLE}</style>
      <label for="ref"></label><input id="ref" type="text" autocomplete="off" spellcheck="false">
      <p class="hint ref-hint"></p><div class="result" aria-live="polite"></div>`;
    this._input = this.shadowRoot.getElementById('ref');
    this._input.addEventListener('input', () =>
      this.dispatchEvent(
        new CustomEvent('reference-change', {
          detail: { text: this._input.value },
          bubbles: true,
          composed: true,
        }),
      ),
    );
    this._data = null;
    this._t = viewTranslator(this); // the lang attribute (a widget's language), else the page's
  }
  static get observedAttributes() {
    return ['lang'];
  }
  attributeChangedCallback() {
    if (this.isConnected) this._render();
  }
  connectedCallback() {
    this._off = onLocaleChange(() => this._render());
    this._render();
  }
  disconnectedCallback() {
    this._off?.();
  }
  set reference(text) {
    if (this._input.value !== text) this._input.value = text;
  }
  get reference() {
    return this._input.value;
  }
  set data(d) {
    this._data = d;
    this._render();
  }
  /** A message instead of the table (e.g. an engine error for the typed reference). */
  set message(text) {
    this._message = text;
    this._render();
  }

  _render() {
    this.shadowRoot.querySelector('label').textContent = this._t('translate.forcing.reference');
    this.shadowRoot.querySelector('.ref-hint').textContent = this._t('translate.forcing.refHint');
    const box = this.shadowRoot.querySelector('.result');
    const d = this._data;
    if (this._message) {
      box.replaceChildren(el('p', 'hint', this._message));
      return;
    }
    if (!d) {
      box.replaceChildren();
      return;
    }
    const table = el('table');
    const head = el('tr');
    head.append(el('th', '', this._t('translate.forcing.position')));
    d.positions.forEach((_, k) => head.append(el('th', '', String(k + 1))));
    const line = (key, cell) => {
      const tr = el('tr');
      const th = el('th', '', this._t(key));
      th.scope = 'row';
      tr.append(th);
      d.positions.forEach((p, k) => tr.append(cell(p, k)));
      return tr;
    };
    const withP = (text, p, cls) => {
      const td = el('td', cls, text);
      if (p !== undefined) td.append(el('span', 'p', pct(p)));
      return td;
    };
    table.append(
      head,
      line('translate.forcing.should', (p) => el('td', '', p.should)),
      line('translate.forcing.forced', (p) => withP(p.forced, p.forcedProb, p.forced === p.should ? 'ok' : 'bad')),
      line('translate.forcing.refProb', (p) => el('td', '', pct(p.refProb))),
      line('translate.forcing.free', (p, k) => {
        if (p.free === undefined) return el('td', 'after', '—');
        const cls = k === d.firstMistake ? 'bad first' : d.firstMistake >= 0 && k > d.firstMistake ? 'after' : 'ok';
        return withP(p.free, p.freeProb, cls);
      }),
    );
    table.querySelectorAll('tr').forEach((tr, i) => {
      tr.dataset.row = ['pos', 'should', 'forced', 'ref', 'free'][i];
    });
    const wrap = el('div', 'wrap');
    wrap.append(table);
    const p = d.positions[d.firstMistake];
    const verdict =
      d.firstMistake < 0
        ? this._t('translate.forcing.same')
        : this._t('translate.forcing.first', { k: d.firstMistake + 1, want: p?.should ?? '—', got: p?.free ?? '—' });
    box.replaceChildren(
      wrap,
      el('p', 'verdict', verdict),
      el(
        'p',
        'hint',
        this._t('translate.forcing.forcedMistakes', { n: d.forcedMistakes, loss: d.forcedLoss.toFixed(3) }),
      ),
    );
  }
}

customElements.define('tf-translate-forcing', TfTranslateForcing);
