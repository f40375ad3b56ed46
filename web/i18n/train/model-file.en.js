// English: the model-file card on the training page (model-file.js).
export default {
  'train.file.saveTitle': 'Save the trained model',
  'train.file.saveExplain':
    'Weights, token list, settings and optimizer state go into one .safetensors file. Open it here again later, or use it with the command-line tool (tinyformer generate --model …).',
  'train.file.which': 'Model to save',
  'train.file.save': 'Save model (.safetensors)',
  'train.file.saved': 'Saved the model after step {step}: {name} ({kb} KB).',
  'train.file.again': 'Download again',
  'train.file.loadTitle': 'Open a model file',
  'train.file.loadExplain':
    'Open a .safetensors file trained here or with the command-line tool: its settings appear, and “Look inside” and the teacher-forcing comparison above can use it.',
  'train.file.open': 'Open a .safetensors file…',
  'train.file.loaded': 'Opened {name}.',
  'train.file.failed': 'Cannot open {name}: {message}',
  'train.file.config':
    '{L} layers · {H} heads · width {C} · context {T} · {V} tokens · {P} parameters · positions {pos} · norm {norm} · activation {act} · tokens {tok}',
  'train.file.sample': 'The model’s most likely continuation of “{prompt}”:',
  'train.file.none': 'No trained model yet.',
  'train.error.checkpoint_corrupt': 'The model file is damaged or not in safetensors format: {message}',
  'train.error.checkpoint_invalid': 'The model file’s contents are not valid: {message}',
  'train.error.checkpoint_mismatch': 'The model file’s tensors do not match its settings: {message}',
  'train.error.bad_tokenizer': 'The model file’s token list is not valid: {message}',
  'train.error.wrong_arch':
    'This file holds a translation (encoder–decoder) model. Only next-token (GPT) models can be trained on here.',
};
