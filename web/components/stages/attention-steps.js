// The eight steps of one attention layer, each drawn on the engine's recorded tensors for the
// chosen layer and head (see tf-stage-attention.js, which owns the stepper around them):
//   ① X·W_Q, X·W_K, X·W_V → Q, K, V   ② Q·Kᵀ   ③ ÷√D   ④ causal mask   ⑤ softmax
//   ⑥ weights × V   ⑦ heads concatenated   ⑧ × W_O
// Pure: the steps draw plain data (stepContext below) that a controller got from the engine
// (web/controllers/stage-attention.js stepsData / headData); they never call it.
// Nothing here computes model math: every matrix is a recorded tensor or a parameter slice
// (W_Q etc. are rows of c_attn.weight, shown transposed so that Q = X·W_Q reads left to right).
// The only arithmetic is the softmax row-sum column, labelled as a check of the engine's numbers,
// and √D from the config. Formulas are MathML (../mathml.js); where a cell is picked (hover or arrow keys on a
// heatmap) the formula is written again with that cell's recorded numbers.
import { registerStrings } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import { formatValue } from '../tf-heatmap.js';
import {
  cases,
  formulaBox,
  frac,
  math,
  mi,
  mn,
  mo,
  mtext,
  num,
  paren,
  row,
  sqrt,
  sub,
  sum,
  sup,
  tilde,
} from '../mathml.js';
import ko from '../../i18n/stages/attention-steps.ko.js';
import en from '../../i18n/stages/attention-steps.en.js';

registerStrings({ ko, en });

/** The steps' own styles (class names att-*), for the page and for a widget's shadow root alike. */
export const STEPS_CSS = `
  .att-row { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: flex-start; }
  .att-row > *, .att-fig { min-width: 0; }
  .att-row > .att-fig { flex: 1 1 180px; }
  .att-fig { margin: 0.6rem 0; }
  .att-fig figcaption { font-weight: 600; font-size: 0.92rem; margin-bottom: 0.2rem; }
  .att-shape { font-weight: 400; color: var(--muted, #5b5b66); font-variant-numeric: tabular-nums; }
  .att-details { margin: 0.6rem 0; }
  .att-details summary { cursor: pointer; color: var(--accent, #2166ac); font-weight: 600; }
  .att-formula { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.4rem 0; }
`;

/** A figure: caption with the shape, and a heatmap. `opts.tensor`/`opts.head` tag it for tests. */
export function figure(opts) {
  const box = el('figure', 'att-fig');
  const cap = el('figcaption', '', opts.title);
  cap.append(el('span', 'att-shape', `  ${opts.rows} × ${opts.cols}`));
  box.append(cap);
  const h = document.createElement('tf-heatmap');
  h.setAttribute('scale', opts.scale ?? 'diverging');
  h.setAttribute('label', opts.title);
  for (const [attr, key] of [
    ['row-title', 'rowTitle'],
    ['col-title', 'colTitle'],
    ['mask-note', 'maskNote'],
    ['cell', 'cell'],
    ['min-cell', 'minCell'],
    ['cell-height', 'cellHeight'],
  ]) {
    if (opts[key] != null) h.setAttribute(attr, String(opts[key]));
  }
  if (opts.showValues) h.setAttribute('show-values', '');
  if (opts.tensor) h.dataset.tensor = opts.tensor;
  if (opts.head != null) h.dataset.head = String(opts.head);
  if (opts.param) h.dataset.param = opts.param;
  if (opts.part) h.dataset.part = opts.part;
  box.append(h);
  h.matrix = {
    values: opts.values,
    rows: opts.rows,
    cols: opts.cols,
    mask: opts.mask,
    rowLabels: opts.rowLabels,
    colLabels: opts.colLabels ?? Array.from({ length: opts.cols }, (_, i) => String(i)),
    rowNotes: opts.rowNotes,
    rowNotesTitle: opts.rowNotesTitle,
    colGroups: opts.colGroups,
  };
  box.heatmap = h;
  return box;
}

const f = (v) => formatValue(v);
/** (r × c) with symbols or numbers. */
const dims = (r, c) => row(mo('('), r, mo('×'), c, mo(')'));
/**
 * The shapes of a product, as two lines (so a phone shows each whole): in symbols, (T×C)·(C×D) = T×D, then in this
 * model's sizes, → (5×64)·(64×16) = 5×16; from [[rows, cols] symbol pairs] and the result's pair.
 */
function shapes(ctx, parts, result) {
  const size = { T: ctx.T, C: ctx.C, D: ctx.D, H: ctx.H };
  const sym = (x) => mi(x),
    val = (x) => mn(String(size[x]));
  const line = (w) => [
    ...parts.flatMap(([r, c], i) => [...(i ? [mo('·')] : []), dims(w(r), w(c))]),
    mo('='),
    dims(w(result[0]), w(result[1])),
  ];
  return [math(...line(sym)), math(mo('→'), ...line(val))];
}
/** A token as a subscript. */
const tok = (ctx, i) => mtext(`‘${ctx.tokens[i]}’`);
/** The first n entries of a recorded vector as (a, b, c, …): three, so a phone shows the line whole. */
function vector(data, from, D, n = 3) {
  const parts = [];
  for (let d = 0; d < Math.min(n, D); d++) parts.push(...(d ? [mo(',')] : []), num(data[from + d], f));
  if (D > n) parts.push(mo(','), mo('…'));
  return paren(...parts);
}
/**
 * A formula box whose last lines follow the picked cell: numbers(i, j) gives one line (an array of MathML nodes)
 * or several (an array of such arrays, so a narrow screen reads them one under another). Returns {box, show(i, j)}.
 */
function liveFormula(className, symbols, numbers) {
  const box = formulaBox(`att-formula ${className}`, ...[symbols].flat());
  const live = el('div', 'att-live');
  box.append(live);
  const show = (...cell) => {
    const lines = numbers(...cell);
    live.replaceChildren(...(Array.isArray(lines[0]) ? lines : [lines]).map((l) => math(...l)));
    Object.assign(box.dataset, { row: cell[0], col: cell[1] ?? '' });
  };
  return { box, show };
}
const figRow = (...children) => {
  const r = el('div', 'att-row');
  r.append(...children);
  return r;
};
const explain = (ctx, key, params) => el('p', 'explain att-explain', ctx.t(key, params));

/** Settings for a T×T heatmap: numbers in the cells while the sentence is short. */
function square(ctx) {
  return ctx.T <= 14 ? { cell: 46, minCell: 30, cellHeight: 28, showValues: true } : { cell: 22 };
}

/** A (C×D) slice of a stacked (3C, C) or (C, C) weight, transposed so that X·W reads left to right. */
export function weightSlice(param, C, rowFrom, n) {
  const out = new Float32Array(C * n);
  for (let c = 0; c < C; c++) for (let d = 0; d < n; d++) out[c * n + d] = param.data[(rowFrom + d) * C + c];
  return out;
}

/**
 * The steps' context, from plain data:
 *   data: { config: {H, C, D, norm, bias}, input: {name, data} (T, C), concat, proj (T, C),
 *           weights: { qkv: {name, data} (3C, C), o: {name, data} (C, C) } }   (stepsData)
 *   at:   one head's { q, k, v, head_out (T, D), scores, scaled, masked, probs (T, T) }   (headData)
 *   view: { t (strings), layer, head (from 0), tokens ({text}), labels (row labels), row (picked token, optional) }
 */
export function stepContext(data, at, { t, layer, head, tokens, labels, row }) {
  const { H, C, D, norm, bias } = data.config;
  return {
    input: data.input,
    concat: data.concat,
    proj: data.proj,
    weights: data.weights,
    at,
    t,
    layer,
    head,
    h: head + 1,
    H,
    C,
    D,
    T: tokens.length,
    norm,
    bias,
    labels,
    row,
    tokens: tokens.map((tok) => visibleToken(tok.text)),
    name: (s) => `h${layer}.attn.${s}`,
    mask: Uint8Array.from(at.masked.data, (v) => (v === -Infinity ? 1 : 0)),
  };
}

export const STEPS = [
  {
    id: 'qkv',
    render(ctx) {
      const { T, C, D, h, head } = ctx;
      const pre = ctx.norm !== 'post';
      const x = ctx.input;
      const b = ctx.bias;
      const out = [explain(ctx, 'attention.step.qkv.explain', { h, C, D })];
      const each = ['Q', 'K', 'V'].map((name) =>
        math(
          mi(name),
          mo('='),
          mi('X'),
          mo('·'),
          sub(mi('W'), mi(name)),
          ...(b ? [mo('+'), sub(mi('b'), mi(name))] : []),
        ),
      );
      out.push(
        formulaBox(
          'att-formula',
          ...each,
          ...shapes(
            ctx,
            [
              ['T', 'C'],
              ['C', 'D'],
            ],
            ['T', 'D'],
          ),
        ),
      );
      if (b) out.push(el('p', 'hint', ctx.t('attention.bias')));
      out.push(
        figure({
          title: `${ctx.t(pre ? 'attention.fig.xPre' : 'attention.fig.xPost')} · ${x.name}`,
          values: x.data,
          rows: T,
          cols: C,
          rowLabels: ctx.labels,
          tensor: x.name,
          colTitle: ctx.t('attention.dim'),
        }),
      );
      out.push(
        figRow(
          ...['q', 'k', 'v'].map((m) => {
            const tensor = ctx.at[m];
            return figure({
              title: ctx.t(`attention.fig.${m}`, { h }),
              values: tensor.data,
              rows: T,
              cols: D,
              rowLabels: ctx.labels,
              tensor: ctx.name(m),
              head,
              colTitle: ctx.t('attention.dim'),
            });
          }),
        ),
      );
      const details = el('details', 'att-details');
      details.append(
        el('summary', '', ctx.t('attention.fig.weights', { h })),
        el('p', 'hint', ctx.t('attention.fig.weightsHint', { h })),
      );
      const param = ctx.weights.qkv,
        pname = param.name;
      details.append(
        figRow(
          ...['q', 'k', 'v'].map((m, i) =>
            figure({
              title: ctx.t(`attention.fig.w${m}`, { h }),
              values: weightSlice(param, C, i * C + head * D, D),
              rows: C,
              cols: D,
              rowLabels: Array.from({ length: C }, (_, c) => String(c)),
              param: pname,
              part: m,
              head,
              cell: 16,
            }),
          ),
        ),
      );
      out.push(details);
      return out;
    },
  },
  {
    id: 'scores',
    render(ctx) {
      const { T, D, h, head } = ctx;
      const { q, k, scores } = ctx.at;
      const fig = figure({
        title: ctx.t('attention.fig.scores', { h }),
        values: scores.data,
        rows: T,
        cols: T,
        rowLabels: ctx.labels,
        colLabels: ctx.labels,
        tensor: ctx.name('scores'),
        head,
        rowTitle: ctx.t('attention.query'),
        colTitle: ctx.t('attention.key'),
        ...square(ctx),
      });
      // short lines, so a phone shows each whole
      const live = liveFormula(
        'att-scores-formula',
        [
          math(mi('S'), mo('='), mi('Q'), mo('·'), sup(mi('K'), mi('⊤'))),
          math(
            sub(mi('S'), row(mi('i'), mi('j'))),
            mo('='),
            sub(mi('q'), mi('i')),
            mo('·'),
            sub(mi('k'), mi('j')),
            mo('='),
            sum(
              row(mi('d'), mo('='), mn('1')),
              row(sub(mi('q'), row(mi('i'), mi('d'))), sub(mi('k'), row(mi('j'), mi('d')))),
              mi('D'),
            ),
          ),
        ],
        (i, j) => [
          [sub(mi('S'), row(tok(ctx, i), mo(','), tok(ctx, j))), mo('='), vector(q.data, i * D, D)],
          [mo('·'), vector(k.data, j * D, D)],
          [mo('='), num(scores.data[i * T + j], f)],
        ],
      );
      live.show(ctx.row ?? T - 1, 0);
      fig.heatmap.addEventListener('cell-hover', (e) => live.show(e.detail.row, e.detail.col));
      return [
        explain(ctx, 'attention.step.scores.explain'),
        live.box,
        formulaBox(
          'att-formula',
          ...shapes(
            ctx,
            [
              ['T', 'D'],
              ['D', 'T'],
            ],
            ['T', 'T'],
          ),
        ),
        fig,
      ];
    },
  },
  {
    id: 'scale',
    render(ctx) {
      const { T, C, D, H, h, head } = ctx;
      const sqrtD = Math.sqrt(D).toFixed(3); // from the config, not from the model's numbers
      const { scores, scaled } = ctx.at;
      const fig = figure({
        title: ctx.t('attention.fig.scaled', { h }),
        values: scaled.data,
        rows: T,
        cols: T,
        rowLabels: ctx.labels,
        colLabels: ctx.labels,
        tensor: ctx.name('scaled'),
        head,
        rowTitle: ctx.t('attention.query'),
        colTitle: ctx.t('attention.key'),
        ...square(ctx),
      });
      // two lines, so a phone shows both whole
      const live = liveFormula(
        'att-scale-formula',
        [
          math(
            sub(tilde('S'), row(mi('i'), mi('j'))),
            mo('='),
            frac(sub(mi('S'), row(mi('i'), mi('j'))), sqrt(mi('D'))),
          ),
          math(
            mi('D'),
            mo('='),
            frac(mi('C'), mi('H')),
            mo('='),
            frac(mn(String(C)), mn(String(H))),
            mo('='),
            mn(String(D)),
            mo(','),
            sqrt(mi('D')),
            mo('≈'),
            mn(sqrtD),
          ),
        ],
        (i, j) => [
          sub(tilde('S'), row(tok(ctx, i), mo(','), tok(ctx, j))),
          mo('='),
          frac(num(scores.data[i * T + j], f), mn(sqrtD)),
          mo('='),
          num(scaled.data[i * T + j], f),
        ],
      );
      live.show(ctx.row ?? T - 1, 0);
      fig.heatmap.addEventListener('cell-hover', (e) => live.show(e.detail.row, e.detail.col));
      return [explain(ctx, 'attention.step.scale.explain'), live.box, fig];
    },
  },
  {
    id: 'mask',
    render(ctx) {
      const { T, h, head } = ctx;
      const { masked } = ctx.at;
      return [
        explain(ctx, 'attention.step.mask.explain'),
        formulaBox(
          'att-formula',
          math(
            sub(mi('M'), row(mi('i'), mi('j'))),
            mo('='),
            cases([
              [sub(tilde('S'), row(mi('i'), mi('j'))), row(mtext('\u2003'), mi('j'), mo('≤'), mi('i'))],
              [row(mo('−'), mi('∞')), row(mtext('\u2003'), mi('j'), mo('>'), mi('i'))],
            ]),
          ),
        ),
        figure({
          title: ctx.t('attention.fig.masked', { h }),
          values: masked.data,
          rows: T,
          cols: T,
          rowLabels: ctx.labels,
          colLabels: ctx.labels,
          tensor: ctx.name('masked'),
          head,
          maskNote: ctx.t('attention.step.mask.note'),
          rowTitle: ctx.t('attention.query'),
          colTitle: ctx.t('attention.key'),
          ...square(ctx),
        }),
      ];
    },
  },
  {
    id: 'softmax',
    render(ctx) {
      const { T, h, head } = ctx;
      const { probs, masked } = ctx.at;
      const sums = []; // a check of the engine's numbers, labelled as such
      for (let i = 0; i < T; i++) {
        let s = 0;
        for (let j = 0; j < T; j++) s += probs.data[i * T + j];
        sums.push(s.toFixed(4));
      }
      const e = (x) => sup(mi('e'), x);
      // the picked cell's P_ij = e^{M_ij} ÷ (e^{M_i1} + …): the row's recorded scores, the hidden (−∞) ones left out
      const live = liveFormula(
        'att-softmax-formula',
        math(
          sub(mi('P'), row(mi('i'), mi('j'))),
          mo('='),
          frac(e(sub(mi('M'), row(mi('i'), mi('j')))), sum(mi('k'), e(sub(mi('M'), row(mi('i'), mi('k')))))),
          mtext('\u2003'),
          e(row(mo('−'), mi('∞'))),
          mo('='),
          mn('0'),
        ),
        (i, j) => {
          const shown = [];
          for (let k = 0; k < T && shown.length < 3; k++) if (masked.data[i * T + k] !== -Infinity) shown.push(k);
          const visible = (k) => masked.data[i * T + k] !== -Infinity;
          let more = 0;
          for (let k = 0; k < T; k++) if (visible(k) && !shown.includes(k)) more++;
          const den = shown.flatMap((k, n) => [...(n ? [mo('+')] : []), e(num(masked.data[i * T + k], f))]);
          if (more) den.push(mo('+'), mo('…'));
          return [
            [
              sub(mi('P'), row(tok(ctx, i), mo(','), tok(ctx, j))),
              mo('='),
              frac(e(num(masked.data[i * T + j], f)), row(...den)),
            ],
            [mo('='), num(probs.data[i * T + j], f)],
          ];
        },
      );
      const fig = figure({
        title: ctx.t('attention.fig.probs', { h }),
        values: probs.data,
        rows: T,
        cols: T,
        rowLabels: ctx.labels,
        colLabels: ctx.labels,
        tensor: ctx.name('probs'),
        head,
        scale: 'sequential',
        mask: ctx.mask,
        maskNote: ctx.t('attention.step.softmax.note'),
        rowNotes: sums,
        rowNotesTitle: ctx.t('attention.step.softmax.sum'),
        rowTitle: ctx.t('attention.query'),
        colTitle: ctx.t('attention.key'),
        ...square(ctx),
      });
      live.show(ctx.row ?? T - 1, 0);
      fig.heatmap.addEventListener('cell-hover', (ev) => live.show(ev.detail.row, ev.detail.col));
      return [explain(ctx, 'attention.step.softmax.explain'), live.box, fig];
    },
  },
  {
    id: 'weighted',
    render(ctx) {
      const { T, D, h, head } = ctx;
      const { probs, v, head_out: out } = ctx.at;
      const live = liveFormula(
        'att-weighted-formula',
        [
          math(mi('O'), mo('='), mi('P'), mo('·'), mi('V')),
          math(
            sub(mi('o'), mi('i')),
            mo('='),
            sum(mi('j'), row(sub(mi('P'), row(mi('i'), mi('j'))), sub(mi('v'), mi('j')))),
          ),
        ],
        (i) => {
          let terms = [];
          for (let j = 0; j < T; j++) if (probs.data[i * T + j] > 0) terms.push({ j, w: probs.data[i * T + j] });
          const more = Math.max(0, terms.length - 6);
          if (more) terms = terms.sort((a, b) => b.w - a.w).slice(0, 5);
          // three terms a line, so a phone shows each whole
          const term = ({ j, w }) => [num(w, f), mo('·'), sub(mi('v'), tok(ctx, j))];
          const lines = [];
          for (let n = 0; n < terms.length; n += 3) {
            lines.push([
              ...(n ? [mo('+')] : [sub(mi('o'), tok(ctx, i)), mo('=')]),
              ...terms.slice(n, n + 3).flatMap((x, k) => [...(k ? [mo('+')] : []), ...term(x)]),
            ]);
          }
          if (more) lines.push([mo('+'), mo('…'), mtext(ctx.t('attention.step.weighted.more', { n: more + 1 }))]);
          return lines;
        },
      );
      const figs = [
        figure({
          title: ctx.t('attention.fig.probs', { h }),
          values: probs.data,
          rows: T,
          cols: T,
          rowLabels: ctx.labels,
          colLabels: ctx.labels,
          tensor: ctx.name('probs'),
          head,
          scale: 'sequential',
          mask: ctx.mask,
          cell: 22,
          maskNote: ctx.t('attention.step.softmax.note'),
          rowTitle: ctx.t('attention.query'),
          colTitle: ctx.t('attention.key'),
        }),
        figure({
          title: ctx.t('attention.fig.v', { h }),
          values: v.data,
          rows: T,
          cols: D,
          rowLabels: ctx.labels,
          tensor: ctx.name('v'),
          head,
          colTitle: ctx.t('attention.dim'),
        }),
        figure({
          title: ctx.t('attention.fig.headOut', { h }),
          values: out.data,
          rows: T,
          cols: D,
          rowLabels: ctx.labels,
          tensor: ctx.name('head_out'),
          head,
          colTitle: ctx.t('attention.dim'),
        }),
      ];
      const show = (i) => {
        live.show(i);
        // V is used whole (every row, weighted), so only the probs row and the output row light up
        figs[0].heatmap.highlight = { row: i };
        figs[2].heatmap.highlight = { row: i };
      };
      show(ctx.row ?? T - 1);
      for (const f of figs) f.heatmap.addEventListener('cell-hover', (e) => show(e.detail.row));
      return [
        explain(ctx, 'attention.step.weighted.explain'),
        live.box,
        formulaBox(
          'att-formula',
          ...shapes(
            ctx,
            [
              ['T', 'T'],
              ['T', 'D'],
            ],
            ['T', 'D'],
          ),
        ),
        figRow(...figs),
      ];
    },
  },
  {
    id: 'concat',
    render(ctx) {
      const { T, C, D, H, h, head, concat } = ctx;
      const groups = Array.from({ length: H }, (_, g) => ({
        from: g * D,
        to: (g + 1) * D,
        label: ctx.t('attention.head', { n: g + 1 }),
        active: g === head,
      }));
      const heads = Array.from({ length: H }, (_, g) => [
        ...(g ? [mo('|')] : []),
        sub(mi('O'), mn(String(g + 1))),
      ]).flat();
      return [
        explain(ctx, 'attention.step.concat.explain', { H, D, C, h }),
        formulaBox(
          'att-formula',
          math(mi('O'), mo('='), mo('['), ...heads, mo(']')),
          math(
            mi('H'),
            mo('×'),
            dims(mi('T'), mi('D')),
            mo('→'),
            dims(mi('T'), row(mi('H'), mo('·'), mi('D'))),
            mo('='),
            dims(mi('T'), mi('C')),
          ),
          math(
            mo('→'),
            mn(String(H)),
            mo('×'),
            dims(mn(String(T)), mn(String(D))),
            mo('='),
            dims(mn(String(T)), mn(String(C))),
          ),
        ),
        figure({
          title: ctx.t('attention.fig.concat'),
          values: concat.data,
          rows: T,
          cols: C,
          rowLabels: ctx.labels,
          tensor: ctx.name('concat'),
          colGroups: groups,
          colTitle: ctx.t('attention.dim'),
        }),
      ];
    },
  },
  {
    id: 'proj',
    render(ctx) {
      const { T, C, concat, proj } = ctx;
      const b = ctx.bias;
      const pname = ctx.weights.o.name;
      const details = el('details', 'att-details');
      details.append(
        el('summary', '', ctx.t('attention.fig.wo')),
        el('p', 'hint', ctx.t('attention.fig.woHint')),
        figure({
          title: ctx.t('attention.fig.wo.title'),
          values: weightSlice(ctx.weights.o, C, 0, C),
          rows: C,
          cols: C,
          rowLabels: Array.from({ length: C }, (_, c) => String(c)),
          param: pname,
          part: 'o',
          cell: 14,
        }),
      );
      const out = [
        explain(ctx, 'attention.step.proj.explain'),
        formulaBox(
          'att-formula',
          math(
            mi('Y'),
            mo('='),
            mi('O'),
            mo('·'),
            sub(mi('W'), mi('O')),
            ...(b ? [mo('+'), sub(mi('b'), mi('O'))] : []),
          ),
          ...shapes(
            ctx,
            [
              ['T', 'C'],
              ['C', 'C'],
            ],
            ['T', 'C'],
          ),
        ),
      ];
      if (b) out.push(el('p', 'hint', ctx.t('attention.bias')));
      out.push(
        figRow(
          figure({
            title: ctx.t('attention.fig.concat'),
            values: concat.data,
            rows: T,
            cols: C,
            rowLabels: ctx.labels,
            tensor: ctx.name('concat'),
            colTitle: ctx.t('attention.dim'),
          }),
          figure({
            title: ctx.t('attention.fig.proj'),
            values: proj.data,
            rows: T,
            cols: C,
            rowLabels: ctx.labels,
            tensor: ctx.name('proj'),
            colTitle: ctx.t('attention.dim'),
          }),
        ),
        details,
      );
      return out;
    },
  },
];
