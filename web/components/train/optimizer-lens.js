// <tf-optimizer-lens>: what each optimizer actually does, read from the engine on real parameters.
// Pick a parameter tensor; for every racer it shows the per-weight effective step size
// (run.optimizerState(racer, param, 'effective_lr') = |update| / |gradient|) as a histogram on shared
// bins, with the racer's learning rate marked — one bar for SGD, a spread for Adam — and the state
// the optimizer keeps: Adam's m and v as heatmaps, the bias correction m → m̂ on a few weights,
// momentum's velocity buffer. The text corrects the "Adam remembers wrong answers" myth gently.
//
//   lens.tf = engine;  lens.session = trainSession;   // refreshes every few seconds while it trains
// Counting values into histogram bins is the only arithmetic here (display, not model math).
import { registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import '../tf-bar-chart.js';
import '../tf-heatmap.js';
import { formatValue } from '../tf-heatmap.js';
import { racerColor, racerName } from './settings-form.js';
import { formatLr } from './settings.js';
import { LivePanel } from './live-panel.js';

registerStrings({
  ko: {
    'train.lens.myth.title': 'Adam은 “틀린 문제를 기억”할까요?',
    'train.lens.myth.p1': '흔한 설명은 “Adam은 한 번 틀린 유형을 기억해 두었다가 다음엔 쉽게 푼다”예요. 실제로 Adam이 기억하는 것은 틀린 문제가 아니라, 가중치 하나하나마다 숫자 두 개예요: m = 최근 기울기들의 평균(어느 쪽으로 가야 하는지), v = 최근 기울기 제곱의 평균(기울기가 보통 얼마나 큰지).',
    'train.lens.myth.p2': '한 걸음은 학습률 × m̂ ÷ (√v̂ + ε)예요. 기울기를 그 보통 크기로 나누기 때문에, 기울기가 크든 작든 한 걸음이 대략 학습률 정도로 맞춰져요(그보다 작을 때가 많아요). SGD는 학습률 × 기울기만큼 움직여서, 기울기가 작은 가중치(예: 드물게 나오는 글자의 임베딩)는 아주 조금밖에 안 움직여요. 그래서 가중치마다 기울기 크기가 크게 다를 때 Adam이 유리해요. 아래 ②에서 보듯, Adam은 가중치마다 다른 학습률(≈ 학습률 ÷ √v̂)을 쓰는 셈이에요.',
    'train.lens.myth.p3': '하지만 “항상 더 좋다”는 아니에요. 학습률을 잘 고른 모멘텀 SGD가 따라잡기도 해요(“옵티마이저 경주”의 “공정한 비교” 설정). 드문 글자가 많은 글에서는 Adam이 앞서요(“Adam이 잘하는 경우” 설정) — 바로 위에서 말한, 기울기 크기가 가중치마다 크게 다른 경우예요. 모멘텀은 기울기의 이동 평균(속도)을 따라가서, 같은 방향으로 계속 밀리는 가중치는 점점 빨라져요. 직접 경주시켜 보세요.',
    'train.lens.param': '파라미터 (가중치 묶음)',
    'train.lens.refresh': '지금 새로 읽기',
    'train.lens.auto': '학습 중 몇 초마다 새로 읽기',
    'train.lens.readAt': '{step}단계 뒤 엔진에서 읽은 값 · 가중치 {n}개',
    'train.lens.noSteps': '아직 한 단계도 학습하지 않았어요. 한 단계만 해 봐도 값이 생겨요.',
    'train.lens.noSession': '학습을 준비하면 여기에 옵티마이저의 속이 보여요.',
    'train.lens.step.title': '① 이번 단계에 실제로 움직인 크기 |변화량|',
    'train.lens.step.explain': '① 막대 하나 = 이번 단계에 그만큼 움직인 가중치 수, ▶ = 학습률이 든 칸. Adam의 한 걸음은 학습률 × m̂ ÷ √v̂라서, 기울기가 커도 학습률(▶) 정도를 넘지 않아요(대부분은 그보다 작아요: 기울기 방향이 오락가락하면 m̂이 작아지고, v̂는 예전의 큰 기울기를 오래 기억해요). SGD의 한 걸음은 학습률 × 기울기라서 기울기를 그대로 따라가고 이런 천장이 없어요 — 지금 작아 보인다면 기울기가 이미 작아졌기 때문이에요.',
    'train.lens.step.zero': '0 (안 움직임)',
    'train.lens.eff.title': '② 가중치마다의 학습률 = |변화량| ÷ |기울기|',
    'train.lens.eff.explain': '② “SGD로 치면 몇의 학습률로 움직인 셈인가”예요. SGD는 모든 가중치가 학습률 한 칸(▶)에 모여요. Adam은 가중치마다 자기 학습률을 가져요: 기울기가 작은 가중치일수록 큰 학습률(대략 학습률 ÷ √v̂)을 받아요. 모멘텀은 지금 기울기가 아니라 속도를 따라가서 흩어져요.',
    'train.lens.eff.zero': '0 (기울기 0)',
    'train.lens.eff.topMomentum': '가장 오른쪽 칸({bin})의 가중치 {n}개는 지금 기울기가 아주 작은 가중치예요. 모멘텀은 지난 기울기들이 쌓인 속도로 움직여서, 지금 기울기가 거의 0이어도 한 걸음은 작지 않아요. 그래서 |변화량| ÷ |기울기|가 {bin}처럼 커져요. 학습률({lr})이 커진 것이 아니에요.',
    'train.lens.eff.top': '가장 오른쪽 칸({bin})의 가중치 {n}개는 기울기가 아주 작은 가중치예요. Adam은 기울기를 그 보통 크기(√v̂)로 나눠서 움직이니까, 기울기가 아주 작아도 한 걸음은 학습률({lr}) 정도예요. 그래서 |변화량| ÷ |기울기|가 {bin}처럼 커져요. 학습률이 커졌다는 뜻이 아니라 “SGD였다면 이만큼 큰 학습률이 있어야 이만큼 움직였다”는 뜻이에요.',
    'train.lens.eff.count': '{n}개 ({pct}%)',
    'train.lens.lr': '학습률 {lr}',
    'train.lens.sgd.none': 'SGD는 따로 기억하는 값이 없어요: 한 걸음 = 학습률 × 지금의 기울기.',
    'train.lens.update': '이번 단계의 변화량 (새 값 − 옛 값)',
    'train.lens.momentum': '모멘텀 버퍼 (기울기의 이동 평균 = 속도)',
    'train.lens.m': 'm: 기울기의 이동 평균 (방향)',
    'train.lens.v': 'v: 기울기 제곱의 이동 평균 (보통 크기²)',
    'train.lens.wteHint': '이 표의 행 하나 = 글자 하나의 임베딩이에요. v가 밝은 행은 자주 나오는 글자(기울기가 크고 자주 옴), 어두운 행은 드문 글자예요. SGD라면 어두운 행은 거의 안 움직이지만, Adam은 v로 나눠서 드문 글자도 비슷한 크기로 움직여요.',
    'train.lens.bias.title': '편향 보정: m → m̂, v → v̂',
    'train.lens.bias.explain': 'm과 v는 0에서 출발해서 학습 초반엔 실제보다 작게 나와요. 그래서 m̂ = m ÷ (1 − β₁ᵗ), v̂ = v ÷ (1 − β₂ᵗ)로 키워서 바로잡아요 (β₁ = 0.9, β₂ = 0.999, t = 단계). m의 보정은 몇십 단계면 거의 1배가 되지만 v의 보정은 훨씬 오래 남아요. 아래는 실제 가중치 세 개예요: 기울기가 가장 큰 것, 중간, 가장 작은 것.',
    'train.lens.bias.which': '가중치',
    'train.lens.bias.big': '기울기 큰 #{i}',
    'train.lens.bias.mid': '중간 #{i}',
    'train.lens.bias.small': '기울기 작은 #{i}',
    'train.lens.bias.ratio': 'm̂ ÷ m',
    'train.lens.bias.vratio': 'v̂ ÷ v',
    'train.lens.bias.step': '|변화량|',
    'train.lens.bias.eff': '걸음 크기',
    'train.lens.bias.note': '세 가중치의 v̂(기울기 크기²)는 서로 크게 달라도, |변화량|은 모두 학습률 정도를 넘지 않아요 (기울기 방향이 오락가락하면 m̂이 작아져서 더 작아져요). SGD였다면 변화량이 기울기 크기에 비례해서 그만큼 차이 났을 거예요.',
    'train.lens.rows': '행',
    'train.lens.cols': '열',
  },
  en: {
    'train.lens.myth.title': 'Does Adam “remember wrong answers”?',
    'train.lens.myth.p1': 'A common explanation: “Adam remembers the kinds of problems it got wrong and solves them easily next time.” What Adam actually keeps is not wrong answers but two numbers for every single weight: m = the running average of its recent gradients (which way to go) and v = the running average of their squares (how big its gradient usually is).',
    'train.lens.myth.p2': 'One step is learning rate × m̂ ÷ (√v̂ + ε). Dividing by the gradient’s usual size scales every step to about the learning rate (often less), whether the gradient is large or small. SGD moves each weight by learning rate × gradient, so weights with small gradients (e.g. the embedding of a rare character) barely move. That is why Adam helps when gradient scales differ a lot between weights. As ② below shows, Adam in effect gives every weight its own learning rate (≈ learning rate ÷ √v̂).',
    'train.lens.myth.p3': 'But it is not “always better”. SGD with momentum at a well-chosen learning rate can keep up (the “fair comparison” set-up of the optimizer race). On text with many rare characters Adam stays ahead (the “Where Adam shines” set-up) — exactly the case above, where gradient sizes differ a lot between weights. Momentum follows a running average of the gradient (a velocity), so a weight pushed the same way again and again speeds up. Race them yourself.',
    'train.lens.param': 'Parameter (a tensor of weights)',
    'train.lens.refresh': 'Read again now',
    'train.lens.auto': 'Read again every few seconds while training',
    'train.lens.readAt': 'Read from the engine after step {step} · {n} weights',
    'train.lens.noSteps': 'No step has been taken yet. Even one step fills these in.',
    'train.lens.noSession': 'Once training is set up, the optimizers’ insides appear here.',
    'train.lens.step.title': '① How far each weight actually moved this step: |change|',
    'train.lens.step.explain': '① Each bar counts the weights that moved that far this step; ▶ = the bin holding the learning rate. An Adam step is learning rate × m̂ ÷ √v̂, so however large the gradient, it stays at about the learning rate (▶) or below (mostly below: when the gradient’s direction wobbles m̂ shrinks, and v̂ remembers earlier, larger gradients for a long time). An SGD step is learning rate × gradient: it follows the gradient and has no such ceiling — if its steps look small now, it is because the gradients have become small.',
    'train.lens.step.zero': '0 (did not move)',
    'train.lens.eff.title': '② Each weight’s own learning rate = |change| ÷ |gradient|',
    'train.lens.eff.explain': '② “What learning rate would SGD have needed for this move?” With SGD every weight sits in the one learning-rate bin (▶). With Adam every weight gets its own: the smaller its gradients, the larger its rate (about learning rate ÷ √v̂). Momentum follows its velocity rather than the current gradient, so it spreads too.',
    'train.lens.eff.zero': '0 (zero gradient)',
    'train.lens.eff.topMomentum': 'The right-most bin ({bin}) holds {n} weights whose gradient is tiny right now. Momentum moves with the velocity built up from earlier gradients, so the step stays sizeable even when the current gradient is nearly 0; |change| ÷ |gradient| therefore comes out as large as {bin}. The learning rate ({lr}) did not grow.',
    'train.lens.eff.top': 'The right-most bin ({bin}) holds {n} weights whose gradient is tiny. Adam divides the gradient by its usual size (√v̂), so even a tiny gradient moves the weight by about the learning rate ({lr}); |change| ÷ |gradient| therefore comes out as large as {bin}. The learning rate did not grow: it means “SGD would have needed a learning rate this large to move it this far”.',
    'train.lens.eff.count': '{n} ({pct}%)',
    'train.lens.lr': 'learning rate {lr}',
    'train.lens.sgd.none': 'SGD keeps nothing: one step = learning rate × the current gradient.',
    'train.lens.update': 'The change this step (new − old)',
    'train.lens.momentum': 'Momentum buffer (running average of the gradient = velocity)',
    'train.lens.m': 'm: running average of the gradient (direction)',
    'train.lens.v': 'v: running average of the squared gradient (usual size²)',
    'train.lens.wteHint': 'Each row of this table is one character’s embedding. Bright rows in v are frequent characters (large, frequent gradients); dark rows are rare ones. SGD barely moves the dark rows; Adam divides by v, so rare characters move by a similar amount.',
    'train.lens.bias.title': 'Bias correction: m → m̂, v → v̂',
    'train.lens.bias.explain': 'm and v start at 0, so early in training they come out too small. m̂ = m ÷ (1 − β₁ᵗ) and v̂ = v ÷ (1 − β₂ᵗ) scale them back up (β₁ = 0.9, β₂ = 0.999, t = step). The correction of m fades to ×1 within a few dozen steps; that of v lasts much longer. Below, three real weights: the one with the largest gradients, a middle one and the one with the smallest.',
    'train.lens.bias.which': 'Weight',
    'train.lens.bias.big': 'largest gradient #{i}',
    'train.lens.bias.mid': 'middle #{i}',
    'train.lens.bias.small': 'smallest gradient #{i}',
    'train.lens.bias.ratio': 'm̂ ÷ m',
    'train.lens.bias.vratio': 'v̂ ÷ v',
    'train.lens.bias.step': '|change|',
    'train.lens.bias.eff': 'step size',
    'train.lens.bias.note': 'The three weights’ v̂ (gradient size²) differ a lot, yet no |change| goes much past the learning rate (when the gradient keeps flipping sign, m̂ shrinks and the change is smaller still). With SGD the changes would differ in proportion to the gradients.',
    'train.lens.rows': 'rows',
    'train.lens.cols': 'columns',
  },
});

const DEFAULT_PARAM = 'transformer.wte.weight';
const BINS_PER_DECADE = 2;

/**
 * Shared log-scale bins (two per decade) for the values of all racers, centred on 1, ≈3.2, 10, …
 * so that usual learning rates (0.1, 0.003, …) sit inside a bin rather than on an edge:
 * [{k, lo, hi, label}], bin k holding values whose log10 × 2 rounds to k.
 */
function makeBins(arrays) {
  let lo = Infinity, hi = -Infinity;
  for (const a of arrays) {
    for (const v of a) {
      if (!(v > 0) || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return [];
  const from = Math.round(Math.log10(lo) * BINS_PER_DECADE);
  const to = Math.round(Math.log10(hi) * BINS_PER_DECADE);
  const bins = [];
  for (let k = from; k <= to; k++) {
    bins.push({
      k, lo: 10 ** ((k - 0.5) / BINS_PER_DECADE), hi: 10 ** ((k + 0.5) / BINS_PER_DECADE),
      label: `≈ ${formatLr(Number((10 ** (k / BINS_PER_DECADE)).toPrecision(2)))}`,
    });
  }
  return bins;
}

/** Counts per bin, plus a last count for values that are 0 (or not finite). */
function histogram(values, bins) {
  const counts = new Array(bins.length + 1).fill(0);
  const from = bins[0]?.k ?? 0;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) { counts[bins.length]++; continue; }
    const i = Math.round(Math.log10(v) * BINS_PER_DECADE) - from;
    counts[Math.min(bins.length - 1, Math.max(0, i))]++;
  }
  return counts;
}

export class TfOptimizerLens extends LivePanel {
  constructor() {
    super();
    this._params = [];
    this._vocab = [];
    this._param = DEFAULT_PARAM;
    this._busy = false;
  }

  onPeriodic() { this.refresh(); }
  onState(e) { if (['paused', 'finished', 'diverged'].includes(e.detail.state)) this.refresh(); }

  set session(s) {
    this.follow(s);
    this._params = [];
    this._data = null;
    if (s) {
      this._vocab = s.info.vocab ?? [];
      this._loadParams();
    }
    this._build();
  }

  /** The parameter list comes from a snapshot of the model (model.info.params), read once. */
  async _loadParams() {
    const s = this._session;
    if (!s || !this._tf) return;
    try {
      const model = this._tf.loadModel(await s.run.save(0));
      this._params = model.info.params;
      model.dispose();
    } catch { this._params = []; }
    if (s !== this._session) return;
    if (!this._params.some((p) => p.name === this._param)) this._param = this._params[0]?.name ?? DEFAULT_PARAM;
    this._build();
    this.refresh();
  }

  /** Reads every racer's optimizer state for the chosen parameter from the engine. */
  async refresh() {
    const s = this._session;
    if (!s || this._busy || !this._params.length) return;
    this._busy = true;
    try {
      const step = s.steps;
      const param = this._param;
      const racers = [];
      for (const r of s.racers) {
        const read = (which) => s.run.optimizerState(r.index, param, which);
        const entry = { racer: r, lr: r.lr, effective: await read('effective_lr'), update: await read('update') };
        if (r.kind === 'adam' || r.kind === 'adamw') {
          Object.assign(entry, { m: await read('m'), v: await read('v'), mHat: await read('m_hat'), vHat: await read('v_hat') });
        }
        if (r.kind === 'momentum') entry.momentum = await read('momentum');
        racers.push(entry);
      }
      if (s === this._session && param === this._param) {
        this._data = { step, param, racers };
        this._renderData();
      }
    } catch (err) {
      if (err?.code !== 'terminated') this._error = err;
    } finally {
      this._busy = false;
    }
  }

  _build() {
    if (!this.isConnected) return;
    const myth = el('div', 'tr-myth');
    myth.append(el('h3', '', t('train.lens.myth.title')));
    for (const k of ['p1', 'p2', 'p3']) myth.append(el('p', '', t(`train.lens.myth.${k}`)));
    const parts = [myth];
    if (!this._session) {
      parts.push(el('p', 'hint', t('train.lens.noSession')));
      this.replaceChildren(...parts);
      return;
    }
    const controls = el('div', 'tr-row');
    const label = el('label', 'tr-field');
    label.append(el('span', '', t('train.lens.param')));
    const select = document.createElement('select');
    select.name = 'lens-param';
    for (const p of this._params) select.append(new Option(`${p.name}  (${p.shape.join(' × ')})`, p.name));
    select.value = this._param;
    select.addEventListener('change', () => {
      this._param = select.value;
      this._data = null;
      this._renderData();
      this.refresh();
    });
    label.append(select);
    const refresh = el('button', 'tr-btn', t('train.lens.refresh'));
    refresh.type = 'button';
    refresh.addEventListener('click', () => this.refresh());
    const auto = el('label', 'tr-check');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = this._auto;
    box.addEventListener('change', () => { this._auto = box.checked; });
    auto.append(box, document.createTextNode(t('train.lens.auto')));
    controls.append(label, refresh, auto);
    this._caption = el('p', 'hint tr-lens-caption');
    this._body = el('div', 'tr-lens-body');
    parts.push(controls, this._caption, this._body);
    this.replaceChildren(...parts);
    this._renderData();
  }

  _shape() {
    const p = this._params.find((x) => x.name === this._param);
    const shape = p?.shape ?? [1];
    return shape.length === 1 ? [1, shape[0]] : [shape[0], shape.slice(1).reduce((a, b) => a * b, 1)];
  }

  _heatmap(title, values, scale) {
    const [rows, cols] = this._shape();
    const fig = el('figure', 'tr-lens-fig');
    fig.append(el('figcaption', '', title));
    const h = document.createElement('tf-heatmap');
    h.setAttribute('scale', scale);
    h.setAttribute('label', title);
    h.setAttribute('cell', '10');
    h.setAttribute('min-cell', '3');
    // at most ~200 px tall; row labels only where a row is tall enough to hold one (never overlapping)
    const cellHeight = rows > 1 ? Math.max(2, Math.min(12, Math.floor(200 / rows))) : 18;
    h.setAttribute('cell-height', String(cellHeight));
    h.setAttribute('row-title', t('train.lens.rows'));
    h.setAttribute('col-title', t('train.lens.cols'));
    fig.append(h);
    const wte = this._param === 'transformer.wte.weight';
    h.matrix = {
      values, rows, cols,
      rowLabels: cellHeight < 11 ? undefined : Array.from({ length: rows }, (_, i) => (wte && this._vocab[i] !== undefined ? visibleToken(this._vocab[i]) : String(i))),
      colLabels: Array.from({ length: cols }, (_, i) => String(i)),
    };
    return fig;
  }

  _renderData() {
    if (!this._body) return;
    const d = this._data;
    const s = this._session;
    if (!d) {
      this._caption.textContent = '';
      this._body.replaceChildren();
      return;
    }
    const n = d.racers[0]?.effective.length ?? 0;
    this._caption.textContent = d.step === 0 ? t('train.lens.noSteps') : t('train.lens.readAt', { step: d.step, n });
    if (d.step === 0) {
      this._body.replaceChildren();
      return;
    }
    const moved = d.racers.map((r) => r.update.map(Math.abs));
    const stepBins = makeBins(moved);
    const effBins = makeBins(d.racers.map((r) => r.effective));
    const cols = d.racers.map((entry, i) => {
      const col = el('div', 'tr-lens-col');
      col.dataset.racer = String(i);
      col.style.borderTopColor = racerColor(i);
      const title = el('h4', '');
      const sw = el('span', 'tr-swatch');
      sw.style.background = racerColor(i);
      title.append(sw, document.createTextNode(`${racerName(entry.racer)} · ${t('train.lens.lr', { lr: formatLr(entry.lr) })}`));
      col.append(title);
      col.append(el('h5', '', t('train.lens.step.title')));
      col.append(this._histogram(entry, moved[i], stepBins, 'step'));
      col.append(el('h5', '', t('train.lens.eff.title')));
      col.append(this._histogram(entry, entry.effective, effBins, 'effective-lr'));
      const top = this._topBin(entry, effBins);
      if (top) {
        const note = el('p', 'hint tr-lens-top', t(entry.racer.kind === 'momentum' ? 'train.lens.eff.topMomentum' : 'train.lens.eff.top', top));
        note.dataset.bin = top.bin;
        col.append(note);
      }
      const figs = el('div', 'tr-lens-figs');
      if (entry.m) {
        figs.append(this._heatmap(t('train.lens.m'), entry.m, 'diverging'), this._heatmap(t('train.lens.v'), entry.v, 'sequential'));
        col.append(figs);
        if (this._param === 'transformer.wte.weight') col.append(el('p', 'hint', t('train.lens.wteHint')));
        col.append(this._biasTable(entry, d.step));
      } else if (entry.momentum) {
        figs.append(this._heatmap(t('train.lens.momentum'), entry.momentum, 'diverging'));
        col.append(figs);
      } else {
        figs.append(this._heatmap(t('train.lens.update'), entry.update, 'diverging'));
        col.append(el('p', 'hint', t('train.lens.sgd.none')), figs);
      }
      return col;
    });
    const grid = el('div', 'tr-lens-grid');
    grid.append(...cols);
    this._body.replaceChildren(el('p', 'hint', t('train.lens.step.explain')), el('p', 'hint', t('train.lens.eff.explain')), grid);
    if (s) this.dataset.step = String(d.step);
  }

  /** A histogram (tf-bar-chart) of `values` on shared `bins`, the bin holding the racer's lr marked ▶. */
  _histogram(entry, values, bins, kind) {
    const counts = histogram(values, bins);
    const chart = document.createElement('tf-bar-chart');
    chart.setAttribute('compact', '');
    chart.setAttribute('label', `${racerName(entry.racer)}: ${t(kind === 'step' ? 'train.lens.step.title' : 'train.lens.eff.title')}`);
    const lrBin = bins.findIndex((b) => b.k === Math.round(Math.log10(entry.lr) * BINS_PER_DECADE));
    const total = values.length || 1;
    chart.data = {
      labels: [...bins.map((b) => b.label), t(kind === 'step' ? 'train.lens.step.zero' : 'train.lens.eff.zero')],
      values: Float32Array.from(counts),
      highlight: lrBin,
      muted: [bins.length],
      format: (v) => t('train.lens.eff.count', { n: v, pct: ((100 * v) / total).toFixed(v / total < 0.01 && v > 0 ? 1 : 0) }),
      details: counts.map((_, k) => (k === lrBin ? t('train.lens.lr', { lr: formatLr(entry.lr) }) : '')),
    };
    chart.dataset.kind = kind;
    return chart;
  }

  /**
   * The highest non-empty bin of the effective learning rate when it sits far (10×) above the racer's learning
   * rate: {bin: its label, n: its count, lr}. Those are weights whose gradient is tiny (explained in the text).
   */
  _topBin(entry, bins) {
    const counts = histogram(entry.effective, bins);
    for (let k = bins.length - 1; k >= 0; k--) {
      if (!counts[k]) continue;
      if (bins[k].lo < 10 * entry.lr) return null;
      return { bin: bins[k].label, n: counts[k], lr: formatLr(entry.lr) };
    }
    return null;
  }

  /** Three real weights (largest, middle, smallest v̂): m, m̂, v, v̂, the change and the step size. */
  _biasTable(entry, step) {
    const box = el('details', 'tr-bias');
    box.append(el('summary', '', t('train.lens.bias.title')));
    box.append(el('p', 'hint', t('train.lens.bias.explain')));
    if (step === 0) return box;
    const order = Array.from(entry.vHat.keys()).filter((i) => entry.vHat[i] > 0).sort((a, b) => entry.vHat[b] - entry.vHat[a]);
    if (!order.length) return box;
    const picks = [['big', order[0]], ['mid', order[Math.floor(order.length / 2)]], ['small', order[order.length - 1]]];
    const table = el('table', 'tr-bias-table');
    const head = el('tr');
    for (const key of ['which']) head.append(el('th', '', t(`train.lens.bias.${key}`)));
    for (const text of ['m', 'm̂', t('train.lens.bias.ratio'), 'v', 'v̂', t('train.lens.bias.vratio'), t('train.lens.bias.step'), t('train.lens.bias.eff')]) head.append(el('th', '', text));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    for (const [kind, i] of picks) {
      const tr = el('tr');
      tr.append(el('td', '', t(`train.lens.bias.${kind}`, { i })));
      const ratio = (a, b) => (b !== 0 ? `×${formatValue(a / b)}` : '—');
      for (const text of [formatValue(entry.m[i]), formatValue(entry.mHat[i]), ratio(entry.mHat[i], entry.m[i]),
        formatValue(entry.v[i]), formatValue(entry.vHat[i]), ratio(entry.vHat[i], entry.v[i]),
        formatValue(Math.abs(entry.update[i])), formatValue(entry.effective[i])]) tr.append(el('td', '', text));
      tbody.append(tr);
    }
    table.append(thead, tbody);
    const scroll = el('div', 'tr-scroll');
    scroll.append(table);
    box.append(scroll, el('p', 'hint', t('train.lens.bias.note')));
    return box;
  }

  /** What is on screen (for tests): the step and, per racer, the histogram counts. */
  get shown() {
    return this._data ? { step: this._data.step, param: this._data.param, racers: this._data.racers.map((r) => r.racer.kind) } : null;
  }
}

customElements.define('tf-optimizer-lens', TfOptimizerLens);
