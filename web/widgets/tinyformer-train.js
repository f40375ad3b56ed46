// <tinyformer-train corpus="ko-small" optimizer="adam" lr="0.003" steps="300" autoplay>: a small GPT trained in
// the tab, the training page's dashboard in one box: the engine's loss of every step, its held-out loss every
// few seconds, and what the model writes at each visible change of the loss (noise turning into words).
// mode="tf": teacher forcing vs free-running, the same model trained twice, once fed the text (teacher forcing)
// and once fed its own guesses with probability sampling (free-running). Trains in a Worker (TrainSession, the
// training page's); pauses while the widget is out of view. "Open in tinyformer" continues on the training page.
import '../components/tf-line-chart.js';
import { CHOICES, decodeHash, defaultPrompt, encodeHash } from '../components/train/settings.js';
import { TrainSession } from '../components/train/session.js';
import { corpusText, siteUrl } from './store.js';
import { TrainingWidget } from './training-widget.js';

const NAMES = { sgd: 'SGD', momentum: 'Momentum', adam: 'Adam', adamw: 'AdamW' };
const STYLE = `
  .train-samples { list-style: none; padding: 0; margin: 6px 0 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
  .train-samples li { border-top: 1px solid #ececf2; padding: 3px 0; overflow-wrap: anywhere; }
  .train-samples .step { color: var(--tinyformer-muted, #55555f); margin-right: 8px; font-family: inherit; }
  h4 { margin: 8px 0 0; font-size: 0.95em; }
`;

export class TinyformerTrain extends TrainingWidget {
  static spec = {
    name: 'train',
    tag: 'tinyformer-train',
    attributes: [
      {
        name: 'corpus',
        type: 'enum',
        choices: ['ko-small', 'ko', 'en'],
        default: (w) => (w.language === 'en' ? 'en' : 'ko-small'),
        describe: 'the built-in text it learns: ko-small, ko or en; default: the one of lang',
      },
      {
        name: 'mode',
        type: 'enum',
        choices: ['train', 'tf'],
        default: 'train',
        describe: 'train: one model; tf: teacher forcing vs free-running, the same model trained both ways',
      },
      {
        name: 'optimizer',
        type: 'enum',
        choices: CHOICES.kind,
        default: 'adam',
        describe: `the optimizer: ${CHOICES.kind.join(', ')}`,
      },
      {
        name: 'lr',
        type: 'number',
        min: 1e-6,
        max: 10,
        default: (w) => (['sgd', 'momentum'].includes(w.option('optimizer')) ? 0.1 : 0.003),
        describe: 'the learning rate; default: 0.1 for sgd and momentum, 0.003 for adam and adamw',
      },
      {
        name: 'free',
        type: 'number',
        min: 0,
        max: 1,
        default: 0.5,
        describe: 'mode tf: how often the free-running model is fed its own guess instead of the text',
      },
      { name: 'steps', type: 'int', min: 10, max: 5000, default: 300, describe: 'how many steps it trains' },
      {
        name: 'prompt',
        type: 'string',
        default: '',
        describe: 'what the samples start from; default: the first word of the text',
      },
      {
        name: 'seed',
        type: 'int',
        min: 0,
        max: 2147483647,
        default: 1,
        describe: 'the seed of the weights and batches',
      },
      { name: 'autoplay', type: 'bool', default: false, describe: 'start training when it first scrolls into view' },
    ],
  };

  /** The training page's settings for these attributes (its URL hash format). */
  _settings() {
    const mode = this.option('mode');
    const optimizer = this.option('optimizer');
    const hash = new URLSearchParams({
      mode,
      corpus: this.option('corpus'),
      steps: String(this.option('steps')),
      seed: String(this.option('seed')),
      r: `${optimizer}:${this.option('lr')}`,
      ...(mode === 'tf' ? { p: String(this.option('free')) } : {}),
    });
    return decodeHash(`#${hash}`);
  }

  async render() {
    let settings;
    try {
      settings = this._settings();
    } catch (err) {
      throw this._stopFor(err);
    }
    const key = encodeHash(settings);
    this._build();
    if (key !== this._key) {
      this._discard();
      this._key = key;
      this._settingsNow = settings;
      this._samples = [];
      const text = await corpusText(settings.corpus);
      const session = await TrainSession.create(settings, text);
      if (this._key !== key) {
        session.dispose();
        return;
      }
      this._run = session;
      this._firstWord = defaultPrompt(text, settings.model.block_size);
      session.addEventListener('update', () => this._later());
      session.addEventListener('evaluated', () => this._later());
      session.addEventListener('sampled', (e) => {
        this._samples.unshift(e.detail);
        this._samples.length = Math.min(this._samples.length, 12);
        this._later();
      });
      session.addEventListener('state', (e) => {
        if (['finished', 'diverged', 'error'].includes(e.detail.state)) this._want = false;
        this._later();
      });
      session.addEventListener('error', (e) => {
        if (e.detail.error?.code !== 'terminated') this._showError(e.detail.error);
      });
      this._want = this.option('autoplay');
      session.periodic(); // the loss before any step, and a first sample
    }
    // samples start from the first word of the text, as on the training page (or the prompt attribute)
    this._run.samplePrompt = this.option('prompt') || this._firstWord;
    this.link.href = siteUrl(`train.html#${key}`);
    this._draw();
    this._apply();
  }

  _build() {
    if (this.chart) return;
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.shadowRoot.prepend(style);
    const bar = this._controlsBar();
    this.chart = document.createElement('tf-line-chart');
    this.chart.setAttribute('height', '220');
    this.chart.setAttribute('y-zero', '');
    this.samplesTitle = document.createElement('h4');
    this.samplesList = document.createElement('ol');
    this.samplesList.className = 'train-samples';
    this.samplesList.setAttribute('aria-live', 'polite');
    this.parts.body.append(bar, this.chart, this.samplesTitle, this.samplesList, this._sourceLink());
  }

  _closeRun(session) {
    session.dispose();
  }
  _finished() {
    return ['finished', 'diverged', 'error'].includes(this._run.state);
  }
  _isTraining() {
    return this._run.state === 'running';
  }
  _startRun() {
    this._run.start();
  }
  _pauseRun() {
    this._run.pause();
  }

  /** The racer's name in the chart's legend and the samples list. */
  _racerName(i) {
    const s = this._settingsNow;
    if (s.mode === 'tf') return this.say(i === 0 ? 'widget.train.teacher' : 'widget.train.free', { p: s.samplingProb });
    const r = s.racers[0];
    return `${NAMES[r.kind]} (lr ${r.lr})`;
  }

  _draw() {
    const session = this._run,
      s = this._settingsNow;
    if (!this.chart || !s) return;
    this.chart.setAttribute('x-title', this.say('widget.race.step'));
    this.chart.setAttribute('y-title', this.say('widget.race.loss'));
    this.chart.setAttribute('label', this.say('widget.train.label'));
    this.chart.setAttribute('x-max', String(s.steps));
    const history = session?.history ?? [];
    this.chart.series = history.flatMap((h, i) => [
      {
        label: this.say('widget.train.trainLoss', { name: this._racerName(i) }),
        xs: h.steps,
        ys: Float32Array.from(h.loss),
      },
      {
        label: this.say('widget.train.heldOut', { name: this._racerName(i) }),
        xs: h.evalSteps,
        ys: Float32Array.from(h.evalLoss),
      },
    ]);
    const state = session?.state ?? 'ready';
    const done = ['finished', 'diverged'].includes(state);
    this.play.textContent = this.say(
      done ? 'widget.race.again' : this._want ? 'widget.race.pause' : 'widget.race.play',
    );
    this.restart.textContent = this.say('widget.race.restart');
    this.stepText.textContent =
      this.say('widget.race.progress', { step: session?.steps ?? 0, steps: s.steps }) +
      (state === 'diverged' ? ` ${this.say('widget.train.diverged')}` : '');
    this.samplesTitle.textContent = this.say('widget.train.samples');
    this.samplesTitle.hidden = this._samples.length === 0;
    this.samplesList.replaceChildren(
      ...this._samples.map((x) => {
        const li = document.createElement('li');
        const step = document.createElement('span');
        step.className = 'step';
        step.textContent = this.say('widget.train.sampleStep', { step: x.step, name: this._racerName(x.racer) });
        li.append(step, x.text || '∅');
        return li;
      }),
    );
    this.link.textContent = this.say('widget.race.open');
    const last = history
      .map((h, i) => (h.evalLoss.length ? `${this._racerName(i)} ${h.evalLoss.at(-1).toFixed(3)}` : null))
      .filter(Boolean);
    this.parts.caption.textContent =
      this.say(`widget.train.caption.${s.mode}`, { corpus: s.corpus }) +
      (last.length ? ` ${this.say('widget.train.last', { losses: last.join(' · ') })}` : '');
  }
}

customElements.define('tinyformer-train', TinyformerTrain);
