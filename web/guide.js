// guide.html: the widget guide for course authors. Reads widgets.json, shows each widget live (the same elements
// embed.js defines, sharing the page's one engine), its attributes, and a snippet builder whose choices change the
// live widget and the script-tag and iframe code at once.
import { applyI18n, locale, onLocaleChange, registerStrings, setLocale, t } from './i18n/index.js';
import ko from './i18n/guide.ko.js';
import en from './i18n/guide.en.js';
import './embed.js';

registerStrings({ ko, en });

const $ = (id) => document.getElementById(id);
const SITE = new URL('.', location.href).href; // where embed.js and embed.html live, as authors will link them

/** Text safe inside a double-quoted HTML attribute. */
const attr = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'i18n') e.dataset.i18n = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** The guide's own wording for `key` when it has one, else `fallback` (widgets.json's words). */
function local(key, fallback) {
  const text = t(key);
  return text === key ? fallback : text;
}

/** The values an attribute takes, as the table shows them. */
/** A widget's own wording of an attribute (guide.attr.qkv.controls) wins over the shared one (guide.attr.controls). */
function own(w, kind, a) {
  const key = `guide.${kind}.${w.name}.${a.name}`;
  return t(key) !== key ? key : `guide.${kind}.${a.name}`;
}

function valuesOf(w, a) {
  if (a.values) return a.values.join(', ');
  if (a.type === 'bool') return 'true / false';
  if (a.min !== undefined) return `${a.min} … ${typeof a.max === 'number' ? a.max : local(own(w, 'max', a), a.max)}`;
  return local(`guide.type.${a.type}`, a.type);
}

function attributeTable(w) {
  const rows = [
    { name: 'lang', type: 'enum', values: ['ko', 'en'], default: 'ko', key: 'guide.attrs.lang' },
    ...w.attributes,
  ];
  const head = el('tr', {}, ...['name', 'type', 'default', 'what'].map((k) => el('th', { i18n: `guide.attrs.${k}` })));
  const body = rows.map((a) =>
    el(
      'tr',
      {},
      el('td', {}, el('code', { text: a.name })),
      el('td', { text: valuesOf(w, a) }),
      el('td', { text: local(own(w, 'default', a), String(a.default)) }),
      el('td', { i18n: a.key ?? own(w, 'attr', a) }),
    ),
  );
  return el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, head), el('tbody', {}, ...body)));
}

/** One input per attribute; returns the form and a function that reads the chosen attributes. */
function builderForm(w, widget, onChange) {
  const inputs = [];
  for (const a of w.attributes) {
    const current = widget.getAttribute(a.name);
    let input;
    if (a.type === 'bool') {
      input = el('input', { type: 'checkbox' });
      input.checked = current !== null;
    } else if (a.values) {
      input = el(
        'select',
        {},
        el('option', { value: '', i18n: 'guide.builder.unset' }),
        ...a.values.map((v) => el('option', { value: v, text: v })),
      );
      input.value = current ?? '';
    } else {
      input = el('input', { type: a.type === 'int' || a.type === 'number' ? 'number' : 'text' });
      if (a.type === 'number') input.step = 'any';
      if (typeof a.min === 'number') input.min = String(a.min);
      if (typeof a.max === 'number') input.max = String(a.max);
      input.value = current ?? '';
    }
    input.name = a.name;
    input.addEventListener('input', () => {
      const on = a.type === 'bool' ? input.checked : input.value !== '';
      if (!on) widget.removeAttribute(a.name);
      else widget.setAttribute(a.name, a.type === 'bool' ? '' : input.value);
      onChange();
    });
    inputs.push(el('label', {}, el('code', { text: a.name }), input));
  }
  return el('div', { class: 'builder' }, ...inputs);
}

/** The chosen attributes of the live widget, in widgets.json's order (lang left to the author's page). */
function chosen(w, widget) {
  return w.attributes
    .filter((a) => widget.hasAttribute(a.name))
    .map((a) => [a.name, widget.getAttribute(a.name), a.type === 'bool']);
}

function snippets(w, widget) {
  const pairs = chosen(w, widget);
  const attrs = pairs.map(([k, v, bool]) => (bool ? ` ${k}` : ` ${k}="${attr(v)}"`)).join('');
  const script = `<script type="module" src="${SITE}embed.js"></script>\n<${w.tag}${attrs}></${w.tag}>`;
  const query = new URLSearchParams([['widget', w.name], ...pairs.map(([k, v]) => [k, v])]).toString();
  const iframe =
    `<iframe src="${attr(`${SITE}embed.html?${query}`)}" title="tinyformer: ${w.name}" ` +
    `style="width:100%;border:0" loading="lazy"></iframe>\n<script src="${SITE}embed-resize.js"></script>`;
  return { script, iframe };
}

function snippetBox(kind) {
  const code = el('code');
  const status = el('span', { class: 'status', role: 'status' });
  const copy = el('button', { type: 'button', i18n: 'guide.builder.copy' });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.textContent);
      status.textContent = t('guide.builder.copied');
    } catch {
      status.textContent = t('guide.builder.copyFailed');
    }
  });
  const box = el(
    'div',
    { class: 'snippet', 'data-kind': kind },
    el('div', { class: 'snippet-head' }, el('strong', { i18n: `guide.builder.${kind}` }), copy, status),
    el('pre', {}, code),
  );
  return { box, code, status };
}

function widgetCard(w) {
  const template = document.createElement('template');
  template.innerHTML = w.example; // widgets.json is this site's own file
  const widget = template.content.firstElementChild;
  widget.setAttribute('lang', locale());
  const script = snippetBox('script');
  const iframe = snippetBox('iframe');
  const refresh = () => {
    const s = snippets(w, widget);
    script.code.textContent = s.script;
    iframe.code.textContent = s.iframe;
    script.status.textContent = '';
    iframe.status.textContent = '';
  };
  const card = el(
    'section',
    { class: 'card guide-widget', id: `widget-${w.name}`, 'data-widget': w.name },
    el('h3', {}, el('code', { text: `<${w.tag}>` })),
    el(
      'p',
      { class: 'meta' },
      el('span', { i18n: `guide.widget.${w.name}` }),
      ' ',
      el('span', { 'data-i18n-concept': String(w.concept) }),
    ),
    widget,
    el('h4', { i18n: 'guide.attrs.title' }),
    el('div', { 'data-table': w.name }),
    el('h4', { i18n: 'guide.builder.title' }),
    el('p', { class: 'meta', i18n: 'guide.builder.explain' }),
    builderForm(w, widget, refresh),
    script.box,
    iframe.box,
  );
  refresh();
  return { card, widget };
}

function render(spec) {
  $('script-line').textContent = `<script type="module" src="${SITE}embed.js"></script>`;
  $('resize-line').textContent =
    `<iframe src="${SITE}embed.html?widget=attention&layer=2" style="width:100%;border:0"></iframe>\n` +
    `<script src="${SITE}embed-resize.js"></script>`;
  const cards = spec.widgets.map(widgetCard);
  $('widgets').replaceChildren(...cards.map((c) => c.card));
  const relabel = () => {
    applyI18n();
    document.title = t('guide.page.title');
    document.querySelectorAll('[data-i18n-concept]').forEach((e) => {
      e.textContent = `(${t('guide.widget.concept', { n: e.dataset.i18nConcept })})`;
    });
    $('events-text').textContent = t('guide.events.text', { css: spec.common.css.join(', ') });
    for (const c of cards) c.widget.setAttribute('lang', locale());
    for (const w of spec.widgets) document.querySelector(`[data-table="${w.name}"]`).replaceChildren(attributeTable(w));
    applyI18n($('widgets'));
  };
  relabel();
  onLocaleChange(relabel);
}

async function main() {
  document.documentElement.lang = locale();
  $('lang-toggle').addEventListener('click', () => setLocale(locale() === 'ko' ? 'en' : 'ko'));
  const spec = await (await fetch('widgets.json')).json();
  render(spec);
  document.body.dataset.ready = 'true';
}

main();
