// <tinyformer-teacher-forcing sentence="나는 밥을 먹었다" reference="I ate rice">: teacher forcing vs free-running
// on the shipped Korean→English model. For each position of the reference: the token the decoder ranks first when
// it is fed the reference so far (teacher forcing, as in training), the reference token's probability, and the
// token it writes when fed its own words (free-running, as in use); the first place they part is marked. Every
// number is the engine's (translator.compareDecoding); the learner can edit the reference inside the widget.
import { forcingData } from '../components/translate/tf-translate-forcing.js';
import { pieceLabel } from '../components/labels.js';
import { model } from './store.js';
import { AttributeError, brokenUtf16At, TinyformerWidget } from './widget.js';

const SPECIAL = ['<pad>', '<bos>', '<eos>', '<unk>'];

export class TinyformerTeacherForcing extends TinyformerWidget {
  static spec = {
    name: 'forcing',
    tag: 'tinyformer-teacher-forcing',
    attributes: [
      {
        name: 'sentence',
        type: 'string',
        default: '나는 밥을 먹었다',
        describe: 'the Korean sentence the encoder reads',
      },
      {
        name: 'reference',
        type: 'string',
        default: 'I ate rice',
        describe: 'the English reference the decoder is fed under teacher forcing',
      },
    ],
  };

  async render() {
    const translator = await model('ko-en-word');
    const sentence = this.sentence();
    // an attribute set to '' (or a box emptied by the learner) is an empty reference, not the default
    const reference = this.hasAttribute('reference') ? this.getAttribute('reference') : this.option('reference');
    const vocab = translator.tokenizers.target.vocab;
    const label = (id) => (id < 4 ? SPECIAL[id] : pieceLabel(vocab[id] ?? '?'));
    let data;
    try {
      if (reference.trim() === '') throw new AttributeError('empty_reference', {});
      const broken = brokenUtf16At(reference);
      if (broken) throw new AttributeError('bad_utf16', { position: broken });
      data = forcingData(translator.compareDecoding(sentence, reference), label);
    } catch (err) {
      // typed into the widget's own box: the message goes under the box, which stays to be mended
      if (!this._typed) throw err;
      this.view.data = null;
      this.view.message = this.say(
        `widget.error.${err.code in { empty_reference: 1, bad_utf16: 1, too_long: 1 } ? err.code : 'internal'}`,
        { ...err.params, detail: err.detail, detail2: err.detail2, message: err.message },
      );
      return;
    }
    if (!this.view) {
      this.view = this.parts.body.appendChild(document.createElement('tf-translate-forcing'));
      this.view.addEventListener('reference-change', (e) => {
        clearTimeout(this._typing);
        this._typing = setTimeout(() => {
          this._typed = true;
          this.setAttribute('reference', e.detail.text);
        }, 120);
      });
    }
    this.view.setAttribute('lang', this.language);
    this.view.reference = reference;
    this.view.message = '';
    this.view.data = data;
    this._typed = false;
    this.parts.caption.textContent = this.say('widget.forcing.caption', { sentence });
  }
}

customElements.define('tinyformer-teacher-forcing', TinyformerTeacherForcing);
