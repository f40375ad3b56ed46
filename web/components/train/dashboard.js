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

registerStrings({
  ko: {
    'train.dash.start': '학습 시작',
    'train.dash.pause': '잠시 멈춤',
    'train.dash.resume': '이어서 학습',
    'train.dash.step': '한 단계만',
    'train.dash.more': '+{n} 단계 더',
    'train.dash.reset': '처음부터',
    'train.dash.pace': '속도',
    'train.dash.pace.0': '최고 속도',
    'train.dash.pace.30': '빠르게 (초당 30단계)',
    'train.dash.pace.10': '보통 (초당 10단계)',
    'train.dash.pace.3': '천천히 (초당 3단계)',
    'train.dash.pace.1': '슬로 모션 (초당 1단계)',
    'train.dash.paceHint': '최고 속도로는 몇 초 만에 끝나요. 천천히 고르면 단계마다 손실과 모델이 쓴 글이 바뀌는 모습을 볼 수 있어요. 학습 중에도 바꿀 수 있어요.',
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
    'train.dash.state.diverged': '학습이 망가졌어요: 학습률이 너무 커요. 아래 설명을 보세요.',
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
    'train.dash.diverged.not_finite': '{name}: {step}번째 단계에서 손실이 더 이상 숫자가 아니게 되었어요({value}). 학습률이 너무 커서 값이 폭발한 거예요. 학습률을 낮추고 처음부터 다시 해 보세요.',
    'train.dash.diverged.loss_above_start': '{name}: {step}번째 단계까지 손실이 처음 {start}에서 {loss}까지 올라갔어요. 아무것도 모르는 모델(모든 토큰에 같은 확률)도 손실이 약 {start}인데, 그보다 훨씬 나빠졌다는 뜻이에요. 학습률이 너무 커서(지금 {lr}) 한 번 고칠 때마다 가중치가 좋은 곳을 지나쳐 버린 거예요. 학습률을 3~10배 낮추고 처음부터 다시 해 보세요.',
    'train.dash.diverged.loss_rising': '{name}: 손실이 {best}까지 내려갔다가 {step}번째 단계에서 {loss}까지 다시 올라갔어요. 학습률이 너무 커서(지금 {lr}) 바닥 근처에서 튕겨 나가고 있어요. 학습률을 3배쯤 낮추고 처음부터 다시 해 보세요.',
    'train.dash.diverged.grad_exploded': '{name}: {step}번째 단계에서 기울기의 크기가 처음 {startGrad}에서 {grad}까지 커졌어요(폭발). 가중치가 한 번에 너무 크게 바뀌고 있다는 뜻이에요. 학습률을 낮추고 처음부터 다시 해 보세요.',
    'train.dash.divergedStop': '이 모델은 여기서 멈췄어요. 다른 모델은 계속 학습해요.',
    'train.dash.nan': 'NaN(숫자가 아님)',
    'train.dash.inf': '무한대',
    'train.dash.resetHere': '처음부터 다시',
    'train.dash.pending': '설정이 바뀌었어요. 지금 모델은 예전 설정으로 학습 중이에요. “처음부터”를 누르면 새 설정으로 다시 시작해요.',
    'train.dash.workerDied': '학습 워커가 멈췄어요: {message}. “처음부터”로 다시 시작할 수 있어요.',
    'train.dash.noRun': '글이나 설정에 문제가 있어 학습을 준비하지 못했어요. 위의 메시지를 확인해 주세요.',
  },
  en: {
    'train.dash.start': 'Start training',
    'train.dash.pause': 'Pause',
    'train.dash.resume': 'Resume',
    'train.dash.step': 'One step',
    'train.dash.more': '+{n} more steps',
    'train.dash.reset': 'Start over',
    'train.dash.pace': 'Speed',
    'train.dash.pace.0': 'Full speed',
    'train.dash.pace.30': 'Fast (30 steps a second)',
    'train.dash.pace.10': 'Medium (10 steps a second)',
    'train.dash.pace.3': 'Slow (3 steps a second)',
    'train.dash.pace.1': 'Slow motion (1 step a second)',
    'train.dash.paceHint': 'At full speed a run is over in seconds. Pick a slower pace to watch the loss and the model’s writing change step by step. It can be changed while training.',
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
    'train.dash.state.diverged': 'Training went wrong: the learning rate is too large. See the explanation below.',
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
    'train.dash.diverged.not_finite': '{name}: at step {step} the loss stopped being a number ({value}). The learning rate is too large, so the numbers exploded. Lower the learning rate and start over.',
    'train.dash.diverged.loss_above_start': '{name}: by step {step} the loss climbed from {start} at the start to {loss}. A model that knows nothing (the same probability for every token) scores about {start}, so this model got far worse than knowing nothing. The learning rate is too large (now {lr}): every update jumps past the good weights. Lower it 3 to 10 times and start over.',
    'train.dash.diverged.loss_rising': '{name}: the loss came down to {best}, then climbed back to {loss} by step {step}. The learning rate is too large (now {lr}): the weights bounce out of the valley. Lower it about 3 times and start over.',
    'train.dash.diverged.grad_exploded': '{name}: at step {step} the size of the gradient grew from {startGrad} at the start to {grad} (it exploded): the weights change far too much at each update. Lower the learning rate and start over.',
    'train.dash.divergedStop': 'This model stopped here. The others go on training.',
    'train.dash.nan': 'NaN (not a number)',
    'train.dash.inf': 'infinite',
    'train.dash.resetHere': 'Start over',
    'train.dash.pending': 'The settings changed. The current model still trains with the old ones. Press “Start over” to begin again with the new settings.',
    'train.dash.workerDied': 'The training worker stopped: {message}. “Start over” begins again.',
    'train.dash.noRun': 'Training could not be set up because of the text or the settings. See the message above.',
  },
});

const MORE_STEPS = 200;
const PACES = [0, 30, 10, 3, 1];   // steps per second (0 = full speed)

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
        box.append(el('span', '', t(`train.dash.diverged.${d.reason}`, {
          name: racerName(s.racers[i]), step: d.step, value, lr: formatLr(s.racers[i].lr),
          start: formatNumber(n.start_loss), loss: formatNumber(n.loss), best: formatNumber(n.best_loss),
          grad: formatNumber(n.grad_norm), startGrad: formatNumber(n.start_grad_norm),
        })));
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
    // a racer that blew up would squash every other curve flat: keep the axis near the start losses
    // (its climb is stated in the message above; the line leaves the top of the chart)
    const starts = s.history.map((h) => h.diverged?.numbers?.start_loss ?? h.loss[0]).filter(Number.isFinite);
    if (s.history.some((h) => h.diverged) && starts.length) this._chart.setAttribute('y-max', String(1.6 * Math.max(...starts)));
    else this._chart.removeAttribute('y-max');
    this._chart.series = series;
  }

  /** The series on the loss chart (for tests): [{label, xs, ys}]. */
  get chartSeries() { return this._chart?.series ?? []; }
}

customElements.define('tf-train-dashboard', TfTrainDashboard);
