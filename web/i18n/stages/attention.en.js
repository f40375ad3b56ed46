// English: the multi-head attention stage (tf-stage-attention).
export default {
  'attention.heads.title': 'Pick a head',
  'attention.heads.explain':
    'Every head looks in its own way. Each small picture is one head’s attention weights (brighter = looks more). Press one to pick that head.',
  'attention.heads.label': 'Show the attention of head {n}',
  'attention.overview.title': 'Layer {l} · head {h}: which token looks at which?',
  'attention.overview.explain':
    'Each token can only look at itself and the tokens before it, and the shares one token gives out add up to 1. An untrained model spreads its looks almost evenly; training makes it focus on a few places. This model reads the sentence in {kind} pieces; how words relate is shown below under “Word by word”, with the pieces gathered up.',
  'attention.lines.title': 'As lines',
  'attention.heatmap.title': 'As a table (row: looking, column: looked at)',
  'attention.words.title': 'Word by word (the pieces gathered up)',
  'attention.words.rule':
    'The rule: how much word A looks at word B = for each piece of A, add up the weights it gives to B’s pieces, then average that over A’s pieces. A word can only look at itself and earlier words (grey cells). What went to spaces and special tokens is gathered in the “rest” column, so each row adds up to 1. The engine computes it.',
  'attention.words.which': 'Whose weights?',
  'attention.words.head': 'the chosen head (head {h})',
  'attention.words.mean': 'the mean of all heads',
  'attention.words.table': 'Word × word (row: looking, column: looked at)',
  'attention.words.rows': 'looking',
  'attention.words.cols': 'looked at',
  'attention.words.rest': 'rest',
  'attention.words.restLong': 'spaces, special tokens',
  'attention.words.says.head':
    'In layer {l}, head {h}, the pieces of ‘{word}’ split their attention, on average, like this:',
  'attention.words.says.mean':
    'In layer {l}, averaged over all heads, the pieces of ‘{word}’ split their attention, on average, like this:',
  'attention.words.part': '‘{word}’ {pct}%',
  'attention.words.self': 'itself, ‘{word}’, {pct}%',
  'attention.words.partRest': 'spaces and special tokens {pct}%',
  'attention.words.pick': 'Hover a row of the table (or move with the arrow keys) to read that word’s shares.',
  'attention.words.none': 'This sentence has no words (only spaces and special tokens).',
  'attention.steps.title': 'How is it computed? Step by step on the real numbers',
  'attention.steps.explain':
    'Follow the computation on the real matrices of layer {l}, head {h}. Press a step or use Previous / Next (the ← → keys work too).',
  'attention.steps.list': 'Steps of attention',
  'attention.steps.prev': '← Previous',
  'attention.steps.next': 'Next →',
  'attention.steps.position': 'step {n} of {total}',
};
