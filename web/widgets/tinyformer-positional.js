// <tinyformer-positional positions="32" width="64" dims="0,1,6,7">: the sinusoidal positional encoding of
// "Attention Is All You Need" as the engine computes it: chosen dimensions as waves over the positions, and
// the whole table (positions × dimensions) as a heatmap.
import '../components/tf-line-chart.js';
import '../components/tf-heatmap.js';
import { engine } from './store.js';
import { badAttribute, TinyformerWidget } from './widget.js';

export class TinyformerPositional extends TinyformerWidget {
  static spec = {
    name: 'positional',
    tag: 'tinyformer-positional',
    attributes: [
      { name: 'positions', type: 'int', min: 2, max: 256, default: 32, describe: 'how many positions (rows)' },
      { name: 'width', type: 'int', min: 2, max: 512, default: 64, describe: 'the model width C (columns)' },
      { name: 'dims', type: 'string', default: '0,1,6,7', describe: 'the dimensions drawn as waves, comma-separated' },
    ],
  };

  _dims(C) {
    const raw = this.option('dims');
    const dims = raw.split(',').map((d) => Number(d.trim()));
    if (!(dims.length >= 1 && dims.length <= 8 && dims.every((d) => Number.isInteger(d) && d >= 0 && d < C))) {
      throw badAttribute('dims', raw, this.say('widget.positional.dimsRange', { max: C - 1 }));
    }
    return dims;
  }

  async render() {
    const T = this.option('positions');
    const C = this.option('width');
    const dims = this._dims(C);
    const pe = (await engine()).positionalEncoding(T, C); // (T, C)
    if (!this.waves) {
      this.waves = this.parts.body.appendChild(document.createElement('tf-line-chart'));
      this.waves.setAttribute('height', '200');
      this.table = this.parts.body.appendChild(document.createElement('tf-heatmap'));
      this.table.setAttribute('scale', 'diverging');
      this.table.setAttribute('cell', '9');
      this.table.setAttribute('min-cell', '2');
    }
    const positions = Array.from({ length: T }, (_, t) => t);
    this.waves.setAttribute('x-title', this.say('widget.positional.position'));
    this.waves.setAttribute('y-title', this.say('widget.positional.value'));
    this.waves.setAttribute('label', this.say('widget.positional.wavesLabel'));
    this.waves.series = dims.map((d) => ({
      label: this.say('widget.positional.dim', { d }),
      xs: positions,
      ys: Float32Array.from(positions, (t) => pe.data[t * C + d]),
    }));
    this.table.setAttribute('row-title', this.say('widget.positional.position'));
    this.table.setAttribute('col-title', this.say('widget.positional.dimension'));
    this.table.setAttribute('label', this.say('widget.positional.tableLabel'));
    this.table.matrix = {
      values: pe.data,
      rows: T,
      cols: C,
      rowLabels: positions.map(String),
      colLabels: Array.from({ length: C }, (_, c) => String(c)),
    };
    this.parts.caption.textContent = this.say('widget.positional.caption', { T, C });
  }
}

customElements.define('tinyformer-positional', TinyformerPositional);
