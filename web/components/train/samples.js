// <tf-train-samples>: text the model writes while it trains (run.sample on a snapshot, temperature 0.8)
// at every visible change of the loss, newest first, per racer — so the learner sees noise turn into
// words — and a timeline to scrub back through those snapshots (each with the engine's loss at its step).
//   samples.session = trainSession;  samples.defaultPrompt = '나는';
import { onLocaleChange, registerStrings, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import { racerColor, racerName } from './settings-form.js';
import ko from '../../i18n/train/samples.ko.js';
import en from '../../i18n/train/samples.en.js';

registerStrings({ ko, en });

const MAX_LINES = 4;

/** A sample as at most a few lines; runs of empty lines shown as one ↵×n marker (display only). */
function compactLines(text) {
  const lines = text.replace(/\n{2,}/g, (m) => `\n↵×${m.length - 1}\n`).split('\n');
  const shown = lines.slice(0, MAX_LINES).join('\n');
  return lines.length > MAX_LINES ? `${shown} …` : shown;
}

export class TfTrainSamples extends HTMLElement {
  constructor() {
    super();
    this._session = null;
    this._prompt = '';
    this._follow = true; // the timeline follows the newest snapshot until the learner moves it
    this._at = 0;
    this._onSample = () => this._renderList();
  }

  /** The steps of the recorded snapshots (every racer's samples), in order. */
  get snapshotSteps() {
    const s = this._session;
    if (!s) return [];
    return [...new Set(s.samples.flat().map((x) => x.step))].sort((a, b) => a - b);
  }

  /** Shows the snapshots as they were at `step` (null: follow the newest). */
  showStep(step) {
    this._follow = step === null;
    if (step !== null) this._at = step;
    this._renderList();
  }

  set session(s) {
    this._session?.removeEventListener('sampled', this._onSample);
    this._session = s;
    this._follow = true;
    if (s) {
      s.addEventListener('sampled', this._onSample);
      s.samplePrompt = this._prompt;
    }
    this._renderList();
  }

  /** The prompt used until the learner types their own. */
  set defaultPrompt(p) {
    if (this._edited) return;
    this._prompt = p;
    if (this._input) this._input.value = p;
    if (this._session) this._session.samplePrompt = p;
  }

  connectedCallback() {
    this._off = onLocaleChange(() => this._build());
    this._build();
  }
  disconnectedCallback() {
    this._off?.();
  }

  _build() {
    const head = el('h3', '', t('train.samples.title'));
    const row = el('div', 'tr-row');
    const label = el('label', 'tr-field');
    label.append(el('span', '', t('train.samples.prompt')));
    this._input = document.createElement('input');
    this._input.type = 'text';
    this._input.name = 'sample-prompt';
    this._input.value = this._prompt;
    this._input.addEventListener('change', () => {
      this._edited = true;
      this._prompt = this._input.value;
      if (this._session) this._session.samplePrompt = this._prompt;
    });
    label.append(this._input);
    const now = el('button', 'tr-btn', t('train.samples.now'));
    now.type = 'button';
    now.addEventListener('click', () => {
      this._prompt = this._input.value;
      if (!this._session) return;
      this._session.samplePrompt = this._prompt;
      this._session.periodic();
    });
    row.append(label, now);
    const timeline = el('label', 'tr-timeline');
    timeline.append(el('span', 'tr-timeline-title', t('train.samples.timeline')));
    this._slider = document.createElement('input');
    this._slider.type = 'range';
    this._slider.name = 'timeline';
    this._slider.min = '0';
    this._slider.step = '1';
    this._slider.addEventListener('input', () => {
      const steps = this.snapshotSteps;
      const i = Number(this._slider.value);
      this.showStep(i >= steps.length - 1 ? null : steps[i]);
    });
    this._timelineOut = el('output', 'tr-timeline-at');
    timeline.append(this._slider, this._timelineOut);
    this._list = el('div', 'tr-sample-list');
    this._list.setAttribute('aria-live', 'polite');
    this.replaceChildren(head, el('p', 'hint', t('train.samples.explain')), row, timeline, this._list);
    this._renderList();
  }

  _renderList() {
    if (!this._list) return;
    const s = this._session;
    const steps = this.snapshotSteps;
    this._slider.max = String(Math.max(0, steps.length - 1));
    this._slider.disabled = steps.length < 2;
    const at = this._follow || !steps.length ? steps.at(-1) : this._at;
    this._slider.value = String(this._follow ? steps.length - 1 : Math.max(0, steps.indexOf(at)));
    this._timelineOut.textContent = this._follow
      ? t('train.samples.timelineLive')
      : t('train.samples.timelineAt', { step: at });
    this.dataset.at = this._follow ? 'live' : String(at);
    if (!s || s.samples.every((list) => !list.length)) {
      this._list.replaceChildren(el('p', 'hint', t('train.samples.none')));
      return;
    }
    this._list.replaceChildren(
      ...s.racers.map((r, i) => {
        const box = el('div', 'tr-sample-racer');
        box.dataset.racer = String(i);
        box.style.borderLeftColor = racerColor(i);
        if (s.racers.length > 1) box.append(el('h4', '', racerName(r)));
        const ol = el('ol', s.racers.length > 1 ? 'tr-samples race' : 'tr-samples');
        // the newest snapshots up to the timeline's step (three, or two per racer in a race), newest first
        for (const sample of s.samples[i]
          .filter((x) => x.step <= at)
          .reverse()
          .slice(0, s.racers.length > 1 ? 2 : 3)) {
          const li = el('li');
          li.dataset.step = String(sample.step);
          const lossAt = s.lossAt(i, sample.step);
          const meta = el('span', 'tr-sample-step', t('train.samples.step', { step: sample.step }));
          if (lossAt && lossAt.step === sample.step && Number.isFinite(lossAt.loss)) {
            const loss = el('span', 'tr-sample-loss', t('train.samples.loss', { loss: lossAt.loss.toFixed(3) }));
            loss.dataset.loss = String(lossAt.loss);
            meta.append(loss);
          }
          li.append(meta);
          const text = el('span', 'tr-sample-text');
          text.append(el('b', 'tr-sample-prompt', sample.prompt), document.createTextNode(compactLines(sample.text)));
          li.append(text);
          ol.append(li);
        }
        box.append(ol);
        return box;
      }),
    );
  }
}

customElements.define('tf-train-samples', TfTrainSamples);
