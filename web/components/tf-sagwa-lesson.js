// <tf-sagwa-lesson>: the same word, different contexts (curriculum row 13, the seed's
// "사과의 의미로 사과를 구매해서 드렸다": 사과 = apology and apple in one sentence).
//
// For the lesson's sentences (web/data/sagwa-lesson.json) the engine's model.analyzeWord gives the
// hidden state of 사과 after the embedding and after each block; this view shows their cosine
// similarities, a 2-D map (PCA), and where 사과 looks. model.senseCheck gives the "within / across"
// means of those cosines and, on the lesson's check sentences (held out of the demo model's training),
// how often the nearest sense centroid names the right sense, per layer, against the no-context
// embedding and against always guessing the commoner sense. The view only arranges the engine's numbers.
//   lesson.model = model;  lesson.lesson = await (await fetch('data/sagwa-lesson.json')).json();
import { errorMessage, onLocaleChange, registerStrings, viewTranslator } from '../i18n/index.js';
import { el, visibleToken } from './labels.js';
import './tf-bar-chart.js';
import './tf-heatmap.js';
import ko from '../i18n/sagwa.ko.js';
import en from '../i18n/sagwa.en.js';

registerStrings({ ko, en });

const SENSE_MARK = { apple: '●', apology: '■' };
const SENSE_COLOR = { apple: '#b35806', apology: '#2166ac' };

/** The lesson's styles, inside its own box: the same on the watch page and in a widget's shadow root. */
const SAGWA_CSS = `
  .sagwa h2 { margin: 0 0 0.4rem; font-size: 1.1rem; }
  .sagwa .explain { color: var(--muted, #5b5b66); margin: 0 0 0.5rem; }
  .sagwa .hint { color: var(--muted, #5b5b66); font-size: 0.9rem; }
  .sagwa .message { margin: 0.6rem 0 0; padding: 0.5rem 0.75rem; border-radius: 8px; background: #eef4fb; color: #17406d; }
  .sagwa .message.error { background: #fdecec; color: var(--error, #a4161a); font-weight: 600; }
  .sagwa .badge { font-size: 0.8rem; padding: 0.1rem 0.55rem; border-radius: 999px; font-weight: 600; }
  .sagwa .badge.warn { background: #fdf0e6; color: #8a4500; border: 1px solid #f4a582; }
  .sagwa .badge.ok { background: #e8f1fa; color: #17406d; border: 1px solid #92c5de; }
  .sagwa button { font: inherit; cursor: pointer; color: inherit; }
  .sagwa .chip { border: 1px solid #c8c8d2; background: #fafafe; border-radius: 999px; padding: 0.15rem 0.7rem; }
  .sagwa .chip:hover { border-color: var(--accent, #2166ac); }
  .sagwa .sagwa-layers, .sagwa-sentences { display: flex; flex-wrap: wrap; gap: 0.35rem; align-items: center; margin: 0.5rem 0; }
  .sagwa .sagwa-layers [aria-checked="true"], .sagwa-sentences [aria-pressed="true"] { background: var(--accent, #2166ac); border-color: var(--accent, #2166ac); color: #fff; }
  .sagwa .sagwa-grid { display: grid; grid-template-columns: minmax(0, 1.4fr) minmax(0, 1fr); gap: 1rem; }
  .sagwa .sagwa-stats { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
  @media (max-width: 720px) { .sagwa .sagwa-grid { grid-template-columns: 1fr; } }
  .sagwa .sagwa-legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; font-weight: 600; margin: 0.3rem 0; }
  .sagwa .sagwa-check { margin-top: 1rem; }
  .sagwa .sagwa-verdict { background: #f3f3f8; border-radius: 8px; padding: 0.45rem 0.7rem; font-weight: 500; }
`;

export class TfSagwaLesson extends HTMLElement {
  constructor() {
    super();
    this._layer = -1; // -1 = the last
    this._picked = -1; // -1 = the last occurrence
    this._t = viewTranslator(this); // the lang attribute (a widget's language), else the page's
  }
  static get observedAttributes() {
    return ['lang'];
  }
  attributeChangedCallback() {
    this._render();
  }
  set model(m) {
    this._model = m;
    this._render();
  }
  set lesson(l) {
    this._lessonData = l;
    this._render();
  }
  set trained(v) {
    this._trained = v;
    this._render();
  }
  connectedCallback() {
    this._off = onLocaleChange(() => this._render());
    this._render();
  }
  disconnectedCallback() {
    this._off?.();
  }

  /**
   * The engine's analysis of the lesson's sentences and its sense check of them (cached per model). The check on
   * the held-out sentences (several hundred forward passes) is measured just after the first drawing, so the
   * rest of the lesson appears at once: until then `check` is undefined.
   */
  _analysis() {
    const key = this._model,
      lesson = this._lessonData;
    if (this._cache?.model === key && this._cache.lesson === lesson) return this._cache;
    const sentences = lesson.sentences.map((s) => s.text);
    const analysis = this._model.analyzeWord(sentences, lesson.word);
    const shown = this._model.senseCheck(
      sentences,
      lesson.word,
      lesson.sentences.flatMap((s) => s.senses),
    );
    const cache = { model: key, lesson, analysis, shown, check: lesson.check?.length ? undefined : null };
    this._cache = cache;
    if (cache.check === undefined) {
      setTimeout(() => {
        if (this._cache !== cache) return;
        try {
          cache.check = key.senseCheck(
            lesson.check.map((c) => c[0]),
            lesson.word,
            lesson.check.map((c) => c[1]),
          );
        } catch (err) {
          cache.check = null;
          cache.checkError = err;
        }
        this._render();
      }, 0);
    }
    return cache;
  }

  _render() {
    if (!this.isConnected || !this._model || !this._lessonData) return;
    const box = el('div', 'sagwa');
    box.append(el('style', '', SAGWA_CSS));
    box.append(
      el('h2', '', this._t('sagwa.title')),
      el('p', 'explain', this._t('sagwa.lead')),
      el('p', 'hint', this._t('sagwa.causal')),
    );
    let a, shown, check, checkError;
    try {
      ({ analysis: a, shown, check, checkError } = this._analysis());
    } catch (err) {
      box.append(el('p', 'message error', this._t('sagwa.error', { message: errorMessage(err) })));
      this.replaceChildren(box);
      return;
    }
    if (!this._trained) box.append(el('p', 'message', this._t('sagwa.untrained')));
    const senses = this._lessonData.sentences.flatMap((s) => s.senses);
    const layer = this._layer < 0 || this._layer >= a.layers ? a.layers - 1 : this._layer;
    const layerName = (l) => (l === 0 ? this._t('sagwa.layer0') : this._t('sagwa.layerN', { n: l }));

    // layer picker
    const picker = el('div', 'sagwa-layers');
    picker.setAttribute('role', 'radiogroup');
    picker.setAttribute('aria-label', this._t('sagwa.layer'));
    picker.append(el('span', 'hint', this._t('sagwa.layer')));
    for (let l = 0; l < a.layers; l++) {
      const b = el('button', 'chip', layerName(l));
      b.type = 'button';
      b.setAttribute('role', 'radio');
      b.setAttribute('aria-checked', String(l === layer));
      b.dataset.layer = String(l);
      b.addEventListener('click', () => {
        this._layer = l;
        this._render();
        this.querySelector(`[data-layer="${l}"]`)?.focus();
      });
      picker.append(b);
    }
    box.append(picker);

    // occurrence labels: number, mark, and what the model has read up to the word (it sees only the left context)
    const labels = a.occurrences.map((o, i) => `${i + 1} ${SENSE_MARK[senses[i]]} ${this._upTo(a, o)}`);
    const full = a.occurrences.map((o) => this._marked(a, o));

    // cosine heatmap on a scale from the smallest cosine shown to 1, with the engine's within / across means
    const cos = a.cosine[layer];
    const N = cos.shape[0];
    const fig = el('figure', 'tensor-panel');
    fig.append(el('figcaption', '', this._t('sagwa.cosine')));
    const h = document.createElement('tf-heatmap');
    h.setAttribute('scale', 'sequential');
    h.setAttribute('scale-fit', '');
    h.setAttribute('label', this._t('sagwa.cosine'));
    fig.append(h);
    h.matrix = {
      values: cos.data,
      rows: N,
      cols: N,
      rowLabels: labels,
      colLabels: labels.map((_, i) => String(i + 1)),
    };
    fig.append(el('p', 'hint', this._t('sagwa.scale')));
    const stats = el('p', 'sagwa-stats');
    const within = shown.within[layer],
      across = shown.across[layer];
    stats.dataset.within = String(within);
    stats.dataset.across = String(across);
    stats.append(
      el('span', 'badge ok', this._t('sagwa.within', { v: within.toFixed(3) })),
      ' ',
      el('span', 'badge warn', this._t('sagwa.across', { v: across.toFixed(3) })),
    );
    if (layer === 0) stats.append(' ', el('span', '', this._t('sagwa.embedNote')));
    fig.append(stats);

    // 2-D map with a legend in the points' colours and shapes
    const map = el('figure', 'tensor-panel');
    map.append(el('figcaption', '', this._t('sagwa.map')));
    map.append(this._scatter(a.projection[layer], senses, a.occurrences));
    const legend = el('p', 'sagwa-legend');
    for (const sense of ['apple', 'apology']) {
      const item = el('span', `sagwa-key ${sense}`, `${SENSE_MARK[sense]} ${this._t(`sagwa.${sense}`)}`);
      item.style.color = SENSE_COLOR[sense];
      legend.append(item);
    }
    map.append(legend);

    const grid = el('div', 'sagwa-grid');
    grid.append(fig, map);
    box.append(grid);
    if (check) box.append(this._checkPanel(check, layer, layerName));
    else if (check === undefined)
      box.append(
        el('p', 'hint sagwa-measuring', this._t('sagwa.check.measuring', { n: this._lessonData.check.length })),
      );
    else if (checkError)
      box.append(el('p', 'message error', this._t('sagwa.error', { message: errorMessage(checkError) })));

    // attention of one occurrence (blocks only); the sentence list names every occurrence in full
    const att = el('figure', 'tensor-panel');
    const sentencePick = el('div', 'sagwa-sentences');
    const picked = this._picked < 0 || this._picked >= a.occurrences.length ? a.occurrences.length - 1 : this._picked;
    a.occurrences.forEach((o, i) => {
      const b = el('button', `chip sagwa-sentence ${senses[i]}`, `${i + 1} ${SENSE_MARK[senses[i]]} ${full[i]}`);
      b.type = 'button';
      b.setAttribute('aria-pressed', String(i === picked));
      b.addEventListener('click', () => {
        this._picked = i;
        this._render();
      });
      sentencePick.append(b);
    });
    att.append(el('p', 'hint', this._t('sagwa.pick')), sentencePick);
    const block = Math.max(1, layer);
    const o = a.occurrences[picked];
    const tokens = a.tokens[o.sentence].slice(0, o.token + 1);
    att.append(el('figcaption', '', this._t('sagwa.attention', { word: this._lessonData.word, n: block })));
    const bars = document.createElement('tf-bar-chart');
    bars.setAttribute('label', this._t('sagwa.attention', { word: this._lessonData.word, n: block }));
    att.append(bars);
    bars.data = {
      labels: tokens.map((tok, i) => `${i} ${visibleToken(tok.text)}`),
      values: a.attention[block - 1][picked].slice(0, o.token + 1),
      highlight: o.firstToken,
      domain: [0, 1],
    };
    box.append(att);
    this.replaceChildren(box);
    this.dataset.layer = String(layer);
  }

  /** The sentence's text up to and including the occurrence, with the word in brackets (…, when more follows). */
  _upTo(a, o) {
    const toks = a.tokens[o.sentence];
    let left = toks
      .slice(0, o.firstToken)
      .map((x) => x.text)
      .join('');
    if ([...left].length > 12) left = `…${[...left].slice(-11).join('')}`;
    const word = toks
      .slice(o.firstToken, o.token + 1)
      .map((x) => x.text)
      .join('');
    return `${left}[${word}]${o.token + 1 < toks.length ? '…' : ''}`;
  }

  /** The whole sentence with this occurrence in brackets. */
  _marked(a, o) {
    const toks = a.tokens[o.sentence];
    const text = (from, to) =>
      toks
        .slice(from, to)
        .map((x) => x.text)
        .join('');
    return `${text(0, o.firstToken)}[${text(o.firstToken, o.token + 1)}]${text(o.token + 1, toks.length)}`;
  }

  /** The engine's held-out check: accuracy per layer beside the two baselines, and what it does and does not show. */
  _checkPanel(check, layer, layerName) {
    const panel = el('section', 'sagwa-check');
    panel.append(el('h3', '', this._t('sagwa.check.title')));
    const count = (sense) => check.counts[check.senses.indexOf(sense)] ?? 0;
    panel.append(
      el(
        'p',
        'explain',
        this._t('sagwa.check.how', { n: check.occurrences, apple: count('apple'), apology: count('apology') }),
      ),
    );
    const pct = (v) => `${(100 * v).toFixed(1)}%`;
    const labels = [],
      values = [];
    for (let l = 0; l < check.accuracy.length; l++) {
      labels.push(l === 0 ? this._t('sagwa.check.bar0') : this._t('sagwa.check.barN', { n: l }));
      values.push(check.accuracy[l]);
    }
    labels.push(this._t('sagwa.check.barGuess'));
    values.push(check.majority);
    const bars = document.createElement('tf-bar-chart');
    bars.setAttribute('label', this._t('sagwa.check.title'));
    panel.append(bars);
    bars.data = { labels, values, highlight: layer, muted: [labels.length - 1], domain: [0, 1], format: pct };
    const acc = check.accuracy[layer],
      none = check.accuracy[0],
      best = Math.max(none, check.majority);
    const result = el('p', 'sagwa-verdict');
    Object.assign(result.dataset, {
      accuracy: String(acc),
      embedding: String(none),
      majority: String(check.majority),
      n: String(check.occurrences),
    });
    const params = {
      layer: layerName(layer),
      acc: pct(acc),
      none: pct(none),
      maj: pct(check.majority),
      n: check.occurrences,
      diff: (100 * (acc - best)).toFixed(1),
    };
    result.textContent =
      layer === 0
        ? this._t('sagwa.check.atEmbedding', params)
        : this._t(acc > best ? 'sagwa.check.above' : 'sagwa.check.notAbove', params);
    panel.append(result, el('p', 'hint', this._t('sagwa.check.limits')));
    return panel;
  }

  _scatter(proj, senses, occurrences) {
    const canvas = document.createElement('canvas');
    const size = 260,
      pad = 24,
      dpr = window.devicePixelRatio || 1;
    canvas.width = size * dpr;
    canvas.height = size * dpr;
    canvas.style.width = `${size}px`;
    canvas.style.height = `${size}px`;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', this._t('sagwa.map'));
    const ctx = canvas.getContext('2d');
    ctx.scale(dpr, dpr);
    const N = proj.shape[0];
    const xs = [],
      ys = [];
    for (let i = 0; i < N; i++) {
      xs.push(proj.data[i * 2]);
      ys.push(proj.data[i * 2 + 1]);
    }
    const span = (v) => {
      const lo = Math.min(...v),
        hi = Math.max(...v);
      return [lo, hi - lo || 1];
    };
    const [x0, xw] = span(xs),
      [y0, yw] = span(ys);
    ctx.strokeStyle = '#e3e3ea';
    ctx.strokeRect(0.5, 0.5, size - 1, size - 1);
    ctx.font = '11px system-ui, "Noto Sans CJK KR", sans-serif';
    for (let i = 0; i < N; i++) {
      const x = pad + ((xs[i] - x0) / xw) * (size - 2 * pad);
      const y = size - pad - ((ys[i] - y0) / yw) * (size - 2 * pad);
      ctx.fillStyle = SENSE_COLOR[senses[i]];
      if (senses[i] === 'apple') {
        ctx.beginPath();
        ctx.arc(x, y, 6, 0, 2 * Math.PI);
        ctx.fill();
      } else ctx.fillRect(x - 6, y - 6, 12, 12);
      ctx.fillStyle = '#222';
      ctx.fillText(String(i + 1), x + 8, y + 4);
    }
    return canvas;
  }
}

customElements.define('tf-sagwa-lesson', TfSagwaLesson);
