// <tf-corpus-picker>: what the model learns from — a built-in text (data/index.json lists them) or
// the learner's own (pasted, or a .txt file opened). The engine judges the text when the run is
// set up; this element shows its verdict (an error in the learner's language) or the vocabulary it
// built (run.info.vocab) as chips.
//
//   picker.entries = [{ name, file, lang }];   picker.value = { corpus: 'ko-small' | 'own', text };
//   await picker.corpusInput();                 // string, or the file's raw bytes (Uint8Array)
//   picker.status = { error } | { info } | null;
//   picker.addEventListener('corpus-change', ...)
import { errorMessage, onLocaleChange, registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import { textFitsUrl } from './settings.js';
import ko from '../../i18n/train/corpus-picker.ko.js';
import en from '../../i18n/train/corpus-picker.en.js';

registerStrings({ ko, en });

const MAX_VOCAB_CHIPS = 120;
const MAX_TEXTAREA_BYTES = 200 * 1024; // bigger files are trained on but not shown in the box

/** An engine error about training text, in the learner's language (page-wide messages as fallback). */
export function trainErrorMessage(err) {
  const key = `train.error.${err?.code}`;
  const text = t(key, { detail: err?.detail, detail2: err?.detail2, message: err?.message ?? String(err) });
  return text === key ? errorMessage(err) : text;
}

export class TfCorpusPicker extends HTMLElement {
  constructor() {
    super();
    this._entries = [];
    this._value = { corpus: 'ko-small', text: '' };
    this._fileBytes = null;
    this._fileName = '';
    this._cache = new Map();
    this._status = null;
    this._linkEmpty = false;
    this._built = false;
  }

  set entries(list) {
    this._entries = list ?? [];
    this._render();
  }

  set value(v) {
    this._value = { corpus: v.corpus, text: v.text ?? '' };
    this._fileBytes = null;
    this._linkEmpty = v.corpus === 'own' && !v.text;
    this._render();
  }
  get value() {
    return { ...this._value };
  }

  /** The text to train on: a string, or the opened file's bytes (the engine checks their UTF-8). */
  async corpusInput() {
    const { corpus } = this._value;
    if (corpus === 'own') return this._fileBytes ?? this._value.text;
    const entry = this._entries.find((e) => e.name === corpus);
    if (!entry) return '';
    if (!this._cache.has(entry.file)) {
      const url = new URL(`../../data/${entry.file}`, import.meta.url);
      const res = await fetch(url);
      if (!res.ok)
        throw Object.assign(new Error(t('train.corpus.loadFailed', { file: entry.file })), { code: 'load_failed' });
      this._cache.set(entry.file, await res.text());
    }
    return this._cache.get(entry.file);
  }

  /** { error } | { info } | { checking: true } | null */
  set status(s) {
    this._status = s;
    this._renderStatus();
  }

  connectedCallback() {
    this._off = onLocaleChange(() => this._render());
    this._render();
  }
  disconnectedCallback() {
    this._off?.();
  }

  _emit() {
    this.dispatchEvent(new CustomEvent('corpus-change', { detail: this.value, bubbles: true }));
  }

  _render() {
    if (!this.isConnected) return;
    const focused =
      document.activeElement && this.contains(document.activeElement) ? document.activeElement.name : null;
    const { corpus } = this._value;
    const choices = el('div', 'tr-corpus-choices');
    choices.setAttribute('role', 'radiogroup');
    const names = [...this._entries.map((e) => e.name), 'own'];
    for (const name of names) {
      const entry = this._entries.find((e) => e.name === name);
      const label = el('label', 'tr-choice');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'corpus';
      radio.value = name;
      radio.checked = corpus === name;
      radio.addEventListener('change', () => {
        this._value = { corpus: name, text: name === 'own' ? this._value.text : '' };
        if (name !== 'own') this._fileBytes = null;
        this._render();
        this._emit();
      });
      const text =
        name === 'own'
          ? t('train.corpus.own')
          : t(`train.corpus.name.${name}`) === `train.corpus.name.${name}`
            ? name
            : t(`train.corpus.name.${name}`);
      label.append(radio, el('span', '', text));
      if (entry?.lang) label.append(el('span', 'tr-tag', t(`train.corpus.lang.${entry.lang}`)));
      choices.append(label);
    }
    const parts = [choices];
    if (corpus === 'own') parts.push(this._ownBox());
    else {
      const details = el('details', 'tr-preview');
      details.append(el('summary', '', t('train.corpus.preview')));
      const pre = el('pre', 'tr-preview-text');
      details.append(pre);
      details.addEventListener('toggle', async () => {
        if (!details.open || pre.textContent) return;
        try {
          pre.textContent = String(await this.corpusInput()).slice(0, 4000);
        } catch (err) {
          pre.textContent = err.message;
        }
      });
      parts.push(details);
    }
    this._statusBox = el('div', 'tr-corpus-status');
    this._statusBox.setAttribute('aria-live', 'polite');
    parts.push(this._statusBox);
    this.replaceChildren(...parts);
    this._built = true;
    this._renderStatus();
    if (focused) this.querySelector(`[name="${focused}"]`)?.focus();
  }

  _ownBox() {
    const box = el('div', 'tr-own');
    const label = el('label', 'tr-field tr-own-label');
    label.append(el('span', '', t('train.corpus.textLabel')));
    const area = document.createElement('textarea');
    area.name = 'own-text';
    area.rows = 6;
    area.spellcheck = false;
    area.placeholder = t('train.corpus.placeholder');
    area.value = this._value.text;
    label.append(area);
    const count = el('p', 'hint tr-count');
    const note = el('p', 'hint tr-link-note');
    const describe = () => {
      const text = this._value.text;
      const bytes = this._fileBytes ? this._fileBytes.length : new TextEncoder().encode(text).length;
      count.textContent = t('train.corpus.bytes', { chars: [...text].length, bytes });
      if (this._fileBytes) count.textContent = t('train.corpus.fileLoaded', { name: this._fileName, bytes });
      note.textContent =
        this._linkEmpty && !text
          ? t('train.corpus.linkEmpty')
          : text && !textFitsUrl(text)
            ? t('train.corpus.notInLink', { max: 1500 })
            : '';
      note.hidden = !note.textContent;
    };
    let timer = null;
    area.addEventListener('input', () => {
      this._value.text = area.value;
      this._fileBytes = null;
      describe();
      clearTimeout(timer);
      timer = setTimeout(() => this._emit(), 400);
    });
    const fileLabel = el('label', 'tr-btn tr-file');
    const file = document.createElement('input');
    file.type = 'file';
    file.name = 'own-file';
    file.accept = '.txt,text/plain';
    file.className = 'tr-file-input';
    fileLabel.append(el('span', '', t('train.corpus.file')), file);
    file.addEventListener('change', async () => {
      const f = file.files?.[0];
      if (!f) return;
      const bytes = new Uint8Array(await f.arrayBuffer());
      this._fileBytes = bytes;
      this._fileName = f.name;
      // for display only; the engine gets the bytes and reports any broken UTF-8 with its offset
      const shown = bytes.length <= MAX_TEXTAREA_BYTES ? new TextDecoder().decode(bytes) : '';
      this._value.text = shown;
      area.value = shown;
      describe();
      this._emit();
    });
    describe();
    box.append(label, fileLabel, count, note);
    return box;
  }

  _renderStatus() {
    const box = this._statusBox;
    if (!box) return;
    const s = this._status;
    box.replaceChildren();
    if (!s) return;
    if (s.checking) {
      box.append(el('p', 'hint', t('train.corpus.checking')));
      return;
    }
    if (s.error) {
      const p = el('p', 'message error tr-corpus-error', trainErrorMessage(s.error));
      p.setAttribute('role', 'alert');
      p.dataset.code = s.error.code ?? '';
      box.append(p);
      if (s.waiting) box.append(el('p', 'hint tr-corpus-waiting', t('train.corpus.waitingError')));
      return;
    }
    const info = s.info;
    if (!info) return;
    box.append(el('p', 'tr-vocab-title', t('train.corpus.vocab', { n: info.vocab.length })));
    const list = el('ul', 'tr-vocab');
    list.setAttribute('aria-label', t('train.corpus.vocab', { n: info.vocab.length }));
    for (const piece of info.vocab.slice(0, MAX_VOCAB_CHIPS)) list.append(el('li', 'tr-chip', visibleToken(piece)));
    if (info.vocab.length > MAX_VOCAB_CHIPS)
      list.append(el('li', 'tr-chip more', t('train.corpus.moreVocab', { n: info.vocab.length - MAX_VOCAB_CHIPS })));
    box.append(list);
    box.append(
      el(
        'p',
        'hint',
        info.val_tokens > 0
          ? t('train.corpus.split', { train: info.train_tokens, val: info.val_tokens })
          : t('train.corpus.noSplit', { train: info.train_tokens }),
      ),
    );
    if (s.waiting) box.append(el('p', 'hint tr-corpus-waiting', t('train.corpus.waiting')));
  }
}

customElements.define('tf-corpus-picker', TfCorpusPicker);
