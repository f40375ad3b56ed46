// <tinyformer-tour chapter="attention" lang="ko" minimal>: the guided tour through the thirteen concepts, one
// chapter at a time, on the live widgets. Each chapter: what to look at (a widget with a ring round one element),
// one thing to try (the question waits for it), a predict-then-reveal question whose answer is picked from the
// engine's numbers, and a one-line takeaway. tour.html hosts it with the page's URL and storage; a course page
// or the embed view can show it alone (one chapter: attribute chapter, and `minimal` to hide what the chapter
// does not need: the progress bar, previous / next).
//
// Attributes: chapter (an id of chapters.js), lang (ko | en; else the nearest lang, else ko), minimal (bool).
// Events (bubbling, composed): chapter {id, index} when the learner moves to another chapter; reveal {id, answer,
// correct} after an answer is shown. Keys: ← / → move between chapters (not while typing or in a widget's map).
import '../widgets/tinyformer-tokens.js';
import '../widgets/tinyformer-embedding.js';
import '../widgets/tinyformer-positional.js';
import '../widgets/tinyformer-attention.js';
import '../widgets/tinyformer-qkv.js';
import '../widgets/tinyformer-add-norm.js';
import '../widgets/tinyformer-activation.js';
import '../widgets/tinyformer-next-token.js';
import '../widgets/tinyformer-teacher-forcing.js';
import '../widgets/tinyformer-translate.js';
import '../widgets/tinyformer-fill-blank.js';
import '../widgets/tinyformer-race.js';
import '../widgets/tinyformer-train.js';
import '../widgets/tinyformer-sagwa.js';
import { engine, model } from '../widgets/store.js';
import { CHAPTERS, CHAPTER_IDS } from './chapters.js';
import { Ring } from './ring.js';
import ko from '../i18n/tour.ko.js';
import en from '../i18n/tour.en.js';

const STRINGS = { ko, en };
const STYLESHEET = new URL('../tour.css', import.meta.url).href;
let serial = 0;

function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

/** An element with a class, attributes and children (text never parsed as HTML). */
function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** Adds the tour's stylesheet to the document once (the tour lives in the page's DOM, styled by class). */
function ensureStylesheet() {
  if (document.querySelector(`link[data-tinyformer-tour]`)) return;
  document.head.append(el('link', { rel: 'stylesheet', href: STYLESHEET, 'data-tinyformer-tour': '' }));
}

export class TinyformerTour extends HTMLElement {
  /** The attributes, as widgets.json and the embed view (embed.html?widget=tour&chapter=…) read them. */
  static spec = {
    name: 'tour',
    tag: 'tinyformer-tour',
    attributes: [
      {
        name: 'chapter',
        type: 'enum',
        choices: CHAPTER_IDS,
        default: CHAPTER_IDS[0],
        describe: `the chapter shown: ${CHAPTER_IDS.join(', ')}`,
      },
      {
        name: 'minimal',
        type: 'bool',
        default: false,
        describe: 'hide the progress bar and previous / next (one chapter on a course page)',
      },
    ],
  };

  static get observedAttributes() {
    return ['chapter', 'lang', 'minimal'];
  }

  constructor() {
    super();
    this._uid = `tft${++serial}`;
    this._built = false;
    this._chapterToken = 0;
    this._cleanup = [];
    this._shownId = null;
    this._shownLang = null;
  }

  /** The chapters, in order (ids). */
  static get chapters() {
    return CHAPTER_IDS;
  }

  get language() {
    const own = (
      this.getAttribute('lang') ??
      this.parentElement?.closest('[lang]')?.getAttribute('lang') ??
      document.documentElement.lang ??
      ''
    )
      .toLowerCase()
      .slice(0, 2);
    return own in STRINGS ? own : 'ko';
  }

  say(key, params = {}) {
    return fill(STRINGS[this.language][key] ?? STRINGS.en[key] ?? key, params);
  }

  /** The chapter shown: the chapter attribute when it names one, else the first. */
  get index() {
    const i = CHAPTER_IDS.indexOf(this.getAttribute('chapter'));
    return i < 0 ? 0 : i;
  }

  connectedCallback() {
    if (!this._built) this._build();
    this._show();
  }

  disconnectedCallback() {
    this._teardown();
  }

  attributeChangedCallback() {
    if (this._built && this.isConnected) this._show();
  }

  /** Moves to chapter `i` (clamped) as the learner asked: focus goes to its heading; a `chapter` event follows. */
  go(i, { focus = true } = {}) {
    const index = Math.max(0, Math.min(CHAPTERS.length - 1, i));
    const id = CHAPTER_IDS[index];
    this._focusNext = focus;
    if (this.getAttribute('chapter') !== id) this.setAttribute('chapter', id);
    else if (focus) this._heading.focus();
    this.dispatchEvent(new CustomEvent('chapter', { bubbles: true, composed: true, detail: { id, index } }));
  }

  next() {
    this.go(this.index + 1);
  }
  prev() {
    this.go(this.index - 1);
  }

  /** Moves focus to the chapter's heading. */
  focusHeading() {
    this._heading.focus({ preventScroll: false });
  }

  _build() {
    ensureStylesheet();
    this._built = true;
    this.classList.add('tft');
    const id = (s) => `${this._uid}-${s}`;
    this._bar = el('nav', { class: 'tft-progress' }, el('ol'));
    this._heading = el('h2', { class: 'tft-title', tabindex: '-1', id: id('title') });
    this._count = el('p', { class: 'tft-count' });
    this._lookTitle = el('h3', { id: id('look') });
    this._lookText = el('p', { id: id('look-text') });
    this._goto = el('button', { type: 'button', class: 'tft-goto' });
    this._stage = el('div', { class: 'tft-stage' });
    this._ring = new Ring(this._stage);
    this._tryTitle = el('h3');
    this._tryText = el('p');
    this._tries = el('div', { class: 'tft-tries', role: 'group' });
    this._tryStatus = el('p', { class: 'tft-status', role: 'status' });
    this._askTitle = el('h3', { id: id('ask') });
    this._question = el('p', { class: 'tft-question', id: id('question') });
    this._choices = el('div', {
      class: 'tft-choices',
      role: 'group',
      'aria-labelledby': `${id('ask')} ${id('question')}`,
    });
    this._reveal = el('div', { class: 'tft-reveal', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this._takeTitle = el('h3');
    this._takeaway = el('p', { class: 'tft-takeaway' });
    this._takeBox = el('section', { class: 'tft-take', hidden: '' }, this._takeTitle, this._takeaway);
    this._prevButton = el('button', { type: 'button', class: 'tft-prev' });
    this._nextButton = el('button', { type: 'button', class: 'tft-next' });
    this._prevButton.addEventListener('click', () => this.prev());
    this._nextButton.addEventListener('click', () => this.next());
    this._goto.addEventListener('click', () => this._focusTarget());
    const card = el(
      'section',
      { class: 'tft-card', 'aria-labelledby': id('title') },
      this._count,
      this._heading,
      el('div', { class: 'tft-look' }, this._lookTitle, this._lookText, this._goto),
      el('div', { class: 'tft-try' }, this._tryTitle, this._tryText, this._tries, this._tryStatus),
      el('div', { class: 'tft-ask' }, this._askTitle, this._question, this._choices, this._reveal),
      this._takeBox,
      el('div', { class: 'tft-steps' }, this._prevButton, this._nextButton),
    );
    this.replaceChildren(this._bar, el('div', { class: 'tft-body' }, card, this._stage));
    this.addEventListener('keydown', (e) => this._key(e));
  }

  _key(e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const target = e.composedPath()[0];
    // arrows keep their own meaning in text boxes, pickers and inside the widgets (a map's cells, a chart)
    if (
      (target instanceof Element && target.closest('input, select, textarea, [contenteditable]')) ||
      this._stage.contains(e.target)
    )
      return;
    e.preventDefault();
    if (e.key === 'ArrowRight') this.next();
    else this.prev();
  }

  _teardown() {
    this._cleanup.forEach((fn) => fn());
    this._cleanup = [];
    this._ring.hide();
  }

  /** Shows the chapter of the attributes (again only when the chapter or the language changed). */
  _show() {
    const chapter = CHAPTERS[this.index];
    const lang = this.language;
    this.toggleAttribute('data-minimal', this.hasAttribute('minimal'));
    if (this._shownId === chapter.id && this._shownLang === lang) return;
    this._shownId = chapter.id;
    this._shownLang = lang;
    this._teardown();
    const token = ++this._chapterToken;
    const live = () => token === this._chapterToken && this.isConnected;
    const key = (k) => `tour.ch.${chapter.id}.${k}`;
    this.dataset.chapter = chapter.id;
    this.dataset.phase = 'look';
    this._renderBar();
    this._count.textContent = this.say('tour.progress', { n: this.index + 1, total: CHAPTERS.length });
    this._heading.textContent = this.say(key('title'));
    this._lookTitle.textContent = this.say('tour.look');
    this._lookText.textContent = this.say(key('look'));
    this._goto.textContent = this.say('tour.goto');
    this._tryTitle.textContent = this.say('tour.try');
    this._tryText.textContent = this.say(key('try'));
    this._tryStatus.textContent = '';
    this._askTitle.textContent = this.say('tour.predict');
    this._question.textContent = this.say('tour.locked');
    this._choices.replaceChildren();
    this._reveal.replaceChildren();
    delete this._reveal.dataset.answer;
    this._takeTitle.textContent = this.say('tour.takeaway');
    this._takeaway.textContent = this.say(key('takeaway'));
    this._takeBox.hidden = true;
    this._prevButton.textContent = this.say('tour.prev');
    this._nextButton.textContent = this.say('tour.next');
    this._prevButton.disabled = this.index === 0;
    this._nextButton.disabled = this.index === CHAPTERS.length - 1;

    const ctx = { lang, say: (k, p) => this.say(k, p), engine, model, widgets: [] };
    ctx.widgets = chapter.widgets(ctx).map(({ tag, attrs }) => {
      const w = el(tag, { ...attrs, lang });
      w.classList.add('tft-widget');
      return w;
    });
    const main = ctx.widgets[chapter.main ?? 0];
    main.id = `${this._uid}-target`;
    main.setAttribute('role', 'region');
    main.setAttribute('aria-label', this.say('tour.highlight', { what: this.say(key('highlight')) }));
    main.setAttribute('aria-describedby', this._lookText.id);
    main.tabIndex = -1;
    this._stage.replaceChildren(...ctx.widgets);
    // data-state as every widget has it (ready once the chapter's live widget shows the engine's numbers);
    // data-phase is where the learner is in the chapter: look, tried, ask, solving, revealed
    this.dataset.state = 'loading';
    const settle = (e) => {
      if (live()) this.dataset.state = e.type === 'error' ? 'error' : 'ready';
    };
    main.addEventListener('ready', settle, { once: true });
    main.addEventListener('error', settle, { once: true });
    this._target = () => chapter.highlight(main) ?? main;

    // the ring goes round the highlighted element once the widget draws it, and follows its redraws
    this._ring.show(() => (main.dataset.state === 'ready' ? chapter.highlight(main) : null), main);

    // the try: chips that set attributes (done at the widget's next `change`), or an action inside the widget
    const tried = () => {
      if (!live() || this.dataset.phase !== 'look') return;
      this.dataset.phase = 'tried';
      this._tryStatus.textContent = this.say('tour.tried');
      this._ask(chapter, ctx, live);
    };
    if (chapter.waitFor) {
      this._tries.replaceChildren();
      this._cleanup.push(chapter.waitFor(main, tried));
    } else {
      this._renderTries(chapter, ctx, tried);
    }
    if (this._focusNext) {
      this._focusNext = false;
      this._heading.focus();
    }
  }

  _renderBar() {
    const list = this._bar.firstElementChild;
    this._bar.setAttribute('aria-label', this.say('tour.nav.label'));
    list.replaceChildren(
      ...CHAPTERS.map((c, i) => {
        const b = el(
          'button',
          { type: 'button', 'data-chapter': c.id, title: this.say(`tour.ch.${c.id}.title`) },
          String(i + 1),
        );
        b.setAttribute('aria-label', this.say(`tour.ch.${c.id}.title`));
        if (i === this.index) b.setAttribute('aria-current', 'step');
        if (i < this.index) b.classList.add('done');
        b.addEventListener('click', () => this.go(i));
        return el('li', {}, b);
      }),
    );
  }

  _renderTries(chapter, ctx, tried) {
    const tries = chapter.tries(ctx);
    const chips = tries.map((t) => {
      const w = ctx.widgets[t.widget ?? 0];
      const current = Object.entries(t.attrs).every(([k, v]) => w.getAttribute(k) === v);
      const b = el(
        'button',
        { type: 'button', class: 'tft-chip', 'data-try': '', 'aria-pressed': String(current) },
        t.label,
      );
      b.addEventListener('click', () => {
        if (Object.entries(t.attrs).every(([k, v]) => w.getAttribute(k) === v)) return;
        // the widget's next render: `change`, or `ready` when it had not started yet (lazy, out of view)
        const off = () => {
          w.removeEventListener('change', onShown);
          w.removeEventListener('ready', onShown);
        };
        const onShown = (e) => {
          if (e.target !== w) return;
          off();
          tried();
        };
        w.addEventListener('change', onShown);
        w.addEventListener('ready', onShown);
        this._cleanup.push(off);
        for (const [k, v] of Object.entries(t.attrs)) w.setAttribute(k, v);
        chips.forEach((c) => c.setAttribute('aria-pressed', String(c === b)));
      });
      return b;
    });
    this._tries.setAttribute('aria-label', this.say('tour.try'));
    this._tries.replaceChildren(...chips);
  }

  async _ask(chapter, ctx, live) {
    this._question.textContent = this.say('tour.loading');
    let q;
    try {
      q = await chapter.ask(ctx);
    } catch (err) {
      if (live()) this._question.textContent = this.say('tour.error', { message: err?.message ?? String(err) });
      return;
    }
    if (!live()) return;
    this.dataset.phase = 'ask';
    this._question.textContent = this.say(`tour.ch.${chapter.id}.question`, q.params);
    this._choices.setAttribute('aria-label', this.say('tour.choices'));
    const buttons = q.choices.map((c) => {
      const b = el(
        'button',
        { type: 'button', class: 'tft-choice', 'data-choice': c.id, 'aria-pressed': 'false' },
        c.label,
      );
      b.addEventListener('click', () => this._answer(chapter, q, c.id, buttons, live));
      return b;
    });
    this._choices.replaceChildren(...buttons);
  }

  async _answer(chapter, q, picked, buttons, live) {
    if (this.dataset.phase !== 'ask') return;
    this.dataset.phase = 'solving';
    buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.choice === picked)));
    this._reveal.textContent = this.say('tour.waiting');
    const { answer, params } = await q.solve();
    if (!live()) return;
    const correct = answer.split(',').includes(picked);
    buttons.forEach((b) => b.classList.toggle('right', answer.split(',').includes(b.dataset.choice)));
    this._reveal.dataset.answer = answer;
    this._reveal.dataset.correct = String(correct);
    this._reveal.replaceChildren(
      el('strong', { text: this.say(correct ? 'tour.right' : 'tour.wrong') }),
      ' ',
      el('span', { text: this.say(`tour.ch.${chapter.id}.reveal`, params) }),
    );
    this._takeBox.hidden = false;
    this.dataset.phase = 'revealed';
    this.dispatchEvent(
      new CustomEvent('reveal', { bubbles: true, composed: true, detail: { id: chapter.id, answer, correct } }),
    );
  }

  /** Focus to the highlighted element (or its widget when the element takes no focus). */
  _focusTarget() {
    const target = this._target?.();
    if (!target) return;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
    const focusable = target.matches('button, a[href], input, select, textarea, [tabindex]')
      ? target
      : (target.shadowRoot?.querySelector('[tabindex="0"], button') ??
        target.querySelector?.('[tabindex="0"], button'));
    (focusable ?? this._stage.querySelector('[role=region]'))?.focus();
  }
}

if (!customElements.get('tinyformer-tour')) customElements.define('tinyformer-tour', TinyformerTour);
