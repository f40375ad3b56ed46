// English: the input embedding stage (tf-stage-embedding).
export default {
  'embedding.lead':
    'The embedding table (wte) has one row per vocabulary token, and each row is {c} numbers. A token’s id is its row number, so the model simply takes out row number id.',
  'embedding.pick': 'Pick a token (hover or click it; with the keyboard, Tab then the arrow keys)',
  'embedding.chip.aria': 'position {pos}: token {text}, id {id}',
  'embedding.panel': 'This sentence’s token vectors ({t} tokens × {c} numbers)',
  'embedding.rows': 'token',
  'embedding.cols': 'dim',
  'embedding.vector': 'Token “{text}” at position {pos} (id {id}) = row {id} of the table:',
  'embedding.vectorHint':
    'These {c} numbers are what the model sees for “{text}”. Stronger colour = further from 0 (blue = negative, orange = positive).',
  'embedding.table': 'The whole embedding table wte ({v} tokens × {c} numbers)',
  'embedding.tableRows': 'token id',
  'embedding.tableHint':
    'Rows marked ◀ on the right are the ones this sentence uses (the numbers are positions in the sentence). The table scrolls up and down inside its box.',
  'embedding.notes': 'at position',
  'embedding.repeat':
    '“{text}” appears {n} times in this sentence: each time the same row (id {id}) is taken, so the vectors are identical.',
  'embedding.random':
    'In a model that has not been trained yet, the table holds small random numbers. Training tends to give tokens used in similar ways similar rows: check it under “nearest rows” above.',
  'embedding.nearest.title': 'The {k} rows of the table nearest the row of “{text}” (cosine similarity)',
  'embedding.nearest.hint':
    'Cosine similarity says how much two rows point the same way: 1 for the same direction, 0 at a right angle, −1 for opposite. The engine compares every row of the table (except the 4 special tokens). Hover one (or reach it with Tab) to see its row in the table below.',
  'embedding.nearest.trained':
    'In a trained model, tokens used in similar ways tend to gather in this list. Not every token does: judge by the numbers.',
  'embedding.nearest.untrained':
    'This model is not trained yet, so its rows are random: these rows just happen to lie close, and the list means nothing.',
  'embedding.nearest.aria': 'id {id}: {text}, cosine {cos}',
  'embedding.tied': 'This model reuses the same table in the final “Linear” stage (tied weights).',
};
