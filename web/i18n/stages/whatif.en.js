// English: the comparison box of the "what if" switches (whatif-panel) and the norm-placement switch of the
// Add & Norm stage. Keys start with whatif.
export default {
  'whatif.title': 'Does the prediction change? Compared with a model trained that way',
  'whatif.own':
    'The switch is on this model’s own setting, “{own}”. Pick another value to load a model trained with only that setting changed — same data, size, steps and seed — and see its next-token prediction for this sentence beside this model’s.',
  'whatif.loading': 'Loading the model trained with “{value}”…',
  'whatif.unavailable':
    'A comparison model trained with “{value}” exists only for the Korean demo model. Pick the Korean demo model to compare predictions.',
  'whatif.untrained': 'No comparison model trained with “{value}” is shipped. Values with one: {trained}.',
  'whatif.failed': 'The comparison model could not be loaded: {message}',
  'whatif.same':
    'Same data, same size, the same 3,000 steps and the same seed; only the “{setting}” setting differs. Every number comes from the engine running both models on this sentence.',
  'whatif.base': 'This model (“{value}”)',
  'whatif.variant': 'Model trained with “{value}”',
  'whatif.next': 'Next-token probabilities (top 5)',
  'whatif.continuation': 'Continuation (always the most likely token, {n} tokens)',
  'whatif.col.token': 'token',
  'whatif.col.p': 'probability',
  'whatif.verdict.topSame':
    'Both models put the same token first: “{a}” (probability: this model {pa}, the changed one {pb}).',
  'whatif.verdict.topDiffers': 'The most likely next token differs: “{a}” for this model, “{b}” for the changed one.',
  'whatif.verdict.textSame': 'The continuations are identical.',
  'whatif.verdict.textDiffers': 'The continuations differ.',
  'whatif.setting.positional': 'positional encoding',
  'whatif.setting.activation': 'activation function',
  'whatif.setting.norm': 'norm placement',
  'whatif.norm.switch': 'What if the norm sat elsewhere?',
};
