// The training page's settings, as two elements that share one settings object (settings.js):
//   <tf-mode-picker>     what to try: watch one model learn, an optimizer race, teacher forcing vs
//                        free-running; in a race, presets (incl. the one where SGD + momentum keeps up)
//   <tf-train-settings>  model size (presets + knobs), optimizer(s) and learning rates, batch, seed, steps
// Both take `.settings = {...}` and dispatch `settings-change` {settings, live, racer?, lr?, p?}:
// live = true for changes a running model can take (learning rate, sampling probability).
import { onLocaleChange, registerStrings, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import { SERIES_COLORS } from '../tf-line-chart.js';
import ko from '../../i18n/train/settings-form.ko.js';
import en from '../../i18n/train/settings-form.en.js';
import { CHOICES, DEFAULT_LR, MODEL_PRESETS, RACE_PRESETS, defaultsFor, formatLr, presetOf } from './settings.js';

registerStrings({ ko, en });

/** The colour of racer i everywhere on the page (chart lines, swatches): Okabe–Ito, colour-blind safe. */
export function racerColor(i) {
  return SERIES_COLORS[i % SERIES_COLORS.length];
}

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
  return [
    node.localName,
    node.id,
    node.name,
    node.type,
    node.dataset.mode,
    node.dataset.size,
    node.dataset.preset,
    node.getAttribute('aria-label'),
  ].join('|');
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
  get settings() {
    return clone(this._settings);
  }
  connectedCallback() {
    this._off = onLocaleChange(() => this._settings && this.render());
    if (this._settings) this.render();
  }
  disconnectedCallback() {
    this._off?.();
  }
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
    this.dispatchEvent(
      new CustomEvent('settings-change', { detail: { settings: this.settings, live: false, ...extra }, bubbles: true }),
    );
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
        Object.assign(next, {
          corpus: s.corpus,
          text: s.text,
          tokenizer: s.tokenizer,
          model: s.model,
          batch: s.batch,
          seed: s.seed,
          steps: s.steps,
        });
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
        const active =
          JSON.stringify(preset.racers) === JSON.stringify(s.racers.map(({ kind, lr }) => ({ kind, lr }))) &&
          (!preset.model || presetOf(s.model) === presetOf(preset.model)) &&
          (!preset.corpus || preset.corpus === s.corpus);
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
    box.append(
      el('p', 'hint tr-summary', t('train.size.summary', { L: m.n_layer, H: m.n_head, C: m.n_embd, T: m.block_size })),
    );
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
      grid.append(
        this._select(
          key,
          values.map((v) => [v, String(v)]),
          m[key],
          t(`train.knob.${key}`),
          set(key, true),
        ),
      );
    }
    for (const key of ['positional', 'norm']) {
      grid.append(
        this._select(
          key,
          CHOICES[key].map((v) => [v, t(`train.knob.${key}.${v}`)]),
          m[key],
          t(`train.knob.${key}`),
          set(key),
        ),
      );
    }
    grid.append(
      this._select(
        'activation',
        CHOICES.activation.map((v) => [v, v]),
        m.activation,
        t('train.knob.activation'),
        set('activation'),
      ),
    );
    grid.append(
      this._select(
        'tokenizer',
        CHOICES.tokenizer.map((v) => [v, t(`train.knob.tokenizer.${v}`)]),
        s.tokenizer,
        t('train.knob.tokenizer'),
        set('tokenizer'),
      ),
    );
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
      if (!(lr > 0 && Number.isFinite(lr))) {
        input.value = formatLr(value);
        return;
      }
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
      this.dispatchEvent(
        new CustomEvent('settings-change', {
          detail: { settings: this.settings, live: true, racer, lr },
          bubbles: true,
        }),
      );
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
        if (chosen && !enough) check.disabled = true; // at least two racers
        check.addEventListener('change', () => {
          const racers = this._settings.racers;
          if (check.checked) racers.push({ kind, lr: DEFAULT_LR[kind] });
          else
            racers.splice(
              racers.findIndex((r) => r.kind === kind),
              1,
            );
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
          li.append(
            this._lrControl(chosen.lr, t('train.opt.lrOf', { name: t(`train.opt.${kind}`) }), (lr) => {
              chosen.lr = lr;
              live(racerIndex, lr);
            }),
          );
          index++;
        }
        list.append(li);
      }
      box.append(list);
    } else {
      const r = s.racers[0];
      const row = el('div', 'tr-row');
      row.append(
        this._select(
          'kind',
          CHOICES.kind.map((k) => [k, t(`train.opt.${k}`)]),
          r.kind,
          t('train.opt.kind'),
          (kind) => {
            this._settings.racers[0] = { kind, lr: DEFAULT_LR[kind] };
            this._rerender();
            this._emit();
          },
        ),
      );
      const lrLabel = el('label', 'tr-field');
      lrLabel.append(el('span', '', t('train.opt.lr')));
      lrLabel.append(
        this._lrControl(r.lr, t('train.opt.lr'), (lr) => {
          r.lr = lr;
          if (s.mode === 'tf') {
            live(0, lr);
            live(1, lr);
          } else live(0, lr);
        }),
      );
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
          this.dispatchEvent(
            new CustomEvent('settings-change', {
              detail: { settings: this.settings, live: true, racer: 1, p: Number(range.value) },
              bubbles: true,
            }),
          );
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
    grid.append(
      this._select(
        'batch',
        [1, 2, 4, 8, 16, 32, 64].map((v) => [v, String(v)]),
        s.batch,
        t('train.run.batch'),
        (v) => {
          this._settings.batch = Number(v);
          this._emit();
        },
      ),
    );
    for (const [key, min, max] of [
      ['seed', 0, 2 ** 31],
      ['steps', 1, 1000000],
    ]) {
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
        if (!Number.isInteger(v) || v < min || v > max) {
          input.value = String(this._settings[key]);
          return;
        }
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
