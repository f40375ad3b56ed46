// English: the look-inside panel on the training page (look-inside.js).
export default {
  'train.inside.explain':
    'Look at the training model through the first page’s stage views. Every few seconds a copy (snapshot) of the model is taken and shown; training does not stop. On the attention stage, watch attention that starts spread evenly gather on particular tokens as the model learns.',
  'train.inside.model': 'Model',
  'train.inside.loaded': 'Loaded model: {name}',
  'train.inside.sentence': 'Sentence to try',
  'train.inside.snap': 'Snapshot now',
  'train.inside.auto': 'New snapshot every few seconds while training',
  'train.inside.at': 'Snapshot after step {step} · {time}',
  'train.inside.atLoaded': 'Model loaded from a file',
  'train.inside.none': 'Set up training or load a model to look inside.',
  'train.inside.tooLong': 'The sentence is too long for this model: {n} tokens (at most {max}). Please shorten it.',
};
