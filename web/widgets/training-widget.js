// The base of the widgets that train in the tab (tinyformer-race, tinyformer-train): one run at a time, kept while
// the attributes name the same settings (its key); it trains only while the learner (or autoplay) asks for it and
// the widget is on screen, and rests otherwise. Subclasses hold the run in this._run and say how to start, pause
// and close it and whether it is done; one that makes its run only when first played defines _openRun().
import { TinyformerWidget } from './widget.js';

const BAR_STYLE = `
  .training-bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 6px; }
  .training-bar button { font: inherit; border: 1px solid var(--tinyformer-accent-text, #2166ac); color: var(--tinyformer-accent-text, #2166ac);
    background: #fff; border-radius: 8px; padding: 2px 12px; cursor: pointer; }
  .training-bar button:focus-visible { outline: 3px solid var(--tinyformer-accent, #f4a582); outline-offset: 1px; }
`;

export class TrainingWidget extends TinyformerWidget {
  constructor() {
    super();
    this._run = null;
    this._key = ''; // the settings the run was made for (the training page's URL hash)
    this._want = false; // the learner (or autoplay) asked it to run
    this._visible = false;
    this._frame = 0;
    this._seen = new IntersectionObserver((entries) => {
      this._visible = entries.some((e) => e.isIntersecting);
      this._apply();
    });
  }

  connectedCallback() {
    super.connectedCallback();
    this._seen.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this._seen.disconnect();
    this._discard();
  }

  /** Ends the run (its Worker stops); the next render makes a new one. */
  _discard() {
    if (this._run) this._closeRun(this._run);
    this._run = null;
    this._opening = null; // a run still starting sees the new key and stops itself
    this._key = '';
  }

  /** Play / pause, start over and the step count, in one row. */
  _controlsBar() {
    const style = document.createElement('style');
    style.textContent = BAR_STYLE;
    this.shadowRoot.prepend(style);
    const bar = document.createElement('div');
    bar.className = 'training-bar';
    this.play = document.createElement('button');
    this.play.type = 'button';
    this.play.addEventListener('click', () => {
      if (!this._run) {
        // a run made on first play (_openRun): it trains as soon as its Workers are ready
        if (!this._openRun || this._want) return;
        this._want = true;
        this._draw();
        this._openRun().catch((err) => this._showError(err));
        return;
      }
      if (this._finished()) return this._restart();
      this._want = !this._want;
      this._apply();
      this._draw();
    });
    this.restart = document.createElement('button');
    this.restart.type = 'button';
    this.restart.addEventListener('click', () => this._restart());
    this.stepText = document.createElement('span');
    this.stepText.setAttribute('role', 'status');
    bar.append(this.play, this.restart, this.stepText);
    return bar;
  }

  /** The "open in tinyformer" link under the chart. */
  _sourceLink() {
    this.link = document.createElement('a');
    this.link.className = 'source';
    this.link.target = '_blank';
    this.link.rel = 'noopener';
    return this.link;
  }

  _restart() {
    this._key = '';
    this._want = true;
    this._schedule();
  }

  /** A bad attribute: training stops while the message shows. */
  _stopFor(err) {
    this._want = false;
    this._apply();
    return err;
  }

  /** Trains while asked to and on screen; otherwise the Workers rest. */
  _apply() {
    if (!this._run) return;
    const go = this._want && this._visible && !this._finished();
    if (go && !this._isTraining()) this._startRun();
    if (!go && this._isTraining()) this._pauseRun();
    this.dataset.running = String(go);
  }

  /** Draws at the next frame (progress comes faster than frames). */
  _later() {
    if (!this._frame)
      this._frame = requestAnimationFrame(() => {
        this._frame = 0;
        this._draw();
      });
  }

  // Subclasses: _closeRun(run), _finished(), _isTraining(), _startRun(), _pauseRun(), _draw() (not _start: the base widget's).
}
