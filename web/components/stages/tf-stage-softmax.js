// Stage 9 — Softmax and decoding: the logits become next-token probabilities (exp ÷ sum), reshaped
// by temperature and top-k (model.nextTokenProbs), and the learner generates one token at a time
// (model.generate with maxTokens 1 and a seed that changes per step) to watch the sentence grow —
// autoregressive decoding made visible. Every probability shown is the engine's; this view only sorts
// them and adds them up for the "sums to 1" caption. The page's sentence input is never changed.
import { registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import { StageView } from './base.js';
import { button, ensureStyle, formatValue, rankIds, vocabLabels } from './stage-kit.js';

registerStrings({
  ko: {
    'softmax.exp.title': '점수를 확률로: exp ÷ 합',
    'softmax.exp.explain': '각 점수(로짓)에 exp를 취해 모두 양수로 만들고, 전체 합으로 나눠요. 그러면 모든 값이 0과 1 사이가 되고 다 더하면 1이 돼요. 점수가 1 크면 확률은 약 2.7배(e배) 커져요.',
    'softmax.exp.formula': 'p(토큰) = exp(로짓) ÷ Σ exp(모든 로짓)',
    'softmax.exp.caption': '"{tok}" 다음 토큰: 점수가 높은 {n}개',
    'softmax.col.token': '토큰',
    'softmax.col.logit': '로짓',
    'softmax.col.p1': '확률 (온도 1)',
    'softmax.col.pNow': '확률 (지금 설정)',
    'softmax.col.sum': '전체 {V}개의 합',
    'softmax.knobs.title': '온도와 top-k',
    'softmax.temp': '온도',
    'softmax.topk': 'top-k',
    'softmax.topk.off': '끔',
    'softmax.temp.zero': '온도 0: 항상 가장 높은 토큰 하나만 골라요 (탐욕적 선택).',
    'softmax.temp.low': '낮은 온도: 높은 점수가 더 도드라져요. 분포가 뾰족해지고 안전한 선택을 해요.',
    'softmax.temp.one': '온도 1: 모델이 낸 원래 확률 그대로예요.',
    'softmax.temp.high': '높은 온도: 분포가 평평해져요. 더 다양하고 엉뚱한 토큰도 뽑혀요.',
    'softmax.topk.none': 'top-k 끔: 어휘의 모든 {V}개 토큰이 후보예요.',
    'softmax.topk.some': 'top-k = {k}: 확률이 높은 {k}개만 남기고 나머지는 0으로 만든 뒤, 다시 합이 1이 되게 나눠요.',
    'softmax.chart.next': '"{tok}" 다음 토큰의 확률 (높은 순 {n}개)',
    'softmax.chart.step': '{step}단계에서 쓴 분포: 여기서 "{tok}"을(를) 골랐어요 (확률 {p})',
    'softmax.chart.back': '다음 토큰 분포로 돌아가기',
    'softmax.rest': '나머지 {n}개',
    'softmax.sum': '막대를 모두 더하면 {sum} (엔진이 준 확률 {V}개의 합)',
    'softmax.showAll': '모든 토큰 보기 ({V}개)',
    'softmax.showTop': '높은 순 {n}개만 보기',
    'softmax.gen.title': '한 토큰씩 만들기 (자기회귀 생성)',
    'softmax.gen.explain': '위 확률에 따라 토큰 하나를 뽑아 문장 끝에 붙이고, 늘어난 문장으로 처음부터 다시 계산해요. 이것을 되풀이하는 것이 자기회귀 생성이에요. 주황색이 새로 만든 토큰이에요. 위의 입력 문장은 바뀌지 않아요.',
    'softmax.gen.one': '다음 토큰 고르기 (한 번)',
    'softmax.gen.five': '다섯 개 더',
    'softmax.gen.reset': '처음부터',
    'softmax.gen.seed': '시작 시드',
    'softmax.gen.nextSeed': '다음에 쓸 시드: {seed}',
    'softmax.gen.seedHint': '같은 시드와 설정이면 언제나 같은 토큰이 뽑혀요. 단계마다 시드가 1씩 커져요.',
    'softmax.gen.text': '지금까지의 문장:',
    'softmax.gen.count': '새 토큰 {n}개',
    'softmax.gen.full': '여기까지예요. 더 만들려면 "처음부터"를 누르세요.',
    'softmax.gen.tokHint': '새 토큰을 누르면 그 단계의 확률 분포를 볼 수 있어요.',
    'softmax.log.step': '단계',
    'softmax.log.seed': '시드',
    'softmax.log.token': '고른 토큰',
    'softmax.log.p': '그 토큰의 확률',
    'softmax.log.settings': '온도 · top-k',
  },
  en: {
    'softmax.exp.title': 'Scores to probabilities: exp ÷ sum',
    'softmax.exp.explain': 'Take exp of every score (logit) so all are positive, then divide by their total. Every value lands between 0 and 1 and together they add up to 1. A score higher by 1 means a probability about 2.7 (e) times larger.',
    'softmax.exp.formula': 'p(token) = exp(logit) ÷ Σ exp(all logits)',
    'softmax.exp.caption': 'Token after "{tok}": the {n} highest scores',
    'softmax.col.token': 'token',
    'softmax.col.logit': 'logit',
    'softmax.col.p1': 'probability (temperature 1)',
    'softmax.col.pNow': 'probability (your settings)',
    'softmax.col.sum': 'sum of all {V}',
    'softmax.knobs.title': 'Temperature and top-k',
    'softmax.temp': 'temperature',
    'softmax.topk': 'top-k',
    'softmax.topk.off': 'off',
    'softmax.temp.zero': 'Temperature 0: always the single most likely token (greedy).',
    'softmax.temp.low': 'Low temperature: high scores stand out more; the distribution gets peaky and choices get safe.',
    'softmax.temp.one': 'Temperature 1: the model’s own probabilities.',
    'softmax.temp.high': 'High temperature: the distribution flattens; more varied, more surprising tokens get picked.',
    'softmax.topk.none': 'top-k off: all {V} vocabulary tokens are candidates.',
    'softmax.topk.some': 'top-k = {k}: keep only the {k} most likely tokens, set the rest to 0 and rescale so they sum to 1 again.',
    'softmax.chart.next': 'Probability of the token after "{tok}" (top {n})',
    'softmax.chart.step': 'The distribution used at step {step}: "{tok}" was picked here (probability {p})',
    'softmax.chart.back': 'Back to the next-token distribution',
    'softmax.rest': 'the other {n}',
    'softmax.sum': 'All bars add up to {sum} (the sum of the engine’s {V} probabilities)',
    'softmax.showAll': 'Show every token ({V})',
    'softmax.showTop': 'Show only the top {n}',
    'softmax.gen.title': 'One token at a time (autoregressive decoding)',
    'softmax.gen.explain': 'Draw one token according to the probabilities above, append it to the sentence and run the model again on the longer sentence. Repeating this is autoregressive generation. New tokens are orange. The sentence box above is not changed.',
    'softmax.gen.one': 'Pick the next token (one step)',
    'softmax.gen.five': 'Five more',
    'softmax.gen.reset': 'Start over',
    'softmax.gen.seed': 'Starting seed',
    'softmax.gen.nextSeed': 'Next seed: {seed}',
    'softmax.gen.seedHint': 'The same seed and settings always draw the same token. The seed goes up by 1 each step.',
    'softmax.gen.text': 'The sentence so far:',
    'softmax.gen.count': '{n} new tokens',
    'softmax.gen.full': 'That is the limit. Press "Start over" to generate more.',
    'softmax.gen.tokHint': 'Click a new token to see the distribution it was drawn from.',
    'softmax.log.step': 'step',
    'softmax.log.seed': 'seed',
    'softmax.log.token': 'picked token',
    'softmax.log.p': 'its probability',
    'softmax.log.settings': 'temperature · top-k',
  },
});

const TOP = 10;
const MAX_NEW = 40;
const EXP_ROWS = 5;

// Remembered across re-renders and stage switches (reset when the page's sentence changes).
const memory = { text: null, model: null, temperature: 1, topK: 0, seed: 1, steps: [], viewing: -1, showAll: false };

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

class TfStageSoftmax extends StageView {
  /** The ids the next token is predicted from: the page's sentence, then the generated tokens. */
  get contextIds() {
    return [...this.state.inspection.ids, ...memory.steps.map((s) => s.id)];
  }
  /** The sampling settings on the sliders. */
  get settings() { return { temperature: memory.temperature, topK: memory.topK }; }
  /** The generation so far: [{seed, id, p, temperature, topK}]. */
  get steps() { return memory.steps.map(({ probs, ...s }) => ({ ...s })); }

  render() {
    ensureStyle();
    this.classList.add('tfo');
    const { model, text } = this.state;
    const V = model.config.vocab_size;
    if (memory.text !== text || memory.model !== model) {
      memory.steps = [];
      memory.viewing = -1;
    }
    memory.text = text;
    memory.model = model;
    memory.topK = Math.min(memory.topK, V);
    this._vocab = vocabLabels(model);

    // exp ÷ sum
    this._expCaption = el('h4', '');
    this._expTable = el('div', 'tfo-scroll');

    // sliders
    const temp = slider('tfo-temp', 0, 2, 0.05, memory.temperature, (v) => { memory.temperature = v; memory.viewing = -1; this._update(); });
    const topk = slider('tfo-topk', 0, V, 1, memory.topK, (v) => { memory.topK = v; memory.viewing = -1; this._update(); });
    this._temp = temp;
    this._topk = topk;
    const knobs = el('div', 'tfo-controls');
    knobs.append(labelled(t('softmax.temp'), temp), labelled(t('softmax.topk'), topk));
    this._tempNote = el('p', 'hint');
    this._topkNote = el('p', 'hint');

    // the chart
    this._chartTitle = el('h3', '');
    this._chart = document.createElement('tf-bar-chart');
    this._chart.classList.add('tfo-probs');
    this._back = button(t('softmax.chart.back'), () => { memory.viewing = -1; this._update(); });
    this._sum = el('p', 'hint tfo-sum');
    this._allToggle = button('', () => { memory.showAll = !memory.showAll; this._update(); });

    // generation
    const seedInput = document.createElement('input');
    seedInput.type = 'number';
    seedInput.min = '0';
    seedInput.max = '2147483647';
    seedInput.step = '1';
    seedInput.value = String(memory.seed);
    seedInput.className = 'tfo-seed';
    seedInput.addEventListener('change', () => {
      const v = Math.floor(Number(seedInput.value));
      memory.seed = Number.isFinite(v) ? Math.min(2147483647, Math.max(0, v)) : 1;
      seedInput.value = String(memory.seed);
      this._update();
    });
    this._one = button(t('softmax.gen.one'), () => this._generate(1), 'tfo-btn primary tfo-one');
    this._five = button(t('softmax.gen.five'), () => this._generate(5), 'tfo-btn tfo-five');
    this._reset = button(t('softmax.gen.reset'), () => { memory.steps = []; memory.viewing = -1; this._update(); }, 'tfo-btn tfo-reset');
    this._nextSeed = el('span', 'tfo-next-seed');
    const genControls = el('div', 'tfo-controls');
    genControls.append(this._one, this._five, this._reset);
    const seedRow = el('div', 'tfo-controls');
    seedRow.append(labelled(t('softmax.gen.seed'), seedInput), this._nextSeed);
    this._sentence = el('div', 'tfo-sentence');
    this._sentence.setAttribute('aria-live', 'polite');
    this._decoded = el('p', 'tfo-decoded');
    this._genNote = el('p', 'hint');
    this._log = el('div', 'tfo-scroll');

    this.replaceChildren(
      el('h3', '', t('softmax.exp.title')),
      el('p', 'explain', t('softmax.exp.explain')),
      el('p', 'tfo-formula', t('softmax.exp.formula')),
      this._expCaption, this._expTable,
      el('h3', '', t('softmax.knobs.title')),
      knobs, this._tempNote, this._topkNote,
      this._chartTitle, this._back, this._chart, this._sum, this._allToggle,
      el('h3', '', t('softmax.gen.title')),
      el('p', 'explain', t('softmax.gen.explain')),
      el('p', 'hint', t('softmax.gen.seedHint')),
      seedRow, genControls, this._decoded, this._sentence, this._genNote, this._log,
    );
    this._update();
  }

  /** Draws the parts that follow the sliders, the generated tokens and the chosen step. */
  _update() {
    const { model, tokens } = this.state;
    const V = model.config.vocab_size;
    const ctx = this.contextIds;
    const settings = this.settings;
    const lastTok = memory.steps.length ? this._vocab[memory.steps.at(-1).id] : visibleToken(tokens.at(-1).text);

    // the engine's distribution for the next token, under the sliders' settings
    const next = model.nextTokenProbs(ctx, settings);
    this._next = next;

    // exp ÷ sum table: the logits and temperature-1 probabilities of the last position of the context
    const run = memory.steps.length ? model.inspect(ctx.slice(-model.config.block_size)) : this.state.inspection;
    const T = run.ids.length;
    const logits = run.logits.data.subarray((T - 1) * V, T * V);
    const probs1 = run.probs.data.subarray((T - 1) * V, T * V);
    this._expCaption.textContent = t('softmax.exp.caption', { tok: lastTok, n: EXP_ROWS });
    const table = document.createElement('table');
    table.className = 'tfo-exp';
    const head = document.createElement('tr');
    for (const k of ['token', 'logit', 'p1', 'pNow']) head.append(el('th', '', t(`softmax.col.${k}`)));
    table.append(head);
    for (const id of rankIds(logits).slice(0, EXP_ROWS)) {
      const tr = document.createElement('tr');
      tr.dataset.id = String(id);
      tr.append(el('td', '', this._vocab[id]), el('td', '', formatValue(logits[id])), el('td', '', formatValue(probs1[id])), el('td', '', formatValue(next[id])));
      table.append(tr);
    }
    const total = document.createElement('tr');
    total.style.fontWeight = '700';
    total.append(el('td', '', t('softmax.col.sum', { V })), el('td', '', ''), el('td', '', total1(probs1)), el('td', '', total1(next)));
    table.append(total);
    this._expTable.replaceChildren(table);

    // sliders' notes
    const temp = memory.temperature;
    this._temp.output.textContent = temp.toFixed(2);
    this._topk.output.textContent = memory.topK === 0 ? t('softmax.topk.off') : String(memory.topK);
    this._tempNote.textContent = t(temp === 0 ? 'softmax.temp.zero' : temp < 0.95 ? 'softmax.temp.low' : temp <= 1.05 ? 'softmax.temp.one' : 'softmax.temp.high');
    this._topkNote.textContent = memory.topK === 0 ? t('softmax.topk.none', { V }) : t('softmax.topk.some', { k: memory.topK });

    // the chart: the next-token distribution, or the one a past step was drawn from
    const step = memory.viewing >= 0 ? memory.steps[memory.viewing] : null;
    const dist = step ? step.probs : next;
    const order = rankIds(dist);
    const n = memory.showAll ? V : Math.min(TOP, V);
    const shown = order.slice(0, n);
    const labels = shown.map((id) => this._vocab[id]);
    const values = shown.map((id) => dist[id]);
    const details = shown.map((id) => `#${id}`);
    const muted = [];
    if (n < V) {
      let rest = 0;
      for (const id of order.slice(n)) rest += dist[id];
      muted.push(labels.length);
      labels.push(t('softmax.rest', { n: V - n }));
      values.push(rest);
      details.push('');
    }
    this._chartTitle.textContent = step
      ? t('softmax.chart.step', { step: memory.viewing + 1, tok: this._vocab[step.id], p: formatValue(step.p) })
      : t('softmax.chart.next', { tok: lastTok, n });
    this._chart.setAttribute('label', this._chartTitle.textContent);
    this._chart.dataset.viewing = String(memory.viewing);
    this._chart.data = {
      labels, values, ids: shown, details, muted, domain: [0, 1],
      highlight: step ? shown.indexOf(step.id) : undefined, format: formatValue,
    };
    this._back.hidden = !step;
    let sum = 0;
    for (const v of values) sum += v;
    this._sum.textContent = t('softmax.sum', { sum: sum.toFixed(4), V });
    this._sum.dataset.sum = String(sum);
    this._allToggle.textContent = memory.showAll ? t('softmax.showTop', { n: TOP }) : t('softmax.showAll', { V });

    // the growing sentence
    const all = [...this.state.inspection.ids, ...memory.steps.map((s) => s.id)];
    this._decoded.replaceChildren(el('span', 'hint', `${t('softmax.gen.text')} `), el('strong', '', model.decode(all)));
    const chips = [...tokens].map((tok) => {
      const c = el('span', 'tfo-tok prompt');
      c.append(el('span', 'piece', visibleToken(tok.text)));
      return c;
    });
    memory.steps.forEach((s, i) => {
      const c = button('', () => { memory.viewing = memory.viewing === i ? -1 : i; this._update(); }, `tfo-tok gen${i === memory.steps.length - 1 ? ' newest' : ''}`);
      c.dataset.id = String(s.id);
      c.setAttribute('aria-pressed', String(memory.viewing === i));
      c.append(el('span', 'piece', this._vocab[s.id]), el('span', 'meta', `p ${formatValue(s.p)}`));
      c.title = t('softmax.chart.step', { step: i + 1, tok: this._vocab[s.id], p: formatValue(s.p) });
      chips.push(c);
    });
    this._sentence.replaceChildren(...chips);
    this._sentence.dataset.count = String(memory.steps.length);
    const full = memory.steps.length >= MAX_NEW;
    this._one.disabled = this._five.disabled = full || this._busy;
    this._reset.disabled = memory.steps.length === 0 || this._busy;
    this._nextSeed.textContent = t('softmax.gen.nextSeed', { seed: memory.seed + memory.steps.length });
    this._genNote.textContent = full ? t('softmax.gen.full') : memory.steps.length ? `${t('softmax.gen.count', { n: memory.steps.length })} · ${t('softmax.gen.tokHint')}` : '';

    // the step log
    if (!memory.steps.length) {
      this._log.replaceChildren();
      return;
    }
    const log = document.createElement('table');
    log.className = 'tfo-log';
    const lh = document.createElement('tr');
    for (const k of ['step', 'seed', 'token', 'p', 'settings']) lh.append(el('th', '', t(`softmax.log.${k}`)));
    log.append(lh);
    memory.steps.forEach((s, i) => {
      const tr = document.createElement('tr');
      tr.append(el('td', '', String(i + 1)), el('td', '', String(s.seed)), el('td', '', this._vocab[s.id]), el('td', '', formatValue(s.p)),
        el('td', '', `${s.temperature.toFixed(2)} · ${s.topK === 0 ? t('softmax.topk.off') : s.topK}`));
      log.append(tr);
    });
    this._log.replaceChildren(log);
  }

  /** `count` single steps: each draws one token with its own seed, then the context grows by it. */
  async _generate(count) {
    if (this._busy) return;
    this._busy = true;
    this.dataset.busy = 'true';
    try {
      for (let k = 0; k < count && memory.steps.length < MAX_NEW; k++) {
        if (k) await sleep(220);
        if (!this.isConnected) break;
        const ctx = this.contextIds;
        const settings = this.settings;
        const seed = memory.seed + memory.steps.length;
        const probs = this.state.model.nextTokenProbs(ctx, settings);
        const id = this.state.model.generate(ctx, { maxTokens: 1, ...settings, seed }).ids[0];
        memory.steps.push({ seed, id, p: probs[id], temperature: settings.temperature, topK: settings.topK, probs });
        memory.viewing = -1;
        this._update();
      }
    } finally {
      this._busy = false;
      delete this.dataset.busy;
      if (this.isConnected) this._update();
    }
  }
}

/** The engine's probabilities added up (for the "sums to 1" row). */
function total1(values) {
  let s = 0;
  for (const v of values) s += v;
  return s.toFixed(4);
}

function slider(className, min, max, step, value, onInput) {
  const input = document.createElement('input');
  input.type = 'range';
  input.className = className;
  Object.assign(input, { min: String(min), max: String(max), step: String(step), value: String(value) });
  input.output = el('output', '');
  input.addEventListener('input', () => onInput(Number(input.value)));
  return input;
}

function labelled(text, input) {
  const label = el('label', '');
  label.append(el('span', '', text), input);
  if (input.output) label.append(input.output);
  return label;
}

customElements.define('tf-stage-softmax', TfStageSoftmax);
