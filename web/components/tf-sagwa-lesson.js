// <tf-sagwa-lesson>: the same word, different contexts (curriculum row 13, the seed's
// "사과의 의미로 사과를 구매해서 드렸다": 사과 = apology and apple in one sentence).
//
// For the lesson's sentences (web/data/sagwa-lesson.json) the engine's model.analyzeWord gives the
// hidden state of 사과 after the embedding and after each block; this view shows their cosine
// similarities, a 2-D map (PCA), and where 사과 looks. It only arranges the engine's numbers; the
// "within / across" captions are averages of the cosines shown.
//   lesson.model = model;  lesson.lesson = await (await fetch('data/sagwa-lesson.json')).json();
import { onLocaleChange, registerStrings, t } from '../i18n/index.js';
import { el, visibleToken } from './labels.js';
import './tf-bar-chart.js';
import './tf-heatmap.js';
import ko from '../i18n/sagwa.ko.js';
import en from '../i18n/sagwa.en.js';

registerStrings({ ko, en });

const SENSE_MARK = { apple: '●', apology: '■' };
const SENSE_COLOR = { apple: '#b35806', apology: '#2166ac' };

export class TfSagwaLesson extends HTMLElement {
  constructor() {
    super();
    this._layer = -1;  // -1 = the last
    this._picked = 10;
  }
  set model(m) { this._model = m; this._render(); }
  set lesson(l) { this._lessonData = l; this._render(); }
  set trained(v) { this._trained = v; this._render(); }
  connectedCallback() { this._off = onLocaleChange(() => this._render()); this._render(); }
  disconnectedCallback() { this._off?.(); }

  _analysis() {
    const key = this._model;
    if (this._cache?.model === key) return this._cache.result;
    const sentences = this._lessonData.sentences.map((s) => s.text);
    const result = this._model.analyzeWord(sentences, this._lessonData.word);
    this._cache = { model: key, result };
    return result;
  }

  _render() {
    if (!this.isConnected || !this._model || !this._lessonData) return;
    const box = el('div', 'sagwa');
    box.append(el('h2', '', t('sagwa.title')), el('p', 'explain', t('sagwa.lead')), el('p', 'hint', t('sagwa.causal')));
    let a;
    try {
      a = this._analysis();
    } catch (err) {
      box.append(el('p', 'message error', t('sagwa.error', { message: err.message })));
      this.replaceChildren(box);
      return;
    }
    if (!this._trained) box.append(el('p', 'message', t('sagwa.untrained')));
    const senses = this._lessonData.sentences.flatMap((s) => s.senses);
    const layer = this._layer < 0 || this._layer >= a.layers ? a.layers - 1 : this._layer;

    // layer picker
    const picker = el('div', 'sagwa-layers');
    picker.setAttribute('role', 'radiogroup');
    picker.setAttribute('aria-label', t('sagwa.layer'));
    picker.append(el('span', 'hint', t('sagwa.layer')));
    for (let l = 0; l < a.layers; l++) {
      const b = el('button', 'chip', l === 0 ? t('sagwa.layer0') : t('sagwa.layerN', { n: l }));
      b.type = 'button';
      b.setAttribute('role', 'radio');
      b.setAttribute('aria-checked', String(l === layer));
      b.dataset.layer = String(l);
      b.addEventListener('click', () => { this._layer = l; this._render(); this.querySelector(`[data-layer="${l}"]`)?.focus(); });
      picker.append(b);
    }
    box.append(picker);

    // occurrence labels: ● apple / ■ apology, with the sentence
    const labels = a.occurrences.map((o, i) => {
      const s = this._lessonData.sentences[o.sentence].text;
      return `${SENSE_MARK[senses[i]]} ${s.length > 14 ? `${s.slice(0, 13)}…` : s}`;
    });

    // cosine heatmap + within/across means (averages of the values shown)
    const cos = a.cosine[layer];
    const N = cos.shape[0];
    let within = 0, across = 0, nw = 0, na = 0;
    for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) {
      if (senses[i] === senses[j]) { within += cos.data[i * N + j]; nw++; } else { across += cos.data[i * N + j]; na++; }
    }
    within /= nw || 1;
    across /= na || 1;
    const fig = el('figure', 'tensor-panel');
    fig.append(el('figcaption', '', t('sagwa.cosine')));
    const h = document.createElement('tf-heatmap');
    h.setAttribute('scale', 'diverging');
    h.setAttribute('label', t('sagwa.cosine'));
    fig.append(h);
    h.matrix = { values: cos.data, rows: N, cols: N, rowLabels: labels, colLabels: labels.map((l) => l.slice(0, 1) + (labels.indexOf(l) + 1)) };
    const stats = el('p', 'sagwa-stats');
    stats.dataset.within = String(within);
    stats.dataset.across = String(across);
    stats.append(el('span', 'badge ok', t('sagwa.within', { v: within.toFixed(3) })), ' ',
      el('span', 'badge warn', t('sagwa.across', { v: across.toFixed(3) })), ' ',
      el('span', '', t(layer === 0 ? 'sagwa.embedNote' : within > across + 0.05 ? 'sagwa.verdict.split' : 'sagwa.verdict.same')));
    fig.append(stats);

    // 2-D map
    const map = el('figure', 'tensor-panel');
    map.append(el('figcaption', '', t('sagwa.map')));
    map.append(this._scatter(a.projection[layer], senses, a.occurrences));
    const legend = el('p', 'hint');
    legend.append(el('span', '', `${SENSE_MARK.apple} ${t('sagwa.apple')}   ${SENSE_MARK.apology} ${t('sagwa.apology')}`));
    map.append(legend);

    // attention of one occurrence (blocks only)
    const att = el('figure', 'tensor-panel');
    const sentencePick = el('div', 'sagwa-sentences');
    a.occurrences.forEach((o, i) => {
      const b = el('button', 'chip', `${SENSE_MARK[senses[i]]} ${this._lessonData.sentences[o.sentence].text}`);
      b.type = 'button';
      b.setAttribute('aria-pressed', String(i === this._picked));
      b.addEventListener('click', () => { this._picked = i; this._render(); });
      sentencePick.append(b);
    });
    att.append(el('p', 'hint', t('sagwa.pick')), sentencePick);
    const picked = Math.min(this._picked, a.occurrences.length - 1);
    const block = Math.max(1, layer);
    const o = a.occurrences[picked];
    const tokens = a.tokens[o.sentence].slice(0, o.token + 1);
    att.append(el('figcaption', '', t('sagwa.attention', { word: this._lessonData.word, n: block })));
    const bars = document.createElement('tf-bar-chart');
    bars.setAttribute('label', t('sagwa.attention', { word: this._lessonData.word, n: block }));
    att.append(bars);
    bars.data = {
      labels: tokens.map((tok, i) => `${i} ${visibleToken(tok.text)}`),
      values: a.attention[block - 1][picked].slice(0, o.token + 1),
      highlight: o.firstToken,
      domain: [0, 1],
    };

    const grid = el('div', 'sagwa-grid');
    grid.append(fig, map);
    box.append(grid, att);
    this.replaceChildren(box);
    this.dataset.layer = String(layer);
  }

  _scatter(proj, senses, occurrences) {
    const canvas = document.createElement('canvas');
    const size = 260, pad = 24, dpr = window.devicePixelRatio || 1;
    canvas.width = size * dpr;
    canvas.height = size * dpr;
    canvas.style.width = `${size}px`;
    canvas.style.height = `${size}px`;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', t('sagwa.map'));
    const ctx = canvas.getContext('2d');
    ctx.scale(dpr, dpr);
    const N = proj.shape[0];
    const xs = [], ys = [];
    for (let i = 0; i < N; i++) { xs.push(proj.data[i * 2]); ys.push(proj.data[i * 2 + 1]); }
    const span = (v) => { const lo = Math.min(...v), hi = Math.max(...v); return [lo, hi - lo || 1]; };
    const [x0, xw] = span(xs), [y0, yw] = span(ys);
    ctx.strokeStyle = '#e3e3ea';
    ctx.strokeRect(0.5, 0.5, size - 1, size - 1);
    ctx.font = '11px system-ui, "Noto Sans CJK KR", sans-serif';
    for (let i = 0; i < N; i++) {
      const x = pad + ((xs[i] - x0) / xw) * (size - 2 * pad);
      const y = size - pad - ((ys[i] - y0) / yw) * (size - 2 * pad);
      ctx.fillStyle = SENSE_COLOR[senses[i]];
      if (senses[i] === 'apple') { ctx.beginPath(); ctx.arc(x, y, 6, 0, 2 * Math.PI); ctx.fill(); } else ctx.fillRect(x - 6, y - 6, 12, 12);
      ctx.fillStyle = '#222';
      ctx.fillText(String(i + 1), x + 8, y + 4);
    }
    return canvas;
  }
}

customElements.define('tf-sagwa-lesson', TfSagwaLesson);
