// @ts-check
// The positional stage's controller (see web/stages.js). Under the mode the learner picked (the page's "what if"
// choice, ctx.whatif.value: 'sinusoidal' | 'learned' | 'none'; absent = the model's own): the position table (the engine's sinusoids or the
// model's wpe), this sentence's token + position = input and its position similarities (model.embed,
// model.positionSimilarity), and the word-order demo's two sentences (memory.orderA / orderB) through model.embed.
// Each part is the same object while what it depends on stays, so the view redraws only what changed.

const MAX_POSITIONS = 128;
const ORDER_A = '나는 밥을 먹었다';
const ORDER_B = '밥을 나는 먹었다';
const memos = new WeakMap(); // model -> { tables: Map(mode -> table), sentence, order }

/** No recorded tensor: model.embed computes this view's rows under any mode, not only the model's own. */
export function tensors() {
  return [];
}

/**
 * The view's data: plain values computed by the engine.
 * @param {import('./stage-state.js').StageContext} ctx
 */
export function data({ tinyformer, model, inspection, memory, whatif }) {
  const own = model.config.positional;
  const hasLearned = model.info.params.some((p) => p.name === 'transformer.wpe.weight');
  const wanted = whatif?.value ?? own; // the page's "what if" flip, else the model's own
  const mode = wanted === 'learned' && !hasLearned ? own : wanted;
  const C = model.config.n_embd;
  const P = Math.min(model.config.block_size, MAX_POSITIONS);
  if (!memos.has(model)) memos.set(model, { tables: new Map(), sentence: null, order: null });
  const memo = memos.get(model);
  if (!memo.tables.has(mode)) memo.tables.set(mode, positionTable(tinyformer, model, mode, P, C));
  return {
    mode,
    own,
    hasLearned,
    C,
    P,
    table: memo.tables.get(mode), // (P, C), null for 'none'
    sentence: remember(memo, 'sentence', `${mode} ${inspection.ids.join(',')}`, () =>
      sentence(model, mode, inspection.ids),
    ),
    order: remember(memo, 'order', `${mode}\n${memory.orderA ?? ORDER_A}\n${memory.orderB ?? ORDER_B}`, () =>
      ['A', 'B'].map((side) =>
        orderSide(model, mode, side, memory[`order${side}`] ?? (side === 'A' ? ORDER_A : ORDER_B)),
      ),
    ),
  };
}

function remember(memo, part, key, compute) {
  if (memo[part]?.key !== key) memo[part] = { key, value: compute() };
  return memo[part].value;
}

/** The position table of `mode`: the engine's sinusoids or the model's learned wpe, (P, C); null for 'none'. */
function positionTable(tinyformer, model, mode, P, C) {
  if (mode === 'sinusoidal') return tinyformer.positionalEncoding(P, C);
  if (mode === 'learned')
    return { data: model.parameter('transformer.wpe.weight').data.slice(0, P * C), shape: [P, C] };
  return null;
}

/** This sentence: token + position = input, and the dot products of its position vectors. */
function sentence(model, mode, ids) {
  const e = model.embed(ids, mode);
  return {
    token: e['embed.token'],
    position: e['embed.position'],
    sum: e['embed.sum'], // each (T, C)
    similarity: mode === 'none' ? null : model.positionSimilarity(mode, ids.length), // (T, T)
  };
}

/** One sentence of the word-order demo: its tokens and model input, or the engine's error (code, detail). */
function orderSide(model, mode, side, text) {
  try {
    const tokens = model.tokenize(text);
    if (!tokens.length) throw Object.assign(new Error('empty'), { code: 'empty_text' });
    const ids = Int32Array.from(tokens, (tok) => tok.id);
    return { side, text, tokens, ids, sum: model.embed(ids, mode)['embed.sum'] }; // sum: (T, C)
  } catch (err) {
    return { side, text, error: { code: err.code, detail: err.detail, detail2: err.detail2, message: err.message } };
  }
}
