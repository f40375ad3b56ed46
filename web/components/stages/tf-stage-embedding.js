// Stage 2 — Input embedding ("글자를 숫자로"): each token id picks one row of the embedding table
// wte (V × C). Shows the sentence's rows (the engine's embed.token), the selected token's numbers,
// the rows of the table nearest its row (cosine, computed by the engine: Model.nearestTokens), and the whole
// table with the sentence's rows marked; hovering a token, a sentence row or a table row lights the same
// token everywhere. The token chips are one Tab stop (arrow keys inside).
// Data (web/controllers/stage-embedding.js): { C, tied, vocab, ids, rows (T, C), table (V, C), selected, nearest };
// picking a token writes memory.selected and asks for new data (its nearest rows).
import { locale, registerStrings, t } from '../../i18n/index.js';
import ko from '../../i18n/stages/embedding.ko.js';
import en from '../../i18n/stages/embedding.en.js';
import { el, visibleToken } from '../labels.js';
import { StageView } from './base.js';
import { dimLabels, ensureStyle, heatmapPanel, plainNumber } from './input-stages-common.js';
import { roving } from '../roving.js';

registerStrings({ ko, en });

class TfStageEmbedding extends StageView {
  /** The selected position, kept across re-renders while the learner edits the sentence (StageView.memory). */
  static memoryDefaults = { selected: 0 };

  render() {
    ensureStyle();
    if (!this.data) {
      this.replaceChildren();
      return;
    }
    const { labels, tokens } = this.state;
    const { C, vocab, rows, table: wte, tied } = this.data;
    const ids = Array.from(this.data.ids);
    const V = vocab.length;
    this._selected = this.data.selected;
    this.memory.selected = this._selected; // kept as the engine's data has it (a shorter sentence moves it)
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
      b.append(
        el('span', 'tfi-pos', String(i)),
        el('span', 'tfi-piece', visibleToken(tok.text)),
        el('span', 'tfi-id', `#${tok.id}`),
      );
      b.addEventListener('pointerenter', () => this.preview(i));
      b.addEventListener('focus', () => this.preview(i));
      b.addEventListener('pointerleave', () => this.preview(null));
      b.addEventListener('blur', () => this.preview(null));
      b.addEventListener('click', () => this.pick(i));
      this._chips.push(b);
      chips.append(b);
    });
    chips.setAttribute('role', 'group');
    chips.setAttribute('aria-label', t('embedding.pick'));

    // the sentence's rows (engine: embed.token)
    const sentence = heatmapPanel({
      name: 'embedding-sentence',
      title: t('embedding.panel', { t: tokens.length, c: C }),
      shape: rows.shape,
      rowTitle: t('embedding.rows'),
      colTitle: t('embedding.cols'),
      matrix: {
        values: rows.data,
        rows: tokens.length,
        cols: C,
        rowLabels: labels.map((s, i) => `${s} #${ids[i]}`),
        colLabels: dimLabels(C),
      },
    });
    this._sentence = sentence.heatmap;
    this._vector = el('div', '');
    this._vector.dataset.role = 'vector';
    this._nearest = el('section', 'tfi-section');
    this._nearest.dataset.role = 'nearest';

    // the whole table (parameter wte), the sentence's rows marked. It is painted once per model and language:
    // a typed character only repaints its notes (the table has V × C cells).
    const where = new Map();
    ids.forEach((id, i) => where.set(id, [...(where.get(id) ?? []), i]));
    const rowNotes = vocab.map((_, id) => (where.has(id) ? `◀ ${where.get(id).join(', ')}` : ''));
    if (this._tableFor?.table !== wte || this._tableFor.lang !== locale()) {
      this._tablePanel = heatmapPanel({
        name: 'embedding-table',
        title: t('embedding.table', { v: V, c: C }),
        shape: wte.shape,
        rowTitle: t('embedding.tableRows'),
        colTitle: t('embedding.cols'),
        cellHeight: V <= 2000 ? 16 : 14,
        maxHeight: 460,
        matrix: {
          values: wte.data,
          rows: V,
          cols: C,
          rowLabels: vocab.map((s, id) => `${id} ${visibleToken(s)}`),
          colLabels: dimLabels(C),
          rowNotes,
          rowNotesTitle: t('embedding.notes'),
        },
      });
      this._table = this._tablePanel.heatmap;
      this._tableFor = { table: wte, lang: locale() };
      this._table.addEventListener('cell-hover', (e) => this.preview(null, 'table', e.detail.row));
      this._table.addEventListener('cell-leave', () => this.preview(null, 'table-leave'));
    } else {
      this._table.rowNotes = rowNotes;
    }
    const table = this._tablePanel;

    // linking: hovering a sentence row or a table row lights the same token elsewhere
    this._sentence.addEventListener('cell-hover', (e) => this.preview(e.detail.row, 'sentence'));
    this._sentence.addEventListener('cell-leave', () => this.preview(null));

    const notes = [];
    for (const [id, at] of where) {
      if (at.length > 1 && notes.length < 3)
        notes.push(
          el(
            'p',
            'tfi-note tfi-same',
            t('embedding.repeat', { text: visibleToken(tokens[at[0]].text), n: at.length, id }),
          ),
        );
    }
    const tableSection = el('section', 'tfi-section');
    tableSection.append(table, el('p', 'hint', t('embedding.tableHint')), el('p', 'hint', t('embedding.random')));
    if (tied) tableSection.append(el('p', 'hint', t('embedding.tied')));

    this.replaceChildren(
      el('p', 'explain', t('embedding.lead', { c: C })),
      el('p', 'tfi-step-title', t('embedding.pick')),
      chips,
      sentence,
      this._vector,
      this._nearest,
      ...notes,
      tableSection,
    );
    this._chips[this._selected].tabIndex = 0;
    roving(chips, 'button');
    this.showSelected();
  }

  /**
   * The learner picks token `pos` (sticky): its nearest rows come from the engine, so the page is asked for new
   * data; the picked chip keeps the focus it had.
   */
  pick(pos) {
    const focused = this._chips[pos] === document.activeElement;
    this.memory.selected = pos;
    this.requestData();
    if (focused && this._chips[pos] !== document.activeElement) {
      this._chips[pos]?.focus();
      this.preview(null);
    }
  }

  /** Shows the selected token: pressed, its numbers listed under the heatmap, its nearest rows. */
  showSelected() {
    const pos = this._selected;
    this._chips.forEach((b, i) => b.setAttribute('aria-pressed', String(i === pos)));
    const tok = this.state.tokens[pos];
    const { C } = this.data;
    const values = Array.from(this._rows.data.subarray(pos * C, (pos + 1) * C), plainNumber);
    const text = visibleToken(tok.text);
    this._vector.replaceChildren(
      el('p', 'tfi-step-title', t('embedding.vector', { pos, text, id: tok.id })),
      el('div', 'tfi-vector', `[${values.join(', ')}]`),
      el('p', 'hint', t('embedding.vectorHint', { c: C, text })),
    );
    this.showNearest(tok, text);
    this.preview(null);
  }

  /** The rows nearest the selected token's row, as the engine ranks them by cosine. */
  showNearest(tok, text) {
    const near = this.data.nearest;
    const list = el('ol', 'tfi-vocab tfi-near');
    for (const n of near) {
      const li = el('li');
      li.dataset.id = String(n.id);
      li.dataset.cosine = String(n.cosine);
      li.tabIndex = 0;
      li.setAttribute(
        'aria-label',
        t('embedding.nearest.aria', { id: n.id, text: visibleToken(n.text), cos: n.cosine.toFixed(3) }),
      );
      li.append(
        el('span', 'tfi-vid', String(n.id)),
        el('span', 'tfi-piece', visibleToken(n.text)),
        el('span', 'tfi-cos', n.cosine.toFixed(3)),
      );
      const on = () => this.preview(null, 'table', n.id);
      li.addEventListener('pointerenter', on);
      li.addEventListener('focus', on);
      li.addEventListener('pointerleave', () => this.preview(null));
      li.addEventListener('blur', () => this.preview(null));
      list.append(li);
    }
    this._nearest.replaceChildren(
      el('h3', '', t('embedding.nearest.title', { text, k: near.length })),
      list,
      el('p', 'hint', t('embedding.nearest.hint')),
      el('p', 'hint', t(this.state.trained === false ? 'embedding.nearest.untrained' : 'embedding.nearest.trained')),
    );
    roving(list, 'li');
  }

  /** Brings table row `id` into view (once per row: finding where it is costs a layout of the page). */
  scrollTable(id) {
    if (this._scrolledTo?.id === id && this._scrolledTo.panel === this._tablePanel) return;
    this._scrolledTo = { id, panel: this._tablePanel };
    this._tablePanel.scrollToRow(id);
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
      this.scrollTable(tableRow);
      return;
    }
    const shown = pos ?? this._selected;
    const id = this._ids[shown];
    this._chips.forEach((b, i) => b.classList.toggle('tfi-on', pos !== null && this._ids[i] === id));
    this._sentence.highlight = { row: shown };
    this._table.highlight = { row: id };
    if (from !== 'table-leave') this.scrollTable(id);
  }
}
customElements.define('tf-stage-embedding', TfStageEmbedding);
