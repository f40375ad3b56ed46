// Stage 3 — Positional encoding ("나는 밥을 먹었다" vs "밥을 나는 먹었다"). The learner picks what is
// added to the token vectors — the sinusoid table, the model's learned table, or nothing — and sees
// that table, the waves of chosen dimensions, this sentence's token + position = input (all from
// model.embed), and a word-order demo: two orders of the same tokens, side by side.
import { errorMessage, registerStrings, t } from '../../i18n/index.js';
import { el, visibleToken } from '../labels.js';
import '../tf-line-chart.js';
import '../tf-tokens.js';
import { StageView } from './base.js';
import { dimLabels, ensureStyle, heatmapPanel, plainNumber, segmented } from './input-stages-common.js';

registerStrings({
  ko: {
    'positional.lead': '토큰 벡터만 보면 모델은 “몇 번째 토큰인지” 알 수 없어요. 그래서 위치마다 다른 벡터를 토큰 벡터에 더해요.',
    'positional.mode': '어떤 위치 정보를 더할까요?',
    'positional.mode.sinusoidal': '사인파 (공식)',
    'positional.mode.learned': '학습된 표',
    'positional.mode.none': '없음',
    'positional.about.sinusoidal': '사인파: 논문(“Attention Is All You Need”)의 공식으로 만든 표예요. 학습하지 않고, 엔진이 공식대로 계산해요.',
    'positional.about.learned': '학습된 표(wpe): 위치마다 한 줄씩 있는 표로, 임베딩 표처럼 학습으로 값이 정해져요.',
    'positional.about.none': '없음: 위치 정보를 더하지 않아요. 모델 입력은 토큰 벡터 그대로예요.',
    'positional.own': '이 모델이 실제로 쓰는 방식: {kind}',
    'positional.noLearned': '“학습된 표”는 고를 수 없어요: 이 모델에는 학습된 위치 표(wpe)가 없어요 ({kind} 방식으로 만든 모델).',
    'positional.whatIf': '지금 보는 것은 “{mode}” 방식이었다면 이 문장의 입력이 어떻게 되는지예요. 엔진이 그 방식으로 직접 계산했어요.',
    'positional.kind.sinusoidal': '사인파',
    'positional.kind.learned': '학습된 표',
    'positional.kind.none': '없음',
    'positional.formula': 'PE(pos, 2i) = sin(pos / 10000^(2i/d)),   PE(pos, 2i+1) = cos(pos / 10000^(2i/d))',
    'positional.formulaHint': 'pos = 위치, i = 차원 번호의 절반, d = 벡터 길이({c}). 짝수 차원은 sin, 홀수 차원은 cos이에요.',
    'positional.table.sinusoidal': '사인파 위치 표 (차원 {c}개 × 위치 {p}개)',
    'positional.table.learned': '학습된 위치 표 wpe (차원 {c}개 × 위치 {p}개)',
    'positional.table.none': '“없음”을 골랐어요: 더할 표가 없어요. 모든 위치에 0을 더하는 것과 같아요.',
    'positional.tableHint': '가로가 위치, 세로가 차원이에요: 한 세로줄이 한 위치의 벡터예요. 주황 테두리는 이 문장이 쓰는 위치 0–{last}이에요. 칸에 마우스를 올리면 값이 보여요.',
    'positional.rows': '위치',
    'positional.cols': '차원',
    'positional.waves': '차원별 물결: 위치가 바뀌면 값이 어떻게 바뀔까요?',
    'positional.similarity': '위치끼리 얼마나 닮았을까요? (내적)',
    'positional.similarityTitle': '위치 벡터의 내적 PE[i]·PE[j]',
    'positional.similarityHint.sinusoidal': '대각선(자기 자신)이 가장 크고, 멀어질수록 작아져요. 가까운 위치끼리 닮았다는 뜻이라 모델이 "얼마나 떨어져 있는지"를 알 수 있어요.',
    'positional.similarityHint.learned': '학습된 표의 내적이에요. 학습 전에는 무작위라 무늬가 없고, 학습하면서 가까운 위치끼리 닮아 가요.',
    'positional.similarityHint.none': '위치 정보가 없으면 모든 내적이 0이에요: 모델은 어느 위치든 구별하지 못해요.',
    'positional.wavesPick': '볼 차원을 고르세요 (최대 {max}개):',
    'positional.dim': '차원 {d}',
    'positional.dimSin': '차원 {d} (sin)',
    'positional.dimCos': '차원 {d} (cos)',
    'positional.dimAdd': '다른 차원',
    'positional.dimAddButton': '추가',
    'positional.xTitle': '위치 (pos)',
    'positional.yTitle': '값',
    'positional.band': '이 문장',
    'positional.wavesHint.sinusoidal': '낮은 차원은 빠르게, 높은 차원은 천천히 출렁여요. 그래서 위치마다 여러 물결 값의 조합이 달라져 “주소”처럼 쓰여요.',
    'positional.wavesHint.learned': '학습된 표에는 공식이 없어요. 학습 전에는 무작위 값이라 물결 모양이 아니에요. 학습하면서 모양이 생겨요.',
    'positional.sum': '이 문장의 모델 입력 = 토큰 벡터 + 위치 벡터',
    'positional.token': '토큰 벡터 (2단계의 임베딩)',
    'positional.position': '위치 벡터 ({kind})',
    'positional.input': '모델 입력 (더한 결과)',
    'positional.sumHint': '칸마다 위 두 그림의 값을 더한 것이 맨 아래 값이에요 (엔진이 계산). 색 눈금은 그림마다 따로예요: 각 그림 아래 눈금 막대의 양 끝 숫자를 비교해 보세요. 한쪽 값이 훨씬 작으면, 더한 결과는 큰 쪽과 거의 비슷해 보여요.',
    'positional.order': '순서 바꾸기: 같은 토큰, 다른 순서',
    'positional.orderHint': '두 문장은 같은 조각으로 만들었지만 순서가 달라요. 아래는 각 문장의 모델 입력이에요. 한 문장의 줄에 마우스를 올리면 다른 문장에서 같은 토큰의 줄이 표시돼요. 문장은 고쳐 써도 돼요.',
    'positional.orderA': '문장 A',
    'positional.orderB': '문장 B',
    'positional.orderInput': '모델 입력 ({kind})',
    'positional.verdict.same': '위치 정보가 “없음”이면 두 입력은 똑같은 줄(행)들의 묶음이에요. 순서만 바뀌었을 뿐 줄 하나하나는 같아요: 예를 들어 A의 {ra}번 줄 “{tok}”와 B의 {rb}번 줄은 숫자가 모두 같아요. 입력 숫자 안에는 순서 정보가 없어요 — 그래서 위치 인코딩이 필요해요.',
    'positional.verdict.different': '위치 벡터를 더하니 같은 토큰 “{tok}”도 A의 {ra}번 줄과 B의 {rb}번 줄의 숫자가 달라요. 두 입력은 더 이상 같은 줄들을 섞어 놓은 것이 아니에요: 순서가 입력 숫자 안에 들어갔어요.',
    'positional.verdict.otherTokens': '두 문장의 토큰이 달라요. 같은 조각을 순서만 바꿔서 써 보세요.',
    'positional.verdict.sameOrder': '두 문장이 순서까지 똑같아요. 한쪽의 순서를 바꿔 보세요.',
    'positional.compare': '같은 토큰 “{tok}”, 두 문장에서의 줄',
    'positional.compareRow': '{side}의 {row}번 줄 “{tok}”',
    'positional.compareSame': '두 줄의 숫자 {c}개가 모두 같아요 (위에는 앞의 {n}개만 적었어요). 모델 입력만 보면 이 토큰이 어느 자리에 있었는지 알 수 없어요.',
    'positional.compareSamePlace': '이 토큰은 두 문장에서 같은 자리({row}번)에 있어요. 그래서 더해진 위치 벡터도 같고, 숫자 {c}개가 모두 같아요. 자리가 바뀐 토큰(예: “나”, “밥”)에 마우스를 올려 보세요.',
    'positional.compareDifferent': '두 줄의 숫자가 달라요 (위에는 앞의 {n}개만 적었어요). 같은 토큰이라도 자리가 다르면 다른 위치 벡터가 더해졌기 때문이에요. 다른 줄에 마우스를 올려 비교해 보세요.',
  },
  en: {
    'positional.lead': 'From the token vectors alone the model cannot tell “which token comes where”. So a different vector for each position is added to the token vectors.',
    'positional.mode': 'What position information should be added?',
    'positional.mode.sinusoidal': 'Sinusoids (formula)',
    'positional.mode.learned': 'Learned table',
    'positional.mode.none': 'None',
    'positional.about.sinusoidal': 'Sinusoids: a table made by the formula of “Attention Is All You Need”. Nothing is learned; the engine computes the formula.',
    'positional.about.learned': 'Learned table (wpe): one row per position, set by training like the embedding table.',
    'positional.about.none': 'None: no position information is added. The model input is just the token vectors.',
    'positional.own': 'What this model actually uses: {kind}',
    'positional.noLearned': '“Learned table” is unavailable: this model has no learned position table (wpe); it was made with {kind}.',
    'positional.whatIf': 'You are looking at what this sentence’s input would be with “{mode}”. The engine computed it that way.',
    'positional.kind.sinusoidal': 'sinusoids',
    'positional.kind.learned': 'a learned table',
    'positional.kind.none': 'none',
    'positional.formula': 'PE(pos, 2i) = sin(pos / 10000^(2i/d)),   PE(pos, 2i+1) = cos(pos / 10000^(2i/d))',
    'positional.formulaHint': 'pos = position, i = half the dimension number, d = vector length ({c}). Even dimensions use sin, odd ones cos.',
    'positional.table.sinusoidal': 'Sinusoid position table ({c} dims × {p} positions)',
    'positional.table.learned': 'Learned position table wpe ({c} dims × {p} positions)',
    'positional.table.none': 'You chose “None”: there is no table to add — the same as adding 0 at every position.',
    'positional.tableHint': 'Positions run across, dimensions down: each column is one position’s vector. The orange frame marks the positions 0–{last} this sentence uses. Hover a cell to read its value.',
    'positional.rows': 'position',
    'positional.cols': 'dim',
    'positional.waves': 'Waves per dimension: how does the value change with position?',
    'positional.similarity': 'How alike are two positions? (dot product)',
    'positional.similarityTitle': 'Dot products of position vectors PE[i]·PE[j]',
    'positional.similarityHint.sinusoidal': 'The diagonal (a position with itself) is largest and values fall with distance: nearby positions look alike, so the model can tell how far apart two tokens are.',
    'positional.similarityHint.learned': 'Dot products of the learned table. Before training it is random, so there is no pattern; nearby positions grow alike as it trains.',
    'positional.similarityHint.none': 'Without positions every dot product is 0: the model cannot tell any position from another.',
    'positional.wavesPick': 'Pick dimensions to plot (up to {max}):',
    'positional.dim': 'dim {d}',
    'positional.dimSin': 'dim {d} (sin)',
    'positional.dimCos': 'dim {d} (cos)',
    'positional.dimAdd': 'Another dim',
    'positional.dimAddButton': 'Add',
    'positional.xTitle': 'position (pos)',
    'positional.yTitle': 'value',
    'positional.band': 'this sentence',
    'positional.wavesHint.sinusoidal': 'Low dimensions wave quickly, high ones slowly. So every position gets its own mix of wave values — like an address.',
    'positional.wavesHint.learned': 'A learned table has no formula. Before training its values are random, so there are no waves; shapes appear as it trains.',
    'positional.sum': 'This sentence’s model input = token vector + position vector',
    'positional.token': 'Token vectors (the embedding from stage 2)',
    'positional.position': 'Position vectors ({kind})',
    'positional.input': 'Model input (the sum)',
    'positional.sumHint': 'In every cell, the values of the two pictures above add up to the one at the bottom (computed by the engine). Each picture has its own colour scale: compare the numbers at the ends of the bar under each. When one side’s values are much smaller, the sum looks almost like the bigger one.',
    'positional.order': 'Change the order: same tokens, different order',
    'positional.orderHint': 'Both sentences are built from the same pieces in a different order. Below is each sentence’s model input. Hover a row in one sentence to mark the same token’s rows in the other. You can edit the sentences.',
    'positional.orderA': 'Sentence A',
    'positional.orderB': 'Sentence B',
    'positional.orderInput': 'Model input ({kind})',
    'positional.verdict.same': 'With “None”, the two inputs are the very same set of rows, only in another order: e.g. row {ra} of A (“{tok}”) and row {rb} of B hold exactly the same numbers. The input numbers carry no order — that is why positional encoding is needed.',
    'positional.verdict.different': 'With position vectors added, the same token “{tok}” gets different numbers in row {ra} of A and row {rb} of B. The two inputs are no longer the same rows shuffled: the order is now inside the input numbers.',
    'positional.verdict.otherTokens': 'The two sentences have different tokens. Use the same pieces in another order.',
    'positional.verdict.sameOrder': 'The two sentences are identical, order included. Reorder one of them.',
    'positional.compare': 'The same token “{tok}”: its row in each sentence',
    'positional.compareRow': '{side} row {row} “{tok}”',
    'positional.compareSame': 'All {c} numbers of the two rows are equal (only the first {n} are written above). From the model input alone you cannot tell where this token was.',
    'positional.compareSamePlace': 'This token sits at the same place (row {row}) in both sentences, so the same position vector was added and all {c} numbers are equal. Hover a token that moved (e.g. “나” or “밥”) to compare.',
    'positional.compareDifferent': 'The two rows hold different numbers (only the first {n} are written above): the same token at another place got another position vector added. Hover other rows to compare them.',
  },
});

const MAX_DIMS = 8;
const SHOWN_NUMBERS = 6;   // numbers of a row written out in the A/B comparison
const MAX_POSITIONS = 128;
// Kept across re-renders (typing in the sentence box) and stage switches.
const choice = { mode: 'sinusoidal', dims: [0, 1, 8], extraDims: [], orderA: '나는 밥을 먹었다', orderB: '밥을 나는 먹었다' };

class TfStagePositional extends StageView {
  render() {
    ensureStyle();
    const { model } = this.state;
    const hasLearned = model.info.params.some((p) => p.name === 'transformer.wpe.weight');
    if (choice.mode === 'learned' && !hasLearned) choice.mode = 'sinusoidal';
    const own = model.config.positional;

    const modeBox = el('section', 'tfi-section');
    modeBox.dataset.role = 'mode';
    modeBox.append(el('h3', '', t('positional.mode')), segmented({
      name: 'tfi-positional-mode', legend: t('positional.mode'), value: choice.mode,
      options: ['sinusoidal', 'learned', 'none'].map((value) => ({
        value, text: t(`positional.mode.${value}`), disabled: value === 'learned' && !hasLearned,
        title: value === 'learned' && !hasLearned ? t('positional.noLearned', { kind: t(`positional.kind.${own}`) }) : undefined,
      })),
      onChange: (value) => { choice.mode = value; this.render(); this.querySelector(`input[value="${value}"]`)?.focus(); },
    }));
    const ownLine = el('p', 'hint', t('positional.own', { kind: t(`positional.kind.${own}`) }));
    ownLine.dataset.role = 'own';
    modeBox.append(el('p', '', t(`positional.about.${choice.mode}`)), ownLine);
    if (!hasLearned) {
      const why = el('p', 'hint', t('positional.noLearned', { kind: t(`positional.kind.${own}`) }));
      why.dataset.role = 'no-learned';
      modeBox.append(why);
    }

    this._order = el('section', 'tfi-section tfi-order');
    this._order.dataset.role = 'order';
    this.replaceChildren(el('p', 'explain', t('positional.lead')), modeBox, this.tableSection(), this.sumSection(), this._order);
    this.renderOrder();
  }

  /** The position table of the chosen mode (engine: positionalEncoding or the wpe parameter) and its waves. */
  tableSection() {
    const { tf, model, inspection } = this.state;
    const box = el('section', 'tfi-section');
    box.dataset.role = 'table';
    const C = model.config.n_embd;
    const T = inspection.tokens.length;
    if (choice.mode === 'none') {
      box.append(el('p', 'tfi-note', t('positional.table.none')));
      return box;
    }
    const P = Math.min(model.config.block_size, MAX_POSITIONS);
    let table;
    if (choice.mode === 'sinusoidal') {
      table = tf.positionalEncoding(P, C);
      box.append(el('p', 'formula', t('positional.formula')), el('p', 'hint', t('positional.formulaHint', { c: C })));
    } else {
      const wpe = model.parameter('transformer.wpe.weight');
      table = { data: wpe.data.subarray(0, P * C), shape: [P, C] };
    }
    // Drawn turned on its side — a row per dimension, a column per position — so that position runs
    // left to right as in the wave chart below. (The same numbers, only laid out differently.)
    const sideways = new Float32Array(P * C);
    for (let p = 0; p < P; p++) for (let d = 0; d < C; d++) sideways[d * P + p] = table.data[p * C + d];
    const cellGuess = Math.max(4, Math.floor(((this.clientWidth || 600) - 90) / P));
    const every = Math.ceil(14 / cellGuess);   // label every position only when the columns are wide enough
    const colLabels = Array.from({ length: P }, (_, p) => (p % every === 0 ? String(p) : ''));
    const rowLabels = Array.from({ length: C }, (_, d) => (choice.mode === 'sinusoidal' ? `${d} ${d % 2 === 0 ? 'sin' : 'cos'}` : String(d)));
    const panel = heatmapPanel({
      name: 'positional-table', title: t(`positional.table.${choice.mode}`, { p: P, c: C }), shape: [C, P],
      rowTitle: t('positional.cols'), colTitle: t('positional.rows'),
      matrix: {
        values: sideways, rows: C, cols: P, rowLabels, colLabels,
        colGroups: [{ from: 0, to: Math.min(T, P), label: t('positional.band'), active: true }, ...(T < P ? [{ from: T, to: P, label: '' }] : [])],
      },
    });
    panel.dataset.layout = 'dims-by-positions';
    box.append(panel, el('p', 'hint', t('positional.tableHint', { last: Math.min(T, P) - 1 })));
    box.append(this.wavesSection(table, P, C, T));
    box.append(this.similaritySection(T));
    return box;
  }

  /** Dot products between this sentence's position vectors (engine: model.positionSimilarity). */
  similaritySection(T) {
    const { model, inspection } = this.state;
    const box = el('section', 'tfi-section');
    box.dataset.role = 'similarity';
    const sim = model.positionSimilarity(choice.mode, T);
    const labels = Array.from({ length: T }, (_, p) => `${p} ${visibleToken(inspection.tokens[p].text)}`);
    box.append(el('h3', '', t('positional.similarity')), el('p', 'hint', t(`positional.similarityHint.${choice.mode}`)),
      heatmapPanel({
        name: 'positional-similarity', title: t('positional.similarityTitle'), shape: [T, T], scale: 'diverging',
        rowTitle: t('positional.rows'), colTitle: t('positional.rows'),
        matrix: { values: sim.data, rows: T, cols: T, rowLabels: labels, colLabels: labels.map((_, p) => String(p)) },
      }));
    return box;
  }

  wavesSection(table, P, C, T) {
    const box = el('div', 'tfi-section');
    box.dataset.role = 'waves';
    box.append(el('h3', '', t('positional.waves')), el('p', 'hint', t('positional.wavesPick', { max: MAX_DIMS })));
    choice.dims = choice.dims.filter((d) => d < C);
    const candidates = [...new Set([0, 1, 2, 3, 4, 5, 8, 9, 16, 17, C - 2, C - 1, ...choice.extraDims, ...choice.dims])]
      .filter((d) => d >= 0 && d < C).sort((a, b) => a - b);
    const chart = document.createElement('tf-line-chart');
    chart.dataset.panel = 'waves';
    chart.setAttribute('x-title', t('positional.xTitle'));
    chart.setAttribute('y-title', t('positional.yTitle'));
    chart.setAttribute('label', t('positional.waves'));
    chart.setAttribute('height', '260');
    const name = (d) => (choice.mode === 'sinusoidal' ? t(d % 2 === 0 ? 'positional.dimSin' : 'positional.dimCos', { d }) : t('positional.dim', { d }));
    const chips = el('div', 'tfi-chips');
    chips.dataset.role = 'dims';
    const draw = () => {
      const xs = Array.from({ length: P }, (_, p) => p);
      chart.series = choice.dims.map((d) => ({ label: name(d), xs, ys: xs.map((p) => table.data[p * C + d]) }));
      chart.bands = [{ from: 0, to: Math.min(T, P) - 1, label: t('positional.band') }];
      chips.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(choice.dims.includes(Number(b.dataset.dim)))));
    };
    const toggle = (d) => {
      if (choice.dims.includes(d)) choice.dims = choice.dims.filter((x) => x !== d);
      else choice.dims = [...choice.dims, d].slice(-MAX_DIMS);
      draw();
    };
    for (const d of candidates) {
      const b = el('button', 'tfi-chip', String(d));
      b.type = 'button';
      b.dataset.dim = String(d);
      b.setAttribute('aria-label', name(d));
      b.addEventListener('click', () => toggle(d));
      chips.append(b);
    }
    // any other dimension, by number
    const add = el('label', 'inline');
    const input = document.createElement('input');
    input.type = 'number';
    input.min = '0';
    input.max = String(C - 1);
    input.style.width = '4.5rem';
    input.dataset.role = 'dim-input';
    const go = el('button', 'tfi-chip', t('positional.dimAddButton'));
    go.type = 'button';
    const addDim = () => {
      const d = Number(input.value);
      if (!Number.isInteger(d) || d < 0 || d >= C || input.value === '') return;
      if (!choice.extraDims.includes(d)) choice.extraDims.push(d);
      if (!choice.dims.includes(d)) choice.dims = [...choice.dims, d].slice(-MAX_DIMS);
      box.replaceWith(this.wavesSection(table, P, C, T));
    };
    go.addEventListener('click', addDim);
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') addDim(); });
    add.append(el('span', '', t('positional.dimAdd')), input, go);
    chips.append(add);
    box.append(chips, chart, el('p', 'hint', t(`positional.wavesHint.${choice.mode}`)));
    draw();
    return box;
  }

  /** token + position = input for this sentence, all three from model.embed(ids, mode). */
  sumSection() {
    const { model, inspection, labels } = this.state;
    const box = el('section', 'tfi-section');
    box.dataset.role = 'sum';
    const C = model.config.n_embd;
    const T = inspection.tokens.length;
    const e = model.embed(inspection.ids, choice.mode);
    const kind = t(`positional.kind.${choice.mode}`);
    const panel = (name, title, tensor) => heatmapPanel({
      name, title, shape: tensor.shape, rowTitle: t('positional.rows'), colTitle: t('positional.cols'),
      matrix: { values: tensor.data, rows: T, cols: C, rowLabels: labels, colLabels: dimLabels(C) },
    });
    box.append(el('h3', '', t('positional.sum')));
    if (choice.mode !== model.config.positional) box.append(el('p', 'hint', t('positional.whatIf', { mode: t(`positional.mode.${choice.mode}`) })));
    box.append(
      panel('pe-token', t('positional.token'), e['embed.token']), el('p', 'tfi-op', '+'),
      panel('pe-position', t('positional.position', { kind }), e['embed.position']), el('p', 'tfi-op', '='),
      panel('pe-sum', t('positional.input'), e['embed.sum']), el('p', 'hint', t('positional.sumHint')));
    return box;
  }

  /** The word-order demo: two sentences' model inputs under the chosen mode, and what differs. */
  renderOrder() {
    const { model } = this.state;
    const box = this._order;
    const C = model.config.n_embd;
    const kind = t(`positional.kind.${choice.mode}`);
    const sides = ['A', 'B'].map((side) => {
      const text = choice[`order${side}`];
      try {
        const tokens = model.tokenize(text);
        if (!tokens.length) throw Object.assign(new Error('empty'), { code: 'empty_text' });
        const ids = Int32Array.from(tokens, (tok) => tok.id);
        return { side, text, tokens, ids, sum: model.embed(ids, choice.mode)['embed.sum'] };
      } catch (err) {
        return { side, text, error: errorMessage(err) };
      }
    });
    const ok = sides.every((s) => !s.error);
    const heatmaps = {};
    const columns = el('div', 'tfi-grid2');
    for (const s of sides) {
      const col = el('div', 'tfi-panel');
      col.dataset.side = s.side;
      const label = el('label', '', t(`positional.order${s.side}`));
      const input = document.createElement('input');
      input.type = 'text';
      input.value = s.text;
      input.autocomplete = 'off';
      input.spellcheck = false;
      input.dataset.role = `order-input-${s.side.toLowerCase()}`;
      input.addEventListener('input', () => {
        choice[`order${s.side}`] = input.value;
        const pos = input.selectionStart;
        this.renderOrder();
        const again = this._order.querySelector(`[data-role=order-input-${s.side.toLowerCase()}]`);
        again.focus();
        again.setSelectionRange(pos, pos);
      });
      label.append(input);
      col.append(label);
      if (s.error) {
        col.append(el('p', 'message error', s.error));
      } else {
        const strip = document.createElement('tf-tokens');
        strip.tokens = s.tokens;
        const panel = heatmapPanel({
          name: `order-${s.side.toLowerCase()}`, title: t('positional.orderInput', { kind }), shape: s.sum.shape,
          rowTitle: t('positional.rows'), colTitle: t('positional.cols'),
          matrix: { values: s.sum.data, rows: s.tokens.length, cols: C, rowLabels: s.tokens.map((tok, i) => `${i} ${visibleToken(tok.text)}`), colLabels: dimLabels(C) },
        });
        heatmaps[s.side] = panel.heatmap;
        col.append(strip, panel);
      }
      columns.append(col);
    }
    const verdict = el('p', 'tfi-note');
    verdict.dataset.role = 'order-verdict';
    verdict.setAttribute('aria-live', 'polite');
    const compare = el('div', 'tfi-section');
    compare.dataset.role = 'order-compare';
    if (ok) {
      const pair = this.judge(sides, verdict);
      if (pair) this.compareRows(compare, sides, pair);
    } else {
      verdict.hidden = true;
    }
    box.replaceChildren(el('h3', '', t('positional.order')), el('p', 'hint', t('positional.orderHint')), columns, verdict, compare);
    if (ok) this.link(heatmaps, sides, compare);
  }

  /** One token's row in A and in B, stacked, with their first numbers: same or different. */
  compareRows(box, [a, b], { ra, rb }) {
    const C = this.state.model.config.n_embd;
    if (ra < 0 || rb < 0) { box.replaceChildren(); return; }
    const rowA = a.sum.data.subarray(ra * C, (ra + 1) * C), rowB = b.sum.data.subarray(rb * C, (rb + 1) * C);
    const values = new Float32Array(2 * C);
    values.set(rowA, 0);
    values.set(rowB, C);
    const tok = visibleToken(a.tokens[ra].text);
    const labelA = t('positional.compareRow', { side: 'A', row: ra, tok }), labelB = t('positional.compareRow', { side: 'B', row: rb, tok });
    const panel = heatmapPanel({
      name: 'order-compare', title: t('positional.compare', { tok }), shape: [2, C],
      rowTitle: '', colTitle: t('positional.cols'),
      matrix: { values, rows: 2, cols: C, rowLabels: [labelA, labelB], colLabels: dimLabels(C) },
    });
    const first = (row) => `[${Array.from(row.subarray(0, SHOWN_NUMBERS), plainNumber).join(', ')}, …]`;
    const same = rowA.every((v, i) => v === rowB[i]);
    const nums = el('div', 'tfi-vector');
    nums.append(el('div', '', `${labelA}: ${first(rowA)}`), el('div', '', `${labelB}: ${first(rowB)}`));
    const key = !same ? 'positional.compareDifferent' : ra === rb ? 'positional.compareSamePlace' : 'positional.compareSame';
    const say = el('p', `tfi-note${same ? ' tfi-same' : ''}`, t(key, { n: SHOWN_NUMBERS, c: C, row: ra }));
    say.dataset.result = same ? 'same' : 'different';
    box.replaceChildren(panel, nums, say);
  }

  /**
   * Compares the engine's two inputs row by row (exact equality of the numbers it returned) and
   * says whether they are the same rows reordered. The example is the first token whose position moved.
   */
  judge([a, b], verdict) {
    const C = this.state.model.config.n_embd;
    const sorted = (ids) => Array.from(ids).sort((x, y) => x - y).join(',');
    if (sorted(a.ids) !== sorted(b.ids)) {
      verdict.textContent = t('positional.verdict.otherTokens');
      verdict.dataset.result = 'other-tokens';
      return null;
    }
    if (Array.from(a.ids).join(',') === Array.from(b.ids).join(',')) {
      verdict.textContent = t('positional.verdict.sameOrder');
      verdict.dataset.result = 'same-order';
      return null;
    }
    const row = (s, r) => Array.from(s.sum.data.subarray(r * C, (r + 1) * C)).join(',');
    const rowsA = Array.from(a.ids, (_, r) => row(a, r)).sort();
    const rowsB = Array.from(b.ids, (_, r) => row(b, r)).sort();
    const sameRows = rowsA.every((x, i) => x === rowsB[i]);
    // the example: the first token of A whose first place in B is elsewhere
    let ra = 0, rb = 0;
    for (let i = 0; i < a.ids.length; i++) {
      const j = Array.from(b.ids).indexOf(a.ids[i]);
      if (j !== i) { ra = i; rb = j; break; }
    }
    const tok = visibleToken(a.tokens[ra].text);
    verdict.textContent = t(sameRows ? 'positional.verdict.same' : 'positional.verdict.different', { ra, rb, tok });
    verdict.classList.toggle('tfi-same', sameRows);
    verdict.dataset.result = sameRows ? 'same-rows' : 'different-rows';
    return { ra, rb };
  }

  /**
   * Hovering a row of one sentence marks the row of the same token in the other, and (when the
   * sentences hold the same tokens) puts that pair in the comparison below.
   */
  link(heatmaps, sides, compare) {
    const [a, b] = sides;
    const pairs = [[heatmaps.A, a, heatmaps.B, b, 'A'], [heatmaps.B, b, heatmaps.A, a, 'B']];
    for (const [from, fromSide, to, toSide, name] of pairs) {
      from.addEventListener('cell-hover', (e) => {
        const id = fromSide.ids[e.detail.row];
        const match = Array.from(toSide.ids).indexOf(id);
        from.highlight = { row: e.detail.row };
        to.highlight = match >= 0 ? { row: match } : null;
        if (match >= 0 && compare.childElementCount) {
          this.compareRows(compare, sides, name === 'A' ? { ra: e.detail.row, rb: match } : { ra: match, rb: e.detail.row });
        }
      });
      from.addEventListener('cell-leave', () => {
        from.highlight = null;
        to.highlight = null;
      });
    }
  }
}
customElements.define('tf-stage-positional', TfStagePositional);
