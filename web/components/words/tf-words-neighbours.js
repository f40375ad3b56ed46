// <tf-words-neighbours>: a word picker and the word's nearest neighbours by cosine, with a bar per cosine and
// the neighbour's category. A pure view.
//
//   view.data = { word, category, choices: string[], list: [{ word, cosine, category }] }
//   view.addEventListener('pick-word', (e) => e.detail.word);
import { BASE_STYLE, DataView, categoryColor, categoryName, el, fixed } from './common.js';
import { t } from '../../i18n/index.js';

const STYLE = `${BASE_STYLE}
  label { display: inline-flex; gap: 0.4rem; align-items: center; font-weight: 500; }
  table { border-collapse: collapse; width: 100%; margin-top: 0.4rem; font-variant-numeric: tabular-nums; }
  td { padding: 0.15rem 0.3rem; border-bottom: 1px solid #eee; vertical-align: middle; }
  td.word { white-space: nowrap; }
  td.bar { width: 40%; }
  .bar span { display: block; height: 0.7rem; background: #2166ac; border-radius: 3px; }
  td.kind { color: #5b5b66; font-size: 0.85rem; }
  .same { color: #1b7837; font-weight: 600; }
`;

class TfWordsNeighbours extends DataView {
  constructor() {
    super(STYLE);
  }

  draw(root, d) {
    const label = el('label', '', t('words.near.pick'));
    const select = document.createElement('select');
    for (const w of d.choices) select.append(new Option(w, w));
    select.value = d.word;
    select.addEventListener('change', () =>
      this.dispatchEvent(
        new CustomEvent('pick-word', { detail: { word: select.value }, bubbles: true, composed: true }),
      ),
    );
    label.append(select);
    const sw = el('span', 'swatch');
    sw.style.background = categoryColor(d.category);
    const kind = el('span', 'hint', ` ${categoryName(d.category)}`);
    const table = el('table');
    for (const n of d.list) {
      const tr = el('tr');
      const w = el('td', 'word');
      const s = el('span', 'swatch');
      s.style.background = categoryColor(n.category);
      w.append(s, document.createTextNode(` ${n.word}`));
      const bar = el('td', 'bar');
      const fill = el('span');
      fill.style.width = `${Math.max(0, n.cosine) * 100}%`;
      bar.append(fill);
      const same = d.category && n.category === d.category;
      const k = el('td', `kind${same ? ' same' : ''}`, same ? t('words.near.same') : categoryName(n.category));
      tr.append(w, el('td', 'cos', fixed(n.cosine)), bar, k);
      table.append(tr);
    }
    root.append(label, sw, kind, table);
  }
}

customElements.define('tf-words-neighbours', TfWordsNeighbours);
