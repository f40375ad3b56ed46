// Stage 2 — Input embedding ("글자를 숫자로"): each token id picks one row of the embedding table
// wte (V × C). Shows the sentence's rows (the engine's embed.token), the selected token's numbers,
// and the whole table with the sentence's rows marked; hovering a token, a sentence row or a table
// row lights the same token everywhere.
import { registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import { StageView } from './base.js';
import { dimLabels, ensureStyle, heatmapPanel, plainNumber } from './input-stages-common.js';

registerStrings({
  ko: {
    'embedding.lead': '임베딩 표(wte)에는 어휘의 토큰마다 한 줄이 있고, 한 줄은 숫자 {c}개예요. 토큰의 id가 곧 줄 번호라서, 모델은 id 번째 줄을 그대로 꺼내 와요.',
    'embedding.pick': '토큰을 골라 보세요 (마우스를 올리거나 누르기, Tab 키로 이동)',
    'embedding.chip.aria': '위치 {pos}: 토큰 {text}, id {id}',
    'embedding.panel': '이 문장의 토큰 벡터들 (토큰 {t}개 × 숫자 {c}개)',
    'embedding.rows': '토큰',
    'embedding.cols': '차원',
    'embedding.vector': '위치 {pos}의 토큰 “{text}” (id {id}) = 표의 {id}번 줄:',
    'embedding.vectorHint': '이 숫자 {c}개가 모델이 보는 “{text}”예요. 색이 진할수록 0에서 멀어요 (파랑 = 음수, 주황 = 양수).',
    'embedding.table': '임베딩 표 전체 wte (어휘 {v}개 × 숫자 {c}개)',
    'embedding.tableRows': '토큰 id',
    'embedding.tableHint': '오른쪽에 ◀ 표시가 있는 줄이 이 문장에 쓰인 줄이에요 (숫자는 문장 속 위치). 표는 상자 안에서 위아래로 스크롤돼요.',
    'embedding.notes': '문장 속 위치',
    'embedding.repeat': '“{text}”는 이 문장에 {n}번 나와요: 매번 같은 줄(id {id})을 꺼내니까 벡터도 똑같아요.',
    'embedding.random': '학습 전의 모델이라면 표의 숫자는 무작위로 정한 작은 값이에요. 학습하면 비슷하게 쓰이는 토큰끼리 비슷한 줄을 갖게 돼요.',
    'embedding.tied': '이 모델은 같은 표를 마지막 “선형” 단계에서도 다시 써요 (가중치 공유).',
  },
  en: {
    'embedding.lead': 'The embedding table (wte) has one row per vocabulary token, and each row is {c} numbers. A token’s id is its row number, so the model simply takes out row number id.',
    'embedding.pick': 'Pick a token (hover or click it, or move with Tab)',
    'embedding.chip.aria': 'position {pos}: token {text}, id {id}',
    'embedding.panel': 'This sentence’s token vectors ({t} tokens × {c} numbers)',
    'embedding.rows': 'token',
    'embedding.cols': 'dim',
    'embedding.vector': 'Token “{text}” at position {pos} (id {id}) = row {id} of the table:',
    'embedding.vectorHint': 'These {c} numbers are what the model sees for “{text}”. Stronger colour = further from 0 (blue = negative, orange = positive).',
    'embedding.table': 'The whole embedding table wte ({v} tokens × {c} numbers)',
    'embedding.tableRows': 'token id',
    'embedding.tableHint': 'Rows marked ◀ on the right are the ones this sentence uses (the numbers are positions in the sentence). The table scrolls up and down inside its box.',
    'embedding.notes': 'at position',
    'embedding.repeat': '“{text}” appears {n} times in this sentence: each time the same row (id {id}) is taken, so the vectors are identical.',
    'embedding.random': 'In a model that has not been trained yet, the table holds small random numbers. Training makes tokens used in similar ways get similar rows.',
    'embedding.tied': 'This model reuses the same table in the final “Linear” stage (tied weights).',
  },
});

let selectedPos = 0;   // kept across re-renders while the learner edits the sentence

class TfStageEmbedding extends StageView {
  render() {
    ensureStyle();
    const { inspection, labels, model } = this.state;
    const tokens = inspection.tokens;
    const ids = Array.from(inspection.ids);
    const C = model.config.n_embd;
    const vocab = model.tokenizer.vocab;
    const V = vocab.length;
    const rows = inspection.tensor('embed.token');
    const wte = model.parameter('transformer.wte.weight');
    selectedPos = Math.min(selectedPos, tokens.length - 1);
    this._ids = ids;
    this._rows = rows;
    this._chips = [];

    // the sentence as pickable chips
    const chips = el('div', 'tfi-cols');
    chips.dataset.role = 'token-chips';
    tokens.forEach((tok, i) => {
      const b = el('button', `tfi-col${tok.unknown ? ' tfi-unknown' : ''}`);
      b.type = 'button';
      b.dataset.pos = String(i);
      b.setAttribute('aria-label', t('embedding.chip.aria', { pos: i, text: visibleToken(tok.text), id: tok.id }));
      b.setAttribute('aria-pressed', 'false');
      b.append(el('span', 'tfi-pos', String(i)), el('span', 'tfi-piece', visibleToken(tok.text)), el('span', 'tfi-id', `#${tok.id}`));
      b.addEventListener('pointerenter', () => this.preview(i));
      b.addEventListener('focus', () => this.preview(i));
      b.addEventListener('pointerleave', () => this.preview(null));
      b.addEventListener('blur', () => this.preview(null));
      b.addEventListener('click', () => this.select(i));
      this._chips.push(b);
      chips.append(b);
    });

    // the sentence's rows (engine: embed.token)
    const sentence = heatmapPanel({
      name: 'embedding-sentence', title: t('embedding.panel', { t: tokens.length, c: C }), shape: rows.shape,
      rowTitle: t('embedding.rows'), colTitle: t('embedding.cols'),
      matrix: { values: rows.data, rows: tokens.length, cols: C, rowLabels: labels.map((s, i) => `${s} #${ids[i]}`), colLabels: dimLabels(C) },
    });
    this._sentence = sentence.heatmap;
    this._vector = el('div', '');
    this._vector.dataset.role = 'vector';

    // the whole table (parameter wte), the sentence's rows marked
    const where = new Map();
    ids.forEach((id, i) => where.set(id, [...(where.get(id) ?? []), i]));
    const rowNotes = vocab.map((_, id) => (where.has(id) ? `◀ ${where.get(id).join(', ')}` : ''));
    const table = heatmapPanel({
      name: 'embedding-table', title: t('embedding.table', { v: V, c: C }), shape: wte.shape,
      rowTitle: t('embedding.tableRows'), colTitle: t('embedding.cols'), cellHeight: V <= 2000 ? 16 : 14, maxHeight: 460,
      matrix: { values: wte.data, rows: V, cols: C, rowLabels: vocab.map((s, id) => `${id} ${visibleToken(s)}`), colLabels: dimLabels(C), rowNotes, rowNotesTitle: t('embedding.notes') },
    });
    this._tablePanel = table;
    this._table = table.heatmap;

    // linking: hovering a sentence row or a table row lights the same token elsewhere
    this._sentence.addEventListener('cell-hover', (e) => this.preview(e.detail.row, 'sentence'));
    this._sentence.addEventListener('cell-leave', () => this.preview(null));
    this._table.addEventListener('cell-hover', (e) => this.preview(null, 'table', e.detail.row));
    this._table.addEventListener('cell-leave', () => this.preview(null, 'table-leave'));

    const notes = [];
    for (const [id, at] of where) {
      if (at.length > 1 && notes.length < 3) notes.push(el('p', 'tfi-note tfi-same', t('embedding.repeat', { text: visibleToken(tokens[at[0]].text), n: at.length, id })));
    }
    const tableSection = el('section', 'tfi-section');
    tableSection.append(table, el('p', 'hint', t('embedding.tableHint')), el('p', 'hint', t('embedding.random')));
    if (model.config.tied) tableSection.append(el('p', 'hint', t('embedding.tied')));

    this.replaceChildren(el('p', 'explain', t('embedding.lead', { c: C })), el('p', 'tfi-step-title', t('embedding.pick')), chips,
      sentence, this._vector, ...notes, tableSection);
    this.select(selectedPos);
  }

  /** Makes token `pos` the selected one (sticky): its numbers are listed under the heatmap. */
  select(pos) {
    selectedPos = pos;
    this._chips.forEach((b, i) => b.setAttribute('aria-pressed', String(i === pos)));
    const tok = this.state.inspection.tokens[pos];
    const C = this.state.model.config.n_embd;
    const values = Array.from(this._rows.data.subarray(pos * C, (pos + 1) * C), plainNumber);
    const text = visibleToken(tok.text);
    this._vector.replaceChildren(
      el('p', 'tfi-step-title', t('embedding.vector', { pos, text, id: tok.id })),
      el('div', 'tfi-vector', `[${values.join(', ')}]`),
      el('p', 'hint', t('embedding.vectorHint', { c: C, text })));
    this.preview(null);
  }

  /**
   * Lights a token in the chips and both heatmaps: `pos` (a position; null = back to the selected
   * one), or, when the pointer is on the table, table row `tableRow` (an id the sentence may lack).
   */
  preview(pos, from = null, tableRow = null) {
    if (from === 'table') {
      const first = this._ids.indexOf(tableRow);
      this._chips.forEach((b, i) => b.classList.toggle('tfi-on', this._ids[i] === tableRow));
      this._sentence.highlight = first >= 0 ? { row: first } : null;
      this._table.highlight = { row: tableRow };
      return;
    }
    const shown = pos ?? selectedPos;
    const id = this._ids[shown];
    this._chips.forEach((b, i) => b.classList.toggle('tfi-on', pos !== null && this._ids[i] === id));
    this._sentence.highlight = { row: shown };
    this._table.highlight = { row: id };
    if (from !== 'table-leave') this._tablePanel.scrollToRow(id);
  }
}
customElements.define('tf-stage-embedding', TfStageEmbedding);
