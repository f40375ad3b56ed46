// Stage 1 — Inputs: 문장 → 토큰 → id. The sentence, the tokens the engine's tokenizer cut it into
// (each with its position and vocabulary id), the list of ids the model receives, and the
// vocabulary those ids point into. Hovering or focusing a token finds it in the vocabulary. The token
// columns and the marked vocabulary entries are one Tab stop each (arrow keys inside).
// Data (web/controllers/stage-inputs.js): { chars, ids, tokenizerType, vocab, unkId }.
import { registerStrings, t } from '../../i18n/index.js';
import ko from '../../i18n/stages/inputs.ko.js';
import en from '../../i18n/stages/inputs.en.js';
import { el, visibleToken } from '../labels.js';
import { StageView } from './base.js';
import { ensureStyle } from './input-stages-common.js';
import { roving } from '../roving.js';

registerStrings({ ko, en });

const FULL_VOCAB = 300; // show every entry up to this size; beyond it, the sentence's and a few more

class TfStageInputs extends StageView {
  render() {
    ensureStyle();
    if (!this.data) {
      this.replaceChildren();
      return;
    }
    const { text, tokens } = this.state;
    const { chars, tokenizerType, vocab, unkId } = this.data;
    const ids = Array.from(this.data.ids);
    this._cols = [];
    this._vocabItems = new Map();

    // ① sentence
    const sentence = el('div', 'tfi-sentence', text);
    sentence.dataset.role = 'sentence';
    const step1 = this.step(1, t('inputs.step.sentence'), sentence, el('div', 'hint', t('inputs.chars', { n: chars })));

    const split = el(
      'div',
      'tfi-arrow',
      t('inputs.arrow.split', { kind: t(`inputs.kind.${tokenizerType}`), n: tokens.length }),
    );

    // ② tokens → ids, one column per token
    const cols = el('div', 'tfi-cols');
    cols.dataset.role = 'token-columns';
    const legend = el('div', 'tfi-col tfi-legend');
    legend.setAttribute('aria-hidden', 'true');
    legend.append(
      el('span', 'tfi-pos', t('inputs.legend.pos')),
      el('span', 'tfi-piece', t('inputs.legend.token')),
      el('span', 'tfi-down', '↓'),
      el('span', '', t('inputs.legend.id')),
    );
    cols.append(legend);
    tokens.forEach((tok, i) => {
      const col = el('div', `tfi-col${tok.unknown ? ' tfi-unknown' : ''}`);
      col.tabIndex = 0;
      col.dataset.pos = String(i);
      col.dataset.id = String(tok.id);
      col.setAttribute('aria-label', t('inputs.col.aria', { pos: i, text: visibleToken(tok.text), id: tok.id }));
      col.append(
        el('span', 'tfi-pos', String(i)),
        el('span', 'tfi-piece', visibleToken(tok.text)),
        el('span', 'tfi-down', '↓'),
        el('span', 'tfi-id', String(tok.id)),
      );
      const on = () => this.light(tok.id);
      col.addEventListener('pointerenter', on);
      col.addEventListener('focus', on);
      col.addEventListener('pointerleave', () => this.light(null));
      col.addEventListener('blur', () => this.light(null));
      this._cols.push(col);
      cols.append(col);
    });
    const step2Body = [cols, el('p', 'hint', t('inputs.tokens.hint'))];
    if (tokens.some((tok) => tok.unknown)) step2Body.push(el('p', 'tfi-note', t('inputs.unknown', { id: unkId })));
    const step2 = this.step(2, t('inputs.step.tokens'), ...step2Body);

    const collect = el('div', 'tfi-arrow', t('inputs.arrow.collect'));

    // ③ the ids
    const list = el('pre', 'tfi-ids', `[${ids.join(', ')}]`);
    list.dataset.role = 'ids';
    const step3 = this.step(3, t('inputs.step.ids'), list, el('p', 'hint', t('inputs.ids.hint', { n: ids.length })));

    this.replaceChildren(
      el('p', 'explain', t('inputs.lead')),
      step1,
      split,
      step2,
      collect,
      step3,
      this.vocabulary(vocab, new Set(ids)),
    );
    // the token columns and the sentence's vocabulary entries: one Tab stop each, arrow keys inside
    roving(cols, '.tfi-col[data-pos]');
    roving(this.querySelector('[data-role=vocab]'), 'li.tfi-in');
  }

  step(n, title, ...body) {
    const box = el('div', 'tfi-step');
    box.dataset.step = String(n);
    const num = el('span', 'tfi-step-num', String(n));
    num.setAttribute('aria-hidden', 'true');
    const inner = el('div', 'tfi-step-body');
    inner.append(el('p', 'tfi-step-title', title), ...body);
    box.append(num, inner);
    return box;
  }

  vocabulary(vocab, used) {
    const section = el('section', 'tfi-section');
    section.append(el('h3', '', t('inputs.vocab.title', { v: vocab.length })));
    let shown = vocab.map((_, id) => id);
    if (vocab.length > FULL_VOCAB) {
      const keep = new Set([...Array(Math.min(60, vocab.length)).keys(), ...used]);
      shown = [...keep].sort((a, b) => a - b);
    }
    const ul = el('ul', 'tfi-vocab');
    ul.dataset.role = 'vocab';
    let prev = -1;
    for (const id of shown) {
      if (id !== prev + 1) ul.append(el('li', 'tfi-gap', '…'));
      prev = id;
      const li = el('li', used.has(id) ? 'tfi-in' : '');
      li.dataset.id = String(id);
      li.append(el('span', 'tfi-vid', String(id)), el('span', '', visibleToken(vocab[id])));
      if (used.has(id)) {
        li.tabIndex = 0;
        li.setAttribute('aria-label', t('inputs.vocab.aria', { id, text: visibleToken(vocab[id]) }));
        const on = () => this.light(id);
        li.addEventListener('pointerenter', on);
        li.addEventListener('focus', on);
        li.addEventListener('pointerleave', () => this.light(null));
        li.addEventListener('blur', () => this.light(null));
      }
      this._vocabItems.set(id, li);
      ul.append(li);
    }
    section.append(el('p', 'hint', t('inputs.vocab.hint')), ul, el('p', 'hint', t('inputs.vocab.special')));
    if (shown.length < vocab.length)
      section.append(el('p', 'hint', t('inputs.vocab.partial', { shown: shown.length, v: vocab.length })));
    return section;
  }

  /** Marks every column with token `id` and its vocabulary entry (null clears). */
  light(id) {
    for (const col of this._cols) col.classList.toggle('tfi-on', id !== null && col.dataset.id === String(id));
    for (const [vid, li] of this._vocabItems) li.classList.toggle('tfi-on', vid === id);
  }
}
customElements.define('tf-stage-inputs', TfStageInputs);
