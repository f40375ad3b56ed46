// English: the 사과 lesson (tf-sagwa-lesson.js).
export default {
  'sagwa.title': 'Is 사과 an apple? Same word, different meaning',
  'sagwa.lead':
    'In "사과의 의미로 사과를 구매해서 드렸다" (I bought apples and gave them as an apology) the first 사과 means apology and the second means apple. See whether the same word becomes a different vector inside the model depending on its context.',
  'sagwa.causal':
    'This (GPT-style) model only sees the words before a token, so these sentences put the deciding words (칼로 "with a knife", 빨간 "red" / 진심으로 "sincerely", 친구에게 "to a friend") before 사과.',
  'sagwa.layer': 'Where to look',
  'sagwa.layer0': 'right after the embedding (no context)',
  'sagwa.layerN': 'after block {n}',
  'sagwa.apple': 'apple',
  'sagwa.apology': 'apology',
  'sagwa.cosine': 'Cosine similarity: close to 1 means the same direction',
  'sagwa.within': 'same meaning: mean {v}',
  'sagwa.across': 'different meanings: mean {v}',
  'sagwa.embedNote':
    'Right after the embedding the vector comes from the letters of 사과 alone, so occurrences differ only by position, not by meaning.',
  'sagwa.map': '2-D map (principal component analysis, PCA): nearby points are similar vectors',
  'sagwa.attention': 'Where “{word}” looks (block {n}, heads averaged)',
  'sagwa.pick': 'Pick a sentence to see where its 사과 looks.',
  'sagwa.untrained': 'An untrained model shows no difference between the meanings. Pick a demo model above to see it.',
  'sagwa.error': 'This model cannot run the 사과 lesson: {message}',
  'sagwa.scale':
    'The left end of the colour bar is the smallest cosine in this table, the right end is 1 (not −1 to 1, so small differences show as colour). Each row is named by what the model has read up to that 사과: the word in […], and … for the rest of the sentence, which the model has not seen yet.',
  'sagwa.check.title': 'A check on sentences it never saw: can the vector alone tell the meaning?',
  'sagwa.check.how':
    'Measured by the engine on {n} sentences the demo model never saw in training ({apple} apple, {apology} apology). Half of them give each meaning’s centroid (the mean 사과 vector); each 사과 of the other half gets the meaning whose centroid is nearer (by cosine). Then the halves swap, so every sentence is judged once: the bars are the share judged right.',
  'sagwa.check.bar0': 'embedding',
  'sagwa.check.barN': 'after block {n}',
  'sagwa.check.barGuess': 'guess commoner',
  'sagwa.check.atEmbedding':
    'Right after the embedding the vectors get {acc} right. They hold the letters of 사과 and its position but no other word, so this is what position alone gives. Pick a block to compare the vectors after context.',
  'sagwa.check.above':
    'The vectors {layer} get {acc} of the {n} sentences right: {diff} percentage points above the better of the no-context embedding ({none}) and guessing ({maj}). The model sees nothing after 사과, so what they get right beyond position alone comes from the words before it.',
  'sagwa.check.notAbove':
    'The vectors {layer} get {acc} of the {n} sentences right, no better than the no-context embedding ({none}) or guessing ({maj}): at this layer the vectors cannot be said to tell the meanings apart.',
  'sagwa.check.limits':
    'What this check shows and what it does not: it is measured on sentences made from the same templates, split by two mean vectors. The model reads only the words before a token, so a sentence whose meaning is decided after 사과 (사과가 작았어요 “the apple was small”, 사과를 했다 “apologised”) cannot be judged at 사과. It is no proof that the model “understands” 사과.',
  'sagwa.check.measuring': 'Checking the meaning on {n} sentences the model never saw…',
};
