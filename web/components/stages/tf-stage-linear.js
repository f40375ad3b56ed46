// Stage 8 — Linear: the last hidden state (after the final LayerNorm, ln_f) times the embedding table
// (tied) or lm_head gives one score — a logit — per vocabulary token. Shown as the highest-scoring
// tokens for one position (the last by default) and as the whole (T, V) logits table. The numbers and the
// vocabulary come from the controller (web/controllers/stage-linear.js); picking a position or a count is local.
import { registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import { StageView } from './base.js';
import { button, ensureStyle, formatValue, heatmapFigure, tokenPicker, vocabLabelsOf } from './stage-kit.js';
import { rankIds } from '../rank.js';
import { formulaBox, math, mi, mn, mo, mtext, row, sup } from '../mathml.js';

/** (r × c) as MathML. */
const shape = (r, c) => row(mo('('), mn(String(r)), mo('×'), mn(String(c)), mo(')'));
import ko from '../../i18n/stages/linear.ko.js';
import en from '../../i18n/stages/linear.en.js';

registerStrings({ ko, en });

class TfStageLinear extends StageView {
  /** What this view remembers across re-renders and stage switches (kept in the page's store: StageView.memory). */
  static memoryDefaults = { text: null, position: -1, k: 10 };

  render() {
    ensureStyle();
    this.classList.add('tfo');
    const { labels, tokens, text } = this.state;
    const { logits, V, C, tied } = this.data;
    const T = tokens.length;
    if (this.memory.text !== text || this.memory.position < 0 || this.memory.position >= T)
      this.memory.position = T - 1;
    this.memory.text = text;
    this._vocab = vocabLabelsOf(this.data.vocab, V);

    this._picker = tokenPicker(tokens, this.memory.position, (i) => {
      this.memory.position = i;
      this._update();
    });
    const ks = el('div', 'tfo-seg');
    ks.setAttribute('role', 'group');
    ks.setAttribute('aria-label', t('linear.show'));
    for (const k of [5, 10, 20, V]) {
      const b = button(k === V ? `${t('linear.all')} ${V}` : String(k), () => {
        this.memory.k = k;
        this._update();
      });
      b.dataset.k = String(k);
      ks.append(b);
    }
    this._ks = ks;
    const controls = el('div', 'tfo-controls');
    controls.append(el('span', '', `${t('linear.show')}:`), ks);
    this._topTitle = el('h3', '');
    this._chart = document.createElement('tf-bar-chart');
    this._chart.classList.add('tfo-logits');

    const heat = heatmapFigure({
      title: t('linear.heat'),
      name: 'logits',
      values: logits.data,
      rows: T,
      cols: V,
      rowLabels: labels,
      colLabels: this._vocab,
      note: t('linear.heatNote'),
      rowTitle: t('linear.rows'),
      colTitle: t('linear.cols'),
    });
    const h = heat.querySelector('tf-heatmap');
    let row = -1;
    const pick = () => {
      if (row >= 0) {
        this.memory.position = row;
        this._picker.selected = row;
        this._update();
      }
    };
    h.addEventListener('cell-hover', (e) => {
      row = e.detail.row;
    });
    h.addEventListener('click', pick);
    h.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        pick();
      }
    });

    this.replaceChildren(
      el('h3', '', t('linear.how.title', { V })),
      el('p', 'explain', t(tied ? 'linear.how.tied' : 'linear.how.untied', { C, V })),
      formulaBox(
        'tfo-linear-formula',
        math(mtext('logits'), mo('='), mtext('ln_f'), mo('·'), sup(mtext(tied ? 'wte' : 'lm_head'), mi('⊤'))),
        math(shape(T, V), mo('='), shape(T, C), mo('·'), shape(C, V)),
      ),
      el('p', 'hint', t('linear.pick')),
      this._picker,
      this._topTitle,
      controls,
      this._chart,
      el('p', 'tfo-note', t('linear.note')),
      heat,
    );
    this._heat = h;
    this._update();
  }

  _update() {
    const { tokens } = this.state;
    const { logits, V } = this.data;
    const i = this.memory.position;
    const row = logits.data.subarray(i * V, (i + 1) * V);
    const k = Math.min(this.memory.k, V);
    for (const b of this._ks.children) b.setAttribute('aria-pressed', String(Number(b.dataset.k) === this.memory.k));
    const ids = rankIds(row).slice(0, k);
    this._heat.highlight = { row: i };
    const tok = visibleToken(tokens[i].text);
    this._topTitle.textContent = t(k === V ? 'linear.top.all' : 'linear.top.title', { tok, i, k });
    this._chart.setAttribute('label', this._topTitle.textContent);
    this._chart.dataset.position = String(i);
    this._chart.data = {
      labels: ids.map((id) => this._vocab[id]),
      values: ids.map((id) => row[id]),
      ids,
      highlight: 0,
      details: ids.map((id, r) => t('linear.detail', { id, rank: r + 1 })),
      format: formatValue,
    };
  }
}
customElements.define('tf-stage-linear', TfStageLinear);
