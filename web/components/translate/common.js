// Small pieces shared by the translation views: layer / head pickers and number formats. Views only:
// nothing here computes a model number.
import './strings.js';
import { t } from '../../i18n/index.js';
import { el } from '../labels.js';

export const BASE_STYLE = `
  :host { display: block; font: 14px/1.5 system-ui, "Noto Sans CJK KR", sans-serif; color: #1d1d1f; min-width: 0; }
  .explain { color: #5b5b66; margin: 0 0 0.5rem; }
  .hint { color: #5b5b66; font-size: 0.9rem; margin: 0.3rem 0; }
  .pickers { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: center; margin: 0.3rem 0 0.6rem; }
  .pickers label { display: inline-flex; gap: 0.4rem; align-items: center; font-weight: 500; }
  select, button, input { font: inherit; }
  select { padding: 0.15rem 0.3rem; }
  button { cursor: pointer; border: 1px solid #c8c8d2; background: #fafafe; border-radius: 8px; padding: 0.2rem 0.6rem; }
  button:hover:not(:disabled) { border-color: #2166ac; }
  button[aria-pressed="true"] { background: #2166ac; border-color: #2166ac; color: #fff; font-weight: 600; }
  button:focus-visible, select:focus, input:focus { outline: 3px solid #f4a582; outline-offset: 1px; }
  .formula { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85rem; background: #f3f3f8;
    padding: 0.4rem 0.6rem; border-radius: 6px; overflow-x: auto; white-space: pre; margin: 0.4rem 0; }
`;

/** "62%" for a share in [0, 1]. */
export function pct(p) {
  return `${(100 * p).toFixed(p >= 0.995 || p < 0.1 ? 1 : 0)}%`;
}

/**
 * Layer and head pickers: <select>s that dispatch `pick` {layer, head} from `host`.
 * choice = {layers, heads, layer, head, allowMean}; head is a number or 'mean'.
 */
export function pickers(host, choice) {
  const box = el('div', 'pickers');
  const layer = document.createElement('select');
  layer.dataset.pick = 'layer';
  for (let l = 0; l < choice.layers; l++)
    layer.append(new Option(t('translate.pick.layerOption', { n: l + 1 }), String(l)));
  layer.value = String(choice.layer);
  const head = document.createElement('select');
  head.dataset.pick = 'head';
  if (choice.allowMean !== false) head.append(new Option(t('translate.head.mean'), 'mean'));
  for (let h = 0; h < choice.heads; h++) head.append(new Option(t('translate.head.one', { n: h + 1 }), String(h)));
  head.value = String(choice.head);
  const emit = () =>
    host.dispatchEvent(
      new CustomEvent('pick', {
        detail: { layer: Number(layer.value), head: head.value === 'mean' ? 'mean' : Number(head.value) },
        bubbles: true,
        composed: true,
      }),
    );
  layer.addEventListener('change', emit);
  head.addEventListener('change', emit);
  const l1 = el('label', '', t('translate.pick.layer'));
  l1.append(layer);
  const l2 = el('label', '', t('translate.pick.head'));
  l2.append(head);
  box.append(l1, l2);
  return box;
}

/** The name of a head choice: "mean of heads" or "head 2". */
export function headName(head) {
  return head === 'mean' ? t('translate.head.mean') : t('translate.head.one', { n: head + 1 });
}
