// @ts-check
// The inputs stage's controller (see web/stages.js): the engine's count of the sentence's characters, the ids its
// tokenizer gave the sentence (the tokens come with the view's state) and the vocabulary those ids point into.

/** No recorded tensor: the tokens and ids come with every inspection. */
export function tensors() {
  return [];
}

/**
 * The view's data: plain values computed by the engine.
 * @param {import('./stage-state.js').StageContext} ctx
 */
export function data({ tinyformer, model, inspection, text }) {
  const { type, vocab } = model.tokenizer; // vocab: (V) token texts, by id
  return {
    chars: tinyformer.splitChars(text).length, // code points of the sentence (a Hangul syllable is one)
    ids: Int32Array.from(inspection.ids), // (T)
    tokenizerType: type,
    vocab, // (V) token texts, by id
    unkId: vocab.indexOf('<unk>'),
  };
}
