// Stage 8 — Linear: the last hidden state (after the final LayerNorm, ln_f) times the embedding table
// (tied) or lm_head gives one score — a logit — per vocabulary token. Shown as the highest-scoring
// tokens for one position (the last by default) and as the whole (T, V) logits table.
import { registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import { StageView } from './base.js';
import { button, ensureStyle, formatValue, heatmapFigure, rankIds, tokenPicker, vocabLabels } from './stage-kit.js';

registerStrings({
  ko: {
    'linear.how.title': '벡터 하나 → 점수 {V}개',
    'linear.how.tied': '로짓 = ln_f(위치의 마지막 벡터, {C}칸) × 임베딩 표 wte의 전치 ({C} × {V}). 입력 임베딩과 같은 표를 거꾸로 써서, 벡터가 어떤 토큰의 임베딩과 닮았는지를 점수로 매겨요.',
    'linear.how.untied': '로짓 = ln_f(위치의 마지막 벡터, {C}칸) × lm_head ({C} × {V}). 어휘의 토큰마다 점수 하나씩이에요.',
    'linear.pick': '어느 토큰 다음을 볼까요? (기본: 마지막 토큰)',
    'linear.top.title': '"{tok}" (위치 {i}) 다음에 올 토큰의 점수: 높은 순 {k}개',
    'linear.top.all': '"{tok}" (위치 {i}) 다음에 올 토큰의 점수: 전체 {k}개',
    'linear.show': '보여줄 개수',
    'linear.all': '전체',
    'linear.detail': '#{id} · {rank}위',
    'linear.note': '점수(로짓)는 범위가 정해지지 않은 수라서 음수도 돼요(파랑 = 음수, 주황 = 양수). 점수가 클수록 다음 토큰일 가능성이 커요. 다음 단계(소프트맥스)에서 확률로 바뀝니다. 아직 학습 전인 모델은 점수들이 서로 비슷해요.',
    'linear.heat': '로짓 전체: 위치마다 어휘의 모든 토큰에 대한 점수',
    'linear.heatNote': '행 = 위치(그 토큰 다음을 예측), 열 = 어휘의 토큰. 행을 누르면 그 위치를 골라요.',
    'linear.rows': '위치',
    'linear.cols': '토큰',
  },
  en: {
    'linear.how.title': 'One vector → {V} scores',
    'linear.how.tied': 'logits = ln_f (the position’s final vector, {C} numbers) × the embedding table wte transposed ({C} × {V}). The input embedding table is reused backwards: a token scores high when the vector looks like that token’s embedding.',
    'linear.how.untied': 'logits = ln_f (the position’s final vector, {C} numbers) × lm_head ({C} × {V}): one score per vocabulary token.',
    'linear.pick': 'After which token? (default: the last one)',
    'linear.top.title': 'Scores for the token after "{tok}" (position {i}): the top {k}',
    'linear.top.all': 'Scores for the token after "{tok}" (position {i}): all {k}',
    'linear.show': 'Show',
    'linear.all': 'all',
    'linear.detail': '#{id} · rank {rank}',
    'linear.note': 'Scores (logits) have no fixed range and can be negative (blue = negative, orange = positive). The higher the score, the likelier that token comes next; the next stage (softmax) turns them into probabilities. An untrained model gives all tokens similar scores.',
    'linear.heat': 'All logits: a score for every vocabulary token at every position',
    'linear.heatNote': 'Row = position (predicting the token after it), column = vocabulary token. Click a row to pick that position.',
    'linear.rows': 'position',
    'linear.cols': 'token',
  },
});

const memory = { text: null, position: -1, k: 10 };

class TfStageLinear extends StageView {
  render() {
    ensureStyle();
    this.classList.add('tfo');
    const { inspection, labels, model, tokens, text } = this.state;
    const cfg = model.config;
    const T = tokens.length, V = cfg.vocab_size, C = cfg.n_embd;
    if (memory.text !== text || memory.position < 0 || memory.position >= T) memory.position = T - 1;
    memory.text = text;
    this._vocab = vocabLabels(model);

    this._picker = tokenPicker(tokens, memory.position, (i) => { memory.position = i; this._update(); });
    const ks = el('div', 'tfo-seg');
    ks.setAttribute('role', 'group');
    ks.setAttribute('aria-label', t('linear.show'));
    for (const k of [5, 10, 20, V]) {
      const b = button(k === V ? `${t('linear.all')} ${V}` : String(k), () => { memory.k = k; this._update(); });
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
      title: t('linear.heat'), name: 'logits', values: inspection.logits.data, rows: T, cols: V, rowLabels: labels,
      colLabels: this._vocab, note: t('linear.heatNote'), rowTitle: t('linear.rows'), colTitle: t('linear.cols'),
    });
    const h = heat.querySelector('tf-heatmap');
    let row = -1;
    const pick = () => { if (row >= 0) { memory.position = row; this._picker.selected = row; this._update(); } };
    h.addEventListener('cell-hover', (e) => { row = e.detail.row; });
    h.addEventListener('click', pick);
    h.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });

    this.replaceChildren(
      el('h3', '', t('linear.how.title', { V })),
      el('p', 'explain', t(cfg.tied ? 'linear.how.tied' : 'linear.how.untied', { C, V })),
      el('p', 'tfo-formula', cfg.tied ? `logits[${T}×${V}] = ln_f[${T}×${C}] · wteᵀ[${C}×${V}]` : `logits[${T}×${V}] = ln_f[${T}×${C}] · lm_headᵀ[${C}×${V}]`),
      el('p', 'hint', t('linear.pick')),
      this._picker,
      this._topTitle, controls, this._chart,
      el('p', 'tfo-note', t('linear.note')),
      heat,
    );
    this._heat = h;
    this._update();
  }

  _update() {
    const { inspection, tokens, model } = this.state;
    const V = model.config.vocab_size, i = memory.position;
    const row = inspection.logits.data.subarray(i * V, (i + 1) * V);
    const k = Math.min(memory.k, V);
    for (const b of this._ks.children) b.setAttribute('aria-pressed', String(Number(b.dataset.k) === memory.k));
    const ids = rankIds(row).slice(0, k);
    this._heat.highlight = { row: i };
    const tok = visibleToken(tokens[i].text);
    this._topTitle.textContent = t(k === V ? 'linear.top.all' : 'linear.top.title', { tok, i, k });
    this._chart.setAttribute('label', this._topTitle.textContent);
    this._chart.dataset.position = String(i);
    this._chart.data = {
      labels: ids.map((id) => this._vocab[id]), values: ids.map((id) => row[id]), ids, highlight: 0,
      details: ids.map((id, r) => t('linear.detail', { id, rank: r + 1 })), format: formatValue,
    };
  }
}
customElements.define('tf-stage-linear', TfStageLinear);
