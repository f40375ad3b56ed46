// What embed.html shows for a widget name it does not know: the message in the page's language, with the names
// it knows (a <tinyformer-unknown> element shows it like any widget's error).
import { AttributeError, TinyformerWidget } from './widget.js';

class TinyformerUnknown extends TinyformerWidget {
  static spec = {
    name: 'unknown',
    tag: 'tinyformer-unknown',
    attributes: [
      { name: 'widget', type: 'string', default: '' },
      { name: 'known', type: 'string', default: '' },
    ],
  };

  async render() {
    throw new AttributeError('bad_widget', { value: this.option('widget'), choices: this.option('known') });
  }
}
customElements.define('tinyformer-unknown', TinyformerUnknown);

export function showUnknownWidget(name, known) {
  const w = document.createElement('tinyformer-unknown');
  w.setAttribute('widget', name);
  w.setAttribute('known', known.join(', '));
  return w;
}
