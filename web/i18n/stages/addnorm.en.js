// English: the add & norm stage (tf-stage-addnorm.js).
export default {
  'addnorm.add.title': '① Add: the residual connection',
  'addnorm.add.explain1':
    'The attention result is added, cell by cell, to the vector that entered the layer (the input). The original information is kept and the new one is laid on top — a "shortcut". Compare the same cell in the three tables.',
  'addnorm.add.explain2':
    'The feed-forward result is added once more to what came out of attention. This running sum is called the "residual stream".',
  'addnorm.input.layer': 'Input x (the vectors entering this layer)',
  'addnorm.input.sum1': 'Input x (the sum from ①)',
  'addnorm.input.norm1': 'Input x (the normalised result of ①)',
  'addnorm.sub.attn': 'Attention output Attn(…)',
  'addnorm.sub.ffn': 'Feed-forward output FFN(…)',
  'addnorm.sum': 'Sum = input + output',
  'addnorm.norm.title': '② Normalise: LayerNorm',
  'addnorm.norm.explain':
    'The {C} numbers of one token are shifted and scaled to mean 0 and spread (standard deviation) 1, so they neither blow up nor shrink away and training stays stable. Each token is normalised on its own.',
  'addnorm.formula.where':
    'Token “{tok}”, dimension {k} of its {C}: μ = mean and σ² = variance (the engine’s, over the {C} numbers), ε = a tiny number so nothing is divided by 0, γ and β = the learned scale and shift. Hover the bars below to see another dimension’s numbers.',
  'addnorm.pick': 'Pick a token (or click a row of the tables above):',
  'addnorm.before': 'Before: the sum vector of "{tok}"',
  'addnorm.after': 'After: LN(sum)',
  'addnorm.stats': 'mean {mean} · std {std}',
  'addnorm.ok': 'After normalising: mean ≈ 0 and std ≈ 1 — the sizes are evened out.',
  'addnorm.gamma':
    'After normalising: mean {mean}, std {std}. Not exactly 0 and 1 because the learned γ (scale) and β (shift) adjust them again.',
  'addnorm.sameScale': 'Draw both on the same scale',
  'addnorm.legend.mean': 'mean',
  'addnorm.legend.band': 'mean ± std',
  'addnorm.readout': 'dim {i}: before {before} → after {after}',
  'addnorm.stripHint': 'Hover the bars, or click a chart and use ←/→ to step through the dimensions.',
  'addnorm.normAll': 'LN(sum): every token',
  'addnorm.where.title': 'Where does the norm go? Pre-LN vs post-LN',
  'addnorm.pre.name': 'Pre-LN (GPT-2)',
  'addnorm.post.name': 'Post-LN (the original paper)',
  'addnorm.pre.explain':
    'Normalise first, then run the {sub}. The sum flows on un-normalised, which keeps deep models stable to train.',
  'addnorm.post.explain': 'Add first, then normalise the sum — the original "Attention Is All You Need" layout.',
  'addnorm.current': 'this model',
  'addnorm.now.pre1':
    'This model is pre-LN, so the "after" values above are what the feed-forward block reads; what flows on is the un-normalised sum.',
  'addnorm.now.pre2':
    'This model is pre-LN, so the "after" values above are what {next} reads; what flows on is the un-normalised sum.',
  'addnorm.now.post1':
    'This model is post-LN: the normalised values go on to the feed-forward block and to the next addition.',
  'addnorm.now.post2': 'This model is post-LN: the normalised values are this layer’s output.',
  'addnorm.next.layer': 'the next layer’s attention',
  'addnorm.next.final': 'the linear layer (after the final norm)',
  'addnorm.attn': 'attention',
  'addnorm.ffn': 'feed-forward block',
  'addnorm.next': 'next',
};
