// English: the training page's own static text (train.html). Its views register their own strings.
export default {
  'train.page.title': 'tinyformer · Train it yourself',
  'train.page.tagline': 'Train a Transformer inside this browser tab and watch it learn',
  'train.nav.pipeline': '← Step by step',
  'train.nav.train': 'Train it yourself →',
  'train.page.modeTitle': 'What would you like to try?',
  'train.page.corpusTitle': 'What does it learn from? (the text)',
  'train.page.settingsTitle': 'Model and training settings',
  'train.page.liveTitle': 'Watch it train',
  'train.page.lensTitle': 'What do the optimizers actually do? (on real weights)',
  'train.page.driftTitle': 'Predicting from the truth vs writing on its own: how one mistake carries on',
  'train.page.insideTitle': 'Look inside the model while it trains',
  'train.page.fileTitle': 'Save and open models',
  'train.page.engine':
    'Engine: C++ → WebAssembly SIMD128 ({arch}) · training runs in a Web Worker, so the page never freezes',
  'train.page.engineFailed': 'The engine could not start: {message}',
  'train.page.unsavedReset': 'Starting over discards the model trained so far (it is not saved). Continue?',
};
