// <tinyformer-translate sentence="나는 밥을 먹었다" layer="2" head="mean">: the shipped Korean→English
// encoder–decoder translates, and the cross-attention map shows which Korean tokens each written English token
// looked at (rows: English tokens as written, columns: the Korean tokens the encoder read).
import '../components/tf-heatmap.js';
import { pieceLabel } from '../components/labels.js';
import { engine, model } from './store.js';
import { TinyformerWidget } from './widget.js';

const SPECIAL = ['<pad>', '<bos>', '<eos>', '<unk>'];

export class TinyformerTranslate extends TinyformerWidget {
  static spec = {
    name: 'translate',
    tag: 'tinyformer-translate',
    attributes: [
      { name: 'sentence', type: 'string', default: '나는 밥을 먹었다', describe: 'a Korean sentence to translate' },
      {
        name: 'layer',
        type: 'int',
        min: 1,
        max: (w) => w.config?.n_decoder_layer ?? 1,
        default: (w) => w.config?.n_decoder_layer ?? 1,
        describe: 'the decoder layer, from 1; default: the last',
      },
      { name: 'head', type: 'string', default: 'mean', describe: 'the head, from 1, or mean' },
    ],
  };

  async render() {
    const translator = await model('ko-en-word');
    this.config = translator.config;
    const sentence = this.sentence();
    const layer = this.option('layer');
    const head = this.head(this.config.n_head);
    const r = translator.translate(sentence);
    const name = `dec.h${layer - 1}.xattn.probs`;
    const map =
      head === 'mean' ? (await engine()).headMean(r.inspection.tensor(name)) : r.inspection.head(name, head - 1);
    const [T, S] = map.shape;
    const target = translator.tokenizers.target.vocab;
    const source = [{ text: '<bos>' }, ...r.sourceTokens, { text: '<eos>' }];
    const rowLabels = Array.from(r.ids, (id, k) => `${k + 1} ${id < 4 ? SPECIAL[id] : pieceLabel(target[id] ?? '?')}`);
    const colLabels = source.map((tk) => pieceLabel(tk.text));
    this.view ??= this._makeView();
    this.view.setAttribute('row-title', this.say('widget.translate.rows'));
    this.view.setAttribute('col-title', this.say('widget.translate.cols'));
    this.view.setAttribute('label', this.say('widget.translate.label'));
    this.view.matrix = { values: map.data, rows: T, cols: S, rowLabels, colLabels };
    const headName = head === 'mean' ? this.say('widget.attention.mean') : this.say('widget.attention.head', { head });
    this.parts.caption.textContent = this.say('widget.translate.caption', { sentence, text: r.text, layer, headName });
  }

  _makeView() {
    const view = document.createElement('tf-heatmap');
    view.setAttribute('scale', 'sequential');
    view.setAttribute('scale-max', '1');
    view.setAttribute('cell', '26');
    return this.parts.body.appendChild(view);
  }
}

customElements.define('tinyformer-translate', TinyformerTranslate);
