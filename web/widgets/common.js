// Attributes several widgets share, as their specs list them (widgets.json documents the same).
import { MODELS, modelsOf } from './store.js';

/** model: a shipped model; by default the one of the widget's language. */
export const MODEL = Object.freeze({
  name: 'model',
  type: 'enum',
  code: 'bad_model',
  choices: modelsOf('gpt'),
  default: (w) => (w.language === 'en' ? 'en-char' : 'ko-char'),
  describe: 'a shipped model: ko-char (Korean) or en-char (English); default: the one of lang',
});

/** layer: a block of the model, from 1 (its range is the loaded model's). */
export const LAYER = Object.freeze({
  name: 'layer',
  type: 'int',
  min: 1,
  max: (w) => w.config?.n_layer ?? 1,
  default: 1,
  describe: 'the layer, from 1',
});

/** sentence: the text the model reads; by default the model's own example. */
export const SENTENCE = Object.freeze({
  name: 'sentence',
  type: 'string',
  default: (w) => MODELS[w.option('model')]?.sentence ?? '',
  describe: 'the sentence the model reads; default: an example of the model',
});
