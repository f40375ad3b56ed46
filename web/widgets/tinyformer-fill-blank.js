// <tinyformer-fill-blank sentence="나는 ___을 먹었다" top="5">: CBOW word vectors (the shipped ko-words model)
// guess the blank from the words around it: the engine's top guesses with their probabilities.
import '../components/tf-bar-chart.js';
import { model } from './store.js';
import { TinyformerWidget } from './widget.js';

export class TinyformerFillBlank extends TinyformerWidget {
  static spec = {
    name: 'blank',
    tag: 'tinyformer-fill-blank',
    attributes: [
      {
        name: 'sentence',
        type: 'string',
        default: '나는 ___을 먹었다',
        describe: 'a Korean sentence with the blank written as ___',
      },
      { name: 'top', type: 'int', min: 1, max: 20, default: 5, describe: 'how many guesses to list' },
    ],
  };

  async render() {
    const sentence = this.sentence();
    const k = this.option('top');
    const words = await model('ko-words-cbow');
    let out;
    try {
      out = words.fillBlank(sentence, k);
    } catch (err) {
      if (err?.code !== 'unknown_word') throw err;
      // which word: the first the engine does not know (its own lookup)
      const unknown = sentence
        .split(/\s+/)
        .map((w) => w.replace(/_+/g, ''))
        .filter(Boolean)
        .find((w) => {
          try {
            words.wordId(w);
            return false;
          } catch {
            return true;
          }
        });
      err.params = { word: unknown ?? '?' };
      throw err;
    }
    this.view ??= this.parts.body.appendChild(document.createElement('tf-bar-chart'));
    this.view.setAttribute('label', this.say('widget.blank.label'));
    this.view.data = {
      labels: out.guesses.map((g) => g.word),
      values: Float32Array.from(out.guesses, (g) => g.prob),
      details: out.guesses.map((g, r) => this.say('widget.next.detail', { id: g.id, rank: r + 1 })),
      highlight: 0,
      domain: [0, 1],
    };
    const context = Array.from(out.context, (id) => words.words[id]).join(', ');
    this.parts.caption.textContent = this.say('widget.blank.caption', { words: out.words.join(' '), context });
  }
}

customElements.define('tinyformer-fill-blank', TinyformerFillBlank);
