// @ts-check
// The page's one engine and one copy of each model, shared by every widget on the page (the store of the
// widgets; views never touch it). Files are found next to this module, so a page on another origin that loads
// embed.js from this site gets the site's .wasm and models (the server sends CORS headers).
import { createTinyformer, TinyformerError } from '../lib/tinyformer.js';

const SITE = new URL('../', import.meta.url);

/** The models a widget can name (kind: which engine class reads the file), with a sentence to open on. */
export const MODELS = Object.freeze({
  'ko-char': Object.freeze({ kind: 'gpt', file: 'models/ko-char.safetensors', sentence: '고양이는 귀엽다' }),
  'en-char': Object.freeze({ kind: 'gpt', file: 'models/en-char.safetensors', sentence: 'the cat is cute' }),
  'ko-en-word': Object.freeze({
    kind: 'translator',
    file: 'models/ko-en-word.safetensors',
    sentence: '나는 밥을 먹었다',
  }),
  'ko-words-cbow': Object.freeze({
    kind: 'words',
    file: 'models/ko-words-cbow.safetensors',
    sentence: '나는 ___을 먹었다',
  }),
});

/** The names of the models of one kind ('gpt', 'translator', 'words'). */
export const modelsOf = (kind) => Object.keys(MODELS).filter((name) => MODELS[name].kind === kind);

const LOADERS = { gpt: 'loadModel', translator: 'loadTranslator', words: 'loadWordVectors' };

/** The built-in corpora a training widget can name. */
export const CORPORA = Object.freeze({ 'ko-small': 'data/ko-small.txt', ko: 'data/ko.txt', en: 'data/en.txt' });

let enginePromise = null;
const corpusPromises = new Map();
const modelPromises = new Map();
let instances = 0;

/** The engine, started on first use; every later call gets the same one. */
export function engine() {
  enginePromise ??= createTinyformer().then((tinyformer) => {
    instances++;
    return tinyformer;
  });
  return enginePromise;
}

/** How many engines (wasm instances) this page has started: at most 1. */
export function engineInstances() {
  return instances;
}

/** A shipped model by name, fetched and loaded once per page. Rejects with code 'bad_model' for other names. */
export function model(name) {
  const entry = Object.hasOwn(MODELS, name) ? MODELS[name] : null;
  if (!entry) return Promise.reject(new TinyformerError(`unknown model ${name}`, 'bad_model'));
  if (!modelPromises.has(name)) {
    const loading = (async () => {
      const url = new URL(entry.file, SITE);
      let bytes;
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch (err) {
        throw new TinyformerError(err?.message ?? String(err), 'fetch_failed');
      }
      return (await engine())[LOADERS[entry.kind]](bytes);
    })();
    loading.catch(() => modelPromises.delete(name)); // a failed load may be tried again
    modelPromises.set(name, loading);
  }
  return modelPromises.get(name);
}

/** A built-in corpus's text, fetched once per page. */
export function corpusText(name) {
  if (!Object.hasOwn(CORPORA, name)) return Promise.reject(new TinyformerError(`unknown corpus ${name}`, 'bad_corpus'));
  if (!corpusPromises.has(name)) {
    const loading = fetch(new URL(CORPORA[name], SITE)).then(
      (r) => {
        if (!r.ok) throw new TinyformerError(`${CORPORA[name]}: HTTP ${r.status}`, 'fetch_failed');
        return r.text();
      },
      (err) => {
        throw new TinyformerError(err?.message ?? String(err), 'fetch_failed');
      },
    );
    loading.catch(() => corpusPromises.delete(name));
    corpusPromises.set(name, loading);
  }
  return corpusPromises.get(name);
}

const jsonPromises = new Map();
/** A JSON file of this site (e.g. data/sagwa-lesson.json), fetched once per page. */
export function siteJson(path) {
  if (!jsonPromises.has(path)) {
    const loading = fetch(new URL(path, SITE)).then(
      (r) => {
        if (!r.ok) throw new TinyformerError(`${path}: HTTP ${r.status}`, 'fetch_failed');
        return r.json();
      },
      (err) => {
        throw new TinyformerError(err?.message ?? String(err), 'fetch_failed');
      },
    );
    loading.catch(() => jsonPromises.delete(path));
    jsonPromises.set(path, loading);
  }
  return jsonPromises.get(path);
}

/** An address on this site (e.g. the full app, for a widget's "open in tinyformer" link). */
export function siteUrl(path) {
  return new URL(path, SITE).href;
}
