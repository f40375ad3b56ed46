// Stage 6 — Feed forward (MLP): widen each token's vector (c_fc), pass it through an activation,
// fold it back (c_proj). The learner switches the activation and sees its curve (tinyformer.applyActivation,
// the engine's own kernel) over this sentence's real pre-activations (h{l}.mlp.pre), and how many
// units "fire" — output above a threshold θ — per token and overall. The model itself was trained
// with config.activation; any other choice shows what that function would do to the same inputs, and
// (through the page's 'whatif' controller) how a model trained with it predicts this sentence.
// A pure view: it draws `this.data` from its controller (web/controllers/stage-ffn.js: the recorded tensors, every
// activation applied by the engine to them and to the curve's samples); a flip, θ or the x range needs no new data.
import { registerStrings, t } from '../../i18n/index.js';
import ko from '../../i18n/stages/ffn.ko.js';
import en from '../../i18n/stages/ffn.en.js';
import { el } from '../labels.js';
import { StageView } from './base.js';
import { button, ensureStyle, fitCanvas, formatValue, heatmapFigure, onWidthChange } from './stage-kit.js';
import { whatifPanel } from './whatif-panel.js';

registerStrings({ ko, en });

const NAMES = { relu: 'ReLU', gelu: 'GELU', gelu_tanh: 'GELU (tanh)', sigmoid: 'sigmoid', tanh: 'tanh', silu: 'SiLU' };

/** Counts values the engine returned that are above θ: overall and per row of F. */
export function countFiring(values, rows, F, theta) {
  const perRow = new Int32Array(rows);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    let n = 0;
    for (let j = r * F; j < (r + 1) * F; j++) if (values[j] > theta) n++;
    perRow[r] = n;
    total += n;
  }
  return { total, perRow };
}

const pct = (share) => `${(100 * share).toFixed(1)}%`;

class TfStageFfn extends StageView {
  /** What this view remembers across re-renders and stage switches (kept in the page's store: StageView.memory). */
  static memoryDefaults = { theta: 0.1, fit: false };

  /** What is on screen, for tests and linked views. */
  get activation() {
    return this._act;
  }
  get threshold() {
    return this.memory.theta;
  }
  /** The drawn curve: {xs, ys} with ys = tinyformer.applyActivation(activation, xs) (from the controller). */
  get curve() {
    return this._curve ? { xs: this._curve.xs, ys: this._curve.ys } : null;
  }
  /** Units above θ: {total, perRow (per token), units (T·F)}. */
  get firing() {
    return this._fire
      ? { total: this._fire.total, perRow: Array.from(this._fire.perRow), units: this._T * this._F }
      : null;
  }

  connectedCallback() {
    super.connectedCallback();
    this._unwatch = onWidthChange(this, () => this._curve && this._drawCurve());
  }
  disconnectedCallback() {
    super.disconnectedCallback();
    this._unwatch?.();
  }

  render() {
    ensureStyle();
    this.classList.add('tfo');
    const { tokens } = this.state;
    const { trained, list, C, F, pre } = this.data;
    // the switch opens on the model's own activation; the page's "what if" controller remembers a flip
    const chosen = this.state.whatif?.value ?? trained;
    this._act = list.includes(chosen) ? chosen : trained;
    this._pre = pre;
    this._T = tokens.length;
    this._F = F;
    this._list = list;
    // the data range, for the "fit" zoom: a round number just above the largest |x| (the controller's)
    this._fitRange = this.data.fitRange;

    const shape = el('div', 'tfo-flow');
    [[`${C}`], [`${F}`, 'sub'], [NAMES[trained], 'ln'], [`${F}`, 'sub'], [`${C}`]].forEach((s, i) => {
      if (i)
        shape.append(
          el('span', 'tfo-arr', ['', `${t('ffn.widen')} (c_fc) →`, '→', '→', `${t('ffn.fold')} (c_proj) →`][i]),
        );
      shape.append(el('span', `tfo-node ${s[1] ?? ''}`, s[0]));
    });

    // activation switch
    this._seg = el('div', 'tfo-seg');
    this._seg.setAttribute('role', 'group');
    this._seg.setAttribute('aria-label', t('ffn.act.title'));
    for (const kind of list) {
      const b = button(NAMES[kind], () => {
        this.dispatchEvent(
          new CustomEvent('whatif', { bubbles: true, detail: { setting: 'activation', value: kind } }),
        );
        this._seg.querySelector(`[data-act="${kind}"]`)?.focus();
      });
      b.dataset.act = kind;
      if (kind === trained) b.append(el('span', 'tfo-badge', t('ffn.trainedWith')));
      this._seg.append(b);
    }
    this._desc = el('p', 'hint');
    this._modelNote = el('p', 'tfo-note');

    // x range and threshold
    const controls = el('div', 'tfo-controls');
    this._rangeSeg = el('div', 'tfo-seg');
    this._rangeSeg.setAttribute('role', 'group');
    this._rangeSeg.setAttribute('aria-label', t('ffn.range'));
    const full = button(t('ffn.range.full'), () => {
      this.memory.fit = false;
      this._update();
    });
    full.dataset.range = 'full';
    const fit = button(t('ffn.range.data', { r: this._fitRange }), () => {
      this.memory.fit = true;
      this._update();
    });
    fit.dataset.range = 'fit';
    this._rangeSeg.append(full, fit);
    const rangeLabel = el('span', '', `${t('ffn.range')}:`);
    const thrLabel = el('label', '');
    const thr = document.createElement('input');
    thr.type = 'range';
    thr.min = '0';
    thr.max = '1';
    thr.step = '0.05';
    thr.value = String(this.memory.theta);
    thr.className = 'tfo-theta';
    const thrOut = el('output', '', this.memory.theta.toFixed(2));
    thr.addEventListener('input', () => {
      this.memory.theta = Number(thr.value);
      thrOut.textContent = this.memory.theta.toFixed(2);
      this._update();
    });
    thrLabel.append(el('span', '', t('ffn.thr')), thr, thrOut);
    const rangeBox = el('div', 'tfo-controls');
    rangeBox.append(rangeLabel, this._rangeSeg);
    controls.append(rangeBox, thrLabel);

    // curve
    this._curveTitle = el('h3', '');
    this._canvas = document.createElement('canvas');
    this._canvas.tabIndex = 0;
    this._canvas.setAttribute('role', 'img');
    this._canvas.className = 'tfo-curve';
    this._legend = el('div', 'tfo-legend');
    this._readout = el('div', 'tfo-readout');
    this._readout.setAttribute('aria-live', 'polite');
    this._cursor = -1;
    this._canvas.addEventListener('pointermove', (e) => this._hover(e));
    this._canvas.addEventListener('pointerleave', () => this._setCursor(-1));
    this._canvas.addEventListener('keydown', (e) => {
      const n = this._curve.xs.length;
      const step = { ArrowLeft: -1, ArrowRight: 1, PageDown: -10, PageUp: 10, Home: -n, End: n }[e.key];
      if (step === undefined) return;
      e.preventDefault();
      this._setCursor(Math.min(n - 1, Math.max(0, this._cursor < 0 ? (n - 1) / 2 : this._cursor + step)));
    });

    // firing
    this._fireBig = el('div', 'tfo-big');
    this._fireBig.classList.add('tfo-fire-overall');
    this._fireText = el('div', 'hint');
    this._perToken = document.createElement('tf-bar-chart');
    this._perToken.classList.add('tfo-fire-tokens');
    this._perTokenTitle = el('h4', '');
    this._compare = el('div', 'tfo-scroll');

    this._heat = el('div', 'tfo-heats');

    this.replaceChildren(
      el('h3', '', t('ffn.shape.title')),
      el('p', 'explain', t('ffn.shape', { C, F })),
      shape,
      el('h3', '', t('ffn.act.title')),
      this._seg,
      this._desc,
      this._modelNote,
      ...(this.state.whatif ? [whatifPanel(this.state.whatif, (v) => NAMES[v] ?? v)] : []),
      this._curveTitle,
      controls,
      this._canvas,
      this._legend,
      this._readout,
      el('h3', '', t('ffn.fire.title')),
      el('p', 'explain', t('ffn.fire.explain')),
      this._fireBig,
      this._fireText,
      el('div', 'tfo-row'),
      this._heat,
    );
    const row = this.querySelector('.tfo-row');
    const left = el('div', '');
    left.append(this._perTokenTitle, this._perToken);
    const right = el('div', '');
    right.append(this._compare);
    row.append(left, right);
    this._update();
  }

  /** Everything that depends on the chosen activation, θ or the x range. */
  _update() {
    const { layer, labels } = this.state;
    const { trained, applied: appliedBy, curves, C } = this.data;
    const act = this._act;
    const theta = this.memory.theta;
    const T = this._T,
      F = this._F;
    this.dataset.act = act;
    for (const b of this._seg.children) b.setAttribute('aria-pressed', String(b.dataset.act === act));
    for (const b of this._rangeSeg.children)
      b.setAttribute('aria-pressed', String((b.dataset.range === 'fit') === this.memory.fit));
    this._desc.textContent = t(`ffn.desc.${act}`);

    // the engine applied the chosen activation to this sentence's pre-activations
    const applied = appliedBy[act];
    this._applied = applied;
    const name = `h${layer}.mlp.act`;
    if (act === trained) {
      this._modelNote.className = 'tfo-note ok';
      this._modelNote.textContent = `${t('ffn.same', { act: NAMES[act], name })}${this.data.sameAsRecorded ? `  ${t('ffn.same.check')}` : ''}`;
    } else {
      this._modelNote.className = 'tfo-note';
      this._modelNote.textContent = t('ffn.other', { act: NAMES[act], trained: NAMES[trained] });
    }

    // the curves: x samples in the range, f(x) from the engine's kernel
    const curve = curves[this.memory.fit ? 'fit' : 'full'];
    this._curve = {
      xs: curve.xs,
      ys: curve.ys[act],
      trainedYs: act === trained ? null : curve.ys[trained],
      R: curve.R,
    };
    this._curveTitle.textContent = t('ffn.curve.title', { act: NAMES[act] });
    this._drawCurve();
    const item = (cls, text) => {
      const s = el('span', '');
      s.append(el('i', cls), document.createTextNode(text));
      return s;
    };
    this._legend.replaceChildren(
      item('', t('ffn.curve.legend.curve', { act: NAMES[act] })),
      ...(act === trained ? [] : [item('trained', t('ffn.curve.legend.trained', { act: NAMES[trained] }))]),
      item('hist', t('ffn.curve.legend.hist', { n: T * F })),
      item('thr', `${t('ffn.curve.legend.thr')} = ${theta.toFixed(2)}`),
      el('span', '', t('ffn.curve.dots')),
      ...(this._outside ? [el('span', '', t('ffn.curve.outside', { n: this._outside }))] : []),
    );
    if (!this.memory.fit && this._fitRange <= 1)
      this._legend.append(el('strong', 'tfo-squeezed', t('ffn.curve.squeezed', { r: this._fitRange })));
    if (this._cursor < 0) this._readout.textContent = t('ffn.curve.hint');
    else this._setCursor(this._cursor);

    // firing: count the engine's outputs above θ
    const fire = countFiring(applied, T, F, theta);
    this._fire = fire;
    this._fireBig.textContent = pct(fire.total / (T * F));
    this._fireBig.dataset.share = String(fire.total / (T * F));
    this._fireText.textContent = `${t('ffn.fire.overall', { n: fire.total, total: T * F })} · ${NAMES[act]} · θ = ${theta.toFixed(2)}`;
    this._perTokenTitle.textContent = t('ffn.fire.perToken', { F });
    this._perToken.setAttribute('label', t('ffn.fire.perToken', { F }));
    this._perToken.data = {
      labels,
      values: Array.from(fire.perRow, (n) => n / F),
      domain: [0, 1],
      format: pct,
      details: Array.from(fire.perRow, (n) => `${n} / ${F}`),
    };

    // the same inputs under every activation
    const table = document.createElement('table');
    table.className = 'tfo-fire-compare';
    const cap = document.createElement('caption');
    cap.textContent = t('ffn.fire.compare', { thr: theta.toFixed(2) });
    cap.style.textAlign = 'left';
    cap.style.fontWeight = '600';
    const head = document.createElement('tr');
    for (const k of ['act', 'share', 'count']) head.append(el('th', '', t(`ffn.fire.col.${k}`)));
    table.append(cap, head);
    for (const kind of this._list) {
      const n = kind === act ? fire.total : countFiring(appliedBy[kind], T, F, theta).total;
      const tr = document.createElement('tr');
      tr.dataset.act = kind;
      if (kind === act) tr.style.fontWeight = '700';
      tr.append(
        el('td', '', `${kind === act ? '▶ ' : ''}${NAMES[kind]}${kind === trained ? ' *' : ''}`),
        el('td', '', pct(n / (T * F))),
        el('td', '', `${n} / ${T * F}`),
      );
      table.append(tr);
    }
    this._compare.replaceChildren(table, el('p', 'hint', `* ${t('ffn.trainedWith')}`));

    // tables: x, f(x), and the block's real output
    this._heat.replaceChildren(
      el('h3', '', t('ffn.tables')),
      heatmapFigure({
        title: t('ffn.heat.pre'),
        name: `h${layer}.mlp.pre`,
        values: this._pre.data,
        rows: T,
        cols: F,
        rowLabels: labels,
        colLabels: [],
      }),
      heatmapFigure({
        title: t('ffn.heat.act', { act: NAMES[act] }),
        name: act === trained ? name : `${NAMES[act]}(h${layer}.mlp.pre)`,
        values: applied,
        rows: T,
        cols: F,
        rowLabels: labels,
        colLabels: [],
      }),
      heatmapFigure({
        title: t('ffn.heat.out', { act: NAMES[trained] }),
        name: `h${layer}.mlp.out`,
        values: this.data.out.data,
        rows: T,
        cols: C,
        rowLabels: labels,
        colLabels: this.dims(C),
      }),
    );
  }

  _geometry(w, h) {
    const left = 40,
      right = 10,
      top = 10,
      bottom = 24;
    const { ys, trainedYs, R } = this._curve;
    let lo = Math.min(0, this.memory.theta),
      hi = Math.max(0, this.memory.theta);
    for (const arr of [ys, trainedYs])
      if (arr)
        for (const v of arr) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
    const pad = (hi - lo) * 0.08 || 0.5;
    lo -= pad;
    hi += pad;
    return {
      left,
      right,
      top,
      bottom,
      lo,
      hi,
      R,
      X: (x) => left + ((x + R) / (2 * R)) * (w - left - right),
      Y: (y) => top + ((hi - y) / (hi - lo)) * (h - top - bottom),
    };
  }

  _drawCurve() {
    if (!this._canvas.isConnected) return;
    const { ctx, w, h } = fitCanvas(this._canvas, 260, 720);
    const g = this._geometry(w, h);
    this._g = { ...g, w };
    const { xs, ys, trainedYs, R } = this._curve;
    ctx.clearRect(0, 0, w, h);
    // histogram of the real inputs (counting the engine's mlp.pre values into bins)
    const bins = 48,
      counts = new Int32Array(bins);
    let outside = 0;
    for (const v of this._pre.data) {
      if (v < -R || v > R) outside++;
      const b = Math.min(bins - 1, Math.max(0, Math.floor(((v + R) / (2 * R)) * bins)));
      counts[b]++;
    }
    this._outside = outside;
    const maxCount = Math.max(1, ...counts);
    const plotH = h - g.top - g.bottom;
    ctx.fillStyle = '#c7dcef';
    const bw = (w - g.left - g.right) / bins;
    for (let b = 0; b < bins; b++) {
      const bh = (counts[b] / maxCount) * plotH * 0.45;
      ctx.fillRect(g.left + b * bw + 0.5, h - g.bottom - bh, bw - 1, bh);
    }
    // axes
    ctx.strokeStyle = '#8a8a96';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(g.left, g.Y(0));
    ctx.lineTo(w - g.right, g.Y(0));
    ctx.moveTo(g.X(0), g.top);
    ctx.lineTo(g.X(0), h - g.bottom);
    ctx.stroke();
    ctx.fillStyle = '#333';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const f of [-1, -0.5, 0, 0.5, 1]) {
      const x = f * R;
      ctx.fillText(String(+x.toFixed(3)), g.X(x), h - g.bottom + 5);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    const tick = (v) => String(+v.toFixed(2));
    for (const v of niceTicks(g.lo, g.hi)) ctx.fillText(tick(v), g.left - 5, g.Y(v));
    // threshold
    ctx.strokeStyle = '#b35806';
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(g.left, g.Y(this.memory.theta));
    ctx.lineTo(w - g.right, g.Y(this.memory.theta));
    ctx.stroke();
    // the trained activation, for comparison
    if (trainedYs) {
      ctx.strokeStyle = '#5b5b66';
      ctx.lineWidth = 2;
      ctx.beginPath();
      xs.forEach((x, i) => (i ? ctx.lineTo(g.X(x), g.Y(trainedYs[i])) : ctx.moveTo(g.X(x), g.Y(trainedYs[i]))));
      ctx.stroke();
    }
    ctx.setLineDash([]);
    // the chosen activation
    ctx.strokeStyle = '#2166ac';
    ctx.lineWidth = 3;
    ctx.beginPath();
    xs.forEach((x, i) => (i ? ctx.lineTo(g.X(x), g.Y(ys[i])) : ctx.moveTo(g.X(x), g.Y(ys[i]))));
    ctx.stroke();
    // each unit of this sentence: (x, f(x)), both from the engine
    const pre = this._pre.data,
      out = this._applied;
    for (let i = 0; i < pre.length; i++) {
      if (pre[i] < -R || pre[i] > R) continue;
      const on = out[i] > this.memory.theta;
      ctx.fillStyle = on ? 'rgba(179, 88, 6, 0.55)' : 'rgba(33, 102, 172, 0.45)';
      ctx.beginPath();
      ctx.arc(g.X(pre[i]), g.Y(out[i]), 2.6, 0, 2 * Math.PI);
      ctx.fill();
    }
    if (this._cursor >= 0) {
      const x = g.X(xs[this._cursor]),
        y = g.Y(ys[this._cursor]);
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(x, g.top);
      ctx.lineTo(x, h - g.bottom);
      ctx.stroke();
      ctx.fillStyle = '#111';
      ctx.beginPath();
      ctx.arc(x, y, 5, 0, 2 * Math.PI);
      ctx.fill();
    }
    this._canvas.setAttribute('aria-label', t('ffn.curve.title', { act: NAMES[this._act] }));
  }

  _hover(e) {
    if (!this._g) return;
    const rect = this._canvas.getBoundingClientRect();
    const { left, right, w } = this._g;
    const f = (e.clientX - rect.left - left) / (w - left - right);
    this._setCursor(f < 0 || f > 1 ? -1 : Math.round(f * (this._curve.xs.length - 1)));
  }

  _setCursor(i) {
    this._cursor = i;
    this._drawCurve();
    if (i < 0) {
      this._readout.textContent = t('ffn.curve.hint');
      return;
    }
    const { xs, ys } = this._curve;
    this._readout.textContent = t('ffn.curve.readout', {
      x: xs[i].toFixed(2),
      act: NAMES[this._act],
      y: formatValue(ys[i]),
    });
  }
}

/** A few round tick values between lo and hi (always including 0 when it is inside). */
function niceTicks(lo, hi) {
  const span = hi - lo;
  const step = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10].find((s) => span / s <= 6) ?? 10;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.abs(v) < 1e-9 ? 0 : v);
  return out;
}

customElements.define('tf-stage-ffn', TfStageFfn);
