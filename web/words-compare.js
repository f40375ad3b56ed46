// words.html, section 4: the word vectors' one row per word beside the shipped GPT's one input-embedding row per
// token and its contextual vectors (one per word in context). The part of the page's controller that talks to
// the engine for this section: Tinyformer.compareSenses on the GPT, WordVectors.neighbours / vectors on the word
// vectors. Every number shown is the engine's; this module only parses the learner's lines and places the results.
import { errorMessage, t } from './i18n/index.js';
import { fixed } from './components/words/common.js';

const GPT = 'models/ko-char.safetensors';
const LESSON = 'data/sagwa-lesson.json'; // the 사과 lesson's sentences and senses (watch page)
const NEIGHBOURS = 5;

/**
 * Lines "sentence | sense, sense" → sentences and per-sentence senses (text only; the engine finds the word).
 * @returns {{sentences: string[], labels: string[][]}}
 */
export function parseLines(text) {
  const sentences = [],
    labels = [];
  for (const line of text.split('\n')) {
    const bar = line.lastIndexOf('|');
    const sentence = (bar < 0 ? line : line.slice(0, bar)).trim();
    if (!sentence) continue;
    sentences.push(sentence);
    labels.push(
      bar < 0
        ? []
        : line
            .slice(bar + 1)
            .split(',')
            .map((x) => x.trim())
            .filter((x) => x),
    );
  }
  return { sentences, labels };
}

/**
 * The section's controller. `$` finds elements by id; `fetchBytes` / `fetchText` load site files.
 * show(vectors, table, categories) redraws with the page's current word vectors.
 */
export function createCompare({ tinyformer, $, fetchBytes, fetchText, showMessage, page }) {
  const s = { gpt: null, lesson: null, defaultText: '', layer: -1, vectors: null, table: 'output', categories: {} }; // this section's state
  /** A heatmap with this matrix, or hidden. */
  const setMatrix = (id, m) => {
    $(id).hidden = !m;
    if (m) $(id).matrix = m;
  };

  const lessonText = () =>
    s.lesson.sentences
      .map((x) => `${x.text} | ${x.senses.map((k) => t(`words.compare.sense.${k}`)).join(', ')}`)
      .join('\n');

  async function load() {
    const [bytes, lesson] = await Promise.all([fetchBytes(GPT), fetchText(LESSON)]);
    s.gpt = tinyformer.loadModel(bytes);
    s.lesson = JSON.parse(lesson);
    s.defaultText = lessonText();
    $('compare-sentences').value = s.defaultText;
    $('compare-word').value = s.lesson.word;
    $('compare-word').addEventListener('input', () => draw());
    $('compare-sentences').addEventListener('input', () => draw());
    $('compare-layer').addEventListener('change', () => {
      s.layer = Number($('compare-layer').value);
      draw();
    });
    $('compare-neighbours').addEventListener('pick-word', (e) => {
      $('compare-word').value = e.detail.word;
      draw();
    });
  }

  /** The language changed: the shipped sentences get their senses in it (the learner's own text stays); the page redraws. */
  function relocalize() {
    if (!s.lesson) return;
    if ($('compare-sentences').value === s.defaultText) $('compare-sentences').value = lessonText();
    s.defaultText = lessonText();
  }

  function gptError(err, word) {
    switch (err?.code) {
      case 'word_not_found':
        return t('words.compare.notFound', { word });
      case 'unknown_word':
        return t('words.compare.unknownGpt', { word });
      case 'too_long':
        return t('words.compare.tooLong', { detail: err.detail, detail2: err.detail2 });
      default:
        return errorMessage(err);
    }
  }

  function drawCbow(word) {
    const v = s.vectors;
    $('compare-cbow-senses').hidden = !s.generatedCorpus; // the note speaks of the generated corpus
    let id;
    try {
      id = v.wordId(word);
    } catch {
      setMatrix('compare-cbow-vector', null);
      $('compare-neighbours').hidden = true;
      $('compare-cbow-explain').textContent = '';
      return t('words.compare.unknownCbow', { word });
    }
    const m = v.vectors(s.table);
    const C = m.shape[1];
    $('compare-cbow-explain').textContent = t('words.compare.cbowExplain', {
      table: t(`words.table.${s.table}`),
      dim: C,
    });
    const h = $('compare-cbow-vector');
    h.setAttribute('col-title', t('words.heat.cols'));
    setMatrix('compare-cbow-vector', {
      values: m.data.slice(id * C, (id + 1) * C),
      rows: 1,
      cols: C,
      rowLabels: [v.words[id]],
      colLabels: Array.from({ length: C }, (_, i) => String(i)),
    });
    $('compare-neighbours').hidden = false;
    const list = v
      .neighbours(v.words[id], NEIGHBOURS, s.table)
      .map((n) => ({ word: n.word, cosine: n.cosine, category: s.categories[n.word] ?? null }));
    $('compare-neighbours').data = {
      word: v.words[id],
      category: s.categories[v.words[id]] ?? null,
      choices: v.words.slice(4).filter((w) => w.trim()),
      list,
    };
    return null;
  }

  function drawGpt(word, sentences, labels) {
    const c = tinyformer.compareSenses(s.gpt, sentences, word, labels);
    const cfg = s.gpt.config;
    const N = c.labels.length;
    const names = c.labels.map((l, i) => `${i + 1} ${l || t('words.compare.unlabelled')}`);
    const groups = (g) =>
      g.withinPairs && g.acrossPairs
        ? t('words.compare.groups', {
            within: fixed(g.within),
            across: fixed(g.across),
            wp: g.withinPairs,
            ap: g.acrossPairs,
          })
        : t('words.compare.noGroups');
    const cosine = (id, m) => {
      const h = $(id);
      h.setAttribute('label', t('words.compare.cosTitle'));
      setMatrix(id, {
        values: m.data,
        rows: N,
        cols: N,
        rowLabels: names,
        colLabels: names.map((_, i) => String(i + 1)),
      });
    };
    // (b) the rows of the word's tokens, the same in every sentence
    $('compare-embed-explain').textContent = t('words.compare.embedExplain', {
      tokens: c.wordTexts.join(', '),
      dim: cfg.n_embd,
    });
    const rows = $('compare-token-rows');
    rows.setAttribute('col-title', t('words.heat.cols'));
    setMatrix('compare-token-rows', {
      values: c.tokenRows.data,
      rows: c.tokenRows.shape[0],
      cols: c.tokenRows.shape[1],
      rowLabels: c.wordTexts,
      colLabels: Array.from({ length: c.tokenRows.shape[1] }, (_, i) => String(i)),
    });
    cosine('compare-embed-cos', c.embeddingCosine);
    $('compare-embed-groups').textContent = groups(c.embeddingGroups);
    // (c) the hidden states at a layer, different per sentence
    const layer = s.layer < 0 || s.layer >= c.layers ? c.layers - 1 : s.layer;
    $('compare-layer').replaceChildren(
      ...Array.from(
        { length: c.layers },
        (_, l) =>
          new Option(
            l === 0 ? t('words.compare.layer0') : t('words.compare.layerN', { n: l }),
            String(l),
            false,
            l === layer,
          ),
      ),
    );
    cosine('compare-context-cos', c.cosine[layer]);
    $('compare-context-groups').textContent = groups(c.layerGroups[layer]);
    // which sentence each number is
    $('compare-occurrences').replaceChildren(
      ...c.occurrences.map((o, i) => {
        const li = document.createElement('li');
        const sense = document.createElement('span');
        sense.className = 'sense';
        sense.textContent = ` · ${c.labels[i] || t('words.compare.unlabelled')}`;
        li.append(sentences[o.sentence], sense);
        return li;
      }),
    );
    $('compare-model').textContent = t('words.compare.model', {
      layers: cfg.n_layer,
      dim: cfg.n_embd,
      vocab: cfg.vocab_size,
    });
    document.body.dataset.compared = `${word}:${N}:${layer}`;
    return c;
  }

  function clearGpt() {
    for (const id of ['compare-token-rows', 'compare-embed-cos', 'compare-context-cos']) setMatrix(id, null);
    for (const id of ['compare-embed-groups', 'compare-context-groups', 'compare-embed-explain'])
      $(id).textContent = '';
    $('compare-occurrences').replaceChildren();
    $('compare-layer').replaceChildren();
  }

  function draw() {
    Object.assign(s, page());
    if (!s.gpt || !s.vectors) return;
    const word = $('compare-word').value.trim();
    const { sentences, labels } = parseLines($('compare-sentences').value);
    if (!word || !sentences.length) {
      clearGpt();
      drawCbow(word);
      showMessage('compare-message', t('words.compare.empty'));
      return;
    }
    const notes = [];
    const cbow = drawCbow(word);
    if (cbow) notes.push(cbow);
    try {
      drawGpt(word, sentences, labels);
    } catch (err) {
      clearGpt();
      notes.unshift(gptError(err, word));
      showMessage('compare-message', notes.join(' '), 'error');
      return;
    }
    showMessage('compare-message', notes.join(' '));
  }

  return {
    load,
    relocalize,
    /** The page's word vectors changed (loaded, trained, another table). */
    redraw: draw,
  };
}
