// Stages 5 and 7 — Add & Norm (attribute which = 1 after attention, 2 after the feed-forward block):
// input + sublayer output = sum (three heatmaps), then LayerNorm of one chosen token (its vector
// before and after, with the mean and spread of the engine's numbers), and where the norm sits:
// pre-LN (GPT-2) vs post-LN (the original paper), with this model's placement (config.norm) marked, and a
// switch that emits 'whatif' so the page shows a model trained with the other placement beside this one.
// A pure view: it draws `this.data` from its controller (web/controllers/stage-addnorm.js: the four tensors, the
// engine's layer-norm terms of every row, γ and β); picking a token or a dimension needs no new data.
//
// Which recorded tensors (see src/model/model.cpp, addnorm-tensors.js):
//   pre-LN  ①  x = h{l-1}.out | embed.sum,  Attn = h{l}.attn.proj, sum = h{l}.residual_1, LN = h{l}.ln_2
//           ②  x = h{l}.residual_1,         FFN = h{l}.mlp.out,    sum = h{l}.residual_2, LN = h{l+1}.ln_1 | ln_f
//   post-LN ①  x = h{l-1}.out | embed.sum,  Attn = h{l}.attn.proj, sum = h{l}.residual_1, LN = h{l}.ln_1
//           ②  x = h{l}.ln_1,               FFN = h{l}.mlp.out,    sum = h{l}.residual_2, LN = h{l}.ln_2 (= h{l}.out)
import { registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import { StageView } from './base.js';
import { button, ensureStyle, fitCanvas, formatValue, heatmapFigure, onWidthChange, tokenPicker } from './stage-kit.js';
import { whatifPanel } from './whatif-panel.js';
import { formulaBox, frac, math, mi, mn, mo, num, paren, row, signed, sqrt, sub, sup } from '../mathml.js';
import ko from '../../i18n/stages/addnorm.ko.js';
import en from '../../i18n/stages/addnorm.en.js';

registerStrings({ ko, en });

/** A caption number: 3 decimals (a mean of 2e-10 reads as 0.000, not as an exponent). */
function caption(v) {
  const s = v.toFixed(3);
  return s === '-0.000' ? '0.000' : s;
}

const POS = '#e08214',
  NEG = '#4393c3';

/**
 * One token's vector as a column strip on a canvas, with its mean (dashed) and mean ± std (band). `stats` = {mean,
 * std} of the vector from the engine (its layer-norm statistics: tinyformer.layerNormTerms, in the view's data).
 */
class VectorStrip {
  constructor(values, stats, onCursor) {
    this.values = values;
    this.stats = stats;
    this.limit = 1;
    this.cursor = -1;
    this.onCursor = onCursor;
    this.canvas = document.createElement('canvas');
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.addEventListener('pointermove', (e) => {
      const i = this._index(e);
      if (i !== this.cursor) this.onCursor(i);
    });
    this.canvas.addEventListener('pointerleave', () => this.onCursor(-1));
    this.canvas.addEventListener('keydown', (e) => {
      const n = this.values.length;
      const step = { ArrowLeft: -1, ArrowRight: 1, Home: -n, End: n }[e.key];
      if (step === undefined) return;
      e.preventDefault();
      this.onCursor(Math.min(n - 1, Math.max(0, this.cursor < 0 ? 0 : this.cursor + step)));
    });
  }
  _index(e) {
    if (!this.layout) return -1;
    const rect = this.canvas.getBoundingClientRect();
    const i = Math.floor((e.clientX - rect.left - this.layout.left) / this.layout.bw);
    return i >= 0 && i < this.values.length ? i : -1;
  }
  draw() {
    const { ctx, w, h } = fitCanvas(this.canvas, 150, 560);
    const left = 46,
      right = 6,
      top = 8,
      bottom = 20;
    const n = this.values.length;
    const bw = (w - left - right) / n;
    const L = this.limit;
    const y = (v) => top + ((L - v) / (2 * L)) * (h - top - bottom);
    this.layout = { left, bw };
    ctx.clearRect(0, 0, w, h);
    const { mean, std } = this.stats;
    ctx.fillStyle = 'rgba(33, 102, 172, 0.14)';
    const b0 = y(Math.min(L, mean + std)),
      b1 = y(Math.max(-L, mean - std));
    ctx.fillRect(left, b0, w - left - right, b1 - b0);
    ctx.strokeStyle = '#8a8a96';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(left, y(0));
    ctx.lineTo(w - right, y(0));
    ctx.stroke();
    for (let i = 0; i < n; i++) {
      const v = Math.max(-L, Math.min(L, this.values[i]));
      ctx.fillStyle = v < 0 ? NEG : POS;
      const x = left + i * bw + Math.max(0.5, bw * 0.12);
      ctx.fillRect(x, Math.min(y(0), y(v)), Math.max(1, bw * 0.76), Math.abs(y(v) - y(0)));
    }
    if (this.cursor >= 0) {
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2;
      ctx.strokeRect(left + this.cursor * bw + 0.5, top, bw - 1, h - top - bottom);
    }
    ctx.strokeStyle = '#111';
    ctx.setLineDash([5, 4]);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(left, y(mean));
    ctx.lineTo(w - right, y(mean));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#333';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    const tick = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(2));
    ctx.fillText(tick(L), left - 4, y(L));
    ctx.fillText('0', left - 4, y(0));
    ctx.fillText(tick(-L), left - 4, y(-L));
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText('0', left + bw / 2, h - bottom + 4);
    ctx.fillText(String(n - 1), left + (n - 0.5) * bw, h - bottom + 4);
  }
}

class TfStageAddNorm extends StageView {
  /** What this view remembers across re-renders and stage switches (kept in the page's store: StageView.memory). */
  static memoryDefaults = { token: -1, text: null, sameScale: false, dim: 0 };

  /** The recorded tensors on screen: {input, sub, sum, norm} (names), and the chosen token. */
  get tensorNames() {
    return this._names ? { ...this._names } : null;
  }
  get selectedToken() {
    return this.memory.token;
  }

  connectedCallback() {
    super.connectedCallback();
    this._unwatch = onWidthChange(this, () => this._tensors && this._drawNorm());
  }
  disconnectedCallback() {
    super.disconnectedCallback();
    this._unwatch?.();
  }

  render() {
    ensureStyle();
    const { labels, layer, tokens, text } = this.state;
    const { which, names, tensors, C } = this.data;
    const pre = this.data.norm === 'pre';
    const T = tokens.length;
    if (this.memory.text !== text || this.memory.token < 0 || this.memory.token >= T) this.memory.token = T - 1;
    this.memory.text = text;
    const dims = this.dims(C);
    this.classList.add('tfo');

    // ① add: input + sublayer = sum
    const inputTitle = which === 1 ? t('addnorm.input.layer') : t(pre ? 'addnorm.input.sum1' : 'addnorm.input.norm1');
    const subTitle = t(which === 1 ? 'addnorm.sub.attn' : 'addnorm.sub.ffn');
    const figs = [
      ['input', inputTitle],
      ['sub', subTitle],
      ['sum', t('addnorm.sum')],
    ].map(([key, title]) => {
      // no column header here: 32 numbers in three narrow tables would overlap (the readout names the column)
      const fig = heatmapFigure({
        title,
        name: names[key],
        values: tensors[key].data,
        rows: T,
        cols: C,
        rowLabels: labels,
        colLabels: [],
        cell: 10,
      });
      fig.dataset.part = key;
      return fig;
    });
    const eq = el('div', 'tfo-eq');
    eq.append(figs[0], el('div', 'tfo-op', '+'), figs[1], el('div', 'tfo-op', '='), figs[2]);
    for (const fig of figs) {
      const h = fig.querySelector('tf-heatmap');
      let row = -1;
      h.addEventListener('cell-hover', (e) => {
        row = e.detail.row;
      });
      h.addEventListener('click', () => row >= 0 && this._pick(row));
      h.addEventListener('keydown', (e) => {
        if ((e.key === 'Enter' || e.key === ' ') && row >= 0) {
          e.preventDefault();
          this._pick(row);
        }
      });
    }

    // ② LayerNorm of the chosen token
    this._picker = tokenPicker(tokens, this.memory.token, (i) => this._pick(i));
    this._normBox = el('div', 'tfo-norm-detail');
    const scale = el('label', '');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = this.memory.sameScale;
    box.className = 'tfo-same-scale';
    box.addEventListener('change', () => {
      this.memory.sameScale = box.checked;
      this._drawNorm();
    });
    scale.append(box, document.createTextNode(` ${t('addnorm.sameScale')}`));

    const normAll = heatmapFigure({
      title: t('addnorm.normAll'),
      name: names.norm,
      values: tensors.norm.data,
      rows: T,
      cols: C,
      rowLabels: labels,
      colLabels: dims,
    });
    normAll.dataset.part = 'norm';

    this.replaceChildren(
      el('h3', '', `${t('addnorm.add.title')} · ${t('stage.layerOption', { n: layer + 1 })}`),
      el('p', 'explain', t(which === 1 ? 'addnorm.add.explain1' : 'addnorm.add.explain2')),
      formulaBox('tfo-add-formula', math(mi('x'), mo('+'), mi(which === 1 ? 'Attn' : 'FFN'), paren(mi('x')))),
      eq,
      el('h3', '', t('addnorm.norm.title')),
      el('p', 'explain', t('addnorm.norm.explain', { C })),
      (this._lnFormula = el('div', 'tfo-ln-math')),
      el('p', 'hint', t('addnorm.pick')),
      this._picker,
      el('div', 'tfo-controls', ''),
      this._normBox,
      normAll,
      this._placement(which, layer),
    );
    this.querySelector('.tfo-controls').append(scale);
    this._tensors = tensors;
    this._names = names;
    this._pick(this.memory.token);
  }

  _pick(row) {
    this.memory.token = row;
    if (this._picker) this._picker.selected = row;
    for (const h of this.querySelectorAll('tf-heatmap')) h.highlight = { row };
    this._drawNorm();
  }

  /** The before/after strips of the chosen token, with their mean and spread. */
  _drawNorm() {
    const { tokens } = this.state;
    const { C, sumTerms, normTerms } = this.data;
    const r = this.memory.token;
    const before = this._tensors.sum.data.subarray(r * C, (r + 1) * C);
    const after = this._tensors.norm.data.subarray(r * C, (r + 1) * C);
    const readout = el('div', 'tfo-readout', t('addnorm.stripHint'));
    readout.setAttribute('aria-live', 'polite');
    const strips = [];
    const setCursor = (i) => {
      for (const s of strips) {
        s.cursor = i;
        s.draw();
      }
      if (i >= 0) this._drawFormula(i);
      readout.textContent =
        i < 0
          ? t('addnorm.stripHint')
          : t('addnorm.readout', { i, before: formatValue(before[i]), after: formatValue(after[i]) });
    };
    // mean and spread of each vector: the engine's layer-norm statistics of this row (σ = √σ²)
    const stats = (terms) => ({ mean: terms.mean[r], std: Math.sqrt(terms.variance[r]) });
    const b = new VectorStrip(before, stats(sumTerms), setCursor),
      a = new VectorStrip(after, stats(normTerms), setCursor);
    strips.push(b, a);
    const maxAbs = (v) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 1e-6);
    if (this.memory.sameScale) b.limit = a.limit = Math.max(maxAbs(before), maxAbs(after));
    else {
      b.limit = maxAbs(before);
      a.limit = maxAbs(after);
    }
    const tok = visibleToken(tokens[r].text);
    const panel = (strip, title, which) => {
      const fig = el('figure', 'tfo-strip');
      fig.dataset.part = which;
      fig.append(el('figcaption', '', title));
      const stat = el('div', 'tfo-stat');
      stat.dataset.mean = String(strip.stats.mean);
      stat.dataset.std = String(strip.stats.std);
      stat.append(
        el('span', '', t('addnorm.stats', { mean: caption(strip.stats.mean), std: caption(strip.stats.std) })),
      );
      strip.canvas.setAttribute('aria-label', `${title}: ${stat.textContent}`);
      fig.append(stat, strip.canvas);
      return fig;
    };
    const row = el('div', 'tfo-row');
    row.append(panel(b, t('addnorm.before', { tok }), 'before'), panel(a, t('addnorm.after'), 'after'));
    const legend = el('div', 'tfo-legend');
    const item = (cls, text) => {
      const s = el('span', '');
      s.append(el('i', cls), document.createTextNode(text));
      return s;
    };
    legend.append(item('mean', t('addnorm.legend.mean')), item('band', t('addnorm.legend.band')));
    const s = a.stats;
    const ok = Math.abs(s.mean) < 0.05 && Math.abs(s.std - 1) < 0.05;
    const note = el(
      'p',
      `tfo-note${ok ? ' ok' : ''}`,
      ok ? t('addnorm.ok') : t('addnorm.gamma', { mean: caption(s.mean), std: caption(s.std) }),
    );
    this._normBox.replaceChildren(row, legend, readout, note);
    b.draw();
    a.draw();
    this._drawFormula(Math.min(this.memory.dim, C - 1));
  }

  /**
   * LN(x)_k = (x_k − μ) ÷ √(σ² + ε) · γ_k + β_k in MathML, then with the chosen token's numbers at dimension k:
   * x_k and LN(x)_k from the recorded tensors, μ and σ² from the engine (tinyformer.layerNormTerms of the same vector),
   * γ_k and β_k from the model's parameters (all in the view's data).
   */
  _drawFormula(k) {
    this.memory.dim = k;
    const { tokens } = this.state;
    const { C, eps, param, sumTerms } = this.data;
    const r = this.memory.token;
    const x = this._tensors.sum.data.subarray(r * C, (r + 1) * C);
    const out = this._tensors.norm.data[r * C + k];
    const terms = { mean: sumTerms.mean[r], variance: sumTerms.variance[r] };
    const gamma = this.data.gamma[k];
    const beta = this.data.beta ? this.data.beta[k] : null;
    const f = (v) => formatValue(v);
    const xk = sub(mi('x'), mi('k'));
    const lnk = sub(row(mi('LN'), mo('('), mi('x'), mo(')')), mi('k'));
    const symbols = [
      lnk,
      mo('='),
      frac(row(xk, mo('−'), mi('μ')), sqrt(sup(mi('σ'), mn('2')), mo('+'), mi('ε'))),
      mo('·'),
      sub(mi('γ'), mi('k')),
      ...(beta === null ? [] : [mo('+'), sub(mi('β'), mi('k'))]),
    ];
    const numbers = [
      sub(row(mi('LN'), mo('('), mi('x'), mo(')')), mn(String(k))),
      mo('='),
      frac(row(num(x[k], f), mo('−'), signed(terms.mean, f)), sqrt(num(terms.variance, f), mo('+'), num(eps, f))),
      mo('·'),
      signed(gamma, f),
      ...(beta === null ? [] : [mo('+'), signed(beta, f)]),
      mo('='),
      num(out, f),
    ];
    const box = formulaBox('tfo-ln-formula', math(...symbols), math(...numbers));
    box.append(el('p', 'math-where', t('addnorm.formula.where', { tok: visibleToken(tokens[r].text), k, C })));
    Object.assign(box.dataset, {
      token: String(r),
      dim: String(k),
      x: String(x[k]),
      mean: String(terms.mean),
      variance: String(terms.variance),
      gamma: String(gamma),
      beta: String(beta ?? 0),
      out: String(out),
      param,
    });
    this._lnFormula.replaceChildren(box);
  }

  /** Pre-LN vs post-LN, with this model's placement marked. */
  _placement(which, layer) {
    const { norm, nLayer } = this.data;
    const layerName = mi(which === 1 ? 'Attn' : 'FFN');
    const subName = t(which === 1 ? 'addnorm.attn' : 'addnorm.ffn');
    const flow = (steps) => {
      const f = el('div', 'tfo-flow');
      steps.forEach((s, i) => {
        if (i) f.append(el('span', 'tfo-arr', '→'));
        f.append(el('span', `tfo-node ${s[1] ?? ''}`, s[0]));
      });
      return f;
    };
    const card = (kind) => {
      const current = norm === kind;
      const c = el('div', `tfo-norm${current ? ' current' : ''}`);
      c.dataset.norm = kind;
      const h = el('h4', '', t(`addnorm.${kind}.name`));
      if (current) h.append(el('span', 'tfo-badge', t('addnorm.current')));
      c.append(h);
      const ln = (...xs) => row(mi('LN'), paren(...xs));
      c.append(
        formulaBox(
          'tfo-place-formula',
          kind === 'pre'
            ? math(mi('x'), mo('+'), layerName.cloneNode(true), paren(ln(mi('x'))))
            : math(ln(mi('x'), mo('+'), layerName.cloneNode(true), paren(mi('x')))),
        ),
      );
      c.append(
        kind === 'pre'
          ? flow([['x'], ['LN', 'ln'], [subName, 'sub'], ['+ x', 'add'], [t('addnorm.next')]])
          : flow([['x'], [subName, 'sub'], ['+ x', 'add'], ['LN', 'ln'], [t('addnorm.next')]]),
      );
      c.append(el('p', '', t(`addnorm.${kind}.explain`, { sub: subName })));
      return c;
    };
    const wrap = el('section', 'tfo-where');
    const cards = el('div', 'tfo-norms');
    cards.append(card('pre'), card('post'));
    let now;
    if (norm === 'pre') {
      now =
        which === 1
          ? t('addnorm.now.pre1')
          : t('addnorm.now.pre2', { next: t(layer + 1 < nLayer ? 'addnorm.next.layer' : 'addnorm.next.final') });
    } else now = t(which === 1 ? 'addnorm.now.post1' : 'addnorm.now.post2');
    wrap.append(el('h3', '', t('addnorm.where.title')), cards, el('p', 'tfo-note', now));
    const whatif = this.state.whatif;
    if (whatif) {
      // what if the norm sat elsewhere: the page loads a model trained that way and compares predictions
      const seg = el('div', 'tfo-seg');
      seg.setAttribute('role', 'group');
      seg.setAttribute('aria-label', t('whatif.norm.switch'));
      for (const kind of ['pre', 'post']) {
        const b = button(t(`addnorm.${kind}.name`), () => {
          this.dispatchEvent(new CustomEvent('whatif', { bubbles: true, detail: { setting: 'norm', value: kind } }));
          this.querySelector(`.tfo-where [data-norm-switch="${kind}"]`)?.focus();
        });
        b.dataset.normSwitch = kind;
        b.setAttribute('aria-pressed', String(whatif.value === kind));
        seg.append(b);
      }
      wrap.append(
        el('h4', '', t('whatif.norm.switch')),
        seg,
        whatifPanel(whatif, (v) => t(`addnorm.${v}.name`)),
      );
    }
    return wrap;
  }
}
customElements.define('tf-stage-addnorm', TfStageAddNorm);
