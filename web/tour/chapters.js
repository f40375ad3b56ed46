// The tour's thirteen chapters, in the seed's order. Each chapter names:
//   widgets(ctx)   the live widgets it shows ({tag, attrs}); `main` is the one it points at
//   highlight(w)   the element inside that widget the ring goes round (in the widget's shadow root)
//   tries(ctx)     the "one thing to try": chips that set widget attributes (the chapter waits for the widget's
//                  `change` after one), or `waitFor` for a chapter whose action happens inside the widget
//   ask(ctx)       the predict-then-reveal question, built after the try from the widgets' current attributes:
//                  { params, choices: [{id, label}], solve() → {answer, params} }; every answer is picked from
//                  the engine's numbers for the model on screen (argmax / comparison only, no maths in JS)
// Strings: tour.ch.<id>.{title, look, highlight, try, question, reveal, takeaway} in i18n/tour.*.js.
import { visibleToken, pieceLabel } from '../components/labels.js';
import { siteJson } from '../widgets/store.js';

const SPECIAL = ['<pad>', '<bos>', '<eos>', '<unk>'];

/** Index of the largest value of `values` (the engine's numbers); the first on a tie. */
export function argmax(values) {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** A number from the engine as the tour writes it. */
export const fmt = (x, digits = 3) => Number(x).toFixed(digits);

/** The char model of the tour's language, with its example sentences. */
const GPT = {
  ko: {
    model: 'ko-char',
    sentence: '고양이는 귀엽다',
    others: ['나는 밥을 먹었다', '사과를 구매했다'],
    count: '사과를 샀다',
    probe: '고',
    order: ['나는 밥을 먹었다', '밥을 나는 먹었다'],
    word: '밥',
    prompt: '고양이는 귀엽',
  },
  en: {
    model: 'en-char',
    sentence: 'the cat is cute',
    others: ['i ate rice', 'a red apple'],
    count: 'my dog ran',
    probe: 'a',
    order: ['the cat is cute', 'is the cat cute'],
    word: 'cat',
    prompt: 'the cat is cu',
  },
};
const gpt = (ctx) => GPT[ctx.lang];

/** Token choices "0 고", "1 양", … of an inspection (the id is the position). */
const tokenChoices = (tokens) => tokens.map((t, i) => ({ id: String(i), label: `${i} ${visibleToken(t.text)}` }));

/** The (T, T) attention probabilities of layer/head ('mean' = the engine's mean over the heads). */
async function attentionMap(ctx, run, layer, head) {
  if (head === 'mean') return (await ctx.engine()).headMean(run.tensor(`h${layer - 1}.attn.probs`));
  return run.attention(layer - 1, Number(head) - 1);
}

/** The row `r` of a (rows, cols) tensor. */
const rowOf = (tensor, r) => {
  const cols = tensor.shape[tensor.shape.length - 1];
  return tensor.data.subarray(r * cols, (r + 1) * cols);
};

export const CHAPTERS = [
  {
    id: 'tokens',
    widgets: (ctx) => [{ tag: 'tinyformer-tokens', attrs: { model: gpt(ctx).model, sentence: gpt(ctx).sentence } }],
    highlight: (w) => w.shadowRoot.querySelector('tf-tokens'),
    tries: (ctx) => [gpt(ctx).sentence, ...gpt(ctx).others].map((s) => ({ label: s, attrs: { sentence: s } })),
    async ask(ctx) {
      const sentence = gpt(ctx).count;
      const m = await ctx.model(gpt(ctx).model);
      const tokens = m.tokenize(sentence);
      const n = tokens.length;
      const words = sentence.split(/\s+/).length;
      const options = [...new Set([words, n - 1, n, n + 1])].filter((k) => k > 0).sort((a, b) => a - b);
      return {
        params: { sentence },
        choices: options.map((k) => ({ id: String(k), label: String(k) })),
        solve: () => ({
          answer: String(n),
          params: { n, tokens: tokens.map((t) => visibleToken(t.text)).join(' · ') },
        }),
      };
    },
  },
  {
    id: 'embedding',
    widgets: (ctx) => [
      { tag: 'tinyformer-embedding', attrs: { model: gpt(ctx).model, sentence: gpt(ctx).sentence, show: 'token' } },
    ],
    highlight: (w) => w.shadowRoot.querySelector('tf-heatmap'),
    tries: (ctx) => [gpt(ctx).sentence, ...gpt(ctx).others].map((s) => ({ label: s, attrs: { sentence: s } })),
    async ask(ctx) {
      const m = await ctx.model(gpt(ctx).model);
      const probe = m.tokenize(gpt(ctx).probe)[0];
      // the engine's 100 nearest rows to the probe's (by cosine): the nearest, one from the middle, the last
      const ranked = m.nearestTokens(probe.id, Math.min(100, m.config.vocab_size));
      const picks = [ranked[0], ranked[Math.floor(ranked.length / 2)], ranked[ranked.length - 1]];
      const choices = picks
        .map((p) => ({ id: String(p.id), label: visibleToken(p.text) }))
        .sort((a, b) => a.label.localeCompare(b.label));
      return {
        params: { token: visibleToken(probe.text) },
        choices,
        solve: () => ({
          answer: String(ranked[0].id),
          params: {
            best: visibleToken(ranked[0].text),
            cosBest: fmt(ranked[0].cosine),
            worst: visibleToken(picks[2].text),
            cosWorst: fmt(picks[2].cosine),
          },
        }),
      };
    },
  },
  {
    id: 'positional',
    widgets: (ctx) => [
      { tag: 'tinyformer-positional', attrs: { positions: '24', width: '32', dims: '0,1,6,7' } },
      { tag: 'tinyformer-embedding', attrs: { model: gpt(ctx).model, sentence: gpt(ctx).order[0], show: 'sum' } },
    ],
    main: 1,
    highlight: (w) => w.shadowRoot.querySelector('tf-heatmap'),
    tries: (ctx) => gpt(ctx).order.map((s) => ({ label: s, widget: 1, attrs: { sentence: s } })),
    async ask(ctx) {
      const {
        model: name,
        order: [a, b],
        word,
      } = gpt(ctx);
      const m = await ctx.model(name);
      const rowFor = (sentence) => {
        const run = m.inspect(sentence);
        const position = run.tokens.findIndex((t) => t.text === [...word][0]);
        return { position, row: rowOf(run.tensor('embed.sum'), position) };
      };
      const x = rowFor(a);
      const y = rowFor(b);
      const same = x.row.length === y.row.length && x.row.every((v, i) => v === y.row[i]);
      const answer = same ? 'same' : 'different';
      return {
        params: { a, b, token: [...word][0] },
        choices: [
          { id: 'same', label: ctx.say('tour.same') },
          { id: 'different', label: ctx.say('tour.different') },
        ],
        solve: () => ({
          answer,
          params: {
            p1: x.position,
            p2: y.position,
            v1: fmt(x.row[0]),
            v2: fmt(y.row[0]),
            answer: ctx.say(`tour.${answer}`),
          },
        }),
      };
    },
  },
  {
    id: 'attention',
    widgets: (ctx) => [
      {
        tag: 'tinyformer-attention',
        attrs: { model: gpt(ctx).model, sentence: gpt(ctx).sentence, layer: '1', head: '1' },
      },
    ],
    highlight: (w) => w.shadowRoot.querySelector('tf-heatmap'),
    tries: (ctx) =>
      [
        ['1', '1'],
        ['1', '3'],
        ['2', '2'],
        ['2', 'mean'],
      ].map(([layer, head]) => ({
        label: head === 'mean' ? ctx.say('tour.layerMean', { layer }) : ctx.say('tour.layerHead', { layer, head }),
        attrs: { layer, head },
      })),
    async ask(ctx) {
      const w = ctx.widgets[0];
      const layer = Number(w.getAttribute('layer'));
      const head = w.getAttribute('head');
      const m = await ctx.model(w.getAttribute('model'));
      const run = m.inspect(w.getAttribute('sentence'));
      const T = run.tokens.length;
      const row = rowOf(await attentionMap(ctx, run, layer, head), T - 1);
      const best = argmax(row);
      const where = head === 'mean' ? ctx.say('tour.layerMean', { layer }) : ctx.say('tour.layerHead', { layer, head });
      const choices = tokenChoices(run.tokens);
      return {
        params: { where, token: visibleToken(run.tokens[T - 1].text) },
        choices,
        solve: () => ({ answer: String(best), params: { answer: choices[best].label, weight: fmt(row[best]) } }),
      };
    },
  },
  {
    id: 'qkv',
    widgets: (ctx) => [
      {
        tag: 'tinyformer-qkv',
        attrs: {
          model: gpt(ctx).model,
          sentence: gpt(ctx).sentence,
          layer: '1',
          head: '1',
          step: 'scale',
          controls: '',
          token: String([...gpt(ctx).sentence].length),
        },
      },
    ],
    highlight: (w) => w.shadowRoot.querySelector('.body') ?? w,
    tries: (ctx) => {
      const chars = [...gpt(ctx).sentence];
      return [chars.length, 4, 2].map((k) => ({
        label: `${k - 1} ${visibleToken(chars[k - 1])}`,
        attrs: { token: String(k) },
      }));
    },
    async ask(ctx) {
      const w = ctx.widgets[0];
      const m = await ctx.model(w.getAttribute('model'));
      const run = m.inspect(w.getAttribute('sentence'));
      const q = Number(w.getAttribute('token') ?? run.tokens.length) - 1;
      const head = Number(w.getAttribute('head')) - 1;
      const layer = Number(w.getAttribute('layer')) - 1;
      // the engine's masked, scaled scores (−∞ for the future keys) and the softmax of them
      const scores = rowOf(run.head(`h${layer}.attn.masked`, head), q);
      const probs = rowOf(run.attention(layer, head), q);
      const best = argmax(scores);
      const choices = tokenChoices(run.tokens.slice(0, q + 1));
      return {
        params: { token: `${q} ${visibleToken(run.tokens[q].text)}` },
        choices,
        solve: () => ({
          answer: String(best),
          params: { answer: choices[best].label, score: fmt(scores[best]), prob: fmt(probs[best]) },
        }),
      };
    },
  },
  {
    id: 'addnorm',
    widgets: (ctx) => [
      {
        tag: 'tinyformer-add-norm',
        attrs: {
          model: gpt(ctx).model,
          sentence: gpt(ctx).sentence,
          layer: '1',
          after: 'attention',
          token: String([...gpt(ctx).sentence].length),
        },
      },
    ],
    highlight: (w) => w.shadowRoot.querySelector('tf-heatmap') ?? w.shadowRoot.querySelector('.body'),
    tries: (ctx) => {
      const chars = [...gpt(ctx).sentence];
      return [chars.length, 1, 3].map((k) => ({
        label: `${k - 1} ${visibleToken(chars[k - 1])}`,
        attrs: { token: String(k) },
      }));
    },
    async ask(ctx) {
      const w = ctx.widgets[0];
      const m = await ctx.model(w.getAttribute('model'));
      const tinyformer = await ctx.engine();
      const run = m.inspect(w.getAttribute('sentence'));
      const r = Number(w.getAttribute('token') ?? run.tokens.length) - 1;
      // pre-LN: ln_2 normalises residual_1; post-LN: ln_1 of the block is applied after the residual
      const [sumName, normName] = m.config.norm === 'pre' ? ['h0.residual_1', 'h0.ln_2'] : ['h0.residual_1', 'h0.ln_1'];
      const before = tinyformer.layerNormTerms(rowOf(run.tensor(sumName), r), 0).variance;
      const after = tinyformer.layerNormTerms(rowOf(run.tensor(normName), r), 0).variance;
      const answer = before > after ? 'before' : 'after';
      return {
        params: { token: `${r} ${visibleToken(run.tokens[r].text)}` },
        choices: [
          { id: 'before', label: ctx.say('tour.ch.addnorm.before') },
          { id: 'after', label: ctx.say('tour.ch.addnorm.after') },
        ],
        solve: () => ({
          answer,
          params: { before: fmt(before), after: fmt(after), answer: ctx.say(`tour.ch.addnorm.${answer}`) },
        }),
      };
    },
  },
  {
    id: 'ffn',
    widgets: () => [{ tag: 'tinyformer-activation', attrs: { functions: 'relu,gelu', from: '-4', to: '4' } }],
    highlight: (w) => w.shadowRoot.querySelector('tf-line-chart'),
    tries: () =>
      [
        ['relu,gelu', 'ReLU · GELU'],
        ['sigmoid,tanh', 'sigmoid · tanh'],
        ['relu,gelu,sigmoid,tanh,silu', 'ReLU · GELU · sigmoid · tanh · SiLU'],
      ].map(([functions, label]) => ({ label, attrs: { functions } })),
    async ask(ctx) {
      const tinyformer = await ctx.engine();
      const kinds = [
        ['relu', 'ReLU'],
        ['gelu', 'GELU'],
        ['sigmoid', 'sigmoid'],
      ];
      const names = {
        relu: 'ReLU',
        gelu: 'GELU',
        gelu_tanh: 'GELU (tanh)',
        sigmoid: 'sigmoid',
        tanh: 'tanh',
        silu: 'SiLU',
      };
      const at = kinds.map(([k]) => tinyformer.applyActivation(k, [-1])[0]);
      const negative = kinds.filter((_, i) => at[i] < 0).map(([k]) => k);
      const m = await ctx.model(gpt(ctx).model);
      return {
        params: {},
        choices: kinds.map(([id, label]) => ({ id, label })),
        solve: () => ({
          answer: negative.join(','),
          params: {
            values: kinds.map(([, label], i) => `${label} ${fmt(at[i])}`).join(', '),
            answer: kinds
              .filter(([k]) => negative.includes(k))
              .map(([, label]) => label)
              .join(', '),
            model: names[m.config.activation] ?? m.config.activation,
          },
        }),
      };
    },
  },
  {
    id: 'output',
    widgets: (ctx) => [
      {
        tag: 'tinyformer-next-token',
        attrs: { model: gpt(ctx).model, sentence: gpt(ctx).prompt, top: '6', temperature: '1' },
      },
    ],
    highlight: (w) => w.shadowRoot.querySelector('tf-bar-chart'),
    tries: (ctx) =>
      ['0.5', '1', '2'].map((t) => ({ label: ctx.say('tour.temperature', { t }), attrs: { temperature: t } })),
    async ask(ctx) {
      const w = ctx.widgets[0];
      const sentence = w.getAttribute('sentence');
      const m = await ctx.model(w.getAttribute('model'));
      const probs = m.nextTokenProbs(sentence, { temperature: Number(w.getAttribute('temperature')) });
      const best = argmax(probs);
      // three of the engine's likeliest tokens (at the temperature on screen), in vocabulary order so the order gives nothing away
      const top = [...probs.keys()]
        .sort((a, b) => probs[b] - probs[a])
        .slice(0, 3)
        .sort((a, b) => a - b);
      const vocab = m.tokenizer.vocab;
      const text = m.generate(sentence, { temperature: 0, maxTokens: 8 }).text;
      return {
        params: { sentence, t: w.getAttribute('temperature') },
        choices: top.map((id) => ({ id: String(id), label: visibleToken(vocab[id]) })),
        solve: () => ({
          answer: String(best),
          params: { answer: visibleToken(vocab[best]), prob: fmt(probs[best]), text: `${sentence}${text}` },
        }),
      };
    },
  },
  {
    id: 'forcing',
    // beside it, the same small GPT trained both ways in a Worker while the learner reads (pauses out of view)
    widgets: (ctx) => [
      { tag: 'tinyformer-teacher-forcing', attrs: { sentence: '나는 밥을 먹었다', reference: 'I ate rice' } },
      {
        tag: 'tinyformer-train',
        attrs: { mode: 'tf', corpus: ctx.lang === 'en' ? 'en' : 'ko-small', steps: '200', autoplay: '' },
      },
    ],
    highlight: (w) => w.shadowRoot.querySelector('.body'),
    tries: () =>
      [
        ['나는 밥을 먹었다', 'I ate rice'],
        ['고양이는 귀엽다', 'The cat is cute'],
        ['나는 밥을 먹었다', 'I ate bread'],
      ].map(([sentence, reference]) => ({ label: `${sentence} → ${reference}`, attrs: { sentence, reference } })),
    async ask(ctx) {
      const w = ctx.widgets[0];
      const source = w.getAttribute('sentence');
      const reference = w.getAttribute('reference');
      const translator = await ctx.model('ko-en-word');
      const c = translator.compareDecoding(source, reference);
      const vocab = translator.tokenizers.target.vocab;
      const free = Array.from(c.freeIds, (id) => (id < 4 ? SPECIAL[id] : pieceLabel(vocab[id] ?? '?'))).join(' ');
      const answer = c.firstMistake === -1 ? 'yes' : 'no';
      return {
        params: { source, reference },
        choices: [
          { id: 'yes', label: ctx.say('tour.yes') },
          { id: 'no', label: ctx.say('tour.no') },
        ],
        solve: () => ({
          answer,
          params: {
            free,
            first: c.firstMistake === -1 ? ctx.say('tour.ch.forcing.none') : c.firstMistake + 1,
            answer: ctx.say(`tour.${answer}`),
          },
        }),
      };
    },
  },
  {
    id: 'cross',
    widgets: () => [{ tag: 'tinyformer-translate', attrs: { sentence: '나는 밥을 먹었다', layer: '2', head: 'mean' } }],
    highlight: (w) => w.shadowRoot.querySelector('tf-heatmap'),
    tries: (ctx) => ['1', '2'].map((layer) => ({ label: ctx.say('tour.layer', { layer }), attrs: { layer } })),
    async ask(ctx) {
      const w = ctx.widgets[0];
      const layer = Number(w.getAttribute('layer'));
      const translator = await ctx.model('ko-en-word');
      const r = translator.translate(w.getAttribute('sentence'));
      const map = (await ctx.engine()).headMean(r.inspection.tensor(`dec.h${layer - 1}.xattn.probs`));
      const row = rowOf(map, 0);
      const best = argmax(row);
      const source = [{ text: '<bos>' }, ...r.sourceTokens, { text: '<eos>' }];
      const choices = source.map((t, i) => ({ id: String(i), label: pieceLabel(t.text) }));
      const vocab = translator.tokenizers.target.vocab;
      const first = r.ids[0];
      return {
        params: { layer, word: first < 4 ? SPECIAL[first] : pieceLabel(vocab[first] ?? '?') },
        choices,
        solve: () => ({
          answer: String(best),
          params: { answer: choices[best].label, weight: fmt(row[best]), text: r.text },
        }),
      };
    },
  },
  {
    id: 'cbow',
    widgets: () => [{ tag: 'tinyformer-fill-blank', attrs: { sentence: '나는 ___을 먹었다', top: '5' } }],
    highlight: (w) => w.shadowRoot.querySelector('tf-bar-chart'),
    tries: () =>
      ['나는 ___을 먹었다', '고양이가 ___에서 잤다', '아침에 ___을 마셨다'].map((s) => ({
        label: s,
        attrs: { sentence: s },
      })),
    async ask(ctx) {
      const w = ctx.widgets[0];
      const sentence = w.getAttribute('sentence');
      const words = await ctx.model('ko-words-cbow');
      const { guesses } = words.fillBlank(sentence, 3);
      return {
        params: { sentence },
        choices: guesses
          .map((g) => ({ id: String(g.id), label: g.word }))
          .sort((a, b) => a.label.localeCompare(b.label)),
        solve: () => ({
          answer: String(guesses[0].id),
          params: { answer: guesses[0].word, prob: fmt(guesses[0].prob) },
        }),
      };
    },
  },
  {
    id: 'race',
    widgets: () => [{ tag: 'tinyformer-race', attrs: { optimizers: 'sgd:0.1,adam:0.003', steps: '100', seed: '1' } }],
    // the race's own start button: the learner presses it
    highlight: (w) => w.shadowRoot.querySelector('.body button'),
    waitFor: (w, done) => {
      const seen = new MutationObserver(() => {
        if (w.dataset.running === 'true') {
          seen.disconnect();
          done();
        }
      });
      seen.observe(w, { attributes: true, attributeFilter: ['data-running'] });
      return () => seen.disconnect();
    },
    async ask(ctx) {
      const w = ctx.widgets[0];
      const steps = Number(w.getAttribute('steps'));
      const chart = () => w.shadowRoot.querySelector('tf-line-chart');
      const names = chart().series.map((s) => s.label);
      return {
        params: { steps },
        choices: names.map((label, i) => ({ id: String(i), label })),
        // the race trains on in the Workers: the answer is the engine's losses once every racer reached the end
        solve: () =>
          new Promise((resolve) => {
            const check = () => {
              const series = chart()?.series ?? [];
              if (!w.isConnected) return;
              if (series.length && series.every((s) => s.xs.length >= steps)) {
                const last = series.map((s) => s.ys[s.ys.length - 1]);
                const best = last.indexOf(Math.min(...last));
                resolve({
                  answer: String(best),
                  params: {
                    steps,
                    answer: names[best],
                    losses: names.map((n, i) => `${n} ${fmt(last[i])}`).join(', '),
                  },
                });
              } else setTimeout(check, 300);
            };
            check();
          }),
      };
    },
  },
  {
    id: 'sagwa',
    widgets: () => [{ tag: 'tinyformer-sagwa', attrs: {} }],
    highlight: (w) => w.shadowRoot.querySelector('tf-sagwa-lesson .sagwa-layers'),
    // the lesson's own layer buttons: the learner picks one
    waitFor: (w, done) => {
      const onClick = (e) => {
        if (e.composedPath().some((n) => n.dataset?.layer !== undefined)) {
          w.removeEventListener('click', onClick);
          done();
        }
      };
      w.addEventListener('click', onClick);
      return () => w.removeEventListener('click', onClick);
    },
    async ask(ctx) {
      const m = await ctx.model('ko-char');
      const lesson = await siteJson('data/sagwa-lesson.json');
      const texts = lesson.sentences.map((s) => s.text);
      const c = (await ctx.engine()).compareSenses(
        m,
        texts,
        lesson.word,
        lesson.sentences.map((s) => s.senses),
      );
      const last = c.layerGroups[c.layerGroups.length - 1];
      const answer = last.within > last.across ? 'yes' : 'no';
      return {
        params: { n: texts.length, input: fmt(c.embeddingGroups.across) },
        choices: [
          { id: 'yes', label: ctx.say('tour.yes') },
          { id: 'no', label: ctx.say('tour.no') },
        ],
        solve: () => ({
          answer,
          params: { within: fmt(last.within), across: fmt(last.across), answer: ctx.say(`tour.${answer}`) },
        }),
      };
    },
  },
];

export const CHAPTER_IDS = CHAPTERS.map((c) => c.id);
