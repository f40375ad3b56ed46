// English: the samples timeline on the training page (samples.js).
export default {
  'train.samples.title': 'What the model writes',
  'train.samples.explain':
    'Whenever the loss has visibly changed, the current model continues the prompt (temperature 0.8). At first it writes random characters; as it learns, words and sentences appear.',
  'train.samples.timeline': 'Rewind',
  'train.samples.timelineAt': 'as it was at step {step}',
  'train.samples.timelineLive': 'now (following)',
  'train.samples.loss': 'loss {loss}',
  'train.samples.prompt': 'Prompt',
  'train.samples.now': 'Write now',
  'train.samples.step': 'step {step}',
  'train.samples.none': 'Samples appear here once training starts.',
};
