// English: the teacher-forcing drift view on the training page (drift-view.js).
export default {
  'train.drift.explain':
    'When it writes, the model feeds each token it just produced back in as the next input (autoregressive). Once a wrong token comes out, that wrong token becomes the next input and the mistake carries on. Teacher forcing means always feeding the true previous token during training. Compare both on the same sentence.',
  'train.drift.model': 'Model',
  'train.drift.loaded': 'Loaded model',
  'train.drift.sentence': 'Sentence (from the training text)',
  'train.drift.own': 'Type my own',
  'train.drift.ownLabel': 'Sentence to compare',
  'train.drift.prefix': 'How many first tokens to give',
  'train.drift.run': 'Compare',
  'train.drift.auto': 'Compare again every few seconds while training',
  'train.drift.at': 'model after step {step}',
  'train.drift.key.truth': 'truth',
  'train.drift.key.teacher': '(a) teacher-forced',
  'train.drift.key.free': '(b) on its own',
  'train.drift.row.truth': 'the real sentence from the text',
  'train.drift.row.teacher': 'at each position, the next token the model rates most likely given the TRUE start',
  'train.drift.row.free':
    'given only the first few tokens, then its own predictions fed back in (temperature 0): a way of writing, not the “free-running” training setting',
  'train.drift.given': 'given start',
  'train.drift.first': 'leaves the text',
  'train.drift.legend':
    '✓ same as the truth · ≈ not the truth, but still a sentence of the training text · ✗ found nowhere in the training text · thick border = where it leaves the text · hatched = after it',
  'train.drift.judge':
    '(b) is not compared position by position with one sentence: the engine compares it with every sentence of the training text and finds where it stops reading as the start of any of them. Writing another training sentence is not a mistake.',
  'train.drift.summary.teacher': '(a) Teacher-forced: {ok} of {n} right.',
  'train.drift.summary.freeOk':
    '(b) On its own: all {n} match the truth. The model has memorised this sentence; try early in training or a new sentence.',
  'train.drift.summary.freeCorpus':
    '(b) On its own: it differs from the truth from token {pos} on, but to the end it is a sentence of the training text. It followed another training sentence, which is not a mistake: “{line}”',
  'train.drift.summary.free':
    '(b) On its own: from token {pos} on it is text found nowhere in the training text. Of the {after} tokens after that, {ok} match the truth at the same position; there (a) got {tfOk} right. The stray token became the next input and shook every token after it.',
  'train.drift.summary.freeFollowed': 'Up to there it followed a training sentence: “{line}”',
  'train.drift.tooShort': 'The sentence is too short: {n} tokens. It needs at least 2 more than the start to compare.',
  'train.drift.noModel': 'Set up training or load a model to compare.',
};
