// <tf-optimizer-lens>: what each optimizer actually does, read from the engine on real parameters.
// Pick a parameter tensor; for every racer it shows the per-weight effective step size
// (run.optimizerState(racer, param, 'effective_lr') = |update| / |gradient|) as a histogram on shared
// bins, with the racer's learning rate marked — one bar for SGD, a spread for Adam — and the state
// the optimizer keeps: Adam's m and v as heatmaps, the bias correction m → m̂ on a few weights,
// momentum's velocity buffer. The text corrects the "Adam remembers wrong answers" myth gently.
//
//   lens.tinyformer = engine;  lens.session = trainSession;   // refreshes every few seconds while it trains
// Counting values into histogram bins is the only arithmetic here (display, not model math).
import { registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import '../tf-bar-chart.js';
import '../tf-heatmap.js';
import { formatValue } from '../tf-heatmap.js';
import { racerColor, racerName } from './settings-form.js';
import { ADAMW_WEIGHT_DECAY, formatLr } from './settings.js';
import { LivePanel } from './live-panel.js';
import { formulaBox, frac, hat, math, mi, mn, mo, num, paren, row, sqrt, sub, sup } from '../mathml.js';
import ko from '../../i18n/train/optimizer-lens.ko.js';
import en from '../../i18n/train/optimizer-lens.en.js';

registerStrings({ ko, en });

const DEFAULT_PARAM = 'transformer.wte.weight';
const BINS_PER_DECADE = 2;

/**
 * Shared log-scale bins (two per decade) for the values of all racers, centred on 1, ≈3.2, 10, …
 * so that usual learning rates (0.1, 0.003, …) sit inside a bin rather than on an edge:
 * [{k, lo, hi, label}], bin k holding values whose log10 × 2 rounds to k.
 */
function makeBins(arrays) {
  let lo = Infinity,
    hi = -Infinity;
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
      k,
      lo: 10 ** ((k - 0.5) / BINS_PER_DECADE),
      hi: 10 ** ((k + 0.5) / BINS_PER_DECADE),
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
    if (!(v > 0) || !Number.isFinite(v)) {
      counts[bins.length]++;
      continue;
    }
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

  onPeriodic() {
    this.refresh();
  }
  onState(e) {
    if (['paused', 'finished', 'diverged'].includes(e.detail.state)) this.refresh();
  }

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
    } catch {
      this._params = [];
    }
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
          Object.assign(entry, {
            m: await read('m'),
            v: await read('v'),
            mHat: await read('m_hat'),
            vHat: await read('v_hat'),
          });
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
    box.addEventListener('change', () => {
      this._auto = box.checked;
    });
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
      values,
      rows,
      cols,
      rowLabels:
        cellHeight < 11
          ? undefined
          : Array.from({ length: rows }, (_, i) =>
              wte && this._vocab[i] !== undefined ? visibleToken(this._vocab[i]) : String(i),
            ),
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
      title.append(
        sw,
        document.createTextNode(`${racerName(entry.racer)} · ${t('train.lens.lr', { lr: formatLr(entry.lr) })}`),
      );
      col.append(title);
      col.append(el('h5', '', t('train.lens.step.title')));
      col.append(this._histogram(entry, moved[i], stepBins, 'step'));
      col.append(el('h5', '', t('train.lens.eff.title')));
      col.append(this._histogram(entry, entry.effective, effBins, 'effective-lr'));
      const top = this._topBin(entry, effBins);
      if (top) {
        const note = el(
          'p',
          'hint tr-lens-top',
          t(entry.racer.kind === 'momentum' ? 'train.lens.eff.topMomentum' : 'train.lens.eff.top', top),
        );
        note.dataset.bin = top.bin;
        col.append(note);
      }
      const figs = el('div', 'tr-lens-figs');
      if (entry.m) {
        figs.append(
          this._heatmap(t('train.lens.m'), entry.m, 'diverging'),
          this._heatmap(t('train.lens.v'), entry.v, 'sequential'),
        );
        col.append(figs);
        if (this._param === 'transformer.wte.weight') col.append(el('p', 'hint', t('train.lens.wteHint')));
        col.append(this._adamFormula(entry, d.step), this._biasTable(entry, d.step));
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
    this._body.replaceChildren(
      el('p', 'hint', t('train.lens.step.explain')),
      el('p', 'hint', t('train.lens.eff.explain')),
      grid,
    );
    if (s) this.dataset.step = String(d.step);
  }

  /** A histogram (tf-bar-chart) of `values` on shared `bins`, the bin holding the racer's lr marked ▶. */
  _histogram(entry, values, bins, kind) {
    const counts = histogram(values, bins);
    const chart = document.createElement('tf-bar-chart');
    chart.setAttribute('compact', '');
    chart.setAttribute(
      'label',
      `${racerName(entry.racer)}: ${t(kind === 'step' ? 'train.lens.step.title' : 'train.lens.eff.title')}`,
    );
    const lrBin = bins.findIndex((b) => b.k === Math.round(Math.log10(entry.lr) * BINS_PER_DECADE));
    const total = values.length || 1;
    chart.data = {
      labels: [...bins.map((b) => b.label), t(kind === 'step' ? 'train.lens.step.zero' : 'train.lens.eff.zero')],
      values: Float32Array.from(counts),
      highlight: lrBin,
      muted: [bins.length],
      format: (v) =>
        t('train.lens.eff.count', { n: v, pct: ((100 * v) / total).toFixed(v / total < 0.01 && v > 0 ? 1 : 0) }),
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

  /**
   * Adam's step in MathML, then with the numbers of the weight with the largest v̂ (the table's first row): the
   * engine's m, m̂, v, v̂ and this step's change Δθ, the racer's learning rate η and the step t. AdamW's decoupled
   * weight decay λθ is written too (θ itself is not read, so it stays a symbol).
   */
  _adamFormula(entry, step) {
    const order = Array.from(entry.vHat.keys())
      .filter((i) => entry.vHat[i] > 0)
      .sort((a, b) => entry.vHat[b] - entry.vHat[a]);
    const i = order[0];
    const adamw = entry.racer.kind === 'adamw';
    const f = (v) => formatValue(v);
    const eta = mi('η'),
      eps = mi('ε');
    const ratio = (m, v) => frac(m, row(sqrt(v), mo('+'), eps.cloneNode(true)));
    const decay = (lambda) => (adamw ? [mo('+'), lambda, mi('θ')] : []);
    const step1 = (m, v, lambda) =>
      adamw ? [eta.cloneNode(true), paren(ratio(m, v), ...decay(lambda))] : [eta.cloneNode(true), mo('·'), ratio(m, v)];
    const corr = (x, beta) => [
      hat(x),
      mo('='),
      frac(mi(x), row(mn('1'), mo('−'), sup(sub(mi('β'), mn(beta)), mi('t')))),
    ];
    const lines = [
      math(mi('Δ'), mi('θ'), mo('='), mo('−'), ...step1(hat('m'), hat('v'), mi('λ'))),
      math(...corr('m', '1')),
      math(...corr('v', '2')),
    ];
    const box = formulaBox('tr-adam-formula', ...lines);
    if (i === undefined || step === 0) return box;
    const lr = num(entry.lr, formatLr);
    const corrNum = (x, raw, fixed, beta) => [
      hat(x),
      mo('='),
      frac(num(raw, f), row(mn('1'), mo('−'), sup(mn(beta), mn(String(step))))),
      mo('='),
      num(fixed, f),
    ];
    box.append(
      math(
        mi('Δ'),
        mi('θ'),
        mo('='),
        mo('−'),
        ...(adamw
          ? [lr, paren(ratio(num(entry.mHat[i], f), num(entry.vHat[i], f)), ...decay(num(ADAMW_WEIGHT_DECAY, f)))]
          : [lr, mo('·'), ratio(num(entry.mHat[i], f), num(entry.vHat[i], f))]),
        mo('='),
        num(entry.update[i], f),
      ),
    );
    box.append(
      math(...corrNum('m', entry.m[i], entry.mHat[i], '0.9')),
      math(...corrNum('v', entry.v[i], entry.vHat[i], '0.999')),
    );
    box.append(
      el(
        'p',
        'math-where',
        t(adamw ? 'train.lens.formula.whereW' : 'train.lens.formula.where', { i, step, lr: formatLr(entry.lr) }),
      ),
    );
    Object.assign(box.dataset, {
      weight: String(i),
      m: String(entry.m[i]),
      mHat: String(entry.mHat[i]),
      v: String(entry.v[i]),
      vHat: String(entry.vHat[i]),
      update: String(entry.update[i]),
      step: String(step),
    });
    return box;
  }

  /** Three real weights (largest, middle, smallest v̂): m, m̂, v, v̂, the change and the step size. */
  _biasTable(entry, step) {
    const box = el('details', 'tr-bias');
    box.append(el('summary', '', t('train.lens.bias.title')));
    box.append(el('p', 'hint', t('train.lens.bias.explain')));
    if (step === 0) return box;
    const order = Array.from(entry.vHat.keys())
      .filter((i) => entry.vHat[i] > 0)
      .sort((a, b) => entry.vHat[b] - entry.vHat[a]);
    if (!order.length) return box;
    const picks = [
      ['big', order[0]],
      ['mid', order[Math.floor(order.length / 2)]],
      ['small', order[order.length - 1]],
    ];
    const table = el('table', 'tr-bias-table');
    const head = el('tr');
    for (const key of ['which']) head.append(el('th', '', t(`train.lens.bias.${key}`)));
    for (const text of [
      'm',
      'm̂',
      t('train.lens.bias.ratio'),
      'v',
      'v̂',
      t('train.lens.bias.vratio'),
      t('train.lens.bias.step'),
      t('train.lens.bias.eff'),
    ])
      head.append(el('th', '', text));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    for (const [kind, i] of picks) {
      const tr = el('tr');
      tr.append(el('td', '', t(`train.lens.bias.${kind}`, { i })));
      const ratio = (a, b) => (b !== 0 ? `×${formatValue(a / b)}` : '—');
      for (const text of [
        formatValue(entry.m[i]),
        formatValue(entry.mHat[i]),
        ratio(entry.mHat[i], entry.m[i]),
        formatValue(entry.v[i]),
        formatValue(entry.vHat[i]),
        ratio(entry.vHat[i], entry.v[i]),
        formatValue(Math.abs(entry.update[i])),
        formatValue(entry.effective[i]),
      ])
        tr.append(el('td', '', text));
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
    return this._data
      ? { step: this._data.step, param: this._data.param, racers: this._data.racers.map((r) => r.racer.kind) }
      : null;
  }
}

customElements.define('tf-optimizer-lens', TfOptimizerLens);
