// Stage 3 — Positional encoding ("나는 밥을 먹었다" vs "밥을 나는 먹었다"). The learner picks what is
// added to the token vectors — the sinusoid table, the model's learned table, or nothing — and sees
// that table, the waves of chosen dimensions, this sentence's token + position = input (all from
// model.embed), and a word-order demo: two orders of the same tokens, side by side. The switch opens on the
// model's own setting; flipping it emits 'whatif' and the page shows a model trained that way beside this one.
// Data (web/controllers/stage-positional.js): { mode, own, hasLearned, C, P, table (P, C) | null,
// sentence: { token, position, sum (T, C), similarity (T, T) | null }, order: [A, B] }, each part the same object
// while what it depends on stays. The mode is the page's "what if" choice (a flip emits 'whatif'); the demo's two
// sentences live in memory (orderA, orderB) and changing them asks the page for new data.
import { errorMessage, locale, registerStrings, t } from '../../i18n/index.js';
import ko from '../../i18n/stages/positional.ko.js';
import en from '../../i18n/stages/positional.en.js';
import { el, visibleToken } from '../labels.js';
import '../tf-line-chart.js';
import '../tf-tokens.js';
import { StageView } from './base.js';
import { dimLabels, ensureStyle, heatmapPanel, plainNumber, segmented } from './input-stages-common.js';
import { whatifPanel } from './whatif-panel.js';

registerStrings({ ko, en });

const MAX_DIMS = 8;
const SHOWN_NUMBERS = 6; // numbers of a row written out in the A/B comparison

class TfStagePositional extends StageView {
  /** What this view remembers across re-renders and stage switches (kept in the page's store: StageView.memory). */
  static memoryDefaults = { dims: [0, 1, 8], extraDims: [] };

  render() {
    ensureStyle();
    const data = this.data;
    if (!data) {
      this.replaceChildren();
      return;
    }
    const { hasLearned, own } = data;
    // the switch shows the mode the numbers are for: the model's own, or the page's "what if" flip
    this._mode = data.mode;

    const modeBox = el('section', 'tfi-section');
    modeBox.dataset.role = 'mode';
    modeBox.append(
      el('h3', '', t('positional.mode')),
      segmented({
        name: 'tfi-positional-mode',
        legend: t('positional.mode'),
        value: this._mode,
        options: ['sinusoidal', 'learned', 'none'].map((value) => ({
          value,
          text: t(`positional.mode.${value}`),
          disabled: value === 'learned' && !hasLearned,
          title:
            value === 'learned' && !hasLearned
              ? t('positional.noLearned', { kind: t(`positional.kind.${own}`) })
              : undefined,
        })),
        onChange: (value) => {
          this.dispatchEvent(new CustomEvent('whatif', { bubbles: true, detail: { setting: 'positional', value } }));
          this.querySelector(`input[value="${value}"]`)?.focus();
        },
      }),
    );
    const ownLine = el('p', 'hint', t('positional.own', { kind: t(`positional.kind.${own}`) }));
    ownLine.dataset.role = 'own';
    modeBox.append(el('p', '', t(`positional.about.${this._mode}`)), ownLine);
    if (!hasLearned) {
      const why = el('p', 'hint', t('positional.noLearned', { kind: t(`positional.kind.${own}`) }));
      why.dataset.role = 'no-learned';
      modeBox.append(why);
    }

    // Typing changes only the sentence: the table, its waves and the word-order demo stay as they are
    // (their numbers do not depend on it; only the table's "this sentence" band moves).
    const key = `${locale()} ${this._mode} ${own} ${hasLearned}`; // what the switch box says
    if (this._built?.table === data.table && this._built.key === key) {
      if (this._built.sentence !== data.sentence) this.renderSentence();
      else if (this._built.order === data.order) this.renderWhatIf(); // only the comparison arrived
      if (this._built.order !== data.order) this.renderOrder();
      this._built = { ...this._built, sentence: data.sentence, order: data.order };
      return;
    }
    this._built = { table: data.table, key, sentence: data.sentence, order: data.order };
    this._whatif = el('div', '');
    this._similarity = el('section', '');
    this._sum = el('section', '');
    this._order = el('section', 'tfi-section tfi-order');
    this._order.dataset.role = 'order';
    this.replaceChildren(
      el('p', 'explain', t('positional.lead')),
      modeBox,
      this._whatif,
      this.tableSection(),
      this._similarity,
      this._sum,
      this._order,
    );
    this.renderSentence();
    this.renderOrder();
  }

  renderWhatIf() {
    const whatif = this.state.whatif;
    this._whatif.replaceChildren(...(whatif ? [whatifPanel(whatif, (v) => t(`positional.kind.${v}`))] : []));
  }

  /** The parts that follow the sentence: the table's band, the what-if comparison, the similarities and the sum. */
  renderSentence() {
    this._T = this.state.tokens.length;
    this._setBand?.(this._T);
    this.renderWhatIf();
    const similarity = this._mode === 'none' ? el('section', '') : this.similaritySection(this._T);
    this._similarity.replaceWith(similarity);
    this._similarity = similarity;
    const sum = this.sumSection();
    this._sum.replaceWith(sum);
    this._sum = sum;
  }

  /** The position table of the chosen mode (engine: positionalEncoding or the wpe parameter) and its waves. */
  tableSection() {
    const { C, P, table } = this.data;
    const box = el('section', 'tfi-section');
    box.dataset.role = 'table';
    this._setBand = null;
    if (this._mode === 'none') {
      box.append(el('p', 'tfi-note', t('positional.table.none')));
      return box;
    }
    if (this._mode === 'sinusoidal') {
      box.append(el('p', 'formula', t('positional.formula')), el('p', 'hint', t('positional.formulaHint', { c: C })));
    }
    // Drawn turned on its side — a row per dimension, a column per position — so that position runs
    // left to right as in the wave chart below. (The same numbers, only laid out differently.)
    const sideways = new Float32Array(P * C);
    for (let p = 0; p < P; p++) for (let d = 0; d < C; d++) sideways[d * P + p] = table.data[p * C + d];
    const cellGuess = Math.max(4, Math.floor(((this.clientWidth || 600) - 90) / P));
    const every = Math.ceil(14 / cellGuess); // label every position only when the columns are wide enough
    const colLabels = Array.from({ length: P }, (_, p) => (p % every === 0 ? String(p) : ''));
    const rowLabels = Array.from({ length: C }, (_, d) =>
      this._mode === 'sinusoidal' ? `${d} ${d % 2 === 0 ? 'sin' : 'cos'}` : String(d),
    );
    const matrix = { values: sideways, rows: C, cols: P, rowLabels, colLabels };
    const panel = heatmapPanel({
      name: 'positional-table',
      title: t(`positional.table.${this._mode}`, { p: P, c: C }),
      shape: [C, P],
      rowTitle: t('positional.cols'),
      colTitle: t('positional.rows'),
      matrix,
    });
    panel.dataset.layout = 'dims-by-positions';
    const hint = el('p', 'hint');
    box.append(panel, hint, this.wavesSection(table, P, C));
    // the positions this sentence uses, marked on the table and the waves
    this._setBand = (T) => {
      const band = [
        { from: 0, to: Math.min(T, P), label: t('positional.band'), active: true },
        ...(T < P ? [{ from: T, to: P, label: '' }] : []),
      ];
      panel.heatmap.matrix = { ...matrix, colGroups: band };
      hint.textContent = t('positional.tableHint', { last: Math.min(T, P) - 1 });
      this._waves.bands = [{ from: 0, to: Math.min(T, P) - 1, label: t('positional.band') }];
    };
    return box;
  }

  /** Dot products between this sentence's position vectors (engine: model.positionSimilarity). */
  similaritySection(T) {
    const { tokens } = this.state;
    const box = el('section', 'tfi-section');
    box.dataset.role = 'similarity';
    const sim = this.data.sentence.similarity;
    const labels = Array.from({ length: T }, (_, p) => `${p} ${visibleToken(tokens[p].text)}`);
    box.append(
      el('h3', '', t('positional.similarity')),
      el('p', 'hint', t(`positional.similarityHint.${this._mode}`)),
      heatmapPanel({
        name: 'positional-similarity',
        title: t('positional.similarityTitle'),
        shape: [T, T],
        scale: 'diverging',
        rowTitle: t('positional.rows'),
        colTitle: t('positional.rows'),
        matrix: { values: sim.data, rows: T, cols: T, rowLabels: labels, colLabels: labels.map((_, p) => String(p)) },
      }),
    );
    return box;
  }

  wavesSection(table, P, C) {
    const box = el('div', 'tfi-section');
    box.dataset.role = 'waves';
    box.append(el('h3', '', t('positional.waves')), el('p', 'hint', t('positional.wavesPick', { max: MAX_DIMS })));
    this.memory.dims = this.memory.dims.filter((d) => d < C);
    const candidates = [
      ...new Set([0, 1, 2, 3, 4, 5, 8, 9, 16, 17, C - 2, C - 1, ...this.memory.extraDims, ...this.memory.dims]),
    ]
      .filter((d) => d >= 0 && d < C)
      .sort((a, b) => a - b);
    const chart = document.createElement('tf-line-chart');
    this._waves = chart;
    chart.dataset.panel = 'waves';
    chart.setAttribute('x-title', t('positional.xTitle'));
    chart.setAttribute('y-title', t('positional.yTitle'));
    chart.setAttribute('label', t('positional.waves'));
    chart.setAttribute('height', '260');
    const name = (d) =>
      this._mode === 'sinusoidal'
        ? t(d % 2 === 0 ? 'positional.dimSin' : 'positional.dimCos', { d })
        : t('positional.dim', { d });
    const chips = el('div', 'tfi-chips');
    chips.dataset.role = 'dims';
    const draw = () => {
      const xs = Array.from({ length: P }, (_, p) => p);
      chart.series = this.memory.dims.map((d) => ({ label: name(d), xs, ys: xs.map((p) => table.data[p * C + d]) }));
      chips
        .querySelectorAll('button')
        .forEach((b) => b.setAttribute('aria-pressed', String(this.memory.dims.includes(Number(b.dataset.dim)))));
    };
    const toggle = (d) => {
      if (this.memory.dims.includes(d)) this.memory.dims = this.memory.dims.filter((x) => x !== d);
      else this.memory.dims = [...this.memory.dims, d].slice(-MAX_DIMS);
      draw();
    };
    for (const d of candidates) {
      const b = el('button', 'tfi-chip', String(d));
      b.type = 'button';
      b.dataset.dim = String(d);
      b.setAttribute('aria-label', name(d));
      b.addEventListener('click', () => toggle(d));
      chips.append(b);
    }
    // any other dimension, by number
    const add = el('label', 'inline');
    const input = document.createElement('input');
    input.type = 'number';
    input.min = '0';
    input.max = String(C - 1);
    input.style.width = '4.5rem';
    input.dataset.role = 'dim-input';
    const go = el('button', 'tfi-chip', t('positional.dimAddButton'));
    go.type = 'button';
    const addDim = () => {
      const d = Number(input.value);
      if (!Number.isInteger(d) || d < 0 || d >= C || input.value === '') return;
      if (!this.memory.extraDims.includes(d)) this.memory.extraDims.push(d);
      if (!this.memory.dims.includes(d)) this.memory.dims = [...this.memory.dims, d].slice(-MAX_DIMS);
      box.replaceWith(this.wavesSection(table, P, C));
      this._setBand(this._T);
    };
    go.addEventListener('click', addDim);
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') addDim();
    });
    add.append(el('span', '', t('positional.dimAdd')), input, go);
    chips.append(add);
    box.append(chips, chart, el('p', 'hint', t(`positional.wavesHint.${this._mode}`)));
    draw();
    return box;
  }

  /** token + position = input for this sentence, all three from model.embed(ids, mode). */
  sumSection() {
    const { tokens, labels } = this.state;
    const { C, own, sentence: e } = this.data;
    const box = el('section', 'tfi-section');
    box.dataset.role = 'sum';
    const T = tokens.length;
    const kind = t(`positional.kind.${this._mode}`);
    const panel = (name, title, tensor) =>
      heatmapPanel({
        name,
        title,
        shape: tensor.shape,
        rowTitle: t('positional.rows'),
        colTitle: t('positional.cols'),
        matrix: { values: tensor.data, rows: T, cols: C, rowLabels: labels, colLabels: dimLabels(C) },
      });
    box.append(el('h3', '', t('positional.sum')));
    if (this._mode !== own)
      box.append(el('p', 'hint', t('positional.whatIf', { mode: t(`positional.mode.${this._mode}`) })));
    box.append(
      panel('pe-token', t('positional.token'), e.token),
      el('p', 'tfi-op', '+'),
      panel('pe-position', t('positional.position', { kind }), e.position),
      el('p', 'tfi-op', '='),
      panel('pe-sum', t('positional.input'), e.sum),
      el('p', 'hint', t('positional.sumHint')),
    );
    return box;
  }

  /** The word-order demo: two sentences' model inputs under the chosen mode, and what differs. */
  renderOrder() {
    const { C, order: sides } = this.data;
    const box = this._order;
    const kind = t(`positional.kind.${this._mode}`);
    const ok = sides.every((s) => !s.error);
    const heatmaps = {};
    const columns = el('div', 'tfi-grid2');
    for (const s of sides) {
      const col = el('div', 'tfi-panel');
      col.dataset.side = s.side;
      const label = el('label', '', t(`positional.order${s.side}`));
      const input = document.createElement('input');
      input.type = 'text';
      input.value = s.text;
      input.autocomplete = 'off';
      input.spellcheck = false;
      input.dataset.role = `order-input-${s.side.toLowerCase()}`;
      input.addEventListener('input', () => {
        this.memory[`order${s.side}`] = input.value; // its numbers come from the engine: ask the page again
        const pos = input.selectionStart;
        this.requestData();
        const again = this._order.querySelector(`[data-role=order-input-${s.side.toLowerCase()}]`);
        again.focus();
        again.setSelectionRange(pos, pos);
      });
      label.append(input);
      col.append(label);
      if (s.error) {
        col.append(el('p', 'message error', errorMessage(s.error)));
      } else {
        const strip = document.createElement('tf-tokens');
        strip.tokens = s.tokens;
        const panel = heatmapPanel({
          name: `order-${s.side.toLowerCase()}`,
          title: t('positional.orderInput', { kind }),
          shape: s.sum.shape,
          rowTitle: t('positional.rows'),
          colTitle: t('positional.cols'),
          matrix: {
            values: s.sum.data,
            rows: s.tokens.length,
            cols: C,
            rowLabels: s.tokens.map((tok, i) => `${i} ${visibleToken(tok.text)}`),
            colLabels: dimLabels(C),
          },
        });
        heatmaps[s.side] = panel.heatmap;
        col.append(strip, panel);
      }
      columns.append(col);
    }
    const verdict = el('p', 'tfi-note');
    verdict.dataset.role = 'order-verdict';
    verdict.setAttribute('aria-live', 'polite');
    const compare = el('div', 'tfi-section');
    compare.dataset.role = 'order-compare';
    if (ok) {
      const pair = this.judge(sides, verdict);
      if (pair) this.compareRows(compare, sides, pair);
    } else {
      verdict.hidden = true;
    }
    box.replaceChildren(
      el('h3', '', t('positional.order')),
      el('p', 'hint', t('positional.orderHint')),
      columns,
      verdict,
      compare,
    );
    if (ok) this.link(heatmaps, sides, compare);
  }

  /** One token's row in A and in B, stacked, with their first numbers: same or different. */
  compareRows(box, [a, b], { ra, rb }) {
    const { C } = this.data;
    if (ra < 0 || rb < 0) {
      box.replaceChildren();
      return;
    }
    const rowA = a.sum.data.subarray(ra * C, (ra + 1) * C),
      rowB = b.sum.data.subarray(rb * C, (rb + 1) * C);
    const values = new Float32Array(2 * C);
    values.set(rowA, 0);
    values.set(rowB, C);
    const tok = visibleToken(a.tokens[ra].text);
    const labelA = t('positional.compareRow', { side: 'A', row: ra, tok }),
      labelB = t('positional.compareRow', { side: 'B', row: rb, tok });
    const panel = heatmapPanel({
      name: 'order-compare',
      title: t('positional.compare', { tok }),
      shape: [2, C],
      rowTitle: '',
      colTitle: t('positional.cols'),
      matrix: { values, rows: 2, cols: C, rowLabels: [labelA, labelB], colLabels: dimLabels(C) },
    });
    const first = (row) => `[${Array.from(row.subarray(0, SHOWN_NUMBERS), plainNumber).join(', ')}, …]`;
    const same = rowA.every((v, i) => v === rowB[i]);
    const nums = el('div', 'tfi-vector');
    nums.append(el('div', '', `${labelA}: ${first(rowA)}`), el('div', '', `${labelB}: ${first(rowB)}`));
    const key = !same
      ? 'positional.compareDifferent'
      : ra === rb
        ? 'positional.compareSamePlace'
        : 'positional.compareSame';
    const say = el('p', `tfi-note${same ? ' tfi-same' : ''}`, t(key, { n: SHOWN_NUMBERS, c: C, row: ra }));
    say.dataset.result = same ? 'same' : 'different';
    box.replaceChildren(panel, nums, say);
  }

  /**
   * Compares the engine's two inputs row by row (exact equality of the numbers it returned) and
   * says whether they are the same rows reordered. The example is the first token whose position moved.
   */
  judge([a, b], verdict) {
    const { C } = this.data;
    const sorted = (ids) =>
      Array.from(ids)
        .sort((x, y) => x - y)
        .join(',');
    if (sorted(a.ids) !== sorted(b.ids)) {
      verdict.textContent = t('positional.verdict.otherTokens');
      verdict.dataset.result = 'other-tokens';
      return null;
    }
    if (Array.from(a.ids).join(',') === Array.from(b.ids).join(',')) {
      verdict.textContent = t('positional.verdict.sameOrder');
      verdict.dataset.result = 'same-order';
      return null;
    }
    const row = (s, r) => Array.from(s.sum.data.subarray(r * C, (r + 1) * C)).join(',');
    const rowsA = Array.from(a.ids, (_, r) => row(a, r)).sort();
    const rowsB = Array.from(b.ids, (_, r) => row(b, r)).sort();
    const sameRows = rowsA.every((x, i) => x === rowsB[i]);
    // the example: the first token of A whose first place in B is elsewhere
    let ra = 0,
      rb = 0;
    for (let i = 0; i < a.ids.length; i++) {
      const j = Array.from(b.ids).indexOf(a.ids[i]);
      if (j !== i) {
        ra = i;
        rb = j;
        break;
      }
    }
    const tok = visibleToken(a.tokens[ra].text);
    verdict.textContent = t(sameRows ? 'positional.verdict.same' : 'positional.verdict.different', { ra, rb, tok });
    verdict.classList.toggle('tfi-same', sameRows);
    verdict.dataset.result = sameRows ? 'same-rows' : 'different-rows';
    return { ra, rb };
  }

  /**
   * Hovering a row of one sentence marks the row of the same token in the other, and (when the
   * sentences hold the same tokens) puts that pair in the comparison below.
   */
  link(heatmaps, sides, compare) {
    const [a, b] = sides;
    const pairs = [
      [heatmaps.A, a, heatmaps.B, b, 'A'],
      [heatmaps.B, b, heatmaps.A, a, 'B'],
    ];
    for (const [from, fromSide, to, toSide, name] of pairs) {
      from.addEventListener('cell-hover', (e) => {
        const id = fromSide.ids[e.detail.row];
        const match = Array.from(toSide.ids).indexOf(id);
        from.highlight = { row: e.detail.row };
        to.highlight = match >= 0 ? { row: match } : null;
        if (match >= 0 && compare.childElementCount) {
          this.compareRows(
            compare,
            sides,
            name === 'A' ? { ra: e.detail.row, rb: match } : { ra: match, rb: e.detail.row },
          );
        }
      });
      from.addEventListener('cell-leave', () => {
        from.highlight = null;
        to.highlight = null;
      });
    }
  }
}
customElements.define('tf-stage-positional', TfStagePositional);
