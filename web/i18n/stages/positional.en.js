// English: the positional-encoding stage (tf-stage-positional). Keys start with positional.
export default {
  'positional.lead':
    'From the token vectors alone the model cannot tell “which token comes where”. So a different vector for each position is added to the token vectors.',
  'positional.mode': 'What position information should be added?',
  'positional.mode.sinusoidal': 'Sinusoids (formula)',
  'positional.mode.learned': 'Learned table',
  'positional.mode.none': 'None',
  'positional.about.sinusoidal':
    'Sinusoids: a table made by the formula of “Attention Is All You Need”. Nothing is learned; the engine computes the formula.',
  'positional.about.learned': 'Learned table (wpe): one row per position, set by training like the embedding table.',
  'positional.about.none': 'None: no position information is added. The model input is just the token vectors.',
  'positional.own': 'What this model actually uses: {kind}',
  'positional.noLearned':
    '“Learned table” is unavailable: this model has no learned position table (wpe); it was made with {kind}.',
  'positional.whatIf':
    'You are looking at what this sentence’s input would be with “{mode}”. The engine computed it that way.',
  'positional.kind.sinusoidal': 'sinusoids',
  'positional.kind.learned': 'a learned table',
  'positional.kind.none': 'none',
  'positional.formula': 'PE(pos, 2i) = sin(pos / 10000^(2i/d)),   PE(pos, 2i+1) = cos(pos / 10000^(2i/d))',
  'positional.formulaHint':
    'pos = position, i = half the dimension number, d = vector length ({c}). Even dimensions use sin, odd ones cos.',
  'positional.table.sinusoidal': 'Sinusoid position table ({c} dims × {p} positions)',
  'positional.table.learned': 'Learned position table wpe ({c} dims × {p} positions)',
  'positional.table.none': 'You chose “None”: there is no table to add — the same as adding 0 at every position.',
  'positional.tableHint':
    'Positions run across, dimensions down: each column is one position’s vector. The orange frame marks the positions 0–{last} this sentence uses. Hover a cell to read its value.',
  'positional.rows': 'position',
  'positional.cols': 'dim',
  'positional.waves': 'Waves per dimension: how does the value change with position?',
  'positional.similarity': 'How alike are two positions? (dot product)',
  'positional.similarityTitle': 'Dot products of position vectors PE[i]·PE[j]',
  'positional.similarityHint.sinusoidal':
    'The diagonal (a position with itself) is largest and values fall with distance: nearby positions look alike, so the model can tell how far apart two tokens are.',
  'positional.similarityHint.learned':
    'Dot products of the learned table. Before training it is random, so there is no pattern; nearby positions grow alike as it trains.',
  'positional.similarityHint.none':
    'Without positions every dot product is 0: the model cannot tell any position from another.',
  'positional.wavesPick': 'Pick dimensions to plot (up to {max}):',
  'positional.dim': 'dim {d}',
  'positional.dimSin': 'dim {d} (sin)',
  'positional.dimCos': 'dim {d} (cos)',
  'positional.dimAdd': 'Another dim',
  'positional.dimAddButton': 'Add',
  'positional.xTitle': 'position (pos)',
  'positional.yTitle': 'value',
  'positional.band': 'this sentence',
  'positional.wavesHint.sinusoidal':
    'Low dimensions wave quickly, high ones slowly. So every position gets its own mix of wave values — like an address.',
  'positional.wavesHint.learned':
    'A learned table has no formula. Before training its values are random, so there are no waves; shapes appear as it trains.',
  'positional.sum': 'This sentence’s model input = token vector + position vector',
  'positional.token': 'Token vectors (the embedding from stage 2)',
  'positional.position': 'Position vectors ({kind})',
  'positional.input': 'Model input (the sum)',
  'positional.sumHint':
    'In every cell, the values of the two pictures above add up to the one at the bottom (computed by the engine). Each picture has its own colour scale: compare the numbers at the ends of the bar under each. When one side’s values are much smaller, the sum looks almost like the bigger one.',
  'positional.order': 'Change the order: same tokens, different order',
  'positional.orderHint':
    'Both sentences are built from the same pieces in a different order. Below is each sentence’s model input. Hover a row in one sentence to mark the same token’s rows in the other. You can edit the sentences.',
  'positional.orderA': 'Sentence A',
  'positional.orderB': 'Sentence B',
  'positional.orderInput': 'Model input ({kind})',
  'positional.verdict.same':
    'With “None”, the two inputs are the very same set of rows, only in another order: e.g. row {ra} of A (“{tok}”) and row {rb} of B hold exactly the same numbers. The input numbers carry no order — that is why positional encoding is needed.',
  'positional.verdict.different':
    'With position vectors added, the same token “{tok}” gets different numbers in row {ra} of A and row {rb} of B. The two inputs are no longer the same rows shuffled: the order is now inside the input numbers.',
  'positional.verdict.otherTokens': 'The two sentences have different tokens. Use the same pieces in another order.',
  'positional.verdict.sameOrder': 'The two sentences are identical, order included. Reorder one of them.',
  'positional.compare': 'The same token “{tok}”: its row in each sentence',
  'positional.compareRow': '{side} row {row} “{tok}”',
  'positional.compareSame':
    'All {c} numbers of the two rows are equal (only the first {n} are written above). From the model input alone you cannot tell where this token was.',
  'positional.compareSamePlace':
    'This token sits at the same place (row {row}) in both sentences, so the same position vector was added and all {c} numbers are equal. Hover a token that moved (e.g. “나” or “밥”) to compare.',
  'positional.compareDifferent':
    'The two rows hold different numbers (only the first {n} are written above): the same token at another place got another position vector added. Hover other rows to compare them.',
};
