// The eight steps of one attention layer, each drawn on the engine's recorded tensors for the
// chosen layer and head (see tf-stage-attention.js, which owns the stepper around them):
//   ① X·W_Q, X·W_K, X·W_V → Q, K, V   ② Q·Kᵀ   ③ ÷√D   ④ causal mask   ⑤ softmax
//   ⑥ weights × V   ⑦ heads concatenated   ⑧ × W_O
// Nothing here computes model math: every matrix is an Inspection tensor or a parameter slice
// (W_Q etc. are rows of c_attn.weight, shown transposed so that Q = X·W_Q reads left to right).
// The only arithmetic is the softmax row-sum column, labelled as a check of the engine's numbers,
// and √D from the config.
import { registerStrings, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import { formatValue } from '../tf-heatmap.js';

registerStrings({
  ko: {
    'attention.step.qkv.short': 'Q·K·V 만들기',
    'attention.step.qkv.title': '입력 X에 가중치를 곱해 Q, K, V 만들기',
    'attention.step.qkv.explain': '토큰마다 숫자 한 줄(벡터)이 있어요. 이것이 X예요. X에 학습으로 정해지는 가중치 행렬 세 개(W_Q, W_K, W_V)를 곱하면 역할이 다른 세 벡터가 나와요. Q(쿼리)는 “나는 어떤 정보를 찾고 있어?”, K(키)는 “나는 이런 정보를 갖고 있어”, V(값)는 “내가 실제로 건네줄 내용”이에요. 헤드 {h}는 전체 {C}칸 중 자기 몫 {D}칸만 만들어요.',
    'attention.step.scores.short': '점수 QKᵀ',
    'attention.step.scores.title': 'Q와 K를 곱해 점수 만들기 (Q·Kᵀ)',
    'attention.step.scores.explain': '보는 토큰의 Q와 보이는 토큰의 K를 같은 칸끼리 곱해서 모두 더하면(내적) 점수 하나가 나와요. 점수가 클수록 두 토큰이 “잘 맞는다”는 뜻이에요. 예를 들어 “고양이는 귀엽다”에서 ‘귀엽다’의 Q가 ‘고양이’의 K와 잘 맞으면 그 칸의 점수가 커져요. 칸에 마우스를 올리면 곱한 두 벡터가 보여요.',
    'attention.step.scores.pair': 'Q[‘{q}’] = ({qv})  ·  K[‘{k}’] = ({kv})  →  점수 {s}',
    'attention.step.scale.short': '÷√D',
    'attention.step.scale.title': '점수를 √D로 나누기',
    'attention.step.scale.explain': 'D는 헤드 하나의 폭이에요. 벡터가 길수록 내적 점수가 커지기 쉬운데, 점수가 너무 크면 다음 단계(소프트맥스)에서 한 토큰에만 몰려 버려서 학습이 어려워져요. 그래서 모든 점수를 √D로 나눠 크기를 맞춰요.',
    'attention.step.scale.d': 'D = C ÷ H = {C} ÷ {H} = {D},   √D ≈ {sqrt}',
    'attention.step.scale.cell': '점수 {s} ÷ √D {sqrt}  →  {v}',
    'attention.step.mask.short': '마스크',
    'attention.step.mask.title': '뒤(미래) 토큰 가리기 — 마스크',
    'attention.step.mask.explain': '이 모델은 문장을 앞에서부터 한 토큰씩 만들어 내요. 그래서 어떤 토큰도 자기보다 뒤에 오는 토큰을 미리 보면 안 돼요. 대각선 위쪽 칸(미래)을 −∞(마이너스 무한대)로 바꿔 “볼 수 없음”으로 표시해요. −∞는 다음 단계에서 정확히 0이 돼요.',
    'attention.step.mask.note': '−∞ = 뒤(미래)는 볼 수 없음',
    'attention.step.softmax.short': '소프트맥스',
    'attention.step.softmax.title': '소프트맥스로 비율(확률) 만들기',
    'attention.step.softmax.explain': '행마다 각 값에 exp를 씌우고, 그 행의 합으로 나눠요. 그러면 모든 값이 0과 1 사이가 되고, 한 행을 모두 더하면 1이 돼요. 이 숫자가 “이 토큰을 얼마만큼 볼지”를 나타내는 비율, 곧 어텐션 가중치예요. 맨 오른쪽 열은 엔진이 낸 숫자를 그대로 더해 본 검산이에요.',
    'attention.step.softmax.sum': '합 (검산)',
    'attention.step.softmax.note': '가려진 칸 = 0',
    'attention.step.weighted.short': '가중치 × V',
    'attention.step.weighted.title': '비율만큼 V를 섞기 (가중치 × V)',
    'attention.step.weighted.explain': '각 토큰은 방금 구한 비율대로 V 벡터들을 섞어서 새 벡터를 만들어요. 많이 본 토큰의 V가 많이 섞여요. 아래 식의 숫자는 선택한 토큰의 실제 비율이에요 — 표의 행에 마우스를 올리면 다른 토큰으로 바뀌어요.',
    'attention.step.weighted.mix': '출력[‘{q}’] = {terms}',
    'attention.step.weighted.more': ' + … (작은 {n}개 생략)',
    'attention.step.concat.short': '헤드 잇기',
    'attention.step.concat.title': '모든 헤드의 결과를 옆으로 이어 붙이기',
    'attention.step.concat.explain': '헤드 {H}개가 각자 {D}칸짜리 결과를 만들었어요. 이것들을 옆으로 나란히 이어 붙이면 다시 {C}칸이 돼요. 헤드마다 보는 방식이 달라서, 어떤 헤드는 바로 앞 토큰을, 다른 헤드는 문장 처음을 주로 볼 수도 있어요. 주황색 테두리가 지금 고른 헤드 {h}의 몫이에요.',
    'attention.step.proj.short': '× W_O',
    'attention.step.proj.title': 'W_O를 곱해 어텐션 출력 만들기',
    'attention.step.proj.explain': '이어 붙인 결과에 가중치 행렬 W_O를 곱해서 여러 헤드의 정보를 한데 섞어요. 이것이 어텐션 층의 최종 출력이에요. 다음 단계 “더하기 & 정규화”에서 원래 입력에 더해져요.',
    'attention.fig.xPre': 'X: 어텐션에 들어가는 입력 (LayerNorm을 거친 값)',
    'attention.fig.xPost': 'X: 어텐션에 들어가는 입력 (이 층의 입력)',
    'attention.fig.q': 'Q (쿼리) — 헤드 {h}',
    'attention.fig.k': 'K (키) — 헤드 {h}',
    'attention.fig.v': 'V (값) — 헤드 {h}',
    'attention.fig.wq': 'W_Q — 헤드 {h} 몫',
    'attention.fig.wk': 'W_K — 헤드 {h} 몫',
    'attention.fig.wv': 'W_V — 헤드 {h} 몫',
    'attention.fig.weights': '가중치 행렬 W_Q, W_K, W_V 보기 (헤드 {h} 몫)',
    'attention.fig.weightsHint': '세 가중치는 c_attn.weight 한 행렬에 위아래로 쌓여 있어요. 헤드 {h}의 몫만 잘라 X·W로 곱할 수 있는 모양(C×D)으로 세워서 보여 줘요. 학습하면 이 숫자들이 바뀌어요.',
    'attention.fig.scores': '점수 Q·Kᵀ — 헤드 {h}',
    'attention.fig.scaled': '나눈 점수 Q·Kᵀ ÷ √D — 헤드 {h}',
    'attention.fig.masked': '마스크를 씌운 점수 — 헤드 {h}',
    'attention.fig.probs': '어텐션 가중치 (소프트맥스) — 헤드 {h}',
    'attention.fig.headOut': '헤드 {h}의 출력 = 가중치 × V',
    'attention.fig.concat': '모든 헤드를 이어 붙인 결과',
    'attention.fig.proj': '어텐션 출력 = 이어 붙인 결과 × W_O',
    'attention.fig.wo': 'W_O 보기 (c_proj.weight)',
    'attention.fig.wo.title': 'W_O',
    'attention.fig.woHint': 'W_O는 c_proj.weight예요. X·W로 곱할 수 있는 모양(C×C)으로 세워서 보여 줘요.',
    'attention.dim': '칸',
    'attention.bias': '(+ b는 학습되는 덧셈값 bias예요)',
  },
  en: {
    'attention.step.qkv.short': 'Make Q·K·V',
    'attention.step.qkv.title': 'Multiply the input X by weights to get Q, K, V',
    'attention.step.qkv.explain': 'Every token is one row of numbers (a vector): that is X. Multiplying X by three weight matrices that training sets (W_Q, W_K, W_V) gives three vectors with different jobs. Q (query): “what am I looking for?” K (key): “this is what I contain.” V (value): “this is what I hand over.” Head {h} makes only its own {D} of the {C} columns.',
    'attention.step.scores.short': 'Scores QKᵀ',
    'attention.step.scores.title': 'Multiply Q by K to get scores (Q·Kᵀ)',
    'attention.step.scores.explain': 'Multiply the looking token’s Q and the looked-at token’s K column by column and add it all up (a dot product): one score. The bigger the score, the better the two tokens “match”. In “고양이는 귀엽다” (the cat is cute), if the Q of ‘귀엽다’ (cute) matches the K of ‘고양이’ (cat), that cell’s score is big. Hover over a cell to see the two vectors.',
    'attention.step.scores.pair': 'Q[‘{q}’] = ({qv})  ·  K[‘{k}’] = ({kv})  →  score {s}',
    'attention.step.scale.short': '÷√D',
    'attention.step.scale.title': 'Divide the scores by √D',
    'attention.step.scale.explain': 'D is the width of one head. Longer vectors tend to give bigger dot products, and scores that are too big make the next step (softmax) pile everything onto one token, which makes learning hard. So every score is divided by √D to keep it in range.',
    'attention.step.scale.d': 'D = C ÷ H = {C} ÷ {H} = {D},   √D ≈ {sqrt}',
    'attention.step.scale.cell': 'score {s} ÷ √D {sqrt}  →  {v}',
    'attention.step.mask.short': 'Mask',
    'attention.step.mask.title': 'Hide the later (future) tokens — the mask',
    'attention.step.mask.explain': 'This model writes a sentence one token at a time, from the front. So no token may peek at tokens that come after it. The cells above the diagonal (the future) become −∞ (minus infinity), meaning “cannot look”. In the next step −∞ becomes exactly 0.',
    'attention.step.mask.note': '−∞ = cannot look ahead',
    'attention.step.softmax.short': 'Softmax',
    'attention.step.softmax.title': 'Softmax turns scores into shares (probabilities)',
    'attention.step.softmax.explain': 'In each row, take exp of every value and divide by the row’s total. Every value lands between 0 and 1 and each row adds up to 1. These numbers are the shares of “how much to look at this token”: the attention weights. The last column adds up the engine’s numbers as a check.',
    'attention.step.softmax.sum': 'sum (check)',
    'attention.step.softmax.note': 'hidden cell = 0',
    'attention.step.weighted.short': 'Weights × V',
    'attention.step.weighted.title': 'Mix the V vectors by those shares (weights × V)',
    'attention.step.weighted.explain': 'Each token makes a new vector by mixing the V vectors in the shares it just got. The more it looks at a token, the more of that token’s V goes in. The numbers in the line below are the chosen token’s real weights — hover over a row of a table to pick another token.',
    'attention.step.weighted.mix': 'out[‘{q}’] = {terms}',
    'attention.step.weighted.more': ' + … ({n} smaller ones left out)',
    'attention.step.concat.short': 'Join heads',
    'attention.step.concat.title': 'Put the results of all heads side by side',
    'attention.step.concat.explain': 'The {H} heads each made a result {D} columns wide. Placed side by side they are {C} columns again. Heads look in different ways: one may look mostly at the token just before, another at the start of the sentence. The orange frame is the share of the head you picked, head {h}.',
    'attention.step.proj.short': '× W_O',
    'attention.step.proj.title': 'Multiply by W_O: the attention output',
    'attention.step.proj.explain': 'The joined result is multiplied by the weight matrix W_O, which blends what the heads found. This is the final output of the attention layer. In the next stage, “Add & Norm”, it is added to the original input.',
    'attention.fig.xPre': 'X: what goes into attention (after LayerNorm)',
    'attention.fig.xPost': 'X: what goes into attention (this layer’s input)',
    'attention.fig.q': 'Q (query) — head {h}',
    'attention.fig.k': 'K (key) — head {h}',
    'attention.fig.v': 'V (value) — head {h}',
    'attention.fig.wq': 'W_Q — head {h}’s share',
    'attention.fig.wk': 'W_K — head {h}’s share',
    'attention.fig.wv': 'W_V — head {h}’s share',
    'attention.fig.weights': 'Show the weight matrices W_Q, W_K, W_V (head {h}’s share)',
    'attention.fig.weightsHint': 'The three weights are stacked in one matrix, c_attn.weight. Head {h}’s share is cut out and stood up in the shape that X·W multiplies (C×D). Training changes these numbers.',
    'attention.fig.scores': 'Scores Q·Kᵀ — head {h}',
    'attention.fig.scaled': 'Scaled scores Q·Kᵀ ÷ √D — head {h}',
    'attention.fig.masked': 'Masked scores — head {h}',
    'attention.fig.probs': 'Attention weights (softmax) — head {h}',
    'attention.fig.headOut': 'Output of head {h} = weights × V',
    'attention.fig.concat': 'All heads joined side by side',
    'attention.fig.proj': 'Attention output = joined × W_O',
    'attention.fig.wo': 'Show W_O (c_proj.weight)',
    'attention.fig.wo.title': 'W_O',
    'attention.fig.woHint': 'W_O is c_proj.weight, stood up in the shape that X·W multiplies (C×C).',
    'attention.dim': 'column',
    'attention.bias': '(+ b is a learned offset, the bias)',
  },
});

/** A figure: caption with the shape, and a heatmap. `opts.tensor`/`opts.head` tag it for tests. */
export function figure(opts) {
  const box = el('figure', 'att-fig');
  const cap = el('figcaption', '', opts.title);
  cap.append(el('span', 'att-shape', `  ${opts.rows} × ${opts.cols}`));
  box.append(cap);
  const h = document.createElement('tf-heatmap');
  h.setAttribute('scale', opts.scale ?? 'diverging');
  h.setAttribute('label', opts.title);
  for (const [attr, key] of [['row-title', 'rowTitle'], ['col-title', 'colTitle'], ['mask-note', 'maskNote'],
    ['cell', 'cell'], ['min-cell', 'minCell'], ['cell-height', 'cellHeight']]) {
    if (opts[key] != null) h.setAttribute(attr, String(opts[key]));
  }
  if (opts.showValues) h.setAttribute('show-values', '');
  if (opts.tensor) h.dataset.tensor = opts.tensor;
  if (opts.head != null) h.dataset.head = String(opts.head);
  if (opts.param) h.dataset.param = opts.param;
  if (opts.part) h.dataset.part = opts.part;
  box.append(h);
  h.matrix = {
    values: opts.values, rows: opts.rows, cols: opts.cols, mask: opts.mask,
    rowLabels: opts.rowLabels, colLabels: opts.colLabels ?? Array.from({ length: opts.cols }, (_, i) => String(i)),
    rowNotes: opts.rowNotes, rowNotesTitle: opts.rowNotesTitle, colGroups: opts.colGroups,
  };
  box.heatmap = h;
  return box;
}

const formula = (text) => el('p', 'formula att-formula', text);
const row = (...children) => {
  const r = el('div', 'att-row');
  r.append(...children);
  return r;
};
const explain = (key, params) => el('p', 'explain att-explain', t(key, params));
const short = (data, from, n) => Array.from(data.subarray(from, from + n), (v) => v.toFixed(2)).join(', ');

/** Settings for a T×T heatmap: numbers in the cells while the sentence is short. */
function square(ctx) {
  return ctx.T <= 14 ? { cell: 46, minCell: 30, cellHeight: 28, showValues: true } : { cell: 22 };
}

/** A (C×D) slice of a stacked (3C, C) or (C, C) weight, transposed so that X·W reads left to right. */
export function weightSlice(param, C, rowFrom, n) {
  const out = new Float32Array(C * n);
  for (let c = 0; c < C; c++) for (let d = 0; d < n; d++) out[c * n + d] = param.data[(rowFrom + d) * C + c];
  return out;
}

export const STEPS = [
  {
    id: 'qkv',
    render(ctx) {
      const { ins, T, C, D, h, head } = ctx;
      const pre = ctx.cfg.norm !== 'post';
      const x = ins.tensor(ctx.inputName);
      const b = ctx.cfg.bias;
      const out = [explain('attention.step.qkv.explain', { h, C, D })];
      out.push(formula(['Q', 'K', 'V'].map((m) => `${m} = X · W_${m}${b ? ` + b_${m}` : ''}`).join('     ')
        + `\n(T×C) · (C×D) = T×D   →   (${T}×${C}) · (${C}×${D}) = ${T}×${D}`));
      if (b) out.push(el('p', 'hint', t('attention.bias')));
      out.push(figure({ title: `${t(pre ? 'attention.fig.xPre' : 'attention.fig.xPost')} · ${ctx.inputName}`, values: x.data,
        rows: T, cols: C, rowLabels: ctx.labels, tensor: ctx.inputName, colTitle: t('attention.dim') }));
      out.push(row(...['q', 'k', 'v'].map((m) => {
        const tensor = ins.head(ctx.name(m), head);
        return figure({ title: t(`attention.fig.${m}`, { h }), values: tensor.data, rows: T, cols: D, rowLabels: ctx.labels,
          tensor: ctx.name(m), head, colTitle: t('attention.dim') });
      })));
      const details = el('details', 'att-details');
      details.append(el('summary', '', t('attention.fig.weights', { h })), el('p', 'hint', t('attention.fig.weightsHint', { h })));
      const pname = `transformer.h.${ctx.layer}.attn.c_attn.weight`;
      const param = ctx.model.parameter(pname);
      details.append(row(...['q', 'k', 'v'].map((m, i) => figure({
        title: t(`attention.fig.w${m}`, { h }), values: weightSlice(param, C, i * C + head * D, D), rows: C, cols: D,
        rowLabels: Array.from({ length: C }, (_, c) => String(c)), param: pname, part: m, head, cell: 16,
      }))));
      out.push(details);
      return out;
    },
  },
  {
    id: 'scores',
    render(ctx) {
      const { ins, T, D, h, head } = ctx;
      const q = ins.head(ctx.name('q'), head), k = ins.head(ctx.name('k'), head);
      const scores = ins.head(ctx.name('scores'), head);
      const fig = figure({ title: t('attention.fig.scores', { h }), values: scores.data, rows: T, cols: T, rowLabels: ctx.labels,
        colLabels: ctx.labels, tensor: ctx.name('scores'), head, rowTitle: t('attention.query'), colTitle: t('attention.key'), ...square(ctx) });
      const pair = el('p', 'formula att-pair', '');
      const show = (i, j) => {
        pair.textContent = t('attention.step.scores.pair', { q: ctx.tokens[i], k: ctx.tokens[j], qv: short(q.data, i * D, D),
          kv: short(k.data, j * D, D), s: formatValue(scores.data[i * T + j]) });
      };
      show(T - 1, 0);
      fig.heatmap.addEventListener('cell-hover', (e) => show(e.detail.row, e.detail.col));
      return [explain('attention.step.scores.explain'),
        formula(`scores = Q · Kᵀ\n(T×D) · (D×T) = T×T   →   (${T}×${D}) · (${D}×${T}) = ${T}×${T}`), fig, pair];
    },
  },
  {
    id: 'scale',
    render(ctx) {
      const { ins, T, C, D, H, h, head } = ctx;
      const sqrt = Math.sqrt(D).toFixed(3);   // from the config, not from the model's numbers
      const scores = ins.head(ctx.name('scores'), head), scaled = ins.head(ctx.name('scaled'), head);
      const fig = figure({ title: t('attention.fig.scaled', { h }), values: scaled.data, rows: T, cols: T, rowLabels: ctx.labels,
        colLabels: ctx.labels, tensor: ctx.name('scaled'), head, rowTitle: t('attention.query'), colTitle: t('attention.key'), ...square(ctx) });
      const cell = el('p', 'formula att-pair', '');
      const show = (i, j) => {
        cell.textContent = t('attention.step.scale.cell', { s: formatValue(scores.data[i * T + j]), sqrt, v: formatValue(scaled.data[i * T + j]) });
      };
      show(T - 1, 0);
      fig.heatmap.addEventListener('cell-hover', (e) => show(e.detail.row, e.detail.col));
      return [explain('attention.step.scale.explain'),
        formula(`scaled = scores ÷ √D\n${t('attention.step.scale.d', { C, H, D, sqrt })}`), fig, cell];
    },
  },
  {
    id: 'mask',
    render(ctx) {
      const { ins, T, h, head } = ctx;
      const masked = ins.head(ctx.name('masked'), head);
      return [explain('attention.step.mask.explain'),
        formula('masked[i][j] = scaled[i][j]   (j ≤ i)\nmasked[i][j] = −∞             (j > i)'),
        figure({ title: t('attention.fig.masked', { h }), values: masked.data, rows: T, cols: T, rowLabels: ctx.labels,
          colLabels: ctx.labels, tensor: ctx.name('masked'), head, maskNote: t('attention.step.mask.note'),
          rowTitle: t('attention.query'), colTitle: t('attention.key'), ...square(ctx) })];
    },
  },
  {
    id: 'softmax',
    render(ctx) {
      const { ins, T, h, head } = ctx;
      const probs = ins.head(ctx.name('probs'), head);
      const sums = [];   // a check of the engine's numbers, labelled as such
      for (let i = 0; i < T; i++) {
        let s = 0;
        for (let j = 0; j < T; j++) s += probs.data[i * T + j];
        sums.push(s.toFixed(4));
      }
      return [explain('attention.step.softmax.explain'),
        formula('probs[i][j] = exp(masked[i][j]) ÷ Σₖ exp(masked[i][k])        exp(−∞) = 0'),
        figure({ title: t('attention.fig.probs', { h }), values: probs.data, rows: T, cols: T, rowLabels: ctx.labels,
          colLabels: ctx.labels, tensor: ctx.name('probs'), head, scale: 'sequential', mask: ctx.mask,
          maskNote: t('attention.step.softmax.note'), rowNotes: sums, rowNotesTitle: t('attention.step.softmax.sum'),
          rowTitle: t('attention.query'), colTitle: t('attention.key'), ...square(ctx) })];
    },
  },
  {
    id: 'weighted',
    render(ctx) {
      const { ins, T, D, h, head } = ctx;
      const probs = ins.head(ctx.name('probs'), head), v = ins.head(ctx.name('v'), head);
      const out = ins.head(ctx.name('head_out'), head);
      const mix = el('p', 'formula att-pair', '');
      const figs = [
        figure({ title: t('attention.fig.probs', { h }), values: probs.data, rows: T, cols: T, rowLabels: ctx.labels,
          colLabels: ctx.labels, tensor: ctx.name('probs'), head, scale: 'sequential', mask: ctx.mask, cell: 22,
          maskNote: t('attention.step.softmax.note'), rowTitle: t('attention.query'), colTitle: t('attention.key') }),
        figure({ title: t('attention.fig.v', { h }), values: v.data, rows: T, cols: D, rowLabels: ctx.labels,
          tensor: ctx.name('v'), head, colTitle: t('attention.dim') }),
        figure({ title: t('attention.fig.headOut', { h }), values: out.data, rows: T, cols: D, rowLabels: ctx.labels,
          tensor: ctx.name('head_out'), head, colTitle: t('attention.dim') }),
      ];
      const show = (i) => {
        let terms = [];
        for (let j = 0; j < T; j++) {
          const w = probs.data[i * T + j];
          if (w > 0) terms.push({ j, w });
        }
        const more = Math.max(0, terms.length - 6);
        if (more) terms = terms.sort((a, b) => b.w - a.w).slice(0, 5);
        const text = terms.map(({ j, w }) => `${w.toFixed(2)} × V[‘${ctx.tokens[j]}’]`).join(' + ');
        mix.textContent = t('attention.step.weighted.mix', { q: ctx.tokens[i], terms: text })
          + (more ? t('attention.step.weighted.more', { n: more + 1 }) : '');
        // V is used whole (every row, weighted), so only the probs row and the output row light up
        figs[0].heatmap.highlight = { row: i };
        figs[2].heatmap.highlight = { row: i };
      };
      show(T - 1);
      for (const f of figs) f.heatmap.addEventListener('cell-hover', (e) => show(e.detail.row));
      return [explain('attention.step.weighted.explain'),
        formula(`head_out = probs · V\n(T×T) · (T×D) = T×D   →   (${T}×${T}) · (${T}×${D}) = ${T}×${D}`), mix, row(...figs)];
    },
  },
  {
    id: 'concat',
    render(ctx) {
      const { ins, T, C, D, H, h, head } = ctx;
      const concat = ins.tensor(ctx.name('concat'));
      const groups = Array.from({ length: H }, (_, g) => ({ from: g * D, to: (g + 1) * D, label: t('attention.head', { n: g + 1 }), active: g === head }));
      const heads = Array.from({ length: H }, (_, g) => `head${g + 1}`).join(' | ');
      return [explain('attention.step.concat.explain', { H, D, C, h }),
        formula(`concat = [ ${heads} ]\n${H} × (T×D) → T×(H·D) = T×C   →   ${H} × (${T}×${D}) → ${T}×${C}`),
        figure({ title: t('attention.fig.concat'), values: concat.data, rows: T, cols: C, rowLabels: ctx.labels,
          tensor: ctx.name('concat'), colGroups: groups, colTitle: t('attention.dim') })];
    },
  },
  {
    id: 'proj',
    render(ctx) {
      const { ins, T, C } = ctx;
      const b = ctx.cfg.bias;
      const concat = ins.tensor(ctx.name('concat')), proj = ins.tensor(ctx.name('proj'));
      const pname = `transformer.h.${ctx.layer}.attn.c_proj.weight`;
      const details = el('details', 'att-details');
      details.append(el('summary', '', t('attention.fig.wo')), el('p', 'hint', t('attention.fig.woHint')),
        figure({ title: t('attention.fig.wo.title'), values: weightSlice(ctx.model.parameter(pname), C, 0, C), rows: C, cols: C,
          rowLabels: Array.from({ length: C }, (_, c) => String(c)), param: pname, part: 'o', cell: 14 }));
      const out = [explain('attention.step.proj.explain'),
        formula(`output = concat · W_O${b ? ' + b_O' : ''}\n(T×C) · (C×C) = T×C   →   (${T}×${C}) · (${C}×${C}) = ${T}×${C}`)];
      if (b) out.push(el('p', 'hint', t('attention.bias')));
      out.push(row(
        figure({ title: t('attention.fig.concat'), values: concat.data, rows: T, cols: C, rowLabels: ctx.labels,
          tensor: ctx.name('concat'), colTitle: t('attention.dim') }),
        figure({ title: t('attention.fig.proj'), values: proj.data, rows: T, cols: C, rowLabels: ctx.labels,
          tensor: ctx.name('proj'), colTitle: t('attention.dim') })), details);
      return out;
    },
  },
];
