// <tf-tensor-view>: one or more recorded tensors of an Inspection as labelled heatmaps — the plain
// view any stage can fall back on. Rows are tokens; columns are dimensions (or tokens, for T×T).
//   view.show([{ title: 'Q (head 0)', tensor: run.head('h0.attn.q', 0), rowLabels, colLabels, scale }]);
import { el } from './labels.js';
import './tf-heatmap.js';

export class TfTensorView extends HTMLElement {
  /** @param {{title: string, tensor: {data: Float32Array, shape: number[]}, rowLabels?: string[], colLabels?: string[], scale?: string, note?: string}[]} panels */
  show(panels) {
    this.replaceChildren(
      ...panels.map((p) => {
        const box = el('figure', 'tensor-panel');
        const [rows, cols] = p.tensor.shape.length === 1 ? [1, p.tensor.shape[0]] : p.tensor.shape.slice(-2);
        box.append(el('figcaption', '', `${p.title}  (${p.tensor.shape.join(' × ')})`));
        const h = document.createElement('tf-heatmap');
        h.setAttribute('scale', p.scale ?? 'diverging');
        h.setAttribute('label', p.title);
        if (p.rowTitle) h.setAttribute('row-title', p.rowTitle);
        if (p.colTitle) h.setAttribute('col-title', p.colTitle);
        box.append(h);
        h.matrix = {
          values: p.tensor.data,
          rows,
          cols,
          mask: p.mask,
          rowLabels: p.rowLabels,
          colLabels: p.colLabels ?? Array.from({ length: cols }, (_, i) => String(i)),
        };
        if (p.note) box.append(el('p', 'hint', p.note));
        return box;
      }),
    );
  }
}

customElements.define('tf-tensor-view', TfTensorView);
