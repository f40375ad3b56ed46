// <tinyformer-sagwa>: the 사과 lesson, the same word becoming different vectors in different contexts (사과 the
// apple, 사과 the apology). On the shipped Korean model: the cosine similarity of 사과's hidden states across the
// lesson's sentences at each layer, a 2-D map, where 사과 looks, and the engine's check on held-out sentences
// (tf::sense_check). The lesson view is the watch page's own (components/tf-sagwa-lesson.js).
import '../components/tf-sagwa-lesson.js';
import { model, siteJson } from './store.js';
import { TinyformerWidget } from './widget.js';

export class TinyformerSagwa extends TinyformerWidget {
  static spec = { name: 'sagwa', tag: 'tinyformer-sagwa', attributes: [] };

  async render() {
    const [m, lesson] = await Promise.all([model('ko-char'), siteJson('data/sagwa-lesson.json')]);
    this.view ??= this.parts.body.appendChild(document.createElement('tf-sagwa-lesson'));
    this.view.setAttribute('lang', this.language);
    this.view.trained = true;
    this.view.lesson = lesson;
    this.view.model = m;
    this.parts.caption.textContent = this.say('widget.sagwa.caption', { n: lesson.sentences.length });
  }
}

customElements.define('tinyformer-sagwa', TinyformerSagwa);
