// <tinyformer-activation functions="relu,gelu,sigmoid,tanh" from="-4" to="4">: the feed-forward layer's
// activation functions as curves, every f(x) computed by the engine's own kernel.
import '../components/tf-line-chart.js';
import { engine } from './store.js';
import { badAttribute, TinyformerWidget } from './widget.js';

const KINDS = ['relu', 'gelu', 'gelu_tanh', 'sigmoid', 'tanh', 'silu'];
const NAMES = { relu: 'ReLU', gelu: 'GELU', gelu_tanh: 'GELU (tanh)', sigmoid: 'sigmoid', tanh: 'tanh', silu: 'SiLU' };
const POINTS = 161;

export class TinyformerActivation extends TinyformerWidget {
  static spec = {
    name: 'activation',
    tag: 'tinyformer-activation',
    attributes: [
      {
        name: 'functions',
        type: 'string',
        default: 'relu,gelu,sigmoid,tanh',
        describe: `comma-separated, of ${KINDS.join(', ')}`,
      },
      { name: 'from', type: 'number', min: -50, max: 50, default: -4, describe: 'the left end of x' },
      { name: 'to', type: 'number', min: -50, max: 50, default: 4, describe: 'the right end of x' },
    ],
  };

  _functions() {
    const raw = this.option('functions');
    const kinds = raw.split(',').map((k) => k.trim());
    if (!(kinds.length >= 1 && kinds.length <= KINDS.length && kinds.every((k) => KINDS.includes(k)))) {
      throw badAttribute('functions', raw, KINDS.join(', '));
    }
    return kinds;
  }

  async render() {
    const kinds = this._functions();
    const lo = this.option('from');
    const hi = this.option('to');
    if (!(hi > lo)) {
      throw badAttribute('to', String(hi), this.say('widget.activation.toRange', { from: lo }));
    }
    const tinyformer = await engine();
    // the inputs: evenly spaced x; every f(x) is the engine's
    const xs = Float32Array.from({ length: POINTS }, (_, i) => lo + ((hi - lo) * i) / (POINTS - 1));
    this.view ??= this.parts.body.appendChild(document.createElement('tf-line-chart'));
    this.view.setAttribute('height', '220');
    this.view.setAttribute('x-title', 'x');
    this.view.setAttribute('y-title', 'f(x)');
    this.view.setAttribute('label', this.say('widget.activation.label'));
    this.view.series = kinds.map((k) => ({
      label: NAMES[k],
      xs: Array.from(xs),
      ys: tinyformer.applyActivation(k, xs),
    }));
    this.parts.caption.textContent = this.say('widget.activation.caption', { from: lo, to: hi });
  }
}

customElements.define('tinyformer-activation', TinyformerActivation);
