// Stage 4 — Multi-head self-attention: which earlier tokens each token looks at, per head, and how
// those weights are computed, step by step on the engine's recorded tensors.
//
//   ┌ heads: one thumbnail of the attention weights per head (buttons: pick a head) ┐
//   ├ the chosen head: token-to-token lines  |  heatmap of the weights (linked hover) ┤
//   └ a stepper through the eight steps of attention-steps.js                        ┘
// The layer comes from the page (state.layer); the head and the step are this view's own.
import { registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import { sequentialColor } from '../colors.js';
import { StageView } from './base.js';
import '../tf-heatmap.js';
import '../tf-attention-lines.js';
import { STEPS, figure } from './attention-steps.js';

registerStrings({
  ko: {
    'attention.query': '보는 토큰',
    'attention.key': '보이는 토큰',
    'attention.head': '헤드 {n}',
    'attention.heads.title': '헤드 고르기',
    'attention.heads.explain': '헤드마다 보는 방식이 달라요. 작은 그림은 헤드별 어텐션 가중치예요(밝을수록 많이 봐요). 눌러서 헤드를 고르세요.',
    'attention.heads.label': '헤드 {n}의 어텐션 보기',
    'attention.overview.title': '층 {l} · 헤드 {h}: 어떤 토큰이 어떤 토큰을 볼까요?',
    'attention.overview.explain': '예를 들어 “고양이는 귀엽다”에서 ‘귀엽다’는 무엇이 귀여운지 알려고 ‘고양이’를 많이 볼 수 있어요. 각 토큰은 자기 자신과 앞에 나온 토큰만 볼 수 있고, 한 토큰이 보는 비율을 모두 더하면 1이에요. 학습 전 모델은 거의 고르게 나눠 보고, 학습하면 중요한 곳으로 몰려요.',
    'attention.lines.title': '선으로 보기',
    'attention.heatmap.title': '표로 보기 (행: 보는 토큰, 열: 보이는 토큰)',
    'attention.steps.title': '어떻게 계산될까요? 실제 숫자로 한 단계씩',
    'attention.steps.explain': '층 {l}, 헤드 {h}의 진짜 행렬로 계산 과정을 따라가요. 단계를 누르거나 이전/다음 버튼을 쓰세요(← → 키도 돼요).',
    'attention.steps.list': '어텐션 계산 단계',
    'attention.steps.prev': '← 이전',
    'attention.steps.next': '다음 →',
    'attention.steps.position': '{n} / {total} 단계',
  },
  en: {
    'attention.query': 'looking',
    'attention.key': 'looked at',
    'attention.head': 'head {n}',
    'attention.heads.title': 'Pick a head',
    'attention.heads.explain': 'Every head looks in its own way. Each small picture is one head’s attention weights (brighter = looks more). Press one to pick that head.',
    'attention.heads.label': 'Show the attention of head {n}',
    'attention.overview.title': 'Layer {l} · head {h}: which token looks at which?',
    'attention.overview.explain': 'In “고양이는 귀엽다” (the cat is cute), ‘귀엽다’ (cute) may look a lot at ‘고양이’ (cat) to learn what is cute. Each token can only look at itself and the tokens before it, and the shares one token gives out add up to 1. An untrained model spreads its looks almost evenly; training makes it focus.',
    'attention.lines.title': 'As lines',
    'attention.heatmap.title': 'As a table (row: looking, column: looked at)',
    'attention.steps.title': 'How is it computed? Step by step on the real numbers',
    'attention.steps.explain': 'Follow the computation on the real matrices of layer {l}, head {h}. Press a step or use Previous / Next (the ← → keys work too).',
    'attention.steps.list': 'Steps of attention',
    'attention.steps.prev': '← Previous',
    'attention.steps.next': 'Next →',
    'attention.steps.position': 'step {n} of {total}',
  },
});

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
  tf-stage-attention .att-formula, tf-stage-attention .att-pair { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.4rem 0; }
  tf-stage-attention .att-pair { background: #fff7ef; }
  tf-stage-attention .att-row { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: flex-start; }
  tf-stage-attention .att-row > .att-fig { flex: 1 1 180px; }
  tf-stage-attention .att-fig { margin: 0.6rem 0; }
  tf-stage-attention .att-fig figcaption { font-weight: 600; font-size: 0.92rem; margin-bottom: 0.2rem; }
  tf-stage-attention .att-shape { font-weight: 400; color: var(--muted, #5b5b66); font-variant-numeric: tabular-nums; }
  tf-stage-attention .att-details { margin: 0.6rem 0; }
  tf-stage-attention .att-details summary { cursor: pointer; color: var(--accent, #2166ac); font-weight: 600; }
`;

class TfStageAttention extends StageView {
  constructor() {
    super();
    this._head = 0;
    this._step = 0;
  }

  /** The chosen head (0-based) and step index, for tests and linked views. */
  get head() { return this._head; }
  set head(h) { this.selectHead(h); }
  get step() { return this._step; }
  set step(i) { this.selectStep(i); }

  render() {
    const { inspection: ins, model, layer } = this.state;
    const cfg = model.config;
    const H = cfg.n_head, C = cfg.n_embd, D = C / H;
    this._head = Math.min(Math.max(0, this._head), H - 1);
    const head = this._head;
    const T = ins.tokens.length;
    const name = (s) => `h${layer}.attn.${s}`;
    const masked = ins.head(name('masked'), head).data;
    this._ctx = {
      ins, model, cfg, layer, head, h: head + 1, H, T, C, D, name,
      labels: this.state.labels,
      tokens: ins.tokens.map((tok) => visibleToken(tok.text)),
      inputName: cfg.norm === 'post' ? (layer === 0 ? 'embed.sum' : `h${layer - 1}.out`) : `h${layer}.ln_1`,
      mask: Uint8Array.from(masked, (v) => (v === -Infinity ? 1 : 0)),
    };
    const style = el('style', '', STYLE);
    this.replaceChildren(style, this._headsSection(), this._overviewSection(), this._stepsSection());
  }

  _headsSection() {
    const { ins, layer, H, T, head } = this._ctx;
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
      b.append(thumbnail(ins.attention(layer, g).data, ins.head(`h${layer}.attn.masked`, g).data, T), el('span', '', t('attention.head', { n: g + 1 })));
      b.addEventListener('click', () => this.selectHead(g));
      group.append(b);
    }
    sec.append(group);
    return sec;
  }

  _overviewSection() {
    const ctx = this._ctx;
    const { ins, T, head, layer } = ctx;
    const probs = ins.attention(layer, head);
    const sec = el('section', 'att-section att-overview-section');
    sec.append(el('h3', '', t('attention.overview.title', { l: layer + 1, h: head + 1 })),
      el('p', 'explain', t('attention.overview.explain')));
    const grid = el('div', 'att-overview');
    const linesBox = el('div', 'att-lines-box');
    const lines = document.createElement('tf-attention-lines');
    linesBox.append(el('h4', '', t('attention.lines.title')), lines);
    lines.weights = { values: probs.data, size: T, tokens: ctx.tokens };
    const heatBox = el('div', 'att-heat-box');
    const fig = figure({ title: t('attention.heatmap.title'), values: probs.data, rows: T, cols: T, rowLabels: ctx.labels,
      colLabels: ctx.labels, tensor: ctx.name('probs'), head, scale: 'sequential', mask: ctx.mask, cell: 40, cellHeight: 28,
      showValues: T <= 14, maskNote: t('attention.step.softmax.note'), rowTitle: t('attention.query'), colTitle: t('attention.key') });
    fig.classList.add('att-overview-heatmap');
    heatBox.append(fig);
    grid.append(linesBox, heatBox);
    sec.append(grid);
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

  _stepsSection() {
    const { layer, h } = this._ctx;
    const sec = el('section', 'att-section att-steps');
    sec.append(el('h3', '', t('attention.steps.title')), el('p', 'explain', t('attention.steps.explain', { l: layer + 1, h })));
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
    this.render();
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
  const size = 64, dpr = window.devicePixelRatio || 1;
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
