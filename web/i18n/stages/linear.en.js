// English: the linear (logits) stage (tf-stage-linear.js).
export default {
  'linear.how.title': 'One vector → {V} scores',
  'linear.how.tied':
    'logits = ln_f (the position’s final vector, {C} numbers) × the embedding table wte transposed ({C} × {V}). The input embedding table is reused backwards: a token scores high when the vector looks like that token’s embedding.',
  'linear.how.untied':
    'logits = ln_f (the position’s final vector, {C} numbers) × lm_head ({C} × {V}): one score per vocabulary token.',
  'linear.pick': 'After which token? (default: the last one)',
  'linear.top.title': 'Scores for the token after "{tok}" (position {i}): the top {k}',
  'linear.top.all': 'Scores for the token after "{tok}" (position {i}): all {k}',
  'linear.show': 'Show',
  'linear.all': 'all',
  'linear.detail': '#{id} · rank {rank}',
  'linear.note':
    'Scores (logits) have no fixed range and can be negative (blue = negative, orange = positive). The higher the score, the likelier that token comes next; the next stage (softmax) turns them into probabilities. An untrained model gives all tokens similar scores.',
  'linear.heat': 'All logits: a score for every vocabulary token at every position',
  'linear.heatNote':
    'Row = position (predicting the token after it), column = vocabulary token. Click a row to pick that position.',
  'linear.rows': 'position',
  'linear.cols': 'token',
};
