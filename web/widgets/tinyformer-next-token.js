// <tinyformer-next-token sentence="고양이는 귀엽" top="8" temperature="1">: what the model expects next, as
// the engine's next-token probabilities after temperature; the view lists the most likely ones.
import '../components/tf-bar-chart.js';
import { rankIds } from '../components/rank.js';
import { visibleToken } from '../components/labels.js';
import { model } from './store.js';
import { MODEL, SENTENCE } from './common.js';
import { TinyformerWidget } from './widget.js';

export class TinyformerNextToken extends TinyformerWidget {
  static spec = {
    name: 'next',
    tag: 'tinyformer-next-token',
    attributes: [
      MODEL,
      SENTENCE,
      { name: 'top', type: 'int', min: 1, max: 20, default: 8, describe: 'how many of the most likely tokens to list' },
      {
        name: 'temperature',
        type: 'number',
        min: 0.05,
        max: 5,
        default: 1,
        describe: 'divides the scores before softmax',
      },
    ],
  };

  async render() {
    const m = await model(this.option('model'));
    const sentence = this.sentence();
    const k = this.option('top');
    const temperature = this.option('temperature');
    const probs = m.nextTokenProbs(sentence, { temperature });
    const vocab = m.tokenizer.vocab;
    const ids = rankIds(probs).slice(0, k);
    this.view ??= this.parts.body.appendChild(document.createElement('tf-bar-chart'));
    this.view.setAttribute('label', this.say('widget.next.label'));
    this.view.data = {
      labels: ids.map((id) => visibleToken(vocab[id] ?? `#${id}`)),
      values: Float32Array.from(ids, (id) => probs[id]),
      details: ids.map((id, r) => this.say('widget.next.detail', { id, rank: r + 1 })),
      highlight: 0,
      domain: [0, 1],
    };
    this.parts.caption.textContent = this.say('widget.next.caption', { sentence, k, temperature });
  }
}

customElements.define('tinyformer-next-token', TinyformerNextToken);
