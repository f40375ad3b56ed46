// Stage 9 — Softmax and decoding: the logits become next-token probabilities (exp ÷ sum), reshaped
// by temperature and top-k, and the learner generates one token at a time (one draw per step, with a seed
// that changes per step) to watch the sentence grow — autoregressive decoding made visible. The view keeps
// the learner's choices in memory (the sliders, the steps taken: {seed, temperature, topK}) and asks for
// data; the controller (web/controllers/stage-softmax.js) has the engine draw the tokens and compute every
// probability shown. This view only sorts them and adds them up for the "sums to 1" caption. The page's
// sentence input is never changed.
import { registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import { StageView } from './base.js';
import { button, ensureStyle, formatValue, vocabLabelsOf } from './stage-kit.js';
import { rankIds } from '../rank.js';
import { formulaBox, frac, math, mi, mn, mo, mtext, num, row, sub, sum, sup } from '../mathml.js';
import ko from '../../i18n/stages/softmax.ko.js';
import en from '../../i18n/stages/softmax.en.js';

registerStrings({ ko, en });

const TOP = 10;
const MAX_NEW = 40;
const EXP_ROWS = 5;

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

class TfStageSoftmax extends StageView {
  /**
   * What this view remembers across re-renders and stage switches (kept in the page's store: StageView.memory).
   * steps: the steps taken, [{seed, temperature, topK}] (the controller starts them over for a new sentence or model).
   */
  static memoryDefaults = { temperature: 1, topK: 0, seed: 1, steps: [], viewing: -1, showAll: false, pick: -1 };

  /** The ids the next token is predicted from: the page's sentence, then the generated tokens. */
  get contextIds() {
    return [...(this.data?.contextIds ?? [])];
  }
  /** The sampling settings on the sliders. */
  get settings() {
    return { temperature: this.memory.temperature, topK: this.memory.topK };
  }
  /** The generation so far: [{seed, id, p, temperature, topK}]. */
  get steps() {
    return (this.data?.steps ?? []).map(({ seed, id, p, temperature, topK }) => ({ seed, id, p, temperature, topK }));
  }

  /** Asks the page for new numbers after a choice in memory; the controls stay (a slider keeps its drag). */
  _refresh() {
    this._partial = true;
    try {
      this.requestData();
    } finally {
      this._partial = false;
    }
  }

  render() {
    ensureStyle();
    this.classList.add('tfo');
    const { V } = this.data;
    this.memory.topK = Math.min(this.memory.topK, V);
    this._vocab = vocabLabelsOf(this.data.vocab, V);
    if (this._partial && this._formula?.isConnected) {
      this._update();
      return;
    }

    // exp ÷ sum
    this._expCaption = el('h4', '');
    this._expTable = el('div', 'tfo-scroll');

    // sliders
    const temp = slider('tfo-temp', 0, 2, 0.05, this.memory.temperature, (v) => {
      this.memory.temperature = v;
      this.memory.viewing = -1;
      this._refresh();
    });
    const topk = slider('tfo-topk', 0, V, 1, this.memory.topK, (v) => {
      this.memory.topK = v;
      this.memory.viewing = -1;
      this._refresh();
    });
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
    this._back = button(t('softmax.chart.back'), () => {
      this.memory.viewing = -1;
      this._update();
    });
    this._sum = el('p', 'hint tfo-sum');
    this._allToggle = button('', () => {
      this.memory.showAll = !this.memory.showAll;
      this._update();
    });

    // generation
    const seedInput = document.createElement('input');
    seedInput.type = 'number';
    seedInput.min = '0';
    seedInput.max = '2147483647';
    seedInput.step = '1';
    seedInput.value = String(this.memory.seed);
    seedInput.className = 'tfo-seed';
    seedInput.addEventListener('change', () => {
      const v = Math.floor(Number(seedInput.value));
      this.memory.seed = Number.isFinite(v) ? Math.min(2147483647, Math.max(0, v)) : 1;
      seedInput.value = String(this.memory.seed);
      this._update();
    });
    this._one = button(t('softmax.gen.one'), () => this._generate(1), 'tfo-btn primary tfo-one');
    this._five = button(t('softmax.gen.five'), () => this._generate(5), 'tfo-btn tfo-five');
    this._reset = button(
      t('softmax.gen.reset'),
      () => {
        this.memory.steps = [];
        this.memory.viewing = -1;
        this._refresh();
      },
      'tfo-btn tfo-reset',
    );
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
      (this._formula = el('div', 'tfo-softmax-math')),
      this._expCaption,
      this._expTable,
      el('h3', '', t('softmax.knobs.title')),
      knobs,
      this._tempNote,
      this._topkNote,
      this._chartTitle,
      this._back,
      this._chart,
      this._sum,
      this._allToggle,
      el('h3', '', t('softmax.gen.title')),
      el('p', 'explain', t('softmax.gen.explain')),
      el('p', 'hint', t('softmax.gen.seedHint')),
      seedRow,
      genControls,
      this._decoded,
      this._sentence,
      this._genNote,
      this._log,
    );
    this._update();
  }

  /** Draws the parts that follow the sliders, the generated tokens and the chosen step. */
  _update() {
    const { tokens } = this.state;
    // the engine's: the steps drawn, the next-token distribution under the sliders' settings, and the logits and
    // temperature-1 probabilities of the last position of the context (for the exp ÷ sum table)
    const { V, steps, next, logits, probs1 } = this.data;
    const lastTok = steps.length ? this._vocab[steps.at(-1).id] : visibleToken(tokens.at(-1).text);
    this._expCaption.textContent = t('softmax.exp.caption', { tok: lastTok, n: EXP_ROWS });
    const table = document.createElement('table');
    table.className = 'tfo-exp';
    const head = document.createElement('tr');
    for (const k of ['token', 'logit', 'p1', 'pNow']) head.append(el('th', '', t(`softmax.col.${k}`)));
    table.append(head);
    const top = rankIds(logits).slice(0, EXP_ROWS);
    if (!top.includes(this.memory.pick)) this.memory.pick = top[0];
    for (const id of top) {
      const tr = document.createElement('tr');
      tr.dataset.id = String(id);
      const pick = button(
        this._vocab[id],
        () => {
          this.memory.pick = id;
          this._update();
        },
        'tfo-btn tfo-pick',
      );
      pick.setAttribute('aria-pressed', String(id === this.memory.pick));
      const first = el('td', '');
      first.append(pick);
      tr.append(
        first,
        el('td', '', formatValue(logits[id])),
        el('td', '', formatValue(probs1[id])),
        el('td', '', formatValue(next[id])),
      );
      table.append(tr);
    }
    const total = document.createElement('tr');
    total.style.fontWeight = '700';
    total.append(
      el('td', '', t('softmax.col.sum', { V })),
      el('td', '', ''),
      el('td', '', total1(probs1)),
      el('td', '', total1(next)),
    );
    table.append(total);
    this._expTable.replaceChildren(table);
    this._drawFormula(V);

    // sliders' notes
    const temp = this.memory.temperature;
    this._temp.output.textContent = temp.toFixed(2);
    this._topk.output.textContent = this.memory.topK === 0 ? t('softmax.topk.off') : String(this.memory.topK);
    this._tempNote.textContent = t(
      temp === 0
        ? 'softmax.temp.zero'
        : temp < 0.95
          ? 'softmax.temp.low'
          : temp <= 1.05
            ? 'softmax.temp.one'
            : 'softmax.temp.high',
    );
    this._topkNote.textContent =
      this.memory.topK === 0 ? t('softmax.topk.none', { V }) : t('softmax.topk.some', { k: this.memory.topK });

    // the chart: the next-token distribution, or the one a past step was drawn from
    const step = this.memory.viewing >= 0 ? (steps[this.memory.viewing] ?? null) : null;
    const dist = step ? step.probs : next;
    const order = rankIds(dist);
    const n = this.memory.showAll ? V : Math.min(TOP, V);
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
      ? t('softmax.chart.step', { step: this.memory.viewing + 1, tok: this._vocab[step.id], p: formatValue(step.p) })
      : t('softmax.chart.next', { tok: lastTok, n });
    this._chart.setAttribute('label', this._chartTitle.textContent);
    this._chart.dataset.viewing = String(this.memory.viewing);
    this._chart.data = {
      labels,
      values,
      ids: shown,
      details,
      muted,
      domain: [0, 1],
      highlight: step ? shown.indexOf(step.id) : undefined,
      format: formatValue,
    };
    this._back.hidden = !step;
    let sum = 0;
    for (const v of values) sum += v;
    this._sum.textContent = t('softmax.sum', { sum: sum.toFixed(4), V });
    this._sum.dataset.sum = String(sum);
    this._allToggle.textContent = this.memory.showAll ? t('softmax.showTop', { n: TOP }) : t('softmax.showAll', { V });

    // the growing sentence
    this._decoded.replaceChildren(el('span', 'hint', `${t('softmax.gen.text')} `), el('strong', '', this.data.decoded));
    const chips = [...tokens].map((tok) => {
      const c = el('span', 'tfo-tok prompt');
      c.append(el('span', 'piece', visibleToken(tok.text)));
      return c;
    });
    steps.forEach((s, i) => {
      const c = button(
        '',
        () => {
          this.memory.viewing = this.memory.viewing === i ? -1 : i;
          this._update();
        },
        `tfo-tok gen${i === steps.length - 1 ? ' newest' : ''}`,
      );
      c.dataset.id = String(s.id);
      c.setAttribute('aria-pressed', String(this.memory.viewing === i));
      c.append(el('span', 'piece', this._vocab[s.id]), el('span', 'meta', `p ${formatValue(s.p)}`));
      c.title = t('softmax.chart.step', { step: i + 1, tok: this._vocab[s.id], p: formatValue(s.p) });
      chips.push(c);
    });
    this._sentence.replaceChildren(...chips);
    this._sentence.dataset.count = String(steps.length);
    const full = steps.length >= MAX_NEW;
    this._one.disabled = this._five.disabled = full || this._busy;
    this._reset.disabled = steps.length === 0 || this._busy;
    this._nextSeed.textContent = t('softmax.gen.nextSeed', { seed: this.memory.seed + steps.length });
    this._genNote.textContent = full
      ? t('softmax.gen.full')
      : steps.length
        ? `${t('softmax.gen.count', { n: steps.length })} · ${t('softmax.gen.tokHint')}`
        : '';

    // the step log
    if (!steps.length) {
      this._log.replaceChildren();
      return;
    }
    const log = document.createElement('table');
    log.className = 'tfo-log';
    const lh = document.createElement('tr');
    for (const k of ['step', 'seed', 'token', 'p', 'settings']) lh.append(el('th', '', t(`softmax.log.${k}`)));
    log.append(lh);
    steps.forEach((s, i) => {
      const tr = document.createElement('tr');
      tr.append(
        el('td', '', String(i + 1)),
        el('td', '', String(s.seed)),
        el('td', '', this._vocab[s.id]),
        el('td', '', formatValue(s.p)),
        el('td', '', `${s.temperature.toFixed(2)} · ${s.topK === 0 ? t('softmax.topk.off') : s.topK}`),
      );
      log.append(tr);
    });
    this._log.replaceChildren(log);
  }

  /**
   * p_i = e^{z_i} ÷ Σ_j e^{z_j} in MathML, then the same with the picked token's numbers: its logit z, the engine's
   * e^z and Σ e^z (the controller's terms, from tinyformer.softmaxTerms) and the engine's probability p (temperature 1).
   */
  _drawFormula(V) {
    const { logits, probs1, terms } = this.data;
    const id = this.memory.pick;
    const f = (v) => formatValue(v);
    const z = (i) => sub(mi('z'), i);
    const symbols = [
      sub(mi('p'), mi('i')),
      mo('='),
      frac(sup(mi('e'), z(mi('i'))), sum(row(mi('j'), mo('='), mn('1')), sup(mi('e'), z(mi('j'))), mi('V'))),
    ];
    const token = mtext(`“${this._vocab[id]}”`);
    // the numbers on two lines, so a phone reads them one under the other
    const numbers = [sub(mi('p'), token), mo('='), frac(sup(mi('e'), num(logits[id], f)), num(terms.sum, f))];
    const result = [mo('='), frac(num(terms.exp[id], f), num(terms.sum, f)), mo('='), num(probs1[id], f)];
    const box = formulaBox('tfo-softmax-formula', math(...symbols), math(...numbers), math(...result));
    box.append(el('p', 'math-where', t('softmax.formula.where', { tok: this._vocab[id], V })));
    box.dataset.id = String(id);
    box.dataset.logit = String(logits[id]);
    box.dataset.exp = String(terms.exp[id]);
    box.dataset.sum = String(terms.sum);
    box.dataset.p = String(probs1[id]);
    this._formula.replaceChildren(box);
  }

  /** `count` single steps: each asks for one more token drawn with its own seed; the context grows by it. */
  async _generate(count) {
    if (this._busy) return;
    this._busy = true;
    this.dataset.busy = 'true';
    try {
      for (let k = 0; k < count && this.memory.steps.length < MAX_NEW; k++) {
        if (k) await sleep(220);
        if (!this.isConnected) break;
        const seed = this.memory.seed + this.memory.steps.length;
        this.memory.steps.push({ seed, ...this.settings });
        this.memory.viewing = -1;
        this._refresh();
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
