// <tf-words-window>: a sentence with a sliding CBOW window — the blank, its context words, and the training
// pairs every window of the sentence makes. A pure view.
//
//   view.data = { words: string[], centre, contextPositions: Int32Array, known: boolean[],
//                 pairs: [{ inputPositions: Int32Array, targetPosition }], prob (null: the blank is an unknown word), loss }
//   view.addEventListener('pick-centre', (e) => e.detail.centre);
import { BASE_STYLE, DataView, el, fixed, pct } from './common.js';
import { t } from '../../i18n/index.js';

const STYLE = `${BASE_STYLE}
  .words { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0.6rem 0 0.3rem; }
  .word { border-radius: 8px; padding: 0.25rem 0.6rem; border: 1px solid #c8c8d2; background: #fff; font-size: 1.05rem; }
  .word.context { background: #d1e5f0; border-color: #2166ac; }
  .word.blank { background: #fddbc7; border: 2px dashed #b2182b; font-weight: 700; }
  .word.unknown { text-decoration: underline dotted #b2182b; }
  .tag { display: block; font-size: 0.7rem; color: #5b5b66; line-height: 1.1; }
  .nav { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  ol { padding-left: 1.4rem; margin: 0.3rem 0; }
  li { margin: 0.15rem 0; overflow-wrap: anywhere; }
  li.current { font-weight: 700; background: #fff4ec; border-radius: 6px; }
  .arrow { color: #5b5b66; margin: 0 0.3rem; }
  .target { color: #b2182b; }
  h4 { margin: 0.8rem 0 0.2rem; font-size: 0.95rem; }
`;

class TfWordsWindow extends DataView {
  constructor() {
    super(STYLE);
  }

  _pick(centre) {
    this.dispatchEvent(new CustomEvent('pick-centre', { detail: { centre }, bubbles: true, composed: true }));
  }

  draw(root, d) {
    const context = new Set(Array.from(d.contextPositions));
    const words = el('div', 'words');
    d.words.forEach((w, i) => {
      const kind = i === d.centre ? 'blank' : context.has(i) ? 'context' : '';
      const b = el('button', `word ${kind}${d.known[i] ? '' : ' unknown'}`);
      b.type = 'button';
      b.dataset.index = String(i);
      b.append(el('span', 'text', w));
      if (kind) b.append(el('span', 'tag', t(`words.window.${kind}`)));
      if (!d.known[i]) b.title = t('words.window.unknown');
      b.addEventListener('click', () => this._pick(i));
      words.append(b);
    });
    const nav = el('div', 'nav');
    const prev = el('button', 'prev', t('words.window.prev'));
    prev.disabled = d.centre <= 0;
    prev.addEventListener('click', () => this._pick(d.centre - 1));
    const next = el('button', 'next', t('words.window.next'));
    next.disabled = d.centre >= d.words.length - 1;
    next.addEventListener('click', () => this._pick(d.centre + 1));
    nav.append(prev, next, el('span', 'hint', t('words.window.position', { n: d.centre + 1, total: d.words.length })));
    const loss = el(
      'p',
      'hint loss',
      d.prob === null
        ? t('words.window.unknown')
        : t('words.window.pairLoss', { prob: pct(d.prob), loss: fixed(d.loss) }),
    );
    const list = el('ol', 'pairs');
    d.pairs.forEach((p) => {
      const li = el('li', p.targetPosition === d.centre ? 'current' : '');
      const ctx = Array.from(p.inputPositions)
        .filter((i) => i >= 0)
        .map((i) => d.words[i]);
      li.append(
        el('span', 'ctx', `[${ctx.join(', ')}]`),
        el('span', 'arrow', '→'),
        el('span', 'target', d.words[p.targetPosition]),
      );
      li.addEventListener('click', () => this._pick(p.targetPosition));
      list.append(li);
    });
    root.append(words, nav, loss, el('h4', '', t('words.window.pairsTitle')), list);
  }
}

customElements.define('tf-words-window', TfWordsWindow);
