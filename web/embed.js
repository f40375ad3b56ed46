// The one script a course author adds to a lesson page, from any origin:
//   <script type="module" src="https://…/embed.js"></script>
//   <tinyformer-attention sentence="고양이는 귀엽다" layer="2" head="mean" lang="ko"></tinyformer-attention>
// It defines the widget elements the page uses (widgets.json lists them all with their attributes, events and an
// example): each widget's code loads when its element first appears in the document, so a page of two widgets
// does not download fifteen. All the widgets of a page share one engine (one WebAssembly instance) and one copy
// of each model; each starts when it first scrolls into view.
//
// An element created inside another component's shadow root is not seen: load it first with
//   await loadWidget('tinyformer-attention')   (or import './widgets/tinyformer-attention.js').

/** Each widget's tag and the module that defines it. */
const MODULES = Object.freeze({
  'tinyformer-tokens': () => import('./widgets/tinyformer-tokens.js'),
  'tinyformer-embedding': () => import('./widgets/tinyformer-embedding.js'),
  'tinyformer-positional': () => import('./widgets/tinyformer-positional.js'),
  'tinyformer-attention': () => import('./widgets/tinyformer-attention.js'),
  'tinyformer-qkv': () => import('./widgets/tinyformer-qkv.js'),
  'tinyformer-add-norm': () => import('./widgets/tinyformer-add-norm.js'),
  'tinyformer-activation': () => import('./widgets/tinyformer-activation.js'),
  'tinyformer-next-token': () => import('./widgets/tinyformer-next-token.js'),
  'tinyformer-teacher-forcing': () => import('./widgets/tinyformer-teacher-forcing.js'),
  'tinyformer-train': () => import('./widgets/tinyformer-train.js'),
  'tinyformer-translate': () => import('./widgets/tinyformer-translate.js'),
  'tinyformer-fill-blank': () => import('./widgets/tinyformer-fill-blank.js'),
  'tinyformer-race': () => import('./widgets/tinyformer-race.js'),
  'tinyformer-sagwa': () => import('./widgets/tinyformer-sagwa.js'),
  'tinyformer-tour': () => import('./tour/tinyformer-tour.js'),
});

/** Every widget's tag, in widgets.json's order. */
export const TAGS = Object.freeze(Object.keys(MODULES));

const loading = new Map(); // tag → Promise of its class

/** Loads the widget `tag` once and resolves to its class (defined by then; static spec = { tag, attributes }). */
export function loadWidget(tag) {
  if (!Object.hasOwn(MODULES, tag))
    return Promise.reject(new Error(`no widget named ${tag}; widgets: ${TAGS.join(', ')}`));
  if (!loading.has(tag))
    loading.set(
      tag,
      MODULES[tag]().then(() => customElements.whenDefined(tag)),
    );
  return loading.get(tag);
}

/** Every widget class (loads them all): for the guide and tools that list the widgets. */
export const allWidgets = () => Promise.all(TAGS.map(loadWidget));

/** Loads the widgets used in `root` (an element or the document). */
function loadUsed(root) {
  for (const tag of TAGS) {
    if (!loading.has(tag) && (root.localName === tag || root.querySelector?.(tag))) loadWidget(tag);
  }
}

if (typeof document !== 'undefined') {
  loadUsed(document);
  const watcher = new MutationObserver((changes) => {
    for (const change of changes) for (const node of change.addedNodes) if (node.nodeType === 1) loadUsed(node);
    if (loading.size === TAGS.length) watcher.disconnect(); // every widget is defined: nothing left to look for
  });
  watcher.observe(document, { childList: true, subtree: true });
}

export { engineInstances, MODELS } from './widgets/store.js';
