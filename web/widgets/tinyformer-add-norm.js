// <tinyformer-add-norm sentence="고양이는 귀엽다" layer="1" after="attention" token="3">: the residual connection
// and layer norm around one sublayer, for one token: its vector x before the sublayer, the sublayer's output,
// their sum x + sublayer(x), and LayerNorm of the sum: four rows of one heatmap, each with its mean μ and spread σ
// from the engine (tinyformer.layerNormTerms with ε = 0). Under it, LN's formula at one dimension (attribute dim, or hover
// a cell) written again with the recorded numbers and the model's γ and β.
import '../components/tf-heatmap.js';
import { visibleToken } from '../components/labels.js';
import { formatValue } from '../components/tf-heatmap.js';
import {
  formulaBox,
  frac,
  math,
  MATH_CSS,
  mi,
  mn,
  mo,
  num,
  row,
  signed,
  sqrt,
  sub,
  sup,
} from '../components/mathml.js';
import { addNormTensors, lnParameter } from '../components/stages/addnorm-tensors.js';
import { engine, model } from './store.js';
import { LAYER, MODEL, SENTENCE } from './common.js';
import { TinyformerWidget } from './widget.js';

const STYLE = `${MATH_CSS}
  .math-where { margin: 0.2rem 0; }
  table.addnorm-stats { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 6px 0; font-size: 0.92em; }
  .addnorm-stats th, .addnorm-stats td { padding: 2px 8px; border-bottom: 1px solid #ececf2; text-align: right; }
  .addnorm-stats th[scope=row] { text-align: left; font-weight: 500; }
  .addnorm-stats tr:last-child th, .addnorm-stats tr:last-child td { font-weight: 700; }
  .addnorm-hint { color: var(--tinyformer-muted, #55555f); font-size: 0.92em; margin: 4px 0; }
`;
const ROWS = ['input', 'sub', 'sum', 'norm'];

export class TinyformerAddNorm extends TinyformerWidget {
  static spec = {
    name: 'addnorm',
    tag: 'tinyformer-add-norm',
    attributes: [
      MODEL,
      SENTENCE,
      { ...LAYER, describe: 'the block, from 1' },
      {
        name: 'after',
        type: 'enum',
        choices: ['attention', 'feed-forward'],
        default: 'attention',
        describe: 'which sublayer the residual goes around: attention or feed-forward',
      },
      {
        name: 'token',
        type: 'int',
        min: 1,
        max: (w) => w.tokens ?? 1,
        default: (w) => w.tokens ?? 1,
        describe: 'the token (from 1) whose vectors are shown; default: the last',
      },
      {
        name: 'dim',
        type: 'int',
        min: 0,
        max: (w) => (w.config?.n_embd ?? 1) - 1,
        default: 0,
        describe: 'the dimension (from 0) the formula is written for',
      },
    ],
  };

  async render() {
    const m = await model(this.option('model'));
    const tinyformer = await engine();
    this.config = m.config;
    const cfg = m.config,
      C = cfg.n_embd;
    const sentence = this.sentence();
    const layer = this.option('layer') - 1;
    const after = this.option('after');
    const names = addNormTensors(cfg, layer, after === 'attention' ? 1 : 2);
    const ins = m.inspect(sentence, { tensors: Object.values(names) }); // only the four vectors shown
    this.tokens = ins.tokens.length;
    const r = this.option('token') - 1;
    // one token's four vectors (C each), stacked as rows
    const values = new Float32Array(4 * C);
    const vectors = ROWS.map((key, i) => {
      const v = ins.tensor(names[key]).data.subarray(r * C, (r + 1) * C);
      values.set(v, i * C);
      return v;
    });
    const stats = vectors.map((v) => tinyformer.layerNormTerms(v, 0)); // μ and σ² of each row, from the engine
    const f = (v) => formatValue(v);
    const subName = this.say(after === 'attention' ? 'widget.addnorm.attention' : 'widget.addnorm.ffn');
    if (!this.view) {
      const style = document.createElement('style');
      style.textContent = STYLE;
      this.shadowRoot.prepend(style);
      this.view = this.parts.body.appendChild(document.createElement('tf-heatmap'));
      this.view.setAttribute('scale', 'diverging');
      this.view.setAttribute('cell', '12');
      this.view.setAttribute('min-cell', '4');
      this.view.setAttribute('cell-height', '22');
      this.stats = this.parts.body.appendChild(document.createElement('table'));
      this.stats.className = 'addnorm-stats';
      this.hint = this.parts.body.appendChild(document.createElement('p'));
      this.hint.className = 'addnorm-hint';
      this.formula = this.parts.body.appendChild(document.createElement('div'));
      this.view.addEventListener('cell-hover', (e) => this._formula?.(e.detail.col));
    }
    this.view.setAttribute('label', this.say('widget.addnorm.label'));
    this.view.setAttribute('col-title', this.say('widget.addnorm.dimension'));
    const rowLabels = ROWS.map((key) => this.say(`widget.addnorm.row.${key}`, { sub: subName }));
    this.view.matrix = {
      values,
      rows: 4,
      cols: C,
      rowLabels,
      colLabels: Array.from({ length: C }, (_, c) => String(c)),
    };
    // each row's mean and spread (the engine's), as a table that a phone shows whole
    const cell = (tag, text, scope) => {
      const c = document.createElement(tag);
      c.textContent = text;
      if (scope) c.scope = scope;
      return c;
    };
    const head = document.createElement('tr');
    head.append(
      cell('th', ''),
      cell('th', this.say('widget.addnorm.mean'), 'col'),
      cell('th', this.say('widget.addnorm.std'), 'col'),
    );
    this.stats.replaceChildren(
      head,
      ...stats.map((st, i) => {
        const tr = document.createElement('tr');
        tr.dataset.row = ROWS[i];
        tr.dataset.mean = String(st.mean);
        tr.append(cell('th', rowLabels[i], 'row'), cell('td', f(st.mean)), cell('td', f(Math.sqrt(st.variance))));
        return tr;
      }),
    );
    this.hint.textContent = this.say('widget.addnorm.gamma');
    const token = visibleToken(ins.tokens[r].text);
    const eps = cfg.ln_eps ?? 1e-5;
    const terms = tinyformer.layerNormTerms(vectors[2], eps);
    const param = lnParameter(names.norm);
    const gamma = m.parameter(`${param}.weight`).data;
    const beta = cfg.bias ? m.parameter(`${param}.bias`).data : null;
    // LN(x)_k = (x_k − μ) ÷ √(σ² + ε) · γ_k + β_k, then with the numbers at dimension k
    this._formula = (k) => {
      const lnk = (k2) => sub(row(mi('LN'), mo('('), mi('x'), mo(')')), k2);
      const symbols = [
        lnk(mi('k')),
        mo('='),
        frac(row(sub(mi('x'), mi('k')), mo('−'), mi('μ')), sqrt(sup(mi('σ'), mn('2')), mo('+'), mi('ε'))),
        mo('·'),
        sub(mi('γ'), mi('k')),
        ...(beta ? [mo('+'), sub(mi('β'), mi('k'))] : []),
      ];
      const numbers = [
        lnk(mn(String(k))),
        mo('='),
        frac(
          row(num(vectors[2][k], f), mo('−'), signed(terms.mean, f)),
          sqrt(num(terms.variance, f), mo('+'), num(eps, f)),
        ),
        mo('·'),
        signed(gamma[k], f),
        ...(beta ? [mo('+'), signed(beta[k], f)] : []),
      ];
      const box = formulaBox(
        'addnorm-formula',
        math(...symbols),
        math(...numbers),
        math(mo('='), num(vectors[3][k], f)),
      );
      const where = document.createElement('p');
      where.className = 'math-where';
      where.textContent = this.say('widget.addnorm.where', { token, k, last: C - 1 });
      box.append(where);
      Object.assign(box.dataset, {
        dim: String(k),
        x: String(vectors[2][k]),
        out: String(vectors[3][k]),
        mean: String(terms.mean),
      });
      this.formula.replaceChildren(box);
    };
    this._formula(this.option('dim'));
    this.parts.caption.textContent = this.say(`widget.addnorm.caption.${cfg.norm === 'post' ? 'post' : 'pre'}`, {
      token,
      layer: layer + 1,
      sub: subName,
    });
  }
}

customElements.define('tinyformer-add-norm', TinyformerAddNorm);
