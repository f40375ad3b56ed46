// <tf-drift-view>: why autoregressive decoding "loses the thread", step by step on one sentence.
//   (a) teacher-forced: at every position, the model's top next token given the TRUE prefix
//       (the engine's probabilities from model.inspect(sentence); the largest is picked),
//   (b) free-running: the model continues its first few tokens on its own, greedily
//       (model.generate(prefix ids, {temperature: 0})), each guess becoming the next input.
// The two are aligned under the true sentence; the first wrong free-running token is marked and
// the tokens after it are counted, so one early mistake is seen carrying into every later token.
// Both come from one snapshot of the racer (run.save → tinyformer.loadModel), taken while training goes on,
// or from a model loaded from a file.
//
//   drift.tinyformer = engine; drift.session = trainSession; drift.corpusText = '...'; drift.loadedModel = model;
import { errorMessage, registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import { racerName } from './settings-form.js';
import { LivePanel } from './live-panel.js';
import ko from '../../i18n/train/drift-view.ko.js';
import en from '../../i18n/train/drift-view.en.js';

registerStrings({ ko, en });

const MAX_SENTENCES = 60;

function argmaxRow(probs, row) {
  const V = probs.shape[1];
  const data = probs.data;
  let best = 0;
  for (let j = 1; j < V; j++) if (data[row * V + j] > data[row * V + best]) best = j;
  return best;
}

export class TfDriftView extends LivePanel {
  constructor() {
    super();
    this._loaded = null;
    this._sentences = [];
    this._choice = 0;
    this._own = '';
    this._source = 0; // racer index, or 'loaded'
    this._prefix = 2;
    this._busy = false;
    this._result = null;
  }

  onPeriodic() {
    if (this._source !== 'loaded') this.compare();
  }
  onState(e) {
    if (['paused', 'finished'].includes(e.detail.state) && this._source !== 'loaded') this.compare();
  }

  set session(s) {
    this.follow(s);
    if (this._source !== 'loaded') this._source = 0;
    this._result = null;
    this._build();
    if (s && this._source !== 'loaded') this.compare();
  }

  set loadedModel(model) {
    this._loaded = model;
    if (model) this._source = 'loaded';
    else if (this._source === 'loaded') this._source = 0;
    this._result = null;
    this._build();
  }

  set corpusText(text) {
    this._corpus = String(text ?? '');
    const lines = String(text ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => [...l].length >= 4);
    this._sentences = [...new Set(lines)].slice(0, MAX_SENTENCES);
    this._choice = 0;
    this._build();
  }

  get sentence() {
    return this._choice === 'own' ? this._own : (this._sentences[this._choice] ?? '');
  }

  _build() {
    if (!this.isConnected) return;
    const parts = [el('p', 'explain', t('train.drift.explain'))];
    const sources = [];
    this._session?.racers.forEach((r) => sources.push([String(r.index), racerName(r)]));
    if (this._loaded) sources.push(['loaded', t('train.drift.loaded')]);
    if (!sources.length) {
      parts.push(el('p', 'hint', t('train.drift.noModel')));
      this.replaceChildren(...parts);
      return;
    }
    const controls = el('div', 'tr-row tr-drift-controls');
    const field = (labelText, control) => {
      const label = el('label', 'tr-field');
      label.append(el('span', '', labelText), control);
      controls.append(label);
      return label;
    };
    const source = document.createElement('select');
    source.name = 'drift-model';
    for (const [v, text] of sources) source.append(new Option(text, v));
    source.value = String(this._source);
    source.addEventListener('change', () => {
      this._source = source.value === 'loaded' ? 'loaded' : Number(source.value);
      this.compare();
    });
    field(t('train.drift.model'), source);
    const sentence = document.createElement('select');
    sentence.name = 'drift-sentence';
    this._sentences.forEach((s, i) => sentence.append(new Option(s, String(i))));
    sentence.append(new Option(t('train.drift.own'), 'own'));
    sentence.value = String(this._choice);
    field(t('train.drift.sentence'), sentence);
    const own = document.createElement('input');
    own.type = 'text';
    own.name = 'drift-own';
    own.value = this._own;
    const ownLabel = field(t('train.drift.ownLabel'), own);
    ownLabel.hidden = this._choice !== 'own';
    sentence.addEventListener('change', () => {
      this._choice = sentence.value === 'own' ? 'own' : Number(sentence.value);
      ownLabel.hidden = this._choice !== 'own';
      this.compare();
    });
    own.addEventListener('change', () => {
      this._own = own.value;
      this.compare();
    });
    const prefix = document.createElement('input');
    prefix.type = 'number';
    prefix.name = 'drift-prefix';
    prefix.min = '1';
    prefix.max = '20';
    prefix.value = String(this._prefix);
    prefix.addEventListener('change', () => {
      const v = Number(prefix.value);
      if (Number.isInteger(v) && v >= 1) {
        this._prefix = v;
        this.compare();
      } else prefix.value = String(this._prefix);
    });
    field(t('train.drift.prefix'), prefix);
    const run = el('button', 'tr-btn primary', t('train.drift.run'));
    run.type = 'button';
    run.dataset.action = 'compare';
    run.addEventListener('click', () => this.compare());
    controls.append(run);
    const auto = el('label', 'tr-check');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = this._auto;
    box.addEventListener('change', () => {
      this._auto = box.checked;
    });
    auto.append(box, document.createTextNode(t('train.drift.auto')));
    controls.append(auto);
    this._out = el('div', 'tr-drift-out');
    this._out.setAttribute('aria-live', 'polite');
    parts.push(controls, this._out);
    this.replaceChildren(...parts);
    this._renderResult();
  }

  /** Takes a snapshot and compares (a) and (b) on the chosen sentence. */
  async compare() {
    if (this._busy || !this._tf) return;
    const text = this.sentence;
    if (!text) return;
    this._busy = true;
    let model = null,
      owned = false,
      step = null;
    try {
      if (this._source === 'loaded') model = this._loaded;
      else if (this._session) {
        step = this._session.steps;
        model = this._tf.loadModel(await this._session.run.save(this._source));
        owned = true;
      }
      if (!model) return;
      const ins = model.inspect(text, { tensors: ['probs'] });
      const n = ins.tokens.length;
      const k = Math.min(this._prefix, n);
      if (n - k < 2) {
        this._result = { error: t('train.drift.tooShort', { n }) };
        return;
      }
      const vocab = model.tokenizer.vocab;
      const teacher = [];
      for (let j = 1; j < n; j++) teacher[j] = argmaxRow(ins.probs, j - 1);
      const gen = model.generate(ins.ids.slice(0, k), { maxTokens: n - k, temperature: 0 });
      const free = Array.from(gen.ids);
      // the engine: how far the given start + its own continuation reads as the training text
      const written = Array.from(ins.ids.slice(0, k)).concat(free);
      const corpus = this._corpus ? model.corpusPrefix(written, this._corpus) : { matched: written.length, line: -1 };
      const line = corpus.line >= 0 ? (this._corpus.split('\n')[corpus.line] ?? '').trim() : '';
      this._result = {
        step,
        tokens: ins.tokens,
        ids: Array.from(ins.ids),
        teacher,
        free,
        k,
        vocab,
        matched: corpus.matched,
        line,
      };
    } catch (err) {
      this._result = { error: errorMessage(err) };
    } finally {
      if (owned) model?.dispose();
      this._busy = false;
      this._renderResult();
    }
  }

  _renderResult() {
    if (!this._out) return;
    const r = this._result;
    if (!r) {
      this._out.replaceChildren();
      return;
    }
    if (r.error) {
      const p = el('p', 'message error', r.error);
      this._out.replaceChildren(p);
      return;
    }
    const { tokens, ids, teacher, free, k, vocab, matched, line } = r;
    const n = tokens.length;
    const piece = (id) => visibleToken(vocab[id] ?? '?');
    let differs = -1; // first position unlike the reference sentence
    for (let j = k; j < n; j++) {
      if (free[j - k] !== ids[j]) {
        differs = j;
        break;
      }
    }
    // the first position where the continuation stops reading as the training text (engine: corpusPrefix)
    const firstWrong = matched < Math.min(n, k + free.length) ? matched : -1;
    const grid = el('ol', 'tr-drift');
    grid.setAttribute('aria-label', t('train.drift.row.truth'));
    const keys = el('li', 'tr-drift-col keys');
    keys.setAttribute('aria-hidden', 'true');
    keys.append(el('span', 'tr-drift-pos', '#'));
    for (const key of ['truth', 'teacher', 'free'])
      keys.append(el('span', `tr-drift-cell key ${key}`, t(`train.drift.key.${key}`)));
    grid.append(keys);
    let tfOk = 0,
      tfAfterOk = 0,
      freeAfterOk = 0;
    for (let j = 0; j < n; j++) {
      const col = el('li', 'tr-drift-col');
      col.dataset.pos = String(j + 1); // positions count from 1
      col.append(el('span', 'tr-drift-pos', String(j + 1)));
      col.append(el('span', 'tr-drift-cell truth', visibleToken(tokens[j].text)));
      if (j === 0) col.append(el('span', 'tr-drift-cell empty', '·'));
      else {
        const ok = teacher[j] === ids[j];
        if (ok) tfOk++;
        if (firstWrong >= 0 && j > firstWrong && ok) tfAfterOk++;
        const cell = el('span', `tr-drift-cell teacher ${ok ? 'ok' : 'bad'}`, `${piece(teacher[j])} ${ok ? '✓' : '✗'}`);
        col.append(cell);
      }
      if (j < k) {
        col.classList.add('given');
        col.append(el('span', 'tr-drift-cell free given', visibleToken(tokens[j].text)));
      } else {
        const id = free[j - k];
        const same = id === ids[j];
        const inCorpus = j < matched;
        const ok = same;
        const cls = ['tr-drift-cell free', same ? 'ok' : inCorpus ? 'corpus' : 'bad'];
        if (j === firstWrong) cls.push('first');
        if (firstWrong >= 0 && j > firstWrong) {
          cls.push('after');
          if (ok) freeAfterOk++;
        }
        const cell = el(
          'span',
          cls.join(' '),
          `${id === undefined ? '∅' : piece(id)} ${same ? '✓' : inCorpus ? '≈' : '✗'}`,
        );
        col.append(cell);
        if (j === firstWrong) col.append(el('span', 'tr-drift-flag', t('train.drift.first')));
      }
      grid.append(col);
    }
    const summary = el('div', 'tr-drift-summary');
    if (r.step !== null) summary.append(el('p', 'hint', t('train.drift.at', { step: r.step })));
    summary.append(el('p', '', t('train.drift.summary.teacher', { n: n - 1, ok: tfOk })));
    if (firstWrong < 0 && differs < 0) summary.append(el('p', '', t('train.drift.summary.freeOk', { n: n - k })));
    else if (firstWrong < 0)
      summary.append(el('p', 'tr-drift-verdict', t('train.drift.summary.freeCorpus', { pos: differs + 1, line })));
    else {
      summary.append(
        el(
          'p',
          'tr-drift-verdict',
          t('train.drift.summary.free', {
            pos: firstWrong + 1,
            after: n - 1 - firstWrong,
            ok: freeAfterOk,
            tfOk: tfAfterOk,
          }),
        ),
      );
      if (line && firstWrong > 0) summary.append(el('p', 'hint', t('train.drift.summary.freeFollowed', { line })));
    }
    const rows = el('ul', 'tr-drift-rows hint');
    for (const key of ['truth', 'teacher', 'free'])
      rows.append(el('li', '', `${t(`train.drift.key.${key}`)}: ${t(`train.drift.row.${key}`)}`));
    this._out.replaceChildren(
      grid,
      rows,
      el('p', 'hint', t('train.drift.legend')),
      el('p', 'hint', t('train.drift.judge')),
      summary,
    );
    this._out.dataset.firstWrong = String(firstWrong); // 0-based index where it leaves the text; -1 never
    this._out.dataset.differs = String(differs);
    this._out.dataset.matched = String(matched);
  }
}

customElements.define('tf-drift-view', TfDriftView);
