// <tinyformer-race optimizers="sgd:0.1,adam:0.003" corpus="ko-small" steps="200" autoplay>: an optimizer race
// trained in the tab: the same small model from the same seed on the same batches, one racer per optimizer, the
// engine's loss of every step drawn as it comes. Trains in Workers (one per core, in lockstep), started when the
// race is first asked to run (play, or autoplay), so a course page loads no training code for a race nobody runs;
// pauses while the widget is out of view. The settings are the training page's: "open in tinyformer" continues there.
import '../components/tf-line-chart.js';
import { CHOICES, decodeHash, encodeHash, trainerSpec } from '../components/train/settings.js';
import { corpusText, siteUrl } from './store.js';
import { badAttribute } from './widget.js';
import { TrainingWidget } from './training-widget.js';

const KINDS = CHOICES.kind;
const NAMES = { sgd: 'SGD', momentum: 'Momentum', adam: 'Adam', adamw: 'AdamW' };

export class TinyformerRace extends TrainingWidget {
  static spec = {
    name: 'race',
    tag: 'tinyformer-race',
    attributes: [
      {
        name: 'optimizers',
        type: 'string',
        default: 'sgd:0.1,adam:0.003',
        describe: 'racers as kind:learning-rate, comma-separated',
      },
      {
        name: 'corpus',
        type: 'enum',
        choices: ['ko-small', 'ko', 'en'],
        default: (w) => (w.language === 'en' ? 'en' : 'ko-small'),
      },
      { name: 'steps', type: 'int', min: 10, max: 2000, default: 200 },
      { name: 'seed', type: 'int', min: 0, max: 2147483647, default: 1 },
      { name: 'autoplay', type: 'bool', default: false },
    ],
  };

  /** The racers of the optimizers attribute: [{kind, lr}], 1 to 4 of them. */
  _racers() {
    const raw = this.option('optimizers');
    const racers = raw.split(',').map((part) => {
      const [kind, lr] = part.trim().split(':');
      return { kind, lr: Number(lr) };
    });
    const ok =
      racers.length >= 1 &&
      racers.length <= 4 &&
      racers.every((r) => KINDS.includes(r.kind) && Number.isFinite(r.lr) && r.lr > 0 && r.lr <= 10);
    if (!ok) {
      throw badAttribute('optimizers', raw, this.say('widget.race.optimizersRange', { kinds: KINDS.join(', ') }));
    }
    return racers;
  }

  /** The training page's settings for these attributes (its URL hash format). */
  _settings() {
    const racers = this._racers()
      .map((r) => `${r.kind}:${r.lr}`)
      .join(',');
    const hash = `mode=race&corpus=${this.option('corpus')}&steps=${this.option('steps')}&seed=${this.option('seed')}&r=${racers}`;
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
    this.view ??= this._build();
    if (key !== this._key) {
      this._discard();
      this._key = key;
      this._settingsNow = settings;
      this._history = settings.racers.map(() => ({ xs: [], ys: [] }));
      this._steps = 0;
      this._isRunning = false;
      this._want = this.option('autoplay');
      if (this._want) await this._openRun();
    }
    this.link.href = siteUrl(`train.html#${key}`);
    this._draw();
    this._apply();
  }

  _build() {
    const bar = this._controlsBar();
    const chart = document.createElement('tf-line-chart');
    chart.setAttribute('height', '220');
    chart.setAttribute('y-zero', '');
    this.parts.body.append(bar, chart, this._sourceLink());
    return chart;
  }

  /** Starts the Workers for the settings in force (once per settings); resolves when they are ready. */
  _openRun() {
    const key = this._key;
    if (this._opening?.key === key) return this._opening.ready;
    const settings = this._settingsNow;
    const ready = (async () => {
      const [{ TrainingPool }, text] = await Promise.all([
        import('../lib/training-pool.js'),
        corpusText(settings.corpus),
      ]);
      const run = await TrainingPool.create(trainerSpec(settings), text, { maxSteps: settings.steps });
      if (this._key !== key) return run.terminate();
      this._run = run;
      run.addEventListener('progress', (e) => this._progress(e.detail));
      run.addEventListener('stopped', () => {
        this._want = false;
        this._isRunning = false;
        this._draw();
      });
      run.addEventListener('error', (e) => {
        if (e.detail.code !== 'terminated') this._showError(e.detail);
      });
      this._apply();
      this._draw();
    })();
    this._opening = { key, ready };
    return ready;
  }

  _closeRun(run) {
    run.terminate();
  }
  _finished() {
    return this._steps >= this._settingsNow.steps;
  }
  _isTraining() {
    return this._isRunning;
  }
  _startRun() {
    this._run.start();
    this._isRunning = true;
  }
  _pauseRun() {
    this._run.pause();
    this._isRunning = false;
  }

  _progress(d) {
    const r = d.results;
    for (let i = 0; i < r.racer.length; i++) {
      const h = this._history[r.racer[i]];
      h.xs.push(r.step[i]);
      h.ys.push(r.loss[i]);
    }
    this._steps = d.steps;
    this._later();
  }

  _draw() {
    if (!this.view || !this._settingsNow) return;
    const s = this._settingsNow;
    this.view.setAttribute('x-title', this.say('widget.race.step'));
    this.view.setAttribute('y-title', this.say('widget.race.loss'));
    this.view.setAttribute('label', this.say('widget.race.label'));
    this.view.setAttribute('x-max', String(s.steps));
    this.view.series = s.racers.map((racer, i) => ({
      label: `${NAMES[racer.kind]} (lr ${racer.lr})`,
      xs: this._history[i].xs,
      ys: Float32Array.from(this._history[i].ys),
    }));
    const done = this._steps >= s.steps;
    this.play.textContent = this.say(
      done ? 'widget.race.again' : this._want ? 'widget.race.pause' : 'widget.race.play',
    );
    this.restart.textContent = this.say('widget.race.restart');
    this.stepText.textContent = this.say('widget.race.progress', { step: this._steps, steps: s.steps });
    this.link.textContent = this.say('widget.race.open');
    const last = s.racers
      .map((racer, i) => {
        const ys = this._history[i].ys;
        return ys.length ? `${NAMES[racer.kind]} ${ys[ys.length - 1].toFixed(3)}` : null;
      })
      .filter(Boolean);
    this.parts.caption.textContent =
      this.say('widget.race.caption', { corpus: s.corpus }) +
      (last.length ? ` ${this.say('widget.race.last', { losses: last.join(' · ') })}` : '');
  }
}

customElements.define('tinyformer-race', TinyformerRace);
