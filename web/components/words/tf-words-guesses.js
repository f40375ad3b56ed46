// <tf-words-guesses>: the words the engine read, with the blank marked, and its top guesses with their
// probabilities as bars. A pure view.
//
//   view.data = { words: string[], blank, guesses: [{ word, prob, category }] }
import { BASE_STYLE, DataView, categoryColor, categoryName, el, pct } from './common.js';
import { t } from '../../i18n/index.js';

const STYLE = `${BASE_STYLE}
  table { border-collapse: collapse; width: 100%; max-width: 36rem; font-variant-numeric: tabular-nums; }
  th { text-align: left; color: #5b5b66; font-weight: 500; font-size: 0.85rem; }
  td { padding: 0.2rem 0.3rem; border-bottom: 1px solid #eee; }
  td.word { white-space: nowrap; font-size: 1.05rem; }
  td.bar { width: 45%; }
  .bar span { display: block; height: 0.8rem; background: #b2182b; border-radius: 3px; }
  td.kind { color: #5b5b66; font-size: 0.85rem; }
  .blank { background: #fddbc7; border: 1px dashed #b2182b; border-radius: 4px; padding: 0 0.3rem; color: #b2182b; font-weight: 600; }
`;

class TfWordsGuesses extends DataView {
  constructor() {
    super(STYLE);
  }

  draw(root, d) {
    const read = el('p', 'hint read');
    const parts = t('words.blank.read', { words: '\u0000' }).split('\u0000');
    read.append(parts[0]);
    d.words.forEach((w, i) => {
      if (i) read.append(' ');
      read.append(i === d.blank ? el('span', 'blank', t('words.window.blank')) : w);
    });
    read.append(parts[1] ?? '');
    const table = el('table');
    const head = el('tr');
    head.append(el('th', '', t('words.blank.guess')), el('th', '', t('words.blank.prob')), el('th'), el('th'));
    table.append(head);
    for (const g of d.guesses) {
      const tr = el('tr');
      const w = el('td', 'word');
      const s = el('span', 'swatch');
      s.style.background = categoryColor(g.category);
      w.append(s, document.createTextNode(` ${g.word}`));
      const bar = el('td', 'bar');
      const fill = el('span');
      fill.style.width = `${g.prob * 100}%`;
      bar.append(fill);
      tr.append(w, el('td', 'prob', pct(g.prob)), bar, el('td', 'kind', categoryName(g.category)));
      table.append(tr);
    }
    root.append(read, table);
  }
}

customElements.define('tf-words-guesses', TfWordsGuesses);
