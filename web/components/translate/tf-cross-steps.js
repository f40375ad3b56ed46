// <tf-cross-steps>: one cross-attention sublayer in eight steps on the engine's recorded matrices:
//   ① Q = X_dec·W_Q (decoder), K = memory·W_K, V = memory·W_V (encoder output)   ② Q·Kᵀ   ③ ÷√d
//   ④ padding mask (no causal mask)   ⑤ softmax (rows sum to 1)   ⑥ × V   ⑦ heads concatenated   ⑧ × W_O
//
//   v.data = { T, S, C, H, D, layer, head, rowLabels, colLabels, xdecName, xdec, memory, q, k, v, scores, scaled,
//              masked, probs, headOut, concat, proj, wq, wk, wv, wo, mask, pad, maxPad };
//   v.choice = { layers, heads, layer, head };   // emits `pick` {layer, head}; `pad-change` {pad}
// A pure view: every matrix is an engine tensor or a parameter slice; the only arithmetic is the labelled
// row-sum check and √d from the config.
import './strings.js';
import { onLocaleChange, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import { formatValue } from '../tf-heatmap.js';
import { figure } from '../stages/attention-steps.js';
import { BASE_STYLE, pickers } from './common.js';

const STYLE = `${BASE_STYLE}
  nav { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0.2rem 0 0.6rem; }
  .row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
  .row > * { min-width: 0; }
  figure.att-fig { margin: 0.4rem 0; max-width: 100%; }
  figcaption { font-weight: 600; }
  .att-shape { color: #5b5b66; font-weight: 400; font-variant-numeric: tabular-nums; }
  details { margin: 0.5rem 0; }
  summary { cursor: pointer; color: #2166ac; font-weight: 600; }
  .padbox { display: inline-flex; gap: 0.4rem; align-items: center; }
`;
const STEP_IDS = ['qkv', 'scores', 'scale', 'mask', 'softmax', 'weighted', 'concat', 'proj'];

export class TfCrossSteps extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<style>${STYLE}</style><div class="root"></div>`;
    this._data = null;
    this._choice = null;
    this._step = 'softmax';
  }
  connectedCallback() {
    this._off = onLocaleChange(() => this._render());
  }
  disconnectedCallback() {
    this._off?.();
  }
  set data(d) {
    this._data = d;
    this._render();
  }
  set choice(c) {
    this._choice = c;
    this._render();
  }
  get step() {
    return this._step;
  }
  set step(id) {
    if (STEP_IDS.includes(id)) {
      this._step = id;
      this._render();
    }
  }

  _render() {
    const root = this.shadowRoot.querySelector('.root');
    const d = this._data;
    if (!d || !this._choice) {
      root.replaceChildren();
      return;
    }
    const nav = el('nav');
    nav.setAttribute('aria-label', t('translate.cross.title'));
    STEP_IDS.forEach((id, i) => {
      const b = el('button', '', `${i + 1} ${t(`translate.cross.step.${id}`)}`);
      b.type = 'button';
      b.dataset.step = id;
      b.setAttribute('aria-pressed', String(id === this._step));
      b.addEventListener('click', () => {
        this.step = id;
        this.dispatchEvent(new CustomEvent('step-change', { detail: { step: id }, bubbles: true, composed: true }));
      });
      nav.append(b);
    });
    const padBox = el('label', 'padbox');
    const check = document.createElement('input');
    check.type = 'checkbox';
    check.checked = d.pad > 0;
    check.disabled = d.maxPad < 1 && d.pad === 0;
    check.dataset.pad = '';
    check.addEventListener('change', () =>
      this.dispatchEvent(
        new CustomEvent('pad-change', {
          detail: { pad: check.checked ? Math.min(3, d.maxPad) : 0 },
          bubbles: true,
          composed: true,
        }),
      ),
    );
    padBox.append(
      check,
      document.createTextNode(t('translate.cross.pad', { n: Math.max(1, Math.min(3, d.maxPad || d.pad)) })),
    );
    const top = el('div', 'pickers');
    top.append(pickers(this, { ...this._choice, allowMean: false }), padBox);
    root.replaceChildren(top, nav, ...this[`_${this._step}`](d));
  }

  _fig(d, opts) {
    return figure({
      rowLabels: d.rowLabels,
      colLabels: d.colLabels,
      rowTitle: t('translate.three.rowWriting'),
      colTitle: t('translate.three.colKo'),
      cell: d.S <= 10 ? 40 : 22,
      minCell: 16,
      cellHeight: 26,
      showValues: d.S <= 10,
      head: d.head,
      ...opts,
    });
  }
  _name(d, part) {
    return `dec.h${d.layer}.xattn.${part}`;
  }

  _qkv(d) {
    const { T, S, C, D, head } = d;
    const h = head + 1;
    const dims = t('translate.three.colKo');
    const weights = el('details');
    weights.append(el('summary', '', t('translate.cross.qkv.weights', { h })));
    const wrow = el('div', 'row');
    const pname = `transformer.decoder.layers.${d.layer}.multihead_attn.in_proj_weight`;
    [
      ['q', d.wq],
      ['k', d.wk],
      ['v', d.wv],
    ].forEach(([m, w]) =>
      wrow.append(
        figure({
          title: `W_${m.toUpperCase()}`,
          values: w,
          rows: C,
          cols: D,
          rowLabels: Array.from({ length: C }, (_, c) => String(c)),
          param: pname,
          part: m,
          head,
          cell: 14,
        }),
      ),
    );
    weights.append(wrow);
    return [
      el('p', 'explain', t('translate.cross.qkv.explain', { T, S })),
      el(
        'p',
        'formula',
        `Q = X_dec · W_Q   (${T}×${C}) · (${C}×${D}) = ${T}×${D}\nK = memory · W_K   (${S}×${C}) · (${C}×${D}) = ${S}×${D}\nV = memory · W_V   (${S}×${C}) · (${C}×${D}) = ${S}×${D}`,
      ),
      row(
        figure({
          title: t('translate.cross.qkv.xdec', { name: d.xdecName }),
          values: d.xdec,
          rows: T,
          cols: C,
          rowLabels: d.rowLabels,
          tensor: d.xdecName,
          cell: 12,
        }),
        figure({
          title: t('translate.cross.qkv.memory'),
          values: d.memory,
          rows: S,
          cols: C,
          rowLabels: d.colLabels,
          tensor: 'enc.out',
          cell: 12,
        }),
      ),
      row(
        figure({
          title: `Q · ${t('translate.head.one', { n: h })}`,
          values: d.q,
          rows: T,
          cols: D,
          rowLabels: d.rowLabels,
          tensor: this._name(d, 'q'),
          head,
          cell: 18,
        }),
        figure({
          title: `K · ${t('translate.head.one', { n: h })}`,
          values: d.k,
          rows: S,
          cols: D,
          rowLabels: d.colLabels,
          tensor: this._name(d, 'k'),
          head,
          cell: 18,
          colTitle: dims,
        }),
        figure({
          title: `V · ${t('translate.head.one', { n: h })}`,
          values: d.v,
          rows: S,
          cols: D,
          rowLabels: d.colLabels,
          tensor: this._name(d, 'v'),
          head,
          cell: 18,
        }),
      ),
      weights,
    ];
  }
  _scores(d) {
    const { T, S, D } = d;
    const fig = this._fig(d, { title: 'Q · Kᵀ', values: d.scores, rows: T, cols: S, tensor: this._name(d, 'scores') });
    const pair = el('p', 'formula', '');
    const short = (a, i) => Array.from(a.subarray(i * D, i * D + D), (x) => x.toFixed(2)).join(', ');
    const show = (i, j) => {
      pair.textContent = `Q[${d.rowLabels[i]}] = (${short(d.q, i)})\nK[${d.colLabels[j]}] = (${short(d.k, j)})\n→ ${formatValue(d.scores[i * S + j])}`;
    };
    show(0, Math.min(1, S - 1));
    fig.heatmap.addEventListener('cell-hover', (e) => show(e.detail.row, e.detail.col));
    return [
      el('p', 'explain', t('translate.cross.scores.explain')),
      el('p', 'formula', `scores = Q · Kᵀ   (${T}×${D}) · (${D}×${S}) = ${T}×${S}`),
      fig,
      pair,
    ];
  }
  _scale(d) {
    const sqrt = Math.sqrt(d.D).toFixed(3); // from the config
    return [
      el('p', 'explain', t('translate.cross.scale.explain')),
      el('p', 'formula', `scaled = scores ÷ √d,   d = C ÷ H = ${d.C} ÷ ${d.H} = ${d.D},   √d ≈ ${sqrt}`),
      this._fig(d, { title: '÷√d', values: d.scaled, rows: d.T, cols: d.S, tensor: this._name(d, 'scaled') }),
    ];
  }
  _mask(d) {
    const out = [
      el('p', 'explain', t('translate.cross.mask.explain')),
      el('p', 'formula', 'masked[i][j] = scaled[i][j]   (j ≠ <pad>)\nmasked[i][j] = −∞             (j = <pad>)'),
      this._fig(d, {
        title: t('translate.cross.step.mask'),
        values: d.masked,
        rows: d.T,
        cols: d.S,
        tensor: this._name(d, 'masked'),
        maskNote: t('translate.cross.mask.note'),
      }),
    ];
    if (!d.pad) out.push(el('p', 'hint', t('translate.cross.mask.none')));
    return out;
  }
  _softmax(d) {
    const sums = []; // a check of the engine's numbers, labelled as such
    for (let i = 0; i < d.T; i++) {
      let s = 0;
      for (let j = 0; j < d.S; j++) s += d.probs[i * d.S + j];
      sums.push(s.toFixed(4));
    }
    return [
      el('p', 'explain', t('translate.cross.softmax.explain')),
      el('p', 'formula', 'probs[i][j] = exp(masked[i][j]) ÷ Σₖ exp(masked[i][k])        exp(−∞) = 0'),
      this._fig(d, {
        title: t('translate.cross.step.softmax'),
        values: d.probs,
        rows: d.T,
        cols: d.S,
        tensor: this._name(d, 'probs'),
        scale: 'sequential',
        mask: d.mask,
        maskNote: t('translate.cross.mask.note'),
        rowNotes: sums,
        rowNotesTitle: t('translate.cross.softmax.sum'),
      }),
    ];
  }
  _weighted(d) {
    const { T, S, D, head } = d;
    return [
      el('p', 'explain', t('translate.cross.weighted.explain')),
      el('p', 'formula', `head_out = probs · V   (${T}×${S}) · (${S}×${D}) = ${T}×${D}`),
      row(
        this._fig(d, {
          title: t('translate.cross.step.softmax'),
          values: d.probs,
          rows: T,
          cols: S,
          tensor: this._name(d, 'probs'),
          scale: 'sequential',
          mask: d.mask,
          cell: 22,
          showValues: false,
        }),
        figure({
          title: 'V',
          values: d.v,
          rows: S,
          cols: D,
          rowLabels: d.colLabels,
          tensor: this._name(d, 'v'),
          head,
          cell: 16,
        }),
        figure({
          title: 'head_out',
          values: d.headOut,
          rows: T,
          cols: D,
          rowLabels: d.rowLabels,
          tensor: this._name(d, 'head_out'),
          head,
          cell: 16,
        }),
      ),
    ];
  }
  _concat(d) {
    const { T, C, H, D, head } = d;
    const groups = Array.from({ length: H }, (_, g) => ({
      from: g * D,
      to: (g + 1) * D,
      label: t('translate.head.one', { n: g + 1 }),
      active: g === head,
    }));
    return [
      el('p', 'explain', t('translate.cross.concat.explain', { H, d: D, C })),
      el(
        'p',
        'formula',
        `concat = [ ${Array.from({ length: H }, (_, g) => `head${g + 1}`).join(' | ')} ]   ${H} × (${T}×${D}) → ${T}×${C}`,
      ),
      figure({
        title: 'concat',
        values: d.concat,
        rows: T,
        cols: C,
        rowLabels: d.rowLabels,
        tensor: this._name(d, 'concat'),
        colGroups: groups,
        cell: 12,
      }),
    ];
  }
  _proj(d) {
    const { T, C } = d;
    const pname = `transformer.decoder.layers.${d.layer}.multihead_attn.out_proj.weight`;
    const details = el('details');
    details.append(
      el('summary', '', 'W_O'),
      figure({
        title: 'W_O',
        values: d.wo,
        rows: C,
        cols: C,
        rowLabels: Array.from({ length: C }, (_, c) => String(c)),
        param: pname,
        part: 'o',
        cell: 12,
      }),
    );
    return [
      el('p', 'explain', t('translate.cross.proj.explain')),
      el('p', 'formula', `output = concat · W_O + b_O   (${T}×${C}) · (${C}×${C}) = ${T}×${C}`),
      row(
        figure({
          title: 'concat',
          values: d.concat,
          rows: T,
          cols: C,
          rowLabels: d.rowLabels,
          tensor: this._name(d, 'concat'),
          cell: 12,
        }),
        figure({
          title: 'output',
          values: d.proj,
          rows: T,
          cols: C,
          rowLabels: d.rowLabels,
          tensor: this._name(d, 'proj'),
          cell: 12,
        }),
      ),
      details,
    ];
  }
}

function row(...children) {
  const r = el('div', 'row');
  r.append(...children);
  return r;
}

customElements.define('tf-cross-steps', TfCrossSteps);
