// English: the widgets for course pages (web/widgets/, embed.js, embed.html). Keys start with widget.
export default {
  'widget.loading': 'Loading the engine…',
  'widget.waiting': 'Starts when it scrolls into view.',
  'widget.source': 'Open in tinyformer',
  'widget.model.ko-char': 'Korean character model (trained)',
  'widget.model.en-char': 'English character model (trained)',

  'widget.tokens.title': 'Tokens and ids',
  'widget.tokens.caption': '“{sentence}” → {n} tokens. Under each chip: position · #vocabulary id.',
  'widget.tokens.unknown': 'Tokens the model’s vocabulary lacks: {n} (dashed chips).',

  'widget.attention.title': 'Attention weights',
  'widget.attention.caption':
    'Layer {layer} · {headName}. Rows: the token that looks; columns: the token looked at. Each row sums to 1.',
  'widget.attention.head': 'head {head}',
  'widget.attention.mean': 'mean of the heads',
  'widget.attention.mask': 'future token (masked: cannot be seen)',
  'widget.attention.rows': 'token that looks',
  'widget.attention.cols': 'token looked at',
  'widget.attention.layer': 'Layer',
  'widget.attention.headLabel': 'Head',
  'widget.attention.label': 'Attention weights heatmap',

  'widget.next.title': 'Next-token probabilities',
  'widget.next.caption':
    'What comes after “{sentence}”: the {k} most likely tokens (temperature {temperature}). The probabilities of the whole vocabulary sum to 1.',
  'widget.next.label': 'Next-token probabilities bar chart',
  'widget.next.detail': '#{id} · rank {rank}',

  'widget.unknown.title': 'tinyformer widget',
  'widget.race.title': 'Optimizer race',
  'widget.race.play': 'Start training',
  'widget.race.pause': 'Pause',
  'widget.race.again': 'Again from the start',
  'widget.race.restart': 'Start over',
  'widget.race.progress': 'step {step} / {steps}',
  'widget.race.step': 'training step',
  'widget.race.loss': 'loss',
  'widget.race.label': 'Training loss per optimizer',
  'widget.race.caption':
    'The same model, the same starting weights, the same batches (corpus: {corpus}). Every loss is the engine’s. Training rests while the widget is out of view.',
  'widget.race.last': 'Loss now: {losses}.',
  'widget.race.open': 'Go on in tinyformer →',
  'widget.race.optimizersRange':
    '1 to 4 kind:learning-rate pairs, comma-separated (kinds: {kinds}; a learning rate above 0, at most 10)',

  'widget.embedding.title': 'Input embedding',
  'widget.embedding.rows': 'token',
  'widget.embedding.cols': 'dimension',
  'widget.embedding.label': 'Embedding vectors per token heatmap',
  'widget.embedding.caption.token':
    '{T} tokens, a {C}-dimensional vector each: that token’s row of the embedding table. The same token gets the same row wherever it appears.',
  'widget.embedding.caption.position':
    'A {C}-dimensional vector per position (the places of {T} tokens): the position vectors the model learned.',
  'widget.embedding.caption.sum': 'Token vector + position vector ({T} × {C}): what the first layer receives.',

  'widget.positional.title': 'Positional encoding (sinusoids)',
  'widget.positional.position': 'position',
  'widget.positional.value': 'value',
  'widget.positional.dimension': 'dimension',
  'widget.positional.dim': 'dim {d}',
  'widget.positional.wavesLabel': 'Positional encoding waves per dimension',
  'widget.positional.tableLabel': 'Positional encoding table heatmap',
  'widget.positional.caption':
    '{T} positions × width {C}. Even dimensions are sines, odd ones cosines, and later dimensions wave more slowly. Every value is the engine’s.',
  'widget.positional.dimsRange': '1 to 8 dimensions from 0 to {max}, comma-separated',

  'widget.activation.title': 'Activation functions',
  'widget.activation.label': 'Activation function curves',
  'widget.activation.caption':
    'Each function for x from {from} to {to}. Every f(x) is computed by the engine’s kernel.',
  'widget.activation.toRange': 'a number above from',

  'widget.blank.title': 'Fill in the blank (CBOW)',
  'widget.blank.label': 'Probabilities of the words for the blank',
  'widget.blank.caption':
    'With particles split off: {words}. The mean of the surrounding words’ vectors ({context}) guesses the blank; the probabilities are the engine’s.',

  'widget.translate.title': 'Translation and cross-attention',
  'widget.translate.rows': 'English token written',
  'widget.translate.cols': 'Korean token read',
  'widget.translate.label': 'Cross-attention heatmap',
  'widget.translate.caption':
    '“{sentence}” → “{text}”. Decoder layer {layer} · {headName}: how much each English token, as it was written, looked at each Korean token. Each row sums to 1.',

  'widget.qkv.title': 'Attention, step by step',
  'widget.qkv.steps': 'Steps of attention',
  'widget.qkv.caption':
    'Layer {layer} · head {head}, sentence “{sentence}”. Every matrix is what the engine recorded while reading this sentence. Hover a cell or pick it with the arrow keys to see the formula with its numbers.',

  'widget.addnorm.title': 'Add & Norm',
  'widget.addnorm.attention': 'attention',
  'widget.addnorm.ffn': 'feed-forward',
  'widget.addnorm.row.input': 'x (the vector coming in)',
  'widget.addnorm.row.sub': '{sub} output',
  'widget.addnorm.row.sum': 'x + {sub} output',
  'widget.addnorm.row.norm': 'LayerNorm(sum)',
  'widget.addnorm.mean': 'mean μ',
  'widget.addnorm.std': 'std σ',
  'widget.addnorm.gamma':
    'LayerNorm moves each vector to mean 0 and spread 1, then multiplies by the learned γ and adds the learned β, so the last row need not be exactly 0 and 1. The means and spreads are the engine’s.',
  'widget.addnorm.label': 'Heatmap of one token’s four vectors',
  'widget.addnorm.dimension': 'dimension',
  'widget.addnorm.where': 'Token ‘{token}’, dimension k = {k} (0–{last}). Hover another cell for its dimension.',
  'widget.addnorm.caption.pre':
    'Token ‘{token}’, block {layer}. The residual connection adds the {sub} layer’s output to the vector it got. This model normalizes before each layer (pre-LN): the normalized sum is what the next layer reads.',
  'widget.addnorm.caption.post':
    'Token ‘{token}’, block {layer}. The residual connection adds the {sub} layer’s output to the vector it got. This model normalizes after the sum (post-LN): the normalized sum is what moves on.',

  'widget.forcing.title': 'Teacher forcing vs free-running',
  'widget.forcing.caption':
    'The model translating “{sentence}”. In training the decoder is fed the reference English one token at a time (teacher forcing); in use it is fed the token it just wrote (free-running). Every probability is the engine’s.',

  'widget.sagwa.title': 'Same word, different vectors: 사과',
  'widget.sagwa.caption':
    'The vectors of 사과 (apple, or apology) in {n} sentences, layer by layer, read by the Korean demo model.',

  'widget.train.title': 'Training in the tab',
  'widget.train.label': 'Training and held-out loss chart',
  'widget.train.trainLoss': '{name} training loss',
  'widget.train.heldOut': '{name} held-out loss',
  'widget.train.teacher': 'teacher forcing',
  'widget.train.free': 'free-running (own guess {p} of the time)',
  'widget.train.samples': 'What the model writes (newest first)',
  'widget.train.sampleStep': 'step {step} · {name}',
  'widget.train.diverged': 'The loss blew up, so training stopped. Try a smaller learning rate.',
  'widget.train.caption.train':
    'A small GPT learns from scratch (text: {corpus}). Solid: the training loss of each batch; dashed: the loss on text it never trains on. Training rests while the widget is off screen.',
  'widget.train.caption.tf':
    'The same model trained two ways (text: {corpus}): fed the text (teacher forcing), or now and then fed its own guesses (free-running). Training rests while the widget is off screen.',
  'widget.train.last': 'Held-out loss now: {losses}.',

  'widget.error.no_blank': 'There is no blank. Put one ___ where the word to guess goes (e.g. 나는 ___을 먹었다).',
  'widget.error.unknown_word': 'Unknown word: {word}. Use words from the text the vectors were trained on.',

  'widget.error.empty_reference':
    'The reference English is empty. Write an English sentence in the reference attribute or the box.',
  'widget.error.title': 'This widget cannot be shown',
  'widget.error.bad_model': 'Unknown model “{value}”. Models: {choices}.',
  'widget.error.bad_widget': 'Unknown widget “{value}”. Widgets: {choices}.',
  'widget.error.bad_attribute': 'The {name} attribute cannot be “{value}”. Allowed: {range}.',
  'widget.error.range': 'a whole number from {min} to {max}',
  'widget.error.empty_text': 'The sentence is empty: write one in the sentence attribute.',
  'widget.error.bad_utf16': 'The sentence has an unpaired surrogate (broken UTF-16) at character {position}.',
  'widget.error.too_long': 'The sentence is too long: {detail} tokens (at most {detail2}).',
  'widget.error.fetch_failed': 'Could not load a file: {message}',
  'widget.error.engine_failed': 'The engine could not start: {message}',
  'widget.error.internal': 'Something unexpected went wrong: {message}',
};
