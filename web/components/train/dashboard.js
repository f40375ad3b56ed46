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

registerStrings({
  ko: {
    'train.dash.start': '▶ 학습 시작',
    'train.dash.pause': '⏸ 잠시 멈춤',
    'train.dash.resume': '▶ 이어서 학습',
    'train.dash.step': '한 단계만',
    'train.dash.more': '+{n} 단계 더',
    'train.dash.reset': '↺ 처음부터',
    'train.dash.share': '이 실험 링크 복사',
    'train.dash.shared': '링크를 복사했어요. 같은 링크를 열면 같은 시드·설정으로 똑같은 첫 손실이 나와요.',
    'train.dash.sharedManual': '주소창의 링크를 복사해 주세요. 같은 링크를 열면 똑같은 실험이 돼요.',
    'train.dash.step.label': '단계',
    'train.dash.tokens': '토큰/초',
    'train.dash.time': '학습 시간',
    'train.dash.progress': '목표 {target}단계 중 {steps}단계',
    'train.dash.state.none': '준비 중…',
    'train.dash.state.ready': '준비 완료: “학습 시작”을 누르세요.',
    'train.dash.state.running': '학습 중…',
    'train.dash.state.paused': '멈춤',
    'train.dash.state.finished': '목표 단계에 도달했어요.',
    'train.dash.state.diverged': '학습이 터졌어요 (손실이 NaN).',
    'train.dash.state.error': '학습이 멈췄어요.',
    'train.dash.racer': '모델',
    'train.dash.trainLoss': '학습 손실',
    'train.dash.evalLoss': '평가 손실',
    'train.dash.lr': '학습률',
    'train.dash.chartLabel': '단계별 손실',
    'train.dash.xTitle': '단계',
    'train.dash.yTitle': '손실 (낮을수록 좋아요)',
    'train.dash.seriesTrain': '{name} · 학습',
    'train.dash.seriesEval': '{name} · 평가',
    'train.dash.seriesEvalTrain': '{name} · 평가(학습 글)',
    'train.dash.chartHint': '실선은 매 단계 배치의 손실(들쭉날쭉해요), 점선과 점은 몇 초마다 잰 평가 손실이에요. 손실은 “정답 다음 글자에 준 확률”의 −log 평균이라, 확률이 1에 가까울수록 0에 가까워져요.',
    'train.dash.diverged': '{name}: {step}번째 단계에서 손실이 {value}이 되었어요. 학습률이 너무 커서 값이 폭발한 거예요. 학습률을 낮추고 처음부터 다시 해 보세요.',
    'train.dash.nan': 'NaN(숫자가 아님)',
    'train.dash.inf': '무한대',
    'train.dash.resetHere': '↺ 처음부터 다시',
    'train.dash.pending': '설정이 바뀌었어요. 지금 모델은 예전 설정으로 학습 중이에요. “처음부터”를 누르면 새 설정으로 다시 시작해요.',
    'train.dash.workerDied': '학습 워커가 멈췄어요: {message}. “처음부터”로 다시 시작할 수 있어요.',
    'train.dash.noRun': '글이나 설정에 문제가 있어 학습을 준비하지 못했어요. 위의 메시지를 확인해 주세요.',
  },
  en: {
    'train.dash.start': '▶ Start training',
    'train.dash.pause': '⏸ Pause',
    'train.dash.resume': '▶ Resume',
    'train.dash.step': 'One step',
    'train.dash.more': '+{n} more steps',
    'train.dash.reset': '↺ Start over',
    'train.dash.share': 'Copy a link to this experiment',
    'train.dash.shared': 'Link copied. Opening it gives the same seed and settings, so the same first losses.',
    'train.dash.sharedManual': 'Copy the link from the address bar. Opening it repeats the same experiment.',
    'train.dash.step.label': 'Step',
    'train.dash.tokens': 'tokens/s',
    'train.dash.time': 'Training time',
    'train.dash.progress': 'step {steps} of {target}',
    'train.dash.state.none': 'Getting ready…',
    'train.dash.state.ready': 'Ready: press “Start training”.',
    'train.dash.state.running': 'Training…',
    'train.dash.state.paused': 'Paused',
    'train.dash.state.finished': 'Reached the target number of steps.',
    'train.dash.state.diverged': 'Training blew up (the loss is NaN).',
    'train.dash.state.error': 'Training stopped.',
    'train.dash.racer': 'Model',
    'train.dash.trainLoss': 'Train loss',
    'train.dash.evalLoss': 'Eval loss',
    'train.dash.lr': 'Learning rate',
    'train.dash.chartLabel': 'Loss per step',
    'train.dash.xTitle': 'step',
    'train.dash.yTitle': 'loss (lower is better)',
    'train.dash.seriesTrain': '{name} · train',
    'train.dash.seriesEval': '{name} · eval',
    'train.dash.seriesEvalTrain': '{name} · eval (training text)',
    'train.dash.chartHint': 'Solid lines: the loss of each step’s batch (jumpy). Dashed lines with dots: the evaluation loss measured every few seconds. The loss is the average −log of the probability given to the true next token, so it nears 0 as that probability nears 1.',
    'train.dash.diverged': '{name}: the loss became {value} at step {step}. The learning rate is too large, so the numbers exploded. Lower the learning rate and start over.',
    'train.dash.nan': 'NaN (not a number)',
    'train.dash.inf': 'infinite',
    'train.dash.resetHere': '↺ Start over',
    'train.dash.pending': 'The settings changed. The current model still trains with the old ones. Press “Start over” to begin again with the new settings.',
    'train.dash.workerDied': 'The training worker stopped: {message}. “Start over” begins again.',
    'train.dash.noRun': 'Training could not be set up because of the text or the settings. See the message above.',
  },
});

const MORE_STEPS = 200;

function formatTime(ms) {
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
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
      for (const type of ['update', 'evaluated', 'diverged']) s.addEventListener(type, this._onUpdate);
      for (const type of ['state', 'error']) s.addEventListener(type, this._onState);
    }
    this._renderAll();
  }
  get session() { return this._session; }

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
  disconnectedCallback() { this._off?.(); cancelAnimationFrame(this._frame); }

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
    this._chart.setAttribute('height', '260');
    this._chart.setAttribute('y-zero', '');
    this._chart.setAttribute('x-min', '0');
    this.replaceChildren(controls, this._stateLine, this._messages, stats, progressRow, this._table, this._chart,
      el('p', 'hint', t('train.dash.chartHint')));
    this._renderAll();
  }

  _act(action) {
    const s = this._session;
    if (action === 'reset') { this.dispatchEvent(new CustomEvent('train-reset', { bubbles: true })); return; }
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
    this._runBtn.textContent = running ? t('train.dash.pause') : s && s.steps > 0 ? t('train.dash.resume') : t('train.dash.start');
    this._runBtn.disabled = !s || state === 'error' || state === 'diverged' || (done && !running);
    this._runBtn.hidden = done;
    this._stepBtn.textContent = t('train.dash.step');
    this._stepBtn.disabled = !s || state === 'error' || state === 'diverged';
    this._moreBtn.textContent = t('train.dash.more', { n: MORE_STEPS });
    this._moreBtn.hidden = !done;
    this._resetBtn.textContent = t('train.dash.reset');
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
        const value = Number.isNaN(h.diverged.value) || h.diverged.value === undefined ? t('train.dash.nan') : t('train.dash.inf');
        const box = el('div', 'message error tr-diverged');
        box.setAttribute('role', 'alert');
        box.dataset.racer = String(i);
        box.append(el('span', '', t('train.dash.diverged', { name: racerName(s.racers[i]), step: h.diverged.step, value })));
        const b = el('button', 'tr-btn', t('train.dash.resetHere'));
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
    this._tpsOut.textContent = s.tokensPerSecond > 0 ? Math.round(s.tokensPerSecond).toLocaleString() : '—';
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
      row.append(name, el('span', 'num', formatLoss(h.loss.at(-1))), el('span', 'num', formatLoss(h.evalLoss.at(-1))),
        el('span', 'num', h.diverged ? '✗' : formatLr(r.lr)));
      return row;
    });
    this._table.replaceChildren(head, ...rows);
    const series = [];
    s.racers.forEach((r, i) => {
      const h = s.history[i];
      const name = racerName(r);
      series.push({ label: t('train.dash.seriesTrain', { name }), xs: h.steps, ys: h.loss, color: racerColor(i), dash: [] });
      series.push({ label: t(heldOut ? 'train.dash.seriesEval' : 'train.dash.seriesEvalTrain', { name }), xs: h.evalSteps, ys: h.evalLoss, color: racerColor(i), dash: [6, 4] });
    });
    this._chart.setAttribute('x-max', String(Math.max(s.target, s.steps)));
    this._chart.series = series;
  }

  /** The series on the loss chart (for tests): [{label, xs, ys}]. */
  get chartSeries() { return this._chart?.series ?? []; }
}

customElements.define('tf-train-dashboard', TfTrainDashboard);
