// English: the translation page (translate.html) and its views. Keys start with translate.
export default {
  'translate.page.title': 'tinyformer · Translation: the decoder asks the encoder',
  'translate.page.tagline':
    'Watch a tiny encoder–decoder Transformer turn Korean into English, then train one yourself',
  'translate.nav.watch': '← Step by step',
  'translate.nav.train': 'Train it yourself →',
  'translate.nav.here': 'Translation (cross-attention)',
  'translate.engine': 'Engine: C++ → WebAssembly SIMD128 ({arch}) · every number is computed by the engine',
  'translate.engineFailed': 'The engine could not start: {message}',

  'translate.model.label': 'Model',
  'translate.model.demo': 'Korean→English demo model (words)',
  'translate.model.trained': 'trained',
  'translate.model.tab': 'trained in this tab',
  'translate.model.shape':
    'encoder {enc} layers · decoder {dec} layers · {heads} heads · width {width} · Korean vocabulary {src} · English vocabulary {tgt} · {params} parameters',
  'translate.model.open': 'Open a model file (.safetensors)',
  'translate.model.loadFailed': 'Could not open {name}: {message}',
  'translate.model.wrongArch':
    'This file is a GPT (next-token) model. The translation page opens encoder–decoder (translation) models only; open GPT models on the step-by-step page.',
  'translate.model.usingTab': 'Now using the model trained in this tab (step {step}).',

  'translate.input.title': '1. Translate',
  'translate.input.notes':
    'As the learner’s notes put it, cross-attention finds how the words of the original relate to the words being written. Below you see that relation as numbers and as lines.',
  'translate.input.label': 'Type a Korean sentence',
  'translate.input.placeholder': 'e.g. 나는 밥을 먹었다',
  'translate.input.clear': 'Clear',
  'translate.input.examples': 'Examples',
  'translate.input.tiles': 'Build it from words the model knows',
  'translate.input.tilesMore': 'More words (all {n})',
  'translate.input.tilesLess': 'Fewer',
  'translate.input.explain':
    'The encoder reads the whole Korean sentence at once and turns it into a table of numbers (the memory). The decoder writes English one word at a time, and for every word it asks that memory: where should I look now? That question is cross-attention.',
  'translate.input.unknown':
    'The model does not know these words: {words}. It reads them as <unk> (unknown) and translates anyway. Build the sentence from the word tiles below to avoid unknown words.',
  'translate.input.english':
    'That looks like English. This model learned Korean → English only; please type a Korean sentence.',
  'translate.input.noSource': 'Type a Korean sentence and its translation appears here.',

  'translate.steps.title': 'The English comes out one word at a time',
  'translate.steps.explain':
    'The decoder looks at the English written so far and picks the next word. Step through and see where in the Korean it looked while writing each word (cross-attention, mean over heads).',
  'translate.steps.first': 'First',
  'translate.steps.prev': 'Back',
  'translate.steps.next': 'Next',
  'translate.steps.play': 'Play',
  'translate.steps.pause': 'Pause',
  'translate.steps.all': 'All',
  'translate.steps.counter': 'step {k} of {n}',
  'translate.steps.writing': 'Step {k}: writing ‘{token}’ (probability {p})',
  'translate.steps.looked': 'Korean tokens it looked at while writing it (layer {layer}, {head})',
  'translate.steps.eos': '<eos> is the signal “translation finished”.',
  'translate.steps.unfinished': 'It stopped at the length limit ({n} tokens) before writing <eos>.',
  'translate.steps.result': 'Translation',

  'translate.head.mean': 'mean of heads',
  'translate.head.one': 'head {n}',
  'translate.pick.layer': 'Layer',
  'translate.pick.head': 'Head',
  'translate.pick.layerOption': 'layer {n}',

  'translate.three.title': '2. Three attentions: where do Q, K and V come from?',
  'translate.three.explain':
    'The same attention computation is used in three places. What differs is where Q (the side that asks) and K, V (the side that answers) come from, and what is hidden (the mask). Every row sums to 1.',
  'translate.three.encoder': 'Encoder self-attention (Korean × Korean)',
  'translate.three.encoderQkv':
    'Q, K and V all from the Korean sentence · nothing masked: every token sees the whole sentence',
  'translate.three.decoder': 'Decoder self-attention (English × English)',
  'translate.three.decoderQkv':
    'Q, K and V all from the English written so far · causal mask: words not yet written are hidden',
  'translate.three.cross': 'Cross-attention (English × Korean)',
  'translate.three.crossQkv':
    'Q from the decoder (the English being written), K and V from the encoder output (the Korean) · only padding is masked',
  'translate.three.rowWriting': 'writing (Q)',
  'translate.three.rowKo': 'looking token (Q)',
  'translate.three.colKo': 'Korean token (K, V)',
  'translate.three.colEn': 'English written so far (K, V)',
  'translate.three.masked': 'masked = not written yet',
  'translate.three.rowLabel': '{k} → {token}',

  'translate.align.title': '3. Alignment: which English word looked at which Korean word?',
  'translate.align.explain':
    'The thicker and darker a line, the more the decoder looked at that Korean word while writing that English word. Korean puts the verb last (나는 밥을 먹었다), English second (I ate rice), so the lines cross.',
  'translate.align.rule':
    'How tokens become words (computed by the engine): a word pair’s weight = the mean over the English word’s tokens of the sum over the Korean word’s tokens, then the mean over heads. <bos>, <eos> and spaces belong to no word.',
  'translate.align.rest': '‘{word}’: {p} went to tokens that are not words (<bos>, <eos>)',
  'translate.align.ko': 'Korean',
  'translate.align.en': 'English',
  'translate.align.label': 'Cross-attention lines between English and Korean words',
  'translate.align.top': '‘{en}’ → looked most at ‘{ko}’ ({p})',
  'translate.align.none': 'Lines need words on both sides.',

  'translate.cross.title': '4. Cross-attention step by step, on the real matrices',
  'translate.cross.explain':
    'The decoder’s Q and the encoder’s K and V go through the same eight steps as the GPT’s attention. Rows are the steps writing English, columns the Korean tokens. Every number is one the engine recorded.',
  'translate.cross.pad': 'Add {n} <pad> tokens, as in a training batch (to see the padding mask)',
  'translate.cross.step.qkv': 'Q·K·V',
  'translate.cross.step.scores': 'QKᵀ',
  'translate.cross.step.scale': '÷√d',
  'translate.cross.step.mask': 'padding mask',
  'translate.cross.step.softmax': 'softmax',
  'translate.cross.step.weighted': '× V',
  'translate.cross.step.concat': 'concat heads',
  'translate.cross.step.proj': '× W_O',
  'translate.cross.qkv.explain':
    'Q is the decoder-side input X_dec (what the English written so far became) times W_Q; K and V are the encoder’s output memory (the Korean) times W_K and W_V. So Q has {T} rows and K and V have {S}.',
  'translate.cross.qkv.xdec': 'X_dec: the decoder-side input ({name})',
  'translate.cross.qkv.memory': 'memory: the encoder output (enc.out)',
  'translate.cross.qkv.weights': 'Show W_Q, W_K, W_V (head {h}’s share)',
  'translate.cross.scores.explain':
    'One row of Q (English side) dotted with one row of K (Korean side) gives one score. The larger it is, the better this Korean token fits the word being written. Hover over a cell to see the two vectors.',
  'translate.cross.scale.explain':
    'Dividing by √d (d = one head’s width) keeps the scores in range, so the softmax does not pile onto a single cell.',
  'translate.cross.mask.explain':
    'Cross-attention has no causal mask: the encoder has already read the whole Korean sentence, so any position may be seen. Only <pad> (blanks added to make sentences the same length) is hidden. Tick the box above to see the <pad> columns become −∞.',
  'translate.cross.mask.note': '−∞ = <pad> is not looked at',
  'translate.cross.mask.none': 'There is no <pad> now, so nothing is masked.',
  'translate.cross.softmax.explain':
    'Each row is exponentiated and divided by its sum, giving shares. Every row sums to 1 (the right column adds up the engine’s numbers as a check). <pad> columns are exactly 0.',
  'translate.cross.softmax.sum': 'sum (check)',
  'translate.cross.weighted.explain':
    'Each English position mixes the Korean side’s V rows by those shares: the information it takes from the Korean.',
  'translate.cross.concat.explain':
    'The {H} heads’ outputs ({d} columns each) side by side make {C} columns again. The orange outline is the chosen head.',
  'translate.cross.proj.explain':
    'Multiplying by W_O mixes the heads: this is the cross-attention’s output, added to the decoder’s residual.',
  'translate.cross.pickHead': 'These steps show one head at a time; showing head 1 instead of the mean.',

  'translate.forcing.title': '5. Teacher forcing vs free-running (translation)',
  'translate.forcing.explain':
    'In training, the decoder is fed the reference English (teacher forcing). In use, it is fed the words it just wrote (free-running). One mistake while free-running becomes the input for the next word, so mistakes can carry on.',
  'translate.forcing.reference': 'Reference English (you can change it)',
  'translate.forcing.position': 'position',
  'translate.forcing.should': 'reference',
  'translate.forcing.forced': 'teacher forcing: top word',
  'translate.forcing.free': 'free-running: written',
  'translate.forcing.refProb': 'p(reference)',
  'translate.forcing.same': 'Free-running matches the reference to the end.',
  'translate.forcing.first':
    'Free-running first leaves the reference at position {k}: ‘{got}’ instead of ‘{want}’. From there on it continues from its own words.',
  'translate.forcing.forcedMistakes':
    'Positions where teacher forcing’s top word is not the reference: {n} · loss {loss}',
  'translate.forcing.refHint':
    'Try changing the reference on purpose (I ate rice → I ate bread). Teacher forcing is put back on the reference at every position; free-running goes its own way.',

  'translate.trainCard.title': '6. Train one from scratch in this tab',

  'translate.error.wrong_arch':
    'This file is a GPT (next-token) model. The translation page opens encoder–decoder (translation) models only.',
};
