// <tf-model-file>: save the trained model as a .safetensors file (run.save → Blob → a download link)
// and open one (ours or the native CLI's): tinyformer.loadModel(bytes) shows its config and a first greedy
// continuation; a broken file shows the engine's error in the learner's language.
//
//   file.tinyformer = engine; file.session = trainSession;
//   file.addEventListener('model-loaded', (e) => e.detail);   // { model, name } (the page owns model)
import { errorMessage, onLocaleChange, registerStrings, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import { racerName } from './settings-form.js';
import ko from '../../i18n/train/model-file.ko.js';
import en from '../../i18n/train/model-file.en.js';

/** A setting's value as the settings form names it (e.g. norm 'pre' → '앞 (pre-LN)'); unknown values as written. */
function knob(name, value) {
  const key = `train.knob.${name}.${value}`;
  const text = t(key);
  return text === key ? String(value) : text;
}

registerStrings({ ko, en });

/** The engine's error for a model file, in the learner's language. */
function fileError(err) {
  const key = `train.error.${err?.code}`;
  const text = t(key, { message: err?.message ?? String(err), detail: err?.detail });
  return text === key ? errorMessage(err) : text;
}

export class TfModelFile extends HTMLElement {
  constructor() {
    super();
    this._tf = null;
    this._session = null;
    this._racer = 0;
    this._saved = null; // { url, name, step, kb }
    this._loaded = null; // { name, model } | { name, error }
    this._onState = () => this._renderSave();
    /** The prompt of the first continuation shown for a loaded model. */
    this.prompt = '';
  }

  set tinyformer(engine) {
    this._tf = engine;
  }

  set session(s) {
    this._session?.removeEventListener('state', this._onState);
    this._session = s;
    s?.addEventListener('state', this._onState);
    this._racer = 0;
    this._build();
  }

  connectedCallback() {
    this._off = onLocaleChange(() => this._build());
    this._build();
  }
  disconnectedCallback() {
    this._off?.();
  }

  async save() {
    const s = this._session;
    if (!s) return null;
    const step = s.steps;
    const bytes = await s.save(this._racer);
    if (this._saved) URL.revokeObjectURL(this._saved.url);
    const racer = s.racers[this._racer];
    const name = `tinyformer-${racer.kind}${racer.role ? `-${racer.role}` : ''}-step${step}.safetensors`;
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
    this._saved = { url, name, step, kb: (bytes.length / 1024).toFixed(1) };
    this._renderSave();
    this._link.click();
    this.dispatchEvent(new CustomEvent('model-saved', { detail: { bytes, name }, bubbles: true }));
    return bytes;
  }

  /** Opens checkpoint bytes (from a file input or a test). */
  open(bytes, name) {
    try {
      const model = this._tf.loadModel(bytes);
      this._loaded = { name, model };
      this.dispatchEvent(new CustomEvent('model-loaded', { detail: { model, name }, bubbles: true }));
    } catch (err) {
      this._loaded = { name, error: err };
    }
    this._renderLoad();
    return this._loaded;
  }

  _build() {
    if (!this.isConnected) return;
    const save = el('div', 'tr-block');
    save.append(el('h3', '', t('train.file.saveTitle')), el('p', 'hint', t('train.file.saveExplain')));
    this._saveBox = el('div', 'tr-save');
    save.append(this._saveBox);
    const load = el('div', 'tr-block');
    load.append(el('h3', '', t('train.file.loadTitle')), el('p', 'hint', t('train.file.loadExplain')));
    const label = el('label', 'tr-btn tr-file');
    const input = document.createElement('input');
    input.type = 'file';
    input.name = 'model-file';
    input.accept = '.safetensors,application/octet-stream';
    input.className = 'tr-file-input';
    input.addEventListener('change', async () => {
      const f = input.files?.[0];
      if (!f) return;
      this.open(new Uint8Array(await f.arrayBuffer()), f.name);
      input.value = '';
    });
    label.append(el('span', '', t('train.file.open')), input);
    this._loadBox = el('div', 'tr-load');
    this._loadBox.setAttribute('aria-live', 'polite');
    load.append(label, this._loadBox);
    const grid = el('div', 'tr-file-grid');
    grid.append(save, load);
    this.replaceChildren(grid);
    this._renderSave();
    this._renderLoad();
  }

  _renderSave() {
    const box = this._saveBox;
    if (!box) return;
    const s = this._session;
    const parts = [];
    if (!s) parts.push(el('p', 'hint', t('train.file.none')));
    else {
      const row = el('div', 'tr-row');
      if (s.racers.length > 1) {
        const label = el('label', 'tr-field');
        const select = document.createElement('select');
        select.name = 'save-racer';
        s.racers.forEach((r) => select.append(new Option(racerName(r), String(r.index))));
        select.value = String(this._racer);
        select.addEventListener('change', () => {
          this._racer = Number(select.value);
        });
        label.append(el('span', '', t('train.file.which')), select);
        row.append(label);
      }
      const b = el('button', 'tr-btn primary', t('train.file.save'));
      b.type = 'button';
      b.dataset.action = 'save';
      b.disabled = s.state === 'error';
      b.addEventListener('click', () =>
        this.save().catch((err) => {
          this._saveError = fileError(err);
          this._renderSave();
        }),
      );
      row.append(b);
      parts.push(row);
    }
    this._link = document.createElement('a');
    this._link.className = 'tr-download';
    if (this._saved) {
      this._link.href = this._saved.url;
      this._link.download = this._saved.name;
      this._link.textContent = t('train.file.again');
      const p = el('p', 'message', t('train.file.saved', this._saved));
      p.append(' ', this._link);
      parts.push(p);
    }
    if (this._saveError) parts.push(el('p', 'message error', this._saveError));
    box.replaceChildren(...parts);
  }

  _renderLoad() {
    const box = this._loadBox;
    if (!box) return;
    const l = this._loaded;
    if (!l) {
      box.replaceChildren();
      return;
    }
    if (l.error) {
      const p = el(
        'p',
        'message error tr-load-error',
        t('train.file.failed', { name: l.name, message: fileError(l.error) }),
      );
      p.setAttribute('role', 'alert');
      p.dataset.code = l.error.code ?? '';
      box.replaceChildren(p);
      return;
    }
    const m = l.model;
    if (m.disposed) {
      box.replaceChildren();
      return;
    }
    const c = m.config;
    const parts = [
      el('p', 'message tr-loaded', t('train.file.loaded', { name: l.name })),
      el(
        'p',
        'tr-config',
        t('train.file.config', {
          L: c.n_layer,
          H: c.n_head,
          C: c.n_embd,
          T: c.block_size,
          V: c.vocab_size,
          P: m.info.num_parameters.toLocaleString(),
          // the settings' own words in the learner's language (the knob labels of settings-form.js)
          pos: knob('positional', c.positional),
          norm: knob('norm', c.norm),
          act: c.activation,
          tok: knob('tokenizer', m.info.tokenizer),
        }),
      ),
    ];
    try {
      const vocab = m.tokenizer.vocab;
      const prompt = this.prompt || (vocab.find((v) => v.trim()) ?? vocab[0]);
      const out = m.generate(prompt, { maxTokens: 40, temperature: 0 });
      const p = el('p', 'tr-sample-text');
      p.append(el('b', 'tr-sample-prompt', prompt), document.createTextNode(out.text));
      parts.push(el('p', 'hint', t('train.file.sample', { prompt })), p);
    } catch {
      /* a model that cannot generate still shows its config */
    }
    box.replaceChildren(...parts);
  }
}

customElements.define('tf-model-file', TfModelFile);
