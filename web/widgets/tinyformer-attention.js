// <tinyformer-attention sentence="고양이는 귀엽다" layer="1" head="2">: one attention map of the model on a
// sentence, as the engine computed it: rows are the tokens that look, columns the tokens looked at, each row
// sums to 1; the future tokens the causal mask hides are drawn hatched (the engine's −∞ scores).
// head="mean": the engine's mean over the heads. Attribute controls: layer and head pickers.
import '../components/tf-heatmap.js';
import { tokenLabels } from '../components/labels.js';
import { engine, model } from './store.js';
import { LAYER, MODEL, SENTENCE } from './common.js';
import { TinyformerWidget } from './widget.js';

const HEAD = {
  name: 'head',
  type: 'string',
  default: '1',
  describe: 'the head, from 1, or mean (the mean over the heads)',
};

export class TinyformerAttention extends TinyformerWidget {
  static spec = {
    name: 'attention',
    tag: 'tinyformer-attention',
    attributes: [
      MODEL,
      SENTENCE,
      LAYER,
      HEAD,
      { name: 'show-values', type: 'bool', default: false, describe: 'write each weight in its cell when it fits' },
      { name: 'controls', type: 'bool', default: false, describe: 'show layer and head pickers' },
    ],
  };

  async render() {
    const m = await model(this.option('model'));
    this.config = m.config;
    const sentence = this.sentence();
    const layer = this.option('layer');
    const head = this.head(this.config.n_head);
    const run = m.inspect(sentence, { tensors: [`h${layer - 1}.attn.probs`, `h${layer - 1}.attn.masked`] });
    const tinyformer = await engine();
    const probs =
      head === 'mean'
        ? tinyformer.headMean(run.tensor(`h${layer - 1}.attn.probs`))
        : run.attention(layer - 1, head - 1);
    // the engine's masked scores: −∞ where the causal mask hides a token (the same in every head)
    const masked = run.head(`h${layer - 1}.attn.masked`, 0).data;
    const T = run.tokens.length;
    const labels = tokenLabels(run.tokens);
    this.view ??= this._makeView();
    this.view.setAttribute('mask-note', this.say('widget.attention.mask'));
    this.view.setAttribute('row-title', this.say('widget.attention.rows'));
    this.view.setAttribute('col-title', this.say('widget.attention.cols'));
    this.view.setAttribute('label', this.say('widget.attention.label'));
    this.view.toggleAttribute('show-values', this.option('show-values'));
    this.view.matrix = {
      values: probs.data,
      rows: T,
      cols: T,
      rowLabels: labels,
      colLabels: labels,
      mask: Uint8Array.from(masked, (v) => (v === -Infinity ? 1 : 0)),
    };
    this._controls(layer, head);
    const headName = head === 'mean' ? this.say('widget.attention.mean') : this.say('widget.attention.head', { head });
    this.parts.caption.textContent = this.say('widget.attention.caption', { layer, headName });
  }

  _makeView() {
    const view = document.createElement('tf-heatmap');
    view.setAttribute('scale', 'sequential');
    view.setAttribute('scale-max', '1');
    return this.parts.body.appendChild(view);
  }

  /** Layer and head pickers (attribute controls); a choice sets the attribute, so 'change' follows. */
  _controls(layer, head) {
    const box = this.parts.controls;
    if (!this.option('controls')) {
      box.replaceChildren();
      return;
    }
    const picker = (labelText, options, value, attr) => {
      const label = document.createElement('label');
      const select = document.createElement('select');
      for (const [v, text] of options) select.append(new Option(text, String(v), false, String(v) === String(value)));
      select.addEventListener('change', () => this.setAttribute(attr, select.value));
      label.append(labelText, select);
      return label;
    };
    const { n_layer: L, n_head: H } = this.config;
    const layers = Array.from({ length: L }, (_, i) => [i + 1, String(i + 1)]);
    const heads = [
      ...Array.from({ length: H }, (_, i) => [i + 1, this.say('widget.attention.head', { head: i + 1 })]),
      ['mean', this.say('widget.attention.mean')],
    ];
    box.replaceChildren(
      picker(this.say('widget.attention.layer'), layers, layer, 'layer'),
      picker(this.say('widget.attention.headLabel'), heads, head, 'head'),
    );
  }
}

customElements.define('tinyformer-attention', TinyformerAttention);
