// English: the word-vector page (words.html) and its views. Keys start with words.
export default {
  'words.page.title': 'tinyformer · Word vectors: learning where words belong by filling blanks',
  'words.page.tagline': 'Watch CBOW learn word vectors from Korean sentences, then train them yourself',
  'words.nav.watch': '← Step by step',
  'words.nav.train': 'Train it yourself',
  'words.engine': 'Engine: C++ → WebAssembly SIMD128 ({arch}) · every number is computed by the engine',
  'words.engineFailed': 'The engine could not start: {message}',

  'words.model.label': 'Word vectors',
  'words.model.demo': 'Pre-trained word vectors (particle-split corpus)',
  'words.model.trained': 'trained',
  'words.model.tab': 'trained in this tab',
  'words.model.tabName': 'Word vectors trained in this tab · step {step}',
  'words.model.shape': '{vocab} words · {dim} dimensions · window {window} on each side · mode {mode}',

  'words.window.title': '1. The blank and its window: how training pairs are made',
  'words.window.explain':
    'CBOW hides one word of a sentence (the blank) and learns to guess it from the words inside the window on either side (the context). Sliding the window word by word makes one training pair per word. Click a word to make it the blank.',
  'words.window.label': 'Sentence (words are separated by spaces)',
  'words.window.blank': 'blank',
  'words.window.context': 'context',
  'words.window.prev': '← previous word',
  'words.window.next': 'next word →',
  'words.window.vectorsTitle': 'The context words’ input vectors and their mean',
  'words.window.vectorsExplain':
    'CBOW averages the input vectors of the context words in the window (the last row) and scores every word’s output vector against that mean. The probability and loss above come from it.',
  'words.window.mean': 'mean',
  'words.window.pairsTitle': 'The training pairs this sentence makes (context → word to guess)',
  'words.window.pairLoss': 'Probability the current vectors give the right word: {prob} · loss {loss}',
  'words.window.unknown': 'unknown word',
  'words.window.position': 'Blank at word {n} of {total}',

  'words.train.title': '2. Train and watch',
  'words.train.explain':
    'Press train and the word vectors are learned again from random values, in a worker beside the page, so the page never stalls. Watch the points (words) move on the map and gather by kind (colour), and the nearest-word lists change.',
  'words.corpus.legend': 'Text to train on',
  'words.corpus.split': 'Particles split off (나 는 밥 을 먹었다)',
  'words.corpus.raw': 'Space-separated as written (나는 밥을 먹었다)',
  'words.corpus.own': 'My own text',
  'words.corpus.why':
    'Why split the particles? Korean glues particles to words. Split only at spaces, 고양이는, 고양이가 and 고양이를 become three different words: the examples of one word are shared among several rare ones, and none is learned well. Train on both texts and compare the cluster score.',
  'words.corpus.sample': 'e.g. {sample}',
  'words.own.label': 'My text (one sentence per line)',
  'words.own.placeholder': '고양이는 귀엽다\n강아지는 귀엽다\n나는 밥을 먹었다',
  'words.own.limits':
    'Particles are split by a simple rule: the longest known particle at a word’s end (은/는, 이/가, 을/를, 에서 …) is cut only if it fits the final consonant. With no dictionary it makes mistakes: a word never seen with a particle may be cut (고양이 → 고양 + 이), verb endings such as 먹었다 and 먹어요 are not split, and stacked particles such as 학교에서는 lose only the last one.',
  'words.train.window': 'Window (each side)',
  'words.train.tableLabel': 'Vectors for the map and neighbours',
  'words.table.output': 'output vectors',
  'words.table.input': 'input vectors',
  'words.train.start': 'Train from scratch',
  'words.train.stop': 'Pause',
  'words.train.resume': 'Resume',
  'words.train.reset': 'Back to the pre-trained vectors',
  'words.train.running': 'Training · step {step} of {total} · loss {loss} · {seconds} s',
  'words.train.done': 'Done · step {step} · loss {loss} · {seconds} s',
  'words.train.stopped': 'Paused · step {step} · loss {loss}',
  'words.train.diverged': 'Training diverged and stopped (the loss grew instead of falling). Train again from scratch.',
  'words.train.shown': 'Showing the pre-trained word vectors. Press train to learn them again from scratch.',

  'words.err.empty': 'The text is empty. Write one sentence per line.',
  'words.err.oneWord':
    'Too few words. To guess a blank from its context, the text needs a few sentences of several words.',
  'words.err.tooLarge': 'The text is too large ({size} MB; at most {limit} MB). Paste a part of it.',
  'words.err.noKorean':
    'This text has no Korean. It trains as it is, but the particle split does nothing, and only words in the Korean word list get a colour and count in the cluster score.',
  'words.err.wideWindow':
    'The window ({window} on each side) is wider than the longest sentence. It trains, but the places beyond the sentence are simply empty: it does not see further.',
  'words.err.noCategories': 'None of this text’s words has a known kind, so the cluster score cannot be measured.',
  'words.err.failed': 'Training could not start: {message}',

  'words.map.title': 'Word map (2-D PCA)',
  'words.map.explain':
    'The vectors pressed onto the two directions in which they spread most. Close points are words used in similar places. Click a point to see its neighbours.',
  'words.map.axes': 'Variance along the horizontal axis: {x} · vertical: {y}',
  'words.map.label': 'word map',
  'words.category.people': 'people',
  'words.category.animals': 'animals',
  'words.category.foods': 'foods',
  'words.category.places': 'places',
  'words.category.times': 'times',
  'words.category.verbs': 'verbs',
  'words.category.adjectives': 'adjectives',
  'words.category.things': 'things',
  'words.category.feelings': 'feelings',
  'words.category.numbers': 'numbers',
  'words.category.other': 'other (particles, …)',

  'words.near.title': 'Nearest words (cosine similarity)',
  'words.near.explain':
    'The words whose vectors point most nearly the same way as the chosen word’s. Closer to 1 is more alike.',
  'words.near.pick': 'Word',
  'words.near.same': 'same kind',

  'words.loss.title': 'Loss (lower: the blank is guessed better)',
  'words.loss.series': 'training loss',
  'words.loss.x': 'step',
  'words.loss.y': 'loss',
  'words.score.title': 'Cluster score',
  'words.score.chart': 'The cluster score over training',
  'words.charts.empty': 'Press train: the loss and the cluster score are drawn step by step.',
  'words.score.explain':
    'Of the words whose kind is known, the share of the three nearest neighbours of the same kind (the kinds colour the map and measure it; training never sees them).',
  'words.score.now':
    'Same-kind neighbours {share} (chance {chance}) · mean cosine within a kind {within} · across kinds {across} · gap {gap} · {words} words measured',
  'words.score.share': 'same-kind neighbours',
  'words.score.gap': 'cosine gap (within − across)',

  'words.heat.title': 'Input and output vectors',
  'words.heat.explain':
    'Every word has two vectors: an input vector used when it is context, and an output vector that scores it as a candidate for the blank. The rows of the {n} most frequent words are shown. Red is positive, blue negative.',
  'words.heat.input': 'Input vectors (as context)',
  'words.heat.output': 'Output vectors (as a candidate)',
  'words.heat.cols': 'dimension',
  'words.heat.rows': 'word',

  'words.blank.title': '3. Fill in the blank',
  'words.blank.explain':
    'Put one ___ in a sentence: the mean of the context words’ input vectors scores every word, and the likeliest candidates are shown. A particle glued to the blank is its own word: write 나는 ___을 먹었다.',
  'words.blank.label': 'A sentence with a blank (___)',
  'words.blank.examples': 'Examples',
  'words.blank.guess': 'guess',
  'words.blank.prob': 'probability',
  'words.blank.read': 'Words the engine read: {words}',
  'words.blank.noBlank': 'There is no blank. Put one ___ where the word to guess goes (e.g. 나는 ___을 먹었다).',
  'words.blank.unknown': 'Unknown word: {word}. Use words from the text the vectors were trained on.',
  'words.blank.empty': 'Write a sentence.',
  'words.compare.title': '4. Compare: one per word, one per token, one per word in context',
  'words.compare.explain':
    'The word vectors above have one vector per word: the same word is the same vector in every sentence. A GPT’s input embedding too has one row per token. Only after the blocks does the same word become a different vector in each sentence (a contextual vector). Here the same word is seen three ways: on the left the word vectors (CBOW), in the middle and on the right the pre-trained Korean GPT (character level).',
  'words.compare.word': 'Word',
  'words.compare.sentences': 'Sentences and senses',
  'words.compare.format':
    'One sentence per line, the sense after | (e.g. 나는 빨간 사과를 샀다 | apple). When the word occurs twice in a sentence, give the senses in order, separated by commas. A sentence without a sense is left out of the averages.',
  'words.compare.sense.apple': 'apple',
  'words.compare.sense.apology': 'apology',
  'words.compare.cbowTitle': 'Word vectors (CBOW): one per word',
  'words.compare.cbowExplain':
    'The word’s one row of the word-vector table ({table}, {dim} dimensions). In every sentence below this word is this one vector. Its nearest neighbours:',
  'words.compare.cbowSenses':
    'In this corpus 사과 means the fruit in every sentence but one, so its one vector sits with the fruit, and its neighbours are foods. Even on a corpus with both senses in equal measure, a word vector can only blend the two senses into one vector.',
  'words.compare.embedTitle': 'GPT input embedding: one per token',
  'words.compare.embedExplain':
    'The character-level GPT reads this word as the tokens {tokens} and takes their rows from its embedding table ({dim} dimensions): the same rows in every sentence. Below, the cosine between the rows of the last token taken in each sentence.',
  'words.compare.cosTitle': 'Cosine similarity between sentences',
  'words.compare.contextTitle': 'GPT contextual vectors: one per word in context',
  'words.compare.contextExplain':
    'The hidden vector at the word’s last token after the blocks. It differs from sentence to sentence, and sentences with the same sense come closer. A GPT only sees what comes before, so the sentences put the words that decide the sense before the word (the same engine function as the 사과 lesson on the watch page).',
  'words.compare.layer': 'Where to look',
  'words.compare.layer0': 'right after the embedding (position vectors added)',
  'words.compare.layerN': 'after block {n}',
  'words.compare.groups': 'same sense: mean {within} ({wp} pairs) · different senses: mean {across} ({ap} pairs)',
  'words.compare.noGroups': 'At least two sentences need a sense to average by sense.',
  'words.compare.occurrences': 'Sentences (the numbers in the tables)',
  'words.compare.unlabelled': 'no sense',
  'words.compare.model':
    'GPT: the pre-trained Korean character model ({layers} layers, {dim} dimensions, {vocab} tokens)',
  'words.compare.loading': 'Loading the GPT…',
  'words.compare.empty': 'Write a word and sentences that contain it.',
  'words.compare.notFound': 'The word does not occur in these sentences: {word}',
  'words.compare.unknownGpt':
    'The GPT cannot read this word, it has a character the GPT does not know: {word}. Pick a word written with characters of the pre-trained Korean sentences.',
  'words.compare.unknownCbow':
    'Not a word of the word vectors: {word}. Its neighbours cannot be shown; the GPT side of the comparison still is.',
  'words.compare.tooLong':
    'A sentence is longer than the GPT reads at once ({detail} tokens, at most {detail2}). Split it.',
};
