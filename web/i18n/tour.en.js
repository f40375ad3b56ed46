// The tour's English strings: the same keys as tour.ko.js, written as English, not translated word for word.
export default {
  'tour.page.title': 'tinyformer · guided tour',
  'tour.page.tagline': 'Thirteen steps through a Transformer, on a small model that is alive',
  'tour.nav.watch': '← Watch the model',
  'tour.nav.label': 'Tour chapters',
  'tour.progress': 'Chapter {n} of {total}',
  'tour.prev': '← Previous',
  'tour.next': 'Next →',
  'tour.look': 'Look at',
  'tour.goto': 'Go to the highlighted part',
  'tour.try': 'Try one thing',
  'tour.tried': 'Good: the model computed new numbers. The question below is open now.',
  'tour.predict': 'Predict first',
  'tour.locked': 'Do the one thing above and the question opens.',
  'tour.choices': 'Pick an answer',
  'tour.right': 'Right!',
  'tour.wrong': 'Not quite. Here is what the model says.',
  'tour.waiting': 'Waiting for the model to finish…',
  'tour.takeaway': 'Takeaway',
  'tour.highlight': 'Highlighted: {what}',
  'tour.loading': 'Loading the model…',
  'tour.error': 'This chapter could not be shown: {message}',
  'tour.unknownChapter': 'There is no chapter called {chapter}; starting from the first one.',
  'tour.same': 'the same',
  'tour.different': 'different',
  'tour.yes': 'yes',
  'tour.no': 'no',
  'tour.layerHead': 'layer {layer} · head {head}',
  'tour.layerMean': 'layer {layer} · mean of the heads',
  'tour.layer': 'layer {layer}',
  'tour.temperature': 'temperature {t}',

  'tour.ch.tokens.title': '1. A sentence is ordered data',
  'tour.ch.tokens.look':
    'Language processing is processing data that comes in order. The highlighted boxes are the tokens the model reads, each with its position and its id.',
  'tour.ch.tokens.highlight': 'the token boxes (position and id)',
  'tour.ch.tokens.try': 'Pick another sentence and watch the tokens change.',
  'tour.ch.tokens.question':
    'This model reads one character at a time, spaces included. How many tokens is “{sentence}”?',
  'tour.ch.tokens.reveal': '{n} tokens. The model’s cut: {tokens}',
  'tour.ch.tokens.takeaway': 'The model reads a sentence as a row of tokens and gives every token a number (its id).',

  'tour.ch.embedding.title': '2. Input embedding: letters become numbers',
  'tour.ch.embedding.look':
    'A computer cannot read letters as they are, so each one is turned into numbers, like a secret code. One row of the highlighted table is one token’s numbers (its vector).',
  'tour.ch.embedding.highlight': 'the embedding table: one row per token',
  'tour.ch.embedding.try': 'Pick another sentence. The same character always gets the same row.',
  'tour.ch.embedding.question':
    'In the trained embedding table, which token’s row is most like the row of “{token}” (the largest cosine)?',
  'tour.ch.embedding.reveal':
    'Most alike: {best} (cosine {cosBest}). The farthest of the choices: {worst} (cosine {cosWorst}).',
  'tour.ch.embedding.takeaway':
    'An embedding is a learned row of numbers per token; tokens used alike end up with similar rows.',

  'tour.ch.positional.title': '3. Positional encoding: remembering the order',
  'tour.ch.positional.look':
    '“the cat is cute” and “is the cat cute” do not feel the same. Positional encoding helps the model remember where each letter sits. Above: the sine and cosine waves; below (highlighted): what the model actually receives, token vector plus position vector.',
  'tour.ch.positional.highlight': 'the model’s input: token vectors plus position vectors',
  'tour.ch.positional.try': 'Pick the sentence with the words reordered and watch the lower table change.',
  'tour.ch.positional.question': 'In “{a}” and in “{b}”, does the token “{token}” enter the model as the same numbers?',
  'tour.ch.positional.reveal':
    'Position {p1} → position {p2}. The first number of its row: {v1} vs {v2}. Answer: {answer}.',
  'tour.ch.positional.takeaway':
    'The same token at another place is another input. This model learned its position vectors; the waves are the fixed kind of the original paper.',

  'tour.ch.attention.title': '4. Multi-head self-attention',
  'tour.ch.attention.look':
    'The model focuses on the tokens that matter. In the highlighted map each row is a token looking, each column a token looked at; darker means more attention. Hatched cells are later tokens, hidden because they have not come yet.',
  'tour.ch.attention.highlight': 'the attention map: each row sums to 1',
  'tour.ch.attention.try': 'Pick another layer and head. Each head looks at different places.',
  'tour.ch.attention.question': 'In {where}, which token does the row of the last token “{token}” look at most?',
  'tour.ch.attention.reveal': 'It looks most at {answer} (weight {weight}).',
  'tour.ch.attention.takeaway':
    'Self-attention decides, in numbers, how much each token looks at every token before it.',

  'tour.ch.qkv.title': '5. MatMul and softmax: Q, K, V',
  'tour.ch.qkv.look':
    'Multiplying the embeddings by weight matrices (MatMul) gives Query, Key and Value. Q·Kᵀ are the scores; divide by √d, hide the future, softmax them (exp over the sum) into weights, and sum the values with those weights.',
  'tour.ch.qkv.highlight': 'the attention steps for one query token',
  'tour.ch.qkv.try': 'Pick another query token.',
  'tour.ch.qkv.question': 'In layer 1, head 1: which key gets the highest score (Q·Kᵀ ÷ √d) from the query {token}?',
  'tour.ch.qkv.reveal': 'Highest score: {answer} ({score}). Its weight after softmax: {prob}.',
  'tour.ch.qkv.takeaway':
    'The key with the highest score also gets the largest weight: softmax keeps the order and makes the row sum to 1.',

  'tour.ch.addnorm.title': '6. Add & Norm',
  'tour.ch.addnorm.look':
    'Processing can leave numbers too large or too spread out to use. The input is added back (the residual), and layer norm evens the numbers out.',
  'tour.ch.addnorm.highlight': 'one token’s residual sum and layer norm',
  'tour.ch.addnorm.try': 'Pick another token.',
  'tour.ch.addnorm.question':
    'In layer 1, for the token {token}: is its vector more spread out (larger variance) before the norm, as the residual sum, or after it?',
  'tour.ch.addnorm.reveal': 'Variance before the norm {before}, after {after}. More spread out: {answer}.',
  'tour.ch.addnorm.before': 'before the norm',
  'tour.ch.addnorm.after': 'after the norm',
  'tour.ch.addnorm.takeaway':
    'Layer norm gives each token’s numbers a steady mean and spread, so the next layer always gets numbers of a similar size.',

  'tour.ch.ffn.title': '7. Feed forward and activation functions',
  'tour.ch.ffn.look':
    'The feed-forward layer takes what came in and makes new information from it. In its middle is an activation function (ReLU, GELU, sigmoid…): the highlighted curves.',
  'tour.ch.ffn.highlight': 'the activation curves',
  'tour.ch.ffn.try': 'Pick another set of functions and compare the curves.',
  'tour.ch.ffn.question': 'At x = −1, which of these gives a value below zero?',
  'tour.ch.ffn.reveal': 'At x = −1: {values}. Below zero: {answer}. This model uses {model}.',
  'tour.ch.ffn.takeaway':
    'The activation decides how much of a negative number gets through: ReLU none, GELU a little.',

  'tour.ch.output.title': '8. Linear and softmax: picking the next token',
  'tour.ch.output.look':
    'At the end the model gives every possible next token a probability and picks the likeliest. The highlighted bars are those probabilities.',
  'tour.ch.output.highlight': 'the next-token probability bars',
  'tour.ch.output.try': 'Change the temperature: lower makes the favourite stand out, higher spreads the chances.',
  'tour.ch.output.question': 'At temperature {t}, which token gets the highest probability after “{sentence}”?',
  'tour.ch.output.reveal':
    'The favourite: {answer} (probability {prob}). Always taking the favourite, the model writes: “{text}”',
  'tour.ch.output.takeaway': 'Generating text is picking one next token and appending it, again and again.',

  'tour.ch.forcing.title': '9. Autoregression and teacher forcing',
  'tour.ch.forcing.look':
    'Writing token after token on its own, a model can lose the thread of the source, and the result falls short. In training it is fed the right tokens instead: teacher forcing. Below, the same small model is being trained both ways in this tab.',
  'tour.ch.forcing.highlight': 'teacher forcing next to free running',
  'tour.ch.forcing.try': 'Pick another sentence.',
  'tour.ch.forcing.question':
    'Translating “{source}” on its own, with no reference to lean on, will the model write exactly the reference (“{reference}”) to the end?',
  'tour.ch.forcing.reveal':
    'On its own it writes: “{free}”. First place it parts from the reference: {first}. Answer: {answer}.',
  'tour.ch.forcing.none': 'none',
  'tour.ch.forcing.takeaway':
    'Teacher forcing lets the model learn each step from the right words; on its own, one slip is built upon.',

  'tour.ch.cross.title': '10. Cross-attention: translation',
  'tour.ch.cross.look':
    'Cross-attention ties the words being written to the words of the source. In the highlighted map each row is an English token being written, each column a Korean token the encoder read.',
  'tour.ch.cross.highlight': 'the cross-attention map',
  'tour.ch.cross.try': 'Pick another layer.',
  'tour.ch.cross.question':
    'In decoder layer {layer}, writing its first English token (“{word}”), which Korean token does it look at most? (mean of the heads)',
  'tour.ch.cross.reveal': 'It looks most at {answer} (weight {weight}). Translation: “{text}”',
  'tour.ch.cross.takeaway':
    'For every English token it writes, the decoder chooses again where to look in the Korean sentence.',

  'tour.ch.cbow.title': '11. Word embeddings and CBOW: fill the blank',
  'tour.ch.cbow.look':
    'Word embeddings gather similar concepts together. CBOW learns by guessing a blank from the words around it, its context. The highlighted bars are the chances of each word for the blank.',
  'tour.ch.cbow.highlight': 'the blank’s candidate bars',
  'tour.ch.cbow.try': 'Pick another sentence with a blank.',
  'tour.ch.cbow.question': 'Which word does CBOW rate highest for the blank in “{sentence}”?',
  'tour.ch.cbow.reveal': 'Its first choice: {answer} (probability {prob}).',
  'tour.ch.cbow.takeaway':
    'Guessing blanks from the mean of the neighbours’ vectors pulls words that fit the same places close together.',

  'tour.ch.race.title': '12. SGD vs Adam',
  'tour.ch.race.look':
    'SGD works through the problems one step at a time. Adam keeps moving averages of each parameter’s gradients and sizes each step by how much they vary. Same model, same seed, same data, really trained in this tab: the curves are the losses.',
  'tour.ch.race.highlight': 'the optimizer race’s start button',
  'tour.ch.race.try': 'Press the highlighted start button. Answer the question while the curves are drawn.',
  'tour.ch.race.question': 'When step {steps} is done, which one will have the lower loss?',
  'tour.ch.race.reveal': 'Losses after {steps} steps: {losses}. Lower: {answer}.',
  'tour.ch.race.takeaway': 'From the same start, the optimizer and its learning rate decide how fast the loss falls.',

  'tour.ch.sagwa.title': '13. 사과: one word, two meanings',
  'tour.ch.sagwa.look':
    'In “사과의 의미로 사과를 구매해서 드렸다” (“as an apology, I bought apples and gave them”) the two 사과 mean different things. The embedding table gives them one row; after the layers mix in the context, their vectors differ.',
  'tour.ch.sagwa.highlight': 'the vectors of 사과 compared',
  'tour.ch.sagwa.try': 'Press one of the highlighted layer buttons.',
  'tour.ch.sagwa.question':
    'The lesson’s {n} sentences give every 사과 the same input row (cosine {input}). After the last layer, are two 사과 of the same meaning more alike than two of different meanings?',
  'tour.ch.sagwa.reveal':
    'Mean cosine after the last layer: same meaning {within}, different meanings {across}. Answer: {answer}.',
  'tour.ch.sagwa.takeaway':
    'The same letters become different vectors in different contexts; whether a small model truly tells the meanings apart is a separate check.',
};
