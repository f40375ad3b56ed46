// The training page's settings, as two elements that share one settings object (settings.js):
//   <tf-mode-picker>     what to try: watch one model learn, an optimizer race, teacher forcing vs
//                        free-running; in a race, presets (incl. the one where SGD + momentum keeps up)
//   <tf-train-settings>  model size (presets + knobs), optimizer(s) and learning rates, batch, seed, steps
// Both take `.settings = {...}` and dispatch `settings-change` {settings, live, racer?, lr?, p?}:
// live = true for changes a running model can take (learning rate, sampling probability).
import { onLocaleChange, registerStrings, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import { SERIES_COLORS } from '../tf-line-chart.js';
import {
  CHOICES, DEFAULT_LR, MODEL_PRESETS, RACE_PRESETS, defaultsFor, formatLr, presetOf,
} from './settings.js';

registerStrings({
  ko: {
    'train.mode.train': '학습 지켜보기',
    'train.mode.train.explain': '모델 하나를 학습시키며 손실이 줄고 문장이 생겨나는 것을 봐요.',
    'train.mode.race': '옵티마이저 경주',
    'train.mode.race.explain': 'SGD · 모멘텀 · Adam · AdamW가 같은 처음 가중치, 같은 배치로 나란히 학습해요. “Adam이 항상 더 좋다”가 맞는지 직접 확인해요.',
    'train.mode.tf': '교사 강요 vs 자유 생성',
    'train.mode.tf.explain': '같은 모델 둘: 하나는 늘 정답 앞글자를 보고(교사 강요), 하나는 자기가 예측한 글자를 보고 배워요(자유 생성).',
    'train.preset.title': '경주 준비물',
    'train.preset.typical': '흔한 비교: SGD vs Adam',
    'train.preset.keepsUp': '공정한 비교: 모멘텀 SGD가 따라잡는 설정',
    'train.preset.adamAhead': 'Adam이 잘하는 경우: 드문 글자가 많은 글',
    'train.preset.adamAhead.note': '더 큰 한국어 문장 모음(글자 330종, 드문 글자가 많아요)에서는 모멘텀 SGD(0.3)가 600단계에서도 Adam(0.003)을 따라잡지 못했어요(평가 손실 1.64 vs 1.33, 1000단계에서도 1.33 vs 1.20). 드문 글자의 임베딩은 기울기가 작아서 SGD로는 조금밖에 안 움직이는데, Adam은 가중치마다 걸음 크기를 맞춰 주기 때문이에요. 이것이 Adam이 실제로 잘하는 일이에요 — “틀린 문제를 기억”해서가 아니라요.',
    'train.preset.all': '넷 다 함께',
    'train.preset.typical.note': '학습률을 따로 맞추지 않은 SGD(0.1)와 Adam(0.003)이에요. 여기서는 Adam이 훨씬 빨라 보여요.',
    'train.preset.keepsUp.note': '학습 노트의 짧은 문장들에서, 모멘텀 SGD에 잘 고른 학습률(0.15)을 주면: 처음 150단계쯤은 Adam(0.003)이 앞서지만 225단계쯤부터 나란히 가고, 300단계에서는 시드에 따라 누가 앞설지 바뀌어요. 옵티마이저 종류보다 학습률을 잘 고르는 게 더 큰 차이를 만들 때가 많아요.',
    'train.preset.all.note': '네 가지를 한 번에. AdamW는 Adam에 가중치 감쇠(0.1)를 더한 것이에요.',
    'train.size.title': '모델 크기',
    'train.size.tiny': '아주 작게',
    'train.size.small': '작게',
    'train.size.medium': '보통',
    'train.size.custom': '직접 조절',
    'train.size.summary': '층 {L} · 헤드 {H} · 폭 {C} · 문맥 {T}',
    'train.size.more': '자세히 조절하기',
    'train.knob.n_layer': '층 수',
    'train.knob.n_head': '헤드 수',
    'train.knob.n_embd': '폭 (벡터 길이)',
    'train.knob.block_size': '문맥 길이 (토큰)',
    'train.knob.positional': '위치 인코딩',
    'train.knob.norm': '정규화 위치',
    'train.knob.activation': '활성화 함수',
    'train.knob.tokenizer': '토큰 나누기',
    'train.knob.positional.learned': '학습 (GPT)',
    'train.knob.positional.sinusoidal': '사인파 (원 논문)',
    'train.knob.positional.none': '없음',
    'train.knob.norm.pre': '앞 (pre-LN)',
    'train.knob.norm.post': '뒤 (post-LN, 원 논문)',
    'train.knob.tokenizer.char': '글자',
    'train.knob.tokenizer.word': '단어',
    'train.knob.tokenizer.jamo': '자모',
    'train.knob.headsHint': '폭은 헤드 수로 나누어떨어져야 해요.',
    'train.opt.title': '옵티마이저와 학습률',
    'train.opt.kind': '옵티마이저',
    'train.opt.lr': '학습률',
    'train.opt.lrOf': '{name}의 학습률',
    'train.opt.liveHint': '학습률은 학습 중에도 바꿀 수 있어요 (바로 적용).',
    'train.opt.raceHint': '두 개 이상 고르세요. 모두 같은 처음 가중치에서 같은 배치로 출발해요.',
    'train.opt.sgd': 'SGD',
    'train.opt.momentum': 'SGD + 모멘텀',
    'train.opt.adam': 'Adam',
    'train.opt.adamw': 'AdamW',
    'train.opt.teacher': '교사 강요 (p = 0)',
    'train.opt.free': '자유 생성 (p = {p})',
    'train.tf.p': '자유 생성 쪽이 정답 대신 자기 예측을 넣을 확률 p',
    'train.tf.pHint': 'p = 1이면 첫 글자 말고는 전부 자기 예측(처음엔 엉터리)을 보고 배워서 거의 배우지 못해요 — 그래서 학습할 때는 교사 강요를 써요. 조금만 섞는 방법(p = 0.1~0.3, scheduled sampling)도 있어요. 학습 중에도 바꿀 수 있어요.',
    'train.run.title': '학습 설정',
    'train.run.batch': '배치 크기',
    'train.run.seed': '시드 (같으면 같은 실험)',
    'train.run.steps': '목표 단계 수',
  },
  en: {
    'train.mode.train': 'Watch it learn',
    'train.mode.train.explain': 'Train one model and watch the loss fall and sentences appear.',
    'train.mode.race': 'Optimizer race',
    'train.mode.race.explain': 'SGD, momentum, Adam and AdamW train side by side from the same initial weights on the same batches. Check “Adam is always better” yourself.',
    'train.mode.tf': 'Teacher forcing vs free-running',
    'train.mode.tf.explain': 'Two copies of one model: one always sees the true previous token (teacher forcing), the other learns from its own guesses (free-running).',
    'train.preset.title': 'Race set-ups',
    'train.preset.typical': 'The usual comparison: SGD vs Adam',
    'train.preset.keepsUp': 'A fair comparison: SGD + momentum keeps up',
    'train.preset.adamAhead': 'Where Adam shines: many rare characters',
    'train.preset.adamAhead.note': 'On the bigger Korean corpus (330 different characters, many of them rare), SGD with momentum (0.3) had not caught up with Adam (0.003) after 600 steps (held-out loss 1.64 vs 1.33; after 1000 steps 1.33 vs 1.20). The embeddings of rare characters get small gradients, which SGD follows only a little, while Adam scales every weight’s step. That is what Adam is actually good at — not “remembering wrong answers”.',
    'train.preset.all': 'All four',
    'train.preset.typical.note': 'SGD (0.1) and Adam (0.003) with learning rates nobody tuned. Here Adam looks much faster.',
    'train.preset.keepsUp.note': 'On the notes’ short sentences, give SGD with momentum a well-chosen learning rate (0.15): Adam (0.003) leads for the first 150 steps or so, from about step 225 they run level, and at step 300 which one is ahead depends on the seed. Choosing the learning rate often matters more than choosing the optimizer.',
    'train.preset.all.note': 'All four at once. AdamW is Adam plus weight decay (0.1).',
    'train.size.title': 'Model size',
    'train.size.tiny': 'Tiny',
    'train.size.small': 'Small',
    'train.size.medium': 'Medium',
    'train.size.custom': 'Custom',
    'train.size.summary': '{L} layers · {H} heads · width {C} · context {T}',
    'train.size.more': 'Fine-tune the shape',
    'train.knob.n_layer': 'Layers',
    'train.knob.n_head': 'Heads',
    'train.knob.n_embd': 'Width (vector length)',
    'train.knob.block_size': 'Context (tokens)',
    'train.knob.positional': 'Positional encoding',
    'train.knob.norm': 'Norm placement',
    'train.knob.activation': 'Activation',
    'train.knob.tokenizer': 'Tokens',
    'train.knob.positional.learned': 'learned (GPT)',
    'train.knob.positional.sinusoidal': 'sinusoidal (paper)',
    'train.knob.positional.none': 'none',
    'train.knob.norm.pre': 'before (pre-LN)',
    'train.knob.norm.post': 'after (post-LN, paper)',
    'train.knob.tokenizer.char': 'characters',
    'train.knob.tokenizer.word': 'words',
    'train.knob.tokenizer.jamo': 'jamo',
    'train.knob.headsHint': 'The width must divide evenly by the number of heads.',
    'train.opt.title': 'Optimizer and learning rate',
    'train.opt.kind': 'Optimizer',
    'train.opt.lr': 'Learning rate',
    'train.opt.lrOf': 'Learning rate of {name}',
    'train.opt.liveHint': 'You can change the learning rate while it trains (applies at once).',
    'train.opt.raceHint': 'Pick two or more. All start from the same initial weights and see the same batches.',
    'train.opt.sgd': 'SGD',
    'train.opt.momentum': 'SGD + momentum',
    'train.opt.adam': 'Adam',
    'train.opt.adamw': 'AdamW',
    'train.opt.teacher': 'Teacher forcing (p = 0)',
    'train.opt.free': 'Free-running (p = {p})',
    'train.tf.p': 'Probability p that the free-running copy feeds its own guess instead of the true token',
    'train.tf.pHint': 'With p = 1 it learns from its own (at first nonsensical) guesses everywhere after the first token and hardly learns at all — which is why training uses teacher forcing. Mixing in a little (p = 0.1–0.3, scheduled sampling) is another option. You can change p while it trains.',
    'train.run.title': 'Training',
    'train.run.batch': 'Batch size',
    'train.run.seed': 'Seed (same seed = same experiment)',
    'train.run.steps': 'Target steps',
  },
});

/** The colour of racer i everywhere on the page (chart lines, swatches): Okabe–Ito, colour-blind safe. */
export function racerColor(i) { return SERIES_COLORS[i % SERIES_COLORS.length]; }

/** A racer's display name: "SGD + 모멘텀", or in teacher-forcing mode its role. */
export function racerName(racer) {
  if (racer.role === 'teacher') return t('train.opt.teacher');
  if (racer.role === 'free') return t('train.opt.free', { p: racer.samplingProb });
  return t(`train.opt.${racer.kind}`);
}

function button(text, className = 'tr-btn') {
  const b = el('button', className, text);
  b.type = 'button';
  return b;
}

function swatch(i) {
  const s = el('span', 'tr-swatch');
  s.style.background = racerColor(i);
  s.setAttribute('aria-hidden', 'true');
  return s;
}

const clone = (s) => JSON.parse(JSON.stringify(s));

function focusKey(node) {
  return [node.localName, node.id, node.name, node.type, node.dataset.mode, node.dataset.size, node.dataset.preset, node.getAttribute('aria-label')].join('|');
}

class SettingsElement extends HTMLElement {
  constructor() {
    super();
    this._settings = null;
  }
  set settings(s) {
    this._settings = clone(s);
    if (this.isConnected) this._rerender();
  }
  get settings() { return clone(this._settings); }
  connectedCallback() {
    this._off = onLocaleChange(() => this._settings && this.render());
    if (this._settings) this.render();
  }
  disconnectedCallback() { this._off?.(); }
  /** Re-renders, keeping keyboard focus on the same control (selects and buttons are rebuilt). */
  _rerender() {
    const a = document.activeElement;
    const key = a && this.contains(a) ? focusKey(a) : null;
    this.render();
    if (!key) return;
    const again = [...this.querySelectorAll('button, input, select')].find((x) => focusKey(x) === key);
    again?.focus();
  }
  _emit(extra = {}) {
    this.dispatchEvent(new CustomEvent('settings-change', { detail: { settings: this.settings, live: false, ...extra }, bubbles: true }));
  }
}

/** <tf-mode-picker>: the three experiments, and the race presets. */
export class TfModePicker extends SettingsElement {
  render() {
    const s = this._settings;
    const modes = el('div', 'tr-modes');
    modes.setAttribute('role', 'group');
    for (const mode of CHOICES.mode) {
      const b = button('', 'tr-mode');
      b.dataset.mode = mode;
      b.setAttribute('aria-pressed', String(s.mode === mode));
      b.append(el('strong', '', t(`train.mode.${mode}`)), el('span', '', t(`train.mode.${mode}.explain`)));
      b.addEventListener('click', () => {
        if (this._settings.mode === mode) return;
        const next = defaultsFor(mode);
        // keep what is not about the optimizers
        Object.assign(next, { corpus: s.corpus, text: s.text, tokenizer: s.tokenizer, model: s.model, batch: s.batch, seed: s.seed, steps: s.steps });
        this._settings = next;
        this._rerender();
        this._emit();
      });
      modes.append(b);
    }
    const parts = [modes];
    if (s.mode === 'race') {
      const box = el('div', 'tr-presets');
      box.append(el('span', 'tr-label', t('train.preset.title')));
      const note = el('p', 'hint tr-preset-note');
      for (const [name, preset] of Object.entries(RACE_PRESETS)) {
        if (preset.corpus && this.corpora && !this.corpora.includes(preset.corpus)) continue;
        const b = button(t(`train.preset.${name}`), 'chip tr-preset');
        b.dataset.preset = name;
        const active = JSON.stringify(preset.racers) === JSON.stringify(s.racers.map(({ kind, lr }) => ({ kind, lr })))
          && (!preset.model || presetOf(s.model) === presetOf(preset.model)) && (!preset.corpus || preset.corpus === s.corpus);
        b.setAttribute('aria-pressed', String(active));
        if (active) note.textContent = t(`train.preset.${name}.note`);
        b.addEventListener('click', () => {
          const next = this._settings;
          next.racers = clone(preset.racers);
          for (const key of ['model', 'batch', 'seed', 'steps', 'corpus']) {
            if (preset[key] === undefined) continue;
            next[key] = key === 'model' ? { ...next.model, ...preset.model } : preset[key];
          }
          this._rerender();
          this._emit({ preset: name });
        });
        box.append(b);
      }
      parts.push(box, note);
    }
    this.replaceChildren(...parts);
  }
}

/** <tf-train-settings>: model size, optimizers and learning rates, batch, seed, steps. */
export class TfTrainSettings extends SettingsElement {
  render() {
    const open = this.querySelector('details.tr-knobs')?.open ?? false;
    this.replaceChildren(this._modelPart(open), this._optimizerPart(), this._runPart());
  }

  _select(key, options, value, label, onChange) {
    const wrap = el('label', 'tr-field');
    wrap.append(el('span', '', label));
    const sel = document.createElement('select');
    sel.name = key;
    for (const [v, text] of options) sel.append(new Option(text, String(v)));
    sel.value = String(value);
    sel.addEventListener('change', () => onChange(sel.value));
    wrap.append(sel);
    return wrap;
  }

  _modelPart(open) {
    const s = this._settings;
    const box = el('div', 'tr-block');
    box.append(el('h3', '', t('train.size.title')));
    const seg = el('div', 'tr-seg');
    seg.setAttribute('role', 'group');
    seg.setAttribute('aria-label', t('train.size.title'));
    const current = presetOf(s.model);
    for (const name of Object.keys(MODEL_PRESETS)) {
      const b = button(t(`train.size.${name}`), 'tr-btn');
      b.dataset.size = name;
      b.setAttribute('aria-pressed', String(current === name));
      b.addEventListener('click', () => {
        Object.assign(this._settings.model, MODEL_PRESETS[name]);
        this._rerender();
        this._emit();
      });
      seg.append(b);
    }
    if (current === 'custom') {
      const c = el('span', 'tr-badge', t('train.size.custom'));
      seg.append(c);
    }
    box.append(seg);
    const m = s.model;
    box.append(el('p', 'hint tr-summary', t('train.size.summary', { L: m.n_layer, H: m.n_head, C: m.n_embd, T: m.block_size })));
    const details = el('details', 'tr-knobs');
    details.open = open;
    details.append(el('summary', '', t('train.size.more')));
    const grid = el('div', 'tr-grid');
    const set = (key, numeric) => (v) => {
      if (key === 'tokenizer') this._settings.tokenizer = v;
      else this._settings.model[key] = numeric ? Number(v) : v;
      this._rerender();
      this._emit();
    };
    for (const key of ['n_layer', 'n_head', 'n_embd', 'block_size']) {
      const values = [...new Set([...CHOICES[key], m[key]])].sort((a, b) => a - b);
      grid.append(this._select(key, values.map((v) => [v, String(v)]), m[key], t(`train.knob.${key}`), set(key, true)));
    }
    for (const key of ['positional', 'norm']) {
      grid.append(this._select(key, CHOICES[key].map((v) => [v, t(`train.knob.${key}.${v}`)]), m[key], t(`train.knob.${key}`), set(key)));
    }
    grid.append(this._select('activation', CHOICES.activation.map((v) => [v, v]), m.activation, t('train.knob.activation'), set('activation')));
    grid.append(this._select('tokenizer', CHOICES.tokenizer.map((v) => [v, t(`train.knob.tokenizer.${v}`)]), s.tokenizer, t('train.knob.tokenizer'), set('tokenizer')));
    details.append(grid);
    if (m.n_embd % m.n_head !== 0) details.append(el('p', 'hint tr-warn', t('train.knob.headsHint')));
    box.append(details);
    return box;
  }

  /** A learning-rate control: a slider on a log scale (1e-5 … 10) and the number itself. */
  _lrControl(value, label, onChange) {
    const wrap = el('span', 'tr-lr');
    const range = document.createElement('input');
    range.type = 'range';
    range.min = '-5';
    range.max = '1';
    range.step = '0.05';
    range.value = String(Math.log10(value));
    range.setAttribute('aria-label', label);
    const input = document.createElement('input');
    input.type = 'number';
    input.min = '0';
    input.step = 'any';
    input.value = formatLr(value);
    input.setAttribute('aria-label', label);
    input.className = 'tr-lr-number';
    range.addEventListener('input', () => {
      const lr = Number((10 ** Number(range.value)).toPrecision(2));
      input.value = formatLr(lr);
      onChange(lr);
    });
    input.addEventListener('change', () => {
      const lr = Number(input.value);
      if (!(lr > 0 && Number.isFinite(lr))) { input.value = formatLr(value); return; }
      range.value = String(Math.log10(lr));
      onChange(lr);
    });
    wrap.append(range, input);
    return wrap;
  }

  _optimizerPart() {
    const s = this._settings;
    const box = el('div', 'tr-block');
    box.append(el('h3', '', t('train.opt.title')));
    const live = (racer, lr) => {
      this.dispatchEvent(new CustomEvent('settings-change', { detail: { settings: this.settings, live: true, racer, lr }, bubbles: true }));
    };
    if (s.mode === 'race') {
      box.append(el('p', 'hint', t('train.opt.raceHint')));
      const list = el('ul', 'tr-racers');
      let index = 0;
      for (const kind of CHOICES.kind) {
        const chosen = s.racers.find((r) => r.kind === kind);
        const li = el('li', 'tr-racer');
        li.dataset.kind = kind;
        const check = document.createElement('input');
        check.type = 'checkbox';
        check.checked = Boolean(chosen);
        check.id = `tr-race-${kind}`;
        const enough = s.racers.length > 2;
        if (chosen && !enough) check.disabled = true;   // at least two racers
        check.addEventListener('change', () => {
          const racers = this._settings.racers;
          if (check.checked) racers.push({ kind, lr: DEFAULT_LR[kind] });
          else racers.splice(racers.findIndex((r) => r.kind === kind), 1);
          racers.sort((a, b) => CHOICES.kind.indexOf(a.kind) - CHOICES.kind.indexOf(b.kind));
          this._rerender();
          this._emit();
        });
        const label = el('label', 'tr-racer-name');
        label.htmlFor = check.id;
        if (chosen) label.append(swatch(index));
        label.append(document.createTextNode(t(`train.opt.${kind}`)));
        li.append(check, label);
        if (chosen) {
          const racerIndex = index;
          li.append(this._lrControl(chosen.lr, t('train.opt.lrOf', { name: t(`train.opt.${kind}`) }), (lr) => {
            chosen.lr = lr;
            live(racerIndex, lr);
          }));
          index++;
        }
        list.append(li);
      }
      box.append(list);
    } else {
      const r = s.racers[0];
      const row = el('div', 'tr-row');
      row.append(this._select('kind', CHOICES.kind.map((k) => [k, t(`train.opt.${k}`)]), r.kind, t('train.opt.kind'), (kind) => {
        this._settings.racers[0] = { kind, lr: DEFAULT_LR[kind] };
        this._rerender();
        this._emit();
      }));
      const lrLabel = el('label', 'tr-field');
      lrLabel.append(el('span', '', t('train.opt.lr')));
      lrLabel.append(this._lrControl(r.lr, t('train.opt.lr'), (lr) => {
        r.lr = lr;
        if (s.mode === 'tf') { live(0, lr); live(1, lr); } else live(0, lr);
      }));
      row.append(lrLabel);
      box.append(row);
      if (s.mode === 'tf') {
        const p = el('label', 'tr-field tr-p');
        p.append(el('span', '', t('train.tf.p')));
        const wrap = el('span', 'tr-lr');
        const range = document.createElement('input');
        range.type = 'range';
        range.min = '0';
        range.max = '1';
        range.step = '0.05';
        range.value = String(s.samplingProb);
        range.name = 'samplingProb';
        const out = el('output', '', s.samplingProb.toFixed(2));
        range.addEventListener('input', () => {
          this._settings.samplingProb = Number(range.value);
          out.textContent = Number(range.value).toFixed(2);
          this.dispatchEvent(new CustomEvent('settings-change', { detail: { settings: this.settings, live: true, racer: 1, p: Number(range.value) }, bubbles: true }));
        });
        wrap.append(range, out);
        p.append(wrap);
        box.append(p, el('p', 'hint', t('train.tf.pHint')));
      }
    }
    box.append(el('p', 'hint', t('train.opt.liveHint')));
    return box;
  }

  _runPart() {
    const s = this._settings;
    const box = el('div', 'tr-block');
    box.append(el('h3', '', t('train.run.title')));
    const grid = el('div', 'tr-grid');
    grid.append(this._select('batch', [1, 2, 4, 8, 16, 32, 64].map((v) => [v, String(v)]), s.batch, t('train.run.batch'), (v) => {
      this._settings.batch = Number(v);
      this._emit();
    }));
    for (const [key, min, max] of [['seed', 0, 2 ** 31], ['steps', 1, 1000000]]) {
      const label = el('label', 'tr-field');
      label.append(el('span', '', t(`train.run.${key}`)));
      const input = document.createElement('input');
      input.type = 'number';
      input.name = key;
      input.min = String(min);
      input.max = String(max);
      input.step = '1';
      input.value = String(s[key]);
      input.addEventListener('change', () => {
        const v = Number(input.value);
        if (!Number.isInteger(v) || v < min || v > max) { input.value = String(this._settings[key]); return; }
        this._settings[key] = v;
        this._emit(key === 'steps' ? { live: true, steps: v } : {});
      });
      label.append(input);
      grid.append(label);
    }
    box.append(grid);
    return box;
  }
}

customElements.define('tf-mode-picker', TfModePicker);
customElements.define('tf-train-settings', TfTrainSettings);
