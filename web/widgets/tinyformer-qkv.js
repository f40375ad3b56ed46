// <tinyformer-qkv sentence="고양이는 귀엽다" layer="1" head="1" step="scores" token="5">: attention computed step
// by step on the model's own matrices, for one layer and head: ① Q, K, V = X·W ② scores Q·Kᵀ ③ ÷√D ④ the causal
// mask ⑤ softmax ⑥ weights × V ⑦ heads joined ⑧ × W_O. The same eight steps as the watch page (one module,
// components/stages/attention-steps.js), each drawn from the engine's recorded tensors; the formula under each
// step is written again with the numbers of the picked token (attribute token, or hover / arrow keys on a map).
// Attribute controls: step buttons, previous / next. The widget is its own controller: it asks the engine for the
// layer's tensors (the watch page's attention controller names them) and hands the pure steps plain data.
import '../components/tf-heatmap.js';
import { translate } from '../i18n/index.js';
import { tokenLabels } from '../components/labels.js';
import { MATH_CSS } from '../components/mathml.js';
import { STEPS, STEPS_CSS, stepContext } from '../components/stages/attention-steps.js';
import { headData, stepsData, tensors } from '../controllers/stage-attention.js';
import { model } from './store.js';
import { LAYER, MODEL, SENTENCE } from './common.js';
import { TinyformerWidget } from './widget.js';

const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧'];
const STYLE = `${STEPS_CSS}${MATH_CSS}
  .explain, .hint { color: var(--tinyformer-muted, #55555f); margin: 0.2rem 0 0.4rem; }
  .hint { font-size: 0.9em; }
  .qkv-steps { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; padding: 0; margin: 0 0 8px; }
  .qkv-steps button { font: inherit; font-size: 0.88em; border: 1px solid #c8c8d2; background: #fafafe; color: inherit;
    border-radius: 999px; padding: 2px 10px; cursor: pointer; }
  .qkv-steps button[aria-current="step"] { background: var(--tinyformer-accent-strong, #b35806); border-color: var(--tinyformer-accent-strong, #b35806);
    color: #fff; font-weight: 700; }
  .qkv-steps button:focus-visible { outline: 3px solid var(--tinyformer-accent, #f4a582); outline-offset: 1px; }
  h4 { margin: 4px 0; font-size: 1em; }
`;

export class TinyformerQkv extends TinyformerWidget {
  static spec = {
    name: 'qkv',
    tag: 'tinyformer-qkv',
    attributes: [
      MODEL,
      SENTENCE,
      LAYER,
      {
        name: 'head',
        type: 'int',
        min: 1,
        max: (w) => w.config?.n_head ?? 1,
        default: 1,
        describe: 'the head, from 1',
      },
      {
        name: 'step',
        type: 'enum',
        choices: STEPS.map((s) => s.id),
        default: 'qkv',
        describe: `the step shown: ${STEPS.map((s) => s.id).join(', ')}`,
      },
      {
        name: 'token',
        type: 'int',
        min: 1,
        max: (w) => w.tokens ?? 1,
        default: (w) => w.tokens ?? 1,
        describe: 'the token (from 1) whose numbers the formula is written with; default: the last',
      },
      { name: 'controls', type: 'bool', default: false, describe: 'show the step buttons' },
    ],
  };

  async render() {
    const m = await model(this.option('model'));
    this.config = m.config;
    const sentence = this.sentence();
    const layer = this.option('layer') - 1;
    const ins = m.inspect(sentence, { tensors: tensors({ layer, config: m.config }) }); // only this layer's attention
    this.tokens = ins.tokens.length; // before the token attribute is read: its default and range
    const head = this.option('head') - 1;
    const stepId = this.option('step');
    const row = this.option('token') - 1;
    const lang = this.language;
    const ctx = stepContext(stepsData(m, ins, layer), headData(ins, layer, head), {
      t: (key, params) => translate(lang, key, params),
      layer,
      head,
      row,
      tokens: ins.tokens,
      labels: tokenLabels(ins.tokens),
    });
    const index = STEPS.findIndex((s) => s.id === stepId);
    if (!this.shadowRoot.getElementById('qkv-style')) {
      const style = document.createElement('style');
      style.id = 'qkv-style';
      style.textContent = STYLE;
      this.shadowRoot.prepend(style);
    }
    const title = document.createElement('h4');
    title.textContent = `${CIRCLED[index]} ${ctx.t(`attention.step.${stepId}.title`)}`;
    const panel = document.createElement('div');
    panel.dataset.step = stepId;
    panel.append(title, ...STEPS[index].render(ctx));
    this.parts.body.replaceChildren(panel);
    this._controls(ctx, index);
    this.parts.caption.textContent = this.say('widget.qkv.caption', { layer: layer + 1, head: head + 1, sentence });
  }

  /** Step buttons (attribute controls): arrow keys move between them; a choice sets the step attribute. */
  _controls(ctx, index) {
    const box = this.parts.controls;
    if (!this.option('controls')) {
      box.replaceChildren();
      return;
    }
    const list = document.createElement('ol');
    list.className = 'qkv-steps';
    list.setAttribute('aria-label', this.say('widget.qkv.steps'));
    const go = (i) => {
      this._focusStep = true;
      this.setAttribute('step', STEPS[Math.max(0, Math.min(STEPS.length - 1, i))].id);
    };
    STEPS.forEach((s, i) => {
      const item = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.step = s.id;
      b.textContent = `${CIRCLED[i]} ${ctx.t(`attention.step.${s.id}.short`)}`;
      b.tabIndex = i === index ? 0 : -1;
      if (i === index) b.setAttribute('aria-current', 'step');
      b.addEventListener('click', () => go(i));
      item.append(b);
      list.append(item);
    });
    list.addEventListener('keydown', (e) => {
      const move = { ArrowLeft: -1, ArrowRight: 1, Home: -STEPS.length, End: STEPS.length }[e.key];
      if (move === undefined) return;
      e.preventDefault();
      go(index + move);
    });
    box.replaceChildren(list);
    if (this._focusStep) list.querySelector('[aria-current]')?.focus();
    this._focusStep = false;
  }
}

customElements.define('tinyformer-qkv', TinyformerQkv);
