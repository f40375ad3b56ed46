// English: the inputs stage (tf-stage-inputs).
export default {
  'inputs.lead': 'Before it enters the model, the sentence becomes a list of numbers in three steps.',
  'inputs.step.sentence': 'Sentence',
  'inputs.chars': '{n} characters (spaces included)',
  'inputs.arrow.split': 'The tokenizer cuts it into {kind} pieces → {n} tokens',
  'inputs.kind.char': 'character',
  'inputs.kind.word': 'word',
  'inputs.kind.jamo': 'jamo',
  'inputs.step.tokens': 'Tokens → ids',
  'inputs.tokens.hint':
    'Each token is looked up in the vocabulary and replaced by its number (id). The small number on top is the token’s position (counting from 0).',
  'inputs.legend.pos': 'position',
  'inputs.legend.token': 'token',
  'inputs.legend.id': 'id',
  'inputs.col.aria': 'position {pos}: token {text}, id {id}',
  'inputs.unknown': 'Dashed boxes are tokens missing from the vocabulary. They become the <unk> token (id {id}).',
  'inputs.arrow.collect': 'Keep only the numbers, in order',
  'inputs.step.ids': 'The list of numbers the model receives (token ids)',
  'inputs.ids.hint':
    '{n} tokens → {n} numbers. Order is information too: the same numbers in another order make a different list (see stage 3, positional encoding).',
  'inputs.vocab.title': 'Vocabulary: the {v} tokens the model knows',
  'inputs.vocab.hint':
    'An id is the token’s place in this vocabulary. Blue boxes are tokens of this sentence. Hover a token box above (or reach it with Tab and the arrow keys) to find it here.',
  'inputs.vocab.special': '<pad> · <bos> · <eos> · <unk> are special tokens: padding · start · end · unknown token.',
  'inputs.vocab.partial': 'The vocabulary is large, so only part of it is shown ({shown} of {v}).',
  'inputs.vocab.aria': 'id {id}: {text}',
};
