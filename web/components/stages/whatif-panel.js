// The comparison box under a "what if" switch: this model's next-token top 5 and greedy continuation beside
// those of the model trained with the switched setting (data from web/whatif.js, computed by the engine).
// Strings in web/i18n/stages/whatif.{ko,en}.js.
import { registerStrings, t } from '../../i18n/index.js';
import ko from '../../i18n/stages/whatif.ko.js';
import en from '../../i18n/stages/whatif.en.js';
import { el, visibleToken } from '../labels.js';
import { formatValue } from './stage-kit.js';
import '../tf-bar-chart.js';

registerStrings({ ko, en });

const CSS = `
  .tf-whatif { border: 2px solid #f4a582; border-radius: 10px; padding: 0.5rem 0.8rem; margin: 0.8rem 0; background: #fffaf5; }
  .tf-whatif h3 { margin: 0.1rem 0 0.35rem; font-size: 1rem; }
  .tf-whatif-cols { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; }
  .tf-whatif-cols > section { flex: 1 1 260px; min-width: 0; }
  .tf-whatif h4 { margin: 0.2rem 0; font-size: 0.95rem; }
  .tf-whatif .tf-whatif-text { font-size: 1.05rem; white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid #e3e3ea; border-radius: 6px; padding: 0.25rem 0.5rem; margin: 0.2rem 0; }
  .tf-whatif[data-status="stale"] .tf-whatif-cols { opacity: 0.55; }
  .tf-whatif .tf-whatif-prompt { color: #6b6b76; }
  .tf-whatif .tf-whatif-verdict { font-weight: 600; margin: 0.4rem 0 0.1rem; }
`;

function ensureStyle() {
  if (document.getElementById('tf-whatif-style')) return;
  const style = document.createElement('style');
  style.id = 'tf-whatif-style';
  style.textContent = CSS;
  document.head.append(style);
}

/**
 * The box for `data` (WhatIf.forStage: {setting, own, value, status, message?, base?, variant?});
 * `name(value)` is how the stage writes a value of its setting (e.g. 'GELU', '학습된 표').
 */
export function whatifPanel(data, name) {
  ensureStyle();
  const box = el('section', 'tf-whatif');
  box.dataset.role = 'whatif';
  box.dataset.status = data.status;
  box.dataset.setting = data.setting;
  box.dataset.value = data.value;
  box.setAttribute('aria-live', 'polite');
  box.append(el('h3', '', t('whatif.title')));
  const value = name(data.value);
  if (!data.base) {
    const key = {
      own: 'whatif.own',
      loading: 'whatif.loading',
      computing: 'whatif.loading',
      unavailable: 'whatif.unavailable',
      untrained: 'whatif.untrained',
      failed: 'whatif.failed',
    }[data.status];
    const params = {
      own: name(data.own),
      value,
      message: data.message,
      trained: (data.trained ?? []).map((v) => `“${name(v)}”`).join(', '),
    };
    box.append(el('p', data.status === 'failed' ? 'message error' : 'hint', t(key, params)));
    return box;
  }
  box.append(el('p', 'hint', t('whatif.same', { setting: t(`whatif.setting.${data.setting}`) })));
  const cols = el('div', 'tf-whatif-cols');
  for (const [side, title, result] of [
    ['base', t('whatif.base', { value: name(data.own) }), data.base],
    ['variant', t('whatif.variant', { value }), data.variant],
  ]) {
    const col = el('section', '');
    col.dataset.side = side;
    const chart = document.createElement('tf-bar-chart');
    chart.setAttribute('label', `${title}: ${t('whatif.next')}`);
    chart.data = {
      labels: result.next.map((g) => visibleToken(g.token)),
      values: result.next.map((g) => g.p),
      details: result.next.map((g) => `#${g.id}`),
      domain: [0, 1],
      format: formatValue,
    };
    // the sentence (grey), then what the model wrote; line breaks shown as in the token strips
    const text = el('p', 'tf-whatif-text');
    const more = el('b', '', result.continuation.replace(/\n/g, '↵\n'));
    more.dataset.role = 'continuation';
    text.append(el('span', 'tf-whatif-prompt', data.text), more);
    col.append(
      el('h4', '', title),
      el('p', 'hint', t('whatif.next')),
      chart,
      el('p', 'hint', t('whatif.continuation', { n: result.steps })),
      text,
    );
    cols.append(col);
  }
  const [a, b] = [data.base.next[0], data.variant.next[0]];
  const verdict = el('p', 'tf-whatif-verdict');
  verdict.dataset.role = 'verdict';
  verdict.textContent = `${
    a.id === b.id
      ? t('whatif.verdict.topSame', { a: visibleToken(a.token), pa: formatValue(a.p), pb: formatValue(b.p) })
      : t('whatif.verdict.topDiffers', { a: visibleToken(a.token), b: visibleToken(b.token) })
  } ${t(
    data.base.continuation === data.variant.continuation ? 'whatif.verdict.textSame' : 'whatif.verdict.textDiffers',
  )}`;
  box.append(cols, verdict);
  return box;
}
