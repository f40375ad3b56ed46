// Stage 1 — Inputs: 문장 → 토큰 → id. The sentence, the tokens the engine's tokenizer cut it into
// (each with its position and vocabulary id), the list of ids the model receives, and the
// vocabulary those ids point into. Hovering or focusing a token finds it in the vocabulary.
import { registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import { StageView } from './base.js';
import { ensureStyle } from './input-stages-common.js';

registerStrings({
  ko: {
    'inputs.lead': '모델 안으로 들어가기 전에, 문장은 세 단계를 거쳐 숫자 목록이 돼요.',
    'inputs.step.sentence': '문장',
    'inputs.chars': '글자 {n}개 (띄어쓰기 포함)',
    'inputs.arrow.split': '토크나이저가 {kind} 단위로 잘라요 → 토큰 {n}개',
    'inputs.kind.char': '글자',
    'inputs.kind.word': '단어',
    'inputs.kind.jamo': '자모',
    'inputs.step.tokens': '토큰 → id',
    'inputs.tokens.hint': '각 토큰을 어휘 사전에서 찾아 번호(id)로 바꿔요. 위의 작은 숫자는 토큰의 위치(0부터 셈)예요.',
    'inputs.legend.pos': '위치',
    'inputs.legend.token': '토큰',
    'inputs.legend.id': 'id',
    'inputs.col.aria': '위치 {pos}: 토큰 {text}, id {id}',
    'inputs.unknown': '점선 칸은 어휘 사전에 없는 토큰이에요. 그 자리는 <unk> 토큰(id {id})으로 바뀌어요.',
    'inputs.arrow.collect': '번호만 순서대로 모아요',
    'inputs.step.ids': '모델이 받는 숫자 목록 (토큰 id)',
    'inputs.ids.hint': '토큰 {n}개 → 숫자 {n}개. 순서도 정보예요: 같은 숫자라도 순서를 바꾸면 다른 목록이 돼요 (3단계 위치 인코딩에서 확인해요).',
    'inputs.vocab.title': '어휘 사전: 모델이 아는 토큰 {v}개',
    'inputs.vocab.hint': 'id는 이 사전에서의 자리 번호예요. 파란 칸이 이 문장에 나온 토큰이에요. 위의 토큰 칸에 마우스를 올리거나 Tab 키로 고르면 사전에서 찾아 보여 줘요.',
    'inputs.vocab.special': '<pad> · <bos> · <eos> · <unk>는 특별한 토큰이에요: 빈칸 채우기 · 시작 · 끝 · 모르는 토큰.',
    'inputs.vocab.partial': '어휘가 커서 일부만 보여요 ({shown}개 / 전체 {v}개).',
    'inputs.vocab.aria': 'id {id}: {text}',
  },
  en: {
    'inputs.lead': 'Before it enters the model, the sentence becomes a list of numbers in three steps.',
    'inputs.step.sentence': 'Sentence',
    'inputs.chars': '{n} characters (spaces included)',
    'inputs.arrow.split': 'The tokenizer cuts it into {kind} pieces → {n} tokens',
    'inputs.kind.char': 'character',
    'inputs.kind.word': 'word',
    'inputs.kind.jamo': 'jamo',
    'inputs.step.tokens': 'Tokens → ids',
    'inputs.tokens.hint': 'Each token is looked up in the vocabulary and replaced by its number (id). The small number on top is the token’s position (counting from 0).',
    'inputs.legend.pos': 'position',
    'inputs.legend.token': 'token',
    'inputs.legend.id': 'id',
    'inputs.col.aria': 'position {pos}: token {text}, id {id}',
    'inputs.unknown': 'Dashed boxes are tokens missing from the vocabulary. They become the <unk> token (id {id}).',
    'inputs.arrow.collect': 'Keep only the numbers, in order',
    'inputs.step.ids': 'The list of numbers the model receives (token ids)',
    'inputs.ids.hint': '{n} tokens → {n} numbers. Order is information too: the same numbers in another order make a different list (see stage 3, positional encoding).',
    'inputs.vocab.title': 'Vocabulary: the {v} tokens the model knows',
    'inputs.vocab.hint': 'An id is the token’s place in this vocabulary. Blue boxes are tokens of this sentence. Hover a token box above (or reach it with Tab) to find it here.',
    'inputs.vocab.special': '<pad> · <bos> · <eos> · <unk> are special tokens: padding · start · end · unknown token.',
    'inputs.vocab.partial': 'The vocabulary is large, so only part of it is shown ({shown} of {v}).',
    'inputs.vocab.aria': 'id {id}: {text}',
  },
});

const FULL_VOCAB = 300;   // show every entry up to this size; beyond it, the sentence's and a few more

class TfStageInputs extends StageView {
  render() {
    ensureStyle();
    const { tf, model, inspection, text } = this.state;
    const tokens = inspection.tokens;
    const ids = Array.from(inspection.ids);
    const tokenizer = model.tokenizer;
    const vocab = tokenizer.vocab;
    const unkId = vocab.indexOf('<unk>');
    this._cols = [];
    this._vocabItems = new Map();

    // ① sentence
    const sentence = el('div', 'tfi-sentence', text);
    sentence.dataset.role = 'sentence';
    const step1 = this.step(1, t('inputs.step.sentence'), sentence, el('div', 'hint', t('inputs.chars', { n: tf.splitChars(text).length })));

    const split = el('div', 'tfi-arrow', t('inputs.arrow.split', { kind: t(`inputs.kind.${tokenizer.type}`), n: tokens.length }));

    // ② tokens → ids, one column per token
    const cols = el('div', 'tfi-cols');
    cols.dataset.role = 'token-columns';
    const legend = el('div', 'tfi-col tfi-legend');
    legend.setAttribute('aria-hidden', 'true');
    legend.append(el('span', 'tfi-pos', t('inputs.legend.pos')), el('span', 'tfi-piece', t('inputs.legend.token')),
      el('span', 'tfi-down', '↓'), el('span', '', t('inputs.legend.id')));
    cols.append(legend);
    tokens.forEach((tok, i) => {
      const col = el('div', `tfi-col${tok.unknown ? ' tfi-unknown' : ''}`);
      col.tabIndex = 0;
      col.dataset.pos = String(i);
      col.dataset.id = String(tok.id);
      col.setAttribute('aria-label', t('inputs.col.aria', { pos: i, text: visibleToken(tok.text), id: tok.id }));
      col.append(el('span', 'tfi-pos', String(i)), el('span', 'tfi-piece', visibleToken(tok.text)),
        el('span', 'tfi-down', '↓'), el('span', 'tfi-id', String(tok.id)));
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

    this.replaceChildren(el('p', 'explain', t('inputs.lead')), step1, split, step2, collect, step3, this.vocabulary(vocab, new Set(ids)));
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
    if (shown.length < vocab.length) section.append(el('p', 'hint', t('inputs.vocab.partial', { shown: shown.length, v: vocab.length })));
    return section;
  }

  /** Marks every column with token `id` and its vocabulary entry (null clears). */
  light(id) {
    for (const col of this._cols) col.classList.toggle('tfi-on', id !== null && col.dataset.id === String(id));
    for (const [vid, li] of this._vocabItems) li.classList.toggle('tfi-on', vid === id);
  }
}
customElements.define('tf-stage-inputs', TfStageInputs);
