// English: the strings of the attention-lines view (tf-attention-lines). Keys start with attention.lines.
export default {
  'attention.lines.queries': 'looking token (Q)',
  'attention.lines.keys': 'looked-at token (K)',
  'attention.lines.hint': 'Hover over or tap a token. The thicker and darker a line, the more it looks.',
  'attention.lines.looksAt': '‘{token}’ looks mostly at {list}',
  'attention.lines.lookedBy': '‘{token}’ is looked at most by {list}',
  'attention.lines.onlyItself': '‘{token}’ is the first token, so it can only look at itself ({w}).',
  'attention.lines.nobody': 'No token looks at ‘{token}’.',
  'attention.lines.label': 'Attention lines between tokens',
  'attention.lines.tokenQuery': 'Where token {pos} ‘{token}’ looks',
  'attention.lines.tokenKey': 'What looks at token {pos} ‘{token}’',
  'attention.lines.pruned': 'With {T} tokens there are too many lines: only the {k} strongest of each token are drawn.',
};
