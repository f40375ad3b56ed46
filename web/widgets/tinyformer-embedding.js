// <tinyformer-embedding sentence="고양이는 귀엽다" show="token">: each token's row of the model's embedding
// table (what the model reads for it), as the engine recorded it; show="sum" adds the position vectors, as the
// first layer receives them.
import '../components/tf-heatmap.js';
import { tokenLabels } from '../components/labels.js';
import { model } from './store.js';
import { MODEL, SENTENCE } from './common.js';
import { TinyformerWidget } from './widget.js';

const TENSORS = { token: 'embed.token', position: 'embed.position', sum: 'embed.sum' };

export class TinyformerEmbedding extends TinyformerWidget {
  static spec = {
    name: 'embedding',
    tag: 'tinyformer-embedding',
    attributes: [
      MODEL,
      SENTENCE,
      {
        name: 'show',
        type: 'enum',
        choices: Object.keys(TENSORS),
        default: 'token',
        describe: "token: the embedding rows; position: the position vectors; sum: both added, the first layer's input",
      },
    ],
  };

  async render() {
    const m = await model(this.option('model'));
    const sentence = this.sentence();
    const show = this.option('show');
    const run = m.inspect(sentence, { tensors: [TENSORS[show]] });
    const x = run.tensor(TENSORS[show]); // (T, C)
    const [T, C] = x.shape;
    if (!this.view) {
      this.view = this.parts.body.appendChild(document.createElement('tf-heatmap'));
      this.view.setAttribute('scale', 'diverging');
      this.view.setAttribute('cell', '9');
      this.view.setAttribute('min-cell', '3');
    }
    this.view.setAttribute('row-title', this.say('widget.embedding.rows'));
    this.view.setAttribute('col-title', this.say('widget.embedding.cols'));
    this.view.setAttribute('label', this.say('widget.embedding.label'));
    this.view.matrix = {
      values: x.data,
      rows: T,
      cols: C,
      rowLabels: tokenLabels(run.tokens),
      colLabels: Array.from({ length: C }, (_, c) => String(c)),
    };
    this.parts.caption.textContent = this.say(`widget.embedding.caption.${show}`, { T, C });
  }
}

customElements.define('tinyformer-embedding', TinyformerEmbedding);
