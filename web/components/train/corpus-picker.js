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

registerStrings({
  ko: {
    'train.corpus.builtin': '준비된 글',
    'train.corpus.own': '내 글 쓰기 / 붙여넣기',
    'train.corpus.name.ko-small': '한국어 짧은 문장 (학습 노트의 예문)',
    'train.corpus.name.ko': '한국어 문장 모음',
    'train.corpus.name.en': '영어 문장 모음',
    'train.corpus.name.sagwa': '“사과” 문장 (사과 = 과일 / 사죄)',
    'train.corpus.name.ko-words': '한국어 문장, 조사를 띄어 쓴 것 (고양이 는 귀엽다)',
    'train.corpus.lang.ko': '한국어',
    'train.corpus.lang.en': '영어',
    'train.corpus.preview': '글 미리 보기',
    'train.corpus.textLabel': '모델이 배울 글',
    'train.corpus.placeholder': '여기에 글을 붙여 넣거나 쓰세요. 예: 나는 밥을 먹었다. 고양이는 귀엽다. …',
    'train.corpus.file': '.txt 파일 열기',
    'train.corpus.fileLoaded': '파일을 열었어요: {name} ({bytes}바이트)',
    'train.corpus.waiting': '지금 모델은 아직 예전 글로 배운 모델이에요. “처음부터”를 누르면 이 글로 새로 학습해요.',
    'train.corpus.waitingError': '이 글로는 아직 학습할 수 없어요. 지금 모델은 예전 글로 배운 그대로 남아 있어요.',
    'train.corpus.bytes': '{chars}글자 · {bytes}바이트',
    'train.corpus.notInLink': '글이 {max}바이트보다 길어서 공유 링크에는 들어가지 않아요. 링크를 받은 사람도 같은 글을 넣어야 같은 실험이 돼요.',
    'train.corpus.linkEmpty': '이 링크는 “내 글”로 학습한 실험이에요. 같은 글을 다시 붙여 넣어 주세요.',
    'train.corpus.checking': '엔진이 글을 살펴보는 중…',
    'train.corpus.vocab': '엔진이 만든 어휘: 토큰 {n}개',
    'train.corpus.split': '학습용 토큰 {train}개 · 평가용(떼어 둔) 토큰 {val}개',
    'train.corpus.noSplit': '학습용 토큰 {train}개. 글이 짧아서 평가용으로 떼어 둘 부분이 없어요 — 평가 손실도 학습한 글에서 재요.',
    'train.corpus.moreVocab': '… 외 {n}개',
    'train.corpus.loadFailed': '준비된 글을 불러오지 못했어요: {file}',
    'train.error.corpus_too_short': '글이 너무 짧아요: 토큰이 {detail}개예요. 이 모델은 한 번에 {detail2}개(문맥 길이 + 1)의 토큰이 필요해요. 글을 더 넣거나 문맥 길이를 줄이세요.',
    'train.error.text_too_large': '글이 너무 커요: {detail}바이트예요. 최대 {detail2}바이트까지 학습할 수 있어요.',
    'train.error.invalid_utf8': '글에 깨진 문자가 있어요: {detail}번째 바이트가 UTF-8이 아니에요. 파일을 UTF-8로 저장해서 다시 열어 주세요.',
    'train.error.binary_text': '텍스트 파일이 아닌 것 같아요 ({detail}번째 바이트가 NUL이에요). .txt 파일을 골라 주세요.',
    'train.error.empty_text': '글이 비어 있어요. 학습할 글을 넣어 주세요.',
    'train.error.bad_config': '모델 설정이 맞지 않아요: {message}',
    'train.error.bad_train_config': '학습 설정이 맞지 않아요: {message}',
    'train.error.bad_optimizer_config': '옵티마이저 설정이 맞지 않아요: {message}',
  },
  en: {
    'train.corpus.builtin': 'Built-in text',
    'train.corpus.own': 'My own text',
    'train.corpus.name.ko-small': 'Short Korean sentences (the notes’ examples)',
    'train.corpus.name.ko': 'Korean sentences',
    'train.corpus.name.en': 'English sentences',
    'train.corpus.name.sagwa': '“사과” sentences (apple / apology)',
    'train.corpus.name.ko-words': 'Korean sentences with particles split off (고양이 는 귀엽다)',
    'train.corpus.lang.ko': 'Korean',
    'train.corpus.lang.en': 'English',
    'train.corpus.preview': 'Preview the text',
    'train.corpus.textLabel': 'The text the model learns from',
    'train.corpus.placeholder': 'Paste or type text here. E.g. 나는 밥을 먹었다. The cat is cute. …',
    'train.corpus.file': 'Open a .txt file',
    'train.corpus.fileLoaded': 'Opened {name} ({bytes} bytes).',
    'train.corpus.waiting': 'The model on screen still learned from the earlier text. “Start over” trains a new one on this text.',
    'train.corpus.waitingError': 'This text cannot be trained on yet. The model on screen stays as it learned from the earlier text.',
    'train.corpus.bytes': '{chars} characters · {bytes} bytes',
    'train.corpus.notInLink': 'The text is longer than {max} bytes, so the share link does not include it. Whoever opens the link needs the same text for the same experiment.',
    'train.corpus.linkEmpty': 'This link is an experiment on someone’s own text. Paste the same text again.',
    'train.corpus.checking': 'The engine is reading the text…',
    'train.corpus.vocab': 'Vocabulary the engine built: {n} tokens',
    'train.corpus.split': '{train} tokens to train on · {val} tokens held out for evaluation',
    'train.corpus.noSplit': '{train} tokens to train on. The text is too short to hold part of it out, so the evaluation loss is measured on the training text too.',
    'train.corpus.moreVocab': '… and {n} more',
    'train.corpus.loadFailed': 'Could not load the built-in text: {file}',
    'train.error.corpus_too_short': 'The text is too short: {detail} tokens. This model needs {detail2} tokens at once (context length + 1). Add text or shorten the context.',
    'train.error.text_too_large': 'The text is too large: {detail} bytes. At most {detail2} bytes can be trained on.',
    'train.error.invalid_utf8': 'The text has a broken character: byte {detail} is not UTF-8. Save the file as UTF-8 and open it again.',
    'train.error.binary_text': 'This does not look like a text file (byte {detail} is NUL). Please pick a .txt file.',
    'train.error.empty_text': 'The text is empty. Please add some text to learn from.',
    'train.error.bad_config': 'The model settings do not fit: {message}',
    'train.error.bad_train_config': 'The training settings do not fit: {message}',
    'train.error.bad_optimizer_config': 'The optimizer settings do not fit: {message}',
  },
});

const MAX_VOCAB_CHIPS = 120;
const MAX_TEXTAREA_BYTES = 200 * 1024;   // bigger files are trained on but not shown in the box

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
  get value() { return { ...this._value }; }

  /** The text to train on: a string, or the opened file's bytes (the engine checks their UTF-8). */
  async corpusInput() {
    const { corpus } = this._value;
    if (corpus === 'own') return this._fileBytes ?? this._value.text;
    const entry = this._entries.find((e) => e.name === corpus);
    if (!entry) return '';
    if (!this._cache.has(entry.file)) {
      const url = new URL(`../../data/${entry.file}`, import.meta.url);
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error(t('train.corpus.loadFailed', { file: entry.file })), { code: 'load_failed' });
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
  disconnectedCallback() { this._off?.(); }

  _emit() {
    this.dispatchEvent(new CustomEvent('corpus-change', { detail: this.value, bubbles: true }));
  }

  _render() {
    if (!this.isConnected) return;
    const focused = document.activeElement && this.contains(document.activeElement) ? document.activeElement.name : null;
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
      const text = name === 'own' ? t('train.corpus.own') : (t(`train.corpus.name.${name}`) === `train.corpus.name.${name}` ? name : t(`train.corpus.name.${name}`));
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
        try { pre.textContent = String(await this.corpusInput()).slice(0, 4000); } catch (err) { pre.textContent = err.message; }
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
      note.textContent = this._linkEmpty && !text ? t('train.corpus.linkEmpty')
        : text && !textFitsUrl(text) ? t('train.corpus.notInLink', { max: 1500 }) : '';
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
    if (info.vocab.length > MAX_VOCAB_CHIPS) list.append(el('li', 'tr-chip more', t('train.corpus.moreVocab', { n: info.vocab.length - MAX_VOCAB_CHIPS })));
    box.append(list);
    box.append(el('p', 'hint', info.val_tokens > 0
      ? t('train.corpus.split', { train: info.train_tokens, val: info.val_tokens })
      : t('train.corpus.noSplit', { train: info.train_tokens })));
    if (s.waiting) box.append(el('p', 'hint tr-corpus-waiting', t('train.corpus.waiting')));
  }
}

customElements.define('tf-corpus-picker', TfCorpusPicker);
