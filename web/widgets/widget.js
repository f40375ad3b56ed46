// The base of every widget a course author embeds: <tinyformer-attention sentence="…" layer="2">, etc.
//
// A widget is one view plus its own small controller: it reads its attributes, asks the page's shared engine
// (store.js) for just the numbers its view shows, and hands them to a pure view (components/). It starts when it
// first scrolls into view, re-renders when an attribute changes, and shows a readable message in its own language
// for a bad attribute, never throwing into the host page.
//
// Attributes every widget has: lang (ko | en; else the nearest lang attribute of the page, else ko).
// Events (bubbling, composed): ready {widget} after the first render, change {widget} after each later one,
// error {widget, code, message} when it shows a message instead.
// Theming: CSS custom properties --tinyformer-font, --tinyformer-text, --tinyformer-muted, --tinyformer-background,
// --tinyformer-border, --tinyformer-radius, --tinyformer-padding, --tinyformer-accent; parts title, body, caption.
import ko from '../i18n/widgets.ko.js';
import en from '../i18n/widgets.en.js';

const STRINGS = { ko, en };
const LANGS = Object.keys(STRINGS);

const STYLE = `
  :host { display: block; box-sizing: border-box; max-width: 100%; min-width: 0;
    font: 14px/1.45 var(--tinyformer-font, system-ui, "Noto Sans CJK KR", "Noto Sans KR", sans-serif);
    color: var(--tinyformer-text, #1d1d1f); background: var(--tinyformer-background, #fff);
    border: var(--tinyformer-border, 1px solid #d8d8e0); border-radius: var(--tinyformer-radius, 10px);
    padding: var(--tinyformer-padding, 12px 14px); }
  :host([hidden]) { display: none; }
  figure { margin: 0; min-width: 0; }
  h3 { margin: 0 0 6px; font-size: 1.02em; }
  .body { min-width: 0; }
  figcaption, .status { color: var(--tinyformer-muted, #55555f); font-size: 0.92em; margin-top: 6px; }
  .status:empty, figcaption:empty { display: none; }
  .controls { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 8px; }
  .controls:empty { display: none; }
  label { display: inline-flex; gap: 6px; align-items: center; }
  select { font: inherit; padding: 2px 4px; }
  select:focus-visible, a:focus-visible { outline: 3px solid var(--tinyformer-accent, #f4a582); outline-offset: 1px; }
  .error { border-left: 4px solid #b35806; background: #fff6ee; padding: 8px 10px; border-radius: 4px; margin-top: 6px; }
  .error[hidden] { display: none; }
  .error strong { display: block; margin-bottom: 2px; }
  .source { display: inline-block; margin-top: 6px; font-size: 0.85em; color: var(--tinyformer-accent-text, #2166ac); }
`;

/** Fills {placeholders} of a string. */
function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

/** The first unpaired UTF-16 surrogate of `text` (1-based character position), or 0. */
export function brokenUtf16At(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i + 1;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i + 1;
  }
  return 0;
}

/** A bad attribute: shown inside the widget. */
export class AttributeError extends Error {
  constructor(code, params) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

/** The error for attribute `name` holding `value`, with what it may hold (`range`, in the widget's words). */
export const badAttribute = (name, value, range) => new AttributeError('bad_attribute', { name, value, range });

export class TinyformerWidget extends HTMLElement {
  /**
   * Subclasses: static spec = { tag, attributes: [{name, type: 'string'|'int'|'number'|'bool'|'enum', default,
   * min, max, choices, describe}] } (the same list widgets.json documents).
   */
  static get observedAttributes() {
    return ['lang', ...this.spec.attributes.map((a) => a.name)];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<style>${STYLE}</style><figure>
      <h3 part="title"></h3><div class="controls"></div><div class="body" part="body"></div>
      <figcaption part="caption"></figcaption><p class="status" role="status"></p>
      <div class="error" role="alert" hidden><strong></strong><span></span></div></figure>`;
    const $ = (s) => this.shadowRoot.querySelector(s);
    this.parts = {
      title: $('h3'),
      controls: $('.controls'),
      body: $('.body'),
      caption: $('figcaption'),
      status: $('.status'),
      error: $('.error'),
    };
    this._started = false;
    this._rendered = false;
    this._pending = null;
    this._generation = 0;
    this._observer = null;
  }

  connectedCallback() {
    this.parts.title.textContent = this.say(`widget.${this.constructor.spec.name}.title`);
    if (this._started) return;
    this.parts.status.textContent = this.say('widget.waiting');
    if (typeof IntersectionObserver !== 'function') return this._start();
    this._observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this._start();
      },
      { rootMargin: '200px' },
    );
    this._observer.observe(this);
  }

  disconnectedCallback() {
    this._observer?.disconnect();
    this._observer = null;
  }

  attributeChangedCallback() {
    if (this._started) this._schedule();
    else if (this.isConnected) this.parts.title.textContent = this.say(`widget.${this.constructor.spec.name}.title`);
  }

  /** The widget's language: its lang attribute, else the nearest one around it, else Korean. */
  get language() {
    const own = (
      this.getAttribute('lang') ??
      this.parentElement?.closest('[lang]')?.getAttribute('lang') ??
      document.documentElement.lang ??
      ''
    )
      .toLowerCase()
      .slice(0, 2);
    return LANGS.includes(own) ? own : 'ko';
  }

  /** A string of the widget's locale file, in the widget's language. */
  say(key, params = {}) {
    const text = STRINGS[this.language][key] ?? STRINGS.en[key] ?? key;
    return fill(text, params);
  }

  /** The value of attribute `name` as its spec types it; throws AttributeError for a value it cannot use. */
  option(name) {
    const spec = this.constructor.spec.attributes.find((a) => a.name === name);
    const raw = this.getAttribute(name);
    if (spec.type === 'bool') return raw !== null && raw !== 'false';
    if (raw === null || raw === '') return typeof spec.default === 'function' ? spec.default(this) : spec.default;
    if (spec.type === 'int' || spec.type === 'number') {
      const value = Number(raw);
      const max = typeof spec.max === 'function' ? spec.max(this) : spec.max;
      const ok =
        Number.isFinite(value) &&
        (spec.type === 'number' || Number.isInteger(value)) &&
        value >= spec.min &&
        value <= max;
      if (!ok) {
        throw new AttributeError('bad_attribute', {
          name,
          value: raw,
          range: spec.type === 'int' ? this.say('widget.error.range', { min: spec.min, max }) : `${spec.min} … ${max}`,
        });
      }
      return value;
    }
    if (spec.type === 'enum') {
      const choices = typeof spec.choices === 'function' ? spec.choices(this) : spec.choices;
      if (!choices.includes(raw)) {
        throw new AttributeError(spec.code ?? 'bad_attribute', {
          name,
          value: raw,
          range: choices.join(', '),
          choices: choices.join(', '),
        });
      }
    }
    return raw;
  }

  /** The head attribute: 'mean', or a head of `H` counted from 1. */
  head(H) {
    const raw = this.option('head');
    if (raw === 'mean') return 'mean';
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 1 && n <= H) return n;
    throw badAttribute('head', raw, `${this.say('widget.error.range', { min: 1, max: H })}, mean`);
  }

  /** A sentence attribute checked before the engine sees it: not empty, well-formed UTF-16. */
  sentence(name = 'sentence') {
    const text = String(this.option(name) ?? '');
    if (text.trim() === '') throw new AttributeError('empty_text', {});
    const at = brokenUtf16At(text);
    if (at) throw new AttributeError('bad_utf16', { position: at });
    return text;
  }

  _start() {
    if (this._started) return;
    this._started = true;
    this._observer?.disconnect();
    this._observer = null;
    this.parts.status.textContent = this.say('widget.loading');
    this._schedule();
  }

  /** Re-renders once for any number of attribute changes in the same task. */
  _schedule() {
    if (this._pending) return;
    this._pending = Promise.resolve().then(() => {
      this._pending = null;
      return this._update();
    });
  }

  async _update() {
    const generation = ++this._generation;
    this.parts.title.textContent = this.say(`widget.${this.constructor.spec.name}.title`);
    try {
      await this.render();
      if (generation !== this._generation) return;
      this.parts.error.hidden = true;
      this.parts.status.textContent = '';
      this.parts.body.hidden = false;
      const first = !this._rendered;
      this._rendered = true;
      this.dataset.state = 'ready';
      this.dispatchEvent(
        new CustomEvent(first ? 'ready' : 'change', { bubbles: true, composed: true, detail: { widget: this } }),
      );
    } catch (err) {
      if (generation !== this._generation) return;
      this._showError(err);
    }
  }

  _showError(err) {
    const code = err?.code ?? 'internal';
    const key = `widget.error.${code}`;
    const known = key in STRINGS.en;
    const params = {
      message: err?.message ?? String(err),
      detail: err?.detail,
      detail2: err?.detail2,
      ...(err?.params ?? {}),
    };
    const message = this.say(known ? key : 'widget.error.internal', params);
    this.parts.status.textContent = '';
    this.parts.caption.textContent = '';
    this.parts.body.hidden = true;
    this.parts.error.querySelector('strong').textContent = this.say('widget.error.title');
    this.parts.error.querySelector('span').textContent = message;
    this.parts.error.hidden = false;
    this.dataset.state = 'error';
    this.dispatchEvent(
      new CustomEvent('error', { bubbles: true, composed: true, detail: { widget: this, code, message } }),
    );
  }

  /** Subclasses: ask the engine for the numbers, hand them to the view, fill the caption. */
  async render() {
    throw new Error('render() is not implemented');
  }
}
