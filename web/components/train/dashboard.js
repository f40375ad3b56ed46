// <tf-train-dashboard>: the live view of a training run — buttons (start / pause / resume, one step,
// more steps, start over, copy the share link), step / tokens per second / time / progress toward
// the target, per-racer losses and learning rates, the loss curves (train and held-out, from the
// engine's numbers as they arrive) and clear messages (a loss that became NaN, a lost worker).
//
//   dash.session = trainSession;     // or null while there is none (the buttons are then disabled)
//   dash.pending = true;             // settings changed after training began: offer "start over"
//   dash.addEventListener('train-reset', ...);  dash.addEventListener('train-share', ...);
import { onLocaleChange, registerStrings, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import '../tf-line-chart.js';
import { trainErrorMessage } from './corpus-picker.js';
import { racerColor, racerName } from './settings-form.js';
import { formatLr } from './settings.js';
import { iconLabel as label } from '../icons.js';
import ko from '../../i18n/train/dashboard.ko.js';
import en from '../../i18n/train/dashboard.en.js';

registerStrings({ ko, en });

const MORE_STEPS = 200;
const PACES = [0, 30, 10, 3, 1]; // steps per second (0 = full speed)

function formatTime(ms) {
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}

const groupDigits = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** An engine number in a sentence: 4.13, 29.5, 9,042 (digits grouped by hand, no Intl). */
function formatNumber(v) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  if (Math.abs(v) >= 1000) return groupDigits(Math.round(v));
  return Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function formatLoss(v) {
  if (v === undefined) return '—';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  return v.toFixed(3);
}

export class TfTrainDashboard extends HTMLElement {
  constructor() {
    super();
    this._session = null;
    this._pending = false;
    this._frame = 0;
    this._shareNote = '';
    this._pace = 0;
    this._onUpdate = () => this._schedule();
    this._onState = () => this._renderAll();
  }

  set session(s) {
    if (this._session) {
      for (const type of ['update', 'evaluated', 'diverged']) this._session.removeEventListener(type, this._onUpdate);
      for (const type of ['state', 'error']) this._session.removeEventListener(type, this._onState);
    }
    this._session = s;
    this._pending = false;
    this._shareNote = '';
    if (s) {
      if (this._pace) s.setPace(this._pace);
      for (const type of ['update', 'evaluated', 'diverged']) s.addEventListener(type, this._onUpdate);
      for (const type of ['state', 'error']) s.addEventListener(type, this._onState);
    }
    this._renderAll();
  }
  get session() {
    return this._session;
  }

  set pending(v) {
    this._pending = Boolean(v);
    this._renderMessages();
  }

  /** No session because the text or settings were refused ({error}) or one is being prepared (null). */
  set problem(p) {
    this._problem = p;
    this._renderAll();
  }

  connectedCallback() {
    this._off = onLocaleChange(() => this._build());
    this._build();
  }
  disconnectedCallback() {
    this._off?.();
    cancelAnimationFrame(this._frame);
  }

  _build() {
    const controls = el('div', 'tr-controls');
    const mk = (cls, action) => {
      const b = el('button', `tr-btn ${cls}`);
      b.type = 'button';
      b.dataset.action = action;
      b.addEventListener('click', () => this._act(action));
      controls.append(b);
      return b;
    };
    this._runBtn = mk('primary', 'run');
    this._stepBtn = mk('', 'step');
    this._moreBtn = mk('', 'more');
    this._resetBtn = mk('', 'reset');
    this._shareBtn = mk('tr-share', 'share');
    const pace = el('label', 'tr-pace');
    pace.append(el('span', '', t('train.dash.pace')));
    this._paceSelect = document.createElement('select');
    this._paceSelect.name = 'pace';
    for (const v of PACES) {
      const o = document.createElement('option');
      o.value = String(v);
      o.textContent = t(`train.dash.pace.${v}`);
      this._paceSelect.append(o);
    }
    this._paceSelect.value = String(this._pace);
    this._paceSelect.addEventListener('change', () => {
      this._pace = Number(this._paceSelect.value);
      this._session?.setPace(this._pace);
    });
    pace.append(this._paceSelect);
    pace.title = t('train.dash.paceHint');
    controls.insertBefore(pace, this._shareBtn);
    this._messages = el('div', 'tr-messages');
    this._messages.setAttribute('aria-live', 'polite');
    this._stateLine = el('p', 'tr-state');
    this._stateLine.setAttribute('role', 'status');
    const stats = el('div', 'tr-stats');
    const stat = (key) => {
      const box = el('div', 'tr-stat');
      const value = el('b', '', '—');
      value.dataset.stat = key;
      box.append(value, el('span', '', t(`train.dash.${key === 'step' ? 'step.label' : key}`)));
      stats.append(box);
      return value;
    };
    this._stepOut = stat('step');
    this._tpsOut = stat('tokens');
    this._timeOut = stat('time');
    this._progress = document.createElement('progress');
    this._progress.className = 'tr-progress';
    this._progressText = el('span', 'hint tr-progress-text');
    const progressRow = el('div', 'tr-progress-row');
    progressRow.append(this._progress, this._progressText);
    this._table = el('div', 'tr-racer-table');
    this._chart = document.createElement('tf-line-chart');
    this._chart.setAttribute('label', t('train.dash.chartLabel'));
    this._chart.setAttribute('x-title', t('train.dash.xTitle'));
    this._chart.setAttribute('y-title', t('train.dash.yTitle'));
    this._chart.setAttribute('height', '220');
    this._chart.setAttribute('y-zero', '');
    this._chart.setAttribute('x-min', '0');
    this.replaceChildren(
      controls,
      this._stateLine,
      this._messages,
      stats,
      progressRow,
      this._table,
      this._chart,
      el('p', 'hint', t('train.dash.chartHint')),
    );
    this._renderAll();
  }

  _act(action) {
    const s = this._session;
    if (action === 'reset') {
      this.dispatchEvent(new CustomEvent('train-reset', { bubbles: true }));
      return;
    }
    if (action === 'share') {
      this.dispatchEvent(new CustomEvent('train-share', { bubbles: true }));
      return;
    }
    if (!s) return;
    if (action === 'run') {
      if (s.state === 'running') s.pause();
      else s.start();
    } else if (action === 'step') s.step(1);
    else if (action === 'more') s.extend(MORE_STEPS);
    this._renderAll();
  }

  /** After a copy: say so (or how to copy by hand). */
  set shareNote(text) {
    this._shareNote = text;
    this._renderMessages();
  }

  _schedule() {
    if (this._frame) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      this._renderLive();
    });
  }

  _renderAll() {
    if (!this._runBtn) return;
    const s = this._session;
    const state = s?.state ?? 'none';
    const running = state === 'running';
    const done = state === 'finished';
    if (running) label(this._runBtn, 'pause', t('train.dash.pause'));
    else label(this._runBtn, 'play', t(s && s.steps > 0 ? 'train.dash.resume' : 'train.dash.start'));
    this._runBtn.disabled = !s || state === 'error' || state === 'diverged' || (done && !running);
    this._runBtn.hidden = done;
    this._stepBtn.textContent = t('train.dash.step');
    this._stepBtn.disabled = !s || state === 'error' || state === 'diverged';
    this._moreBtn.textContent = t('train.dash.more', { n: MORE_STEPS });
    this._moreBtn.hidden = !done;
    label(this._resetBtn, 'reset', t('train.dash.reset'));
    this._shareBtn.textContent = t('train.dash.share');
    this._stateLine.textContent = this._problem?.error ? t('train.dash.noRun') : t(`train.dash.state.${state}`);
    this._stateLine.dataset.state = state;
    this.dataset.state = state;
    this._renderMessages();
    this._renderLive();
  }

  _renderMessages() {
    if (!this._messages) return;
    const s = this._session;
    const parts = [];
    if (s) {
      s.history.forEach((h, i) => {
        if (!h.diverged) return;
        const d = h.diverged;
        const value = Number.isNaN(d.value) || d.value === undefined ? t('train.dash.nan') : t('train.dash.inf');
        const n = d.numbers;
        const box = el('div', 'message error tr-diverged');
        box.setAttribute('role', 'alert');
        box.dataset.racer = String(i);
        box.dataset.reason = d.reason;
        box.append(
          el(
            'span',
            '',
            t(`train.dash.diverged.${d.reason}`, {
              name: racerName(s.racers[i]),
              step: d.step,
              value,
              lr: formatLr(s.racers[i].lr),
              start: formatNumber(n.start_loss),
              loss: formatNumber(n.loss),
              best: formatNumber(n.best_loss),
              grad: formatNumber(n.grad_norm),
              startGrad: formatNumber(n.start_grad_norm),
            }),
          ),
        );
        if (s.racers.length > 1 && !s.allDiverged) box.append(' ', el('span', '', t('train.dash.divergedStop')));
        const b = el('button', 'tr-btn');
        label(b, 'reset', t('train.dash.resetHere'));
        b.type = 'button';
        b.addEventListener('click', () => this._act('reset'));
        box.append(' ', b);
        parts.push(box);
      });
      if (s.state === 'error' && s.lastError) {
        const box = el('p', 'message error', t('train.dash.workerDied', { message: trainErrorMessage(s.lastError) }));
        box.setAttribute('role', 'alert');
        parts.push(box);
      }
    }
    if (this._pending) parts.push(el('p', 'message tr-pending', t('train.dash.pending')));
    if (this._shareNote) parts.push(el('p', 'message tr-share-note', this._shareNote));
    this._messages.replaceChildren(...parts);
  }

  _renderLive() {
    if (!this._chart) return;
    const s = this._session;
    if (!s) {
      this._stepOut.textContent = '—';
      this._tpsOut.textContent = '—';
      this._timeOut.textContent = '—';
      this._progress.removeAttribute('value');
      this._progressText.textContent = '';
      this._table.replaceChildren();
      this._chart.series = [];
      return;
    }
    this._stepOut.textContent = String(s.steps);
    // over ~2 s of training time (session.js), shown to three significant digits
    const tps = s.tokensPerSecond;
    this._tpsOut.textContent = tps > 0 ? groupDigits(Math.round(Number(tps.toPrecision(3)))) : '—';
    this._timeOut.textContent = formatTime(s.elapsedMs);
    this._progress.max = s.target;
    this._progress.value = Math.min(s.steps, s.target);
    this._progressText.textContent = t('train.dash.progress', { steps: s.steps, target: s.target });
    const heldOut = s.info.val_tokens > 0;
    // per-racer table
    const head = el('div', 'tr-rt-row tr-rt-head');
    for (const key of ['racer', 'trainLoss', 'evalLoss', 'lr']) head.append(el('span', '', t(`train.dash.${key}`)));
    const rows = s.racers.map((r, i) => {
      const h = s.history[i];
      const row = el('div', 'tr-rt-row');
      row.dataset.racer = String(i);
      const name = el('span', 'tr-rt-name');
      const sw = el('span', 'tr-swatch');
      sw.style.background = racerColor(i);
      name.append(sw, document.createTextNode(racerName(r)));
      row.append(
        name,
        el('span', 'num', formatLoss(h.loss.at(-1))),
        el('span', 'num', formatLoss(h.evalLoss.at(-1))),
        el('span', 'num', h.diverged ? '✗' : formatLr(r.lr)),
      );
      return row;
    });
    this._table.replaceChildren(head, ...rows);
    const series = [];
    s.racers.forEach((r, i) => {
      const h = s.history[i];
      const name = racerName(r);
      series.push({
        label: t('train.dash.seriesTrain', { name }),
        xs: h.steps,
        ys: h.loss,
        color: racerColor(i),
        dash: [],
      });
      series.push({
        label: t(heldOut ? 'train.dash.seriesEval' : 'train.dash.seriesEvalTrain', { name }),
        xs: h.evalSteps,
        ys: h.evalLoss,
        color: racerColor(i),
        dash: [6, 4],
      });
    });
    this._chart.setAttribute('x-max', String(Math.max(s.target, s.steps)));
    // a racer that blew up would squash every other curve flat: keep the axis near the start losses
    // (its climb is stated in the message above; the line leaves the top of the chart)
    const starts = s.history.map((h) => h.diverged?.numbers?.start_loss ?? h.loss[0]).filter(Number.isFinite);
    if (s.history.some((h) => h.diverged) && starts.length)
      this._chart.setAttribute('y-max', String(1.6 * Math.max(...starts)));
    else this._chart.removeAttribute('y-max');
    this._chart.series = series;
  }

  /** The series on the loss chart (for tests): [{label, xs, ys}]. */
  get chartSeries() {
    return this._chart?.series ?? [];
  }
}

customElements.define('tf-train-dashboard', TfTrainDashboard);
