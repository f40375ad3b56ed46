// English: the corpus picker on the training page (corpus-picker.js).
export default {
  'train.corpus.builtin': 'Built-in text',
  'train.corpus.own': 'My own text',
  'train.corpus.name.ko-small': 'Short Korean sentences (the notes’ examples)',
  'train.corpus.name.ko': 'Korean sentences',
  'train.corpus.name.en': 'English sentences',
  'train.corpus.name.sagwa': '“사과” sentences (apple / apology)',
  'train.corpus.name.ko-words': 'Korean sentences with particles split off (고양이 는 귀엽다)',
  'train.corpus.lang.ko': 'Korean',
  'train.corpus.lang.en': 'English',
  'train.corpus.preview': 'Preview the text',
  'train.corpus.textLabel': 'The text the model learns from',
  'train.corpus.placeholder': 'Paste or type text here. E.g. 나는 밥을 먹었다. The cat is cute. …',
  'train.corpus.file': 'Open a .txt file',
  'train.corpus.fileLoaded': 'Opened {name} ({bytes} bytes).',
  'train.corpus.waiting':
    'The model on screen still learned from the earlier text. “Start over” trains a new one on this text.',
  'train.corpus.waitingError':
    'This text cannot be trained on yet. The model on screen stays as it learned from the earlier text.',
  'train.corpus.bytes': '{chars} characters · {bytes} bytes',
  'train.corpus.notInLink':
    'The text is longer than {max} bytes, so the share link does not include it. Whoever opens the link needs the same text for the same experiment.',
  'train.corpus.linkEmpty': 'This link is an experiment on someone’s own text. Paste the same text again.',
  'train.corpus.checking': 'The engine is reading the text…',
  'train.corpus.vocab': 'Vocabulary the engine built: {n} tokens',
  'train.corpus.split': '{train} tokens to train on · {val} tokens held out for evaluation',
  'train.corpus.noSplit':
    '{train} tokens to train on. The text is too short to hold part of it out, so the evaluation loss is measured on the training text too.',
  'train.corpus.moreVocab': '… and {n} more',
  'train.corpus.loadFailed': 'Could not load the built-in text: {file}',
  'train.error.corpus_too_short':
    'The text is too short: {detail} tokens. This model needs {detail2} tokens at once (context length + 1). Add text or shorten the context.',
  'train.error.text_too_large': 'The text is too large: {detail} bytes. At most {detail2} bytes can be trained on.',
  'train.error.invalid_utf8':
    'The text has a broken character: byte {detail} is not UTF-8. Save the file as UTF-8 and open it again.',
  'train.error.binary_text': 'This does not look like a text file (byte {detail} is NUL). Please pick a .txt file.',
  'train.error.empty_text': 'The text is empty. Please add some text to learn from.',
  'train.error.bad_config': 'The model settings do not fit: {message}',
  'train.error.bad_train_config': 'The training settings do not fit: {message}',
  'train.error.bad_optimizer_config': 'The optimizer settings do not fit: {message}',
};
