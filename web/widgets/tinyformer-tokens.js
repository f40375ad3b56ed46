// <tinyformer-tokens sentence="고양이는 귀엽다" model="ko-char">: a sentence as the model's tokens, each with
// its position and vocabulary id (the engine's tokenizer), unknown tokens marked.
import '../components/tf-tokens.js';
import { model } from './store.js';
import { MODEL, SENTENCE } from './common.js';
import { TinyformerWidget } from './widget.js';

export class TinyformerTokens extends TinyformerWidget {
  static spec = { name: 'tokens', tag: 'tinyformer-tokens', attributes: [MODEL, SENTENCE] };

  async render() {
    const name = this.option('model');
    const sentence = this.sentence();
    const m = await model(name);
    const tokens = m.tokenize(sentence);
    this.view ??= this.parts.body.appendChild(document.createElement('tf-tokens'));
    this.view.tokens = tokens;
    const unknown = tokens.filter((t) => t.unknown).length;
    this.parts.caption.textContent =
      this.say('widget.tokens.caption', { sentence, n: tokens.length }) +
      (unknown ? ` ${this.say('widget.tokens.unknown', { n: unknown })}` : '');
  }
}

customElements.define('tinyformer-tokens', TinyformerTokens);
