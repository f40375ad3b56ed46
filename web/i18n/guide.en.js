// English: the widget guide for course authors (guide.html). Keys start with guide.
export default {
  'guide.page.title': 'tinyformer · widgets for your lessons',
  'guide.page.tagline': 'Put one view into your own lesson page: one script tag, or one iframe',
  'guide.nav.watch': '← Step by step',
  'guide.ways.title': 'Two ways in',
  'guide.ways.script':
    'Script tag: add the line below to your page, then write a widget element wherever you want it. It works from any site (this server sends CORS headers). The widgets of a page share one engine and one copy of each model, and each starts when it scrolls into view.',
  'guide.ways.iframe':
    'Iframe: for places that take no HTML but allow iframes (learning-management systems and the like). The widget’s attributes become URL parameters. With embed-resize.js on the parent page, each iframe keeps the height of its widget.',
  'guide.widgets.title': 'Widgets',
  'guide.widget.concept': 'concept {n}',
  'guide.widget.tokens':
    'How a sentence splits into the model’s tokens: each token’s position and vocabulary id, unknown tokens marked.',
  'guide.widget.attention':
    'The attention weights of one layer and head: rows are the tokens that look, columns the tokens looked at; the future tokens the causal mask hides are hatched.',
  'guide.widget.next-token':
    'The probabilities of the token after a sentence (the engine’s softmax, after temperature), the most likely first.',
  'guide.attr.model': 'the model: ko-char (Korean), en-char (English); without it, the model of the widget’s language',
  'guide.attr.sentence': 'the sentence the model reads; without it, the model’s example',
  'guide.attr.layer': 'the layer, from 1',
  'guide.attr.head': 'the head, from 1, or mean (the mean over the heads)',
  'guide.attr.show-values': 'write each weight in its cell (when the cells are large enough)',
  'guide.attr.controls': 'show menus to pick the layer and the head',
  'guide.attr.top': 'how many tokens to list (the most likely first)',
  'guide.attr.temperature': 'temperature: divides the scores before softmax',
  'guide.default.model': 'ko-char (en-char when lang is en)',
  'guide.default.sentence': 'the model’s example sentence',
  'guide.max.layer': 'the model’s layers (2)',
  'guide.max.head': 'the model’s heads (4), or mean',
  'guide.type.string': 'text',
  'guide.widget.race':
    'An optimizer race trained in the tab: one small model per optimizer from the same seed on the same batches, the engine’s loss at every step.',
  'guide.attr.optimizers': '1 to 4 optimizers to race, as kind:learning-rate (kinds: sgd, momentum, adam, adamw)',
  'guide.attr.corpus': 'the corpus to train on: ko-small, ko, en',
  'guide.attr.steps': 'how many steps to train',
  'guide.attr.seed': 'the seed: the same seed gives the same starting weights and batches',
  'guide.attr.autoplay': 'start training when first seen',
  'guide.default.corpus': 'ko-small (en when lang is en)',
  'guide.widget.positional':
    'The sinusoidal positional encoding: chosen dimensions as waves over the positions, and the whole table as a heatmap.',
  'guide.widget.activation': 'Activation functions as curves, computed by the engine’s kernels.',
  'guide.widget.translate':
    'The Korean→English demo model translates; the cross-attention map shows which Korean tokens each English token looked at.',
  'guide.widget.fill-blank': 'CBOW word vectors guess the blank of a Korean sentence from the words around it.',
  'guide.attr.positions': 'how many positions (rows)',
  'guide.attr.width': 'the model width C (columns)',
  'guide.attr.dims': 'the dimensions drawn as waves, 1 to 8, comma-separated',
  'guide.attr.functions': 'the functions to draw, comma-separated: relu, gelu, gelu_tanh, sigmoid, tanh, silu',
  'guide.attr.from': 'the left end of x',
  'guide.attr.to': 'the right end of x',
  'guide.default.layer': '1 (translate: the last layer)',
  'guide.default.head': '1 (translate: mean)',
  'guide.widget.embedding':
    'Each token’s row of the embedding table (or the position vectors, or their sum), as the engine recorded it.',
  'guide.attr.show':
    'token: the embedding rows; position: the position vectors; sum: both added, the first layer’s input',
  'guide.widget.qkv':
    'Attention step by step: make Q·K·V, scores QKᵀ, ÷√D, mask, softmax, weights × V, join heads, × W_O. Every matrix is the engine’s record; each formula is written again with the picked token’s numbers.',
  'guide.widget.add-norm':
    'The residual connection and layer norm: one token’s x, the layer’s output, their sum and its LayerNorm, with the engine’s means and spreads; LN’s formula with the recorded numbers.',
  'guide.widget.teacher-forcing':
    'Teacher forcing vs free-running: the top token when fed the reference and the reference’s probability, the token written when fed its own words, and where they first part. The reference can be edited in the widget.',
  'guide.widget.train':
    'A small GPT trained in the tab: the loss of every step, a held-out loss every few seconds, and what the model writes as the loss falls. mode="tf" trains with teacher forcing and free-running side by side. It rests off screen.',
  'guide.widget.sagwa':
    'The 사과 lesson: one word becomes different vectors in different contexts. Cosines per layer, a 2-D map, where 사과 looks, and the engine’s check on sentences the model never trained on.',
  'guide.attr.step': 'the step shown: qkv, scores, scale, mask, softmax, weighted, concat, proj',
  'guide.attr.token': 'the token whose numbers are shown (from 1)',
  'guide.attr.after': 'the layer the residual goes around: attention or feed-forward',
  'guide.attr.dim': 'the dimension the formula is written for (from 0); hovering a cell changes it too',
  'guide.attr.reference': 'the English reference (fed to the decoder under teacher forcing)',
  'guide.attr.mode': 'train: one model; tf: the same model trained with teacher forcing and with free-running',
  'guide.attr.optimizer': 'the optimizer: sgd, momentum, adam, adamw',
  'guide.attr.lr': 'the learning rate',
  'guide.attr.free': 'mode tf: how often the free-running model is fed its own guess instead of the text (0 to 1)',
  'guide.attr.prompt': 'what the model’s samples start from',
  'guide.attr.qkv.head': 'the head, from 1',
  'guide.attr.qkv.controls': 'show the step buttons (arrow keys move between them)',
  'guide.attr.add-norm.layer': 'the block, from 1',
  'guide.default.token': 'the last token',
  'guide.default.lr': 'sgd, momentum 0.1; adam, adamw 0.003',
  'guide.default.prompt': 'the first word of the text',
  'guide.default.teacher-forcing.sentence': '나는 밥을 먹었다',
  'guide.default.qkv.layer': '1',
  'guide.default.qkv.head': '1',
  'guide.default.add-norm.layer': '1',
  'guide.max.qkv.head': 'the model’s heads (4)',
  'guide.max.token': 'the sentence’s tokens',
  'guide.max.dim': 'the model’s width − 1 (63)',
  'guide.widget.tour':
    'The guided tour: one chapter per concept on the live widgets (what to look at, one thing to try, a question answered from the engine’s numbers, a takeaway). ←/→ move between chapters.',
  'guide.attr.chapter':
    'the chapter shown: tokens, embedding, positional, attention, qkv, addnorm, ffn, output, forcing, cross, cbow, race, sagwa',
  'guide.attr.minimal': 'hide the progress bar and previous / next (one chapter on a course page)',
  'guide.attrs.title': 'Attributes',
  'guide.attrs.name': 'name',
  'guide.attrs.type': 'values',
  'guide.attrs.default': 'default',
  'guide.attrs.what': 'meaning',
  'guide.attrs.lang': 'the language of the widget’s text (ko, en); without it, the page’s lang, else ko',
  'guide.builder.title': 'Make the code',
  'guide.builder.explain': 'Pick values: the widget above changes at once, and so does the code below.',
  'guide.builder.script': 'Script tag',
  'guide.builder.iframe': 'Iframe',
  'guide.builder.copy': 'Copy',
  'guide.builder.copied': 'Copied',
  'guide.builder.copyFailed': 'Could not copy: select the code and copy it yourself',
  'guide.builder.unset': '(default)',
  'guide.events.title': 'Events and styling',
  'guide.events.text':
    'A widget sends ready (when it first shows numbers), change (when it redrew after an attribute changed) and error (when it shows a message instead; detail.code and detail.message). Colours and fonts follow CSS custom properties: {css}.',
  'guide.where.title': 'Where it works',
  'guide.where.html': 'A plain HTML page: paste the script tag and the element.',
  'guide.where.markdown':
    'Markdown sites (MkDocs, Jupyter Book, Docusaurus, Quarto): wherever raw HTML is allowed. In Quarto, inside a ```{=html} block; in Docusaurus (MDX), write the element as it is; MkDocs and Jupyter Book pass HTML in Markdown through.',
  'guide.where.jupyter':
    'Jupyter notebooks: from IPython.display import IFrame, then IFrame(url, width="100%", height=420) with the iframe address.',
  'guide.where.lms':
    'Learning-management systems that allow only iframes: use the iframe code above. If you cannot add the resize script, give the iframe a generous height.',
  'guide.where.offline':
    'Offline: take the whole built site folder (build/wasm/site) and serve it with any small web server (for example python3 -m http.server in that folder). Browsers do not load modules or WebAssembly from file:// addresses.',
};
