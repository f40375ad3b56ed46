// Stage 4 — Multi-head self-attention: which earlier tokens each token looks at, per head, and how
// those weights are computed, step by step on the engine's recorded tensors.
//
//   ┌ heads: one thumbnail of the attention weights per head (buttons: pick a head) ┐
//   ├ the chosen head: token-to-token lines  |  heatmap of the weights (linked hover) ┤
//   ├ word by word: the engine's word map (its wordAttention) and what it says                ┤
//   └ a stepper through the eight steps of attention-steps.js                        ┘
// A pure view: it draws `this.data` (web/controllers/stage-attention.js: every head's tensors and word maps, the
// layer's input, concat, projection and weights) and never calls the engine. The layer comes from the page
// (state.layer); the head, the word map's heads and the step are this view's own, picked among data it already has.
import { registerStrings, t } from '../../i18n/index.js';
import ko from '../../i18n/stages/attention.ko.js';
import en from '../../i18n/stages/attention.en.js';
import { el } from '../labels.js';
import { sequentialColor } from '../colors.js';
import { StageView } from './base.js';
import '../tf-heatmap.js';
import '../tf-attention-lines.js';
import { STEPS, STEPS_CSS, figure, stepContext } from './attention-steps.js';
import { ensureStyle, segmented } from './input-stages-common.js';

registerStrings({ ko, en });

const STYLE = `
  tf-stage-attention { display: block; min-width: 0; contain: inline-size; }
  tf-stage-attention section.att-section { margin: 0 0 1.2rem; min-width: 0; }
  tf-stage-attention h3 { margin: 0.9rem 0 0.3rem; }
  tf-stage-attention .att-heads { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  tf-stage-attention .att-head { display: flex; flex-direction: column; align-items: center; gap: 2px; padding: 5px 6px 3px;
    border: 1px solid #c8c8d2; border-radius: 8px; background: #fafafe; color: inherit; font-size: 0.85rem; }
  tf-stage-attention .att-head canvas { display: block; width: 64px; height: 64px; border-radius: 3px; }
  tf-stage-attention .att-head[aria-pressed="true"] { border-color: var(--accent, #2166ac); background: #e8f1fa;
    box-shadow: 0 0 0 2px var(--accent, #2166ac); font-weight: 700; }
  tf-stage-attention .att-overview { display: grid; grid-template-columns: repeat(auto-fit, minmax(290px, 1fr)); gap: 0.5rem 1.5rem; align-items: start; }
  tf-stage-attention .att-overview > *, tf-stage-attention .att-row > *, tf-stage-attention .att-fig { min-width: 0; }
  tf-stage-attention h4 { margin: 0.4rem 0 0.3rem; font-size: 0.95rem; }
  tf-stage-attention .att-steplist { list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem; padding: 0; margin: 0.3rem 0 0.6rem; }
  tf-stage-attention .att-step { border: 1px solid #c8c8d2; background: #fafafe; border-radius: 999px; padding: 0.2rem 0.65rem; font-size: 0.88rem; color: inherit; }
  tf-stage-attention .att-step[aria-current="step"] { background: var(--warm, #b35806); border-color: var(--warm, #b35806); color: #fff; font-weight: 700; }
  tf-stage-attention .att-step.done { border-color: #f4a582; background: #fff7ef; }
  tf-stage-attention .att-panel { border: 1px solid var(--line, #e3e3ea); border-radius: 10px; padding: 0.75rem; min-width: 0; }
  tf-stage-attention .att-panel h4 { font-size: 1.02rem; margin: 0 0 0.4rem; }
  tf-stage-attention .att-nav { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; margin-top: 0.7rem; }
  tf-stage-attention .att-nav button { border: 1px solid var(--accent, #2166ac); color: var(--accent, #2166ac); background: #fff; border-radius: 8px; padding: 0.3rem 0.8rem; }
  tf-stage-attention .att-nav button:disabled { opacity: 0.4; cursor: default; }
  tf-stage-attention .att-pos { color: var(--muted, #5b5b66); font-size: 0.9rem; }
  tf-stage-attention .att-pair { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.4rem 0; }
  tf-stage-attention .att-pair { background: #fff7ef; }
  tf-stage-attention .att-words { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 290px), 1fr));
    gap: 0.3rem 1.5rem; align-items: start; border-top: 1px solid var(--line, #e3e3ea); padding-top: 0.4rem; }
  tf-stage-attention .att-words > h4, tf-stage-attention .att-words > .tfi-seg { grid-column: 1 / -1; justify-self: start; }
${STEPS_CSS}
  tf-stage-attention .att-says { background: #fff7ef; border-left: 4px solid #f4a582; padding: 0.45rem 0.7rem; border-radius: 0 8px 8px 0; margin: 0.6rem 0; }
`;

class TfStageAttention extends StageView {
  constructor() {
    super();
    this._head = 0;
    this._step = 0;
    this._wordHeads = 'head'; // the word map from the chosen head, or 'mean' over all heads
  }

  /** The chosen head (0-based) and step index, for tests and linked views. */
  get head() {
    return this._head;
  }
  set head(h) {
    this.selectHead(h);
  }
  get step() {
    return this._step;
  }
  set step(i) {
    this.selectStep(i);
  }

  render() {
    ensureStyle();
    const data = this.data,
      { layer, tokens, labels } = this.state;
    this._head = Math.min(Math.max(0, this._head), data.config.H - 1);
    const head = this._head;
    this._ctx = stepContext(data, data.heads[head], { t, layer, head, tokens, labels });
    const style = el('style', '', STYLE);
    this.replaceChildren(style, this._headsSection(), this._overviewSection(), this._stepsSection());
  }

  _headsSection() {
    const { H, T, head } = this._ctx;
    const heads = this.data.heads;
    const sec = el('section', 'att-section');
    sec.append(el('h3', '', t('attention.heads.title')), el('p', 'explain', t('attention.heads.explain')));
    const group = el('div', 'att-heads');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', t('attention.heads.title'));
    for (let g = 0; g < H; g++) {
      const b = el('button', 'att-head');
      b.type = 'button';
      b.dataset.head = String(g);
      b.setAttribute('aria-pressed', String(g === head));
      b.setAttribute('aria-label', t('attention.heads.label', { n: g + 1 }));
      b.append(
        thumbnail(heads[g].probs.data, heads[g].masked.data, T),
        el('span', '', t('attention.head', { n: g + 1 })),
      );
      b.addEventListener('click', () => this.selectHead(g));
      group.append(b);
    }
    sec.append(group);
    return sec;
  }

  _overviewSection() {
    const ctx = this._ctx;
    const { T, head, layer } = ctx;
    const probs = ctx.at.probs;
    const sec = el('section', 'att-section att-overview-section');
    sec.append(
      el('h3', '', t('attention.overview.title', { l: layer + 1, h: head + 1 })),
      el('p', 'explain', t('attention.overview.explain', { kind: t(`inputs.kind.${this.data.tokenizer}`) })),
    );
    const grid = el('div', 'att-overview');
    const linesBox = el('div', 'att-lines-box');
    const lines = document.createElement('tf-attention-lines');
    linesBox.append(el('h4', '', t('attention.lines.title')), lines);
    lines.weights = { values: probs.data, size: T, tokens: ctx.tokens };
    const heatBox = el('div', 'att-heat-box');
    const fig = figure({
      title: t('attention.heatmap.title'),
      values: probs.data,
      rows: T,
      cols: T,
      rowLabels: ctx.labels,
      colLabels: ctx.labels,
      tensor: ctx.name('probs'),
      head,
      scale: 'sequential',
      mask: ctx.mask,
      cell: 40,
      cellHeight: 28,
      showValues: T <= 14,
      maskNote: t('attention.step.softmax.note'),
      rowTitle: t('attention.query'),
      colTitle: t('attention.key'),
    });
    fig.classList.add('att-overview-heatmap');
    heatBox.append(fig);
    grid.append(linesBox, heatBox);
    sec.append(grid, this._wordsBox());
    // linked hover: a heatmap row ↔ the looking token in the lines view
    const heat = fig.heatmap;
    heat.addEventListener('cell-hover', (e) => {
      lines.focus = { side: 'query', index: e.detail.row };
      heat.highlight = { row: e.detail.row };
    });
    heat.addEventListener('cell-leave', () => {
      lines.focus = null;
      heat.highlight = null;
    });
    lines.addEventListener('token-focus', (e) => {
      const f = e.detail;
      heat.highlight = f ? (f.side === 'query' ? { row: f.index } : { col: f.index }) : null;
    });
    this._lines = lines;
    this._overviewHeat = heat;
    return sec;
  }

  /** Word by word: which heads, the engine's word × word map (with the rest), and what it says for one word. */
  _wordsBox() {
    const box = el('div', 'att-words');
    box.dataset.role = 'word-attention';
    const heads = segmented({
      name: 'att-word-heads',
      legend: t('attention.words.which'),
      value: this._wordHeads,
      options: [
        { value: 'head', text: t('attention.words.head', { h: this._ctx.h }) },
        { value: 'mean', text: t('attention.words.mean') },
      ],
      onChange: (value) => {
        this._wordHeads = value;
        this._renderWords();
      },
    });
    this._wordsBody = el('div', 'att-words-map');
    this._wordsText = el('div', 'att-words-text');
    box.append(el('h4', '', t('attention.words.title')), heads, this._wordsBody, this._wordsText);
    this._renderWords();
    return box;
  }

  _renderWords() {
    const { layer, head } = this._ctx;
    const mean = this._wordHeads === 'mean';
    const w = mean ? this.data.wordsMean : this.data.heads[head].words;
    const N = w.rowWords.length;
    this._words = w;
    if (!N) {
      this._wordsBody.replaceChildren(el('p', 'hint', t('attention.words.none')));
      this._wordsText.replaceChildren(el('p', 'hint', t('attention.words.rule')));
      return;
    }
    // the engine's (N, N) weights with its rest as one more column; later words are out of sight (causal)
    const cols = N + 1;
    const values = new Float32Array(N * cols);
    const mask = new Uint8Array(N * cols);
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        values[i * cols + j] = w.weights.data[i * N + j];
        mask[i * cols + j] = j > i ? 1 : 0;
      }
      values[i * cols + N] = w.rest[i];
    }
    const fig = figure({
      title: t('attention.words.table'),
      values,
      rows: N,
      cols,
      rowLabels: w.rowWords,
      colLabels: [...w.colWords, t('attention.words.rest')],
      scale: 'sequential',
      mask,
      cell: 60,
      minCell: 30,
      cellHeight: 28,
      showValues: N <= 10,
      maskNote: t('attention.step.softmax.note'),
      rowTitle: t('attention.words.rows'),
      colTitle: t('attention.words.cols'),
    });
    const heat = fig.heatmap;
    heat.dataset.panel = 'word-attention';
    heat.dataset.heads = this._wordHeads;
    heat.setAttribute('scale-max', '1');
    const says = el('p', 'att-says');
    says.dataset.role = 'word-says';
    const say = (i) => {
      const pct = (v) => (v * 100).toFixed(0);
      const parts = w.colWords
        .slice(0, i + 1)
        .map((word, j) =>
          t(j === i ? 'attention.words.self' : 'attention.words.part', { word, pct: pct(w.weights.data[i * N + j]) }),
        );
      parts.push(t('attention.words.partRest', { pct: pct(w.rest[i]) }));
      says.dataset.word = String(i);
      says.replaceChildren(
        el(
          'strong',
          '',
          t(`attention.words.says.${mean ? 'mean' : 'head'}`, { l: layer + 1, h: head + 1, word: w.rowWords[i] }),
        ),
        ' ',
        parts.join(' · '),
      );
    };
    heat.addEventListener('cell-hover', (e) => say(e.detail.row));
    heat.addEventListener('cell-leave', () => say(N - 1));
    say(N - 1);
    this._wordsBody.replaceChildren(fig);
    this._wordsText.replaceChildren(
      says,
      el('p', 'hint', t('attention.words.pick')),
      el('p', 'hint', t('attention.words.rule')),
    );
  }

  _stepsSection() {
    const { layer, h } = this._ctx;
    const sec = el('section', 'att-section att-steps');
    sec.append(
      el('h3', '', t('attention.steps.title')),
      el('p', 'explain', t('attention.steps.explain', { l: layer + 1, h })),
    );
    const list = el('ol', 'att-steplist');
    list.setAttribute('aria-label', t('attention.steps.list'));
    STEPS.forEach((s, i) => {
      const li = el('li');
      const b = el('button', 'att-step', `${CIRCLED[i] ?? i + 1} ${t(`attention.step.${s.id}.short`)}`);
      b.type = 'button';
      b.dataset.step = s.id;
      b.addEventListener('click', () => this.selectStep(i));
      li.append(b);
      list.append(li);
    });
    list.addEventListener('keydown', (e) => {
      const move = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity }[e.key];
      if (move === undefined) return;
      e.preventDefault();
      this.selectStep(Math.min(STEPS.length - 1, Math.max(0, this._step + move)), { focus: 'list' });
    });
    const panel = el('div', 'att-panel');
    panel.setAttribute('role', 'region');
    const nav = el('div', 'att-nav');
    const prev = el('button', 'att-prev', t('attention.steps.prev'));
    const next = el('button', 'att-next', t('attention.steps.next'));
    prev.type = next.type = 'button';
    const pos = el('span', 'att-pos');
    pos.setAttribute('aria-live', 'polite');
    prev.addEventListener('click', () => this.selectStep(this._step - 1));
    next.addEventListener('click', () => this.selectStep(this._step + 1));
    nav.append(prev, pos, next);
    sec.append(list, panel, nav);
    this._stepUi = { list, panel, prev, next, pos };
    this._renderStep();
    return sec;
  }

  selectHead(h) {
    const hadFocus = this.contains(document.activeElement) && document.activeElement.classList.contains('att-head');
    this._head = h;
    if (!this.state) return; // before the first state: the head to open on
    this.render();
    this.dispatchEvent(new CustomEvent('head-change', { bubbles: true, detail: { head: this._head } }));
    if (hadFocus) this.querySelector(`.att-head[data-head="${this._head}"]`)?.focus();
  }

  selectStep(i, { focus } = {}) {
    this._step = Math.min(STEPS.length - 1, Math.max(0, i));
    if (!this._stepUi) return;
    this._renderStep();
    if (focus === 'list') this._stepUi.list.querySelectorAll('button')[this._step].focus();
  }

  _renderStep() {
    const { list, panel, prev, next, pos } = this._stepUi;
    const step = STEPS[this._step];
    list.querySelectorAll('button').forEach((b, k) => {
      if (k === this._step) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
      b.classList.toggle('done', k < this._step);
    });
    panel.dataset.step = step.id;
    const title = el('h4', '', `${CIRCLED[this._step] ?? this._step + 1} ${t(`attention.step.${step.id}.title`)}`);
    panel.setAttribute('aria-label', title.textContent);
    panel.replaceChildren(title, ...step.render(this._ctx));
    prev.disabled = this._step === 0;
    next.disabled = this._step === STEPS.length - 1;
    pos.textContent = `${t('attention.steps.position', { n: this._step + 1, total: STEPS.length })}: ${t(`attention.step.${step.id}.short`)}`;
  }
}

const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'];

/** A small picture of one head's (T×T) weights: brighter = more; hidden (−∞) cells grey. */
function thumbnail(probs, masked, T) {
  const size = 64,
    dpr = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = Math.round(size * dpr);
  const ctx = canvas.getContext('2d');
  ctx.scale(dpr, dpr);
  const cell = size / T;
  for (let i = 0; i < T; i++) {
    for (let j = 0; j < T; j++) {
      ctx.fillStyle = masked[i * T + j] === -Infinity ? '#e6e6e6' : sequentialColor(probs[i * T + j], 0, 1);
      ctx.fillRect(j * cell, i * cell, Math.ceil(cell), Math.ceil(cell));
    }
  }
  canvas.setAttribute('aria-hidden', 'true');
  return canvas;
}

customElements.define('tf-stage-attention', TfStageAttention);
